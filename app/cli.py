"""The `wutong` command line."""

from __future__ import annotations

import logging

import typer
from rich.console import Console

from app.config import get_settings

app = typer.Typer(help="梧桐 Wutong: live-stream content assistant for group-buying leaders.", no_args_is_help=True)
tenants = typer.Typer(help="Manage tenants (one per leader's group).", no_args_is_help=True)
app.add_typer(tenants, name="tenants")
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


def main() -> None:
    app()
