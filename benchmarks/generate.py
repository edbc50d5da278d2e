"""Deterministic synthetic news, streamed to JSONL, for benchmarking provenance at any size.

    python benchmarks/generate.py --articles 10000 --seed 1 -o synth-10k.jsonl

Every article is a pure function of ``(seed, index)``: the first 1,000 articles of a
100,000-article file are the 1,000-article file, and nothing is held in memory beyond
one article and a fixed "world" (people, organizations, outlets, documents and recurring
facts, built once from the seed). Articles run ~400-800 words and mix the shapes the
extractor has to handle:

- reported speech in every order ("X said that ...", "..., X said.", "said X"), with a
  broad set of reporting verbs;
- quotes, curly and straight: quote-first (“...,” X said.), colon-introduced
  (X said: “...”), and continuation paragraphs that open with a quote mark;
- "according to X", "citing X", "as reported by X", "in a statement", "in an interview
  with X", "told X", "speaking to X", "X first reported";
- nested attributions ("According to the Meridian Press Agency, the report found that ...");
- wire credits in datelines ("PORT HALDEN (MPA) —");
- appositives with role and affiliation ("Ilse Varnholt, a senior fellow at the ...");
- hedges ("is believed to", "reportedly", "it is understood that") and vague sources
  ("two officials said", "sources familiar with the matter");
- recurring people, organizations, outlets and documents with spelling variants
  (Halvorsen/Halvorson, Defence/Defense, Centre/Center, Organisation/Organization);
- recurring facts with the same numbers across articles (so cross-article overlaps
  exist, some from one shared origin, some independently sourced);
- plain narrative sentences.

All names are invented. Popularity is Zipf-like: a few sources appear in thousands of
articles, most in a handful, which is what real archives look like.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path

# ---------------------------------------------------------------- vocabulary

FIRST_F = """Amara Beatrix Camille Dagny Elif Freya Greta Hanna Ilse Johanna Katrin Leona Mariela
Nadia Odile Petra Rosalind Saskia Tamsin Ulla Vera Wilhelmina Yara Zofia Adaeze Brigid Carys Delphine
Esme Farida Giulia Helka Ines Jolanta Kirsi Lucia Maren Noor Orla Priya Rania Sigrid Thea Vesna Anouk
Celeste Dorota Emeline Ngozi Marisol Ingrid Solveig Tove Liesel""".split()
FIRST_M = """Anselm Bastian Cormac Dmitri Emil Florian Gideon Henrik Idris Jonas Kasimir Lennart Matthias
Nikolai Osric Pavel Quentin Rafael Soren Tobias Ulrich Viktor Wendell Xavier Yusuf Zoltan Ambrose
Bertil Caspar Dario Evander Fintan Gustav Hamid Ivo Joaquin Kwame Leopold Mikkel Niall Oskar Piet
Rashid Stellan Teodor Valentin Wim Aurelio Benedek Casimir Dorian""".split()
# invented surnames; pairs are spelling variants of one surname (as Joscelyn/Jocelyn)
SURNAMES = """Varnholt Ostrander Kelderman Brisbois Tallqvist Mbeki-Lorne Castellane Dunmore Ferreira-Lusk
Grendahl Hollister Ibsworth Jarnefelt Kovalenko-Reyes Lindgraf Morrisette Nettleford Oyelowe Pendergast
Quarrington Rautavaara-Bell Strzelecki Thorvaldsen Uhlenbrock Vasquez-Moray Wetherell Ystad Zabrinski
Achterberg Bellweather Cardenal Drummore Eskildsen Fairbrother Gallimore Haverkamp Isenhart Jessup-Ward
Kittredge Lachance Montclair Nakashima-Ruiz Okonjo-Barre Pellegrin Quist Ravensworth Stavridis Tennyfield
Ulvaeus-Hart Valcourt Whitmarsh Yarborough Zeller-Kahn Abernath Blackwood-Sato Corrigan Delacroix-Hume
Ellingboe Forsythe Gorecki Halloran Iverholt Jankowski-Oduya Kestner Lowenthal Marchbanks Norquist
Orlowski Prendeville Quennell Rasmussen-Tilly Sandoval Trevithick Underhill Vanterpool Wexford Youngblood
Zielinski Ashdown Brannagh Coldwater Derwent Edevane Fellowes Grimsditch Hartigan Inglethorpe""".split()
VARIANTS = [("Halvorsen", "Halvorson"), ("Joscelin", "Jocelin"), ("Marchetti", "Marcheti"),
            ("Okafor", "Okafur"), ("Szymanski", "Shimansky"), ("Mackenzie", "McKenzie"),
            ("Abramowitz", "Abramovitz"), ("Thorsby", "Thoresby"), ("Dalgliesh", "Dalglish"),
            ("Kristiansen", "Christiansen"), ("Reinholt", "Rheinholt"), ("Ferraday", "Faraday-Lowe"),
            ("Lindqvist", "Lindquist"), ("Bergström", "Bergstrom"), ("Nygård", "Nygaard"),
            ("Müllerson", "Muellerson"), ("Carrington", "Carington"), ("Vasiliou", "Vassiliou")]

COUNTRIES = """Valmora Ostravia Kestrelia Durnholm Seravin Korrinth Aldmere Brisca Tolvania Marrowland
Vesterholm Caldrisca Norvaine Estrelia Quorvath Lunmark""".split()
CITIES = """Port Halden|Marrowgate|Eastholm|Caldris|Novelle|Brannock|Sethra|Tolvane|Greywater|Lindenfall
|Ashcombe|Vireo Bay|Kelmscot|Dunhaven|Saint Orrel|Quellbridge|Harrowmere|Westmarch|Corvane|Belltower
|New Aldmere|Fennick|Ostrava Lakes|Sunder Point""".replace("\n", "").split("|")
WIRES = [("Meridian Press Agency", "MPA"), ("Continental Wire Service", "CWS"),
         ("Northern News Agency", "NNA"), ("Allied Press Exchange", "APX"),
         ("Pan-Oceanic Press", "POP"), ("Union Telegraph Agency", "UTA")]
OUTLETS = """The Carrow Tribune|The Eastholm Herald|Valmora Daily|The Sentinel-Gazette|The Morning Ledger
|The Weekly Standardbearer|Brisca Broadcasting Corporation|Channel Nine Ostravia|The Harbour Courier
|The Lantern Post|Radio Kestrelia|The Fennick Observer|The Capital Chronicle|The Sunday Beacon
|The Evening Dispatch|Aldmere Public Radio|The Quellbridge Journal|The Northern Clarion|Seravin Times
|The Financial Almanac|The Westmarch Examiner|The Marrowgate Mercury|Tolvania Today|The Register-Star
|Dunhaven Evening News|The Continental Review|Vesterholm Post|The Borderline Bulletin|Corvane Radio News
|The Meridian Monitor|The Civic Record|Ashcombe Telegraph""".replace("\n", "").split("|")
FIELDS = """Defence Studies|Public Health|Energy Policy|Economic Research|Strategic Studies|Climate Security
|Democratic Governance|Migration Policy|Fiscal Responsibility|Digital Rights|Urban Development
|Regional Stability|Labour Markets|Food Security|Maritime Affairs|Conflict Resolution""".replace("\n", "").split("|")
MINISTRIES = ["Defence", "Finance", "Health", "Foreign Affairs", "Energy", "Interior", "Justice",
              "Transport", "Education", "Agriculture", "Labour", "Environment"]
COMPANIES = """Castellan Holdings|Brightwater Energy|Norvaine Mining Group|Helix Biotherapeutics|Ostrava Rail
|Kestrel Aerospace|Greymarch Capital|Sunder Shipping Lines|Valmora Telecom|Aldmere Steelworks
|Lumen Pharmaceuticals|Tidewater Logistics|Corvane Motors|Quorvath Petroleum|Brisca Agritech
|Harrowmere Insurance""".replace("\n", "").split("|")
ORG_FORMS = [  # (name, spelling variant or None, acronym or None)
    ("United Assembly of Nations", None, "UAN"),
    ("International Monetary Council", None, "IMC"),
    ("World Health Organisation of the Southern States", "World Health Organization of the Southern States", "WHOSS"),
    ("Continental Development Bank", None, "CDB"),
    ("Council for Maritime Security", None, "CMS"),
    ("Federation of Independent Unions", None, "FIU"),
    ("Commission on Electoral Integrity", None, "CEI"),
    ("Agency for Nuclear Safety", None, "ANS"),
    ("Northern Treaty Alliance", None, "NTA"),
    ("Institute for Labour Statistics", "Institute for Labor Statistics", "ILS"),
    ("Organisation of Petroleum Producers", "Organization of Petroleum Producers", "OPP"),
    ("Bureau of Fiscal Oversight", None, "BFO"),
]

ROLES = """a senior fellow|a spokeswoman|a spokesman|the director|a researcher|the deputy director
|an economist|a professor of political science|the chief executive|a former adviser|a lawyer
|the chairman|a board member|a senior analyst|the head of research|a campaign organiser
|the chief economist|a policy adviser|the general secretary|a visiting scholar""".replace("\n", "").split("|")
TITLES = ["Finance Minister", "Defence Minister", "Health Minister", "Prime Minister", "Foreign Minister",
          "Interior Minister", "Senator", "Governor", "Mayor", "General", "Judge", "Ambassador"]

VAGUE = ["Two officials", "Three officials", "Several diplomats", "Sources familiar with the matter",
         "Analysts", "Experts", "People close to the negotiations", "A senior official",
         "Officials", "Western diplomats", "Industry sources", "Security sources",
         "Several lawmakers", "Government insiders", "Two people briefed on the talks",
         "A person with knowledge of the decision", "Residents", "Witnesses", "Some economists",
         "Aid workers"]
ANON_TAIL = ["who spoke on condition of anonymity", "who asked not to be named",
             "who were not authorised to speak publicly", "who declined to be identified"]

SAY = ["said", "said", "said", "said", "warned", "argued", "claimed", "insisted", "noted", "estimated",
       "confirmed", "acknowledged", "stressed", "predicted", "suggested", "added", "explained",
       "wrote", "maintained", "cautioned", "conceded", "observed", "contended", "reported", "disclosed",
       "emphasised", "pointed out", "asserted", "believes", "told reporters"]
FIND = ["found", "revealed", "showed", "concluded", "stated", "estimated", "noted", "warned",
        "determined", "documented", "suggested", "indicated"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
HEDGE_SUBJ = ["The minister", "The company", "The militia", "The former governor", "The central bank",
              "The envoy", "The coalition", "The regulator", "The suspect", "The delegation"]
HEDGE_VP = ["is believed to have left the country", "is thought to be weighing a new offer",
            "is understood to have rejected the proposal", "is said to be considering an early vote",
            "is expected to resign within weeks", "is believed to hold the remaining shares",
            "is thought to have met the rebels twice", "is rumoured to be preparing a counter-bid",
            "is alleged to have diverted the funds", "is believed to control most of the port"]
REPORTEDLY = ["reportedly met the opposition leader in secret", "reportedly paid the fine in full",
              "reportedly cancelled the contract", "reportedly moved its headquarters abroad",
              "reportedly ordered a review of the accounts", "reportedly fired the auditors"]

# topics: subjects and past-tense predicates with number slots ({pct}, {num}, {money}, {year})
TOPICS: dict[str, tuple[list[str], list[str], list[str]]] = {
    "economy": (
        ["the economy", "inflation", "unemployment", "the central bank", "household debt", "exports",
         "consumer spending", "the currency", "industrial output", "the budget deficit",
         "small businesses", "wage growth", "the housing market", "foreign investment", "tax revenue"],
        ["had grown by {pct} percent in the last quarter", "had fallen to its lowest level since {year}",
         "would probably rise by {pct} percent next year", "had cost the treasury {money}",
         "was likely to slow sharply before the end of the year", "had recovered faster than forecast",
         "could shrink by as much as {pct} percent", "had reached {money} by the end of {month}",
         "was still {pct} percent below its pre-crisis level", "had doubled since {year}",
         "was unlikely to return to growth before {year}", "had been badly hit by the strikes",
         "had added {num} jobs in {month}", "was expected to stabilise by the spring",
         "had widened to {pct} percent of output"],
        ["inflation", "interest rates", "the deficit", "the new tax", "the pension reform", "the budget",
         "the trade agreement", "the stimulus package"]),
    "defence": (
        ["the army", "the navy", "the defence ministry", "the rebels", "the border guard",
         "the air force", "the militia", "the peacekeeping mission", "the coalition forces",
         "the intelligence service", "the occupying troops", "the ceasefire monitors"],
        ["had moved {num} troops to the northern border", "had lost control of the eastern valley",
         "would survive as a clandestine network", "had spent {money} on new drones",
         "had violated the ceasefire {num} times since {month}", "was preparing a spring offensive",
         "had withdrawn from {num} positions overnight", "had intercepted {num} missiles",
         "was running short of artillery shells", "had recruited {num} fighters since {year}",
         "had been infiltrated by foreign agents", "had no plans to extend the mission"],
        ["the ceasefire", "the offensive", "the arms deal", "the peace talks", "the mobilisation",
         "the military budget", "the withdrawal", "the blockade"]),
    "health": (
        ["the outbreak", "hospital admissions", "the vaccination campaign", "the health service",
         "the new variant", "waiting lists", "the drug shortage", "child mortality",
         "the regional clinics", "the trial results", "emergency departments", "the epidemic"],
        ["had infected at least {num} people", "had peaked in {month}", "had reduced deaths by {pct} percent",
         "was stretched beyond its limits", "had grown to {num} patients", "would cost {money} to contain",
         "had reached {pct} percent of adults", "had spread to {num} provinces",
         "was under control in the capital", "had closed {num} wards since {year}",
         "had been underfunded for a decade", "had doubled in the past year"],
        ["the outbreak", "the vaccine", "the hospital strike", "the health reform", "the shortage",
         "the quarantine", "the clinical trial"]),
    "energy": (
        ["gas prices", "the pipeline", "the nuclear plant", "the grid operator", "oil production",
         "wind capacity", "the energy regulator", "fuel imports", "the coal mines", "the solar auction",
         "electricity demand", "the state utility"],
        ["had risen by {pct} percent since {month}", "would be shut down by {year}",
         "had cost consumers {money}", "had lost {num} megawatts during the storm",
         "was operating at {pct} percent of capacity", "had been sabotaged twice",
         "had fallen to {num} barrels a day", "would need {money} in new investment",
         "had failed a safety inspection in {month}", "had secured supplies until {year}",
         "was running at a loss", "had tripled in two years"],
        ["the pipeline", "the price cap", "the nuclear deal", "the blackout", "the energy transition",
         "the fuel subsidy", "the grid upgrade"]),
    "elections": (
        ["the ruling party", "the opposition", "turnout", "the electoral commission", "the incumbent",
         "the coalition talks", "the challenger", "the recount", "postal ballots", "the youth vote",
         "the new constitution", "the governing alliance"],
        ["had won {pct} percent of the vote", "had lost {num} seats in the north",
         "was on course for a narrow majority", "had spent {money} on advertising",
         "had disqualified {num} candidates", "had been marred by irregularities",
         "would be held in {month}", "had fallen to {pct} percent", "had collapsed after {num} weeks",
         "was ahead in {num} of the {num2} provinces", "had not been certified",
         "had received {money} from undeclared donors"],
        ["the election", "the recount", "the referendum", "the coalition deal", "the campaign",
         "the vote", "the primaries"]),
    "justice": (
        ["the supreme court", "the prosecutor", "the defence team", "the jury", "the tribunal",
         "the anti-corruption office", "the police", "the appeals court", "the inquiry",
         "the former minister", "the accused", "the witnesses"],
        ["had frozen assets worth {money}", "had charged {num} people with fraud",
         "had ignored evidence of torture", "would rule on the case in {month}",
         "had overturned the conviction", "had received {num} complaints since {year}",
         "had destroyed documents before the raid", "was seeking a sentence of {num} years",
         "had been bribed with {money}", "had opened {num} new investigations",
         "had no jurisdiction over the matter", "had detained {num} suspects"],
        ["the verdict", "the trial", "the investigation", "the indictment", "the appeal",
         "the ruling", "the extradition"]),
    "migration": (
        ["the number of asylum applications", "the border crossings", "the refugee camps",
         "the resettlement programme", "deportations", "the migrant routes", "the coast guard",
         "the reception centres", "labour migration", "the visa backlog"],
        ["had risen to {num} in {month}", "had housed {num} people in tents",
         "had cost {money} a year", "had fallen by {pct} percent since {year}",
         "had rescued {num} people at sea", "was overwhelmed by new arrivals",
         "had shifted east after the fence was built", "had processed only {pct} percent of claims",
         "would close by the end of {year}", "had been criticised by aid groups"],
        ["the asylum law", "the border fence", "the quota system", "the deportation flights",
         "the amnesty", "the visa scheme"]),
    "climate": (
        ["emissions", "the drought", "sea levels", "the floods", "the heatwave", "deforestation",
         "the carbon tax", "the glacier", "crop yields", "the wildfire season", "river levels",
         "the climate fund"],
        ["had fallen by {pct} percent since {year}", "had displaced {num} families",
         "had destroyed {num} hectares of forest", "would cost farmers {money}",
         "had risen faster than models predicted", "had lasted {num} days",
         "had been the worst since {year}", "had shrunk by {pct} percent in a decade",
         "was likely to worsen next summer", "had raised {money} for adaptation"],
        ["the drought", "the emissions target", "the carbon tax", "the flood defences",
         "the climate pact", "the reforestation plan"]),
    "technology": (
        ["the data breach", "the chip plant", "the social network", "the regulator",
         "the cyberattack", "the new surveillance law", "the start-up", "the satellite launch",
         "the telecom network", "the algorithm", "the platform", "the encryption standard"],
        ["had exposed the records of {num} customers", "would create {num} jobs by {year}",
         "had removed {num} accounts linked to the campaign", "had fined the company {money}",
         "had been traced to a state-backed group", "had failed after {num} seconds",
         "had cut prices by {pct} percent", "was collecting location data without consent",
         "had been offline for {num} hours", "had raised {money} from investors"],
        ["the breach", "the data law", "the platform ban", "the chip subsidy", "the outage",
         "the merger", "the surveillance programme"]),
    "housing": (
        ["rents", "house prices", "the construction sector", "homelessness", "the housing ministry",
         "mortgage approvals", "social housing", "evictions", "building permits", "the property market"],
        ["had risen by {pct} percent in a year", "had fallen to {num} in {month}",
         "had reached a record of {num}", "would require {money} to fix", "had stalled since {year}",
         "had doubled in the capital", "was at its weakest since {year}",
         "had added {num} units last year"],
        ["the rent cap", "the housing plan", "the eviction ban", "the mortgage rules",
         "the building programme"]),
}
QUOTE_OPEN = ["", "", "", "Frankly, ", "Let me be clear: ", "At this point, ", "Honestly, ",
              "To be blunt, ", "Look, ", "In my view, ", "As things stand, ", "Quite simply, "]
QUOTE_BODY = [
    "we are deeply concerned about {obj}", "nobody expected {obj} to move this fast",
    "this is not a decision we took lightly", "we will not accept {obj} in its current form",
    "the numbers speak for themselves", "{obj} is a disaster for ordinary families",
    "we have been warning about {obj} for years", "there is no plan B",
    "the government has simply run out of ideas", "I have never seen anything like it",
    "we need answers, and we need them now", "{obj} was always going to end this way",
    "people are frightened, and they have every right to be", "this changes everything",
    "we were told {obj} would be temporary", "it is too early to draw conclusions",
    "the evidence is overwhelming", "I stand by every word of the report",
    "we are ready to talk, but not at any price", "{obj} will be judged by its results",
    "the situation on the ground is much worse than officials admit",
    "we did everything by the book", "nobody in this building saw it coming",
    "there were mistakes, and we will fix them", "the markets will decide",
    "we are asking for transparency, nothing more", "{obj} has failed the people it was meant to help",
    "this is the beginning, not the end", "we cannot afford another year like this one",
    "I would not call it a crisis yet", "they knew, and they did nothing",
]
QUOTE_MORE = [
    "It is as simple as that", "We owe it to the people who elected us",
    "And I say that as someone who supported {obj} from the start", "That is the reality",
    "Nobody should pretend otherwise", "We will keep pushing until something changes",
    "The rest is politics", "Anyone who tells you otherwise is not being honest",
    "We have the figures to prove it", "I expect more resignations",
]
NARRATIVE = [
    "The talks began in {month} after months of pressure from {country}.",
    "{City} has been under a curfew since {month}.",
    "The announcement came two days before the budget vote.",
    "Shares in {company} fell {pct} percent in early trading.",
    "Parliament is due to debate {obj} again next week.",
    "The government did not respond to a request for comment.",
    "{company} declined to comment.",
    "The decision follows a long dispute over {obj}.",
    "Protesters gathered outside the ministry for a third day on {weekday}.",
    "The region has a population of about {num} people.",
    "The last comparable crisis, in {year}, led to the fall of the government.",
    "Negotiators are expected to meet again in {city} later this month.",
    "Opposition lawmakers walked out of the chamber in protest.",
    "The court adjourned until {weekday}.",
    "Trading volumes were thin ahead of the holiday.",
    "The ministry's website was briefly unavailable on {weekday}.",
    "Thousands of people lined the streets of {city} on {weekday} evening.",
    "The vote was postponed twice in {month}.",
    "Police closed the main bridge into {city} for several hours.",
    "The agreement still has to be ratified by {num} national parliaments.",
    "{country} and {country2} have disputed the border since {year}.",
    "The figures will be revised next quarter.",
    "Schools in {city} remained closed for a second week.",
    "A full report is due in {month}.",
    "The plant employs about {num} people.",
    "Talks with the unions broke down late on {weekday}.",
    "Markets in {city} reopened after a two-day closure.",
    "The proposal would need the support of {num} deputies to pass.",
    "Both sides have traded accusations since the summit in {city}.",
    "The first shipment is due to arrive in {month}.",
]
LINKS = ["while", "even though", "because", "although", "after", "just as", "whereas"]
BACKGROUND = ["", "", "", ", the latest figures show", " over the past year", ", a sharp reversal",
              " despite repeated promises", ", in a blow to the government", " for the first time",
              ", the third such case this year", " amid growing public anger"]
HEADLINE = [
    "{Subj} {pred}, {source} says", "{Obj} under scrutiny as {subj} falters",
    "{Source} warns over {obj}", "What we know about {obj}", "{Subj} in focus after {obj} row",
    "{Country} braces for fallout over {obj}", "Questions mount over {obj}",
    "{Source} report raises doubts over {obj}", "Inside the fight over {obj}",
    "{Subj} {pred}", "Critics round on {source} over {obj}", "{City} reels as {obj} bites",
]


# ---------------------------------------------------------------- the world


@dataclass
class Person:
    first: str
    last: str
    variant: str | None  # another spelling of the surname
    female: bool
    role: str
    org: Org
    title: str | None = None  # "Finance Minister"


@dataclass
class Org:
    name: str
    variant: str | None = None
    acronym: str | None = None


@dataclass
class Doc:
    name: str  # "the Harrowmere Commission report"
    publisher: str | None = None  # an outlet that published it (a link) or None
    authors: tuple[str, ...] = ()


@dataclass
class Fact:
    topic: str
    text: str  # content clause, identical wherever it recurs
    origin: object  # Person, Org or Doc


@dataclass
class World:
    people: list[Person]
    orgs: list[Org]
    docs: list[Doc]
    facts: list[Fact]
    people_w: list[float] = field(default_factory=list)  # cumulative Zipf weights
    orgs_w: list[float] = field(default_factory=list)
    docs_w: list[float] = field(default_factory=list)
    facts_w: list[float] = field(default_factory=list)
    outlets_w: list[float] = field(default_factory=list)


def _zipf(n: int, s: float = 1.0) -> list[float]:
    return list(accumulate(1.0 / (i + 1) ** s for i in range(n)))


def _fill(rng: random.Random, template: str, obj: str | None = None) -> str:
    """Fill the number, date and place slots of a template."""
    if "{" not in template:
        return template
    return template.format(
        pct=_pct(rng), num=_num(rng), num2=rng.randint(10, 40), money=_money(rng),
        year=rng.randint(1991, 2022), month=rng.choice(MONTHS), weekday=rng.choice(WEEKDAYS),
        city=rng.choice(CITIES), City=rng.choice(CITIES), country=rng.choice(COUNTRIES), country2=rng.choice(COUNTRIES),
        company=rng.choice(COMPANIES), obj=obj or "the plan",
    )


def _pct(rng: random.Random) -> str:
    return f"{rng.randint(1, 40)}.{rng.randint(0, 9)}" if rng.random() < 0.7 else str(rng.randint(2, 60))


def _num(rng: random.Random) -> str:
    n = int(10 ** rng.uniform(1, 5.5))
    return f"{n:,}"


def _money(rng: random.Random) -> str:
    unit = rng.choice(["million", "billion"])
    cur = rng.choice(["$", "€", "£"])
    return f"{cur}{rng.randint(1, 950)}{'.' + str(rng.randint(1, 9)) if rng.random() < 0.4 else ''} {unit}"


def build_world(seed: int, people: int = 1500, facts: int = 4000) -> World:
    """The recurring cast of the corpus, a pure function of the seed."""
    rng = random.Random(f"world:{seed}")
    orgs: list[Org] = []
    for name, variant, acro in ORG_FORMS:
        orgs.append(Org(name, variant, acro))
    for m in MINISTRIES:
        for c in rng.sample(COUNTRIES, 5):
            variant = None
            if m == "Defence":
                variant = f"{c} Ministry of Defense"
            elif m == "Labour":
                variant = f"{c} Ministry of Labor"
            orgs.append(Org(f"{c} Ministry of {m}", variant))
    for f in FIELDS:
        for form in ("Centre for {f}", "Institute of {f}", "Foundation for {f}"):
            name = form.format(f=f)
            variant = name.replace("Centre", "Center").replace("Defence", "Defense").replace("Labour", "Labor")
            orgs.append(Org(name, variant if variant != name else None))
    for c in COMPANIES:
        orgs.append(Org(c))
    for c in COUNTRIES:
        orgs.append(Org(f"{c} Central Bank"))
        orgs.append(Org(f"{c} Electoral Commission"))
    rng.shuffle(orgs)

    cast: list[Person] = []
    surnames = [(s, None) for s in SURNAMES] + list(VARIANTS)
    for _ in range(people):
        female = rng.random() < 0.5
        first = rng.choice(FIRST_F if female else FIRST_M)
        last, variant = rng.choice(surnames)
        org = orgs[int(len(orgs) * rng.random() ** 2)]
        title = rng.choice(TITLES) if rng.random() < 0.12 else None
        cast.append(Person(first, last, variant, female, rng.choice(ROLES), org, title))

    docs: list[Doc] = []
    for _ in range(300):
        kind = rng.random()
        if kind < 0.3:
            o = rng.choice(orgs)
            docs.append(Doc(f"the {o.name} annual report"))
        elif kind < 0.5:
            docs.append(Doc(f"the {rng.choice(CITIES)} Commission report"))
        elif kind < 0.65:
            p = rng.choice(cast)
            docs.append(Doc(f"the {p.last} Papers", publisher=rng.choice(OUTLETS)))
        elif kind < 0.8:
            a, b = rng.sample(cast, 2)
            docs.append(Doc(f"a report by the {rng.choice(FIELDS)} Review Panel",
                            publisher=rng.choice(OUTLETS), authors=(f"{a.first} {a.last}", f"{b.first} {b.last}")))
        else:
            docs.append(Doc(f"the {rng.choice(COUNTRIES)} {rng.choice(['audit', 'inquiry', 'survey', 'assessment'])}"
                            f" of {rng.choice(['1998', '2004', '2011', '2016', '2019', '2021'])}"))

    fact_list: list[Fact] = []
    topics = list(TOPICS)
    for _ in range(facts):
        topic = rng.choice(topics)
        subj, preds, objs = TOPICS[topic]
        text = f"{rng.choice(subj)} {_fill(rng, rng.choice(preds))}"
        r = rng.random()
        origin: object = rng.choice(docs) if r < 0.4 else rng.choice(orgs) if r < 0.75 else rng.choice(cast)
        fact_list.append(Fact(topic, text, origin))

    return World(cast, orgs, docs, fact_list, _zipf(len(cast)), _zipf(len(orgs)), _zipf(len(docs)),
                 _zipf(len(fact_list), 0.9), _zipf(len(OUTLETS) + len(WIRES)))


# ---------------------------------------------------------------- one article


class _Article:
    """Writes one article: keeps track of who has been introduced, for pronouns and surnames."""

    def __init__(self, world: World, rng: random.Random, index: int):
        self.w, self.r, self.i = world, rng, index
        self.curly = rng.random() < 0.6
        self.mixed = rng.random() < 0.15  # some articles mix straight and curly quotes
        self.topic = rng.choice(list(TOPICS))
        self.topic2 = rng.choice(list(TOPICS))
        self.cast = [self._pick(world.people, world.people_w) for _ in range(rng.randint(2, 5))]
        self.orgs = [self._pick(world.orgs, world.orgs_w) for _ in range(rng.randint(1, 3))]
        self.docs = [self._pick(world.docs, world.docs_w) for _ in range(rng.randint(0, 2))]
        self.introduced: set[int] = set()
        self.spelling: dict[int, str] = {}
        self.last: Person | None = None
        self.paras: list[str] = []
        self.words = 0

    # ---- picking

    def _pick(self, items: list, cum: list[float]):
        return self.r.choices(items, cum_weights=cum)[0]

    def outlet(self) -> str:
        i = self.r.choices(range(len(OUTLETS) + len(WIRES)), cum_weights=self.w.outlets_w)[0]
        if i < len(WIRES):
            name, acro = WIRES[i]
            return acro if self.r.random() < 0.3 else f"the {name}"
        return OUTLETS[i - len(WIRES)]

    def content(self, topic: str | None = None) -> str:
        r = self.r
        subj, preds, _ = TOPICS[topic or (self.topic if r.random() < 0.7 else self.topic2)]
        c = f"{r.choice(subj)} {_fill(r, r.choice(preds))}"
        x = r.random()
        if x < 0.3:
            c += f" and {_fill(r, r.choice(preds))}"
        elif x < 0.45:
            c += f", {r.choice(LINKS)} {r.choice(subj)} {_fill(r, r.choice(preds))}"
        elif x < 0.6:
            c += r.choice(BACKGROUND[3:])
        return c

    def obj(self) -> str:
        return self.r.choice(TOPICS[self.topic][2])

    def quote(self) -> str:
        q = self.r.choice(QUOTE_OPEN) + _fill(self.r, self.r.choice(QUOTE_BODY), self.obj())
        return q[0].upper() + q[1:]

    def q(self, s: str, close: str = "") -> str:
        """Quote ``s`` with curly or straight marks; ``close`` goes inside the closing mark."""
        curly = self.curly if not self.mixed else self.r.random() < 0.5
        return f"\u201c{s}{close}\u201d" if curly else f'"{s}{close}"'

    # ---- naming people

    def person(self, p: Person | None = None, *, appositive: bool = True, subject: bool = True) -> str:
        """A person's name as a news story gives it: full (with role) the first time, surname later."""
        p = p or self.r.choice(self.cast)
        self.last = p
        key = id(p)
        if key not in self.spelling:  # an article keeps to one spelling of a name
            self.spelling[key] = p.variant if p.variant and self.r.random() < 0.3 else p.last
        last = self.spelling[key]
        if key not in self.introduced:
            self.introduced.add(key)
            if p.title and self.r.random() < 0.7:
                return f"{p.title} {p.first} {last}"
            name = f"{p.first} {last}"
            if appositive and self.r.random() < 0.6:
                org = self.org_name(p.org)
                return f"{name}, {p.role} at {org},"
            return name
        r = self.r.random()
        if r < 0.35:
            return f"{'Ms' if p.female else 'Mr'} {last}"
        if r < 0.5 and subject:
            return "She" if p.female else "He"
        return last

    def org_name(self, o: Org, *, the: bool = True) -> str:
        if id(o) not in self.spelling:
            self.spelling[id(o)] = o.variant if o.variant and self.r.random() < 0.3 else o.name
        name = self.spelling[id(o)]
        if o.acronym and self.r.random() < 0.25:
            name = o.acronym
        if the and name.split()[0] not in COUNTRIES and o.name not in COMPANIES:
            return "the " + name
        return name

    def source_name(self, src: object) -> str:
        if isinstance(src, Person):
            return self.person(src, appositive=False)
        if isinstance(src, Org):
            return self.org_name(src)
        return src.name  # Doc

    # ---- sentence shapes

    def sentence(self) -> str:
        r = self.r
        plain = r.random()
        if plain < 0.38:  # real news is mostly narrative between its attributions
            return self.narrative()
        if plain < 0.5:
            return f"{self.cap(self.content())}{r.choice(BACKGROUND)}."
        shape = r.random()
        verb = r.choice(SAY)
        if shape < 0.17:
            return self.narrative()
        if shape < 0.24:
            return self.fact_sentence()
        if shape < 0.31:
            who = self.person()
            that = " that" if r.random() < 0.5 else ""
            return f"{who} {verb}{that} {self.content()}."
        if shape < 0.37:
            c = self.content()
            return f"{c[0].upper()}{c[1:]}, {self.person(appositive=False, subject=False)} {r.choice(['said', 'said', 'added', 'warned'])}."
        if shape < 0.43:
            c = self.content()
            return f"{c[0].upper()}{c[1:]}, said {self.person(appositive=False, subject=False)}, {self.last.role} at {self.org_name(self.last.org)}."
        if shape < 0.48:
            return f"According to {self.org_name(r.choice(self.orgs))}, {self.content()}."
        if shape < 0.53:  # nested: outlet relays a document
            d = r.choice(self.docs) if self.docs else self._pick(self.w.docs, self.w.docs_w)
            return f"According to {self.outlet()}, {d.name} {r.choice(FIND)} that {self.content()}."
        if shape < 0.57:
            return f"{self.cap(self.outlet())}, citing {self.org_name(r.choice(self.orgs))}, reported that {self.content()}."
        if shape < 0.61:
            who = self.person()
            return f"{who} told {self.outlet()} that {self.content()}."
        if shape < 0.64:
            return f"Speaking to {self.outlet()}, {self.person(appositive=False, subject=False)} said {self.content()}."
        if shape < 0.67:
            return f"In an interview with {self.outlet()}, {self.person(appositive=False, subject=False)} {r.choice(['warned', 'said', 'argued'])} that {self.content()}."
        if shape < 0.70:
            return f"In a statement, {self.org_name(r.choice(self.orgs))} said {self.content()}."
        if shape < 0.75:
            v = r.choice(VAGUE)
            tail = f", {r.choice(ANON_TAIL)}," if r.random() < 0.3 else ""
            return f"{v}{tail} said {self.content()}." if r.random() < 0.6 else \
                f"{self.cap(self.content())}, {v[0].lower()}{v[1:]} said."
        if shape < 0.80:
            h = r.random()
            if h < 0.5:
                return f"{r.choice(HEDGE_SUBJ)} {r.choice(HEDGE_VP)}."
            if h < 0.75:
                return f"{r.choice(HEDGE_SUBJ)} {r.choice(REPORTEDLY)}."
            return f"It is understood that {self.content()}."
        if shape < 0.84:
            d = r.choice(self.docs) if self.docs else self._pick(self.w.docs, self.w.docs_w)
            if d.publisher and r.random() < 0.6:
                by = f" by {d.authors[0]} and {d.authors[1]}" if d.authors else ""
                return f"{self.cap(d.name)}, published in {d.publisher}{by}, {r.choice(FIND)} that {self.content()}."
            return f"{self.cap(d.name)} {r.choice(FIND)} that {self.content()}."
        if shape < 0.87:
            return f"{self.cap(self.content())}, as reported by {self.outlet()}."
        if shape < 0.90:
            return f"{self.cap(self.outlet())} first reported that {self.content()}."
        if shape < 0.93:
            who = self.person()
            return f"{who} told reporters on {r.choice(WEEKDAYS)} that {self.content()}."
        if shape < 0.96:
            return f"{self.cap(self.content())}, according to {self.source_name(r.choice(self.docs or self.orgs))}."
        if self.last is not None:
            return f"{'She' if self.last.female else 'He'} added that {self.content()}."
        return self.narrative()

    def fact_sentence(self) -> str:
        """A recurring fact, attributed to its origin (sometimes relayed by a wire or an outlet)."""
        f = self._pick(self.w.facts, self.w.facts_w)
        r = self.r.random()
        origin = f.origin
        src = self.source_name(origin)
        verb = self.r.choice(FIND) if isinstance(origin, Doc) else self.r.choice(SAY[:12])
        if r < 0.35:
            return f"{self.cap(src)} {verb} that {f.text}."
        if r < 0.6:
            return f"According to {self.outlet()}, {src} {verb} that {f.text}."
        if r < 0.8:
            return f"{self.cap(f.text)}, according to {src}."
        if r < 0.9:  # the fact, sourced independently
            return f"{self.cap(self.r.choice(VAGUE))} said {f.text}."
        return f"{self.cap(f.text)}."  # bare assertion

    def narrative(self) -> str:
        return _fill(self.r, self.r.choice(NARRATIVE), self.obj())

    @staticmethod
    def cap(s: str) -> str:
        return s[0].upper() + s[1:]

    # ---- paragraphs

    def quote_paragraph(self) -> list[str]:
        """A quote paragraph in one of three shapes, often followed by a continuation paragraph."""
        r = self.r
        p = r.choice(self.cast)
        q = self.quote()
        shape = r.random()
        if shape < 0.4:
            who = self.person(p, appositive=True, subject=False)
            verb = r.choice(["said", "said", "added", "told reporters", "warned", "insisted"])
            if who.endswith(","):
                para = f"{self.q(q, ',')} said {who.rstrip(',')}."
            else:
                para = f"{self.q(q, ',')} {who} {verb}." if r.random() < 0.7 else f"{self.q(q, ',')} said {who}."
        elif shape < 0.75:
            who = self.person(p)
            para = f"{who} said: {self.q(q, '.')}"
        else:
            who = self.person(p, appositive=False)
            more = _fill(r, r.choice(QUOTE_MORE), self.obj())
            para = f"{who} {r.choice(['said', 'wrote', 'added'])} in a statement that {self.content()}. {self.q(more, '.')}"
        out = [para]
        if r.random() < 0.35:  # a continuation paragraph: opens with a quote mark, no cue
            cont = self.quote() + ". " + _fill(r, r.choice(QUOTE_MORE), self.obj())
            out.append(self.q(cont, "."))
        return out

    def write(self, target_words: int) -> tuple[str, str]:
        r = self.r
        city = r.choice(CITIES)
        lead_src = r.random()
        dateline = ""
        if lead_src < 0.3:
            name, acro = WIRES[int(len(WIRES) * r.random() ** 2)]
            dateline = f"{city.upper()} ({acro}) \u2014 "
        elif lead_src < 0.5:
            dateline = f"{city.upper()} \u2014 "
        lead = self.fact_sentence() if r.random() < 0.5 else self.sentence()
        self.add(dateline + lead + (" " + self.narrative() if r.random() < 0.5 else ""))
        while self.words < target_words:
            if r.random() < 0.18:
                for para in self.quote_paragraph():
                    self.add(para)
            else:
                n = r.choice((1, 2, 2, 3))
                self.add(" ".join(self.sentence() for _ in range(n)))
        title = self.headline()
        return title, title + "\n\n" + "\n\n".join(self.paras) + "\n"

    def add(self, para: str) -> None:
        self.paras.append(para)
        self.words += para.count(" ") + 1

    def headline(self) -> str:
        subj, preds, objs = TOPICS[self.topic]
        src = self.r.choice(self.orgs)
        h = self.r.choice(HEADLINE).format(
            Subj=self.cap(self.r.choice(subj)), subj=self.r.choice(subj),
            pred=_fill(self.r, self.r.choice(preds)), obj=self.r.choice(objs),
            Obj=self.cap(self.r.choice(objs)), source=src.acronym or src.name,
            Source=src.acronym or src.name, Country=self.r.choice(COUNTRIES), City=self.r.choice(CITIES))
        return h


def article(world: World, seed: int, index: int) -> dict:
    """Article ``index`` of the corpus for ``seed``: a JSON-ready dict."""
    rng = random.Random(f"article:{seed}:{index}")
    a = _Article(world, rng, index)
    title, text = a.write(rng.randint(400, 800))
    day = index % 1096
    year, doy = 2022 + day // 365, day % 365
    month, dom = doy // 31 + 1 if doy // 31 < 12 else 12, doy % 28 + 1
    outlet = OUTLETS[int(len(OUTLETS) * rng.random() ** 1.5)]
    return {"id": f"syn{seed}-{index:07d}", "title": title, "outlet": outlet,
            "published": f"{year}-{month:02d}-{dom:02d}", "text": text}


def generate(n: int, seed: int = 1, start: int = 0) -> Iterator[dict]:
    """Articles ``start`` .. ``start + n - 1`` of the corpus for ``seed``, one at a time."""
    world = build_world(seed)
    for i in range(start, start + n):
        yield article(world, seed, i)


def write_jsonl(path: str | Path, n: int, seed: int = 1) -> tuple[int, int]:
    """Stream ``n`` articles to ``path`` (written to a temporary name, then renamed); return (articles, words)."""
    path = Path(path)
    tmp = path.with_name(path.name + ".part")
    words = 0
    with open(tmp, "w", encoding="utf-8") as fh:
        for art in generate(n, seed):
            words += len(art["text"].split())
            fh.write(json.dumps(art, ensure_ascii=False))
            fh.write("\n")
    tmp.replace(path)
    return n, words


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", "-n", type=int, default=1000, help="number of articles [1000]")
    ap.add_argument("--seed", type=int, default=1, help="corpus seed [1]")
    ap.add_argument("--output", "-o", default="-", help="JSONL file, or - for stdout [-]")
    args = ap.parse_args(argv)
    started = time.perf_counter()
    if args.output == "-":
        words = 0
        out = sys.stdout
        for art in generate(args.articles, args.seed):
            words += len(art["text"].split())
            out.write(json.dumps(art, ensure_ascii=False) + "\n")
        n = args.articles
    else:
        n, words = write_jsonl(args.output, args.articles, args.seed)
    secs = time.perf_counter() - started
    print(f"{n:,} articles, {words:,} words ({words / max(n, 1):.0f} per article) in {secs:.1f} s",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
