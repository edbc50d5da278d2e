"""``run(db, *args)``: the ``provenance`` command line through click's CliRunner on a test
database, asserting a clean exit (unless ``ok=False``) and never a traceback."""

from click.testing import CliRunner, Result

from cli.main import cli


def run(db, *args: str, ok: bool = True) -> Result:
    """``provenance --db DB ARGS...`` in process."""
    result = CliRunner().invoke(cli, ["--db", str(db), *args])
    if ok:
        assert result.exit_code == 0, (result.output, result.exception)
    assert "Traceback" not in result.output
    return result
