"""Provenance: the evidence entries every node and edge carries, and how they merge.

An entry is a dict with :data:`PROVENANCE_FIELDS` (source file, its sha256,
line, section, quote); a node or edge holds a list of them, one per place the
fact was seen. Merging two facts unites their lists (:func:`merge_provenance`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

__all__ = ["PROVENANCE_FIELDS", "merge_provenance"]

PROVENANCE_FIELDS = ("source", "sha256", "line", "section", "quote")
"""The keys of one provenance entry."""


def _prov_sort_key(p: Mapping[str, Any]) -> tuple[str, int, str, str, str]:
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
        New dicts, one per distinct entry, sorted by ``(source, line, quote)``.

    Examples
    --------
    >>> a = {"source": "r.txt", "sha256": "x", "line": 2, "section": "", "quote": "b"}
    >>> b = {"source": "r.txt", "sha256": "x", "line": 1, "section": "", "quote": "a"}
    >>> [p["line"] for p in merge_provenance([a], [b, a])]
    [1, 2]
    """
    seen: dict[tuple[Any, ...], dict[str, Any]] = {}
    for entries in lists:
        for p in entries or ():
            d = dict(p)
            ident = tuple((k, d[k]) for k in sorted(d))
            seen.setdefault(ident, d)
    return sorted(seen.values(), key=_prov_sort_key)
