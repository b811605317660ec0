"""The checks of user data (:mod:`loaders.userdata`): one row at a time, every problem collected.

The columns of each kind, the names a row may use (the report's zones, documents and measures,
and what earlier rows of the same file added), and :class:`_Builder`, which checks a row, resolves
its names to the report's keys and accumulates its records; a row with any problem adds nothing and
becomes one :class:`~loaders.records.ParseWarning` naming its line.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz, process

from pftz.ground.dates import parse_iso
from pftz.ground.names import normalize_name
from pftz.ground.schema import SCOPE_REGION_KEYS, Label, MeasureKind, RegionKind, Rel, Scope, ZoneKind
from pftz.ground.text import codepoint_names, invisible_chars, remove_invisible
from pftz.loaders.documents import DocNumber, find_numbers, find_short_numbers, title_key
from pftz.loaders.gazetteer import Gazetteer
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
from pftz.loaders.reference import load_prefixes
from pftz.loaders.reference_rows import PrefixRef
from pftz.loaders.report import load_report

__all__ = ["COLUMNS", "KINDS"]


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
