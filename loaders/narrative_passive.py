"""Adoption rules of the narrative, the passive form: ``"<name>" of <origin> has been replicated in <adopter>``.

The ``adopted-by`` rule's reading (:func:`adoption_passive`): an adoption with the adopter after a verb of
adopting, in either direction and across an anaphora, with its adopter and scope. Registered in
:data:`loaders.narrative.RULES`, on the helpers every adoption rule shares in :mod:`loaders.narrative_adoptions`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from pftz.loaders.lexicon import (
    ANAPHORA,
    BY_ADOPT_VERBS,
    CASE_HEADS,
    INTO_ADOPT_VERBS,
    ORIGIN_APPOSITIVE_NOUNS,
    PASSIVE_ADOPT_VERBS,
    PASSIVE_ADOPT_VERBS_MORE,
    alternation,
)
from pftz.loaders.narrative_adopter_lists import (
    _ITS_SUBJECT_RE,
    _OWN_CLAUSE_RE,
    _place_of,
    _zone_list_at,
    listed_adopters,
)
from pftz.loaders.narrative_adoptions import (
    _ADOPTER_AT_RE,
    _ALLIANCE_BATCH_RE,
    _ANAPHOR_RE,
    _NATIONAL_SCOPE_RE,
    _PASSIVE_ADVERB,
    _PLURAL_ANAPHOR_RE,
    _TRAILING_PREP_RE,
    _UNQUOTED_SUBJECT_RE,
    _UNQUOTED_THE_RE,
    _UNQUOTED_WHICH_RE,
    PASSIVE_ADOPT_RE,
    _alliance_named,
    _case_by_prefix,
    _credited,
    _credited_case,
    _each_province,
    _home_zone,
    _in_definition,
    _last_clause,
    _more_zones,
    _named_before,
    _possessive_practice,
    _practice_of_zone,
    _province_of,
    _set_before,
    _term_in,
    root,
)
from pftz.loaders.narrative_cases import case_unquoted_object
from pftz.loaders.narrative_descriptions import described
from pftz.loaders.narrative_facts import (
    BATCH_RE,
    CASE_VERB_RE,
    CLAUSE_CUT_RE,
    PROVINCE_SCOPE_RE,
    AdoptionFact,
    CaseFact,
    Clause,
    Named,
    Sentence,
    adopter_clause,
    clause_date,
    fuller_name,
    is_case_name,
    ordinal_of,
)
from pftz.loaders.narrative_practice_names import practice_name
from pftz.loaders.quotes import Quoted

_PLACE_PRACTICE_OF_RE = re.compile(
    rf"^\s*[Tt]he\s+(?:[A-Z][\w'’-]*\s+){{1,3}}{alternation(CASE_HEADS)}\s+of\s+"
    r"(?P<np>[a-z][\w'’&+-]*(?:\s+[\w'’&+-]+){2,11}?)\s*$"
)
"""``The Zhoushan practice of joint inspection of LNG bunkering``: a place's name before a head noun, the practice
after ``of``."""


def _practice_of_clause_before(c: Clause, head: str) -> Named | None:
    """What an anaphor opening a later clause stands for when an earlier clause of its sentence credits an unquoted
    practice to a zone (``Fujian PFTZ introduced online arbitration of ..., and this practice was extended to
    ...``): that practice, not one of a sentence before; else None."""
    last = _last_clause(head)
    if last == head:
        return None
    cut = len(head) - len(last)
    found = [(a, n) for a, n in case_unquoted_object(c.s, c.last_subject) if 0 <= c.s.text.find(n) < cut]
    return Named(found[-1][1], found[-1][0].keys, c.s.line) if found else None


_JOINED_QUOTE_RE = re.compile(
    r"(?:\s*(?!(?:has|have|had|was|were|is|are|been|being)\b)[a-z][\w'’-]*){0,5}?"
    r"\s*(?:,\s*and|,|and|as well as)\s+(?:(?:the|a|an|its|their)\s+)?"
)
"""What joins a quoted name to the next one in one subject: a head noun and its tail at most, then ``and`` or a comma
(``the "A" service and the "B" model have been taken up by ...``)."""


def _joined_quotes(s_text: str, quotes: Sequence[Quoted], last: int) -> list[Quoted]:
    """The quoted names joined to ``quotes[last]`` before it in one subject (:data:`_JOINED_QUOTE_RE`), in order:
    ``the "A" service, the "B" list and the "C" model have since been taken up by X``: A and B with C.

    Examples
    --------
    >>> from pftz.loaders.quotes import quoted_spans
    >>> t = 'Both the "joint berth ledger" service and the "cold-chain pass" model were taken up by Y.'
    >>> [q.name for q in _joined_quotes(t, quoted_spans(t), 1)]
    ['joint berth ledger']
    """
    out: list[Quoted] = []
    i = last
    while i > 0 and _JOINED_QUOTE_RE.fullmatch(s_text, quotes[i - 1].end, quotes[i].start):
        out.insert(0, quotes[i - 1])
        i -= 1
    return out


def _subject_has_verb(s: Sentence, begin: int, end: int) -> bool:
    """Whether the words of a clause before its first quoted name hold a place or a verb (``X PFTZ copied the``,
    ``... released its batch, including the``): the names are then no subject of their own, only an object."""
    return any(begin <= a.start < end for a in s.actors) or CASE_VERB_RE.search(s.text, begin, end) is not None


_COORDINATED_PASSIVE_RE = re.compile(
    rf"\s(?:and|or)\s+{_PASSIVE_ADVERB}(?P<verb>{alternation((*PASSIVE_ADOPT_VERBS, *PASSIVE_ADOPT_VERBS_MORE))})\b"
    r"(?=(?P<rest>[^.;]*))"
)
"""A second participle sharing the auxiliary of a passive verb before it in its clause: ``has been replicated in A
and taken up by B``, ``was extended to A and later adopted by B`` (its subject the first verb's)."""


_APPOSITIVE_PASSIVE_RE = re.compile(
    rf",\s+(?:an?|the)\s+(?:[\w-]+\s+){{0,2}}?(?:{alternation((*CASE_HEADS, *ORIGIN_APPOSITIVE_NOUNS))})\s+"
    rf"{_PASSIVE_ADVERB}(?P<verb>{alternation(BY_ADOPT_VERBS)})\b(?=(?P<rest>\s+by\s[^.;]*))"
)
"""An appositive after an innovation naming its adopter: ``the "<name>" for ..., a mechanism already emulated by
Jiangxi Province, spreads ...`` (the appositive's participle, the innovation before it its subject)."""
PASSIVE_GATE_RE = re.compile(
    rf"{PASSIVE_ADOPT_RE.pattern.replace('(?P<verb>', '(?:').replace('(?P<rest>', '(?:')}|"
    rf"{_APPOSITIVE_PASSIVE_RE.pattern.replace('(?P<verb>', '(?:').replace('(?P<rest>', '(?:')}"
)
"""The ``adopted-by`` rule's gate: a passive verb of adopting, or an appositive's participle."""
_WHICH_ANAPHOR_RE = re.compile(rf"\b(?:{alternation(ANAPHORA)}),?\s+(?:which|that)\s+$", re.IGNORECASE)
"""An anaphor that a relative clause of adopting follows: ``loans were granted under the model, which was later
replicated across ...``."""


def _passive_verbs(text: str) -> list[tuple[re.Match[str], bool]]:
    """The passive verbs of adopting of a sentence in order, each with whether it is a participle sharing the
    auxiliary of one before it (:data:`_COORDINATED_PASSIVE_RE`, in that verb's clause); an appositive's participle
    (:data:`_APPOSITIVE_PASSIVE_RE`) too."""
    found = [(m, False) for m in PASSIVE_ADOPT_RE.finditer(text)]
    if " by " in text:
        found += [(m, False) for m in _APPOSITIVE_PASSIVE_RE.finditer(text)]
        found.sort(key=lambda f: f[0].start("verb"))
    if not found or ("and" not in text and "or" not in text):
        return found
    first = found[0][0]
    taken = {m.start("verb") for m, _ in found}
    found += [
        (m, True)
        for m in _COORDINATED_PASSIVE_RE.finditer(text, first.end())
        if m.start("verb") not in taken and any(v.end() <= m.start() < v.end("rest") for v, _ in found)
    ]
    return sorted(found, key=lambda f: f[0].start("verb"))


def _quoted_of_clause_before(c: Clause, head: str) -> Named | None:
    """What an anaphor opening a later clause stands for when an earlier clause of its sentence names a quoted
    innovation with one zone before it (``Zhejiang PFTZ has adopted an "account-based" settlement model ..., and the
    model was introduced to Guangxi``): that innovation (one quoted word: its printed phrase), not one of a sentence
    before; else None."""
    last = _last_clause(head)
    if last == head:
        return None
    s, cut = c.s, len(head) - len(last)
    quotes = [q for q in s.quotes if q.end <= cut]
    if not quotes or _in_definition(s.text, quotes[-1].start):
        return None
    q = quotes[-1]
    name = q.name if " " in q.name.strip() else _TRAILING_PREP_RE.sub("", fuller_name(s.text, q))
    owners = [a for a in s.actors if a.end <= q.start]
    if not name or len(owners) != 1 or len(owners[0].keys) != 1 or not is_case_name(name, s.text, q):
        return None
    return Named(name, owners[0].keys, s.line)


_POSSESSIVE_ANAPHOR_RE = re.compile(
    r"^\s*(?P<place>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)(?:'s|’s)\s+(?:own\s+|new\s+)?"
    rf"(?:{alternation(sorted({a.split()[1] for a in ANAPHORA if a.startswith('the ') and len(a.split()) == 2}))})"
    r"\s*$"
)
"""An anaphor after its origin's possessive as a clause's subject: ``Tianjin's model``, ``Zhoushan's practice``."""


def _possessive_anaphor(c: Clause, subject: str) -> Named | None:
    """The innovation named before that ``<place>'s model`` stands for, when the place is its origin: the
    province of its PFTZ, the PFTZ itself or an area of it (``Zhoushan's``); else None."""
    if (m := _POSSESSIVE_ANAPHOR_RE.match(subject)) is None or (case := _named_before(c.st, c)) is None:
        return None
    place, st = m.group("place"), c.st
    ps = st.gaz.find_provinces(place)
    zone = st.gaz.zone_of_province(ps[0].key) if len(ps) == 1 and ps[0].text == place else None
    if zone is None and len(zs := st.find_zones(place) or st.find_zones(f"{place} Area")) == 1:
        zone = root(zs[0].key)
    return case if zone is not None and zone in {root(z) for z in case.zones} else None


def adoption_passive(c: Clause) -> list[AdoptionFact | CaseFact]:
    """``"<name>" of <origin> has been replicated in <adopter>``: an adoption with the adopter after the verb.

    Accepts ``... has been replicated in the Jiaxing coordinated innovation zone of Zhejiang PFTZ``,
    ``... has been taken up by Jiangxi Province``, ``... was replicated province-wide`` (the origin
    zone's province), and an anaphor for the name (``This model has been replicated and scaled up
    across Hubei Province``, ``The practice has since been taken up by ...``: the case named just
    before). The adopters end where a clause with its own subject and verb begins (``..., and Gansu borrowed
    ...``). The origin is the zone named before the verb, else the case's. Rejects a sentence
    without a name, an adopter that is the origin itself or that the name prints (``"... in Beijing,
    Tianjin, and Hebei" has been adopted in Beijing, Tianjin, and Hebei``), and a national scope.
    """
    s, st = c.s, c.st
    out: list[AdoptionFact] = []
    cases: list[CaseFact] = []
    before: tuple[str, tuple[str, ...], str, str] | None = None  # the last passive clause: name, origins, rule
    verb_before: int | None = None  # where the sentence's last passive verb stands
    for m, shared in _passive_verbs(s.text):
        plural: tuple[Named, ...] = ()
        if shared and before is None:
            continue  # "... and taken up by B" after a verb whose subject named nothing
        at = _ADOPTER_AT_RE.match(m.group("rest"))
        national = _NATIONAL_SCOPE_RE.match(m.group("rest"))
        if at is None and national is None:
            continue
        prep = at.group("prep") if at is not None else None
        # "introduced by X" names its origin, unless the subject's origin is stated already (checked below)
        by_into = prep == "by" and m.group("verb") in INTO_ADOPT_VERBS
        if prep == "by" and m.group("verb") not in BY_ADOPT_VERBS and not by_into:
            continue
        verb_into = m.group("verb") in (*INTO_ADOPT_VERBS, *PASSIVE_ADOPT_VERBS_MORE)
        if verb_into and prep not in ("to", "in", "into") and not by_into:
            continue
        head = s.text[: m.start()]
        begin = max([0, *(x.end() for x in CLAUSE_CUT_RE.finditer(head))])  # where the verb's clause starts
        unsaid = False  # a quoted name whose origin the sentence does not print
        quotes = [
            q
            for q in s.quotes
            if q.end <= m.start() and is_case_name(q.name, s.text, q) and not _in_definition(s.text, q.start)
        ]
        if verb_before is not None and verb_before < begin:
            quotes = [q for q in quotes if q.start >= begin]  # a later clause names its own innovation, or none
        verb_before = m.start()
        case: Named | None = None
        batch = None
        rule, stands_for = "adopted-by", ""
        released_by: tuple[str, int] | None = None
        if before is not None and (shared or not head[begin:].strip()):
            name, origins, rule, stands_for = before  # "..., and has since been taken up by Anhui Province": elided
        elif quotes:
            name = quotes[-1].name
            if " " not in name.strip():  # 'The "one-stop" service for ...': one quoted word names by its phrase
                name = _TRAILING_PREP_RE.sub("", fuller_name(s.text, quotes[-1])) or name
            own = [a for a in s.actors if begin <= a.start and a.end <= m.start()] if quotes[-1].start >= begin else []
            origins = tuple(k for a in (own or [a for a in s.actors if a.end <= m.start()]) for k in a.keys)
            batch = BATCH_RE.search(s.text, quotes[-1].end, m.start())
            if not origins and c.last_subject is not None and _ITS_SUBJECT_RE.match(head[begin : quotes[-1].start]):
                origins = c.last_subject.keys  # "Its "..." system ..., has been introduced by ...": the subject's
            if not origins and batch is None:
                origins = _credited(st, name)  # a case the text credited before: its zones (derived)
            unsaid = not origins and batch is None and not (m.group("verb") in INTO_ADOPT_VERBS and prep == "to")
            # 'the "A" service and the "B" model have since been taken up by X': A too, of the same origins
            joined = _joined_quotes(s.text, quotes, len(quotes) - 1)
            if joined and (joined[0].start < begin or _subject_has_verb(s, begin, joined[0].start)):
                joined = []  # "X copied the "A", and the "B" of Y was ...": A is the object of a clause before
            plural = tuple(
                Named(q.name if " " in q.name.strip() else fuller_name(s.text, q), tuple(origins), s.line)
                for q in joined
            )
        elif (term := _term_in(st, head[begin:])) is not None:
            name, origins = term[0], term[1].zones  # "The Tianjin pre-assessment model was also extended to ..."
            rule, stands_for = "defined-term", term[1].name
        elif (ab := _ALLIANCE_BATCH_RE.search(head[begin:])) and (body := _alliance_named(st, ab.group("body"))):
            # "the Yangtze River Delta PFTZ Alliance's fourth batch of innovations has been replicated ... by ...":
            # the batch the alliance released, its members the origin
            name, origins, released_by = "", body.members, (body.name, ordinal_of(ab.group("ord")))
        elif (pp := _possessive_practice(s, begin, m.start())) is not None:
            # "Shanghai PFTZ's cross-border RMB cash pooling for ... has been replicated by ...": the zone's case too
            name, origins = pp[1], pp[0].keys
            cases.append(CaseFact(name, tuple(sorted(origins)), s.line, s.original, "possessive-practice"))
        elif (op := _practice_of_zone(s, begin, m.start())) is not None:
            # "The land-port truck appointment system of Xinjiang PFTZ was introduced to Guangxi": the zone's case too
            name, origins = op[1], op[0].keys
            cases.append(CaseFact(name, tuple(sorted(origins)), s.line, s.original, "practice-of-zone"))
        elif before is not None and _ANAPHOR_RE.match(_last_clause(head)):
            name, origins, rule, stands_for = before  # "... has been replicated in all PFTZs, and it was introduced to"
        elif _PLURAL_ANAPHOR_RE.match(head) and (several := _set_before(st, c)):
            name, origins = several[0].name, several[0].zones
            plural = several[1:]
        elif (
            _ANAPHOR_RE.match(_last_clause(head))
            and (
                case := _practice_of_clause_before(c, head)
                or _quoted_of_clause_before(c, head)  # 'X PFTZ has adopted a "<name>" ..., and the model was ...'
                or _named_before(st, c)
            )
            is not None
        ):
            name, origins = case.name, case.zones  # no zones: an item of a national batch taken up before
        elif (case := _possessive_anaphor(c, head[begin:])) is not None:
            name, origins = case.name, case.zones  # "Tianjin's model is now in use in ...": the case named before
        elif _WHICH_ANAPHOR_RE.search(head) and (case := _named_before(st, c)) is not None:
            name, origins = case.name, case.zones  # "... under the model, which was later replicated across ..."
        elif (case := described(st, _named_before(st, c), head[begin:])) is not None:
            name, origins = case.name, case.zones  # "Since its launch, the through bill has been adopted by ..."
        elif (sub := _UNQUOTED_THE_RE.match(head[begin:]) or _PLACE_PRACTICE_OF_RE.match(head[begin:])) and (
            cc := _credited_case(st, sub.group("np"))
        ) is not None:
            name, origins = cc.name, cc.zones  # "the one-window service for foreign talents has been replicated by";
            # "the Zhoushan practice of <a case credited before> has been taken up by"
        elif (pre := _case_by_prefix(st, c, head[begin:])) is not None:
            name, origins = pre.name, pre.zones  # "Bonded smelting has been taken up by ...": that case (derived)
        elif (wm := _UNQUOTED_WHICH_RE.match(head)) and (name := practice_name(wm.group("name"))):
            # "a one-window service for ship registration, under which ... in the Zhoushan Area of Zhejiang PFTZ
            # accept ..., has been replicated in ...": the origin is the zone the clause names
            origins = tuple(
                dict.fromkeys(k for a in s.actors if wm.start("where") <= a.start < m.start() for k in a.keys)
            )
            if len({root(k) for k in origins}) != 1:
                continue
        elif (um := _UNQUOTED_SUBJECT_RE.search(head)) and (name := practice_name(um.group("name"))):
            # "the SPV leasing model developed in the Dongjiang area of Tianjin FTZ ... was adapted by ..."
            origins = tuple(k for a in s.actors if um.start("where") <= a.start < m.start() for k in a.keys)
            if not origins:
                continue
            # "A customs supervision model pioneered in X has been adopted by ...": what a later "the model"
            # stands for, even when no adopter of this clause can be read
            st.last_named = Named(name, tuple(dict.fromkeys(origins)), s.line)
        else:
            continue
        if by_into and not (quotes and origins):
            continue  # "the "..." introduced by Shanghai PFTZ": its origin, no adoption
        if national is not None:
            scope = "all PFTZs" if "pftz" in national.group(0).lower() else "nationwide"
            out.append(AdoptionFact(name, "scope", scope, scope, s.line, s.original, "adopted-by", tuple(origins)))
            before = (name, tuple(origins), rule, stands_for)
            continue
        assert at is not None
        rest = m.group("rest")[at.end() :]
        window = " ".join(rest.split()[:14])
        if cut := _OWN_CLAUSE_RE.search(window):  # "..., and Gansu borrowed ...": a clause of its own subject
            window = window[: cut.start()]
        who = _place_of(st, window)
        listed = _zone_list_at(s, m.start("rest") + at.end())  # "to the PFTZs of Beijing and Hebei": zones
        base = m.start("rest") + at.end()
        oc = _OWN_CLAUSE_RE.search(s.text, base, base + 240) if listed else None
        if oc is not None and any(a.start >= base and a.start < oc.start() < a.end for a in s.actors):
            listed = ()  # "across Henan Province, and Shaanxi PFTZ learned from it": a clause of its own, no list
        if listed:
            who = ("zone", listed[0], listed[0], "")
        if who is not None and at.group("scope") and who[0] != "province":
            who = None  # "replicated province-wide, benefiting Shanghai PFTZ's firms": the scope says the province
        if who is None and (at.group("scope") or PROVINCE_SCOPE_RE.match(m.group("rest").strip())):
            if len(origins) != 1 or (prov := _province_of(st, origins[0])) is None:
                continue
            who = ("province", prov[0], prov[1], "")
        if who is None:
            continue
        kind, key, printed, parent = who
        if unsaid and kind == "city" and (home := _home_zone(st, c, key)):
            origins = (home,)  # "... is replicated in designated areas, namely the cities of X and Y": the
            # paragraph's zone, the cities in its province (derived)
        elif unsaid and kind != "coordinated" and not (prep == "by" and not by_into):
            continue  # '"<name>" was replicated in Shanghai PFTZ' alone may tell where it began; a coordinated
            # innovation zone of a PFTZ only ever takes up what was developed elsewhere; "taken up by <X>" names
            # its adopter, the origin left unsaid
        if (kind == "zone" and key in origins) or printed.lower() in name.lower():
            continue
        scope = "province-wide" if kind == "province" and (at.group("scope") or PROVINCE_SCOPE_RE.search(rest)) else ""
        ordinal = (ordinal_of(batch.group("ord")), batch.group("what")) if batch and not origins else None
        when = clause_date(f"{m.group('verb')} {adopter_clause(rest)}")
        fact = AdoptionFact(
            name, kind, key, printed, s.line, s.original, rule, tuple(origins), parent, ordinal, scope,
            released_by=released_by, stands_for=stands_for, date=when,
        )  # fmt: skip
        firsts = _each_province(c, fact, window)  # "extended to ... in Guangdong and Zhejiang": both
        out.extend(firsts)
        before = (name, tuple(origins), rule, stands_for)
        # "These measures have since been extended to Gansu": every innovation the sentence before named
        out.extend(replace(f, name=n.name, origins=n.zones) for n in plural for f in firsts)
        out.extend(replace(fact, adopter_key=z, adopter_name=z) for z in listed[1:] if z not in origins)
        if kind == "zone":  # "taken up by Sichuan FTZ and the Guangxi Pilot FTZ", "... in 2016 and later by ..."
            out.extend(
                replace(fact, adopter_key=z.key, adopter_name=z.text, date=clause_date(adopter_clause(rest, z.start)))
                for z in _more_zones(st, rest, origins)
            )
        # "taken up by the X Pilot Free Trade Zone, Y Province and the cities of A and B", "by Jiangxi Province and
        # by the city of Huaihua", "by the X Area of Y PFTZ and by Inner Mongolia's Manzhouli": the list's other places
        have = {(f.adopter_kind, f.adopter_key) for f in out}
        for more in listed_adopters(st, rest, printed):
            if (more[0], more[1]) not in have and not (more[0] == "zone" and more[1] in origins):
                have.add((more[0], more[1]))
                out.append(replace(fact, adopter_kind=more[0], adopter_key=more[1], adopter_name=more[2],
                                   adopter_zone=more[3], scope=""))  # fmt: skip
    return [*cases[:1], *out] if out else []
