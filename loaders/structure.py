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

from pftz.loaders.profile import Profile, alternation, default_profile
from pftz.loaders.records import Section
from pftz.loaders.text import Line, furniture_lines, is_footnote, is_lone_number

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
_CHAPTER_TOC_RE = re.compile(r"^([IVX]+)\.\s+(.+?)(?:\t\s*\d+)?\s*$")
_SECTION_RE = re.compile(r"^\(([IVX]+)\)\s+(.+?)(?:\t\s*\d+)?\s*$")
_ITEM_RE = re.compile(r"^(\d{1,2})\.\s*(.*?)\s*$")
_TERMINAL = (".", ";", ":", "?", "!")
MAX_HEADING = 160


class _Markers(NamedTuple):
    """The heading patterns of an edition, built from its profile's words."""

    part: re.Pattern[str]
    appendix: re.Pattern[str]
    contents: re.Pattern[str]
    chapter: re.Pattern[str] | None


@lru_cache(maxsize=16)
def _markers(part: str, appendix: str, contents: tuple[str, ...], chapter: str) -> _Markers:
    return _Markers(
        re.compile(rf"^{alternation([part])} ([IVX]+)\s+(.+?)\s*$"),
        re.compile(rf"^{alternation([appendix])} (\d+)\s*:\s*(.+?)(?:\t\s*\d+)?\s*$"),
        re.compile(rf"^{alternation(contents)}\s*$", re.IGNORECASE),
        re.compile(rf"^{alternation([chapter])}\s+(\d{{1,2}}|[IVX]+)[.:]?(?:\s+(.+?))?\s*$") if chapter else None,
    )


def markers(profile: Profile) -> _Markers:
    """The part, appendix, contents and chapter heading patterns of an edition profile."""
    return _markers(profile.part, profile.appendix, profile.contents, profile.chapter)


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


def _toc(lines: Sequence[Line], mk: _Markers) -> tuple[int, list[tuple[str, str]], list[str], bool]:
    """Read the table of contents: (last toc line, parts, appendix numbers, whether there is one)."""
    start = next((ln.no for ln in lines if mk.contents.match(ln.text.strip())), None)
    if start is None:
        return 0, [], [], False
    parts: list[tuple[str, str]] = []
    appendices: list[str] = []
    last = start
    for ln in lines:
        if ln.no <= start:
            continue
        s = ln.text.strip()
        if not s or mk.contents.match(s) or is_lone_number(s):
            continue
        if m := mk.part.match(s):
            if (m.group(1), _norm(m.group(2))) in parts:
                break  # a part listed already: the body's own heading of it (an edition that repeats it)
            parts.append((m.group(1), _norm(m.group(2))))
        elif m := mk.appendix.match(s):
            if m.group(1) in appendices:
                break
            appendices.append(m.group(1))
        elif (_SECTION_RE.match(s) and "\t" in ln.text) or _CHAPTER_TOC_RE.match(s):
            pass  # chapters and sections are found in the body; the contents only need skipping
        elif len(s) < MAX_HEADING and not s.endswith(_TERMINAL) and not parts:
            continue
        else:
            break
        last = ln.no
    # a contents heading that lists no part and no appendix (a "Contents" line in a paper) is not an edition's
    return last, parts, appendices, bool(parts or appendices)


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
            heads.append((ln.no, 1, f"{profile.appendix} {m.group(1)}", m.group(2)))
            part_seen = True
        elif (m := mk.part.match(s)) and _norm(m.group(2)) in part_by_title:
            # an edition that prints the part's own heading in the body ("Part II Institutional Innovation")
            heads.append((ln.no, 1, f"{profile.part} {m.group(1)}", m.group(2)))
            part_seen = True
        elif mk.chapter is not None and (m := mk.chapter.match(s)):
            # an edition that prints its chapters as "<chapter word> 3 <title>" rather than a number alone
            n = m.group(1)
            number = ROMAN[int(n) - 1] if n.isdigit() and 0 < int(n) <= len(ROMAN) else n
            heads.append((ln.no, 2, number, m.group(2) or nxt))
            i += 1 if m.group(2) else 2
            continue
        elif (m := _ITEM_RE.match(s)) and (
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
            and not _SECTION_RE.match(nxt)
            and not mk.part.match(nxt)  # a page number before a part's heading is no chapter number
        ):
            n = int(s)
            heads.append((ln.no, 2, ROMAN[n - 1] if 0 < n <= len(ROMAN) else s, nxt))
            i += 2
            continue
        elif (m := _SECTION_RE.match(s)) and len(s) < MAX_HEADING and not s.endswith(_TERMINAL):
            heads.append((ln.no, 3, f"({m.group(1)})", m.group(2)))
        elif (
            (m := _ITEM_RE.match(s))
            and m.group(2)
            and len(s) < MAX_HEADING
            and not s.endswith((".", ";", ":"))
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
    listed = tuple(f"{profile.part} {n}" for n, _ in parts) + tuple(f"{profile.appendix} {n}" for n in appendices)
    return Outline(tuple(sections), body_start, tuple((n, t) for n, t in parts), listed, has_contents)
