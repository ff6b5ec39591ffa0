"""Log setup: text or JSON Lines on stderr. Alerts are ordinary records on `monitor.alerts`.

A record may carry structured fields through `extra=`: `event` names what happened (`content_changed`,
`check_failed` ...), and `story`, `url` and any other key listed in `fields` are copied into the JSON object.

Every line on stderr goes through one handler and one format: the `monitor.*` records, and those of the
libraries (APScheduler's "maximum number of running instances reached", asyncio, Python warnings) through
the root logger. What a line carries is bounded and safe to ship: the message and each exception's text are
cut to `MESSAGE_LENGTH` characters (a database error quoting its SQL and parameters is not a 19 KB line),
and the userinfo of every URL is redacted (`monitor.redact`).
"""

from __future__ import annotations

import json
import logging
import sys
import traceback
from datetime import UTC, datetime
from types import TracebackType
from typing import Any, TextIO

from monitor.limits import MESSAGE_LENGTH, URL_LENGTH, clip
from monitor.redact import redact

LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")

# LogRecord attributes that are plumbing, not payload.
_RESERVED = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime", "fields"}
TRACEBACK_LENGTH = 10 * MESSAGE_LENGTH
ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None] | tuple[None, None, None]


def record_fields(record: logging.LogRecord) -> dict[str, Any]:
    """The structured payload of a record: its `extra=` keys, in the order given."""
    fields = {k: v for k, v in vars(record).items() if k not in _RESERVED}
    nested = getattr(record, "fields", None)
    if isinstance(nested, dict):
        fields.update(nested)
    return fields


def bounded(text: str, limit: int = MESSAGE_LENGTH) -> str:
    """`text` fit for a log line: URL credentials redacted, cut to `limit` characters."""
    return clip(redact(text), limit)


def format_exception(exc_info: ExcInfo) -> str:
    """The traceback of `exc_info` and of the exceptions it was raised from, each exception's own text
    bounded (`bounded`), the whole kept to its last `TRACEBACK_LENGTH` characters."""
    _, exc, _ = exc_info
    chain: list[BaseException] = []
    while exc is not None and all(exc is not seen for seen in chain):
        chain.append(exc)
        exc = exc.__cause__ or (None if exc.__suppress_context__ else exc.__context__)
    parts: list[str] = []
    for index, item in enumerate(reversed(chain)):
        if index:
            parts.append("\nThe above exception led to the following one:\n\n")
        name = f"{type(item).__module__}.{type(item).__qualname__}".removeprefix("builtins.")
        parts += ["Traceback (most recent call last):\n", *traceback.format_tb(item.__traceback__),
                  f"{name}: {bounded(str(item))}"]
    text = "".join(parts)
    return text if len(text) <= TRACEBACK_LENGTH else "…" + text[-TRACEBACK_LENGTH + 1:]


class JsonFormatter(logging.Formatter):
    """One JSON object a line: time, level, logger, event, message, then the record's fields."""

    def format(self, record: logging.LogRecord) -> str:
        fields = record_fields(record)
        payload: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "event": fields.pop("event", None) or "log",
            "message": bounded(record.getMessage()),
        }
        payload.update({k: bounded(v, URL_LENGTH) if isinstance(v, str) else v for k, v in fields.items()})
        if record.exc_info:
            payload["exception"] = self.formatException(record.exc_info)
        return json.dumps(payload, default=lambda v: bounded(str(v), URL_LENGTH), ensure_ascii=False)

    def formatException(self, ei: Any) -> str:  # noqa: N802 - the stdlib's name
        return format_exception(ei)


class TextFormatter(logging.Formatter):
    """`time LEVEL logger: message`, the way a person tails a log."""

    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)-7s %(name)s: %(message)s", "%Y-%m-%d %H:%M:%S")

    def formatMessage(self, record: logging.LogRecord) -> str:  # noqa: N802 - the stdlib's name
        record.message = bounded(record.message)
        return super().formatMessage(record)

    def formatException(self, ei: Any) -> str:  # noqa: N802 - the stdlib's name
        return format_exception(ei)


class _StderrHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to the `sys.stderr` of the moment (a test runner may swap it), or to a given stream."""

    def __init__(self, stream: TextIO | None = None) -> None:
        super().__init__(stream or sys.stderr)
        self._fixed = stream

    def emit(self, record: logging.LogRecord) -> None:
        if self._fixed is None:
            self.stream = sys.stderr
        super().emit(record)


_OURS = "_monitor_handler"


def _not_ours(record: logging.LogRecord) -> bool:
    return record.name != "monitor" and not record.name.startswith("monitor.")


def json_logs() -> bool:
    """True when `setup_logging` chose JSON Lines: every line on stderr is then a JSON object."""
    return any(getattr(h, _OURS, False) and isinstance(h.formatter, JsonFormatter)
               for h in logging.getLogger("monitor").handlers)


def setup_logging(fmt: str = "text", level: str = "INFO", stream: TextIO | None = None) -> None:
    """Send every `monitor.*` record, and the libraries' warnings, to stderr (or `stream`) in one format."""
    handler = _StderrHandler(stream)
    handler.setFormatter(JsonFormatter() if fmt == "json" else TextFormatter())
    setattr(handler, _OURS, True)
    root = logging.getLogger("monitor")
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level.upper())
    root.propagate = False
    # The libraries' records (APScheduler, asyncio, Python warnings) reach the root logger: the same handler
    # writes them, so no plain-text line slips into a JSON log.
    top = logging.getLogger()
    for old in list(top.handlers):
        if getattr(old, _OURS, False):
            top.removeHandler(old)
    libraries = _StderrHandler(stream)
    libraries.setFormatter(handler.formatter)
    libraries.addFilter(_not_ours)  # `monitor.*` records have their own handler (should they propagate)
    setattr(libraries, _OURS, True)
    top.addHandler(libraries)
    logging.captureWarnings(True)
    # Third-party chatter (httpx request lines, APScheduler job lines) only when debugging.
    quiet = logging.DEBUG if level.upper() == "DEBUG" else logging.WARNING
    for name in ("httpx", "httpcore", "apscheduler", "alembic"):
        logging.getLogger(name).setLevel(quiet)
    # The extractors report ordinary short or empty pages as errors; our own records say what matters.
    for name in ("trafilatura", "htmldate", "courlan", "justext"):
        logging.getLogger(name).setLevel(logging.DEBUG if quiet == logging.DEBUG else logging.CRITICAL)
