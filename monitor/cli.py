"""The `monitor` command line: thin commands that parse arguments, call the library and print.

Exit codes (CONTRACT.md): 0 done; 2 bad usage, config or input (one line on stderr, no traceback);
1 an unexpected internal error. Heavy imports live inside the commands so that `monitor timex`, which the
TempEval scorer starts once per document, starts fast.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from monitor.errors import ConfigError, InputError, MonitorError
from monitor.logs import LEVELS, bounded, json_logs, setup_logging
from monitor.redact import redact
from monitor.run.process import exit_now, start_up

if TYPE_CHECKING:
    from monitor.config import Config
    from monitor.store import Store

log = logging.getLogger("monitor.cli")
F = TypeVar("F", bound=Callable[..., Any])


@dataclass
class Context:
    """What the group options leave for the commands: the config path, loaded on first use."""

    config_file: str | None
    _config: Config | None = field(default=None, init=False)

    def config(self, *, required: bool = True) -> Config:
        """The validated config; with `required=False` a missing default file means built-in defaults."""
        if self._config is None:
            from monitor.config import config_path, load_config, parse_config

            path = config_path(self.config_file)
            if not required and self.config_file is None and not path.exists():
                self._config = parse_config({}, base_dir=Path.cwd())
            else:
                self._config = load_config(path)
        return self._config

    def store(self, *, read_only: bool = False) -> Store:
        """The database named by the config, migrated to the current schema (with `read_only`, opened
        read-only and never migrated: an out-of-date schema is one line); closed when the command ends."""
        config = self.config()
        from monitor.store import open_store

        store = open_store(config.database, read_only=read_only)
        # Closed explicitly: main() ends the process without the interpreter's teardown (process.exit_now).
        click.get_current_context().call_on_close(store.close)
        return store


def fail_cleanly(func: F) -> F:
    """Map `MonitorError` to exit 2 with one line on stderr; anything else is exit 1."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except MonitorError as exc:
            report_error(exc)
            sys.exit(2)
        except (click.ClickException, click.exceptions.Exit, click.Abort, SystemExit):
            raise
        except BrokenPipeError:
            sys.exit(0)
        except Exception as exc:
            log.exception("internal error: %s: %s", type(exc).__name__, exc,
                          extra={"event": "internal_error"})
            if not json_logs():  # the record above is the line a log shipper reads
                click.echo(f"monitor: internal error: {type(exc).__name__}: {bounded(str(exc))}", err=True)
            sys.exit(1)

    return wrapper  # type: ignore[return-value]


def report_error(exc: MonitorError) -> None:
    """The one stderr line of a bad usage, config or input: `monitor: error: ...`, or with `--log-format
    json` the same words as one JSON record (event `error`), so that every line on stderr is JSON."""
    message = f"monitor: error: {bounded(str(exc))}"
    if json_logs():
        log.error("%s", message, extra={"event": "error", "error": type(exc).__name__})
    else:
        click.echo(message, err=True)


def pass_context(func: F) -> F:
    return click.pass_obj(func)  # type: ignore[return-value]


def story_option(func: F) -> F:
    option = click.option("--story", "story", metavar="ID", help="Only this story (its id in config.yaml).")
    return option(func)


def _read_input(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, not a document") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from None


def _parse_date_option(value: str | None, option: str) -> datetime | None:
    if value is None:
        return None
    from monitor.extract.timex import parse_dct

    try:
        return parse_dct(value)
    except InputError as exc:
        raise InputError(f"{option}: {exc}") from None


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
@pass_context
@fail_cleanly
def check(ctx: Context, story: str | None, workers: int) -> None:
    """Check every source and feed once, now, then exit.

    Exits 0 even when some sources fail; the failures are logged. Articles a feed leads to are added as
    sources during this check and fetched by the next one. With --workers N the sources are shared by N
    processes through their leases (each source is checked once) and one `check_cycle` line sums them up.

    \b
    Example:
      monitor check --story russia-us-aid
      monitor check --workers 2
    """
    config = ctx.config()
    from monitor.run.cycle import run_cycle

    if story is not None:
        config.story(story)
    run_cycle(config, ctx.store(), story=story, workers=workers)


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

    raw = _read_input(path)
    if not raw.strip():
        raise InputError(f"{path}: the document is empty")
    when: date | None = _parse_date_option(published, "--published")
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

    anchor = _parse_date_option(dct, "--dct")
    raw = _read_input(path)
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
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True),
              help="Write to FILE, not stdout.")
@pass_context
@fail_cleanly
def export(ctx: Context, fmt: str, story: str | None, since: str | None, output: str | None) -> None:
    """Export the timeline as CSV (the contract's columns) or JSON.

    \b
    Example:
      monitor export --story russia-us-aid -o timeline.csv
      monitor export --format json --since 2020-04-01
    """
    from monitor.publish.export import filter_entries, write_csv, write_json

    config = ctx.config()
    if story is not None:
        config.story(story)
    since_at = _parse_date_option(since, "--since")
    entries = filter_entries(ctx.store(read_only=True).load_timeline(story=story), since=since_at)
    writer = write_csv if fmt == "csv" else write_json
    if output is None:
        writer(entries, sys.stdout)
        return
    with open(output, "w", encoding="utf-8", newline="") as stream:
        writer(entries, stream)
    log.info("wrote %d items to %s", len(entries), output, extra={"event": "exported", "path": output})


@cli.command()
@story_option
@pass_context
@fail_cleanly
def timeline(ctx: Context, story: str | None) -> None:
    """Print the timeline as a table."""
    from monitor.publish.export import format_table

    if story is not None:
        ctx.config().story(story)
    click.echo(format_table(ctx.store(read_only=True).load_timeline(story=story)))


@cli.command()
@story_option
@pass_context
@fail_cleanly
def sources(ctx: Context, story: str | None) -> None:
    """List the sources: origin (config or which feed), last check, last change, error streak.

    Articles followed from a feed appear here after the feed's check and are fetched from the next cycle on.
    The database is only read: sources new in the config are listed as such until a check adds them.
    """
    from monitor.run.specs import config_specs

    config = ctx.config()
    if story is not None:
        config.story(story)
    rows = ctx.store(read_only=True).sources(story=story)
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


@cli.command()
@story_option
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, writable=True),
              help="The HTML file to write.")
@pass_context
@fail_cleanly
def report(ctx: Context, story: str | None, output: str) -> None:
    """Write a self-contained HTML report that draws the timeline on a time axis.

    \b
    Example:
      monitor report --story russia-us-aid -o report.html
    """
    from monitor.publish.report import write_report

    config = ctx.config()
    stories = [config.story(story)] if story else list(config.stories)
    write_report(ctx.store(read_only=True), stories, Path(output))
    log.info("wrote the report to %s", output, extra={"event": "report_written", "path": output})


@cli.command()
@click.option("--output-dir", type=click.Path(file_okay=False), default="demo-output", show_default=True,
              help="Folder for the demo's database, timeline.csv and report.html.")
@click.option("--cycles", type=click.IntRange(2, 20), default=3, show_default=True)
@fail_cleanly
def demo(output_dir: str, cycles: int) -> None:
    """Run the whole product offline against bundled versions of the seed story."""
    from monitor.demo import run_demo

    run_demo(Path(output_dir), cycles=cycles)


@cli.group()
def db() -> None:
    """Database maintenance."""


@db.command("upgrade")
@pass_context
@fail_cleanly
def db_upgrade(ctx: Context) -> None:
    """Create or upgrade the database schema to the newest migration."""
    from monitor.store import upgrade

    url = ctx.config().database
    revision = upgrade(url)
    click.echo(f"database at revision {revision}")


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
