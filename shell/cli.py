"""The ``pftz`` command line: a thin layer over the Python API.

Every library error (:class:`~ground.errors.PftzGraphError`) becomes one clear
line and exit code 1; secrets come only from environment variables.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click
import pandas as pd

import queries
from graph.build import graph_from_reports, graph_stats, validate
from graph.exports import FORMATS, write_all
from graph.exports import export as write_export
from graph.neo4j_store import connect, graph_to_neo4j
from graph.resolve import review_pairs
from ground.errors import PftzGraphError
from ground.io import atomic_write_text
from ground.schema import DERIVED, Label, node_id
from loaders.evaluate import align_lines, evaluate, facts_from_report, load_annotations
from loaders.records import ParsedReport
from loaders.report import BUNDLED_REPORT, load_report
from loaders.userdata import load_user_data
from shell import viz as gviz
from shell.docs import write_docs

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
REPORT_ARG = click.argument("reports", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
DATA_OPT = click.option(
    "--data",
    "data_files",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A CSV or JSON file of your own coded zones, documents, measures or adoption events (repeatable).",
)
STRICT_OPT = click.option("--strict", is_flag=True, help="Fail (exit 1) if the loaders report any warning.")
DATA_STRICT_OPT = click.option(
    "--strict",
    is_flag=True,
    help="Load nothing and exit 1 if any row of a --data file is bad (pftz parse --strict checks a report).",
)


class _Group(click.Group):
    """A click group that turns library errors into one clear line and exit code 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except PftzGraphError as e:
            raise click.ClickException(str(e)) from e


def _echo_err(msg: str) -> None:
    click.echo(msg, err=True)


def _load_reports(reports: Sequence[Path], strict: bool) -> list[ParsedReport]:

    paths: Sequence[Path | None] = list(reports) or [None]
    out = []
    for p in paths:
        r = load_report(p, strict=strict)
        n_entities = len({(e.label, e.key) for e in r.entities})
        _echo_err(
            f"parsed {r.source}: {n_entities:,} entities, {len(r.relations):,} relation mentions, "
            f"{len(r.tables)} tables, {len(r.warnings)} warnings"
        )
        out.append(r)
    return out


def _load_data(data_files: Sequence[Path], strict: bool, known: Sequence[ParsedReport]) -> list[ParsedReport]:
    """Read researchers' files; each may refer to keys of the reports and of the files before it."""
    if not data_files:
        return []

    out: list[ParsedReport] = []
    for p in data_files:
        r = load_user_data(p, strict=strict, known=[*known, *out])
        _echo_err(f"read {r.source}: {len(r.entities):,} entities, {len(r.relations):,} relations")
        out.append(r)
    return out


def _show_warnings(reports: Sequence[ParsedReport], limit: int = 50) -> None:
    warnings = [w for r in reports for w in r.warnings]
    failed = [c for r in reports for c in r.checks if not c.ok]
    if failed:
        _echo_err(f"{len(failed)} stated totals do not match (see the warnings)")
    if not warnings:
        return
    _echo_err(f"{len(warnings)} warnings:")
    for w in warnings[:limit]:
        _echo_err(f"  {w}")
    if len(warnings) > limit:
        _echo_err(f"  ... and {len(warnings) - limit} more (pftz parse --json lists them all)")


def _build(reports: Sequence[Path], data_files: Sequence[Path] = (), strict: bool = False) -> Any:

    parsed = _load_reports(reports, strict=False)
    parsed += _load_data(data_files, strict, parsed)
    G = graph_from_reports(parsed)
    validate(G)
    _show_warnings(parsed)
    return G


@click.group(cls=_Group, context_settings=CONTEXT)
@click.version_option(package_name="pftz-graph")
def cli() -> None:
    """pftz-graph: the policy graph of China's Pilot Free Trade Zones.

    Every command reads the bundled 2025 report unless you name other report
    files. Run `pftz COMMAND -h` for the options and an example of each.

    \b
    Example:
        pftz build --out out/
        pftz trace "smart form"
    """


@cli.command()
@click.argument("report", required=False, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Write the records as JSON (format pftz-records/1).")
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write the JSON here, not to stdout."
)
@click.option(
    "--unread", is_flag=True, help="List every narrative quoted span and zone mention that produced no fact."
)
@STRICT_OPT
def parse(report: Path | None, as_json: bool, output: Path | None, strict: bool, unread: bool) -> None:
    """Parse a report and print its load report: counts, checks of stated totals, warnings.

    The load report ends with the share of narrative paragraphs that yielded at
    least one fact (zone case, adoption, cross-regional effort); --unread lists
    what the narrative reader did not turn into a fact, with file:line.

    \b
    Example:
        pftz parse
        pftz parse --unread
        pftz parse my-report.txt --json -o records.json --strict
    """

    r = load_report(report, strict=strict)
    if as_json or output:
        text = json.dumps(r.to_json(), ensure_ascii=False, indent=1, sort_keys=False) + "\n"
        if output:
            atomic_write_text(output, text)
            _echo_err(f"wrote {output}")
        else:
            click.echo(text, nl=False)
        return
    click.echo(f"report: {r.source} (sha256 {r.sha256[:12]}...)")
    click.echo(f"structure: {len(r.sections)} headings, {len(r.tables)} tables")
    for t in r.tables:
        click.echo(f"  Table {t.id}: {len(t.rows)} rows (lines {t.line}-{t.end_line})")
    click.echo("records (distinct):")
    for name, n in r.counts().items():
        click.echo(f"  {name:16} {n:6,}")
    click.echo("stated totals:")
    for c in r.checks:
        mark = "ok" if c.ok else "MISMATCH"
        click.echo(f"  {mark:8} {c.name}: stated {c.stated}, found {c.found} (line {c.line})")
    _show_warnings([r], limit=1000)
    read, total = r.narrative_paragraphs
    share = f"{read / total:.0%}" if total else "n/a"
    click.echo(f"narrative: {read} of {total} paragraphs ({share}) yielded at least one fact")
    if unread:
        click.echo(f"unread ({len(r.unread)}):")
        for u in r.unread:
            what = "quote" if u.code == "unread-quote" else "zone"
            click.echo(f"  {u.source}:{u.line}: {what} {u.message!r}")


@cli.command(name="eval")
@click.argument("annotations", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("report", required=False, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--show", default=30, show_default=True, help="How many misses and false positives to list per type.")
def eval_(annotations: Path, report: Path | None, show: int) -> None:
    """Compare the reading of a report with a hand annotation: precision, recall, F1 per fact type.

    ANNOTATIONS is a CSV in the format of docs/annotations.md, written on the
    bundled report; REPORT is the bundled report unless given (a copy in
    another layout is aligned to the bundled one word by word). Misses (annotated, not read) and false
    positives (read, not annotated) are listed with their lines.

    \b
    Example:
        pftz eval tests/annotations/sample.csv
        pftz eval my-annotations.csv rewrapped-report.txt --show 100
    """
    gold = load_annotations([annotations])
    r = load_report(report)
    line_map = None
    if report is not None:
        reference = BUNDLED_REPORT.read_text(encoding="utf-8")
        other = report.read_text(encoding="utf-8", errors="replace")
        line_map = align_lines(reference, other) if other != reference else None
    result = evaluate(gold, facts_from_report(r, line_map))
    click.echo(f"annotations: {annotations} ({len(gold)} rows); report: {r.source}")
    for line in result.summary():
        click.echo(line)
    for s in result.scores:
        for what, items in (("missed", s.misses), ("false positive", s.false_positives)):
            for f in items[:show]:
                click.echo(f"  {s.fact} {what}: {f.describe()}")
            if len(items) > show:
                click.echo(f"  ... and {len(items) - show} more {s.fact} {what}")


@cli.command()
@REPORT_ARG
@DATA_OPT
@click.option(
    "--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("out"), show_default=True
)
@click.option("--no-html", is_flag=True, help="Skip the interactive HTML site.")
@DATA_STRICT_OPT
def build(reports: tuple[Path, ...], data_files: tuple[Path, ...], out_dir: Path, no_html: bool, strict: bool) -> None:
    """Build the graph (bundled report by default), write every export and print a summary.

    \b
    Example:
        pftz build --out out/
        pftz build report-2025.txt report-2026.txt --data my-events.csv --out out/
    """

    G = _build(reports, data_files, strict)
    written: dict[str, str] = {k: str(v) for k, v in write_all(G, out_dir).items()}
    if not no_html:
        site = gviz.write_site(G, out_dir / "html")
        written["html"] = f"{site['index'][0]} ({sum(len(v) for v in site.values())} pages)"
    _echo_stats(G)
    click.echo(f"exports in {out_dir}/:")
    for name, path in sorted(written.items()):
        click.echo(f"  {name:12} {path}")


def _echo_stats(G: Any) -> None:

    s = graph_stats(G)
    click.echo(
        f"graph: {s['nodes']:,} nodes, {s['edges']:,} edges ({s['stated_edges']:,} stated, "
        f"{s['derived_edges']:,} derived)"
    )
    for label, n in s["labels"].items():
        click.echo(f"  {label:16} {n:6,}")
    for rel, n in s["relationships"].items():
        derived = " (derived)" if rel in s["derived"] else ""
        click.echo(f"  {rel:16} {n:6,}{derived}")


@cli.command()
@REPORT_ARG
@DATA_OPT
def stats(reports: tuple[Path, ...], data_files: tuple[Path, ...]) -> None:
    """Print node and edge counts per label and relationship type.

    \b
    Example:
        pftz stats
    """
    _echo_stats(_build(reports, data_files))


EXPORT_FORMATS = tuple(FORMATS)


@cli.command()
@REPORT_ARG
@DATA_OPT
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), required=True, help="Export format.")
@click.option(
    "-o", "--output", type=click.Path(path_type=Path), required=True, help="Output file (a folder for neo4j-admin)."
)
def export(reports: tuple[Path, ...], data_files: tuple[Path, ...], fmt: str, output: Path) -> None:
    """Export the graph: GraphML (Gephi), GEXF with time, node-link JSON, neo4j-admin CSV, cascades CSV (R).

    \b
    Example:
        pftz export --format gexf -o pftz.gexf
        pftz export --format neo4j-admin -o import/
    """

    write_export(_build(reports, data_files), fmt, output)
    click.echo(f"wrote {output}")


@cli.command()
@REPORT_ARG
@DATA_OPT
@click.option("--limit", default=50, show_default=True, help="How many pairs to show.")
def review(reports: tuple[Path, ...], data_files: tuple[Path, ...], limit: int) -> None:
    """List uncertain entity pairs (possible SAME_AS) with their scores, for a person to check.

    \b
    Example:
        pftz review --limit 20
    """

    G = _build(reports, data_files)
    df = review_pairs(G)
    if df.empty:
        click.echo("no uncertain pairs")
        return
    click.echo(df.head(limit).to_string(index=False))


def neo4j_options(f: Any) -> Any:
    """Connection options shared by the Neo4j commands (the password only from NEO4J_PASSWORD)."""
    f = click.option("--database", envvar="NEO4J_DATABASE", default=None, help="Database name [NEO4J_DATABASE].")(f)
    f = click.option("--user", envvar="NEO4J_USER", default=None, help="User name [NEO4J_USER].")(f)
    return f


@cli.command()
@REPORT_ARG
@DATA_OPT
@click.option(
    "--neo4j",
    "uri",
    envvar="NEO4J_URI",
    required=True,
    help="Server URI, e.g. bolt://localhost:7687 or neo4j+s://... [NEO4J_URI].",
)
@neo4j_options
@click.option("--batch-size", default=1000, show_default=True, help="Rows per transaction.")
def load(
    reports: tuple[Path, ...],
    data_files: tuple[Path, ...],
    uri: str,
    user: str | None,
    database: str | None,
    batch_size: int,
) -> None:
    """Load the graph into Neo4j (idempotent: re-running changes nothing). Password from NEO4J_PASSWORD.

    \b
    Example:
        NEO4J_PASSWORD=secret pftz load --neo4j bolt://localhost:7687
    """

    G = _build(reports, data_files)
    driver, db = connect(uri, user, None, database)
    try:
        with click.progressbar(
            length=G.number_of_nodes() + G.number_of_edges(), label="loading", file=sys.stderr
        ) as bar:
            done = [0]

            def progress(n: int, total: int) -> None:
                bar.update(n - done[0])
                done[0] = n

            counts = graph_to_neo4j(G, driver, database=db, batch_size=batch_size, progress=progress)
    finally:
        driver.close()
    click.echo(f"loaded into {uri} (database {db}): " + ", ".join(f"{k} {v}" for k, v in counts.items()))


QUERY_FORMATS = ("table", "csv", "json")
NEO4J_QUERY_OPT = click.option(
    "--neo4j",
    "uri",
    default=None,
    help="Run on this Neo4j server (e.g. bolt://localhost:7687) instead of the graph built from the reports; "
    "credentials from NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE.",
)
REPORT_OPT = click.option(
    "--report",
    "reports",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Build the graph from this report instead of the bundled one (repeatable).",
)


def _query_backend(uri: str | None, reports: Sequence[Path], data_files: Sequence[Path]) -> tuple[Any, Any]:
    """Return ``(backend, driver to close or None)``: a Neo4j connection, or the graph built from the reports."""
    if uri:
        driver, db = connect(uri)
        return (driver, db), driver
    return _build(reports, data_files), None


def _plain(value: Any) -> Any:
    """A DataFrame cell as plain JSON data (NaN and pandas NA as None)."""
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if value is None:
        return None
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return value.item() if hasattr(value, "item") else value


def _echo_frame(df: Any, fmt: str, width: int = 60) -> None:
    if fmt == "json":
        rows = [{c: _plain(v) for c, v in zip(df.columns, row, strict=True)} for row in df.itertuples(index=False)]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    if fmt == "csv":
        out = df.copy()
        for c in out.columns:
            if out[c].map(lambda v: isinstance(v, list)).any():
                out[c] = out[c].map(lambda v: json.dumps(v, ensure_ascii=False) if isinstance(v, list) else v)
        click.echo(out.to_csv(index=False), nl=False)
        return
    if df.empty:
        click.echo("(no rows)")
        return

    def cell(v: Any) -> str:
        v = _plain(v)
        text = "" if v is None else ", ".join(map(str, v)) if isinstance(v, list) else str(v)
        text = " ".join(text.split())
        return text if len(text) <= width else text[: width - 1] + "…"

    click.echo(df.map(cell).to_string(index=False))


def _parse_params(params: Sequence[str]) -> dict[str, str]:
    """Turn ``-p KEY=VALUE`` options into a dict."""
    values: dict[str, str] = {}
    for item in params:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            msg = f"parameter {item!r} is not KEY=VALUE"
            raise click.BadParameter(msg, param_hint="-p")
        values[key.strip()] = value
    return values


@cli.command()
@click.argument("name", required=False)
@click.option("-p", "--param", "params", multiple=True, metavar="KEY=VALUE", help="A query parameter (repeatable).")
@click.option("--list", "list_queries", is_flag=True, help="List the named queries, their parameters and columns.")
@NEO4J_QUERY_OPT
@click.option("--format", "fmt", type=click.Choice(QUERY_FORMATS), default="table", show_default=True)
@REPORT_OPT
@DATA_OPT
def query(
    name: str | None,
    params: tuple[str, ...],
    list_queries: bool,
    uri: str | None,
    fmt: str,
    reports: tuple[Path, ...],
    data_files: tuple[Path, ...],
) -> None:
    """Run a named query (queries/*.cypher) on the graph or on Neo4j and print its rows.

    \b
    Example:
        pftz query --list
        pftz query zone_profile -p zone=shanghai
        pftz query diffusion_paths -p source=beijing -p target=chongqing --format csv
        NEO4J_PASSWORD=secret pftz query innovators --neo4j bolt://localhost:7687 --format json
    """

    if list_queries:
        for info in queries.list_queries():
            signature = ", ".join(
                f"{p.name}: {p.type}" + ("" if p.required else f" = {p.default}") for p in info.params
            )
            click.echo(f"{info.name}({signature})")
            click.echo(f"    {info.description}")
            for p in info.params:
                click.echo(f"    -p {p.name}=...  {p.description}")
            click.echo(f"    columns: {', '.join(info.columns)}")
        return
    if not name:
        msg = "name a query (pftz query --list shows them)"
        raise click.UsageError(msg)
    values = _parse_params(params)
    queries.load_query(name)  # an unknown name fails before the graph is built
    backend, driver = _query_backend(uri, reports, data_files)
    try:
        df = queries.run(name, backend, **values)
    finally:
        if driver is not None:
            driver.close()
    _echo_err(f"{name}: {len(df):,} rows")
    _echo_frame(df, fmt)


def _echo_trace(df: Any, quote_width: int = 160) -> None:
    first = df.iloc[0]
    click.echo(f"{first['measure']}")
    click.echo(f"  key {first['measure_key']} · {first['kind']}")
    last: tuple[Any, ...] | None = None
    for row in df.itertuples(index=False):
        fact = (row.step, row.fact, row.node_label, row.node_key, row.detail, row.date)
        if fact != last:
            last = fact
            if row.step:
                parts = [f"{row.node} [{row.node_label} {row.node_key}]"]
                detail = _plain(row.detail)
                if detail is not None:
                    detail = " ".join(str(detail).split())
                    parts.append(detail if len(detail) <= 100 else detail[:99] + "…")
                if _plain(row.date) is not None:
                    parts.append(str(row.date))
                click.echo(f"{row.fact}: " + " · ".join(parts))
        if _plain(row.quote) is not None:
            quote = " ".join(str(row.quote).split())
            quote = quote if len(quote) <= quote_width else quote[: quote_width - 1] + "…"
            click.echo(f'    {row.source}:{_plain(row.line)}  "{quote}"')


@cli.command()
@click.argument("words")
@NEO4J_QUERY_OPT
@click.option("--format", "fmt", type=click.Choice(("text", *QUERY_FORMATS)), default="text", show_default=True)
@REPORT_OPT
@DATA_OPT
def trace(words: str, uri: str | None, fmt: str, reports: tuple[Path, ...], data_files: tuple[Path, ...]) -> None:
    """Trace an innovation: where it originated, which batch and documents carried it, who was
    responsible, where it was replicated and who adopted it, each fact with its evidence lines.

    WORDS are a few words of the measure's name or title (the best match is traced) or its key.
    With no match, it says so, suggests measures matching some of the words and exits 1.

    \b
    Example:
        pftz trace "ship supervision and declaration"
        pftz trace "remanufactured products" --format csv
        pftz trace national:pilot-measures:1:1 --neo4j bolt://localhost:7687
    """

    backend, driver = _query_backend(uri, reports, data_files)
    try:
        df = queries.trace(backend, words)
        suggestions = queries.suggest_measures(backend, words) if df.empty else None
    finally:
        if driver is not None:
            driver.close()
    if suggestions is not None:
        msg = f"no measure matches {words!r}"
        if suggestions.empty:
            msg += "; no measure matches any of its words either (pftz query search_measures -p words=...)"
        else:
            msg += "; measures matching some of the words:\n" + "\n".join(
                f"  {r.measure_key}  {r.measure}  ({r.words} of the words)" for r in suggestions.itertuples()
            )
        raise click.ClickException(msg)
    if fmt == "text":
        _echo_trace(df)
    else:
        _echo_frame(df, "table" if fmt == "table" else fmt)


@cli.command()
@REPORT_ARG
@DATA_OPT
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=Path("graph.html"), show_default=True
)
@click.option("--focus", help="Words of an innovation, zone, document or body (or a node id): draw its neighbourhood.")
@click.option("--depth", default=1, show_default=True, help="Neighbourhood depth for --focus.")
@click.option("--spread", help="Words of an innovation: its spread, left to right in time.")
@click.option("--query", "query_name", help="Draw the nodes a named query returns (its *_key columns).")
@click.option("-p", "--param", "params", multiple=True, metavar="KEY=VALUE", help="A parameter of --query.")
@click.option("--layout", type=click.Choice(("force", "map")), default="force", show_default=True)
@click.option("--stated-only", is_flag=True, help="Leave out derived edges (diffusion, SAME_AS).")
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
) -> None:
    """Write one self-contained interactive HTML file (works offline): the whole graph or a part of it.

    \b
    Example:
        pftz viz -o graph.html --stated-only
        pftz viz --focus "Shanghai PFTZ" --depth 1 -o shanghai.html
        pftz viz --spread "ship supervision and declaration" -o spread.html
        pftz viz --query zone_profile -p zone=hubei --layout map -o hubei.html
    """

    if sum(x is not None for x in (focus, spread, query_name)) > 1:
        msg = "give at most one of --focus, --spread and --query"
        raise click.UsageError(msg)
    G = _build(reports, data_files)
    if stated_only:
        G = G.edge_subgraph((u, v, k) for u, v, k, e in G.edges(keys=True, data=True) if not e.get(DERIVED)).copy()
    title = None
    if spread is not None:
        hits = queries.run("search_measures", G, words=spread)
        if hits.empty:
            msg = f"no innovation matches {spread!r} (try fewer words; pftz query search_measures -p words=...)"
            raise click.ClickException(msg)
        sub, pos = gviz.spread_view(G, node_id(Label.MEASURE, str(hits.iloc[0]["measure_key"])))
        path = gviz.render_html(sub, output, layout="spread", positions=pos)
        click.echo(f"wrote {path} ({sub.number_of_nodes():,} nodes, {sub.number_of_edges():,} edges)")
        return
    if focus is not None:
        G = gviz.focus_subgraph(G, focus, depth)
        title = f"{focus} (depth {depth})"
    elif query_name is not None:
        df = queries.run(query_name, G, **_parse_params(params))
        keys = {str(v) for c in df.columns if c.endswith("_key") for v in df[c].dropna()}
        nodes = [n for n, d in G.nodes(data=True) if d.get("key") in keys]
        if not nodes:
            msg = f"{query_name} returned no nodes to draw ({len(df)} rows)"
            raise click.ClickException(msg)
        G = G.subgraph(nodes).copy()
        title = f"{query_name} " + " ".join(params)
    path = gviz.render_html(G, output, title=title, layout=layout)  # type: ignore[arg-type]
    click.echo(f"wrote {path} ({G.number_of_nodes():,} nodes, {G.number_of_edges():,} edges)")


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

    for name, path in write_docs(out_dir).items():
        click.echo(f"wrote {name:8} {path}")


def main() -> None:
    """Entry point of the ``pftz`` console script."""
    cli(prog_name="pftz")


if __name__ == "__main__":  # pragma: no cover
    main()
