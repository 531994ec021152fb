"""A rich progress bar that pipelines can report to through their `progress(fraction, stage)` callback."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn


@contextmanager
def progress_bar(label: str) -> Iterator[Callable[[float, str], None]]:
    with Progress(TextColumn("[bold]{task.description}"), BarColumn(), TextColumn("{task.percentage:>5.1f}%"),
                  TextColumn("{task.fields[stage]}"), TimeElapsedColumn(), transient=False) as bar:
        task = bar.add_task(label, total=1.0, stage="")

        def report(fraction: float, stage: str) -> None:
            bar.update(task, completed=min(max(fraction, 0.0), 1.0), stage=stage)

        yield report
        bar.update(task, completed=1.0, stage="done")
