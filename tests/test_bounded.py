"""Bounded and linear, nothing lost in silence (issue 28, item 6).

Faults are injected on copies of the bundled report in temporary folders:

* a report whose paragraphs have no blank lines between them (every line a
  paragraph, or one giant paragraph) quotes sentences, never the paragraph,
  and says that it split it;
* a zero-width or right-to-left mark inside a zone name loses no mention, as
  in user data, with an ``invisible-character`` warning naming the line;
* a file in another encoding than UTF-8 is told which one it looks like, or
  that its encoding is unknown (never "UTF-16" for Latin-1);
* many user-data warnings are printed as counts by kind and a few examples;
* a search of thousands of words is refused with one line, alike on NetworkX
  and Neo4j, and a search within the bound gives the same rows on both.
"""

from __future__ import annotations

import json
import re
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest
from click.testing import CliRunner

from pftz.graph.build import graph_from_reports
from pftz.graph.exports_neo4j import save_neo4j_admin_csv
from pftz.graph.exports_xml import save_gexf, save_graphml
from pftz.graph.neo4j_store import clear_database, graph_to_neo4j
from pftz.ground.errors import QueryError
from pftz.ground.names import MAX_SEARCH_WORDS, search_words
from pftz.loaders.records import ParsedReport
from pftz.loaders.reference import load_reference
from pftz.loaders.report import BUNDLED_REPORT, load_report, parse_report
from pftz.loaders.text import MAX_SENTENCE, Paragraph, sentences
from pftz.loaders.userdata import load_user_data
from pftz.loaders.userdata_builder import COLUMNS, MAX_NOTICES
from pftz.queries import run, tables_common, tables_files
from pftz.queries import tables as qtables
from pftz.queries.sqlite import save_sqlite
from pftz.shell import cache as gcache
from pftz.shell.cache import CachedBuild
from pftz.shell.cli import cli
from tools.bench_userdata import write_distinct

TEXT = BUNDLED_REPORT.read_text(encoding="utf-8")
RUNNING_HEADS = {"Report on China's Pilot Free Trade Zones", "Report on China's Pilot", "Free Trade Zones"}


@pytest.fixture(scope="module")
def report() -> ParsedReport:
    return load_report()


def _content(r: ParsedReport) -> tuple[set[object], set[object]]:
    """What was read, provenance aside."""
    return {(e.label, e.key, e.name, e.props) for e in r.entities}, {
        (x.type, x.start, x.end, x.props) for x in r.relations
    }


def _quotes(r: ParsedReport) -> list[str]:
    return [e.provenance.quote for e in r.entities] + [x.provenance.quote for x in r.relations]


def _without_blank_lines(text: str) -> str:
    """The report with every blank line, running head and edition year removed: one paragraph per page run."""
    return "\n".join(
        ln
        for ln in text.split("\n")
        if ln.strip() and ln.strip() not in RUNNING_HEADS and not re.fullmatch(r"20\d\d", ln.strip())
    )


# --------------------------------------------------------------------------- quotes bounded by the sentence


def test_a_report_without_blank_lines_is_split_into_paragraphs_with_a_warning(tmp_path: Path) -> None:
    r = parse_report(_without_blank_lines(TEXT), source="noblank.txt")
    splits = [w for w in r.warnings if w.code == "paragraph-split"]
    assert splits, "a paragraph of the whole report was read without saying so"
    assert all("without a blank line" in w.message and w.line for w in splits)
    quotes = _quotes(r)
    assert max(len(q) for q in quotes) <= MAX_SENTENCE + 2
    # nearly every document is read as from the report with blank lines (a paragraph per page run read few)
    docs = {e.key for e in load_report().entities if e.label.value == "Document"}
    assert len(docs & {e.key for e in r.entities if e.label.value == "Document"}) >= 0.94 * len(docs)


def test_one_giant_paragraph_without_sentence_ends_quotes_bounded_sentences(tmp_path: Path) -> None:
    """The report's prose three times (about 1.1 MB) on wrapped lines, no blank line and no sentence end: the
    JSON stays linear in the input (a quote per paragraph once made 1.4 GB of JSON of 0.6 MB)."""
    body = " ".join(ln.strip() for ln in _without_blank_lines(TEXT).split("\n"))
    body = re.sub(r"([.;!?]) ([A-Z])", lambda m: f"{m.group(1)} {m.group(2).lower()}", body)  # no sentence ends
    words = (body + " ") * 3
    lines, line = [], []
    for w in words.split(" "):
        line.append(w)
        if sum(len(x) + 1 for x in line) > 80:
            lines.append(" ".join(line))
            line = []
    src = tmp_path / "giant.txt"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "giant.json"
    res = CliRunner().invoke(cli, ["parse", str(src), "--json", "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert out.stat().st_size < 20 * src.stat().st_size  # it was 1.4 GB for 0.6 MB
    data = json.loads(out.read_text(encoding="utf-8"))
    quotes = [x["provenance"]["quote"] for k in ("entities", "relations") for x in data[k] if "provenance" in x]
    assert quotes and max(len(q) for q in quotes) <= MAX_SENTENCE + 2


def test_a_sentence_is_cut_at_a_sane_length_and_keeps_its_offsets() -> None:
    text = "Shanghai PFTZ piloted a model, " * 400 + "and Hubei PFTZ replicated it."
    p = Paragraph(text, (0,), (7,))
    parts = list(sentences(p))
    assert len(parts) > 2 and all(len(s) <= MAX_SENTENCE for _o, s in parts)
    assert all(text[o : o + len(s)] == s for o, s in parts)
    assert " ".join(s for _o, s in parts) == text.strip()


def test_the_bundled_report_quotes_are_unchanged_by_the_bounds(report: ParsedReport) -> None:
    assert not [w for w in report.warnings if w.code in ("paragraph-split", "invisible-character")]
    assert max(len(q) for q in _quotes(report)) < MAX_SENTENCE


# --------------------------------------------------------------------------- invisible characters in the report


@pytest.mark.parametrize("mark", ["\u200b", "\u200f", "\u202e", "\u00ad", "\ufeff"])
def test_a_mark_inside_zone_names_loses_no_mention(report: ParsedReport, mark: str) -> None:
    count = 0

    def hide(m: re.Match[str]) -> str:
        nonlocal count
        count += 1
        return m.group(0)[:3] + mark + m.group(0)[3:]

    text = re.sub(r"\b(Shanghai|Guangdong|Tianjin|Fujian|Hubei|Hainan)\b", hide, TEXT)
    assert count > 100
    r = parse_report(text, source="marked.txt")
    assert _content(r) == _content(report)
    warned = [w for w in r.warnings if w.code == "invisible-character"]
    assert warned
    assert f"U+{ord(mark):04X}" in warned[0].message
    marked_lines = [i for i, ln in enumerate(text.split("\n"), start=1) if mark in ln]
    assert warned[0].line == marked_lines[0]
    assert len(warned) <= 21  # 20 lines one by one, the rest counted in one more
    assert not any(mark in q for q in _quotes(r))


# --------------------------------------------------------------------------- encodings named as detected


@pytest.mark.parametrize(
    ("encoded", "named", "line"),
    [
        (TEXT[:3000].encode() + "Zone de libre-échange, café, Bogotá\n".encode("latin-1"), "WINDOWS-1252", 122),
        ("湖北自由贸易试验区的报告\n".encode("gbk"), "GB18030", 1),
        (bytes(range(0x80, 0x100)), "unknown", 1),
        # the whole report saved as Latin-1: its few high bytes are signs (km², m³, °), not letters
        (TEXT.encode("latin-1", "replace"), "WINDOWS-1252", 225),
    ],
    ids=["latin-1", "gbk", "unknown", "latin-1-signs"],
)
def test_a_file_in_another_encoding_is_told_the_encoding_detected(
    tmp_path: Path, encoded: bytes, named: str, line: int
) -> None:
    src = tmp_path / "report.txt"
    src.write_bytes(encoded)
    res = CliRunner().invoke(cli, ["parse", str(src)])
    assert res.exit_code == 1
    assert "Traceback" not in res.output
    assert f"report.txt:{line}: the file is not UTF-8 text" in res.output
    assert named in res.output and "UTF-16" not in res.output
    assert len(res.output.strip().splitlines()) == 1


# --------------------------------------------------------------------------- searches bounded in words


@pytest.fixture(scope="module")
def G() -> nx.MultiDiGraph:
    return graph_from_reports([load_report()], reference=load_reference())


def _searches(G: nx.MultiDiGraph) -> dict[str, str]:
    longest = max((str(d.get("title") or "") for _n, d in G.nodes(data=True)), key=lambda t: len(search_words(t)))
    return {
        "3000 words": " ".join(["ship"] * 3000),
        "one huge word": "x" * 100_000,
        f"{MAX_SEARCH_WORDS} words": " ".join(["ship", *(f"q{i}z" for i in range(MAX_SEARCH_WORDS - 1))]),
        "the longest title": longest,
    }


@pytest.mark.parametrize("query", ["search_measures", "trace_innovation"])
def test_a_search_of_thousands_of_words_is_refused_with_one_clear_line(G: nx.MultiDiGraph, query: str) -> None:
    with pytest.raises(QueryError, match=f"at most {MAX_SEARCH_WORDS} words") as info:
        run(query, G, words=" ".join(["ship"] * 3000))
    assert "3,000 words" in str(info.value) and "\n" not in str(info.value)
    res = CliRunner().invoke(cli, ["query", query, "-p", "words=" + " ".join(["ship"] * 3000)])
    assert res.exit_code == 1 and "Traceback" not in res.output
    assert [ln for ln in res.output.splitlines() if ln.startswith("Error:")] == [
        ln for ln in res.output.splitlines() if "at most" in ln
    ]


def test_a_search_within_the_bound_runs_and_a_pasted_title_finds_its_measure(G: nx.MultiDiGraph) -> None:
    s = _searches(G)
    assert run("search_measures", G, words=s[f"{MAX_SEARCH_WORDS} words"]).empty  # runs, matches nothing
    assert len(search_words(s["the longest title"])) <= MAX_SEARCH_WORDS
    assert not run("search_measures", G, words=s["the longest title"]).empty


@pytest.mark.neo4j
def test_searches_long_and_too_long_give_the_same_answer_on_both_backends(
    G: nx.MultiDiGraph, neo4j_connection: tuple[object, str]
) -> None:
    driver, db = neo4j_connection
    clear_database(driver, db)  # type: ignore[arg-type]
    graph_to_neo4j(G, driver, database=db)  # type: ignore[arg-type]
    for what, words in _searches(G).items():
        answers = []
        for backend in (G, neo4j_connection):
            try:
                answers.append(run("search_measures", backend, words=words).to_dict("records"))  # type: ignore[arg-type]
            except QueryError as e:
                answers.append(str(e))  # type: ignore[arg-type]
        assert answers[0] == answers[1], what


# --------------------------------------------------------------------------- many warnings, summarised by kind


def test_many_user_data_warnings_are_summarised_by_kind(tmp_path: Path) -> None:
    """300 rows of one adoption with 300 dates: one line of counts by kind, a few examples, never 300 lines."""
    rows = [",".join(COLUMNS["adoptions"])]
    rows += [f"Shanxi,national:best-practices:5:7,{2000 + i // 12}-{i % 12 + 1:02d},,,note {i}" for i in range(300)]
    rows += ["Atlantis PFTZ,national:best-practices:5:7,2024,,,x"]
    data = tmp_path / "adoptions.csv"
    data.write_text("\n".join(rows) + "\n", encoding="utf-8")
    res = CliRunner().invoke(cli, ["build", "--data", str(data), "--no-html", "--out", str(tmp_path / "out")])
    assert res.exit_code == 0, res.output
    err = res.stderr.splitlines()
    summary = [ln for ln in err if "warnings, by kind:" in ln]
    assert len(summary) == 1 and "adoption-merged 299" in summary[0] and "unknown-adopter 1" in summary[0]
    assert sum(1 for ln in err if "[adoption-merged]" in ln) < 50
    assert any("[unknown-adopter]" in ln and "adoptions.csv:302:" in ln for ln in err)  # a rare kind is shown
    assert any("more adoption-merged" in ln for ln in err)
    assert any("--strict lists those of adoptions.csv" in ln for ln in err)


def _traced_peak(run: Callable[[], object]) -> tuple[object, int]:
    """What ``run`` returns and the peak of the memory Python allocated while it ran (tracemalloc)."""
    tracemalloc.start()
    try:
        value = run()
        return value, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_distinct_adoption_rows_cost_memory_linearly_and_exports_never_hold_their_evidence(tmp_path: Path) -> None:
    """5,000 and 10,000 distinct rows, both past the cycle of 4,845 adoptions, so only the evidence grows
    (10^5 and 10^6 rows through ``pftz build`` are in ``make bench``).

    Growth by ratio and by bytes per row, never by wall time: reading and building grow by
    well under 1.5 KB a row (the row's relation, its evidence entry, the duplicate checks'
    digests), and the writers that carry every evidence entry (GraphML, GEXF, the
    neo4j-admin bundle) stream it: what they write grows with the rows, their peak memory by
    a small part of that. The build cache's entry is made in memory (two SQLite images), so it
    is bounded by a cap instead: no entry for a graph past ``MAX_ELEMENTS``
    (:func:`test_a_graph_past_the_caches_cap_is_not_cached`).
    """
    report, ref = load_report(), load_reference()
    built: dict[int, int] = {}
    wrote: dict[tuple[str, int], tuple[int, int]] = {}  # (writer, rows) -> (peak, bytes written)
    for n in (5_000, 10_000):
        data = tmp_path / f"distinct-{n}.csv"
        write_distinct(data, n)
        G, built[n] = _traced_peak(
            lambda data=data: graph_from_reports([report, load_user_data(data, known=[report])], reference=ref)
        )
        assert isinstance(G, nx.MultiDiGraph)
        writers: dict[str, Callable[[Path], object]] = {
            "graph.graphml": lambda p, G=G: save_graphml(G, p),
            "graph.gexf": lambda p, G=G: save_gexf(G, p),
            "neo4j-import": lambda p, G=G: save_neo4j_admin_csv(G, p),
        }
        for name, write in writers.items():
            path = tmp_path / f"{n}-{name}"
            _, peak = _traced_peak(lambda write=write, path=path: write(path))
            size = sum(f.stat().st_size for f in path.rglob("*")) if path.is_dir() else path.stat().st_size
            wrote[name, n] = (peak, size)
    per_row = (built[10_000] - built[5_000]) / 5_000
    assert per_row < 1_500, f"{per_row:,.0f} bytes a row"
    assert built[10_000] < 2 * built[5_000]
    for name in ("graph.graphml", "graph.gexf", "neo4j-import"):
        (peak_a, size_a), (peak_b, size_b) = wrote[name, 5_000], wrote[name, 10_000]
        assert size_b - size_a > 3_000_000, name  # the evidence of 5,000 more rows
        assert peak_b - peak_a < (size_b - size_a) / 3, (
            f"{name}: peak {peak_a:,} -> {peak_b:,}, wrote {size_a:,} -> {size_b:,}"
        )


def test_the_flat_tables_are_written_a_chunk_at_a_time_and_hold_no_whole_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The adoptions table (a row per evidence entry: it grows with a user's rows) is made from the
    graph a chunk at a time for each file, never one whole frame: its CSV, Parquet and SQLite
    rows grow with the rows, the writers' peak memory by a small part of that (chunks of 1,000
    rows here, :data:`queries.tables_common.CHUNK_ROWS` in a build). The chunked CSV is the whole
    frame's, byte for byte, and the Parquet file holds the same table.
    """
    monkeypatch.setattr(tables_common, "CHUNK_ROWS", 1_000)
    report, ref = load_report(), load_reference()
    wrote: dict[tuple[str, int], tuple[int, int]] = {}  # (writer, rows) -> (peak, bytes written)
    for n in (5_000, 10_000):
        data = tmp_path / f"distinct-{n}.csv"
        write_distinct(data, n)
        G = graph_from_reports([report, load_user_data(data, known=[report])], reference=ref)
        writers: dict[str, Callable[[Path], object]] = {
            "tables": lambda p, G=G: tables_files.write_tables(G, p, formats=("csv", "parquet")),
            "pftz.db": lambda p, G=G: save_sqlite(G, p),
        }
        for name, write in writers.items():
            path = tmp_path / f"{n}-{name}"
            _, peak = _traced_peak(lambda write=write, path=path: write(path))
            size = sum(f.stat().st_size for f in path.rglob("*")) if path.is_dir() else path.stat().st_size
            wrote[name, n] = (peak, size)
    whole = qtables.adoptions_table(G)
    assert len(whole) > 10_000  # the report's adoptions and the file's rows: eleven chunks
    tables_files.write_table(whole, tmp_path / "whole.csv")
    assert (tmp_path / "whole.csv").read_bytes() == (tmp_path / "10000-tables" / "adoptions.csv").read_bytes()
    chunked = pd.read_parquet(tmp_path / "10000-tables" / "adoptions.parquet")
    pd.testing.assert_frame_equal(chunked, pd.read_parquet(tables_files.write_table(whole, tmp_path / "whole.parquet")))
    for name in ("tables", "pftz.db"):
        (peak_a, size_a), (peak_b, size_b) = wrote[name, 5_000], wrote[name, 10_000]
        assert size_b - size_a > 1_500_000, name  # the rows of 5,000 more evidence entries
        assert peak_b - peak_a < (size_b - size_a) / 10, (
            f"{name}: peak {peak_a:,} -> {peak_b:,}, wrote {size_a:,} -> {size_b:,}"
        )


def test_a_file_keeps_a_thousand_merge_notices_and_counts_the_rest(tmp_path: Path) -> None:
    rows = [",".join(COLUMNS["adoptions"])]
    rows += [f"Shanxi,national:best-practices:5:7,{1900 + i // 12}-{i % 12 + 1:02d},,,note {i}" for i in range(1200)]
    data = tmp_path / "adoptions.csv"
    data.write_text("\n".join(rows) + "\n", encoding="utf-8")
    r = load_user_data(data)
    merged = [w for w in r.warnings if w.code == "adoption-merged"]
    assert len(merged) == MAX_NOTICES + 1
    assert "199 more rows like the 1,000 above (up to line 1201); 1,199 rows in all" in merged[-1].message
    assert len([x for x in r.relations if x.type.value == "ADOPTED"]) == 1200  # every row is still evidence


def test_a_graph_past_the_caches_cap_is_not_cached(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The cache's entry is built in memory: a graph past ``MAX_ELEMENTS`` nodes and edges gets none."""
    monkeypatch.setenv("PFTZ_CACHE_DIR", str(tmp_path / "cache"))
    G = nx.MultiDiGraph()
    G.add_nodes_from((f"Zone:z{i}", {"label": "Zone", "key": f"z{i}", "name": f"Z {i}"}) for i in range(50))
    monkeypatch.setattr(gcache, "MAX_ELEMENTS", 49)
    for _ in range(2):
        assert gcache.cached_build([], [], lambda: CachedBuild(G)).from_cache is False
    assert not list((tmp_path / "cache").glob(f"*{gcache.SUFFIX}"))
    monkeypatch.setattr(gcache, "MAX_ELEMENTS", 50)
    assert gcache.cached_build([], [], lambda: CachedBuild(G)).from_cache is False
    assert gcache.cached_build([], [], lambda: CachedBuild(G)).from_cache is True


def test_a_graph_whose_evidence_is_past_the_entrys_cap_is_not_cached_nor_imaged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Few nodes and edges, but evidence past ``MAX_BODY`` (a million rows of a user's file evidence a
    few thousand adoptions): no entry, and its images are never built in memory to find that out."""
    monkeypatch.setenv("PFTZ_CACHE_DIR", str(tmp_path / "cache"))
    G = nx.MultiDiGraph()
    evidence = [{"source": "mine.csv", "sha256": "0" * 64, "line": i, "quote": f"row {i}"} for i in range(2_000)]
    G.add_node("Zone:z", label="Zone", key="z", name="Z", provenance=evidence)
    monkeypatch.setattr(gcache, "MAX_BODY", 100_000)  # the evidence's JSON is about 200,000 characters

    def imaged(result: CachedBuild) -> bytes:
        raise AssertionError("the entry's images were built")

    monkeypatch.setattr(gcache, "entry_bytes", imaged)
    for _ in range(2):
        assert gcache.cached_build([], [], lambda: CachedBuild(G)).from_cache is False
    assert not list((tmp_path / "cache").glob(f"*{gcache.SUFFIX}"))
