"""Write the project's small sample gold files, docs/gold/attributions.jsonl and
docs/gold/quotes.jsonl (formats in docs/gold-format.md), from the invented articles below.

The articles and their annotations were written for this project (no real outlet's text), so
they can ship with it and `provenance eval` can be tried at once. Spans are given as the
words themselves and turned into offsets here, so editing an article cannot leave an offset
wrong: ``python scripts/sample_gold.py`` rewrites both files.
"""

import json
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "docs" / "gold"

ARTICLES = [
    {
        "id": "sample-ferry", "outlet": "Westport Weekly (invented)", "title": "Harbour council delays ferry contract",
        "text": (
            "Harbour council delays ferry contract\n\n"
            "The Westport harbour council has delayed a decision on the new ferry contract, according to the "
            "council's minutes published on Tuesday.\n\n"
            "\u201cWe need another month to read the bids,\u201d said Mayor Ana Ruiz. She added that the cheapest "
            "bid was not necessarily the best.\n\n"
            "Two council members said the delay could cost the town its state grant.\n\n"
            "According to the Coastal Herald, the state transport agency told the paper that the grant deadline "
            "is 30 June.\n\n"
            "The ferry carries about 900 passengers a day.\n"
        ),
        # (source, cue, content, parent index or None, resolved speaker)
        "attributions": [
            ("the council's minutes", "according to",
             "The Westport harbour council has delayed a decision on the new ferry contract", None, None),
            ("Mayor Ana Ruiz", "said", "\u201cWe need another month to read the bids,\u201d", None, "Ana Ruiz"),
            ("She", "added", "the cheapest bid was not necessarily the best", None, "Ana Ruiz"),
            ("Two council members", "said", "the delay could cost the town its state grant", None,
             "Two council members"),
            ("the Coastal Herald", "According to",
             "the state transport agency told the paper that the grant deadline is 30 June", None, None),
            ("the state transport agency", "told", "the grant deadline is 30 June", 4, "state transport agency"),
        ],
    },
    {
        "id": "sample-sleep", "outlet": "Health Desk (invented)", "title": "Study links night shifts to poor sleep",
        "text": (
            "Study links night shifts to poor sleep\n\n"
            "Nurses who work night shifts sleep on average 40 minutes less than their day-shift colleagues, a "
            "study published in the Journal of Occupational Health found.\n\n"
            "The lead author, Dr Samuel Okoye, said the results held across all age groups. \u201cHospitals can "
            "change rosters tomorrow,\u201d he said.\n\n"
            "Some experts believe the effect is smaller in younger workers.\n\n"
            "The hospital association did not respond to a request for comment.\n"
        ),
        "attributions": [
            ("a study published in the Journal of Occupational Health", "found",
             "Nurses who work night shifts sleep on average 40 minutes less than their day-shift colleagues",
             None, None),
            ("The lead author, Dr Samuel Okoye", "said", "the results held across all age groups", None,
             "Samuel Okoye"),
            ("he", "said", "\u201cHospitals can change rosters tomorrow,\u201d", None, "Samuel Okoye"),
            ("Some experts", "believe", "the effect is smaller in younger workers", None, None),
        ],
    },
    {
        "id": "sample-port", "outlet": "Harbour Times (invented)", "title": "Port strike ends after two weeks",
        "text": (
            "Port strike ends after two weeks\n\n"
            "Dock workers returned to work on Monday, Reuters reported, after the union accepted a 6 percent "
            "pay rise.\n\n"
            "Union leader Marta Keller told reporters: \u201cThis is a fair deal, not a perfect one.\u201d\n\n"
            "The port operator said in a statement that ships would be cleared by Friday.\n\n"
            "Shipping rates are expected to fall.\n"
        ),
        "attributions": [
            ("Reuters", "reported", "Dock workers returned to work on Monday", None, None),
            ("Union leader Marta Keller", "told", "\u201cThis is a fair deal, not a perfect one.\u201d", None,
             "Marta Keller"),
            ("The port operator", "said", "ships would be cleared by Friday", None, "port operator"),
        ],
    },
]


def span(text: str, words: str, after: int = 0) -> dict:
    """``{start, end, text}`` of the first ``words`` in ``text`` at or after ``after``."""
    start = text.index(words, after)
    return {"start": start, "end": start + len(words), "text": words}


def attribution_record(article: dict) -> dict:
    """One line of attribution gold: spans for source, cue and content, with ``parent``."""
    text, out = article["text"], []
    for source, cue, content, parent, _ in article["attributions"]:
        c = span(text, content)
        out.append({"source": span(text, source), "cue": span(text, cue), "content": c, "parent": parent})
    return {k: article[k] for k in ("id", "outlet", "title", "text")} | {"meta": {"sample": True},
                                                                          "attributions": out}


def quote_record(article: dict) -> dict:
    """One line of quote gold: content offsets, the resolved speaker and the words that name them."""
    text, quotes = article["text"], []
    for source, cue, content, _, speaker in article["attributions"]:
        if speaker is None:  # documents, outlets and beliefs are not quotes
            continue
        c = span(text, content)
        quotes.append({"content": {"start": c["start"], "end": c["end"]}, "speaker": speaker,
                       "speaker_mention": source, "speaker_span": {k: v for k, v in span(text, source).items()
                                                                   if k != "text"}, "cue": cue})
    return {k: article[k] for k in ("id", "outlet", "title", "text")} | {"url": None, "quotes": quotes}


def main() -> None:
    """Write both files."""
    OUT.mkdir(parents=True, exist_ok=True)
    for name, make in (("attributions.jsonl", attribution_record), ("quotes.jsonl", quote_record)):
        lines = [json.dumps(make(a), ensure_ascii=False) for a in ARTICLES]
        (OUT / name).write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
