"""The narrative's passes of :mod:`loaders.report`: ``narrative``, ``counted-scope-lists``,
``batch-mentions``, ``narrative-facts`` (cases, adoptions, alliances) and ``case-inclusions``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from pftz.ground.names import normalize_name, normalize_title, title_score
from pftz.ground.schema import DERIVED, SCOPE_REGION_KEYS, Label, MeasureKind, Rel, Scope, ZoneKind
from pftz.loaders.documents import (
    QUOTED_RE,
    slug,
)
from pftz.loaders.followers import with_followers
from pftz.loaders.lexicon import (
    BATCH_COUNT_NOUNS,
    CARDINALS,
    COUNTED_LIST_LEADS,
    COUNTED_SCOPE_VERBS_ACTIVE,
    DESIGNATED_SCOPES,
    JOIN_PHRASES,
    LIST_SCOPE_VERBS,
    NATIONAL_SCOPES,
    NUMBER_WORDS_MORE,
    SELECTION_VERBS,
    alternation,
)
from pftz.loaders.narrative import (
    CROSS_REFERENCE_RE,
    EXTENDED_FROM,
    JOINT_DOCUMENT,
    NARROWED_GROUP_RE,
    AdoptionFact,
    read_narrative,
)
from pftz.loaders.paper_prose import PAPER_ADOPTION, with_paper_facts
from pftz.loaders.records import (
    NodeRef,
    PropValue,
)
from pftz.loaders.report_context import (
    _ORD,
    BATCH_PHRASE_RE,
    KIND_OF_BATCH,
    _adoption_date,
    _Collector,
    _Context,
    _ordinal,
    _para_sentences,
    _sentences,
    batch_kind,
)
from pftz.loaders.report_documents import _doc_node, _register_doc
from pftz.loaders.report_tables import _batch_key, _batch_name, _batch_named_before, _batch_node

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

    _batch_subject_mentions(c, ctx)


BATCH_SUBJECT_RE = re.compile(
    rf"^(?:In\s+)?(?:the|this|that)\s+(?P<ord>{_ORD})\s+batch\s+(?!of\b)(?P<verb>[a-z]+)\s+", re.IGNORECASE
)
"""A sentence whose subject is a batch named by its ordinal alone, a batch the paragraph named before: "The sixth
batch highlights ...", "This 5th batch includes ..."."""
LIST_ITEM_SPLIT_RE = re.compile(r",\s*(?:and\s+|as well as\s+)?|;\s*|\s+(?:and|as well as)\s+")
"""Between the items of a list (inside quotes is masked before splitting)."""
QUOTE_SPAN_RE = re.compile(r"[\"“][^\"“”]{3,400}?[\"”]|(?<!\w)['‘][^'‘’]{3,400}?['’](?!\w)")
"""A span in double or single quotes (an apostrophe inside a word opens none)."""


def _batch_subject_mentions(c: _Collector, ctx: _Context) -> None:
    """Rule: the items a sentence lists with a national batch as its subject, named by its ordinal alone after
    the paragraph named the batch whole ("MOFCOM released the sixth batch of 21 best practices ... The sixth batch
    highlights the new model of "X", "Y" and Z"), are rows of that batch's table.

    Each item of the list after the verb (quoted or not, a list parted by commas and "and", never inside double
    or single quotes) that closely matches a row of the batch adds the sentence as evidence of that row; nothing new
    is created.
    An ordinal two batches the paragraph named share is left unread.
    """
    titles = ctx.titles
    for p in ctx.paras:
        if "atch" not in p.text:
            continue
        named: dict[int, str | None] = {}
        for off, s in _para_sentences(p):
            if "atch" not in s:  # "batch", "Batch"
                continue
            m = BATCH_SUBJECT_RE.match(s) if named else None
            if m is not None and (bkey := named.get(_ordinal(m.group("ord")))):
                rest = s[m.end() :]
                masked = QUOTE_SPAN_RE.sub(lambda q: "\0" * len(q.group(0)), rest)
                at = 0
                for part in LIST_ITEM_SPLIT_RE.split(masked):
                    item = rest[at : at + len(part)]
                    at += len(part)
                    sep = LIST_ITEM_SPLIT_RE.match(masked, at)
                    at = sep.end() if sep else at
                    name = re.sub(r"^(?:the|a|an)\s+", "", re.sub(r"[\"“”‘’]|(?<!\w)'|'(?!\w)", "", item).strip(" .;"))
                    if len(name.split()) < 2:
                        continue
                    key = _best_in_batch(titles, bkey, name, MENTION_MATCH)
                    if key is not None:
                        c.node(Label.MEASURE, key, titles[key], p.line_at(off), s)
            for b in BATCH_PHRASE_RE.finditer(s) if "atch of" in s else ():  # "batch of", "Batch of"
                bkey = _batch_key("national", batch_kind(b.group(0), c.profile), _ordinal(b.group("ord")))
                if bkey in ctx.batch_tables:
                    o = _ordinal(b.group("ord"))
                    named[o] = bkey if named.get(o, bkey) == bkey else None


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
    """How an adoption's innovation was found when its sentence does not print its name ("this model") or prints a
    term the text defined for it; else None."""
    if a.stands_for:
        return f"narrative rule {a.rule!r}: the innovation a term defined before this sentence stands for"
    if a.name and normalize_name(a.name) in normalize_name(quote):
        return None
    return f"narrative rule {a.rule!r}: the innovation named before this sentence"


CASE_ADOPTIONS = frozenset(
    {
        "adopted-by",
        "drew-on",
        "followed",
        "which-adopted",
        "following-lead",
        "defined-term",
        "among-scope",
        PAPER_ADOPTION,
    }
)
"""Narrative rules whose adopted innovation is a zone's case named in the text (one measure node, not two)."""


MEMBER_CREDITED = "a member of the body of several members that released the batch naming it"
"""How a province member of a body is credited with an item of the body's batch (a derived ``ORIGINATED_IN``)."""


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
        for p in f.provinces:  # a province member of the body whose batch names it: credited as a member
            region = c.region(p, f.line, f.quote)
            c.rel(Rel.ORIGINATED_IN, m, region, f.line, f.quote, resolved=MEMBER_CREDITED, **{DERIVED: True})
    cases_by_name = {
        (f.zones[:1], slug(f.name)): f"case:{f.zones[0].split('/', 1)[0]}:{slug(f.name)}"
        for f in story.cases
        if f.zones
    }
    case_quotes: dict[str, set[str]] = {}
    for f in story.cases:
        if f.zones:
            case_quotes.setdefault(f"case:{f.zones[0].split('/', 1)[0]}:{slug(f.name)}", set()).add(f.quote)
    unsaid: dict[str, str] = {}  # the key of an innovation adopted with no origin, by its name
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
            # "two measures are replicated in designated areas, such as ...": the national measure adopted by the
            # designated areas as printed (on the national scope node, its scope narrowed)
            narrowed = a.adopter_key.lower() in DESIGNATED_SCOPES or bool(NARROWED_GROUP_RE.match(a.adopter_key))
            scope = Scope.DESIGNATED_AREAS if narrowed else scope
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
            where = a.adopter_name if narrowed else None
            stated = ";".join(f"zone:{z}" for z in a.origins) or None  # the origin its sentence prints
            c.rel(
                Rel.ADOPTED,
                region,
                measure,
                line,
                s,
                scope=str(scope),
                as_printed=a.name,
                resolved=how,
                adopter=where,
                origin=stated,
            )
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
        if a.released_by is not None:  # a batch an alliance released, named before by the alliance's rule
            body, ordinal = a.released_by
            b = _batch_node(
                c,
                ctx,
                _batch_key("alliance", "institutional-innovations", ordinal, slug(body)),
                _batch_name("institutional-innovations", ordinal, body),
                line,
                s,
                kind="institutional-innovations",
                level="alliance",
                ordinal=ordinal,
            )
            stated = ";".join(f"zone:{z}" for z in a.origins) or None
            how = f"narrative rule {a.rule!r}: the alliance's members, named where the text read the alliance"
            c.rel(Rel.REPLICATED_TO, b, adopter, line, s, scope=a.scope or None, origin=stated, resolved=how)
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
        elif not a.name and a.own_batch is not None and a.origins:
            # "Hubei PFTZ released the tenth batch of 26 ..., of which 21 are replicated province-wide": that batch
            ordinal, count = a.own_batch
            zkey = a.origins[0].split("/", 1)[0]
            bkey = _batch_key("provincial", "institutional-innovations", ordinal, zkey)
            props: dict[str, PropValue] = {"kind": "institutional-innovations", "level": "provincial"}
            if bkey not in ctx.batch_tables and count is not None:
                props["count"] = count
            name = _batch_name("institutional-innovations", ordinal, c.zone_name(zkey))
            b = _batch_node(c, ctx, bkey, name, line, s, ordinal=ordinal, **props)
            c.rel(
                Rel.MEMBER_OF, c.zone(zkey, line, s), b, line, s, resolved="the batch's zone, as the sentence names it"
            )
            c.rel(Rel.REPLICATED_TO, b, adopter, line, s, scope=str(Scope.PROVINCE_WIDE), origin=f"zone:{zkey}")
            continue
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
            # a term the text defined for a case ("the Tianjin pre-assessment model") stands for that case
            case_key := cases_by_name.get((a.origins[:1], slug(a.stands_for or a.name)))
            or cases_by_name.get(((a.adopter_key,), slug(a.name)))  # "The model drew on the experience of X"
        ):
            measure = NodeRef(Label.MEASURE, case_key)  # the case the text credited, adopted by another
            own = case_key == cases_by_name.get((a.origins[:1], slug(a.stands_for or a.name)))  # not the adopter's
            for z in a.origins if own and s not in case_quotes.get(case_key, ()) else ():
                # the adoption's sentence names the origin again ("borrowed ... from Tianjin PFTZ"): evidence too
                if _how_named(c, "zone", z, s, a.rule) is None:
                    c.rel(Rel.ORIGINATED_IN, measure, c.zone(z, line, s), line, s)
        else:
            origin = a.origins[0] if a.origins else a.adopter_key
            key = provincial.get((origin, slug(a.name))) or f"provincial:{origin}:{slug(a.name)}"
            if not a.origins:  # "taken up by A, by B and by C", its origin unsaid: one innovation, keyed by its first
                key = unsaid.setdefault(slug(a.name), key)
            # a pilot a national measure extends to other zones is a national measure, not a zone's case
            mkind = MeasureKind.PILOT_MEASURE if a.rule == EXTENDED_FROM else MeasureKind.PROVINCIAL
            measure = c.node(Label.MEASURE, key, a.name, line, s, kind=str(mkind), title=a.name)
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
            as_printed=a.name if a.stands_for else None,  # the defined term, for the case it stands for
            adopter=a.where or None,  # "promoted in areas with comprehensive bonded zones": the province's, as printed
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
        story = with_paper_facts(
            story, ctx.paras, _para_sentences, c.find_zones, c.gaz.find_provinces, c.find_zone_lists
        )
    ctx.story = with_followers(story, c.find_zone_lists, c.gaz.find_provinces, c.find_zones)
    part2 = ctx.part2
    if part2 is not None and not any(part2.start_line <= f.line <= part2.end_line for f in ctx.story.cases):
        c.warn("no-zone-cases", "no zone cases found in the institutional innovation part", part2.start_line)
    national = set(ctx.national)
    ctx.titles = {e.key: e.name for e in c.entities if e.label is Label.MEASURE and e.ref in national}


COUNTED_SCOPE_LIST_RE = re.compile(
    r"^(?:(?:Of|Among) (?:the [^,]{1,60}|these|them|those),\s+|The (?:other|remaining) )?"
    rf"(?P<n>\d+|{alternation((*CARDINALS, *NUMBER_WORDS_MORE))})\s+"
    rf"(?:(?:[\w-]+\s+){{0,2}}?{alternation(BATCH_COUNT_NOUNS)}\s+)?(?:(?:are|were|will be|shall be)\s+(?:to be\s+)?"
    rf"{alternation(LIST_SCOPE_VERBS)}(?:\s+and\s+{alternation(LIST_SCOPE_VERBS)})?"
    rf"|(?:will\s+|are\s+to\s+)?{alternation(COUNTED_SCOPE_VERBS_ACTIVE)})(?:\s+(?:across|to|throughout|in))?\s+"
    rf"(?P<scope>{alternation(NATIONAL_SCOPES)}),?\s+(?:{alternation(COUNTED_LIST_LEADS)})\s+(?P<list>.+?)"
    r"(?:,\s+among others)?\.?$",
    re.IGNORECASE,
)
"""A count of a batch's measures, their national scope and some of them: "Fifteen measures are to be replicated
in all PFTZs, including A, B, and C", "Of these, 15 measures are to be applied in all PFTZs, such as A and B", the
count printed in digits or words, the items after a word of :data:`~loaders.lexicon.COUNTED_LIST_LEADS`; the verb
in the passive or in the active ("The other 11 measures apply nationwide, such as C",
:data:`~loaders.lexicon.COUNTED_SCOPE_VERBS_ACTIVE`)."""
COUNTED_CLAUSE_SPLIT_RE = re.compile(r";\s*(?:and\s+)?|,\s+(?:while|whereas)\s+")
"""What parts a sentence into clauses each with its own count and scope ("..., such as A, while 11 are applied
throughout the country, including B")."""
COUNTED_ITEM_SPLIT_RE = re.compile(r",\s*(?:and\s+)?|\s+and\s+(?=[a-z]+ing\b|the\s+[a-z])")
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
        if not any(lead in sent for lead in COUNTED_LIST_LEADS):
            continue
        line = p.line_at(off)
        for clause in COUNTED_CLAUSE_SPLIT_RE.split(sent):  # each clause with its own scope
            m = COUNTED_SCOPE_LIST_RE.search(clause)
            if m is None:
                continue
            printed = m.group("scope").lower()
            scope = "all PFTZs" if "pftz" in printed or "pilot free" in printed else "nationwide"
            for item in COUNTED_ITEM_SPLIT_RE.split(CROSS_REFERENCE_RE.sub("", m.group("list"))):
                name = re.sub(r"^the\s+", "", item.strip(" .;"))  # "... and the acceptance of ...": no article
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


JOIN_RE = re.compile(rf"\b(?:have\s+|has\s+|also\s+)*{alternation(JOIN_PHRASES)}\b")
JOINED_RESOLVED = "the body of several members named last before, in the sentence or its paragraph"


def _alliance_joiners(c: _Collector, ctx: _Context) -> None:
    """Rule: places that "joined as partner members" (the lexicon's ``JOIN_PHRASES``) are members of the body of
    several members (an Alliance node) named last before, in their sentence or earlier in its paragraph: the
    provinces and zones named before the verb, ``MEMBER_OF`` it. The sentence does not always name the body: the
    edges are derived, with the rule in ``resolved``."""
    named = {(e.key, e.name) for e in c.entities if e.label is Label.ALLIANCE}
    if not named:
        return
    for p, off, s in _sentences(ctx.paras):
        m = JOIN_RE.search(s) if "joined" in s or "became" in s else None
        if m is None:
            continue
        line = p.line_at(off)
        # the body named last before the verb, in the sentence or earlier in its paragraph
        before = [(at, key) for key, name in named if 0 <= (at := p.text.find(name)) < off + m.start()]
        if not before:
            continue
        body = NodeRef(Label.ALLIANCE, max(before)[1])
        head = s[: m.start()]
        for z in {z.key.split("/", 1)[0] for z in c.find_zones(head)}:
            c.rel(Rel.MEMBER_OF, c.zone(z, line, s), body, line, s, resolved=JOINED_RESOLVED, **{DERIVED: True})
        items = _items_of_all_members(c, body)
        for pm in c.gaz.find_provinces(head, exclude_zones=True):
            if pm.key in c.gaz.provinces:
                region = c.region(pm.key, line, s)
                c.rel(Rel.MEMBER_OF, region, body, line, s, resolved=JOINED_RESOLVED,
                      **{DERIVED: True})  # fmt: skip
                for item in items:  # an item of the body's batch credited to all its members: this one too
                    c.rel(Rel.ORIGINATED_IN, item, region, line, s, resolved=MEMBER_CREDITED, **{DERIVED: True})


def _items_of_all_members(c: _Collector, body: NodeRef) -> list[NodeRef]:
    """The innovations of the batches a body of several members released that are credited to all its zone members
    (not to the zones its text names as their developers), in the order read."""
    batches = {r.start for r in c.relations if r.type is Rel.RELEASED_BY and r.end == body}
    if not batches:
        return []
    members = {
        r.start for r in c.relations if r.type is Rel.MEMBER_OF and r.end == body and r.start.label is Label.ZONE
    }
    items = [r.start for r in c.relations if r.type is Rel.IN_BATCH and r.end in batches]
    origins: dict[NodeRef, set[NodeRef]] = {}
    for r in c.relations:
        if r.type is Rel.ORIGINATED_IN and r.start in items and r.end.label is Label.ZONE:
            origins.setdefault(r.start, set()).add(r.end)
    return [m for m in dict.fromkeys(items) if len(members) > 1 and origins.get(m) == members]
