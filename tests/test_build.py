"""Tests of graph.build, graph.validate and graph.stats: merging records, reference records, validation, stats.

The module also provides the small synthetic reports (:func:`report_a`,
:func:`report_b`) that the resolve, diffusion and export tests build on.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest

from pftz.graph.build import graph_from_records, graph_from_reports
from pftz.graph.provenance import merge_provenance
from pftz.graph.stats import graph_stats
from pftz.graph.validate import find_problems, validate
from pftz.ground.errors import GraphValidationError
from pftz.ground.schema import (
    DERIVED,
    PROVENANCE,
    SCOPE_REGION_KEYS,
    Label,
    MeasureKind,
    RegionKind,
    Rel,
    Scope,
    node_id,
)
from pftz.loaders.records import Entity, NodeRef, ParsedReport, PropValue, Provenance, Relation, freeze_props
from pftz.loaders.reference import REFERENCE_DIR, load_prefixes, load_reference
from pftz.loaders.report import load_report
from pftz.loaders.userdata import load_user_data
from tests.synthetic import canonical

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

# --------------------------------------------------------------------------- synthetic reports

SMART_FORM_TABLE = '"Intelligent Form" model for enterprise registration services'
SMART_FORM_TEXT = 'new "smart form" model for business registration'
SEAMLESS_TABLE = "Seamless license renewal for enterprises"
SEAMLESS_TEXT = 'the "seamless renewal" of enterprise permits'

BP_BATCH = "national:best-practices:5"
PILOT_BATCH = "national:pilot-measures:1"
DOC = "G.H.[2024]156"


class _Report:
    """Collects records with provenance on consecutive lines of one source."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.sha = hashlib.sha256(source.encode()).hexdigest()
        self.line = 0
        self.entities: list[Entity] = []
        self.relations: list[Relation] = []

    def prov(self, quote: str) -> Provenance:
        self.line += 1
        return Provenance(self.source, self.sha, self.line, "Part I > I", quote)

    def node(self, label: Label, key: str, name: str, **props: PropValue) -> NodeRef:
        self.entities.append(Entity(label, key, name, freeze_props(props), self.prov(name)))
        return NodeRef(label, key)

    def rel(self, rel: Rel, start: NodeRef, end: NodeRef, quote: str, **props: PropValue) -> None:
        self.relations.append(Relation(rel, start, end, freeze_props(props), self.prov(quote)))

    def parsed(self) -> ParsedReport:
        return ParsedReport(self.source, self.sha, tuple(self.entities), tuple(self.relations))


def _zone(r: _Report, key: str, name: str) -> NodeRef:
    return r.node(Label.ZONE, key, name, kind="PFTZ", province=key)


def _scopes(r: _Report) -> dict[Scope, NodeRef]:
    return {s: r.node(Label.REGION, k, s.value, kind=RegionKind.SCOPE.value) for s, k in SCOPE_REGION_KEYS.items()}


def report_a() -> ParsedReport:
    """A first synthetic report: zones, a document, two batches, measures with origins and replication.

    Measures (keys):

    * ``national:best-practices:5:10`` / ``:13`` / ``:7``: appendix rows of the
      best-practice batch (dated 2024-01-18), replicated nationwide; rows 10 and
      13 are the table wordings of the two narrative cases below;
    * ``case:shanghai:smart-form``, ``case:guangdong:seamless-renewal``: the
      narrative wordings, with origin zones;
    * ``national:pilot-measures:1:1``: originated in Shanghai and Guangdong,
      replicated to All PFTZs through its batch (dated 2024-10 by the batch);
    * ``case:shanghai:year-only`` (All PFTZs, "2023") and
      ``case:shanghai:day-before`` (All PFTZs, "2023-10-30"): Xinjiang PFTZ was
      established 2023-10-31;
    * ``case:fujian:to-zhejiang``: replicated to the province of Zhejiang;
    * ``case:xinjiang:green-channel`` and ``case:hebei:scheduled-clearance``:
      a short title contained in a longer one (must not merge);
    * ``national:best-practices:5:99``: no origin, replicated nationwide.

    Ningxia adopted the smart-form case.
    """
    r = _Report("report-a.txt")
    sh, gd, fj, xj, hb = (
        _zone(r, "shanghai", "Shanghai PFTZ"),
        _zone(r, "guangdong", "Guangdong PFTZ"),
        _zone(r, "fujian", "Fujian PFTZ"),
        _zone(r, "xinjiang", "Xinjiang PFTZ"),
        _zone(r, "hebei", "Hebei PFTZ"),
    )
    scopes = _scopes(r)
    ningxia = r.node(Label.REGION, "ningxia", "Ningxia", kind=RegionKind.PROVINCE.value)
    zhejiang = r.node(Label.REGION, "zhejiang", "Zhejiang", kind=RegionKind.PROVINCE.value)
    sc = r.node(Label.ISSUING_BODY, "state-council", "State Council", abbreviation="")
    doc = r.node(
        Label.DOCUMENT, DOC, "G.H. [2024] No. 156", prefix="G.H.", year=2024, serial=156, date="2024-10-25",
        title="Notice of the State Council on Task Assignment",
    )  # fmt: skip
    r.rel(Rel.ISSUED_BY, doc, sc, "Notice of the State Council")
    bp = r.node(Label.BATCH, BP_BATCH, "Fifth batch of best practices", level="national", ordinal=5, date="2024-01-18")
    pilot = r.node(Label.BATCH, PILOT_BATCH, "Pilot measures", level="national", ordinal=1, date="2024-10")
    r.rel(Rel.RELEASED_BY, pilot, doc, "released by G.H. [2024] No. 156")

    def measure(key: str, name: str, kind: MeasureKind, **props: PropValue) -> NodeRef:
        return r.node(Label.MEASURE, key, name, kind=kind.value, title=name, **props)

    rows = {10: SMART_FORM_TABLE, 13: SEAMLESS_TABLE, 7: "New model for ship supervision and declaration"}
    for row, name in rows.items():
        m = measure(f"{BP_BATCH}:{row}", name, MeasureKind.BEST_PRACTICE, row=row)
        r.rel(Rel.IN_BATCH, m, bp, f"{row} | {name}", row=row)
        r.rel(Rel.REPLICATED_TO, m, scopes[Scope.NATIONWIDE], f"{row} | Nationwide", scope="Nationwide")
    orphan = measure(f"{BP_BATCH}:99", "Orphan reform without an origin", MeasureKind.BEST_PRACTICE, row=99)
    r.rel(Rel.IN_BATCH, orphan, bp, "99 | orphan", row=99)
    r.rel(Rel.REPLICATED_TO, orphan, scopes[Scope.NATIONWIDE], "99 | Nationwide", scope="Nationwide")

    smart = measure("case:shanghai:smart-form", SMART_FORM_TEXT, MeasureKind.ZONE_CASE)
    r.rel(Rel.ORIGINATED_IN, smart, sh, "Shanghai PFTZ introduced the smart form")
    r.rel(Rel.ADOPTED, ningxia, smart, "Ningxia adopted the smart form", date="2024-05", outcome="adopted")
    seamless = measure("case:guangdong:seamless-renewal", SEAMLESS_TEXT, MeasureKind.ZONE_CASE)
    r.rel(Rel.ORIGINATED_IN, seamless, gd, "Guangdong PFTZ pioneered seamless renewal")

    p1 = measure(f"{PILOT_BATCH}:1", "Import trials for remanufactured products", MeasureKind.PILOT_MEASURE, row=1)
    r.rel(Rel.IN_BATCH, p1, pilot, "1 | remanufactured products", row=1)
    r.rel(Rel.ORIGINATED_IN, p1, sh, "pilot region Shanghai")
    r.rel(Rel.ORIGINATED_IN, p1, gd, "pilot region Guangdong")
    r.rel(Rel.REPLICATED_TO, pilot, scopes[Scope.ALL_PFTZS], "to be replicated in all PFTZs", scope="All PFTZs")

    dated = {
        "year-only": ("2023", "Customs bond guarantee reform"),
        "day-before": ("2023-10-30", "Port pilotage booking"),
    }
    for key, (date, name) in dated.items():
        m = measure(f"case:shanghai:{key}", name, MeasureKind.ZONE_CASE)
        r.rel(Rel.ORIGINATED_IN, m, sh, f"Shanghai piloted {key}")
        r.rel(Rel.REPLICATED_TO, m, scopes[Scope.ALL_PFTZS], f"{key} to all PFTZs", scope="All PFTZs", date=date)
    tz = measure("case:fujian:to-zhejiang", "Cross-strait arbitration service", MeasureKind.ZONE_CASE)
    r.rel(Rel.ORIGINATED_IN, tz, fj, "Fujian piloted arbitration")
    r.rel(Rel.REPLICATED_TO, tz, zhejiang, "replicated in Zhejiang", scope="Province-wide", date="2024-03-01")

    g = measure("case:xinjiang:green-channel", "green channel", MeasureKind.ZONE_CASE)
    r.rel(Rel.ORIGINATED_IN, g, xj, "Xinjiang green channel")
    s = measure(
        "case:hebei:scheduled-clearance",
        "new model of 'scheduled customs clearance + green channel' for liquefied natural gas",
        MeasureKind.ZONE_CASE,
    )
    r.rel(Rel.ORIGINATED_IN, s, hb, "Hebei scheduled clearance")
    return r.parsed()


def report_b() -> ParsedReport:
    """A second report overlapping the first: the same zone, document and measure, plus a new measure."""
    r = _Report("report-b.txt")
    sh = _zone(r, "shanghai", "Shanghai PFTZ")
    scopes = _scopes(r)
    m = r.node(
        Label.MEASURE, f"{BP_BATCH}:10", SMART_FORM_TABLE, kind=MeasureKind.BEST_PRACTICE.value, row=10,
        field="government function transformation",
    )  # fmt: skip
    bp = r.node(Label.BATCH, BP_BATCH, "Fifth batch of best practices", level="national", ordinal=5)
    r.rel(Rel.IN_BATCH, m, bp, "10 | Intelligent Form", row=10)
    r.rel(Rel.REPLICATED_TO, m, scopes[Scope.NATIONWIDE], "10 | Nationwide (2nd report)", scope="Nationwide")
    new = r.node(Label.MEASURE, "case:shanghai:new-in-b", "A reform only report B has", kind="zone case")
    r.rel(Rel.ORIGINATED_IN, new, sh, "Shanghai did something new")
    r.node(Label.DOCUMENT, DOC, "G.H. [2024] No. 156", prefix="G.H.", year=2024, serial=156)
    return r.parsed()


def records(*reports: ParsedReport) -> tuple[list[Entity], list[Relation]]:
    entities: list[Entity] = []
    relations: list[Relation] = []
    for rep in reports:
        entities += rep.entities
        relations += rep.relations
    return entities, relations


def counts(G: nx.MultiDiGraph) -> tuple[int, int, int]:
    return G.number_of_nodes(), G.number_of_edges(), sum(len(d[PROVENANCE]) for _, d in G.nodes(data=True))


# --------------------------------------------------------------------------- merging


def test_build_twice_from_the_same_records_is_idempotent() -> None:
    e, r = records(report_a())
    G1 = graph_from_records(e, r)
    G2 = graph_from_records(e, r)
    assert canonical(G1) == canonical(G2)
    again = graph_from_records(e, r, G=graph_from_records(e, r))
    assert counts(again) == counts(G1)
    assert canonical(again) == canonical(G1)


def test_record_order_does_not_change_the_graph() -> None:
    e, r = records(report_a())
    rnd = random.Random(3)
    e2, r2 = e[:], r[:]
    rnd.shuffle(e2)
    rnd.shuffle(r2)
    assert canonical(graph_from_records(e, r)) == canonical(graph_from_records(e2, r2))


def test_two_reports_merge_with_provenance_union() -> None:
    a, b = report_a(), report_b()
    Ga = graph_from_records(*records(a))
    Gb = graph_from_records(*records(b))
    G = graph_from_records(*records(b), G=graph_from_records(*records(a)))
    assert set(G.nodes) == set(Ga.nodes) | set(Gb.nodes)
    assert G.number_of_nodes() == Ga.number_of_nodes() + 1  # only the new measure
    m = node_id(Label.MEASURE, f"{BP_BATCH}:10")
    sources = {p["source"] for p in G.nodes[m][PROVENANCE]}
    assert sources == {"report-a.txt", "report-b.txt"}
    assert len(G.nodes[m][PROVENANCE]) == len(Ga.nodes[m][PROVENANCE]) + len(Gb.nodes[m][PROVENANCE])
    assert G.nodes[m]["field"] == "government function transformation"  # filled from the second report
    edge = G.edges[m, node_id(Label.REGION, "nationwide"), Rel.REPLICATED_TO.value]
    assert len(edge[PROVENANCE]) == 2
    assert [s["file"] for s in G.graph["sources"]] == ["report-a.txt", "report-b.txt"]
    # the merge in one call gives the same graph
    assert canonical(graph_from_records(*records(a, b))) == canonical(G)
    # adding report B again changes nothing
    assert canonical(graph_from_records(*records(b), G=G)) == canonical(G)


def test_reports_are_consumed_one_at_a_time_with_the_same_graph() -> None:
    a, b = report_a(), report_b()
    handed: list[str] = []

    def one_by_one() -> Iterator[ParsedReport]:
        for r in (a, b):
            handed.append(r.source)
            yield r

    streamed = graph_from_reports(one_by_one(), derive=False, resolve=False)
    assert handed == ["report-a.txt", "report-b.txt"]
    assert canonical(streamed) == canonical(graph_from_records(*records(a, b)))
    # votes count across reports: the name most reports give wins, not the first report's
    first, second, third = _Report("one.txt"), _Report("two.txt"), _Report("three.txt")
    first.node(Label.ZONE, "z", "Zone Z", kind="PFTZ")
    for later in (second, third):
        later.node(Label.ZONE, "z", "Z Zone", kind="PFTZ")
    G = graph_from_reports(iter([first.parsed(), second.parsed(), third.parsed()]), derive=False, resolve=False)
    assert G.nodes["Zone:z"]["name"] == "Z Zone"


def test_a_relation_may_name_a_node_a_later_report_defines() -> None:
    early, late = _Report("early.txt"), _Report("late.txt")
    early.node(Label.MEASURE, "m", "A measure", kind="zone case")
    early.rel(Rel.ORIGINATED_IN, NodeRef(Label.MEASURE, "m"), NodeRef(Label.ZONE, "z"), "piloted in Zone Z")
    early.rel(Rel.PROMOTED_BY, NodeRef(Label.MEASURE, "m"), NodeRef(Label.DOCUMENT, "d"), "promoted by d")
    _zone(late, "z", "Zone Z")
    late.node(Label.DOCUMENT, "d", "Notice D")
    G = graph_from_reports(iter([early.parsed(), late.parsed()]), derive=False, resolve=False)
    assert G.has_edge("Measure:m", "Zone:z", Rel.ORIGINATED_IN.value)  # not "no Zone 'z' among the entities"
    assert G.nodes["Document:d"]["name"] == "Notice D"  # defined, not a stub named by its key
    validate(G)


def test_provenance_is_deduplicated_and_sorted() -> None:
    e, r = records(report_a())
    G = graph_from_records(e + e, r + r)
    for _, d in G.nodes(data=True):
        keys = [(p["source"], p["line"], p["quote"]) for p in d[PROVENANCE]]
        assert keys == sorted(set(keys))
    p = {"source": "s", "sha256": "h", "line": 1, "section": "", "quote": "q"}
    assert merge_provenance([p], None, [dict(p)]) == [p]


def test_most_frequent_value_wins_and_existing_values_are_kept() -> None:
    rep = _Report("votes.txt")
    for kind in ("PFTZ", "FTP", "FTP"):
        rep.node(Label.ZONE, "z", "Zone Z", kind=kind)
    rep.node(Label.ZONE, "z", "Z zone", kind="FTP")
    G = graph_from_records(rep.entities, [])
    assert G.nodes["Zone:z"]["kind"] == "FTP"
    assert G.nodes["Zone:z"]["name"] == "Zone Z"  # tie: first seen
    later = _Report("later.txt")
    for _ in range(5):
        later.node(Label.ZONE, "z", "Other", kind="PFTZ", province="p")
    graph_from_records(later.entities, [], G=G)
    assert G.nodes["Zone:z"]["kind"] == "FTP"  # what the graph had stays
    assert G.nodes["Zone:z"]["province"] == "p"  # what it lacked is added


def test_relations_to_unknown_nodes() -> None:
    rep = _Report("bad.txt")
    m = rep.node(Label.MEASURE, "m", "A measure", kind="zone case")
    rep.rel(Rel.ORIGINATED_IN, m, NodeRef(Label.ZONE, "atlantis"), "piloted in Atlantis")
    rep.rel(Rel.PROMOTED_BY, m, NodeRef(Label.DOCUMENT, "doc-1"), "promoted by doc-1")
    rep.rel(Rel.LOCATED_IN, m, NodeRef(Label.REGION, "x"), "a measure is not located anywhere")
    with pytest.raises(GraphValidationError) as info:
        graph_from_records(rep.entities, rep.relations)
    assert len(info.value.problems) == 2
    text = str(info.value)
    assert "no Zone 'atlantis'" in text and "bad.txt:2" in text
    assert "pattern (Measure)-[LOCATED_IN]->(Region) is not in the schema" in text

    problems: list[str] = []
    G = graph_from_records(rep.entities, rep.relations, problems=problems)
    assert len(problems) == 2
    assert "Zone:atlantis" not in G
    stub = G.nodes["Document:doc-1"]  # a document needs no properties: a stub is allowed
    assert stub["name"] == "doc-1" and stub[PROVENANCE][0]["quote"] == "promoted by doc-1"
    assert G.has_edge("Measure:m", "Document:doc-1", Rel.PROMOTED_BY.value)
    validate(G)
    # a stub gets its real name when an entity for it arrives later
    later = _Report("later.txt")
    later.node(Label.DOCUMENT, "doc-1", "Notice No. 1")
    graph_from_records(later.entities, [], G=G)
    assert G.nodes["Document:doc-1"]["name"] == "Notice No. 1"


def test_reserved_property_names_are_dropped_and_reported() -> None:
    rep = _Report("reserved.txt")
    rep.entities.append(Entity(Label.ZONE, "z", "Zone", freeze_props(kind="PFTZ", label="Region"), rep.prov("z")))
    z = NodeRef(Label.ZONE, "z")
    m = rep.node(Label.MEASURE, "m", "Measure", kind="zone case")
    rep.rel(Rel.ORIGINATED_IN, m, z, "m in z", type="MEMBER_OF")
    problems: list[str] = []
    G = graph_from_records(rep.entities, rep.relations, problems=problems)
    assert len(problems) == 2 and all("is reserved and was dropped" in p for p in problems)
    assert G.nodes["Zone:z"]["label"] == "Zone"
    assert G.edges["Measure:m", "Zone:z", "ORIGINATED_IN"]["type"] == "ORIGINATED_IN"
    assert G.edges["Measure:m", "Zone:z", "ORIGINATED_IN"][DERIVED] is False
    with pytest.raises(GraphValidationError):
        graph_from_records(rep.entities, rep.relations)


def test_an_edge_is_derived_only_when_every_record_of_it_is() -> None:
    rep = _Report("derived.txt")
    z = rep.node(Label.ZONE, "z", "Zone", kind="PFTZ")
    y = rep.node(Label.ZONE, "y", "Zone Y", kind="PFTZ")
    m = rep.node(Label.MEASURE, "m", "Measure", kind="zone case")
    rep.rel(Rel.ORIGINATED_IN, m, z, 'the "Pilot Regions" piloted m', derived=True, resolved='group "Pilot Regions"')
    rep.rel(Rel.ORIGINATED_IN, m, y, 'the "Pilot Regions" piloted m', derived=True, resolved='group "Pilot Regions"')
    rep.rel(Rel.ORIGINATED_IN, m, y, "Zone Y piloted m")
    problems: list[str] = []
    G = graph_from_records(rep.entities, rep.relations, problems=problems)
    assert problems == []
    assert G.edges["Measure:m", "Zone:z", "ORIGINATED_IN"][DERIVED] is True
    assert G.edges["Measure:m", "Zone:z", "ORIGINATED_IN"]["resolved"] == 'group "Pilot Regions"'
    assert G.edges["Measure:m", "Zone:y", "ORIGINATED_IN"][DERIVED] is False  # one stated record: stated


def test_stated_edges_are_not_derived() -> None:
    G = graph_from_records(*records(report_a()))
    assert all(d[DERIVED] is False for *_, d in G.edges(data=True))


# --------------------------------------------------------------------------- reference data


def test_reference_zones_provinces_and_scopes() -> None:
    G = graph_from_records(*records(load_reference()))
    zones = {n: d for n, d in G.nodes(data=True) if d["label"] == Label.ZONE.value}
    assert len(zones) == 23
    assert sum(d["kind"] == "PFTZ" for d in zones.values()) == 22
    sh = zones["Zone:shanghai"]
    assert sh["established"] == "2013-09-27" and sh["province"] == "shanghai"
    assert sh["name_zh"] == "中国（上海）自由贸易试验区" and isinstance(sh["lat"], float)
    (prov,) = sh[PROVENANCE]
    lines = (REFERENCE_DIR / "zones.csv").read_text(encoding="utf-8").splitlines()
    assert prov["source"] == "zones.csv" and lines[prov["line"] - 1].startswith("shanghai,")
    assert prov["sha256"] == hashlib.sha256((REFERENCE_DIR / "zones.csv").read_bytes()).hexdigest()
    assert zones["Zone:hainan-ftp"]["kind"] == "FTP"

    regions = {n: d for n, d in G.nodes(data=True) if d["label"] == Label.REGION.value}
    provinces = [d for d in regions.values() if d["kind"] == RegionKind.PROVINCE.value]
    assert len(provinces) == 34
    assert sum(d["mainland"] for d in provinces) == 31
    assert not regions["Region:taiwan"]["mainland"] and not regions["Region:hong-kong"]["mainland"]
    assert regions["Region:nationwide"]["kind"] == "scope" and regions["Region:all-pftzs"]["name"] == "All PFTZs"
    (scope,) = regions["Region:nationwide"][PROVENANCE]
    lines = (REFERENCE_DIR / "scopes.csv").read_text(encoding="utf-8").splitlines()
    assert scope["source"] == "scopes.csv" and lines[scope["line"] - 1] == scope["quote"]
    assert scope["quote"].startswith("nationwide,Nationwide,")
    located = [(u, v) for u, v, d in G.edges(data=True) if d["type"] == Rel.LOCATED_IN.value]
    assert len(located) == 23 and ("Zone:hainan-ftp", "Region:hainan") in located
    assert {s["file"] for s in G.graph["sources"]} == {"zones.csv", "provinces.csv", "scopes.csv"}
    validate(G)


def test_reference_values_win_over_the_report() -> None:
    G = graph_from_reports([report_a()], reference=load_reference(), derive=False, resolve=False)
    sh = G.nodes["Zone:shanghai"]
    assert sh["name"] == "Shanghai PFTZ" and sh["established"] == "2013-09-27"
    assert {p["source"] for p in sh[PROVENANCE]} == {"zones.csv", "report-a.txt"}


def test_chinese_numbers_come_from_the_loaders() -> None:
    """The graph keeps the loaders' number_zh: certain prefixes only (doc_prefixes.csv), a blank otherwise."""
    prefixes = load_prefixes()
    docs = [e for e in load_report().entities if e.label is Label.DOCUMENT and "prefix" in e.properties]
    docs += [e for e in load_user_data(EXAMPLES / "documents.csv").entities if e.label is Label.DOCUMENT]
    assert any(e.key == DOC and e.properties["number_zh"] == "国函〔2024〕156号" for e in docs)
    for e in docs:
        p = e.properties
        pref = prefixes.get(str(p.get("prefix")))
        if pref is not None and pref.certain and p.get("year") is not None and " " not in str(p["prefix"]):
            assert p["number_zh"] == f"{pref.name_zh}〔{p['year']}〕{p['serial']}号", e
        else:
            assert "number_zh" not in p, e
    G = graph_from_reports([report_a()], reference=load_reference(), derive=False, resolve=False)
    assert "number_zh" not in G.nodes[node_id(Label.DOCUMENT, DOC)]  # the synthetic report states none


# --------------------------------------------------------------------------- graph_from_reports


def test_graph_from_reports_is_valid_and_deterministic() -> None:
    G1 = graph_from_reports([report_a(), report_b()], reference=load_reference())
    G2 = graph_from_reports([report_a(), report_b()], reference=load_reference())
    assert canonical(G1) == canonical(G2)
    assert G1.graph["name"] == "pftz-graph"
    assert [s["file"] for s in G1.graph["sources"]] == [
        "provinces.csv", "report-a.txt", "report-b.txt", "scopes.csv", "zones.csv",
    ]  # fmt: skip
    stats = graph_stats(G1)
    assert stats["labels"]["Zone"] == 23 and stats["derived_edges"] > 0
    assert stats["stated_edges"] + stats["derived_edges"] == stats["edges"] == G1.number_of_edges()
    assert stats["derived"]["DIFFUSED_TO"] == stats["relationships"]["DIFFUSED_TO"]


def test_graph_stats_counts() -> None:
    G = graph_from_records(*records(report_a()))
    stats = graph_stats(G)
    assert stats["nodes"] == G.number_of_nodes()
    assert stats["labels"]["Measure"] == 12 and stats["labels"]["Alliance"] == 0
    assert stats["relationships"]["ORIGINATED_IN"] == 9
    assert stats["derived_edges"] == 0 and stats["derived"] == {}
    assert set(stats["labels"]) == {label.value for label in Label}


# --------------------------------------------------------------------------- validation


def _valid_graph() -> nx.MultiDiGraph:
    return graph_from_records(*records(report_a()))


def test_valid_graph_passes() -> None:
    G = _valid_graph()
    validate(G)
    assert find_problems(G) == []


def test_validate_reports_every_problem_at_once() -> None:
    G = _valid_graph()
    prov = G.nodes["Zone:shanghai"][PROVENANCE]
    G.add_node("Planet:mars", label="Planet", key="mars", name="Mars", provenance=prov)  # unknown label
    G.add_node("Zone:nokey", label="Zone", name="No key", kind="PFTZ", provenance=prov)  # missing key
    G.add_node("Zone:wrong", label="Zone", key="right", name="W", kind="PFTZ", provenance=prov)  # id mismatch
    G.add_node("Zone:nokind", label="Zone", key="nokind", name="N", provenance=prov)  # missing required
    G.nodes["Zone:shanghai"]["colour"] = "red"  # not in schema
    G.nodes["Zone:guangdong"]["lat"] = "north"  # wrong type
    G.nodes["Zone:fujian"][PROVENANCE] = []  # missing provenance
    G.add_edge("Zone:shanghai", "Zone:guangdong", key=Rel.ISSUED_BY.value, type="ISSUED_BY", provenance=prov)
    G.add_edge("Zone:shanghai", "Zone:fujian", key="MADE_UP", type="MADE_UP", provenance=prov)
    G.add_edge("Zone:shanghai", "Zone:hebei", key=Rel.PART_OF.value, type="PART_OF")  # no provenance
    G.add_edge(
        "Zone:shanghai",
        "Zone:xinjiang",
        key="DIFFUSED_TO|m",
        type="DIFFUSED_TO",
        measure="m",
        derived=True,
    )  # fmt: skip  (derived: provenance optional)
    G.add_edge("Zone:shanghai", "Zone:xinjiang", key="PART_OF|x", type="PART_OF", weight=2, provenance=prov)
    with pytest.raises(GraphValidationError) as info:
        validate(G)
    problems = info.value.problems
    expected = [
        "node 'Planet:mars': unknown label 'Planet'",
        "node 'Zone:nokey': missing key",
        "node 'Zone:wrong': id does not match label and key",
        "node 'Zone:nokind': missing required property 'kind'",
        "node 'Zone:shanghai': property 'colour' is not in the schema of Zone",
        "node 'Zone:guangdong': property 'lat' is a str, not float",
        "node 'Zone:fujian': no provenance",
        "pattern (Zone)-[ISSUED_BY]->(Zone) is not in the schema",
        "unknown relationship type 'MADE_UP'",
        "edge 'Zone:shanghai' -> 'Zone:hebei' ['PART_OF']: no provenance",
        "property 'weight' is not in the schema of PART_OF",
    ]
    for e in expected:
        assert sum(e in p for p in problems) == 1, e
    assert len(problems) == len(expected)
    assert not any("DIFFUSED_TO|m" in p for p in problems)
    assert f"({len(problems)} problems)" in str(info.value)


def test_validate_checks_edge_keys_and_provenance_entries() -> None:
    G = _valid_graph()
    u, v = "Measure:case:shanghai:smart-form", "Zone:shanghai"
    data = dict(G.edges[u, v, Rel.ORIGINATED_IN.value])
    G.add_edge(u, v, key="SOMETHING", **data)
    G.nodes[v][PROVENANCE] = [{"source": "x", "line": "3"}]
    problems = find_problems(G)
    assert any("edge key does not start with its type" in p for p in problems)
    assert any("lacks sha256, section, quote" in p for p in problems)
