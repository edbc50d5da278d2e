"""Find attributions in one sentence: cue, source noun phrase and content, as offsets.

The patterns are those of news reporting described by Pareti (2016, PARC 3.0) and the
PolNeAR guidelines (Newell et al. 2018): a reporting verb with its subject before or after
it ("X said", "said X", quote-first forms), "according to X" and kin, told/speaking to an
outlet as a relay, "citing X" as an upstream source, and hedges with no source at all.
"""

from provenance.extract import grammar as g
from provenance.extract.content import (
    content_backward,
    content_forward,
    next_quote,
    skip_adjuncts,
)
from provenance.extract.lexicon import Cue, Lexicon
from provenance.extract.phrases import aux_start, np_forward, strip_adjunct, subject_before, tight_np
from provenance.extract.sentence import Found, Pair, Sentence, cap, content_end, quote_at
from provenance.extract.text import Tokens, is_close_quote, is_open_quote
from provenance.models import CueType


def find(s: Sentence, lex: Lexicon) -> list[Found]:
    """All attributions of one sentence, outermost and innermost alike."""
    t = s.toks
    n = len(t)
    out: list[Found] = []
    taken = [False] * n  # tokens already used as a cue or source

    def mark(a: int, b: int) -> None:
        for x in range(a, b + 1):
            taken[x] = True

    # 1. "according to X", "as reported by X", "citing X" at clause level
    nxt = 0  # the first token after the last phrase found
    for i in [k for k, low in enumerate(t.lower) if low in _PHRASE_CUE_STARTS]:
        if i < nxt:
            continue
        low = t.lower[i]
        cue_end = -1
        if low == "according" and i + 1 < n and t.lower[i + 1] == "to":
            cue_end = i + 1
        elif (
            low == "as"
            and i + 2 < n
            and t.lower[i + 1] in ("reported", "quoted", "told", "cited")
            and t.lower[i + 2] in ("by", "to", "in")
        ):
            cue_end = i + 2
        elif (
            low == "in"
            and i + 3 < n
            and t.lower[i + 1] == "the"
            and t.lower[i + 2] in ("words", "view", "opinion")
            and t.lower[i + 3] == "of"
        ):
            cue_end = i + 3
        if cue_end < 0:
            continue
        np_end = np_forward(t, cue_end + 1, n, wide=True)
        if np_end <= cue_end + 1:
            continue
        src = (t.starts[cue_end + 1], t.ends[np_end - 1])
        cue = (t.starts[i], t.ends[cue_end])
        before_comma = i > 0 and t.words[i - 1] == ","
        left_start = s.start
        # content: before the phrase, after it, or both
        after = np_end
        if after < n and t.words[after] == ",":
            after += 1
        has_after = after < n and t.words[after] not in (".", "!", "?")
        has_before = i > 0 and t.starts[i] - s.start > 3
        if has_before and not has_after:
            e = t.starts[i]
            while e > left_start and s.text[e - 1] in " ,":
                e -= 1
            content = (left_start, e)
            direction = "backward" if before_comma else "backward-local"
        elif has_after and not has_before:
            c = content_forward(s, t, after, "speech", lenient=True)
            if c is None:
                continue
            content, direction = c, "forward"
        elif has_after and has_before:
            content, direction = (left_start, content_end(s)), "around"
        else:
            continue
        out.append(
            Found(
                cue=cue,
                cue_type=CueType.according_to,
                source=src,
                content=content,
                direction=direction,
                lemma="according to",
                name=src,
            )
        )
        mark(i, np_end - 1)
        nxt = np_end

    # 1b. "Name: statement" (headlines, transcripts) and "In a new poll, ..."
    if n > 2 and not out:
        f = _colon_attribution(s, t, lex) or _in_document_attribution(s, t, lex)
        if f is not None:
            out.append(f)
            hi = max(x for x in range(n) if t.starts[x] < max(f.cue[1], f.source[1] if f.source else 0))
            mark(0, hi)

    # 1c. noun cues with a possessive source: "Trump’s criticism of X", "his view that ..."
    for f in _noun_attributions(s, t, lex, taken):
        out.append(f)

    # 2. hearers and upstream sources that decorate a verb attribution
    relay_spans: list[tuple[int, Pair, Pair]] = []  # (token index, hearer, evidence)
    upstream_spans: list[tuple[int, Pair, Pair]] = []
    for i in [k for k, low in enumerate(t.lower) if low in _DECORATION_STARTS]:
        low = t.lower[i]
        if low in ("speaking", "talking") and i + 1 < n and t.lower[i + 1] in ("to", "with"):
            e = np_forward(t, i + 2, n)
            if e > i + 2:
                relay_spans.append((i, (t.starts[i + 2], t.ends[e - 1]), (t.starts[i], t.ends[e - 1])))
                mark(i, e - 1)
        elif low == "interview" and i + 1 < n and t.lower[i + 1] == "with":
            e = np_forward(t, i + 2, n)
            if e > i + 2:
                lead = i - 2 if i >= 2 and t.lower[i - 2] == "in" else i
                relay_spans.append((i, (t.starts[i + 2], t.ends[e - 1]), (t.starts[lead], t.ends[e - 1])))
                mark(i, e - 1)
        elif low == "citing" and i + 1 < n:
            e = np_forward(t, i + 1, n, wide=True)
            if e > i + 1:
                upstream_spans.append((i, (t.starts[i + 1], t.ends[e - 1]), (t.starts[i], t.ends[e - 1])))
                mark(i, e - 1)

    # 3. reporting verbs, outside long quotations (a speaker's own words are not
    # attributions of the article; short scare quotes do not count)
    long_quotes = [q for q in s.quotes if s.text.count(" ", q[0], q[1]) >= 6]
    cue_starts = lex.cue_starts
    nxt = 0  # the first token after the last cue that made an attribution
    for i in [k for k, low in enumerate(t.lower) if low in cue_starts]:
        if i < nxt or taken[i] or any(q[0] < t.starts[i] < q[1] for q in long_quotes):
            continue
        hit = _cue_at(t, i, lex)
        if hit is None:
            continue
        after, cue = hit
        f = _verb_attribution(s, t, i, after, cue, lex, taken, out)
        if f is None:
            continue
        # decorations: relays and citing phrases in this clause
        for ti, hearer, ev in relay_spans:
            if abs(ti - i) < 25:
                f.relays.append((hearer, ev))
        for ti, cited, ev in upstream_spans:
            if abs(ti - i) < 25:
                f.upstream.append((cited, ev))
        out.append(f)
        nxt = after
    return out


# First words of the clause-level cue phrases of step 1 and of the decorations of step 2.
_PHRASE_CUE_STARTS = frozenset(["according", "as", "in"])
_DECORATION_STARTS = frozenset(["speaking", "talking", "interview", "citing"])


def _quotation_after(s: Sentence, t: Tokens, p: int) -> bool:
    """Does a quotation of its own (not a quoted title: "on ABC’s “This Week”") open at or
    after token ``p``?"""
    for k in range(p, len(t)):
        if is_open_quote(t.words[k]):
            q = quote_at(s, t.starts[k])
            if q is None or s.text.count(" ", q[0], q[1]) >= 4:
                return True
    return False


def _cue_at(t: Tokens, i: int, lex: Lexicon) -> tuple[int, Cue] | None:
    """A cue verb starting at token ``i``: (index after it, cue)."""
    low = t.lower[i]
    for words, cue in lex.phrasal.get(low, ()):
        k = len(words)
        if tuple(t.lower[i : i + k]) == words:
            return i + k, cue
    cue = lex.verbs.get(low)
    if cue is None:
        return None
    return i + 1, cue


_NOT_SPEAKERS = frozenset(
    """note update editor's editor photo photos source sources watch read related correction
    disclosure video image caption warning breaking exclusive live analysis opinion
    background context example question answer step tip update fact bottom summary
    result results date time location where when what why how latest twitter byline
    contributing hey busted just leaked listen look lol wow""".split()
)


def _colon_attribution(s: Sentence, t: Tokens, lex: Lexicon) -> Found | None:
    """ "Trump: I will win" / "SANDERS: ...": a name, a colon, and what the name says."""
    k = 0
    while k < len(t) and k < 6 and t.words[k] != ":":
        w = t.words[k]
        if not (cap(w) or t.lower[k] in ("’s", "'s", "of", "the", "and") and k > 0):
            return None
        k += 1
    if k == 0 or k > 3 or k >= len(t) - 1 or t.words[k] != ":":
        return None
    if any(len(w) < 2 or w.isupper() and len(w) > 3 for w in t.words[:k]):
        return None  # "A:", "BYLINE:", "BUSTED:": labels, not speakers
    if t.lower[0].rstrip(".") in _NOT_SPEAKERS or t.lower[k - 1] in _NOT_SPEAKERS:
        return None
    if t.lower[0] in lex.documents or t.lower[k - 1] in lex.documents:
        return None
    content = content_forward(s, t, k + 1, "speech")
    if content is None:
        return None
    src = (t.starts[0], t.ends[k - 1])
    return Found(
        cue=(t.starts[k], t.ends[k]),
        cue_type=CueType.other,
        source=src,
        content=content,
        direction="forward",
        lemma=":",
        cls="speech",
        name=src,
    )


_POLL_HEADS = frozenset(
    "poll polls survey surveys study studies report analysis memo filing review audit".split()
)


def _in_document_attribution(s: Sentence, t: Tokens, lex: Lexicon) -> Found | None:
    """ "In a new Fox News poll, Trump leads": the document named by the opening phrase."""
    if t.lower[0] != "in" or len(t) < 5:
        return None
    comma = next((x for x in range(1, min(len(t), 15)) if t.words[x] == ","), -1)
    if comma < 3 or t.lower[1] not in g.DETERMINERS:
        return None
    heads = [x for x in range(2, comma) if t.lower[x] in _POLL_HEADS]
    if not heads:
        return None
    content = content_forward(s, t, comma + 1, "speech")
    if content is None:
        return None
    src = (t.starts[1], t.ends[comma - 1])
    return Found(
        cue=(t.starts[0], t.ends[0]),
        cue_type=CueType.other,
        source=src,
        content=content,
        direction="forward",
        lemma="in",
        cls="speech",
        name=src,
    )


_POSSESSIVES = frozenset("his her their its my our".split())


def _noun_attributions(s: Sentence, t: Tokens, lex: Lexicon, taken: list[bool]) -> list[Found]:
    """Nominal cues after a possessor, who is the source (PolNeAR's convention): the cue is
    the noun and its preposition, the content its complement."""
    out = []
    n = len(t)
    nouns = lex.nouns
    for i in [k for k in range(1, n - 2) if t.lower[k] in nouns]:
        if taken[i]:
            continue
        prev = t.lower[i - 1]
        if prev in _POSSESSIVES:
            src = (i - 1, i - 1)
        elif prev in ("’s", "'s") and i >= 2 and cap(t.words[i - 2]):
            k = i - 2
            while k - 1 >= 0 and cap(t.words[k - 1]) and not taken[k - 1]:
                k -= 1
            src = (k, i - 2)
        else:
            continue
        p = i + 1
        cue_end = i
        if t.lower[p] in ("of", "on", "for", "to", "about", "against", "that"):
            if t.lower[p] != "that" and lex.particles.get((t.lower[i], t.lower[p]), True):
                cue_end = p
                p += 1
        else:
            continue
        content = content_forward(s, t, p, "speech", lex=lex)
        if content is None:
            continue
        span = (t.starts[src[0]], t.ends[src[1]])
        out.append(
            Found(
                cue=(t.starts[i], t.ends[cue_end]),
                cue_type=CueType.other,
                source=span,
                content=content,
                direction="forward",
                lemma=lex.nouns[t.lower[i]],
                cls="stance",
                name=span,
            )
        )
        for x in range(src[0], cue_end + 1):
            taken[x] = True
    return out


def _verb_form_ok(t: Tokens, v: int, low: str, lemma: str, prev: str, a: int) -> bool:
    """Is the cue word at ``v`` used as a finite verb rather than a noun or modifier?

    Base forms ("report", "support") need a plural or pronoun subject or an auxiliary;
    -s forms ("reports", "notes") must not follow a conjunction or an adjective-like word;
    -ing forms need a progressive auxiliary or a participial comma (", saying").
    """
    if " " in lemma:
        return True
    if low.endswith("ing"):
        return a < v or prev in (",", "and", "—", "–", "by", "while", "when", "after", "before", "without")
    if a < v:
        return True
    nxt = t.lower[v + 1] if v + 1 < len(t) else ""
    if lemma in g.NOUNISH_VERBS and low == lemma:
        # "the UN report", "a vote": a noun unless a plural pronoun leads ("they report")
        return prev in ("they", "we", "i", "you", "who", "which", "that")
    if lemma in g.NOUNISH_VERBS and low in (lemma + "s", lemma + "es"):
        # "terror attacks", "the votes": a noun unless a pronoun or a name leads
        return prev in ("he", "she", "it", "who", "which", "that") or (
            v > 0 and cap(t.words[v - 1]) and t.words[v - 1] not in ("The", "A", "An")
        )
    if (low == lemma.split()[0] or low.endswith("s")) and nxt.endswith("ed") and nxt.isalpha():
        return False  # "A United Nations report mentioned": a noun before the real verb
    if low == lemma.split()[0]:
        if low in g.RARELY_NOUNS:
            return (
                prev.isalpha()
                and prev not in g.PREPOSITIONS
                and prev not in g.DETERMINERS
                and prev not in g.CONJUNCTIONS
            )
        return prev in ("i", "we", "they", "you", "who") or (
            prev.endswith("s") and not prev.endswith(("ss", "’s", "'s")) and prev.isalpha()
        )
    if low.endswith("s") and low != lemma and not low.endswith("ss"):
        return prev != "or" and not (
            prev.islower() and prev.endswith(("al", "ive", "ary", "ed", "ful", "ous", "ic", "ent", "ant"))
        )
    return True


def _verb_attribution(
    s: Sentence,
    t: Tokens,
    v: int,
    after: int,
    cue: Cue,
    lex: Lexicon,
    taken: list[bool],
    earlier: list[Found],
) -> Found | None:
    """An attribution around the reporting verb at token ``v``, or None if it is not one."""
    n = len(t)
    low = t.lower[v]
    prev = t.lower[v - 1] if v > 0 else ""
    if v > 0 and not t.words[v].islower() and not is_open_quote(t.words[v - 1]) and not s.title_case:
        return None  # "The Islamic State": a capitalized word mid-sentence is a name
    # a verb form that is really a noun or an infinitive: "the report", "to say"
    if prev in g.DETERMINERS:
        return None
    if prev in ("’s", "'s") and (v < 2 or t.lower[v - 2] not in g.PRONOUNS):
        return None  # "Trump’s claims": a possessive before a noun
    if prev == "to":
        return None
    a, be_before = aux_start(t, v)
    if not _verb_form_ok(t, v, low, cue.lemma, prev, a):
        return None
    if (
        low.endswith("ing")
        and prev in (",", "by", "while", "when", "after", "before", "without", "—", "–")
        and a == v
    ):
        # ", saying ...": the speaker is the subject of the main clause
        return _participle_attribution(s, t, v, after, cue, earlier)
    if cue.lemma == "ask" and (v == 0 or prev in ("when", "if", "after", "before", "while", "once")):
        return _asked_attribution(s, t, v, after, cue, earlier)
    if after < n and t.lower[after] == "by":
        return None  # a participle: "documents published by the CIA"
    if be_before and not low.endswith("ing") and cue.lemma != "ask":
        return None  # a passive: "is believed to", handled as a hedge
    cue_span = (t.starts[a], t.ends[after - 1])
    found_subj = subject_before(t, a)
    subj = name = None
    if found_subj:
        subj, name = found_subj
        if any(taken[x] for x in range(name[0], name[1] + 1)):
            subj = name = None
    # hearer of a verb of telling: "told the Financial Times that ..."
    relays: list[tuple[Pair, Pair]] = []
    p = after
    nxt = t.lower[p + 1] if p + 1 < n else ""
    if p < n and (
        t.lower[p] in ("him", "them", "me", "us", "you")
        or t.lower[p] == "her"
        and (nxt in ("that", "to", "not", ":") or nxt in g.PRONOUNS)
    ):
        p += 1  # "told him she worries", "urged them not to": the addressee is in no span
    elif cue.lemma in g.TELL_LEMMAS and p < n and t.lower[p] not in ("that", ":", ",", "“", '"'):
        e = np_forward(t, p, n)
        if e > p and (
            e >= n
            or t.lower[e]
            in (
                "that",
                ":",
                ",",
                "“",
                '"',
                "''",
                "about",
                "of",
                "in",
                "on",
                "last",
                "this",
                ".",
                "whether",
                "if",
                "why",
                "how",
                "what",
                "when",
                "to",
            )
            or t.lower[e] in g.TIME_WORDS
            or t.lower[e] in g.PRONOUNS
        ):
            relays.append(((t.starts[p], t.ends[e - 1]), (t.starts[a], t.ends[e - 1])))
            p = e
    p = skip_adjuncts(t, p, n)
    if cue.lemma in g.WEAK_CUES and not (
        p >= n or t.lower[p] in ("that", ":", ",", ".") or is_open_quote(t.words[p])
    ):
        return None  # "maintained control", "continues to": only "maintained that ...", "“…,” he continued"
    keep = lex.particles.get((t.lower[after - 1], t.lower[p])) if p + 1 < n else False
    if keep is None:
        keep = p + 1 < n and (
            t.lower[p] in ("of", "about")
            or cue.cls != "speech"
            and t.lower[p] in ("against", "for", "on", "at", "with")
            or t.lower[p] == "to"
            and cue.lemma.split()[0] in g.TO_VERBS
        )
    if keep:
        cue_span = (cue_span[0], t.ends[p])  # "warned of", "called for", "responded to"
        p += 1
    if subj is not None and name is not None:
        src = (t.starts[subj[0]], t.ends[subj[1]])
        name_span = (t.starts[name[0]], t.ends[name[1]])
        fwd = content_forward(s, t, p, cue.cls, lex=lex)
        before = t.words[subj[0] - 1] if subj[0] > 0 else ""
        if cue.lemma in g.EVIDENTIALS and fwd is not None:
            # "[The court] seemed [to send a signal]": no source, the content spans the subject
            return Found(
                cue=cue_span,
                cue_type=CueType.hedge,
                source=None,
                content=(src[0], fwd[1]),
                direction="around",
                lemma=cue.lemma,
                cls="hedge",
            )
        if before == "as" and (p >= n or t.words[p] in (",", ".")):
            # "..., as Western Journalism reported, ...": the whole sentence is the content
            e = content_end(s)
            return Found(
                cue=cue_span,
                cue_type=CueType.verb,
                source=src,
                content=(s.start, e),
                direction="around",
                lemma=cue.lemma,
                cls=cue.cls,
                relays=relays,
                name=name_span,
            )
        set_off = before == "," or is_close_quote(before)
        fwd_quoted = fwd is not None and (is_open_quote(s.text[fwd[0]]) or s.text.startswith("''", fwd[0]))
        adjunct_prefix = (
            t.lower[0] in g.PREPOSITIONS or t.lower[0] in g.CLAUSE_WORDS or t.lower[0].endswith("ing")
        )
        interrupted = set_off and (
            is_close_quote(before) or p < n and t.words[p] == "," and not (fwd_quoted and adjunct_prefix)
        )
        back = content_backward(s, t, subj[0]) if set_off else None
        aside = (
            fwd is not None
            and back is not None
            and is_close_quote(before)
            and not fwd_quoted
            and (is_open_quote(s.text[back[0]]) or s.text.startswith("''", back[0]))
            and s.text[back[0] : back[1]].rstrip("”\"'’ ")[-1:] in (",", "?", "!", "—")
        )
        # "“A,” McCain said, citing low growth" / "“A,” she said of X": an unquoted clause
        # after a closing quotation is the narrator's, not the speaker's
        if aside:
            content, direction = back, "backward"
            if not _quotation_after(s, t, p):
                q = next_quote(s)
                if q:
                    content, direction = (content[0], q[1]), "around"  # "“A,” X said of Y. “B.”"
        elif fwd is not None and back is not None and interrupted:
            content, direction = (back[0], fwd[1]), "around"  # "“A,” X said, “B.”"
        elif fwd is not None:
            content, direction = fwd, "forward"
        elif back is not None and (
            p >= n
            or t.words[p] in (".", "!", "?", ",")
            or t.lower[p]
            in (
                "adding",
                "noting",
                "explaining",
                "according",
                "after",
                "before",
                "in",
                "at",
                "during",
                "when",
                "while",
                "as",
            )
        ):
            content, direction = back, "backward"  # "..., X said." / "“...,” X said."
            if not _quotation_after(s, t, p):
                q = next_quote(s)
                if q:
                    content, direction = (content[0], q[1]), "around"  # "“A,” X said. “B.”"
        else:
            return None
        return Found(
            cue=cue_span,
            cue_type=CueType.verb,
            source=src,
            content=content,
            direction=direction,
            lemma=cue.lemma,
            cls=cue.cls,
            relays=relays,
            name=name_span,
        )
    # inverted: "“...,” said X." / "..., said the official."
    if a > 0 and (t.words[a - 1] == "," or is_close_quote(t.words[a - 1])) or a == 0:
        e = np_forward(t, p, n)
        if e > p:
            src = (t.starts[p], t.ends[e - 1])
            name_src = src
            if (
                e + 1 < n
                and t.words[e] == ","
                and (
                    t.lower[e + 1] in ("a", "an", "the", "who", "whose")
                    or t.lower[e + 1].isdigit()
                    or t.lower[e + 1] in g.ADVERBS
                )
            ):
                # "said Simon Rosenberg, president of NDN, a policy group.": the appositive too
                k = e + 1
                while (
                    k < n
                    and not is_open_quote(t.words[k])
                    and t.words[k] not in (".", "!", "?", ";")
                    and not (
                        t.words[k] == ","
                        and k + 1 < n
                        and (
                            t.lower[k + 1] in ("adding", "saying", "noting", "explaining", "according")
                            or t.words[k + 1].endswith("ing")
                            and t.words[k + 1].islower()
                            and t.lower[k + 1] not in ("including", "managing")
                        )
                    )
                ):
                    k += 1
                src = (t.starts[p], t.ends[k - 1])
                e_app = k
            else:
                e_app = e
            content = content_backward(s, t, a) if a > 0 else None
            direction = "backward"
            if content is None and a == 0 and e_app < n and t.words[e_app] in (",", ":"):
                content, direction = content_forward(s, t, e_app + 1, "speech"), "forward"
            if content is None:
                return None
            if e_app < n and t.words[e_app] == ",":
                c2 = content_forward(s, t, e_app + 1, "speech")
                if c2 is not None and (is_open_quote(s.text[c2[0]]) or s.text.startswith("''", c2[0])):
                    content, direction = (content[0], c2[1]), "around"
            elif e_app >= n or t.words[e_app] in (".", "!", "?"):
                q = next_quote(s)
                if q:
                    content, direction = (content[0], q[1]), "around"
            return Found(
                cue=cue_span,
                cue_type=CueType.verb,
                source=src,
                content=content,
                direction=direction,
                lemma=cue.lemma,
                cls=cue.cls,
                relays=relays,
                name=name_src,
            )
    return None


def _asked_attribution(
    s: Sentence, t: Tokens, v: int, after: int, cue: Cue, earlier: list[Found]
) -> Found | None:
    """ "X said, when asked whether ..." / "Asked what ..., X replied": the question is the
    content and the one asked, the subject of the main clause, is the source."""
    n = len(t)
    p = after
    if p < n and t.lower[p] not in ("whether", "if", "about", "what", "how", "why", "when", "who", "to"):
        return None
    end = next((k for k in range(p, n) if t.words[k] == ","), n) if v == 0 else n
    stop = t.starts[end] if end < n else content_end(s)
    if stop <= t.starts[p]:
        return None
    content = (t.starts[p], stop)
    cue_span = (t.starts[v], t.ends[after - 1])
    if v == 0:
        np = tight_np(t, end + 1, n) if end + 1 < n else None
        if np is None:
            return None
        src = (t.starts[np[0]], t.ends[np[1]])
        return _same_speaker(cue_span, cue, content, [], src)
    return _main_clause_attribution(t, v, cue_span, cue, content, earlier)


def _main_clause_attribution(
    t: Tokens, v: int, cue_span: Pair, cue: Cue, content: Pair, earlier: list[Found]
) -> Found | None:
    """An attribution whose speaker is the main clause's: the last earlier source of the
    sentence, else the noun phrase that opens it ("X said ..., adding", "when asked")."""
    np = tight_np(t, strip_adjunct(t, 0, v - 1), v)
    src = (t.starts[np[0]], t.ends[np[1]]) if np is not None else None
    return _same_speaker(cue_span, cue, content, earlier, src)


def _same_speaker(
    cue_span: Pair, cue: Cue, content: Pair, earlier: list[Found], source: Pair | None
) -> Found | None:
    """A verb attribution reusing the last earlier source before the cue, else ``source``."""
    name = source
    for f in reversed(earlier):
        if f.source is not None and f.cue is not None and f.cue[0] < cue_span[0]:
            source, name = f.source, f.name
            break
    if source is None:
        return None
    return Found(
        cue=cue_span,
        cue_type=CueType.verb,
        source=source,
        content=content,
        direction="forward",
        lemma=cue.lemma,
        cls=cue.cls,
        name=name,
    )


def _participle_attribution(
    s: Sentence, t: Tokens, v: int, after: int, cue: Cue, earlier: list[Found]
) -> Found | None:
    """ ", saying X": a separate attribution whose source is the main clause's subject."""
    content = content_forward(s, t, skip_adjuncts(t, after, len(t)), cue.cls)
    if content is None:
        return None
    cue_span = (t.starts[v], t.ends[after - 1])
    return _main_clause_attribution(t, v, cue_span, cue, content, earlier)
