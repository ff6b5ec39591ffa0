"""Story-size benchmark (issue 13): the cost of reconciling one version as a story grows to 2,000 sources.

The items of the 181 real pages of ../shared/data/article-html are extracted once; source j of one story then
reports the items of page j % 181 (as `poll_cycle.py` serves them). Each source's first version is applied as
`monitor check` applies it: one transaction that takes the story's lock, runs `apply_version` (load the rows,
`reconcile`, write what changed) and commits. Printed: the mean milliseconds of that transaction at each
story size, timeline rows and source reports at that size, and the cost of a second version (one item
dropped) of sources of the full story.

    python benchmarks/story_size.py                            # 100, 500, 1,000, 2,000 sources, SQLite
    python benchmarks/story_size.py --baseline /tmp/main/.venv/bin/python   # main's code, side by side
    python benchmarks/story_size.py --distinct                 # copies of a page report distinct items
    python benchmarks/story_size.py --database postgresql+psycopg://...     # an empty PostgreSQL database

`--baseline PYTHON` runs this same script with another installation of the project (e.g. a checkout of main
with its own venv) in a child process, on the same items, and prints both columns. Extraction is not timed:
`--items FILE` keeps the extracted items between runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO / ".." / "shared" / "data" / "article-html"
STORY = "bench-story"
WINDOW = 25  # versions averaged at each size: the last WINDOW before it is reached


@dataclass(frozen=True)
class BenchItem:
    """An extracted item as reconcile reads it (monitor.track.entries.ItemLike)."""

    kind: str
    date: str | None
    summary: str
    evidence: str
    actors: tuple[str, ...] = ()
    location: str | None = None
    subject: str | None = None
    metric: str | None = None
    value: float | int | None = None
    unit: str | None = None
    qualifier: str | None = None


@dataclass
class Page:
    published: str | None
    items: list[BenchItem] = field(default_factory=list)


def extract_pages(limit: int | None = None) -> list[Page]:
    """The items of each real page, as `monitor check` extracts them (text, publication day, items)."""
    from monitor.extract.items import extract_items, published_from_dateline
    from monitor.extract.text import extract_document

    truth = json.loads((SHARED / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for path in sorted((SHARED / "html").glob("*.html.gz"))[:limit]:
        digest = path.name.split(".")[0]
        url = truth.get(digest, {}).get("url")
        doc = extract_document(gzip.decompress(path.read_bytes()), url=url)
        published = doc.published or published_from_dateline(doc.text)
        items = extract_items(doc.text, published or dt.date(2020, 1, 1))
        pages.append(Page(published.isoformat() if published else None, [
            BenchItem(i.kind, i.date, i.summary, i.evidence, tuple(i.actors), i.location, i.subject, i.metric,
                      i.value, i.unit, i.qualifier) for i in items]))
    return pages


def load_pages(path: Path) -> list[Page]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return [Page(p["published"], [BenchItem(**{**i, "actors": tuple(i["actors"])}) for i in p["items"]])
            for p in data]


def save_pages(path: Path, pages: list[Page]) -> None:
    path.write_text(json.dumps([asdict(p) for p in pages], ensure_ascii=False), encoding="utf-8")


def _tagged(item: BenchItem, copy: int) -> BenchItem:
    """Copy `copy` of a page, told about other people and things: every name and sentence tagged."""
    from dataclasses import replace

    tag = f" {copy}"
    return replace(item, actors=tuple(a + tag for a in item.actors), evidence=item.evidence + tag,
                   location=item.location + tag if item.location else None,
                   subject=item.subject + tag if item.subject else None)


def items_of(pages: list[Page], source: int, distinct: bool) -> tuple[str | None, list[BenchItem]]:
    page = pages[source % len(pages)]
    copy = source // len(pages)
    if not distinct or copy == 0:
        return page.published, page.items
    return page.published, [_tagged(i, copy) for i in page.items]


# --- one run -------------------------------------------------------------------------------------------


def run(
    pages: list[Page], sizes: list[int], database: str | None, distinct: bool, second: int
) -> dict[str, Any]:
    """Build one story source by source; the mean ms of a version's transaction at each size."""
    from sqlalchemy import text

    from monitor.run.story import Extracted, apply_version
    from monitor.store import open_store

    work = Path(tempfile.mkdtemp(prefix="story-size-"))
    store = open_store(database or f"sqlite:///{work / 'story.sqlite'}")
    now = dt.datetime(2026, 12, 1, tzinfo=dt.UTC)
    spent: list[float] = []
    at_size: dict[str, Any] = {}

    def counts() -> tuple[int, int]:
        with store.engine.connect() as conn:
            rows = conn.execute(text("select count(*) from timeline_items")).scalar_one()
            reports = conn.execute(text("select count(*) from item_reports")).scalar_one()
        return int(rows), int(reports)

    def apply(source: int, version: int, items: list[BenchItem], published: str | None) -> float:
        extracted = Extracted(STORY, f"http://bench.invalid/p/{source:05d}", version, published, tuple(items))
        started = time.perf_counter()
        with store.transaction() as tx:
            tx.lock_story(STORY)
            apply_version(tx, extracted, version, now + dt.timedelta(seconds=source))  # type: ignore[arg-type]
        return time.perf_counter() - started

    try:
        total = max(sizes)
        for source in range(total):
            published, items = items_of(pages, source, distinct)
            spent.append(apply(source, 1, items, published))
            if source + 1 in sizes:
                window = spent[-WINDOW:]
                rows, reports = counts()
                at_size[str(source + 1)] = {"ms": 1000 * statistics.mean(window), "rows": rows,
                                            "reports": reports, "items": len(items)}
        # A second version of sources spread over the full story: its last item dropped.
        again = []
        step = max(1, total // second)
        for source in range(0, total, step)[:second]:
            published, items = items_of(pages, source, distinct)
            again.append(apply(source, 2, items[:-1], published))
        return {"sizes": at_size, "build_s": sum(spent), "second_ms": 1000 * statistics.mean(again),
                "second_n": len(again)}
    finally:
        store.close()
        if database is None:
            for path in work.iterdir():
                path.unlink()
            work.rmdir()


# --- report --------------------------------------------------------------------------------------------


def print_report(results: dict[str, dict[str, Any]], sizes: list[int]) -> None:
    names = list(results)
    columns = "".join(f" {n + ' ms/version':>22}" for n in names)
    header = f"{'sources':>8} {'rows':>7} {'reports':>8}{columns}"
    print(header)
    print("-" * len(header))
    for size in sizes:
        first = results[names[0]]["sizes"][str(size)]
        cells = "".join(f" {results[n]['sizes'][str(size)]['ms']:>22.1f}" for n in names)
        print(f"{size:>8} {first['rows']:>7} {first['reports']:>8}{cells}")
    print()
    for name in names:
        r = results[name]
        print(f"{name}: building the story took {r['build_s']:.1f} s; a second version of {r['second_n']} "
              f"sources of the full story: {r['second_ms']:.1f} ms each")
    # Near linear: the last size's per-version cost against the first's (1.0 = flat, size ratio = linear).
    for name in names:
        lo, hi = results[name]["sizes"][str(sizes[0])]["ms"], results[name]["sizes"][str(sizes[-1])]["ms"]
        print(f"{name}: ms/version at {sizes[-1]} sources / at {sizes[0]}: {hi / lo:.1f}x "
              f"(the story grew {sizes[-1] / sizes[0]:.0f}x)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,500,1000,2000",
                        help="story sizes (sources) to report at (default 100,500,1000,2000)")
    parser.add_argument("--database", help="an empty database URL (default: a SQLite file in a temp dir)")
    parser.add_argument("--distinct", action="store_true",
                        help="copy k of a page reports its items about other names (default: the same items, "
                             "as many outlets reporting one story would)")
    parser.add_argument("--second", type=int, default=50,
                        help="second versions timed at the end (default 50)")
    parser.add_argument("--items", type=Path, help="cache of the extracted items (written when absent)")
    parser.add_argument("--baseline", metavar="PYTHON",
                        help="also run with this interpreter's installation of the project (e.g. main's)")
    parser.add_argument("--name", default="this tree", help="the column's name (default 'this tree')")
    parser.add_argument("--json", type=Path, help=argparse.SUPPRESS)  # the child's output
    opts = parser.parse_args(argv)
    sizes = sorted({int(s) for s in opts.sizes.split(",")})
    if sizes[0] < WINDOW:
        parser.error(f"--sizes must be at least {WINDOW}")
    if not (SHARED / "html").is_dir():
        print(f"{SHARED} is absent: this benchmark needs the real pages", file=sys.stderr)
        return 2

    items_file = opts.items or Path(tempfile.mkdtemp(prefix="story-size-items-")) / "items.json"
    if not items_file.exists():
        started = time.perf_counter()
        pages = extract_pages()
        save_pages(items_file, pages)
        print(f"extracted {sum(len(p.items) for p in pages)} items from {len(pages)} pages in "
              f"{time.perf_counter() - started:.0f} s (not timed below)", file=sys.stderr)
    pages = load_pages(items_file)
    if opts.json:
        opts.json.write_text(json.dumps(run(pages, sizes, opts.database, opts.distinct, opts.second)))
        return 0

    results: dict[str, dict[str, Any]] = {}
    if opts.baseline:
        out = items_file.with_suffix(".baseline.json")
        args = [opts.baseline, str(Path(__file__).resolve()), "--sizes", opts.sizes, "--items",
                str(items_file), "--second", str(opts.second), "--json", str(out)]
        args += ["--distinct"] if opts.distinct else []
        env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
        subprocess.run(args, check=True, env=env)
        results["baseline"] = json.loads(out.read_text())
    results[opts.name] = run(pages, sizes, opts.database, opts.distinct, opts.second)
    print(f"{len(pages)} real pages ({sum(len(p.items) for p in pages)} items), source j = page j % "
          f"{len(pages)}{', copies told about other names' if opts.distinct else ''}; one story; "
          f"{'SQLite in a temp dir' if not opts.database else 'the given database'}; ms/version = the "
          f"transaction of one source's first version (lock, apply_version, commit), mean of the last "
          f"{WINDOW} versions before each size")
    print_report(results, sizes)
    return 0


if __name__ == "__main__":
    sys.exit(main())
