"""Speed of the whole extract step (text -> timex tag -> items), one process, on two corpora.

    python benchmarks/extract_speed.py [--repeat N]   (CPU time, best of N passes; default 3)

TempEval-3: ../shared/data/tempeval3/{train,test}/**/*.tml read in place; the text is <TEXT> with its tags
stripped, the publication date the value of the <DCT> TIMEX3. Real news pages: ../shared/data/article-html,
each page's `articleBody` from ground-truth.json, dated by the page's own publication date (read from its HTML
before the clock starts: reading HTML is not in this figure). Prints articles/s for each (target >= 100) and
the items found. A corpus that is absent is skipped with a note; with neither, exit 2.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import html
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

from monitor.extract.items import extract_items
from monitor.extract.lexicon import load_lexicon
from monitor.extract.timex import parse_dct, tag

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "tempeval3"
NEWS = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "article-html"
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


def load_news() -> list[tuple[str, str, dt.date | None]]:
    """(page id, articleBody, publication date) for every page of the article-html set; [] when absent."""
    from monitor.extract.text import extract_document

    truth = NEWS / "ground-truth.json"
    if not truth.is_file():
        return []
    out = []
    for key, page in json.loads(truth.read_text(encoding="utf-8")).items():
        body = page.get("articleBody") or ""
        path = NEWS / "html" / f"{key}.html.gz"
        published = None
        if path.is_file():
            published = extract_document(gzip.decompress(path.read_bytes()), url=page.get("url")).published
        if body.strip():
            out.append((key[:12], body, published))
    return out


def run(corpus: list[tuple[str, str, dt.date | None]], repeat: int, label: str) -> None:
    """Time extract_items over `corpus` and print articles/s, the halves and the items.

    CPU time of this process (time.process_time: the machine may be shared), best of `repeat` passes."""
    kinds: Counter[str] = Counter()
    dated = 0
    best = float("inf")
    for _ in range(repeat):
        kinds.clear()
        dated = 0
        start = time.process_time()
        for _name, text, published in corpus:
            items = extract_items(text, published)
            kinds.update(i.kind for i in items)
            dated += sum(1 for i in items if i.date)
        best = min(best, time.process_time() - start)
    # The same work in two halves, to show where the time goes.
    t0 = time.process_time()
    tagged = [tag(text, published) if published else None for _name, text, published in corpus]
    t1 = time.process_time()
    for (_name, text, published), timexes in zip(corpus, tagged, strict=True):
        extract_items(text, published, timexes=timexes)
    t2 = time.process_time()
    n = len(corpus)
    chars = sum(len(t) for _, t, _ in corpus)
    print(f"{label}: {n} articles, best of {repeat} passes, {chars / n:.0f} chars each on average")
    print(f"  extract (timex + items): {n / best:.1f} articles/s ({best:.2f} s CPU)  target >= 100")
    timex_rate, items_rate = n / max(t1 - t0, 1e-9), n / max(t2 - t1, 1e-9)
    print(f"  timex tag alone: {timex_rate:.1f} articles/s; items alone: {items_rate:.1f} articles/s")
    total = sum(kinds.values())
    print(
        f"  items per pass: {total} ({dated} dated): " + ", ".join(f"{k} {v}" for k, v in kinds.most_common())
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--repeat", type=int, default=3, help="passes over the corpus, the best counts (default 3)"
    )
    args = parser.parse_args()
    load_lexicon()
    ran = False
    corpus = load_corpus() if DATA.is_dir() else []
    if corpus:
        dcts = [(name, text, parse_dct(dct).date()) for name, text, dct in corpus]
        run(dcts, args.repeat, "TempEval-3")
        ran = True
    else:
        print(f"TempEval-3 data not found at {DATA.resolve()}: skipped", file=sys.stderr)
    news = load_news()
    if news:
        run(news, args.repeat, "news pages (articleBody)")
        ran = True
    else:
        print(f"article-html set not found at {NEWS.resolve()}: skipped", file=sys.stderr)
    return 0 if ran else 2


if __name__ == "__main__":
    raise SystemExit(main())
