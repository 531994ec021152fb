"""Knowledge base and resident Q&A from the command line: ingest, ask."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from app.cli.common import console, context_and_tenant


def ingest(paths: list[Path] = typer.Argument(..., exists=True, help="files or folders"),
           tenant: str = typer.Option("default", "--tenant", help="tenant name")) -> None:
    """Add documents, recipes and catalogs to a tenant's knowledge base (ids: paths relative to each folder)."""
    from app.services.knowledge import ingest_paths

    ctx, found = context_and_tenant(tenant)
    with console.status(f"ingesting {len(paths)} path(s)…"):
        reports = ingest_paths(ctx, found.id, paths)
    for path, report in reports:
        console.print(f"[green]✓[/green] {path}: {len(report.documents)} documents, {len(report.products)} products, "
                      f"{report.chunks} chunks" + (f", skipped {len(report.skipped)}" if report.skipped else ""))


def ask(question: str, tenant: str = typer.Option("default", "--tenant"),
        as_json: bool = typer.Option(False, "--json", help="print the API's JSON shape")) -> None:
    """Ask a question as a resident would."""
    from app.schemas.ask import AnswerPublic
    from app.services.ask import ask as run

    ctx, found = context_and_tenant(tenant)
    answer = AnswerPublic.model_validate(run(ctx, found.id, question), from_attributes=True)
    if as_json:
        print(json.dumps(answer.model_dump(), ensure_ascii=False, indent=2))
        return
    print(answer.answer)
    for source in answer.sources:
        console.print(f"  [dim]· {source.title} ({source.id}, {source.score:.2f})[/dim]")
    if answer.handoff:
        console.print("[yellow]handed off to the leader (logged as a knowledge gap)[/yellow]")


def register(app: typer.Typer) -> None:
    app.command()(ingest)
    app.command()(ask)
