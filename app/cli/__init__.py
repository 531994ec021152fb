"""The `wutong` command line. Every command runs the same service functions as the API, in-process."""

from __future__ import annotations

import typer

from app.cli import admin, drafts, knowledge, media, orders, tenants

app = typer.Typer(help="梧桐 Wutong: live-stream content assistant for group-buying leaders.", no_args_is_help=True)
app.add_typer(tenants.app, name="tenants")
app.add_typer(drafts.app, name="draft")
for module in (admin, media, knowledge, orders):
    module.register(app)


def main() -> None:
    app()
