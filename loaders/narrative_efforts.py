"""Cross-regional effort rules of the narrative: alliances (bodies of several members), joint actions of
several zones, and efforts told of a printed group (``They have promoted ...``); registered in
:data:`loaders.narrative.RULES`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pftz.loaders.gazetteer import Gazetteer
from pftz.loaders.lexicon import (
    BODY_REFERENCE_HEADS,
    CARDINALS,
    FOUNDED_BY_PARTICIPLES,
    JOINT_PLACE_HEADS,
    JOINT_RUN_PARTICIPLES,
    LAUNCH_PARTICIPLES,
    LOWER_BODY_HEADS,
    ORDINALS,
    RELEASE_REFERENCE_HEADS,
    SPAN_WORDS,
    alternation,
    body_kind,
    number_value,
)
from pftz.loaders.narrative_facts import (
    ALLIANCE_RE,
    BODY_HEAD_RE,
    GROUP_RE,
    JOINT_DOCUMENT,
    JOINT_DOCUMENT_RE,
    JOINT_VERB_RE,
    PRONOUN_RE,
    RELEASED_BATCH_RE,
    Actor,
    EffortFact,
    FindZones,
    Sentence,
    find_actors,
    ordinal_of,
)
from pftz.loaders.narrative_practice_names import ARTICLES_RE
from pftz.loaders.narrative_quoted import named_object


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
    >>> split_examples('"one form, two ports" for ro-ro cars, and shared berth plans')
    ['one form, two ports for ro-ro cars', 'shared berth plans']
    """
    body = re.split(r"(?<=[a-z)])\.\s", text, maxsplit=1)[0].rstrip(". ")
    # a comma inside a quoted name does not split it ('"one declaration, corridor-wide release" for ...')
    body = re.sub(r"[\"“][^\"“”]*[\"”]", lambda q: q.group(0).replace(",", "\0"), body)
    split = re.split(r",\s*(?:and\s+)?|\s+and\s+(?=[a-z]+ing\b)|(?<=[\"”])\s+and\s+", body)
    items = [x.strip().replace("\0", ",") for x in split]
    bare = [re.sub(r"[\"“”]", "", x).strip() for x in items]  # 'the "relay transport" of ...': a quoted head
    out = [ARTICLES_RE.sub("", x) for x in bare if x[:1].islower() and len(x.split()) >= 2]
    return out if len(out) == len([x for x in items if x]) else out[: len(out)]


def _places_in_name(name: str) -> list[str]:
    """The zones a mechanism's name lists (``... for the Beijing-Tianjin-Hebei PFTZs``)."""
    m = re.search(r"([A-Z][a-z]+(?:[-–][A-Z][a-z]+)+) PFTZs", name)
    return [z.lower() for z in re.split(r"[-–]", m.group(1))] if m else []


_FOUNDED_BY = (
    rf"(?:jointly\s+)?{alternation(FOUNDED_BY_PARTICIPLES)}(?:\s+(?:in|on|last|early|late)\s+[^,;.:]{{1,30}}?)?\s+by"
)
"""A passive naming who founded a body, a time phrase allowed before ``by`` (``formed in 2022 by``)."""
_MEMBERS_AFTER_RE = re.compile(
    r"\s*(?:,\s*(?:which\s+(?:is\s+|was\s+)?)?(?:made up of|composed of|comprising|consisting of|"
    rf"{_FOUNDED_BY}|"
    rf"bringing together|which brings together|{alternation(SPAN_WORDS)}|"
    rf"(?:which\s+(?:is|was|are|were)\s+)?jointly\s+{alternation(JOINT_RUN_PARTICIPLES)}\s+by)|\s+brings together|"
    rf"\s+(?:was|were|has been|had been)\s+{_FOUNDED_BY})\s+"
    r"(?P<m>[^.;]*?)(?=,\s+(?:\w+ly\s+)?(?:has|have|had|[a-z]+ed)\b|[.;]|$)"
)
_FOUNDED_BEFORE_RE = re.compile(
    r"(?:^|[.;]\s*|,\s*(?:and|while)\s+)(?:In [^,]{1,40},\s*)?(?P<m>[^.;]{3,200}?)\s+(?:have\s+|has\s+)?"
    r"(?:jointly\s+)?(?:set up|established|formed|founded|launched|built|created|co-founded|"
    r"(?:held|convened)\s+(?:the|a|an|its|their)\s+(?:[\w-]+\s+){0,2}?(?:meeting|session|plenary)\s+of)"
    r"\s+(?:the\s+|a\s+|an\s+)?$"
)
"""The members as the subject of the verb that founded the body, or of one that convened its meeting (``A PFTZ,
B PFTZ and C PFTZ held the first meeting of the Joint Conference Mechanism of ...``)."""


_LOWER_BODY_RE = re.compile(
    r"(?:set up|established|formed|founded|launched|built|created)\s+(?:a|an|the)\s+"
    rf"(?P<name>(?:[\w-]+\s+){{0,3}}?{alternation(LOWER_BODY_HEADS)}\b"
    r"(?:\s+(?:for|of|on|between|among)\s+[^,.;:\"“”]{3,100}?)?)(?=[,.;:]|\s+(?:to|which|that|with)\b|$)"
)
"""A body printed in lower case after the verb that founded it (:data:`loaders.lexicon.LOWER_BODY_HEADS`)."""
_LOWER_BODY_SUBJECT_RE = re.compile(
    r"^(?:In [^,]{1,40},\s*)?(?:A|An|The)\s+"
    rf"(?P<name>(?:[\w-]+\s+){{0,3}}?{alternation(LOWER_BODY_HEADS)}\b"
    r"(?:\s+(?:for|of|on|between|among)\s+[^,.;:\"“”]{3,100}?)?)(?=,)"
)
"""A body printed in lower case as its sentence's subject, its members in an appositive after it (``A joint
conference mechanism of three zones, formed by A PFTZ, B PFTZ and C PFTZ, met ...``)."""
_LOWER_BODY_OF_ZONES_RE = re.compile(
    rf"\b(?:the|a|an|its|their)\s+(?P<name>(?:[\w-]+\s+){{0,3}}?{alternation(LOWER_BODY_HEADS)}\s+(?:of|for|among)\s+"
    r"(?:the\s+)?[A-Z][\w'’-]*(?:(?:,\s+(?:and\s+)?|\s+and\s+)[A-Z][\w'’-]*){1,8}\s+(?:[Pp]ilot\s+)?"
    r"(?:P?FTZs|[Pp]ilot [Ff]ree [Tt]rade [Zz]ones|[Pp]ilot [Zz]ones))\b"
)
"""A body printed in lower case with its members, a list of zones under one plural head, in its name (``the joint
conference mechanism of the Beijing, Tianjin and Hebei FTZs``), wherever it stands."""


_NAME_AND_BEFORE_RE = re.compile(r"\bthe\s+(?P<first>(?:[A-Z][\w–-]*\s+){1,4}(?:and|of the)\s+)$")
"""The first part of a body's name joined by ``and`` or ``of the`` before the capitalised words the name pattern
reads (``the Cross-Straits and Greater Bay Area Linkage Demonstration Zone``, ``the Middle Reaches of the Yangtze River
PFTZ Cooperation Platform``), after ``the``."""
_NAMED_BY_APPOSITIVE_RE = re.compile(
    r"\b(?P<name>(?:[A-Z][\w–-]*\s+){1,8}[A-Z][\w–-]*),\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}?"
    rf"{alternation(LOWER_BODY_HEADS)}\s+(?:of|for|between|among)\s+(?P<m>[^;.]{{3,160}}?)"
    r"(?=,\s+(?:\w+ly\s+)?(?:has|have|had|which|[a-z]+ed)\b|[.;]|$)"
)
"""A capitalised name a lower-case appositive calls a body of several members, the members after it (``the
Guangdong-Hong Kong-Macao Rules Connectivity Platform, a cooperation platform of Guangdong PFTZ, Hong Kong and
Macao, released ...``)."""


_OF_GROUP_RE = re.compile(
    rf"\s+(?:of|among|for)\s+(?=(?:the\s+)?(?:{alternation(CARDINALS)}|\d+)\s+(?:[a-z]+\s+){{0,2}}?"
    r"(?:provinces|regions|municipalities|cities)\b)"
)
"""A body's members printed as a group right after its name (``... Alliance of nine provinces and regions``)."""


def _members_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where a body's members are printed: an appositive after its name (``the X Alliance, composed of the PFTZs
    of A and B together with C, issued ...``) or the subject of the verb that founded it (``A PFTZ, B PFTZ and C
    Province set up the X Platform``)."""
    if am := _MEMBERS_AFTER_RE.match(text, end):
        return am.start("m"), am.end("m")
    if bm := _FOUNDED_BEFORE_RE.search(text[:start]):
        return bm.start("m"), bm.end("m")
    return None


_PLACE_WORDS = r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?"
_PLACES_OF_RE = re.compile(
    rf"\s+of\s+(?P<list>{_PLACE_WORDS}(?:\s*,\s*(?:and\s+)?{_PLACE_WORDS}|\s+and\s+{_PLACE_WORDS})+)"
    r"(?=\s*(?:[,.;:]|$|\s+[a-z]))"
)
"""The places a body is "of", listed after its name: ``... PFTZ Alliance of Shanghai, Jiangsu, Zhejiang and Anhui``."""


def _places_of_body(text: str, m: re.Match[str], gaz: Gazetteer) -> tuple[str, list[str]] | None:
    """A body's name printed with the list of places it is "of" (two or more, each a province or region of the
    gazetteer: ``the Yangtze River Delta PFTZ Alliance of Shanghai, Jiangsu, Zhejiang and Anhui released ...``):
    the name without them and the places' keys; None when the name is not followed so.

    Examples
    --------
    >>> g = Gazetteer.default()
    >>> t = "the Pearl River PFTZ Alliance of Guangdong, Guangxi and Hainan released its third batch"
    >>> m = ALLIANCE_RE.search(t)
    >>> _places_of_body(t, m, g)
    ('Pearl River PFTZ Alliance', ['guangdong', 'guangxi', 'hainan'])
    """
    start = m.start("name")
    head = BODY_HEAD_RE.search(text, start, m.end())
    if head is None:
        return None
    pm = _PLACES_OF_RE.match(text, head.end())
    if pm is None:
        return None
    items = [x for x in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", pm.group("list")) if x]
    keys = [p.key for x in items if (found := gaz.find_provinces(x)) and (p := found[0]).start == 0 and p.end == len(x)]
    if len(keys) != len(items):
        return None
    return re.sub(r"^(?:the|The)\s+", "", text[start : head.end()]).strip(), keys


def _in_title(s: Sentence, m: re.Match[str]) -> bool:
    """Whether a body's name stands inside a quoted document title (a title word before it in the quote) and names
    no zone there: the title names a body the text knows, it founds none."""
    q = next((q for q in s.quotes if q.start <= m.start() and m.end() <= q.end), None)
    if q is None or any(q.start <= a.start < q.end for a in s.actors):
        return False
    return bool(JOINT_DOCUMENT_RE.search(s.text, q.start, m.start()))


_MEMBERS_SIGNED_RE = re.compile(
    rf"^(?:[A-Z][^,;\"“”]{{0,60}},\s*)?(?:the|The|its|Its|their|Their)\s+(?:{alternation(BODY_REFERENCE_HEADS)}\s+)?"
    r"members\s+(?:have\s+|has\s+|also\s+|jointly\s+)*(?:signed|issued|adopted|released)\s+(?:the\s+|a\s+)?$"
)
"""The members of a body acting together on a document: ``At the launch ceremony, the members signed the "..."``."""


def effort_members_signed(s: Sentence, efforts: Sequence[EffortFact]) -> EffortFact | None:
    """A document the members of a body of several members signed or issued (``the members signed the "Action Plan of
    the ... Alliance ..."``): a document the body issued, for its members; the body the one named last before, within
    :data:`_BODY_NEAR_LINES` lines. Rejects a quoted name that is no title (no title word in it)."""
    q = next((q for q in s.quotes if _MEMBERS_SIGNED_RE.match(s.text[: q.start])), None)
    if q is None or not JOINT_DOCUMENT_RE.search(q.name):
        return None
    body = next((e for e in reversed(efforts) if e.rule == "alliance" and len(e.members) + len(e.provinces) > 1), None)
    if body is None or not 0 <= s.line - body.line <= _BODY_NEAR_LINES:
        return None
    return EffortFact(
        q.name, body.members, s.line, s.original, "joint-action", JOINT_DOCUMENT, provinces=body.provinces, by=body.name
    )


def effort_alliance(s: Sentence, gaz: Gazetteer) -> list[EffortFact]:
    """Alliances and joint conference mechanisms, with the zones named with them.

    Accepts ``the Yangtze River Delta PFTZ Alliance``, ``Joint Conference
    Mechanism for the Beijing-Tianjin-Hebei PFTZs`` (members from the name), a body in lower case after its
    founding verb or as its sentence's subject with its members after it (``A joint conference mechanism of
    three zones, formed by A, B and C, met ...``);
    members are the zone list of the sentence when it names one alliance only,
    else the members as printed (``the nine provinces ... along the Yellow
    River``). A name never crosses a tab (the end of a table's cell: ``April<TAB>The X Alliance ...``).
    """
    found: list[re.Match[str]] = list(ALLIANCE_RE.finditer(s.text)) if BODY_HEAD_RE.search(s.text) else []
    if any(h in s.text for h in LOWER_BODY_HEADS) and (" of the " in s.text or " for the " in s.text):
        # "..., and the joint conference mechanism of the Beijing, Tianjin and Hebei FTZs": beside a named body too
        found += [
            om
            for om in _LOWER_BODY_OF_ZONES_RE.finditer(s.text)
            if om.group("name")[:1].islower() and not any(f.start() <= om.start("name") < f.end() for f in found)
        ]
    if not found and "," in s.text and (nm := _NAMED_BY_APPOSITIVE_RE.search(s.text)):
        found = [nm]  # "The X Rules Connectivity Platform, a cooperation platform of A PFTZ, B and C, released ..."
    if not found and (lm := _LOWER_BODY_RE.search(s.text)):
        found = [lm]  # "Shanghai, Jiangsu and Zhejiang PFTZs set up a joint conference mechanism for ..."
    elif not found and (sm := _LOWER_BODY_SUBJECT_RE.match(s.text)) and _MEMBERS_AFTER_RE.match(s.text, sm.end()):
        found = [sm]  # "A joint conference mechanism of three zones, formed by A PFTZ, B PFTZ and C PFTZ, met ..."
    if not found:
        return []
    out: list[EffortFact] = []
    for m in found:
        if _in_title(s, m):
            continue  # "signed the "Action Plan of the X Alliance for ..."": a document's title, no body named anew
        cell = m.group("name").rsplit("\t", 1)  # a tab ends a table's cell: "April<TAB>The X Alliance released ..."
        name = re.sub(r"^(?:the|The)\s+", "", cell[-1]).strip()
        name_at = m.start("name") + (len(cell[0]) + 1 if len(cell) > 1 else 0)
        if m.re is ALLIANCE_RE and (am := _NAME_AND_BEFORE_RE.search(s.text, max(0, name_at - 80), name_at)):
            name, name_at = f"{am.group('first')}{name}", am.start("first")  # "the Cross-Straits and Greater Bay ..."
        lower = m.re in (_LOWER_BODY_RE, _LOWER_BODY_SUBJECT_RE, _LOWER_BODY_OF_ZONES_RE)
        kind = body_kind(name)
        members: set[str] = {k for a in s.actors if m.start("name") <= a.start < m.end("name") for k in a.keys}
        provinces: set[str] = set()
        if not lower and (listed := _places_of_body(s.text, m, gaz)) is not None:
            name, places = listed  # "the Yangtze River Delta PFTZ Alliance of Shanghai, Jiangsu, Zhejiang and Anhui"
            members = {k for p in places if (k := gaz.zone_of_province(p))}
            provinces = {p for p in places if not gaz.zone_of_province(p)}
        span: tuple[int, int] | None = m.span("m") if m.re is _NAMED_BY_APPOSITIVE_RE else None
        if len(members) < 2 and (span := span or _members_span(s.text, name_at, m.end())):
            members |= {k for a in s.actors if span[0] <= a.start < span[1] for k in a.keys}
            inside = [(a.start, a.end) for a in s.actors]
            provinces = {
                p.key
                for p in gaz.find_provinces(s.text[span[0] : span[1]], exclude_zones=True)
                if not any(b <= span[0] + p.start < e for b, e in inside)
            }
        if len(found) == 1 and len(members) < 2 and not (span and provinces):
            # a list of zones elsewhere in the sentence, unless the members printed with the body are places
            members |= {k for a in s.actors if len(a.keys) > 1 for k in a.keys}
        members |= {k for p in _places_in_name(name) if (k := gaz.zone(f"{p} PFTZ"))}
        text = ""
        if span and not members and not provinces:
            # "..., formed in 2022 by the nine provinces and autonomous regions along the river": a group as printed
            text = printed_group(s.text[span[0] : span[1]])
        if not members and not text and len(found) == 1 and (g := GROUP_RE.search(s.text[: m.start()])):
            text = g.group("group")
        om = None if members or provinces or text else _OF_GROUP_RE.match(s.text, m.end())
        if om is not None and (gm := PRINTED_GROUP_RE.match(s.text, om.end())):
            text = gm.group("group").strip()  # "the Yellow River Basin PFTZ Alliance of nine provinces and regions"
        if len(members) + len(provinces) < 2 and not text and (kind != "alliance" or lower):
            continue  # one zone's own platform or a national demonstration zone: no body of several members
        batch: tuple[int, int | None] | None = None
        released: tuple[str, ...] = ()
        if len(found) == 1 and (bm := RELEASED_BATCH_RE.search(s.text, m.end())):
            batch = (ordinal_of(bm.group("ord")), int(bm.group("count")) if bm.group("count") else None)
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


_BODY_REFERENCE_RE = re.compile(rf"\b(?:on behalf of the|[Tt]he)\s+(?P<head>{alternation(BODY_REFERENCE_HEADS)})\b")
_RELEASED_LATER_RE = re.compile(
    rf"\breleased\b[^.;\"“”]{{0,80}}?\b(?:a|the|its|their)\s+(?P<ord>\d{{1,2}}(?:st|nd|rd|th)|{alternation(ORDINALS)})"
    rf"\s+batch\s+of\s+(?:(?P<count>\d+|{alternation(CARDINALS)})\s+)?(?:[\w-]+\s+){{0,4}}?innovations\b"
)
"""A batch released, the releaser before it (``the Commission ... released on behalf of the mechanism a first batch
of eight joint institutional innovations``)."""


def effort_released_by_reference(s: Sentence, efforts: Sequence[EffortFact]) -> EffortFact | None:
    """A batch released by a body of several members the text named before and refers back to by its head word in
    lower case (:data:`loaders.lexicon.BODY_REFERENCE_HEADS`): ``released on behalf of the mechanism a first batch
    of eight joint institutional innovations``, ``the alliance released its second batch of ...``.

    The body is the last one of that head named anywhere before (its name and members); the batch's ordinal and
    count (in digits or words) as printed. Rejects a sentence naming no batch, or no such body before.
    """
    if (m := _RELEASED_LATER_RE.search(s.text)) is None:
        return None
    refs = list(_BODY_REFERENCE_RE.finditer(s.text, 0, m.start("ord")))
    if not refs:
        return None
    head = refs[-1].group("head").lower()
    body = next((e for e in reversed(efforts) if e.rule == "alliance" and e.name.lower().endswith(head)), None)
    if body is None:
        return None
    count = number_value(m.group("count")) if m.group("count") else None
    return EffortFact(
        body.name,
        body.members,
        s.line,
        s.original,
        "alliance",
        body.kind,
        body.members_text,
        (ordinal_of(m.group("ord")), count),
        (),
        body.provinces,
    )


_JOINTLY_BY_RE = re.compile(
    rf"^\s*(?:[A-Z][^,;]{{0,40}},\s*)?[Jj]ointly\s+(?:{alternation(LAUNCH_PARTICIPLES)}|set up|[a-z]+ed)"
    r"\s+by\s+(?:the\s+)?"
)
"""A sentence opening with what several zones did together, the zones after ``by``."""


JOINT_PLACE = "jointly run place"
"""``kind`` of a body that is a place several zones run together (:data:`loaders.lexicon.JOINT_PLACE_HEADS`)."""
_JOINT_PLACE_RE = re.compile(rf"\b{alternation(JOINT_PLACE_HEADS)}$")
_VERB_AFTER_JOINTLY_RE = re.compile(r"(?!with\b)[a-z]+(?:\s+(?:up|out))?\s+(?=(?:the|a|an)\s)")
"""The verb after ``jointly``, of any form, its object opening with an article (``jointly run the ...``)."""


def effort_joint_action(s: Sentence, last_group: Actor | None) -> EffortFact | None:
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
    if group is None and PRONOUN_RE.match(s.text) and last_group is not None:
        group = last_group
    if group is None and (bm := _JOINTLY_BY_RE.match(s.text)):
        # "Jointly launched by Hubei and Hunan PFTZs, the "..." model links ...": the zones after "by"
        group = next((a for a in s.actors if a.start == bm.end() and len(a.keys) > 1), None)
    if group is None:
        return None
    rest = s.text[jm.end() :].lstrip(" ,")
    vm = _VERB_AFTER_JOINTLY_RE.match(rest) if jm.group(0) == "jointly" else None
    after = [q for q in s.quotes if q.start > jm.start()]
    if vm is not None and not re.match(r"[^,.;:\"“]*[\"“]", rest[vm.end() :]):
        after = []  # "jointly run the X operation area, where ... "one port, two administrations"": the object
    if after:
        name = after[0].name
    elif s.text.startswith("together with", jm.start()):
        return None  # "X, together with Y, set up the ... Alliance": a co-actor, and no joint work named
    else:
        if vm is not None:
            rest = rest[vm.end() :]  # "jointly run the Xiaoyangshan North operation area": the verb's object
        obj = re.match(r"[^,.;:]{6,160}", rest)
        name = obj.group(0).strip() if obj else ""
    if not name:
        return None
    name = re.sub(r"^(?:\w+ed\s+)?(?:the|a|an)\s+", "", name)
    # what several zones signed is a document they issued together, not a joint innovation
    kind = JOINT_DOCUMENT if jm.group(0) == "signed" else "joint effort"
    if vm is not None and not after and _JOINT_PLACE_RE.search(name):
        # a place several zones run together is a body of several members, not a joint innovation
        return EffortFact(name, tuple(sorted(group.keys)), s.line, s.original, "joint-action", kind=JOINT_PLACE)
    return EffortFact(name, tuple(sorted(group.keys)), s.line, s.original, "joint-action", kind=kind)


PRINTED_GROUP_RE = re.compile(
    r"\b(?:the\s+)?(?P<group>(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:[a-z]+\s+){0,2}?"
    r"(?:provinces|regions|municipalities|cities)(?:\s+and\s+(?:autonomous\s+)?(?:regions|municipalities))?"
    r"(?:\s+(?:along|in|of)\s+the\s+[A-Z][\w–-]*(?:\s+[A-Z][\w–-]*)*|\s+along\s+the\s+[a-z]+)?)"
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


def effort_group_pronoun(s: Sentence, prev: Sentence) -> EffortFact | None:
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
    if not m or not named_object(m.group("name")) or not (group := printed_group(prev.text)):
        return None
    return EffortFact(m.group("name").strip(), (), s.line, s.original, "group-pronoun", members_text=group)


# --------------------------------------------------------------------------- the items of a body's batch
ITEMS_OF_BATCH_RE = re.compile(
    rf"^(?:The|Its|Their)\s+(?P<ord>\d{{1,2}}(?:st|nd|rd|th)|{alternation(ORDINALS)})\s+batch"
    rf"(?:\s+of\s+(?P<count>\d+|{alternation(CARDINALS)})(?:\s+[\w-]+){{0,3}}?)?\s+(?:includes|include|contains|covers)\s+"
)
"""A sentence whose subject is a batch named by its ordinal, listing its items: ``The first batch of 10 innovations
includes A, ...``."""
ITEMS_MORE_RE = re.compile(r"^(?:It|The batch|This batch)\s+(?:also\s+)?(?:includes|contains|covers)\s+(?:also\s+)?")
"""The next sentence listing more of them: ``It also includes B, C and D``."""
ITEMS_OF_RELEASE_RE = re.compile(
    rf"^(?:(?:The|Its|Their)\s+(?:(?:joint|new|other)\s+)?{alternation(RELEASE_REFERENCE_HEADS)}"
    rf"|Other\s+{alternation(RELEASE_REFERENCE_HEADS)}\s+(?:on|in|of)\s+the\s+{alternation(RELEASE_REFERENCE_HEADS)})"
    r"(?:\s*,[^,;.\"“”]{3,80},)?\s+(?:also\s+)?(?:includes?|contains?|covers?)\s+"
)
"""A sentence referring back by a noun to what a body released, listing its items (no ordinal): ``The measures
include A, B and C``, ``The list, released at the mechanism's meeting, includes A``, ``Other items on the list
include B and C`` (:data:`loaders.lexicon.RELEASE_REFERENCE_HEADS`)."""
ITEMS_LEAD_RE = re.compile(rf"{ITEMS_OF_BATCH_RE.pattern}|{ITEMS_MORE_RE.pattern}|{ITEMS_OF_RELEASE_RE.pattern}")
"""Either opening: the gate of the rule that reads the items."""
_ITEM_MODIFIER_RE = re.compile(
    rf"^(?:(?:first|jointly)\s+)?(?:{alternation((*LAUNCH_PARTICIPLES, 'worked out', 'drawn up'))}|which|that|"
    r"whose|where|under which)\b"
)
_ITEM_BY_RE = re.compile(
    rf"\s+(?:(?:first|jointly)\s+)?(?:{alternation((*LAUNCH_PARTICIPLES, 'worked out', 'drawn up'))})\s+"
    r"(?:jointly\s+)?by\s+(?P<who>.+)$"
)
_BODY_NEAR_LINES = 8
_NAMING_PARTICIPLE_RE = re.compile(r"\s+(?:[a-z]+ing|between)\s+")
"""The participle before the zones an item names (``... transit model linking the X Area ...``)."""
"""How many lines before the batch's sentence the body it belongs to must have been named (its paragraph or the
one or two before)."""


def batch_items(text: str) -> list[tuple[str, str]]:
    """The items a sentence lists (after ``includes``), each with the text naming who developed it (``""`` if none).

    Items are cut at commas and ``and`` before an article (a comma inside a quoted name does not cut it); a part
    opening with a participle or a relative word (``developed jointly by A and B``, ``which has cut ...``) is no
    item but says more of the item before (its developers after ``by``), and so does a participle with ``by`` inside
    an item (``a shared list of ... set up by the A and B FTZs``). Quotes and articles are dropped from the names.

    Examples
    --------
    >>> batch_items('the "one port" model for barges, developed jointly by A Area and B Area, which cut costs, '
    ...             'mutual recognition of ratings, and a shared list of carriers set up by the C and D FTZs.')
    [('one port model for barges', 'A Area and B Area'), ('mutual recognition of ratings', ''), \
('shared list of carriers', 'the C and D FTZs')]
    """
    body = re.split(r"(?<=[A-Za-z)\"”])\.(?:\s|$)|;", text, maxsplit=1)[0]
    body = re.sub(r"[\"“][^\"“”]*[\"”]|(?<!\w)['‘][^'‘’\"]*['’](?!\w)", lambda q: q.group(0).replace(",", "\0"), body)
    items: list[tuple[str, str]] = []
    for part in re.split(r",\s*", body):
        part = part.strip().replace("\0", ",")
        if not part:
            continue
        if items and _ITEM_MODIFIER_RE.match(part):
            if (bm := re.search(r"\bby\s+(?P<who>.+)$", part)) and not items[-1][1]:
                items[-1] = (items[-1][0], bm.group("who"))
            continue
        for piece in re.split(r"^and\s+|\s+and\s+(?=(?:a|an|the)\s)", part):
            if not piece or not piece.strip():
                continue
            who = ""
            if bm := _ITEM_BY_RE.search(piece):
                piece, who = piece[: bm.start()], bm.group("who")
            name = ARTICLES_RE.sub("", re.sub(r"[\"“”‘’]|(?<!\w)'|'(?!\w)", "", piece).strip())
            if name[:1].islower() and len(name.split()) >= 2:
                items.append((name, who))
    return items


def effort_batch_items(
    s: Sentence, prev: Sentence | None, efforts: Sequence[EffortFact], gaz: Gazetteer, find_zones: FindZones
) -> EffortFact | None:
    """The items of a batch of a body of several members, listed in a sentence whose subject is the batch (``The first
    batch of 10 innovations includes A, developed jointly by X and Y, ...``) or in the next one (``It also includes
    B, C set up by Z, and D``): the batch is the body's named last before, within :data:`_BODY_NEAR_LINES` lines (its
    members, provinces and name); each item is the body's, credited to the zones its sentence says developed it when
    two or more (:attr:`EffortFact.developers`). Rejects a sentence naming a zone before its list (a zone's own batch),
    or with no body named near before.
    """
    m = ITEMS_OF_BATCH_RE.match(s.text)
    ordinal: str | None
    if m is not None:
        ordinal, count, start = m.group("ord"), m.group("count"), m.end()
    elif (rm := ITEMS_OF_RELEASE_RE.match(s.text)) is not None:
        ordinal, count, start = None, None, rm.end()  # "The measures include A, B and C": no batch named
    else:
        more = ITEMS_MORE_RE.match(s.text)
        if more is None or prev is None or (pm := ITEMS_OF_BATCH_RE.match(prev.text)) is None:
            return None
        ordinal, count, start = pm.group("ord"), pm.group("count"), more.end()
    if any(a.start < start for a in s.actors):
        return None
    body = next((e for e in reversed(efforts) if e.rule == "alliance" and len(e.members) + len(e.provinces) > 1), None)
    if body is None or not 0 <= s.line - body.line <= _BODY_NEAR_LINES:
        return None
    items = batch_items(s.text[start:])
    if not items:
        return None
    developers: list[tuple[str, tuple[str, ...]]] = []
    named_items: list[str] = []
    for name, who in items:
        zones = tuple(sorted({k.split("/", 1)[0] for a in find_actors(who, gaz, find_zones) for k in a.keys}))
        if not who and body.members and (named_in := find_actors(name, gaz, find_zones)):
            # "a transit model linking the X Area of A FTZ with the Y Area of B FTZ": the members the item names,
            # the name ending before the participle that names them
            named = {k.split("/", 1)[0] for a in named_in for k in a.keys}
            zones = tuple(sorted(named)) if named <= set(body.members) else ()
            cuts = list(_NAMING_PARTICIPLE_RE.finditer(name, 0, named_in[0].start))
            if len(zones) > 1 and cuts:
                name = name[: cuts[-1].start()]
        if len(zones) > 1:
            developers.append((name, zones))
        named_items.append(name)
    return EffortFact(
        body.name,
        body.members,
        s.line,
        s.original,
        "alliance",
        body.kind,
        body.members_text,
        None if ordinal is None else (ordinal_of(ordinal), number_value(count) if count else None),
        tuple(named_items),
        body.provinces,
        developers=tuple(developers),
    )
