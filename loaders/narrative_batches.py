"""Adoption rules of the narrative, the batch, scope and list forms: an innovation replicated from a batch
(``<adopter> replicated and scaled up the "<name>" from the Nth batch``), the items of a scope list (``17 measures
are replicated ... across all PFTZs, including A, B and C``), a national body promoting a name at a national scope,
new provincial batches, the named examples of a zone's provincial batch, the cases after an ``Among the ... to be
replicated`` lead (province-wide or national), an anaphor listed in a batch for replication, a zone's own batch of
a count, a list then its scope (``They include A, B ... . These experiences are applied throughout the
country``), and a name that applies only in designated areas. Registered in :data:`loaders.narrative.RULES`, on
the helpers of :mod:`loaders.narrative_adoptions`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pftz.loaders.lexicon import (
    ANAPHORA,
    APPLY_VERBS,
    CARDINALS,
    CARDINALS_MORE,
    CASE_HEADS,
    DESIGNATED_SCOPES,
    ENUMERATING_LEADS,
    EXAMPLE_LEADS,
    EXAMPLE_ORDINALS,
    GENERIC_PLURALS,
    ITEM_CLAUSE_OPENERS,
    ITEM_ORIGIN_LEADS,
    ITEM_PLURALS,
    NATIONAL_SCOPES,
    ORDINALS,
    PLURAL_ANAPHORA,
    PROVINCE_SCOPES,
    PROVINCE_SCOPES_MORE,
    alternation,
)
from pftz.loaders.narrative_adoptions import _TRAILING_PREP_RE, _adopter, _named_before, _province_of, root
from pftz.loaders.narrative_facts import (
    ADOPT_VERB_RE,
    BATCH_RE,
    CLAUSE_CUT_RE,
    CROSS_REFERENCE_RE,
    DESIGNATED_RE,
    PROVINCE_SCOPE_RE,
    AdoptionFact,
    Clause,
    Sentence,
    State,
    clause_date,
    fuller_name,
    is_case_name,
    ordinal_of,
)
from pftz.loaders.quotes import Quoted


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


_OWN_BATCH_RE = re.compile(r"\s*(?:'s|’s|,\s+whose)\s+(?:\w+\s+)?(?:provincial\s+)?batch\b")
"""A batch after its zone's possessive: ``Hunan PFTZ's 5th batch``, or after the possessive relative pronoun
of a clause on the zone: ``Hunan PFTZ, whose 5th batch``."""
_BATCH_OF_RE = re.compile(r"\bbatch(?:es)?\s+of\s+(?:the\s+)?$")
"""A batch before its zone: ``the 10th batch of Hubei PFTZ``."""


def adoption_provincial_examples(st: State, sents: Sequence[Sentence]) -> list[AdoptionFact]:
    """The named examples of a zone's provincial batch told in a paragraph.

    A paragraph where a zone released or produced a batch of innovations that
    were replicated across its province (``Xinjiang PFTZ has produced two
    batches ... replicated and scaled up across the entire region.
    Specifically, ... "cross-port mutual recognition for foreign vehicles"``):
    every quoted innovation name after that statement is an adoption by the
    zone's province, with the zone as origin; a later sentence naming another
    zone's own batch (``Hunan PFTZ's 5th batch of 18 ..., led by "..."``, ``the 10th batch of Hubei PFTZ
    included ...``) turns to that zone. Rejects descriptive quotes
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
        elif owner := [
            a
            for a in s.actors
            if len(a.keys) == 1
            and (_OWN_BATCH_RE.match(s.text, a.end) or _BATCH_OF_RE.search(s.text, max(0, a.start - 30), a.start))
        ]:
            zone = owner[0].keys[0]  # "Hunan PFTZ's 5th batch of 18 ..., led by ...", "the 10th batch of Hubei PFTZ"
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


AMONG_SCOPE_RE = re.compile(
    rf"^Among (?:the )?(?:[\w-]+ ){{0,3}}?(?:{alternation(GENERIC_PLURALS)}) (?:to be|that are|being|were) "
    rf"(?:[a-z]+ed )?(?:and [a-z]+ed )?(?P<scope>{alternation(PROVINCE_SCOPES)})\s*(?::|\bis\b|\bare\b)|"
    rf"^Among (?:the )?(?:[\w-]+ ){{0,3}}?(?:{alternation(GENERIC_PLURALS)}) for (?P<lead>province-wide|region-wide|"
    r"provincewide|municipality-wide) replication\s*,"
)


AMONG_WHERE_RE = re.compile(
    rf"^Among (?:the )?(?:[\w-]+ ){{0,3}}?(?:{alternation((*GENERIC_PLURALS, *ITEM_PLURALS))}) "
    r"(?:to be|that are|that will be|being|were) (?:[a-z]+ed )(?:and [a-z]+ed )?in (?:the )?(?P<where>[^,;\"“”]{3,80}?)"
    r"\s+(?:is|are)\b"
)
"""A lead naming innovations replicated in a narrower scope, the scope as printed (``Among the four achievements to
be promoted in areas with comprehensive bonded zones is ...``)."""
_ITEM_WHERE_RE = re.compile(
    r"[^;]{0,120}?,\s*(?:which|that)\s+(?:will|is to|shall|would)\s+be\s+(?:[a-z]+ed)\s+(?:only\s+)?in\s+(?:the\s+)?"
    r"(?P<where>[^,;.]{3,80})"
)
"""A narrower scope after an item (``..., which will be promoted in comprehensive bonded zones along ...``)."""
_ENUMERATING_RE = re.compile(rf"^(?:{alternation(ENUMERATING_LEADS)})\b", re.IGNORECASE)
_ON_LIST_RE = re.compile(
    r"\b(?:is|are)\s+(?:also\s+)?(?:on|in|among)\s+the\s+"
    rf"(?:{alternation((*PROVINCE_SCOPES, *PROVINCE_SCOPES_MORE))})\s+(?:list|batch|items)\b"
)
"""A sentence putting its cases on a list of a province-wide scope (``The "..." ... is also on the province-wide
list``)."""


def _national_or_province(where: str) -> bool:
    low = where.lower()
    return any(w in low for w in NATIONAL_SCOPES) or bool(PROVINCE_SCOPE_RE.search(where))


def adoption_among_scope(c: Clause) -> list[AdoptionFact]:
    """``Among the achievements to be replicated region-wide: - the Nanning Area's "A" ...; - ...``.

    A lead naming innovations replicated across the province, then the cases
    of the sentence (read by the rules before): each case is replicated
    province-wide, in its zone's province. A lead closed by a comma (``Among the
    innovations for province-wide replication, the Suzhou Area's "A" ...``)
    holds for the cases of the paragraph's later sentences too; a lead closed by
    ``is``/``are`` for a later sentence of its paragraph opening as one more of
    them (``Another is the "B" model ...``, :data:`loaders.lexicon.ENUMERATING_LEADS`).
    A lead of a narrower scope (``Among the six innovations to be replicated in
    eligible areas is the X Area's "C", which will be promoted in bonded zones
    along the border``): each case adopted by that scope as printed, or by the
    narrower one a relative clause after it names. A sentence putting its cases
    on the province-wide list (``The "D", developed jointly by A and B, is also on
    the province-wide list``): each case in the province of its first zone.
    Rejects a lead of a national scope (``among-national``).
    """
    s = c.s
    where = ""
    joint = False
    if AMONG_SCOPE_RE.match(s.text):
        pass
    elif (wm := AMONG_WHERE_RE.match(s.text)) and not _national_or_province(wm.group("where")):
        where = wm.group("where")
    elif _ENUMERATING_RE.match(s.text):
        # "Among the achievements to be replicated province-wide is the "A" .... Another is the "B" ...": the lead
        # of an earlier sentence of the paragraph holds
        lead = next(
            (
                t.text
                for t in reversed(c.sents[: c.i])
                if t.text.startswith("Among") and (AMONG_SCOPE_RE.match(t.text) or AMONG_WHERE_RE.match(t.text))
            ),
            None,
        )
        if lead is None:
            return []
        if not AMONG_SCOPE_RE.match(lead):
            wm = AMONG_WHERE_RE.match(lead)
            if wm is None or _national_or_province(wm.group("where")):
                return []
            where = wm.group("where")
    elif "list" in s.text and _ON_LIST_RE.search(s.text):
        joint = True  # "The "..." developed jointly by A and B is also on the province-wide list"
    else:
        # "Among the innovations for province-wide replication, the Suzhou Area's "A" ... . The Nanning Area's "B"
        # ...": the lead holds for the cases of its paragraph's later sentences too
        held = next(
            (m for t in c.sents[: c.i] if t.text.startswith("Among") and (m := AMONG_SCOPE_RE.match(t.text))), None
        )
        if held is None or not held.group("lead"):
            return []
    out: list[AdoptionFact] = []
    for f in c.st.cases[c.para_cases :]:
        if f.quote != c.s.original or not f.zones or (len(f.zones) > 1 and not (joint or where)):
            continue
        # an area's case: its PFTZ's province; a joint one: the province of the zone its sentence prints first
        zone = next((k for a in s.actors for k in a.keys if k in f.zones), f.zones[0]).split("/", 1)[0]
        origins = f.zones  # the case's own zones (an area too): the case the adoption names
        if (prov := _province_of(c.st, zone)) is None:
            continue
        place = ""
        if where:  # the narrower scope as printed, or the item's own after it
            tail = " ".join(f.name.split()[-3:])  # the name's end as printed (its quote marks may differ)
            at = s.text.find(tail)
            item = _ITEM_WHERE_RE.match(s.text, at + len(tail)) if at >= 0 else None
            place = (item.group("where") if item else where).strip()
        out.append(
            AdoptionFact(
                f.name,
                "province",
                prov[0],
                prov[1],
                f.line,
                f.quote,
                "among-scope",
                origins,
                scope="designated areas" if place else "province-wide",
                where=place,
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
    rf"(?:\b(?:listed|included|put|list|include)\s+(?P<anaphor>{alternation(ANAPHORA)})|"
    rf"^(?P<subject>{alternation(ANAPHORA)})\s+(?:was|has been|had been|has also been|was also)\s+"
    r"(?:listed|included|put))"
    r"\s+in\s+(?:its|their|the)\s+"
    r"[^.;]{0,160}?\bfor\s+(?:(?:replication|promotion|replication and (?:promotion|scaling(?: up)?))\s+"
    rf"(?:(?P<scope>(?:across|throughout) (?:the|its) (?:entire |whole )?(?:province|region))\b|"
    rf"(?P<national>{alternation(NATIONAL_SCOPES)}))|(?P<national_before>nationwide|national) replication\b)",
    re.IGNORECASE,
)


def adoption_listed_for_replication(c: Clause) -> list[AdoptionFact]:
    """``The Henan Provincial People's Government listed the model in its fifth batch ... for replication across
    the province``: the innovation an anaphor stands for, replicated across its zone's province; ``did the State
    Council include the practice in the sixth batch ... for replication nationwide``: replicated nationwide; the
    anaphor as the subject of a passive (``The practice was included in the ninth batch ... released for nationwide
    replication``) the same.

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


_FORMER_LATTER_RE = re.compile(
    r"^\s*(?:Of\s+(?:these|them|those)\s*,\s*)?the\s+(?P<which>former|latter)(?:\s+(?:group|category|set|\w+s))?\s+"
    r"(?:include|includes|included|are|comprise|cover|covers)\s+(?P<list>.+?)\.?$",
    re.IGNORECASE,
)
"""A sentence listing the items of one of two groups the sentence before counted: ``The former include A and B``."""


_COUNT = rf"(?:\d+|{alternation((*CARDINALS, *CARDINALS_MORE))})"
_TWO_SCOPES_RE = re.compile(
    rf"\b{_COUNT}\b[^.;]{{0,80}}?\b(?:replicated|extended|rolled out|promoted|applied)\b[^.;]{{0,30}}?"
    rf"(?P<first>{alternation(NATIONAL_SCOPES)})\b[^.;]{{0,40}}?\band\s+{_COUNT}\b[^.;]{{0,50}}?"
    rf"(?P<second>{alternation(NATIONAL_SCOPES)})\b",
    re.IGNORECASE,
)
"""Two counts of one batch, each with its national scope, in order: ``15 are to be replicated in all PFTZs and 11
throughout the country``."""


LISTED_LEAD_GATE_RE = re.compile(rf"{LIST_LEAD_RE.pattern}|^\s*(?:Of\s+\w+\s*,\s*)?[Tt]he\s+(?:former|latter)\b")
"""The gate of ``listed-then-scope``: a list of what the sentence before named, or of its former or latter group."""


def _former_latter(c: Clause) -> tuple[re.Match[str], str] | None:
    """The list of ``The former include A, B and C`` and the scope the sentence before gives that group (the first
    of its two counted scopes for ``former``, the second for ``latter``), else None."""
    m = _FORMER_LATTER_RE.match(c.s.text)
    if m is None or c.i == 0:
        return None
    k = c.i - 1
    if _FORMER_LATTER_RE.match(c.sents[k].text) and k > 0:  # "The latter include ..." after "The former ..."
        k -= 1
    two = _TWO_SCOPES_RE.search(c.sents[k].text)
    if two is None:
        return None
    printed = two.group("first" if m.group("which").lower() == "former" else "second").lower()
    return m, "all PFTZs" if "pftz" in printed or "pilot free" in printed else "nationwide"


_GROUPS_PILOTED_RE = re.compile(
    r"^\s*(?:The|These|Both|All)\s+(?:(?:the|these|two|of)\s+)*(?:pilot\s+)?(?:measures|groups|items)\s+"
    r"(?:were|had been|have been)\s+(?:(?:first|initially|originally)\s+)?(?:piloted|tried|tested|trialled)"
    r"(?:\s+first)?\s+(?:out\s+)?in\s+(?P<where>[^;]+)"
)
"""A sentence naming where the measures of both groups were first piloted: ``The measures were first piloted in
Shanghai PFTZ, Guangdong PFTZ and Hainan FTP``."""


def _groups_piloted_in(c: Clause) -> tuple[str, ...]:
    """The zones a later sentence of the paragraph (within two) names as where the counted measures were first
    piloted (:data:`_GROUPS_PILOTED_RE`), in the order printed; nothing when none does."""
    for t in c.sents[c.i + 1 : c.i + 3]:
        if (m := _GROUPS_PILOTED_RE.match(t.text)) is not None:
            return tuple(dict.fromkeys(k for a in t.actors if a.start >= m.start("where") for k in a.keys))
    return ()


def adoption_listed_then_scope(c: Clause) -> list[AdoptionFact]:
    """``They include A, B, the "C" approach for ..., and D. These experiences are applied throughout the country
    ...``: each item the list names, adopted at the national scope the next sentence of its paragraph states.

    Also a list after two counted groups of the sentence before, each with its scope (``Of the 26 measures, 15
    are to be replicated in all PFTZs and 11 throughout the country. The former include A, B and C. The latter
    include D``): the items of ``the former`` at the first scope, of ``the latter`` at the second; their origins
    the zones a sentence after them names as where the measures were first piloted (``The measures were first
    piloted in A PFTZ and B PFTZ``).
    Items are split as a scope list's (commas and ``and`` outside quotes, quotes and articles dropped, three words
    or more). Rejects a list whose next sentence states no national scope for all of them, and a ``former`` or
    ``latter`` whose sentence before counts no two scopes.
    """
    m = LIST_LEAD_RE.match(c.s.text)
    origins: tuple[str, ...] = ()
    if m is not None and c.i + 1 < len(c.sents) and (nm := _PLURAL_SCOPE_RE.match(c.sents[c.i + 1].text)):
        scope = "all PFTZs" if "pftz" in nm.group("scope").lower() else "nationwide"
    elif (fl := _former_latter(c)) is not None:
        m, scope = fl
        origins = _groups_piloted_in(c)
    else:
        return []
    masked = _QUOTED_RE.sub(lambda q: q.group(0).replace(",", "\0").replace(" and ", " \1 "), m.group("list"))
    out: list[AdoptionFact] = []
    for x in _SCOPE_ITEM_SPLIT_RE.split(masked):
        item = x.replace("\0", ",").replace(" \1 ", " and ").strip(" .")
        name = re.sub(r"^(?:the|an?)\s+", "", item).replace('"', "").replace("“", "").replace("”", "").strip()
        if len(name.split()) >= 3 and name[:1].islower():
            out.append(
                AdoptionFact(
                    name, "scope", scope, scope, c.s.line, c.s.original, "listed-then-scope", origins, scope=scope
                )
            )
    return out


APPLIES_IN_RE = re.compile(
    rf"\b(?:{alternation(APPLY_VERBS)})\s+(?:only\s+)?in\s+(?:the\s+)?(?P<scope>{alternation(DESIGNATED_SCOPES)})\b"
)
"""A measure that holds only in designated areas: ``... applies only in designated areas``."""
_UNQUOTED_ITEM_RE = re.compile(
    rf"\s*(?:[Aa]n?|[Tt]he)\s+(?P<name>(?:[\w'’\"“”+-]+\s+){{0,8}}?{alternation(CASE_HEADS)}s?"
    r"(?:\s+(?:for|of)\s+[a-z][\w\s'’+-]{3,80}?)?),\s*(?:which\s+(?:was\s+)?)?"
    rf"(?:{alternation(ITEM_ORIGIN_LEADS)})\s+(?:from|in|by|at)\s+(?P<where>[^,;]{{3,80}}),\s*$"
)
"""An unquoted item of a clause and the zone a relative or participle clause after it names as its origin: ``a
graded supervision model for ..., which originated in Zhejiang PFTZ,``, ``a ... service, first tried in X,``."""


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
        where = m.group("scope")
        if not quotes and (um := _UNQUOTED_ITEM_RE.match(s.text, begin, m.start())) is not None:
            # "..., while a graded supervision model for ..., which originated in Zhejiang PFTZ, applies in ..."
            zones = tuple(k for a in s.actors if um.start("where") <= a.start < um.end("where") for k in a.keys)
            if zones:
                name = um.group("name").replace('"', "").replace("“", "").replace("”", "")
                out.append(
                    AdoptionFact(name, "scope", where, where, s.line, s.original, "applies-in", zones, scope=where)
                )
        if not quotes:
            continue
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
