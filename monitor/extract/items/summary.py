"""The one-line summaries of items: "Meeting: X met Y", "Statement: ...", "Figure: Turkey deaths 4,000".

Text shaping only: clause clean-up, word caps and labels; the facts come from the other steps.
"""

from __future__ import annotations

import re

from monitor.extract.items.figures import FigureMention
from monitor.extract.lexicon import Lexicon
from monitor.numbers import format_figure


def clean_clause(text: str) -> str:
    """A clause as a summary's words: no outer punctuation, no joining word or article before its subject
    ("while the dairy index rose" -> "dairy index rose", "after the rebels freed" -> "rebels freed")."""
    text = re.sub(r"^[\s,;:\-—–\"“”]+|[\s,;:\-—–\"“”.]+$", "", text)
    text = _OPENING_RE.sub("", text)
    return re.sub(r"\s+", " ", text)


_OPENING_RE = re.compile(
    r"^(?:(?:and|but|or|yet|while|whereas|after|before)\s+)?(?:(?:a|an|the)\s+)?", re.IGNORECASE
)


def cap(text: str, words: int = 16) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" ..." if len(parts) > words else "")


def label(kind: str) -> str:
    return kind.replace("_", " ").capitalize()


def event_summary(
    kind: str, actors: tuple[str, ...], trigger: str, clause_text: str, is_noun: bool = False
) -> str:
    if kind in ("call", "meeting") and len(actors) >= 2:
        words = trigger.split()
        if is_noun:  # "a phone call", "the summit"
            verb = f"held a {trigger} with"
        elif words[-1].lower() in ("with", "to") or len(words) == 1 or words[0].lower() in ("will", "to"):
            verb = trigger  # "spoke with", and verbs that take the other party: "met", "phoned", "will meet"
        else:
            verb = f"{trigger} with"  # "held talks", "spoke by phone"
        return f"{label(kind)}: {actors[0]} {verb} {' and '.join(actors[1:])}"
    return f"{label(kind)}: {cap(clause_text)}"


def figure_summary(f: FigureMention, subject: str | None, attribution: str | None, lex: Lexicon) -> str:
    head = " ".join(p for p in (subject, f.metric) if p)
    line = f"Figure: {head} {format_figure(f.value, f.qualifier, f.unit)}".replace("  ", " ")
    if attribution:
        line += f" ({attribution})"
    return line
