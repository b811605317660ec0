"""Derive dated diffusion edges: which zones and provinces a measure spread to, and when.

The report states where a measure was piloted (``ORIGINATED_IN`` zones), the
scope it was replicated to (``REPLICATED_TO`` a scope, province or zone, by
itself or through its batch) and who adopted it (``ADOPTED``).
:func:`derive_diffusion` turns these into ``DIFFUSED_TO`` edges from each
origin zone, with ``derived=True`` and the properties ``measure`` (the measure
key), ``date`` and ``via`` (the batch or document that carried it):

* ``REPLICATED_TO`` *All PFTZs* at date *D*: to every PFTZ and the FTP
  established on or before *D* (zones without an establishment date are
  skipped, with a note);
* ``REPLICATED_TO`` *Nationwide*: to every mainland province Region (31);
* ``REPLICATED_TO`` a province, city or zone: to that node;
* ``ADOPTED`` (adopter -> measure): to the adopter.

Origins never diffuse to each other nor to the zones they are part of. One
edge is kept per ``(origin, target, measure)``: the earliest dated one. Its
provenance is the union of the origin edge's and the replication or adoption
edge's provenance, so the derived fact stays checkable; it cites at most
:data:`DERIVED_EVIDENCE` entries, taken in turn from each source file (the
stated edges it rests on keep all of theirs), so that a fact stated by a
million rows of user data is not copied to every derived edge.

Dates
-----
Dates are ``"YYYY"``, ``"YYYY-MM"`` or ``"YYYY-MM-DD"`` strings
(:mod:`ground.dates`). A date stands for its whole period and is compared by
the **last day** of that period (:func:`ground.dates.period_end`): a zone established 2023-10-31 counts for
``"2023-11"`` and for ``"2023"`` (= 2023-12-31), not for ``"2023-10-30"``. This
errs towards including a zone that the report's own precision cannot exclude.

The date *D* of a replication is the edge's ``date``; failing that, the date of
the measure's batch (or of the document that released the batch), then of the
document that promoted the measure, then that document's ``year``, then the
measure's ``year``. The earliest candidate (by period end) wins.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import networkx as nx

from pftz.graph.periods import period_of
from pftz.graph.provenance import merge_provenance
from pftz.ground.dates import parse_iso, parse_year, period_end
from pftz.ground.schema import (
    DATE_END,
    DATE_START,
    DERIVED,
    PROVENANCE,
    SCOPE_REGION_KEYS,
    Label,
    RegionKind,
    Rel,
    Scope,
    ZoneKind,
    node_id,
)

__all__ = [
    "TARGET_ZONE_KINDS",
    "DiffusionSummary",
    "derive_diffusion",
    "remove_derived",
]

TARGET_ZONE_KINDS = frozenset({ZoneKind.PFTZ.value, ZoneKind.FTP.value})
"""Zone kinds that an *All PFTZs* replication reaches."""

@dataclass(frozen=True, slots=True)
class DiffusionSummary:
    """What :func:`derive_diffusion` did.

    Parameters
    ----------
    edges
        ``DIFFUSED_TO`` edges in the graph afterwards.
    measures
        Measures that gained at least one edge.
    without_origin
        Measures without an origin zone (they produce no edges).
    unsourced
        Of those, the ones that were replicated or adopted: diffusion the
        graph cannot draw.
    undated
        *All PFTZs* replications skipped because no date could be found.
    notes
        Human-readable notes (zones without a date, unknown scopes, ...).
    """

    edges: int
    measures: int
    without_origin: int
    unsourced: int
    undated: int
    notes: tuple[str, ...]


def remove_derived(G: nx.MultiDiGraph, rels: Iterable[Rel | str] | None = None) -> int:
    """Remove derived edges (``derived=True``) from a graph.

    Parameters
    ----------
    G
        The graph, modified in place.
    rels
        Only these relationship types; all derived edges if None.

    Returns
    -------
    int
        The number of edges removed.
    """
    wanted = {Rel(r).value for r in rels} if rels is not None else None
    drop = [
        (u, v, k)
        for u, v, k, d in G.edges(keys=True, data=True)
        if d.get(DERIVED) is True and (wanted is None or d.get("type") in wanted)
    ]
    G.remove_edges_from(drop)
    return len(drop)


def _out(G: nx.MultiDiGraph, n: str, rel: Rel) -> list[tuple[str, dict[str, Any]]]:
    """Targets of ``n``'s outgoing edges of a type, sorted by node id."""
    return sorted(
        ((v, d) for _, v, d in G.out_edges(n, data=True) if d.get("type") == rel.value), key=lambda t: t[0]
    )


def _in(G: nx.MultiDiGraph, n: str, rel: Rel) -> list[tuple[str, dict[str, Any]]]:
    """Sources of ``n``'s incoming edges of a type, sorted by node id."""
    return sorted(
        ((u, d) for u, _, d in G.in_edges(n, data=True) if d.get("type") == rel.value), key=lambda t: t[0]
    )


def _label(G: nx.MultiDiGraph, n: str) -> str:
    return str(G.nodes[n].get("label"))


def _date_of(G: nx.MultiDiGraph, n: str) -> str | None:
    """A node's ``date``, or its ``year`` as a string."""
    data = G.nodes[n]
    d = parse_iso(data.get("date")) or parse_year(data.get("year"))
    return d.iso if d is not None else None


def _candidates(G: nx.MultiDiGraph, measure: str, batch: str | None) -> list[tuple[str | None, str]]:
    """Dates and carriers of a measure's replication: ``(date, via key)``, best first."""
    out: list[tuple[str | None, str]] = []
    batches = [batch] if batch is not None else [b for b, _ in _out(G, measure, Rel.IN_BATCH)]
    for b in batches:
        via = str(G.nodes[b].get("key"))
        date = _date_of(G, b)
        if date is None:
            for doc, _ in _out(G, b, Rel.RELEASED_BY):
                if _label(G, doc) == Label.DOCUMENT.value and (date := _date_of(G, doc)):
                    break
        out.append((date, via))
    for doc, _ in _out(G, measure, Rel.PROMOTED_BY):
        out.append((_date_of(G, doc), str(G.nodes[doc].get("key"))))
    return out


def _when(
    G: nx.MultiDiGraph, measure: str, edge_date: object, batch: str | None
) -> tuple[str | None, str]:
    """Return the date and ``via`` of one replication of a measure."""
    cands = _candidates(G, measure, batch)
    via = cands[0][1] if cands else Rel.REPLICATED_TO.value
    if parse_iso(edge_date) is not None:
        return str(edge_date), via
    dated = [(period_end(d), d, v) for d, v in cands if d is not None]
    if dated:
        _, d, v = min(dated, key=lambda t: (t[0], t[2]))
        return d, v
    year = _date_of(G, measure)
    return year, via


DERIVED_EVIDENCE = 20
"""The most evidence entries a derived edge cites (taken in turn from each source; the stated edges keep all)."""


def _cited(prov: list[dict[str, Any]], limit: int = DERIVED_EVIDENCE) -> list[dict[str, Any]]:
    """At most ``limit`` entries of a sorted provenance list, taken in turn from each source file, in order.

    Examples
    --------
    >>> prov = [{"source": "a", "line": i} for i in range(30)] + [{"source": "r", "line": 1}]
    >>> [(p["source"], p["line"]) for p in _cited(prov, 4)]
    [('a', 0), ('a', 1), ('a', 2), ('r', 1)]
    """
    if len(prov) <= limit:
        return prov
    by_source: dict[str, list[dict[str, Any]]] = {}
    for p in prov:
        by_source.setdefault(str(p.get("source", "")), []).append(p)
    chosen: set[int] = set()
    queues = [iter(v) for v in by_source.values()]
    more = True
    while more and len(chosen) < limit:
        more = False
        for q in queues:
            entry: dict[str, Any] | None = next(q, None)
            if entry is not None and len(chosen) < limit:
                chosen.add(id(entry))
                more = True
    return [p for p in prov if id(p) in chosen]


def _add(
    G: nx.MultiDiGraph,
    edges: dict[tuple[str, str, str], dict[str, Any]],
    origin: str,
    target: str,
    measure_key: str,
    date: str | None,
    via: str,
    prov: list[dict[str, Any]],
) -> None:
    """Record one diffusion edge, keeping the earliest dated one per (origin, target, measure)."""
    ident = (origin, target, measure_key)
    new = {"date": date, "via": via, PROVENANCE: prov}
    old = edges.get(ident)
    if old is None:
        edges[ident] = new
        return

    def rank(e: dict[str, Any]) -> tuple[int, datetime.date, str]:
        end = period_end(e["date"])
        return (0, end, e["via"]) if end else (1, datetime.date.max, e["via"])

    keep = min(old, new, key=rank)
    keep[PROVENANCE] = merge_provenance(prov, old[PROVENANCE])
    edges[ident] = keep


def _is_scope(G: nx.MultiDiGraph, n: str) -> bool:
    return _label(G, n) == Label.REGION.value and G.nodes[n].get("kind") == RegionKind.SCOPE.value


def derive_diffusion(G: nx.MultiDiGraph) -> DiffusionSummary:
    """Replace the graph's ``DIFFUSED_TO`` edges by ones derived from its stated facts.

    See the module docstring for the rules. Running it twice gives the same
    graph.

    Parameters
    ----------
    G
        The graph, modified in place.

    Returns
    -------
    DiffusionSummary
        Counts and notes.
    """
    remove_derived(G, [Rel.DIFFUSED_TO])
    notes: list[str] = []
    nationwide = node_id(Label.REGION, SCOPE_REGION_KEYS[Scope.NATIONWIDE])
    all_pftzs = node_id(Label.REGION, SCOPE_REGION_KEYS[Scope.ALL_PFTZS])

    zones: list[tuple[str, datetime.date]] = []
    for n, d in sorted(G.nodes(data=True)):
        if d.get("label") != Label.ZONE.value or d.get("kind") not in TARGET_ZONE_KINDS:
            continue
        est = period_end(d.get("established"))
        if est is None:
            notes.append(f"zone {d.get('key')!r} has no establishment date: left out of All PFTZs diffusion")
        else:
            zones.append((n, est))
    provinces = sorted(
        n
        for n, d in G.nodes(data=True)
        if d.get("label") == Label.REGION.value and d.get("kind") == RegionKind.PROVINCE.value and d.get("mainland")
    )

    edges: dict[tuple[str, str, str], dict[str, Any]] = {}
    without_origin = unsourced = undated = 0
    measures = sorted(n for n, d in G.nodes(data=True) if d.get("label") == Label.MEASURE.value)
    for m in measures:
        mkey = str(G.nodes[m].get("key"))
        origins = [(z, d) for z, d in _out(G, m, Rel.ORIGINATED_IN) if _label(G, z) == Label.ZONE.value]
        replications: list[tuple[str, dict[str, Any], str | None]] = [
            (t, d, None) for t, d in _out(G, m, Rel.REPLICATED_TO)
        ]
        for b, _ in _out(G, m, Rel.IN_BATCH):
            replications += [(t, d, b) for t, d in _out(G, b, Rel.REPLICATED_TO)]
        adoptions = _in(G, m, Rel.ADOPTED)
        if not origins:
            without_origin += 1
            if replications or adoptions:
                unsourced += 1
            continue
        excluded = {z for z, _ in origins}
        for z, _ in origins:
            excluded |= {p for p, _ in _out(G, z, Rel.PART_OF)}

        for target, rd, batch in replications:
            date, via = _when(G, m, rd.get("date"), batch)
            if target == all_pftzs:
                end = period_end(date)
                if end is None:
                    undated += 1
                    notes.append(f"measure {mkey!r}: All PFTZs replication without a date: skipped")
                    continue
                reached = [z for z, est in zones if est <= end]
            elif target == nationwide:
                reached = provinces
            elif _is_scope(G, target):
                notes.append(f"measure {mkey!r}: replication to scope {target!r} has no rule: skipped")
                continue
            else:
                reached = [target]
            for origin, od in origins:
                prov = merge_provenance(od.get(PROVENANCE), rd.get(PROVENANCE))
                for t in reached:
                    if t not in excluded:
                        _add(G, edges, origin, t, mkey, date, via, prov)

        for adopter, ad in adoptions:
            if adopter in excluded or _is_scope(G, adopter):
                continue  # a scope's "adoption" ("across all PFTZs") is drawn by the replication rules above
            date = ad.get("date") if parse_iso(ad.get("date")) else None
            via = str(ad.get("batch") or Rel.ADOPTED.value)
            for origin, od in origins:
                prov = merge_provenance(od.get(PROVENANCE), ad.get(PROVENANCE))
                _add(G, edges, origin, adopter, mkey, date, via, prov)

    for (origin, target, mkey), e in sorted(edges.items()):
        props: dict[str, Any] = {"measure": mkey, "via": e["via"]}
        if e["date"] is not None:
            props["date"] = e["date"]
            period = period_of(props)
            if period is not None:  # as graph.build stores it for every date (graph.periods)
                props[DATE_START], props[DATE_END] = period[0], period[1]
        G.add_edge(
            origin,
            target,
            key=f"{Rel.DIFFUSED_TO.value}|{mkey}",
            type=Rel.DIFFUSED_TO.value,
            **props,
            **{DERIVED: True, PROVENANCE: _cited(e[PROVENANCE])},
        )
    return DiffusionSummary(
        edges=len(edges),
        measures=len({k[2] for k in edges}),
        without_origin=without_origin,
        unsourced=unsourced,
        undated=undated,
        notes=tuple(dict.fromkeys(notes)),
    )
