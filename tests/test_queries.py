"""The query library: headers, twins, parity with the real Neo4j, hostile parameters, trace, CLI.

Parity: each named query runs on the NetworkX graph (its twin) and on the
same graph loaded into Neo4j, and the two DataFrames must be equal with
``pandas.testing.assert_frame_equal`` and no normalisation at all: both
backends build their frame with :func:`queries.twins_common.frame` from plain Python
values, so null is ``None`` (NaN in float columns, ``<NA>`` in nullable
integer columns) on both sides, and lists are sorted by the queries
themselves.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import neo4j
import networkx as nx
import pandas as pd
import pytest
from click.testing import CliRunner

from pftz import queries
from pftz.graph.build import graph_from_reports
from pftz.graph.neo4j_schema import FULLTEXT_INDEX
from pftz.graph.neo4j_store import clear_database, count_database, graph_to_neo4j
from pftz.graph.periods import stamp_periods
from pftz.ground.errors import QueryError
from pftz.ground.schema import DERIVED, PROVENANCE, Label, RegionKind, Rel, node_id
from pftz.loaders.reference import load_reference
from pftz.loaders.report import BUNDLED_REPORT, load_report
from pftz.queries.twins import TWINS
from pftz.queries.twins_common import DELIMITERS, cypher_list_literal, search_score, search_terms
from pftz.shell.cli import cli
from tests.synthetic import evidence, synthetic_graph

Conn = tuple[neo4j.Driver, str]

HOSTILE = ["' OR 1=1 //", '"}) DETACH DELETE n //', "{", "$x", "\\", "'", "MATCH (n) DETACH DELETE n", "", "上海"]
"""Parameter values that would break or change a query if they were spliced into its text."""

KEYED = {"zone_profile", "province_profile", "pilot_regions", "diffusion_paths"}
"""Queries whose string parameters are looked up as keys or names: hostile values match nothing."""


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def G() -> nx.MultiDiGraph:
    """The graph of the bundled report."""
    return graph_from_reports([load_report()], reference=load_reference())


@pytest.fixture(scope="module")
def report_lines() -> list[str]:
    return BUNDLED_REPORT.read_text(encoding="utf-8").splitlines()


def _load(G: nx.MultiDiGraph, conn: Conn) -> dict[str, int]:
    driver, db = conn
    clear_database(driver, db)
    graph_to_neo4j(G, driver, database=db)
    return count_database(driver, db)


@pytest.fixture(scope="module")
def _report_counts(G: nx.MultiDiGraph, neo4j_connection: Conn) -> dict[str, int]:
    return _load(G, neo4j_connection)


@pytest.fixture
def report_db(G: nx.MultiDiGraph, neo4j_connection: Conn, _report_counts: dict[str, int]) -> Conn:
    """Neo4j holding exactly the bundled report's graph (reloaded if another test changed it)."""
    driver, db = neo4j_connection
    if count_database(driver, db) != _report_counts:
        _load(G, neo4j_connection)
    return neo4j_connection


def _params(info: queries.QueryInfo) -> dict[str, Any]:
    return {p.name: info.example.get(p.name, p.default) for p in info.params}


def _both(name: str, G: nx.MultiDiGraph, conn: Conn, **params: Any) -> pd.DataFrame:
    """Run a query on both backends, assert the frames are equal, return the NetworkX one."""
    expected = queries.run(name, G, **params)
    got = queries.run(name, conn, **params)
    pd.testing.assert_frame_equal(got, expected, check_exact=True)
    assert list(expected.columns) == list(queries.load_query(name).columns)
    return expected


# --------------------------------------------------------------------------- the catalogue


CYPHER_FILES = sorted(queries.QUERY_DIR.glob("*.cypher"))


def _code(text: str) -> str:
    """Query text without ``//`` comments and with string literals emptied."""
    # One left-to-right pass, so that '//' inside a string and a quote inside a comment are both skipped.
    token = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|//[^\n]*")
    return token.sub(lambda m: "" if m.group().startswith("//") else "''", text)


def _labels_and_types(code: str) -> set[str]:
    """Labels and relationship types: a name right after a colon (map entries are written `key: value`)."""
    names: set[str] = set()
    for chain in re.findall(r"(?<=[\w()[\]]):((?:[A-Za-z_]\w*)(?:\|[A-Za-z_]\w*)*)", code):
        names.update(chain.split("|"))
    return names


def test_the_label_check_sees_the_labels() -> None:
    seen = set().union(*(_labels_and_types(_code(q.cypher)) for q in queries.list_queries()))
    assert {label.value for label in Label} <= seen
    assert _labels_and_types("MATCH (a:Zone)-[:ORIGINATED_IN|IN_BATCH]->(b) WHERE b:Batch RETURN {key: a}") == {
        "Zone", "ORIGINATED_IN", "IN_BATCH", "Batch",
    }  # fmt: skip


def test_there_are_the_required_queries() -> None:
    names = {q.name for q in queries.list_queries()}
    required = {
        "trace_innovation", "zone_profile", "innovators", "documents_by_body", "co_issuance", "pilot_regions",
        "diffusion_paths", "batch_reach", "measures_by_field_scope", "alliances", "review_list", "search_measures",
    }  # fmt: skip
    assert required <= names
    assert len(CYPHER_FILES) == len(names)


@pytest.mark.parametrize("path", CYPHER_FILES, ids=lambda p: p.stem)
def test_every_cypher_file_has_a_header_and_a_twin(path: Path) -> None:
    info = queries.parse_header(path.read_text(encoding="utf-8"), path)
    assert info.name == path.stem
    assert info.description and info.columns
    assert info.name in TWINS, f"{path.name} has no NetworkX twin in queries/twins.py"
    required = {p.name for p in info.params if not p.optional}
    assert required <= set(info.example) <= {p.name for p in info.params}, "the example must give every parameter"


def test_every_twin_has_a_query() -> None:
    assert set(TWINS) == {q.name for q in queries.list_queries()}


@pytest.mark.parametrize("path", CYPHER_FILES, ids=lambda p: p.stem)
def test_cypher_uses_only_schema_labels_types_and_declared_parameters(path: Path) -> None:
    info = queries.load_query(path.stem)
    code = _code(info.cypher)
    names = _labels_and_types(code)
    known = {label.value for label in Label} | {rel.value for rel in Rel}
    assert names or "fulltext.queryNodes" in code, "no label found: the check is broken"
    assert names <= known, f"not in ground.schema: {sorted(names - known)}"
    used = set(re.findall(r"\$([A-Za-z_]\w*)", code))
    assert used == {p.name for p in info.params}
    assert re.search(r"\bORDER BY\b[^;]*$", code.strip()), "the query must end with ORDER BY"
    for index in re.findall(r"fulltext\.queryNodes\('([^']*)'", info.cypher):
        assert index == FULLTEXT_INDEX


def test_search_queries_split_words_like_the_twins() -> None:
    literal = cypher_list_literal(DELIMITERS)
    for name in ("search_measures", "trace_innovation"):
        text = queries.load_query(name).cypher
        assert f"split(toLower($words), {literal})" in text
        assert "w =~ '[a-z0-9]+'" in text


def test_header_problems_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "broken.cypher"
    with pytest.raises(QueryError, match="no '// columns:' line"):
        queries.parse_header("// name: broken\n// description: x\nRETURN 1", path)
    with pytest.raises(QueryError, match="not the file name"):
        queries.parse_header("// name: other\n// description: x\n// columns: a\nRETURN 1 AS a", path)
    with pytest.raises(QueryError, match="params line"):
        queries.parse_header("// name: broken\n// description: x\n// params: zone\n// columns: a\nRETURN 1", path)


def test_unknown_names_and_bad_parameters(G: nx.MultiDiGraph) -> None:
    with pytest.raises(QueryError, match=r"unknown query 'nope'.*trace_innovation"):
        queries.run("nope", G)
    with pytest.raises(QueryError, match="unknown query"):
        queries.load_query("nope")
    with pytest.raises(QueryError, match="missing parameter 'zone'"):
        queries.run("zone_profile", G)
    with pytest.raises(QueryError, match="unknown parameter 'zones'"):
        queries.run("zone_profile", G, zone="shanghai", zones="x")
    with pytest.raises(QueryError, match="must be an int"):
        queries.run("diffusion_paths", G, source="beijing", target="chongqing", max_hops="' OR 1=1 //")
    with pytest.raises(QueryError, match="cannot run"):
        queries.run("innovators", "bolt://localhost:7687")  # type: ignore[arg-type]


def test_defaults_and_conversions(G: nx.MultiDiGraph) -> None:
    a = queries.run("diffusion_paths", G, source="beijing", target="chongqing")
    b = queries.run("diffusion_paths", G, source="beijing", target="chongqing", max_hops="3")
    pd.testing.assert_frame_equal(a, b)
    assert len(a) > 0


def test_catalogue_markdown_lists_every_query() -> None:
    md = queries.catalogue_markdown()
    for info in queries.list_queries():
        assert f"## {info.name}" in md
        assert info.cypher.strip() in md
    assert ":params {words: 'ship supervision and declaration', since: null, until: null}" in md


def test_search_terms_and_score() -> None:
    assert search_terms("New “one-stop” model,e-Commerce 上海 (2024)") == [
        "new", "one", "stop", "model", "e", "commerce", "2024",
    ]  # fmt: skip
    assert search_terms("{ $ ' //") == []
    assert search_score(["ship", "supervision"], "New model for ship supervision", None, None) == 4 + 4 + 2 + 1
    assert search_score(["ship", "declaration"], "New model for ship supervision and declaration", None, None) == 9
    assert search_score(["ship", "declaration"], "x", "Ship-Declaration", None) == 4 + 4 + 2
    assert search_score(["ship", "declaration"], "shipping declarations", None, None) == 1
    assert search_score(["m", "7526"], "M-7526.5 and more", None, None) == 4 + 4 + 2 + 1
    assert search_score(["m", "7526"], "ü7526 m", None, None) == 4 + 4 + 1
    assert search_score(["ship", "zzz"], "ship", None, None) is None


# --------------------------------------------------------------------------- parity with Neo4j


@pytest.mark.neo4j
@pytest.mark.parametrize("name", sorted(TWINS))
def test_parity_on_the_report(name: str, G: nx.MultiDiGraph, report_db: Conn) -> None:
    info = queries.load_query(name)
    df = _both(name, G, report_db, **_params(info))
    assert len(df) > 0, f"{name} returned no rows for its example parameters"


@pytest.mark.neo4j
@pytest.mark.parametrize(
    ("name", "params"),
    [
        ("zone_profile", {"zone": "zhejiang/jiaxing-coordinated-innovation-zone"}),
        ("zone_profile", {"zone": "LIAONING pftz"}),
        ("zone_profile", {"zone": "chongqing"}),
        ("pilot_regions", {"document": "G.Fa. [2023] No. 9"}),
        ("pilot_regions", {"document": "G.H.[2024]156"}),
        ("diffusion_paths", {"source": "liaoning", "target": "beijing", "max_hops": 4}),
        ("diffusion_paths", {"source": "beijing", "target": "chongqing", "max_hops": 0}),
        ("search_measures", {"words": "smart"}),
        ("search_measures", {"words": "E-Commerce"}),
        ("search_measures", {"words": "Customs–Bank One–KEY"}),
        ("trace_innovation", {"words": "remanufactured products"}),
        ("trace_innovation", {"words": "national:best-practices:5:1"}),
        ("trace_innovation", {"words": "digital transformation of project planning"}),
        ("trace_innovation", {"words": "Intelligent Form"}),
        ("trace_innovation", {"words": "remanufactured products", "since": "2024-10"}),
        ("trace_innovation", {"words": "remanufactured products", "since": "2024-10-26"}),
        ("trace_innovation", {"words": "ship supervision and declaration", "until": "2024"}),
        ("zone_profile", {"zone": "shanghai", "since": "2024", "until": "2024-10"}),
        ("zone_profile", {"zone": "hubei", "since": "2025"}),
        ("province_profile", {"province": "shanxi"}),
        ("province_profile", {"province": "Guangdong", "since": "2024-06"}),
        ("province_profile", {"province": "ningxia", "until": "2024-01-18"}),
    ],
)
def test_parity_with_other_parameters(name: str, params: dict[str, Any], G: nx.MultiDiGraph, report_db: Conn) -> None:
    _both(name, G, report_db, **params)


TRICKY_QUOTES = [
    'He said "hi"}',
    'a","b',
    "back\\slash \\\\ two",
    "new\nline\ttab\rreturn",
    "ends with a backslash \\",
    '"}',
    '{"line":5,"quote":"fake"}',
    'quote":"x',
    "ünïcödé 上海 😀 – “curly”",
    "slash / and \\/ escaped",
]


def tricky_graph() -> nx.MultiDiGraph:
    """A synthetic graph with the edge cases the Cypher must handle like the twins.

    Dates of every precision and invalid ones on diffusion edges; provenance
    quotes full of JSON metacharacters; a provenance entry without a line; a
    measure piloted in the two zones a document names; names in mixed scripts.
    """
    G = synthetic_graph(30, 5, seed=7, source='odd "source" \\ name.txt')
    dates = ["2019", "2019-06", "2019-06-01", "2019-02-30", None, "2020-13", "0000", " 2019", "2018-12-31", "2019-12"]
    diffusions = sorted((u, v, k) for u, v, k, d in G.edges(keys=True, data=True) if d["type"] == Rel.DIFFUSED_TO.value)
    for i, (u, v, k) in enumerate(diffusions):
        data = G.edges[u, v, k]
        if dates[i % len(dates)] is None:
            data.pop("date", None)
        else:
            data["date"] = dates[i % len(dates)]
    measures = sorted(n for n, d in G.nodes(data=True) if d["label"] == Label.MEASURE.value)
    for i, m in enumerate(measures[:10]):
        G.nodes[m][PROVENANCE] = [*G.nodes[m][PROVENANCE], evidence("tricky.txt", 100 + i, TRICKY_QUOTES[i])]
        for _, _, d in G.out_edges(m, data=True):
            d[PROVENANCE] = [*d[PROVENANCE], evidence("tricky.txt", 200 + i, TRICKY_QUOTES[-1 - i])]
    G.nodes[measures[0]][PROVENANCE].append({"source": "no-line.txt", "sha256": "0", "section": "", "quote": "q"})
    G.nodes[measures[1]].update(name="E-Commerce “smart” form – 上海 single window", title="Smart FORM (2024)")
    G.nodes[measures[2]].pop("title")
    doc = node_id(Label.DOCUMENT, "guofa-2015-1")
    named = sorted(v for _, v, d in G.out_edges(doc, data=True) if d["type"] == Rel.NAMES_ZONE.value)
    for z in named:
        G.add_edge(measures[3], z, key=Rel.ORIGINATED_IN.value, type=Rel.ORIGINATED_IN.value,
                   provenance=[evidence("tricky.txt", 300, "piloted")])  # fmt: skip
    zones = sorted(n for n, d in G.nodes(data=True) if d["label"] == Label.ZONE.value)
    extra = {"measure": G.nodes[measures[4]]["key"], "date": "2019-06", "via": "x", DERIVED: True}
    key = f"{Rel.DIFFUSED_TO.value}|extra"
    G.add_edge(zones[0], zones[1], key=key, type=Rel.DIFFUSED_TO.value, provenance=[], **extra)
    # Time windows: provinces that adopted and received measures at dates of every precision, and invalid ones.
    provinces = sorted(n for n, d in G.nodes(data=True) if d.get("kind") == RegionKind.PROVINCE.value)
    for i, m in enumerate(measures[:10]):
        date = dates[i % len(dates)]
        prov = provinces[i % 3]
        G.add_edge(
            prov,
            m,
            key=f"{Rel.ADOPTED.value}|w{i}",
            type=Rel.ADOPTED.value,
            outcome=f"adopted {i}",
            provenance=[evidence("tricky.txt", 400 + i, "adopted")],
            **({} if date is None else {"date": date}),
        )
        G.add_edge(zones[i % len(zones)], prov, key=f"{Rel.DIFFUSED_TO.value}|w{i}", type=Rel.DIFFUSED_TO.value,
                   provenance=[], measure=G.nodes[m]["key"], via="x", **{DERIVED: True},
                   **({} if date is None else {"date": date}))  # fmt: skip
    return G


@pytest.fixture
def tricky_db(neo4j_db: Conn) -> Iterator[tuple[nx.MultiDiGraph, Conn]]:
    H = stamp_periods(tricky_graph())  # the periods graph_from_reports stores, on a graph built by hand
    graph_to_neo4j(H, neo4j_db[0], database=neo4j_db[1])
    yield H, neo4j_db
    clear_database(*neo4j_db)


@pytest.mark.neo4j
def test_parity_on_edge_cases(tricky_db: tuple[nx.MultiDiGraph, Conn]) -> None:
    H, conn = tricky_db
    measures = sorted(d["key"] for _, d in H.nodes(data=True) if d["label"] == Label.MEASURE.value)
    calls: list[tuple[str, dict[str, Any]]] = [(name, {}) for name, t in sorted(TWINS.items()) if name not in
                                               {"trace_innovation", "search_measures", "zone_profile",
                                                "pilot_regions", "diffusion_paths",
                                                "province_profile", "trace_graph", "zone_neighbourhood"}]  # fmt: skip
    calls += [("trace_innovation", {"words": key}) for key in measures[:12]]
    calls += [("trace_graph", {"measure": key}) for key in measures[:12]]
    calls += [("zone_neighbourhood", {"zone": f"zone-{i}", "derived": d}) for i in range(5) for d in (0, 1)]
    calls += [("trace_innovation", {"words": w}) for w in ("smart form", "single window trade", "reform m 3")]
    calls += [("search_measures", {"words": w}) for w in ("smart form", "e commerce", "2024", "M-1", "quotes more")]
    calls += [("zone_profile", {"zone": f"zone-{i}"}) for i in range(5)]
    windows = [{"since": "2019"}, {"since": "2019-06"}, {"until": "2019-05"},
               {"since": "2019-06-02", "until": "2019-12"}, {"since": "2018-12-31", "until": "2018-12-31"},
               {"until": "2019"}, {"since": "2020"}]  # fmt: skip
    calls += [("zone_profile", {"zone": f"zone-{i}", **w}) for i in range(3) for w in windows]
    calls += [("province_profile", {"province": f"province-{i}", **w}) for i in range(4) for w in [{}, *windows]]
    calls += [("trace_innovation", {"words": key, **w}) for key in measures[:10] for w in windows[:4]]
    calls += [("pilot_regions", {"document": f"guofa-{2015 + i}-{i + 1}"}) for i in range(2)]
    calls += [
        ("diffusion_paths", {"source": f"zone-{a}", "target": f"zone-{b}", "max_hops": 4})
        for a in range(5)
        for b in range(5)
    ]
    hops = 0
    for name, params in calls:
        df = _both(name, H, conn, **params)
        if name == "diffusion_paths" and len(df):
            hops = max(hops, int(df["hops"].max()))
        if name == "trace_innovation" and params["words"] in measures[:10]:
            quotes = set(df["quote"].dropna())
            assert quotes & set(TRICKY_QUOTES), params
    assert hops >= 2, "the edge-case graph should have multi-hop paths"


# --------------------------------------------------------------------------- hostile parameters


@pytest.mark.neo4j
@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_parameter_values(value: str, G: nx.MultiDiGraph, report_db: Conn) -> None:
    driver, db = report_db
    before = count_database(driver, db)
    for info in queries.list_queries():
        if not any(p.type == "str" for p in info.params):
            continue
        params = {p.name: value if p.type == "str" else p.default for p in info.params}
        df = _both(info.name, G, report_db, **params)
        if info.name in KEYED:
            assert df.empty, (info.name, value)
    assert count_database(driver, db) == before


def test_hostile_values_match_as_plain_text(G: nx.MultiDiGraph) -> None:
    # Words are data: "' OR 1=1 //" searches for measures containing "or" and "1".
    df = queries.run("search_measures", G, words="' OR 1=1 //")
    for key in df["measure_key"]:
        d = G.nodes[node_id(Label.MEASURE, key)]
        text = " ".join(str(d.get(p) or "") for p in ("name", "title", "text")).lower()
        assert "or" in text and "1" in text
    assert queries.run("search_measures", G, words="{").empty
    assert queries.run("trace_innovation", G, words="").empty


# --------------------------------------------------------------------------- trace


def _line_of(report_lines: list[str], text: str) -> int:
    hits = [i + 1 for i, line in enumerate(report_lines) if text in line]
    assert hits, text
    return hits[0]


@pytest.fixture(params=["networkx", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def backend(request: pytest.FixtureRequest, G: nx.MultiDiGraph) -> Any:
    if request.param == "networkx":
        return G
    return request.getfixturevalue("report_db")


def _facts(df: pd.DataFrame, fact: str) -> pd.DataFrame:
    return df[df["fact"] == fact]


def test_trace_ship_supervision(backend: Any, report_lines: list[str]) -> None:
    df = queries.trace(backend, "ship supervision and declaration")
    assert set(df["measure_key"]) == {"national:best-practices:5:7"}
    table_line = _line_of(report_lines, "7\tNew model for ship supervision and declaration\tNationwide")
    example_line = _line_of(report_lines, "Jiaxing coordinated innovation zone of Zhejiang PFTZ replicated")
    batch = _facts(df, "in batch")
    assert set(batch["node_key"]) == {"national:best-practices:5"}
    assert set(batch["date"]) == {"2024-01-18"} and set(batch["detail"]) == {"row 7"}
    assert set(_facts(df, "promoted by")["node_key"]) == {"S.Z.M.H.[2024]14"}
    assert set(_facts(df, "batch released by")["node_key"]) == {"S.Z.M.H.[2024]14"}
    assert set(_facts(df, "document issued by")["node_key"]) == {"mofcom"}
    replicated = _facts(df, "replicated to")
    assert set(replicated["node_key"]) == {"nationwide"} and set(replicated["detail"]) == {"Nationwide"}
    adopted = _facts(df, "adopted by")
    assert set(adopted["node_key"]) == {"zhejiang/jiaxing-coordinated-innovation-zone"}
    assert set(adopted["line"]) == {example_line}
    assert "ship supervision and declaration" in adopted["quote"].iloc[0]
    assert set(replicated["line"]) == {table_line}
    assert {table_line, example_line} <= set(_facts(df, "measure")["line"])
    assert set(df["source"]) == {BUNDLED_REPORT.name}


def test_trace_remanufactured_products(backend: Any, report_lines: list[str]) -> None:
    df = queries.trace(backend, "remanufactured products")
    assert set(df["measure_key"]) == {"national:pilot-measures:1:1"}
    assert set(df["kind"]) == {"pilot measure"}
    origins = _facts(df, "originated in")
    assert set(origins["node_key"]) == {"beijing", "fujian", "guangdong", "hainan-ftp", "shanghai", "tianjin"}
    row_line = _line_of(report_lines, "1\tSupport the Pilot Regions in implementing import trials for remanufactured")
    listing = _line_of(report_lines, "Proactively aligning with high-standard international economic")
    assert set(origins["line"]) == {row_line, listing}, "the row names the Pilot Regions; the sentence lists them"
    assert set(_facts(df, "promoted by")["node_key"]) == {"G.H.[2024]156"}
    assert set(_facts(df, "promoted by")["date"]) == {"2024-10-25"}
    replicated = _facts(df, "replicated to")
    assert set(replicated["node_key"]) == {"all-pftzs"} and set(replicated["detail"]) == {"All PFTZs"}
    assert "mofcom" in set(_facts(df, "responsible for the measure")["node_key"])


def test_trace_zone_case(backend: Any, report_lines: list[str]) -> None:
    df = queries.trace(backend, "integrated license for convergent business")
    assert set(df["measure_key"]) == {"case:shanghai:integrated-license-for-convergent-business"}
    origins = _facts(df, "originated in")
    assert list(origins["node_key"]) == ["shanghai"]
    line = _line_of(report_lines, '"integrated license for convergent business" allows')
    assert list(origins["line"]) == [line]
    assert "convergent business" in origins["quote"].iloc[0]


def test_trace_provincial_innovation(backend: Any) -> None:
    df = queries.trace(backend, "digital transformation of project planning and construction")
    assert df["measure_key"].iloc[0].startswith("provincial:liaoning:")
    assert set(_facts(df, "originated in")["node_key"]) == {"liaoning"}
    replicated = _facts(df, "replicated to")
    assert set(replicated["node_label"]) == {"Region"} and set(replicated["node_key"]) == {"liaoning"}
    assert set(replicated["detail"]) == {"Province-wide"}


@pytest.mark.parametrize(
    ("words", "row", "wording"),
    [
        ("wine", "national:pilot-measures:1:21", "allowing-the-import-of-wine-labeled-with-specific-adjectives"),
        ("evaluation procedures competence foreign professionals", "national:pilot-measures:1:9",
         "improving-evaluation-procedures-for-the-competence-of-foreig"),
        ("expediting decisions extension applications advance rulings", "national:pilot-measures:1:19",
         "expediting-decisions-on-extension-applications-before-the-ex"),
    ],
)  # fmt: skip
def test_trace_merges_a_wording_linked_to_its_row(backend: Any, words: str, row: str, wording: str) -> None:
    # One innovation the report prints twice (an overview sentence and a table row), linked by SAME_AS:
    # one answer under the row, with the sentence's adoption and evidence, on both backends.
    df = queries.trace(backend, words)
    merged = df[df["measure_key"] == row]
    assert len(merged) and df["measure_key"].iloc[0] == row
    assert f"national:narrative:{wording}" not in set(df["measure_key"])
    assert set(_facts(merged, "in batch")["node_key"]) == {"national:pilot-measures:1"}
    assert set(_facts(merged, "promoted by")["node_key"]) == {"G.H.[2024]156"}
    assert len(_facts(merged, "originated in")) and len(_facts(merged, "pilot launched by"))
    same = _facts(merged, "the same innovation as")
    assert set(same["node_key"]) == {f"national:narrative:{wording}"} and set(same["detail"]) == {"linked"}
    adopted = _facts(merged, "adopted by")
    assert any("measures" in str(q) and "including" in str(q) for q in adopted["quote"])  # the overview sentence
    steps = list(merged["step"])
    assert steps == sorted(steps)


@pytest.mark.neo4j
def test_merged_traces_are_the_same_on_both_backends(G: nx.MultiDiGraph, report_db: Conn) -> None:
    for words in (
        "wine",
        "national:narrative:allowing-the-import-of-wine-labeled-with-specific-adjectives",
        "advance rulings",
        "foreign professionals",
    ):
        pd.testing.assert_frame_equal(queries.trace(G, words), queries.trace(report_db, words), check_exact=True)


def test_trace_without_a_match(backend: Any) -> None:
    assert queries.trace(backend, "qqqzzz xxyyxx").empty
    suggestions = queries.suggest_measures(backend, "quantum smart teleportation")
    assert len(suggestions) > 0 and set(suggestions["words"]) == {1}


def test_pilot_regions_follow_the_pilot_measures(backend: Any) -> None:
    df = queries.run("pilot_regions", backend, document="G.Fa.[2023]9")
    assert df["pilot_zones"].iloc[0] == ["beijing", "fujian", "guangdong", "hainan-ftp", "shanghai", "tianjin"]
    assert df["measure_key"].nunique() == 30
    assert set(df["promoted_by"]) == {"G.H.[2024]156"}
    assert set(df["scope"]) == {"All PFTZs", "Nationwide"}


# --------------------------------------------------------------------------- CLI


def _run(args: list[str]) -> Any:
    return CliRunner().invoke(cli, args, catch_exceptions=False)


def test_cli_query_list() -> None:
    res = _run(["query", "--list"])
    assert res.exit_code == 0
    for info in queries.list_queries():
        assert info.name in res.stdout
    assert "-p words=..." in res.stdout


def test_cli_query_table_csv_json(G: nx.MultiDiGraph) -> None:
    expected = queries.run("zone_profile", G, zone="shanghai")
    table = _run(["query", "zone_profile", "-p", "zone=shanghai"])
    assert table.exit_code == 0 and "integrated license for convergent business" in table.stdout
    csv = _run(["query", "zone_profile", "-p", "zone=shanghai", "--format", "csv"])
    assert csv.exit_code == 0
    assert csv.stdout.splitlines()[0] == ",".join(expected.columns)
    assert len(csv.stdout.strip().splitlines()) == len(expected) + 1
    js = _run(["query", "pilot_regions", "-p", "document=G.Fa.[2023]9", "--format", "json"])
    rows = json.loads(js.stdout)
    assert len(rows) == 30 and rows[0]["pilot_zones"][0] == "beijing"
    assert rows[0]["promoted_by"] == "G.H.[2024]156"


def test_cli_query_errors() -> None:
    res = _run(["query", "nope"])
    assert res.exit_code == 1 and "unknown query 'nope'" in res.output and "Traceback" not in res.output
    res = _run(["query", "zone_profile"])
    assert res.exit_code == 1 and "missing parameter 'zone'" in res.output
    res = _run(["query", "zone_profile", "-p", "shanghai"])
    assert res.exit_code == 2 and "KEY=VALUE" in res.output
    res = _run(["query"])
    assert res.exit_code == 2


def test_cli_trace() -> None:
    res = _run(["trace", "ship supervision and declaration"])
    assert res.exit_code == 0
    assert "New model for ship supervision and declaration" in res.stdout
    assert "S.Z.M.H.[2024]14" in res.stdout and "Jiaxing coordinated innovation zone" in res.stdout
    assert re.search(r"pftz-report-2025\.en\.txt:1524 ", res.stdout)
    csv = _run(["trace", "remanufactured products", "--format", "csv"])
    assert csv.exit_code == 0 and "G.H.[2024]156" in csv.stdout


def test_cli_trace_without_a_match() -> None:
    res = _run(["trace", "qqqzzz xxyyxx"])
    assert res.exit_code == 1
    assert "no measure matches 'qqqzzz xxyyxx'; pftz search 'qqqzzz xxyyxx' lists" in res.output


def test_cli_trace_ranks_and_shows_the_others() -> None:
    # Words are ranked, not all required: the best "smart" measure is traced, the close ones are listed.
    res = _run(["trace", "quantum smart form teleportation"])
    assert res.exit_code == 0, res.output
    assert res.stdout.startswith('"Intelligent Form" model for enterprise registration services')
    supervision = _run(["trace", "supervision"])
    assert supervision.exit_code == 0
    last = supervision.stdout.strip().splitlines()[-1]
    assert "more match about as well:" in last and "use the key or more words" in last


def test_cli_trace_merges_the_wordings_of_one_innovation() -> None:
    # "wine" was two answers (the overview sentence's wording and the table row); linked by SAME_AS, it is one:
    # the row's story (origin, batch, documents) with the sentence's adoption and both wordings.
    wine = _run(["trace", "wine"])
    assert wine.exit_code == 0, wine.output
    out = wine.stdout
    assert out.startswith("In the Pilot Regions, wines with descriptors") and "more match" not in out
    assert "key national:pilot-measures:1:21" in out and "key national:narrative:" not in out
    for fact in (
        "originated in: Beijing PFTZ",
        "pilot launched by:",
        "in batch: 1st batch of pilot measures",
        "promoted by:",
        "adopted by: Nationwide",
        "the same innovation as: allowing the import of wine",
    ):
        assert fact in out, fact
    assert "pftz-report-2025.en.txt:749" in out and "pftz-report-2025.en.txt:1601" in out


@pytest.mark.neo4j
def test_cli_on_neo4j(report_db: Conn) -> None:
    import os

    uri = os.environ.get("NEO4J_URI", "bolt://127.0.0.1:7687")
    on_neo4j = _run(["query", "innovators", "--neo4j", uri, "--format", "json"])
    in_memory = _run(["query", "innovators", "--format", "json"])
    assert on_neo4j.exit_code == 0 and json.loads(on_neo4j.stdout) == json.loads(in_memory.stdout)
    res = _run(["trace", "ship supervision and declaration", "--neo4j", uri])
    assert res.exit_code == 0 and "adopted by: Jiaxing coordinated innovation zone" in res.stdout


def test_trace_tells_the_origin_story_first_in_date_order(G: nx.MultiDiGraph) -> None:
    df = queries.trace(G, "national:pilot-measures:1:21")
    facts = list(dict.fromkeys(df["fact"]))
    assert facts[:4] == ["measure", "originated in", "pilot launched by", "in batch"]
    launched = df[df["fact"] == "pilot launched by"].drop_duplicates("node_key")
    # G.Fa.[2023]9 names exactly the six Pilot Regions: where the pilot began, before the 2024 documents
    assert launched["node_key"].iloc[0] == "G.Fa.[2023]9"
    dated = [d for d in launched["date"] if d is not None]
    assert dated == sorted(dated)
    assert all(launched["line"].notna())
    # every dated step is in date order within its step
    for _, step in df.groupby("step"):
        dates = [d for d in step["date"] if d is not None]
        assert dates == sorted(dates)


def test_cli_profile_says_what_is_stated_prints_its_subject_once_and_hides_keys() -> None:
    res = _run(["query", "province_profile", "-p", "province=qinghai"])
    assert res.exit_code == 0
    assert "province: Qinghai [qinghai]" in res.stderr
    assert re.search(r"(\d+) rows: 0 stated by the report, \1 derived", res.stderr), res.stderr
    assert "the report states nothing about Qinghai [qinghai]: every row is derived" in res.stderr
    assert "national:pilot-measures" not in res.stdout and "qinghai" not in res.stdout
    shown = _run(["query", "province_profile", "-p", "province=qinghai", "--keys"])
    assert "national:pilot-measures:1:18" in shown.stdout
    stated = _run(["query", "province_profile", "-p", "province=shanxi"])
    assert "2 stated by the report, 14 derived" in stated.stderr
    assert "states nothing" not in stated.stderr
    csv = _run(["query", "province_profile", "-p", "province=qinghai", "--format", "csv"])
    assert csv.stdout.startswith("province_key,province,")  # pipes get every column


def test_cli_query_trace_innovation_finds_words_by_the_ranked_search() -> None:
    res = _run(["query", "trace_innovation", "-p", "words=ship supervison declaration", "--format", "csv"])
    assert res.exit_code == 0
    assert "national:best-practices:5:7" in res.stdout


def test_long_cells_are_cut_at_word_boundaries() -> None:
    from pftz.shell.cli_base import _cut

    text = "Customs authorities in the Pilot Regions shall not deny preferential tariff treatment"
    cut = _cut(text, 40)
    assert len(cut) <= 40 and cut.endswith("…")
    assert text.startswith(cut[:-1]) and text[len(cut) - 1] == " "
    assert _cut("short", 40) == "short"


def test_each_date_is_stored_as_its_period_and_a_window_is_one_comparison(G: nx.MultiDiGraph) -> None:
    from pftz.ground.schema import DATE_END, DATE_FROM, DATE_START

    batch = G.nodes[node_id(Label.BATCH, "national:pilot-measures:1")]
    assert (batch["date"], batch[DATE_START], batch[DATE_END]) == ("2024-10-25", "2024-10-25", "2024-10-25")
    launch = G.nodes[node_id(Label.DOCUMENT, "G.Fa.[2023]9")]
    assert (launch["date"], launch[DATE_START], launch[DATE_END]) == ("2023-06", "2023-06-01", "2023-06-30")
    # a document the report dates only by the year of its number: that year, marked derived
    by_number = G.nodes[node_id(Label.DOCUMENT, "H.C.C.[2024]12")]
    assert by_number.get("date") is None
    assert (by_number[DATE_START], by_number[DATE_END], by_number[DATE_FROM]) == ("2024-01-01", "2024-12-31", "number")
    launched = queries.trace(G, "national:pilot-measures:1:21", until="2023")
    kept = set(launched.loc[launched["fact"] == "pilot launched by", "node_key"])
    assert kept == {"G.Fa.[2023]9"}
    assert "originated in" in set(launched["fact"])  # undated facts stay
    every = queries.trace(G, "national:pilot-measures:1:21")
    launch = set(every.loc[every["fact"] == "pilot launched by", "node_key"])
    # C.B.K.[2024]265 names the same six regions, but on 2024-12-18, after the batch of 2024-10-25;
    # H.C.C.[2024]12 names only Shanghai (its "Pilot Regions" are in its title, not a reference)
    assert launch == {"G.Fa.[2023]9"}
    windowed = queries.run("zone_profile", G, zone="shanghai", until="2023")
    assert "H.C.C.[2024]12" not in set(windowed["item_key"])  # 2024 by its number: outside the window
    assert "H.C.C.[2024]12" in set(queries.run("zone_profile", G, zone="shanghai")["item_key"])
    for name in ("trace_innovation", "zone_profile", "province_profile"):
        assert "duration(" not in queries.load_query(name).cypher  # no pasted date rule
