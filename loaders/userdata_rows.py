"""The rows of user data by kind (:mod:`loaders.userdata`): a zone, a document, a measure, an adoption.

Each handler reads one row's cells through the :class:`~loaders.userdata_builder._Builder`, which
checks them and adds the row's records; :data:`_HANDLERS` maps each kind to its handler.
"""

from __future__ import annotations

from collections.abc import Callable

from pftz.ground.names import normalize_name
from pftz.ground.schema import SCOPE_REGION_KEYS, Label, MeasureKind, Rel, Scope, ZoneKind
from pftz.loaders.documents import DocNumber, slug, title_key
from pftz.loaders.records import PropValue
from pftz.loaders.userdata_builder import (
    _MEASURE_KEY_RE,
    _MEASURE_KINDS,
    _SCOPES,
    _ZONE_KEY_RE,
    _ZONE_KINDS,
    _Builder,
    _collect,
    _date,
    _each,
    _one_number,
    _prefixes,
    _Row,
    _RowError,
    _split,
)


def _require(row: _Row, *cols: str) -> None:
    missing = [c for c in cols if not row.values.get(c)]
    if missing:
        raise _RowError("missing-value", f"no value for {', '.join(missing)} (required)")


# --------------------------------------------------------------------------- the four kinds


def _zone_row(b: _Builder, row: _Row) -> None:
    v = row.values
    _require(row, "key")
    key = v["key"]
    if not _ZONE_KEY_RE.match(key):
        raise _RowError(
            "bad-key", f"bad zone key {key!r}: use lowercase letters, digits and '-' (a sub-area: 'parent/sub-area')"
        )
    b.duplicate(("zones", key), row)
    ref = b.gaz.zones.get(key)
    known = b.known.zones.get(key)

    def kind() -> str | None:
        if not v["kind"]:
            if ref is None and known is None:
                raise _RowError("missing-value", f"no kind for the new zone {key!r} (required)")
            return None
        k = _ZONE_KINDS.get(normalize_name(v["kind"]))
        if k is None:
            allowed = ", ".join(repr(x.value) for x in ZoneKind)
            raise _RowError("bad-kind", f"bad zone kind {v['kind']!r}: one of {allowed}")
        if ref is not None and k.value != ref.kind:
            raise _RowError("conflict", f"zone {key!r} is a {ref.kind} in the reference data, not a {k.value}")
        return k.value

    def province() -> str | None:
        if not v["province"]:
            if ref is None and known is None:
                raise _RowError("missing-value", f"no province for the new zone {key!r} (required)")
            return None
        pk = b.province_key(v["province"])
        if ref is not None and pk != ref.province:
            raise _RowError("conflict", f"zone {key!r} lies in {ref.province!r} in the reference data, not {pk!r}")
        parent_ref = b.gaz.zones.get(key.partition("/")[0]) if "/" in key else None
        if parent_ref is not None and pk != parent_ref.province:
            msg = f"sub-area {key!r} lies in {pk!r} but its zone {parent_ref.key!r} lies in {parent_ref.province!r}"
            raise _RowError("conflict", msg)
        return pk

    def name() -> str:
        if not v["name"] and ref is None and known is None:
            raise _RowError("missing-value", f"no name for the new zone {key!r} (required)")
        return v["name"] or (ref.name if ref else known[0] if known else key)

    def parent() -> str | None:
        head = key.partition("/")[0]
        if "/" in key and head not in b.gaz.zones:
            raise _RowError("unknown-zone", f"sub-area {key!r} names an unknown parent zone {head!r}")
        return head if "/" in key else None

    kind_v, prov_v, name_v, parent_v = _collect(kind, province, name, parent)
    kind_v = kind_v or (ref.kind if ref else known[1].get("kind") if known else None)
    prov_v = prov_v or (ref.province if ref else known[1].get("province") if known else None)
    z = b.node(Label.ZONE, key, name_v, kind=kind_v, province=prov_v)
    if ref is None and known is None and isinstance(prov_v, str):
        b.rel(Rel.LOCATED_IN, z, b.region_ref(prov_v))
    if parent_v:
        b.rel(Rel.PART_OF, z, b._zone_node(parent_v))


def _document_row(b: _Builder, row: _Row) -> None:
    v = row.values
    if not v["number"] and not v["title"]:
        raise _RowError("missing-value", "no number and no title: a document needs at least one")

    def number() -> DocNumber | None:
        n = _one_number(v["number"])
        if v["number"] and n is None:
            raise _RowError(
                "bad-number",
                f"{v['number']!r} is not a document number in a known format "
                "(e.g. 'G.H. [2024] No. 156', 'MOC Order No. 1 in 2024', 'G.Fa. No. 9')",
            )
        return n

    num, date, issuers, zones = _collect(
        number,
        lambda: _date(v["date"]),
        _each(_split(v["issuers"]), b.body_ref),
        _each(_split(v["zones"]), b.zone_ref),
    )
    title = v["title"] or None
    key = b.number_key(num) if num is not None else None
    if title and (key is None or key.startswith("n:")):
        # like the report loader: a title names the document when the number does not
        key = b.known.doc_titles.get(title_key(title)) or key or f"t:{slug(title, 80)}"
    assert key is not None
    b.duplicate(("documents", key), row)
    name = f"{title} ({num.text})" if title and num else title or (num.text if num else key)
    if key in b.known.documents and not title:
        name = b.known.documents[key][0]
    props: dict[str, PropValue] = {"title": title, "date": date}
    if num is not None:
        props |= {"number": num.text, "prefix": num.prefix, "year": num.year, "serial": num.serial}
        pref = _prefixes().get(num.prefix)
        if pref is not None and pref.certain:  # as the report loader: a blank is better than a guess
            props["number_zh"] = num.chinese(pref.name_zh)
    doc = b.node(Label.DOCUMENT, key, name, **props)
    for body in issuers:
        b.rel(Rel.ISSUED_BY, doc, body)
    for z in zones:
        b.rel(Rel.NAMES_ZONE, doc, z, role="named")


def _measure_row(b: _Builder, row: _Row) -> None:
    v = row.values
    _require(row, "key")
    key = v["key"]
    if not _MEASURE_KEY_RE.match(key):
        raise _RowError(
            "bad-key", f"bad measure key {key!r}: use letters, digits and . _ : / - (e.g. 'user:hubei:smart-customs')"
        )
    b.duplicate(("measures", key), row)
    known = b.known.measures.get(key)

    def kind() -> str | None:
        if not v["kind"]:
            if known is None:
                raise _RowError("missing-value", f"no kind for the new measure {key!r} (required)")
            return None
        k = _MEASURE_KINDS.get(normalize_name(v["kind"]))
        if k is None:
            allowed = ", ".join(repr(x.value) for x in MeasureKind)
            raise _RowError("bad-kind", f"bad measure kind {v['kind']!r}: one of {allowed}")
        if known is not None and known[1].get("kind") not in (None, k.value):
            raise _RowError("conflict", f"measure {key!r} is a {known[1].get('kind')} in the report, not a {k.value}")
        return k.value

    def title() -> None:
        if not v["title"] and known is None:
            raise _RowError("missing-value", f"no title for the new measure {key!r} (required)")

    def scope() -> Scope | None:
        if not v["scope"]:
            return None
        s = _SCOPES.get(normalize_name(v["scope"]))
        if s is None:
            allowed = ", ".join(repr(x.value) for x in Scope)
            raise _RowError("bad-scope", f"bad scope {v['scope']!r}: one of {allowed}")
        return s

    kind_v, _, scope_v, origins, batch, doc = _collect(
        kind,
        title,
        scope,
        _each(_split(v["origin_zones"]), b.zone_ref),
        lambda: b.batch_ref(v["batch"]) if v["batch"] else None,
        lambda: b.document_ref(v["document"]) if v["document"] else None,
    )
    kind_v = kind_v or (known[1].get("kind") if known else None)
    name = v["title"] or (known[0] if known else key)
    m = b.node(
        Label.MEASURE, key, name, kind=kind_v, title=v["title"] or None, scope=scope_v.value if scope_v else None
    )
    for z in origins:
        b.rel(Rel.ORIGINATED_IN, m, z)
    if batch is not None:
        b.rel(Rel.IN_BATCH, m, batch)
    if doc is not None:
        b.rel(Rel.PROMOTED_BY, m, doc)
    if scope_v in SCOPE_REGION_KEYS:
        b.rel(Rel.REPLICATED_TO, m, b.region_ref(SCOPE_REGION_KEYS[scope_v]), scope=scope_v.value)
    elif scope_v is Scope.PROVINCE_WIDE:
        for z in origins:
            province = b.known.zones.get(z.key, ("", {}))[1].get("province")
            if z.key in b.gaz.zones:
                province = b.gaz.zones[z.key].province
            if isinstance(province, str) and province in b.gaz.provinces:
                b.rel(Rel.REPLICATED_TO, m, b.region_ref(province), scope=scope_v.value)


def _adoption_row(b: _Builder, row: _Row) -> None:
    v = row.values
    _require(row, "adopter", "measure")
    adopter, measure, date, batch = _collect(
        lambda: b.adopter_ref(v["adopter"]),
        lambda: b.measure_ref(v["measure"]),
        lambda: _date(v["date"]),
        lambda: b.batch_ref(v["batch"]) if v["batch"] else None,
    )
    what = f"{adopter.label.value}:{adopter.key} -> {measure.key} ({date or 'no date'}, {v['outcome'] or 'no outcome'})"
    b.duplicate(("adoptions", what), row)
    b.adoption(adopter, measure, date, row)
    b.rel(
        Rel.ADOPTED,
        adopter,
        measure,
        date=date,
        outcome=v["outcome"] or None,
        batch=batch.key if batch is not None else None,
    )


_HANDLERS: dict[str, Callable[[_Builder, _Row], None]] = {
    "zones": _zone_row,
    "documents": _document_row,
    "measures": _measure_row,
    "adoptions": _adoption_row,
}
