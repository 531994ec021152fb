"""`wutong tenants`: one tenant per leader's group."""

from __future__ import annotations

import typer

from app.cli.common import console, context, context_and_tenant

app = typer.Typer(help="Manage tenants (one per leader's group).", no_args_is_help=True)


@app.command("create")
def create(name: str) -> None:
    """Create a tenant and print its API key (shown only once)."""
    from app.services.tenants import create_tenant

    tenant, key = create_tenant(context(), name)
    console.print(f"tenant [bold]{tenant.name}[/bold] ({tenant.id}) created; API key:")
    print(key)


@app.command("list")
def list_() -> None:
    """Every tenant: name, id, recordings."""
    from app.services.tenants import list_tenants

    for summary in list_tenants(context()):
        print(f"{summary.tenant.name}\t{summary.tenant.id}\t{summary.recordings} recordings")


@app.command("rotate-key")
def rotate_key(name: str) -> None:
    """Give a tenant a new API key (printed once); the old key and console sign-ins stop working at once."""
    from app.services.tenants import rotate_key as rotate

    ctx, tenant = context_and_tenant(name)
    key = rotate(ctx, tenant)
    console.print(f"tenant [bold]{name}[/bold]: new API key (the old one no longer works):")
    print(key)


@app.command("rotate-bot-secret")
def rotate_bot_secret(name: str) -> None:
    """Give a tenant a new bot signing secret (printed once); messages signed with the old one are refused."""
    from app.services.tenants import rotate_bot_secret as rotate

    ctx, tenant = context_and_tenant(name)
    secret = rotate(ctx, tenant)
    console.print(f"tenant [bold]{name}[/bold]: new bot secret (update the chat bridge):")
    print(secret)


@app.command("delete")
def delete(name: str, yes: bool = typer.Option(False, "--yes", help="confirm: this cannot be undone")) -> None:
    """Delete a tenant and everything it owns: rows, files, knowledge base, cached replies."""
    from app.services.tenants import delete_tenant

    if not yes:
        console.print(f"this deletes '{name}' and all its recordings, clips, knowledge and drafts; add --yes")
        raise typer.Exit(2)
    ctx, tenant = context_and_tenant(name)
    with console.status(f"deleting {name}…"):
        delete_tenant(ctx, tenant)
    console.print(f"[green]✓[/green] tenant {name} ({tenant.id}) deleted")
