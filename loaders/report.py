"""Read the report: zones, bodies, documents, measures, batches and replication.

:func:`parse_report` is pure (text in, :class:`~loaders.records.ParsedReport`
out); :func:`load_report` only reads a file and delegates. Everything is found
from the text's own patterns (headings, tables, quoted names next to zone
names, document numbers, "hereinafter referred to as" definitions, stated
totals); nothing about this edition is hard-coded, and names are resolved
through the curated alias tables of :mod:`loaders.reference`.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from pftz.ground.errors import ReportParseError, StrictModeError
from pftz.ground.names import normalize_name, normalize_title, title_score
from pftz.ground.schema import ALIAS_SEPARATOR, DERIVED, SCOPE_REGION_KEYS, Label, MeasureKind, Rel, Scope, ZoneKind
from pftz.ground.text import codepoint_names
from pftz.loaders.documents import (
    ANNOUNCEMENT,
    QUOTED_RE,
    DocNumber,
    clean_title,
    core_title,
    find_date,
    find_numbers,
    find_short_numbers,
    parse_date,
    slug,
    title_before,
    title_issuer,
    title_key,
)
from pftz.loaders.followers import with_followers
from pftz.loaders.header import TextHeader, load_header
from pftz.loaders.lexicon import (
    AGENT_BY_VERBS,
    AGENT_VERBS,
    AGENT_VERBS_MORE,
    AGENT_VERBS_OF_DRAFTS,
    BATCH_COUNT_NOUNS,
    BATCH_ITEM_TAILS,
    BATCH_LIST_LEADS,
    BATCH_NAME_ENDS,
    BATCH_OF_NOTHING,
    BATCH_RELEASE_VERBS,
    BATCH_TITLE_VERBS,
    CARDINALS,
    DESIGNATED_SCOPES,
    DIRECTIVE_NOUNS,
    DOCUMENT_ACT_NOUNS,
    DOCUMENT_ACTING_VERBS,
    GENERIC_PLURALS,
    ITEM_ORIGIN_VERBS,
    JOINT_TITLE_WORDS,
    LEADING_GROUP_HEADS,
    LIST_SCOPE_VERBS,
    NATIONAL_SCOPES,
    NUMBER_WORDS_MORE,
    ORDINALS,
    ORDINALS_MORE,
    PARTY_COMMITTEE_HEADS,
    PARTY_NAMES,
    PROVINCE_SCOPES,
    PROVINCE_SCOPES_MORE,
    RELEASE_VERBS_OF_ZONE,
    REVISION_WORDS,
    SELECTION_VERBS,
    SELECTION_VERBS_ACTIVE,
    SIGNING_VERBS,
    TITLE_SMALL_WORDS,
    TITLE_SMALL_WORDS_MORE,
    TITLE_WORDS,
    TITLE_WORDS_MORE,
    TITLE_WORDS_OF_RULES,
    alternation,
)
from pftz.loaders.manifest import BUNDLED_REPORT
from pftz.loaders.narrative import JOINT_DOCUMENT, AdoptionFact, CaseFact, Narrative, read_narrative
from pftz.loaders.paper_prose import PAPER_ADOPTION, named_adoptions, with_paper_facts
from pftz.loaders.profile import PROFILE_SIDECAR_SUFFIX, Profile, default_profile, load_profile
from pftz.loaders.prose_batches import (
    ProseBatch,
    batch_items,
    descriptive,
    notice_items,
    prose_batches,
    scoped_examples,
)
from pftz.loaders.quotes import quoted_spans
from pftz.loaders.records import (
    Check,
    Entity,
    NodeRef,
    ParsedReport,
    ParseWarning,
    PropValue,
    Provenance,
    Relation,
    Section,
    Table,
    TableRow,
    freeze_props,
)
from pftz.loaders.reference import Gazetteer, Mention, load_prefixes
from pftz.loaders.structure import Outline, parse_structure
from pftz.loaders.tables import cell_examples, parse_tables
from pftz.loaders.text import (
    MAX_SENTENCE,
    Line,
    Paragraph,
    Split,
    bound_quote,
    decode_report,
    invisible_lines,
    is_lone_number,
    paragraphs,
    read_report_bytes,
    sentences,
    split_lines,
    split_long_paragraphs,
)

"""The report shipped with the project: the default input of every command."""

ORDINAL_WORDS = {w: i for i, w in enumerate((*ORDINALS, *ORDINALS_MORE), start=1)}
"""Ordinal words and their values (the lexicon's)."""
NUMBER_WORDS = {w: i for i, w in enumerate(CARDINALS, start=1)}
"""Number words and their values (the lexicon's)."""
_ORD = r"(?:\d{1,2}(?:st|nd|rd|th)|" + "|".join(ORDINAL_WORDS) + r")"
BATCH_PHRASE_RE = re.compile(
    rf"\b(?:the |a )?(?P<ord>{_ORD}) batch of (?!{alternation(BATCH_OF_NOTHING)}\b)"
    rf"(?:(?P<count>\d+) )?(?P<what>[\"“]?[a-z][a-z \"“”-]*?)"
    rf"(?=[,.;:(]| (?:{'|'.join(BATCH_NAME_ENDS)}) |$)"
    rf"(?:\((?P<count_after>\d+) (?:{'|'.join(BATCH_COUNT_NOUNS)})\))?",
    re.IGNORECASE,
)
"""A batch named by its ordinal: "the fifth batch of 23 best practices", "the eighth batch of reform pilot
experience (24 items)" (the words that end its name and the nouns of its size are the lexicon's)."""
ISSUE_VERB_RE = re.compile(
    r"\b(?:jointly )?(?:issued|approved|released|promulgated|formulated|published|adopted|introduced)\b"
)
HEREINAFTER_RE = re.compile(r"\(hereinafter referred to as (?:the )?[\"“](?P<name>[^\"”]+)[\"”]\)")
SUBAREA_RE = re.compile(
    r"\b(?P<name>(?:[A-Z][\w'’-]+ )+(?:Special )?Area)(?: of (?:the )?| \()(?P<zone>[A-Z][a-z]+ PFTZ)\b\)?"
)
"""An area printed with its zone: ``the Honghe Area of Yunnan PFTZ``, ``Foo Area (Bar PFTZ)``."""
AREA_LIST_RE = re.compile(
    r"\bareas of (?P<list>[A-Z][\w'’-]+(?:(?:,\s*(?:and\s+)?|\s+and\s+)[A-Z][\w'’-]+)+)"
)
"""Areas listed by their place names: ``the zone's four areas of Zhoushan, Ningbo, Hangzhou and Jinyi``."""
AREA_ZONE_TAIL_RE = re.compile(r"\s+(?:of|in)\s+(?:the\s+)?|\s*\(\s*(?:the\s+)?")
"""What joins an area printed in another case to its zone after it: ``<area> of the <zone>``, ``<area> (<zone>)``."""
AREA_ANY_CASE_HINT_RE = re.compile(r"\b[A-Z][\w'’-]*(?: [\w'’-]+){0,4} (?:area|zone|park)\b|\b[A-Z]{4,} [A-Z]{4,}\b")
"""A quick test before the costly search of areas printed in another case: a head word in lower case, or capitals."""


@lru_cache(maxsize=4)
def _any_case_pattern(forms: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern of the curated areas' names in any case (compiled once per list of names)."""
    alts = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)) or "(?!)"
    return re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])", re.IGNORECASE)


ITS_AREA_RE = re.compile(r"\b[Ii]ts (?P<name>[A-Z][\w'’-]+ (?:(?:and |of )?[A-Z][\w'’-]+ )*(?:Special )?Area)\b")
"""An area printed after the zone it belongs to: ``Guangxi PFTZ ... its Chongzuo Area``."""
AREA_RESOLVED = "the area's zone in the curated list of areas (data/reference/areas.csv)"
"""How an area printed without its zone is placed in it."""
NOT_AN_AREA_RE = re.compile(r"\b(?:New|Bay)\s+Area$")
"""Areas that are not a zone's: a state-level new area (``Pudong New Area``), a bay area (``Greater Bay Area``)."""
AREA_ARTICLE_RE = re.compile(r"^(?:(?:The|For|In|Under|Following|Meanwhile|Moreover|Also|And|Its)\s+)+")
COORDINATED_RE = re.compile(r"\b(?P<name>[A-Z][a-z]+) coordinated innovation zone of (?P<zone>[A-Z][a-z]+ PFTZ)\b")
ZONE_WORD_RE = re.compile(r"(?<![A-Za-z] )\b([A-Z][a-z]+) PFTZ(?:s|'s|’s)?\b(?! Alliance)")
ZONE_HINT_RE = re.compile(r"PFTZ|FTP|FTZ|Free\s+Trade", re.IGNORECASE)
"""Every zone form the gazetteer knows contains one of these: a cheap test before the full scan."""
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
        areas it lacks, printed with their zone (``the <X> Area of <PFTZ>``,
        ``<X> Area (<PFTZ>)``) or after it (``<PFTZ> ... its <X> Area``): these
        are keyed ``<zone>/<slug of the name>`` and named as printed.
        """
        found = list(self.gaz.find_areas(text))
        found += self._areas_in_any_case(text, found)
        found += self._listed_areas(text, zones, found)
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
        for m in ITS_AREA_RE.finditer(text):
            before = [z for z in zones if z.end <= m.start()]
            if NOT_AN_AREA_RE.search(m.group("name")):
                continue
            if before and not any(f.start < m.end() and m.start("name") < f.end for f in found):
                parent = before[-1].key.split("/")[0]
                key = self._area_key(parent, m.group("name"))
                found.append(Mention(key, m.start("name"), m.end(), m.group("name")))
        return sorted(found, key=lambda f: f.start)

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
        if not AREA_ANY_CASE_HINT_RE.search(text):
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


# --------------------------------------------------------------------------- documents
DOC_TITLE_MATCH = 88.0
"""Similarity (ground.names.title_score of the core titles) above which two wordings are one document."""


def _completes(full: DocNumber, part: DocNumber) -> bool:
    """Whether a complete number is the one a short number (or an issuer-less announcement) stands for."""
    if full.serial != part.serial or not full.complete:
        return False
    if part.prefix == ANNOUNCEMENT:
        return full.prefix.endswith(ANNOUNCEMENT) and full.year == part.year
    return full.prefix == part.prefix


def _register_doc(ctx: _Context, number: DocNumber | None, title: str | None, line: int | None = None) -> str:
    """Return the key of the document with this number or title, creating it if new.

    Number first: a complete number is the key; a short number resolves to the
    one complete number it stands for. Then the title: an exact core title
    (:func:`~loaders.documents.core_title`), or one similar enough, which is
    noted for review.
    """
    tkey = title_key(title) if title else ""
    ckey = title_key(core_title(title)) if title else ""
    if number is not None and not number.complete:
        full = [d for d in ctx.docs.values() if d.number and _completes(d.number, number)]
        if len(full) == 1:
            key = full[0].key
            if title and title not in full[0].titles:
                full[0].titles.append(title)
            return key
    if number is not None and number.complete:
        key = number.key
        if key not in ctx.docs:
            ctx.docs[key] = _Doc(key, number)
            old_key = ctx.title_index.get(tkey) or ctx.title_index.get(ckey)
            if old_key and old_key != key and not (ctx.docs.get(old_key) and ctx.docs[old_key].number):
                old = ctx.docs.pop(old_key, None)
                if old is not None:
                    ctx.docs[key].titles.extend(old.titles)
                    for t, k in list(ctx.title_index.items()):
                        if k == old.key:
                            ctx.title_index[t] = key
    elif tkey:
        found = ctx.title_index.get(tkey) or ctx.title_index.get(ckey) or _match_title(ctx, ckey, title, line)
        key = found or f"t:{slug(tkey, 80)}"
        ctx.docs.setdefault(key, _Doc(key, number))
    else:
        key = f"n:{number.key}" if number else "unknown"
        ctx.docs.setdefault(key, _Doc(key, number))
    if title and title not in ctx.docs[key].titles:
        ctx.docs[key].titles.append(title)
    if tkey:
        ctx.title_index.setdefault(tkey, key)
        ctx.title_index.setdefault(ckey, key)
    return key


@lru_cache(maxsize=8192)
def _normalized(title: str) -> str:
    return normalize_title(title)


def _match_title(ctx: _Context, ckey: str, title: str | None, line: int | None) -> str | None:
    """The document whose core title is most similar to ``ckey``, if similar enough; noted for review."""
    wanted = _normalized(ckey)
    best: tuple[float, str, str] | None = None
    for t, k in ctx.title_index.items():
        score = title_score(wanted, _normalized(t))
        if score >= DOC_TITLE_MATCH and (best is None or score > best[0]):
            best = (score, k, t)
    if best is None:
        return None
    message = f"merged the wording {title!r} into document {best[1]!r} (title similarity {best[0]:.0f})"
    ctx.reviews.append((line, message))
    return best[1]


def _doc_node(c: _Collector, ctx: _Context, key: str, line: int, quote: str, **extra: PropValue) -> NodeRef:
    d = ctx.docs[key]
    title = d.titles[0] if d.titles else None
    props: dict[str, PropValue] = {"title": title, **extra}
    if d.number is not None:
        props |= {
            "number": d.number.text,
            "prefix": d.number.prefix,
            "year": d.number.year,
            "serial": d.number.serial,
        }
        pref = c.prefixes.get(d.number.prefix)
        if pref is not None and pref.certain:
            props["number_zh"] = d.number.chinese(pref.name_zh)
    if key in ctx.doc_dates and ctx.doc_dates[key][2] == quote:
        props["date"] = ctx.doc_dates[key][0]  # only on the mention whose quote prints it
    ctx.doc_seen.setdefault(key, (line, quote))
    name = title or (d.number.text if d.number else key)
    if d.number is not None and title:
        name = f"{title} ({d.number.text})"
    return c.node(Label.DOCUMENT, key, name, line, quote, **props)


def _issuers(c: _Collector, text: str) -> list[Mention]:
    """The bodies named in ``text``, once each, as printed."""
    out: dict[str, Mention] = {}
    for m in c.gaz.find_bodies(text):
        out.setdefault(m.key, m)
    return list(out.values())


@lru_cache(maxsize=8192)
def _doc_mentions(text: str) -> list[tuple[DocNumber | None, str | None, int, int]]:
    """Numbered documents in ``text`` with their titles: (number, title, start, end)."""
    out: list[tuple[DocNumber | None, str | None, int, int]] = []
    for nm in find_numbers(text) + find_short_numbers(text):
        tb = title_before(text, nm.start)
        out.append((nm.number, tb[0] if tb else None, tb[1] if tb else nm.start, nm.end))
    return out


class _Mention(NamedTuple):
    """One mention of a document: its key, the line and sentence, and the span of title and number."""

    key: str
    line: int
    sentence: str
    start: int
    end: int


class _TableDoc(NamedTuple):
    """A document listed in a policy table's document-title column."""

    key: str
    row: TableRow
    table: Table
    cell: str


DOC_KIND_RE = re.compile(r"\b(Notice|Opinions|Plan|Measures|Regulations|Announcement|Resolution)\b")
"""Words that make a quoted title a document's title."""
ISSUED_BY_RE = re.compile(r"\bissued by (.+?)(?:[.;]|$)")
QUOTED_SPAN_RE = re.compile(r"[\"“][^\"”]*[\"”]")


def _extract_documents(c: _Collector, ctx: _Context) -> None:
    """Numbered and titled documents from the text, the tables and the milestones, with their issuers and dates."""
    tables, milestones = ctx.tables, ctx.milestones
    # full numbers first, everywhere, so that short forms and titles can resolve
    pending = _numbered_in_sentences(ctx) + _numbered_in_preambles(ctx, tables)
    pending += _short_numbered(c, ctx)
    pending += _titled_in_milestones(ctx, milestones)
    pending += _titled_in_sentences(ctx)
    pending += _unquoted_titles(ctx)
    pending += _opening_title(ctx)
    table_docs = _titled_in_policy_tables(ctx, tables)
    pending += [_Mention(d.key, d.row.line, " | ".join(d.row.values.values()), 0, len(d.cell)) for d in table_docs]
    _date_documents(ctx, pending)
    for d in table_docs:
        _policy_table_facts(c, ctx, d)
    for mention in pending:
        _mention_facts(c, ctx, mention)
    _group_pilot_zones(c, ctx)
    _flush_reviews(c, ctx)


def _flush_reviews(c: _Collector, ctx: _Context) -> None:
    """Report the wordings merged by title similarity, for review."""
    for line, message in ctx.reviews:
        c.warn("document-wordings-merged", message, line)
    ctx.reviews.clear()


def _numbered_in_sentences(ctx: _Context) -> list[_Mention]:
    """Rule: a full number ("G.H. [2024] No. 156"), with the quoted title just before it."""
    out: list[_Mention] = []
    for p, off, s in _sentences(ctx.paras):
        for number, title, start, end in _doc_mentions(s):
            if number is not None and number.complete:
                line = p.line_at(off)
                out.append(_Mention(_register_doc(ctx, number, title, line), line, s, start, end))
    return out


def _numbered_in_preambles(ctx: _Context, tables: Sequence[Table]) -> list[_Mention]:
    """Rule: a table's preamble names its releasing document ("Letter of ... S.Z.M.H. [2024] No. 14")."""
    out: list[_Mention] = []
    for t in tables:
        for ln, text in t.preamble:
            for number, title, start, end in _doc_mentions(text):
                if number is not None and number.complete:
                    title = title or clean_title(text[:start]) or None
                    out.append(_Mention(_register_doc(ctx, number, title, ln), ln, text, start, end))
    return out


def _short_numbered(c: _Collector, ctx: _Context) -> list[_Mention]:
    """Rule: a short number without a year ("G.Fa. No. 9") is the full number seen elsewhere."""
    out: list[_Mention] = []
    for p, off, s in _sentences(ctx.paras):
        for number, title, start, end in _doc_mentions(s):
            if number is None or number.complete:
                continue
            key = _register_doc(ctx, number, title, p.line_at(off))
            found = ctx.docs[key].number
            if found is None or not found.complete:
                c.warn("document-number-unresolved", f"short number {number.text!r} has no full form", p.line_at(off))
            elif number.text != found.text and number.text not in ctx.docs[key].printed:
                ctx.docs[key].printed.append(number.text)
            out.append(_Mention(key, p.line_at(off), s, start, end))
    return out


def _titled_in_milestones(ctx: _Context, milestones: Sequence[Paragraph]) -> list[_Mention]:
    """Rule: a milestone that issued a quoted "Notice/Plan/Opinions ..." without a number."""
    out: list[_Mention] = []
    for p in milestones:
        s = p.text
        for m in QUOTED_RE.finditer(s):
            title = m.group(1)
            if ISSUE_VERB_RE.search(s[: m.start()]) and re.match(r"[A-Z]", title) and DOC_KIND_RE.search(title):
                out.append(_Mention(_register_doc(ctx, None, title, p.line), p.line, s, m.start(), m.end()))
    return out


TITLED_VERB_RE = re.compile(
    r"\b(?:(?:jointly )?(?:issued|approved|released|promulgated|published|formulated|signed|unveiled)"
    rf"|{alternation(DOCUMENT_ACTING_VERBS)}|{alternation(DOCUMENT_ACT_NOUNS)})\s+(?:the\s+)?"
    rf"(?:{alternation(REVISION_WORDS)}\s+)?$"
)
"""A verb of issuing right before a quoted title: ``The Hubei Provincial People's Government issued the "..."``."""
TITLED_DOC_RE = re.compile(rf"\b{alternation((*TITLE_WORDS, *TITLE_WORDS_OF_RULES))}\b")
TITLED_VERB_AWAY_RE = re.compile(
    rf"\b(?:jointly\s+)?{alternation(SIGNING_VERBS)}\s+(?:at|in|during|on)\s+(?:its|the)\s+(?:[\w-]+\s+){{0,5}}?the\s+$"
)
"""A verb of issuing a few words before a quoted title: ``... adopted at its Fourth Plenary Session the "..."``."""
TITLED_PASSIVE_RE = re.compile(
    rf"[\"”]?\s+(?:(?:was|were|has been|have been|had been)\s+)?{alternation(SIGNING_VERBS)}\s+(?:at|by|in|on)\b"
    rf"|[\"”]?\s+(?:was|were|has been|have been|had been)\s+{alternation(SIGNING_VERBS)}\s*(?:[.,;]|$)"
)
"""A verb of issuing in the passive right after a quoted title: ``The "..." adopted at the session called for``."""


def _titled_in_sentences(ctx: _Context) -> list[_Mention]:
    """Rule: a quoted title of a document (a title word, capitalised) right after a verb of issuing, without a number.

    "The Hubei Provincial People's Government issued the "Several Measures on
    ..."", "... approved the "Implementation Plan for ..."". A title the text
    also prints with a number is the same document (:func:`_register_doc`).
    """
    out: list[_Mention] = []
    for p, off, s in _sentences(ctx.paras):
        if '"' not in s and "“" not in s:
            continue
        numbered = [(a, b) for _n, _t, a, b in _doc_mentions(s)]
        for m in QUOTED_RE.finditer(s):
            title = m.group(1)
            if any(a <= m.end() and m.start() <= b for a, b in numbered):
                continue  # a title with its number: read with the number
            issued = (
                TITLED_VERB_RE.search(s[: m.start()])
                or TITLED_VERB_AWAY_RE.search(s[: m.start()])
                or TITLED_PASSIVE_RE.match(s, m.end())
            )
            if title[:1].isupper() and TITLED_DOC_RE.search(title) and issued:
                line = p.line_at(off)
                out.append(_Mention(_register_doc(ctx, None, title, line), line, s, m.start(), m.end()))
    return out


ALL_TITLE_WORDS = (*TITLE_WORDS, *TITLE_WORDS_MORE, *JOINT_TITLE_WORDS, "Recommendations", "Announcement")
"""The words that make a phrase a document's title (a title holds one)."""
ALL_TITLE_RE = re.compile(rf"\b{alternation(ALL_TITLE_WORDS)}\b")
_SMALL = (*TITLE_SMALL_WORDS, *TITLE_SMALL_WORDS_MORE)
_TITLE_WORD = rf"(?:[A-Z][\w'’-]*|\d[\w-]*|\([^()]{{1,40}}\)|(?:{'|'.join(_SMALL)})\b)"
UNQUOTED_TITLE_RE = re.compile(
    rf"\b(?:the|[Tt]he|of|on)\s+(?P<title>(?:[A-Z][\w'’-]*\s+){{0,4}}?{alternation(ALL_TITLE_WORDS)}"
    rf"\s+(?:on|for|of|to|about)\s+{_TITLE_WORD}(?:\s+{_TITLE_WORD}){{1,40}}?)"
    r"(?=\s*\((?:[A-Z][A-Za-z.]*\s*)?[\[〔(]?\s*(?:19|20)\d\d|\s+issued\s+by\b)"
)
"""A title printed without quotes, capitalised but for small words (the lexicon's), right before its number or
"issued by": "the Notice on Several Measures to Further Align with ... in Eligible PFTZs (G.F. [2025] No. 9)"."""


SIGNED_TITLE_RE = re.compile(
    rf"\b(?:jointly\s+)?{alternation(SIGNING_VERBS)}\s+the\s+(?P<title>(?:[A-Z][\w'’-]*\s+){{0,4}}?"
    rf"{alternation(ALL_TITLE_WORDS)}\s+(?:on|for|of|to|about)\s+{_TITLE_WORD}(?:\s+{_TITLE_WORD})*)"
)
"""A title printed without quotes right after a verb of issuing or signing: "... signed the Framework Agreement
on Cooperation of ... Corridor at a meeting" (the small words after its last capitalised word are not its own)."""
_TRAILING_SMALL_RE = re.compile(rf"(?:\s+(?:{'|'.join(_SMALL)}))+$")


def _unquoted_titles(ctx: _Context) -> list[_Mention]:
    """Rule: a title printed without quotes ("the Notice on Launching Pilot Programs ... (G.F. [2026] No. 4)",
    "the Opinions on Implementing ... issued by the State Council"): a title word, "on", "for" or "of", and
    capitalised words (small words between them) up to its number or "issued by".

    A title followed by its number is registered with the number (one document); without a number, by title.
    """
    out: list[_Mention] = []
    for p, off, s in _sentences(ctx.paras):
        if ALL_TITLE_RE.search(s) is None:
            continue  # a quick test before the costly patterns
        mentions = _doc_mentions(s)
        for m in UNQUOTED_TITLE_RE.finditer(s):
            title = m.group("title").strip()
            if '"' in title or "“" in title:
                continue
            after = [(n, a) for n, _t, a, _b in mentions if n is not None and m.end() <= a <= m.end() + 3]
            number = after[0][0] if after else None
            line = p.line_at(off)
            out.append(_Mention(_register_doc(ctx, number, title, line), line, s, m.start("title"), m.end()))
        for m in SIGNED_TITLE_RE.finditer(s):
            title = _TRAILING_SMALL_RE.sub("", m.group("title"))
            if len(title.split()) < 4 or any(a <= m.end() and m.start() <= b for _n, _t, a, b in mentions):
                continue  # a title with its number is read with the number
            line = p.line_at(off)
            end = m.start("title") + len(title)
            out.append(_Mention(_register_doc(ctx, None, title, line), line, s, m.start("title"), end))
    return out


def _opening_title(ctx: _Context) -> list[_Mention]:
    """Rule: a text that is not an edition and opens with a document's title on a line of its own (a title word,
    no full stop), its number alone on the next, is that document ("Notice of the State Council on ...",
    "G.F. [2025] No. 14"): the document is named by its title and number, its issuers by its title.
    """
    paras = [p for p in ctx.paras if not is_lone_number(p.text)]  # a page number may come first
    if ctx.edition or not paras:
        return []
    first = paras[0]
    title = first.text.strip()
    number = None
    # the number printed on the line under the title, read into the same paragraph, is the title's number
    tail = [n for n, _t, a, b in _doc_mentions(title) if n is not None and a > 0 and b >= len(title) - 1]
    if tail:
        number = tail[-1]
        title = title[: max(a for n, _t, a, _b in _doc_mentions(title) if n is number)].rstrip(" ,;:")
    if len(title) > MAX_OPENING_TITLE or title.endswith(".") or not TITLED_DOC_RE.search(title):
        return []
    if not re.match(rf"^(?:[A-Z][\w'’-]*\s+){{0,4}}?{alternation(ALL_TITLE_WORDS)}\b", title):
        return []
    if number is None and len(paras) > 1:
        nxt = paras[1].text.strip()
        found = [n for n, _t, a, b in _doc_mentions(nxt) if n is not None and a == 0 and b >= len(nxt) - 1]
        number = found[0] if found else None
    key = _register_doc(ctx, number, title, first.line)
    return [_Mention(key, first.line, title, 0, len(title))]


MAX_OPENING_TITLE = 300
"""Characters at most of a text's opening line read as a document's title."""


def _titled_in_policy_tables(ctx: _Context, tables: Sequence[Table]) -> list[_TableDoc]:
    """Rule: a policy table's document-title column lists one document per row (or several quoted)."""
    out: list[_TableDoc] = []
    for t in tables:
        cols = ctx.profile.columns_of(t.columns)
        # a table of documents without a title column lists them in its document column ("Issuing body | Document")
        tcol = cols.get("document_title") or (cols.get("document") if "bodies" in cols else None)
        if tcol is None or "measure" in cols:
            continue
        for row in t.rows:
            cell = row.values.get(tcol, "")
            mentions = _doc_mentions(cell)
            numbered = [(n, ti or clean_title(cell[:a]) or None) for n, ti, a, _b in mentions if n is not None]
            if numbered:  # "Notice on ... (G.F. [2026] No. 4)": the number and the title before it
                for number, title in numbered:
                    out.append(_TableDoc(_register_doc(ctx, number, title, row.line), row, t, cell))
                continue
            quoted = [q.group(1) for q in QUOTED_RE.finditer(cell)]
            for title in quoted or [clean_title(re.split(r"\s+issued by\s+", cell)[0])]:
                out.append(_TableDoc(_register_doc(ctx, None, title, row.line), row, t, cell))
    return out


def _date_documents(ctx: _Context, pending: Sequence[_Mention]) -> None:
    """Rule: a date printed before a document's title in its sentence dates it; the most precise wins."""
    for key, line, s, start, _end in pending:
        d = parse_date(s)
        if d and d[1] < start and len(d[0]) > len(ctx.doc_dates.get(key, ("",))[0]):
            ctx.doc_dates[key] = (d[0], line, s)


def _policy_table_facts(c: _Collector, ctx: _Context, d: _TableDoc) -> None:
    """A policy table row: the bodies named outside the quoted titles, or in its bodies' column, issued it;
    its zones are named."""
    key, row, t, cell = d
    issuers = _issuers(c, QUOTED_SPAN_RE.sub(" ", cell))
    if bcol := c.profile.columns_of(t.columns).get("bodies"):
        issuers += _issuers(c, row.values.get(bcol, ""))
    doc = _doc_node(c, ctx, key, row.line, cell)
    for b in issuers:
        if body := c.body(b.key, row.line, cell, b.text):
            c.rel(Rel.ISSUED_BY, doc, body, row.line, cell)
    whole = " | ".join(x for x in row.values.values() if x)
    for z, group in _zones_named(c, ctx, whole):
        zone = c.zone(z, row.line, whole)
        c.rel(Rel.NAMES_ZONE, doc, zone, row.line, whole, role="named", resolved=group, **{DERIVED: _derived(group)})
    if zcol := c.profile.columns_of(t.columns).get("zone"):
        issued_by_zones = c.profile.caption_says_issued_by_zones(t.caption)
        for z, group in _zones_named(c, ctx, row.values.get(zcol, "")):
            zone = c.zone(z, row.line, whole)
            derived = _derived(group)
            c.rel(Rel.NAMES_ZONE, doc, zone, row.line, whole, role="issuer", resolved=group, **{DERIVED: derived})
            if issued_by_zones:  # Rule: a caption "Relevant documents issued by PFTZs": the row's zone issued it
                name = c.zone_name(z)
                admin = c.local_body(f"admin-{z}", name, f"Administration of {name}", row.line, whole)
                how = f"the caption of {t.printed}: documents issued by PFTZs"
                c.rel(Rel.ISSUED_BY, doc, admin, row.line, whole, resolved=how)


class _IssuerText(NamedTuple):
    """The words around a document mention that name who issued or approved it."""

    issuers: str
    approvers: str
    verb: str | None


APPROVAL_RE = re.compile(r"\b[Ww]ith the approval of (?P<body>[^,]+),\s*")
"""Rule: "With the approval of the State Council, <bodies> issued ..." names an approver, not an issuer."""


ISSUANCE_OF_RE = re.compile(r"(?P<body>(?:[A-Z][\w-]*\s)+?[A-Z][\w-]*)(?:'s|’s) issuance of (?:the )?$")
"""Rule: "the Shanghai Municipal Finance Bureau's issuance of the "<title>"" names the issuer."""


def _issuer_text(s: str, start: int, end: int) -> _IssuerText:
    """The words naming a document's issuers (and approvers), and the verb that precedes the title.

    Rule: "<date>, <bodies> jointly issued the "<title>" (<number>)", "the "<title>" (<number>)
    issued by <bodies>" or "<body>'s issuance of the "<title>""; "<body> approved the "<title>""
    names an approver, as does "With the approval of <body>, ...".
    """
    head = s[:start]
    verbs = list(ISSUE_VERB_RE.finditer(head))
    text, verb = "", verbs[-1].group(0).split()[-1] if verbs else None
    if verbs:
        text = head[: verbs[-1].start()]
        if d := parse_date(text):
            text = text[d[2] :]
    elif by := ISSUED_BY_RE.search(s[end:]):
        text = by.group(1)
    elif owner := ISSUANCE_OF_RE.search(head):
        text, verb = owner.group("body"), "issued"
    text = QUOTED_SPAN_RE.sub(" ", text)
    approvers = " ".join(m.group("body") for m in APPROVAL_RE.finditer(text))
    text = APPROVAL_RE.sub(" ", text)
    if verb == "approved":
        return _IssuerText("", f"{approvers} {text}".strip(), verb)
    return _IssuerText(text, approvers, verb)


LOCAL_ISSUER_RE = re.compile(r"(?:^|\s)(?P<place>[A-Z][a-z]+) (?P<kind>Province|Municipality|PFTZ)(?:'s|’s)?\s*$")
"""Rule: a place names a local issuer: "Zhejiang Province introduced", "Shanghai PFTZ issued"."""


def _local_issuer(c: _Collector, text: str, line: int, quote: str) -> NodeRef | None:
    """The local issuer a place stands for: a province's people's government, or a PFTZ's administration."""
    m = LOCAL_ISSUER_RE.search(text.strip(" ,"))
    if m is None:
        return None
    printed = f"{m.group('place')} {m.group('kind')}"
    if m.group("kind") == "PFTZ":
        zkey = c.gaz.zone(printed)
        if zkey is None:
            return None
        name = c.zone_refs[zkey].name
        return c.local_body(f"admin-{zkey}", printed, f"Administration of {name}", line, quote)
    pkey = c.gaz.province(m.group("place"))
    return c.body(f"gov-{pkey}", line, quote, printed) if pkey else None


def _mention_facts(c: _Collector, ctx: _Context, mention: _Mention) -> None:
    """One document mention: the node, its issuers and approvers, and the zones it names.

    The issuers are the bodies the sentence names before the verb (or after "issued by"),
    else a local place ("Shanghai PFTZ issued"), else the bodies the title names
    ("Notice of the General Office of ... on"), else the certain issuer of the number's prefix.
    """
    key, line, s, start, end = mention
    doc = _doc_node(c, ctx, key, line, s)
    words = _issuer_text(s, start, end)
    issuers: list[NodeRef] = [b for m in _issuers(c, words.issuers) if (b := c.body(m.key, line, s, m.text))]
    if not issuers and words.verb and (local := _local_issuer(c, words.issuers, line, s)):
        issuers = [local]
    if not issuers and words.verb and ANAPHOR_RE.fullmatch(words.issuers):
        _anaphoric_issuer(c, ctx, doc, line, s)
    if words.verb and not issuers and ORGANISATION_RE.search(words.issuers):
        c.warn("issuer-unresolved", f"issuer not recognised: {words.issuers.strip(' ,')!r}", line)
    if not issuers:
        issuers = _title_issuers(c, s[start:end], line, s)
    for body in issuers:
        c.rel(Rel.ISSUED_BY, doc, body, line, s)
    if not issuers:
        _prefix_issuer(c, ctx, doc, line, s)
    for m in _issuers(c, words.approvers):
        if approver := c.body(m.key, line, s, m.text):
            c.rel(Rel.APPROVED_BY, doc, approver, line, s)
    for z, group in _zones_named(c, ctx, s):
        zone = c.zone(z, line, s)
        c.rel(Rel.NAMES_ZONE, doc, zone, line, s, role="named", resolved=group, **{DERIVED: _derived(group)})


def _prefix_issuer(c: _Collector, ctx: _Context, doc: NodeRef, line: int, quote: str) -> None:
    """Rule: a number whose prefix has one certain issuer (data/reference/doc_prefixes.csv) names it."""
    number = ctx.docs[doc.key].number
    pref = c.prefixes.get(number.prefix) if number is not None else None
    if pref is not None and pref.certain and pref.issuer and (body := c.body(pref.issuer, line, quote)):
        c.rel(Rel.ISSUED_BY, doc, body, line, quote, resolved=f'number prefix "{pref.prefix}"')


ANAPHOR_RE = re.compile(r"\s*(?:It|it)(?:\s+(?:jointly\s+)?[a-z]+ed\s+and)?\s*")
"""Rule: "It formulated and issued the "<title>"": "It" is the subject of the sentence before."""
SUBJECT_RE = re.compile(r"^(?:\*\*[^*]+\*\*,?\s*)?(?P<subject>[A-Z][\w-]*(?:\s[A-Z][\w-]*)*)\s")


def _anaphoric_issuer(c: _Collector, ctx: _Context, doc: NodeRef, line: int, s: str) -> None:
    """The issuer "It" stands for: the place that opens the previous sentence of the paragraph."""
    for p in ctx.paras:
        sents = [t for _o, t in _para_sentences(p)]
        if s not in sents or sents.index(s) == 0:
            continue
        before = sents[sents.index(s) - 1]
        m = SUBJECT_RE.match(before)
        if m and (body := _local_issuer(c, m.group("subject"), line, s)):
            c.rel(Rel.ISSUED_BY, doc, body, line, s, resolved=f'anaphor "It": {m.group("subject")}')
        return


def _title_issuers(c: _Collector, title: str, line: int, quote: str) -> list[NodeRef]:
    """Rule: a title that names its issuers ("Notice of the General Office of the Ministry of ... on ...")."""
    words = title_issuer(title)
    if not words:
        return []
    return [b for m in _issuers(c, words) if (b := c.body(m.key, line, quote, m.text))]


def _group_pilot_zones(c: _Collector, ctx: _Context) -> None:
    """Rule: the members of a group a sentence defines are the pilot zones of the document named with it."""
    for name, members in ctx.groups.items():
        line, s = ctx.group_lines[name]
        for number, title, _start, _end in _doc_mentions(s):
            key = _register_doc(ctx, number, title)
            doc = _doc_node(c, ctx, key, line, s)
            for z in members:
                c.rel(Rel.NAMES_ZONE, doc, c.zone(z, line, s), line, s, role="pilot")


# --------------------------------------------------------------------------- national batches
def _collect_batch_phrases(c: _Collector, ctx: _Context) -> None:
    """Every phrase naming a batch ("the fifth batch of 23 best practices"), its kind, ordinal and size, for the
    passes after it; it records nothing itself."""
    for p, off, s in _sentences(ctx.paras):
        if "batch" not in s.lower():
            continue  # a quick test before the costly pattern, which needs the word
        for m in BATCH_PHRASE_RE.finditer(s):
            size = m.group("count") or m.group("count_after")
            count = int(size) if size else None
            ctx.batch_phrases.append(
                (
                    batch_kind(m.group("what") + " " + s[m.end() : m.end() + 40], ctx.profile),
                    _ordinal(m.group("ord")),
                    count,
                    s,
                    p.line_at(off),
                    m.group(0),
                )
            )


RELEASE_VERB_RE = re.compile(rf"\b{alternation(BATCH_RELEASE_VERBS)}\b")
"""Verbs by which a body releases a batch ("MOFCOM released the eighth batch of 24 best practices")."""
PROSE_BATCH_REACH = 160
"""Characters at most between the body that releases a batch and the batch phrase."""


SELECTED_INTO_RE = re.compile(rf"\b{alternation(SELECTION_VERBS_ACTIVE)}\b[^;]{{0,80}}\b(?:in|into)\s+$")
"""Between a body and a batch it puts an innovation into: "the State Council include[d] the practice in"."""
POSSESSIVE_RE = re.compile(r"^\s*(?:'s|’s)\s+(?:(?:latest|new|newly released|recent)\s+)?$")
"""Between a body and its batch: "MOFCOM's eighth batch of ...", "MOFCOM's latest batch"."""
RELEASED_BY_RE = re.compile(rf"^[^;.]{{0,80}}?\b{alternation(BATCH_RELEASE_VERBS)}\s+by\s+(?:the\s+)?$")
"""Between a batch and its body: "the eighth batch of 24 best practices released by MOFCOM"."""


def _prose_batch_issuer(c: _Collector, s: str, at: int, end: int) -> Mention | None:
    """The national body a sentence says released the batch phrase at ``s[at:end]``, if any.

    Before the phrase: the last body named, with a release verb between (no semicolon), or a
    possessive ("MOFCOM's eighth batch"); after it: "... released by <body>".
    """
    before = [m for m in c.gaz.find_bodies(s[:at]) if at - m.end <= PROSE_BATCH_REACH]
    found: Mention | None = None
    if before:
        between = s[before[-1].end : at]
        released = RELEASE_VERB_RE.search(between) or SELECTED_INTO_RE.search(between)
        if (";" not in between and released) or POSSESSIVE_RE.match(between):
            found = before[-1]
    if found is None:
        for m in c.gaz.find_bodies(s[end : end + PROSE_BATCH_REACH]):
            if RELEASED_BY_RE.match(s[end : end + m.start]):
                found = Mention(m.key, end + m.start, end + m.end, m.text)
            break
    ref = c.gaz.body_ref(found.key) if found else None
    return found if ref is not None and ref.level != "local" else None


OF_ZONE_RE = re.compile(r"\bof (?:the |China \()?(?P<zone>[A-Z][\w()' -]*?(?:PFTZ|FTZ|Pilot Free Trade Zone|FTP))\b")
"""A batch's owner printed in its name: "fifth batch of institutional innovation cases of the Henan FTZ"."""
ITS_RE = re.compile(rf"\b{alternation(RELEASE_VERBS_OF_ZONE)}\s+(?:in\s+)?its\s+$")
"""A zone's own batch: "Hubei PFTZ released its tenth batch", "... listed the model in its fifth batch"."""
PROVINCIAL_BATCH_REACH = 120
"""Characters at most between the zone (or the body of its province) and the phrase of its batch."""


def _prose_provincial_batch(
    c: _Collector, ctx: _Context, ordinal: int, count: int | None, s: str, line: int, phrase: str, at: int
) -> bool:
    """Rule: "<zone> released its <ordinal> batch of <N> innovations", "... its fifth batch of cases of the Henan
    FTZ": a zone's own (provincial) batch, its size where printed.

    The owner is the zone the batch's name prints ("of the Henan FTZ"), else
    the zone named last before "<released|issued|listed> its" in the same
    clause. A batch of an alliance names no one zone, and is left to the
    narrative.
    """
    named = OF_ZONE_RE.search(phrase)
    zones = c.find_zones(named.group("zone")) if named else []
    if not zones:
        head = s[max(0, at - PROVINCIAL_BATCH_REACH) : at]
        if not ITS_RE.search(head) or ";" in head or "Alliance" in head:
            return False
        zones = c.find_zones(head)[-1:]
    if not zones:
        return False
    zkey = zones[0].key.split("/", 1)[0]
    bkey = _batch_key("provincial", "institutional-innovations", ordinal, zkey)
    props: dict[str, PropValue] = {"kind": "institutional-innovations", "level": "provincial", "ordinal": ordinal}
    if bkey not in ctx.batch_tables and count is not None:
        props["count"] = count
    name = _batch_name("institutional-innovations", ordinal, c.zone_name(zkey))
    b = _batch_node(c, ctx, bkey, name, line, s, **props)
    c.rel(Rel.MEMBER_OF, c.zone(zkey, line, s), b, line, s, resolved="the batch's zone, as the sentence names it")
    return True


SELECTED_BY_RE = re.compile(rf"\b{alternation(SELECTION_VERBS)}\s+by\s+(?:the\s+)?$")
"""The passive verb before a body that put innovations into its batch ("were selected by the ...")."""
SELECTED_FOR_RE = re.compile(r"^\s*(?:for|in|into)\s+$")
"""What stands between that body and the batch phrase ("... by the Ministry of Commerce for the fifth batch")."""


class _ProseBatch(NamedTuple):
    """A national batch a sentence releases (``released``) or puts innovations into (``selected``)."""

    ref: NodeRef
    kind: str
    line: int
    sentence: str
    phrase: str
    released: bool


def _extract_prose_batches(c: _Collector, ctx: _Context) -> None:
    """Rule: "<national body> released the <ordinal> batch of <N> <kind>" is a national batch, its size and issuer.

    The body is the one :func:`_prose_batch_issuer` finds (named before the phrase with a
    release verb between, "<body>'s <ordinal> batch", or "... released by <body>"), or the
    last one named before it in the passive ("... were selected by <body> for the
    <ordinal> batch of <kind>"). A body of a province or a zone releases
    provincial batches, which this rule leaves to the tables and the
    narrative. A batch a table lists keeps the table's count; the prose adds
    its issuer.
    """
    out = ctx.prose_batches
    for kind, ordinal, count, s, line, phrase in ctx.batch_phrases:
        at = s.find(phrase)
        if at < 0:
            continue
        body_m = _prose_batch_issuer(c, s, at, at + len(phrase))  # a national body releases a national batch
        # "<body> included <X> in the eighth batch" puts one innovation in; it does not release the batch's list
        released = body_m is not None and not SELECTED_INTO_RE.search(s[body_m.end : at])
        if body_m is None:
            if _prose_provincial_batch(c, ctx, ordinal, count, s, line, phrase, at):
                continue
            bodies = [m for m in c.gaz.find_bodies(s[:at]) if at - m.end <= PROSE_BATCH_REACH]
            if not bodies:
                continue
            cand = bodies[-1]
            between = s[cand.end : at]
            ref = c.gaz.body_ref(cand.key)
            selected = bool(SELECTED_BY_RE.search(s[: cand.start]) and SELECTED_FOR_RE.match(between))
            if ref is None or ref.level == "local" or ";" in between or not selected:
                continue
            body_m = cand
        bkey = _batch_key("national", kind, ordinal)
        props: dict[str, PropValue] = {"kind": kind, "level": "national", "ordinal": ordinal}
        if bkey not in ctx.batch_tables:
            props["count"] = count
        batch = _batch_node(c, ctx, bkey, _batch_name(kind, ordinal), line, s, **props)
        if body := c.body(body_m.key, line, s, body_m.text):
            c.rel(Rel.RESPONSIBLE_FOR, body, batch, line, s)
        out.append(_ProseBatch(batch, kind, line, s, phrase, released))


NATIONAL_SCOPE_AFTER_RE = re.compile(
    rf"\s+(?:and\s+)?(?:(?:were|was|are|is)\s+)?(?:replicated|promoted|scaled up)(?:\s+and\s+\w+(?: up)?)?\s+"
    rf"(?P<scope>{alternation(NATIONAL_SCOPES)})\b"
)
"""A national scope after the batch phrase: "... for the fifth batch of best practices and promoted nationwide"."""
BATCH_ITEM_RESOLVED = "a case the text names after the sentence that releases the batch, before any other batch"
"""``resolved`` of the derived ``IN_BATCH`` edge of a case read after a batch's release in a text."""
TITLE_START_RE = re.compile(rf"^{alternation(TITLE_WORDS)}\b")


def _prose_batch_items(c: _Collector, ctx: _Context) -> None:
    """Rule: the innovations a sentence puts into a national batch, and in a text the cases it lists after the release.

    * "Two of them, the "<A>" and the "<B>", were selected by <body> for the
      fifth batch of best practice cases": each quoted name of the sentence
      (not a document's title, not a batch's own words) is an innovation of
      the batch, stated (in an edition, only in the passive: the passage that
      releases a batch is read against the batch's table).
    * A text that is not an edition (a press release, a news report) that
      releases a national batch ("MOFCOM released the sixth batch of 22 best
      practice cases") and then names zones' cases: each case read after the
      release, up to the next sentence about another batch, is an item of the
      batch. The text does not say so of each case: the ``IN_BATCH`` edge is
      derived, with the rule in ``resolved``. An edition's narrative names
      cases of many kinds after a batch, so there the rule does not run.
    """
    story, batches, edition = ctx.story, ctx.prose_batches, ctx.edition
    for b in batches:
        if edition and b.released:
            continue  # an edition's passage on a batch is read against the batch's table
        phrases = [m.span() for m in BATCH_PHRASE_RE.finditer(b.sentence)]
        at = b.sentence.find(b.phrase) + len(b.phrase)
        said = NATIONAL_SCOPE_AFTER_RE.match(b.sentence, at)
        scope = normalize_scope(said.group("scope")) if said else None
        scope = scope if scope in SCOPE_REGION_KEYS else None
        for q in QUOTED_RE.finditer(b.sentence):
            name = q.group(1).strip(" ,.;")
            if (
                any(x <= q.start() < y for x, y in phrases)
                or TITLE_START_RE.match(name)
                or "batch" in name.lower()  # a document's title naming the batch
                or len(name.split()) < 2
                or descriptive(b.sentence, q.start(), name)  # "described as "a new round of ..."", "called "...""
            ):
                continue
            kind = KIND_OF_BATCH.get(b.kind, MeasureKind.INNOVATION)
            m = c.node(Label.MEASURE, f"{b.ref.key}:{slug(name)}", name, b.line, b.sentence, kind=str(kind), title=name)
            c.rel(Rel.IN_BATCH, m, b.ref, b.line, b.sentence, resolved="named in the sentence on the batch")
            if scope is not None:  # "... for the fifth batch of best practice cases and promoted nationwide"
                region = c.region(SCOPE_REGION_KEYS[scope], b.line, b.sentence)
                c.rel(Rel.ADOPTED, region, m, b.line, b.sentence, scope=str(scope), as_printed=name)
    if edition:
        return
    released = sorted((b for b in batches if b.released), key=lambda b: b.line)
    for b in released:
        others = [
            ln
            for kind, ordinal, _n, _s, ln, _p in ctx.batch_phrases
            if ln > b.line and _batch_key("national", kind, ordinal) != b.ref.key
        ]
        end = min(others, default=10**9)
        for f in story.cases:
            if not f.zones or not b.line < f.line < end or b.sentence == f.quote:
                continue
            m = NodeRef(Label.MEASURE, f"case:{f.zones[0].split('/', 1)[0]}:{slug(f.name)}")
            c.rel(Rel.IN_BATCH, m, b.ref, f.line, f.quote, resolved=BATCH_ITEM_RESOLVED, **{DERIVED: True})


AGENT_AFTER_RE = re.compile(
    rf"^\s*(?:(?:has|have|had|also|then|jointly|on \w+)\s+)*"
    rf"{alternation((*AGENT_VERBS, *AGENT_VERBS_MORE, *AGENT_VERBS_OF_DRAFTS))}\b"
)
"""A verb of acting right after a body's name ("The General Administration of Customs approved ...")."""
AGENT_BEFORE_RE = re.compile(
    rf"\b(?:{alternation(AGENT_BY_VERBS)}\s+by|{alternation(DIRECTIVE_NOUNS)}\s+of)\s+(?:the\s+)?$"
)
"""A participle and "by" right before a body's name ("... replicated by the State Council"), or what a body
decides and "of" ("the decisions and plans of the CPC Central Committee")."""
LEADING_GROUP_RE = re.compile(
    rf"(?:\bthe\s+|^)(?P<name>(?:Office of the\s+)?(?:[A-Z][\w'’]*\s+)*{alternation(LEADING_GROUP_HEADS)}"
    r"(?:\s+(?:[A-Z(][\w()'’-]*|the|of|for|on|and|in))*?)(?=\s+(?:has|have|had|approved|issued|released)\b|[,;.]|$)"
)
"""A leading group or its office, named after its task, up to its verb or the end of its clause."""


PARTY_COMMITTEE_RE = re.compile(
    rf"\b(?P<name>(?:{alternation(PARTY_NAMES)}\s+)?[A-Z][a-z]+\s+{alternation(PARTY_COMMITTEE_HEADS)}"
    rf"(?:\s+of\s+the\s+{alternation(PARTY_NAMES)})?)"
    rf"(?=\s+(?:has\s+|have\s+|had\s+|also\s+|jointly\s+)*{alternation((*AGENT_VERBS, *AGENT_VERBS_MORE))}\b)"
)
"""A local party committee acting on a document: "The Zhejiang Provincial Committee of the CPC approved ..."."""


def _agent_bodies(c: _Collector, ctx: _Context) -> None:
    """Rule: a body named as the one acting on a document or a batch is a body of the text.

    "The General Administration of Customs approved ...", "The Henan Provincial
    People's Government listed the model in its fifth batch", "... replicated by
    the State Council": a known body (:mod:`loaders.reference`) right before a
    verb of acting (``AGENT_VERBS``) or right after a participle and "by"
    (``AGENT_BY_VERBS``). A leading group or its office ("the Office of the
    Leading Group for PFTZ Work of Guangdong Province") is named after its task,
    so it is read by its head words (``LEADING_GROUP_HEADS``) wherever it is printed,
    in the text or in a table's cell ("Released by the Office of the Leading Group ...").
    """
    cells = [(row.line, cell) for t in ctx.tables for row in t.rows for cell in row.values.values()]
    for line, cell in cells:
        for m in LEADING_GROUP_RE.finditer(cell) if "Leading Group" in cell else ():
            name = m.group("name").strip()
            c.local_body(f"body:{slug(name)}", name, name, line, cell)
    for p, off, s in _sentences(ctx.paras):
        line = p.line_at(off)
        if "Leading Group" in s:
            for m in LEADING_GROUP_RE.finditer(s):
                name = m.group("name").strip()
                c.local_body(f"body:{slug(name)}", name, name, line, s)
        if "Committee" in s:
            for m in PARTY_COMMITTEE_RE.finditer(s):
                name = m.group("name").strip()
                if not any(PARTY_NAME in name for PARTY_NAME in PARTY_NAMES):
                    continue  # a committee of another body is not a party committee
                c.local_body(f"body:{slug(name)}", name, name, line, s)
        for b in c.gaz.find_bodies(s):
            if AGENT_AFTER_RE.match(s[b.end :]) or AGENT_BEFORE_RE.search(s[: b.start]):
                c.body(b.key, line, s, b.text)


BATCH_BEFORE_REACH = 2
"""Lines back from a list of measures within which the batch they belong to is named."""


def _batch_named_before(c: _Collector, ctx: _Context, line: int, sentence: str) -> NodeRef | None:
    """Rule: a list of measures ("Of the 26 measures, 15 are to be replicated ..., including A, B") belongs to the
    national batch named last before it, in its sentence or the sentence before, when that batch is known."""
    known = {e.key for e in c.entities if e.label is Label.BATCH and e.properties.get("level") == "national"}
    before: list[str] = []
    # the lines of its paragraph count as one (a re-wrapped copy prints the sentence before lines earlier)
    start = next((p.line for p in ctx.paras if p.line <= line <= p.end_line), line)
    for kind, ordinal, _n, s, ln, _p in ctx.batch_phrases:  # in text order
        if ln > line:
            break
        if ln >= min(start, line - BATCH_BEFORE_REACH):
            before.append(_batch_key("national", kind, ordinal))
        if s == sentence:
            break
    found = [k for k in before if k in known]
    return NodeRef(Label.BATCH, found[-1]) if found else None


def _table_batch(ctx: _Context, t: Table) -> tuple[str, int] | None:
    """Identify the national batch a table lists, from its caption and the text."""
    caption_kind = batch_kind(t.caption, ctx.profile)
    if m := re.search(rf"\b({_ORD}) Batch\b", t.caption, re.IGNORECASE):
        return caption_kind, _ordinal(m.group(1))
    n = len(t.rows)
    scored: list[tuple[int, str, int]] = []
    cap_words = set(title_key(t.caption).split())
    for kind, ordinal, count, s, _line, phrase in ctx.batch_phrases:
        if count != n:
            continue
        overlap = len(cap_words & set(title_key(phrase + " " + s).split()))
        scored.append((overlap, kind, ordinal))
    if not scored:
        return None
    scored.sort(reverse=True)
    return scored[0][1], scored[0][2]


def _batch_key(level: str, kind: str, ordinal: int, owner: str = "") -> str:
    return f"{level}:{owner + ':' if owner else ''}{kind}:{ordinal}"


YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")
"""A year: a batch a zone names by its year ("2026 batch") rather than its ordinal."""


def _batch_name(kind: str, ordinal: int, owner: str = "") -> str:
    if ordinal >= 1900:  # a batch named by its year
        return f"{owner + ': ' if owner else ''}{ordinal} batch of {kind.replace('-', ' ')}"
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(ordinal if ordinal < 20 else ordinal % 10, "th")
    what = kind.replace("-", " ")
    return f"{owner + ': ' if owner else ''}{ordinal}{suffix} batch of {what}"


def _batch_node(
    c: _Collector, ctx: _Context, key: str, name: str, line: int, quote: str, **props: PropValue
) -> NodeRef:
    if key in ctx.batch_dates:  # the date goes with the sentence that prints it
        date, dline, dquote = ctx.batch_dates[key]
        c.node(Label.BATCH, key, name, dline, dquote, **{**props, "date": date})
    return c.node(Label.BATCH, key, name, line, quote, **props)


def _extract_national(c: _Collector, ctx: _Context) -> None:
    """The national batches (a table with a measure column): their measures, documents, bodies and scopes,
    checked against the totals the text states."""
    tables, milestones = ctx.tables, ctx.milestones
    measures = ctx.national
    found_by_scope: Counter[tuple[str, str]] = Counter()
    _date_national_batches(ctx, milestones)
    for t in (t for t in tables if "measure" in c.profile.columns_of(t.columns)):
        ident = _table_batch(ctx, t)
        if ident is None:
            c.warn("batch-unknown", f"cannot tell which national batch Table {t.id} lists", t.line)
            continue
        batch = _national_batch(c, ctx, t, *ident)
        for row in t.rows:
            measure, scope = _national_row(c, ctx, batch, row)
            measures.append(measure)
            if scope is not None:
                found_by_scope[(batch.kind, str(scope))] += 1
    national = [t for t in tables if "measure" in c.profile.columns_of(t.columns)]
    # the part that holds the national tables, as the edition names it
    where = c.outline.path_at(national[0].line).split(" > ")[0] if national else ""
    _check_national_totals(c, ctx, measures, found_by_scope, where or "the national batch tables")
    _flush_reviews(c, ctx)
    _document_wordings(c, ctx)


def _document_wordings(c: _Collector, ctx: _Context) -> None:
    """Every wording of a document's title, once all are known (after the merges)."""
    for key, d in ctx.docs.items():
        if (len(d.titles) > 1 or d.printed) and key in ctx.doc_seen:
            line, quote = ctx.doc_seen[key]
            _doc_node(c, ctx, key, line, quote, aliases=ALIAS_SEPARATOR.join([*d.titles[1:], *d.printed]))


BATCH_FROM_RE = re.compile(rf"(?P<count>\d+) (?P<what>[\"“]?[A-Za-z][A-Za-z \"“”]*?) from the (?P<ord>{_ORD}) batch")
"""A count of innovations from a batch: "23 best practices from the fifth batch"."""
BATCH_IN_RE = re.compile(
    rf"(?P<count>\d+) (?P<what>[\"“]?[A-Za-z][A-Za-z \"“”]*?) (?:{alternation(BATCH_ITEM_TAILS)} )?"
    rf"in the (?P<ord>{_ORD}) batch"
)
"""A count of innovations in a batch: "24 successful reform experience promoted by departments in the third batch"."""


def _date_national_batches(ctx: _Context, milestones: Sequence[Paragraph]) -> None:
    """Rule: a dated milestone naming a batch ("the fifth batch of ...", "23 ... from the fifth batch") dates it."""
    for p in milestones:
        d = parse_date(p.text)
        if not d:
            continue
        when = (d[0], p.line, p.text)
        for m in BATCH_PHRASE_RE.finditer(p.text):
            kind = batch_kind(m.group("what") + " " + p.text[m.end() : m.end() + 40], ctx.profile)
            ctx.batch_dates.setdefault(_batch_key("national", kind, _ordinal(m.group("ord"))), when)
        for m in BATCH_FROM_RE.finditer(p.text):
            kind = batch_kind(m.group("what"), ctx.profile)
            ctx.batch_dates.setdefault(_batch_key("national", kind, _ordinal(m.group("ord"))), when)
        for m in BATCH_IN_RE.finditer(p.text):
            kind = batch_kind(m.group("what") + " " + m.group(0), ctx.profile)
            ctx.batch_dates.setdefault(_batch_key("national", kind, _ordinal(m.group("ord"))), when)


@dataclass(frozen=True)
class _NationalBatch:
    """A table of measures read as a national batch: its node, kind, releasing documents and date."""

    ref: NodeRef
    kind: str
    table: Table
    release_docs: tuple[str, ...]
    date: str | None
    pilot_groups: tuple[str, ...] = ()
    """Groups whose pilots the batch's releasing document extends (their members piloted every row)."""


def _national_batch(c: _Collector, ctx: _Context, t: Table, kind: str, ordinal: int) -> _NationalBatch:
    """Rule: a table of measures is a national batch; its preamble names the releasing document."""
    bkey = _batch_key("national", kind, ordinal)
    release_docs: list[str] = []
    for _ln, text in t.preamble:
        for number, _title, start, _end in _doc_mentions(text):
            if number is not None:
                release_docs.append(_register_doc(ctx, number, clean_title(text[:start]) or None))
                if release_docs[-1] in ctx.doc_dates and bkey not in ctx.batch_dates:
                    ctx.batch_dates[bkey] = ctx.doc_dates[release_docs[-1]]
                    break
    name = _batch_name(kind, ordinal)
    props: dict[str, PropValue] = {"kind": kind, "level": "national", "ordinal": ordinal, "count": len(t.rows)}
    batch = _batch_node(c, ctx, bkey, name, t.line, t.caption, **props)
    table = t.printed
    ctx.batch_tables[bkey] = table
    for dkey in release_docs:
        doc = _doc_node(c, ctx, dkey, t.line, t.caption)
        c.rel(Rel.RELEASED_BY, batch, doc, t.line, t.caption, resolved=f"the document in the preamble of {table}")
    for phrase in ctx.batch_phrases:
        if phrase[0] == kind and phrase[1] == ordinal and phrase[2] is not None:
            c.check(f"measures in the {name}", phrase[2], len(t.rows), phrase[4])
            break
    date = ctx.batch_dates.get(bkey, ("", 0, ""))[0] or None
    if bkey in ctx.batch_dates:
        for dkey in release_docs:
            # the document that released the batch is dated by the sentence dating the release
            ctx.doc_dates.setdefault(dkey, ctx.batch_dates[bkey])
            _doc_node(c, ctx, dkey, *ctx.batch_dates[bkey][1:])
    groups = tuple(g for g in ctx.groups if _extends_pilots(c, ctx, g, release_docs))
    return _NationalBatch(batch, kind, t, tuple(release_docs), date, groups)


def _extends_pilots(c: _Collector, ctx: _Context, group: str, release_docs: Sequence[str]) -> bool:
    """Rule: the paragraph that launched a group's pilots goes on to name the batch's releasing document
    ("... launching pilot programs first in PFTZs of ... In October 2024, the "Notice ..." (G.H. [2024]
    No. 156) was released, which extended the replication and scaling of 30 pilot measures ...")."""
    start = _pilot_start(c, ctx, group)
    if start is None:
        return False
    para = next((p for p in ctx.paras if start[2] in p.text), None)
    if para is None:
        return False
    named = {_register_doc(ctx, n, t) for n, t, _s, _e in _doc_mentions(para.text) if n is not None and n.complete}
    return bool(named & set(release_docs))


TRUNCATED_NUMBER_RE = re.compile(r"\((?P<prefix>[A-Z][A-Za-z]{0,3}(?:\.[A-Z][A-Za-z]{0,3})*\.?)[^()]{0,12}$")
"""A cell that ends inside a document number: ``... for 2022 (G.Z.C.B.H``."""
NO_DOCUMENT = frozenset(("N/A", "NA", "-", ""))


def _national_row(c: _Collector, ctx: _Context, b: _NationalBatch, row: TableRow) -> tuple[NodeRef, Scope | None]:
    """Rule: a row of a national batch's table is a measure of the batch, with scope, documents, bodies and
    origin zones (the columns are found by their roles in the edition profile)."""
    v = row.values
    cols = c.profile.columns_of(b.table.columns)
    quote = " | ".join(x for x in v.values() if x)
    title = v.get(cols.get("measure", cols.get("document_title", "")), "")
    scope_cell = v.get(cols.get("scope", ""), "")
    year = v.get(cols.get("year", ""), "")
    scope = normalize_scope(scope_cell)
    short = title if len(title) <= 160 else title[:157].rsplit(" ", 1)[0] + "..."
    measure = c.node(
        Label.MEASURE,
        f"{b.ref.key}:{row.number}",
        short,
        row.line,
        quote,
        kind=str(KIND_OF_BATCH.get(b.kind, MeasureKind.INNOVATION)),
        title=title,
        scope=str(scope) if scope else scope_cell or None,
        row=row.number,
        year=int(year) if year.isdigit() else None,
    )
    in_table = f"row of {b.table.printed}"
    c.rel(Rel.IN_BATCH, measure, b.ref, row.line, quote, row=row.number, resolved=in_table)
    if scope in SCOPE_REGION_KEYS:
        # a row's own year (Table 2) dates its replication; a batch's release date stays on the batch
        target = c.region(SCOPE_REGION_KEYS[scope], row.line, quote)
        c.rel(Rel.REPLICATED_TO, measure, target, row.line, quote, scope=str(scope), date=year or None)
    elif scope_cell:
        c.warn("scope-unknown", f"Table {b.table.id} row {row.number}: scope {scope_cell!r} not understood", row.line)
    for dkey in b.release_docs:
        doc = _doc_node(c, ctx, dkey, row.line, quote)
        c.rel(
            Rel.PROMOTED_BY, measure, doc, row.line, quote, resolved=f"{in_table}, released by its preamble's document"
        )
    _row_documents(c, ctx, measure, row, v.get(cols.get("document", ""), ""), quote)
    for col in [h for h in b.table.columns if c.profile.column_role(h) == "bodies"]:
        if cell := v.get(col):
            for m in _issuers(c, cell):
                if body := c.body(m.key, row.line, cell, m.text):
                    c.rel(Rel.RESPONSIBLE_FOR, body, measure, row.line, quote)
    _row_origins(c, ctx, measure, title, row.line, quote, b, v.get(cols.get("zone", ""), ""))
    return measure, scope if scope in SCOPE_REGION_KEYS else None


def _row_origins(
    c: _Collector,
    ctx: _Context,
    measure: NodeRef,
    title: str,
    line: int,
    quote: str,
    b: _NationalBatch,
    zone_cell: str = "",
) -> None:
    """Rule: the zones a row names are where the measure was piloted; a group ("the Pilot Regions") stands
    for its members, and the dated sentence that launched the group's pilots dates each pilot edge. A row
    of a batch that extends a group's pilots was piloted by the group, however the row words it."""
    named = {m.key for m in c.find_zones(title)} | {z.key for lst in c.find_zone_lists(title) for z in lst}
    named |= set(_zones_in(c, ctx, zone_cell))  # a table with a zone column names the row's origins there
    for z in sorted(named):
        # the row prints no pilot date: the batch's release is only the latest it can have been (a bound, not a date)
        c.rel(Rel.ORIGINATED_IN, measure, c.zone(z, line, quote), line, quote, not_after=b.date)
    for name, members in ctx.groups.items():
        in_row = _uses_group(name, title)
        if not in_row and name not in b.pilot_groups:
            continue
        gline, gsentence = ctx.group_lines[name]
        resolved = f'group "{name}"' if in_row else f'pilots of group "{name}" extended by the releasing document'
        start = _pilot_start(c, ctx, name)
        for z in members:
            if z in named:
                continue
            zone = c.zone(z, gline, gsentence)
            # the zone is reached through the group's name, not named: a derived link, its rule in ``resolved``
            if in_row:
                c.rel(Rel.ORIGINATED_IN, measure, zone, line, quote, resolved=resolved, **{DERIVED: True})
            if start is not None:
                date, sline, sentence, doc_key = start
                c.rel(
                    Rel.ORIGINATED_IN,
                    measure,
                    zone,
                    sline,
                    sentence,
                    resolved=resolved,
                    date=date,
                    document=doc_key,
                    **{DERIVED: True},
                )


def _pilot_start(c: _Collector, ctx: _Context, group: str) -> tuple[str, int, str, str] | None:
    """The dated sentence that launched a group's pilots (date, line, sentence, the document's key).

    The sentence dates the group's document and lists every member.

    Rule: "In June 2023, the State Council issued the "Measures ..." (G.Fa. [2023] No. 9), launching pilot
    programs first in PFTZs of Shanghai, ..., as well as Hainan FTP."
    """
    members = set(ctx.groups[group])
    _gline, gsentence = ctx.group_lines[group]
    for number, title, _start, _end in _doc_mentions(gsentence):
        key = _register_doc(ctx, number, title)
        if key in ctx.doc_dates:
            date, line, sentence = ctx.doc_dates[key]
            listed = {m.key for m in c.find_zones(sentence)} | {
                z.key for lst in c.find_zone_lists(sentence) for z in lst
            }
            if members <= listed:
                return date, line, sentence, key
    return None


def _row_documents(c: _Collector, ctx: _Context, measure: NodeRef, row: TableRow, doc_cell: str, quote: str) -> None:
    """Rule: a row's document cell names the documents that promoted the measure (numbered or titled)."""
    if not doc_cell:
        return
    keys = [
        _register_doc(ctx, number, title or clean_title(doc_cell[:start]) or None, row.line)
        for number, title, start, _ in _doc_mentions(doc_cell)
    ]
    if not keys and doc_cell.strip().upper() not in NO_DOCUMENT:
        title = doc_cell
        if cut := TRUNCATED_NUMBER_RE.search(doc_cell):
            message = f"document number cut to {cut.group('prefix')!r}; kept the title"
            c.warn("document-number-truncated", message, row.line)
            title = doc_cell[: cut.start()]
        keys = [_register_doc(ctx, None, clean_title(title), row.line)]
    for key in keys:
        doc = _doc_node(c, ctx, key, row.line, doc_cell)
        c.rel(Rel.PROMOTED_BY, measure, doc, row.line, quote)
        issuers = _title_issuers(c, doc_cell, row.line, doc_cell)
        for body in issuers:
            c.rel(Rel.ISSUED_BY, doc, body, row.line, doc_cell)
        if not issuers:
            _prefix_issuer(c, ctx, doc, row.line, doc_cell)


def _check_national_totals(
    c: _Collector,
    ctx: _Context,
    measures: Sequence[NodeRef],
    found_by_scope: Counter[tuple[str, str]],
    where: str,
) -> None:
    """Rule: the totals the text states ("77 institutional innovations in three batches", "17 measures ...")."""
    stated = stated_patterns(ctx.profile)
    for p, off, s in _sentences(ctx.paras):
        if tm := stated.national.search(s):
            c.check(f"national institutional innovations ({where})", int(tm.group("n")), len(measures), p.line_at(off))
            break
    for p, off, s in _sentences(ctx.paras):
        for m in stated.scope.finditer(s):
            scope = normalize_scope(m.group("scope")) or Scope.NATIONWIDE
            heading = c.outline.path_at(p.line_at(off))
            title = next((x.title for x in c.outline.sections if x.path == heading), "")
            kind = batch_kind(title, c.profile)
            c.check(
                f"{kind.replace('-', ' ')} replicated to {scope}",
                int(m.group("n")),
                found_by_scope[(kind, str(scope))],
                p.line_at(off),
            )


# --------------------------------------------------------------------------- provincial batches
def _extract_provincial(c: _Collector, ctx: _Context) -> None:
    """Provincial batches: a table with a zone column and a batch column (roles of the edition profile), with the
    examples its cells name."""
    for t in ctx.tables:
        cols = c.profile.columns_of(t.columns)
        bcol, qcol, ccol, zcol = cols.get("batch"), cols.get("quantity"), cols.get("content"), cols.get("zone")
        if bcol is None or zcol is None:
            continue
        for row in t.rows:
            v = row.values
            quote = " | ".join(x for x in v.values() if x)
            zones = _zones_in(c, ctx, v[zcol])
            if len(zones) != 1:
                c.warn(
                    "zone-unresolved",
                    f"Table {t.id} row {row.number}: zone {v[zcol]!r} not resolved",
                    row.line,
                )
                continue
            zkey = zones[0]
            zone = c.zone(zkey, row.line, quote)
            ordinals = [_ordinal(x) for x in re.findall(rf"\b{_ORD}\b", v[bcol], re.IGNORECASE)]
            qty = v.get(qcol, "") if qcol else ""
            nums = [int(x) for x in re.findall(r"\d+", qty)]
            counts: dict[int, int | None] = {}
            if len(ordinals) == 1:
                counts[ordinals[0]] = nums[0] if nums else None
            else:
                for n, o in re.findall(rf"(\d+) in the ({_ORD}) batch", qty, re.IGNORECASE):
                    counts[_ordinal(o)] = int(n)
                for o in ordinals:
                    counts.setdefault(o, None)
                if nums and len(counts) > 1 and all(x is not None for x in counts.values()):
                    c.check(
                        f"{t.printed} row {row.number} ({v[zcol]}) batch total",
                        nums[0],
                        sum(x or 0 for x in counts.values()),
                        row.line,
                    )
            if not counts and (year := YEAR_RE.fullmatch(v[bcol].split()[0] if v[bcol].split() else "")):
                # a batch named by its year: "2026 batch"
                counts[int(year.group(0))] = nums[0] if len(nums) == 1 else None
            if not counts:
                c.warn(
                    "batch-unparsed",
                    f"Table {t.id} row {row.number}: batch {v[bcol]!r} not understood",
                    row.line,
                )
                continue
            province = c.zone_refs[zkey.split("/", 1)[0]].province
            batches = []
            for ordinal, count in sorted(counts.items()):
                bkey = _batch_key("provincial", "institutional-innovations", ordinal, zkey)
                b = _batch_node(
                    c,
                    ctx,
                    bkey,
                    _batch_name("institutional-innovations", ordinal, c.zone_name(zkey)),
                    row.line,
                    quote,
                    kind="institutional-innovations",
                    level="provincial",
                    ordinal=ordinal,
                    count=count,
                )
                ctx.batch_tables[bkey] = t.printed
                c.rel(Rel.MEMBER_OF, zone, b, row.line, quote, resolved=f"row of {t.printed}")
                batches.append(b)
            content = v.get(ccol, "") if ccol else ""
            for off, sent in sentences(Paragraph(content, (0,), (row.line,))):
                for ex in cell_examples(sent):
                    if not ex.whole:
                        why = f"Table {t.id} row {row.number}: a quote does not close; read {ex.name!r} as one name"
                        c.warn("quote-unbalanced", why, row.line)
                    target = batches[0]
                    for b in batches:
                        n = int(b.key.rsplit(":", 1)[1])
                        words = "|".join(w for w, i in ORDINAL_WORDS.items() if i == n)
                        if re.search(rf"\b(?:{n}(?:st|nd|rd|th)|{words}) batch\b", content[: off + ex.offset], re.I):
                            target = b
                    scope = {"designated": Scope.DESIGNATED_AREAS, "reference": Scope.FOR_REFERENCE}.get(
                        ex.scope, Scope.PROVINCE_WIDE
                    )
                    m = c.node(
                        Label.MEASURE,
                        f"{target.key}:{slug(ex.name)}",
                        ex.name,
                        row.line,
                        sent,
                        kind=str(MeasureKind.PROVINCIAL),
                        title=ex.name,
                        scope=str(scope),
                    )
                    in_row = f"row of {t.printed}"  # "It includes ... "<name>"": the row's batch and zone
                    c.rel(Rel.IN_BATCH, m, target, row.line, sent, resolved=in_row)
                    c.rel(Rel.ORIGINATED_IN, m, zone, row.line, sent, resolved=in_row)
                    if province in c.gaz.provinces:
                        region = c.region(province, row.line, sent)
                        c.rel(Rel.REPLICATED_TO, m, region, row.line, sent, scope=str(scope), resolved=in_row)
                        # the same event read as an adoption by the province, with its origin
                        c.rel(
                            Rel.ADOPTED,
                            region,
                            m,
                            row.line,
                            sent,
                            scope=str(scope),
                            origin=f"zone:{zkey}",
                            adopter=ex.where or None,
                            resolved=in_row,
                        )


# --------------------------------------------------------------------------- adoption and alliances
ADOPTION_MATCH = 80.0
"""Similarity (ground.names.title_score) above which an adoption story's name is a row of its batch."""
MENTION_MATCH = 90.0
"""Similarity above which a name the narrative quotes is a row of the batch the passage describes."""


_norm_title = lru_cache(maxsize=8192)(normalize_title)
"""normalize_title, memoised: every adoption compares its name with every national title."""


def _best_in_batch(titles: dict[str, str], bkey: str, name: str, threshold: float) -> str | None:
    """The key of the measure of batch ``bkey`` whose title best matches ``name``, if close enough."""
    wanted = _norm_title(name)
    scored = [
        (title_score(_norm_title(title), wanted), key) for key, title in titles.items() if key.startswith(bkey + ":")
    ]
    best = max(scored, default=None)
    return best[1] if best is not None and best[0] >= threshold else None


SCOPE_LIST_MATCH = 55.0
"""Similarity above which an item of a "N measures are replicated ..., including ..." list is an appendix row,
when the runner-up scores at least :data:`SCOPE_LIST_MARGIN` less (the narrative rewords the rows freely)."""
SCOPE_LIST_MARGIN = 8.0


def _clear_best(titles: dict[str, str], name: str) -> str | None:
    """The national measure a reworded name clearly denotes: good enough and well ahead of the runner-up."""
    wanted = _norm_title(name)
    scored = sorted(((title_score(_norm_title(t), wanted), k) for k, t in titles.items()), reverse=True)
    if (
        scored
        and scored[0][0] >= SCOPE_LIST_MATCH
        and (len(scored) < 2 or scored[0][0] - scored[1][0] >= SCOPE_LIST_MARGIN)
    ):
        return scored[0][1]
    return None


MENTION_TAIL_END_RE = re.compile(
    r"[,;.]| and (?:the )?| (?:of|from|in|by) (?:the )?[A-Z]|"
    r" (?:is|are|was|were|has|have|had|applies|apply|will|shall)\b"
)
"""Where the words after a quoted name stop being the name's: its zone ("of Beijing PFTZ"), its verb, a comma."""


def _extract_batch_mentions(c: _Collector, ctx: _Context) -> None:
    """Names the narrative quotes where it describes a national batch, linked to the batch's rows.

    The passage on a batch ("the fifth batch of 23 best practices ... cases include the
    new "smart form" model for business registration") names some of its measures in
    other words than the appendix table. A close match adds the sentence as evidence of
    that row; nothing new is created.
    """
    titles = ctx.titles
    for item in (s for s in c.outline.sections if s.level == 4):
        m = BATCH_PHRASE_RE.search(item.title)
        if not m:
            continue
        bkey = _batch_key("national", batch_kind(item.title, c.profile), _ordinal(m.group("ord")))
        if not m.group("count") and bkey not in ctx.batch_tables:
            continue  # a heading without the batch's size names a batch a table of the text lists
        for p, off, s in _sentences(x for x in ctx.paras if item.start_line <= x.line <= item.end_line):
            for q in QUOTED_RE.finditer(s):
                phrase = q.group(1) + MENTION_TAIL_END_RE.split(s[q.end() :], maxsplit=1)[0]
                key = _best_in_batch(titles, bkey, phrase, MENTION_MATCH)
                if key is not None:
                    c.node(Label.MEASURE, key, titles[key], p.line_at(off), s)


_PLACES = (Label.ZONE, Label.REGION)

HEADING_RESOLVED = "the case's name is the heading of the passage this sentence opens"
"""``resolved`` of the edges of a case read from its bold heading (narrative rule ``heading``)."""


GROUP_ANAPHOR_RE = re.compile(
    r"^\s*(?:\*\*[^*]+\*\*,?\s*)?(?:[A-Z][^,]{0,60},\s*)?(?:they|these (?:PFTZs|zones|regions)|"
    r"the (?:two|three|four|five|six|seven|eight|nine|ten|\d+) (?:PFTZs|zones|regions))\b",
    re.IGNORECASE,
)
"""A subject that stands for several zones without naming them: ``They``, ``These PFTZs``, ``The three PFTZs``."""


def _group_anaphor(how: str | None, quote: str) -> bool | None:
    """Rule: a zone its sentence does not name, reached through a group word (``The three PFTZs``), is derived.

    Returns the ``derived`` mark of the edge (True) or None (stated). ``how`` is what :func:`_how_named` said.
    """
    return True if how and how != HEADING_RESOLVED and GROUP_ANAPHOR_RE.match(quote) else None


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


def _how_named(c: _Collector, kind: str, key: str, quote: str, rule: str) -> str | None:
    """How the narrative rule ``rule`` found a zone or province its sentence does not name; None if it names it.

    A sentence names a zone by a zone mention or a list of zones the
    gazetteer reads ("Shanghai and Anhui PFTZs"); a province by a province
    mention. Otherwise the rule resolved it (a pronoun or "the zone" for the
    zone named before, bare place names after a group word, a case title's
    zone): the edge says so in its ``resolved`` property.
    """
    if kind == "zone":
        found = {m.key for m in c.gaz.find_zones(quote)} | {z.key for lst in c.find_zone_lists(quote) for z in lst}
        found |= {m.key for m in c.find_zones(quote) if "/" in m.key}
    else:
        found = {m.key for m in c.gaz.find_provinces(quote)}
    return None if key in found else f"narrative rule {rule!r}: the {kind} named in the passage around this sentence"


def _innovation_how(a: AdoptionFact, quote: str) -> str | None:
    """How an adoption's innovation was found when its sentence does not print its name ("this model"); else None."""
    if a.name and normalize_name(a.name) in normalize_name(quote):
        return None
    return f"narrative rule {a.rule!r}: the innovation named before this sentence"


CASE_ADOPTIONS = frozenset({"adopted-by", "drew-on", "followed", PAPER_ADOPTION})
"""Narrative rules whose adopted innovation is a zone's case named in the text (one measure node, not two)."""


def _extract_narrative(c: _Collector, ctx: _Context) -> None:
    """Records of the narrative's facts (:mod:`loaders.narrative`): cases, adoptions, efforts.

    A joint innovation is a measure with several ``ORIGINATED_IN`` zones; an effort is a body of several
    members (an Alliance with ``MEMBER_OF`` edges and the batches it released, named after it) or a document
    the members issued together.
    """
    story, titles, part2, field_of = ctx.story, ctx.titles, ctx.part2, ctx.field_of
    released_by: dict[str, str] = {}  # an innovation an alliance's batch names -> the measure in that batch
    for e in story.efforts:
        if e.batch is not None:
            akey = _batch_key("alliance", "institutional-innovations", e.batch[0], slug(e.name))
            released_by.update({name: f"{akey}:{slug(name)}" for name in e.released})
    for f in story.cases:
        c.rule = f.rule
        kind = (
            MeasureKind.ZONE_CASE if part2 and part2.start_line <= f.line <= part2.end_line else MeasureKind.INNOVATION
        )
        owner = f.zones[0].split("/", 1)[0] if f.zones else "group"  # a group's joint work names no zone: no origin
        m = c.node(
            Label.MEASURE,
            (f.rule == "alliance-batch" and released_by.get(f.name)) or f"case:{owner}:{slug(f.name)}",
            f.name,
            f.line,
            f.quote,
            kind=str(kind),
            title=f.name,
            field=field_of.get(f.line),
            # the first part's item numbers move in re-wrapped copies; the provenance keeps the path anyway
            section=c.outline.path_at(f.line) if kind is MeasureKind.ZONE_CASE else None,
            before=f.before or None,
            after=f.after or None,
            joint=True if f.joint else None,
            cross_regional=True if f.cross_regional or f.joint else None,
            members=f.members_text or None,
            aliases=f.fuller if f.fuller and f.fuller != f.name else None,
        )
        for z in f.zones:
            how = HEADING_RESOLVED if f.rule == "heading" else _how_named(c, "zone", z, f.quote, f.rule)
            zone = c.zone(z, f.line, f.quote)
            derived = _group_anaphor(how, f.quote)
            c.rel(Rel.ORIGINATED_IN, m, zone, f.line, f.quote, resolved=how, **{DERIVED: derived})
    cases_by_name = {
        (f.zones[:1], slug(f.name)): f"case:{f.zones[0].split('/', 1)[0]}:{slug(f.name)}"
        for f in story.cases
        if f.zones
    }
    case_quotes: dict[str, set[str]] = {}
    for f in story.cases:
        if f.zones:
            case_quotes.setdefault(f"case:{f.zones[0].split('/', 1)[0]}:{slug(f.name)}", set()).add(f.quote)
    provincial = {
        (e.key.split(":")[1], slug(e.name)): e.key
        for e in c.entities
        if e.label is Label.MEASURE and e.properties.get("kind") == str(MeasureKind.PROVINCIAL)
    }
    for a in story.adoptions:
        c.rule = a.rule
        line, s = a.line, a.quote
        adopter: NodeRef | None
        if a.adopter_kind == "scope":
            scope = Scope.ALL_PFTZS if "pftz" in a.adopter_key.lower() else Scope.NATIONWIDE
            region = c.region(SCOPE_REGION_KEYS[scope], line, s)
            named = _batch_named_before(c, ctx, line, s) if a.rule == COUNTED_SCOPE_RULE else None
            if named is not None and not any(k.startswith(named.key + ":") for k in titles):
                best = None  # a list of a batch no table lists: no row of another batch is its item
            else:
                best = _best_in_batch(titles, "national", a.name, ADOPTION_MATCH) or _clear_best(titles, a.name)
            case_key = cases_by_name.get((a.origins[:1], slug(a.name))) if a.rule in CASE_ADOPTIONS else None
            if case_key is not None:
                best = None
                measure = NodeRef(Label.MEASURE, case_key)  # a zone's case the text says is replicated nationwide
            elif best is not None:
                measure = c.node(Label.MEASURE, best, titles[best], line, s)
            else:
                # the narrative words a national measure differently from its table; the resolver's
                # SAME_AS review pairs the two
                measure = c.node(
                    Label.MEASURE,
                    f"national:narrative:{slug(a.name)}",
                    a.name,
                    line,
                    s,
                    kind=str(MeasureKind.PILOT_MEASURE),
                    title=a.name,
                )
                if bref := _batch_named_before(c, ctx, line, s):
                    how = "the national batch named last before the list, in its sentence or the one before"
                    c.rel(Rel.IN_BATCH, measure, bref, line, s, resolved=how, **{DERIVED: True})
                for z in a.origins:  # "the "..." model from Guangdong PFTZ": where the sentence says it began
                    if (zref := c.zone(z, line, s)) is not None:
                        c.rel(Rel.ORIGINATED_IN, measure, zref, line, s)
            table = ctx.batch_tables.get(best.rsplit(":", 1)[0], "its table") if best else ""
            how = None if best is None else f"the narrative's wording matched to its row of {table} (title score)"
            c.rel(Rel.ADOPTED, region, measure, line, s, scope=str(scope), as_printed=a.name, resolved=how)
            continue
        if a.adopter_kind == "coordinated":
            adopter = c.sub_zone(c.zone_refs[a.adopter_zone].name, a.adopter_name, ZoneKind.COORDINATED, line, s)
        elif a.adopter_kind == "zone":
            adopter = c.zone(a.adopter_key, line, s)
        else:
            adopter = c.region(a.adopter_key, line, s)
        if adopter is None:
            c.warn("adopter-unresolved", f"no adopter found for {a.name!r}", line)
            continue
        bkey = None
        if a.batch is not None:
            ordinal, what = a.batch
            bkind = batch_kind(what, c.profile)
            bkey = _batch_key("national", bkind, ordinal)
            batch = _batch_node(
                c, ctx, bkey, _batch_name(bkind, ordinal), line, s, kind=bkind, level="national", ordinal=ordinal
            )
            best = _best_in_batch(titles, bkey, a.name, ADOPTION_MATCH)
            mkind = str(KIND_OF_BATCH.get(bkind, MeasureKind.INNOVATION))
            if best is not None:
                measure = c.node(Label.MEASURE, best, titles[best], line, s, kind=mkind)
            else:
                measure = c.node(
                    Label.MEASURE,
                    f"{bkey}:{slug(a.name)}",
                    a.name,
                    line,
                    s,
                    kind=mkind,
                    title=a.name,
                )
                c.rel(Rel.IN_BATCH, measure, batch, line, s)
        elif a.rule == "adopts-case":
            measure = NodeRef(Label.MEASURE, f"case:{a.adopter_zone.split('/', 1)[0]}:{slug(a.name)}")
        elif not a.name:
            # "a new batch" of a zone whose provincial batches a table lists is those batches;
            # otherwise a batch node of its own (mentioned nowhere else)
            origin = a.origins[0] if a.origins else a.adopter_key
            listed = sorted(
                {
                    e.key
                    for e in c.entities
                    if e.label is Label.BATCH
                    and e.key.startswith(f"provincial:{origin}:")
                    and not e.key.endswith(":new")
                }
            )
            refs = [NodeRef(Label.BATCH, k) for k in listed]
            if not refs:
                zname = c.zone_name(origin) if origin.split("/", 1)[0] in c.zone_refs else origin
                refs = [
                    _batch_node(
                        c,
                        ctx,
                        f"provincial:{origin}:institutional-innovations:new",
                        f"{zname}: a new batch of provincial institutional innovations",
                        line,
                        s,
                        kind="institutional-innovations",
                        level="provincial",
                    )
                ]
            shown = sorted({ctx.batch_tables.get(k, "") for k in listed} - {""})
            how = f"a new batch: the zone's provincial batches of {', '.join(shown) or 'a table'}" if listed else None
            stated = ";".join(f"zone:{z}" for z in a.origins) or None
            for b in refs:
                c.rel(
                    Rel.REPLICATED_TO, b, adopter, line, s, scope=str(Scope.PROVINCE_WIDE), resolved=how, origin=stated
                )
            continue
        elif a.rule in CASE_ADOPTIONS and (
            case_key := cases_by_name.get((a.origins[:1], slug(a.name)))
            or cases_by_name.get(((a.adopter_key,), slug(a.name)))  # "The model drew on the experience of X"
        ):
            measure = NodeRef(Label.MEASURE, case_key)  # the case the text credited, adopted by another
            own = case_key == cases_by_name.get((a.origins[:1], slug(a.name)))  # not the adopter's own case
            for z in a.origins if own and s not in case_quotes.get(case_key, ()) else ():
                # the adoption's sentence names the origin again ("borrowed ... from Tianjin PFTZ"): evidence too
                if _how_named(c, "zone", z, s, a.rule) is None:
                    c.rel(Rel.ORIGINATED_IN, measure, c.zone(z, line, s), line, s)
        else:
            origin = a.origins[0] if a.origins else a.adopter_key
            key = provincial.get((origin, slug(a.name))) or f"provincial:{origin}:{slug(a.name)}"
            measure = c.node(Label.MEASURE, key, a.name, line, s, kind=str(MeasureKind.PROVINCIAL), title=a.name)
            for z in a.origins:
                how = _how_named(c, "zone", z, s, a.rule) or _innovation_how(a, s)
                c.rel(Rel.ORIGINATED_IN, measure, c.zone(z, line, s), line, s, resolved=how)
        place = "zone" if adopter.label is Label.ZONE else "province"
        c.rel(
            Rel.ADOPTED,
            adopter,
            measure,
            line,
            s,
            outcome=a.outcome or None,
            batch=bkey,
            scope=a.scope or None,
            origin=";".join(f"zone:{z}" for z in a.origins) or None,
            resolved=(_how_named(c, place, adopter.key, s, a.rule) if adopter.label in _PLACES else None)
            or _innovation_how(a, s),
            # an adoption is dated only by a date its own sentence prints; the batch's date is not its date
            date=a.date or _adoption_date(s),
        )
    for e in story.efforts:
        c.rule = e.rule
        if e.kind == JOINT_DOCUMENT:
            doc = _doc_node(c, ctx, _register_doc(ctx, None, e.name, e.line), e.line, e.quote)
            for z in e.members:
                how = _how_named(c, "zone", z, e.quote, e.rule)
                c.rel(Rel.NAMES_ZONE, doc, c.zone(z, e.line, e.quote), e.line, e.quote, role="issuer", resolved=how)
            if e.by:
                c.rel(Rel.ISSUED_BY, doc, NodeRef(Label.ALLIANCE, slug(e.by)), e.line, e.quote)
            continue
        key = slug(e.name)
        node = c.node(Label.ALLIANCE, key, e.name, e.line, e.quote, kind=e.kind, members=e.members_text or None)
        unnamed = normalize_name(e.name) not in normalize_name(e.quote)
        for z in e.members:
            how = HEADING_RESOLVED if unnamed else _how_named(c, "zone", z, e.quote, e.rule)
            derived = _group_anaphor(how, e.quote)
            c.rel(Rel.MEMBER_OF, c.zone(z, e.line, e.quote), node, e.line, e.quote, resolved=how, **{DERIVED: derived})
        for p in e.provinces:
            c.rel(Rel.MEMBER_OF, c.region(p, e.line, e.quote), node, e.line, e.quote)
        if e.batch is not None:
            ordinal, count = e.batch
            b = _batch_node(
                c,
                ctx,
                _batch_key("alliance", "institutional-innovations", ordinal, key),
                _batch_name("institutional-innovations", ordinal, e.name),
                e.line,
                e.quote,
                kind="institutional-innovations",
                level="alliance",
                ordinal=ordinal,
                count=count,
            )
            c.rel(Rel.RELEASED_BY, b, node, e.line, e.quote)
            for name in e.released:
                m = c.node(
                    Label.MEASURE,
                    f"{b.key}:{slug(name)}",
                    name,
                    e.line,
                    e.quote,
                    kind=str(MeasureKind.INNOVATION),
                    title=name,
                )
                c.rel(Rel.IN_BATCH, m, b, e.line, e.quote)

    c.rule = ""


BATCH_TITLE_RE = re.compile(rf"\b{alternation(BATCH_TITLE_VERBS)}\b", re.IGNORECASE)
"""A document's title that releases a batch: "... on Replicating and Promoting the Eighth Batch of ..."."""
NUMBER_AFTER_RE = re.compile(r"\s*\(")
"""A number printed in brackets right after a batch's name: "the seventh batch of ... (G.H. [2021] No. 101)"."""


def _batches_of_documents(c: _Collector, ctx: _Context) -> None:
    """National batches released by a document.

    * A document whose title releases a batch ("Notice of the State Council on Replicating and Promoting the
      Eighth Batch of Reform Pilot Experience ...") released that batch; the bodies its title names (or the
      certain issuer of its number's prefix) are responsible for it.
    * A batch whose name is followed by a number in brackets ("since the release of the seventh batch of
      reform pilot experience (G.H. [2021] No. 101)") was released by that document.

    Only a document of a national body releases a national batch (a province's document releases its own).
    """
    for key, d in list(ctx.docs.items()):
        if key not in ctx.doc_seen:
            continue
        line, quote = ctx.doc_seen[key]
        for title in d.titles[:1]:
            m = BATCH_PHRASE_RE.search(title)
            if m is None or not BATCH_TITLE_RE.search(title[: m.start()]) or not _names_innovations(m.group("what")):
                continue
            bodies = [x.key for x in _issuers(c, title_issuer(title) or "")]
            _document_batch(c, ctx, key, m, line, quote, bodies)
    for _kind, _ordinal, _count, s, line, phrase in ctx.batch_phrases:
        at = s.find(phrase)
        if at < 0 or not NUMBER_AFTER_RE.match(s, at + len(phrase)):
            continue
        end = at + len(phrase)
        after = [n for n, _t, a, _b in _doc_mentions(s) if n is not None and n.complete and 0 <= a - end <= 3]
        if after:
            key = _register_doc(ctx, after[0], None, line)
            m = BATCH_PHRASE_RE.search(phrase)
            if m is not None:
                _document_batch(c, ctx, key, m, line, s, [])


SERIES_LEVEL = "series"
"""``level_from`` of a batch read as national because a national batch of its series is known (not stated)."""


def _series_batches(c: _Collector, ctx: _Context) -> None:
    """Rule: a batch named without its body or zone ("following the replication of the first batch of 30 pilot
    measures") of a series a national batch of the text belongs to (the same kind: pilot measures, best
    practices, reform experience) is an earlier or later batch of that national series.

    Its level is read from the series, not stated (``level_from: series``); the series of the default kind
    (institutional innovations, which zones number too) is never used, nor a batch its sentence gives a zone.
    """
    national = {
        e.key: str(e.properties.get("kind"))
        for e in c.entities
        if e.label is Label.BATCH and e.properties.get("level") == "national"
    }
    series = set(national.values()) - {ctx.profile.default_batch_kind}
    for kind, ordinal, count, s, line, phrase in ctx.batch_phrases:
        bkey = _batch_key("national", kind, ordinal)
        if kind not in series or bkey in national:
            continue
        at = s.find(phrase)
        head = s[max(0, at - PROVINCIAL_BATCH_REACH) : max(at, 0)]
        if OF_ZONE_RE.search(phrase) or ITS_RE.search(head) or c.find_zones(phrase):
            continue
        props: dict[str, PropValue] = {"kind": kind, "level": "national", "ordinal": ordinal, "count": count}
        _batch_node(c, ctx, bkey, _batch_name(kind, ordinal), line, s, level_from=SERIES_LEVEL, **props)
        national[bkey] = kind


def _names_innovations(what: str) -> bool:
    """Whether a batch's name says what it holds is innovations (of a kind the profile names, or a generic noun
    of the lexicon): reform pilot experience, pilot measures; not authorized items."""
    w = what.casefold()
    return any(n.rstrip("s") in w for n in GENERIC_PLURALS) or batch_kind(what) != default_profile().default_batch_kind


def _document_batch(
    c: _Collector, ctx: _Context, dkey: str, m: re.Match[str], line: int, quote: str, bodies: Sequence[str]
) -> None:
    """The national batch ``m`` names, released by document ``dkey``; its bodies (or its number's issuer) are
    responsible for it."""
    number = ctx.docs[dkey].number
    pref = c.prefixes.get(number.prefix) if number is not None else None
    if not bodies and pref is not None and pref.certain and pref.issuer:
        bodies = [pref.issuer]
    refs = [r for b in bodies if (r := c.gaz.body_ref(b)) is not None]
    if not refs or any(r.level == "local" for r in refs):
        return
    kind = batch_kind(m.group("what"), ctx.profile)
    ordinal = _ordinal(m.group("ord"))
    bkey = _batch_key("national", kind, ordinal)
    if bkey in ctx.batch_tables:
        return  # a batch a table lists: the table and its preamble tell its document
    name = _batch_name(kind, ordinal)
    batch = _batch_node(c, ctx, bkey, name, line, quote, kind=kind, level="national", ordinal=ordinal)
    doc = _doc_node(c, ctx, dkey, line, quote)
    known = {(r.type, r.start, r.end) for r in c.relations if r.type in (Rel.RELEASED_BY, Rel.RESPONSIBLE_FOR)}
    if (Rel.RELEASED_BY, batch, doc) not in known:  # a batch table's preamble may have named it already
        c.rel(Rel.RELEASED_BY, batch, doc, line, quote, resolved="the batch the document's title or number names")
    for b in bodies:
        if (body := c.body(b, line, quote)) and (Rel.RESPONSIBLE_FOR, body, batch) not in known:
            c.rel(Rel.RESPONSIBLE_FOR, body, batch, line, quote)
    if not any(pb.ref == batch for pb in ctx.prose_batches):
        ctx.prose_batches.append(_ProseBatch(batch, kind, line, quote, m.group(0), True))


LIST_LEAD_RE = re.compile(rf"\b{alternation(BATCH_LIST_LEADS)}\b\s*", re.IGNORECASE)
ITEM_SPLIT_RE = re.compile(r",\s*(?:and\s+)?(?=(?:the|a|an)\s)|\s+and\s+(?=(?:the|a|an)\s)")
"""Where a list of cases splits: before an article, after a comma or "and" (a list of zones is not split)."""
ITEM_ORIGIN_AFTER_RE = re.compile(rf"\s+(?:jointly\s+)?{alternation(ITEM_ORIGIN_VERBS)}\s+(?:by|in)\s+.*$")
ITEM_PLACE_AFTER_RE = re.compile(r"\s+(?:of|from|in|at|by)\s+(?:the\s+)?(?:[A-Z][\w'’()-]*\s*)+$")
ITEM_OWNER_BEFORE_RE = re.compile(r"^(?:(?:[A-Z][\w()-]*\s+)+(?:PFTZ|FTZ|FTP)(?:'s|’s)\s+)")
LISTED_RESOLVED = "a case the paragraph that releases the batch lists"
"""``resolved`` of the derived ``IN_BATCH`` edge of a case a batch's paragraph lists ("cases include ...")."""


def _item_name(item: str) -> str:
    """A listed case's name: without its article, its zone before it ("Jiangsu PFTZ's") or after it ("of Tianjin
    PFTZ", "jointly proposed by ..."), and its quotation marks."""
    name = re.sub(r"^(?:the|a|an)\s+", "", item.strip(" .;,"))
    name = ITEM_OWNER_BEFORE_RE.sub("", name)
    name = ITEM_ORIGIN_AFTER_RE.sub("", name)
    name = ITEM_PLACE_AFTER_RE.sub("", name)
    return " ".join(name.replace('"', " ").replace("“", " ").replace("”", " ").split())


def _listed_batch_cases(c: _Collector, ctx: _Context) -> None:
    """Rule: an edition's paragraph that releases a national batch no table lists, and then lists its cases
    ("In January 2026, MOFCOM published the sixth batch of "best practice cases" ... In trade facilitation,
    cases include Jiangsu PFTZ's "<A>" and the <B> of Tianjin PFTZ."): each case listed after the words of
    ``BATCH_LIST_LEADS``, quoted or not, is an innovation of the batch, piloted by the zones printed with it.

    The paragraph does not say of each case that it is in the batch: the ``IN_BATCH`` edge is derived. A
    batch a table lists is read from its table; a text that is not an edition is read by the cases it names
    after the release (pass ``prose-batch-items``).
    """
    if not ctx.edition:
        return
    for b in ctx.prose_batches:
        if not b.released or b.ref.key in ctx.batch_tables:
            continue
        para = next((p for p in ctx.paras if b.sentence in p.text and p.line <= b.line <= p.end_line), None)
        if para is None:
            continue
        kind = str(KIND_OF_BATCH.get(b.kind, MeasureKind.INNOVATION))
        after = False
        for off, sent in _para_sentences(para):
            if sent == b.sentence:
                after = True
                continue
            lead = LIST_LEAD_RE.search(sent) if after else None
            if lead is None:
                continue
            line = para.line_at(off)
            for item in ITEM_SPLIT_RE.split(sent[lead.end() :].rstrip(" .")):
                name = _item_name(item)
                if len(name.split()) < 2:
                    continue
                zones = {m.key for m in c.find_zones(item)} | {z.key for lst in c.find_zone_lists(item) for z in lst}
                m = c.node(Label.MEASURE, f"{b.ref.key}:{slug(name)}", name, line, sent, kind=kind, title=name)
                c.rel(Rel.IN_BATCH, m, b.ref, line, sent, resolved=LISTED_RESOLVED, **{DERIVED: True})
                for z in sorted(zones):
                    c.rel(Rel.ORIGINATED_IN, m, c.zone(z, line, sent), line, sent)


def _read_story(c: _Collector, ctx: _Context) -> None:
    """The narrative (:func:`loaders.narrative.read_narrative`) over the body but the milestones, the field of each
    line of the part of zone cases, and the titles of the national measures its names are matched against."""
    if ctx.part2 is not None:
        for ch in c.outline.within(ctx.part2, 2):
            field_name = ctx.profile.field_of(ch.title)
            for n in range(ch.start_line, ch.end_line + 1):
                ctx.field_of[n] = field_name
    skip = {p.line for p in ctx.milestones}
    story = read_narrative(ctx.paras, c.outline, c.gaz, find_zones=c.find_zones, skip_lines=skip)
    if not ctx.edition:  # a paper's prose: innovations as subjects of origin and adoption
        story = with_paper_facts(story, ctx.paras, _para_sentences, c.find_zones, c.gaz.find_provinces)
    ctx.story = with_followers(story, c.find_zone_lists, c.gaz.find_provinces)
    part2 = ctx.part2
    if part2 is not None and not any(part2.start_line <= f.line <= part2.end_line for f in ctx.story.cases):
        c.warn("no-zone-cases", "no zone cases found in the institutional innovation part", part2.start_line)
    national = set(ctx.national)
    ctx.titles = {e.key: e.name for e in c.entities if e.label is Label.MEASURE and e.ref in national}


# --------------------------------------------------------------------------- batches and notices in prose
NATIONAL_SERIES_ONLY = "institutional-innovations"
"""The batch kind a zone's own batches share: a batch of this kind named without issuer or owner is not national."""
NOTICE_SHALL_RE = re.compile(r"^\s*(?:shall|is to|will)\b")
"""After a body a notice orders to act: "The Ministry of Commerce shall, together with ..."."""
NOTICE_ITEM_RESOLVED = "an item the notice lists after naming the batch it replicates (the newest named before)"


def _read_prose_batches(c: _Collector, ctx: _Context) -> None:
    """Batches a text that is not an edition names in prose, and the items a notice lists under scopes
    (:mod:`loaders.prose_batches`): nodes and edges, each with the rule in its provenance.

    A batch with a national body acting on it, or of a national series (best practices, reform experience),
    is national, with the body ``RESPONSIBLE_FOR`` it; one a zone or province releases is the zone's own. A
    notice's item is a measure of the newest national batch named before the list, adopted in its scope
    (the scope as printed in ``adopter`` when narrower), with its bodies and origin zones.
    """
    if ctx.edition:
        return  # an edition's batches are read from its tables and their passages
    c.rule = "prose-batch"
    national: list[tuple[ProseBatch, NodeRef, str]] = []
    found = prose_batches(
        ctx.paras,
        _para_sentences,
        c.find_zones,
        c.gaz.find_bodies,
        c.gaz.find_provinces,
        lambda k: k if k in c.zone_refs else None,
    )
    for b in found:
        at = b.sentence.find(b.phrase)
        kind = batch_kind(b.what + " " + b.sentence[at + len(b.phrase) : at + len(b.phrase) + 40], ctx.profile)
        if b.owner:
            bkey = _batch_key("provincial", "institutional-innovations", b.ordinal, b.owner)
            props: dict[str, PropValue] = {"kind": "institutional-innovations", "level": "provincial"}
            ref = _batch_node(
                c, ctx, bkey, _batch_name("institutional-innovations", b.ordinal, c.zone_name(b.owner)), b.line,
                b.sentence, **props, ordinal=b.ordinal, count=b.count,
            )  # fmt: skip
            c.rel(Rel.MEMBER_OF, c.zone(b.owner, b.line, b.sentence), ref, b.line, b.sentence)
            continue
        body = c.gaz.body_ref(b.body.key) if b.body else None
        if (body is None or body.level == "local") and kind == NATIONAL_SERIES_ONLY:
            continue
        bkey = _batch_key("national", kind, b.ordinal)
        ref = _batch_node(
            c, ctx, bkey, _batch_name(kind, b.ordinal), b.line, b.sentence,
            kind=kind, level="national", ordinal=b.ordinal, count=b.count,
        )  # fmt: skip
        local = body is None or body.level == "local"
        if b.body is not None and not local and (node := c.body(b.body.key, b.line, b.sentence, b.body.text)):
            c.rel(Rel.RESPONSIBLE_FOR, node, ref, b.line, b.sentence)
        national.append((b, ref, kind))
    _prose_batch_examples(c, ctx, national, ctx.story.cases)
    _scoped_examples(c, ctx, [b for b in found if b.owner], ctx.story.cases)
    items = notice_items(ctx.paras, c.find_zones, c.gaz.find_bodies)
    c.rule = "notice-item"
    if items:  # a notice: a body it orders to carry the replication out ("The Ministry of Commerce shall ...")
        for p, off, s in _sentences(ctx.paras):
            for bm in c.gaz.find_bodies(s):
                if NOTICE_SHALL_RE.match(s[bm.end :]) and (known := c.gaz.body_ref(bm.key)) and known.level != "local":
                    c.body(bm.key, p.line_at(off), s, bm.text)
    for it in items:
        before = [(b.ordinal, ref, kind) for b, ref, kind in national if b.line <= it.line]
        batch = max(before, key=lambda x: x[0], default=None)
        key = f"{batch[1].key if batch else 'notice'}:{slug(it.name)}"
        mkind = KIND_OF_BATCH.get(batch[2], MeasureKind.INNOVATION) if batch else MeasureKind.INNOVATION
        scope = str(it.scope) if it.scope else None
        m = c.node(Label.MEASURE, key, it.name, it.line, it.quote, kind=str(mkind), title=it.name, scope=scope)
        if batch is not None:
            # the list's place under the notice puts the item in the batch; no sentence says so of it
            c.rel(Rel.IN_BATCH, m, batch[1], it.line, it.quote, resolved=NOTICE_ITEM_RESOLVED, **{DERIVED: True})
        for z in it.zones:
            c.rel(Rel.ORIGINATED_IN, m, c.zone(z.key, it.line, it.quote), it.line, it.quote)
        for bm in it.bodies:
            if node := c.body(bm.key, it.line, it.quote, bm.text):
                c.rel(Rel.RESPONSIBLE_FOR, node, m, it.line, it.quote)
        target = SCOPE_REGION_KEYS.get(it.scope) if it.scope else None
        region = c.region(target or SCOPE_REGION_KEYS[Scope.NATIONWIDE], it.line, it.quote)
        # the whole scope ("nationwide", "across the country"), or a narrower one as printed ("the pilot free trade
        # zones", "special customs supervision areas")
        whole = it.scope is Scope.NATIONWIDE or (target is not None and it.where.lower() == str(it.scope).lower())
        if whole:
            c.rel(Rel.REPLICATED_TO, m, region, it.line, it.quote, scope=scope)
        c.rel(Rel.ADOPTED, region, m, it.line, it.quote, scope=scope, adopter=it.where)
    c.rule = ""


BATCH_EXAMPLE_RESOLVED = "an example in the sentence after the one on the batch"
ANAPHOR_RESOLVED = "the zone case named last before the anaphor in its paragraph"
"""``resolved`` of the derived ``IN_BATCH`` edge of an innovation a text gives as an example of a batch."""


def _prose_batch_examples(
    c: _Collector, ctx: _Context, national: Sequence[tuple[ProseBatch, NodeRef, str]], cases: Sequence[CaseFact]
) -> None:
    """The innovations a sentence on a national batch names (:func:`loaders.prose_batches.batch_items`): measures of
    the batch, with their origin zones and the national scope the sentence states. An item printed as an anaphor
    ("include the practice in the sixth batch") is the zone case named last before it in its paragraph (derived)."""
    refs = {id(b): (ref, kind) for b, ref, kind in national}
    c.rule = "prose-batch-item"

    def quoted(s: str) -> list[tuple[int, int, str]]:
        return [(q.start, q.end, q.name) for q in quoted_spans(s)]

    listed = [b for b, _r, _k in national]
    for it in batch_items(ctx.paras, _para_sentences, listed, quoted, c.find_zones, c.gaz.find_provinces):
        ref, kind = refs[id(it.batch)]
        if not it.name:
            before = sorted(
                (f for f in cases if it.since <= f.line <= it.line and f.zones and f.quote != it.quote),
                key=lambda f: f.line,
            )
            if before:
                f = before[-1]
                m = NodeRef(Label.MEASURE, f"case:{f.zones[0].split('/', 1)[0]}:{slug(f.name)}")
                c.rel(Rel.IN_BATCH, m, ref, it.line, it.quote, resolved=ANAPHOR_RESOLVED, **{DERIVED: True})
                if it.scope in SCOPE_REGION_KEYS:
                    region = c.region(SCOPE_REGION_KEYS[it.scope], it.line, it.quote)
                    c.rel(Rel.ADOPTED, region, m, it.line, it.quote, scope=str(it.scope), resolved=ANAPHOR_RESOLVED)
            continue
        mkind = str(KIND_OF_BATCH.get(kind, MeasureKind.INNOVATION))
        # the batch's passage may have been read already (:func:`_prose_batch_items`): the same item, one node
        said = c.prov(it.line, it.quote).quote
        read = [r.start for r in c.relations if r.type is Rel.IN_BATCH and r.end == ref and r.provenance.quote == said]
        same = [m for m in read if m.key.startswith(f"{ref.key}:") and m.key[len(ref.key) + 1 :] in slug(it.name)]
        key = f"{ref.key}:{slug(it.name)}"
        m = same[0] if same else c.node(Label.MEASURE, key, it.name, it.line, it.quote, kind=mkind, title=it.name)
        if same:
            pass  # its batch edge is there
        elif it.stated:
            c.rel(Rel.IN_BATCH, m, ref, it.line, it.quote, resolved="named in the sentence on the batch")
        else:
            c.rel(Rel.IN_BATCH, m, ref, it.line, it.quote, resolved=BATCH_EXAMPLE_RESOLVED, **{DERIVED: True})
        for z in it.zones:
            c.rel(Rel.ORIGINATED_IN, m, c.zone(z.key, it.line, it.quote), it.line, it.quote)
        if it.scope in SCOPE_REGION_KEYS:
            region = c.region(SCOPE_REGION_KEYS[it.scope], it.line, it.quote)
            c.rel(Rel.ADOPTED, region, m, it.line, it.quote, scope=str(it.scope))
        if it.adopter is not None:  # "Shanxi Province has applied the "..." model": the clause's place adopted it
            place = c.zone(it.adopter.key, it.line, it.quote) if it.adopter_kind == "zone" else None
            if place is None and it.adopter.key in c.gaz.provinces:
                place = c.region(it.adopter.key, it.line, it.quote)
            if place is not None:
                c.rel(Rel.ADOPTED, place, m, it.line, it.quote, date=_adoption_date(it.quote))


SCOPED_BATCH_RESOLVED = "the zone's own batch the text names last before the example"
COORDINATED_RESOLVED = "a coordinated innovation zone's example, of the PFTZ whose own batch the text names before it"


def _scoped_examples(c: _Collector, ctx: _Context, owned: Sequence[ProseBatch], cases: Sequence[CaseFact]) -> None:
    """The examples a text names after a lead of scope (:func:`loaders.prose_batches.scoped_examples`): the zone's
    cases (the narrative's node when it read the same one), replicated over its province when the lead says so,
    items of the zone's own batch named last before them (derived)."""
    c.rule = "scoped-example"
    for ex in scoped_examples(ctx.paras, _para_sentences, c.find_zones):
        owners = [b.owner for b in owned if b.owner and b.line <= ex.line]
        if ex.zone is None and not owners:
            continue  # a coordinated innovation zone of no PFTZ the text names
        top = ex.zone.key.split("/", 1)[0] if ex.zone else owners[-1]
        same = [
            f
            for f in cases
            if f.quote == ex.quote and f.zones and f.zones[0].split("/", 1)[0] == top and slug(f.name) in slug(ex.name)
        ]
        if same:
            m = NodeRef(Label.MEASURE, f"case:{top}:{slug(same[0].name)}")
        else:
            key = f"case:{top}:{slug(ex.name)}"
            m = c.node(Label.MEASURE, key, ex.name, ex.line, ex.quote, kind=str(MeasureKind.PROVINCIAL), title=ex.name)
            if ex.zone is not None:
                c.rel(Rel.ORIGINATED_IN, m, c.zone(ex.zone.key, ex.line, ex.quote), ex.line, ex.quote)
            else:  # "the Ezhou coordinated innovation zone's ...": of the PFTZ whose batch the text tells
                c.rel(Rel.ORIGINATED_IN, m, c.zone(top, ex.line, ex.quote), ex.line, ex.quote,
                      resolved=COORDINATED_RESOLVED, **{DERIVED: True})  # fmt: skip
        batch = [b for b in owned if b.owner == top and b.line <= ex.line]
        if batch:
            bkey = _batch_key("provincial", "institutional-innovations", batch[-1].ordinal, top)
            c.rel(Rel.IN_BATCH, m, NodeRef(Label.BATCH, bkey), ex.line, ex.quote, resolved=SCOPED_BATCH_RESOLVED,
                  **{DERIVED: True})  # fmt: skip
        province = c.zone_refs[top].province if top in c.zone_refs else None
        if ex.scope is Scope.PROVINCE_WIDE and province in c.gaz.provinces:
            region = c.region(province, ex.line, ex.quote)
            c.rel(Rel.REPLICATED_TO, m, region, ex.line, ex.quote, scope=str(ex.scope))
            c.rel(Rel.ADOPTED, region, m, ex.line, ex.quote, scope=str(ex.scope), origin=f"zone:{top}")
    c.rule = ""


NAMED_RESOLVED = "the one case of that zone the text names before: the innovation named by the zone's place"


def _named_adoptions(c: _Collector, ctx: _Context) -> None:
    """Adoptions of an innovation named by its zone's place (:func:`loaders.paper_prose.named_adoptions`): of the one
    case of that zone the text names before, kept as printed (``as_printed``); none when the zone has several."""
    if ctx.edition:
        return  # a paper's or a release's phrasing; an edition's adoptions are the narrative's
    c.rule = "named-adoption"
    for na in named_adoptions(ctx.paras, _para_sentences, c.find_zones, c.gaz.find_provinces):
        known = {
            f.name for f in ctx.story.cases if f.zones and f.zones[0].split("/", 1)[0] == na.zone and f.line <= na.line
        }
        if len({slug(n) for n in known}) != 1:
            continue
        name = next(iter(known))
        m = NodeRef(Label.MEASURE, f"case:{na.zone}:{slug(name)}")
        for kind, place in na.adopters:
            top = place.key.split("/", 1)[0]
            if top == na.zone:
                continue
            if kind == "zone":
                node = c.zone(place.key, na.line, na.quote)
            elif place.key in c.gaz.provinces:
                node = c.region(place.key, na.line, na.quote)
            else:
                continue
            c.rel(
                Rel.ADOPTED, node, m, na.line, na.quote, as_printed=na.printed, origin=f"zone:{na.zone}",
                resolved=NAMED_RESOLVED, date=_adoption_date(na.quote),
            )  # fmt: skip
    c.rule = ""


@dataclass(frozen=True, slots=True)
class Pass:
    """One pass over the whole text: a name a person can read and the function that runs it.

    Every pass takes the collector (the records read so far, with their provenance) and the
    context (the text's paragraphs, tables and what earlier passes left for later ones), and
    returns nothing. The passes run in the order of :data:`PASSES`; adding a reading of the
    whole text is adding a pass, never editing the driver. (The narrative's facts carry the
    name of their rule in their provenance; the passes' facts carry none, as the records
    format documents.)
    """

    name: str
    run: Callable[[_Collector, _Context], None]

    @property
    def doc(self) -> str:
        """What the pass reads: its function's docstring."""
        return (self.run.__doc__ or "").strip()


COUNTED_SCOPE_LIST_RE = re.compile(
    r"^(?:(?:Of|Among) the [^,]{1,60},\s+|The (?:other|remaining) )?"
    rf"(?P<n>\d+|{alternation((*CARDINALS, *NUMBER_WORDS_MORE))})\s+"
    rf"(?:(?:[\w-]+\s+){{0,2}}?{alternation(BATCH_COUNT_NOUNS)}\s+)?(?:are|were|will be|shall be)\s+(?:to be\s+)?"
    rf"{alternation(LIST_SCOPE_VERBS)}(?:\s+and\s+{alternation(LIST_SCOPE_VERBS)})?(?:\s+(?:across|to|throughout|in))?\s+"
    rf"(?P<scope>{alternation(NATIONAL_SCOPES)}),?\s+including\s+(?P<list>.+?)(?:,\s+among others)?\.?$",
    re.IGNORECASE,
)
"""A count of a batch's measures, their national scope and some of them: "Fifteen measures are to be replicated
in all PFTZs, including A, B, and C", the count printed in digits or words."""
COUNTED_ITEM_SPLIT_RE = re.compile(r",\s*(?:and\s+)?|\s+and\s+(?=[a-z]+ing\b)")
COUNTED_SCOPE_RULE = "scope-list"


def _counted_scope_lists(c: _Collector, ctx: _Context) -> None:
    """Rule: a sentence counting measures of a batch and their national scope, with some of them named ("Fifteen
    measures are to be replicated in all PFTZs, including A, B, and C. Eleven measures are to be replicated
    throughout the country, including D and E."): each item is adopted in the scope as printed, read by the pass
    ``narrative-facts`` as the narrative's own scope lists (the national batch named last before it is its batch).

    An item the narrative already read so (at its line, by its name) is not read again.
    """
    read = {(a.line, normalize_name(a.name)) for a in ctx.story.adoptions if a.adopter_kind == "scope"}
    found: list[AdoptionFact] = []
    for p, off, sent in _sentences(ctx.paras):
        if "including" not in sent:
            continue
        m = COUNTED_SCOPE_LIST_RE.search(sent)
        line = p.line_at(off)
        if m is None:
            continue
        scope = "all PFTZs" if "pftz" in m.group("scope").lower() or "pilot free" in m.group("scope").lower() else ""
        scope = scope or "nationwide"
        for item in COUNTED_ITEM_SPLIT_RE.split(m.group("list")):
            name = item.strip(" .;")
            if len(name.split()) >= 3 and name[:1].islower() and (line, normalize_name(name)) not in read:
                found.append(AdoptionFact(name, "scope", scope, scope, line, sent, COUNTED_SCOPE_RULE, scope=scope))
    if found:
        ctx.story = replace(ctx.story, adoptions=(*ctx.story.adoptions, *found))


INCLUDED_IN_RE = re.compile(rf"\b{alternation(SELECTION_VERBS)}\s+(?:in|into|among)\s+$")
"""A case put into a batch, right before the batch's name: "... which was included in the eighth batch of ..."."""
INCLUDED_MATCH = 80.0
"""Similarity above which a case a sentence puts into a national batch is that batch's row of the same name."""


def _case_inclusions(c: _Collector, ctx: _Context) -> None:
    """Rule: an innovation the text says was included in a national batch a table lists, quoted in that sentence
    ("Shaanxi PFTZ's online "<A>" platform ..., which was included in the eighth batch of reform pilot
    experience, lets ..."), or a zone's case a later sentence of its paragraph includes, before the next case
    ("The service was subsequently included in the eighth batch ..."): the batch's row of that name is named
    there too (evidence of the row; nothing new is created).
    """
    titles = ctx.titles
    cases = sorted((f for f in ctx.story.cases if f.zones), key=lambda f: f.line)
    case_quotes = {f.quote for f in cases}
    para_at = {ln: p for p in ctx.paras if "batch" in p.text for ln in range(p.line, p.end_line + 1)}
    for f in cases:
        para = para_at.get(f.line)
        if para is None or f.quote not in para.text:
            continue
        started = False
        for _off, sent in _para_sentences(para):
            if sent == f.quote or (not started and f.quote in sent):
                started = True
            elif not started:
                continue
            elif sent in case_quotes:
                break  # the next case's sentence
            for m in BATCH_PHRASE_RE.finditer(sent):
                if not INCLUDED_IN_RE.search(sent[: m.start()]):
                    continue
                bkey = _batch_key("national", batch_kind(m.group("what"), ctx.profile), _ordinal(m.group("ord")))
                if bkey not in ctx.batch_tables:
                    continue
                key = _best_in_batch(titles, bkey, f.name, INCLUDED_MATCH)
                if key is not None:
                    c.node(Label.MEASURE, key, titles[key], f.line, f.quote)
    for p, off, sent in _sentences(ctx.paras):  # the sentence that names the innovation and includes it
        if "batch" not in sent or ('"' not in sent and "“" not in sent):
            continue
        for m in BATCH_PHRASE_RE.finditer(sent):
            if not INCLUDED_IN_RE.search(sent[: m.start()]):
                continue
            bkey = _batch_key("national", batch_kind(m.group("what"), ctx.profile), _ordinal(m.group("ord")))
            if bkey not in ctx.batch_tables:
                continue
            for q in QUOTED_RE.finditer(sent[: m.start()]):
                phrase = q.group(1) + MENTION_TAIL_END_RE.split(sent[q.end() :], maxsplit=1)[0]
                key = _best_in_batch(titles, bkey, phrase, INCLUDED_MATCH)
                if key is not None:
                    c.node(Label.MEASURE, key, titles[key], p.line_at(off), sent)


PASSES: tuple[Pass, ...] = (
    Pass("zones", _extract_zones),
    Pass("batch-phrases", _collect_batch_phrases),
    Pass("documents", _extract_documents),
    Pass("national-batches", _extract_national),
    Pass("provincial-batches", _extract_provincial),
    Pass("prose-batches", _extract_prose_batches),
    Pass("document-batches", _batches_of_documents),
    Pass("series-batches", _series_batches),
    Pass("agent-bodies", _agent_bodies),
    Pass("narrative", _read_story),
    Pass("counted-scope-lists", _counted_scope_lists),
    Pass("batch-mentions", _extract_batch_mentions),
    Pass("narrative-facts", _extract_narrative),
    Pass("case-inclusions", _case_inclusions),
    Pass("prose-batch-items", _prose_batch_items),
    Pass("prose-batches-of-texts", _read_prose_batches),
    Pass("named-adoptions", _named_adoptions),
    Pass("listed-batch-cases", _listed_batch_cases),
)
"""The document-level passes of the reader, in the order they run (later passes use what earlier ones found)."""


# --------------------------------------------------------------------------- entry points
def parse_report(
    text: str,
    source: str = "report.txt",
    sha256: str | None = None,
    *,
    partial: bool = False,
    gazetteer: Gazetteer | None = None,
    profile: Profile | None = None,
    header: TextHeader | None = None,
) -> ParsedReport:
    """Parse report text, or any English text about the zones, into records with provenance.

    An edition of the report has a table of contents (as its profile prints
    it); its required parts must be there. A text without contents (a press
    release, a circular, a news report, an excerpt) is read for what it has:
    its paragraphs, and tables if any. What it lacks is noted in a warning,
    never an error.

    Parameters
    ----------
    text
        The report text (UTF-8 decoded).
    source
        File name recorded in provenance and messages.
    sha256
        The sha256 of the source bytes; computed from ``text`` when omitted.
    partial
        Accept an excerpt: do not require the report's parts and appendices.
    gazetteer
        Name resolver; the curated default when omitted.
    profile
        The edition profile (:mod:`loaders.profile`); the default profile (the
        2025 conventions) when omitted.
    header
        The title, date, publisher and address of the text, which the text
        does not print itself; with one, or for a text that is not an edition,
        the text becomes a Document node that names its zones and is issued by
        its publisher.

    Returns
    -------
    ParsedReport
        Entities, relations, sections, tables, checks of stated totals and
        warnings.

    Raises
    ------
    ReportParseError
        The text is not a report, is truncated, or a table is malformed.
    """
    sha = sha256 or hashlib.sha256(text.encode("utf-8")).hexdigest()
    text, invisible = invisible_lines(text)
    _para_sentences.cache_clear()  # the caches serve one parse; a later parse starts cold
    _doc_mentions.cache_clear()
    lines = split_lines(text)
    profile = profile or default_profile()
    outline = parse_structure(lines, profile)
    if not partial and outline.has_contents:
        _require(outline, lines, source, profile)
    try:
        tables, twarn = parse_tables(lines, source, profile)
    except ReportParseError as e:
        if partial or outline.has_contents:
            raise
        # a text that is not an edition is read for its paragraphs: a broken table is a note, not an error
        note = ParseWarning("table-unread", f"{e.msg}; the text's tables are not read", source, e.line)
        tables, twarn = [], [note]
    gaz = gazetteer or Gazetteer.default()
    c = _Collector(source, sha, outline, gaz, profile)
    if not partial and not outline.has_contents:
        absent = "no table of contents" + ("" if tables else " and no tables")
        c.warn(
            "not-an-edition",
            f"{absent}: read as a text that is not an edition of the report (its paragraphs and tables; "
            "no parts, appendices or stated totals are expected of it)",
            1,
        )
    _warn_invisible(c, invisible)
    c.warnings.extend(twarn)
    in_table = {n for t in tables for n in range(t.line, t.end_line + 1)}
    body = [ln for ln in lines if ln.no >= outline.body_start]
    paras, splits = split_long_paragraphs(paragraphs(body, skip=in_table, profile=profile))
    _warn_splits(c, splits)
    milestones_sec = next((s for w in profile.milestones for s in outline.find(1, w)), None)
    milestones = [
        q
        for p in paras
        if milestones_sec and milestones_sec.start_line < p.line <= milestones_sec.end_line
        for q in _by_sentence(p)
    ]

    part2 = next((s for w in profile.zone_cases for s in outline.find(1, w)), None)
    ctx = _Context(paras, profile, tables=tables, milestones=milestones, edition=outline.has_contents, part2=part2)
    for step in PASSES:
        step.run(c, ctx)
    if not partial:
        found = {s.number for s in outline.sections if s.level == 1}
        last = max((ln.no for ln in lines if ln.text.strip()), default=1)
        for what in outline.listed:
            if what not in found:
                c.warn(
                    "section-missing",
                    f"{what} is listed in the contents but not found (the text ends at line {last})",
                    last,
                )
    if not partial and not c.entities:
        msg = "no zones, documents or measures found: this does not look like a PFTZ report or a text about the zones"
        raise ReportParseError(msg, source, 1)
    if header or (not partial and not outline.has_contents):
        _text_document(c, ctx, header or TextHeader(), lines)
    return ParsedReport(
        source=source,
        sha256=sha,
        entities=tuple(c.entities),
        relations=tuple(c.relations),
        sections=outline.sections,
        tables=tuple(tables),
        checks=tuple(c.checks),
        warnings=tuple(c.warnings),
        unread=tuple(ParseWarning(f"unread-{u.what}", u.text, source, u.line) for u in ctx.story.unread),
        narrative_paragraphs=(ctx.story.paragraphs_read, ctx.story.paragraphs),
    )


def _by_sentence(p: Paragraph) -> list[Paragraph]:
    """A milestone (its rules quote it whole) as it is, or as its sentences when longer than a sentence can be."""
    if len(p.text) <= MAX_SENTENCE:
        return [p]
    return [p.part(off, off + len(s)) for off, s in sentences(p)]


def _warn_splits(c: _Collector, splits: Sequence[Split]) -> None:
    """Warn (code ``paragraph-split``) about each paragraph split without blank lines."""
    for sp in splits:
        c.warn(
            "paragraph-split",
            f"lines {sp.line}-{sp.end_line} run together without a blank line ({sp.chars:,} characters): read as "
            f"{sp.parts:,} paragraphs, split where a line ends a sentence; separate paragraphs with blank lines",
            sp.line,
        )


INVISIBLE_WARNINGS = 20
"""Lines with invisible characters warned one by one; the rest are counted in one more warning."""


def _warn_invisible(c: _Collector, found: Sequence[tuple[int, list[str], str]]) -> None:
    """Warn (code ``invisible-character``) about the invisible characters removed, as user data does."""
    for no, chars, line in found[:INVISIBLE_WARNINGS]:
        shown = line.strip()
        if len(shown) > 160:
            at = max(0, len(line[: line.index(chars[0])].lstrip()) - 60)
            shown = ("..." if at else "") + shown[at : at + 160] + "..."
        c.warn(
            "invisible-character",
            f"removed invisible or bidirectional control characters ({codepoint_names(chars)}) before reading "
            f"the line: {shown.encode('unicode_escape').decode('ascii')!r}",
            no,
        )
    if len(found) > INVISIBLE_WARNINGS:
        rest = found[INVISIBLE_WARNINGS:]
        names = codepoint_names(ch for _no, cs, _line in rest for ch in cs)
        c.warn(
            "invisible-character",
            f"removed invisible or bidirectional control characters ({names}) from {len(rest):,} more lines, "
            f"lines {rest[0][0]} to {rest[-1][0]}",
            rest[0][0],
        )


def _require(outline: Outline, lines: Sequence[Line], source: str, profile: Profile) -> None:
    """An edition (a text with contents) must hold the required parts its contents list; else it is truncated.

    A required part the contents do not list is one this edition does without (an edition that prints its
    national batches in a part of the body, not in an appendix), unless the text ends before any part the
    contents list (cut inside its contents, it may have lost the listing too).
    """
    found = {s.number for s in outline.sections if s.level == 1}
    cut_short = not (found & set(outline.listed))
    for req in profile.required:
        if (req.section in outline.listed or cut_short) and req.section not in found:
            last = max((ln.no for ln in lines if ln.text.strip()), default=1)
            what = f"{req.section} ({req.what})" if req.what else req.section
            msg = f"the report is truncated or is not a PFTZ report: {what} not found (text ends at line {last})"
            raise ReportParseError(msg, source, last)


TEXT_DOCUMENT_KIND = "text"
TEXT_DOCUMENT_PREFIX = "text:"
"""The key of the Document node that is the text read itself (``text:<sha256 prefix>``)."""
"""``kind`` of the Document node of a text read itself (a press release, a circular, a news report)."""


def _text_document(c: _Collector, ctx: _Context, header: TextHeader, lines: Sequence[Line]) -> None:
    """The text itself as a Document node: its header, the zones it names, its publisher as issuer.

    The node is keyed by the text's sha256, so the same text read twice is one document.
    """
    first = next((ln for ln in lines if ln.text.strip()), None)
    line, quote = (first.no, first.text.strip()) if first else (1, "")
    title = header.title or None
    props: dict[str, PropValue] = {
        "title": title,
        "date": header.date or None,
        "publisher": header.publisher or None,
        "url": header.url or None,
        "kind": header.kind or TEXT_DOCUMENT_KIND,
    }
    doc = c.node(Label.DOCUMENT, f"{TEXT_DOCUMENT_PREFIX}{c.sha256[:16]}", title or c.source, line, quote, **props)
    if header.publisher:
        found = _issuers(c, header.publisher)
        if not found:
            c.warn("publisher-unresolved", f"publisher not recognised as a body: {header.publisher!r}", None)
        for m in found:
            if body := c.body(m.key, line, quote, m.text):
                c.rel(Rel.ISSUED_BY, doc, body, line, quote, resolved="the header given with the text")
    named: dict[str, Provenance] = {}
    for e in c.entities:
        if e.label is Label.ZONE and e.key in c.zone_refs:
            named.setdefault(e.key, e.provenance)
    for z, where in sorted(named.items()):
        c.rel(Rel.NAMES_ZONE, doc, c.zone(z, where.line, where.quote), where.line, where.quote, role="named")


def load_report(
    path: str | Path | None = None,
    *,
    strict: bool = False,
    profile: Profile | str | Path | None = None,
    header: TextHeader | None = None,
) -> ParsedReport:
    """Read a report file, or any English text about the zones, and parse it.

    Parameters
    ----------
    path
        The report or text; the bundled 2025 report when omitted.
    strict
        Raise :class:`~ground.errors.StrictModeError` when there are warnings.
    profile
        The edition profile, or the path of its TOML file; when omitted, the
        sidecar ``<path>.profile.toml`` if there is one, else the default profile.
    header
        The text's title, date, publisher and address; fields it leaves empty
        are taken from the sidecar ``<path>.header.json`` when there is one.

    Returns
    -------
    ParsedReport
        See :func:`parse_report`.

    Raises
    ------
    ReportParseError
        Unreadable, non-UTF-8, binary, empty, truncated or malformed input.
    StrictModeError
        ``strict`` was set and the loader produced warnings.
    """
    p = Path(path) if path is not None else BUNDLED_REPORT
    try:
        data = read_report_bytes(p)
    except OSError as e:
        msg = f"cannot read the report: {e.strerror or e}"
        raise ReportParseError(msg, str(p)) from e
    text = decode_report(data, str(p))
    given = (header or TextHeader()).over(load_header(p))
    beside = Path(str(p) + PROFILE_SIDECAR_SUFFIX)
    if profile is None and beside.is_file():
        profile = beside  # the profile of this text alone
    edition = profile if isinstance(profile, Profile) or profile is None else load_profile(profile)
    try:
        report = parse_report(text, p.name, hashlib.sha256(data).hexdigest(), profile=edition, header=given or None)
    except ReportParseError as e:
        raise ReportParseError(e.msg, str(p), e.line) from e
    if strict and report.warnings:
        shown = "\n  ".join(str(w) for w in report.warnings)
        msg = f"{len(report.warnings)} warnings in strict mode:\n  {shown}"
        raise StrictModeError(msg)
    return report


__all__ = ["BUNDLED_REPORT", "load_report", "parse_report"]
