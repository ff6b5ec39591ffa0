"""One amount told in two units is one figure: "$12.9bn (\u00a310bn)", "1,100 tons (998 metric tons)",
"about 2,750 tons, or 2,500 metric tons". The figure reader (monitor.extract.items.figures) reads past the
brackets of a conversion; this drops the restated amount it then finds again."""

from __future__ import annotations

import re
from functools import cache

from monitor.extract.items.figure_mention import FigureMention
from monitor.extract.lexicon import load_data_file

__all__ = ["without_conversions"]


_OR_RESTATED_RE = re.compile(r",\s+or\s+(?:about\s+|some\s+|roughly\s+)?")


def _same_kind(a: FigureMention, b: FigureMention) -> bool:
    """Whether b can restate a in another unit: b names a unit or a metric that ends in a unit word."""
    last = (b.metric or "").split()[-1:] or [""]
    if "percent" in (a.unit, b.unit) or b.unit == a.unit:
        return False  # "$5 billion, or 12%", "$2.8 billion, or $2.53 a share": another figure
    return b.unit is not None or last[0] in _unit_words()


@cache
def _unit_words() -> frozenset[str]:
    """numbers.yaml `restated_unit_words`: the last words of a unit the lexicon may not know as one."""
    return frozenset(str(w).lower() for w in load_data_file("numbers.yaml").get("restated_unit_words", []))


def without_conversions(sentence: str, mentions: list[FigureMention]) -> list[FigureMention]:
    """ "$12.9bn (£10bn)", "2 inches (50.8 millimeters)": the amount in brackets restates the one before it in
    another unit; one figure."""
    out: list[FigureMention] = []
    for f in mentions:
        prev = out[-1] if out else None
        # The one before has read past the brackets (`_CONVERSION_RE`): this is the amount inside them
        # ("1,100 tons (998 metric tons)": the unit inside may be one the lexicon does not know).
        if prev and prev.unit and f.start < prev.end:
            continue
        # "about 2,750 tons, or 2,500 metric tons": the same amount restated after ", or".
        restated = prev and prev.unit and _OR_RESTATED_RE.fullmatch(sentence, prev.end, f.start)
        if prev and restated and _same_kind(prev, f):
            continue
        out.append(f)
    return out
