"""Every gold set at once: the shared dev set and benchmarks/news-heldout/set*.csv, scored in one process by
the shared scorer's own `score_page` (news_score.py's figures, set by set), with the total over the sets;
with --save every page's items are kept, and --compare prints the items that changed since a saved run.

Where each set's pages are read:

    dev, set1-7, set12, set13, set27   ../shared/data/article-html
    set8-11                            ../shared/data/tempeval3/train (as news_text_score.py reads them)
    set14 ... set59                    PAGES_ROOT/s14 ... PAGES_ROOT/s59, the folders readability_pages.py
                                       writes (news-heldout/README.md gives each set's command), e.g.
                                       readability_pages.py --irdata --big5 13 /tmp/ir-research-data ROOT/s29

A set whose pages are not there is skipped (and named). Items are those `monitor extract` prints for the page
(the text stage, the page's date or its dateline's, the bundled lexicon), read two pages at a time.

    python benchmarks/heldout_score.py --pages-root /tmp/pages
    python benchmarks/heldout_score.py --pages-root /tmp/pages --save before.jsonl
    python benchmarks/heldout_score.py --pages-root /tmp/pages --compare before.jsonl   # after a change
    python benchmarks/heldout_score.py --pages-root /tmp/pages --verbose set29          # its misses
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import sys
from collections import defaultdict
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

# the TempEval sets are read, and every set scored, as news_text_score.py reads and scores
sys.path.insert(0, str(Path(__file__).resolve().parent))
import news_text_score  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO / ".." / "shared"
HELDOUT = REPO / "benchmarks" / "news-heldout"
ARTICLE_HTML = SHARED / "data" / "article-html"
TEMPEVAL_SETS = frozenset({8, 9, 10, 11})
ARTICLE_HTML_SETS = frozenset({1, 2, 3, 4, 5, 6, 7, 12, 13, 27})
COUNTS = ("req", "req_hit", "all", "all_hit", "tp", "fp", "dup")

# (set name, its gold csv, its pages: a folder of the article-html layout, or None for the TempEval texts)
GoldSet = tuple[str, Path, Path | None]


def gold_sets(pages_root: Path | None) -> tuple[list[GoldSet], list[str]]:
    """The sets whose pages are at hand, in order, and the names of those skipped."""
    found: list[GoldSet] = [("dev", SHARED / "data" / "news-gold" / "gold.csv", ARTICLE_HTML)]
    skipped: list[str] = []
    for gold in sorted(HELDOUT.glob("set*.csv"), key=lambda p: int(p.stem.split("-")[0][3:])):
        name = gold.stem.split("-")[0]
        number = int(name[3:])
        pages = (None if number in TEMPEVAL_SETS else ARTICLE_HTML if number in ARTICLE_HTML_SETS
                 else pages_root / f"s{number}" if pages_root else None)
        if number not in TEMPEVAL_SETS and (pages is None or not (pages / "ground-truth.json").is_file()):
            skipped.append(name)
            continue
        found.append((name, gold, pages))
    return found, skipped


def page_items(job: tuple[str, str, str | None]) -> tuple[str, str, list[dict[str, Any]]]:
    """The items of one page of a set (as `monitor extract` prints them)."""
    name, page, pages = job
    from monitor.extract.items import extract_items, published_from_dateline
    from monitor.extract.text import extract_document

    if pages is None:  # a TempEval document, read as news_text_score.py reads it
        text, published = news_text_score.document(next(news_text_score.CORPUS.glob(f"*/{page}.tml")))
        return name, page, [i.to_dict() for i in extract_items(text, published)]
    truth = json.loads((Path(pages) / "ground-truth.json").read_text(encoding="utf-8"))
    key = next(k for k in truth if k[:12] == page)
    raw = gzip.decompress((Path(pages) / "html" / f"{key}.html.gz").read_bytes())
    document = extract_document(raw, url=truth[key].get("url") or None)
    when = document.published or published_from_dateline(document.text)
    return name, page, [i.to_dict() for i in extract_items(document.text, when)]


def gold_rows(gold: Path) -> dict[str, list[dict[str, str]]]:
    """A gold file's rows by page, pages in file order."""
    rows: dict[str, list[dict[str, str]]] = defaultdict(list)
    with gold.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            rows[row["page"]].append(row)
    return rows


def extract_all(sets: list[GoldSet]) -> dict[tuple[str, str], list[dict[str, Any]]]:
    """Every page's items, read two pages at a time."""
    jobs = [(name, page, str(pages) if pages else None)
            for name, gold, pages in sets for page in gold_rows(gold)]
    with ProcessPoolExecutor(max_workers=2) as pool:
        return {(name, page): items for name, page, items in pool.map(page_items, jobs, chunksize=4)}


def score(sets: list[GoldSet], items: dict[tuple[str, str], list[dict[str, Any]]], verbose: str | None = None,
          ) -> dict[str, dict[str, int]]:
    """Each set's counts (the scorer's `score_page` summed over its pages), and "total"; the misses and false
    items of the set named `verbose` are printed."""
    ns = news_text_score.scorer()
    out: dict[str, dict[str, int]] = {}
    total = dict.fromkeys(COUNTS, 0)
    for name, gold, _pages in sets:
        counts = dict.fromkeys(COUNTS, 0)
        lines: list[str] = []
        for page, rows in gold_rows(gold).items():
            found = ns.score_page(rows, items.get((name, page), []), page, lines)
            for k in COUNTS:
                counts[k] += found[k]
                total[k] += found[k]
        if verbose == name:
            print("\n".join(lines))
        out[name] = counts
    out["total"] = total
    return out


def line(name: str, c: dict[str, int]) -> str:
    """One set's figures as news_score.py prints them."""
    listed = c["tp"] + c["fp"] + c["dup"]
    precision = c["tp"] / listed if listed else 0.0
    recall = c["all_hit"] / c["all"] if c["all"] else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return (f"{name:7} required {c['req_hit']}/{c['req']}  recall {c['all_hit']}/{c['all']}  precision "
            f"{precision:.3f} of {listed} (false {c['fp']}, repeated {c['dup']})  F1 {f1:.3f}")


def changes(before: dict[tuple[str, str], list[dict[str, Any]]],
            after: dict[tuple[str, str], list[dict[str, Any]]]) -> Iterable[str]:
    """The items (kind, date, value, sentence) one run has and the other has not, page by page."""
    def keys(found: list[dict[str, Any]]) -> set[tuple[Any, ...]]:
        return {(i["kind"], i["date"], i.get("value"), i["evidence"][:90]) for i in found}

    for page in sorted(set(before) | set(after)):
        old, new = keys(before.get(page, [])), keys(after.get(page, []))
        for sign, differ in (("-", old - new), ("+", new - old)):
            for item in sorted(differ, key=str):
                yield f"{sign} {page[0]} {page[1]} {item}"


def _load(path: Path) -> dict[tuple[str, str], list[dict[str, Any]]]:
    saved = (json.loads(text) for text in path.read_text(encoding="utf-8").splitlines() if text)
    return {(d["set"], d["page"]): d["items"] for d in saved}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages-root", type=Path, help="the folder of readability_pages.py's s14 ... s37")
    parser.add_argument("--save", type=Path, help="keep every page's items in this file (JSON lines)")
    parser.add_argument("--compare", type=Path, help="print the items that changed since a --save")
    parser.add_argument("--verbose", metavar="SET", help="print this set's misses and false items")
    args = parser.parse_args()
    if not (SHARED / "tools" / "news_score.py").is_file():
        raise SystemExit("../shared is missing: the gold sets' pages and the scorer live there")
    sets, skipped = gold_sets(args.pages_root)
    if skipped:
        print(f"skipped (no pages under --pages-root): {' '.join(skipped)}")
    items = extract_all(sets)
    for name, counts in score(sets, items, args.verbose).items():
        print(line(name, counts))
    if args.save:
        with args.save.open("w", encoding="utf-8") as f:
            for (name, page), found in items.items():
                f.write(json.dumps({"set": name, "page": page, "items": found}, ensure_ascii=False) + "\n")
    if args.compare:
        differ = list(changes(_load(args.compare), items))
        print("\n".join(differ))
        print(f"{len(differ)} items changed")


if __name__ == "__main__":
    main()
