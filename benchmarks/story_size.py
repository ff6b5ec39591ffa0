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

`--baseline PYTHON` times the same versions with another installation of the project (e.g. a checkout of main
with its own venv), in a child process, on copies of this run's database taken before each timed window: the
baseline sees the same rows at each size without building a story of 2,000 sources at its own pace
(quadratic: a version of main rereads and rewrites the whole story). Extraction is not timed: `--items FILE`
keeps the extracted items between runs.
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
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from monitor.extract.items import Item

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO / ".." / "shared" / "data" / "article-html"
STORY = "bench-story"
WINDOW = 25  # versions averaged at each size: the last WINDOW before it is reached


@dataclass
class Page:
    published: str | None
    items: list[Item] = field(default_factory=list)


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
        items = extract_items(doc.text, published or dt.date(2020, 1, 1), latent=True)
        pages.append(Page(published.isoformat() if published else None, items))
    return pages


def load_pages(path: Path) -> list[Page]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return [Page(p["published"], [Item(**{**i, "actors": tuple(i["actors"])}) for i in p["items"]])
            for p in data]


def save_pages(path: Path, pages: list[Page]) -> None:
    path.write_text(json.dumps([asdict(p) for p in pages], ensure_ascii=False), encoding="utf-8")


def _tagged(item: Item, copy: int) -> Item:
    """Copy `copy` of a page, told about other people and things: every name and sentence tagged."""
    tag = f" {copy}"
    return replace(item, actors=tuple(a + tag for a in item.actors), evidence=item.evidence + tag,
                   location=item.location + tag if item.location else None,
                   subject=item.subject + tag if item.subject else None)


def items_of(pages: list[Page], source: int, distinct: bool) -> tuple[str | None, list[Item]]:
    page = pages[source % len(pages)]
    copy = source // len(pages)
    if not distinct or copy == 0:
        return page.published, page.items
    return page.published, [_tagged(i, copy) for i in page.items]


# --- one run -------------------------------------------------------------------------------------------


def _open(url: str, as_is: bool) -> Any:
    """A store on `url`; `as_is`: without checking the schema's revision (a baseline's code on our copy)."""
    from monitor.store import Store, open_store
    from monitor.store.engine import create_store_engine

    return Store(create_store_engine(url)) if as_is else open_store(url)


def _timed(store: Any, pages: list[Page], distinct: bool, source: int, version: int) -> tuple[float, float]:
    """Apply version 1 of `source` (version 2: its last item dropped) as a check does: (wall s, CPU s)."""
    from monitor.run.story import Extracted, apply_version

    published, items = items_of(pages, source, distinct)
    items = items if version == 1 else items[:-1]
    extracted = Extracted(STORY, f"http://bench.invalid/p/{source:05d}", version, published, tuple(items))
    now = dt.datetime(2026, 12, 1, tzinfo=dt.UTC) + dt.timedelta(seconds=source, days=version)
    wall, cpu = time.perf_counter(), time.process_time()
    with store.transaction() as tx:
        tx.lock_story(STORY)
        apply_version(tx, extracted, version, now)
    return time.perf_counter() - wall, time.process_time() - cpu


def _counts(store: Any) -> tuple[int, int]:
    from sqlalchemy import text

    with store.engine.connect() as conn:
        rows = conn.execute(text("select count(*) from timeline_items")).scalar_one()
        reports = conn.execute(text("select count(*) from item_reports")).scalar_one()
    return int(rows), int(reports)


def _mean_ms(spent: list[tuple[float, float]]) -> dict[str, float]:
    return {"ms": 1000 * statistics.mean(w for w, _ in spent),
            "cpu_ms": 1000 * statistics.mean(c for _, c in spent)}


def run(
    pages: list[Page], sizes: list[int], database: str | None, distinct: bool, second: int, keep: Path | None
) -> tuple[dict[str, Any], dict[str, tuple[Path, list[tuple[int, int]]]]]:
    """Build one story source by source; the mean ms of a version's transaction at each size. With `keep`
    (SQLite only), a copy of the database before each timed window, with the versions timed on it, so that
    another installation can time the same versions on the same rows (`replay`)."""
    import sqlite3

    work = Path(tempfile.mkdtemp(prefix="story-size-"))
    path = work / "story.sqlite"
    store = _open(database or f"sqlite:///{path}", as_is=False)
    at_size: dict[str, Any] = {}
    copies: dict[str, tuple[Path, list[tuple[int, int]]]] = {}

    def keep_copy(label: str, jobs: list[tuple[int, int]]) -> None:
        if keep is not None and database is None:
            copy = keep / f"{label}.sqlite"
            with sqlite3.connect(path) as src, sqlite3.connect(copy) as dst:
                src.backup(dst)
            copies[label] = (copy, jobs)

    try:
        total, built, spent = max(sizes), 0, 0.0
        for size in sizes:
            start = size - WINDOW
            while built < start:
                spent += _timed(store, pages, distinct, built, 1)[0]
                built += 1
            keep_copy(str(size), [(source, 1) for source in range(start, size)])
            window = [_timed(store, pages, distinct, source, 1) for source in range(start, size)]
            built = size
            spent += sum(w for w, _ in window)
            rows, reports = _counts(store)
            at_size[str(size)] = {**_mean_ms(window), "rows": rows, "reports": reports}
        # A second version of sources spread over the full story: its last item dropped.
        again = [(source, 2) for source in range(0, total, max(1, total // second))][:second]
        keep_copy("second", again)
        timed = [_timed(store, pages, distinct, source, version) for source, version in again]
        return {"sizes": at_size, "build_s": spent, "second": {**_mean_ms(timed), "n": len(timed)}}, copies
    finally:
        store.close()
        for leftover in work.iterdir():
            leftover.unlink()
        work.rmdir()


def replay(pages: list[Page], distinct: bool, copies: dict[str, Any]) -> dict[str, Any]:
    """Time the given versions on copies of a story's database (`run`'s `keep`), with this installation."""
    out = {}
    for label, (copy, jobs) in copies.items():
        store = _open(f"sqlite:///{copy}", as_is=True)
        try:
            out[label] = _mean_ms([_timed(store, pages, distinct, source, version)
                                   for source, version in jobs])
        finally:
            store.close()
    return out


# --- report --------------------------------------------------------------------------------------------


def print_report(ours: dict[str, Any], baseline: dict[str, Any] | None, sizes: list[int]) -> None:
    base = "   main wall / CPU ms" if baseline else ""
    header = f"{'sources':>8} {'rows':>7} {'reports':>8}{base}   this tree wall / CPU ms"
    print(header)
    print("-" * len(header))

    def cells(figures: dict[str, float]) -> str:
        return f"{figures['ms']:>12.1f} / {figures['cpu_ms']:>7.1f}"

    for size in sizes:
        at = ours["sizes"][str(size)]
        before = f" {cells(baseline[str(size)])}" if baseline else ""
        print(f"{size:>8} {at['rows']:>7} {at['reports']:>8}{before}      {cells(at)}")
    second = ours["second"]
    before = f" {cells(baseline['second'])}" if baseline else ""
    print(f"{'2nd ver.':>8} {'':>7} {'':>8}{before}      {cells(second)}   "
          f"(a second version of {second['n']} sources of the full story, one item dropped)")
    print()
    print(f"this tree: building the story of {sizes[-1]} sources took {ours['build_s']:.1f} s")
    lo, hi = ours["sizes"][str(sizes[0])]["cpu_ms"], ours["sizes"][str(sizes[-1])]["cpu_ms"]
    print(f"CPU ms/version at {sizes[-1]} sources / at {sizes[0]}: this tree {hi / lo:.1f}x", end="")
    if baseline:
        print(f", main {baseline[str(sizes[-1])]['cpu_ms'] / baseline[str(sizes[0])]['cpu_ms']:.1f}x", end="")
    print(f" (the story grew {sizes[-1] / sizes[0]:.0f}x; 1x is flat)")


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
                        help="time the same versions on copies of the same database with this interpreter's "
                             "installation of the project (e.g. a checkout of main with its own venv)")
    parser.add_argument("--no-latent", action="store_true",
                        help="leave out the undated reports (Item.latent) `monitor check` also reconciles")
    parser.add_argument("--replay", type=Path, help=argparse.SUPPRESS)  # the baseline child's input
    opts = parser.parse_args(argv)
    sizes = sorted({int(s) for s in opts.sizes.split(",")})
    if sizes[0] < WINDOW:
        parser.error(f"--sizes must be at least {WINDOW}")
    if opts.baseline and opts.database:
        parser.error("--baseline works on SQLite copies: leave out --database")
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
    if opts.no_latent:
        pages = [Page(p.published, [i for i in p.items if not i.latent]) for p in pages]
    if opts.replay:
        spec = json.loads(opts.replay.read_text())
        copies = {label: (Path(copy), [tuple(job) for job in jobs]) for label, (copy, jobs) in spec.items()}
        opts.replay.with_suffix(".out.json").write_text(json.dumps(replay(pages, opts.distinct, copies)))
        return 0

    keep = Path(tempfile.mkdtemp(prefix="story-size-copies-")) if opts.baseline else None
    try:
        ours, copies = run(pages, sizes, opts.database, opts.distinct, opts.second, keep)
        baseline = None
        if opts.baseline and keep is not None:
            spec = keep / "replay.json"
            spec.write_text(json.dumps({label: [str(copy), jobs] for label, (copy, jobs) in copies.items()}))
            args = [opts.baseline, str(Path(__file__).resolve()), "--items", str(items_file), "--replay",
                    str(spec)] + (["--distinct"] if opts.distinct else [])
            subprocess.run(args, check=True, env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"})
            baseline = json.loads(spec.with_suffix(".out.json").read_text())
    finally:
        if keep is not None:
            for leftover in keep.iterdir():
                leftover.unlink()
            keep.rmdir()
    print(f"{len(pages)} real pages ({sum(len(p.items) for p in pages)} items), source j = page j % "
          f"{len(pages)}{', copies told about other names' if opts.distinct else ''}; one story; "
          f"{'SQLite in a temp dir' if not opts.database else 'the given database'}; ms = one source's "
          f"version applied as a check applies it (lock, apply_version, commit), mean of the {WINDOW} "
          f"versions that bring the story to each size" + (
              "; main: the same versions on a copy of the same database, with the baseline's code"
              if baseline else ""))
    print_report(ours, baseline, sizes)
    return 0


if __name__ == "__main__":
    sys.exit(main())
