"""Named Cypher queries over the policy graph, each with a NetworkX twin.

Every query is a ``.cypher`` file in this package, runnable as it is in Neo4j
Browser (set its parameters first with ``:params {words: 'smart form'}``). A
header of ``//`` comments names and describes it::

    // name: zone_profile
    // description: A zone's innovations, the documents that name it, ...
    // params: zone (str) — a zone key or name
    // params: max_hops (int, default 3) — one ``params`` line per parameter
    // columns: zone_key, zone, section, ...
    // example: zone=shanghai

Values reach Cypher only as ``$parameters``. Every query ends in an
``ORDER BY`` that fixes the order of its rows, and its twin in
:mod:`queries.twins` computes the same rows in the same order on a NetworkX
graph, so :func:`run` returns equal DataFrames on both backends (the parity
test in ``tests/test_queries.py`` checks it against a real Neo4j).

Examples
--------
>>> from pftz.queries import list_queries, run
>>> [q.name for q in list_queries()][:2]
['alliances', 'batch_reach']

With a graph ``G`` (:func:`graph.build.graph_from_reports`) or a Neo4j driver::

    run("zone_profile", G, zone="shanghai")
    run("zone_profile", (driver, "neo4j"), zone="shanghai")
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias

from rapidfuzz import fuzz, process

from pftz.graph.sqlite_graph import is_graph
from pftz.ground.dates import PartialDate
from pftz.ground.errors import Neo4jError, QueryError
from pftz.ground.names import search_problem
from pftz.ground.schema import LINKED, Label, Rel
from pftz.queries.search import Hit, close_hits, search
from pftz.queries.twins import TWINS
from pftz.queries.twins_common import frame, search_terms

if TYPE_CHECKING:  # neo4j imports pandas: both only when a query needs them; networkx only for the types
    import neo4j
    import networkx as nx
    import pandas as pd

__all__ = [
    "QUERY_DIR",
    "Param",
    "QueryInfo",
    "browser_params",
    "catalogue_markdown",
    "find_measure",
    "list_queries",
    "load_query",
    "parse_header",
    "run",
    "run_rows",
    "suggest_measures",
    "trace",
    "trace_rows",
]

QUERY_DIR = Path(__file__).resolve().parent
"""The folder holding the ``.cypher`` files."""

Backend: TypeAlias = "nx.Graph | neo4j.Driver | tuple[neo4j.Driver, str]"
"""What :func:`run` accepts: a NetworkX graph, a Neo4j driver, or a ``(driver, database)`` pair."""


def _date(value: Any) -> str:
    """A ``date`` parameter: a partial ISO date, passed on in its ISO form."""
    return PartialDate.parse(value).iso


_TYPES: dict[str, Callable[[Any], Any]] = {"str": str, "int": int, "date": _date}
NULL_DEFAULT = "null"
"""A ``params`` line's ``default null``: the parameter may be left out, and is then null."""
_HEADER_RE = re.compile(r"^//\s*(name|description|params|columns|example):\s*(.*?)\s*$")
_PARAM_RE = re.compile(
    r"^(?P<name>[A-Za-z_]\w*)\s*\((?P<type>str|int|date)(?:,\s*default\s+(?P<default>[^)]*))?\)\s*(?:—|--|-)\s*(?P<desc>.+)$"
)


@dataclass(frozen=True, slots=True)
class Param:
    """One parameter of a named query.

    Parameters
    ----------
    name
        The ``$name`` the Cypher uses.
    type
        ``"str"``, ``"int"`` or ``"date"`` (a partial ISO date, ``2024``,
        ``2024-06`` or ``2024-06-30``); :func:`run` converts values to it.
    description
        What to pass.
    default
        The value :func:`run` uses when none is given; None if required.
    optional
        True for ``default null``: the parameter may be left out and is null.
    """

    name: str
    type: str
    description: str
    default: Any = None
    optional: bool = False

    @property
    def required(self) -> bool:
        """Whether a value must be given."""
        return self.default is None and not self.optional


@dataclass(frozen=True, slots=True)
class QueryInfo:
    """A named query read from its ``.cypher`` file.

    Parameters
    ----------
    name
        The query's name (the file's stem).
    description
        One or more sentences from the header.
    params
        Its parameters, in header order.
    columns
        The columns it returns, in order.
    path
        The ``.cypher`` file.
    cypher
        The file's whole text (header included: Neo4j ignores ``//`` comments).
    example
        Representative parameter values from the ``// example:`` line.
    """

    name: str
    description: str
    params: tuple[Param, ...]
    columns: tuple[str, ...]
    path: Path
    cypher: str
    example: Mapping[str, str] = field(default_factory=dict)


def parse_header(text: str, path: Path) -> QueryInfo:
    """Read the ``//`` header of a ``.cypher`` file.

    Parameters
    ----------
    text
        The file's text.
    path
        The file (for messages and :attr:`QueryInfo.path`).

    Returns
    -------
    QueryInfo

    Raises
    ------
    QueryError
        The header lacks ``name``, ``description`` or ``columns``, the name is
        not the file's stem, or a ``params`` line is malformed.
    """
    fields: dict[str, list[str]] = {}
    for line in text.splitlines():
        if not line.strip():
            continue
        if not line.lstrip().startswith("//"):
            break
        m = _HEADER_RE.match(line.strip())
        if m:
            fields.setdefault(m.group(1), []).append(m.group(2))
        elif fields.get("description") and line.strip().startswith("//  "):
            fields["description"][-1] += " " + line.strip()[2:].strip()
    problems = [f"no '// {k}:' line" for k in ("name", "description", "columns") if not fields.get(k)]
    name = (fields.get("name") or [""])[0]
    if name and name != path.stem:
        problems.append(f"name {name!r} is not the file name {path.stem!r}")
    params: list[Param] = []
    for raw in fields.get("params", []):
        if raw.lower() == "none":
            continue
        m = _PARAM_RE.match(raw)
        if not m:
            problems.append(f"params line {raw!r} is not 'NAME (TYPE[, default VALUE]) — DESCRIPTION'")
            continue
        default = m.group("default")
        if default is not None and default.strip() == NULL_DEFAULT:
            params.append(Param(m.group("name"), m.group("type"), m.group("desc").strip(), None, optional=True))
            continue
        params.append(
            Param(
                m.group("name"),
                m.group("type"),
                m.group("desc").strip(),
                None if default is None else _TYPES[m.group("type")](default.strip()),
            )
        )
    example: dict[str, str] = {}
    for raw in fields.get("example", []):
        for part in raw.split(";"):
            key, sep, value = part.partition("=")
            if sep:
                example[key.strip()] = value.strip()
    if problems:
        msg = f"{path.name}: bad query header: " + "; ".join(problems)
        raise QueryError(msg)
    columns = tuple(c.strip() for c in fields["columns"][0].split(",") if c.strip())
    return QueryInfo(
        name=name,
        description=" ".join(fields["description"]),
        params=tuple(params),
        columns=columns,
        path=path,
        cypher=text,
        example=example,
    )


@cache
def _catalogue() -> dict[str, QueryInfo]:
    out: dict[str, QueryInfo] = {}
    for path in sorted(QUERY_DIR.glob("*.cypher")):
        info = parse_header(path.read_text(encoding="utf-8"), path)
        out[info.name] = info
    return out


def list_queries() -> list[QueryInfo]:
    """Return every named query, sorted by name.

    Returns
    -------
    list[QueryInfo]

    Raises
    ------
    QueryError
        A ``.cypher`` file has a broken header.
    """
    return list(_catalogue().values())


def load_query(name: str) -> QueryInfo:
    """Return one named query.

    Parameters
    ----------
    name
        Its name, e.g. ``"trace_innovation"``.

    Returns
    -------
    QueryInfo

    Raises
    ------
    QueryError
        No query has that name; the message lists the names.
    """
    queries = _catalogue()
    if name not in queries:
        close = process.extract(name, list(queries), scorer=fuzz.WRatio, limit=3, score_cutoff=60)
        hint = f"did you mean: {', '.join(c for c, *_ in close)}? " if close else ""
        msg = f"unknown query {name!r}; {hint}the queries are: {', '.join(queries)}"
        raise QueryError(msg)
    return queries[name]


def _bind(info: QueryInfo, given: Mapping[str, Any]) -> dict[str, Any]:
    """Check and convert the parameters of a call; fill in defaults."""
    declared = {p.name: p for p in info.params}
    problems = [f"unknown parameter {k!r}" for k in given if k not in declared]
    out: dict[str, Any] = {}
    for p in info.params:
        if p.name not in given or given[p.name] is None:
            if p.required:
                problems.append(f"missing parameter {p.name!r} ({p.type}: {p.description})")
            else:
                out[p.name] = p.default
            continue
        value = given[p.name]
        if p.type == "int" and isinstance(value, bool):
            problems.append(f"parameter {p.name!r} must be an int, not {value!r}")
            continue
        try:
            out[p.name] = _TYPES[p.type](value)
        except (TypeError, ValueError):
            article = "a" if p.type == "date" else "an"
            what = f"{article} {p.type}" + (" (YYYY, YYYY-MM or YYYY-MM-DD)" if p.type == "date" else "")
            problems.append(f"parameter {p.name!r} must be {what}, not {value!r}")
            continue
        if p.name == "words" and isinstance(out[p.name], str) and (bad := search_problem(out[p.name])):
            problems.append(f"parameter 'words': {bad}")
    if problems:
        expected = ", ".join(f"{p.name} ({p.type})" for p in info.params) or "none"
        msg = f"query {info.name!r}: " + "; ".join(problems) + f" (its parameters: {expected})"
        raise QueryError(msg)
    return out


def _database(database: str | None) -> str:

    from pftz.graph.neo4j_connect import DEFAULT_DATABASE

    return database or os.environ.get("NEO4J_DATABASE") or DEFAULT_DATABASE


def _plain(value: Any) -> Any:
    """A value as the twins give it: a path as its node keys and relationship types in path order."""
    import neo4j  # only on the Neo4j backend, where it is loaded already

    if isinstance(value, neo4j.graph.Path):
        out: list[Any] = [value.start_node.get("key")]
        for rel, node in zip(value.relationships, value.nodes[1:], strict=True):
            out += [rel.type, node.get("key")]
        return out
    if isinstance(value, neo4j.graph.Node):
        return value.get("key")
    if isinstance(value, neo4j.graph.Relationship):
        return value.type
    return value


def _run_neo4j(info: QueryInfo, driver: neo4j.Driver, database: str, params: dict[str, Any]) -> pd.DataFrame:
    import neo4j
    from neo4j import exceptions as neo4j_exc

    def transform(result: neo4j.Result) -> tuple[list[str], list[list[Any]]]:
        return list(result.keys()), [[_plain(v) for v in r.values()] for r in result]

    try:
        keys, rows = driver.execute_query(
            info.cypher,
            params,
            database_=database,
            routing_=neo4j.RoutingControl.READ,
            result_transformer_=transform,
        )
    except neo4j_exc.Neo4jError as e:
        msg = f"query {info.name!r} failed on Neo4j: {e.code}: {e.message}"
        raise Neo4jError(msg) from e
    except (neo4j_exc.DriverError, OSError) as e:
        msg = f"query {info.name!r} could not run on Neo4j: {type(e).__name__}: {e}"
        raise Neo4jError(msg) from e
    if keys and tuple(keys) != info.columns:
        msg = f"query {info.name!r} returned columns {keys}, not the header's {list(info.columns)}"
        raise QueryError(msg)
    return frame(rows, info.columns)


def _twin_rows(info: QueryInfo, G: nx.Graph, bound: dict[str, Any]) -> list[list[Any]]:
    twin = TWINS.get(info.name)
    if twin is None:
        msg = f"query {info.name!r} has no NetworkX twin"
        raise QueryError(msg)
    return twin(G, **bound)


def run_rows(name: str, G: nx.Graph, /, **params: Any) -> tuple[tuple[str, ...], list[list[Any]]]:
    """Run a named query's NetworkX twin and return its columns and rows as plain lists (no pandas).

    The rows of :func:`run` on a graph, before they become a DataFrame: what a
    command that prints a few lines needs, without the import of pandas.

    Parameters
    ----------
    name
        The query.
    G
        The graph.
    **params
        As for :func:`run`.

    Returns
    -------
    tuple
        The columns and the rows (null is None).
    """
    info = load_query(name)
    return info.columns, _twin_rows(info, G, _bind(info, params))


def run(name: str, backend: Backend, /, **params: Any) -> pd.DataFrame:
    """Run a named query on a NetworkX graph or on Neo4j.

    Parameters
    ----------
    name
        The query (see :func:`list_queries`).
    backend
        Where to run it: a NetworkX graph (the query's twin in
        :mod:`queries.twins` runs), an open :class:`neo4j.Driver` (the Cypher
        runs in a read transaction on ``NEO4J_DATABASE``, default ``neo4j``),
        or a ``(driver, database)`` pair as :func:`graph.neo4j_connect.connect`
        returns.
    **params
        The query's parameters; values are converted to the declared types
        (so ``"3"`` is fine for an ``int``). They reach Cypher only as
        parameters, never as query text.

    Returns
    -------
    pandas.DataFrame
        The header's columns in order, rows in the query's order, a
        ``RangeIndex``. Both backends give equal frames on the same graph.

    Raises
    ------
    QueryError
        Unknown query (the message lists the names), a missing or unknown
        parameter, a value of the wrong type, or a backend that is neither.
    Neo4jError
        The server failed or went away.
    """
    info = load_query(name)
    bound = _bind(info, params)
    if is_graph(backend):
        return frame(_twin_rows(info, backend, bound), info.columns)
    import neo4j

    if isinstance(backend, tuple) and len(backend) == 2 and isinstance(backend[0], neo4j.Driver):
        return _run_neo4j(info, backend[0], _database(backend[1]), bound)
    if isinstance(backend, neo4j.Driver):
        return _run_neo4j(info, backend, _database(None), bound)
    msg = f"cannot run query {name!r} on a {type(backend).__name__}: pass a NetworkX graph or a Neo4j driver"
    raise QueryError(msg)


def find_measure(backend: Backend, words: str) -> tuple[Hit | None, list[Hit]]:
    """The measure that best matches a few words, and the others that score close to it.

    Parameters
    ----------
    backend
        As for :func:`run`.
    words
        A few words of the measure's name, title or aliases (typos tolerated), or its key.

    Returns
    -------
    tuple
        The best hit (None when nothing matches) and the close ones
        (:func:`queries.search.close_hits`), best first.
    """
    hits = search(backend, words, labels=[Label.MEASURE], limit=10)
    return (hits[0], close_hits(hits)) if hits else (None, [])


def trace(
    backend: Backend,
    words: str,
    *,
    since: PartialDate | str | None = None,
    until: PartialDate | str | None = None,
    follow_same_as: bool = True,
) -> pd.DataFrame:
    """Return the trace of the measure that best matches a few words (``trace_innovation``).

    The measure is found by the ranked search (:func:`find_measure`); the trace
    runs on its key, so both backends trace the same measure. A measure linked
    to it as one innovation (``SAME_AS`` with ``status`` ``linked``: another
    wording the report prints, :func:`graph.resolve.link_narrative_rows`) is
    merged into the answer: its facts and evidence become the traced measure's
    (its ``measure_key``), in the same order. Measures only possibly the same
    (``status`` ``uncertain``) are traced too and their rows follow (their
    ``measure_key`` tells them apart).

    Parameters
    ----------
    backend
        As for :func:`run`.
    words
        A few words of the measure's name, title or aliases, or its exact key.
    since, until
        A time window: dated facts are kept when their period overlaps it;
        undated facts (origin, responsible bodies) stay.
    follow_same_as
        Also trace the measures linked by ``SAME_AS``.

    Returns
    -------
    pandas.DataFrame
        One row per fact and evidence line; empty when no measure matches.
    """
    columns, rows = trace_rows(backend, words, since=since, until=until, follow_same_as=follow_same_as)
    return frame(rows, columns)


_TRACE_ORDER = ("step", "date", "node_label", "node_key", "detail", "line", "quote", "source")
"""The order of ``trace_innovation``'s rows (its ORDER BY), kept when linked wordings are merged."""


def _trace_key(backend: Backend, key: str, window: Mapping[str, Any]) -> tuple[tuple[str, ...], list[list[Any]]]:
    if is_graph(backend):
        return run_rows("trace_innovation", backend, words=key, **window)
    df = run("trace_innovation", backend, words=key, **window)
    rows = [[None if v is None or (isinstance(v, float) and v != v) or str(v) == "<NA>" else v for v in r]
            for r in df.astype(object).itertuples(index=False)]  # fmt: skip
    return tuple(df.columns), rows


def trace_rows(
    backend: Backend,
    words: str,
    *,
    since: PartialDate | str | None = None,
    until: PartialDate | str | None = None,
    follow_same_as: bool = True,
) -> tuple[tuple[str, ...], list[list[Any]]]:
    """:func:`trace` as columns and plain rows; on a graph without building a DataFrame (no pandas).

    Returns
    -------
    tuple
        The columns of ``trace_innovation`` and its rows (null is None); no rows when nothing matches.
    """
    from pftz.queries.twins_common import order_rows

    best, _ = find_measure(backend, words)
    info = load_query("trace_innovation")
    if best is None:
        return info.columns, []
    window = {"since": since, "until": until}
    columns, rows = _trace_key(backend, best.key, window)
    if not follow_same_as or not rows:
        return columns, rows
    at = {c: i for i, c in enumerate(columns)}
    head = rows[0][at["measure_key"]], rows[0][at["measure"]], rows[0][at["kind"]]
    merged, followed = list(rows), []
    done = {best.key}
    queue = [r for r in rows if r[at["relation"]] == Rel.SAME_AS.value]
    while queue:
        same = queue.pop(0)
        key = str(same[at["node_key"]])
        if key in done:
            continue
        done.add(key)
        more = _trace_key(backend, key, window)[1]
        if same[at["detail"]] != LINKED or same[at["measure_key"]] != head[0]:
            followed += more  # possibly the same: its own trace, after
            continue
        for r in more:  # one innovation: the other wording's facts are the traced measure's
            if r[at["relation"]] == Rel.SAME_AS.value and r[at["node_key"]] in done:
                continue  # the link back
            r[at["measure_key"]], r[at["measure"]], r[at["kind"]] = head
            merged.append(r)
            if r[at["relation"]] == Rel.SAME_AS.value:
                queue.append(r)
    merged = order_rows(merged, [(at[c], True) for c in _TRACE_ORDER])
    return columns, merged + followed


def suggest_measures(backend: Backend, words: str, limit: int = 5) -> pd.DataFrame:
    """Suggest measures for a search that matched none: those matching the most single words.

    Runs ``search_measures`` once per word of ``words`` and ranks measures by
    how many words they match, then by their best single-word score and key.

    Parameters
    ----------
    backend
        As for :func:`run`.
    words
        The search that found nothing.
    limit
        At most this many suggestions.

    Returns
    -------
    pandas.DataFrame
        Columns ``measure_key``, ``measure``, ``kind``, ``words`` (how many
        of the words it matches).
    """

    hits: dict[str, dict[str, Any]] = {}
    for word in dict.fromkeys(search_terms(words)):
        df = run("search_measures", backend, words=word)
        for row in df.itertuples(index=False):
            h = hits.setdefault(
                str(row.measure_key),
                {"measure_key": row.measure_key, "measure": row.measure, "kind": row.kind, "words": 0, "best": 0},
            )
            h["words"] += 1
            h["best"] = max(h["best"], int(str(row.score)))
    ranked = sorted(hits.values(), key=lambda h: (-h["words"], -h["best"], h["measure_key"]))[:limit]
    import pandas as pd

    return pd.DataFrame(
        [[h["measure_key"], h["measure"], h["kind"], h["words"]] for h in ranked],
        columns=["measure_key", "measure", "kind", "words"],
    )


def browser_params(info: QueryInfo) -> str:
    """Return the one ``:params`` line that sets every parameter of a query's example in Neo4j Browser.

    One map sets them all at once, null ones included (``:params {zone: 'shanghai', since: null}``):
    the Browser runs it from a single click, where a block of several ``:param x => null`` lines
    leaves its editor empty. A query without parameters gets ``""``.

    Parameters
    ----------
    info
        The query.

    Returns
    -------
    str
    """
    entries = []
    for p in info.params:
        value = info.example.get(p.name, p.default)
        if value is None:
            entries.append(f"{p.name}: null")  # Neo4j needs every parameter the query names, null included
        elif p.type == "int":
            entries.append(f"{p.name}: {int(value)}")
        else:
            escaped = str(value).replace("\\", "\\\\").replace("'", "\\'")
            entries.append(f"{p.name}: '{escaped}'")
    return ":params {" + ", ".join(entries) + "}" if entries else ""


def catalogue_markdown() -> str:
    """Return the query catalogue in Markdown (``docs/queries.md``).

    One section per query: description, parameters, columns, how to set the
    example parameters in Neo4j Browser, and the Cypher.

    Returns
    -------
    str
    """
    out = [
        "# Query catalogue",
        "",
        "Generated from `queries/*.cypher` by `pftz docs`; do not edit by hand.",
        "",
        "Every query runs unchanged in Neo4j Browser (set the parameters first with its `:params` line), "
        "from Python with `queries.run(name, G_or_driver, **params)`, and from the command line with "
        "`pftz query NAME -p key=value [--neo4j URI]`. Each has a NetworkX twin in `queries/twins.py` "
        "that returns the same rows in the same order.",
        "",
        "| query | parameters | description |",
        "|---|---|---|",
    ]
    for info in list_queries():
        params = ", ".join(f"`{p.name}`" for p in info.params) or "-"
        out.append(f"| [`{info.name}`](#{info.name}) | {params} | {info.description} |")
    for info in list_queries():
        out += ["", f"## {info.name}", "", info.description, "", "Parameters:", ""]
        if info.params:
            for p in info.params:
                default = "" if p.required else f", default `{NULL_DEFAULT if p.optional else p.default}`"
                out.append(f"- `{p.name}` ({p.type}{default}): {p.description}")
        else:
            out.append("- none")
        out += ["", "Columns: " + ", ".join(f"`{c}`" for c in info.columns), ""]
        browser = [browser_params(info)] if info.params else []
        example = " ".join(f"-p {k}={v!r}" if " " in v else f"-p {k}={v}" for k, v in info.example.items())
        out += ["Example:", "", "```", f"pftz query {info.name} {example}".rstrip(), *browser, "```", ""]
        out += ["```cypher", info.cypher.rstrip(), "```"]
    return "\n".join(out) + "\n"
