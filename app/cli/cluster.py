"""`wutong cluster up/down/status`: the scale-out stack's servers (PostgreSQL, Redis, Chroma) on this
machine, on loopback, data under <data_dir>/cluster/ (var/cluster/); the API and workers read the URLs
from var/cluster/env."""

from __future__ import annotations

from pathlib import Path

import typer

from app.config import get_settings

app = typer.Typer(help="Run PostgreSQL, Redis and a Chroma server on this machine (scale-out mode).",
                  no_args_is_help=True)


def _folder(folder: Path | None) -> Path:
    return folder or get_settings().data_dir / "cluster"


@app.command("up")
def up(folder: Path = typer.Option(None, help="data folder (default: <data_dir>/cluster)"),
       postgres_port: int = 55432, redis_port: int = 56379, chroma_port: int = 58000,
       api_port: int = typer.Option(8000, help="the API's port on 127.0.0.1"),
       workers: int = typer.Option(2, min=0, help="`wutong worker` processes to start"),
       servers_only: bool = typer.Option(False, help="start only PostgreSQL, Redis and Chroma")) -> None:
    """Start what is not running yet: the servers (their URLs go to <folder>/env), then the API and workers."""
    from app.cluster import apps, stack

    where = _folder(folder)
    servers = stack.up(where, {"postgres": postgres_port, "redis": redis_port, "chroma": chroma_port})
    for server in servers.values():
        print(f"{server.name}\tpid {server.pid}\t{server.url}")
    print(f"settings: {where.resolve() / stack.ENV}")
    if not servers_only:
        for name, pid in apps.up(where, api_port, workers).items():
            print(f"{name}\tpid {pid}\tlog {where.resolve() / 'logs' / (name + '.log')}")
        print(f"API: http://127.0.0.1:{api_port}")


@app.command("down")
def down(folder: Path = typer.Option(None, help="data folder (default: <data_dir>/cluster)")) -> None:
    """Stop the API and workers, then the servers, cleanly; their data stays in the folder."""
    from app.cluster import apps, stack

    stopped = apps.down(_folder(folder)) + stack.down(_folder(folder))
    print("stopped: " + (", ".join(stopped) or "nothing was running"))


@app.command("status")
def status(folder: Path = typer.Option(None, help="data folder (default: <data_dir>/cluster)")) -> None:
    """Each server, the API and each worker: running or not, pid (and URL); exit status 1 when one is down."""
    from app.cluster import apps, stack

    servers = stack.read_state(_folder(folder))
    down_ = [name for name in stack.STARTERS if name not in servers or not servers[name].alive]
    for name, server in servers.items():
        print(f"{name}\t{'up' if server.alive else 'down'}\tpid {server.pid}\t{server.url}")
    for name, pid in apps.read_state(_folder(folder).resolve()).items():
        print(f"{name}\t{'up' if apps.alive(pid) else 'down'}\tpid {pid}")
        down_ += [] if apps.alive(pid) else [name]
    if down_:
        print("not running: " + ", ".join(down_))
        raise typer.Exit(1)
