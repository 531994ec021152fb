"""The `wutong` command line. Every command runs the same service functions as the API, in-process."""

from __future__ import annotations

import typer

from app.cli import admin, cluster, drafts, knowledge, media, orders, tenants, worker

app = typer.Typer(help="梧桐 Wutong: live-stream content assistant for group-buying leaders.", no_args_is_help=True)
app.add_typer(tenants.app, name="tenants")
app.add_typer(drafts.app, name="draft")
app.add_typer(cluster.app, name="cluster")
for module in (admin, media, knowledge, orders, worker):
    module.register(app)


def main() -> None:
    app()
