"""Noun phrases and subjects found without a parser: clause edges from punctuation and
function words, subjects before a verb group, across appositive commas, or after it
("said X"), following the chunking idea of Abney (1991)."""

import re

from provenance.extract import grammar as g
from provenance.extract.lexicon import lexicon
from provenance.extract.sentence import Pair, cap
from provenance.extract.speakers import names_a_source
from provenance.extract.text import Tokens


def is_boundary(t: Tokens, k: int) -> bool:
    """Does token ``k`` end a clause, so that a subject cannot reach across it?"""
    low = t.lower[k]
    if (
        (low == "’" or low == "'")
        and k > 0
        and t.lower[k - 1].endswith("s")
        and k + 1 < len(t)
        and t.words[k + 1][:1].isalnum()
    ):
        return False  # "RealClearPolitics’ David Byler": a possessive
    if low in g.BOUNDARY_PUNCT or low in g.CLAUSE_WORDS or low == "’" or low == "'":
        return True
    if low in ("/", "-") and k + 1 < len(t) and t.words[k + 1] in ("-", "/") or low == "/":
        return True  # "2025 /PRNewswire/ -- Brightfold Robotics": a wire's dateline, a double dash
    if low == "and" or low == "or":
        # without a comma, "and" joins noun phrases ("notes and interviews") far more
        # often than clauses; a following personal pronoun starts a new clause
        nxt = t.lower[k + 1] if k + 1 < len(t) else ""
        return nxt in g.PRONOUNS
    return False


def aux_start(t: Tokens, v: int) -> tuple[int, bool]:
    """Walk left from verb ``v`` over auxiliaries, negation and adverbs.

    Returns the first index of the verb group and whether a form of *be* stands right
    before the verb (a passive or progressive).
    """
    a = v
    be_before = False
    k = v - 1
    while k >= 0:
        low = t.lower[k]
        if low in g.AUXILIARIES and (k == 0 or t.words[k].islower() or t.words[k].isupper()):
            if low in g.BE_FORMS and a == k + 1 and not be_before:
                be_before = True
            a = k
        elif low in g.ADVERBS or (
            low.endswith("ly") and len(low) > 4 and t.words[k].islower() and low not in g.LY_NOUNS  # not "Quealy"
        ):
            a = k
        else:
            break
        k -= 1
    # keep adverbs only when an auxiliary or the verb follows them ("also said")
    return a, be_before


def clause_start(t: Tokens, j: int) -> int:
    """First token of the clause that ends at token ``j`` (a parenthesis inside it, as in
    "Sen. Bernie Sanders (I-Vt.)", does not end it).

    The walk back depends only on where it stands, so it stops at a token whose answer is
    known (``t.clause_starts``): the cues of one long clause ("Smith said Jones said ...")
    cost linear time in all, not quadratic (issue 11, case 2).
    """
    known = t.clause_starts
    if known is None:  # made on first use: most phrases' tokens never ask
        known = t.clause_starts = {}
    k = j
    while k >= 0:
        hit = known.get(k)
        if hit is not None:
            known[j] = hit
            return hit
        if t.words[k] == ")":
            m = k - 1
            while m >= 0 and t.words[m] != "(" and k - m < 10:
                m -= 1
            if m >= 0 and t.words[m] == "(":
                k = m - 1
                continue
        if is_boundary(t, k):
            break
        k -= 1
    known[j] = k + 1
    return k + 1


# Participles that open court and press-conference reports ("Defending, Rhys Pemberton said").
_OPENING_PARTICIPLES = frozenset(
    "defending prosecuting mitigating sentencing passing summing opening closing speaking appearing".split()
)


def participle_opener(t: Tokens, s: int, j: int) -> int:
    """The token after a sentence-opening participial phrase and its comma ("Speaking
    afterwards, she said", "Defending, Rhys Pemberton said"), or ``s`` when none opens at
    ``s``: the participle is no subject. Known verb forms only, so "Manning, the lawyer,
    said" keeps its surname."""
    low = t.lower[s] if s <= j else ""
    if s != 0 or not low.endswith("ing") or not (low in _OPENING_PARTICIPLES or low in lexicon().verbs):
        return s
    return next((k + 1 for k in range(s + 1, min(j, s + 10) + 1) if t.words[k] == ","), s)  # "Speaking to CBC News outside the courthouse,"


def strip_adjunct(t: Tokens, s: int, j: int) -> int:
    """Skip a leading adjunct ('On Monday the official said', 'Speaking afterwards, she
    said'): first token of the subject."""
    s = participle_opener(t, s, j)
    if s < j and t.words[s].isdigit() and s > 0 and t.words[s - 1] == ":":
        s += 1  # "10:05 Network Rail says": the minutes of a timestamp
    while s <= j:
        low = t.lower[s]
        if low in g.CONJUNCTIONS or low in g.ADVERBS or low in ("just", "even", "only", "yet", "instead"):
            s += 1
        elif low in _FRAME_OPENERS and s + 1 <= j and t.words[s + 1] == ",":
            s += 2  # "Elsewhere, housebuilder Merriton fell 4% after saying ..."
        elif s + 2 <= j and t.lower[s + 2] in ("’s", "'s"):
            break  # "Last year’s statistics": a possessive, not a time
        elif (
            low in ("this", "last", "next", "earlier", "later", "that")
            and s + 1 <= j
            and (
                t.lower[s + 1] in g.TIME_WORDS
                or t.lower[s + 1]
                in ("year", "week", "month", "spring", "summer", "fall", "autumn", "winter", "time")
            )
        ):
            s += 2
        else:
            break
    if s <= j and (t.lower[s] in g.PREPOSITIONS or t.lower[s] in ("last", "earlier", "later")):
        comma = next((k for k in range(s + 1, j) if t.words[k] == ","), None)
        if comma is not None:
            return comma + 1  # "In a brief statement to the stock exchange on Monday, Brightwater"
        k = s + 1
        while k <= j:
            low = t.lower[k]
            if (low in g.DETERMINERS and k > s + 1) or low in g.PRONOUNS:
                return k
            k += 1
        return j + 1
    return s


def _name_word(t: Tokens, s: int, j: int) -> bool:
    """Is token j a capitalized word after another ("Theresa May", "Ms. May"), so a name,
    not the modal "may"?"""
    return j > s and t.words[j][:1].isupper() and t.words[j - 1][:1].isupper()


def valid_subject(t: Tokens, s: int, j: int) -> bool:
    """Could tokens s..j be a subject noun phrase?"""
    if s > j or j - s > 40:
        return False
    last = t.lower[j]
    if (
        last in g.PREPOSITIONS
        or last in g.AUXILIARIES and not _name_word(t, s, j)
        or last in g.DETERMINERS - {"two", "three", "both", "all", "many", "some", "several", "others"}
        and not (s == j and last in ("one", "another"))  # "One said:": one of a group named before
        and not (j > s and t.words[j][:1].isupper() and cap(t.words[j - 1]))  # "Channel Nine", "Network Ten"
    ):
        return False
    if not (t.words[j][:1].isalnum()) and t.words[j] != ")":
        return False
    first = t.lower[s]
    if s > 0 and t.lower[s - 1] == "to":
        return False  # "to include expanded checks": an infinitive, not a subject
    if first in ("to", "not"):
        return False
    if j > s and t.lower[j - 1] == "to" and not t.words[j][:1].isupper():
        return False  # "prompting traders to pare bets": "pare" is an infinitive ("a source close to Castellano" is no verb)
    if s > 0 and t.words[s - 1] == "," and first.endswith("ing") and t.words[s].islower() and len(first) > 5:
        return False  # ", prompting traders ...": a participle's clause, no subject
    return True


# Legal-form suffixes written after a comma: "Northgate Bio, Inc."
COMPANY_SUFFIXES = frozenset(("Inc", "Corp", "Co", "Ltd", "Plc", "LLC", "LLP", "AG", "SA", "NV"))


def subject_before(t: Tokens, a: int) -> tuple[Pair, Pair] | None:
    """Token ranges (source as annotated, naming part) of the subject of a verb group."""
    j = a - 1
    if j < 0:
        return None
    if j >= 3 and t.words[j] == "," and t.lower[j - 1] in _INTERJECTED and t.words[j - 2] == ",":
        j -= 3  # "Dana Ruiz, however, said": the adverb between commas is no part of the subject
    low = t.lower[j]
    if low in g.PRONOUNS and low != "who":
        return (j, j), (j, j)
    if low == "which" and j >= 2 and t.words[j - 1] == "," and (cap(t.words[j - 2]) or t.lower[j - 2] in lexicon().documents):
        # "first reported by The Tillamore Ferry Observer, which said": a named body's relative;
        # "released its annual report, which shows that ...": a document's
        return (j, j), (np_backward(t, j - 2), j - 2)
    if low == "who":
        # "Smith, who said ...": the relative pronoun is the source; it names the antecedent
        k = j - 1
        if k >= 0 and t.words[k] == ",":
            k -= 1
        if k < 0:
            return None
        if cap(t.words[k]):
            b = np_backward(t, k)
            described = _apposition_head(t, b)
            return (j, j), described if described is not None else (b, k)
        head = _restricted_head(t, k) if t.words[k].isalpha() and t.words[k].islower() else -1
        if head > 0 and t.lower[head - 1] not in g.BE_FORMS:
            return (j, j), (head, k)  # "by those who say", "many residents who"; not "is a nurse who"
        s = clause_start(t, k)
        s = strip_adjunct(t, s, k)
        if valid_subject(t, s, k) and k - s < 8:
            return (j, j), (s, k)
        return (j, j), (j, j)
    if low in ("and", "but") and j > 0:
        # "X doubled down on his comments and said": the subject of the first verb, at the
        # start of its clause (after a leading adjunct), else at the start of the sentence
        s1 = strip_adjunct(t, clause_start(t, j - 1), j - 1)
        after_that = s1 > 0 and t.lower[s1 - 1] == "that" and j + 1 < len(t) and t.lower[j + 1] in _FINITE_REPORTS
        e = tight_np(t, s1, j) if not after_that else None
        # (a verb of saying after a that-clause is the main clause's: "confirmed that two people
        # had been arrested but said no one was injured" is the confirmer's)
        if e is not None and (s1 == 0 or _before_a_verb(t, e[1] + 1)):
            return _with_apposition(t, e, j) or (e, e)
        e = tight_np(t, strip_adjunct(t, 0, j - 1), j)
        if e is not None and not _inside_that_clause(t, e[1], j):
            return _with_apposition(t, e, j) or (e, e)
        return None
    while (
        j > 1
        and (t.lower[j] in g.TIME_WORDS or t.lower[j] in g.MONTHS or t.lower[j].isdigit())
        and t.lower[j - 1] in ("on", "last", "this", "in", "late", "early", "earlier")
    ):
        j -= 2  # "X, the minister, on Monday said": the time is no part of the subject
    while j > 0 and t.lower[j] in ("today", "yesterday", "tonight"):
        j -= 1  # "Acme Inc. today announced": the day is no part of the subject
    if t.words[j] == ",":
        return subject_across_commas(t, j)  # "Lumora, a biotechnology company, today announced"
    s = clause_start(t, j)
    if s >= 2 and t.words[s - 1] == "," and t.words[s].rstrip(".") in COMPANY_SUFFIXES:
        s = clause_start(t, s - 2)  # "Northgate Bio, Inc.": the suffix belongs to the name
    if s >= 2 and t.lower[s - 1] in ("who", "which", "whose") and t.words[s - 2] != "," and _holds_a_verb(t, s, j):
        s = clause_start(t, s - 2)  # "The family of a man who died in the jail has sued", "A neighbor whose
        # mailbox was flattened said": the whole subject
    s = _from_quantifier(t, strip_adjunct(t, s, j), j)
    s = _after_perception(t, s, j)
    if s < j and t.lower[s] in _FINITE_REPORTS and t.words[s].islower():
        s += 1  # "Petrovic, who chairs the committee, said staff had recommended": "staff", not "said staff"
    if valid_subject(t, s, j):
        return (s, j), (s, j)
    return None




def _apposition_head(t: Tokens, b: int) -> Pair | None:
    """Before "who": when the name ending there is the object of "at"/"of"/"for" inside an
    apposition ("Masaru Ikeda, a fund manager at Shiroyama Asset Management, who added"),
    the name the apposition describes, for "who" is a person; else None."""
    if b < 1 or t.lower[b - 1] not in ("at", "of", "for", "with", "from"):
        return None
    c = next((x for x in range(b - 2, max(-1, b - 10), -1) if t.words[x] == ","), None)
    if c is None or c < 1 or not cap(t.words[c - 1]):
        return None
    return np_backward(t, c - 1), c - 1


def _inside_that_clause(t: Tokens, e: int, j: int) -> bool:
    """Does a that-clause open between the sentence's subject (ending at ``e``) and the "and"
    at ``j``, so that an act of making public after "and" is that clause's ("told NHK that the
    ministry was ... and would publish the findings")?"""
    k = j + 1
    while k < len(t) and t.lower[k] in g.AUXILIARIES:
        k += 1
    verb = t.lower[k] if k < len(t) else ""
    return verb.startswith(_CONTENT_ACTS) and any(t.lower[x] == "that" for x in range(e + 1, j))


# Acts of making public that a reported clause goes on with: "and would publish the findings".
_CONTENT_ACTS = ("publish", "releas", "post", "shar", "issu", "present")


def _after_perception(t: Tokens, s: int, j: int) -> int:
    """Where the subject of a bare infinitive after a verb of perception starts: after that
    verb ("he heard students shout": "students", who shouted, not "he heard students")."""
    if j + 1 >= len(t) or t.lower[j + 1].endswith(("s", "ed")) or any(w in ("who", "that", "which") for w in t.lower[s:j]):
        return s  # only before a bare infinitive, and not in a relative clause ("Residents who saw the fire said")
    for k in range(j - 1, s - 1, -1):
        if t.lower[k] in _PERCEPTION and t.words[k].islower():
            return k + 1
    return s


_PERCEPTION = frozenset("heard hears saw sees watched".split())
# Finite forms of the commonest reporting verbs: the verb of an outer report, no part of a subject.
_FINITE_REPORTS = frozenset("said says told tells added adds wrote writes noted notes insisted argued claimed stated".split())


def _restricted_head(t: Tokens, k: int) -> int:
    """First token of the noun a restrictive "who" clause hangs on, ending at ``k``: the
    noun with its determiners ("those", "many residents", "the people"); the clause limits
    that noun, so it is the antecedent, never a name further back (Huddleston & Pullum
    2002, ch. 12)."""
    s = k
    while s > 0 and t.lower[s - 1] in g.DETERMINERS:
        s -= 1
    return s


def _with_apposition(t: Tokens, e: Pair, j: int) -> tuple[Pair, Pair] | None:
    """The first verb's whole subject when an apposition follows the short one ("A Pentagon
    spokeswoman, Lt. Col. Maria Gomez, declined ... but said": its subject as the first verb
    has it, so that the name speaks); None when no apposition follows."""
    k = e[1] + 1
    if k >= j or t.words[k] != ",":
        return None
    close = next((x for x in range(k + 1, min(j, k + 10)) if t.words[x] == ","), None)
    if close is None or not _before_a_verb(t, close + 1):
        return None
    return subject_before(t, close + 1)


def _holds_a_verb(t: Tokens, s: int, j: int) -> bool:
    """Does s..j hold a finite verb (a word in -ed or an auxiliary), so that it is the rest
    of a relative clause rather than a subject?"""
    return any(
        t.lower[k] in g.AUXILIARIES or t.words[k].islower() and (
            t.lower[k].endswith("ed") or t.lower[k] in g.IRREGULAR_PAST or t.lower[k] in _PERCEPTION
        )
        for k in range(s, j + 1)
    )  # "Residents who saw the fire said": "saw" is the relative clause's verb


_QUANTIFIERS = frozenset("many most some several few all both".split())


def _from_quantifier(t: Tokens, s: int, j: int) -> int:
    """Where a subject starts when a predicate's last word stands before its quantifier
    ("... are so angry many people think": "many people")."""
    for k in range(s + 1, min(j, s + 2) + 1):
        if t.lower[k] in _QUANTIFIERS and all(t.words[x].islower() and t.lower[x] not in ("of", "and") for x in range(s, k)):
            return k
    return s


def _before_a_verb(t: Tokens, k: int) -> bool:
    """Is token ``k`` a verb, so the phrase before it can be its subject ("Authorities
    described ... and said", not "as a carjacking and said")? An auxiliary, a reporting
    verb or a word in -ed or -s."""
    if k >= len(t):
        return False
    low = t.lower[k]
    return low in g.AUXILIARIES or low in lexicon().verbs or t.words[k].islower() and low.endswith(("ed", "s"))


# Sentence adverbs set off by commas between a subject and its verb.
_INTERJECTED = frozenset("however meanwhile though too also instead nevertheless moreover therefore".split())


def tight_np(t: Tokens, s0: int, limit: int) -> Pair | None:
    """A short noun phrase at ``s0``: determiners, then a capitalized name or up to four
    lowercase words; used where a subject must be found without a clause to bound it."""
    e = s0
    while e < limit and t.lower[e] in g.DETERMINERS:
        e += 1
    if e < limit and t.lower[e] in g.PRONOUNS:
        return (e, e)
    if e < limit and cap(t.words[e]):
        while e < limit and (
            cap(t.words[e])
            or t.lower[e] in ("’s", "'s", "of", "the", "for")  # "Minister for Education Carmel Dunleavy"
            and e + 1 < limit
            and cap(t.words[e + 1])
        ):
            e += 1
        if e < limit and t.words[e].islower() and t.lower[e] in lexicon().roles:
            e += 1  # "A Pentagon spokeswoman": the role after the name that qualifies it
            if e + 1 < limit and t.words[e].islower() and t.lower[e] in lexicon().roles and cap(t.words[e + 1]):
                e += 1  # "Tasman Reef chief executive Bronwyn Ashcroft": a role of two words
            while e < limit and cap(t.words[e]) and t.words[e].isalpha():
                e += 1  # "Married At First Sight groom Brody Kinsella": the name after the role
    else:
        while (
            e < limit
            and e - s0 < 4
            and t.words[e].replace("-", "").isalpha()  # "dairy co-operative"
            and t.words[e].islower()
            and t.lower[e] not in g.PREPOSITIONS
            and t.lower[e] not in g.AUXILIARIES
            and t.lower[e] not in g.DETERMINERS
            and (e == s0 or t.lower[e] not in lexicon().verbs)  # "the company said ...": the verb ends it
        ):
            e += 1
        if e > s0 and e < limit and cap(t.words[e]) and t.words[e].isalpha() and names_a_source(t.lower[e - 1]):
            while e < limit and cap(t.words[e]) and t.words[e].isalpha():
                e += 1  # "housebuilder Merriton", "the lender Harwell": the name after its trade
    return (s0, e - 1) if e > s0 else None


def np_backward(t: Tokens, k: int) -> int:
    """First index of the capitalized name or noun phrase that ends at token ``k``."""
    s = k
    while (
        s - 1 >= 0
        and (cap(t.words[s - 1]) or t.lower[s - 1] in ("of", "the", "for"))
        and not is_boundary(t, s - 1)
    ):
        s -= 1
    while s < k and t.lower[s] in ("of", "for"):
        s += 1
    return s


def appositive(t: Tokens, s: int, e: int) -> bool:
    """Is tokens s..e an appositive or relative clause that can sit after a subject?"""
    first = t.lower[s]
    if first in ("a", "an", "the", "who", "which", "whose", "whom", "where", "and", "now", "then", "himself", "herself"):
        return True
    if first.isdigit():  # age: "Smith, 47, said"
        return True
    if t.words[s].islower() and (first.endswith("ed") or first.endswith("ing")):
        return True  # "the report, released Monday, said"
    return s <= e and any(w in ("of", "at", "for") for w in t.lower[s : e + 1])


def segment_np_like(t: Tokens, s: int, e: int) -> bool:
    """Can the comma-delimited segment s..e be (the start of) a subject noun phrase?"""
    low = t.lower[s]
    if (
        low in g.PREPOSITIONS
        or low in g.CLAUSE_WORDS
        or low in g.CONJUNCTIONS
        or low in ("according", "last", "next", "earlier", "later", "however")
    ):
        return False
    if low in g.TIME_WORDS or low in g.MONTHS:
        return False
    if _has_verb_group(t, s, e):
        return False  # "The plan will work, said Smith": a clause, the content
    return low in g.DETERMINERS or low in g.PRONOUNS or cap(t.words[s]) or low.isdigit() or _titled_name(t, s, e)


def _titled_name(t: Tokens, s: int, e: int) -> bool:
    """Is segment s..e a name after a few lowercase words ("senior Tyrell Banks", "former
    editor Ann Lutz"): a role before the name, not a clause?"""
    k = s
    while k <= e and t.words[k].isalpha() and t.words[k].islower() and t.lower[k] not in g.PREPOSITIONS:
        k += 1
    if not (s < k <= e and all(cap(w) for w in t.words[k : e + 1])):
        return False
    # a longer description when a role noun ends it: "local dog walker and retired engineer Kevin Sun"
    return k - s <= 3 or k - s <= 7 and t.lower[k - 1] in lexicon().roles


# Words that open a relative clause after a noun: "a man who has lived here", "Kenton
# County, where the school is situated,".
_RELATIVES = frozenset(("who", "which", "that", "whose", "whom", "where"))


def _has_verb_group(t: Tokens, s: int, e: int) -> bool:
    """Does segment s..e hold an auxiliary or modal after its first word, before any
    relative pronoun ("the plan will work", not "a man who has lived here")?"""
    if t.lower[s] in _RELATIVES:
        return False
    for k in range(s + 1, e + 1):
        low = t.lower[k]
        if low in _RELATIVES:
            return False
        if low in g.AUXILIARIES and low.isalpha() and t.words[k].islower():
            return True
        if low in ("’s", "'s", "’re", "'re") and t.lower[k - 1] in _CLITIC_HOSTS:
            return True  # "It’s too early to say, said X": "it is", not a possessive
    return False


_CLITIC_HOSTS = frozenset("it that there he she what who we you they here".split())


# Conjunctions that open a sentence and join it to the one before, no part of its subject.
_JOINING = frozenset(("but", "and", "so", "yet"))


# A US legislator's party and state after the name: "D-N.M.", "R-Texas", "I-Vt.".
_PARTY_TAG = re.compile(r"[DRI]-[A-Z][A-Za-z.]{0,12}")


def _segment_kind(t: Tokens, a: int, b: int) -> str:
    """'np', 'apposition', 'aside' (an adjunct or participial clause: ", in a bid to ...,",
    ", citing ...,") or 'other', for a comma-delimited segment."""
    first = t.lower[a]
    if a < b and first in _JOINING:
        return _segment_kind(t, a + 1, b)  # "But local dog walker Kevin Sun, 68, said"
    if a == b and first.isdigit():
        return "apposition"  # an age: "Kevin Sun, 68, said"
    if _PARTY_TAG.fullmatch("".join(t.words[a : b + 1])):
        return "apposition"  # a party and state: "Sen. Tomás Villarreal, D-N.M., said"
    if first.endswith("ing") and first not in ("including",) and (
        t.words[a].islower() or a == 0 and (first in _OPENING_PARTICIPLES or first in lexicon().verbs)
    ):
        return "aside"  # ", citing ...,"; "Speaking to CBC News outside the courthouse, X said"
    if t.words[a].islower() and a + 1 <= b and t.lower[a + 1] == "by":
        return "aside"  # ", sent by a senior official,": a participle and its agent
    if t.words[a].islower() and a < b and first.endswith("ed") and t.lower[a + 1] in g.PREPOSITIONS:
        return "aside"  # ", published on Wednesday in the journal X,", ", based in Lüneburg,": a participle
    if first in g.PREPOSITIONS and first not in ("of",) or first in _FRAME_OPENERS and a == 0:
        return "aside"  # "Outside court, one of his victims, ... told": where, not who
    if segment_np_like(t, a, b):
        return "np"
    if _has_verb_group(t, a, b):
        return "other"  # "the family will find a way": a clause, not an apposition
    if appositive(t, a, b):
        return "apposition"
    return "other"


# Words opening a sentence's frame of place or time that the preposition list does not hold.
_FRAME_OPENERS = frozenset("outside inside later earlier meanwhile elsewhere afterwards separately".split())


def subject_across_commas(t: Tokens, comma: int) -> tuple[Pair, Pair] | None:
    """Subject separated from its verb by appositives: 'Joscelyn, a fellow at FDD, said'.

    Walks left over comma-delimited segments; the subject is the leftmost noun-phrase-like
    segment of the run of noun phrases, appositions and asides that ends at the verb.
    Returns (source as annotated: the subject with its appositions, the naming part).
    """
    segments: list[Pair] = []
    k = comma
    while k >= 0 and len(segments) < 5:
        seg_end = k - 1
        seg_start = seg_end
        while seg_start >= 0 and t.words[seg_start] not in (",", ";", ":", "“", "”", '"', "—", "/") \
                and not (t.words[seg_start] == "-" and seg_start > 0 and t.words[seg_start - 1] == "-"):
            if t.words[seg_start] == ")":  # "(NASDAQ: LMRA)" is read whole, its colon no boundary
                opening = next((x for x in range(seg_start - 1, max(-1, seg_start - 10), -1) if t.words[x] == "("), -1)
                seg_start = opening if opening >= 0 else seg_start
            seg_start -= 1
        seg_start += 1
        if seg_start > seg_end:
            break
        segments.append((seg_start, seg_end))
        if seg_start == 0 or t.words[seg_start - 1] != ",":
            break
        k = seg_start - 1
    kinds = [_segment_kind(t, a, b) for a, b in segments]
    chosen = None
    for i, kind in enumerate(kinds):
        if kind == "other":
            break
        if kind == "np":
            chosen = i
    if chosen is None:
        return None
    a, b = segments[chosen]
    if a < b and t.lower[a] in _JOINING:
        a += 1  # "But local dog walker Kevin Sun, 68, said": the conjunction joins the sentence
    # the subject of a relative clause: "a country that [the nominee], Mitt Romney, ..."
    for x in range(a, b + 1):
        if t.lower[x] in ("which", "who", "whose", "that"):
            nxt = t.lower[x + 1] if x + 1 <= b else ""
            if nxt in g.DETERMINERS or nxt in g.PRONOUNS or x + 1 <= b and cap(t.words[x + 1]):
                a = x + 1
            else:
                b = x - 1
            break
    a = _after_frame(t, a, b)
    if not valid_subject(t, a, b):
        return None
    end = b
    for i in range(chosen - 1, -1, -1):  # appositions after the subject, up to an aside
        if kinds[i] == "aside":
            break
        end = segments[i][1]
    if chosen >= 1 and kinds[chosen - 1] == "np" and _owned_then_named(t, (a, b), segments[chosen - 1]):
        return (a, end), segments[chosen - 1]  # "Daly's ex-husband, music producer Darnell Whitaker,": Whitaker
    return (a, end), (a, b)


def _after_frame(t: Tokens, a: int, b: int) -> int:
    """Where a subject starts after a frame that opens its clause ("It comes after Brooke
    Tanaka, 31, told": "Brooke Tanaka"; "This comes as the minister, ..., said"): a pronoun, a
    verb of sequence and a subordinator, then the subject."""
    if b - a >= 3 and t.lower[a] in ("it", "this", "that") and t.lower[a + 1] in _SEQUENCE_VERBS \
            and t.lower[a + 2] in _FRAME_ENDS:
        return a + 3
    return a


# Verbs of sequence in a frame: "It comes after", "This came as", "That follows".
_SEQUENCE_VERBS = frozenset("comes came follows followed".split())
# Subordinators that end a frame before a subject: "It comes after", "This comes as".
_FRAME_ENDS = frozenset("after before as since because while until".split())


def _owned_then_named(t: Tokens, owned: Pair, named: Pair) -> bool:
    """Is ``owned`` a relation of its possessor ("Daly's ex-husband", "the victim's sister") and
    ``named``, the apposition after it, a phrase ending in a capitalized name of two words
    ("music producer Darnell Whitaker")? The apposition names who speaks; the possessor is
    someone else. (A role owned by a body, "the club's chairman", is read with its owner.)"""
    a, b = owned
    c, d = named
    if not (d > c and cap(t.words[d]) and cap(t.words[d - 1])):
        named_in = any(cap(t.words[x]) and cap(t.words[x + 1]) for x in range(c, d))
        if not (named_in and any(t.lower[x] in _PERSONAL_POSSESSIVES for x in range(a, b)) and t.words[b].islower()):
            return False  # "Senator Wade Ostrander of Kansas": a name, then where from
    if any(t.lower[x] in _PERSONAL_POSSESSIVES for x in range(a, b)) and t.words[b].islower():
        return True  # "Her Republican co-sponsor, Senator Wade Ostrander,", "one of his victims, retiree Lorraine Batt,"
    return any(t.lower[x] in ("’s", "'s") for x in range(a, b)) and t.lower[b].removeprefix("ex-") in g.POSSESSED_PEOPLE


# Possessive pronouns that make a phrase someone's relation: "her co-sponsor", "one of his victims".
_PERSONAL_POSSESSIVES = frozenset("her his their my our".split())


def _verb_after(t: Tokens, k: int) -> bool:
    """Is token ``k`` a verb form after "'s" read as "is"/"has" ("the plan's been dropped",
    "it's going")? A participle or an -ing form, or a function word such as "not"."""
    low = t.lower[k]
    return low.endswith(("ed", "ing", "en")) or low in g.NEGATIONS or low in g.DETERMINERS or low in g.PRONOUNS


def np_forward(t: Tokens, i: int, limit: int, wide: bool = False) -> int:
    """Index after a noun phrase starting at ``i`` (``i`` itself when there is none).

    ``wide`` lets prepositional modifiers in ("a poll by Gallup of likely voters").
    """
    k = i
    n = min(len(t), limit)
    seen_head = False
    while k < n:
        w, low = t.words[k], t.lower[k]
        if w == "(" and seen_head and cap(t.words[k - 1]):
            close = next((x for x in range(k + 1, min(n, k + 8)) if t.words[x] == ")"), -1)
            if close > 0 and any("-" in t.words[x] for x in range(k + 1, close)):
                k = close + 1  # "Sen. Ted Cruz (R-Texas)"
                continue
        if low in g.BOUNDARY_PUNCT or low in (".", "!", "?") or low in ("’", "'") and k > i:
            break
        if low in (
            "that",
            "which",
            "who",
            "whom",
            "whose",
            "where",
            "when",
            "while",
            "because",
            "as",
            "if",
            "than",
        ):
            break
        if low in ("and", "or"):
            nxt = t.words[k + 1] if k + 1 < n else ""
            if seen_head and (cap(nxt) and cap(t.words[k - 1]) or nxt.lower() in ("other", "others")):
                k += 1
                continue
            break
        if low in g.PREPOSITIONS:
            nxt = t.words[k + 1] if k + 1 < n else ""
            if not seen_head:
                break
            if low in g.NP_PREPOSITIONS and (wide or cap(nxt) or nxt.lower() in g.DETERMINERS or low == "of"):
                k += 1
                continue
            break
        if low in ("'s", "’s") and seen_head and k + 1 < n and t.words[k + 1].isalpha() and not _verb_after(t, k + 1):
            k += 1  # a possessive: "the county clerk's office"
            continue
        if low in g.AUXILIARIES or low in g.NEGATIONS:
            break
        if (
            k > i
            and low in g.TIME_WORDS
            and (w.islower() or t.lower[k - 1] in ("on", "last", "this", "next", "by", "since", "until"))
        ):
            break  # "said the official on Monday", but "the Sunday Times"
        seen_head = True
        k += 1
    # do not end on a determiner or preposition ("Channel Nine" ends on a name)
    while k > i and (
        t.lower[k - 1] in g.PREPOSITIONS
        or t.lower[k - 1] in g.DETERMINERS and not (k - 1 > i and cap(t.words[k - 1]) and cap(t.words[k - 2]))
        or t.lower[k - 1] in ("and", "or")
    ):
        k -= 1
    return k
