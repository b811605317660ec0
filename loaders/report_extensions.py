"""A pilot extended to a counted group of zones that the next sentence names, for :mod:`loaders.report`: pass
``counted-extensions``.

A ministry's release says a zone's pilot was extended "to six other pilot free trade zones" and names them in the
sentence after ("The zones now covered are those of Tianjin, Shanghai and Guangdong, together with the Chongqing
FTZ ..."). The words live in :mod:`loaders.lexicon`; nothing here names one text's zones or lines.
"""

from __future__ import annotations

import re

from pftz.ground.schema import DERIVED, Label, Rel
from pftz.loaders.documents import slug
from pftz.loaders.lexicon import EXTENSION_VERBS, alternation
from pftz.loaders.records import NodeRef
from pftz.loaders.report_context import NUMBER_WORDS, _Collector, _Context, _sentences

EXTENDED_TO_COUNT_RE = re.compile(
    rf"\b{alternation(EXTENSION_VERBS)}\b[^;]{{0,400}}?\bto\s+(?P<n>\d{{1,2}}|[a-z]+)\s+"
    r"(?:other|more|additional|further|new)\s+(?:pilot\s+free\s+trade\s+zones|(?:pilot\s+)?p?ftzs)\b",
    re.IGNORECASE,
)
"""A pilot extended to a counted group of zones: "has extended a pilot program for the "..." ... to six other pilot
free trade zones"."""
ZONES_NAMED_RE = re.compile(
    r"^(?:The|These|Those)\s+(?:[a-z]+\s+){0,2}(?:zones|FTZs|PFTZs|pilot free trade zones)\b|^They\b"
)
"""The next sentence opens with the group ("The zones now covered are ...", "These six FTZs are ...")."""
EXTENSION_RESOLVED = "the zones the next sentence names, as many as the count the extension states"


def _count(word: str) -> int | None:
    """A count in digits or words ("6", "six")."""
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word.lower())


def _counted_extensions(c: _Collector, ctx: _Context) -> None:
    """Rule: "<body> has extended the "<name>" pilot of <zone> to <n> other pilot free trade zones" followed by a
    sentence opening with the group ("The zones now covered are those of A, B and C, together with the D FTZ
    ..."): when that sentence names exactly ``n`` zones other than the case's own, each adopted the zone's case
    the narrative read in the first sentence (the sentence names no adopter: derived, the rule in ``resolved``).
    A count that differs from the zones named, or a sentence of no case, gives nothing. Not run on an edition."""
    if ctx.edition:
        return
    sents = [(p.line_at(off), s) for p, off, s in _sentences(ctx.paras)]
    for i, (line, s) in enumerate(sents[:-1]):
        if "other" not in s and "more" not in s and "additional" not in s:
            continue
        if (m := EXTENDED_TO_COUNT_RE.search(s)) is None or (n := _count(m.group("n"))) is None:
            continue
        cases = [f for f in ctx.story.cases if f.quote == s and len(f.zones) == 1]
        if len({(f.zones[0], f.name) for f in cases}) != 1:
            continue
        case = cases[0]
        origin = case.zones[0].split("/", 1)[0]
        nline, nxt = sents[i + 1]
        if not ZONES_NAMED_RE.match(nxt):
            continue
        nxt = nxt.split(";", 1)[0]  # "...; in Guangdong, the pilot will run initially in the Nansha Area"
        listed = [z for lst in c.find_zone_lists(nxt) for z in lst]
        single = [z for z in c.find_zones(nxt) if not any(x.start <= z.start < x.end for x in listed)]
        found = sorted([*listed, *single], key=lambda z: z.start)
        # after "The zones ... are", a bare province stands for its zone ("those of Tianjin, Shanghai, and Guangdong")
        bare = [
            (pm.start, zk)
            for pm in c.gaz.find_provinces(nxt)
            if not any(z.start <= pm.start < z.end for z in found) and (zk := c.gaz.zone_of_province(pm.key, "PFTZ"))
        ]
        ordered = sorted([(z.start, z.key.split("/", 1)[0]) for z in found] + bare)
        keys = [k for k in dict.fromkeys(k for _at, k in ordered) if k != origin and k in c.zone_refs]
        if len(keys) != n:
            continue
        c.rule = "counted-extension"
        measure = NodeRef(Label.MEASURE, f"case:{origin}:{slug(case.name)}")
        for k in keys:
            c.rel(
                Rel.ADOPTED, c.zone(k, nline, nxt), measure, line, s,
                origin=f"zone:{origin}", resolved=EXTENSION_RESOLVED, **{DERIVED: True},
            )  # fmt: skip
    c.rule = ""
