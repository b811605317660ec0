"""Static figures for papers and slides: one innovation's spread, a zone's neighbourhood, the map.

Drawn with matplotlib (not a Chromium screenshot of the HTML views): the
output is vector (SVG, PDF) as well as PNG, needs no browser at run time, and
every mark can be chosen to survive greyscale printing. Each node label has
its own marker shape with a black edge, stated edges are solid dark lines and
derived ones dashed grey, so the figure reads without colour; the colours of
:data:`ground.schema.NODE_TYPES` are kept as a second cue. Every figure has a
legend and a source line naming the report file, its sha256 and the lines of
the evidence drawn.

The layouts are those of :mod:`shell.viz` (:func:`~shell.viz.spread_view`,
:func:`~shell.viz.focus_subgraph`, :func:`~shell.viz.map_view`), so a figure
and the interactive page of the same view agree. Output is deterministic: no
dates in the metadata and a fixed SVG id salt, so two runs give the same bytes.
"""

from __future__ import annotations

import functools
import math
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Mapping
from pathlib import Path
from typing import Any

import matplotlib as mpl
import networkx as nx
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Polygon

from pftz.ground.errors import ExportError, QueryError
from pftz.ground.io import atomic_path
from pftz.ground.schema import DERIVED, KEY, NODE_TYPES, PROVENANCE, Label, ZoneKind
from pftz.shell import viewcore, viz

__all__ = ["FORMATS", "map_figure", "save_figure", "spread_figure", "zone_figure"]

FORMATS = (".svg", ".png", ".pdf")
"""The file types a figure is written as, chosen by the file's suffix."""

MARKERS: dict[str, str] = {
    Label.ZONE.value: "o",
    Label.REGION.value: "s",
    Label.ISSUING_BODY.value: "^",
    Label.DOCUMENT.value: "D",
    Label.MEASURE.value: "h",
    Label.BATCH.value: "P",
    Label.ALLIANCE.value: "*",
}
"""One marker shape per node label, so that labels stay apart in greyscale."""

STATED: dict[str, Any] = {"color": "#333333", "linestyle": "-", "linewidth": 1.0}
DERIVED_STYLE: dict[str, Any] = {"color": "#8a8a8a", "linestyle": (0, (4, 3)), "linewidth": 0.9}
ADOPTION: dict[str, Any] = {"color": "#555555", "linestyle": (0, (1, 2)), "linewidth": 1.2}
DPI = 200
FONT = 8.0


def _plain_text(draw: Callable[..., Figure]) -> Callable[..., Figure]:
    """Draw with matplotlib's mathtext off: a title with ``$`` (US$ 5 million) is text, not a formula."""

    @functools.wraps(draw)
    def wrapper(*args: Any, **kwargs: Any) -> Figure:
        with mpl.rc_context({"text.parse_math": False}):
            return draw(*args, **kwargs)

    return wrapper


def _marker(label: str) -> str:
    return MARKERS.get(label, "o")


def _color(label: str) -> str:
    try:
        return NODE_TYPES[Label(label)].color
    except ValueError:
        return viewcore.UNKNOWN_COLOR


def _lines(G: nx.MultiDiGraph, nodes: Iterable[Any] = (), edges: Iterable[tuple[Any, Any, Any]] = ()) -> str:
    """The source line: report files with sha256 and the range of evidence lines of what is drawn."""
    seen: dict[str, list[int]] = defaultdict(list)
    provs = [G.nodes[n].get(PROVENANCE) for n in nodes] + [G.edges[e].get(PROVENANCE) for e in edges]
    sha: dict[str, str] = {}
    for prov in provs:
        for p in prov or []:
            if isinstance(p, Mapping) and p.get("source"):
                src = str(p["source"])
                if p.get("line") is not None:
                    seen[src].append(int(p["line"]))
                else:
                    seen.setdefault(src, [])
                if p.get("sha256"):
                    sha[src] = str(p["sha256"])
    parts = []
    for src in sorted(seen, key=lambda s: (-len(seen[s]), s))[:3]:
        ls = seen[src]
        where = (f", lines {min(ls)}–{max(ls)}" if min(ls) < max(ls) else f", line {ls[0]}") if ls else ""
        digest = f" (sha256 {sha[src][:12]}…)" if src in sha else ""
        parts.append(f"{src}{digest}{where}")
    return "Source: " + ("; ".join(parts) if parts else "the policy graph") + ". Drawn by pftz-graph."


def _legend(fig: Figure, ax: Any, labels: Iterable[str], *, derived: bool, adoption: bool = False,
            extra: list[Any] | None = None) -> None:  # fmt: skip
    handles: list[Any] = [
        Line2D([], [], marker=_marker(lab), linestyle="none", markerfacecolor=_color(lab), markeredgecolor="black",
               markersize=7, label=lab)
        for lab in [lab.value for lab in Label if lab.value in set(labels)]
    ]  # fmt: skip
    handles.append(Line2D([], [], label="stated in the report", **STATED))
    if derived:
        handles.append(Line2D([], [], label="derived (inferred diffusion)", **DERIVED_STYLE))
    if adoption:
        handles.append(Line2D([], [], label="derived, through a stated adoption", **ADOPTION))
    handles += extra or []
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False, fontsize=FONT)


def _source(fig: Figure, text: str) -> None:
    fig.text(0.01, 0.01, text, fontsize=FONT - 1.5, color="#333333", ha="left", va="bottom", wrap=True)


def save_figure(fig: Figure, path: str | Path) -> Path:
    """Write a figure as SVG, PNG or PDF (by the suffix), atomically and without timestamps.

    Raises
    ------
    ExportError
        The suffix is not one of :data:`FORMATS`, or the file cannot be written.
    """
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in FORMATS:
        msg = f"{target}: a figure is written as {', '.join(FORMATS)}, not {suffix or 'a file without suffix'!r}"
        raise ExportError(msg)
    metadata: dict[str, Any] = {
        ".svg": {"Date": None},
        ".pdf": {"CreationDate": None, "ModDate": None},
        ".png": {"Software": None},
    }[suffix]
    with mpl.rc_context({"svg.hashsalt": "pftz-graph", "svg.fonttype": "none"}), atomic_path(target) as tmp:
        fig.savefig(tmp, format=suffix[1:], dpi=DPI, metadata=metadata, bbox_inches="tight")
    return target


def _draw_edges(ax: Any, pos: Mapping[str, tuple[float, float]], edges: Iterable[tuple[str, str, Mapping[str, Any]]],
                *, arrows: bool = True) -> None:  # fmt: skip
    for u, v, d in edges:
        if u not in pos or v not in pos:
            continue
        style = DERIVED_STYLE if d.get(DERIVED) else STATED
        (x1, y1), (x2, y2) = pos[u], pos[v]
        if arrows:
            ax.annotate("", xy=(x2, y2), xytext=(x1, y1),
                        arrowprops={"arrowstyle": "-|>", "shrinkA": 7, "shrinkB": 7, "mutation_scale": 8,
                                    "color": style["color"], "linestyle": style["linestyle"],
                                    "linewidth": style["linewidth"]})  # fmt: skip
        else:
            ax.plot([x1, x2], [y1, y2], zorder=1, **style)


def _draw_nodes(ax: Any, G: nx.MultiDiGraph, pos: Mapping[str, tuple[float, float]], nodes: Iterable[Any],
                *, size: float = 60, focus: Any = None) -> None:  # fmt: skip
    by_label: dict[str, list[Any]] = defaultdict(list)
    for n in nodes:
        by_label[str(G.nodes[n].get("label", ""))].append(n)
    for lab, ns in sorted(by_label.items()):
        xs = [pos[str(n)][0] for n in ns]
        ys = [pos[str(n)][1] for n in ns]
        sizes = [size * 2.2 if n == focus else size for n in ns]
        ax.scatter(xs, ys, s=sizes, marker=_marker(lab), c=_color(lab), edgecolors="black", linewidths=0.7,
                   zorder=3)  # fmt: skip


def _caption(G: nx.MultiDiGraph, n: Any, limit: int = 28) -> str:
    d = G.nodes[n]
    if d.get("label") == Label.DOCUMENT and d.get("number"):
        return str(d["number"])
    if d.get("label") == Label.MEASURE:
        return viz.short_title(str(d.get("title") or d.get("name") or n), limit)
    return viz.short_title(str(d.get("name") or d.get(KEY) or n), limit)


def _wrap(text: str, width: int = 18) -> str:
    words, lines, line = text.split(), [], ""
    for w in words:
        if line and len(line) + 1 + len(w) > width:
            lines.append(line)
            line = w
        else:
            line = f"{line} {w}".strip()
    if line:
        lines.append(line)
    return "\n".join(lines)


@_plain_text
def spread_figure(G: nx.MultiDiGraph, measure: Hashable) -> Figure:
    """Draw how one innovation spread: the timeline of :func:`shell.viz.spread_view`.

    Columns at the stated dates, short titles under the markers, arrows left
    to right; the places that only derived diffusion reaches are summed up in
    their scope node ("Nationwide: 31 provinces (derived)"), as in the page.

    Parameters
    ----------
    G
        The graph; it is not changed.
    measure
        A measure node id, or words naming one.

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    QueryError
        No measure matches.
    """
    sub, pos = viz.spread_view(G, measure)
    m = sub.graph["focus"]
    groups: dict[str, list[str]] = sub.graph.get("groups", {})
    members = {t for ts in groups.values() for t in ts}
    shown = [n for n in sub if str(n) not in members]
    # y grows downwards in the page; matplotlib's goes up.
    P = {str(n): (pos[str(n)][0], -pos[str(n)][1]) for n in shown}
    ticks = sub.graph["axis"]["ticks"]
    width = max(6.0, 2.3 * len(ticks) + 2.5)
    ys = [p[1] for p in P.values()]
    height = max(3.2, (max(ys) - min(ys)) / viewcore.SPREAD_DY * 0.85 + 2.2)
    fig = Figure(figsize=(width, height))
    ax = fig.add_subplot()
    top = max(ys) + viewcore.SPREAD_DY * 0.8
    for x, caption in ticks:
        ax.axvline(x, color="#dddddd", linewidth=0.8, linestyle=(0, (3, 3)), zorder=0)
        ax.text(x, top, caption, ha="center", va="bottom", fontsize=FONT + 0.5, color="#333333", fontweight="bold")
    drawn_edges = []
    for u, v, d in sub.edges(data=True):
        if str(v) in members or str(u) in members:
            continue
        a, b = (str(u), str(v)) if P[str(u)][0] <= P[str(v)][0] else (str(v), str(u))
        drawn_edges.append((a, b, d))
    _draw_edges(ax, P, drawn_edges)
    _draw_nodes(ax, sub, P, shown, focus=m)
    for n in shown:
        x, y = P[str(n)]
        text = _wrap(_caption(sub, n))
        if str(n) in groups:
            ts = groups[str(n)]
            text += f"\n+ {len(ts)} places reached\n(derived)"
        ax.text(x, y - viewcore.SPREAD_DY * 0.16, text, ha="center", va="top", fontsize=FONT - 0.5, zorder=4,
                bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.85})  # fmt: skip
    ax.set_xlim(
        min(t[0] for t in ticks) - viewcore.SPREAD_DX * 0.55, max(t[0] for t in ticks) + viewcore.SPREAD_DX * 0.55
    )
    ax.set_ylim(min(ys) - viewcore.SPREAD_DY * 0.9, top + viewcore.SPREAD_DY * 0.5)
    ax.set_axis_off()
    full = str(sub.nodes[m].get("title") or sub.nodes[m].get("name") or m)
    fig.suptitle(viz.short_title(full, 80), fontsize=FONT + 3, x=0.01, ha="left")
    has_derived = bool(groups) or any(d.get(DERIVED) for *_, d in drawn_edges)
    _legend(fig, ax, {str(sub.nodes[n].get("label")) for n in shown}, derived=has_derived)
    _source(fig, _lines(sub, shown, [(u, v, k) for u, v, k in sub.edges(keys=True)]) + " Time runs left to right.")
    return fig


@_plain_text
def zone_figure(G: nx.MultiDiGraph, zone: Hashable) -> Figure:
    """Draw a zone and what the report states about it: its stated neighbours on a circle, by label.

    Parameters
    ----------
    G
        The graph; it is not changed.
    zone
        A zone node id, or words naming one.

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    QueryError
        No zone matches.
    """
    matches = [zone] if zone in G and G.nodes[zone].get("label") == Label.ZONE else viz.find_nodes(
        G, str(zone), label=Label.ZONE)  # fmt: skip
    if not matches:
        msg = f"no zone matches {zone!r}"
        raise QueryError(msg)
    stated = G.edge_subgraph((u, v, k) for u, v, k, d in G.edges(keys=True, data=True) if not d.get(DERIVED))
    center = matches[0]
    sub = viz.focus_subgraph(stated if center in stated else G, center, 1)
    others = sorted(
        (n for n in sub if n != center),
        key=lambda n: (viewcore.LABEL_ORDER.get(viewcore.label_of(sub.nodes[n]) or Label.ZONE, 99), _caption(sub, n)),
    )
    R = 1.0
    P: dict[str, tuple[float, float]] = {str(center): (0.0, 0.0)}
    angles: dict[str, float] = {}
    for i, n in enumerate(others):
        a = math.pi / 2 - 2 * math.pi * i / max(1, len(others))
        angles[str(n)] = a
        P[str(n)] = (R * math.cos(a), R * math.sin(a))
    size = max(6.0, min(11.0, 4.0 + 0.13 * len(others)))
    fig = Figure(figsize=(size + 2.5, size))
    ax = fig.add_subplot()
    _draw_edges(ax, P, ((str(u), str(v), d) for u, v, d in sub.edges(data=True)), arrows=False)
    _draw_nodes(ax, sub, P, [center, *others], focus=center)
    for n in others:
        a = angles[str(n)]
        deg = math.degrees(a)
        right = math.cos(a) >= 0
        ax.text(1.07 * math.cos(a), 1.07 * math.sin(a), _caption(sub, n, 40), rotation=deg if right else deg + 180,
                rotation_mode="anchor", ha="left" if right else "right", va="center", fontsize=FONT - 1)  # fmt: skip
    ax.text(0, -0.09, _caption(sub, center, 40), ha="center", va="top", fontsize=FONT + 1, fontweight="bold",
            bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "none", "alpha": 0.9})  # fmt: skip
    ax.set_xlim(-1.75, 1.75)
    ax.set_ylim(-1.75, 1.75)
    ax.set_aspect("equal")
    ax.set_axis_off()
    fig.suptitle(f"{sub.nodes[center].get('name', center)}: what the report states", fontsize=FONT + 3, x=0.01,
                 ha="left")  # fmt: skip
    _legend(fig, ax, {str(sub.nodes[n].get("label")) for n in sub}, derived=False)
    _source(fig, _lines(sub, sub, list(sub.edges(keys=True))))
    return fig


@_plain_text
def map_figure(G: nx.MultiDiGraph, *, basemap: str | Path | None = None) -> Figure:
    """Draw the zones over a base map, with derived diffusion aggregated per pair of places.

    Line width grows with the number of measures a pair shares (the legend
    gives the scale); pairs resting on a stated adoption are dotted and dark,
    the rest (inferred from a replication scope) dashed and grey.

    Parameters
    ----------
    G
        The graph; it is not changed.
    basemap
        A GeoJSON file of polygons to draw under the zones (a reviewed standard map, for one);
        by default the outline in ``data/reference`` (Natural Earth, see SOURCES.md).

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    ExportError
        The base map cannot be read or is not GeoJSON polygons.
    """
    outline = viz.load_outline(str(basemap) if basemap else None)
    H = viz.map_view(G)
    pos = viz.map_positions(H)
    P = {n: (x, -y) for n, (x, y) in pos.items()}
    kx, ky = viz.map_scale()
    fig = Figure(figsize=(10.5, 8.0))
    ax = fig.add_subplot()
    for _, rings in outline:
        for ring in rings:
            ax.add_patch(Polygon([(lon * kx, lat * ky) for lon, lat in ring], closed=True, facecolor="#eeeeee",
                                 edgecolor="#9a9a9a", linewidth=0.5, zorder=0))  # fmt: skip
    counts = []
    for u, v, d in H.edges(data=True):
        if not d.get(DERIVED) or str(u) not in P or str(v) not in P:
            continue
        n = int(d.get("count", 1))
        counts.append(n)
        style = dict(ADOPTION if d.get("via_adoption") else DERIVED_STYLE)
        style["linewidth"] = 0.4 + 0.12 * n
        (x1, y1), (x2, y2) = P[str(u)], P[str(v)]
        ax.plot([x1, x2], [y1, y2], alpha=0.55 if not d.get("via_adoption") else 0.9, zorder=1, **style)
    zones = [n for n, d in H.nodes(data=True) if d.get("label") == Label.ZONE and str(n) in P]
    _draw_nodes(ax, H, P, zones, size=28)
    for n in zones:
        if H.nodes[n].get("kind") in (ZoneKind.PFTZ, ZoneKind.FTP):
            x, y = P[str(n)]
            name = str(H.nodes[n].get("name", n)).replace(" PFTZ", "")
            ax.text(x + 14, y + 6, name, fontsize=FONT - 1.5, zorder=4,
                    bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.7})  # fmt: skip
    xs = [p[0] for p in P.values()] + [lon * kx for _, rings in outline for r in rings for lon, _ in r]
    ys = [p[1] for p in P.values()] + [lat * ky for _, rings in outline for r in rings for _, lat in r]
    ax.set_xlim(min(xs) - 30, max(xs) + 30)
    ax.set_ylim(min(ys) - 30, max(ys) + 30)
    ax.set_aspect("equal")
    ax.set_axis_off()
    fig.suptitle("Pilot Free Trade Zones and the derived diffusion between places", fontsize=FONT + 3, x=0.01,
                 ha="left")  # fmt: skip
    scale = sorted({1, 10, max(counts, default=1)})
    extra: list[Any] = [
        Line2D([], [], color=DERIVED_STYLE["color"], linestyle=DERIVED_STYLE["linestyle"],
               linewidth=0.4 + 0.12 * c, label=f"{c} measure{'s' if c > 1 else ''}")
        for c in scale
    ]  # fmt: skip
    _legend(fig, ax, [Label.ZONE.value], derived=True, adoption=True, extra=extra)
    _source(fig, _lines(H, zones, list(H.edges(keys=True)))
            + (f" Base map: {Path(basemap).name}." if basemap else
               " Base map: Natural Earth 1:50m admin-1 and admin-0 (public domain), simplified."))  # fmt: skip
    return fig
