"""A Datasette metadata file for a provenance database: what each table and column means, which
column names a row (so foreign keys show a title, not a number), and canned queries for the
questions people ask first. ``datasette provenance.db -m metadata.json`` serves it; the
queries are SQLite SQL, like Datasette itself.
"""

from typing import Any

Row = dict[str, Any]

TABLES: dict[str, Row] = {
    "article": {
        "description": "One ingested document. Offsets of claims, mentions and evidence index into its text.",
        "label_column": "title",
        "columns": {
            "path": "File it was read from (with #record for JSONL lines and parts of large files)",
            "external_id": "The id field of a JSONL record",
            "title": "First non-empty line, or the record's title",
            "outlet": "Publisher, from the file's 'Source » outlet' line or the record",
            "published": "Publication date as given",
            "text": "Full text; claim.start/end and citation.evidence_start/end are offsets into it",
            "body_start": "Where the body starts (after the title)",
            "body_end": "Where the body ends (before the outlet line)",
            "content_hash": "sha256 of the text: the same text is stored once",
            "version": "1, then 2, 3 ... for each edited version of the same path",
            "previous_id": "The version this one replaced",
            "is_current": "1 for the latest version: listings and views show current articles only",
        },
    },
    "source": {
        "description": "A real-world origin of information: person, organization, outlet, document or anonymous.",
        "label_column": "name",
        "columns": {"name": "Canonical name", "type": "person, organization, outlet, document or anonymous",
                    "key": "Normalized name used to resolve names to sources", "role": "Role in the article text"},
    },
    "source_alias": {
        "description": "A name a source was seen under, and why resolution took it to be that source.",
        "label_column": "alias",
        "columns": {"alias": "The name as written", "norm": "Normalized name",
                    "reason": "first-seen, in-article, exact-normalized, lexicon, spelling-variant, acronym, ...",
                    "score": "Similarity behind the match (1 for rules)"},
    },
    "source_relation": {
        "description": "Affiliation, publisher or author of a source.",
        "columns": {"relation": "affiliation, publisher or author", "related_name": "The related name as written",
                    "related_source_id": "The related source, when stored"},
    },
    "source_article": {
        "description": "A source seen in an article, with its counts there.",
        "columns": {"claim_count": "Claims whose chain includes the source", "origin_count": "... as the origin",
                    "relay_count": "... as a relay", "mention_count": "Spans that refer to it"},
    },
    "source_stats": {
        "description": "Reach of each source over current articles (sums of source_article).",
    },
    "mention": {
        "description": "A span of an article that refers to a source ('he', 'the report', 'Mr Joscelyn').",
        "label_column": "text",
        "columns": {"start": "Offset into article.text", "end": "End offset (exclusive)"},
    },
    "claim": {
        "description": "A statement of an article with its kind and its chain of sources as text, origin first.",
        "label_column": "text",
        "columns": {
            "start": "Offset into article.text: substr(text, start + 1, \"end\" - start) is the claim",
            "end": "End offset (exclusive; quote it in SQL: \"end\")",
            "cue": "The words that attribute it ('said', 'according to')",
            "kind": "direct, secondhand, vague or unattributed",
            "hops": "Length of the chain",
            "origin_source_id": "First source of the chain",
            "chain_text": "The chain as readable text, origin first: 'UN report ← Associated Press'",
        },
    },
    "citation": {
        "description": "One link of a claim's chain: position 0 is the origin, then each relay outward.",
        "label_column": "evidence_text",
        "columns": {"position": "0 for the origin, then 1, 2 ... outward", "role": "origin or relay",
                    "cue": "The words that cite this source",
                    "evidence_start": "Offset into article.text of the words that show this link",
                    "evidence_end": "End offset (exclusive)", "evidence_text": "Those words"},
    },
    "overlap_group": {
        "description": "Claims in different articles that state the same thing (run `provenance overlaps` "
                       "after an ingest to refresh).",
        "columns": {"independent": "1 when the members rest on two or more different named origins",
                    "shared_origin_id": "The one origin they all trace back to, if any"},
    },
    "overlap_member": {"description": "One claim of an overlap group."},
    "claim_chain": {"description": "View: each claim of a current article with its chain as text."},
    "recurring_source": {"description": "View: sources in two or more current articles."},
    "secondhand_claim": {"description": "View: claims that reached the article through someone else."},
    "schema_migrations": {"description": "Applied schema versions."},
}
HIDDEN = ("claim_fts_sync", "overlap_key", "overlap_feature", "overlap_claim", "overlap_state", "overlap_pair",
          "source_block", "source_curation")

QUERIES: dict[str, Row] = {
    "secondhand_by_outlet": {
        "title": "Secondhand claims by outlet",
        "description": "How much of each outlet's reporting reached it through someone else.",
        "sql": """SELECT coalesce(a.outlet, '(no outlet)') AS outlet,
       count(DISTINCT a.id) AS articles,
       count(*) AS claims,
       sum(c.kind = 'secondhand') AS secondhand,
       round(100.0 * sum(c.kind = 'secondhand') / count(*), 1) AS secondhand_pct
FROM claim c JOIN article a ON a.id = c.article_id
WHERE a.is_current
GROUP BY 1 ORDER BY secondhand DESC, claims DESC""",
    },
    "source_claims": {
        "title": "A source's claims",
        "description": "Every claim whose chain cites a source, by its name or any name it was seen under "
                       "(case ignored).",
        "sql": """SELECT c.id AS claim_id, ci.role, ci.position, c.kind, a.id AS article_id, a.title AS article,
       a.outlet, c.text AS claim, c.chain_text AS chain, ci.cue, ci.evidence_text
FROM source s
JOIN citation ci ON ci.source_id = s.id
JOIN claim c ON c.id = ci.claim_id
JOIN article a ON a.id = c.article_id AND a.is_current
WHERE lower(s.name) = lower(:source)
   OR s.id IN (SELECT source_id FROM source_alias WHERE lower(alias) = lower(:source))
ORDER BY c.id, ci.position""",
    },
    "recurring_sources": {
        "title": "Recurring sources",
        "description": "Sources in two or more articles, widest reach first.",
        "sql": """SELECT source_id, name, type, article_count, claim_count, origin_count, relay_count
FROM recurring_source ORDER BY article_count DESC, claim_count DESC, source_id""",
    },
    "shared_origin_claims": {
        "title": "Claims several articles carry, with their shared origin",
        "description": "Overlap groups widest first: independent = 0 when every member traces back to one "
                       "origin (run `provenance overlaps` after an ingest).",
        "sql": """SELECT g.id AS group_id, g.article_count, g.independent, o.name AS shared_origin,
       m.claim_id, a.outlet, a.title AS article, c.text AS claim, c.chain_text AS chain
FROM overlap_group g
JOIN overlap_member m ON m.group_id = g.id
JOIN claim c ON c.id = m.claim_id
JOIN article a ON a.id = m.article_id
LEFT JOIN source o ON o.id = g.shared_origin_id
ORDER BY g.article_count DESC, g.id, m.claim_id""",
    },
    "article_claims": {
        "title": "Claims of one article in text order",
        "description": "The claims of an article (its id) as they come in the text, with their chains.",
        "sql": """SELECT c.id AS claim_id, c.start, c."end", c.kind, c.cue, c.text AS claim, c.chain_text AS chain
FROM claim c
WHERE c.article_id = :article_id
ORDER BY c.start, c."end" DESC, c.id""",
    },
}


def metadata(database: str = "provenance") -> Row:
    """The metadata for a database that Datasette names ``database`` (its file name without ``.db``)."""
    tables = {name: dict(spec) for name, spec in TABLES.items()}
    tables.update({name: {"hidden": True} for name in HIDDEN})
    return {
        "title": "provenance: who says so, and how did it reach this page?",
        "description": "News articles, the claims they make and the chain of sources each claim rests on, "
                       "origin first, with the words that show every link.",
        "databases": {database: {"tables": tables, "queries": {k: dict(v) for k, v in QUERIES.items()}}},
    }


def database_name(db: str) -> str:
    """The name Datasette gives the database ``db`` (a path or a SQLite URL): its file name without
    the extension; "provenance" for anything else."""
    from pathlib import PurePath

    path = db.split("://", 1)[1].lstrip("/") if db.startswith("sqlite:") else ("" if "://" in db else db)
    path = path.split("?", 1)[0]
    if path.startswith("file:"):
        path = path[5:]
    return PurePath(path).stem if path and path != ":memory:" else "provenance"
