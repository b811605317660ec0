"""Read the narrative: zone cases, adoption events and cross-regional efforts.

Each kind of statement the report makes is one rule of :data:`RULES` (a
:class:`Rule`: a readable name, a gate, and a production taking the sentence
in its :class:`Clause` and returning the facts it states, its docstring saying
what it accepts and rejects); the words the rules are built from live in
:mod:`loaders.lexicon` (see ``docs/grammar.md``). The
rules work on sentences of :class:`~loaders.text.Paragraph` objects, so the
same records come out whatever the line layout (re-wrapped text, moved page
breaks). :func:`read_narrative` is pure: paragraphs, the outline and the
gazetteer in, frozen facts out, plus the coverage (every quoted span and zone
mention that produced no fact). :mod:`loaders.report` turns the facts into
records with provenance.

Nothing about this edition is hard-coded: places come from the gazetteer
(``data/reference/``), section roles from the report's own headings.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace

from pftz.loaders.documents import find_date
from pftz.loaders.lexicon import (
    ACTION_NOUNS,
    ACTIVE_ADOPT_VERBS,
    ADVERBS,
    AFTER_PHRASES,
    ANAPHORA,
    BEFORE_PHRASES,
    BODY_HEADS,
    BODY_NOUNS,
    BOUNDARY_WORDS,
    BY_ADOPT_VERBS,
    CARDINALS,
    CARDINALS_MORE,
    CASE_HEADS,
    CASE_VERB_STEMS,
    CASES_PART_HEADING,
    CO_ACTOR_WORDS,
    CROSS_REGIONAL_HEADING,
    DESIGNATED_SCOPES,
    EXAMPLE_LEADS,
    EXAMPLE_ORDINALS,
    GENERIC_PLURALS,
    INTO_ADOPT_VERBS,
    ITEM_PLURALS,
    JOINT_TITLE_WORDS,
    LAUNCH_PARTICIPLES,
    LIKENESS_ANAPHORA,
    LIST_JOINS,
    LOWER_BODY_HEADS,
    NATIONAL_SCOPES,
    NOT_FIRST_WORDS,
    ORDINALS,
    PASSIVE_ADOPT_VERBS,
    PASSIVE_ADOPT_VERBS_MORE,
    PASSIVE_AUXILIARIES_MORE,
    PILOT_INFINITIVES,
    PILOT_PARTICIPLES,
    PILOT_VERB_FORMS,
    PLURAL_ANAPHORA,
    PRACTICE_HEADS_MORE,
    PROVINCE_SCOPES,
    PROVINCE_SCOPES_MORE,
    QUANTITY_WORDS,
    QUOTED_HEADS_MORE,
    REFERENCE_PHRASES,
    REFERENCE_VERBS,
    REPLICATE_PATTERNS,
    SPAN_WORDS,
    SPREAD_VERBS,
    TITLE_WORDS,
    TITLE_WORDS_MORE,
    TITLED_CASE_HEADS,
    alternation,
    body_kind,
)
from pftz.loaders.quotes import Quoted, quoted_spans
from pftz.loaders.records import Section
from pftz.loaders.reference import Gazetteer, Mention
from pftz.loaders.structure import Outline
from pftz.loaders.text import Paragraph, sentences

FindZones = Callable[[str], list[Mention]]

# --------------------------------------------------------------------------- vocabulary
_ORD_EARLY = r"(?:\d{1,2}(?:st|nd|rd|th)|" + "|".join(ORDINALS) + ")"
CASE_VERBS = "(?:" + "|".join(CASE_VERB_STEMS) + r")\w*"
CASE_VERB_RE = re.compile(rf"\b{CASE_VERBS}\b", re.IGNORECASE)
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
REFERENCE_SCOPE_RE = re.compile(r"\bfor (?:local )?reference\b", re.IGNORECASE)
DESIGNATED_RE = re.compile(rf"\b{alternation(DESIGNATED_SCOPES)}\b")
COORDINATED_RE = re.compile(r"\b(?P<name>[A-Z][a-z]+) coordinated innovation zone of (?P<zone>[A-Z][a-z]+ PFTZ)\b")
_BODY_HEAD = alternation(h.title() for h in BODY_HEADS)
_CAP = r"[A-Z][\w–-]*"
ALLIANCE_RE = re.compile(
    rf"\b(?P<name>(?:{_CAP}\s+)*{_BODY_HEAD}\b"
    rf"(?:\s+(?:for|of|on|between|among)\s+(?:the\s+)?{_CAP}(?:(?:,\s+(?:and\s+)?(?=(?:{_CAP}\s+){{0,2}}PFTZs?\b)|\s+(?:(?:and|of|in|the)\s+)*){_CAP})*)?)"
)
"""A body of several members named with a capitalised head (:data:`loaders.lexicon.BODY_HEADS`) and an
optional ``for/of the <Proper Words>`` tail."""
_BODY_HEAD_RE = re.compile(rf"\b{_BODY_HEAD}\b")
_GENERIC_PLURAL_RE = re.compile(rf"(?:[a-z-]+\s+){{0,3}}{alternation(GENERIC_PLURALS)}")
_JOINT_DOCUMENT_RE = re.compile(rf"\b{alternation((*TITLE_WORDS, *JOINT_TITLE_WORDS))}\b")
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
_SEP_RE = re.compile(r"\s*(?:,\s*and|,\s*as well as|,|and|&)\s*")
_PFTZ_AFTER_RE = re.compile(r"\s+(?:Pilot\s+)?(?:P?FTZs?|Pilot Free Trade Zones?)(?:'s|’s|'|’)?")
_PFTZS_IN_RE = re.compile(r"(?:P?FTZs|[Pp]ilot [Ff]ree [Tt]rade [Zz]ones)\s+(?:in|of)\s+(?:the\s+)?$")
_DASH_LIST_RE = re.compile(r"PFTZs\b[^—–.;]{0,60}[—–]\s*$")
_POSSESSIVE_RE = re.compile(
    r"^\s*(?:'s|’s|'|’)\s+(?:(?:implementation|introduction|launch|initiative|reform|model|practice|innovation|"
    r"exploration|development)\s*(?:of\s+(?:a|an|the)\s+|,\s*|:\s*)?)?(?:(?:new|innovative|first|pioneering|the)\s+)*$"
)
_AFTER_QUOTE_RE = re.compile(r"^\s*(?:[\w'’-]+\s+){0,8}?(?:in|of|by|at|from)\s+(?:the\s+)?$")
_FULLER_RE = re.compile(
    r"^(?:\s+(?!(?:has|have|had|is|are|was|were|that|which|to|allows?|enables?|creates?|establish\w*|"
    r"implements?|extends?|targets?|introduc\w*|achiev\w*|breaks?|in|by|at|with|through|as|under|within|via|"
    r"across|between|among|while|thereby|thus)\b)"
    r"[a-z0-9][\w'’&+–-]*){1,10}"
)
_PRONOUN_RE = re.compile(r"^(?:It|The zone|The PFTZ|They|These PFTZs|The three PFTZs)\b")
TITLED_CASE_RE = re.compile(rf"\s+{alternation(TITLED_CASE_HEADS)}\b")
HEAD_NOUNS = rf"\s*(?:[\w-]+\s+){{0,2}}?(?:{'|'.join((*CASE_HEADS, 'management', 'supervision'))})s?\b"
ZONE_HINT_RE = re.compile(r"PFTZ|FTP|FTZ|Free\s+Trade", re.IGNORECASE)
"""Every zone form the gazetteer knows contains one of these: a cheap test before the full scan."""
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
    date: str = ""
    """The date printed in the adoption's own clause (``was introduced to X in 2026``, ``in March 2024, Y
    adopted ...``), ISO at its printed precision; ``""`` when the clause prints none."""


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


def _adopter_clause(rest: str, at: int = 0) -> str:
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
class _Sentence:
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
class _State:
    gaz: Gazetteer
    find_zones: FindZones
    last_named: Named | None = None
    last_set: tuple[Named, ...] = ()
    """Every innovation the last sentence that named any named: what a plural anaphor stands for."""
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
    if not ZONE_HINT_RE.search(text) and find_zones is None:
        return []
    # a given finder may read areas ("Chongzuo Area"), named without "PFTZ"
    zones = (find_zones or gaz.find_zones)(text)
    provs = gaz.find_provinces(text) if "FTZ" in text or ZONE_HINT_RE.search(text) else []
    runs: list[list[Mention]] = []
    for p in provs:
        if runs and _SEP_RE.fullmatch(text[runs[-1][-1].end : p.start]):
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


def join_co_actors(text: str, actors: list[Actor]) -> list[Actor]:
    """Actors joined by a co-actor phrase as one subject: ``X PFTZ, together with Y PFTZ, established ...``.

    Accepts the words of :data:`loaders.lexicon.CO_ACTOR_WORDS` between two zones when a comma or a
    verb follows the second (the subject goes on to its verb); ``in cooperation with Y PFTZ`` at the end
    of a clause is left apart.

    Examples
    --------
    >>> g = Gazetteer.default()
    >>> t = "Shandong PFTZ, together with Henan PFTZ, established a joint transit mechanism."
    >>> [a.keys for a in join_co_actors(t, find_actors(t, g))]
    [('shandong', 'henan')]
    """
    if len(actors) < 2 or not ("with" in text or "alongside" in text) or not _CO_ACTOR_RE.search(text):
        return actors
    out = [actors[0]]
    for a in actors[1:]:
        prev = out[-1]
        if _CO_ACTOR_RE.fullmatch(text, prev.end, a.start) and _CO_ACTOR_END_RE.match(text, a.end):
            out[-1] = Actor(prev.start, a.end, tuple(dict.fromkeys((*prev.keys, *a.keys))))
        else:
            out.append(a)
    return out


# --------------------------------------------------------------------------- names
def is_case_name(name: str, sentence: str, q: Quoted, *, lead: bool = False) -> bool:
    """Whether a quoted span can name an innovation.

    Rejects: fewer than two words (unless a hyphenated word before a head
    noun: ``the "one-bill" system``); a proper name in title case (a policy
    document, a platform, a product or brand: ``"Action Plan for ..."``,
    ``"Single Window"``, ``"Sci-Tech Easy Loan"``) unless it is followed by
    ``initiative``/``model``/``mechanism``/``reform`` or ``lead`` is set (the
    subject of a Part II case paragraph's first sentence); a span right after a
    document verb (``issued the "..."``, ``titled``) or a slogan lead
    (``called for "..."``); a span followed by a document number; any quote of
    a sentence describing the old practice (``Prior to the reform, ...``).

    Examples
    --------
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
    article = re.search(r"\b(?:the|a|an|new|first|pilot)\s*$", sentence[: q.start])
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
    >>> s = 'cases include the new "smart form" model for business registration and the rest.'
    >>> fuller_name(s, quoted_spans(s)[0])
    'smart form model for business registration and the rest'
    """
    m = _FULLER_RE.match(sentence[q.end :])
    if not m:
        return ""
    return f"{q.name.replace(chr(34), '')}{m.group(0)}".strip()


# --------------------------------------------------------------------------- zone-case rules
def _chain(s: _Sentence, last: Actor) -> Actor:
    """``Shanghai PFTZ and Anhui PFTZs'``: the actors joined to ``last`` by commas or ``and``, as one."""
    before = [a for a in s.actors if a.end <= last.start]
    first = last
    keys = list(last.keys)
    for a in reversed(before):
        if not _SEP_RE.fullmatch(s.text[a.end : first.start]):
            break
        keys = list(a.keys) + keys
        first = a
    return Actor(first.start, last.end, tuple(dict.fromkeys(keys)))


def looks_like_innovation(s: _Sentence, q: Quoted) -> bool:
    """Whether a name read by the verb or pronoun rules is an innovation rather than a descriptive phrase.

    Accepts a name of three or more words, or one followed by a head noun
    (``"..." model``, ``service``, ``mechanism`` ...) or preceded by
    ``nation's first``/``new``. Rejects a phrase after ``previous``,
    ``traditional``, ``from the``/``to the`` (the old and new states of a reform).
    """
    head = s.text[max(0, q.start - 30) : q.start]
    if re.search(r"\b(?:previous|former|traditional|old|existing|from the|to the|into)\s*$", head):
        return False
    if re.match(HEAD_NOUNS, s.text[q.end :]) or re.search(r"(?:first|new|innovative)\s*$", head):
        return True
    return len(q.name.split()) >= 3 and not re.search(r"[,;]", q.name)


def case_possessive(s: _Sentence, q: Quoted, prior: Actor | None) -> Actor | None:
    """``Shanghai PFTZ's "integrated license ..."``: the zone right before the name, as a possessive.

    Accepts ``'s``/``'`` and ``new``/``innovative`` between. Rejects anything else in the gap.
    """
    if prior is not None and _POSSESSIVE_RE.fullmatch(s.text[prior.end : q.start]):
        return _chain(s, prior)
    return None


def case_verb(s: _Sentence, q: Quoted, prior: Actor | None, gaz: Gazetteer | None = None) -> Actor | None:
    """``Hubei PFTZ has explored a "..." model``, ``launched the nation's first "..." service``.

    The last zone before the name is the subject when an innovation verb
    stands between them, at most 25 words and no semicolon apart, and no other
    zone intervenes; any verb will do before ``the nation's first``. Rejects a
    name right after a document verb (see :func:`is_case_name`), and one whose
    verb has another subject, a region of the gazetteer ``gaz`` after a clause
    break (``..., and Inner Mongolia introduced "..."``).
    """
    if prior is None:
        return None
    gap = s.text[prior.end : q.start]
    verbs = list(CASE_VERB_RE.finditer(gap))
    if not verbs and (fm := _FIRST_BEFORE_RE.search(gap)) and len(gap.split()) <= 8:
        verbs = [fm]  # "released the nation's first "general data list"": a first of its kind is the zone's own
    if ";" in gap or len(gap.split()) > 25 or not verbs:
        return None
    if len(gap[verbs[-1].end() :].split()) > 8 or not looks_like_innovation(s, q):
        return None
    cut = _CLAUSE_CUT_RE.search(gap)
    if cut and gaz is not None and gaz.find_provinces(gap[cut.end() :], exclude_zones=True):
        return None  # "..., and Inner Mongolia introduced "...": another subject, a region, took the verb
    return _chain(s, prior)


_FIRST_BEFORE_RE = re.compile(
    r"\b(?:[a-z]+ed|[a-z]+s)\s+(?:(?:the|a|an)\s+(?:(?:nation|country|world)['’]s\s+)?|China['’]s\s+)first\s+$"
)
"""A verb and ``the nation's first`` right before a quoted name: ``released the nation's first "..."``."""


def case_pronoun(s: _Sentence, q: Quoted, prior: Actor | None, last_subject: Actor | None) -> Actor | None:
    """``It has introduced the "..."``: a sentence opening with a pronoun continues the previous subject zone.

    Accepts ``It``, ``The zone``, ``They`` ... followed by an innovation verb
    before the name, when no zone is named in between.
    """
    if prior is not None or last_subject is None or not _PRONOUN_RE.match(s.text):
        return None
    if not CASE_VERB_RE.search(s.text[: q.start]) or len(s.text[: q.start].split()) > 25:
        return None
    return last_subject if looks_like_innovation(s, q) else None


_QUOTE_SUBJECT_RE = re.compile(r"^\s*(?:The|This|Its|Their)\s+$")
_QUOTE_SUBJECT_VERB_RE = re.compile(
    rf"^(?:{HEAD_NOUNS})?\s+(?:(?:also|now|further)\s+)?(?:[a-z]+s|has|is|was|allowed|enabled|made)\b(?<!\bis)"
)


def case_quote_subject(s: _Sentence, q: Quoted, prior: Actor | None, last_subject: Actor | None) -> Actor | None:
    """``Hebei PFTZ's Xiong'an Area applies AI ... . The "smart review of ..." checks compliance``: a quoted name
    opening its sentence as its subject is a case of the paragraph's subject zone.

    Accepts ``The``/``This``/``Its`` and the quoted name (a head noun may follow) as the subject of a verb
    (``checks``, ``allows``, ``has``), no zone named before it in the sentence. The caller rejects it when a
    case of the paragraph was credited to that zone already (a later sentence describes that case).
    """
    if prior is not None or last_subject is None or not _QUOTE_SUBJECT_RE.match(s.text[: q.start]):
        return None
    if not _QUOTE_SUBJECT_VERB_RE.match(s.text[q.end :]) or len(q.name.split()) < 3:
        return None
    return last_subject


_ITS_RE = re.compile(r"\bits\s+(?:own\s+|new\s+)?$")


def case_its(s: _Sentence, q: Quoted, prior: Actor | None) -> Actor | None:
    """``... the special legal status of Hainan Free Trade Port, such as its "zero-tariff list ..."``: ``its`` right
    before the name stands for the one zone named just before it.

    Accepts at most twelve words and no semicolon between that zone and the name, and an innovation's name
    (:func:`looks_like_innovation`). Rejects a gap naming another body or place (an ``its`` of that one).
    """
    if prior is None or len(prior.keys) != 1:
        return None
    gap = s.text[prior.end : q.start]
    if not _ITS_RE.search(gap) or ";" in gap or len(gap.split()) > 12 or re.search(r"\b[A-Z]", gap):
        return None
    return prior if looks_like_innovation(s, q) else None


_UNDER_RE = re.compile(r"^\s*(?:Under|Through|With|Via|By means of)\s+(?:the|its|their|a|an)\s+$")


def case_under(s: _Sentence, q: Quoted) -> Actor | None:
    """``Under the "Kashgar centralized inspection model ...", Xinjiang PFTZ's Kashgar Area carries out ...``: the
    zone that stands as the subject right after the introductory phrase naming the innovation.

    Accepts ``Under``/``Through``/``With``/``Via`` and an article before the name, at most three words after
    it, a comma and the zone. Rejects a name the sentence does not open with.
    """
    if not _UNDER_RE.match(s.text[: q.start]):
        return None
    nxt = next((a for a in s.actors if a.start >= q.end), None)
    gap = s.text[q.end : nxt.start] if nxt else ""
    if nxt is None or not gap.rstrip().endswith(",") or len(gap.split()) > 4 or ";" in gap:
        return None
    return nxt


def case_after(s: _Sentence, q: Quoted) -> list[Actor]:
    """``The "..." in Shandong PFTZ and Henan PFTZ``, ``the "..." model of Tianjin PFTZ``.

    The zones named right after the name (after at most eight words and
    ``in``/``of``/``by``/``at``), several when joined by ``and`` or commas.
    """
    out: list[Actor] = []
    following = [a for a in s.actors if a.start >= q.end]
    if not following:
        return out
    gap = s.text[q.end : following[0].start]
    if not _AFTER_QUOTE_RE.fullmatch(gap):
        return out
    out.append(following[0])
    for a, b in itertools.pairwise(following):
        gap = s.text[a.end : b.start]
        if _OF_SAME_RE.fullmatch(gap) and {k.split("/", 1)[0] for k in a.keys} == set(b.keys):
            continue  # "the Guoyuan Port Area of the China (Chongqing) PFTZ": the area and its PFTZ, one actor
        if not _SEP_RE.fullmatch(gap) and not _SEP_THE_RE.fullmatch(gap):
            break
        out.append(b)
    return out


_OF_SAME_RE = re.compile(r"\s+of\s+(?:the\s+)?")
_SEP_THE_RE = re.compile(r"\s*(?:,\s*and|,|and)\s+the\s+")
"""Zones joined with an article: "by the Guoyuan Port Area ... and the Qinzhou Port Area of the Guangxi FTZ"."""


def case_inside(s: _Sentence, q: Quoted) -> list[Actor]:
    """``The "new mechanism ... in PFTZs in Beijing, Tianjin, and Hebei" has been adopted``: zones inside the name.

    Accepts a name of five or more words that opens its sentence (``The "..."``)
    and names the zones itself. Rejects names in title case (documents, see
    :func:`is_case_name`) and names elsewhere in a sentence.
    """
    if len(s.text[: q.start].split()) > 1 or len(q.name.split()) < 5:
        return []
    return [a for a in s.actors if q.start < a.start and a.end <= q.end]


_ADVERBS = rf"(?:{alternation(ADVERBS)}\s+)*"
_INTRO = r"(?:[A-Z][^,;:.\"“”]{0,60},\s*)?"
"""An introductory phrase before a subject (``For example,``, ``In collaboration with ...,``)."""
PRACTICE_VERBS = "|".join(PILOT_VERB_FORMS)
"""Verbs whose object may name a practice (past, present; ``include`` for ``These include ...``)."""
PRACTICE_ING = "|".join(PILOT_PARTICIPLES)
"""Participles that continue a clause with another practice (``..., establishing a ... mechanism``)."""
PRACTICE_INF = "(?:" + "|".join(PILOT_INFINITIVES) + ")"
"""Infinitives of purpose that continue a clause with a practice (``partnered with X to provide ...``)."""
_VERB_AT_RE = re.compile(
    r"\s*(?:['’]s\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,4}\s+)?(?:,[^,;\"“”]{0,130},\s*)?"
    rf"(?:has |have |had )?{_ADVERBS}(?P<verb>{PRACTICE_VERBS}|[a-z]+ed)\b\s*"
)
"""The verb after a subject: ``'s Lin-gang Special Area has launched``, ``, in response to ...,  explored``."""
_NEXT_CLAUSE_RE = re.compile(
    r"(?:,\s*(?:and\s+|as well as\s+|thereby\s+)?|\s+and\s+|\s+by\s+|\s+to\s+)"
    r"(?:also\s+|jointly\s+|further\s+|successfully\s+)*"
    rf"(?P<verb>(?<=\sto\s){PRACTICE_INF}|{PRACTICE_VERBS}|{PRACTICE_ING}|[a-z]+ed)\b\s*"
)
_NEXT_ITEM_RE = re.compile(r"(?:,\s*(?:and\s+)?|,?\s*as well as\s+|\s+and\s+)(?=(?:the|a|an)\s)")
_NEW_CLAUSE_WORD_RE = re.compile(r"\b(?:which|that|who|where|while|and [a-z]+s)\b|;")
_LATER_CLAUSE_RE = re.compile(
    rf",\s*(?:and\s+)?(?:also\s+|jointly\s+|further\s+|successfully\s+)*(?P<verb>{PRACTICE_VERBS}|{PRACTICE_ING})\b\s*"
)
_COUNT_WORDS = frozenset(QUANTITY_WORDS)
_BODY_NOUNS = frozenset(BODY_NOUNS)
"""Nouns in ``-tion`` that name a body or a place, not an action (``the first ... research institution``)."""
_ACTION_NOUN_RE = re.compile(r"(?:tion|sion|ance|ence|ing|val|wal)s?$")
_PRACTICE_VERB_RE = re.compile(rf"(?:{PRACTICE_VERBS}|{PRACTICE_ING}|{PRACTICE_INF})$")
BARE_SUBJECT_RE = re.compile(rf"^\s*{_INTRO}(?:the\s+)?PFTZs?\b")
"""A sentence whose subject is an unnamed PFTZ (or PFTZs in general): the paragraph's subject zone ends."""
_SUBJECT_PRONOUN_RE = re.compile(
    rf"^\s*(?P<intro>{_INTRO})"
    r"(?:[Ii]t|[Tt]hey|[Tt]he zone|[Tt]he PFTZ|These(?: initiatives| efforts)?|This(?: initiative)?)\b"
)
_PRACTICE_END_RE = re.compile(
    r"[;:,—]|\.(?:\s|$)|\s–\s|\s\((?![A-Z]{2,}\))|\s(?:to\s(?![A-Z])|which|that|who|whereby|thereby|so that|in order|"
    r"while|where|aiming|by|through|in China|in the country|nationwide|as well as|has|have|had|was|were|is|are)\b|"
    r"\sand\s|$"
)
"""Where an object phrase ends (``and`` only before a verb or a ``first``: :data:`_AND_SPLIT_RE`)."""
_AND_SPLIT_RE = re.compile(
    rf"(?:also\s+)?(?:{PRACTICE_VERBS}|{PRACTICE_ING}|[a-z]+ed\s+(?:the|a|an)\s)|"
    r"(?:the\s+)?(?:[\w-]+(?:\s[A-Z][\w-]*){0,3}['’]s\s+)?first\s"
)
_ARTICLES_RE = re.compile(r"^(?:(?:[Tt]he|[Aa]n?|its|their)\s+)+")
_FIRST_RE = re.compile(
    r"^(?:(?:the|a|an)\s+)?(?:(?:nation|country|China|world|[A-Z][\w-]*(?:\s[A-Z][\w-]*){0,3})['’]s\s+)?"
    r"first\s+(?!(?:time|of|such|batch|phase|half|in|to|among)\b)(?:(?:ever|nationwide)\s+)?"
)
_NOMINAL_RE = re.compile(
    rf"^{alternation(ACTION_NOUNS)}(?:\s+and\s+(?:establishment|launch|operation|inauguration|implementation))?\s+of\s+"
)
"""An action noun before the practice it acts on (``the establishment of the ... Base``): read past it."""
PRACTICE_HEADS = frozenset(CASE_HEADS) | frozenset(PRACTICE_HEADS_MORE)
"""Head nouns of a named practice: what the text builds, not an activity or a place."""
_BOUNDARY_WORDS = frozenset(BOUNDARY_WORDS)
"""Words that end a noun phrase's pre-head part (prepositions, post-modifying participles)."""
_SUPERLATIVE_RE = re.compile(r"^(?:[\w-]+['’]s\s+)?(?:largest|biggest|highest|most|leading|top|only)\b")
_NOT_FIRST_WORDS = frozenset(NOT_FIRST_WORDS)


def _head(words: Sequence[str]) -> int:
    """Index of a noun phrase's head: the word before the first preposition or post-modifier."""
    for i, w in enumerate(words):
        if i and w.lower() in _BOUNDARY_WORDS:
            return i - 1
    return len(words) - 1


def _is_head_noun(word: str) -> bool:
    """Whether ``word`` (singular or plural) is one of :data:`PRACTICE_HEADS`."""
    w = word.lower().strip("\"“”'’")
    return (
        w in PRACTICE_HEADS
        or (w.endswith("s") and w[:-1] in PRACTICE_HEADS)
        or (w.endswith("es") and w[:-2] in PRACTICE_HEADS)
    )


def practice_name(phrase: str, *, first: bool = False, joint: bool = False) -> str:
    """The practice an unquoted object phrase names, or ``""`` when it names an activity.

    The rule: read past an action noun (``the establishment of``, ``the launch
    of``, ``the use of``) and an ``X such as`` lead, then past the articles and a
    ``(the nation's|China's|the country's|<Place>'s) first`` marker. A phrase
    marked ``first`` (or the object of ``pioneered``) is a practice when it has
    three words or more and its head is a head noun or an action noun
    (``-tion``, ``-ance``, ``-ing``, ``approval``: ``duty exemption for ...``,
    ``unloading and warehousing of ...``), not a thing (``the first ... transport
    vehicle``, ``the first ... shipment``, ``the first ... research institution``).
    What several zones did ``jointly`` (``joint``) is a joint practice when it
    has three words or more. Otherwise its head noun (the word before the first
    preposition or post-modifier) must be one of :data:`PRACTICE_HEADS`
    (model, mechanism, system, platform, service, window, base, zone, channel,
    business, case, project, program, transaction, payment, subcenter, ...),
    with at least one modifier before it and three words in all: ``has
    advanced bonded maintenance``, ``pilot tests``, ``a dedicated platform``,
    ``platforms in Uzbekistan for ...`` and ``a comprehensive textile and
    apparel industrial chain`` are activities or generic things. Rejected
    always: a phrase opening with a pronoun, a preposition, a number or a
    superlative (``Beijing's largest ... platform`` ranks, it does not name), a
    generic activity (``explorations``, ``efforts``, ``cooperation``), a
    document (``Plan``, ``Measures`` ...).

    Examples
    --------
    >>> practice_name("a regulatory sandbox for the AI sector")
    'regulatory sandbox for the AI sector'
    >>> practice_name("the nation's first bonded maintenance project for automobile transmissions")
    'bonded maintenance project for automobile transmissions'
    >>> practice_name("mutual recognition of import inspection and quarantine measures"), practice_name("pilot tests")
    ('', '')
    """
    p = _ARTICLES_RE.sub("", phrase.strip())
    used = p if first and p.startswith(_USE_NOUNS) else ""  # "the use of <things> in <places>": a practice piloted
    if m := _NOMINAL_RE.match(p):
        p = _ARTICLES_RE.sub("", p[m.end() :])
    if (k := p.find(" such as ")) >= 0:
        p = _ARTICLES_RE.sub("", p[k + 9 :])
    if m := _FIRST_RE.match(p):
        p, first = p[m.end() :], True
    p = _QUOTE_MARKS_RE.sub("", p).strip()
    p = _TRAILING_AND_RE.sub("", _SPACES_RE.sub(" ", p))
    words = p.split()
    if not 2 <= len(words) <= 24 or not words[0][:1].isalnum() or words[0].lower() in _NOT_FIRST_WORDS:
        return ""
    if (words[0][0].isdigit() and words[0].strip("0123456789,.") == "") or (
        words[0].endswith("ing") and (words[1].endswith("s") or words[1] in ("the", "a", "an"))
    ):
        return ""  # a number of things; a gerund's object ("enhancing mechanisms for ...") is an activity
    if _SUPERLATIVE_RE.match(p) or GENERIC_OBJECT_RE.match(p):
        return ""
    if _DOCUMENT_WORD_RE.search(p):
        return ""
    h = _head(words)
    if words[0].lower() in _COUNT_WORDS and words[h].endswith("s"):
        return ""  # a count of things ("two service platforms for ..."), not a name ("four teams working mechanism")
    if joint:
        return p if len(words) >= 3 else ""
    if first:
        head = words[h].lower()
        action = _ACTION_NOUN_RE.search(head) is not None and head not in _BODY_NOUNS
        if len(words) >= 3 and (_is_head_noun(head) or action):
            return p
        return used if len(used.split()) >= 5 and not _DOCUMENT_WORD_RE.search(used) else ""
    if h == 0 and len(words) >= BARE_HEAD_WORDS and words[0].lower() in CASE_HEADS and words[1] in ("for", "of"):
        return p  # "a mechanism for the direct recognition of Hong Kong professional qualifications"
    return p if h >= 1 and len(words) >= 3 and _is_head_noun(words[h]) else ""


_USE_NOUNS = ("use of ", "application of ", "operation of ")
"""Action nouns that, piloted, name the practice with their object (``piloted the use of ... in ...``)."""
BARE_HEAD_WORDS = 6
"""Words a phrase needs when its head noun has no modifier before it (``mechanism for <4 words or more>``)."""


_CLOSE_QUOTE_RE = re.compile(r"[\"”]")
_QUOTE_CHAR_RE = re.compile(r"[\"“”]")
_QUOTE_MARKS_RE = re.compile(r"(?<![\w])['‘]|['’](?![\w])|[\"“”]")
_SPACES_RE = re.compile(r"\s+")
_TRAILING_AND_RE = re.compile(r"\s+(?:and|or)$")
_DOCUMENT_WORD_RE = re.compile(rf"\b{alternation(TITLE_WORDS)}\b")
_APPOSITION_RE = re.compile(r",\s*the\s+[\"“]([^\"“”]{6,120})[\"”]")
"""``X, the "<name>"``: the name an object phrase is given in apposition."""


def _object_at(text: str, at: int) -> tuple[str, int]:
    """The object phrase starting at ``text[at:]`` up to its clause end, and the end offset."""
    i = at
    while True:
        m = _PRACTICE_END_RE.search(text, i)
        if m and m.group(0) == " and " and not _AND_SPLIT_RE.match(text, m.end()):
            i = m.end() - 1
            continue
        end = m.start() if m else len(text)
        so_far = _FIRST_RE.sub("", _ARTICLES_RE.sub("", text[at:end].strip()))
        if m and len(_QUOTE_CHAR_RE.findall(text, at, end)) % 2 and (close := _CLOSE_QUOTE_RE.search(text, end)):
            i = close.end()  # a clause end inside a quoted part of the name
            continue
        # coordinated modifiers: "scenario-based, field-level negative list"
        if m and m.group(0) == "," and len(so_far.split()) == 1 and "-" in so_far:
            i = m.end()
            continue
        return text[at:end], end


def case_unquoted_object(
    s: _Sentence, last_subject: Actor | None = None, used: Iterable[int] = ()
) -> list[tuple[Actor, str]]:
    """``Anhui PFTZ pioneered the nation's first bonded maintenance project for ...``: unquoted named practices.

    The subject is a zone (or a list of zones) right before the verb, an
    optional parenthetical between (``Jiangsu PFTZ, in response to ...,
    explored``), or ``It``/``They``/``The zone``/``This``/``These`` continuing the
    paragraph's subject zone. A chain of clauses sharing that subject is
    followed: ``..., launched A, explored B, and established C``, participles
    (``..., establishing A``, ``by establishing A and creating B``) and lists of
    objects (``A, B, and C``, ``A, as well as the first B``). Each object
    runs to its clause end (a comma, ``;``, ``which``, ``to <verb>``, ``by``,
    ``thereby``, ``and <verb>``, a dash, a sentence end) and is a case when
    :func:`practice_name` accepts it, for the verbs of :data:`PRACTICE_VERBS`
    and :data:`PRACTICE_ING` only. An object followed by an apposition
    ``, the "<name>"`` takes that name. Rejects an object holding a quoted
    span a quoted rule already read (offsets in ``used``).
    """
    out: list[tuple[Actor, str]] = []
    starts: list[tuple[Actor, int, bool]] = [(a, a.end, False) for a in s.actors]
    if last_subject is not None and (pm := _SUBJECT_PRONOUN_RE.match(s.text)):
        # "In Hengqin, the zone piloted ...": an area the intro names is where the zone acted
        where = [a for a in s.actors if a.end <= pm.end("intro") and a.keys[0].split("/", 1)[0] in last_subject.keys]
        subject = where[0] if len(where) == 1 and len(last_subject.keys) == 1 else last_subject
        starts.insert(0, (subject, pm.end(), pm.group(0).rstrip().endswith(("This", "These", "initiative"))))
    taken = sorted(used)
    actor_starts = [x.start for x in s.actors]
    for a, at, demonstrative in starts:
        m: re.Match[str] | None = _VERB_AT_RE.match(s.text, at)
        if m and at == a.end:
            # "Fujian PFTZ and Anhui PFTZ have ...": one joint subject
            a = _joint_subject(s, bisect.bisect_left(actor_starts, a.start))
        while m:
            verb = m.group("verb")
            good = _PRACTICE_VERB_RE.match(verb) is not None
            if demonstrative:  # "This provides ...": a description; "These include the launch of ...": cases
                good, demonstrative = verb.startswith(("include", "resulted")), False
            heads: list[str] = []
            apposition = False
            obj_at = m.end()
            while True:
                obj, end = _object_at(s.text, obj_at)
                ap = _APPOSITION_RE.match(s.text, end)
                k = bisect.bisect_left(taken, obj_at)
                quoted_case = k < len(taken) and taken[k] <= end
                if good and not quoted_case:
                    jointly = len(a.keys) > 1 and "jointly" in s.text[m.start() : m.start("verb")]
                    # "launched X, the first such operation at a Chinese port": the apposition says first
                    first = verb.startswith(("pioneer", "pilot")) or bool(_FIRST_APPOSITION_RE.match(s.text, end))
                    name = practice_name(obj, first=first, joint=jointly)
                    words = name.split()
                    head = words[_head(words)].lower() if words else ""
                    if name and ap:
                        name = ap.group(1).strip()
                    if name and not (apposition and head in heads):  # "X platform, a ... platform" restates X
                        out.append((a, name))
                    heads.append(head)
                if ap:
                    end = ap.end()
                # another object of the same verb: "an AI data training base, a regulatory sandbox ..."
                item = _NEXT_ITEM_RE.match(s.text, end) if good else None
                if item is None or _NEXT_CLAUSE_RE.match(s.text, end):
                    break
                obj_at = item.end()
                apposition = item.group(0).strip() == ","
            m = _NEXT_CLAUSE_RE.match(s.text, end)
            if m is not None and quoted_case and m.group("verb").endswith("ing"):
                break  # "has pioneered a "..." reform, introducing ...": the participle describes that case
            k = bisect.bisect_left(actor_starts, end)
            stop = actor_starts[k] if k < len(actor_starts) else len(s.text)  # another zone: another subject
            # "..., pioneered joint development, protection, and enforcement of ..., piloted new models ..."
            if (
                m is None
                and (later := _LATER_CLAUSE_RE.search(s.text, end, stop))
                and not _NEW_CLAUSE_WORD_RE.search(s.text, end, later.start())
            ):
                m = later
    return list(dict.fromkeys(out))


_FIRST_APPOSITION_RE = re.compile(r",\s*(?:the|a)\s+(?:(?:nation|country|world)['’]s\s+)?first\b(?!\s+(?:time|batch))")
"""An apposition that marks the object before it a first of its kind: ``X, the first such operation in China``."""
_FIRST_SUBJECT_RE = re.compile(rf"^\s*{_INTRO}(?=[Tt]he first\s)")
_WHILE_FIRST_RE = re.compile(r",\s*while\s+(?=the first\s)")
_PASSIVE_RE = re.compile(
    r"\s*(?:in China\s+|in the country\s+|nationwide\s+)?(?:(?:was|were|has been|have been|had been|has|have)\s+)?"
    r"(?:[a-z]+ly\s+)?[a-z]+ed\b"
)
_SET_UP_RE = re.compile(rf"^\s*{_INTRO}(?=(?:A|An)\s)")
_SET_UP_VERB_RE = re.compile(
    r"\s*(?:has|have|had)\s+been\s+(?:set up|established|launched|created|built|introduced|opened|piloted)\b"
)


def case_passive_subject(s: _Sentence, last_subject: Actor | None = None) -> list[tuple[Actor, str]]:
    """A practice as the subject of a passive: ``The first <practice> ... was issued ... in Shanghai PFTZ``.

    Two forms: ``The first <NP> ... (was|has been) <verb>ed ... <zone>``
    (also after ``, while``), credited to the zone named after the verb
    (none: no case, e.g. ``The first Hong Kong SAR hospital has been
    certified``); and ``A|An <NP> has been set up|established|launched ...``,
    credited to a zone named after the verb, else to the paragraph's subject
    zone. The phrase must pass :func:`practice_name` (``first`` for the first form).
    """
    out: list[tuple[Actor, str]] = []
    if "he first " in s.text:
        at = [m.end() for m in _WHILE_FIRST_RE.finditer(s.text)] if ", while" in s.text else []
        if fm := _FIRST_SUBJECT_RE.match(s.text):
            at.insert(0, fm.end())
        for i in at:
            obj, end = _object_at(s.text, i)
            v = _PASSIVE_RE.match(s.text, end)
            if not v:
                continue
            after = [a for a in s.actors if a.start >= v.end() and ";" not in s.text[end : a.start]]
            if after and (name := practice_name(obj)):
                out.append((after[0], name))
    if " been " in s.text and (sm := _SET_UP_RE.match(s.text)):
        obj, end = _object_at(s.text, sm.end())
        v = _SET_UP_VERB_RE.match(s.text, end)
        if v:
            after = [a for a in s.actors if a.start >= end]
            actor = after[0] if after else last_subject
            if actor is not None and (name := practice_name(obj)):
                out.append((actor, name))
    return out


_LAUNCHED_BY_SUBJECT_RE = re.compile(rf"^\s*(?:{_INTRO}(?=(?:A|An|The)\s)|(?=[A-Z][a-z]+\s+[a-z]))")
_LAUNCHED_BY_RE = re.compile(
    rf"\s*,\s*(?:(?:jointly|first|initially|originally)\s+)?{alternation(LAUNCH_PARTICIPLES)}\s+(?:jointly\s+)?by\s+"
    r"(?:the\s+)?"
)


def case_launched_by(s: _Sentence) -> list[tuple[Actor, str]]:
    """A practice as the subject, its zones in an appositive: ``A <practice>, jointly launched by X and Y PFTZs, has
    allowed ...``, ``Shipping information sharing for ..., jointly launched by Hubei and Hunan PFTZs, lets ...``
    (:data:`loaders.lexicon.LAUNCH_PARTICIPLES`).

    The zones must follow ``by`` at once; the phrase must pass :func:`practice_name` (as a joint practice when
    several zones launched it).
    """
    if " by " not in s.text or not (sm := _LAUNCHED_BY_SUBJECT_RE.match(s.text)):
        return []
    obj, end = _object_at(s.text, sm.end())
    v = _LAUNCHED_BY_RE.match(s.text, end)
    if not v:
        return []
    at = [a for a in s.actors if a.start == v.end()]
    if not at or not (name := practice_name(obj, joint=len(at[0].keys) > 1)):
        return []
    return [(at[0], name)]


_ESTABLISHED_IN_RE = re.compile(
    r"\b(?:establishment|launch|creation|introduction|construction|opening) of (?:the |a |an )"
    r"(?P<name>[^,;.:\"“”]{8,160}?)\s+(?:in|of|at|by)\s+$"
)


def case_established_in_zone(s: _Sentence) -> list[tuple[Actor, str]]:
    """``the establishment of the North China (TEDA) One-Stop Overseas Service Base in Tianjin PFTZ``.

    An action noun (establishment, launch, creation, introduction,
    construction, opening) ``of`` a practice followed by ``in``/``of``/``at``/``by``
    and a zone: the zone is the practice's origin. The phrase must pass
    :func:`practice_name` (a proper name counts: its last word is a head noun).
    """
    out: list[tuple[Actor, str]] = []
    if " of " not in s.text:
        return out
    for a in s.actors:
        m = _ESTABLISHED_IN_RE.search(s.text[max(0, a.start - 200) : a.start])
        if m and (name := practice_name(m.group("name"))):
            out.append((a, name))
    return out


GENERIC_OBJECT_RE = re.compile(
    r"(?:explorations?|efforts?|reforms? in|collaboration|cooperation|broadening|expanding|launch of|"
    r"nation's first such|such|work|measures|strategic)\b",
    re.IGNORECASE,
)
"""Objects that name an activity, not a practice ("explorations in areas such as ...")."""


TOOK_LEAD_RE = re.compile(
    r"\b(?:took|taken|takes|take) the lead in (?:piloting|launching|implementing|exploring|introducing|"
    r"carrying out|conducting) (?:a |an |the )?(?P<name>[^,.;:\"“”]{8,160}?)(?=[,.;:]| to | by | which | that |$)"
)


_WHERE_TAIL_RE = re.compile(r"\s+(?:in|at)\s+(?:its|the|their)\s+(?:[A-Z][\w'’-]*\s+){1,5}Area$")
"""A place the practice was piloted in, at the end of its phrase: ``in its Tianjin Airport Area``."""


def case_took_lead(s: _Sentence, last_subject: Actor | None) -> list[tuple[Actor, str, int]]:
    """``X PFTZ took the lead in piloting the exemption of stamp duty on ...``: the piloted practice, unquoted.

    Accepts a zone subject before the phrase (or a pronoun continuing one);
    the name runs to the next punctuation or ``to``/``by``/``which``. Rejects
    a phrase with a quote in it (the quoted rules read those).
    """
    out: list[tuple[Actor, str, int]] = []
    if "the lead in" not in s.text:
        return out
    for m in TOOK_LEAD_RE.finditer(s.text):
        prior = [a for a in s.actors if a.end <= m.start()]
        actor = prior[-1] if prior else (last_subject if _PRONOUN_RE.match(s.text) else None)
        if actor is not None and len(m.group("name").split()) >= 3:
            name = _WHERE_TAIL_RE.sub("", m.group("name").strip())  # "... in its Tianjin Airport Area": the place
            out.append((actor, name, m.start("name")))
    return out


def _heading_case(paras: Sequence[Paragraph], title: str, actors_of: Callable[[str], list[Actor]]) -> CaseFact | None:
    """An unquoted bold case title: the item heading credited to the zone its first sentence opens with."""
    for p in paras:
        for off, s in sentences(p):
            acts = [a for a in actors_of(s) if len(s[: a.start].split()) <= 8]
            if acts:
                return CaseFact(title, acts[0].keys, p.line_at(off), s, "heading", joint=len(acts[0].keys) > 1)
            return None
    return None


# --------------------------------------------------------------------------- adoption rules
_AREA_PAREN_RE = re.compile(r"\b[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2}\s+Area\s+\((?P<place>[A-Z][a-z]+)\)")
"""An area printed with its PFTZ's place in brackets: ``Lingang Special Area (Shanghai)``."""


def _adopter(st: _State, subject: str) -> tuple[str, str, str, str] | None:
    """(kind, key, name, parent zone) of the adopter named in a sentence's subject."""
    if cm := COORDINATED_RE.search(subject):
        parent = st.gaz.zone(cm.group("zone"))
        if parent:
            return "coordinated", cm.group("name").lower(), cm.group("name"), parent
    if (am := _AREA_PAREN_RE.search(subject)) and (zone := st.gaz.zone(f"{am.group('place')} PFTZ")):
        return "zone", zone, am.group(0), ""
    zs = st.find_zones(subject)
    if zs:
        return "zone", zs[-1].key, zs[-1].text, ""
    ps = st.gaz.find_provinces(subject)
    cs = st.gaz.find_cities(subject)
    if cs and (not ps or cs[0].start < ps[0].start):
        return "city", cs[0].key, cs[0].text, ""  # "Ganzhou City in Jiangxi Province", "Kunshan, a county-level city"
    if ps:
        return "province", ps[-1].key, ps[-1].text, ""
    return None


def adoption_replicated(st: _State, s: _Sentence, outcome: str) -> list[AdoptionFact]:
    """``<adopter> replicated and scaled up the "<name>" from the Nth batch of ...`` and its variants.

    Accepts ``<adopter>'s replication and scaling of the "<name>"``,
    ``replicated and scaled up the 5th batch of best practices titled "<name>"``,
    ``learned from``, ``disseminated``. The adopter is the coordinated
    innovation zone, zone or province of the subject; the batch is the one the
    sentence names, if any. Rejects a sentence without an adopter or without
    a quoted name.
    """
    low = s.text.lower()
    m = ADOPT_VERB_RE.search(s.text) if "replicat" in low or "learn" in low or "disseminat" in low else None
    if not m:
        return []
    subject = s.text[: m.start()]
    who = _adopter(st, subject)
    if who is None:
        return []
    names = [q for q in s.quotes if q.start > m.start() and len(q.name.split()) >= 2]
    if not names:
        return []
    q = names[0]
    # the origin: a zone named between the verb and the name ("learned from Chongqing PFTZ's "...""), or just after
    near = [a for a in s.actors if m.end() <= a.start < q.start or 0 <= a.start - q.end <= 12]
    origins = tuple(k for a in near[:1] for k in a.keys if k != who[1])
    bm = BATCH_RE.search(s.text, m.start())
    batch = (_ordinal(bm.group("ord")), bm.group("what")) if bm else None
    st.used.add((id(s), q.start))
    kind, key, name, parent = who
    return [
        AdoptionFact(
            q.name,
            kind,
            key,
            name,
            s.line,
            s.original,
            "replicated",
            origins=origins,
            adopter_zone=parent,
            batch=batch,
            scope="province-wide" if PROVINCE_SCOPE_RE.search(s.text) else "",
            outcome=outcome,
        )
    ]


ADOPTS_RE = re.compile(r"\b(?:adopts|adopted|has been adopted)\b")
SCOPE_LIST_RE = re.compile(
    rf"\b(?:\d+|{alternation((*CARDINALS, *CARDINALS_MORE))}) (?:(?:pilot |other )?measures )?(?:are|were) "
    r"(?:to be |being )?"
    r"(?:replicated and scaled up|replicated|extended|rolled out|promoted)(?: (?:across|to|throughout|in))? "
    rf"(?P<scope>{alternation(NATIONAL_SCOPES)}),? including (?P<list>.+?)(?:, among others)?\.?$",
    re.IGNORECASE,
)


def adoption_scope_list(s: _Sentence) -> list[AdoptionFact]:
    """``17 measures are replicated and scaled up across all PFTZs, including A, B, and C``: one event per item.

    The adopter is the scope as printed (``all PFTZs``, ``nationwide``); items
    are split at commas (and a final ``and``). Rejects a sentence without such
    a list.
    """
    m = SCOPE_LIST_RE.search(s.text)
    if not m:
        return []
    items = [x.strip() for x in re.split(r",\s*(?:and\s+)?|\s+and\s+(?=[a-z]+ing\b)", m.group("list"))]
    scope = "all PFTZs" if "pftz" in m.group("scope").lower() else "nationwide"
    return [
        AdoptionFact(x, "scope", scope, scope, s.line, s.original, "scope-list", scope=scope)
        for x in items
        if len(x.split()) >= 3 and x[:1].islower()
    ]


NEW_BATCH_RE = re.compile(
    r"\breplicat\w* and scal\w*(?: up)? (?:of )?(?:a |the )?new batch\b|"
    r"\b(?:released|issued|launched|produced) (?:a |the |their )?new batch(?:es)?\b[^.;]*\breplicated (?:them|it)\b|"
    r"\b(?:released|issued|launched|produced|published) (?:a |the |their |its )?new batch(?:es)? (?:of |for )"
    r"(?P<scope>provincial|province-wide|region-wide) replication\b",
    re.IGNORECASE,
)


def adoption_batch_statement(st: _State, s: _Sentence) -> list[AdoptionFact]:
    """``PFTZs in Fujian, Liaoning, ... promoted the replication and scaling of a new batch ... across their
    respective provinces``, ``PFTZs in A, B and other provinces released new batches of provincial replication``:
    a provincial batch adopted province-wide, one event per zone named, no innovation named.

    Rejects a sentence that quotes names (the named-example rules read those)
    or states no province-wide scope.
    """
    m = NEW_BATCH_RE.search(s.text) if "new batch" in s.text and not s.quotes else None
    if m is None or not (m.group("scope") or PROVINCE_SCOPE_RE.search(s.text)):
        return []
    out: list[AdoptionFact] = []
    for a in s.actors:
        for z in a.keys:
            ref = st.gaz.zone_ref(z)
            if ref is None or ref.province not in st.gaz.provinces:
                continue
            name = st.gaz.provinces[ref.province].name
            out.append(
                AdoptionFact(
                    "", "province", ref.province, name, s.line, s.original, "new-batch", (z,), scope="province-wide"
                )
            )
    return out


def adoption_provincial_examples(st: _State, sents: Sequence[_Sentence]) -> list[AdoptionFact]:
    """The named examples of a zone's provincial batch told in a paragraph.

    A paragraph where a zone released or produced a batch of innovations that
    were replicated across its province (``Xinjiang PFTZ has produced two
    batches ... replicated and scaled up across the entire region.
    Specifically, ... "cross-port mutual recognition for foreign vehicles"``):
    every quoted innovation name after that statement is an adoption by the
    zone's province, with the zone as origin. Rejects descriptive quotes
    (:func:`is_case_name`) and paragraphs without such a statement.
    """
    out: list[AdoptionFact] = []
    used: set[tuple[int, int]] = set()
    if not any(("provinc" in s.text or "region" in s.text) and PROVINCE_SCOPE_RE.search(s.text) for s in sents):
        return out
    zone: str | None = None
    for s in sents:
        if re.search(r"\b(?:released|produced|issued|launched)\b[^.;]*\bbatch(?:es)?\b", s.text):
            zs = [a for a in s.actors if len(a.keys) == 1]
            zone = zs[0].keys[0] if zs else zone
        if zone is None:
            continue
        ref = st.gaz.zone_ref(zone)
        if ref is None or ref.province not in st.gaz.provinces:
            return []
        for q in s.quotes:
            if not is_case_name(q.name, s.text, q):
                continue
            used.add((id(s), q.start))
            out.append(
                AdoptionFact(
                    q.name,
                    "province",
                    ref.province,
                    st.gaz.provinces[ref.province].name,
                    s.line,
                    s.original,
                    "provincial-example",
                    origins=(zone,),
                    scope="province-wide",
                )
            )
    st.used |= used
    return _outside_province(out, sents)


_EXAMPLE_ORDINAL_RE = re.compile(
    rf"(?:^|;|,\s*while|,\s*and)\s*(?P<which>{alternation(EXAMPLE_ORDINALS)})\b", re.IGNORECASE
)


def _outside_province(found: list[AdoptionFact], sents: Sequence[_Sentence]) -> list[AdoptionFact]:
    """Drop the examples a later clause puts outside the province-wide scope: ``The first two are replicated
    across the whole province; the third applies in designated areas`` (:data:`loaders.lexicon.EXAMPLE_ORDINALS`)."""
    if len(found) < 2:
        return found
    names = list(dict.fromkeys(f.name for f in found))
    dropped: set[str] = set()
    for s in sents:
        marks = list(_EXAMPLE_ORDINAL_RE.finditer(s.text))
        for i, m in enumerate(marks):
            clause = s.text[m.end() : marks[i + 1].start() if i + 1 < len(marks) else len(s.text)]
            if not DESIGNATED_RE.search(clause) or PROVINCE_SCOPE_RE.search(clause):
                continue
            lo, hi = EXAMPLE_ORDINALS[m.group("which").lower()]
            dropped.update(names[lo:hi])
    return [f for f in found if f.name not in dropped]


# --------------------------------------------------------------------------- effort rules
def split_examples(text: str) -> list[str]:
    """Split an unquoted list of examples (``establishing a ... model, facilitating ..., and creating ...``).

    Items are separated by commas and a final ``and`` (before an ``-ing`` verb, or after a closing quote:
    ``the "A" and a unified B``); each must start with a lower-case word (an ``-ing`` verb or a noun
    phrase) and the list ends at the first sentence end. Quotes inside an item and its articles are
    dropped from its name.

    Examples
    --------
    >>> split_examples('establishing a "list-based" data model, facilitating sharing, and creating a new model. Next')
    ['establishing a list-based data model', 'facilitating sharing', 'creating a new model']
    """
    body = re.split(r"(?<=[a-z)])\.\s", text, maxsplit=1)[0].rstrip(". ")
    items = [x.strip() for x in re.split(r",\s*(?:and\s+)?|\s+and\s+(?=[a-z]+ing\b)|(?<=[\"”])\s+and\s+", body)]
    out = [_ARTICLES_RE.sub("", re.sub(r"[\"“”]", "", x)) for x in items if x[:1].islower() and len(x.split()) >= 2]
    return out if len(out) == len([x for x in items if x]) else out[: len(out)]


def _places_in_name(name: str) -> list[str]:
    """The zones a mechanism's name lists (``... for the Beijing-Tianjin-Hebei PFTZs``)."""
    m = re.search(r"([A-Z][a-z]+(?:[-–][A-Z][a-z]+)+) PFTZs", name)
    return [z.lower() for z in re.split(r"[-–]", m.group(1))] if m else []


_MEMBERS_AFTER_RE = re.compile(
    r"\s*,\s*(?:which\s+(?:is\s+|was\s+)?)?(?:made up of|composed of|comprising|consisting of|formed by|"
    rf"bringing together|which brings together|{alternation(SPAN_WORDS)})\s+"
    r"(?P<m>[^.;]*?)(?=,\s+(?:\w+ly\s+)?(?:has|have|had|[a-z]+ed)\b|[.;]|$)"
)
_FOUNDED_BEFORE_RE = re.compile(
    r"(?:^|[.;]\s*|,\s*(?:and|while)\s+)(?:In [^,]{1,40},\s*)?(?P<m>[^.;]{3,200}?)\s+(?:have\s+|has\s+)?"
    r"(?:jointly\s+)?(?:set up|established|formed|founded|launched|built|created|co-founded)\s+(?:the\s+|a\s+|an\s+)?$"
)


_LOWER_BODY_RE = re.compile(
    r"(?:set up|established|formed|founded|launched|built|created)\s+(?:a|an|the)\s+"
    rf"(?P<name>(?:[\w-]+\s+){{0,3}}?{alternation(LOWER_BODY_HEADS)}\b"
    r"(?:\s+(?:for|of|on|between|among)\s+[^,.;:\"“”]{3,100}?)?)(?=[,.;:]|\s+(?:to|which|that|with)\b|$)"
)
"""A body printed in lower case after the verb that founded it (:data:`loaders.lexicon.LOWER_BODY_HEADS`)."""


def _members_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where a body's members are printed: an appositive after its name (``the X Alliance, composed of the PFTZs
    of A and B together with C, issued ...``) or the subject of the verb that founded it (``A PFTZ, B PFTZ and C
    Province set up the X Platform``)."""
    if am := _MEMBERS_AFTER_RE.match(text, end):
        return am.start("m"), am.end("m")
    if bm := _FOUNDED_BEFORE_RE.search(text[:start]):
        return bm.start("m"), bm.end("m")
    return None


def effort_alliance(s: _Sentence, gaz: Gazetteer) -> list[EffortFact]:
    """Alliances and joint conference mechanisms, with the zones named with them.

    Accepts ``the Yangtze River Delta PFTZ Alliance``, ``Joint Conference
    Mechanism for the Beijing-Tianjin-Hebei PFTZs`` (members from the name);
    members are the zone list of the sentence when it names one alliance only,
    else the members as printed (``the nine provinces ... along the Yellow
    River``).
    """
    found: list[re.Match[str]] = list(ALLIANCE_RE.finditer(s.text)) if _BODY_HEAD_RE.search(s.text) else []
    if not found and (lm := _LOWER_BODY_RE.search(s.text)):
        found = [lm]  # "Shanghai, Jiangsu and Zhejiang PFTZs set up a joint conference mechanism for ..."
    if not found:
        return []
    out: list[EffortFact] = []
    for m in found:
        name = re.sub(r"^(?:the|The)\s+", "", m.group("name")).strip()
        lower = m.re is _LOWER_BODY_RE
        kind = body_kind(name)
        members: set[str] = {k for a in s.actors if m.start() <= a.start < m.end() for k in a.keys}
        provinces: set[str] = set()
        if len(members) < 2 and (span := _members_span(s.text, m.start("name"), m.end())):
            members |= {k for a in s.actors if span[0] <= a.start < span[1] for k in a.keys}
            inside = [(a.start, a.end) for a in s.actors]
            provinces = {
                p.key
                for p in gaz.find_provinces(s.text[span[0] : span[1]], exclude_zones=True)
                if not any(b <= span[0] + p.start < e for b, e in inside)
            }
        if len(found) == 1 and len(members) < 2:
            members |= {k for a in s.actors if len(a.keys) > 1 for k in a.keys}
        members |= {k for p in _places_in_name(name) if (k := gaz.zone(f"{p} PFTZ"))}
        text = ""
        if not members and len(found) == 1 and (g := GROUP_RE.search(s.text[: m.start()])):
            text = g.group("group")
        if len(members) + len(provinces) < 2 and not text and (kind != "alliance" or lower):
            continue  # one zone's own platform or a national demonstration zone: no body of several members
        batch: tuple[int, int | None] | None = None
        released: tuple[str, ...] = ()
        if len(found) == 1 and (bm := RELEASED_BATCH_RE.search(s.text, m.end())):
            batch = (_ordinal(bm.group("ord")), int(bm.group("count")) if bm.group("count") else None)
            released = tuple(split_examples(bm.group("examples") or ""))
        out.append(
            EffortFact(
                name,
                tuple(sorted(members)),
                s.line,
                s.original,
                "alliance",
                kind,
                "" if provinces else text,
                batch,
                released,
                tuple(sorted(provinces)),
            )
        )
    return out


_JOINTLY_BY_RE = re.compile(
    rf"^\s*(?:[A-Z][^,;]{{0,40}},\s*)?[Jj]ointly\s+(?:{alternation(LAUNCH_PARTICIPLES)}|set up|[a-z]+ed)"
    r"\s+by\s+(?:the\s+)?"
)
"""A sentence opening with what several zones did together, the zones after ``by``."""


def effort_joint_action(s: _Sentence, last_group: Actor | None) -> EffortFact | None:
    """Several zones acting together: ``PFTZs in A, B and C jointly issued the "..."``, ``They jointly launched``.

    Accepts a subject naming two or more zones (or ``They``/``The three PFTZs``
    continuing such a subject) with ``jointly``, ``convened``, ``signed`` (a
    memorandum, an agreement), ``through the ... Alliance`` or ``collaborative``. The name is the first quoted span
    after the verb, else the object phrase up to the next punctuation (not
    after a co-actor's ``together with``, which names no joint work).
    Rejects a sentence where the zones stand more than twenty words before the verb.
    """
    if len(s.actors) == 0 and last_group is None:
        return None
    jm = JOINT_VERB_RE.search(s.text) or _JOINTLY_BY_RE.match(s.text)
    if not jm:
        return None
    groups = [a for a in s.actors if len(a.keys) > 1 and a.end <= jm.start()]
    group = groups[-1] if groups and len(s.text[groups[-1].end : jm.start()].split()) <= 20 else None
    if group is None and _PRONOUN_RE.match(s.text) and last_group is not None:
        group = last_group
    if group is None and (bm := _JOINTLY_BY_RE.match(s.text)):
        # "Jointly launched by Hubei and Hunan PFTZs, the "..." model links ...": the zones after "by"
        group = next((a for a in s.actors if a.start == bm.end() and len(a.keys) > 1), None)
    if group is None:
        return None
    after = [q for q in s.quotes if q.start > jm.start()]
    if after:
        name = after[0].name
    elif s.text.startswith("together with", jm.start()):
        return None  # "X, together with Y, set up the ... Alliance": a co-actor, and no joint work named
    else:
        obj = re.match(r"[^,.;:]{6,160}", s.text[jm.end() :].lstrip(" ,"))
        name = obj.group(0).strip() if obj else ""
    if not name:
        return None
    name = re.sub(r"^(?:\w+ed\s+)?(?:the|a|an)\s+", "", name)
    # what several zones signed is a document they issued together, not a joint innovation
    kind = JOINT_DOCUMENT if jm.group(0) == "signed" else "joint effort"
    return EffortFact(name, tuple(sorted(group.keys)), s.line, s.original, "joint-action", kind=kind)


# --------------------------------------------------------------------------- quoted names and joint lists
_HEAD_WORDS = "|".join((*CASE_HEADS, *QUOTED_HEADS_MORE))
_HEAD_AFTER_RE = re.compile(rf"^\s+(?:[a-z][\w-]*\s+){{0,2}}(?:{_HEAD_WORDS})s?\b")
"""A quote followed by up to two lower-case words and a head noun: ``"Chip–Optics Chain" online trading platform``."""
_HEAD_BEFORE_RE = re.compile(
    rf"\b(?:the|a|an|its|their|new|pilot|first)\s+(?P<pre>(?:[\w–-]+\s+){{0,3}}?(?:{_HEAD_WORDS})s?\s+(?:for|of)\s+)$"
)
"""A quote after its head noun: ``a comprehensive service platform for "going global"``."""
_MODIFIER_BEFORE_RE = re.compile(r"\b(?:the|a|an|its|their)\s+(?P<pre>(?:[\w-]+\s+){1,2}?)$")
"""Modifiers between the article and the quote: ``an FTA benefit-oriented "One-Click Access" smart platform``."""
_OPENING_PRONOUN_RE = re.compile(r"^(?:[A-Z][^,;]{0,80},\s*)?(?:it|they|It|They)\s+(?:has\s+|have\s+|had\s+)?")
_VERB_GAP_RE = re.compile(rf"\b{CASE_VERBS}\s+(?:(?:the|a|an|its|new|first|pilot|nation's|country's|China's)\s+)*$")
_TITLE_HEAD_RE = re.compile(rf"\b(?:{_HEAD_WORDS})s?\b", re.IGNORECASE)
_DOC_WORD_RE = re.compile(rf"\b{alternation((*TITLE_WORDS, *TITLE_WORDS_MORE))}\b")
_ORG_SUBJECT_RE = re.compile(
    r"(?:The|the)\s+(?P<org>[A-Z][\w'’–-]*(?:\s+(?:[A-Z][\w'’()–-]*|of|for|and|on|the))*)\s+"
    r"(?:has\s+|have\s+|had\s+)?(?:\w+ly\s+)?[a-z]"
)
"""A sentence opening with an organisation, up to its verb: ``The Haixia Equity Exchange has continuously e``."""
_NATIONAL_BODY_RE = re.compile(
    r"\b(?:Ministry|State Council|State Administration|General Administration|People's Bank|Central|National|"
    r"China Securities|Supreme)\b"
)
"""A national body is not a body of the zone whose paragraph names it."""
_ANY_QUOTE_RE = re.compile('["“”]')
_SINGLE_QUOTE_RE = re.compile(r"(?<![\w])['‘]|['’](?![\w])")


def _title_case(name: str) -> bool:
    """Whether most content words of a name are capitalised (a proper name, see :func:`is_case_name`)."""
    words: list[str] = [w for w in re.findall(r"[\w'’+-]+", name) if w.lower() not in PROPER_WORDS]
    caps = sum(1 for w in words if w[:1].isupper())
    return caps >= 2 and caps >= 0.7 * len(words)


def _partly_quoted(text: str, q: Quoted) -> tuple[str, int]:
    """The printed phrase of a partly quoted name and where it starts (``("", q.start)`` when none)."""
    name = q.name.replace('"', "").strip()
    head = text[max(0, q.start - 90) : q.start]
    if head.endswith(("for ", "of ")) and (pm := _HEAD_BEFORE_RE.search(head)):
        return f"{pm.group('pre')}{name}".strip(), q.start - len(pm.group("pre"))
    am = _HEAD_AFTER_RE.match(text[q.end :])
    if not am or (_title_case(q.name) and len(am.group(0).split()) < 2):
        return "", q.start  # a brand right before its head noun is a product: the "Single Window" platform
    pre = ""
    if (mm := _MODIFIER_BEFORE_RE.search(head[-40:])) and not re.search(
        rf"\b(?:{CASE_VERBS}|new|pilot|first|nation's|country's|China's)\s", mm.group("pre")
    ):
        pre = mm.group("pre")
    rest = text[q.end + am.end() :]
    more = re.match(r"\s+(?:for|of)(?:\s+(?!(?:which|that|to|and|in)\b)[\w'’&+–-]+){1,8}", rest)
    tail = more.group(0) if more and not re.search(r"\b(?:by|with|through|thereby)\b", more.group(0)) else ""
    return f"{pre}{name}{am.group(0)}{tail}".strip(), q.start - len(pre)


def partly_quoted_name(text: str, q: Quoted) -> str:
    """The printed phrase of a name of which only a part is quoted, ``""`` when the quote stands alone.

    Accepts a quote followed by at most two lower-case words and a head noun
    (``"Chip–Optics Chain" online trading platform``, ``"one-time entry,
    simultaneous declaration" customs clearance model``; a quote in title
    case needs at least one such word: the ``"Single Window" platform`` is a
    product, not a case), with up to two
    modifiers after the article (``an FTA benefit-oriented "One-Click Access"
    smart platform``) and a ``for``/``of`` phrase after the head noun (``a
    pilot "whitelist" system for the import of such items``); and a quote after
    its head noun (``a comprehensive service platform for "going global"``).
    Rejects a quote with neither (a name quoted whole, a description).

    Examples
    --------
    >>> s = 'Hubei PFTZ established the "Chip–Optics Chain" online trading platform, a public platform.'
    >>> partly_quoted_name(s, quoted_spans(s)[0])
    'Chip–Optics Chain online trading platform'
    >>> s = 'It launched a comprehensive service platform for "going global", which integrates'
    >>> partly_quoted_name(s, quoted_spans(s)[0])
    'comprehensive service platform for going global'
    """
    return _partly_quoted(text, q)[0]


def case_partly_quoted(s: _Sentence, q: Quoted, prior: Actor | None, last_subject: Actor | None) -> str:
    """The printed name of a partly quoted case (:func:`partly_quoted_name`) whose subject the caller resolves.

    Accepts an innovation verb (and at most an article and ``new``/``first``/
    ``pilot``) right before the phrase, whose subject is the last zone before
    it (``prior``: at most 25 words earlier, no semicolon) or ``it``/``they``
    opening the sentence, after an introductory phrase too (``In collaboration
    with Singapore, it has piloted a "..." model``), continuing the
    paragraph's subject zone. Rejects a quote naming a document (``Plan``,
    ``Measures`` ...). Returns ``""`` when it does not apply.
    """
    full, start = _partly_quoted(s.text, q)
    if not full or _DOC_WORD_RE.search(q.name) or not _VERB_GAP_RE.search(s.text[max(0, start - 60) : start]):
        return ""
    if any(o.end <= start and (prior is None or o.start > prior.end) for o in s.quotes):
        return ""  # a quoted name between subject and phrase is the subject: X's "A" establishes a "b" system
    if prior is not None:
        gap = s.text[prior.end : start]
        return full if ";" not in gap and len(gap.split()) <= 25 else ""
    return full if last_subject is not None and _OPENING_PRONOUN_RE.match(s.text) else ""


def case_org_subject(s: _Sentence, q: Quoted, last_subject: Actor | None) -> Actor | None:
    """``The Haixia Equity Exchange ... launched the "Cross-Straits Integration Service"``: a body of the zone acts.

    Accepts a sentence that opens with an organisation (``The`` and a proper
    name in title case), names no zone itself, and has an innovation verb (and
    at most an article) right before the quote, inside a paragraph whose
    subject is one zone: the case is that zone's. A title-case quote must name
    a head noun (``Service``, ``Window``, ``Platform`` ...) and no document
    word (``Plan``, ``Measures``, ``Initiative`` ...); a lower-case one must
    look like an innovation (:func:`looks_like_innovation`). Rejects a
    national body (``the Ministry of ...``, ``the People's Bank of China``:
    not the zone's) and a quote followed by ``to "..."`` (an old state
    upgraded to a new one).
    """
    if last_subject is None or len(last_subject.keys) != 1 or s.actors:
        return None
    if not (om := _ORG_SUBJECT_RE.match(s.text)) or _NATIONAL_BODY_RE.search(om["org"]):
        return None
    if not _VERB_GAP_RE.search(s.text[max(0, q.start - 60) : q.start]):
        return None
    if re.match(r"\s+(?:[\w-]+\s+){0,2}?to\s+[\"“]", s.text[q.end :]) or _DOC_WORD_RE.search(q.name):
        return None
    if _title_case(q.name):
        return last_subject if _TITLE_HEAD_RE.search(q.name) else None
    return last_subject if is_case_name(q.name, s.text, q) and looks_like_innovation(s, q) else None


BOLD_RE = re.compile(r"\*\*(?P<body>[^*]+?)(?:\*\*|$)")
_BOLD_OBJECT_RE = re.compile(
    rf"(?:'s|’s)?\s+(?:has\s+|have\s+)?(?:(?:also|\w+ly)\s+)?(?P<verb>{CASE_VERBS})\s+"
    r"(?:(?:the|a|an|its|China's|the nation's|the country's|nation's|country's|first|new)\s+)*"
)


def case_bold_title(s: _Sentence) -> list[tuple[Actor, str]]:
    """``**Chongqing PFTZ establishes a 'four teams' working mechanism for ...**``: a bold case title.

    Accepts a bold span that opens with a zone (or a list of zones), followed
    by an innovation verb: the name is the object, from after its article (and
    ``China's first``) to the end of the bold span, commas included, single
    quotes dropped. Rejects a span whose object holds a double quote (the
    quoted rules read those), names a document, or has fewer than three or
    more than thirty words. The caller leaves the quotes in the rest of the
    title's sentence unread as names: they describe the titled case.
    """
    out: list[tuple[Actor, str]] = []
    if not s.actors or "**" not in s.original:
        return out
    for m in BOLD_RE.finditer(s.original):
        body_start = m.start("body")
        first = [a for a in s.actors if a.start >= body_start and not s.text[body_start : a.start].strip()]
        if not first:
            continue
        actor = first[0]
        for a in s.actors[s.actors.index(actor) + 1 :]:
            if not _SEP_RE.fullmatch(s.text[actor.end : a.start]):
                break
            actor = _chain(s, a)
        om = _BOLD_OBJECT_RE.match(s.text, actor.end)
        if not om or om.end() > m.end("body"):
            continue
        name = s.original[om.end() : m.end("body")].strip().rstrip(".,;: ")
        if _ANY_QUOTE_RE.search(name) or _DOC_WORD_RE.search(name) or not 3 <= len(name.split()) <= 30:
            continue
        out.append((actor, _SINGLE_QUOTE_RE.sub("", name).strip()))
    return out


_ACTIVITY_RE = re.compile(
    r"(?:explorations?|efforts?|collaboration|cooperation|work|measures|such|launch of|broadening|expanding)\b",
    re.IGNORECASE,
)
_OBJECT_PRONOUNS = frozenset({"it", "its", "their", "they", "this", "these", "such", "more", "various", "multiple"})


def _named_object(name: str) -> bool:
    """Whether an unquoted object names a practice: two to sixteen words, not an activity, pronoun or document.

    Rejects ``efforts to ...``, ``cooperation with ...`` (activities), ``its ...``/``these ...``, a name
    with a quote left in it and one naming a document (``Plan``, ``Measures``, ``Opinions`` ...).
    """
    words = name.split()
    if not 2 <= len(words) <= 16 or not words[0][:1].isalpha() or words[0].lower() in _OBJECT_PRONOUNS:
        return False
    if _ANY_QUOTE_RE.search(name) or _ACTIVITY_RE.match(name):
        return False
    return not _DOCUMENT_WORD_RE.search(name)


_CLAUSE_VERB = r"(?:[a-z]+ed|built|set up|made|undertook|led|won|began)"
_CLAUSE_START_RE = re.compile(
    rf"\s*(?:'s\s+)?(?:has\s+|have\s+|had\s+)?(?:(?:also|jointly|\w+ly)\s+)*(?P<verb>{_CLAUSE_VERB})\s+"
)
_CLAUSE_SPLIT_RE = re.compile(rf",\s*(?:and\s+)?(?:(?:also|jointly|\w+ly)\s+)*(?={_CLAUSE_VERB}\s+[\w\"“])")
_CLAUSE_END_RE = re.compile(r"\s(?:to|which|that|thereby|so as|in order)\s|,\s*(?:thereby|which|[a-z]+ing)\b|\.$")
_AREA_OF_RE = re.compile(
    r"\s*,?\s*and\s+(?:the\s+)?(?:[A-Z][\w-]*\s+){1,4}(?:Areas?|Zones?|Section)\s+of\s+(?:the\s+)?"
)
"""``Yunnan PFTZ and Lin-gang Special Area of Shanghai PFTZ``: an area of the next zone joined by ``and``."""
_GROUP_SUBJECT_RE = re.compile(r"^(?:They|These PFTZs|The (?:two|three|four|five|six|seven|eight|nine) PFTZs)\b")


def case_joint_clauses(s: _Sentence, last_subject: Actor | None) -> list[tuple[Actor, str, tuple[int, ...]]]:
    """Joint cases of a list of clauses whose subject is several zones.

    ``Sichuan and Chongqing PFTZs ... They have released 10 collaborative
    innovations, launched the "..." reform for ..., explored ..., established
    a "five-end" collaborative mechanism for ...``: each clause's object is
    one joint case of all the zones. Accepts a subject naming two or more
    zones at the sentence's start (or ``They``/``The three PFTZs`` continuing
    such a subject) followed by a verb, and either three or more clauses or
    ``jointly`` (``Yunnan PFTZ and Lin-gang Special Area of Shanghai PFTZ have
    jointly promoted the ...``). A clause is split at a comma followed by a
    past-tense verb, so an object may hold commas (``joint development,
    protection, and enforcement of ...``); its name runs to ``to``/``which``
    or the sentence end, quotes dropped, article dropped. Rejects an object
    that opens with a number (``released 10 collaborative innovations``), an
    activity, a pronoun or a document (see :func:`_named_object`).

    Returns
    -------
    list of (Actor, str, tuple of int)
        The subject, each name, and the offsets of the quotes inside it.
    """
    out: list[tuple[Actor, str, tuple[int, ...]]] = []
    if not (len(s.actors) > 1 or any(len(a.keys) > 1 for a in s.actors) or s.text.startswith(("They", "The"))):
        return out  # no several zones, no pronoun: nothing joint (a cheap test first)
    subject: Actor | None = None
    at = 0
    head = [a for a in s.actors if len(s.text[: a.start].split()) <= SUBJECT_WORDS]
    if head:
        chained = head[0]
        for a in s.actors[s.actors.index(head[0]) + 1 :]:
            gap = s.text[chained.end : a.start]
            if not (_SEP_RE.fullmatch(gap) or _AREA_OF_RE.fullmatch(gap)):
                break
            chained = Actor(chained.start, a.end, tuple(dict.fromkeys(chained.keys + a.keys)))
        if len(chained.keys) > 1:
            subject, at = chained, chained.end
    elif last_subject is not None and len(last_subject.keys) > 1 and (gm := _GROUP_SUBJECT_RE.match(s.text)):
        subject, at = last_subject, gm.end()
    if subject is None:
        return out
    vm = _CLAUSE_START_RE.match(s.text, at)
    if not vm:
        return out
    body = s.text[vm.start("verb") :]
    seps = list(_CLAUSE_SPLIT_RE.finditer(body))
    bounds = zip([0, *(m.end() for m in seps)], [*(m.start() for m in seps), len(body)], strict=True)
    clauses = [(vm.start("verb") + a, body[a:b]) for a, b in bounds]
    jointly = "jointly" in s.text[at : vm.end()]
    if len(clauses) < 3 and not jointly:
        return out
    for off, clause in clauses:
        cm = re.match(rf"(?:(?:also|jointly|\w+ly)\s+)*{_CLAUSE_VERB}\s+(?:(?:the|a|an|its)\s+)?", clause)
        if not cm:
            continue
        obj = clause[cm.end() :].rstrip(" ,")
        if em := _CLAUSE_END_RE.search(obj):
            obj = obj[: em.start()]
        name = re.sub(r"\s+", " ", _ANY_QUOTE_RE.sub("", obj)).strip(" ,.")
        if not name or name[:1].isdigit() or re.match(r"(?:\w+\s+)?batch(?:es)?\b", name) or not _named_object(name):
            continue
        quotes = tuple(q.start for q in s.quotes if off <= q.start < off + len(clause))
        out.append((subject, name, quotes))
    return out


ORIGIN_PHRASE_RE = re.compile(
    r"^(?:This|It|These efforts)\s+(?:has\s+|have\s+)?(?:resulted in|led to|produced|formed|created)\s+"
    r"(?:a|an|the)\s+(?P<name>[a-z][\w\s'’-]*?\b(?:" + _HEAD_WORDS + r")s?\b(?:\s+(?:for|of)\s+[^,.;:]+?)?)(?=[,.;:]|$)"
)


def case_resulted_in(s: _Sentence, last_subject: Actor | None) -> str:
    """``This has resulted in a reform model for the ownership of ...``: a result that names a practice.

    Accepts a sentence opening with ``This``/``It`` and ``resulted in``,
    ``led to``, ``produced``, ``formed`` or ``created`` followed by a noun
    phrase ending in a head noun (``model``, ``mechanism`` ...) and an
    optional ``for``/``of`` phrase up to the next punctuation; the paragraph's
    subject zone is the origin (the caller checks). Returns ``""`` otherwise.
    """
    if last_subject is None or not s.text.startswith(("T", "I")):
        return ""
    m = ORIGIN_PHRASE_RE.match(s.text)
    return m.group("name").strip() if m else ""


THIS_ADOPTED_RE = re.compile(
    r"\b(?:this|the) (?:model|mechanism|practice|approach|reform|system|experience)\s+has been\s+"
    r"(?:replicated and scaled up|replicated|promoted|disseminated)\b",
    re.IGNORECASE,
)


def adoption_this_model(st: _State, s: _Sentence, case: CaseFact | None) -> list[AdoptionFact]:
    """``this model has been replicated and scaled up across the province``: the province adopts the last case.

    Accepts a sentence with ``this model`` (``mechanism``, ``practice`` ...)
    ``has been replicated ...`` and a province-wide scope, after a case of ONE
    zone read earlier in the same paragraph: the adopter is that zone's
    province, the origin the zone, the name the case's. Rejects a sentence
    without such a case or scope.
    """
    if case is None or len(case.zones) != 1 or "has been" not in s.text:
        return []
    if not THIS_ADOPTED_RE.search(s.text) or not PROVINCE_SCOPE_RE.search(s.text):
        return []
    ref = st.gaz.zone_ref(case.zones[0])
    if ref is None or ref.province not in st.gaz.provinces:
        return []
    return [
        AdoptionFact(
            case.name,
            "province",
            ref.province,
            st.gaz.provinces[ref.province].name,
            s.line,
            s.original,
            "this-model",
            origins=case.zones,
            scope="province-wide",
        )
    ]


PRINTED_GROUP_RE = re.compile(
    r"\b(?:the\s+)?(?P<group>(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:[a-z]+\s+){0,2}?"
    r"(?:provinces|regions|municipalities|cities)(?:\s+and\s+(?:autonomous\s+)?(?:regions|municipalities))?"
    r"(?:\s+(?:along|in|of)\s+the\s+[A-Z][\w–-]*(?:\s+[A-Z][\w–-]*)*)?)"
)
_GROUP_NOUN_RE = re.compile(r"provinces|regions|municipalities|cities")
"""Members printed as a group: ``the three northeastern provinces``, ``the nine provinces and autonomous
regions along the Yellow River``."""
_PRONOUN_OBJECT_RE = re.compile(
    r"^(?:They|These (?:provinces|regions))\s+(?:have\s+|has\s+)?(?:(?:also|jointly|\w+ly)\s+)*"
    r"(?:promoted|launched|established|built|created|explored|carried out|advanced)\s+(?:the\s+|a\s+|an\s+)?"
    r"(?P<name>[a-z][^.;:]{8,200}?)(?=\s+(?:within|among|across|between|to|by|through)\s|[.;:]|$)"
)


def printed_group(text: str) -> str:
    """The members printed as a group in a text (:data:`PRINTED_GROUP_RE`), ``""`` when none.

    Examples
    --------
    >>> printed_group("a platform for the three northeastern provinces, enables")
    'three northeastern provinces'
    """
    if not _GROUP_NOUN_RE.search(text):
        return ""
    m = PRINTED_GROUP_RE.search(text)
    return m.group("group").strip() if m else ""


def effort_group_pronoun(s: _Sentence, prev: _Sentence) -> EffortFact | None:
    """``the nine provinces ... along the Yellow River have leveraged ... They have promoted the <effort>``.

    Accepts a sentence opening with ``They`` and a verb (``promoted``,
    ``launched``, ``established`` ...) right after a sentence ``prev`` that
    prints a group without naming its members (:func:`printed_group`): the
    effort is the object (up to ``within``/``among``/``to``... or
    punctuation), its members the group as printed. Rejects a sentence that
    names zones, or one after a sentence naming several zones.
    """
    if s.actors or any(len(a.keys) > 1 for a in prev.actors):
        return None
    m = _PRONOUN_OBJECT_RE.match(s.text)
    if not m or not _named_object(m.group("name")) or not (group := printed_group(prev.text)):
        return None
    return EffortFact(m.group("name").strip(), (), s.line, s.original, "group-pronoun", members_text=group)


# --------------------------------------------------------------------------- driver
def _ordinal(word: str) -> int:
    w = word.lower()
    if w in ORD_WORDS:
        return ORD_WORDS.index(w) + 1
    return int(re.match(r"\d+", w).group(0))  # type: ignore[union-attr]


def read_narrative(
    paras: Sequence[Paragraph],
    outline: Outline,
    gaz: Gazetteer,
    *,
    find_zones: FindZones | None = None,
    skip_lines: Iterable[int] = (),
) -> Narrative:
    """Read every zone case, adoption and cross-regional effort the narrative states.

    Parameters
    ----------
    paras
        The body paragraphs (tables already removed).
    outline
        The report's headings (:func:`loaders.structure.parse_structure`).
    gaz
        The gazetteer that resolves places.
    find_zones
        Zone finder (misspellings included); the gazetteer's by default.
    skip_lines
        Lines of paragraphs that are not narrative (the milestones).

    Returns
    -------
    Narrative
        The facts, each with the line where its name (or sentence) starts,
        the unread quoted spans and zone mentions, and the share of narrative
        paragraphs that yielded a fact.
    """
    fz = find_zones or gaz.find_zones
    st = _State(gaz, fz)
    skip = set(skip_lines)
    heading_lines = {s.start_line for s in outline.sections}
    cross = [s for s in outline.sections if s.level == 2 and CROSS_REGIONAL_HEADING in s.title.lower()]
    narrative = [p for p in paras if p.line not in skip and p.line not in heading_lines and len(p.text) > 60]
    sents_of: dict[int, list[_Sentence]] = {}
    facts_in: set[int] = set()
    for pi, p in enumerate(narrative):
        sents = []
        for k, (off, raw) in enumerate(sentences(p)):
            text = raw.replace("*", " ")  # same length: offsets hold, and the zone finder's memo keys on raw
            acts = join_co_actors(raw, find_actors(raw, gaz, fz))
            sents.append(_Sentence(p, off, text, acts, quoted_spans(text), raw, k == 0))
        sents_of[pi] = sents
        n_before = len(st.cases) + len(st.adoptions) + len(st.efforts)
        _read_paragraph(st, sents, cross)
        if len(st.cases) + len(st.adoptions) + len(st.efforts) > n_before:
            facts_in.add(pi)
    # unquoted bold case titles: an item heading whose paragraphs yield no case
    part2 = next(iter(outline.find(1, CASES_PART_HEADING)), None)
    case_lines = {c.line for c in st.cases}
    if part2 is not None:
        leaves = [
            s
            for s in outline.sections
            if s.level >= 3
            and part2.start_line <= s.start_line <= part2.end_line
            and not any(t.level > s.level and s.start_line < t.start_line <= s.end_line for t in outline.sections)
        ]
        for sec in leaves:
            inside = [(pi, p) for pi, p in enumerate(narrative) if sec.start_line < p.line <= sec.end_line]
            if not inside or any(sec.start_line < n <= sec.end_line for n in case_lines):
                continue
            title = re.sub(r"[,;:]\s*$", "", sec.title)
            fact = _heading_case([p for _, p in inside], title, lambda t: find_actors(t, gaz, fz))
            if fact is not None:
                crossing = any(c.start_line <= sec.start_line <= c.end_line for c in cross)
                st.cases.append(
                    CaseFact(fact.name, fact.zones, sec.start_line, fact.quote, "heading", fact.joint, "", crossing)
                )
                facts_in.add(inside[0][0])
    # the innovations an alliance's batch names are joint cases of the alliance's members (named elsewhere)
    members_of: dict[str, set[str]] = {}
    for e in st.efforts:
        members_of.setdefault(e.name, set()).update(e.members)
    for e in list(st.efforts):
        keys = tuple(sorted(members_of.get(e.name, ())))
        if e.released and len(keys) > 1:
            # one innovation of the batch, one case: another rule's reading of the same name in the sentence goes
            released = {_phrase_key(n) for n in e.released}
            st.cases = [c for c in st.cases if c.quote != e.quote or _phrase_key(c.name) not in released]
            st.cases.extend(
                CaseFact(n, dict(e.developers).get(n, keys), e.line, e.quote, "alliance-batch", joint=True)
                for n in e.released
            )
    # an alliance's members printed as a group in one sentence hold wherever it is named without members
    printed = {e.name: e.members_text for e in st.efforts if e.members_text and not e.members}
    st.efforts = [
        replace(e, members_text=printed[e.name]) if e.name in printed and not e.members and not e.members_text else e
        for e in st.efforts
    ]
    # a body of several members is an alliance; what several zones did together is a joint innovation (a case
    # of several origins), or a document they issued together: never an alliance
    efforts: list[EffortFact] = []
    bodies = {(e.quote, _phrase_key(e.name)) for e in st.efforts if e.rule == "alliance"}
    for e in st.efforts:
        key = _phrase_key(e.name)
        if e.rule != "alliance" and any(q == e.quote and (key in b or b in key) for q, b in bodies):
            continue  # the body the alliance rule read in full
        if e.rule == "alliance" or ALLIANCE_RE.fullmatch(e.name):
            efforts.append(e if e.rule == "alliance" else replace(e, kind=body_kind(e.name)))
        elif e.kind == JOINT_DOCUMENT or (_JOINT_DOCUMENT_RE.search(e.name) and _title_case(e.name)):
            # a document a body of the same sentence issued is its output: issued by it, for its members
            body = next((b for b in st.efforts if b.rule == "alliance" and b.quote == e.quote), None)
            if body is not None:
                e = replace(e, members=tuple(sorted({*e.members, *body.members})), by=body.name)
                e = replace(e, provinces=tuple(sorted({*e.provinces, *body.provinces})))
            efforts.append(replace(e, kind=JOINT_DOCUMENT))
        elif any(c.quote == e.quote and _same_phrase(c.name, key) for c in st.cases[-12:]):
            continue  # a case rule read this joint work already
        elif _GENERIC_PLURAL_RE.fullmatch(e.name):
            continue  # "released its fourth batch of 10 collaborative institutional innovations": no one innovation
        elif e.members or e.members_text:
            st.cases.append(
                CaseFact(
                    e.name,
                    e.members,
                    e.line,
                    e.quote,
                    e.rule,
                    joint=len(e.members) > 1,
                    cross_regional=True,
                    members_text=e.members_text,
                )
            )
    st.efforts = efforts
    bodies = {(e.quote, _phrase_key(e.name)) for e in efforts if e.rule == "alliance"}
    if bodies:  # a body is no case of its members
        st.cases = [c for c in st.cases if not any(q == c.quote and _same_phrase(c.name, b) for q, b in bodies)]
    for k, c in enumerate(st.cases):
        if c.cross_regional and len(c.zones) == 1 and not c.members_text and (group := printed_group(c.quote)):
            st.cases[k] = replace(c, members_text=group)  # "a platform for the three northeastern provinces"
    unread: list[Unread] = []
    names_by_quote: dict[str, set[str]] = {}
    facts: list[CaseFact | AdoptionFact | EffortFact] = [*st.cases, *st.adoptions, *st.efforts]
    for f in facts:
        names_by_quote.setdefault(f.quote, set()).add(f.name)
    for pi, sents in sents_of.items():
        for s in sents:
            got = names_by_quote.get(s.original, set())
            for q in s.quotes:
                if (id(s), q.start) in st.used or q.name in got:
                    continue
                if not any(q.name in g or g in q.name for g in got):
                    unread.append(Unread(s.line, "quote", q.name))
            if pi not in facts_in:
                for a in s.actors:
                    unread.append(Unread(s.line_at(a.start), "zone", s.text[a.start : a.end]))
    return Narrative(
        tuple(st.cases),
        tuple(st.adoptions),
        tuple(st.efforts),
        tuple(unread),
        len(narrative),
        len(facts_in),
    )


# --------------------------------------------------------------------------- adoptions in either direction
_PASSIVE_ADVERB = r"(?:(?:also|since|now|already|further|later|subsequently|then|soon|\w+ly)\s+)*"
_PASSIVE_ADOPT_RE = re.compile(
    rf"\b(?:(?:has|have|had)\s+{_PASSIVE_ADVERB}been|{alternation(PASSIVE_AUXILIARIES_MORE)}|was|were|is|are|being)"
    rf"\s+{_PASSIVE_ADVERB}(?P<verb>{alternation((*PASSIVE_ADOPT_VERBS, *PASSIVE_ADOPT_VERBS_MORE))})\b(?P<rest>[^.;]*)"
)
_ADOPTER_AT_RE = re.compile(
    r"^\s*(?:(?:and\s+)?(?:scaled up|promoted|applied)\s+)?(?:(?P<prep>in|by|across|to|throughout|into|at|within)\s+|"
    rf"(?P<scope>{alternation((*PROVINCE_SCOPES, *PROVINCE_SCOPES_MORE))})\b)"
)
_ANAPHOR_RE = re.compile(rf"^\s*(?:[A-Z][^,;]{{0,60}},\s*)?(?P<anaphor>{alternation(ANAPHORA)})\b", re.IGNORECASE)
_ACTIVE_ADOPT_RE = re.compile(rf"\b(?P<verb>{alternation(ACTIVE_ADOPT_VERBS)})\s+")
_ANAPHOR_OBJECT_RE = re.compile(
    rf"^\s*(?:{alternation(ANAPHORA)})(?=\s*(?:[,.;]|$)|\s+(?:at|in|for|to|on|across|into|as|through|from|since|"
    r"last|this|with|under)\b)",
    re.IGNORECASE,
)
"""An anaphor as the object, a place or a time after it: ``introduced the model at the Port Area in 2024``."""
_REFERENCE_RE = re.compile(
    rf"\b(?P<verb>{alternation(REFERENCE_VERBS)})\s+(?P<obj>[^.;]{{6,220}}?)\s+{alternation(REFERENCE_PHRASES)}\b"
)
_UNQUOTED_OF_ZONE_RE = re.compile(
    rf"^(?:the\s+|its\s+|an?\s+)?(?P<name>(?:[\w'’+-]+\s+){{1,12}}?{alternation(CASE_HEADS)}s?(?:\s+(?:for|of)\s+[a-z][\w\s'’+-]{{3,80}}?)?)"
    r"\s+(?:of|from|in|developed by|pioneered by|piloted by)\s+(?:the\s+)?(?=[A-Z])"
)
_NATIONAL_SCOPE_RE = re.compile(rf"^\s*(?:across\s+|to\s+|in\s+)?{alternation(NATIONAL_SCOPES)}", re.IGNORECASE)


_PROVINCE_AREA_RE = re.compile(r"(?:'s|’s)\s+(?:[A-Z][\w'’-]*\s+){1,4}Area\b")
"""An area after its province's possessive: ``Guangxi's Qinzhou Port Area``."""


def _place_of(st: _State, text: str) -> tuple[str, str, str, str] | None:
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
    if ps:
        found.append((ps[0].start, ("province", ps[0].key, ps[0].text, "")))
    if cs := st.gaz.find_cities(text):
        found.append((cs[0].start, ("city", cs[0].key, cs[0].text, "")))
    if zs and not (cm and cm.start() <= zs[0].start <= cm.end()):
        found.append((zs[0].start, ("zone", zs[0].key, zs[0].text, "")))
    return min(found)[1] if found else None


def _named_before(st: _State, c: Clause) -> Named | None:
    """The innovation an anaphor (``this model``, ``the practice``) stands for: the last one named (as a case or
    as what an adopter took up) in the paragraph or the sentences just before it."""
    last = st.last_named
    return last if last is not None and 0 <= c.s.line - last.line <= ANAPHOR_REACH else None


ANAPHOR_REACH = 10

_PLURAL_ANAPHOR_RE = re.compile(rf"^\s*(?:[A-Z][^,;]{{0,60}},\s*)?(?:{alternation(PLURAL_ANAPHORA)})\b", re.IGNORECASE)


_AND_CLAUSE_RE = re.compile(r",\s*and\s+(?=(?:it|this|the|these)\b)|;\s*")


def _last_clause(head: str) -> str:
    """The last clause of the words before a verb: ``..., and it`` -> ``it`` (the whole head when one clause)."""
    cuts = list(_AND_CLAUSE_RE.finditer(head))
    return head[cuts[-1].end() :] if cuts else head


def _set_before(st: _State, c: Clause) -> tuple[Named, ...]:
    """The innovations a plural anaphor (``These measures``) stands for: all those the last sentence that
    named any named, when it is near and named several with their origins."""
    named = st.last_set
    if len(named) < 2 or not all(n.zones for n in named) or not 0 <= c.s.line - named[0].line <= ANAPHOR_REACH:
        return ()
    return named


"""Lines back from an anaphor within which the case it stands for was named."""


def _province_of(st: _State, zone: str) -> tuple[str, str] | None:
    ref = st.gaz.zones.get(zone)
    if ref is None or ref.province not in st.gaz.provinces:
        return None
    return ref.province, st.gaz.provinces[ref.province].name


def adoption_passive(c: Clause) -> list[AdoptionFact]:
    """``"<name>" of <origin> has been replicated in <adopter>``: an adoption with the adopter after the verb.

    Accepts ``... has been replicated in the Jiaxing coordinated innovation zone of Zhejiang PFTZ``,
    ``... has been taken up by Jiangxi Province``, ``... was replicated province-wide`` (the origin
    zone's province), and an anaphor for the name (``This model has been replicated and scaled up
    across Hubei Province``, ``The practice has since been taken up by ...``: the case named just
    before). The origin is the zone named before the verb, else the case's. Rejects a sentence
    without a name, an adopter that is the origin itself or that the name prints (``"... in Beijing,
    Tianjin, and Hebei" has been adopted in Beijing, Tianjin, and Hebei``), and a national scope.
    """
    s, st = c.s, c.st
    out: list[AdoptionFact] = []
    for m in _PASSIVE_ADOPT_RE.finditer(s.text):
        plural: tuple[Named, ...] = ()
        at = _ADOPTER_AT_RE.match(m.group("rest"))
        national = _NATIONAL_SCOPE_RE.match(m.group("rest"))
        if at is None and national is None:
            continue
        prep = at.group("prep") if at is not None else None
        if prep == "by" and m.group("verb") not in BY_ADOPT_VERBS:
            continue
        if m.group("verb") in (*INTO_ADOPT_VERBS, *PASSIVE_ADOPT_VERBS_MORE) and prep not in ("to", "in", "into"):
            continue
        head = s.text[: m.start()]
        quotes = [q for q in s.quotes if q.end <= m.start() and is_case_name(q.name, s.text, q)]
        case: Named | None = None
        batch = None
        if quotes:
            name = quotes[-1].name
            origins = tuple(k for a in s.actors if a.end <= m.start() for k in a.keys)
            batch = BATCH_RE.search(s.text, quotes[-1].end, m.start())
            if not origins and batch is None:
                continue  # '"<name>" was replicated in Shanghai PFTZ' alone may tell where it began
        elif _PLURAL_ANAPHOR_RE.match(head) and (several := _set_before(st, c)):
            name, origins = several[0].name, several[0].zones
            plural = several[1:]
        elif _ANAPHOR_RE.match(_last_clause(head)) and (case := _named_before(st, c)) is not None and case.zones:
            name, origins = case.name, case.zones
        elif (wm := _UNQUOTED_WHICH_RE.match(head)) and (name := practice_name(wm.group("name"))):
            # "a one-window service for ship registration, under which ... in the Zhoushan Area of Zhejiang PFTZ
            # accept ..., has been replicated in ...": the origin is the zone the clause names
            origins = tuple(
                dict.fromkeys(k for a in s.actors if wm.start("where") <= a.start < m.start() for k in a.keys)
            )
            if len({_root(k) for k in origins}) != 1:
                continue
        elif (um := _UNQUOTED_SUBJECT_RE.search(head)) and (name := practice_name(um.group("name"))):
            # "the SPV leasing model developed in the Dongjiang area of Tianjin FTZ ... was adapted by ..."
            origins = tuple(k for a in s.actors if um.start("where") <= a.start < m.start() for k in a.keys)
            if not origins:
                continue
        else:
            continue
        if national is not None:
            scope = "all PFTZs" if "pftz" in national.group(0).lower() else "nationwide"
            out.append(AdoptionFact(name, "scope", scope, scope, s.line, s.original, "adopted-by", tuple(origins)))
            continue
        assert at is not None
        rest = m.group("rest")[at.end() :]
        window = " ".join(rest.split()[:14])
        who = _place_of(st, window)
        if who is not None and at.group("scope") and who[0] != "province":
            who = None  # "replicated province-wide, benefiting Shanghai PFTZ's firms": the scope says the province
        if who is None and (at.group("scope") or PROVINCE_SCOPE_RE.match(m.group("rest").strip())):
            if len(origins) != 1 or (prov := _province_of(st, origins[0])) is None:
                continue
            who = ("province", prov[0], prov[1], "")
        if who is None:
            continue
        kind, key, printed, parent = who
        if (kind == "zone" and key in origins) or printed.lower() in name.lower():
            continue
        scope = "province-wide" if kind == "province" and (at.group("scope") or PROVINCE_SCOPE_RE.search(rest)) else ""
        ordinal = (_ordinal(batch.group("ord")), batch.group("what")) if batch and not origins else None
        when = clause_date(f"{m.group('verb')} {_adopter_clause(rest)}")
        fact = AdoptionFact(
            name, kind, key, printed, s.line, s.original, "adopted-by", tuple(origins), parent, ordinal, scope,
            date=when,
        )  # fmt: skip
        firsts = _each_province(c, fact, window)  # "extended to ... in Guangdong and Zhejiang": both
        out.extend(firsts)
        # "These measures have since been extended to Gansu": every innovation the sentence before named
        out.extend(replace(f, name=n.name, origins=n.zones) for n in plural for f in firsts)
        if kind == "zone":  # "taken up by Sichuan FTZ and the Guangxi Pilot FTZ", "... in 2016 and later by ..."
            out.extend(
                replace(fact, adopter_key=z.key, adopter_name=z.text, date=clause_date(_adopter_clause(rest, z.start)))
                for z in _more_zones(st, rest, origins)
            )
    return out


_UNQUOTED_SUBJECT_RE = re.compile(
    rf"\b(?:[Tt]he|[Aa]n?)\s+(?P<name>(?:[\w'’+-]+\s+){{0,8}}?{alternation(CASE_HEADS)}s?)\s+"
    rf"(?:(?:first|initially|originally)\s+)?{alternation(LAUNCH_PARTICIPLES)}\s+(?:in|by|at)\s+(?P<where>[^;]{{3,160}})$"
)
"""An unquoted practice and where it was developed, as the subject of a passive adoption."""
_UNQUOTED_WHICH_RE = re.compile(
    rf"^\s*(?:(?:\*\*)?[A-Z][^,;*]{{0,40}}(?:\*\*)?,\s*)?(?:[Aa]n?|[Tt]he)\s+"
    rf"(?P<name>(?:[\w'’+-]+\s+){{0,6}}?{alternation(CASE_HEADS)}s?(?:\s+(?:for|of)\s+[a-z][\w\s'’+-]{{3,60}}?)?)"
    r",\s*(?:under which|whereby|through which|in which|which)\b(?P<where>[^;]*?),\s*$"
)
"""An unquoted practice the sentence opens with, described by a clause that names its zone, as the subject of a
passive adoption: ``a one-window service for ship registration, under which ... in the Zhoushan Area of Zhejiang
PFTZ accept ..., has been replicated in``."""
_MORE_ZONES_RE = re.compile(
    r"^\s*(?:(?:in|since|from)\s+(?:\d{4}|[A-Z][a-z]+\s+\d{4})\s*)?(?:,\s*)?(?:,|and|as well as)\s+"
    r"(?:(?:later|then|subsequently|also|afterwards|finally)\s+)?(?:(?:by|in|to)\s+)?(?:the\s+)?$"
)
"""What joins a further adopter to the one before: ``and the``, ``in 2016 and later by the``."""


def _more_zones(st: _State, rest: str, origins: Sequence[str]) -> list[Mention]:
    """The zones after the first adopter zone of ``rest`` joined to it as further adopters (:data:`_MORE_ZONES_RE`)."""
    zs = st.find_zones(rest)
    out: list[Mention] = []
    for a, b in itertools.pairwise(zs):
        if not _MORE_ZONES_RE.match(rest[a.end : b.start]):
            break
        if b.key.split("/", 1)[0] not in origins:
            out.append(b)
    return out


def adoption_active(c: Clause) -> list[AdoptionFact]:
    """``<adopter> drew on <origin>'s "<name>"``: an adopter taking up another zone's named innovation.

    Accepts ``has adopted``, ``drew on``, ``learned from``, ``borrowed``, ``emulated`` ...
    (:data:`loaders.lexicon.ACTIVE_ADOPT_VERBS`), ``took "<name>" of X PFTZ as a reference`` and
    ``took as a reference the "<name>" of X PFTZ``; the name is the first quoted name after the verb,
    or an unquoted phrase ending in a head noun before ``of <origin>``, or an anaphor for the case
    named just before (``took this practice as a reference``: its zones are the origin). The adopter
    is the province, coordinated innovation zone or zone of the subject, or, when the subject is an
    anaphor (``The model drew on the experience of Guangdong PFTZ``), the zone of the case it stands
    for. The origin is a zone named after the verb, other than the adopter. Rejects a sentence without
    an origin zone (a zone adopting its own practice is a case), unless the adopter is a region without a
    PFTZ taking up a quoted name (``Inner Mongolia introduced the "..."``: the origin is not stated).
    """
    s = c.s
    verbs: list[tuple[int, int, int]] = [(m.start(), m.end(), len(s.text)) for m in _ACTIVE_ADOPT_RE.finditer(s.text)]
    for r in _REFERENCE_RE.finditer(s.text):
        verbs = [v for v in verbs if not r.start() <= v[0] < r.end()]
        verbs.append((r.start(), r.start("obj"), r.end("obj")))
    verbs.sort()
    out: list[AdoptionFact] = []
    for i, (start, obj_at, obj_end) in enumerate(verbs):
        # one clause each: "Qinghai Province borrowed "...", and Jilin Province took as a reference "...""
        cut = _CLAUSE_CUT_RE.search(s.text, obj_at, verbs[i + 1][0]) if i + 1 < len(verbs) else None
        obj_end = min(obj_end, cut.start() if cut else len(s.text))
        if (nxt := _NEXT_SUBJECT_RE.search(s.text, obj_at, obj_end)) is not None:
            obj_end = nxt.start()  # ", and the Xiamen Area of Fujian PFTZ launched ...": another zone's own clause
        begin = max([0, *(m.end() for m in _CLAUSE_CUT_RE.finditer(s.text, 0, start))])
        fact = _active_adoption(c, s.text[begin:start], obj_at, obj_end)
        if fact is not None and len(verbs) > 1:
            fact = replace(fact, date=clause_date(s.text[begin:start]))  # "and in 2026, Yunnan Province adopted"
            # several clauses: the fact is read from its own clause (its line is where the clause starts)
            end = cut.start() if cut else len(s.text)
            fact = replace(fact, line=s.line_at(begin), quote=s.original[begin:end].strip())
        if fact is not None:
            facts = _each_province(c, fact, s.text[begin:start])
            out.extend(facts)
            out.extend(replace(f, name=n) for n in _listed_after(s, fact.name, obj_at, obj_end) for f in facts)
    return out


_LIST_JOIN_RE = re.compile(rf"\s*(?:{alternation(LIST_JOINS)})\s*")


def _listed_after(s: _Sentence, name: str, obj_at: int, obj_end: int) -> list[str]:
    """The quoted names listed right after the quoted ``name`` in one object: ``introduced two of X PFTZ's
    measures, the "A" and the "B"`` adopts both (the names joined by :data:`loaders.lexicon.LIST_JOINS` only)."""
    quotes = [q for q in s.quotes if obj_at <= q.start < obj_end]
    first = next((i for i, q in enumerate(quotes) if q.name == name), None)
    if first is None:
        return []
    out: list[str] = []
    for a, b in itertools.pairwise(quotes[first:]):
        if not _LIST_JOIN_RE.fullmatch(s.text[a.end : b.start]) or not is_case_name(b.name, s.text, b):
            break
        out.append(b.name)
    return out


_PROVINCE_LIST_RE = re.compile(r"\s*(?:,\s*and|,|and|as well as)\s*")
_NEXT_SUBJECT_RE = re.compile(
    rf"[,;]\s*(?:and|while|whereas)\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){{1,6}}(?:of\s+(?:the\s+)?(?:[\w'’()-]+\s+){{1,4}}?)?"
    rf"(?:P?FTZ|FTP|Area|Pilot Free Trade Zone)\s+(?:has\s+|have\s+)?(?:{PRACTICE_VERBS})\b"
)
"""A clause after an adoption's object whose subject is another zone with a verb of its own piloting."""


def _each_province(c: Clause, fact: AdoptionFact, subject: str) -> list[AdoptionFact]:
    """``Anhui Province and Guizhou Province adopted it``, ``extended to ... in Guangdong and Zhejiang``: one
    adoption per province of a list (the subject, or the words after a passive verb)."""
    if fact.adopter_kind not in ("province", "city"):
        return [fact]
    if fact.adopter_kind == "city":  # "Ningming County and Dongxing City emulated ...": both
        provs = c.st.gaz.find_cities(subject)
    else:
        provs = c.st.gaz.find_provinces(subject, exclude_zones=True)
    run = provs[:1]
    for p in provs[1:]:
        if _PROVINCE_LIST_RE.fullmatch(subject[run[-1].end : p.start]) is None:
            break
        run.append(p)
    if len(run) < 2 or fact.adopter_key not in {p.key for p in run}:
        return [fact]
    return [replace(fact, adopter_key=p.key, adopter_name=p.text) for p in run if p.key not in fact.origins]


_POSSESSIVE_AT_RE = re.compile(r"(?:'s|’s|')\s+")
_CLAUSE_CUT_RE = re.compile(r",\s*(?:and|while|whereas)\s+|;\s*")


def _root(key: str) -> str:
    """The PFTZ of a zone key (an area's key is ``<pftz>/<area>``)."""
    return key.split("/", 1)[0]


_TRAILING_PREP_RE = re.compile(r"(?:\s+(?:from|of|in|at|by|to|with|and))+$")
_ARTICLE_END_RE = re.compile(r"\b(?:the|a|an|its|their)\s*$")


def _one_word_named(s: _Sentence, obj_at: int, obj_end: int) -> Quoted | None:
    """The first object quote of one word after an article and before a head noun, as the fuller name
    it prints (``the "whitelist" system for imported special biological items``)."""
    for q in s.quotes:
        if not obj_at <= q.start < obj_end or len(q.name.split()) != 1:
            continue
        if _ARTICLE_END_RE.search(s.text, obj_at, q.start) and re.match(HEAD_NOUNS, s.text[q.end :]):
            full = _TRAILING_PREP_RE.sub("", fuller_name(s.text, q))
            return replace(q, name=full) if full else None
    return None


def _active_adoption(c: Clause, subject: str, obj_at: int, obj_end: int) -> AdoptionFact | None:
    """One clause of :func:`adoption_active`: the subject before the verb, the object at ``obj_at:obj_end``."""
    s, st = c.s, c.st
    if len(subject.split()) > SUBJECT_WORDS:
        return None
    case: Named | None = None
    who = _adopter(st, subject)
    if who is None and _ANAPHOR_RE.fullmatch(subject.rstrip()) and (case := _named_before(st, c)) is not None:
        if len(case.zones) != 1:
            return None
        who = ("zone", case.zones[0], case.zones[0], "")  # "The model drew on ...": the case's zone learned
    if who is None:
        return None
    kind, key, printed, parent = who
    after = [a for a in s.actors if obj_at <= a.start < obj_end]
    # an area of the adopter's own zone ("Hebei PFTZ introduced ... in the Xiong'an Area") is no origin
    origins = tuple(k for a in after[:1] for k in a.keys if not (kind == "zone" and _root(k) == _root(key)))
    quotes = [q for q in s.quotes if obj_at <= q.start < obj_end and is_case_name(q.name, s.text, q)]
    if not quotes and (short := _one_word_named(s, obj_at, obj_end)) is not None:
        quotes = [short]  # 'borrowed the "whitelist" system for imported special biological items'
    batch = BATCH_RE.search(s.text, obj_at, obj_end)
    # a region without a PFTZ that introduced a quoted innovation took it from elsewhere, the origin unsaid
    outside = kind == "province" and st.gaz.zone_of_province(key) is None and bool(quotes) and not after
    if case is not None:
        name = case.name  # the adopter's own case, named after what it drew on
    elif quotes and (origins or batch or outside) and (not after or quotes[0].start < after[0].start + 80):
        name = quotes[0].name
    elif origins and (um := _UNQUOTED_OF_ZONE_RE.match(s.text[obj_at:obj_end])) and obj_at + um.end() == after[0].start:
        name = um.group("name").strip()
    elif (
        _ANAPHOR_RE.fullmatch(s.text[obj_at:obj_end].strip()) or _ANAPHOR_OBJECT_RE.match(s.text[obj_at:obj_end])
    ) and (case := _named_before(st, c)) is not None:
        name, origins = case.name, tuple(z for z in case.zones if not (kind == "zone" and z == key))
    elif (
        origins
        and (pm := _POSSESSIVE_AT_RE.match(s.text, after[0].end))
        and s.text[obj_at : after[0].start].strip() in ("", "the")
        and (name := practice_name(_object_at(s.text, pm.end())[0]))
    ):
        pass  # "replicated Shanghai PFTZ's smart customs clearance model"
    else:
        return None
    if not origins and not batch and not outside:
        return None
    ordinal = (_ordinal(batch.group("ord")), batch.group("what")) if batch and not origins else None
    return AdoptionFact(name, kind, key, printed, s.line, s.original, "drew-on", origins, parent, ordinal)


def rule_adopted_by(c: Clause) -> Sequence[Fact]:
    """A passive adoption, the adopter last, the name quoted or an anaphor (:func:`adoption_passive`)."""
    if c.fired & {"replicated", "this-model"}:
        return []
    return adoption_passive(c)


def rule_drew_on(c: Clause) -> Sequence[Fact]:
    """An active adoption of another zone's innovation, ``drew on`` / ``has adopted`` (:func:`adoption_active`).

    After the ``replicated`` rule read one clause of the sentence, the other clauses are still read
    (``Shanxi learned from A's "x", and Yunnan Province adopted B's "y"``); an adopter that rule read
    already is not read twice.
    """
    if c.fired & {"this-model", "adopted-by"}:
        return []
    found = adoption_active(c)
    if "replicated" not in c.fired:
        return found
    read = {a.adopter_key for a in c.st.adoptions[-8:] if a.quote and a.quote in c.s.original}
    return [f for f in found if f.adopter_key not in read]


_AMONG_SCOPE_RE = re.compile(
    rf"^Among (?:the )?(?:[\w-]+ ){{0,3}}?(?:{alternation(GENERIC_PLURALS)}) (?:to be|that are|being|were) "
    rf"(?:[a-z]+ed )?(?:and [a-z]+ed )?(?P<scope>{alternation(PROVINCE_SCOPES)})\s*(?::|\bis\b|\bare\b)"
)


def adoption_among_scope(c: Clause) -> list[AdoptionFact]:
    """``Among the achievements to be replicated region-wide: - the Nanning Area's "A" ...; - ...``.

    A lead naming innovations replicated across the province, then the cases
    of the sentence (read by the rules before): each case is replicated
    province-wide, in its zone's province. Rejects a lead with another scope.
    """
    if not _AMONG_SCOPE_RE.match(c.s.text):
        return []
    out: list[AdoptionFact] = []
    for f in c.st.cases[c.para_cases :]:
        zone = f.zones[0].split("/", 1)[0] if len(f.zones) == 1 else ""  # an area's case: its PFTZ's province
        if f.quote != c.s.original or (prov := _province_of(c.st, zone)) is None:
            continue
        out.append(
            AdoptionFact(
                f.name, "province", prov[0], prov[1], f.line, f.quote, "among-scope", (zone,), scope="province-wide"
            )
        )
    return out


_AMONG_NATIONAL_RE = re.compile(
    rf"^Among (?:the )?(?:[\w-]+ ){{0,3}}?(?:{alternation((*GENERIC_PLURALS, *ITEM_PLURALS))}) "
    r"(?:to be|that are|being|were) "
    rf"(?:[a-z]+ed )?(?:and [a-z]+ed )?(?P<scope>{alternation(NATIONAL_SCOPES)})\s+(?:is|are)\b"
)
_ITEM_ORIGIN_RE = re.compile(r"^[^\"“”;]{0,80}?\b(?:from|of)\s+(?:the\s+)?$")


def adoption_among_national(c: Clause) -> list[AdoptionFact]:
    """``Among the items to be replicated throughout the country are the "A" model ... from Guangdong PFTZ and
    the "B" model ... from Henan PFTZ``: each quoted item, with the zone printed after it (``from``/``of``),
    is replicated at the national scope the lead names. Rejects a lead with another scope and an item
    without its zone.
    """
    s = c.s
    lead = _AMONG_NATIONAL_RE.match(s.text)
    if lead is None:
        return []
    scope = "all PFTZs" if "pftz" in lead.group("scope").lower() else "nationwide"
    out: list[AdoptionFact] = []
    for q in s.quotes:
        if q.start < lead.end() or not is_case_name(q.name, s.text, q):
            continue
        origin = next(
            (a for a in s.actors if a.start >= q.end and _ITEM_ORIGIN_RE.match(s.text[q.end : a.start])), None
        )
        if origin is None:
            continue
        name = _TRAILING_PREP_RE.sub("", fuller_name(s.text, q)) or q.name
        out.append(AdoptionFact(name, "scope", scope, scope, s.line, s.original, "among-national", origin.keys))
    return out


def rule_among_national(c: Clause) -> Sequence[Fact]:
    """Items a lead puts at a national scope, each with its zone (:func:`adoption_among_national`)."""
    return adoption_among_national(c)


_LISTED_FOR_RE = re.compile(
    rf"\b(?:listed|included|put|list|include)\s+(?P<anaphor>{alternation(ANAPHORA)})\s+in\s+(?:its|their|the)\s+"
    r"[^.;]{0,160}?\bfor\s+(?:replication|promotion|replication and (?:promotion|scaling(?: up)?))\s+"
    rf"(?:(?P<scope>(?:across|throughout) (?:the|its) (?:entire |whole )?(?:province|region))\b|"
    rf"(?P<national>{alternation(NATIONAL_SCOPES)}))",
    re.IGNORECASE,
)


def adoption_listed_for_replication(c: Clause) -> list[AdoptionFact]:
    """``The Henan Provincial People's Government listed the model in its fifth batch ... for replication across
    the province``: the innovation an anaphor stands for, replicated across its zone's province; ``did the State
    Council include the practice in the sixth batch ... for replication nationwide``: replicated nationwide.

    Rejects an anaphor with no case named just before, or a case of several zones.
    """
    m = _LISTED_FOR_RE.search(c.s.text)
    case = _named_before(c.st, c) if m else None
    if m is not None and case is not None and m.group("national"):
        scope = "all PFTZs" if "pftz" in m.group("national").lower() else "nationwide"
        rule = "listed-for"
        return [AdoptionFact(case.name, "scope", scope, scope, c.s.line, c.s.original, rule, case.zones)]
    if case is None or len(case.zones) != 1:
        return []
    zone = case.zones[0].split("/", 1)[0]
    if (prov := _province_of(c.st, zone)) is None:
        return []
    s, rule, when = c.s, "listed-for", clause_date(m.group(0)) if m else ""
    return [
        AdoptionFact(case.name, "province", *prov, s.line, s.original, rule, (zone,), scope="province-wide", date=when)
    ]


_APPEARED_RE = re.compile(
    rf"\b{alternation(LIKENESS_ANAPHORA)}\s+(?:(?:has|have|had)\s+)?(?:(?:since|also|soon|quickly|later)\s+)?"
    rf"{alternation(SPREAD_VERBS)}\s+(?P<prep>in|to|across)\s+(?:the\s+)?",
    re.IGNORECASE,
)


def adoption_appeared(c: Clause) -> list[AdoptionFact]:
    """``The "<name>" was first piloted in <zone>; within three years comparable arrangements had appeared in
    <zone> and in <zone>``: a copy of the innovation named before reaching other zones or provinces.

    The subject is a likeness anaphor (:data:`loaders.lexicon.LIKENESS_ANAPHORA`) before a verb of
    :data:`loaders.lexicon.SPREAD_VERBS`; the innovation is the last quoted name before it in the sentence
    (its origin the zones named before the anaphor), else the one named just before (:func:`_named_before`).
    Every adopter of a list after ``in``/``to`` is one adoption. Rejects an innovation without an origin
    and an adopter that is its origin.
    """
    s, st = c.s, c.st
    out: list[AdoptionFact] = []
    for m in _APPEARED_RE.finditer(s.text):
        quotes = [q for q in s.quotes if q.end <= m.start() and is_case_name(q.name, s.text, q)]
        if quotes:
            name = quotes[-1].name
            origins = tuple(k for a in s.actors if a.end <= m.start() for k in a.keys)
        elif (case := _named_before(st, c)) is not None:
            name, origins = case.name, case.zones
        else:
            continue
        rest = s.text[m.end() :]
        who = _place_of(st, " ".join(rest.split()[:14]))
        if not origins or who is None:
            continue
        kind, key, printed, parent = who
        if kind == "zone" and key.split("/", 1)[0] in origins:
            continue
        when = clause_date(_adopter_clause(rest))
        line = s.line_at(m.start())
        fact = AdoptionFact(name, kind, key, printed, line, s.original, "appeared-in", origins, parent, date=when)
        out.extend(_each_province(c, fact, rest))
        if kind == "zone":
            out.extend(
                replace(fact, adopter_key=z.key, adopter_name=z.text, date=clause_date(_adopter_clause(rest, z.start)))
                for z in _more_zones(st, rest, origins)
            )
    return out


def rule_appeared_in(c: Clause) -> Sequence[Fact]:
    """``comparable arrangements had appeared in <zone>``: a copy of an innovation reaching a place
    (:func:`adoption_appeared`)."""
    return adoption_appeared(c)


def rule_listed_for(c: Clause) -> Sequence[Fact]:
    """An anaphor listed in a batch for replication across the province (:func:`adoption_listed_for_replication`)."""
    return adoption_listed_for_replication(c)


def rule_among_scope(c: Clause) -> Sequence[Fact]:
    """The cases listed after ``Among the ... to be replicated region-wide:`` (:func:`adoption_among_scope`)."""
    return adoption_among_scope(c)


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

    st: _State
    sents: Sequence[_Sentence]
    i: int
    last_subject: Actor | None = None
    last_group: Actor | None = None
    crossing: bool = False
    credited: set[str] = field(default_factory=set)
    para_cases: int = 0
    fired: set[str] = field(default_factory=set)

    @property
    def s(self) -> _Sentence:
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


def _taken_back(c: Clause, step: Callable[[], object]) -> list[Fact]:
    """Run a reading step that appends to the state, and take back what it appended as the production."""
    st = c.st
    n_cases, n_adoptions, n_efforts = len(st.cases), len(st.adoptions), len(st.efforts)
    step()
    out: list[Fact] = [*st.cases[n_cases:], *st.adoptions[n_adoptions:], *st.efforts[n_efforts:]]
    del st.cases[n_cases:], st.adoptions[n_adoptions:], st.efforts[n_efforts:]
    return out


def rule_provincial_examples(c: Clause) -> Sequence[Fact]:
    """A paragraph telling a zone's provincial batch and its named examples (:func:`adoption_provincial_examples`).

    ``Xinjiang PFTZ has produced two batches ... replicated and scaled up across the entire region.
    Specifically, ... "cross-port mutual recognition for foreign vehicles"``: read once, at the
    paragraph's first sentence.
    """
    return adoption_provincial_examples(c.st, c.sents) if c.i == 0 else []


def rule_this_model(c: Clause) -> Sequence[Fact]:
    """``This model has been replicated and scaled up across the province`` after a case of the paragraph.

    See :func:`adoption_this_model`; declines before the paragraph credited a case.
    """
    if len(c.st.cases) <= c.para_cases:
        return []
    return adoption_this_model(c.st, c.s, c.st.cases[-1])


def rule_group_pronoun(c: Clause) -> Sequence[Fact]:
    """``They have promoted <effort>`` after a sentence printing a group (:func:`effort_group_pronoun`)."""
    if not c.i or not c.s.text.startswith("They"):
        return []
    found = effort_group_pronoun(c.s, c.sents[c.i - 1])
    return [found] if found else []


def rule_new_batch(c: Clause) -> Sequence[Fact]:
    """``... promoted the replication and scaling of a new batch ... across their respective provinces``.

    See :func:`adoption_batch_statement`.
    """
    return adoption_batch_statement(c.st, c.s)


def rule_scope_list(c: Clause) -> Sequence[Fact]:
    """``17 measures are replicated and scaled up across all PFTZs, including A, B, and C``.

    See :func:`adoption_scope_list`.
    """
    return adoption_scope_list(c.s)


def rule_replicated(c: Clause) -> Sequence[Fact]:
    """``<adopter> replicated and scaled up the "<name>" from the Nth batch of ...`` (:func:`adoption_replicated`).

    The outcome is the next two sentences.
    """
    return adoption_replicated(c.st, c.s, " ".join(t.original for t in c.sents[c.i + 1 : c.i + 3]))


_EXAMPLE_LEAD_RE = re.compile(rf"^\s*(?:\*\*)?{alternation(EXAMPLE_LEADS)}\b", re.IGNORECASE)


def rule_alliance(c: Clause) -> Sequence[Fact]:
    """A body of several members named with a capitalised head (:func:`effort_alliance`).

    When the sentence tells a batch the body released without naming its innovations, the quoted names
    of a next sentence opening ``For example`` (:data:`loaders.lexicon.EXAMPLE_LEADS`) are the batch's.
    """
    found = effort_alliance(c.s, c.st.gaz)
    nxt = c.sents[c.i + 1] if c.i + 1 < len(c.sents) else None
    if nxt is None or not _EXAMPLE_LEAD_RE.match(nxt.text):
        return found
    out: list[Fact] = []
    for e in found:
        if e.batch is not None and not e.released:
            names = [q for q in nxt.quotes if is_case_name(q.name, nxt.text, q)]
            c.st.used.update((id(nxt), q.start) for q in names)
            developers = tuple((q.name, z) for q in names if (z := _developed_by(c.st, nxt.text, q)))
            e = replace(e, released=tuple(q.name for q in names), developers=developers)
        out.append(e)
    return out


def rule_joint_action(c: Clause) -> Sequence[Fact]:
    """Several zones acting together: ``PFTZs in A, B and C jointly issued the "..."`` (:func:`effort_joint_action`)."""
    found = effort_joint_action(c.s, c.last_group)
    return [found] if found else []


def _with_states(c: Clause, facts: list[Fact]) -> list[Fact]:
    """The cases of ``facts`` with the paragraph's later ``Prior to the reform`` / ``Following the reform``
    sentences as their ``before`` and ``after`` states."""
    if not any(isinstance(f, CaseFact) for f in facts):
        return facts
    before = after = ""
    for t in itertools.islice(c.sents, c.i + 1, c.i + 1 + LOOKAHEAD):
        if not before and BEFORE_RE.match(t.text):
            before = t.text
        elif not after and AFTER_RE.match(t.text):
            after = t.text
        if any(is_case_name(q.name, t.text, q) for q in t.quotes if _POSSESSIVE_RE.match(t.text[: q.start][-6:])):
            break
    return [replace(f, before=before, after=after) if isinstance(f, CaseFact) else f for f in facts]


def _tells_a_case(c: Clause) -> bool:
    """Whether the sentence may credit a case: not one the ``replicated`` rule read as an adoption (its quoted
    name is the adopted innovation), nor one telling a case's old state (``Prior to the reform, ...``)."""
    return "replicated" not in c.fired and not BEFORE_RE.match(c.s.text)


def rule_titles_and_lists(c: Clause) -> Sequence[Fact]:
    """Bold case titles, joint clause lists and ``This has resulted in a ... model`` (:func:`case_bold_title`,
    :func:`case_joint_clauses`, :func:`case_resulted_in`)."""
    if not _tells_a_case(c):
        return []
    step = lambda: _cases_of_titles_and_lists(c.st, c.s, c.last_subject, c.crossing, c.credited)  # noqa: E731
    return _with_states(c, _taken_back(c, step))


def rule_quoted_case(c: Clause) -> Sequence[Fact]:
    """A quoted name credited to a zone: ``<zone>'s "<name>"``, ``"<name>" in <zone>``, ``<zone> launched "<name>"``,
    ``It introduced "<name>"``, a zone named inside the quote, a partly quoted name, a body of the zone.

    The actor is found by the first of :func:`case_possessive`, :func:`case_after`, :func:`case_verb`,
    :func:`case_pronoun`, :func:`case_inside` that names one, else by :func:`case_partly_quoted` and
    :func:`case_org_subject`. Declines descriptive quotes (:func:`is_case_name`).
    """
    if not c.s.quotes or not _tells_a_case(c):
        return []
    step = lambda: _cases_of_sentence(c.st, c.s, c.last_subject, c.crossing, c.credited)  # noqa: E731
    return _with_states(c, _taken_back(c, step))


def rule_unquoted_practice(c: Clause) -> Sequence[Fact]:
    """An unquoted practice: ``<zone> established a <head noun> ...``, ``A ... was set up in <zone>``
    (:func:`case_unquoted_object`, :func:`case_passive_subject`, :func:`case_established_in_zone`)."""
    if not _tells_a_case(c):
        return []
    return _with_states(c, _taken_back(c, lambda: _cases_of_practices(c.st, c.s, c.last_subject)))


def rule_took_lead(c: Clause) -> Sequence[Fact]:
    """``<zone> took the lead in piloting <practice>`` (:func:`case_took_lead`)."""
    if not _tells_a_case(c):
        return []
    return _with_states(c, _taken_back(c, lambda: _cases_took_lead(c.st, c.s, c.last_subject)))


_ADOPT_WORDS = tuple(
    sorted(
        {
            next(x for x in w.split() if x not in ("has", "have"))[:6]
            for w in (*PASSIVE_ADOPT_VERBS, *ACTIVE_ADOPT_VERBS, *REFERENCE_VERBS)
        }
    )
)
"""Stems of the adoption verbs: a sentence without one holds no adoption."""

RULES: tuple[Rule, ...] = (
    Rule("provincial-example", None, rule_provincial_examples),
    Rule("this-model", re.compile(r"\bhas been\b"), rule_this_model, ("has been",)),
    Rule("group-pronoun", re.compile(r"^They\b"), rule_group_pronoun, ("they",)),
    Rule("new-batch", re.compile(r"\bnew batch"), rule_new_batch, ("new batch",)),
    Rule(
        "scope-list",
        re.compile(r"\b(?:are|were) (?:to be |being )?\w+ed\b.{0,60}\bincluding\b"),
        rule_scope_list,
        ("including",),
    ),
    Rule("replicated", None, rule_replicated, ("replicat", "learn", "disseminat")),
    Rule("adopted-by", _PASSIVE_ADOPT_RE, rule_adopted_by, _ADOPT_WORDS),
    Rule("drew-on", None, rule_drew_on, _ADOPT_WORDS),
    Rule("alliance", None, rule_alliance, tuple({h.split()[-1] for h in BODY_HEADS})),
    Rule(
        "joint-action",
        re.compile(rf"{JOINT_VERB_RE.pattern}|\bJointly\b"),
        rule_joint_action,
        ("joint", "conven", "together", "signed", "alliance", "collabor", "co-"),
    ),
    Rule("titles-and-lists", None, rule_titles_and_lists),
    Rule("quoted-case", None, rule_quoted_case),
    Rule("unquoted-practice", None, rule_unquoted_practice),
    Rule("took-the-lead", re.compile(r"\bthe lead in\b"), rule_took_lead, ("the lead in",)),
    Rule("among-scope", _AMONG_SCOPE_RE, rule_among_scope, ("among",)),
    Rule("among-national", _AMONG_NATIONAL_RE, rule_among_national, ("among",)),
    Rule("listed-for", _LISTED_FOR_RE, rule_listed_for, ("list", "include", "put")),
    Rule("appeared-in", _APPEARED_RE, rule_appeared_in, ("similar", "comparable", "same")),
)
"""The narrative's rules, in the order they read each sentence."""


_DEVELOPED_BY_RE = re.compile(
    rf"^[^,.;\"“”]{{0,60}}?,?\s*(?:(?:first|jointly)\s+)?\b{alternation(LAUNCH_PARTICIPLES)}\s+(?:jointly\s+)?by\s+"
    r"(?P<who>[^,.;]{3,120})"
)


def _developed_by(st: _State, text: str, q: Quoted) -> tuple[str, ...]:
    """The zones an item of an alliance's batch names as its developers (``the "..." model developed by Guangxi
    PFTZ and Chongqing PFTZ``), when two or more; else nothing (the alliance's members stand)."""
    if (m := _DEVELOPED_BY_RE.match(text[q.end :])) is None:
        return ()
    zones = tuple(sorted({z.key for z in st.find_zones(m.group("who"))}))
    return zones if len(zones) > 1 else ()


def _read_paragraph(st: _State, sents: list[_Sentence], cross: Sequence[Section]) -> None:
    """Run :data:`RULES` over the sentences of one paragraph, keeping track of its subject."""
    crossing = bool(sents) and any(c.start_line <= sents[0].line <= c.end_line for c in cross)
    para_cases = len(st.cases)
    last_subject: Actor | None = None
    last_group: Actor | None = None
    credited: set[str] = set()
    for i, s in enumerate(sents):
        clause = Clause(st, sents, i, last_subject, last_group, crossing, credited, para_cases)
        low = s.text.lower()
        named_here: dict[str, Named] = {}
        for rule in RULES:
            if rule.words and not any(w in low for w in rule.words):
                continue
            if rule.pattern is not None and not rule.pattern.search(s.text):
                continue
            facts = rule.prod(clause)
            if not facts:
                continue
            clause.fired.add(rule.name)
            for f in facts:
                if isinstance(f, CaseFact):
                    st.cases.append(f)
                    st.last_named = Named(f.name, f.zones, f.line)
                elif isinstance(f, AdoptionFact):
                    st.adoptions.append(f)
                    if f.name and f.origins:
                        st.last_named = Named(f.name, f.origins, f.line)
                        named_here.setdefault(f.name, st.last_named)
                else:
                    st.efforts.append(f)
        if named_here:
            st.last_set = tuple(named_here.values())
        if st.last_named is not None and st.last_named.line < s.line and f'"{st.last_named.name}"' in s.text:
            st.last_named = replace(st.last_named, line=s.line)  # named again: still what an anaphor stands for
        # the subject: a zone near the start, after an introductory phrase ("For example, in the context of ...,")
        head = [a for a in s.actors if len(s.text[: a.start].split()) <= SUBJECT_WORDS]
        if not head and BARE_SUBJECT_RE.match(s.text):
            last_subject = None  # "In digital economy, PFTZ launched ...": an unnamed zone; "It" no longer refers back
        if head:
            last_subject = head[0]
            if len(head[0].keys) > 1:
                last_group = head[0]


def _cases_of_sentence(
    st: _State, s: _Sentence, last_subject: Actor | None, crossing: bool, credited: set[str]
) -> None:
    for q in s.quotes:
        prior_all = [a for a in s.actors if a.end <= q.start]
        prior = prior_all[-1] if prior_all else None
        lead = bool(
            s.first
            and prior is not None
            and len(s.text[: prior.start].split()) <= 3
            and _POSSESSIVE_RE.fullmatch(s.text[prior.end : q.start])
        )
        if (id(s), q.start) in st.used:
            continue
        if not is_case_name(q.name, s.text, q, lead=lead):
            _case_of_quote_extra(st, s, q, prior, last_subject, crossing, credited)
            continue
        rule = ""
        actors: list[Actor] = []
        if (a := case_possessive(s, q, prior)) is not None:
            actors, rule = [a], "possessive"
        elif after := case_after(s, q):
            actors, rule = after, "after"
        elif (a := case_verb(s, q, prior, st.gaz)) is not None:
            actors, rule = [a], "verb"
        elif (a := case_pronoun(s, q, prior, last_subject)) is not None:
            actors, rule = [a], "pronoun"
        elif (a := case_under(s, q)) is not None:
            actors, rule = [a], "under"
        elif (a := case_its(s, q, prior)) is not None:
            actors, rule = [a], "its"
        elif (a := case_quote_subject(s, q, prior, last_subject)) is not None:
            actors, rule = [a], "quote-subject"
        elif inside := case_inside(s, q):
            actors, rule = inside, "inside"
        if not actors:
            _case_of_quote_extra(st, s, q, prior, last_subject, crossing, credited)
            continue
        if rule in ("verb", "pronoun", "quote-subject") and set(actors[0].keys) <= credited:
            continue  # a later phrase in a case's own paragraph describes that case
        credited.update(k for a in actors for k in a.keys)
        keys = tuple(sorted({k for a in actors for k in a.keys}))
        st.used.add((id(s), q.start))
        name = q.name.replace('"', "").strip() if not q.balanced else q.name
        if len(name.split()) < 2:
            name = fuller_name(s.text, q) or name  # the "one-bill" system for ...: the printed phrase
        if len(keys) > 1 and ADOPTS_RE.search(s.text):
            # "Beijing, Tianjin, and Hebei PFTZ adopts "..."": each zone adopted the joint case too
            st.adoptions.extend(
                AdoptionFact(name, "zone", k, k, s.line, s.original, "adopts-case", adopter_zone=keys[0]) for k in keys
            )
        st.cases.append(
            CaseFact(
                name,
                keys,
                s.line,
                s.original,
                rule,
                joint=len({_root(k) for k in keys}) > 1,  # "In Hengqin, Guangdong PFTZ ...": one zone, its area
                fuller=fuller_name(s.text, q),
                cross_regional=crossing,
            )
        )


def _cases_of_practices(st: _State, s: _Sentence, last_subject: Actor | None) -> None:
    used = [q.start for q in s.quotes if (id(s), q.start) in st.used]
    here = [
        f" {_phrase_key(c.name)} " for c in itertools.takewhile(lambda c: c.quote is s.original, reversed(st.cases))
    ]
    for actor, name, rule in _practices_of_sentence(s, last_subject, used):
        keys = tuple(sorted(actor.keys))
        mine = f" {_phrase_key(name)} "
        if any(k in mine or mine in k for k in here):
            continue  # another rule read this phrase of the sentence already (one phrase, one case)
        if _titled_before(st.cases, s, keys):
            continue  # a case paragraph under a bold title: its later phrases describe the titled case
        if any(c.quote is s.original for c in st.cases[-4:]):
            st.cases[-4:] = [
                c for c in st.cases[-4:] if c.quote is not s.original or not _restates(c, s.text, name, keys)
            ]
        st.cases.append(CaseFact(name, keys, s.line, s.original, rule, len(keys) > 1))


def _cases_took_lead(st: _State, s: _Sentence, last_subject: Actor | None) -> None:
    for actor, name, _at in case_took_lead(s, last_subject):
        st.cases.append(CaseFact(name, actor.keys, s.line, s.original, "took-the-lead", len(actor.keys) > 1))


_AREA_SEP_RE = re.compile(r"\s*(?:,\s*and|,|and)\s+(?:the\s+)?(?:[A-Z][\w-]*\s+){1,4}of\s+")
"""``and Lin-gang Special Area of``: an area of the next zone, joined to the zone before."""


def _joint_subject(s: _Sentence, i: int) -> Actor:
    """The zones joined to actor ``i`` as one subject (as :func:`_chain`), an area of a zone counting as its zone.

    ``Yunnan PFTZ and Lin-gang Special Area of Shanghai PFTZ have jointly ...``: Yunnan and Shanghai.
    """
    acts = s.actors
    j = i
    keys = list(acts[i].keys)
    while j > 0 and (
        _SEP_RE.fullmatch(s.text, acts[j - 1].end, acts[j].start)
        or _AREA_SEP_RE.fullmatch(s.text, acts[j - 1].end, acts[j].start)
    ):
        j -= 1
        keys = list(acts[j].keys) + keys
    return Actor(acts[j].start, acts[i].end, tuple(dict.fromkeys(keys)))


def _titled_before(cases: Sequence[CaseFact], s: _Sentence, keys: tuple[str, ...]) -> bool:
    """Whether an earlier sentence of ``s``'s paragraph gave a bold-title case of the zones ``keys``."""
    for c in reversed(cases):
        if c.line < s.para.line:
            return False
        if c.rule == "bold-title" and c.quote is not s.original and set(keys) <= set(c.zones):
            return True
    return False


def _same_phrase(name: str, key: str) -> bool:
    """Whether ``name`` and a phrase key (:func:`_phrase_key`) name the same thing: one contains the other."""
    mine = f" {_phrase_key(name)} "
    return f" {key} " in mine or mine.strip() in key


def _phrase_key(name: str) -> str:
    """A name compared as words: lower case, quotes and punctuation dropped."""
    return " ".join(_WORD_RE.findall(name.lower()))


_WORD_RE = re.compile(r"[\w-]+")


def _restates(case: CaseFact, text: str, practice: str, keys: tuple[str, ...]) -> bool:
    """Whether a quoted ``case`` of a sentence only restates an unquoted ``practice`` named before it.

    ``Chongqing PFTZ establishes a 'four teams' working mechanism ..., taking the lead to promote
    "four supporting teams"``: the later quote, read by the verb or pronoun rule for the same zones,
    shares two thirds of its words with the practice and describes it; it is no second case.
    """
    if case.rule not in ("verb", "pronoun") or case.zones != keys:
        return False
    words = set(re.findall(r"[\w-]+", case.name.lower()))
    shared = words & set(re.findall(r"[\w-]+", practice.lower()))
    at_practice = text.find(" ".join(practice.split()[:2]))
    return 3 * len(shared) >= 2 * len(words) and 0 <= at_practice < text.find(case.name)


def _practices_of_sentence(
    s: _Sentence, last_subject: Actor | None, used: Sequence[int]
) -> list[tuple[Actor, str, str]]:
    """The unquoted practices of a sentence, each once: (actor, name, rule).

    None in a sentence telling a case's new state (``Following the reform, ...``).
    """
    if (not s.actors and last_subject is None) or AFTER_RE.match(s.text):
        return []
    found = [(a, n, "object") for a, n in case_unquoted_object(s, last_subject, used)]
    found += [(a, n, "passive") for a, n in case_passive_subject(s, last_subject)]
    found += [(a, n, "established-in") for a, n in case_established_in_zone(s)]
    found += [(a, n, "launched-by") for a, n in case_launched_by(s)]
    out: list[tuple[Actor, str, str]] = []
    seen: set[tuple[tuple[str, ...], str]] = set()
    for a, n, rule in found:
        key = (a.keys, n.lower())
        if key not in seen:
            seen.add(key)
            out.append((a, n, rule))
    return out


def _case_of_quote_extra(
    st: _State,
    s: _Sentence,
    q: Quoted,
    prior: Actor | None,
    last_subject: Actor | None,
    crossing: bool,
    credited: set[str],
) -> None:
    """A quote the main rules did not credit: a partly quoted name, or a name launched by a body of the zone."""
    rule = "partly-quoted"
    name = case_partly_quoted(s, q, prior, last_subject)
    actor = (_chain(s, prior) if prior is not None else last_subject) if name else None
    if actor is None and not any(c.quote == s.original and c.rule == "organisation" for c in st.cases[-3:]):
        actor, rule = case_org_subject(s, q, last_subject), "organisation"
        name = partly_quoted_name(s.text, q) or q.name.replace('"', "").strip()
    if actor is None:
        return
    keys = tuple(sorted(actor.keys))
    fuller = name if name != q.name else ""
    st.cases.append(CaseFact(name, keys, s.line, s.original, rule, len(keys) > 1, fuller, crossing))


def _cases_of_titles_and_lists(
    st: _State, s: _Sentence, last_subject: Actor | None, crossing: bool, credited: set[str]
) -> None:
    """Bold case titles, joint clause lists and ``This has resulted in a ... model`` of one sentence."""
    for actor, name in case_bold_title(s):
        # the quotes in the rest of a title's sentence describe the titled case ("..., taking the lead to promote
        # "four supporting teams""): no second case
        st.used.update((id(s), q.start) for q in s.quotes if q.start > actor.end)
        credited.update(actor.keys)  # and later quotes of its paragraph restate it (the verb rule's guard)
        keys = tuple(sorted(actor.keys))
        st.cases.append(CaseFact(name, keys, s.line, s.original, "bold-title", len(keys) > 1, "", crossing))
    for actor, name, quotes in case_joint_clauses(s, last_subject):
        st.used.update((id(s), at) for at in quotes)
        credited.update(actor.keys)
        keys = tuple(sorted(actor.keys))
        st.cases.append(CaseFact(name, keys, s.line, s.original, "joint-clauses", True, "", crossing))
    if last_subject is not None and len(last_subject.keys) == 1 and (name := case_resulted_in(s, last_subject)):
        st.cases.append(CaseFact(name, last_subject.keys, s.line, s.original, "resulted-in", cross_regional=crossing))


__all__ = [
    "JOINT_DOCUMENT",
    "Actor",
    "AdoptionFact",
    "CaseFact",
    "EffortFact",
    "Narrative",
    "Unread",
    "find_actors",
    "fuller_name",
    "is_case_name",
    "practice_name",
    "read_narrative",
    "split_examples",
]
