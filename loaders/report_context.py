"""The document-level reader's shared state: the collector of records, the context the passes share.

Also the phrases every pass reads (batches by ordinal, stated totals, scopes), the sentences of the body
and the pass ``zones`` (zones, areas, coordinated zones, defined groups). :mod:`loaders.report` runs the
passes; this is what they stand on.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from pftz.ground.schema import ALIAS_SEPARATOR, SCOPE_REGION_KEYS, Label, MeasureKind, Rel, Scope, ZoneKind
from pftz.loaders.documents import (
    DocNumber,
    find_date,
    slug,
)
from pftz.loaders.gazetteer import Gazetteer
from pftz.loaders.gazetteer_scan import Mention
from pftz.loaders.lexicon import (
    BATCH_COUNT_NOUNS,
    BATCH_NAME_ENDS,
    BATCH_OF_NOTHING,
    CARDINALS,
    DESIGNATED_SCOPES,
    NATIONAL_SCOPES,
    ORDINALS,
    ORDINALS_MORE,
    PROVINCE_SCOPES,
    PROVINCE_SCOPES_MORE,
    alternation,
)
from pftz.loaders.narrative import Narrative
from pftz.loaders.profile import Profile, default_profile
from pftz.loaders.records import (
    Check,
    Entity,
    NodeRef,
    ParseWarning,
    PropValue,
    Provenance,
    Relation,
    Section,
    Table,
    freeze_props,
)
from pftz.loaders.reference import load_prefixes
from pftz.loaders.structure import Outline
from pftz.loaders.text import (
    Paragraph,
    bound_quote,
    sentences,
)

ORDINAL_WORDS = {w: i for i, w in enumerate((*ORDINALS, *ORDINALS_MORE), start=1)}
"""Ordinal words and their values (the lexicon's)."""
NUMBER_WORDS = {w: i for i, w in enumerate(CARDINALS, start=1)}
"""Number words and their values (the lexicon's)."""
_ORD = r"(?:\d{1,2}(?:st|nd|rd|th)|" + "|".join(ORDINAL_WORDS) + r")"
BATCH_PHRASE_RE = re.compile(
    rf"(?:\b(?:the |a )?|\()(?P<ord>{_ORD})\)? batch of (?!{alternation(BATCH_OF_NOTHING)}\b)"
    rf"(?:(?P<count>\d+) )?(?P<what>[\"“]?[a-z][a-z \"“”-]*?)"
    rf"(?=[,.;:(]| (?:{'|'.join(BATCH_NAME_ENDS)}) |$|(?<=[\"”]) (?!\())"
    rf"(?:\((?P<count_after>\d+) (?:{'|'.join(BATCH_COUNT_NOUNS)})\))?",
    re.IGNORECASE,
)
"""A batch named by its ordinal: "the fifth batch of 23 best practices", "the eighth batch of reform pilot
experience (24 items)", the seventh batch of 26 "best practices" of ... (a quoted name ends at its closing mark);
the words that end its name and the nouns of its size are the lexicon's."""
HEREINAFTER_RE = re.compile(r"\(hereinafter referred to as (?:the )?[\"“](?P<name>[^\"”]+)[\"”]\)")
SUBAREA_RE = re.compile(
    r"\b(?P<name>(?:[A-Z][\w'’-]+ )+(?:Special )?Area)(?: of (?:the )?| \()(?P<zone>[A-Z][a-z]+ PFTZ)\b\)?"
)
"""An area printed with its zone: ``the Honghe Area of Yunnan PFTZ``, ``Foo Area (Bar PFTZ)``."""
AREA_BEFORE_ZONE_RE = re.compile(r"\b(?P<name>(?:[A-Z][\w'’-]+ )+(?:Special )?Area) of (?:the )?$")
"""An area printed before a zone however the zone is printed: ``the Xi'an Area of the Shaanxi Pilot FTZ``."""
AREA_LIST_RE = re.compile(r"\bareas of (?P<list>[A-Z][\w'’-]+(?:(?:,\s*(?:and\s+)?|\s+and\s+)[A-Z][\w'’-]+)+)")
"""Areas listed by their place names: ``the zone's four areas of Zhoushan, Ningbo, Hangzhou and Jinyi``."""
AREA_ZONE_TAIL_RE = re.compile(r"\s+(?:of|in)\s+(?:the\s+)?|\s*\(\s*(?:the\s+)?")
"""What joins an area printed in another case to its zone after it: ``<area> of the <zone>``, ``<area> (<zone>)``."""
AREA_ANY_CASE_HINT_RE = re.compile(r"\b[A-Z][\w'’-]*(?: [\w'’-]+){0,4} (?:area|zone|park)\b|\b[A-Z]{4,} [A-Z]{4,}\b")
"""A quick test before the costly search of areas printed in another case: a head word in lower case, or capitals."""
_LOWER_HEAD_RE = re.compile(r"\b[A-Z][\w'’-]*(?: [\w'’-]+){0,4} (?:area|zone|park)\b")
_CAPITALS_RE = re.compile(r"\b[A-Z]{4,} [A-Z]{4,}\b")
"""The two halves of :data:`AREA_ANY_CASE_HINT_RE`: the first tried only on a text holding its space and head word."""


def _any_case_hint(text: str) -> bool:
    """Whether :data:`AREA_ANY_CASE_HINT_RE` finds something in ``text``, tested faster."""
    if (" area" in text or " zone" in text or " park" in text) and _LOWER_HEAD_RE.search(text):
        return True
    return _CAPITALS_RE.search(text) is not None


@lru_cache(maxsize=4)
def _any_case_pattern(forms: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern of the curated areas' names in any case (compiled once per list of names)."""
    alts = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)) or "(?!)"
    return re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])", re.IGNORECASE)


PART_OF_RE = re.compile(
    r"\b(?P<name>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?),\s+(?:which is\s+)?(?:a\s+)?part of (?:the\s+)?$"
)
"""A place before its zone, ``part of`` it: ``Horgos, part of Xinjiang PFTZ``."""
ITS_AREA_RE = re.compile(r"\b[Ii]ts (?P<name>[A-Z][\w'’-]+ (?:(?:and |of )?[A-Z][\w'’-]+ )*(?:Special )?Area)\b")
"""An area printed after the zone it belongs to: ``Guangxi PFTZ ... its Chongzuo Area``."""
AREA_RESOLVED = "the area's zone in the curated list of areas (data/reference/areas.csv)"
"""How an area printed without its zone is placed in it."""
NOT_AN_AREA_RE = re.compile(r"\b(?:New|Bay)\s+Area$")
"""Areas that are not a zone's: a state-level new area (``Pudong New Area``), a bay area (``Greater Bay Area``)."""
AREA_ARTICLE_RE = re.compile(r"^(?:(?:The|For|In|Under|Following|Meanwhile|Moreover|Also|And|Its)\s+)+")
COORDINATED_RE = re.compile(r"\b(?P<name>[A-Z][a-z]+) coordinated innovation zone of (?P<zone>[A-Z][a-z]+ PFTZ)\b")
ZONE_WORD_RE = re.compile(r"(?<![A-Za-z] )\b([A-Z][a-z]+) PFTZ(?:s|'s|’s)?\b(?! Alliance)")
ZONE_HINT_RE = re.compile(r"F(?:T[PZ]|ree\s+Trade)", re.IGNORECASE)
"""Every zone form the gazetteer knows contains one of these (PFTZ, FTP, FTZ, Free Trade): a cheap test before the
full scan. Written from its first letter on (PFTZ holds FTZ), so the search skips to an F at once."""
NOT_PLACES = frozenset(
    [
        "The",
        "These",
        "Relevant",
        "Eligible",
        "All",
        "Other",
        "Such",
        "Some",
        "Multiple",
        "Several",
        "Both",
        "Each",
        "Three",
        "Two",
        "Nine",
        "Five",
        "Many",
        "Most",
        "Existing",
        "New",
        "Local",
        "National",
        "Participating",
    ]
)
GENERAL_OFFICE_RE = re.compile(r"^General Office of (?:the )?(.+)$")
"""A General Office is a body of its own, PART_OF the body it serves."""
ORGANISATION_RE = re.compile(
    r"\b(Ministry|Commission|Administration|Office|Government|Council|Bank|Court|Bureau|Committee|Procuratorate)\b"
)
"""Words that name an organisation: an issuer phrase holding one should resolve to a body."""


class _Phrases(NamedTuple):
    """The patterns of a profile's phrases of one kind (each its own: they share their groups' names)."""

    patterns: tuple[re.Pattern[str], ...]

    def search(self, text: str) -> re.Match[str] | None:
        """The first phrase found in ``text`` (of the phrases in the profile's order)."""
        return next((m for p in self.patterns if (m := p.search(text))), None)

    def finditer(self, text: str) -> list[re.Match[str]]:
        """Every phrase in ``text``, in the order of the text."""
        return sorted((m for p in self.patterns for m in p.finditer(text)), key=lambda m: m.start())


class _Stated(NamedTuple):
    """The sentences that state totals, built from the edition profile's phrases (``[totals]``)."""

    national: _Phrases
    """"77 institutional innovations in three batches": groups ``n``, ``batches``."""
    pftzs: _Phrases
    """"22 Pilot Free Trade Zones": group ``n``."""
    scope: _Phrases
    """"17 measures are replicated and scaled up across all PFTZs": groups ``n``, ``scope``."""


def phrase_pattern(template: str, slots: dict[str, str]) -> str:
    """A regular expression of a profile's phrase: words, ``a|b`` alternatives, ``[optional words]``, and slots.

    Examples
    --------
    >>> bool(re.fullmatch(phrase_pattern("N measures are|were [to be] replicated", {"N": r"(?P<n>\\d+)"}),
    ...                   "17 measures are to be  replicated"))
    True
    """
    out: list[str] = []
    for tok in re.findall(r"\[[^\]]*\]|\S+", template):
        if tok.startswith("["):
            out.append(f"(?:{phrase_pattern(tok[1:-1], slots)}\\s+)?")
            continue
        alts = [slots.get(t, re.escape(t)) for t in tok.split("|")]
        out.append("(?:" + "|".join(alts) + ")\\s+")
    return "".join(out).removesuffix("\\s+")


@lru_cache(maxsize=16)
def _stated_of(
    national: tuple[str, ...], pftzs: tuple[str, ...], scope: tuple[str, ...], scopes: tuple[str, ...]
) -> _Stated:
    slots = {"N": r"(?P<n>\d+)", "B": r"(?P<batches>\w+)", "S": f"(?P<scope>{alternation(scopes)})"}

    def compiled(phrases: tuple[str, ...]) -> _Phrases:
        return _Phrases(tuple(re.compile(rf"\b{phrase_pattern(p, slots)}\b", re.IGNORECASE) for p in phrases))

    return _Stated(compiled(national), compiled(pftzs), compiled(scope))


def stated_patterns(profile: Profile) -> _Stated:
    """The patterns of the sentences stating totals in an edition (its profile's ``[totals]`` phrases)."""
    return _stated_of(profile.total_national, profile.total_pftzs, profile.total_scope, profile.total_scopes)


def _ordinal(word: str) -> int:
    w = word.lower()
    if w in ORDINAL_WORDS:
        return ORDINAL_WORDS[w]
    return int(re.match(r"\d+", w).group(0))  # type: ignore[union-attr]


def batch_kind(phrase: str, profile: Profile | None = None) -> str:
    """Classify a batch phrase ("best practices", "successful reform experience promoted by departments").

    The words of each kind are the edition profile's (``[batches]``; the default profile when omitted).
    """
    return (profile or default_profile()).batch_kind(phrase)


# the measure kind of each batch kind; a kind that only a profile names is of institutional innovations
KIND_OF_BATCH: dict[str, MeasureKind] = {
    "best-practices": MeasureKind.BEST_PRACTICE,
    "pilot-measures": MeasureKind.PILOT_MEASURE,
    "department-experience": MeasureKind.REFORM_EXPERIENCE,
    "reform-experience": MeasureKind.REFORM_EXPERIENCE,
    "institutional-innovations": MeasureKind.INNOVATION,
}


def normalize_scope(text: str) -> Scope | None:
    """Map a scope cell or phrase to a :class:`~ground.schema.Scope` (its words are the lexicon's).

    Examples
    --------
    >>> [str(normalize_scope(x)) for x in ("All PFTZs", "Throughout the country", "In designated areas")]
    ['All PFTZs', 'Nationwide', 'Designated areas']
    """
    t = " ".join(text.lower().split())
    squashed = t.replace(" ", "")
    if not t:
        return None
    if "pftz" in squashed or "ftz" in squashed or "freetradezone" in squashed:  # "All PFTZs", "all free trade zones"
        return Scope.ALL_PFTZS
    if "nationwide" in squashed or "national" in squashed or any(p.lower() in t for p in NATIONAL_SCOPES):
        return Scope.NATIONWIDE
    if "province" in t or any(p in t for p in (*PROVINCE_SCOPES, *PROVINCE_SCOPES_MORE)):
        return Scope.PROVINCE_WIDE
    if any(p in t for p in DESIGNATED_SCOPES):
        return Scope.DESIGNATED_AREAS
    return None


@dataclass
class _Doc:
    key: str
    number: DocNumber | None
    titles: list[str] = field(default_factory=list)
    printed: list[str] = field(default_factory=list)
    """Short numbers the text prints for it ("G.Fa. No. 9"): wordings kept as aliases."""


class _Collector:
    """Accumulates records with provenance while the extractors run."""

    def __init__(self, source: str, sha256: str, outline: Outline, gaz: Gazetteer, profile: Profile) -> None:
        self.profile = profile
        self.source = source
        self.sha256 = sha256
        self.outline = outline
        self.gaz = gaz
        self.entities: list[Entity] = []
        self.relations: list[Relation] = []
        self.warnings: list[ParseWarning] = []
        self.checks: list[Check] = []
        self.zone_refs = gaz.zones
        self.prefixes = load_prefixes()
        self.misspelt: dict[str, str | None] = {}
        self.reported: set[str] = set()
        self._zones_memo: dict[str, list[Mention]] = {}
        self.text_areas: dict[str, str] = {}  # areas named in the text that areas.csv lacks: key -> name
        self._any_case_areas: re.Pattern[str] | None = None
        self._any_case_forms: frozenset[str] = frozenset()
        self._lists_memo: dict[str, list[list[Mention]]] = {}
        self.rule = ""  # the narrative rule whose fact is being recorded: it goes into the provenance

    def prov(self, line: int, quote: str) -> Provenance:
        return Provenance(self.source, self.sha256, line, self.outline.path_at(line), bound_quote(quote), self.rule)

    def node(self, label: Label, key: str, name: str, line: int, quote: str, **props: PropValue) -> NodeRef:
        self.entities.append(Entity(label, key, name, freeze_props(props), self.prov(line, quote)))
        return NodeRef(label, key)

    def rel(self, rel: Rel, start: NodeRef, end: NodeRef, line: int, quote: str, **props: PropValue) -> None:
        if start == end:
            return
        self.relations.append(Relation(rel, start, end, freeze_props(props), self.prov(line, quote)))

    def find_zones(self, text: str) -> list[Mention]:
        """Zone and area mentions in ``text``, misspellings included (memoised: extractors revisit sentences).

        An area (:meth:`find_areas`) is a mention of its own: the zone printed with it
        (``Lin-gang Special Area of Shanghai PFTZ``) is part of the area's mention.
        """
        if text in self._zones_memo:
            return self._zones_memo[text]
        hint = ZONE_HINT_RE.search(text) is not None
        plain = self._plain_zones(text) if hint else []
        areas = self.find_areas(text, plain) if self.gaz.areas or "Area" in text else []
        if areas:
            plain = [z for z in plain if not any(a.start <= z.start < a.end for a in areas)]
        self._zones_memo[text] = sorted(plain + areas, key=lambda z: z.start)
        return self._zones_memo[text]

    def find_areas(self, text: str, zones: Sequence[Mention]) -> list[Mention]:
        """The areas of zones named in ``text``, given its zone mentions.

        The gazetteer's curated areas (areas.csv) in every form it reads, then
        areas it lacks, printed with their zone (``the <X> Area of <PFTZ>``, of the zone however printed,
        ``<X> Area (<PFTZ>)``) or after it (``<PFTZ> ... its <X> Area``): these
        are keyed ``<zone>/<slug of the name>`` and named as printed.
        """
        found = list(self.gaz.find_areas(text))
        found += self._areas_in_any_case(text, found)
        found += self._listed_areas(text, zones, found)
        found += self._part_of_areas(text, zones, found)
        if "Area" not in text:
            return sorted(found, key=lambda f: f.start)
        for m in SUBAREA_RE.finditer(text):
            parent = self.gaz.zone(m.group("zone"))
            lead = AREA_ARTICLE_RE.match(m.group("name"))
            start = m.start("name") + (lead.end() if lead else 0)
            if NOT_AN_AREA_RE.search(m.group("name")):
                continue
            if parent is not None and not any(f.start < m.end() and start < f.end for f in found):
                key = self._area_key(parent, m.group("name")[lead.end() if lead else 0 :])
                found.append(Mention(key, start, m.end(), text[start : m.end()]))
        for z in zones:  # "the <X> Area of the <zone as printed>" (``the Xi'an Area of the Shaanxi Pilot FTZ``)
            b = AREA_BEFORE_ZONE_RE.search(text, max(0, z.start - 80), z.start)
            if b is None or NOT_AN_AREA_RE.search(b.group("name")) or "/" in z.key:
                continue
            lead = AREA_ARTICLE_RE.match(b.group("name"))
            start = b.start("name") + (lead.end() if lead else 0)
            if not any(f.start < b.end("name") and start < f.end for f in found):
                key = self._area_key(z.key, b.group("name")[lead.end() if lead else 0 :])
                found.append(Mention(key, start, b.end("name"), text[start : b.end("name")]))
        for m in ITS_AREA_RE.finditer(text):
            before = [z for z in zones if z.end <= m.start()]
            if NOT_AN_AREA_RE.search(m.group("name")):
                continue
            if before and not any(f.start < m.end() and m.start("name") < f.end for f in found):
                parent = before[-1].key.split("/")[0]
                key = self._area_key(parent, m.group("name"))
                found.append(Mention(key, m.start("name"), m.end(), m.group("name")))
        return sorted(found, key=lambda f: f.start)

    def _part_of_areas(self, text: str, zones: Sequence[Mention], found: Sequence[Mention]) -> list[Mention]:
        """A place printed as "part of" its zone (``Horgos, part of Xinjiang PFTZ, piloted ...``): the curated area
        ``<place> Area`` of that zone, when it has one."""
        out: list[Mention] = []
        if "part of" not in text:
            return out
        for z in zones:
            m = PART_OF_RE.search(text, max(0, z.start - 80), z.start)
            if m is None or "/" in z.key:
                continue
            key = self.gaz.area(f"{m.group('name')} Area", z.key)
            start, end = m.start("name"), m.end("name")
            if key is not None and not any(f.start < end and start < f.end for f in (*found, *out)):
                out.append(Mention(key, start, end, m.group("name")))
        return out

    def _listed_areas(self, text: str, zones: Sequence[Mention], found: Sequence[Mention]) -> list[Mention]:
        """Areas listed by their place names after "areas of" (``the zone's four areas of Zhoushan, Ningbo,
        Hangzhou and Jinyi``): each a curated area ``<name> Area`` of the zone named last before the list."""
        out: list[Mention] = []
        if " areas of " not in text:
            return out
        for m in AREA_LIST_RE.finditer(text):
            before = [z for z in zones if z.end <= m.start() and "/" not in z.key]
            if not before:
                continue
            zone = before[-1].key
            for n in re.finditer(r"[A-Z][\w'’-]+", m.group("list")):
                start, end = m.start("list") + n.start(), m.start("list") + n.end()
                key = self.gaz.area(f"{n.group(0)} Area", zone)
                if key is not None and not any(f.start < end and start < f.end for f in (*found, *out)):
                    out.append(Mention(key, start, end, n.group(0)))
        return out

    def _areas_in_any_case(self, text: str, found: Sequence[Mention]) -> list[Mention]:
        """Curated areas printed in another case than the list's (``the Lujiazui financial and trade area of
        Shanghai PFTZ``, ``LINGANG SPECIAL AREA``), its first letter a capital.

        A name printed with its zone after it (``<area> of <zone>``, ``<area> (<zone>)``) resolves in that zone;
        one printed alone only when its list's name may stand alone and its last word is not in lower case
        (``the Hefei area`` may be the city's area, not the PFTZ's).
        """
        out: list[Mention] = []
        if not _any_case_hint(text):
            return out
        if self._any_case_areas is None:
            forms = tuple(sorted({f for a in self.gaz.areas.values() for f in (a.name, *a.aliases)}))
            self._any_case_forms = frozenset(forms)
            self._any_case_areas = _any_case_pattern(forms)
        for m in self._any_case_areas.finditer(text):
            printed = m.group(0)
            if printed in self._any_case_forms or not printed[:1].isupper():
                continue  # printed as listed: the gazetteer's reading
            if any(f.start < m.end() and m.start() < f.end for f in found):
                continue
            end, key = m.end(), None
            tail = AREA_ZONE_TAIL_RE.match(text, m.end())
            if tail is not None:
                zone = next((z for z in self.gaz.find_zones(text[tail.end() :]) if z.start == 0), None)
                if zone is not None:
                    key, end = self.gaz.area(printed, zone.key), tail.end() + zone.end
            if key is None and not printed.split()[-1].islower():
                key = self.gaz.area(printed)
            if key is not None:
                out.append(Mention(key, m.start(), end, text[m.start() : end]))
        return out

    def _area_key(self, parent: str, name: str) -> str:
        """The key of an area of ``parent`` printed as ``name``: the curated one, or one made from the name."""
        key = self.gaz.area(name, parent)
        if key is None:
            key = f"{parent}/{slug(name)}"
            self.text_areas.setdefault(key, name)
        return key

    def _plain_zones(self, text: str) -> list[Mention]:
        """Zone mentions in ``text`` (gazetteer, then misspelt ``<X> PFTZ`` resolved by similarity)."""
        found = self.gaz.find_zones(text)
        for m in ZONE_WORD_RE.finditer(text):
            if any(f.start <= m.start() < f.end for f in found) or self.gaz.province(m.group(1)) is not None:
                continue
            word = m.group(0)
            if word not in self.misspelt:
                match = self.gaz.zone_fuzzy(word)
                self.misspelt[word] = match.key if match else None
            if key := self.misspelt[word]:
                found.append(Mention(key, m.start(), m.start() + len(m.group(1)) + 5, word))
        return sorted(found, key=lambda z: z.start)

    def find_zone_lists(self, text: str) -> list[list[Mention]]:
        """Lists of zones ("PFTZs in A, B, and C") in ``text`` (memoised)."""
        if text not in self._lists_memo:
            self._lists_memo[text] = self.gaz.find_zone_lists(text) if "," in text or " and " in text else []
        return self._lists_memo[text]

    def warn(self, code: str, message: str, line: int | None) -> None:
        self.warnings.append(ParseWarning(code, message, self.source, line))

    def check(self, name: str, stated: int, found: int, line: int | None) -> None:
        self.checks.append(Check(name, stated, found, line))
        if stated != found:
            self.warn("total-mismatch", f"{name}: the report states {stated}, the loader found {found}", line)

    # entity helpers -------------------------------------------------------
    def zone(self, key: str, line: int, quote: str) -> NodeRef:
        if "/" in key:
            return self.area(key, line, quote)
        ref = self.zone_refs[key]
        return self.node(Label.ZONE, key, ref.name, line, quote, kind=ref.kind, province=ref.province)

    def zone_name(self, key: str) -> str:
        """The name of a zone or of an area (``shanghai/lin-gang-special-area``)."""
        if "/" not in key:
            return self.zone_refs[key].name
        ref = self.gaz.areas.get(key)
        return ref.name if ref is not None else self.text_areas.get(key, key.split("/", 1)[1])

    def area(self, key: str, line: int, quote: str) -> NodeRef:
        """An area of a zone (curated in areas.csv or named in the text), linked PART_OF its zone."""
        parent = key.split("/", 1)[0]
        ref = self.gaz.areas.get(key)
        props: dict[str, PropValue] = {"kind": str(ZoneKind.SUB_AREA), "province": self.zone_refs[parent].province}
        if ref is not None:
            props |= {"name_zh": ref.name_zh or None, "established": ref.established.iso if ref.established else None}
            props["aliases"] = ALIAS_SEPARATOR.join(ref.aliases) or None
        node = self.node(Label.ZONE, key, self.zone_name(key), line, quote, **props)
        # an area printed alone ("Chongzuo Area") is placed in its zone by the curated list, not by the text
        named = parent in {m.key for m in self.gaz.find_zones(quote)}
        how = None if named or ref is None else AREA_RESOLVED
        self.rel(Rel.PART_OF, node, self.zone(parent, line, quote), line, quote, resolved=how)
        return node

    def sub_zone(self, parent_name: str, name: str, kind: ZoneKind, line: int, quote: str) -> NodeRef | None:
        """A sub-area or coordinated innovation zone, linked PART_OF its PFTZ."""
        parent = self.gaz.zone(parent_name)
        if parent is None:
            return None
        if kind is ZoneKind.SUB_AREA:
            return self.area(self._area_key(parent, name), line, quote)
        if kind is ZoneKind.COORDINATED:
            name = f"{name} coordinated innovation zone"
        province = self.zone_refs[parent].province
        sub = self.node(Label.ZONE, f"{parent}/{slug(name)}", name, line, quote, kind=str(kind), province=province)
        self.rel(Rel.PART_OF, sub, self.zone(parent, line, quote), line, quote)
        return sub

    def body(self, key: str, line: int, quote: str, printed: str | None = None) -> NodeRef | None:
        """An issuing body under its printed name, with its canonical name; a General Office is PART_OF its parent."""
        ref = self.gaz.body_ref(key)
        if ref is None:
            return None
        name = re.sub(r"^(?:the|The)\s+", "", printed or "").strip() or ref.name
        props: dict[str, PropValue] = {"abbreviation": ref.abbreviation, "level": ref.level, "canonical_name": ref.name}
        node = self.node(Label.ISSUING_BODY, key, name, line, quote, **props)
        office = GENERAL_OFFICE_RE.match(ref.name) if printed else None
        if office and (parent_key := self.gaz.body(office.group(1))):
            m = office
            parent_text = m.group(1) if m.group(1) in quote else None
            parent = self.body(parent_key, line, quote, parent_text)
            if parent is not None:
                self.rel(Rel.PART_OF, node, parent, line, quote)
        return node

    def local_body(self, key: str, printed: str, canonical: str, line: int, quote: str) -> NodeRef:
        """A local issuer the report names by its place ("Shanghai PFTZ issued ...").

        The printed words name the place itself, so the node is named by its canonical name
        (a body named "Shanghai PFTZ" would be mistaken for the zone) and keeps them as ``printed_name``.
        """
        props: dict[str, PropValue] = {"level": "local", "canonical_name": canonical, "printed_name": printed}
        return self.node(Label.ISSUING_BODY, key, canonical, line, quote, **props)

    def region(self, key: str, line: int, quote: str) -> NodeRef:
        scope_names = {v: str(k) for k, v in SCOPE_REGION_KEYS.items()}
        if key in scope_names:
            return self.node(Label.REGION, key, scope_names[key], line, quote, kind="scope")
        if key not in self.gaz.provinces and (city := self.gaz.cities.get(key)) is not None:
            # a city or county (cities.csv), in its province
            node = self.node(Label.REGION, f"city-{key}", city.name, line, quote, kind="city", name_zh=city.name_zh)
            self.rel(Rel.LOCATED_IN, node, self.region(city.province, line, quote), line, quote)
            return node
        ref = self.gaz.provinces[key]
        return self.node(Label.REGION, key, ref.name, line, quote, kind="province")


@dataclass
class _Context:
    """What the extractors share: the sentences of the body with their lines."""

    paras: list[Paragraph]
    profile: Profile = field(default_factory=default_profile)
    docs: dict[str, _Doc] = field(default_factory=dict)
    title_index: dict[str, str] = field(default_factory=dict)
    groups: dict[str, list[str]] = field(default_factory=dict)
    group_lines: dict[str, tuple[int, str]] = field(default_factory=dict)
    doc_dates: dict[str, tuple[str, int, str]] = field(default_factory=dict)
    batch_phrases: list[tuple[str, int, int | None, str, int, str]] = field(default_factory=list)
    batch_dates: dict[str, tuple[str, int, str]] = field(default_factory=dict)
    reviews: list[tuple[int | None, str]] = field(default_factory=list)
    doc_seen: dict[str, tuple[int, str]] = field(default_factory=dict)
    batch_tables: dict[str, str] = field(default_factory=dict)
    """The table (as printed) that lists each batch, by batch key: what an edge resolved through it cites."""
    tables: Sequence[Table] = ()
    """The text's tables (:func:`loaders.tables.parse_tables`)."""
    milestones: Sequence[Paragraph] = ()
    """The paragraphs of the part of dated milestones, one a sentence when long."""
    edition: bool = False
    """Whether the text is an edition of the report (it has contents), not a press release or a circular."""
    part2: Section | None = None
    """The part of zone cases, when the text has one."""
    field_of: dict[int, str] = field(default_factory=dict)
    """The field (the chapter's title words) of every line of the part of zone cases."""
    national: list[NodeRef] = field(default_factory=list)
    """The measures of the national batch tables (pass ``national-batches``)."""
    prose_batches: list[_ProseBatch] = field(default_factory=list)
    """The national batches sentences release or fill (pass ``prose-batches``)."""
    story: Narrative = field(default_factory=lambda: Narrative((), (), (), (), 0, 0))
    """The narrative's facts (pass ``narrative``)."""
    titles: dict[str, str] = field(default_factory=dict)
    """The titles of the national measures by key: what the narrative's names are matched against."""


@lru_cache(maxsize=8192)
def _para_sentences(p: Paragraph) -> tuple[tuple[int, str], ...]:
    return tuple(sentences(p))


def _sentences(paras: Iterable[Paragraph]) -> Iterable[tuple[Paragraph, int, str]]:
    for p in paras:
        for off, s in _para_sentences(p):
            yield p, off, s


# --------------------------------------------------------------------------- zones
def _extract_zones(c: _Collector, ctx: _Context) -> None:
    """Zone mentions, misspellings, sub-areas, coordinated zones and named groups; the stated number of PFTZs."""
    tables = ctx.tables
    seen_kinds: set[str] = set()
    for p, off, s in _sentences(ctx.paras):
        line = p.line_at(off)
        for zm in c.find_zones(s):
            c.zone(zm.key, p.line_at(off), s)
            seen_kinds.add(zm.key.split("/", 1)[0])
            if zm.text not in c.reported and c.misspelt.get(zm.text):
                c.reported.add(zm.text)
                c.warn("zone-misspelt", f"resolved {zm.text!r} to zone {zm.key!r}", line)
        for listed in c.find_zone_lists(s):  # "the FTZs in Shandong, Henan, and Hubei": each place is a zone
            for zm in listed:
                c.zone(zm.key, line, s)
                seen_kinds.add(zm.key)
        # each pattern below holds a literal: a quick test before it (most sentences have none)
        for wm in ZONE_WORD_RE.finditer(s) if " PFTZ" in s else ():
            word = wm.group(0)
            if (
                c.misspelt.get(word)
                or wm.group(1).endswith("ing")
                or wm.group(1) in NOT_PLACES
                or c.gaz.zone(word) is not None
                or c.gaz.province(wm.group(1)) is not None
            ):
                continue
            if word not in c.reported:
                c.reported.add(word)
                c.warn("unknown-zone", f"unknown zone name {word!r}", line)
        for rm in COORDINATED_RE.finditer(s) if " coordinated innovation zone of " in s else ():
            c.sub_zone(rm.group("zone"), rm.group("name"), ZoneKind.COORDINATED, line, s)
        for m in HEREINAFTER_RE.finditer(s) if "(hereinafter" in s else ():
            members = sorted(
                {z.key for z in c.find_zones(s[: m.start()])}
                | {z.key for lst in c.find_zone_lists(s[: m.start()]) for z in lst}
            )
            if members:
                ctx.groups[m.group("name")] = members
                ctx.group_lines[m.group("name")] = (line, s)
    for t in tables:
        for row in t.rows:
            for cell in row.values.values():
                for zm in c.find_zones(cell):
                    c.zone(zm.key, row.line, cell)
                    seen_kinds.add(zm.key.split("/", 1)[0])
    pftzs = {k for k in seen_kinds if c.zone_refs[k].kind == str(ZoneKind.PFTZ)}
    stated = stated_patterns(ctx.profile)
    for p, off, s in _sentences(ctx.paras[:5]):
        if sm := stated.pftzs.search(s):
            c.check("PFTZs named in the report", int(sm.group("n")), len(pftzs), p.line_at(off))
            break


def _uses_group(name: str, text: str) -> bool:
    """Whether ``text`` uses the report's defined term ``name`` (the "Pilot Regions").

    Rule: a term inside quotation marks is the quoted text's own words (a document's title: "... Reforms in
    Pilot Regions"), not the term the report defined, so it stands for no member.
    """
    if name not in text:
        return False
    unquoted = QUOTED_SPAN_RE.sub(" ", text) if '"' in text or "“" in text else text
    return re.search(rf"\b{re.escape(name)}\b", unquoted) is not None


def _derived(group: str | None) -> bool | None:
    """The ``derived`` mark of an edge to a zone reached through a defined term (``group``), else None."""
    return True if group else None


def _zones_named(c: _Collector, ctx: _Context, text: str) -> list[tuple[str, str | None]]:
    """Zone keys named in ``text``, each with the group it was resolved from (None when named itself)."""
    named = {m.key for m in c.find_zones(text)} | {z.key for lst in c.find_zone_lists(text) for z in lst}
    out: dict[str, str | None] = dict.fromkeys(sorted(named))
    for name, members in ctx.groups.items():
        if _uses_group(name, text):
            for z in members:
                out.setdefault(z, f'group "{name}"')
    return sorted(out.items())


def _zones_in(c: _Collector, ctx: _Context, text: str) -> list[str]:
    """Zone keys named in ``text``, with group names (the "Pilot Regions") resolved to members."""
    keys = {m.key for m in c.find_zones(text)}
    keys |= {z.key for lst in c.find_zone_lists(text) for z in lst}
    for name, members in ctx.groups.items():
        if _uses_group(name, text):
            keys |= set(members)
    return sorted(keys)


QUOTED_SPAN_RE = re.compile(r"[\"“][^\"”]*[\"”]")


class _ProseBatch(NamedTuple):
    """A national batch a sentence releases (``released``) or puts innovations into (``selected``)."""

    ref: NodeRef
    kind: str
    line: int
    sentence: str
    phrase: str
    released: bool


ADOPTION_YEAR_RE = re.compile(
    r"^(?:\*\*[^*]+\*\*,?\s*)?In (?P<lead>(?:19|20)\d{2}),|\bin (?P<tail>(?:19|20)\d{2})\s*[.;]?\s*$|"
    r"\b(?:replicat|adopt|scal|roll|promot|introduc)\w*\b[^.;,]{0,80}?\bin (?P<verb>(?:19|20)\d{2})\b"
)
"""A year that dates a whole sentence: ``In 2023, Hunan replicated ...``, ``... replicated across Hunan in 2023.``"""


def _adoption_date(sentence: str) -> str | None:
    """The date an adoption's own sentence prints, at its printed precision (a day, a month or a year), or None.

    Rule: a full or month date anywhere in the sentence (:func:`~loaders.documents.find_date`); else a year
    that opens the sentence (``In 2023, ...``), closes it (``... in 2023.``) or follows the verb of adopting
    (``replicated across the province in 2023, ...``). A year elsewhere (``a model launched in 2021 has been
    replicated ...``) may date something else and is not read.

    Examples
    --------
    >>> _adoption_date("In 2023, Hunan PFTZ replicated the model."), _adoption_date("It was adopted in 2024.")
    ('2023', '2024')
    >>> _adoption_date("A model launched in 2021 has been replicated across the province.") is None
    True
    """
    if printed := find_date(sentence):
        return printed[0].iso
    m = ADOPTION_YEAR_RE.search(sentence.strip())
    return (m.group("lead") or m.group("tail") or m.group("verb")) if m else None
