"""The fixed vocabularies of the data model, as plain enums (no pydantic): source types, claim
kinds, cue types. ``provenance.models`` uses them; the CLI reads them for its choices without
importing the models.
"""

from enum import Enum

# (str, Enum), not StrEnum (ruff UP042): StrEnum changes str() and format() of a member from
# "SourceType.person" to "person", which would change any output that formats one


class SourceType(str, Enum):  # noqa: UP042
    """What kind of origin a source is (docs/vocabulary.md, "source")."""

    person = "person"
    organization = "organization"
    outlet = "outlet"
    document = "document"
    anonymous = "anonymous"


class ClaimKind(str, Enum):  # noqa: UP042
    """How a claim reached the page (docs/vocabulary.md, "kind")."""

    direct = "direct"
    secondhand = "secondhand"
    vague = "vague"
    unattributed = "unattributed"


class CueType(str, Enum):  # noqa: UP042
    """The shape of the words that signal an attribution; used for reporting by cue type."""

    verb = "verb"  # X said, said X, X told Y, X believes
    according_to = "according_to"  # according to X, citing X, as reported by X
    quote = "quote"  # a quotation continuing an earlier speaker, no cue of its own
    hedge = "hedge"  # is believed to, reportedly: no source at all
    other = "other"  # in a statement, in an interview with, seen by ...
