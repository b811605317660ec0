"""A researcher's day: flat tables, time windows, clear answers for wrong names, quiet and cached commands.

The tables are read back from every format with pandas and compared; the
time windows compare partial dates by their periods; wrong names exit 1 with
suggestions; commands other than parse and build print one line of warnings;
the build cache is reused and invalidated by its key.
"""

from __future__ import annotations

import codecs
import copy
import csv
import os
from pathlib import Path
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from pftz import queries
from pftz.graph.build import graph_from_reports
from pftz.graph.exports_people import inert
from pftz.ground.dates import PartialDate, in_window
from pftz.ground.errors import ExportError, QueryError
from pftz.ground.schema import Label, Rel, node_id
from pftz.loaders.manifest import load_manifest
from pftz.loaders.reference import load_reference
from pftz.loaders.report import BUNDLED_REPORT, load_report
from pftz.queries.names import check_names, suggest
from pftz.queries.tables import TABLES, linked_wordings, table
from pftz.queries.tables_common import LIST_SEPARATOR, left_out
from pftz.queries.tables_files import ABOUT_SHEET, about_rows, flatten, write_table
from pftz.shell import cache as gcache
from pftz.shell.cli import cli
from pftz.shell.cli_query import rich_table
from tests.synthetic import synthetic_graph

# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def G() -> nx.MultiDiGraph:
    """The graph of the bundled report."""
    return graph_from_reports([load_report()], reference=load_reference())


@pytest.fixture(scope="module")
def report_lines() -> list[str]:
    return BUNDLED_REPORT.read_text(encoding="utf-8").splitlines()


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("PFTZ_CACHE_DIR", str(folder))
    return folder


def _run(args: list[str]) -> Any:
    return CliRunner().invoke(cli, args, catch_exceptions=False)


def _text(df: pd.DataFrame) -> pd.DataFrame:
    """Every cell as the text a spreadsheet shows: empty for null, numbers without a decimal point."""

    def cell(v: Any) -> str:
        if isinstance(v, np.ndarray):
            v = v.tolist()
        if isinstance(v, list):
            return LIST_SEPARATOR.join(map(str, v))
        if v is None or v is pd.NA or (isinstance(v, float) and np.isnan(v)):
            return ""
        if isinstance(v, float) and v.is_integer():
            return str(int(v))
        return str(v)

    return df.astype(object).map(cell).reset_index(drop=True)


# --------------------------------------------------------------------------- the tables


def test_measure_table_has_one_row_per_measure_with_its_facts(G: nx.MultiDiGraph, report_lines: list[str]) -> None:
    df = table("measures", G)
    measures = [d for _, d in G.nodes(data=True) if d["label"] == Label.MEASURE.value]
    # one row per innovation: a wording linked to its row (SAME_AS, linked) is listed in that row's same_as
    linked = linked_wordings(G)
    assert len(df) == len(measures) - len(linked) and df["measure_key"].is_unique and len(linked) == 3
    merged = df.set_index("measure_key").loc["national:pilot-measures:1:21"]
    assert merged["same_as"] == ["national:narrative:allowing-the-import-of-wine-labeled-with-specific-adjectives"]
    assert merged["adopters"] == ["nationwide"] and 749 in merged["evidence_lines"]
    row = df.set_index("measure_key").loc["national:pilot-measures:1:1"]
    assert row["promoted_by"] == ["G.H. [2024] No. 156"]
    assert row["origin_zones"] == ["beijing", "fujian", "guangdong", "hainan-ftp", "shanghai", "tianjin"]
    assert row["level"] == "national" and row["batch_date"] == "2024-10-25" and row["batch_row"] == 1
    # the table row prints no replication date (time is stated or absent); the pilots began in June 2023
    assert row["replication_date"] is None and row["pilot_start"] == "2023-06" and row["scope"] == "All PFTZs"
    assert "Ministry of Commerce" in row["responsible_bodies"]
    # the evidence line is the report line that states the measure
    assert any("remanufactured products" in report_lines[n - 1] for n in row["evidence_lines"])
    # every measure with an adoption lists its adopters
    adopted = {G.nodes[linked.get(v, v)]["key"] for u, v, e in G.edges(data=True) if e["type"] == "ADOPTED"}
    assert adopted and all(df.set_index("measure_key").loc[k, "adopters"] for k in adopted)


def test_adoptions_documents_and_zones(G: nx.MultiDiGraph) -> None:
    adoptions = table("adoptions", G)
    stated = [e for *_, e in G.edges(data=True) if e["type"] == Rel.ADOPTED.value]
    assert len(adoptions) >= len(stated) > 0
    assert set(adoptions["adopter_label"]) <= {Label.ZONE.value, Label.REGION.value}
    documents = table("documents", G)
    doc = documents.set_index("document_key").loc["G.H.[2024]156"]
    assert doc["date"] == "2024-10-25" and doc["promotes_measures"] >= 30 and "State Council" in doc["issuers"]
    zones = table("zones", G)
    shanghai = zones.set_index("zone_key").loc["shanghai"]
    assert shanghai["established"] == "2013-09-27" and shanghai["innovations"] > 0
    assert len(zones) == sum(d["label"] == Label.ZONE.value for _, d in G.nodes(data=True))


@pytest.mark.parametrize("name", sorted(TABLES))
def test_xlsx_and_parquet_read_back_to_the_csv_frame(name: str, G: nx.MultiDiGraph, tmp_path: Path) -> None:
    df = table(name, G)
    for ext in ("csv", "xlsx", "parquet"):
        write_table(df, tmp_path / f"t.{ext}")
    csv = pd.read_csv(tmp_path / "t.csv", dtype=str, keep_default_na=False)
    xlsx = pd.read_excel(tmp_path / "t.xlsx", dtype=str, keep_default_na=False)
    parquet = pd.read_parquet(tmp_path / "t.parquet")
    pd.testing.assert_frame_equal(_text(xlsx), _text(csv))
    # Parquet keeps lists as lists; joined and made inert they are the CSV's cells
    lists = [c for c in df.columns if df[c].map(lambda v: isinstance(v, list)).any()]
    for c in lists:
        assert parquet[c].map(lambda v: isinstance(v, np.ndarray | list)).all(), c
    flat = flatten(parquet.astype(object).map(lambda v: v.tolist() if isinstance(v, np.ndarray) else v))
    pd.testing.assert_frame_equal(_text(flat), _text(csv))
    assert list(csv.columns) == list(df.columns) and len(csv) == len(df)


def test_list_cells_are_joined_in_csv(G: nx.MultiDiGraph, tmp_path: Path) -> None:
    write_table(table("measures", G), tmp_path / "m.csv")
    text = (tmp_path / "m.csv").read_text(encoding="utf-8")
    assert "beijing; fujian; guangdong; hainan-ftp; shanghai; tianjin" in text
    assert '["' not in text  # no JSON lists


def test_cells_are_formula_safe(tmp_path: Path) -> None:
    H = synthetic_graph(5, 2)
    measures = sorted(n for n, d in H.nodes(data=True) if d["label"] == Label.MEASURE.value)
    hostile = ['=HYPERLINK("http://x","y")', "+1+2", "-3", "@SUM(A1)", "\tTAB", "\rCR"]
    for m, name in zip(measures, hostile, strict=False):
        H.nodes[m]["name"] = name
    df = table("measures", H)
    write_table(df, tmp_path / "m.csv")
    write_table(df, tmp_path / "m.xlsx")
    csv = pd.read_csv(tmp_path / "m.csv", dtype=str, keep_default_na=False)
    got = set(csv["measure"])
    assert {"'" + h for h in hostile[:4]} <= got
    assert not any(v.startswith(("=", "+", "-", "@", "\t", "\r")) for v in got)
    sheet = load_workbook(tmp_path / "m.xlsx").active
    assert sheet is not None
    cells = [c for row in sheet.iter_rows(min_row=2) for c in row]
    assert all(c.data_type != "f" for c in cells)  # no formula anywhere
    assert inert(5) == 5 and inert("a=b") == "a=b"


def test_table_files_are_byte_identical_across_runs(G: nx.MultiDiGraph, tmp_path: Path) -> None:
    df = table("measures", G)
    for ext in ("csv", "xlsx", "parquet"):
        a, b = write_table(df, tmp_path / f"a.{ext}"), write_table(table("measures", G), tmp_path / f"b.{ext}")
        assert a.read_bytes() == b.read_bytes(), ext


def test_unknown_table_format_and_name(G: nx.MultiDiGraph, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match=r"\.csv, \.xlsx or \.parquet"):
        write_table(table("zones", G), tmp_path / "z.ods")
    with pytest.raises(QueryError, match="unknown table"):
        table("zone", G)


# --------------------------------------------------------------------------- time windows


def _dated_graph(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The report's graph with one adoption dated to the year only."""
    H = copy.deepcopy(G)
    u, v, k = next((u, v, k) for u, v, k, e in H.edges(keys=True, data=True) if e["type"] == Rel.ADOPTED.value)
    H.edges[u, v, k]["date"] = "2024"
    return H


def test_windows_compare_partial_dates_by_period(G: nx.MultiDiGraph) -> None:
    H = _dated_graph(G)
    P = PartialDate.parse
    assert len(table("adoptions", H, since=P("2024-06"))) >= 1  # "2024" is not before "2024-06"
    assert len(table("adoptions", H, until=P("2024-01-01"))) >= 1
    assert table("adoptions", H, since=P("2025")).empty
    assert table("adoptions", H, until=P("2023-12")).empty
    measures = table("measures", G, since=P("2024-06"))
    assert 0 < len(measures) < len(table("measures", G))
    date_columns = ["batch_date", "promoted_date", "replication_date"]
    for row in measures.itertuples(index=False):
        dates = [getattr(row, c) for c in date_columns] + list(row.adoption_dates) + [row.year]
        assert any(in_window(d, since=P("2024-06")) for d in dates), row.measure_key
    documents = table("documents", G, since=P("2024"), until=P("2024"))
    assert len(documents) > 0 and all(d.startswith("2024") for d in documents["date"].dropna())
    # a document dated only by the year in its number is windowed by that year (its date stays empty)
    by_number = documents[documents["date"].isna()]
    assert len(by_number) and all("2024" in str(n) for n in by_number["number"])


@pytest.mark.parametrize("name", sorted(TABLES))
def test_window_says_how_many_undated_it_left_out(G: nx.MultiDiGraph, name: str) -> None:
    """Nothing left out in silence: a bounded window counts what it left out for want of a date."""
    P = PartialDate.parse
    assert left_out(table(name, G)) is None  # no window, nothing left out
    count, what = left_out(table(name, G, until=P("2099"))) or (-1, "")
    if name == "zones":  # every zone keeps its row; the undated facts leave its counts
        zone = Label.ZONE.value
        undated = sum(
            1
            for u, v, e in G.edges(data=True)
            if not e.get("date")
            and ((e["type"] == Rel.ADOPTED.value and G.nodes[u]["label"] == zone
                  and G.nodes[v]["label"] == Label.MEASURE.value)
                 or (e["type"] == Rel.DIFFUSED_TO.value and G.nodes[v]["label"] == zone))
        )  # fmt: skip
        assert count == undated and "counts" in what
    elif name == "adoptions":  # one row per adoption and evidence entry; the count is of adoptions
        undated = sum(1 for u, v, e in G.edges(data=True) if e["type"] == Rel.ADOPTED.value and not e.get("date")
                      and G.nodes[v]["label"] == Label.MEASURE.value)  # fmt: skip
        assert count == undated and len(table(name, G, until=P("2099"))) == 0
    else:  # a window that covers every date leaves out exactly the undated rows
        assert count == len(table(name, G)) - len(table(name, G, until=P("2099"))) > 0
    assert count > 0


@pytest.mark.parametrize("name", sorted(TABLES))
def test_cli_window_says_how_many_undated_it_left_out(name: str, cache_dir: Path, tmp_path: Path) -> None:
    for args in (["--format", "csv"], ["-o", str(tmp_path / f"{name}.csv")]):
        res = _run(["table", name, "--until", "2099", *args])
        assert res.exit_code == 0, res.output
        assert f"{name}: the time window left out " in res.stderr
        assert "drop --since/--until to include them" in res.stderr
    assert "left out" not in _run(["table", name, "--format", "csv"]).stderr


def test_trace_window_keeps_undated_context(G: nx.MultiDiGraph) -> None:
    full = queries.trace(G, "remanufactured products")
    late = queries.trace(G, "remanufactured products", since="2024-10-26")
    assert set(late["date"].dropna()) == set() and len(late) < len(full)
    assert "originated in" in set(late["fact"])  # undated facts stay
    same = queries.trace(G, "remanufactured products", since="2024-10", until="2024")
    assert set(same["date"].dropna()) == {"2024-10-25"}
    with pytest.raises(QueryError, match="must be a date"):
        queries.run("trace_innovation", G, words="x", since="June 2024")


def test_cli_since_until(G: nx.MultiDiGraph, cache_dir: Path) -> None:
    res = _run(["trace", "remanufactured products", "--since", "2024-10-26", "--format", "csv"])
    assert res.exit_code == 0 and "2024-10-25" not in res.stdout
    res = _run(["trace", "remanufactured products", "--since", "2024-10", "--until", "2024"])
    assert res.exit_code == 0 and "2024-10-25" in res.stdout
    res = _run(["table", "documents", "--since", "2025", "--format", "csv"])
    assert res.exit_code == 0
    assert all(line.split(",")[4].startswith("2025") for line in res.stdout.splitlines()[1:] if line)
    res = _run(["query", "zone_profile", "-p", "zone=shanghai", "--since", "2030", "--format", "json"])
    assert res.exit_code == 0 and '"date": "20' not in res.stdout
    res = _run(["trace", "smart form", "--since", "June"])
    assert res.exit_code == 2 and "YYYY-MM" in res.output
    res = _run(["query", "innovators", "--since", "2024"])
    assert res.exit_code == 2 and "no time window" in res.output


# --------------------------------------------------------------------------- names


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["query", "zone_profile", "-p", "zone=shangai"], "did you mean: shanghai"),
        (["query", "zone_profile", "-p", "zone=ningxia"], "'ningxia' is a province"),
        (["query", "province_profile", "-p", "province=shanxii"], "did you mean: shanxi"),
        (["query", "pilot_regions", "-p", "document=G.H.[2024]15"], "did you mean: G.H.[2024]156"),
        (["query", "diffusion_paths", "-p", "source=bejing", "-p", "target=chongqing"], "did you mean: beijing"),
        (["query", "zone_profil", "-p", "zone=shanghai"], "did you mean: zone_profile"),
    ],
)
def test_wrong_names_exit_1_with_suggestions(args: list[str], expected: str, cache_dir: Path) -> None:
    res = _run(args)
    assert res.exit_code == 1, res.output
    assert expected in res.output and "Traceback" not in res.output


def test_names_match_as_the_queries_do(G: nx.MultiDiGraph) -> None:
    check_names("zone_profile", G, {"zone": "Shanghai PFTZ"})
    check_names("province_profile", G, {"province": "SHANXI"})
    check_names("pilot_regions", G, {"document": "G.H. [2024] No. 156"})
    with pytest.raises(QueryError, match="no zone"):
        check_names("diffusion_paths", G, {"source": "Beijing PFTZ", "target": "chongqing"})  # keys only
    assert suggest("上海", [("shanghai", "中国（上海）自由贸易试验区"), ("tianjin", "Tianjin PFTZ")]) == [
        "shanghai (中国（上海）自由贸易试验区)"
    ]


def test_province_profile_says_what_it_adopted_from_whom(G: nx.MultiDiGraph) -> None:
    df = queries.run("province_profile", G, province="shanxi")
    adopted = df[df["section"] == "adopted"]
    assert len(adopted) == sum(
        1 for u, _, e in G.edges(data=True) if u == node_id(Label.REGION, "shanxi") and e["type"] == "ADOPTED"
    )
    received = df[df["section"] == "received (derived)"]
    assert len(received) > 0 and all(len(z) > 0 for z in received["from_zones"])
    guangdong = queries.run("province_profile", G, province="guangdong")
    assert "guangdong" in set(guangdong[guangdong["section"] == "zone"]["item_key"])


# --------------------------------------------------------------------------- quiet, cache, terminal tables


def test_only_parse_and_build_print_the_warnings(cache_dir: Path) -> None:
    quiet = _run(["stats"])
    assert quiet.exit_code == 0
    lines = [line for line in quiet.stderr.splitlines() if "warning" in line]
    assert len(lines) == 1 and "load warnings" in lines[0] and "-v" in lines[0]
    loud = _run(["-v", "stats"])
    assert loud.exit_code == 0 and "warnings:" in loud.stderr and "pftz-report-2025.en.txt:" in loud.stderr
    parse = _run(["parse"])
    assert "warnings:" in parse.stderr


def test_the_cache_is_reused_and_invalidated(cache_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = _run(["stats"])
    assert first.exit_code == 0 and "cached" not in first.stderr
    assert len(list(cache_dir.glob("*.pftz-cache"))) == 1
    second = _run(["stats"])
    assert "(cached build)" in second.stderr and second.stdout == first.stdout
    # another input: a copy of the report with one more line is another key
    report = tmp_path / "report.txt"
    report.write_text(BUNDLED_REPORT.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    other = _run(["stats", str(report)])
    assert other.exit_code == 0 and "cached" not in other.stderr
    assert len(list(cache_dir.glob("*.pftz-cache"))) == 2
    # another package version is another key
    key = gcache.cache_key([], [])
    monkeypatch.setattr(gcache, "_version", lambda: "99.0")
    assert gcache.cache_key([], []) != key
    assert "cached" not in _run(["stats"]).stderr
    # PFTZ_CACHE_DIR=off turns it off
    monkeypatch.setenv("PFTZ_CACHE_DIR", "off")
    assert gcache.cache_dir() is None and "cached" not in _run(["stats"]).stderr


def test_a_broken_cache_entry_is_rebuilt(cache_dir: Path) -> None:
    _run(["stats"])
    (entry,) = cache_dir.glob("*.pftz-cache")
    entry.write_bytes(b"not an entry")
    res = _run(["stats"])
    assert res.exit_code == 0 and "cached" not in res.stderr
    assert entry.read_bytes() != b"not an entry"


def test_terminal_tables_fit_the_width_and_keep_brackets(G: nx.MultiDiGraph) -> None:
    df = queries.run("zone_profile", G, zone="shanghai")
    df.loc[0, "item"] = "[bold]not markup[/bold] " + "long " * 60
    for width in (60, 100, 160):
        text = rich_table(df, width)
        assert max(len(line) for line in text.splitlines()) <= width
    assert "[bold]not" in rich_table(df, 160)


def test_cli_table_writes_files_and_prints_csv(tmp_path: Path, cache_dir: Path) -> None:
    for ext in ("csv", "xlsx", "parquet"):
        res = _run(["table", "measures", "-o", str(tmp_path / f"m.{ext}")])
        assert res.exit_code == 0 and (tmp_path / f"m.{ext}").stat().st_size > 0
    res = _run(["table", "zones", "--format", "csv"])
    assert res.exit_code == 0 and res.stdout.splitlines()[0].startswith("zone_key,zone,")
    res = _run(["table", "zone", "--format", "csv"])
    assert res.exit_code == 2
    res = _run(["table", "zones", "-o", str(tmp_path / "z.ods")])
    assert res.exit_code == 1 and "Traceback" not in res.output


def test_build_writes_the_tables(tmp_path: Path, cache_dir: Path) -> None:
    res = _run(["build", "--out", str(tmp_path / "out"), "--no-html"])
    assert res.exit_code == 0, res.output
    names = sorted(p.name for p in (tmp_path / "out" / "tables").iterdir())
    # each table in three formats, and one workbook with a sheet per table
    assert names == sorted([*(f"{t}.{ext}" for t in TABLES for ext in ("csv", "parquet", "xlsx")), "tables.xlsx"])
    assert "warnings:" in res.stderr
    book = load_workbook(tmp_path / "out" / "tables" / "tables.xlsx", read_only=True)
    assert book.sheetnames == [*TABLES, ABOUT_SHEET]
    assert (tmp_path / "out" / "tables" / "zones.csv").read_bytes().startswith(codecs.BOM_UTF8)


# --------------------------------------------------------------------------- spreadsheets


def test_xlsx_sheet_is_named_with_a_bold_frozen_header_a_filter_and_widths(G: nx.MultiDiGraph, tmp_path: Path) -> None:
    df = table("measures", G)
    about = about_rows(G, {"measures": df}, reports=load_manifest())
    write_table(df, tmp_path / "m.xlsx", name="measures", about=about)
    book = load_workbook(tmp_path / "m.xlsx")
    assert book.sheetnames == ["measures", ABOUT_SHEET]
    ws = book["measures"]
    assert ws.freeze_panes == "A2"
    last = get_column_letter(len(df.columns))
    assert ws.auto_filter.ref == f"A1:{last}{len(df) + 1}"
    assert [c.value for c in ws[1]] == list(df.columns) and all(c.font.b for c in ws[1])
    widths = {c: ws.column_dimensions[get_column_letter(i)].width for i, c in enumerate(df.columns, start=1)}
    assert all(8 <= w <= 60 for w in widths.values()), widths
    assert widths["title"] == 60 and widths["year"] <= 12 and widths["batch_date"] <= 16  # long capped, short short
    # the about sheet names the report, its sha256 and the build, with no timestamp
    info = dict((r[0].value, r[1].value) for r in book[ABOUT_SHEET].iter_rows(min_row=2))
    sources = [r[1].value for r in book[ABOUT_SHEET].iter_rows(min_row=2) if r[0].value == "source"]
    report = next(v for v in sources if v.startswith(BUNDLED_REPORT.name))
    assert "Report on China's Pilot Free Trade Zones 2025" in report and "CAITEC" in report
    sha = next(d["sha256"] for d in G.graph["sources"] if d["file"] == BUNDLED_REPORT.name)
    assert sha in report
    assert info["built by"].startswith("pftz-graph ") and f"({len(df):,} rows" in info["table measures"]
    assert book[ABOUT_SHEET].freeze_panes == "A2"


def test_zone_widths_count_chinese_characters_twice(G: nx.MultiDiGraph, tmp_path: Path) -> None:
    df = table("zones", G)
    write_table(df, tmp_path / "z.xlsx", name="zones")
    ws = load_workbook(tmp_path / "z.xlsx")["zones"]
    col = get_column_letter(list(df.columns).index("name_zh") + 1)
    longest = max(len(v) for v in df["name_zh"].dropna())
    assert ws.column_dimensions[col].width >= 2 * longest


def test_csv_starts_with_a_bom_that_pandas_and_csv_read_cleanly(G: nx.MultiDiGraph, tmp_path: Path) -> None:
    df = table("zones", G)
    path = write_table(df, tmp_path / "zones.csv")
    raw = path.read_bytes()
    assert raw.startswith(codecs.BOM_UTF8) and not raw.startswith(codecs.BOM_UTF8 * 2)
    back = pd.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert list(back.columns) == list(df.columns)  # no BOM glued to "zone_key"
    assert "中国（上海）自由贸易试验区" in set(back["name_zh"])
    with path.open(encoding="utf-8-sig", newline="") as fh:
        assert next(csv.reader(fh))[0] == "zone_key"
    plain = write_table(df, tmp_path / "plain.csv", bom=False).read_bytes()
    assert plain == raw[len(codecs.BOM_UTF8) :]


def test_cli_table_bom_option(tmp_path: Path, cache_dir: Path) -> None:
    res = _run(["table", "zones", "-o", str(tmp_path / "z.csv")])
    assert res.exit_code == 0 and (tmp_path / "z.csv").read_bytes().startswith(codecs.BOM_UTF8)
    res = _run(["table", "zones", "-o", str(tmp_path / "n.csv"), "--no-bom"])
    assert res.exit_code == 0 and (tmp_path / "n.csv").read_bytes().startswith(b"zone_key,")
    res = _run(["table", "zones", "--format", "csv"])
    assert not res.stdout.startswith("\ufeff")  # a pipe gets no BOM
    res = _run(["table", "adoptions", "--since", "2024", "-o", str(tmp_path / "a.xlsx")])
    book = load_workbook(tmp_path / "a.xlsx")
    assert book.sheetnames == ["adoptions", ABOUT_SHEET]
    assert ("time window", "since 2024") in [(r[0].value, r[1].value) for r in book[ABOUT_SHEET].iter_rows()]


@pytest.mark.neo4j
def test_load_prints_a_summary_and_a_second_load_creates_nothing(neo4j_db: tuple[Any, str], cache_dir: Path) -> None:
    uri = os.environ.get("NEO4J_URI", "bolt://127.0.0.1:7687")
    first = _run(["load", "--neo4j", uri])
    assert first.exit_code == 0, first.output
    assert "matched)" in first.stdout and "0 created" not in first.stdout.split(",")[0]
    second = _run(["load", "--neo4j", uri])
    assert second.exit_code == 0
    assert "nodes (0 created," in second.stdout and "relationships (0 created," in second.stdout
