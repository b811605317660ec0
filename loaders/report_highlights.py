"""The cases a text tells after a zone's own batch released for replication across its province, for
:mod:`loaders.report`: pass ``province-wide-cases``.

A province's release of a zone's batch ("The General Office of the X Provincial People's Government has issued a notice
on replicating and promoting the sixth batch of ... of the China (X) Pilot Free Trade Zone ... Of the 26 achievements,
18 are to be applied province-wide") goes on to tell some of the batch's cases ("Among the highlights, the Y Area
created a "..."", "The Z Area contributed a ..."). Each is the province's adoption of the zone's case, though no
sentence says so of it: derived, the rule in ``resolved``. The words live in :mod:`loaders.lexicon`; nothing here
names one text's zones or lines.
"""

from __future__ import annotations

import re

from pftz.ground.schema import DERIVED, Label, Rel, Scope
from pftz.loaders.documents import slug
from pftz.loaders.lexicon import NATIONAL_SCOPES, alternation
from pftz.loaders.narrative_facts import DESIGNATED_RE, PROVINCE_SCOPE_RE
from pftz.loaders.records import NodeRef
from pftz.loaders.report_context import _Collector, _Context, _sentences

SCOPE_REACH = 3
"""How many sentences after the release may state its province-wide scope ("Of the 26 achievements, 18 are to be
applied province-wide")."""
SCOPE_OF_ITS_OWN_RE = re.compile(rf"{DESIGNATED_RE.pattern}|\b(?:{alternation(NATIONAL_SCOPES)})\b")
"""A scope other than the province's: a sentence naming it gives its case a scope of its own."""
OTHER_SCOPE_RE = re.compile(rf"{SCOPE_OF_ITS_OWN_RE.pattern}|\bbatch(?:es)?\b")
"""A sentence that turns to another scope or another batch: the cases after it are not told as the batch's."""
ASIDE_BEFORE_RE = re.compile(r",\s*(?:[a-z]+\s+){0,3}(?:for|as)\s+(?:its|their|the)\s+[\"“‘']?$")
"""A case named in an aside about its zone (``The X Area, long known for its "..." reform, contributed ...``): what
the zone did before, not an item of the batch."""
HIGHLIGHT_RESOLVED = (
    "a case of the zone the text tells after the release of the zone's own batch for replication across its province"
)


def _province_wide_cases(c: _Collector, ctx: _Context) -> None:
    """Rule: a zone's own batch released for replication across its province (the release's sentence, or one of the
    few after it, states a province-wide scope), then the cases of that zone the text tells in the sentences after the
    scope: each adopted by the zone's province (derived, the rule in ``resolved``). The telling ends at a sentence
    naming another scope (designated or eligible areas, the whole country) or a batch; a case told in a sentence of its
    own adoption elsewhere, a case with a scope of its own in its sentence or the next, a joint case, and a case the
    province adopted already give nothing. Not run on an edition."""
    if ctx.edition:
        return
    # the zones' own batches the text released (pass ``prose-batches-of-texts``): the zone and the line naming it
    owned = sorted(
        {
            (r.start.key, r.provenance.line)
            for r in c.relations
            if r.type is Rel.MEMBER_OF and r.start.label is Label.ZONE and r.end.key.startswith("provincial:")
        }
    )
    if not owned:
        return
    sents = [(p.line_at(off), s) for p, off, s in _sentences(ctx.paras)]
    adopted = {(r.start.key, r.end.key) for r in c.relations if r.type is Rel.ADOPTED}
    told = {a.quote for a in ctx.story.adoptions}
    c.rule = "province-wide-case"
    for owner, bline in owned:
        ref = c.zone_refs.get(owner)
        if ref is None or ref.province not in c.gaz.provinces:
            continue
        # the sentence naming the batch: the last one opening on or before its line that names a batch
        at = max((i for i, (ln, s) in enumerate(sents) if ln <= bline and "atch" in s), default=None)
        if at is None:
            continue
        scoped = next(
            (i for i in range(at, min(at + SCOPE_REACH + 1, len(sents))) if PROVINCE_SCOPE_RE.search(sents[i][1])),
            None,
        )
        if scoped is None:
            continue
        region = NodeRef(Label.REGION, ref.province)
        for i in range(scoped + 1, len(sents)):
            s = sents[i][1]
            if OTHER_SCOPE_RE.search(s):
                break
            nxt = sents[i + 1][1] if i + 1 < len(sents) else ""
            for f in ctx.story.cases:
                if f.quote != s or len(f.zones) != 1 or f.zones[0].split("/", 1)[0] != owner or s in told:
                    continue
                if PROVINCE_SCOPE_RE.search(nxt) or SCOPE_OF_ITS_OWN_RE.search(nxt):
                    continue  # "It will be promoted in eligible port areas ...": a scope of its own
                named = re.search(rf"\b{re.escape(f.name.split()[0])}\b", s)
                if named is not None and ASIDE_BEFORE_RE.search(s, 0, named.start()):
                    continue
                measure = NodeRef(Label.MEASURE, f"case:{owner}:{slug(f.name)}")
                if (region.key, measure.key) in adopted:
                    continue
                adopted.add((region.key, measure.key))
                c.rel(
                    Rel.ADOPTED, c.region(ref.province, f.line, s), measure, f.line, s,
                    scope=str(Scope.PROVINCE_WIDE), origin=f"zone:{owner}", resolved=HIGHLIGHT_RESOLVED,
                    **{DERIVED: True},
                )  # fmt: skip
    c.rule = ""
