"""Text-stage quality and speed on 181 real news pages (../shared/data/article-html, read in place).

Prints: pages, extraction errors (must be 0), pages with a publication date, mean body precision / recall / F1
against the human-checked `articleBody`, and milliseconds per page (extract_document, whole pipeline: parse,
date, text, title).

F1 is Scrapinghub's article-extraction-benchmark measure (their evaluate.py): each text is cut into `\\w+`
tokens, the tokens into overlapping 4-token shingles; per page, true positives / false positives / false
negatives are counted over the shingle bags and normalised to sum to 1; precision and recall are averaged over
pages and F1 is the harmonic mean of the two averages. The README's "trafilatura 2.0.0: F1 0.958" is on this
measure. A bag-of-words variant (single tokens, split on whitespace) is printed too for reference.

Measured 2026-11-28 (trafilatura 2.3.1, htmldate 1.11.0): monitor.extract.text's `fast=True` (no fallback
extractors)
181/181 dated, F1 0.9646 (P 0.9505, R 0.9791), 20.6 ms/page; the former favor_precision with fallbacks 0.9656
at 29.5 ms/page; `fast` with favor_precision 0.9476 (short pages come out empty). 2026-12-04, paragraphs
written between `<br>`s made `<p>`s first (monitor.extract.breaks): F1 0.9652 (P 0.9507, R 0.9801), one page
changed (macrumors.com's, which had lost its first paragraph: 0.792 -> 0.890). 2026-12-05, hover cards cut out
(monitor/extract/data/popup_cards.yaml): F1 0.9663 (P 0.9526, R 0.9803), two pages changed (thehill.com's,
whose names' cards were glued into their sentences: 0.936 -> 1.000, 0.849 -> 0.993), speed within its noise.
2026-12-07 (the same machine reads 0.9650 before it), an article split across containers read whole
(monitor.extract.body_parts): F1 0.9679 (P 0.9501, R 0.9863), two pages changed (wired.com's, whose body
continues after an ad: 0.619 -> 0.973, 0.521 -> 0.963), speed within its noise; on the 505 pages of the other
gold sets (`--corpus ROOT/s14` ... `s37`) four more changed: latimes.com 0.442 -> 0.996, cnbc.com 0.304 ->
0.910, washingtonpost.com 0.955 -> 0.978, and sltrib.com 1.000 -> 0.900, whose reference text leaves out the
lede the first container holds (the page is now read whole).

    python benchmarks/text_quality.py [--corpus DIR] [--show-worst N]
    python benchmarks/text_quality.py --save before.json          # each page's title, date, F1
    python benchmarks/text_quality.py --compare before.json       # what changed, page by page
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

from monitor.extract.text import extract_document

DEFAULT_CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "article-html"

_TOKEN_RE = re.compile(r"\w+")

Counts = tuple[float, float, float]


def _bag(tokens: list[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n])


def page_counts(true: str, pred: str, *, shingle: int = 4, whitespace: bool = False) -> Counts:
    """Normalised (tp, fp, fn) of one page over shingle bags (whitespace=True: whitespace tokens)."""
    split = str.split if whitespace else _TOKEN_RE.findall
    want, got = _bag(split(true or ""), shingle), _bag(split(pred or ""), shingle)
    tp, fp, fn = sum((want & got).values()), sum((got - want).values()), sum((want - got).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def scores(rows: list[Counts]) -> tuple[float, float, float]:
    """(precision, recall, F1) averaged over pages the benchmark's way."""
    p = statistics.mean(_precision(*r) for r in rows if r[0] + r[1] > 0)
    r = statistics.mean(_recall(*r) for r in rows if r[0] + r[2] > 0)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def page_f1(counts: Counts) -> float:
    """F1 of one page; 0 when the extraction or the truth is empty and the other is not."""
    tp, fp, fn = counts
    p, r = _precision(tp, fp, fn), _recall(tp, fp, fn)
    return 2 * p * r / (p + r) if p + r else 0.0


def evaluate(corpus: Path) -> dict[str, object]:
    """Run extract_document over every page of the corpus; return the figures (also used by the tests)."""
    truth = json.loads((corpus / "ground-truth.json").read_text(encoding="utf-8"))
    pages = {key: gzip.decompress((corpus / "html" / f"{key}.html.gz").read_bytes()) for key in truth}
    errors: list[str] = []
    dated = 0
    shingles: list[Counts] = []
    words: list[Counts] = []
    per_page: list[tuple[float, str]] = []
    pages_out: dict[str, dict[str, object]] = {}
    started = time.perf_counter()
    for key, html in pages.items():
        try:
            doc = extract_document(html, url=truth[key].get("url"))
        except Exception as exc:  # the contract is "never raises": count, don't stop
            errors.append(f"{key}: {exc!r}")
            continue
        dated += doc.published is not None
        body = truth[key].get("articleBody", "")
        shingles.append(page_counts(body, doc.text))
        words.append(page_counts(body, doc.text, shingle=1, whitespace=True))
        per_page.append((page_f1(shingles[-1]), truth[key].get("url", key)))
        day = doc.published.isoformat() if doc.published else None
        pages_out[key] = {"title": doc.title, "published": day, "f1": per_page[-1][0], "chars": len(doc.text)}
    elapsed = time.perf_counter() - started
    return {
        "pages": len(pages),
        "errors": errors,
        "dated": dated,
        "shingle": scores(shingles),
        "words": scores(words),
        "ms_per_page": 1000 * elapsed / max(1, len(pages)),
        "worst": sorted(per_page)[:10],
        "per_page": pages_out,
    }


def compare(before: dict[str, dict[str, object]], after: dict[str, dict[str, object]]) -> list[str]:
    """Lines saying, page by page, where the title or the date changed, and the F1 moves over 0.01."""
    lines = []
    for key in sorted(before.keys() | after.keys()):
        old, new = before.get(key), after.get(key)
        if old is None or new is None:
            lines.append(f"  {key}: only {'after' if old is None else 'before'}")
            continue
        for field in ("published", "title"):
            if old[field] != new[field]:
                lines.append(f"  {key}: {field} {old[field]!r} -> {new[field]!r}")
        if abs(float(old["f1"]) - float(new["f1"])) > 0.01:  # type: ignore[arg-type]
            lines.append(f"  {key}: F1 {old['f1']:.3f} -> {new['f1']:.3f}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--show-worst", type=int, default=0, metavar="N")
    parser.add_argument("--save", type=Path, metavar="FILE",
                        help="write each page's title, date and F1 (JSON)")
    parser.add_argument("--compare", type=Path, metavar="FILE",
                        help="list the pages whose title, date or F1 differ from a --save file")
    args = parser.parse_args(argv)
    if not (args.corpus / "ground-truth.json").is_file():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    # trafilatura logs every page it finds too short at WARNING/ERROR; that is noise in a benchmark.
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    logging.getLogger("htmldate").setLevel(logging.CRITICAL)
    res = evaluate(args.corpus)
    p, r, f1 = res["shingle"]  # type: ignore[misc]
    wp, wr, wf1 = res["words"]  # type: ignore[misc]
    print(f"pages:              {res['pages']}")
    print(f"errors:             {len(res['errors'])}")  # type: ignore[arg-type]
    for err in res["errors"]:  # type: ignore[attr-defined]
        print(f"  {err}")
    print(f"with a date:        {res['dated']}/{res['pages']}")
    print(f"body F1 (4-shingle, benchmark measure): {f1:.4f}  (precision {p:.4f}, recall {r:.4f})")
    print(f"body F1 (bag of whitespace tokens):     {wf1:.4f}  (precision {wp:.4f}, recall {wr:.4f})")
    print(f"speed:              {res['ms_per_page']:.1f} ms/page (extract_document, in-memory pages)")
    for score, url in res["worst"][: args.show_worst]:  # type: ignore[index]
        print(f"  worst F1 {score:.3f}  {url}")
    per_page: dict[str, dict[str, object]] = res["per_page"]  # type: ignore[assignment]
    if args.save:
        args.save.write_text(json.dumps(per_page, indent=1, sort_keys=True), encoding="utf-8")
    if args.compare:
        changes = compare(json.loads(args.compare.read_text(encoding="utf-8")), per_page)
        dates = sum(" published " in line for line in changes)
        titles = sum(" title " in line for line in changes)
        print(f"against {args.compare}: {dates} date(s) and {titles} title(s) changed")
        print("\n".join(changes))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
