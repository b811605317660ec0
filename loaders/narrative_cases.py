"""Zone-case rules of the narrative: a practice credited to the zone that piloted it.

The actor of a quoted name (possessive, verb, pronoun, ``Under the ... launched by``, inside the quote)
and unquoted practices (``<zone> established a ...``); registered in :data:`loaders.narrative.RULES`. The unquoted
forms told by a clause (passives, ``launched by``, ``established in``, ``took the lead in``) live in
:mod:`loaders.narrative_practices`; the practice an unquoted object phrase names, in
:mod:`loaders.narrative_practice_names`.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterable, Sequence

from pftz.loaders.gazetteer import Gazetteer
from pftz.loaders.lexicon import (
    BY_ADOPT_VERBS,
    CASE_HEADS,
    CO_ACTOR_WORDS,
    JOINT_WORK_NOUNS,
    LAUNCH_PARTICIPLES,
    NOVELTY_VERB_STEMS,
    SUBJECT_ADJECTIVES,
    TRIAL_PARTICIPLES,
    alternation,
)
from pftz.loaders.narrative_facts import (
    AFTER_QUOTE_RE,
    CASE_VERB_RE,
    CLAUSE_CUT_RE,
    CO_WORK_RE,
    HEAD_NOUNS,
    POSSESSIVE_RE,
    PRONOUN_RE,
    SEP_RE,
    Actor,
    CaseFact,
    Sentence,
)
from pftz.loaders.narrative_practice_names import (
    _ADVERBS,
    _INTRO,
    PRACTICE_INF,
    PRACTICE_ING,
    PRACTICE_VERBS,
    _head,
    object_at,
    practice_name,
)
from pftz.loaders.quotes import Quoted
from pftz.loaders.text import Paragraph, sentences


# --------------------------------------------------------------------------- zone-case rules
def chain(s: Sentence, last: Actor) -> Actor:
    """``Shanghai PFTZ and Anhui PFTZs'``: the actors joined to ``last`` by commas or ``and``, as one."""
    before = [a for a in s.actors if a.end <= last.start]
    first = last
    keys = list(last.keys)
    for a in reversed(before):
        if not SEP_RE.fullmatch(s.text[a.end : first.start]):
            break
        keys = list(a.keys) + keys
        first = a
    return Actor(first.start, last.end, tuple(dict.fromkeys(keys)))


_ARTICLE_END_RE = re.compile(r"\b(?:a|an|the|[a-z]{3,}ed)\s*$")
"""An article, or a verb in the past, right before a quoted name."""
_TAIL_OF_RE = re.compile(r"\s+(?:for|of)\s+(?:the\s+)?[a-z]")


def looks_like_innovation(s: Sentence, q: Quoted) -> bool:
    """Whether a name read by the verb or pronoun rules is an innovation rather than a descriptive phrase.

    Accepts a name of three or more words, or one followed by a head noun
    (``"..." model``, ``service``, ``mechanism`` ...) or preceded by
    ``nation's first``/``new``, or a name of two words after an article or a
    verb in the past and before a ``for``/``of`` tail (``introduced "remote-sensing tallying" for
    imported Russian timber``). Rejects a phrase after ``previous``,
    ``traditional``, ``from the``/``to the`` (the old and new states of a reform).
    """
    head = s.text[max(0, q.start - 30) : q.start]
    if re.search(r"\b(?:previous|former|traditional|old|existing|from the|to the|into)\s*$", head):
        return False
    if re.match(HEAD_NOUNS, s.text[q.end :]) or re.search(r"(?:first|new|innovative)\s*$", head):
        return True
    if len(q.name.split()) == 2 and _ARTICLE_END_RE.search(head) and _TAIL_OF_RE.match(s.text, q.end):
        return True  # 'introduced "remote-sensing tallying" for imported timber': a practice with its tail
    return len(q.name.split()) >= 3 and not re.search(r"[,;]", q.name)


def case_possessive(s: Sentence, q: Quoted, prior: Actor | None) -> Actor | None:
    """``Shanghai PFTZ's "integrated license ..."``: the zone right before the name, as a possessive.

    Accepts ``'s``/``'`` and ``new``/``innovative`` between. Rejects anything else in the gap. Of a list that
    stands right after another quoted name (``the "A" of Tianjin PFTZ and Fujian PFTZ's "B"``) only the last zone
    owns the name.
    """
    if prior is not None and POSSESSIVE_RE.fullmatch(s.text[prior.end : q.start]):
        joined = chain(s, prior)
        if joined.start < prior.start and _after_quote(s, joined):
            return prior  # 'the "A" of Tianjin PFTZ and Fujian PFTZ's "B"': the list's head names the "A"
        return joined
    return None


def _after_quote(s: Sentence, a: Actor) -> bool:
    """Whether an actor stands right after a quoted name it is of (``the "A" of Tianjin PFTZ``)."""
    return any(q.end <= a.start and AFTER_QUOTE_RE.fullmatch(s.text[q.end : a.start]) for q in s.quotes)


def _before_quote(s: Sentence, a: Actor) -> bool:
    """Whether an actor owns the quoted name right after it (``Fujian PFTZ's "B"``)."""
    return any(q.start >= a.end and POSSESSIVE_RE.fullmatch(s.text[a.end : q.start]) for q in s.quotes)


_ON_CASE_RE = re.compile(r"\s+(?:on|to)\s+(?:an?|the)\s+")


def case_verb(s: Sentence, q: Quoted, prior: Actor | None, gaz: Gazetteer | None = None) -> Actor | None:
    """``Hubei PFTZ has explored a "..." model``, ``launched the nation's first "..." service``.

    The last zone before the name is the subject when an innovation verb
    stands between them, at most 25 words and no semicolon apart, and no other
    zone intervenes; any verb will do before ``the nation's first``; ``on a`` after zones joined by a verb of
    working together (``X PFTZ worked with Y PFTZ on a "..." scheme``). Rejects a
    name right after a document verb (see :func:`is_case_name`), and one whose
    verb has another subject, a region of the gazetteer ``gaz`` after a clause
    break (``..., and Inner Mongolia introduced "..."``).
    """
    if prior is None:
        return None
    gap = s.text[prior.end : q.start]
    verbs = list(CASE_VERB_RE.finditer(gap))
    if not verbs and _AREA_BETWEEN_RE.fullmatch(gap) and (zone := _zone_before_its_area(s, prior)) is not None:
        # "Henan PFTZ launched in the Zhengzhou Area a "..." model": the area is where its zone acted
        prior, gap = zone, s.text[zone.end : q.start]
        verbs = list(CASE_VERB_RE.finditer(gap))
    if not verbs and (fm := _FIRST_BEFORE_RE.search(gap)) and len(gap.split()) <= 8:
        verbs = [fm]  # "released the nation's first "general data list"": a first of its kind is the zone's own
    if not verbs and (on := _ON_CASE_RE.fullmatch(gap)) and CO_WORK_RE.search(s.text, prior.start, prior.end):
        verbs = [on]  # 'Shaanxi PFTZ worked with Xinjiang PFTZ on a "..." scheme': the joined zones' own
    if ";" in gap or len(gap.split()) > 25 or not verbs:
        return None
    if len(gap[verbs[-1].end() :].split()) > 8 or not looks_like_innovation(s, q):
        return None
    cut = CLAUSE_CUT_RE.search(gap)
    if cut and gaz is not None and gaz.find_provinces(gap[cut.end() :], exclude_zones=True):
        return None  # "..., and Inner Mongolia introduced "...": another subject, a region, took the verb
    return chain(s, prior)


_AREA_BETWEEN_RE = re.compile(r"\s*,?\s*(?:the\s+|an?\s+)?")
"""Between an area and the quoted name after it (``in the Zhengzhou Area a "..."``): an article at most."""
_IN_AREA_RE = re.compile(r"\s(?:in|at|through)\s+(?:the|its)\s+$")


def _zone_before_its_area(s: Sentence, area: Actor) -> Actor | None:
    """The zone before ``in the <area>`` when the area is that zone's (``Henan PFTZ launched in the Zhengzhou
    Area``): the subject of the verb between them; else None."""
    if not _IN_AREA_RE.search(s.text, max(0, area.start - 12), area.start):
        return None
    before = [a for a in s.actors if a.end <= area.start]
    if (
        not before
        or len(area.keys) != 1
        or {k.split("/", 1)[0] for k in before[-1].keys} != {area.keys[0].split("/", 1)[0]}
    ):
        return None
    return before[-1]


_FIRST_BEFORE_RE = re.compile(
    r"\b(?:[a-z]+ed|[a-z]+s)\s+(?:(?:the|a|an)\s+(?:(?:nation|country|world)['’]s\s+)?|China['’]s\s+)first\s+$"
)
"""A verb and ``the nation's first`` right before a quoted name: ``released the nation's first "..."``."""


def case_pronoun(s: Sentence, q: Quoted, prior: Actor | None, last_subject: Actor | None) -> Actor | None:
    """``It has introduced the "..."``: a sentence opening with a pronoun continues the previous subject zone.

    Accepts ``It``, ``The zone``, ``They`` ... followed by an innovation verb
    before the name, when no zone is named in between.
    """
    if prior is not None or last_subject is None or not PRONOUN_RE.match(s.text):
        return None
    if not CASE_VERB_RE.search(s.text[: q.start]) or len(s.text[: q.start].split()) > 25:
        return None
    return last_subject if looks_like_innovation(s, q) else None


_QUOTE_SUBJECT_RE = re.compile(rf"^\s*(?:The|This|Its|Their)\s+(?:{alternation(SUBJECT_ADJECTIVES)}\s+)?$")
_QUOTE_SUBJECT_VERB_RE = re.compile(
    rf"^(?:{HEAD_NOUNS})?\s+(?:(?:also|now|further)\s+)?(?:[a-z]+s|has|is|was|allowed|enabled|made)\b(?<!\bis)"
)


def case_quote_subject(s: Sentence, q: Quoted, prior: Actor | None, last_subject: Actor | None) -> Actor | None:
    """``Hebei PFTZ's Xiong'an Area applies AI ... . The "smart review of ..." checks compliance``: a quoted name
    opening its sentence as its subject is a case of the paragraph's subject zone.

    Accepts ``The``/``This``/``Its`` and the quoted name (a head noun may follow) as the subject of a verb
    (``checks``, ``allows``, ``has``), also after a relative clause (``Its "..." system for auto parts, which links
    ..., has been ...``), no zone named before it in the sentence. The caller rejects it when a
    case of the paragraph was credited to that zone already (a later sentence describes that case).
    """
    if prior is not None or last_subject is None or not _QUOTE_SUBJECT_RE.match(s.text[: q.start]):
        return None
    tail = s.text[q.end :]
    if not (_QUOTE_SUBJECT_VERB_RE.match(tail) or _QUOTE_SUBJECT_WHICH_RE.match(tail)) or len(q.name.split()) < 3:
        return None
    return last_subject


_QUOTE_SUBJECT_WHICH_RE = re.compile(
    rf"^(?:{HEAD_NOUNS})(?:\s+(?:for|of)\s+[^,;\"“”]{{1,80}})?\s*,\s*(?:which|that)\b[^;\"“”]{{1,200}}?,\s*"
    r"(?:has|have|had|was|were|is|are)\b"
)
"""The quoted name's head and a relative clause before the subject's verb: ``Its "..." system for auto parts,
which links ..., has been introduced by ...``."""
_DASH_LIST_HEAD_RE = re.compile(
    r"\b(?:\w+\s+)?(?:cases|innovations|practices|experiences|measures|reforms|models)\s+(?:of|from)\s+(?:the\s+)?$"
)
_DASH_RE = re.compile(r"^\s*(?:--|—|–)\s*")
_DASH_END_RE = re.compile(r"--|—|–")


def case_dash_list(s: Sentence, q: Quoted, prior: Actor | None) -> Actor | None:
    """``two earlier cases of the Yunnan FTZ -- the "A" for ... and the "B" model ... -- were included ...``: the
    items of a list set off by dashes after ``<cases> of <zone>`` are that zone's.

    Accepts a plural head (cases, innovations, practices ...) and ``of``/``from`` right before the zone, a dash
    right after it, and the quoted name inside the dashes (no closing dash between the zone and the name).
    """
    if prior is None or not _DASH_LIST_HEAD_RE.search(s.text, 0, prior.start):
        return None
    gap = s.text[prior.end : q.start]
    if (d := _DASH_RE.match(gap)) is None or _DASH_END_RE.search(gap, d.end()) or ";" in gap:
        return None
    return prior if looks_like_innovation(s, q) else None


_ITS_RE = re.compile(r"\bits\s+(?:own\s+|new\s+)?$")


def case_its(s: Sentence, q: Quoted, prior: Actor | None) -> Actor | None:
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
_UNDER_MODEL_RE = re.compile(rf"\s*(?:{alternation(CASE_HEADS)}\s*)?,")
"""The head noun and comma closing ``Under the "..." model,``."""
_IN_PLACE_RE = re.compile(r"\s*In\s+(?:the\s+)?")
_PLACE_GAP_RE = re.compile(rf",\s*(?:(?:[a-z][\w-]*\s+){{0,4}}?{alternation(TRIAL_PARTICIPLES)}\s+)?(?:a|an|the)\s+")
"""Between the place opening a sentence and the quoted name: ``In the X Area, a "..."``, ``In the X Area,
officials are now testing a "..."``."""
_FROM_PLACE_RE = re.compile(r"\s*From\s+(?:the\s+)?")
_FROM_GAP_RE = re.compile(
    r"(?:,\s*(?:which|where|home to)\s[^,;:\"“”]{0,80})?,?\s+(?:come|comes|came|have come|has come)\s+"
    r"(?:(?:both|first|also)\s+)?(?:a|an|the)\s+"
)
"""Between the place opening an inverted sentence of origin and the quoted name: ``From the X Area, which ...,
come a "..."``."""


def case_under(s: Sentence, q: Quoted, before: Actor | None = None) -> Actor | None:
    """``Under the "Kashgar centralized inspection model ...", Xinjiang PFTZ's Kashgar Area carries out ...``: the
    zone that stands as the subject right after the introductory phrase naming the innovation.

    Accepts ``Under``/``Through``/``With``/``Via`` and an article before the name, at most three words after
    it, a comma and the zone. Also the place before the name: ``In the Khorgos Area of Xinjiang PFTZ, a "..."
    allowed ...``, ``In the X Area, officials are now testing a "..."``, ``From the X Area come a "..."`` (the one
    zone of the opening phrase; :data:`loaders.lexicon.TRIAL_PARTICIPLES`). A sentence naming no zone at all
    (``Under the "..." model, goods landing at the airport are declared once``) continues ``before``: the one
    subject zone of its paragraph, or, opening a paragraph, of the paragraph before. Rejects a name the sentence
    does not open with.
    """
    if not _UNDER_RE.match(s.text[: q.start]):
        opening = [a for a in s.actors if a.end <= q.start]
        if (
            len(opening) == 2
            and _OF_SAME_RE.fullmatch(s.text, opening[0].end, opening[1].start)
            and {k.split("/", 1)[0] for k in opening[0].keys} == set(opening[1].keys)
        ):
            opening = [Actor(opening[0].start, opening[1].end, opening[0].keys)]  # "the X Area of the Y FTZ"
        if len(opening) == 1 and any(
            lead.fullmatch(s.text[: opening[0].start]) and gap.fullmatch(s.text[opening[0].end : q.start])
            for lead, gap in ((_IN_PLACE_RE, _PLACE_GAP_RE), (_FROM_PLACE_RE, _FROM_GAP_RE))
        ):
            return opening[0]
        return None
    if not s.actors and before is not None and _UNDER_MODEL_RE.match(s.text, q.end):
        return before
    nxt = next((a for a in s.actors if a.start >= q.end), None)
    gap = s.text[q.end : nxt.start] if nxt else ""
    if nxt is None or not gap.rstrip().endswith(",") or len(gap.split()) > 4 or ";" in gap:
        return None
    return nxt


_ADOPTED_GAP_RE = re.compile(
    rf"\b(?:has|have|had|was|were|is|are|been|be)\s+(?:\w+ly\s+|also\s+|since\s+|later\s+)*"
    rf"{alternation(BY_ADOPT_VERBS)}\s+by\s"
)
"""A passive verb of adopting and ``by`` between a quoted name and a zone: the zone is its adopter."""


def case_after(s: Sentence, q: Quoted) -> list[Actor]:
    """``The "..." in Shandong PFTZ and Henan PFTZ``, ``the "..." model of Tianjin PFTZ``.

    The zones named right after the name (after at most eight words and
    ``in``/``of``/``by``/``at``, or an appositive participle: ``"...", developed
    jointly by ...``, an appositive of joint work: ``the "..." arrangement, a joint innovation of ...``, or the
    passive verb after an appositive holding the name:
    ``One of them, a "..." model for X, was developed by ...``), several when joined by ``and`` or commas; a zone
    of the list that owns the next quoted name (``... and Fujian PFTZ's "B"``) ends it. Nothing when a passive verb
    of adopting and ``by`` stand between (``the "..." model has been learned by the FTZs in X``: its adopters).
    """
    out: list[Actor] = []
    following = [a for a in s.actors if a.start >= q.end]
    if not following:
        return out
    gap = s.text[q.end : following[0].start]
    if (
        not AFTER_QUOTE_RE.fullmatch(gap)
        and not _APPOSITIVE_BY_RE.fullmatch(gap)
        and not _JOINT_WORK_OF_RE.fullmatch(gap)
        and not in_appositive(s, q)
    ):
        return out
    if _ADOPTED_GAP_RE.search(gap):
        return out  # '"<name>" model has been learned by the FTZs in X and Y': the adopters, not the origin
    out.append(following[0])
    for a, b in itertools.pairwise(following):
        gap = s.text[a.end : b.start]
        if _OF_SAME_RE.fullmatch(gap) and {k.split("/", 1)[0] for k in a.keys} == set(b.keys):
            continue  # "the Guoyuan Port Area of the China (Chongqing) PFTZ": the area and its PFTZ, one actor
        if not SEP_RE.fullmatch(gap) and not _SEP_THE_RE.fullmatch(gap):
            break
        if _before_quote(s, b):
            break  # 'the "A" of Tianjin PFTZ and Fujian PFTZ's "B"': the last of the list owns the "B"
        out.append(b)
    return out


def named_on_to_appositive(s: Sentence, q: Quoted) -> bool:
    """Whether the quoted name's phrase goes on after its closing mark up to an appositive naming its zone (``the
    "..." model for vessels, first tried in the X Area``): the printed phrase, not the quoted words, is its name."""
    following = [a for a in s.actors if a.start >= q.end]
    if not following or s.text[q.end : q.end + 1] in (",", ""):
        return False
    return _APPOSITIVE_BY_RE.fullmatch(s.text, q.end, following[0].start) is not None


def in_appositive(s: Sentence, q: Quoted) -> bool:
    """Whether the quoted name stands in an appositive before its sentence's passive verb of origin, its head
    printed after it: ``The first, the "green corridor" supervision model for fresh produce, was piloted by ...``
    (the case is then named by the whole phrase, :func:`fuller_name`)."""
    following = next((a for a in s.actors if a.start >= q.end), None)
    return bool(
        following is not None
        and _APPOSITIVE_LEAD_RE.search(s.text, 0, q.start)
        and _APPOSITIVE_PASSIVE_RE.fullmatch(s.text, q.end, following.start)
    )


_APPOSITIVE_BY_RE = re.compile(
    r"(?:\s+[\w'’&-]+){0,9}\s*,\s*(?:(?:which|that)\s+(?:was|were|has been|had been)\s+)?"
    rf"(?:(?:first|jointly|originally|initially)\s+)?{alternation(LAUNCH_PARTICIPLES)}\s+(?:jointly\s+)?(?:in|by|at)\s+"
    r"(?:the\s+)?"
)
"""An appositive participle after a quoted name, or after the rest of its name (up to nine words), or a relative
clause in the passive: ``"...", developed jointly by the Suzhou Area and ...``, ``the "..." model for vessels,
first tried in the X Area of Y PFTZ``, ``the "..." approval for ..., which was pioneered by the Z PFTZ``."""
_JOINT_WORK_OF_RE = re.compile(
    rf"\s*(?:[\w-]+\s*)?,\s*(?:a|an|the)\s+joint\s+{alternation(JOINT_WORK_NOUNS)}\s+(?:of|by)\s+(?:the\s+)?"
)
"""An appositive naming the joint authors after a quoted name and its head noun: ``the "..." arrangement, a joint
innovation of Heilongjiang PFTZ and Liaoning PFTZ``."""
_APPOSITIVE_LEAD_RE = re.compile(r",\s*(?:a|an|the)\s+$")
_APPOSITIVE_PASSIVE_RE = re.compile(
    r"\s*(?:[\w'’-]+\s+){0,5}?[\w'’-]+\s*,\s*(?:was|were|has been|had been)\s+(?:(?:first|jointly)\s+)?"
    rf"{alternation(LAUNCH_PARTICIPLES)}\s+(?:jointly\s+)?by\s+(?:the\s+)?"
)
"""A quoted name in an appositive, the passive verb of its sentence after it: ``One of the innovations, a "..."
model for corridor cargo, was developed by the Chongqing and Guangxi FTZs``."""
_OF_SAME_RE = re.compile(r"\s+of\s+(?:the\s+)?")
_SEP_THE_RE = re.compile(r"\s*(?:,\s*and|,|and)\s+the\s+")
"""Zones joined with an article: "by the Guoyuan Port Area ... and the Qinzhou Port Area of the Guangxi FTZ"."""


def case_inside(s: Sentence, q: Quoted) -> list[Actor]:
    """``The "new mechanism ... in PFTZs in Beijing, Tianjin, and Hebei" has been adopted``: zones inside the name.

    Accepts a name of five or more words that opens its sentence (``The "..."``)
    and names the zones itself. Rejects names in title case (documents, see
    :func:`is_case_name`) and names elsewhere in a sentence.
    """
    if len(s.text[: q.start].split()) > 1 or len(q.name.split()) < 5:
        return []
    return [a for a in s.actors if q.start < a.start and a.end <= q.end]


_VERB_AT_RE = re.compile(
    r"\s*(?:['’]s\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,4}\s+)?(?:,(?:[^,;\"“”]|[\"“][^,;\"“”]{1,60}[\"”]){0,130},\s*)?"
    rf"(?:has |have |had )?{_ADVERBS}(?P<verb>{PRACTICE_VERBS}|[a-z]+ed)\b\s*"
)
"""The verb after a subject: ``'s Lin-gang Special Area has launched``, ``, in response to ...,  explored`` (a quoted
name inside the parenthetical: ``, long known for its "..." reform, contributed``)."""
_CO_ACTOR_IN_RE = re.compile(rf",\s*{alternation(CO_ACTOR_WORDS)}\s")
"""A subject joined with its co-actor (``X PFTZ, together with Y PFTZ``): the comma closing it precedes the verb."""
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
_PRACTICE_VERB_RE = re.compile(rf"(?:{PRACTICE_VERBS}|{PRACTICE_ING}|{PRACTICE_INF})$")
BARE_SUBJECT_RE = re.compile(rf"^\s*{_INTRO}(?:the\s+)?PFTZs?\b")
"""A sentence whose subject is an unnamed PFTZ (or PFTZs in general): the paragraph's subject zone ends."""
_SUBJECT_PRONOUN_RE = re.compile(
    rf"^\s*(?P<intro>{_INTRO})"
    r"(?:[Ii]t|[Tt]hey|[Tt]he zone|[Tt]he PFTZ|These(?: initiatives| efforts)?|This(?: initiative)?)\b"
)
_APPOSITION_RE = re.compile(r",\s*the\s+[\"“]([^\"“”]{6,120})[\"”]")
"""``X, the "<name>"``: the name an object phrase is given in apposition."""


def case_unquoted_object(
    s: Sentence, last_subject: Actor | None = None, used: Iterable[int] = ()
) -> list[tuple[Actor, str]]:
    """``Anhui PFTZ pioneered the nation's first bonded maintenance project for ...``: unquoted named practices.

    The subject is a zone (or a list of zones, or a zone with its co-actor: ``Sichuan PFTZ, together with
    Chongqing PFTZ, established``) right before the verb, an
    optional parenthetical between (``Jiangsu PFTZ, in response to ...,
    explored``), or ``It``/``They``/``The zone``/``This``/``These`` continuing the
    paragraph's subject zone. A chain of clauses sharing that subject is
    followed: ``..., launched A, explored B, and established C``, participles
    (``..., establishing A``, ``by establishing A and creating B``) and lists of
    objects (``A, B, and C``, ``A, as well as the first B``; not ``A, and the X Area of Y PFTZ set up B``:
    another subject, read from its own start). Each object
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
        if m is None and at == a.end and len(a.keys) > 1 and _CO_ACTOR_IN_RE.search(s.text, a.start, a.end):
            m = _VERB_AT_RE.match(s.text, at + 1) if s.text.startswith(",", at) else None  # "X, together with Y,"
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
                obj, end = object_at(s.text, obj_at)
                ap = _APPOSITION_RE.match(s.text, end)
                k = bisect.bisect_left(taken, obj_at)
                quoted_case = k < len(taken) and taken[k] <= end
                if good and not quoted_case:
                    jointly = len(a.keys) > 1 and "jointly" in s.text[m.start() : m.start("verb")]
                    # "launched X, the first such operation at a Chinese port": the apposition says first
                    first = verb.startswith(("pioneer", "pilot")) or bool(_FIRST_APPOSITION_RE.match(s.text, end))
                    name = practice_name(obj, first=first, joint=jointly, novel=verb.startswith(NOVELTY_VERB_STEMS))
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
                if any(item.end() <= x <= item.end() + 4 for x in actor_starts):
                    break  # ", and the Chongqing FTZ launched ...": another zone, a clause of its own
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


def heading_case(paras: Sequence[Paragraph], title: str, actors_of: Callable[[str], list[Actor]]) -> CaseFact | None:
    """An unquoted bold case title: the item heading credited to the zone its first sentence opens with."""
    for p in paras:
        for off, s in sentences(p):
            acts = [a for a in actors_of(s) if len(s[: a.start].split()) <= 8]
            if acts:
                return CaseFact(title, acts[0].keys, p.line_at(off), s, "heading", joint=len(acts[0].keys) > 1)
            return None
    return None


_ZONE_TITLE_RE = re.compile(r"^(?P<zone>[^:.;!?]{3,60}):\s+(?P<title>[\"“]?[A-Z][^:;!?]{8,160}?)\s*$")
"""A case titled by its zone: ``<zone>: <title>`` alone on its line, no sentence after it."""
_ZONE_JOIN_RE = re.compile(r"\s*(?:,|&|/|and|,\s*and)\s*(?:the\s+)?")
"""What may stand between the zones of one title (``Sichuan PFTZ, Chongqing PFTZ: ...``)."""


def zone_title_case(p: Paragraph, actors_of: Callable[[str], list[Actor]]) -> CaseFact | None:
    """A case title printed as its zone, a colon and the title, alone as a paragraph (``Hunan PFTZ: Bonded
    repair of river barges``): the title is that zone's case. The part before the colon must be the zone and
    nothing else (several zones: a joint case); a title ending like a sentence is no title.

    Examples
    --------
    >>> from pftz.loaders.gazetteer import Gazetteer
    >>> from pftz.loaders.narrative_facts import find_actors
    >>> zones = lambda t: find_actors(t, Gazetteer.default())
    >>> f = zone_title_case(Paragraph('Hainan FTP: "Zero-tariff" list for yacht imports', (0,), (9,)), zones)
    >>> f.name, f.zones, f.line
    ('Zero-tariff list for yacht imports', ('hainan-ftp',), 9)
    >>> zone_title_case(Paragraph("Note: Hainan FTP is counted with the PFTZs.", (0,), (9,)), zones)
    """
    m = _ZONE_TITLE_RE.match(p.text)
    if m is None or len(p.line_nos) > 2 or p.text.rstrip().endswith("."):
        return None
    zone = m.group("zone").strip()
    acts = actors_of(zone)
    gaps = [zone[a.end : b.start] for a, b in itertools.pairwise(acts)]
    if not acts or acts[0].start > 4 or len(zone) - acts[-1].end > 1:
        return None
    if not all(_ZONE_JOIN_RE.fullmatch(g) for g in gaps):
        return None
    name = " ".join(re.sub(r"[\"“”]", "", m.group("title")).split())
    if len(name.split()) < 3:
        return None
    keys = tuple(sorted({k for a in acts for k in a.keys}))
    return CaseFact(name, keys, p.line, p.text, "zone-title", joint=len(keys) > 1)


_AREA_SEP_RE = re.compile(r"\s*(?:,\s*and|,|and)\s+(?:the\s+)?(?:[A-Z][\w-]*\s+){1,4}of\s+")
"""``and Lin-gang Special Area of``: an area of the next zone, joined to the zone before."""


_PREP_BEFORE_RE = re.compile(r"\b(?:in|at|from|to|with|for|into|within|across)\s+(?:the\s+|its\s+|their\s+)?$")


def _joint_subject(s: Sentence, i: int) -> Actor:
    """The zones joined to actor ``i`` as one subject (as :func:`chain`), an area of a zone counting as its zone.

    ``Yunnan PFTZ and Lin-gang Special Area of Shanghai PFTZ have jointly ...``: Yunnan and Shanghai.
    """
    acts = s.actors
    j = i
    keys = list(acts[i].keys)
    while (
        j > 0
        and (
            SEP_RE.fullmatch(s.text, acts[j - 1].end, acts[j].start)
            or _AREA_SEP_RE.fullmatch(s.text, acts[j - 1].end, acts[j].start)
        )
        # "... completed X in its Y Area, and Hainan FTP has set up ...": a place after a preposition is no subject
        and not _PREP_BEFORE_RE.search(s.text, 0, acts[j - 1].start)
    ):
        j -= 1
        keys = list(acts[j].keys) + keys
    return Actor(acts[j].start, acts[i].end, tuple(dict.fromkeys(keys)))
