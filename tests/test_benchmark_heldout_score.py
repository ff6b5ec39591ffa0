"""benchmarks/heldout_score.py scores a gold set of pages as the shared scorer does, and says what changed."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from tests.benchmark_scripts import load_script

SCORER = Path(__file__).resolve().parents[1] / ".." / "shared" / "tools" / "news_score.py"
PAGE = (b"<html><head><title>Ferry runs aground</title></head><body><article><h1>Ferry runs aground</h1>"
        b"<p>The ferry Aurora ran aground off Kell Point on Sunday, the harbour master said on Monday. "
        b"Twelve passengers were taken to hospital with minor injuries.</p></article></body></html>")
GOLD = ("page,published,class,kind,date,also_accept,anchor,subject,metric,value,unit,qualifier,required,"
        "note\n"
        "aaaabbbbcccc,2021-06-08,event,accident,2021-06-06,,The ferry Aurora ran aground,,,,,,yes,ground\n"
        "aaaabbbbcccc,2021-06-08,figure,figure,2021-06-06,,Twelve passengers were taken to hospital,"
        "passengers,injuries,12,people,exact,no,hurt\n")


@pytest.mark.skipif(not SCORER.is_file(), reason="../shared is absent")
def test_a_set_of_pages_is_scored_page_by_page_and_in_total(tmp_path: Path) -> None:
    bench = load_script("heldout_score")
    pages = tmp_path / "s99"
    (pages / "html").mkdir(parents=True)
    key = "aaaabbbbcccc" + "0" * 28
    (pages / "ground-truth.json").write_text(json.dumps(
        {key: {"url": "https://news.example.com/2021/06/08/ferry/", "articleBody": ""}}), encoding="utf-8")
    (pages / "html" / f"{key}.html.gz").write_bytes(gzip.compress(PAGE))
    gold = tmp_path / "set99.csv"
    gold.write_text(GOLD, encoding="utf-8")
    sets = [("set99", gold, pages)]
    items = bench.extract_all(sets)
    counts = bench.score(sets, items)
    assert counts["set99"]["req"] == 1 and counts["set99"]["all"] == 2
    assert counts["set99"]["req_hit"] == 1  # the grounding, on Sunday
    assert counts["total"] == counts["set99"]
    assert bench.line("set99", counts["set99"]).startswith("set99   required 1/1")


def test_changed_items_are_listed_by_page() -> None:
    bench = load_script("heldout_score")
    item = {"kind": "figure", "date": "2021-06-06", "value": 12, "evidence": "Twelve passengers were hurt."}
    moved = {**item, "date": "2021-06-07"}
    differ = list(bench.changes({("set99", "p1"): [item]}, {("set99", "p1"): [moved]}))
    assert [d[:23] for d in differ] == ["- set99 p1 ('figure', '", "+ set99 p1 ('figure', '"]
    assert "2021-06-06" in differ[0] and "2021-06-07" in differ[1]
    assert list(bench.changes({("set99", "p1"): [item]}, {("set99", "p1"): [item]})) == []
