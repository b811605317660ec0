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

This module builds the four tables (:func:`table`, :func:`flat_table`); what they share (the
graph's index, time windows, :class:`~queries.tables_common.FlatTable`) is in
:mod:`queries.tables_common`, and the files (CSV, XLSX, Parquet: :func:`~queries.tables_files.write_table`,
:func:`~queries.tables_files.write_tables`, :func:`~queries.tables_files.write_workbook`) are written
by :mod:`queries.tables_files`.

Examples
--------
With a graph ``G`` (:func:`graph.build.graph_from_reports`)::

    df = table("measures", G, since=PartialDate.parse("2024"))
    write_table(df, "measures.xlsx")
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import networkx as nx
import pandas as pd

from pftz.ground.dates import PartialDate, in_window, parse_iso
from pftz.ground.errors import QueryError
from pftz.ground.schema import DERIVED, KEY, LINKED, PROVENANCE, Label, Rel
from pftz.queries.tables_common import (
    LIST_SEPARATOR,
    FlatTable,
    _any_in_window,
    _bounded,
    _dated,
    _earliest,
    _frame,
    _Index,
    _lines,
    _period_in_window,
    _sorted_unique,
    _sources,
    _unique,
)

__all__ = [
    "TABLES",
    "adoption_rows",
    "adoptions_table",
    "documents_table",
    "flat_table",
    "measures_table",
    "table",
    "zones_table",
]


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
