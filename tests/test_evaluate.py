"""The metric code of ``provenance eval`` on small hand-made gold files.

Every expected figure is worked out by hand in the comments next to it.
"""

import json

import pytest
from click.testing import CliRunner

from cli.eval_command import eval_cmd
from provenance.evaluate import (
    GoldArticle,
    classify_cue,
    evaluate,
    load_gold,
    predictions_from_reading,
    trim,
)
from provenance.models import Attribution, CueType, Reading, Span

approx = pytest.approx


# --------------------------------------------------------------------------- helpers


def at(text: str, sub: str, nth: int = 0) -> tuple[int, int]:
    """Offsets of the nth occurrence of ``sub`` in ``text``."""
    i = -1
    for _ in range(nth + 1):
        i = text.index(sub, i + 1)
    return i, i + len(sub)


def gspan(text: str, sub: str | None, nth: int = 0):
    if sub is None:
        return None
    s, e = at(text, sub, nth)
    return {"start": s, "end": e, "text": text[s:e]}


def gold_att(text, source, cue, content, parent=None):
    return {"source": gspan(text, source), "cue": gspan(text, cue),
            "content": gspan(text, content), "parent": parent}


def write_gold(path, articles):
    with open(path, "w", encoding="utf-8") as f:
        for a in articles:
            f.write(json.dumps(a) + "\n")
    return path


def article(id_, text, atts, meta=None):
    return {"id": id_, "outlet": "Test", "title": id_, "text": text, "meta": meta or {},
            "attributions": atts}


def pred(text, i, source, cue, content, cue_type=CueType.verb, parent=None):
    """An Attribution of the extractor; spans given as substrings (or (s, e) tuples)."""

    def sp(x):
        if x is None:
            return None
        s, e = x if isinstance(x, tuple) else at(text, x)
        return Span.of(text, s, e)

    return Attribution(id=i, cue=sp(cue), cue_type=cue_type, source=sp(source), entity=None,
                       content=sp(content), parent=parent)


def fake_extractor(table):
    """An extractor returning the hand-built attributions for each article id."""

    def extract(doc):
        atts = table.get(doc.external_id, lambda t: [])(doc.text)
        return Reading(text=doc.text, attributions=atts, words=len(doc.text.split()))

    return extract


# --------------------------------------------------------------------------- the corpus

TEXT_A = ('Smith said the plan will fail. Jones told reporters, "We are ready." '
          'The tax rose, according to the report.')
TEXT_B = 'Brown argued that costs are high. Officials believe prices will fall soon. Rain is expected.'

GOLD = [
    article("a", TEXT_A, [
        gold_att(TEXT_A, "Smith", "said", "the plan will fail"),            # G1
        gold_att(TEXT_A, "Jones", "told", '"We are ready."'),               # G2
        gold_att(TEXT_A, "the report", "according to", "The tax rose"),     # G3
    ]),
    article("b", TEXT_B, [
        gold_att(TEXT_B, "Brown", "argued", "that costs are high"),         # G4
        gold_att(TEXT_B, "Officials", "believe", "prices will fall soon"),  # G5
    ]),
]

PREDICTED = {
    "a": lambda t: [
        # P1: all exact; content off by the trailing period, exact after trimming
        pred(t, 0, "Smith", "said", "the plan will fail."),
        # P2: source too long ("Jones told"), cue exact, content a partial overlap ('"We are')
        pred(t, 1, "Jones told", "told", '"We are'),
        # G3 is missed
    ],
    "b": lambda t: [
        # P3: all exact
        pred(t, 0, "Brown", "argued", "that costs are high"),
        # P4: a false alarm: no source, cue "is expected", content "Rain"; hedge counts as other
        pred(t, 1, None, "is expected", "Rain", CueType.hedge),
        # P5: source and content exact, but no cue where the gold has "believe": no attribution match
        pred(t, 2, "Officials", None, "prices will fall soon", CueType.other),
    ],
}


@pytest.fixture
def gold_file(tmp_path):
    return write_gold(tmp_path / "gold.jsonl", GOLD)


# --------------------------------------------------------------------------- the full report


def test_counts(gold_file):
    r = evaluate(gold_file, extractor=fake_extractor(PREDICTED))
    assert r.articles == 2
    assert r.gold == 5
    assert r.predicted == 5
    assert r.ignored == 0
    assert r.nested is False
    assert r.words == len(TEXT_A.split()) + len(TEXT_B.split())


def test_exact(gold_file):
    r = evaluate(gold_file, extractor=fake_extractor(PREDICTED))
    # source: gold Smith, Jones, the report, Brown, Officials (5); predicted Smith,
    # "Jones told", Brown, Officials (4; P4 has none); exact: Smith, Brown, Officials (3)
    s = r.exact["source"]
    assert (s.matched, s.gold, s.predicted) == (3, 5, 4)
    assert s.precision == approx(3 / 4)
    assert s.recall == approx(3 / 5)
    assert s.f1 == approx(2 * 0.75 * 0.6 / 1.35)  # 0.6667
    # cue: gold said, told, according to, argued, believe (5); predicted said, told,
    # argued, is expected (4; P5 has none); exact: said, told, argued (3)
    c = r.exact["cue"]
    assert (c.matched, c.gold, c.predicted) == (3, 5, 4)
    assert (c.precision, c.recall) == (approx(0.75), approx(0.6))
    # content: P1 "the plan will fail." trims to G1; P2 '"We are' trims to "We are" and
    # G2 to "We are ready": no; P3 yes; P4 no; P5 yes -> 3 of 5 predicted, 3 of 5 gold
    t = r.exact["content"]
    assert (t.matched, t.gold, t.predicted) == (3, 5, 5)
    assert (t.precision, t.recall, t.f1) == (approx(0.6), approx(0.6), approx(0.6))


def test_overlap(gold_file):
    r = evaluate(gold_file, extractor=fake_extractor(PREDICTED))
    # source tokens: a: gold {Smith, Jones, the, report}, predicted {Smith, Jones, told}, both 2
    #                b: gold {Brown, Officials}, predicted the same, both 2
    # -> matched 4, gold 6, predicted 5
    s = r.overlap["source"]
    assert (s.matched, s.gold, s.predicted) == (4, 6, 5)
    assert s.precision == approx(4 / 5)
    assert s.recall == approx(4 / 6)
    assert s.f1 == approx(2 * 0.8 * (2 / 3) / (0.8 + 2 / 3))
    # cue tokens: a: gold {said, told, according, to}, predicted {said, told}: 2 shared
    #             b: gold {argued, believe}, predicted {argued, is, expected}: 1 shared
    c = r.overlap["cue"]
    assert (c.matched, c.gold, c.predicted) == (3, 6, 5)
    assert (c.precision, c.recall) == (approx(3 / 5), approx(3 / 6))
    # content tokens: a: gold 4 + 3 + 3 = 10 ("the" of G1 and "The" of G3 are different
    # tokens), predicted 4 (the period is no token) + 2 ("We are") = 6, all inside gold
    # b: gold 4 + 4 = 8; predicted 4 + 1 (Rain) + 4 = 9, of which 8 inside gold
    t = r.overlap["content"]
    assert (t.matched, t.gold, t.predicted) == (14, 18, 15)
    assert t.precision == approx(14 / 15)
    assert t.recall == approx(14 / 18)


def test_attribution_level(gold_file):
    r = evaluate(gold_file, extractor=fake_extractor(PREDICTED))
    # P1-G1, P2-G2 (cue "told" overlaps, content overlaps), P3-G4 match; G3 missed;
    # P4 overlaps nothing; P5 has no cue while G5 has one -> 3 of 5 both ways
    a = r.attribution
    assert (a.matched, a.gold, a.predicted) == (3, 5, 5)
    assert (a.precision, a.recall, a.f1) == (approx(0.6), approx(0.6), approx(0.6))


def test_by_cue_type(gold_file):
    r = evaluate(gold_file, extractor=fake_extractor(PREDICTED))
    bt = r.by_cue_type
    assert set(bt) == {"verb", "according_to", "quote", "other"}
    # gold: said, told, argued, believe -> verb (4, of which G1, G2, G4 matched: R 3/4);
    #       according to -> according_to (1, missed: R 0)
    # predicted: P1-P3 verb (3, all matched: P 1); P4 hedge and P5 other -> other (2, P 0)
    v = bt["verb"]
    assert (v.gold, v.predicted, v.matched_gold, v.matched_predicted) == (4, 3, 3, 3)
    assert (v.precision, v.recall) == (approx(1.0), approx(0.75))
    assert v.f1 == approx(2 * 0.75 / 1.75)  # 0.857
    acc = bt["according_to"]
    assert (acc.gold, acc.predicted, acc.precision, acc.recall, acc.f1) == (1, 0, 0, 0, 0)
    o = bt["other"]
    assert (o.gold, o.predicted, o.precision, o.recall, o.f1) == (0, 2, 0, 0, 0)
    q = bt["quote"]
    assert (q.gold, q.predicted, q.f1) == (0, 0, 0)


def test_misses(gold_file):
    r = evaluate(gold_file, extractor=fake_extractor(PREDICTED), show_misses=5)
    misses = [m for m in r.misses if m.kind == "miss"]
    alarms = [m for m in r.misses if m.kind == "false_alarm"]
    # misses, most content tokens first: G5 (4 tokens; P5 lacks its cue) and G3 (3);
    # false alarms: P5 (4) before P4 (1)
    assert [(m.article, m.cue, m.content, m.cue_type, m.tokens) for m in misses] == [
        ("b", "believe", "prices will fall soon", "verb", 4),
        ("a", "according to", "The tax rose", "according_to", 3)]
    assert misses[1].context == "The tax rose, according to the report."
    assert [(m.article, m.content, m.tokens) for m in alarms] == [
        ("b", "prices will fall soon", 4), ("b", "Rain", 1)]
    # capped at N each, worst first
    r1 = evaluate(gold_file, extractor=fake_extractor(PREDICTED), show_misses=1)
    assert [(m.kind, m.content) for m in r1.misses] == [
        ("miss", "prices will fall soon"), ("false_alarm", "prices will fall soon")]
    # none unless asked
    assert evaluate(gold_file, extractor=fake_extractor(PREDICTED)).misses == []


def test_nothing_predicted(gold_file):
    r = evaluate(gold_file, extractor=fake_extractor({}))
    # 0/0 precision is 0, and F1 is 0 when P + R is 0
    assert r.predicted == 0
    for role in ("source", "cue", "content"):
        assert (r.exact[role].precision, r.exact[role].recall, r.exact[role].f1) == (0, 0, 0)
        assert r.overlap[role].f1 == 0
    assert r.attribution.f1 == 0


def test_limit(gold_file):
    r = evaluate(gold_file, extractor=fake_extractor(PREDICTED), limit=1)
    assert (r.articles, r.gold, r.predicted) == (1, 3, 2)


# --------------------------------------------------------------------------- the trim rule


@pytest.mark.parametrize("raw, trimmed", [
    ('  "Hello, world."  ', "Hello, world"),
    ("(—the plan—)", "the plan"),
    ("“We are ready,” ", "We are ready"),
    ("‘fine’;", "fine"),
    ("[sic] done!?", "sic] done"),  # only the ends are trimmed
    ("U.S.", "U.S"),
    ("no-one", "no-one"),
    (":", ":"),  # punctuation only: whitespace trimmed, nothing else
    (" : ", ":"),
    ("   ", "   "),  # whitespace only: unchanged
])
def test_trim(raw, trimmed):
    text = "xx" + raw + "yy"
    s, e = trim(text, 2, 2 + len(raw))
    assert text[s:e] == trimmed


def test_trim_makes_exact_match(tmp_path):
    text = 'He said: "It is over." Fine.'
    gold = write_gold(tmp_path / "g.jsonl", [article("t", text, [
        gold_att(text, "He", "said", '"It is over."')])])
    # predicted "said:" and "It is over" both equal the gold after trimming
    ex = fake_extractor({"t": lambda t: [pred(t, 0, "He", "said:", "It is over")]})
    r = evaluate(gold, extractor=ex)
    assert r.exact["cue"].f1 == 1.0
    assert r.exact["content"].f1 == 1.0
    # but "It is" is not: one character short of a word is still a different span
    ex2 = fake_extractor({"t": lambda t: [pred(t, 0, "He", "said", "It is")]})
    assert evaluate(gold, extractor=ex2).exact["content"].matched == 0


# --------------------------------------------------------------------------- one-to-one


def test_exact_is_one_to_one(tmp_path):
    text = "He said it rained. He said it snowed."
    one_he = [gold_att(text, "He", "said", "it rained")]
    gold = write_gold(tmp_path / "g.jsonl", [article("t", text, one_he)])
    # two predictions with the same source span "He" (the first one) and the same cue
    ex = fake_extractor({"t": lambda t: [
        pred(t, 0, "He", "said", "it rained"),
        pred(t, 1, "He", "said", "it snowed"),
    ]})
    r = evaluate(gold, extractor=ex)
    # one gold "He" is matched once: 1 of 2 predicted, 1 of 1 gold
    assert (r.exact["source"].matched, r.exact["source"].precision, r.exact["source"].recall) == (
        1, 0.5, 1.0)
    # token sets: the two predicted "He" are the same token, counted once: P = R = 1
    assert (r.overlap["source"].matched, r.overlap["source"].predicted) == (1, 1)
    assert r.overlap["source"].precision == 1.0
    # when the gold has the span twice (two attributions sharing a source), two match
    two_he = one_he + [{"source": gspan(text, "He"), "cue": gspan(text, "said", 1),
                        "content": gspan(text, "it snowed"), "parent": None}]
    gold2 = write_gold(tmp_path / "g2.jsonl", [article("t", text, two_he)])
    r2 = evaluate(gold2, extractor=ex)
    assert (r2.exact["source"].matched, r2.exact["source"].f1) == (2, 1.0)


def test_overlapping_predictions_do_not_double_count(tmp_path):
    text = "Experts say taxes will rise next year."
    gold = write_gold(tmp_path / "g.jsonl", [article("t", text, [
        gold_att(text, "Experts", "say", "taxes will rise")])])
    ex = fake_extractor({"t": lambda t: [
        pred(t, 0, "Experts", "say", "taxes will rise next year"),  # 5 tokens, 3 in gold
        pred(t, 1, "Experts", "say", "will rise next"),  # the same tokens again
    ]})
    r = evaluate(gold, extractor=ex)
    # predicted content tokens as a set: {taxes, will, rise, next, year} = 5; in gold 3
    c = r.overlap["content"]
    assert (c.matched, c.gold, c.predicted) == (3, 3, 5)
    assert (c.precision, c.recall) == (approx(3 / 5), approx(1.0))
    # a span cutting a word counts the whole word: "axes wil" -> {taxes, will}
    ex2 = fake_extractor({"t": lambda t: [pred(t, 0, "Experts", "say", "axes wil")]})
    c2 = evaluate(gold, extractor=ex2).overlap["content"]
    assert (c2.matched, c2.predicted) == (2, 2)


def test_gold_pieces(tmp_path):
    text = "The vote, he said, was close."
    s1, e1 = at(text, "The vote")
    s2, e2 = at(text, "was close")
    gold = write_gold(tmp_path / "g.jsonl", [article("t", text, [{
        "source": gspan(text, "he"), "cue": gspan(text, "said"),
        "content": {"start": s1, "end": e2, "text": text[s1:e2], "pieces": [[s1, e1], [s2, e2]]},
        "parent": None}])])
    ex = fake_extractor({"t": lambda t: [pred(t, 0, "he", "said", (s1, e2))]})
    r = evaluate(gold, extractor=ex)
    # exact compares the whole extent: a match
    assert r.exact["content"].f1 == 1.0
    # by default pieces are ignored: the gold extent has 6 tokens, all predicted
    c = r.overlap["content"]
    assert (c.matched, c.gold, c.predicted) == (6, 6, 6)
    # pieces=True: gold content {The, vote, was, close} = 4; the predicted extent adds
    # he, said = 6: P 4/6, R 1; exact still compares the whole extent
    r = evaluate(gold, extractor=ex, pieces=True)
    c = r.overlap["content"]
    assert (c.matched, c.gold, c.predicted) == (4, 4, 6)
    assert (c.precision, c.recall) == (approx(4 / 6), 1.0)
    assert r.exact["content"].f1 == 1.0


def test_attribution_matching_is_greedy_one_to_one(tmp_path):
    text = "Lee said the deal is done and the vote is set."
    gold = write_gold(tmp_path / "g.jsonl", [article("t", text, [
        gold_att(text, "Lee", "said", "the deal is done and the vote is set")])])
    ex = fake_extractor({"t": lambda t: [
        pred(t, 0, "Lee", "said", "the deal is done"),  # 16 characters of content overlap
        pred(t, 1, "Lee", "said", "the deal is done and the vote"),  # 29: taken first
    ]})
    r = evaluate(gold, extractor=ex, show_misses=3)
    # one gold attribution matches one prediction: P 1/2, R 1/1
    a = r.attribution
    assert (a.matched, a.precision, a.recall) == (1, 0.5, 1.0)
    # the longer overlap won; the shorter is the false alarm
    assert [m.content for m in r.misses if m.kind == "false_alarm"] == ["the deal is done"]


def test_attribution_cues_both_null_match(tmp_path):
    text = 'Kim spoke. "We will win." The end.'
    gold = write_gold(tmp_path / "g.jsonl", [article("t", text, [
        gold_att(text, "Kim", None, '"We will win."')])])
    # no cue on either side and the contents overlap: a match
    ex = fake_extractor({"t": lambda t: [pred(t, 0, None, None, "We will win", CueType.quote)]})
    r = evaluate(gold, extractor=ex, continuations=True)
    assert r.attribution.f1 == 1.0
    assert evaluate(gold, extractor=ex).predicted == 0  # continuations left out by default
    # gold type from the text: no cue, content opens with a quote mark -> quote
    assert (r.by_cue_type["quote"].gold, r.by_cue_type["quote"].recall) == (1, 1.0)
    assert r.by_cue_type["quote"].precision == 1.0
    # a cue on one side only: no match
    ex2 = fake_extractor({"t": lambda t: [pred(t, 0, "Kim", "spoke", "We will win")]})
    assert evaluate(gold, extractor=ex2).attribution.matched == 0


# --------------------------------------------------------------------------- cue types


@pytest.mark.parametrize("cue, content, expected", [
    ("according to", "x", "according_to"),
    ("According", "x", "according_to"),
    ("’s according to", "x", "according_to"),
    ("citing", "x", "according_to"),
    ("as reported by", "x", "according_to"),
    ("said", "x", "verb"),
    ("told", "x", "verb"),
    ("has said", "x", "verb"),
    ("said in a statement", "x", "verb"),
    ("is expected", "x", "verb"),
    ("believe", "x", "verb"),
    ("to endorse", "x", "verb"),
    ("on Monday announced", "x", "verb"),
    ("in", "x", "other"),
    ("in a statement", "x", "other"),
    ("criticism of", "x", "other"),
    ("a call for", "x", "other"),
    (":", "x", "other"),
    ("To", "x", "other"),
    (None, "“We will,” she said", "quote"),
    (None, '"We will"', "quote"),
    (None, "taxes rose", "other"),
])
def test_classify_cue(cue, content, expected):
    assert classify_cue(cue, content) == expected


# --------------------------------------------------------------------------- nesting


def nested_reading(text):
    return [
        pred(text, 10, "The AP", "reported", "the report says costs rose"),
        pred(text, 11, "the report", "says", "costs rose", parent=10),
    ]


def test_predictions_from_reading_top_level():
    text = "The AP reported the report says costs rose."
    reading = Reading(text=text, attributions=nested_reading(text))
    top = predictions_from_reading(reading)
    assert len(top) == 1
    assert (top[0].source.text, top[0].cue.text, top[0].content.text) == (
        "The AP", "reported", "the report says costs rose")
    assert top[0].parent is None and top[0].cue_type == "verb"
    everything = predictions_from_reading(reading, include_nested=True)
    assert [a.cue.text for a in everything] == ["reported", "says"]
    assert [a.parent for a in everything] == [None, 0]  # id 10 -> index 0


def test_nested_gold_compares_all(tmp_path):
    text = "The AP reported the report says costs rose."
    flat = [gold_att(text, "The AP", "reported", "the report says costs rose")]
    ex = fake_extractor({"t": nested_reading})
    # no nesting in the gold: the inner prediction is not compared
    r = evaluate(write_gold(tmp_path / "flat.jsonl", [article("t", text, flat)]), extractor=ex)
    assert (r.nested, r.predicted, r.attribution.precision) == (False, 1, 1.0)
    # nesting in the gold: both are
    nested = flat + [gold_att(text, "the report", "says", "costs rose", parent=0)]
    r = evaluate(write_gold(tmp_path / "nested.jsonl", [article("t", text, nested)]), extractor=ex)
    assert (r.nested, r.gold, r.predicted) == (True, 2, 2)
    assert (r.attribution.precision, r.attribution.recall) == (1.0, 1.0)
    assert r.exact["content"].f1 == 1.0


def test_discarded_regions_are_ignored(tmp_path):
    text = "Follow Ann on Twitter, she says. Bob said it works."
    s, e = at(text, "Follow Ann on Twitter, she says.")
    gold = write_gold(tmp_path / "g.jsonl", [article(
        "t", text, [gold_att(text, "Bob", "said", "it works")], meta={"discard_spans": [[s, e]]})])
    ex = fake_extractor({"t": lambda t: [
        pred(t, 0, "she", "says", "Follow Ann on Twitter"),  # in the unannotated region
        pred(t, 1, "Bob", "said", "it works"),
    ]})
    r = evaluate(gold, extractor=ex)
    assert (r.predicted, r.ignored, r.attribution.precision) == (1, 1, 1.0)


# --------------------------------------------------------------------------- output


def test_predictions_round_trip(gold_file, tmp_path):
    out = tmp_path / "pred.jsonl"
    r = evaluate(gold_file, extractor=fake_extractor(PREDICTED), predictions_out=out)
    back = list(load_gold(out))
    assert [a.id for a in back] == ["a", "b"]
    assert all(isinstance(a, GoldArticle) for a in back)
    assert [a.text for a in back] == [TEXT_A, TEXT_B]
    assert sum(len(a.attributions) for a in back) == r.predicted == 5
    p2 = back[0].attributions[1]
    assert (p2.source.text, p2.cue.text, p2.content.text, p2.parent) == (
        "Jones told", "told", '"We are', None)
    assert back[1].attributions[1].source is None
    assert back[1].attributions[1].cue_type == "hedge"
    # every line is plain gold-format JSON
    line = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert {"id", "outlet", "title", "text", "attributions"} <= set(line)
    assert set(line["attributions"][0]) >= {"source", "cue", "content", "parent"}

    # scored as gold by an extractor that replays it: everything is 1
    by_id = {a.id: a for a in back}

    def replay(doc):
        atts = []
        for i, g in enumerate(by_id[doc.external_id].attributions):
            def sp(x):
                return None if x is None else Span.of(doc.text, x.start, x.end)
            atts.append(Attribution(id=i, cue=sp(g.cue), cue_type=CueType(g.cue_type),
                                    source=sp(g.source), entity=None, content=sp(g.content)))
        return Reading(text=doc.text, attributions=atts)

    r2 = evaluate(out, extractor=replay)
    assert (r2.gold, r2.predicted) == (5, 5)
    for role in ("source", "cue", "content"):
        assert (r2.exact[role].precision, r2.exact[role].recall) == (1.0, 1.0)
        assert (r2.overlap[role].precision, r2.overlap[role].recall) == (1.0, 1.0)
    assert (r2.attribution.precision, r2.attribution.recall, r2.attribution.f1) == (1.0, 1.0, 1.0)
    for t, s in r2.by_cue_type.items():
        assert s.precision == (1.0 if s.predicted else 0.0), t
        assert s.recall == (1.0 if s.gold else 0.0), t


def test_cli_json_shape(gold_file, monkeypatch):
    monkeypatch.setattr("provenance.extract.extract", fake_extractor(PREDICTED))
    res = CliRunner().invoke(eval_cmd, [str(gold_file), "--format", "json"])
    assert res.exit_code == 0, res.output
    obj = json.loads(res.output)  # exactly one JSON object
    assert {"articles", "gold", "predicted", "exact", "overlap", "attribution",
            "by_cue_type"} <= set(obj)
    assert (obj["articles"], obj["gold"], obj["predicted"]) == (2, 5, 5)
    for part in ("exact", "overlap"):
        assert set(obj[part]) == {"source", "cue", "content"}
        for scores in obj[part].values():
            assert {"precision", "recall", "f1"} <= set(scores)
            assert all(0 <= scores[k] <= 1 for k in ("precision", "recall", "f1"))
    assert obj["exact"]["source"]["precision"] == approx(0.75)
    assert obj["overlap"]["content"]["recall"] == approx(14 / 18)
    assert obj["attribution"] == {**obj["attribution"], "precision": approx(0.6),
                                  "recall": approx(0.6), "f1": approx(0.6)}
    assert set(obj["by_cue_type"]) == {"verb", "according_to", "quote", "other"}
    assert obj["by_cue_type"]["verb"]["recall"] == approx(0.75)
    assert "misses" not in obj


def test_cli_table_and_options(gold_file, tmp_path, monkeypatch):
    monkeypatch.setattr("provenance.extract.extract", fake_extractor(PREDICTED))
    out = tmp_path / "p.jsonl"
    res = CliRunner().invoke(eval_cmd, [str(gold_file), "--show-misses", "2",
                                        "--predictions", str(out), "--limit", "1"])
    assert res.exit_code == 0, res.output
    assert "source" in res.output and "attribution" in res.output
    assert "according_to" in res.output
    assert "The tax rose" in res.output  # the miss is listed
    assert len(out.read_text(encoding="utf-8").splitlines()) == 1  # --limit 1
    res = CliRunner().invoke(eval_cmd, [str(gold_file), "--format", "json", "--show-misses", "1"])
    assert [m["kind"] for m in json.loads(res.output)["misses"]] == ["miss", "false_alarm"]


def test_cli_uses_no_storage():
    import subprocess
    import sys

    code = ("import sys, cli.eval_command, provenance.evaluate; "
            "print(any(m.startswith('provenance.store') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_an_attribution_nested_only_in_a_left_out_continuation_is_top_level():
    from provenance.evaluate import predictions_from_reading
    from provenance.extract import extract
    from provenance.models import Document

    text = (
        "Tom Vale is the mayor of Ridgeton. He spoke to the Herald.\n\n"
        "Q: Will the bridge reopen?\n\n"
        "A: Yes. The engineers told me the repairs will be finished by October."
    )
    reading = extract(Document(text=text))
    cues = [p.cue.text for p in predictions_from_reading(reading) if p.cue is not None]
    assert "told" in cues  # the answer itself has no cue and is left out; what it reports is not
    assert all(p.cue is not None for p in predictions_from_reading(reading))
