"""Alembic environment: migrations run on the connection handed in by storage.Database."""

from alembic import context

from facilitation.storage.tables import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only used programmatically
    raise RuntimeError("Run migrations through facilitation.storage.engine.Database.migrate()")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
