"""Curated reference data: zones, provinces, issuing bodies, document prefixes.

The files under ``data/reference/`` hold facts that the report does not state
(Chinese names, establishment dates, coordinates, the Chinese form of document
number prefixes), each row with its source; ``data/reference/SOURCES.md``
describes them. This module reads them into frozen records
(:mod:`loaders.reference_rows`) and into graph records (:func:`load_reference`);
:class:`loaders.gazetteer.Gazetteer` resolves the many English spellings of a
zone, a province or a body to one key, and finds their mentions in free text.

Each file has a pure ``parse_*`` function (text in, records out) and a thin
``load_*`` function that reads the file. A bad row raises
:class:`~ground.errors.ReferenceDataError` naming the file and the line; all
problems of a file are reported together.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from pftz.ground.errors import ReferenceDataError
from pftz.ground.schema import SCOPE_REGION_KEYS, Label, RegionKind, Rel, ZoneKind
from pftz.ground.text import decode_text
from pftz.loaders.manifest import REFERENCE_DIR as REFERENCE_DIR  # the path lives in the light manifest module
from pftz.loaders.records import Entity, NodeRef, ParsedReport, PropValue, Provenance, Relation, freeze_props
from pftz.loaders.reference_rows import (
    _KEY_RE,
    AreaRef,
    BodyRef,
    CityRef,
    PrefixRef,
    ProvinceRef,
    ScopeRef,
    ZoneRef,
    _aliases,
    _check_key,
    _date,
    _float,
    _raise_problems,
    _read_table,
    _require,
)

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
