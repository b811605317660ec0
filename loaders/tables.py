"""Read the tables of the report from its PDF-extracted text.

A table starts at a caption line and ends at its source line; the words of
both, of the row-number heading and of appendix headings are the edition
profile's (:mod:`loaders.profile`; with the default profile)::

    <caption word> <part>-<k> <title>  (or <part>.<k>)      (id: the number as printed)
    <row-number heading><TAB><column><TAB><column>           (header: the columns)
    1<TAB>...<TAB>...                                        (one row per line)
    <source word>: Compiled from publicly available information.

After an appendix heading (``<appendix word> N: ...``), captions read
``<caption word> K: ...`` and the table gets the id ``"AN-K"`` so that it
cannot collide with the ids of the body; its ``label`` is the table as printed,
with its appendix. What a table holds is told by its columns, never its number.

The PDF extraction leaves its marks, all of which :func:`parse_tables` undoes:

* after a page break the header may be printed twice side by side and each
  line then holds two rows (``3 ... 5 ...``): the left half of the page and the
  right half. A line holding only a right-hand row starts with empty cells.
  Rows are split apart and sorted by their number;
* header rows repeat after page breaks, sometimes garbled (an extra column);
* page furniture (running heads, the edition year) and footnotes sit between
  rows;
* cells hold ``<p>...</p>`` markup;
* a page cut inside a table may carry its chapter's running title (a line
  without cells) before the header printed again: it is page furniture;
* a line without a row number is the table's preamble (the releasing document
  of an appendix table) before the first row, and the continuation of the
  previous row's cells after it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from pftz.ground.errors import ReportParseError
from pftz.loaders.lexicon import CAPTION_NOUNS
from pftz.loaders.profile import Profile, alternation, default_profile
from pftz.loaders.records import ParseWarning, Table, TableRow
from pftz.loaders.text import Line, furniture_lines, is_footnote, is_lone_number


class _Layout(NamedTuple):
    """The line patterns of an edition's tables, built from its profile's words."""

    caption: re.Pattern[str]
    """A numbered caption: ``<caption word> <part>-<k> <title>`` (groups: the number as printed, the title)."""
    appendix_caption: re.Pattern[str]
    """A caption numbered alone: ``Table 2: Title``, or ``Table 2 Title`` when a table's header follows it."""
    appendix: re.Pattern[str]
    """An appendix heading: ``<appendix word> N: <title>``."""
    source: re.Pattern[str]
    """The line that ends a table: ``Source: ...``."""
    header_first: re.Pattern[str]
    """The first heading of a header line: ``No.``."""
    continued: re.Pattern[str]
    """The title of a caption repeated after a page break: ``(continued)``."""
    continued_tail: re.Pattern[str]
    """A word of continuation in brackets after the table's own title: ``Items of a batch (continued)``."""
    row_heading: str
    """The heading of the column of row numbers (``No.``), given to a table that prints none."""
    caption_words: frozenset[str]
    """The profile's caption words: a caption opening with another of :data:`loaders.lexicon.CAPTION_NOUNS` needs
    a header line after it."""


@lru_cache(maxsize=16)
def _layout_of(
    caption: tuple[str, ...],
    appendix: str,
    source: tuple[str, ...],
    row_number: tuple[str, ...],
    continued: tuple[str, ...],
) -> _Layout:
    word = alternation(sorted({*caption, *CAPTION_NOUNS}))
    return _Layout(
        re.compile(rf"^{word}\s+((?:\d+|[A-Z])[-.\u2013]\d+)\.?\s+(\S.*)$"),
        re.compile(rf"^{word}\s+(\d+)(?:\s*:\s*|\.?\s+)(\S.*)$"),
        re.compile(rf"^{alternation([appendix])}\s+(\d+)\s*:\s*\S"),
        re.compile(rf"^{alternation(source)}\s*:", re.IGNORECASE),
        re.compile(rf"^{alternation([n.rstrip('.') for n in row_number])}\.?$", re.IGNORECASE),
        re.compile(rf"^[(\[]?\s*{alternation(continued)}\s*[)\]]?\.?$", re.IGNORECASE),
        re.compile(rf"\s*[(\[]\s*{alternation(continued)}\s*[)\]]\.?$", re.IGNORECASE),
        row_number[0] if row_number else "No.",
        frozenset(caption),
    )


def table_layout(profile: Profile | None = None) -> _Layout:
    """The caption, appendix, source and header patterns of an edition profile (the default when omitted)."""
    p = profile or default_profile()
    return _layout_of(p.caption, p.appendix, p.source, p.row_number, p.continued)


_ROW_NO_RE = re.compile(r"^(\d{1,4})\.?$")
_TAG_RE = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)(?:\s[^<>]*)?/?>")
# A line that starts like this after a blank line or a page break still
# continues the cell above it (a sentence does not start with them).
_CONTINUES_RE = re.compile(r"^[a-z,;:)\]—–-]")


def clean_cell(text: str) -> str:
    """Return a cell's text without markup, stripped, inner whitespace collapsed.

    Examples
    --------
    >>> clean_cell("  <p>Notice of the  State Council</p> ")
    'Notice of the State Council'
    >>> clean_cell("a<br/>b")
    'a b'
    """
    text = _TAG_RE.sub(lambda m: " " if m.group(2).lower() == "br" else "", text)
    return " ".join(text.split())


@dataclass(slots=True)
class _Row:
    """A row being read: its cells can still grow by continuation lines."""

    number: int
    values: list[str]
    line: int
    side: int = 0
    """0 for a row at the start of its line, 1 for the right-hand row of an interleaved line."""


@dataclass(slots=True)
class _Content:
    """A line that is neither blank nor furniture; ``gap`` if blank lines or furniture precede it."""

    line: Line
    gap: bool


@dataclass(slots=True)
class _TableState:
    """What :func:`_read_table` has gathered so far for one table."""

    id: str
    caption: str
    caption_line: int
    label: str = ""
    columns: tuple[str, ...] = ()
    preamble: list[tuple[int, str]] = field(default_factory=list)
    rows: list[_Row] = field(default_factory=list)
    last_in_group: dict[int, _Row] = field(default_factory=dict)
    last_line_rows: list[_Row] = field(default_factory=list)
    numbered: bool = True
    """False for a table that prints no column of row numbers: its rows are numbered in the order printed."""
    number_at: int = 0
    """The column the table prints its row numbers in (``Origin<TAB>No.<TAB>Item``: 1); its lines are read with
    that column first."""


_MAX_HEADING_CELL = 40


def _unnumbered_header(fields: Sequence[str]) -> bool:
    """Whether a line of cells is the header of a table without row numbers ("Date<TAB>Issuing authority<TAB>...").

    >>> _unnumbered_header(["Date", "Issuing authority", "Document"]), _unnumbered_header(["1", "Alpha"])
    (True, False)
    """
    cells = [f for f in fields if f]
    return (
        len(cells) >= 2
        and all(len(f) <= _MAX_HEADING_CELL and not f.endswith(".") for f in cells)
        and not _ROW_NO_RE.match(fields[0])
    )


def _content_lines(lines: Sequence[Line], lay: _Layout, profile: Profile | None) -> list[_Content]:
    """Drop blank lines, page furniture and footnotes, remembering where they were.

    A footnote may wrap: lines right after a footnote line (no blank line
    between) that hold no tab and are not a caption or a ``Source:`` line
    belong to it.
    """
    skip = furniture_lines(lines, profile)
    out: list[_Content] = []
    gap = False
    in_footnote = False
    for ln in lines:
        s = ln.text.strip()
        if not s or ln.no in skip:
            gap = True
            in_footnote = False
            continue
        if is_footnote(s) or (
            in_footnote
            and "\t" not in ln.text
            and not (lay.source.match(s) or lay.caption.match(s) or lay.appendix_caption.match(s))
        ):
            gap = True
            in_footnote = True
            continue
        in_footnote = False
        out.append(_Content(ln, gap))
        gap = False
    return out


def _is_page_number(items: Sequence[_Content], i: int) -> bool:
    """Whether ``items[i]`` is a page number printed between the pieces of a table cut by a page break.

    A number alone on its line, with blank lines or page furniture before it and
    after it, is page furniture: a row always has cells beside its number.
    """
    item = items[i]
    return (
        item.gap
        and "\t" not in item.line.text
        and is_lone_number(item.line.text)
        and (i + 1 >= len(items) or items[i + 1].gap)
    )


def _is_toc_entry(items: Sequence[_Content], i: int) -> bool:
    """Whether the heading at ``items[i]`` is a table-of-contents entry (a page number follows)."""
    return i + 1 < len(items) and is_lone_number(items[i + 1].line.text)


def _captions(items: Sequence[_Content], i: int, lay: _Layout, m: re.Match[str]) -> bool:
    """Whether a caption numbered alone captions a table: with a colon (``Table 2: Title``) always; without one
    (``Table 2 Title``, which a sentence may also begin with) only when a table's header line comes next."""
    if not _profile_caption(lay, m):
        return _header_next(items, i, lay)
    if ":" in items[i].line.text[m.end(1) : m.start(2)]:
        return True
    return _header_next(items, i, lay)


def _profile_caption(lay: _Layout, m: re.Match[str]) -> bool:
    """Whether a caption opens with one of the profile's caption words (not only a noun of the lexicon)."""
    return m.string[: m.start(1)].strip() in lay.caption_words


def _header_next(items: Sequence[_Content], i: int, lay: _Layout) -> bool:
    """Whether a table's header line (a heading of the column of row numbers, first or not) follows ``items[i]``,
    its caption wrapped over a line or two allowed between (``Schedule 1-2 The eighth batch ...`` / ``No.``)."""
    for item in items[i + 1 : i + 4]:
        text = item.line.text
        if "\t" in text:
            return _number_heading_at(text.split("\t"), lay) >= 0
    return False


def _number_heading_at(fields: Sequence[str], lay: _Layout) -> int:
    """The column of a header line that heads the row numbers (``No.``), or -1 when the line is no header.

    >>> lay = table_layout()
    >>> _number_heading_at(["No.", "Item"], lay), _number_heading_at(["Origin", "No.", "Item"], lay)
    (0, 1)
    >>> _number_heading_at(["1", "Alpha"], lay)
    -1
    """
    return next((k for k, f in enumerate(fields) if lay.header_first.match(f.strip())), -1)


def _number_first(fields: list[str], at: int) -> list[str]:
    """A line's cells with the column of row numbers (``at``) moved first, as the table is read."""
    return [fields[at], *fields[:at], *fields[at + 1 :]] if 0 < at < len(fields) else fields


def _header_columns(fields: list[str]) -> tuple[str, ...]:
    """Return the columns of a header line, halving a header printed twice side by side."""
    while fields and not fields[-1]:
        fields = fields[:-1]
    half = len(fields) // 2
    if len(fields) % 2 == 0 and half and fields[:half] == fields[half:]:
        fields = fields[:half]
    return tuple(fields)


def _broken(state: _TableState, source: str, line: int, why: str) -> ReportParseError:
    """Build the error for a table that breaks off (``why`` completes the sentence)."""
    msg = f"Table {state.id} (caption at line {state.caption_line}) {why}"
    return ReportParseError(msg, source, line)


def _no_source(state: _TableState, source: str, line: int, where: str) -> ReportParseError:
    """Build the error for a table without a ``Source:`` line before ``where``."""
    why = f"has no 'Source:' line before {where}; the text is truncated or malformed inside the table"
    return _broken(state, source, line, why)


class _NoHeader(Exception):
    """A caption whose next lines hold no header of a table: the table is not read (a warning), the text is."""

    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


class _Unfinished(Exception):
    """A table whose rows end where body text or the next heading begins, no ``Source:`` line between."""

    def __init__(self, line: int, where: str) -> None:
        super().__init__(where)
        self.line, self.where = line, where


def _page_title(items: Sequence[_Content], i: int, lay: _Layout, columns: tuple[str, ...]) -> int:
    """The index of the table's header printed again after a page title at ``items[i]``, or 0 when none is.

    After a page break (running head, page number) a page may carry its chapter's running title (a line or
    two without cells) before the table's header is printed again: lines alone after the break whose next
    line (or the one after it) is the header of the table read.

    Examples
    --------
    >>> from pftz.loaders.text import split_lines
    >>> lay = table_layout()
    >>> items = _content_lines(split_lines("1\\tA\\n\\n\\nOpening Up\\nFurther\\nNo.\\tName\\n2\\tB"), lay, None)
    >>> _page_title(items, 1, lay, ("No.", "Name")), _page_title(items, 2, lay, ("No.", "Name"))
    (3, 0)
    """
    if not items[i].gap or "\t" in items[i].line.text or not columns:
        return 0
    for k in range(i + 1, min(i + 3, len(items))):
        fields = [clean_cell(f) for f in items[k].line.text.split("\t")]
        if (at := _number_heading_at(fields, lay)) >= 0:
            return k if _header_columns(_number_first(fields, at)) == columns else 0
        if "\t" in items[k].line.text or items[k].gap:
            return 0
    return 0


def _append(row: _Row, col: int, text: str) -> None:
    """Append ``text`` to cell ``col`` of ``row`` (a cell that continues on another line)."""
    row.values[col] = f"{row.values[col]} {text}".strip()


def _read_row_line(state: _TableState, ln: Line, fields: list[str], source: str, warnings: list[ParseWarning]) -> None:
    """Read a line holding one or more numbered rows (side by side when interleaved)."""
    width = len(state.columns)
    groups = [fields[k : k + width] for k in range(0, len(fields), width)]
    state.last_line_rows = []
    for k, group in enumerate(groups):
        m = _ROW_NO_RE.match(group[0]) if group else None
        if m:
            number = int(m.group(1))
            if len(group) < width:
                why = (
                    f"Table {state.id} row {number} has {len(group)} cells but the table has "
                    f"{width} columns {state.columns}; a column is missing: its last {width - len(group)} "
                    "cells are left empty (a continuation line may fill them)"
                )
                warnings.append(ParseWarning("table-row-short", why, source, ln.no))
                group = [*group, *[""] * (width - len(group))]
            row = _Row(number, group[1:], ln.no, k)
            state.rows.append(row)
            state.last_in_group[k] = row
            state.last_line_rows.append(row)
        elif any(group):
            target = state.last_in_group.get(k)
            if len(group) == width and target is not None:
                for col, text in enumerate(group[1:]):
                    if text:
                        _append(target, col, text)
            else:
                extra = " ".join(t for t in group if t)
                warnings.append(
                    ParseWarning(
                        "table-extra-cell",
                        f"Table {state.id}: ignored text beyond the {width} columns of the table "
                        f"(not part of a row): {extra!r}",
                        source,
                        ln.no,
                    )
                )


def _read_continuation(
    state: _TableState, item: _Content, fields: list[str], source: str, warnings: list[ParseWarning]
) -> None:
    """Read a line without a row number after the first row: more text for cells above it."""
    ln = item.line
    text = ln.text.strip()
    if "\t" not in ln.text:
        if item.gap and not _CONTINUES_RE.match(text):
            raise _Unfinished(ln.no, f"the body text at line {ln.no}")
        row = state.last_line_rows[-1]
        _append(row, len(row.values) - 1, fields[0])
        return
    width = len(state.columns)
    for k in range(0, len(fields), width):
        group = fields[k : k + width]
        if not any(group):
            continue
        target = state.last_in_group.get(k // width)
        if target is None:
            extra = " ".join(t for t in group if t)
            warnings.append(
                ParseWarning(
                    "table-extra-cell",
                    f"Table {state.id}: ignored text that continues no row: {extra!r}",
                    source,
                    ln.no,
                )
            )
            continue
        for col, cell in enumerate(group[1:]):
            if cell:
                _append(target, col, cell)


def _read_table(
    items: Sequence[_Content],
    start: int,
    state: _TableState,
    source: str,
    warnings: list[ParseWarning],
    lay: _Layout,
) -> tuple[Table, int]:
    """Read the table whose caption is ``items[start]``; return it and the index of its Source line.

    A table whose rows end at body text or at the next heading or caption without a ``Source:`` line
    ends there, with what was read and a ``table-no-source`` warning (the index returned is then that of
    its last line); only a text that ends inside a table is an error (it is truncated). A caption no header
    line follows raises :class:`_NoHeader`: the caller warns and reads on.
    """
    try:
        return _read_table_lines(items, start, state, source, warnings, lay)
    except _Unfinished as stop:
        at = next(k for k in range(start + 1, len(items)) if items[k].line.no == stop.line)
        if not state.columns:
            raise _NoHeader(stop.line) from None
        why = (
            f"Table {state.id} (caption at line {state.caption_line}) has no 'Source:' line before {stop.where}; "
            f"the table ends at its last row (line {items[at - 1].line.no})"
        )
        warnings.append(ParseWarning("table-no-source", why, source, items[at].line.no))
        return _finish(state, items[at - 1].line.no, source, warnings), at - 1


def _read_table_lines(
    items: Sequence[_Content],
    start: int,
    state: _TableState,
    source: str,
    warnings: list[ParseWarning],
    lay: _Layout,
) -> tuple[Table, int]:
    """The lines of :func:`_read_table`; raises :class:`_Unfinished` where the table stops without its source."""
    header_again = 0
    for i in range(start + 1, len(items)):
        if i < header_again:
            continue  # a page's running title before the table's header printed again
        item = items[i]
        ln = item.line
        text = ln.text.strip()
        if lay.source.match(text):
            if not state.columns:
                raise _NoHeader(ln.no)
            return _finish(state, ln.no, source, warnings), i
        if _continues(lay, text, state.id, state.caption):
            continue  # the caption repeated after a page break: the same table goes on
        if lay.caption.match(text) or lay.appendix_caption.match(text) or lay.appendix.match(text):
            raise _Unfinished(ln.no, f"the next heading or caption at line {ln.no}")
        if _is_page_number(items, i):
            continue
        if header_again := _page_title(items, i, lay, state.columns):
            continue
        fields = [clean_cell(f) for f in ln.text.split("\t")]
        if not state.columns and (at := _number_heading_at(fields, lay)) > 0:
            state.number_at = at  # "Origin<TAB>No.<TAB>Item<TAB>Coverage": read with the numbers first
            why = f"Table {state.id}: its row numbers are printed in column {at + 1}; read as the first column"
            warnings.append(ParseWarning("table-number-column", why, source, ln.no))
        if state.number_at and "\t" in ln.text:
            fields = _number_first(fields, state.number_at)
        if lay.header_first.match(fields[0]):
            columns = _header_columns(fields)
            if not state.columns:
                state.columns = columns
            elif columns != state.columns:
                warnings.append(
                    ParseWarning(
                        "table-header-mismatch",
                        f"Table {state.id}: a repeated header {columns} differs from the table's "
                        f"header {state.columns}; rows are read with the table's header",
                        source,
                        ln.no,
                    )
                )
            continue
        if not state.columns:
            if "\t" not in ln.text and not item.gap:
                state.caption = f"{state.caption} {clean_cell(text)}"  # a caption wrapped over lines
                continue
            if "\t" in ln.text and _unnumbered_header(fields):
                state.columns, state.numbered = (lay.row_heading, *_header_columns(fields)), False
                why = f"Table {state.id}: its rows are not numbered; they are numbered in the order printed"
                warnings.append(ParseWarning("table-unnumbered", why, source, ln.no))
                continue
            raise _NoHeader(ln.no)
        if len(state.columns) < 2:
            msg = f"Table {state.id} has a header with fewer than two columns: {state.columns}"
            raise ReportParseError(msg, source, state.caption_line)
        width = len(state.columns)
        if not state.numbered and "\t" in ln.text:
            if tuple(fields[: width - 1]) == state.columns[1:]:
                continue  # the header printed again after a page break
            fields = [str(len(state.rows) + 1), *fields]
        if any(_ROW_NO_RE.match(fields[k]) for k in range(0, len(fields), width)):
            _read_row_line(state, ln, fields, source, warnings)
        elif not state.rows:
            if "\t" in ln.text or not item.gap or "://" in text:
                state.preamble.append((ln.no, " ".join(f for f in fields if f)))
            else:
                raise _Unfinished(ln.no, f"the body text at line {ln.no}")
        else:
            _read_continuation(state, item, fields, source, warnings)
    last = items[-1].line.no if items else state.caption_line
    raise _no_source(state, source, last, f"the text ends at line {last}")


def _continues(lay: _Layout, text: str, table_id: str, caption: str = "") -> bool:
    """Whether ``text`` is the caption of table ``table_id`` repeated after a page break: its title is a word of
    continuation ("Table 9-9 (continued)"), or the table's own title (``caption``) printed again, alone or with a
    word of continuation in brackets after it ("Table 9-9 Items of a batch (continued)").

    Examples
    --------
    >>> lay = table_layout()
    >>> _continues(lay, "Table 9-9 (continued)", "9-9"), _continues(lay, "Table 9-8 (continued)", "9-9")
    (True, False)
    >>> _continues(lay, "Table 9-9 Items of a batch", "9-9", "Items of a batch")
    True
    >>> _continues(lay, "Table 9-9 Items of a batch (Cont'd)", "9-9", "Items of a batch")
    True
    """
    m = lay.caption.match(text) or lay.appendix_caption.match(text)
    if m is None:
        return False
    title = clean_cell(m.group(2))
    own = {" ".join(t.split()).casefold() for t in (title, lay.continued_tail.sub("", title))}
    again = bool(caption) and " ".join(caption.split()).casefold() in own
    if not (again or lay.continued.match(title.strip())):
        return False
    return m.group(1) == table_id or table_id.endswith(f"-{m.group(1)}")


def _resumed(state: _TableState, earlier: Table) -> None:
    """Start ``state`` from the rows of ``earlier``: a table whose second part (after a page break, its caption
    printed again) follows the first part's source line is one table."""
    state.id, state.caption, state.caption_line, state.label = earlier.id, earlier.caption, earlier.line, earlier.label
    state.columns = earlier.columns
    state.preamble = list(earlier.preamble)
    for r in earlier.rows:
        row = _Row(r.number or 0, [v for _c, v in r.cells[1:]], r.line)
        state.rows.append(row)
        state.last_in_group[0] = row
        state.last_line_rows = [row]


def _side_name(side: int) -> str:
    """Name the place of a row on its line: left, right (interleaved) or its column block."""
    return {0: "left", 1: "right"}.get(side, f"block {side + 1}")


def _distinct(row: _Row) -> int:
    """Count the distinct non-empty cells of a row (a copy with a repeated cell is the worse one)."""
    return len({v for v in row.values if v})


def _finish(state: _TableState, end_line: int, source: str, warnings: list[ParseWarning]) -> Table:
    """Sort rows by number, resolve duplicates, report gaps, and build the :class:`Table`."""
    by_number: dict[int, list[_Row]] = {}
    for row in state.rows:
        by_number.setdefault(row.number, []).append(row)
    kept: list[_Row] = []
    for number in sorted(by_number):
        copies = by_number[number]
        best = max(copies, key=_distinct)  # max keeps the first of equals
        if len(copies) > 1:
            where = ", ".join(f"{r.line} ({_side_name(r.side)})" for r in copies)
            differ = [
                state.columns[c + 1] for c in range(len(state.columns) - 1) if len({r.values[c] for r in copies}) > 1
            ]
            detail = f"they differ in {differ}" if differ else "the copies are identical"
            warnings.append(
                ParseWarning(
                    "table-row-duplicate",
                    f"Table {state.id}: row {number} appears {len(copies)} times (lines {where}); "
                    f"{detail}; kept the {_side_name(best.side)} copy on line {best.line} "
                    "(the one with the most distinct cells)",
                    source,
                    best.line,
                )
            )
        kept.append(best)
    numbers = [r.number for r in kept]
    present = set(numbers)
    gaps: list[list[int]] = []  # runs of consecutive missing numbers: one warning per run
    for missing in range(1, (max(numbers) if numbers else 0) + 1):
        if missing in present:
            continue
        if gaps and gaps[-1][-1] == missing - 1:
            gaps[-1].append(missing)
        else:
            gaps.append([missing])
    for gap in gaps:
        after = next((r for r in kept if r.number > gap[-1]), None)
        which = f"row {gap[0]} is" if len(gap) == 1 else f"rows {gap[0]}..{gap[-1]} ({len(gap)}) are"
        warnings.append(
            ParseWarning(
                "table-row-missing",
                f"Table {state.id}: {which} missing (rows run {numbers[0]}..{numbers[-1]})",
                source,
                after.line if after else end_line,
            )
        )
    if not kept:
        warnings.append(ParseWarning("table-row-missing", f"Table {state.id} has no rows", source, end_line))
    rows = tuple(
        TableRow(
            table=state.id,
            number=r.number,
            cells=tuple(zip(state.columns, (str(r.number), *r.values), strict=True)),
            line=r.line,
        )
        for r in kept
    )
    return Table(
        id=state.id,
        label=state.label,
        caption=state.caption,
        columns=state.columns,
        rows=rows,
        line=state.caption_line,
        end_line=end_line,
        preamble=tuple(state.preamble),
    )


def parse_tables(
    lines: Sequence[Line], source: str, profile: Profile | None = None
) -> tuple[list[Table], list[ParseWarning]]:
    """Read every table of the report, each exactly once.

    Parameters
    ----------
    lines
        All lines of the file, as :func:`loaders.text.split_lines` gives them.
    source
        The file name, for warnings and errors.
    profile
        The edition profile (caption, appendix, source and row-number words); the default when omitted.

    Returns
    -------
    tables : list of Table
        In the order of the report. Tables of the body (captions
        ``<caption word> <part>-<k> ...``) get ids like ``"<part>-<k>"``; tables
        after an appendix heading N (captions ``<caption word> K: ...``) get
        ``"AN-K"``. ``caption`` is the title
        without the ``Table ...`` label; ``columns`` the table's first header;
        rows are sorted by number and each keeps the line it is on; the
        releasing document or URL between the header and the first row is in
        ``preamble``.
    warnings : list of ParseWarning
        ``table-row-missing`` and ``table-row-duplicate`` for gaps and repeats
        in the row numbers (of duplicates the copy with the most distinct
        cells is kept), ``table-header-mismatch`` for a garbled repeated
        header, ``table-extra-cell`` for text beyond the table's columns and
        ``table-no-source`` for a table whose rows end at body text or at the
        next heading or caption without a ``Source:`` line (the table ends at
        its last row; the warning's line is where the text resumes),
        ``table-row-short`` for a row with fewer cells than the header (the
        cells it lacks are empty), ``table-no-header`` for a caption no header line follows (that table
        is not read) and ``table-number-column`` for a table printing its row
        numbers in a later column (read with that column first).

    Raises
    ------
    ReportParseError
        The text ends inside a table
        (truncated; the line where the table broke off).

    Examples
    --------
    >>> from pftz.loaders.text import split_lines
    >>> text = "Table 2-1 Demo\\nNo.\\tName\\n1\\tAlpha\\nSource: here"
    >>> tables, warnings = parse_tables(split_lines(text), "demo.txt")
    >>> tables[0].id, tables[0].rows[0].values, warnings
    ('2-1', {'No.': '1', 'Name': 'Alpha'}, [])
    """
    lay = table_layout(profile)
    items = _content_lines(lines, lay, profile)
    tables: list[Table] = []
    warnings: list[ParseWarning] = []
    seen: dict[str, int] = {}
    appendix: str | None = None
    appendix_name = ""
    i = 0
    while i < len(items):
        text = items[i].line.text.strip()
        state: _TableState | None = None
        if (m := lay.appendix.match(text)) and not _is_toc_entry(items, i):
            appendix = m.group(1)
            appendix_name = text.split(":", 1)[0].strip()
        elif (
            (m := lay.caption.match(text))
            and not _is_toc_entry(items, i)
            and (_profile_caption(lay, m) or _header_next(items, i, lay))
        ):
            label = text[: m.end(1)]
            state = _TableState(m.group(1), clean_cell(m.group(2)), items[i].line.no, label)
        elif (m := lay.appendix_caption.match(text)) and not _is_toc_entry(items, i) and _captions(items, i, lay, m):
            # "Table K: ..." in an appendix is that appendix's table K; elsewhere (a text that is not an
            # edition, such as a press release with one table) it is table K of the text
            label = f"{text[: m.end(1)]} of {appendix_name}" if appendix else text[: m.end(1)]
            tid = f"A{appendix}-{m.group(1)}" if appendix else m.group(1)
            state = _TableState(tid, clean_cell(m.group(2)), items[i].line.no, label)
        if state is None:
            i += 1
            continue
        earlier = next((k for k, t in enumerate(tables) if t.id == state.id), None)
        if state.id in seen and earlier is not None and _continues(lay, text, state.id, tables[earlier].caption):
            _resumed(state, tables[earlier])  # the table goes on after its source line, its caption printed again
            table, i = _read_table(items, i, state, source, warnings, lay)
            tables[earlier] = table
            i += 1
            continue
        if state.id in seen:
            first = seen[state.id]
            msg = f"Table {state.id} appears twice (captions at lines {first} and {state.caption_line})"
            raise ReportParseError(msg, source, state.caption_line)
        seen[state.id] = state.caption_line
        try:
            table, i = _read_table(items, i, state, source, warnings, lay)
        except _NoHeader as stop:
            why = (
                f"Table {state.id} (caption at line {state.caption_line}) has no header line ('No.' ...) before "
                f"line {stop.line}; the table is not read"
            )
            warnings.append(ParseWarning("table-no-header", why, source, stop.line))
            i += 1
            continue
        tables.append(table)
        i += 1
    return tables, warnings
