"""The batch phrases and the batch tables of :mod:`loaders.report`: passes ``batch-phrases``,
``national-batches`` and ``provincial-batches``, and the batch nodes every pass builds.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from pftz.ground.schema import ALIAS_SEPARATOR, DERIVED, SCOPE_REGION_KEYS, Label, MeasureKind, Rel, Scope
from pftz.loaders.documents import (
    clean_title,
    parse_date,
    slug,
    title_key,
)
from pftz.loaders.lexicon import (
    BATCH_ITEM_TAILS,
    CARDINALS,
    PLACE_SCOPE_LEADS,
    PROVINCE_SCOPES,
    PROVINCE_SCOPES_MORE,
    alternation,
)
from pftz.loaders.records import (
    NodeRef,
    PropValue,
    Table,
    TableRow,
)
from pftz.loaders.report_context import (
    _ORD,
    BATCH_PHRASE_RE,
    KIND_OF_BATCH,
    ORDINAL_WORDS,
    _Collector,
    _Context,
    _ordinal,
    _sentences,
    _uses_group,
    _zones_in,
    batch_kind,
    normalize_scope,
    stated_patterns,
)
from pftz.loaders.report_documents import (
    _doc_mentions,
    _doc_node,
    _flush_reviews,
    _issuers,
    _prefix_issuer,
    _register_doc,
    _title_issuers,
)
from pftz.loaders.table_cells import cell_examples, cell_names
from pftz.loaders.text import (
    Paragraph,
    sentences,
)


# --------------------------------------------------------------------------- national batches
def _collect_batch_phrases(c: _Collector, ctx: _Context) -> None:
    """Every phrase naming a batch ("the fifth batch of 23 best practices"), its kind, ordinal and size, for the
    passes after it; it records nothing itself."""
    for p, off, s in _sentences(ctx.paras):
        if "batch" not in s.lower():
            continue  # a quick test before the costly pattern, which needs the word
        for m in BATCH_PHRASE_RE.finditer(s):
            size = m.group("count") or m.group("count_after")
            count = int(size) if size else None
            # the words after the name tell its kind when the name is cut short, up to the clause's end
            tail = re.split(r"[,;:]", s[m.end() : m.end() + 40], maxsplit=1)[0]
            ctx.batch_phrases.append(
                (
                    batch_kind(m.group("what") + " " + tail, ctx.profile),
                    _ordinal(m.group("ord")),
                    count,
                    s,
                    p.line_at(off),
                    m.group(0),
                )
            )


BATCH_BEFORE_REACH = 2
"""Lines back from a list of measures within which the batch they belong to is named."""


def _batch_named_before(c: _Collector, ctx: _Context, line: int, sentence: str) -> NodeRef | None:
    """Rule: a list of measures ("Of the 26 measures, 15 are to be replicated ..., including A, B") belongs to the
    national batch named last before it, in its sentence or the sentence before, when that batch is known."""
    known = {e.key for e in c.entities if e.label is Label.BATCH and e.properties.get("level") == "national"}
    before: list[str] = []
    # the lines of its paragraph count as one (a re-wrapped copy prints the sentence before lines earlier)
    para = next((p for p in ctx.paras if p.line <= line <= p.end_line), None)
    start = para.line if para else line
    for kind, ordinal, _n, s, ln, _p in ctx.batch_phrases:  # in text order
        if ln > line:
            break
        if ln == line and para is not None and s != sentence and para.text.find(s) > para.text.find(sentence) >= 0:
            break  # a later sentence of the same line is not before the list
        if ln >= min(start, line - BATCH_BEFORE_REACH):
            before.append(_batch_key("national", kind, ordinal))
        if s == sentence:
            break
    found = [k for k in before if k in known]
    return NodeRef(Label.BATCH, found[-1]) if found else None


def _table_batch(ctx: _Context, t: Table) -> tuple[str, int] | None:
    """Identify the national batch a table lists, from its caption and the text."""
    caption_kind = batch_kind(t.caption, ctx.profile)
    if m := re.search(rf"\b({_ORD}) Batch\b", t.caption, re.IGNORECASE):
        return caption_kind, _ordinal(m.group(1))
    n = len(t.rows)
    scored: list[tuple[int, str, int]] = []
    cap_words = set(title_key(t.caption).split())
    for kind, ordinal, count, s, _line, phrase in ctx.batch_phrases:
        if count != n:
            continue
        overlap = len(cap_words & set(title_key(phrase + " " + s).split()))
        scored.append((overlap, kind, ordinal))
    if not scored:
        return None
    scored.sort(reverse=True)
    return scored[0][1], scored[0][2]


def _batch_key(level: str, kind: str, ordinal: int, owner: str = "") -> str:
    return f"{level}:{owner + ':' if owner else ''}{kind}:{ordinal}"


YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")
"""A year: a batch a zone names by its year ("2026 batch") rather than its ordinal."""


def _batch_name(kind: str, ordinal: int, owner: str = "") -> str:
    if ordinal >= 1900:  # a batch named by its year
        return f"{owner + ': ' if owner else ''}{ordinal} batch of {kind.replace('-', ' ')}"
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(ordinal if ordinal < 20 else ordinal % 10, "th")
    what = kind.replace("-", " ")
    return f"{owner + ': ' if owner else ''}{ordinal}{suffix} batch of {what}"


def _batch_node(
    c: _Collector, ctx: _Context, key: str, name: str, line: int, quote: str, **props: PropValue
) -> NodeRef:
    if key in ctx.batch_dates:  # the date goes with the sentence that prints it
        date, dline, dquote = ctx.batch_dates[key]
        c.node(Label.BATCH, key, name, dline, dquote, **{**props, "date": date})
    return c.node(Label.BATCH, key, name, line, quote, **props)


def _extract_national(c: _Collector, ctx: _Context) -> None:
    """The national batches (a table with a measure column): their measures, documents, bodies and scopes,
    checked against the totals the text states."""
    tables, milestones = ctx.tables, ctx.milestones
    measures = ctx.national
    found_by_scope: Counter[tuple[str, str]] = Counter()
    _date_national_batches(ctx, milestones)
    for t in (t for t in tables if "measure" in c.profile.columns_of(t.columns)):
        ident = _table_batch(ctx, t)
        if ident is None:
            c.warn("batch-unknown", f"cannot tell which national batch Table {t.id} lists", t.line)
            continue
        batch = _national_batch(c, ctx, t, *ident)
        for row in t.rows:
            measure, scope = _national_row(c, ctx, batch, row)
            measures.append(measure)
            if scope is not None:
                found_by_scope[(batch.kind, str(scope))] += 1
    national = [t for t in tables if "measure" in c.profile.columns_of(t.columns)]
    # the part that holds the national tables, as the edition names it
    where = c.outline.path_at(national[0].line).split(" > ")[0] if national else ""
    _check_national_totals(c, ctx, measures, found_by_scope, where or "the national batch tables")
    _flush_reviews(c, ctx)
    _document_wordings(c, ctx)


def _document_wordings(c: _Collector, ctx: _Context) -> None:
    """Every wording of a document's title, once all are known (after the merges)."""
    for key, d in ctx.docs.items():
        if (len(d.titles) > 1 or d.printed) and key in ctx.doc_seen:
            line, quote = ctx.doc_seen[key]
            _doc_node(c, ctx, key, line, quote, aliases=ALIAS_SEPARATOR.join([*d.titles[1:], *d.printed]))


BATCH_FROM_RE = re.compile(rf"(?P<count>\d+) (?P<what>[\"“]?[A-Za-z][A-Za-z \"“”]*?) from the (?P<ord>{_ORD}) batch")
"""A count of innovations from a batch: "23 best practices from the fifth batch"."""
BATCH_IN_RE = re.compile(
    rf"(?P<count>\d+) (?P<what>[\"“]?[A-Za-z][A-Za-z \"“”]*?) (?:{alternation(BATCH_ITEM_TAILS)} )?"
    rf"in the (?P<ord>{_ORD}) batch"
)
"""A count of innovations in a batch: "24 successful reform experience promoted by departments in the third batch"."""


def _date_national_batches(ctx: _Context, milestones: Sequence[Paragraph]) -> None:
    """Rule: a dated milestone naming a batch ("the fifth batch of ...", "23 ... from the fifth batch") dates it."""
    for p in milestones:
        d = parse_date(p.text)
        if not d:
            continue
        when = (d[0], p.line, p.text)
        for m in BATCH_PHRASE_RE.finditer(p.text):
            kind = batch_kind(m.group("what") + " " + p.text[m.end() : m.end() + 40], ctx.profile)
            ctx.batch_dates.setdefault(_batch_key("national", kind, _ordinal(m.group("ord"))), when)
        for m in BATCH_FROM_RE.finditer(p.text):
            kind = batch_kind(m.group("what"), ctx.profile)
            ctx.batch_dates.setdefault(_batch_key("national", kind, _ordinal(m.group("ord"))), when)
        for m in BATCH_IN_RE.finditer(p.text):
            kind = batch_kind(m.group("what") + " " + m.group(0), ctx.profile)
            ctx.batch_dates.setdefault(_batch_key("national", kind, _ordinal(m.group("ord"))), when)


@dataclass(frozen=True)
class _NationalBatch:
    """A table of measures read as a national batch: its node, kind, releasing documents and date."""

    ref: NodeRef
    kind: str
    table: Table
    release_docs: tuple[str, ...]
    date: str | None
    pilot_groups: tuple[str, ...] = ()
    """Groups whose pilots the batch's releasing document extends (their members piloted every row)."""


def _national_batch(c: _Collector, ctx: _Context, t: Table, kind: str, ordinal: int) -> _NationalBatch:
    """Rule: a table of measures is a national batch; its preamble names the releasing document."""
    bkey = _batch_key("national", kind, ordinal)
    release_docs: list[str] = []
    for _ln, text in t.preamble:
        for number, _title, start, _end in _doc_mentions(text):
            if number is not None:
                release_docs.append(_register_doc(ctx, number, clean_title(text[:start]) or None))
                if release_docs[-1] in ctx.doc_dates and bkey not in ctx.batch_dates:
                    ctx.batch_dates[bkey] = ctx.doc_dates[release_docs[-1]]
                    break
    name = _batch_name(kind, ordinal)
    props: dict[str, PropValue] = {"kind": kind, "level": "national", "ordinal": ordinal, "count": len(t.rows)}
    batch = _batch_node(c, ctx, bkey, name, t.line, t.caption, **props)
    table = t.printed
    ctx.batch_tables[bkey] = table
    for dkey in release_docs:
        doc = _doc_node(c, ctx, dkey, t.line, t.caption)
        c.rel(Rel.RELEASED_BY, batch, doc, t.line, t.caption, resolved=f"the document in the preamble of {table}")
    for phrase in ctx.batch_phrases:
        if phrase[0] == kind and phrase[1] == ordinal and phrase[2] is not None:
            c.check(f"measures in the {name}", phrase[2], len(t.rows), phrase[4])
            break
    date = ctx.batch_dates.get(bkey, ("", 0, ""))[0] or None
    if bkey in ctx.batch_dates:
        for dkey in release_docs:
            # the document that released the batch is dated by the sentence dating the release
            ctx.doc_dates.setdefault(dkey, ctx.batch_dates[bkey])
            _doc_node(c, ctx, dkey, *ctx.batch_dates[bkey][1:])
    groups = tuple(g for g in ctx.groups if _extends_pilots(c, ctx, g, release_docs))
    return _NationalBatch(batch, kind, t, tuple(release_docs), date, groups)


def _extends_pilots(c: _Collector, ctx: _Context, group: str, release_docs: Sequence[str]) -> bool:
    """Rule: the paragraph that launched a group's pilots goes on to name the batch's releasing document
    ("... launching pilot programs first in PFTZs of ... In October 2024, the "Notice ..." (G.H. [2024]
    No. 156) was released, which extended the replication and scaling of 30 pilot measures ...")."""
    start = _pilot_start(c, ctx, group)
    if start is None:
        return False
    para = next((p for p in ctx.paras if start[2] in p.text), None)
    if para is None:
        return False
    named = {_register_doc(ctx, n, t) for n, t, _s, _e in _doc_mentions(para.text) if n is not None and n.complete}
    return bool(named & set(release_docs))


TRUNCATED_NUMBER_RE = re.compile(r"\((?P<prefix>[A-Z][A-Za-z]{0,3}(?:\.[A-Z][A-Za-z]{0,3})*\.?)[^()]{0,12}$")
"""A cell that ends inside a document number: ``... for 2022 (G.Z.C.B.H``."""
NO_DOCUMENT = frozenset(("N/A", "NA", "-", ""))


def _national_row(c: _Collector, ctx: _Context, b: _NationalBatch, row: TableRow) -> tuple[NodeRef, Scope | None]:
    """Rule: a row of a national batch's table is a measure of the batch, with scope, documents, bodies and
    origin zones (the columns are found by their roles in the edition profile)."""
    v = row.values
    cols = c.profile.columns_of(b.table.columns)
    quote = " | ".join(x for x in v.values() if x)
    title = v.get(cols.get("measure", cols.get("document_title", "")), "")
    scope_cell = v.get(cols.get("scope", ""), "")
    year = v.get(cols.get("year", ""), "")
    scope = normalize_scope(scope_cell)
    short = title if len(title) <= 160 else title[:157].rsplit(" ", 1)[0] + "..."
    measure = c.node(
        Label.MEASURE,
        f"{b.ref.key}:{row.number}",
        short,
        row.line,
        quote,
        kind=str(KIND_OF_BATCH.get(b.kind, MeasureKind.INNOVATION)),
        title=title,
        scope=str(scope) if scope else scope_cell or None,
        row=row.number,
        year=int(year) if year.isdigit() else None,
    )
    in_table = f"row of {b.table.printed}"
    c.rel(Rel.IN_BATCH, measure, b.ref, row.line, quote, row=row.number, resolved=in_table)
    if scope in SCOPE_REGION_KEYS:
        # a row's own year (Table 2) dates its replication; a batch's release date stays on the batch
        target = c.region(SCOPE_REGION_KEYS[scope], row.line, quote)
        c.rel(Rel.REPLICATED_TO, measure, target, row.line, quote, scope=str(scope), date=year or None)
    elif scope_cell:
        c.warn("scope-unknown", f"Table {b.table.id} row {row.number}: scope {scope_cell!r} not understood", row.line)
    for dkey in b.release_docs:
        doc = _doc_node(c, ctx, dkey, row.line, quote)
        c.rel(
            Rel.PROMOTED_BY, measure, doc, row.line, quote, resolved=f"{in_table}, released by its preamble's document"
        )
    _row_documents(c, ctx, measure, row, v.get(cols.get("document", ""), ""), quote)
    for col in [h for h in b.table.columns if c.profile.column_role(h) == "bodies"]:
        if cell := v.get(col):
            for m in _issuers(c, cell):
                if body := c.body(m.key, row.line, cell, m.text):
                    c.rel(Rel.RESPONSIBLE_FOR, body, measure, row.line, quote)
    _row_origins(c, ctx, measure, title, row.line, quote, b, v.get(cols.get("zone", ""), ""))
    return measure, scope if scope in SCOPE_REGION_KEYS else None


def _row_origins(
    c: _Collector,
    ctx: _Context,
    measure: NodeRef,
    title: str,
    line: int,
    quote: str,
    b: _NationalBatch,
    zone_cell: str = "",
) -> None:
    """Rule: the zones a row names are where the measure was piloted; a group ("the Pilot Regions") stands
    for its members, and the dated sentence that launched the group's pilots dates each pilot edge. A row
    of a batch that extends a group's pilots was piloted by the group, however the row words it."""
    named = {m.key for m in c.find_zones(title)} | {z.key for lst in c.find_zone_lists(title) for z in lst}
    named |= set(_zones_in(c, ctx, zone_cell))  # a table with a zone column names the row's origins there
    for z in sorted(named):
        # the row prints no pilot date: the batch's release is only the latest it can have been (a bound, not a date)
        c.rel(Rel.ORIGINATED_IN, measure, c.zone(z, line, quote), line, quote, not_after=b.date)
    for name, members in ctx.groups.items():
        in_row = _uses_group(name, title)
        if not in_row and name not in b.pilot_groups:
            continue
        gline, gsentence = ctx.group_lines[name]
        resolved = f'group "{name}"' if in_row else f'pilots of group "{name}" extended by the releasing document'
        start = _pilot_start(c, ctx, name)
        for z in members:
            if z in named:
                continue
            zone = c.zone(z, gline, gsentence)
            # the zone is reached through the group's name, not named: a derived link, its rule in ``resolved``
            if in_row:
                c.rel(Rel.ORIGINATED_IN, measure, zone, line, quote, resolved=resolved, **{DERIVED: True})
            if start is not None:
                date, sline, sentence, doc_key = start
                c.rel(
                    Rel.ORIGINATED_IN,
                    measure,
                    zone,
                    sline,
                    sentence,
                    resolved=resolved,
                    date=date,
                    document=doc_key,
                    **{DERIVED: True},
                )


def _pilot_start(c: _Collector, ctx: _Context, group: str) -> tuple[str, int, str, str] | None:
    """The dated sentence that launched a group's pilots (date, line, sentence, the document's key).

    The sentence dates the group's document and lists every member.

    Rule: "In June 2023, the State Council issued the "Measures ..." (G.Fa. [2023] No. 9), launching pilot
    programs first in PFTZs of Shanghai, ..., as well as Hainan FTP."
    """
    members = set(ctx.groups[group])
    _gline, gsentence = ctx.group_lines[group]
    for number, title, _start, _end in _doc_mentions(gsentence):
        key = _register_doc(ctx, number, title)
        if key in ctx.doc_dates:
            date, line, sentence = ctx.doc_dates[key]
            listed = {m.key for m in c.find_zones(sentence)} | {
                z.key for lst in c.find_zone_lists(sentence) for z in lst
            }
            if members <= listed:
                return date, line, sentence, key
    return None


def _row_documents(c: _Collector, ctx: _Context, measure: NodeRef, row: TableRow, doc_cell: str, quote: str) -> None:
    """Rule: a row's document cell names the documents that promoted the measure (numbered or titled)."""
    if not doc_cell:
        return
    keys = [
        _register_doc(ctx, number, title or clean_title(doc_cell[:start]) or None, row.line)
        for number, title, start, _ in _doc_mentions(doc_cell)
    ]
    if not keys and doc_cell.strip().upper() not in NO_DOCUMENT:
        title = doc_cell
        if cut := TRUNCATED_NUMBER_RE.search(doc_cell):
            message = f"document number cut to {cut.group('prefix')!r}; kept the title"
            c.warn("document-number-truncated", message, row.line)
            title = doc_cell[: cut.start()]
        keys = [_register_doc(ctx, None, clean_title(title), row.line)]
    for key in keys:
        doc = _doc_node(c, ctx, key, row.line, doc_cell)
        c.rel(Rel.PROMOTED_BY, measure, doc, row.line, quote)
        issuers = _title_issuers(c, doc_cell, row.line, doc_cell)
        for body in issuers:
            c.rel(Rel.ISSUED_BY, doc, body, row.line, doc_cell)
        if not issuers:
            _prefix_issuer(c, ctx, doc, row.line, doc_cell)


def _check_national_totals(
    c: _Collector,
    ctx: _Context,
    measures: Sequence[NodeRef],
    found_by_scope: Counter[tuple[str, str]],
    where: str,
) -> None:
    """Rule: the totals the text states ("77 institutional innovations in three batches", "17 measures ...")."""
    stated = stated_patterns(ctx.profile)
    for p, off, s in _sentences(ctx.paras):
        if tm := stated.national.search(s):
            c.check(f"national institutional innovations ({where})", int(tm.group("n")), len(measures), p.line_at(off))
            break
    for p, off, s in _sentences(ctx.paras):
        for m in stated.scope.finditer(s):
            scope = normalize_scope(m.group("scope")) or Scope.NATIONWIDE
            heading = c.outline.path_at(p.line_at(off))
            title = next((x.title for x in c.outline.sections if x.path == heading), "")
            kind = batch_kind(title, c.profile)
            c.check(
                f"{kind.replace('-', ' ')} replicated to {scope}",
                int(m.group("n")),
                found_by_scope[(kind, str(scope))],
                p.line_at(off),
            )


# --------------------------------------------------------------------------- provincial batches
_WHOLE_BATCH_RE = re.compile(
    rf"\ball\s+(?:(?:\d+|{alternation(CARDINALS)})\s+)?(?:[\w-]+\s+){{0,2}}?(?:innovations|measures|items|cases)\s+"
    r"(?:are|were|have been|has been)\s+(?:[a-z]+\s+){0,3}?(?:replicated|promoted|disseminated)\b[^.;]{0,20}?"
    rf"\s(?:{alternation((*PROVINCE_SCOPES, *PROVINCE_SCOPES_MORE))})\b",
    re.IGNORECASE,
)
"""A row's batch replicated as a whole over its province: ``all 16 innovations are replicated across the
autonomous region``."""


_PLACE_SCOPE_RE = re.compile(rf"(?:{alternation(PLACE_SCOPE_LEADS)})\s+(?:the\s+)?(?P<place>.+)", re.IGNORECASE)


def _names_province(c: _Collector, scope_cell: str, province: str) -> bool:
    """Whether a cell of scope names the row's own province after a word of spread (``Throughout Tianjin``,
    ``Across the whole of Hainan``; :data:`~pftz.loaders.lexicon.PLACE_SCOPE_LEADS`): a replication over it."""
    m = _PLACE_SCOPE_RE.fullmatch(scope_cell.strip().rstrip("."))
    return m is not None and c.gaz.province(m.group("place")) == province


def _extract_provincial(c: _Collector, ctx: _Context) -> None:
    """Provincial batches: a table with a zone column and a batch column (roles of the edition profile), with the
    examples its cells name (quoted, or a cell of bare names cut by ";": :func:`~pftz.loaders.table_cells.cell_names`,
    in the scope of the row's column of scope); a row whose cell names none but says all the batch's innovations
    are replicated over the province (``all 16 innovations are replicated across the autonomous region``), or whose
    column of scope does ("Province-wide", "Throughout the municipality", "Throughout Tianjin": the row's own
    province), replicates the batch itself there (``REPLICATED_TO`` its province)."""
    for t in ctx.tables:
        cols = c.profile.columns_of(t.columns)
        bcol, qcol, ccol, zcol = cols.get("batch"), cols.get("quantity"), cols.get("content"), cols.get("zone")
        if bcol is None or zcol is None:
            continue
        for row in t.rows:
            v = row.values
            quote = " | ".join(x for x in v.values() if x)
            zones = _zones_in(c, ctx, v[zcol])
            if len(zones) != 1:
                c.warn(
                    "zone-unresolved",
                    f"Table {t.id} row {row.number}: zone {v[zcol]!r} not resolved",
                    row.line,
                )
                continue
            zkey = zones[0]
            zone = c.zone(zkey, row.line, quote)
            ordinals = [_ordinal(x) for x in re.findall(rf"\b{_ORD}\b", v[bcol], re.IGNORECASE)]
            qty = v.get(qcol, "") if qcol else ""
            nums = [int(x) for x in re.findall(r"\d+", qty)]
            counts: dict[int, int | None] = {}
            if len(ordinals) == 1:
                counts[ordinals[0]] = nums[0] if nums else None
            else:
                for n, o in re.findall(rf"(\d+) in the ({_ORD}) batch", qty, re.IGNORECASE):
                    counts[_ordinal(o)] = int(n)
                for o in ordinals:
                    counts.setdefault(o, None)
                if nums and len(counts) > 1 and all(x is not None for x in counts.values()):
                    c.check(
                        f"{t.printed} row {row.number} ({v[zcol]}) batch total",
                        nums[0],
                        sum(x or 0 for x in counts.values()),
                        row.line,
                    )
            if not counts and (year := YEAR_RE.fullmatch(v[bcol].split()[0] if v[bcol].split() else "")):
                # a batch named by its year: "2026 batch"
                counts[int(year.group(0))] = nums[0] if len(nums) == 1 else None
            if not counts:
                c.warn(
                    "batch-unparsed",
                    f"Table {t.id} row {row.number}: batch {v[bcol]!r} not understood",
                    row.line,
                )
                continue
            province = c.zone_refs[zkey.split("/", 1)[0]].province
            batches = []
            for ordinal, count in sorted(counts.items()):
                bkey = _batch_key("provincial", "institutional-innovations", ordinal, zkey)
                b = _batch_node(
                    c,
                    ctx,
                    bkey,
                    _batch_name("institutional-innovations", ordinal, c.zone_name(zkey)),
                    row.line,
                    quote,
                    kind="institutional-innovations",
                    level="provincial",
                    ordinal=ordinal,
                    count=count,
                )
                ctx.batch_tables[bkey] = t.printed
                c.rel(Rel.MEMBER_OF, zone, b, row.line, quote, resolved=f"row of {t.printed}")
                batches.append(b)
            content = v.get(ccol, "") if ccol else ""
            whole = _WHOLE_BATCH_RE.search(content) is not None
            scope_cell = v.get(scol, "") if (scol := cols.get("scope")) else ""
            # a cell of bare names ("A for ...; B of ..."), scoped by the row's column of scope
            named = [(content, ex) for ex in cell_names(content)]
            if named and scope_cell and normalize_scope(scope_cell) is Scope.DESIGNATED_AREAS:
                named = [(s, replace(ex, scope="designated", where=scope_cell)) for s, ex in named]
            if (
                scope_cell
                and not named
                and not any(cell_examples(content))
                and (normalize_scope(scope_cell) is Scope.PROVINCE_WIDE or _names_province(c, scope_cell, province))
            ):
                whole, content = True, scope_cell  # a column of scope: "Province-wide", "Across the whole province"
            if whole and province in c.gaz.provinces and not named and not any(cell_examples(content)):
                # "all 16 innovations are replicated across the autonomous region": the row's batch as a whole
                region = c.region(province, row.line, content)
                for b in batches:
                    c.rel(Rel.REPLICATED_TO, b, region, row.line, content, scope=str(Scope.PROVINCE_WIDE),
                          origin=f"zone:{zkey}", resolved=f"row of {t.printed}")  # fmt: skip
            listed = [(off, sent, ex) for off, sent in sentences(Paragraph(content, (0,), (row.line,)))
                      for ex in cell_examples(sent)] + [(0, s, ex) for s, ex in named]  # fmt: skip
            for off, sent, ex in listed:
                if not ex.whole:
                    why = f"Table {t.id} row {row.number}: a quote does not close; read {ex.name!r} as one name"
                    c.warn("quote-unbalanced", why, row.line)
                target = batches[0]
                for b in batches:
                    n = int(b.key.rsplit(":", 1)[1])
                    words = "|".join(w for w, i in ORDINAL_WORDS.items() if i == n)
                    if re.search(rf"\b(?:{n}(?:st|nd|rd|th)|{words}) batch\b", content[: off + ex.offset], re.I):
                        target = b
                scope = {"designated": Scope.DESIGNATED_AREAS, "reference": Scope.FOR_REFERENCE}.get(
                    ex.scope, Scope.PROVINCE_WIDE
                )
                m = c.node(
                    Label.MEASURE,
                    f"{target.key}:{slug(ex.name)}",
                    ex.name,
                    row.line,
                    sent,
                    kind=str(MeasureKind.PROVINCIAL),
                    title=ex.name,
                    scope=str(scope),
                )
                in_row = f"row of {t.printed}"  # "It includes ... "<name>"": the row's batch and zone
                c.rel(Rel.IN_BATCH, m, target, row.line, sent, resolved=in_row)
                c.rel(Rel.ORIGINATED_IN, m, zone, row.line, sent, resolved=in_row)
                if province in c.gaz.provinces:
                    region = c.region(province, row.line, sent)
                    c.rel(Rel.REPLICATED_TO, m, region, row.line, sent, scope=str(scope), resolved=in_row)
                    # the same event read as an adoption by the province, with its origin
                    c.rel(
                        Rel.ADOPTED,
                        region,
                        m,
                        row.line,
                        sent,
                        scope=str(scope),
                        origin=f"zone:{zkey}",
                        adopter=ex.where or None,
                        resolved=in_row,
                    )
