"""Heavy calls in a child process: results, progress and our errors come back; a cancel or a time limit
kills the child at once; a child that dies is reported, and the next call gets a new one."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator

import pytest

from app.errors import Cancelled
from app.jobs.child import ChildCrashed, ChildPool
from pipelines.errors import WutongError
from tests.app import child_calls


@pytest.fixture
def pool() -> Iterator[ChildPool]:
    pool = ChildPool()
    yield pool
    pool.close()


def test_result_and_progress_come_back_and_the_child_is_reused(pool: ChildPool) -> None:
    seen: list[tuple[float, str]] = []
    first = pool.run(child_calls.report_and_return_pid, 3, progress=lambda f, s: seen.append((f, s)))
    assert first != os.getpid()
    assert seen == [(0.0, "step-0"), (1 / 3, "step-1"), (2 / 3, "step-2")]
    assert pool.run(child_calls.report_and_return_pid, 0) == first  # the same child: models stay loaded


def test_our_errors_keep_their_code_and_a_bug_keeps_its_details_out(pool: ChildPool) -> None:
    with pytest.raises(WutongError) as failed:
        pool.run(child_calls.fail_with, "invalid_media")
    assert failed.value.code == "invalid_media" and failed.value.message == "文件有问题"
    with pytest.raises(RuntimeError) as bug:
        pool.run(child_calls.crash_with_a_bug)
    assert "ValueError" in str(bug.value)
    pool.run(child_calls.report_and_return_pid, 1)  # the child survived both


def test_a_cancelled_call_kills_its_child(pool: ChildPool) -> None:
    before = pool.run(child_calls.report_and_return_pid, 0)
    calls = {"n": 0}

    def cancel_on_the_third_report(fraction: float, stage: str) -> None:
        calls["n"] += 1
        if calls["n"] == 3:
            raise Cancelled("任务已取消", code="cancelled")

    started = time.monotonic()
    with pytest.raises(Cancelled):
        pool.run(child_calls.work_for, 60.0, progress=cancel_on_the_third_report)
    assert time.monotonic() - started < 10
    assert not _alive(before)
    assert pool.run(child_calls.report_and_return_pid, 0) != before  # a fresh child


def test_check_stops_a_silent_call(pool: ChildPool) -> None:
    """A call that reports nothing is still stopped: `check` runs while the caller waits."""
    deadline = time.monotonic() + 2.0

    def check() -> None:
        if time.monotonic() > deadline:
            raise Cancelled("任务超时", code="timeout")

    with pytest.raises(Cancelled):
        pool.run(child_calls.work_for, 60.0, progress=None, check=check)
    assert time.monotonic() < deadline + 5


def test_a_child_that_dies_is_reported_and_replaced(pool: ChildPool) -> None:
    with pytest.raises(ChildCrashed) as crashed:
        pool.run(child_calls.exit_abruptly)
    assert crashed.value.code == "worker_crashed"
    assert pool.run(child_calls.report_and_return_pid, 0) != os.getpid()


def _alive(pid: int) -> bool:
    try:
        stat = open(f"/proc/{pid}/stat").read()
    except OSError:
        return False
    return stat[stat.rindex(")") + 2] != "Z"
