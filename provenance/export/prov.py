"""Chains as a W3C PROV document (PROV-DM), built with the ``prov`` package.

The model (docs/export.md):

- an article is an entity of type ``provenance:Article`` and ``prov:Collection``; each of its
  claims is an entity of type ``provenance:Claim`` that the article ``hadMember``;
- a source is an agent: ``prov:Person``, ``prov:Organization``, or ``provenance:Outlet``,
  ``provenance:Document``, ``provenance:Anonymous`` (outlets are organizations too);
- each link of a chain is an entity, "the claim as that source put it" (``claim-7-0`` for the
  origin), ``wasAttributedTo`` its source with the link's cue and evidence (offsets into the
  article text and the words) as attributes; each relay ``wasDerivedFrom`` the link before
  it; the claim ``wasQuotedFrom`` its last link when it is a quotation, else ``wasDerivedFrom``
  it, and ``hadPrimarySource`` the origin's link when there is a relay between them.

Our own terms live under the ``provenance:`` namespace. Characters XML cannot hold (most
control characters) become U+FFFD in every format, so the three serializations say the same.
"""

import re
from typing import Any

from prov.model import PROV, PROV_LABEL, PROV_TYPE, PROV_VALUE, Namespace, ProvDocument

Row = dict[str, Any]
NAMESPACE = Namespace("provenance", "urn:x-provenance:vocab#")
AGENT_TYPES = {
    "person": [PROV["Person"]],
    "organization": [PROV["Organization"]],
    "outlet": [PROV["Organization"], NAMESPACE["Outlet"]],
    "document": [NAMESPACE["Document"]],
    "anonymous": [NAMESPACE["Anonymous"]],
}
QUOTE_MARKS = "\"“”‘’'«»„"
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
PROV_FORMATS = {"prov-json": "json", "prov-xml": "xml", "prov-n": "provn"}


def clean(text: str | None) -> str:
    """``text`` with the characters XML 1.0 cannot carry replaced by U+FFFD."""
    return _NOT_XML.sub("\ufffd", text or "")


def is_quotation(claim: Row) -> bool:
    """Whether the claim is a quotation (quote marks around it, or a quotation continuing a speaker)."""
    return claim.get("cue_type") == "quote" or claim["text"].lstrip()[:1] in QUOTE_MARKS


def prov_document(claims: list[Row], articles: dict[int, Row]) -> ProvDocument:
    """A PROV document for ``claims`` (query shape, chains origin first) and their ``articles``."""
    doc = ProvDocument()
    doc.add_namespace(NAMESPACE)
    for art in articles.values():
        add_article(doc, art)
    agents: set[int] = set()
    for claim in claims:
        add_claim(doc, claim, agents)
    return doc


def add_article(doc: ProvDocument, art: Row) -> None:
    """An article entity: its title as label, outlet, URL, date and path as attributes."""
    attrs: list[tuple] = [(PROV_TYPE, NAMESPACE["Article"]), (PROV_TYPE, PROV["Collection"])]
    if art.get("title"):
        attrs.append((PROV_LABEL, clean(art["title"])))
    for key in ("outlet", "url", "published", "path", "external_id"):
        if art.get(key):
            attrs.append((NAMESPACE[key], clean(str(art[key]))))
    doc.entity(NAMESPACE[f"article-{art['id']}"], attrs)


def add_claim(doc: ProvDocument, claim: Row, agents: set[int]) -> None:
    """A claim entity, its membership in its article, and its chain as attributed, derived links."""
    cid = NAMESPACE[f"claim-{claim['id']}"]
    attrs: list[tuple] = [(PROV_TYPE, NAMESPACE["Claim"]), (PROV_VALUE, clean(claim["text"])),
                          (NAMESPACE["kind"], claim["kind"]), (NAMESPACE["hops"], claim["hops"]),
                          (NAMESPACE["start"], claim["start"]), (NAMESPACE["end"], claim["end"])]
    if claim.get("cue"):
        attrs.append((NAMESPACE["cue"], clean(claim["cue"])))
    doc.entity(cid, attrs)
    doc.hadMember(NAMESPACE[f"article-{claim['article']['id']}"], cid)
    chain = claim["chain"]
    for pos, link in enumerate(chain):
        add_link(doc, claim, pos, link, agents)
        if pos:
            doc.wasDerivedFrom(link_id(claim, pos), link_id(claim, pos - 1),
                               other_attributes={NAMESPACE["role"]: "relay"})
    if not chain:
        return
    last = link_id(claim, len(chain) - 1)
    if is_quotation(claim):
        doc.wasQuotedFrom(cid, last)
    else:
        doc.wasDerivedFrom(cid, last)
    if len(chain) > 1:
        doc.hadPrimarySource(cid, link_id(claim, 0))


def link_id(claim: Row, pos: int):
    """The entity of one link of a claim's chain (the claim as that source put it)."""
    return NAMESPACE[f"claim-{claim['id']}-{pos}"]


def add_link(doc: ProvDocument, claim: Row, pos: int, link: Row, agents: set[int]) -> None:
    """One chain link: its entity, its source as an agent (once), and the attribution between
    them carrying the cue and the evidence (offsets and words)."""
    doc.entity(link_id(claim, pos), [(PROV_TYPE, NAMESPACE["Statement"]), (NAMESPACE["position"], pos),
                                     (NAMESPACE["role"], "origin" if pos == 0 else "relay")])
    sid = link["source_id"]
    if sid not in agents:
        agents.add(sid)
        attrs: list[tuple] = [(PROV_TYPE, t) for t in AGENT_TYPES.get(link["type"], [NAMESPACE["Source"]])]
        attrs.append((PROV_LABEL, clean(link["name"])))
        attrs += [(NAMESPACE["alias"], clean(a)) for a in link.get("aliases") or []]
        doc.agent(NAMESPACE[f"source-{sid}"], attrs)
    ev = link["evidence"]
    attrs = [(NAMESPACE["evidenceStart"], ev["start"]), (NAMESPACE["evidenceEnd"], ev["end"]),
             (NAMESPACE["evidenceText"], clean(ev["text"]))]
    if link.get("cue"):
        attrs.append((NAMESPACE["cue"], clean(link["cue"])))
    doc.wasAttributedTo(link_id(claim, pos), NAMESPACE[f"source-{sid}"], other_attributes=attrs)


def serialize(doc: ProvDocument, fmt: str) -> str:
    """The document as PROV-JSON, PROV-N or PROV-XML text."""
    if fmt == "prov-n":
        return doc.get_provn() + "\n"
    out = doc.serialize(format=PROV_FORMATS[fmt], indent=2)
    assert out is not None  # no destination given: the text is returned
    return out if out.endswith("\n") else out + "\n"
