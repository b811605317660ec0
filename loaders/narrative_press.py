"""Zone cases as press releases and briefings tell them: a zone's practice as the subject of its inclusion in a batch.

"Chongqing FTZ's multimodal bill of lading pledge service for ..., which lets banks ..., was also included in
the batch": the zone's unquoted practice, named by the possessive that opens the sentence. The rule is one of
the unquoted-practice readings of :func:`loaders.narrative_case_rules._practices_of_sentence` (rule name ``included``);
the words live in :mod:`loaders.lexicon`.
"""

from __future__ import annotations

import re

from pftz.loaders.lexicon import SELECTION_VERBS, alternation
from pftz.loaders.narrative_facts import Actor, Sentence
from pftz.loaders.narrative_practice_names import (
    ARTICLES_RE,
    DOCUMENT_WORD_RE,
    INTRO,
    is_head_noun,
    object_at,
    practice_name,
)

_SUBJECT_AT_RE = re.compile(rf"^\s*{INTRO}(?:[Tt]he\s+)?")
_THE_AT_RE = re.compile(r"^\s*(?:[Tt]he\s+)?")
_POSSESSIVE_AT_RE = re.compile(r"['’]s\s+")
_INCLUDED_AFTER_RE = re.compile(
    r"(?:,[^;\"“”]{0,200}?,)?\s*(?:was|were|has been|have been|had been)\s+(?:[a-z]+ly\s+|also\s+)?"
    rf"{alternation(SELECTION_VERBS)}(?:\s+(?:in|into|among|for)\b|\s*(?:[.;]|$))"
)
_PRE_HEAD_END_RE = re.compile(r"\s+(?:for|in|at|to|under|with|along|on)\s")


def case_possessive_included(s: Sentence) -> list[tuple[Actor, str]]:
    """A zone's unquoted practice as the subject of its inclusion in a batch: ``Hunan FTZ's cold-chain bill of
    lading pledge service for fruit importers, which ..., was also included in the batch``.

    The sentence opens with the zone's possessive; the object runs to its clause end, a relative clause may
    follow, then a passive verb of :data:`~loaders.lexicon.SELECTION_VERBS` and "in"/"into"/"among", or the
    sentence's end (``..., first tried in its Zhoushan Area, was also included.``). The
    phrase must pass :func:`practice_name`, or end in a head noun before its first preposition of place or
    purpose (``bill of lading pledge financing service for ...``: a compound with "of" inside).
    """
    if "’s " not in s.text and "'s " not in s.text:
        return []
    # the subject opens the sentence, or follows an intro ("In logistics, ...")
    at = {m.end() for m in (_THE_AT_RE.match(s.text), _SUBJECT_AT_RE.match(s.text)) if m}
    actor = next((a for a in s.actors if a.start in at), None)
    pm = _POSSESSIVE_AT_RE.match(s.text, actor.end) if actor else None
    if actor is None or pm is None:
        return []
    obj, end = object_at(s.text, pm.end())
    if not _INCLUDED_AFTER_RE.match(s.text, end):
        return []
    name = practice_name(obj)
    if not name:
        pre = _PRE_HEAD_END_RE.split(obj, maxsplit=1)[0].split()
        ok = len(pre) >= 3 and is_head_noun(pre[-1]) and not DOCUMENT_WORD_RE.search(obj)
        name = ARTICLES_RE.sub("", " ".join(obj.split())) if ok else ""
    return [(actor, name)] if name else []
