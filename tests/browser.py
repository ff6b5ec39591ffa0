"""Headless Chromium (Debian's package) for tests that must see a page the way a reader's browser does."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

# Flags that keep Chromium off the network and quiet on a machine with no display and no internet.
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
)


def chromium() -> str:
    """The Chromium binary; the test is skipped where none is installed."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    pytest.skip("Chromium is not installed (Debian: apt-get install chromium)")


def _run(args: list[str], timeout: float = 60) -> subprocess.CompletedProcess[str]:
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run([chromium(), *FLAGS, f"--user-data-dir={profile}", *args],
                              capture_output=True, text=True, timeout=timeout, check=False)


def dump_dom(page: Path) -> str:
    """The DOM after Chromium loaded and laid out the page (file:// URL)."""
    result = _run(["--dump-dom", page.resolve().as_uri()])
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def screenshot(page: Path, png: Path, width: int = 1100, height: int = 1400) -> Path:
    """A PNG of the page at the given window size."""
    result = _run([f"--screenshot={png}", f"--window-size={width},{height}", page.resolve().as_uri()])
    assert png.exists() and png.stat().st_size > 0, result.stderr[-2000:]
    return png
