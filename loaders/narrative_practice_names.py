"""The practice an unquoted object phrase names, for the zone-case rules of :mod:`loaders.narrative_cases`.

The verbs whose object may name a practice, the head nouns of a named practice and the reading of an object
phrase (:func:`object_at`, its end; :func:`practice_name`, the practice it names or ``""`` for an activity),
shared by :mod:`loaders.narrative_cases` and the rule modules beside it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pftz.loaders.lexicon import (
    ACTION_NOUNS,
    ADVERBS,
    BODY_NOUNS,
    BOUNDARY_WORDS,
    CASE_HEADS,
    FIXED_COMPOUNDS,
    NOT_FIRST_WORDS,
    PILOT_INFINITIVES,
    PILOT_PARTICIPLES,
    PILOT_VERB_FORMS,
    PRACTICE_HEADS_MORE,
    QUANTITY_WORDS,
    TITLE_WORDS,
    VERSION_ANAPHORA,
    alternation,
)

_ADVERBS = rf"(?:{alternation(ADVERBS)}\s+)*"
_INTRO = r"(?:[A-Z][^,;:.\"“”]{0,60},\s*)?"
INTRO = _INTRO
"""An optional intro before a sentence's subject ("In logistics, ")."""
"""An introductory phrase before a subject (``For example,``, ``In collaboration with ...,``)."""
PRACTICE_VERBS = "|".join(PILOT_VERB_FORMS)
"""Verbs whose object may name a practice (past, present; ``include`` for ``These include ...``)."""
PRACTICE_ING = "|".join(PILOT_PARTICIPLES)
"""Participles that continue a clause with another practice (``..., establishing a ... mechanism``)."""
PRACTICE_INF = "(?:" + "|".join(PILOT_INFINITIVES) + ")"
"""Infinitives of purpose that continue a clause with a practice (``partnered with X to provide ...``)."""


_COUNT_WORDS = frozenset(QUANTITY_WORDS)
_BODY_NOUNS = frozenset(BODY_NOUNS)
"""Nouns in ``-tion`` that name a body or a place, not an action (``the first ... research institution``)."""
_ACTION_NOUN_RE = re.compile(r"(?:tion|sion|ance|ence|ing|val|wal)s?$|^releases?$")


_PRACTICE_END_RE = re.compile(
    r"[;:,—]|\.(?:\s|$)|\s–\s|\s\((?![A-Z]{2,}\))|\s(?:to\s(?![A-Z])|which|that|who|whereby|thereby|so that|in order|"
    r"while|where|aiming|by|through|in China|in the country|nationwide|as well as|has|have|had|was|were|is|are|"
    r"in\s(?:its|the|their)\s(?:[A-Z][\w'’-]*\s){1,4}Area)\b|"
    r"\sand\s|$"
)
"""Where an object phrase ends (``and`` only before a verb or a ``first``: :data:`_AND_SPLIT_RE`; the area where
the zone acted: ``piloted A in its Dehong Area``)."""
_AND_SPLIT_RE = re.compile(
    rf"(?:also\s+)?(?:{PRACTICE_VERBS}|{PRACTICE_ING}|[a-z]+ed\s+(?:the|a|an)\s)|"
    r"(?:the\s+)?(?:[\w-]+(?:\s[A-Z][\w-]*){0,3}['’]s\s+)?first\s"
)
ARTICLES_RE = re.compile(r"^(?:(?:[Tt]he|[Aa]n?|its|their)\s+)+")
_FIRST_RE = re.compile(
    r"^(?:(?:the|a|an)\s+)?(?:(?:nation|country|China|world|[A-Z][\w-]*(?:\s[A-Z][\w-]*){0,3})['’]s\s+)?"
    r"first\s+(?!(?:time|of|such|batch|phase|half|in|to|among)\b)(?:(?:ever|nationwide)\s+)?"
)
_NOMINAL_RE = re.compile(
    rf"^{alternation(ACTION_NOUNS)}(?:\s+and\s+(?:establishment|launch|operation|inauguration|implementation))?\s+of\s+"
)
"""An action noun before the practice it acts on (``the establishment of the ... Base``): read past it."""
PRACTICE_HEADS = frozenset(CASE_HEADS) | frozenset(PRACTICE_HEADS_MORE)
"""Head nouns of a named practice: what the text builds, not an activity or a place."""
_BOUNDARY_WORDS = frozenset(BOUNDARY_WORDS)
_FIXED_COMPOUNDS = frozenset(FIXED_COMPOUNDS)
"""Words that end a noun phrase's pre-head part (prepositions, post-modifying participles)."""
_SUPERLATIVE_RE = re.compile(r"^(?:[\w-]+['’]s\s+)?(?:largest|biggest|highest|most|leading|top|only)\b")
_NOT_FIRST_WORDS = frozenset(NOT_FIRST_WORDS)


def _head(words: Sequence[str]) -> int:
    """Index of a noun phrase's head: the word before the first preposition or post-modifier (not the ``of`` of a
    compound of :data:`loaders.lexicon.FIXED_COMPOUNDS`: ``bill of lading``)."""
    for i, w in enumerate(words):
        if i and w.lower() in _BOUNDARY_WORDS and " ".join(words[i - 1 : i + 2]).lower() not in _FIXED_COMPOUNDS:
            return i - 1
    return len(words) - 1


def _is_head_noun(word: str) -> bool:
    """Whether ``word`` (singular or plural) is one of :data:`PRACTICE_HEADS`."""
    w = word.lower().strip("\"“”'’")
    return (
        w in PRACTICE_HEADS
        or (w.endswith("s") and w[:-1] in PRACTICE_HEADS)
        or (w.endswith("es") and w[:-2] in PRACTICE_HEADS)
    )


is_head_noun = _is_head_noun
"""Whether a word is a practice's head noun (for the rule modules beside this one)."""


def practice_name(phrase: str, *, first: bool = False, joint: bool = False, novel: bool = False) -> str:
    """The practice an unquoted object phrase names, or ``""`` when it names an activity.

    The rule: read past an action noun (``the establishment of``, ``the launch
    of``, ``the use of``) and an ``X such as`` lead, then past the articles and a
    ``(the nation's|China's|the country's|<Place>'s) first`` marker. A phrase
    marked ``first`` (or the object of ``pioneered``) is a practice when it has
    three words or more and its head is a head noun or an action noun
    (``-tion``, ``-ance``, ``-ing``, ``approval``: ``duty exemption for ...``,
    ``unloading and warehousing of ...``), not a thing (``the first ... transport
    vehicle``, ``the first ... shipment``, ``the first ... research institution``).
    What several zones did ``jointly`` (``joint``) is a joint practice when it
    has three words or more. The object of a verb of novelty (``novel``: introduced, piloted; :data:`~pftz.
    loaders.lexicon.NOVELTY_VERB_STEMS`) is a practice when its head is an action noun with a modifier before it
    and three words in all (``online arbitration of cross-Strait disputes``; not ``the model at ...``). Otherwise
    its head noun (the word before the first
    preposition or post-modifier) must be one of :data:`PRACTICE_HEADS`
    (model, mechanism, system, platform, service, window, base, zone, channel,
    business, case, project, program, transaction, payment, subcenter, ...),
    with at least one modifier before it and three words in all: ``has
    advanced bonded maintenance``, ``pilot tests``, ``a dedicated platform``,
    ``platforms in Uzbekistan for ...`` and ``a comprehensive textile and
    apparel industrial chain`` are activities or generic things. Rejected
    always: a phrase opening with a pronoun, a preposition, a number or a
    superlative (``Beijing's largest ... platform`` ranks, it does not name), a
    generic activity (``explorations``, ``efforts``, ``cooperation``), a
    document (``Plan``, ``Measures`` ...).

    Examples
    --------
    >>> practice_name("a regulatory sandbox for the AI sector")
    'regulatory sandbox for the AI sector'
    >>> practice_name("the nation's first bonded maintenance project for automobile transmissions")
    'bonded maintenance project for automobile transmissions'
    >>> practice_name("mutual recognition of import inspection and quarantine measures"), practice_name("pilot tests")
    ('', '')
    """
    p = ARTICLES_RE.sub("", phrase.strip())
    used = p if first and p.startswith(_USE_NOUNS) else ""  # "the use of <things> in <places>": a practice piloted
    if m := _NOMINAL_RE.match(p):
        p = ARTICLES_RE.sub("", p[m.end() :])
    if (k := p.find(" such as ")) >= 0:
        p = ARTICLES_RE.sub("", p[k + 9 :])
    if m := _FIRST_RE.match(p):
        p, first = p[m.end() :], True
    p = _QUOTE_MARKS_RE.sub("", p).strip()
    p = _TRAILING_AND_RE.sub("", _SPACES_RE.sub(" ", p))
    words = p.split()
    if not 2 <= len(words) <= 24 or not words[0][:1].isalnum() or words[0].lower() in _NOT_FIRST_WORDS:
        return ""
    if (words[0][0].isdigit() and words[0].strip("0123456789,.") == "") or (
        words[0].endswith("ing") and (words[1].endswith("s") or words[1] in ("the", "a", "an"))
    ):
        return ""  # a number of things; a gerund's object ("enhancing mechanisms for ...") is an activity
    if _SUPERLATIVE_RE.match(p) or GENERIC_OBJECT_RE.match(p):
        return ""
    if DOCUMENT_WORD_RE.search(p):
        return ""
    h = _head(words)
    if words[0].lower() in _COUNT_WORDS and words[h].endswith("s"):
        return ""  # a count of things ("two service platforms for ..."), not a name ("four teams working mechanism")
    if joint:
        return p if len(words) >= 3 else ""
    if first:
        head = words[h].lower()
        action = _ACTION_NOUN_RE.search(head) is not None and head not in _BODY_NOUNS
        if len(words) >= 3 and (_is_head_noun(head) or action):
            return p
        return used if len(used.split()) >= 5 and not DOCUMENT_WORD_RE.search(used) else ""
    if (
        novel
        and h >= 1
        and len(words) >= 3
        and _ACTION_NOUN_RE.search(words[h].lower())
        and words[h] not in _BODY_NOUNS
        and not phrase.strip().lower().startswith(VERSION_ANAPHORA)  # "a modified version at ...": a copy
    ):
        return p  # "introduced online arbitration of cross-Strait commercial disputes"
    if h == 0 and len(words) >= BARE_HEAD_WORDS and words[0].lower() in CASE_HEADS and words[1] in ("for", "of"):
        return p  # "a mechanism for the direct recognition of Hong Kong professional qualifications"
    return p if h >= 1 and len(words) >= 3 and _is_head_noun(words[h]) else ""


_USE_NOUNS = ("use of ", "application of ", "operation of ")
"""Action nouns that, piloted, name the practice with their object (``piloted the use of ... in ...``)."""
BARE_HEAD_WORDS = 6
"""Words a phrase needs when its head noun has no modifier before it (``mechanism for <4 words or more>``)."""


_CLOSE_QUOTE_RE = re.compile(r"[\"”]")
_QUOTE_CHAR_RE = re.compile(r"[\"“”]")
_QUOTE_MARKS_RE = re.compile(r"(?<![\w])['‘]|['’](?![\w])|[\"“”]")
_SPACES_RE = re.compile(r"\s+")
_TRAILING_AND_RE = re.compile(r"\s+(?:and|or)$")
DOCUMENT_WORD_RE = re.compile(rf"\b{alternation(TITLE_WORDS)}\b")


def object_at(text: str, at: int) -> tuple[str, int]:
    """The object phrase starting at ``text[at:]`` up to its clause end, and the end offset."""
    i = at
    while True:
        m = _PRACTICE_END_RE.search(text, i)
        if m and m.group(0) == " and " and not _AND_SPLIT_RE.match(text, m.end()):
            i = m.end() - 1
            continue
        end = m.start() if m else len(text)
        so_far = _FIRST_RE.sub("", ARTICLES_RE.sub("", text[at:end].strip()))
        if m and len(_QUOTE_CHAR_RE.findall(text, at, end)) % 2 and (close := _CLOSE_QUOTE_RE.search(text, end)):
            i = close.end()  # a clause end inside a quoted part of the name
            continue
        # coordinated modifiers: "scenario-based, field-level negative list"
        if m and m.group(0) == "," and len(so_far.split()) == 1 and "-" in so_far:
            i = m.end()
            continue
        return text[at:end], end


GENERIC_OBJECT_RE = re.compile(
    r"(?:explorations?|efforts?|reforms? in|collaboration|cooperation|broadening|expanding|launch of|"
    r"nation's first such|such|work|measures|strategic)\b",
    re.IGNORECASE,
)
"""Objects that name an activity, not a practice ("explorations in areas such as ...")."""
