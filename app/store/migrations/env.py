"""Alembic's environment: migrations run on the connection `app.store.migrate` hands over."""

from alembic import context
from sqlalchemy import create_engine

from app.store.schema import metadata


def run(connection) -> None:
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is not None:
    run(connection)
else:  # the `alembic` command line, given -x or sqlalchemy.url
    with create_engine(context.config.get_main_option("sqlalchemy.url")).begin() as conn:
        run(conn)
