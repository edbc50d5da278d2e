"""How ``extract()`` reads a document: an explicit, immutable options object.

Options are arguments, not environment variables: a caller sees what it asked for, tests
need no ``monkeypatch.setenv``, and ingest hands the same object to its worker processes
(it pickles, being a frozen dataclass of plain values).
"""

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ExtractOptions:
    """Switches of the extractor; the defaults are what ``extract(doc)`` does.

    ``tagger``: after the rules, let the CRF tagger (``tagger.py``) read the sentences the
    rules left open that hold a cue word. It adds about 2.5 points of attribution F1 held
    out but costs about 20 % of the speed, so it is off by default (docs/tagger.md).
    """

    tagger: bool = False


DEFAULT_OPTIONS = ExtractOptions()
