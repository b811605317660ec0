"""The ``pftz`` commands that show: ``viz``, ``figure``, ``serve`` (Datasette) and ``docs``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from pftz.ground.io import check_not_an_input
from pftz.ground.schema import DERIVED
from pftz.shell.cli_base import (
    DATA_OPT,
    REPORT_ARG,
    SQLITE_FILE,
    _build,
    _echo_err,
    _inputs,
    _others_line,
    _parse_params,
    _shell_quote,
    cli,
)

MAX_DEPTH = 10
"""The deepest neighbourhood ``pftz viz --focus`` draws (beyond a few hops it is the whole graph)."""


def _best_node(G: Any, words: str) -> str:
    """The node that best matches a few words (the ranked search of ``pftz search``); the close ones are shown."""
    from pftz.queries.search import close_hits, search

    hits = search(G, words, limit=10)
    if not hits:
        msg = f"nothing matches {words!r}; pftz search {_shell_quote(words)} tries with typos tolerated"
        raise click.ClickException(msg)
    others = close_hits(hits)
    if others:
        _echo_err(_others_line(others))
    return hits[0].node


@cli.command()
@REPORT_ARG
@DATA_OPT
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=Path("graph.html"), show_default=True
)
@click.option("--focus", help="Words of an innovation, zone, document or body (or a node id): draw its neighbourhood.")
@click.option(
    "--depth",
    type=click.IntRange(0, MAX_DEPTH),
    default=1,
    show_default=True,
    help=f"Neighbourhood depth for --focus (0 to {MAX_DEPTH}).",
)
@click.option("--spread", help="Words of an innovation: its spread, left to right in time.")
@click.option("--query", "query_name", help="Draw the nodes a named query returns (its *_key columns).")
@click.option("-p", "--param", "params", multiple=True, metavar="KEY=VALUE", help="A parameter of --query.")
@click.option(
    "--layout", type=click.Choice(("force", "map")), default="force", show_default=True,
    help="map: places at their coordinates over the provinces' outline (the whole graph: zones, provinces and "
    "derived diffusion merged per pair).",
)  # fmt: skip
@click.option("--stated-only", is_flag=True, help="Leave out derived edges (diffusion, SAME_AS).")
@click.option(
    "--show-derived", is_flag=True,
    help="Draw derived edges from the start (the whole graph hides them behind the legend's toggle).",
)  # fmt: skip
@click.option(
    "--basemap", type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="With --layout map: a GeoJSON file of polygons to draw under the places (e.g. a reviewed standard map) "
    "instead of the bundled Natural Earth outline.",
)  # fmt: skip
def viz(
    reports: tuple[Path, ...],
    data_files: tuple[Path, ...],
    output: Path,
    focus: str | None,
    depth: int,
    spread: str | None,
    query_name: str | None,
    params: tuple[str, ...],
    layout: str,
    stated_only: bool,
    show_derived: bool,
    basemap: Path | None,
) -> None:
    """Write one self-contained interactive HTML file (works offline): the whole graph or a part of it.

    \b
    Example:
        pftz viz -o graph.html --stated-only
        pftz viz --focus "Shanghai PFTZ" --depth 1 -o shanghai.html
        pftz viz --spread "ship supervision and declaration" -o spread.html
        pftz viz --query zone_profile -p zone=hubei --layout map -o hubei.html
        pftz viz --layout map -o map.html
        pftz viz --layout map --basemap standard-map.geojson -o map.html
    """
    from pftz import queries
    from pftz.queries.names import check_names
    from pftz.shell import viz as gviz

    if sum(x is not None for x in (focus, spread, query_name)) > 1:
        msg = "give at most one of --focus, --spread and --query"
        raise click.UsageError(msg)
    check_not_an_input(output, _inputs(reports, data_files))
    if basemap is not None and (layout != "map" or spread is not None):
        msg = "--basemap draws under --layout map only"
        raise click.UsageError(msg)
    G = _build(reports, data_files)
    center = None
    if focus is not None:
        center = focus if focus in G else _best_node(G, focus)
    if stated_only:
        stated = [(u, v, k) for u, v, k, e in G.edges(keys=True, data=True) if not e.get(DERIVED)]
        H = G.edge_subgraph(stated).copy()
        if center is not None and center not in H:
            H.add_node(center, **G.nodes[center])  # a node with derived edges only still exists: draw it alone
        G = H
    title = None
    if spread is not None:
        best, others = queries.find_measure(G, spread)
        if best is None:
            msg = f"no innovation matches {spread!r}; pftz search {_shell_quote(spread)} lists what does"
            raise click.ClickException(msg)
        if others:
            _echo_err(_others_line(others))
        sub, pos = gviz.spread_view(G, best.node)
        path = gviz.render_html(sub, output, layout="spread", positions=pos)
        click.echo(f"wrote {path} ({sub.number_of_nodes():,} nodes, {sub.number_of_edges():,} edges)")
        return
    if focus is not None:
        G = gviz.focus_subgraph(G, center, depth)
        title = f"{focus} (depth {depth})"
    elif query_name is not None:
        values = _parse_params(params)
        queries.load_query(query_name)
        check_names(query_name, G, values)
        df = queries.run(query_name, G, **values)
        keys = {str(v) for c in df.columns if c.endswith("_key") for v in df[c].dropna()}
        nodes = [n for n, d in G.nodes(data=True) if d.get("key") in keys]
        if not nodes:
            msg = f"{query_name} returned no nodes to draw ({len(df)} rows)"
            raise click.ClickException(msg)
        G = G.subgraph(nodes).copy()
        title = f"{query_name} " + " ".join(params)
    if focus is None and query_name is None:
        # The whole graph: derived diffusion merged per pair, behind the legend's toggle unless --show-derived;
        # on the map, the zones and provinces only.
        G = gviz.map_view(G, derived=not stated_only) if layout == "map" else gviz.aggregate_diffusion(G)
    shown = show_derived or layout == "map" or focus is not None or query_name is not None
    path = gviz.render_html(G, output, title=title, layout=layout, show_derived=shown, basemap=basemap)  # type: ignore[arg-type]
    click.echo(f"wrote {path} ({G.number_of_nodes():,} nodes, {G.number_of_edges():,} edges)")


@cli.command()
@REPORT_ARG
@DATA_OPT
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The figure: .svg, .png or .pdf.")
@click.option("--spread", help="Words of an innovation: its spread, left to right in time.")
@click.option("--zone", help="Words naming a zone (or its node id): what the report states about it.")
@click.option("--map", "draw_map", is_flag=True, help="The zones on the provinces' outline, with derived diffusion.")
@click.option(
    "--basemap", type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="With --map: a GeoJSON file of polygons to draw under the zones (e.g. a reviewed standard map).",
)
def figure(
    reports: tuple[Path, ...],
    data_files: tuple[Path, ...],
    output: Path,
    spread: str | None,
    zone: str | None,
    draw_map: bool,
    basemap: Path | None,
) -> None:
    """Draw a static figure for a paper or a slide (matplotlib): legend, source line, readable in greyscale.

    \b
    Example:
        pftz figure --spread "ship supervision and declaration" -o spread.pdf
        pftz figure --zone "Shanghai PFTZ" -o shanghai.svg
        pftz figure --map -o map.png
        pftz figure --map --basemap standard-map.geojson -o map.pdf
    """
    from pftz import queries

    # matplotlib takes about half a second to import; only this command needs it.
    from pftz.shell import figures

    if sum((spread is not None, zone is not None, draw_map)) != 1:
        msg = "give exactly one of --spread, --zone and --map"
        raise click.UsageError(msg)
    if basemap is not None and not draw_map:
        msg = "--basemap draws under --map only"
        raise click.UsageError(msg)
    if output.suffix.lower() not in figures.FORMATS:
        msg = f"{output}: write the figure as {', '.join(figures.FORMATS)}"
        raise click.UsageError(msg)
    check_not_an_input(output, _inputs(reports, data_files))
    G = _build(reports, data_files)
    if spread is not None:
        best, others = queries.find_measure(G, spread)
        if best is None:
            msg = f"no innovation matches {spread!r}; pftz search {_shell_quote(spread)} lists what does"
            raise click.ClickException(msg)
        if others:
            _echo_err(_others_line(others))
        fig = figures.spread_figure(G, best.node)
    elif zone is not None:
        fig = figures.zone_figure(G, zone)
    else:
        fig = figures.map_figure(G, basemap=basemap)
    path = figures.save_figure(fig, output)
    click.echo(f"wrote {path} ({path.stat().st_size:,} bytes)")


DATASETTE_INSTALL = "pip install 'pftz-graph[datasette]'"


@cli.command()
@click.argument("database", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (this machine only).")
@click.option("-p", "--port", type=click.IntRange(1, 65535), default=8001, show_default=True, help="Port to listen on.")
def serve(database: Path | None, host: str, port: int) -> None:
    """Browse the SQLite database in Datasette: faceted tables, full-text search, SQL, CSV/JSON export.

    DATABASE is the file pftz build wrote (out/pftz.db by default) or pftz export --format sqlite; its
    metadata (FILE.metadata.json beside it) gives the titles, the source, column descriptions and facets.
    Needs the optional extra: pip install 'pftz-graph[datasette]'.

    \b
    Example:
        pftz build --out out/
        pftz serve out/pftz.db --port 8001
    """
    db = database or Path("out") / SQLITE_FILE
    if not db.is_file():
        msg = f"{db}: no such database; write it with `pftz build --out out/` or `pftz export --format sqlite -o {db}`"
        raise click.ClickException(msg)
    try:
        from datasette.cli import cli as datasette_cli
    except ImportError:
        msg = f"pftz serve needs Datasette, which is not installed: {DATASETTE_INSTALL}"
        raise click.ClickException(msg) from None
    from pftz.queries.sqlite import metadata_path

    args = ["serve", "--host", host, "--port", str(port)]
    meta = metadata_path(db)
    if meta.is_file():
        args += ["--metadata", str(meta)]
    args += ["--", str(db)]  # a database named like an option (`--reload`, `--root`) stays a file name
    _echo_err(f"serving {db} with Datasette on http://{host}:{port}/ (Ctrl-C stops it)")
    datasette_cli.main(args=args, prog_name="datasette")


@cli.command()
@click.option(
    "--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("docs"), show_default=True
)
def docs(out_dir: Path) -> None:
    """Regenerate the documents made from the code: schema reference, query catalogue, Browser style.

    \b
    Example:
        pftz docs --out docs/
    """
    from pftz.shell.docs import write_docs

    for name, path in write_docs(out_dir).items():
        click.echo(f"wrote {name:8} {path}")
