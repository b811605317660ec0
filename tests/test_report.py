"""Tests of the report loader on the real report, excerpts of it and perturbed copies."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from pftz.ground.errors import StrictModeError
from pftz.ground.schema import Label, Rel
from pftz.loaders.records import ParsedReport
from pftz.loaders.report import BUNDLED_REPORT, load_report, parse_report
from pftz.loaders.text import strip_markers
from pftz.shell.cli import cli
from tests.perturb import _undo_interleaving, move_body_page_breaks, rewrap_paragraphs

TEXT = BUNDLED_REPORT.read_text(encoding="utf-8")
LINES = TEXT.split("\n")
KNOWN_WARNINGS = {
    "table-header-mismatch",
    "table-extra-cell",
    "table-row-duplicate",
    "zone-misspelt",
    "document-wordings-merged",
    "document-number-truncated",
}


@pytest.fixture(scope="module")
def report() -> ParsedReport:
    return load_report()


def _nodes(r: ParsedReport, label: Label) -> dict[str, dict[str, object]]:
    out: dict[str, dict[str, object]] = {}
    for e in r.entities:
        if e.label is label:
            out.setdefault(e.key, {"name": e.name}).update(e.properties)
    return out


def _edges(r: ParsedReport, rel: Rel) -> set[tuple[str, str]]:
    return {(x.start.key, x.end.key) for x in r.relations if x.type is rel}


def _content(r: ParsedReport) -> tuple[set[object], set[object]]:
    """What was read, provenance aside."""
    ents = {(e.label, e.key, e.name, e.props) for e in r.entities}
    rels = {(x.type, x.start, x.end, x.props) for x in r.relations}
    return ents, rels


# --- stated totals and counts -------------------------------------------------------------------


def test_every_stated_total_matches(report: ParsedReport) -> None:
    names = {c.name: c for c in report.checks}
    assert all(c.ok for c in report.checks), [c for c in report.checks if not c.ok]
    assert names["national institutional innovations (Appendix 1)"].stated == 77
    assert names["PFTZs named in the report"].found == 22
    assert names["pilot measures replicated to All PFTZs"].found == 17
    assert names["pilot measures replicated to Nationwide"].found == 13
    assert sum(1 for c in report.checks if c.name.startswith("Table 1-7")) >= 3


def test_no_unexpected_warning_and_no_unresolved_zone(report: ParsedReport) -> None:
    codes = Counter(w.code for w in report.warnings)
    assert set(codes) <= KNOWN_WARNINGS, codes
    assert not any(w.code in ("unknown-zone", "zone-unresolved") for w in report.warnings)
    misspelt = [w for w in report.warnings if w.code == "zone-misspelt"]
    assert misspelt and "Huber" in misspelt[0].message and misspelt[0].line == 1320


def test_national_batches(report: ParsedReport) -> None:
    batches = _nodes(report, Label.BATCH)
    national = {k: v for k, v in batches.items() if v.get("level") == "national" and v.get("count")}
    assert sorted(v["count"] for v in national.values()) == [23, 24, 30]  # type: ignore[type-var]
    in_batch = _edges(report, Rel.IN_BATCH)
    measures = {m for m, b in in_batch if b in national}
    assert len(measures) == 77
    replicated = {m for m, _ in _edges(report, Rel.REPLICATED_TO)}
    assert measures <= replicated, "every national measure reaches its scope"
    # the pilot measures: one document promotes them, and they came from the Pilot Regions
    pilot = [m for m, b in in_batch if b.startswith("national:pilot-measures")]
    promoted = _edges(report, Rel.PROMOTED_BY)
    assert all((m, "G.H.[2024]156") in promoted for m in pilot)
    origins = {z for m, z in _edges(report, Rel.ORIGINATED_IN) if m in pilot}
    assert origins == {"shanghai", "guangdong", "tianjin", "fujian", "beijing", "hainan-ftp"}


def test_documents(report: ParsedReport) -> None:
    docs = _nodes(report, Label.DOCUMENT)
    g = docs["G.H.[2024]156"]
    assert g["prefix"] == "G.H." and g["year"] == 2024 and g["serial"] == 156
    assert g["date"] == "2024-10-25", "the day-precise milestone date wins over 'In October 2024'"
    assert docs["S.Z.M.Fa.[2024]291"]["date"] == "2024-11-25"
    assert not [k for k in docs if k.startswith("n:")], "every short form resolves to a full number"
    issued = _edges(report, Rel.ISSUED_BY)
    assert ("C.G.S.[2024]18", "mofcom") in issued
    assert len({b for d, b in issued if d == "C.G.S.[2024]18"}) == 5, "jointly issued by five bodies"
    pilots = {
        z
        for x in report.relations
        if x.type is Rel.NAMES_ZONE and x.properties.get("role") == "pilot"
        for z in [x.end.key]
        if x.start.key == "G.Fa.[2023]9"
    }
    assert pilots == {"shanghai", "guangdong", "tianjin", "fujian", "beijing", "hainan-ftp"}


def test_zone_cases(report: ParsedReport) -> None:
    cases = {k: v for k, v in _nodes(report, Label.MEASURE).items() if v.get("kind") == "zone case"}
    assert len(cases) >= 80
    origin = dict(_edges(report, Rel.ORIGINATED_IN))
    assert all(k in origin for k in cases)
    convergent = next(v for v in cases.values() if v["name"] == "integrated license for convergent business")
    assert convergent["field"] == "Investment"
    assert str(convergent["before"]).startswith("Prior to the reform")
    assert str(convergent["after"]).startswith("Following the reform")
    hubei = [k for k, v in cases.items() if "one examination, multiple certifications" in str(v["name"])]
    assert hubei and origin[hubei[0]] == "hubei", "a misspelt zone still gets its case"


def test_provincial_batches(report: ParsedReport) -> None:
    batches = {k: v for k, v in _nodes(report, Label.BATCH).items() if v.get("level") == "provincial"}
    assert batches["provincial:fujian:institutional-innovations:10"]["count"] == 28
    liaoning = sorted(k for k in batches if k.startswith("provincial:liaoning:"))
    assert [batches[k]["count"] for k in liaoning] == [28, 28]


def test_adoption_stories(report: ParsedReport) -> None:
    adopted = {x.start.key: x for x in report.relations if x.type is Rel.ADOPTED}
    jiaxing = next(x for k, x in adopted.items() if k.startswith("zhejiang/jiaxing"))
    measures = _nodes(report, Label.MEASURE)
    assert measures[jiaxing.end.key]["name"] == "New model for ship supervision and declaration"
    assert jiaxing.properties["batch"] == "national:best-practices:5"
    assert "65%" in str(jiaxing.properties["outcome"])
    assert {"ningxia", "shanxi"} <= set(adopted), "provinces adopt too"


def test_alliances(report: ParsedReport) -> None:
    members = _edges(report, Rel.MEMBER_OF)
    yrd = {z for z, a in members if a == "yangtze-river-delta-pftz-alliance"}
    assert yrd == {"shanghai", "jiangsu", "zhejiang", "anhui"}
    assert any(a == "yangtze-river-delta-pftz-alliance" for _, a in _edges(report, Rel.RELEASED_BY))


def test_provenance_points_at_the_quoted_line(report: ParsedReport) -> None:
    for rec in [*report.entities, *report.relations]:
        p = rec.provenance
        assert p.sha256 == report.sha256 and p.quote
        first = strip_markers(p.quote.split(" | ")[0])[:12]
        window = strip_markers(" ".join(LINES[p.line - 1 : p.line + 6]))
        assert first in window, (p.line, p.quote[:80])


# --- excerpts and perturbed copies --------------------------------------------------------------


def test_excerpt_of_part_two() -> None:
    start = LINES.index("Institutional Innovation in Investment") + 1
    end = LINES.index("Institutional Innovation in Trade")
    excerpt = "\n".join(LINES[start - 2 : end])
    r = parse_report(excerpt, "excerpt.txt", partial=True)
    cases = {v["name"]: k for k, v in _nodes(r, Label.MEASURE).items()}
    assert "integrated license for convergent business" in cases
    assert len(cases) == 8
    # without partial=True an excerpt is a text that is not an edition: read, with a note, never refused
    whole = parse_report(excerpt, "excerpt.txt")
    assert [w.code for w in whole.warnings if w.code == "not-an-edition"] == ["not-an-edition"]
    assert {v["name"] for v in _nodes(whole, Label.MEASURE).values()} == set(cases)


@pytest.mark.parametrize(
    "perturb",
    [
        pytest.param(lambda t: rewrap_paragraphs(t, 72), id="rewrapped-72"),
        pytest.param(lambda t: rewrap_paragraphs(t, 110), id="rewrapped-110"),
        pytest.param(move_body_page_breaks, id="page-breaks-moved"),
        pytest.param(lambda t: _undo_interleaving(t)[0], id="interleaving-undone"),
    ],
)
def test_perturbed_copies_give_the_same_records(report: ParsedReport, perturb: object) -> None:
    copy = perturb(TEXT)  # type: ignore[operator]
    assert copy != TEXT
    r = parse_report(copy, report.source)
    ents, rels = _content(r)
    want_ents, want_rels = _content(report)
    assert ents == want_ents
    assert rels == want_rels
    assert [c.to_dict() | {"line": 0} for c in r.checks] == [c.to_dict() | {"line": 0} for c in report.checks]


# --- the CLI and bad input ----------------------------------------------------------------------


def test_parse_json_is_the_documented_format(tmp_path: Path) -> None:
    out = tmp_path / "records.json"
    res = CliRunner().invoke(cli, ["parse", "--json", "-o", str(out)])
    assert res.exit_code == 0, res.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == "pftz-records/1"
    assert set(data) >= {"source", "counts", "checks", "warnings", "sections", "tables", "entities", "relations"}
    e = data["entities"][0]
    assert set(e) == {"label", "key", "name", "properties", "provenance"}
    assert set(e["provenance"]) == {"source", "sha256", "line", "section", "quote"}


def test_strict_fails_on_warnings(tmp_path: Path) -> None:
    with pytest.raises(StrictModeError):
        load_report(strict=True)
    out = tmp_path / "r.json"
    res = CliRunner().invoke(cli, ["parse", "--strict", "--json", "-o", str(out)])
    assert res.exit_code == 1 and "warnings in strict mode" in res.output
    assert not out.exists()


def _bad(tmp_path: Path, name: str, data: bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


def _cut_at(prefix: str) -> bytes:
    return "\n".join(LINES[: next(i for i, ln in enumerate(LINES) if ln.startswith(prefix))]).encode()


BAD_INPUTS = {
    "empty.txt": (b"", "empty", 1),
    "blank.txt": (b"\n   \n\t\n", "empty", 1),
    "binary.txt": (bytes(range(256)) * 4, "binary", 1),
    "utf16.txt": (TEXT[:5000].encode("utf-16"), "UTF-16", 1),
    "latin1.txt": (TEXT[:3000].encode() + "caf\u00e9".encode("latin-1"), "not UTF-8", None),
    "no-appendix.txt": (_cut_at("Appendix 1: Status"), "Appendix 1", None),
    "in-table.txt": (_cut_at("20\tNational Immigration Administration"), "Source", None),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_gives_one_clear_error(tmp_path: Path, name: str) -> None:
    data, words, line = BAD_INPUTS[name]
    path = _bad(tmp_path, name, data)
    out = tmp_path / "out.json"
    out.write_text("earlier output", encoding="utf-8")
    res = CliRunner().invoke(cli, ["parse", str(path), "--json", "-o", str(out)])
    assert res.exit_code == 1
    assert "Traceback" not in res.output
    msg = res.output.strip().splitlines()
    assert msg[0].startswith(f"Error: {path}:"), msg
    assert words in res.output
    if line is not None:
        assert f"{path}:{line}:" in res.output
    assert re.match(rf"Error: {re.escape(str(path))}:\d+: ", msg[0])
    assert out.read_text(encoding="utf-8") == "earlier output"


def test_table_with_a_missing_column(tmp_path: Path) -> None:
    i = next(i for i, ln in enumerate(LINES) if ln.startswith("7\tNew model for ship supervision"))
    broken = LINES.copy()
    broken[i] = "7\tNew model for ship supervision and declaration"
    path = _bad(tmp_path, "missing-column.txt", "\n".join(broken).encode())
    res = CliRunner().invoke(cli, ["parse", str(path)])
    # read, not refused: the row's last cell is empty and a warning names the row's line
    assert res.exit_code == 0 and "Traceback" not in res.output
    assert [(w.source, w.line) for w in load_report(path).warnings if w.code == "table-row-short"] == [
        ("missing-column.txt", i + 1)
    ]


def test_narrative_wording_is_evidence_of_the_appendix_row(report: ParsedReport) -> None:
    # The text says 'the new "smart form" model for business registration'; Appendix 1
    # lists '"Intelligent Form" model for enterprise registration services'.
    evidence = [e for e in report.entities if e.key == "national:best-practices:5:10"]
    assert any('"smart form" model for business registration' in e.provenance.quote for e in evidence)
    assert any("Intelligent Form" in e.provenance.quote for e in evidence), "the appendix row itself"
    seamless = [e for e in report.entities if e.key == "national:best-practices:5:13"]
    assert any('"seamless renewal"' in e.provenance.quote for e in seamless)


_BATCH_SUBJECT_HOST = Path(__file__).parent / "editions" / "held-back" / "report-2035k.txt"
_BATCH_SUBJECT_LEAD = "The sixth batch highlights"


def _rows_evidenced_by(sentence: str, wrap: int = 0) -> set[str]:
    """Rows of the host edition's sixth batch of best practices a sentence of ours, put in place of the host's
    sentence on the batch, is read as evidence of."""
    text = _BATCH_SUBJECT_HOST.read_text(encoding="utf-8")
    at = text.index(_BATCH_SUBJECT_LEAD)
    text = text[:at] + sentence + text[text.index(". ", at) + 1 :]
    if wrap:
        text = rewrap_paragraphs(text, wrap)
    report = parse_report(text, "edition.txt")
    words = sentence.split()[2:5]
    return {
        e.key
        for e in report.entities
        if e.key.startswith("national:best-practices:6:") and all(w in e.provenance.quote.split() for w in words)
    }


@pytest.mark.parametrize("wrap", [0, 66])
@pytest.mark.parametrize(
    ("sentence", "rows"),
    [
        (  # quoted and unquoted items, parted by commas and "and"
            'The sixth batch features "multilateral netting for the western land-sea corridor", digital title '
            "transfer for leased aircraft and the \u201cone code for foreign talent services\u201d.",
            {"4", "6", "7"},
        ),
        (  # "as well as", another verb, the determiner "this"
            "This sixth batch covers one code for foreign talent services as well as 'joint approval for "
            "foreign-invested project land use and environmental assessment'.",
            {"5", "7"},
        ),
        (  # items the batch does not list add nothing; a quoted "and" does not part an item
            'The sixth batch stresses a "harbour fishing permit and berth booking" scheme and smart ferry tickets.',
            set(),
        ),
    ],
)
def test_a_batch_named_by_its_ordinal_as_subject_lists_rows_of_its_table(
    sentence: str, rows: set[str], wrap: int
) -> None:
    found = _rows_evidenced_by(sentence, wrap)
    assert {k.rsplit(":", 1)[1] for k in found} == rows


def test_a_batch_subject_of_another_ordinal_lists_no_rows() -> None:
    assert _rows_evidenced_by("The ninth batch features digital title transfer for leased aircraft.") == set()
