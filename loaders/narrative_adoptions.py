"""Adoption rules of the narrative, the clause forms: an innovation replicated, adopted or drawn on by a verb of
adopting, active (``<adopter> drew on <origin>'s "<name>"``) or passive (``"<name>" has been taken up by
<adopter>``), in either direction and across an anaphora (``this model``, ``the practice``), with its adopter and
scope; and the helpers every adoption rule shares (the adopter of a subject or of the words after a verb, the
innovation an anaphor or a defined term stands for, the case credited before). Registered in
:data:`loaders.narrative.RULES`; the passive form's reading lives in :mod:`loaders.narrative_passive`, the batch,
scope and list forms in :mod:`loaders.narrative_batches`, the anaphora and lead forms in
:mod:`loaders.narrative_anaphora`.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import replace

from pftz.loaders.gazetteer_scan import Mention
from pftz.loaders.lexicon import (
    ACTIVE_ADOPT_VERBS,
    ANAPHORA,
    CASE_HEADS,
    CITY_ANAPHORA,
    CITY_OWN_PARTS,
    DEFINING_PHRASES,
    GENERIC_PLURALS,
    LAUNCH_PARTICIPLES,
    LIST_JOINS,
    NATIONAL_SCOPES,
    ORDINALS,
    OUTSIDE_ADOPT_VERBS,
    PASSIVE_ADOPT_VERBS,
    PASSIVE_ADOPT_VERBS_MORE,
    PASSIVE_AUXILIARIES_MORE,
    PLACE_NOUNS,
    PLURAL_ANAPHORA,
    PROVINCE_SCOPES,
    PROVINCE_SCOPES_MORE,
    REFERENCE_PHRASES,
    REFERENCE_VERBS,
    SAME_ANAPHORA,
    TIME_SPANS,
    VERSION_ANAPHORA,
    alternation,
)
from pftz.loaders.narrative_adopter_lists import _OWN_CLAUSE_RE, listed_adopters
from pftz.loaders.narrative_descriptions import described, own_area_adopter
from pftz.loaders.narrative_facts import (
    AREA_PAREN_RE,
    BATCH_RE,
    CLAUSE_CUT_RE,
    COORDINATED_RE,
    HEAD_NOUNS,
    NEXT_ACTOR_RE,
    OWNER_RE,
    PLACE_INTRO_RE,
    SUBJECT_WORDS,
    TRAILING_PLACE_RE,
    TRAILING_TIME_RE,
    Actor,
    AdoptionFact,
    CaseFact,
    Clause,
    EffortFact,
    Named,
    Sentence,
    State,
    clause_date,
    fuller_name,
    is_case_name,
    opens_with_city,
    ordinal_of,
)
from pftz.loaders.narrative_practice_names import PRACTICE_VERBS, object_at, practice_name
from pftz.loaders.quotes import Quoted

# --------------------------------------------------------------------------- adoption rules

_CITY_INTRO = r"^\s*(?:(?:In|On|By|Since|After|Last)\s[^,]{1,40},\s*)?"
_CITY_ANAPHOR_RE = re.compile(
    rf"{_CITY_INTRO}(?:the\s+(?:[\w'’-]+\s+){{0,4}}?{alternation(CITY_ANAPHORA)}"
    rf"|its\s+(?:[\w'’-]+\s+){{0,3}}?{alternation(CITY_OWN_PARTS)})"
    r"(?:\s+(?:also|then|later|soon|itself|has|have|had|(?:in|on|by|since)\s+\w+(?:\s+\d+)?))*\s*$",
    re.IGNORECASE,
)
"""A subject standing for the city named before: ``The city also``, ``The Yangtze River port city in June``,
``Its high-tech zone``."""
_CITY_SUBJECT_RE = re.compile(r"(?:\s+City)?(?:,[^,;]{1,80},)?\s+(?:has\s+|have\s+|also\s+)*[a-z]")
"""What follows a city that is a sentence's subject: its verb, after an apposition (``Ganzhou, on the border with
Guangdong, has copied``)."""


_CITY_OPENING_RE = re.compile(rf"{_CITY_INTRO}(?:the\s+city\s+of\s+)?(?=[A-Z])")
"""What opens a sentence before the city that is its subject (:func:`subject_city`)."""


def subject_city(st: State, text: str) -> tuple[str, str] | None:
    """(key, name) of the city a sentence opens with as its subject (``Jiujiang took its cue from ...``, ``In May,
    Yichang introduced ...``), else None; not a city in a clause of its own (``We went to Wuhan``)."""
    if (m := _CITY_OPENING_RE.match(text)) is None or not opens_with_city(st.gaz, text, m.end()):
        return None  # most sentences open with no city: a cheap test first
    cs = st.gaz.find_cities(text[m.end() : m.end() + 40])
    if not cs or cs[0].start != 0 or not _CITY_SUBJECT_RE.match(text, m.end() + cs[0].end):
        return None
    return cs[0].key, cs[0].text


def _adopter(st: State, subject: str) -> tuple[str, str, str, str] | None:
    """(kind, key, name, parent zone) of the adopter named in a sentence's subject; a subject standing for the
    city named before (``The city also learned from ...``, ``Its high-tech zone introduced ...``) is that city; a city
    after its province's possessive (``Jiangxi's Ganzhou city``) is the city; ``Within Henan, Nanyang ...``: Nanyang."""
    subject = PLACE_INTRO_RE.sub("", subject, count=1)
    if cm := COORDINATED_RE.search(subject):
        parent = st.gaz.zone(cm.group("zone"))
        if parent:
            return "coordinated", cm.group("name").lower(), cm.group("name"), parent
    if (am := AREA_PAREN_RE.search(subject)) and (zone := st.gaz.zone(f"{am.group('place')} PFTZ")):
        return "zone", zone, am.group(0), ""
    zs = st.find_zones(subject)
    if zs:
        return "zone", zs[-1].key, zs[-1].text, ""
    ps = st.gaz.find_provinces(subject)
    cs = st.gaz.find_cities(subject)
    if cs and (not ps or cs[0].start < ps[0].start or any(OWNER_RE.fullmatch(subject, p.end, cs[0].start) for p in ps)):
        # "Ganzhou City in Jiangxi Province", "Kunshan, a county-level city", "Jiangxi's Ganzhou city"
        return "city", cs[0].key, cs[0].text, ""
    if ps:
        return "province", ps[-1].key, ps[-1].text, ""
    if st.last_city is not None and _CITY_ANAPHOR_RE.match(subject):
        return "city", st.last_city[0], st.last_city[1], ""
    return None


ADOPTS_RE = re.compile(r"\b(?:adopts|adopted|has been adopted)\b")


# --------------------------------------------------------------------------- adoptions in either direction
_PASSIVE_ADVERB = r"(?:(?:also|since|now|already|further|later|subsequently|then|soon|\w+ly)\s+)*"
PASSIVE_ADOPT_RE = re.compile(
    rf"\b(?:(?:has|have|had)\s+{_PASSIVE_ADVERB}been|{alternation(PASSIVE_AUXILIARIES_MORE)}|was|were|is|are|being)"
    rf"\s+{_PASSIVE_ADVERB}(?P<verb>{alternation((*PASSIVE_ADOPT_VERBS, *PASSIVE_ADOPT_VERBS_MORE))})\b"
    r"(?=(?P<rest>[^.;]*))"
)
"""A passive verb of adopting and the rest of its clause (a lookahead: a second verb of the clause is matched too:
``... was extended to A, and the "<name>" has been taken as a reference in B``)."""
_ADOPTER_AT_RE = re.compile(
    rf"^\s*(?:(?:and\s+)?(?:scaled up|promoted|applied)\s+)?(?:{alternation(TIME_SPANS)}\s+)?"
    rf"(?:(?:at|in)\s+{alternation(PLACE_NOUNS)}\s+(?=in\s))?"
    r"(?:(?P<prep>in|by|across|to|throughout|into|at|within)\s+|"
    rf"(?P<scope>{alternation((*PROVINCE_SCOPES, *PROVINCE_SCOPES_MORE))})\b)"
)
_ANAPHOR_RE = re.compile(
    rf"^\s*(?:[A-Z][^,;]{{0,60}},\s*|(?:Within|In|By|After|Over|Since)\s+[\w\s-]{{1,30}}?\s+(?=the\s|this\s))?"
    rf"(?P<anaphor>{alternation(ANAPHORA)})\b",
    re.IGNORECASE,
)
_ACTIVE_ADOPT_RE = re.compile(rf"\b(?P<verb>{alternation(ACTIVE_ADOPT_VERBS)})\s+")
_OUTSIDE_ADOPT_RE = re.compile(rf"\b(?P<verb>{alternation(OUTSIDE_ADOPT_VERBS)})\s+")
_ANAPHOR_OBJECT_RE = re.compile(
    rf"^\s*(?:{alternation((*ANAPHORA, *SAME_ANAPHORA))}|the same [\w-]+ {alternation(CASE_HEADS)})(?=\s*(?:[,.;]|$)|"
    rf"\s+(?:at|in|for|to|on|across|into|as|through|throughout|within|from|since|last|this|with|under|when|while|out|up|"
    rf"soon|too|again|early|later|wholesale|verbatim|as well|almost|\w+ly)\b)|^\s*{alternation(VERSION_ANAPHORA)}\b",
    re.IGNORECASE,
)
"""An anaphor as the object (``the same mediation model``), a place, a time, an adverb or a verb's particle after it:
``introduced the model at the Port Area in 2024``, ``rolled it out in ...``, ``adopted it almost immediately``."""
_REFERENCE_RE = re.compile(
    rf"\b(?P<verb>{alternation(REFERENCE_VERBS)})\s+(?P<obj>it|them|[^.;]{{6,220}}?)\s+{alternation(REFERENCE_PHRASES)}\b"
)
"""``took "<name>" as a reference``, ``took it as a reference``: the verb and its object (a pronoun too)."""
_UNQUOTED_OF_ZONE_RE = re.compile(
    rf"^(?:the\s+|its\s+|an?\s+)?(?P<name>(?:[\w'’+-]+\s+){{1,12}}?{alternation(CASE_HEADS)}s?(?:\s+(?:for|of)\s+[a-z][\w\s'’+-]{{3,80}}?)?)"
    r"\s+(?:of|from|in|developed by|pioneered by|piloted by)\s+(?:the\s+)?(?=[A-Z])"
)
_NATIONAL_SCOPE_RE = re.compile(rf"^\s*(?:across\s+|to\s+|in\s+)?{alternation(NATIONAL_SCOPES)}", re.IGNORECASE)


def _named_before(st: State, c: Clause) -> Named | None:
    """The innovation an anaphor (``this model``, ``the practice``) stands for: the last one named (as a case or
    as what an adopter took up) in the paragraph or the sentences just before it."""
    last = st.last_named
    return last if last is not None and 0 <= c.s.line - last.line <= ANAPHOR_REACH else None


ANAPHOR_REACH = 10

_AND_THEN_RE = re.compile(r",\s*(?:and|while)\s+")


def _case_of_clause_before(c: Clause, obj_at: int) -> Named | None:
    """What ``it`` after a verb of adopting stands for when an earlier clause of the same sentence credits a quoted
    case to one zone (``Guangdong PFTZ developed a "<name>" model ..., and Hainan FTP learned from it``): that case,
    not one of a sentence before."""
    s = c.s
    quotes = [q for q in s.quotes if q.end <= obj_at and _AND_THEN_RE.search(s.text, q.end, obj_at)]
    if not quotes or not is_case_name(quotes[-1].name, s.text, quotes[-1]):
        return None
    q = quotes[-1]
    owners = [a for a in s.actors if a.end <= q.start]
    if len(owners) != 1 or len(owners[0].keys) != 1:
        return None
    return Named(q.name, owners[0].keys, s.line)


_PLURAL_ANAPHOR_RE = re.compile(rf"^\s*(?:[A-Z][^,;]{{0,60}},\s*)?(?:{alternation(PLURAL_ANAPHORA)})\b", re.IGNORECASE)


_AND_CLAUSE_RE = re.compile(r",\s*and\s+(?=(?:it|this|the|these)\b)|;\s*")


def _last_clause(head: str) -> str:
    """The last clause of the words before a verb: ``..., and it`` -> ``it`` (the whole head when one clause)."""
    cuts = list(_AND_CLAUSE_RE.finditer(head))
    return head[cuts[-1].end() :] if cuts else head


def _set_before(st: State, c: Clause) -> tuple[Named, ...]:
    """The innovations a plural anaphor (``These measures``) stands for: all those the last sentence that
    named any named, when it is near and named several with their origins."""
    named = st.last_set
    if len(named) < 2 or not all(n.zones for n in named) or not 0 <= c.s.line - named[0].line <= ANAPHOR_REACH:
        return ()
    return named


"""Lines back from an anaphor within which the case it stands for was named."""


def _province_of(st: State, zone: str) -> tuple[str, str] | None:
    ref = st.gaz.zones.get(zone)
    if ref is None or ref.province not in st.gaz.provinces:
        return None
    return ref.province, st.gaz.provinces[ref.province].name


_POSSESSIVE_PRACTICE_RE = re.compile(r"(?:'s|’s)\s+(?P<name>[a-z][^\"“”;,]{8,160}?)\s*,?\s*$")


def _possessive_practice(s: Sentence, lo: int, hi: int) -> tuple[Actor, str] | None:
    """The zone and the unquoted practice of ``<zone>'s <practice>`` ending at ``hi`` (its clause from ``lo``):
    ``Henan PFTZ's integrated approval of land use and planning permits for industrial projects``."""
    for a in reversed(s.actors):
        if a.start < lo or a.end >= hi:
            continue
        if (m := _POSSESSIVE_PRACTICE_RE.match(s.text, a.end, hi)) and (
            name := practice_name(m.group("name"), first=True)
        ):
            return a, name
        return None
    return None


_PRACTICE_OF_ZONE_RE = re.compile(
    r"^\s*(?:[Tt]he|[Ii]ts)\s+(?P<name>[a-z][^\"“”;,]{8,160}?)\s+(?:of|in)\s+(?:the\s+)?$"
)
"""An unquoted practice after an article and before ``of <zone>``, opening the clause of a passive adoption."""


def _practice_of_zone(s: Sentence, lo: int, hi: int) -> tuple[Actor, str] | None:
    """The zone and the unquoted practice of ``the <practice> of <zone>`` opening the clause from ``lo`` and ending
    at ``hi`` with the zone (``The land-port truck appointment system of Xinjiang PFTZ``): one zone, the practice
    a name :func:`practice_name` accepts."""
    ends = [a for a in s.actors if lo <= a.start and a.end <= hi and not s.text[a.end : hi].strip(" ,")]
    if len(ends) != 1 or len(ends[0].keys) != 1:
        return None
    a = ends[0]
    if (m := _PRACTICE_OF_ZONE_RE.match(s.text[lo : a.start])) and (name := practice_name(m.group("name"))):
        return a, name
    return None


def _home_zone(st: State, c: Clause, city: str) -> str:
    """The paragraph's subject zone when it is one zone and ``city`` lies in its province, else ``""``."""
    subject = c.last_subject
    if subject is None or len(subject.keys) != 1 or (ref := st.gaz.cities.get(city)) is None:
        return ""
    zone = root(subject.keys[0])
    prov = _province_of(st, zone)
    return zone if prov is not None and prov[0] == ref.province else ""


_UNQUOTED_THE_RE = re.compile(r"^\s*(?:[Tt]he|[Ii]ts)\s+(?P<np>[a-z][\w'’&+-]*(?:\s+[\w'’&+-]+){2,11}?)\s*$")
"""An unquoted subject after an article, of three words or more, up to a passive verb."""
_BARE_SUBJECT_RE = re.compile(r"^\s*[A-Z][a-z-]+(?:\s+[a-z][\w-]*){1,3}\s*$")


def _case_by_prefix(st: State, c: Clause, subject: str) -> CaseFact | None:
    """The case of the paragraph whose name opens with the words of a bare subject (``Bonded smelting`` for the
    ``bonded smelting of non-ferrous metal concentrates ...`` credited before), when exactly one does."""
    if not _BARE_SUBJECT_RE.match(subject):
        return None
    key = _words(subject)
    found = [f for f in st.cases[c.para_cases :] if f"{_words(f.name)} ".startswith(f"{key} ")]
    return found[0] if len({f.zones for f in found}) == 1 else None


_ALLIANCE_BATCH_RE = re.compile(
    rf"(?:^|\b[Tt]he\s+)(?P<body>[A-Z][\w\s–-]{{3,120}}?)(?:'s|’s)\s+(?P<ord>\d{{1,2}}(?:st|nd|rd|th)|{alternation(ORDINALS)})"
    rf"\s+batch\s+of\s+(?:[\w-]+\s+){{0,3}}?{alternation(GENERIC_PLURALS)}\s*$"
)
"""A batch an alliance released as a subject: ``the Yangtze River Delta PFTZ Alliance's fourth batch of ...``."""


def _alliance_named(st: State, printed: str) -> EffortFact | None:
    """The alliance the text read before under the name printed (its members known), else None."""
    key = _words(printed)
    return next((e for e in reversed(st.efforts) if e.rule == "alliance" and e.members and _words(e.name) == key), None)


def _credited(st: State, name: str) -> tuple[str, ...]:
    """The zones of :func:`_credited_case`, else nothing."""
    case = _credited_case(st, name)
    return case.zones if case is not None else ()


def _credited_case(st: State, name: str) -> CaseFact | None:
    """The last case the text credited under ``name`` (the same words, or a longer name it opens when one zone's),
    else None: the origin of an innovation a later sentence names without its zone (``In 2028, Yunnan adopted the
    "<name>" model``)."""
    key = _words(name)
    if not key:
        return None
    for case in reversed(st.cases):
        if _words(case.name) == key:
            return case
    if len(key.split()) < 3:
        return None
    # a shorter form of a case's name ("the one-window service for foreign talents"): the one zone's case it is in
    found = [case for case in st.cases if f" {key} " in f" {_words(case.name)} "]
    return found[-1] if len({case.zones for case in found}) == 1 else None


_NAME_WORD_RE = re.compile(r"[\w'’+-]+")


def _words(name: str) -> str:
    return " ".join(w.strip("'’") for w in _NAME_WORD_RE.findall(name.lower()))


_UNQUOTED_SUBJECT_RE = re.compile(
    rf"\b(?:[Tt]he|[Aa]n?)\s+(?P<name>(?:[\w'’\"“”+-]+\s+){{0,8}}?{alternation(CASE_HEADS)}s?"
    r"(?:\s+(?:for|of)\s+[a-z][\w\s'’+-]{3,80}?)?)(?:\s*,\s*|\s+)"
    rf"(?:which\s+(?:was\s+)?)?(?:(?:first|initially|originally|jointly)\s+)?{alternation(LAUNCH_PARTICIPLES)}\s+"
    r"(?:jointly\s+)?(?:in|by|at)\s+"
    r"(?P<where>[^;]{3,160})$"
)
"""An unquoted practice and where (or by whom) it was developed, as the subject of a passive adoption: ``the SPV
leasing model developed in ...``, ``A shared supervision mechanism for ..., developed jointly by X and Y in 2029,``
(the zones of the participle's clause are its origins)."""
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


def _more_zones(st: State, rest: str, origins: Sequence[str]) -> list[Mention]:
    """The zones after the first adopter zone of ``rest`` joined to it as further adopters (:data:`_MORE_ZONES_RE`)."""
    zs = st.find_zones(rest)
    out: list[Mention] = []
    for a, b in itertools.pairwise(zs):
        if not _MORE_ZONES_RE.match(rest[a.end : b.start]) or _OWN_CLAUSE_RE.match(rest, a.end):
            break  # "..., and the X Area of Y PFTZ is testing it": a clause of its own
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
    PFTZ taking up a quoted name (``Inner Mongolia introduced the "..."``: the origin is not stated). An object
    opening with another province's possessive (``adopted Fujian's one-code ... model at the ports of ...``) is the
    practice of that province's PFTZ.
    """
    s = c.s
    verbs: list[tuple[int, int, int]] = [(m.start(), m.end(), len(s.text)) for m in _ACTIVE_ADOPT_RE.finditer(s.text)]
    outside_verbs = {m.start() for m in _OUTSIDE_ADOPT_RE.finditer(s.text)} - {v[0] for v in verbs}
    verbs += [
        (m.start(), m.end(), len(s.text)) for m in _OUTSIDE_ADOPT_RE.finditer(s.text) if m.start() in outside_verbs
    ]
    for r in _REFERENCE_RE.finditer(s.text):
        verbs = [v for v in verbs if not r.start() <= v[0] < r.end()]
        verbs.append((r.start(), r.start("obj"), r.end("obj")))
    verbs.sort()
    out: list[AdoptionFact] = []
    shared = ""  # the subject of the clause read before: a later verb's, when ", and <verb>" elides it
    for i, (start, obj_at, obj_end) in enumerate(verbs):
        # one clause each: "Qinghai Province borrowed "...", and Jilin Province took as a reference "...""
        cut = CLAUSE_CUT_RE.search(s.text, obj_at, verbs[i + 1][0]) if i + 1 < len(verbs) else None
        obj_end = min(obj_end, cut.start() if cut else len(s.text))
        if (nxt := _NEXT_SUBJECT_RE.search(s.text, obj_at, obj_end)) is not None:
            obj_end = nxt.start()  # ", and the Xiamen Area of Fujian PFTZ launched ...": another zone's own clause
        if (nxt := _NEXT_PASSIVE_RE.search(s.text, obj_at, obj_end)) is not None:
            obj_end = nxt.start()  # ', and the "..." of Guangxi PFTZ was transplanted to ...': another clause
        if (nxt := NEXT_ACTOR_RE.search(s.text, obj_at, obj_end)) is not None:
            obj_end = nxt.start()  # ', and Linyi has used the "..." service': another subject's clause
        begin = max([0, *(m.end() for m in CLAUSE_CUT_RE.finditer(s.text, 0, start))])
        begin = max([begin, *(m.end() for m in _COLON_RE.finditer(s.text, begin, start))])  # "... release: Wuxi ..."
        subject = s.text[begin:start] if s.text[begin:start].strip() else shared  # ", and modelled ...": elided
        fact = _active_adoption(c, subject, obj_at, obj_end, only_outside=start in outside_verbs)
        if fact is not None and start in outside_verbs and i and verbs[i - 1][0] >= begin:
            fact = None  # "drew on A and applied it": no second adoption
        shared = subject if fact is not None else shared
        if fact is not None and len(verbs) > 1:
            fact = replace(fact, date=clause_date(s.text[begin:start]))  # "and in 2026, Yunnan Province adopted"
            # several clauses: the fact is read from its own clause (its line is where the clause starts)
            end = cut.start() if cut else len(s.text)
            fact = replace(fact, line=s.line_at(begin), quote=s.original[begin:end].strip())
        if fact is not None:
            facts = _each_province(c, fact, s.text[begin:start])
            # "Jiangxi, Shanxi and the city of Ganzhou took ... as a reference": the places of other kinds too
            have = {(f.adopter_kind, f.adopter_key) for f in facts} | {("zone", root(o)) for o in fact.origins}
            facts += [
                replace(fact, adopter_kind=k, adopter_key=key, adopter_name=t, adopter_zone="")
                for k, key, t, _ in listed_adopters(c.st, s.text[begin:start], fact.adopter_name)
                if (k, root(key) if k == "zone" else key) not in have
            ]
            out.extend(facts)
            out.extend(replace(f, name=n) for n in _listed_after(s, fact.name, obj_at, obj_end) for f in facts)
    return out


_COLON_RE = re.compile(r":\s+")
_LIST_JOIN_RE = re.compile(rf"\s*(?:{alternation(LIST_JOINS)})\s*")


def _listed_after(s: Sentence, name: str, obj_at: int, obj_end: int) -> list[str]:
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


_AREA_OF_RE = re.compile(r"(?:\s+(?:[A-Z][\w'’-]*\s+){0,3}Area)?\s+of\s+(?:the\s+)?")
_ZONE_LIST_RE = re.compile(
    r"\s*(?:,\s*and|,|and|as well as)\s+(?:the\s+)?(?:(?:[A-Z][\w'’-]*\s+){1,4}Area\s+of\s+(?:the\s+)?)?"
)
"""What joins two zones of a list, an area printed before its zone (``, the Qianhai Area of``)."""
_PROVINCE_LIST_RE = re.compile(r"\s*(?:,\s*and|,|and|as well as)\s*")
_CITY_LIST_RE = re.compile(r"(?:\s+in\s+[A-Z][\w'’-]*(?:\s+Province)?)?\s*(?:,\s*and|,|and|as well as)\s*")
"""What joins two cities of a list, each may be followed by its province: ``Linyi in Shandong and Changshu``."""
_NEXT_SUBJECT_RE = re.compile(
    rf"[,;]\s*(?:and|while|whereas)\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){{1,6}}(?:of\s+(?:the\s+)?(?:[\w'’()-]+\s+){{1,4}}?)?"
    rf"(?:P?FTZ|FTP|Area|Pilot Free Trade Zone)\s+(?:has\s+|have\s+)?(?:{PRACTICE_VERBS})\b"
)
"""A clause after an adoption's object whose subject is another zone with a verb of its own piloting."""
_NEXT_PASSIVE_RE = re.compile(
    r"[,;]\s*(?:and|while|whereas)\s+(?:the\s+[\"“][^\"”]{3,200}[\"”][^,;\"“”]{0,80}?|(?:the|this|that|these)\s+[a-z-]+)\s+"
    r"(?:(?:was|were|has been|have been|is|are)\s+(?:\w+ly\s+|also\s+|since\s+|later\s+)*)[a-z]+(?:ed|nt)\b"
)
"""A clause after an adoption's object whose subject is another quoted innovation, or an anaphor, with its own
passive verb (``, and the "..." of Guangxi PFTZ was transplanted to ...``, ``, and the service was learnt by
...``)."""
_PARENT_POSSESSIVE_RE = re.compile(r"\s*(?:the|its)\s+(?:zone|PFTZ|parent zone)(?:'s|’s)\s")
"""``the zone's "<name>"`` after a coordinated innovation zone of a PFTZ: that PFTZ's innovation."""


def _each_province(c: Clause, fact: AdoptionFact, subject: str) -> list[AdoptionFact]:
    """``Anhui Province and Guizhou Province adopted it``, ``extended to ... in Guangdong and Zhejiang``: one
    adoption per province of a list (the subject, or the words after a passive verb); so per zone of a list of
    zones printed each in its own way (``the X Pilot FTZ, the Y Area of China (Z) Pilot Free Trade Zone and the W
    FTZ have replicated the practice``), but the origin's."""
    if fact.adopter_kind == "zone":  # "X Pilot FTZ, the Y Area of Z PFTZ and the W FTZ have replicated it": each
        zs = c.st.find_zones(subject)
        zrun = zs[:1]
        last = zs[0].end if zs else 0
        for z in zs[1:]:
            gap, last = subject[last : z.start], z.end
            if _AREA_OF_RE.fullmatch(gap) and root(z.key) == root(zrun[-1].key):
                continue  # "the Qianhai Area of China (Guangdong) Pilot Free Trade Zone": the area and its zone
            if _ZONE_LIST_RE.fullmatch(gap) is None:
                break
            zrun.append(z)
        if len(zrun) < 2 or fact.adopter_key not in {z.key for z in zrun}:
            return [fact]
        return [
            replace(fact, adopter_key=z.key, adopter_name=z.text)
            for z in zrun
            if root(z.key) not in {root(o) for o in fact.origins}
        ]
    if fact.adopter_kind not in ("province", "city"):
        return [fact]
    if fact.adopter_kind == "city":  # "Ningming County and Dongxing City emulated ...": both
        provs = c.st.gaz.find_cities(subject)
    else:
        provs = c.st.gaz.find_provinces(subject, exclude_zones=True)
    run = provs[:1]
    joins = _CITY_LIST_RE if fact.adopter_kind == "city" else _PROVINCE_LIST_RE
    for p in provs[1:]:
        if joins.fullmatch(subject[run[-1].end : p.start]) is None:
            break
        run.append(p)
    if len(run) < 2 or fact.adopter_key not in {p.key for p in run}:
        return [fact]
    return [replace(fact, adopter_key=p.key, adopter_name=p.text) for p in run if p.key not in fact.origins]


_POSSESSIVE_AT_RE = re.compile(r"(?:'s|’s|')\s+")


def root(key: str) -> str:
    """The PFTZ of a zone key (an area's key is ``<pftz>/<area>``)."""
    return key.split("/", 1)[0]


_TRAILING_PREP_RE = re.compile(r"(?:\s+(?:from|of|in|at|by|to|with|and))+$")
_ARTICLE_END_RE = re.compile(r"\b(?:the|a|an|its|their)\s*$")


def _one_word_named(s: Sentence, obj_at: int, obj_end: int) -> Quoted | None:
    """The first object quote of one word after an article and before a head noun, as the fuller name
    it prints (``the "whitelist" system for imported special biological items``)."""
    for q in s.quotes:
        if not obj_at <= q.start < obj_end or len(q.name.split()) != 1:
            continue
        if _ARTICLE_END_RE.search(s.text, obj_at, q.start) and re.match(HEAD_NOUNS, s.text[q.end :]):
            full = _TRAILING_PREP_RE.sub("", fuller_name(s.text, q))
            return replace(q, name=full) if full else None
    return None


_PASSIVE_END_RE = re.compile(r"\b(?:be|been|being|is|are|was|were)\s+(?:\w+ly\s+|also\s+|since\s+|later\s+)*$")


def _bare_object(text: str, obj_at: int, obj_end: int) -> str:
    """The object phrase at ``obj_at`` up to its clause end, without its article and a place or a time after it."""
    phrase = _AND_VERB_RE.split(object_at(text[:obj_end], obj_at)[0].strip())[0]
    return TRAILING_PLACE_RE.sub("", re.sub(r"^(?:the|an?|its)\s+", "", TRAILING_TIME_RE.sub("", phrase)))


_PROVINCE_POSSESSIVE_RE = re.compile(r"\s*(?:the\s+)?(?P<place>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)(?:'s|’s)\s+")
_QUOTED_FIRST_RE = re.compile(r"[\"“](?P<name>[^\"“”]{3,120})[\"”]")
"""A quoted name opening a province's possessed object (``Fujian's "one certificate ..." approach``)."""


def _province_possessed(
    st: State, text: str, obj_at: int, obj_end: int, adopter: str
) -> tuple[str, tuple[str, ...]] | None:
    """The practice after a province's possessive that opens the object (``adopted Fujian's one-code traceability
    model``; a quoted name opening it: ``introduced Fujian's "one certificate ..." approach``), and the province's
    PFTZ as its origin; None when the place is no province with a PFTZ, is the adopter's own, or the phrase names
    no practice."""
    m = _PROVINCE_POSSESSIVE_RE.match(text, obj_at)
    if m is None or m.end() >= obj_end or (prov := st.gaz.province(m.group("place"))) is None:
        return None
    zone = st.gaz.zone_of_province(prov)
    if zone is None or prov == adopter or zone == adopter:
        return None
    phrase = _bare_object(text, m.end(), obj_end)
    quoted = _QUOTED_FIRST_RE.match(phrase)  # "introduced Fujian's "one certificate ..." approach": the quoted name
    name = quoted.group("name").strip() if quoted else _possessed_practice(phrase)
    if not name:
        return None
    # that zone's case credited before under the words it opens with ("one-code traceability" for "... model")
    named = (c for c in reversed(st.cases) if zone in {root(z) for z in c.zones} and _words(c.name) in _words(name))
    return (next((c.name for c in named if _words(name).startswith(_words(c.name))), name), (zone,))


_AND_VERB_RE = re.compile(r"\s+and\s+(?=(?!bonded\b)[a-z]+ed\s+(?:it|them|the|a|an|its|their)\b)")
"""``... and applied it in ...``: the next verb of the subject ends the object."""


def _possessed_practice(phrase: str) -> str:
    """The practice after a zone's possessive: any name :func:`practice_name` accepts (also as a first), else a
    lower-case phrase of four words or more with a prepositional tail (``management of cross-border labor services
    for border residents``): the possessive names a zone's own innovation; a time after it is none of it."""
    phrase = TRAILING_TIME_RE.sub("", phrase.strip())
    if name := practice_name(phrase) or practice_name(phrase, first=True):
        return name
    words = phrase.strip().split()
    if len(words) >= 4 and words[0][:1].islower() and re.search(r"\s(?:of|for)\s", phrase):
        return phrase.strip()
    return ""


def _subject_words(st: State, subject: str) -> int:
    """The words of a subject, each zone it names counting as one (``the Xiamen Area of China (Fujian) Pilot Free
    Trade Zone``: one word)."""
    n = len(subject.split())
    if n > SUBJECT_WORDS:
        n -= sum(len(z.text.split()) - 1 for z in st.find_zones(subject))
    return n


def _active_adoption(
    c: Clause, subject: str, obj_at: int, obj_end: int, *, only_outside: bool = False
) -> AdoptionFact | None:
    """One clause of :func:`adoption_active`: the subject before the verb, the object at ``obj_at:obj_end``;
    ``only_outside``: the verb adopts only when its subject is a region without a PFTZ."""
    s, st = c.s, c.st
    if _subject_words(st, subject) > SUBJECT_WORDS or _PASSIVE_END_RE.search(subject):
        return None  # "... is to be replicated in all PFTZs": a passive verb, read by the adopted-by rule
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
    origins = tuple(k for a in after[:1] for k in a.keys if not (kind == "zone" and root(k) == root(key)))
    if not after and kind == "coordinated" and parent and _PARENT_POSSESSIVE_RE.match(s.text, obj_at):
        origins = (parent,)  # "The Nantong coordinated innovation zone of Jiangsu PFTZ copied the zone's "...""
    quotes = [q for q in s.quotes if obj_at <= q.start < obj_end and is_case_name(q.name, s.text, q)]
    if not quotes and (short := _one_word_named(s, obj_at, obj_end)) is not None:
        quotes = [short]  # 'borrowed the "whitelist" system for imported special biological items'
    batch = BATCH_RE.search(s.text, obj_at, obj_end)
    # a region without a PFTZ that introduced a quoted innovation took it from elsewhere, the origin unsaid
    outside = kind == "province" and st.gaz.zone_of_province(key) is None and bool(quotes) and not after
    if quotes and not origins and not batch and not after:
        # "In 2028, Yunnan adopted the "<name>" model": a name the text credited to another zone before (derived)
        own = {key, st.gaz.zone_of_province(key) or key} if kind == "province" else {root(key)}
        origins = tuple(z for z in _credited(st, quotes[0].name) if root(z) not in own)
    if case is not None:
        name = case.name  # the adopter's own case, named after what it drew on
    elif quotes and (origins or batch or outside) and (not after or quotes[0].start < after[0].start + 80):
        name = quotes[0].name
    elif origins and (um := _UNQUOTED_OF_ZONE_RE.match(s.text[obj_at:obj_end])) and obj_at + um.end() == after[0].start:
        name = um.group("name").strip()
    elif (
        _ANAPHOR_RE.fullmatch(s.text[obj_at:obj_end].strip()) or _ANAPHOR_OBJECT_RE.match(s.text[obj_at:obj_end])
    ) and (case := _case_of_clause_before(c, obj_at) or _named_before(st, c)) is not None:
        name, origins = case.name, tuple(z for z in case.zones if not (kind == "zone" and z == key))
    elif (case := described(st, _named_before(st, c), s.text[obj_at:obj_end])) is not None:
        # "learned from the Henan reform", "borrowed the Qingdao platform": the innovation named before, described
        name, origins = case.name, tuple(z for z in case.zones if not (kind == "zone" and z == key))
    elif (
        origins
        and (pm := _POSSESSIVE_AT_RE.match(s.text, after[0].end))
        and s.text[obj_at : after[0].start].strip() in ("", "the")
        and (name := _possessed_practice(_AND_VERB_RE.split(object_at(s.text[:obj_end], pm.end())[0])[0]))
    ):
        pass  # "replicated Shanghai PFTZ's smart customs clearance model", "drew on Yunnan PFTZ's management of ..."
    elif not after and (named := _province_possessed(st, s.text, obj_at, obj_end, key)) is not None:
        # "Jiangxi Province has adopted Fujian's one-code traceability model at its ports": the province's PFTZ
        name, origins = named
    elif not after and (credited := _credited_case(st, _bare_object(s.text, obj_at, obj_end))) is not None:
        # "Wuxi and Changzhou have introduced the bonded R&D supervision model for biomedical samples": a shorter
        # form of a case the text credited before (derived)
        name = credited.name
        own = {key, st.gaz.zone_of_province(key) or key} if kind == "province" else {root(key)}
        origins = tuple(z for z in credited.zones if root(z) not in own)
    elif (
        not after
        and kind == "province"
        and st.gaz.zone_of_province(key) is None
        and (name := practice_name(_bare_object(s.text, obj_at, obj_end), first=True))
    ):
        outside = True  # "Shanxi Province took as a reference the tiered supervision of ...": its origin unsaid
    else:
        return None
    if only_outside and not outside and case is None:
        return None  # "extended <name> to ...": an adoption only when a region without a PFTZ does it, or of an anaphor
    if not origins and not batch and not outside:
        return None
    ordinal = (ordinal_of(batch.group("ord")), batch.group("what")) if batch and not origins else None
    kind, key, printed, parent = own_area_adopter(st, (kind, key, printed, parent), s.text[obj_at:obj_end])
    return AdoptionFact(name, kind, key, printed, s.line, s.original, "drew-on", origins, parent, ordinal)


DEFINED_RE = re.compile(
    rf"[,(]\s*{alternation(DEFINING_PHRASES)}\s+(?:the\s+)?[\"“]?(?P<term>[A-Za-z][\w'’+-]*(?:\s+[\w'’+-]+){{1,7}}?)[\"”]?"
    r"\s*(?=[,;)]|\.\s|\.$)"
)
"""A name the text defines for the innovation just named: ``, referred to below as the Tianjin pre-assessment
model,``, ``(hereinafter the "joint window")``."""


def _in_definition(text: str, at: int) -> bool:
    """Whether ``at`` lies in a definition of a name (``(hereinafter the "...")``): the term, not an innovation."""
    return any(m.start() <= at < m.end() for m in DEFINED_RE.finditer(text))


def _term_in(st: State, text: str) -> tuple[str, Named] | None:
    """A term the text defined before (:func:`adoption_defined_term`) as printed in ``text``, and what it stands for."""
    low = text.lower()
    for term, named in st.terms.items():
        if (i := low.find(term)) >= 0:
            return text[i : i + len(term)], named
    return None
