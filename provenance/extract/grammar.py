"""Closed word classes of English that the shallow grammar of attributions leans on.

Without a parser, clause and noun-phrase edges are found from function words and
punctuation (the "chunking" approach of Abney 1991): these sets are that knowledge.
"""

DETERMINERS = frozenset(
    """a an the this that these those his her their its our my your some many several few
    two three four five six seven eight nine ten dozens hundreds thousands one no another each
    both any all most other such numerous various certain multiple""".split()
)
INDEFINITE = frozenset("a an another one some several many".split())
PRONOUNS = frozenset("he she they it i we you who".split())
AUXILIARIES = frozenset(
    """has have had is was were are am be been being will would could should may might must
    can did does do shall 's ’s 've ’ve 'd ’d 're ’re 'll ’ll""".split()
)
# Modals that are also common surnames ("Theresa May", "George Will"): after a given name
# or a title they are the name, not the verb.
SURNAME_MODALS = frozenset(("may", "will"))
BE_FORMS = frozenset("is was were are am be been being 's ’s 're ’re".split())
NEGATIONS = frozenset("not n't n’t never".split())
ADVERBS = frozenset(
    """also not n't n’t never previously later then repeatedly publicly recently often once
    still already even just further separately subsequently earlier first too again
    privately specifically explicitly simply flatly quickly long originally initially
    frequently always openly loudly actually really clearly strongly firmly emphatically
    correctly falsely wrongly angrily bluntly frankly candidly confidently proudly famously
    notably now since sometimes generally largely widely broadly ultimately eventually
    finally reportedly apparently allegedly quietly secretly formally officially
    essentially basically soon""".split()
)
PREPOSITIONS = frozenset(
    """of for at by from in with on about to into against among between over under without
    within through during after before since near across behind beyond toward towards upon
    via per amid despite onto off like unlike""".split()
)
# Prepositions that may sit inside a source noun phrase ("a spokesman for the Pentagon").
NP_PREPOSITIONS = frozenset("of for at by from in with on".split())
CLAUSE_WORDS = frozenset(
    """that which who whom whose where when whenever while whereas because although though
    if unless since but or nor yet so as than after before until despite however whether
    what how why meanwhile instead therefore thus hence""".split()
)
CONJUNCTIONS = frozenset("and but or nor so yet then".split())
BOUNDARY_PUNCT = frozenset(list(',;:()[]{}—–"“”«»!?') + ["--", "‘"])
TIME_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday yesterday today tonight
    tomorrow earlier later recently again weekend morning afternoon evening night""".split()
)
MONTHS = frozenset(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)
TIME_LEAD = frozenset("on in at during last this late early earlier over before after while".split())
# Verbs of telling whose object is the hearer: the hearer may be a relaying outlet.
TELL_LEMMAS = frozenset("tell inform assure remind brief advise notify warn promise write email ask".split())
# Evidential verbs: "X seemed to Y" has no source; the content is "X ... to Y".
EVIDENTIALS = frozenset("seem appear".split())
# Sentence-opening adverbials that belong to no attribution's content.
DISCOURSE = frozenset(
    """however still meanwhile instead moreover indeed yet in also now then of for but and
    so furthermore nevertheless nonetheless besides likewise similarly overall finally
    separately earlier later""".split()
)
# Sentence openers that can stand capitalized before a name and are no part of it:
# "Perhaps Tracy said", "Besides Demi, ...".
NAME_OPENERS = DISCOURSE | frozenset(
    """perhaps maybe surely certainly clearly obviously apparently reportedly naturally
    ironically predictably unsurprisingly unlike""".split()
)
# Words ending in -ly that are not adverbs.
LY_NOUNS = frozenset(
    """family ally rally italy july assembly supply reply anomaly monopoly butterfly bully
    daily weekly monthly quarterly yearly early only holy lily belly jelly billy emily kelly
    sally molly polly folly reilly riley bradley beverly kimberly""".split()
)
# Base forms of cue verbs that are almost never nouns: "sources close to the campaign say".
RARELY_NOUNS = frozenset(
    """say believe think argue insist contend agree suggest acknowledge admit deny maintain
    want know feel predict expect worry wonder reckon assert claim""".split()
) - frozenset(["claim"])
# Cue verbs whose base and -s forms are usually nouns ("terror attacks", "the votes"): as
# verbs they need a pronoun or a name right before them.
NOUNISH_VERBS = frozenset(
    """attack question vote email concern rule debate remark answer share state report call
    support plan promise fear hope view comment claim estimate charge doubt pledge vow
    demand request offer reply quote note post tweet release list order sign name count
    press test record praise blame protest appeal alert signal joke point push focus
    challenge criticism look talk forecast warning""".split()
)
# Verbs that report only when a that-clause, a quotation or a colon follows.
WEAK_CUES = frozenset("maintain feel see find hear learn look hold observe continue".split())
# Verbs whose "to" belongs to the cue: "responded to", "referring to", "pointed to".
TO_VERBS = frozenset("respond reply refer allude react object point turn appeal speak talk write testify".split())
# People and parts one has rather than is: "Mrs Pryor's family", "the victim's lawyer",
# "Trudeau's office", "Cisco's Talos unit" are sources of their own (a spokesman speaks for
# the principal and stays theirs).
# Adjectives that follow a vague source's noun with their complement: "a source close to
# the couple", "people familiar with the matter", "sources close to the star claim".
POSTNOMINAL = frozenset("close familiar knowledgeable briefed privy".split())
# Documents a speaker issues and speaks through: "said in a statement ... the statement said",
# "issued a statement saying ...".
ISSUED_MEDIA = frozenset("statement letter post email note message tweet release notice filing video".split())
POSSESSED_PEOPLE = frozenset(
    """family families relatives lawyer lawyers attorney attorneys solicitor wife husband
    widow widower son sons daughter daughters mother father parents children brother sister
    friend friends neighbour neighbor neighbours neighbors doctor doctors colleagues
    supporters critics fans office unit division arm subsidiary campaign staff co-star costar
    co-stars bandmate bandmates teammate teammates castmate co-host rep reps representative
    representatives spokesperson spokeswoman spokesman manager agent publicist boyfriend girlfriend
    fiance fiancee fiancé fiancée partner organisers organizers organiser organizer producers owners
    owner bosses executives""".split()
)
# Lowercase particles inside personal names ("Ludwig van Beethoven", "Osama bin Laden",
# "Erik ten Hag"): the one list the name rules share.
NAME_PARTICLES = frozenset("de del della di da du la le van von der den ten ter bin al el ibn abu y".split())

# Past tenses without -ed that open a verb phrase ("showed a handgun", ", and took less than").
IRREGULAR_PAST = frozenset(
    """showed shown took made went gave ran held told left fled stole broke drove threw hit shot got put
    brought bought sold fought caught struck spent sent paid kept found lost won built fell rose began
    came saw wrote stood sat lay wore tore bit hid spoke heard met felt knew led""".split()
)

# Letters of Latin-script names for regular expressions ("Ólafur", "Sveinsdóttir", "Łukasz"):
# ASCII and Latin-1 capitals and small letters, and Latin Extended-A, whose cases alternate.
UPPER = "A-ZÀ-ÖØ-ÞĀ-ž"
LOWER = "a-zß-öø-ÿĀ-ž"

# Bodies named by their kind, sources when they head a phrase: "the shire says", "the
# municipality said", "the brokerage said".
BODY_KINDS = frozenset(
    "shire municipality borough parish brokerage prefecture opposition inquest tribunal meeting co-operative cooperative co-op franchise county".split()
)
