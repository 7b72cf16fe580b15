"""Persistence: the engine, tables, migrations, row <-> domain mapping and the JSON backup; the only SQL."""

from facilitation.storage.engine import Database, default_url, open_database

__all__ = ["Database", "default_url", "open_database"]
