"""Tests of the user data loader: researchers' own zones, documents, measures and adoption events."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from pftz.graph.build import graph_from_reports
from pftz.graph.validate import validate
from pftz.ground.errors import UserDataError
from pftz.ground.schema import Label, Rel
from pftz.loaders.records import USER_SECTION, ParsedReport
from pftz.loaders.reference import load_reference
from pftz.loaders.report import load_report
from pftz.loaders.userdata import load_user_data
from pftz.loaders.userdata_builder import COLUMNS
from pftz.loaders.userdata_csv import parse_user_csv
from pftz.loaders.userdata_json import parse_user_json
from pftz.shell.cli import cli

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
ADOPTIONS_HEADER = ",".join(COLUMNS["adoptions"])


def _csv(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def _codes(r: ParsedReport) -> dict[int | None, set[str]]:
    out: dict[int | None, set[str]] = {}
    for w in r.warnings:
        out.setdefault(w.line, set()).add(w.code)
    return out


def _rels(r: ParsedReport, rel: Rel) -> set[tuple[str, str]]:
    return {(x.start.key, x.end.key) for x in r.relations if x.type is rel}


# --- every kind loads ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("zones.csv", "zones"),
        ("documents.csv", "documents"),
        ("measures.csv", "measures"),
        ("adoptions.csv", "adoptions"),
        ("user-data.json", "zones+documents+measures+adoptions"),
    ],
)
def test_each_example_loads_without_warnings(name: str, kind: str) -> None:
    path = EXAMPLES / name
    r = load_user_data(path)
    assert r.warnings == ()
    assert dict(r.meta)["kind"] == kind
    assert r.entities and r.relations
    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    assert r.source == name and r.sha256 == sha
    raw = path.read_text(encoding="utf-8").split("\n")
    for rec in [*r.entities, *r.relations]:
        p = rec.provenance
        assert (p.source, p.sha256, p.section) == (name, sha, USER_SECTION)
        if name.endswith(".csv"):
            assert p.quote == raw[p.line - 1], "the quote is the raw CSV row"
        else:
            assert raw[p.line - 1].strip().startswith("{"), "the line is where the JSON item starts"


def test_adoptions_use_the_report_keys() -> None:
    r = load_user_data(EXAMPLES / "adoptions.csv")
    adopted = {(x.start.label, x.start.key, x.end.key): x.properties for x in r.relations if x.type is Rel.ADOPTED}
    hubei = adopted[(Label.ZONE, "hubei", "national:best-practices:5:7")]
    assert hubei["date"] == "2024-06" and hubei["batch"] == "national:best-practices:5"
    # a province by name, a measure by its title
    assert (Label.REGION, "shanxi", "national:best-practices:5:7") in adopted
    assert (Label.ZONE, "shanghai", "national:pilot-measures:1:3") in adopted
    kinds = {e.key: e.properties.get("kind") for e in r.entities if e.label is Label.MEASURE}
    assert kinds["national:best-practices:5:7"] == "best practice", "the measure's kind comes from the report"


def test_a_document_number_merges_with_the_report_document() -> None:
    r = load_user_data(EXAMPLES / "documents.csv")
    docs = {e.key: e.properties for e in r.entities if e.label is Label.DOCUMENT}
    report_docs = {e.key for e in load_report().entities if e.label is Label.DOCUMENT}
    assert "G.H.[2024]156" in docs and "G.H.[2024]156" in report_docs
    assert docs["G.H.[2024]156"]["year"] == 2024 and docs["G.H.[2024]156"]["serial"] == 156
    assert ("G.H.[2024]156", "state-council") in _rels(r, Rel.ISSUED_BY)
    assert ("E.Z.F.[2024]12", "gov-hubei") in _rels(r, Rel.ISSUED_BY)
    assert {z for d, z in _rels(r, Rel.NAMES_ZONE) if d == "G.H.[2024]156"} == {
        "shanghai",
        "guangdong",
        "tianjin",
        "fujian",
        "beijing",
        "hainan-ftp",
    }


def test_zones_new_sub_area_is_located_and_part_of_its_zone() -> None:
    r = load_user_data(EXAMPLES / "zones.csv")
    assert ("hubei/wuhan-area", "hubei") in _rels(r, Rel.PART_OF)
    assert ("hubei/wuhan-area", "hubei") in _rels(r, Rel.LOCATED_IN)
    wuhan = next(e for e in r.entities if e.key == "hubei/wuhan-area")
    assert wuhan.properties == {"kind": "sub-area", "province": "hubei"}


def test_measures_new_batch_document_and_scope() -> None:
    r = load_user_data(EXAMPLES / "measures.csv")
    key = "user:hubei:cross-border-data-service-desk"
    assert (key, "provincial:hubei:institutional-innovations:10") in _rels(r, Rel.IN_BATCH)
    assert (key, "E.Z.F.[2024]12") in _rels(r, Rel.PROMOTED_BY)
    assert (key, "hubei") in _rels(r, Rel.REPLICATED_TO)
    assert ("national:best-practices:5:7", "zhejiang") in _rels(r, Rel.ORIGINATED_IN)
    batch = next(e for e in r.entities if e.label is Label.BATCH)
    assert batch.properties == {"kind": "institutional-innovations", "level": "provincial", "ordinal": 10}


def test_json_items_may_refer_to_earlier_kinds_of_the_same_file() -> None:
    r = load_user_data(EXAMPLES / "user-data.json")
    assert ("hunan", "user:hubei:cross-border-data-service-desk") in _rels(r, Rel.ADOPTED)
    assert ("user:hubei:cross-border-data-service-desk", "hubei/wuhan-area") in _rels(r, Rel.ORIGINATED_IN)


def test_merged_graph_validates_and_shares_nodes() -> None:
    report = load_report()
    parts = [load_user_data(EXAMPLES / n) for n in ("zones.csv", "documents.csv", "measures.csv", "adoptions.csv")]
    G = graph_from_reports([report, *parts], reference=load_reference())
    validate(G)
    doc = G.nodes["Document:G.H.[2024]156"]
    assert {p["source"] for p in doc["provenance"]} == {report.source, "documents.csv"}
    assert G.has_edge("Zone:hubei", "Measure:national:best-practices:5:7", "ADOPTED")
    assert G.has_edge("Region:shanxi", "Measure:national:best-practices:5:7", "ADOPTED")


# --- bad rows -------------------------------------------------------------------------------------


BAD_ADOPTIONS = f"""{ADOPTIONS_HEADER}
Hubei PFTZ,national:best-practices:5:7,2024-06,fewer reports,,notes p. 3
Atlantis PFTZ,national:best-practices:5:7,2024,,,
Shanxi,national:best-practices:5:8,2024-02-30,,,
"""


def test_a_bad_row_is_reported_with_its_line_and_the_good_rows_load(tmp_path: Path) -> None:
    path = _csv(tmp_path, "events.csv", BAD_ADOPTIONS)
    r = load_user_data(path)
    assert _rels(r, Rel.ADOPTED) == {("hubei", "national:best-practices:5:7")}
    assert _codes(r) == {3: {"unknown-adopter"}, 4: {"bad-date"}}
    assert all(w.source == "events.csv" for w in r.warnings)
    assert "row at line 3: unknown adopter 'Atlantis PFTZ'" in r.warnings[0].message
    assert dict(r.meta)["rows_skipped"] == "2"


def test_strict_lists_every_bad_row_and_loads_nothing(tmp_path: Path) -> None:
    path = _csv(tmp_path, "events.csv", BAD_ADOPTIONS)
    with pytest.raises(UserDataError) as info:
        load_user_data(path, strict=True)
    msg = str(info.value)
    assert msg.startswith(f"{path}:3: 2 bad rows")
    assert f"{path}:3: [unknown-adopter]" in msg and f"{path}:4: [bad-date]" in msg
    assert info.value.line == 3


def test_all_problems_of_one_row_are_reported(tmp_path: Path) -> None:
    text = f"{ADOPTIONS_HEADER}\nAtlantis PFTZ,no such measure,24-1-1,,national:best-stuff:1,\n"
    r = load_user_data(_csv(tmp_path, "a.csv", text))
    assert _codes(r) == {2: {"unknown-adopter", "unknown-measure", "bad-date", "unknown-batch"}}
    assert not r.relations and not r.entities


@pytest.mark.parametrize(
    ("kind", "row", "code", "words"),
    [
        ("adoptions", ",national:best-practices:5:7,,,,", "missing-value", "no value for adopter"),
        ("adoptions", "Hubei PFTZ,national:best-practices:5:99,,,,", "unknown-measure", "5:9'"),
        ("adoptions", "Hubei PFTZ,New model for ship supervison and declaration,,,,", "unknown-measure", "mean"),
        ("adoptions", "Shanghia PFTZ,national:best-practices:5:7,,,,", "unknown-adopter", "Shanghai PFTZ"),
        ("adoptions", "Hubei PFTZ,national:best-practices:5:7,2024/06/01,,,", "bad-date", "YYYY-MM-DD"),
        ("adoptions", "Hubei PFTZ,national:best-practices:5:7,,,national:5,", "unknown-batch", "national:5"),
        ("adoptions", "Hubei PFTZ,national:best-practices:5:7,,,", "bad-row", "has 5 cells"),
        ("zones", "Hubei,Hubei PFTZ,PFTZ,Hubei", "bad-key", "lowercase"),
        ("zones", "atlantis,Atlantis PFTZ,PFTZ,Atlantis", "unknown-province", "Atlantis"),
        ("zones", "atlantis,Atlantis PFTZ,,hubei", "missing-value", "no kind for the new zone"),
        ("zones", "hubei,Hubei PFTZ,free port,Hubei", "bad-kind", "'PFTZ'"),
        ("zones", "hubei,Hubei PFTZ,PFTZ,Hunan", "conflict", "lies in 'hubei'"),
        ("zones", "atlantis/harbour,Harbour Area,sub-area,Hubei", "unknown-zone", "parent zone 'atlantis'"),
        ("zones", "hubei/harbour,Harbour Area,sub-area,Hunan", "conflict", "its zone 'hubei' lies in 'hubei'"),
        ("documents", ",,2024,,", "missing-value", "no number and no title"),
        ("documents", "X.Y.Z. (2024) No. 5,A Plan,2024,,", "bad-number", "not a document number"),
        ("documents", "G.H. [2024] No. 1; G.H. [2024] No. 2,A Plan,,,", "bad-number", "2 document numbers"),
        ("documents", "G.H. [2024] No. 1,A Plan,,Ministry of Magic,", "unknown-body", "Ministry of Magic"),
        ("documents", "G.H. [2024] No. 1,A Plan,,,Atlantis PFTZ", "unknown-zone", "Atlantis PFTZ"),
        ("documents", "G.H. [2024] No. 1,A Plan,2024-00,,", "bad-date", "2024-00"),
        ("measures", "user:x,A reform,,,,,", "missing-value", "no kind for the new measure"),
        ("measures", "user:x,,pilot measure,,,,", "missing-value", "no title for the new measure"),
        ("measures", "user x,A reform,pilot measure,,,,", "bad-key", "bad measure key"),
        ("measures", "user:x,A reform,reform,,,,", "bad-kind", "'best practice'"),
        ("measures", "user:x,A reform,pilot measure,,,everywhere,", "bad-scope", "'Nationwide'"),
        ("measures", "user:x,A reform,pilot measure,Atlantis PFTZ,,,", "unknown-zone", "Atlantis"),
        ("measures", "user:x,A reform,pilot measure,,,,Notice on Nothing", "unknown-document", "Notice on Nothing"),
        ("measures", "national:best-practices:5:7,,pilot measure,,,,", "conflict", "is a best practice"),
    ],
)
def test_bad_values(kind: str, row: str, code: str, words: str) -> None:
    text = ",".join(COLUMNS[kind]) + "\n" + row + "\n"
    r = parse_user_csv(text, f"{kind}.csv")
    assert {w.code for w in r.warnings} == {code}, r.warnings
    assert all(w.line == 2 for w in r.warnings)
    assert words in " ".join(w.message for w in r.warnings)
    assert not r.entities and not r.relations


def test_duplicate_rows_are_reported(tmp_path: Path) -> None:
    row = "Hubei PFTZ,national:best-practices:5:7,2024,,,"
    r = load_user_data(_csv(tmp_path, "dup.csv", f"{ADOPTIONS_HEADER}\n{row}\n{row}\n"))
    assert _codes(r) == {3: {"duplicate-row"}}
    assert "already given at line 2" in r.warnings[0].message
    assert len(r.relations) == 1


def test_dangling_reference_to_a_skipped_row_says_so() -> None:
    data = {
        "format": "pftz-user/1",
        "measures": [{"key": "user:a", "title": "A reform", "kind": "no such kind"}],
        "adoptions": [{"adopter": "Hubei PFTZ", "measure": "user:a"}],
    }
    r = parse_user_json(json.dumps(data, indent=1), "u.json")
    assert [w.code for w in r.warnings] == ["bad-kind", "unknown-measure"]
    assert r.warnings[0].message.startswith("measures item 1 (line 4):")
    assert "that row is bad" in r.warnings[1].message


def test_known_replaces_the_bundled_report() -> None:
    text = f"{ADOPTIONS_HEADER}\nHubei PFTZ,national:best-practices:5:7,,,,\n"
    assert parse_user_csv(text, "a.csv").warnings == ()
    alone = parse_user_csv(text, "a.csv", known=[])
    assert [w.code for w in alone.warnings] == ["unknown-measure"]
    measures = parse_user_csv("key,title,kind,origin_zones,batch,scope,document\nm:1,A,pilot measure,,,,\n", "m.csv")
    text = f"{ADOPTIONS_HEADER}\nHubei PFTZ,m:1,,,,\n"
    assert parse_user_csv(text, "a.csv", known=[measures]).warnings == ()


def test_multi_line_quoted_cell_keeps_its_start_line(tmp_path: Path) -> None:
    text = f'{ADOPTIONS_HEADER}\nHubei PFTZ,national:best-practices:5:7,2024,"two\nlines",,\nShanxi,bad,,,,\n'
    r = load_user_data(_csv(tmp_path, "m.csv", text))
    assert r.relations[0].provenance.line == 2
    assert r.relations[0].provenance.quote == 'Hubei PFTZ,national:best-practices:5:7,2024,"two\nlines",,'
    assert _codes(r) == {4: {"unknown-measure"}}


# --- headers and files ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("adoptor,measure,date,outcome,batch,source_note\n", "is not one of the user data kinds"),
        ("adopter;measure;date;outcome;batch;source_note\n", "';' or tabs"),
        ("Hubei PFTZ,national:best-practices:5:7,2024,,,\n", "expected the columns of one of"),
        ("\nadopter,measure,date,outcome,batch,source_note\n", "the header must be on line 1"),
    ],
)
def test_a_wrong_header_names_line_1_and_the_expected_columns(tmp_path: Path, text: str, words: str) -> None:
    path = _csv(tmp_path, "h.csv", text)
    with pytest.raises(UserDataError) as info:
        load_user_data(path)
    assert str(info.value).startswith(f"{path}:1: ")
    assert words in str(info.value)


def test_a_given_kind_must_match_the_header() -> None:
    with pytest.raises(UserDataError, match=r"not that of measures data \(missing \['key'"):
        parse_user_csv(ADOPTIONS_HEADER + "\n", "a.csv", kind="measures")
    with pytest.raises(UserDataError, match="unknown kind of user data"):
        parse_user_csv(ADOPTIONS_HEADER + "\n", "a.csv", kind="events")
    assert parse_user_csv(ADOPTIONS_HEADER + "\n", "a.csv", kind="adoption").warnings == ()


def test_columns_may_come_in_any_order() -> None:
    text = "measure,adopter,source_note,batch,outcome,date\nnational:best-practices:5:7,Hubei PFTZ,,,,2024\n"
    r = parse_user_csv(text, "a.csv")
    assert _rels(r, Rel.ADOPTED) == {("hubei", "national:best-practices:5:7")}


@pytest.mark.parametrize(
    ("name", "data", "words", "line"),
    [
        ("empty.csv", b"", "the file is empty", 1),
        ("blank.csv", b" \n\t\n", "the file is empty", 1),
        ("utf16.csv", ADOPTIONS_HEADER.encode("utf-16"), "UTF-16", 1),
        ("gbk.csv", (ADOPTIONS_HEADER + "\n湖北自贸试验区,x,,,,\n").encode("gbk"), "not UTF-8", 2),
        ("bin.csv", bytes(range(1, 256)) + b"\x00", "binary", 2),
        ("data.txt", b"x", "must be a .csv or .json file", None),
        ("bad.json", b'{"format": "pftz-user/1",\n "adoptions": [}', "not valid JSON", 2),
        ("list.json", b"[]", "expected a JSON object", 1),
        ("format.json", b'{"format": "pftz-user/2"}', '"format" must be "pftz-user/1"', 1),
        ("extra.json", b'{"format": "pftz-user/1", "events": []}', "unknown top-level keys ['events']", 1),
        ("deep.json", b"[" * 100_000 + b"]" * 100_000, "cannot read the JSON", 1),
    ],
)
def test_unreadable_files(tmp_path: Path, name: str, data: bytes, words: str, line: int | None) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(UserDataError) as info:
        load_user_data(path)
    assert words in str(info.value)
    assert str(info.value).startswith(f"{path}:{line}: " if line is not None else f"{path}: ")


def test_json_bad_items_name_the_item_and_its_line() -> None:
    text = """{"format": "pftz-user/1",
  "adoptions": [
    {"adopter": "Hubei PFTZ", "measure": "national:best-practices:5:7"},
    "not an object",
    {"adopter": "Hubei PFTZ", "measure": "national:best-practices:5:8", "date": 2024.5},
    {"adopter": "Hubei PFTZ", "measure": "national:best-practices:5:9", "adopted": true}
  ]
}"""
    r = parse_user_json(text, "u.json")
    assert [(w.line, w.code) for w in r.warnings] == [(4, "bad-type"), (5, "bad-type"), (6, "unknown-field")]
    assert r.warnings[0].message.startswith("adoptions item 2 (line 4): expected an object")
    assert _rels(r, Rel.ADOPTED) == {("hubei", "national:best-practices:5:7")}


# --- the CLI --------------------------------------------------------------------------------------


def test_cli_build_with_user_data(tmp_path: Path) -> None:
    out = tmp_path / "out"
    res = CliRunner().invoke(cli, ["build", "--data", str(EXAMPLES / "adoptions.csv"), "--no-html", "--out", str(out)])
    assert res.exit_code == 0, res.output
    assert "read adoptions.csv: 6 entities, 3 relations" in res.output  # a node named again: its first row


def test_cli_build_with_a_bad_user_file_fails_with_one_line(tmp_path: Path) -> None:
    path = _csv(tmp_path, "h.csv", "adoptor,measure\n")
    res = CliRunner().invoke(cli, ["build", "--data", str(path), "--no-html", "--out", str(tmp_path / "out")])
    assert res.exit_code == 1
    assert "Traceback" not in res.output
    errors = [ln for ln in res.output.splitlines() if ln.startswith("Error: ")]
    assert len(errors) == 1 and errors[0].startswith(f"Error: {path}:1: the header")
    assert not (tmp_path / "out").exists()
