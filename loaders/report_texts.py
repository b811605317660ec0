"""Batches, notices and named adoptions of a text that is not an edition, for :mod:`loaders.report`: passes
``prose-batches-of-texts`` and ``named-adoptions`` (the batches an edition's prose names are read in
:mod:`loaders.report_prose`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pftz.ground.schema import DERIVED, SCOPE_REGION_KEYS, Label, MeasureKind, Rel, Scope
from pftz.loaders.documents import slug
from pftz.loaders.narrative import CaseFact
from pftz.loaders.paper_prose import named_adoptions
from pftz.loaders.prose_batches import (
    ProseBatch,
    batch_items,
    prose_batches,
    scoped_examples,
)
from pftz.loaders.prose_notices import ScopedItem, notice_items, scope_places
from pftz.loaders.quotes import quoted_spans
from pftz.loaders.records import NodeRef, PropValue, Relation
from pftz.loaders.report_context import (
    KIND_OF_BATCH,
    _adoption_date,
    _Collector,
    _Context,
    _para_sentences,
    _sentences,
    batch_kind,
)
from pftz.loaders.report_prose import BATCH_ITEM_RESOLVED, _names_innovations
from pftz.loaders.report_tables import _batch_key, _batch_name, _batch_node

# --------------------------------------------------------------------------- batches and notices in prose
NATIONAL_SERIES_ONLY = "institutional-innovations"
"""The batch kind a zone's own batches share: a batch of this kind named without issuer or owner is not national."""
NOTICE_SHALL_RE = re.compile(r"^\s*(?:shall|is to|will)\b")
"""After a body a notice orders to act: "The Ministry of Commerce shall, together with ..."."""
NOTICE_ITEM_RESOLVED = "an item the notice lists after naming the batch it replicates (the newest named before)"


def _read_prose_batches(c: _Collector, ctx: _Context) -> None:
    """Batches a text that is not an edition names in prose, and the items a notice lists under scopes
    (:mod:`loaders.prose_batches`): nodes and edges, each with the rule in its provenance.

    A batch with a national body acting on it, or of a national series (best practices, reform experience),
    is national, with the body ``RESPONSIBLE_FOR`` it; one a zone or province releases is the zone's own. A
    notice's item is a measure of the newest national batch named before the list (in prose, or released by the
    notice's own title or number: pass ``document-batches``), adopted in its scope
    (the scope as printed in ``adopter`` when narrower), with its bodies and origin zones.
    """
    if ctx.edition:
        return  # an edition's batches are read from its tables and their passages
    c.rule = "prose-batch"
    national: list[tuple[ProseBatch, NodeRef, str]] = []
    found = prose_batches(
        ctx.paras,
        _para_sentences,
        c.find_zones,
        c.gaz.find_bodies,
        c.gaz.find_provinces,
        lambda k: k if k in c.zone_refs else None,
    )
    for b in found:
        if not _names_innovations(b.what):
            continue  # "the Ninth Batch of Authorized Items": a batch of other things
        at = b.sentence.find(b.phrase)
        # the words after it up to the clause's end or the next batch ("..., and the sixth batch of best practices")
        tail = re.split(r"[,;:]|\b[Bb]atch\b", b.sentence[at + len(b.phrase) : at + len(b.phrase) + 40], maxsplit=1)[0]
        kind = batch_kind(b.what + " " + tail, ctx.profile)  # the words after it, up to the clause's end
        if b.owner:
            bkey = _batch_key("provincial", "institutional-innovations", b.ordinal, b.owner)
            props: dict[str, PropValue] = {"kind": "institutional-innovations", "level": "provincial"}
            ref = _batch_node(
                c, ctx, bkey, _batch_name("institutional-innovations", b.ordinal, c.zone_name(b.owner)), b.line,
                b.sentence, **props, ordinal=b.ordinal, count=b.count,
            )  # fmt: skip
            c.rel(Rel.MEMBER_OF, c.zone(b.owner, b.line, b.sentence), ref, b.line, b.sentence)
            continue
        body = c.gaz.body_ref(b.body.key) if b.body else None
        if (body is None or body.level == "local") and kind == NATIONAL_SERIES_ONLY:
            continue
        bkey = _batch_key("national", kind, b.ordinal)
        ref = _batch_node(
            c, ctx, bkey, _batch_name(kind, b.ordinal), b.line, b.sentence,
            kind=kind, level="national", ordinal=b.ordinal, count=b.count,
        )  # fmt: skip
        local = body is None or body.level == "local"
        if b.body is not None and not local and (node := c.body(b.body.key, b.line, b.sentence, b.body.text)):
            c.rel(Rel.RESPONSIBLE_FOR, node, ref, b.line, b.sentence)
        national.append((b, ref, kind))
    _prose_batch_examples(c, ctx, national, ctx.story.cases)
    _scoped_examples(c, ctx, [b for b in found if b.owner], ctx.story.cases)
    items = notice_items(ctx.paras, c.find_zones, c.gaz.find_bodies, c.find_zone_lists)
    c.rule = "notice-item"
    if items:  # a notice: a body it orders to carry the replication out ("The Ministry of Commerce shall ...")
        for p, off, s in _sentences(ctx.paras):
            for bm in c.gaz.find_bodies(s):
                if NOTICE_SHALL_RE.match(s[bm.end :]) and (known := c.gaz.body_ref(bm.key)) and known.level != "local":
                    c.body(bm.key, p.line_at(off), s, bm.text)
    # a batch the notice's own title or number releases (pass ``document-batches``) counts as one named before
    released = [(int(b.ref.key.rsplit(":", 1)[1]), b.ref, b.kind, b.line) for b in ctx.prose_batches if b.released]
    named = [(b.ordinal, ref, kind, b.line) for b, ref, kind in national] + released
    owned = [b for b in found if b.owner and b.owner in c.zone_refs]
    # an item the narrative read with its zone and where it is replicated (rule ``listed-item``) is read there
    itemised = {f.line for f in ctx.story.cases if f.rule == "listed-item"}
    for it in items:
        if it.listed and it.line in itemised:
            continue
        before = [(o, ref, kind) for o, ref, kind, ln in named if ln <= it.line]
        batch = max(before, key=lambda x: x[0], default=None)
        if it.listed:
            own = [b for b in owned if b.line <= it.line]
            last_national = max((ln for *_x, ln in named if ln <= it.line), default=0)
            if own and own[-1].line >= last_national:  # the zone's own batch named last before the list
                _owned_list_item(c, it, own[-1])
                continue
            if batch is None:
                continue  # a list after a lead, of no batch named before it: not read
        key = f"{batch[1].key if batch else 'notice'}:{slug(it.name)}"
        mkind = KIND_OF_BATCH.get(batch[2], MeasureKind.INNOVATION) if batch else MeasureKind.INNOVATION
        scope = str(it.scope) if it.scope else None
        m = c.node(Label.MEASURE, key, it.name, it.line, it.quote, kind=str(mkind), title=it.name, scope=scope)
        if batch is not None:
            # the list's place under the notice puts the item in the batch; no sentence says so of it
            c.rel(Rel.IN_BATCH, m, batch[1], it.line, it.quote, resolved=NOTICE_ITEM_RESOLVED, **{DERIVED: True})
        for z in (*it.zones, *it.partners):
            c.rel(Rel.ORIGINATED_IN, m, c.zone(z.key, it.line, it.quote), it.line, it.quote)
        for bm in it.bodies:
            if node := c.body(bm.key, it.line, it.quote, bm.text):
                c.rel(Rel.RESPONSIBLE_FOR, node, m, it.line, it.quote)
        if it.listed and it.scope is None and not it.places:
            continue  # a list whose lead states no scope, nor the item its own: no adoption
        target = SCOPE_REGION_KEYS.get(it.scope) if it.scope else None
        region = c.region(target or SCOPE_REGION_KEYS[Scope.NATIONWIDE], it.line, it.quote)
        # the whole scope ("nationwide", "across the country"), or a narrower one as printed ("the pilot free trade
        # zones", "special customs supervision areas")
        whole = it.scope is Scope.NATIONWIDE or (target is not None and it.where.lower() == str(it.scope).lower())
        if whole:
            c.rel(Rel.REPLICATED_TO, m, region, it.line, it.quote, scope=scope)
        for z in it.places:  # the zones the item's own scope names ("..., to be replicated in the PFTZs in A and B")
            c.rel(Rel.ADOPTED, c.zone(z.key, it.line, it.quote), m, it.line, it.quote, scope=scope)
        for where in (scope_places(it.where) or [""]) if it.listed else [it.where]:
            if where or not it.places:
                c.rel(Rel.ADOPTED, region, m, it.line, it.quote, scope=scope, adopter=where)
    c.rule = ""


OWNED_LIST_RESOLVED = "an item a text lists after naming a zone's own batch: of that zone, in that batch"


def _owned_list_item(c: _Collector, it: ScopedItem, batch: ProseBatch) -> None:
    """An item listed after a lead under a zone's own batch (a province's notice: "... the eighth batch submitted by
    the Sichuan FTZ, which are hereby issued for replication throughout the province. The items are: 1. ..."): the
    zone's case (of the area its parenthesis names, else of the batch's zone, derived), with its co-authors ("...,
    jointly explored with <zone>": a joint innovation), in the batch (derived), adopted by the zone's province when
    the lead states a province-wide scope."""
    owner = str(batch.owner)
    key = f"case:{owner}:{slug(it.name)}"
    joint = bool(it.partners)
    props: dict[str, PropValue] = {"joint": True, "cross_regional": True} if joint else {}
    kind = str(MeasureKind.PROVINCIAL)
    m = c.node(Label.MEASURE, key, it.name, it.line, it.quote, kind=kind, title=it.name, **props)
    if it.zones:
        for z in it.zones:
            c.rel(Rel.ORIGINATED_IN, m, c.zone(z.key, it.line, it.quote), it.line, it.quote)
    else:
        c.rel(Rel.ORIGINATED_IN, m, c.zone(owner, it.line, it.quote), it.line, it.quote,
              resolved=OWNED_LIST_RESOLVED, **{DERIVED: True})  # fmt: skip
    for z in it.partners:
        c.rel(Rel.ORIGINATED_IN, m, c.zone(z.key, it.line, it.quote), it.line, it.quote)
    bkey = _batch_key("provincial", "institutional-innovations", batch.ordinal, owner)
    c.rel(Rel.IN_BATCH, m, NodeRef(Label.BATCH, bkey), it.line, it.quote, resolved=OWNED_LIST_RESOLVED,
          **{DERIVED: True})  # fmt: skip
    province = c.zone_refs[owner].province if owner in c.zone_refs else None
    if it.scope is Scope.PROVINCE_WIDE and province in c.gaz.provinces:
        region = c.region(str(province), it.line, it.quote)
        c.rel(Rel.REPLICATED_TO, m, region, it.line, it.quote, scope=str(it.scope))
        c.rel(Rel.ADOPTED, region, m, it.line, it.quote, scope=str(it.scope))


BATCH_EXAMPLE_RESOLVED = "an example in the sentence after the one on the batch"
ANAPHOR_RESOLVED = "the zone case named last before the anaphor in its paragraph"
"""``resolved`` of the derived ``IN_BATCH`` edge of an innovation a text gives as an example of a batch."""


def _prose_batch_examples(
    c: _Collector, ctx: _Context, national: Sequence[tuple[ProseBatch, NodeRef, str]], cases: Sequence[CaseFact]
) -> None:
    """The innovations a sentence on a national batch names (:func:`loaders.prose_batches.batch_items`): measures of
    the batch, with their origin zones and the national scope the sentence states. An item printed as an anaphor
    ("include the practice in the sixth batch") is the zone case named last before it in its paragraph (derived)."""
    refs = {id(b): (ref, kind) for b, ref, kind in national}
    c.rule = "prose-batch-item"

    def quoted(s: str) -> list[tuple[int, int, str]]:
        return [(q.start, q.end, q.name) for q in quoted_spans(s)]

    listed = [b for b, _r, _k in national]
    for it in batch_items(ctx.paras, _para_sentences, listed, quoted, c.find_zones, c.gaz.find_provinces):
        ref, kind = refs[id(it.batch)]
        if not it.name:
            before = sorted(
                (f for f in cases if it.since <= f.line <= it.line and f.zones and f.quote != it.quote),
                key=lambda f: f.line,
            )
            if before:
                f = before[-1]
                m = NodeRef(Label.MEASURE, f"case:{f.zones[0].split('/', 1)[0]}:{slug(f.name)}")
                c.rel(Rel.IN_BATCH, m, ref, it.line, it.quote, resolved=ANAPHOR_RESOLVED, **{DERIVED: True})
                if it.scope in SCOPE_REGION_KEYS:
                    region = c.region(SCOPE_REGION_KEYS[it.scope], it.line, it.quote)
                    c.rel(Rel.ADOPTED, region, m, it.line, it.quote, scope=str(it.scope), resolved=ANAPHOR_RESOLVED)
            continue
        mkind = str(KIND_OF_BATCH.get(kind, MeasureKind.INNOVATION))
        # the batch's passage may have been read already (:func:`_prose_batch_items`): the same item, one node
        said = c.prov(it.line, it.quote).quote
        read = [r.start for r in c.relations if r.type is Rel.IN_BATCH and r.end == ref and r.provenance.quote == said]
        same = [m for m in read if m.key.startswith(f"{ref.key}:") and m.key[len(ref.key) + 1 :] in slug(it.name)]
        if not same:  # a zone's case this sentence names, put in the batch after its release: this fuller item
            c.relations = [r for r in c.relations if not _shorter_case_of(r, ref, said, it.name)]
        key = f"{ref.key}:{slug(it.name)}"
        m = same[0] if same else c.node(Label.MEASURE, key, it.name, it.line, it.quote, kind=mkind, title=it.name)
        if same:
            pass  # its batch edge is there
        elif it.stated:
            c.rel(Rel.IN_BATCH, m, ref, it.line, it.quote, resolved="named in the sentence on the batch")
        else:
            c.rel(Rel.IN_BATCH, m, ref, it.line, it.quote, resolved=BATCH_EXAMPLE_RESOLVED, **{DERIVED: True})
        for z in it.zones:
            c.rel(Rel.ORIGINATED_IN, m, c.zone(z.key, it.line, it.quote), it.line, it.quote)
        if it.scope in SCOPE_REGION_KEYS:
            region = c.region(SCOPE_REGION_KEYS[it.scope], it.line, it.quote)
            c.rel(Rel.ADOPTED, region, m, it.line, it.quote, scope=str(it.scope))
        if it.adopter is not None:  # "Shanxi Province has applied the "..." model": the clause's place adopted it
            place = c.zone(it.adopter.key, it.line, it.quote) if it.adopter_kind == "zone" else None
            if place is None and it.adopter.key in c.gaz.provinces:
                place = c.region(it.adopter.key, it.line, it.quote)
            if place is not None:
                c.rel(Rel.ADOPTED, place, m, it.line, it.quote, date=_adoption_date(it.quote))


def _shorter_case_of(r: Relation, ref: NodeRef, said: str, name: str) -> bool:
    """Whether ``r`` puts into batch ``ref`` a zone's case of sentence ``said`` (pass ``prose-batch-items``, derived)
    whose name lies within the item ``name`` the sentence gives as the batch's example ("the "cold-chain passport"
    for imported vaccines first tried in Hubei FTZ"): the example is that innovation, one node."""
    return (
        r.type is Rel.IN_BATCH
        and r.end == ref
        and r.provenance.quote == said
        and r.properties.get("resolved") == BATCH_ITEM_RESOLVED
        and r.start.key.startswith("case:")
        and r.start.key.split(":", 2)[2] in slug(name)
    )


SCOPED_BATCH_RESOLVED = "the zone's own batch the text names last before the example"
COORDINATED_RESOLVED = "a coordinated innovation zone's example, of the PFTZ whose own batch the text names before it"


def _scoped_examples(c: _Collector, ctx: _Context, owned: Sequence[ProseBatch], cases: Sequence[CaseFact]) -> None:
    """The examples a text names after a lead of scope (:func:`loaders.prose_batches.scoped_examples`): the zone's
    cases (the narrative's node when it read the same one), replicated over its province when the lead says so,
    items of the zone's own batch named last before them (derived)."""
    c.rule = "scoped-example"
    for ex in scoped_examples(ctx.paras, _para_sentences, c.find_zones):
        owners = [b.owner for b in owned if b.owner and b.line <= ex.line]
        if ex.zone is None and not owners:
            continue  # a coordinated innovation zone of no PFTZ the text names
        top = ex.zone.key.split("/", 1)[0] if ex.zone else owners[-1]
        same = [
            f
            for f in cases
            if f.quote == ex.quote and f.zones and f.zones[0].split("/", 1)[0] == top and slug(f.name) in slug(ex.name)
        ]
        if same:
            m = NodeRef(Label.MEASURE, f"case:{top}:{slug(same[0].name)}")
        else:
            key = f"case:{top}:{slug(ex.name)}"
            m = c.node(Label.MEASURE, key, ex.name, ex.line, ex.quote, kind=str(MeasureKind.PROVINCIAL), title=ex.name)
            if ex.zone is not None:
                c.rel(Rel.ORIGINATED_IN, m, c.zone(ex.zone.key, ex.line, ex.quote), ex.line, ex.quote)
            else:  # "the Ezhou coordinated innovation zone's ...": of the PFTZ whose batch the text tells
                c.rel(Rel.ORIGINATED_IN, m, c.zone(top, ex.line, ex.quote), ex.line, ex.quote,
                      resolved=COORDINATED_RESOLVED, **{DERIVED: True})  # fmt: skip
        batch = [b for b in owned if b.owner == top and b.line <= ex.line]
        if batch:
            bkey = _batch_key("provincial", "institutional-innovations", batch[-1].ordinal, top)
            c.rel(Rel.IN_BATCH, m, NodeRef(Label.BATCH, bkey), ex.line, ex.quote, resolved=SCOPED_BATCH_RESOLVED,
                  **{DERIVED: True})  # fmt: skip
        province = c.zone_refs[top].province if top in c.zone_refs else None
        if ex.scope is Scope.PROVINCE_WIDE and province in c.gaz.provinces:
            region = c.region(province, ex.line, ex.quote)
            c.rel(Rel.REPLICATED_TO, m, region, ex.line, ex.quote, scope=str(ex.scope))
            c.rel(Rel.ADOPTED, region, m, ex.line, ex.quote, scope=str(ex.scope), origin=f"zone:{top}")
    c.rule = ""


NAMED_RESOLVED = "the one case of that zone the text names before: the innovation named by the zone's place"


def _named_adoptions(c: _Collector, ctx: _Context) -> None:
    """Adoptions of an innovation named by its zone's place (:func:`loaders.paper_prose.named_adoptions`): of the one
    case of that zone the text names before, kept as printed (``as_printed``); none when the zone has several."""
    if ctx.edition:
        return  # a paper's or a release's phrasing; an edition's adoptions are the narrative's
    c.rule = "named-adoption"
    for na in named_adoptions(ctx.paras, _para_sentences, c.find_zones, c.gaz.find_provinces, c.gaz.find_zone_lists):
        known = {
            f.name for f in ctx.story.cases if f.zones and f.zones[0].split("/", 1)[0] == na.zone and f.line <= na.line
        }
        if len({slug(n) for n in known}) != 1:
            continue
        name = next(iter(known))
        m = NodeRef(Label.MEASURE, f"case:{na.zone}:{slug(name)}")
        for kind, place in na.adopters:
            top = place.key.split("/", 1)[0]
            if top == na.zone:
                continue
            if kind == "zone":
                node = c.zone(place.key, na.line, na.quote)
            elif place.key in c.gaz.provinces:
                node = c.region(place.key, na.line, na.quote)
            else:
                continue
            c.rel(
                Rel.ADOPTED, node, m, na.line, na.quote, as_printed=na.printed, origin=f"zone:{na.zone}",
                resolved=NAMED_RESOLVED, date=_adoption_date(na.quote),
            )  # fmt: skip
    c.rule = ""
