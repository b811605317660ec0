"""Adoption rules of the narrative, the anaphora and lead forms: ``this model has been replicated ...`` after a
case, a name the text defines for an innovation (``referred to below as the <term>``), an adoption in a relative
clause (``..., which Shanxi Province replicated in 2028``), ``Following the lead of <zone>, <adopter> introduced
...``, and a likeness anaphor spreading (``comparable arrangements had appeared in <zone>``). Registered in
:data:`loaders.narrative.RULES`, on the helpers of :mod:`loaders.narrative_adoptions`.
"""

from __future__ import annotations

import re
from dataclasses import replace

from pftz.loaders.lexicon import (
    ACTIVE_ADOPT_VERBS,
    ADOPTER_NOUNS,
    ANAPHORA,
    LEAD_PHRASES,
    LIKENESS_ANAPHORA,
    NAMING_PHRASES,
    PILOT_INFINITIVES,
    POSSESSIVE_LEAD_PHRASES,
    SPREAD_VERBS,
    alternation,
)
from pftz.loaders.narrative_adopter_lists import _place_of
from pftz.loaders.narrative_adoptions import (
    DEFINED_RE,
    _adopter,
    _credited,
    _each_province,
    _more_zones,
    _named_before,
    _possessive_practice,
    _province_of,
    root,
)
from pftz.loaders.narrative_facts import (
    CLAUSE_CUT_RE,
    PROVINCE_SCOPE_RE,
    AdoptionFact,
    CaseFact,
    Clause,
    Named,
    Sentence,
    State,
    adopter_clause,
    clause_date,
    fuller_name,
    is_case_name,
)
from pftz.loaders.narrative_facts import (
    TRAILING_PLACE_RE as _TRAILING_PLACE_RE,
)
from pftz.loaders.narrative_practice_names import PRACTICE_VERBS, object_at, practice_name

THIS_ADOPTED_RE = re.compile(
    r"\b(?:this|the) (?:model|mechanism|practice|approach|reform|system|experience)\s+has been\s+"
    r"(?:replicated and scaled up|replicated|promoted|disseminated)\b",
    re.IGNORECASE,
)


def adoption_this_model(st: State, s: Sentence, case: CaseFact | None) -> list[AdoptionFact]:
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


APPEARED_RE = re.compile(
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
    for m in APPEARED_RE.finditer(s.text):
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
        when = clause_date(adopter_clause(rest))
        line = s.line_at(m.start())
        fact = AdoptionFact(name, kind, key, printed, line, s.original, "appeared-in", origins, parent, date=when)
        out.extend(_each_province(c, fact, rest))
        if kind == "zone":
            out.extend(
                replace(fact, adopter_key=z.key, adopter_name=z.text, date=clause_date(adopter_clause(rest, z.start)))
                for z in _more_zones(st, rest, origins)
            )
    return out


def adoption_defined_term(c: Clause) -> list[AdoptionFact]:
    """``The "<name>" of <zone>, referred to below as the <term>, ...``: remember the term for the innovation.

    Reads the sentence that defines a name (:data:`loaders.lexicon.DEFINING_PHRASES`) for the quoted name just
    before it; its zones are those printed between the name and the phrase, else those before the name in its
    clause, else the zones a case of the same name was credited to. Builds no fact: a later sentence that uses
    the term (``The <term> was also extended to ...``) reads it as that innovation (derived, the rule in the
    adoption's ``resolved``). Rejects a term with no quoted name before it or no zone.
    """
    s, st = c.s, c.st
    for m in DEFINED_RE.finditer(s.text):
        quotes = [q for q in s.quotes if q.end <= m.start() and is_case_name(q.name, s.text, q)]
        if not quotes:
            continue
        q = quotes[-1]
        begin = max([0, *(x.end() for x in CLAUSE_CUT_RE.finditer(s.text, 0, q.start))])
        zones = tuple(k for a in s.actors if q.end <= a.start < m.start() for k in a.keys)
        zones = (
            zones or tuple(k for a in s.actors if begin <= a.start < q.start for k in a.keys) or _credited(st, q.name)
        )
        if zones:
            st.terms[m.group("term").lower()] = Named(q.name, tuple(dict.fromkeys(zones)), s.line)
    return []


WHICH_ADOPTED_RE = re.compile(
    r"(?:,\s*which|,\s*(?:a|an)\s+[a-z][^,;\"“”]{0,60}?\s+(?:that|which))\s+"
    r"(?P<who>(?:the\s+)?[A-Z][^,;\"“”]{0,80}?)\s+(?:(?:has|have)\s+(?=\w+\s+taken up|taken up))?"
    rf"(?:(?:later|also|then|since|subsequently)\s+)*(?P<verb>{alternation((*ACTIVE_ADOPT_VERBS, 'taken up'))})\b"
    r"(?P<tail>[^,;]*)"
)
"""A relative clause whose subject adopted what it follows: ``, which Shanxi Province replicated in 2028``; after
an appositive (``, a model that Jiangsu PFTZ later copied``, ``, an innovation of the X Area which Beijing PFTZ has
since taken up``)."""


def adoption_which(c: Clause) -> list[AdoptionFact | CaseFact]:
    """``<zone>'s <practice>, which <adopter> replicated in 2028, allows ...``: an adoption in a relative clause.

    The innovation is the quoted name that ends right before ``, which`` (its zones printed in its clause, else
    the case credited under that name before), or an unquoted practice after a zone's possessive (``Henan PFTZ's
    integrated approval of ...``: also that zone's case). The adopter is the place the relative clause opens with
    (a province, a city, a coordinated innovation zone or a zone), dated by the year it prints. Rejects an
    adopter that is the origin, and an innovation without an origin.
    """
    s, st = c.s, c.st
    out: list[AdoptionFact | CaseFact] = []
    for m in WHICH_ADOPTED_RE.finditer(s.text):
        begin = max([0, *(x.end() for x in CLAUSE_CUT_RE.finditer(s.text, 0, m.start()))])
        quote = next((q for q in reversed(s.quotes) if q.end <= m.start() and q.start >= begin), None)
        gap = s.text[quote.end : m.start()] if quote is not None else ""
        if quote is not None and not (  # the name, or its zone's clause, right before: "... first piloted in <zone>"
            re.fullmatch(r"[\s\w'’-]{0,40}", gap)
            or re.fullmatch(r"\s+(?:first\s+)?[a-z]+ed\s+(?:in|by|at)\s+[\w\s'’-]{3,60}", gap)
        ):
            quote = None
        if quote is not None and is_case_name(quote.name, s.text, quote):
            name = quote.name
            origins = tuple(k for a in s.actors if begin <= a.start < m.start() for k in a.keys)
            origins = origins or _credited(st, name)
        elif (pp := _possessive_practice(s, begin, m.start())) is not None:
            name, origins = pp[1], pp[0].keys
            out.append(CaseFact(name, tuple(sorted(origins)), s.line, s.original, "possessive-practice"))
        else:
            continue
        who = _adopter(st, m.group("who"))
        if who is None or not origins:
            continue
        kind, key, printed, parent = who
        if root(key) in {root(z) for z in origins} or (
            kind == "province" and _province_of(st, origins[0]) == (key, printed)
        ):
            continue
        when = clause_date(m.group("tail"))
        fact = AdoptionFact(name, kind, key, printed, s.line, s.original, "which-adopted", origins, parent, date=when)
        out.extend(_each_province(c, fact, m.group("who")))
    return out if any(isinstance(f, AdoptionFact) for f in out) else []


LEAD_RE = re.compile(
    rf"^\s*(?:(?:In|By|Since)\s+[^,]{{3,30}},\s*)?(?:{alternation(tuple(p.capitalize() for p in LEAD_PHRASES))}\s+"
    rf"(?P<origin>[^,;]{{3,90}}?)|{alternation(tuple(p.capitalize() for p in POSSESSIVE_LEAD_PHRASES))}\s+(?:the\s+)?"
    r"(?P<owner>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,4}?)(?:'s|’s)\s+(?P<what>[a-z][^,;]{1,80}?)),\s*"
    r"(?P<who>(?:the\s+)?[A-Z][^,;\"“”]{1,80}?)\s+(?:has\s+|have\s+)?"
    rf"(?P<verb>{PRACTICE_VERBS}|{alternation(ACTIVE_ADOPT_VERBS)}|(?:began|started|begun)\s+[a-z]+ing"
    rf"|(?:will|is to|plans to)\s+(?:also\s+)?(?:{alternation(PILOT_INFINITIVES)}|roll out|adopt|replicate))\s+"
)
"""``Following the lead of <origin>, <adopter> <verb> ...`` (:data:`loaders.lexicon.LEAD_PHRASES`); the verb also
in the future (``Taking a page from <origin>, <adopter> will also roll out ...``)."""


def adoption_following_lead(c: Clause) -> list[AdoptionFact]:
    """``Following the lead of Hainan FTP, Ningxia introduced a one-window service for ship registration``.

    The origin is the zone the lead names; the adopter the place that opens the main clause (a province, a city,
    a coordinated innovation zone or a zone); the innovation the first quoted name of its object, else the
    practice the object names (:func:`loaders.narrative_practice_names.practice_name`). Rejects a lead without a
    zone, an adopter that is the origin, and an object that names no practice.
    """
    s, st = c.s, c.st
    m = LEAD_RE.match(s.text)
    if m is None:
        return []
    at, end_at = m.span("origin") if m.group("origin") else m.span("owner")
    origins = tuple(k for a in s.actors if at <= a.start < end_at for k in a.keys)
    if not origins and m.group("owner"):
        origins = _owner_zone(st, m.group("owner"), m.group("what"))
    whos = _lead_subjects(st, s, m)
    if not origins or not whos:
        return []
    phrase, end = object_at(s.text, m.end())
    quotes = [q for q in s.quotes if m.end() <= q.start < end and is_case_name(q.name, s.text, q)]
    name = quotes[0].name if quotes else practice_name(phrase, first=True)
    if not name:
        return []
    name = _TRAILING_DATE_RE.sub("", _TRAILING_PLACE_RE.sub("", name))
    name = _TRAILING_PLACE_RE.sub("", name)
    when = clause_date(s.text[: m.start("who")])
    out: list[AdoptionFact] = []
    for kind, key, printed, parent in whos:
        if root(key) in {root(z) for z in origins} or (
            kind == "province" and _province_of(st, origins[0]) == (key, printed)
        ):
            continue
        out.append(
            AdoptionFact(name, kind, key, printed, s.line, s.original, "following-lead", origins, parent, date=when)
        )
    return out


_TRAILING_DATE_RE = re.compile(
    r"\s+(?:in|since|from|by)\s+(?:(?:early|mid|late)[\s-]+)?(?:[A-Z][a-z]+\s+)?"
    r"(?:(?:and|to)\s+[A-Z][a-z]+\s+)?(?:19|20)\d{2}\b.*$"
)
"""A date after a practice's name (``... bunkering in April and June 2025, respectively``)."""


def _owner_zone(st: State, owner: str, what: str) -> tuple[str, ...]:
    """The zone of an origin named by its possessive alone: ``Tianjin's leasing practice`` (a province: its PFTZ),
    ``Zhoushan's lead`` (an area of that name: its zone), else nothing."""
    ps = st.gaz.find_provinces(owner)
    if len(ps) == 1 and ps[0].text == owner and (z := st.gaz.zone_of_province(ps[0].key)):
        return (z,)
    zs = st.find_zones(f"{owner} Area")
    return (root(zs[0].key),) if len(zs) == 1 and what else ()


def _lead_subjects(st: State, s: Sentence, m: re.Match[str]) -> list[tuple[str, str, str, str]]:
    """The adopters a lead's main clause opens with: each zone of a list of zones (``Shanghai PFTZ and Fujian
    PFTZ introduced ...``), else the one place of its subject (:func:`_adopter`)."""
    zones = st.find_zones(m.group("who"))
    if len({z.key for z in zones}) > 1 and re.search(r"\s+and\s+|,\s*", m.group("who")):
        return [("zone", z.key, z.text, "") for z in {z.key: z for z in zones}.values()]
    who = _adopter(st, m.group("who"))
    return [who] if who is not None else []


DUBBED_RE = re.compile(
    rf"\b(?:the|this)\s+(?:{'|'.join(sorted({a.split()[-1] for a in ANAPHORA if a.startswith(('the ', 'this '))}))})"
    rf"\s*,?\s+(?:(?:now|later|locally|officially|also)\s+)?{alternation(NAMING_PHRASES)}\s+(?=[\"“‘'])",
    re.IGNORECASE,
)
"""An anaphor named there: ``Under the model, dubbed "<name>" for ..., enterprises ...``."""


def case_dubbed(c: Clause) -> list[CaseFact]:
    """``Under the model, dubbed "e-ledger checks" for bonded inputs, ...``: the innovation an anaphor stands for
    (:func:`loaders.narrative_adoptions._named_before`: the one the text introduced last, by its description and
    origin: ``A customs supervision model pioneered in X ...``) named by the quoted phrase after a naming word
    (:data:`loaders.lexicon.NAMING_PHRASES`), the lower-case words after the quote included (:func:`fuller_name`).

    A case of the innovation's zones under that name; nothing when the anaphor stands for no innovation with a
    zone, or the quote is no name (a document, a slogan of one word).
    """
    s, st = c.s, c.st
    out: list[CaseFact] = []
    for m in DUBBED_RE.finditer(s.text):
        named = _named_before(st, c)
        q = next((q for q in s.quotes if q.start >= m.end() - 1 and q.start <= m.end() + 1), None)
        if named is None or not named.zones or q is None or len(q.name.split()) < 2:
            continue
        name = fuller_name(s.text, q) or q.name
        st.used.add((id(s), q.start))
        zones = tuple(sorted({root(z) for z in named.zones}))
        out.append(CaseFact(name, zones, s.line_at(q.start), s.original, "dubbed", joint=len(zones) > 1))
    return out


_ADOPTER_NOUN = rf"(?:{alternation(ADOPTER_NOUNS)})"
ADOPTER_NOUN_RE = re.compile(
    r"^\s*(?:(?:The|Its|Their)\s+)?(?:(?:first|early|main|other|known)\s+)?"
    rf"(?:{alternation((*ADOPTER_NOUNS, *(w.capitalize() for w in ADOPTER_NOUNS)))})"
    r"(?:\s+(?:so far|to date|since then))?\s*(?::|\s+(?:include|are|were)\b)\s*(?P<list>.+)$"
    rf"|^(?P<who>[^;:\"“”]{{3,160}}?)\s+(?:counts?|is|are|ranks?|stands?|was|were)\s+(?:(?:now|also|already)\s+)?"
    rf"among\s+(?:the|its|their)\s+(?:(?:first|early|latest|recent)\s+)?{_ADOPTER_NOUN}\b"
)
"""The places that took up the innovation named before, named as its adopters: ``Adopters so far: A, for its X
Area; B, in Y; and C``, ``As well as A, B counts among the adopters`` (:data:`loaders.lexicon.ADOPTER_NOUNS`)."""

_ADOPTER_ITEM_RE = re.compile(
    r"^\s*(?:As well as|Besides|Like|Along with|Alongside|Apart from)\s+|\s*,\s*(?:and\s+|as well as\s+)?|"
    r"\s+(?:and|as well as)\s+"
)


def adoption_adopter_noun(c: Clause) -> list[AdoptionFact]:
    """``Adopters so far: Jiangsu PFTZ, for its Nanjing Area; Hubei PFTZ, in Xiangyang; and Shanxi Province``,
    ``As well as Hainan FTP, Tianjin PFTZ counts among the adopters``: each place named adopted the innovation an
    anaphor would stand for (:func:`loaders.narrative_adoptions._named_before`: the one the text named last, near).

    A list cut by ``;`` gives one adopter per part (the first place it names: ``Hubei PFTZ, in Xiangyang`` is
    Hubei PFTZ); else each item of a list cut at commas and ``and`` that names a place. Rejects a sentence when
    nothing was named before with its zone, and an adopter that is the innovation's origin (or its province).
    """
    s, st = c.s, c.st
    m = ADOPTER_NOUN_RE.match(s.text)
    named = _named_before(st, c) if m else None
    if m is None or named is None or not named.zones:
        return []
    printed = m.group("list") or m.group("who")
    k = c.i
    while m.group("list") and printed.rstrip().endswith(";") and k + 1 < min(len(c.sents), c.i + 6):
        k += 1  # "Adopters so far: A, for ...; B, in ...; and C": the list goes on in the sentences cut at ";"
        printed += " " + c.sents[k].text
    parts = [p for p in re.split(r"\s*;\s*(?:and\s+)?", printed) if p.strip()]
    if len(parts) < 2:
        parts = [p for p in _ADOPTER_ITEM_RE.split(printed) if p and p.strip()]
    origins = tuple(dict.fromkeys(root(z) for z in named.zones))
    out: list[AdoptionFact] = []
    seen: set[str] = set()
    for part in parts:
        if len(part.split()) > 12 or (who := _place_of(st, part)) is None:
            continue
        kind, key, name, parent = who
        if key in seen or root(key) in seen or root(key) in origins:
            continue  # a place named twice, an area of an adopter read already ("A PFTZ, for its X Area"), the origin
        if kind == "province" and _province_of(st, origins[0]) == (key, name):
            continue
        seen.add(key)
        out.append(
            AdoptionFact(
                named.name, kind, key, name, s.line, s.original, "adopter-noun", origins, parent, date=clause_date(part)
            )
        )
    return out
