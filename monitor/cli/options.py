"""What every `monitor` command shares: the context (config and store opened once, on demand), clean
failures (one line on stderr, exit 2), and the options and values several commands parse."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from monitor.errors import InputError, MonitorError
from monitor.logs import bounded, json_logs

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


def read_input(path: str) -> bytes:
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


def parse_date_option(value: str | None, option: str) -> datetime | None:
    """A date option read as `--dct` is (monitor.extract.timex.parse_dct); errors name the option."""
    if value is None:
        return None
    from monitor.extract.timex import parse_dct

    try:
        return parse_dct(value)
    except InputError as exc:
        raise InputError(f"{option}: {exc}") from None


def parse_instant(value: str | None, option: str) -> datetime | None:
    """An ISO 8601 instant (`2026-12-01T14:00`, `...+02:00`, `...Z`): no zone is UTC, a date its midnight."""
    if value is None:
        return None
    try:
        at = datetime.fromisoformat(value.strip())
    except ValueError:
        raise InputError(f"{option}: {value!r} is not a time (use YYYY-MM-DDTHH:MM[:SS][+HH:MM])") from None
    return at.replace(tzinfo=UTC) if at.tzinfo is None else at.astimezone(UTC)


def as_of_option(func: F) -> F:
    option = click.option("--as-of", "as_of", metavar="TIME",
                          help="The timeline as it stood at TIME (ISO 8601; no zone: UTC).")
    return option(func)


class AsOf:
    """A store's timeline as it stood at one time, read as `load_timeline` reads the present one."""

    def __init__(self, store: Store, at: datetime | None) -> None:
        self.store, self.at = store, at

    def load_timeline(self, story: str | None = None) -> list[Any]:
        if self.at is None:
            return self.store.load_timeline(story=story)
        return self.store.timeline_as_of(self.at, story=story)

    def source_origins(self, story: str | None = None) -> dict[str, str]:
        # Which sources copy which is read from their newest versions, whatever the time asked for.
        return self.store.source_origins(story)


def older_extractor_notes(ctx: Context, store: Store, story: str | None) -> None:
    """One stderr line per story whose rows an older extractor made (`monitor reextract` re-reads them)."""
    from monitor.run.story import FEED_EXTRACTOR, StoryRules

    current = StoryRules.from_config(ctx.config()).extractor()
    totals: dict[str, list[int]] = {}
    for (sid, stamp), rows in store.extractors(story).items():
        if stamp != FEED_EXTRACTOR:
            counts = totals.setdefault(sid, [0, 0])
            counts[0] += rows if stamp != current else 0
            counts[1] += rows
    for sid, (older, rows) in sorted(totals.items()):
        if older:
            click.echo(f"note: story {sid}: {older} of {rows} timeline rows come from an older extractor "
                       f"(current {current}): `monitor reextract --story {sid}` re-reads them", err=True)


