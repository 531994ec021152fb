"""PostgreSQL from Debian's package: a cluster initialised once in a folder, a `wutong` role and
database, and databases copied from a template (tests get a fresh migrated database in milliseconds).

As root the server runs as the `postgres` system user (PostgreSQL refuses root), so the folder is
chowned to it; loopback connections are trusted, nothing else listens.
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
from pathlib import Path

import psycopg
from psycopg import sql

from app.cluster.process import run_as

SYSTEM_USER = "postgres"
SUPERUSER = "postgres"
ROLE = "wutong"
# Durability traded for speed, for throw-away test clusters only.
FAST_SETTINGS = ("fsync=off", "synchronous_commit=off", "full_page_writes=off")


def bin_dir() -> Path:
    """The newest installed PostgreSQL's programs (Debian puts them outside PATH)."""
    if found := shutil.which("initdb"):
        return Path(found).parent
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parts[-3]))
    if not versions:
        raise FileNotFoundError("PostgreSQL is not installed (Debian: apt-get install postgresql)")
    return versions[-1].parent


def system_user() -> str | None:
    """Who runs the server: `postgres` when we are root, ourselves otherwise."""
    if os.geteuid() != 0:
        return None
    pwd.getpwnam(SYSTEM_USER)  # KeyError with a clear name if the package's user is missing
    return SYSTEM_USER


def give_to(path: Path, user: str | None) -> None:
    if user is None:
        return
    entry = pwd.getpwnam(user)
    for item in [path, *path.rglob("*")]:
        os.chown(item, entry.pw_uid, entry.pw_gid)


def init_cluster(data: Path, user: str | None) -> None:
    """initdb once; an existing cluster (PG_VERSION present) is kept with its data."""
    if (data / "PG_VERSION").exists():
        return
    data.mkdir(parents=True, exist_ok=True)
    data.chmod(0o700)
    give_to(data, user)
    subprocess.run([str(bin_dir() / "initdb"), "-D", str(data), "-U", SUPERUSER, "--auth=trust", "-E", "UTF8",
                    "--locale=C.UTF-8", "--no-instructions"], check=True, capture_output=True, **run_as(user))


def server_argv(data: Path, port: int, *, fast: bool = False, max_connections: int = 200) -> list[str]:
    settings = ["listen_addresses=127.0.0.1", f"port={port}", "unix_socket_directories=", f"max_connections={max_connections}",
                *(FAST_SETTINGS if fast else ())]
    argv = [str(bin_dir() / "postgres"), "-D", str(data)]
    for setting in settings:
        argv += ["-c", setting]
    return argv


def connect(port: int, dbname: str = "postgres", user: str = SUPERUSER) -> psycopg.Connection:
    return psycopg.connect(host="127.0.0.1", port=port, dbname=dbname, user=user, autocommit=True, connect_timeout=3)


def accepts(port: int) -> bool:
    try:
        with connect(port) as conn:
            conn.execute("SELECT 1")
        return True
    except psycopg.OperationalError:
        return False


def ensure_role_and_database(port: int, name: str = ROLE) -> None:
    """A login role (allowed to create databases, for test templates) and a database it owns."""
    with connect(port) as conn:
        if not conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone():
            conn.execute(sql.SQL("CREATE ROLE {} LOGIN CREATEDB").format(sql.Identifier(name)))
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone():
            conn.execute(sql.SQL("CREATE DATABASE {} OWNER {}").format(sql.Identifier(name), sql.Identifier(name)))


def create_database(port: int, name: str, *, template: str | None = None, owner: str = ROLE) -> None:
    """CREATE DATABASE, optionally as a copy of `template` (which must have no open connections)."""
    query = sql.SQL("CREATE DATABASE {} OWNER {}").format(sql.Identifier(name), sql.Identifier(owner))
    with connect(port) as conn:
        if template:
            query += sql.SQL(" TEMPLATE {}").format(sql.Identifier(template))
            if conn.info.server_version >= 150000:  # copying a small template's files is ~4x faster than WAL_LOG
                query += sql.SQL(" STRATEGY FILE_COPY")
        conn.execute(query)


def url(port: int, database: str = ROLE, user: str = ROLE) -> str:
    """The SQLAlchemy URL (psycopg 3 driver) of a database on this server."""
    return f"postgresql+psycopg://{user}@127.0.0.1:{port}/{database}"
