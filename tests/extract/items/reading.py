"""Test support for the item tests: the triggers and the events the extractor reads in one text."""

from __future__ import annotations

import datetime as dt

from monitor.extract.items import Item, extract_items
from monitor.extract.items.document import Doc
from monitor.extract.items.triggers import find_triggers
from monitor.extract.lexicon import load_lexicon


def triggers_of(text: str, published: dt.date) -> list[tuple[str, str]]:
    """(trigger as written, kind) for every trigger found in `text`."""
    doc = Doc(text=text, published=published, lex=load_lexicon(), quotes=[], timexes=[])
    return [(found, kind) for _s, _e, found, kind in find_triggers(doc, 0, len(text))]


def events_of(text: str, published: dt.date) -> list[Item]:
    """The event items (figures left out) of `text`."""
    return [i for i in extract_items(text, published) if i.kind != "figure"]
