"""Adoption helpers of the narrative for the noun phrases writers use instead of a name: a definite description of
the innovation named before (``the through bill``, ``the Qingdao platform``, ``the one-form application``), and a
province that took an innovation up for an area of its own PFTZ (``Yunnan adopted ... in its Dehong Area``).

Used by the ``adopted-by`` and ``drew-on`` rules (:mod:`loaders.narrative_passive`,
:mod:`loaders.narrative_adoptions`); no rule of its own.
"""

from __future__ import annotations

import re

from pftz.loaders.lexicon import ANAPHORA, DESCRIPTION_FOLLOWERS, NOT_DESCRIPTION_HEADS, alternation
from pftz.loaders.narrative_facts import Named, Sentence, State

_DESCRIPTION_RE = re.compile(
    r"^\s*(?:[A-Z][^,;]{0,60},\s*)?(?:[Tt]he|[Tt]his)\s+(?:(?P<place>[A-Z][\w'’-]+)\s+)?"
    r"(?P<words>[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,3}?)"
    rf"(?=\s*(?:[,.;]|$)|\s+(?:{alternation(DESCRIPTION_FOLLOWERS)})\b)"
)
"""A definite noun phrase of a few lower-case words, a place's name before them or not, as a clause's subject or a
verb's object (``Since its launch, the through bill``, ``the Qingdao platform to issue ...``); what may precede
it, an opening phrase set off by a comma, and what may follow it, a place or a time (``in its X Area``)."""

_HEADS = frozenset(a.split()[1] for a in ANAPHORA if a.startswith("the ") and len(a.split()) == 2)
"""The nouns of :data:`loaders.lexicon.ANAPHORA` (``the model``): a description of one of them alone needs no word
of the name."""

_WORD_RE = re.compile(r"[\w'’+-]+")


def _root(key: str) -> str:
    return key.split("/", 1)[0]


def _place_zone(st: State, place: str) -> str | None:
    """The PFTZ a place's name before a description stands for: a province's (``the Henan reform``), a zone's or
    an area's (``the Qingdao platform``: the Qingdao Area's PFTZ)."""
    ps = st.gaz.find_provinces(place)
    if len(ps) == 1 and ps[0].text == place:
        return st.gaz.zone_of_province(ps[0].key)
    zs = st.find_zones(place) or st.find_zones(f"{place} Area")
    return _root(zs[0].key) if len(zs) == 1 else None


def described(st: State, case: Named | None, text: str) -> Named | None:
    """The innovation named before (``case``) when ``text`` opens with a definite description of it: ``the`` or
    ``this`` and words that all occur in its name (``the through bill`` for the ``integrated rail-sea through bill
    of lading``, ``the one-form application`` for the ``one-form application for foreign-invested enterprises``), or
    a noun of :data:`loaders.lexicon.ANAPHORA` alone (``the reform``); a place's name before the words must be the
    innovation's (``the Qingdao platform``: a platform of the PFTZ of the Qingdao Area). Never a head that names a
    place or a body (:data:`loaders.lexicon.NOT_DESCRIPTION_HEADS`: ``the zone``, ``the province``); else None.

    Examples
    --------
    >>> described(None, None, "the through bill") is None  # nothing named before
    True
    """
    if case is None or (m := _DESCRIPTION_RE.match(text)) is None:
        return None
    words = m.group("words").lower().split()
    if words[-1] in NOT_DESCRIPTION_HEADS:
        return None
    named = set(_WORD_RE.findall(case.name.lower()))
    if not (all(w in named for w in words) or (len(words) == 1 and words[0] in _HEADS)):
        return None
    if m.group("place") and _place_zone(st, m.group("place")) not in {_root(z) for z in case.zones}:
        return None
    return case


_OWN_AREA_RE = re.compile(r"\b(?:in|for|at|through)\s+its\s+(?P<area>(?:[A-Z][\w'’-]*\s+){1,4}Area)\b")
"""An area of the adopter's own, after its object: ``adopted ... in its Dehong Area``."""


def own_area_adopter(st: State, who: tuple[str, str, str, str], obj: str) -> tuple[str, str, str, str]:
    """The adopter (kind, key, name, parent zone) of an active adoption: a province that took an innovation up
    ``in its <X> Area``, an area of its own PFTZ, acted as that PFTZ (``Yunnan adopted Guangxi PFTZ's "..." model
    in its Dehong Area``: Yunnan PFTZ); else ``who`` itself."""
    kind, key, printed, _parent = who
    if kind != "province" or (m := _OWN_AREA_RE.search(obj)) is None:
        return who
    zone = st.gaz.zone_of_province(key)
    zs = st.find_zones(m.group("area"))
    return ("zone", zone, printed, "") if zone is not None and zs and _root(zs[0].key) == zone else who


_BARE_COORDINATED_RE = re.compile(r"\b(?P<name>[A-Z][a-z]+) coordinated innovation zone\b(?! of\s)")
"""A coordinated innovation zone printed without its PFTZ: ``the Jingzhou coordinated innovation zone``."""


def coordinated_city(st: State, text: str) -> tuple[int, tuple[str, str, str, str]] | None:
    """(where, (kind, key, name, parent zone)) of the city whose coordinated innovation zone a text names without
    its PFTZ (``extended to Xiangyang and the Jingzhou coordinated innovation zone``: Jingzhou), else None."""
    if (m := _BARE_COORDINATED_RE.search(text)) is None or not (cs := st.gaz.find_cities(m.group("name"))):
        return None
    return m.start(), ("city", cs[0].key, cs[0].text, "")


def named_again(st: State, s: Sentence, para_cases: int, para_adoptions: int) -> Named | None:
    """The innovation of the paragraph a sentence that reads no fact names again by its quoted name (the whole name,
    or the quoted words it opens with: ``The 10th batch of X PFTZ included a "one-window" service for ...`` after
    a rule read that service from the paragraph's first sentence), the last one it quotes; else None. Only the
    paragraph's facts are looked at (``para_cases``, ``para_adoptions``: where they start)."""
    for q in reversed(s.quotes):
        key = q.name.lower().strip()
        if len(key) < 4:
            continue
        named = [(a.name, a.origins) for a in reversed(st.adoptions[para_adoptions:])]
        named += [(c.name, c.zones) for c in reversed(st.cases[para_cases:])]
        for name, zones in named:
            low = name.lower()
            if zones and (low == key or low.startswith(f"{key} ")):
                return Named(name, tuple(zones), s.line)
    return None
