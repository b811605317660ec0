"""Diffusion analytics: when measures spread, and which zones' innovations spread early and often.

* :func:`adoption_timeline`: one row per dated (or undated) event: a stated
  replication, a stated adoption or a derived diffusion edge.
* :func:`innovativeness`: a score per zone from the diffusion of the
  innovations that originated in it.
* :func:`cascades` (re-exported from :mod:`graph.exports_cascades`): the same events in
  the long format R's NetworkInference reads (``node_name``, ``cascade_id``,
  ``time``); :func:`graph.exports_cascades.save_cascades_csv` writes it.

Dates follow :mod:`ground.dates`: ``"YYYY"``, ``"YYYY-MM"`` or
``"YYYY-MM-DD"``, each standing for the last day of its period
(:func:`ground.dates.period_end`).
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Mapping
from typing import Any

import networkx as nx
import pandas as pd

from pftz.graph.exports_cascades import cascades
from pftz.ground.dates import period_end
from pftz.ground.errors import QueryError
from pftz.ground.schema import DERIVED, KEY, Label, Rel, node_id
from pftz.loaders.gazetteer import Gazetteer

__all__ = [
    "INNOVATIVENESS_COLUMNS",
    "TIMELINE_COLUMNS",
    "adoption_timeline",
    "cascades",
    "innovativeness",
]

TIMELINE_COLUMNS = (
    "rank",
    "date",
    "date_end",
    "date_source",
    "event",
    "measure_key",
    "measure",
    "origin_key",
    "target_label",
    "target_key",
    "target",
    "via",
    "derived",
    "ties",
)
"""Columns of :func:`adoption_timeline`."""

INNOVATIVENESS_COLUMNS = (
    "rank",
    "zone_key",
    "zone",
    "innovations",
    "adopted_innovations",
    "events",
    "dated_events",
    "first_event",
    "mean_earliness",
    "score",
)
"""Columns of :func:`innovativeness`."""

REPLICATED = "replicated"
ADOPTED = "adopted"
DIFFUSED = "diffused"
_EVENT_ORDER = {REPLICATED: 0, ADOPTED: 1, DIFFUSED: 2}


def _objects_none(df: pd.DataFrame) -> pd.DataFrame:
    """Hold missing values of text columns as None (pandas makes some of them NaN)."""
    for c in df.columns:
        if df[c].dtype == object:
            df[c] = df[c].astype(object).where(df[c].notna(), None)
    return df


def _node(G: nx.MultiDiGraph, n: Any) -> Mapping[str, Any]:
    data: Mapping[str, Any] = G.nodes[n]
    return data


def _is(G: nx.MultiDiGraph, n: Any, label: Label) -> bool:
    return bool(_node(G, n).get("label") == label.value)


def _batch_date(G: nx.MultiDiGraph, measure: Any, batch_key: Any = None) -> Any:
    """The date of a measure's batch (the one named by ``batch_key`` if given), else None."""
    for _, b, e in G.out_edges(measure, data=True):
        if e.get("type") != Rel.IN_BATCH.value or not _is(G, b, Label.BATCH):
            continue
        if batch_key is not None and _node(G, b).get(KEY) != batch_key:
            continue
        if period_end(_node(G, b).get("date")) is not None:
            return _node(G, b).get("date")
    if batch_key is not None:
        for _, d in G.nodes(data=True):
            if d.get("label") == Label.BATCH.value and d.get(KEY) == batch_key and period_end(d.get("date")):
                return d.get("date")
    return None


def _event(
    G: nx.MultiDiGraph,
    event: str,
    measure: Any,
    origin: Any,
    target: Any,
    edge: Mapping[str, Any],
    date: Any,
    date_source: str | None,
    via: Any,
) -> dict[str, Any]:
    md, td = _node(G, measure) if measure is not None else {}, _node(G, target)
    return {
        "date": date,
        "date_end": period_end(date),
        "date_source": date_source if date is not None else None,
        "event": event,
        "measure_key": md.get(KEY),
        "measure": md.get("name"),
        "origin_key": None if origin is None else _node(G, origin).get(KEY),
        "target_label": td.get("label"),
        "target_key": td.get(KEY),
        "target": td.get("name"),
        "via": via,
        "derived": bool(edge.get(DERIVED, False)),
    }


def _events(G: nx.MultiDiGraph) -> list[dict[str, Any]]:
    measures_by_key = {d.get(KEY): n for n, d in G.nodes(data=True) if d.get("label") == Label.MEASURE.value}
    out: list[dict[str, Any]] = []
    for u, v, e in G.edges(data=True):
        kind = e.get("type")
        if kind == Rel.REPLICATED_TO.value:
            if _is(G, u, Label.MEASURE):
                date, source = (e.get("date"), "edge") if e.get("date") else (_batch_date(G, u), "batch")
                out.append(_event(G, REPLICATED, u, None, v, e, date, source, e.get("scope")))
            elif _is(G, u, Label.BATCH):
                for m, _, me in G.in_edges(u, data=True):
                    if me.get("type") == Rel.IN_BATCH.value and _is(G, m, Label.MEASURE):
                        date = e.get("date") or _node(G, u).get("date")
                        source = "edge" if e.get("date") else "batch"
                        out.append(_event(G, REPLICATED, m, None, v, e, date, source, e.get("scope")))
        elif kind == Rel.ADOPTED.value and _is(G, v, Label.MEASURE):
            if e.get("date"):
                date, source = e.get("date"), "edge"
            else:
                date, source = _batch_date(G, v, e.get("batch")), "batch"
            out.append(_event(G, ADOPTED, v, None, u, e, date, source, e.get("batch")))
        elif kind == Rel.DIFFUSED_TO.value:
            m = measures_by_key.get(e.get("measure"))
            out.append(_event(G, DIFFUSED, m, u, v, e, e.get("date"), "edge", e.get("via")))
    return out


def adoption_timeline(G: nx.MultiDiGraph, measure: str | None = None, zone: str | None = None) -> pd.DataFrame:
    """Return every replication, adoption and diffusion event in time order.

    Events:

    * ``replicated``: a stated ``REPLICATED_TO`` edge of a measure, or of its
      batch (one event per measure of the batch); ``via`` is the scope;
    * ``adopted``: a stated ``ADOPTED`` edge (a zone or province adopted a
      measure); ``via`` is the batch the report names;
    * ``diffused``: a derived ``DIFFUSED_TO`` edge from an origin zone
      (``origin_key``) to a zone or province; ``via`` is the carrier.

    An event's ``date`` is the edge's own date (``date_source`` ``"edge"``);
    failing that, for replications and adoptions, the date of the measure's
    batch (``"batch"``), which is when the measure was released, so an upper
    bound of nothing and a lower bound of the adoption. Events with no date
    come last with a null ``rank``.

    Ties are kept: events on the same day are all listed, none is preferred.
    ``rank`` is the dense rank of ``date_end`` (1 = the earliest day; events
    sharing a day share a rank) and ``ties`` counts the events of that day.
    Within a day the order is replicated, adopted, diffused, then measure,
    target and origin keys, which is arbitrary but stable.

    Parameters
    ----------
    G
        The graph, with diffusion derived (:func:`graph.diffusion.derive_diffusion`).
    measure
        Only the events of the measure with this key.
    zone
        Only the events where this zone (a key, or a name such as
        ``"Shanghai PFTZ"``) is the target, the adopter or the origin.

    Raises
    ------
    QueryError
        ``zone`` is neither a zone key of the graph nor a known zone name.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`TIMELINE_COLUMNS`; ``date_end`` is a
        :class:`datetime.date` (None when undated).
    """
    events = _events(G)
    if measure is not None:
        events = [e for e in events if e["measure_key"] == measure]
    if zone is not None and node_id(Label.ZONE, zone) not in G:
        key = Gazetteer.default().zone(zone)
        if key is None:
            msg = f"unknown zone {zone!r}: give a zone key (e.g. 'shanghai') or a name (e.g. 'Shanghai PFTZ')"
            raise QueryError(msg)
        zone = key
    if zone is not None:
        events = [
            e
            for e in events
            if e["origin_key"] == zone or (e["target_label"] == Label.ZONE.value and e["target_key"] == zone)
        ]

    def order(e: dict[str, Any]) -> tuple[Any, ...]:
        end = e["date_end"]
        return (
            end is None,
            end or datetime.date.max,
            _EVENT_ORDER[e["event"]],
            str(e["measure_key"]),
            str(e["target_key"]),
            str(e["origin_key"] or ""),
            str(e["target_label"]),
        )

    events.sort(key=order)
    days = sorted({e["date_end"] for e in events if e["date_end"] is not None})
    rank = {d: i + 1 for i, d in enumerate(days)}
    ties: dict[Any, int] = defaultdict(int)
    for e in events:
        ties[e["date_end"]] += 1
    rows = [
        {**e, "rank": rank.get(e["date_end"]), "ties": ties[e["date_end"]] if e["date_end"] is not None else None}
        for e in events
    ]
    df = _objects_none(pd.DataFrame(rows, columns=list(TIMELINE_COLUMNS)))
    return df.astype({"rank": "Int64", "ties": "Int64", "derived": bool})


def innovativeness(G: nx.MultiDiGraph) -> pd.DataFrame:
    """Score each zone by how often, and how early, the innovations that originated in it spread.

    The events of a zone *z* are its outgoing derived ``DIFFUSED_TO`` edges
    (one per measure and target: every zone or province a measure that
    originated in *z* reached, by replication or adoption). With *t0* and
    *t1* the earliest and latest dated events of the whole graph, an event
    dated *t* has

    ``earliness = (t1 - t) / (t1 - t0)`` (1 for the earliest, 0 for the
    latest; 1 when all events share one day), and an undated event 0;

    ``score(z) = sum over the events of z of (1 + earliness) / 2``

    so each event counts between 0.5 (latest or undated) and 1 (earliest):
    the score grows with how often the zone's innovations were taken up, and
    early uptake weighs up to twice late uptake. A measure piloted jointly
    in several zones credits each of them fully (the report does not split
    credit among co-pilots).

    Parameters
    ----------
    G
        The graph, with diffusion derived.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`INNOVATIVENESS_COLUMNS`, one row per zone that has
        at least one innovation, best score first (ties by key); ``rank`` is
        the dense rank of the score (ties share it); ``mean_earliness`` is
        over the dated events (NaN if none).
    """
    dated_all = [
        end
        for _, _, e in G.edges(data=True)
        if e.get("type") == Rel.DIFFUSED_TO.value and (end := period_end(e.get("date"))) is not None
    ]
    t0, t1 = (min(dated_all), max(dated_all)) if dated_all else (None, None)

    def earliness(end: datetime.date | None) -> float:
        if end is None or t0 is None or t1 is None:
            return 0.0
        if t1 == t0:
            return 1.0
        return (t1 - end).days / (t1 - t0).days

    rows = []
    for z, d in G.nodes(data=True):
        if d.get("label") != Label.ZONE.value:
            continue
        innovations = {
            m
            for m, _, e in G.in_edges(z, data=True)
            if e.get("type") == Rel.ORIGINATED_IN.value and _is(G, m, Label.MEASURE)
        }
        if not innovations:
            continue
        events = [e for _, _, e in G.out_edges(z, data=True) if e.get("type") == Rel.DIFFUSED_TO.value]
        ends = [period_end(e.get("date")) for e in events]
        dated = [end for end in ends if end is not None]
        weights = [earliness(end) for end in ends]
        rows.append(
            {
                "zone_key": d.get(KEY),
                "zone": d.get("name"),
                "innovations": len(innovations),
                "adopted_innovations": len({e.get("measure") for e in events}),
                "events": len(events),
                "dated_events": len(dated),
                "first_event": min(dated) if dated else None,
                "mean_earliness": sum(earliness(end) for end in dated) / len(dated) if dated else float("nan"),
                "score": round(sum((1 + w) / 2 for w in weights), 6),
            }
        )
    rows.sort(key=lambda r: (-r["score"], str(r["zone_key"])))
    scores = sorted({r["score"] for r in rows}, reverse=True)
    for r in rows:
        r["rank"] = scores.index(r["score"]) + 1
    df = pd.DataFrame(rows, columns=list(INNOVATIVENESS_COLUMNS))
    return _objects_none(df).astype({"rank": "int64", "innovations": "int64", "score": "float64"})
