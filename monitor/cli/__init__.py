"""The `monitor` command line: thin commands that parse arguments, call the library and print.

Exit codes (CONTRACT.md): 0 done; 2 bad usage, config or input (one line on stderr, no traceback);
1 an unexpected internal error. Heavy imports live inside the commands so that `monitor timex`, which the
TempEval scorer starts once per document, starts fast. What the commands share (the context, clean
failures, common options) is in `monitor.cli.options`; `monitor db ...` in `monitor.cli.db`.
"""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, date, datetime
from pathlib import Path
from typing import IO, Any

import click

from monitor.cli.db import db
from monitor.cli.options import (
    AsOf,
    Context,
    as_of_option,
    fail_cleanly,
    older_extractor_notes,
    parse_date_option,
    parse_instant,
    pass_context,
    read_input,
    report_error,
    story_option,
)
from monitor.errors import ConfigError, InputError
from monitor.logs import LEVELS, setup_logging
from monitor.redact import redact
from monitor.run.process import exit_now, start_up

log = logging.getLogger("monitor.cli")


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option("--config", "config_file", metavar="FILE", envvar=None,
              help="Config file [default: $MONITOR_CONFIG, else ./config.yaml].")
@click.option("--log-format", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Log records on stderr as text or as one JSON object a line.")
@click.option("--log-level", type=click.Choice(LEVELS, case_sensitive=False), default="INFO",
              show_default=True, help="Least severe log level shown.")
@click.version_option(package_name="timeline-monitor", prog_name="monitor")
@click.pass_context
def cli(ctx: click.Context, config_file: str | None, log_format: str, log_level: str) -> None:
    """Watch developing news stories and turn them into a dated, sourced event timeline.

    \b
    Quick start:
      monitor demo                 # the whole product, offline, in a few seconds
      monitor check                # check every source of config.yaml once
      monitor run                  # the long-running service
      monitor export -o timeline.csv
    """
    setup_logging(log_format, log_level)
    ctx.obj = Context(config_file)


# --- the service ---------------------------------------------------------------------------------------


@cli.command()
@pass_context
@fail_cleanly
def run(ctx: Context) -> None:
    """Run the service: check every source and feed at its interval until SIGINT/SIGTERM.

    Several `monitor run` processes may share one PostgreSQL database: each source is leased by one
    process at a time.
    """
    config = ctx.config()
    import asyncio

    from monitor.run.service import run_service

    asyncio.run(run_service(config, ctx.store()))


@cli.command()
@story_option
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True, metavar="N",
              help="Processes sharing the cycle: N-1 are forked after start-up; each claims due sources "
                   "in chunks of 50 until none are left (one per CPU core is the useful most).")
@click.option("--timings", is_flag=True,
              help="At the end, print to stderr where the cycle's time went: wall and CPU seconds by stage "
                   "(fetch, text, timex, items, reconcile, database), summed over its processes.")
@pass_context
@fail_cleanly
def check(ctx: Context, story: str | None, workers: int, timings: bool) -> None:
    """Check every source and feed once, now, then exit.

    Exits 0 even when some sources fail; the failures are logged. Articles a feed leads to are added as
    sources during this check and fetched by the next one. With --workers N the sources are shared by N
    processes through their leases (each source is checked once) and one `check_cycle` line sums them up.
    A source another process (another check, a service) checks after this one started counts as checked.

    \b
    Example:
      monitor check --story russia-us-aid
      monitor check --workers 2
      monitor check --timings
    """
    import time

    # Before the imports and the config: a source another process checks from now on counts as checked.
    asked = datetime.now(UTC)
    config = ctx.config()
    from monitor.run.cycle import run_cycle

    if story is not None:
        config.story(story)
    began = time.perf_counter()
    summary = run_cycle(config, ctx.store(), story=story, workers=workers, asked=asked)
    if timings:
        from monitor.run.checker import stage_table

        click.echo("\n".join(stage_table(summary, time.perf_counter() - began)), err=True)


# --- versions ------------------------------------------------------------------------------------------


@cli.command()
@click.argument("url")
@story_option
@pass_context
@fail_cleanly
def history(ctx: Context, url: str, story: str | None) -> None:
    """List the stored versions of one source: version, fetched time, content hash, size.

    \b
    Example:
      monitor history https://example.org/news/story.html
    """
    for info in ctx.store(read_only=True).history(url, story=story):
        fetched = info.fetched_at.isoformat(timespec="seconds")
        click.echo(f"{info.version}\t{fetched}\t{info.content_hash}\t{info.size}")


@cli.command()
@click.argument("url")
@click.option("--from", "from_version", type=int, metavar="N",
              help="Older version [default: the one before --to].")
@click.option("--to", "to_version", type=int, metavar="M", help="Newer version [default: the latest].")
@story_option
@pass_context
@fail_cleanly
def diff(ctx: Context, url: str, from_version: int | None, to_version: int | None, story: str | None) -> None:
    """Show a unified diff, one sentence a line, between two versions of a source.

    \b
    Example:
      monitor diff https://example.org/news/story.html --from 1 --to 2
    """
    from monitor.track.snapshots import unified_diff

    store = ctx.store(read_only=True)
    versions = [v.version for v in store.history(url, story=story)]
    if not versions:
        raise InputError(f"{url}: no stored versions")
    new = to_version if to_version is not None else versions[-1]
    old = from_version if from_version is not None else new - 1
    for number, option in ((old, "--from"), (new, "--to")):
        if number not in versions:
            known = f"{versions[0]}..{versions[-1]}"
            raise InputError(f"{option}: {url} has no version {number} (versions: {known})")
    old_text = store.snapshot_text(url, old, story=story)
    new_text = store.snapshot_text(url, new, story=story)
    click.echo(unified_diff(old_text, new_text, f"{url} (version {old})", f"{url} (version {new})"), nl=False)


# --- extraction, no database ---------------------------------------------------------------------------


def _looks_like_html(raw: bytes) -> bool:
    head = raw[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    markup = (b"<!doctype", b"<html", b"<?xml", b"<head", b"<body", b"<!--")
    return head.startswith(markup) or b"<p" in raw[:65536]


@cli.command()
@click.argument("path")
@click.option("--published", metavar="DATE",
              help="Publication date the text is read against [default: the page's metadata or dateline].")
@click.option("--url", metavar="URL",
              help="The page's address, used as `monitor check` uses it (the date in its path, its links).")
@click.option("--format", "fmt", type=click.Choice(["json", "csv"]), default="json", show_default=True)
@pass_context
@fail_cleanly
def extract(ctx: Context, path: str, published: str | None, url: str | None, fmt: str) -> None:
    """Print the dated events and figures of one document (HTML, plain text, or - for stdin).

    \b
    Example:
      monitor extract article.html
      monitor extract story.txt --published 2020-04-01 --format csv
      monitor extract saved.html --url https://example.com/2020/04/01/story
    """
    from monitor.extract.items import extract_items, load_lexicon, published_from_dateline
    from monitor.extract.text import extract_document, plain_text_document
    from monitor.fetch.decode import decode_body

    raw = read_input(path)
    if not raw.strip():
        raise InputError(f"{path}: the document is empty")
    when: date | None = parse_date_option(published, "--published")
    if _looks_like_html(raw):
        document = extract_document(raw, url=url)
    else:
        document = plain_text_document(decode_body(raw, None)[0])
    if when is None:
        when = document.published or published_from_dateline(document.text)
    rules = ctx.config(required=False).extraction
    lexicon = load_lexicon(rules.kinds, rules.metrics, rules.aliases)
    items = extract_items(document.text, when, lexicon=lexicon)
    day = (when.date() if isinstance(when, datetime) else when).isoformat() if when else None
    if fmt == "json":
        click.echo(json.dumps([item.to_dict() for item in items], ensure_ascii=False, indent=2))
    else:
        from monitor.publish.export import write_item_rows

        source = url or (None if path == "-" else path)
        write_item_rows(items, sys.stdout, published=day, source_url=source)


@cli.command()
@click.argument("path")
@click.option("--dct", required=True, metavar="DATE", help="Document creation time, e.g. 2020-04-01.")
@fail_cleanly
def timex(path: str, dct: str) -> None:
    """Print the temporal expressions of a plain-text file as JSON Lines.

    Offsets are character offsets into the file's text as read (UTF-8, nothing normalised).

    \b
    Example:
      monitor timex article.txt --dct 2020-04-01
    """
    from monitor.extract.timex import tag

    anchor = parse_date_option(dct, "--dct")
    raw = read_input(path)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text (byte {exc.start})") from None
    out = sys.stdout
    for found in tag(text, anchor):  # type: ignore[arg-type]
        out.write(json.dumps(found.to_json(), ensure_ascii=False) + "\n")


# --- the timeline ------------------------------------------------------------------------------------------


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["csv", "json"]), default="csv", show_default=True)
@story_option
@click.option("--since", metavar="DATE", help="Only items first seen on or after DATE.")
@as_of_option
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True),
              help="Write to FILE, not stdout.")
@pass_context
@fail_cleanly
def export(
    ctx: Context, fmt: str, story: str | None, since: str | None, as_of: str | None, output: str | None
) -> None:
    """Export the timeline as CSV (the contract's columns) or JSON.

    \b
    Example:
      monitor export --story russia-us-aid -o timeline.csv
      monitor export --format json --since 2020-04-01
      monitor export --as-of 2026-12-01T14:00 -o known-at-14.csv
    """
    from monitor.publish.export import filter_entries, write_csv, write_json

    config = ctx.config()
    if story is not None:
        config.story(story)
    since_at = parse_date_option(since, "--since")
    store = ctx.store(read_only=True)
    at = parse_instant(as_of, "--as-of")
    entries = filter_entries(AsOf(store, at).load_timeline(story=story), since=since_at)
    origins = store.source_origins(story) if fmt == "json" else {}

    def writer(out: IO[str]) -> None:
        if fmt == "csv":
            write_csv(entries, out)  # the contract's columns only
        else:
            write_json(entries, out, origins)

    if output is None:
        writer(sys.stdout)
        return
    with open(output, "w", encoding="utf-8", newline="") as stream:
        writer(stream)
    log.info("wrote %d items to %s", len(entries), output, extra={"event": "exported", "path": output})


@cli.command()
@story_option
@as_of_option
@pass_context
@fail_cleanly
def timeline(ctx: Context, story: str | None, as_of: str | None) -> None:
    """Print the timeline as a table (with `--as-of`, as it stood then).

    A line on stderr names the stories whose rows an older extractor made.
    """
    from monitor.publish.export import format_table

    if story is not None:
        ctx.config().story(story)
    store = ctx.store(read_only=True)
    shown = AsOf(store, parse_instant(as_of, "--as-of")).load_timeline(story=story)
    click.echo(format_table(shown, origins=store.source_origins(story)))
    if as_of is None:
        older_extractor_notes(ctx, store, story)


@cli.command()
@story_option
@pass_context
@fail_cleanly
def sources(ctx: Context, story: str | None) -> None:
    """List the sources: origin (config or which feed), last check, last change, error streak.

    Articles followed from a feed appear here after the feed's check and are fetched from the next cycle on.
    The database is only read: sources new in the config are listed as such until a check adds them. A line
    on stderr names the stories whose timeline rows an older extractor made (`monitor reextract`).
    """
    from monitor.run.specs import config_specs

    config = ctx.config()
    if story is not None:
        config.story(story)
    store = ctx.store(read_only=True)
    rows = store.sources(story=story)
    known = {(row.story_id, row.url) for row in rows}
    new = [spec for spec in config_specs(config)
           if (spec.story_id, spec.url) not in known and story in (None, spec.story_id)]
    if not rows and not new:
        click.echo("no sources")
        return
    click.echo("story\tkind\turl\torigin\tstored\tlast_checked\tlast_changed\terror_streak\tlast_error")
    for row in rows:
        times = (row.last_checked_at, row.last_changed_at)
        stamp = [t.isoformat(timespec="seconds") if t else "-" for t in times]
        stored = f"{row.entries} entries" if row.kind == "feed" else f"{row.versions} versions"
        if not row.active:
            problem = f"disabled: {row.disabled_reason or 'removed from the config'}"
        elif row.last_error and not row.error_streak:
            problem = f"warning: {row.last_error}"  # e.g. a malformed feed that was still read
        else:
            problem = row.last_error or "-"
        cells = [row.story_id, row.kind, row.url, row.origin, stored, *stamp, str(row.error_streak), problem]
        click.echo("\t".join(redact(" ".join(cell.split())) for cell in cells))
    for spec in new:
        cells = [spec.story_id, spec.kind, spec.url, spec.origin, "-", "-", "-", "0",
                 "new in the config: added by the next check"]
        click.echo("\t".join(redact(cell) for cell in cells))
    older_extractor_notes(ctx, store, story)


@cli.command()
@story_option
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, writable=True),
              help="The HTML file to write.")
@as_of_option
@pass_context
@fail_cleanly
def report(ctx: Context, story: str | None, output: str, as_of: str | None) -> None:
    """Write a self-contained HTML report that draws the timeline on a time axis.

    \b
    Example:
      monitor report --story russia-us-aid -o report.html
    """
    from monitor.publish.report import write_report

    config = ctx.config()
    stories = [config.story(story)] if story else list(config.stories)
    at = parse_instant(as_of, "--as-of")
    write_report(AsOf(ctx.store(read_only=True), at), stories, Path(output))
    log.info("wrote the report to %s", output, extra={"event": "report_written", "path": output})


@cli.command()
@click.option("--story", "story", required=True, metavar="ID", help="The story (its id in config.yaml).")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, writable=True),
              help="The Atom file to write.")
@click.option("--limit", type=click.IntRange(min=1), default=200, show_default=True, metavar="N",
              help="Entries: the newest N alerts.")
@pass_context
@fail_cleanly
def feed(ctx: Context, story: str, output: str, limit: int) -> None:
    """Write an Atom feed of a story's alerts, newest first, with their evidence and source links.

    `atom_dir` in the config makes the service keep one such file per story up to date.

    \b
    Example:
      monitor feed --story russia-us-aid -o russia-us-aid.atom
    """
    from datetime import UTC

    from monitor.publish.atom import atom_feed

    config = ctx.config()
    title = config.story(story).title
    alerts = ctx.store(read_only=True).alerts(story, limit)
    Path(output).write_bytes(atom_feed(story, title, alerts, datetime.now(UTC)))
    log.info("wrote %d alerts to %s", len(alerts), output, extra={"event": "feed_written", "path": output})


@cli.command()
@click.option("--test", "test", is_flag=True, required=True, help="Send a test message to every target.")
@story_option
@pass_context
@fail_cleanly
def notify(ctx: Context, test: bool, story: str | None) -> None:
    """Send a test message through every notification target (`notify:` in the config) and say how it went.

    Exits 2 when a target has a URL Apprise cannot use or refused the message.

    \b
    Example:
      monitor notify --test
      monitor notify --test --story russia-us-aid
    """
    from monitor.run.notifier import send_test

    config = ctx.config()
    if story is not None:
        config.story(story)
    results = send_test(config, story)
    for name, error in results.items():
        click.echo(f"{name}: {'sent' if error is None else 'failed: ' + error}")
    failed = [name for name, error in results.items() if error is not None]
    if failed:
        raise InputError(f"notify: {len(failed)} of {len(results)} targets failed: {', '.join(failed)}")


@cli.command()
@story_option
@click.option("--since", metavar="DATE", help="Only versions fetched on or after DATE; the rows before it as "
              "they stood then.")
@pass_context
@fail_cleanly
def reextract(ctx: Context, story: str | None, since: str | None) -> None:
    """Read the stored versions again with the current extractor and rebuild the timeline's rows.

    Versions are replayed in the order and at the times they were fetched, so rows get the dates and first
    seen times they would have had. No alert is sent: one line a story says what changed. Safe to stop and
    run again (it resumes), and to run twice (the second run changes nothing).

    \b
    Example:
      monitor reextract --story russia-us-aid
    """
    from monitor.run.reextract import LogProgress
    from monitor.run.reextract import reextract as rebuild

    config = ctx.config()
    if story is not None:
        config.story(story)
    since_at = parse_instant(since, "--since")
    bar = _ProgressBar() if sys.stderr.isatty() else None
    progress = bar or LogProgress()
    try:
        for summary in rebuild(ctx.store(), config, story=story, since=since_at, progress=progress):
            if bar is not None:
                bar.close()
            click.echo(summary.line())
    finally:
        if bar is not None:
            bar.close()


class _ProgressBar:
    """A progress bar on the terminal, one per story."""

    def __init__(self) -> None:
        self.story: str | None = None
        self.bar: Any = None

    def __call__(self, story: str, done: int, total: int) -> None:
        if story != self.story:
            self.close()
            self.story = story
            self.bar = click.progressbar(length=total, label=story, file=sys.stderr).__enter__()
        self.bar.update(done - self.bar.pos)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
        self.bar = self.story = None


@cli.command()
@click.option("--output-dir", type=click.Path(file_okay=False), default="demo-output", show_default=True,
              help="Folder for the demo's database, timeline.csv and report.html.")
@click.option("--cycles", type=click.IntRange(2, 20), default=3, show_default=True)
@fail_cleanly
def demo(output_dir: str, cycles: int) -> None:
    """Run the whole product offline against bundled versions of the seed story."""
    from monitor.demo import run_demo

    run_demo(Path(output_dir), cycles=cycles)


cli.add_command(db)


def main() -> None:
    """Console-script entry point."""
    start_up()
    try:
        cli.main(prog_name="monitor", standalone_mode=True)
    except ConfigError as exc:  # raised while loading the config outside a command body
        report_error(exc)
        exit_now(2)
    except SystemExit as exc:  # how click's standalone mode always ends
        exit_now(_exit_code(exc.code))
    exit_now(0)


def _exit_code(code: object) -> int:
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    click.echo(code, err=True)  # sys.exit("message") prints it and exits 1
    return 1
