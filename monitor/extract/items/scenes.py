"""The scene a paragraph is telling: what a sentence naming a day leaves the next ones of its paragraph (the
day, the kinds of happening it dated and who acted in them) and the report's last named day; and the
statement one who acted there made, dated by it."""

from __future__ import annotations

import re

from monitor.extract.items.dating import DAY_TYPES, iso_day, scene_date, year_of_a_noun
from monitor.extract.items.document import Doc, SentenceInfo
from monitor.extract.items.event_dates import simple_past_main_clause
from monitor.extract.items.merge import Draft
from monitor.extract.items.occurrence import Actors, Occurrence
from monitor.extract.items.opening import quoted_before, said_after


def remember_scene(doc: Doc, info: SentenceInfo, drafts: list[Draft]) -> None:
    """The scene after this sentence: the day it names last (`Doc.scene`, with the kinds and the actors of
    what it dated that day), or the scene before going on in the same paragraph with what this one dated
    on its day, or none in a new paragraph; and the report's last named day (`Doc.last_day`)."""
    dated = [(tx, v) for tx, v in info.timexes if tx.type in DAY_TYPES and tx.start not in info.bound]
    paragraph = doc.paragraph_start(info.sentence.start)
    if dated:
        day = dated[-1][1]
        doc.scene = (paragraph, day)
        doc.scene_kinds = {d.item.kind for d in drafts if d.item.date == day}
        doc.scene_actors = _actors_of(drafts, day)
        # "over the weekend", "this week": no day, nor a move away from the report's days (a month or a
        # year is: "in March, ..." tells an earlier scene, but "its 2019 report" none)
        named = [v for tx, v in dated if "-W" not in v and not year_of_a_noun(doc.text, tx)
                 and not _SPAN_TO_NOW_RE.match(tx.text)]
        # "were arrested on Wednesday ..., the attorney general announced today": the day the report is
        # given is no scene; the happening's day is
        today = doc.published.isoformat() if doc.published else None
        told = [v for v in named if v != today] or named
        if told:
            doc.last_day = told[-1]
    elif doc.scene is not None and doc.scene[0] != paragraph:
        doc.scene = None
    elif doc.scene is not None:
        doc.scene_kinds |= {d.item.kind for d in drafts if d.item.date == doc.scene[1]}
        doc.scene_actors |= _actors_of(drafts, doc.scene[1])


# "the fifth shooting in the past month": a span up to now, no earlier scene ("Last month, ..." is one)
_SPAN_TO_NOW_RE = re.compile(r"(?:the\s+)?past\s", re.IGNORECASE)


def _actors_of(drafts: list[Draft], day: str) -> set[str]:
    """The surnames (last words) of those who acted in what the drafts date `day`, statements aside: a later
    "Marrow said" names the "Ilse Marrow" who testified, before the names of the document are linked."""
    return {name.split()[-1] for d in drafts if d.item.date == day and d.item.kind != "statement"
            for name in d.item.actors if name.split()}


def speakers_scene_day(doc: Doc, info: SentenceInfo, occ: Occurrence, who: Actors) -> str | None:
    """The scene's day for a statement with no date of its own whose speaker acted in the scene its paragraph
    is telling ("Ilse Marrow ... testified before the county board on Monday. Marrow said she had never ..."):
    said there. Only a speaker named (no "he"), in the simple past, whose words the sentence gives, quoted
    before the verb or told after it: "Ann Lee told reporters." only attributes the words of sentences before
    it, and ", the firm said." after words of no quote may be the firm's report of any day."""
    if occ.kind != "statement" or not who.names or who.by_reference:
        return None
    scene = scene_date(info, doc)
    surname = (who.names[0].split() or [""])[-1]
    if scene is None or iso_day(scene) is None or surname not in doc.scene_actors:
        return None
    if not quoted_before(info, occ) and not said_after(doc, info, occ):
        return None
    return scene if simple_past_main_clause(doc, info, occ) else None
