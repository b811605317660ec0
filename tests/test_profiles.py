"""Edition profiles: an edition printed with another layout is read with a profile and no code change."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from pftz.ground.errors import ReferenceDataError, ReportParseError
from pftz.loaders.profile import DEFAULT_PROFILE, ROLES, default_profile, load_profile, parse_profile
from pftz.loaders.records import ParsedReport
from pftz.loaders.report import BUNDLED_REPORT, load_report, parse_report
from pftz.shell.cli import cli
from tests.perturb import rewrap_paragraphs

TEXT = BUNDLED_REPORT.read_text(encoding="utf-8")
LOADERS = Path(__file__).resolve().parent.parent / "loaders"

# How a later edition could print the same report: other running heads, contents heading, part and
# appendix words, caption and source words, row-number heading and column headings.
RENAMED_COLUMNS = {
    "Title": "Document Name",
    "Key Content": "Summary",
    "Main Contents": "Summary",
    "PFTZ": "Free Trade Zone",
    "Batch of replication and scaling": "Round",
    "Quantity of institutional innovation": "Count",
    "Reform Initiative": "Initiative",
    "Pilot Measures": "Measure Name",
    "Department in Charge": "Lead Agency",
    "Responsible Parties": "Lead Agency",
    "Scope": "Coverage",
    "Year": "Year Promoted",
    "Document": "Policy Basis",
}
PROFILE_2030 = """
name = "a later layout"

[page]
running_heads = ["Annual Report on the Free Trade Zones of China"]

[structure]
contents = ["Table of Contents"]
part = "Section"
appendix = "Annex"
chapter = "Chapter"
required = [{ section = "Annex 1", what = "the national innovations" }]
milestones = ["milestones"]
zone_cases = ["institutional innovation"]
field_prefixes = ["Institutional Innovation in the", "Institutional Innovation in"]

[tables]
caption = "Exhibit"
source = ["Note"]
row_number = ["#"]
issued_by_zones = ["issued by PFTZs"]

[columns]
measure = ["Initiative", "Measure Name"]
document_title = ["Document Name"]
bodies = ["Lead Agency"]
scope = ["Coverage"]
document = ["Policy Basis"]
year = ["Year Promoted"]
zone = ["Free Trade Zone"]
batch = ["Round"]
quantity = ["Count"]
content = ["Summary"]
"""


def _relayout(text: str) -> str:
    """The bundled report as a later edition with another layout (same content) would print it.

    Chapters print as "Chapter 5" (not "5" alone) and parts print their heading in the body as in
    the contents ("Section II Institutional Innovation", not "2." and the title on another line).
    """
    lines = text.split("\n")
    for sec in load_report().sections:
        at = sec.start_line - 1
        if sec.level == 2:
            lines[at] = f"Chapter {lines[at].strip()}"
        elif sec.level == 1 and sec.number.startswith("Part "):
            title_at = (
                next(k for k in range(at + 1, len(lines)) if lines[k].strip()) if lines[at].strip()[-1] == "." else None
            )
            lines[at] = f"Section {sec.number.split()[1]} {sec.title}"
            if title_at is not None:
                lines[title_at] = ""
    out = []
    for line in lines:
        s = line.strip()
        if default_profile().is_running_head(s):
            line = "Annual Report on the Free Trade Zones of China" if s.startswith("Report") else ""
        elif s in ("Content", "Contents"):
            line = "Table of Contents"
        elif "\t" in line and re.match(r"^No\.?\t", line):
            cells = [
                "#" if re.fullmatch(r"No\.?", c.strip()) else RENAMED_COLUMNS.get(c.strip(), c)
                for c in line.split("\t")
            ]
            line = "\t".join(cells)
        line = re.sub(r"^Part ([IVX]+) ", r"Section \1 ", line)
        line = re.sub(r"^Appendix (\d+):", r"Annex \1:", line)
        line = re.sub(r"^Table (\d+-\d+ |\d+:)", r"Exhibit \1", line)
        line = re.sub(r"^Sources?:", "Note:", line)
        out.append(line)
    return "\n".join(out)


def _facts(r: ParsedReport) -> tuple[set[tuple[str, str]], set[tuple[str, str, str]]]:
    return (
        {(str(e.label), e.key) for e in r.entities},
        {(str(x.type), x.start.key, x.end.key) for x in r.relations},
    )


@pytest.fixture(scope="module")
def bundled() -> ParsedReport:
    return load_report()


def test_the_default_profile_names_every_column_of_the_bundled_tables(bundled: ParsedReport) -> None:
    p = default_profile()
    roles = {t.id: p.columns_of(t.columns) for t in bundled.tables}
    assert set(roles["1-7"]) == {"zone", "batch", "quantity", "content"}
    assert set(roles["A1-2"]) == {"bodies", "measure", "year", "scope", "document"}
    assert set(roles["1-1"]) == {"document_title", "content"}
    assert roles["1-6"] == {}  # a comparison table: nothing the loader reads
    assert p.column_role("department  IN charge") == "bodies"  # words, not spelling, decide


def test_tables_are_cited_as_printed(bundled: ParsedReport) -> None:
    labels = {t.id: t.printed for t in bundled.tables}
    assert labels["1-7"] == "Table 1-7"
    assert labels["A1-2"] == "Table 2 of Appendix 1"
    resolved = {str(dict(x.properties).get("resolved")) for x in bundled.relations}
    assert "row of Table 2 of Appendix 1" in resolved
    assert not any("A1-" in r for r in resolved)


def test_a_changed_layout_needs_only_a_profile(tmp_path: Path, bundled: ParsedReport) -> None:
    text = _relayout(TEXT)
    assert "Exhibit 1-7 " in text and "\nAnnex 1:" in text and "Report on China" not in text
    # the 2025 conventions do not fit: no part or appendix is listed, so the text is no edition, and
    # no caption is a table's: the totals the text states are not found, and say so
    plain = parse_report(text, "later.txt")
    assert "not-an-edition" in {w.code for w in plain.warnings}
    assert not plain.tables and plain.checks and not any(c.ok for c in plain.checks if c.stated == 77)
    profile_file = tmp_path / "later.toml"
    profile_file.write_text(PROFILE_2030, encoding="utf-8")
    r = parse_report(text, "later.txt", profile=load_profile(profile_file))
    assert [t.columns[1:] for t in r.tables if t.id == "1-7"] == [("Free Trade Zone", "Round", "Count", "Summary")]
    assert {t.printed for t in r.tables} >= {"Exhibit 1-7", "Exhibit 2 of Annex 1"}
    ents, rels = _facts(r)
    want_ents, want_rels = _facts(bundled)
    assert ents == want_ents
    assert rels == want_rels
    assert [(c.stated, c.found) for c in r.checks] == [(c.stated, c.found) for c in bundled.checks]
    # the same outline, headings named with the edition's own words ("Section II", "Annex 1")
    assert [(x.level, x.title, x.start_line, x.end_line) for x in r.sections] == [
        (x.level, x.title, x.start_line, x.end_line) for x in bundled.sections
    ]
    assert {x.number for x in r.sections if x.level == 1} == {
        "Section I",
        "Section II",
        "Section III",
        "Annex 1",
        "Annex 2",
    }


def test_the_cli_takes_a_profile(tmp_path: Path) -> None:
    text_file = tmp_path / "later.txt"
    text_file.write_text(_relayout(TEXT), encoding="utf-8")
    profile_file = tmp_path / "later.toml"
    profile_file.write_text(PROFILE_2030, encoding="utf-8")
    res = CliRunner().invoke(cli, ["parse", str(text_file), "--profile", str(profile_file)])
    assert res.exit_code == 0, res.output
    assert "Table A1-2: 24 rows" in res.output


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("name = 'x'\n[page\n", "not valid TOML"),
        (PROFILE_2030.replace("[columns]", "[columns]\nflavour = ['x']"), "unknown column roles ['flavour']"),
        (PROFILE_2030.replace('caption = "Exhibit"', "caption = []"), "[tables] caption"),
        (PROFILE_2030.replace("[page]", "[pages]"), "[page] is missing"),
    ],
)
def test_a_bad_profile_is_one_clear_error(text: str, words: str) -> None:
    with pytest.raises(ReferenceDataError, match=re.escape(words)):
        parse_profile(text, "bad.toml")


def test_a_profile_gives_only_what_differs(tmp_path: Path) -> None:
    f = tmp_path / "small.toml"
    f.write_text(
        'name = "exhibits"\n[tables]\ncaption = "Exhibit"\n[columns]\nzone = ["Zone Name"]\n', encoding="utf-8"
    )
    p, d = load_profile(f), default_profile()
    assert (p.name, p.caption, p.source, p.running_heads) == ("exhibits", ("Exhibit",), d.source, d.running_heads)
    assert p.column_role("Zone Name") == "zone" and p.column_role("PFTZ") is None  # the synonyms it gives replace
    assert p.column_role("Department in Charge") == "bodies"
    assert p.batch_kinds == d.batch_kinds


def test_the_default_profile_file_holds_every_role() -> None:
    p = load_profile(DEFAULT_PROFILE)
    assert {role for role, _ in p.columns} == set(ROLES)
    assert p is load_profile()  # read once


def test_no_layout_of_the_edition_in_the_loaders(bundled: ParsedReport) -> None:
    """The bundled edition's table numbers, column headings (as string literals), appendix names and running
    heads live in its profile, not in the loaders' code."""
    forbidden = {re.escape(t.printed) + r"(?![\d-])" for t in bundled.tables}
    forbidden |= {re.escape(t.printed.rsplit(" of ", 1)[1]) for t in bundled.tables if " of " in t.printed}
    # headings of several words as string literals (one-word headings such as "PFTZ" are words of the domain too)
    forbidden |= {rf"[\"']{re.escape(c)}[\"']" for t in bundled.tables for c in t.columns if " " in c}
    forbidden |= {re.escape(h) for h in default_profile().running_heads if len(h) > 20}
    assert len(forbidden) >= 20
    hits = []
    for path in sorted(LOADERS.glob("*.py")):
        if path.name == "narrative.py":
            continue  # the narrative grammar's own words move to its lexicon (another change)
        for no, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
            hits += [f"{path.name}:{no}: {f}: {line.strip()}" for f in forbidden if re.search(f, line)]
    assert hits == []


def test_a_rewrapped_relayout_reads_the_same(tmp_path: Path, bundled: ParsedReport) -> None:
    profile_file = tmp_path / "later.toml"
    profile_file.write_text(PROFILE_2030, encoding="utf-8")
    r = parse_report(rewrap_paragraphs(_relayout(TEXT), 80), "later.txt", profile=load_profile(profile_file))
    assert _facts(r) == _facts(bundled)


def test_a_profile_beside_the_text_is_its_own(tmp_path: Path, bundled: ParsedReport) -> None:
    text_file = tmp_path / "later.txt"
    text_file.write_text(_relayout(TEXT), encoding="utf-8")
    (tmp_path / "later.txt.profile.toml").write_text(PROFILE_2030, encoding="utf-8")
    assert _facts(load_report(text_file)) == _facts(bundled)


def test_an_edition_without_its_required_part_is_truncated(tmp_path: Path) -> None:
    text = _relayout(TEXT)
    cut = text[: text.rindex("\nAnnex 1:")]
    profile_file = tmp_path / "later.toml"
    profile_file.write_text(PROFILE_2030, encoding="utf-8")
    with pytest.raises(ReportParseError, match=re.escape("Annex 1 (the national innovations) not found")):
        parse_report(cut, "later.txt", profile=load_profile(profile_file))


def test_a_plural_or_singular_heading_is_the_same_column() -> None:
    p = default_profile()
    assert p.column_role("Reform Initiatives") == p.column_role("reform initiative") == "measure"
    assert p.column_role("Main Content") == p.column_role("MAIN CONTENTS") == "content"
    assert p.column_role("Responsible Party") == "bodies"


def test_an_edition_whose_contents_do_not_list_the_required_part_is_read() -> None:
    # a later edition may print its national batches in a chapter: no appendix listed, none required
    listed = TEXT.index("Appendix 1:")  # the contents' line
    start, end = TEXT.rindex("\nAppendix 1:"), TEXT.rindex("\nAppendix 2:")  # the appendix itself
    without = TEXT[:listed] + TEXT[TEXT.index("\n", listed) + 1 : start] + TEXT[end:]
    report = parse_report(without, "later.txt")
    assert report.entities and report.relations
    with pytest.raises(ReportParseError, match=re.escape("Appendix 1 (the national innovations) not found")):
        parse_report(TEXT[:start], "cut.txt")  # listed in the contents and cut off: truncated


@pytest.mark.parametrize(
    ("heading", "role"),
    [
        ("Coverage and examples", "content"),  # a scope and the examples: the column prints the examples
        ("Scope of replication and main examples", "content"),
        ("REPLICATION SCOPE AND HIGHLIGHTS", "content"),
        ("Coverage", "scope"),  # a scope alone stays a scope
        ("Department and examples", "bodies"),  # only a scope gives way to the examples joined to it
        ("Batch and quantity", "batch"),
    ],
)
def test_a_column_of_a_scope_and_examples_is_a_column_of_contents(heading: str, role: str) -> None:
    assert default_profile().column_role(heading) == role


def test_examples_of_a_provincial_batch_under_a_heading_of_scope_and_examples_are_the_zones_cases() -> None:
    text = (
        "Table 2-3 Provincial batches of two zones\n\n"
        "No.\tPilot zone\tBatch\tNumber\tScope and examples\n"
        '1\tHunan PFTZ\t4th\t17\tCovers Africa trade, with examples such as the "bonded storage model for imported '
        "ores\u201d and the \u201cborder trade credit pool\u201d.\n"
        "2\tShaanxi PFTZ\t8th\t12\tCovers rail logistics, including the 'rail freight credit bill' of the Xi'an Area.\n"
        "\nSource: compiled by the authors.\n"
    )
    report = parse_report(text, "batches.txt")
    origins = {
        (r.start.key.rsplit(":", 1)[1], r.end.key)
        for r in report.relations
        if r.type.name == "ORIGINATED_IN" and r.start.key.startswith("provincial:")
    }
    assert origins == {
        ("bonded-storage-model-for-imported-ores", "hunan"),
        ("border-trade-credit-pool", "hunan"),
        ("rail-freight-credit-bill", "shaanxi"),
    }
