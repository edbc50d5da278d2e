"""Errors the library raises on purpose, with messages meant for the person at the keyboard.

The CLI prints ``Error: <message>`` for these (and for anything else) without a traceback.
"""


class ProvenanceError(Exception):
    """A failure the user can act on: a bad database, an unknown claim id, a bad query."""


class DatabaseError(ProvenanceError):
    """The database cannot be opened, created or migrated."""


class SchemaTooNewError(DatabaseError):
    """The database was written by a newer version of provenance than this one."""


class NotFoundError(ProvenanceError):
    """A claim, article or source that the user asked for does not exist."""
