"""Read the report: zones, bodies, documents, measures, batches and replication.

:func:`parse_report` is pure (text in, :class:`~loaders.records.ParsedReport`
out); :func:`load_report` only reads a file and delegates. Everything is found
from the text's own patterns (headings, tables, quoted names next to zone
names, document numbers, "hereinafter referred to as" definitions, stated
totals); nothing about this edition is hard-coded, and names are resolved
through the curated alias tables of :mod:`loaders.reference`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from pftz.ground.errors import ReportParseError, StrictModeError
from pftz.ground.schema import Label, Rel
from pftz.ground.text import codepoint_names
from pftz.loaders.gazetteer import Gazetteer
from pftz.loaders.header import TextHeader, load_header
from pftz.loaders.manifest import BUNDLED_REPORT
from pftz.loaders.profile import PROFILE_SIDECAR_SUFFIX, Profile, default_profile, load_profile
from pftz.loaders.records import (
    ParsedReport,
    ParseWarning,
    PropValue,
    Provenance,
)
from pftz.loaders.report_bodies import _city_governments, _promoting_bodies
from pftz.loaders.report_context import ORDINAL_WORDS as ORDINAL_WORDS
from pftz.loaders.report_context import _Collector, _Context, _extract_zones, _para_sentences
from pftz.loaders.report_context import batch_kind as batch_kind
from pftz.loaders.report_context import normalize_scope as normalize_scope
from pftz.loaders.report_context import stated_patterns as stated_patterns
from pftz.loaders.report_documents import _doc_mentions, _extract_documents, _issuers, _issuers_over_named
from pftz.loaders.report_documents import _issuer_text as _issuer_text
from pftz.loaders.report_extensions import _counted_extensions
from pftz.loaders.report_highlights import _province_wide_cases
from pftz.loaders.report_listed import _listed_batch_cases, _listed_not_cases
from pftz.loaders.report_prose import (
    _agent_bodies,
    _batches_of_documents,
    _extract_prose_batches,
    _prose_batch_items,
    _series_batches,
    local_body_named,
)
from pftz.loaders.report_story import (
    _alliance_joiners,
    _case_inclusions,
    _counted_scope_lists,
    _extract_batch_mentions,
    _extract_narrative,
    _read_story,
)
from pftz.loaders.report_tables import _collect_batch_phrases, _extract_national, _extract_provincial
from pftz.loaders.report_texts import _named_adoptions, _read_prose_batches
from pftz.loaders.structure import Outline, parse_structure
from pftz.loaders.tables import parse_tables
from pftz.loaders.text import (
    MAX_SENTENCE,
    Line,
    Paragraph,
    Split,
    decode_report,
    invisible_lines,
    paragraphs,
    read_report_bytes,
    sentences,
    split_lines,
    split_long_paragraphs,
)

"""The report shipped with the project: the default input of every command."""


@dataclass(frozen=True, slots=True)
class Pass:
    """One pass over the whole text: a name a person can read and the function that runs it.

    Every pass takes the collector (the records read so far, with their provenance) and the
    context (the text's paragraphs, tables and what earlier passes left for later ones), and
    returns nothing. The passes run in the order of :data:`PASSES`; adding a reading of the
    whole text is adding a pass, never editing the driver. (The narrative's facts carry the
    name of their rule in their provenance; the passes' facts carry none, as the records
    format documents.)
    """

    name: str
    run: Callable[[_Collector, _Context], None]

    @property
    def doc(self) -> str:
        """What the pass reads: its function's docstring."""
        return (self.run.__doc__ or "").strip()


PASSES: tuple[Pass, ...] = (
    Pass("zones", _extract_zones),
    Pass("batch-phrases", _collect_batch_phrases),
    Pass("documents", _extract_documents),
    Pass("national-batches", _extract_national),
    Pass("provincial-batches", _extract_provincial),
    Pass("prose-batches", _extract_prose_batches),
    Pass("document-batches", _batches_of_documents),
    Pass("series-batches", _series_batches),
    Pass("agent-bodies", _agent_bodies),
    Pass("city-governments", _city_governments),
    Pass("promoting-bodies", _promoting_bodies),
    Pass("narrative", _read_story),
    Pass("listed-not-cases", _listed_not_cases),
    Pass("counted-scope-lists", _counted_scope_lists),
    Pass("batch-mentions", _extract_batch_mentions),
    Pass("narrative-facts", _extract_narrative),
    Pass("alliance-joiners", _alliance_joiners),
    Pass("case-inclusions", _case_inclusions),
    Pass("prose-batch-items", _prose_batch_items),
    Pass("prose-batches-of-texts", _read_prose_batches),
    Pass("named-adoptions", _named_adoptions),
    Pass("listed-batch-cases", _listed_batch_cases),
    Pass("counted-extensions", _counted_extensions),
    Pass("province-wide-cases", _province_wide_cases),
    Pass("issuer-roles", _issuers_over_named),
)
"""The document-level passes of the reader, in the order they run (later passes use what earlier ones found)."""


# --------------------------------------------------------------------------- entry points
def parse_report(
    text: str,
    source: str = "report.txt",
    sha256: str | None = None,
    *,
    partial: bool = False,
    gazetteer: Gazetteer | None = None,
    profile: Profile | None = None,
    header: TextHeader | None = None,
) -> ParsedReport:
    """Parse report text, or any English text about the zones, into records with provenance.

    An edition of the report has a table of contents (as its profile prints
    it); its required parts must be there. A text without contents (a press
    release, a circular, a news report, an excerpt) is read for what it has:
    its paragraphs, and tables if any. What it lacks is noted in a warning,
    never an error.

    Parameters
    ----------
    text
        The report text (UTF-8 decoded).
    source
        File name recorded in provenance and messages.
    sha256
        The sha256 of the source bytes; computed from ``text`` when omitted.
    partial
        Accept an excerpt: do not require the report's parts and appendices.
    gazetteer
        Name resolver; the curated default when omitted.
    profile
        The edition profile (:mod:`loaders.profile`); the default profile (the
        2025 conventions) when omitted.
    header
        The title, date, publisher and address of the text, which the text
        does not print itself; with one, or for a text that is not an edition,
        the text becomes a Document node that names its zones and is issued by
        its publisher.

    Returns
    -------
    ParsedReport
        Entities, relations, sections, tables, checks of stated totals and
        warnings.

    Raises
    ------
    ReportParseError
        The text is not a report, is truncated, or a table is malformed.
    """
    sha = sha256 or hashlib.sha256(text.encode("utf-8")).hexdigest()
    text, invisible = invisible_lines(text)
    _para_sentences.cache_clear()  # the caches serve one parse; a later parse starts cold
    _doc_mentions.cache_clear()
    lines = split_lines(text)
    profile = profile or default_profile()
    outline = parse_structure(lines, profile)
    if not partial and outline.has_contents:
        _require(outline, lines, source, profile)
    try:
        tables, twarn = parse_tables(lines, source, profile)
    except ReportParseError as e:
        if partial or outline.has_contents:
            raise
        # a text that is not an edition is read for its paragraphs: a broken table is a note, not an error
        note = ParseWarning("table-unread", f"{e.msg}; the text's tables are not read", source, e.line)
        tables, twarn = [], [note]
    gaz = gazetteer or Gazetteer.default()
    c = _Collector(source, sha, outline, gaz, profile)
    if not partial and not outline.has_contents:
        absent = "no table of contents" + ("" if tables else " and no tables")
        c.warn(
            "not-an-edition",
            f"{absent}: read as a text that is not an edition of the report (its paragraphs and tables; "
            "no parts, appendices or stated totals are expected of it)",
            1,
        )
    _warn_invisible(c, invisible)
    c.warnings.extend(twarn)
    in_table = {n for t in tables for n in range(t.line, t.end_line + 1)}
    body = [ln for ln in lines if ln.no >= outline.body_start]
    paras, splits = split_long_paragraphs(paragraphs(body, skip=in_table, profile=profile))
    _warn_splits(c, splits)
    milestones_sec = next((s for w in profile.milestones for s in outline.find(1, w)), None)
    milestones = [
        q
        for p in paras
        if milestones_sec and milestones_sec.start_line < p.line <= milestones_sec.end_line
        for q in _by_sentence(p)
    ]

    part2 = next((s for w in profile.zone_cases for s in outline.find(1, w)), None)
    ctx = _Context(paras, profile, tables=tables, milestones=milestones, edition=outline.has_contents, part2=part2)
    for step in PASSES:
        step.run(c, ctx)
    if not partial:
        found = {s.number for s in outline.sections if s.level == 1}
        last = max((ln.no for ln in lines if ln.text.strip()), default=1)
        for what in outline.listed:
            if what not in found:
                c.warn(
                    "section-missing",
                    f"{what} is listed in the contents but not found (the text ends at line {last})",
                    last,
                )
    if not partial and not c.entities:
        msg = "no zones, documents or measures found: this does not look like a PFTZ report or a text about the zones"
        raise ReportParseError(msg, source, 1)
    if header or (not partial and not outline.has_contents):
        _text_document(c, ctx, header or TextHeader(), lines)
    return ParsedReport(
        source=source,
        sha256=sha,
        entities=tuple(c.entities),
        relations=tuple(c.relations),
        sections=outline.sections,
        tables=tuple(tables),
        checks=tuple(c.checks),
        warnings=tuple(c.warnings),
        unread=tuple(ParseWarning(f"unread-{u.what}", u.text, source, u.line) for u in ctx.story.unread),
        narrative_paragraphs=(ctx.story.paragraphs_read, ctx.story.paragraphs),
    )


def _by_sentence(p: Paragraph) -> list[Paragraph]:
    """A milestone (its rules quote it whole) as it is, or as its sentences when longer than a sentence can be."""
    if len(p.text) <= MAX_SENTENCE:
        return [p]
    return [p.part(off, off + len(s)) for off, s in sentences(p)]


def _warn_splits(c: _Collector, splits: Sequence[Split]) -> None:
    """Warn (code ``paragraph-split``) about each paragraph split without blank lines."""
    for sp in splits:
        c.warn(
            "paragraph-split",
            f"lines {sp.line}-{sp.end_line} run together without a blank line ({sp.chars:,} characters): read as "
            f"{sp.parts:,} paragraphs, split where a line ends a sentence; separate paragraphs with blank lines",
            sp.line,
        )


INVISIBLE_WARNINGS = 20
"""Lines with invisible characters warned one by one; the rest are counted in one more warning."""


def _warn_invisible(c: _Collector, found: Sequence[tuple[int, list[str], str]]) -> None:
    """Warn (code ``invisible-character``) about the invisible characters removed, as user data does."""
    for no, chars, line in found[:INVISIBLE_WARNINGS]:
        shown = line.strip()
        if len(shown) > 160:
            at = max(0, len(line[: line.index(chars[0])].lstrip()) - 60)
            shown = ("..." if at else "") + shown[at : at + 160] + "..."
        c.warn(
            "invisible-character",
            f"removed invisible or bidirectional control characters ({codepoint_names(chars)}) before reading "
            f"the line: {shown.encode('unicode_escape').decode('ascii')!r}",
            no,
        )
    if len(found) > INVISIBLE_WARNINGS:
        rest = found[INVISIBLE_WARNINGS:]
        names = codepoint_names(ch for _no, cs, _line in rest for ch in cs)
        c.warn(
            "invisible-character",
            f"removed invisible or bidirectional control characters ({names}) from {len(rest):,} more lines, "
            f"lines {rest[0][0]} to {rest[-1][0]}",
            rest[0][0],
        )


def _require(outline: Outline, lines: Sequence[Line], source: str, profile: Profile) -> None:
    """An edition (a text with contents) must hold the required parts its contents list; else it is truncated.

    A required part the contents do not list is one this edition does without (an edition that prints its
    national batches in a part of the body, not in an appendix), unless the text ends before any part the
    contents list (cut inside its contents, it may have lost the listing too).
    """
    found = {s.number for s in outline.sections if s.level == 1}
    cut_short = not (found & set(outline.listed))
    for req in profile.required:
        if (req.section in outline.listed or cut_short) and req.section not in found:
            last = max((ln.no for ln in lines if ln.text.strip()), default=1)
            what = f"{req.section} ({req.what})" if req.what else req.section
            msg = f"the report is truncated or is not a PFTZ report: {what} not found (text ends at line {last})"
            raise ReportParseError(msg, source, last)


TEXT_DOCUMENT_KIND = "text"
TEXT_DOCUMENT_PREFIX = "text:"
"""The key of the Document node that is the text read itself (``text:<sha256 prefix>``)."""
"""``kind`` of the Document node of a text read itself (a press release, a circular, a news report)."""


def _text_document(c: _Collector, ctx: _Context, header: TextHeader, lines: Sequence[Line]) -> None:
    """The text itself as a Document node: its header, the zones it names, its publisher as issuer.

    The node is keyed by the text's sha256, so the same text read twice is one document.
    """
    first = next((ln for ln in lines if ln.text.strip()), None)
    line, quote = (first.no, first.text.strip()) if first else (1, "")
    title = header.title or None
    props: dict[str, PropValue] = {
        "title": title,
        "date": header.date or None,
        "publisher": header.publisher or None,
        "url": header.url or None,
        "kind": header.kind or TEXT_DOCUMENT_KIND,
    }
    doc = c.node(Label.DOCUMENT, f"{TEXT_DOCUMENT_PREFIX}{c.sha256[:16]}", title or c.source, line, quote, **props)
    if header.publisher:
        found = _issuers(c, header.publisher)
        local = local_body_named(c, header.publisher.strip(), line, quote) if not found else None
        if not found and local is None:
            c.warn("publisher-unresolved", f"publisher not recognised as a body: {header.publisher!r}", None)
        for m in found:
            if body := c.body(m.key, line, quote, m.text):
                c.rel(Rel.ISSUED_BY, doc, body, line, quote, resolved="the header given with the text")
        if local is not None:  # a province's department, named by its place
            c.rel(Rel.ISSUED_BY, doc, local, line, quote, resolved="the header given with the text")
    named: dict[str, Provenance] = {}
    for e in c.entities:
        if e.label is Label.ZONE and e.key in c.zone_refs:
            named.setdefault(e.key, e.provenance)
    for z, where in sorted(named.items()):
        c.rel(Rel.NAMES_ZONE, doc, c.zone(z, where.line, where.quote), where.line, where.quote, role="named")


def load_report(
    path: str | Path | None = None,
    *,
    strict: bool = False,
    profile: Profile | str | Path | None = None,
    header: TextHeader | None = None,
) -> ParsedReport:
    """Read a report file, or any English text about the zones, and parse it.

    Parameters
    ----------
    path
        The report or text; the bundled 2025 report when omitted.
    strict
        Raise :class:`~ground.errors.StrictModeError` when there are warnings.
    profile
        The edition profile, or the path of its TOML file; when omitted, the
        sidecar ``<path>.profile.toml`` if there is one, else the default profile.
    header
        The text's title, date, publisher and address; fields it leaves empty
        are taken from the sidecar ``<path>.header.json`` when there is one.

    Returns
    -------
    ParsedReport
        See :func:`parse_report`.

    Raises
    ------
    ReportParseError
        Unreadable, non-UTF-8, binary, empty, truncated or malformed input.
    StrictModeError
        ``strict`` was set and the loader produced warnings.
    """
    p = Path(path) if path is not None else BUNDLED_REPORT
    try:
        data = read_report_bytes(p)
    except OSError as e:
        msg = f"cannot read the report: {e.strerror or e}"
        raise ReportParseError(msg, str(p)) from e
    text = decode_report(data, str(p))
    given = (header or TextHeader()).over(load_header(p))
    beside = Path(str(p) + PROFILE_SIDECAR_SUFFIX)
    if profile is None and beside.is_file():
        profile = beside  # the profile of this text alone
    edition = profile if isinstance(profile, Profile) or profile is None else load_profile(profile)
    try:
        report = parse_report(text, p.name, hashlib.sha256(data).hexdigest(), profile=edition, header=given or None)
    except ReportParseError as e:
        raise ReportParseError(e.msg, str(p), e.line) from e
    if strict and report.warnings:
        shown = "\n  ".join(str(w) for w in report.warnings)
        msg = f"{len(report.warnings)} warnings in strict mode:\n  {shown}"
        raise StrictModeError(msg)
    return report


# The passes live in loaders/report_*.py; the names other modules and the tests import from here
# (ORDINAL_WORDS, batch_kind, normalize_scope, stated_patterns, _issuer_text) are re-exported above.
__all__ = ["BUNDLED_REPORT", "load_report", "parse_report"]
