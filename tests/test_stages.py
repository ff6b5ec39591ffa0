"""monitor.stages: per-stage seconds, nested stages taken out of the outer one."""

from __future__ import annotations

import threading
import time

import pytest

import monitor.stages as stages


@pytest.fixture(autouse=True)
def _fresh() -> None:
    stages.reset()


def _spin(seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        pass


def test_nested_stage_is_not_counted_in_the_outer_one() -> None:
    with stages.timed("items"):
        _spin(0.02)
        with stages.timed("timex"):
            _spin(0.05)
    got = stages.snapshot()
    assert got["timex"].calls == got["items"].calls == 1
    assert got["timex"].wall >= 0.05
    assert 0.02 <= got["items"].wall < 0.05  # its own 0.02 s, not the timex's 0.05
    assert got["items"].cpu is not None and got["items"].cpu < got["items"].wall + 0.01


def test_waits_and_calls_add_up_across_threads() -> None:
    work = stages.timed_call("text", _spin)
    threads = [threading.Thread(target=work, args=(0.01,)) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    stages.add("fetch", 0.5)
    stages.add("fetch", 0.25)
    got = stages.snapshot()
    assert got["text"].calls == 3 and got["text"].wall >= 0.03
    assert got["fetch"] == stages.StageTime(2, 0.75, None)


def test_merge_sums_processes_and_reset_forgets() -> None:
    a = {"text": stages.StageTime(2, 1.0, 0.5), "fetch": stages.StageTime(1, 2.0, None)}
    b = {"text": stages.StageTime(1, 0.5, 0.25)}
    merged = stages.merge([a, b])
    assert merged["text"] == stages.StageTime(3, 1.5, 0.75)
    assert merged["fetch"] == stages.StageTime(1, 2.0, None)
    stages.add("fetch", 1.0)
    stages.reset()
    assert stages.snapshot() == {}


def test_a_stage_that_raises_is_still_counted() -> None:
    with pytest.raises(ValueError), stages.timed("text"):
        raise ValueError("bad page")
    assert stages.snapshot()["text"].calls == 1
