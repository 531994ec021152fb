"""Media from the command line: transcribe a file; turn a stream into clips end to end."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import typer

from app.cli.common import console, context, context_and_tenant, progress_bar

FORMATS = ("srt", "vtt", "txt", "json")


def transcribe(
    file: Path = typer.Argument(..., exists=True, dir_okay=False, help="audio or video file"),
    format: str = typer.Option("srt", "--format", "-f", help="srt, vtt, txt or json"),
    output: Path = typer.Option(None, "-o", "--output", help="default: print to stdout"),
    hotwords: list[str] = typer.Option([], "--hotwords", help="terms to spell right (repeatable)"),
    catalog: Path = typer.Option(None, "--catalog", exists=True, help="a product catalog CSV/JSON: names become hotwords"),
    language: str = typer.Option(None, help="zh (default) or auto"),
) -> None:
    """Transcribe a file locally, with a progress bar (nothing is stored)."""
    from app.services.transcription import render_transcript, transcribe_file
    from pipelines.asr import catalog_hotwords
    from pipelines.catalog import load_catalog
    from pipelines.media import probe

    if format not in FORMATS:
        raise typer.BadParameter(f"format must be one of {', '.join(FORMATS)}")
    probe(file)
    words = [*(catalog_hotwords(load_catalog(catalog)) if catalog else []), *hotwords]
    with progress_bar(file.name) as report:
        result = transcribe_file(context(), file, hotwords=words, language=language, progress=report)
    text, _ = render_transcript(result, format)
    if output:
        output.write_text(text, encoding="utf-8")
        console.print(f"wrote {output} ({len(result.segments)} segments, {len(result.corrections)} corrections)")
    else:
        print(text)


def clips(file: Path = typer.Argument(..., exists=True, dir_okay=False),
          comments: Path = typer.Option(None, "--comments", exists=True, help="danmaku XML, CSV or JSONL"),
          count: int = typer.Option(5, "-n", help="how many clips at most"),
          out: Path = typer.Option(Path("clips"), "-o", "--out"),
          catalog: Path = typer.Option(None, "--catalog", exists=True, help="ingested into the tenant's catalog first"),
          tenant: str = typer.Option("default", "--tenant"),
          keep: bool = typer.Option(True, "--keep/--no-keep", help="keep the recording and its clips in the tenant")) -> None:
    """Transcribe, find highlights and render clips end to end, through the same services as the API's jobs."""
    from app.services.highlights import find_recording_highlights
    from app.services.recordings import delete_recording

    data = _stored_and_transcribed(tenant, file, catalog, comments)
    options = data.ctx.settings.highlights.model_copy(update={"max_count": count, "min_count": min(count, 3)})
    with console.status("finding highlights…"):
        highlights = find_recording_highlights(data, options)
    _render_all(data, highlights, out)
    if not keep:
        delete_recording(data.ctx, data.rec.tenant_id, data.rec.id)
    console.print(f"recording {data.rec.id} " + ("kept in the console" if keep else "deleted"))


def kit(file: Path = typer.Argument(..., exists=True, dir_okay=False),
        comments: Path = typer.Option(None, "--comments", exists=True, help="danmaku XML, CSV or JSONL"),
        count: int = typer.Option(5, "-n", help="how many clips at most"),
        out: Path = typer.Option(Path("kit.zip"), "-o", "--out", help="where to write the kit's zip"),
        catalog: Path = typer.Option(None, "--catalog", exists=True, help="ingested into the tenant's catalog first"),
        tenant: str = typer.Option("default", "--tenant")) -> None:
    """The after-stream kit in one step (the API's kit job, in-process): transcript, highlights, clips with
    covers, captions and the follow-up post, written as one zip."""
    import shutil

    from app.services.kit import KitOptions, kit_zip, run_kit

    data = _stored(tenant, file, catalog, comments)
    with progress_bar("kit") as report:
        result = run_kit(data, KitOptions(clips=count), progress=report)
    for failed in result.failed_clips:
        console.print(f"[red]✗[/red] clip of highlight {failed['highlight_id']}: {failed['message']}")
    shutil.move(kit_zip(data.ctx, data.rec.tenant_id, data.rec.id), out)
    console.print(f"recording {data.rec.id}: {len(result.clip_ids)} clips, {len(result.draft_ids)} new drafts; "
                  f"wrote {out}")


def _stored(tenant: str, file: Path, catalog: Path | None, comments: Path | None):
    """The file as the tenant's recording, with its comments and the catalog ingested first."""
    from app.services.comments import save_comments
    from app.services.knowledge import ingest_paths
    from app.services.recordings import RecordingData, import_file

    ctx, found = context_and_tenant(tenant)
    if catalog:
        ingest_paths(ctx, found.id, [catalog])
    data = RecordingData(ctx, import_file(ctx, found.id, file)[0])
    if comments:
        save_comments(ctx, found.id, data.rec.id, comments.name, comments.read_bytes())
    return data


def _stored_and_transcribed(tenant: str, file: Path, catalog: Path | None, comments: Path | None):
    """The file as the tenant's recording (with its comments), transcribed unless it was before."""
    from app.services.transcription import transcribe_recording

    data = _stored(tenant, file, catalog, comments)
    if not data.transcript.is_file():
        with progress_bar("transcribe") as report:
            transcribe_recording(data, progress=report)
    return data


def _render_all(data, highlights: list, out: Path) -> None:
    """Each highlight rendered (kept in the tenant) and copied to out/NN/, plus out/highlights.json."""
    from app.services.clips import render_highlight_clip

    out.mkdir(parents=True, exist_ok=True)
    for i, h in enumerate(highlights, 1):
        with progress_bar(f"clip {i}/{len(highlights)}") as report:
            clip = render_highlight_clip(data, h, (h.start, h.end), data.ctx.settings.clips, progress=report)
        shutil.copytree(data.ctx.files.clip_dir(data.rec.tenant_id, clip.id), out / f"{i:02d}", dirs_exist_ok=True)
        console.print(f"[green]✓[/green] {out / f'{i:02d}' / clip.video}  {h.kind}  {h.title}  ({', '.join(h.reasons[:3])})")
    (out / "highlights.json").write_text(json.dumps([h.to_dict() for h in highlights], ensure_ascii=False, indent=1),
                                         encoding="utf-8")


def register(app: typer.Typer) -> None:
    app.command()(transcribe)
    app.command()(clips)
    app.command()(kit)
