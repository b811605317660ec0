"""The checks that used to be ``assert`` lines in the notebooks, run by ``tests/test_notebooks.py``.

The notebooks tell a story and are saved with their outputs; the facts they rely on are checked
here. Each check runs in the notebook's own kernel right after the cell whose source contains its
anchor, so it sees that cell's variables; a check whose anchor matches no cell fails the test.
"""

from __future__ import annotations

CHECKS: dict[str, list[tuple[str, str]]] = {
    "01-trace-an-innovation.ipynb": [
        (
            "checks = pd.DataFrame([c.to_dict() for c in report.checks])",
            """\
assert checks["ok"].all(), checks[~checks["ok"]]
assert national["stated"] == national["found"] == 77
assert appendix_1["measures"].tolist() == [23, 24, 30]
assert appendix_1["measures"].sum() == 77
""",
        ),
        (
            'WORDS = "remanufactured products"',
            """\
assert not hits.empty, f"no measure matches {WORDS!r}"
assert hits.loc[0, "measure_key"] == "national:pilot-measures:1:1"
""",
        ),
        (
            'pilot_regions = {"beijing", "tianjin", "shanghai", "fujian", "guangdong", "hainan-ftp"}',
            """\
assert origins == pilot_regions, origins
assert "G.H.[2024]156" in set(trace["node_key"]), "the State Council notice is missing from the trace"
assert promoted["node_key"].tolist() == ["G.H.[2024]156"] and promoted["date"].tolist() == ["2024-10-25"]
assert replicated["node"].tolist() == ["All PFTZs"], replicated
assert replicated["date"].isna().all()  # the table row prints no date; the notice that promoted it does
assert issuers == {"state-council"}, issuers
assert "mofcom" in set(path.loc[path["relation"] == "RESPONSIBLE_FOR", "node_key"])
""",
        ),
        (
            'display(trace[["fact", "node_key", "source", "line", "quote"]])',
            """\
assert trace["line"].gt(0).all() and trace["quote"].str.len().gt(0).all(), "a fact without evidence"
assert set(trace["source"]) == {BUNDLED_REPORT.name}
""",
        ),
        (
            "timeline = adoption_timeline(G, measure=measure_key)",
            """\
assert diffused["derived"].all()
assert len(reached) == 17, len(reached)  # 22 PFTZs and Hainan FTP, less the six Pilot Regions
assert set(reached["date"]) == {"2024-10-25"}
assert (reached["from_pilot_zones"] == len(pilot_regions)).all()
assert not set(reached["target_key"]) & pilot_regions
assert {"chongqing", "xinjiang", "zhejiang"} <= set(reached["target_key"])
""",
        ),
        (
            'ship = pftz.query("trace_innovation", G, words="ship supervision and declaration")',
            """\
assert ship.loc[0, "measure_key"] == "national:best-practices:5:7"
assert "national:best-practices:5" in set(ship.loc[ship["relation"] == "IN_BATCH", "node_key"])
assert "S.Z.M.H.[2024]14" in set(ship.loc[ship["relation"] == "PROMOTED_BY", "node_key"])
assert set(ship.loc[ship["relation"] == "REPLICATED_TO", "node"]) == {"Nationwide"}
assert adopters == {"zhejiang/jiaxing-coordinated-innovation-zone"}, adopters
""",
        ),
        (
            "measure = node_id(Label.MEASURE, measure_key)",
            """\
expected = {
    node_id(Label.ZONE, "shanghai"),
    node_id(Label.DOCUMENT, "G.H.[2024]156"),
    node_id(Label.REGION, "all-pftzs"),
    node_id(Label.ZONE, "chongqing"),
}
assert expected <= set(view), expected - set(view)
assert positions[str(node_id(Label.ZONE, "shanghai"))][0] < positions[str(node_id(Label.ZONE, "chongqing"))][0]
""",
        ),
    ],
    "02-zones-and-diffusion.ipynb": [
        (
            'zones = pftz.query("innovators", G)',
            """\
assert kinds[ZoneKind.PFTZ] == 22, kinds
assert kinds[ZoneKind.FTP] == 1, kinds
assert zones.loc[zones["kind"] == ZoneKind.FTP, "zone_key"].tolist() == ["hainan-ftp"]
assert "shanghai/lin-gang-special-area" in set(zones.loc[zones["kind"] == ZoneKind.SUB_AREA, "zone_key"])
""",
        ),
        (
            'shanghai = pftz.query("zone_profile", G, zone="shanghai")',
            """\
assert len(cases) >= 1, "Shanghai has no zone cases"
assert "business scope registration reform" in set(cases["item"])
assert (shanghai["detail"] == MeasureKind.PILOT_MEASURE).sum() == 30  # every pilot measure, however worded
assert "shanghai/lin-gang-special-area" in set(shanghai.loc[shanghai["section"] == "has part", "item_key"])
""",
        ),
        (
            'jiaxing = pftz.query("zone_profile", G, zone="Jiaxing coordinated innovation zone")',
            """\
assert jiaxing.loc[0, "zone_key"] == "zhejiang/jiaxing-coordinated-innovation-zone"
assert "national:best-practices:5:7" in set(jiaxing.loc[jiaxing["section"] == "adopted", "item_key"])
assert set(jiaxing.loc[jiaxing["section"] == "part of", "item_key"]) == {"zhejiang"}
""",
        ),
        (
            'ranked = zones[zones["innovations"] > 0].set_index("zone")',
            """\
assert set(zones.head(6)["zone_key"]) == pilot_regions
assert set(scores.sort_values("rank").head(6)["zone_key"]) == pilot_regions  # the six Pilot Regions lead
assert (zones.loc[zones["zone_key"].isin(pilot_regions), "national"] == 30).all()
""",
        ),
        (
            "timeline = adoption_timeline(G)",
            """\
assert {"2024-01-18", "2024-10-25"} <= set(per_day.index)
assert per_day.loc["2024-10-25", "diffused"] > per_day.loc["2024-10-25", "replicated"] > 0
assert per_day.loc["2024-01-18", "replicated"] > 0
assert (timeline["derived"] == (timeline["event"] == "diffused")).all(), "only diffusion is derived"
assert dated.is_monotonic_increasing, "events are not in time order"
""",
        ),
        (
            'chongqing = adoption_timeline(G, zone="chongqing")',
            """\
assert reached_by.loc[("2024-10-25", "diffused"), "from_zones"] == 6
assert reached_by.loc[("2024-10-25", "diffused"), "measures"] == 17  # the 17 replicated to All PFTZs
""",
        ),
        (
            'co = pftz.query("co_issuance", G)',
            """\
assert "mofcom" in keys
assert partners.index[0] == "mofcom", partners.head()
# one node per document: the Ministry of Finance and the STA co-issued two documents (each named twice)
assert top["documents"] == 2, top
assert ("mof", "sta", 2) in set(zip(co["body_a_key"], co["body_b_key"], co["documents"], strict=True))
""",
        ),
    ],
    "03-neo4j-and-cypher.ipynb": [
        (
            "neo4j_backend = (driver, database)",
            """\
if NEO4J_AVAILABLE:
    assert "business scope registration reform" in set(from_neo4j["item"])
""",
        ),
        (
            "rows = []",
            """\
if NEO4J_AVAILABLE:
    assert len(parity) >= 10, parity
    assert parity["equal"].all(), parity[~parity["equal"]]
    assert parity.set_index("query").loc["trace_innovation", "rows"] > 0
""",
        ),
        (
            'trace = pftz.query("trace_innovation", neo4j_backend, words="remanufactured products")',
            """\
if NEO4J_AVAILABLE:
    assert "G.H.[2024]156" in set(trace["node_key"])
    assert "All PFTZs" in set(trace.loc[trace["relation"] == "REPLICATED_TO", "node"])
""",
        ),
        (
            "H = graph_from_neo4j(driver, database=database)",
            """\
if NEO4J_AVAILABLE:
    assert set(H.nodes) == set(G.nodes)
    assert set(H.edges(keys=True)) == set(G.edges(keys=True))
    assert H.nodes[shanghai]["provenance"] == G.nodes[shanghai]["provenance"]
""",
        ),
    ],
    "04-who-learned-from-whom.ipynb": [
        (
            'adoptions = pftz.table("adoptions", G)',
            """\
stated = [e for *_, e in G.edges(data=True) if e["type"] == "ADOPTED"]
assert adoptions[["adopter_key", "measure_key"]].drop_duplicates().shape[0] == len(stated) > 0
assert set(adoptions["adopter_key"]) >= {"shanxi", "ningxia", "zhejiang/jiaxing-coordinated-innovation-zone"}
""",
        ),
        (
            "timeline = adoption_timeline(G)",
            """\
pilot_regions = {"beijing", "tianjin", "shanghai", "fujian", "guangdong", "hainan-ftp"}
assert set(per_window.index) == pilot_regions
assert (per_window["2024 H1"] == 0).all() and (per_window["2024-07 onwards"] == 30).all()  # every pilot measure
""",
        ),
        (
            'for date in ("2024", "2024-06", "2024-10", "2024-10-25", "2023-12"):',
            """\
assert all(in_window("2024", *w) for w in windows.values())
assert not any(in_window("2023-12", *w) for w in windows.values())
""",
        ),
        (
            'since, until = windows["2024-07 onwards"]',
            """\
assert len(matrix) == 6 and set(late["date"]) == {"2024-10-25"}
assert reached.to_dict() == {"Region": 31, "Zone": 17}
""",
        ),
        (
            'shanxi = pftz.query("province_profile", G, province="shanxi")',
            """\
assert len(shanxi[shanxi["section"] == "adopted"]) == 2
# the six Pilot Regions, or the Lin-gang Special Area, where Table A1-2 row 7 was piloted
assert all(len(z) == 6 or list(z) == ["shanghai/lin-gang-special-area"] for z in received["from_zones"])
""",
        ),
        (
            'late_shanxi = pftz.query("province_profile", G, province="shanxi", since="2024-07")',
            """\
assert set(late_shanxi["date"].dropna()) == {"2024-10-25"}
""",
        ),
        (
            'ship = pftz.trace(G, "ship supervision and declaration", until="2024-06")',
            """\
assert "2024-10-25" not in set(ship["date"].dropna()) and "2024-01-18" in set(ship["date"])
assert "adopted by" in set(ship["fact"])
""",
        ),
    ],
}
"""Per notebook: (anchor, check) pairs in the order of the cells."""
