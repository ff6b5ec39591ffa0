"""benchmarks/news_text_score.py reads a TimeML document as the extractor should see it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.benchmark_scripts import load_script

FIXTURE = Path(__file__).parent / "fixtures" / "timeml" / "wire.tml"


def test_a_timeml_document_becomes_its_paragraphs_and_creation_date() -> None:
    text, published = load_script("news_text_score").document(FIXTURE)
    assert published == dt.date(2001, 11, 5)
    assert text.split("\n\n") == [
        "KELL POINT (AP) _",
        "The ferry Aurora ran aground Sunday, officials said.",  # tags gone, the line break inside joined
        # the wire's '' opens and closes in turn
        "\u201cWe were lucky,\u201d a deckhand said. \u201cNobody was hurt.\u201d",
    ]
