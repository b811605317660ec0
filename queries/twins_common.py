"""What the NetworkX twins of the named queries share: Cypher's semantics on the graph in memory.

The twins (:mod:`queries.twins`) build their rows with these: :func:`frame` turns rows into the
DataFrame both backends return, :func:`order_rows` sorts as ``ORDER BY`` does, the graph access
helpers read nodes and relationships as ``MATCH`` does, and :func:`search_terms` and
:func:`search_score` split and score a search as the Cypher does. The module docstring of
:mod:`queries.twins` lists the Cypher semantics they reproduce.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from pftz.graph.index import index_of
from pftz.graph.periods import in_period_window
from pftz.graph.sqlite_graph import out_edges_of
from pftz.ground.names import SEARCH_DELIMITERS, search_words, word_score
from pftz.ground.schema import DATE_END, DATE_START, KEY, Label, Rel, node_id

if TYPE_CHECKING:  # pandas only when a frame is built; networkx only for the types
    import networkx as nx
    import pandas as pd

__all__ = [
    "DELIMITERS",
    "cypher_list_literal",
    "frame",
    "order_rows",
    "search_measures_rows",
    "search_score",
    "search_terms",
]

Row = list[Any]

DELIMITERS = SEARCH_DELIMITERS
"""Characters that separate search words, in the order of the Cypher list literal (:mod:`ground.names`)."""

_INT_RE = re.compile(r"[+-]?[0-9]+")
_FLOAT_RE = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")


# --------------------------------------------------------------------------- frames and order


def _series(values: list[Any]) -> pd.Series:
    import pandas as pd

    present = [v for v in values if v is not None]
    missing = len(present) < len(values)
    if present and all(isinstance(v, bool) for v in present):
        return pd.Series(values, dtype="boolean" if missing else bool)
    if present and all(isinstance(v, int) and not isinstance(v, bool) for v in present):
        return pd.Series(values, dtype="Int64" if missing else "int64")
    if present and all(isinstance(v, int | float) and not isinstance(v, bool) for v in present):
        return pd.Series([float("nan") if v is None else float(v) for v in values], dtype="float64")
    return pd.Series(values, dtype=object)


def frame(rows: Iterable[Sequence[Any]], columns: Sequence[str]) -> pd.DataFrame:
    """Build the DataFrame of a query's rows, the same way for both backends.

    Integer columns are ``int64`` (``Int64`` when a value is null), float
    columns ``float64`` (null as NaN), booleans ``bool`` (``boolean`` with
    nulls); everything else (strings, lists, mixed) is ``object`` with
    ``None`` for null.

    Parameters
    ----------
    rows
        Rows in column order.
    columns
        The column names.

    Returns
    -------
    pandas.DataFrame
        With a ``RangeIndex``.
    """
    import pandas as pd

    table = rows if isinstance(rows, list) else list(rows)  # read, never changed: no copy of a list
    data = {c: _series([r[i] for r in table]) for i, c in enumerate(columns)}
    return pd.DataFrame(data, columns=list(columns)).reset_index(drop=True)


def _sort_key(value: Any) -> tuple[Any, ...]:
    """Cypher's ascending order: nulls last, lists element by element."""
    if value is None:
        return (1,)
    if isinstance(value, list | tuple):
        return (0, tuple(_sort_key(v) for v in value))
    return (0, value)


def order_rows(rows: list[Row], spec: Sequence[tuple[int, bool]]) -> list[Row]:
    """Sort rows as ``ORDER BY`` does.

    Parameters
    ----------
    rows
        The rows.
    spec
        ``(column index, ascending)`` pairs, most significant first.
        Ascending puts nulls last, descending first (as Cypher does).

    Returns
    -------
    list
        The rows, sorted (stable).
    """
    out = list(rows)
    for col, ascending in reversed(spec):

        def key(row: Row, col: int = col) -> tuple[Any, ...]:
            return _sort_key(row[col])

        out.sort(key=key, reverse=not ascending)
    return out


def cypher_list_literal(values: Iterable[str]) -> str:
    """Write strings as a Cypher list literal (the form the ``.cypher`` files use for :data:`DELIMITERS`)."""
    escapes = {"\t": "\\t", "\n": "\\n", "\r": "\\r", "'": "\\'", "\\": "\\\\", "\u00a0": "\\u00A0"}
    escapes["\u3000"] = "\\u3000"
    return "[" + ", ".join("'" + escapes.get(v, v) + "'" for v in values) + "]"


# --------------------------------------------------------------------------- graph access


def _d(G: nx.MultiDiGraph, n: Any) -> Mapping[str, Any]:
    data: Mapping[str, Any] = G.nodes[n]
    return data


def _label(G: nx.MultiDiGraph, n: Any) -> str | None:
    return _d(G, n).get("label")


def _key(G: nx.MultiDiGraph, n: Any) -> Any:
    return _d(G, n).get(KEY)


def _nodes(G: nx.MultiDiGraph, label: Label) -> list[Any]:
    return index_of(G).nodes(label)


def _out(G: nx.MultiDiGraph, n: Any, rel: Rel, label: Label | None = None) -> list[tuple[Any, Mapping[str, Any]]]:
    return [(v, d) for _, v, d in out_edges_of(G, n, rel.value) if label is None or _label(G, v) == label.value]


def _in(G: nx.MultiDiGraph, n: Any, rel: Rel, label: Label | None = None) -> list[tuple[Any, Mapping[str, Any]]]:
    return [(u, d) for u, _, d in out_edges_of(G, n, rel.value, "v") if label is None or _label(G, u) == label.value]


def _distinct(nodes: Iterable[Any]) -> list[Any]:
    return list(dict.fromkeys(nodes))


def _find(G: nx.MultiDiGraph, label: Label, key: Any) -> Any | None:
    """The node of ``label`` with ``key`` (what ``MATCH (n:Label {key: $k})`` finds), or None."""
    if not isinstance(key, str):
        return None
    nid = node_id(label, key)
    if nid in G and _label(G, nid) == label.value:
        return nid
    return index_of(G).find(label, key)  # graphs whose node ids are not node_id()


def _lower(value: Any) -> str:
    return value.lower() if isinstance(value, str) else ""


def _to_integer(value: Any) -> int | None:
    """Cypher's ``toInteger`` on a string: an integer, a truncated float, else null."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value)
    if not isinstance(value, str):
        return None
    if _INT_RE.fullmatch(value):
        return int(value)
    if _FLOAT_RE.fullmatch(value):
        return int(float(value))
    return None


def _cypher_min(values: Iterable[Any]) -> Any:
    present = [v for v in values if v is not None]
    return min(present) if present else None


# --------------------------------------------------------------------------- time windows


def _kept(period: Mapping[str, Any] | None, date: Any, since: str | None, until: str | None) -> bool:
    """Whether a fact stays in a time window (:func:`graph.periods.in_period_window`): one comparison."""
    return in_period_window(period, date, since, until)


def _span(periods: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """The period from the first start to the last end of several (``min``/``max`` in the Cypher)."""
    starts = [p.get(DATE_START) for p in periods]
    ends = [p.get(DATE_END) for p in periods]
    return {DATE_START: _cypher_min(starts), DATE_END: max((e for e in ends if e is not None), default=None)}


# --------------------------------------------------------------------------- provenance


def _evidence(prov: Any) -> list[tuple[Any, Any, Any]]:
    """``(source, line, quote)`` of each distinct provenance entry, ``[(None, None, None)]`` if none.

    What the Cypher cuts out of the JSON strings: ``line`` only when it is a
    number (``toInteger`` of its JSON text), ``source`` and ``quote`` only when
    they are strings.
    """
    entries = prov if isinstance(prov, list | tuple) else ([] if prov is None else [prov])
    seen: dict[str, Mapping[str, Any]] = {}
    for p in entries:
        if isinstance(p, Mapping):
            seen.setdefault(json.dumps(p, sort_keys=True, ensure_ascii=False, default=str), p)
    if not seen:
        return [(None, None, None)]
    out = []
    for p in seen.values():
        line = p.get("line")
        line = _to_integer(line) if isinstance(line, int | float) and not isinstance(line, bool) else None
        source, quote = p.get("source"), p.get("quote")
        out.append((source if isinstance(source, str) else None, line, quote if isinstance(quote, str) else None))
    return out


# --------------------------------------------------------------------------- text search


def search_terms(words: str) -> list[str]:
    """Split a search into its words, as the Cypher does (:func:`ground.names.search_words`)."""
    return search_words(words)


def search_score(words: Sequence[str], name: Any, title: Any, text: Any) -> int | None:
    """Score a measure for a search, or None if it does not match (:func:`ground.names.word_score`).

    ``name``, ``title`` and ``text`` are the properties the ``measure_text``
    full-text index holds. In Neo4j the full-text index finds the candidates
    first, with the Lucene query ``+*w1* +*w2* ...``. An ASCII
    letter-and-digit word inside a text always lies inside one token of the
    standard analyzer, so the candidates include every measure the rule
    accepts, and the rule then gives the same rows on both backends; ties are
    broken by key.

    Examples
    --------
    >>> search_score(["reform", "m", "7526"], "Measure m-7526", "Reform m-7526", None)
    14
    """
    return word_score(words, name, title, text)


def _matches(G: nx.MultiDiGraph, words: str) -> list[tuple[Any, int]]:
    terms = search_terms(words)
    if not terms:
        return []
    out = []
    for n in index_of(G).measures_with(terms):
        d = _d(G, n)
        score = search_score(terms, d.get("name"), d.get("title"), d.get("text"))
        if score is not None:
            out.append((n, score))
    return out


def search_measures_rows(G: nx.MultiDiGraph, words: str) -> list[Row]:
    """Twin of ``search_measures``."""
    rows = [[_key(G, n), _d(G, n).get("name"), _d(G, n).get("kind"), s] for n, s in _matches(G, words)]
    return order_rows(rows, [(3, False), (0, True)])


def _best_measure(G: nx.MultiDiGraph, words: str) -> Any | None:
    exact = _find(G, Label.MEASURE, words)
    if exact is not None:
        return exact
    ranked = order_rows([[n, _key(G, n), s] for n, s in _matches(G, words)], [(2, False), (1, True)])
    return ranked[0][0] if ranked else None
