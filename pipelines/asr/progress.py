"""Progress reporting: a fraction in [0, 1] that never goes back, and a stage name."""

from __future__ import annotations

from collections.abc import Callable

ProgressFn = Callable[[float, str], None]


class Progress:
    def __init__(self, duration_s: float, callback: ProgressFn | None) -> None:
        self.duration_s = max(duration_s, 1e-6)
        self.callback = callback
        self.fraction = 0.0

    def at_time(self, seconds: float, stage: str) -> None:
        """Report that audio up to `seconds` has been handled in `stage`."""
        self.report(seconds / self.duration_s, stage)

    def report(self, fraction: float, stage: str) -> None:
        self.fraction = max(self.fraction, min(1.0, fraction))
        if self.callback:
            self.callback(self.fraction, stage)
