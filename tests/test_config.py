"""Config validation: every mistake is one stderr line that names the key path, and exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from monitor.cli import cli
from monitor.config import ExtractionConfig, format_duration, load_config, parse_config, parse_duration
from monitor.errors import ConfigError

GOOD_STORY = {
    "id": "quake",
    "keywords": ["earthquake"],
    "sources": [{"url": "https://example.org/a", "every": "5m"}],
}


def story(**changes: object) -> dict:
    return {"stories": [{**GOOD_STORY, **changes}]}


# (case id, config text or data, words the error line must contain)
MALFORMED: list[tuple[str, object, tuple[str, ...]]] = [
    ("unknown top-level key", {"databse": "sqlite:///x.db"}, ("databse", "unknown key")),
    ("unknown story key", story(titel="x"), ("stories[0].titel", "unknown key")),
    (
        "unknown source key",
        story(sources=[{"url": "https://example.org/a", "evry": "5m"}]),
        ("stories[0].sources[0].evry", "unknown key"),
    ),
    (
        "unknown feed key",
        story(feeds=[{"url": "https://example.org/rss", "folow": True}]),
        ("stories[0].feeds[0].folow", "unknown key"),
    ),
    ("unknown network key", {"network": {"allow_private": True}}, ("network.allow_private", "unknown key")),
    (
        "bad duration unit",
        story(sources=[{"url": "https://example.org/a", "every": "30x"}]),
        ("stories[0].sources[0].every", "'30x'", "30s, 15m, 2h, 1d"),
    ),
    (
        "zero duration",
        story(sources=[{"url": "https://example.org/a", "every": "0m"}]),
        ("stories[0].sources[0].every", "positive"),
    ),
    (
        "negative duration",
        story(feeds=[{"url": "https://example.org/rss", "every": -5}]),
        ("stories[0].feeds[0].every",),
    ),
    (
        "duration as list",
        story(sources=[{"url": "https://example.org/a", "every": [1]}]),
        ("stories[0].sources[0].every",),
    ),
    ("relative url", story(sources=[{"url": "/news/a"}]), ("stories[0].sources[0].url", "http(s) URL")),
    ("ftp url", story(feeds=[{"url": "ftp://example.org/rss"}]), ("stories[0].feeds[0].url", "ftp://")),
    ("missing url", story(sources=[{"every": "5m"}]), ("stories[0].sources[0].url", "missing")),
    ("missing story id", {"stories": [{"title": "no id"}]}, ("stories[0].id", "missing")),
    ("duplicate story id", {"stories": [GOOD_STORY, GOOD_STORY]}, ("stories[1].id", "duplicate", "quake")),
    ("story id with spaces", story(id="my story"), ("stories[0].id", "'my story'")),
    ("stories not a list", {"stories": "quake"}, ("stories", "'quake'")),
    ("keywords not a list", story(keywords=7), ("stories[0].keywords",)),
    (
        "follow not a boolean",
        story(feeds=[{"url": "https://example.org/rss", "follow": "perhaps"}]),
        ("stories[0].feeds[0].follow", "'perhaps'"),
    ),
    (
        "allow_private_addresses not a boolean",
        {"network": {"allow_private_addresses": "maybe"}},
        ("network.allow_private_addresses", "'maybe'"),
    ),
    ("database not a URL", {"database": "timeline.sqlite"}, ("database", "SQLAlchemy URL")),
    ("negative size cap", {"network": {"max_bytes": -1}}, ("network.max_bytes", "-1")),
    ("too many redirects allowed", {"network": {"max_redirects": 99}}, ("network.max_redirects", "99")),
    ("jitter out of range", {"schedule": {"jitter": 3}}, ("schedule.jitter",)),
    (
        "extraction kind not a list",
        {"extraction": {"kinds": {"evacuation": 5}}},
        ("extraction.kinds.evacuation",),
    ),
    (
        "extraction alias not a list",
        {"extraction": {"aliases": {"Northland Rail": 5}}},
        ("extraction.aliases.Northland Rail",),
    ),
    ("top level is a list", "- a\n- b\n", ("top level", "mapping")),
    ("invalid YAML", "stories: [\n  - id: x\n", ("not valid YAML",)),
    # Issue 15: notifications, alerts.
    ("notify without urls", {"notify": [{"events": ["event_added"]}]}, ("notify[0].urls", "missing")),
    ("notify unknown key", {"notify": [{"urls": ["json://h/x"], "every": "5m"}]},
     ("notify[0].every", "unknown")),
    ("notify unknown event", {"notify": [{"urls": ["json://h/x"], "events": ["event_adde"]}]},
     ("notify[0].events", "'event_adde' is not an alert", "event_added")),
    ("notify unset variable", {"notify": [{"urls": ["${NO_SUCH_VARIABLE_I15}"]}]},
     ("notify[0].urls[0]", "NO_SUCH_VARIABLE_I15", "not set")),
    ("notify not a URL", {"notify": [{"urls": ["hooks.example.org"]}]}, ("notify[0].urls[0]", "Apprise URL")),
    ("notify bad digest", story(notify=[{"urls": ["json://h/x"], "digest": "10x"}]),
     ("stories[0].notify[0].digest", "'10x'", "30s, 15m")),
    ("notify unknown field", {"notify": [{"urls": ["json://h/x"], "body": "{sumary}"}]},
     ("notify[0].body", "{sumary} is not a template field", "summary")),
    ("notify attribute access", {"notify": [{"urls": ["json://h/x"], "title": "{story.__class__}"}]},
     ("notify[0].title", "is not a template field")),
    ("notify unbalanced brace", {"notify": [{"urls": ["json://h/x"], "title": "{story"}]},
     ("notify[0].title", "is not a template")),
    ("negative revert window", {"alerts": {"revert_window": -1}}, ("alerts.revert_window",)),
    ("bad correction pattern", {"alerts": {"corrections": ["(unclosed"]}},
     ("alerts.corrections", "not a regular expression")),
    # Issue 14: bounds and credentials.
    ("huge duration", story(sources=[{"url": "https://example.org/a", "every": "4000000d"}]),
     ("stories[0].sources[0].every", "'4000000d'", "longest", "366d")),
    ("infinite duration", story(sources=[{"url": "https://example.org/a", "every": 1e400}]),
     ("stories[0].sources[0].every", "inf", "longest")),
    ("huge timeout", {"network": {"timeout": "99999999999999999999d"}}, ("network.timeout", "longest")),
    ("tiny lease", {"schedule": {"lease": "0.001s"}}, ("schedule.lease", "greater than or equal to 1")),
    ("story id with a newline", story(id="quake\n"), ("stories[0].id", "is not a story id")),
    ("over-long story id", story(id="q" * 201), ("stories[0].id", "201 characters", "200")),
    ("over-long url", story(sources=[{"url": "https://example.org/" + "a" * 2100}]),
     ("stories[0].sources[0].url", "2120 characters", "2048")),
    ("over-long kind", {"extraction": {"kinds": {"k" * 51: ["word"]}}},
     ("extraction.kinds", "50 characters")),
    ("no sentences to read", {"extraction": {"max_sentences": 0}},
     ("extraction.max_sentences", "greater than or equal to 1")),
    ("extraction seconds not a duration", {"extraction": {"max_seconds": "5x"}},
     ("extraction.max_seconds", "not a duration")),
    ("url with a bad port", story(sources=[{"url": "http://xn--:p/"}]),
     ("stories[0].sources[0].url", "not a valid URL")),
    ("credentials in a url", story(feeds=[{"url": "http://user:hunter2@example.org/rss"}]),
     ("stories[0].feeds[0].url", "credentials", "auth:", "password_env", "http://***@example.org/rss")),
    ("auth without its variable",
     story(sources=[{"url": "https://example.org/a",
                     "auth": {"username": "u", "password_env": "NO_SUCH_VAR_14"}}]),
     ("stories[0].sources[0].auth.password_env", "NO_SUCH_VAR_14", "not set")),
    ("auth with a literal password",
     story(sources=[{"url": "https://example.org/a",
                     "auth": {"username": "u", "password_env": "HOME", "password": "x"}}]),
     ("stories[0].sources[0].auth.password", "unknown key")),
    ("tab indentation", "stories:\n\t- id: x\n", ("not valid YAML",)),
]


@pytest.mark.parametrize(
    ("config", "expected"), [(c, e) for _, c, e in MALFORMED], ids=[m[0] for m in MALFORMED]
)
def test_malformed_config_is_one_line_and_exit_2(
    tmp_path: Path, config: object, expected: tuple[str, ...]
) -> None:
    path = tmp_path / "config.yaml"
    path.write_text(config if isinstance(config, str) else yaml.safe_dump(config), encoding="utf-8")
    result = CliRunner().invoke(cli, ["--config", str(path), "sources"])
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    for word in expected:
        assert word in lines[0], f"{word!r} not in {lines[0]!r}"
    assert "hunter2" not in result.stderr
    assert len(lines[0]) < 400


def test_notify_urls_keep_their_variables_until_sent(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("I15_HOOK", "tok3n")
    config = parse_config({"notify": [{"urls": ["json://hooks.example.org/${I15_HOOK}/x"]}],
                           "stories": [{**GOOD_STORY, "notify": [{"urls": ["ntfy://t"], "digest": "10m"}]},
                                       {**GOOD_STORY, "id": "other"}]})
    target = config.notify[0]
    assert target.urls == ("json://hooks.example.org/${I15_HOOK}/x",) and "tok3n" not in repr(config)
    assert target.expanded_urls() == ("json://hooks.example.org/tok3n/x",) and target.secrets() == ("tok3n",)
    assert list(config.targets_for("quake")) == ["notify[0]", "stories[0].notify[0]"]
    assert list(config.targets_for("other")) == ["notify[0]"]
    assert config.stories[0].notify[0].digest == 600


def test_atom_dir_is_relative_to_the_config_file(tmp_path: Path) -> None:
    (tmp_path / "c.yaml").write_text("atom_dir: feeds\n", encoding="utf-8")
    assert load_config(tmp_path / "c.yaml").atom_dir == str(tmp_path / "feeds")


def test_missing_config_file_names_the_file(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["--config", str(tmp_path / "nope.yaml"), "check"])
    assert result.exit_code == 2
    assert "nope.yaml" in result.stderr and "not found" in result.stderr


def test_the_shipped_config_is_valid() -> None:
    config = load_config(Path(__file__).resolve().parents[1] / "config.yaml")
    assert config.stories[0].id == "russia-us-aid"
    assert config.stories[0].sources[0].every == 1800
    assert config.stories[0].feeds[0].follow is True


def test_the_shipped_configs_commented_notify_example_is_valid(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = (Path(__file__).resolve().parents[1] / "config.yaml").read_text(encoding="utf-8")
    head, example = raw.split("# notify:\n")
    monkeypatch.setenv("SMTP_PASSWORD", "pw")
    monkeypatch.setenv("SLACK_URL", "slack://T1/B2/C3")
    uncommented = "\n".join(line[2:] for line in example.splitlines())
    config = parse_config(yaml.safe_load(f"{head}notify:\n{uncommented}"))
    assert config.notify[0].digest == 600 and config.atom_dir == "feeds"
    assert config.notify[0].expanded_urls()[1] == "slack://T1/B2/C3"


def test_relative_sqlite_path_is_anchored_to_the_config_folder(tmp_path: Path) -> None:
    (tmp_path / "c.yaml").write_text("database: sqlite:///db/t.sqlite\n", encoding="utf-8")
    assert load_config(tmp_path / "c.yaml").database == f"sqlite:///{tmp_path}/db/t.sqlite"


def test_database_url_from_environment_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MONITOR_DATABASE_URL", "postgresql+psycopg://u@db/x")
    (tmp_path / "c.yaml").write_text("database: sqlite:///db/t.sqlite\n", encoding="utf-8")
    assert load_config(tmp_path / "c.yaml").database == "postgresql+psycopg://u@db/x"


def test_config_from_environment_variable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "c.yaml").write_text("stories: [{id: from-env}]\n", encoding="utf-8")
    monkeypatch.setenv("MONITOR_CONFIG", str(tmp_path / "c.yaml"))
    assert load_config().stories[0].id == "from-env"


@pytest.mark.parametrize(
    ("text", "seconds"), [("30s", 30), ("15m", 900), ("2h", 7200), ("1d", 86400), (45, 45)]
)
def test_durations(text: object, seconds: float) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("seconds", [1, 59, 60, 90, 3600, 5400, 86400, 172800])
def test_duration_round_trip(seconds: int) -> None:
    assert parse_duration(format_duration(seconds)) == seconds


def test_unknown_story_is_a_config_error() -> None:
    config = parse_config({"stories": [GOOD_STORY]})
    with pytest.raises(ConfigError, match="no story 'other'.*known: quake"):
        config.story("other")


def test_auth_reads_the_password_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FEED_PASSWORD", "s3cret")
    auth = {"username": "reader", "password_env": "FEED_PASSWORD"}
    config = parse_config(story(feeds=[{"url": "https://example.org/rss", "auth": auth}]))
    assert config.credentials() == {"https://example.org/rss": ("reader", "s3cret")}
    assert "s3cret" not in repr(config)


def test_duplicate_urls_are_warned_about_and_merged_within_a_story(caplog: pytest.LogCaptureFixture) -> None:
    url = "https://example.org/a"
    config = parse_config({"stories": [
        {"id": "quake", "sources": [{"url": url, "every": "5m"}, {"url": url, "every": "1h"}]},
        {"id": "fire", "sources": [{"url": url}]},
    ]})
    assert [s.every for s in config.stories[0].sources] == [300]  # merged: the first is kept
    assert [s.url for s in config.stories[1].sources] == [url]  # another story watches it too
    warnings = [r.getMessage() for r in caplog.records if getattr(r, "event", None) == "config_duplicate_url"]
    assert len(warnings) == 2
    assert "stories[0].sources[1]" in warnings[0] and "merged" in warnings[0]
    assert "'quake'" in warnings[1] and "'fire'" in warnings[1]


def test_durations_are_bounded_at_366_days_and_the_lease_at_one_second() -> None:
    assert parse_duration("366d") == 366 * 86400
    with pytest.raises(ValueError, match="longest"):
        parse_duration("367d")
    assert parse_config({"schedule": {"lease": "1s"}}).schedule.lease == 1
    with pytest.raises(ConfigError, match="schedule.lease"):
        parse_config({"schedule": {"lease": "0.5s"}})


def test_lease_and_heartbeat_are_checked_against_each_other() -> None:
    # A short lease renewed by a heartbeat (issue 14): the heartbeat must fit twice in the lease, or one
    # late renewal loses it. Unset, it is a third of the lease; an old `lease: 5m` alone stays valid.
    schedule = parse_config({}).schedule
    assert (schedule.lease, schedule.heartbeat_seconds) == (60, 20)
    assert parse_config({"schedule": {"lease": "5m"}}).schedule.heartbeat_seconds == 100
    assert parse_config({"schedule": {"lease": "2m", "heartbeat": "1m"}}).schedule.heartbeat_seconds == 60
    with pytest.raises(ConfigError) as raised:
        parse_config({"schedule": {"lease": "1m", "heartbeat": "40s"}})
    assert str(raised.value).startswith("schedule.heartbeat: '40s': must be at most half of schedule.lease")


def test_the_extraction_budget_has_defaults_and_takes_durations() -> None:
    default = ExtractionConfig()
    assert (default.max_sentences, default.max_items, default.max_seconds) == (5_000, 1_000, 5.0)
    extraction = parse_config({"extraction": {"max_seconds": "30s", "max_items": 10}}).extraction
    assert extraction.max_seconds == 30.0


def test_the_extraction_budget_must_end_within_the_lease() -> None:
    fits = parse_config({"schedule": {"lease": "30s"}, "extraction": {"max_seconds": "10s"}})
    assert fits.extraction_seconds() == 10
    with pytest.raises(ConfigError) as raised:
        parse_config({"schedule": {"lease": "10s"}, "extraction": {"max_seconds": "10s"}})
    assert "extraction.max_seconds: 10s must be shorter than schedule.lease (10s)" in str(raised.value)
    assert "\n" not in str(raised.value)
    # the default budget fits itself to a short lease
    assert parse_config({"schedule": {"lease": "2s"}}).extraction_seconds() == 1.0
    assert parse_config({}).extraction_seconds() == 5.0
