"""Speed of the whole extract step (text -> timex tag -> items) on the TempEval-3 texts, one process.

    python benchmarks/extract_speed.py [--repeat N]

Reads ../shared/data/tempeval3/{train,test}/**/*.tml in place: the text is <TEXT> with its tags stripped, the
publication date the value of the <DCT> TIMEX3. Prints articles/s (target >= 100) and the items found.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
import time
from collections import Counter
from pathlib import Path

from monitor.extract.items import extract_items
from monitor.extract.lexicon import load_lexicon
from monitor.extract.timex import parse_dct, tag

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "tempeval3"
_TEXT_RE = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
_DCT_RE = re.compile(r"<DCT>.*?value=\"([^\"]+)\"", re.S)
_TAG_RE = re.compile(r"<[^>]+>")


def load_corpus() -> list[tuple[str, str, str]]:
    """(name, text, dct) for every .tml file."""
    out = []
    for path in sorted([*DATA.glob("train/**/*.tml"), *DATA.glob("test/**/*.tml")]):
        raw = path.read_text(encoding="utf-8")
        text_m, dct_m = _TEXT_RE.search(raw), _DCT_RE.search(raw)
        if not text_m or not dct_m:
            continue
        out.append((path.name, html.unescape(_TAG_RE.sub("", text_m.group(1))), dct_m.group(1)))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1, help="passes over the corpus (default 1)")
    args = parser.parse_args()
    if not DATA.is_dir():
        print(
            f"TempEval-3 data not found at {DATA.resolve()} (expected ../shared next to the repo)",
            file=sys.stderr,
        )
        return 2
    corpus = load_corpus()
    if not corpus:
        print(f"no .tml files under {DATA.resolve()}", file=sys.stderr)
        return 2
    load_lexicon()
    dcts = [(name, text, parse_dct(dct).date()) for name, text, dct in corpus]
    kinds: Counter[str] = Counter()
    dated = 0
    start = time.perf_counter()
    for _ in range(args.repeat):
        kinds.clear()
        dated = 0
        for _name, text, dct in dcts:
            items = extract_items(text, dct)
            kinds.update(i.kind for i in items)
            dated += sum(1 for i in items if i.date)
    elapsed = time.perf_counter() - start
    # The same work in two halves, to show where the time goes.
    t0 = time.perf_counter()
    tagged = [tag(text, dct) for _name, text, dct in dcts]
    t1 = time.perf_counter()
    for (_name, text, dct), timexes in zip(dcts, tagged, strict=True):
        extract_items(text, dct, timexes=timexes)
    t2 = time.perf_counter()
    n = len(dcts) * args.repeat
    chars = sum(len(t) for _, t, _ in dcts) * args.repeat
    print(f"articles: {len(dcts)} x {args.repeat}, {chars / n:.0f} chars each on average")
    print(f"extract (timex + items): {n / elapsed:.1f} articles/s ({elapsed:.2f} s)  target >= 100")
    timex_rate, items_rate = len(dcts) / (t1 - t0), len(dcts) / (t2 - t1)
    print(f"  timex tag alone: {timex_rate:.1f} articles/s; items alone: {items_rate:.1f} articles/s")
    total = sum(kinds.values())
    print(
        f"items per pass: {total} ({dated} dated): " + ", ".join(f"{k} {v}" for k, v in kinds.most_common())
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
