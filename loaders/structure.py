"""The report's structure: parts, chapters, ``(I)`` sections and numbered items.

The report's own table of contents (its heading, part and appendix words come
from the edition profile, :mod:`loaders.profile`) names the parts ("Part I Comprehensive
Development"), chapters ("V. Enhancing ...") and sections ("(I) Releasing ...
88"). In the body the same headings appear differently: a part as "1.
Comprehensive Development" (or "2." and its title on the next line), a chapter
as its number alone on a line followed by its title, a section as "(I) ...",
an item as "1. ...". :func:`parse_structure` reads the contents when there is
one and falls back to the heading patterns alone when there is not (as in an
excerpt), and returns every heading with its line range.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from pftz.loaders.lexicon import NUMBER_FORMS, ROMAN_NUMERALS, number_value
from pftz.loaders.profile import Profile, alternation, default_profile
from pftz.loaders.records import Section
from pftz.loaders.text import Line, furniture_lines, is_footnote, is_lone_number

_TERMINAL = (".", ";", ":", "?", "!")
MAX_HEADING = 160


class _Markers(NamedTuple):
    """The heading patterns of an edition, built from its profile's words and number forms."""

    part: re.Pattern[str]
    """``<part word> <number> [<title>]`` (groups: the number, the title or None when on the next line)."""
    appendix: re.Pattern[str]
    """``<appendix word> [<number>]: <title>`` (an edition with one appendix may print no number)."""
    contents: re.Pattern[str]
    chapter: re.Pattern[str] | None
    chapter_toc: re.Pattern[str]
    """A chapter as the contents list it (``V. Enhancing ...``)."""
    section: re.Pattern[str]
    """A section (``(I) Releasing ...``), with its page number in the contents."""
    item: re.Pattern[str]
    """A numbered item (``2. Trade facilitation``)."""


def _shape(marker: str, number: str) -> str:
    """A heading shape of the profile (``"(N)"``) as a pattern, its number the first group."""
    before, after = marker.split("N", 1)
    return re.escape(before) + f"({number})" + re.escape(after)


@lru_cache(maxsize=16)
def _markers(
    part: str,
    appendix: str,
    contents: tuple[str, ...],
    chapter: str,
    numbers: tuple[str, ...],
    shapes: tuple[str, str, str],
) -> _Markers:
    num = "(?:" + "|".join(NUMBER_FORMS[n] for n in numbers) + ")"
    digits = NUMBER_FORMS["arabic"]
    section, chapter_toc, item = shapes
    return _Markers(
        re.compile(rf"^{alternation([part])} ({num})(?:\s+(.+?))?\s*$"),
        re.compile(rf"^{alternation([appendix])}(?: (\d+))?\s*:\s*(.+?)(?:\t\s*\d+)?\s*$"),
        re.compile(rf"^{alternation(contents)}\s*$", re.IGNORECASE),
        re.compile(rf"^{alternation([chapter])}\s+({digits}|[IVX]+)[.:]?(?:\s+(.+?))?\s*$") if chapter else None,
        re.compile(rf"^{_shape(chapter_toc, num)}\s+(.+?)(?:\t\s*\d+)?\s*$"),
        re.compile(rf"^{_shape(section, num)}\s+(.+?)(?:\t\s*\d+)?\s*$"),
        re.compile(rf"^{_shape(item, digits)}\s*(.*?)\s*$"),
    )


def markers(profile: Profile) -> _Markers:
    """The part, appendix, contents, chapter, section and item heading patterns of an edition profile."""
    shapes = (profile.section_marker, profile.chapter_marker, profile.item_marker)
    return _markers(profile.part, profile.appendix, profile.contents, profile.chapter, profile.numbers, shapes)


def _numbered(word: str, number: str | None) -> str:
    """A part's or appendix's name as the outline keeps it: ``Appendix 2``, or ``Appendix`` when it has no number."""
    return f"{word} {number}" if number else word


def _roman(number: str) -> str:
    """A chapter number as the outline keeps it: Roman (``3`` -> ``III``), or as printed when beyond the numerals."""
    n = number_value(number)
    return ROMAN_NUMERALS[n - 1] if n is not None and 0 < n <= len(ROMAN_NUMERALS) else number.strip()


def _norm(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", s.casefold()).strip()


@dataclass(frozen=True, slots=True)
class Outline:
    """The report's structure and where its body starts.

    Parameters
    ----------
    sections
        Every heading found, in order, with its line range.
    body_start
        First line of the body (after the table of contents).
    part_titles
        Normalised part titles from the table of contents, with their numbers.
    listed
        The parts and appendices the table of contents lists.
    """

    sections: tuple[Section, ...]
    body_start: int
    part_titles: tuple[tuple[str, str], ...]
    listed: tuple[str, ...] = ()
    """Parts and appendices the table of contents lists (the part or appendix word and number)."""
    has_contents: bool = False
    """Whether the text has a table of contents: an edition of the report has one, other texts do not."""
    _paths: dict[int, str] = field(default_factory=dict, compare=False, repr=False)
    """Memo of :meth:`path_at`: every record asks for the path of its line."""

    def path_at(self, line: int) -> str:
        """Return the section path (``"Part I > V > (I) > 2"``) holding ``line``."""
        cached = self._paths.get(line)
        if cached is None:
            best: dict[int, Section] = {}
            for s in self.sections:
                if s.start_line <= line <= s.end_line:
                    best[s.level] = s
            cached = self._paths[line] = " > ".join(best[k].path.rsplit(" > ", 1)[-1] for k in sorted(best))
        return cached

    def find(self, level: int, title_words: str) -> list[Section]:
        """Return the sections of ``level`` whose title contains ``title_words`` (case-insensitive)."""
        w = _norm(title_words)
        return [s for s in self.sections if s.level == level and w in _norm(s.title)]

    def within(self, section: Section, level: int) -> list[Section]:
        """Return the sections of ``level`` inside ``section``."""
        return [s for s in self.sections if s.level == level and section.start_line <= s.start_line <= section.end_line]


_PAGE_AT_END_RE = re.compile(r"(?:\t+|\s*\.{2,}\s*|\s{2,})\d{1,4}$")
"""The page number a contents line ends with ("Part III Outlook<TAB>92", "Outlook .... 92")."""


def _toc(lines: Sequence[Line], mk: _Markers) -> tuple[int, list[tuple[str, str]], list[str], bool]:
    """Read the table of contents: (last toc line, parts, appendix numbers, whether there is one)."""
    start = next((ln.no for ln in lines if mk.contents.match(ln.text.strip())), None)
    if start is None:
        return 0, [], [], False
    parts: list[tuple[str, str]] = []
    appendices: list[str] = []
    last = start
    rest = [ln for ln in lines if ln.no > start and ln.text.strip()]
    for k, ln in enumerate(rest):
        s = ln.text.strip()
        if mk.contents.match(s) or is_lone_number(s):
            continue
        if m := mk.part.match(s):
            title = m.group(2) or (rest[k + 1].text.strip() if k + 1 < len(rest) else "")
            title = _PAGE_AT_END_RE.sub("", title)
            if (m.group(1), _norm(title)) in parts:
                break  # a part listed already: the body's own heading of it (an edition that repeats it)
            parts.append((m.group(1), _norm(title)))
        elif m := mk.appendix.match(s):
            if (m.group(1) or "") in appendices:
                break
            appendices.append(m.group(1) or "")
        elif (m := mk.chapter_toc.match(s)) and any(_norm(m.group(2)) == t for _n, t in parts):
            break  # the body's heading of a part listed already ("1. Comprehensive Development")
        elif (mk.section.match(s) and "\t" in ln.text) or mk.chapter_toc.match(s):
            pass  # chapters and sections are found in the body; the contents only need skipping
        elif len(s) < MAX_HEADING and not s.endswith(_TERMINAL) and (not parts or _norm(s) == parts[-1][1]):
            continue  # a line before the first part, or the title of a part printed on the next line
        else:
            break
        last = ln.no
    # a contents heading that lists no part and no appendix (a "Contents" line in a paper) is not an edition's
    return last, parts, appendices, bool(parts or appendices)


_CONTINUED_RE = re.compile(r"[a-z]|\([A-Z][a-z]")
"""A next line that continues the one before (lower case, or a bracket opening a name: ``(Qinzhou Port Area``)."""


def _wrapped_sentence(body: Sequence[Line], i: int) -> bool:
    """Whether line ``i`` opens a wrapped sentence, not a heading: the next line continues it
    (:data:`_CONTINUED_RE`) and the run of lines that follow it without a blank ends with ``;`` or ``.``
    (a heading wrapped over two lines ends with neither)."""
    j = i
    while j + 1 < len(body) and body[j + 1].no == body[j].no + 1 and j - i < 4:
        if j == i and not _CONTINUED_RE.match(body[j + 1].text.strip()):
            return False
        j += 1
    return j > i and body[j].text.rstrip().endswith((";", "."))


def parse_structure(lines: Sequence[Line], profile: Profile | None = None) -> Outline:
    """Find the parts, chapters, sections and numbered items of a report.

    Parameters
    ----------
    lines
        All lines of the report.
    profile
        The edition profile (its contents heading, part and appendix words);
        the default profile when omitted.

    Returns
    -------
    Outline
        Headings with levels 1 (part or appendix), 2 (chapter), 3 (``(I)``
        section) and 4 (numbered item), their paths and line ranges.
    """
    profile = profile or default_profile()
    mk = markers(profile)
    toc_end, parts, appendices, has_contents = _toc(lines, mk)
    skip = furniture_lines(lines, profile)
    body = [ln for ln in lines if ln.no > toc_end and ln.no not in skip and ln.text.strip()]
    body_start = body[0].no if body else 1
    part_by_title = {t: num for num, t in parts}
    last_no = lines[-1].no if lines else 1

    heads: list[tuple[int, int, str, str]] = []  # (line, level, number, title)
    i = 0
    part_seen = False
    while i < len(body):
        ln = body[i]
        s = ln.text.strip()
        nxt = body[i + 1].text.strip() if i + 1 < len(body) else ""
        if is_footnote(s):
            i += 1
            continue
        if m := mk.appendix.match(s):
            heads.append((ln.no, 1, _numbered(profile.appendix, m.group(1)), m.group(2)))
            part_seen = True
        elif (m := mk.part.match(s)) and _norm(m.group(2) or nxt) in part_by_title:
            # an edition that prints the part's own heading in the body ("Part II Institutional Innovation"),
            # its title on the same line or the next
            heads.append((ln.no, 1, f"{profile.part} {m.group(1)}", m.group(2) or nxt))
            part_seen = True
            i += 1 if m.group(2) else 2
            continue
        elif mk.chapter is not None and (m := mk.chapter.match(s)):
            # an edition that prints its chapters as "<chapter word> 3 <title>" rather than a number alone
            n = m.group(1)
            number = _roman(n)
            heads.append((ln.no, 2, number, m.group(2) or nxt))
            i += 1 if m.group(2) else 2
            continue
        elif (m := mk.item.match(s)) and (
            _norm(m.group(2)) in part_by_title or (not m.group(2) and _norm(nxt) in part_by_title)
        ):
            title = m.group(2) or nxt
            heads.append((ln.no, 1, f"{profile.part} {part_by_title[_norm(title)]}", title))
            part_seen = True
            i += 1 if m.group(2) else 2
            continue
        elif (
            is_lone_number(s)
            and not s.endswith(".")
            and nxt
            and len(nxt) < MAX_HEADING
            and not nxt.endswith(_TERMINAL)
            and nxt[0].isupper()
            and not mk.section.match(nxt)
            and not mk.part.match(nxt)  # a page number before a part's or an appendix's heading is no chapter number
            and not mk.appendix.match(nxt)
        ):
            heads.append((ln.no, 2, _roman(s), nxt))
            i += 2
            continue
        elif (m := mk.section.match(s)) and len(s) < MAX_HEADING and not s.endswith(_TERMINAL):
            heads.append((ln.no, 3, f"({m.group(1)})", m.group(2)))
        elif (
            (m := mk.item.match(s))
            and m.group(2)
            and len(s) < MAX_HEADING
            and not s.endswith((".", ";", ":"))
            and not _wrapped_sentence(body, i)  # "1. A ledger for imported\ncargo (X Area) -- ...;": a list item
            and (part_seen or not parts)
        ):
            heads.append((ln.no, 4, m.group(1), m.group(2)))
        i += 1

    sections: list[Section] = []
    for idx, (no, level, number, title) in enumerate(heads):
        end = last_no
        for later_no, later_level, _, _ in heads[idx + 1 :]:
            if later_level <= level:
                end = later_no - 1
                break
        parents = [h for h in heads[:idx] if h[1] < level]
        path_parts: dict[int, str] = {}
        for p in parents:
            path_parts[p[1]] = p[2]
            for deeper in [k for k in path_parts if k > p[1]]:
                del path_parts[deeper]
        path_parts[level] = number
        path = " > ".join(path_parts[k] for k in sorted(path_parts))
        sections.append(Section(level, number, title, path, no, end))
    listed = tuple(f"{profile.part} {n}" for n, _ in parts) + tuple(_numbered(profile.appendix, n) for n in appendices)
    return Outline(tuple(sections), body_start, tuple((n, t) for n, t in parts), listed, has_contents)
