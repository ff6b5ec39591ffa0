"""News-gold scores on newswire: gold timelines of TempEval-3 *train* documents, scored as news_score.py.

`news-heldout/set8-tempeval.csv` and `set9-timebank.csv` hold gold timelines, written to
../shared/data/news-gold/GUIDELINES.md, of 12 AQUAINT and 12 TimeBank documents of
../shared/data/tempeval3/train (AP, New York Times, Xinhua, Wall Street Journal and broadcast stories of
1989-2000): real news text that no extractor rule was written for, read in place. Each document's body is the
text of its <TEXT> element without the TimeML tags, its paragraphs kept; the wire's `` and '' marks become
curly quotes (so that quotes pair as on a web page); the publication date is its DCT. The items are those
`extract_items` gives that text and date (the text stage is not run: these are no web pages), scored by the
shared scorer's own `score_page`, so the figures read as news_score.py's.

    python benchmarks/news_text_score.py                 # set8: per document, then the totals
    python benchmarks/news_text_score.py --verbose       # and each miss and false row
    python benchmarks/news_text_score.py --gold benchmarks/news-heldout/set9-timebank.csv

The TempEval-3 *test* documents are never used here: they are for reporting the TIMEX3 tagger only.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import html
import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

from monitor.extract.items import extract_items, load_lexicon

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO / ".." / "shared"
CORPUS = SHARED / "data" / "tempeval3" / "train"  # AQUAINT/ and TimeBank/
GOLD = REPO / "benchmarks" / "news-heldout" / "set8-tempeval.csv"
FIELDS = ("kind", "date", "actors", "value", "subject", "metric", "evidence")

_TAG_RE = re.compile(r"<[^>]+>")
_DCT_RE = re.compile(r'<DCT>.*?value="(\d{4}-\d{2}-\d{2})', re.S)
_TEXT_RE = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)


def document(path: Path) -> tuple[str, dt.date]:
    """A TimeML document's body (paragraphs kept, tags dropped, quotes curly) and its creation date."""
    raw = path.read_text(encoding="utf-8")
    dct = _DCT_RE.search(raw)
    body = _TEXT_RE.search(raw)
    if dct is None or body is None:
        raise SystemExit(f"{path}: no DCT or TEXT element")
    text = html.unescape(_TAG_RE.sub("", body.group(1)))
    if "``" in text:
        text = text.replace("``", "\u201c").replace("''", "\u201d")
    else:  # the wire wrote '' for both marks: they open and close in turn
        parts = text.split("''")
        text = parts[0] + "".join(("\u201c" if i % 2 == 0 else "\u201d") + p for i, p in enumerate(parts[1:]))
    paragraphs = (re.sub(r"\s+", " ", p).strip() for p in re.split(r"\n\s*\n", text))
    return "\n\n".join(p for p in paragraphs if p), dt.date.fromisoformat(dct.group(1))


def scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("news_score", SHARED / "tools" / "news_score.py")
    if spec is None or spec.loader is None:
        raise SystemExit("../shared/tools/news_score.py is missing")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--verbose", action="store_true", help="print each missed gold row and each false item")
    args = ap.parse_args()
    if not CORPUS.is_dir():
        print(f"{CORPUS} is missing: this benchmark needs ../shared beside the repository", file=sys.stderr)
        return 2
    ns = scorer()
    rows = list(csv.DictReader(args.gold.open(encoding="utf-8")))
    lexicon = load_lexicon()
    keys = ("req", "req_hit", "all", "all_hit", "tp", "fp", "dup")
    total = dict.fromkeys(keys, 0)
    for page in sorted({r["page"] for r in rows}):
        text, published = document(next(CORPUS.glob(f"*/{page}.tml")))
        found = extract_items(text, published, lexicon=lexicon)
        items: list[dict[str, Any]] = [{k: v for k, v in i.to_dict().items() if k in FIELDS} for i in found]
        gold = [r for r in rows if r["page"] == page]
        s = ns.score_page(gold, items, page, [])
        print(f"{page:18} required {s['req_hit']}/{s['req']}  recall {s['all_hit']}/{s['all']}  "
              f"true {s['tp']} false {s['fp']} repeated {s['dup']}")
        if args.verbose:
            _explain(ns, gold, items)
        for k in keys:
            total[k] += s[k]
    listed = total["tp"] + total["fp"] + total["dup"]
    precision = total["tp"] / listed if listed else 0.0
    recall = total["all_hit"] / total["all"] if total["all"] else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"\n{len({r['page'] for r in rows})} documents: required {total['req_hit']}/{total['req']} "
          f"({total['req_hit'] / max(1, total['req']):.2f}), recall {total['all_hit']}/{total['all']} "
          f"({recall:.2f}), precision {precision:.2f} of {listed}, F1 {f1:.2f}")
    return 0


def _explain(ns: ModuleType, gold: list[dict[str, str]], items: list[dict[str, Any]]) -> None:
    """The gold rows no item matched, then the items no gold row took (greedy, as the scorer pairs them)."""
    used: set[int] = set()
    for row in (r for r in gold if r["required"] != "ignore"):
        hit = next((i for i, item in enumerate(items) if i not in used and ns.matches(item, row)), None)
        if hit is None:
            print(f"   missed [{row['required']}] {row['class']} {row['date'] or '-'}: {row['anchor'][:90]}")
        else:
            used.add(hit)
    for i, item in enumerate(items):
        if i not in used and not any(r["required"] == "ignore" and ns.anchored(item, r) for r in gold):
            print(f"   listed {item['kind']} {item['date']} {item['value'] or ''}: {item['evidence'][:90]}")


if __name__ == "__main__":
    sys.exit(main())
