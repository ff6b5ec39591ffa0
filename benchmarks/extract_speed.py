"""Speed of the whole extract step (text -> timex tag -> items), one process, on two corpora.

    python benchmarks/extract_speed.py [--repeat N]   (CPU time, best of N passes; default 3)
    python benchmarks/extract_speed.py --against REV  (this tree beside git revision REV, alternating passes)

TempEval-3: ../shared/data/tempeval3/{train,test}/**/*.tml read in place; the text is <TEXT> with its tags
stripped, the publication date the value of the <DCT> TIMEX3. Real news pages: ../shared/data/article-html,
each page's `articleBody` from ground-truth.json, dated by the page's own publication date (read from its HTML
before the clock starts: reading HTML is not in this figure). Prints articles/s for each (target >= 100) and
the items found. A corpus that is absent is skipped with a note; with neither, exit 2.

The machine's speed drifts from day to day by more than the changes being measured (the same code has run at
70 and at 100 articles/s on it), so `--against REV` times the code of another revision (`git archive`, in a
temporary directory) beside this tree: two long-lived processes (benchmarks/_speed_worker.py) take turns at
whole passes, and the ratio of their best passes is the figure to quote.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import html
import io
import json
import os
import pickle
import re
import subprocess
import sys
import tarfile
import tempfile
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


def compare(corpora: list[tuple[str, list[tuple[str, str, dt.date | None]]]], rev: str, repeat: int) -> None:
    """Time this tree and the code of git revision `rev` in alternating passes and print them side by side."""
    root = Path(__file__).resolve().parents[1]
    with tempfile.TemporaryDirectory(prefix="extract-speed-") as tmp:
        other = Path(tmp) / "tree"
        other.mkdir()
        archive = subprocess.run(["git", "-C", str(root), "archive", rev, "monitor"], capture_output=True)
        if archive.returncode != 0:
            raise SystemExit(f"--against {rev}: not a revision of {root} ({archive.stderr.decode().strip()})")
        with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
            tar.extractall(other, filter="data")
        trees = {"this tree": root, rev: other}
        for label, corpus in corpora:
            data = Path(tmp) / "corpus.pickle"
            data.write_bytes(pickle.dumps(corpus))
            workers = {name: _worker(tree, data) for name, tree in trees.items()}
            best = dict.fromkeys(trees, float("inf"))
            try:
                for _ in range(repeat):
                    for name, proc in workers.items():
                        assert proc.stdin is not None and proc.stdout is not None
                        proc.stdin.write("pass\n")
                        proc.stdin.flush()
                        best[name] = min(best[name], float(proc.stdout.readline()))
            finally:
                for proc in workers.values():
                    proc.kill()
                    proc.wait()
            n = len(corpus)
            print(f"{label}: {n} articles, best of {repeat} alternating passes each")
            for name in trees:
                print(f"  {name:>12}: {n / best[name]:.1f} articles/s ({best[name]:.2f} s CPU)")
            print(f"  this tree / {rev}: {best[rev] / best['this tree']:.2f}x the speed")


def _worker(tree: Path, data: Path) -> subprocess.Popen[str]:
    """A _speed_worker.py process timing the `monitor` package of `tree`, warmed up and checked."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    command = [sys.executable, str(Path(__file__).with_name("_speed_worker.py")), str(data)]
    proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env)
    assert proc.stdout is not None
    imported = proc.stdout.readline().strip()
    if not imported.startswith(str(tree)):
        proc.kill()
        raise SystemExit(f"the worker for {tree} imported {imported or 'nothing'}: not that tree's code")
    return proc


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--repeat", type=int, default=3, help="passes over the corpus, the best counts (default 3)"
    )
    parser.add_argument(
        "--against", metavar="REV", help="also time the code of git revision REV, in alternating passes"
    )
    args = parser.parse_args()
    load_lexicon()
    corpora: list[tuple[str, list[tuple[str, str, dt.date | None]]]] = []
    corpus = load_corpus() if DATA.is_dir() else []
    if corpus:
        corpora.append(("TempEval-3", [(name, text, parse_dct(dct).date()) for name, text, dct in corpus]))
    else:
        print(f"TempEval-3 data not found at {DATA.resolve()}: skipped", file=sys.stderr)
    news = load_news()
    if news:
        corpora.append(("news pages (articleBody)", news))
    else:
        print(f"article-html set not found at {NEWS.resolve()}: skipped", file=sys.stderr)
    if args.against:
        compare(corpora, args.against, args.repeat)
    else:
        for label, texts in corpora:
            run(texts, args.repeat, label)
    return 0 if corpora else 2


if __name__ == "__main__":
    raise SystemExit(main())
