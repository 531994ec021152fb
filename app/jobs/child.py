"""Heavy pipeline calls in child processes, so the service's own interpreter stays free for requests.

A job thread in the API process shares one GIL with every request: a transcription's pure-Python
correction pass, at any niceness, makes questions wait. `run_in_child` sends the call (a module-level
function and picklable arguments) to a long-lived child process started with `spawn`, niced as a whole,
which loads its models once and keeps them for the next call. Progress reports come back over the pipe
and run the caller's callback here; when that callback (or `check`) raises — the job was cancelled, or
ran past its time limit — the child is killed, so a stopped job really stops using the CPU.
"""

from __future__ import annotations

import atexit
import logging
import multiprocessing
import os
import threading
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

from pipelines.errors import WutongError

log = logging.getLogger("wutong.jobs")

POLL_S = 1.0  # how often a waiting caller runs `check` while the child reports nothing


class ChildCrashed(WutongError):
    code = "worker_crashed"


class _RemoteError(Exception):
    """An exception raised inside the child: the child itself is fine and can take the next call."""

    def __init__(self, error: BaseException) -> None:
        super().__init__(str(error))
        self.error = error


def _serve(conn: Connection, nice: int) -> None:
    """The child's loop: one call at a time, until the parent closes the pipe."""
    try:
        os.nice(nice)  # the whole process and every thread its models start
    except (AttributeError, OSError):
        pass
    while True:
        try:
            fn, args, kwargs = conn.recv()
        except (EOFError, OSError):
            return
        try:
            result = fn(*args, progress=lambda fraction, stage: conn.send(("progress", fraction, stage)), **kwargs)
            conn.send(("result", result))
        except Exception as exc:  # sent back to the caller; the child stays up
            conn.send(("error", _picklable(exc)))


def _picklable(exc: Exception) -> Exception:
    """Our own errors travel as they are; anything else as a plain RuntimeError (details in the child's log)."""
    if isinstance(exc, WutongError):
        return exc
    log.error("heavy call failed in the child process", exc_info=exc)
    return RuntimeError(f"{type(exc).__name__}: {exc}")


class Child:
    def __init__(self, nice: int) -> None:
        spawn = multiprocessing.get_context("spawn")
        self.conn, theirs = spawn.Pipe()
        self.process = spawn.Process(target=_serve, args=(theirs, nice), name="wutong-heavy", daemon=True)
        self.process.start()
        theirs.close()

    def call(self, fn: Callable[..., Any], args: tuple, kwargs: dict[str, Any],
             progress: Callable[[float, str], None] | None, check: Callable[[], None] | None) -> Any:
        self.conn.send((fn, args, kwargs))
        checked = time.monotonic()
        while True:
            if check and time.monotonic() - checked >= POLL_S:  # also while progress keeps arriving
                check()
                checked = time.monotonic()
            if not self.conn.poll(POLL_S):
                if not self.process.is_alive():
                    raise ChildCrashed("处理进程意外退出，请稍后重试")
                continue
            try:
                kind, *payload = self.conn.recv()
            except (EOFError, OSError) as exc:
                raise ChildCrashed("处理进程意外退出，请稍后重试") from exc
            if kind == "progress":
                if progress:
                    progress(*payload)
            elif kind == "result":
                return payload[0]
            else:
                raise _RemoteError(payload[0])

    def kill(self) -> None:
        self.process.kill()
        self.process.join(10)
        self.conn.close()

    def stop(self, timeout: float = 5.0) -> None:
        """Let an idle child leave its loop (the pipe closes) and exit cleanly; kill it if it does not."""
        self.conn.close()
        self.process.join(timeout)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(timeout)


class ChildPool:
    """Idle children wait here between calls; a call takes one (or starts one) and gives it back."""

    def __init__(self) -> None:
        self._idle: list[Child] = []
        self._lock = threading.Lock()

    def run(self, fn: Callable[..., Any], *args: Any, nice: int = 10,
            progress: Callable[[float, str], None] | None = None, check: Callable[[], None] | None = None,
            **kwargs: Any) -> Any:
        """`fn(*args, progress=..., **kwargs)` in a child; `progress` and `check` run here, in the caller."""
        child = self._take(nice)
        try:
            result = child.call(fn, args, kwargs, progress, check)
        except _RemoteError as remote:
            self._give_back(child)
            raise remote.error from None
        except BaseException:  # cancelled, timed out, or the child died: its work must stop now
            child.kill()
            raise
        self._give_back(child)
        return result

    def _take(self, nice: int) -> Child:
        with self._lock:
            while self._idle:
                child = self._idle.pop()
                if child.process.is_alive():
                    return child
                child.conn.close()  # died while idle (killed from outside): let it go
        return Child(nice)

    def _give_back(self, child: Child) -> None:
        with self._lock:
            self._idle.append(child)

    def close(self) -> None:
        with self._lock:
            children, self._idle = self._idle, []
        for child in children:
            child.stop()


_pool = ChildPool()
atexit.register(_pool.close)  # before multiprocessing's own exit handler terminates daemon children


def run_in_child(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """The process-wide pool: children outlive one app context (tests create many), never one process."""
    return _pool.run(fn, *args, **kwargs)
