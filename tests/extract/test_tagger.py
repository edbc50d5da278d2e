"""The CRF attribution tagger: the packaged model loads, tags, and never breaks offsets."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from provenance.extract.features import NEAR, FeatureCache, sentence_flags, sequence_features
from provenance.extract.tagger import (
    Triple,
    add_tagged,
    attributions_from_tags,
    default_tagger,
    extract_hybrid,
    extract_tagged,
    tag_sentence,
)
from provenance.extract.text import tokenize
from provenance.models import Document, Reading

SENTENCE = "Maria Lopez said the bridge would reopen."


def test_model_loads_once():
    assert default_tagger() is default_tagger()


def test_cue_over_said():
    spans = tag_sentence(SENTENCE, 0, len(SENTENCE))
    cues = [SENTENCE[s:e] for role, s, e in spans if role == "CUE"]
    assert cues == ["said"]
    assert ("SOURCE", 0, len("Maria Lopez")) in spans


def test_attribution_from_sentence():
    spans = tag_sentence(SENTENCE, 0, len(SENTENCE))
    (t,) = attributions_from_tags(spans)
    assert SENTENCE[t.cue[0] : t.cue[1]] == "said"
    assert t.source is not None and SENTENCE[t.source[0] : t.source[1]] == "Maria Lopez"
    assert SENTENCE[t.content[0] : t.content[1]].startswith("the bridge would reopen")


def test_offsets_inside_a_longer_text():
    text = "Intro line.\n\n" + SENTENCE
    start = text.index("Maria")
    spans = tag_sentence(text, start, len(text))
    assert any(role == "CUE" and text[s:e] == "said" for role, s, e in spans)


@pytest.mark.parametrize("text", ["", " ", "\n\n", ".", "“", "''", "said", "— — —", "\xa0said\xa0", "🙂 said 🙂"])
def test_odd_input_does_not_crash(text):
    spans = tag_sentence(text, 0, len(text))
    for _role, s, e in spans:
        assert 0 <= s < e <= len(text)
    reading = extract_tagged(Document(text=text))
    assert isinstance(reading, Reading)
    extract_hybrid(Document(text=text))


def test_empty_range():
    assert tag_sentence(SENTENCE, 5, 5) == []
    assert attributions_from_tags([]) == []


def test_grouping_nearest_and_merged_content():
    # “The vote,” he said, “was close.”: content split by the cue merges into one span
    spans = [("CONTENT", 0, 10), ("SOURCE", 12, 14), ("CUE", 15, 19), ("CONTENT", 21, 35)]
    assert attributions_from_tags(spans) == [Triple((15, 19), (12, 14), (0, 35))]


def test_two_cues_share_the_source():
    spans = [("SOURCE", 0, 5), ("CUE", 6, 10), ("CONTENT", 11, 30), ("CUE", 32, 38), ("CONTENT", 39, 60)]
    got = attributions_from_tags(spans)
    assert [t.content for t in got] == [(11, 30), (39, 60)]
    assert all(t.source == (0, 5) for t in got)


def test_cue_without_content_is_dropped():
    assert attributions_from_tags([("SOURCE", 0, 5), ("CUE", 6, 10)]) == []


def test_readings_slice_the_text():
    text = (
        "Budget Talks Stall.\n\n"
        "“We are not there yet,” Sen. Ann Cole told reporters on Tuesday. "
        "The mayor believes the plan will fail, according to two aides.\n\n"
        "Critics slammed the proposal as reckless."
    )
    doc = Document(text=text)
    for reading in (extract_tagged(doc), extract_tagged(doc, "paragraph"), extract_hybrid(doc)):
        assert reading.attributions
        for a in reading.attributions:
            for sp in (a.cue, a.source, a.content):
                if sp is not None:
                    assert text[sp.start : sp.end] == sp.text
        assert len({a.id for a in reading.attributions}) == len(reading.attributions)


def test_hybrid_keeps_rule_attributions():
    from provenance.extract import extract

    text = "Maria Lopez said the bridge would reopen. Critics slammed the proposal as reckless."
    doc = Document(text=text)
    rules = extract(doc)
    hybrid = add_tagged(doc, extract(doc))
    assert [a.cue for a in hybrid.attributions[: len(rules.attributions)]] == [a.cue for a in rules.attributions]


def test_features_are_cached_per_type():
    cache = FeatureCache()
    assert cache.get("said") is cache.get("said")
    toks = tokenize(SENTENCE, 0, len(SENTENCE))
    feats = sequence_features(toks, cache, False, sentence_flags(toks.lower))
    assert len(feats) == len(toks)
    said = feats[toks.words.index("said")]
    assert b"lex=speech" in said and b"-1=lopez" in said and b"+1=the" in said


def test_feature_cache_is_bounded():
    cache = FeatureCache(max_types=4)
    kept = {w: cache.get(w) for w in ["a", "b", "c"]}
    for w in ["a", "d", "e", "f", "a", "g", "h"]:
        tf = cache.get(w)
        assert len(cache.types) + len(cache._old) <= 4
    assert cache.get("h") is tf
    assert cache.get("a") is not kept["a"]  # dropped two turnovers ago, built again
    assert cache.get("a") is cache.get("a")


def _reference_features(toks, cache, in_quote, flags, starts=()):
    """The features spelled out token by token (what sequence_features computes in runs)."""
    tfs = [cache.get(w) for w in toks.words]
    n, q, out = len(tfs), in_quote, []
    for i, tf in enumerate(tfs):
        f = list(tf.own) + list(cache.tags(*flags))
        if tf.quote == "o":
            q = True
        elif tf.quote == "t":
            q = not q
        if q:
            f += cache.q
        if tf.quote == "c":
            q = False
        left = [j for j in range(i) if tfs[j].verb]
        if left and i - left[-1] <= NEAR:
            f += tfs[left[-1]].after[i - left[-1] - 1]
        right = [j for j in range(i + 1, n) if tfs[j].verb]
        if right and right[0] - i <= NEAR:
            f += tfs[right[0]].before[NEAR - (right[0] - i)]
        f += cache.sb if i in starts else ()
        f += cache.se if i + 1 in starts else ()
        f += tfs[i - 1].m1 if i else cache.bos
        f += tfs[i + 1].p1 if i + 1 < n else cache.eos
        out.append(sorted(f))
    return out


@pytest.mark.parametrize(
    "text",
    [
        SENTENCE,
        "“We are not there yet,” Sen. Ann Cole told reporters, adding that he said so.",
        '"It is over," he said. "Done." She wrote, warned and said: \'\'no\'\'.',
        "said said told",
        "“unclosed quotation said and told",
    ],
)
@pytest.mark.parametrize("in_quote", [False, True])
def test_features_match_the_token_by_token_definition(text, in_quote):
    cache = FeatureCache()
    toks = tokenize(text, 0, len(text))
    flags = sentence_flags(toks.lower)
    starts = [2, 5] if len(toks) > 6 else []
    got = [sorted(f) for f in sequence_features(toks, cache, in_quote, flags, starts)]
    assert got == _reference_features(toks, cache, in_quote, flags, starts)


def test_unknown_attributes_are_left_out_without_changing_labels():
    tagger = default_tagger()
    full = FeatureCache()
    toks = tokenize(SENTENCE, 0, len(SENTENCE))
    all_feats = sequence_features(toks, full, False, sentence_flags(toks.lower))
    kept = sequence_features(toks, tagger.features, False, sentence_flags(toks.lower))
    assert sum(map(len, kept)) < sum(map(len, all_feats))
    assert tagger._crf.tag(all_feats) == tagger._crf.tag(kept)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab said “”\"'’.,:\n\xa0Q")), max_size=80))
def test_spans_always_slice(text):
    for role, s, e in tag_sentence(text, 0, len(text)):
        assert role in ("CUE", "SOURCE", "CONTENT")
        assert 0 <= s < e <= len(text)
    reading = extract_hybrid(Document(text=text))
    for a in reading.attributions:
        assert text[a.content.start : a.content.end] == a.content.text
