"""The document loop of `monitor.extract.items.extract`: a sentence whose reading fails costs only its own
items, and says so in the log."""

from __future__ import annotations

import datetime as dt
import logging

import pytest

from monitor.extract.items import extract, extract_items

PUB = dt.date(2021, 6, 9)
TEXT = ("The ferry left Lerrin on Monday.\n\n"
        "The harbour board fined the owner on Tuesday.\n\n"
        "The regatta opened on Saturday.")


def test_a_sentence_that_fails_costs_only_its_own_items_and_is_logged(
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    whole = [(i.kind, i.date) for i in extract_items(TEXT, PUB)]
    assert ("legal", "2021-06-08") in whole and ("other", "2021-06-05") in whole
    analyse = extract._analyse

    def failing(doc: object, sentence: extract.Sentence) -> object:
        if "harbour board" in sentence.text:
            raise ValueError("a rule's bug")
        return analyse(doc, sentence)  # type: ignore[arg-type]

    monkeypatch.setattr(extract, "_analyse", failing)
    with caplog.at_level(logging.WARNING, logger="monitor.extract.items.extract"):
        items = extract_items(TEXT, PUB)
    assert [(i.kind, i.date) for i in items] == [x for x in whole if x != ("legal", "2021-06-08")]
    [record] = caplog.records
    assert "ValueError: a rule's bug" in record.getMessage()
    assert f"offset {TEXT.index('The harbour')}" in record.getMessage()
