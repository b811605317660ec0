"""Interactive HTML views of the policy graph: whole graph, one innovation's spread, a zone, a map.

Each view is one self-contained HTML file: vis-network (and, with the filter
menu, tom-select) is inlined from the assets pyvis ships, so a file opened from
disk works with no network. Node and edge dicts are prepared once from the
graph (the caller's graph is never touched) and rendered through the jinja2
templates in ``shell/templates`` (``view.html``, ``legend.html``,
``index.html`` and their stylesheets), shipped as package data.

pyvis is the source of the vis-network, tom-select and binding files it
bundles (read with :mod:`importlib.resources`); its ``Network`` class is not
used to render. Its public API cannot do the job: ``add_node`` checks a list
per call (quadratic: minutes at 10,000 nodes) and stamps its own defaults on
every node, ``generate_html`` renders only its ``template.html`` (which links
Bootstrap from a CDN in every mode and renders ``heading`` unescaped) unless
its template attributes are overwritten, and handing it prepared nodes means
setting its ``nodes``/``node_ids``/``node_map`` attributes directly. Rendering
the page here with the same variables is shorter and uses no private state.

The views: :func:`spread_view` (a timeline per innovation, with the places
derived diffusion reaches folded into their scope node), the whole graph
(:func:`aggregate_diffusion`; positions computed here by
:func:`force_positions`, so the first drawing is stable), :func:`map_view` over
the provinces' outline (:func:`load_outline`), and a zone's neighbourhood
(:func:`focus_subgraph`). Pages keep the labels that fit, best-connected nodes
first, and show the others on hover. :func:`write_site` writes them all as a
site whose pages share one copy of the assets (:func:`write_assets`).

Colours, shapes and captions come from :data:`ground.schema.NODE_TYPES`;
derived edges are drawn dashed and grey, stated facts solid. Every node and
edge has a tooltip with its key properties and the quoted evidence; every text
in it is escaped with :func:`html.escape`.

Pitfalls of pyvis 0.3.2's assets and vis-network 9 this module works around:

* the filter menu's ``utils.js`` reads the undeclared globals ``filterActive``
  and ``highlightActive`` (a ReferenceError on "Reset" before any filter);
* vis-network 9 shows a string title with ``innerText`` (as text); the HTML
  tooltips here are put in with ``innerHTML`` when vis shows the popup, which is
  why everything in them is escaped first.
"""

from __future__ import annotations

import copy
import functools
import html
import json
import math
import os
import re
import warnings
import zlib
from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path
from typing import Any, Literal
from urllib.parse import quote

import networkx as nx
import pyvis
from jinja2 import Environment, PackageLoader
from markupsafe import Markup

from ground.errors import ExportError, QueryError
from ground.io import atomic_write_text
from ground.names import rank_by_words
from ground.schema import (
    DERIVED,
    KEY,
    NODE_TYPES,
    PROVENANCE,
    REL_TYPES,
    SCOPE_REGION_KEYS,
    Label,
    RegionKind,
    Rel,
    Scope,
    ZoneKind,
)
from loaders.reference import REFERENCE_DIR

__all__ = [
    "SHARED_ASSETS",
    "LargeGraphWarning",
    "Layout",
    "ViewEntry",
    "aggregate_diffusion",
    "find_nodes",
    "focus_subgraph",
    "force_positions",
    "load_outline",
    "map_positions",
    "map_scale",
    "map_view",
    "parse_outline",
    "render_html",
    "short_title",
    "spread_view",
    "write_assets",
    "write_index",
    "write_site",
]

Layout = Literal["force", "spread", "map"]
Positions = dict[str, tuple[float, float]]

PHYSICS_MAX_NODES = 150
"""Above this many nodes physics is off and the positions are computed here, so the first drawing is stable."""

SPRING_MAX_NODES = 450
"""Up to this many nodes go through the spring layout (dense, quadratic; above 499 networkx needs SciPy)."""

EDGE_LABELS_MAX = 30
"""Edges are captioned with their type only in views with at most this many edges (hover shows it always)."""

DERIVED_EDGE_COLOR = "#9e9e9e"
DERIVED_EDGE_DASHES = [6, 5]
UNKNOWN_COLOR = "#aaaaaa"

SPREAD_DX = 260.0
SPREAD_DY = 95.0
SPREAD_MEMBER_DX = 120.0
SPREAD_MEMBER_DY = 34.0
MAP_PX_PER_DEGREE = 60.0
MAP_REF_LAT = 35.0
MAP_OFFSET = 26.0
MAP_MAX_WIDTH = 10.0
OUTLINE_FILE = "china-provinces.geojson"
"""The outline of the provinces in ``data/reference`` (Natural Earth; see SOURCES.md)."""
SEARCH_FILE = "search.js"
"""The site's search index and search box script, at the site's root."""

MAX_EVIDENCE = 3
MAX_TEXT = 320
MAX_CAPTION = 40
LABELS_MAX = 80
"""Views with fixed positions label at most this many nodes (the best connected that fit); the rest on hover."""
LARGE_VIEW_FONT = 30
"""Font size of the kept labels in force views of more than :data:`PHYSICS_MAX_NODES` nodes."""
LABEL_CHAR_WIDTH = 0.62
"""A generous average glyph width of the sans-serif labels, as a share of the font size."""
SHORT_TITLE = 40
"""Short titles (timeline labels, page titles of spread views) have at most this many characters."""

NATIONAL = "national"
"""``level`` of a national :attr:`Label.BATCH`."""

_SKIP_NODE_PROPS = frozenset({"label", KEY, "name", PROVENANCE})
_SKIP_EDGE_PROPS = frozenset({"type", PROVENANCE, DERIVED})
_NODE_DATA_FIELDS = ("kind", "province", "year", "date", "scope", "field")
_EDGE_DATA_FIELDS = ("date", "scope", "outcome", "measure", "via", "role", "status")
_LABEL_ORDER = {label: i for i, label in enumerate(Label)}
_TYPE_ORDER = {label.value: i for i, label in enumerate(Label)}


class LargeGraphWarning(UserWarning):
    """A view has more nodes than a browser draws comfortably."""


@dataclass(frozen=True, slots=True)
class ViewEntry:
    """One page listed by :func:`write_index`.

    Parameters
    ----------
    section
        ``"graph"``, ``"spread"`` or ``"zone"``: the heading it is listed under.
    title
        The link text (escaped when written).
    path
        The page, absolute or relative to the index's folder.
    nodes, edges
        Counts shown beside the link.
    note
        A short line shown after the counts.
    """

    section: str
    title: str
    path: Path
    nodes: int = 0
    edges: int = 0
    note: str = ""


# --------------------------------------------------------------------------- finding nodes


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


_ATOMS = (str, int, float, bool, type(None))


def _deep(value: Any) -> Any:
    """A deep copy of attribute data: dicts and lists rebuilt, scalars shared, anything else deep-copied.

    The graph's attributes are JSON-like, for which this is several times faster than
    :func:`copy.deepcopy`.
    """
    if isinstance(value, dict):
        return {k: _deep(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_deep(v) for v in value]
    return value if isinstance(value, _ATOMS) else copy.deepcopy(value)


def _copy_subgraph(
    G: nx.MultiDiGraph,
    nodes: Iterable[Any],
    edges: Iterable[tuple[Any, Any, Any]] | None = None,
) -> nx.MultiDiGraph:
    """Copy nodes (and the given edges, or all edges among them) with deep-copied attributes."""
    keep = list(dict.fromkeys(nodes))
    H = nx.MultiDiGraph()
    H.graph.update(_deep(dict(G.graph)))
    H.add_nodes_from((n, _deep(G.nodes[n])) for n in keep)
    if edges is None:
        inside = set(keep)
        edges = ((u, v, k) for u in keep for v, kd in G.succ[u].items() if v in inside for k in kd)
    for u, v, k in dict.fromkeys(edges):
        H.add_edge(u, v, key=k, **_deep(G.edges[u, v, k]))
    return H


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
    H = _copy_subgraph(G, (n for n in G if n in seen))
    H.graph.update(view="focus", focus=center, focus_matches=matches[:10], depth=depth)
    return H


# --------------------------------------------------------------------------- dates and spread


_DATE = re.compile(r"^\s*(\d{4})(?:[-/.年](\d{1,2})(?:[-/.月](\d{1,2}))?)?")


def _date_key(value: Any) -> tuple[int, int, int] | None:
    """Return a sortable ``(year, month, day)`` for ``"2019"``, ``"2019-06"``, ``"2019-06-01"`` or 2019."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        return (value, 0, 0) if 1000 <= value <= 9999 else None
    m = _DATE.match(str(value))
    if not m:
        return None
    return int(m[1]), int(m[2] or 0), int(m[3] or 0)


def _date_text(key: tuple[int, int, int]) -> str:
    y, m, d = key
    return f"{y:04d}-{m:02d}-{d:02d}" if d else f"{y:04d}-{m:02d}" if m else f"{y:04d}"


def _rel_of(key: Any, data: Mapping[str, Any]) -> str:
    return str(data.get("type") or str(key).split("|", 1)[0])


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
        rel = _rel_of(k, d)
        if rel == Rel.ORIGINATED_IN:
            origins.append(v)
        elif rel == Rel.IN_BATCH:
            batches.append(v)
        elif rel == Rel.PROMOTED_BY:
            docs.append(v)
        elif rel == Rel.REPLICATED_TO:
            reached[v].append(_date_key(d.get("date")))
            replicated.add(v)
        else:
            continue
        keep.append((m, v, k))
    for u, _, k, d in G.in_edges(m, keys=True, data=True):
        if _rel_of(k, d) == Rel.ADOPTED:
            reached[u].append(_date_key(d.get("date")))
            keep.append((u, m, k))
    batch_dates = sorted(dk for b in dict.fromkeys(batches) if (dk := _date_key(G.nodes[b].get("date"))) is not None)
    for b in dict.fromkeys(batches):
        bdate = _date_key(G.nodes[b].get("date"))
        for _, v, k, d in G.out_edges(b, keys=True, data=True):
            rel = _rel_of(k, d)
            if rel == Rel.RELEASED_BY:
                docs.append(v)
                if bdate is not None:
                    doc_batch_dates[v].append(bdate)
            elif rel == Rel.REPLICATED_TO:
                reached[v].append(_date_key(d.get("date")) or bdate)
            else:
                continue
            keep.append((b, v, k))
    for o in dict.fromkeys(origins):
        for _, v, k, d in G.out_edges(o, keys=True, data=True):
            if _rel_of(k, d) != Rel.DIFFUSED_TO:
                continue
            if str(d.get("measure", "")) == mkey or str(k).split("|", 1)[-1] == mkey:
                reached[v].append(_date_key(d.get("date")))
                keep.append((o, v, k))

    origin_set = set(origins)
    dates: dict[Any, tuple[int, int, int] | None] = {}
    for b in batches:
        dates[b] = _date_key(G.nodes[b].get("date"))
    for doc in docs:
        dd = G.nodes[doc]
        dates[doc] = (
            _date_key(dd.get("date"))
            or (min(doc_batch_dates[doc]) if doc_batch_dates[doc] else None)
            or _date_key(dd.get("year"))
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
        if _rel_of(k, d) == Rel.ORIGINATED_IN and (dk := _date_key(d.get("date"))) is not None
    )
    origin_caption = f"piloted {_date_text(origin_dates[0])}" if origin_dates else "piloted (undated)"
    columns: list[tuple[str, str | None, list[Any]]] = [
        (origin_caption, _date_text(origin_dates[0]) if origin_dates else None, list(dict.fromkeys(origins))),
        ("innovation", None, [m]),
    ]
    by_date: dict[tuple[int, int, int], list[Any]] = defaultdict(list)
    undated: list[Any] = []
    for n, dk in dates.items():
        if n in members:
            continue
        (by_date[dk] if dk is not None else undated).append(n)
    columns += [(_date_text(dk), _date_text(dk), by_date[dk]) for dk in sorted(by_date)]
    if undated:
        columns.append(("undated", None, undated))

    def order(n: Any) -> tuple[bool, int, str]:
        # Group nodes go last in their column, just above the places they expand to.
        lab = _label_of(G.nodes[n])
        return (n in groups, _LABEL_ORDER[lab] if lab else len(_LABEL_ORDER), _caption(n, G.nodes[n]))

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
    sub = _copy_subgraph(G, [*(n for _, _, col in columns for n in col), *sorted(members, key=str)], keep)
    sub.graph.update(
        view="spread",
        focus=m,
        axis={"ticks": ticks, "dates": column_dates, "top": top - 70.0, "bottom": bottom + 50.0},
        dates={str(n): _date_text(dk) for n, dk in dates.items() if dk is not None},
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
        if _rel_of(k, d) == Rel.REPLICATED_TO and not d.get(DERIVED) and G.nodes[v].get("kind") == RegionKind.SCOPE:
            scopes[str(G.nodes[v].get(KEY))] = v
    nationwide = scopes.get(SCOPE_REGION_KEYS[Scope.NATIONWIDE])
    all_pftzs = scopes.get(SCOPE_REGION_KEYS[Scope.ALL_PFTZS])
    groups: dict[Any, list[Any]] = defaultdict(list)
    for u, v, k in keep:
        d = G.edges[u, v, k]
        if not d.get(DERIVED) or v in stated or v == m:
            continue
        label = G.nodes[v].get("label")
        group = all_pftzs if label == Label.ZONE else nationwide if label == Label.REGION else None
        if group is None:
            group = all_pftzs if all_pftzs is not None else nationwide
        if group is not None and v not in groups[group]:
            groups[group].append(v)
    return {g: ts for g, ts in groups.items() if ts}


# --------------------------------------------------------------------------- positions


_GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))


def _spiral(i: int, spacing: float) -> tuple[float, float]:
    """The ``i``-th point (from 1) of a sunflower spiral: evenly spread points around a centre."""
    r = spacing * math.sqrt(i)
    return r * math.cos(i * _GOLDEN_ANGLE), r * math.sin(i * _GOLDEN_ANGLE)


def _band(nodes: list[Any], G: nx.MultiDiGraph, x0: float, y0: float, per_column: int = 40) -> Positions:
    """Place nodes in columns grouped by label, starting at ``(x0, y0)``."""
    pos: Positions = {}
    groups: dict[str, list[Any]] = defaultdict(list)
    for n in nodes:
        groups[str(G.nodes[n].get("label", ""))].append(n)
    col = 0
    for _, members in sorted(groups.items()):
        members.sort(key=str)
        for i, n in enumerate(members):
            pos[str(n)] = (x0 + (col + i // per_column) * 140.0, y0 + (i % per_column) * 45.0)
        col += (len(members) - 1) // per_column + 2
    return pos


def _place_by_neighbours(G: nx.MultiDiGraph, pos: Positions, spacing: float, passes: int | None = None) -> list[Any]:
    """Put unplaced nodes around the mean of their placed neighbours, in rounds; return the rest.

    Nodes that share an anchor (the same placed neighbours) are spread on a
    sunflower spiral around it, in id order, so that the result does not
    depend on iteration order and nodes do not pile up.
    """
    todo = [n for n in G if str(n) not in pos]
    rounds = 0
    while todo and (passes is None or rounds < passes):
        rounds += 1
        groups: dict[tuple[float, float], list[Any]] = defaultdict(list)
        rest = []
        for n in todo:
            near = [pos[s] for v in (*G.succ[n], *G.pred[n]) if (s := str(v)) in pos]
            if not near:
                rest.append(n)
                continue
            anchor = (
                round(sum(p[0] for p in near) / len(near), 1),
                round(sum(p[1] for p in near) / len(near), 1),
            )
            groups[anchor].append(n)
        if not groups:
            break
        for (ax, ay), members in groups.items():
            for i, n in enumerate(sorted(members, key=str), start=1):
                dx, dy = _spiral(i, spacing)
                pos[str(n)] = (ax + dx, ay + dy)
        todo = rest
    return todo


def _simple_undirected(G: nx.MultiDiGraph, nodes: Iterable[Any], *, stated_only: bool = False) -> nx.Graph:
    keep = set(nodes)
    H = nx.Graph()
    H.add_nodes_from(n for n in G if n in keep)
    H.add_edges_from(
        (u, v)
        for u, v, d in G.edges(data=True)
        if u in keep and v in keep and u != v and not (stated_only and d.get(DERIVED))
    )
    return H


def force_positions(G: nx.MultiDiGraph, *, seed: int = 7, core_size: int = SPRING_MAX_NODES) -> Positions:
    """Return deterministic positions for the force layout, nodes of a label near each other.

    Up to ``core_size`` nodes: :func:`networkx.spring_layout` of the whole
    graph on its stated edges (derived ones are hidden by default), started
    from one sector of a circle per label so that the layout groups nodes by
    label. Above: the same for the ``core_size`` best-connected nodes (the
    dense spring layout is quadratic, and the sparse one needs SciPy), then
    every other node at the mean of its placed neighbours, hop by hop; nodes
    not connected to the core go to a band below.

    Parameters
    ----------
    G
        The graph.
    seed
        Seed of the spring layout.
    core_size
        How many nodes the spring layout places.

    Returns
    -------
    dict
        ``str(node) -> (x, y)`` in pixels.
    """
    n = G.number_of_nodes()
    if n == 0:
        return {}
    if n <= core_size:
        core = list(G)
    else:
        degree = dict(G.degree())
        core = sorted(G, key=lambda v: (-degree[v], str(v)))[:core_size]
    labels = sorted({str(G.nodes[v].get("label", "")) for v in core})
    sector = {lab: 2 * math.pi * i / len(labels) for i, lab in enumerate(labels)}
    H = _simple_undirected(G, core, stated_only=any(d.get(DERIVED) for *_, d in G.edges(data=True)))
    # Each connected part is laid out on its own and the parts are packed in rows, biggest first:
    # one spring layout of them all would push the parts apart and squeeze the main one.
    parts = sorted((sorted(c, key=str) for c in nx.connected_components(H)), key=lambda c: (-len(c), str(c[0])))
    pos: Positions = {}
    row_x = row_y = row_h = 0.0
    width = 90.0 * math.sqrt(n) * 2
    for part in parts:
        r = 45.0 * math.sqrt(len(part)) + 30.0
        if len(part) == 1:
            raw = {part[0]: (0.0, 0.0)}
        else:
            start = {}
            for i, v in enumerate(part):
                # Distinct starting points (nodes that start together would stay together).
                a = sector[str(G.nodes[v].get("label", ""))] + i * 0.0137
                rr = 0.4 + (i % 5) * 0.1 + i * 0.0011
                start[v] = (math.cos(a) * rr, math.sin(a) * rr)
            lay = nx.spring_layout(H.subgraph(part), pos=start, seed=seed, scale=r - 30.0, iterations=80)
            raw = {v: (float(p[0]), float(p[1])) for v, p in lay.items()}
        if row_x > 0 and row_x + 2 * r > width:
            row_x, row_y, row_h = 0.0, row_y + row_h, 0.0
        for v, (x, y) in raw.items():
            pos[str(v)] = (row_x + r + x, row_y + r + y)
        row_x += 2 * r
        row_h = max(row_h, 2 * r)
    rest = _place_by_neighbours(G, pos, spacing=40.0)
    if rest:
        ys = [p[1] for p in pos.values()] or [0.0]
        xs = [p[0] for p in pos.values()] or [0.0]
        pos.update(_band(rest, G, min(xs), max(ys) + 200.0, per_column=10**9 if len(rest) < 50 else 50))
    return pos


def map_positions(G: nx.MultiDiGraph) -> Positions:
    """Return map positions: nodes with ``lat``/``lon`` where they are, the rest near their neighbours.

    Zones and regions with coordinates are drawn in an equirectangular
    projection (north up). Other nodes go to the mean of their placed
    neighbours, in up to three rounds (a measure near its zones, a batch near
    its measures); what is still unplaced goes to a band right of the map.

    Parameters
    ----------
    G
        The graph.

    Returns
    -------
    dict
        ``str(node) -> (x, y)`` in pixels.
    """
    geo = {}
    for n, d in G.nodes(data=True):
        try:
            lat, lon = float(d["lat"]), float(d["lon"])
        except (KeyError, TypeError, ValueError):
            continue
        if math.isfinite(lat) and math.isfinite(lon):
            geo[n] = (lat, lon)
    pos: Positions = {}
    kx, ky = map_scale()
    shared: dict[tuple[float, float], list[Any]] = defaultdict(list)
    for n, (lat, lon) in geo.items():
        shared[(round(lon * kx, 1), round(-lat * ky, 1))].append(n)
    for (x, y), members in shared.items():
        # Places given the same coordinates (a zone and its province's capital) sit on a small ring.
        members.sort(key=lambda v: (_LABEL_ORDER.get(_label_of(G.nodes[v]) or Label.ZONE, 0), str(v)))
        for i, n in enumerate(members):
            if len(members) == 1:
                pos[str(n)] = (x, y)
            else:
                angle = -math.pi / 2 + 2 * math.pi * i / len(members)
                pos[str(n)] = (x + MAP_OFFSET * math.cos(angle), y + MAP_OFFSET * math.sin(angle))
    rest = _place_by_neighbours(G, pos, spacing=30.0, passes=3)
    if rest:
        xs = [p[0] for p in pos.values()] or [0.0]
        ys = [p[1] for p in pos.values()] or [0.0]
        pos.update(_band(rest, G, max(xs) + 300.0, min(ys)))
    return pos


def map_scale() -> tuple[float, float]:
    """Pixels per degree of longitude and of latitude of the map layout (equirectangular at 35°N)."""
    return MAP_PX_PER_DEGREE * math.cos(math.radians(MAP_REF_LAT)), MAP_PX_PER_DEGREE


def parse_outline(text: str, path: str = OUTLINE_FILE) -> list[tuple[str, list[list[tuple[float, float]]]]]:
    """Parse the GeoJSON outline of the provinces into ``(name, rings)``, rings as ``(lon, lat)`` lists.

    Parameters
    ----------
    text
        A GeoJSON FeatureCollection of Polygon or MultiPolygon features.
    path
        The file, for messages.

    Returns
    -------
    list
        One ``(name, rings)`` per feature, in file order.

    Raises
    ------
    ExportError
        The text is not such a collection.
    """
    try:
        features = json.loads(text)["features"]
        out = []
        for f in features:
            g = f["geometry"]
            polygons = [g["coordinates"]] if g["type"] == "Polygon" else g["coordinates"]
            rings = [[(float(x), float(y)) for x, y, *_ in ring] for poly in polygons for ring in poly]
            out.append((str(f["properties"].get("name", "")), rings))
    except (ValueError, KeyError, TypeError) as e:
        msg = f"{path}: not a GeoJSON outline of polygons ({e})"
        raise ExportError(msg) from e
    return out


@functools.cache
def load_outline(path: str | None = None) -> list[tuple[str, list[list[tuple[float, float]]]]]:
    """Read the outline of China's provinces (``data/reference/china-provinces.geojson`` by default)."""
    file = Path(path) if path else REFERENCE_DIR / OUTLINE_FILE
    try:
        text = file.read_text(encoding="utf-8")
    except OSError as e:
        msg = f"cannot read the map outline {file}: {e.strerror or e}"
        raise ExportError(msg) from e
    return parse_outline(text, str(file))


def _outline_pixels(basemap: str | Path | None = None) -> list[list[list[float]]]:
    """The rings of the base map (the default outline or a GeoJSON file) in the pixels of :func:`map_positions`."""
    kx, ky = map_scale()
    rings = [ring for _, rs in load_outline(str(basemap) if basemap else None) for ring in rs]
    return [[[round(lon * kx, 1), round(-lat * ky, 1)] for lon, lat in ring] for ring in rings]


def _add_aggregated_diffusion(G: nx.MultiDiGraph, H: nx.MultiDiGraph, inside: set[Any]) -> None:
    """Add to ``H`` one ``DIFFUSED_TO`` edge per pair of ``inside`` nodes for all the derived edges of that pair."""
    names = {n: str(d.get("name") or d.get(KEY) or n) for n, d in G.nodes(data=True) if d.get("label") == Label.MEASURE}
    by_key = {str(d.get(KEY)): n for n, d in G.nodes(data=True) if d.get("label") == Label.MEASURE}
    # (adopter, measure key) of every stated adoption: a derived edge to an adopter rests on it.
    adopted = {
        (u, str(G.nodes[v].get(KEY)))
        for u, v, k, d in G.edges(keys=True, data=True)
        if _rel_of(k, d) == Rel.ADOPTED and not d.get(DERIVED)
    }
    pairs: dict[tuple[Any, Any], list[dict[str, Any]]] = defaultdict(list)
    for u, v, k, d in G.edges(keys=True, data=True):
        if u in inside and v in inside and d.get(DERIVED) and _rel_of(k, d) == Rel.DIFFUSED_TO:
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
        if not (d.get(DERIVED) and _rel_of(k, d) == Rel.DIFFUSED_TO)
    ]
    H = _copy_subgraph(G, list(G), keep)
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
        if u in inside and v in inside and not d.get(DERIVED) and _rel_of(k, d) == Rel.PART_OF
    ]
    H = _copy_subgraph(G, keep, stated)
    H.graph.update(view="map")
    if not derived:
        return H
    _add_aggregated_diffusion(G, H, inside)
    return H


# --------------------------------------------------------------------------- tooltips


def _text(value: Any) -> str:
    if isinstance(value, float):
        s = f"{value:.6g}"
    elif isinstance(value, list | tuple | set):
        s = ", ".join(map(str, value))
    elif isinstance(value, dict):
        s = json.dumps(value, ensure_ascii=False, sort_keys=True)
    else:
        s = str(value)
    return s if len(s) <= MAX_TEXT else s[: MAX_TEXT - 1] + "…"


def _e(value: Any) -> str:
    """Escape a value for HTML element content (tooltips, headings)."""
    if value.__class__ is str:
        return _e_str(value)
    return html.escape(_text(value), quote=False)


@functools.lru_cache(maxsize=1 << 16)
def _e_str(value: str) -> str:
    """:func:`_e` of a string, memoized: the tooltips of a graph repeat their names, types and quotes."""
    return html.escape(_text(value), quote=False)


def _content(value: Any) -> Markup:
    """Escape a value for element content in a template: ``<``, ``>`` and ``&`` (quotes stay as they are)."""
    return Markup(_e(value))


def _attr(value: Any) -> str:
    """Escape a value for an HTML attribute."""
    return html.escape(_text(value), quote=True)


def _evidence_html(prov: Any) -> str:
    """``line 745: «quote» source §3.1`` per evidence entry, escaped; at most :data:`MAX_EVIDENCE`."""
    if not isinstance(prov, list) or not prov:
        return "<hr><i>no evidence recorded</i>"
    out = []
    for p in prov[:MAX_EVIDENCE]:
        if not isinstance(p, Mapping):
            continue
        where = f"line {p['line']}: " if p.get("line") is not None else ""
        src = " ".join(x for x in (str(p.get("source") or ""), f"§{p['section']}" if p.get("section") else "") if x)
        out.append(f"<hr>{_e(where)}«{_e(p.get('quote', ''))}»" + (f" <i>{_e(src)}</i>" if src else ""))
    if len(prov) > MAX_EVIDENCE:
        out.append(f"<hr><i>and {len(prov) - MAX_EVIDENCE} more</i>")
    return "".join(out)


def _rows_html(rows: Iterable[tuple[str, Any]]) -> str:
    # Plain "key: value" lines: tooltips of big graphs are a large share of the page.
    return "".join(f"<br>{_e(k)}: {_e(v)}" for k, v in rows if v not in (None, ""))


def _label_of(d: Mapping[str, Any]) -> Label | None:
    try:
        return Label(str(d.get("label")))
    except ValueError:
        return None


_STOP_AT_END = frozenset(
    ["a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the", "to", "with"]
)


def short_title(text: str, limit: int = SHORT_TITLE) -> str:
    """Shorten a title for a label: cut at a clause or word boundary, with an ellipsis.

    A title that fits is returned as it is (whitespace collapsed). A longer one
    is cut at the last comma, colon, semicolon or opening parenthesis in its
    second half that still fits, else at the last word that fits; dangling
    little words (``of``, ``the``, ...) and punctuation are dropped before the
    ``…``. The full title belongs in the tooltip.

    Parameters
    ----------
    text
        The title.
    limit
        The most characters of the result, ``…`` included.

    Returns
    -------
    str

    Examples
    --------
    >>> short_title("New model for ship supervision and declaration")
    'New model for ship supervision…'
    >>> short_title("Customs authorities shall not deny preferential tariff treatment", 30)
    'Customs authorities shall not…'
    >>> short_title("Cross-border e-commerce, bonded import and retail", 36)
    'Cross-border e-commerce…'
    """
    t = " ".join(str(text).split())
    if len(t) <= limit:
        return t
    head = t[: limit - 1]
    breaks = [head.rfind(c) for c in (",", ";", ":", " (", " –", " -")]
    cut = max(breaks)
    if cut < limit // 2:
        cut = head.rfind(" ") if t[limit - 1] != " " else limit - 1
        if cut <= 0:
            cut = limit - 1
    words = t[:cut].rstrip(" ,;:-–(").split(" ")
    while len(words) > 1 and words[-1].casefold() in _STOP_AT_END:
        words.pop()
    return " ".join(words).rstrip(" ,;:-–(") + "…"


def _caption(n: Any, d: Mapping[str, Any]) -> str:
    """A node's label: its caption property, cut to a short title; a long-named document by its number."""
    label = _label_of(d)
    prop = NODE_TYPES[label].caption if label else "name"
    text = str(d.get(prop) or d.get("name") or d.get(KEY) or n)
    if label == Label.DOCUMENT and d.get("number") and len(text) > MAX_CAPTION:
        return str(d["number"])
    return short_title(text, MAX_CAPTION)


def _node_tooltip(n: Any, d: Mapping[str, Any], color: str) -> str:
    label = _label_of(d)
    props = list(NODE_TYPES[label].properties) if label else []
    props += sorted(k for k in d if k not in _SKIP_NODE_PROPS and k not in props)
    rows = [(KEY, d.get(KEY))] + [(k, d[k]) for k in props if k in d]
    return (
        f'<b style="color:{_attr(color)}">{_e(d.get("label", "?"))}</b> <b>{_e(d.get("name") or d.get(KEY) or n)}</b>'
        f"{_rows_html(rows)}{_evidence_html(d.get(PROVENANCE))}"
    )


def _edge_tooltip(rel: str, d: Mapping[str, Any], src: str, dst: str, derived: bool) -> str:
    try:
        props = list(REL_TYPES[Rel(rel)].properties)
    except ValueError:
        props = []
    props += sorted(k for k in d if k not in _SKIP_EDGE_PROPS and k not in props)
    tag = " <i>(derived)</i>" if derived else ""
    return (
        f"<b>{_e(rel)}</b>{tag}<br>{_e(src)} → {_e(dst)}"
        f"{_rows_html((k, d[k]) for k in props if k in d)}{_evidence_html(d.get(PROVENANCE))}"
    )


# --------------------------------------------------------------------------- vis data


def _scalar(v: Any) -> Any:
    return v if isinstance(v, str | int | float | bool) else _text(v)


def _node_dicts(G: nx.MultiDiGraph, pos: Mapping[str, tuple[float, float]], focus: Any) -> list[dict[str, Any]]:
    # rank: the stated degree (the focus first); the page keeps the labels of higher ranks when labels would overlap.
    rank: dict[Any, int] = defaultdict(int)
    for u, v, d in G.edges(data=True):
        if not d.get(DERIVED):
            rank[u] += 1
            rank[v] += 1
    out = []
    for n, d in G.nodes(data=True):
        label = _label_of(d)
        style = NODE_TYPES[label] if label else None
        color = style.color if style else UNKNOWN_COLOR
        item: dict[str, Any] = {
            "id": str(n),
            "label": _caption(n, d),
            "title": _node_tooltip(n, d, color),
            "shape": style.shape if style else "dot",
            "color": color,
            "type": str(d.get("label", "")),
            "rank": 10**6 if focus is not None and n == focus else rank[n],
        }
        for f in _NODE_DATA_FIELDS:
            if f in d and d[f] is not None:
                item[f] = _scalar(d[f])
        p = pos.get(str(n))
        if p is not None:
            item["x"], item["y"] = round(p[0]), round(p[1])
        if focus is not None and n == focus:
            item.update(size=28, borderWidth=3, font={"size": 18})
        out.append(item)
    return out


def _label_box(nd: Mapping[str, Any], default_size: float = 16.0) -> tuple[float, float, float, float]:
    """A generous estimate of the box (left, top, right, bottom) vis-network draws for a node and its label."""
    font = nd.get("font")
    fs = float(font.get("size", 14)) if isinstance(font, dict) else 14.0
    size = float(nd.get("size", default_size))
    lines = str(nd.get("label") or "").split("\n")
    text_w = LABEL_CHAR_WIDTH * fs * max(len(line) for line in lines)
    text_h = 1.3 * fs * len(lines)
    x, y = float(nd["x"]), float(nd["y"])
    if nd.get("shape") in ("box", "text"):
        w, h = text_w + 14, text_h + 12
        return x - w / 2 - 4, y - h / 2 - 4, x + w / 2 + 4, y + h / 2 + 4
    w = max(2 * size, text_w) + 8
    return x - w / 2, y - size - 4, x + w / 2, y + size + 6 + text_h


def _choose_labels(
    G: nx.MultiDiGraph, nodes: list[dict[str, Any]], *, focus: Any, most: int = LABELS_MAX, font_size: int | None = None
) -> None:
    """Keep the labels of the best-connected nodes that fit without overlapping; the rest show theirs on hover.

    Nodes are taken by stated degree (the focus first); a label is kept when
    its estimated box (:func:`_label_box`) overlaps no kept one, up to ``most``
    labels. A node whose label is dropped keeps it as ``hoverLabel``. With
    ``font_size``, kept labels are drawn that large (a view of hundreds of
    nodes is fitted at a small zoom, where 14 px text is not drawn at all).
    """
    degree: dict[str, int] = defaultdict(int)
    for u, v, d in G.edges(data=True):
        if not d.get(DERIVED):
            degree[str(u)] += 1
            degree[str(v)] += 1
    order = sorted(
        (nd for nd in nodes if "x" in nd and not nd.get("hidden")),
        key=lambda nd: (nd["id"] != str(focus), -degree[nd["id"]], _TYPE_ORDER.get(str(nd.get("type")), 99), nd["id"]),
    )
    kept: list[tuple[float, float, float, float]] = []
    for nd in order:
        if font_size is not None:
            nd["font"] = {**(nd.get("font") or {}), "size": font_size}
        box = _label_box(nd)
        fits = len(kept) < most and not any(
            box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in kept
        )
        if fits:
            kept.append(box)
        else:
            # A box without text would shrink to nothing: a blank keeps it a small box.
            nd["hoverLabel"], nd["label"] = nd["label"], " " if nd.get("shape") == "box" else ""
            if font_size is not None:
                nd["font"] = {**nd["font"], "size": 14}


def _edge_dicts(
    G: nx.MultiDiGraph, *, captions: bool, curve_parallel: bool, curve_derived: bool = False
) -> list[dict[str, Any]]:
    names = {n: str(d.get("name") or d.get(KEY) or n) for n, d in G.nodes(data=True)}
    seen_pairs: dict[frozenset[str], int] = defaultdict(int)
    out = []
    for i, (u, v, k, d) in enumerate(G.edges(keys=True, data=True)):
        rel = _rel_of(k, d)
        derived = bool(d.get(DERIVED))
        try:
            color = REL_TYPES[Rel(rel)].color
        except ValueError:
            color = UNKNOWN_COLOR
        if derived:
            color = DERIVED_EDGE_COLOR
        item: dict[str, Any] = {
            "id": f"e:{i}",
            "from": str(u),
            "to": str(v),
            "title": _edge_tooltip(rel, d, names[u], names[v], derived),
            "color": color,
            "type": rel,
        }
        if derived:
            item.update(derived=True, dashes=DERIVED_EDGE_DASHES, width=1)
        if isinstance(d.get("measures"), list):
            # One edge standing for the diffusion of several measures (map_view): width = how many.
            n_measures = len(d["measures"])
            item["width"] = round(min(1 + (n_measures - 1) / 3, MAP_MAX_WIDTH), 1)
            item["count"] = n_measures
            item["title"] = (
                f"<b>{_e(rel)}</b> <i>(derived)</i><br>{_e(names[u])} → {_e(names[v])}<br>"
                f"{n_measures} measure(s), {_e(d.get('via_adoption', 0))} through a stated adoption; "
                f"{_e(d.get('first') or '')} to {_e(d.get('last') or '')}"
                + "".join(f"<br>• {_e(short_title(x, 60))}" for x in d["measures"])
                + _evidence_html(d.get(PROVENANCE))
                + (f"<hr><i>{_e(d['evidence_total'])} evidence entries in all</i>" if d.get("evidence_total") else "")
            )
            item["color"] = {"color": DERIVED_EDGE_COLOR, "opacity": 0.45}
            if d.get("via_adoption"):
                item.update(color={"color": REL_TYPES[Rel.ADOPTED].color, "opacity": 0.9}, dashes=[2, 4], adoption=True)
        for f in _EDGE_DATA_FIELDS:
            if f in d and d[f] is not None:
                item[f] = _scalar(d[f])
        if captions:
            item["label"] = rel
        if curve_parallel:
            pair = frozenset((str(u), str(v)))
            idx = seen_pairs[pair]
            seen_pairs[pair] += 1
            if derived and curve_derived:
                # In the spread view a derived origin -> target edge would run straight through the columns.
                idx += 2
            if idx:
                item["smooth"] = {
                    "enabled": True,
                    "type": "curvedCW" if idx % 2 else "curvedCCW",
                    "roundness": 0.15 * ((idx + 1) // 2),
                }
        out.append(item)
    return out


def _options(physics: bool, n_nodes: int, n_edges: int) -> dict[str, Any]:
    big = n_nodes > PHYSICS_MAX_NODES or n_edges > 4 * PHYSICS_MAX_NODES
    opts: dict[str, Any] = {
        "autoResize": True,
        "layout": {"improvedLayout": False, "randomSeed": 7},
        "nodes": {"size": 16, "borderWidth": 1, "font": {"size": 14, "face": "sans-serif"}},
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.55}},
            "smooth": {"enabled": True, "type": "dynamic"} if physics else False,
            "font": {"size": 10, "align": "middle", "color": "#555555", "strokeWidth": 3},
            "selectionWidth": 2,
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 120,
            "hideEdgesOnDrag": big,
            "hideEdgesOnZoom": big,
            "navigationButtons": False,
            "keyboard": False,
        },
    }
    if physics:
        opts["physics"] = {
            "enabled": True,
            "solver": "barnesHut",
            "barnesHut": {
                "gravitationalConstant": -6000,
                "centralGravity": 0.3,
                "springLength": 140,
                "springConstant": 0.04,
                "damping": 0.4,
                "avoidOverlap": 0.1,
            },
            "maxVelocity": 50,
            "minVelocity": 0.75,
            "timestep": 0.5,
            "stabilization": {"enabled": True, "iterations": 250, "updateInterval": 25, "fit": True},
        }
    else:
        opts["physics"] = {"enabled": False}
    return opts


def _timeline_dicts(
    G: nx.MultiDiGraph, groups: Mapping[str, list[str]], nodes: list[dict[str, Any]], edges: list[dict[str, Any]]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Turn the vis data of a spread view into a timeline.

    Labels are short titles (documents by their number); arrows point left to
    right (an edge whose target stands left of its source, such as
    ``ORIGINATED_IN`` or ``ADOPTED``, is drawn reversed and flagged
    ``reversed``; its tooltip keeps the stated direction). The places that only
    derived diffusion reaches hang from their scope node (*All PFTZs*,
    *Nationwide*): hidden until the scope node is clicked, each with one
    dashed edge from it whose tooltip names the origins, instead of one edge
    per origin and place.
    """
    by_id = {nd["id"]: nd for nd in nodes}
    member_of = {t: g for g, ts in groups.items() for t in ts}
    for nd in nodes:
        d = G.nodes[nd["id"]] if nd["id"] in G else {}
        label = _label_of(d)
        if label == Label.MEASURE:
            nd["label"] = short_title(str(d.get("title") or d.get("name") or nd["id"]))
        elif label == Label.DOCUMENT and d.get("number"):
            nd["label"] = str(d["number"])
        elif label is not None:
            nd["label"] = short_title(str(d.get("name") or nd["label"]))
        if nd["id"] in member_of:
            nd.update(hidden=True, memberOf=member_of[nd["id"]], shape="box", font={"size": 12, "color": "#ffffff"})
    for g, ts in groups.items():
        what = "zones" if all(G.nodes[t].get("label") == Label.ZONE for t in ts) else "places"
        if all(G.nodes[t].get("label") == Label.REGION for t in ts):
            what = "provinces"
        closed = f"{by_id[g]['label']}\n{len(ts)} {what} (derived) ▸"
        by_id[g].update(label=closed, labelClosed=closed, labelOpen=closed[:-1] + "▾", expands=True, expanded=False)

    out: list[dict[str, Any]] = []
    derived_to: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for e in edges:
        if e.get("derived") and e["to"] in member_of:
            derived_to[e["to"]].append(e)
            continue
        a, b = by_id.get(e["from"]), by_id.get(e["to"])
        if a and b and a.get("x") is not None and b.get("x") is not None and a["x"] > b["x"]:
            e.update({"from": e["to"], "to": e["from"], "reversed": True})
        out.append(e)
    names = {n: str(d.get("name") or d.get(KEY) or n) for n, d in G.nodes(data=True)}
    edge_keys = list(G.edges(keys=True))  # _edge_dicts numbers the edges "e:<i>" in this order
    for t, es in derived_to.items():
        g = member_of[t]
        origins = sorted({names.get(e["from"], e["from"]) for e in es})
        first = es[0]
        d = {k: first[k] for k in _EDGE_DATA_FIELDS if k in first}
        prov = G.edges[edge_keys[int(first["id"][2:])]].get(PROVENANCE)
        tip = (
            f"<b>{_e(Rel.DIFFUSED_TO.value)}</b> <i>(derived)</i><br>{_e(', '.join(origins))} → {_e(names.get(t, t))}"
            f"<br>{len(es)} derived edge(s), one per origin; they follow from the replication to "
            f"{_e(names.get(g, g))}{_rows_html(d.items())}{_evidence_html(prov)}"
        )
        out.append({
            "id": f"g:{g}:{t}", "from": g, "to": t, "title": tip, "color": DERIVED_EDGE_COLOR,
            "type": Rel.DIFFUSED_TO.value, "derived": True, "dashes": DERIVED_EDGE_DASHES, "width": 1,
            "hidden": True, "memberOf": g, "origins": len(origins), "smooth": False, **d,
        })  # fmt: skip
    return nodes, out


# --------------------------------------------------------------------------- page


def _legend_data(G: nx.MultiDiGraph) -> dict[str, Any]:
    """What the legend template (``templates/legend.html``) lists: node labels and edge kinds with counts."""
    labels: dict[str, int] = defaultdict(int)
    for _, d in G.nodes(data=True):
        labels[str(d.get("label", ""))] += 1
    rels: dict[str, int] = defaultdict(int)
    n_derived = n_adoption = 0
    for _, _, k, d in G.edges(keys=True, data=True):
        if d.get(DERIVED):
            n_derived += 1
            n_adoption += 1 if isinstance(d.get("measures"), list) and d.get("via_adoption") else 0
        else:
            rels[_rel_of(k, d)] += 1
    rows = [
        {"label": lab.value, "caption": lab.value, "shape": NODE_TYPES[lab].shape, "color": NODE_TYPES[lab].color,
         "count": labels[lab.value]}
        for lab in Label
        if lab.value in labels
    ]  # fmt: skip
    rows += [
        {"label": other, "caption": _text(other or "(no label)"), "shape": "dot", "color": UNKNOWN_COLOR,
         "count": labels[other]}
        for other in sorted(set(labels) - {lab.value for lab in Label})
    ]  # fmt: skip
    return {
        "labels": rows,
        "derived": n_derived,
        "derived_rel": Rel.DIFFUSED_TO.value,
        "derived_color": DERIVED_EDGE_COLOR,
        "adoption": n_adoption,
        "adoption_color": REL_TYPES[Rel.ADOPTED].color,
        "rels": [
            {"rel": rel.value, "color": REL_TYPES[rel].color, "count": rels[rel.value]}
            for rel in Rel
            if rel.value in rels and REL_TYPES[rel].color != "#888888"
        ],
    }


def _js_data(value: Any) -> Markup:
    """JSON for a ``<script>`` block: ``<`` escaped so no text can close the block or open a comment.

    Jinja's ``tojson`` escapes ``<``, ``>``, ``&`` and ``'`` to six-byte sequences,
    which nearly doubles the tooltip markup of a large graph.
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return Markup(text.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _js_file_data(value: Any) -> Markup:
    """JSON for a separate ``.js`` file: no HTML parser reads it, so ``<`` stays one byte, not six."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return Markup(text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


@functools.cache
def _assets() -> dict[str, str]:
    """Read the vis-network, tom-select and pyvis binding assets shipped in pyvis's package."""
    lib = resources.files(pyvis) / "templates" / "lib"
    vis_dirs = sorted(
        (p for p in lib.iterdir() if p.name.startswith("vis-") and (p / "vis-network.min.js").is_file()),
        key=lambda p: tuple(int(x) for x in re.findall(r"\d+", p.name)),
    )
    if not vis_dirs:
        msg = f"pyvis ships no vis-network under {lib}"
        raise FileNotFoundError(msg)
    vis_dir = vis_dirs[-1]
    css = (vis_dir / "vis-network.css").read_text(encoding="utf-8")
    # 207 of its 220 kB are data-URI icons of the navigation, manipulation and
    # configuration panels, which these views never enable.
    rules = re.findall(r"[^{}]+\{[^{}]*\}", css)
    if "".join(rules) == css.strip():
        css = "".join(r for r in rules if "url(" not in r)
    return {
        "vis_js": (vis_dir / "vis-network.min.js").read_text(encoding="utf-8"),
        "vis_css": css,
        "utils_js": (lib / "bindings" / "utils.js").read_text(encoding="utf-8"),
        "tom_js": (lib / "tom-select" / "tom-select.complete.min.js").read_text(encoding="utf-8"),
        "tom_css": (lib / "tom-select" / "tom-select.css").read_text(encoding="utf-8"),
        "pyvis_version": metadata.version("pyvis"),
    }


@functools.cache
def _templates() -> Environment:
    """The jinja2 environment of ``shell/templates`` (autoescaped; ``jsdata`` filter for script data)."""
    env = Environment(loader=PackageLoader("shell", "templates"), autoescape=True, keep_trailing_newline=True)
    env.filters["jsdata"] = _js_data
    env.filters["jsfiledata"] = _js_file_data
    env.filters["content"] = _content
    return env


def _template_text(name: str) -> str:
    """The raw text of a file in ``shell/templates`` (a stylesheet), not rendered."""
    env = _templates()
    assert env.loader is not None
    return env.loader.get_source(env, name)[0]


_REF = re.compile(r"""<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=\s*["']?([^"'\s>]*)""", re.IGNORECASE)
_NOT_RELATIVE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|/)", re.IGNORECASE)

SHARED_ASSETS = (
    "vis-network.min.js",
    "vis-network.css",
    "utils.js",
    "tom-select.complete.min.js",
    "tom-select.css",
    "view.css",
    "view.js",
)
"""The files :func:`write_assets` writes into a site's ``lib`` folder."""


def write_assets(lib_dir: str | Path) -> list[Path]:
    """Write the one shared copy of the assets the pages of a site link to.

    Parameters
    ----------
    lib_dir
        The folder (created if missing), e.g. ``out/html/lib``.

    Returns
    -------
    list of Path
        The files written: :data:`SHARED_ASSETS`, in that order.

    Raises
    ------
    ExportError
        A file cannot be written.
    """
    a = _assets()
    texts = [a["vis_js"], a["vis_css"], a["utils_js"], a["tom_js"], a["tom_css"]]
    texts += [_template_text("view.css"), _template_text("view.js")]
    return [atomic_write_text(Path(lib_dir) / name, text) for name, text in zip(SHARED_ASSETS, texts, strict=True)]


def _page(G: nx.MultiDiGraph, nodes: list[dict[str, Any]], edges: list[dict[str, Any]], *,
          title: str, subtitle: str, warning: str, options: dict[str, Any], filter_menu: bool,
          axis: Any, lib: str = "", data_src: str = "", outline: Any = None,
          show_derived: bool = True, nav: Mapping[str, str] | None = None) -> str:  # fmt: skip
    """Render a view through ``templates/view.html``: self-contained, or linking ``lib`` and ``data_src``."""
    physics = options.get("physics")
    page = (
        _templates()
        .get_template("view.html")
        .render(
            heading=title,
            nodes=nodes,
            edges=edges,
            options=json.dumps(options),
            physics_enabled=physics.get("enabled", True) if isinstance(physics, dict) else True,
            filter_menu=filter_menu,
            pftz={
                **_assets(),
                "page_css": _template_text("view.css"),
                "view_js": _template_text("view.js"),
                "subtitle": subtitle,
                "warning": warning,
                "legend": {**_legend_data(G), "derived_shown": show_derived},
                "axis": axis,
                "outline": outline,
                "lib": lib,
                "data_src": data_src,
                "nav": nav,
            },
        )
    )
    refs = _REF.findall(page)
    if not lib and refs:
        msg = f"the rendered page links {refs[0]!r}; a self-contained page must inline everything"
        raise ExportError(msg)
    if bad := [r for r in refs if _NOT_RELATIVE.match(r)]:
        msg = f"the rendered page references {bad[0]!r}; it would not work offline"
        raise ExportError(msg)
    return page


def render_html(
    G: nx.MultiDiGraph,
    path: str | Path,
    *,
    title: str | None = None,
    layout: Layout = "force",
    physics: bool | None = None,
    max_nodes_warn: int = 2000,
    positions: Mapping[str, tuple[float, float]] | None = None,
    filter_menu: bool = True,
    lib_dir: str | Path | None = None,
    show_derived: bool = True,
    links: Mapping[Any, str] | None = None,
    basemap: str | Path | None = None,
) -> Path:
    """Write one interactive HTML view of a graph: self-contained, or a page of a site.

    Parameters
    ----------
    G
        The graph (or a view of it from :func:`focus_subgraph` or
        :func:`spread_view`); it is not changed.
    path
        The HTML file to write (atomically).
    title
        Page title and heading; by default the graph's ``name``.
    layout
        ``"force"``: a force layout (physics up to :data:`PHYSICS_MAX_NODES`
        nodes, precomputed positions above). ``"spread"``: the time columns of
        :func:`spread_view` around ``G.graph["focus"]`` (or the only measure).
        ``"map"``: :func:`map_positions`.
    physics
        Force physics on or off; by default on only for ``"force"`` views of
        at most :data:`PHYSICS_MAX_NODES` nodes. It is switched off once the
        layout has stabilised.
    max_nodes_warn
        Above this many nodes a :class:`LargeGraphWarning` is emitted and the
        page shows a note suggesting ``--focus``.
    positions
        ``str(node) -> (x, y)``, overriding the layout's.
    filter_menu
        Include pyvis's filter menu (tom-select).
    lib_dir
        By default the page is one self-contained file (every asset and the
        data inlined). With the folder of :func:`write_assets`, the page links
        those shared assets by relative path and its nodes and edges go to a
        sibling ``<name>.data.js`` loaded with a script tag, so that it still
        works from ``file://`` with no network.
    show_derived
        Draw derived edges at first; when False they are hidden until the
        legend's "derived" box is ticked (the whole graph shows stated facts
        by default).
    links
        ``str(node) -> page`` relative to the site's root (:func:`site_links`), for a page of a site:
        a click on a node opens its page.
    basemap
        For ``"map"``: a GeoJSON file of polygons drawn under the places (a reviewed standard map,
        for one) instead of the outline in ``data/reference``.

    Returns
    -------
    Path
        The HTML file written.

    Raises
    ------
    QueryError
        ``layout`` is unknown, or ``"spread"`` finds no measure to centre on.
    ExportError
        The file cannot be written; an earlier file is left intact.

    Warns
    -----
    LargeGraphWarning
        The graph has more than ``max_nodes_warn`` nodes.
    """
    if layout not in ("force", "spread", "map"):
        msg = f"unknown layout {layout!r}: use force, spread or map"
        raise QueryError(msg)
    n, m = G.number_of_nodes(), G.number_of_edges()
    axis = None
    outline: list[list[list[float]]] | None = None
    if layout == "spread":
        focus = G.graph.get("focus")
        if focus not in G:
            measures = [v for v, d in G.nodes(data=True) if d.get("label") == Label.MEASURE]
            if len(measures) != 1:
                msg = f"a spread view needs one measure; this graph has {len(measures)} and no focus"
                raise QueryError(msg)
            focus = measures[0]
        sub, spread_pos = spread_view(G, focus)
        axis = sub.graph["axis"]
        pos: Mapping[str, tuple[float, float]] = positions or spread_pos
        if positions is None and any(str(v) not in spread_pos for v in G):
            extra = [v for v in G if str(v) not in spread_pos]
            ys = [p[1] for p in spread_pos.values()]
            xs = [p[0] for p in spread_pos.values()]
            pos = {**spread_pos, **_band(extra, G, min(xs), max(ys) + 2 * SPREAD_DY)}
        use_physics = bool(physics)
    elif layout == "map":
        pos = positions or map_positions(G)
        use_physics = bool(physics)
        outline = _outline_pixels(basemap)
    else:
        pos = positions or force_positions(G)
        use_physics = (n <= PHYSICS_MAX_NODES) if physics is None else physics

    warning = ""
    if n > max_nodes_warn:
        warning = (
            f"{n:,} nodes is more than a browser draws comfortably ({max_nodes_warn:,}); "
            "draw the neighbourhood of a zone or measure with --focus WORDS instead."
        )
        warnings.warn(f"{path}: {warning}", LargeGraphWarning, stacklevel=2)

    nodes = _node_dicts(G, pos, G.graph.get("focus"))
    edges = _edge_dicts(
        G, captions=m <= EDGE_LABELS_MAX, curve_parallel=not use_physics, curve_derived=layout == "spread"
    )
    heading = title or str(G.graph.get("name") or "Policy graph")
    layout_note = {"force": "force layout", "spread": "time runs left to right", "map": "map layout"}[layout]
    subtitle = (
        f"{n:,} nodes, {m:,} edges; {layout_note}. Hover a node or edge for its evidence; "
        "drag to pan, scroll to zoom. Dashed grey edges are derived, solid ones stated."
    )
    if not show_derived:
        for e in edges:
            if e.get("derived"):
                e["hidden"] = True
    if layout == "map" or (layout == "force" and not use_physics):
        # Hundreds of nodes are fitted at a small zoom: their kept labels are drawn larger.
        big_font = LARGE_VIEW_FONT if layout == "force" and n > PHYSICS_MAX_NODES else None
        _choose_labels(G, nodes, focus=G.graph.get("focus"), font_size=big_font)
    if layout == "spread":
        focus_data = G.nodes[sub.graph["focus"]]
        full = str(focus_data.get("title") or focus_data.get("name") or sub.graph["focus"]).rstrip(". ")
        heading = title or short_title(full)
        nodes, edges = _timeline_dicts(G, sub.graph.get("groups", {}), nodes, edges)
        subtitle = (
            f"{full}. Time runs left to right, in columns at the dates the report states. "
            "Hover for the evidence; click a group node to list the places derived diffusion reaches. "
            "Dashed grey edges are derived, solid ones stated."
        )
    lib = data_src = ""
    nav: dict[str, str] | None = None
    if lib_dir is not None:
        page_dir = Path(path).parent
        lib = Path(os.path.relpath(Path(lib_dir), page_dir)).as_posix()
        nav = site_nav(Path(lib_dir).parent, Path(path))
        own = Path(os.path.relpath(Path(path), Path(lib_dir).parent)).as_posix()
        for nd in nodes:  # a click on a node opens its page (zone profile, spread view, document)
            href = (links or {}).get(nd["id"])
            if href and href != own:
                nd["href"] = nav["root"] + quote(href)
        data_path = page_dir / f"{Path(path).stem}.data.js"
        data = _templates().get_template("data.js").render(nodes=nodes, edges=edges)
        atomic_write_text(data_path, data)
        data_src = quote(data_path.name)
    options = _options(use_physics, n, m)
    if layout == "spread":
        # Labels wrap within a column, so neighbouring columns never overlap.
        options["nodes"]["widthConstraint"] = {"maximum": SPREAD_DX * 0.62}
    page = _page(
        G, nodes, edges, title=heading, subtitle=subtitle, warning=warning,
        options=options, filter_menu=filter_menu, axis=axis, lib=quote(lib), data_src=data_src, outline=outline,
        show_derived=show_derived, nav=nav,
    )  # fmt: skip
    return atomic_write_text(path, page)


def site_nav(root: Path, page: Path) -> dict[str, str]:
    """The links every page of a site carries: home (``index.html``), the search index, the way to the root.

    Parameters
    ----------
    root
        The site's folder.
    page
        The page's file, inside ``root``.

    Returns
    -------
    dict
        ``{"root": prefix, "home": prefix + "index.html", "search": prefix + "search.js"}``, the prefix
        relative to the page's folder (``""`` or ``"../"``).
    """
    up = Path(os.path.relpath(root, page.parent)).as_posix()
    prefix = "" if up == "." else up + "/"
    return {"root": prefix, "home": prefix + "index.html", "search": prefix + SEARCH_FILE}


# --------------------------------------------------------------------------- site


def _slug(text: str, taken: set[str]) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")[:80] or f"n{zlib.crc32(text.encode()):08x}"
    slug, i = base, 2
    while slug in taken:
        slug, i = f"{base}-{i}", i + 1
    taken.add(slug)
    return slug


_SECTIONS = {
    "graph": "Whole graph",
    "spread": "How each nationally replicated innovation spread",
    "zone": "Zone profiles (neighbourhood of each PFTZ and FTP)",
    "document": "Documents (what each names, issues and promotes)",
}


_KINDS = {"graph": "whole graph", "spread": "spread", "zone": "zone", "document": "document"}
"""The kind column of the index table."""


def write_index(out_dir: str | Path, entries: Iterable[ViewEntry], *, title: str = "PFTZ policy graph") -> Path:
    """Write ``index.html``: one sortable, filterable table of the views, with the site's search box.

    Parameters
    ----------
    out_dir
        The folder of the site; links are relative to it.
    entries
        The pages, listed in the order given within each section.
    title
        The index page's title.

    Returns
    -------
    Path
        The index file.

    Raises
    ------
    ExportError
        The file cannot be written.
    """
    out = Path(out_dir)
    groups: dict[str, list[ViewEntry]] = defaultdict(list)
    for entry in entries:
        groups[entry.section].append(entry)
    ordered = [s for s in _SECTIONS if s in groups] + sorted(set(groups) - set(_SECTIONS))
    rows = []
    for section in ordered:
        for entry in groups[section]:
            p = Path(entry.path)
            rel = Path(os.path.relpath(p, out)) if p.is_absolute() else p
            rows.append(
                {"kind": _KINDS.get(section, section), "href": quote(rel.as_posix()), "title": entry.title,
                 "nodes": entry.nodes, "edges": entry.edges, "note": entry.note}
            )  # fmt: skip
    page = (
        _templates()
        .get_template("index.html")
        .render(title=title, css=_template_text("index.css"), rows=rows, nav=site_nav(out, out / "index.html"))
    )
    return atomic_write_text(out / "index.html", page)


def _national_measures(G: nx.MultiDiGraph) -> list[tuple[Any, list[Any]]]:
    out = []
    for n, d in G.nodes(data=True):
        if d.get("label") != Label.MEASURE:
            continue
        batches = [
            v
            for _, v, k, ed in G.out_edges(n, keys=True, data=True)
            if _rel_of(k, ed) == Rel.IN_BATCH
            and G.nodes[v].get("label") == Label.BATCH
            and G.nodes[v].get("level") == NATIONAL
        ]
        if batches:
            out.append((n, batches))
    return out


def _batch_order(d: Mapping[str, Any], n: Any) -> tuple[tuple[int, int, int], int, str]:
    """Batches in release order: date, then ordinal, then id."""
    ordinal = d.get("ordinal")
    return (
        _date_key(d.get("date")) or (9999, 0, 0),
        ordinal if isinstance(ordinal, int) else 10**6,
        str(n),
    )


def site_links(G: nx.MultiDiGraph, pages: Mapping[str, str]) -> dict[str, str]:
    """The page that shows each node, relative to the site's root.

    A node with a page of its own (a zone profile, a spread view, a document) opens that page; a measure
    without one opens the profile of a zone it originated in; any other node the whole graph.

    Parameters
    ----------
    G
        The graph.
    pages
        Node id (as a string) -> the node's own page.

    Returns
    -------
    dict
        Node id (as a string) -> page, for every node.
    """
    out: dict[str, str] = {}
    for n, d in G.nodes(data=True):
        page = pages.get(str(n))
        if page is None and d.get("label") == Label.MEASURE:
            origins = sorted(
                str(v) for _, v, k, e in G.out_edges(n, keys=True, data=True)
                if _rel_of(k, e) == Rel.ORIGINATED_IN and str(v) in pages
            )  # fmt: skip
            page = pages[origins[0]] if origins else None
        out[str(n)] = page or "graph.html"
    return out


def search_entries(G: nx.MultiDiGraph, links: Mapping[str, str]) -> list[tuple[str, str, str, str, int]]:
    """The site's search index: ``[name, label, page, key, rank]`` for every node, in name order.

    ``rank`` is the label's place in :class:`ground.schema.Label` (zones first), which orders hits that
    match equally well.
    """
    rows: list[tuple[str, str, str, str, int]] = []
    for n, d in G.nodes(data=True):
        name = str(d.get("name") or d.get("number") or d.get("title") or d.get(KEY) or n)
        key = " ".join(str(d[f]) for f in (KEY, "number", "title", "name_zh") if d.get(f))
        label = str(d.get("label", ""))
        page = quote(links.get(str(n), "graph.html"))
        rows.append((name, label, page, key, _TYPE_ORDER.get(label, len(_TYPE_ORDER))))
    return sorted(rows)


def write_site(G: nx.MultiDiGraph, out_dir: str | Path, *, max_nodes_warn: int = 2000) -> dict[str, list[Path]]:
    """Write the whole-graph view, a spread view per national innovation, a page per zone, and an index.

    Files: ``graph.html`` (stated facts; derived edges on a toggle);
    ``map.html`` (:func:`map_view` over the provinces' outline); ``spread/<slug>.html`` for each measure with an
    ``IN_BATCH`` edge to a batch whose ``level`` is ``"national"``;
    ``zones/<key>.html`` (:func:`focus_subgraph` of depth 1) for each zone of
    kind PFTZ or FTP; ``documents/<key>.html`` for each document; ``search.js``, the search index every
    page's search box reads; ``index.html`` linking them all in one sortable, filterable table. Every page
    links home; a click on a node opens its page (:func:`site_links`). The pages share one
    copy of vis-network and their stylesheet in ``lib/`` (:func:`write_assets`)
    and read their nodes and edges from a sibling ``<name>.data.js``, so the
    site stays small and still works from ``file://`` with no network. Each
    file is written atomically.

    Parameters
    ----------
    G
        The graph; it is not changed.
    out_dir
        The folder to write into (created if missing).
    max_nodes_warn
        Passed to :func:`render_html`.

    Returns
    -------
    dict
        ``{"index": [...], "graph": [...], "map": [...], "spread": [...],
        "zones": [...], "documents": [...]}``: the pages written (not their data files, nor the
        assets in ``lib/``).

    Raises
    ------
    ExportError
        A file cannot be written.
    """
    out = Path(out_dir)
    written: dict[str, list[Path]] = {"index": [], "graph": [], "spread": [], "zones": []}
    entries: list[ViewEntry] = []
    name = str(G.graph.get("name") or "PFTZ policy graph")

    lib = out / "lib"
    write_assets(lib)
    # Every page's path first, so that a click on a node opens its page and search finds it.
    taken: set[str] = set()
    spread_plan = [
        (m, batches, out / "spread" / f"{_slug(str(G.nodes[m].get(KEY) or m), taken)}.html")
        for m, batches in _national_measures(G)
    ]
    taken = set()
    zones = [
        (str(d.get("name") or n), n, d)
        for n, d in G.nodes(data=True)
        if d.get("label") == Label.ZONE and d.get("kind") in (ZoneKind.PFTZ, ZoneKind.FTP)
    ]
    zone_plan = [
        (caption, n, d, out / "zones" / f"{_slug(str(d.get(KEY) or n), taken)}.html")
        for caption, n, d in sorted(zones, key=lambda t: t[0])
    ]
    taken = set()
    documents = sorted(
        ((str(d.get("number") or d.get("name") or n), n, d) for n, d in G.nodes(data=True)
         if d.get("label") == Label.DOCUMENT),
        key=lambda t: (t[0], str(t[1])),
    )  # fmt: skip
    doc_plan = [
        (caption, n, d, out / "documents" / f"{_slug(str(d.get(KEY) or n), taken)}.html") for caption, n, d in documents
    ]
    links = site_links(
        G,
        {
            **{str(m): path.relative_to(out).as_posix() for m, _, path in spread_plan},
            **{str(n): path.relative_to(out).as_posix() for *_, n, _, path in zone_plan},
            **{str(n): path.relative_to(out).as_posix() for *_, n, _, path in doc_plan},
        },
    )
    atomic_write_text(
        out / SEARCH_FILE, _templates().get_template("search.js").render(entries=search_entries(G, links))
    )

    p = render_html(
        aggregate_diffusion(G), out / "graph.html", title=f"{name}: whole graph", max_nodes_warn=max_nodes_warn,
        lib_dir=lib, show_derived=False, links=links,
    )  # fmt: skip
    written["graph"].append(p)
    entries.append(
        ViewEntry("graph", f"{name}: whole graph", p.relative_to(out), G.number_of_nodes(), G.number_of_edges())
    )
    H = map_view(G)
    p = render_html(
        H, out / "map.html", title=f"{name}: map of the zones and the diffusion between them", layout="map",
        max_nodes_warn=max_nodes_warn, lib_dir=lib, filter_menu=False, links=links,
    )  # fmt: skip
    written["map"] = [p]
    entries.append(
        ViewEntry("graph", f"{name}: map", p.relative_to(out), H.number_of_nodes(), H.number_of_edges(),
                  "derived diffusion aggregated per pair of places")
    )  # fmt: skip

    spreads = []
    for m, batches, path in spread_plan:
        d = G.nodes[m]
        sub, pos = spread_view(G, m)
        caption = str(d.get("name") or d.get("title") or d.get(KEY) or m)
        render_html(
            sub, path, layout="spread", positions=pos,
            max_nodes_warn=max_nodes_warn, filter_menu=False, lib_dir=lib, links=links,
        )  # fmt: skip
        first = min(batches, key=lambda b: _batch_order(G.nodes[b], b))
        batch_names = ", ".join(str(G.nodes[b].get("name") or b) for b in batches)
        rel = path.relative_to(out)
        entry = ViewEntry("spread", caption, rel, sub.number_of_nodes(), sub.number_of_edges(), batch_names)
        spreads.append((_batch_order(G.nodes[first], first), caption, entry))
        written["spread"].append(path)
    entries += [e for *_, e in sorted(spreads, key=lambda t: (t[0], t[1]))]

    # Zone profiles show what the sources state; derived diffusion edges (hundreds per
    # zone) would bury them, and the spread pages show those.
    stated = G.edge_subgraph((u, v, k) for u, v, k, e in G.edges(keys=True, data=True) if not e.get(DERIVED))
    for caption, n, d, path in zone_plan:
        sub = focus_subgraph(stated if n in stated else G, n, 1)
        render_html(
            sub, path, title=f"{caption}: stated facts", max_nodes_warn=max_nodes_warn, lib_dir=lib, links=links
        )
        written["zones"].append(path)
        entries.append(
            ViewEntry(
                "zone",
                caption,
                path.relative_to(out),
                sub.number_of_nodes(),
                sub.number_of_edges(),
                str(d.get("kind", "")),
            )
        )
    written["documents"] = []
    for caption, n, d, path in doc_plan:
        sub = focus_subgraph(stated if n in stated else G, n, 1)
        title = str(d.get("title") or d.get("name") or caption)
        render_html(
            sub, path, title=f"{caption}: {short_title(title)}" if title != caption else caption,
            max_nodes_warn=max_nodes_warn, lib_dir=lib, links=links,
        )  # fmt: skip
        written["documents"].append(path)
        entries.append(
            ViewEntry("document", caption, path.relative_to(out), sub.number_of_nodes(), sub.number_of_edges(),
                      short_title(title, 80) if title != caption else str(d.get("date") or ""))
        )  # fmt: skip

    written["index"].append(write_index(out, entries, title=name))
    return written
