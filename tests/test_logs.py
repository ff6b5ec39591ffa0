"""monitor/logs.py: under --log-format json every line on stderr is JSON, bounded, and without credentials."""

from __future__ import annotations

import io
import json
import logging
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from monitor.cli import cli
from monitor.logs import setup_logging

SQL_ERROR = "(psycopg.errors.StringDataRightTruncation) value too long\n[SQL: INSERT ...]\n" + "x, " * 7000


@pytest.fixture
def stream() -> Iterator[io.StringIO]:
    """Logs set up as JSON into a buffer; the handlers and levels put back afterwards."""
    root, top = logging.getLogger("monitor"), logging.getLogger()
    saved = (list(root.handlers), root.level, root.propagate, list(top.handlers),
             logging.getLogger("apscheduler").level)
    buffer = io.StringIO()
    setup_logging("json", "INFO", buffer)
    yield buffer
    root.handlers[:], root.level, root.propagate = saved[0], saved[1], saved[2]
    top.handlers[:] = saved[3]
    logging.getLogger("apscheduler").setLevel(saved[4])
    logging.captureWarnings(False)


def _lines(buffer: io.StringIO) -> list[dict[str, object]]:
    return [json.loads(line) for line in buffer.getvalue().splitlines()]


def test_apschedulers_own_warning_is_a_json_line(stream: io.StringIO) -> None:
    from apscheduler.schedulers.background import BackgroundScheduler

    release = threading.Event()
    scheduler = BackgroundScheduler()
    scheduler.add_job(release.wait, "interval", seconds=0.05, max_instances=1, args=(2,))
    scheduler.start()
    try:
        deadline = time.monotonic() + 5
        while "maximum number of running instances" not in stream.getvalue() and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        release.set()
        scheduler.shutdown(wait=True)
    lines = _lines(stream)  # every line parses
    assert any("maximum number of running instances reached" in str(line["message"]) and
               line["logger"] == "apscheduler.scheduler" for line in lines)


def test_a_huge_error_is_bounded_and_keeps_its_type(stream: io.StringIO) -> None:
    log = logging.getLogger("monitor.run.checker")
    try:
        try:
            raise ValueError("the driver's complaint " + SQL_ERROR)
        except ValueError as inner:
            raise RuntimeError(SQL_ERROR) from inner
    except RuntimeError as exc:
        log.exception("check crashed: %s", exc, extra={"event": "check_error"})
    [line] = _lines(stream)
    assert len(str(line["message"])) <= 1000
    exception = str(line["exception"])
    assert "RuntimeError: (psycopg.errors.StringDataRightTruncation)" in exception
    assert "ValueError: the driver's complaint" in exception
    assert len(stream.getvalue()) < 6000


def test_credentials_never_reach_a_log_line(stream: io.StringIO) -> None:
    url = "http://reader:hunter2@example.org/members"
    logging.getLogger("monitor.run.check").warning("check failed: %s (http_401)", url,
                                                   extra={"event": "check_failed", "url": url})
    [line] = _lines(stream)
    assert "hunter2" not in stream.getvalue()
    assert line["url"] == "http://***@example.org/members"


def test_the_text_format_is_bounded_too() -> None:
    buffer = io.StringIO()
    root = logging.getLogger("monitor")
    saved = list(root.handlers), list(logging.getLogger().handlers)
    setup_logging("text", "INFO", buffer)
    try:
        logging.getLogger("monitor.x").error("failed: %s http://a:b@h/", SQL_ERROR)
    finally:
        root.handlers[:], logging.getLogger().handlers[:] = saved
        logging.captureWarnings(False)
    assert len(buffer.getvalue()) < 1200 and "a:b@" not in buffer.getvalue()


def test_an_internal_error_under_json_is_json_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    config = tmp_path / "config.yaml"
    config.write_text(f"database: sqlite:///{tmp_path}/t.sqlite\nstories: [{{id: quake}}]\n",
                      encoding="utf-8")

    def broken(*args: object, **kwargs: object) -> str:
        raise RuntimeError(SQL_ERROR)

    monkeypatch.setattr("monitor.publish.export.format_table", broken)
    result = CliRunner().invoke(cli, ["--log-format", "json", "--config", str(config), "timeline"])
    assert result.exit_code == 1
    lines = [json.loads(line) for line in result.stderr.splitlines()]
    assert [line["event"] for line in lines if line["level"] == "ERROR"] == ["internal_error"]
    assert len(result.stderr) < 8000


def test_a_config_error_under_json_is_one_json_line(tmp_path: Path) -> None:
    config = tmp_path / "config.yaml"
    config.write_text("stories: [{id: 'quake', sources: [{url: 'http://u:hunter2@example.org/'}]}]\n",
                      encoding="utf-8")
    result = CliRunner().invoke(cli, ["--log-format", "json", "--config", str(config), "sources"])
    assert result.exit_code == 2
    [line] = [json.loads(line) for line in result.stderr.splitlines()]
    assert line["event"] == "error" and "stories[0].sources[0].url" in str(line["message"])
    assert "hunter2" not in result.stderr
