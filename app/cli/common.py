"""What every command shares: the console, the app context and a tenant by name, a progress bar."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from app.config import get_settings
from app.context import AppContext
from app.store.tenants import Tenant

console = Console(stderr=True)


def context() -> AppContext:
    return AppContext.create(get_settings())


def context_and_tenant(name: str) -> tuple[AppContext, Tenant]:
    from app.services.tenants import find_tenant

    ctx = context()
    tenant = find_tenant(ctx, name)
    if tenant is None:
        raise typer.BadParameter(f"no tenant named '{name}' (wutong tenants list)")
    return ctx, tenant


@contextmanager
def progress_bar(label: str) -> Iterator[Callable[[float, str], None]]:
    """A rich progress bar that pipelines report to through their `progress(fraction, stage)` callback."""
    with Progress(TextColumn("[bold]{task.description}"), BarColumn(), TextColumn("{task.percentage:>5.1f}%"),
                  TextColumn("{task.fields[stage]}"), TimeElapsedColumn(), transient=False) as bar:
        task = bar.add_task(label, total=1.0, stage="")

        def report(fraction: float, stage: str) -> None:
            bar.update(task, completed=min(max(fraction, 0.0), 1.0), stage=stage)

        yield report
        bar.update(task, completed=1.0, stage="done")
