"""pftz.queries.analytics: the adoption timeline, the innovativeness score, the cascades for R."""

from __future__ import annotations

import datetime

import networkx as nx
import pandas as pd
import pytest

from pftz.graph import exports_cascades
from pftz.graph.build import graph_from_reports
from pftz.ground.errors import QueryError
from pftz.ground.schema import DERIVED, Label, Rel, node_id
from pftz.loaders.reference import load_reference
from pftz.loaders.report import load_report
from pftz.queries.analytics import (
    INNOVATIVENESS_COLUMNS,
    TIMELINE_COLUMNS,
    adoption_timeline,
    cascades,
    innovativeness,
)
from tests.synthetic import evidence


@pytest.fixture(scope="module")
def G() -> nx.MultiDiGraph:
    return graph_from_reports([load_report()], reference=load_reference())


def small_graph() -> nx.MultiDiGraph:
    """Two origin zones, three measures, diffusion on three dates (two events tie), one undated."""
    H = nx.MultiDiGraph()
    prov = [evidence("t.txt", 1, "q")]

    def node(label: Label, key: str, **props: object) -> str:
        nid = node_id(label, key)
        H.add_node(nid, label=label.value, key=key, name=key.upper(), provenance=prov, **props)
        return nid

    a, b, c, d = (node(Label.ZONE, k, kind="PFTZ") for k in "abcd")
    m1, m2, m3 = (node(Label.MEASURE, k, kind="zone case") for k in ("m1", "m2", "m3"))
    for m, z in ((m1, a), (m2, a), (m3, b)):
        H.add_edge(m, z, key=Rel.ORIGINATED_IN.value, type=Rel.ORIGINATED_IN.value, provenance=prov)

    def diffuse(u: str, v: str, m: str, date: str | None) -> None:
        props = {"date": date} if date else {}
        H.add_edge(u, v, key=f"{Rel.DIFFUSED_TO.value}|{m}", type=Rel.DIFFUSED_TO.value, measure=m, via="x",
                   provenance=prov, **props, **{DERIVED: True})  # fmt: skip

    diffuse(a, c, "m1", "2020")  # period end 2020-12-31
    diffuse(a, d, "m1", "2020-12-31")  # ties with the one above
    diffuse(a, c, "m2", "2022-12-31")
    diffuse(b, c, "m3", "2024-12-31")
    diffuse(b, d, "m3", None)
    H.add_edge(c, m3, key=Rel.ADOPTED.value, type=Rel.ADOPTED.value, outcome="ok", date="2024-06", provenance=prov)
    return H


def test_timeline_orders_events_and_keeps_ties() -> None:
    df = adoption_timeline(small_graph())
    assert list(df.columns) == list(TIMELINE_COLUMNS)
    assert len(df) == 6
    dated = df[df["date_end"].notna()]
    assert list(dated["date_end"]) == sorted(dated["date_end"])
    first = df[df["rank"] == 1]
    assert len(first) == 2 and set(first["target_key"]) == {"c", "d"} and set(first["ties"]) == {2}
    assert list(df["rank"].dropna()) == [1, 1, 2, 3, 4]
    assert df.iloc[-1]["date_end"] is None and pd.isna(df.iloc[-1]["rank"])
    adopted = df[df["event"] == "adopted"].iloc[0]
    assert adopted["date_end"] == datetime.date(2024, 6, 30) and adopted["target_key"] == "c"
    assert adopted["date_source"] == "edge" and not adopted["derived"]


def test_timeline_filters() -> None:
    H = small_graph()
    assert set(adoption_timeline(H, measure="m3")["measure_key"]) == {"m3"}
    zone_c = adoption_timeline(H, zone="c")
    assert len(zone_c) == 4 and set(zone_c["target_key"]) == {"c"}
    zone_a = adoption_timeline(H, zone="a")
    assert set(zone_a["origin_key"]) == {"a"} and len(zone_a) == 3
    with pytest.raises(QueryError, match="unknown zone"):  # a silent empty frame would hide a typo
        adoption_timeline(H, zone="nowhere")


def test_timeline_of_the_report(G: nx.MultiDiGraph) -> None:
    df = adoption_timeline(G, measure="national:best-practices:5:7")
    assert list(df["event"]) == ["replicated", "adopted"]
    assert list(df["target_key"]) == ["nationwide", "zhejiang/jiaxing-coordinated-innovation-zone"]
    # Neither the table row nor the adoption prints a date: both take the batch's, and say so.
    assert list(df["date_source"]) == ["batch", "batch"] and set(df["date"]) == {"2024-01-18"}
    everything = adoption_timeline(G)
    assert (everything["event"] == "diffused").sum() == sum(
        1 for *_, t in G.edges(data="type") if t == Rel.DIFFUSED_TO.value
    )


def test_innovativeness_formula() -> None:
    df = innovativeness(small_graph())
    assert list(df.columns) == list(INNOVATIVENESS_COLUMNS)
    rows = df.set_index("zone_key")
    # t0 = 2020-12-31, t1 = 2024-12-31: earliness 1, 1, (1461 - 730) / 1461 for a; 0 and 0 (undated) for b.
    span = (datetime.date(2024, 12, 31) - datetime.date(2020, 12, 31)).days
    e_m2 = (datetime.date(2024, 12, 31) - datetime.date(2022, 12, 31)).days / span
    assert rows.loc["a", "score"] == pytest.approx(1 + 1 + (1 + e_m2) / 2)
    assert rows.loc["b", "score"] == pytest.approx(0.5 + 0.5)
    assert rows.loc["a", "events"] == 3 and rows.loc["a", "adopted_innovations"] == 2
    assert rows.loc["b", "dated_events"] == 1 and rows.loc["b", "first_event"] == datetime.date(2024, 12, 31)
    assert list(df["zone_key"]) == ["a", "b"] and list(df["rank"]) == [1, 2]
    assert set(df["zone_key"]) == {"a", "b"}  # zones without innovations are not scored


def test_innovativeness_of_the_report(G: nx.MultiDiGraph) -> None:
    df = innovativeness(G)
    # the six pilot regions of the 30 pilot measures lead; Fujian's provincial examples (Table 1-7) put it first
    assert set(df.head(6)["zone_key"]) == {"beijing", "fujian", "guangdong", "hainan-ftp", "shanghai", "tianjin"}
    assert (df["score"].diff().dropna() <= 0).all()


def test_cascades_are_the_exports_ones(G: nx.MultiDiGraph) -> None:
    assert cascades is exports_cascades.cascades
    df = cascades(G)
    assert list(df.columns) == ["node_name", "cascade_id", "time"] and len(df) > 0


def test_timeline_takes_a_zone_name_or_key(G: nx.MultiDiGraph) -> None:
    by_name = adoption_timeline(G, zone="Shanghai PFTZ")
    assert len(by_name) > 0
    pd.testing.assert_frame_equal(by_name, adoption_timeline(G, zone="shanghai"))
    with pytest.raises(QueryError, match="unknown zone"):
        adoption_timeline(G, zone="Atlantis")
