"""Origins and adoptions as papers tell them, with years: the innovation is the subject, the zones come after.

"The first, the "e-seal relay" supervision model for cross-border containers, was
piloted by the Qingdao Area of the Shandong PFTZ in mid-2021 ...: the Henan PFTZ
adopted it ... in 2022"; "The second, joint panel mediation of ..., originated in
the Qianhai and Shekou Area of the China (Guangdong) Pilot Free Trade Zone in
2020"; "the SPV leasing model developed in the Dongjiang area of Tianjin FTZ ...
was adapted by the Nansha Area of Guangdong FTZ in 2016 and later by the Lingang
Special Area ...". :func:`paper_facts` reads such sentences into the narrative's
records (:class:`~loaders.narrative.CaseFact`, :class:`~loaders.narrative.AdoptionFact`)
and :func:`with_paper_facts` adds those the narrative did not read. The words
live in :mod:`loaders.lexicon`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from pftz.loaders.gazetteer_scan import Mention
from pftz.loaders.lexicon import (
    CASE_HEADS,
    ENUMERATED_NOUNS,
    ENUMERATING_LEADS,
    NAMED_HEADS_MORE,
    ORIGIN_PASSIVE_VERBS,
    PAPER_ADOPT_VERBS,
    alternation,
)
from pftz.loaders.narrative import AdoptionFact, CaseFact, Narrative
from pftz.loaders.prose_notices import ITEM_START_RE, SCOPE_HEADING_RE, item_name
from pftz.loaders.text import Paragraph

FindMentions = Callable[..., list[Mention]]
FindLists = Callable[[str], list[list[Mention]]]
"""A finder of lists of zones under one plural head ("the FTZs in A, B and C", "A, B and C FTZs")."""

PAPER_CASE = "paper-origin"
"""Rule name of a case read here."""
PAPER_ADOPTION = "paper-adopted"
"""Rule name of an adoption read here (of a case read here: the adoption is the case's)."""

_ENUM = (
    r"(?:(?:The|the)\s+(?:first|second|third|fourth|fifth|last|latter|former)"
    rf"|(?i:{alternation(ENUMERATING_LEADS)})\s+(?i:{alternation(ENUMERATED_NOUNS)}))\s*,\s*"
)
"""The lead of an enumerated subject: "The second, ...", "Another item, ..." (the lexicon's words)."""
_LIST_COMMA = r",(?=\s+[a-z][\w-]*(?:,|\s+and\s|\s+or\s))"
"""A comma inside a list of a subject's tail (``the "<name>" for customs, tax and market regulation, was ...``)."""
ORIGIN_RE = re.compile(
    rf"(?:^|[:;]\s*|{_ENUM}|\.\s+)(?P<enum>{_ENUM})?(?P<subj>(?:[Tt]he\s+|[Aa]n?\s+|[Ii]ts\s+)?(?:[^,;:()\"“”]|{_LIST_COMMA}|[\"“][^\"”]{{1,80}}[\"”]){{3,160}}?)\s*,?\s+"
    r"(?:(?:was|were|had\s+been|has\s+been)\s+)?(?:(?:first|initially|originally|jointly)\s+)?"
    rf"(?P<verb>{alternation(ORIGIN_PASSIVE_VERBS)})\s+(?:in|by|at)\s+(?P<place>(?:the\s+)?[A-Z][^;()]{{2,120}})"
)
"""An innovation, then a passive verb of origin and its zone: "<the X model> was piloted by the Qingdao Area of
..."; "<X>, originated in the Qianhai ... Area of ..."; a list inside the innovation's phrase ("for customs, tax and
market regulation") is no clause end."""
POSSESSIVE_SUBJECT_RE = re.compile(
    r"(?:^|[.;:]\s+)(?P<place>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}\s+(?:Pilot\s+)?(?:PFTZ|FTZ|Free Trade Port))"
    r"(?:'s|’s)\s+(?P<subj>[\"“][^\"”]{3,120}[\"”])"
)
"""A zone's own innovation as a sentence's subject: "Chongqing FTZ's "railway bill of lading ...", ..."."""
PASSIVE_ADOPT_RE = re.compile(
    r"\b(?:was|were|has\s+been|had\s+been)\s+(?:(?:later|subsequently|then|soon|also|quickly)\s+)?"
    rf"(?:{alternation(PAPER_ADOPT_VERBS)})\s+by\s+(?P<who>[^;()]{{2,200}})"
)
"""Adopters after the innovation: "... was adapted by the Nansha Area of Guangdong FTZ in 2016 and later by ..."."""
IT_ADOPT_RE = re.compile(
    rf"(?:^|[:;,]\s*|\band\s+)(?P<who>(?:the\s+)?[A-Z][^,;:()]{{1,80}}?)\s+(?:(?:later|then|also|soon)\s+)?"
    rf"(?:{alternation(PAPER_ADOPT_VERBS)}|adopted|replicated)\s+it\b"
)
"""An adopter of "it", the innovation the paragraph is telling: "the Henan PFTZ adopted it for ... in 2022"."""
ACTIVE_NAMED_RE = re.compile(
    rf"(?:^|[:;,]\s*|\band\s+)(?P<who>(?:the\s+)?[A-Z][^,;:()]{{1,80}}?)\s+(?:(?:later|then|also|soon)\s+)?"
    rf"(?:{alternation(PAPER_ADOPT_VERBS)})\s+the\s+(?P<obj>(?:[\w-]+\s+){{0,6}}?(?:{alternation(CASE_HEADS)}))\b"
)
"""An adopter of a named innovation: "the Pingtan Area of Fujian PFTZ adapted the Qianhai panel mediation model"."""
_CLAUSE_END_RE = re.compile(r"\s(?:before|after|while|whereas|which|so that|but)\s|[;(]|\.\s|\.$")
_PRONOUN_RE = re.compile(r"^(?:it|they|this|these|that|those|which|who|we|he|she)\b", re.IGNORECASE)
_HEAD_RE = re.compile(rf"\b(?:{alternation(CASE_HEADS)})s?$")
MAX_NAME_WORDS = 16
PLACE_REACH = 40
"""Characters at most between "piloted in|by" and the zone (``the Dongjiang area of Tianjin FTZ``)."""


def _subject_name(subj: str, enumerated: bool) -> str | None:
    """The innovation's name in a subject, or None when the subject is not one (a zone, a pronoun, a clause)."""
    s = subj.strip()
    if _PRONOUN_RE.match(s) or len(s.split()) > MAX_NAME_WORDS:
        return None
    quoted = '"' in s or "“" in s
    name = item_name(s)
    if not (quoted or enumerated or _HEAD_RE.search(name)) or len(name.split()) < 2:
        return None
    return name


def _places(
    text: str, find_zones: FindMentions, find_provinces: FindMentions, find_lists: FindLists | None = None
) -> list[tuple[str, Mention]]:
    """Zones (areas count as theirs) named in ``text``, each of a list under one plural head too (``the Hunan and
    Hubei pilot FTZs``), else provinces printed alone."""
    zs = find_zones(text)
    if zs and find_lists is not None:
        listed = [z for lst in find_lists(text) for z in lst]
        zs = sorted(
            [*listed, *(z for z in zs if not any(x.start <= z.start < x.end for x in listed))], key=lambda z: z.start
        )
    if zs:
        return [("zone", z) for z in zs]
    return [("province", p) for p in find_provinces(text, exclude_zones=True)]


def paper_facts(
    paras: Sequence[Paragraph],
    sentences_of: Callable[[Paragraph], Sequence[tuple[int, str]]],
    find_zones: FindMentions,
    find_provinces: FindMentions,
    find_lists: FindLists | None = None,
) -> tuple[list[CaseFact], list[AdoptionFact]]:
    """Rule: cases whose innovation is the subject of a passive verb of origin, and the adoptions told after them.

    In a sentence, "<innovation> was piloted|developed|introduced|originated in|by
    <zone or area> (in <year>)" is the zone's case (the innovation quoted, enumerated
    "The second, ...", or ending in a head noun); "<zone>'s "<innovation>"" as a
    subject is the zone's case too. After it, in the same sentence, "... was
    adapted|taken up by <places> (and later by <places>)" and, in the sentence or the
    rest of the paragraph, "<place> adopted it" are adoptions of that case; "<place>
    adapted the <Qianhai ...> model" (an innovation named by its zone's place) is :func:`named_adoptions`'.
    """
    cases: list[CaseFact] = []
    adoptions: list[AdoptionFact] = []
    for p in paras:
        current: CaseFact | None = None
        listed = any(ITEM_START_RE.match(p.text[o:]) or SCOPE_HEADING_RE.match(p.text[o:]) for o in p.offsets)
        for off, s in sentences_of(p):
            if not listed:  # a notice's numbered items are its own (:func:`loaders.prose_notices.notice_items`)
                cases.extend(_paren_cases(p, off, s, find_zones, find_lists))
            found: list[tuple[int, CaseFact]] = []
            for m in ORIGIN_RE.finditer(s):
                name = _subject_name(m.group("subj"), bool(m.group("enum")))
                place = m.group("place")
                cut = _CLAUSE_END_RE.search(place)
                zones = find_zones(place[: cut.start()] if cut else place)
                if name is None or not zones or zones[0].start > PLACE_REACH:
                    continue
                at, end = m.start("subj"), m.start("place") + zones[0].end
                found.append((end, CaseFact(name, (zones[0].key,), p.line_at(off + at), s, PAPER_CASE)))
            if not found and (pm := POSSESSIVE_SUBJECT_RE.search(s)):
                zones = find_zones(pm.group("place"))
                name = item_name(pm.group("subj"))
                if zones and len(name.split()) >= 2 and PASSIVE_ADOPT_RE.search(s, pm.end()):
                    found.append(
                        (pm.end(), CaseFact(name, (zones[0].key,), p.line_at(off + pm.start("subj")), s, PAPER_CASE))
                    )
            for end, case in found:
                cases.append(case)
                current = case
                nxt = [e for e, _c in found if e > end]
                limit = min(nxt, default=len(s))
                for am in PASSIVE_ADOPT_RE.finditer(s, end, limit):
                    who = am.group("who")
                    cut = _CLAUSE_END_RE.search(who)
                    for kind, place in _places(who[: cut.start()] if cut else who, find_zones, find_provinces):
                        adoptions.append(
                            _adoption(case, kind, place, p.line_at(off + am.start("who") + place.start), s)
                        )
            if current is None:
                continue
            for im in IT_ADOPT_RE.finditer(s):
                if found and im.start() < found[0][0]:
                    continue
                for kind, place in _places(im.group("who"), find_zones, find_provinces)[:1]:
                    adoptions.append(_adoption(current, kind, place, p.line_at(off + im.start("who")), s))
    return cases, adoptions


PASSIVE_NAMED_RE = re.compile(
    rf"\b(?P<obj>[Tt]he\s+(?:[\w-]+\s+){{0,6}}?(?:{alternation((*CASE_HEADS, *NAMED_HEADS_MORE))}))\s+"
    r"(?:(?:has|have|had)\s+(?:(?:since|also|now|already|later)\s+)?)?(?:been|was|were)\s+(?:(?:later|since|also|then|quickly)\s+)?"
    rf"(?:{alternation((*PAPER_ADOPT_VERBS, 'adopted', 'replicated'))})\s+by\s+(?P<who>[^;()]{{2,160}})"
)
"""A named innovation adopted by places: "the Chongqing inspection code has (since) been taken up by Sichuan, Guizhou
and Shaanxi provinces"."""
NAMED_SUBJECT_RE = re.compile(
    r"^(?P<obj>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}(?:'s|’s)\s+(?:[\w-]+\s+){0,5}?"
    rf"(?:{alternation((*CASE_HEADS, *NAMED_HEADS_MORE))}))\b"
)
"""A sentence whose subject is an innovation named by its zone's place: "Tianjin's credit profile, in contrast, ..."."""
IT_PASSIVE_RE = re.compile(
    r"^(?:It|This)\s+(?:(?:has|have|had)\s+)?(?:been|was)\s+(?:(?:later|since|also|then|quickly|soon)\s+)?"
    rf"(?:{alternation((*PAPER_ADOPT_VERBS, 'adopted', 'replicated'))})\s+by\s+(?P<who>[^;()]{{2,160}})"
)
"""The next sentence's ``It`` adopted by places: "It was taken up by Hebei FTZ and Beijing FTZ in 2024"."""


@dataclass(frozen=True)
class NamedAdoption:
    """An adoption of an innovation a text names by its zone's place ("the Qianhai panel mediation model").

    Parameters
    ----------
    printed
        The innovation as printed.
    zone
        The zone (key, an area's PFTZ) its name holds.
    adopters
        ``(kind, mention)`` of each adopter (``zone`` or ``province``).
    line, quote
        Where.
    """

    printed: str
    zone: str
    adopters: tuple[tuple[str, Mention], ...]
    line: int
    quote: str


def named_adoptions(
    paras: Sequence[Paragraph],
    sentences_of: Callable[[Paragraph], Sequence[tuple[int, str]]],
    find_zones: FindMentions,
    find_provinces: FindMentions,
    find_lists: FindLists | None = None,
) -> list[NamedAdoption]:
    """Rule: "<places> adapted the <zone's place> ... model", "the <zone's place> ... code has been taken up by
    <places>" (each zone of a list: "by the Hunan and Hubei pilot FTZs"): an innovation the text names by its zone, or
    by its zone's province (the caller finds which of the
    zone's cases it is; a zone's key is its province's); also "<Place>'s <name>, ..., spread quickly. It was taken up
    by <places>": the subject of the sentence before, in the same paragraph, adopted by the places after "by".
    """
    out: list[NamedAdoption] = []
    for p in paras:
        named = ""  # the innovation named by its place as the subject of the sentence before
        for off, s in sentences_of(p):
            for am in ACTIVE_NAMED_RE.finditer(s):
                zs = find_zones(am.group("obj")) or find_provinces(am.group("obj"))
                who = _places(am.group("who"), find_zones, find_provinces)[:1]
                if zs and who:
                    line = p.line_at(off + am.start("who"))
                    out.append(NamedAdoption(item_name(am.group("obj")), _top(zs[0].key), tuple(who), line, s))
            for pm in PASSIVE_NAMED_RE.finditer(s):
                zs = find_zones(pm.group("obj")) or find_provinces(pm.group("obj"))
                who_text = pm.group("who")
                cut = _CLAUSE_END_RE.search(who_text)
                who = _places(who_text[: cut.start()] if cut else who_text, find_zones, find_provinces, find_lists)
                if zs and who:
                    line = p.line_at(off + pm.start("obj"))
                    out.append(NamedAdoption(item_name(pm.group("obj")), _top(zs[0].key), tuple(who), line, s))
            if named and (im := IT_PASSIVE_RE.match(s)):  # "<Place>'s <name> ... . It was taken up by <places>"
                zs = find_zones(named) or find_provinces(named)
                cut = _CLAUSE_END_RE.search(im.group("who"))
                who = _places(im.group("who")[: cut.start()] if cut else im.group("who"), find_zones, find_provinces)
                if zs and who:
                    out.append(NamedAdoption(item_name(named), _top(zs[0].key), tuple(who), p.line_at(off), s))
            named = nm.group("obj") if (nm := NAMED_SUBJECT_RE.match(s)) else ""
    return out


PAREN_CASE = "paren-origin"
"""Rule name of a case credited by a parenthesis of zones after its quoted name."""
PAREN_ZONES_RE = re.compile(r"[\"“](?P<name>[^\"”]{3,160})[\"”](?P<tail>[a-z \-]{0,60}?)\s*\((?P<zones>[^()]{3,160})\)")
"""A quoted innovation and its zones in a parenthesis: ""cross-border data whitelist" (Shanghai FTZ)"."""
_ZONE_LIST_REST_RE = re.compile(r"^(?:[\s,;、]|and|&)*$")
_PLURAL_HEAD_RE = re.compile(r"\b(?:Pilot\s+)?(?:P?FTZs|Pilot Free Trade Zones)\s*$", re.IGNORECASE)
"""The plural head a list of zones ends in once its members are cut out ("Beijing, Tianjin and Hebei FTZs")."""


def _paren_cases(
    p: Paragraph, off: int, s: str, find_zones: FindMentions, find_lists: FindLists | None = None
) -> list[CaseFact]:
    """Rule: "<quoted innovation> (<zone>[, <zone>])" credits the innovation to the zones, when the parenthesis
    holds nothing but zones, or a list of them under one plural head ("(Beijing, Tianjin and Hebei FTZs)")."""
    out: list[CaseFact] = []
    for m in PAREN_ZONES_RE.finditer(s):
        inside = m.group("zones")
        zones = find_zones(inside)
        rest = inside
        for z in reversed(zones):
            rest = rest[: z.start] + rest[z.end :]
        if zones and not _ZONE_LIST_REST_RE.match(rest) and find_lists is not None:
            listed = [z for lst in find_lists(inside) for z in lst]
            covered = [z for z in zones if not any(x.start <= z.start < x.end for x in listed)]
            zones = sorted([*listed, *covered], key=lambda z: z.start)
            rest = inside
            for z in sorted(zones, key=lambda z: z.start, reverse=True):
                rest = rest[: z.start] + rest[z.end :]
            rest = _PLURAL_HEAD_RE.sub("", rest)
        if not zones or not _ZONE_LIST_REST_RE.match(rest):
            continue
        name = item_name(m.group("name") + m.group("tail"))
        if len(name.split()) >= 2:
            keys = tuple(dict.fromkeys(z.key for z in zones))
            out.append(CaseFact(name, keys, p.line_at(off + m.start()), s, PAREN_CASE))
    return out


def _adoption(case: CaseFact, kind: str, place: Mention, line: int, quote: str) -> AdoptionFact:
    return AdoptionFact(case.name, kind, place.key, place.text, line, quote, PAPER_ADOPTION, origins=case.zones)


def _top(key: str) -> str:
    return key.split("/", 1)[0]


def with_paper_facts(
    story: Narrative,
    paras: Sequence[Paragraph],
    sentences_of: Callable[[Paragraph], Sequence[tuple[int, str]]],
    find_zones: FindMentions,
    find_provinces: FindMentions,
    find_lists: FindLists | None = None,
) -> Narrative:
    """The narrative with the cases and adoptions of :func:`paper_facts` it did not read itself.

    A case the narrative read from the same sentence and zone (a name one holds the
    other's) is the same case: its adoptions are re-attached to the narrative's name.
    An adoption the narrative read (the same adopter in the same sentence) is kept as read.
    """
    cases, adoptions = paper_facts(paras, sentences_of, find_zones, find_provinces, find_lists)
    if not cases and not adoptions:
        return story

    def norm(name: str) -> str:
        return " ".join(re.sub(r"[^\w\s-]", " ", name.lower()).split())

    rename: dict[tuple[str, str], CaseFact] = {}
    new_cases: list[CaseFact] = []
    for c in cases:
        same = [
            f
            for f in story.cases
            if f.zones
            and _top(f.zones[0]) == _top(c.zones[0])
            and abs(f.line - c.line) <= 2
            and (norm(f.name) in norm(c.name) or norm(c.name) in norm(f.name))
        ]
        if same:
            rename[(c.name, c.zones[0])] = same[0]
        else:
            new_cases.append(c)
    read = {(a.adopter_key, a.quote) for a in story.adoptions} | {
        (_top(a.adopter_key), a.quote) for a in story.adoptions
    }
    new_adoptions: list[AdoptionFact] = []
    for a in adoptions:
        if (a.adopter_key, a.quote) in read or (_top(a.adopter_key), a.quote) in read:
            continue
        if a.origins and _top(a.adopter_key) == _top(a.origins[0]):
            continue  # a zone does not adopt its own innovation
        if (a.name, a.origins[0] if a.origins else "") in rename:
            f = rename[(a.name, a.origins[0])]
            a = replace(a, name=f.name, origins=f.zones)
        read.add((a.adopter_key, a.quote))
        new_adoptions.append(a)
    return replace(story, cases=(*story.cases, *new_cases), adoptions=(*story.adoptions, *new_adoptions))


__all__ = ["PAPER_ADOPTION", "PAPER_CASE", "NamedAdoption", "named_adoptions", "paper_facts", "with_paper_facts"]
