"""Zone-case rules of the narrative, the unquoted forms told by a clause: a practice credited to its zone.

``A ... was set up in <zone>`` (:func:`case_passive_subject`), ``<practice> launched by <zone>``
(:func:`case_launched_by`), ``<zone> established <practice> in <area>`` (:func:`case_established_in_zone`) and
``<zone> took the lead in piloting <practice>`` (:func:`case_took_lead`); the unquoted-practice and
``took-the-lead`` rules of :data:`loaders.narrative.RULES` run them, on the practice names and helpers of
:mod:`loaders.narrative_cases`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pftz.loaders.lexicon import (
    BOUNDARY_WORDS,
    LAUNCH_PARTICIPLES,
    ORIGIN_APPOSITIVE_NOUNS,
    ORIGIN_BEGIN_VERBS,
    RELATIVE_PILOT_VERBS,
    alternation,
)
from pftz.loaders.narrative_facts import (
    PRONOUN_RE,
    Actor,
    Sentence,
)
from pftz.loaders.narrative_practice_names import (
    _ADVERBS,
    _INTRO,
    DOCUMENT_WORD_RE,
    GENERIC_OBJECT_RE,
    PRACTICE_VERBS,
    object_at,
    practice_name,
)

_FIRST_SUBJECT_RE = re.compile(rf"^\s*{_INTRO}(?=[Tt]he first\s)")
_WHILE_FIRST_RE = re.compile(r",\s*while\s+(?=the first\s)")
_PASSIVE_RE = re.compile(
    r"\s*(?:in China\s+|in the country\s+|nationwide\s+)?(?:(?:was|were|has been|have been|had been|has|have)\s+)?"
    r"(?:[a-z]+ly\s+)?[a-z]+ed\b"
)
_SET_UP_RE = re.compile(rf"^\s*{_INTRO}(?=(?:A|An)\s)")
_SET_UP_VERB_RE = re.compile(
    r"\s*(?:has|have|had)\s+been\s+(?:set up|established|launched|created|built|introduced|opened|piloted)\b"
)


def case_passive_subject(s: Sentence, last_subject: Actor | None = None) -> list[tuple[Actor, str]]:
    """A practice as the subject of a passive: ``The first <practice> ... was issued ... in Shanghai PFTZ``.

    Two forms: ``The first <NP> ... (was|has been) <verb>ed ... <zone>``
    (also after ``, while``), credited to the zone named after the verb
    (none: no case, e.g. ``The first Hong Kong SAR hospital has been
    certified``); and ``A|An <NP> has been set up|established|launched ...``,
    credited to a zone named after the verb, else to the paragraph's subject
    zone. The phrase must pass :func:`practice_name` (``first`` for the first form).
    """
    out: list[tuple[Actor, str]] = []
    if "he first " in s.text:
        at = [m.end() for m in _WHILE_FIRST_RE.finditer(s.text)] if ", while" in s.text else []
        if fm := _FIRST_SUBJECT_RE.match(s.text):
            at.insert(0, fm.end())
        for i in at:
            obj, end = object_at(s.text, i)
            v = _PASSIVE_RE.match(s.text, end)
            if not v:
                continue
            after = [a for a in s.actors if a.start >= v.end() and ";" not in s.text[end : a.start]]
            if after and (name := practice_name(obj)):
                out.append((after[0], name))
    if " been " in s.text and (sm := _SET_UP_RE.match(s.text)):
        obj, end = object_at(s.text, sm.end())
        v = _SET_UP_VERB_RE.match(s.text, end)
        if v:
            after = [a for a in s.actors if a.start >= end]
            actor = after[0] if after else last_subject
            if actor is not None and (name := practice_name(obj)):
                out.append((actor, name))
    return out


_LAUNCHED_BY_SUBJECT_RE = re.compile(
    rf"^\s*(?:{_INTRO}(?=(?:A|An|The)\s)|[A-Z][^,;:.\"“”]{{0,60}},\s*(?=(?:a|an|the)\s)|(?=[A-Z][a-z]+\s+[a-z]))"
)
_LAUNCHED_BY_RE = re.compile(
    r"(?:\s*,\s*|\s+(?:was|were|(?:has|have|had)\s+been|is|are)\s+)"
    rf"(?:(?:jointly|first|initially|originally)\s+)?{alternation(LAUNCH_PARTICIPLES)}\s+(?:jointly\s+)?by\s+"
    r"(?:the\s+)?"
)
"""The participle of launching after a subject practice and before ``by``: in an appositive (``A X, jointly
launched by``) or as the verb of a passive (``A X was jointly launched by``, ``has been developed by``)."""


_PARTICIPLE_TAIL_RE = re.compile(
    rf"\s+(?:(?:jointly|first|initially|originally)\s+)?{alternation(LAUNCH_PARTICIPLES)}(?:\s+jointly)?$"
)
"""A participle of launching that ends a subject phrase, its "by" next (``the X centre jointly launched``)."""
_BY_AT_RE = re.compile(r"\s+by\s+(?:the\s+)?")


_LISTED_BY_RE = re.compile(
    r"(?:,\s*(?:and\s+)?|\b(?:are|is|include|includes|included)\s+)(?:a|an)\s+(?P<obj>[^,;:\"“”]{8,160}?)\s+"
    rf"(?:(?:jointly|first|initially|originally)\s+)?{alternation(LAUNCH_PARTICIPLES)}\s+(?:jointly\s+)?by\s+(?:the\s+)?"
)
"""An unquoted practice inside a sentence, its zone after a participle and "by": ``Among them are ..., and an online
dispute platform for ... launched by the Hangzhou Area of Zhejiang FTZ``."""
_LAUNCHED_BY_MORE_RE = re.compile(r"\s*(?:,\s*and|,|and|as well as)\s+(?:the\s+)?")
"""What joins a further zone to the one after ``launched by``: ``and the``."""


def case_launched_by(s: Sentence) -> list[tuple[Actor, str]]:
    """A practice as the subject, its zones in an appositive: ``A <practice>, jointly launched by X and Y PFTZs, has
    allowed ...``, ``Shipping information sharing for ..., jointly launched by Hubei and Hunan PFTZs, lets ...``
    (:data:`loaders.lexicon.LAUNCH_PARTICIPLES`).

    The zones must follow ``by`` at once, each later one joined by a comma or ``and`` (``developed jointly by the
    X Pilot Free Trade Zone and the Y Pilot Free Trade Zone in 2029``: a joint practice of both); the phrase must
    pass :func:`practice_name` (as a joint practice when several zones launched it). Inside a sentence, an item of a
    list or the complement of "are|include" after "a" or "an" (``Among them are ..., and an online dispute platform
    for ... launched by the X Area of Y FTZ``).
    """
    if " by " not in s.text:
        return []
    out: list[tuple[Actor, str]] = []
    if sm := _LAUNCHED_BY_SUBJECT_RE.match(s.text):
        obj, end = object_at(s.text, sm.end())
        v = _LAUNCHED_BY_RE.match(s.text, end)
        if v is None and (pm := _PARTICIPLE_TAIL_RE.search(obj)):
            # "the X centre jointly launched by Hubei and Hunan PFTZs in Yueyang began ...": no comma before it
            obj, v = obj[: pm.start()], _BY_AT_RE.match(s.text, end)
        at = [a for a in s.actors if v and a.start == v.end()]
        if at:
            who = at[0]
            for a in s.actors:  # "developed jointly by the X Pilot Free Trade Zone and the Y Pilot Free Trade Zone"
                if a.start > who.end and _LAUNCHED_BY_MORE_RE.fullmatch(s.text, who.end, a.start):
                    who = Actor(who.start, a.end, tuple(dict.fromkeys((*who.keys, *a.keys))))
            if name := practice_name(obj, joint=len(who.keys) > 1):
                out.append((who, name))
    for m in _LISTED_BY_RE.finditer(s.text):  # "..., and a <practice> launched by <zone>" inside the sentence
        at = [a for a in s.actors if a.start == m.end()]
        if at and (name := practice_name(m.group("obj"), joint=len(at[0].keys) > 1)):
            out.append((at[0], name))
    return out


_ESTABLISHED_IN_RE = re.compile(
    r"\b(?:establishment|launch|creation|introduction|construction|opening) of (?:the |a |an )"
    r"(?P<name>[^,;.:\"“”]{8,160}?)\s+(?:in|of|at|by)\s+$"
)


def case_established_in_zone(s: Sentence) -> list[tuple[Actor, str]]:
    """``the establishment of the North China (TEDA) One-Stop Overseas Service Base in Tianjin PFTZ``.

    An action noun (establishment, launch, creation, introduction,
    construction, opening) ``of`` a practice followed by ``in``/``of``/``at``/``by``
    and a zone: the zone is the practice's origin. The phrase must pass
    :func:`practice_name` (a proper name counts: its last word is a head noun).
    """
    out: list[tuple[Actor, str]] = []
    if " of " not in s.text:
        return out
    for a in s.actors:
        m = _ESTABLISHED_IN_RE.search(s.text[max(0, a.start - 200) : a.start])
        if m and (name := practice_name(m.group("name"))):
            out.append((a, name))
    return out


TOOK_LEAD_RE = re.compile(
    r"\b(?:took|taken|takes|take) the lead in (?:piloting|launching|implementing|exploring|introducing|"
    r"carrying out|conducting) (?:a |an |the )?(?P<name>[^,.;:\"“”]{8,160}?)(?=[,.;:]| to | by | which | that |$)"
)


_WHERE_TAIL_RE = re.compile(r"\s+(?:in|at)\s+(?:its|the|their)\s+(?:[A-Z][\w'’-]*\s+){1,5}Area$")
"""A place the practice was piloted in, at the end of its phrase: ``in its Tianjin Airport Area``."""


def case_took_lead(s: Sentence, last_subject: Actor | None) -> list[tuple[Actor, str, int]]:
    """``X PFTZ took the lead in piloting the exemption of stamp duty on ...``: the piloted practice, unquoted.

    Accepts a zone subject before the phrase (or a pronoun continuing one);
    the name runs to the next punctuation or ``to``/``by``/``which``. Rejects
    a phrase with a quote in it (the quoted rules read those).
    """
    out: list[tuple[Actor, str, int]] = []
    if "the lead in" not in s.text:
        return out
    for m in TOOK_LEAD_RE.finditer(s.text):
        prior = [a for a in s.actors if a.end <= m.start()]
        actor = prior[-1] if prior else (last_subject if PRONOUN_RE.match(s.text) else None)
        if actor is not None and len(m.group("name").split()) >= 3:
            name = _WHERE_TAIL_RE.sub("", m.group("name").strip())  # "... in its Tianjin Airport Area": the place
            out.append((actor, name, m.start("name")))
    return out


_RELATIVE_RE = re.compile(r"(?:,\s*which|\s+that)\s+(?:(?P<pron>the (?:area|zone)|it)\s+|(?:the\s+)?)")
"""A relative clause opening: ``, which`` or ``that``, its subject (a zone, or ``the area``, ``the zone``, ``it``)."""
_RELATIVE_VERB_RE = re.compile(
    r"\s*(?:(?:has|have|had)\s+)?(?:(?:first|jointly|initially|originally|already)\s+)?"
    rf"{alternation(RELATIVE_PILOT_VERBS)}\b(?!\s+(?:from|by)\b)"
)
_RELATIVE_LEAD_RE = re.compile(r"\b(?:the|a|an|its|their)\s+")
_RELATIVE_BOUNDARY_RE = re.compile(r"[;:,]|\s(?:while|whereas|and|but)\s")
_AFTER_PREP_RE = re.compile(rf"\b{alternation(BOUNDARY_WORDS)}\s+$")
_RELATIVE_WINDOW = 200
"""How far back from the relative pronoun the practice it refers to may start (characters)."""


def case_relative(s: Sentence, last_subject: Actor | None, used: Sequence[int] = ()) -> list[tuple[Actor, str]]:
    """A practice named before an object relative clause whose subject is its zone: ``a credit-based tiered
    inspection scheme for ..., which the Chongzuo Area of Guangxi Pilot FTZ put in place at the border``, ``the
    "<name>" service that the area launched in 2023`` (``the area``, ``the zone`` or ``it``: the zone named last
    before in the sentence, else the paragraph's subject zone).

    The verb is one of :data:`loaders.lexicon.RELATIVE_PILOT_VERBS` (not ``introduced`` or ``adopted``, which a zone
    may do to what another made; not followed by ``from`` or ``by``). The practice runs from the first article after
    the clause boundary before the pronoun (a comma outside quotes, ``;``, ``:``, ``while``, ``and``) that follows no
    preposition (``Traders at the port use a <practice>, which ...``: from ``a``), else the first, after the last
    zone named before, to the pronoun;
    it names no zone of its own (``Shanghai's "<name>", which Hubei FTZ piloted ...`` is no case of Hubei), and is
    a practice (:func:`practice_name`) or holds a quoted name not read already (offsets in ``used``) of two words
    or more, no document and no batch.
    """
    if "which " not in s.text and "that " not in s.text:
        return []
    out: list[tuple[Actor, str]] = []
    for m in _RELATIVE_RE.finditer(s.text):
        if m.group("pron"):
            before = [a for a in s.actors if a.end <= m.start()]
            actor = before[-1] if before else last_subject
            end = m.end()
        else:
            here = [a for a in s.actors if a.start == m.end()]
            actor = here[0] if here else None
            end = actor.end if actor else 0
        if actor is None or not _RELATIVE_VERB_RE.match(s.text, end):
            continue
        if name := _practice_before(s, m.start(), used):
            out.append((actor, name))
    return out


def _practice_before(s: Sentence, at: int, used: Sequence[int]) -> str:
    """The practice a clause or an appositive at ``at`` refers to (see :func:`case_relative`), or ``""``."""
    lo = max(0, at - _RELATIVE_WINDOW)
    start = lo
    quotes = 0
    for i in range(at - 1, lo - 1, -1):  # back to the clause boundary, commas inside quotes skipped
        ch = s.text[i]
        if ch in '"“”':
            quotes += 1
        elif quotes % 2 == 0 and _RELATIVE_BOUNDARY_RE.match(s.text, i):
            start = i + 1
            break
    start = max([start, *(a.end for a in s.actors if a.end <= at)])
    leads = list(_RELATIVE_LEAD_RE.finditer(s.text, start, at))
    # the first article not after a preposition ("at the river port now use a ..."): the NP's start
    lead = next((x for x in leads if not _AFTER_PREP_RE.search(s.text, 0, x.start())), leads[0] if leads else None)
    if lead is None:
        return ""
    phrase = s.text[lead.start() : at]
    if "batch" in phrase or any(lead.start() <= q < at for q in used):
        return ""
    name = practice_name(phrase)
    if not name and ('"' in phrase or "“" in phrase):
        bare = " ".join(re.sub(r"[\"“”]", "", phrase).split()[1:])
        if len(bare.split()) >= 2 and not DOCUMENT_WORD_RE.search(bare) and not GENERIC_OBJECT_RE.match(bare):
            name = bare
    return name


_ORIGIN_APPOSITIVE_RE = re.compile(
    rf",\s*(?:(?:a|an)\s+{alternation(ORIGIN_APPOSITIVE_NOUNS)}\s+(?:(?:that|which)\s+{alternation(ORIGIN_BEGIN_VERBS)}"
    rf"|(?:(?:first|jointly|originally|initially)\s+)?{alternation(LAUNCH_PARTICIPLES)})\s+(?P<prep>in|at|by)\s+"
    r"|(?:another|an?)\s+)(?:the\s+)?"
)
_ORIGIN_NOUN_AFTER_RE = re.compile(rf"\s+{alternation(ORIGIN_APPOSITIVE_NOUNS)}\b")


def case_origin_appositive(s: Sentence, used: Sequence[int] = ()) -> list[tuple[Actor, str]]:
    """A practice followed by an appositive naming where it began: ``its digital payroll service, a pilot that began
    in Nansha, ...``, ``a "..." procedure, another Fujian FTZ innovation, ...``, ``a ... service, a practice first
    developed by the X Area of Y PFTZ`` (:data:`loaders.lexicon.ORIGIN_APPOSITIVE_NOUNS`,
    :data:`loaders.lexicon.ORIGIN_BEGIN_VERBS`): the zone right after the appositive's verb, or between ``another``
    and the noun, is the practice's origin. The practice is read as before a relative clause (the clause boundary,
    its first article, no zone inside, :func:`practice_name` or a quoted name not read already).
    """
    if ", a" not in s.text:
        return []
    out: list[tuple[Actor, str]] = []
    for m in _ORIGIN_APPOSITIVE_RE.finditer(s.text):
        here = [a for a in s.actors if a.start == m.end()]
        if not here:
            continue
        if m.group("prep") is None and not _ORIGIN_NOUN_AFTER_RE.match(s.text, here[0].end):
            continue  # ", a Fujian FTZ official said": no innovation of the zone
        if name := _practice_before(s, m.start(), used):
            out.append((here[0], name))
    return out


_RESPECTIVE_VERB_RE = re.compile(
    rf"\s*(?:(?:has|have)\s+)?{_ADVERBS}(?:{PRACTICE_VERBS})\b(?P<lead>\s*,\s*respectively\s*,)?\s*"
)
_RESPECTIVE_TAIL_RE = re.compile(r",?\s+respectively\s*$")
_RESPECTIVE_ITEM_RE = re.compile(r"(?:,\s*(?:and\s+)?|\s+and\s+)(?=(?:a|an|the|its|their)\s)")
_CLAUSE_END_RE = re.compile(r";|\.(?:\s|$)")
_LIST_JOIN_RE = re.compile(r"\s*(?:,\s*and|,|and)\s+(?:the\s+)?")


def case_respectively(s: Sentence) -> list[tuple[Actor, str]]:
    """Several zones and as many practices paired in order by ``respectively``: ``the Sichuan and Chongqing FTZs
    developed, respectively, a <practice> and a <practice>``, ``Hunan PFTZ and Hubei PFTZ launched A and B,
    respectively``: each zone its own practice, none a joint one.

    The subject is a list of zones (one actor, or several joined by ``and``) right before a verb of piloting; the
    objects, each opening with an article, run to the clause end (``;`` or the sentence end); their count must equal
    the zones' and each must pass :func:`practice_name`. Without ``respectively`` nothing is paired (a list subject
    then did the work together).
    """
    if "respectively" not in s.text:
        return []
    out: list[tuple[Actor, str]] = []
    acts = s.actors
    for i, a in enumerate(acts):
        keys = list(a.keys)
        j = i
        while j + 1 < len(acts) and _LIST_JOIN_RE.fullmatch(s.text, acts[j].end, acts[j + 1].start):
            j += 1
            keys += [k for k in acts[j].keys if k not in keys]
        if len(keys) < 2 or (i and acts[i - 1].end + 8 > a.start):
            continue
        v = _RESPECTIVE_VERB_RE.match(s.text, acts[j].end)
        if v is None:
            continue
        end_m = _CLAUSE_END_RE.search(s.text, v.end())
        clause = s.text[v.end() : end_m.start() if end_m else len(s.text)]
        tail = _RESPECTIVE_TAIL_RE.search(clause)
        if tail:
            clause = clause[: tail.start()]
        elif not v.group("lead"):
            continue
        items = _RESPECTIVE_ITEM_RE.split(clause)
        if len(items) != len(keys):
            continue
        for k, item in zip(keys, items, strict=True):
            if name := practice_name(object_at(item, 0)[0]):
                out.append((Actor(a.start, acts[j].end, (k,)), name))
    return out
