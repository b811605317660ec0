"""The ``pftz`` commands that ask the graph: ``query``, ``search``, ``trace``, ``table``; and how they print frames."""

from __future__ import annotations

import io
import json
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from pftz.ground.dates import PartialDate
from pftz.ground.errors import Neo4jError
from pftz.ground.io import check_not_an_input
from pftz.ground.schema import Label
from pftz.loaders.manifest import load_manifest
from pftz.shell.cli_base import (
    BOM_OPT,
    DATA_OPT,
    LazyChoice,
    _build,
    _cut,
    _echo_err,
    _inputs,
    _others_line,
    _parse_params,
    _shell_quote,
    cli,
)
from pftz.shell.cli_load import NEO4J_URI, _tls_hint

if TYPE_CHECKING:
    import pandas as pd


QUERY_FORMATS = ("table", "csv", "json")
KEYS_OPT = click.option(
    "--keys", is_flag=True, help="Show the node keys in the terminal table (csv and json always have them)."
)
NEO4J_QUERY_OPT = click.option(
    "--neo4j",
    "uri",
    default=None,
    type=NEO4J_URI,
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


class PartialDateType(click.ParamType):
    """A partial ISO date (``2024``, ``2024-06``, ``2024-06-30``) for ``--since``/``--until``."""

    name = "DATE"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> PartialDate:
        try:
            return PartialDate.parse(value)
        except ValueError:
            self.fail(f"{value!r} is not a date written YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2024-06)", param, ctx)


SINCE_OPT = click.option(
    "--since",
    type=PartialDateType(),
    default=None,
    help="Keep dated facts on or after this date; a date is its whole period (2024 overlaps 2024-06).",
)
UNTIL_OPT = click.option(
    "--until", type=PartialDateType(), default=None, help="Keep dated facts on or before this date (YYYY[-MM[-DD]])."
)


def _window_params(since: PartialDate | None, until: PartialDate | None) -> dict[str, str]:
    return {k: v.iso for k, v in (("since", since), ("until", until)) if v is not None}


def _query_backend(
    uri: str | None, reports: Sequence[Path], data_files: Sequence[Path], lite: bool = False
) -> tuple[Any, Any]:
    """Return ``(backend, driver to close or None)``: a Neo4j connection, or the graph built from the reports
    (``lite``: read from the build cache as asked, see :func:`_build`)."""
    if uri:
        from pftz.graph.neo4j_connect import connect  # the driver only when a server is named

        try:
            driver, db = connect(uri)
        except Neo4jError as e:
            raise _tls_hint(e, uri) from e
        return (driver, db), driver
    return _build(reports, data_files, lite=lite), None


def _plain(value: Any) -> Any:
    """A DataFrame cell as plain JSON data (NaN and pandas NA as None)."""
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if value is None or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, str | int | float | bool):
        return value  # plain already: no need to import pandas to say so
    import pandas as pd

    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return value.item() if hasattr(value, "item") else value


_DERIVED_MARK = "derived"


def _readable(df: Any, keys: bool = False) -> Any:
    """A query's frame made readable for a terminal; what it says about the rows goes to stderr.

    The subject of a profile (the first key and name columns, when every row has the same) is
    printed once above the table; the number of stated and derived rows is said first, and
    plainly when the report states nothing about the subject (every row derived); rows with
    dates are put in date order within their section; ``*_key`` columns are hidden unless
    ``keys``.
    """
    if df.empty:
        return df
    cols = list(df.columns)
    if len(cols) >= 2 and cols[0].endswith("_key") and len(df) > 1 and df[cols[0]].nunique(dropna=False) == 1:
        what = cols[0][: -len("_key")]
        subject = f"{df.iloc[0][cols[1]]} [{df.iloc[0][cols[0]]}]"
        _echo_err(f"{what}: {subject}")
        df = df.drop(columns=cols[:2])
        marked = [c for c in ("section", "fact") if c in df.columns]
        if marked:
            derived = int(df[marked[0]].astype(str).str.contains(_DERIVED_MARK).sum())
            stated = len(df) - derived
            _echo_err(f"{len(df):,} rows: {stated:,} stated by the report, {derived:,} derived")
            if not stated:
                _echo_err(f"the report states nothing about {subject}: every row is derived")
        if "section" in df.columns and "date" in df.columns:
            order = {v: i for i, v in enumerate(dict.fromkeys(df["section"]))}
            df = df.assign(_s=df["section"].map(order), _d=df["date"].fillna("\uffff"))
            df = df.sort_values(["_s", "_d"], kind="stable").drop(columns=["_s", "_d"])
    if not keys:
        df = df.drop(columns=[c for c in df.columns if c == "key" or c.endswith("_key")])
    return df.reset_index(drop=True)


def _echo_frame(df: Any, fmt: str, width: int = 60) -> None:
    from pftz.graph.exports_people import people_csv
    from pftz.queries.tables_files import flatten
    if fmt == "json":
        rows = [{c: _plain(v) for c, v in zip(df.columns, row, strict=True)} for row in df.itertuples(index=False)]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    if fmt == "csv":
        # lists joined with "; " and formula-safe cells, as in the files of pftz table
        click.echo(people_csv(flatten(df)), nl=False)
        return
    if df.empty:
        click.echo("(no rows)")
        return
    if sys.stdout.isatty():
        _echo_rich(df)
        return

    def cell(v: Any) -> str:
        v = _plain(v)
        text = "" if v is None else ", ".join(map(str, v)) if isinstance(v, list) else str(v)
        return _cut(" ".join(text.split()), width)

    click.echo(df.map(cell).to_string(index=False))


def _cell_text(v: Any, limit: int = 400) -> str:
    v = _plain(v)
    text = "" if v is None else "; ".join(map(str, v)) if isinstance(v, list) else str(v)
    return _cut(" ".join(text.split()), limit)


def rich_table(df: pd.DataFrame, width: int) -> str:
    """Render a frame as a table that fits ``width`` columns, long cells wrapped (rich).

    Cell text is passed as plain :class:`rich.text.Text`, so brackets in the
    report's text are never read as markup.
    """
    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=False)
    for c in df.columns:
        table.add_column(str(c), overflow="fold")
    for row in df.itertuples(index=False):
        table.add_row(*(Text(_cell_text(v)) for v in row))
    out = io.StringIO()
    Console(file=out, width=width, color_system=None, force_terminal=False).print(table)
    return out.getvalue()


def _echo_rich(df: pd.DataFrame) -> None:
    click.echo(rich_table(df, shutil.get_terminal_size().columns), nl=False)


@cli.command()
@click.argument("name", required=False)
@click.option("-p", "--param", "params", multiple=True, metavar="KEY=VALUE", help="A query parameter (repeatable).")
@click.option("--list", "list_queries", is_flag=True, help="List the named queries, their parameters and columns.")
@NEO4J_QUERY_OPT
@click.option("--format", "fmt", type=click.Choice(QUERY_FORMATS), default="table", show_default=True)
@KEYS_OPT
@SINCE_OPT
@UNTIL_OPT
@REPORT_OPT
@DATA_OPT
def query(
    name: str | None,
    params: tuple[str, ...],
    list_queries: bool,
    uri: str | None,
    fmt: str,
    keys: bool,
    since: PartialDate | None,
    until: PartialDate | None,
    reports: tuple[Path, ...],
    data_files: tuple[Path, ...],
) -> None:
    """Run a named query (queries/*.cypher) on the graph or on Neo4j and print its rows.

    \b
    Example:
        pftz query --list
        pftz query zone_profile -p zone=shanghai --since 2024
        pftz query province_profile -p province=shanxi
        pftz query diffusion_paths -p source=beijing -p target=chongqing --format csv
        NEO4J_PASSWORD=secret pftz query innovators --neo4j bolt://localhost:7687 --format json
    """
    from pftz import queries
    from pftz.queries.names import check_names

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
    values: dict[str, Any] = _parse_params(params)
    info = queries.load_query(name)  # an unknown name fails before the graph is built
    window = _window_params(since, until)
    if window and not {"since", "until"} <= {p.name for p in info.params}:
        timed = [q.name for q in queries.list_queries() if "since" in {p.name for p in q.params}]
        msg = f"query {name!r} has no time window; --since/--until work with: {', '.join(timed)}"
        raise click.UsageError(msg)
    values.update(window)
    backend, driver = _query_backend(uri, reports, data_files)
    try:
        check_names(name, backend, values)
        if name == "trace_innovation" and isinstance(values.get("words"), str):
            # the words find the measure by the ranked search, as pftz trace does
            best, others = queries.find_measure(backend, values["words"])
            if best is not None:
                values["words"] = best.key
            if others:
                _echo_err(_others_line(others))
        df = queries.run(name, backend, **values)
    finally:
        if driver is not None:
            driver.close()
    _echo_err(f"{name}: {len(df):,} rows")
    if fmt == "table":
        df = _readable(df, keys)
    _echo_frame(df, fmt)


def _echo_trace(rows: Sequence[Any], quote_width: int = 160) -> None:
    last: tuple[Any, ...] | None = None
    measure = None
    for row in rows:
        if row.measure_key != measure:
            if measure is not None:
                click.echo("")
                click.echo(f"the same as {measure}, per the report's wording (SAME_AS), followed:")
            measure = row.measure_key
            click.echo(f"{row.measure}")
            click.echo(f"  key {row.measure_key} · {row.kind}")
            last = None
        fact = (row.step, row.fact, row.node_label, row.node_key, row.detail, row.date)
        if fact != last:
            last = fact
            if row.step:
                parts = [f"{row.node} [{row.node_label} {row.node_key}]"]
                detail = _plain(row.detail)
                if detail is not None:
                    parts.append(_cut(" ".join(str(detail).split()), 100))
                if _plain(row.date) is not None:
                    parts.append(str(row.date))
                click.echo(f"{row.fact}: " + " · ".join(parts))
        if _plain(row.quote) is not None:
            quote = _cut(" ".join(str(row.quote).split()), quote_width)
            click.echo(f'    {row.source}:{_plain(row.line)}  "{quote}"')


@cli.command(name="search")
@click.argument("words")
@click.option("--label", "labels", multiple=True, type=click.Choice([label.value for label in Label]),
              help="Only nodes of this label (repeatable).")  # fmt: skip
@click.option("--limit", type=click.IntRange(min=1), default=10, show_default=True, help="How many candidates.")
@click.option("--keys", is_flag=True, help="Show the node keys in the terminal table.")
@NEO4J_QUERY_OPT
@click.option("--format", "fmt", type=click.Choice(QUERY_FORMATS), default="table", show_default=True)
@REPORT_OPT
@DATA_OPT
def search_(
    words: str,
    labels: tuple[str, ...],
    limit: int,
    keys: bool,
    uri: str | None,
    fmt: str,
    reports: tuple[Path, ...],
    data_files: tuple[Path, ...],
) -> None:
    """List the nodes that best match a few words, ranked: names and aliases first, evidence sentences last.

    Relevance is BM25 over every name, alias and printed variant of every node,
    its context phrases and (weaker) its evidence sentences, with typos
    tolerated; a key or a name typed in full comes first. Each candidate shows
    its kind, zone, batch, date and the line of the report it was read from.

    \b
    Example:
        pftz search "ship supervision and declaration"
        pftz search "shanghia" --label Zone
        pftz search "G.H. [2024] No. 156" --format csv
    """
    import pandas as pd

    from pftz.queries.search import SEARCH_COLUMNS, search, search_rows

    backend, driver = _query_backend(uri, reports, data_files, lite=True)
    try:
        hits = search(backend, words, labels=labels or None, limit=limit)
    finally:
        if driver is not None:
            driver.close()
    if not hits:
        msg = f"nothing matches {words!r} (words are matched with typos tolerated; try other words)"
        raise click.ClickException(msg)
    df = pd.DataFrame(search_rows(hits), columns=list(SEARCH_COLUMNS))
    if fmt != "json" and not keys:
        df = df.drop(columns=["key"])
    _echo_err(f"search {words!r}: {len(hits)} candidates, best first")
    _echo_frame(df, fmt)


@cli.command()
@click.argument("words")
@NEO4J_QUERY_OPT
@click.option("--format", "fmt", type=click.Choice(("text", *QUERY_FORMATS)), default="text", show_default=True)
@SINCE_OPT
@UNTIL_OPT
@REPORT_OPT
@DATA_OPT
def trace(
    words: str,
    uri: str | None,
    fmt: str,
    since: PartialDate | None,
    until: PartialDate | None,
    reports: tuple[Path, ...],
    data_files: tuple[Path, ...],
) -> None:
    """Trace an innovation: where it originated, which batch and documents carried it, who was
    responsible, where it was replicated and who adopted it, each fact with its evidence lines.

    WORDS are a few words of the measure's name, title or any wording the report prints for it
    (typos tolerated; the best match by pftz search is traced), or its key. The measures that match
    about as well are listed after the trace; measures the report words differently but that were
    linked as the same (SAME_AS) are traced too. With no match it says so and exits 1.

    \b
    Example:
        pftz trace "ship supervision and declaration"
        pftz trace "remanufactured products" --format csv
        pftz trace "smart form" --since 2024-01 --until 2024-12
        pftz trace national:pilot-measures:1:1 --neo4j bolt://localhost:7687
    """
    from pftz import queries

    backend, driver = _query_backend(uri, reports, data_files, lite=True)
    try:
        best, others = queries.find_measure(backend, words)
        found = None if best is None else queries.trace_rows(backend, best.key, since=since, until=until)
    finally:
        if driver is not None:
            driver.close()
    if best is None or found is None:
        msg = f"no measure matches {words!r}; pftz search {_shell_quote(words)} lists every kind of node that does"
        raise click.ClickException(msg)
    columns, rows = found
    if fmt == "text":
        from types import SimpleNamespace

        _echo_trace([SimpleNamespace(**dict(zip(columns, r, strict=True))) for r in rows])
        if others:
            click.echo("")
            click.echo(_others_line(others))
    else:
        from pftz.queries.twins_common import frame

        if others:
            _echo_err(_others_line(others))
        _echo_frame(frame(rows, columns), "table" if fmt == "table" else fmt)


@cli.command()
@click.argument("name", type=LazyChoice("pftz.queries.tables", "TABLES"))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write a .csv, .xlsx or .parquet file (by its extension) instead of printing.",
)
@click.option("--format", "fmt", type=click.Choice(QUERY_FORMATS), default="table", show_default=True)
@SINCE_OPT
@UNTIL_OPT
@REPORT_OPT
@DATA_OPT
@BOM_OPT
def table(
    name: str,
    output: Path | None,
    fmt: str,
    since: PartialDate | None,
    until: PartialDate | None,
    reports: tuple[Path, ...],
    data_files: tuple[Path, ...],
    bom: bool,
) -> None:
    """A flat table: one row per measure, adoption, document or zone, for a spreadsheet or a data frame.

    measures: key, title, level, batch, promoting documents, responsible bodies,
    origin zones, scope, replication and adoption dates, evidence lines.
    adoptions: who adopted what, when, and from which origin zones. documents
    and zones: one row each. List cells are "; "-joined in CSV and XLSX (and
    formula-safe) and native lists in Parquet. A CSV file starts with a UTF-8
    byte-order mark for Excel (--no-bom leaves it out); an XLSX file has a
    sheet named after the table (bold frozen header, filter, fitted widths)
    and an "about" sheet with the sources and the build. pftz build writes
    all four to out/tables/, and tables.xlsx with a sheet each.

    \b
    Example:
        pftz table measures -o measures.xlsx
        pftz table adoptions --since 2024-01 -o adoptions.csv
        pftz table zones -o zones.csv --no-bom
        pftz table zones --format csv | head
    """
    from pftz.queries import tables as qtables
    from pftz.queries.tables_common import left_out
    from pftz.queries.tables_files import about_rows, write_table

    if output is not None:
        check_not_an_input(output, _inputs(reports, data_files))
    G = _build(reports, data_files)
    df = qtables.table(name, G, since=since, until=until)
    undated = left_out(df)
    if undated is not None and undated[0]:
        _echo_err(
            f"{name}: the time window left out {undated[0]:,} {undated[1]}; "
            "a window keeps dated facts only: drop --since/--until to include them"
        )
    if output is not None:
        about = about_rows(G, {name: df}, since=since, until=until, reports=load_manifest())
        write_table(df, output, name=name, about=about, bom=bom)
        click.echo(f"wrote {output} ({len(df):,} rows, {len(df.columns)} columns)")
        return
    _echo_err(f"{name}: {len(df):,} rows")
    _echo_frame(df, fmt)
