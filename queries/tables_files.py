"""The flat tables of :mod:`queries.tables` as files: CSV, XLSX (one sheet or a workbook) and Parquet.

A CSV starts with a UTF-8 byte-order mark unless ``bom=False``; list cells are joined with
``"; "`` in CSV and XLSX and kept as lists in Parquet; every text cell of a CSV or XLSX is made
formula-safe (:func:`graph.exports_people.inert`). An XLSX has an ``about`` sheet naming the
sources and the build (:func:`about_rows`).
"""

from __future__ import annotations

import datetime
import importlib.metadata
import itertools
import re
import shutil
import tempfile
import unicodedata
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, Any, BinaryIO, overload

import networkx as nx
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from pftz.graph.exports_people import inert
from pftz.ground.dates import PartialDate
from pftz.ground.errors import ExportError
from pftz.ground.io import atomic_path
from pftz.loaders.manifest import ReportInfo
from pftz.queries.tables import TABLES, flat_table
from pftz.queries.tables_common import LIST_SEPARATOR, FlatTable

__all__ = ["ABOUT_SHEET", "TABLE_FORMATS", "about_rows", "flatten", "write_table", "write_tables", "write_workbook"]


TABLE_FORMATS: dict[str, str] = {".csv": "csv", ".xlsx": "xlsx", ".parquet": "parquet"}
"""The file extensions :func:`write_table` knows, and their formats."""


# --------------------------------------------------------------------------- writing


def flatten(df: pd.DataFrame) -> pd.DataFrame:
    """The frame as written to CSV and XLSX: lists joined with ``"; "``, text cells made inert.

    Parameters
    ----------
    df
        A table.

    Returns
    -------
    pandas.DataFrame
        A copy; list cells become strings (an empty list an empty cell).
    """
    out = df.copy()
    for c in out.columns:
        if out[c].dtype == object:
            out[c] = out[c].map(
                lambda v: inert(LIST_SEPARATOR.join(map(str, v)) or None) if isinstance(v, list) else inert(v)
            )
    return out


WORKBOOK = "tables.xlsx"
"""The workbook :func:`write_tables` writes beside the tables' own files: every table, a sheet each."""

ABOUT_SHEET = "about"
"""The sheet of an XLSX file that names the sources and the build."""

_MIN_WIDTH, _MAX_WIDTH = 8.0, 60.0
"""Column widths, in characters: wide enough for a date, narrow enough that a quote wraps on screen."""

_WIDTH_SAMPLE = 2000
"""How many rows the column widths are measured on (the first ones; a width is a hint, not a fact)."""


def _describe(name: str) -> str:
    doc = TABLES[name].__doc__ or ""
    return doc.strip().splitlines()[0].rstrip(".") if doc.strip() else name


def about_rows(
    G: nx.MultiDiGraph,
    frames: Mapping[str, pd.DataFrame | FlatTable],
    *,
    since: PartialDate | None = None,
    until: PartialDate | None = None,
    reports: Mapping[str, ReportInfo] | None = None,
) -> list[tuple[str, str]]:
    """The ``about`` sheet: what the tables are, the sources they were built from and the build.

    Parameters
    ----------
    G
        The graph the tables were made from (its ``sources``: file and sha256).
    frames
        The tables written, by name.
    since, until
        The time window of the tables, if any.
    reports
        Report descriptions by sha256 (:func:`loaders.manifest.load_manifest`): a source the
        manifest knows is named by its title and publisher, and its licence where one is stated.

    Returns
    -------
    list of (str, str)
        ``(field, value)`` rows, with no timestamp (two builds of the same inputs write the same sheet).
    """
    rows: list[tuple[str, str]] = []
    for name, df in frames.items():
        described = _describe(name) if name in TABLES else name
        rows.append((f"table {name}", f"{described} ({len(df):,} rows, {len(df.columns)} columns)"))
    window = ", ".join(f"{k} {v.iso}" for k, v in (("since", since), ("until", until)) if v is not None)
    rows.append(("time window", window or "none: every row"))
    for src in G.graph.get("sources") or []:
        if not isinstance(src, Mapping):
            continue
        sha = str(src.get("sha256", ""))
        info = (reports or {}).get(sha.lower())
        text = f"{src.get('file')} (sha256 {sha})"
        if info is not None:
            text += f": {info.citation()}"
        rows.append(("source", text))
        if info is not None:
            licence = info.licence or "none stated by the publisher: cite the report"
            rows.append(("licence", f"{info.file}: {licence}" + (f" ({info.licence_url})" if info.licence_url else "")))
    rows.append(("graph", f"{G.number_of_nodes():,} nodes, {G.number_of_edges():,} edges"))
    try:
        version = importlib.metadata.version("pftz-graph")
    except importlib.metadata.PackageNotFoundError:
        version = "unknown version"
    rows.append(("built by", f"pftz-graph {version}"))
    rows.append(("list cells", f"several values in one cell are joined with {LIST_SEPARATOR!r}"))
    rows.append(("formula-safe", "a text cell starting with = + - @, a tab or a CR gets a leading '"))
    rows.append(("derived", "every column is stated, but received_derived of zones (it counts derived diffusion)"))
    return rows


def write_tables(
    G: nx.MultiDiGraph,
    folder: str | Path,
    formats: Sequence[str] = ("csv", "xlsx", "parquet"),
    *,
    reports: Mapping[str, ReportInfo] | None = None,
    bom: bool = True,
) -> list[Path]:
    """Write every table (:data:`TABLES`) into a folder, once per format: ``measures.csv``, ``measures.xlsx``, ...

    With ``xlsx`` among the formats, :data:`WORKBOOK` holds them all, a sheet each.

    Parameters
    ----------
    G
        The policy graph.
    folder
        Created if missing.
    formats
        Extensions without the dot.
    reports
        Report descriptions for the ``about`` sheet (:func:`about_rows`).
    bom
        Start the CSV files with a UTF-8 byte-order mark (for Excel).

    Returns
    -------
    list of Path
        The files written.
    """
    out = []
    # the adoptions are made from the graph for each file, a chunk at a time (:class:`FlatTable`)
    tables = {name: flat_table(name, G) for name in TABLES}
    for name, t in tables.items():
        about = about_rows(G, {name: t}, reports=reports)
        for fmt in formats:
            out.append(write_table(t, Path(folder) / f"{name}.{fmt}", name=name, about=about, bom=bom))
    if "xlsx" in formats:
        out.append(write_workbook(tables, Path(folder) / WORKBOOK, about=about_rows(G, tables, reports=reports)))
    return out


_SHEET_UNSAFE_RE = re.compile(r"[\\/*?:\[\]]")


def _sheet_name(name: str) -> str:
    """A valid sheet name: no ``\\ / * ? : [ ]``, at most 31 characters, never the about sheet's."""
    clean = _SHEET_UNSAFE_RE.sub("_", ILLEGAL_CHARACTERS_RE.sub("", name)).strip("' ")[:31] or "table"
    return "table" if clean.lower() == ABOUT_SHEET else clean


def _xlsx_cell(v: Any) -> Any:
    if v is None or (isinstance(v, float) and pd.isna(v)) or v is pd.NA:
        return None
    if isinstance(v, str):
        return ILLEGAL_CHARACTERS_RE.sub("\ufffd", v)
    return v.item() if hasattr(v, "item") else v


def _text_width(value: Any) -> int:
    """How many columns a cell's longest line takes: an East Asian wide character counts two."""
    if value is None:
        return 0
    lines = str(value).splitlines() or [""]
    return max(sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line) for line in lines)


def _widths(columns: Sequence[Any], rows: Sequence[Sequence[Any]]) -> list[float]:
    out = []
    for i, c in enumerate(columns):
        longest = max([_text_width(c) + 3, *(_text_width(r[i]) for r in rows[:_WIDTH_SAMPLE])])  # +3: the filter button
        out.append(min(_MAX_WIDTH, max(_MIN_WIDTH, longest + 1.0)))
    return out


def _add_sheet(wb: Workbook, name: str, columns: Sequence[Any], rows: Sequence[Sequence[Any]]) -> None:
    """One sheet: bold frozen header, autofilter over the table, fitted widths (write-only mode: all before rows)."""
    ws: WriteOnlyWorksheet = wb.create_sheet(name)
    ws.freeze_panes = "A2"
    for i, width in enumerate(_widths(columns, rows), start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    if columns:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{len(rows) + 1}"
    bold = Font(bold=True)
    header = []
    for c in columns:
        cell = WriteOnlyCell(ws, value=_xlsx_cell(inert(str(c))))
        cell.font = bold
        header.append(cell)
    ws.append(header)
    for row in rows:
        ws.append(list(row))


class _Rows(Sequence[list[Any]]):
    """The cells of a table's rows, made as they are read (a sheet of a million rows is never whole in memory).

    ``flat`` joins list cells and makes text inert as :func:`flatten` does, row by row instead of a copy
    of the frame.
    """

    def __init__(self, table: pd.DataFrame | FlatTable, flat: bool = False) -> None:
        self.table = table if isinstance(table, FlatTable) else FlatTable.of(table)
        objects = [k == "object" for k in self.table.kinds()]
        self.cell: list[Callable[[Any], Any]] = [
            (lambda v: _xlsx_cell(_flat_cell(v))) if flat and o else _xlsx_cell for o in objects
        ]

    def __len__(self) -> int:
        return len(self.table)

    def _made(self, rows: Iterable[tuple[Any, ...]]) -> Iterator[list[Any]]:
        cell = self.cell
        for row in rows:
            yield [f(v) for f, v in zip(cell, row, strict=True)]

    def __iter__(self) -> Iterator[list[Any]]:
        for df in self.table.chunks():
            yield from self._made(df.itertuples(index=False, name=None))

    @overload
    def __getitem__(self, i: int) -> list[Any]: ...
    @overload
    def __getitem__(self, i: slice) -> list[list[Any]]: ...
    def __getitem__(self, i: int | slice) -> list[Any] | list[list[Any]]:
        if isinstance(i, slice):
            start, stop, step = i.indices(len(self))
            return list(itertools.islice(iter(self), start, stop, step))
        if not -len(self) <= i < len(self):
            raise IndexError(i)
        return next(itertools.islice(iter(self), i % len(self), None))


def _flat_cell(v: Any) -> Any:
    return inert(LIST_SEPARATOR.join(map(str, v)) or None) if isinstance(v, list) else inert(v)


def _about_rows(about: Sequence[tuple[str, str]]) -> list[list[Any]]:
    return [[_xlsx_cell(inert(k)), _xlsx_cell(inert(v))] for k, v in about]


def _save_workbook(sheets: Sequence[tuple[str, Sequence[Any], Sequence[Sequence[Any]]]], path: Path) -> None:
    wb = Workbook(write_only=True)
    wb.properties.created = _FIXED_TIME
    names: set[str] = set()
    for name, columns, rows in sheets:
        unique, i = name, 2
        while unique.lower() in names:
            unique, i = f"{name[:28]}_{i}", i + 1
        names.add(unique.lower())
        _add_sheet(wb, unique, columns, rows)
    with tempfile.TemporaryFile() as raw:  # the archive as openpyxl writes it, on disk: never whole in memory
        wb.save(raw)
        raw.seek(0)
        _fix_zip_times(raw, path)


def _write_xlsx(df: pd.DataFrame | FlatTable, path: Path, name: str, about: Sequence[tuple[str, str]] | None) -> None:
    sheets: list[tuple[str, Sequence[Any], Sequence[Sequence[Any]]]] = [
        (_sheet_name(name), list(df.columns), _Rows(df, flat=True))
    ]
    if about is not None:
        sheets.append((ABOUT_SHEET, ["field", "value"], _about_rows(about)))
    _save_workbook(sheets, path)


def write_workbook(
    frames: Mapping[str, pd.DataFrame | FlatTable],
    path: str | Path,
    *,
    about: Sequence[tuple[str, str]] | None = None,
) -> Path:
    """Write several tables into one XLSX workbook, a sheet each (named after the table), then ``about``.

    Parameters
    ----------
    frames
        Tables by name (from :func:`table` or :func:`flat_table`); list cells are joined and text made
        formula-safe.
    path
        The ``.xlsx`` file, written atomically.
    about
        ``(field, value)`` rows for the ``about`` sheet (:func:`about_rows`); None leaves it out.

    Returns
    -------
    Path
        The file written.

    Raises
    ------
    ExportError
        The file cannot be written (an earlier file is left unchanged).
    """
    target = Path(path)
    sheets: list[tuple[str, Sequence[Any], Sequence[Sequence[Any]]]] = [
        (_sheet_name(name), list(df.columns), _Rows(df, flat=True)) for name, df in frames.items()
    ]
    if about is not None:
        sheets.append((ABOUT_SHEET, ["field", "value"], _about_rows(about)))
    with atomic_path(target) as tmp:
        _save_workbook(sheets, tmp)
    return target


_FIXED_TIME = datetime.datetime(2000, 1, 1)
_MODIFIED_RE = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def _fix_zip_times(data: IO[bytes], path: Path) -> None:
    """Copy an XLSX archive with fixed times (openpyxl stamps the save time), so two builds write the same bytes."""
    with zipfile.ZipFile(data) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=(2000, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = item.external_attr
            if item.filename == "docProps/core.xml":
                content = _MODIFIED_RE.sub(rb"\g<1>2000-01-01T00:00:00Z\g<2>", src.read(item.filename))
                dst.writestr(info, content)
                continue
            # a sheet is copied in pieces: its text (hundreds of MB at a million rows) is never whole
            info.file_size = item.file_size  # known in advance, as writestr knows it: the same header bytes
            with src.open(item) as fin, dst.open(info, "w") as fout:
                shutil.copyfileobj(fin, fout, 1 << 20)


def write_table(
    df: pd.DataFrame | FlatTable,
    path: str | Path,
    *,
    name: str | None = None,
    about: Sequence[tuple[str, str]] | None = None,
    bom: bool = True,
) -> Path:
    """Write a table to CSV, XLSX or Parquet, chosen by the file's extension, atomically.

    Parameters
    ----------
    df
        A table from :func:`table`, or from :func:`flat_table` (written a chunk at a time: a long
        table is never one whole frame, and Parquet gets a row group per chunk).
    path
        ``*.csv`` (UTF-8), ``*.xlsx`` or ``*.parquet``.
    name
        The XLSX sheet's name: the table's (``pftz table`` and :func:`write_tables` give it), else ``table``.
    about
        ``(field, value)`` rows of the XLSX ``about`` sheet (:func:`about_rows`); None leaves it out.
    bom
        Start a CSV with a UTF-8 byte-order mark, so that Excel reads it as UTF-8 (pandas and R
        skip it); False writes plain UTF-8.

    Returns
    -------
    Path
        The file written.

    Raises
    ------
    ExportError
        Unknown extension, or the file cannot be written (an earlier file is
        left unchanged).
    """
    target = Path(path)
    fmt = TABLE_FORMATS.get(target.suffix.lower())
    if fmt is None:
        msg = f"cannot write {target}: name a .csv, .xlsx or .parquet file"
        raise ExportError(msg)
    t = df if isinstance(df, FlatTable) else FlatTable.of(df)
    with atomic_path(target) as tmp:
        if fmt == "csv":
            _write_csv(t, tmp, bom)
        elif fmt == "xlsx":
            _write_xlsx(t, tmp, name or "table", about)  # flattened row by row
        else:
            with tmp.open("wb") as fh:  # a handle: pyarrow takes no path that is not UTF-8 (a non-UTF-8 folder)
                _write_parquet(t, fh)
    return target


def _write_csv(t: FlatTable, path: Path, bom: bool) -> None:
    """The table flattened (:func:`flatten`), a chunk at a time, under one header."""
    with path.open("w", encoding="utf-8-sig" if bom else "utf-8", newline="") as fh:
        for i, df in enumerate(t.chunks()):
            flatten(df).to_csv(fh, index=False, header=i == 0, lineterminator="\n")


def _write_parquet(t: FlatTable, fh: BinaryIO) -> None:
    """One row group of the whole frame, or a row group per chunk, all of the schema of the whole table.

    Arrow infers a column's type from its values (a chunk whose cells are all empty would be of
    type null): the schema is every chunk's schema unified, then each chunk is converted to it.
    """
    if t.single():
        pq.write_table(pa.Table.from_pandas(t.frame(), preserve_index=False), fh)
        return
    schemas = [pa.Schema.from_pandas(df, preserve_index=False).remove_metadata() for df in t.chunks()]
    schema = pa.unify_schemas(schemas, promote_options="permissive")
    writer: pq.ParquetWriter | None = None
    try:
        for df in t.chunks():
            chunk = pa.Table.from_pandas(df, schema=schema, preserve_index=False)
            if writer is None:
                writer = pq.ParquetWriter(fh, chunk.schema)
            writer.write_table(chunk)
    finally:
        if writer is not None:
            writer.close()
