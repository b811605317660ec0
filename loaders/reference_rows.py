"""The curated reference records (zones, cities, provinces, bodies, prefixes, scopes, areas) and their rows' checks.

Each row of a file under ``data/reference/`` becomes one frozen record; :mod:`loaders.reference`
reads the files (its ``parse_*`` and ``load_*`` functions) with the helpers here, which read a
CSV table, check its keys and values and collect every problem of a file into one
:class:`~ground.errors.ReferenceDataError` naming the file and the line.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from pftz.ground.dates import PartialDate, parse_iso
from pftz.ground.errors import ReferenceDataError

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
