"""A fast-first text extractor, measured on pages it was not tuned on (issue 17).

The candidate: resiliparse's main-content extraction, checked against the `<p>` cluster that selectolax finds
(the element holding the most paragraph text, and its paragraphs); when the two agree (4-shingle F1 of the
two texts at or above a threshold) resiliparse's text is kept, else the page goes to the text stage as it is
(trafilatura). The title and the date are read as monitor.extract.text reads them in both cases.

The 181 pages of ../shared/data/article-html are split in two halves by a hash of their key: the threshold is
chosen on the tuning half (the lowest one whose body F1 there is >= the text stage's own F1 less 0.005, i.e.
the most pages on the fast path), and the figures that decide are those of the held-out half. Adopt only if
held-out body F1 >= 0.955 and the date agrees with htmldate's on >= 99% of pages.

    .venv/bin/python benchmarks/fast_text.py                  # the `bench` extras have both libraries
    .venv/bin/python benchmarks/fast_text.py --keep cluster   # keep the <p> cluster's text instead
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from text_quality import DEFAULT_CORPUS, page_counts, page_f1, scores  # noqa: E402

THRESHOLDS = (0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95)
ADOPT_F1 = 0.955
ADOPT_DATES = 0.99
# Which text a page on the fast path keeps: resiliparse's, or that of the <p> cluster that checked it
# (`--keep cluster`).
USE = "cluster" if sys.argv[1:] == ["--keep", "cluster"] else "resiliparse"


@dataclass(frozen=True)
class Page:
    key: str
    url: str | None
    html: bytes
    truth: str


@dataclass(frozen=True)
class Measured:
    """One page: the text stage's text and CPU ms, the fast candidate's text, agreement and CPU ms."""

    slow_text: str
    slow_ms: float
    fast_text: str
    agreement: float
    fast_ms: float  # parse for date and title, resiliparse, selectolax: what a fast-path page costs
    date_ours: str | None
    date_htmldate: str | None


def p_cluster(html: bytes) -> str:
    """The paragraphs under the element holding the most `<p>` text (selectolax), one a line."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    weight: dict[int, int] = {}
    nodes: dict[int, object] = {}
    for p in tree.css("p"):
        parent = p.parent
        if parent is None:
            continue
        key = parent.mem_id
        nodes[key] = parent
        weight[key] = weight.get(key, 0) + len(p.text(strip=True))
    if not weight:
        return ""
    best = nodes[max(weight, key=weight.__getitem__)]
    return "\n".join(t for p in best.css("p") if (t := " ".join(p.text().split())))  # type: ignore[attr-defined]


def resiliparse_text(html: bytes) -> str:
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.encoding import bytes_to_str, detect_encoding
    from resiliparse.parse.html import HTMLTree

    tree = HTMLTree.parse(bytes_to_str(html, detect_encoding(html)))
    return str(extract_plain_text(tree, main_content=True, list_bullets=False, alt_texts=False,
                                  comments=False, post_meta=False))


def agreement(a: str, b: str) -> float:
    return page_f1(page_counts(a, b)) if a and b else 0.0


def measure(page: Page) -> Measured:
    from htmldate import find_date
    from trafilatura import load_html

    from monitor.extract import text as stage
    from monitor.extract.page_date import publication_date

    t0 = time.thread_time()
    slow = stage.extract_document(page.html, url=page.url)
    t1 = time.thread_time()
    tree = load_html(page.html)
    published = publication_date(tree, page.url)
    stage._title(tree, page.url)
    fast = resiliparse_text(page.html)
    cluster = p_cluster(page.html)
    t2 = time.thread_time()
    fast_text = stage._paragraphs(cluster if USE == "cluster" else fast, slow.title)
    ours = published.isoformat() if published else None
    theirs = find_date(load_html(page.html), original_date=True, url=page.url)
    return Measured(slow.text, 1000 * (t1 - t0), fast_text, agreement(fast, cluster), 1000 * (t2 - t1), ours,
                    theirs)


def evaluate(pages: list[Page], got: dict[str, Measured], threshold: float | None) -> dict[str, float]:
    """Body F1, share on the fast path and CPU ms a page of the hybrid at `threshold` (None: the text stage
    alone)."""
    rows, fast, ms = [], 0, 0.0
    for page in pages:
        m = got[page.key]
        use_fast = threshold is not None and m.agreement >= threshold
        fast += use_fast
        rows.append(page_counts(page.truth, m.fast_text if use_fast else m.slow_text))
        # A fallback page pays for the fast attempt and then the whole text stage.
        ms += m.fast_ms if use_fast else (m.slow_ms + (m.fast_ms if threshold is not None else 0.0))
    return {"f1": scores(rows)[2], "fast": fast / len(pages), "ms": ms / len(pages)}


def main() -> int:
    logging.disable(logging.CRITICAL)
    truth = json.loads((DEFAULT_CORPUS / "ground-truth.json").read_text(encoding="utf-8"))
    pages = [Page(k, v.get("url"), gzip.decompress((DEFAULT_CORPUS / "html" / f"{k}.html.gz").read_bytes()),
                  v.get("articleBody", "")) for k, v in sorted(truth.items())]
    half = [hashlib.sha256(p.key.encode()).digest()[0] % 2 for p in pages]
    tune = [p for p, h in zip(pages, half, strict=True) if h == 0]
    held = [p for p, h in zip(pages, half, strict=True) if h == 1]
    got = {p.key: measure(p) for p in pages}
    base_tune = evaluate(tune, got, None)
    print(f"pages: {len(pages)} ({len(tune)} to tune on, {len(held)} held out); CPU ms a page (thread time)")
    print(f"{'threshold':>9} {'tune F1':>8} {'fast %':>7} {'ms':>6}")
    print(f"{'(none)':>9} {base_tune['f1']:8.4f} {0:7.1f} {base_tune['ms']:6.1f}")
    chosen = None
    for threshold in THRESHOLDS:
        r = evaluate(tune, got, threshold)
        print(f"{threshold:9.2f} {r['f1']:8.4f} {100 * r['fast']:7.1f} {r['ms']:6.1f}")
        if chosen is None and r["f1"] >= base_tune["f1"] - 0.005:
            chosen = threshold
    print(f"chosen on the tuning half: {chosen}")
    base_held = evaluate(held, got, None)
    print(f"held out, text stage alone: F1 {base_held['f1']:.4f}, {base_held['ms']:.1f} ms a page")
    dates = statistics.mean(got[p.key].date_ours == got[p.key].date_htmldate for p in pages)
    print(f"date = htmldate's (original_date) on {100 * dates:.1f}% of all pages (the date reader is the "
          "same on both paths: the fast path changes no date)")
    if chosen is None:
        print("no threshold keeps the tuning half's F1: NOT ADOPTED")
        return 0
    r = evaluate(held, got, chosen)
    print(f"held out, fast-first at {chosen}: F1 {r['f1']:.4f}, {100 * r['fast']:.1f}% on the fast path, "
          f"{r['ms']:.1f} ms a page")
    adopt = r["f1"] >= ADOPT_F1 and dates >= ADOPT_DATES and r["ms"] < base_held["ms"]
    print(f"adopt (held-out F1 >= {ADOPT_F1}, dates >= {ADOPT_DATES:.0%}, faster than the text stage alone): "
          f"{'YES' if adopt else 'NO'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
