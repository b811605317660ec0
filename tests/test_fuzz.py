"""Fuzzing the loaders with hypothesis: random and mutated input never crashes them.

Whatever the input, :func:`loaders.report.parse_report`,
:func:`loaders.report.load_report` and the user data loaders either return
records or raise a :class:`ground.errors.PftzGraphError` subclass; no other
exception escapes. The report is fuzzed with random text and bytes and with
mutations of the real report (lines deleted, duplicated, swapped, random
unicode inserted, truncation, tabs turned into spaces); the CSV and JSON
loaders with random rows built from real names and random text.

The runs are bounded and derandomized (the same examples on every run, so CI
is reproducible). Set ``PFTZ_FUZZ_EXAMPLES`` to run longer locally, e.g.
``PFTZ_FUZZ_EXAMPLES=2000 .venv/bin/python -m pytest tests/test_fuzz.py``:
the number scales every test's ``max_examples`` (the default is 100).
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from pftz.ground.errors import PftzGraphError
from pftz.ground.schema import PATTERNS
from pftz.loaders.records import ParsedReport
from pftz.loaders.report import BUNDLED_REPORT, load_report, parse_report
from pftz.loaders.userdata import load_user_data
from pftz.loaders.userdata_builder import COLUMNS
from pftz.loaders.userdata_csv import parse_user_csv
from pftz.loaders.userdata_json import FORMAT, parse_user_json

SCALE = int(os.environ.get("PFTZ_FUZZ_EXAMPLES", "100"))
TEXT = BUNDLED_REPORT.read_text(encoding="utf-8")
LINES = TEXT.split("\n")


def fuzz_settings(share: float) -> Callable[[Any], Any]:
    """Settings of a fuzz test: ``share`` of :data:`SCALE` examples, reproducible, no deadline."""
    return settings(
        max_examples=max(1, int(SCALE * share)),
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
    )


def _check(report: ParsedReport, n_lines: int) -> None:
    """What every successful parse must give: lines inside the file, schema patterns."""
    for rec in [*report.entities, *report.relations]:
        assert 1 <= rec.provenance.line <= n_lines, rec
    for w in report.warnings:
        assert w.line is None or 1 <= w.line <= n_lines, w
    for r in report.relations:
        assert (r.start.label, r.type, r.end.label) in PATTERNS, r


def _n_lines(text: str) -> int:
    """Lines of a file as the loaders count them (a lone CR ends a line, as CRLF does)."""
    return text.replace("\r\n", "\n").replace("\r", "\n").count("\n") + 1


def _parse(text: str, *, partial: bool = True) -> None:
    try:
        r = parse_report(text, "fuzz.txt", partial=partial)
    except PftzGraphError:
        return
    _check(r, max(1, len(text.split("\n"))))


# --------------------------------------------------------------------------- the report: random input

REPORT_TOKENS = [
    "\n",
    "\n\n",
    "\t",
    " ",
    ".",
    ",",
    '"',
    "“",
    "”",
    "(",
    ")",
    "No.",
    "No.\tTitle\tKey Content",
    "No.\tReform Initiative\tScope",
    "No.\tPFTZ\tBatch\tQuantity\tContent",
    "Table 1-1 Documents",
    'Table 1: Fifth Batch of "Best Practices" in PFTZs',
    "Source: here",
    "Appendix 1: Status",
    "Appendix 2: Milestones",
    "Part I Comprehensive Development",
    "Content",
    "1.",
    "2.",
    "(I)",
    "V.",
    "1",
    "7",
    "Nationwide",
    "All PFTZs",
    "Shanghai PFTZ",
    "Huber PFTZ's",
    "China (Zhejiang) Pilot Free Trade Zone",
    "PFTZs in Beijing, Tianjin, and Hebei",
    "Hainan FTP",
    "the Ministry of Commerce",
    "People's Government of Zhejiang Province",
    "issued",
    '"Plan for Building a Hub"',
    "G.H. [2024] No. 156",
    "G.Fa. No. 9",
    "CAC Order No. 16",
    "MOC Order No. 1 in 2024",
    "On October 25, 2024,",
    "the fifth batch of 23 best practices",
    "replicated and scaled up",
    '(hereinafter referred to as the "Pilot Regions")',
    "Report on China's Pilot Free Trade Zones",
    "2025",
    "¹",
    "<p>",
    "</p>",
    "Prior to the reform",
    "Following the reform",
    "Yangtze River Delta PFTZ Alliance",
    "Lin-gang Special Area of Shanghai PFTZ",
    "Jiaxing coordinated innovation zone of Zhejiang PFTZ",
]

report_text = st.lists(st.sampled_from(REPORT_TOKENS) | st.text(max_size=12), max_size=120).map("".join)


@fuzz_settings(2.0)
@given(report_text)
def test_random_text_never_crashes_the_report_parser(text: str) -> None:
    _parse(text)


@fuzz_settings(1.0)
@given(st.binary(max_size=3000) | report_text.map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_random_bytes_never_crash_load_report(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "fuzz.txt"
        path.write_bytes(data)
        with contextlib.suppress(PftzGraphError):
            load_report(path)


HEADERS = [
    ("Title", "Key Content"),
    ("Reform Initiative", "Scope"),
    ("Pilot Measures", "Responsible Parties", "Scope"),
    ("Department in Charge", "Reform Initiative", "Year", "Scope", "Document"),
    ("PFTZ", "Batch of replication and scaling", "Quantity of institutional innovation", "Main Contents"),
    ("PFTZ", "Title", "Main Contents"),
]
CELLS = [
    "",
    "Nationwide",
    "All PFTZs",
    "Province-wide",
    "2019",
    "Hubei PFTZ",
    "Zhejiang PFTZ",
    "9th",
    "the 7th and 8th",
    "32",
    "28 in the 7th batch",
    "General Administration of Customs",
    '"Notice on Replicating" (G.H. [2024] No. 156)',
    "N/A",
    '"a new model"',
    "<p>x</p>",
]


@st.composite
def table_texts(draw: st.DrawFn) -> str:
    """Report-like tables: captions, (doubled) headers, numbered and interleaved rows, page breaks."""
    out: list[str] = []
    for t in range(draw(st.integers(1, 4))):
        appendix = draw(st.integers(0, 2)) == 0
        if appendix:
            out.append(f"Appendix {draw(st.integers(1, 2))}: Status of institutional innovations")
        out.append(f"Table {t + 1}: Caption {t}" if appendix else f"Table 1-{t + 1} Caption {t}")
        cols = ["No.", *draw(st.sampled_from(HEADERS))]
        header = cols * 2 if draw(st.booleans()) else list(cols)
        if draw(st.integers(0, 5)) == 0:
            header = header[: draw(st.integers(1, len(header)))]
        out.append("\t".join(header))
        if draw(st.booleans()):
            out.append("\tLetter on Issuing the Fifth Batch S.Z.M.H. [2024] No. 14 http://example.org\t")
        for _ in range(draw(st.integers(0, 8))):
            kind = draw(st.integers(0, 9))
            number = draw(st.integers(0, 12))
            cells = [draw(st.sampled_from(CELLS) | st.text(max_size=6)) for _ in range(len(cols) - 1)]
            if kind == 0:
                out.extend(["", "", "Report on China's Pilot Free Trade Zones", "", "2025", ""])
            elif kind == 1:
                out.append("¹ A footnote")
            elif kind == 2:
                out.append("\t".join(["", *cells]))
            elif kind == 3:
                right = [str(number + 1), *cells]
                out.append("\t".join([str(number), *cells, *right]))
            elif kind == 4:
                out.append("\t".join(["" for _ in cols] + [str(number), *cells]))
            elif kind == 5:
                out.append(draw(st.sampled_from(["continued text", "Body text after a gap.", "and more"])))
            else:
                extra = draw(st.lists(st.sampled_from(CELLS), max_size=2))
                out.append("\t".join([str(number), *cells[: draw(st.integers(0, len(cells)))], *extra]))
        if draw(st.integers(0, 5)):
            out.append("Source: Compiled from publicly available information.")
        out.append(draw(st.sampled_from(["", "Body text.", "(I) A section", "1. An item"])))
    return "\n".join(out)


@fuzz_settings(1.5)
@given(table_texts())
def test_random_tables_never_crash_the_report_parser(text: str) -> None:
    _parse(text)


# --------------------------------------------------------------------------- the report: mutations

unicode_junk = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs",)) | st.sampled_from("\t\u00a0\u2028\ufeff\u200b“”’¹"),
    min_size=1,
    max_size=8,
)


@st.composite
def mutated_lines(draw: st.DrawFn, lines: list[str], max_ops: int = 6) -> list[str]:
    """Apply a few random edits to a list of lines (the report or an excerpt of it)."""
    out = list(lines)
    for _ in range(draw(st.integers(1, max_ops))):
        if not out:
            break
        i = draw(st.integers(0, len(out) - 1))
        op = draw(st.sampled_from(["delete", "duplicate", "swap", "insert", "junk", "tabs", "truncate", "cut-line"]))
        if op == "delete":
            n = draw(st.integers(1, 30))
            del out[i : i + n]
        elif op == "duplicate":
            n = draw(st.integers(1, 10))
            out[i:i] = out[i : i + n]
        elif op == "swap":
            j = draw(st.integers(0, len(out) - 1))
            out[i], out[j] = out[j], out[i]
        elif op == "insert":
            out.insert(i, draw(unicode_junk))
        elif op == "junk":
            pos = draw(st.integers(0, len(out[i])))
            out[i] = out[i][:pos] + draw(unicode_junk) + out[i][pos:]
        elif op == "tabs":
            out[i] = out[i].replace("\t", " " * draw(st.integers(1, 4)))
        elif op == "truncate":
            out = out[:i]
        else:  # cut a line in two, as a page break would
            pos = draw(st.integers(0, len(out[i])))
            out[i : i + 1] = [out[i][:pos], out[i][pos:]]
    return out


@st.composite
def excerpts(draw: st.DrawFn) -> list[str]:
    """A window of the report's lines (a table, a chapter, the milestones, ...)."""
    start = draw(st.integers(0, len(LINES) - 1))
    size = draw(st.integers(1, 250))
    return LINES[start : start + size]


@fuzz_settings(1.5)
@given(excerpts().flatmap(mutated_lines))
def test_mutated_excerpts_never_crash_the_report_parser(lines: list[str]) -> None:
    _parse("\n".join(lines))


@fuzz_settings(0.3)
@given(mutated_lines(LINES))
def test_mutated_reports_never_crash_load_report(lines: list[str]) -> None:
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "fuzz.txt"
        path.write_bytes("\n".join(lines).encode("utf-8", "surrogatepass"))
        try:
            r = load_report(path)
        except PftzGraphError:
            return
        _check(r, _n_lines("\n".join(lines)))


APPENDIX_1 = TEXT.rindex("\nAppendix 1:")


@fuzz_settings(0.3)
@given(st.integers(0, len(TEXT)) | st.integers(APPENDIX_1, len(TEXT)))
def test_the_report_truncated_anywhere_never_crashes(cut: int) -> None:
    _parse(TEXT[:cut], partial=False)


# --------------------------------------------------------------------------- user data

NAMES = [
    "Hubei PFTZ",
    "hubei",
    "Zone:shanghai",
    "Region:shanxi",
    "Shanxi",
    "Hainan FTP",
    "Atlantis PFTZ",
    "shanghai/lin-gang-special-area",
    "hubei/wuhan-area",
    "national:best-practices:5:7",
    "national:best-practices:5",
    "provincial:hubei:institutional-innovations:10",
    "national:pilot-measures:1:3",
    "New model for ship supervision and declaration",
    "G.H. [2024] No. 156",
    "CAC Order No. 16",
    "G.Fa. No. 9",
    "X.Y.Z. (2024) No. 5",
    "State Council",
    "MOFCOM",
    "People's Government of Hubei Province",
    "PFTZ",
    "sub-area",
    "best practice",
    "pilot measure",
    "Nationwide",
    "Province-wide",
    "2024",
    "2024-06",
    "2024-02-30",
    "24-1-1",
    "",
    "Hubei PFTZ;Hunan PFTZ",
    ";;",
]
cell = st.sampled_from(NAMES) | st.text(max_size=15)
csv_cell = cell.map(lambda c: f'"{c.replace(chr(34), chr(34) * 2)}"' if any(x in c for x in ',"\n\r') else c)


@st.composite
def csv_texts(draw: st.DrawFn) -> str:
    """A CSV of one kind (sometimes with a damaged header) and random rows."""
    cols = list(COLUMNS[draw(st.sampled_from(sorted(COLUMNS)))])
    if draw(st.booleans()):
        cols = draw(st.permutations(cols))
    if draw(st.integers(0, 4)) == 0:
        cols = draw(st.lists(st.sampled_from(cols) | st.text(max_size=6), max_size=8))
    rows = draw(st.lists(st.lists(csv_cell, min_size=0, max_size=len(cols) + 1), max_size=8))
    sep = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    lines = [",".join(cols), *(",".join(r) for r in rows)]
    return sep.join(lines) + draw(st.sampled_from(["", sep]))


def _user(load: Callable[[], ParsedReport], n_lines: int) -> None:
    try:
        r = load()
    except PftzGraphError:
        return
    _check(r, n_lines)


@fuzz_settings(2.0)
@given(csv_texts())
@example("adopter,measure,date,outcome,batch,source_note\n\x00,x,,,,\n")
@example('adopter,measure,date,outcome,batch,source_note\n"unterminated,x,,,,\n')
def test_random_csv_never_crashes_the_user_data_loader(text: str) -> None:
    _user(lambda: parse_user_csv(text, "fuzz.csv"), _n_lines(text))


json_scalar = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | cell
json_value = st.recursive(
    json_scalar, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
)


@st.composite
def json_items(draw: st.DrawFn, kind: str) -> Any:
    fields = COLUMNS[kind]
    item = draw(st.dictionaries(st.sampled_from(fields), cell | st.lists(cell, max_size=3) | json_value, max_size=7))
    return item if draw(st.integers(0, 6)) else draw(json_value)


@st.composite
def json_texts(draw: st.DrawFn) -> str:
    doc: dict[str, Any] = {"format": draw(st.sampled_from([FORMAT, FORMAT, FORMAT, "pftz-user/2", 1]))}
    for kind in COLUMNS:
        if draw(st.booleans()):
            doc[kind] = draw(st.lists(json_items(kind), max_size=4)) if draw(st.integers(0, 8)) else draw(json_value)
    text = json.dumps(doc, indent=draw(st.sampled_from([None, 1, 2])))
    if draw(st.integers(0, 5)) == 0:  # a syntax error somewhere
        pos = draw(st.integers(0, len(text)))
        text = text[:pos] + draw(st.sampled_from(["", ",", "]", "{", '"', "\\"])) + text[pos + 1 :]
    return text


@fuzz_settings(1.5)
@given(json_texts())
def test_random_json_never_crashes_the_user_data_loader(text: str) -> None:
    _user(lambda: parse_user_json(text, "fuzz.json"), max(1, text.count("\n") + 1))


@fuzz_settings(1.0)
@given(st.sampled_from([".csv", ".json"]), st.binary(max_size=600) | csv_texts().map(str.encode))
def test_random_bytes_never_crash_load_user_data(suffix: str, data: bytes) -> None:
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / f"fuzz{suffix}"
        path.write_bytes(data)
        for strict in (False, True):
            with contextlib.suppress(PftzGraphError):
                load_user_data(path, strict=strict)


@pytest.mark.parametrize("kind", sorted(COLUMNS))
def test_every_kind_has_a_fuzzable_header(kind: str) -> None:
    """Guard for the strategies above: a clean header of each kind parses."""
    r = parse_user_csv(",".join(COLUMNS[kind]) + "\n", f"{kind}.csv")
    assert dict(r.meta)["kind"] == kind
