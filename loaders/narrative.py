"""Read the narrative: zone cases, adoption events and cross-regional efforts.

Each kind of statement the report makes is one rule of :data:`RULES` (a
:class:`Rule`: a readable name, a gate, and a production taking the sentence
in its :class:`Clause` and returning the facts it states, its docstring saying
what it accepts and rejects); the words the rules are built from live in
:mod:`loaders.lexicon` (see ``docs/grammar.md``). The
rules work on sentences of :class:`~loaders.text.Paragraph` objects, so the
same records come out whatever the line layout (re-wrapped text, moved page
breaks). :func:`read_narrative` is pure: paragraphs, the outline and the
gazetteer in, frozen facts out, plus the coverage (every quoted span and zone
mention that produced no fact). :mod:`loaders.report` turns the facts into
records with provenance.

This module holds the driver and the ordered :data:`RULES`; the case rules and the sentence readings they run
live in :mod:`loaders.narrative_case_rules`; the readings the rules call live by fact
kind in :mod:`loaders.narrative_cases` (the practice an object phrase names: :mod:`loaders.narrative_practice_names`),
:mod:`loaders.narrative_quoted`,
:mod:`loaders.narrative_adoptions` (adoptions, the clause forms),
:mod:`loaders.narrative_passive` (adoptions, the passive form), :mod:`loaders.narrative_batches` (adoptions,
the batch, scope and list forms), :mod:`loaders.narrative_anaphora` (adoptions, the anaphora and lead forms) and
:mod:`loaders.narrative_efforts`, on the records and clause machinery of :mod:`loaders.narrative_facts`. Other
modules import from this one.

Nothing about this edition is hard-coded: places come from the gazetteer
(``data/reference/``), section roles from the report's own headings.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

import ahocorasick

from pftz.loaders.gazetteer import Gazetteer
from pftz.loaders.lexicon import (
    ACTIVE_ADOPT_VERBS,
    ADOPTER_NOUNS,
    BODY_HEADS,
    CASES_PART_HEADING,
    CROSS_REGIONAL_HEADING,
    DEFINING_PHRASES,
    EXAMPLE_LEADS,
    FRONTED_ADOPT_PARTICIPLES,
    LAUNCH_PARTICIPLES,
    LEAD_PHRASES,
    NAMING_PHRASES,
    PASSIVE_ADOPT_VERBS,
    POSSESSIVE_LEAD_PHRASES,
    REFERENCE_VERBS,
    SPEECH_VERBS,
    alternation,
    body_kind,
)
from pftz.loaders.narrative_adoptions import (
    DEFINED_RE,
    adoption_active,
    subject_city,
)
from pftz.loaders.narrative_anaphora import (
    ADOPTER_NOUN_RE,
    APPEARED_RE,
    DUBBED_RE,
    LEAD_RE,
    WHICH_ADOPTED_RE,
    adoption_adopter_noun,
    adoption_appeared,
    adoption_defined_term,
    adoption_following_lead,
    adoption_this_model,
    adoption_which,
    case_dubbed,
)
from pftz.loaders.narrative_batches import (
    AMONG_NATIONAL_RE,
    APPLIES_IN_RE,
    LISTED_FOR_RE,
    LISTED_LEAD_GATE_RE,
    ZONE_BATCH_RE,
    adoption_among_national,
    adoption_among_scope,
    adoption_applies_in,
    adoption_batch_statement,
    adoption_body_promoted,
    adoption_listed_for_replication,
    adoption_listed_then_scope,
    adoption_provincial_examples,
    adoption_replicated,
    adoption_scope_list,
    adoption_zone_batch,
)
from pftz.loaders.narrative_case_rules import (
    _phrase_key,
    _same_phrase,
    rule_quoted_case,
    rule_titles_and_lists,
    rule_took_lead,
    rule_unquoted_practice,
)
from pftz.loaders.narrative_cases import BARE_SUBJECT_RE, heading_case, zone_title_case
from pftz.loaders.narrative_descriptions import named_again
from pftz.loaders.narrative_efforts import (
    ITEMS_LEAD_RE,
    JOINT_PLACE,
    effort_alliance,
    effort_batch_items,
    effort_group_pronoun,
    effort_joint_action,
    effort_members_signed,
    effort_released_by_reference,
    printed_group,
    split_examples,
)
from pftz.loaders.narrative_extensions import EXTENDED_FROM, EXTENDED_FROM_RE, NARROWED_GROUP_RE, adoption_extended_from
from pftz.loaders.narrative_facts import (
    ALLIANCE_RE,
    CROSS_REFERENCE_RE,
    DATELINE_RE,
    GENERIC_PLURAL_RE,
    JOINT_DOCUMENT,
    JOINT_DOCUMENT_RE,
    JOINT_VERB_RE,
    SUBJECT_WORDS,
    Actor,
    AdoptionFact,
    CaseFact,
    Clause,
    EffortFact,
    Fact,
    FindZones,
    Named,
    Narrative,
    Rule,
    Sentence,
    State,
    Unread,
    find_actors,
    fuller_name,
    is_case_name,
    join_co_actors,
)
from pftz.loaders.narrative_fronted import FRONTED_RE, adoption_fronted
from pftz.loaders.narrative_items import BATCH_INCLUDES_RE, ITEM_RE, batch_includes, listed_items
from pftz.loaders.narrative_passive import PASSIVE_GATE_RE, adoption_passive
from pftz.loaders.narrative_practice_names import practice_name
from pftz.loaders.narrative_quoted import (
    partly_quoted_name,
    title_case,
)
from pftz.loaders.quotes import Quoted, is_speech, quoted_spans
from pftz.loaders.records import Section
from pftz.loaders.structure import Outline
from pftz.loaders.text import Paragraph, sentences


# --------------------------------------------------------------------------- driver
def read_narrative(
    paras: Sequence[Paragraph],
    outline: Outline,
    gaz: Gazetteer,
    *,
    find_zones: FindZones | None = None,
    skip_lines: Iterable[int] = (),
) -> Narrative:
    """Read every zone case, adoption and cross-regional effort the narrative states.

    Parameters
    ----------
    paras
        The body paragraphs (tables already removed).
    outline
        The report's headings (:func:`loaders.structure.parse_structure`).
    gaz
        The gazetteer that resolves places.
    find_zones
        Zone finder (misspellings included); the gazetteer's by default.
    skip_lines
        Lines of paragraphs that are not narrative (the milestones).

    Returns
    -------
    Narrative
        The facts, each with the line where its name (or sentence) starts,
        the unread quoted spans and zone mentions, and the share of narrative
        paragraphs that yielded a fact.
    """
    fz = find_zones or gaz.find_zones
    st = State(gaz, fz)
    skip = set(skip_lines)
    heading_lines = {s.start_line for s in outline.sections}
    cross = [s for s in outline.sections if s.level == 2 and CROSS_REGIONAL_HEADING in s.title.lower()]
    zones_in = lambda t: find_actors(t, gaz, fz)  # noqa: E731
    titled = [(p, tcase) for p in paras if p.line not in skip and (tcase := zone_title_case(p, zones_in))]
    title_lines = {p.line for p, _t in titled}
    narrative = [
        p
        for p in paras
        if p.line not in skip and p.line not in heading_lines and p.line not in title_lines and len(p.text) > 60
    ]
    sents_of: dict[int, list[Sentence]] = {}
    facts_in: set[int] = set()
    next_title = 0
    for pi, p in enumerate(narrative):
        while next_title < len(titled) and titled[next_title][0].line < p.line:
            # a case's title ("<zone>: <title>"): what "the model" of the paragraphs under it stands for
            tcase = titled[next_title][1]
            st.last_named = Named(tcase.name, tcase.zones, tcase.line)
            st.last_set = (st.last_named,)
            next_title += 1
        sents = []
        for k, (off, raw) in enumerate(sentences(p)):
            if k == 0 and (dl := DATELINE_RE.match(raw)):
                off, raw = off + dl.end(), raw[dl.end() :]  # "HAIKOU, March 12 (Xinhua) -- A ...": the lead's clause
            text = raw.replace("*", " ")  # same length: offsets hold, and the zone finder's memo keys on raw
            acts = join_co_actors(raw, find_actors(raw, gaz, fz))
            spans = [q for q in quoted_spans(text) if not is_speech(text, q, SPEECH_VERBS)]  # a name, not speech
            sents.append(Sentence(p, off, text, acts, spans, raw, k == 0))
        sents_of[pi] = sents
        n_before = len(st.cases) + len(st.adoptions) + len(st.efforts)
        _read_paragraph(st, sents, cross)
        if len(st.cases) + len(st.adoptions) + len(st.efforts) > n_before:
            facts_in.add(pi)
    # unquoted bold case titles: an item heading whose paragraphs yield no case
    part2 = next(iter(outline.find(1, CASES_PART_HEADING)), None)
    case_lines = {c.line for c in st.cases}
    if part2 is not None:
        leaves = [
            s
            for s in outline.sections
            if s.level >= 3
            and part2.start_line <= s.start_line <= part2.end_line
            and not any(t.level > s.level and s.start_line < t.start_line <= s.end_line for t in outline.sections)
        ]
        for sec in leaves:
            inside = [(pi, p) for pi, p in enumerate(narrative) if sec.start_line < p.line <= sec.end_line]
            if not inside or any(sec.start_line < n <= sec.end_line for n in case_lines):
                continue
            title = re.sub(r"[,;:]\s*$", "", sec.title)
            fact = heading_case([p for _, p in inside], title, lambda t: find_actors(t, gaz, fz))
            if fact is not None:
                crossing = any(c.start_line <= sec.start_line <= c.end_line for c in cross)
                st.cases.append(
                    CaseFact(fact.name, fact.zones, sec.start_line, fact.quote, "heading", fact.joint, "", crossing)
                )
                facts_in.add(inside[0][0])
    # a case titled by its zone ("<zone>: <title>" alone on its line): the zone's case, unless the paragraphs under
    # the title (up to the next one) already credit that zone with a case
    for k, (p, tcase) in enumerate(titled):
        end = titled[k + 1][0].line if k + 1 < len(titled) else 1 << 30
        pftzs = {z.split("/", 1)[0] for z in tcase.zones}
        if not any(p.line < c.line < end and pftzs & {z.split("/", 1)[0] for z in c.zones} for c in st.cases):
            st.cases.append(tcase)
    # the innovations an alliance's batch names are joint cases of the alliance's members (named elsewhere)
    members_of: dict[str, set[str]] = {}
    provinces_of: dict[str, set[str]] = {}
    for e in st.efforts:
        members_of.setdefault(e.name, set()).update(e.members)
        provinces_of.setdefault(e.name, set()).update(e.provinces)
    for e in list(st.efforts):
        keys = tuple(sorted(members_of.get(e.name, ())))
        if e.released and len(keys) > 1:
            # one innovation of the batch, one case: another rule's reading of the same name in the sentence goes
            released = {_phrase_key(n) for n in e.released}
            st.cases = [c for c in st.cases if c.quote != e.quote or _phrase_key(c.name) not in released]
            developed = dict(e.developers)
            provinces = tuple(sorted(provinces_of.get(e.name, ())))
            st.cases.extend(
                CaseFact(
                    n,
                    developed.get(n, keys),
                    e.line,
                    e.quote,
                    "alliance-batch",
                    joint=True,
                    provinces=() if n in developed else provinces,  # the body's: all its members, provinces too
                )
                for n in e.released
            )
    # an alliance's members printed as a group in one sentence hold wherever it is named without members
    printed = {e.name: e.members_text for e in st.efforts if e.members_text and not e.members}
    st.efforts = [
        replace(e, members_text=printed[e.name]) if e.name in printed and not e.members and not e.members_text else e
        for e in st.efforts
    ]
    # a body of several members is an alliance; what several zones did together is a joint innovation (a case
    # of several origins), or a document they issued together: never an alliance
    efforts: list[EffortFact] = []
    bodies = {(e.quote, _phrase_key(e.name)) for e in st.efforts if e.rule == "alliance"}
    for e in st.efforts:
        key = _phrase_key(e.name)
        if e.rule != "alliance" and any(q == e.quote and (key in b or b in key) for q, b in bodies):
            continue  # the body the alliance rule read in full
        if e.kind == JOINT_PLACE:
            efforts.append(e)  # "the X and Y PFTZs jointly run the ... operation area": a body of its members
        elif e.rule == "alliance" or ALLIANCE_RE.fullmatch(e.name):
            efforts.append(e if e.rule == "alliance" else replace(e, kind=body_kind(e.name)))
        elif e.kind == JOINT_DOCUMENT or (JOINT_DOCUMENT_RE.search(e.name) and title_case(e.name)):
            # a document a body of the same sentence issued is its output: issued by it, for its members
            body = next((b for b in st.efforts if b.rule == "alliance" and b.quote == e.quote), None)
            if body is not None:
                e = replace(e, members=tuple(sorted({*e.members, *body.members})), by=body.name)
                e = replace(e, provinces=tuple(sorted({*e.provinces, *body.provinces})))
            efforts.append(replace(e, kind=JOINT_DOCUMENT))
        elif any(c.quote == e.quote and _same_phrase(c.name, key) for c in st.cases[-12:]):
            continue  # a case rule read this joint work already
        elif GENERIC_PLURAL_RE.fullmatch(e.name):
            continue  # "released its fourth batch of 10 collaborative institutional innovations": no one innovation
        elif e.members or e.members_text:
            st.cases.append(
                CaseFact(
                    e.name,
                    e.members,
                    e.line,
                    e.quote,
                    e.rule,
                    joint=len(e.members) > 1,
                    cross_regional=True,
                    members_text=e.members_text,
                )
            )
    st.efforts = efforts
    bodies = {(e.quote, _phrase_key(e.name)) for e in efforts if e.rule == "alliance"}
    if bodies:  # a body is no case of its members
        st.cases = [c for c in st.cases if not any(q == c.quote and _same_phrase(c.name, b) for q, b in bodies)]
    for k, c in enumerate(st.cases):
        if c.cross_regional and len(c.zones) == 1 and not c.members_text and (group := printed_group(c.quote)):
            st.cases[k] = replace(c, members_text=group)  # "a platform for the three northeastern provinces"
    unread: list[Unread] = []
    names_by_quote: dict[str, set[str]] = {}
    facts: list[CaseFact | AdoptionFact | EffortFact] = [*st.cases, *st.adoptions, *st.efforts]
    for f in facts:
        names_by_quote.setdefault(f.quote, set()).add(f.name)
    for pi, sents in sents_of.items():
        for s in sents:
            got = names_by_quote.get(s.original, set())
            for q in s.quotes:
                if (id(s), q.start) in st.used or q.name in got:
                    continue
                if not any(q.name in g or g in q.name for g in got):
                    unread.append(Unread(s.line, "quote", q.name))
            if pi not in facts_in:
                for a in s.actors:
                    unread.append(Unread(s.line_at(a.start), "zone", s.text[a.start : a.end]))
    return Narrative(
        tuple(st.cases),
        tuple(st.adoptions),
        tuple(st.efforts),
        tuple(unread),
        len(narrative),
        len(facts_in),
    )


def rule_adopted_by(c: Clause) -> Sequence[Fact]:
    """A passive adoption, the adopter last, the name quoted or an anaphor (:func:`adoption_passive`).

    After the ``this-model`` rule read the sentence's first clause, its later clauses are still read (``This
    model has been replicated across Hubei Province, and has since been taken up by Anhui Province``); an
    adopter that rule read already is not read twice. So after the ``replicated`` rule (``A learned from
    <zone>'s "<name>", and the practice was later adopted by B``): only its adoptions by another adopter.
    """
    found = adoption_passive(c)
    if "this-model" not in c.fired and "replicated" not in c.fired:
        return found
    read = {a.adopter_key for a in c.st.adoptions[-4:] if a.quote == c.s.original}
    if "replicated" in c.fired:  # only another adopter of a later clause: "..., and the practice was adopted by B"
        return [f for f in found if isinstance(f, AdoptionFact) and f.adopter_key not in read]
    return [f for f in found if not isinstance(f, AdoptionFact) or f.adopter_key not in read]


def rule_which_adopted(c: Clause) -> Sequence[Fact]:
    """``<zone>'s <practice>, which <adopter> replicated in 2028, ...``: an adoption in a relative clause
    (:func:`adoption_which`)."""
    return adoption_which(c)


def rule_following_lead(c: Clause) -> Sequence[Fact]:
    """``Following the lead of <zone>, <adopter> introduced <practice>`` (:func:`adoption_following_lead`)."""
    return adoption_following_lead(c)


def rule_adopter_noun(c: Clause) -> Sequence[Fact]:
    """``Adopters so far: A, for its X Area; B; and C``, ``As well as A, B counts among the adopters``
    (:func:`adoption_adopter_noun`)."""
    return adoption_adopter_noun(c)


def rule_zone_batch(c: Clause) -> Sequence[Fact]:
    """A zone's batch of a count replicated across its province (:func:`adoption_zone_batch`)."""
    return adoption_zone_batch(c)


def rule_listed_then_scope(c: Clause) -> Sequence[Fact]:
    """``They include A, B and C. These experiences are applied throughout the country``
    (:func:`adoption_listed_then_scope`)."""
    return adoption_listed_then_scope(c)


def rule_applies_in(c: Clause) -> Sequence[Fact]:
    """``the "<name>" ... applies only in designated areas`` (:func:`adoption_applies_in`)."""
    return adoption_applies_in(c)


def rule_drew_on(c: Clause) -> Sequence[Fact]:
    """An active adoption of another zone's innovation, ``drew on`` / ``has adopted`` (:func:`adoption_active`).

    After the ``replicated`` or the ``adopted-by`` rule read one clause of the sentence, the other clauses are
    still read (``Shanxi learned from A's "x", and Yunnan Province adopted B's "y"``, ``"x" was introduced to
    Guizhou, and in 2028, Yunnan adopted "x"``); an adopter those rules read already is not read twice.
    """
    if "this-model" in c.fired:
        return []
    found = adoption_active(c)
    if not c.fired & {"replicated", "adopted-by"}:
        return found
    read = {a.adopter_key for a in c.st.adoptions[-8:] if a.quote and a.quote in c.s.original}
    return [f for f in found if f.adopter_key not in read]


def rule_defined_term(c: Clause) -> Sequence[Fact]:
    """A name the text defines for an innovation, for later sentences (:func:`adoption_defined_term`)."""
    return adoption_defined_term(c)


def rule_among_national(c: Clause) -> Sequence[Fact]:
    """Items a lead puts at a national scope, each with its zone (:func:`adoption_among_national`)."""
    return adoption_among_national(c)


def rule_appeared_in(c: Clause) -> Sequence[Fact]:
    """``comparable arrangements had appeared in <zone>``: a copy of an innovation reaching a place
    (:func:`adoption_appeared`)."""
    return adoption_appeared(c)


def rule_listed_for(c: Clause) -> Sequence[Fact]:
    """An anaphor listed in a batch for replication across the province (:func:`adoption_listed_for_replication`)."""
    return adoption_listed_for_replication(c)


def rule_among_scope(c: Clause) -> Sequence[Fact]:
    """The cases listed after ``Among the ... to be replicated region-wide:``, or put ``on the province-wide list``
    (:func:`adoption_among_scope`)."""
    if c.among_at > c.i and "list" not in c.s.text:  # no sentence so far opened with "Among", nor names a list
        return []
    return adoption_among_scope(c)


def rule_provincial_examples(c: Clause) -> Sequence[Fact]:
    """A paragraph telling a zone's provincial batch and its named examples (:func:`adoption_provincial_examples`).

    ``Xinjiang PFTZ has produced two batches ... replicated and scaled up across the entire region.
    Specifically, ... "cross-port mutual recognition for foreign vehicles"``: read once, at the
    paragraph's first sentence.
    """
    return adoption_provincial_examples(c.st, c.sents) if c.i == 0 else []


def rule_this_model(c: Clause) -> Sequence[Fact]:
    """``This model has been replicated and scaled up across the province`` after a case of the paragraph.

    See :func:`adoption_this_model`; declines before the paragraph credited a case.
    """
    if len(c.st.cases) <= c.para_cases:
        return []
    return adoption_this_model(c.st, c.s, c.st.cases[-1])


def rule_group_pronoun(c: Clause) -> Sequence[Fact]:
    """``They have promoted <effort>`` after a sentence printing a group (:func:`effort_group_pronoun`)."""
    if not c.i or not c.s.text.startswith("They"):
        return []
    found = effort_group_pronoun(c.s, c.sents[c.i - 1])
    return [found] if found else []


def rule_new_batch(c: Clause) -> Sequence[Fact]:
    """``... promoted the replication and scaling of a new batch ... across their respective provinces``.

    See :func:`adoption_batch_statement`.
    """
    return adoption_batch_statement(c.st, c.s)


def rule_scope_list(c: Clause) -> Sequence[Fact]:
    """``17 measures are replicated and scaled up across all PFTZs, including A, B, and C``.

    See :func:`adoption_scope_list`.
    """
    return adoption_scope_list(c.s)


def rule_body_promoted(c: Clause) -> Sequence[Fact]:
    """``The People's Bank of China promoted the "<name>" throughout the country``: a national body's innovation
    adopted at the national scope. See :func:`adoption_body_promoted`."""
    return adoption_body_promoted(c.s, c.st)


def rule_replicated(c: Clause) -> Sequence[Fact]:
    """``<adopter> replicated and scaled up the "<name>" from the Nth batch of ...`` (:func:`adoption_replicated`).

    The outcome is the next two sentences.
    """
    return adoption_replicated(c.st, c.s, " ".join(t.original for t in c.sents[c.i + 1 : c.i + 3]))


_EXAMPLE_LEAD_RE = re.compile(rf"^\s*(?:\*\*)?{alternation(EXAMPLE_LEADS)}\b", re.IGNORECASE)


def rule_alliance(c: Clause) -> Sequence[Fact]:
    """A body of several members named with a capitalised head (:func:`effort_alliance`).

    When the sentence tells a batch the body released without naming its innovations, the quoted names
    of a next sentence opening ``For example`` (:data:`loaders.lexicon.EXAMPLE_LEADS`) are the batch's.
    A batch released by a body the text named before and now refers to by its head word in lower case
    (``released on behalf of the mechanism a first batch of eight ...``) is that body's
    (:func:`effort_released_by_reference`), and every item, quoted or not, of a next sentence opening
    ``They include`` that names no zone is its.
    """
    found = [_named_body(c, e) for e in effort_alliance(c.s, c.st.gaz)]
    referred = False
    if not found and (ref := effort_released_by_reference(c.s, c.st.efforts)) is not None:
        found, referred = [ref], True  # "... released on behalf of the mechanism a first batch of eight ..."
    nxt = c.sents[c.i + 1] if c.i + 1 < len(c.sents) else None
    if nxt is None or not _EXAMPLE_LEAD_RE.match(nxt.text):
        return found
    out: list[Fact] = []
    for e in found:
        if e.batch is not None and not e.released:
            names = [q for q in nxt.quotes if is_case_name(q.name, nxt.text, q)]
            if referred:
                # "They include "A" for ..., mutual recognition of ..., and a shared list of ...": every item; a
                # sentence naming zones credits its items itself (the case rules read it)
                im = None if nxt.actors else _INCLUDE_LEAD_RE.match(nxt.text)
                items = split_examples(nxt.text[im.end() :]) if im else []
                if items:
                    c.st.used.update((id(nxt), q.start) for q in nxt.quotes)
                out.append(replace(e, released=tuple(items)))
                continue
            c.st.used.update((id(nxt), q.start) for q in names)
            developers = tuple((q.name, z) for q in names if (z := _developed_by(c.st, nxt.text, q)))
            e = replace(e, released=tuple(q.name for q in names), developers=developers)
        out.append(e)
    return out


_INCLUDE_LEAD_RE = re.compile(
    rf"^\s*(?:{alternation([x for x in EXAMPLE_LEADS if x.endswith(' include')])})\s+", re.IGNORECASE
)
"""A next sentence listing the items of a batch told before: ``They include A, B, and C``."""


def rule_alliance_items(c: Clause) -> Sequence[Fact]:
    """The items of a body's batch listed in a sentence whose subject is the batch (``The first batch of 10
    innovations includes A, developed jointly by X and Y, ...``) or in the next one (``It also includes ...``), the
    body the one of several members named last, near before (:func:`effort_batch_items`): each item a joint case of
    the zones that developed it, or of all the body's members."""
    prev = c.sents[c.i - 1] if c.i > 0 else None
    found = effort_batch_items(c.s, prev, c.st.efforts, c.st.gaz, c.st.find_zones)
    if found is None:
        return []
    c.st.used.update((id(c.s), q.start) for q in c.s.quotes)  # its quoted items are the batch's, not cases apart
    return [found]


def _named_body(c: Clause, e: EffortFact) -> EffortFact:
    """``In November the Alliance released its first batch ...``: a body named by its head word alone is the body of
    that kind the paragraph named before (its members and name; the name in the fact, its sentence unchanged)."""
    if " " in e.name or e.members:
        return e
    head = e.name.lower()
    for b in reversed(c.st.efforts):
        if b.line < c.sents[0].line:
            break
        if b.rule == "alliance" and b.name.lower().endswith(head) and b.name != e.name:
            return replace(e, name=b.name, members=b.members, provinces=b.provinces, members_text=b.members_text)
    return e


def rule_joint_action(c: Clause) -> Sequence[Fact]:
    """Several zones acting together: ``PFTZs in A, B and C jointly issued the "..."`` (:func:`effort_joint_action`);
    the members of a body named before signing a document (``the members signed the "..."``,
    :func:`effort_members_signed`)."""
    found = effort_joint_action(c.s, c.last_group) or effort_members_signed(c.s, c.st.efforts)
    return [found] if found else []


_ADOPT_WORDS = tuple(
    sorted(
        {
            next(x for x in w.split() if x not in ("has", "have"))[:6]
            for w in (*PASSIVE_ADOPT_VERBS, *ACTIVE_ADOPT_VERBS, *REFERENCE_VERBS)
        }
    )
)
"""Stems of the adoption verbs: a sentence without one holds no adoption."""


def rule_dubbed(c: Clause) -> Sequence[Fact]:
    """An innovation an anaphor stands for, named there: ``the model, dubbed "<name>"`` (:func:`case_dubbed`)."""
    return case_dubbed(c)


def rule_batch_includes(c: Clause) -> Sequence[Fact]:
    """The items a zone's own latest batch includes, each its case (:func:`batch_includes`)."""
    return batch_includes(c)


def rule_listed_item(c: Clause) -> Sequence[Fact]:
    """A release's listed item with its zone and where it is replicated (:func:`listed_items`)."""
    return listed_items(c)


RULES: tuple[Rule, ...] = (
    Rule("provincial-example", None, rule_provincial_examples),
    Rule("this-model", re.compile(r"\bhas been\b"), rule_this_model, ("has been",)),
    Rule("group-pronoun", re.compile(r"^They\b"), rule_group_pronoun, ("they",)),
    Rule(
        "new-batch",
        re.compile(r"\bnew (?:provincial(?:-level)? )?batch"),
        rule_new_batch,
        ("new batch", "new provincial"),
    ),
    Rule(
        "scope-list",
        re.compile(r"\b(?:are|were) (?:to be |being )?\w+ed\b.{0,60}\bincluding\b"),
        rule_scope_list,
        ("including",),
    ),
    Rule("body-promoted", None, rule_body_promoted, ("promoted", "extended", "rolled out")),
    Rule(
        "listed-then-scope", LISTED_LEAD_GATE_RE, rule_listed_then_scope, ("they ", "these ", "it ", "former", "latter")
    ),
    Rule("replicated", None, rule_replicated, ("replicat", "learn", "disseminat")),
    Rule("which-adopted", WHICH_ADOPTED_RE, rule_which_adopted, ("which", " that ")),
    Rule("adopted-by", PASSIVE_GATE_RE, rule_adopted_by, (*_ADOPT_WORDS, "in use")),
    Rule("drew-on", None, rule_drew_on, _ADOPT_WORDS),
    Rule("zone-batch", ZONE_BATCH_RE, rule_zone_batch, ("batch of",)),
    Rule(
        "following-lead",
        LEAD_RE,
        rule_following_lead,
        tuple({p.split()[0] for p in (*LEAD_PHRASES, *POSSESSIVE_LEAD_PHRASES)}),
    ),
    Rule("alliance", None, rule_alliance, tuple({h.split()[-1] for h in BODY_HEADS})),
    Rule("alliance-items", ITEMS_LEAD_RE, rule_alliance_items, ("batch", "include", "contain", "cover")),
    Rule(
        "joint-action",
        re.compile(rf"{JOINT_VERB_RE.pattern}|\bJointly\b"),
        rule_joint_action,
        ("joint", "conven", "together", "signed", "alliance", "collabor", "co-"),
    ),
    Rule("titles-and-lists", None, rule_titles_and_lists),
    Rule("quoted-case", None, rule_quoted_case),
    Rule("unquoted-practice", None, rule_unquoted_practice),
    Rule("took-the-lead", re.compile(r"\bthe lead in\b"), rule_took_lead, ("the lead in",)),
    Rule("among-scope", None, rule_among_scope),
    Rule("among-national", AMONG_NATIONAL_RE, rule_among_national, ("among",)),
    Rule("listed-for", LISTED_FOR_RE, rule_listed_for, ("list", "include", "put")),
    Rule("appeared-in", APPEARED_RE, rule_appeared_in, ("similar", "comparable", "same")),
    Rule("applies-in", APPLIES_IN_RE, rule_applies_in, ("appl", "promot")),
    Rule("defined-term", DEFINED_RE, rule_defined_term, tuple({w.split()[0] for w in DEFINING_PHRASES})),
    Rule("listed-item", ITEM_RE, rule_listed_item, ("--", "—", "–", ":")),
    Rule("dubbed", DUBBED_RE, rule_dubbed, tuple({w.split()[0] for w in NAMING_PHRASES})),
    Rule("batch-includes", BATCH_INCLUDES_RE, rule_batch_includes, ("batch",)),
    Rule("adopter-noun", ADOPTER_NOUN_RE, rule_adopter_noun, tuple({w.split()[0][:6] for w in ADOPTER_NOUNS})),
    Rule(EXTENDED_FROM, EXTENDED_FROM_RE, adoption_extended_from, ("extend",)),
    Rule("fronted-adoption", FRONTED_RE, adoption_fronted, tuple({w.split()[0] for w in FRONTED_ADOPT_PARTICIPLES})),
)
"""The narrative's rules, in the order they read each sentence."""


_DEVELOPED_BY_RE = re.compile(
    rf"^[^,.;\"“”]{{0,60}}?,?\s*(?:(?:first|jointly)\s+)?\b{alternation(LAUNCH_PARTICIPLES)}\s+(?:jointly\s+)?by\s+"
    r"(?P<who>[^,.;]{3,120})"
)


def _developed_by(st: State, text: str, q: Quoted) -> tuple[str, ...]:
    """The zones an item of an alliance's batch names as its developers (``the "..." model developed by Guangxi
    PFTZ and Chongqing PFTZ``), when two or more; else nothing (the alliance's members stand)."""
    if (m := _DEVELOPED_BY_RE.match(text[q.end :])) is None:
        return ()
    zones = tuple(sorted({z.key for z in st.find_zones(m.group("who"))}))
    return zones if len(zones) > 1 else ()


def _gate_words(rules: Sequence[Rule]) -> ahocorasick.Automaton:
    """An automaton of every rule's gate words (:attr:`Rule.words`): the words a sentence holds, found in one pass."""
    words = ahocorasick.Automaton()
    if any(not w for rule in rules for w in rule.words):
        msg = "a narrative rule has an empty gate word: it would hold every sentence, leave it out"
        raise ValueError(msg)
    for w in sorted({w for rule in rules for w in rule.words}):
        words.add_word(w, w)
    words.make_automaton()
    return words


_GATE_WORDS = _gate_words(RULES)
"""The gate words of :data:`RULES`: ``{w for _, w in _GATE_WORDS.iter(low)}`` is every one ``low`` holds."""


ZONE_ANAPHOR_OPEN_RE = re.compile(r"(?:The|This) (?:pilot )?zone(?:['’]s)?\b|Its\s")
"""A paragraph's opening that refers back to a zone: ``The zone's innovations ...``, ``Its "..." service ...``."""


def _read_paragraph(st: State, sents: list[Sentence], cross: Sequence[Section]) -> None:
    """Run :data:`RULES` over the sentences of one paragraph, keeping track of its subject."""
    crossing = bool(sents) and any(c.start_line <= sents[0].line <= c.end_line for c in cross)
    para_cases, para_adoptions = len(st.cases), len(st.adoptions)
    # "The zone's innovations have also spread ...": a paragraph opening with the zone's anaphor goes on with the one
    # subject zone of the paragraph before
    last_subject: Actor | None = st.story_zone if sents and ZONE_ANAPHOR_OPEN_RE.match(sents[0].text) else None
    last_group: Actor | None = None
    credited: set[str] = set()
    among_at = next((k for k, t in enumerate(sents) if t.text.startswith("Among")), len(sents))
    for i, s in enumerate(sents):
        clause = Clause(st, sents, i, last_subject, last_group, crossing, credited, para_cases, among_at=among_at)
        held = {w for _, w in _GATE_WORDS.iter(s.text.lower())}  # the gate words the sentence holds
        named_here: dict[str, Named] = {}
        for rule in RULES:
            if rule.words and held.isdisjoint(rule.words):
                continue
            if rule.pattern is not None and not rule.pattern.search(s.text):
                continue
            facts = rule.prod(clause)
            if not facts:
                continue
            clause.fired.add(rule.name)
            for f in facts:
                if isinstance(f, CaseFact):
                    st.cases.append(f)
                    st.last_named = Named(f.name, f.zones, f.line)
                elif isinstance(f, AdoptionFact):
                    st.adoptions.append(f)
                    # a batch's item names no zone, nor an innovation "taken up by <X>" whose origin is unsaid:
                    # still what "it" is
                    if f.name and (f.origins or f.batch or f.rule == "adopted-by"):
                        st.last_named = Named(f.name, f.origins, f.line)
                        named_here.setdefault(f.name, st.last_named)
                else:
                    st.efforts.append(f)
        if named_here:
            st.last_set = tuple(named_here.values())
        elif (again := named_again(st, s, para_cases, para_adoptions)) is not None:
            st.last_named = again  # 'The batch included a "one-window" service ...': named again, what "It" is
        if (city := subject_city(st, s.text)) is not None:
            st.last_city = city  # what "the city" of a later sentence stands for
        if st.last_named is not None and st.last_named.line < s.line and f'"{st.last_named.name}"' in s.text:
            st.last_named = replace(st.last_named, line=s.line)  # named again: still what an anaphor stands for
        # the subject: a zone near the start, after an introductory phrase ("For example, in the context of ...,")
        head = [a for a in s.actors if len(s.text[: a.start].split()) <= SUBJECT_WORDS]
        if not head and BARE_SUBJECT_RE.match(s.text):
            last_subject = None  # "In digital economy, PFTZ launched ...": an unnamed zone; "It" no longer refers back
        if head:
            last_subject = head[0]
            if len(head[0].keys) > 1:
                last_group = head[0]
    st.story_zone = last_subject if last_subject is not None and len(last_subject.keys) == 1 else None


__all__ = [
    "CROSS_REFERENCE_RE",
    "EXTENDED_FROM",
    "JOINT_DOCUMENT",
    "NARROWED_GROUP_RE",
    "RULES",
    "Actor",
    "AdoptionFact",
    "CaseFact",
    "Clause",
    "EffortFact",
    "Narrative",
    "Rule",
    "Unread",
    "find_actors",
    "fuller_name",
    "is_case_name",
    "partly_quoted_name",
    "practice_name",
    "printed_group",
    "read_narrative",
    "split_examples",
]
