"""Where the content of an attribution starts and stops (PolNeAR conventions, Newell et
al. 2018, measured on the train file: "that" and quote marks belong to the content, a
closing full stop does not, content stops before a trailing clause)."""

from provenance.extract import grammar as g
from provenance.extract.lexicon import Lexicon
from provenance.extract.sentence import Pair, Sentence, content_end, quote_at, quote_ending
from provenance.extract.text import Tokens, is_close_quote, is_open_quote

_PERIODS = frozenset("week month year weekend night summer winter spring autumn fall season quarter".split())


# What a post or message is called before the words it carries: "posted a cryptic message:".
_POSTED_OBJECTS = g.ISSUED_MEDIA | {"caption", "update", "quote", "photo", "picture", "selfie", "image", "snap", "clip"}


def _posted_object_end(t: Tokens, p: int, n: int) -> int | None:
    """The token after "a (cryptic) message" when a colon or a quotation follows within a few
    words ("posted a cryptic message on Instagram on Monday night: “Praying ...”"): the object
    names the medium, and the quoted words are the content. None otherwise."""
    if t.lower[p] not in ("a", "an", "this", "her", "his", "their", "its"):
        return None
    k = next((k for k in range(p + 1, min(n, p + 4)) if t.lower[k] in _POSTED_OBJECTS), None)
    if k is None or any(not t.words[x].islower() for x in range(p + 1, k)):
        return None
    for x in range(k + 1, min(n, k + 16)):
        if t.words[x] == ":":
            return x + 1  # "shared a cryptic quote to her Instagram Stories: “...”": the quotation
        if is_open_quote(t.words[x]):
            return x
        if t.lower[x] in g.CLAUSE_WORDS or t.words[x] in (",", ".", ";"):
            return None
    return None


def skip_adjuncts(t: Tokens, p: int, n: int) -> int:
    """Skip time phrases and 'in a statement' between a verb and its content."""
    while p < n:
        low = t.lower[p]
        if p + 1 < n and t.lower[p + 1] in ("’s", "'s"):
            break  # "Thursday’s speeches": a possessive, not a time
        if p + 2 < n and t.lower[p + 1] == "and" and t.lower[p + 2] == low and low in ("again", "over"):
            p += 3  # "have told us again and again that", "over and over"
            continue
        if low in g.TIME_WORDS or low in g.ADVERBS and low not in ("not", "never", "now"):
            p += 1
            continue
        if p + 2 < n and low == "time" and t.lower[p + 1] == "and" and t.lower[p + 2] == "again":
            p += 3  # "time and again"
            continue
        if low in ("last", "this", "next") and p + 2 < n and t.lower[p + 1] in _PERIODS and t.lower[p + 2] not in ("’s", "'s"):
            p += 2  # "told the Financial Times last month that ..."
            continue
        if (
            low == "for"
            and p + 1 < n
            and t.lower[p + 1]
            in ("weeks", "months", "years", "days", "decades", "hours", "some", "a", "several")
        ):
            k = p + 1
            while (
                k < n
                and k < p + 4
                and t.lower[k]
                not in ("weeks", "months", "years", "days", "decades", "hours", "time", "while")
            ):
                k += 1
            if k < n and t.lower[k] in (
                "weeks",
                "months",
                "years",
                "days",
                "decades",
                "hours",
                "time",
                "while",
            ):
                p = k + 1
                continue
        anonymity = _anonymity_end(t, p, n)
        if anonymity is not None:
            p = anonymity  # "said on condition of anonymity": how the source spoke, not what
            continue
        posted = _posted_object_end(t, p, n)
        if posted is not None:
            p = posted  # "posted a cryptic message on Instagram: “...”": the message is the quotation
            continue
        platform = _platform_end(t, p, n)
        if platform is not None:
            p = platform  # "said on Facebook they were overwhelmed": where it was said, not what
            continue
        medium = _medium_end(t, p, n)
        if medium is not None:
            p = medium  # "said in his New Year's speech he was ready": the speech is how
            continue
        venue = _venue_end(t, p, n)
        if venue is not None:
            p = venue  # "will allege in court the man was captured": where it is said, not what
            continue
        if (low in g.TIME_LEAD or low == "outside") and p + 1 < n:
            # a short phrase ending in a time word, or "in a statement/interview/letter"
            k = p + 1
            stop = min(n, p + 9)
            hit = -1
            while k < stop:
                lk = t.lower[k]
                if lk in g.TIME_WORDS or lk in g.MONTHS or lk.isdigit():
                    hit = k
                if lk in ("that", ",", ":", "“", '"'):
                    if hit >= 0 or t.lower[p] in ("in", "during", "at", "on", "after", "before", "outside"):
                        # "said after the hearing that ...", "said outside court that ..."
                        hit = k - 1
                    break
                if lk in g.CLAUSE_WORDS or lk in g.AUXILIARIES:
                    break
                k += 1
            if hit >= 0 and (
                hit + 1 >= n
                or t.lower[hit + 1] in ("that", ",", ":", "“", '"')
                or t.lower[p] != "in"
                and (t.lower[hit] in g.TIME_WORDS or t.lower[hit] in g.MONTHS or t.lower[hit].isdigit())
            ):
                p = hit + 1
                continue
        break
    return p


# Where things are said: "allege in court", "told in parliament", "said in the Dáil".
_VENUES = frozenset("court parliament commons senate house chamber dáil dail assembly legislature lords".split())


def _venue_end(t: Tokens, p: int, n: int) -> int | None:
    """The token after "in (the) <venue>" at ``p`` ("in court", "in the Commons"), when a
    clause follows it (not "in court documents"); None otherwise."""
    if t.lower[p] != "in":
        return None
    k = p + 1 + (p + 1 < n and t.lower[p + 1] == "the")
    if k + 1 >= n or t.lower[k] not in _VENUES or not (t.lower[k + 1] in g.DETERMINERS or t.lower[k + 1] in ("that", ":")
                                                      or t.words[k + 1][:1].isupper() or t.lower[k + 1] in g.PRONOUNS):
        return None
    return k + 1


def _to_colon_quote(t: Tokens, m: int, n: int) -> int:
    """From ``m``, after a medium's noun: the colon before a quotation when only a short
    description of the medium stands between ("in a message to supporters shared on the
    club's channels: “...”"), else ``m``."""
    for k in range(m, min(n - 1, m + 12)):
        w = t.lower[k]
        if w == ":" and is_open_quote(t.words[k + 1]):
            return k
        if w in g.AUXILIARIES and w not in ("'s", "’s") or w in g.CLAUSE_WORDS or w == "," or is_open_quote(w):
            break
    return m


def _anonymity_end(t: Tokens, p: int, n: int) -> int | None:
    """The token after "on (the) condition of anonymity" or "on condition that they not be
    named ..." (up to its comma) at ``p``; None when none opens there."""
    if t.lower[p] != "on":
        return None
    k = p + 1 + (p + 1 < n and t.lower[p + 1] == "the")
    if k >= n or t.lower[k] != "condition":
        return None
    if k + 2 < n and t.lower[k + 1] == "of" and t.lower[k + 2] == "anonymity":
        return k + 3
    if k + 1 < n and t.lower[k + 1] == "that":
        return next((x for x in range(k + 2, n) if t.words[x] == ","), n)
    return None


# Nouns of the medium a statement was made in: "in a statement", "in his speech".
MEDIUM_NOUNS = frozenset(
    """statement statements interview interviews speech address letter email e-mail post tweet
    tweets video release conference briefing message note memo op-ed column blog podcast
    broadcast testimony filing affidavit submission report session hearing meeting call""".split()
)


def _platform_end(t: Tokens, p: int, n: int) -> int | None:
    """After "on <a platform>" ("on Facebook", "on X", "on her Instagram story", "on the
    club's website", "on social media"), the index after it; else None."""
    if t.lower[p] != "on" or p + 1 >= n:
        return None
    k = p + 1
    if t.lower[k] in ("his", "her", "their", "its", "our", "the", "a"):
        k += 1
    if k + 1 < n and t.lower[k + 1] in ("’s", "'s"):
        k += 2  # "on the club's website"
    if k + 1 < n and t.lower[k] == "social" and t.lower[k + 1] == "media":
        k += 1
    elif k >= n or t.lower[k] not in _PLATFORMS or t.lower[k] == "x" and (
            t.words[k] != "X" or k + 1 < n and t.words[k + 1][:1].isupper()):
        return None  # not "on X Factor"
    k += 1
    if k < n and t.lower[k] in _PLATFORM_PARTS:
        k += 1
    return k


# Where people post what they say, and the parts of a platform they post on.
_PLATFORMS = frozenset("facebook instagram twitter x tiktok linkedin threads youtube snapchat weibo telegram "
                       "reddit substack bluesky website blog".split())
_PLATFORM_PARTS = frozenset("page pages account feed story stories channel profile post".split())


def _medium_end(t: Tokens, p: int, n: int) -> int | None:
    """After "in/during/at/on/via <a short noun phrase ending in a medium noun>" (at most
    six words, no comma or clause word inside), the index after it; else None."""
    if t.lower[p] not in ("in", "during", "at", "on", "via", "through") or p + 1 >= n:
        return None
    for k in range(p + 1, min(n, p + 7)):
        low = t.lower[k]
        if low in MEDIUM_NOUNS:
            nxt = t.lower[k + 1] if k + 1 < n else ""
            if nxt in g.PREPOSITIONS or nxt.endswith("ed"):
                # "in a statement posted on its website that ...": the phrase goes on to "that",
                # or to the colon before a quotation ("in a message to supporters shared on ...: “...”")
                that = _to_that(t, k + 1, n)
                colon = _to_colon_quote(t, k + 1, n)
                return that if that is not None else colon if colon > k + 1 else None
            return k + 1
        if k == p + 1 and low in ("that", "this"):
            continue  # "claimed in that speech the cost ...": a determiner
        if low in ("that", ",", ":", "“", '"') or low in g.CLAUSE_WORDS or low in g.AUXILIARIES - {"'s", "’s"}:
            return None
    return None


def _to_that(t: Tokens, p: int, n: int) -> int | None:
    """The index of a "that" within nine words of ``p`` with no comma or clause word before
    it, else None ("in a statement to the London Stock Exchange on Wednesday that ...")."""
    for k in range(p, min(n, p + 10)):
        low = t.lower[k]
        if low == "that":
            return k
        if low in (",", ":", "“", '"') or low in g.CLAUSE_WORDS:
            return None
    return None


CONTENT_STARTERS = frozenset(
    [
        "that",
        ":",
        "“",
        '"',
        "''",
        "‘",
        "«",
        "to",
        "how",
        "why",
        "what",
        "whether",
        "if",
        "when",
        "where",
        "who",
        "there",
    ]
)
# Where unquoted content stops before the end of its sentence (PolNeAR convention):
# a new clause after a comma, or a participle that starts another attribution.

STOP_AFTER_COMMA = frozenset(
    """and but which while as even who whom whose saying calling adding noting arguing
    insisting claiming warning explaining describing suggesting according said though
    although""".split()
)


def _new_clause(t: Tokens, k: int) -> bool:
    """Does token ``k``, after a comma, open a trailing clause (", which", ", saying")?"""
    low = t.lower[k]
    return low in STOP_AFTER_COMMA or (
        low.endswith("ing") and len(low) > 5 and t.words[k].islower() and low not in _NOT_PARTICIPLES
    )


_NOT_PARTICIPLES = frozenset(
    "including according regarding during following excluding concerning".split()
)


# Subordinators that open a sentence whose main clause follows a comma.
_SUBORDINATORS = frozenset("while although though whereas".split())


def _subordinate_end(t: Tokens, p: int, end: int) -> int:
    """Where content starting at token ``p`` inside an opening subordinate clause stops:
    at its comma ("While some critics say government should not pay, Jagelewski says
    ..."); ``end`` when the sentence opens no such clause or a comma came before ``p``."""
    if not t.lower or t.lower[0] not in _SUBORDINATORS or "," in t.words[:p]:
        return end
    depth = 0
    for k in range(p, len(t)):
        if t.starts[k] >= end:
            break
        w = t.words[k]
        if w in ("“", "‘"):
            depth += 1
        elif w in ("”", "’") and depth:
            depth -= 1
        elif w == "," and not depth:
            return t.starts[k]
    return end


def _time_before_clause(t: Tokens, k: int) -> bool:
    """Does a span of time and "after"/"before" open at ``k`` ("weeks after", "a day before",
    "two hours after", "shortly after")? It dates the report by another event: the
    narrator's, not the reported clause's."""
    n = len(t)
    j = k
    while j < n and j - k < 3 and (t.lower[j] in _TIME_SPANS or t.lower[j] in ("a", "an", "two", "three", "few", "several", "just", "only", "shortly") or t.lower[j].isdigit()):
        j += 1
    return k < j < n and t.lower[j] in ("after", "before") and t.lower[j - 1] in _TIME_SPANS | {"shortly"}


_TIME_SPANS = frozenset("minutes hours days weeks months years minute hour day week month year".split())


def _second_that_clause(t: Tokens, k: int) -> bool:
    """Does "and that" at ``k`` open a second complement clause of the same reporting verb
    ("..., and that repairs would cost $6.2 million"), not a clause whose subject is "that"
    (", and that was the problem", ", and that means ...")?"""
    n = len(t)
    if k + 2 >= n or t.lower[k] != "and" or t.lower[k + 1] != "that":
        return False
    after = t.lower[k + 2]
    return after not in g.AUXILIARIES and after not in _THAT_AS_SUBJECT and after.isalpha()


# Verbs after which "and that" is a pronoun subject: ", and that means ...".
_THAT_AS_SUBJECT = frozenset("means meant shows showed makes made explains explained is was".split())


# Conjunctions after a dash that open a new clause, no part of the content before it.
_DASH_CONJUNCTIONS = frozenset("but and while although though yet whereas".split())


def stop_in_clause(
    s: Sentence, t: Tokens, k0: int, end: int, subject_first: bool = False, lex: Lexicon | None = None
) -> int:
    """Where unquoted content starting at token ``k0`` stops: at a trailing clause
    (", and he ...", ", which ...", "; ...", a lone dash, a colon) or at ``end``."""
    n = len(t)
    in_quote = False
    for k in range(k0, n):
        if t.starts[k] >= end:
            break
        w = t.words[k]
        if w in ("“", "''") or w == '"' and not in_quote:
            in_quote = True
            continue
        if w in ("”", "''") or w == '"' and in_quote:
            in_quote = False
            if k > k0 and t.words[k - 1] == "," and k + 1 < n and _new_clause(t, k + 1):
                return t.starts[k - 1]  # 'has “expanded the party,” claiming ...'
            continue
        if in_quote:
            continue
        if w == ";" or w == ":" and k > k0 and not (k + 1 < n and is_open_quote(t.words[k + 1])):
            return t.starts[k]
        if w == "-" and k + 1 < n and t.words[k + 1] == "-":
            return t.starts[k]
        if w in ("—", "–") and k + 1 < n and t.lower[k + 1] in _DASH_CONJUNCTIONS:
            return t.starts[k]  # "... on the coast — but the hereditary leaders say": a new clause
        if w == "," and _time_before_clause(t, k + 1):
            return t.starts[k]  # "..., weeks after a bipartisan group of senators accused ...": the narrator's time
        if w == "," and k + 1 < n and t.lower[k + 1] in STOP_AFTER_COMMA:
            nxt = t.lower[k + 2] if k + 2 < n else ""
            if t.lower[k + 1] in ("and", "but") and (nxt.endswith(("ed", "ing")) or nxt in g.IRREGULAR_PAST) and nxt not in g.PRONOUNS:
                continue  # ", and presented to ...": the same clause goes on
            if _second_that_clause(t, k + 1):
                continue  # "said enrolment had fallen, and that repairs would cost ...": the verb's second clause
            if t.lower[k + 1] == "as" and nxt in (
                "well",
                "much",
                "many",
                "long",
                "far",
                "soon",
                "a",
                "the",
                "of",
            ):
                continue  # ", as well as ...": not a new clause
            if t.lower[k + 1] in ("who", "which", "whose") and k - k0 <= 4 and subject_first:
                continue  # "X, who ..., is": a relative clause on the content's subject
            return t.starts[k]
        if (
            w == ","
            and k + 1 < n
            and t.words[k + 1].islower()
            and t.lower[k + 1].endswith("ing")
            and len(t.lower[k + 1]) > 5
            and t.lower[k + 1]
            not in ("including", "according", "regarding", "during", "following", "excluding", "concerning")
        ):
            return t.starts[k]  # ", applauding the state's town halls": a new participial clause
        if w in ("and", "but") and k + 1 < n and t.words[k + 1].islower() and lex is not None:
            cue = lex.verbs.get(t.lower[k + 1])
            if cue is not None and cue.cls == "speech" and not t.lower[k + 1].endswith("ing"):
                return t.starts[k]  # "... and noted that ...": the subject's next statement
    return end


def content_forward(
    s: Sentence, t: Tokens, p: int, cls: str, lenient: bool = False, lex: Lexicon | None = None
) -> tuple[int, int] | None:
    """Content after the cue, starting at token ``p``: char span or None.

    The complementizer "that" and quotation marks belong to the content; a closing full
    stop does not. A quotation that runs past the sentence ends the content; one that
    closes inside it lets the content go on to the end of the clause.
    """
    n = len(t)
    if p >= n or p == n - 1 and t.words[p] == ":":
        return s.next_paragraph  # "X responded:" and the quotation below
    low = t.lower[p]
    if low in (",", ":") and p + 1 < n:
        p += 1
        low = t.lower[p]
    if low != "that" and cls != "speech" and low not in CONTENT_STARTERS:
        if (
            low in g.PREPOSITIONS
            or low in g.AUXILIARIES
            or low in g.CLAUSE_WORDS
            or not t.words[p][:1].isalnum()
            and low[:1] != "$"
        ):
            return None
    if p >= n or t.words[p] in (".", "!", "?"):
        return None
    if not lenient and (
        t.lower[p] in g.CONJUNCTIONS
        or t.lower[p] in g.PREPOSITIONS
        and t.lower[p] not in ("to", "about", "for", "of", "on")
        and not (t.lower[p] == "at" and p + 1 < n and t.lower[p + 1] in ("least", "most")
                 and t.lower[p - 1] not in ("told", "tells", "tell"))  # "say at least six", not "told at least two firms that"
    ):
        return None
    start = t.starts[p]
    end = content_end(s)
    if is_open_quote(t.words[p]):
        q = quote_at(s, start)
        if q and q[1] >= end:
            return (start, q[1])
        if q:
            k = p
            while k < n and t.starts[k] < q[1]:
                k += 1
            end = stop_in_clause(s, t, k, end, lex=lex)
            end = max(end, q[1])
    else:
        # a name opening the content is its clause's subject: "claim Brooks, who rose to fame on
        # Love Island, has already moved" keeps the relative clause and goes on to the verb
        end = stop_in_clause(s, t, p + 1, end, subject_first=lenient or low == "that" or t.words[p][:1].isupper(), lex=lex)
        end = min(end, _subordinate_end(t, p, end))
    while end > start and s.text[end - 1] in " ,":
        end -= 1
    if end - start < 2:
        return None
    return (start, end)


def next_quote(s: Sentence) -> Pair | None:
    """A quotation that opens the next sentence of the paragraph ("“B,” he said. “C.”").

    Not one that closes on a comma ("“C,” she added."): it has its own attribution.
    """
    k = s.end
    while k < len(s.text) and s.text[k] in " \t":
        k += 1
    q = quote_at(s, k)
    if q is not None:
        e = q[1] - 1
        while e > q[0] and s.text[e - 1] in "”\"'’":
            e -= 1
        if s.text[e - 1 : e] == ",":
            return None
    return q


def content_backward(s: Sentence, t: Tokens, left: int) -> tuple[int, int] | None:
    """Content before a clause-final cue whose clause starts at token ``left``.

    It runs from the start of the sentence (or of a quotation that began in an earlier
    sentence) to the comma or closing quote before the source.
    """
    k = left - 1
    if k < 0:
        return None
    w = t.words[k]
    if w in (",", "—", "–"):  # "..., police said." / "... — the arrest affidavit states."
        k -= 1
        if k < 0:
            return None
        w = t.words[k]
    start = s.start
    if is_close_quote(w) or w in ("’", "'"):
        q = quote_ending(s, t.ends[k])
        if q:
            start = min(start, q[0])
            return (start, q[1])
    lead = next((x for x in range(0, min(4, k)) if t.words[x] == ","), -1)
    if lead > 0 and t.lower[0] in g.DISCOURSE:
        start = t.starts[lead + 1]
    e = t.ends[k]
    while e > start and s.text[e - 1] in " ,":
        e -= 1
    if e - start < 3:
        return None
    return (start, e)
