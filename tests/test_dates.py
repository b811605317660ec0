"""The one partial-date type: parsing, periods, windows, and agreement with the Cypher of the named queries."""

from __future__ import annotations

import datetime
from typing import Any

import neo4j
import networkx as nx
import pandas as pd
import pytest

from pftz import queries
from pftz.graph.neo4j_store import clear_database, graph_to_neo4j
from pftz.ground.dates import PartialDate, Precision, in_window, parse_iso, parse_year, period_end
from pftz.ground.schema import DERIVED, PROVENANCE, Label, Rel, node_id
from tests.synthetic import evidence

GOOD = [
    ("2023", "2023-01-01", "2023-12-31", Precision.YEAR),
    ("2024-02", "2024-02-01", "2024-02-29", Precision.MONTH),
    ("2023-11", "2023-11-01", "2023-11-30", Precision.MONTH),
    ("2023-10-31", "2023-10-31", "2023-10-31", Precision.DAY),
    ("0001", "0001-01-01", "0001-12-31", Precision.YEAR),
    ("9999-12-31", "9999-12-31", "9999-12-31", Precision.DAY),
]

BAD: list[Any] = [
    "", "0000", "2024-13", "2024-00", "2024-02-30", "2023-02-29", "2024-1", "2024-01-1", "24",
    " 2024", "2024 ", "2024\n", "２０２４", "2024/10", "May 2024", "2024-10-25T00:00",
    None, 2024, True, 2024.0, ["2024"],
]  # fmt: skip
"""Not dates for :func:`period_end` nor for the Cypher ``CASE``: spaces, ints and other scripts included."""


@pytest.mark.parametrize(("value", "start", "end", "precision"), GOOD)
def test_periods(value: str, start: str, end: str, precision: Precision) -> None:
    d = PartialDate.parse(value)
    assert (d.start(), d.end()) == (datetime.date.fromisoformat(start), datetime.date.fromisoformat(end))
    assert d.iso == value and d.precision is precision
    assert period_end(value) == d.end() and parse_iso(value) == d


@pytest.mark.parametrize("value", BAD)
def test_not_dates(value: Any) -> None:
    assert parse_iso(value) is None and period_end(value) is None
    with pytest.raises(ValueError, match="date"):
        PartialDate.parse(value)


def test_years_and_parts() -> None:
    assert parse_year(2020) == PartialDate(2020)
    assert [parse_year(v) for v in (True, 0, 10000, "2020", 2020.0)] == [None] * 5
    assert PartialDate.from_parts("2024", 1, "8").iso == "2024-01-08"
    with pytest.raises(ValueError):
        PartialDate.from_parts(2024, 2, 30)
    with pytest.raises(ValueError):
        PartialDate(2024, None, 3)


def test_order_and_windows() -> None:
    y, m, d = PartialDate.parse("2024"), PartialDate.parse("2024-06"), PartialDate.parse("2024-06-01")
    assert sorted([d, m, y]) == [y, m, d]
    assert y.overlaps(m) and not PartialDate.parse("2023").overlaps(m)
    assert in_window("2024", since=m) and not in_window("2023-12", since=y)
    assert in_window(None) and not in_window(None, until=y) and not in_window(" 2024", until=y)


# --------------------------------------------------------------------------- the same dates in Cypher


def _dated_edges(values: list[Any]) -> nx.MultiDiGraph:
    """One zone with a DIFFUSED_TO edge to a zone of its own per value, the value as the edge's date."""
    G = nx.MultiDiGraph(name="dates", sources=[])
    ev = [evidence("dates.txt", 1, "a date")]
    src = node_id(Label.ZONE, "a")
    G.add_node(src, label=Label.ZONE.value, key="a", name="A", kind="PFTZ", provenance=ev)
    for i, v in enumerate(values):
        t = node_id(Label.ZONE, f"t{i}")
        G.add_node(t, label=Label.ZONE.value, key=f"t{i}", name=f"T{i}", kind="PFTZ", provenance=ev)
        props = {"measure": f"m{i}", "via": "x", DERIVED: True, PROVENANCE: []}
        if v is not None:
            props["date"] = v
        G.add_edge(src, t, key=f"{Rel.DIFFUSED_TO.value}|m{i}", type=Rel.DIFFUSED_TO.value, **props)
    return G


@pytest.mark.neo4j
def test_period_end_agrees_with_the_cypher(neo4j_db: tuple[neo4j.Driver, str]) -> None:
    """diffusion_paths keeps an edge exactly when period_end reads its date, on both backends."""
    values = [v for v, *_ in GOOD] + [v for v in BAD if not isinstance(v, list)]
    G = _dated_edges(values)
    graph_to_neo4j(G, neo4j_db[0], database=neo4j_db[1])
    try:
        for i, v in enumerate(values):
            expected = queries.run("diffusion_paths", G, source="a", target=f"t{i}", max_hops=1)
            got = queries.run("diffusion_paths", neo4j_db, source="a", target=f"t{i}", max_hops=1)
            pd.testing.assert_frame_equal(got, expected, check_exact=True)
            assert len(expected) == (period_end(v) is not None), v
    finally:
        clear_database(*neo4j_db)
