"""The text layer: decode a report, drop page furniture, rebuild paragraphs.

The report is text extracted from a PDF: paragraphs are single lines or runs of
lines separated by blank lines; every page starts with a running head (the
edition profile's ``running_heads``, then the edition year); chapters open with their
number alone on a line; footnote markers (``¹``) sit inside sentences and the
footnotes themselves sit at the bottom of pages, where they can split a sentence
that continues on the next page.

:func:`paragraphs` returns :class:`Paragraph` objects whose text has all that
removed and whose sentences are joined across page breaks, while
:meth:`Paragraph.line_at` still maps any character back to its original line.
"""

from __future__ import annotations

import os
import re
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from pftz.ground.errors import ReportParseError
from pftz.ground.text import decode_text, invisible_chars, remove_invisible
from pftz.loaders.profile import Profile, default_profile

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUPERSCRIPT_RE = re.compile(f"[{SUPERSCRIPTS}]+")
_FOOTNOTE_RE = re.compile(f"^[{SUPERSCRIPTS}]+\\s*\\S")
_EDITION_RE = re.compile(r"^(19|20)\d\d$")
_HEAD_YEAR_RE = re.compile(r"^(?P<head>.*\S)\s+(?:19|20)\d\d$")
"""A running head with its edition year on the same line (``Report on ... Zones 2027``)."""
_LONE_NUMBER_RE = re.compile(r"^\d{1,3}\.?$")
_CONNECTOR_END_RE = re.compile(
    r"(\b(a|an|the|of|and|or|to|in|for|by|with|as|from|on|at|is|are|was|were|its|their|such|that|"
    r"this|these|including|between|into|under|via)|[,—–\-(])$",
    re.IGNORECASE,
)
_TERMINAL_RE = re.compile(r"[.!?:;\"”)\]]\s*$")


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the source file, 1-based."""

    no: int
    text: str


MAX_REPORT_MB = 32
"""The default largest report read, in MiB (the bundled report is 0.4 MB)."""

MAX_REPORT_ENV = "PFTZ_MAX_REPORT_MB"
"""Environment variable that sets another limit (a positive number of MiB)."""


def report_size_limit() -> int:
    """Return the largest report size in bytes: ``$PFTZ_MAX_REPORT_MB`` MiB, or :data:`MAX_REPORT_MB`.

    Raises
    ------
    ReportParseError
        The environment variable is not a positive number.
    """
    raw = os.environ.get(MAX_REPORT_ENV, "").strip()
    if not raw:
        return MAX_REPORT_MB * 1024 * 1024
    try:
        mb = float(raw)
    except ValueError:
        mb = -1.0
    if not mb > 0 or mb != mb or mb == float("inf"):
        msg = f"{MAX_REPORT_ENV}={raw!r} is not a positive number of MiB (the default is {MAX_REPORT_MB})"
        raise ReportParseError(msg)
    return int(mb * 1024 * 1024)


def read_report_bytes(path: str | Path, limit: int | None = None) -> bytes:
    """Read a report's bytes, refusing more than ``limit`` bytes (never reading past it).

    Parameters
    ----------
    path
        The file (a device such as ``/dev/zero`` stops at the limit too).
    limit
        The largest size in bytes; :func:`report_size_limit` when omitted.

    Returns
    -------
    bytes
        The file's bytes.

    Raises
    ------
    ReportParseError
        The file is larger than the limit (the message names the line where
        the limit is reached and the variable that raises it).
    OSError
        The file cannot be read.
    """
    limit = report_size_limit() if limit is None else limit
    with Path(path).open("rb") as fh:
        data = fh.read(limit + 1)
    if len(data) > limit:
        line = data.count(b"\n", 0, limit) + 1
        msg = (
            f"the file is larger than the report size limit of {limit / 1048576:g} MiB (reading stopped at "
            f"line {line}); a report is a few MB of text at most: check the file, or set {MAX_REPORT_ENV} "
            "to a larger number of MiB"
        )
        raise ReportParseError(msg, str(path), line)
    return data


def decode_report(data: bytes, path: str) -> str:
    """Decode report bytes as UTF-8 text (:func:`ground.text.decode_text`).

    Raises
    ------
    ReportParseError
        Empty or whitespace-only input, binary data, UTF-16 or another
        encoding than UTF-8; the message names the file, the line and the
        encoding detected (or says it is unknown).
    """
    return decode_text(
        data,
        path,
        error=ReportParseError,
        expected="report text",
        advice="convert it to UTF-8 (for example with iconv -f {encoding} -t UTF-8)",
    )


def invisible_lines(text: str) -> tuple[str, list[tuple[int, list[str], str]]]:
    """Remove zero-width, bidirectional and other invisible characters, as user data does.

    The characters are those of :func:`ground.text.invisible_chars` (``U+200B``,
    ``U+200F``, ``U+202E``, a soft hyphen...): inside a name they would hide it
    from the gazetteer. Line ends and tabs stay, so line numbers hold.

    Returns
    -------
    tuple
        The text without them, and for each line that held some: its number,
        the characters removed and the line as it was.

    Examples
    --------
    >>> text, found = invisible_lines("a\\nShang\\u200bhai PFTZ")
    >>> text, [(no, chars) for no, chars, _ in found]
    ('a\\nShanghai PFTZ', [(2, ['\\u200b'])])
    """
    if not invisible_chars(text.replace("\n", " ").replace("\t", " ")):
        return text, []
    found = []
    for no, line in enumerate(text.split("\n"), start=1):
        chars = invisible_chars(line)
        if chars:
            found.append((no, chars, line))
    return remove_invisible(text), found


def split_lines(text: str) -> list[Line]:
    """Split text into numbered :class:`Line` objects (1-based)."""
    return [Line(i, t) for i, t in enumerate(text.split("\n"), start=1)]


def is_running_head(text: str, profile: Profile | None = None) -> bool:
    """Whether a line is part of the running head printed on every page (the profile's ``running_heads``)."""
    return (profile or default_profile()).is_running_head(text)


def furniture_lines(lines: Sequence[Line], profile: Profile | None = None) -> set[int]:
    """Return the line numbers of page furniture: running heads and their edition year.

    A year alone on a line counts as furniture only within two non-blank lines
    after a running head, so a year that belongs to the text is kept; a head
    printed with its year on the same line is furniture too. The running heads
    are the edition profile's (the default profile when omitted); in a text where they head fewer than
    :data:`_MIN_HEAD_REPEATS` pages (a title page may print one), also the lines :func:`repeated_heads` finds
    beside the page numbers.
    """
    is_head = (profile or default_profile()).is_running_head

    def head(s: str) -> bool:
        if is_head(s):
            return True
        m = _HEAD_YEAR_RE.match(s) if s[-1].isdigit() else None
        return m is not None and is_head(m.group("head"))

    out = _furniture(lines, head, set())
    named = sum(1 for ln in lines if ln.no in out and not _EDITION_RE.match(ln.text.strip())) >= _MIN_HEAD_REPEATS
    # the profile's heads head no pages: those the pages repeat; else those the pages repeat after the profile's,
    # but for their first printing (a chapter's title, printed again on its later pages)
    if beside_page := repeated_heads(lines, keep_first=named):
        out = _furniture(lines, head, beside_page)
    return out


def _furniture(lines: Sequence[Line], head: Callable[[str], bool], beside_page: set[int]) -> set[int]:
    """The running heads (``head``, or the lines ``beside_page``) and the edition years printed after them."""
    out: set[int] = set()
    since_head = 99
    for ln in lines:
        s = ln.text.strip()
        if not s:
            continue
        if ln.no in beside_page or head(s):
            out.add(ln.no)
            since_head = 0
            continue
        since_head += 1
        if since_head <= 2 and _EDITION_RE.match(s):
            out.add(ln.no)
    return out


_MIN_HEAD_REPEATS = 3
"""How many pages a line must head (beside their page numbers) to be a running head the profile does not name."""
_MAX_HEAD_CHARS = 80


def repeated_heads(lines: Sequence[Line], *, keep_first: bool = False) -> set[int]:
    """Line numbers of running heads the profile does not name, found by their repetition on the page.

    A running head is a short line without a tab that stands next to a page number (a number alone, the
    nearest non-blank line before or after it) on at least :data:`_MIN_HEAD_REPEATS` pages, printed the
    same each time ("CAITEC · China PFTZ Report 2028", "Chapter One · The Year in Review"); only those
    printings beside a page number are furniture, so a heading printed once more in the body is kept. With
    ``keep_first`` the first printing is kept too: a chapter's title under the page number of its first page, printed
    again under those of its later pages.

    Examples
    --------
    >>> page = ["Body text.", "", "Annual Review of Zones 2030", "7", "", "More text."]
    >>> text = [*page, *page, *page]
    >>> sorted(repeated_heads([Line(i + 1, t) for i, t in enumerate(text)]))
    [3, 9, 15]
    """
    shown = [(ln.no, ln.text.strip()) for ln in lines if ln.text.strip()]
    beside: dict[str, list[int]] = {}
    for k, (_, s) in enumerate(shown):
        if not _LONE_NUMBER_RE.match(s):
            continue
        for j in (k - 1, k + 1):
            if 0 <= j < len(shown):
                no, t = shown[j]
                if len(t) <= _MAX_HEAD_CHARS and "\t" not in t and not _LONE_NUMBER_RE.match(t) and t[-1] != ".":
                    beside.setdefault(t, []).append(no)
    heads = [sorted(set(nos)) for nos in beside.values() if len(set(nos)) >= _MIN_HEAD_REPEATS]
    return {no for nos in heads for no in (nos[1:] if keep_first else nos)}


_PLAIN_FOOTNOTE_RE = re.compile(r"^\d{1,2}\s+[A-Z]")


def footnote_lines(lines: Sequence[Line], furniture: set[int]) -> set[int]:
    """Line numbers of footnotes numbered with plain digits (``1 China (Zhejiang) ...``).

    A block of lines starting ``<digits> <Capital>`` is a footnote only at the
    foot of a page: page furniture is the next non-blank line, or a page break
    (two or more blank lines) follows the block.
    """
    out: set[int] = set()
    i = 0
    while i < len(lines):
        ln = lines[i]
        starts_block = i == 0 or not lines[i - 1].text.strip()
        if not (starts_block and _PLAIN_FOOTNOTE_RE.match(ln.text) and "\t" not in ln.text):
            i += 1
            continue
        j = i
        while j + 1 < len(lines) and lines[j + 1].text.strip():
            j += 1
        nxt = next((x for x in lines[j + 1 :] if x.text.strip()), None)
        if nxt is not None and (nxt.no in furniture or nxt.no - lines[j].no > 2):
            out.update(x.no for x in lines[i : j + 1])
        i = j + 1
    return out


def strip_markers(text: str) -> str:
    """Remove footnote markers (superscript digits) from a line of text."""
    return _SUPERSCRIPT_RE.sub("", text)


def is_footnote(text: str) -> bool:
    """Whether a line is a footnote (starts with a superscript number)."""
    return bool(_FOOTNOTE_RE.match(text.strip()))


def is_lone_number(text: str) -> bool:
    """Whether a line is a number alone (a chapter number or page number)."""
    return bool(_LONE_NUMBER_RE.match(text.strip()))


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph of body text with a map from characters to source lines.

    Parameters
    ----------
    text
        The paragraph, furniture and footnote markers removed, pieces joined by
        one space.
    offsets
        Start offset in ``text`` of each piece.
    line_nos
        Source line of each piece (same length as ``offsets``).
    """

    text: str
    offsets: tuple[int, ...]
    line_nos: tuple[int, ...]

    @property
    def line(self) -> int:
        """The line the paragraph starts on."""
        return self.line_nos[0]

    @property
    def end_line(self) -> int:
        """The line the paragraph ends on."""
        return self.line_nos[-1]

    def line_at(self, offset: int) -> int:
        """Return the source line holding character ``offset`` of :attr:`text`."""
        i = bisect_right(self.offsets, offset) - 1
        return self.line_nos[max(i, 0)]

    def pieces(self, start: int, end: int) -> Paragraph:
        """The paragraph made of source lines ``start`` to ``end - 1`` of this one (indexes into :attr:`line_nos`)."""
        a = self.offsets[start]
        b = self.offsets[end] - 1 if end < len(self.offsets) else len(self.text)
        return Paragraph(self.text[a:b], tuple(o - a for o in self.offsets[start:end]), self.line_nos[start:end])

    def part(self, start: int, end: int) -> Paragraph:
        """The paragraph made of characters ``start`` to ``end`` of this one, with their lines (a sentence of it)."""
        first = max(bisect_right(self.offsets, start) - 1, 0)
        last = max(bisect_right(self.offsets, max(end - 1, start)) - 1, first)
        offsets = (0, *(o - start for o in self.offsets[first + 1 : last + 1]))
        return Paragraph(self.text[start:end], offsets, self.line_nos[first : last + 1])


LONG_PARAGRAPH = 150
"""A paragraph at least this long that stops without terminal punctuation at a
page break continues on the next page (headings are shorter)."""


PAGE_GAP = 2
"""Blank lines in a row that mark a page break when the text kept no running head (one blank line
separates paragraphs)."""


def _joins(prev: str, nxt: str) -> bool:
    """Whether paragraph ``prev`` continues with ``nxt`` across a page break."""
    prev = prev.rstrip()
    nxt = nxt.lstrip()
    if not prev or not nxt:
        return False
    if nxt[0].islower() or nxt[0] in "—–,;)":
        return True
    if _TERMINAL_RE.search(prev):
        return False
    if prev.count('"') % 2 or prev.count("“") > prev.count("”"):
        return True  # an open quotation continues
    return len(prev) >= LONG_PARAGRAPH or bool(_CONNECTOR_END_RE.search(prev))


def paragraphs(
    lines: Sequence[Line], *, skip: set[int] | None = None, profile: Profile | None = None
) -> list[Paragraph]:
    """Group lines into paragraphs and join paragraphs split by page breaks.

    Parameters
    ----------
    lines
        The lines of one region of the report (all of them, or one part).
    skip
        Line numbers to drop entirely (furniture found by the caller).
    profile
        The edition profile whose running heads are dropped (the default when omitted).

    Returns
    -------
    list of Paragraph
        Blank lines separate paragraphs. Running heads, edition years and
        footnotes are dropped; a paragraph that ends mid-sentence and is
        followed (across dropped lines) by one that continues it is joined.
        Lines are joined by one space, or by none after a word cut at its
        hyphen (``cross-`` / ``border``: ``cross-border``; not ``high-`` / ``and low-``).
    """
    furniture = furniture_lines(lines, profile)
    skip = furniture | footnote_lines(lines, furniture) | (skip or set())
    raw: list[list[Line]] = []
    current: list[Line] = []
    broken = False  # a page break (dropped furniture) since the last kept line
    blanks = 0  # blank lines in a row: a run of them is a page break of a text without furniture
    for ln in lines:
        s = ln.text.strip()
        if ln.no in skip or is_footnote(s):
            if current:
                raw.append(current)
                current = []
            broken = True
            continue
        if not s:
            if current:
                raw.append(current)
                current = []
            blanks += 1
            broken = broken or blanks >= PAGE_GAP
            continue
        blanks = 0
        if broken and not current and raw and is_lone_number(s):
            prev = " ".join(x.text for x in raw[-1]).rstrip()
            if prev and not _TERMINAL_RE.search(prev):
                continue  # a page number between the two halves of a sentence cut by the page break
        if not current and raw and (s[0].islower() or (broken and _joins(" ".join(x.text for x in raw[-1]), s))):
            current = raw.pop()
        broken = False
        current.append(Line(ln.no, strip_markers(ln.text).strip()))
    if current:
        raw.append(current)

    out: list[Paragraph] = []
    for group in raw:
        text = ""
        offsets: list[int] = []
        for ln in group:
            if text:
                # a word broken at its hyphen by the line end ("cross-" / "border") is one word again
                # (the pattern ends at ``$``: only the text's last three characters can match, and a search of
                # the whole text made a long paragraph quadratic)
                cut = (
                    _HYPHEN_END_RE.search(text, max(len(text) - 3, 0))
                    and ln.text[:1].islower()
                    and not _SUSPENDED_RE.match(ln.text)
                )
                text += "" if cut else " "
            offsets.append(len(text))
            text += ln.text
        out.append(Paragraph(text, tuple(offsets), tuple(ln.no for ln in group)))
    return out


_HYPHEN_END_RE = re.compile(r"[A-Za-z]-$")
"""A line ending in a hyphen after a letter: the word goes on at the next line, without a space."""
_SUSPENDED_RE = re.compile(r"(?:and|or|to)\s")
"""A suspended hyphen (``high-`` / ``and low-sulfur``) keeps its space."""


MAX_PARAGRAPH = 8000
"""A paragraph longer than this (characters) that no blank line ends is split where a line ends a sentence
(:func:`split_long_paragraphs`); the longest paragraph of the bundled report is about 4,200."""

_STARTS_SENTENCE_RE = re.compile(r"[\"“(]?[A-Z0-9*]")


@dataclass(frozen=True, slots=True)
class Split:
    """A paragraph :func:`split_long_paragraphs` split: its lines, its length and the number of parts."""

    line: int
    end_line: int
    chars: int
    parts: int


def split_long_paragraphs(
    paras: Sequence[Paragraph], limit: int = MAX_PARAGRAPH
) -> tuple[list[Paragraph], list[Split]]:
    """Split paragraphs longer than ``limit`` at every line that ends a sentence.

    A text whose paragraphs have no blank lines between them (every paragraph
    one line, or hard-wrapped lines run together) reads as one paragraph; the
    rules would read it as one and every fact would quote it whole. Such a
    paragraph is cut after each line that ends with terminal punctuation and is
    followed by a line that starts like a sentence (a capital, a digit or an
    opening quote), which restores one-line paragraphs exactly. A paragraph
    with no such line end stays whole (:func:`sentences` still bounds its
    sentences).

    Returns
    -------
    tuple
        The paragraphs, and a :class:`Split` for each one that was split.

    Examples
    --------
    >>> lines = split_lines("First paragraph ends.\\nSecond one starts and\\nwraps here.\\nThird.")
    >>> paras, splits = split_long_paragraphs(paragraphs(lines), limit=20)
    >>> [(p.line, p.text) for p in paras], splits[0].parts
    ([(1, 'First paragraph ends.'), (2, 'Second one starts and wraps here.'), (4, 'Third.')], 3)
    """
    out: list[Paragraph] = []
    splits: list[Split] = []
    for p in paras:
        if len(p.text) <= limit or len(p.offsets) < 2:
            out.append(p)
            continue
        cuts = [0]
        for i in range(1, len(p.offsets)):
            prev = p.text[p.offsets[i - 1] : p.offsets[i] - 1]
            if _TERMINAL_RE.search(prev) and _STARTS_SENTENCE_RE.match(p.text, p.offsets[i]):
                cuts.append(i)
        if len(cuts) == 1:
            out.append(p)
            continue
        cuts.append(len(p.offsets))
        out.extend(p.pieces(a, b) for a, b in pairwise(cuts))
        splits.append(Split(p.line, p.end_line, len(p.text), len(cuts) - 1))
    return out, splits


MAX_SENTENCE = 4000
"""The longest sentence :func:`sentences` yields (characters); a longer run of text without a sentence end is
cut at a clause or word boundary (the longest sentence of the bundled report is about 3,400)."""

_CLAUSE_END_RE = re.compile(r"[;,:]\s")


def _bounded(start: int, sentence: str, limit: int) -> Iterator[tuple[int, str]]:
    """Cut a sentence longer than ``limit`` at its last clause end (``; , :``) or space within each ``limit``."""
    while len(sentence) > limit:
        window = sentence[:limit]
        cut = max((m.end() for m in _CLAUSE_END_RE.finditer(window, limit // 2)), default=0)
        cut = cut or (window.rfind(" ", limit // 2) + 1) or limit
        piece = sentence[:cut].rstrip()
        yield start, piece
        rest = sentence[cut:]
        start += cut + len(rest) - len(rest.lstrip())
        sentence = rest.lstrip()
    if sentence:
        yield start, sentence


_ABBREV_END_RE = re.compile(
    r"(\bNo|\b[A-Z]|\bSt|\bvs|\be\.g|\bi\.e|\bCo|\bLtd|\bart|\bArt|\b(?:[A-Z][A-Za-z]{0,3}\.)+[A-Z][A-Za-z]{0,3})\.$"
)
"""Ends of text where a period does not end a sentence (``No.``, ``G.Fa.``, initials)."""
_SENTENCE_END_RE = re.compile(r"(?<=[.!?;])[\"”’)]?\s+(?=[\"“(]?[A-Z*])")


def sentences(p: Paragraph) -> Iterator[tuple[int, str]]:
    """Yield ``(start offset, sentence)`` pairs of a paragraph.

    The split is conservative: it needs terminal punctuation followed by a
    capital, and never splits inside abbreviations such as ``G.Fa.`` or
    ``No. 9`` (a capital after ``No.`` or a one-letter initial does not start
    a sentence). A sentence is at most :data:`MAX_SENTENCE` characters: a
    longer run without a sentence end is cut at a clause end or a space, so
    that no evidence quote grows with the paragraph.
    """
    start = 0
    text = p.text
    for m in _SENTENCE_END_RE.finditer(text):
        before = text[max(0, m.start() - 16) : m.start()]
        if _ABBREV_END_RE.search(before):
            continue
        yield from _sentence(text, start, m.start() + len(m.group(0).rstrip()))
        start = m.end()
    if start < len(text):
        yield from _sentence(text, start, len(text))


def bound_quote(quote: str, limit: int = MAX_SENTENCE) -> str:
    """An evidence quote of at most ``limit`` characters and an ellipsis: cut at a word boundary when longer.

    Sentences are bounded already (:func:`sentences`); this bounds what is
    quoted whole otherwise (a table row, a line), so that no fact's evidence
    grows with its input.

    Examples
    --------
    >>> bound_quote("a b c d e f", limit=6)
    'a b c …'
    """
    quote = quote.strip()
    if len(quote) <= limit:
        return quote
    cut = quote.rfind(" ", limit // 2, limit)
    return quote[: cut if cut > 0 else limit].rstrip() + " …"


def _sentence(text: str, start: int, end: int) -> Iterator[tuple[int, str]]:
    raw = text[start:end]
    s = raw.strip()
    if len(s) <= MAX_SENTENCE:
        yield start, s
        return
    yield from _bounded(start + len(raw) - len(raw.lstrip()), s, MAX_SENTENCE)
