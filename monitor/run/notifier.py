"""Delivers the queued alerts through Apprise, and keeps the Atom feeds of `atom_dir` up to date.

Checks never send: they write their alerts, and a queue row per alert and notification target, in their own
transaction (monitor.run.check). The `Outbox` reads the queue, outside any check, and sends one message per
story and target for the alerts waiting together:

- without `digest`: once the story's alerts have settled (no new one for `SETTLE_SECONDS` and none of its
  sources being checked; at most `MAX_HOLD_SECONDS` after the first), so a check cycle's burst (a story's
  first extraction: dozens of `event_added`, then the articles its feed leads to) is one message; at the end
  of `monitor check`, at once;
- with `digest`: once the oldest has waited the window.

A message delivered is deleted from the queue; a failed one stays, retried with backoff (`backoff`), and after
`FAILING_AFTER` failed attempts in a row `notification_failing` is logged (`notification_recovered` when it
goes through again). Secrets in the URLs (their `${VAR}` values) never reach a log line.

Crash safety: the queue is in the database, so a process killed with messages pending delivers them when it
(or any process on the database) runs again. A message is sent twice only when the process died between
sending it and deleting its queue rows. Several processes on one database (a fleet, or `monitor check` beside
`monitor run`) deliver one at a time (`Store.delivery_lock`).

    outbox = Outbox(config, store)        # ConfigError when an Apprise URL is not one
    outbox.tick(utcnow())                 # `monitor run`: every second, in a worker thread
    outbox.finish(utcnow())               # `monitor check`: after its cycle
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from monitor.config import Config, NotifyConfig
from monitor.errors import ConfigError
from monitor.limits import MESSAGE_LENGTH, clip
from monitor.publish.alerts import Alert
from monitor.publish.notify import Message, compose
from monitor.redact import REDACTED, redact

if TYPE_CHECKING:
    from monitor.store.records import LoggedAlert, PendingNotification
    from monitor.store.repo import Store

log = logging.getLogger(__name__)

SETTLE_SECONDS = 3.0
MAX_HOLD_SECONDS = 60.0
FAILING_AFTER = 3
BACKOFF_FIRST = 30.0
BACKOFF_MOST = 3600.0


def backoff(attempts: int) -> float:
    """Seconds before the next attempt after `attempts` failed ones: 30 s, 1 min, 2 min ... at most 1 h."""
    return min(BACKOFF_FIRST * 2.0 ** max(attempts - 1, 0), BACKOFF_MOST)


def hide(text: str, secrets: Sequence[str]) -> str:
    """`text` with every secret (a `${VAR}` value of the target's URLs) and URL credentials as `***`."""
    for secret in sorted(secrets, key=len, reverse=True):
        text = text.replace(secret, REDACTED)
    return clip(" ".join(redact(text).split()), MESSAGE_LENGTH)


def as_alert(logged: LoggedAlert) -> Alert:
    """A logged alert as the publish layer's Alert."""
    return Alert(logged.event, logged.story, logged.url, logged.message, logged.fields)


@dataclass(frozen=True)
class Group:
    """The queued deliveries of one story to one target."""

    target: str
    story: str
    rows: tuple[PendingNotification, ...]

    @property
    def attempts(self) -> int:
        return max(row.attempts for row in self.rows)

    def ready(
        self, target: NotifyConfig, now: dt.datetime, *, force: bool, retry_now: bool, busy: bool = False
    ) -> bool:
        """Whether to send now: its window is over (or it settled, or `force`), and its retry is due. `busy`:
        a source of the story is being checked (more alerts of its cycle may come)."""
        if not retry_now and any(row.attempts and row.next_attempt_at > now for row in self.rows):
            return False
        oldest = min(row.created_at for row in self.rows)
        if target.digest is not None:
            return oldest + dt.timedelta(seconds=target.digest) <= now
        newest = max(row.created_at for row in self.rows)
        settled = not busy and newest + dt.timedelta(seconds=SETTLE_SECONDS) <= now
        return force or settled or oldest + dt.timedelta(seconds=MAX_HOLD_SECONDS) <= now


def groups(rows: Sequence[PendingNotification]) -> list[Group]:
    """Queued deliveries by (target, story), each in the order raised."""
    found: dict[tuple[str, str], list[PendingNotification]] = {}
    for row in rows:
        found.setdefault((row.target, row.story), []).append(row)
    return [Group(target, story, tuple(sorted(members, key=lambda r: r.alert.id)))
            for (target, story), members in found.items()]


class Sender:
    """Apprise, one instance per target, built (and its URLs checked) up front."""

    def __init__(self, targets: dict[str, NotifyConfig]) -> None:
        import apprise

        # Apprise's own records would reach our log handlers; its words are read from a capture instead (and
        # hidden of secrets) when a message fails.
        logging.getLogger("apprise").propagate = False
        self.targets = targets
        self._apprise: dict[str, Any] = {}
        for name, target in targets.items():
            instance = apprise.Apprise()
            for index, (written, url) in enumerate(zip(target.urls, target.expanded_urls(), strict=True)):
                if not instance.add(url):
                    shown = hide(written, target.secrets())
                    raise ConfigError(f"{name}.urls[{index}]: {shown!r} is not a URL Apprise can send to "
                                      "(see https://github.com/caronc/apprise/wiki)")
            self._apprise[name] = instance

    def send(self, name: str, message: Message) -> str | None:
        """Send `message` to the target `name`; None when every URL took it, else why not (secrets hidden)."""
        import apprise

        target = self.targets[name]
        with apprise.LogCapture(level=logging.WARNING) as captured:  # type: ignore[no-untyped-call]
            try:
                # URL credentials never leave in a message (config URLs have none; this is for the others).
                ok = bool(self._apprise[name].notify(body=redact(message.body), title=redact(message.title)))
                error = "" if ok else captured.getvalue()
            except Exception as exc:  # a plugin's bug must not stop the other deliveries
                ok, error = False, f"{type(exc).__name__}: {exc}"
        if ok:
            return None
        return hide(error or "the service refused the message", target.secrets())


class Outbox:
    """The queue's consumer: delivers due messages and rewrites the Atom feeds of stories with new alerts."""

    def __init__(self, config: Config, store: Store) -> None:
        self.config = config
        self.store = store
        targets = config.notify_targets()
        self.sender = Sender(targets) if targets else None
        self.atom_dir = Path(config.atom_dir) if config.atom_dir else None
        self._seen = 0  # the newest alert id the feed files were written after (0: none yet, write all)
        self._started = False

    def tick(self, now: dt.datetime) -> None:
        """One round of the service: deliver what is due (at the first, every pending message at once: a
        restart delivers what was waiting), then refresh the feed files."""
        first, self._started = not self._started, True
        try:
            self.deliver(now, retry_now=first)
            self.write_feeds(now)
        except Exception:  # the database is away: the next tick tries again; checks go on regardless
            log.exception("notification round failed", extra={"event": "notification_error"})

    def finish(self, now: dt.datetime) -> None:
        """After `monitor check`'s cycle: deliver every pending message but those whose digest window is still
        open, then refresh the feed files."""
        self.deliver(now, force=True, retry_now=True)
        self.write_feeds(now)

    def deliver(self, now: dt.datetime, *, force: bool = False, retry_now: bool = False) -> int:
        """Send the due messages; how many were sent. One process at a time delivers (`Store.delivery_lock`):
        another instance on the same database skips its round, so no message goes out twice."""
        if self.sender is None:
            return 0
        with self.store.delivery_lock() as mine:
            return self._deliver(now, force=force, retry_now=retry_now) if mine else 0

    def _deliver(self, now: dt.datetime, *, force: bool, retry_now: bool) -> int:
        assert self.sender is not None
        sent = 0
        pending = groups(self.store.pending_notifications())
        busy = self.store.leased_stories(now) if pending and not force else set()
        for group in pending:
            target = self.sender.targets.get(group.target)
            ids = [row.id for row in group.rows]
            if target is None:
                log.warning("%d notifications for %s dropped: no target %s in the config any more", len(ids),
                            group.story, group.target,
                            extra={"event": "notification_dropped", "story": group.story,
                                   "target": group.target})
                self.store.notifications_delivered(ids)
                continue
            if not group.ready(target, now, force=force, retry_now=retry_now, busy=group.story in busy):
                continue
            if self._send(group, target, now):
                sent += 1
        return sent

    def _send(self, group: Group, target: NotifyConfig, now: dt.datetime) -> bool:
        assert self.sender is not None
        message = compose([as_alert(row.alert) for row in group.rows], title=target.title, body=target.body)
        context = {"story": group.story, "target": group.target, "alerts": message.count}
        error = self.sender.send(group.target, message)
        if error is None:
            self.store.notifications_delivered([row.id for row in group.rows])
            log.info("notification sent: %s to %s (%d alerts)", group.story, group.target, message.count,
                     extra={"event": "notification_sent", **context})
            if group.attempts >= FAILING_AFTER:
                log.warning("notifications to %s go through again", group.target,
                            extra={"event": "notification_recovered", **context})
            return True
        attempts = group.attempts + 1
        retry = now + dt.timedelta(seconds=backoff(attempts))
        self.store.notifications_failed([row.id for row in group.rows], retry, error)
        level = logging.WARNING if attempts == FAILING_AFTER else logging.INFO
        event = "notification_failing" if attempts == FAILING_AFTER else "notification_retry"
        log.log(level, "notification to %s failed %d times in a row: %s; next attempt at %s", group.target,
                attempts, error, retry.isoformat(timespec="seconds"),
                extra={"event": event, **context, "attempts": attempts, "reason": error})
        return False

    def write_feeds(self, now: dt.datetime) -> list[Path]:
        """Rewrite the feed file of every story whose newest alert is not in it yet; the files written."""
        if self.atom_dir is None:
            return []
        from monitor.publish.atom import FEED_ENTRIES, atom_feed, feed_file_name

        titles = {story.id: story.title for story in self.config.stories}
        newest, stories = self.store.alerted_since(self._seen)
        written: list[Path] = []
        for story in sorted(stories):
            path = self.atom_dir / feed_file_name(story)
            data = atom_feed(story, titles.get(story, ""), self.store.alerts(story, FEED_ENTRIES), now)
            self.atom_dir.mkdir(parents=True, exist_ok=True)
            temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            temporary.write_bytes(data)
            os.replace(temporary, path)  # a reader never sees half a file
            written.append(path)
        self._seen = newest
        return written


def send_test(config: Config, story: str | None = None) -> dict[str, str | None]:
    """`monitor notify --test`: one test message to every target (of `story`); target -> None when sent,
    else why not. ConfigError when there is no target."""
    targets = config.targets_for(story) if story is not None else config.notify_targets()
    if not targets:
        where = f"story {story!r} has" if story else "the config has"
        raise ConfigError(f"notify: {where} no notification target (see README: Notifications)")
    sender = Sender(targets)
    results: dict[str, str | None] = {}
    for name in targets:
        subject = story or "timeline-monitor"
        message = Message(subject, f"{subject}: test notification",
                          f"A test message from timeline-monitor to {name}: notifications work.", 0)
        results[name] = sender.send(name, message)
    return results
