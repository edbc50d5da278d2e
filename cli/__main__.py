"""``python -m cli`` runs the command-line interface (the ``provenance`` command without the script).

The entry point lives here, not in ``provenance/__main__.py``: the library does not import
the CLI that is built on it (issue 14; ``tests/test_layers.py`` keeps it that way).
"""

from cli.main import main

if __name__ == "__main__":
    main()
