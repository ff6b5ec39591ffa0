"""The command line as a user meets it: the real `monitor` executable against pages on 127.0.0.1."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from monitor.cli import cli
from tests.pageserver import PageServer, article
from tests.pageserver import pages as pages  # noqa: PLC0414  (pytest fixture)
from tests.store import pg

database_url = pg.database_url  # pytest fixture: SQLite, and PostgreSQL when configured

MONITOR = shutil.which("monitor") or str(Path(sys.executable).with_name("monitor"))


def monitor(*args: str, config: Path | None = None, check: bool = True) -> subprocess.CompletedProcess[str]:
    """Run the installed console script, the way a user or a cron job would."""
    argv = [MONITOR, "--log-format", "json"]
    if config is not None:
        argv += ["--config", str(config)]
    result = subprocess.run([*argv, *args], capture_output=True, text=True, timeout=120, check=False)
    if check:
        assert result.returncode == 0, result.stderr
    return result


def alerts(stderr: str) -> list[dict]:
    records = [json.loads(line) for line in stderr.splitlines() if line.strip()]
    return [r for r in records if r["logger"] == "monitor.alerts"]


def write_config(tmp_path: Path, *urls: str) -> Path:
    config = {
        "database": f"sqlite:///{tmp_path / 'timeline.sqlite'}",
        "stories": [{"id": "dam", "keywords": ["dam"], "sources": [{"url": u, "every": "1h"} for u in urls]}],
    }
    path = tmp_path / "config.yaml"
    path.write_text(yaml.safe_dump(config), encoding="utf-8")
    return path


FIRST = article(
    "Dam inspection ordered after heavy rain",
    "Engineers began inspecting the Kessler dam on Monday after three days of heavy rain.",
    "The regional water authority said the reservoir stood at 92 percent of capacity.",
    "Residents downstream were told to prepare for a possible evacuation.",
)
SECOND = FIRST.replace("92 percent", "97 percent")
FIRST_PARAGRAPHS = (
    "Engineers began inspecting the Kessler dam on Monday after three days of heavy rain.",
    "The regional water authority said the reservoir stood at 92 percent of capacity.",
)


def test_unchanged_twice_then_changed(tmp_path: Path, pages: PageServer) -> None:
    pages.set("/dam", FIRST)
    url = pages.url("/dam")
    config = write_config(tmp_path, url)
    first = monitor("check", config=config)
    second = monitor("check", config=config)
    assert pages.requests("/dam")[-1].get("if-none-match"), "the second check is a conditional request"
    pages.set("/dam", SECOND)
    third = monitor("check", config=config)

    versions = monitor("history", url, config=config).stdout.splitlines()
    assert [line.split("\t")[0] for line in versions] == ["1", "2"]
    number, fetched, digest, size = versions[1].split("\t")
    assert len(digest) == 64 and int(digest, 16) >= 0 and int(size) > 0 and fetched.startswith("20")

    changed = [
        a for a in alerts(first.stderr + second.stderr + third.stderr) if a["event"] == "content_changed"
    ]
    assert len(changed) == 1
    assert changed[0]["story"] == "dam" and changed[0]["url"] == url
    assert changed[0]["level"] == "WARNING" and changed[0]["time"]

    diff = monitor("diff", url, config=config).stdout
    assert "-The regional water authority said the reservoir stood at 92 percent of capacity." in diff
    assert "+The regional water authority said the reservoir stood at 97 percent of capacity." in diff
    assert diff == monitor("diff", url, "--from", "1", "--to", "2", config=config).stdout


def test_every_log_line_is_json_with_the_contract_keys(tmp_path: Path, pages: PageServer) -> None:
    pages.fail("/gone", 404)
    result = monitor("check", config=write_config(tmp_path, pages.url("/gone")))
    records = [json.loads(line) for line in result.stderr.splitlines()]
    assert records
    for record in records:
        assert {"time", "level", "logger", "event"} <= record.keys()


def test_a_failing_source_still_exits_zero(tmp_path: Path, pages: PageServer) -> None:
    pages.fail("/down", 500)
    pages.set("/up", FIRST)
    config = write_config(tmp_path, pages.url("/down"), pages.url("/up"))
    monitor("check", config=config)
    assert len(monitor("history", pages.url("/up"), config=config).stdout.splitlines()) == 1


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["history", "http://127.0.0.1:9/never-seen"], ("never-seen",)),
        (["diff", "http://127.0.0.1:9/never-seen"], ("never-seen",)),
        (["check", "--story", "nope"], ("nope", "dam")),
        (["export", "--since", "last tuesday-ish"], ("--since",)),
        (["extract", "/no/such/file.html"], ("/no/such/file.html", "no such file")),
        (["timex", "/no/such/file.txt", "--dct", "2020-04-01"], ("no such file",)),
    ],
)
def test_bad_input_is_one_line_and_exit_2(tmp_path: Path, args: list[str], words: tuple[str, ...]) -> None:
    result = monitor(*args, config=write_config(tmp_path, "http://127.0.0.1:9/x"), check=False)
    assert result.returncode == 2, result.stderr
    # Under --log-format json the one line naming the error is itself a JSON record (event `error`).
    records = [json.loads(line) for line in result.stderr.splitlines()]
    lines = [str(r["message"]) for r in records if r["event"] == "error"]
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert lines[0].startswith("monitor: error: ")
    for word in words:
        assert word in lines[0]


def test_diff_names_missing_versions(tmp_path: Path, pages: PageServer) -> None:
    pages.set("/dam", FIRST)
    config = write_config(tmp_path, pages.url("/dam"))
    monitor("check", config=config)
    result = monitor("diff", pages.url("/dam"), "--from", "1", "--to", "7", config=config, check=False)
    assert result.returncode == 2
    assert "no version 7" in result.stderr


def test_bad_dct_for_timex(tmp_path: Path) -> None:
    text = tmp_path / "t.txt"
    text.write_text("It rained on Monday.", encoding="utf-8")
    result = monitor("timex", str(text), "--dct", "the day after", check=False)
    assert result.returncode == 2 and "--dct" in result.stderr


def _commands(group, prefix=()):
    for name, command in group.commands.items():
        yield (*prefix, name)
        if hasattr(command, "commands"):
            yield from _commands(command, (*prefix, name))


@pytest.mark.parametrize("command", list(_commands(cli)), ids=" ".join)
def test_every_command_has_help(command: tuple[str, ...]) -> None:
    result = CliRunner().invoke(cli, [*command, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage: " in result.output and len(result.output.splitlines()) > 3


def test_contract_commands_exist() -> None:
    names = set(cli.commands)
    assert {"run", "check", "history", "diff", "extract", "timex", "export", "demo"} <= names


@pytest.mark.parametrize("database_url", pg.BACKENDS, indirect=True)
def test_check_with_two_workers_checks_every_source_once(
    tmp_path: Path, pages: PageServer, database_url: str
) -> None:
    # 130 sources: more than two claim chunks of 50, so both processes claim, and one takes a third.
    paths = [f"/w{i}" for i in range(130)]
    for i, path in enumerate(paths):
        pages.set(path, article(f"Dam report {i}", *FIRST_PARAGRAPHS), etag=i % 2 == 0, delay=0.01)
    config = write_config(tmp_path, *(pages.url(p) for p in paths))
    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    data["database"] = database_url
    config.write_text(yaml.safe_dump(data), encoding="utf-8")

    result = monitor("check", "--workers", "2", config=config)
    records = [json.loads(line) for line in result.stderr.splitlines() if line.strip()]
    [cycle] = [r for r in records if r.get("event") == "check_cycle"]
    assert cycle["checked"] == 130 and cycle["new_version"] == 130
    assert [len(pages.requests(p)) for p in paths] == [1] * 130
    assert not [r for r in records if r.get("level") in ("ERROR", "CRITICAL")]

    again = monitor("check", "--workers", "2", config=config)  # unchanged: 304s and equal hashes
    [cycle] = [json.loads(line) for line in again.stderr.splitlines() if '"check_cycle"' in line]
    assert cycle["checked"] == 130 and cycle.get("new_version", 0) == 0
    assert [len(pages.requests(p)) for p in paths] == [2] * 130
    for path in paths[:3] + paths[-3:]:
        history = monitor("history", pages.url(path), config=config).stdout.splitlines()
        assert len(history) == 1  # one version stored, by whichever process checked it


def test_check_timings_shows_where_the_cycle_went_across_workers(tmp_path: Path, pages: PageServer) -> None:
    paths = [f"/t{i}" for i in range(60)]  # two claim chunks: both processes check some
    for i, path in enumerate(paths):
        pages.set(path, article(f"Dam report {i}", *FIRST_PARAGRAPHS))
    config = write_config(tmp_path, *(pages.url(p) for p in paths))
    result = monitor("check", "--workers", "2", "--timings", config=config)
    table = {line.split()[0]: line.split()[1:] for line in result.stderr.splitlines()
             if line.split() and line.split()[0] in ("fetch", "text", "timex", "items", "reconcile", "all")}
    # Every page went through every stage once, whichever process checked it.
    for stage in ("fetch", "text", "items", "reconcile"):
        assert int(table[stage][0]) == 60, stage
    assert int(table["timex"][0]) >= 60
    wall, cpu = (float(x) for x in table["all"][:2])
    assert wall > 0 and cpu > 0
    quiet = monitor("check", config=config)
    assert not [line for line in quiet.stderr.splitlines() if line.split()[:2] == ["stage", "calls"]]


def test_check_workers_must_be_positive(tmp_path: Path) -> None:
    result = monitor("check", "--workers", "0", config=write_config(tmp_path, "http://127.0.0.1:9/x"),
                     check=False)
    assert result.returncode == 2 and "--workers" in result.stderr


def test_check_closes_the_database_before_it_exits(tmp_path: Path, pages: PageServer) -> None:
    # `monitor` ends without the interpreter's teardown (monitor.run.process.exit_now): the command must have
    # closed its database itself. SQLite removes the write-ahead log when the last connection closes.
    pages.set("/dam", FIRST)
    config = write_config(tmp_path, pages.url("/dam"))
    monitor("check", config=config)
    assert (tmp_path / "timeline.sqlite").exists()
    assert not (tmp_path / "timeline.sqlite-wal").exists(), "the database was left open"
    assert [line.split("\t")[0] for line in monitor("history", pages.url("/dam"), config=config).stdout
            .splitlines()] == ["1"]


def test_sources_redacts_url_credentials_stored_by_an_older_version(tmp_path: Path) -> None:
    import datetime as dt

    from monitor.store import SourceSpec, open_store

    config = write_config(tmp_path)
    store = open_store(f"sqlite:///{tmp_path / 'timeline.sqlite'}")
    try:  # what a config with credentials in a URL left in the database before they were refused
        store.sync_specs([SourceSpec("dam", "http://reader:hunter2@127.0.0.1:9/x", "page", 3600)],
                         dt.datetime.now(dt.UTC))
    finally:
        store.close()
    result = CliRunner().invoke(cli, ["--config", str(config), "sources"])
    assert result.exit_code == 0, result.output
    assert "hunter2" not in result.output and "http://***@127.0.0.1:9/x" in result.output
