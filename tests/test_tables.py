"""Tests of :mod:`loaders.tables` on the real report and on perturbed copies of it."""

from __future__ import annotations

import itertools
import json
import re
import time
from collections import Counter
from pathlib import Path

import pytest

from pftz.ground.errors import ReportParseError
from pftz.loaders.records import ParseWarning, Table
from pftz.loaders.tables import clean_cell, parse_tables
from pftz.loaders.text import split_lines
from tests.perturb import (
    PAGE_BREAK,
    _line_of,
    _move_page_breaks,
    _replace_line,
    _undo_interleaving,
    _without_furniture,
)

REPORT = Path(__file__).resolve().parents[1] / "data" / "reports" / "pftz-report-2025.en.txt"
SOURCE = REPORT.name

# What the report holds (facts may live in tests, never in the loader).
ROWS = {
    "1-1": 6,
    "1-2": 4,
    "1-3": 11,
    "1-4": 7,
    "1-5": 3,
    "1-6": 8,
    "1-7": 14,
    "A1-1": 23,
    "A1-2": 24,
    "A1-3": 30,
}
DOCS = ("No.", "Title", "Key Content")
COLUMNS = {
    "1-1": DOCS,
    "1-2": DOCS,
    "1-3": DOCS,
    "1-4": DOCS,
    "1-5": ("No.", "PFTZ", "Title", "Main Contents"),
    "1-6": (
        "No.",
        "Category",
        "National version",
        "PFTZ version",
        "Further opening-up arrangements for PFTZs",
    ),
    "1-7": (
        "No.",
        "PFTZ",
        "Batch of replication and scaling",
        "Quantity of institutional innovation",
        "Main Contents",
    ),
    "A1-1": ("No.", "Reform Initiative", "Scope"),
    "A1-2": ("No.", "Department in Charge", "Reform Initiative", "Year", "Scope", "Document"),
    "A1-3": ("No.", "Pilot Measures", "Responsible Parties", "Scope"),
}

Parsed = tuple[list[Table], list[ParseWarning]]


@pytest.fixture(scope="module")
def text() -> str:
    return REPORT.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def parsed(text: str) -> Parsed:
    return parse_tables(split_lines(text), SOURCE)


@pytest.fixture(scope="module")
def tables(parsed: Parsed) -> dict[str, Table]:
    return {t.id: t for t in parsed[0]}


def _parse(text: str) -> Parsed:
    return parse_tables(split_lines(text), SOURCE)


def _content(tables: list[Table]) -> list[tuple[object, ...]]:
    """Everything the loader read, without line numbers."""
    out: list[tuple[object, ...]] = []
    for t in tables:
        out.append((t.id, t.caption, t.columns, tuple(p for _, p in t.preamble)))
        out.extend((r.table, r.number, r.cells) for r in t.rows)
    return out


# --- the real report ---------------------------------------------------------------------------


def test_every_table_found_once_with_its_columns(parsed: Parsed) -> None:
    found = parsed[0]
    assert [t.id for t in found] == list(ROWS)
    for t in found:
        assert t.columns == COLUMNS[t.id], t.id
        assert t.line < t.end_line


def test_row_numbers_complete(tables: dict[str, Table]) -> None:
    for tid, n in ROWS.items():
        assert [r.number for r in tables[tid].rows] == list(range(1, n + 1)), tid


def test_every_row_has_every_cell(tables: dict[str, Table]) -> None:
    for t in tables.values():
        for r in t.rows:
            assert tuple(name for name, _ in r.cells) == t.columns
            assert r.values["No."] == str(r.number)
            for name, value in r.cells:
                assert value, (t.id, r.number, name)
                assert value == " ".join(value.split())
                assert "<p>" not in value and "</p>" not in value
            assert t.line < r.line < t.end_line


def test_no_row_in_two_tables(tables: dict[str, Table]) -> None:
    owner: dict[tuple[tuple[str, str], ...], str] = {}
    for t in tables.values():
        for r in t.rows:
            body = tuple(sorted(v for k, v in r.cells if k != "No."))
            key = tuple((str(i), v) for i, v in enumerate(body))
            assert key not in owner, (t.id, r.number, owner.get(key))
            owner[key] = t.id
    spans = sorted((t.line, t.end_line) for t in tables.values())
    for (_, end), (start, _) in itertools.pairwise(spans):
        assert end < start


def test_captions_and_toc(tables: dict[str, Table], text: str) -> None:
    assert tables["1-7"].caption == "Replication and scaling at the provincial level in certain PFTZs"
    assert tables["A1-1"].caption == 'Fifth Batch of "Best Practices" in PFTZs'
    toc = _line_of(text, "Appendix 1:")
    body = _line_of(text, "Appendix 1:", after=toc)
    assert body > toc
    for tid in ("A1-1", "A1-2", "A1-3"):
        assert tables[tid].line > body
    for tid in ROWS:
        if not tid.startswith("A"):
            assert tables[tid].line < body


def test_part_one_cells(tables: dict[str, Table]) -> None:
    row1 = tables["1-7"].rows[0].values
    assert row1["PFTZ"] == "Fujian PFTZ"
    assert row1["Batch of replication and scaling"] == "10th"
    assert row1["Quantity of institutional innovation"] == "28"
    zhejiang = tables["1-7"].rows[2]
    assert zhejiang.values["PFTZ"] == "Zhejiang PFTZ"
    assert zhejiang.line == tables["1-7"].rows[0].line  # interleaved: rows 1 and 3 share a line
    assert tables["1-7"].rows[13].values["PFTZ"] == "Xinjiang PFTZ"
    assert tables["1-5"].rows[1].values["PFTZ"] == "Tianjin PFTZ"
    t13 = tables["1-3"].rows
    for left, right in zip(t13[1:5], t13[5:9], strict=True):
        assert (left.number, left.line) == ((right.number or 0) - 4, right.line)
    assert "Stamp Tax" in t13[8].values["Title"]
    assert t13[9].values["Title"].startswith('"Measures to Support and Promote the Construction')
    assert tables["1-1"].rows[4].values["Title"].startswith("Notice by the General Office of the State Council")


def test_table_1_6_duplicated_row_4(tables: dict[str, Table], parsed: Parsed) -> None:
    row4 = tables["1-6"].rows[3]
    assert row4.values["Category"] == "Finance"
    assert row4.values["Further opening-up arrangements for PFTZs"] == (
        "Eligible overseas individuals are permitted to apply for securities and futures accounts "
        "in accordance with the law"
    )
    dups = [w for w in parsed[1] if w.code == "table-row-duplicate"]
    assert len(dups) == 1
    assert "1-6" in dups[0].message and "row 4" in dups[0].message
    assert dups[0].line == row4.line


def test_warnings(parsed: Parsed, text: str) -> None:
    codes = Counter(w.code for w in parsed[1])
    assert codes == {"table-row-duplicate": 1, "table-header-mismatch": 1, "table-extra-cell": 1}
    extra = next(w for w in parsed[1] if w.code == "table-extra-cell")
    # The garbled page of Table 1-2 carries a piece of the body text in a fourth column.
    assert "Table 1-2" in extra.message and "Business and Financial Coordination" in extra.message
    assert extra.line is not None and text.split("\n")[extra.line - 1].startswith("3\t")
    assert all(w.source == SOURCE for w in parsed[1])


def test_appendix_cells(tables: dict[str, Table]) -> None:
    a1 = tables["A1-1"].rows
    assert "Intelligent Form" in a1[9].values["Reform Initiative"]
    assert a1[9].values["Scope"] == "Nationwide"
    assert a1[22].values["Scope"] == "PFTZ"
    a2 = tables["A1-2"].rows
    assert len(a2) == 24
    assert a2[17].values["Department in Charge"] == "National Immigration Administration"
    assert a2[17].values["Document"] == "N/A"
    assert a2[3].line == a2[6].line
    a3 = tables["A1-3"].rows
    assert a3[1].values["Pilot Measures"].startswith("The following goods temporarily entering")
    assert a3[1].values["Pilot Measures"].endswith("in accordance with regulations.")
    assert a3[29].values["Scope"] == "Nationwide"
    assert a3[29].values["Pilot Measures"].startswith("Strengthen ex-ante, in-process")


def test_appendix_totals_match_the_report(tables: dict[str, Table], text: str) -> None:
    scopes = Counter(r.values["Scope"] for r in tables["A1-3"].rows)
    assert scopes == {"All PFTZs": 17, "Nationwide": 13}
    flat = " ".join(text.split())
    m = re.search(r"(\d+) measures are replicated and scaled up across all PFTZs", flat)
    n = re.search(r"(\d+) measures are to be replicated and scaled up nationwide", flat)
    assert m and n and (int(m.group(1)), int(n.group(1))) == (17, 13)
    m = re.search(r"fifth batch of (\d+) \"best practices\" and the third batch of (\d+) successful", flat)
    assert m and (int(m.group(1)), int(m.group(2))) == (len(tables["A1-1"].rows), len(tables["A1-2"].rows))
    m = re.search(r"Appendix 1: Status of (\d+) Institutional Innovations", flat)
    assert m and int(m.group(1)) == sum(len(tables[t].rows) for t in ("A1-1", "A1-2", "A1-3"))


def test_preambles(tables: dict[str, Table]) -> None:
    assert all(not t.preamble for tid, t in tables.items() if not tid.startswith("A"))
    ((line1, pre1),) = tables["A1-1"].preamble
    assert "S.Z.M.H. [2024] No. 14" in pre1 and "http://zmqgs.mofcom.gov.cn/" in pre1
    assert pre1.startswith("Letter of the Ministry of Commerce")
    assert tables["A1-1"].line < line1 < tables["A1-1"].rows[0].line
    ((_, pre2),) = tables["A1-2"].preamble
    assert pre2 == "http://images.mofcom.gov.cn/zmqgs/202401/20240117162844331.pdf"
    ((_, pre3),) = tables["A1-3"].preamble
    assert "G.H. [2024] No. 156" in pre3 and pre3.endswith(".html")
    assert "<p>" not in pre3 and "</p>" not in pre3


def test_json_ready(parsed: Parsed) -> None:
    data = json.dumps([t.to_dict() for t in parsed[0]])
    assert '"A1-3"' in data


def test_fast(text: str) -> None:
    lines = split_lines(text)
    best = min(_timed(lines) for _ in range(5))
    assert best < 0.05


def _timed(lines: list) -> float:
    start = time.perf_counter()
    parse_tables(lines, SOURCE)
    return time.perf_counter() - start


# --- perturbed copies: the same rows -----------------------------------------------------------


def test_interleaving_undone(text: str, parsed: Parsed) -> None:
    undone, split = _undo_interleaving(text)
    assert split >= 20  # the report really is interleaved
    assert _undo_interleaving(undone)[1] == 0
    found, warnings = _parse(undone)
    assert _content(found) == _content(parsed[0])
    assert Counter(w.code for w in warnings) == Counter(w.code for w in parsed[1])


def test_page_breaks_moved(text: str, parsed: Parsed) -> None:
    moved = _move_page_breaks(text)
    assert (
        moved.count("Report on China's Pilot Free Trade Zones")
        > text.count("Report on China's Pilot Free Trade Zones") + 50
    )
    found, _ = _parse(moved)
    assert _content(found) == _content(parsed[0])
    undone, _ = _undo_interleaving(text)
    assert _content(_parse(_move_page_breaks(undone))[0]) == _content(parsed[0])


@pytest.mark.parametrize("blanks", [True, False])
def test_furniture_removed(text: str, parsed: Parsed, blanks: bool) -> None:
    stripped = _without_furniture(text, blanks=blanks)
    assert "Report on China's Pilot Free Trade Zones\n" not in stripped
    found, _ = _parse(stripped)
    assert _content(found) == _content(parsed[0])


def test_cell_continued_on_next_line(text: str, parsed: Parsed) -> None:
    # A single row (Table 1-7 row 5), its last cell wrapped; across a page break as well.
    no = _line_of(text, "5\tHenan PFTZ\t")
    line = text.split("\n")[no - 1]
    head, tail = line.rsplit(" while one best practice", 1)
    wrapped = _replace_line(text, no, [head, "while one best practice" + tail])
    broken = _replace_line(text, no, [head, *PAGE_BREAK, "while one best practice" + tail])
    # An interleaved line (Table 1-7 rows 1 and 3): the line ends in row 3's last cell.
    no2 = _line_of(wrapped, "1\tFujian PFTZ\t")
    line2 = wrapped.split("\n")[no2 - 1]
    head2, tail2 = line2.rsplit(" The second batch", 1)
    interleaved = _replace_line(wrapped, no2, [head2, "The second batch" + tail2])
    # Cells aligned under their columns: continue the Title of Table 1-5 row 3.
    no3 = _line_of(interleaved, "3\tShaanxi PFTZ\t")
    fields = interleaved.split("\n")[no3 - 1].split("\t")
    title_head, title_tail = fields[2].rsplit(" ", 1)
    aligned = _replace_line(interleaved, no3, ["\t".join([*fields[:2], title_head, fields[3]]), f"\t\t{title_tail}\t"])
    assert len({wrapped, broken, interleaved, aligned, text}) == 5
    for variant in (wrapped, broken, interleaved, aligned):
        found, _ = _parse(variant)
        assert _content(found) == _content(parsed[0])


def test_clean_cell() -> None:
    assert clean_cell(" <p>a\u00a0 b</p>\t") == "a b"
    assert clean_cell("x < 5 and y > 3") == "x < 5 and y > 3"


# --- bad input -----------------------------------------------------------------------------------


def test_truncated_before_source(text: str) -> None:
    caption = _line_of(text, "Table 1-7 ")
    end = _line_of(text, "Source:", after=caption)
    kept = text.split("\n")[: end - 1]
    last_row = max(i for i, line in enumerate(kept, start=1) if line.strip())
    with pytest.raises(ReportParseError) as e:
        _parse("\n".join(kept))
    assert e.value.line == last_row  # where the text breaks off
    assert "Table 1-7" in str(e.value) and f"line {caption}" in str(e.value)
    assert str(e.value).startswith(f"{SOURCE}:{last_row}:")


def test_truncated_in_appendix(text: str) -> None:
    caption = _line_of(text, "Table 3: ")
    cut = "\n".join(text.split("\n")[: caption + 6])
    with pytest.raises(ReportParseError, match="Table A1-3"):
        _parse(cut)


def test_source_line_missing(text: str, tables: dict[str, Table]) -> None:
    """A table without its source line ends where body text resumes: its rows are kept, with a warning (no error).

    (Changed deliberately: this was an error, which refused the whole edition for a missing line.)
    """
    caption = _line_of(text, "Table 1-1 ")
    end = _line_of(text, "Source:", after=caption)
    body = _line_of(text, "Second, ", after=end)
    found, warnings = _parse(_replace_line(text, end, ""))
    t11 = next(t for t in found if t.id == "1-1")
    assert [r.cells for r in t11.rows] == [r.cells for r in tables["1-1"].rows]
    assert t11.end_line < body
    notes = [w for w in warnings if w.code == "table-no-source"]
    assert len(notes) == 1 and notes[0].line == body and "Table 1-1" in notes[0].message
    assert {t.id for t in found} == set(tables)


def test_source_missing_before_next_caption(text: str, tables: dict[str, Table]) -> None:
    # Body text removed as well: the next caption ends the table, which keeps its rows (a warning, no error).
    caption = _line_of(text, "Table 1-4 ")
    end = _line_of(text, "Source:", after=caption)
    nxt = _line_of(text, "Table 1-5 ")
    lines = text.split("\n")
    lines[end - 1 : nxt - 1] = [""] * (nxt - end)
    found, warnings = _parse("\n".join(lines))
    notes = [w for w in warnings if w.code == "table-no-source"]
    assert len(notes) == 1 and notes[0].line == nxt and "Table 1-4" in notes[0].message
    by_id = {t.id: t for t in found}
    assert [r.cells for r in by_id["1-4"].rows] == [r.cells for r in tables["1-4"].rows]
    assert [r.cells for r in by_id["1-5"].rows] == [r.cells for r in tables["1-5"].rows]


def test_row_missing_a_column(text: str) -> None:
    no = _line_of(text, '6\t"Policy Measures to Further Support')
    line = text.split("\n")[no - 1]
    found, warnings = _parse(_replace_line(text, no, line.rsplit("\t", 1)[0]))
    (w,) = [w for w in warnings if w.code == "table-row-short"]  # read, not refused: its last cell empty
    assert w.line == no and "Table 1-4" in w.message and "row 6" in w.message
    row = next(r for t in found if t.id == "1-4" for r in t.rows if r.number == 6)
    assert list(row.values.values())[-1] == "" and "Policy Measures to Further Support" in str(row.values)


def test_right_hand_row_missing_a_column(text: str) -> None:
    caption = _line_of(text, "Table 3: ")
    no = _line_of(text, "3\t", after=caption)
    line = text.split("\n")[no - 1]
    assert line.count("\t") == 7
    found, warnings = _parse(_replace_line(text, no, line.rsplit("\t", 1)[0]))
    (w,) = [w for w in warnings if w.code == "table-row-short"]
    assert w.line == no and "Table A1-3" in w.message and "row 6" in w.message
    assert any(r.number == 6 for t in found if t.id == "A1-3" for r in t.rows)


def test_row_lost_gives_warning(text: str) -> None:
    no = _line_of(text, "2\tTianjin PFTZ\t")
    found, warnings = _parse(_replace_line(text, no, ""))
    t15 = next(t for t in found if t.id == "1-5")
    assert [r.number for r in t15.rows] == [1, 3]
    missing = [w for w in warnings if w.code == "table-row-missing"]
    assert len(missing) == 1 and "1-5" in missing[0].message and "row 2" in missing[0].message
    assert missing[0].line == t15.rows[1].line


def test_row_repeated_gives_warning(text: str, tables: dict[str, Table]) -> None:
    no = _line_of(text, "2\tTianjin PFTZ\t")
    line = text.split("\n")[no - 1]
    found, warnings = _parse(_replace_line(text, no, [line, line]))
    t15 = next(t for t in found if t.id == "1-5")
    assert [r.cells for r in t15.rows] == [r.cells for r in tables["1-5"].rows]
    dup = [w for w in warnings if w.code == "table-row-duplicate" and "1-5" in w.message]
    assert len(dup) == 1 and "identical" in dup[0].message


def test_no_header(text: str) -> None:
    """A caption no header follows: that table is not read, with a warning naming it; the others are (it was an
    error that refused the whole text)."""
    caption = _line_of(text, "Table 1-5 ")
    header = _line_of(text, "No.\t", after=caption)
    found, warnings = _parse(_replace_line(text, header, ""))
    assert "1-5" not in {t.id for t in found} and {"1-1", "1-7"} <= {t.id for t in found}
    (w,) = [w for w in warnings if w.code == "table-no-header"]
    assert "Table 1-5" in w.message and "not read" in w.message and w.line == header + 1  # its first row


def test_small_excerpt() -> None:
    excerpt = "\n".join(
        [
            "Table 2-1 Demo table",
            "",
            "No.\tName\tScope\tNo.\tName\tScope",
            "1\tAlpha <p>one</p>\tAll\t3\tGamma\tNationwide",
            "2\tBeta\tAll\t\t\t",
            "Source: made up.",
            "Appendix 4: Demo appendix",
            "Table 1: Demo",
            "No.\tName",
            "\thttp://example.org/doc\t",
            "1\tDelta",
            "Source: made up.",
        ]
    )
    found, warnings = _parse(excerpt)
    assert warnings == []
    assert [t.id for t in found] == ["2-1", "A4-1"]
    assert [r.values["Name"] for r in found[0].rows] == ["Alpha one", "Beta", "Gamma"]
    assert [r.line for r in found[0].rows] == [4, 5, 4]
    assert found[1].preamble == ((10, "http://example.org/doc"),)
    assert found[1].rows[0].values == {"No.": "1", "Name": "Delta"}


def test_page_number_between_the_pieces_of_a_table() -> None:
    """A page number alone between the running head and the repeated header is page furniture, not a row."""
    excerpt = "\n".join(
        [
            "Table 2-1 Demo table",
            "",
            "No.\tName\tScope",
            "1\tAlpha\tNationwide",
            "",
            "Report on China's Pilot Free Trade Zones",
            "2026",
            "",
            "",
            "",
            "9",
            "",
            "No.\tName\tScope",
            "2\tBeta\tNationwide",
            "",
            "Source: made up.",
        ]
    )
    found, warnings = _parse(excerpt)
    assert warnings == []
    assert [r.values["Name"] for r in found[0].rows] == ["Alpha", "Beta"]


def test_caption_numbered_with_an_appendix_letter() -> None:
    """An appendix table numbered with a letter ("Table A-1 ...") is a table like "Table 1-6"."""
    excerpt = "\n".join(
        [
            "Table A-1 Fourth batch of demo experience",
            "",
            "No.\tDepartment in Charge\tReform Initiative\tPilot zone",
            "1\tMinistry of Transport\tElectronic certificates\tTianjin PFTZ",
            "Source: made up.",
        ]
    )
    found, _ = _parse(excerpt)
    assert [t.id for t in found] == ["A-1"]
    assert found[0].rows[0].values["Pilot zone"] == "Tianjin PFTZ"


@pytest.mark.parametrize("sep", [" ", ". ", ": ", "  "])
def test_caption_numbered_alone_without_a_colon(sep: str) -> None:
    """An appendix's "Table 1 Tenth batch ..." (no colon) captions the table whose header follows it."""
    excerpt = "\n".join(
        [
            "Appendix 1: Demo innovations",
            "",
            f"Table 1{sep}Tenth Batch of Demo Cases",
            "",
            "No.\tBest Practice\tOrigin\tCoverage",
            "1\tElectronic certificates\tTianjin PFTZ\tNationwide",
            "Source: made up.",
        ]
    )
    found, _ = _parse(excerpt)
    assert [(t.id, t.caption) for t in found] == [("A1-1", "Tenth Batch of Demo Cases")]


def test_a_sentence_opening_with_table_and_a_number_is_no_caption() -> None:
    """Without a colon and without a header line after it, "Table 2 lists ..." is a sentence."""
    excerpt = "Appendix 1: Demo\n\nTable 2 lists the cases of the year, by zone.\n\nThe cases follow.\n"
    found, warnings = _parse(excerpt)
    assert found == [] and warnings == []


@pytest.mark.parametrize("repeat_header", [False, True])
def test_a_table_without_row_numbers_is_read_in_the_order_printed(repeat_header: bool) -> None:
    """A caption, a header of short headings without "No." and rows: read, each row numbered by its place."""
    header = "Date\tIssuing authority\tDocument"
    rows = ["January 2030\tState Council\tPlan for Demo Zones", "March 2030\tMOFCOM\tNotice on Demo Data Flows"]
    body = (
        [rows[0], "", "Report on China's Pilot Free Trade Zones 2031", "", "7", "", header, rows[1]]
        if repeat_header
        else rows
    )
    excerpt = "\n".join(["Table 1-1 Major documents of the year", "", header, *body, "", "Source: made up."])
    found, warnings = _parse(excerpt)
    assert [w.code for w in warnings] == ["table-unnumbered"]
    (table,) = found
    assert table.columns[1:] == ("Date", "Issuing authority", "Document")
    assert [(r.number, r.values["Issuing authority"]) for r in table.rows] == [(1, "State Council"), (2, "MOFCOM")]


def test_a_table_whose_first_line_is_a_sentence_is_not_read() -> None:
    """A line of long text after a caption is no header: that table is not read, with a warning (no refusal)."""
    excerpt = "Table 1-1 Demo\n\nThe zones issued many documents this year.\tSee below.\n1\tAlpha\nSource: made up."
    found, warnings = _parse(excerpt)
    assert found == [] and [(w.code, w.line) for w in warnings] == [("table-no-header", 3)]


@pytest.mark.parametrize("paged", [False, True])
def test_row_numbers_printed_in_a_later_column(paged: bool) -> None:
    """A table printing its row numbers after another column ("Pilot zone<TAB>No.<TAB>Measure<TAB>Reach") is read
    with that column first, a page break and its header printed again included."""
    header = "Pilot zone\tNo.\tMeasure\tReach"
    rows = ["Hunan PFTZ\t1\tBonded repair of barges\tNationwide", "Anhui PFTZ\t2\tShared test reports\tIn all PFTZs"]
    middle = ["", "", "Report on China's Pilot Free Trade Zones 2032", "", "9", "", header] if paged else []
    excerpt = "\n".join(
        ["Table 3-2 Items of a demo batch", "", header, rows[0], *middle, rows[1], "", "Source: made up."]
    )
    found, warnings = _parse(excerpt)
    (table,) = found
    assert table.columns == ("No.", "Pilot zone", "Measure", "Reach")
    assert [(r.number, r.values["Pilot zone"], r.values["Reach"]) for r in table.rows] == [
        (1, "Hunan PFTZ", "Nationwide"),
        (2, "Anhui PFTZ", "In all PFTZs"),
    ]
    assert [w.code for w in warnings] == ["table-number-column"]


def _paged(pieces: list[list[str]], head: str) -> str:
    """Pieces of text printed on pages that each end with a running head and a page number."""
    lines: list[str] = []
    for n, piece in enumerate(pieces, start=11):
        lines += [*piece, "", "", head, str(n), "", ""]
    return "\n".join(lines)


@pytest.mark.parametrize(
    ("noun", "head"),
    [("Exhibit", "Annual Survey of Pilot Zones · 2031"), ("Schedule", "Part Two · Cases of the Year")],
)
def test_a_caption_of_another_noun_with_a_header_after_it_is_a_table(noun: str, head: str) -> None:
    """A caption opening with a noun of the lexicon the profile does not name ("Exhibit 3-2", "Schedule 3-2") is a
    table's when its header line follows; the running head the profile does not know, repeated beside the page
    numbers, is page furniture between the table's pieces."""
    pieces = [
        ["Some text of the first page."],
        [f"{noun} 3-2 Cases promoted by the ministries", "", "No.\tPilot zone\tPractice\tCoverage",
         "1\tJilin PFTZ\tBonded storage of grain\tNationwide"],
        ["No.\tPilot zone\tPractice\tCoverage", "2\tHunan PFTZ\tJoint credit review\tAll PFTZs", "",
         "Source: made up."],
        ["More text."],
    ]  # fmt: skip
    found, warnings = _parse(_paged(pieces, head))
    assert warnings == []
    assert [(t.id, t.caption) for t in found] == [("3-2", "Cases promoted by the ministries")]
    assert [r.values["Pilot zone"] for r in found[0].rows] == ["Jilin PFTZ", "Hunan PFTZ"]


def test_a_caption_of_another_noun_wrapped_over_two_lines_is_a_table() -> None:
    """Perturbed: the caption wrapped over two lines, the page break before the caption."""
    pieces = [
        ["Some text."],
        ["List 4-1 Provincial batches released", "by selected zones", "No.\tPilot zone\tBatch\tItems",
         "1\tHubei PFTZ\t9th\t20", "Source: made up."],
        ["Text."],
    ]  # fmt: skip
    found, _ = _parse(_paged(pieces, "Yearbook of the Zones 2030"))
    assert [(t.id, t.caption) for t in found] == [("4-1", "Provincial batches released by selected zones")]


def test_a_sentence_opening_with_another_caption_noun_is_no_caption() -> None:
    """Without a header line after it, "List 2-1 gives ..." is a sentence, not a table's caption."""
    excerpt = "List 2-1 gives the zones of the year, by region.\n\nThe zones follow.\n"
    found, warnings = _parse(excerpt)
    assert found == [] and warnings == []


def test_a_chapter_title_repeated_under_the_page_numbers_is_furniture_but_its_first_printing() -> None:
    """Beside the profile's running head, a chapter's title printed under the page number of each of its pages: the
    later printings are page furniture (a table goes on across them), the first one, its heading, is kept."""
    from pftz.loaders.text import furniture_lines

    title = "Opening Up the Inland Ports"
    bodies = [
        ["Text of the chapter."],
        ["Table 2-1 Demo table", "", "No.\tName\tScope", "1\tAlpha\tNationwide"],
        ["No.\tName\tScope", "2\tBeta\tNationwide", "", "Source: made up."],
        ["More text."],
    ]
    lines: list[str] = []
    for n, body in enumerate(bodies, start=3):
        lines += ["Report on China's Pilot Free Trade Zones", "2031", "", str(n), "", title, "", *body, "", ""]
    text = "\n".join(lines)
    found, warnings = _parse(text)
    assert [r.values["Name"] for r in found[0].rows] == ["Alpha", "Beta"] and warnings == []
    parsed = split_lines(text)
    printed = [ln.no for ln in parsed if ln.text == title]
    skip = furniture_lines(parsed)
    assert printed[0] not in skip and set(printed[1:]) <= skip
