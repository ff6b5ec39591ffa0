"""What logging every alert with its check costs (issue 15): the write the cold cycle pays for the Atom feeds
and the notification queue.

Writes CHECKS transactions of ALERTS alerts each into a fresh SQLite file (or --database URL), as a cold
cycle's new versions do, three ways: the transaction alone (a source row updated, as a check's record), with
the alerts logged, and with the alerts logged and queued for one notification target. Prints milliseconds a
check and microseconds an alert beside the baseline (the transaction alone).

    python benchmarks/alert_log.py                      # 2,000 checks of 15 alerts (the cold cycle's scale)
    python benchmarks/alert_log.py --checks 500 --alerts 40
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
import time
from pathlib import Path

from sqlalchemy import text

from monitor.store import open_store
from monitor.store.records import NewAlert


def _alerts(check: int, count: int, targets: tuple[str, ...]) -> list[NewAlert]:
    url = f"https://news.example.org/{check}"
    alerts = []
    for n in range(count):
        message = f"event_added: figure 2020-04-01 — Figure: United States cases {n} [story bench, {url}]"
        fields = {"event_id": f"e{check}-{n}", "kind": "figure", "date": "2020-04-01", "summary": "Figure",
                  "status": "active", "sources": 1, "evidence": "A sentence of about the usual length " * 3,
                  "source_urls": [url]}
        alerts.append(NewAlert("bench", "event_added", url, message, fields, targets))
    return alerts


def run(url: str, checks: int, per_check: int, mode: str) -> tuple[float, float]:
    """(wall, CPU) seconds of `checks` transactions in `mode`."""
    store = open_store(url)
    now = dt.datetime.now(dt.UTC)
    with store.transaction() as tx:
        tx.session.execute(text("DELETE FROM alert_log"))
    targets = ("notify[0]",) if mode == "queued" else ()
    began, cpu = time.perf_counter(), time.process_time()
    for check in range(checks):
        with store.transaction() as tx:
            # The check's own write (a row updated).
            tx.session.execute(text("UPDATE alembic_version SET version_num = version_num"))
            if mode != "baseline":
                tx.log_alerts(_alerts(check, per_check, targets), now)
    elapsed, cpu = time.perf_counter() - began, time.process_time() - cpu
    store.close()
    return elapsed, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--checks", type=int, default=2000)
    parser.add_argument("--alerts", type=int, default=15)
    parser.add_argument("--database", help="a SQLAlchemy URL (default: a fresh SQLite file)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = args.database or f"sqlite:///{Path(tmp) / 'bench.sqlite'}"
        modes = ("baseline", "logged", "queued")
        results = {mode: run(url, args.checks, args.alerts, mode) for mode in modes}
    base, base_cpu = results["baseline"]
    alerts = args.checks * args.alerts
    print(f"{args.checks} checks of {args.alerts} alerts each ({alerts:,} alerts)")
    print(f"{'mode':<10} {'wall s':>7} {'CPU s':>6} {'ms/check':>9} {'us/alert more (wall, CPU)':>26}")
    for mode, (seconds, cpu) in results.items():
        extra, extra_cpu = (seconds - base) / alerts * 1e6, (cpu - base_cpu) / alerts * 1e6
        print(f"{mode:<10} {seconds:>7.2f} {cpu:>6.2f} {seconds / args.checks * 1000:>9.2f} "
              f"{extra:>17.0f}, {extra_cpu:>6.0f}")


if __name__ == "__main__":
    main()
