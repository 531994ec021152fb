"""Alembic's environment: migrations run on the connection `app.store.migrate` hands over, or (for a
review of the SQL, `offline_sql`) are rendered as SQL for a database URL without connecting."""

from alembic import context
from sqlalchemy import create_engine

from app.store.schema import metadata


def run(connection) -> None:
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


url = context.config.get_main_option("sqlalchemy.url")
if context.is_offline_mode():
    context.configure(url=url, target_metadata=metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
elif (connection := context.config.attributes.get("connection")) is not None:
    run(connection)
else:
    with create_engine(url).begin() as conn:
        run(conn)
