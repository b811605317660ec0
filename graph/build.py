"""Build the NetworkX policy graph from loader records and reference data.

The graph is a :class:`networkx.MultiDiGraph` in the format every other module
relies on:

* node id :func:`ground.schema.node_id` (``"Zone:shanghai"``); node attributes
  ``label``, ``key``, ``name``, the scalar properties of
  :data:`ground.schema.NODE_TYPES` and ``provenance``, a list of evidence dicts
  ``{source, sha256, line, section, quote}`` (deduplicated, sorted by
  ``(source, line, quote)``);
* edge key the relationship type, or ``"TYPE|discriminator"`` when several
  edges of one type join the same two nodes (``DIFFUSED_TO`` per measure); edge
  attributes ``type``, scalar properties, ``derived`` (``True`` only on derived
  edges) and ``provenance``;
* ``G.graph`` holds ``name`` and ``sources``, the list of ``{file, sha256}`` the
  provenance refers to.

:func:`graph_from_records` is the pure core (records in, graph out);
:func:`graph_from_reports` is the main entry point: reference zones and
provinces, then the records, then entity resolution (:mod:`graph.resolve`) and
diffusion (:mod:`graph.diffusion`). :func:`validate` checks a graph against the
schema and reports every problem at once.

Merging rules
-------------
Records with the same ``(label, key)`` become one node. Within one call the
``name`` and each property take the value given by the most mentions (ties:
the value seen first); a node already in ``G`` keeps the values it has and
only gains the properties it lacks (so reference data, added first, wins over
what a report says). Provenance is the union of every mention. Stated
relations with the same ``(type, start, end)`` become one edge, merged the same
way. Building twice from the same records, or adding the same records to a
graph again, changes nothing.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import io
import logging
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import networkx as nx

from graph.diffusion import derive_diffusion
from graph.provenance import PROVENANCE_FIELDS, merge_provenance
from graph.resolve import resolve_measures
from ground.errors import GraphValidationError, ReferenceDataError
from ground.schema import (
    COMMON_EDGE_PROPERTIES,
    COMMON_NODE_PROPERTIES,
    DERIVED,
    KEY,
    NODE_TYPES,
    PATTERNS,
    PROVENANCE,
    REL_TYPES,
    SCOPE_REGION_KEYS,
    Label,
    RegionKind,
    Rel,
    node_id,
)
from loaders.records import Entity, ParsedReport, PropValue, Provenance, Relation
from loaders.reference import (
    PREFIXES_FILE,
    PROVINCES_FILE,
    REFERENCE_DIR,
    ZONES_FILE,
    PrefixRef,
    load_prefixes,
    load_provinces,
    load_zones,
)

__all__ = [
    "GRAPH_NAME",
    "add_chinese_numbers",
    "add_reference",
    "chinese_number",
    "find_problems",
    "graph_from_records",
    "graph_from_reports",
    "graph_stats",
    "validate",
]

logger = logging.getLogger(__name__)

GRAPH_NAME = "pftz-graph"
"""The ``name`` of every graph this module builds."""

SOURCES = "sources"
"""``G.graph`` key of the list of ``{file, sha256}`` the provenance refers to."""

REFERENCE_SECTION = "reference data"
"""``section`` of the provenance entries that point into ``data/reference/``."""

SCHEMA_SECTION = "schema"
"""``section`` of the provenance of the scope regions, which the schema defines."""

NON_MAINLAND_DIVISIONS = frozenset({"SAR"})
"""provinces.csv kinds outside the mainland (Hong Kong, Macao)."""

NON_MAINLAND_PROVINCES = frozenset({"taiwan"})
"""provinces.csv keys outside the mainland although GB/T 2260 lists them as provinces."""

_SCALAR_TYPES: dict[str, tuple[type, ...]] = {
    "str": (str,),
    "int": (int,),
    "float": (float, int),
    "bool": (bool,),
    "list": (list,),
}


def _sources_of(entries: Iterable[Mapping[str, Any]]) -> set[tuple[str, str]]:
    return {(str(p.get("source", "")), str(p.get("sha256", ""))) for p in entries}


def _add_sources(G: nx.MultiDiGraph, pairs: Iterable[tuple[str, str]]) -> None:
    """Add ``(file, sha256)`` pairs to ``G.graph['sources']``, kept sorted and unique."""
    have = {(str(s.get("file", "")), str(s.get("sha256", ""))) for s in G.graph.get(SOURCES) or ()}
    have |= {p for p in pairs if p[0]}
    G.graph[SOURCES] = [{"file": f, "sha256": h} for f, h in sorted(have)]


def _new_graph() -> nx.MultiDiGraph:
    return nx.MultiDiGraph(name=GRAPH_NAME, sources=[])


# --------------------------------------------------------------------------- merging


def _pick(values: Sequence[PropValue]) -> PropValue:
    """Return the most frequent non-empty value, the first seen among equals."""
    counts: Counter[tuple[str, PropValue]] = Counter()
    first: dict[tuple[str, PropValue], int] = {}
    for i, v in enumerate(values):
        if v is None or v == "":
            continue
        ident = (type(v).__name__, v)  # keep True and 1 apart
        counts[ident] += 1
        first.setdefault(ident, i)
    if not counts:
        return None
    best = max(counts, key=lambda k: (counts[k], -first[k]))
    return best[1]


def _merge_attrs(
    data: dict[str, Any], names: Sequence[str], props: Sequence[Mapping[str, PropValue]]
) -> None:
    """Fill ``data`` with the picked name and properties, keeping what it already has."""
    # a stub's name is its key: a real name given later replaces it
    if names and (not data.get("name") or data.get("name") == data.get(KEY)):
        name = _pick(names)
        if name is not None:
            data["name"] = name
    keys: dict[str, None] = {}
    for p in props:
        keys.update(dict.fromkeys(p))
    for k in keys:
        if data.get(k) is not None and data.get(k) != "":
            continue
        v = _pick([p.get(k) for p in props])
        if v is not None:
            data[k] = v


def _merge_node(
    G: nx.MultiDiGraph,
    label: Label,
    key: str,
    names: Sequence[str],
    props: Sequence[Mapping[str, PropValue]],
    provenance: Iterable[Mapping[str, Any]],
) -> str:
    nid = node_id(label, key)
    if nid not in G:
        G.add_node(nid, label=label.value, key=key)
    data = G.nodes[nid]
    _merge_attrs(data, names, props)
    data.setdefault("name", key)
    data[PROVENANCE] = merge_provenance(data.get(PROVENANCE), provenance)
    return nid


def _merge_edge(
    G: nx.MultiDiGraph,
    u: str,
    v: str,
    rel: Rel,
    props: Sequence[Mapping[str, PropValue]],
    provenance: Iterable[Mapping[str, Any]],
    *,
    discriminator: str = "",
    derived: bool = False,
) -> str:
    ekey = f"{rel.value}|{discriminator}" if discriminator else rel.value
    if not G.has_edge(u, v, ekey):
        G.add_edge(u, v, key=ekey, type=rel.value)
    data = G.edges[u, v, ekey]
    _merge_attrs(data, (), props)
    data[DERIVED] = bool(data.get(DERIVED, derived))
    data[PROVENANCE] = merge_provenance(data.get(PROVENANCE), provenance)
    return ekey


def _where(p: Provenance) -> str:
    return f"{p.source}:{p.line}"


_RESERVED_NODE = frozenset({"label", KEY, "name", PROVENANCE})
_RESERVED_EDGE = frozenset({"type", DERIVED, PROVENANCE})


def _plain(props: dict[str, PropValue], reserved: frozenset[str], what: str, found: list[str]) -> dict[str, PropValue]:
    """Drop (and report) record properties that would overwrite the graph's own attributes."""
    bad = sorted(set(props) & reserved)
    for name in bad:
        found.append(f"{what}: property {name!r} is reserved and was dropped")
    return {k: v for k, v in props.items() if k not in reserved}


def graph_from_records(
    entities: Iterable[Entity],
    relations: Iterable[Relation],
    *,
    G: nx.MultiDiGraph | None = None,
    problems: list[str] | None = None,
) -> nx.MultiDiGraph:
    """Merge entity and relation records into a policy graph.

    Parameters
    ----------
    entities
        Node records; records with the same ``(label, key)`` become one node.
    relations
        Edge records; records with the same ``(type, start, end)`` become one
        edge keyed by the type.
    G
        A graph to add to (modified in place and returned); a new one if None.
        Nodes already in it keep their values and gain provenance.
    problems
        If given, relations that cannot be added are described here and
        skipped; if None, they raise at the end.

    Returns
    -------
    networkx.MultiDiGraph
        The graph.

    Raises
    ------
    GraphValidationError
        When ``problems`` is None and a record uses a reserved property name
        (``label``, ``key``, ``name``, ``provenance``; ``type``, ``derived`` on
        relations: it is dropped), or a relation's pattern is not in
        :data:`ground.schema.PATTERNS`, or it points at a node that no entity
        defines and whose label has required properties (a Zone, Region,
        Measure or Batch cannot be made up from a bare key; an issuing body,
        document or alliance can, named by its key). All such relations are
        listed together.

    Examples
    --------
    >>> from loaders.records import Entity, Provenance, freeze_props
    >>> p = Provenance("r.txt", "0" * 64, 1, "", "Shanghai PFTZ")
    >>> e = Entity(Label.ZONE, "shanghai", "Shanghai PFTZ", freeze_props(kind="PFTZ"), p)
    >>> G = graph_from_records([e, e], [])
    >>> G.number_of_nodes(), len(G.nodes["Zone:shanghai"]["provenance"])
    (1, 1)
    """
    if G is None:
        G = _new_graph()
    found: list[str] = []
    sources: set[tuple[str, str]] = set()

    groups: dict[tuple[Label, str], list[Entity]] = {}
    for e in entities:
        groups.setdefault((Label(e.label), e.key), []).append(e)
    for (label, key), mentions in groups.items():
        prov = [m.provenance.to_dict() for m in mentions]
        sources |= _sources_of(prov)
        props = [
            _plain(m.properties, _RESERVED_NODE, f"{_where(m.provenance)}: {label.value}:{key}", found)
            for m in mentions
        ]
        _merge_node(G, label, key, [m.name for m in mentions], props, prov)

    edges: dict[tuple[str, str, Rel], list[Relation]] = {}
    for r in relations:
        rel, start, end = Rel(r.type), Label(r.start.label), Label(r.end.label)
        what = f"{_where(r.provenance)}: {rel.value} {start.value}:{r.start.key} -> {end.value}:{r.end.key}"
        if (start, rel, end) not in PATTERNS:
            found.append(f"{what}: pattern ({start.value})-[{rel.value}]->({end.value}) is not in the schema")
            continue
        ok = True
        for ref_label, ref_key in ((start, r.start.key), (end, r.end.key)):
            if node_id(ref_label, ref_key) in G or not NODE_TYPES[ref_label].required:
                continue
            required = ", ".join(NODE_TYPES[ref_label].required)
            found.append(
                f"{what}: no {ref_label.value} {ref_key!r} among the entities, "
                f"and a {ref_label.value} needs {required}"
            )
            ok = False
        if not ok:
            continue
        u, v = node_id(start, r.start.key), node_id(end, r.end.key)
        for ref_label, ref_key, nid in ((start, r.start.key, u), (end, r.end.key, v)):
            if nid not in G:  # a stub the schema allows: named by its key, evidenced by the relation
                _merge_node(G, ref_label, ref_key, [ref_key], [], [r.provenance.to_dict()])
        edges.setdefault((u, v, rel), []).append(r)
    for (u, v, rel), rs in edges.items():
        prov = [r.provenance.to_dict() for r in rs]
        sources |= _sources_of(prov)
        props = [
            _plain(r.properties, _RESERVED_EDGE, f"{_where(r.provenance)}: {rel.value} {u} -> {v}", found) for r in rs
        ]
        _merge_edge(G, u, v, rel, props, prov)

    _add_sources(G, sources)
    G.graph.setdefault("name", GRAPH_NAME)
    if found:
        if problems is None:
            raise GraphValidationError(found)
        problems.extend(found)
        for msg in found:
            logger.warning("record skipped or trimmed: %s", msg)
    return G


# --------------------------------------------------------------------------- reference data


def _file_sha256(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError as e:
        msg = f"cannot read reference file: {e.strerror or e}"
        raise ReferenceDataError(msg, str(path)) from e


def _row_lines(path: Path) -> dict[str, tuple[int, str]]:
    """Map the first field of each data row of a CSV file to ``(line, raw text)``."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        msg = f"cannot read reference file: {e}"
        raise ReferenceDataError(msg, str(path)) from e
    raw = text.splitlines()
    reader = csv.reader(io.StringIO(text))
    out: dict[str, tuple[int, str]] = {}
    last = 0
    for i, row in enumerate(reader):
        start, last = last + 1, reader.line_num
        if i == 0 or not row or not row[0].strip():
            continue
        out.setdefault(row[0].strip(), (start, " ".join(raw[start - 1 : last]).strip()))
    return out


def _reference_prov(path: Path, sha: str, lines: Mapping[str, tuple[int, str]], key: str) -> dict[str, Any]:
    line, quote = lines.get(key, (1, key))
    return Provenance(path.name, sha, line, REFERENCE_SECTION, quote).to_dict()


def _scope_provenance() -> dict[str, dict[str, Any]]:
    """Provenance of the scope regions: the lines of ground/schema.py that define them."""
    from ground import schema  # the module whose source defines the scopes

    path = Path(schema.__file__)
    sha = _file_sha256(path)
    lines = path.read_text(encoding="utf-8").splitlines()
    out: dict[str, dict[str, Any]] = {}
    for scope in SCOPE_REGION_KEYS:
        needle = f'= "{scope.value}"'
        no = next((i for i, t in enumerate(lines, 1) if t.strip().endswith(needle)), 1)
        quote = lines[no - 1].strip() if lines else scope.value
        out[scope.value] = Provenance(path.name, sha, no, SCHEMA_SECTION, quote).to_dict()
    return out


def add_reference(G: nx.MultiDiGraph, reference_dir: str | Path | None = None) -> nx.MultiDiGraph:
    """Add the curated zones, provinces and scope regions to a graph.

    Adds a Zone for every row of zones.csv (the 22 PFTZs and Hainan FTP) with
    ``kind``, ``province`` (the province key), ``name_zh``, ``established``
    (ISO date), ``lat`` and ``lon``; a Region (``kind`` = province) for every
    row of provinces.csv with ``division`` (the file's kind) and ``mainland``;
    the scope regions ``Nationwide`` and ``All PFTZs``; and ``LOCATED_IN``
    from each zone to its province. Provenance points at the file and line.

    Parameters
    ----------
    G
        The graph, modified in place. Existing nodes keep their values.
    reference_dir
        Directory holding zones.csv and provinces.csv (default:
        :data:`loaders.reference.REFERENCE_DIR`).

    Returns
    -------
    networkx.MultiDiGraph
        ``G``.

    Raises
    ------
    ReferenceDataError
        If a reference file cannot be read or has bad rows.
    """
    base = Path(reference_dir) if reference_dir is not None else REFERENCE_DIR
    zpath, ppath = base / ZONES_FILE, base / PROVINCES_FILE
    provinces = load_provinces(ppath)
    zones = load_zones(zpath, provinces=provinces)
    zsha, psha = _file_sha256(zpath), _file_sha256(ppath)
    zlines, plines = _row_lines(zpath), _row_lines(ppath)

    for p in provinces.values():
        props: dict[str, PropValue] = {
            "kind": RegionKind.PROVINCE.value,
            "name_zh": p.name_zh,
            "lat": p.lat,
            "lon": p.lon,
            "division": p.kind,
            "mainland": p.kind not in NON_MAINLAND_DIVISIONS and p.key not in NON_MAINLAND_PROVINCES,
        }
        _merge_node(G, Label.REGION, p.key, [p.name], [props], [_reference_prov(ppath, psha, plines, p.key)])
    scope_prov = _scope_provenance()
    for scope, key in SCOPE_REGION_KEYS.items():
        _merge_node(
            G, Label.REGION, key, [scope.value], [{"kind": RegionKind.SCOPE.value}], [scope_prov[scope.value]]
        )
    for z in zones.values():
        prov = _reference_prov(zpath, zsha, zlines, z.key)
        props = {
            "kind": z.kind,
            "province": z.province,
            "name_zh": z.name_zh,
            "established": z.established.iso if z.established else None,
            "lat": z.lat,
            "lon": z.lon,
        }
        zid = _merge_node(G, Label.ZONE, z.key, [z.name], [props], [prov])
        _merge_edge(G, zid, node_id(Label.REGION, z.province), Rel.LOCATED_IN, [], [prov])
    _add_sources(
        G,
        [(zpath.name, zsha), (ppath.name, psha)] + [(p["source"], p["sha256"]) for p in scope_prov.values()],
    )
    return G


def chinese_number(prefix: str, year: int, serial: int, prefixes: Mapping[str, PrefixRef]) -> str | None:
    """Return the Chinese form of a document number, or None if the prefix is not certain.

    Parameters
    ----------
    prefix
        The romanised prefix as the report writes it (``"G.H."``).
    year, serial
        The year and serial number.
    prefixes
        Curated prefixes (:func:`loaders.reference.load_prefixes`).

    Returns
    -------
    str or None
        ``"国函〔2024〕156号"``, or None when the prefix is unknown or its Chinese
        form is not certain.

    Examples
    --------
    >>> from loaders.reference import PrefixRef
    >>> chinese_number("G.H.", 2024, 156, {"G.H.": PrefixRef("G.H.", "国函", "state-council", True)})
    '国函〔2024〕156号'
    """
    ref = prefixes.get(prefix)
    if ref is None or not ref.certain or not ref.name_zh:
        return None
    return f"{ref.name_zh}〔{year}〕{serial}号"


def add_chinese_numbers(G: nx.MultiDiGraph, prefixes: Mapping[str, PrefixRef] | None = None) -> int:
    """Set ``number_zh`` on every Document with ``prefix``, ``year`` and ``serial``.

    The Chinese number is set when the prefix is in doc_prefixes.csv with
    ``certain`` = yes, and removed otherwise (a blank is better than a guess).

    Parameters
    ----------
    G
        The graph, modified in place.
    prefixes
        Curated prefixes; by default :func:`loaders.reference.load_prefixes`.

    Returns
    -------
    int
        The number of documents that have a Chinese number.
    """
    if prefixes is None:
        prefixes = load_prefixes()
    n = 0
    for _, data in G.nodes(data=True):
        if data.get("label") != Label.DOCUMENT.value:
            continue
        prefix, year, serial = data.get("prefix"), data.get("year"), data.get("serial")
        if not (isinstance(prefix, str) and isinstance(year, int) and isinstance(serial, int)):
            continue
        zh = chinese_number(prefix, year, serial, prefixes)
        if zh is None:
            data.pop("number_zh", None)
        else:
            data["number_zh"] = zh
            n += 1
    return n


def graph_from_reports(
    reports: Iterable[ParsedReport],
    *,
    reference: bool = True,
    derive: bool = True,
    resolve: bool = True,
    reference_dir: str | Path | None = None,
    check: bool = True,
    problems: list[str] | None = None,
) -> nx.MultiDiGraph:
    """Build the policy graph of one or more parsed reports.

    The stages, each logged with its counts: reference zones, provinces and
    scopes (:func:`add_reference`); the records of every report
    (:func:`graph_from_records`); Chinese document numbers
    (:func:`add_chinese_numbers`); entity resolution of measures
    (:func:`graph.resolve.resolve_measures`); diffusion edges
    (:func:`graph.diffusion.derive_diffusion`); and :func:`validate`.

    Parameters
    ----------
    reports
        Parsed reports (:class:`loaders.records.ParsedReport`).
    reference
        Add the curated reference data first.
    derive
        Derive ``DIFFUSED_TO`` edges.
    resolve
        Merge measures that are one innovation under different wordings.
    reference_dir
        Directory of the reference files (default: the bundled one).
    check
        Validate the result against the schema.
    problems
        If given, relations that cannot be added are listed here instead of
        raising (see :func:`graph_from_records`).

    Returns
    -------
    networkx.MultiDiGraph
        The graph.

    Raises
    ------
    GraphValidationError
        If records break the schema (all problems listed together).
    ReferenceDataError
        If a reference file is broken.
    """
    G = _new_graph()
    if reference:
        add_reference(G, reference_dir)
        logger.info("reference data: %s nodes, %s edges", f"{len(G):,}", f"{G.number_of_edges():,}")
    entities: list[Entity] = []
    relations: list[Relation] = []
    for r in reports:
        entities.extend(r.entities)
        relations.extend(r.relations)
        _add_sources(G, [(r.source, r.sha256)])
    graph_from_records(entities, relations, G=G, problems=problems)
    logger.info("records merged: %s nodes, %s edges", f"{len(G):,}", f"{G.number_of_edges():,}")
    prefixes_path = Path(reference_dir) / PREFIXES_FILE if reference_dir is not None else None
    n = add_chinese_numbers(G, load_prefixes(prefixes_path))
    logger.info("Chinese document numbers: %s", f"{n:,}")
    if resolve:
        summary = resolve_measures(G)
        logger.info(
            "entity resolution: %s measures merged, %s uncertain pairs", summary.merged, summary.uncertain
        )
    if derive:
        dsummary = derive_diffusion(G)
        logger.info(
            "diffusion: %s derived edges; %s measures without an origin zone",
            f"{dsummary.edges:,}",
            f"{dsummary.without_origin:,}",
        )
    if check:
        validate(G)
    return G


# --------------------------------------------------------------------------- validation


def _type_ok(value: Any, type_name: str) -> bool:
    types = _SCALAR_TYPES.get(type_name)
    if types is None:
        return False
    if isinstance(value, bool) and bool not in types:
        return False
    return isinstance(value, types)


def _provenance_problems(where: str, value: Any, *, required: bool) -> list[str]:
    if value is None or (isinstance(value, list) and not value):
        return [f"{where}: no provenance"] if required else []
    if not isinstance(value, list):
        return [f"{where}: provenance is a {type(value).__name__}, not a list"]
    out = []
    for i, p in enumerate(value):
        if not isinstance(p, Mapping):
            out.append(f"{where}: provenance entry {i} is a {type(p).__name__}, not a dict")
            continue
        missing = [f for f in PROVENANCE_FIELDS if f not in p]
        if missing:
            out.append(f"{where}: provenance entry {i} lacks {', '.join(missing)}")
        elif not isinstance(p["line"], int) or isinstance(p["line"], bool):
            out.append(f"{where}: provenance entry {i} has a line that is not an integer")
    return out


def _node_problems(nid: Any, data: Mapping[str, Any]) -> list[str]:
    where = f"node {nid!r}"
    out: list[str] = []
    try:
        label = Label(str(data.get("label")))
    except ValueError:
        return [f"{where}: unknown label {data.get('label')!r}"]
    key = data.get(KEY)
    if not isinstance(key, str) or not key:
        out.append(f"{where}: missing key")
    elif nid != node_id(label, key):
        out.append(f"{where}: id does not match label and key (expected {node_id(label, key)!r})")
    if not isinstance(data.get("name"), str):
        out.append(f"{where}: missing name")
    ntype = NODE_TYPES[label]
    for prop in ntype.required:
        if data.get(prop) is None or data.get(prop) == "":
            out.append(f"{where}: missing required property {prop!r}")
    allowed = {**COMMON_NODE_PROPERTIES, **ntype.properties}
    for prop, value in data.items():
        if prop in ("label", KEY, "name", PROVENANCE):
            continue
        if prop not in allowed:
            out.append(f"{where}: property {prop!r} is not in the schema of {label.value}")
        elif value is not None and not _type_ok(value, allowed[prop]):
            out.append(f"{where}: property {prop!r} is a {type(value).__name__}, not {allowed[prop]}")
    out += _provenance_problems(where, data.get(PROVENANCE), required=True)
    return out


def _edge_problems(G: nx.MultiDiGraph, u: Any, v: Any, k: Any, data: Mapping[str, Any]) -> list[str]:
    where = f"edge {u!r} -> {v!r} [{k!r}]"
    try:
        rel = Rel(str(data.get("type")))
    except ValueError:
        return [f"{where}: unknown relationship type {data.get('type')!r}"]
    out: list[str] = []
    if not isinstance(k, str) or not (k == rel.value or k.startswith(f"{rel.value}|")):
        out.append(f"{where}: edge key does not start with its type {rel.value!r}")
    ends: list[Label] = []
    for nid in (u, v):
        with contextlib.suppress(ValueError):  # the node's own problem is listed
            ends.append(Label(str(G.nodes[nid].get("label"))))
    if len(ends) == 2:
        start, end = ends
        if (start, rel, end) not in PATTERNS:
            out.append(f"{where}: pattern ({start})-[{rel.value}]->({end}) is not in the schema")
    allowed = {**COMMON_EDGE_PROPERTIES, **REL_TYPES[rel].properties}
    for prop, value in data.items():
        if prop in ("type", PROVENANCE):
            continue
        if prop not in allowed:
            out.append(f"{where}: property {prop!r} is not in the schema of {rel.value}")
        elif value is not None and not _type_ok(value, allowed[prop]):
            out.append(f"{where}: property {prop!r} is a {type(value).__name__}, not {allowed[prop]}")
    derived = data.get(DERIVED) is True
    out += _provenance_problems(where, data.get(PROVENANCE), required=not derived)
    return out


def find_problems(G: nx.MultiDiGraph) -> list[str]:
    """Return every way a graph breaks the schema, nodes first, in sorted order.

    See :func:`validate` for what is checked.

    Parameters
    ----------
    G
        The graph.

    Returns
    -------
    list[str]
        One line per problem; empty when the graph is valid.
    """
    out: list[str] = []
    for nid in sorted(G.nodes, key=str):
        out += _node_problems(nid, G.nodes[nid])
    for u, v, k, data in sorted(G.edges(keys=True, data=True), key=lambda e: (str(e[0]), str(e[1]), str(e[2]))):
        out += _edge_problems(G, u, v, k, data)
    return out


def validate(G: nx.MultiDiGraph) -> None:
    """Check a graph against :mod:`ground.schema`, reporting every problem at once.

    Checked: each node's label is a schema label, its id is
    ``node_id(label, key)``, it has a key, a name and the label's required
    properties; every property is in the schema of its label or relationship
    type and has the schema's type; every edge's type is a schema type, its key
    starts with the type and its ``(start, type, end)`` pattern is in
    :data:`ground.schema.PATTERNS`; every node and non-derived edge has
    provenance, each entry with source, sha256, line, section and quote.

    Parameters
    ----------
    G
        The graph.

    Raises
    ------
    GraphValidationError
        Listing every problem found.
    """
    problems = find_problems(G)
    if problems:
        raise GraphValidationError(problems)


def graph_stats(G: nx.MultiDiGraph) -> dict[str, Any]:
    """Count a graph's nodes per label and edges per type, stated and derived.

    Parameters
    ----------
    G
        The graph.

    Returns
    -------
    dict
        ``nodes``, ``edges``, ``stated_edges``, ``derived_edges`` (ints);
        ``labels`` (count per label, every schema label), ``relationships``
        (count per type, every schema type), ``derived`` (derived edges per
        type, only types that have some).

    Examples
    --------
    >>> graph_stats(nx.MultiDiGraph())["labels"]["Zone"]
    0
    """
    labels = dict.fromkeys((label.value for label in Label), 0)
    for _, data in G.nodes(data=True):
        lab = str(data.get("label"))
        labels[lab] = labels.get(lab, 0) + 1
    rels = dict.fromkeys((rel.value for rel in Rel), 0)
    derived: dict[str, int] = {}
    for _, _, data in G.edges(data=True):
        t = str(data.get("type"))
        rels[t] = rels.get(t, 0) + 1
        if data.get(DERIVED) is True:
            derived[t] = derived.get(t, 0) + 1
    n_derived = sum(derived.values())
    return {
        "nodes": G.number_of_nodes(),
        "edges": G.number_of_edges(),
        "stated_edges": G.number_of_edges() - n_derived,
        "derived_edges": n_derived,
        "labels": labels,
        "relationships": rels,
        "derived": dict(sorted(derived.items())),
    }
