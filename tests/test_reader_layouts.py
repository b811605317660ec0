"""The document-level reader on layouts it was not written for: excerpts of the development editions and
texts, and perturbed copies of each (re-wrapped, page breaks moved), so that no rule depends on one file."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest

from pftz.ground.errors import ReportParseError
from pftz.ground.schema import Label, Rel, Scope
from pftz.loaders.evaluate import align_lines, evaluate, facts_from_report, load_annotations
from pftz.loaders.lexicon import number_value
from pftz.loaders.profile import default_profile, load_profile
from pftz.loaders.records import ParsedReport
from pftz.loaders.report import PASSES, normalize_scope, parse_report, stated_patterns
from pftz.loaders.structure import parse_structure
from pftz.loaders.tables import parse_tables
from pftz.loaders.text import split_lines
from tests.perturb import move_body_page_breaks, rewrap_paragraphs

ROOT = Path(__file__).resolve().parents[1]
EDITION_B = ROOT / "tests" / "editions" / "held-back" / "report-2027b.txt"
EDITION_C = ROOT / "tests" / "editions" / "report-2027c.txt"

PAGE = ["", "", "Report on China's Pilot Free Trade Zones 2031", "", "17", "", "", ""]
"""A page break as a later edition prints it: the running head with the edition year on its line."""

CONTENTS = """Contents

Part One Annual Overview: PFTZ Development in 2030

1. Implementing the Plans of the State Council

(1) New requirements for upgrading PFTZs\t10
(2) A more complete policy framework\t13

Part Two Typical Cases of Institutional Innovation

1. Investment and Government Services\t57

Appendix: Chronicle of Events in 2030\t90

Part One

Annual Overview: PFTZ Development in 2030

1

Implementing the Plans of the State Council

(1) New requirements for upgrading PFTZs

Shanghai PFTZ launched a new "one-stop data service" for enterprises.

Part Two

Typical Cases of Institutional Innovation

1

Investment and Government Services

Tianjin PFTZ introduced a "bonded repair whitelist" model.

Appendix: Chronicle of Events in 2030

In March 2030, the State Council issued a notice.
"""

NATIONAL_TABLE = [
    "Table 3-2 Selected items of the ninth batch of reform pilot experience (2030)",
    "",
    "No.\tOrigin\tReform pilot experience\tCoverage",
    "1\tHubei PFTZ\tCredit repair in one go for market entities\tThroughout the country",
    "2\tSichuan PFTZ, Chongqing PFTZ\tMutual recognition of freight permits\tIn all PFTZs",
    *PAGE,
    "Table 3-2 (continued)",
    "",
    "No.\tOrigin\tReform pilot experience\tCoverage",
    "3\tFujian PFTZ\tRecognition of Taiwan qualifications in construction\tIn designated areas",
    "",
    "Source: Ministry of Commerce website.",
]


def _perturbed(text: str) -> list[str]:
    """The text, re-wrapped to short lines in its paragraphs, and with a page break moved into a paragraph."""
    rewrapped = "\n".join(
        "\n".join(re.findall(r".{1,60}(?:\s|$)", line)).rstrip() if "\t" not in line and len(line) > 80 else line
        for line in text.split("\n")
    )
    lines = text.split("\n")
    at = next(k for k, ln in enumerate(lines) if len(ln) > 40 and "\t" not in ln)
    moved = [*lines[:at], *PAGE, *lines[at:]]
    return [text, rewrapped, "\n".join(moved)]


# --------------------------------------------------------------------------- page furniture
def test_a_running_head_with_its_year_on_the_line_is_furniture() -> None:
    p = default_profile()
    assert p.is_running_head("Report on China's Pilot Free Trade Zones 2027")
    assert p.is_running_head("Report on China's Pilot Free Trade Zones")
    assert not p.is_running_head("Report on China's Pilot Free Trade Zones in 2027 grew")


# --------------------------------------------------------------------------- structure
def test_heading_numbers_in_words_digits_or_roman() -> None:
    assert [number_value(x) for x in ("One", "twelve", "7", "IX", "Part")] == [1, 12, 7, 9, None]


@pytest.mark.parametrize("variant", range(3))
def test_parts_numbered_in_words_and_an_appendix_without_a_number(variant: int) -> None:
    text = _perturbed(CONTENTS)[variant]
    outline = parse_structure(split_lines(text))
    assert outline.has_contents
    assert outline.listed == ("Part One", "Part Two", "Appendix")
    parts = [(s.number, s.title) for s in outline.sections if s.level == 1]
    assert parts == [
        ("Part One", "Annual Overview: PFTZ Development in 2030"),
        ("Part Two", "Typical Cases of Institutional Innovation"),
        ("Appendix", "Chronicle of Events in 2030"),
    ]
    sections = [(s.path, s.title) for s in outline.sections if s.level == 3]
    assert sections == [("Part One > I > (1)", "New requirements for upgrading PFTZs")]
    chapters = [s.path for s in outline.sections if s.level == 2]
    assert chapters == ["Part One > I", "Part Two > I"]


PAGED_CONTENTS = """Contents

Part I Overview of the Year
I. Progress\t3

Part II Outlook{sep}41

Appendix 1: Batches at the National Level\t44

Part I

Overview of the Year

I. Progress

The zones made progress.

Part II Outlook

The zones will go on.

Report on China's Pilot Free Trade Zones 2031

16

Appendix 1: Batches at the National Level

The batches follow.
"""


@pytest.mark.parametrize("sep", ["\t", " .......... ", "   "])
def test_a_part_listed_with_its_page_and_an_appendix_after_a_page_number(sep: str) -> None:
    """A part without chapters lists its page on its own line ("Part II Outlook<TAB>41"); its heading in the body
    is still that part, and an appendix heading right after a page number is an appendix, not a chapter."""
    outline = parse_structure(split_lines(PAGED_CONTENTS.format(sep=sep)))
    assert outline.listed == ("Part I", "Part II", "Appendix 1")
    assert [s.number for s in outline.sections if s.level == 1] == ["Part I", "Part II", "Appendix 1"]
    assert not [s for s in outline.sections if s.level == 2 and "Appendix" in s.title]


def test_an_edition_whose_contents_list_no_required_appendix_is_read() -> None:
    report = parse_report(CONTENTS, "later.txt")
    assert not any(w.code == "not-an-edition" for w in report.warnings)
    assert {s.number for s in report.sections if s.level == 1} == {"Part One", "Part Two", "Appendix"}


# --------------------------------------------------------------------------- tables
@pytest.mark.parametrize("variant", range(3))
def test_a_table_continued_after_a_page_break_is_one_table(variant: int) -> None:
    text = _perturbed("\n".join(NATIONAL_TABLE))[variant]
    tables, warnings = parse_tables(split_lines(text), "t.txt")
    assert [t.id for t in tables] == ["3-2"]
    assert [r.number for r in tables[0].rows] == [1, 2, 3]
    assert warnings == []


SPLIT_TABLE = [
    "Table 4-3 Reform experience promoted in the seventh batch",
    "",
    "No.\tInnovation\tProposed by\tScope of Replication",
    "1\tPaperless transfer of bonded seafood between warehouses\tFujian PFTZ\tThroughout the country",
    "2\tA shared credit file for cross-border freight forwarders\tGuangxi PFTZ, Yunnan PFTZ\tIn all PFTZs",
    "",
    "",
    "Report on China's Pilot Free Trade Zones",
    "2031",
    "",
    "",
    "",
    "44",
    "",
    "Deepening Opening-Up in Services",
    "",
    "No.\tInnovation\tProposed by\tScope of Replication",
    "3\tJoint quarantine of live cattle at river crossings\tYunnan PFTZ\tIn designated areas",
    "",
    "Source: Ministry of Commerce website.",
    "",
    "The seventh batch was welcomed by enterprises in the western provinces.",
]
"""A table cut by a page break: running head, edition year, page number and the chapter's running title sit
between its halves, its header printed again (no caption repeated)."""


@pytest.mark.parametrize("variant", range(4))
def test_a_table_cut_by_a_page_with_its_chapter_title_is_one_table(variant: int) -> None:
    lines = list(SPLIT_TABLE)
    if variant == 3:  # another chapter title of two lines, the year on the head's line, other zones
        at = lines.index("Deepening Opening-Up in Services")
        lines[at : at + 1] = ["Trade Facilitation and", "Customs Supervision"]
        lines = [ln.replace("Fujian PFTZ", "Hainan FTP").replace("Yunnan PFTZ", "Xinjiang PFTZ") for ln in lines]
        lines[7:9] = ["Report on China's Pilot Free Trade Zones 2031"]
    text = _perturbed("\n".join(lines))[min(variant, 2)]
    tables, warnings = parse_tables(split_lines(text), "t.txt")
    assert [t.id for t in tables] == ["4-3"]
    assert [r.number for r in tables[0].rows] == [1, 2, 3]
    assert [r.values["Scope of Replication"] for r in tables[0].rows] == [
        "Throughout the country",
        "In all PFTZs",
        "In designated areas",
    ]
    assert warnings == []


@pytest.mark.parametrize("variant", range(3))
def test_a_table_without_its_source_line_ends_at_its_last_row(variant: int) -> None:
    """No "Source:" line before prose resumes: the rows read are kept, the table ends at its last row, a warning
    names the file and line; the prose after it is read (not refused)."""
    lines = [ln for ln in SPLIT_TABLE if not ln.startswith("Source:")]
    text = _perturbed("\n".join(lines))[variant]
    tables, warnings = parse_tables(split_lines(text), "t.txt")
    assert [r.number for r in tables[0].rows] == [1, 2, 3]
    prose = next(ln.no for ln in split_lines(text) if ln.text.startswith("The seventh batch"))
    assert tables[0].end_line < prose
    assert [(w.code, w.source, w.line) for w in warnings] == [("table-no-source", "t.txt", prose)]
    assert "Table 4-3" in warnings[0].message and "no 'Source:' line" in warnings[0].message


def test_a_table_without_its_source_line_before_the_next_caption_keeps_both() -> None:
    lines = [ln for ln in SPLIT_TABLE if not ln.startswith("Source:")][:-2]
    second = ["Table 4-4 Another list", "", "No.\tInnovation\tProposed by", "1\tA river port pass\tHubei PFTZ"]
    second.append("Source: x.")
    tables, warnings = parse_tables(split_lines("\n".join([*lines, "", *second])), "t.txt")
    assert [(t.id, len(t.rows)) for t in tables] == [("4-3", 3), ("4-4", 1)]
    assert [w.code for w in warnings] == ["table-no-source"]


def test_a_text_that_ends_inside_a_table_is_still_an_error() -> None:
    """Only a text cut off inside a table (truncated) is refused, with its file and line."""
    lines = SPLIT_TABLE[: SPLIT_TABLE.index("Source: Ministry of Commerce website.")]
    with pytest.raises(ReportParseError, match=r"t\.txt:18: Table 4-3 .* the text ends at line 18"):
        parse_tables(split_lines("\n".join(lines)), "t.txt")


def test_an_edition_with_a_table_without_its_source_line_is_read() -> None:
    """In an edition (a text with contents) a table without its source line is a warning, not a refusal."""
    table = [ln for ln in SPLIT_TABLE if not ln.startswith("Source:")]
    text = CONTENTS.replace("Tianjin PFTZ introduced", "\n".join(table) + "\n\nTianjin PFTZ introduced")
    report = parse_report(text, "e.txt")
    assert [w.code for w in report.warnings if w.code == "table-no-source"] == ["table-no-source"]
    assert [len(t.rows) for t in report.tables] == [3]


def test_a_second_caption_that_does_not_continue_is_still_an_error() -> None:
    text = "\n".join(NATIONAL_TABLE).replace("Table 3-2 (continued)", "Table 3-2 Another table")
    with pytest.raises(ReportParseError, match=r"appears twice|no 'Source:'"):
        parse_tables(split_lines(text), "t.txt")


def test_columns_are_found_by_their_synonyms_in_any_order() -> None:
    p = default_profile()
    roles = p.columns_of(["No.", "Origin", "Reform pilot experience", "Coverage"])
    assert roles == {"zone": "Origin", "measure": "Reform pilot experience", "scope": "Coverage"}
    assert p.columns_of(["No.", "Issuing body", "Document", "Main points"]) == {
        "bodies": "Issuing body",
        "document": "Document",
        "content": "Main points",
    }


def test_a_heading_no_synonym_names_has_the_role_of_its_head_noun() -> None:
    p = default_profile()
    assert p.columns_of(["No.", "Pilot zone", "Reform item", "Coverage"]) == {
        "zone": "Pilot zone",
        "measure": "Reform item",
        "scope": "Coverage",
    }
    assert p.column_role("Highlights and coverage") == "content"  # the first phrase's head, not the last word
    assert p.column_role("Name of the zone") is None  # "name" has no role: never guessed from a later word
    assert p.column_role("Remarks") is None


@pytest.mark.parametrize("sep", ["-", ".", "\u2013"])
def test_a_table_numbered_with_a_dot_or_a_dash_is_a_batch(sep: str) -> None:
    table = [ln.replace("3-2", f"4{sep}1").replace("Reform pilot experience", "Reform item") for ln in NATIONAL_TABLE]
    report = parse_report("\n".join(table), "t.txt", partial=True)
    assert set(_national(report)) == {
        "Credit repair in one go for market entities",
        "Mutual recognition of freight permits",
        "Recognition of Taiwan qualifications in construction",
    }


@pytest.mark.parametrize(
    ("printed", "scope"),
    [
        ("Throughout the country", Scope.NATIONWIDE),
        ("In all PFTZs", Scope.ALL_PFTZS),
        ("In designated areas", Scope.DESIGNATED_AREAS),
        ("across the whole province", Scope.PROVINCE_WIDE),
        ("Nationwide", Scope.NATIONWIDE),
    ],
)
def test_scopes_are_read_by_the_lexicon_words(printed: str, scope: Scope) -> None:
    assert normalize_scope(printed) is scope


def _national(report: ParsedReport) -> dict[str, set[str]]:
    batches = {e.key for e in report.entities if e.label is Label.BATCH and e.properties.get("level") == "national"}
    members = {r.start.key for r in report.relations if r.type is Rel.IN_BATCH and r.end.key in batches}
    origins: dict[str, set[str]] = {m: set() for m in members}
    for r in report.relations:
        if r.type is Rel.ORIGINATED_IN and r.start.key in origins:
            origins[r.start.key].add(r.end.key)
    names = {e.key: e.name for e in report.entities if e.key in origins}
    return {names[k]: v for k, v in origins.items()}


@pytest.mark.parametrize("variant", range(3))
def test_a_national_table_with_other_column_names_is_a_batch(variant: int) -> None:
    text = _perturbed("\n".join(NATIONAL_TABLE))[variant]
    report = parse_report(text, "t.txt", partial=True)
    assert _national(report) == {
        "Credit repair in one go for market entities": {"hubei"},
        "Mutual recognition of freight permits": {"sichuan", "chongqing"},
        "Recognition of Taiwan qualifications in construction": {"fujian"},
    }
    scopes = {e.name: e.properties.get("scope") for e in report.entities if e.label is Label.MEASURE}
    assert scopes["Mutual recognition of freight permits"] == "All PFTZs"
    assert scopes["Recognition of Taiwan qualifications in construction"] == "Designated areas"


DOCUMENT_TABLE = """Table 2-1 Main national policy documents issued in 2030

No.\tIssuing body\tDocument\tMain points
1\tState Council\tNotice on Launching Pilot Programs for Data Flow in PFTZs (G.F. [2030] No. 4)\tAllowing data lists.
2\tGeneral Administration of Customs\tMeasures to Support Bonded Maintenance in PFTZs\tExtending bonded maintenance.

Source: Compiled from publicly available information.
"""


@pytest.mark.parametrize("variant", range(3))
def test_a_table_of_documents_without_a_title_column(variant: int) -> None:
    text = _perturbed(DOCUMENT_TABLE)[variant]
    report = parse_report(text, "t.txt", partial=True)
    docs = {e.properties.get("title") or e.name for e in report.entities if e.label is Label.DOCUMENT}
    assert docs == {
        "Notice on Launching Pilot Programs for Data Flow in PFTZs",
        "Measures to Support Bonded Maintenance in PFTZs",
    }
    bodies = {e.name for e in report.entities if e.label is Label.ISSUING_BODY}
    assert {"State Council", "General Administration of Customs"} <= bodies


CONTENT_ONLY_TABLE = """Table 2-3 Policy papers published by national ministries in 2031

No.\tDocument\tMain Content
1\t"Opinions of the Ministry of Transport on Water Rights Trading in PFTZs"\tOpening a trading window for water rights.
2\tNotice by the Taxation Administration and the Ministry of Finance on Rebates in PFTZs (C.S. [2031] No. 9)\tRebates.
3\t"Rules for Green Shipping in PFTZs" issued by the Ministry of Ecology and Environment\tEmission caps.

Source: Compiled by the editors.
"""


@pytest.mark.parametrize("variant", range(3))
def test_a_table_of_documents_beside_only_their_content(variant: int) -> None:
    text = _perturbed(CONTENT_ONLY_TABLE)[variant]
    report = parse_report(text, "t.txt", partial=True)
    docs = {e.properties.get("title") or e.name for e in report.entities if e.label is Label.DOCUMENT}
    assert docs == {
        "Opinions of the Ministry of Transport on Water Rights Trading in PFTZs",
        "Notice by the Taxation Administration and the Ministry of Finance on Rebates in PFTZs",
        "Rules for Green Shipping in PFTZs",
    }
    bodies = {e.name for e in report.entities if e.label is Label.ISSUING_BODY}
    assert {"Ministry of Transport", "Ministry of Ecology and Environment", "Ministry of Finance"} <= bodies


def test_the_later_edition_is_read_as_an_edition_with_its_tables() -> None:
    report = parse_report(EDITION_B.read_text(encoding="utf-8"), EDITION_B.name)
    assert not any(w.code in ("not-an-edition", "table-unread") for w in report.warnings)
    assert len(report.tables) == 3
    assert len(_national(report)) >= 12


# --------------------------------------------------------------------------- the passes
def test_the_document_level_passes_are_one_registry_of_one_signature() -> None:
    names = [p.name for p in PASSES]
    assert len(names) == len(set(names))
    for p in PASSES:
        assert p.doc, f"pass {p.name} has no docstring"
        params = list(inspect.signature(p.run).parameters)
        assert params == ["c", "ctx"], (p.name, params)
    # the driver runs the registry, not the functions one by one
    driver = inspect.getsource(parse_report)
    assert "for step in PASSES" in driver
    assert not re.search(r"\b_extract_\w+\(", driver)
    documented = (ROOT / "docs" / "reader.md").read_text(encoding="utf-8")
    assert [n for n in names if f"| `{n}` |" not in documented] == []


# --------------------------------------------------------------------------- batches, documents, bodies
def _batches(report: ParsedReport) -> dict[str, dict[str, object]]:
    """Each batch's properties over all the statements of it, the first value of each kept (as the graph merges)."""
    out: dict[str, dict[str, object]] = {}
    for e in report.entities:
        if e.label is Label.BATCH:
            props = out.setdefault(e.key, {})
            for k, v in e.properties.items():
                props.setdefault(k, v)
    return out


def _docs(report: ParsedReport) -> set[str]:
    return {
        str(e.properties.get("title") or e.name)
        for e in report.entities
        if e.label is Label.DOCUMENT and not e.key.startswith("text:")
    }


CIRCULAR = """Notice of the State Council on Replicating and Promoting the Ninth Batch of Reform Pilot Experience

G.F. [2031] No. 7

To the people's governments of all provinces:

Since the release of the eighth batch of reform pilot experience (G.H. [2029] No. 33), the zones have grown.
"""


@pytest.mark.parametrize("variant", range(3))
def test_a_circular_whose_title_releases_a_batch(variant: int) -> None:
    report = parse_report(_perturbed(CIRCULAR)[variant], "circular.txt")
    batches = _batches(report)
    assert batches["national:reform-experience:9"]["level"] == "national"
    assert "national:reform-experience:8" in batches  # the batch its number released
    released = {(r.start.key, r.end.key) for r in report.relations if r.type is Rel.RELEASED_BY}
    assert ("national:reform-experience:9", "G.F.[2031]7") in released
    assert ("national:reform-experience:8", "G.H.[2029]33") in released
    responsible = {(r.start.key, r.end.key) for r in report.relations if r.type is Rel.RESPONSIBLE_FOR}
    assert ("state-council", "national:reform-experience:9") in responsible
    assert any(d.startswith("Notice of the State Council on Replicating") for d in _docs(report))


def test_a_title_naming_a_batch_of_other_things_releases_no_batch() -> None:
    text = CIRCULAR.replace("Ninth Batch of Reform Pilot Experience", "Ninth Batch of Authorized Items")
    assert "national:institutional-innovations:9" not in _batches(parse_report(text, "circular.txt"))


@pytest.mark.parametrize("variant", range(3))
def test_a_batch_named_with_its_size_after_it_and_compiled_by_a_body(variant: int) -> None:
    text = (
        "In 2030, relevant departments promoted institutional innovations at the national level: the sixth batch "
        'of "best practice cases" (20 cases) compiled by MOFCOM, and more besides.\n'
    )
    report = parse_report(_perturbed(text)[variant], "t.txt")
    assert _batches(report)["national:best-practices:6"]["count"] == 20
    responsible = {(r.start.key, r.end.key) for r in report.relations if r.type is Rel.RESPONSIBLE_FOR}
    assert ("mofcom", "national:best-practices:6") in responsible


@pytest.mark.parametrize("variant", range(3))
def test_titles_printed_without_quotes(variant: int) -> None:
    text = (
        "In 2030, the zones acted on the Opinions on Implementing the Strategy for Upgrading PFTZs issued by the "
        "State Council. In March 2030, the State Council issued the Notice on Several Measures to Further Align "
        "with International High-Standard Economic and Trade Rules in Eligible PFTZs (G.F. [2030] No. 9), "
        "launching pilot programs first in Shanghai PFTZ.\n"
    )
    report = parse_report(_perturbed(text)[variant], "t.txt")
    assert _docs(report) == {
        "Opinions on Implementing the Strategy for Upgrading PFTZs",
        "Notice on Several Measures to Further Align with International High-Standard Economic and Trade Rules "
        "in Eligible PFTZs",
    }


@pytest.mark.parametrize("variant", range(3))
def test_a_party_committee_that_approves_a_document(variant: int) -> None:
    text = (
        'Shanghai PFTZ grew. The Zhejiang Provincial Committee of the CPC approved the "Implementation Opinions on '
        'Deepening Reform of Zhejiang PFTZ", and the CPC Central Committee adopted at its Fourth Plenary Session '
        'the "Recommendations for Formulating the 15th Five-Year Plan".\n'
    )
    report = parse_report(_perturbed(text)[variant], "t.txt")
    bodies = {e.name for e in report.entities if e.label is Label.ISSUING_BODY}
    assert {"Zhejiang Provincial Committee of the CPC", "CPC Central Committee"} <= bodies


def test_a_committee_of_another_body_is_no_party_committee() -> None:
    text = "Shanghai PFTZ grew. The Shanghai Municipal Committee approved a plan for Shanghai PFTZ.\n"
    bodies = {e.name for e in parse_report(text, "t.txt").entities if e.label is Label.ISSUING_BODY}
    assert "Shanghai Municipal Committee" not in bodies


PROVINCIAL_TABLE = """Table 4-8 Provincial replication batches released by selected PFTZs in 2030

No.\tBatch\tPilot zone\tKey contents\tNumber of innovations
1\t2030 batch\tGuangdong PFTZ\tCovering digital trade, including the "one-stop registration for youth start-ups".\t25
2\t2nd and 3rd\tXinjiang PFTZ\tTotaling 41, with 19 in the 2nd batch and 22 in the 3rd batch.\t41

Source: Compiled from publicly available information of PFTZs.
"""


@pytest.mark.parametrize("variant", range(3))
def test_a_provincial_batch_named_by_its_year(variant: int) -> None:
    report = parse_report(_perturbed(PROVINCIAL_TABLE)[variant], "t.txt", partial=True)
    batches = _batches(report)
    assert batches["provincial:guangdong:institutional-innovations:2030"]["count"] == 25
    names = {e.name for e in report.entities if e.label is Label.BATCH}
    assert "Guangdong PFTZ: 2030 batch of institutional innovations" in names
    assert {
        "provincial:xinjiang:institutional-innovations:2",
        "provincial:xinjiang:institutional-innovations:3",
    } <= set(batches)


WHOLE_BATCH_TABLE = """Table 4-2 Provincial batches released by PFTZs in 2031

No.\tPFTZ\tBatch\tNumber of innovations\tMain Contents
1\tGuangxi PFTZ\t9th\t14\tBorder finance; all 14 innovations are replicated across the autonomous region.
2\tHubei PFTZ\t12th\t20\tShipping; it includes the "berth sharing for river barges", replicated province-wide.

Source: Compiled by the editors.
"""


@pytest.mark.parametrize("variant", range(3))
def test_a_provincial_batch_replicated_as_a_whole(variant: int) -> None:
    report = parse_report(_perturbed(WHOLE_BATCH_TABLE)[variant], "t.txt", partial=True)
    spread = {(r.start.key, r.end.key) for r in report.relations if r.type is Rel.REPLICATED_TO}
    assert ("provincial:guangxi:institutional-innovations:9", "guangxi") in spread
    assert ("provincial:hubei:institutional-innovations:12", "hubei") not in spread  # its example is, not the batch


SCOPED_BATCH_TABLE = """Table 2-6 Batches of replication issued by the zones in 2031

No.\tRound\tReleasing zone\tNumber of measures\tScope of replication
1\t4th\tGuangxi PFTZ\t19\tAcross the whole autonomous region
2\t9th\tSichuan PFTZ\t27\tProvince-wide, with priority for the Tianfu New Area
3\t3rd\tChongqing PFTZ\t11\tThroughout the municipality
4\t8th\tHenan PFTZ\t15\tIn designated areas

Source: Notices of the zones.
"""


@pytest.mark.parametrize("variant", range(3))
def test_a_provincial_batch_whose_scope_column_is_its_province(variant: int) -> None:
    """A column of scope saying province-wide (in any wording) replicates the row's batch itself over the province
    (its zone found by a column headed "Releasing zone"); another scope replicates nothing."""
    text = _perturbed(SCOPED_BATCH_TABLE)[variant]
    if variant == 2:
        text = text.replace("Releasing zone", "Releasing PFTZ").replace("Sichuan PFTZ", "Hubei PFTZ")
    report = parse_report(text, "t.txt", partial=True)
    spread = {(r.start.key, r.end.key) for r in report.relations if r.type is Rel.REPLICATED_TO}
    sichuan = "hubei" if variant == 2 else "sichuan"
    assert {b for b, _p in spread} == {
        "provincial:guangxi:institutional-innovations:4",
        f"provincial:{sichuan}:institutional-innovations:9",
        "provincial:chongqing:institutional-innovations:3",
    }
    assert ("provincial:chongqing:institutional-innovations:3", "chongqing") in spread


NAMED_EXAMPLES_TABLE = """Table 3-4 Batches released by the provinces' zones, 2031

Zone\tWhere replicated\tItems\tRound\tMain examples
Fujian PFTZ\tAcross the whole province\t19\t7th\tBonded repair of cruise engines; cross-Strait e-invoice recognition
Henan PFTZ\tIn designated areas\t12\t5th\tShared cold-chain inspection for air cargo
Chongqing PFTZ\tThroughout Chongqing\t21\t8th\t—
Shaanxi PFTZ\tProvince-wide\t9\t3rd\tAll 9 items are promoted province-wide

Source: Notices of the zones.
"""


@pytest.mark.parametrize("variant", range(4))
def test_a_column_of_examples_that_names_them_unquoted(variant: int) -> None:
    """A cell of examples that is a bare list of names (no quote, no verb; cut by ";") names each as an
    innovation of the row's zone, in its batch and replicated in its scope; the row's batch as a whole is then
    not replicated. A cell of scope that names the row's own province ("Throughout Chongqing") is province-wide.
    Variant 3 is a perturbed copy: other zones, other column order, "Across the whole of"."""
    text = _perturbed(NAMED_EXAMPLES_TABLE)[min(variant, 2)]
    fujian, henan, chongqing = "fujian", "henan", "chongqing"
    if variant == 3:
        fujian, henan, chongqing = "zhejiang", "hubei", "tianjin"
        text = (
            text.replace("Fujian PFTZ", "Zhejiang PFTZ")
            .replace("Henan PFTZ", "Hubei PFTZ")
            .replace("Throughout Chongqing", "Across the whole of Tianjin")
            .replace("Chongqing PFTZ", "Tianjin PFTZ")
            .replace("; cross-Strait", "; cross-border")
        )
    report = parse_report(text, "t.txt", partial=True)
    spread = {
        (r.start.key, r.end.key, dict(r.props).get("scope")) for r in report.relations if r.type is Rel.REPLICATED_TO
    }
    measures = {e.key: e.name for e in report.entities if e.label is Label.MEASURE}
    assert sorted(measures.values()) == sorted(
        [
            "Bonded repair of cruise engines",
            f"cross-{'border' if variant == 3 else 'Strait'} e-invoice recognition",
            "Shared cold-chain inspection for air cargo",
        ]
    )
    key = next(k for k, n in measures.items() if n.startswith("Bonded repair"))
    assert (key, fujian, "Province-wide") in spread
    key = next(k for k, n in measures.items() if n.startswith("Shared cold-chain"))
    assert (key, henan, "Designated areas") in spread
    batches = {(b, p) for b, p, _s in spread if b.count(":") == 3}  # the batches, not their measures
    assert batches == {
        (f"provincial:{chongqing}:institutional-innovations:8", chongqing),
        ("provincial:shaanxi:institutional-innovations:3", "shaanxi"),
    }


# --------------------------------------------------------------------------- lists of a batch's items
LISTED_CIRCULAR = """Notice of the State Council on Replicating and Promoting the Ninth Batch of Reform Pilot Experience

G.F. [2031] No. 7

Upon approval of the State Council, 4 items of the ninth batch of reform pilot experience are hereby replicated.

I. Contents of replication and promotion

(I) Items to be replicated and promoted nationwide (2 items)
1. Investment management: "filing-based registration of reinvested domestic profits" (Shanghai FTZ);
   "notification-and-commitment registration of partnership enterprises" (Fujian FTZ, Guangdong FTZ).

(II) Items to be replicated and promoted in all pilot free trade zones (1 item)
2. "Bonded maintenance of civil aircraft components" (Hainan Free Trade Port).

(III) Items to be replicated and promoted in special customs supervision areas (1 item)
3. "Unified management of bonded and non-bonded goods" (Shandong FTZ).
"""


@pytest.mark.parametrize("variant", range(3))
def test_a_circulars_items_listed_under_their_scopes(variant: int) -> None:
    report = parse_report(_perturbed(LISTED_CIRCULAR)[variant], "circular.txt")
    assert _national(report) == {
        "filing-based registration of reinvested domestic profits": {"shanghai"},
        "notification-and-commitment registration of partnership enterprises": {"fujian", "guangdong"},
        "Bonded maintenance of civil aircraft components": {"hainan-ftp"},
        "Unified management of bonded and non-bonded goods": {"shandong"},
    }
    names = {e.key: e.name for e in report.entities}
    adopted = {(names[r.end.key], r.properties["adopter"]) for r in report.relations if r.type is Rel.ADOPTED}
    assert adopted == {
        ("filing-based registration of reinvested domestic profits", "nationwide"),
        ("notification-and-commitment registration of partnership enterprises", "nationwide"),
        ("Bonded maintenance of civil aircraft components", "all pilot free trade zones"),
        ("Unified management of bonded and non-bonded goods", "special customs supervision areas"),
    }
    in_batch = [r for r in report.relations if r.type is Rel.IN_BATCH]
    assert in_batch and all(r.properties.get("derived") for r in in_batch)


def test_a_list_without_a_released_batch_is_no_batch() -> None:
    text = LISTED_CIRCULAR.replace("Replicating and Promoting the Ninth Batch of", "Studying")
    text = text.replace("4 items of the ninth batch of reform pilot experience are hereby replicated", "we met")
    assert _national(parse_report(text, "circular.txt")) == {}


EDITION_BATCH = CONTENTS.replace(
    'Shanghai PFTZ launched a new "one-stop data service" for enterprises.',
    'In January 2030, MOFCOM published the seventh batch of "best practice cases" from PFTZs, covering trade '
    "facilitation and cooperation. In trade facilitation, cases include Jiangsu PFTZ's \"tiered credit "
    'supervision of cross-border sellers" and the aircraft lease asset transfer service of Tianjin PFTZ. In '
    'cooperation, the seventh batch includes the "unified registration of ship mortgages" jointly proposed by '
    "Shanghai, Jiangsu, Zhejiang and Anhui PFTZs.",
)


@pytest.mark.parametrize("variant", range(3))
def test_an_editions_batch_named_only_in_prose_with_its_cases_listed(variant: int) -> None:
    report = parse_report(_perturbed(EDITION_BATCH)[variant], "later.txt")
    assert _national(report) == {
        "tiered credit supervision of cross-border sellers": {"jiangsu"},
        "aircraft lease asset transfer service": {"tianjin"},
        "unified registration of ship mortgages": {"shanghai", "jiangsu", "zhejiang", "anhui"},
    }


EDITION_BATCH_AMONG = CONTENTS.replace(
    'Shanghai PFTZ launched a new "one-stop data service" for enterprises.',
    "In May 2030, MOFCOM released the seventh batch of best practice cases of PFTZs, comprising nine cases. Among "
    'them, the "paperless bonded transfer" service developed by Fujian PFTZ was praised by shipping firms, and the '
    "credit insurance pool for small exporters, piloted by the Nansha Area of Guangdong PFTZ, was promoted as a "
    "model for private firms. The same batch included a scheme for the joint licensing of river pilots, jointly "
    "explored by Hubei PFTZ and the Hunan provincial maritime authority, as well as a registry of bonded aircraft "
    "parts from Tianjin PFTZ.",
)


@pytest.mark.parametrize("variant", range(3))
def test_an_editions_batch_its_paragraph_lists_after_among_them_and_the_same_batch_included(variant: int) -> None:
    """In the paragraph releasing a batch: "Among them, the A developed by X ..., and the B, piloted by Y, was ..."
    and "The same batch included C, jointly explored by Z and the W authority, as well as D from V": A-D are the
    batch's items with their zones; a clause about an item ("was promoted as ...") and a co-author that is not a
    zone ("the Hunan provincial maritime authority") are no items."""
    text = _perturbed(EDITION_BATCH_AMONG)[variant]
    if variant == 2:
        text = text.replace('"paperless bonded transfer"', "\u201cpaperless bonded transfer\u201d")
    assert _national(parse_report(text, "later.txt")) == {
        "paperless bonded transfer service": {"fujian"},
        "credit insurance pool for small exporters": {"guangdong/nansha-area"},
        "scheme for the joint licensing of river pilots": {"hubei"},
        "registry of bonded aircraft parts": {"tianjin"},
    }


EDITION_BATCH_PARAGRAPH = CONTENTS.replace(
    'Shanghai PFTZ launched a new "one-stop data service" for enterprises.',
    "In June 2030, MOFCOM released the seventh batch of 17 best practice cases for reference by all localities.\n\n"
    'The seventh batch of best practice cases centres on logistics and services. It includes the "green lane" '
    'model for live seafood imports from Hainan FTP, the "cloud audit" platform for bonded warehouses of '
    "Chongqing PFTZ, and a tiered credit scheme for ship agents from Fujian PFTZ. The batch also contains a "
    "river-sea transhipment ledger, which originated in Anhui PFTZ, and a bonded spare parts pool from the Nansha "
    "Area of Guangdong PFTZ.",
)


@pytest.mark.parametrize("variant", range(3))
def test_an_editions_later_paragraph_on_a_batch_lists_its_cases(variant: int) -> None:
    """A paragraph that opens with the batch as its subject, after the paragraph that released it: "It includes A
    from X, B of Y, and C from Z. The batch also contains D, which originated in V, and E from the W Area of U": A-E
    are the batch's items, each with the zone printed with it (single quotes in a copy)."""
    text = _perturbed(EDITION_BATCH_PARAGRAPH)[variant]
    if variant == 2:
        text = text.replace('"green lane"', "\u2018green lane\u2019").replace('"cloud audit"', "'cloud audit'")
    assert _national(parse_report(text, "later.txt")) == {
        "green lane model for live seafood imports": {"hainan-ftp"},
        "cloud audit platform for bonded warehouses": {"chongqing"},
        "tiered credit scheme for ship agents": {"fujian"},
        "river-sea transhipment ledger": {"anhui"},
        "bonded spare parts pool": {"guangdong/nansha-area"},
    }


@pytest.mark.parametrize("variant", range(3))
def test_an_editions_batch_paragraph_its_latter_and_among_others(variant: int) -> None:
    """The paragraph's "It included, among others, A from X, B and C, the latter first tried in the Y Area of
    Z": the aside "among others" is no part of A, "the latter ..." no item but C's origin; a count ("12 cases") is
    no item."""
    text = EDITION_BATCH_PARAGRAPH.split("\n\nThe seventh batch")[0] + (
        "\n\nThe seventh batch of best practice cases was smaller than the sixth. It included 12 cases. It included, "
        "among others, an export licence pre-check for drones from Shaanxi PFTZ, remote notarisation of powers of "
        "attorney for overseas investors and the bonded testing of imported lithography parts, the latter first "
        "tried in the Lingang Special Area of Shanghai PFTZ." + EDITION_BATCH_PARAGRAPH.split("Guangdong PFTZ.", 1)[1]
    )
    report = parse_report(_perturbed(text)[variant], "later.txt")
    assert _national(report) == {
        "export licence pre-check for drones": {"shaanxi"},
        "remote notarisation of powers of attorney for overseas investors": set(),
        "bonded testing of imported lithography parts": {"shanghai/lin-gang-special-area"},
    }


def test_a_batch_a_table_lists_is_not_read_from_its_paragraph() -> None:
    table = "\n".join(NATIONAL_TABLE).replace(
        "ninth batch of reform pilot experience", 'seventh batch of "best practices"'
    )
    text = EDITION_BATCH.replace("Tianjin PFTZ introduced", f"{table}\n\nTianjin PFTZ introduced")
    national = _national(parse_report(text, "later.txt"))
    assert "aircraft lease asset transfer service" not in national
    assert "Credit repair in one go for market entities" in national


EDITION_BODY_ITEMS = CONTENTS.replace(
    'Shanghai PFTZ launched a new "one-stop data service" for enterprises.',
    "In October 2030, MOFCOM released the sixth batch of 16 successful reform experience promoted by various "
    'departments. The National Health Commission has promoted the "remote consultation for cross-border patients" '
    'nationwide, while the State Taxation Administration also extended the "instant VAT refund for tourists" to '
    "all airports.",
)


@pytest.mark.parametrize("variant", range(3))
def test_an_editions_departmental_batch_its_bodies_spread_quoted_items(variant: int) -> None:
    """In the paragraph releasing a batch of departments' experience: "<body> has promoted the "A" nationwide, while
    <body> also extended the "B" to all airports": A and B are the batch's items (derived), each body responsible
    for its own."""
    text = _perturbed(EDITION_BODY_ITEMS)[variant]
    if variant == 2:
        text = text.replace('"instant VAT refund for tourists"', "\u201cinstant VAT refund for tourists\u201d")
    report = parse_report(text, "later.txt")
    assert set(_national(report)) == {
        "remote consultation for cross-border patients",
        "instant VAT refund for tourists",
    }
    names = {e.key: e.name for e in report.entities}
    responsible = {(names[r.start.key], names[r.end.key]) for r in report.relations if r.type is Rel.RESPONSIBLE_FOR}
    assert ("State Taxation Administration", "instant VAT refund for tourists") in responsible


@pytest.mark.parametrize("variant", range(3))
def test_two_rows_a_batch_paragraph_joins_with_and_are_each_named_there(variant: int) -> None:
    """A table's batch whose paragraph says "they include A and B" (no article before B): A and B each name a row of
    the table, evidence of both rows at the paragraph's line."""
    table = "\n".join(NATIONAL_TABLE).replace(
        "ninth batch of reform pilot experience", "seventh batch of best practices"
    )
    release = (
        'In May 2030, the Ministry of Commerce of China (hereinafter the "Commerce Ministry") released the '
        "seventh batch of 12 best practices. In regional coordination, they include credit repair in one go for "
        "market entities and mutual recognition of freight permits between zones."
    )
    text = CONTENTS.replace('Shanghai PFTZ launched a new "one-stop data service" for enterprises.', release)
    text = text.replace("Tianjin PFTZ introduced", f"{table}\n\nTianjin PFTZ introduced")
    text = _perturbed(text)[variant]
    report = parse_report(text, "later.txt")
    at = next(k for k, ln in enumerate(text.split("\n"), 1) if "In May 2030" in ln)
    named = {e.name for e in report.entities if e.label is Label.MEASURE and at <= e.provenance.line <= at + 3}
    assert {"Credit repair in one go for market entities", "Mutual recognition of freight permits"} <= named


@pytest.mark.parametrize("variant", range(3))
def test_a_title_without_quotes_after_a_verb_of_signing(variant: int) -> None:
    text = (
        "Representatives of Chongqing PFTZ and Sichuan PFTZ signed the Framework Agreement on Cooperation of Pilot "
        "Free Trade Zones along the New Western Land-Sea Corridor at a meeting hosted in Chongqing.\n"
    )
    report = parse_report(_perturbed(text)[variant], "t.txt")
    assert _docs(report) == {
        "Framework Agreement on Cooperation of Pilot Free Trade Zones along the New Western Land-Sea Corridor"
    }


@pytest.mark.parametrize("variant", range(3))
def test_a_body_that_includes_a_practice_in_its_batch(variant: int) -> None:
    text = (
        "Zhejiang PFTZ piloted the practice first. Only afterwards did the State Council include the practice in "
        "the sixth batch of reform pilot experience for replication nationwide.\n"
    )
    report = parse_report(_perturbed(text)[variant], "t.txt")
    assert _batches(report)["national:reform-experience:6"]["level"] == "national"
    responsible = {(r.start.key, r.end.key) for r in report.relations if r.type is Rel.RESPONSIBLE_FOR}
    assert ("state-council", "national:reform-experience:6") in responsible


# --------------------------------------------------------------------------- stated totals as profile phrases
def test_stated_totals_are_the_profiles_phrases() -> None:
    stated = stated_patterns(default_profile())
    m = stated.scope.search("Of them, 17 measures are to be replicated and scaled up across all PFTZs.")
    assert m is not None and (m.group("n"), m.group("scope")) == ("17", "all PFTZs")
    m = stated.national.search("It released 77 institutional innovations in three batches.")
    assert m is not None and (m.group("n"), m.group("batches")) == ("77", "three")
    assert stated.pftzs.search("the 22 Pilot Free Trade Zones (PFTZs)") is not None
    assert stated.national.search("77 innovations were released") is None


def test_a_profile_words_its_stated_totals(tmp_path: Path) -> None:
    f = tmp_path / "later.toml"
    f.write_text('[totals]\npftzs = ["N free trade pilot zones"]\n', encoding="utf-8")
    text = "The 21 free trade pilot zones grew. Shanghai PFTZ led.\n"
    report = parse_report(text, "t.txt", profile=load_profile(f))
    assert [(c.stated, c.found) for c in report.checks] == [(21, 1)]
    assert parse_report(text, "t.txt").checks == ()


# --------------------------------------------------------------------------- a whole edition, perturbed
@pytest.mark.parametrize("how", ["rewrapped", "page breaks moved"])
def test_the_later_edition_perturbed_reads_its_structure_the_same(how: str) -> None:
    text = EDITION_B.read_text(encoding="utf-8")
    copy = rewrap_paragraphs(text) if how == "rewrapped" else move_body_page_breaks(text, every=3)
    assert copy != text
    gold = load_annotations([EDITION_B.with_name(EDITION_B.stem + ".gold.csv")])
    base = evaluate(gold, facts_from_report(parse_report(text, EDITION_B.name)))
    other = evaluate(gold, facts_from_report(parse_report(copy, EDITION_B.name), align_lines(text, copy)))
    for fact in ("body", "document", "national", "batch"):
        a, b = base.score(fact), other.score(fact)
        assert b.recall >= a.recall - 0.02 and b.precision >= a.precision - 0.02, (fact, a, b)


@pytest.mark.parametrize("variant", range(3))
def test_a_batch_of_a_national_series_named_without_its_body(variant: int) -> None:
    text = (
        "Following the replication of the first batch of 30 pilot measures in 2029, in September 2030 the State "
        'Council issued the "Notice on Replicating and Scaling Up the Second Batch of Pilot Measures Aligned with '
        'High-Standard Rules" (G.F. [2030] No. 21). Shanghai PFTZ led.\n'
    )
    batches = _batches(parse_report(_perturbed(text)[variant], "t.txt"))
    assert batches["national:pilot-measures:2"]["level"] == "national"
    first = batches["national:pilot-measures:1"]
    assert (first["count"], first["level_from"]) == (30, "series")


def test_a_zones_batch_is_not_of_a_national_series() -> None:
    text = (
        "The State Council released the fifth batch of 23 best practices. Hubei PFTZ released its sixth batch of "
        "best practices in 2030, and the fourth batch of 10 institutional innovations was released too.\n"
    )
    batches = _batches(parse_report(text, "t.txt"))
    assert "national:best-practices:5" in batches
    assert "national:best-practices:6" not in batches
    assert "national:institutional-innovations:4" not in batches


@pytest.mark.parametrize("variant", range(3))
def test_an_area_named_after_its_zone_with_small_words(variant: int) -> None:
    text = (
        'Beijing PFTZ set up a "data compliance service station" in its Science and Technology Innovation Area, '
        "offering one-stop guidance to enterprises.\n"
    )
    report = parse_report(_perturbed(text)[variant], "t.txt")
    areas = {e.name for e in report.entities if e.label is Label.ZONE and e.properties.get("kind") == "sub-area"}
    assert any("Science and Technology Innovation Area" in a for a in areas), areas


@pytest.mark.parametrize("variant", range(3))
def test_an_area_before_its_zone_printed_in_another_form(variant: int) -> None:
    text = (
        "Cold-chain inspection results are now shared with the Baoji Harbour Area of the Shaanxi Pilot FTZ, "
        "and with the Dali Lake Area of the China (Yunnan) Pilot Free Trade Zone.\n"
    )
    report = parse_report(_perturbed(text)[variant], "t.txt")
    areas = {e.name for e in report.entities if e.label is Label.ZONE and e.properties.get("kind") == "sub-area"}
    assert {"Baoji Harbour Area", "Dali Lake Area"} <= areas, areas
    parts = {(r.start.key, r.end.key) for r in report.relations if r.type is Rel.PART_OF}
    assert {("shaanxi/baoji-harbour-area", "shaanxi"), ("yunnan/dali-lake-area", "yunnan")} <= parts, parts


@pytest.mark.parametrize("variant", range(3))
def test_an_area_read_only_with_its_zone_after_the_zone_in_its_sentence(variant: int) -> None:
    text = (
        'Beijing PFTZ\'s "green data center certificate" model, first tried in the High-end Industry Area, lets '
        "operators file their power use once a year.\n"
    )
    report = parse_report(_perturbed(text)[variant], "t.txt")
    areas = [r for r in report.relations if r.type is Rel.PART_OF and r.start.key == "beijing/high-end-industry-area"]
    assert areas and {r.end.key for r in areas} == {"beijing"}
    other = "Shanghai PFTZ opened a data port, and two new labs opened in the High-end Industry Area.\n"
    alone = parse_report(other, "t.txt")  # another zone printed before it: not that zone's area
    assert not any(e.key == "beijing/high-end-industry-area" for e in alone.entities)


@pytest.mark.parametrize("again", ["Table 3-2 (continued)", NATIONAL_TABLE[0]])
@pytest.mark.parametrize("variant", range(3))
def test_a_table_whose_parts_each_end_in_a_source_line_is_one_table(again: str, variant: int) -> None:
    """Each part of a table cut by a page break has its source line; the second part prints the caption again
    (its title, or "continued")."""
    parts = [*NATIONAL_TABLE[:5], "", "Source: Ministry of Commerce website.", *PAGE, again, *NATIONAL_TABLE[14:]]
    text = _perturbed("\n".join(parts))[variant]
    tables, warnings = parse_tables(split_lines(text), "t.txt")
    assert [t.id for t in tables] == ["3-2"]
    assert [r.number for r in tables[0].rows] == [1, 2, 3]
    assert tables[0].caption.startswith("Selected items of the ninth batch")
    assert warnings == []


@pytest.mark.parametrize("tail", ["(continued)", "[Cont.]", "(cont'd)"])
@pytest.mark.parametrize("variant", range(3))
def test_a_caption_printed_again_with_its_title_and_a_word_of_continuation_goes_on(tail: str, variant: int) -> None:
    """The second part of a table cut by a page break prints the whole caption again and a word of continuation
    after its title ("Table 3-2 Items of the ninth batch (continued)"): one table, not a table numbered twice."""
    caption = "Table 3-2 Items of the ninth batch"
    parts = [caption, *NATIONAL_TABLE[1:5], "", "Source: Ministry of Commerce website.", *PAGE, f"{caption} {tail}"]
    text = _perturbed("\n".join([*parts, *NATIONAL_TABLE[14:]]))[variant]
    tables, warnings = parse_tables(split_lines(text), "t.txt")
    assert [t.id for t in tables] == ["3-2"]
    assert [r.number for r in tables[0].rows] == [1, 2, 3]
    assert tables[0].caption == "Items of the ninth batch"
    assert warnings == []


@pytest.mark.parametrize(
    "sentence",
    [
        'In October 2030, the CPC Central Committee adopted at its Fifth Plenary Session the "Recommendations for '
        'Formulating the 16th Five-Year Plan for National Development".',
        'The "Recommendations for Formulating the 16th Five-Year Plan for National Development" adopted at the '
        "session called for upgrading PFTZs.",
    ],
)
@pytest.mark.parametrize("variant", range(3))
def test_a_quoted_title_with_its_verb_a_few_words_away_or_after_it(sentence: str, variant: int) -> None:
    report = parse_report(_perturbed(f"Shanghai PFTZ grew. {sentence}\n")[variant], "t.txt")
    assert _docs(report) == {"Recommendations for Formulating the 16th Five-Year Plan for National Development"}


def test_a_quoted_phrase_after_a_verb_far_away_is_no_title() -> None:
    text = 'Shanghai PFTZ adopted, in a plan of many parts, the "one-stop service plan" for firms.\n'
    assert _docs(parse_report(text, "t.txt")) == set()


@pytest.mark.parametrize("variant", range(3))
def test_a_leading_group_named_in_a_tables_cell(variant: int) -> None:
    text = PROVINCIAL_TABLE.replace(
        "Covering digital trade,", "Released by the Office of the Leading Group for PFTZ Work of Guangdong Province;"
    )
    report = parse_report(_perturbed(text)[variant], "t.txt", partial=True)
    bodies = {e.name for e in report.entities if e.label is Label.ISSUING_BODY}
    assert "Office of the Leading Group for PFTZ Work of Guangdong Province" in bodies


NOTICE_NUMBER_UNDER_TITLE = """\
Notice of the State Council on Replicating and Promoting the Tenth Batch of Reform Pilot Experience
G.F. [2032] No. 4

To the people's governments of all provinces:

The zones have implemented the "Opinions on Deepening Reform and Opening-up of the Pilot Free Trade Zones" and \
formed new institutional innovations that Shanghai PFTZ and Tianjin PFTZ tested.
"""


@pytest.mark.parametrize("variant", range(3))
def test_a_title_and_the_number_on_the_line_under_it_are_one_document(variant: int) -> None:
    report = parse_report(_perturbed(NOTICE_NUMBER_UNDER_TITLE)[variant], "notice.txt")
    docs = {e.key: e for e in report.entities if e.label is Label.DOCUMENT and not e.key.startswith("text:")}
    assert docs["G.F.[2032]4"].properties["title"].startswith("Notice of the State Council on Replicating")
    assert not any(k.startswith("t:notice-of-the-state-council") for k in docs), sorted(docs)


@pytest.mark.parametrize("variant", range(3))
def test_a_quoted_title_the_text_says_was_implemented(variant: int) -> None:
    report = parse_report(_perturbed(NOTICE_NUMBER_UNDER_TITLE)[variant], "notice.txt")
    assert "Opinions on Deepening Reform and Opening-up of the Pilot Free Trade Zones" in _docs(report)


@pytest.mark.parametrize(
    ("printed", "key"),
    [
        ("the Luzhou Port Area of Sichuan PFTZ", "sichuan/chuannan-port-area"),
        ("the Lujiazui Financial and Trade Area of Shanghai PFTZ", "shanghai/lujiazui-financial-area"),
        ("the Dongjiang area of Tianjin PFTZ", "tianjin/tianjin-port-area"),
        ("the Yangling Demonstration Area of Shaanxi PFTZ", "shaanxi/yangling-area"),
    ],
)
@pytest.mark.parametrize("variant", range(3))
def test_an_area_under_another_curated_name_carries_its_aliases(printed: str, key: str, variant: int) -> None:
    text = f'A "bonded warehouse supervision model" serves the firms of {printed}, which tested it in 2030.\n'
    report = parse_report(_perturbed(text)[variant], "t.txt")
    areas = {e.key: e for e in report.entities if e.label is Label.ZONE and e.properties.get("kind") == "sub-area"}
    assert key in areas, sorted(areas)
    assert printed.split(" of ")[0].removeprefix("the ").lower() in str(areas[key].properties["aliases"]).lower()


COUNTED_LISTS = (
    'In May 2030, the State Council issued the "Notice on Replicating the Third Batch of Pilot Measures" '
    "(G.H. [2030] No. 5), extending the third batch of 20 pilot measures. Twelve measures are to be replicated in "
    "all PFTZs, including allowing foreign banks to underwrite local bonds, giving electronic documents legal effect, "
    "and permitting overseas arbitration bodies to open offices. Eight measures are to be replicated throughout the "
    "country, including accepting electronic certificates of origin and simplifying the filing of data transfers.\n"
)


@pytest.mark.parametrize("variant", range(3))
def test_a_count_in_words_of_measures_with_their_scope_and_some_of_them(variant: int) -> None:
    report = parse_report(_perturbed(COUNTED_LISTS)[variant], "t.txt")
    adopted = {
        (str(r.properties["as_printed"]), str(r.properties["scope"]))
        for r in report.relations
        if r.type is Rel.ADOPTED and r.start.label is Label.REGION
    }
    assert adopted == {
        ("allowing foreign banks to underwrite local bonds", "All PFTZs"),
        ("giving electronic documents legal effect", "All PFTZs"),
        ("permitting overseas arbitration bodies to open offices", "All PFTZs"),
        ("accepting electronic certificates of origin", "Nationwide"),
        ("simplifying the filing of data transfers", "Nationwide"),
    }, adopted


ACTIVE_COUNTED = COUNTED_LISTS.replace(
    "Eight measures are to be replicated throughout the country, including",
    "The other eight measures apply nationwide, such as",
)


@pytest.mark.parametrize("variant", range(3))
@pytest.mark.parametrize("verb", ["apply nationwide", "will extend to the whole country", "go nationwide"])
def test_a_counted_set_of_measures_reaching_its_scope_in_the_active(variant: int, verb: str) -> None:
    report = parse_report(_perturbed(ACTIVE_COUNTED.replace("apply nationwide", verb))[variant], "t.txt")
    adopted = {
        (str(r.properties["as_printed"]), str(r.properties["scope"]))
        for r in report.relations
        if r.type is Rel.ADOPTED and r.start.label is Label.REGION
    }
    assert {
        ("accepting electronic certificates of origin", "Nationwide"),
        ("simplifying the filing of data transfers", "Nationwide"),
    } <= adopted, adopted


def test_a_count_of_measures_without_a_list_adopts_nothing() -> None:
    text = COUNTED_LISTS.split(" Twelve")[0] + " Twelve measures are to be replicated in all PFTZs.\n"
    assert not [r for r in parse_report(text, "t.txt").relations if r.type is Rel.ADOPTED]


@pytest.mark.parametrize("how", ["as printed", "rewrapped", "page breaks moved"])
def test_a_batch_heading_without_its_size_links_the_names_its_passage_quotes_to_the_table(how: str) -> None:
    text = EDITION_C.read_text(encoding="utf-8")
    text = {"as printed": text, "rewrapped": rewrap_paragraphs(text)}.get(how) or move_body_page_breaks(text, every=3)
    report = parse_report(text, EDITION_C.name)
    quotes = {
        e.provenance.quote
        for e in report.entities
        if e.label is Label.MEASURE and str(e.properties.get("title") or e.name).startswith('"List + pre-filing"')
    }
    assert any("of Beijing PFTZ is to be replicated in all PFTZs" in q for q in quotes), quotes


@pytest.mark.parametrize("variant", range(3))
def test_a_batch_of_its_kind_is_no_batch(variant: int) -> None:
    text = (
        'In July 2030, the State Council issued the "Notice on Replicating the Ninth Batch of Reform Pilot Experience" '
        "(G.H. [2030] No. 41), the first batch of its kind in three years, covering Shanghai PFTZ.\n"
    )
    batches = _batches(parse_report(_perturbed(text)[variant], "t.txt"))
    assert "national:reform-experience:9" in batches
    assert not [k for k in batches if k.endswith(":1")], sorted(batches)


@pytest.mark.parametrize("variant", range(3))
def test_a_body_that_submits_a_draft_and_a_body_whose_decisions_are_acted_on(variant: int) -> None:
    text = (
        "In 2030, Guangxi PFTZ and Hubei PFTZ acted on the decisions and plans of the CPC Central Committee and grew. "
        "The Guangxi Zhuang Autonomous Region People's Government submitted the \"Regulations of Guangxi PFTZ "
        "(Revised Draft)\" to the regional people's congress.\n"
    )
    report = parse_report(_perturbed(text)[variant], "t.txt")
    bodies = {e.key for e in report.entities if e.label is Label.ISSUING_BODY}
    assert "cpc-central-committee" in bodies, bodies
    assert any("guangxi" in b for b in bodies), bodies
    assert "Regulations of Guangxi PFTZ (Revised Draft)" in _docs(report)


def test_a_body_named_without_a_verb_of_acting_is_not_read() -> None:
    text = "In 2030, Guangxi PFTZ grew; a delegation met officials of the CPC Central Committee.\n"
    bodies = {e.key for e in parse_report(text, "t.txt").entities if e.label is Label.ISSUING_BODY}
    assert "cpc-central-committee" not in bodies


@pytest.mark.parametrize(
    ("printed", "key"),
    [
        ("the Lujiazui financial and trade area of Shanghai PFTZ", "shanghai/lujiazui-financial-area"),
        ("the LINGANG SPECIAL AREA", "shanghai/lin-gang-special-area"),
        ("the Qianhai & Shekou area (Guangdong PFTZ)", "guangdong/qianhai-shekou-area"),
    ],
)
@pytest.mark.parametrize("variant", range(3))
def test_an_area_name_in_any_case(printed: str, key: str, variant: int) -> None:
    text = f'Shanghai PFTZ and Guangdong PFTZ grew; a "bonded repair model" was tested in {printed} in 2030.\n'
    report = parse_report(_perturbed(text)[variant], "t.txt")
    assert key in {e.key for e in report.entities if e.label is Label.ZONE}


def test_a_city_area_in_lower_case_without_its_zone_is_no_area_of_a_zone() -> None:
    text = "Anhui PFTZ grew, and the Hefei area saw new investment in 2030.\n"
    keys = {e.key for e in parse_report(text, "t.txt").entities if e.label is Label.ZONE}
    assert keys == {"anhui"}, keys


def _row_quotes(report: ParsedReport, title_start: str) -> set[str]:
    return {
        e.provenance.quote
        for e in report.entities
        if e.label is Label.MEASURE and str(e.properties.get("title") or e.name).startswith(title_start)
    }


@pytest.mark.parametrize("how", ["as printed", "rewrapped", "page breaks moved"])
def test_an_innovation_the_text_says_was_included_in_a_batch_its_table_lists(how: str) -> None:
    text = EDITION_C.read_text(encoding="utf-8")
    text = {"as printed": text, "rewrapped": rewrap_paragraphs(text)}.get(how) or move_body_page_breaks(text, every=3)
    report = parse_report(text, EDITION_C.name)
    # quoted in the sentence that includes it
    assert any("which was included in the eighth batch" in q for q in _row_quotes(report, 'Online "pre-litigation'))
    # a zone's case a later sentence of its paragraph includes ("The service was subsequently included in ...")
    assert any(q.startswith("Sichuan PFTZ, together with Chongqing PFTZ") for q in _row_quotes(report, "Chengdu"))


def test_an_innovation_included_in_a_batch_no_table_lists_names_no_row() -> None:
    text = EDITION_C.read_text(encoding="utf-8").replace(
        "which was included in the eighth batch of reform pilot experience",
        "which was included in the ninth batch of reform pilot experience",
    )
    report = parse_report(text, EDITION_C.name)
    assert not any("which was included in the ninth" in q for q in _row_quotes(report, 'Online "pre-litigation'))


@pytest.mark.parametrize(
    ("sentence", "title"),
    [
        ('Yunnan PFTZ went on by issuing "Yunnan PFTZ Regulations (Draft for Comments)", with 55 provisions.',
         "Yunnan PFTZ Regulations (Draft for Comments)"),
        ('In 2030, Heilongjiang PFTZ advanced the enactment of "Heilongjiang PFTZ Regulations", with 49 provisions.',
         "Heilongjiang PFTZ Regulations"),
        ('Shanghai PFTZ pioneered a model through the issuance of the "Provisions on the Supply of Medicines to '
         'Vessels in Pudong New Area", a new system.',
         "Provisions on the Supply of Medicines to Vessels in Pudong New Area"),
        ('Firms are rated, and the "Measures for the Evaluation of Grade A Exporters (Interim)" have been formulated.',
         "Measures for the Evaluation of Grade A Exporters (Interim)"),
        ('The People\'s Bank of China and other departments jointly issued the newly revised "Rules for the '
         'Implementation of the Connect Pilot Program", easing access.',
         "Rules for the Implementation of the Connect Pilot Program"),
    ],
)  # fmt: skip
@pytest.mark.parametrize("variant", range(3))
def test_a_quoted_title_after_a_noun_or_gerund_of_issuing_or_before_a_passive(
    sentence: str, title: str, variant: int
) -> None:
    report = parse_report(_perturbed(f"Shanghai PFTZ grew. {sentence}\n")[variant], "t.txt")
    assert title in _docs(report)


def test_a_quoted_case_name_after_issuing_is_no_title() -> None:
    text = 'Shanghai PFTZ went on by issuing "single window" licences to traders in 2030.\n'
    assert _docs(parse_report(text, "t.txt")) == set()


@pytest.mark.parametrize("how", ["as printed", "rewrapped", "page breaks moved"])
def test_a_scope_list_of_a_batch_no_table_lists_takes_no_row_of_another_batch(how: str) -> None:
    path = ROOT / "tests" / "editions" / "report-2026a.txt"
    text = path.read_text(encoding="utf-8")
    text = {"as printed": text, "rewrapped": rewrap_paragraphs(text)}.get(how) or move_body_page_breaks(text, every=3)
    report = parse_report(text, path.name)
    adopted = {
        str(r.properties.get("as_printed")): r.end.key
        for r in report.relations
        if r.type is Rel.ADOPTED and r.start.label is Label.REGION
    }
    for item in (
        "permitting foreign-invested enterprises to provide audio-visual post-production services",
        "piloting the cross-border transfer of non-performing loans",
    ):
        assert adopted[item].startswith("national:narrative:"), (item, adopted[item])


@pytest.mark.parametrize("variant", range(3))
def test_areas_listed_by_their_place_names(variant: int) -> None:
    text = (
        "The People's Government of Zhejiang Province issued the "
        '"Action Plan for Upgrading Zhejiang PFTZ (2030-2032)", which assigns tasks to the zone\'s four areas of '
        "Zhoushan, Ningbo, Hangzhou and Jinyi.\n"
    )
    report = parse_report(_perturbed(text)[variant], "t.txt")
    keys = {e.key for e in report.entities if e.label is Label.ZONE}
    assert {"zhejiang/zhoushan-area", "zhejiang/ningbo-area", "zhejiang/hangzhou-area", "zhejiang/jinyi-area"} <= keys


def test_places_listed_after_areas_of_no_zone_are_no_areas() -> None:
    text = "Zhejiang PFTZ grew. Firms came from the urban areas of Hefei, Wuhan and Xi'an.\n"
    keys = {e.key for e in parse_report(text, "t.txt").entities if e.label is Label.ZONE}
    assert keys == {"zhejiang"}, keys


@pytest.mark.parametrize(
    ("sentence", "title", "number"),
    [
        ("The list went out with the Circular on Extending the Fourth Batch of Typical Cases of Pilot Free Trade "
         "Zones (Min Ban Fa [2029] No. 31), which asks cities to act.",
         "Circular on Extending the Fourth Batch of Typical Cases of Pilot Free Trade Zones", "[2029] No. 31"),
        ('Its Commerce Office issued the Notice on Promoting the Third Batch of "Model Practices" of Inland Pilot '
         "Zones (Xiang Shang Zi [2028] No. 8), which sets 12 cases out.",
         "Notice on Promoting the Third Batch of Model Practices of Inland Pilot Zones", "[2028] No. 8"),
        ("It issued the Notice on Promoting the Third Batch of \u201cModel Practices\u201d of Inland Pilot Zones "
         "(Xiang Shang Zi [2028] No. 8) last year.",
         "Notice on Promoting the Third Batch of Model Practices of Inland Pilot Zones", "[2028] No. 8"),
    ],
)  # fmt: skip
@pytest.mark.parametrize("variant", range(3))
def test_an_unquoted_title_before_a_number_of_several_words_is_one_document(
    sentence: str, title: str, number: str, variant: int
) -> None:
    report = parse_report(_perturbed(f"Hunan PFTZ grew. {sentence}\n")[variant], "t.txt")
    docs = [e for e in report.entities if e.label is Label.DOCUMENT and not e.key.startswith("text:")]
    assert {e.key for e in docs} == {next(iter(docs)).key}  # one document: the title and its number
    names = {str(e.properties.get("title") or e.name) for e in docs} | {e.name for e in docs}
    assert any(n.startswith(title) for n in names), names
    assert any(number in n for n in names), names


@pytest.mark.parametrize(
    "sentence",
    [
        "Next, we will work with the Ministry of Finance to draft the Guidelines on Expanding Bonded Repair in "
        "Inland Pilot Zones, which will go to the State Council.",
        "The two ministries are drafting the Guidelines on Expanding Bonded Repair in Inland Pilot Zones this year.",
    ],
)
@pytest.mark.parametrize("variant", range(3))
def test_an_unquoted_title_after_a_verb_of_drafting(sentence: str, variant: int) -> None:
    report = parse_report(_perturbed(f"Hunan PFTZ grew. {sentence}\n")[variant], "t.txt")
    assert "Guidelines on Expanding Bonded Repair in Inland Pilot Zones" in _docs(report)


@pytest.mark.parametrize("variant", range(3))
def test_a_regulation_a_legislature_revised_and_a_regulator_by_another_english_name(variant: int) -> None:
    """A legislature that "revised the "<title>"" names a document like "issued"; the NFRA printed as the
    "National Administration of Financial Regulation" (a common rendering) is the same body."""
    text = (
        "In 2031 the Standing Committee of the Guangxi Zhuang Autonomous Region People's Congress revised the "
        '"Regulations on China (Guangxi) Pilot Free Trade Zone", and the National Administration of Financial '
        'Regulation issued the "Notice on Supporting Cross-Border Leasing in Pilot Free Trade Zones" in June.\n'
    )
    text = _perturbed(text)[variant]
    if variant == 2:
        text = text.replace('"', "\u201c", 1).replace('Zone",', "Zone\u201d,")
    report = parse_report(text, "t.txt", partial=True)
    docs = {e.name for e in report.entities if e.label is Label.DOCUMENT}
    assert any("Regulations on China (Guangxi) Pilot Free Trade Zone" in d for d in docs), docs
    assert "nfra" in {e.key for e in report.entities if e.label is Label.ISSUING_BODY}
