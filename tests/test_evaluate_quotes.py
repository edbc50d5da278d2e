"""Quote and speaker scoring (``provenance eval`` on quote gold) on hand-made articles.

Three short invented articles, ten gold quotes and a fixed extractor; every expected
figure is worked out by hand in the comments (Q1..Q10 gold quotes, C1..C11 claims).
"""

import json

import pytest
from click.testing import CliRunner

from cli.eval_command import eval_cmd
from provenance.evaluate_quotes import (
    GoldQuote,
    Link,
    Offsets,
    ScoredClaim,
    claims_from_reading,
    detect_gold_format,
    evaluate_quotes,
    judge_quote,
    name_tokens,
    names_match,
)
from provenance.extract import ExtractOptions
from provenance.models import ChainLink, Claim, ClaimKind, Document, Entity, Reading, SourceType, Span

# --------------------------------------------------------------------------- the articles

TEXT_A = ('Mayor Leila Ortiz said the bridge will open in May. '
          '"We are on schedule and on budget," she told reporters. '
          '"Nobody should worry about the cost." '
          'Transit advocate Sam Reyes argued that the budget is far too small for a project of this size.')
TEXT_B = ('Priya Nair, the chief medical officer, said the flu season has peaked. '
          '"Hospitals are coping well," the doctor said. '
          'Health minister Tom Baker praised the staff. He said the clinics will stay open late. '
          'The weather office said snow is coming on Friday.')
TEXT_C = ('Citing a new audit, councillor Ana Lima said the city overspent by $2 million. '
          'The audit found "serious gaps in oversight." '
          '"It is a mess," one resident said.')


def at(text: str, sub: str) -> tuple[int, int]:
    i = text.index(sub)
    return i, i + len(sub)


def quote(text, content, speaker, mention, cue):
    """A gold quote line; ``mention`` None makes the speaker implied (no span)."""
    s, e = at(text, content)
    span = None
    if mention is not None:
        ms, me = at(text, mention)
        span = {"start": ms, "end": me}
    return {"content": {"start": s, "end": e}, "speaker": speaker, "speaker_mention": mention,
            "speaker_span": span, "cue": cue}


GOLD = [
    {"id": "a", "title": "Bridge", "outlet": "Test", "url": None, "text": TEXT_A, "quotes": [
        quote(TEXT_A, "the bridge will open in May", "Leila Ortiz", "Mayor Leila Ortiz", "said"),     # Q1
        quote(TEXT_A, '"We are on schedule and on budget,"', "Leila Ortiz", "she", "told"),           # Q2
        quote(TEXT_A, '"Nobody should worry about the cost."', "Leila Ortiz", None, None),            # Q3
        quote(TEXT_A, "the budget is far too small for a project of this size", "Sam Reyes",
              "Transit advocate Sam Reyes", "argued"),                                                # Q4
    ]},
    {"id": "b", "title": "Flu", "outlet": "Test", "url": None, "text": TEXT_B, "quotes": [
        quote(TEXT_B, "the flu season has peaked", "Dr. Priya Nair", "Priya Nair", "said"),          # Q5
        quote(TEXT_B, '"Hospitals are coping well,"', "Priya Nair", "the doctor", "said"),            # Q6
        quote(TEXT_B, "the clinics will stay open late", "Tom Baker", "He", "said"),                  # Q7
    ]},
    {"id": "c", "title": "Audit", "outlet": "Test", "url": None, "text": TEXT_C, "quotes": [
        quote(TEXT_C, "the city overspent by $2 million", "Ana Lima", "councillor Ana Lima", "said"),  # Q8
        quote(TEXT_C, '"serious gaps in oversight."', "The audit", "The audit", "found"),             # Q9
        quote(TEXT_C, '"It is a mess,"', None, "one resident", "said"),                               # Q10
    ]},
]

# entities per article: (name, type, aliases)
ENTITIES = {
    "a": [("Leila Ortiz", "person", ["Mayor Leila Ortiz", "she"]),
          ("Sam Reyes", "person", ["Transit advocate Sam Reyes"])],
    # the doctor's entity is named by her role; her name is only an alias (Q6)
    "b": [("Priya Nair", "person", []),
          ("chief medical officer", "anonymous", ["the doctor", "Dr. Nair"]),
          ("he", "person", ["He"]),  # a pronoun left unresolved (Q7)
          ("weather office", "organization", ["The weather office"])],
    "c": [("new audit", "document", ["a new audit"]),
          ("Ana Lima", "person", ["councillor Ana Lima"]),
          ("one resident", "anonymous", [])],
}

# claims per article: (claim text, cue text or None, chain of entity ids origin first, kind)
CLAIMS = {
    "a": [
        ("the bridge will open in May", "said", [0], "direct"),                       # C1: Q1 right
        ('"We are on schedule and on budget,"', "told", [0], "direct"),               # C2: Q2, "she" resolved
        ('"Nobody should worry about the cost."', None, [0], "direct"),               # C3: Q3 continuation
        ("the budget is far too", "argued", [1], "direct"),                           # C4: 21 of Q4's 54 chars
    ],
    "b": [
        ("Priya Nair, the chief medical officer, said the flu season has peaked", "said", [0],
         "direct"),                                                                   # C5: all of Q5, mostly outside it
        ('"Hospitals are coping well,"', "said", [1], "direct"),                      # C6: Q6, right by alias only
        ("the clinics will stay open late", "said", [2], "direct"),                   # C7: Q7, "he" unresolved
        ("snow is coming on Friday", "said", [3], "direct"),                          # C8: sourced, on no quote
    ],
    "c": [
        ("the city overspent by $2 million", "said", [0, 1], "secondhand"),           # C9: Q8, right at the last link
        ('"serious gaps in oversight."', None, [], "unattributed"),                   # C10: Q9, no chain
        ('"It is a mess,"', "said", [2], "vague"),                                    # C11: Q10, no gold speaker
    ],
}


def reading_for(article_id: str, text: str) -> Reading:
    """The fixed Reading of one article, built from ENTITIES and CLAIMS."""
    entities = [Entity(id=i, name=n, type=SourceType(t), aliases=al)
                for i, (n, t, al) in enumerate(ENTITIES.get(article_id, []))]
    claims = []
    for k, (sub, cue, chain, kind) in enumerate(CLAIMS.get(article_id, [])):
        span = Span.of(text, *at(text, sub))
        cue_span = None
        if cue is not None:
            i = text.index(cue, max(0, span.start - 60))
            cue_span = Span.of(text, i, i + len(cue))
        links = [ChainLink(entity=e, name=entities[e].name, type=entities[e].type, cue=cue,
                           evidence=cue_span or span) for e in chain]
        claims.append(Claim(id=k, span=span, cue=cue_span, kind=ClaimKind(kind), attribution=None,
                            chain=links))
    return Reading(text=text, entities=entities, claims=claims, words=len(text.split()))


def fixed_extractor(doc: Document) -> Reading:
    return reading_for(doc.external_id, doc.text)


def write_jsonl(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.fixture
def gold_file(tmp_path):
    return write_jsonl(tmp_path / "quotes.jsonl", GOLD)


# --------------------------------------------------------------------------- names


def test_name_tokens_drop_possessives_and_honorifics():
    assert name_tokens("Dr. Priya Nair's") == {"priya", "nair"}
    assert name_tokens("Mr Smith") == {"smith"}
    assert name_tokens(None) == frozenset()


@pytest.mark.parametrize("a, b, same", [
    ("Trump", "Donald Trump", True),           # a subset either way
    ("donald TRUMP", "Trump", True),           # case-insensitive
    ("Dr. Priya Nair", "Priya Nair", True),    # honorific dropped
    ("Ortiz's", "Leila Ortiz", True),          # possessive dropped
    ("Priya Nair", "Priya Singh", False),      # overlap is not enough
    ("he", "Tom Baker", False),                # an unresolved pronoun names nobody
    ("Mr", "Mr Smith", False),                 # nothing left of one name
])
def test_names_match(a, b, same):
    assert names_match(a, b) is same
    assert names_match(b, a) is same


# --------------------------------------------------------------------------- the report


def test_overall_counts(gold_file):
    r = evaluate_quotes(gold_file, extractor=fixed_extractor)
    assert (r.articles, r.claims) == (3, 11)
    o = r.overall
    # Q4 is missed (C4 covers 21 of its 54 characters); the other nine are found
    assert (o.quotes, o.found) == (10, 9)
    # Q9 is found only by C10, which has no chain
    assert o.found_sourced == 8
    # with a gold speaker: all found but Q10
    assert o.speaker_base == 8
    # right: Q1, Q2 (pronoun resolved), Q3 (continuation), Q5 (honorific), Q6 (alias),
    # Q8 (immediate source); wrong: Q7 ("he" unresolved), Q9 (no chain)
    assert o.speaker_right == 6
    # first link by name only: Q1, Q2, Q3, Q5 (Q6 only by alias, Q8 only at the last link)
    assert o.speaker_right_origin == 4
    assert o.found_rate == pytest.approx(0.9)
    assert o.speaker_rate == pytest.approx(0.75)


def test_splits(gold_file):
    s = evaluate_quotes(gold_file, extractor=fixed_extractor).splits

    def fig(c):
        return (c.quotes, c.found, c.found_sourced, c.speaker_base, c.speaker_right, c.speaker_right_origin)

    # direct: Q2, Q3, Q6, Q9, Q10; speakers right Q2, Q3, Q6; origin Q2, Q3
    assert fig(s["direct"]) == (5, 5, 4, 4, 3, 2)
    # indirect: Q1, Q4 (missed), Q5, Q7, Q8; right Q1, Q5, Q8; origin Q1, Q5
    assert fig(s["indirect"]) == (5, 4, 4, 4, 3, 2)
    # implied: Q3 alone, the continuation with no mention
    assert fig(s["speaker_implied"]) == (1, 1, 1, 1, 1, 1)
    assert fig(s["speaker_mentioned"]) == (9, 8, 7, 7, 5, 3)


def test_sourced_claims_on_a_quote(gold_file):
    p = evaluate_quotes(gold_file, extractor=fixed_extractor).sourced
    # C10 has no chain: 10 sourced claims; C8 (the weather office) lies on no quote
    assert (p.claims, p.on_quote) == (10, 9)
    # C5 is mostly outside Q5 (25 of its 69 characters inside)
    assert p.mostly_on_quote == 8
    assert p.on_quote_rate == pytest.approx(0.9)


def test_found_by_kind_and_limit(gold_file):
    r = evaluate_quotes(gold_file, extractor=fixed_extractor)
    assert r.found_by_kind == {"direct": 6, "secondhand": 1, "unattributed": 1, "vague": 1}
    r1 = evaluate_quotes(gold_file, extractor=fixed_extractor, limit=1)
    assert (r1.articles, r1.overall.quotes, r1.overall.found, r1.overall.speaker_right) == (1, 4, 3, 3)


# --------------------------------------------------------------------------- choosing the claim


def _claim(start, end, chain=()):
    return ScoredClaim(start=start, end=end, text="x" * (end - start), kind="direct",
                       chain=[Link(name=n) for n in chain])


def test_the_quotes_claim_is_the_most_overlapping_then_a_sourced_one():
    text = "x" * 100
    q = GoldQuote(content=Offsets(start=10, end=30), speaker="Ana Lima")
    # equal overlap: the claim with a chain wins, whatever the order
    j = judge_quote(text, q, [_claim(10, 30), _claim(10, 30, ["Ana Lima"])])
    assert j.claim.chain[0].name == "Ana Lima" and j.speaker_right and j.coverage == 1.0
    # more overlap beats a chain: found, but by an unsourced claim, so the speaker is wrong
    j = judge_quote(text, q, [_claim(10, 29, ["Ana Lima"]), _claim(10, 30)])
    assert j.claim.chain == [] and j.speaker_right is False and j.sourced_found
    # exactly half the quote's characters is enough; less is not
    assert judge_quote(text, q, [_claim(0, 20)]).claim is not None
    assert judge_quote(text, q, [_claim(0, 19)]).claim is None


def test_links_are_named_as_the_database_names_the_source():
    text = 'Mayor Leila Ortiz opened the bridge. "We are on schedule," Ortiz said.'
    s, e = at(text, '"We are on schedule,"')
    cue = Span.of(text, *at(text, "said"))
    reading = Reading(
        text=text,
        entities=[Entity(id=0, name="Ortiz", type=SourceType.person)],
        claims=[Claim(id=0, span=Span.of(text, s, e), cue=cue, kind=ClaimKind.direct, attribution=None,
                      chain=[ChainLink(entity=0, name="Ortiz", type=SourceType.person, cue="said",
                                       evidence=cue)])],
    )
    # the surname alone becomes the full name the article gives it, as in the database
    [resolved] = claims_from_reading(reading)
    assert [(ln.name, ln.aliases) for ln in resolved.chain] == [("Leila Ortiz", ["Ortiz"])]
    [raw] = claims_from_reading(reading, resolve=False)
    assert [(ln.name, ln.aliases) for ln in raw.chain] == [("Ortiz", [])]


def test_in_process_names_equal_what_the_cli_shows(tmp_path):
    """The real extractor, one invented article: the claims and chain names scored in
    process are those ``claims --format json`` prints after ingesting it."""
    from cli.main import cli
    from provenance.extract import extract

    text = ('Mayor Leila Ortiz opened the bridge on Monday. "We are on schedule," Ortiz told '
            'reporters. "Nobody should worry." The weather office said snow is coming. '
            'Critics, citing a leaked memo, said the budget was cut.')
    src = write_jsonl(tmp_path / "one.jsonl", [{"id": "one", "text": text}])
    db = str(tmp_path / "one.db")
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", db, "ingest", str(src), "--quiet"]).exit_code == 0
    shown = json.loads(runner.invoke(cli, ["--db", db, "claims", "--format", "json"]).stdout)
    ours = claims_from_reading(extract(Document(text=text)))
    assert [(c["start"], c["end"], [ln["name"] for ln in c["chain"]]) for c in shown] == \
        [(c.start, c.end, [ln.name for ln in c.chain]) for c in ours]
    assert any(c.chain for c in ours)


# --------------------------------------------------------------------------- misses and format


def test_misses_list_the_gold_and_what_the_tool_made_of_it(gold_file):
    r = evaluate_quotes(gold_file, extractor=fixed_extractor, show_misses=5)
    missed = [m for m in r.misses if m.kind == "missed"]
    wrong = [m for m in r.misses if m.kind == "wrong_speaker"]
    assert [m.text[:20] for m in missed] == ["the budget is far to"]
    m = missed[0]
    assert (m.article, m.speaker, m.speaker_mention, m.cue, m.direct) == \
        ("a", "Sam Reyes", "Transit advocate Sam Reyes", "argued", False)
    assert [(c.text, c.cue, c.chain, c.coverage) for c in m.claims] == \
        [("the budget is far too", "argued", ["Sam Reyes"], round(21 / 54, 3))]
    # Q7 ("he" never resolved) and Q9 (no chain), in corpus order
    assert [(w.article, w.speaker, w.claims[0].chain) for w in wrong] == \
        [("b", "Tom Baker", ["he"]), ("c", "The audit", [])]
    assert evaluate_quotes(gold_file, extractor=fixed_extractor).misses == []
    one = evaluate_quotes(gold_file, extractor=fixed_extractor, show_misses=1).misses
    assert sorted(m.kind for m in one) == ["missed", "wrong_speaker"]


def test_detect_gold_format(tmp_path):
    assert detect_gold_format(write_jsonl(tmp_path / "q.jsonl", GOLD)) == "quotes"
    spans = tmp_path / "s.jsonl"
    spans.write_text('\n{"id": "x", "text": "t", "attributions": []}\n', encoding="utf-8")
    assert detect_gold_format(spans) == "spans"
    with pytest.raises(ValueError):
        detect_gold_format(write_jsonl(tmp_path / "n.jsonl", [{"id": "x", "text": "t"}]))


# --------------------------------------------------------------------------- the command


@pytest.fixture
def fixed(monkeypatch):
    """The command's default extractor replaced by the fixed one; records its options."""
    calls = []

    def extract(doc, **kwargs):
        calls.append(kwargs)
        return fixed_extractor(doc)

    monkeypatch.setattr("provenance.extract.extract", extract)
    return calls


def invoke(*args):
    res = CliRunner().invoke(eval_cmd, [str(a) for a in args])
    assert "Traceback" not in res.output
    return res


def test_cli_detects_quote_gold_and_prints_a_table(gold_file, fixed):
    res = invoke(gold_file)
    assert res.exit_code == 0, res.output
    out = res.output
    assert "Quotes and speakers" in out
    assert "90.0% 9/10" in out and "75.0% 6/8" in out  # found, speaker right
    assert "Sourced claims on a gold quote: 90.0% 9/10" in out
    assert "speaker implied" in out and "indirect quotes" in out
    assert "Missed quotes" not in out
    assert fixed == [{}, {}, {}]  # the rules alone, one call per article


def test_cli_json_is_one_object_with_every_figure(gold_file, fixed):
    res = invoke(gold_file, "--format", "json")
    assert res.exit_code == 0, res.output
    obj = json.loads(res.output)
    assert obj["gold_format"] == "quotes" and "misses" not in obj
    assert {"articles", "claims", "overall", "splits", "sourced", "found_by_kind"} <= set(obj)
    assert obj["overall"] == {"quotes": 10, "found": 9, "found_sourced": 8, "speaker_base": 8,
                              "speaker_right": 6, "speaker_right_origin": 4,
                              "found_rate": pytest.approx(0.9), "speaker_rate": pytest.approx(0.75)}
    assert set(obj["splits"]) == {"direct", "indirect", "speaker_mentioned", "speaker_implied"}
    assert obj["sourced"]["on_quote_rate"] == pytest.approx(0.9)
    res = invoke(gold_file, "--format", "json", "--show-misses", "3", "--limit", "2")
    obj = json.loads(res.output)
    assert obj["articles"] == 2
    assert [m["kind"] for m in obj["misses"]] == ["missed", "wrong_speaker"]


def test_cli_show_misses_and_tagger(gold_file, fixed):
    res = invoke(gold_file, "--show-misses", "2", "--tagger")
    assert res.exit_code == 0, res.output
    assert "Missed quotes" in res.output and "Wrong speakers" in res.output
    assert "Sam Reyes" in res.output and "Tom Baker" in res.output
    assert fixed == [{"options": ExtractOptions(tagger=True)}] * 3


def test_cli_gold_format_option(gold_file, tmp_path, fixed):
    res = invoke(gold_file, "--gold-format", "spans", "--format", "json")  # forced: no attributions
    assert res.exit_code == 0, res.output
    assert (json.loads(res.output)["articles"], json.loads(res.output)["gold"]) == (3, 0)
    res = invoke(gold_file, "--gold-format", "quotes", "--format", "json")
    assert json.loads(res.output)["overall"]["found"] == 9
    plain = write_jsonl(tmp_path / "plain.jsonl", [{"id": "x", "text": "No gold here."}])
    res = invoke(plain)
    assert res.exit_code == 2 and "--gold-format" in res.output
    res = invoke(gold_file, "--predictions", tmp_path / "p.jsonl")
    assert res.exit_code == 2 and "span gold only" in res.output
