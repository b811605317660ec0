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
(:func:`aggregate_diffusion`; positions computed here by ForceAtlas2 in
:func:`force_positions`, so the first drawing is stable), :func:`map_view` over
the provinces' outline (:func:`load_outline`), and a zone's neighbourhood
(:func:`focus_subgraph`). Pages keep the labels that fit, best-connected nodes
first, and show the others on hover; on the whole graph and the map nodes and
labels are sized by importance and more labels show as one zooms in. :func:`write_site` writes them all as a
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

The work lives in four rooms, re-exported here: :mod:`shell.choose` (what a view shows),
:mod:`shell.layout` (where nodes go), :mod:`shell.labels` (tooltips, captions, labels) and
:mod:`shell.pages` (writing pages and the site); :mod:`shell.viewcore` holds what they share.
"""

from __future__ import annotations

from pftz.shell.choose import aggregate_diffusion, find_nodes, focus_subgraph, map_view, spread_view
from pftz.shell.layout import force_positions, load_outline, map_positions, map_scale, parse_outline
from pftz.shell.pages import (
    SHARED_ASSETS,
    render_html,
    search_entries,
    site_links,
    site_nav,
    write_assets,
    write_index,
    write_site,
)
from pftz.shell.viewcore import (
    DERIVED_EDGE_COLOR,
    PHYSICS_MAX_NODES,
    SEARCH_FILE,
    SHORT_TITLE,
    SPREAD_DX,
    LargeGraphWarning,
    Layout,
    ViewEntry,
    short_title,
)

__all__ = [
    "DERIVED_EDGE_COLOR",
    "PHYSICS_MAX_NODES",
    "SEARCH_FILE",
    "SHARED_ASSETS",
    "SHORT_TITLE",
    "SPREAD_DX",
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
    "search_entries",
    "short_title",
    "site_links",
    "site_nav",
    "spread_view",
    "write_assets",
    "write_index",
    "write_site",
]
