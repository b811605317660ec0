"""Clear answers for wrong names: a parameter that names no zone, province, body or document.

A named query given a zone that does not exist returns no rows, which looks
like "nothing happened there". :func:`check_names` looks every name-like
parameter up first, as the query would match it, and raises
:class:`~ground.errors.QueryError` with "did you mean" suggestions
(rapidfuzz over the keys, names, Chinese names, numbers and aliases of the
nodes of that label) when it names nothing; it also says when the name is
a node of another kind (``ningxia`` is a province, not a zone).

Examples
--------
>>> suggest("shangai", [("shanghai", "Shanghai PFTZ"), ("tianjin", "Tianjin PFTZ")])
['shanghai (Shanghai PFTZ)']
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import neo4j
import networkx as nx
from rapidfuzz import fuzz, process, utils

from pftz.ground.errors import Neo4jError, QueryError
from pftz.ground.schema import ALIAS_SEPARATOR, ALIASES, KEY, Label, RegionKind

__all__ = ["NAMED_PARAMS", "Lookup", "check_name", "check_names", "entity_names", "suggest"]


@dataclass(frozen=True, slots=True)
class Lookup:
    """How a query matches one parameter.

    Parameters
    ----------
    what
        The word for the kind of node in messages ("zone").
    label
        The node label.
    kind
        Only nodes of this ``kind`` (provinces among regions), or None.
    by_name
        The query also matches the name, case-insensitively.
    by_number
        The query also matches a document's printed number.
    """

    what: str
    label: Label
    kind: str | None = None
    by_name: bool = True
    by_number: bool = False


ZONE = Lookup("zone", Label.ZONE)
ZONE_KEY = Lookup("zone", Label.ZONE, by_name=False)
PROVINCE = Lookup("province", Label.REGION, kind=RegionKind.PROVINCE.value)
DOCUMENT = Lookup("document", Label.DOCUMENT, by_name=False, by_number=True)
BODY = Lookup("body", Label.ISSUING_BODY)

NAMED_PARAMS: dict[tuple[str, str], Lookup] = {
    ("zone_profile", "zone"): ZONE,
    ("province_profile", "province"): PROVINCE,
    ("diffusion_paths", "source"): ZONE_KEY,
    ("diffusion_paths", "target"): ZONE_KEY,
    ("pilot_regions", "document"): DOCUMENT,
}
"""The parameters of the named queries that name a node, and how each query matches them."""

OTHER_KINDS: tuple[Lookup, ...] = (ZONE, PROVINCE, DOCUMENT, BODY)


def entity_names(backend: Any, label: Label) -> list[dict[str, Any]]:
    """The key, name, kind, number, Chinese name and aliases of every node of a label.

    Parameters
    ----------
    backend
        A NetworkX graph, a Neo4j driver or a ``(driver, database)`` pair.
    label
        A schema label (the only thing that reaches query text).

    Returns
    -------
    list of dict
    """
    fields = (KEY, "name", "kind", "number", "name_zh", ALIASES)
    if isinstance(backend, nx.Graph):
        return [
            {f: d.get(f) for f in fields} for _, d in backend.nodes(data=True) if d.get("label") == Label(label).value
        ]
    driver, database = backend if isinstance(backend, tuple) else (backend, None)
    query = f"MATCH (n:`{Label(label).value}`) RETURN " + ", ".join(f"n.{f} AS {f}" for f in fields)
    try:
        records, _, _ = driver.execute_query(query, database_=database, routing_=neo4j.RoutingControl.READ)
    except neo4j.exceptions.Neo4jError as e:
        msg = f"could not read the {label} names from Neo4j: {e.code}: {e.message}"
        raise Neo4jError(msg) from e
    except (neo4j.exceptions.DriverError, OSError) as e:
        msg = f"could not read the {label} names from Neo4j: {type(e).__name__}: {e}"
        raise Neo4jError(msg) from e
    return [dict(r) for r in records]


def _matches(lookup: Lookup, node: Mapping[str, Any], value: str) -> bool:
    if lookup.kind is not None and node.get("kind") != lookup.kind:
        return False
    if node.get(KEY) == value:
        return True
    name = node.get("name")
    if lookup.by_name and isinstance(name, str) and name.lower() == value.lower():
        return True
    return lookup.by_number and node.get("number") == value


def _spellings(node: Mapping[str, Any]) -> list[str]:
    out = [node.get(KEY), node.get("name"), node.get("number"), node.get("name_zh")]
    aliases = node.get(ALIASES)
    if isinstance(aliases, str):
        out += aliases.split(ALIAS_SEPARATOR)
    return [s for s in out if isinstance(s, str) and s.strip()]


def suggest(value: str, candidates: Iterable[tuple[str, str | None]], limit: int = 3, cutoff: float = 60) -> list[str]:
    """The candidates closest to a misspelt name, best first.

    Parameters
    ----------
    value
        What was typed.
    candidates
        ``(key, spelling)`` pairs: every key, name or alias of every node.
    limit
        At most this many suggestions (one per key).
    cutoff
        The lowest rapidfuzz ``WRatio`` score (0-100) to suggest.

    Returns
    -------
    list of str
        ``"key (spelling)"``, or just the key when the spelling is the key.
    """
    pairs = [(k, s if s is not None else k) for k, s in candidates]
    hits = process.extract(
        value, [s for _, s in pairs], scorer=fuzz.WRatio, processor=utils.default_process, limit=None,
        score_cutoff=cutoff,
    )  # fmt: skip
    best: dict[str, tuple[float, str]] = {}
    for spelling, score, i in hits:
        key = pairs[i][0]
        if key not in best or score > best[key][0]:
            best[key] = (score, spelling)
    ranked = sorted(best.items(), key=lambda kv: (-kv[1][0], kv[0]))[:limit]
    return [k if s == k else f"{k} ({s})" for k, (_, s) in ranked]


def check_name(backend: Any, lookup: Lookup, value: str, param: str | None = None) -> None:
    """Raise a :class:`QueryError` with suggestions if ``value`` names no node as ``lookup`` matches it.

    Raises
    ------
    QueryError
        "no zone 'shangai'; did you mean: shanghai (Shanghai PFTZ)?"
    """
    nodes = entity_names(backend, lookup.label)
    if any(_matches(lookup, n, value) for n in nodes):
        return
    eligible = [n for n in nodes if lookup.kind is None or n.get("kind") == lookup.kind]
    found = suggest(value, ((str(n.get(KEY)), s) for n in eligible for s in _spellings(n)))
    where = f" (parameter {param})" if param else ""
    msg = f"no {lookup.what} {value!r}{where}"
    msg += f"; did you mean: {', '.join(found)}?" if found else f"; no {lookup.what} has a similar name"
    for other in OTHER_KINDS:
        if other.what == lookup.what:
            continue
        hits = [n for n in entity_names(backend, other.label) if _matches(other, n, value)]
        if hits:
            hint = " (query province_profile)" if other is PROVINCE else ""
            msg += f"; {value!r} is a {other.what}, not a {lookup.what}{hint}"
            break
    raise QueryError(msg)


def check_names(name: str, backend: Any, params: Mapping[str, Any]) -> None:
    """Check every name-like parameter of a named query (:data:`NAMED_PARAMS`) before it runs.

    Parameters
    ----------
    name
        The query.
    backend
        Where it will run.
    params
        Its parameters as given.

    Raises
    ------
    QueryError
        A parameter names no node; the message suggests the closest names.
    """
    for param, value in params.items():
        lookup = NAMED_PARAMS.get((name, param))
        if lookup is not None and isinstance(value, str):
            check_name(backend, lookup, value, param)
