"""The narrative's rule for a release's list of items, each with its zone and where it is replicated.

A provincial release lists the cases of its batch one an item: ``3. A "..." settlement mechanism for ...
(Honghe Area) -- replicated in Wenshan, Pu'er and Xishuangbanna;``. The item is the case of the zone (or area)
its brackets name; the words after the dash say where it is replicated: the zone's province (``throughout the
province``), or the places of a list (cities, prefectures, provinces, zones). Imported by
:mod:`loaders.narrative`, which lists the rule in :data:`~loaders.narrative.RULES`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from pftz.loaders.lexicon import PASSIVE_ADOPT_VERBS, alternation
from pftz.loaders.narrative_adopter_lists import _place_of
from pftz.loaders.narrative_adoptions import root
from pftz.loaders.narrative_facts import (
    PROVINCE_SCOPE_RE,
    AdoptionFact,
    CaseFact,
    Clause,
    Fact,
)

ITEM_RE = re.compile(
    r"^\s*(?:(?:\d{1,2}[.)]|[-•·*])\s+)?(?P<item>[^()]{8,240}?)\s*\((?P<where>[^()]{3,120})\)\s*(?:--|—|–|:)\s*"
    rf"(?:(?:to be|is|are|was|were|has been|have been)\s+)?(?P<verb>{alternation(PASSIVE_ADOPT_VERBS)})\b"
    r"(?P<scope>[^;]*?)\s*[;.]?\s*$"
)
"""A listed item, its zone in brackets, a dash and where it is replicated: ``1. <item> (<X> Area) -- replicated
throughout the province;`` (its number, when the sentence splitter left it on the item, read past)."""
_WHERE_JOIN_RE = re.compile(r"\s*(?:,\s*(?:and\s+)?(?:jointly\s+with\s+)?|\s+(?:and|jointly with|with)\s+)\s*")
"""What joins two zones of the brackets: ``Kunming Area, jointly with Honghe Area``."""
_PLACE_SEP_RE = re.compile(r"\s*,\s*(?:and\s+)?|\s+(?:and|as well as)\s+")
_ARTICLE_RE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_QUOTES_RE = re.compile(r"[\"“”‘’]|(?<![A-Za-z])'|'(?![A-Za-z])")


def _zones_of(c: Clause, where: str) -> tuple[str, ...]:
    """The zones a bracket names, every part of it a zone or an area (else nothing)."""
    keys: list[str] = []
    for part in _WHERE_JOIN_RE.split(where.strip()):
        zs = c.st.find_zones(part)
        if len(zs) != 1 or len(zs[0].text) < len(_ARTICLE_RE.sub("", part.strip())) - 4:
            return ()
        keys.append(root(zs[0].key))
    return tuple(dict.fromkeys(keys))


def listed_items(c: Clause) -> Sequence[Fact]:
    """``<n>. <innovation> (<zone or area>[, jointly with <area>]) -- replicated <where>;``: a listed case.

    The item (its article and quote marks dropped) is a case of the zones the brackets name (an area: its
    PFTZ); only a bracket whose every part is a zone or an area counts. The words after the verb of replicating
    name the adopters: ``throughout the province`` (a province scope: the province of the item's one zone),
    else every place of the list after ``in``/``at``/``to`` (``in Wenshan, Pu'er and Xishuangbanna``, ``at the
    Mohan port in Xishuangbanna and the Tianbao port in Wenshan``: the city or prefecture of each). A list
    that stops naming places ends there; an adopter that is the item's own zone is none.
    """
    s = c.s
    if (m := ITEM_RE.match(s.text)) is None:
        return []
    zones = _zones_of(c, m.group("where"))
    if not zones:
        return []
    name = _QUOTES_RE.sub("", _ARTICLE_RE.sub("", m.group("item").strip())).strip()
    name = " ".join(name.split())
    if len(name.split()) < 2:
        return []
    line = s.line_at(m.start("item"))
    out: list[Fact] = [CaseFact(name, tuple(sorted(zones)), line, s.original, "listed-item", joint=len(zones) > 1)]
    scope = m.group("scope").strip()
    if PROVINCE_SCOPE_RE.search(scope):
        ref = c.st.gaz.zones.get(zones[0])
        if len(zones) == 1 and ref is not None and ref.province in c.st.gaz.provinces:
            prov = c.st.gaz.provinces[ref.province]
            fact = AdoptionFact(name, "province", prov.key, prov.name, line, s.original, "listed-item", zones)
            out.append(replace(fact, scope="province-wide"))
        return out
    if (at := re.match(r"(?:in|at|to|across|throughout)\s+", scope)) is None:
        return out
    seen: set[tuple[str, str]] = set()
    for part in _PLACE_SEP_RE.split(scope[at.end() :]):
        who = _place_of(c.st, part) if part.strip() else None
        if who is None:
            break
        kind, key, printed, parent = who
        if (kind, key) in seen or (kind == "zone" and root(key) in zones):
            continue
        seen.add((kind, key))
        out.append(AdoptionFact(name, kind, key, printed, line, s.original, "listed-item", zones, parent))
    return out


_LATEST_BATCH_RE = re.compile(
    r"^(?:The|Its|Their)\s+(?:(?:latest|newest|new|most recent|last|\w+)\s+)?batch\b[^;]{0,80}?\b"
    r"(?:includes|included|contains|contained|covers|covered|features|featured)\s+(?P<items>[^;]{8,400}?)\s*\.?$"
)
"""A sentence listing what a batch includes: ``The latest batch, announced in February, includes A and B.``"""
_ITS_BATCH_RE = re.compile(
    r"\bits\s+(?:[\w-]+\s+){0,3}batch\b[^;\"“”]{0,160}?(?:,\s*|\s+)(?:including|such as)\s+(?P<its_items>[^;]{8,400})"
)
"""A zone's own batch and some of its items in one sentence: ``In its 2026 batch of 30 ..., the X Pilot FTZ listed
nine from its Y Area, including A, B and C``, ``X PFTZ released its fifth batch ..., including A and B``."""
BATCH_INCLUDES_RE = re.compile(f"{_LATEST_BATCH_RE.pattern}|{_ITS_BATCH_RE.pattern}")
"""The gate of :func:`batch_includes`: either form."""
_ITEM_END_RE = re.compile(
    r",\s*(?:the\s+(?:latter|former)\s+|(?:all|some|most|each|both|one|two|three)\s+)?(?:of\s+)?"
    r"(?:which|whom|who|where|whose|while)\b|\s+(?:--|—|–)\s|\.\s*$"
)
_ITEM_CLAUSE_RE = re.compile(r"\s(?:which|that|who|has|have|had|is|are|was|were|will)\s")
"""A word that makes an item a clause of its own: the list ends before it."""
_ITEM_OPENING_RE = re.compile(r"^(?:the|a|an|its)\s|^[\"“‘']")
_RELEASED_BATCHES_RE = re.compile(r"\b(?:released|issued|published|announced)\b[^.;]{0,80}\bbatch(?:es)?\b")
_ITEM_SEP_RE = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+(?=(?:a|an|the|its)\s)")


def _batch_owner(c: Clause) -> tuple[str, ...]:
    """The zone whose own batches the sentence before says were released: a zone, or a province with one zone,
    opening it (``Hainan has released 17 batches of its own ... cases``)."""
    if c.i == 0:
        return ()
    prev = c.sents[c.i - 1]
    if not _RELEASED_BATCHES_RE.search(prev.text) or " own " not in prev.text:
        return ()
    head = [a for a in prev.actors if len(prev.text[: a.start].split()) <= 3]
    if head:
        return tuple(sorted({root(k) for k in head[0].keys}))
    ps = [p for p in c.st.gaz.find_provinces(prev.text) if len(prev.text[: p.start].split()) <= 3]
    if not ps:
        return ()
    kinds = [z for k in ("PFTZ", "FTP") if (z := c.st.gaz.zone_of_province(ps[0].key, k))]
    if len(kinds) > 1:  # a province of two zones (a PFTZ and a port): the one the text credited a case to
        told = {root(z) for f in c.st.cases[-8:] for z in f.zones} | set(
            c.st.last_named.zones if c.st.last_named else ()
        )
        kinds = [z for z in kinds if z in told]
    return (kinds[0],) if len(kinds) == 1 else ()


def batch_includes(c: Clause) -> Sequence[Fact]:
    """``Hainan has released 17 batches of its own cases ... . The latest batch, announced in February, includes a
    ‘single window’ for yachts and a credit-based inspection exemption for ...``: each item a case of the zone.

    The sentence before must say the zone (or its province: the province's one zone, or of its two the one the
    text credited a case to last) released batches of its ``own``; each item of the list (cut at commas and at
    ``and`` before an article), its article and quote marks dropped, of three words or more, is a case of that
    zone.
    """
    s = c.s
    if (m := _LATEST_BATCH_RE.match(s.text)) is None or not (zones := _batch_owner(c)):
        return _its_batch_items(c)
    out: list[Fact] = []
    at = m.start("items")
    for part in _ITEM_SEP_RE.split(m.group("items")):
        name = " ".join(_QUOTES_RE.sub("", _ARTICLE_RE.sub("", part.strip())).split())
        if len(name.split()) >= 3:
            line = s.line_at(max(at, s.text.find(part, at)))
            out.append(CaseFact(name, zones, line, s.original, "batch-includes"))
    return out


def _its_batch_items(c: Clause) -> list[Fact]:
    """``In its 2026 batch of 30 ..., the X Pilot FTZ listed nine from its Y Area, including the "A" scheme for ...,
    the "B" guarantee for ..., and a C mechanism for ..., which ...``: a zone's own batch (``its``) whose items the
    sentence gives after ``including`` or ``such as``; each item a case of that zone.

    The zone is the sentence's one subject zone (every zone the sentence names is it or one of its areas); the items
    open with an article, a possessive ``its`` or a quote mark, are cut at commas and at ``and`` before an article,
    end at a relative clause (``, which ...``, ``, the latter of which ...``), a dash or an item that is a clause of
    its own (a verb in it), and are of three words or more. Not after a rule of
    provincial batches read the sentence.
    """
    s = c.s
    if "its " not in s.text or c.fired & {"provincial-example", "zone-batch"}:
        return []
    m = _ITS_BATCH_RE.search(s.text)
    if m is None:
        return []
    owners = {root(k) for a in s.actors for k in a.keys}
    subject = [a for a in s.actors if a.end <= m.start("its_items")]
    if len(owners) != 1 or not subject or len(subject[0].keys) != 1:
        return []
    zones = tuple(owners)
    items = m.group("its_items")
    if end := _ITEM_END_RE.search(items):
        items = items[: end.start()]
    out: list[Fact] = []
    at = m.start("its_items")
    for part in _ITEM_SEP_RE.split(items):
        if not _ITEM_OPENING_RE.match(part.strip()) or _ITEM_CLAUSE_RE.search(part):
            break
        name = " ".join(_QUOTES_RE.sub("", _ARTICLE_RE.sub("", part.strip())).split())
        if len(name.split()) >= 3:
            line = s.line_at(max(at, s.text.find(part, at)))
            out.append(CaseFact(name, zones, line, s.original, "batch-includes"))
    return out
