"""The `wutong` command line."""

from __future__ import annotations

import logging
from pathlib import Path

import typer
from rich.console import Console

from app.config import get_settings

app = typer.Typer(help="梧桐 Wutong: live-stream content assistant for group-buying leaders.", no_args_is_help=True)
tenants = typer.Typer(help="Manage tenants (one per leader's group).", no_args_is_help=True)
drafts = typer.Typer(help="Draft live-stream scripts and copy from the catalog.", no_args_is_help=True)
app.add_typer(tenants, name="tenants")
app.add_typer(drafts, name="draft")
console = Console(stderr=True)


@app.command()
def serve(host: str = typer.Option(None, help="default: WUTONG_HOST"),
          port: int = typer.Option(None, help="default: WUTONG_PORT")) -> None:
    """Start the API (creates the default tenant on first start)."""
    import uvicorn

    from app.main import create_app

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    settings = get_settings()
    uvicorn.run(create_app(settings), host=host or settings.host, port=port or settings.port, log_level="info")


@app.command()
def provision() -> None:
    """Join and verify the embedded models into WUTONG_MODEL_DIR (idempotent)."""
    from pipelines.provision import provision_all

    with console.status("provisioning embedded models…"):
        paths = provision_all(get_settings().models_path)
    for name, path in paths.items():
        console.print(f"[green]✓[/green] {name}: {path}")


@tenants.command("create")
def tenants_create(name: str) -> None:
    """Create a tenant and print its API key (shown only once)."""
    from app.context import AppContext
    from app.store.tenants import create_tenant

    ctx = AppContext.create(get_settings())
    tenant, key = create_tenant(ctx.db, name)
    console.print(f"tenant [bold]{tenant.name}[/bold] ({tenant.id}) created; API key:")
    print(key)


@app.command()
def transcribe(
    file: Path = typer.Argument(..., exists=True, dir_okay=False, help="audio or video file"),
    format: str = typer.Option("srt", "--format", "-f", help="srt, vtt, txt or json"),
    output: Path = typer.Option(None, "-o", "--output", help="default: print to stdout"),
    hotwords: list[str] = typer.Option([], "--hotwords", help="terms to spell right (repeatable)"),
    catalog: Path = typer.Option(None, "--catalog", exists=True, help="a product catalog CSV/JSON: names become hotwords"),
    language: str = typer.Option(None, help="zh (default) or auto"),
) -> None:
    """Transcribe a recording locally, with a progress bar."""
    import json

    from app.cli_progress import progress_bar
    from pipelines.asr import catalog_hotwords, to_srt, to_txt, to_vtt
    from pipelines.asr import transcribe as run
    from pipelines.catalog import load_catalog
    from pipelines.media import probe

    settings = get_settings()
    probe(file)
    words = catalog_hotwords(load_catalog(catalog)) if catalog else []
    options = settings.asr.model_copy(update={"language": language}) if language else settings.asr
    with progress_bar(file.name) as report:
        result = run(file, options, model_dir=settings.models_path, hotwords=[*words, *hotwords], progress=report)
    writers = {"srt": to_srt, "vtt": to_vtt, "txt": to_txt,
               "json": lambda t: json.dumps(t.to_dict(), ensure_ascii=False, indent=1)}
    if format not in writers:
        raise typer.BadParameter(f"format must be one of {', '.join(writers)}")
    text = writers[format](result)
    if output:
        output.write_text(text, encoding="utf-8")
        console.print(f"wrote {output} ({len(result.segments)} segments, {len(result.corrections)} corrections)")
    else:
        print(text)


def _context_and_tenant(tenant_name: str):
    from app.context import AppContext
    from app.store.tenants import get_tenant_by_name

    ctx = AppContext.create(get_settings())
    tenant = get_tenant_by_name(ctx.db, tenant_name)
    if tenant is None:
        raise typer.BadParameter(f"no tenant named '{tenant_name}' (wutong tenants create NAME)")
    return ctx, tenant


@app.command()
def ingest(paths: list[Path] = typer.Argument(..., exists=True, help="files or folders"),
           tenant: str = typer.Option("default", "--tenant", help="tenant name")) -> None:
    """Add documents, recipes and catalogs to a tenant's knowledge base (ids: paths relative to each folder)."""
    from app.services.knowledge import get_kb
    from knowledge import ingest_path

    ctx, found = _context_and_tenant(tenant)
    kb = get_kb(ctx, found.id)
    for path in paths:
        with console.status(f"ingesting {path}…"):
            report = ingest_path(kb, path)
        console.print(f"[green]✓[/green] {path}: {len(report.documents)} documents, {len(report.products)} products, "
                      f"{report.chunks} chunks" + (f", skipped {len(report.skipped)}" if report.skipped else ""))


@app.command()
def ask(question: str, tenant: str = typer.Option("default", "--tenant"),
        as_json: bool = typer.Option(False, "--json", help="print the API's JSON shape")) -> None:
    """Ask a question as a resident would."""
    import json

    from app.schemas.ask import AskResponse
    from app.services.ask import ask as run

    ctx, found = _context_and_tenant(tenant)
    answer = AskResponse.model_validate(run(ctx, found.id, question), from_attributes=True)
    if as_json:
        print(json.dumps(answer.model_dump(), ensure_ascii=False, indent=2))
        return
    print(answer.answer)
    for source in answer.sources:
        console.print(f"  [dim]· {source.title} ({source.id}, {source.score:.2f})[/dim]")
    if answer.handoff:
        console.print("[yellow]handed off to the leader (logged as a knowledge gap)[/yellow]")


@drafts.command("script")
def draft_script(theme: str = typer.Option(..., "--theme"), skus: list[str] = typer.Option(..., "--sku"),
                 minutes: float = typer.Option(30, "--minutes"), style: str = typer.Option(None, "--style"),
                 notes: str = typer.Option(None, "--notes"), tenant: str = typer.Option("default", "--tenant")) -> None:
    """A live-stream run sheet, printed as Markdown (and saved as a draft)."""
    from app.services.drafts import draft_script as run
    from pipelines.drafts import ScriptRequest

    ctx, found = _context_and_tenant(tenant)
    with console.status("writing the script…"):
        draft = run(ctx, found.id, ScriptRequest(theme, skus, minutes, style, notes))
    print(draft.text)
    console.print(f"[dim]saved as draft {draft.id}[/dim]")


@drafts.command("copy")
def draft_copy(kind: str = typer.Option(..., "--kind", help="announcement, product_blurb, follow_up, clip_caption"),
               skus: list[str] = typer.Option([], "--sku"), tone: str = typer.Option(None, "--tone"),
               recording: str = typer.Option(None, "--recording"), highlight: str = typer.Option(None, "--highlight"),
               tenant: str = typer.Option("default", "--tenant")) -> None:
    """Group announcement, product blurb, follow-up tips or a clip caption."""
    from app.services.drafts import draft_copy as run

    ctx, found = _context_and_tenant(tenant)
    with console.status("writing…"):
        draft = run(ctx, found.id, kind, skus, tone, recording, highlight)
    print(draft.text)
    for flag in draft.content.get("flags", []):
        console.print(f"[yellow]《广告法》: {flag['term']} -> {flag['suggestion'] or '(deleted)'}[/yellow]")


@app.command()
def clips(file: Path = typer.Argument(..., exists=True, dir_okay=False),
          comments: Path = typer.Option(None, "--comments", exists=True, help="danmaku XML, CSV or JSONL"),
          count: int = typer.Option(5, "-n", help="how many clips at most"),
          out: Path = typer.Option(Path("clips"), "-o", "--out"),
          catalog: Path = typer.Option(None, "--catalog", exists=True, help="default: the tenant's catalog"),
          tenant: str = typer.Option("default", "--tenant")) -> None:
    """Transcribe, find highlights and render vertical clips, end to end."""
    import json

    from app.cli_progress import progress_bar
    from app.services.knowledge import tenant_catalog
    from pipelines.asr import catalog_hotwords
    from pipelines.asr import transcribe as run_asr
    from pipelines.catalog import load_catalog
    from pipelines.clips import render_clip
    from pipelines.comments import parse_comments
    from pipelines.highlights import find_highlights
    from pipelines.llm import get_llm

    ctx, found = _context_and_tenant(tenant)
    settings = ctx.settings
    products = load_catalog(catalog) if catalog else tenant_catalog(ctx, found.id)
    live = parse_comments(comments.read_bytes(), comments.name).comments if comments else []
    with progress_bar("transcribe") as report:
        transcript = run_asr(file, settings.asr, model_dir=settings.models_path,
                             hotwords=catalog_hotwords(products), progress=report)
    options = settings.highlights.model_copy(update={"max_count": count, "min_count": min(count, 3)})
    with console.status("finding highlights…"):
        highlights = find_highlights(transcript, products, live, options,
                                     get_llm(settings.llm, settings.models_path))
    out.mkdir(parents=True, exist_ok=True)
    for i, h in enumerate(highlights, 1):
        with progress_bar(f"clip {i}/{len(highlights)}") as report:
            clip = render_clip(file, (h.start, h.end), transcript, settings.clips, out / f"{i:02d}",
                               progress=lambda fraction: report(fraction, "rendering"))
        console.print(f"[green]✓[/green] {clip.video}  {h.kind}  {h.title}  ({', '.join(h.reasons[:3])})")
    (out / "highlights.json").write_text(json.dumps([h.to_dict() for h in highlights], ensure_ascii=False, indent=1),
                                         encoding="utf-8")


@app.command("config-table")
def config_table(update: Path = typer.Option(None, "--update", help="rewrite the table in this README")) -> None:
    """Print the README's configuration table (every WUTONG_* variable and its default)."""
    from app.config_doc import replace_table, settings_table

    if update:
        update.write_text(replace_table(update.read_text(encoding="utf-8")), encoding="utf-8")
    else:
        print(settings_table())


def main() -> None:
    app()
