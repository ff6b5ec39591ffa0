"""How soon a dead instance's sources are checked by another (issue 14 item 3).

Instance A (`monitor run`) claims every source, whose pages take 30 s to answer, and is SIGKILLed while
checking them; instance B, already running beside it on the same database, waits. The script prints the
seconds from the kill to B's first request for each of A's pages.

Two cases: A on this host (B sees A's pid is gone and frees its leases at its next claim), and, with
`--other-host`, A in a pid namespace of its own (`unshare --pid`, needs root), which B cannot see into, as
an instance on another machine: its leases expire, `schedule.lease` after A's last heartbeat.

    python benchmarks/lease_reclaim.py                     # same host; SQLite file
    python benchmarks/lease_reclaim.py --other-host        # another "host" (root: unshare)
    python benchmarks/lease_reclaim.py --postgres postgresql+psycopg://postgres@127.0.0.1:5432/monitor
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import yaml

MONITOR = [sys.executable, "-c", "from monitor.cli import main; main()"]
PAGES = 6


class Site:
    def __init__(self) -> None:
        self.arrivals: dict[str, list[float]] = {}
        self.lock = threading.Lock()
        self.stop = threading.Event()
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
                with site.lock:
                    site.arrivals.setdefault(self.path, []).append(time.monotonic())
                site.stop.wait(30)
                body = (f"<html><body><article><h1>Page {self.path}</h1><p>Rescue teams reached the "
                        "village on Monday, the mayor said.</p></article></body></html>").encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                with contextlib.suppress(OSError):
                    self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}{path}"

    def count(self, path: str) -> int:
        with self.lock:
            return len(self.arrivals.get(path, []))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--other-host", action="store_true", help="A in its own pid namespace (root)")
    parser.add_argument("--postgres", help="a PostgreSQL database URL (default: a new SQLite file)")
    parser.add_argument("--lease", default="1m", help="schedule.lease (default 1m, the default)")
    args = parser.parse_args()
    site = Site()
    paths = [f"/{i}" for i in range(PAGES)]
    with tempfile.TemporaryDirectory(prefix="monitor-reclaim-") as tmp:
        folder = Path(tmp)
        config = folder / "config.yaml"
        config.write_text(yaml.safe_dump({
            "database": args.postgres or f"sqlite:///{folder / 'timeline.sqlite'}",
            "network": {"timeout": "60s", "max_attempts": 1, "max_per_host": 10},
            "schedule": {"jitter": 0, "lease": args.lease},
            "stories": [{"id": "s", "sources": [{"url": site.url(p), "every": "1h"} for p in paths]}],
        }), encoding="utf-8")
        argv = [*MONITOR, "--config", str(config), "--log-format", "json", "run"]
        if args.other_host:
            argv = ["unshare", "--pid", "--fork", "--mount-proc", *argv]
        a = subprocess.Popen(argv, stderr=(folder / "a.log").open("wb"), cwd=folder)
        while not all(site.count(p) for p in paths):
            time.sleep(0.05)
        b = subprocess.Popen([*MONITOR, "--config", str(config), "--log-format", "json", "run"],
                             stderr=(folder / "b.log").open("wb"), cwd=folder)
        while b"service_started" not in (folder / "b.log").read_bytes():
            time.sleep(0.05)
        time.sleep(1.5)  # B has claimed (nothing) at least once
        victim = a.pid
        if args.other_host:  # the monitor process inside the namespace: unshare's child
            victim = int(subprocess.check_output(["pgrep", "-P", str(a.pid)]).split()[0])
        killed = time.monotonic()
        os.kill(victim, signal.SIGKILL)
        try:
            while not all(site.count(p) >= 2 for p in paths) and time.monotonic() - killed < 300:
                time.sleep(0.05)
            delays = sorted(site.arrivals[p][1] - killed for p in paths if site.count(p) >= 2)
        finally:
            for process in (a, b):
                if process.poll() is None:
                    process.send_signal(signal.SIGKILL if process is a else signal.SIGTERM)
                    process.wait(timeout=30)
            site.stop.set()
        reclaimed = [json.loads(line) for line in (folder / "b.log").read_text().splitlines()
                     if '"leases_reclaimed"' in line]
    where = "in another pid namespace (as another host)" if args.other_host else "on the same host"
    print(f"A {where} killed holding {PAGES} sources (lease {args.lease}); B checked "
          f"{len(delays)}/{PAGES} of them after {', '.join(f'{d:.1f}' for d in delays)} s"
          f"{'; freed by B at once (pid gone)' if reclaimed else ''}")


if __name__ == "__main__":
    main()
