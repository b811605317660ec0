"""What every view module shares: layout constants, small helpers on nodes and edges, captions and short titles.

Part of the views of :mod:`shell.viz` (choose, layout, labels, pages).
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import networkx as nx

from pftz.ground.schema import (
    DERIVED,
    KEY,
    NODE_TYPES,
    PROVENANCE,
    Label,
)

__all__ = [
    "ATOMS",
    "DERIVED_EDGE_COLOR",
    "DERIVED_EDGE_DASHES",
    "EDGE_DATA_FIELDS",
    "EDGE_LABELS_MAX",
    "FORCE_ITERATIONS",
    "FORCE_SPACING",
    "IMPORTANT_LABEL_PX",
    "IMPORTANT_SIZE",
    "LABEL_ORDER",
    "MAP_MAX_WIDTH",
    "MAP_OFFSET",
    "MAP_PX_PER_DEGREE",
    "MAP_REF_LAT",
    "MAX_CAPTION",
    "MAX_EVIDENCE",
    "MAX_TEXT",
    "NATIONAL",
    "NODE_DATA_FIELDS",
    "OUTLINE_FILE",
    "PHYSICS_MAX_NODES",
    "SEARCH_FILE",
    "SHORT_TITLE",
    "SKIP_EDGE_PROPS",
    "SKIP_NODE_PROPS",
    "SPREAD_DX",
    "SPREAD_DY",
    "SPREAD_MEMBER_DX",
    "SPREAD_MEMBER_DY",
    "SPRING_MAX_NODES",
    "STOP_AT_END",
    "TIPS_FILE",
    "TYPE_ORDER",
    "UNKNOWN_COLOR",
    "LargeGraphWarning",
    "Layout",
    "Positions",
    "ViewEntry",
    "copy_subgraph",
    "date_key",
    "date_text",
    "deep_copy_value",
    "label_of",
    "node_caption",
    "plain_text",
    "rel_of",
    "short_title",
]

Layout = Literal["force", "spread", "map"]


Positions = dict[str, tuple[float, float]]


PHYSICS_MAX_NODES = 150
"""Above this many nodes physics is off and the positions are computed here, so the first drawing is stable."""


SPRING_MAX_NODES = 600
"""Up to this many nodes go through ForceAtlas2 (dense, quadratic in time and memory); the rest are placed near them."""


FORCE_ITERATIONS = 100
"""Iterations of ForceAtlas2 in :func:`shell.layout.force_positions` (fixed, so a build is deterministic)."""


FORCE_SPACING = 60.0
"""A connected part of ``k`` nodes of the force layout gets a disc of radius ``FORCE_SPACING * sqrt(k)`` pixels."""


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


TIPS_FILE = "tips.js"
"""The site's tooltips, each text once, at the site's root; a page's nodes and edges name theirs by number."""


SEARCH_FILE = "search.js"
"""The site's search index and search box script, at the site's root."""


MAX_EVIDENCE = 3


MAX_TEXT = 280
"""Characters of a quote shown in a tooltip (the whole sentence is in the evidence files); the site stays under
10 MB with every zone page reaching its innovations' spread pages."""


MAX_CAPTION = 40


IMPORTANT_SIZE = (9.0, 30.0)
"""Radius of a node of the whole graph and the map, from the least to the most important (:func:`importance_labels`)."""


IMPORTANT_LABEL_PX = (11.0, 16.0)
"""Screen size in pixels of a label of the whole graph and the map, from the least to the most important."""


SHORT_TITLE = 40
"""Short titles (timeline labels, page titles of spread views) have at most this many characters."""


NATIONAL = "national"
"""``level`` of a national :attr:`Label.BATCH`."""


SKIP_NODE_PROPS = frozenset({"label", KEY, "name", PROVENANCE})


SKIP_EDGE_PROPS = frozenset({"type", PROVENANCE, DERIVED})


NODE_DATA_FIELDS = ("kind", "province", "year", "date", "scope", "field", "established")


EDGE_DATA_FIELDS = ("date", "scope", "outcome", "measure", "via", "role", "status", "first")


LABEL_ORDER = {label: i for i, label in enumerate(Label)}


TYPE_ORDER = {label.value: i for i, label in enumerate(Label)}


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


ATOMS = (str, int, float, bool, type(None))


def deep_copy_value(value: Any) -> Any:
    """A deep copy of attribute data: dicts and lists rebuilt, scalars shared, anything else deep-copied.

    The graph's attributes are JSON-like, for which this is several times faster than
    :func:`copy.deepcopy`.
    """
    if isinstance(value, dict):
        return {k: deep_copy_value(v) for k, v in value.items()}
    if isinstance(value, list):
        return [deep_copy_value(v) for v in value]
    return value if isinstance(value, ATOMS) else copy.deepcopy(value)


def copy_subgraph(
    G: nx.MultiDiGraph,
    nodes: Iterable[Any],
    edges: Iterable[tuple[Any, Any, Any]] | None = None,
) -> nx.MultiDiGraph:
    """Copy nodes (and the given edges, or all edges among them) with deep-copied attributes."""
    keep = list(dict.fromkeys(nodes))
    H = nx.MultiDiGraph()
    H.graph.update(deep_copy_value(dict(G.graph)))
    H.add_nodes_from((n, deep_copy_value(G.nodes[n])) for n in keep)
    if edges is None:
        inside = set(keep)
        edges = ((u, v, k) for u in keep for v, kd in G.succ[u].items() if v in inside for k in kd)
    for u, v, k in dict.fromkeys(edges):
        H.add_edge(u, v, key=k, **deep_copy_value(G.edges[u, v, k]))
    return H


_DATE = re.compile(r"^\s*(\d{4})(?:[-/.年](\d{1,2})(?:[-/.月](\d{1,2}))?)?")


def date_key(value: Any) -> tuple[int, int, int] | None:
    """Return a sortable ``(year, month, day)`` for ``"2019"``, ``"2019-06"``, ``"2019-06-01"`` or 2019."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        return (value, 0, 0) if 1000 <= value <= 9999 else None
    m = _DATE.match(str(value))
    if not m:
        return None
    return int(m[1]), int(m[2] or 0), int(m[3] or 0)


def date_text(key: tuple[int, int, int]) -> str:
    y, m, d = key
    return f"{y:04d}-{m:02d}-{d:02d}" if d else f"{y:04d}-{m:02d}" if m else f"{y:04d}"


def rel_of(key: Any, data: Mapping[str, Any]) -> str:
    return str(data.get("type") or str(key).split("|", 1)[0])


def plain_text(value: Any) -> str:
    if isinstance(value, float):
        s = f"{value:.6g}"
    elif isinstance(value, list | tuple | set):
        s = ", ".join(map(str, value))
    elif isinstance(value, dict):
        s = json.dumps(value, ensure_ascii=False, sort_keys=True)
    else:
        s = str(value)
    return s if len(s) <= MAX_TEXT else s[: MAX_TEXT - 1] + "…"


def label_of(d: Mapping[str, Any]) -> Label | None:
    try:
        return Label(str(d.get("label")))
    except ValueError:
        return None


STOP_AT_END = frozenset(
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
    while len(words) > 1 and words[-1].casefold() in STOP_AT_END:
        words.pop()
    return " ".join(words).rstrip(" ,;:-–(") + "…"


def node_caption(n: Any, d: Mapping[str, Any]) -> str:
    """A node's label: its caption property, cut to a short title; a long-named document by its number."""
    label = label_of(d)
    prop = NODE_TYPES[label].caption if label else "name"
    text = str(d.get(prop) or d.get("name") or d.get(KEY) or n)
    if label == Label.DOCUMENT and d.get("number") and len(text) > MAX_CAPTION:
        return str(d["number"])
    return short_title(text, MAX_CAPTION)
