"""Module-level functions a child process can import by name (tests/app/test_child_process.py)."""

from __future__ import annotations

import os
import time

from pipelines.errors import WutongError


def report_and_return_pid(steps: int, *, progress) -> int:
    for i in range(steps):
        progress(i / steps, f"step-{i}")
    return os.getpid()


def fail_with(code: str, *, progress) -> None:
    raise WutongError("文件有问题", code=code)


def crash_with_a_bug(*, progress) -> None:
    raise ValueError("/srv/secret/path was unreadable")


def work_for(seconds: float, *, progress) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        progress(0.5, "working")
        time.sleep(0.05)


def exit_abruptly(*, progress) -> None:
    os._exit(3)
