"""Curated reference data: zones, provinces, issuing bodies, document prefixes.

The files under ``data/reference/`` hold facts that the report does not state
(Chinese names, establishment dates, coordinates, the Chinese form of document
number prefixes), each row with its source; ``data/reference/SOURCES.md``
describes them. This module reads them into frozen records and builds a
:class:`Gazetteer` that resolves the many English spellings of a zone, a
province or a body to one key, and finds their mentions in free text.

Each file has a pure ``parse_*`` function (text in, records out) and a thin
``load_*`` function that reads the file. A bad row raises
:class:`~ground.errors.ReferenceDataError` naming the file and the line; all
problems of a file are reported together.

Examples
--------
>>> gaz = Gazetteer.default()
>>> gaz.zone("China (Shanghai) Pilot Free Trade Zone")
'shanghai'
>>> [m.key for m in gaz.find_zones("Beijing PFTZ, Shanghai PFTZ, as well as Hainan FTP")]
['beijing', 'shanghai', 'hainan-ftp']
"""

from __future__ import annotations

import bisect
import csv
import functools
import hashlib
import io
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from rapidfuzz import fuzz, process

from pftz.ground.dates import PartialDate, parse_iso
from pftz.ground.errors import ReferenceDataError
from pftz.ground.names import (
    CASE_SPECIALS,
    NAME_LEFT,
    NAME_RIGHT,
    WORD_START,
    name_alternation,
    name_anchors,
    name_heads,
    normalize_name,
)
from pftz.ground.schema import SCOPE_REGION_KEYS, Label, RegionKind, Rel, ZoneKind
from pftz.ground.text import decode_text
from pftz.loaders.manifest import REFERENCE_DIR as REFERENCE_DIR  # the path lives in the light manifest module
from pftz.loaders.records import Entity, NodeRef, ParsedReport, PropValue, Provenance, Relation, freeze_props

ZONES_FILE = "zones.csv"
PROVINCES_FILE = "provinces.csv"
BODIES_FILE = "bodies.csv"
PREFIXES_FILE = "doc_prefixes.csv"
SCOPES_FILE = "scopes.csv"
AREAS_FILE = "areas.csv"
CITIES_FILE = "cities.csv"

ZONE_HEADER = ("key", "name", "kind", "province", "name_zh", "established", "lat", "lon", "aliases", "source")
PROVINCE_HEADER = ("key", "name", "kind", "name_zh", "lat", "lon", "aliases", "source")
BODY_HEADER = ("key", "name", "abbreviation", "name_zh", "level", "aliases", "source")
PREFIX_HEADER = ("prefix", "name_zh", "issuer", "certain", "source")
SCOPE_HEADER = ("key", "name", "source")
AREA_HEADER = ("key", "name", "zone", "name_zh", "established", "standalone", "aliases", "source")

REFERENCE_SECTION = "reference data"
"""``section`` of the provenance of reference records."""

NON_MAINLAND_DIVISIONS = frozenset({"SAR"})
"""provinces.csv kinds outside the mainland (Hong Kong, Macao)."""

NON_MAINLAND_PROVINCES = frozenset({"taiwan"})
"""provinces.csv keys outside the mainland although GB/T 2260 lists them as provinces."""

PROVINCE_KINDS = ("province", "municipality", "autonomous region", "SAR")
CITY_HEADER = ("key", "name", "kind", "province", "name_zh", "aliases", "source")
CITY_KINDS = ("prefecture-level city", "county-level city", "county", "autonomous prefecture")
"""Allowed ``kind`` values of cities.csv."""
"""Allowed ``kind`` values of provinces.csv."""

BODY_LEVELS = ("party", "state-council", "ministry", "agency", "judicial", "local")
"""Allowed ``level`` values of bodies.csv (``local`` is used by generated governments)."""

GOVERNMENT_PREFIX = "gov-"
"""Prefix of the generated keys of provincial people's governments (``gov-zhejiang``)."""

_NO_PEOPLES_GOVERNMENT = frozenset({"taiwan"})
"""Provincial-level divisions without a people's government (besides the SARs)."""

_KEY_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


# --------------------------------------------------------------------------- records


@dataclass(frozen=True, slots=True)
class ZoneRef:
    """A PFTZ or free trade port as curated in zones.csv.

    Parameters
    ----------
    key
        Lowercase slug (``"shanghai"``, ``"hainan-ftp"``).
    name
        Canonical English name (``"Shanghai PFTZ"``).
    kind
        A :class:`ground.schema.ZoneKind` value (``"PFTZ"`` or ``"FTP"``).
    province
        Key of the province in provinces.csv.
    name_zh
        Chinese name, or ``""`` if not curated.
    established
        Establishment date at the precision curated (see SOURCES.md for the
        convention), if known.
    lat, lon
        Approximate coordinates, if known.
    aliases
        Other English spellings.
    """

    key: str
    name: str
    kind: str
    province: str
    name_zh: str
    established: PartialDate | None
    lat: float | None
    lon: float | None
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CityRef:
    """A city or county below the provincial level, as curated in cities.csv.

    Parameters
    ----------
    key
        Lower-case romanised name (``kunshan``).
    name
        English name as the standard prints it (``Kunshan``).
    kind
        One of :data:`CITY_KINDS`.
    province
        Key of its province in provinces.csv.
    name_zh
        Chinese name (``昆山市``).
    aliases
        Other printed forms (``Kunshan City``).
    """

    key: str
    name: str
    kind: str
    province: str
    name_zh: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ProvinceRef:
    """A provincial-level division as curated in provinces.csv.

    Parameters
    ----------
    key
        Lowercase slug (``"shaanxi"``, ``"inner-mongolia"``).
    name
        Short English name (``"Shaanxi"``).
    kind
        One of :data:`PROVINCE_KINDS`.
    name_zh
        Chinese name (``"陕西省"``).
    lat, lon
        Approximate coordinates of the capital, if known.
    aliases
        Other English spellings (``"Shaanxi Province"``).
    """

    key: str
    name: str
    kind: str
    name_zh: str
    lat: float | None
    lon: float | None
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class BodyRef:
    """A central issuing body as curated in bodies.csv, or a generated government.

    Parameters
    ----------
    key
        Lowercase slug (``"mofcom"``, ``"gov-zhejiang"``).
    name
        Official English name.
    abbreviation
        Usual English abbreviation, or ``""``.
    name_zh
        Chinese name, or ``""``.
    level
        One of :data:`BODY_LEVELS`.
    aliases
        Other English spellings and abbreviations.
    """

    key: str
    name: str
    abbreviation: str
    name_zh: str
    level: str
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PrefixRef:
    """A romanised document-number prefix as curated in doc_prefixes.csv.

    Parameters
    ----------
    prefix
        The prefix as the report writes it (``"G.Fa."``).
    name_zh
        The Chinese prefix (``"国发"``), or ``""`` when not certain.
    issuer
        Key of the issuing body in bodies.csv, or ``""``.
    certain
        Whether the Chinese form is certain.
    """

    prefix: str
    name_zh: str
    issuer: str
    certain: bool


@dataclass(frozen=True, slots=True)
class ScopeRef:
    """A replication scope as listed in scopes.csv.

    Parameters
    ----------
    key
        The scope Region's key (``"nationwide"``).
    name
        A :class:`ground.schema.Scope` value (``"Nationwide"``).
    """

    key: str
    name: str


@dataclass(frozen=True, slots=True)
class AreaRef:
    """An area (片区) of a PFTZ, or a key park of Hainan FTP, as curated in areas.csv.

    Parameters
    ----------
    key
        The Zone node's key: the zone's key, ``/``, the area's slug
        (``"shanghai/lin-gang-special-area"``).
    name
        Canonical English name (``"Lin-gang Special Area"``).
    zone
        Key of its PFTZ (or of Hainan FTP) in zones.csv.
    name_zh
        Chinese name, or ``""``.
    established
        When the area became part of its zone (see SOURCES.md), if known.
    standalone
        Whether the name alone denotes the area in a text (``"Qianhai"``);
        otherwise it is read only with its zone (``"Central Area of Shaanxi PFTZ"``).
    aliases
        Other printed English forms.
    """

    key: str
    name: str
    zone: str
    name_zh: str
    established: PartialDate | None
    standalone: bool
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of text that names a zone, province or body.

    Parameters
    ----------
    key
        Key of the zone, province or body.
    start, end
        Character offsets in the scanned text (``text[start:end]``).
    text
        The matched text.
    """

    key: str
    start: int
    end: int
    text: str


class ZoneMatch(NamedTuple):
    """Result of :meth:`Gazetteer.zone_fuzzy`: a ``(key, score)`` pair.

    ``score`` is 100 for an exact match; anything less is a guess the caller
    should report as a warning (:attr:`fuzzy`).
    """

    key: str
    score: float

    @property
    def fuzzy(self) -> bool:
        """Whether the match is a guess rather than an exact resolution."""
        return self.score < 100.0


# --------------------------------------------------------------------------- parsing

_Problem = tuple[int, str]


def _raise_problems(problems: list[_Problem], path: str) -> None:
    """Raise one :class:`ReferenceDataError` listing every problem, if any."""
    if not problems:
        return
    problems = sorted(problems)
    if len(problems) == 1:
        line, msg = problems[0]
    else:
        line = problems[0][0]
        msg = f"{len(problems)} problems: " + "; ".join(f"line {ln}: {m}" for ln, m in problems)
    raise ReferenceDataError(msg, path, line)


def _read_table(text: str, path: str, header: Sequence[str]) -> tuple[list[tuple[int, dict[str, str]]], list[_Problem]]:
    """Split CSV text into ``(line, row)`` pairs after checking the header.

    Blank lines are skipped. Rows with the wrong number of fields are returned
    as problems. A wrong header raises at once: nothing after it can be read.
    """
    reader = csv.reader(io.StringIO(text))
    try:
        first = next(reader)
    except StopIteration:
        msg = "file is empty; expected a header line"
        raise ReferenceDataError(msg, path, 1) from None
    except csv.Error as e:
        msg = f"unreadable CSV: {e}"
        raise ReferenceDataError(msg, path, 1) from e
    found = [h.strip().lstrip("\ufeff") for h in first]
    if found != list(header):
        msg = f"wrong header {','.join(found)!r}; expected {','.join(header)!r}"
        raise ReferenceDataError(msg, path, 1)
    rows: list[tuple[int, dict[str, str]]] = []
    problems: list[_Problem] = []
    last = reader.line_num
    while True:
        start = last + 1
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as e:
            msg = f"unreadable CSV: {e}"
            raise ReferenceDataError(msg, path, reader.line_num) from e
        last = reader.line_num
        if not any(c.strip() for c in record):
            continue
        if len(record) != len(header):
            problems.append((start, f"expected {len(header)} fields, found {len(record)}"))
            continue
        rows.append((start, dict(zip(header, (c.strip() for c in record), strict=True))))
    return rows, problems


def _check_key(row: dict[str, str], column: str, line: int, seen: set[str], problems: list[_Problem]) -> bool:
    """Check a slug key column for form and uniqueness; return whether it is usable."""
    key = row[column]
    if not _KEY_RE.match(key):
        problems.append((line, f"bad {column} {key!r} (expected a lowercase slug such as 'inner-mongolia')"))
        return False
    if key in seen:
        problems.append((line, f"duplicate {column} {key!r}"))
        return False
    seen.add(key)
    return True


def _require(row: dict[str, str], columns: Iterable[str], line: int, problems: list[_Problem]) -> bool:
    """Check that the given columns are not empty."""
    ok = True
    for col in columns:
        if not row[col]:
            problems.append((line, f"empty {col}"))
            ok = False
    return ok


def _float(value: str, column: str, limit: float, line: int, problems: list[_Problem]) -> float | None:
    """Parse an optional coordinate, recording a problem when it is bad."""
    if not value:
        return None
    try:
        x = float(value)
    except ValueError:
        problems.append((line, f"bad {column} {value!r} (expected a number)"))
        return None
    if not math.isfinite(x) or abs(x) > limit:
        problems.append((line, f"bad {column} {value!r} (expected a number between -{limit:g} and {limit:g})"))
        return None
    return x


def _date(value: str, column: str, line: int, problems: list[_Problem]) -> PartialDate | None:
    """Parse an optional date, recording a problem when it is bad."""
    if not value:
        return None
    d = parse_iso(value)
    if d is None:
        problems.append((line, f"bad {column} {value!r} (expected a date YYYY-MM-DD, YYYY-MM or YYYY)"))
    return d


def _aliases(value: str) -> tuple[str, ...]:
    """Split a ``;``-separated alias cell, dropping empty items."""
    return tuple(a.strip() for a in value.split(";") if a.strip())


def parse_provinces(text: str, path: str = PROVINCES_FILE) -> dict[str, ProvinceRef]:
    """Parse the text of provinces.csv.

    Parameters
    ----------
    text
        The CSV text.
    path
        The file name used in error messages.

    Returns
    -------
    dict[str, ProvinceRef]
        Provinces by key, in file order.

    Raises
    ------
    ReferenceDataError
        On a wrong header or any bad row (all bad rows listed together).
    """
    rows, problems = _read_table(text, path, PROVINCE_HEADER)
    out: dict[str, ProvinceRef] = {}
    seen: set[str] = set()
    for line, row in rows:
        n = len(problems)
        _check_key(row, "key", line, seen, problems)
        _require(row, ("name", "source"), line, problems)
        if row["kind"] not in PROVINCE_KINDS:
            problems.append((line, f"bad kind {row['kind']!r} (expected one of {', '.join(PROVINCE_KINDS)})"))
        lat = _float(row["lat"], "lat", 90, line, problems)
        lon = _float(row["lon"], "lon", 180, line, problems)
        if len(problems) == n:
            out[row["key"]] = ProvinceRef(
                row["key"], row["name"], row["kind"], row["name_zh"], lat, lon, _aliases(row["aliases"])
            )
    _raise_problems(problems, path)
    return out


def parse_cities(
    text: str, path: str = CITIES_FILE, provinces: Mapping[str, ProvinceRef] | None = None
) -> dict[str, CityRef]:
    """Parse the text of cities.csv.

    Parameters
    ----------
    text
        The CSV text.
    path
        The file name used in error messages.
    provinces
        Known provinces; when given, every city's ``province`` must be one of them.

    Returns
    -------
    dict[str, CityRef]
        Cities and counties by key, in file order.

    Raises
    ------
    ReferenceDataError
        On a wrong header or any bad row (all bad rows listed together).
    """
    rows, problems = _read_table(text, path, CITY_HEADER)
    out: dict[str, CityRef] = {}
    seen: set[str] = set()
    for line, row in rows:
        n = len(problems)
        _check_key(row, "key", line, seen, problems)
        _require(row, ("name", "province", "name_zh", "source"), line, problems)
        if row["kind"] not in CITY_KINDS:
            problems.append((line, f"bad kind {row['kind']!r} (expected one of {', '.join(CITY_KINDS)})"))
        if provinces is not None and row["province"] not in provinces:
            problems.append((line, f"unknown province key {row['province']!r} (not in provinces.csv)"))
        if len(problems) == n:
            out[row["key"]] = CityRef(
                row["key"], row["name"], row["kind"], row["province"], row["name_zh"], _aliases(row["aliases"])
            )
    _raise_problems(problems, path)
    return out


def load_cities(
    path: str | Path | None = None, provinces: Mapping[str, ProvinceRef] | None = None
) -> dict[str, CityRef]:
    """Read cities.csv (by default the one in :data:`REFERENCE_DIR`).

    Parameters
    ----------
    path
        The file to read.
    provinces
        Provinces to check against.

    Returns
    -------
    dict[str, CityRef]
        Cities and counties by key.

    Raises
    ------
    ReferenceDataError
        If the file cannot be read or has bad rows.
    """
    p = Path(path) if path is not None else REFERENCE_DIR / CITIES_FILE
    return parse_cities(_read_text(p), str(p), provinces)


def parse_zones(
    text: str, path: str = ZONES_FILE, provinces: Mapping[str, ProvinceRef] | None = None
) -> dict[str, ZoneRef]:
    """Parse the text of zones.csv.

    Parameters
    ----------
    text
        The CSV text.
    path
        The file name used in error messages.
    provinces
        Known provinces; when given, every zone's ``province`` must be one of them.

    Returns
    -------
    dict[str, ZoneRef]
        Zones by key, in file order.

    Raises
    ------
    ReferenceDataError
        On a wrong header or any bad row: bad key, duplicate key, unknown kind,
        unknown province, bad date, bad coordinate, missing name or source.
    """
    rows, problems = _read_table(text, path, ZONE_HEADER)
    kinds = {k.value for k in ZoneKind}
    out: dict[str, ZoneRef] = {}
    seen: set[str] = set()
    for line, row in rows:
        n = len(problems)
        _check_key(row, "key", line, seen, problems)
        _require(row, ("name", "province", "source"), line, problems)
        if row["kind"] not in kinds:
            problems.append((line, f"bad kind {row['kind']!r} (expected one of {', '.join(sorted(kinds))})"))
        if provinces is not None and row["province"] and row["province"] not in provinces:
            problems.append((line, f"unknown province key {row['province']!r} (not in provinces.csv)"))
        established = _date(row["established"], "established", line, problems)
        lat = _float(row["lat"], "lat", 90, line, problems)
        lon = _float(row["lon"], "lon", 180, line, problems)
        if len(problems) == n:
            out[row["key"]] = ZoneRef(
                row["key"],
                row["name"],
                row["kind"],
                row["province"],
                row["name_zh"],
                established,
                lat,
                lon,
                _aliases(row["aliases"]),
            )
    _raise_problems(problems, path)
    return out


def parse_areas(text: str, path: str = AREAS_FILE, zones: Mapping[str, ZoneRef] | None = None) -> dict[str, AreaRef]:
    """Parse the text of areas.csv.

    Parameters
    ----------
    text
        The CSV text.
    path
        The file name used in error messages.
    zones
        Known zones; when given, every area's ``zone`` must be one of them.

    Returns
    -------
    dict[str, AreaRef]
        Areas by node key (``"<zone>/<key>"``), in file order.

    Raises
    ------
    ReferenceDataError
        On a wrong header or any bad row: bad or duplicate key, unknown zone,
        bad date, ``standalone`` not ``yes``/``no``, missing name or source.

    Examples
    --------
    >>> head = "key,name,zone,name_zh,established,standalone,aliases,source"
    >>> a = parse_areas(head + chr(10) + "hengqin-area,Hengqin Area,guangdong,,2015-04-20,yes,Hengqin,plan")
    >>> a["guangdong/hengqin-area"].aliases
    ('Hengqin',)
    """
    rows, problems = _read_table(text, path, AREA_HEADER)
    out: dict[str, AreaRef] = {}
    seen: set[str] = set()
    for line, row in rows:
        n = len(problems)
        row["key"] = f"{row['zone']}/{row['key']}" if _KEY_RE.match(row["key"]) else row["key"]
        if not re.fullmatch(r"[a-z0-9-]+/[a-z0-9]+(?:-[a-z0-9]+)*", row["key"]):
            problems.append((line, f"bad key {row['key']!r} (expected a lowercase slug such as 'hengqin-area')"))
        elif row["key"] in seen:
            problems.append((line, f"duplicate key {row['key']!r}"))
        seen.add(row["key"])
        _require(row, ("name", "zone", "source"), line, problems)
        if zones is not None and row["zone"] and row["zone"] not in zones:
            problems.append((line, f"unknown zone key {row['zone']!r} (not in zones.csv)"))
        if row["standalone"] not in ("yes", "no"):
            problems.append((line, f"bad standalone {row['standalone']!r} (expected yes or no)"))
        established = _date(row["established"], "established", line, problems)
        if len(problems) == n:
            out[row["key"]] = AreaRef(
                row["key"],
                row["name"],
                row["zone"],
                row["name_zh"],
                established,
                row["standalone"] == "yes",
                _aliases(row["aliases"]),
            )
    _raise_problems(problems, path)
    return out


def parse_bodies(text: str, path: str = BODIES_FILE) -> dict[str, BodyRef]:
    """Parse the text of bodies.csv.

    Parameters
    ----------
    text
        The CSV text.
    path
        The file name used in error messages.

    Returns
    -------
    dict[str, BodyRef]
        Bodies by key, in file order.

    Raises
    ------
    ReferenceDataError
        On a wrong header or any bad row (bad or duplicate key, key using the
        reserved ``gov-`` prefix, unknown level, missing name or source).
    """
    rows, problems = _read_table(text, path, BODY_HEADER)
    out: dict[str, BodyRef] = {}
    seen: set[str] = set()
    for line, row in rows:
        n = len(problems)
        _check_key(row, "key", line, seen, problems)
        if row["key"].startswith(GOVERNMENT_PREFIX):
            problems.append(
                (line, f"key {row['key']!r} uses the prefix {GOVERNMENT_PREFIX!r} reserved for governments")
            )
        _require(row, ("name", "source"), line, problems)
        if row["level"] not in BODY_LEVELS:
            problems.append((line, f"bad level {row['level']!r} (expected one of {', '.join(BODY_LEVELS)})"))
        if len(problems) == n:
            out[row["key"]] = BodyRef(
                row["key"],
                row["name"],
                row["abbreviation"],
                row["name_zh"],
                row["level"],
                _aliases(row["aliases"]),
            )
    _raise_problems(problems, path)
    return out


def parse_prefixes(
    text: str, path: str = PREFIXES_FILE, bodies: Mapping[str, BodyRef] | None = None
) -> dict[str, PrefixRef]:
    """Parse the text of doc_prefixes.csv.

    Parameters
    ----------
    text
        The CSV text.
    path
        The file name used in error messages.
    bodies
        Known bodies; when given, every non-empty ``issuer`` must be one of them.

    Returns
    -------
    dict[str, PrefixRef]
        Prefixes by their romanised form, in file order.

    Raises
    ------
    ReferenceDataError
        On a wrong header or any bad row: duplicate prefix, ``certain`` not
        ``yes``/``no``, a Chinese form given while not certain (or missing
        while certain), an unknown issuer.
    """
    rows, problems = _read_table(text, path, PREFIX_HEADER)
    out: dict[str, PrefixRef] = {}
    for line, row in rows:
        n = len(problems)
        prefix = row["prefix"]
        _require(row, ("prefix", "source"), line, problems)
        if prefix in out:
            problems.append((line, f"duplicate prefix {prefix!r}"))
        certain = row["certain"].casefold()
        if certain not in ("yes", "no"):
            problems.append((line, f"bad certain {row['certain']!r} (expected yes or no)"))
        elif certain == "no" and row["name_zh"]:
            problems.append((line, "name_zh is given but certain is 'no'; leave it blank or mark it certain"))
        elif certain == "yes" and not row["name_zh"]:
            problems.append((line, "certain is 'yes' but name_zh is empty"))
        if bodies is not None and row["issuer"] and row["issuer"] not in bodies:
            problems.append((line, f"unknown issuer key {row['issuer']!r} (not in bodies.csv)"))
        if len(problems) == n:
            out[prefix] = PrefixRef(prefix, row["name_zh"], row["issuer"], certain == "yes")
    _raise_problems(problems, path)
    return out


def _read_text(path: Path) -> str:
    """Read a reference file (:func:`ground.text.decode_text`), wrapping OS errors."""
    return _reference_file(path).text


def _sibling(path: Path, name: str) -> Path:
    """Return ``name`` next to ``path`` if it exists there, else in :data:`REFERENCE_DIR`."""
    candidate = path.parent / name
    return candidate if candidate.exists() else REFERENCE_DIR / name


def load_provinces(path: str | Path | None = None) -> dict[str, ProvinceRef]:
    """Read provinces.csv (by default the one in :data:`REFERENCE_DIR`).

    Parameters
    ----------
    path
        The file to read.

    Returns
    -------
    dict[str, ProvinceRef]
        Provinces by key.

    Raises
    ------
    ReferenceDataError
        If the file cannot be read or has bad rows.
    """
    p = Path(path) if path is not None else REFERENCE_DIR / PROVINCES_FILE
    return parse_provinces(_read_text(p), str(p))


def load_zones(
    path: str | Path | None = None, provinces: Mapping[str, ProvinceRef] | None = None
) -> dict[str, ZoneRef]:
    """Read zones.csv and check its provinces.

    Parameters
    ----------
    path
        The file to read (default: the one in :data:`REFERENCE_DIR`).
    provinces
        Provinces to check against; by default provinces.csv next to ``path``,
        or the one in :data:`REFERENCE_DIR`.

    Returns
    -------
    dict[str, ZoneRef]
        Zones by key.

    Raises
    ------
    ReferenceDataError
        If the file cannot be read or has bad rows.
    """
    p = Path(path) if path is not None else REFERENCE_DIR / ZONES_FILE
    if provinces is None:
        provinces = load_provinces(_sibling(p, PROVINCES_FILE))
    return parse_zones(_read_text(p), str(p), provinces)


def load_areas(path: str | Path | None = None, zones: Mapping[str, ZoneRef] | None = None) -> dict[str, AreaRef]:
    """Read areas.csv and check its zones.

    Parameters
    ----------
    path
        The file to read (default: the one in :data:`REFERENCE_DIR`).
    zones
        Zones to check against; by default zones.csv next to ``path``.

    Returns
    -------
    dict[str, AreaRef]
        Areas by node key.

    Raises
    ------
    ReferenceDataError
        If the file cannot be read or has bad rows.
    """
    p = Path(path) if path is not None else REFERENCE_DIR / AREAS_FILE
    if zones is None:
        zones = load_zones(_sibling(p, ZONES_FILE))
    return parse_areas(_read_text(p), str(p), zones)


def load_bodies(path: str | Path | None = None) -> dict[str, BodyRef]:
    """Read bodies.csv (by default the one in :data:`REFERENCE_DIR`).

    Parameters
    ----------
    path
        The file to read.

    Returns
    -------
    dict[str, BodyRef]
        Bodies by key.

    Raises
    ------
    ReferenceDataError
        If the file cannot be read or has bad rows.
    """
    p = Path(path) if path is not None else REFERENCE_DIR / BODIES_FILE
    return parse_bodies(_read_text(p), str(p))


def load_prefixes(path: str | Path | None = None, bodies: Mapping[str, BodyRef] | None = None) -> dict[str, PrefixRef]:
    """Read doc_prefixes.csv and check its issuers.

    Parameters
    ----------
    path
        The file to read (default: the one in :data:`REFERENCE_DIR`).
    bodies
        Bodies to check issuers against; by default bodies.csv next to
        ``path``, or the one in :data:`REFERENCE_DIR`.

    Returns
    -------
    dict[str, PrefixRef]
        Prefixes by romanised form.

    Raises
    ------
    ReferenceDataError
        If the file cannot be read or has bad rows.
    """
    p = Path(path) if path is not None else REFERENCE_DIR / PREFIXES_FILE
    if bodies is None:
        bodies = load_bodies(_sibling(p, BODIES_FILE))
    return parse_prefixes(_read_text(p), str(p), bodies)


def parse_scopes(text: str, path: str = SCOPES_FILE) -> dict[str, ScopeRef]:
    """Parse the text of scopes.csv.

    Parameters
    ----------
    text
        The CSV text.
    path
        The file name used in error messages.

    Returns
    -------
    dict[str, ScopeRef]
        Scopes by key, in file order.

    Raises
    ------
    ReferenceDataError
        On a wrong header or any bad row: a name that is not a
        :class:`ground.schema.Scope` with a region, a key other than the
        schema's, a duplicate; or a scope of the schema without a row.
    """
    rows, problems = _read_table(text, path, SCOPE_HEADER)
    regions = {scope.value: key for scope, key in SCOPE_REGION_KEYS.items()}
    out: dict[str, ScopeRef] = {}
    seen: set[str] = set()
    last = 1
    for line, row in rows:
        last = line
        n = len(problems)
        _check_key(row, "key", line, seen, problems)
        _require(row, ("name", "source"), line, problems)
        want = regions.get(row["name"])
        if want is None:
            problems.append((line, f"bad name {row['name']!r} (expected one of {', '.join(regions)})"))
        elif row["key"] != want:
            problems.append((line, f"key {row['key']!r} of {row['name']!r} should be {want!r} (ground.schema)"))
        if len(problems) == n:
            out[row["key"]] = ScopeRef(row["key"], row["name"])
    missing = [name for name, key in regions.items() if key not in out]
    if missing and not problems:
        problems.append((last, f"no row for the scope {', '.join(map(repr, missing))}"))
    _raise_problems(problems, path)
    return out


def _row_quotes(text: str) -> dict[str, tuple[int, str]]:
    """Map the first field of each data row of CSV text to ``(line, the row's text)``."""
    raw = text.splitlines()
    reader = csv.reader(io.StringIO(text))
    out: dict[str, tuple[int, str]] = {}
    last = 0
    for i, row in enumerate(reader):
        start, last = last + 1, reader.line_num
        if i == 0 or not row or not row[0].strip():
            continue
        out.setdefault(row[0].strip(), (start, " ".join(raw[start - 1 : last]).strip()))
    return out


@dataclass(frozen=True, slots=True)
class ReferenceFile:
    """The text of one reference file and where it comes from.

    Parameters
    ----------
    path
        The path used in error messages.
    text
        Its text.
    sha256
        The sha256 of its bytes.
    """

    path: str
    text: str
    sha256: str

    @property
    def name(self) -> str:
        """The file name, as provenance gives it."""
        return Path(self.path).name


def parse_reference(provinces: ReferenceFile, zones: ReferenceFile, scopes: ReferenceFile) -> ParsedReport:
    """Turn the curated provinces, zones and scopes into graph records.

    Records, each with the provenance of its CSV row (file, sha256, line,
    section :data:`REFERENCE_SECTION`, the row's text): a Region (``kind`` =
    province) per row of provinces.csv with ``name_zh``, ``lat``, ``lon``,
    ``division`` (the file's kind) and ``mainland`` (False for SARs and
    Taiwan); a scope Region per row of scopes.csv; a Zone per row of
    zones.csv with ``kind``, ``province``, ``name_zh``, ``established``,
    ``lat`` and ``lon``, and its ``LOCATED_IN`` relation to its province.

    Parameters
    ----------
    provinces, zones, scopes
        The three files.

    Returns
    -------
    ParsedReport
        The records, provinces first, then scopes, then zones; ``source`` is
        ``"reference"`` and ``sha256`` the digest of the three files' digests.

    Raises
    ------
    ReferenceDataError
        If a file has bad rows.
    """
    province_refs = parse_provinces(provinces.text, provinces.path)
    zone_refs = parse_zones(zones.text, zones.path, province_refs)
    scope_refs = parse_scopes(scopes.text, scopes.path)
    entities: list[Entity] = []
    relations: list[Relation] = []

    def prov(f: ReferenceFile, quotes: Mapping[str, tuple[int, str]], key: str) -> Provenance:
        line, quote = quotes.get(key, (1, key))
        return Provenance(f.name, f.sha256, line, REFERENCE_SECTION, quote)

    quotes = _row_quotes(provinces.text)
    for p in province_refs.values():
        props: dict[str, PropValue] = {
            "kind": RegionKind.PROVINCE.value,
            "name_zh": p.name_zh,
            "lat": p.lat,
            "lon": p.lon,
            "division": p.kind,
            "mainland": p.kind not in NON_MAINLAND_DIVISIONS and p.key not in NON_MAINLAND_PROVINCES,
        }
        entities.append(Entity(Label.REGION, p.key, p.name, freeze_props(props), prov(provinces, quotes, p.key)))
    quotes = _row_quotes(scopes.text)
    for sc in scope_refs.values():
        kind = freeze_props(kind=RegionKind.SCOPE.value)
        entities.append(Entity(Label.REGION, sc.key, sc.name, kind, prov(scopes, quotes, sc.key)))
    quotes = _row_quotes(zones.text)
    for z in zone_refs.values():
        pz = prov(zones, quotes, z.key)
        props = {
            "kind": z.kind,
            "province": z.province,
            "name_zh": z.name_zh,
            "established": z.established.iso if z.established else None,
            "lat": z.lat,
            "lon": z.lon,
        }
        entities.append(Entity(Label.ZONE, z.key, z.name, freeze_props(props), pz))
        start, end = NodeRef(Label.ZONE, z.key), NodeRef(Label.REGION, z.province)
        relations.append(Relation(Rel.LOCATED_IN, start, end, freeze_props(), pz))
    digest = hashlib.sha256("".join(f.sha256 for f in (provinces, zones, scopes)).encode()).hexdigest()
    return ParsedReport("reference", digest, tuple(entities), tuple(relations))


def _reference_file(path: Path) -> ReferenceFile:
    try:
        data = path.read_bytes()
    except OSError as e:
        msg = f"cannot read reference file: {e.strerror or e}"
        raise ReferenceDataError(msg, str(path)) from e
    text = decode_text(data, str(path), error=ReferenceDataError, expected="CSV text")
    return ReferenceFile(str(path), text, hashlib.sha256(data).hexdigest())


def load_reference(directory: str | Path | None = None) -> ParsedReport:
    """Read provinces.csv, zones.csv and scopes.csv as graph records (:func:`parse_reference`).

    Parameters
    ----------
    directory
        The directory holding them (default: :data:`REFERENCE_DIR`).

    Returns
    -------
    ParsedReport
        The records, each with the file and line of its row.

    Raises
    ------
    ReferenceDataError
        If a file cannot be read or has bad rows.

    Examples
    --------
    >>> ref = load_reference()
    >>> z = next(e for e in ref.entities if e.key == "shanghai" and e.label == "Zone")
    >>> z.provenance.source, z.properties["established"]
    ('zones.csv', '2013-09-27')
    """
    base = Path(directory) if directory is not None else REFERENCE_DIR
    files = (_reference_file(base / name) for name in (PROVINCES_FILE, ZONES_FILE, SCOPES_FILE))
    return parse_reference(*files)


# --------------------------------------------------------------------------- gazetteer

_ABBREVIATION_RE = re.compile(r"^[A-Z][A-Z0-9]+$")

_PFTZ_TEMPLATES = (
    "{x} PFTZ",
    "China ({x}) Pilot Free Trade Zone",
    "China ({x}) Free Trade Zone",
    "China ({x}) FTZ",
    "China ({x}) Pilot FTZ",
    "{x} Pilot Free Trade Zone",
    "{x} Free Trade Zone",
    "{x} Pilot FTZ",
    "{x} FTZ",
    "PFTZ in {x}",
    "PFTZ of {x}",
    "FTZ in {x}",
    "Pilot Free Trade Zone in {x}",
    "Free Trade Zone in {x}",
    "{x}'s FTZ",
    "{x}'s Free Trade Zone",
)
"""How a PFTZ is printed, ``{x}`` its province's name or alias: every form is generated for every zone.

Each form lengthens the zone pattern tried at every candidate position, so only forms that English texts
about the zones use are listed (press releases, circulars, news), not every word order a translator could choose."""
_FTP_TEMPLATES = ("{x} FTP", "{x} Free Trade Port", "China ({x}) Free Trade Port", "{x}'s Free Trade Port", "{x}'s FTP")
_PROVINCE_SUFFIXES = {
    "province": ("Province",),
    "municipality": ("Municipality",),
    "autonomous region": ("Autonomous Region",),
    "SAR": ("SAR", "Special Administrative Region"),
}
_STRIPPABLE_SUFFIXES = (
    " special administrative region",
    " autonomous region",
    " municipality",
    " province",
    " sar",
    " city",
)
_GOVERNMENT_ADJECTIVE = {"province": "Provincial", "municipality": "Municipal"}
_ZONE_WORDS = frozenset(
    {"china", "pilot", "free", "trade", "zone", "zones", "pftz", "pftzs", "ftz", "ftzs"}
    | {"ftp", "ftps", "port", "ports", "in", "of"}
)
_LIST_HEAD = (
    r"(?=[PpFf])(?:PFTZs|Pilot\s+Free\s+Trade\s+Zones|Pilot\s+FTZs|Free\s+Trade\s+Zones"
    r"|Free\s+Trade\s+Pilot\s+Zones|FTZs)"
)
"""The plural head of a list of zones by place ("the FTZs in A, B, and C", "A, B and C Pilot FTZs").

Every alternative starts with a literal and the lookahead tests the first letter: the pattern is tried
at every position of a sentence, and an optional first word would make each try costly."""
_LIST_HEAD_RE = re.compile(_LIST_HEAD, re.IGNORECASE)
_LIST_REACH = 600
"""Characters at most of a list of places printed before its head ("A, B, ..., and C PFTZs")."""
_GOV_OF_RE = re.compile(r"^peoples government of (.+)$")
_GOV_SUFFIX_RE = re.compile(r"^(.+?) (?:provincial |municipal |regional )?peoples government$")
_GENERAL_OFFICE_RE = re.compile(r"^general office of (.+)$")


_AREA_TAIL_RE = re.compile(r"\s+(?:of|in)\s+(?:the\s+)?|\s*\(\s*(?:the\s+)?")
"""What joins an area to its zone after it: ``<area> of the <zone>``, ``<area> (<zone>)``."""
_AREA_HEAD_RE = re.compile(r"(?:'s|’s)?\s+|\s*\(\s*")
"""What joins a zone to its area before it: ``<zone>'s <area>``, ``<zone> <area>``, ``<zone> (<area>)``."""

_WORD_START_RE = re.compile(r"(?<![^\W_])[^\W_]")
"""A letter or digit right after something that is not one: where a word starts."""


_NAME_START_RE = re.compile(WORD_START)


_CASE_SPECIALS_RE = re.compile(f"[{CASE_SPECIALS}]")
"""A letter case-insensitive matching takes for an ASCII one: a text holding one is scanned without its heads."""


_Trie = dict[str, "_Trie"]
"""A trie of words: each character to the rest; the empty string marks a word's end."""


def _trie_regex(words: Iterable[str]) -> str:
    """A regex matching exactly the given words (letters and digits), their common beginnings factored."""
    trie: _Trie = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: _Trie) -> str:
        alts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else f"(?:{'|'.join(alts)})"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


@dataclass(frozen=True, eq=False)
class _Names:
    """A compiled alternation of names, with its anchor words (:func:`ground.names.name_anchors`) and heads, if any.

    Compared and hashed by identity (``eq=False``): the scan's memo hashes it on every call, and a
    compiled pattern's own hash reads its whole program.

    With ``heads`` (:func:`ground.names.name_heads`, the alternatives of ``regex`` in its order, and
    ``tail``, what ``regex`` requires after them before :data:`NAME_RIGHT`), a scan tries only the word
    starts whose word begins with a head, each with the alternation of the names of that head alone.
    """

    regex: re.Pattern[str]
    anchor: re.Pattern[str] | None = None
    before: int = 0
    heads: tuple[tuple[str, str], ...] = ()
    tail: str = ""
    _words: re.Pattern[str] | None = field(default=None, repr=False)
    _by_word: dict[str, re.Pattern[str] | None] = field(default_factory=dict, repr=False)
    _by_alts: dict[tuple[int, ...], re.Pattern[str]] = field(default_factory=dict, repr=False)

    @classmethod
    def of(
        cls,
        regex: re.Pattern[str],
        forms: Iterable[str],
        *,
        surface: Iterable[tuple[str, bool]] | None = None,
        tail: str = "",
    ) -> _Names:
        """Make the scan of ``regex``, anchored by the words of ``forms``, with the heads of ``surface``.

        ``regex`` must be ``NAME_LEFT(?:<name_alternation(surface)>)<tail>NAME_RIGHT``
        (:func:`ground.names.name_alternation`); without ``surface`` the scan has no heads.
        """
        heads = name_heads(surface) if surface is not None else None
        words = None
        if heads:
            words = re.compile(f"(?<![a-z0-9])(?:{_trie_regex({h for h, _ in heads})})[a-z0-9]*")
        anchors = name_anchors(forms)
        anchor, before = (None, 0) if anchors is None else (re.compile(anchors[0], re.IGNORECASE), anchors[1])
        return cls(regex, anchor, before, tuple(heads or ()), tail, words)

    def at_word(self, word: str) -> re.Pattern[str] | None:
        """The alternation of the names whose head begins ``word`` (lower-cased), in ``regex``'s order, or None."""
        try:
            return self._by_word[word]
        except KeyError:
            pass
        chosen = tuple(i for i, (h, _) in enumerate(self.heads) if word.startswith(h))
        pattern = self._by_alts.get(chosen) if chosen else None
        if chosen and pattern is None:
            alts = "|".join(self.heads[i][1] for i in chosen)
            pattern = re.compile(f"{NAME_LEFT}(?:{alts}){self.tail}{NAME_RIGHT}", self.regex.flags)
            self._by_alts[chosen] = pattern
        self._by_word[word] = pattern
        return pattern


def _scan(names: _Names, text: str) -> list[re.Match[str]]:
    """Find non-overlapping matches of ``names``, preferring the longest on overlap.

    ``finditer`` already prefers the longest alternative at a position; this
    also tries the word starts inside each match, so a longer mention that
    starts inside a shorter one is not lost. Memoised: the extractors look
    for zones, provinces and bodies in the same sentences again and again.
    """
    return list(_scan_cached(names, text))


def _anchored_finditer(names: _Names, text: str) -> list[re.Match[str]]:
    """What ``names.regex.finditer(text)`` returns, trying only the positions that can start a match.

    Every name holds an anchor word with at most ``names.before`` word starts
    before it, so a match starts at one of the ``before + 1`` word starts at or
    before an anchor found in the text; the positions are tried left to right,
    skipping those inside the last match, as ``finditer`` does.
    """
    assert names.anchor is not None
    hits = [m.start() for m in names.anchor.finditer(text)]
    if not hits:
        return []
    starts = [m.start() for m in _NAME_START_RE.finditer(text)]
    candidates: set[int] = set()
    for h in hits:
        i = bisect.bisect_right(starts, h)
        candidates.update(starts[max(0, i - 1 - names.before) : i])
    found: list[re.Match[str]] = []
    end = 0
    for pos in sorted(candidates):
        if pos >= end and (m := names.regex.match(text, pos)) is not None:
            found.append(m)
            end = m.end()
    return found


def _headed_finditer(names: _Names, text: str, lowered: str) -> list[re.Match[str]]:
    """What ``names.regex.finditer(text)`` returns, trying only the word starts whose word begins with a head.

    ``lowered`` is ``text.lower()``, of the same length (``text`` holds none of
    :data:`ground.names.CASE_SPECIALS`). Each word start is tried with the
    alternation of the names of the heads that begin its word (:meth:`_Names.at_word`),
    which matches there what the whole alternation matches; the positions are tried
    left to right, skipping those inside the last match, as ``finditer`` does.
    """
    assert names._words is not None
    found: list[re.Match[str]] = []
    end = 0
    for w in names._words.finditer(lowered):
        pos = w.start()
        pattern = names.at_word(w.group()) if pos >= end else None
        if pattern is not None and (m := pattern.match(text, pos)) is not None:
            found.append(m)
            end = m.end()
    return found


@functools.lru_cache(maxsize=8192)
def _scan_cached(names: _Names, text: str) -> tuple[re.Match[str], ...]:
    pattern = names.regex
    headed = names._words is not None and not _CASE_SPECIALS_RE.search(text)
    lowered = text.lower() if headed else ""
    if headed:
        found = _headed_finditer(names, text, lowered)
    elif names.anchor is not None:
        found = _anchored_finditer(names, text)
    else:
        found = list(pattern.finditer(text))
    extra: list[re.Match[str]] = []
    for m in found:
        for w in _WORD_START_RE.finditer(text, m.start() + 1, m.end()):
            if headed:
                assert names._words is not None
                word = names._words.match(lowered, w.start())
                at = names.at_word(word.group()) if word is not None else None
                m2 = at.match(text, w.start()) if at is not None else None
            else:
                m2 = pattern.match(text, w.start())
            if m2 is not None and m2.end() > m.end():
                extra.append(m2)
    chosen: list[re.Match[str]] = []
    starts: list[int] = []  # start offsets of ``chosen``, kept sorted: overlap checks look at neighbours only
    for m in sorted(found + extra, key=lambda m: (-(m.end() - m.start()), m.start())):
        i = bisect.bisect_left(starts, m.start())
        if i > 0 and chosen[i - 1].end() > m.start():
            continue
        if i < len(chosen) and chosen[i].start() < m.end():
            continue
        starts.insert(i, m.start())
        chosen.insert(i, m)
    return tuple(chosen)


class Gazetteer:
    """Resolve names of zones, provinces and bodies to keys, and find them in text.

    Parameters
    ----------
    zones, provinces, bodies
        The curated records, as returned by :func:`load_zones`,
        :func:`load_provinces` and :func:`load_bodies`.
    areas
        The areas of the zones (:func:`load_areas`), if any.

    Raises
    ------
    ReferenceDataError
        If a zone names an unknown province, or two records claim the same
        name or alias.

    Notes
    -----
    Zone names are generated for every place name ``X`` of the zone's province
    (its name and aliases): ``"X PFTZ"``, ``"China (X) Pilot Free Trade
    Zone"``, ``"X Pilot Free Trade Zone"``, ``"X FTZ"``, ``"PFTZ in X"``,
    ``"PFTZ of X"`` for PFTZs and ``"X FTP"``, ``"X Free Trade Port"`` for
    FTPs. A generated name that two zones would share is dropped.

    Provincial people's governments are not listed in bodies.csv: names such
    as ``"People's Government of Zhejiang Province"`` resolve to the generated
    key ``"gov-zhejiang"`` (see :meth:`body_ref`).

    Examples
    --------
    >>> gaz = Gazetteer.default()
    >>> gaz.zone("Zhejiang PFTZ's"), gaz.province("Shanxi Province"), gaz.body("MOFCOM")
    ('zhejiang', 'shanxi', 'mofcom')
    >>> m = gaz.zone_fuzzy("Zhejaing PFTZ")
    >>> m.key, round(m.score, 1), m.fuzzy
    ('zhejiang', 92.3, True)
    >>> gaz.zone_fuzzy("Shanxi PFTZ") is None
    True
    """

    def __init__(
        self,
        zones: Mapping[str, ZoneRef],
        provinces: Mapping[str, ProvinceRef],
        bodies: Mapping[str, BodyRef],
        areas: Mapping[str, AreaRef] | None = None,
        cities: Mapping[str, CityRef] | None = None,
    ) -> None:
        self.zones: dict[str, ZoneRef] = dict(zones)
        self.cities: dict[str, CityRef] = dict(cities or {})
        city_forms = {f: c.key for c in self.cities.values() for f in (c.name, *c.aliases)}
        self._city_forms: dict[str, str] = {normalize_name(f): k for f, k in city_forms.items()}
        forms = sorted(city_forms, key=len, reverse=True)
        self._city_re = (
            re.compile(rf"\b(?:{'|'.join(map(re.escape, forms))})\b(?:\s+(?:City|County))?") if forms else None
        )
        self.areas: dict[str, AreaRef] = dict(areas or {})
        for a in self.areas.values():
            if a.zone not in self.zones:
                msg = f"area {a.key!r} names unknown zone {a.zone!r}"
                raise ReferenceDataError(msg, AREAS_FILE)
        self._area_forms: dict[str, list[str]] = {}
        for a in self.areas.values():
            for form in (a.name, *a.aliases):
                owners = self._area_forms.setdefault(normalize_name(form), [])
                if a.key not in owners:
                    owners.append(a.key)
        self._area_names: _Names | None = None
        # the last word of every area name: a cheap test before the scan (most sentences name no area)
        last = sorted({f.split()[-1] for a in self.areas.values() for f in (a.name, *a.aliases)})
        self._area_hint = re.compile(rf"\b(?:{'|'.join(map(re.escape, last))})\b", re.IGNORECASE) if last else None
        # the same test on the lower-cased text, case-sensitive (faster): of ASCII words, in a text without
        # CASE_SPECIALS (lower-casing keeps the length and what is a word character)
        self._area_hint_lower = (
            re.compile(rf"\b(?:{'|'.join(map(re.escape, sorted({w.lower() for w in last})))})\b")
            if last and all(w.isascii() for w in last)
            else None
        )
        self.provinces: dict[str, ProvinceRef] = dict(provinces)
        self.bodies: dict[str, BodyRef] = dict(bodies)
        for z in self.zones.values():
            if z.province not in self.provinces:
                msg = f"zone {z.key!r} names unknown province {z.province!r}"
                raise ReferenceDataError(msg, ZONES_FILE)

        # provinces ---------------------------------------------------------
        self._province_forms: dict[str, str] = {}
        self._province_surface: list[tuple[str, bool]] = []
        for p in self.provinces.values():
            for form in self._province_names(p):
                self._claim(self._province_forms, form, p.key, PROVINCES_FILE)
                self._province_surface.append((form, True))

        # zones ---------------------------------------------------------------
        self._zone_forms: dict[str, str] = {}
        self._zone_surface: list[tuple[str, bool]] = []
        for z in self.zones.values():
            for form in (z.name, *z.aliases):
                self._claim(self._zone_forms, form, z.key, ZONES_FILE)
                self._zone_surface.append((form, False))
        generated: dict[str, set[str]] = {}
        generated_surface: dict[str, list[str]] = {}
        for z in self.zones.values():
            templates = {ZoneKind.PFTZ.value: _PFTZ_TEMPLATES, ZoneKind.FTP.value: _FTP_TEMPLATES}.get(z.kind, ())
            for place in self._places(self.provinces[z.province]):
                for t in templates:
                    form = t.format(x=place)
                    generated.setdefault(normalize_name(form), set()).add(z.key)
                    generated_surface.setdefault(normalize_name(form), []).append(form)
        for norm, keys in generated.items():
            if len(keys) == 1 and norm not in self._zone_forms:
                self._zone_forms[norm] = next(iter(keys))
                self._zone_surface.extend((f, False) for f in generated_surface[norm])
        self._zone_of_province: dict[tuple[str, str], str] = {}
        for z in self.zones.values():
            self._zone_of_province.setdefault((z.province, z.kind), z.key)

        # bodies --------------------------------------------------------------
        self._body_forms: dict[str, str] = {}
        self._body_abbreviations: dict[str, str] = {}
        self._body_surface: list[tuple[str, bool]] = []
        for b in self.bodies.values():
            for form in (b.name, b.abbreviation, *b.aliases):
                if not form:
                    continue
                if _ABBREVIATION_RE.match(form):
                    self._claim(self._body_abbreviations, form, b.key, BODIES_FILE, normalize=False)
                    self._body_surface.append((form, True))
                else:
                    self._claim(self._body_forms, form, b.key, BODIES_FILE)
                    self._body_surface.append((form, False))
        for p in self.provinces.values():
            if not self._has_government(p):
                continue
            for form in self._government_names(p):
                norm = normalize_name(form)
                if norm not in self._body_forms:
                    self._body_forms[norm] = GOVERNMENT_PREFIX + p.key
                    self._body_surface.append((form, False))

        self._zone_re: re.Pattern[str] | None = None
        self._names: dict[str, _Names] = {}
        self._body_re: re.Pattern[str] | None = None
        self._province_re: re.Pattern[str] | None = None
        self._list_res: tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]] | None = None

    # -- construction helpers ---------------------------------------------------

    @classmethod
    def default(cls) -> Gazetteer:
        """Return the gazetteer of the files in :data:`REFERENCE_DIR` (built once, cached).

        Returns
        -------
        Gazetteer
            The shared default gazetteer.

        Raises
        ------
        ReferenceDataError
            If a reference file is broken.
        """
        return _default_gazetteer()

    @staticmethod
    def _claim(table: dict[str, str], form: str, key: str, path: str, *, normalize: bool = True) -> None:
        """Register a curated form, refusing one that already names another record."""
        norm = normalize_name(form) if normalize else form
        if not norm:
            return
        other = table.get(norm)
        if other is not None and other != key:
            msg = f"name {form!r} is claimed by both {other!r} and {key!r}"
            raise ReferenceDataError(msg, path)
        table[norm] = key

    @staticmethod
    def _places(p: ProvinceRef) -> list[str]:
        """Return the place names of a province (its name and aliases)."""
        return [p.name, *p.aliases]

    @staticmethod
    def _province_names(p: ProvinceRef) -> list[str]:
        """Return every name of a province: name, aliases and ``"<name> <Kind>"``."""
        suffixed = [f"{p.name} {s}" for s in _PROVINCE_SUFFIXES.get(p.kind, ())]
        return [p.name, *p.aliases, *suffixed]

    @staticmethod
    def _has_government(p: ProvinceRef) -> bool:
        """Whether a province has a people's government (not the SARs, not Taiwan)."""
        return p.kind != "SAR" and p.key not in _NO_PEOPLES_GOVERNMENT

    def _government_names(self, p: ProvinceRef) -> list[str]:
        """Return the generated English names of a provincial people's government."""
        names = []
        for place in self._province_names(p):
            names += [f"People's Government of {place}", f"{place} People's Government"]
        adjective = _GOVERNMENT_ADJECTIVE.get(p.kind)
        if adjective:
            names.append(f"{p.name} {adjective} People's Government")
        return names

    # -- exact resolution -------------------------------------------------------

    def zone(self, name: str) -> str | None:
        """Return the key of the zone a name denotes, or None.

        Exact on the normalised name, aliases and generated forms; a trailing
        plural or possessive ``s`` after PFTZ/FTP (``"Beijing PFTZs"``,
        ``"Shandong PFTZ's"``) is tolerated.

        Parameters
        ----------
        name
            A zone name as written.

        Returns
        -------
        str or None
            The zone key.

        Examples
        --------
        >>> Gazetteer.default().zone("China (zhejiang) Pilot Free Trade Zone")
        'zhejiang'
        """
        norm = normalize_name(name)
        key = self._zone_forms.get(norm)
        if key is None and norm.endswith("s"):
            key = self._zone_forms.get(norm[:-1])
        return key

    def province(self, name: str) -> str | None:
        """Return the key of the province a name denotes, or None.

        Exact on the normalised name and aliases, with or without a trailing
        ``Province``, ``Municipality``, ``Autonomous Region``, ``SAR``,
        ``Special Administrative Region`` or ``City``. ``"Shanxi"`` and
        ``"Shaanxi"`` are different provinces and are never conflated.

        Parameters
        ----------
        name
            A province name as written.

        Returns
        -------
        str or None
            The province key.
        """
        norm = normalize_name(name)
        key = self._province_forms.get(norm)
        if key is None:
            for suffix in _STRIPPABLE_SUFFIXES:
                if norm.endswith(suffix):
                    key = self._province_forms.get(norm[: -len(suffix)])
                    break
        return key

    def body(self, name: str) -> str | None:
        """Return the key of the issuing body a name denotes, or None.

        Tries, in order: an abbreviation (case-sensitive: ``"MOST"`` but not
        ``"most"``); the normalised name or alias; a provincial people's
        government (``"People's Government of <Province>"``, ``"<Province>
        Provincial People's Government"``, ``"<Municipality> Municipal People's
        Government"``), which gives a generated ``gov-<province>`` key; and
        ``"General Office of <body>"`` for bodies whose general office is not
        listed itself, which gives the body's key.

        Parameters
        ----------
        name
            A body name as written.

        Returns
        -------
        str or None
            The body key, or a generated government key.

        Examples
        --------
        >>> gaz = Gazetteer.default()
        >>> gaz.body("the General Administration of Customs")
        'gac'
        >>> gaz.body("Shanghai Municipal People's Government")
        'gov-shanghai'
        """
        stripped = name.strip()
        if stripped in self._body_abbreviations:
            return self._body_abbreviations[stripped]
        norm = normalize_name(name)
        if not norm:
            return None
        key = self._body_forms.get(norm)
        if key is not None:
            return key
        for rx in (_GOV_OF_RE, _GOV_SUFFIX_RE):
            m = rx.match(norm)
            if m:
                pk = self.province(m.group(1))
                if pk is not None and self._has_government(self.provinces[pk]):
                    return GOVERNMENT_PREFIX + pk
                return None
        m = _GENERAL_OFFICE_RE.match(norm)
        if m:
            return self.body(m.group(1))
        return None

    def body_ref(self, key: str) -> BodyRef | None:
        """Return the record of a body key, including generated government keys.

        Parameters
        ----------
        key
            A key of bodies.csv or ``gov-<province key>``.

        Returns
        -------
        BodyRef or None
            The record; for ``gov-zhejiang`` a generated one named
            ``"People's Government of Zhejiang"`` with level ``"local"``.
        """
        if key in self.bodies:
            return self.bodies[key]
        if key.startswith(GOVERNMENT_PREFIX):
            p = self.provinces.get(key[len(GOVERNMENT_PREFIX) :])
            if p is not None and self._has_government(p):
                name_zh = f"{p.name_zh}人民政府" if p.name_zh else ""
                return BodyRef(key, f"People's Government of {p.name}", "", name_zh, "local", ())
        return None

    def zone_ref(self, key: str) -> ZoneRef | None:
        """Return the zone of a key, an area's key giving its zone's (``"shanghai/lin-gang-special-area"``).

        Parameters
        ----------
        key
            A zone key, or an area's key ``<zone>/<area>`` (curated or not).

        Returns
        -------
        ZoneRef or None
            The zone, or None for an unknown key.

        Examples
        --------
        >>> Gazetteer.default().zone_ref("guangdong/hengqin-area").name
        'Guangdong PFTZ'
        """
        return self.zones.get(key.split("/", 1)[0])

    def zone_of_province(self, province_key: str, kind: str = ZoneKind.PFTZ.value) -> str | None:
        """Return the key of the zone of a kind in a province, or None.

        Parameters
        ----------
        province_key
            A key of provinces.csv.
        kind
            The zone kind (``"PFTZ"`` or ``"FTP"``).

        Returns
        -------
        str or None
            The zone key (``zone_of_province("hainan", "FTP") == "hainan-ftp"``).
        """
        return self._zone_of_province.get((province_key, kind))

    # -- fuzzy resolution --------------------------------------------------------

    def zone_fuzzy(self, name: str, cutoff: float = 90) -> ZoneMatch | None:
        """Resolve a possibly misspelt zone name.

        An exact resolution (:meth:`zone`) scores 100. Otherwise, when the
        place part of the name (what is left without words such as PFTZ,
        Pilot, Free Trade Zone, China) is exactly a province, that province
        wins: its zone is returned, or None if it has none (``"Shanxi PFTZ"``
        never becomes Shaanxi). Otherwise the closest known zone name by
        :func:`rapidfuzz.fuzz.ratio` is taken if it scores at least
        ``cutoff`` and its province is also the closest province to the
        place part.

        Parameters
        ----------
        name
            A zone name as written.
        cutoff
            Minimum similarity (0–100) for a fuzzy match.

        Returns
        -------
        ZoneMatch or None
            ``(key, score)``; ``match.fuzzy`` is True when the score is below
            100, which the caller should surface as a warning.
        """
        key = self.zone(name)
        if key is not None:
            return ZoneMatch(key, 100.0)
        # "Huber PFTZ's" -> "huber pftz": plural and possessive s are no evidence of a misspelling
        tokens = [t[:-1] if t in ("pftzs", "ftzs", "ftps") else t for t in normalize_name(name).split()]
        norm = " ".join(tokens)
        place = " ".join(t for t in tokens if t not in _ZONE_WORDS)
        if not place:
            return None
        kind = ZoneKind.FTP.value if {"ftp", "ftps", "port", "ports"} & set(tokens) else ZoneKind.PFTZ.value
        for candidate in (place, place[:-1] if place.endswith("s") else ""):
            pk = self.province(candidate) if candidate else None
            if pk is None:
                continue
            zk = self.zone_of_province(pk, kind) or self.zone_of_province(pk)
            if zk is None:
                return None
            return ZoneMatch(zk, self._best_form_score(norm, zk))
        forms = list(self._zone_forms)
        best = process.extractOne(norm, forms, scorer=fuzz.ratio, score_cutoff=cutoff)
        if best is None:
            return None
        zk = self._zone_forms[best[0]]
        if self._closest_province(place) != self.zones[zk].province:
            return None
        return ZoneMatch(zk, float(best[1]))

    def _best_form_score(self, norm: str, zone_key: str) -> float:
        """Return the best similarity of a normalised name to any form of a zone."""
        forms = [f for f, k in self._zone_forms.items() if k == zone_key]
        return max((float(fuzz.ratio(norm, f)) for f in forms), default=0.0)

    def _closest_province(self, place: str) -> str | None:
        """Return the single province whose name is closest to ``place`` (None on a tie)."""
        scores: dict[str, float] = {}
        for form, pk in self._province_forms.items():
            scores[pk] = max(scores.get(pk, 0.0), float(fuzz.ratio(place, form)))
        if not scores:
            return None
        top = max(scores.values())
        best = [pk for pk, s in scores.items() if s == top]
        return best[0] if len(best) == 1 else None

    # -- text scanning -----------------------------------------------------------

    def zone_pattern(self) -> re.Pattern[str]:
        """Return the compiled regex matching every zone name (case-insensitive).

        Alternatives are longest first, bounded by non-letters; a plural ``s``
        after the name (``"Chongqing PFTZs"``) is part of the match, a
        possessive ``'s`` is not.

        Returns
        -------
        re.Pattern
            The pattern.
        """
        if self._zone_re is None:
            alts = name_alternation((f, True) for f, _ in self._zone_surface)
            self._zone_re = re.compile(rf"{NAME_LEFT}(?:{alts})s?{NAME_RIGHT}", re.IGNORECASE)
        return self._zone_re

    def body_pattern(self) -> re.Pattern[str]:
        """Return the compiled regex matching every body name.

        Names and aliases match case-insensitively, abbreviations (``MOST``,
        ``SAFE``) only in capitals. Provincial people's governments are
        included.

        Returns
        -------
        re.Pattern
            The pattern.
        """
        if self._body_re is None:
            self._body_re = re.compile(rf"{NAME_LEFT}(?:{name_alternation(self._body_surface)}){NAME_RIGHT}")
        return self._body_re

    def province_pattern(self) -> re.Pattern[str]:
        """Return the compiled regex matching every province name (case-sensitive).

        Returns
        -------
        re.Pattern
            The pattern.
        """
        if self._province_re is None:
            self._province_re = re.compile(rf"{NAME_LEFT}(?:{name_alternation(self._province_surface)}){NAME_RIGHT}")
        return self._province_re

    def _scanner(self, kind: str) -> _Names:
        """The scan of zone, body or province names, made once; only zone names are anchored (few anchor words),
        zone and body names are scanned by their heads."""
        names = self._names.get(kind)
        if names is None:
            if kind == "zone":
                surface = [(f, True) for f, _ in self._zone_surface]
                names = _Names.of(self.zone_pattern(), (f for f, _ in surface), surface=surface, tail="s?")
            elif kind == "body":
                names = _Names.of(self.body_pattern(), (), surface=self._body_surface)
            else:  # a short alternation: scanned whole faster than by heads
                names = _Names(self.province_pattern())
            self._names[kind] = names
        return names

    def find_zones(self, text: str) -> list[Mention]:
        """Find every zone mention in a text.

        Parameters
        ----------
        text
            Free text, e.g. one sentence of the report.

        Returns
        -------
        list[Mention]
            Mentions in text order; overlaps are resolved to the longest.

        Examples
        --------
        >>> [m.text for m in Gazetteer.default().find_zones("Sichuan and Chongqing PFTZs have")]
        ['Chongqing PFTZs']
        """
        out = []
        for m in _scan(self._scanner("zone"), text):
            key = self.zone(m.group(0))
            if key is not None:
                out.append(Mention(key, m.start(), m.end(), m.group(0)))
        return out

    def area(self, name: str, zone: str | None = None) -> str | None:
        """Return the key of the area a printed name denotes, or None.

        A name that is not ``standalone`` in areas.csv (``"Central Area"``)
        resolves only with its zone; a name two zones share, only with one.

        Parameters
        ----------
        name
            An area name as printed (``"Qianhai & Shekou Area"``, ``"Hengqin"``).
        zone
            The key of the zone the text places it in, if any.

        Returns
        -------
        str or None
            The area's node key (``"guangdong/hengqin-area"``).

        Examples
        --------
        >>> g = Gazetteer.default()
        >>> g.area("Lingang Special Area"), g.area("Central Area"), g.area("Central Area", "shaanxi")
        ('shanghai/lin-gang-special-area', None, 'shaanxi/central-area')
        """
        keys = [k for k in self._area_forms.get(normalize_name(name), ()) if zone is None or self.areas[k].zone == zone]
        if len(keys) != 1 or (zone is None and not self.areas[keys[0]].standalone):
            return None
        return keys[0]

    def find_areas(self, text: str) -> list[Mention]:
        """Find the areas of zones a text names, each with its zone when printed with it.

        Reads ``<area>``, ``<area> of (the) <zone>``, ``<area> in <zone>``,
        ``<area> (<zone>)`` and ``<zone>('s) <area>``; the mention spans the
        zone too, so it stands for the area, not the zone. An area name read
        only with its zone is skipped when printed alone (but for its zone
        printed before it in the text: ``Beijing PFTZ's "..." reform, piloted in
        the International Business Service Area``), and an area printed with
        another zone than its own is skipped.

        Parameters
        ----------
        text
            Free text, e.g. one sentence.

        Returns
        -------
        list[Mention]
            Mentions in text order, keyed by the area's node key.

        Examples
        --------
        >>> g = Gazetteer.default()
        >>> [m.text for m in g.find_areas("Lin-gang Special Area of Shanghai PFTZ and Hengqin launched")]
        ['Lin-gang Special Area of Shanghai PFTZ', 'Hengqin']
        >>> g.find_areas("its Hengqin Area")[0].key
        'guangdong/hengqin-area'
        """
        if not self._area_word_in(text):
            return []
        if self._area_names is None:
            forms = [f for a in self.areas.values() for f in (a.name, *a.aliases)]
            # "the Hefei area of Anhui PFTZ": a lower-case "area" is read only with its zone (below)
            forms += [f"{f[:-5]} area" for f in forms if f.endswith(" Area")]
            surface = [(f, True) for f in forms]
            alts = name_alternation(surface)
            self._area_names = _Names.of(re.compile(rf"{NAME_LEFT}(?:{alts}){NAME_RIGHT}"), forms, surface=surface)
        found = _scan(self._area_names, text)
        if not found:
            return []
        zones = self.find_zones(text)
        out: list[Mention] = []
        for m in found:
            start, end, parent = m.start(), m.end(), None
            if (tail := _AREA_TAIL_RE.match(text, end)) is not None:
                z = next((z for z in zones if z.start == tail.end()), None)
                if z is not None:
                    parent, end = z.key, z.end
                    if tail.group(0).rstrip().endswith("(") and (close := re.match(r"\s*\)", text[end:])):
                        end += close.end()
            if parent is None:
                z = next((z for z in zones if z.end <= start and _AREA_HEAD_RE.fullmatch(text, z.end, start)), None)
                if z is not None:
                    parent, start = z.key, z.start
                    if text[z.end : m.start()].strip() == "(" and (close := re.match(r"\s*\)", text[end:])):
                        end += close.end()  # "Beijing PFTZ (High-end Industry Area)"
            if parent is None and m.group(0).endswith(" area"):
                continue
            key = self.area(m.group(0), parent)
            if key is None and parent is None:
                # "Beijing PFTZ's "..." reform, piloted in the International Business Service Area": a name read
                # only with its zone, that zone printed before it in the text
                before = {z.key for z in zones if z.end <= start}
                keys = [k for k in self._area_forms.get(normalize_name(m.group(0)), ()) if self.areas[k].zone in before]
                key = keys[0] if len(keys) == 1 else None
            if key is not None:
                out.append(Mention(key, start, end, text[start:end]))
        return out

    def _area_word_in(self, text: str) -> bool:
        """Whether ``text`` holds the last word of an area name: the cheap test before the scan of areas."""
        if self._area_hint is None:
            return False
        if self._area_hint_lower is not None and not _CASE_SPECIALS_RE.search(text):
            return self._area_hint_lower.search(text.lower()) is not None
        return self._area_hint.search(text) is not None

    def find_bodies(self, text: str) -> list[Mention]:
        """Find every issuing-body mention in a text.

        Parameters
        ----------
        text
            Free text.

        Returns
        -------
        list[Mention]
            Mentions in text order; overlaps are resolved to the longest, so
            ``"General Office of the State Council"`` is one mention, not two.
        """
        out = []
        for m in _scan(self._scanner("body"), text):
            key = self.body(m.group(0))
            if key is not None:
                out.append(Mention(key, m.start(), m.end(), m.group(0)))
        return out

    def find_cities(self, text: str) -> list[Mention]:
        """Find every mention of a city or county of cities.csv (``Ganzhou City``, ``Kunshan``).

        A name followed by ``Area`` or ``coordinated`` names a zone's area or a coordinated innovation
        zone, not the city, and is skipped.

        Parameters
        ----------
        text
            Free text.

        Returns
        -------
        list[Mention]
            Mentions in text order, keyed by the city's key.
        """
        if self._city_re is None:
            return []
        out = []
        for m in self._city_re.finditer(text):
            if re.match(r"\s+(?:[A-Z][\w-]*\s+)*(?:Area|coordinated|Port)\b", text[m.end() :]):
                continue
            word = re.sub(r"\s+(?:City|County)$", "", m.group(0))
            key = self._city_forms.get(normalize_name(word)) or self._city_forms.get(normalize_name(m.group(0)))
            if key is not None:
                out.append(Mention(key, m.start(), m.end(), m.group(0)))
        return out

    def find_provinces(self, text: str, *, exclude_zones: bool = False) -> list[Mention]:
        """Find every province mention in a text.

        Parameters
        ----------
        text
            Free text.
        exclude_zones
            If True, drop province names that are part of a zone mention
            (the ``Shanghai`` of ``Shanghai PFTZ``).

        Returns
        -------
        list[Mention]
            Mentions in text order; overlaps are resolved to the longest.
        """
        spans = [(z.start, z.end) for z in self.find_zones(text)] if exclude_zones else []
        out = []
        for m in _scan(self._scanner("province"), text):
            if any(s <= m.start() and m.end() <= e for s, e in spans):
                continue
            key = self.province(m.group(0))
            if key is not None:
                out.append(Mention(key, m.start(), m.end(), m.group(0)))
        return out

    def _list_patterns(self) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
        """Compile the patterns of zone lists: ``PFTZs in A, B, and C``, ``A, B and C PFTZs``.

        The fourth pattern is the cheap test of the second: the last place of a list printed before its
        head, after ``and`` or a dash, ends right before the head.
        """
        if self._list_res is None:
            name = rf"(?:{name_alternation(self._province_surface)}){NAME_RIGHT}"
            sep = r"\s*,\s*"
            last = r"\s*,?\s*and\s+"
            listing = rf"{name}(?:{sep}{name})*(?:{last}{name})?"
            after = rf"{NAME_LEFT}{_LIST_HEAD}\s+(?:of|in)\s+(?:the\s+)?(?P<list>{listing})"
            before = (
                rf"{NAME_LEFT}(?P<list>{name}(?:{sep}{name})*{last}{name}"
                rf"|{name}(?:\s*[-\u2010\u2011\u2013\u2014]\s*{name})+)\s+{_LIST_HEAD}{NAME_RIGHT}"
            )
            ending = rf"(?:\band\s+|[-\u2010\u2011\u2013\u2014]\s*){name}\s+$"
            self._list_res = (
                re.compile(after, re.IGNORECASE),
                re.compile(before, re.IGNORECASE),
                re.compile(rf"{NAME_LEFT}{name}", re.IGNORECASE),
                re.compile(ending, re.IGNORECASE),
            )
        return self._list_res

    def find_zone_lists(self, text: str) -> list[list[Mention]]:
        """Find lists of PFTZs given by place names.

        Recognises ``"PFTZs (of|in) A, B, and C"`` (also ending in ``"and
        other regions"``), ``"A, B and C PFTZs"`` and ``"A-B-C PFTZs"``. Each
        place is mapped to the PFTZ of its province; places without a PFTZ are
        left out. What follows the list (``", as well as Hainan FTP"``) is not
        part of it: :meth:`find_zones` finds such mentions.

        Parameters
        ----------
        text
            Free text.

        Returns
        -------
        list[list[Mention]]
            One list of member mentions (zone keys, spans of the place names)
            per list found, in text order.

        Examples
        --------
        >>> lists = Gazetteer.default().find_zone_lists("PFTZs in Beijing, Tianjin, and Hebei")
        >>> [m.key for m in lists[0]]
        ['beijing', 'tianjin', 'hebei']
        """
        lowered = text.lower()
        if "ftzs" not in lowered and "zones" not in lowered:
            return []  # every head ends in one of these: a test in C before the head pattern
        heads = [h.span() for h in _LIST_HEAD_RE.finditer(text)]
        if not heads:
            return []  # both list patterns hold the head: a quick test first
        after, before, name, ending = self._list_patterns()
        found: list[re.Match[str]] = []
        # each pattern is tried only where a head stands (a list follows it or ends right before it),
        # not at every position of the text: the province alternation is costly
        for hs, _he in heads:
            if (m := after.match(text, hs)) is not None:
                found.append(m)
        low = 0
        for hs, he in heads:
            window = max(low, hs - _LIST_REACH)
            if (
                ending.search(text, max(window, hs - 80), hs) is not None
                and (m := before.search(text, window, min(len(text), he + 1))) is not None
                and m.end() > hs
            ):
                found.append(m)
            low = he
        spans: list[tuple[int, int]] = []
        for m in found:
            s, e = m.span("list")
            if all(e <= a or s >= b for a, b in spans):
                spans.append((s, e))
        out: list[list[Mention]] = []
        for s, e in sorted(spans):
            members = []
            for m in name.finditer(text, s, e):
                pk = self.province(m.group(0))
                zk = self.zone_of_province(pk) if pk is not None else None
                if zk is not None:
                    members.append(Mention(zk, m.start(), m.end(), m.group(0)))
            if members:
                out.append(members)
        return out


@functools.cache
def _default_gazetteer() -> Gazetteer:
    """Build the gazetteer of the default reference files once."""
    provinces = load_provinces()
    zones = load_zones(provinces=provinces)
    return Gazetteer(zones, provinces, load_bodies(), load_areas(zones=zones), load_cities(provinces=provinces))
