"""Speed of extraction on one long page (issue 14: one long page stalled the fleet), stage by stage.

    python benchmarks/long_page.py                       # 1,000, 5,000 and 80,000 sentences, and a live blog
    python benchmarks/long_page.py --sizes 1000 5000     # only these sizes
    python benchmarks/long_page.py --live-blog 8000      # a live blog of this many entries (0: none)
    python benchmarks/long_page.py --stages text,timex   # only some stages (text, timex, items)
    python benchmarks/long_page.py --timeout 300         # give up on a stage after this many seconds
    PYTHONPATH=/path/to/other/checkout python benchmarks/long_page.py    # the same against other code

The page is synthetic HTML: an article of N dated sentences, five to a paragraph, in which one sentence in
ten tells a happening or a figure with names, places and quotes (so that the text grows, and the items with
it, as on a real live blog). It is written once per size, then each stage runs over it on its own, CPU time,
in a child process (so that a stage that does not finish can be given up on without waiting for it):

- `text`: HTML -> main text (`monitor.extract.text.extract_document`: trafilatura, htmldate, byline);
- `timex`: the text's temporal expressions (`monitor.extract.items.usable_dates.usable_timexes`, the tagger);
- `items`: text + expressions -> dated events and figures (`extract_items`, with the expressions given),
  with no extraction budget, so that the figure is the extractor's own speed, not where a budget stops it;
- `budget`: (when the code has one) temporal expressions and items as a check runs them, under the config's
  default extraction budget (`extraction.max_sentences` 5,000, `max_items` 1,000, `max_seconds` 5): what a
  check spends on the page after its text (sentences/s counts all the page's sentences, read or cut).

Prints sentences a second for each stage and size, and the items found. The base commit has no budget:
that row then says so. Run from the repository root; needs nothing beyond the project.
"""

from __future__ import annotations

import argparse
import datetime as dt
import multiprocessing as mp
import sys
import time
from typing import Any

PUB = dt.date(2020, 4, 1)
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_NAMES = ("Anna Petrova", "John Smith", "Maria Lopez", "Tom Berg", "Li Wei", "Omar Haddad")
_PLACES = ("Moscow", "Paris", "Berlin", "Madrid", "Rome", "Vienna", "Warsaw")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")


def sentence(i: int) -> str:
    """The i-th sentence of the synthetic page: dated, and every tenth one an event or a figure."""
    day, name, place = _DAYS[i % 7], _NAMES[i % 6], _PLACES[i % 7]
    date = f"{_MONTHS[i % 12]} {i % 28 + 1}, {2000 + i % 20}"
    match i % 20:
        case 3:
            return f'"We sold {i + 12} cars on {day}," {name} said in {place}.'
        case 7:
            return f"On {date}, {name} arrived in {place} for talks."
        case 13:
            return f"On {day}, {name} said {i + 100} people were evacuated in {place}."
        case 17:
            return f"{name} met the mayor of {place} on {date}."
        case _ if i % 2:
            return f"Our reporter in {place} on {day}: {name}, a teacher, and the mild weather."
        case _:
            return f"Notes from {place}, {date}: the old town hall and its square."


def article_html(sentences: int) -> str:
    """An HTML article of `sentences` sentences, five to a paragraph."""
    paragraphs = []
    for start in range(0, sentences, 5):
        text = " ".join(sentence(i) for i in range(start, min(start + 5, sentences)))
        paragraphs.append(f"<p>{text}</p>")
    return _page("Live: the story so far", "\n".join(paragraphs))


def live_blog_html(entries: int) -> str:
    """A live blog of `entries` entries, newest first, each a time stamp and two or three sentences."""
    posts = []
    for n in range(entries, 0, -1):
        minute = 8 * 60 + n // 2
        stamp = f"{minute // 60 % 24:02d}:{minute % 60:02d}"
        body = " ".join(sentence(n * 3 + k) for k in range(2 + n % 2))
        posts.append(f'<div class="post"><p><time>{stamp}</time></p><p>{body}</p></div>')
    return _page("Live: the story as it happens", "\n".join(posts))


def _page(title: str, body: str) -> str:
    return (f"<html><head><title>{title}</title>"
            f'<meta property="article:published_time" content="{PUB.isoformat()}T08:00:00Z"></head>'
            f"<body><article><h1>{title}</h1>{body}</article></body></html>")


def _stage(stage: str, page: str, out: Any) -> None:
    """Run one stage over `page` (the stages before it untimed) and send (cpu seconds, count) to `out`."""
    from monitor.extract.items import extract_items
    from monitor.extract.items.usable_dates import usable_timexes
    from monitor.extract.text import extract_document

    extract_items("Warm-up: the minister arrived in Paris on Monday.", PUB)  # lexicon and rules loaded
    start = time.process_time()
    text = extract_document(page).text
    if stage == "text":
        out.send((time.process_time() - start, len(text)))
        return
    start = time.process_time()
    timexes = usable_timexes(text, PUB)
    if stage == "timex":
        out.send((time.process_time() - start, len(timexes)))
        return
    start = time.process_time()
    try:
        from monitor.extract.budget import Budget  # type: ignore[import-not-found, unused-ignore]
    except ImportError:  # the code before issue 14 has no budget: it reads everything
        if stage == "budget":
            out.send((None, 0))
            return
        items = extract_items(text, PUB, timexes=timexes)
    else:
        budget = Budget.unlimited()
        if stage == "budget":
            from monitor.config import ExtractionConfig

            limits = ExtractionConfig()
            budget = Budget(limits.max_sentences, limits.max_items, limits.max_seconds)
            # As a check runs it: the expressions tagged in the part read only, within the same clock.
            start = time.process_time()
            items = extract_items(text, PUB, budget=budget)  # type: ignore[call-arg, unused-ignore]
            out.send((time.process_time() - start, len(items)))
            return
        items = extract_items(text, PUB, timexes=timexes, budget=budget)  # type: ignore[call-arg, unused-ignore]
    out.send((time.process_time() - start, len(items)))


def run_stage(stage: str, page: str, timeout: float) -> tuple[float | None, int, str]:
    """(cpu seconds or None, count, note) of `stage` over `page` in a child process."""
    here, there = mp.Pipe(duplex=False)
    child = mp.get_context("fork").Process(target=_stage, args=(stage, page, there), daemon=True)
    wall = time.monotonic()
    child.start()
    if not here.poll(timeout):
        child.kill()
        child.join()
        return None, 0, f"did not finish in {timeout:.0f} s"
    seconds, count = here.recv()
    child.join()
    if seconds is None:
        return None, 0, "no budget in this code"
    return seconds, count, f"wall {time.monotonic() - wall:.1f} s"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 80000])
    parser.add_argument("--live-blog", type=int, default=8000, help="entries of the live blog (0: none)")
    parser.add_argument("--stages", default="text,timex,items,budget")
    parser.add_argument("--timeout", type=float, default=300.0)
    args = parser.parse_args(argv)
    stages = [s for s in args.stages.split(",") if s]
    import monitor

    print(f"code: {monitor.__file__}")
    pages = [(f"article {n:,} sentences", n, article_html(n)) for n in args.sizes]
    if args.live_blog:
        blog = live_blog_html(args.live_blog)
        count = sum(2 + n % 2 for n in range(1, args.live_blog + 1)) + args.live_blog  # + the time stamps
        pages.append((f"live blog {args.live_blog:,} entries", count, blog))
    print(f"{'page':<30} {'size':>8} {'stage':<7} {'cpu s':>8} {'sentences/s':>12} {'found':>8}  note")
    for label, sentences, page in pages:
        size = f"{len(page.encode()) / 1e6:.1f} MB"
        for stage in stages:
            seconds, found, note = run_stage(stage, page, args.timeout)
            rate = f"{sentences / seconds:,.0f}" if seconds else "-"
            shown = f"{seconds:.2f}" if seconds is not None else "-"
            print(f"{label:<30} {size:>8} {stage:<7} {shown:>8} {rate:>12} {found:>8,}  {note}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
