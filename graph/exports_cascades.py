"""Adoption cascades for R's NetworkInference (:func:`cascades`) and their CSV export."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import networkx as nx
import pandas as pd

from pftz.graph.exports_common import _atomic_write, _csv_bytes
from pftz.ground.dates import period_end
from pftz.ground.schema import KEY, Rel

__all__ = ["CASCADE_COLUMNS", "CascadeSummary", "cascade_summary", "cascades", "save_cascades_csv"]


CASCADE_COLUMNS = ("node_name", "cascade_id", "time")
"""Columns of :func:`cascades` and of the cascades CSV."""

EPOCH = datetime.date(1970, 1, 1)


# --------------------------------------------------------------------------- cascades


def _days(d: datetime.date) -> int:
    return (d - EPOCH).days


MIN_CASCADE_TIMES = 2
"""A cascade with fewer distinct times than this tells nothing about who infected whom: it is left out."""


@dataclass(frozen=True, slots=True)
class CascadeSummary:
    """What :func:`cascades` kept and left out.

    Parameters
    ----------
    kept
        Cascades written (each with at least :data:`MIN_CASCADE_TIMES` distinct times).
    left_out
        Cascades with at least one dated event but fewer distinct times.
    """

    kept: int
    left_out: int


def _cascade_events(G: nx.MultiDiGraph) -> dict[tuple[str, str], int]:
    """The earliest stated time of each (node, cascade): pilot starts, replications reached, adoptions."""
    first: dict[tuple[str, str], int] = {}
    for u, v, d in G.edges(data=True):
        kind = d.get("type")
        if kind == Rel.ORIGINATED_IN.value:  # a pilot zone, at the pilot start its evidence prints
            node, cascade = str(v), G.nodes[u].get(KEY)
        elif kind == Rel.DIFFUSED_TO.value:  # a zone or province reached, at the replication's date
            node, cascade = str(v), d.get("measure")
        elif kind == Rel.ADOPTED.value:  # an adopter, at the date its sentence prints
            node, cascade = str(u), G.nodes[v].get(KEY)
        else:
            continue
        end = period_end(d.get("date"))
        if end is None or not cascade:
            continue
        t = _days(end)
        first[node, str(cascade)] = min(t, first.get((node, str(cascade)), t))
    return first


def _cascade_rows(G: nx.MultiDiGraph) -> tuple[list[tuple[str, str, int]], CascadeSummary]:
    first = _cascade_events(G)
    times: dict[str, set[int]] = {}
    for (_node, cascade), t in first.items():
        times.setdefault(cascade, set()).add(t)
    kept = {c for c, ts in times.items() if len(ts) >= MIN_CASCADE_TIMES}
    rows = sorted(
        ((node, cascade, t) for (node, cascade), t in first.items() if cascade in kept),
        key=lambda r: (r[1], r[2], r[0]),
    )
    return rows, CascadeSummary(len(kept), len(times) - len(kept))


def cascades(G: nx.MultiDiGraph) -> pd.DataFrame:
    """Return the adoption cascades of the graph's measures, one row per node and cascade.

    A cascade is one measure (``cascade_id`` = its key). Its events are the
    zones and regions it reached (``node_name`` = node id, e.g.
    ``"Zone:shanghai"``, so zones and provinces of one name stay apart), each
    at a date the report states, never at a guessed one:

    * a pilot zone (``ORIGINATED_IN``) at the pilot start its evidence prints
      (the 30 pilot measures: June 2023); an origin without a printed date is
      left out rather than given the measure's year or release date;
    * each zone or province reached (``DIFFUSED_TO``) at the date of the
      replication that reached it: the year a Table 2 row prints, or else the
      release date of the measure's batch or document;
    * each adopter (``ADOPTED``) at the date its own sentence prints.

    ``time`` is the number of days from 1970-01-01 to the last day of the
    date's period (June 2023 is 2023-06-30; 2021 is 2021-12-31): an integer,
    as R's NetworkInference (``as_cascade_long``) expects a numeric time. A
    node reached several times keeps its earliest time; ties between nodes are
    kept. A cascade with fewer than :data:`MIN_CASCADE_TIMES` distinct times
    says nothing about who infected whom and is left out; :func:`cascade_summary`
    counts those.

    Parameters
    ----------
    G
        The graph, with diffusion derived.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`CASCADE_COLUMNS`, sorted by cascade, time and node.
    """
    rows, _ = _cascade_rows(G)
    df = pd.DataFrame(rows, columns=list(CASCADE_COLUMNS))
    return df.astype({"node_name": str, "cascade_id": str, "time": "int64"})


def cascade_summary(G: nx.MultiDiGraph) -> CascadeSummary:
    """How many cascades :func:`cascades` keeps and leaves out (fewer than two distinct times)."""
    return _cascade_rows(G)[1]


def save_cascades_csv(G: nx.MultiDiGraph, path: str | Path) -> Path:
    """Write :func:`cascades` as CSV (``node_name,cascade_id,time``).

    Parameters
    ----------
    G
        The graph, with diffusion derived.
    path
        The output file.

    Returns
    -------
    Path
        The file written.

    Raises
    ------
    ExportError
        If the file cannot be written; an existing file is left intact.
    """
    df = cascades(G)
    data = _csv_bytes(list(CASCADE_COLUMNS), ([str(v) for v in row] for row in df.itertuples(index=False)))

    def write(fh: IO[bytes]) -> None:
        fh.write(data)

    return _atomic_write(path, write)
