"""Storage: SQLModel tables, migrations, and the writer that stores readings in batches."""

from provenance.store.db import begin_write, open_database, read_session

__all__ = ["begin_write", "open_database", "read_session"]
