"""Choosing what a view shows: found nodes, a neighbourhood, one innovation's spread, the map, the whole graph.

Part of the views of :mod:`shell.viz` (choose, layout, labels, pages).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable
from typing import Any

import networkx as nx

from pftz.ground.errors import QueryError
from pftz.ground.names import rank_by_words
from pftz.ground.schema import (
    DERIVED,
    KEY,
    PROVENANCE,
    SCOPE_REGION_KEYS,
    Label,
    RegionKind,
    Rel,
    Scope,
)
from pftz.shell.viewcore import (
    LABEL_ORDER,
    MAX_EVIDENCE,
    SPREAD_DX,
    SPREAD_DY,
    SPREAD_MEMBER_DX,
    SPREAD_MEMBER_DY,
    Positions,
    copy_subgraph,
    date_key,
    date_text,
    label_of,
    node_caption,
    rel_of,
)

__all__ = ["aggregate_diffusion", "find_nodes", "focus_subgraph", "map_view", "spread_view"]


def find_nodes(G: nx.MultiDiGraph, words: str, *, label: Label | None = None) -> list[str]:
    """Return the nodes whose name or title holds every word, best match first.

    The matcher of ``pftz trace`` (:func:`ground.names.rank_by_words`):
    case-insensitive, by substring; whole words, phrases and words in the name
    rank first; ties go to the shorter name.

    Parameters
    ----------
    G
        The graph.
    words
        A few words, e.g. ``"shanghai pftz"``.
    label
        Only nodes of this label.

    Returns
    -------
    list of str
        Node ids, best first; empty when nothing matches.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("Zone:sh", label="Zone", name="Shanghai PFTZ")
    >>> G.add_node("Zone:lg", label="Zone", name="Lingang area of Shanghai PFTZ")
    >>> find_nodes(G, "shanghai pftz")
    ['Zone:sh', 'Zone:lg']
    """
    nodes = [(n, d.get("name"), [d.get("title")]) for n, d in G.nodes(data=True) if label in (None, d.get("label"))]
    return rank_by_words(words, nodes)


def _resolve(G: nx.MultiDiGraph, words_or_node: Hashable, label: Label | None = None) -> tuple[Any, list[str]]:
    """Return the node meant by an id or by words, and the ranked matches."""
    if words_or_node in G:
        node = words_or_node
        if label is not None and G.nodes[node].get("label") != label:
            msg = f"{node!r} is a {G.nodes[node].get('label')}, not a {label}"
            raise QueryError(msg)
        return node, [str(node)]
    matches = find_nodes(G, str(words_or_node), label=label)
    if not matches:
        what = f"no {label} node" if label else "no node"
        msg = f"{what} matches {words_or_node!r} (case-insensitive, all words, on name and title)"
        raise QueryError(msg)
    return matches[0], matches


def focus_subgraph(G: nx.MultiDiGraph, words_or_node: Hashable, depth: int = 1) -> nx.MultiDiGraph:
    """Return the neighbourhood of one node, found by id or by a few words, as a copy.

    Parameters
    ----------
    G
        The graph; it is not changed.
    words_or_node
        A node id (``"Zone:shanghai"``) or words matched by :func:`find_nodes`;
        the best match is the centre.
    depth
        How many hops, ignoring edge direction.

    Returns
    -------
    networkx.MultiDiGraph
        Every node within ``depth`` hops and every edge among them, with
        attributes deep-copied. ``graph["focus"]`` is the centre and
        ``graph["focus_matches"]`` the ranked matches (at most ten).

    Raises
    ------
    QueryError
        Nothing matches, or ``depth`` is negative.
    """
    if depth < 0:
        msg = f"depth must be 0 or more, not {depth}"
        raise QueryError(msg)
    center, matches = _resolve(G, words_or_node)
    seen = {center}
    frontier = [center]
    for _ in range(depth):
        nxt = []
        for u in frontier:
            for v in (*G.succ[u], *G.pred[u]):
                if v not in seen:
                    seen.add(v)
                    nxt.append(v)
        frontier = nxt
    # Keep G's node order so that views of the same focus are stable.
    H = copy_subgraph(G, (n for n in G if n in seen))
    H.graph.update(view="focus", focus=center, focus_matches=matches[:10], depth=depth)
    return H


def spread_view(G: nx.MultiDiGraph, measure_node: Hashable) -> tuple[nx.MultiDiGraph, Positions]:
    """Lay out how one innovation spread: origin, batch and documents, then who it reached, in time.

    Columns from left to right: the origin zones (far left, captioned with the
    pilot's date where an ``ORIGINATED_IN`` edge states one, else "piloted
    (undated)"), the measure, then one column per stated date: its batches
    (their ``date``), the documents that promote it or release its batches
    (their ``date``, else the batch's, else their ``year``), and the places it
    reached through ``REPLICATED_TO``, ``ADOPTED`` and derived ``DIFFUSED_TO``
    edges (the earliest date on those edges; a replication listed in a batch
    takes the batch's date, as in :mod:`graph.diffusion`; an adoption without a
    date stays undated). What has no date goes to a last "undated" column.
    Within a column nodes are spread vertically.

    The places that only derived edges reach are grouped under the scope node
    the measure was replicated to (zones under *All PFTZs*, provinces under
    *Nationwide*): ``graph["groups"]`` maps the scope node to them, and they
    are placed below it in its column (the page shows them when the scope node
    is clicked).

    Parameters
    ----------
    G
        The graph; it is not changed.
    measure_node
        A :attr:`Label.MEASURE` node id, or words naming one.

    Returns
    -------
    subgraph : networkx.MultiDiGraph
        The measure, the nodes above and only the edges that tell the spread
        (other edges among those nodes, such as other measures' diffusion, are
        left out), copied. ``graph["focus"]`` is the measure,
        ``graph["axis"]`` the columns (``ticks``: ``[x, caption]``; ``dates``:
        each column's ISO date or None), ``graph["dates"]`` each node's date
        used for its column,
        ``graph["groups"]`` the grouped places.
    positions : dict
        ``node id -> (x, y)``; ``x`` grows with time.

    Raises
    ------
    QueryError
        The node is not a measure, or no measure matches the words.
    """
    m, _ = _resolve(G, measure_node, label=Label.MEASURE)
    mkey = str(G.nodes[m].get(KEY, ""))
    keep: list[tuple[Any, Any, Any]] = []
    origins: list[Any] = []
    batches: list[Any] = []
    docs: list[Any] = []
    doc_batch_dates: dict[Any, list[tuple[int, int, int]]] = defaultdict(list)
    reached: dict[Any, list[tuple[int, int, int] | None]] = defaultdict(list)
    replicated: set[Any] = set()

    for _, v, k, d in G.out_edges(m, keys=True, data=True):
        rel = rel_of(k, d)
        if rel == Rel.ORIGINATED_IN:
            origins.append(v)
        elif rel == Rel.IN_BATCH:
            batches.append(v)
        elif rel == Rel.PROMOTED_BY:
            docs.append(v)
        elif rel == Rel.REPLICATED_TO:
            reached[v].append(date_key(d.get("date")))
            replicated.add(v)
        else:
            continue
        keep.append((m, v, k))
    for u, _, k, d in G.in_edges(m, keys=True, data=True):
        if rel_of(k, d) == Rel.ADOPTED:
            reached[u].append(date_key(d.get("date")))
            keep.append((u, m, k))
    batch_dates = sorted(dk for b in dict.fromkeys(batches) if (dk := date_key(G.nodes[b].get("date"))) is not None)
    for b in dict.fromkeys(batches):
        bdate = date_key(G.nodes[b].get("date"))
        for _, v, k, d in G.out_edges(b, keys=True, data=True):
            rel = rel_of(k, d)
            if rel == Rel.RELEASED_BY:
                docs.append(v)
                if bdate is not None:
                    doc_batch_dates[v].append(bdate)
            elif rel == Rel.REPLICATED_TO:
                reached[v].append(date_key(d.get("date")) or bdate)
            else:
                continue
            keep.append((b, v, k))
    for o in dict.fromkeys(origins):
        for _, v, k, d in G.out_edges(o, keys=True, data=True):
            if rel_of(k, d) != Rel.DIFFUSED_TO:
                continue
            if str(d.get("measure", "")) == mkey or str(k).split("|", 1)[-1] == mkey:
                reached[v].append(date_key(d.get("date")))
                keep.append((o, v, k))

    origin_set = set(origins)
    dates: dict[Any, tuple[int, int, int] | None] = {}
    for b in batches:
        dates[b] = date_key(G.nodes[b].get("date"))
    for doc in docs:
        dd = G.nodes[doc]
        dates[doc] = (
            date_key(dd.get("date"))
            or (min(doc_batch_dates[doc]) if doc_batch_dates[doc] else None)
            or date_key(dd.get("year"))
        )
    for v, ds in reached.items():
        if v in origin_set or v == m or v in dates:
            continue
        known = [x for x in ds if x is not None]
        # A replication the report lists in a batch happens when the batch is released
        # (the rule of graph.diffusion); an adoption without a date stays undated.
        fallback = batch_dates[0] if batch_dates and v in replicated else None
        dates[v] = min(known) if known else fallback

    groups = _diffusion_groups(G, m, keep)
    members = {t for ts in groups.values() for t in ts}

    origin_dates = sorted(
        dk
        for _, v, k, d in G.out_edges(m, keys=True, data=True)
        if rel_of(k, d) == Rel.ORIGINATED_IN and (dk := date_key(d.get("date"))) is not None
    )
    origin_caption = f"piloted {date_text(origin_dates[0])}" if origin_dates else "piloted (undated)"
    columns: list[tuple[str, str | None, list[Any]]] = [
        (origin_caption, date_text(origin_dates[0]) if origin_dates else None, list(dict.fromkeys(origins))),
        ("innovation", None, [m]),
    ]
    by_date: dict[tuple[int, int, int], list[Any]] = defaultdict(list)
    undated: list[Any] = []
    for n, dk in dates.items():
        if n in members:
            continue
        (by_date[dk] if dk is not None else undated).append(n)
    columns += [(date_text(dk), date_text(dk), by_date[dk]) for dk in sorted(by_date)]
    if undated:
        columns.append(("undated", None, undated))

    def order(n: Any) -> tuple[bool, int, str]:
        # Group nodes go last in their column, just above the places they expand to.
        lab = label_of(G.nodes[n])
        return (n in groups, LABEL_ORDER[lab] if lab else len(LABEL_ORDER), node_caption(n, G.nodes[n]))

    positions: Positions = {}
    ticks: list[list[Any]] = []
    column_dates: list[str | None] = []
    top = bottom = 0.0
    for i, (caption, iso, col) in enumerate(columns):
        x = i * SPREAD_DX
        col = sorted(col, key=order)
        half = (len(col) - 1) / 2 * SPREAD_DY
        for j, n in enumerate(col):
            positions[str(n)] = (x, j * SPREAD_DY - half)
        top, bottom = min(top, -half), max(bottom, half)
        # The members of a group node go below their column, hidden until the group is clicked.
        y = half + SPREAD_DY
        for g in (g for g in col if g in groups):
            ts = sorted(groups[g], key=order)
            for j, t in enumerate(ts):
                dx = (j % 2 - 0.5) * SPREAD_MEMBER_DX
                positions[str(t)] = (x + dx, y + (j // 2) * SPREAD_MEMBER_DY)
            y += ((len(ts) + 1) // 2) * SPREAD_MEMBER_DY + SPREAD_DY / 2
        bottom = max(bottom, y - SPREAD_DY)
        ticks.append([x, caption])
        column_dates.append(iso)
    sub = copy_subgraph(G, [*(n for _, _, col in columns for n in col), *sorted(members, key=str)], keep)
    sub.graph.update(
        view="spread",
        focus=m,
        axis={"ticks": ticks, "dates": column_dates, "top": top - 70.0, "bottom": bottom + 50.0},
        dates={str(n): date_text(dk) for n, dk in dates.items() if dk is not None},
        groups={str(g): sorted(str(t) for t in ts) for g, ts in groups.items()},
    )
    return sub, positions


def _diffusion_groups(G: nx.MultiDiGraph, m: Any, keep: list[tuple[Any, Any, Any]]) -> dict[Any, list[Any]]:
    """Group the places only derived edges reach under the scope node the measure was replicated to.

    Zones reached by derivation go under *All PFTZs*, provinces under
    *Nationwide* (the rules of :mod:`graph.diffusion`), when the view holds
    that scope node through a stated ``REPLICATED_TO`` edge. A place that a
    stated edge reaches (an adopter, a named province) is not grouped: its
    derived edges are few and drawn as they are.
    """
    stated = {x for u, v, k in keep if not G.edges[u, v, k].get(DERIVED) for x in (u, v)}
    scopes: dict[str, Any] = {}
    for u, v, k in keep:
        d = G.edges[u, v, k]
        if rel_of(k, d) == Rel.REPLICATED_TO and not d.get(DERIVED) and G.nodes[v].get("kind") == RegionKind.SCOPE:
            scopes[str(G.nodes[v].get(KEY))] = v
    nationwide = scopes.get(SCOPE_REGION_KEYS[Scope.NATIONWIDE])
    all_pftzs = scopes.get(SCOPE_REGION_KEYS[Scope.ALL_PFTZS])
    groups: dict[Any, list[Any]] = defaultdict(list)
    for u, v, k in keep:
        d = G.edges[u, v, k]
        # an origin reached through a defined term ("the Pilot Regions") is derived, yet a pilot, not a target
        if not d.get(DERIVED) or v in stated or v == m or rel_of(k, d) == Rel.ORIGINATED_IN:
            continue
        label = G.nodes[v].get("label")
        group = all_pftzs if label == Label.ZONE else nationwide if label == Label.REGION else None
        if group is None:
            group = all_pftzs if all_pftzs is not None else nationwide
        if group is not None and v not in groups[group]:
            groups[group].append(v)
    return {g: ts for g, ts in groups.items() if ts}


def _add_aggregated_diffusion(G: nx.MultiDiGraph, H: nx.MultiDiGraph, inside: set[Any]) -> None:
    """Add to ``H`` one ``DIFFUSED_TO`` edge per pair of ``inside`` nodes for all the derived edges of that pair."""
    names = {n: str(d.get("name") or d.get(KEY) or n) for n, d in G.nodes(data=True) if d.get("label") == Label.MEASURE}
    by_key = {str(d.get(KEY)): n for n, d in G.nodes(data=True) if d.get("label") == Label.MEASURE}
    # (adopter, measure key) of every stated adoption: a derived edge to an adopter rests on it.
    adopted = {
        (u, str(G.nodes[v].get(KEY)))
        for u, v, k, d in G.edges(keys=True, data=True)
        if rel_of(k, d) == Rel.ADOPTED and not d.get(DERIVED)
    }
    pairs: dict[tuple[Any, Any], list[dict[str, Any]]] = defaultdict(list)
    for u, v, k, d in G.edges(keys=True, data=True):
        if u in inside and v in inside and d.get(DERIVED) and rel_of(k, d) == Rel.DIFFUSED_TO:
            pairs[(u, v)].append(d)
    for (u, v), ds in sorted(pairs.items(), key=lambda t: (str(t[0][0]), str(t[0][1]))):
        measures = sorted({names.get(by_key.get(str(d.get("measure")), ""), str(d.get("measure"))) for d in ds})
        prov = [p for d in ds for p in (d.get(PROVENANCE) or [])]
        dates = sorted(str(d["date"]) for d in ds if d.get("date"))
        H.add_edge(
            u, v, key=f"{Rel.DIFFUSED_TO.value}|{len(ds)}", type=Rel.DIFFUSED_TO.value, count=len(measures),
            measures=measures, via_adoption=sum(1 for d in ds if (v, str(d.get("measure"))) in adopted),
            first=dates[0] if dates else None, last=dates[-1] if dates else None,
            provenance=prov[:MAX_EVIDENCE], evidence_total=len(prov), **{DERIVED: True},
        )  # fmt: skip


def aggregate_diffusion(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Return a copy of ``G`` whose derived ``DIFFUSED_TO`` edges are merged into one edge per pair of nodes.

    Each merged edge carries ``count`` (measures), ``measures`` (their names),
    ``via_adoption``, ``first`` and ``last`` dates, and the first
    :data:`MAX_EVIDENCE` provenance entries with ``evidence_total``; the page
    draws it with a width that grows with ``count`` and lists the measures in
    its tooltip. The whole-graph page of the site uses it: thousands of
    parallel derived edges become a few hundred.
    """
    keep = [
        (u, v, k)
        for u, v, k, d in G.edges(keys=True, data=True)
        if not (d.get(DERIVED) and rel_of(k, d) == Rel.DIFFUSED_TO)
    ]
    H = copy_subgraph(G, list(G), keep)
    _add_aggregated_diffusion(G, H, set(G))
    return H


def map_view(G: nx.MultiDiGraph, *, derived: bool = True) -> nx.MultiDiGraph:
    """Return the zones and provinces with their stated links and, aggregated per pair, the derived diffusion.

    Nodes: every zone and every province region, copied. Edges: the stated
    ``PART_OF`` edges among them (sub-areas), and one ``DIFFUSED_TO``
    edge per ``(origin, target)`` pair standing for all the derived edges of
    that pair: ``count`` measures, ``measures`` their names, ``via_adoption``
    how many rest on a stated ``ADOPTED`` edge (drawn apart from those derived
    from a replication scope), and the provenance of the first
    :data:`MAX_EVIDENCE` with ``evidence_total`` saying how many there are.

    Parameters
    ----------
    G
        The graph; it is not changed.
    derived
        Include the aggregated diffusion edges.

    Returns
    -------
    networkx.MultiDiGraph
    """
    keep = [
        n
        for n, d in G.nodes(data=True)
        if d.get("label") == Label.ZONE or (d.get("label") == Label.REGION and d.get("kind") != RegionKind.SCOPE)
    ]
    inside = set(keep)
    stated = [
        (u, v, k)
        for u, v, k, d in G.edges(keys=True, data=True)
        if u in inside and v in inside and not d.get(DERIVED) and rel_of(k, d) == Rel.PART_OF
    ]
    H = copy_subgraph(G, keep, stated)
    H.graph.update(view="map")
    if not derived:
        return H
    _add_aggregated_diffusion(G, H, inside)
    return H
