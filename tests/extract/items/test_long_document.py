"""Extraction over a long document (a live blog of thousands of sentences) is linear in its length.

Each sentence is analysed against its own dates, quotes and lines only (indexed once per document), never by
rescanning the whole document; these tests count that work and time it on CPU (robust to a loaded machine).
"""

from __future__ import annotations

import datetime as dt
import time

import pytest

from monitor.extract.items import dating, extract, extract_items, usable_dates

PUB = dt.date(2020, 4, 1)
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
_NAMES = ("Anna Petrova", "John Smith", "Maria Lopez", "Tom Berg")
_PLACES = ("Moscow", "Paris", "Berlin", "Madrid")


def _blog(sentences: int) -> str:
    """A plain-text live blog of dated sentences, five to a paragraph; one in ten tells a happening or a
    figure (with names and quotes), so that the text, not the number of items, grows."""
    out = []
    for i in range(sentences):
        day, name, place = _DAYS[i % 5], _NAMES[i % 4], _PLACES[i % 3]
        if i % 20 == 3:
            out.append(f'"We sold {i + 12} cars on {day}," {name} said in {place}.')
        elif i % 20 == 13:
            out.append(f"On {day}, {name} said {i + 100} people were evacuated in {place}.")
        elif i % 2:
            out.append(f"Our reporter in {place} on {day}: {name}, a teacher, and the mild weather.")
        else:
            out.append(f"Notes from {place}, March {i % 28 + 1}, 2019: the old town hall and its square.")
        if i % 5 == 4:
            out.append("\n\n")
    return "Live: the story so far\n\n" + " ".join(out)


def _cpu(text: str) -> float:
    """Best CPU time of two runs of extract_items over `text`."""
    best = float("inf")
    for _ in range(2):
        start = time.process_time()
        extract_items(text, PUB)
        best = min(best, time.process_time() - start)
    return best


def test_long_document_is_read_once_per_sentence(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = {"range_end": 0, "paragraph": 0}
    real_range_end = dating.range_end

    def counted(text: str, tx: object) -> bool:
        calls["range_end"] += 1
        return real_range_end(text, tx)  # type: ignore[arg-type]

    monkeypatch.setattr(extract, "range_end", counted)
    text = _blog(3000)
    items = extract_items(text, PUB)
    assert len(items) >= 100
    timexes = usable_dates.usable_timexes(text, PUB)
    # Each expression is judged once, by the sentence that holds it (not once per sentence of the document).
    assert calls["range_end"] <= len(timexes)


def test_work_grows_linearly_with_length() -> None:
    short, long_ = _blog(1000), _blog(3000)
    extract_items(short[:2000], PUB)  # warm the lexicon and caches
    ratio = _cpu(long_) / _cpu(short)
    # Linear work gives ~3; quadratic, ~9. The bound leaves room for a loaded machine.
    assert ratio < 6, f"3x the text took {ratio:.1f}x the time"
