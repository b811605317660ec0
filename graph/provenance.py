"""Provenance: the evidence entries every node and edge carries, and how they merge.

An entry is a dict with :data:`PROVENANCE_FIELDS` (source file, its sha256,
line, section, quote); a node or edge holds a list of them, one per place the
fact was seen. Merging two facts unites their lists (:func:`merge_provenance`).
``G.graph["sources"]`` lists the ``{file, sha256}`` the entries refer to
(:func:`add_sources`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import networkx as nx

__all__ = ["PROVENANCE_FIELDS", "SOURCES", "add_sources", "merge_provenance", "prov_sort_key", "sources_of"]

PROVENANCE_FIELDS = ("source", "sha256", "line", "section", "quote")
"""The keys of one provenance entry."""

SOURCES = "sources"
"""``G.graph`` key of the list of ``{file, sha256}`` the provenance refers to."""


def prov_sort_key(p: Mapping[str, Any]) -> tuple[str, int, str, str, str]:
    """The order :func:`merge_provenance` sorts entries in: source, line, quote, sha256, section."""
    line = p.get("line")
    return (
        str(p.get("source", "")),
        line if isinstance(line, int) and not isinstance(line, bool) else -1,
        str(p.get("quote", "")),
        str(p.get("sha256", "")),
        str(p.get("section", "")),
    )


def merge_provenance(*lists: Iterable[Mapping[str, Any]] | None) -> list[dict[str, Any]]:
    """Return the union of provenance lists, deduplicated and sorted.

    Parameters
    ----------
    *lists
        Lists of evidence dicts (``None`` is taken as empty).

    Returns
    -------
    list[dict]
        One dict per distinct entry (the given dicts themselves, shared: evidence is never
        changed in place), sorted by ``(source, line, quote)``.

    Examples
    --------
    >>> a = {"source": "r.txt", "sha256": "x", "line": 2, "section": "", "quote": "b"}
    >>> b = {"source": "r.txt", "sha256": "x", "line": 1, "section": "", "quote": "a"}
    >>> [p["line"] for p in merge_provenance([a], [b, a])]
    [1, 2]
    """
    # entries are never changed in place: shared, not copied
    given = [p if type(p) is dict else dict(p) for entries in lists for p in entries or ()]
    if len(given) == 1:  # the common case: nothing to compare
        return given
    if len(given) == 2:  # two single entries (a derived edge between two nodes): one comparison
        a, b = given
        return [a] if a == b else sorted(given, key=prov_sort_key)
    seen: dict[tuple[Any, ...], dict[str, Any]] = {}
    for d in given:
        ident = tuple((k, d[k]) for k in sorted(d))
        seen.setdefault(ident, d)
    return sorted(seen.values(), key=prov_sort_key)


def sources_of(entries: Iterable[Mapping[str, Any]]) -> set[tuple[str, str]]:
    """Return the ``(source, sha256)`` pairs of provenance entries."""
    return {(str(p.get("source", "")), str(p.get("sha256", ""))) for p in entries}


def add_sources(G: nx.MultiDiGraph, pairs: Iterable[tuple[str, str]]) -> None:
    """Add ``(file, sha256)`` pairs to ``G.graph['sources']``, kept sorted and unique (empty files skipped)."""
    have = {(str(s.get("file", "")), str(s.get("sha256", ""))) for s in G.graph.get(SOURCES) or ()}
    have |= {p for p in pairs if p[0]}
    G.graph[SOURCES] = [{"file": f, "sha256": h} for f, h in sorted(have)]
