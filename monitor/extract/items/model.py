"""The timeline item: what the extractor hands on for one event or figure of a document.

A plain frozen record with the keys of the output contract; `to_dict` gives its JSON form. Every other
module of monitor.extract.items builds or compares these, so this one imports nothing of the package.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# The kinds of a movement: a trip is told with many verbs ("departed", "left for", "took off"), and who
# departs or arrives is the subject, never a name after the verb ("reached Ada by phone": no arrival of Ada).
MOVEMENT_KINDS = frozenset({"departure", "arrival"})


@dataclass(frozen=True)
class Item:
    """One timeline item read from a document (an event or a figure)."""

    kind: str
    date: str | None
    summary: str
    evidence: str
    start: int
    end: int
    actors: tuple[str, ...] = ()
    location: str | None = None
    subject: str | None = None
    metric: str | None = None
    value: float | int | None = None
    unit: str | None = None
    qualifier: str | None = None
    attribution: str | None = None
    # An undated report of a happening (`extract_items(..., latent=True)`): no row on its own; it corroborates
    # another outlet's telling of the same happening (monitor.track.timeline), and is never in `to_dict`.
    latent: bool = False

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict with the contract's keys (actors as a list)."""
        return {
            "kind": self.kind,
            "date": self.date,
            "summary": self.summary,
            "evidence": self.evidence,
            "start": self.start,
            "end": self.end,
            "actors": list(self.actors),
            "location": self.location,
            "subject": self.subject,
            "metric": self.metric,
            "value": self.value,
            "unit": self.unit,
            "qualifier": self.qualifier,
            "attribution": self.attribution,
        }
