"""Writing views: pages from the jinja2 templates in ``shell/templates``, shared assets, the site, its index and search.

Part of the views of :mod:`shell.viz` (choose, layout, labels, pages).
"""

from __future__ import annotations

import functools
import json
import os
import re
import warnings
import zlib
from collections import defaultdict
from collections.abc import Iterable, Mapping
from importlib import metadata, resources
from pathlib import Path
from typing import Any
from urllib.parse import quote

import networkx as nx
import pyvis
from jinja2 import Environment, PackageLoader
from markupsafe import Markup

from pftz.ground.errors import ExportError, QueryError
from pftz.ground.io import atomic_write_text
from pftz.ground.schema import (
    DERIVED,
    KEY,
    NODE_TYPES,
    REL_TYPES,
    Label,
    Rel,
    ZoneKind,
)
from pftz.queries.search import search_index
from pftz.shell.choose import aggregate_diffusion, focus_subgraph, map_view, spread_view
from pftz.shell.labels import (
    edge_dicts,
    html_content,
    importance_labels,
    node_dicts,
    timeline_dicts,
    vis_options,
)
from pftz.shell.layout import band_positions, force_positions, map_positions, outline_pixels
from pftz.shell.viewcore import (
    DERIVED_EDGE_COLOR,
    EDGE_LABELS_MAX,
    NATIONAL,
    PHYSICS_MAX_NODES,
    SEARCH_FILE,
    SPREAD_DX,
    SPREAD_DY,
    TIPS_FILE,
    TYPE_ORDER,
    UNKNOWN_COLOR,
    LargeGraphWarning,
    Layout,
    ViewEntry,
    date_key,
    plain_text,
    rel_of,
    short_title,
)

__all__ = [
    "SHARED_ASSETS",
    "render_html",
    "search_entries",
    "site_links",
    "site_nav",
    "write_assets",
    "write_index",
    "write_site",
]


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
            rels[rel_of(k, d)] += 1
    rows = [
        {"label": lab.value, "caption": lab.value, "shape": NODE_TYPES[lab].shape, "color": NODE_TYPES[lab].color,
         "count": labels[lab.value]}
        for lab in Label
        if lab.value in labels
    ]  # fmt: skip
    rows += [
        {"label": other, "caption": plain_text(other or "(no label)"), "shape": "dot", "color": UNKNOWN_COLOR,
         "count": labels[other]}
        for other in sorted(set(labels) - {lab.value for lab in Label})
    ]  # fmt: skip
    # The time window: the months of the dated edges (a merged edge by its first date) and of the dated nodes
    # (documents, batches; zones by their establishment), for the slider.
    stamps = [str(d.get("date") or d.get("first") or "") for _, _, d in G.edges(data=True)]
    stamps += [str(d.get("date") or d.get("established") or "") for _, d in G.nodes(data=True)]
    months = sorted({t[:7] for t in stamps if re.match(r"\d{4}-\d{2}", t)})
    batches = sorted(
        ({"id": str(n), "name": str(d.get("name") or d.get(KEY) or n)} for n, d in G.nodes(data=True)
         if d.get("label") == Label.BATCH),
        key=lambda b: b["name"],
    )  # fmt: skip
    return {
        "labels": rows,
        "months": months if len(months) > 1 else [],
        "batches": batches if len(batches) > 1 else [],
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
    env = Environment(loader=PackageLoader("pftz.shell", "templates"), autoescape=True, keep_trailing_newline=True)
    env.filters["jsdata"] = _js_data
    env.filters["jsfiledata"] = _js_file_data
    env.filters["content"] = html_content
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
          show_derived: bool = True, nav: Mapping[str, str] | None = None, tips_src: str = "") -> str:  # fmt: skip
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
                "tips_src": tips_src,
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
    tips: dict[str, int] | None = None,
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
    tips
        With ``lib_dir``: the site's tooltips, text -> number, which this page adds to. Its nodes and
        edges then carry ``tip`` (the number) instead of ``title``, and the page loads the site's
        :data:`TIPS_FILE` (written by :func:`write_site`): a tooltip shown on many pages (a zone's, a
        document's) is stored once.

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
            pos = {**spread_pos, **band_positions(extra, G, min(xs), max(ys) + 2 * SPREAD_DY)}
        use_physics = bool(physics)
    elif layout == "map":
        pos = positions or map_positions(G)
        use_physics = bool(physics)
        outline = outline_pixels(basemap)
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

    nodes = node_dicts(G, pos, G.graph.get("focus"))
    edges = edge_dicts(
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
        # Sizes and labels by importance; the page shows the labels that fit at each zoom (view.js).
        importance_labels(G, nodes, focus=G.graph.get("focus"), weighted=layout == "map")
    if layout == "spread":
        focus_data = G.nodes[sub.graph["focus"]]
        full = str(focus_data.get("title") or focus_data.get("name") or sub.graph["focus"]).rstrip(". ")
        heading = title or short_title(full)
        nodes, edges = timeline_dicts(G, sub.graph.get("groups", {}), nodes, edges)
        subtitle = (
            f"{full}. Time runs left to right, in columns at the dates the report states. "
            "Hover for the evidence; click a group node to list the places derived diffusion reaches. "
            "Dashed grey edges are derived, solid ones stated."
        )
    lib = data_src = tips_src = ""
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
        if tips is not None:  # the site's tooltips are kept once, in its tips file
            for item in (*nodes, *edges):
                if isinstance(item.get("title"), str):
                    item["tip"] = tips.setdefault(item.pop("title"), len(tips))
            tips_src = nav["root"] + TIPS_FILE
        data_path = page_dir / f"{Path(path).stem}.data.js"
        data = _templates().get_template("data.js").render(nodes=nodes, edges=edges)
        atomic_write_text(data_path, data)
        data_src = quote(data_path.name)
    options = vis_options(use_physics, n, m)
    if layout == "spread":
        # Labels wrap within a column, so neighbouring columns never overlap.
        options["nodes"]["widthConstraint"] = {"maximum": SPREAD_DX * 0.62}
    page = _page(
        G, nodes, edges, title=heading, subtitle=subtitle, warning=warning,
        options=options, filter_menu=filter_menu, axis=axis, lib=quote(lib), data_src=data_src, outline=outline,
        show_derived=show_derived, nav=nav, tips_src=quote(tips_src),
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
            if rel_of(k, ed) == Rel.IN_BATCH
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
        date_key(d.get("date")) or (9999, 0, 0),
        ordinal if isinstance(ordinal, int) else 10**6,
        str(n),
    )


def site_links(G: nx.MultiDiGraph, pages: Mapping[str, str]) -> dict[str, str]:
    """The page that shows each node, relative to the site's root.

    A node with a page of its own (a zone profile, a spread view, a document) opens that page; an area
    of a zone (PART_OF) the profile of its zone; a measure without one the profile of a zone it
    originated in (or of that area's zone); any other node the whole graph.

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
    own = dict(pages)
    for n, d in G.nodes(data=True):  # an area opens the page of the zone it is part of
        if str(n) not in own and d.get("label") == Label.ZONE:
            parts = sorted(
                own[str(v)] for _, v, k, e in G.out_edges(n, keys=True, data=True)
                if rel_of(k, e) == Rel.PART_OF and str(v) in own
            )  # fmt: skip
            if parts:
                own[str(n)] = parts[0]
    out: dict[str, str] = {}
    for n, d in G.nodes(data=True):
        page = own.get(str(n))
        if page is None and d.get("label") == Label.MEASURE:
            origins = sorted(
                str(v) for _, v, k, e in G.out_edges(n, keys=True, data=True)
                if rel_of(k, e) == Rel.ORIGINATED_IN and str(v) in own
            )  # fmt: skip
            page = own[origins[0]] if origins else None
        out[str(n)] = page or "graph.html"
    return out


def search_entries(G: nx.MultiDiGraph, links: Mapping[str, str]) -> list[tuple[str, str, str, str, int]]:
    """The nodes the site's search finds: ``[name, label, page, other names, rank]``, in node order.

    The order is the graph's, as in :func:`queries.search.search_index`, whose numbers name these rows.
    ``rank`` is the label's place in :class:`ground.schema.Label` (zones first), which orders the hits
    by partial words that the search adds after its ranked ones.
    """
    rows: list[tuple[str, str, str, str, int]] = []
    for n, d in G.nodes(data=True):
        name = str(d.get("name") or d.get("number") or d.get("title") or d.get(KEY) or n)
        other = (str(d[f]) for f in (KEY, "number", "title", "name_zh") if d.get(f) and d[f] != name)
        label = str(d.get("label", ""))
        page = quote(links.get(str(n), "graph.html"))
        rows.append((name, label, page, " ".join(dict.fromkeys(other)), TYPE_ORDER.get(label, len(TYPE_ORDER))))
    return rows


def write_site(G: nx.MultiDiGraph, out_dir: str | Path, *, max_nodes_warn: int = 2000) -> dict[str, list[Path]]:
    """Write the whole-graph view, a spread view per national innovation, a page per zone, and an index.

    Files: ``graph.html`` (stated facts; derived edges on a toggle);
    ``map.html`` (:func:`map_view` over the provinces' outline); ``spread/<slug>.html`` for each measure with an
    ``IN_BATCH`` edge to a batch whose ``level`` is ``"national"``;
    ``zones/<key>.html`` (:func:`focus_subgraph` of depth 1) for each zone of
    kind PFTZ or FTP; ``documents/<key>.html`` for each document; ``search.js``, the search index every
    page's search box reads (ranked as :func:`queries.search.search` ranks); ``tips.js``, every tooltip of
    the site once (pages name theirs by number); ``index.html`` linking them all in one sortable,
    filterable table. Every page
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
        out / SEARCH_FILE,
        _templates().get_template("search.js").render(entries=search_entries(G, links), index=search_index(G)),
    )

    tips: dict[str, int] = {}
    p = render_html(
        aggregate_diffusion(G), out / "graph.html", title=f"{name}: whole graph", max_nodes_warn=max_nodes_warn,
        lib_dir=lib, show_derived=False, links=links, tips=tips,
    )  # fmt: skip
    written["graph"].append(p)
    entries.append(
        ViewEntry("graph", f"{name}: whole graph", p.relative_to(out), G.number_of_nodes(), G.number_of_edges())
    )
    H = map_view(G)
    p = render_html(
        H, out / "map.html", title=f"{name}: map of the zones and the diffusion between them", layout="map",
        max_nodes_warn=max_nodes_warn, lib_dir=lib, filter_menu=False, links=links, tips=tips,
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
            max_nodes_warn=max_nodes_warn, filter_menu=False, lib_dir=lib, links=links, tips=tips,
        )  # fmt: skip
        first = min(batches, key=lambda b: _batch_order(G.nodes[b], b))
        batch_names = ", ".join(str(G.nodes[b].get("name") or b) for b in batches)
        rel = path.relative_to(out)
        entry = ViewEntry("spread", caption, rel, sub.number_of_nodes(), sub.number_of_edges(), batch_names)
        spreads.append((_batch_order(G.nodes[first], first), caption, entry))
        written["spread"].append(path)
    entries += [e for *_, e in sorted(spreads, key=lambda t: (t[0], t[1]))]

    # Zone profiles show what the sources state, and the innovations they credit to a zone through a
    # defined term ("the Pilot Regions": derived, drawn as such), so that a zone's page reaches their
    # spread pages; derived diffusion edges (hundreds per zone) would bury them, and the spread pages
    # show those.
    stated = G.edge_subgraph(
        (u, v, k)
        for u, v, k, e in G.edges(keys=True, data=True)
        if not e.get(DERIVED) or rel_of(k, e) == Rel.ORIGINATED_IN
    )
    for caption, n, d, path in zone_plan:
        sub = focus_subgraph(stated if n in stated else G, n, 1)
        render_html(
            sub,
            path,
            title=f"{caption}: stated facts",
            max_nodes_warn=max_nodes_warn,
            lib_dir=lib,
            links=links,
            tips=tips,
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
            max_nodes_warn=max_nodes_warn, lib_dir=lib, links=links, tips=tips,
        )  # fmt: skip
        written["documents"].append(path)
        entries.append(
            ViewEntry("document", caption, path.relative_to(out), sub.number_of_nodes(), sub.number_of_edges(),
                      short_title(title, 80) if title != caption else str(d.get("date") or ""))
        )  # fmt: skip

    atomic_write_text(out / TIPS_FILE, _templates().get_template("tips.js").render(tips=list(tips)))
    written["index"].append(write_index(out, entries, title=name))
    return written
