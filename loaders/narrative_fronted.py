"""Adoption rule of the narrative for a participle clause of adopting that opens the sentence, its subject the
adopter: ``Borrowing this approach, Hainan FTP issued its own lists``, ``Drawing on the "<name>" of X PFTZ, Y
Province set up ...``.

The ``fronted-adoption`` rule (:func:`adoption_fronted`), registered in :data:`loaders.narrative.RULES`.
"""

from __future__ import annotations

import re

from pftz.loaders.lexicon import ANAPHORA, FRONTED_ADOPT_PARTICIPLES, SAME_ANAPHORA, alternation
from pftz.loaders.narrative_adoptions import _adopter, _named_before, root
from pftz.loaders.narrative_descriptions import described
from pftz.loaders.narrative_facts import AdoptionFact, Clause, Named, is_case_name

FRONTED_RE = re.compile(
    rf"^(?:(?:In|By|Since|After)\s[^,]{{1,40}},\s*)?(?P<verb>{alternation(FRONTED_ADOPT_PARTICIPLES)})\s+"
    r"(?P<obj>[^,;]{2,160}?)(?:\s+as\s+(?:a|its)\s+(?:reference|model|template))?,\s*"
    r"(?P<subject>(?:[A-Z]|the\s)[^,;]{1,100}?)\s+(?:(?:has|have|had)\s+)?(?:\w+ly\s+|also\s+)?"
    r"(?P<act>[a-z]+(?:ed|t)|set up|built|made|began|won|drew|took)\b",
    re.IGNORECASE,
)
"""A participle of adopting opening the sentence, its object, and the subject and verb of the main clause after
the comma (``Borrowing this approach, Hainan FTP issued``); a time phrase set off by a comma may come first."""
_ANAPHOR_OBJ_RE = re.compile(rf"^(?:{alternation((*ANAPHORA, *SAME_ANAPHORA))})$", re.IGNORECASE)


def _object(c: Clause, obj: str, at: int) -> Named | None:
    """What the fronted participle took up: an anaphor or a description of the innovation named before, or a
    quoted name with the zone printed in the object."""
    st, s = c.st, c.s
    if _ANAPHOR_OBJ_RE.match(obj.strip()) or described(st, _named_before(st, c), obj) is not None:
        return _named_before(st, c)
    quotes = [q for q in s.quotes if at <= q.start and q.end <= at + len(obj) and is_case_name(q.name, s.text, q)]
    zones = tuple(k for a in s.actors if at <= a.start < at + len(obj) for k in a.keys)
    return Named(quotes[0].name, zones, s.line) if quotes and zones else None


def adoption_fronted(c: Clause) -> list[AdoptionFact]:
    """``Borrowing this approach, Hainan FTP issued its own general data lists``: a participle of adopting
    (:data:`loaders.lexicon.FRONTED_ADOPT_PARTICIPLES`) that opens the sentence, its object an anaphor or a
    description of the innovation named before, or a quoted name with its zone (``Drawing on the "<name>" of X
    PFTZ, Y Province set up ...``); the adopter is the subject of the main clause after the comma (a zone, a
    province or a city), the origin the innovation's zones.

    Rejects an object naming no innovation (``Drawing on its own experience, ...``), a subject naming no place, and
    an adopter that is the innovation's origin.
    """
    s = c.s
    m = FRONTED_RE.match(s.text)
    if m is None or (named := _object(c, m.group("obj"), m.start("obj"))) is None or not named.zones:
        return []
    who = _adopter(c.st, m.group("subject"))
    if who is None:
        return []
    kind, key, printed, parent = who
    own = {root(key), c.st.gaz.zone_of_province(key) or key} if kind == "province" else {root(key)}
    origins = tuple(z for z in named.zones if root(z) not in own)
    if not origins:
        return []
    return [AdoptionFact(named.name, kind, key, printed, s.line, s.original, "fronted-adoption", origins, parent)]
