"""Source keys (issue 14): the article scope and document period of a key, built and read in
``provenance.resolve_keys`` only, in the format databases already store."""

from hypothesis import given
from hypothesis import strategies as st

from provenance.resolve_keys import SourceKey, base_key, is_scoped_key

WORDS = st.text(alphabet="abcdefghij -'&", min_size=1, max_size=20).filter(lambda s: " @" not in s and " ~" not in s)


def test_the_stored_formats():
    assert str(SourceKey.scoped_to("two officials", "f" * 64)) == "two officials @" + "f" * 16
    assert str(SourceKey("united nations report").in_period("2016-03-01")) == "united nations report ~2016-03-01"
    assert SourceKey.parse("united nations report ~2016-03-01 2") == SourceKey("united nations report",
                                                                                 period="2016-03-01 2")
    assert SourceKey.parse("he @0123456789abcdef") == SourceKey("he", article="0123456789abcdef")
    assert SourceKey.parse("donald j trump") == SourceKey("donald j trump")


def test_scope_and_base():
    assert is_scoped_key("the report @0123456789abcdef") and not is_scoped_key("united nations report ~2016-03-01")
    assert base_key("united nations report ~2016-03-01") == "united nations report"
    assert base_key("the report @0123456789abcdef") == "the report"
    # a curated split of an article's source keeps its scope (provenance.curation)
    assert SourceKey.parse("he @0123456789abcdef (split from 7)").article == "0123456789abcdef (split from 7)"


@given(WORDS, st.none() | WORDS, st.none() | WORDS)
def test_parse_reads_what_str_writes(base, article, period):
    key = SourceKey(base.strip() or "x", article, period)
    assert SourceKey.parse(str(key)) == key
    assert str(SourceKey.parse(str(key))) == str(key)
