"""The single source of truth for the policy graph's data model.

Node labels, relationship types, the key property, the properties each label
and relationship may carry, the allowed ``(label, relationship, label)``
patterns and the display style of each label live here. The NetworkX store,
the Neo4j store, the validator, the exports, the queries' twins and the HTML
styling all import this module; nothing else spells a label as a literal.

Every node is identified by ``(label, key)``; in NetworkX the node id is
:func:`node_id` of the two (``"Zone:shanghai"``). Every node and relationship
carries ``provenance``: a list of evidence entries (source file, its sha256,
line, section, quote), one per place the fact was seen.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

KEY = "key"
"""The property that identifies a node within its label."""

RESOLVED = "resolved"
"""Edge property: how a stated edge's end was resolved when its quote names a group, alias or anaphor
instead of the node (``group "Pilot Regions"``)."""

NOT_AFTER = "not_after"
"""Edge property: the latest date a fact can have, inferred from context (a batch's release date for the
pilot of a measure it promotes). Never a ``date``: a ``date`` is printed in the edge's evidence."""

PROVENANCE = "provenance"
"""The property holding the list of evidence entries of a node or edge."""

DERIVED = "derived"
"""Edge property: ``True`` on edges the graph derives (diffusion), absent or
``False`` on facts the report states."""


class Label(StrEnum):
    """Node labels."""

    ZONE = "Zone"
    REGION = "Region"
    ISSUING_BODY = "IssuingBody"
    DOCUMENT = "Document"
    MEASURE = "Measure"
    BATCH = "Batch"
    ALLIANCE = "Alliance"


class Rel(StrEnum):
    """Relationship types."""

    ISSUED_BY = "ISSUED_BY"
    APPROVED_BY = "APPROVED_BY"
    NAMES_ZONE = "NAMES_ZONE"
    ORIGINATED_IN = "ORIGINATED_IN"
    IN_BATCH = "IN_BATCH"
    RELEASED_BY = "RELEASED_BY"
    PROMOTED_BY = "PROMOTED_BY"
    RESPONSIBLE_FOR = "RESPONSIBLE_FOR"
    REPLICATED_TO = "REPLICATED_TO"
    ADOPTED = "ADOPTED"
    PART_OF = "PART_OF"
    LOCATED_IN = "LOCATED_IN"
    MEMBER_OF = "MEMBER_OF"
    SAME_AS = "SAME_AS"
    DIFFUSED_TO = "DIFFUSED_TO"


class ZoneKind(StrEnum):
    """Kinds of :attr:`Label.ZONE` nodes."""

    PFTZ = "PFTZ"
    FTP = "FTP"
    SUB_AREA = "sub-area"
    COORDINATED = "coordinated innovation zone"


class RegionKind(StrEnum):
    """Kinds of :attr:`Label.REGION` nodes."""

    PROVINCE = "province"
    CITY = "city"
    SCOPE = "scope"


class MeasureKind(StrEnum):
    """Kinds of :attr:`Label.MEASURE` nodes."""

    BEST_PRACTICE = "best practice"
    REFORM_EXPERIENCE = "reform experience"
    PILOT_MEASURE = "pilot measure"
    ZONE_CASE = "zone case"
    PROVINCIAL = "provincial innovation"
    INNOVATION = "institutional innovation"


class Scope(StrEnum):
    """Replication scopes as the report states them, normalised."""

    NATIONWIDE = "Nationwide"
    ALL_PFTZS = "All PFTZs"
    PROVINCE_WIDE = "Province-wide"
    DESIGNATED_AREAS = "Designated areas"
    FOR_REFERENCE = "For reference"


SCOPE_REGION_KEYS: dict[Scope, str] = {
    Scope.NATIONWIDE: "nationwide",
    Scope.ALL_PFTZS: "all-pftzs",
}
"""Region keys of the scope nodes that replication edges point at."""


@dataclass(frozen=True, slots=True)
class NodeType:
    """What a node label carries and how it is drawn.

    Parameters
    ----------
    label
        The label.
    properties
        Allowed properties with their Python type names (besides ``key``,
        ``name`` and ``provenance``, which every node has).
    required
        Properties every node of this label must have.
    color, shape, caption
        Display style shared by the HTML exports and the Neo4j Browser style.
    description
        One line for the generated schema reference.
    """

    label: Label
    properties: dict[str, str]
    required: tuple[str, ...]
    color: str
    shape: str
    caption: str
    description: str


@dataclass(frozen=True, slots=True)
class RelType:
    """What a relationship type connects and carries."""

    rel: Rel
    patterns: tuple[tuple[Label, Label], ...]
    properties: dict[str, str]
    description: str
    color: str = "#888888"


NODE_TYPES: dict[Label, NodeType] = {
    t.label: t
    for t in (
        NodeType(
            Label.ZONE,
            {
                "kind": "str",
                "province": "str",
                "name_zh": "str",
                "established": "str",
                "lat": "float",
                "lon": "float",
                # an area's other names in the curated list (areas.csv), joined by ALIAS_SEPARATOR
                "aliases": "str",
            },
            ("kind",),
            "#1f77b4",
            "dot",
            "name",
            "A PFTZ, Hainan FTP, a sub-area or a coordinated innovation zone.",
        ),
        NodeType(
            Label.REGION,
            {
                "kind": "str",
                "name_zh": "str",
                "lat": "float",
                "lon": "float",
                # provinces.csv's kind (municipality, autonomous region, SAR, ...)
                "division": "str",
                # True for the 31 mainland provincial-level divisions (what "Nationwide" reaches)
                "mainland": "bool",
            },
            ("kind",),
            "#17becf",
            "square",
            "name",
            "A replication target: a province or city, or a scope (Nationwide, All PFTZs).",
        ),
        NodeType(
            Label.ISSUING_BODY,
            # name: as printed; canonical_name: the curated official name (bodies.csv); printed_name: the words
            # printed for a local issuer named by its place ("Shanghai PFTZ issued"), whose name is canonical
            {"abbreviation": "str", "name_zh": "str", "level": "str", "canonical_name": "str", "printed_name": "str"},
            (),
            "#d62728",
            "triangle",
            "name",
            "A body that issues or is responsible for documents (State Council, MOFCOM, ...).",
        ),
        NodeType(
            Label.DOCUMENT,
            {
                "title": "str",
                "number": "str",
                "prefix": "str",
                "year": "int",
                "serial": "int",
                "number_zh": "str",
                "date": "str",
                "kind": "str",
                # a text read itself (kind "text"): its publisher and address, as its header gives them
                "publisher": "str",
                "url": "str",
                # the other wordings the report gives the document's title, joined by ALIAS_SEPARATOR
                "aliases": "str",
            },
            (),
            "#ff7f0e",
            "box",
            "name",
            "A policy document, with its number parsed into prefix, year and serial.",
        ),
        NodeType(
            Label.MEASURE,
            {
                "kind": "str",
                "title": "str",
                "field": "str",
                "scope": "str",
                "year": "int",
                "row": "int",
                "section": "str",
                "before": "str",
                "after": "str",
                "text": "str",
                "aliases": "str",
                # True for one innovation presented as the joint work of several zones
                "joint": "bool",
                # True for an innovation the text presents as cross-regional (of several zones or regions)
                "cross_regional": "bool",
                # the partners as printed when the text names a group, not zones ("the three northeastern provinces")
                "members": "str",
            },
            ("kind",),
            "#2ca02c",
            "dot",
            "name",
            "An institutional innovation, pilot measure, best practice, reform experience or zone case.",
        ),
        NodeType(
            Label.BATCH,
            {"kind": "str", "level": "str", "level_from": "str", "ordinal": "int", "count": "int", "date": "str"},
            ("level",),
            "#9467bd",
            "diamond",
            "name",
            "A national or provincial release of measures.",
        ),
        NodeType(
            Label.ALLIANCE,
            # members: the members as printed when the text names no zones ("the nine provinces ...")
            {"kind": "str", "members": "str"},
            (),
            "#8c564b",
            "star",
            "name",
            "A body of several members: an alliance, a joint conference mechanism, a cooperation platform or a"
            " demonstration zone of PFTZs (a joint innovation is a Measure of several origins, never an Alliance).",
        ),
    )
}

REL_TYPES: dict[Rel, RelType] = {
    t.rel: t
    for t in (
        RelType(
            Rel.ISSUED_BY,
            ((Label.DOCUMENT, Label.ISSUING_BODY), (Label.DOCUMENT, Label.ALLIANCE)),
            {},
            "A document and each of its issuers (a body, or an alliance that issued it for its members).",
        ),
        RelType(
            Rel.APPROVED_BY,
            ((Label.DOCUMENT, Label.ISSUING_BODY),),
            {},
            'A body approved a document ("with the approval of the State Council"): approval is not issuance.',
        ),
        RelType(
            Rel.NAMES_ZONE,
            ((Label.DOCUMENT, Label.ZONE),),
            {"role": "str"},
            "A document names a zone (as pilot region or target).",
        ),
        RelType(
            Rel.ORIGINATED_IN,
            ((Label.MEASURE, Label.ZONE), (Label.MEASURE, Label.REGION)),
            # date: the pilot start the evidence prints; document: the key of the document that launched it;
            # not_after: a bound inferred from the batch's release
            {"date": "str", "document": "str", NOT_AFTER: "str"},
            "A measure was piloted in (credited to) a zone; the item of a batch a body of several members released,"
            " also to the provinces among its members (derived).",
        ),
        RelType(Rel.IN_BATCH, ((Label.MEASURE, Label.BATCH),), {"row": "int"}, "A measure belongs to a batch."),
        RelType(
            Rel.RELEASED_BY,
            ((Label.BATCH, Label.DOCUMENT), (Label.BATCH, Label.ALLIANCE)),
            {},
            "A batch was released by a document (or by an alliance of PFTZs).",
        ),
        RelType(
            Rel.PROMOTED_BY,
            ((Label.MEASURE, Label.DOCUMENT),),
            {},
            "A measure was promoted (replicated) by a document.",
        ),
        RelType(
            Rel.RESPONSIBLE_FOR,
            ((Label.ISSUING_BODY, Label.MEASURE), (Label.ISSUING_BODY, Label.BATCH)),
            {},
            "A body is in charge of (responsible for) replicating a measure.",
        ),
        RelType(
            Rel.REPLICATED_TO,
            ((Label.MEASURE, Label.REGION), (Label.MEASURE, Label.ZONE), (Label.BATCH, Label.REGION)),
            # origin: the zone whose batch the text says was replicated (zone:<key>), when it is stated
            {"scope": "str", "date": "str", "origin": "str"},
            "A measure was replicated to a scope, province or zone, as stated.",
            "#2ca02c",
        ),
        RelType(
            Rel.ADOPTED,
            ((Label.ZONE, Label.MEASURE), (Label.REGION, Label.MEASURE)),
            # adopter: the adopter as printed when narrower than the node (designated areas of a province)
            # as_printed: the innovation's name as the sentence words it, when it differs from the measure's
            {
                "outcome": "str",
                "date": "str",
                "batch": "str",
                "scope": "str",
                "origin": "str",
                "adopter": "str",
                "as_printed": "str",
            },
            "A zone or province adopted a measure, with the outcome, scope and origin the report gives.",
            "#e377c2",
        ),
        RelType(
            Rel.PART_OF,
            ((Label.ZONE, Label.ZONE), (Label.MEASURE, Label.MEASURE), (Label.ISSUING_BODY, Label.ISSUING_BODY)),
            {},
            "A sub-area or coordinated innovation zone is part of a PFTZ; a General Office of its body.",
        ),
        RelType(
            Rel.LOCATED_IN,
            ((Label.ZONE, Label.REGION), (Label.REGION, Label.REGION)),
            {},
            "A zone lies in a province; a city or county lies in its province.",
        ),
        RelType(
            Rel.MEMBER_OF,
            (
                (Label.ZONE, Label.ALLIANCE),
                (Label.REGION, Label.ALLIANCE),
                (Label.ZONE, Label.BATCH),
                (Label.REGION, Label.BATCH),
            ),
            {},
            "A zone (or a province) is a member of an alliance, or a zone of a group a document defines; a zone "
            "(or a province without one) owns its batch.",
        ),
        RelType(
            Rel.SAME_AS,
            ((Label.MEASURE, Label.MEASURE),),
            {"score": "float", "status": "str", "rule": "str"},
            "Two mentions that may be one innovation, with a similarity score (`status` `uncertain`: for "
            "review; `linked`: the rule named in `rule` found one clear match, traced as one innovation).",
            "#bbbbbb",
        ),
        RelType(
            Rel.DIFFUSED_TO,
            ((Label.ZONE, Label.ZONE), (Label.ZONE, Label.REGION)),
            {"measure": "str", "date": "str", "via": "str"},
            "Derived: a measure spread from its origin zone to another zone or region at a date.",
            "#7f7f7f",
        ),
    )
}

PATTERNS: frozenset[tuple[Label, Rel, Label]] = frozenset(
    (src, t.rel, dst) for t in REL_TYPES.values() for src, dst in t.patterns
)
"""Every allowed ``(start label, relationship, end label)`` triple."""

ALIASES = "aliases"
"""Measure property: the other names of a measure that entity resolution merged
into it, joined by :data:`ALIAS_SEPARATOR`."""

ALIAS_SEPARATOR = " | "

LINKED = "linked"
"""``SAME_AS.status`` of two wordings a rule matched clearly (``rule`` names it): one innovation, which
search ranks once and ``trace`` tells as one; other ``SAME_AS`` edges are ``uncertain``, for review."""

CONTESTED = "contested"
"""Property naming the properties the sources disagree on (joined by :data:`ALIAS_SEPARATOR`)."""

CLAIMS = "claims"
"""Property holding every value of a contested property with the places that state it
(``date=2024-01-18 (a.txt:12); date=2024-03-18 (b.txt:12)``)."""

SEARCH_INDEX = "node_search"
"""Name of the Neo4j full-text index over :data:`SEARCH_FIELDS` of every label (``pftz search``)."""

SEARCH_FIELDS: dict[str, tuple[float, tuple[str, ...]]] = {
    "names": (
        10.0,
        ("name", "title", ALIASES, "number", "number_zh", "name_zh", "abbreviation", "canonical_name", "printed_name"),
    ),
    "context": (3.0, ("field", "before", "after")),
    "evidence": (1.0, (PROVENANCE,)),
}
"""What a search reads, as ``field: (weight, node properties)``, strongest first: every name,
alias and printed variant of a node; the context phrases around it; the evidence sentences.
The same fields and weights rank on both backends (SQLite FTS5 ``bm25()`` column weights on
NetworkX, Lucene boosts on Neo4j's :data:`SEARCH_INDEX`)."""

DATE_START = "date_start"
"""Node and edge property: the first day (ISO ``YYYY-MM-DD``) of the period of the element's date
(``date``; a zone's ``established``), set when the graph is built, so that a time window is one
comparison on both backends (:mod:`graph.periods`)."""

DATE_END = "date_end"
"""Node and edge property: the last day of that period."""

DATE_FROM = "date_from"
"""Node property: ``"number"`` when the period is the year in a document's number, the report stating
no date (derived)."""

COMMON_NODE_PROPERTIES: dict[str, str] = {
    KEY: "str", "name": "str", PROVENANCE: "list", DATE_START: "str", DATE_END: "str", DATE_FROM: "str",
    CONTESTED: "str", CLAIMS: "str",
}  # fmt: skip
COMMON_EDGE_PROPERTIES: dict[str, str] = {
    PROVENANCE: "list", DERIVED: "bool", RESOLVED: "str", DATE_START: "str", DATE_END: "str",
    CONTESTED: "str", CLAIMS: "str",
}  # fmt: skip


def node_id(label: Label | str, key: str) -> str:
    """Return the NetworkX node id of a ``(label, key)`` pair.

    Examples
    --------
    >>> node_id(Label.ZONE, "shanghai")
    'Zone:shanghai'
    """
    return f"{label if label.__class__ is Label else Label(label)}:{key}"


def split_node_id(nid: str) -> tuple[Label, str]:
    """Split a node id made by :func:`node_id` into its label and key."""
    label, _, key = nid.partition(":")
    return Label(label), key


# --------------------------------------------------------------------------- Neo4j database names

DATABASE_NAME_RULES = (
    "3 to 63 characters: an ASCII letter, then ASCII letters, digits, dots or dashes; "
    "not starting with 'system' or '_', not ending with '.backup'"
)
"""Neo4j 5's naming rules for databases, as a sentence for messages."""


def database_name_problem(name: str) -> str | None:
    """Why ``name`` breaks Neo4j's naming rules for databases (:data:`DATABASE_NAME_RULES`), or None.

    Checked before a name reaches ``neo4j-admin`` or a driver, so that no
    value can be read as an option (``--overwrite-destination=true``).

    Examples
    --------
    >>> database_name_problem("neo4j") is None, database_name_problem("pftz-2025.v1") is None
    (True, True)
    >>> database_name_problem("--overwrite-destination=true")
    "'--overwrite-destination=true' is not a Neo4j database name (3 to 63 characters: an ASCII letter, ..."
    """
    ok = 3 <= len(name) <= 63 and name[:1].isascii() and name[:1].isalpha()
    ok = ok and all(c.isascii() and (c.isalnum() or c in ".-") for c in name)
    lowered = name.lower()
    ok = ok and not lowered.startswith("system") and not lowered.endswith(".backup")
    return None if ok else f"{name!r} is not a Neo4j database name ({DATABASE_NAME_RULES})"
