"""Read researchers' own coded data: zones, documents, measures and adoption events.

A researcher who codes events the report does not state (a province adopting a
best practice, the origin of a measure, a new document) writes them in a CSV
or JSON file with the columns documented in ``docs/user-data.md``. This module
turns such a file into the same records the report loader makes, with the same
keys, so that the data merges into the report's nodes: a document numbered
``G.H. [2024] No. 156`` becomes the report's ``G.H.[2024]156``, ``Hubei PFTZ``
becomes the zone ``hubei``, ``national:best-practices:5:7`` is the report's
seventh best practice of the fifth batch.

:func:`parse_user_csv` and :func:`parse_user_json` are pure (text in,
:class:`~loaders.records.ParsedReport` out); :func:`load_user_data` reads a
file and delegates. Every row is checked and every problem is collected: a bad
row becomes a :class:`~loaders.records.ParseWarning` naming its line and is
skipped, good rows load. ``strict=True`` raises one
:class:`~ground.errors.UserDataError` listing every bad row and loads nothing.

Examples
--------
>>> text = "adopter,measure,date,outcome,batch,source_note\\n"
>>> text += "Hubei PFTZ,national:best-practices:5:7,2024-06,,,my notes p. 3\\n"
>>> r = parse_user_csv(text, "events.csv")
>>> [(x.type.value, x.start.key, x.end.key) for x in r.relations]
[('ADOPTED', 'hubei', 'national:best-practices:5:7')]
>>> r.relations[0].provenance.line, r.warnings
(2, ())
"""

from __future__ import annotations

import bisect
import csv
import functools
import hashlib
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process

from pftz.ground.dates import parse_iso
from pftz.ground.errors import UserDataError
from pftz.ground.names import normalize_name
from pftz.ground.schema import SCOPE_REGION_KEYS, Label, MeasureKind, RegionKind, Rel, Scope, ZoneKind
from pftz.ground.text import codepoint_names, decode_text, invisible_chars, remove_invisible
from pftz.loaders.documents import DocNumber, find_numbers, find_short_numbers, slug, title_key
from pftz.loaders.records import (
    USER_SECTION,
    Entity,
    NodeRef,
    ParsedReport,
    ParseWarning,
    Props,
    PropValue,
    Provenance,
    Relation,
    freeze_props,
)
from pftz.loaders.reference import Gazetteer, PrefixRef, load_prefixes
from pftz.loaders.report import load_report

__all__ = [
    "COLUMNS",
    "FORMAT",
    "KINDS",
    "USER_SECTION",
    "load_user_data",
    "parse_user_csv",
    "parse_user_json",
]

FORMAT = "pftz-user/1"
"""The ``format`` value of the JSON form."""

COLUMNS: dict[str, tuple[str, ...]] = {
    "zones": ("key", "name", "kind", "province"),
    "documents": ("number", "title", "date", "issuers", "zones"),
    "measures": ("key", "title", "kind", "origin_zones", "batch", "scope", "document"),
    "adoptions": ("adopter", "measure", "date", "outcome", "batch", "source_note"),
}
"""The columns of each kind of file, in the documented order (any order is accepted)."""

KINDS = tuple(COLUMNS)
"""The kinds of user data, in the order the JSON form is read (later kinds may refer to earlier ones)."""

LIST_FIELDS = frozenset({"issuers", "zones", "origin_zones"})
"""Fields that hold several names separated by ``;`` (or a JSON list)."""

_KIND_ALIASES = {"zone": "zones", "document": "documents", "measure": "measures", "adoption": "adoptions"}
_ZONE_KEY_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*(?:/[a-z0-9]+(?:-[a-z0-9]+)*)?$")
_MEASURE_KEY_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:/-]*$")
_NODE_ID_RE = re.compile(r"^(Zone|Region):(\S+)$")

_BATCH_KINDS = ("best-practices", "pilot-measures", "department-experience", "reform-experience")
_BATCH_KEY_RE = re.compile(
    r"^(?P<level>national|provincial):(?:(?P<owner>[a-z0-9]+(?:-[a-z0-9]+)*):)?"
    rf"(?P<kind>{'|'.join((*_BATCH_KINDS, 'institutional-innovations'))}):(?P<ordinal>[1-9]\d{{0,2}})$"
)
_SCOPES = {normalize_name(s.value): s for s in Scope} | {normalize_name(k): s for s, k in SCOPE_REGION_KEYS.items()}
_MEASURE_KINDS = {normalize_name(k.value): k for k in MeasureKind}
_ZONE_KINDS = {normalize_name(k.value): k for k in ZoneKind}
_MAX_SHOWN = 200
NOTICES = frozenset({"invisible-character", "adoption-merged"})
"""Warning codes of rows that load (changed or merged), not of rows that are skipped."""

MAX_NOTICES = 1000
"""``adoption-merged`` warnings kept one by one per file; the rest are counted in one more warning
(a file of a million rows repeating adoptions holds a count, not a million messages)."""
"""At most this many problems are listed in a strict-mode error (all are counted)."""


class _RowError(Exception):
    """A problem with one value of a row: ``code`` and a message (never escapes this module)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


# --------------------------------------------------------------------------- what references may point at


@dataclass
class _Known:
    """Nodes that references in a user file may point at, by key and by name.

    Filled from the bundled report (or the reports given as ``known``) and
    then from the good rows of the file itself, in file order.
    """

    zones: dict[str, tuple[str, dict[str, PropValue]]] = field(default_factory=dict)
    zone_names: dict[str, str] = field(default_factory=dict)
    measures: dict[str, tuple[str, dict[str, PropValue]]] = field(default_factory=dict)
    measure_titles: dict[str, set[str]] = field(default_factory=dict)
    documents: dict[str, tuple[str, dict[str, PropValue]]] = field(default_factory=dict)
    doc_numbers: dict[str, str] = field(default_factory=dict)
    doc_short: dict[tuple[str, int], set[str]] = field(default_factory=dict)
    doc_titles: dict[str, str] = field(default_factory=dict)
    batches: dict[str, tuple[str, dict[str, PropValue]]] = field(default_factory=dict)

    def copy(self) -> _Known:
        """Return a copy whose tables can grow without touching this one."""
        return _Known(
            dict(self.zones),
            dict(self.zone_names),
            dict(self.measures),
            {k: set(v) for k, v in self.measure_titles.items()},
            dict(self.documents),
            dict(self.doc_numbers),
            {k: set(v) for k, v in self.doc_short.items()},
            dict(self.doc_titles),
            dict(self.batches),
        )

    def add(self, e: Entity) -> bool:
        """Register an entity (later mentions of a key do not replace the first); True if its key is new."""
        props = e.properties
        table = {
            Label.ZONE: self.zones,
            Label.MEASURE: self.measures,
            Label.DOCUMENT: self.documents,
            Label.BATCH: self.batches,
        }.get(e.label)
        new = table is not None and e.key not in table
        if e.label is Label.ZONE:
            self.zones.setdefault(e.key, (e.name, props))
            self.zone_names.setdefault(normalize_name(e.name), e.key)
        elif e.label is Label.MEASURE:
            self.measures.setdefault(e.key, (e.name, props))
            for t in (e.name, props.get("title")):
                if isinstance(t, str) and title_key(t):
                    self.measure_titles.setdefault(title_key(t), set()).add(e.key)
        elif e.label is Label.DOCUMENT:
            self.documents.setdefault(e.key, (e.name, props))
            prefix, year, serial = props.get("prefix"), props.get("year"), props.get("serial")
            if isinstance(prefix, str) and isinstance(serial, int):
                number = DocNumber(prefix, year if isinstance(year, int) else None, serial)
                self.doc_numbers.setdefault(number.key, e.key)
                self.doc_short.setdefault((prefix, serial), set()).add(e.key)
            title = props.get("title")
            if isinstance(title, str) and title_key(title):
                self.doc_titles.setdefault(title_key(title), e.key)
        elif e.label is Label.BATCH:
            self.batches.setdefault(e.key, (e.name, props))
        return new


def _known_from(reports: Iterable[ParsedReport]) -> _Known:
    known = _Known()
    for r in reports:
        for e in r.entities:
            known.add(e)
    return known


@functools.cache
def _prefixes() -> dict[str, PrefixRef]:
    """The curated document-number prefixes (doc_prefixes.csv), read once."""
    return load_prefixes()


@functools.cache
def _bundled_known() -> _Known:
    """Index the bundled report's records once (about 0.3 s), on first use."""

    return _known_from([load_report()])


# --------------------------------------------------------------------------- values


def _clean(value: str) -> str:
    """Collapse runs of whitespace and remove invisible characters (:func:`ground.text.invisible_chars`)."""
    return " ".join(remove_invisible(value).split())


def _split(value: str) -> list[str]:
    return [p for p in (_clean(x) for x in value.split(";")) if p]


def _date(value: str) -> str | None:
    """Check a date written YYYY, YYYY-MM or YYYY-MM-DD; return it, or None if blank."""
    if not value:
        return None
    d = parse_iso(value)
    if d is None:
        raise _RowError("bad-date", f"bad date {value!r}: write YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2024-10-25)")
    return d.iso


def _suggest(name: str, choices: Iterable[str]) -> str:
    """Return ``" (did you mean 'x'?)"`` for the closest choice, or ``""``."""
    best = process.extractOne(name, list(choices), scorer=fuzz.WRatio, score_cutoff=85)
    return f" (did you mean {best[0]!r}?)" if best else ""


# --------------------------------------------------------------------------- the record builder


@dataclass
class _Row:
    """One row or JSON item: its values by column, where it starts and its raw text."""

    values: dict[str, str]
    line: int | None
    quote: str
    label: str
    """How messages name the row: ``"row at line 4"`` or ``"adoptions item 3 (line 40)"``."""


def _digest(cells: Sequence[str]) -> int:
    """A 128-bit digest of a sequence of strings (their text joined by a unit separator)."""
    data = "\x1f".join(cells).encode("utf-8", "surrogatepass")
    return int.from_bytes(hashlib.blake2b(data, digest_size=16).digest(), "big")


class _Builder:
    """Checks rows and accumulates their records; a row with any problem adds nothing."""

    def __init__(self, source: str, sha256: str, gaz: Gazetteer, known: _Known) -> None:
        self.source = source
        self.sha256 = sha256
        self.gaz = gaz
        self.known = known
        self.entities: list[Entity] = []
        self.relations: list[Relation] = []
        self.warnings: list[ParseWarning] = []
        self.skipped: dict[tuple[str, str], int | None] = {}
        # row identities and whole rows as 128-bit digests (ints): a million rows keep an int each, not their text
        self.seen: dict[int, int | None] = {}
        self.adoptions: dict[tuple[str, str], list[tuple[int | None, str | None, str | None]]] = {}
        self.rows_seen: dict[int, int] = {}  # digest of a row -> its first line
        self.repeats: dict[int, list[int]] = {}  # digest of a repeated row -> [copies, first copy's line, last's]
        self.failed: dict[tuple[str, str], _RowError] = {}
        self._row: _Row | None = None
        self.named: set[tuple[Label, str, str, object]] = set()
        self.notices: dict[str, list[Any]] = {}  # code -> [count, first line, last line]
        self._ents: list[Entity] = []
        self._rels: list[Relation] = []
        # equal node references and properties are shared by every row that names them: a file of
        # a million rows holds each once, not once per row
        self._refs: dict[NodeRef, NodeRef] = {}
        self._props: dict[Props, Props] = {}

    # -- records of the current row ---------------------------------------------------

    def _prov(self) -> Provenance:
        assert self._row is not None
        return Provenance(self.source, self.sha256, self._row.line or 1, USER_SECTION, self._row.quote)

    def node(self, label: Label, key: str, name: str, **props: PropValue) -> NodeRef:
        self._ents.append(Entity(label, key, name or key, self._frozen(props), self._prov()))
        return self._ref(NodeRef(label, key))

    def rel(self, rel: Rel, start: NodeRef, end: NodeRef, **props: PropValue) -> None:
        if start != end:
            self._rels.append(Relation(rel, self._ref(start), self._ref(end), self._frozen(props), self._prov()))

    def _ref(self, ref: NodeRef) -> NodeRef:
        return self._refs.setdefault(ref, ref)

    def _frozen(self, props: Mapping[str, PropValue]) -> Props:
        frozen = freeze_props(props)
        return self._props.setdefault(frozen, frozen)

    def run(self, kind: str, row: _Row, handler: Callable[[_Row], None]) -> None:
        """Check one row with ``handler``; keep its records only if it raised no problem."""
        self._row, self._ents, self._rels = row, [], []
        problems: list[_RowError] = []
        try:
            handler(row)
        except _RowError as e:
            problems.append(e)
        except _Problems as e:
            problems.extend(e.problems)
        if problems:
            for p in problems:
                self.warnings.append(ParseWarning(p.code, f"{row.label}: {p.message}", self.source, row.line))
            for col in ("key", "number", "title"):
                if row.values.get(col):
                    self.skipped.setdefault((kind, row.values[col]), row.line)
            return
        # a node named again with the same values is evidenced by the first row that named it (the
        # rows' relations keep their own evidence), so a million rows do not copy a million quotes to it
        fresh = [e for e in self._ents if (e.label, e.key, e.name, e.props) not in self.named]
        self.named.update((e.label, e.key, e.name, e.props) for e in fresh)
        self.entities.extend(fresh)
        self.relations.extend(self._rels)
        for ent in fresh:
            if self.known.add(ent):
                self.failed.clear()  # a name that did not resolve may resolve now

    def repeated(self, cells: tuple[str, ...], line: int) -> bool:
        """Whether a row repeats an earlier row exactly; repeats are counted, not kept (memory grows with
        distinct rows only) and become one ``duplicate-row`` warning each (see :meth:`repeat_warnings`)."""
        digest = _digest(cells)
        if self.rows_seen.setdefault(digest, line) == line:  # a line is read once: the first time
            return False
        seen = self.repeats.setdefault(digest, [0, line, line])
        seen[0] += 1
        seen[2] = line
        return True

    def repeat_warnings(self) -> list[ParseWarning]:
        """One warning per row that has exact copies, at the line of its first copy."""
        out = []
        for digest, (n, copy, last) in self.repeats.items():
            first = self.rows_seen[digest]
            more = f"; {n:,} copies in all, lines {copy} to {last}" if n > 1 else ""
            msg = f"row at line {copy}: repeats the row already given at line {first}{more}; copies are skipped"
            out.append(ParseWarning("duplicate-row", msg, self.source, copy))
        return out

    def _resolve(self, what: str, name: str, resolve: Callable[[str], NodeRef]) -> NodeRef:
        """Resolve a name, remembering failures (fuzzy suggestions are costly; a file may repeat a bad name)."""
        err = self.failed.get((what, name))
        if err is not None:
            raise _RowError(err.code, err.message)
        try:
            return resolve(name)
        except _RowError as e:
            self.failed[what, name] = e
            raise

    def notice_only_counted(self, code: str, line: int | None) -> bool:
        """Count a notice; True (it is only counted) once :data:`MAX_NOTICES` of its code are kept."""
        seen = self.notices.setdefault(code, [0, line, line])
        seen[0] += 1
        seen[2] = line
        return bool(seen[0] > MAX_NOTICES)

    def notice_summaries(self) -> list[ParseWarning]:
        """One warning per notice code with more than :data:`MAX_NOTICES`: how many more, and their lines."""
        out = []
        for code, (n, _first, last) in self.notices.items():
            if n > MAX_NOTICES:
                msg = (
                    f"{n - MAX_NOTICES:,} more rows like the {MAX_NOTICES:,} above (up to line {last}); "
                    f"{n:,} rows in all"
                )
                out.append(ParseWarning(code, msg, self.source, last))
        return out

    def invisible(self, row: _Row, raw: dict[str, str]) -> None:
        """Warn (code ``invisible-character``) about the invisible characters removed from a row's values."""
        found = {c: sorted(set(invisible_chars(v))) for c, v in raw.items() if invisible_chars(v)}
        if not found:
            return
        where = "; ".join(f"{c} {v.encode('unicode_escape').decode('ascii')!r}" for c, v in raw.items() if c in found)
        chars = codepoint_names(x for cs in found.values() for x in cs)
        self.warnings.append(
            ParseWarning(
                "invisible-character",
                f"{row.label}: removed invisible or bidirectional control characters ({chars}) before reading "
                f"the names: {where}",
                self.source,
                row.line,
            )
        )

    def adoption(self, adopter: NodeRef, measure: NodeRef, date: str | None, row: _Row) -> None:
        """Warn (code ``adoption-merged``) when an adopter adopted a measure in an earlier row with other values.

        The graph holds one ``ADOPTED`` edge per adopter and measure; both rows are its evidence.
        """
        pair = (f"{adopter.label.value}:{adopter.key}", measure.key)
        outcome = row.values.get("outcome") or None
        # the first row of the pair, and the first with other values: enough to name the earliest other row
        # in constant time (a file repeating one adoption many times stays linear)
        earlier = self.adoptions.setdefault(pair, [])
        others = [(ln, d, o) for ln, d, o in earlier if (d, o) != (date, outcome)]
        if len(earlier) < 2 and not any((d, o) == (date, outcome) for _ln, d, o in earlier):
            earlier.append((row.line, date, outcome))
        if not others or self.notice_only_counted("adoption-merged", row.line):
            return
        line, d, o = others[0]
        where = f"line {line}" if line is not None else "an earlier item"
        msg = (
            f"{row.label}: {pair[0]!r} adopting {measure.key!r} is also given at {where} with "
            f"date {d or 'none'}, outcome {o or 'none'} (here: date {date or 'none'}, outcome {outcome or 'none'}); "
            "the graph keeps one ADOPTED edge with both rows as its evidence and the most frequent date and "
            "outcome (the earlier on a tie)"
        )
        self.warnings.append(ParseWarning("adoption-merged", msg, self.source, row.line))

    def duplicate(self, ident: tuple[str, ...], row: _Row) -> None:
        """Refuse a row that repeats an earlier row's identity (key, or adopter-measure-date)."""
        digest = _digest(ident)
        if digest in self.seen:
            first = self.seen[digest]
            where = f"line {first}" if first is not None else "an earlier item"
            raise _RowError("duplicate-row", f"repeats {ident[1]!r} already given at {where}; this row is skipped")
        self.seen[digest] = row.line

    # -- resolving names to nodes -----------------------------------------------------

    def zone_ref(self, name: str) -> NodeRef:
        """A zone by name or key (gazetteer, known sub-areas, this file); adds its entity."""
        return self._resolve("zone", name, self._zone_ref)

    def _zone_ref(self, name: str) -> NodeRef:
        key = self._zone_key(name)
        if key is None:
            hint = ""
            if (m := self.gaz.zone_fuzzy(name)) is not None:
                hint = f" (did you mean {self.gaz.zones[m.key].name!r}?)"
            elif self.gaz.province(name) is not None:
                hint = f" ({name!r} is a province; write '{name} PFTZ' for its zone)"
            else:
                hint = _suggest(name, [v[0] for v in self.known.zones.values()])
            raise _RowError("unknown-zone", f"unknown zone {name!r}{hint}")
        return self._zone_node(key)

    def _zone_key(self, name: str) -> str | None:
        if m := _NODE_ID_RE.match(name):
            return m.group(2) if m.group(1) == "Zone" and self._is_zone(m.group(2)) else None
        key = self.gaz.zone(name)
        if key is None:
            key = self.known.zone_names.get(normalize_name(name))
        if key is None and _ZONE_KEY_RE.match(name) and self._is_zone(name):
            key = name
        return key

    def _is_zone(self, key: str) -> bool:
        return key in self.gaz.zones or key in self.known.zones

    def _zone_node(self, key: str) -> NodeRef:
        if key in self.gaz.zones:
            z = self.gaz.zones[key]
            return self.node(Label.ZONE, key, z.name, kind=z.kind, province=z.province)
        name, props = self.known.zones[key]
        return self.node(Label.ZONE, key, name, kind=props.get("kind"), province=props.get("province"))

    def region_ref(self, key: str) -> NodeRef:
        """A province or scope region by key; adds its entity."""
        scopes = {v: k for k, v in SCOPE_REGION_KEYS.items()}
        if key in scopes:
            return self.node(Label.REGION, key, scopes[key].value, kind=RegionKind.SCOPE.value)
        return self.node(Label.REGION, key, self.gaz.provinces[key].name, kind=RegionKind.PROVINCE.value)

    def province_key(self, name: str) -> str:
        key = name if name in self.gaz.provinces else self.gaz.province(name)
        if key is None:
            hint = _suggest(name, [p.name for p in self.gaz.provinces.values()])
            raise _RowError("unknown-province", f"unknown province {name!r}{hint}")
        return key

    def adopter_ref(self, name: str) -> NodeRef:
        """A zone (``Hubei PFTZ``, a sub-area's key or name) or a province (``Shanxi``)."""
        return self._resolve("adopter", name, self._adopter_ref)

    def _adopter_ref(self, name: str) -> NodeRef:
        if m := _NODE_ID_RE.match(name):
            if m.group(1) == "Region" and m.group(2) in self.gaz.provinces:
                return self.region_ref(m.group(2))
            if m.group(1) == "Zone" and self._is_zone(m.group(2)):
                return self._zone_node(m.group(2))
            raise _RowError("unknown-adopter", f"unknown adopter {name!r} (no such node)")
        key = self.gaz.zone(name) or self.known.zone_names.get(normalize_name(name))
        if key is not None:
            return self._zone_node(key)
        if (pk := self.gaz.province(name)) is not None:
            return self.region_ref(pk)
        if _ZONE_KEY_RE.match(name) and self._is_zone(name):
            return self._zone_node(name)
        hint = ""
        if (m2 := self.gaz.zone_fuzzy(name)) is not None:
            hint = f" (did you mean {self.gaz.zones[m2.key].name!r}?)"
        raise _RowError("unknown-adopter", f"unknown adopter {name!r}: not a zone or province name{hint}")

    def body_ref(self, name: str) -> NodeRef:
        key = name if self.gaz.body_ref(name) is not None else self.gaz.body(name)
        ref = self.gaz.body_ref(key) if key else None
        if key is None or ref is None:
            hint = _suggest(name, [b.name for b in self.gaz.bodies.values()])
            raise _RowError("unknown-body", f"unknown issuing body {name!r}{hint}")
        return self.node(Label.ISSUING_BODY, key, ref.name, abbreviation=ref.abbreviation, level=ref.level)

    def measure_ref(self, text: str) -> NodeRef:
        """A measure by key or exact title (report or this file); adds its entity."""
        return self._resolve("measure", text, self._measure_ref)

    def _measure_ref(self, text: str) -> NodeRef:
        key = text if text in self.known.measures else None
        if key is None:
            keys = sorted(self.known.measure_titles.get(title_key(text), ()))
            if len(keys) > 1:
                msg = f"measure title {text!r} names {len(keys)} measures: use one of the keys {keys}"
                raise _RowError("ambiguous-measure", msg)
            key = keys[0] if keys else None
        if key is None:
            if ("measures", text) in self.skipped:
                where = self.skipped[("measures", text)]
                raise _RowError("unknown-measure", f"measure {text!r} was given at line {where}, but that row is bad")
            titles = {v[0]: k for k, v in self.known.measures.items()}
            best = process.extractOne(text, list(titles), scorer=fuzz.WRatio, score_cutoff=85)
            hint = ""
            if best:
                hint = f" (did you mean {titles[best[0]]!r}, {best[0]!r}?)"
            elif ":" in text:
                hint = _suggest(text, list(self.known.measures))
            raise _RowError(
                "unknown-measure",
                f"unknown measure {text!r}: not a key or title in this file or in the report{hint}",
            )
        name, props = self.known.measures[key]
        return self.node(Label.MEASURE, key, name, kind=props.get("kind"))

    def batch_ref(self, key: str) -> NodeRef:
        """A batch by key: a known one, or a new one whose key says what it is."""
        if key in self.known.batches:
            name, props = self.known.batches[key]
            return self.node(
                Label.BATCH, key, name, kind=props.get("kind"), level=props.get("level"), ordinal=props.get("ordinal")
            )
        m = _BATCH_KEY_RE.match(key)
        owner = m.group("owner") if m else None
        national = m is not None and m.group("level") == "national"
        if m is None or national == (owner is not None) or (owner and owner not in self.gaz.zones):
            hint = _suggest(key, list(self.known.batches))
            raise _RowError(
                "unknown-batch",
                f"unknown batch {key!r}: not in the report, and not a new batch key such as "
                f"'national:best-practices:6' or 'provincial:hubei:institutional-innovations:10'{hint}",
            )
        ordinal, kind = int(m.group("ordinal")), m.group("kind")
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(ordinal % 10 if ordinal > 20 else ordinal, "th")
        owner_name = f"{self.gaz.zones[owner].name}: " if owner else ""
        name = f"{owner_name}{ordinal}{suffix} batch of {kind.replace('-', ' ')}"
        return self.node(Label.BATCH, key, name, kind=kind, level=m.group("level"), ordinal=ordinal)

    def document_ref(self, text: str) -> NodeRef:
        """A document by number, key or exact title (report or this file); adds its entity."""
        key = self._document_key(text)
        if key is None:
            raise _RowError(
                "unknown-document",
                f"unknown document {text!r}: not a document number (such as 'G.H. [2024] No. 156'), "
                "nor a key or title of a document in this file or in the report",
            )
        if key in self.known.documents:
            name, props = self.known.documents[key]
            return self.node(Label.DOCUMENT, key, name, **{k: v for k, v in props.items() if k != "date"})
        number = _one_number(text)
        assert number is not None
        return self.node(
            Label.DOCUMENT,
            key,
            number.text,
            number=number.text,
            prefix=number.prefix,
            year=number.year,
            serial=number.serial,
        )

    def _document_key(self, text: str) -> str | None:
        if text in self.known.documents:
            return text
        try:
            number = _one_number(text)
        except _RowError:
            number = None
        if number is not None:
            return self.number_key(number)
        return self.known.doc_titles.get(title_key(text))

    def number_key(self, number: DocNumber) -> str:
        """The report's key of a document number (a number without a year resolves like the report's)."""
        if number.year is not None:
            return self.known.doc_numbers.get(number.key, number.key)
        full = self.known.doc_short.get((number.prefix, number.serial), set())
        if len(full) == 1:
            return next(iter(full))
        return f"n:{number.key}"


class _Problems(Exception):
    """Several problems of one row, raised together."""

    def __init__(self, problems: list[_RowError]) -> None:
        super().__init__(f"{len(problems)} problems")
        self.problems = problems


def _collect(*checks: Callable[[], Any]) -> list[Any]:
    """Run every check, returning their results; raise all their problems together."""
    out: list[Any] = []
    problems: list[_RowError] = []
    for check in checks:
        try:
            out.append(check())
        except _RowError as e:
            problems.append(e)
            out.append(None)
        except _Problems as e:
            problems.extend(e.problems)
            out.append(None)
    if problems:
        raise _Problems(problems)
    return out


def _each(names: Sequence[str], resolve: Callable[[str], NodeRef]) -> Callable[[], list[NodeRef]]:
    """A check resolving every name of a list, reporting every unknown one."""

    def check() -> list[NodeRef]:
        refs: list[NodeRef] = []
        problems: list[_RowError] = []
        for n in names:
            try:
                refs.append(resolve(n))
            except _RowError as e:
                problems.append(e)
        if problems:
            raise _Problems(problems)
        return refs

    return check


def _one_number(text: str) -> DocNumber | None:
    """Parse a document number cell: exactly one full number (or a year-less order or short number)."""
    if not text:
        return None
    found = find_numbers(text) or find_short_numbers(text)
    if not found:
        return None
    if len(found) > 1:
        shown = ", ".join(repr(m.number.text) for m in found)
        raise _RowError("bad-number", f"{text!r} holds {len(found)} document numbers ({shown}); give one per row")
    m = found[0]
    rest = (text[: m.start] + text[m.end :]).strip(" ()[];,.")
    if rest:
        raise _RowError(
            "bad-number",
            f"{text!r} is not only a document number (left over: {rest!r}); "
            "write it as the report does, e.g. 'G.H. [2024] No. 156' or 'MOC Order No. 1 in 2024'",
        )
    return m.number


def _require(row: _Row, *cols: str) -> None:
    missing = [c for c in cols if not row.values.get(c)]
    if missing:
        raise _RowError("missing-value", f"no value for {', '.join(missing)} (required)")


# --------------------------------------------------------------------------- the four kinds


def _zone_row(b: _Builder, row: _Row) -> None:
    v = row.values
    _require(row, "key")
    key = v["key"]
    if not _ZONE_KEY_RE.match(key):
        raise _RowError(
            "bad-key", f"bad zone key {key!r}: use lowercase letters, digits and '-' (a sub-area: 'parent/sub-area')"
        )
    b.duplicate(("zones", key), row)
    ref = b.gaz.zones.get(key)
    known = b.known.zones.get(key)

    def kind() -> str | None:
        if not v["kind"]:
            if ref is None and known is None:
                raise _RowError("missing-value", f"no kind for the new zone {key!r} (required)")
            return None
        k = _ZONE_KINDS.get(normalize_name(v["kind"]))
        if k is None:
            allowed = ", ".join(repr(x.value) for x in ZoneKind)
            raise _RowError("bad-kind", f"bad zone kind {v['kind']!r}: one of {allowed}")
        if ref is not None and k.value != ref.kind:
            raise _RowError("conflict", f"zone {key!r} is a {ref.kind} in the reference data, not a {k.value}")
        return k.value

    def province() -> str | None:
        if not v["province"]:
            if ref is None and known is None:
                raise _RowError("missing-value", f"no province for the new zone {key!r} (required)")
            return None
        pk = b.province_key(v["province"])
        if ref is not None and pk != ref.province:
            raise _RowError("conflict", f"zone {key!r} lies in {ref.province!r} in the reference data, not {pk!r}")
        parent_ref = b.gaz.zones.get(key.partition("/")[0]) if "/" in key else None
        if parent_ref is not None and pk != parent_ref.province:
            msg = f"sub-area {key!r} lies in {pk!r} but its zone {parent_ref.key!r} lies in {parent_ref.province!r}"
            raise _RowError("conflict", msg)
        return pk

    def name() -> str:
        if not v["name"] and ref is None and known is None:
            raise _RowError("missing-value", f"no name for the new zone {key!r} (required)")
        return v["name"] or (ref.name if ref else known[0] if known else key)

    def parent() -> str | None:
        head = key.partition("/")[0]
        if "/" in key and head not in b.gaz.zones:
            raise _RowError("unknown-zone", f"sub-area {key!r} names an unknown parent zone {head!r}")
        return head if "/" in key else None

    kind_v, prov_v, name_v, parent_v = _collect(kind, province, name, parent)
    kind_v = kind_v or (ref.kind if ref else known[1].get("kind") if known else None)
    prov_v = prov_v or (ref.province if ref else known[1].get("province") if known else None)
    z = b.node(Label.ZONE, key, name_v, kind=kind_v, province=prov_v)
    if ref is None and known is None and isinstance(prov_v, str):
        b.rel(Rel.LOCATED_IN, z, b.region_ref(prov_v))
    if parent_v:
        b.rel(Rel.PART_OF, z, b._zone_node(parent_v))


def _document_row(b: _Builder, row: _Row) -> None:
    v = row.values
    if not v["number"] and not v["title"]:
        raise _RowError("missing-value", "no number and no title: a document needs at least one")

    def number() -> DocNumber | None:
        n = _one_number(v["number"])
        if v["number"] and n is None:
            raise _RowError(
                "bad-number",
                f"{v['number']!r} is not a document number in a known format "
                "(e.g. 'G.H. [2024] No. 156', 'MOC Order No. 1 in 2024', 'G.Fa. No. 9')",
            )
        return n

    num, date, issuers, zones = _collect(
        number,
        lambda: _date(v["date"]),
        _each(_split(v["issuers"]), b.body_ref),
        _each(_split(v["zones"]), b.zone_ref),
    )
    title = v["title"] or None
    key = b.number_key(num) if num is not None else None
    if title and (key is None or key.startswith("n:")):
        # like the report loader: a title names the document when the number does not
        key = b.known.doc_titles.get(title_key(title)) or key or f"t:{slug(title, 80)}"
    assert key is not None
    b.duplicate(("documents", key), row)
    name = f"{title} ({num.text})" if title and num else title or (num.text if num else key)
    if key in b.known.documents and not title:
        name = b.known.documents[key][0]
    props: dict[str, PropValue] = {"title": title, "date": date}
    if num is not None:
        props |= {"number": num.text, "prefix": num.prefix, "year": num.year, "serial": num.serial}
        pref = _prefixes().get(num.prefix)
        if pref is not None and pref.certain:  # as the report loader: a blank is better than a guess
            props["number_zh"] = num.chinese(pref.name_zh)
    doc = b.node(Label.DOCUMENT, key, name, **props)
    for body in issuers:
        b.rel(Rel.ISSUED_BY, doc, body)
    for z in zones:
        b.rel(Rel.NAMES_ZONE, doc, z, role="named")


def _measure_row(b: _Builder, row: _Row) -> None:
    v = row.values
    _require(row, "key")
    key = v["key"]
    if not _MEASURE_KEY_RE.match(key):
        raise _RowError(
            "bad-key", f"bad measure key {key!r}: use letters, digits and . _ : / - (e.g. 'user:hubei:smart-customs')"
        )
    b.duplicate(("measures", key), row)
    known = b.known.measures.get(key)

    def kind() -> str | None:
        if not v["kind"]:
            if known is None:
                raise _RowError("missing-value", f"no kind for the new measure {key!r} (required)")
            return None
        k = _MEASURE_KINDS.get(normalize_name(v["kind"]))
        if k is None:
            allowed = ", ".join(repr(x.value) for x in MeasureKind)
            raise _RowError("bad-kind", f"bad measure kind {v['kind']!r}: one of {allowed}")
        if known is not None and known[1].get("kind") not in (None, k.value):
            raise _RowError("conflict", f"measure {key!r} is a {known[1].get('kind')} in the report, not a {k.value}")
        return k.value

    def title() -> None:
        if not v["title"] and known is None:
            raise _RowError("missing-value", f"no title for the new measure {key!r} (required)")

    def scope() -> Scope | None:
        if not v["scope"]:
            return None
        s = _SCOPES.get(normalize_name(v["scope"]))
        if s is None:
            allowed = ", ".join(repr(x.value) for x in Scope)
            raise _RowError("bad-scope", f"bad scope {v['scope']!r}: one of {allowed}")
        return s

    kind_v, _, scope_v, origins, batch, doc = _collect(
        kind,
        title,
        scope,
        _each(_split(v["origin_zones"]), b.zone_ref),
        lambda: b.batch_ref(v["batch"]) if v["batch"] else None,
        lambda: b.document_ref(v["document"]) if v["document"] else None,
    )
    kind_v = kind_v or (known[1].get("kind") if known else None)
    name = v["title"] or (known[0] if known else key)
    m = b.node(
        Label.MEASURE, key, name, kind=kind_v, title=v["title"] or None, scope=scope_v.value if scope_v else None
    )
    for z in origins:
        b.rel(Rel.ORIGINATED_IN, m, z)
    if batch is not None:
        b.rel(Rel.IN_BATCH, m, batch)
    if doc is not None:
        b.rel(Rel.PROMOTED_BY, m, doc)
    if scope_v in SCOPE_REGION_KEYS:
        b.rel(Rel.REPLICATED_TO, m, b.region_ref(SCOPE_REGION_KEYS[scope_v]), scope=scope_v.value)
    elif scope_v is Scope.PROVINCE_WIDE:
        for z in origins:
            province = b.known.zones.get(z.key, ("", {}))[1].get("province")
            if z.key in b.gaz.zones:
                province = b.gaz.zones[z.key].province
            if isinstance(province, str) and province in b.gaz.provinces:
                b.rel(Rel.REPLICATED_TO, m, b.region_ref(province), scope=scope_v.value)


def _adoption_row(b: _Builder, row: _Row) -> None:
    v = row.values
    _require(row, "adopter", "measure")
    adopter, measure, date, batch = _collect(
        lambda: b.adopter_ref(v["adopter"]),
        lambda: b.measure_ref(v["measure"]),
        lambda: _date(v["date"]),
        lambda: b.batch_ref(v["batch"]) if v["batch"] else None,
    )
    what = f"{adopter.label.value}:{adopter.key} -> {measure.key} ({date or 'no date'}, {v['outcome'] or 'no outcome'})"
    b.duplicate(("adoptions", what), row)
    b.adoption(adopter, measure, date, row)
    b.rel(
        Rel.ADOPTED,
        adopter,
        measure,
        date=date,
        outcome=v["outcome"] or None,
        batch=batch.key if batch is not None else None,
    )


_HANDLERS: dict[str, Callable[[_Builder, _Row], None]] = {
    "zones": _zone_row,
    "documents": _document_row,
    "measures": _measure_row,
    "adoptions": _adoption_row,
}


# --------------------------------------------------------------------------- CSV


def _kind_name(kind: str) -> str:
    k = kind.strip().lower()
    k = _KIND_ALIASES.get(k, k)
    if k not in COLUMNS:
        msg = f"unknown kind of user data {kind!r}: one of {', '.join(KINDS)}"
        raise UserDataError(msg)
    return k


def _expected() -> str:
    return "; ".join(f"{k}: {','.join(cols)}" for k, cols in COLUMNS.items())


def _header_kind(header: Sequence[str], source: str, kind: str | None) -> str:
    """Return the kind a header's columns make, or raise naming line 1 and the expected columns."""
    cols = [h.strip().lower() for h in header]
    found = set(cols)
    if kind is not None:
        want = COLUMNS[kind]
        if found == set(want) and len(cols) == len(want):
            return kind
        missing = [c for c in want if c not in found]
        unknown = [c for c in cols if c not in want]
        dup = sorted({c for c in cols if cols.count(c) > 1})
        parts = [f"missing {missing}" if missing else "", f"unknown {unknown}" if unknown else ""]
        parts.append(f"repeated {dup}" if dup else "")
        detail = "; ".join(p for p in parts if p)
        msg = f"the header is not that of {kind} data ({detail}); expected the columns {','.join(want)}"
        raise UserDataError(msg, source, 1)
    for k, want in COLUMNS.items():
        if found == set(want) and len(cols) == len(want):
            return k
    hint = ""
    if len(cols) == 1 and any(sep in cols[0] for sep in (";", "\t")):
        hint = " (the file seems to use ';' or tabs between columns: save it as comma-separated CSV)"
    shown = ",".join(h.strip() for h in header)[:200]
    msg = f"the header {shown!r} is not one of the user data kinds{hint}; expected the columns of one of: {_expected()}"
    raise UserDataError(msg, source, 1)


def parse_user_csv(
    text: str,
    source: str,
    kind: str | None = None,
    *,
    sha256: str | None = None,
    known: Sequence[ParsedReport] | None = None,
    gazetteer: Gazetteer | None = None,
) -> ParsedReport:
    """Parse a CSV file of user data into records with provenance.

    Parameters
    ----------
    text
        The CSV text (comma-separated, a header line first).
    source
        File name recorded in provenance and messages.
    kind
        ``"zones"``, ``"documents"``, ``"measures"`` or ``"adoptions"``; when
        omitted it is detected from the header's columns.
    sha256
        The sha256 of the file's bytes; computed from ``text`` when omitted.
    known
        Parsed reports whose measures, documents, batches and sub-areas the
        rows may refer to; by default the bundled report.
    gazetteer
        Name resolver; the curated default when omitted.

    Returns
    -------
    ParsedReport
        The records of the good rows; a ``ParseWarning`` (with the row's
        line) for every problem of a bad row, which is skipped. ``meta``
        holds the kind and the counts of rows read and skipped.

    Raises
    ------
    UserDataError
        The header is missing or is not that of a kind (line 1, with the
        expected columns), or the CSV cannot be read at all (its line).

    Examples
    --------
    >>> r = parse_user_csv("key,name,kind,province\\nhubei,Hubei PFTZ,PFTZ,Hubei\\n", "z.csv")
    >>> r.entities[0].key, dict(r.meta)["kind"]
    ('hubei', 'zones')
    """
    sha = sha256 or hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    want = _kind_name(kind) if kind is not None else None
    if not text.strip():
        msg = "the file is empty: a CSV of user data starts with a header line; expected the columns of one of: "
        raise UserDataError(msg + _expected(), source, 1)
    consumed: list[str] = []

    def lines() -> Iterator[str]:
        # slices of the text, one line at a time (io.StringIO would copy the whole text at 4 bytes a character)
        pos, end = 0, len(text)
        while pos < end:
            nl = text.find("\n", pos)
            nxt = end if nl < 0 else nl + 1
            ln = text[pos:nxt]
            pos = nxt
            consumed.append(ln)
            yield ln

    reader = csv.reader(lines(), strict=False)
    last, n_rows = 0, 0
    b: _Builder | None = None
    k, cols = "", []
    try:
        for cells in reader:  # streamed: a row is checked as it is read, nothing per row is kept
            start, last = last + 1, reader.line_num
            quote = "".join(consumed).strip()
            consumed.clear()
            if not (cells and any(c.strip() for c in cells)):
                continue
            if b is None:
                if start != 1:
                    msg = f"the header must be on line 1 (line 1 is blank, the first non-blank line is {start})"
                    raise UserDataError(msg, source, 1)
                k = _header_kind(cells, source, want)
                cols = [h.strip().lower() for h in cells]
                b = _Builder(source, sha, gazetteer or Gazetteer.default(), _start_known(known))
                continue
            n_rows += 1
            _csv_row(b, k, cols, cells, start, quote)
    except csv.Error as e:
        msg = f"cannot read the CSV: {e}"
        raise UserDataError(msg, source, last + 1) from e
    if b is None:
        msg = "no header line found; expected the columns of one of: " + _expected()
        raise UserDataError(msg, source, 1)
    return _report(b, source, sha, k, n_rows)


def _csv_row(b: _Builder, kind: str, cols: list[str], cells: list[str], line: int, quote: str) -> None:
    """Check one CSV row; an exact repeat of an earlier row is folded into that row's repeat count."""
    if b.repeated((kind, *cells), line):
        return
    if len(cells) != len(cols):
        b.warnings.append(
            ParseWarning(
                "bad-row",
                f"row at line {line}: has {len(cells)} cells but the header has {len(cols)} "
                f"({','.join(cols)}); a comma too many or too few (quote cells that hold commas)",
                b.source,
                line,
            )
        )
        return
    raw_values = dict(zip(cols, cells, strict=True))
    row = _Row({c: _clean(x) for c, x in raw_values.items()}, line, quote, f"row at line {line}")
    b.invisible(row, raw_values)
    b.run(kind, row, functools.partial(_HANDLERS[kind], b))


def _start_known(known: Sequence[ParsedReport] | None) -> _Known:
    return (_bundled_known() if known is None else _known_from(known)).copy()


def _report(b: _Builder, source: str, sha: str, kind: str, n_rows: int) -> ParsedReport:
    bad = len({w.line for w in b.warnings if w.code not in NOTICES}) + sum(n for n, *_ in b.repeats.values())
    b.warnings.extend(b.repeat_warnings())
    b.warnings.extend(b.notice_summaries())
    b.warnings.sort(key=lambda w: (w.line is None, w.line or 0))
    meta = (("kind", kind), ("rows", str(n_rows)), ("rows_skipped", str(bad)), ("section", USER_SECTION))
    return ParsedReport(
        source=source,
        sha256=sha,
        entities=tuple(b.entities),
        relations=tuple(b.relations),
        warnings=tuple(b.warnings),
        meta=meta,
    )


# --------------------------------------------------------------------------- JSON


def _item_offsets(text: str) -> dict[str, list[int]]:
    """Return the character offset of every item of each top-level array.

    Walks the (already validated) JSON text with the standard scanner, which
    gives each value's end; the offsets become line numbers. Returns ``{}`` if
    the walk fails, so that messages fall back to item numbers.
    """
    scan = json.JSONDecoder().raw_decode
    ws = re.compile(r"[ \t\n\r]*")
    out: dict[str, list[int]] = {}
    try:
        i = ws.match(text, 0).end()  # type: ignore[union-attr]
        if text[i] != "{":
            return {}
        i = ws.match(text, i + 1).end()  # type: ignore[union-attr]
        while text[i] != "}":
            key, i = scan(text, i)
            i = ws.match(text, i).end()  # type: ignore[union-attr]
            i = ws.match(text, i + 1).end()  # type: ignore[union-attr]  # past ':'
            if text[i] == "[":
                starts: list[int] = []
                i = ws.match(text, i + 1).end()  # type: ignore[union-attr]
                while text[i] != "]":
                    starts.append(i)
                    _, i = scan(text, i)
                    i = ws.match(text, i).end()  # type: ignore[union-attr]
                    if text[i] == ",":
                        i = ws.match(text, i + 1).end()  # type: ignore[union-attr]
                i += 1
                out[str(key)] = starts  # json.loads keeps the last of repeated keys, so do we
            else:
                _, i = scan(text, i)
            i = ws.match(text, i).end()  # type: ignore[union-attr]
            if text[i] == ",":
                i = ws.match(text, i + 1).end()  # type: ignore[union-attr]
    except (StopIteration, IndexError, ValueError, RecursionError):
        return {}
    return out


_SURROGATE_RE = re.compile("[\ud800-\udfff]")


class _RepeatedKeyError(ValueError):
    """A JSON object repeats a key (raised by :func:`_no_repeated_keys`)."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _no_repeated_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):
        seen: set[str] = set()
        for k, _ in pairs:
            if k in seen:
                raise _RepeatedKeyError(k)
            seen.add(k)
    return out


def _repeated_key_line(text: str, key: str) -> int | None:
    """The line of the first key repeated within one object (walked with the standard scanner)."""
    scan = json.JSONDecoder().raw_decode
    ws = re.compile(r"[ \t\n\r]*")

    def skip(i: int) -> int:
        return ws.match(text, i).end()  # type: ignore[union-attr]

    def value(i: int) -> int:
        """Walk the value at ``i``; return its end, raising _RepeatedKeyError at the repeated key."""
        if text[i] == "{":
            keys: set[str] = set()
            i = skip(i + 1)
            while text[i] != "}":
                at = i
                k, i = json.decoder.scanstring(text, i + 1)  # type: ignore[attr-defined]
                if k in keys:
                    raise _Found(at)
                keys.add(k)
                i = skip(skip(i) + 1)  # past ':'
                i = skip(value(i))
                if text[i] == ",":
                    i = skip(i + 1)
            return i + 1
        if text[i] == "[":
            i = skip(i + 1)
            while text[i] != "]":
                i = skip(value(i))
                if text[i] == ",":
                    i = skip(i + 1)
            return i + 1
        return scan(text, i)[1]

    try:
        value(skip(0))
    except _Found as f:
        return text.count("\n", 0, f.at) + 1
    except (StopIteration, IndexError, ValueError, RecursionError):
        return None
    return None


class _Found(Exception):
    def __init__(self, at: int) -> None:
        super().__init__(at)
        self.at = at


def _json_value(name: str, value: Any) -> str:
    """A JSON field as text: strings, integers, lists of strings (for list fields); else a problem."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if name in LIST_FIELDS and isinstance(value, list) and all(isinstance(x, str) for x in value):
        return ";".join(value)
    what = "a string or a list of strings" if name in LIST_FIELDS else "a string"
    raise _RowError("bad-type", f"field {name!r} must be {what}, not {type(value).__name__}")


def parse_user_json(
    text: str,
    source: str,
    *,
    sha256: str | None = None,
    known: Sequence[ParsedReport] | None = None,
    gazetteer: Gazetteer | None = None,
) -> ParsedReport:
    """Parse the JSON form of user data into records with provenance.

    The file is an object ``{"format": "pftz-user/1", "zones": [...],
    "documents": [...], "measures": [...], "adoptions": [...]}`` (each list
    optional) whose items are objects with the fields of the CSV columns
    (fields left out are blank; list fields may be JSON lists). Kinds are read
    in that order, so an adoption may refer to a measure of the same file.

    Parameters
    ----------
    text
        The JSON text.
    source
        File name recorded in provenance and messages.
    sha256
        The sha256 of the file's bytes; computed from ``text`` when omitted.
    known
        Parsed reports the items may refer to; by default the bundled report.
    gazetteer
        Name resolver; the curated default when omitted.

    Returns
    -------
    ParsedReport
        The records of the good items; a ``ParseWarning`` for every problem of
        a bad item (``"adoptions item 3: ..."``, with the line where the item
        starts), which is skipped.

    Raises
    ------
    UserDataError
        Not JSON (with the line of the syntax error), not an object, a missing
        or other ``format``, an unknown top-level key, or a section that is
        not a list.
    """
    sha = sha256 or hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    text = text.removeprefix("\ufeff")
    if not text.strip():
        msg = f'the file is empty: expected a JSON object {{"format": "{FORMAT}", "adoptions": [...], ...}}'
        raise UserDataError(msg, source, 1)
    try:
        data = json.loads(text, object_pairs_hook=_no_repeated_keys)
    except _RepeatedKeyError as e:
        line = _repeated_key_line(text, e.key)
        msg = f"the key {e.key!r} is given twice in one object (JSON keeps only one of the values)"
        raise UserDataError(msg, source, line) from None
    except json.JSONDecodeError as e:
        msg = f"not valid JSON: {e.msg} (column {e.colno})"
        raise UserDataError(msg, source, e.lineno) from e
    except (ValueError, RecursionError) as e:
        msg = f"cannot read the JSON: {e}"
        raise UserDataError(msg, source, 1) from e
    if not isinstance(data, dict):
        msg = f'expected a JSON object {{"format": "{FORMAT}", ...}}, found a {type(data).__name__}'
        raise UserDataError(msg, source, 1)
    if data.get("format") != FORMAT:
        msg = f'"format" must be "{FORMAT}" (found {data.get("format")!r})'
        raise UserDataError(msg, source, 1)
    unknown = sorted(set(data) - {"format", *KINDS})
    if unknown:
        msg = f"unknown top-level keys {unknown}; expected format, {', '.join(KINDS)}"
        raise UserDataError(msg, source, 1)
    for k in KINDS:
        if not isinstance(data.get(k, []), list):
            msg = f"{k!r} must be a list of objects, not {type(data[k]).__name__}"
            raise UserDataError(msg, source, 1)
    offsets = _item_offsets(text)
    newlines = [m.start() for m in re.finditer("\n", text)]
    b = _Builder(source, sha, gazetteer or Gazetteer.default(), _start_known(known))
    n = 0
    for k in KINDS:
        starts = offsets.get(k, [])
        for i, item in enumerate(data.get(k, []), start=1):
            n += 1
            line = bisect.bisect_right(newlines, starts[i - 1]) + 1 if i <= len(starts) else None
            where = f"{k} item {i}" + (f" (line {line})" if line is not None else "")
            quote = json.dumps(item, ensure_ascii=False)
            if _SURROGATE_RE.search(quote):  # a lone surrogate cannot be written as UTF-8: keep its escape
                quote = json.dumps(item, ensure_ascii=True)
            row = _Row({}, line, quote, where)
            b.run(k, row, functools.partial(_json_item, b, k, item=item))
    kinds = "+".join(k for k in KINDS if data.get(k))
    return _report(b, source, sha, kinds or "empty", n)


def _json_item(b: _Builder, kind: str, row: _Row, *, item: Any) -> None:
    if not isinstance(item, dict):
        raise _RowError("bad-type", f"expected an object with the fields {', '.join(COLUMNS[kind])}")
    unknown = sorted(set(item) - set(COLUMNS[kind]))
    if unknown:
        raise _RowError("unknown-field", f"unknown fields {unknown}; {kind} have {', '.join(COLUMNS[kind])}")
    values = _collect(*(lambda c=c: _json_value(c, item.get(c)) for c in COLUMNS[kind]))
    raw = dict(zip(COLUMNS[kind], values, strict=True))
    b.invisible(row, raw)
    row.values.update({c: _clean(v) for c, v in raw.items()})
    _HANDLERS[kind](b, row)


# --------------------------------------------------------------------------- files


def _decode(data: bytes, path: str) -> str:
    """Decode user data bytes as UTF-8 text (:func:`ground.text.decode_text`), rejecting what is not text."""
    return decode_text(
        data,
        path,
        error=UserDataError,
        expected="CSV or JSON text",
        advice="save it as UTF-8 (in Excel: 'CSV UTF-8')",
    )


def load_user_data(
    path: str | Path,
    *,
    strict: bool = False,
    kind: str | None = None,
    known: Sequence[ParsedReport] | None = None,
) -> ParsedReport:
    """Read a CSV or JSON file of user data and parse it.

    Parameters
    ----------
    path
        A ``.csv`` file (one kind, detected from its header) or a ``.json``
        file (format ``pftz-user/1``).
    strict
        Raise :class:`~ground.errors.UserDataError` listing every bad row
        instead of skipping them; nothing is loaded.
    kind
        The kind of a CSV file, when it should not be detected.
    known
        Parsed reports the rows may refer to; by default the bundled report.

    Returns
    -------
    ParsedReport
        See :func:`parse_user_csv`; ``source`` is the file name and
        ``sha256`` the hash of its bytes.

    Raises
    ------
    UserDataError
        The file cannot be read, is empty, binary, UTF-16 or not UTF-8 (with
        the line), has another extension, a bad header; with ``strict``, any
        bad row.
    """
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix not in (".csv", ".json"):
        msg = f"user data must be a .csv or .json file, not {suffix or 'a file without extension'!r}"
        raise UserDataError(msg, str(p))
    try:
        data = p.read_bytes()
    except OSError as e:
        msg = f"cannot read the file: {e.strerror or e}"
        raise UserDataError(msg, str(p)) from e
    text = _decode(data, str(p))
    sha = hashlib.sha256(data).hexdigest()
    del data  # the text is all that is read from now on; a large file is not held twice
    try:
        if suffix == ".json":
            report = parse_user_json(text, p.name, sha256=sha, known=known)
        else:
            report = parse_user_csv(text, p.name, kind, sha256=sha, known=known)
    except UserDataError as e:
        raise UserDataError(e.msg, str(p), e.line) from e
    if strict and report.warnings:
        lines = sorted({w.line for w in report.warnings}, key=lambda x: (x is None, x or 0))
        shown = "\n  ".join(f"{p}:{w.line}: [{w.code}] {w.message}" for w in report.warnings[:_MAX_SHOWN])
        more = len(report.warnings) - _MAX_SHOWN
        tail = f"\n  ... and {more} more" if more > 0 else ""
        rows = f"{len(lines)} bad row{'s' if len(lines) != 1 else ''}"
        problems = f"{len(report.warnings)} problem{'s' if len(report.warnings) != 1 else ''}"
        msg = f"{rows} ({problems}); nothing was loaded (strict):\n  {shown}{tail}"
        raise UserDataError(msg, str(p), lines[0])
    return report
