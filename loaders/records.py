"""Frozen, typed records that every loader returns.

A loader turns text into :class:`Entity` and :class:`Relation` records (the
nodes and edges of the graph, named with the labels and relationship types of
:mod:`ground.schema`), plus the document structure it found
(:class:`Section`, :class:`Table`) and the :class:`ParseWarning` list of what
it skipped or guessed. Every record carries a :class:`Provenance`.

The JSON form (:meth:`ParsedReport.to_json`) is the stable interchange format
documented in ``docs/records-format.md``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from pftz.ground.schema import Label, Rel
from pftz.ground.text import readable_name

FORMAT = "pftz-records/1"

USER_SECTION = "user data"
"""The ``section`` of the provenance of every record read from a researcher's own file."""

PropValue = str | int | float | bool | None
Props = tuple[tuple[str, PropValue], ...]


def freeze_props(props: Mapping[str, PropValue] | None = None, /, **kw: PropValue) -> Props:
    """Return properties as a sorted tuple of pairs, dropping empty values.

    Examples
    --------
    >>> freeze_props({"b": 1, "a": "x", "c": None})
    (('a', 'x'), ('b', 1))
    """
    merged = {**(props or {}), **kw}
    return tuple(sorted((k, v) for k, v in merged.items() if v is not None and v != ""))


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a fact was read.

    Parameters
    ----------
    source
        File name of the report or data file (no directories).
    sha256
        The sha256 of that file's bytes.
    line
        1-based line of the file where the quoted text starts.
    section
        Section path such as ``"Part I > V > (I) > 2"``.
    quote
        The sentence or table row the fact was read from.
    rule
        The narrative rule that read the fact (:data:`loaders.narrative.RULES`), ``""`` for
        other readers; kept in the dict only when set.
    """

    source: str
    sha256: str
    line: int
    section: str
    quote: str
    rule: str = ""

    def __post_init__(self) -> None:
        if not self.source.isascii():  # a file name from a non-UTF-8 file system: text every writer holds
            object.__setattr__(self, "source", readable_name(self.source))

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        d = {
            "source": self.source,
            "sha256": self.sha256,
            "line": self.line,
            "section": self.section,
            "quote": self.quote,
        }
        if self.rule:
            d["rule"] = self.rule
        return d


@dataclass(frozen=True, slots=True)
class NodeRef:
    """A reference to a node by label and key."""

    label: Label
    key: str


@dataclass(frozen=True, slots=True)
class Entity:
    """A node record: one mention of a zone, body, document, measure, ...

    The same ``(label, key)`` may occur in many records (one per mention);
    the graph merges them and keeps every provenance.
    """

    label: Label
    key: str
    name: str
    props: Props
    provenance: Provenance

    @property
    def ref(self) -> NodeRef:
        """The :class:`NodeRef` of this entity."""
        return NodeRef(self.label, self.key)

    @property
    def properties(self) -> dict[str, PropValue]:
        """The properties as a dict."""
        return dict(self.props)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return {
            "label": str(self.label),
            "key": self.key,
            "name": self.name,
            "properties": self.properties,
            "provenance": self.provenance.to_dict(),
        }


@dataclass(frozen=True, slots=True)
class Relation:
    """An edge record: one stated fact linking two nodes."""

    type: Rel
    start: NodeRef
    end: NodeRef
    props: Props
    provenance: Provenance

    @property
    def properties(self) -> dict[str, PropValue]:
        """The properties as a dict."""
        return dict(self.props)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return {
            "type": str(self.type),
            "start": {"label": str(self.start.label), "key": self.start.key},
            "end": {"label": str(self.end.label), "key": self.end.key},
            "properties": self.properties,
            "provenance": self.provenance.to_dict(),
        }


@dataclass(frozen=True, slots=True)
class ParseWarning:
    """Something a loader skipped, guessed or could not reconcile."""

    code: str
    message: str
    source: str
    line: int | None = None

    def __post_init__(self) -> None:
        if not self.source.isascii():
            object.__setattr__(self, "source", readable_name(self.source))

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"{where}: [{self.code}] {self.message}"

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return {"code": self.code, "message": self.message, "source": self.source, "line": self.line}


@dataclass(frozen=True, slots=True)
class Section:
    """A part, chapter, ``(I)`` section or numbered item of the report."""

    level: int
    number: str
    title: str
    path: str
    start_line: int
    end_line: int

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return {
            "level": self.level,
            "number": self.number,
            "title": self.title,
            "path": self.path,
            "start_line": self.start_line,
            "end_line": self.end_line,
        }


@dataclass(frozen=True, slots=True)
class TableRow:
    """One row of a table, with its cells keyed by column name."""

    table: str
    number: int | None
    cells: tuple[tuple[str, str], ...]
    line: int

    @property
    def values(self) -> dict[str, str]:
        """The cells as a dict of column name to text."""
        return dict(self.cells)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return {"table": self.table, "number": self.number, "cells": self.values, "line": self.line}


@dataclass(frozen=True, slots=True)
class Table:
    """A table of the report: its id (``"1-7"``, ``"A1-2"``), caption, columns and rows."""

    id: str
    caption: str
    columns: tuple[str, ...]
    rows: tuple[TableRow, ...]
    line: int
    end_line: int
    preamble: tuple[tuple[int, str], ...] = ()
    """Lines between the header and the first row (e.g. the releasing document)."""
    label: str = ""
    """The table as the edition prints it (its caption's label, and the appendix it is in): what the graph cites."""

    @property
    def printed(self) -> str:
        """The table as printed (its label), or ``"Table <id>"`` for a table built without one."""
        return self.label or f"Table {self.id}"

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return {
            "id": self.id,
            "label": self.printed,
            "caption": self.caption,
            "columns": list(self.columns),
            "line": self.line,
            "end_line": self.end_line,
            "preamble": [{"line": n, "text": t} for n, t in self.preamble],
            "rows": [r.to_dict() for r in self.rows],
        }


@dataclass(frozen=True, slots=True)
class Check:
    """A total the report states, compared with what the loader found."""

    name: str
    stated: int
    found: int
    line: int | None = None

    @property
    def ok(self) -> bool:
        """Whether the found count equals the stated one."""
        return self.stated == self.found

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return {
            "name": self.name,
            "stated": self.stated,
            "found": self.found,
            "ok": self.ok,
            "line": self.line,
        }


@dataclass(frozen=True, slots=True)
class ParsedReport:
    """Everything a loader read from one source."""

    source: str
    sha256: str
    entities: tuple[Entity, ...]
    relations: tuple[Relation, ...]
    sections: tuple[Section, ...] = ()
    tables: tuple[Table, ...] = ()
    checks: tuple[Check, ...] = ()
    warnings: tuple[ParseWarning, ...] = ()
    meta: tuple[tuple[str, str], ...] = field(default=())
    unread: tuple[ParseWarning, ...] = ()
    """Narrative quoted spans and zone mentions that produced no fact (``pftz parse --unread``)."""
    narrative_paragraphs: tuple[int, int] = (0, 0)
    """(paragraphs that yielded at least one fact, narrative paragraphs)."""

    def __post_init__(self) -> None:
        if not self.source.isascii():
            object.__setattr__(self, "source", readable_name(self.source))

    def counts(self) -> dict[str, int]:
        """Count entities per label (distinct keys) and relations per type."""
        out: dict[str, int] = {}
        for label in Label:
            n = len({e.key for e in self.entities if e.label is label})
            if n:
                out[str(label)] = n
        for rel in Rel:
            n = len({(r.start, r.end) for r in self.relations if r.type is rel})
            if n:
                out[str(rel)] = n
        return out

    def to_json(self) -> dict[str, Any]:
        """Return the documented JSON form (``format: pftz-records/1``)."""
        return {
            "format": FORMAT,
            "source": {"file": self.source, "sha256": self.sha256, **dict(self.meta)},
            "counts": self.counts(),
            "checks": [c.to_dict() for c in self.checks],
            "warnings": [w.to_dict() for w in self.warnings],
            "sections": [s.to_dict() for s in self.sections],
            "tables": [t.to_dict() for t in self.tables],
            "entities": [e.to_dict() for e in self.entities],
            "relations": [r.to_dict() for r in self.relations],
        }
