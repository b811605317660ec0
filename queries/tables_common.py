"""What the flat tables of :mod:`queries.tables` share: the graph's index, time windows, and :class:`FlatTable`.

A :class:`FlatTable` is a table made from the graph :data:`CHUNK_ROWS` rows at a time, with the
count of rows a time window left out (:func:`left_out`; :data:`UNDATED` for rows with no date).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any

import networkx as nx
import pandas as pd

from pftz.graph.index import index_of
from pftz.ground.dates import PartialDate, in_window, parse_iso
from pftz.ground.schema import DATE_END, DATE_START, KEY, Label, Rel
from pftz.queries.twins_common import frame

__all__ = ["CHUNK_ROWS", "LIST_SEPARATOR", "UNDATED", "FlatTable", "left_out"]


LIST_SEPARATOR = "; "
"""How list cells are joined in CSV and XLSX."""

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
    """The frame of a table, typed as the named queries' frames are (:func:`queries.twins_common.frame`).

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
    """The dtype :func:`queries.twins_common.frame` gives each column of these rows, read row by row."""
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
    """Rows as :func:`queries.twins_common.frame` types them, but with the dtypes of the whole table (``kinds``)."""
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
    DataFrame with the dtypes the whole table's frame would have (:func:`queries.twins_common.frame`'s
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
        """The whole table as one DataFrame (:func:`queries.twins_common.frame`), with what its window left out."""
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
