"""Bodies acting beyond those of pass ``agent-bodies``, for :mod:`loaders.report`: passes ``city-governments`` and
``promoting-bodies``.

A province's government and a municipality's are the gazetteer's (:mod:`loaders.reference` generates their names);
a city below them is named by its place and its level ("the Weifang Municipal People's Government"), which no list of
bodies can hold for every city.
"""

from __future__ import annotations

import re

from pftz.loaders.documents import slug
from pftz.loaders.lexicon import (
    AGENT_VERBS,
    AGENT_VERBS_MORE,
    AGENT_VERBS_OF_DRAFTS,
    CITY_LEVELS,
    ISSUING_PHRASES,
    LOCAL_GOVERNMENT,
    NATIONAL_SCOPES,
    PROMOTED_OBJECTS,
    alternation,
)
from pftz.loaders.report_context import _Collector, _Context, _sentences
from pftz.loaders.report_documents import ALL_TITLE_WORDS

CITY_GOVERNMENT_RE = re.compile(
    rf"\b(?P<name>(?P<place>(?!The\b)[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+{alternation(CITY_LEVELS)}\s+"
    rf"{LOCAL_GOVERNMENT.replace(chr(39), '[' + chr(39) + '’]')})"
)
"""A city's government named by its place and level: "the Weifang Municipal People's Government"."""
ACTS_AFTER_RE = re.compile(
    rf"(?:['’]s\s+(?:[A-Z][\w'’-]*\s+){{0,4}}?{alternation(ALL_TITLE_WORDS)}\b"
    rf"|\s+(?:(?:has|have|had|also|then|later|jointly|recently)\s+)*"
    rf"{alternation((*AGENT_VERBS, *AGENT_VERBS_MORE, *AGENT_VERBS_OF_DRAFTS, *ISSUING_PHRASES))}\b)"
)
"""What follows a government acting on a document: its possessive before a title ("...'s Implementation Plan for
..."), or a verb of acting or issuing ("... approved", "... followed with the Several Measures on ...")."""


def _city_governments(c: _Collector, ctx: _Context) -> None:
    """Rule: a city's government (:data:`CITY_GOVERNMENT_RE`) acting on a document (:data:`ACTS_AFTER_RE`: "The
    move follows the Weifang Municipal People's Government's Implementation Plan for ...", "the Shenzhen Municipal
    People's Government followed with the Several Measures on ...") is a body of the text, named as printed; one only
    named ("an official of the X Municipal People's Government said") is not, nor a province's or a
    municipality's (the gazetteer's).
    """
    for p, off, s in _sentences(ctx.paras):
        if "Government" not in s:
            continue  # a quick test before the pattern
        for m in CITY_GOVERNMENT_RE.finditer(s):
            if c.gaz.province(m.group("place")) is not None or not ACTS_AFTER_RE.match(s, m.end()):
                continue
            name = m.group("name")
            c.local_body(f"body:{slug(name)}", name, name, p.line_at(off), s)


PROMOTED_RE = re.compile(
    r"\s+(?:(?:has|have|had|also|then|jointly)\s+)*promoted\s+"
    rf"(?:(?:[\w-]+\s+){{0,3}}?{alternation(PROMOTED_OBJECTS)}\b|{alternation(NATIONAL_SCOPES)}\b)"
)
"""A national body's "promoted" before what it spread or a national scope: "... has promoted eight batches of",
"... that the State Council has promoted nationwide"; not "promoted in 2031 for ..."."""


def _promoting_bodies(c: _Collector, ctx: _Context) -> None:
    """Rule: a national body that "promoted" batches, measures or innovations, or promoted them at a national scope
    (:data:`PROMOTED_RE`: "So far the State Council has promoted nine batches of reform pilot experience", "the
    reform experience that the State Council has promoted nationwide"), acts on them: it is a body of the text.
    """
    for p, off, s in _sentences(ctx.paras):
        if "promoted" not in s:
            continue  # a quick test before the bodies are looked up
        for m in c.gaz.find_bodies(s):
            ref = c.gaz.body_ref(m.key)
            if ref is not None and ref.level != "local" and PROMOTED_RE.match(s, m.end):
                c.body(m.key, p.line_at(off), s, m.text)
