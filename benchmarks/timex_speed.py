"""Throughput of monitor.extract.timex.tag() against dateparser.search.search_dates on the same news texts.

Reads the plain <TEXT> and the DCT of every TempEval-3 document under ../shared/data/tempeval3
(relative to the repository root), times both taggers on one core in one run, and prints KB/s for
each and the ratio.

    python benchmarks/timex_speed.py [--split train|test|all] [--repeat N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "tempeval3"


def load_documents(split: str) -> list[tuple[str, dt.datetime]]:
    """(text, DCT) of every .tml file of a split."""
    folders = ["train", "test"] if split == "all" else [split]
    docs = []
    for folder in folders:
        for path in sorted((DATA / folder).rglob("*.tml")):
            root = ET.parse(path).getroot()
            dct = root.find("DCT/TIMEX3")
            text = root.find("TEXT")
            if dct is None or text is None:
                continue
            docs.append(("".join(text.itertext()), dt.datetime.fromisoformat(dct.get("value", "")[:10])))
    return docs


def throughput(run, docs: list[tuple[str, dt.datetime]], repeat: int) -> tuple[float, int]:
    """KB/s over `repeat` passes of `run(text, dct)` on every document, and the expressions found."""
    size = sum(len(text.encode("utf-8")) for text, _ in docs) * repeat
    found = 0
    started = time.perf_counter()
    for _ in range(repeat):
        for text, dct in docs:
            found += len(run(text, dct) or [])
    elapsed = time.perf_counter() - started
    return size / 1024 / elapsed, found // repeat


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["train", "test", "all"], default="all")
    parser.add_argument("--repeat", type=int, default=3, help="passes for tag() (dateparser runs once)")
    args = parser.parse_args()
    if not DATA.is_dir():
        where = DATA.resolve()
        print(f"TempEval-3 data not found at {where} (expected ../shared next to the repo)", file=sys.stderr)
        return 2
    docs = load_documents(args.split)
    if not docs:
        print(f"no .tml documents under {DATA.resolve()}/{args.split}", file=sys.stderr)
        return 2
    size_kb = sum(len(t.encode("utf-8")) for t, _ in docs) / 1024

    from monitor.extract.timex import tag

    tag("warm-up on Monday, 3 p.m.", "2020-04-01")  # load and compile the rules outside the timing
    ours, n_ours = throughput(tag, docs, args.repeat)
    print(f"{len(docs)} documents, {size_kb:.0f} KB of text")
    print(f"monitor.extract.timex.tag              {ours:10.1f} KB/s  ({n_ours} expressions)")
    try:
        from dateparser.search import search_dates
    except ImportError:
        print("dateparser is not installed: pip install 'dateparser>=1.2' to compare", file=sys.stderr)
        return 0

    def dateparser_run(text: str, dct: dt.datetime) -> list:
        return search_dates(text, languages=["en"], settings={"RELATIVE_BASE": dct}) or []

    dateparser_run("warm-up on Monday", dt.datetime(2020, 4, 1))
    theirs, n_theirs = throughput(dateparser_run, docs, 1)
    print(f"dateparser.search_dates        {theirs:10.1f} KB/s  ({n_theirs} expressions)")
    print(f"ratio                          {ours / theirs:10.1f} x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
