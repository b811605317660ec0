"""Batches and notices in prose, for :mod:`loaders.report`: passes ``prose-batches``, ``prose-batch-items``,
``agent-bodies``, ``document-batches`` and ``series-batches`` (the passes ``prose-batches-of-texts`` and
``named-adoptions`` live in :mod:`loaders.report_texts`, ``listed-batch-cases`` in :mod:`loaders.report_listed`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pftz.ground.schema import DERIVED, SCOPE_REGION_KEYS, Label, MeasureKind, Rel
from pftz.loaders.documents import (
    MONTHS,
    QUOTED_RE,
    slug,
    title_issuer,
)
from pftz.loaders.gazetteer_scan import Mention
from pftz.loaders.lexicon import (
    AGENT_BY_GAPS,
    AGENT_BY_VERBS,
    AGENT_VERBS,
    AGENT_VERBS_MORE,
    AGENT_VERBS_OF_DRAFTS,
    BATCH_COUNT_NOUNS,
    BATCH_MEMBER_VERBS,
    BATCH_ORDER_VERBS,
    BATCH_RELEASE_VERBS,
    BATCH_SUBJECT_PRONOUNS,
    BATCH_TITLE_VERBS,
    DECISION_VERBS,
    DIRECTIVE_NOUNS,
    GENERIC_PLURALS,
    LEADING_GROUP_HEADS,
    LOCAL_ASSEMBLY,
    LOCAL_BODY_HEADS,
    LOCAL_LEVELS,
    MEETING_NOUNS,
    NATIONAL_SCOPES,
    OTHER_BATCH_LEADS,
    PARTY_COMMITTEE_HEADS,
    PARTY_NAMES,
    PROVINCE_SCOPES,
    RELEASE_VERBS_OF_ZONE,
    SELECTION_VERBS,
    SELECTION_VERBS_ACTIVE,
    TASKING_VERBS,
    TITLE_WORDS,
    alternation,
)
from pftz.loaders.profile import default_profile
from pftz.loaders.prose_batches import (
    FIRST_SINCE_RE,
    descriptive,
)
from pftz.loaders.prose_notices import (
    item_name,
)
from pftz.loaders.records import (
    NodeRef,
    PropValue,
)
from pftz.loaders.report_context import (
    BATCH_PHRASE_RE,
    KIND_OF_BATCH,
    _Collector,
    _Context,
    _ordinal,
    _ProseBatch,
    _sentences,
    batch_kind,
    normalize_scope,
)
from pftz.loaders.report_documents import _doc_mentions, _doc_node, _issuers, _register_doc
from pftz.loaders.report_tables import _batch_key, _batch_name, _batch_node

RELEASE_VERB_RE = re.compile(rf"\b{alternation(BATCH_RELEASE_VERBS)}\b", re.IGNORECASE)
"""Verbs by which a body releases a batch ("MOFCOM released the eighth batch of 24 best practices", a headline's
"MOFCOM Releases the Eighth Batch")."""
PROSE_BATCH_REACH = 160
"""Characters at most between the body that releases a batch and the batch phrase."""


SELECTED_INTO_RE = re.compile(rf"\b{alternation(SELECTION_VERBS_ACTIVE)}\b[^;]{{0,80}}\b(?:in|into)\s+$")
"""Between a body and a batch it puts an innovation into: "the State Council include[d] the practice in"."""
POSSESSIVE_RE = re.compile(r"^\s*(?:'s|’s)\s+(?:(?:latest|new|newly released|recent)\s+)?$")
"""Between a body and its batch: "MOFCOM's eighth batch of ...", "MOFCOM's latest batch"."""
ORDERED_THAT_RE = re.compile(
    rf"^\s+(?:(?:also|then|further|later)\s+)?{alternation(BATCH_ORDER_VERBS)}\s+that\s+[^;]{{0,40}}$"
)
"""Between a body and a batch it orders spread: "the State Council ordered that the" (the batch "be replicated")."""
ANAPHOR_RELEASE_RE = re.compile(
    rf";[^;]{{0,80}}\b(?i:{alternation(BATCH_SUBJECT_PRONOUNS)})\s+(?:(?:also|then|further|later|in turn)\s+)?"
    rf"(?:{alternation(BATCH_RELEASE_VERBS)})\s+(?:the|a|its)?\s*$"
)
"""The last clause's subject a pronoun for the body of the clause before: "...; and, together with others, it
released the"."""
RELEASED_BY_RE = re.compile(rf"^[^;.]{{0,80}}?\b{alternation(BATCH_RELEASE_VERBS)}\s+by\s+(?:the\s+)?$")
"""Between a batch and its body: "the eighth batch of 24 best practices released by MOFCOM"."""


MEETING_SUBJECT_RE = re.compile(
    rf"^(?:The|This|That|Its)\s+{alternation(MEETING_NOUNS)}\s+(?:(?:also|further|then|has|had)\s+)*"
    rf"{alternation(DECISION_VERBS)}\b[^;]{{0,80}}$"
)
"""A sentence whose subject is a meeting named before and whose verb decides, up to the batch phrase: "The meeting
decided to replicate and promote a ninth batch ..."."""
MEETING_OF_BODY_RE = re.compile(rf"^\s+{alternation(MEETING_NOUNS)}\b")
"""A body's name followed by its meeting: "a State Council executive meeting"."""
MEETING_BEFORE_BODY_RE = re.compile(rf"\b{alternation(MEETING_NOUNS)}\s+of\s+(?:the\s+)?$")
"""A meeting before its body's name: "an executive meeting of the State Council"."""
MEETING_RESOLVED = "the body whose meeting the text names before the sentence that says the meeting decided"


def _meeting_body(c: _Collector, ctx: _Context, line: int) -> Mention | None:
    """The national body whose meeting a sentence before line ``line`` names ("chaired a State Council executive
    meeting"), the last one; None when there is none."""
    found: Mention | None = None
    for p, off, s in _sentences(ctx.paras):
        if p.line_at(off) > line:
            break
        for m in c.gaz.find_bodies(s):
            ref = c.gaz.body_ref(m.key)
            held = MEETING_OF_BODY_RE.match(s[m.end : m.end + 40]) or MEETING_BEFORE_BODY_RE.search(s[: m.start])
            if ref is not None and ref.level != "local" and held:
                found = m
    return found


def _prose_batch_issuer(c: _Collector, s: str, at: int, end: int) -> Mention | None:
    """The national body a sentence says released the batch phrase at ``s[at:end]``, if any.

    Before the phrase: the last body named, with a release verb between (no semicolon), a
    possessive ("MOFCOM's eighth batch"), an order ("<body> ordered that the <ordinal> batch ... be
    replicated"), or a release verb whose subject is a pronoun for the body that released a batch in
    the clause before ("<body> released ...; it released the <ordinal> batch"); after it: "...
    released by <body>".
    """
    before = [m for m in c.gaz.find_bodies(s[:at]) if at - m.end <= PROSE_BATCH_REACH]
    found: Mention | None = None
    if before:
        between = s[before[-1].end : at]
        released = RELEASE_VERB_RE.search(between) or SELECTED_INTO_RE.search(between)
        if (";" not in between and released) or POSSESSIVE_RE.match(between) or ORDERED_THAT_RE.match(between):
            found = before[-1]
        elif (
            (clause := between.split(";", 1)[0]) != between
            and RELEASE_VERB_RE.search(clause)
            and ANAPHOR_RELEASE_RE.search(between)
            and len(between) - len(clause) <= 100
        ):
            found = before[-1]  # "<body> released ...; it released the": the pronoun stands for the body
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
GROUP_RELEASES_RE = re.compile(
    rf"\b{alternation(LEADING_GROUP_HEADS)}\s+(?P<task>[^,;]{{3,100}}?)\s+(?:has\s+|have\s+)?"
    rf"{alternation(RELEASE_VERBS_OF_ZONE)}\s+(?:the\s+)?$"
)
"""A zone's leading group releasing a batch: "the Office of the Leading Group for Hubei PFTZ Work released the"."""
ZONE_OWNS_RE = re.compile(r"\s*(?:'s|’s|,\s+whose)\s+$")
"""Between a zone and the phrase of its own batch: "Anhui PFTZ's fifth batch", "Anhui PFTZ, whose fifth batch"."""
PROVINCIAL_BATCH_REACH = 120
"""Characters at most between the zone (or the body of its province) and the phrase of its batch."""


def _prose_provincial_batch(
    c: _Collector, ctx: _Context, ordinal: int, count: int | None, s: str, line: int, phrase: str, at: int
) -> bool:
    """Rule: "<zone> released its <ordinal> batch of <N> innovations", "... its fifth batch of cases of the Henan
    FTZ": a zone's own (provincial) batch, its size where printed.

    The owner is the zone the batch's name prints ("of the Henan FTZ"), else
    the zone whose leading group releases it ("the Office of the Leading Group
    for Hubei PFTZ Work released the tenth batch ..."), else the zone named
    last before "<released|issued|listed> its" in the same clause, or the zone whose
    possessive stands just before the phrase ("Anhui PFTZ's fifth batch", "Anhui PFTZ, whose
    fifth batch"), or the zone of
    the province named there; a province without a zone owns its batch itself
    (:func:`_province_batch`). A batch of an alliance names no one zone, and is
    left to the narrative.
    """
    named = OF_ZONE_RE.search(phrase)
    zones = c.find_zones(named.group("zone")) if named else []
    head = s[max(0, at - PROVINCIAL_BATCH_REACH) : at]
    if not zones and (group := GROUP_RELEASES_RE.search(head)):
        zones = c.find_zones(group.group("task"))[:1]  # the zone the leading group's task names
    if not zones and (owner := c.find_zones(head)[-1:]) and ZONE_OWNS_RE.fullmatch(head, owner[0].end):
        zones = owner  # "<zone>'s fifth batch of ...", "<zone>, whose fifth batch of ..."
    if not zones:
        if not ITS_RE.search(head) or ";" in head or "Alliance" in head:
            return False
        zones = c.find_zones(head)[-1:]
    zkey = zones[0].key.split("/", 1)[0] if zones else None
    its = ITS_RE.search(head)
    if zkey is None and its:  # a province, the subject of "released its", releasing its zone's batch or its own
        places = [
            pm.key
            for pm in c.gaz.find_provinces(head, exclude_zones=True)
            if re.fullmatch(r"\s*(?:Province\s+)?(?:has\s+|have\s+)?", head[pm.end : its.start()])
        ]
        if not places:
            return False
        zkey = c.gaz.zone_of_province(places[0]) or c.gaz.zone_of_province(places[0], "FTP")
        if zkey is None:
            return _province_batch(c, ctx, places[0], ordinal, count, line, s)
    if zkey is None:
        return False
    bkey = _batch_key("provincial", "institutional-innovations", ordinal, zkey)
    props: dict[str, PropValue] = {"kind": "institutional-innovations", "level": "provincial", "ordinal": ordinal}
    if bkey not in ctx.batch_tables and count is not None:
        props["count"] = count
    name = _batch_name("institutional-innovations", ordinal, c.zone_name(zkey))
    b = _batch_node(c, ctx, bkey, name, line, s, **props)
    c.rel(Rel.MEMBER_OF, c.zone(zkey, line, s), b, line, s, resolved="the batch's zone, as the sentence names it")
    return True


def _province_batch(
    c: _Collector, ctx: _Context, province: str, ordinal: int, count: int | None, line: int, s: str
) -> bool:
    """A batch a province without a zone releases of the zones' innovations it takes over ("Jiangxi Province
    released its third batch of 15 PFTZ innovations"): a provincial batch of the province, its Region a member."""
    bkey = _batch_key("provincial", "institutional-innovations", ordinal, province)
    props: dict[str, PropValue] = {"kind": "institutional-innovations", "level": "provincial", "ordinal": ordinal}
    if count is not None:
        props["count"] = count
    region = c.region(province, line, s)
    name = _batch_name("institutional-innovations", ordinal, c.gaz.provinces[province].name)
    b = _batch_node(c, ctx, bkey, name, line, s, **props)
    c.rel(Rel.MEMBER_OF, region, b, line, s, resolved="the batch's province, as the sentence names it")
    return True


SELECTED_BY_RE = re.compile(rf"\b{alternation(SELECTION_VERBS)}\s+by\s+(?:the\s+)?$")
"""The passive verb before a body that put innovations into its batch ("were selected by the ...")."""
SELECTED_FOR_RE = re.compile(r"^\s*(?:for|in|into)\s+$")
"""What stands between that body and the batch phrase ("... by the Ministry of Commerce for the fifth batch")."""


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
        meeting = None
        if body_m is None and MEETING_SUBJECT_RE.match(s[:at]) and (meeting := _meeting_body(c, ctx, line)):
            body_m, released = meeting, True  # "The meeting decided to replicate ... a ninth batch": its body's
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
        if meeting is not None and (body := c.body(meeting.key, line, s, meeting.text)):
            c.rel(Rel.RESPONSIBLE_FOR, body, batch, line, s, resolved=MEETING_RESOLVED, **{DERIVED: True})
        elif body := c.body(body_m.key, line, s, body_m.text):
            c.rel(Rel.RESPONSIBLE_FOR, body, batch, line, s)
        out.append(_ProseBatch(batch, kind, line, s, phrase, released))


NATIONAL_SCOPE_AFTER_RE = re.compile(
    rf"\s+(?:and\s+)?(?:(?:were|was|are|is)\s+)?(?:replicated|promoted|scaled up)(?:\s+and\s+\w+(?: up)?)?\s+"
    rf"(?P<scope>{alternation(NATIONAL_SCOPES)})\b"
)
"""A national scope after the batch phrase: "... for the fifth batch of best practices and promoted nationwide"."""
OTHER_BATCH_RE = re.compile(
    rf"\b{alternation(OTHER_BATCH_LEADS)}\s+(?:(?:national|new|provincial|local)\s+)?batch(?:es)?\b", re.IGNORECASE
)
"""A batch the text points to that is not the one it released (:data:`~loaders.lexicon.OTHER_BATCH_LEADS`)."""
BATCH_ITEM_RESOLVED = "a case the text names after the sentence that releases the batch, before any other batch"
"""``resolved`` of the derived ``IN_BATCH`` edge of a case read after a batch's release in a text."""
TITLE_START_RE = re.compile(rf"^{alternation(TITLE_WORDS)}\b")


BATCH_MEMBERS_RE = re.compile(
    rf"^(?:(?:the\s+)?(?:other|remaining|further|more)\s+)?(?:[\w-]+\s+)?{alternation(BATCH_COUNT_NOUNS)}\s+"
    rf"(?:in|of|from)\s+(?:the|this|that)\s+(?:new\s+|same\s+)?batch\s+(?:also\s+)?"
    rf"{alternation(BATCH_MEMBER_VERBS)}\s+(?P<list>[^;]+?)\.?$",
    re.IGNORECASE,
)
"""A sentence whose subject is a part of the batch's items and whose objects are items, quoted or not: "Other
practices in the batch include A, the "B" service for ..., and a C"."""
SINGLE_QUOTED_RE = re.compile(r"(?<!\w)[‘']([^‘’'\"]{1,60})[’'](?!\w)")
BATCH_MEMBER_SPLIT_RE = re.compile(r",\s*(?:and\s+)?|\s+and\s+(?=(?:a|an|the)\s)")
BATCH_MEMBER_RESOLVED = "an item a sentence puts in 'the batch': the batch the text released last before it"


def _batch_member_lists(c: _Collector, released: Sequence[_ProseBatch], sents: Sequence[tuple[int, str]]) -> None:
    """Rule: "Other practices in the batch include A, the "B" service for ..., and a C" after a text released a
    national batch: each item (three words or more, lower case) is an item of the batch released last before the
    sentence; "the batch" is resolved to it (derived). An item the text already holds as a measure is not made anew.
    """
    known = {slug(str(e.properties.get("title") or e.name)) for e in c.entities if e.label is Label.MEASURE}
    for line, sent in sents:
        if "batch" not in sent or (m := BATCH_MEMBERS_RE.match(sent)) is None:
            continue
        before = [b for b in released if b.line < line]
        if not before:
            continue
        b = before[-1]
        kind = KIND_OF_BATCH.get(b.kind, MeasureKind.INNOVATION)
        for part in BATCH_MEMBER_SPLIT_RE.split(m.group("list")):
            name = item_name(SINGLE_QUOTED_RE.sub(r"\1", part))  # "the 'one chart' service": no quote marks
            if len(name.split()) < 3 or not name[:1].islower() or "batch" in name or slug(name) in known:
                continue
            known.add(slug(name))
            node = c.node(Label.MEASURE, f"{b.ref.key}:{slug(name)}", name, line, sent, kind=str(kind), title=name)
            c.rel(Rel.IN_BATCH, node, b.ref, line, sent, resolved=BATCH_MEMBER_RESOLVED, **{DERIVED: True})


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
      release, up to the next sentence about another batch (named, or pointed to:
      "before they entered a national batch", "previous batches"), is an item of the
      batch. The text does not say so of each case: the ``IN_BATCH`` edge is
      derived, with the rule in ``resolved``. An edition's narrative names
      cases of many kinds after a batch, so there the rule does not run.
    * In such a text, "Other practices in the batch include A, B, and C": see :func:`_batch_member_lists`.
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
    order: dict[str, int] = {}  # each sentence's place in the text: a case after the release on its line too
    away: list[int] = []  # the lines of sentences that point away from the released batch ("... a national batch")
    for p, off, sent in _sentences(ctx.paras):
        order.setdefault(sent, len(order))
        if "batch" in sent and OTHER_BATCH_RE.search(sent):
            away.append(p.line_at(off))
    _batch_member_lists(c, released, [(p.line_at(off), sent) for p, off, sent in _sentences(ctx.paras)])
    for b in released:
        others = [
            ln
            for kind, ordinal, _n, _s, ln, _p in ctx.batch_phrases
            if ln > b.line and _batch_key("national", kind, ordinal) != b.ref.key
        ]
        end = min([*others, *(ln for ln in away if ln > b.line)], default=10**9)
        for f in story.cases:
            later = b.line < f.line or (b.line == f.line and order.get(f.quote, -1) > order.get(b.sentence, 10**9))
            if not f.zones or not later or f.line >= end or b.sentence == f.quote:
                continue
            m = NodeRef(Label.MEASURE, f"case:{f.zones[0].split('/', 1)[0]}:{slug(f.name)}")
            c.rel(Rel.IN_BATCH, m, b.ref, f.line, f.quote, resolved=BATCH_ITEM_RESOLVED, **{DERIVED: True})


AGENT_AFTER_RE = re.compile(
    rf"^\s*(?:(?:has|have|had|also|then|jointly|on \w+)\s+)*"
    rf"(?:{alternation((*AGENT_VERBS, *AGENT_VERBS_MORE, *AGENT_VERBS_OF_DRAFTS))}\b"
    rf"|{alternation(TASKING_VERBS)}\s+(?:[\w-]+\s+){{1,5}}?to\s+(?:replicate|promote|implement|issue|release)\b)"
)
"""A verb of acting right after a body's name ("The General Administration of Customs approved ..."), or a verb
tasking others with replicating or issuing ("..., which the State Council asked all regions to replicate")."""
AGENT_BEFORE_RE = re.compile(
    rf"\b(?:{alternation(AGENT_BY_VERBS)}"
    rf"(?:\s+(?:{'|'.join(AGENT_BY_GAPS)}|{alternation((*NATIONAL_SCOPES, *PROVINCE_SCOPES))}))?\s+by"
    rf"|{alternation(DIRECTIVE_NOUNS)}\s+of)\s+(?:the\s+)?$"
)
"""A participle and "by" right before a body's name ("... replicated by the State Council", a day or a scope between:
"a notice issued Thursday by the ...", :data:`~loaders.lexicon.AGENT_BY_GAPS`, "replicated nationwide by the State
Council"), or what a body decides and "of" ("the decisions and plans of the CPC Central Committee")."""
BATCH_RELATIVE_BEFORE_RE = re.compile(r"\bbatch(?:es)?\b[^.;\"“”]{0,80}?\b(?:that|which)\s+(?:the\s+)?$")
BATCH_RELATIVE_VERB_RE = re.compile(rf"^\s*(?:(?:has|have|had|also|then|jointly)\s+)*{alternation(AGENT_BY_VERBS)}\b")
"""A body as the subject of a relative clause on a batch: "the sixth batch of 24 innovations that the Henan
Provincial People's Government promoted province-wide" (``AGENT_BY_VERBS``)."""
TASKED_BEFORE_RE = re.compile(rf"\b{alternation(TASKING_VERBS)}\s+(?:the\s+)?$")
TASKED_AFTER_RE = re.compile(r"^\s+to\s+[a-z]+\b")
"""A body tasked with an act: a verb of :data:`~loaders.lexicon.TASKING_VERBS` before its name, "to <verb>" after its
name or after the last of the bodies it is listed with ("called on the General Office of the State Council and the
Ministry of Commerce to issue the list")."""
BODY_JOIN_RE = re.compile(r"^\s*(?:,\s*(?:and\s+)?|and\s+|as well as\s+)(?:the\s+)?$")
BODY_OR_RE = re.compile(r"^\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|as well as\s+)(?:the\s+)?$")
"""Between bodies listed after one participle and "by": "promoted nationwide by the State Council or the Ministry of
Commerce" (both acting)."""
LEADING_GROUP_RE = re.compile(
    rf"(?:\b[Tt]he\s+|^)(?P<name>(?:Office of the\s+)?(?:[A-Z][\w'’]*\s+)*{alternation(LEADING_GROUP_HEADS)}"
    r"(?:\s+(?:[A-Z(][\w()'’-]*|the|of|for|on|and|in))*?)"
    rf"(?=\s+(?!(?:the|of|for|on|and|in)\b)[a-z]|\s+in\s+(?:\d|{alternation(m.title() for m in MONTHS)}\b)|[,;.]|$)"
)
"""A leading group or its office, named after its task, up to a lower-case word none of its name's ("... FTZ from 62
candidates", "... Work recently issued"), a date ("in January") or the end of its clause."""


PARTY_COMMITTEE_RE = re.compile(
    rf"\b(?P<name>(?:{alternation(PARTY_NAMES)}\s+)?[A-Z][a-z]+\s+{alternation(PARTY_COMMITTEE_HEADS)}"
    rf"(?:\s+of\s+the\s+{alternation(PARTY_NAMES)})?)"
    rf"(?=\s+(?:has\s+|have\s+|had\s+|also\s+|jointly\s+)*{alternation((*AGENT_VERBS, *AGENT_VERBS_MORE))}\b)"
)
"""A local party committee acting on a document: "The Zhejiang Provincial Committee of the CPC approved ..."."""


_CAP = r"(?!The\b)[A-Z][\w'’-]*"
_TASK = rf"{_CAP}(?:\s+(?:(?:and|for)\s+)?{_CAP})*"
LOCAL_BODY_RE = re.compile(
    rf"(?P<name>(?P<place>{_CAP}(?:\s+{_CAP}){{0,1}})\s+{alternation(LOCAL_LEVELS)}\s+{alternation(LOCAL_BODY_HEADS)}"
    rf"\s+of\s+{_TASK}"
    rf"|{alternation(LOCAL_BODY_HEADS)}\s+of\s+{_TASK}\s+of\s+(?P<place2>{_CAP}(?:\s+{_CAP}){{0,3}})"
    rf"|Standing Committee of the\s+(?P<place3>{_CAP})\s+{alternation(LOCAL_LEVELS)}\s+{re.escape(LOCAL_ASSEMBLY)}"
    rf"|(?:{alternation(PARTY_NAMES)})\s+(?P<place4>{_CAP})\s+{alternation(LOCAL_LEVELS)}\s+Committee)"
)
"""A local body named by its province or municipality: "the Jiangxi Provincial Department of Housing and Urban-Rural
Development", "the Department of Commerce of Guangxi Zhuang Autonomous Region", "the Standing Committee of the
Hunan Provincial People's Congress", "the CPC Tianjin Municipal Committee" (the words are the lexicon's)."""


def local_body_named(c: _Collector, name: str, line: int, quote: str) -> NodeRef | None:
    """The local body ``name`` is, when it is printed whole as :data:`LOCAL_BODY_RE` reads one (a text's publisher
    given in its header: "Jiangsu Provincial Department of Commerce"), else None."""
    m = LOCAL_BODY_RE.fullmatch(re.sub(r"^the\s+", "", name))
    place = (m.group("place") or m.group("place2") or m.group("place3") or m.group("place4") or "") if m else ""
    if m is None or c.gaz.province(place) is None:
        return None
    return c.local_body(f"body:{slug(m.group('name'))}", m.group("name"), m.group("name"), line, quote)


def _local_bodies(c: _Collector, s: str, line: int) -> None:
    """Rule: a local body named by its place (:data:`LOCAL_BODY_RE`) is a body of the text, its place a province
    the gazetteer knows; named as printed."""
    for m in LOCAL_BODY_RE.finditer(s):
        place = m.group("place") or m.group("place2") or m.group("place3") or m.group("place4") or ""
        if c.gaz.province(place) is None:
            continue
        name = m.group("name").strip()
        c.local_body(f"body:{slug(name)}", name, name, line, s)


def _agent_bodies(c: _Collector, ctx: _Context) -> None:
    """Rule: a body named as the one acting on a document or a batch is a body of the text.

    "The General Administration of Customs approved ...", "The Henan Provincial
    People's Government listed the model in its fifth batch", "... replicated by
    the State Council": a known body (:mod:`loaders.reference`) right before a
    verb of acting (``AGENT_VERBS``) or right after a participle and "by"
    (``AGENT_BY_VERBS``), or tasked with an act ("The meeting called on the General Office of the State Council
    and the Ministry of Commerce to issue the list": ``TASKING_VERBS`` before the first of the bodies listed, "to"
    and a verb after the last). A leading group or its office ("the Office of the
    Leading Group for PFTZ Work of Guangdong Province") is named after its task,
    so it is read by its head words (``LEADING_GROUP_HEADS``) wherever it is printed,
    in the text or in a table's cell ("Released by the Office of the Leading Group ...");
    so is a department, legislature or party committee of a province named by its place
    (:func:`_local_bodies`).
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
        if "Provincial" in s or "Municipal" in s or "Regional" in s or "Department of" in s:
            _local_bodies(c, s, line)
        if "Committee" in s:
            for m in PARTY_COMMITTEE_RE.finditer(s):
                name = m.group("name").strip()
                if not any(PARTY_NAME in name for PARTY_NAME in PARTY_NAMES):
                    continue  # a committee of another body is not a party committee
                c.local_body(f"body:{slug(name)}", name, name, line, s)
        bodies = c.gaz.find_bodies(s)
        by_run: Mention | None = None  # the last body named acting after "by", others listed after it act too
        for i, b in enumerate(bodies):
            if by_run is not None and BODY_OR_RE.match(s[by_run.end : b.start]):
                by_run = b
                c.body(b.key, line, s, b.text)
                continue
            by_run = None
            before = AGENT_BEFORE_RE.search(s[: b.start])
            if (
                AGENT_AFTER_RE.match(s[b.end :])
                or before
                or (
                    BATCH_RELATIVE_VERB_RE.match(s[b.end :])
                    and BATCH_RELATIVE_BEFORE_RE.search(s, max(0, b.start - 160), b.start)
                )
            ):
                by_run = b if before else None
                c.body(b.key, line, s, b.text)
            elif TASKED_BEFORE_RE.search(s[: b.start]):  # "called on the <body> (and the <body>) to issue ..."
                run = [b]
                for nxt in bodies[i + 1 :]:
                    if not BODY_JOIN_RE.match(s[run[-1].end : nxt.start]):
                        break
                    run.append(nxt)
                if TASKED_AFTER_RE.match(s[run[-1].end :]):
                    for tasked in run:
                        c.body(tasked.key, line, s, tasked.text)


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
    for _kind, _ordinal, _count, s, line, phrase in ctx.batch_phrases:  # noqa: F402 (a name not read, as before the split)
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
    (institutional innovations, which zones number too) is never used, nor a batch its sentence gives a zone,
    nor "the first batch of ... since <event>" (the first since then, not the series' first).
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
        if ordinal == 1 and at >= 0 and FIRST_SINCE_RE.match(s[at + len(phrase) :]):
            continue  # "the first batch of best practices compiled since ...": the first since then, not number 1
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
