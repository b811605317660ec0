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
:func:`graph_from_reports` is the main entry point: the reference records
(zones, provinces, scopes: :func:`loaders.reference.load_reference`, passed in
by the caller), then the reports' records, then entity resolution
(:mod:`graph.resolve`), diffusion (:mod:`graph.diffusion`) and validation
(:mod:`graph.validate`). The graph reads no file: every fact comes in as a
record with its provenance. :mod:`graph.stats` counts what was built.

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

:func:`graph_from_reports` reads its reports one at a time and keeps of each
record only what merging needs (name, properties, a shared evidence dict), so
a generator of reports is built without holding every report's records; the
votes and the checks still span all of them (a relation may name a node that a
later report defines).
"""

from __future__ import annotations

import logging
from collections import Counter, deque
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import networkx as nx

from pftz.graph.diffusion import derive_diffusion
from pftz.graph.periods import stamp_periods
from pftz.graph.provenance import add_sources, merge_provenance, sources_of
from pftz.graph.resolve import link_narrative_rows, resolve_measures
from pftz.graph.validate import validate
from pftz.ground.errors import GraphValidationError
from pftz.ground.names import normalize_name
from pftz.ground.schema import (
    ALIAS_SEPARATOR,
    ALIASES,
    CLAIMS,
    CONTESTED,
    DERIVED,
    KEY,
    NODE_TYPES,
    PATTERNS,
    PROVENANCE,
    Label,
    Rel,
    node_id,
    split_node_id,
)
from pftz.loaders.records import Entity, ParsedReport, Props, PropValue, Provenance, Relation

__all__ = [
    "GRAPH_NAME",
    "graph_from_records",
    "graph_from_reports",
]

logger = logging.getLogger(__name__)

GRAPH_NAME = "pftz-graph"
"""The ``name`` of every graph this module builds."""


def _new_graph() -> nx.MultiDiGraph:
    return nx.MultiDiGraph(name=GRAPH_NAME, sources=[])


# --------------------------------------------------------------------------- merging


def _pick(values: Sequence[PropValue]) -> PropValue:
    """Return the most frequent non-empty value, the first seen among equals."""
    if len(values) == 1:  # most groups have one mention
        v = values[0]
        return None if v is None or v == "" else v
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


def _stable_pick(values: Sequence[PropValue]) -> PropValue:
    """The most frequent non-empty value; among equals the smallest: the same whatever the order of the inputs."""
    counts: Counter[tuple[str, PropValue]] = Counter()
    for v in values:
        if v is not None and v != "":
            counts[(type(v).__name__, v)] += 1
    if not counts:
        return None
    best = min(counts, key=lambda k: (-counts[k], k[0], str(k[1])))
    return best[1]


def _contested(
    k: str, values: Sequence[PropValue], prov: Sequence[Mapping[str, Any]]
) -> tuple[PropValue, str] | None:
    """When sources state different values of property ``k``: the value kept and the claims (values, places)."""
    places: dict[tuple[str, PropValue], list[str]] = {}
    said: dict[str, set[tuple[str, PropValue]]] = {}  # per source, the values it states
    for v, ev in zip(values, prov, strict=True):
        if v is None or v == "":
            continue
        ident = (type(v).__name__, v)
        places.setdefault(ident, []).append(_where(ev))
        said.setdefault(str(ev.get("sha256", "")), set()).add(ident)
    if len(places) < 2 or len({frozenset(v) for v in said.values()}) < 2:
        return None  # one value, or every source states the same values
    claims = "; ".join(
        f"{k}={ident[1]} ({', '.join(sorted(set(where))[:3])})"
        for ident, where in sorted(places.items(), key=lambda t: (t[0][0], str(t[0][1])))
    )
    return _stable_pick(values), claims


def _merge_attrs(
    data: dict[str, Any],
    names: Sequence[str],
    props: Sequence[Mapping[str, PropValue]],
    prov: Sequence[Mapping[str, Any]] = (),
) -> list[str]:
    """Fill ``data`` with the picked name and properties, keeping what it already has.

    Where the mentions come from more than one source and disagree on a
    property, every value is kept with its places in ``claims``, the
    property is named in ``contested``, the value kept is the most frequent
    (the smallest among equals, so the order of the inputs never decides),
    and the claims are returned (one line each) for a warning.
    """
    found: list[str] = []
    several = len(props) > 1 and len(prov) == len(props) and len({str(e.get("sha256")) for e in prov}) > 1
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
        values = [p.get(k) for p in props]
        disputed = _contested(k, values, prov) if several else None
        if disputed is not None:
            v, claims = disputed
            named = {*str(data.get(CONTESTED) or "").split(ALIAS_SEPARATOR), k} - {""}
            data[CONTESTED] = ALIAS_SEPARATOR.join(sorted(named))
            data[CLAIMS] = f"{data[CLAIMS]}; {claims}" if data.get(CLAIMS) else claims
            found.append(f"{k} kept as {v!r}; the sources say {claims}")
        else:
            v = _stable_pick(values) if several else _pick(values)  # several sources: never their order
        if v is not None:
            data[k] = v
    return found


def _merge_node(
    G: nx.MultiDiGraph,
    label: Label,
    key: str,
    names: Sequence[str],
    props: Sequence[Mapping[str, PropValue]],
    provenance: Iterable[Mapping[str, Any]],
    nid: str | None = None,
    notes: list[str] | None = None,
) -> str:
    nid = nid or node_id(label, key)
    if nid not in G:
        G.add_node(nid, label=label.value, key=key)
    data = G.nodes[nid]
    prov = list(provenance)
    for line in _merge_attrs(data, names, props, prov):
        if notes is not None:
            notes.append(f"[contested] {nid}: {line}")
    data.setdefault("name", key)
    data[PROVENANCE] = merge_provenance(data.get(PROVENANCE), prov)
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
    notes: list[str] | None = None,
) -> str:
    ekey = f"{rel.value}|{discriminator}" if discriminator else rel.value
    if not G.has_edge(u, v, ekey):
        G.add_edge(u, v, key=ekey, type=rel.value)
    data = G.edges[u, v, ekey]
    prov = list(provenance)
    for line in _merge_attrs(data, (), props, prov):
        if notes is not None:
            notes.append(f"[contested] {rel.value} {u} -> {v}: {line}")
    data[DERIVED] = bool(data.get(DERIVED, derived)) and derived  # one stated record makes the edge stated
    data[PROVENANCE] = merge_provenance(data.get(PROVENANCE), prov)
    return ekey


def _where(ev: Mapping[str, Any]) -> str:
    """``file:line`` of an evidence dict, for messages."""
    return f"{ev['source']}:{ev['line']}"


def _label(value: Label | str) -> Label:
    return value if value.__class__ is Label else Label(value)  # the enum call is slow


def _rel(value: Rel | str) -> Rel:
    return value if value.__class__ is Rel else Rel(value)


_RESERVED_NODE = frozenset({"label", KEY, "name", PROVENANCE})
_RESERVED_EDGE = frozenset({"type", DERIVED, PROVENANCE})


def _plain(props: dict[str, PropValue], reserved: frozenset[str], what: str, found: list[str]) -> dict[str, PropValue]:
    """Drop (and report) record properties that would overwrite the graph's own attributes."""
    bad = sorted(set(props) & reserved)
    for name in bad:
        found.append(f"{what}: property {name!r} is reserved and was dropped")
    return {k: v for k, v in props.items() if k not in reserved}


_Mention = tuple[str, Props, dict[str, Any]]
"""What merging needs of an entity record: its name, properties and evidence dict."""


class _Grouped:
    """Records grouped by what they become, reduced as they arrive to what merging needs.

    One group per node ``(label, key)`` and one per edge ``(start, end, type)``, in the
    order of their first record. A record is kept as its name, properties and a shared
    evidence dict, not as itself, so a build fed report by report never holds every
    report's records at once. Nothing touches a graph until :meth:`into`.
    """

    def __init__(self) -> None:
        self.nodes: dict[str, tuple[Label, str, list[_Mention]]] = {}
        self.edges: dict[tuple[str, str, Rel], list[tuple[Props, dict[str, Any]]]] = {}
        self.found: list[str] = []
        self.contested: list[str] = []  # sources that disagree on a property, one line each
        # evidence dicts and node ids are made once and shared: the records of one sentence share
        # its provenance, and every edge of a node names it; the graph treats both as immutable
        self._evidence: dict[Provenance, dict[str, Any]] = {}
        self._nids: dict[str, str] = {}

    def _ev(self, p: Provenance) -> dict[str, Any]:
        d = self._evidence.get(p)
        if d is None:
            d = self._evidence[p] = p.to_dict()
        return d

    def _nid(self, label: Label, key: str) -> str:
        nid = node_id(label, key)
        return self._nids.setdefault(nid, nid)

    def add(self, entities: Iterable[Entity], relations: Iterable[Relation]) -> None:
        """Group the records of one input (entities, then relations)."""
        for e in entities:
            label = _label(e.label)
            nid = self._nid(label, e.key)
            group = self.nodes.get(nid)
            if group is None:
                group = self.nodes[nid] = (label, e.key, [])
            group[2].append((e.name, e.props, self._ev(e.provenance)))
        for r in relations:
            rel, start, end = _rel(r.type), _label(r.start.label), _label(r.end.label)
            if (start, rel, end) not in PATTERNS:
                where = _where(self._ev(r.provenance))
                self.found.append(
                    f"{where}: {rel.value} {start.value}:{r.start.key} -> {end.value}:{r.end.key}: "
                    f"pattern ({start.value})-[{rel.value}]->({end.value}) is not in the schema"
                )
                continue
            group_key = (self._nid(start, r.start.key), self._nid(end, r.end.key), rel)
            self.edges.setdefault(group_key, []).append((r.props, self._ev(r.provenance)))

    def into(self, G: nx.MultiDiGraph) -> list[str]:
        """Merge the groups into ``G``, nodes first, emptying them; return the problems found."""
        self._evidence.clear()  # the groups hold what they need; the lookups are not needed any more
        self._nids.clear()
        found = self.found
        sources: set[tuple[str, str]] = set()
        for nid, (label, key, mentions) in self.nodes.items():
            prov = [m[2] for m in mentions]
            sources |= sources_of(prov)
            props = [_plain(dict(m[1]), _RESERVED_NODE, f"{_where(m[2])}: {nid}", found) for m in mentions]
            _merge_node(G, label, key, [m[0] for m in mentions], props, prov, nid, self.contested)
        self.nodes.clear()  # freed before the edges: the peak of a large build is nodes plus grouped relations

        order = deque(self.edges)  # popped one group at a time, in order: the groups shrink as the graph grows
        while order:
            u, v, rel = group = order.popleft()
            rs = self.edges.pop(group)
            missing = [nid for nid in (u, v) if nid not in G]
            required = [(nid, NODE_TYPES[split_node_id(nid)[0]].required) for nid in missing]
            if any(req for _, req in required):
                for _, ev in rs:
                    for nid, req in required:
                        if req:
                            label, key = split_node_id(nid)
                            found.append(
                                f"{_where(ev)}: {rel.value} {u} -> {v}: no {label.value} {key!r} among the "
                                f"entities, and a {label.value} needs {', '.join(req)}"
                            )
                continue
            for nid in missing:  # a stub the schema allows: named by its key, evidenced by the relation
                label, key = split_node_id(nid)
                _merge_node(G, label, key, [key], [], [rs[0][1]], nid)
            prov = [ev for _, ev in rs]
            sources |= sources_of(prov)
            # a loader marks a record derived (a zone reached through a defined term); the edge is derived
            # only when every record of it is
            dicts = [dict(p) for p, _ in rs]
            marks = [d.pop(DERIVED, None) for d in dicts]
            derived = all(m is True for m in marks)
            props = [
                _plain(d, _RESERVED_EDGE, f"{_where(ev)}: {rel.value} {u} -> {v}", found)
                for d, (_, ev) in zip(dicts, rs, strict=True)
            ]
            _merge_edge(G, u, v, rel, props, prov, derived=derived, notes=self.contested)
        add_sources(G, sources)
        return found


def _settle(found: list[str], problems: list[str] | None) -> None:
    """Raise the problems found, or list and log them when the caller collects them."""
    if not found:
        return
    if problems is None:
        raise GraphValidationError(found)
    problems.extend(found)
    for msg in found:
        logger.warning("record skipped or trimmed: %s", msg)


AS_PRINTED = "as_printed"
"""Edge property: the innovation's name as the sentence words it (see :data:`ground.schema.REL_TYPES`)."""


def keep_printed_wordings(G: nx.MultiDiGraph) -> int:
    """Rule: a wording a sentence prints for the node it was matched to is an alias of that node.

    The report often names one innovation in two wordings (an overview sentence lists the rows of
    a national batch in its own words); an edge read from such a sentence keeps the wording as
    ``as_printed`` and its sentence as evidence. The wording joins the node's
    :data:`ground.schema.ALIASES` (stated: the sentence prints it, on the line the edge names), so
    that a search with it finds the node by name on both backends.

    Returns
    -------
    int
        How many wordings were added.

    Examples
    --------
    >>> G = _new_graph()
    >>> G.add_node("Measure:m", label="Measure", key="m", name="In the Pilot Regions, wines with descriptors")
    >>> G.add_node("Region:n", label="Region", key="n", name="Nationwide")
    >>> _ = G.add_edge("Region:n", "Measure:m", type="ADOPTED", as_printed="allowing the import of wine")
    >>> keep_printed_wordings(G), G.nodes["Measure:m"][ALIASES]
    (1, 'allowing the import of wine')
    """
    added = 0
    for _, v, d in G.edges(data=True):
        wording = d.get(AS_PRINTED)
        if not isinstance(wording, str) or not wording.strip():
            continue
        nd = G.nodes[v]
        aliases = [a for a in str(nd.get(ALIASES) or "").split(ALIAS_SEPARATOR) if a]
        known = {normalize_name(str(x)) for x in (nd.get("name"), nd.get("title"), *aliases) if x}
        if normalize_name(wording) not in known:
            nd[ALIASES] = ALIAS_SEPARATOR.join([*aliases, wording.strip()])
            added += 1
    return added


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
    >>> from pftz.loaders.records import Entity, Provenance, freeze_props
    >>> p = Provenance("r.txt", "0" * 64, 1, "", "Shanghai PFTZ")
    >>> e = Entity(Label.ZONE, "shanghai", "Shanghai PFTZ", freeze_props(kind="PFTZ"), p)
    >>> G = graph_from_records([e, e], [])
    >>> G.number_of_nodes(), len(G.nodes["Zone:shanghai"]["provenance"])
    (1, 1)
    """
    if G is None:
        G = _new_graph()
    grouped = _Grouped()
    grouped.add(entities, relations)
    found = grouped.into(G)
    G.graph.setdefault("name", GRAPH_NAME)
    _settle(found, problems)
    return stamp_periods(G)


def _group(reports: Iterable[ParsedReport], G: nx.MultiDiGraph) -> _Grouped:
    """The mentions of every report, grouped, and the reports as sources of ``G``.

    One report at a time: only its grouped mentions outlive it (no name here keeps the last report's
    records alive while the graph is made from the groups).
    """
    grouped = _Grouped()
    for r in reports:
        grouped.add(r.entities, r.relations)
        add_sources(G, [(r.source, r.sha256)])
    return grouped


def graph_from_reports(
    reports: Iterable[ParsedReport],
    *,
    reference: ParsedReport | None = None,
    derive: bool = True,
    resolve: bool = True,
    check: bool = True,
    problems: list[str] | None = None,
    merges: list[str] | None = None,
    contested: list[str] | None = None,
) -> nx.MultiDiGraph:
    """Build the policy graph of one or more parsed reports.

    The stages, each logged with its counts: the reference records, merged
    first so that their values win (:func:`graph_from_records`); the records
    of every report; entity resolution of measures
    (:func:`graph.resolve.resolve_measures`); diffusion edges
    (:func:`graph.diffusion.derive_diffusion`); and
    :func:`graph.validate.validate`.

    Parameters
    ----------
    reports
        Parsed reports and user data (:class:`loaders.records.ParsedReport`),
        read once, one at a time: from a generator, a report's records can be
        freed as soon as they are grouped.
    reference
        The curated zones, provinces and scopes as records
        (:func:`loaders.reference.load_reference`); without them zones have
        no establishment dates and diffusion reaches no province.
    derive
        Derive ``DIFFUSED_TO`` edges.
    resolve
        Merge measures that are one innovation under different wordings, and link a narrative
        wording to the row of its batch it clearly matches (:func:`graph.resolve.link_narrative_rows`).
    check
        Validate the result against the schema.
    problems
        If given, relations that cannot be added are listed here instead of
        raising (see :func:`graph_from_records`).
    merges
        If given, one warning line per measure merged into another by entity
        resolution is appended here (every merge is reported).
    contested
        If given, one warning line per property the inputs disagree on (each
        value with its places; the node or edge is marked ``contested`` and
        keeps every value in ``claims``) is appended here.

    Returns
    -------
    networkx.MultiDiGraph
        The graph.

    Raises
    ------
    GraphValidationError
        If records break the schema (all problems listed together).
    """
    G = _new_graph()
    if reference is not None:
        graph_from_records(reference.entities, reference.relations, G=G, problems=problems)
        logger.info("reference data: %s nodes, %s edges", f"{len(G):,}", f"{G.number_of_edges():,}")
    grouped = _group(reports, G)
    _settle(grouped.into(G), problems)
    keep_printed_wordings(G)
    if contested is not None:
        contested.extend(grouped.contested)
    logger.info("records merged: %s nodes, %s edges", f"{len(G):,}", f"{G.number_of_edges():,}")
    if resolve:
        summary = resolve_measures(G)
        if merges is not None:
            merges.extend(
                f"[measure-merged] measure {drop!r} merged into {keep!r} (titles score {score:g}; "
                "`pftz review` lists the pairs only proposed)"
                for keep, drop, score in summary.merges
            )
        logger.info(
            "entity resolution: %s measures merged, %s uncertain pairs", summary.merged, summary.uncertain
        )
        links = link_narrative_rows(G)
        logger.info("wordings linked to their rows (SAME_AS, linked): %s", len(links))
    if derive:
        dsummary = derive_diffusion(G)
        logger.info(
            "diffusion: %s derived edges; %s measures without an origin zone",
            f"{dsummary.edges:,}",
            f"{dsummary.without_origin:,}",
        )
    stamp_periods(G)
    if check:
        validate(G)
    return G
