"""The narrative's facts and the clause machinery its rules share.

The vocabulary built from :mod:`loaders.lexicon`, the frozen facts (:class:`CaseFact`,
:class:`AdoptionFact`, :class:`EffortFact`, :class:`Narrative`), the sentence and state being read, the
actors (:func:`find_actors`), the test of a case name, and the one argument and signature of every rule
(:class:`Clause`, :class:`Rule`). The rules are in :mod:`loaders.narrative_cases`,
:mod:`loaders.narrative_quoted`, :mod:`loaders.narrative_efforts`, :mod:`loaders.narrative_adoptions`,
:mod:`loaders.narrative_batches` and :mod:`loaders.narrative_anaphora`; :mod:`loaders.narrative` orders them in
:data:`~loaders.narrative.RULES` and drives them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from pftz.loaders.documents import find_date
from pftz.loaders.gazetteer import Gazetteer
from pftz.loaders.gazetteer_scan import Mention
from pftz.loaders.lexicon import (
    AFTER_PHRASES,
    BEFORE_PHRASES,
    BODY_HEADS,
    CASE_HEADS,
    CASE_VERB_STEMS,
    CO_ACTOR_WORDS,
    CO_WORK_VERBS,
    DESIGNATED_SCOPES,
    GENERIC_PLURALS,
    ITEM_ORIGIN_VERBS,
    JOINT_TITLE_WORDS,
    ORDINALS,
    PILOT_INFINITIVES,
    PROVINCE_SCOPES,
    PROVINCE_SCOPES_MORE,
    REPLICATE_PATTERNS,
    TITLE_WORDS,
    TITLED_CASE_HEADS,
    alternation,
)
from pftz.loaders.quotes import Quoted
from pftz.loaders.text import Paragraph

FindZones = Callable[[str], list[Mention]]

# --------------------------------------------------------------------------- vocabulary
_ORD_EARLY = r"(?:\d{1,2}(?:st|nd|rd|th)|" + "|".join(ORDINALS) + ")"
CASE_VERBS = "(?:" + "|".join(CASE_VERB_STEMS) + r")\w*"
CASE_VERB_RE = re.compile(rf"\b(?:{CASE_VERBS}|to\s+{alternation(PILOT_INFINITIVES)})\b", re.IGNORECASE)
"""A verb by which a zone makes an innovation its own, or its infinitive of purpose (``worked with X to open a``)."""
DOC_VERB_RE = re.compile(
    r"\b(?:issu\w*|releas\w*|promulgat\w*|sign\w*|formulat\w*|titled|entitled|named|called|publish\w*|"
    r"approv\w*|revis\w*)\s+(?:the\s+|a\s+|its\s+)?(?:newly\s+revised\s+)?$",
    re.IGNORECASE,
)
SLOGAN_LEAD_RE = re.compile(
    r"\b(?:called for|call for|proposed|proposing|emphasi[sz]ed(?: that)?|stress\w* that|requires?|required|"
    r"principle of|known as|so-called|dubbed)\s*$",
    re.IGNORECASE,
)
BEFORE_RE = re.compile(rf"^{alternation(BEFORE_PHRASES)}\b")
AFTER_RE = re.compile(rf"^{alternation(AFTER_PHRASES)}\b")
RELEASED_BATCH_RE = re.compile(
    rf"\breleased (?:a |the |its |their )?(?P<ord>{_ORD_EARLY}) batch of (?:(?P<count>\d+) )?[\w\s-]*?innovations\b"
    r"(?:,? (?:such as|including) (?P<examples>.+))?",
)
ADOPT_VERB_RE = re.compile("|".join(rf"\b{p}\b" for p in REPLICATE_PATTERNS), re.IGNORECASE)
ORD_WORDS = ORDINALS
_ORD = r"(?:\d{1,2}(?:st|nd|rd|th)|" + "|".join(ORD_WORDS) + r")"
BATCH_RE = re.compile(
    rf"\b(?:the |a )?(?P<ord>{_ORD}) batch of (?P<what>(?:[\w-]+ ){{0,6}}?"
    r"(?:best practices|pilot (?:reform )?experience|successful reform experience|reform experience|"
    r"pilot measures|institutional innovations|innovations|experience))",
    re.IGNORECASE,
)
PROVINCE_SCOPE_RE = re.compile(
    r"\b(?:across|throughout) (?:the|their|its) (?:entire |whole |respective )?(?:province|region|provinces)s?\b|"
    rf"\b{alternation((*PROVINCE_SCOPES, *PROVINCE_SCOPES_MORE))}\b",
    re.IGNORECASE,
)
DESIGNATED_RE = re.compile(rf"\b{alternation(DESIGNATED_SCOPES)}\b")
COORDINATED_RE = re.compile(r"\b(?P<name>[A-Z][a-z]+) coordinated innovation zone of (?P<zone>[A-Z][a-z]+ PFTZ)\b")
_BODY_HEAD = alternation(h.title() for h in BODY_HEADS)
_CAP = r"[A-Z][\w–-]*"
_CAP_LIST_ZONES = (
    rf"{_CAP}(?:(?:,\s+(?:and\s+)?|\s+and\s+){_CAP}){{0,4}}\s+(?:{_CAP}\s+){{0,3}}?(?:PFTZs?|FTZs|Zones)\b"
)
"""The rest of a list of places under one plural head of zones, after a comma in a body's name (``Joint Conference
Mechanism of the Guangdong, Fujian and Hainan Pilot Zones``, ``... of the Beijing, Tianjin and Hebei PFTZs``)."""
_NOT_AFTER_ZONES = r"(?:(?<!FTZs)(?<!Zones)|(?<= of PFTZs)|(?<= of FTZs))"
"""No more of a body's name after a plural head of zones that closes a list of places."""
ALLIANCE_RE = re.compile(
    rf"\b(?P<name>(?:{_CAP}\s+)*{_BODY_HEAD}\b"
    rf"(?:\s+(?:for|of|on|between|among)\s+(?:the\s+)?{_CAP}(?:(?:,\s+(?:and\s+)?(?={_CAP_LIST_ZONES})|{_NOT_AFTER_ZONES}"
    rf"(?!\s+and\s+(?:the\s+)?(?:{_CAP}\s+)*{_BODY_HEAD}\b)\s+(?:(?:and|of|in|the)\s+)*){_CAP})*)?)"
)
"""A body of several members named with a capitalised head (:data:`loaders.lexicon.BODY_HEADS`) and an
optional ``for/of the <Proper Words>`` tail, which ends before ``and the <another body>`` and after a plural head of
zones that closes a list of places (``... of the Central China PFTZs in Zhengzhou``: the place of a meeting is no part
of the name; ``... of PFTZs in the Middle Reaches of the Yangtze River`` is all name)."""
BODY_HEAD_RE = re.compile(rf"\b{_BODY_HEAD}\b")
GENERIC_PLURAL_RE = re.compile(rf"(?:[a-z-]+\s+){{0,3}}{alternation(GENERIC_PLURALS)}")
JOINT_DOCUMENT_RE = re.compile(rf"\b{alternation((*TITLE_WORDS, *JOINT_TITLE_WORDS))}\b")
JOINT_DOCUMENT = "joint document"
"""``kind`` of an :class:`EffortFact` that is a document several zones issued together."""
JOINT_VERB_RE = re.compile(
    r"\b(?:jointly|convened|together|signed|through the [A-Z][\w\s–-]+ Alliance|collaborativ\w*|co-\w+)\b"
)
GROUP_RE = re.compile(
    r"\b(?:the\s+)?(?P<group>(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+)\s+"
    r"(?:provinces|PFTZs|regions|municipalities)(?:[\w\s,-]*?)(?:along|in|of)\s+the\s+[A-Z][\w\s–-]*?"
    r"(?:River|Belt|Basin|Delta|Region|Area|Circle))\b"
)
SEP_RE = re.compile(r"\s*(?:,\s*and|,\s*as well as|,|and|&)\s*")
_PFTZ_AFTER_RE = re.compile(
    r"\s+(?:[Pp]ilot\s+)?(?:P?FTZs?|[Pp]ilot [Ff]ree [Tt]rade [Zz]ones?|[Pp]ilot [Zz]ones\b)(?:'s|’s|'|’)?"
)
"""The head after the places of a zone list, capitalised or not (``the Hubei and Hunan pilot free trade zones``,
``the Zhejiang and Shanghai pilot FTZs``, ``the Guangdong, Fujian and Hainan Pilot Zones``)."""
_PFTZS_IN_RE = re.compile(
    r"(?:P?FTZs|(?:[Pp]ilot )?[Ff]ree [Tt]rade [Zz]ones|\b(?:[Tt]he|[Aa]ll|[Tt]hese|[Tt]heir)\s+zones)"
    r"\s+(?:in|of)\s+(?:the\s+)?$"
)
"""Before a list of places that are zones: ``PFTZs in``, ``the free trade zones of``, ``the zones in`` (a bare
``zones`` after an article only: ``the bonded zones in A and B`` are none)."""
_DASH_LIST_RE = re.compile(r"PFTZs\b[^—–.;]{0,60}[—–]\s*$")
POSSESSIVE_RE = re.compile(
    r"^\s*(?:'s|’s|'|’)\s+(?:(?:implementation|introduction|launch|initiative|reform|model|practice|innovation|"
    r"exploration|development)\s*(?:of\s+(?:a|an|the)\s+|,\s*|:\s*)?)?(?:(?:new|innovative|first|pioneering|the)\s+)*$"
)
AFTER_QUOTE_RE = re.compile(r"^\s*(?:[\w'’-]+\s+){0,8}?(?:in|of|by|at|from)\s+(?:the\s+)?$")
_FULLER_RE = re.compile(
    r"^(?:\s+(?!(?:has|have|had|is|are|was|were|that|which|to|allows?|enables?|creates?|establish\w*|"
    r"implements?|extends?|targets?|introduc\w*|achiev\w*|breaks?|in|by|at|with|through|as|under|within|via|"
    r"across|between|among|while|thereby|thus|first|jointly|originat\w*|"
    rf"{alternation(ITEM_ORIGIN_VERBS)})\b)"
    r"[a-z0-9][\w'’&+–-]*){1,10}"
)
"""The lower-case words after a partly quoted name that are the name's, up to a verb, a preposition, or a participle
of its origin (``the "one-window" filing system for ... funds pioneered in Beijing FTZ``: no "pioneered")."""
PRONOUN_RE = re.compile(r"^(?:It|The zone|The PFTZ|They|These PFTZs|The three PFTZs)\b")
TITLED_CASE_RE = re.compile(rf"\s+{alternation(TITLED_CASE_HEADS)}\b")
HEAD_NOUNS = rf"\s*(?:[\w-]+\s+){{0,2}}?(?:{'|'.join((*CASE_HEADS, 'management', 'supervision', 'list'))})s?\b"
CROSS_REFERENCE_RE = re.compile(r"\s*\((?:see|cf\.|refer to)\s[^()]*\)", re.IGNORECASE)
"""A cross-reference in brackets after a list's items (``(see <appendix> N, <table> M)``): no item of the list."""
ZONE_HINT_RE = re.compile(r"F(?:T[PZ]|ree\s+Trade)", re.IGNORECASE)
"""Every zone form the gazetteer knows contains one of these (PFTZ, FTP, FTZ, Free Trade): a cheap test before the
full scan. Written from its first letter on (PFTZ holds FTZ), so the search skips to an F at once."""
DATELINE_RE = re.compile(
    r"^(?:[A-Z][\w'’.-]*\s){0,2}[A-Z][\w'’.-]*,\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s+\d{4})?|\d{4}-\d{2}-\d{2})"
    r"\s*(?:\([A-Z][\w\s]{1,30}\)\s*)?(?:--|—|–)\s*(?=[A-Z\"“])"
)
"""A news story's dateline before its lead (``HAIKOU, March 12 (Xinhua) --``, ``Kunming, November 6, 2031 --``):
no part of the lead's clause, so the lead's subject opens its sentence."""
SUBJECT_WORDS = 16
"""A zone named within this many words of a sentence's start is its subject (for a following It/They)."""
LOOKAHEAD = 12
"""How many following sentences may hold a case's before/after statements."""
PROPER_WORDS = frozenset({"of", "for", "and", "the", "in", "on", "to", "a", "an", "with", "by", "at", "(", ")"})


# --------------------------------------------------------------------------- facts
@dataclass(frozen=True, slots=True)
class Actor:
    """One or several zones named together at ``text[start:end]`` (a list counts as one actor)."""

    start: int
    end: int
    keys: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CaseFact:
    """A named innovation credited to one or more zones.

    ``joint`` is True when several zones are presented as the origin of ONE
    innovation; ``fuller`` is the printed phrase when only part of the name is
    quoted; ``rule`` names the rule that read it.
    """

    name: str
    zones: tuple[str, ...]
    line: int
    quote: str
    rule: str
    joint: bool = False
    fuller: str = ""
    cross_regional: bool = False
    before: str = ""
    after: str = ""
    members_text: str = ""
    """The partners as printed when the text names a group, not zones (``the three northeastern provinces``)."""
    provinces: tuple[str, ...] = ()
    """Provinces credited with the zones: the province members of the body of several members whose batch names the
    innovation (it credits all its members)."""


@dataclass(frozen=True, slots=True)
class AdoptionFact:
    """An adopter replicated, scaled up, learned from or disseminated an innovation or a batch.

    ``adopter_kind`` is ``zone``, ``province``, ``coordinated`` (a coordinated
    innovation zone, with ``adopter_zone`` its PFTZ) or ``city``;
    ``batch`` is ``(ordinal, what)`` as printed ("6th", "pilot reform experience").
    """

    name: str
    adopter_kind: str
    adopter_key: str
    adopter_name: str
    line: int
    quote: str
    rule: str
    origins: tuple[str, ...] = ()
    adopter_zone: str = ""
    batch: tuple[int, str] | None = None
    scope: str = ""
    outcome: str = ""
    released_by: tuple[str, int] | None = None
    """(alliance, ordinal) when what was adopted is a batch an alliance released (``the Yangtze River Delta PFTZ
    Alliance's fourth batch of innovations has been replicated ... by Jiangxi Province``); None otherwise."""
    own_batch: tuple[int, int | None] | None = None
    """(ordinal, count) of the zone's own batch adopted as a whole (``Hubei PFTZ released the tenth batch of 26
    institutional innovations ..., of which 21 are replicated province-wide``); None otherwise."""
    stands_for: str = ""
    """The name the text credited the innovation under, when ``name`` is a term the text defined for it (``the
    Tianjin pre-assessment model`` for ``pre-assessment service for medical data export``); ``""`` otherwise."""
    date: str = ""
    """The date printed in the adoption's own clause (``was introduced to X in 2026``, ``in March 2024, Y
    adopted ...``), ISO at its printed precision; ``""`` when the clause prints none."""
    where: str = ""
    """A scope narrower than the adopter, as printed, when the text puts the innovation only there (``Among the four
    achievements to be promoted in areas with comprehensive bonded zones is ...``); ``""`` otherwise."""


_CLAUSE_YEAR_RE = re.compile(
    r"(?:^|\b[Ii]n\s+|\bsince\s+|\b[Ss]ince\s+)(?P<year>(?:19|20)\d{2})\b(?!\s*(?:-|–|to)\s*\d)"
)
_NEXT_ADOPTER_RE = re.compile(r",\s|;|\s(?:and|while|whereas)\s+(?:(?:later|then|also)\s+)?(?:by|in|to)\s")


def clause_date(clause: str) -> str:
    """The date a clause of an adoption prints: a day or month date, else ``in <year>``, ``since <year>``.

    Examples
    --------
    >>> clause_date("adapted by the Nansha Area of Guangdong FTZ in 2016"), clause_date("in March 2024, Y adopted")
    ('2016', '2024-03')
    >>> clause_date("cutting the time from 2 days to 4 hours")
    ''
    """
    if printed := find_date(clause):
        return printed[0].iso
    m = _CLAUSE_YEAR_RE.search(clause)
    return m.group("year") if m else ""


def adopter_clause(rest: str, at: int = 0) -> str:
    """The words of ``rest`` from ``at`` to where the next adopter or clause begins (a comma, ``and later by``)."""
    m = _NEXT_ADOPTER_RE.search(rest, at + 1)
    return rest[at : m.start() if m else len(rest)]


@dataclass(frozen=True, slots=True)
class EffortFact:
    """A body of several members (an alliance, a joint mechanism, a cooperation platform, a demonstration zone),
    or a document several zones issued together (``kind`` :data:`JOINT_DOCUMENT`), with its members.

    What several zones did together is a joint :class:`CaseFact`, never an effort.
    """

    name: str
    members: tuple[str, ...]
    line: int
    quote: str
    rule: str
    kind: str = "joint effort"
    members_text: str = ""
    batch: tuple[int, int | None] | None = None
    """``(ordinal, count)`` of a batch of innovations the effort released, as printed."""
    released: tuple[str, ...] = ()
    """The innovations of that batch the sentence names."""
    provinces: tuple[str, ...] = ()
    """Provinces (regions without a PFTZ, or named as provinces) among the members."""
    by: str = ""
    """The alliance that issued a joint document (named in the same sentence), ``""`` if none."""
    developers: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """Items of the batch whose sentence names the zones that developed them, with those zones
    (``the "..." model developed by Guangxi PFTZ and Chongqing PFTZ``)."""


@dataclass(frozen=True, slots=True)
class Unread:
    """A quoted span or zone mention of the narrative that produced no fact."""

    line: int
    what: str
    text: str


@dataclass(frozen=True, slots=True)
class Narrative:
    """What :func:`read_narrative` found."""

    cases: tuple[CaseFact, ...]
    adoptions: tuple[AdoptionFact, ...]
    efforts: tuple[EffortFact, ...]
    unread: tuple[Unread, ...]
    paragraphs: int
    paragraphs_read: int


@dataclass
class Sentence:
    """A sentence being read; ``text`` has the bold markers (``**``) blanked, offsets unchanged."""

    para: Paragraph
    off: int
    text: str
    actors: list[Actor]
    quotes: list[Quoted]
    original: str = ""
    first: bool = False

    @property
    def line(self) -> int:
        return self.para.line_at(self.off)

    def line_at(self, i: int) -> int:
        return self.para.line_at(self.off + i)


@dataclass(frozen=True, slots=True)
class Named:
    """An innovation the text just named, with its origin zones: what an anaphor stands for."""

    name: str
    zones: tuple[str, ...]
    line: int


@dataclass
class State:
    gaz: Gazetteer
    find_zones: FindZones
    last_named: Named | None = None
    last_set: tuple[Named, ...] = ()
    """Every innovation the last sentence that named any named: what a plural anaphor stands for."""
    terms: dict[str, Named] = field(default_factory=dict)
    last_city: tuple[str, str] | None = None
    """(key, name) of the city the text last named as a sentence's subject: what ``the city`` stands for."""
    story_zone: Actor | None = None
    """The one subject zone of the paragraph before, for a paragraph opening "Under the "<name>" ..." without one."""
    """Names the text defines for an innovation (``..., referred to below as the X model``), lower case -> what
    they stand for, the name as defined."""
    cases: list[CaseFact] = field(default_factory=list)
    adoptions: list[AdoptionFact] = field(default_factory=list)
    efforts: list[EffortFact] = field(default_factory=list)
    used: set[tuple[int, int]] = field(default_factory=set)  # (id(paragraph sentence), quote start)


# --------------------------------------------------------------------------- actors
def find_actors(text: str, gaz: Gazetteer, find_zones: FindZones | None = None) -> list[Actor]:
    """Zones named in a text, a list of places before "PFTZ(s)" or after "PFTZs in" counting as one actor.

    Accepts ``Shanghai PFTZ``, ``Lin-gang Special Area of Shanghai PFTZ`` (the
    PFTZ), ``Beijing, Tianjin, and Hebei PFTZ``, ``Shanghai and Anhui PFTZs'``,
    ``PFTZs in Beijing, Tianjin, and Hebei``, ``nine PFTZs along the Yangtze
    River—Shanghai, Zhejiang, ...—``. A province named alone (``Shanxi
    Province``) is not a zone.

    Examples
    --------
    >>> g = Gazetteer.default()
    >>> [a.keys for a in find_actors("Beijing, Tianjin, and Hebei PFTZ adopts", g)]
    [('beijing', 'tianjin', 'hebei')]
    >>> [a.keys for a in find_actors("PFTZs in Jiangsu and Anhui have", g)]
    [('jiangsu', 'anhui')]
    """
    hinted = ZONE_HINT_RE.search(text) is not None or "ilot Zones" in text  # "the A, B and C Pilot Zones"
    if not hinted and find_zones is None:
        return []
    # a given finder may read areas ("Chongzuo Area"), named without "PFTZ"
    zones = (find_zones or gaz.find_zones)(text)
    provs = gaz.find_provinces(text) if "FTZ" in text or hinted else []
    runs: list[list[Mention]] = []
    for p in provs:
        if runs and SEP_RE.fullmatch(text[runs[-1][-1].end : p.start]):
            runs[-1].append(p)
        else:
            runs.append([p])
    actors: list[Actor] = []
    for run in runs:
        start, end = run[0].start, run[-1].end
        keys = tuple(k for p in run if (k := gaz.zone_of_province(p.key)))
        if not keys:
            continue
        after = _PFTZ_AFTER_RE.match(text, end)
        before = text[max(0, start - 80) : start]
        if after and (len(run) > 1 or not any(z.start <= start < z.end for z in zones)):
            actors.append(Actor(start, after.end(), keys))
        elif len(run) > 1 and (_PFTZS_IN_RE.search(before) or _DASH_LIST_RE.search(before)):
            actors.append(Actor(start, end, keys))
    for z in zones:
        if not any(a.start <= z.start < a.end for a in actors):
            actors.append(Actor(z.start, z.end, (z.key,)))
    return sorted(actors, key=lambda a: a.start)


_CO_ACTOR_RE = re.compile(rf"\s*,?\s*{alternation(CO_ACTOR_WORDS)}\s+(?:the\s+)?")
_CO_ACTOR_END_RE = re.compile(r"\s*(?:,|\bhave\b|\bhas\b|\b[a-z]+ed\b|\bjointly\b)")
CO_WORK_RE = re.compile(rf"\s+(?:has\s+|have\s+|had\s+)?{alternation(CO_WORK_VERBS)}\s+(?:the\s+)?")
"""A verb of working with a second zone, between the two: ``X PFTZ worked with Y PFTZ``."""
_CO_WORK_END_RE = re.compile(r"\s+(?:on|to)\b")


def join_co_actors(text: str, actors: list[Actor]) -> list[Actor]:
    """Actors joined by a co-actor phrase as one subject: ``X PFTZ, together with Y PFTZ, established ...``.

    Accepts the words of :data:`loaders.lexicon.CO_ACTOR_WORDS` between two zones when a comma or a
    verb follows the second (the subject goes on to its verb); ``in cooperation with Y PFTZ`` at the end
    of a clause is left apart. So are two zones joined by a verb of working together when ``on`` or ``to``
    follows the second (``X PFTZ worked with Y PFTZ on a "..." scheme``, :data:`loaders.lexicon.CO_WORK_VERBS`).

    Examples
    --------
    >>> g = Gazetteer.default()
    >>> t = "Shandong PFTZ, together with Henan PFTZ, established a joint transit mechanism."
    >>> [a.keys for a in join_co_actors(t, find_actors(t, g))]
    [('shandong', 'henan')]
    """
    if len(actors) < 2 or not ("with" in text or "alongside" in text):
        return actors
    if not _CO_ACTOR_RE.search(text) and not CO_WORK_RE.search(text):
        return actors
    out = [actors[0]]
    for a in actors[1:]:
        prev = out[-1]
        if (_CO_ACTOR_RE.fullmatch(text, prev.end, a.start) and _CO_ACTOR_END_RE.match(text, a.end)) or (
            CO_WORK_RE.fullmatch(text, prev.end, a.start) and _CO_WORK_END_RE.match(text, a.end)
        ):
            out[-1] = Actor(prev.start, a.end, tuple(dict.fromkeys((*prev.keys, *a.keys))))
        else:
            out.append(a)
    return out


# --------------------------------------------------------------------------- names
def is_case_name(name: str, sentence: str, q: Quoted, *, lead: bool = False) -> bool:
    """Whether a quoted span can name an innovation.

    Rejects: fewer than two words (unless a hyphenated word after an article,
    capitalised too, or a possessive, before a head noun: ``the "one-bill" system``,
    ``Hainan FTP's "zero-tariff" list``); a proper name in title case (a policy
    document, a platform, a product or brand: ``"Action Plan for ..."``,
    ``"Single Window"``, ``"Sci-Tech Easy Loan"``) unless it is followed by
    ``initiative``/``model``/``mechanism``/``reform`` or ``lead`` is set (the
    subject of a Part II case paragraph's first sentence); a span right after a
    document verb (``issued the "..."``, ``titled``) or a slogan lead
    (``called for "..."``); a span followed by a document number; any quote of
    a sentence describing the old practice (``Prior to the reform, ...``).

    Examples
    --------
    >>> from pftz.loaders.quotes import quoted_spans
    >>> s = 'Shanghai PFTZ issued the "Plan for Building a Hub" (G.Fa. [2024] No. 1).'
    >>> is_case_name("Plan for Building a Hub", s, quoted_spans(s)[0])
    False
    >>> s = 'Shanghai PFTZ has explored a "one-stop certification" model.'
    >>> is_case_name("one-stop certification", s, quoted_spans(s)[0])
    True
    """
    words = re.findall(r"[\w'’+-]+", name)
    tail = sentence[q.end :]
    if not re.search(r"[a-z]", name):
        return False
    # an article ("The" opening a sentence too) or an owner's possessive ("Hainan FTP's")
    article = re.search(r"(?:\b(?:[Tt]he|[Aa]n?|[Nn]ew|first|pilot)|\w(?:'s|’s))\s*$", sentence[: q.start])
    if len(words) < 2 and not ("-" in name and article and re.match(HEAD_NOUNS, tail)):
        return False
    content = [w for w in words if w.lower() not in PROPER_WORDS]
    caps = [w for w in content if w[:1].isupper()]
    if len(caps) >= 2 and len(caps) >= 0.7 * len(content) and not (lead or TITLED_CASE_RE.match(tail)):
        return False
    head = sentence[: q.start]
    if DOC_VERB_RE.search(head) or SLOGAN_LEAD_RE.search(head):
        return False
    if re.match(r"\s*\(?\s*(?:\w+\.){1,5}\w*\s*\[\d{4}\]", sentence[q.end :]):
        return False
    return not BEFORE_RE.match(sentence)


def fuller_name(sentence: str, q: Quoted) -> str:
    """The printed phrase when only part of a name is quoted (``"smart form" model for business registration``).

    Returns the quoted text plus the lower-case words that follow it up to a
    verb, a preposition that introduces a place, or punctuation; ``""`` when
    nothing follows.

    Examples
    --------
    >>> from pftz.loaders.quotes import quoted_spans
    >>> s = 'cases include the new "smart form" model for business registration and the rest.'
    >>> fuller_name(s, quoted_spans(s)[0])
    'smart form model for business registration and the rest'
    >>> s = 'the "one-stop" arbitration service of Shaanxi FTZ'
    >>> fuller_name(s, quoted_spans(s)[0])
    'one-stop arbitration service'
    """
    m = _FULLER_RE.match(sentence[q.end :])
    if not m:
        return ""
    # a preposition before a capitalised place is not the name's ('the "one-stop" service of Shaanxi FTZ')
    return _DANGLING_RE.sub("", f"{q.name.replace(chr(34), '')}{m.group(0)}").strip()


_DANGLING_RE = re.compile(r"(?:\s+(?:of|for|from|and|the|a|an))+$")


CLAUSE_CUT_RE = re.compile(r",\s*(?:and|while|whereas)\s+|;\s*")


def ordinal_of(word: str) -> int:
    w = word.lower()
    if w in ORD_WORDS:
        return ORD_WORDS.index(w) + 1
    return int(re.match(r"\d+", w).group(0))  # type: ignore[union-attr]


# --------------------------------------------------------------------------- the grammar
Fact = CaseFact | AdoptionFact | EffortFact
"""What a rule's production builds."""


@dataclass
class Clause:
    """A sentence being read, with what the reader knows around it: the one argument of every rule.

    ``sents`` are the sentences of its paragraph and ``i`` its index; ``last_subject`` is the zone (or
    zones) that last stood as a subject in the paragraph, ``last_group`` the last subject of several
    zones; ``crossing`` says the paragraph is in a cross-regional section; ``credited`` are the zones
    a case of the paragraph was credited to; ``fired`` the names of the rules that built a fact from
    this sentence so far (a rule may decline after another).
    """

    st: State
    sents: Sequence[Sentence]
    i: int
    last_subject: Actor | None = None
    last_group: Actor | None = None
    crossing: bool = False
    credited: set[str] = field(default_factory=set)
    para_cases: int = 0
    fired: set[str] = field(default_factory=set)
    among_at: int = 0
    """The index of the paragraph's first sentence opening with "Among" (``len(sents)`` when none)."""

    @property
    def s(self) -> Sentence:
        """The sentence."""
        return self.sents[self.i]


@dataclass(frozen=True, slots=True)
class Rule:
    """One kind of statement: a name a person can read, a pattern, and a production.

    ``pattern`` is searched in the sentence first (``None``: every sentence); the production
    ``prod`` builds the facts the sentence states or declines with an empty list. Every fact
    records the rule that built it (``rule``), and :mod:`loaders.report` puts that name in its
    provenance. The rules run in the order of :data:`RULES`; adding a phrasing is adding a rule
    (or a word to :mod:`loaders.lexicon`), never editing the driver.
    """

    name: str
    pattern: re.Pattern[str] | None
    prod: Callable[[Clause], Sequence[Fact]]
    words: tuple[str, ...] = ()
    """A cheap first gate: the rule reads only a sentence holding one of these (lower case) strings."""

    @property
    def doc(self) -> str:
        """What the rule accepts and rejects: its production's docstring."""
        return (self.prod.__doc__ or "").strip()


def taken_back(c: Clause, step: Callable[[], object]) -> list[Fact]:
    """Run a reading step that appends to the state, and take back what it appended as the production."""
    st = c.st
    n_cases, n_adoptions, n_efforts = len(st.cases), len(st.adoptions), len(st.efforts)
    step()
    out: list[Fact] = [*st.cases[n_cases:], *st.adoptions[n_adoptions:], *st.efforts[n_efforts:]]
    del st.cases[n_cases:], st.adoptions[n_adoptions:], st.efforts[n_efforts:]
    return out


PLACE_INTRO_RE = re.compile(r"^\s*(?:Within|Inside|Across|Elsewhere in|Outside|Beyond)\s+[A-Z][^,;]{1,40},\s*(?=[A-Z])")
"""A place set off before the subject, where it acts, not who acts: ``Within Henan, Nanyang and Xinxiang ...``."""

NEXT_ACTOR_RE = re.compile(
    r"[,;]\s*(?:and|while|whereas)\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){1,4}(?:has|have|had)\s+(?:\w+ly\s+|also\s+)?"
    r"[a-z]+(?:ed|en|t)\b"
)
"""A clause after an adoption's object with a subject and a verb of its own (``Weifang adopted the voucher, and
Linyi has used the "..." service``): the object ends before it."""

TRAILING_TIME_RE = re.compile(
    r"\s+(?:(?:in|during|since|by|over|through)\s+(?:the\s+)?(?:(?:early|late|same)\s+)?|(?:last|this|that)\s+)"
    r"(?:spring|summer|autumn|fall|winter|year|month|quarter|(?:[A-Z][a-z]+\s+)?\d{4}|"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December))$"
)
"""A time after a practice's name (``... in the spring``, ``... last year``, ``... in March 2026``)."""


TRAILING_PLACE_RE = re.compile(
    r"\s+(?:on|in|at|along|for)\s+(?:(?:the\s+)?(?:[a-z][\w-]*\s+(?:of|in|at)\s+)?[A-Z][\w\s'’-]*"
    r"|(?:its|their)\s+(?:own\s+)?[a-z][\w\s'’-]*)$"
)
"""A place after a practice's name (``... for ship registration on the Yellow River``, ``... at its land ports``,
``... at the ports of Nanchang and Ganzhou``): where, not what."""

AREA_PAREN_RE = re.compile(r"\b[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2}\s+Area\s+\((?P<place>[A-Z][a-z]+)\)")
"""An area printed with its PFTZ's place in brackets: ``Lingang Special Area (Shanghai)``."""
OWNER_RE = re.compile(r"['’]s\s+")
"""A province's possessive right before a city of it: the city is the place (``Jiangxi's Ganzhou city``)."""


_FIRST_WORD_RE = re.compile(r"[A-Z][\w'’-]*")


@lru_cache(maxsize=8)
def _city_first_words(gaz: Gazetteer) -> frozenset[str]:
    return frozenset(
        w.group(0) for c in gaz.cities.values() for f in (c.name, *c.aliases) if (w := _FIRST_WORD_RE.match(f))
    )


def opens_with_city(gaz: Gazetteer, text: str, at: int) -> bool:
    """Whether ``text[at:]`` opens with the first word of a city of cities.csv: a cheap test before
    :meth:`Gazetteer.find_cities` (most sentences open with no city)."""
    w = _FIRST_WORD_RE.match(text, at)
    return w is not None and w.group(0) in _city_first_words(gaz)
