"""The alert log and the notification queue: alerts written with their check, deliveries queued, retried
and deleted once done.

Functions over an open Session; `Store` and `StoreTransaction` (monitor.store.repo) run them in a transaction.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any, cast

from sqlalchemy import Table, delete, func, select, update
from sqlalchemy.orm import Session

from monitor.limits import MESSAGE_LENGTH, URL_LENGTH, clip
from monitor.store.batch import chunks
from monitor.store.models import AlertLog, Notification
from monitor.store.records import LoggedAlert, NewAlert, PendingNotification


def log_alerts(session: Session, alerts: Sequence[NewAlert], now: dt.datetime) -> None:
    """Write the alerts, and a queue row per alert and target, in the session's transaction."""
    if not alerts:
        return
    log_table, queue = cast(Table, AlertLog.__table__), cast(Table, Notification.__table__)
    rows = [{"story_id": a.story, "event": a.event, "url": clip(a.url, URL_LENGTH), "message": a.message,
             "fields": json.dumps(dict(a.fields), default=str, ensure_ascii=False), "created_at": now}
            for a in alerts]
    connection = session.connection()
    if not any(a.targets for a in alerts):
        connection.execute(log_table.insert(), rows)
        return
    # One statement for all (SQLAlchemy's "insertmanyvalues"), the ids back in the rows' order.
    returned = connection.execute(log_table.insert().returning(log_table.c.id, sort_by_parameter_order=True),
                                  rows)
    ids = [row[0] for row in returned]
    connection.execute(queue.insert(), [
        {"alert_id": alert_id, "target": target, "story_id": alert.story, "created_at": now, "attempts": 0,
         "next_attempt_at": now, "last_error": None}
        for alert, alert_id in zip(alerts, ids, strict=True) for target in alert.targets])


def pending(session: Session, now: dt.datetime | None, limit: int = 10_000) -> list[PendingNotification]:
    """Queued deliveries, oldest first; with `now`, only those whose next attempt is due by then."""
    statement = (select(Notification, AlertLog).join(AlertLog, AlertLog.id == Notification.alert_id)
                 .order_by(Notification.id).limit(limit))
    if now is not None:
        statement = statement.where(Notification.next_attempt_at <= now)
    return [PendingNotification(n.id, n.target, n.story_id, n.created_at, n.attempts, n.next_attempt_at,
                                _logged(a))
            for n, a in session.execute(statement).all()]


def count_pending(session: Session) -> int:
    """How many deliveries wait in the queue."""
    return session.scalar(select(func.count()).select_from(Notification)) or 0


def delivered(session: Session, ids: Sequence[int]) -> None:
    """Delete the queue rows of deliveries done."""
    for chunk in chunks(list(ids)):
        session.execute(delete(Notification).where(Notification.id.in_(chunk))
                        .execution_options(synchronize_session=False))


def failed(session: Session, ids: Sequence[int], next_attempt_at: dt.datetime, error: str) -> None:
    """Count a failed attempt of these deliveries and set their next one."""
    for chunk in chunks(list(ids)):
        session.execute(
            update(Notification).where(Notification.id.in_(chunk))
            .values(attempts=Notification.attempts + 1, next_attempt_at=next_attempt_at,
                    last_error=clip(error, MESSAGE_LENGTH))
            .execution_options(synchronize_session=False))


def alerts(session: Session, story: str, limit: int | None = None) -> list[LoggedAlert]:
    """A story's logged alerts, newest first."""
    rows = session.scalars(select(AlertLog).where(AlertLog.story_id == story)
                           .order_by(AlertLog.id.desc()).limit(limit)).all()
    return [_logged(row) for row in rows]


def alerted_since(session: Session, after: int) -> tuple[int, set[str]]:
    """(the newest alert id, the stories with an alert newer than `after`): two index reads, however long
    the log."""
    newest = session.scalar(select(func.max(AlertLog.id))) or 0
    if newest <= after:
        return newest, set()
    return newest, set(session.scalars(select(AlertLog.story_id).distinct().where(AlertLog.id > after)))


def _logged(row: AlertLog) -> LoggedAlert:
    try:
        fields: Any = json.loads(row.fields)
    except ValueError:
        fields = {}
    return LoggedAlert(row.id, row.story_id, row.event, row.url, row.message,
                       fields if isinstance(fields, dict) else {}, row.created_at)
