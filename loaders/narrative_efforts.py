"""Cross-regional effort rules of the narrative: alliances (bodies of several members), joint actions of
several zones, and efforts told of a printed group (``They have promoted ...``); registered in
:data:`loaders.narrative.RULES`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pftz.loaders.lexicon import (
    BODY_REFERENCE_HEADS,
    CARDINALS,
    LAUNCH_PARTICIPLES,
    LOWER_BODY_HEADS,
    ORDINALS,
    SPAN_WORDS,
    alternation,
    body_kind,
    number_value,
)
from pftz.loaders.narrative_cases import ARTICLES_RE
from pftz.loaders.narrative_facts import (
    ALLIANCE_RE,
    BODY_HEAD_RE,
    GROUP_RE,
    JOINT_DOCUMENT,
    JOINT_VERB_RE,
    PRONOUN_RE,
    RELEASED_BATCH_RE,
    Actor,
    EffortFact,
    Sentence,
    ordinal_of,
)
from pftz.loaders.narrative_quoted import named_object
from pftz.loaders.reference import Gazetteer


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


_MEMBERS_AFTER_RE = re.compile(
    r"\s*(?:,\s*(?:which\s+(?:is\s+|was\s+)?)?(?:made up of|composed of|comprising|consisting of|formed by|set up by|"
    r"established by|founded by|created by|"
    rf"bringing together|which brings together|{alternation(SPAN_WORDS)})|\s+brings together)\s+"
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
_LOWER_BODY_SUBJECT_RE = re.compile(
    r"^(?:In [^,]{1,40},\s*)?(?:A|An|The)\s+"
    rf"(?P<name>(?:[\w-]+\s+){{0,3}}?{alternation(LOWER_BODY_HEADS)}\b"
    r"(?:\s+(?:for|of|on|between|among)\s+[^,.;:\"“”]{3,100}?)?)(?=,)"
)
"""A body printed in lower case as its sentence's subject, its members in an appositive after it (``A joint
conference mechanism of three zones, formed by A PFTZ, B PFTZ and C PFTZ, met ...``)."""


def _members_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where a body's members are printed: an appositive after its name (``the X Alliance, composed of the PFTZs
    of A and B together with C, issued ...``) or the subject of the verb that founded it (``A PFTZ, B PFTZ and C
    Province set up the X Platform``)."""
    if am := _MEMBERS_AFTER_RE.match(text, end):
        return am.start("m"), am.end("m")
    if bm := _FOUNDED_BEFORE_RE.search(text[:start]):
        return bm.start("m"), bm.end("m")
    return None


def effort_alliance(s: Sentence, gaz: Gazetteer) -> list[EffortFact]:
    """Alliances and joint conference mechanisms, with the zones named with them.

    Accepts ``the Yangtze River Delta PFTZ Alliance``, ``Joint Conference
    Mechanism for the Beijing-Tianjin-Hebei PFTZs`` (members from the name), a body in lower case after its
    founding verb or as its sentence's subject with its members after it (``A joint conference mechanism of
    three zones, formed by A, B and C, met ...``);
    members are the zone list of the sentence when it names one alliance only,
    else the members as printed (``the nine provinces ... along the Yellow
    River``).
    """
    found: list[re.Match[str]] = list(ALLIANCE_RE.finditer(s.text)) if BODY_HEAD_RE.search(s.text) else []
    if not found and (lm := _LOWER_BODY_RE.search(s.text)):
        found = [lm]  # "Shanghai, Jiangsu and Zhejiang PFTZs set up a joint conference mechanism for ..."
    elif not found and (sm := _LOWER_BODY_SUBJECT_RE.match(s.text)) and _MEMBERS_AFTER_RE.match(s.text, sm.end()):
        found = [sm]  # "A joint conference mechanism of three zones, formed by A PFTZ, B PFTZ and C PFTZ, met ..."
    if not found:
        return []
    out: list[EffortFact] = []
    for m in found:
        name = re.sub(r"^(?:the|The)\s+", "", m.group("name")).strip()
        lower = m.re is _LOWER_BODY_RE or m.re is _LOWER_BODY_SUBJECT_RE
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
