"""Fixtures shared across the suite. Area-specific servers live beside their tests."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """`../shared` (corpora, seed); tests that need it skip for a user who has only the repository."""
    if not SHARED.is_dir():
        pytest.skip("../shared is absent (corpora and seed live outside the repository)")
    return SHARED


@pytest.fixture(autouse=True)
def _monitor_logs_reach_caplog(monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    """Alerts are asserted through caplog; a test that ran setup_logging() stops `monitor` propagating."""
    monkeypatch.setattr(logging.getLogger("monitor"), "propagate", True)
    caplog.set_level(logging.INFO, logger="monitor")


from tests.faultserver import fault_server  # noqa: E402,F401  (a shared fixture: the fault-injection server)
