"""Zone-case rules of the narrative, the unquoted forms told by a clause: a practice credited to its zone.

``A ... was set up in <zone>`` (:func:`case_passive_subject`), ``<practice> launched by <zone>``
(:func:`case_launched_by`), ``<zone> established <practice> in <area>`` (:func:`case_established_in_zone`) and
``<zone> took the lead in piloting <practice>`` (:func:`case_took_lead`); the unquoted-practice and
``took-the-lead`` rules of :data:`loaders.narrative.RULES` run them, on the practice names and helpers of
:mod:`loaders.narrative_cases`.
"""

from __future__ import annotations

import re

from pftz.loaders.lexicon import (
    LAUNCH_PARTICIPLES,
    alternation,
)
from pftz.loaders.narrative_cases import (
    _INTRO,
    object_at,
    practice_name,
)
from pftz.loaders.narrative_facts import (
    PRONOUN_RE,
    Actor,
    Sentence,
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


_LAUNCHED_BY_SUBJECT_RE = re.compile(rf"^\s*(?:{_INTRO}(?=(?:A|An|The)\s)|(?=[A-Z][a-z]+\s+[a-z]))")
_LAUNCHED_BY_RE = re.compile(
    rf"\s*,\s*(?:(?:jointly|first|initially|originally)\s+)?{alternation(LAUNCH_PARTICIPLES)}\s+(?:jointly\s+)?by\s+"
    r"(?:the\s+)?"
)


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
