"""Lists of adopters after a verb of adopting, for :mod:`loaders.narrative_adoptions` and
:mod:`loaders.narrative_passive`: the place a text names first (a coordinated innovation zone, a province, a city
or a zone) and every further adopter of a list of several kinds (:func:`listed_adopters`)."""

from __future__ import annotations

import itertools
import re

from pftz.loaders.gazetteer_scan import Mention
from pftz.loaders.narrative_descriptions import coordinated_city
from pftz.loaders.narrative_facts import (
    COORDINATED_RE,
    Sentence,
    State,
)

_PROVINCE_AREA_RE = re.compile(r"(?:'s|’s)\s+(?:[A-Z][\w'’-]*\s+){1,4}Area\b")
"""An area after its province's possessive: ``Guangxi's Qinzhou Port Area``."""


def _place_of(st: State, text: str) -> tuple[str, str, str, str] | None:
    """(kind, key, name, parent zone) of the first adopter a text names: a coordinated innovation zone, a
    province (a place named alone: ``Hebei``, ``Jiangxi Province``) or a zone (``Guangxi's Qinzhou Port
    Area``: an area of the province's PFTZ is the zone)."""
    cm = COORDINATED_RE.search(text)
    ps = st.gaz.find_provinces(text, exclude_zones=True)
    zs = st.find_zones(text)
    if ps and (area := _PROVINCE_AREA_RE.match(text, ps[0].end)) and (pz := st.gaz.zone_of_province(ps[0].key)):
        # "Guangxi's Qinzhou Port Area": an area of the province's PFTZ, known to the gazetteer or not
        if not (zs and zs[0].start < area.end() and zs[0].key.split("/", 1)[0] == pz):
            zs = [Mention(pz, ps[0].start, area.end(), text[ps[0].start : area.end()]), *zs]
        ps = ps[1:]
    found: list[tuple[int, tuple[str, str, str, str]]] = []
    if cm and (parent := st.gaz.zone(cm.group("zone"))):
        found.append((cm.start(), ("coordinated", cm.group("name").lower(), cm.group("name"), parent)))
    elif (bare := coordinated_city(st, text)) is not None:  # "the Jingzhou coordinated innovation zone": its city
        found.append(bare)
    if ps:
        found.append((ps[0].start, ("province", ps[0].key, ps[0].text, "")))
    if cs := st.gaz.find_cities(text):
        found.append((cs[0].start, ("city", cs[0].key, cs[0].text, "")))
    if zs and not (cm and cm.start() <= zs[0].start <= cm.end()):
        found.append((zs[0].start, ("zone", zs[0].key, zs[0].text, "")))
    return min(found)[1] if found else None


_OWN_CLAUSE_RE = re.compile(
    r"[,;]\s*(?:and\s+|while\s+|whereas\s+)?(?:[A-Z][\w'’-]*\s+){1,3}(?:has\s+|have\s+)?[a-z]+ed\b|"
    r"[,;]\s*(?:and\s+|while\s+|whereas\s+)?(?:the\s+)?(?:[A-Z][\w'’-]*\s+){1,3}of\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){1,3}"
    r"(?:(?:has|have|is|are|was|were)\s+)?[a-z]+(?:ed|ing)\b"
)
"""A clause after a passive adoption's adopter with a subject and a verb of its own (``taken up by Shanxi
Province, and Gansu borrowed ...``, ``..., and the Dalian Area of Liaoning PFTZ is testing it``): the adopters end
before it."""


_ITS_SUBJECT_RE = re.compile(r"^\s*(?:Its|Their)\s+$")
"""A possessive pronoun before a quoted name opening its clause: the paragraph's subject zone owns it."""
_LIST_SEP_RE = re.compile(
    r"\s+and,\s+(?:in|since|by|with|after|under|through)\s+[^,;]{2,80}?,\s+|\s*,\s*(?:and\s+|as well as\s+)?"
    r"|\s+(?:and|as well as)\s+"
)
"""What parts the items of a list of adopters (``, ``, ``, and ``, `` and ``, `` as well as ``, `` and, in 2025, ``,
`` and, in a modified form, ``)."""
_QUOTE_MARK_RE = re.compile(r"[\"“”]")
_LIST_END_RE = re.compile(
    r"[;:(]|\s(?:which|who|where|while|whereas|after|before|since|said|says|but)\s|\sas\s(?!well\b)(?<!well\sas\s)"
)
"""Where a list of adopters ends: a clause mark or a word that opens a clause (``, which ...``, ``before ...``)."""
_ITEM_LEAD_RE = re.compile(
    r"(?:(?:later|also)\s+)?(?:(?:by|in|to)\s+)?(?:the\s+)?"
    r"(?:(?:cit(?:y|ies)|count(?:y|ies)|provinces?|municipalit(?:y|ies)|prefectures?|ports?)\s+of\s+)?"
)
"""The list words an item may open with before its place: ``by the``, ``later in``, ``the city of``, ``the port of``."""
_LOCATED_IN_RE = re.compile(r"\s+in\s+\S.*")
"""A place after the first adopter that locates it (``the X Pilot Zone in Hainan``): no adopter."""
_CITY_OF_PROVINCE_RE = re.compile(r"(?:'s|’s)\s+")
"""A city after its province's possessive (``Inner Mongolia's Manzhouli``): the city is the adopter."""
LIST_ITEM_WORDS = 8
"""An item of a list of more words than this is an adopter only when its place opens it (after list words)."""


def _locates(st: State, words: str) -> bool:
    """Whether the words after a place are the province that locates it (`` in Hainan``)."""
    return bool(_LOCATED_IN_RE.fullmatch(words)) and (p := _place_of(st, words)) is not None and p[0] == "province"


def _city_of_province(st: State, item: str, province: tuple[str, str, str, str]) -> tuple[str, str, str, str] | None:
    """The city right after the possessive of the province an item names, when it lies in that province."""
    at = item.find(province[2])
    of = _CITY_OF_PROVINCE_RE.match(item, at + len(province[2])) if at >= 0 else None
    cities = st.gaz.find_cities(item[of.end() :]) if of else []
    if cities and cities[0].start == 0 and (ref := st.gaz.cities.get(cities[0].key)) and ref.province == province[1]:
        return ("city", cities[0].key, cities[0].text, "")
    return None


def listed_adopters(st: State, text: str, first: str) -> list[tuple[str, str, str, str]]:
    """The adopters (kind, key, name, parent zone) listed in ``text`` after the first one, printed ``first``.

    The items after ``first`` are parted by ``,``, ``, and``, ``and``, ``as well as``; each is read alone
    (:func:`_place_of`): a zone, an area (its zone), a province, a city, a coordinated innovation zone.
    Reads:

    - ``X PFTZ, Y Province and the cities of A and B``: a list of mixed kinds, each item its place;
    - ``Jiangxi Province and by the city of Huaihua``, ``the Nansha Area of X PFTZ and to Hengqin``,
      ``Luoyang and Kaifeng as well as in ...``: list words before an item's place;
    - ``Inner Mongolia's Manzhouli``: a city after its province's possessive is the city;
    - ``the X Pilot Zone in Hainan and by Tianjin``, ``Linyi in Shandong and Changshu in Jiangsu``: a province
      that locates the place before is no adopter;
    - ``... to Guangxi in 2026 and now serves visitors at Beihai``, ``in Sichuan province and taken up by
      Guizhou``: a short item after ``and`` naming a place anywhere.

    An item whose place does not open it (after the list words ``by``, ``in``, ``to``, ``the``, ``the city of``)
    is read only when ``and`` joins it and it has at most :data:`LIST_ITEM_WORDS` words (``Kunshan, a city in
    Jiangsu, ...`` is an apposition); a longer item whose place opens it ends the list, unless all it adds is
    the province that locates the place. The first adopter's own item may go on with a province that locates it
    (``in Hainan``) or words naming no place (``in 2026``).
    The list ends at a clause mark or a word opening a clause (``;``, ``(``, ``, which``, ``before``, ``said``),
    where a clause with a subject and verb of its own begins (``..., and Gansu borrowed ...``), at a quoted name
    and at the first item naming no place. Nothing when ``text`` does not print ``first``.

    Examples
    --------
    >>> from pftz.loaders.gazetteer import Gazetteer
    >>> g = Gazetteer.default()
    >>> st = State(g, g.find_zones)
    >>> [a[:2] for a in listed_adopters(st, "Hunan Province and by the city of Huaihua", "Hunan Province")]
    [('city', 'huaihua')]
    """
    text = " ".join(text.split())
    at = text.find(first)
    if at < 0 or not first:
        return []
    rest = text[at + len(first) :]
    if (end := _LIST_END_RE.search(rest)) is not None:
        rest = rest[: end.start()]
    if cut := _OWN_CLAUSE_RE.search(rest):
        rest = rest[: cut.start()]
    seps = list(_LIST_SEP_RE.finditer(rest))
    if not seps:
        return []
    tail = rest[: seps[0].start()]  # the rest of the first item: "in 2026", "in Jilin province"
    located = _locates(st, tail)
    if _QUOTE_MARK_RE.search(tail) or not (len(f"{first}{tail}".split()) <= LIST_ITEM_WORDS or located):
        return []
    if not located and _place_of(st, tail) is not None:
        return []  # "Henan PFTZ in its Zhengzhou Area, and ...": the first item names another place
    out: list[tuple[str, str, str, str]] = []
    for m, nxt in itertools.pairwise([*seps, None]):
        assert m is not None
        item = rest[m.end() : nxt.start() if nxt else len(rest)]
        if not item.strip():
            continue
        if _QUOTE_MARK_RE.search(item) or (who := _place_of(st, item)) is None:
            break
        lead = _ITEM_LEAD_RE.match(item)
        at = lead.end() if lead else 0
        opens = item.startswith(who[2], at)
        # "by the X Pilot Zone in Hainan": a place with the province that locates it is an item of any length
        long = len(item.split()) > LIST_ITEM_WORDS and not (opens and _locates(st, item[at + len(who[2]) :]))
        if not opens and (long or m.group(0).strip() == ","):
            break  # "Kunshan, a county-level city in Jiangsu, ...": an apposition, no item
        if who[0] == "province":
            who = _city_of_province(st, item, who) or who  # "Inner Mongolia's Manzhouli": the city
        out.append(who)
        if long:
            break
    return out


def _zone_list_at(s: Sentence, at: int) -> tuple[str, ...]:
    """The zones of a list of several printed as one actor right at ``at`` (``the PFTZs of Beijing and Hebei``,
    ``the Jiangsu and Zhejiang FTZs``), else nothing."""
    for a in s.actors:
        if (
            len(a.keys) > 1
            and at <= a.start
            and re.fullmatch(r"\s*(?:the\s+)?(?:P?FTZs\s+(?:of|in)\s+)?", s.text[at : a.start])
        ):
            return a.keys
    return ()
