"""`wutong draft`: scripts and copy from the catalog, saved as drafts like the API's."""

from __future__ import annotations

import typer

from app.cli.common import console, context_and_tenant

app = typer.Typer(help="Draft live-stream scripts and copy from the catalog.", no_args_is_help=True)


@app.command("script")
def script(theme: str = typer.Option(..., "--theme"), skus: list[str] = typer.Option(..., "--sku"),
           minutes: float = typer.Option(30, "--minutes"), style: str = typer.Option(None, "--style"),
           notes: str = typer.Option(None, "--notes"), tenant: str = typer.Option("default", "--tenant")) -> None:
    """A live-stream run sheet, printed as Markdown (and saved as a draft)."""
    from app.services.drafts import draft_script
    from pipelines.drafts import ScriptRequest

    ctx, found = context_and_tenant(tenant)
    with console.status("writing the script…"):
        draft = draft_script(ctx, found.id, ScriptRequest(theme, skus, minutes, style, notes))
    print(draft.text)
    console.print(f"[dim]saved as draft {draft.id}[/dim]")


@app.command("copy")
def copy(kind: str = typer.Option(..., "--kind", help="announcement, product_blurb, follow_up, clip_caption"),
         skus: list[str] = typer.Option([], "--sku"), tone: str = typer.Option(None, "--tone"),
         recording: str = typer.Option(None, "--recording"), highlight: str = typer.Option(None, "--highlight"),
         clip_url: str = typer.Option(None, "--clip-url", help="link to the clip, for a follow-up"),
         tenant: str = typer.Option("default", "--tenant")) -> None:
    """Group announcement, product blurb, follow-up tips or a clip caption."""
    from app.services.drafts import draft_copy

    ctx, found = context_and_tenant(tenant)
    with console.status("writing…"):
        draft = draft_copy(ctx, found.id, kind, skus, tone, recording, highlight, clip_url)
    print(draft.text)
    for flag in draft.content.get("flags", []):
        console.print(f"[yellow]《广告法》: {flag['term']} -> {flag['suggestion'] or '(deleted)'}[/yellow]")
