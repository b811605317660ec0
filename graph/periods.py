"""The period of every date, stored when the graph is built: ``date_start`` and ``date_end``.

A date in the graph is partial (``2024``, ``2024-06``, ``2024-06-30``) and means its whole
period. :func:`stamp_periods` writes the first and last day of that period beside it
(:data:`ground.schema.DATE_START`, :data:`ground.schema.DATE_END`, ISO ``YYYY-MM-DD``) on every
node and edge with a valid date (``date``; a zone's ``established``), so that a time window is
one comparison of strings on both backends (:func:`in_period_window`)::

    date_end >= $since AND left(date_start, size($until)) <= $until

A partial ``since`` sorts before every day of its period, and the start cut to the length of
``until`` compares at ``until``'s precision. A document the report dates only by the year in
its number (``G.H. [2024] No. 156``) gets the period of that year, marked derived by
``date_from = "number"``; its ``date`` stays empty, because the report states none.
"""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping
from typing import TYPE_CHECKING, Any

from pftz.ground.dates import PartialDate
from pftz.ground.schema import DATE_END, DATE_FROM, DATE_START, Label

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["FROM_NUMBER", "in_period_window", "period_of", "stamp_periods"]

FROM_NUMBER = "number"
"""``date_from`` of a document whose period is the year of its number."""


def period_of(data: Mapping[str, Any]) -> tuple[str, str, str | None] | None:
    """``(start, end, derived from)`` of a node's or edge's date, or None when it has none.

    Examples
    --------
    >>> period_of({"date": "2024-02"})
    ('2024-02-01', '2024-02-29', None)
    >>> period_of({"label": "Document", "year": 2024})
    ('2024-01-01', '2024-12-31', 'number')
    >>> period_of({"date": "2024-13"}) is None
    True
    """
    value = data.get("date")
    if value is None and data.get("label") == Label.ZONE.value:
        value = data.get("established")
    if value is not None:
        try:
            p = PartialDate.parse(value)
        except (TypeError, ValueError):
            return None  # an invalid date has no period: it lies outside every window
        return p.start().isoformat(), p.end().isoformat(), None
    year = data.get("year")
    if data.get("label") == Label.DOCUMENT.value and isinstance(year, int) and not isinstance(year, bool):
        try:
            p = PartialDate.parse(f"{year:04d}")
        except ValueError:
            return None
        return p.start().isoformat(), p.end().isoformat(), FROM_NUMBER
    return None


def _stamp(data: MutableMapping[str, Any]) -> None:
    period = period_of(data)
    for prop in (DATE_START, DATE_END, DATE_FROM):
        data.pop(prop, None)
    if period is None:
        return
    data[DATE_START], data[DATE_END] = period[0], period[1]
    if period[2] is not None:
        data[DATE_FROM] = period[2]


def stamp_periods(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Write ``date_start``/``date_end`` (and ``date_from``) on every dated node and edge, in place.

    Idempotent: stale values are replaced, those of a removed date dropped.

    Parameters
    ----------
    G
        The graph.

    Returns
    -------
    networkx.MultiDiGraph
        ``G``.
    """
    for _, data in G.nodes(data=True):
        _stamp(data)
    for _, _, data in G.edges(data=True):
        _stamp(data)
    return G


def in_period_window(period: Mapping[str, Any] | None, date: Any, since: str | None, until: str | None) -> bool:
    """Whether a fact stays in a time window, by the stored period of the element that dates it.

    No window keeps everything; an undated fact (no ``date`` and no period) stays; one with a
    period stays when the period overlaps ``[since, until]`` (partial ISO dates); one with a date
    but no period (an invalid date) lies outside every window. The Cypher of the named queries
    says the same in one ``WHERE``.

    Parameters
    ----------
    period
        The node, edge (or aggregate) holding ``date_start`` and ``date_end``; None if none.
    date
        The date the fact shows.
    since, until
        The window, partial ISO dates or None.

    Examples
    --------
    >>> in_period_window({"date_start": "2024-01-01", "date_end": "2024-12-31"}, "2024", "2024-06", None)
    True
    >>> in_period_window({"date_start": "2024-07-01", "date_end": "2024-07-31"}, "2024-07", None, "2024-06")
    False
    >>> in_period_window(None, None, "2030", None), in_period_window(None, "2024-13", "2020", None)
    (True, False)
    """
    if since is None and until is None:
        return True
    start, end = (period or {}).get(DATE_START), (period or {}).get(DATE_END)
    if not isinstance(start, str) or not isinstance(end, str):
        return date is None
    return (since is None or end >= since) and (until is None or start[: len(until)] <= until)
