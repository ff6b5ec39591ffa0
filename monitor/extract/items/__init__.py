"""Dated events and figures of one document: text + temporal expressions -> timeline items.

Pure functions over the document text. The steps, each driven by the data in monitor/extract/data/en/, and the
module of each:

1. furniture: split sentences (monitor.extract.sentences), find quotations (quotes are not events and their
   dates date nothing), skip page furniture ("Related article: ...") and headline-like lines; dateline: the
   "WASHINGTON --" prefixes and the publication date a date line gives;
2. names: runs of capitalised words, trimmed of titles ("Russian President Vladimir Putin" -> Vladimir
   Putin, of Russia), classified with the place gazetteer and organisation cues, surnames expanded to the
   full name given earlier in the document;
3. events: trigger words per kind (triggers); actors are the subject before the trigger (and, for calls
   and meetings, the names after it), a pronoun, "the ministry" or "the company" resolved to the last
   fitting name (references, from what memory keeps of the sentences before), or else the person or
   organisation named right after the verb; event_items turns each trigger into a draft (occurrence: the
   trigger and actors passed between the event steps), but where no_happening finds words that tell none
   (a question, a list of headlines, a participle describing a noun);
4. figures: figures reads the number, qualifier, unit and metric (counted: a total named before it, a number
   spelled out); figure_items adds the subject (the place, else the name, the figure is about), the
   attribution ("according to X", or the speaker) and the as-of date;
5. dating (dating, event_dates, story_year): the temporal expression in the trigger's clause (or one fronted
   to the sentence: "Last month, ..."); without one, the publication date only when the verb is present or
   present perfect ("has departed", "now has"), the breaking story's day for its simple past; past perfect,
   future and "previously" stay undated; a month or day without its year takes the year the story wrote out;
6. merge: one event told twice is one item (same kind, compatible date, actors and place): the better-dated
   report is kept.

extract runs them (extract_items); model holds Item, document the shared working model, summary the
one-line summaries.

    >>> import datetime
    >>> items = extract_items("The minister has arrived in Paris.", datetime.date(2020, 4, 1))
    >>> [(i.kind, i.date, i.location) for i in items]
    [('arrival', '2020-04-01', 'Paris')]
"""

from __future__ import annotations

from monitor.extract.items.dateline import published_from_dateline
from monitor.extract.items.extract import extract_items
from monitor.extract.items.model import Item
from monitor.extract.lexicon import load_lexicon

__all__ = ["Item", "extract_items", "load_lexicon", "published_from_dateline"]
