"""Adoption rule of the narrative for a measure that extends a zone's pilot to others: ``extending to all PFTZs the
<practice> first trialled in <zone>``, ``extended the <practice> previously confined to <place> to <zones>``.

The ``extended-from`` rule (:func:`adoption_extended_from`), registered in :data:`loaders.narrative.RULES`: the
subject is a document or a body, so the clause names both where the practice began and where it now applies.
"""

from __future__ import annotations

import re

from pftz.loaders.lexicon import CONFINED_LEADS, LAUNCH_PARTICIPLES, NATIONAL_SCOPES, alternation
from pftz.loaders.narrative_facts import AdoptionFact, Clause, State

EXTENDED_FROM = "extended-from"
"""The rule's name (its measures are national ones: :mod:`loaders.report_story`)."""

_NAME = r"(?P<name>[a-z][\w'’\"“”+-]*(?:\s+[\w'’\"“”+-]+){1,12}?)"
_LEAD = (
    rf"(?:(?:first|initially|originally|previously|earlier|once)\s+)?"
    rf"(?:(?:{alternation(LAUNCH_PARTICIPLES)})\s+(?:in|by|at)|{alternation(CONFINED_LEADS)})"
)
EXTENDED_FROM_RE = re.compile(
    rf"\bextend(?:ed|ing|s)\s+to\s+(?P<to1>[^;,]{{3,80}}?)\s+the\s+{_NAME}\s+{_LEAD}\s+(?P<where1>[^;]{{3,160}}?)"
    r"\s*(?:[;.]|,\s|$)"
    rf"|\bextend(?:ed|ing|s)\s+the\s+{_NAME.replace('name', 'name2')}\s+{_LEAD}\s+(?P<where2>[^;]{{3,160}}?)"
    r"\s+to\s+(?P<to2>[^;]{3,160}?)\s*(?:[;.]|,\s*(?:and|while|which)\b|$)"
)
"""A practice extended with where it began: ``extending to all PFTZs the <practice> first trialled in X and Y``,
``extended the <practice> previously confined to X to the Y Area of Z PFTZ and the W Area``."""

_GROUP_RE = re.compile(
    rf"^(?:{alternation(NATIONAL_SCOPES)})$|^all\s+(?:[a-z-]+\s+){{0,2}}(?:PFTZs|FTZs|pilot free trade zones)$",
    re.IGNORECASE,
)
"""Where a practice was extended when that is a group of zones, not places: ``all PFTZs``, ``all coastal PFTZs``."""
NARROWED_GROUP_RE = re.compile(
    r"^all\s+(?!pilot\s+free)(?:[a-z-]+\s+){1,2}(?:PFTZs|FTZs|pilot free trade zones)$", re.IGNORECASE
)
"""A group of some zones only, printed as the adopter of a national measure: ``all coastal PFTZs``."""


def _roots(keys: list[str]) -> list[str]:
    return list(dict.fromkeys(k.split("/", 1)[0] for k in keys))


def _origins(st: State, where: str) -> tuple[str, ...]:
    """The zones a practice began in: the zones and areas named (an area by its place's name alone too: ``Nansha``),
    else the PFTZs of the provinces named."""
    zones = [z.key for z in st.find_zones(where)]
    if not zones and re.fullmatch(r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?", where):
        zones = [z.key for z in st.find_zones(f"{where} Area")]  # "piloted in Nansha": the Nansha Area
    if not zones:
        zones = [z for p in st.gaz.find_provinces(where) if (z := st.gaz.zone_of_province(p.key)) is not None]
    return tuple(dict.fromkeys(zones))


def adoption_extended_from(c: Clause) -> list[AdoptionFact]:
    """``..., extending to all PFTZs the <practice> first trialled in <zone>``; ``The measures extended the
    <practice> previously confined to <place> to <zones>``: the practice adopted by the group as printed (``all
    PFTZs``, ``all coastal PFTZs``) or by each zone named (areas of one zone once), its origins the zones (or the
    PFTZs of the provinces) the clause of origin names (:data:`loaders.lexicon.LAUNCH_PARTICIPLES`,
    :data:`loaders.lexicon.CONFINED_LEADS`).

    Rejects a clause naming no zone of origin, a target that is neither a group of zones nor a zone, and a target
    zone that is an origin.
    """
    s, st = c.s, c.st
    out: list[AdoptionFact] = []
    for m in EXTENDED_FROM_RE.finditer(s.text):
        first = m.group("name") is not None
        name = re.sub(r"[\"“”]", "", m.group("name") if first else m.group("name2"))
        where, to = (m.group("where1"), m.group("to1")) if first else (m.group("where2"), m.group("to2"))
        origins = _origins(st, where)
        if not origins:
            continue
        target = re.sub(r"^(?:the\s+)", "", to.strip())
        if _GROUP_RE.match(target):
            out.append(AdoptionFact(name, "scope", target, target, s.line, s.original, EXTENDED_FROM, origins))
            continue
        own = set(_roots(list(origins)))
        for key in _roots([z.key for z in st.find_zones(to)]):
            if key not in own:
                out.append(AdoptionFact(name, "zone", key, key, s.line, s.original, EXTENDED_FROM, origins))
    return out
