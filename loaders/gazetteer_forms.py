"""How the gazetteer's names are printed: the forms of zone names, provinces, governments and lists of zones.

The templates of a zone's name by its province's place names, the suffixes of provinces, the
generated names of provincial people's governments, the heads and patterns of lists of zones
by place, and how close a misspelt zone name is to a known form (:class:`ZoneMatch`).
:class:`loaders.gazetteer.Gazetteer` builds and reads its names with them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple

from rapidfuzz import fuzz

from pftz.ground.errors import ReferenceDataError
from pftz.ground.names import NAME_LEFT, NAME_RIGHT, name_alternation, normalize_name
from pftz.loaders.reference import _NO_PEOPLES_GOVERNMENT
from pftz.loaders.reference_rows import ProvinceRef


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


def _places(p: ProvinceRef) -> list[str]:
    """Return the place names of a province (its name and aliases)."""
    return [p.name, *p.aliases]


def _province_names(p: ProvinceRef) -> list[str]:
    """Return every name of a province: name, aliases and ``"<name> <Kind>"``."""
    suffixed = [f"{p.name} {s}" for s in _PROVINCE_SUFFIXES.get(p.kind, ())]
    return [p.name, *p.aliases, *suffixed]


def _has_government(p: ProvinceRef) -> bool:
    """Whether a province has a people's government (not the SARs, not Taiwan)."""
    return p.kind != "SAR" and p.key not in _NO_PEOPLES_GOVERNMENT


def _government_names(p: ProvinceRef) -> list[str]:
    """Return the generated English names of a provincial people's government."""
    names = []
    for place in _province_names(p):
        names += [f"People's Government of {place}", f"{place} People's Government"]
    adjective = _GOVERNMENT_ADJECTIVE.get(p.kind)
    if adjective:
        names.append(f"{p.name} {adjective} People's Government")
    return names


def _best_form_score(zone_forms: Mapping[str, str], norm: str, zone_key: str) -> float:
    """Return the best similarity of a normalised name to any form of a zone (``zone_forms``: each form's zone)."""
    forms = [f for f, k in zone_forms.items() if k == zone_key]
    return max((float(fuzz.ratio(norm, f)) for f in forms), default=0.0)


def _closest_province(province_forms: Mapping[str, str], place: str) -> str | None:
    """Return the single province whose name (``province_forms``: each form's province) is closest to ``place``
    (None on a tie)."""
    scores: dict[str, float] = {}
    for form, pk in province_forms.items():
        scores[pk] = max(scores.get(pk, 0.0), float(fuzz.ratio(place, form)))
    if not scores:
        return None
    top = max(scores.values())
    best = [pk for pk, s in scores.items() if s == top]
    return best[0] if len(best) == 1 else None


def _zone_list_patterns(
    province_surface: Iterable[tuple[str, bool]],
) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Compile the patterns of zone lists by the names of the provinces (:meth:`Gazetteer._list_patterns`)."""
    name = rf"(?:{name_alternation(province_surface)}){NAME_RIGHT}"
    sep = r"\s*,\s*"
    last = r"\s*,?\s*and\s+"
    listing = rf"{name}(?:{sep}{name})*(?:{last}{name})?"
    after = rf"{NAME_LEFT}{_LIST_HEAD}\s+(?:of|in)\s+(?:the\s+)?(?P<list>{listing})"
    before = (
        rf"{NAME_LEFT}(?P<list>{name}(?:{sep}{name})*{last}{name}"
        rf"|{name}(?:\s*[-\u2010\u2011\u2013\u2014]\s*{name})+)\s+{_LIST_HEAD}{NAME_RIGHT}"
    )
    ending = rf"(?:\band\s+|[-\u2010\u2011\u2013\u2014]\s*){name}\s+$"
    return (
        re.compile(after, re.IGNORECASE),
        re.compile(before, re.IGNORECASE),
        re.compile(rf"{NAME_LEFT}{name}", re.IGNORECASE),
        re.compile(ending, re.IGNORECASE),
    )


def _list_spans(
    text: str,
    heads: Sequence[tuple[int, int]],
    after: re.Pattern[str],
    before: re.Pattern[str],
    ending: re.Pattern[str],
) -> list[tuple[int, int]]:
    """The spans of the lists of places of ``text`` (the ``list`` group), by the heads of lists found in it
    and the patterns of :func:`_zone_list_patterns`; a list overlapping one found before is left out."""
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
    return spans
