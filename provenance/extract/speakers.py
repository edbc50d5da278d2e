"""Who can be a speaker: small rules that keep pronouns, function words, places and bodies
from being named as the person behind a quote.

Used by coreference (``mentions.Registry``) and by the assembly of chains (``pipeline``):
"he"/"she" take only a person whose given name does not contradict the pronoun (agreement,
as in Hobbs 1978 and Lappin & Leass 1994), and a name with a place or body word in it
("Douglas County", "Dixon Hall", "Vancouver Minor Hockey") is no person at all.
"""

import re
from functools import cache
from importlib import resources
from itertools import takewhile

from provenance.extract import grammar as g
from provenance.extract.lexicon import lexicon
from provenance.extract.sentence import Found
from provenance.models import CueType

# Closed-class words: a source name made only of these names nobody (DESIGN.md: a chain
# link is never a pronoun left unresolved, a relative pronoun or a function word).
FUNCTION_WORDS = (
    g.PRONOUNS
    | g.DETERMINERS
    | g.AUXILIARIES
    | g.PREPOSITIONS
    | g.CLAUSE_WORDS
    | g.CONJUNCTIONS
    | g.ADVERBS
    | g.DISCOURSE
    | frozenset(
        """me my mine us our ours your yours him his hers them their theirs its itself himself
        herself themselves ourselves myself yourself there here very somehow nobody somebody
        someone anyone anybody everyone everybody no-one none nothing something everything
        perhaps maybe exactly indeed otherwise having ok okay yes only every whatever whichever
        more most less least than""".split()
    )
)

# Words that make a capitalized phrase a place, a building, an event or a body, not a
# person's name ("Douglas County", "Canadian Pacific Railways", "Vancouver Minor Hockey").
NOT_PERSON_WORDS = frozenset(
    """county city town township village province district region valley river mountains coast
    avenue street road boulevard square airport station centre center building hospital clinic
    school high college university academy museum library stadium arena hotel mall railway railways
    airlines airways hockey football soccer baseball basketball cricket rugby league cup games
    trophy championship championships tournament prize olympics festival awards parliament senate congress assembly legislature government ministry
    department agency police army navy forces party democrats republicans liberals conservatives
    tories labour greens company corporation inc ltd llc bank fund trust news times network
    channel radio television tv project program programme report island islands affairs services
    health energy resources development christmas easter thanksgiving hanukkah diwali ramadan
    barracks bridge harbour harbor port pier wharf terminal depot base camp prison jail gaol""".split()
) | g.TIME_WORDS | g.MONTHS - {"may", "june", "april", "august"}  # "Tuesday" is no person; "June Smith" is
# Words that end both place names and surnames ("Dixon Hall", "Lena Park"): a place unless
# the phrase opens with a known given name.
PLACE_OR_SURNAME = frozenset("park hall house church court bridge tower lake hill temple market beach port".split())

# Particles inside personal names ("Ludwig van Beethoven", "Osama bin Laden").
_NAME_PARTICLES = g.NAME_PARTICLES | {"st"}

# Adjectives of nationality or region that open names of bodies, not of people.
DEMONYMS = frozenset(
    """american canadian british english scottish welsh irish french german italian spanish
    portuguese dutch belgian swiss austrian swedish norwegian danish finnish polish russian
    ukrainian chinese japanese korean indian pakistani afghan iranian iraqi syrian israeli
    palestinian saudi egyptian turkish greek mexican brazilian argentine australian african
    european asian arab muslim christian jewish catholic federal national provincial
    municipal royal pacific atlantic northern southern eastern western north south east west
    central united new""".split()
)


@cache
def first_names() -> dict[str, str]:
    """Given names (lower case) and their usual gender: 'm', 'f' or 'u' (either).

    The table is package data built by ``scripts/build_first_names.py``.
    """
    raw = resources.files("provenance.data").joinpath("first_names.tsv").read_text(encoding="utf-8")
    out: dict[str, str] = {}
    for line in raw.splitlines():
        name, _, gender = line.partition("\t")
        if name:
            out[name] = gender or "u"
    return out


def is_function_words(name: str) -> bool:
    """Is ``name`` made only of closed-class words ("who", "It", "some some", "Had")?"""
    words = [w.strip(".,;:!?\"'“”‘’()").lower() for w in name.split()]
    words = [w for w in words if w]
    return not words or all(w in FUNCTION_WORDS for w in words)


def gender_of(names: list[str]) -> str | None:
    """The usual gender of a person's first name ('m', 'f', 'u'), None when unknown. An
    Arabic article "Al"/"El" before another name ("Abir Al Basha" named as "Al Basha") is
    no given name, so it tells nothing."""
    if not names:
        return None
    first = names[0].rstrip(".").lower()
    if first in _ARTICLE_PARTICLES and len(names) > 1:
        return None
    return first_names().get(first)


_ARTICLE_PARTICLES = frozenset(("al", "el"))


def agrees(pronoun: str, names: list[str], told: "TextGender | None" = None) -> bool:
    """Can "he" or "she" refer to a person named ``names``? False only when the given
    name is usually of the other gender ("she" and "Mark Duffy"); for names the list does
    not know or gives both genders ("Jordan", "Jayme"), the article's own pronouns
    (``told``) decide."""
    gender = gender_of(names)
    if (gender is None or gender == "u") and told is not None:
        gender = told.of(names)
    if gender is None or gender == "u":
        return True
    return gender == ("m" if pronoun == "he" else "f")


def could_be_person(names: list[str]) -> bool:
    """Could a capitalized phrase be a person's name? Not when a word in it names a place,
    a building or a body, or a capitalized function word sits inside; nor, unless it opens
    with a known given name, when a nationality ("Canadian Pacific", "Covington Catholic")
    or a place word ("Dixon Hall") is in it."""
    folded = [w.strip(".,’'").lower() for w in names]
    folded = [w[:-2] if w.endswith(("’s", "'s")) else w for w in folded]
    if not folded or any(w in NOT_PERSON_WORDS for w in folded):
        return False
    if any(w.endswith(("’s", "'s")) for w in names[:-1]):
        return False  # "Toronto's Out": a possessive inside is no personal name
    if folded[0] in FUNCTION_WORDS and not (len(folded) == 1 and folded[0] in g.SURNAME_MODALS):
        return False  # "Unlike Al Turkmani": a sentence opener, not a given name ("Ms. May" is one)
    if any(w in FUNCTION_WORDS and w not in _NAME_PARTICLES for w in folded[1:]):
        return False  # "Peace By Chocolate": a capitalized function word inside is a title
    if folded[0] in first_names():
        return True
    lex = lexicon()
    if all(w in lex.roles or w in lex.offices or w in _TITLE_WORDS for w in folded):
        return False  # "Chief Executive Officer", "Executive Officer": a title, no name
    places = lex.places
    return not any(w in DEMONYMS or w in PLACE_OR_SURNAME or w in places for w in folded)


# Words of titles that are neither roles nor offices alone: "Chief Executive Officer".
_TITLE_WORDS = frozenset("chief executive deputy senior general principal acting managing assistant".split())


# Cue classes whose content is what the source says or holds true, whatever its shape.
_STATING = frozenset(("speech", "finding", "belief"))
# Stance verbs that are acts of saying: their content is said even without a clause
# ("the report warned of cholera", "she urged calm").
SPEECH_ACTS = frozenset(
    """warn argue claim insist allege assert stress emphasize emphasise caution maintain deny
    accuse urge recommend predict demand charge contend complain concede acknowledge admit
    question dispute vow pledge promise threaten swear blame""".split()
)


# Speech verbs whose object is a topic or a thing rather than a statement: "discussed
# strategy", "cited the Starlight Tours", "posted a video", "named a new director".
# With a clause or a quotation for content they state ("she cited that ...").
TOPIC_SPEECH = frozenset(
    """discuss talk cite post release share present circulate read name order respond reply
    outline weigh bring express thank interrupt volunteer appeal correct address ask publish
    recommend submit caption answer""".split()
) | {"write about", "go on", "think about", "worry about", "know about", "hear about", "hint at", "open up"}
# Verbs of knowing, finding and liking whose object may be a thing rather than a
# proposition: "will know Dorie Greenspan as", "established an exclusion zone", "prefer it
# to a shelter", "anticipate the year to come", "identifying the best", "is recalling 40,000
# dryers". Like TOPIC_SPEECH,
# they state only with a clause ("RCMP established that ...").
OBJECT_SENSES = frozenset(
    """know establish identify anticipate prefer enjoy admire feature rank label paint view
    surprise document recall consider""".split()
)
# Words that open a free relative or a quantified topic, not a clause: "talked about all he
# has been through", "discussed what she saw" ("how she saved him" may carry the claim).
_TOPIC_OPENERS = frozenset("all what everything anything whatever".split())
# Negations in a cue: "did not say which MLAs", "declined to comment", "never responded".
_NEGATED_CUE = re.compile(r"\b(?:not|never|declined|refused|refuses|declines)\b|n[’']t\b", re.IGNORECASE)


def negated(text: str, f: Found) -> bool:
    """Is the cue of ``f`` negated ("would not say", "didn't respond to", "declined to
    comment")? What a source did not say is not its statement: "the charging documents do
    not say he ever attempted that" gives the documents no claim."""
    return f.cue is not None and _NEGATED_CUE.search(text, f.cue[0], f.cue[1]) is not None


def states(text: str, f: Found) -> bool:
    """Does attribution ``f`` give a statement of its source, so the source belongs in the
    claim's chain? Speech, findings and beliefs do, unless the cue is negated; an act, a
    stance, an intent or a speech verb about a topic (``TOPIC_SPEECH``) does only with a
    proposition for content (a that-clause, a quotation, or content before the cue: "X,
    she warned"). "McCallum didn't correct himself", "the program aims to help", "Ruiz
    opposed the pipeline" and "Schumer and Pelosi discussed strategy" are the article's own
    report of what someone did or wants (PARC 3.0 likewise keeps attributions of statements
    apart from reports of acts; Pareti 2016)."""
    if f.cue is None:
        return True
    if negated(text, f) or f.cue_type is CueType.other and f.lemma == "question":
        return False  # "The Globe's questions about the policy": a question states nothing
    if f.lemma == "ask" and _QUESTION_OPENER.match(text, f.content[0], f.content[1]):
        return False  # "asked whether the district had considered selling": a question, no claim
    lemma = (f.lemma or "").partition(" ")[0]
    topic = lemma in TOPIC_SPEECH or f.lemma in TOPIC_SPEECH or lemma in OBJECT_SENSES
    cs = f.content[0]
    if _means(text, f) and not (text[cs : cs + 5].lower().startswith("that ") or has_finite_verb(text[cs : f.content[1]])):
        return False  # "duping job seekers by promising them posts": how they acted, not what they said
    if lemma == "show" and cs > f.cue[0] and _possessed(text, cs):
        return False  # "Members ... showed their alignment": a display, not a finding
    if lemma == "plead" and _PLEA.match(text, cs, f.content[1]):
        return False  # "his client would plead not guilty": a plea entered, not a statement
    if lemma in _VOTES and cs > f.cue[0] and not text[cs : cs + 5].lower().startswith("that ") \
            and text[cs : cs + 1] not in "\"“‘'«":
        return False  # "councillors who voted for the ban have received emails": a vote cast, no statement
    if f.parent is not None and lemma in _RESULT_VERBS and cs > f.cue[0] and _FINANCIAL_RESULT.match(text, cs, f.content[1]) \
            and not text[cs : cs + 5].lower().startswith("that ") and not has_finite_verb(text[cs : f.content[1]]):
        return False  # "said the unit had reported losses for 11 quarters": a result booked inside a
        # statement is that statement's (the company's own "reported revenue of £386m" is its claim)
    if f.parent is not None and lemma in _FACTIVES:
        return False  # "the court heard Loftus took deposits after he knew it was insolvent": what
        # someone knew, told by another, is that other's assertion (Kiparsky & Kiparsky 1970: factives)
    if f.parent is not None and lemma in _PROPOSALS:
        return False  # "the documents show that engineers recommended a £12m upgrade that was never
        # carried out", "villagers blocked the road, demanding that the tiger be captured, police
        # said": a proposal or demand inside another's report states nothing of its own
    if (f.cls in _STATING and not topic) or lemma in SPEECH_ACTS:
        return True
    if topic and cs > f.cue[0] and text[f.cue[0] : f.cue[1]].split()[-1].lower() in g.PREPOSITIONS \
            and not any(q in text[cs : f.content[1]] for q in "\"“”"):
        return False  # "responded to a school survey", "talked about all he has been through": a topic
        # (quoted words in it are the source's own: "talking about how she saved Colton “from ...”")
    if cs < f.cue[0]:
        return True
    head = text[cs : cs + 5].lower()
    if head.startswith("that ") or text[cs : cs + 1] in "\"“‘'«":
        return True
    first = text[cs : cs + 16].split(maxsplit=1)
    if first and (first[0].lower() in g.PREPOSITIONS or first[0].lower() in _TOPIC_OPENERS):
        return False  # "opposed to the plan", "talked about all he has been through": a topic
    if topic and _DIRECTIVE.match(text, cs, f.content[1]):
        return False  # "ordered two junior staff to sign entries": an order, not a statement
    return has_finite_verb(text[cs : f.content[1]])


# An object and an infinitive: "two junior staff to sign entries", "residents to stay indoors".
_DIRECTIVE = re.compile(r"(?:[\w'’-]+\s+){1,4}?to\s+[a-z]+\b(?!\s*,)")


# Factive verbs of knowing: the reporter of "he knew that ..." asserts its content.
_FACTIVES = frozenset("know realize recognize".split())
# Verbs of proposing and demanding: they report a proposal, not a proposition.
_PROPOSALS = frozenset("recommend propose urge demand".split())


# A plea entered in court: "plead not guilty", "pleaded guilty to two counts".
_PLEA = re.compile(r"(?:not\s+)?(?:guilty|innocent|no\s+contest)\b", re.IGNORECASE)
# Acts of voting: what follows them is what was voted on, not a proposition.
_VOTES = frozenset(["vote"])
# Verbs that book a company's results ("reported a net loss", "posted record profits").
_RESULT_VERBS = frozenset("report post record book log".split())
# A result as the object of such a verb: up to three words before its head noun.
_FINANCIAL_RESULT = re.compile(
    r"(?:[\w₹$£€.,%-]+\s+){0,3}?(?:loss|losses|profit|profits|revenue|revenues|sales|earnings|income|deficit|"
    r"surplus|margin|margins|turnover|ebitda)\b(?!\s+(?:fell|rose|dropped|jumped|slumped|grew|climbed|were|was|had|have|would|will)\b)",
    re.IGNORECASE,
)


def _means(text: str, f: Found) -> bool:
    """Is the cue a participle after "by" or "without" ("by promising them posts", "without
    naming the buyer"), the means or manner of an act?"""
    assert f.cue is not None
    cue = text[f.cue[0] : f.cue[1]].split()
    before = text[max(0, f.cue[0] - 9) : f.cue[0]].split()
    return bool(cue) and cue[0].lower().endswith("ing") and bool(before) and before[-1].lower() in ("by", "without")


def _possessed(text: str, cs: int) -> bool:
    """Does the content at ``cs`` open with a possessive pronoun ("their alignment", "his
    frustration")? What someone shows of their own is a display."""
    word = text[cs : cs + 6].partition(" ")[0].lower()
    return word in ("his", "her", "their", "its", "our", "my")


# A sentence adverb before a determiner opens no name: "Surely the commission now realizes".
_OPENER = re.compile(r"([A-Za-z]+)[ ,]+(?=(\w+)\b)")


def without_opener(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """A source phrase without a sentence adverb in front of its determiner or its name
    ("Surely the commission", "Perhaps the minister", "Clearly many people", "Perhaps
    Tracy"): the adverb is the writer's comment, not part of who speaks."""
    m = _OPENER.match(text, *span)
    if m is None or m.end() >= span[1]:
        return span
    word = m.group(1).lower()
    if m.group(2)[:1].isupper() and m.group(1)[:1].isupper():
        # "Perhaps Tracy said", "Besides Demi, ...": only a listed opener, never a given name
        named = word in g.NAME_OPENERS and word not in first_names()
        return (m.end(), span[1]) if named else span
    if m.group(2).lower() not in g.DETERMINERS:
        return span
    adverb = word in g.ADVERBS or word in g.DISCOURSE or word in ("perhaps", "maybe", "surely", "certainly")
    if adverb or (word.endswith("ly") and word not in g.LY_NOUNS):
        return m.end(), span[1]
    return span


def names_a_day(name: str) -> bool:
    """Is ``name`` a day ("Tuesday's attack showed", "yesterday said")? A day names no source."""
    return name.lower().removesuffix("'s").removesuffix("’s") in g.TIME_WORDS


def has_finite_verb(content: str, reach: int = 10) -> bool:
    """Does ``content`` open with a clause ("there were fewer than 1,000", "the city's debt
    is higher") rather than an object ("the pipeline", "himself")? An auxiliary, or a word
    in -ed after the first, within the first ``reach`` words before a comma ("four
    journalists this week, the agency reported" is an object and a reporting clause)."""
    words = [w.strip(".;:") for w in content.lower().partition(",")[0].split()[:reach]]
    # a relative clause or a second verb phrase is no part of the object: "a plan to slash
    # $136 million that hasn't been spent", "true to his roots and was joined by ..."
    if "that" in words[1:3] and _ADJUNCT_WORD.fullmatch(words[words.index("that", 1) - 1]):
        return True  # "ruled 2-1 that ...", "said Monday that ...": a complementizer after an adjunct
    words = words[:1] + list(takewhile(lambda w: w not in _OBJECT_ENDS, words[1:]))
    if any(w in g.AUXILIARIES for w in words):
        return True
    # a past tense in -ed within the first five words, before any participle: "the council
    # approved", not "a video showing a stop sign reinstalled", "a race deemed unsuited"
    for i, w in enumerate(words[1:5]):
        if words[i].endswith("ing"):
            return False
        if w.endswith("ed") and w not in _NOT_PARTICIPLES and words[i] not in _BEFORE_ADJECTIVE \
                and not _NUMBER.fullmatch(words[i]):  # "four detained journalists"
            return True
    return False



# An object ends at a relative, a conjunction or a subordinate clause: "responded a couple
# minutes later when Jones recorded his first goal", "offer a glimpse into how officials
# grappled".
_OBJECT_ENDS = frozenset("that which who whom whose and but when while after before until how what whether why".split())
# Words after which a word in -ed is an adjective: "a detailed valuation", "the most
# detailed account", "a recycled rubber floor".
_BEFORE_ADJECTIVE = frozenset("a an the this that these those its his her their our my most more very".split())
# Words between a verb and its "that" that leave "that" a complementizer: a score, a day.
_ADJUNCT_WORD = re.compile(r"[\d-]+|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|unanimously|repeatedly|again|also")
# A count before an adjective in -ed: "four detained journalists", "12 injured people".
_NUMBER = re.compile(r"[\d.,]+|one|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands|several|many|some")
# Words in -ed that are no past tense or participle ("its feed", "a hundred", "the red line").
_NOT_PARTICIPLES = frozenset(
    """feed need speed seed deed weed greed breed creed bleed steed indeed red bed shed hundred
    sacred kindred naked wicked rugged ragged jagged wretched""".split()
)


@cache
def source_nouns() -> frozenset[str]:
    """Common nouns that head sources in annotated news ("officials", "spokesman", "poll"),
    mined by ``scripts/mine_source_nouns.py`` into package data."""
    raw = resources.files("provenance.data").joinpath("source_nouns.tsv").read_text(encoding="utf-8")
    return frozenset(line.partition("\t")[0] for line in raw.splitlines() if line)


def names_a_source(head: str) -> bool:
    """Can an unnamed phrase headed by ``head`` be a source: people ("officials", "the
    father"), a role, a document or a poll? Not a thing or an event ("the rising line",
    "the image", "the copy", "the March visit")."""
    lex = lexicon()
    if head in lex.vague or head in lex.roles or head in lex.documents or head in source_nouns() or head in g.POSSESSED_PEOPLE:
        return True
    if head in g.BODY_KINDS:
        return True  # "the shire says", "The municipality says", "the brokerage said": a body by its kind
    if head.endswith("s") and len(head) > 2 and head[:-1] in lex.roles:
        return True  # "the hereditary chiefs", "nurses": the plural of a role
    # "forecasters", "a citizen", "the professional"; "my two-year-old", "a 32-year-old"
    return head.endswith(_AGENT_ENDINGS) or head.endswith("-old") or "-of-" in head  # "the mother-of-three"


# Words that open an indirect question: "asked whether ...", "asked how ...".
_QUESTION_OPENER = re.compile(r"(?:whether|if|why|how|what|when|where|who|which)\b", re.IGNORECASE)




_PARTITIVE = re.compile(
    r"(?:one|some|many|most|all|several|each|none|both|few|two|three|four|five|dozens|hundreds)\s+of\s+"
    r"(?:the|their|its|his|her|our|these|those)?\s*((?:[a-z-]+\s+){0,2}?[a-z-]+?)(?=\s+(?:in|at|on|of|from|for|with|who)\b|[\s,.]*$)",
    re.IGNORECASE,
)


_AMONG_THEM = re.compile(
    r"(?:one|two|three|some|several|all|both|each|many|most|none|neither|either|another)\s+of\s+(?:them|those)"
    r"|one|another|a\s+(?:second|third|fourth)",  # "One said:", "Another added": one of the group
    re.IGNORECASE,
)


def counted_among_them(phrase: str) -> bool:
    """Is ``phrase`` a part of a group named before ("One of them said", "Two of those
    ...", "One said:", "Another added"): a "they" that stands for the group the text last
    named?"""
    return _AMONG_THEM.fullmatch(phrase.strip(" ,")) is not None


def partitive_head(phrase: str) -> str | None:
    """The noun a partitive counts ("one of the players in the video" -> "players"), the
    head that says whether it names people; None for any other phrase."""
    m = _PARTITIVE.match(phrase.strip())
    return m.group(1).split()[-1].lower() if m else None


# Endings of English agent and person nouns (forecaster, investor, economist, civilian,
# resident, professional, citizen), singular and plural.
_AGENT_ENDINGS = tuple(e + s for e in ("er", "or", "ist", "ian", "ant", "ent", "al", "zen", "ee") for s in ("", "s"))


_HE = frozenset("he him his himself".split())
_SHE = frozenset("she her hers herself".split())
_WORDS = re.compile(r"[A-Za-z]+|[.!?]")
_CAPITALIZED_WORD = re.compile(r"\b[A-Z][\w’'-]*\b")


class TextGender:
    """The gender an article's own pronouns give a name: after "Jayme told police she",
    Jayme is a she, whatever a list of given names knows. Reads the few words after each
    of the name's first occurrences (a bounded look, cached per name)."""

    LOOK = 80  # characters after a mention
    OCCURRENCES = 12

    def __init__(self, text: str) -> None:
        self._text = text
        self._known: dict[str, str | None] = {}
        self._ends: dict[str, list[int]] | None = None  # capitalized word -> where it ends

    def of(self, names: list[str]) -> str | None:
        """'m' or 'f' when the pronouns after the name's last word agree, else None."""
        if not names:
            return None
        last = names[-1]
        if last not in self._known:
            self._known[last] = self._read(last)
        return self._known[last]

    def _read(self, word: str) -> str | None:
        if self._ends is None:  # one pass over the text, whatever the number of names
            self._ends = {}
            for m in _CAPITALIZED_WORD.finditer(self._text):
                self._ends.setdefault(m.group(), []).append(m.end())
        he = she = 0
        for end in self._ends.get(word, [])[: self.OCCURRENCES]:
            for w in _WORDS.findall(self._text, end, end + self.LOOK):
                if w in ".!?":
                    break
                low = w.lower()
                he += low in _HE
                she += low in _SHE
        if he > 2 * she:
            return "m"
        if she > 2 * he:
            return "f"
        return None
