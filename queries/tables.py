"""Flat tables of the policy graph for spreadsheets and data frames.

Four tables, each a :class:`pandas.DataFrame` built from the graph in memory:

* ``measures``: one row per measure (key, name, title, kind, batch and its
  level, promoting documents, responsible bodies, origin zones, scope,
  replication targets and dates, adopters with their dates, evidence lines);
* ``adoptions``: one row per stated adoption (``ADOPTED``) with the origin
  zones of the measure (from whom it was learned, as the report credits it);
* ``documents``: one row per document (number, title, date, issuers, zones
  named, measures promoted);
* ``zones``: one row per zone (kind, province, established, parts,
  alliances, innovations, adoptions and derived receptions).

List cells are Python lists in the frames; :func:`write_table` keeps them as
native lists in Parquet and joins them with ``"; "`` in CSV and XLSX, where
every text cell is made formula-safe (:func:`graph.exports_people.inert`).

Files for spreadsheets: a CSV starts with a UTF-8 byte-order mark unless
``bom=False`` (Excel then reads the Chinese names as UTF-8; pandas reads it
with ``encoding="utf-8-sig"``, R's ``read.csv`` with ``fileEncoding =
"UTF-8-BOM"``, and both skip it by default too); an XLSX has one sheet named
after the table with a bold, frozen header row, an autofilter and column
widths fitted to the text, and an ``about`` sheet naming the sources (file,
sha256, title and publisher from :mod:`loaders.manifest`) and the build
(:func:`about_rows`). :func:`write_workbook` puts several tables into one
workbook, a sheet each.

Time windows (``since``, ``until``: :class:`ground.dates.PartialDate`) keep a
row when one of its dated facts overlaps the window
(:func:`ground.dates.in_window`: ``2024`` overlaps ``2024-06``); undated rows
are outside any bounded window, and the frame says how many it left out
(:func:`left_out`), so that nothing is dropped in silence. A document the
report dates only by the year in its number is windowed by that year
(its period, derived: :mod:`graph.periods`). Only stated facts are read, except the
``received`` count of the zones table, which counts derived ``DIFFUSED_TO``
edges and says so in its name.

Examples
--------
With a graph ``G`` (:func:`graph.build.graph_from_reports`)::

    df = table("measures", G, since=PartialDate.parse("2024"))
    write_table(df, "measures.xlsx")
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
from pftz.graph.index import index_of
from pftz.ground.dates import PartialDate, in_window, parse_iso
from pftz.ground.errors import ExportError, QueryError
from pftz.ground.io import atomic_path
from pftz.ground.schema import DATE_END, DATE_START, DERIVED, KEY, LINKED, PROVENANCE, Label, Rel
from pftz.loaders.manifest import ReportInfo
from pftz.queries.twins import frame

__all__ = [
    "ABOUT_SHEET",
    "CHUNK_ROWS",
    "LIST_SEPARATOR",
    "TABLES",
    "TABLE_FORMATS",
    "UNDATED",
    "FlatTable",
    "about_rows",
    "adoption_rows",
    "adoptions_table",
    "documents_table",
    "flat_table",
    "flatten",
    "left_out",
    "measures_table",
    "table",
    "write_table",
    "write_tables",
    "write_workbook",
    "zones_table",
]

LIST_SEPARATOR = "; "
"""How list cells are joined in CSV and XLSX."""

TABLE_FORMATS: dict[str, str] = {".csv": "csv", ".xlsx": "xlsx", ".parquet": "parquet"}
"""The file extensions :func:`write_table` knows, and their formats."""

Window = tuple[PartialDate | None, PartialDate | None]


# --------------------------------------------------------------------------- graph access


class _Index:
    """Edges of a graph grouped by type, out and in, so every table reads the graph once (nodes: graph.index)."""

    def __init__(self, G: nx.MultiDiGraph) -> None:
        self.G = G
        self.out: dict[tuple[Any, str], list[tuple[Any, Mapping[str, Any]]]] = {}
        self.inn: dict[tuple[Any, str], list[tuple[Any, Mapping[str, Any]]]] = {}
        for u, v, d in G.edges(data=True):
            t = d.get("type")
            self.out.setdefault((u, t), []).append((v, d))
            self.inn.setdefault((v, t), []).append((u, d))

    def nodes(self, label: Label) -> list[Any]:
        return sorted(index_of(self.G).nodes(label), key=lambda n: str(self.G.nodes[n].get(KEY)))

    def d(self, n: Any) -> Mapping[str, Any]:
        data: Mapping[str, Any] = self.G.nodes[n]
        return data

    def out_(self, n: Any, rel: Rel, label: Label | None = None) -> list[tuple[Any, Mapping[str, Any]]]:
        edges = self.out.get((n, rel.value), [])
        return [(v, e) for v, e in edges if label is None or self.d(v).get("label") == label.value]

    def in_(self, n: Any, rel: Rel, label: Label | None = None) -> list[tuple[Any, Mapping[str, Any]]]:
        edges = self.inn.get((n, rel.value), [])
        return [(u, e) for u, e in edges if label is None or self.d(u).get("label") == label.value]


def _unique(values: Iterable[Any]) -> list[Any]:
    """Distinct non-null values in first-seen order."""
    return list(dict.fromkeys(v for v in values if v is not None and v != ""))


def _sorted_unique(values: Iterable[Any]) -> list[Any]:
    return sorted(_unique(values), key=str)


def _lines(*provenances: Any) -> list[int]:
    """The distinct evidence line numbers of provenance lists, ascending."""
    out: set[int] = set()
    for prov in provenances:
        for p in prov or []:
            line = p.get("line") if isinstance(p, Mapping) else None
            if isinstance(line, int) and not isinstance(line, bool):
                out.add(line)
    return sorted(out)


def _sources(*provenances: Any) -> list[str]:
    return _sorted_unique(p.get("source") for prov in provenances for p in prov or [] if isinstance(p, Mapping))


def _dated(value: Any, date: Any) -> str:
    """``"shanxi (2024-05)"``, or just ``"shanxi"`` when the report gives no date."""
    return f"{value} ({date})" if date else str(value)


def _any_in_window(dates: Iterable[Any], window: Window) -> bool:
    since, until = window
    if since is None and until is None:
        return True
    return any(in_window(d, since, until) for d in dates)


def _earliest(dates: Iterable[Any]) -> str | None:
    parsed = [p for p in (parse_iso(d) for d in dates) if p is not None]
    return min(parsed).iso if parsed else None


def _frame(rows: list[dict[str, Any]], columns: Sequence[str], undated: tuple[int, str] | None = None) -> pd.DataFrame:
    """The frame of a table, typed as the named queries' frames are (:func:`queries.twins.frame`).

    ``undated`` is what a bounded window left out for want of a date: a count and what it counts
    (kept in the frame's ``attrs`` under :data:`UNDATED`, read back by :func:`left_out`).
    """
    return _left_out_in(frame([[r[c] for c in columns] for r in rows], columns), undated)


def _left_out_in(df: pd.DataFrame, undated: tuple[int, str] | None) -> pd.DataFrame:
    """``df`` with what its window left out for want of a date in its ``attrs`` (:func:`left_out`)."""
    if undated is not None:
        df.attrs[UNDATED] = undated
    return df


UNDATED = "pftz_undated_left_out"
"""The key in a table's ``DataFrame.attrs`` of what its time window left out for want of a date."""


def left_out(df: pd.DataFrame) -> tuple[int, str] | None:
    """What the time window of a table left out because it has no date: ``(count, what)``, or None.

    None when the table had no bounded window; ``(0, what)`` when it left nothing undated out.

    Examples
    --------
    >>> left_out(pd.DataFrame()) is None
    True
    """
    value = df.attrs.get(UNDATED)
    return None if value is None else (int(value[0]), str(value[1]))


def _bounded(since: PartialDate | None, until: PartialDate | None) -> bool:
    return since is not None or until is not None


def _period_in_window(data: Mapping[str, Any], since: PartialDate | None, until: PartialDate | None) -> bool | None:
    """Whether a node's stored period (its date, or a document's year from its number) overlaps the window;
    None when it has no period (undated)."""
    start, end = data.get(DATE_START), data.get(DATE_END)
    if not isinstance(start, str) or not isinstance(end, str):
        return None
    if since is not None and end < since.start().isoformat():
        return False
    return not (until is not None and start > until.end().isoformat())


CHUNK_ROWS = 65_536
"""How many rows of a long table are made, typed and written at a time (:class:`FlatTable`)."""


def _kinds(rows: Iterable[Sequence[Any]], width: int) -> list[str]:
    """The dtype :func:`queries.twins.frame` gives each column of these rows, read row by row."""
    present = [False] * width
    missing = [False] * width
    boolean = [True] * width
    integer = [True] * width
    number = [True] * width
    for row in rows:
        for i, v in enumerate(row):
            if v is None:
                missing[i] = True
                continue
            present[i] = True
            if boolean[i] and not isinstance(v, bool):
                boolean[i] = False
            if integer[i] and (isinstance(v, bool) or not isinstance(v, int)):
                integer[i] = False
            if number[i] and (isinstance(v, bool) or not isinstance(v, int | float)):
                number[i] = False
    out = []
    for i in range(width):
        if not present[i]:
            out.append("object")
        elif boolean[i]:
            out.append("boolean" if missing[i] else "bool")
        elif integer[i]:
            out.append("Int64" if missing[i] else "int64")
        elif number[i]:
            out.append("float64")
        else:
            out.append("object")
    return out


def _typed_frame(rows: Sequence[Sequence[Any]], columns: Sequence[str], kinds: Sequence[str]) -> pd.DataFrame:
    """Rows as :func:`queries.twins.frame` types them, but with the dtypes of the whole table (``kinds``)."""
    data: dict[str, pd.Series] = {}
    for i, (c, kind) in enumerate(zip(columns, kinds, strict=True)):
        values = [r[i] for r in rows]
        if kind == "float64":
            data[c] = pd.Series([float("nan") if v is None else float(v) for v in values], dtype="float64")
        else:
            data[c] = pd.Series(values, dtype=kind if kind != "object" else object)
    return pd.DataFrame(data, columns=list(columns)).reset_index(drop=True)


class FlatTable:
    """A flat table as its writers read it: its columns, its number of rows and its rows, a chunk at a time.

    A table of the graph's size (a few hundred measures, documents, zones) is one DataFrame
    (:meth:`of`). A table that grows with the data (the adoptions of a million-row file, one row
    per evidence entry) is made from the graph again for each writer, :data:`CHUNK_ROWS` rows at
    a time, so it is never one whole frame, nor a whole copy for CSV or Arrow. Each chunk is a
    DataFrame with the dtypes the whole table's frame would have (:func:`queries.twins.frame`'s
    rules read over every row first), so every file holds what the whole frame would give.

    Parameters
    ----------
    columns
        The column names.
    rows
        Makes the rows, in order, each time it is called (tuples in column order).
    count
        How many rows it makes.
    undated
        What a bounded time window left out for want of a date (:func:`left_out`), or None.
    """

    def __init__(
        self,
        columns: Sequence[str],
        rows: Callable[[], Iterator[Sequence[Any]]],
        count: int,
        *,
        undated: tuple[int, str] | None = None,
    ) -> None:
        self.columns = list(columns)
        self._rows = rows
        self._count = count
        self._undated = undated
        self._frame: pd.DataFrame | None = None
        self._kind_list: list[str] | None = None

    @classmethod
    def of(cls, df: pd.DataFrame) -> FlatTable:
        """A table held as one DataFrame (written as it is, in one chunk)."""
        t = cls(list(df.columns), lambda: df.itertuples(index=False, name=None), len(df), undated=left_out(df))
        t._frame = df
        return t

    def __len__(self) -> int:
        return self._count

    def rows(self) -> Iterator[Sequence[Any]]:
        """The rows in order, as tuples in column order (made again at each call)."""
        return self._rows()

    def kinds(self) -> list[str]:
        """Each column's dtype as a name (``int64``, ``Int64``, ``float64``, ``bool``, ``boolean``, ``object``)."""
        if self._kind_list is None:
            if self._frame is not None:
                self._kind_list = [str(self._frame[c].dtype) for c in self.columns]
            else:
                self._kind_list = _kinds(self._rows(), len(self.columns))
        return self._kind_list

    def frame(self) -> pd.DataFrame:
        """The whole table as one DataFrame (:func:`queries.twins.frame`), with what its window left out."""
        if self._frame is not None:
            return self._frame
        return _left_out_in(frame(list(self._rows()), self.columns), self._undated)

    def single(self) -> bool:
        """Whether the table is written as one chunk (held as a frame, or at most :data:`CHUNK_ROWS` rows)."""
        return self._frame is not None or self._count <= CHUNK_ROWS

    def chunks(self) -> Iterator[pd.DataFrame]:
        """The rows as DataFrames of at most :data:`CHUNK_ROWS` rows (at least one, the header's, if none)."""
        if self.single():
            yield self.frame()
            return
        kinds = self.kinds()
        rows = self._rows()
        while batch := list(itertools.islice(rows, CHUNK_ROWS)):
            yield _typed_frame(batch, self.columns, kinds)

    def with_first(self, column: str, cell: Callable[[Sequence[Any]], Any]) -> FlatTable:
        """The table with one more column, first, made from each row by ``cell``."""
        return FlatTable(
            [column, *self.columns],
            lambda: ((cell(r), *r) for r in self._rows()),
            self._count,
            undated=self._undated,
        )


# --------------------------------------------------------------------------- the tables

MEASURE_COLUMNS = (
    "measure_key", "measure", "title", "kind", "field", "year", "level", "batch_key", "batch", "batch_date",
    "batch_row", "promoted_by", "promoted_by_titles", "promoted_date", "responsible_bodies", "origin_zones",
    "pilot_start", "scope", "replicated_to", "replication_date", "adopters", "adoption_dates", "sources",
    "evidence_lines", "same_as",
)  # fmt: skip


def linked_wordings(G: Any) -> dict[Any, Any]:
    """The measures that are another wording of one innovation, each to the measure that stands for it.

    ``SAME_AS`` edges with ``status`` :data:`ground.schema.LINKED` (derived by a rule, see
    :func:`graph.resolve.link_narrative_rows`) run from the measure that stands for the innovation (a
    table row) to the other wording; the tables give the innovation one row, under the row's key.
    """
    return {
        v: u
        for u, v, d in G.edges(data=True)
        if d.get("type") == Rel.SAME_AS.value and d.get("status") == LINKED and u != v
    }


def measures_table(
    G: nx.MultiDiGraph, since: PartialDate | None = None, until: PartialDate | None = None
) -> pd.DataFrame:
    """One row per measure, with what the report states about it.

    Parameters
    ----------
    G
        The policy graph.
    since, until
        A time window: keep a measure when its batch date, a promoting
        document's date, its pilot start, a replication date, an adoption date or its year
        overlaps the window. None leaves that end open.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`MEASURE_COLUMNS`, sorted by key; one row per innovation: a measure that is
        another wording of one (:func:`linked_wordings`, derived) has no row of its own, its adopters and
        evidence lines join the row of the measure it is linked to, and ``same_as`` lists its key
        there (empty elsewhere). ``promoted_by`` and
        ``promoted_by_titles`` list document numbers and titles;
        ``pilot_start`` is the earliest date on its origin edges (the pilot's
        start where the report states it); ``replicated_to`` lists region or
        zone keys and ``replication_date`` the earliest replication date; ``adopters`` lists ``"key (date)"``
        (the date only where the report gives one) and ``adoption_dates`` the
        dates; ``evidence_lines`` are the report lines of the measure and of
        its stated edges.
    """
    ix = _Index(G)
    rows = []
    undated = 0
    linked = linked_wordings(G)
    wordings: dict[Any, list[Any]] = {}
    for v, u in sorted(linked.items(), key=lambda t: str(t[0])):
        wordings.setdefault(u, []).append(v)
    for m in ix.nodes(Label.MEASURE):
        if m in linked:
            continue  # another wording of an innovation: its facts are in the row of the measure it is linked to
        md = ix.d(m)
        others = wordings.get(m, [])
        batches = ix.out_(m, Rel.IN_BATCH, Label.BATCH)
        docs = ix.out_(m, Rel.PROMOTED_BY, Label.DOCUMENT)
        bodies = ix.in_(m, Rel.RESPONSIBLE_FOR, Label.ISSUING_BODY)
        origins = ix.out_(m, Rel.ORIGINATED_IN, Label.ZONE)
        reps = list(ix.out_(m, Rel.REPLICATED_TO))
        for b, _ in batches:
            reps += ix.out_(b, Rel.REPLICATED_TO)
        adopters = sorted(
            [*ix.in_(m, Rel.ADOPTED), *(a for o in others for a in ix.in_(o, Rel.ADOPTED))],
            key=lambda a: (str(ix.d(a[0]).get(KEY)), str(a[1].get("date"))),
        )
        batch_dates = [ix.d(b).get("date") for b, _ in batches]
        doc_dates = [ix.d(d).get("date") for d, _ in docs]
        rep_dates = [e.get("date") for _, e in reps]
        pilot_dates = [e.get("date") for _, e in origins]
        adopt_dates = [e.get("date") for _, e in adopters]
        year = md.get("year")
        dates = [*batch_dates, *doc_dates, *pilot_dates, *rep_dates, *adopt_dates, year]
        if not _any_in_window(dates, (since, until)):
            undated += all(parse_iso(d) is None for d in dates)
            continue
        edges = [e for _, e in [*batches, *docs, *bodies, *origins, *reps, *adopters] if not e.get(DERIVED)]
        own = [ix.d(o).get(PROVENANCE) for o in others]
        rows.append(
            {
                "measure_key": md.get(KEY),
                "measure": md.get("name"),
                "title": md.get("title"),
                "kind": md.get("kind"),
                "field": md.get("field"),
                "year": year,
                "level": LIST_SEPARATOR.join(_unique(ix.d(b).get("level") for b, _ in batches)) or None,
                "batch_key": LIST_SEPARATOR.join(_unique(ix.d(b).get(KEY) for b, _ in batches)) or None,
                "batch": LIST_SEPARATOR.join(_unique(ix.d(b).get("name") for b, _ in batches)) or None,
                "batch_date": _earliest(batch_dates),
                "batch_row": next((e.get("row") for _, e in batches if e.get("row") is not None), None),
                "promoted_by": _sorted_unique(ix.d(d).get("number") or ix.d(d).get(KEY) for d, _ in docs),
                "promoted_by_titles": _sorted_unique(ix.d(d).get("title") or ix.d(d).get("name") for d, _ in docs),
                "promoted_date": _earliest(doc_dates),
                "responsible_bodies": _sorted_unique(ix.d(b).get("name") for b, _ in bodies),
                "origin_zones": _sorted_unique(ix.d(z).get(KEY) for z, _ in origins),
                "pilot_start": _earliest(pilot_dates),
                "scope": md.get("scope"),
                "replicated_to": _sorted_unique(ix.d(t).get(KEY) for t, _ in reps),
                "replication_date": _earliest(rep_dates),
                "adopters": _unique(_dated(ix.d(a).get(KEY), e.get("date")) for a, e in adopters),
                "adoption_dates": _sorted_unique(adopt_dates),
                "sources": _sources(md.get(PROVENANCE), *own, *(e.get(PROVENANCE) for e in edges)),
                "evidence_lines": _lines(md.get(PROVENANCE), *own, *(e.get(PROVENANCE) for e in edges)),
                "same_as": [ix.d(o).get(KEY) for o in others],
            }
        )
    return _frame(rows, MEASURE_COLUMNS, (undated, "measures with no dated fact") if _bounded(since, until) else None)


ADOPTION_COLUMNS = (
    "adopter_key", "adopter", "adopter_label", "adopter_kind", "measure_key", "measure", "measure_kind", "batch_key",
    "date", "origin_zones", "outcome", "source", "line", "quote",
)  # fmt: skip


def adoptions_table(
    G: nx.MultiDiGraph, since: PartialDate | None = None, until: PartialDate | None = None
) -> pd.DataFrame:
    """One row per stated adoption of a measure by a zone or province, and evidence entry.

    Parameters
    ----------
    G
        The policy graph.
    since, until
        A time window on the adoption's date (undated adoptions are left out
        of a bounded window).

    Returns
    -------
    pandas.DataFrame
        Columns :data:`ADOPTION_COLUMNS`, sorted by date (undated last),
        adopter and measure. ``origin_zones`` are the zones the measure is
        credited to: whom the adopter learned from, as the report states it.
        An adoption of a wording linked to a measure (:func:`linked_wordings`) is listed under that
        measure, the key of :func:`measures_table`; its quote is the sentence's own.
    """
    return adoption_rows(G, since, until).frame()


def adoption_rows(G: nx.MultiDiGraph, since: PartialDate | None = None, until: PartialDate | None = None) -> FlatTable:
    """The rows of :func:`adoptions_table` as a :class:`FlatTable`, made from the graph as they are written.

    The adoptions are sorted once, an edge each (by date, adopter and measure); an adoption's
    evidence entries become its rows only when they are read. So a million evidence entries
    are never a million rows in memory at once, and the rows come in the order of the frame
    (ties in the order the graph holds them, then by line).
    """
    ix = _Index(G)
    linked = linked_wordings(G)
    starts: dict[Any, tuple[bool, Any]] = {}

    def start(date: Any) -> tuple[bool, Any]:
        if date not in starts:
            d = parse_iso(date)
            starts[date] = (d is None, d.start() if d else None)
        return starts[date]

    # one entry per adoption edge: (sort key, the cells its rows share, its evidence)
    entries: list[tuple[tuple[Any, ...], tuple[Any, ...], list[Any]]] = []
    undated = count = 0
    for m in ix.nodes(Label.MEASURE):
        stands = linked.get(m, m)  # a linked wording's adoption is the innovation's: the row of its measure
        md = ix.d(stands)
        origins = _sorted_unique(ix.d(z).get(KEY) for z, _ in ix.out_(stands, Rel.ORIGINATED_IN, Label.ZONE))
        for a, e in ix.in_(m, Rel.ADOPTED):
            if not in_window(e.get("date"), since, until):
                undated += parse_iso(e.get("date")) is None
                continue
            ad = ix.d(a)
            evidence = e.get(PROVENANCE) or []
            count += sum(1 for p in evidence if isinstance(p, Mapping)) or 1
            adoption = (
                ad.get(KEY), ad.get("name"), ad.get("label"), ad.get("kind"), md.get(KEY), md.get("name"),
                md.get("kind"), e.get("batch"), e.get("date"), origins, e.get("outcome"),
            )  # fmt: skip
            entries.append(((*start(e.get("date")), adoption[0], adoption[4]), adoption, evidence))
    entries.sort(key=lambda t: t[0])

    def rows() -> Iterator[tuple[Any, ...]]:
        for _, group in itertools.groupby(entries, key=lambda t: t[0]):
            parts = [
                (adoption, [p for p in evidence if isinstance(p, Mapping)] or [{}]) for _, adoption, evidence in group
            ]
            made = ((*adoption, p.get("source"), p.get("line"), p.get("quote")) for adoption, ev in parts for p in ev)
            lines = (p.get("line") or 0 for _, ev in parts for p in ev)
            if all(x <= y for x, y in itertools.pairwise(lines)):
                yield from made  # in order already (the usual case): never held
            else:
                yield from sorted(made, key=lambda r: r[12] or 0)

    left = (undated, "undated adoptions") if _bounded(since, until) else None
    return FlatTable(ADOPTION_COLUMNS, rows, count, undated=left)


DOCUMENT_COLUMNS = (
    "document_key", "number", "number_zh", "title", "date", "kind", "issuers", "names_zones", "releases_batches",
    "promotes_measures", "sources", "evidence_lines",
)  # fmt: skip


def documents_table(
    G: nx.MultiDiGraph, since: PartialDate | None = None, until: PartialDate | None = None
) -> pd.DataFrame:
    """One row per policy document.

    Parameters
    ----------
    G
        The policy graph.
    since, until
        A time window on the document's date; a document the report dates only by the year in its
        number is windowed by that year (its ``date`` stays empty: the period is derived).

    Returns
    -------
    pandas.DataFrame
        Columns :data:`DOCUMENT_COLUMNS`, sorted by key; ``promotes_measures``
        is a count.
    """
    ix = _Index(G)
    rows = []
    undated = 0
    for d in ix.nodes(Label.DOCUMENT):
        dd = ix.d(d)
        if _bounded(since, until):
            kept = _period_in_window(dd, since, until)
            if kept is None:  # no stored period: the date itself (a graph built before periods were stored)
                kept = in_window(dd.get("date"), since, until)
                undated += parse_iso(dd.get("date")) is None
            if not kept:
                continue
        issued = ix.out_(d, Rel.ISSUED_BY, Label.ISSUING_BODY)
        names = ix.out_(d, Rel.NAMES_ZONE, Label.ZONE)
        released = ix.in_(d, Rel.RELEASED_BY, Label.BATCH)
        promoted = ix.in_(d, Rel.PROMOTED_BY, Label.MEASURE)
        edges = [e for _, e in [*issued, *names, *released]]
        rows.append(
            {
                "document_key": dd.get(KEY),
                "number": dd.get("number"),
                "number_zh": dd.get("number_zh"),
                "title": dd.get("title") or dd.get("name"),
                "date": dd.get("date"),
                "kind": dd.get("kind"),
                "issuers": _sorted_unique(ix.d(b).get("name") for b, _ in issued),
                "names_zones": _sorted_unique(ix.d(z).get(KEY) for z, _ in names),
                "releases_batches": _sorted_unique(ix.d(b).get(KEY) for b, _ in released),
                "promotes_measures": len(_unique(m for m, _ in promoted)),
                "sources": _sources(dd.get(PROVENANCE), *(e.get(PROVENANCE) for e in edges)),
                "evidence_lines": _lines(dd.get(PROVENANCE), *(e.get(PROVENANCE) for e in edges)),
            }
        )
    left = (undated, "documents with no date (nor a year in their number)") if _bounded(since, until) else None
    return _frame(rows, DOCUMENT_COLUMNS, left)


ZONE_COLUMNS = (
    "zone_key", "zone", "name_zh", "kind", "province", "established", "part_of", "parts", "alliances",
    "innovations", "adopted", "received_derived", "sources", "evidence_lines",
)  # fmt: skip


def zones_table(G: nx.MultiDiGraph, since: PartialDate | None = None, until: PartialDate | None = None) -> pd.DataFrame:
    """One row per zone (PFTZ, Hainan FTP, sub-area, coordinated innovation zone).

    Parameters
    ----------
    G
        The policy graph.
    since, until
        A time window on the dated counts: ``adopted`` counts the adoptions
        dated in the window and ``received_derived`` the measures whose
        derived diffusion to the zone is dated in it. Every zone keeps its row.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`ZONE_COLUMNS`, sorted by key. ``innovations`` counts
        the measures that originated in the zone (undated, so never windowed);
        ``received_derived`` is derived (``DIFFUSED_TO``), not stated.
    """
    ix = _Index(G)
    rows = []
    undated = 0
    for z in ix.nodes(Label.ZONE):
        zd = ix.d(z)
        adoptions = ix.out_(z, Rel.ADOPTED, Label.MEASURE)
        adopted = [m for m, e in adoptions if in_window(e.get("date"), since, until)]
        diffusions = ix.in_(z, Rel.DIFFUSED_TO)
        received = [e.get("measure") for _, e in diffusions if in_window(e.get("date"), since, until)]
        undated += sum(parse_iso(e.get("date")) is None for _, e in [*adoptions, *diffusions])
        rows.append(
            {
                "zone_key": zd.get(KEY),
                "zone": zd.get("name"),
                "name_zh": zd.get("name_zh"),
                "kind": zd.get("kind"),
                "province": zd.get("province"),
                "established": zd.get("established"),
                "part_of": _sorted_unique(ix.d(p).get(KEY) for p, _ in ix.out_(z, Rel.PART_OF, Label.ZONE)),
                "parts": _sorted_unique(ix.d(s).get(KEY) for s, _ in ix.in_(z, Rel.PART_OF, Label.ZONE)),
                "alliances": _sorted_unique(ix.d(a).get("name") for a, _ in ix.out_(z, Rel.MEMBER_OF)),
                "innovations": len(_unique(m for m, _ in ix.in_(z, Rel.ORIGINATED_IN, Label.MEASURE))),
                "adopted": len(_unique(adopted)),
                "received_derived": len(_unique(received)),
                "sources": _sources(zd.get(PROVENANCE)),
                "evidence_lines": _lines(zd.get(PROVENANCE)),
            }
        )
    what = "undated adoptions and diffusions from the adopted and received_derived counts (every zone keeps its row)"
    return _frame(rows, ZONE_COLUMNS, (undated, what) if _bounded(since, until) else None)


TABLES: dict[str, Callable[..., pd.DataFrame]] = {
    "measures": measures_table,
    "adoptions": adoptions_table,
    "documents": documents_table,
    "zones": zones_table,
}
"""The flat tables by name."""


def table(
    name: str, G: nx.MultiDiGraph, since: PartialDate | None = None, until: PartialDate | None = None
) -> pd.DataFrame:
    """Return one flat table by name (see :data:`TABLES`).

    Raises
    ------
    QueryError
        Unknown table name (the message lists the names).
    """
    if name not in TABLES:
        msg = f"unknown table {name!r}; the tables are: {', '.join(TABLES)}"
        raise QueryError(msg)
    return TABLES[name](G, since, until)


def flat_table(
    name: str, G: nx.MultiDiGraph, since: PartialDate | None = None, until: PartialDate | None = None
) -> FlatTable:
    """One flat table by name, as its writers read it: the adoptions made row by row
    (:func:`adoption_rows`), the others as their frame (:func:`table`).

    Raises
    ------
    QueryError
        Unknown table name (the message lists the names).
    """
    if name == "adoptions":
        return adoption_rows(G, since, until)
    return FlatTable.of(table(name, G, since, until))


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
