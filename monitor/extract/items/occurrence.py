"""A trigger found in a sentence (`Occurrence`) and who its happening is about (`Actors`): what the event
steps (monitor.extract.items.event_items, event_dates) pass between them."""

from __future__ import annotations

from dataclasses import dataclass

from monitor.extract.items.document import Entity, Tok


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One trigger in its sentence: where it is, its kind, its clause and the words before it there."""

    start: int
    end: int
    surface: str  # the trigger as written (line breaks and all)
    trigger: str  # the trigger with single spaces, as the lexicon knows it
    kind: str
    clause: tuple[int, int]
    tokens_before: list[Tok]
    is_noun: bool  # "the delivery", "a phone call": named, not told with a verb


@dataclass(frozen=True, slots=True)
class Actors:
    """Who an event is about: the subject name (if one stands before the trigger) and the actor names."""

    subject: Entity | None
    names: list[str]
    by_reference: bool  # the first actor came from a pronoun or "the ministry"
    speaker_after: Entity | None = None  # a statement's speaker named after its verb ("..., said X")
    referred: int = 1  # with `by_reference`, how many of the first actors the reference stands for ("they")
