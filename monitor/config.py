"""config.yaml -> frozen pydantic models.

Every mistake becomes one `ConfigError` line that names the key path, the bad value and the fix, e.g.
``stories[0].sources[1].every: '30x' is not a duration (30s, 15m, 2h, 1d)``.
"""

from __future__ import annotations

import logging
import math
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlsplit

import yaml
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from monitor.errors import ConfigError
from monitor.limits import KIND_LENGTH, STORY_ID_LENGTH, URL_LENGTH
from monitor.redact import redact
from monitor.yamlfile import parse_yaml

log = logging.getLogger(__name__)

DEFAULT_DATABASE = "sqlite:///db/timeline.sqlite"
CONFIG_ENV = "MONITOR_CONFIG"
DATABASE_ENV = "MONITOR_DATABASE_URL"

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd])\s*$")
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_STORY_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")
# The longest duration anywhere in the config: a year. Longer ones (`4000000d`, `1e400`) would overflow the
# scheduler's date arithmetic.
MAX_DURATION = 366 * 86400.0
MIN_LEASE = 1.0
_AUTH_HINT = ("give them as auth: {username: NAME, password_env: VARIABLE} (the password read from that"
              " environment variable)")


def parse_duration(value: object) -> float:
    """`30s`, `15m`, `2h`, `1d` (or a bare number of seconds) -> seconds."""
    if isinstance(value, bool):
        raise ValueError(f"{value!r} is not a duration (30s, 15m, 2h, 1d)")
    if isinstance(value, int | float):
        seconds = float(value)
    else:
        match = _DURATION.match(str(value))
        if not match:
            raise ValueError(f"{value!r} is not a duration (30s, 15m, 2h, 1d)")
        seconds = float(match.group(1)) * _UNIT_SECONDS[match.group(2)]
    if not seconds > 0:  # NaN included
        raise ValueError(f"{value!r} is not a positive duration (30s, 15m, 2h, 1d)")
    if not math.isfinite(seconds) or seconds > MAX_DURATION:
        longest = format_duration(MAX_DURATION)
        raise ValueError(f"{value!r} is longer than the longest duration allowed, {longest}")
    return seconds


def format_duration(seconds: float) -> str:
    """The shortest exact spelling of a duration: 1800 -> `30m`."""
    for unit in ("d", "h", "m"):
        size = _UNIT_SECONDS[unit]
        if seconds >= size and seconds % size == 0:
            return f"{int(seconds // size)}{unit}"
    return f"{seconds:g}s"


def _check_url(value: str) -> str:
    shown = redact(value)
    if len(value) > URL_LENGTH:
        raise ValueError(f"{shown[:60]!r}... is {len(value)} characters long, over the {URL_LENGTH} allowed")
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018  (raises ValueError for a port that is not a number)
    except ValueError as exc:
        raise ValueError(f"{shown!r} is not a valid URL ({exc})") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"{shown!r} is not an http(s) URL")
    if "@" in parts.netloc:
        raise ValueError(f"{shown!r}: credentials in the URL are not allowed; {_AUTH_HINT}")
    return value


Duration = Annotated[float, BeforeValidator(parse_duration)]
HttpUrl = Annotated[str, AfterValidator(_check_url)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class NetworkConfig(_Model):
    allow_private_addresses: bool = False
    timeout: Duration = 20.0
    max_bytes: int = Field(default=5_000_000, gt=0)
    max_redirects: int = Field(default=5, ge=0, le=20)
    max_attempts: int = Field(default=3, ge=1, le=10)
    max_connections: int = Field(default=20, ge=1)
    max_per_host: int = Field(default=2, ge=1)
    user_agent: str | None = None


class ScheduleConfig(_Model):
    jitter: float = Field(default=0.1, ge=0, le=0.5)  # fraction of the interval added at random
    # How long a source stays leased to a process that stopped renewing it (a dead one) before another may
    # take it. A live process renews its leases every `heartbeat` while it checks them.
    lease: Annotated[Duration, Field(ge=MIN_LEASE)] = 60.0
    heartbeat: Duration | None = None  # how often a process renews its leases; lease / 3 when unset
    failing_after: int = Field(default=3, ge=1)  # consecutive failures that raise `source_failing`
    check_log_keep: int = Field(default=100, ge=1)  # check results kept per source
    concurrency: int = Field(default=8, ge=1)  # checks one process runs at the same time

    @field_validator("heartbeat")
    @classmethod
    def _heartbeat_within_lease(cls, value: float | None, info: ValidationInfo) -> float | None:
        lease = info.data.get("lease")
        if value is not None and lease is not None and value > lease / 2:
            raise ValueError(f"must be at most half of schedule.lease ({format_duration(lease)}), so that "
                             "one late renewal does not lose the lease")
        return value

    @property
    def heartbeat_seconds(self) -> float:
        """How often a process renews the leases of its checks: `heartbeat`, else a third of `lease`."""
        return self.heartbeat if self.heartbeat is not None else self.lease / 3


class AuthConfig(_Model):
    """HTTP basic credentials of a source or feed; the password comes from the environment, not the file."""

    username: str
    password_env: str

    @field_validator("password_env")
    @classmethod
    def _variable_is_set(cls, value: str) -> str:
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", value):
            raise ValueError(f"{value!r} is not an environment variable name")
        if os.environ.get(value) is None:
            raise ValueError(f"environment variable {value!r} (the password) is not set")
        return value

    def password(self) -> str:
        """The password, read from the environment variable `password_env`."""
        return os.environ.get(self.password_env, "")


class SourceConfig(_Model):
    url: HttpUrl
    every: Duration = 1800.0
    auth: AuthConfig | None = None


class FeedConfig(_Model):
    url: HttpUrl
    every: Duration = 900.0
    auth: AuthConfig | None = None
    follow: bool = False
    keywords: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    source_every: Duration | None = None  # interval of followed articles; the feed's own when unset
    max_new_sources: int = Field(default=20, ge=0)


_ENV_REFERENCE = re.compile(r"\$\{([^}]*)\}")


def _check_template(value: str) -> str:
    from monitor.publish.notify import check_template

    check_template(value)  # ValueError naming the field that is not one
    return value


def _check_notify_url(value: str) -> str:
    for name in _ENV_REFERENCE.findall(value):
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise ValueError(f"${{{name}}} is not an environment variable reference (${{NAME}})")
        if os.environ.get(name) is None:
            raise ValueError(f"environment variable {name!r} (in a notify URL) is not set")
    expanded = _ENV_REFERENCE.sub(lambda m: os.environ.get(m.group(1), ""), value)
    if "://" not in expanded:  # the message shows the URL as written, never a variable's value
        raise ValueError(f"{value!r} is not an Apprise URL (scheme://..., e.g. mailto://, json://, ntfy://)")
    return value


class NotifyConfig(_Model):
    """One notification target: Apprise URLs, which alerts, how often, and the message's templates.

    `urls` keep their `${VAR}` references as written (what logs and errors may show); `expanded_urls()` reads
    the variables when a message is sent, so no secret lives in the config object's text.
    """

    urls: tuple[Annotated[str, AfterValidator(_check_notify_url)], ...] = Field(min_length=1)
    events: tuple[str, ...] | None = None  # None: every alert
    digest: Duration | None = None  # one message per story per window; None: one per check cycle
    title: Annotated[str, AfterValidator(_check_template)] = "{story}: {event}"
    body: Annotated[str, AfterValidator(_check_template)] = "{message}"

    @field_validator("events")
    @classmethod
    def _known_events(cls, value: tuple[str, ...] | None) -> tuple[str, ...] | None:
        from monitor.publish.alerts import ALL_EVENTS

        for name in value or ():
            if name not in ALL_EVENTS:
                raise ValueError(f"{name!r} is not an alert (one of: {', '.join(ALL_EVENTS)})")
        return value

    def expanded_urls(self) -> tuple[str, ...]:
        """The URLs with every `${VAR}` replaced by the variable's value (secrets: never log these)."""
        return tuple(_ENV_REFERENCE.sub(lambda m: os.environ.get(m.group(1), ""), url) for url in self.urls)

    def secrets(self) -> tuple[str, ...]:
        """The values the URLs' `${VAR}` references stand for, to hide wherever a text might show them."""
        names = {name for url in self.urls for name in _ENV_REFERENCE.findall(url)}
        return tuple(v for v in (os.environ.get(n, "") for n in sorted(names)) if v)

    def wants(self, event: str) -> bool:
        """Whether an alert named `event` goes to this target."""
        return self.events is None or event in self.events


class AlertsConfig(_Model):
    # A page version whose text and title equal one of the page's previous `revert_window` versions (A -> B
    # -> A) is stored and logged (`content_reverted`), not alerted; 0 alerts every return.
    revert_window: int = Field(default=5, ge=0, le=1000)
    # Regular expressions added to the bundled ones (monitor/extract/data/en/corrections.yaml).
    corrections: tuple[str, ...] = ()

    @field_validator("corrections")
    @classmethod
    def _patterns_compile(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for pattern in value:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"{pattern!r} is not a regular expression ({exc})") from None
        return value
class RetentionConfig(_Model):
    """What `monitor db prune` (and the service, daily) keeps of each page's versions and check log.

    Every version that changed an extracted fact, and every version a timeline row's report names, is kept
    whatever these say; of the others, the text is dropped (hash, size and fetch time kept) unless the version
    is one of its page's last `keep_last` or younger than `keep_younger`. The check log keeps the same: a
    source's last `keep_last` checks and those younger than `keep_younger`.
    """

    keep_last: int = Field(default=10, ge=1)
    keep_younger: Duration = 30 * 86400.0


class StoryConfig(_Model):
    id: str
    title: str = ""
    keywords: tuple[str, ...] = ()
    sources: tuple[SourceConfig, ...] = ()
    feeds: tuple[FeedConfig, ...] = ()
    notify: tuple[NotifyConfig, ...] = ()  # this story's own notification targets, beside the top level's
    retention: RetentionConfig | None = None  # key by key over the global `retention:`

    @field_validator("id")
    @classmethod
    def _id_shape(cls, value: str) -> str:
        if not _STORY_ID.fullmatch(value):
            raise ValueError(f"{value!r} is not a story id (letters, digits, '-', '_', '.')")
        if len(value) > STORY_ID_LENGTH:
            raise ValueError(f"a story id of {len(value)} characters is over the {STORY_ID_LENGTH} allowed")
        return value


class ExtractionConfig(_Model):
    kinds: dict[str, tuple[str, ...]] = {}  # kind -> trigger words and phrases
    metrics: dict[str, tuple[str, ...]] = {}  # metric -> words that name it
    aliases: dict[str, tuple[str, ...]] = {}  # canonical name -> its other names ("WHO" of the WHO)
    # The budget of one page version's events and figures (monitor.extract.budget): a page over it is read
    # in part, stored all the same, and warned about (`extraction_truncated`).
    max_sentences: int = Field(default=5_000, ge=1)  # sentences read, from the top
    max_items: int = Field(default=1_000, ge=1)  # events and figures kept
    max_seconds: Duration = 5.0  # CPU seconds spent reading its sentences

    @field_validator("kinds")
    @classmethod
    def _kind_names_fit(cls, value: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
        for name in value:
            if len(name) > KIND_LENGTH:
                raise ValueError(f"kind {name[:60]!r}... is over the {KIND_LENGTH} characters allowed")
        return value


class Config(_Model):
    database: str = DEFAULT_DATABASE
    network: NetworkConfig = NetworkConfig()
    schedule: ScheduleConfig = ScheduleConfig()
    extraction: ExtractionConfig = ExtractionConfig()
    alerts: AlertsConfig = AlertsConfig()
    notify: tuple[NotifyConfig, ...] = ()  # notification targets for every story
    atom_dir: str | None = None  # a folder where the service keeps one Atom feed of alerts per story
    retention: RetentionConfig | None = None  # None (and no story's): versions are kept forever
    stories: tuple[StoryConfig, ...] = ()

    @model_validator(mode="after")
    def _budget_within_lease(self) -> Config:
        # A version's extraction must end within one lease: should the heartbeat stall (a busy event loop,
        # a database hiccup), the lease then still outlives the work it covers.
        budget, lease = self.extraction.max_seconds, self.schedule.lease
        if budget >= lease and "max_seconds" in self.extraction.model_fields_set:
            raise ValueError(
                f"extraction.max_seconds: {format_duration(budget)} must be shorter than schedule.lease "
                f"({format_duration(lease)}), so that no page's extraction outlasts the lease of its source"
            )
        return self

    @model_validator(mode="after")
    def _unique_story_ids(self) -> Config:
        seen: set[str] = set()
        for index, story in enumerate(self.stories):
            if story.id in seen:
                raise ValueError(f"stories[{index}].id: duplicate story id {story.id!r}")
            seen.add(story.id)
        return self

    def extraction_seconds(self) -> float:
        """The CPU budget of one version's extraction: `extraction.max_seconds`; the default shrinks to half a
        shorter lease (tests and demos run with leases of seconds)."""
        budget = self.extraction.max_seconds
        if "max_seconds" in self.extraction.model_fields_set:
            return budget
        return min(budget, self.schedule.lease / 2)

    def credentials(self) -> dict[str, tuple[str, str]]:
        """URL -> (user name, password) of every source and feed with an `auth:`."""
        found: dict[str, tuple[str, str]] = {}
        for story in self.stories:
            entries: tuple[SourceConfig | FeedConfig, ...] = (*story.sources, *story.feeds)
            for entry in entries:
                if entry.auth is not None:
                    found.setdefault(entry.url, (entry.auth.username, entry.auth.password()))
        return found

    def notify_targets(self) -> dict[str, NotifyConfig]:
        """Every notification target by a stable name: `notify[0]`, `stories[2].notify[0]` (its key path)."""
        targets = self._top_targets()
        for s_index, story in enumerate(self.stories):
            targets.update(self._story_targets(s_index, story))
        return targets

    def targets_for(self, story_id: str) -> dict[str, NotifyConfig]:
        """The notification targets that receive `story_id`'s alerts: the top level's and the story's own."""
        top = self._top_targets()
        for s_index, story in enumerate(self.stories):
            if story.id == story_id:
                return {**top, **self._story_targets(s_index, story)}
        return top

    def targets_by_story(self) -> dict[str, dict[str, NotifyConfig]]:
        """`targets_for` of every story, built in one pass (a config may hold thousands of stories)."""
        top = self._top_targets()
        return {story.id: {**top, **self._story_targets(i, story)} for i, story in enumerate(self.stories)}

    def _top_targets(self) -> dict[str, NotifyConfig]:
        return {f"notify[{i}]": target for i, target in enumerate(self.notify)}

    @staticmethod
    def _story_targets(s_index: int, story: StoryConfig) -> dict[str, NotifyConfig]:
        return {f"stories[{s_index}].notify[{i}]": target for i, target in enumerate(story.notify)}

    def retention_of(self, story: StoryConfig) -> RetentionConfig | None:
        """The story's retention: its own `retention:` keys over the global ones; None when neither is set."""
        if story.retention is None:
            return self.retention
        if self.retention is None:
            return story.retention
        own = {name: getattr(story.retention, name) for name in story.retention.model_fields_set}
        return self.retention.model_copy(update=own)

    def story(self, story_id: str) -> StoryConfig:
        """The story with this id; `ConfigError` names the known ids otherwise."""
        for story in self.stories:
            if story.id == story_id:
                return story
        known = ", ".join(s.id for s in self.stories) or "none"
        raise ConfigError(f"--story: no story {story_id!r} in the config (known: {known})")


def _key_path(loc: tuple[Any, ...]) -> str:
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        elif not path:
            path = str(part)
        else:
            path += f".{part}"
    return path or "(top level)"


def _message(error: Mapping[str, Any]) -> str:
    path = _key_path(tuple(error.get("loc", ())))
    kind = error.get("type")
    if kind == "extra_forbidden":
        return f"{path}: unknown key"
    if kind == "missing":
        return f"{path}: required key is missing"
    msg = str(error.get("msg", "invalid value"))
    msg = msg.removeprefix("Value error, ").replace("a valid tuple", "a list")
    # A model-level check already names its own path.
    if msg.startswith("stories["):
        return msg
    value = error.get("input")
    shown = repr(redact(value)) if isinstance(value, str) else repr(value)
    if isinstance(value, str) and len(value) > 80:
        shown = repr(redact(value)[:60]) + "..."
    if not isinstance(value, dict | list | tuple) and shown not in msg and "..." not in msg:
        return f"{path}: {shown}: {msg[:1].lower()}{msg[1:]}"
    return f"{path}: {msg}"


def parse_config(data: object, *, base_dir: Path | None = None) -> Config:
    """Validate already-loaded YAML data; `base_dir` anchors a relative SQLite path."""
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError(f"(top level): expected a mapping of keys, got {type(data).__name__}")
    try:
        config = Config.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(_message(exc.errors()[0])) from None
    database = os.environ.get(DATABASE_ENV) or config.database
    anchor = Path.cwd() if os.environ.get(DATABASE_ENV) else base_dir
    update: dict[str, object] = {"database": resolve_database_url(database, anchor)}
    if config.atom_dir is not None and base_dir is not None:
        update["atom_dir"] = str((base_dir / config.atom_dir).resolve())
    return merge_duplicates(config.model_copy(update=update))


def merge_duplicates(config: Config) -> Config:
    """The config with a URL given twice in one story kept once (the first), each duplicate warned about;
    a URL in two stories is kept in both (each story watches it) with a warning naming both."""
    first: dict[str, tuple[str, str]] = {}  # url -> (key path, story id) where it first appears
    stories = []
    for s_index, story in enumerate(config.stories):
        kept: dict[str, list[SourceConfig | FeedConfig]] = {"sources": [], "feeds": []}
        mine: dict[str, str] = {}
        for section in ("sources", "feeds"):
            for index, entry in enumerate(getattr(story, section)):
                where = f"stories[{s_index}].{section}[{index}]"
                shown = redact(entry.url)
                if entry.url in mine:
                    log.warning("config: %s.url: %s is already %s of story %r; merged, the first is kept",
                                where, shown, mine[entry.url], story.id,
                                extra={"event": "config_duplicate_url", "url": shown, "story": story.id})
                    continue
                if entry.url in first:
                    other_where, other = first[entry.url]
                    log.warning("config: %s.url: %s is in two stories, %r (%s) and %r: fetched for each",
                                where, shown, other, other_where, story.id,
                                extra={"event": "config_duplicate_url", "url": shown, "story": story.id,
                                       "stories": [other, story.id]})
                mine[entry.url] = where
                kept[section].append(entry)
        for url, where in mine.items():
            first.setdefault(url, (where, story.id))
        if len(kept["sources"]) != len(story.sources) or len(kept["feeds"]) != len(story.feeds):
            story = story.model_copy(
                update={"sources": tuple(kept["sources"]), "feeds": tuple(kept["feeds"])})
        stories.append(story)
    return config.model_copy(update={"stories": tuple(stories)})


def resolve_database_url(url: str, base_dir: Path | None) -> str:
    """Anchor a relative `sqlite:///relative/path` to `base_dir` so the service works from any folder."""
    if not re.match(r"^[a-z][a-z0-9+]*://", url):
        raise ConfigError(f"database: {url!r} is not an SQLAlchemy URL (e.g. {DEFAULT_DATABASE})")
    prefix = "sqlite:///"
    if base_dir is None or not url.startswith(prefix) or url == "sqlite:///:memory:":
        return url
    path = url[len(prefix):]
    if path.startswith("/"):
        return url
    return prefix + str((base_dir / path).resolve())


def config_path(explicit: str | os.PathLike[str] | None) -> Path:
    """`--config`, else `$MONITOR_CONFIG`, else `./config.yaml`."""
    return Path(explicit or os.environ.get(CONFIG_ENV) or "config.yaml")


def load_config(path: str | os.PathLike[str] | None = None) -> Config:
    """Read and validate the config file; every failure is a one-line `ConfigError`."""
    file = config_path(path)
    try:
        raw = file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{file}: config file not found (use --config or $MONITOR_CONFIG)") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{file}: cannot read config: {exc}") from None
    try:
        data = parse_yaml(raw)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ConfigError(f"{file}:{where} is not valid YAML: {problem}") from None
    return parse_config(data, base_dir=file.resolve().parent)
