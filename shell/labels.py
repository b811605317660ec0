"""What a view says: escaped tooltips with the evidence, captions, labels that fit, vis-network node and edge data.

Part of the views of :mod:`shell.viz` (choose, layout, labels, pages).
"""

from __future__ import annotations

import functools
import html
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

import networkx as nx
from markupsafe import Markup

from pftz.ground.schema import (
    DERIVED,
    KEY,
    NODE_TYPES,
    PROVENANCE,
    REL_TYPES,
    Label,
    Rel,
)
from pftz.shell.viewcore import (
    DERIVED_EDGE_COLOR,
    DERIVED_EDGE_DASHES,
    EDGE_DATA_FIELDS,
    IMPORTANT_LABEL_PX,
    IMPORTANT_SIZE,
    MAP_MAX_WIDTH,
    MAX_EVIDENCE,
    NODE_DATA_FIELDS,
    PHYSICS_MAX_NODES,
    SKIP_EDGE_PROPS,
    SKIP_NODE_PROPS,
    UNKNOWN_COLOR,
    label_of,
    node_caption,
    plain_text,
    rel_of,
    short_title,
)

__all__ = [
    "edge_dicts",
    "html_content",
    "importance_labels",
    "node_dicts",
    "timeline_dicts",
    "vis_options",
]


def _e(value: Any) -> str:
    """Escape a value for HTML element content (tooltips, headings)."""
    if value.__class__ is str:
        return _e_str(value)
    return html.escape(plain_text(value), quote=False)


@functools.lru_cache(maxsize=1 << 16)
def _e_str(value: str) -> str:
    """:func:`_e` of a string, memoized: the tooltips of a graph repeat their names, types and quotes."""
    return html.escape(plain_text(value), quote=False)


def html_content(value: Any) -> Markup:
    """Escape a value for element content in a template: ``<``, ``>`` and ``&`` (quotes stay as they are)."""
    return Markup(_e(value))


def _attr(value: Any) -> str:
    """Escape a value for an HTML attribute."""
    return html.escape(plain_text(value), quote=True)


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


def _node_tooltip(n: Any, d: Mapping[str, Any], color: str) -> str:
    label = label_of(d)
    props = list(NODE_TYPES[label].properties) if label else []
    props += sorted(k for k in d if k not in SKIP_NODE_PROPS and k not in props)
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
    props += sorted(k for k in d if k not in SKIP_EDGE_PROPS and k not in props)
    tag = " <i>(derived)</i>" if derived else ""
    return (
        f"<b>{_e(rel)}</b>{tag}<br>{_e(src)} → {_e(dst)}"
        f"{_rows_html((k, d[k]) for k in props if k in d)}{_evidence_html(d.get(PROVENANCE))}"
    )


def _scalar(v: Any) -> Any:
    return v if isinstance(v, str | int | float | bool) else plain_text(v)


def node_dicts(G: nx.MultiDiGraph, pos: Mapping[str, tuple[float, float]], focus: Any) -> list[dict[str, Any]]:
    # rank: the stated degree (the focus first); the page keeps the labels of higher ranks when labels would overlap.
    rank: dict[Any, int] = defaultdict(int)
    for u, v, d in G.edges(data=True):
        if not d.get(DERIVED):
            rank[u] += 1
            rank[v] += 1
    out = []
    for n, d in G.nodes(data=True):
        label = label_of(d)
        style = NODE_TYPES[label] if label else None
        color = style.color if style else UNKNOWN_COLOR
        item: dict[str, Any] = {
            "id": str(n),
            "label": node_caption(n, d),
            "title": _node_tooltip(n, d, color),
            "shape": style.shape if style else "dot",
            "color": color,
            "type": str(d.get("label", "")),
            "rank": 10**6 if focus is not None and n == focus else rank[n],
        }
        for f in NODE_DATA_FIELDS:
            if f in d and d[f] is not None:
                item[f] = _scalar(d[f])
        p = pos.get(str(n))
        if p is not None:
            item["x"], item["y"] = round(p[0]), round(p[1])
        if focus is not None and n == focus:
            item.update(size=28, borderWidth=3, font={"size": 18})
        out.append(item)
    return out


def importance_labels(G: nx.MultiDiGraph, nodes: list[dict[str, Any]], *, focus: Any, weighted: bool = False) -> None:
    """Size nodes and their labels by importance; the page shows the labels that fit at each zoom.

    Importance is the stated degree (the focus first) or, with ``weighted``, the degree over every
    edge counting a merged diffusion edge once per measure (the map: how far a place's innovations
    spread). A node's ``size`` grows with the square root of its importance, from
    :data:`IMPORTANT_SIZE` ``[0]`` to ``[1]``; its label gets ``labelPx``, a size on screen from
    :data:`IMPORTANT_LABEL_PX` ``[0]`` to ``[1]`` that ``view.js`` keeps at every zoom. Every label
    starts hidden (``hoverLabel``, shown on hover): once drawn, the page shows the labels of the most
    important nodes that fit without overlapping, and more of them as one zooms in.
    """
    weight: dict[str, float] = defaultdict(float)
    for u, v, d in G.edges(data=True):
        if weighted:
            w = float(len(d["measures"])) if isinstance(d.get("measures"), list) else 1.0
        elif d.get(DERIVED):
            continue
        else:
            w = 1.0
        weight[str(u)] += w
        weight[str(v)] += w
    top = max((weight[nd["id"]] for nd in nodes), default=0.0) or 1.0
    lo, hi = IMPORTANT_SIZE
    px_lo, px_hi = IMPORTANT_LABEL_PX
    for nd in nodes:
        share = math.sqrt(weight[nd["id"]] / top)
        if focus is not None and nd["id"] == str(focus):
            share = 1.0
        nd["rank"] = 10**6 if focus is not None and nd["id"] == str(focus) else round(weight[nd["id"]], 1)
        if nd.get("shape") not in ("box", "text"):
            nd["size"] = round(lo + (hi - lo) * share, 1)
        nd["labelPx"] = round(px_lo + (px_hi - px_lo) * share, 1)
        nd["hoverLabel"], nd["label"] = nd["label"], " " if nd.get("shape") == "box" else ""


def edge_dicts(
    G: nx.MultiDiGraph, *, captions: bool, curve_parallel: bool, curve_derived: bool = False
) -> list[dict[str, Any]]:
    names = {n: str(d.get("name") or d.get(KEY) or n) for n, d in G.nodes(data=True)}
    seen_pairs: dict[frozenset[str], int] = defaultdict(int)
    out = []
    for i, (u, v, k, d) in enumerate(G.edges(keys=True, data=True)):
        rel = rel_of(k, d)
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
        for f in EDGE_DATA_FIELDS:
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


def vis_options(physics: bool, n_nodes: int, n_edges: int) -> dict[str, Any]:
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


def timeline_dicts(
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
        label = label_of(d)
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
    edge_keys = list(G.edges(keys=True))  # edge_dicts numbers the edges "e:<i>" in this order
    for t, es in derived_to.items():
        g = member_of[t]
        origins = sorted({names.get(e["from"], e["from"]) for e in es})
        first = es[0]
        d = {k: first[k] for k in EDGE_DATA_FIELDS if k in first}
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
