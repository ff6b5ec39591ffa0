"""Check records: one check written whole (snapshot, check-log row, source health, lease release, timeline),
many quiet checks written in one batch, the check log and its pruning.

Functions over an open Session; `Store` and `StoreTransaction` (monitor.store.repo) run them in a transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from sqlalchemy import Table, bindparam, delete, insert, select, update
from sqlalchemy.orm import Session

from monitor.store.batch import chunks
from monitor.store.models import Check, Source
from monitor.store.records import CheckInfo, CheckRecord, LeaseLostError, RecordedCheck
from monitor.store.snapshots import add_snapshot
from monitor.store.timeline import write_timeline


def record_check(session: Session, record: CheckRecord) -> RecordedCheck:
    """Write one check: the new snapshot (numbered latest + 1), the check-log row (pruning the log to
    `check_log_keep`), the source's health, validators and next due time, the release of the lease and the
    check's timeline rows. Raises LeaseLostError (and writes nothing) when `record.owner` lost the lease.
    """
    # Core statements, as `_write_quiet`'s: every new version is written here, inside the write transaction
    # that serialises the writers, and the ORM's loading and unit of work cost several times the SQL.
    holder = session.execute(_LEASE_HOLDER, {"b_id": record.source_id}).one_or_none()
    if holder is None or holder.lease_owner != record.owner:
        raise _lease_lost(record, None if holder is None else holder.lease_owner)
    failed = record.outcome == "failed"
    source: dict[str, object] = {
        "b_id": record.source_id, "last_checked_at": record.finished_at, "last_status": record.status,
        "error_streak": record.error_streak, "last_error": record.reason if failed else record.warning,
        "next_due_at": record.next_due_at, "lease_owner": None, "lease_expires_at": None,
    }
    version = record.version
    if record.snapshot is not None:
        version = add_snapshot(session, record.source_id, record.snapshot)
        source["last_changed_at"] = record.snapshot.fetched_at
    if record.update_validators:
        source["etag"], source["last_modified"] = record.etag, record.last_modified
    if record.disable_reason is not None:
        source["active"], source["disabled_reason"] = False, record.disable_reason
    session.execute(_UPDATE_SOURCE, source)
    session.execute(_INSERT_CHECK, {
        "source_id": record.source_id, "started_at": record.started_at, "finished_at": record.finished_at,
        "outcome": record.outcome, "status": record.status,
        "reason": record.reason if failed else (record.reason or record.warning),
        "elapsed": record.elapsed, "version": version,
    })
    write_timeline(session, record.timeline)
    _prune_checks(session, record.source_id, record.check_log_keep)
    return RecordedCheck(record.outcome, version)


_SOURCES, _CHECKS = cast(Table, Source.__table__), cast(Table, Check.__table__)
# Built once (building a statement costs more than running it); the SET clause is the parameters' keys.
_LEASE_HOLDER = select(_SOURCES.c.lease_owner).where(_SOURCES.c.id == bindparam("b_id")).with_for_update()
_UPDATE_SOURCE = update(_SOURCES).where(_SOURCES.c.id == bindparam("b_id"))
_INSERT_CHECK = insert(_CHECKS)


def require_quiet(records: Sequence[CheckRecord]) -> None:
    """ValueError unless every record is a quiet check (see `CheckRecord.quiet`)."""
    for record in records:
        if not record.quiet:
            raise ValueError(f"source {record.source_id}: a {record.outcome} check is not a quiet one")


def record_quiet(session: Session, records: Sequence[CheckRecord]) -> list[RecordedCheck | LeaseLostError]:
    """Write many quiet checks (`require_quiet`), as `record_check` would one by one: check-log rows (pruned),
    each source's health, validators and next due time, and the release of its lease.

    Returns, per record in order, its RecordedCheck, or the LeaseLostError of a source whose lease its owner
    no longer holds: that record alone is discarded, the others are written.
    """
    owners = _lease_holders(session, sorted({r.source_id for r in records}))
    results: list[RecordedCheck | LeaseLostError] = []
    kept: list[CheckRecord] = []
    for record in records:
        holder = owners.get(record.source_id)  # None: no lease, or no such source (deleted meanwhile)
        if holder != record.owner:
            results.append(_lease_lost(record, holder))
            continue
        kept.append(record)
        results.append(RecordedCheck(record.outcome, record.version))
    if kept:
        _write_quiet(session, kept)
    return results


def checks(session: Session, source_id: int, limit: int | None = None) -> list[CheckInfo]:
    """The check log of a source, newest first."""
    rows = session.scalars(
        select(Check).where(Check.source_id == source_id).order_by(Check.id.desc()).limit(limit)
    ).all()
    return [
        CheckInfo(r.source_id, r.started_at, r.finished_at, r.outcome, r.status, r.reason,  # type: ignore[arg-type]
                  r.elapsed, r.version)
        for r in rows
    ]


# ---------------------------------------------------------------------------------------------- helpers


def _lease_holders(session: Session, source_ids: Sequence[int]) -> dict[int, str | None]:
    """source id -> its lease owner (None: no lease), locked on PostgreSQL as `record_check` locks its row."""
    sources = cast(Table, Source.__table__)
    owners: dict[int, str | None] = {}
    for chunk in chunks(source_ids):
        statement = select(sources.c.id, sources.c.lease_owner).where(sources.c.id.in_(chunk))
        if session.get_bind().dialect.name == "postgresql":
            statement = statement.with_for_update()  # as record_check: ours until commit
        owners.update((sid, holder) for sid, holder in session.execute(statement))
    return owners


def _write_quiet(session: Session, kept: Sequence[CheckRecord]) -> None:
    """The writes of `record_quiet` for the records whose lease still holds."""
    sources, checks = cast(Table, Source.__table__), cast(Table, Check.__table__)
    connection = session.connection()
    connection.execute(
        update(sources)
        .where(sources.c.id == bindparam("b_id"), sources.c.lease_owner == bindparam("b_owner"))
        .values(
            last_checked_at=bindparam("b_finished", type_=sources.c.last_checked_at.type),
            last_status=bindparam("b_status", type_=sources.c.last_status.type),
            error_streak=bindparam("b_streak", type_=sources.c.error_streak.type),
            last_error=bindparam("b_warning", type_=sources.c.last_error.type),
            etag=bindparam("b_etag", type_=sources.c.etag.type),
            last_modified=bindparam("b_modified", type_=sources.c.last_modified.type),
            next_due_at=bindparam("b_due", type_=sources.c.next_due_at.type),
            lease_owner=None, lease_expires_at=None,
        ),
        [_quiet_source_values(r) for r in kept],
    )
    connection.execute(checks.insert(), [
        {"source_id": r.source_id, "started_at": r.started_at, "finished_at": r.finished_at,
         "outcome": r.outcome, "status": r.status, "reason": r.reason or r.warning,
         "elapsed": r.elapsed, "version": r.version}
        for r in kept
    ])
    for keep in sorted({r.check_log_keep for r in kept}):
        _prune_many(session, sorted({r.source_id for r in kept if r.check_log_keep == keep}), keep)


def _quiet_source_values(record: CheckRecord) -> dict[str, object]:
    # The source columns record_check sets for a successful check that stored nothing.
    return {"b_id": record.source_id, "b_owner": record.owner, "b_finished": record.finished_at,
            "b_status": record.status, "b_streak": record.error_streak, "b_warning": record.warning,
            "b_etag": record.etag, "b_modified": record.last_modified, "b_due": record.next_due_at}


def _lease_lost(record: CheckRecord, holder: str | None) -> LeaseLostError:
    who = "nobody" if holder is None else holder
    return LeaseLostError(
        f"source {record.source_id}: lease of {record.owner} lost (now held by {who}); check discarded"
    )


def _prune_checks(session: Session, source_id: int, keep: int) -> None:
    """Keep one source's newest `keep` check-log rows (an index range, cheaper than ranking)."""
    cutoff = session.execute(_KEEPS_FROM, {"b_source": source_id, "b_keep": keep}).scalar()
    if cutoff is not None:
        session.execute(_PRUNE_BELOW, {"b_source": source_id, "b_cutoff": cutoff})


_KEEPS_FROM = (select(_CHECKS.c.id).where(_CHECKS.c.source_id == bindparam("b_source"))
               .order_by(_CHECKS.c.id.desc()).offset(bindparam("b_keep")).limit(1))
_PRUNE_BELOW = delete(_CHECKS).where(_CHECKS.c.source_id == bindparam("b_source"),
                                     _CHECKS.c.id <= bindparam("b_cutoff"))


def _prune_many(session: Session, source_ids: Sequence[int], keep: int) -> None:
    """`_prune_checks` for many sources at once: keep each one's newest `keep` check-log rows.

    One DELETE run for each source (executemany), each an index range below its `keep`-th newest row, as
    `_prune_checks` does: ranking every row of the batch's sources instead read all their logs (up to
    `keep` rows each, 20,000 for a batch of 200 sources at the default) to delete one row from each.
    """
    checks = cast(Table, Check.__table__)
    source = bindparam("b_source", type_=checks.c.source_id.type)
    cutoff = (select(checks.c.id).where(checks.c.source_id == source).order_by(checks.c.id.desc())
              .offset(keep).limit(1).scalar_subquery())
    session.connection().execute(delete(checks).where(checks.c.source_id == source, checks.c.id <= cutoff),
                                 [{"b_source": source_id} for source_id in source_ids])
