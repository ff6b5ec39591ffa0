"""The leases of one process: claimed, renewed by a heartbeat while their checks run, released however a
check ends, and taken back from dead processes of the same host.

    leases = Leases(store, make_owner(), config.schedule)
    for source in leases.claim(utcnow(), limit=8):     # frees the leases of dead processes on this host first
        ...                                             # the check; leases.heartbeat() renews it meanwhile
        leases.forget(source.id)                        # its transaction released the lease
    await leases.release(source.id, next_due_at=due)    # or: a failed write; retried with backoff

A lease is short (`schedule.lease`, a minute by default): a live process renews the leases of the sources it
holds every `schedule.heartbeat`, so a check may run as long as it needs, while the sources of a process
that died are free again within one lease. Only the sources this process knows it holds are renewed: a
lease whose release failed is not kept alive, it expires.

An owner is named `host:pid:tag` (`make_owner`), where `host` is the host name and a key of the kernel's
process namespace. A process sees whether a pid of its own namespace still runs, so the leases of an owner
of the same `host` whose pid is gone are freed at once, not after they expire: a restarted instance checks
its dead predecessor's sources at once.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import hashlib
import logging
import os
import socket
import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from monitor.config import ScheduleConfig
from monitor.store.records import SourceRef

if TYPE_CHECKING:
    from monitor.store.repo import Store

log = logging.getLogger(__name__)

# A failed release is tried this many times, waiting RELEASE_BACKOFF, then twice as long each time.
RELEASE_ATTEMPTS = 4
RELEASE_BACKOFF = 0.25
# The leases of dead processes are looked for at most this often (seconds) by one process's claims.
REAP_INTERVAL = 5.0
_HOST_LENGTH = 100  # of the host part of an owner name (lease_owner holds 200 characters)


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def host_key() -> str:
    """This process's host, as owner names spell it: the host name and a key of the pid namespace (the boot
    and the namespace: a pid means the same process only within both), e.g. `web-1/3f2a9c1d`."""
    name = socket.gethostname()[:_HOST_LENGTH - 9].replace(":", "_") or "host"
    marks = []
    for path in ("/proc/sys/kernel/random/boot_id", "/proc/self/ns/pid"):
        with contextlib.suppress(OSError):
            marks.append(os.readlink(path) if path.endswith("/pid") else Path(path).read_text().strip())
    if not marks:
        return name
    return f"{name}/{hashlib.sha256('|'.join(marks).encode()).hexdigest()[:8]}"


def make_owner() -> str:
    """A lease owner name unique to this process: `host:pid:tag` (see `host_key`), the tag random."""
    return f"{host_key()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def owner_pid(owner: str, host: str) -> int | None:
    """The pid in an owner name of `host` (see `make_owner`); None for another host or another form."""
    parts = owner.rsplit(":", 2)
    if len(parts) != 3 or parts[0] != host or not parts[1].isdigit():
        return None
    return int(parts[1])


def pid_alive(pid: int) -> bool:
    """Whether a process with this pid runs in this namespace (another user's counts; a zombie, killed
    but not yet waited for by its parent, does not)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:  # no /proc (not Linux), or it ended meanwhile: kill() said it was there
        return True
    return stat[stat.rfind(")") + 2:][:1] not in ("Z", "X")  # the state follows the command's name


class Leases:
    """The sources one owner holds, their heartbeat and their release. Thread-safe: claims may run in a
    worker thread while the event loop renews and releases."""

    def __init__(
        self, store: Store, owner: str, settings: ScheduleConfig, *,
        alive: Callable[[int], bool] = pid_alive,
    ) -> None:
        self.store = store
        self.owner = owner
        self.lease = settings.lease
        self.every = settings.heartbeat_seconds
        self.alive = alive
        self.host = owner.rsplit(":", 2)[0]
        self._held: set[int] = set()
        # One set per renewal under way: the ids forgotten while it ran (see `renew`).
        self._renewing: list[set[int]] = []
        self._lock = threading.Lock()
        self._reaped_at: float | None = None

    @property
    def held(self) -> frozenset[int]:
        """The ids of the sources this process holds (claimed, not yet recorded or released)."""
        with self._lock:
            return frozenset(self._held)

    # ------------------------------------------------------------------------------------------- claim

    def claim(
        self, now: dt.datetime, limit: int | None = None, *, story: str | None = None,
        due_by: dt.datetime | None = None,
    ) -> list[SourceRef]:
        """`Store.claim_due` for this owner, for `schedule.lease`, after freeing the sources of dead
        processes of this host (at most every REAP_INTERVAL seconds)."""
        self.reap()
        claimed = self.store.claim_due(self.owner, now, self.lease, limit, story=story, due_by=due_by)
        with self._lock:
            self._held.update(source.id for source in claimed)
        return claimed

    def reap(self, *, force: bool = False) -> int:
        """Free the leases of owners of this host whose process is gone; how many sources that freed."""
        started = time.monotonic()
        if not force and self._reaped_at is not None and started - self._reaped_at < REAP_INTERVAL:
            return 0
        self._reaped_at = started
        dead = []
        for owner in self.store.lease_owners(f"{self.host}:", utcnow()):
            pid = owner_pid(owner, self.host)
            if owner != self.owner and pid is not None and pid != os.getpid() and not self.alive(pid):
                dead.append(owner)
        freed = self.store.free_leases(dead)
        if freed:
            log.info("freed %d leases of %d dead processes on this host", freed, len(dead),
                     extra={"event": "leases_reclaimed", "sources": freed, "owners": dead})
        return freed

    # ----------------------------------------------------------------------------------- renew, release

    def forget(self, source_id: int) -> None:
        """The source is no longer this process's: its check's transaction released the lease (or another
        process holds it)."""
        with self._lock:
            self._held.discard(source_id)
            for forgotten in self._renewing:
                forgotten.add(source_id)

    def renew(self) -> set[int]:
        """Extend the lease of every source held by `schedule.lease` from now; the ids lost (taken over by
        another process after the lease expired), which are forgotten.

        A source whose check ended while the renewal ran (its transaction released the lease, then `forget`)
        is not lost: the renewal found it free because it was done with, not because another process took it.
        """
        forgotten: set[int] = set()
        with self._lock:
            held = frozenset(self._held)
            if not held:
                return set()
            self._renewing.append(forgotten)
        try:
            kept = self.store.renew(self.owner, sorted(held), utcnow() + dt.timedelta(seconds=self.lease))
        finally:
            with self._lock:
                self._renewing = [s for s in self._renewing if s is not forgotten]
        lost = set(held) - kept - forgotten
        with self._lock:
            self._held -= lost
        return lost

    async def heartbeat(self) -> None:
        """Renew the held leases every `schedule.heartbeat` until cancelled; a failed renewal is logged and
        tried again at the next beat."""
        while True:
            await asyncio.sleep(self.every)
            try:
                lost = await asyncio.to_thread(self.renew)
            except Exception as exc:
                log.error("could not renew leases: %s", exc, extra={"event": "lease_renew_error"})
                continue
            if lost:
                log.warning("%d leases lost before their checks ended", len(lost),
                            extra={"event": "lease_lost", "source_ids": sorted(lost)})

    async def release(
        self, source_id: int, next_due_at: dt.datetime | None = None, *, attempts: int = RELEASE_ATTEMPTS,
    ) -> bool:
        """Give the lease up (optionally rescheduling), retried with backoff when the database fails; False
        when it still failed (the lease then expires: it is no longer renewed) or another process held it."""
        try:
            for attempt in range(attempts):
                try:
                    return await asyncio.to_thread(self.store.release, source_id, self.owner, next_due_at)
                except Exception as exc:
                    if attempt + 1 == attempts:
                        log.error("could not release source %s: %s (its lease expires in %gs)", source_id,
                                  exc, self.lease, extra={"event": "release_error", "source_id": source_id})
                        return False
                    await asyncio.sleep(RELEASE_BACKOFF * 2 ** attempt)
            return False
        finally:
            self.forget(source_id)

    async def release_all(self, *, attempts: int = 1) -> None:
        """Release every lease still held (next due time unchanged: due again at once for any process)."""
        await asyncio.gather(*(self.release(sid, attempts=attempts) for sid in sorted(self.held)))
