"""benchmarks/extract_speed.py --against: this tree and another revision's code timed side by side, each in
its own process on its own tree; a revision that does not exist is a one-line error."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path
from types import ModuleType

import pytest

from tests.benchmark_scripts import load_script

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(
    shutil.which("git") is None
    or subprocess.run(["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True).returncode != 0,
    reason="needs the project's git history",
)


@pytest.fixture(scope="module")
def speed() -> ModuleType:
    return load_script("extract_speed")


def test_side_by_side_with_a_revision(speed: ModuleType, capsys: pytest.CaptureFixture[str]) -> None:
    texts = [("one", "The ferry left Brenholm on Monday, the harbour office said.", dt.date(2024, 5, 8))]
    speed.compare([("tiny", texts)], "HEAD", 2)
    out = capsys.readouterr().out
    assert "tiny: 1 articles, best of 2 alternating passes each" in out
    rates = dict(re.findall(r"^\s+(this tree|HEAD): ([\d.]+) articles/s", out, re.M))
    assert set(rates) == {"this tree", "HEAD"} and all(float(r) > 0 for r in rates.values())
    assert re.search(r"this tree / HEAD: [\d.]+x the speed", out)


def test_unknown_revision_is_named(speed: ModuleType) -> None:
    with pytest.raises(SystemExit, match=r"--against no-such-rev: not a revision of"):
        speed.compare([("tiny", [])], "no-such-rev", 1)
