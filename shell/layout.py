"""Where nodes go: a force layout with fixed positions, the map projection and the base map (the outline).

Part of the views of :mod:`shell.viz` (choose, layout, labels, pages).
"""

from __future__ import annotations

import functools
import json
import math
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx

from pftz.ground.errors import ExportError
from pftz.ground.schema import (
    DERIVED,
    Label,
    Rel,
)
from pftz.loaders.reference import REFERENCE_DIR
from pftz.shell.viewcore import (
    FORCE_ITERATIONS,
    FORCE_SPACING,
    LABEL_ORDER,
    MAP_OFFSET,
    MAP_PX_PER_DEGREE,
    MAP_REF_LAT,
    OUTLINE_FILE,
    SPRING_MAX_NODES,
    Positions,
    label_of,
)

__all__ = [
    "band_positions",
    "force_positions",
    "load_outline",
    "map_positions",
    "map_scale",
    "outline_pixels",
    "parse_outline",
]

_GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))


def _spiral(i: int, spacing: float) -> tuple[float, float]:
    """The ``i``-th point (from 1) of a sunflower spiral: evenly spread points around a centre."""
    r = spacing * math.sqrt(i)
    return r * math.cos(i * _GOLDEN_ANGLE), r * math.sin(i * _GOLDEN_ANGLE)


def band_positions(nodes: list[Any], G: nx.MultiDiGraph, x0: float, y0: float, per_column: int = 40) -> Positions:
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
    """Return deterministic positions for the force layout: ForceAtlas2 on the stated edges.

    Up to ``core_size`` nodes: :func:`networkx.forceatlas2_layout` (seeded, a
    fixed number of iterations, so that two builds write the same positions)
    of each connected part of the graph on its stated edges (derived ones are
    hidden by default), the parts packed in rows, biggest first. ForceAtlas2
    spreads a hub's neighbours around it instead of piling them in the
    middle; strong gravity and a high repulsion fill the part's disc evenly
    (no dense core), so that labels find room. Above ``core_size`` nodes: the
    same for the ``core_size`` best-connected nodes (the layout is quadratic),
    then every other node at the mean of its placed neighbours, hop by hop;
    nodes not connected to the core go to a band below.

    Parameters
    ----------
    G
        The graph.
    seed
        Seed of the layout's random start.
    core_size
        How many nodes ForceAtlas2 places.

    Returns
    -------
    dict
        ``str(node) -> (x, y)`` in pixels.
    """
    n = G.number_of_nodes()
    if n == 0:
        return {}
    # `pftz build` lays out the same graph twice (the GEXF file's positions, the site's whole graph).
    fingerprint = (
        seed, core_size, tuple(sorted((str(v), str(d.get("label", ""))) for v, d in G.nodes(data=True))),
        tuple(sorted((str(u), str(v), bool(d.get(DERIVED))) for u, v, d in G.edges(data=True))),
    )  # fmt: skip
    if fingerprint in _FORCE_CACHE:
        return dict(_FORCE_CACHE[fingerprint])
    pos = _force_positions(G, seed=seed, core_size=core_size)
    while len(_FORCE_CACHE) >= _FORCE_CACHE_SIZE:
        del _FORCE_CACHE[next(iter(_FORCE_CACHE))]
    _FORCE_CACHE[fingerprint] = dict(pos)
    return pos


_FORCE_CACHE: dict[tuple[Any, ...], Positions] = {}
_FORCE_CACHE_SIZE = 4


def _force_positions(G: nx.MultiDiGraph, *, seed: int, core_size: int) -> Positions:
    n = G.number_of_nodes()
    if n <= core_size:
        core = list(G)
    else:
        degree = dict(G.degree())
        core = sorted(G, key=lambda v: (-degree[v], str(v)))[:core_size]
    H = _simple_undirected(G, core, stated_only=any(d.get(DERIVED) for *_, d in G.edges(data=True)))
    # Each connected part is laid out on its own and the parts are packed in rows, biggest first:
    # one layout of them all would push the parts apart and squeeze the main one.
    parts = sorted((sorted(c, key=str) for c in nx.connected_components(H)), key=lambda c: (-len(c), str(c[0])))
    pos: Positions = {}
    row_x = row_y = row_h = 0.0
    width = 90.0 * math.sqrt(n) * 2
    for part in parts:
        r = FORCE_SPACING * math.sqrt(len(part)) + 30.0
        if len(part) == 1:
            raw = {part[0]: (0.0, 0.0)}
        else:
            # The random start goes by node order: the part's (sorted), never the graph's, which may vary
            # between runs.
            sub = nx.Graph()
            sub.add_nodes_from(part)
            sub.add_edges_from(sorted(H.subgraph(part).edges(), key=lambda e: (str(e[0]), str(e[1]))))
            lay = nx.forceatlas2_layout(
                sub, seed=seed, max_iter=FORCE_ITERATIONS, scaling_ratio=10.0, strong_gravity=True
            )
            lay = nx.rescale_layout_dict(lay, scale=r - 30.0)
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
        pos.update(band_positions(rest, G, min(xs), max(ys) + 200.0, per_column=10**9 if len(rest) < 50 else 50))
    return pos


def _place_parts(G: nx.MultiDiGraph, pos: Positions) -> None:
    """Put a place without coordinates (an area) on a small ring around the placed zone it is PART_OF.

    Its other neighbours (measures replicated nationwide) would pull it to the middle of the map.
    """
    parts: dict[str, list[Any]] = defaultdict(list)
    for n, parent, rel in G.edges(keys=True):
        if rel == Rel.PART_OF and str(n) not in pos and str(parent) in pos:
            parts[str(parent)].append(n)
    for parent, members in parts.items():
        px, py = pos[parent]
        ring = sorted(set(members), key=str)
        for i, n in enumerate(ring):
            angle = math.pi / 4 + 2 * math.pi * i / len(ring)  # off the ring of places sharing coordinates
            pos[str(n)] = (px + 1.5 * MAP_OFFSET * math.cos(angle), py + 1.5 * MAP_OFFSET * math.sin(angle))


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
        members.sort(key=lambda v: (LABEL_ORDER.get(label_of(G.nodes[v]) or Label.ZONE, 0), str(v)))
        for i, n in enumerate(members):
            if len(members) == 1:
                pos[str(n)] = (x, y)
            else:
                angle = -math.pi / 2 + 2 * math.pi * i / len(members)
                pos[str(n)] = (x + MAP_OFFSET * math.cos(angle), y + MAP_OFFSET * math.sin(angle))
    _place_parts(G, pos)
    rest = _place_by_neighbours(G, pos, spacing=30.0, passes=3)
    if rest:
        xs = [p[0] for p in pos.values()] or [0.0]
        ys = [p[1] for p in pos.values()] or [0.0]
        pos.update(band_positions(rest, G, max(xs) + 300.0, min(ys)))
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


def outline_pixels(basemap: str | Path | None = None) -> list[list[list[float]]]:
    """The rings of the base map (the default outline or a GeoJSON file) in the pixels of :func:`map_positions`."""
    kx, ky = map_scale()
    rings = [ring for _, rs in load_outline(str(basemap) if basemap else None) for ring in rs]
    return [[[round(lon * kx, 1), round(-lat * ky, 1)] for lon, lat in ring] for ring in rings]
