"""The pass ``documents`` of :mod:`loaders.report`: numbered and titled documents, their issuers and dates."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from pftz.ground.names import normalize_title, title_score
from pftz.ground.schema import DERIVED, Label, Rel
from pftz.loaders.documents import (
    ANNOUNCEMENT,
    QUOTED_RE,
    DocNumber,
    clean_title,
    core_title,
    find_numbers,
    find_short_numbers,
    parse_date,
    slug,
    title_before,
    title_issuer,
    title_key,
)
from pftz.loaders.gazetteer_scan import Mention
from pftz.loaders.lexicon import (
    DOCUMENT_ACT_NOUNS,
    DOCUMENT_ACTING_VERBS,
    DOCUMENT_EXAMPLE_LEADS,
    DRAFTING_VERBS,
    ISSUING_PHRASES,
    ISSUING_VERBS,
    JOINT_TITLE_WORDS,
    LETTER_TITLE_WORDS,
    REVISION_WORDS,
    TITLE_EDITION_MARKS,
    TITLE_NAMING_WORDS,
    TITLE_SMALL_WORDS,
    TITLE_SMALL_WORDS_MORE,
    TITLE_WORDS,
    TITLE_WORDS_MORE,
    TITLE_WORDS_OF_RULES,
    alternation,
)
from pftz.loaders.records import (
    NodeRef,
    PropValue,
    Table,
    TableRow,
)
from pftz.loaders.report_context import (
    ORGANISATION_RE,
    QUOTED_SPAN_RE,
    _Collector,
    _Context,
    _derived,
    _Doc,
    _para_sentences,
    _sentences,
    _zones_named,
)
from pftz.loaders.text import (
    Paragraph,
    is_lone_number,
)

# --------------------------------------------------------------------------- documents
DOC_TITLE_MATCH = 88.0
"""Similarity (ground.names.title_score of the core titles) above which two wordings are one document."""


def _completes(full: DocNumber, part: DocNumber) -> bool:
    """Whether a complete number is the one a short number (or an issuer-less announcement) stands for."""
    if full.serial != part.serial or not full.complete:
        return False
    if part.prefix == ANNOUNCEMENT:
        return full.prefix.endswith(ANNOUNCEMENT) and full.year == part.year
    return full.prefix == part.prefix


def _register_doc(ctx: _Context, number: DocNumber | None, title: str | None, line: int | None = None) -> str:
    """Return the key of the document with this number or title, creating it if new.

    Number first: a complete number is the key; a short number resolves to the
    one complete number it stands for. Then the title: an exact core title
    (:func:`~loaders.documents.core_title`), or one similar enough, which is
    noted for review.
    """
    tkey = title_key(title) if title else ""
    ckey = title_key(core_title(title)) if title else ""
    if number is not None and not number.complete:
        full = [d for d in ctx.docs.values() if d.number and _completes(d.number, number)]
        if len(full) == 1:
            key = full[0].key
            if title and title not in full[0].titles:
                full[0].titles.append(title)
            return key
    if number is not None and number.complete:
        key = number.key
        if key not in ctx.docs:
            ctx.docs[key] = _Doc(key, number)
            old_key = ctx.title_index.get(tkey) or ctx.title_index.get(ckey)
            if old_key and old_key != key and not (ctx.docs.get(old_key) and ctx.docs[old_key].number):
                old = ctx.docs.pop(old_key, None)
                if old is not None:
                    ctx.docs[key].titles.extend(old.titles)
                    for t, k in list(ctx.title_index.items()):
                        if k == old.key:
                            ctx.title_index[t] = key
    elif tkey:
        found = ctx.title_index.get(tkey) or ctx.title_index.get(ckey) or _match_title(ctx, ckey, title, line)
        key = found or f"t:{slug(tkey, 80)}"
        ctx.docs.setdefault(key, _Doc(key, number))
    else:
        key = f"n:{number.key}" if number else "unknown"
        ctx.docs.setdefault(key, _Doc(key, number))
    if title and title not in ctx.docs[key].titles:
        ctx.docs[key].titles.append(title)
    if tkey:
        ctx.title_index.setdefault(tkey, key)
        ctx.title_index.setdefault(ckey, key)
    return key


@lru_cache(maxsize=8192)
def _normalized(title: str) -> str:
    return normalize_title(title)


def _match_title(ctx: _Context, ckey: str, title: str | None, line: int | None) -> str | None:
    """The document whose core title is most similar to ``ckey``, if similar enough; noted for review."""
    wanted = _normalized(ckey)
    best: tuple[float, str, str] | None = None
    for t, k in ctx.title_index.items():
        score = title_score(wanted, _normalized(t))
        if score >= DOC_TITLE_MATCH and (best is None or score > best[0]):
            best = (score, k, t)
    if best is None:
        return None
    message = f"merged the wording {title!r} into document {best[1]!r} (title similarity {best[0]:.0f})"
    ctx.reviews.append((line, message))
    return best[1]


def _doc_node(c: _Collector, ctx: _Context, key: str, line: int, quote: str, **extra: PropValue) -> NodeRef:
    d = ctx.docs[key]
    title = d.titles[0] if d.titles else None
    props: dict[str, PropValue] = {"title": title, **extra}
    if d.number is not None:
        props |= {
            "number": d.number.text,
            "prefix": d.number.prefix,
            "year": d.number.year,
            "serial": d.number.serial,
        }
        pref = c.prefixes.get(d.number.prefix)
        if pref is not None and pref.certain:
            props["number_zh"] = d.number.chinese(pref.name_zh)
    if key in ctx.doc_dates and ctx.doc_dates[key][2] == quote:
        props["date"] = ctx.doc_dates[key][0]  # only on the mention whose quote prints it
    ctx.doc_seen.setdefault(key, (line, quote))
    name = title or (d.number.text if d.number else key)
    if d.number is not None and title:
        name = f"{title} ({d.number.text})"
    return c.node(Label.DOCUMENT, key, name, line, quote, **props)


def _issuers(c: _Collector, text: str) -> list[Mention]:
    """The bodies named in ``text``, once each, as printed."""
    out: dict[str, Mention] = {}
    for m in c.gaz.find_bodies(text):
        out.setdefault(m.key, m)
    return list(out.values())


@lru_cache(maxsize=8192)
def _doc_mentions(text: str) -> list[tuple[DocNumber | None, str | None, int, int]]:
    """Numbered documents in ``text`` with their titles: (number, title, start, end)."""
    out: list[tuple[DocNumber | None, str | None, int, int]] = []
    for nm in find_numbers(text) + find_short_numbers(text):
        tb = title_before(text, nm.start)
        out.append((nm.number, tb[0] if tb else None, tb[1] if tb else nm.start, nm.end))
    return out


class _Mention(NamedTuple):
    """One mention of a document: its key, the line and sentence, and the span of title and number."""

    key: str
    line: int
    sentence: str
    start: int
    end: int


class _TableDoc(NamedTuple):
    """A document listed in a policy table's document-title column."""

    key: str
    row: TableRow
    table: Table
    cell: str


DOC_KIND_RE = re.compile(r"\b(Notice|Opinions|Plan|Measures|Regulations|Announcement|Resolution)\b")
"""Words that make a quoted title a document's title."""
ISSUED_BY_RE = re.compile(r"\bissued by (.+?)(?:[.;]|$)")
ISSUE_VERB_RE = re.compile(rf"\b(?:jointly )?{alternation(ISSUING_VERBS)}\b")
"""A verb of issuing (the lexicon's one list): the words before it name the issuers of the title after it."""


def _extract_documents(c: _Collector, ctx: _Context) -> None:
    """Numbered and titled documents from the text, the tables and the milestones, with their issuers and dates."""
    tables, milestones = ctx.tables, ctx.milestones
    # full numbers first, everywhere, so that short forms and titles can resolve
    pending = _numbered_in_sentences(ctx) + _numbered_in_preambles(ctx, tables)
    pending += _short_numbered(c, ctx)
    pending += _titled_in_milestones(ctx, milestones)
    pending += _titled_in_sentences(ctx)
    pending += _unquoted_titles(ctx)
    pending += _opening_title(ctx)
    table_docs = _titled_in_policy_tables(ctx, tables)
    pending += [_Mention(d.key, d.row.line, " | ".join(d.row.values.values()), 0, len(d.cell)) for d in table_docs]
    _date_documents(ctx, pending)
    for d in table_docs:
        _policy_table_facts(c, ctx, d)
    for mention in pending:
        _mention_facts(c, ctx, mention)
    _group_pilot_zones(c, ctx)
    _flush_reviews(c, ctx)


def _flush_reviews(c: _Collector, ctx: _Context) -> None:
    """Report the wordings merged by title similarity, for review."""
    for line, message in ctx.reviews:
        c.warn("document-wordings-merged", message, line)
    ctx.reviews.clear()


def _numbered_in_sentences(ctx: _Context) -> list[_Mention]:
    """Rule: a full number ("G.H. [2024] No. 156"), with the quoted title just before it."""
    out: list[_Mention] = []
    for p, off, s in _sentences(ctx.paras):
        for number, title, start, end in _doc_mentions(s):
            if number is not None and number.complete:
                line = p.line_at(off)
                out.append(_Mention(_register_doc(ctx, number, title, line), line, s, start, end))
    return out


def _numbered_in_preambles(ctx: _Context, tables: Sequence[Table]) -> list[_Mention]:
    """Rule: a table's preamble names its releasing document ("Letter of ... S.Z.M.H. [2024] No. 14")."""
    out: list[_Mention] = []
    for t in tables:
        for ln, text in t.preamble:
            for number, title, start, end in _doc_mentions(text):
                if number is not None and number.complete:
                    title = title or clean_title(text[:start]) or None
                    out.append(_Mention(_register_doc(ctx, number, title, ln), ln, text, start, end))
    return out


def _short_numbered(c: _Collector, ctx: _Context) -> list[_Mention]:
    """Rule: a short number without a year ("G.Fa. No. 9") is the full number seen elsewhere."""
    out: list[_Mention] = []
    for p, off, s in _sentences(ctx.paras):
        for number, title, start, end in _doc_mentions(s):
            if number is None or number.complete:
                continue
            key = _register_doc(ctx, number, title, p.line_at(off))
            found = ctx.docs[key].number
            if found is None or not found.complete:
                c.warn("document-number-unresolved", f"short number {number.text!r} has no full form", p.line_at(off))
            elif number.text != found.text and number.text not in ctx.docs[key].printed:
                ctx.docs[key].printed.append(number.text)
            out.append(_Mention(key, p.line_at(off), s, start, end))
    return out


def _titled_in_milestones(ctx: _Context, milestones: Sequence[Paragraph]) -> list[_Mention]:
    """Rule: a milestone that issued a quoted "Notice/Plan/Opinions ..." without a number."""
    out: list[_Mention] = []
    for p in milestones:
        s = p.text
        for m in QUOTED_RE.finditer(s):
            title = m.group(1)
            if ISSUE_VERB_RE.search(s[: m.start()]) and re.match(r"[A-Z]", title) and DOC_KIND_RE.search(title):
                out.append(_Mention(_register_doc(ctx, None, title, p.line), p.line, s, m.start(), m.end()))
    return out


TITLED_VERB_RE = re.compile(
    rf"\b(?:(?:jointly )?{alternation(ISSUING_VERBS)}"
    rf"|{alternation(DOCUMENT_ACTING_VERBS)}|{alternation(DOCUMENT_ACT_NOUNS)}|{alternation(TITLE_NAMING_WORDS)})\s+(?:the\s+)?"
    rf"(?:{alternation(REVISION_WORDS)}\s+)?$"
)
"""A verb of issuing right before a quoted title: ``The Hubei Provincial People's Government issued the "..."``; a
word naming it (``The notice, titled "..."``, :data:`~loaders.lexicon.TITLE_NAMING_WORDS`)."""
TITLED_DOC_RE = re.compile(rf"\b{alternation((*TITLE_WORDS, *TITLE_WORDS_OF_RULES))}\b")
TITLED_VERB_AWAY_RE = re.compile(
    rf"\b(?:jointly\s+)?{alternation(ISSUING_VERBS)}\s+(?:at|in|during|on)\s+(?:its|the)\s+(?:[\w-]+\s+){{0,5}}?the\s+$"
)
"""A verb of issuing a few words before a quoted title: ``... adopted at its Fourth Plenary Session the "..."``."""
TITLED_PASSIVE_RE = re.compile(
    rf"[\"”]?,?\s+(?:(?:was|were|has been|have been|had been)\s+)?{alternation(ISSUING_VERBS)}\s+(?:at|by|in|on)\b"
    rf"|[\"”]?\s+(?:was|were|has been|have been|had been)\s+{alternation(ISSUING_VERBS)}\s*(?:[.,;]|$)"
)
"""A verb of issuing in the passive right after a quoted title: ``The "..." adopted at the session called for``,
``the "... Initiative", was signed by``."""


TITLED_EXAMPLE_RE = re.compile(rf"\b{alternation(DOCUMENT_EXAMPLE_LEADS)}\s+(?:the\s+)?$", re.IGNORECASE)
"""Words giving the quoted title after them as an example of documents: ``policy documents—such as the "..."``."""
TITLE_MARK_END_RE = re.compile(rf"\((?:(?:19|20)\d\d\s+)?{alternation(TITLE_EDITION_MARKS)}\)\s*$")
"""A title's bracketed mark at its end: ``(2024 Edition)``, ``(Interim)``."""
DATED_TITLE_END_RE = re.compile(r"\((?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?\)\s*$")
"""The years a title prints in brackets at its end: ``... (2027)``, ``... (2028-2032)``."""


def _titled_in_sentences(ctx: _Context) -> list[_Mention]:
    """Rule: a quoted title of a document (a title word, capitalised) right after a verb of issuing, without a number.

    "The Hubei Provincial People's Government issued the "Several Measures on
    ..."", "... approved the "Implementation Plan for ..."", "... jointly
    released the "List of ... (2027)"" (a title word or its years), or given as an
    example of documents ("policy documents—such as the "..."");
    a quoted name ending in a title's bracketed mark ("... (2024 Edition)",
    "... (Interim)") with or without a verb. A title the text also prints with a
    number is the same document (:func:`_register_doc`).
    """
    out: list[_Mention] = []
    for p, off, s in _sentences(ctx.paras):
        if '"' not in s and "“" not in s:
            continue
        numbered = [(a, b) for _n, _t, a, b in _doc_mentions(s)]
        for m in QUOTED_RE.finditer(s):
            title = m.group(1)
            if any(a <= m.end() and m.start() <= b for a, b in numbered):
                continue  # a title with its number: read with the number
            issued = (
                TITLED_VERB_RE.search(s[: m.start()])
                or TITLED_VERB_AWAY_RE.search(s[: m.start()])
                or TITLED_PASSIVE_RE.match(s, m.end())
                or TITLED_EXAMPLE_RE.search(s[: m.start()].replace("*", ""))  # "**Another example** is the"
            )
            marked = TITLE_MARK_END_RE.search(title) is not None and len(title.split()) > 3
            titled = TITLED_DOC_RE.search(title) or DATED_TITLE_END_RE.search(title)
            if title[:1].isupper() and ((titled and issued) or marked):
                line = p.line_at(off)
                out.append(_Mention(_register_doc(ctx, None, title, line), line, s, m.start(), m.end()))
    return out


ALL_TITLE_WORDS = (
    *TITLE_WORDS, *TITLE_WORDS_MORE, *JOINT_TITLE_WORDS, *LETTER_TITLE_WORDS, "Recommendations", "Announcement"
)  # fmt: skip
"""The words that make a phrase a document's title (a title holds one)."""
ALL_TITLE_RE = re.compile(rf"\b{alternation(ALL_TITLE_WORDS)}\b")
_SMALL = (*TITLE_SMALL_WORDS, *TITLE_SMALL_WORDS_MORE)
_TITLE_WORD = rf"(?:[A-Z][\w'’-]*|\d[\w-]*|\([^()]{{1,40}}\)|(?:{'|'.join(_SMALL)})\b)"
_TITLE_WORD_QUOTED = rf"(?:[\"“][A-Z][\w'’-]*|[A-Z][\w'’-]*[\"”]|{_TITLE_WORD})"
"""A word of an unquoted title, or one opening or closing a quoted phrase inside it (``of "Best Practice Cases"
of``)."""
UNQUOTED_TITLE_RE = re.compile(
    rf"(?:\b(?:the|[Tt]he|of|on)|[a-z]['’]s)\s+(?P<title>(?:[A-Z][\w'’-]*(?<!['’]s)\s+){{0,4}}?"
    rf"{alternation(ALL_TITLE_WORDS)}"
    rf"\s+(?:on|for|of|to|about)\s+{_TITLE_WORD}(?:\s+{_TITLE_WORD_QUOTED}){{1,40}}?)"
    r"(?=\s*\((?:[A-Z][A-Za-z.]*\s*){0,6}(?:\d+\s+of\s+)?[\[〔(]?\s*(?:19|20)\d\d|\s+issued\s+by\b"
    r"|,\s+issued\s+(?:by\s+(?:the\s+)?[A-Z]|in\s+[A-Z]|on\s+\d))"
)
"""A title printed without quotes, capitalised but for small words (the lexicon's), right before its number or
"issued by" (also after a comma: "the Notice on ..., issued by the General Office of ...", or its date after a comma
and a body's possessive: "the X Municipal People's Government's Implementation Plan for ..., issued in March";
a number of a year: "(Announcement No. 9 of 2026)"): "the Notice on Several
Measures to Further Align with ... in Eligible PFTZs (G.F. [2025] No. 9)",
"the Circular on Extending the Fifth Batch of "Typical Cases" of ... (Hu Fu Ban Fa [2029] No. 3)" (the number's
prefix of up to six words: "(Lu Zi Mao Ban Fa [2029] No. 3)", a phrase quoted inside the title)."""
MARKED_TITLE_RE = re.compile(
    rf"\b(?:the|[Tt]he|of|on)\s+(?P<title>(?:[A-Z][\w'’-]*\s+){{0,4}}?{alternation(ALL_TITLE_WORDS)}"
    rf"\s+(?:on|for|of|to|about)\s+{_TITLE_WORD}(?:\s+{_TITLE_WORD}){{1,40}}?"
    rf"\s*\((?:(?:19|20)\d\d\s+)?{alternation(TITLE_EDITION_MARKS)}\))"
)
"""A title printed without quotes that ends in its bracketed mark: "the Measures for the Management of ... in Hainan
Province (Interim) resolves ..."."""


SIGNED_TITLE_RE = re.compile(
    rf"(?:\b(?:jointly\s+)?{alternation((*ISSUING_VERBS, *DRAFTING_VERBS, *ISSUING_PHRASES))}(?:\s+(?:was|were))?"
    r"(?:\s+(?:in|on)\s+(?:[A-Z][a-z]+\s+)?(?:\d{1,2},?\s+)?(?:19|20)\d\d)?\s+(?:the|a|an)"
    rf"|\b{alternation(TITLE_NAMING_WORDS)}(?:\s+the)?)\s+"
    rf"(?P<title>(?:[A-Z][\w'’-]*\s+){{0,4}}?"
    rf"{alternation(ALL_TITLE_WORDS)}\s+(?:on|for|of|to|about)\s+{_TITLE_WORD}(?:\s+{_TITLE_WORD})*)"
)
"""A title printed without quotes right after a verb of issuing, signing or drafting: "... signed the Framework
Agreement on Cooperation of ... Corridor at a meeting", "... to draft the Several Measures on ...", the passive
inverted "Also released was the Joint Declaration on ..." (the small words after its last capitalised word are not
its own); a date between the verb and the title ("approved in May 2031 the Implementation Plan for ..."); after a
word naming it ("The notice, titled Notice on ..."); after a phrase of putting one out ("followed with the Several
Measures on ...", ``ISSUING_PHRASES``); after "a" as well as "the" ("... released a Joint Action List for ...
(2027-2028)")."""
_TRAILING_SMALL_RE = re.compile(rf"(?:\s+(?:{'|'.join(_SMALL)}))+$")


def _unquoted_titles(ctx: _Context) -> list[_Mention]:
    """Rule: a title printed without quotes ("the Notice on Launching Pilot Programs ... (G.F. [2026] No. 4)",
    "the Opinions on Implementing ... issued by the State Council"): a title word, "on", "for" or "of", and
    capitalised words (small words between them) up to its number or "issued by", or up to the bracketed mark
    that ends it ("... in Hainan Province (Interim)").

    A title followed by its number is registered with the number (one document); without a number, by title.
    """
    out: list[_Mention] = []
    for p, off, s in _sentences(ctx.paras):
        if ALL_TITLE_RE.search(s) is None:
            continue  # a quick test before the costly patterns
        mentions = _doc_mentions(s)
        found = list(UNQUOTED_TITLE_RE.finditer(s))
        if "(" in s:
            found += [
                m for m in MARKED_TITLE_RE.finditer(s) if not any(u.start() <= m.start() < u.end() for u in found)
            ]
        for m in found:
            title = m.group("title").strip()
            if title.count('"') % 2 or title.count("“") != title.count("”"):
                continue  # a quoted title's tail: read with its quotation marks
            title = re.sub(r"[\"“”]", "", title)
            after = [(n, a) for n, _t, a, _b in mentions if n is not None and m.end() <= a <= m.end() + 3]
            number = after[0][0] if after else None
            line = p.line_at(off)
            out.append(_Mention(_register_doc(ctx, number, title, line), line, s, m.start("title"), m.end()))
        for m in SIGNED_TITLE_RE.finditer(s):
            title = _TRAILING_SMALL_RE.sub("", m.group("title"))
            if len(title.split()) < 4 or any(a <= m.end() and m.start() <= b for _n, _t, a, b in mentions):
                continue  # a title with its number is read with the number
            if any(u.start("title") <= m.start("title") < u.end() for u in found):
                continue  # the same title, read whole before its number
            line = p.line_at(off)
            end = m.start("title") + len(title)
            out.append(_Mention(_register_doc(ctx, None, title, line), line, s, m.start("title"), end))
    return out


def _opening_title(ctx: _Context) -> list[_Mention]:
    """Rule: a text that is not an edition and opens with a document's title on a line of its own (a title word,
    no full stop), its number alone on the next, is that document ("Notice of the State Council on ...",
    "G.F. [2025] No. 14"): the document is named by its title and number, its issuers by its title.
    """
    paras = [p for p in ctx.paras if not is_lone_number(p.text)]  # a page number may come first
    if ctx.edition or not paras:
        return []
    first = paras[0]
    title = first.text.strip()
    number = None
    # the number printed on the line under the title, read into the same paragraph, is the title's number
    tail = [n for n, _t, a, b in _doc_mentions(title) if n is not None and a > 0 and b >= len(title) - 1]
    if tail:
        number = tail[-1]
        title = title[: max(a for n, _t, a, _b in _doc_mentions(title) if n is number)].rstrip(" ,;:")
    if len(title) > MAX_OPENING_TITLE or title.endswith(".") or not TITLED_DOC_RE.search(title):
        return []
    if not re.match(rf"^(?:[A-Z][\w'’-]*\s+){{0,4}}?{alternation(ALL_TITLE_WORDS)}\b", title):
        return []
    if number is None and len(paras) > 1:
        nxt = paras[1].text.strip()
        found = [n for n, _t, a, b in _doc_mentions(nxt) if n is not None and a == 0 and b >= len(nxt) - 1]
        number = found[0] if found else None
    key = _register_doc(ctx, number, title, first.line)
    return [_Mention(key, first.line, title, 0, len(title))]


MAX_OPENING_TITLE = 300
"""Characters at most of a text's opening line read as a document's title."""


def _titled_in_policy_tables(ctx: _Context, tables: Sequence[Table]) -> list[_TableDoc]:
    """Rule: a policy table's document-title column lists one document per row (or several quoted); so does a
    document column beside an issuer column, or beside only a content column ("No. | Document | Main Content")."""
    out: list[_TableDoc] = []
    for t in tables:
        cols = ctx.profile.columns_of(t.columns)
        # a table of documents without a title column lists them in its document column ("Issuing body | Document")
        # or with only a content column beside it ("No. | Document | Main Content"): not a batch's table
        alone = "content" in cols and not {"zone", "batch", "scope"} & cols.keys()
        tcol = cols.get("document_title") or (cols.get("document") if "bodies" in cols or alone else None)
        if tcol is None or "measure" in cols:
            continue
        for row in t.rows:
            cell = row.values.get(tcol, "")
            mentions = _doc_mentions(cell)
            numbered = [(n, ti or clean_title(cell[:a]) or None) for n, ti, a, _b in mentions if n is not None]
            if numbered:  # "Notice on ... (G.F. [2026] No. 4)": the number and the title before it
                for number, title in numbered:
                    out.append(_TableDoc(_register_doc(ctx, number, title, row.line), row, t, cell))
                continue
            quoted = [q.group(1) for q in QUOTED_RE.finditer(cell)]
            for title in quoted or [clean_title(re.split(r"\s+issued by\s+", cell)[0])]:
                out.append(_TableDoc(_register_doc(ctx, None, title, row.line), row, t, cell))
    return out


def _date_documents(ctx: _Context, pending: Sequence[_Mention]) -> None:
    """Rule: a date printed before a document's title in its sentence dates it; the most precise wins."""
    for key, line, s, start, _end in pending:
        d = parse_date(s)
        if d and d[1] < start and len(d[0]) > len(ctx.doc_dates.get(key, ("",))[0]):
            ctx.doc_dates[key] = (d[0], line, s)


def _policy_table_facts(c: _Collector, ctx: _Context, d: _TableDoc) -> None:
    """A policy table row: the bodies named outside the quoted titles, or in its bodies' column, issued it; when
    none is, those its title names ("Notice by the <A> and the <B> on ..."); its zones are named."""
    key, row, t, cell = d
    issuers = _issuers(c, QUOTED_SPAN_RE.sub(" ", cell))
    if bcol := c.profile.columns_of(t.columns).get("bodies"):
        issuers += _issuers(c, row.values.get(bcol, ""))
    doc = _doc_node(c, ctx, key, row.line, cell)
    for b in issuers:
        if body := c.body(b.key, row.line, cell, b.text):
            c.rel(Rel.ISSUED_BY, doc, body, row.line, cell)
    if not issuers:
        for q in QUOTED_RE.finditer(cell):
            for body in _title_issuers(c, q.group(1), row.line, cell):
                c.rel(Rel.ISSUED_BY, doc, body, row.line, cell, resolved="the bodies the document's title names")
    whole = " | ".join(x for x in row.values.values() if x)
    for z, group in _zones_named(c, ctx, whole):
        zone = c.zone(z, row.line, whole)
        c.rel(Rel.NAMES_ZONE, doc, zone, row.line, whole, role="named", resolved=group, **{DERIVED: _derived(group)})
    if zcol := c.profile.columns_of(t.columns).get("zone"):
        issued_by_zones = c.profile.caption_says_issued_by_zones(t.caption)
        for z, group in _zones_named(c, ctx, row.values.get(zcol, "")):
            zone = c.zone(z, row.line, whole)
            derived = _derived(group)
            c.rel(Rel.NAMES_ZONE, doc, zone, row.line, whole, role="issuer", resolved=group, **{DERIVED: derived})
            if issued_by_zones:  # Rule: a caption "Relevant documents issued by PFTZs": the row's zone issued it
                name = c.zone_name(z)
                admin = c.local_body(f"admin-{z}", name, f"Administration of {name}", row.line, whole)
                how = f"the caption of {t.printed}: documents issued by PFTZs"
                c.rel(Rel.ISSUED_BY, doc, admin, row.line, whole, resolved=how)


class _IssuerText(NamedTuple):
    """The words around a document mention that name who issued or approved it."""

    issuers: str
    approvers: str
    verb: str | None


APPROVAL_RE = re.compile(r"\b[Ww]ith the approval of (?P<body>[^,]+),\s*")
"""Rule: "With the approval of the State Council, <bodies> issued ..." names an approver, not an issuer."""


ISSUANCE_OF_RE = re.compile(r"(?P<body>(?:[A-Z][\w-]*\s)+?[A-Z][\w-]*)(?:'s|’s) issuance of (?:the )?$")
"""Rule: "the Shanghai Municipal Finance Bureau's issuance of the "<title>"" names the issuer."""


def _issuer_text(s: str, start: int, end: int) -> _IssuerText:
    """The words naming a document's issuers (and approvers), and the verb that precedes the title.

    Rule: "<date>, <bodies> jointly issued the "<title>" (<number>)", "the "<title>" (<number>)
    issued by <bodies>" or "<body>'s issuance of the "<title>""; "<body> approved the "<title>""
    names an approver, as does "With the approval of <body>, ...".
    """
    head = s[:start]
    verbs = list(ISSUE_VERB_RE.finditer(head))
    text, verb = "", verbs[-1].group(0).split()[-1] if verbs else None
    if verbs:
        text = head[: verbs[-1].start()]
        if d := parse_date(text):
            text = text[d[2] :]
    elif by := ISSUED_BY_RE.search(s[end:]):
        text = by.group(1)
    elif owner := ISSUANCE_OF_RE.search(head):
        text, verb = owner.group("body"), "issued"
    text = QUOTED_SPAN_RE.sub(" ", text)
    approvers = " ".join(m.group("body") for m in APPROVAL_RE.finditer(text))
    text = APPROVAL_RE.sub(" ", text)
    if verb == "approved":
        return _IssuerText("", f"{approvers} {text}".strip(), verb)
    return _IssuerText(text, approvers, verb)


LOCAL_ISSUER_RE = re.compile(r"(?:^|\s)(?P<place>[A-Z][a-z]+) (?P<kind>Province|Municipality|PFTZ)(?:'s|’s)?\s*$")
"""Rule: a place names a local issuer: "Zhejiang Province introduced", "Shanghai PFTZ issued"."""


def _local_issuer(c: _Collector, text: str, line: int, quote: str) -> NodeRef | None:
    """The local issuer a place stands for: a province's people's government, or a PFTZ's administration."""
    m = LOCAL_ISSUER_RE.search(text.strip(" ,"))
    if m is None:
        return None
    printed = f"{m.group('place')} {m.group('kind')}"
    if m.group("kind") == "PFTZ":
        zkey = c.gaz.zone(printed)
        if zkey is None:
            return None
        name = c.zone_refs[zkey].name
        return c.local_body(f"admin-{zkey}", printed, f"Administration of {name}", line, quote)
    pkey = c.gaz.province(m.group("place"))
    return c.body(f"gov-{pkey}", line, quote, printed) if pkey else None


def _mention_facts(c: _Collector, ctx: _Context, mention: _Mention) -> None:
    """One document mention: the node, its issuers and approvers, and the zones it names.

    The issuers are the bodies the sentence names before the verb (or after "issued by"),
    else a local place ("Shanghai PFTZ issued"), else the bodies the title names
    ("Notice of the General Office of ... on"), else the certain issuer of the number's prefix.
    """
    key, line, s, start, end = mention
    doc = _doc_node(c, ctx, key, line, s)
    words = _issuer_text(s, start, end)
    issuers: list[NodeRef] = [b for m in _issuers(c, words.issuers) if (b := c.body(m.key, line, s, m.text))]
    if not issuers and words.verb and (local := _local_issuer(c, words.issuers, line, s)):
        issuers = [local]
    if not issuers and words.verb and ANAPHOR_RE.fullmatch(words.issuers):
        _anaphoric_issuer(c, ctx, doc, line, s)
    if words.verb and not issuers and ORGANISATION_RE.search(words.issuers):
        c.warn("issuer-unresolved", f"issuer not recognised: {words.issuers.strip(' ,')!r}", line)
    if not issuers:
        issuers = _title_issuers(c, s[start:end], line, s)
    for body in issuers:
        c.rel(Rel.ISSUED_BY, doc, body, line, s)
    if not issuers:
        _prefix_issuer(c, ctx, doc, line, s)
    for m in _issuers(c, words.approvers):
        if approver := c.body(m.key, line, s, m.text):
            c.rel(Rel.APPROVED_BY, doc, approver, line, s)
    for z, group in _zones_named(c, ctx, s):
        zone = c.zone(z, line, s)
        c.rel(Rel.NAMES_ZONE, doc, zone, line, s, role="named", resolved=group, **{DERIVED: _derived(group)})


def _prefix_issuer(c: _Collector, ctx: _Context, doc: NodeRef, line: int, quote: str) -> None:
    """Rule: a number whose prefix has one certain issuer (data/reference/doc_prefixes.csv) names it."""
    number = ctx.docs[doc.key].number
    pref = c.prefixes.get(number.prefix) if number is not None else None
    if pref is not None and pref.certain and pref.issuer and (body := c.body(pref.issuer, line, quote)):
        c.rel(Rel.ISSUED_BY, doc, body, line, quote, resolved=f'number prefix "{pref.prefix}"')


ANAPHOR_RE = re.compile(r"\s*(?:It|it)(?:\s+(?:jointly\s+)?[a-z]+ed\s+and)?\s*")
"""Rule: "It formulated and issued the "<title>"": "It" is the subject of the sentence before."""
SUBJECT_RE = re.compile(r"^(?:\*\*[^*]+\*\*,?\s*)?(?P<subject>[A-Z][\w-]*(?:\s[A-Z][\w-]*)*)\s")


def _anaphoric_issuer(c: _Collector, ctx: _Context, doc: NodeRef, line: int, s: str) -> None:
    """The issuer "It" stands for: the place that opens the previous sentence of the paragraph."""
    for p in ctx.paras:
        sents = [t for _o, t in _para_sentences(p)]
        if s not in sents or sents.index(s) == 0:
            continue
        before = sents[sents.index(s) - 1]
        m = SUBJECT_RE.match(before)
        if m and (body := _local_issuer(c, m.group("subject"), line, s)):
            c.rel(Rel.ISSUED_BY, doc, body, line, s, resolved=f'anaphor "It": {m.group("subject")}')
        return


def _title_issuers(c: _Collector, title: str, line: int, quote: str) -> list[NodeRef]:
    """Rule: a title that names its issuers ("Notice of the General Office of the Ministry of ... on ...")."""
    words = title_issuer(title)
    if not words:
        return []
    return [b for m in _issuers(c, words) if (b := c.body(m.key, line, quote, m.text))]


def _group_pilot_zones(c: _Collector, ctx: _Context) -> None:
    """Rule: the members of a group a sentence defines are the pilot zones of the document named with it."""
    for name, members in ctx.groups.items():
        line, s = ctx.group_lines[name]
        for number, title, _start, _end in _doc_mentions(s):
            key = _register_doc(ctx, number, title)
            doc = _doc_node(c, ctx, key, line, s)
            for z in members:
                c.rel(Rel.NAMES_ZONE, doc, c.zone(z, line, s), line, s, role="pilot")


def _issuers_over_named(c: _Collector, ctx: _Context) -> None:
    """Rule: a zone a document's sentence names (role ``named``, pass ``documents``) that a rule read in the same
    sentence as one of the document's issuers ("PFTZs in A, B and C ... jointly issued the "Initiative on ..."": role
    ``issuer``, rule ``joint-action``) is its issuer there: that sentence's ``named`` edge of the same document and
    zone is dropped, the ``issuer`` one says more. Another sentence that only names the zone keeps its edge."""
    issued = {
        (r.start, r.end, r.provenance.line, r.provenance.quote)
        for r in c.relations
        if r.type is Rel.NAMES_ZONE and r.properties.get("role") == "issuer"
    }
    if issued:
        c.relations = [
            r
            for r in c.relations
            if not (
                r.type is Rel.NAMES_ZONE
                and r.properties.get("role") == "named"
                and (r.start, r.end, r.provenance.line, r.provenance.quote) in issued
            )
        ]
