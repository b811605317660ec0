"""The case rules of the narrative and the sentence readings they run.

The four case rules of :data:`loaders.narrative.RULES` (``titles-and-lists``, ``quoted-case``,
``unquoted-practice``, ``took-the-lead``) and the readings of one sentence they call: a quoted name credited to a
zone (:func:`_cases_of_sentence`, its co-actors and the quotes the main rules did not credit), the unquoted
practices (:func:`_cases_of_practices`), ``took the lead`` and the bold titles and joint lists, on the forms of
:mod:`loaders.narrative_cases`, :mod:`loaders.narrative_practices`, :mod:`loaders.narrative_quoted` and
:mod:`loaders.narrative_press`.
:mod:`loaders.narrative` lists the rules in :data:`~loaders.narrative.RULES` and imports from this module.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import replace

from pftz.loaders.lexicon import (
    CO_ACTOR_WORDS,
    FROM_ADOPT_PHRASES,
    LOWER_BODY_HEADS,
    SITE_HEADS,
    alternation,
)
from pftz.loaders.narrative_adoptions import (
    ADOPTS_RE,
    root,
)
from pftz.loaders.narrative_cases import (
    case_after,
    case_dash_list,
    case_inside,
    case_its,
    case_possessive,
    case_pronoun,
    case_quote_subject,
    case_under,
    case_unquoted_object,
    case_verb,
    chain,
    in_appositive,
    named_on_to_appositive,
)
from pftz.loaders.narrative_facts import (
    AFTER_RE,
    BEFORE_RE,
    LOOKAHEAD,
    POSSESSIVE_RE,
    Actor,
    AdoptionFact,
    CaseFact,
    Clause,
    Fact,
    Sentence,
    State,
    fuller_name,
    is_case_name,
    taken_back,
)
from pftz.loaders.narrative_practices import (
    case_established_in_zone,
    case_launched_by,
    case_origin_appositive,
    case_passive_subject,
    case_relative,
    case_respectively,
    case_took_lead,
)
from pftz.loaders.narrative_press import case_possessive_included
from pftz.loaders.narrative_quoted import (
    case_bold_title,
    case_joint_clauses,
    case_org_subject,
    case_partly_quoted,
    case_resulted_in,
    partly_quoted_name,
)
from pftz.loaders.quotes import Quoted


def _with_states(c: Clause, facts: list[Fact]) -> list[Fact]:
    """The cases of ``facts`` with the paragraph's later ``Prior to the reform`` / ``Following the reform``
    sentences as their ``before`` and ``after`` states."""
    if not any(isinstance(f, CaseFact) for f in facts):
        return facts
    before = after = ""
    for t in itertools.islice(c.sents, c.i + 1, c.i + 1 + LOOKAHEAD):
        if not before and BEFORE_RE.match(t.text):
            before = t.text
        elif not after and AFTER_RE.match(t.text):
            after = t.text
        if any(is_case_name(q.name, t.text, q) for q in t.quotes if POSSESSIVE_RE.match(t.text[: q.start][-6:])):
            break
    return [replace(f, before=before, after=after) if isinstance(f, CaseFact) else f for f in facts]


def _tells_a_case(c: Clause) -> bool:
    """Whether the sentence may credit a case: not one the ``replicated`` rule read as an adoption (its quoted
    name is the adopted innovation), nor one the ``following-lead`` rule read (``Following Zhoushan's lead, A and B
    introduced X``: X is what they adopted), nor one telling a case's old state (``Prior to the reform, ...``)."""
    return "replicated" not in c.fired and "following-lead" not in c.fired and not BEFORE_RE.match(c.s.text)


def rule_titles_and_lists(c: Clause) -> Sequence[Fact]:
    """Bold case titles, joint clause lists and ``This has resulted in a ... model`` (:func:`case_bold_title`,
    :func:`case_joint_clauses`, :func:`case_resulted_in`)."""
    if not _tells_a_case(c):
        return []
    step = lambda: _cases_of_titles_and_lists(c.st, c.s, c.last_subject, c.crossing, c.credited)  # noqa: E731
    return _with_states(c, taken_back(c, step))


def rule_quoted_case(c: Clause) -> Sequence[Fact]:
    """A quoted name credited to a zone: ``<zone>'s "<name>"``, ``"<name>" in <zone>``, ``<zone> launched "<name>"``,
    ``It introduced "<name>"``, a zone named inside the quote, a partly quoted name, a body of the zone.

    The actor is found by the first of :func:`case_possessive`, :func:`case_after`, :func:`case_verb`,
    :func:`case_pronoun`, :func:`case_inside` that names one, else by :func:`case_partly_quoted` and
    :func:`case_org_subject`. Declines descriptive quotes (:func:`is_case_name`).
    """
    if not c.s.quotes or not _tells_a_case(c):
        return []
    step = lambda: _cases_of_sentence(c.st, c.s, c.last_subject, c.crossing, c.credited)  # noqa: E731
    return _with_states(c, taken_back(c, step))


def rule_unquoted_practice(c: Clause) -> Sequence[Fact]:
    """An unquoted practice: ``<zone> established a <head noun> ...``, ``A ... was set up in <zone>``
    (:func:`case_unquoted_object`, :func:`case_passive_subject`, :func:`case_established_in_zone`)."""
    if not _tells_a_case(c):
        return []
    return _with_states(c, taken_back(c, lambda: _cases_of_practices(c.st, c.s, c.last_subject)))


def rule_took_lead(c: Clause) -> Sequence[Fact]:
    """``<zone> took the lead in piloting <practice>`` (:func:`case_took_lead`)."""
    if not _tells_a_case(c):
        return []
    return _with_states(c, taken_back(c, lambda: _cases_took_lead(c.st, c.s, c.last_subject)))


_QUOTE_JOIN_RE = re.compile(r"\s*,?\s*(?:and|as well as)\s+(?:the\s+)?")
"""Two quoted names joined in one object: ``the "A" and the "B" were jointly developed by ...``."""


def _cases_of_sentence(st: State, s: Sentence, last_subject: Actor | None, crossing: bool, credited: set[str]) -> None:
    last: tuple[Quoted, list[Actor], str] | None = None  # the quoted name credited last, its actors and rule
    for q in s.quotes:
        prior_all = [a for a in s.actors if a.end <= q.start]
        prior = prior_all[-1] if prior_all else None
        lead = bool(
            s.first
            and prior is not None
            and len(s.text[: prior.start].split()) <= 3
            and POSSESSIVE_RE.fullmatch(s.text[prior.end : q.start])
        )
        if (id(s), q.start) in st.used:
            continue
        if not is_case_name(q.name, s.text, q, lead=lead):
            _case_of_quote_extra(st, s, q, prior, last_subject, crossing, credited)
            continue
        rule = ""
        actors: list[Actor] = []
        if (a := case_possessive(s, q, prior)) is not None:
            actors, rule = [a], "possessive"
        elif after := case_after(s, q):
            actors, rule = after, "after"
        elif (a := case_dash_list(s, q, prior)) is not None:
            actors, rule = [a], "dash-list"
        elif (a := case_verb(s, q, prior, st.gaz)) is not None:
            actors, rule = [a], "verb"
        elif (a := case_pronoun(s, q, prior, last_subject)) is not None:
            actors, rule = [a], "pronoun"
        elif (a := case_under(s, q, last_subject or (st.story_zone if s.first else None))) is not None:
            actors, rule = [a], "under"
        elif (a := case_its(s, q, prior)) is not None:
            actors, rule = [a], "its"
        elif (a := case_quote_subject(s, q, prior, last_subject)) is not None:
            actors, rule = [a], "quote-subject"
        elif inside := case_inside(s, q):
            actors, rule = inside, "inside"
        elif last is not None and last[2] == "verb" and _QUOTE_JOIN_RE.fullmatch(s.text, last[0].end, q.start):
            actors, rule = last[1], "joined"  # '<zones> released ... the "A" and the "B"': the same actors
        if not actors:
            _case_of_quote_extra(st, s, q, prior, last_subject, crossing, credited)
            continue
        if rule in ("verb", "pronoun", "quote-subject") and set(actors[0].keys) <= credited:
            continue  # a later phrase in a case's own paragraph describes that case
        if rule == "verb" and FROM_ADOPT_RE.search(s.text, actors[0].end, q.start):
            continue  # "<zone> in turn took over from <place> the "<name>" practice": its adopter, not its origin
        if rule in ("verb", "possessive") and (co := _co_actor_after(s, q)) is not None:
            actors = [*actors, co]  # '<zone> launched "<name>" jointly with <zone>': a joint case of both
        elif rule == "under" and (later := _co_actors_later(s, q)):
            actors = [*actors, *later]  # 'In the X Area, ... a "<name>" for ..., jointly with A and B': joint
        last = (q, actors, rule)
        credited.update(k for a in actors for k in a.keys)
        keys = tuple(sorted({k for a in actors for k in a.keys}))
        st.used.add((id(s), q.start))
        name = q.name.replace('"', "").strip() if not q.balanced else q.name
        if len(name.split()) < 2 or (rule == "after" and (in_appositive(s, q) or named_on_to_appositive(s, q))):
            name = fuller_name(s.text, q) or name  # the "one-bill" system for ...: the printed phrase
        if len(keys) > 1 and ADOPTS_RE.search(s.text):
            # "Beijing, Tianjin, and Hebei PFTZ adopts "..."": each zone adopted the joint case too
            st.adoptions.extend(
                AdoptionFact(name, "zone", k, k, s.line, s.original, "adopts-case", adopter_zone=keys[0]) for k in keys
            )
        st.cases.append(
            CaseFact(
                name,
                keys,
                s.line,
                s.original,
                rule,
                # "In Hengqin, Guangdong PFTZ ...": one zone, its area; "A, B and C each set up ...": each its own
                joint=len({root(k) for k in keys}) > 1 and not _EACH_RE.match(s.text, actors[-1].end),
                fuller=fuller_name(s.text, q),
                cross_regional=crossing,
            )
        )


_EACH_RE = re.compile(r",?\s+(?:each|separately|individually)\b")
"""A distributive word after the zones of a subject (``the FTZs in A, B and C each established a "..."``): the
same innovation in each zone, no joint one."""
_CO_ACTOR_AFTER_RE = re.compile(rf"\s*(?:[a-z][\w-]*\s+){{0,3}}?{alternation(CO_ACTOR_WORDS)}\s+(?:the\s+)?")
"""A co-actor named after a quoted name (``launched "..." jointly with Tianjin PFTZ``), a head noun between."""


_CO_ACTORS_LATER_RE = re.compile(rf"[^;\"“”]{{0,160}}?,?\s*{alternation(CO_ACTOR_WORDS)}\s+(?:the\s+)?")


_CO_ACTOR_AND_RE = re.compile(r"\s*(?:,\s*and|,|and|as well as)\s+(?:the\s+)?")


def _co_actors_later(s: Sentence, q: Quoted) -> list[Actor]:
    """The zones after ``jointly with`` later in the quoted name's clause (``In the Yichang Area, officials are
    testing a "..." for ... along the Yangtze, jointly with the Chongqing FTZ and the Sichuan FTZ``): all of a
    list joined by ``and``; nothing when no zone follows the words at once."""
    if (m := _CO_ACTORS_LATER_RE.match(s.text, q.end)) is None:
        return []
    out = [a for a in s.actors if a.start == m.end()]
    for a in s.actors:
        if out and a.start > out[-1].end and _CO_ACTOR_AND_RE.fullmatch(s.text, out[-1].end, a.start):
            out.append(a)
    return out


def _co_actor_after(s: Sentence, q: Quoted) -> Actor | None:
    """The zone named right after ``jointly with`` / ``together with`` following the quoted name ``q``."""
    if (m := _CO_ACTOR_AFTER_RE.match(s.text, q.end)) is None:
        return None
    return next((a for a in s.actors if a.start == m.end()), None)


def _cases_of_practices(st: State, s: Sentence, last_subject: Actor | None) -> None:
    used = [q.start for q in s.quotes if (id(s), q.start) in st.used]
    here = [
        f" {_phrase_key(c.name)} " for c in itertools.takewhile(lambda c: c.quote is s.original, reversed(st.cases))
    ]
    bodies = any(e.quote is s.original for e in st.efforts[-4:])
    for actor, name, rule in _practices_of_sentence(s, last_subject, used):
        keys = tuple(sorted(actor.keys))
        mine = f" {_phrase_key(name)} "
        if any(k in mine or mine in k for k in here):
            continue  # another rule read this phrase of the sentence already (one phrase, one case)
        if bodies and _BODY_PHRASE_RE.match(name):
            continue  # "established the X Joint Conference, a joint conference mechanism of the three zones": the body
        if rule == "object" and _taken_from_elsewhere(s.text, name):
            continue  # 'introduced "<name>", a procedure borrowed from the X Area': its adopter, not its origin
        if rule == "object" and _OUTCOME_RE.match(s.text) and _SITE_HEAD_RE.search(name):
            continue  # "This has resulted in the establishment of a ... hall": where the case told before serves
        if _titled_before(st.cases, s, keys):
            continue  # a case paragraph under a bold title: its later phrases describe the titled case
        if any(c.quote is s.original for c in st.cases[-4:]):
            st.cases[-4:] = [
                c for c in st.cases[-4:] if c.quote is not s.original or not _restates(c, s.text, name, keys)
            ]
        st.cases.append(CaseFact(name, keys, s.line, s.original, rule, len(keys) > 1))


FROM_ADOPT_RE = re.compile(rf"\b{alternation(FROM_ADOPT_PHRASES)}\b")
"""Words that say what a zone took up came from elsewhere (:data:`loaders.lexicon.FROM_ADOPT_PHRASES`)."""
_FROM_APPOSITIVE_RE = re.compile(
    rf"[\"”]?\s*(?:[^,;.]{{0,60}}?),\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,3}}?{FROM_ADOPT_RE.pattern}"
)
"""An appositive after an object that says it came from elsewhere (``..., a procedure borrowed from ...``)."""


def _taken_from_elsewhere(text: str, name: str) -> bool:
    """Whether the practice ``name`` of ``text`` is followed by an appositive saying it came from elsewhere."""
    at = text.find(name.split()[-1], text.find(name.split()[0]))
    return at >= 0 and _FROM_APPOSITIVE_RE.match(text, at + len(name.split()[-1])) is not None


_OUTCOME_RE = re.compile(r"(?:This|These|It)\b[^,;]{0,40}?\bresulted\s+in\b")
"""A sentence telling the outcome of the case told before (``This has resulted in ...``)."""
_SITE_HEAD_RE = re.compile(rf"\b{alternation(SITE_HEADS)}s?\b(?!.*\b(?:for|of)\b)|\b{alternation(SITE_HEADS)}s?$")
"""A name whose head is a place of service (:data:`loaders.lexicon.SITE_HEADS`)."""
_BODY_PHRASE_RE = re.compile(
    rf"(?:[\w-]+\s+){{0,3}}?{alternation(LOWER_BODY_HEADS)}(?:\s+(?:of|for|among|between)\b|$)", re.IGNORECASE
)
"""A practice named by a head of a body of several members (:data:`loaders.lexicon.LOWER_BODY_HEADS`): in a sentence
the effort rules read a body in, it restates that body."""


def _cases_took_lead(st: State, s: Sentence, last_subject: Actor | None) -> None:
    for actor, name, _at in case_took_lead(s, last_subject):
        st.cases.append(CaseFact(name, actor.keys, s.line, s.original, "took-the-lead", len(actor.keys) > 1))


def _titled_before(cases: Sequence[CaseFact], s: Sentence, keys: tuple[str, ...]) -> bool:
    """Whether an earlier sentence of ``s``'s paragraph gave a bold-title case of the zones ``keys``."""
    for c in reversed(cases):
        if c.line < s.para.line:
            return False
        if c.rule == "bold-title" and c.quote is not s.original and set(keys) <= set(c.zones):
            return True
    return False


def _same_phrase(name: str, key: str) -> bool:
    """Whether ``name`` and a phrase key (:func:`_phrase_key`) name the same thing: one contains the other."""
    mine = f" {_phrase_key(name)} "
    return f" {key} " in mine or mine.strip() in key


def _phrase_key(name: str) -> str:
    """A name compared as words: lower case, quotes and punctuation dropped."""
    return " ".join(_WORD_RE.findall(name.lower()))


_WORD_RE = re.compile(r"[\w-]+")


def _restates(case: CaseFact, text: str, practice: str, keys: tuple[str, ...]) -> bool:
    """Whether a quoted ``case`` of a sentence only restates an unquoted ``practice`` named before it.

    ``Chongqing PFTZ establishes a 'four teams' working mechanism ..., taking the lead to promote
    "four supporting teams"``: the later quote, read by the verb or pronoun rule for the same zones,
    shares two thirds of its words with the practice and describes it; it is no second case.
    """
    if case.rule not in ("verb", "pronoun") or case.zones != keys:
        return False
    words = set(re.findall(r"[\w-]+", case.name.lower()))
    shared = words & set(re.findall(r"[\w-]+", practice.lower()))
    at_practice = text.find(" ".join(practice.split()[:2]))
    return 3 * len(shared) >= 2 * len(words) and 0 <= at_practice < text.find(case.name)


def _practices_of_sentence(
    s: Sentence, last_subject: Actor | None, used: Sequence[int]
) -> list[tuple[Actor, str, str]]:
    """The unquoted practices of a sentence, each once: (actor, name, rule).

    None in a sentence telling a case's new state (``Following the reform, ...``).
    """
    if (not s.actors and last_subject is None) or AFTER_RE.match(s.text):
        return []
    found = [(a, n, "object") for a, n in case_unquoted_object(s, last_subject, used)]
    found += [(a, n, "passive") for a, n in case_passive_subject(s, last_subject)]
    found += [(a, n, "established-in") for a, n in case_established_in_zone(s)]
    found += [(a, n, "launched-by") for a, n in case_launched_by(s)]
    found += [(a, n, "included") for a, n in case_possessive_included(s)]
    found += [(a, n, "relative") for a, n in case_relative(s, last_subject, used)]
    found += [(a, n, "origin-appositive") for a, n in case_origin_appositive(s, used)]
    if paired := case_respectively(s):  # "A and B developed, respectively, X and Y": no joint case of A and B
        mine = {k for a, _ in paired for k in a.keys}
        found = [f for f in found if len(f[0].keys) < 2 or not set(f[0].keys) <= mine]
        found += [(a, n, "respectively") for a, n in paired]
    out: list[tuple[Actor, str, str]] = []
    seen: set[tuple[tuple[str, ...], str]] = set()
    for a, n, rule in found:
        key = (a.keys, n.lower())
        if key not in seen:
            seen.add(key)
            out.append((a, n, rule))
    return out


def _case_of_quote_extra(
    st: State,
    s: Sentence,
    q: Quoted,
    prior: Actor | None,
    last_subject: Actor | None,
    crossing: bool,
    credited: set[str],
) -> None:
    """A quote the main rules did not credit: a partly quoted name, or a name launched by a body of the zone."""
    rule = "partly-quoted"
    name = case_partly_quoted(s, q, prior, last_subject)
    actor = (chain(s, prior) if prior is not None else last_subject) if name else None
    if actor is None and not any(c.quote == s.original and c.rule == "organisation" for c in st.cases[-3:]):
        actor, rule = case_org_subject(s, q, last_subject), "organisation"
        name = partly_quoted_name(s.text, q) or q.name.replace('"', "").strip()
    if actor is None:
        return
    keys = tuple(sorted(actor.keys))
    fuller = name if name != q.name else ""
    st.cases.append(CaseFact(name, keys, s.line, s.original, rule, len(keys) > 1, fuller, crossing))


def _cases_of_titles_and_lists(
    st: State, s: Sentence, last_subject: Actor | None, crossing: bool, credited: set[str]
) -> None:
    """Bold case titles, joint clause lists and ``This has resulted in a ... model`` of one sentence."""
    for actor, name in case_bold_title(s):
        # the quotes in the rest of a title's sentence describe the titled case ("..., taking the lead to promote
        # "four supporting teams""): no second case
        st.used.update((id(s), q.start) for q in s.quotes if q.start > actor.end)
        credited.update(actor.keys)  # and later quotes of its paragraph restate it (the verb rule's guard)
        keys = tuple(sorted(actor.keys))
        st.cases.append(CaseFact(name, keys, s.line, s.original, "bold-title", len(keys) > 1, "", crossing))
    for actor, name, quotes in case_joint_clauses(s, last_subject):
        st.used.update((id(s), at) for at in quotes)
        credited.update(actor.keys)
        keys = tuple(sorted(actor.keys))
        st.cases.append(CaseFact(name, keys, s.line, s.original, "joint-clauses", True, "", crossing))
    if last_subject is not None and len(last_subject.keys) == 1 and (name := case_resulted_in(s, last_subject)):
        st.cases.append(CaseFact(name, last_subject.keys, s.line, s.original, "resulted-in", cross_regional=crossing))
