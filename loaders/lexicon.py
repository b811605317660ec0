"""The report's words: one list per kind of word, one home.

The narrative rules (:mod:`loaders.narrative`) build their patterns from
these lists, so a new phrasing is often a new word here, not a new rule.
Nothing here names an edition's layout (titles, tables, headings); these
are the words of the language the reports are written in.

Each list is a tuple of lower-case words or phrases unless said otherwise;
:func:`alternation` turns one into a regular-expression alternation
(longest first, so ``joint conference mechanism`` wins over ``mechanism``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# --------------------------------------------------------------------------- ordinals and counts
ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")
"""Ordinal words, in order (``third`` is 3)."""

COUNT_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")
"""Cardinal words, in order (``three`` is 3)."""

# --------------------------------------------------------------------------- verbs
PILOT_VERBS = (
    "pioneered",
    "piloted",
    "launched",
    "introduced",
    "established",
    "explored",
    "created",
    "implemented",
    "developed",
    "built",
    "set up",
    "innovated",
    "rolled out",
    "initiated",
    "promoted",
    "carried out",
    "formed",
    "adopted",
    "put forward",
)
"""Verbs (past forms) by which a zone makes an innovation its own."""

LAUNCH_VERBS = ("launched", "introduced", "established", "created", "set up", "initiated", "rolled out", "piloted")
"""Verbs of a passive launch: ``"X" was launched by Y PFTZ``."""

ADOPT_VERBS = (
    "replicated",
    "scaled up",
    "promoted",
    "rolled out",
    "disseminated",
    "adopted",
    "taken up",
    "applied",
    "extended",
    "introduced",
    "learned from",
    "drawn on",
    "drew on",
    "referenced",
    "borrowed",
)
"""Verbs (past forms) of an adoption of another's innovation."""

LEARN_VERBS = (
    "learned from",
    "learnt from",
    "drew on",
    "drew upon",
    "has drawn on",
    "took as a reference",
    "took reference from",
    "used as a reference",
    "referred to",
    "borrowed from",
    "modelled on",
    "modeled on",
    "emulated",
)
"""Verbs of learning from a named origin: ``Anhui drew on Shanghai PFTZ's "..."``."""

ADOPT_ACTIVE = ("adopted", "has adopted", "have adopted", "introduced", "replicated", "copied")
"""Active adoption verbs whose subject is the adopter and whose object names another zone's innovation."""

JOINT_WORDS = ("jointly", "together with", "in conjunction with", "in cooperation with", "alongside")
"""Words that make a co-actor: ``X PFTZ, together with Y PFTZ, established ...``."""

# --------------------------------------------------------------------------- scopes
PROVINCE_SCOPES = (
    "province-wide",
    "provincewide",
    "region-wide",
    "across the province",
    "across the region",
    "throughout the province",
    "throughout the region",
    "across the entire province",
    "across the whole province",
    "across its province",
    "throughout its province",
    "across their provinces",
    "across the respective provinces",
    "in the whole province",
    "across the municipality",
    "city-wide",
    "citywide",
)
"""Phrases of a replication over the zone's own province."""

DESIGNATED_SCOPES = ("specific regions", "designated areas", "eligible areas", "certain areas")
"""Phrases of a replication to designated areas of a province."""

# --------------------------------------------------------------------------- nouns
CASE_HEADS = (
    "model",
    "mechanism",
    "system",
    "reform",
    "platform",
    "service",
    "services",
    "program",
    "programme",
    "pilot",
    "initiative",
    "approach",
    "practice",
    "mode",
    "scheme",
    "procedure",
    "pattern",
    "method",
    "window",
    "list",
    "center",
    "centre",
    "code",
    "regime",
    "policy",
)
"""Head nouns of an innovation's name (``... supervision model``)."""

BODY_HEADS = (
    "alliance",
    "joint conference mechanism",
    "joint conference",
    "cooperation mechanism",
    "coordination mechanism",
    "linkage mechanism",
    "cooperation platform",
    "demonstration zone",
    "cooperation zone",
    "consortium",
    "league",
)
"""Head nouns of a body of several members (an :attr:`~ground.schema.Label.ALLIANCE`), as printed
capitalised in its name: ``Yangtze River Delta PFTZ Alliance``, ``Joint Conference Mechanism for
the Beijing-Tianjin-Hebei PFTZs``, ``Collaborative Opening-up Demonstration Zone of Sichuan PFTZ and
Chongqing PFTZ``. A joint innovation (a model, a reform of several zones) is none of these."""

BODY_KIND = {
    "alliance": "alliance",
    "league": "alliance",
    "consortium": "alliance",
    "joint conference": "joint conference",
    "demonstration zone": "demonstration zone",
    "cooperation zone": "demonstration zone",
    "cooperation platform": "cooperation platform",
}
"""The kind of body a head noun names (a head not listed here is a ``mechanism``)."""

GROUP_NOUNS = ("provinces", "regions", "municipalities", "cities", "PFTZs")
"""Nouns of members printed as a group: ``the three northeastern provinces``."""

# --------------------------------------------------------------------------- title words
DOCUMENT_WORDS = (
    "Plan",
    "Measures",
    "Opinions",
    "Notice",
    "Regulations",
    "Rules",
    "Guidelines",
    "Circular",
    "Decision",
    "Requirements",
    "Specifications",
    "Standards",
)
"""Capitalised words that mark a document title (as printed, case kept)."""

PARTY_BODIES = (
    "Central Committee of the Communist Party of China",
    "CPC Central Committee",
    "General Office of the CPC Central Committee",
    "Central Commission for Financial and Economic Affairs",
    "Central Cyberspace Affairs Commission",
    "Office of the Central Cyberspace Affairs Commission",
)
"""Party bodies that issue documents (case kept)."""

GENERAL_OFFICE = "General Office"
"""The office of a ministry or the State Council that issues in its name: ``the General Office of <body>``."""


def alternation(words: Iterable[str]) -> str:
    """A regular-expression alternation of ``words``, longest first, each escaped.

    Examples
    --------
    >>> alternation(("alliance", "joint conference"))
    '(?:joint\\\\ conference|alliance)'
    """
    return "(?:" + "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w))) + ")"


def body_kind(name: str) -> str:
    """The kind of body a name's head noun says (:data:`BODY_KIND`); ``mechanism`` for another head.

    Examples
    --------
    >>> body_kind("Yangtze River Delta PFTZ Alliance")
    'alliance'
    >>> body_kind("Collaborative Opening-up Demonstration Zone of Sichuan PFTZ and Chongqing PFTZ")
    'demonstration zone'
    """
    low = name.lower()
    found = [(low.find(h), -len(h), h) for h in BODY_HEADS if h in low]
    if not found:
        return "mechanism"
    head = min(found)[2]
    return BODY_KIND.get(head, "mechanism")


__all__ = [
    "ADOPT_ACTIVE",
    "ADOPT_VERBS",
    "BODY_HEADS",
    "BODY_KIND",
    "CASE_HEADS",
    "COUNT_WORDS",
    "DESIGNATED_SCOPES",
    "DOCUMENT_WORDS",
    "GENERAL_OFFICE",
    "GROUP_NOUNS",
    "JOINT_WORDS",
    "LAUNCH_VERBS",
    "LEARN_VERBS",
    "ORDINALS",
    "PARTY_BODIES",
    "PILOT_VERBS",
    "PROVINCE_SCOPES",
    "alternation",
    "body_kind",
]
