"""Adoption rules of the narrative: an innovation replicated, adopted or drawn on, in either direction and
across an anaphora (``this model``, ``the practice``), with its adopter and scope; registered in
:data:`loaders.narrative.RULES`.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import replace

from pftz.loaders.lexicon import (
    ACTIVE_ADOPT_VERBS,
    ANAPHORA,
    APPLY_VERBS,
    BY_ADOPT_VERBS,
    CARDINALS,
    CARDINALS_MORE,
    CASE_HEADS,
    DEFINING_PHRASES,
    DESIGNATED_SCOPES,
    EXAMPLE_LEADS,
    EXAMPLE_ORDINALS,
    GENERIC_PLURALS,
    INTO_ADOPT_VERBS,
    ITEM_CLAUSE_OPENERS,
    ITEM_PLURALS,
    LAUNCH_PARTICIPLES,
    LEAD_PHRASES,
    LIKENESS_ANAPHORA,
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
    SPREAD_VERBS,
    TIME_SPANS,
    VERSION_ANAPHORA,
    alternation,
)
from pftz.loaders.narrative_cases import PRACTICE_VERBS, object_at, practice_name
from pftz.loaders.narrative_facts import (
    ADOPT_VERB_RE,
    BATCH_RE,
    CLAUSE_CUT_RE,
    COORDINATED_RE,
    CROSS_REFERENCE_RE,
    DESIGNATED_RE,
    HEAD_NOUNS,
    PROVINCE_SCOPE_RE,
    SUBJECT_WORDS,
    Actor,
    AdoptionFact,
    CaseFact,
    Clause,
    EffortFact,
    Named,
    Sentence,
    State,
    adopter_clause,
    clause_date,
    fuller_name,
    is_case_name,
    ordinal_of,
)
from pftz.loaders.quotes import Quoted
from pftz.loaders.reference import Mention

# --------------------------------------------------------------------------- adoption rules
_AREA_PAREN_RE = re.compile(r"\b[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2}\s+Area\s+\((?P<place>[A-Z][a-z]+)\)")
"""An area printed with its PFTZ's place in brackets: ``Lingang Special Area (Shanghai)``."""


def _adopter(st: State, subject: str) -> tuple[str, str, str, str] | None:
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


def adoption_replicated(st: State, s: Sentence, outcome: str) -> list[AdoptionFact]:
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
    subject = subject[max([0, *(x.end() for x in CLAUSE_CUT_RE.finditer(subject))]) :]  # the verb's own clause
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
    batch = (ordinal_of(bm.group("ord")), bm.group("what")) if bm else None
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
    rf"\b(?:\d+|{alternation((*CARDINALS, *CARDINALS_MORE))}) (?:(?:pilot |other )?measures? )?(?:are|were|is|was) "
    r"(?:to be |being )?"
    r"(?:replicated and scaled up|replicated|extended|rolled out|promoted)(?: (?:across|to|throughout|in))? "
    rf"(?P<scope>{alternation((*NATIONAL_SCOPES, *DESIGNATED_SCOPES))}),? (?:including|such as) (?P<list>.+?)"
    r"(?:, among others)?\.?$",
    re.IGNORECASE,
)
_SCOPE_ITEM_SPLIT_RE = re.compile(r",\s*(?:and\s+)?|\s+and\s+(?=[a-z]+ing\b|(?:an?|the)\s|[\"“])")
_QUOTED_RE = re.compile(r"[\"“][^\"“”]*[\"”]")


def adoption_scope_list(s: Sentence) -> list[AdoptionFact]:
    """``17 measures are replicated and scaled up across all PFTZs, including A, B, and C``: one event per item.

    Each clause of the sentence (cut at ``;``: ``18 measures are replicated throughout the country, including
    "A" and "B"; four measures are replicated in all PFTZs, including the "C" ...``) is read with its own scope;
    the items follow ``including`` or ``such as``. The adopter is the scope as printed (``all PFTZs``,
    ``nationwide``); items are split at commas and ``and`` outside quotes, their quotes and article dropped.
    A clause of designated areas (``and two measures are replicated in designated areas, such as ...``) is
    adopted by the designated areas as printed. Rejects a sentence without such a list.
    """
    out: list[AdoptionFact] = []
    for clause in re.split(r";\s*(?:and\s+)?", s.text):
        m = SCOPE_LIST_RE.search(clause)
        if not m:
            continue
        listed = CROSS_REFERENCE_RE.sub("", m.group("list"))  # "... (see <appendix> N, <table> M)": no item
        # commas inside a quoted name do not split it ("one declaration, two ports")
        masked = _QUOTED_RE.sub(lambda q: q.group(0).replace(",", "\0").replace(" and ", " \1 "), listed)
        items = [x.replace("\0", ",").replace(" \1 ", " and ").strip(" .") for x in _SCOPE_ITEM_SPLIT_RE.split(masked)]
        printed = m.group("scope").lower()
        scope = "all PFTZs" if "pftz" in printed else printed if printed in DESIGNATED_SCOPES else "nationwide"
        for x in items:
            quoted = x[:1] in '"“' or bool(re.match(r"(?:the|an?)\s+[\"“]", x))
            name = re.sub(r"^(?:the|an?)\s+", "", x).replace('"', "").replace("“", "").replace("”", "").strip()
            if len(name.split()) >= 3 and (x[:1].islower() or quoted):
                out.append(AdoptionFact(name, "scope", scope, scope, s.line, s.original, "scope-list", scope=scope))
    return out


_BODY_PROMOTED_RE = re.compile(
    r"(?:^|,\s*and\s+|;\s*)(?:In [^,]{1,40},\s*)?(?:the\s+)?(?P<body>[A-Z][^,;\"“”]{3,90}?)"
    rf"(?:,\s*{alternation(EXAMPLE_LEADS)},)?\s+"
    r"(?:has\s+|have\s+)?(?:promoted|extended|rolled out)\s+(?:the\s+)?[\"“](?P<name>[^\"“”]{6,200})[\"”]"
    r"(?P<of>\s+of\s+(?:the\s+)?(?:[A-Z][\w()'’-]*\s+){1,4}?(?:P?FTZ|FTP))?"
    rf"(?:\s+(?:[a-z-]+\s+){{0,2}}?)?\s*(?:(?:across|throughout|to|in)\s+)?(?P<scope>{alternation(NATIONAL_SCOPES)})\b",
    re.IGNORECASE,
)
"""A national body promoting a quoted innovation at a national scope (``The People's Bank of China promoted the
"..." throughout the country``)."""


def adoption_body_promoted(s: Sentence, st: State) -> list[AdoptionFact]:
    """``<national body> promoted the "<name>" throughout the country``: the innovation adopted at the national
    scope as printed, one event per clause.

    The subject must be an issuing body the gazetteer knows (the whole subject, ``the`` aside), not a place:
    a zone or a province promoting its own practice is a case. An aside after the body (``, for instance,``) and
    the name's zone (``the "<name>" of Hubei PFTZ for replication across the country``: its origin) may stand
    between. Rejects a scope that is not national (``extended ... to all coastal ports``).
    """
    out: list[AdoptionFact] = []
    for m in _BODY_PROMOTED_RE.finditer(s.text):
        body = m.group("body").strip()
        bodies = st.gaz.find_bodies(body)
        if len(bodies) != 1 or bodies[0].text != body or st.find_zones(body) or st.gaz.find_provinces(body):
            continue
        printed = m.group("scope").lower()
        scope = "all PFTZs" if "pftz" in printed or "pilot free" in printed else "nationwide"
        name = m.group("name").strip()
        origins = tuple(z.key for z in st.find_zones(m.group("of") or ""))
        out.append(AdoptionFact(name, "scope", scope, scope, s.line, s.original, "body-promoted", origins, scope=scope))
    return out


NEW_BATCH_RE = re.compile(
    r"\breplicat\w* and scal\w*(?: up)? (?:of )?(?:a |the )?new batch\b|"
    r"\b(?:released|issued|launched|produced) (?:a |the |their )?new (?:provincial(?:-level)? )?batch(?:es)?\b[^.;]*"
    r"\b(?:replicated|promoted|extended|rolled out) (?:them|it)\b|"
    r"\b(?:released|issued|launched|produced|published) (?:a |the |their |its )?new batch(?:es)? (?:of |for )"
    r"(?P<scope>provincial|province-wide|region-wide) replication\b",
    re.IGNORECASE,
)


def adoption_batch_statement(st: State, s: Sentence) -> list[AdoptionFact]:
    """``PFTZs in Fujian, Liaoning, ... promoted the replication and scaling of a new batch ... across their
    respective provinces``, ``PFTZs in A, B and other provinces released new batches of provincial replication``:
    a provincial batch adopted province-wide, one event per zone named, no innovation named.

    Rejects a sentence that quotes names (the named-example rules read those)
    or states no province-wide scope.
    """
    m = NEW_BATCH_RE.search(s.text) if "new " in s.text and not s.quotes else None
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


_OWN_BATCH_RE = re.compile(r"\s*(?:'s|’s)\s+(?:\w+\s+)?(?:provincial\s+)?batch\b")
"""A batch after its zone's possessive: ``Hunan PFTZ's 5th batch``."""


def adoption_provincial_examples(st: State, sents: Sequence[Sentence]) -> list[AdoptionFact]:
    """The named examples of a zone's provincial batch told in a paragraph.

    A paragraph where a zone released or produced a batch of innovations that
    were replicated across its province (``Xinjiang PFTZ has produced two
    batches ... replicated and scaled up across the entire region.
    Specifically, ... "cross-port mutual recognition for foreign vehicles"``):
    every quoted innovation name after that statement is an adoption by the
    zone's province, with the zone as origin; a later sentence naming another
    zone's own batch (``Hunan PFTZ's 5th batch of 18 ..., led by "..."``) turns
    to that zone. Rejects descriptive quotes
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
        elif owner := [a for a in s.actors if len(a.keys) == 1 and _OWN_BATCH_RE.match(s.text, a.end)]:
            zone = owner[0].keys[0]  # "Hunan PFTZ's 5th batch of 18 institutional innovations, led by ..."
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


def _outside_province(found: list[AdoptionFact], sents: Sequence[Sentence]) -> list[AdoptionFact]:
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
    rf"^\s*(?:{alternation((*ANAPHORA, *SAME_ANAPHORA))})(?=\s*(?:[,.;]|$)|\s+(?:at|in|for|to|on|across|into|as|"
    rf"through|from|since|last|this|with|under|when|while)\b)|^\s*{alternation(VERSION_ANAPHORA)}\b",
    re.IGNORECASE,
)
"""An anaphor as the object, a place or a time after it: ``introduced the model at the Port Area in 2024``."""
_PLACE_ANAPHOR_RE = re.compile(
    r"^\s*the\s+(?P<place>[A-Z][\w'’-]+)\s+"
    rf"(?:{alternation(sorted({a.split()[1] for a in ANAPHORA if a.startswith('the ') and len(a.split()) == 2}))})"
    r"(?=\s*(?:[,.;]|$)|\s+(?:at|in|for|to|on|across|into|as|through|from|since|last|with|under|when|while)\b)"
)
"""An anaphor with its origin's place (``learned from the Henan reform when designing ...``)."""


def _place_anaphor(st: State, c: Clause, obj: str) -> Named | None:
    """The innovation named before that ``the <place> reform`` stands for: its zone is the place's PFTZ."""
    if (m := _PLACE_ANAPHOR_RE.match(obj)) is None or (case := _named_before(st, c)) is None:
        return None
    ps = st.gaz.find_provinces(m.group("place"))
    zone = st.gaz.zone_of_province(ps[0].key) if len(ps) == 1 and ps[0].text == m.group("place") else None
    return case if zone is not None and zone in {root(z) for z in case.zones} else None


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
    if ps:
        found.append((ps[0].start, ("province", ps[0].key, ps[0].text, "")))
    if cs := st.gaz.find_cities(text):
        found.append((cs[0].start, ("city", cs[0].key, cs[0].text, "")))
    if zs and not (cm and cm.start() <= zs[0].start <= cm.end()):
        found.append((zs[0].start, ("zone", zs[0].key, zs[0].text, "")))
    return min(found)[1] if found else None


def _named_before(st: State, c: Clause) -> Named | None:
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


_OWN_CLAUSE_RE = re.compile(
    r"[,;]\s*(?:and\s+|while\s+|whereas\s+)?(?:[A-Z][\w'’-]*\s+){1,3}(?:has\s+|have\s+)?[a-z]+ed\b"
)
"""A clause after a passive adoption's adopter with a subject and a verb of its own (``taken up by Shanxi
Province, and Gansu borrowed ...``): the adopters end before it."""


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
    for m in PASSIVE_ADOPT_RE.finditer(s.text):
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
        if before is not None and not head[begin:].strip():
            name, origins, rule, stands_for = before  # "..., and has since been taken up by Anhui Province": elided
        elif quotes:
            name = quotes[-1].name
            own = [a for a in s.actors if begin <= a.start and a.end <= m.start()] if quotes[-1].start >= begin else []
            origins = tuple(k for a in (own or [a for a in s.actors if a.end <= m.start()]) for k in a.keys)
            batch = BATCH_RE.search(s.text, quotes[-1].end, m.start())
            if not origins and batch is None:
                origins = _credited(st, name)  # a case the text credited before: its zones (derived)
            unsaid = not origins and batch is None and not (m.group("verb") in INTO_ADOPT_VERBS and prep == "to")
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
        elif _PLURAL_ANAPHOR_RE.match(head) and (several := _set_before(st, c)):
            name, origins = several[0].name, several[0].zones
            plural = several[1:]
        elif _ANAPHOR_RE.match(_last_clause(head)) and (case := _named_before(st, c)) is not None:
            name, origins = case.name, case.zones  # no zones: an item of a national batch taken up before
        elif (sub := _UNQUOTED_THE_RE.match(head[begin:])) and (cc := _credited_case(st, sub.group("np"))) is not None:
            name, origins = cc.name, cc.zones  # "the one-window service for foreign talents has been replicated by"
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
        else:
            continue
        if national is not None:
            scope = "all PFTZs" if "pftz" in national.group(0).lower() else "nationwide"
            out.append(AdoptionFact(name, "scope", scope, scope, s.line, s.original, "adopted-by", tuple(origins)))
            continue
        assert at is not None
        rest = m.group("rest")[at.end() :]
        window = " ".join(rest.split()[:14])
        if cut := _OWN_CLAUSE_RE.search(window):  # "..., and Gansu borrowed ...": a clause of its own subject
            window = window[: cut.start()]
        who = _place_of(st, window)
        listed = _zone_list_at(s, m.start("rest") + at.end())  # "to the PFTZs of Beijing and Hebei": zones
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
        elif unsaid and kind != "coordinated":
            continue  # '"<name>" was replicated in Shanghai PFTZ' alone may tell where it began; a coordinated
            # innovation zone of a PFTZ only ever takes up what was developed elsewhere
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
    return [*cases[:1], *out] if out else []


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


def _words(name: str) -> str:
    return " ".join(w.strip("'’") for w in re.findall(r"[\w'’+-]+", name.lower()))


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


def _more_zones(st: State, rest: str, origins: Sequence[str]) -> list[Mention]:
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
    outside_verbs = {m.start() for m in _OUTSIDE_ADOPT_RE.finditer(s.text)} - {v[0] for v in verbs}
    verbs += [
        (m.start(), m.end(), len(s.text)) for m in _OUTSIDE_ADOPT_RE.finditer(s.text) if m.start() in outside_verbs
    ]
    for r in _REFERENCE_RE.finditer(s.text):
        verbs = [v for v in verbs if not r.start() <= v[0] < r.end()]
        verbs.append((r.start(), r.start("obj"), r.end("obj")))
    verbs.sort()
    out: list[AdoptionFact] = []
    for i, (start, obj_at, obj_end) in enumerate(verbs):
        # one clause each: "Qinghai Province borrowed "...", and Jilin Province took as a reference "...""
        cut = CLAUSE_CUT_RE.search(s.text, obj_at, verbs[i + 1][0]) if i + 1 < len(verbs) else None
        obj_end = min(obj_end, cut.start() if cut else len(s.text))
        if (nxt := _NEXT_SUBJECT_RE.search(s.text, obj_at, obj_end)) is not None:
            obj_end = nxt.start()  # ", and the Xiamen Area of Fujian PFTZ launched ...": another zone's own clause
        if (nxt := _NEXT_PASSIVE_RE.search(s.text, obj_at, obj_end)) is not None:
            obj_end = nxt.start()  # ', and the "..." of Guangxi PFTZ was transplanted to ...': another clause
        begin = max([0, *(m.end() for m in CLAUSE_CUT_RE.finditer(s.text, 0, start))])
        begin = max([begin, *(m.end() for m in _COLON_RE.finditer(s.text, begin, start))])  # "... release: Wuxi ..."
        fact = _active_adoption(c, s.text[begin:start], obj_at, obj_end, only_outside=start in outside_verbs)
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


_PROVINCE_LIST_RE = re.compile(r"\s*(?:,\s*and|,|and|as well as)\s*")
_CITY_LIST_RE = re.compile(r"(?:\s+in\s+[A-Z][\w'’-]*(?:\s+Province)?)?\s*(?:,\s*and|,|and|as well as)\s*")
"""What joins two cities of a list, each may be followed by its province: ``Linyi in Shandong and Changshu``."""
_NEXT_SUBJECT_RE = re.compile(
    rf"[,;]\s*(?:and|while|whereas)\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){{1,6}}(?:of\s+(?:the\s+)?(?:[\w'’()-]+\s+){{1,4}}?)?"
    rf"(?:P?FTZ|FTP|Area|Pilot Free Trade Zone)\s+(?:has\s+|have\s+)?(?:{PRACTICE_VERBS})\b"
)
"""A clause after an adoption's object whose subject is another zone with a verb of its own piloting."""
_NEXT_PASSIVE_RE = re.compile(
    r"[,;]\s*(?:and|while|whereas)\s+the\s+[\"“][^\"”]{3,200}[\"”][^,;\"“”]{0,80}?\s+"
    r"(?:was|were|has been|have been|is|are)\s+[a-z]+ed\b"
)
"""A clause after an adoption's object whose subject is another quoted innovation with its own passive verb
(``, and the "..." of Guangxi PFTZ was transplanted to ...``)."""
_PARENT_POSSESSIVE_RE = re.compile(r"\s*(?:the|its)\s+(?:zone|PFTZ|parent zone)(?:'s|’s)\s")
"""``the zone's "<name>"`` after a coordinated innovation zone of a PFTZ: that PFTZ's innovation."""


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
    """The object phrase at ``obj_at`` up to its clause end, without its article and a place after it."""
    phrase = _AND_VERB_RE.split(object_at(text[:obj_end], obj_at)[0].strip())[0]
    return _TRAILING_PLACE_RE.sub("", re.sub(r"^(?:the|an?|its)\s+", "", phrase))


_AND_VERB_RE = re.compile(r"\s+and\s+(?=(?!bonded\b)[a-z]+ed\s+(?:it|them|the|a|an|its|their)\b)")
"""``... and applied it in ...``: the next verb of the subject ends the object."""


def _possessed_practice(phrase: str) -> str:
    """The practice after a zone's possessive: any name :func:`practice_name` accepts (also as a first), else a
    lower-case phrase of four words or more with a prepositional tail (``management of cross-border labor services
    for border residents``): the possessive names a zone's own innovation."""
    if name := practice_name(phrase) or practice_name(phrase, first=True):
        return name
    words = phrase.strip().split()
    if len(words) >= 4 and words[0][:1].islower() and re.search(r"\s(?:of|for)\s", phrase):
        return phrase.strip()
    return ""


def _active_adoption(
    c: Clause, subject: str, obj_at: int, obj_end: int, *, only_outside: bool = False
) -> AdoptionFact | None:
    """One clause of :func:`adoption_active`: the subject before the verb, the object at ``obj_at:obj_end``;
    ``only_outside``: the verb adopts only when its subject is a region without a PFTZ."""
    s, st = c.s, c.st
    if len(subject.split()) > SUBJECT_WORDS or _PASSIVE_END_RE.search(subject):
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
    ) and (case := _named_before(st, c)) is not None:
        name, origins = case.name, tuple(z for z in case.zones if not (kind == "zone" and z == key))
    elif not origins and (case := _place_anaphor(st, c, s.text[obj_at:obj_end])) is not None:
        # "the Hefei Area of Anhui FTZ learned from the Henan reform": the innovation named before, of that place
        name, origins = case.name, tuple(z for z in case.zones if not (kind == "zone" and z == key))
    elif (
        origins
        and (pm := _POSSESSIVE_AT_RE.match(s.text, after[0].end))
        and s.text[obj_at : after[0].start].strip() in ("", "the")
        and (name := _possessed_practice(_AND_VERB_RE.split(object_at(s.text[:obj_end], pm.end())[0])[0]))
    ):
        pass  # "replicated Shanghai PFTZ's smart customs clearance model", "drew on Yunnan PFTZ's management of ..."
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
    if only_outside and not outside:
        return None  # "extended <name> to ...": an adoption only when a region without a PFTZ does it
    if not origins and not batch and not outside:
        return None
    ordinal = (ordinal_of(batch.group("ord")), batch.group("what")) if batch and not origins else None
    return AdoptionFact(name, kind, key, printed, s.line, s.original, "drew-on", origins, parent, ordinal)


AMONG_SCOPE_RE = re.compile(
    rf"^Among (?:the )?(?:[\w-]+ ){{0,3}}?(?:{alternation(GENERIC_PLURALS)}) (?:to be|that are|being|were) "
    rf"(?:[a-z]+ed )?(?:and [a-z]+ed )?(?P<scope>{alternation(PROVINCE_SCOPES)})\s*(?::|\bis\b|\bare\b)|"
    rf"^Among (?:the )?(?:[\w-]+ ){{0,3}}?(?:{alternation(GENERIC_PLURALS)}) for (?P<lead>province-wide|region-wide|"
    r"provincewide|municipality-wide) replication\s*,"
)


def adoption_among_scope(c: Clause) -> list[AdoptionFact]:
    """``Among the achievements to be replicated region-wide: - the Nanning Area's "A" ...; - ...``.

    A lead naming innovations replicated across the province, then the cases
    of the sentence (read by the rules before): each case is replicated
    province-wide, in its zone's province. A lead closed by a comma (``Among the
    innovations for province-wide replication, the Suzhou Area's "A" ...``)
    holds for the cases of the paragraph's later sentences too. Rejects a lead
    with another scope.
    """
    if not AMONG_SCOPE_RE.match(c.s.text):
        # "Among the innovations for province-wide replication, the Suzhou Area's "A" ... . The Nanning Area's "B"
        # ...": the lead holds for the cases of its paragraph's later sentences too
        lead = next(
            (m for t in c.sents[: c.i] if t.text.startswith("Among") and (m := AMONG_SCOPE_RE.match(t.text))), None
        )
        if lead is None or not lead.group("lead"):
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


AMONG_NATIONAL_RE = re.compile(
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
    lead = AMONG_NATIONAL_RE.match(s.text)
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


LISTED_FOR_RE = re.compile(
    rf"\b(?:listed|included|put|list|include)\s+(?P<anaphor>{alternation(ANAPHORA)})\s+in\s+(?:its|their|the)\s+"
    r"[^.;]{0,160}?\bfor\s+(?:(?:replication|promotion|replication and (?:promotion|scaling(?: up)?))\s+"
    rf"(?:(?P<scope>(?:across|throughout) (?:the|its) (?:entire |whole )?(?:province|region))\b|"
    rf"(?P<national>{alternation(NATIONAL_SCOPES)}))|(?P<national_before>nationwide|national) replication\b)",
    re.IGNORECASE,
)


def adoption_listed_for_replication(c: Clause) -> list[AdoptionFact]:
    """``The Henan Provincial People's Government listed the model in its fifth batch ... for replication across
    the province``: the innovation an anaphor stands for, replicated across its zone's province; ``did the State
    Council include the practice in the sixth batch ... for replication nationwide``: replicated nationwide.

    Rejects an anaphor with no case named just before, or a case of several zones.
    """
    m = LISTED_FOR_RE.search(c.s.text)
    case = _named_before(c.st, c) if m else None
    if m is not None and case is not None and (m.group("national") or m.group("national_before")):
        scope = "all PFTZs" if "pftz" in (m.group("national") or "").lower() else "nationwide"
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


DEFINED_RE = re.compile(
    rf"[,(]\s*{alternation(DEFINING_PHRASES)}\s+(?:the\s+)?[\"“]?(?P<term>[A-Za-z][\w'’+-]*(?:\s+[\w'’+-]+){{1,7}}?)[\"”]?"
    r"\s*(?=[,;)]|\.\s|\.$)"
)
"""A name the text defines for the innovation just named: ``, referred to below as the Tianjin pre-assessment
model,``, ``(hereinafter the "joint window")``."""


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


WHICH_ADOPTED_RE = re.compile(
    rf",\s*which\s+(?P<who>(?:the\s+)?[A-Z][^,;\"“”]{{0,80}}?)\s+(?:(?:later|also|then|since|subsequently)\s+)*"
    rf"(?P<verb>{alternation(ACTIVE_ADOPT_VERBS)})\b(?P<tail>[^,;]*)"
)
"""A relative clause whose subject adopted what it follows: ``, which Shanxi Province replicated in 2028``."""


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
        if quote is not None and re.fullmatch(r"[\s\w'’-]{0,40}", s.text[quote.end : m.start()]) is None:
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
    rf"^\s*(?:(?:In|By|Since)\s+[^,]{{3,30}},\s*)?{alternation(tuple(p.capitalize() for p in LEAD_PHRASES))}\s+"
    rf"(?P<origin>[^,;]{{3,90}}?),\s*(?P<who>(?:the\s+)?[A-Z][^,;\"“”]{{1,80}}?)\s+(?:has\s+|have\s+)?"
    rf"(?P<verb>{PRACTICE_VERBS}|{alternation(ACTIVE_ADOPT_VERBS)})\s+"
)
"""``Following the lead of <origin>, <adopter> <verb> ...`` (:data:`loaders.lexicon.LEAD_PHRASES`)."""


def adoption_following_lead(c: Clause) -> list[AdoptionFact]:
    """``Following the lead of Hainan FTP, Ningxia introduced a one-window service for ship registration``.

    The origin is the zone the lead names; the adopter the place that opens the main clause (a province, a city,
    a coordinated innovation zone or a zone); the innovation the first quoted name of its object, else the
    practice the object names (:func:`loaders.narrative_cases.practice_name`). Rejects a lead without a zone, an
    adopter that is the origin, and an object that names no practice.
    """
    s, st = c.s, c.st
    m = LEAD_RE.match(s.text)
    if m is None:
        return []
    origins = tuple(k for a in s.actors if m.start("origin") <= a.start < m.end("origin") for k in a.keys)
    who = _adopter(st, m.group("who"))
    if not origins or who is None:
        return []
    kind, key, printed, parent = who
    if root(key) in {root(z) for z in origins} or (
        kind == "province" and _province_of(st, origins[0]) == (key, printed)
    ):
        return []
    phrase, end = object_at(s.text, m.end())
    quotes = [q for q in s.quotes if m.end() <= q.start < end and is_case_name(q.name, s.text, q)]
    name = quotes[0].name if quotes else practice_name(phrase, first=True)
    if not name:
        return []
    name = _TRAILING_PLACE_RE.sub("", name)
    when = clause_date(s.text[: m.start("who")])
    return [AdoptionFact(name, kind, key, printed, s.line, s.original, "following-lead", origins, parent, date=when)]


_TRAILING_PLACE_RE = re.compile(
    r"\s+(?:on|in|at|along|for)\s+(?:(?:the\s+)?[A-Z][\w\s'’-]*|(?:its|their)\s+(?:own\s+)?[a-z][\w\s'’-]*)$"
)
"""A place after a practice's name (``... for ship registration on the Yellow River``, ``... at its land ports``):
where, not what."""


ZONE_BATCH_RE = re.compile(
    rf"\b(?:released|issued|published|unveiled)\s+(?:its|the|a)\s+(?P<ord>\d{{1,2}}(?:st|nd|rd|th)|{alternation(ORDINALS)})"
    r"\s+batch\s+of\s+(?P<n>\d+)\s+(?:[\w-]+\s+){0,3}?(?:innovations|measures|practices|cases|experiences)\b"
    r"(?P<rest>[^.;]*)"
)
"""A zone's own batch of a count: ``Hubei PFTZ released its tenth batch of 26 institutional innovations``."""
_ALL_OF_BATCH_RE = re.compile(
    r"\b(?:of which|\d+ of which|of them|all \d+|all of them|for replication|to be replicated)\b|^\s*All\b",
    re.IGNORECASE,
)
_OF_ZONE_RE = re.compile(r"\s+of\s+(?:the\s+)?")
_BATCH_ITEMS_RE = re.compile(r",?\s*including\s+(?P<list>[^;]+?)(?=\s+in\s+(?:[A-Z][a-z]+\s+)?\d{4}\b|$)")
_ITEM_BACKREF_RE = re.compile(
    rf"^(?:{alternation(EXAMPLE_ORDINALS)}|{alternation(ITEM_CLAUSE_OPENERS)})\b(?:\s+of\s+which\b)?", re.IGNORECASE
)
"""The start of a clause after a batch's listed items that tells of them (``the latter of which has been replicated
in ...``, ``which ...``): not an item."""


def adoption_zone_batch(c: Clause) -> list[AdoptionFact]:
    """``Hubei PFTZ released the tenth batch of 26 institutional innovations ..., of which 21 are replicated
    province-wide`` (or ``... . All 25 have been replicated province-wide.``): the zone's batch adopted by its
    province, no innovation named (the zone may be printed inside the body that released it: ``the Office of the
    Leading Group for Hubei PFTZ Work``).

    The unquoted items listed after ``including`` (three words or more, not quoted: the ``provincial-example``
    rule reads the quoted ones) are items of the batch, each adopted by the province (as that rule's); the batch
    as a whole is read only when its paragraph names none. The zone stands before the verb or after the batch
    (``... of the Zhejiang FTZ``); the share is ``of which``, ``all 25``, ``for replication`` with a province-wide
    scope. A clause after the items that points back at them (``..., the latter of which has been replicated in
    ...``) is not an item.
    Rejects a sentence without one zone, and a batch whose province-wide share neither its sentence nor the next
    states.
    """
    s, st = c.s, c.st
    m = ZONE_BATCH_RE.search(s.text)
    if m is None:
        return []
    zones = {root(k) for a in s.actors if a.end <= m.start() for k in a.keys}
    if not zones:  # "It released the fifth batch of 32 institutional innovations of the Zhejiang FTZ"
        zones = {root(k) for a in s.actors if _OF_ZONE_RE.fullmatch(s.text, m.start("rest"), a.start) for k in a.keys}
    if len(zones) != 1:
        return []
    zone = zones.pop()
    nxt = c.sents[c.i + 1].text if c.i + 1 < len(c.sents) else ""
    scope_at = next(
        (t for t in (m.group("rest"), nxt) if _ALL_OF_BATCH_RE.search(t) and PROVINCE_SCOPE_RE.search(t)), None
    )
    if scope_at is None or (prov := _province_of(st, zone)) is None:
        return []
    items: list[str] = []
    if im := _BATCH_ITEMS_RE.search(m.group("rest")):
        masked = _QUOTED_RE.sub(lambda q: q.group(0).replace(",", "\0"), im.group("list"))
        for item in _SCOPE_ITEM_SPLIT_RE.split(masked):
            x = item.strip(" .")
            if '"' in x or "“" in x:
                items.append("")  # a quoted item: the provincial-example rule reads it
            elif (
                x[:1].islower()
                and len(x.split()) >= 3
                and not PROVINCE_SCOPE_RE.search(x)
                and not _ITEM_BACKREF_RE.match(x)
            ):
                items.append(re.sub(r"^(?:the|an?)\s+", "", x))
    rule, where = "zone-batch", (zone,)
    if not items:  # the batch as a whole, when its paragraph names none of its innovations
        if any(q for t in c.sents[c.i :] for q in t.quotes if is_case_name(q.name, t.text, q)):
            return []
        own = (ordinal_of(m.group("ord")), int(m.group("n")))
        return [
            AdoptionFact("", "province", *prov, s.line, s.original, rule, where, scope="province-wide", own_batch=own)
        ]
    return [
        AdoptionFact(name, "province", *prov, s.line, s.original, rule, where, scope="province-wide")
        for name in items
        if name
    ]


LIST_LEAD_RE = re.compile(r"^\s*(?:They|These|It)\s+(?:include|includes|included|are|comprise)\s+(?P<list>.+?)\.?$")
"""A sentence listing the items of what the sentence before named: ``They include A, B and the "C" approach``."""
_PLURAL_SCOPE_RE = re.compile(
    rf"^\s*(?:{alternation(PLURAL_ANAPHORA)}|These \w+|They|All of them)\s+(?:are|were|have been|will be|are to be)\s+"
    r"(?:\w+ly\s+)?(?:applied|replicated|promoted|rolled out|extended|replicated and promoted)\s+"
    rf"(?P<scope>{alternation(NATIONAL_SCOPES)})\b",
    re.IGNORECASE,
)


def adoption_listed_then_scope(c: Clause) -> list[AdoptionFact]:
    """``They include A, B, the "C" approach for ..., and D. These experiences are applied throughout the country
    ...``: each item the list names, adopted at the national scope the next sentence of its paragraph states.

    Items are split as a scope list's (commas and ``and`` outside quotes, quotes and articles dropped, three words
    or more). Rejects a list whose next sentence states no national scope for all of them.
    """
    m = LIST_LEAD_RE.match(c.s.text)
    if m is None or c.i + 1 >= len(c.sents) or (nm := _PLURAL_SCOPE_RE.match(c.sents[c.i + 1].text)) is None:
        return []
    scope = "all PFTZs" if "pftz" in nm.group("scope").lower() else "nationwide"
    masked = _QUOTED_RE.sub(lambda q: q.group(0).replace(",", "\0").replace(" and ", " \1 "), m.group("list"))
    out: list[AdoptionFact] = []
    for x in _SCOPE_ITEM_SPLIT_RE.split(masked):
        item = x.replace("\0", ",").replace(" \1 ", " and ").strip(" .")
        name = re.sub(r"^(?:the|an?)\s+", "", item).replace('"', "").replace("“", "").replace("”", "").strip()
        if len(name.split()) >= 3 and name[:1].islower():
            out.append(
                AdoptionFact(name, "scope", scope, scope, c.s.line, c.s.original, "listed-then-scope", scope=scope)
            )
    return out


APPLIES_IN_RE = re.compile(
    rf"\b(?:{alternation(APPLY_VERBS)})\s+(?:only\s+)?in\s+(?:the\s+)?(?P<scope>{alternation(DESIGNATED_SCOPES)})\b"
)
"""A measure that holds only in designated areas: ``... applies only in designated areas``."""


def adoption_applies_in(c: Clause) -> list[AdoptionFact]:
    """``..., while the "<name>" model for ... of Heilongjiang PFTZ applies only in designated areas``: the quoted
    innovation of the verb's clause adopted by the designated areas as printed, its origin the zones of that clause.
    Several names each printed with its own zone (``the "A" of Tianjin PFTZ and Fujian PFTZ's "B" are to be
    promoted in designated areas``) are each adopted, each from its own zone.

    Rejects a clause without a quoted name.
    """
    s = c.s
    out: list[AdoptionFact] = []
    for m in APPLIES_IN_RE.finditer(s.text):
        begin = max([0, *(x.end() for x in CLAUSE_CUT_RE.finditer(s.text, 0, m.start()))])
        quotes = [q for q in s.quotes if begin <= q.start and q.end <= m.start() and is_case_name(q.name, s.text, q)]
        if not quotes:
            continue
        where = m.group("scope")
        clause = tuple(k for a in s.actors if begin <= a.start < m.start() for k in a.keys)
        own = [(q, _own_zones(s, q)) for q in quotes]
        if len(own) < 2 or not all(zs for _q, zs in own):  # one name, or names whose zones are not each their own
            own = [(quotes[-1], clause)]
        for q, origins in own:
            name = re.sub(r"(?:\s+(?:for|of|in|at|to|with|and|from|by|the|an?))+$", "", fuller_name(s.text, q))
            name = name or q.name
            out.append(
                AdoptionFact(name, "scope", where, where, s.line, s.original, "applies-in", origins, scope=where)
            )
    return out


_OF_ZONE_AFTER_RE = re.compile(r"^\s*(?:of|in|from)\s+(?:the\s+)?$")
_OWNER_BEFORE_RE = re.compile(r"^\s*(?:'s|’s|'|’)\s+$")


def _own_zones(s: Sentence, q: Quoted) -> tuple[str, ...]:
    """The zone a quoted name is printed with, right after (``the "A" of Tianjin PFTZ``) or as its owner right
    before (``Fujian PFTZ's "B"``), else nothing."""
    for a in s.actors:
        if (a.start >= q.end and _OF_ZONE_AFTER_RE.fullmatch(s.text[q.end : a.start])) or (
            a.end <= q.start and _OWNER_BEFORE_RE.fullmatch(s.text[a.end : q.start])
        ):
            return a.keys
    return ()
