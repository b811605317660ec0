"""NetworkX twins of the named queries: the same rows, in the same order, from the graph in memory.

Each twin takes the graph and the query's parameters (already converted by
:func:`queries.run`) and returns the rows as lists in the query's column
order; :func:`queries.twins_common.frame` turns them into the DataFrame both backends return.
:data:`TWINS` maps each query name to its twin.

Cypher semantics the twins reproduce
------------------------------------
* A missing property is ``null`` (``None`` here); ``coalesce``, ``count``
  (which skips nulls), ``min`` over strings and grouping on null keys behave
  as in Cypher.
* ``ORDER BY``: ascending puts nulls last, descending puts them first;
  strings compare by code point, lists element by element (:func:`queries.twins_common.order_rows`).
* Provenance: Neo4j holds each entry as a JSON string with sorted keys; the
  queries cut ``source``, ``line`` and ``quote`` out of it with string
  functions (Neo4j has no JSON parser without APOC) and undo the escapes
  ``\\\\ \\" \\n \\r \\t \\/``. Report text has no other control characters;
  one that had would keep its ``\\u00XX`` escape in Neo4j only.
* Text search (``search_measures``, ``trace_innovation``): see
  :func:`queries.twins_common.search_terms` and
  :func:`queries.twins_common.search_score`.
"""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from pftz.ground.dates import period_end
from pftz.ground.schema import DATE_START, DERIVED, KEY, LINKED, PROVENANCE, Label, RegionKind, Rel
from pftz.queries.twins_common import (
    Row,
    _best_measure,
    _cypher_min,
    _d,
    _distinct,
    _evidence,
    _find,
    _in,
    _kept,
    _key,
    _label,
    _lower,
    _nodes,
    _out,
    _sort_key,
    _span,
    _to_integer,
    order_rows,
    search_measures_rows,
)

if TYPE_CHECKING:  # networkx only for the types
    import networkx as nx

__all__ = [
    "MAX_PATH_HOPS",
    "TWINS",
]

Twin = Callable[..., list[Row]]

MAX_PATH_HOPS = 4
"""The literal upper bound of ``diffusion_paths``' variable-length pattern."""

NATIONAL = "national"
PROVINCIAL = "provincial"
"""Batch levels (``Batch.level``) the queries test for."""

UNCERTAIN = "uncertain"
PILOTED = "piloted in the named zones"
BATCHMATE = "same batch, no origin stated"
ISSUER_ROLE = "issuer"


# --------------------------------------------------------------------------- the twins


def _launching_documents(G: nx.MultiDiGraph, m: Any, origin: set[Any]) -> list[Any]:
    """The documents that launched a measure's pilot: they name exactly its origin zones (issuers aside)
    and are dated no later than its batch or promotion (when both dates are known)."""
    if not origin:
        return []
    later = [_d(G, b).get(DATE_START) for b, _ in _out(G, m, Rel.IN_BATCH, Label.BATCH)]
    later += [_d(G, d).get(DATE_START) for d, _ in _out(G, m, Rel.PROMOTED_BY, Label.DOCUMENT)]
    first = _cypher_min(later)
    docs = _distinct(d for z in origin for d, _ in _in(G, z, Rel.NAMES_ZONE, Label.DOCUMENT))
    out = []
    for d in docs:
        named = {z for z, e in _out(G, d, Rel.NAMES_ZONE, Label.ZONE) if (e.get("role") or "") != ISSUER_ROLE}
        start = _d(G, d).get(DATE_START)
        if named == origin and (first is None or start is None or start <= first):
            out.append(d)
    return out


def trace_innovation(G: nx.MultiDiGraph, words: str, since: str | None = None, until: str | None = None) -> list[Row]:
    """Twin of ``trace_innovation``."""
    m = _best_measure(G, words)
    if m is None:
        return []
    md = _d(G, m)
    facts: list[tuple[int, str, str | None, Any, Any, Any, Any, Mapping[str, Any] | None]] = [
        (0, "measure", None, m, md.get("kind"), None, md.get(PROVENANCE), None)
    ]
    for z, e in _out(G, m, Rel.ORIGINATED_IN, Label.ZONE):
        facts.append(
            (1, "originated in", Rel.ORIGINATED_IN.value, z, _d(G, z).get("kind"), None, e.get(PROVENANCE), None)
        )
    origin = {z for z, _ in _out(G, m, Rel.ORIGINATED_IN, Label.ZONE)}
    for d in _launching_documents(G, m, origin):
        dd = _d(G, d)
        prov = [p for z, e in _out(G, d, Rel.NAMES_ZONE, Label.ZONE) if z in origin
                for p in (e.get(PROVENANCE) or [])]  # fmt: skip
        facts.append((2, "pilot launched by", Rel.NAMES_ZONE.value, d, dd.get("number"), dd.get("date"), prov, dd))
    batches = _out(G, m, Rel.IN_BATCH, Label.BATCH)
    for b, e in batches:
        row = e.get("row")
        detail = None if row is None else f"row {row}"
        facts.append((3, "in batch", Rel.IN_BATCH.value, b, detail, _d(G, b).get("date"), e.get(PROVENANCE), _d(G, b)))
    documents = []
    for b, _ in batches:
        for d, e in _out(G, b, Rel.RELEASED_BY):
            dd = _d(G, d)
            facts.append(
                (
                    4,
                    "batch released by",
                    Rel.RELEASED_BY.value,
                    d,
                    dd.get("number"),
                    dd.get("date"),
                    e.get(PROVENANCE),
                    dd,
                )
            )
            if _label(G, d) == Label.DOCUMENT.value:
                documents.append(d)
    for d, e in _out(G, m, Rel.PROMOTED_BY, Label.DOCUMENT):
        dd = _d(G, d)
        facts.append(
            (5, "promoted by", Rel.PROMOTED_BY.value, d, dd.get("number"), dd.get("date"), e.get(PROVENANCE), dd)
        )
        documents.append(d)
    for d in _distinct(documents):
        dd = _d(G, d)
        number = dd.get("number") if dd.get("number") is not None else dd.get(KEY)
        for body, e in _out(G, d, Rel.ISSUED_BY, Label.ISSUING_BODY):
            facts.append(
                (6, "document issued by", Rel.ISSUED_BY.value, body, number, dd.get("date"), e.get(PROVENANCE), dd)
            )
    for body, e in _in(G, m, Rel.RESPONSIBLE_FOR, Label.ISSUING_BODY):
        fact = "responsible for the measure"
        facts.append((7, fact, Rel.RESPONSIBLE_FOR.value, body, None, None, e.get(PROVENANCE), None))
    for b, _ in batches:
        for body, e in _in(G, b, Rel.RESPONSIBLE_FOR, Label.ISSUING_BODY):
            facts.append(
                (
                    7,
                    "responsible for the batch",
                    Rel.RESPONSIBLE_FOR.value,
                    body,
                    _key(G, b),
                    None,
                    e.get(PROVENANCE),
                    None,
                )
            )
    for t, e in _out(G, m, Rel.REPLICATED_TO):
        facts.append(
            (8, "replicated to", Rel.REPLICATED_TO.value, t, e.get("scope"), e.get("date"), e.get(PROVENANCE), e)
        )
    for b, _ in batches:
        for t, e in _out(G, b, Rel.REPLICATED_TO):
            facts.append(
                (
                    8,
                    "batch replicated to",
                    Rel.REPLICATED_TO.value,
                    t,
                    e.get("scope"),
                    e.get("date"),
                    e.get(PROVENANCE),
                    e,
                )
            )
    for a, e in _in(G, m, Rel.ADOPTED):
        facts.append((9, "adopted by", Rel.ADOPTED.value, a, e.get("outcome"), e.get("date"), e.get(PROVENANCE), e))
    for o, e in [*_out(G, m, Rel.SAME_AS, Label.MEASURE), *_in(G, m, Rel.SAME_AS, Label.MEASURE)]:
        fact = "the same innovation as" if e.get("status") == LINKED else "possibly the same as"
        facts.append((10, fact, Rel.SAME_AS.value, o, e.get("status"), None, e.get(PROVENANCE), None))

    rows: list[Row] = []
    for step, fact, relation, n, detail, date, prov, period in facts:
        if not _kept(period, date, since, until):
            continue
        nd = _d(G, n)
        for source, line, quote in _evidence(prov):
            rows.append(
                [md.get(KEY), md.get("name"), md.get("kind"), step, fact, relation, nd.get("label"), nd.get(KEY),
                 nd.get("name"), detail, date, source, line, quote]
            )  # fmt: skip
    # ORDER BY step, node_label, node_key, detail, date, line, quote, source
    return order_rows(rows, [(i, True) for i in (3, 10, 6, 7, 9, 12, 13, 11)])


def search_measures(G: nx.MultiDiGraph, words: str) -> list[Row]:
    """Twin of ``search_measures``."""
    return search_measures_rows(G, words)


def zone_profile(G: nx.MultiDiGraph, zone: str, since: str | None = None, until: str | None = None) -> list[Row]:
    """Twin of ``zone_profile``."""
    zones = [
        z
        for z in _nodes(G, Label.ZONE)
        if _key(G, z) == zone or (isinstance(_d(G, z).get("name"), str) and _lower(_d(G, z)["name"]) == zone.lower())
    ]
    rows: list[Row] = []
    for z in zones:
        items: list[tuple[int, str, Any, Any, Any, Mapping[str, Any] | None]] = []
        for m, _ in _in(G, z, Rel.ORIGINATED_IN, Label.MEASURE):
            items.append((1, "innovation", m, _d(G, m).get("kind"), None, None))
        for s, _ in _in(G, z, Rel.PART_OF, Label.ZONE):
            for m, _ in _in(G, s, Rel.ORIGINATED_IN, Label.MEASURE):
                items.append((1, "innovation of a part", m, _key(G, s), None, None))
        for d, e in _in(G, z, Rel.NAMES_ZONE, Label.DOCUMENT):
            items.append((2, "named by", d, e.get("role"), _d(G, d).get("date"), _d(G, d)))
        for m, e in _out(G, z, Rel.ADOPTED, Label.MEASURE):
            items.append((3, "adopted", m, e.get("outcome"), e.get("date"), e))
        received: dict[tuple[Any, Any], list[Mapping[str, Any]]] = defaultdict(list)
        for _, e in _in(G, z, Rel.DIFFUSED_TO, Label.ZONE):
            if _kept(e, e.get("date"), since, until):
                received[e.get("measure"), e.get("via")].append(e)
        for (mk, via), edges in received.items():
            m = _find(G, Label.MEASURE, mk)
            if m is not None:
                items.append((4, "received", m, via, _cypher_min(e.get("date") for e in edges), _span(edges)))
        for a, _ in _out(G, z, Rel.MEMBER_OF):
            items.append((5, "member of", a, _d(G, a).get("kind"), None, None))
        for p, _ in _out(G, z, Rel.PART_OF, Label.ZONE):
            items.append((6, "part of", p, _d(G, p).get("kind"), None, None))
        for s, _ in _in(G, z, Rel.PART_OF, Label.ZONE):
            items.append((7, "has part", s, _d(G, s).get("kind"), None, None))
        for r, _ in _out(G, z, Rel.LOCATED_IN, Label.REGION):
            items.append((8, "located in", r, _d(G, r).get("kind"), None, None))
        zd = _d(G, z)
        for part, section, item, detail, date, period in items:
            if not _kept(period, date, since, until):
                continue
            d = _d(G, item)
            rows.append(
                [zd.get(KEY), zd.get("name"), section, d.get("label"), d.get(KEY), d.get("name"), detail, date, part]
            )
    rows = order_rows(rows, [(0, True), (8, True), (4, True), (6, True), (7, True)])
    return [r[:-1] for r in rows]


def province_profile(
    G: nx.MultiDiGraph, province: str, since: str | None = None, until: str | None = None
) -> list[Row]:
    """Twin of ``province_profile``."""
    provinces = [
        g
        for g in _nodes(G, Label.REGION)
        if _d(G, g).get("kind") == RegionKind.PROVINCE.value
        and (_key(G, g) == province or _lower(_d(G, g).get("name")) == province.lower())
    ]

    def origins(m: Any) -> list[Any]:
        return sorted({_key(G, o) for o, _ in _out(G, m, Rel.ORIGINATED_IN, Label.ZONE)}, key=_sort_key)

    rows: list[Row] = []
    for g in provinces:
        items: list[tuple[int, str, Any, list[Any], Any, Any, Mapping[str, Any] | None]] = []
        zones = [z for z, _ in _in(G, g, Rel.LOCATED_IN, Label.ZONE)]
        for z in zones:
            items.append((1, "zone", z, [], _d(G, z).get("kind"), _d(G, z).get("established"), _d(G, z)))
        for m, e in _out(G, g, Rel.ADOPTED, Label.MEASURE):
            items.append((2, "adopted", m, origins(m), e.get("outcome"), e.get("date"), e))
        for z in zones:
            for m, e in _out(G, z, Rel.ADOPTED, Label.MEASURE):
                items.append((3, f"adopted by {_key(G, z)}", m, origins(m), e.get("outcome"), e.get("date"), e))
        for m, e in _in(G, g, Rel.REPLICATED_TO, Label.MEASURE):
            items.append((4, "replicated to it", m, origins(m), e.get("scope"), e.get("date"), e))
        received: dict[tuple[Any, Any], tuple[list[Mapping[str, Any]], set[Any]]] = {}
        for o, e in _in(G, g, Rel.DIFFUSED_TO, Label.ZONE):
            if _kept(e, e.get("date"), since, until):
                edges, froms = received.setdefault((e.get("measure"), e.get("via")), ([], set()))
                edges.append(e)
                froms.add(_key(G, o))
        for (mk, via), (edges, froms) in received.items():
            m = _find(G, Label.MEASURE, mk)
            if m is not None:
                date = _cypher_min(e.get("date") for e in edges)
                items.append((5, "received (derived)", m, sorted(froms, key=_sort_key), via, date, _span(edges)))
        gd = _d(G, g)
        for part, section, item, from_zones, detail, date, period in items:
            if not _kept(period, date, since, until):
                continue
            d = _d(G, item)
            rows.append(
                [gd.get(KEY), gd.get("name"), section, d.get("label"), d.get(KEY), d.get("name"), from_zones, detail,
                 date, part]
            )  # fmt: skip
    rows = order_rows(rows, [(0, True), (9, True), (2, True), (4, True), (7, True), (8, True)])
    return [r[:-1] for r in rows]


def _replication_targets(G: nx.MultiDiGraph, m: Any) -> list[tuple[Any, Mapping[str, Any]]]:
    out = list(_out(G, m, Rel.REPLICATED_TO))
    for b, _ in _out(G, m, Rel.IN_BATCH, Label.BATCH):
        out += _out(G, b, Rel.REPLICATED_TO)
    return out


def innovators(G: nx.MultiDiGraph) -> list[Row]:
    """Twin of ``innovators``."""
    rows: list[Row] = []
    for z in _nodes(G, Label.ZONE):
        measures = _distinct(m for m, _ in _in(G, z, Rel.ORIGINATED_IN, Label.MEASURE))
        national = provincial = replicated = adopted = 0
        for m in measures:
            levels = {_d(G, b).get("level") for b, _ in _out(G, m, Rel.IN_BATCH, Label.BATCH)}
            targets = [
                _d(G, t).get("kind") for t, _ in _replication_targets(G, m) if _label(G, t) == Label.REGION.value
            ]
            is_national = NATIONAL in levels or RegionKind.SCOPE.value in targets
            is_provincial = PROVINCIAL in levels or any(
                k in (RegionKind.PROVINCE.value, RegionKind.CITY.value) for k in targets
            )
            national += is_national
            provincial += is_provincial
            replicated += is_national or is_provincial
            adopted += bool(_in(G, m, Rel.ADOPTED))
        d = _d(G, z)
        counts = [len(measures), national, provincial, replicated, adopted]
        rows.append([d.get(KEY), d.get("name"), d.get("kind"), *counts])
    return order_rows(rows, [(6, False), (4, False), (3, False), (0, True)])


def _document_year(d: Mapping[str, Any]) -> Any:
    year = d.get("year")
    if year is not None:
        return year
    date = d.get("date")
    return _to_integer(date[:4]) if isinstance(date, str) else None


def documents_by_body(G: nx.MultiDiGraph) -> list[Row]:
    """Twin of ``documents_by_body``."""
    groups: dict[tuple[Any, Any], list[Any]] = defaultdict(list)
    for d in _nodes(G, Label.DOCUMENT):
        for b, _ in _out(G, d, Rel.ISSUED_BY, Label.ISSUING_BODY):
            groups[b, _document_year(_d(G, d))].append(_key(G, d))
    rows: list[Row] = []
    for (b, year), keys in groups.items():
        keys = sorted(keys, key=_sort_key)
        rows.append([_key(G, b), _d(G, b).get("name"), year, len(keys), keys])
    return order_rows(rows, [(2, True), (3, False), (0, True)])


def co_issuance(G: nx.MultiDiGraph) -> list[Row]:
    """Twin of ``co_issuance``."""
    pairs: dict[tuple[Any, Any], set[Any]] = defaultdict(set)
    for d in _nodes(G, Label.DOCUMENT):
        bodies = _distinct(b for b, _ in _out(G, d, Rel.ISSUED_BY, Label.ISSUING_BODY))
        for a in bodies:
            for b in bodies:
                ka, kb = _key(G, a), _key(G, b)
                if isinstance(ka, str) and isinstance(kb, str) and ka < kb:
                    pairs[a, b].add(_key(G, d))
    rows: list[Row] = []
    for (a, b), docs in pairs.items():
        keys = sorted(docs, key=_sort_key)
        rows.append([_key(G, a), _d(G, a).get("name"), _key(G, b), _d(G, b).get("name"), len(keys), keys])
    return order_rows(rows, [(4, False), (0, True), (2, True)])


def pilot_regions(G: nx.MultiDiGraph, document: str) -> list[Row]:
    """Twin of ``pilot_regions``."""
    rows: list[Row] = []
    docs = [d for d in _nodes(G, Label.DOCUMENT) if document in (_key(G, d), _d(G, d).get("number"))]
    for doc in docs:
        zones = _distinct(
            z for z, e in _out(G, doc, Rel.NAMES_ZONE, Label.ZONE) if (e.get("role") or "") != ISSUER_ROLE
        )
        if not zones:
            continue
        pilot_zones = sorted((_key(G, z) for z in zones), key=_sort_key)
        zone_set = set(zones)
        candidates = _distinct(m for z in zones for m, _ in _in(G, z, Rel.ORIGINATED_IN, Label.MEASURE))
        piloted = [m for m in candidates if {z for z, _ in _out(G, m, Rel.ORIGINATED_IN, Label.ZONE)} == zone_set]
        batchmates = _distinct(
            o
            for m in piloted
            for b, _ in _out(G, m, Rel.IN_BATCH, Label.BATCH)
            for o, _ in _in(G, b, Rel.IN_BATCH, Label.MEASURE)
            if not _out(G, o, Rel.ORIGINATED_IN, Label.ZONE)
        )
        dd = _d(G, doc)
        links = [(m, PILOTED) for m in piloted] + [(m, BATCHMATE) for m in batchmates]
        for m, link in links:
            md = _d(G, m)
            batches = [b for b, _ in _out(G, m, Rel.IN_BATCH, Label.BATCH)] or [None]
            promoters = [p for p, _ in _out(G, m, Rel.PROMOTED_BY, Label.DOCUMENT)] or [None]
            for b in batches:
                reps = list(_out(G, m, Rel.REPLICATED_TO))
                if b is not None:
                    reps += _out(G, b, Rel.REPLICATED_TO)
                replications: list[tuple[Any, Any, Any]] = [
                    (e.get("scope"), _key(G, t), e.get("date")) for t, e in reps
                ] or [(None, None, None)]
                for p in promoters:
                    pd_ = _d(G, p) if p is not None else {}
                    for scope, target, date in replications:
                        rows.append(
                            [dd.get(KEY), dd.get("date"), pilot_zones, link, None if b is None else _key(G, b),
                             md.get("row"), md.get(KEY), md.get("name"), pd_.get(KEY), pd_.get("date"),
                             scope, target, date]
                        )  # fmt: skip
    spec = [(0, True), (4, True), (5, True), (6, True), (8, True), (11, True), (10, True), (12, True)]
    return order_rows(rows, spec)


def diffusion_paths(G: nx.MultiDiGraph, source: str, target: str, max_hops: int) -> list[Row]:
    """Twin of ``diffusion_paths``."""
    start, goal = _find(G, Label.ZONE, source), _find(G, Label.ZONE, target)
    if start is None or goal is None:
        return []
    limit = min(max_hops, MAX_PATH_HOPS)
    rows: list[Row] = []

    def walk(node: Any, nodes: list[Any], edges: list[Mapping[str, Any]], last: datetime.date | None) -> None:
        if len(edges) >= limit:
            return
        for _, v, e in G.out_edges(node, data=True):
            if e.get("type") != Rel.DIFFUSED_TO.value or v in nodes:
                continue
            end = period_end(e.get("date"))
            if end is None or (last is not None and end < last):
                continue
            path, steps = [*nodes, v], [*edges, e]
            if v == goal:
                rows.append(
                    [_key(G, start), _key(G, goal), len(steps), [_key(G, n) for n in path],
                     [s.get("measure") for s in steps], [s.get("date") for s in steps],
                     [s.get("via") for s in steps]]
                )  # fmt: skip
            else:
                walk(v, path, steps, end)

    if start != goal:
        walk(start, [start], [], None)
    return order_rows(rows, [(2, True), (3, True), (5, True), (4, True), (6, True)])


def batch_reach(G: nx.MultiDiGraph) -> list[Row]:
    """Twin of ``batch_reach``."""
    rows: list[Row] = []
    for b in _nodes(G, Label.BATCH):
        measures = _distinct(m for m, _ in _in(G, b, Rel.IN_BATCH, Label.MEASURE))
        batch_targets = [t for t, _ in _out(G, b, Rel.REPLICATED_TO)]
        reached: set[Any] = set(batch_targets)
        scoped = 0
        batch_scoped = any(
            _label(G, t) == Label.REGION.value and _d(G, t).get("kind") == RegionKind.SCOPE.value for t in batch_targets
        )
        for m in measures:
            mkey = _key(G, m)
            for z, _ in _out(G, m, Rel.ORIGINATED_IN, Label.ZONE):
                reached |= {t for t, e in _out(G, z, Rel.DIFFUSED_TO) if e.get("measure") == mkey}
            reached |= {a for a, _ in _in(G, m, Rel.ADOPTED)}
            targets = [t for t, _ in _out(G, m, Rel.REPLICATED_TO)]
            reached |= set(targets)
            scoped += batch_scoped or any(
                _label(G, t) == Label.REGION.value and _d(G, t).get("kind") == RegionKind.SCOPE.value for t in targets
            )
        zones = sum(_label(G, t) == Label.ZONE.value for t in reached)
        provinces = sum(
            _label(G, t) == Label.REGION.value and _d(G, t).get("kind") == RegionKind.PROVINCE.value for t in reached
        )
        d = _d(G, b)
        rows.append([d.get(KEY), d.get("name"), d.get("level"), d.get("date"), len(measures), scoped, zones, provinces])
    return order_rows(rows, [(7, False), (6, False), (0, True)])


def measures_by_field_scope(G: nx.MultiDiGraph) -> list[Row]:
    """Twin of ``measures_by_field_scope``."""
    counts = Counter(
        (_d(G, m).get("kind"), _d(G, m).get("field"), _d(G, m).get("scope")) for m in _nodes(G, Label.MEASURE)
    )
    rows: list[Row] = [[kind, field, scope, n] for (kind, field, scope), n in counts.items()]
    return order_rows(rows, [(0, True), (1, True), (2, True)])


def alliances(G: nx.MultiDiGraph) -> list[Row]:
    """Twin of ``alliances``."""
    rows: list[Row] = []
    for a in _nodes(G, Label.ALLIANCE):
        members = sorted({_key(G, z) for z, _ in _in(G, a, Rel.MEMBER_OF, Label.ZONE)}, key=_sort_key)
        batches = _distinct(b for b, _ in _in(G, a, Rel.RELEASED_BY, Label.BATCH))
        measures = {m for b in batches for m, _ in _in(G, b, Rel.IN_BATCH, Label.MEASURE)}
        batch_keys = sorted({_key(G, b) for b in batches}, key=_sort_key)
        d = _d(G, a)
        rows.append([d.get(KEY), d.get("name"), d.get("kind"), members, batch_keys, len(measures)])
    return order_rows(rows, [(0, True)])


def review_list(G: nx.MultiDiGraph) -> list[Row]:
    """Twin of ``review_list``."""
    rows: list[Row] = []
    for u, v, e in G.edges(data=True):
        if e.get("type") != Rel.SAME_AS.value or (e.get("status") or UNCERTAIN) != UNCERTAIN:
            continue
        if _label(G, u) != Label.MEASURE.value or _label(G, v) != Label.MEASURE.value:
            continue
        a, b = _d(G, u), _d(G, v)
        issue = "uncertain SAME_AS"
        rows.append([issue, a.get(KEY), a.get("name"), a.get("kind"), b.get(KEY), b.get("name"), e.get("score")])
    for m in _nodes(G, Label.MEASURE):
        if not _out(G, m, Rel.ORIGINATED_IN, Label.ZONE):
            d = _d(G, m)
            rows.append(["no origin", d.get(KEY), d.get("name"), d.get("kind"), None, None, None])
    return order_rows(rows, [(0, False), (6, False), (1, True), (4, True)])


def _path(G: nx.MultiDiGraph, *steps: Any) -> list[Any]:
    """A path as :func:`queries.run` gives Neo4j's: node keys and relationship types in path order."""
    return [s if i % 2 else _key(G, s) for i, s in enumerate(steps)]


def _named(G: nx.MultiDiGraph, n: Any, value: str) -> bool:
    """``n.key = $value OR toLower(n.name) = toLower($value)``."""
    name = _d(G, n).get("name")
    return bool(_key(G, n) == value or (isinstance(name, str) and name.lower() == value.lower()))


def trace_graph(G: nx.MultiDiGraph, measure: str) -> list[Row]:
    """Twin of ``trace_graph``."""
    rows: list[Row] = []
    for m in [m for m in _nodes(G, Label.MEASURE) if _named(G, m, measure)]:
        paths: list[tuple[int, bool, list[Any]]] = []
        origins = [z for z, _ in _out(G, m, Rel.ORIGINATED_IN, Label.ZONE)]
        paths += [(1, False, _path(G, m, Rel.ORIGINATED_IN.value, z)) for z in origins]
        for b, _ in _out(G, m, Rel.IN_BATCH, Label.BATCH):
            for d, _ in _out(G, b, Rel.RELEASED_BY, Label.DOCUMENT):
                paths.append((2, False, _path(G, m, Rel.IN_BATCH.value, b, Rel.RELEASED_BY.value, d)))
            for t, _ in _out(G, b, Rel.REPLICATED_TO):
                paths.append((4, False, _path(G, m, Rel.IN_BATCH.value, b, Rel.REPLICATED_TO.value, t)))
        promoted = _out(G, m, Rel.PROMOTED_BY, Label.DOCUMENT)
        paths += [(3, False, _path(G, m, Rel.PROMOTED_BY.value, d)) for d, _ in promoted]
        paths += [(4, False, _path(G, m, Rel.REPLICATED_TO.value, t)) for t, _ in _out(G, m, Rel.REPLICATED_TO)]
        paths += [(5, False, _path(G, a, Rel.ADOPTED.value, m)) for a, _ in _in(G, m, Rel.ADOPTED)]
        for z in origins:
            for t, e in _out(G, z, Rel.DIFFUSED_TO):
                if e.get("measure") == _key(G, m):
                    paths.append((6, True, _path(G, m, Rel.ORIGINATED_IN.value, z, Rel.DIFFUSED_TO.value, t)))
        rows += [[_key(G, m), step, derived, path[::2], path] for step, derived, path in paths]
    return order_rows(rows, [(0, True), (1, True), (3, True)])


def zone_neighbourhood(G: nx.MultiDiGraph, zone: str, derived: int = 0) -> list[Row]:
    """Twin of ``zone_neighbourhood``."""
    rows: list[Row] = []
    for z in [z for z in _nodes(G, Label.ZONE) if _named(G, z, zone)]:
        ends = [(v, d) for _, v, d in G.out_edges(z, data=True)] + [(u, d) for u, _, d in G.in_edges(z, data=True)]
        for other, e in ends:
            is_derived = bool(e.get(DERIVED) or False)
            if is_derived and derived != 1:
                continue
            path = _path(G, z, e.get("type"), other)
            rows.append([_key(G, z), e.get("type"), is_derived, path[::2], path])
    return order_rows(rows, [(0, True), (2, True), (1, True), (3, True)])


TWINS: dict[str, Twin] = {
    "alliances": alliances,
    "batch_reach": batch_reach,
    "co_issuance": co_issuance,
    "diffusion_paths": diffusion_paths,
    "documents_by_body": documents_by_body,
    "innovators": innovators,
    "measures_by_field_scope": measures_by_field_scope,
    "pilot_regions": pilot_regions,
    "province_profile": province_profile,
    "review_list": review_list,
    "search_measures": search_measures,
    "trace_graph": trace_graph,
    "trace_innovation": trace_innovation,
    "zone_neighbourhood": zone_neighbourhood,
    "zone_profile": zone_profile,
}
"""The twin of each named query."""
