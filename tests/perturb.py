"""Perturbed copies of the report: the same content in another layout.

Parsing must not depend on the exact layout of one file, so tests compare
what the loaders read from the real report with what they read from these
copies: paragraphs re-wrapped to another width, page breaks moved or removed,
the two-column interleaving of tables undone.
"""

from __future__ import annotations

import re
import textwrap

from pftz.loaders.text import furniture_lines, split_lines

_CAPTION_RE = re.compile(r"^Table \d+(-\d+ |: )")
_SOURCE_RE = re.compile(r"^Source:")
_NUMBER_RE = re.compile(r"^\d+$")
PAGE_BREAK = ["", "", "", "Report on China's Pilot Free Trade Zones", "", "2025", "", "", ""]


def _line_of(text: str, prefix: str, after: int = 0) -> int:
    """The 1-based number of the first line after line ``after`` that starts with ``prefix``."""
    for no, line in enumerate(text.split("\n"), start=1):
        if no > after and line.startswith(prefix):
            return no
    raise AssertionError(f"no line starts with {prefix!r}")


def _is_row_line(line: str) -> bool:
    cells = [c.strip() for c in line.split("\t") if c.strip()]
    return "\t" in line and bool(cells) and bool(_NUMBER_RE.match(cells[0]))


def _undo_interleaving(text: str) -> tuple[str, int]:
    """Rewrite every two-row line into two lines; return the text and how many lines were split.

    Left-hand rows stay where they are; the right-hand rows of a block of
    interleaved lines follow the block, so rows come in number order. A doubled
    header becomes a single one.
    """
    out: list[str] = []
    pending: list[str] = []
    width = 0
    split = 0
    in_table = False
    for line in text.split("\n"):
        fields = line.split("\t")
        cells = [f.strip() for f in fields]
        if _CAPTION_RE.match(line):
            in_table, width = True, 0
        elif _SOURCE_RE.match(line):
            in_table = False
        if in_table and cells[0] == "No.":
            names = [c for c in cells if c]
            half = len(names) // 2
            doubled = len(names) % 2 == 0 and names[:half] == names[half:]
            width = width or (half if doubled else len(names))
            if doubled:
                line = "\t".join(fields[:half])
        elif in_table and width and len(fields) > width and _NUMBER_RE.match(cells[width]):
            split += 1
            if any(cells[:width]):
                out.append("\t".join(fields[:width]))
            pending.append("\t".join(fields[width:]))
            continue
        if not (in_table and _is_row_line(line)):
            out.extend(pending)
            pending.clear()
        out.append(line)
    out.extend(pending)
    return "\n".join(out), split


def _move_page_breaks(text: str) -> str:
    """Insert a page break after every caption and header and between every two row lines."""
    lines = text.split("\n")
    out: list[str] = []
    in_table = False
    for i, line in enumerate(lines):
        out.append(line)
        if _CAPTION_RE.match(line):
            in_table = True
            out.extend(PAGE_BREAK)
        elif _SOURCE_RE.match(line):
            in_table = False
        elif in_table and (line.startswith("No.\t") or (_is_row_line(line) and _is_row_line(lines[i + 1]))):
            out.extend(PAGE_BREAK)
    return "\n".join(out)


def _without_furniture(text: str, *, blanks: bool) -> str:
    lines = split_lines(text)
    drop = furniture_lines(lines)
    return "\n".join(ln.text for ln in lines if ln.no not in drop and (blanks or ln.text.strip()))


def _replace_line(text: str, no: int, new: str | list[str]) -> str:
    lines = text.split("\n")
    lines[no - 1 : no] = [new] if isinstance(new, str) else new
    return "\n".join(lines)


def rewrapped(text: str, width: int = 47) -> str:
    """The same paragraphs hard-wrapped at another width (a perturbed copy of an excerpt)."""
    return "\n\n".join("\n".join(textwrap.wrap(p, width)) for p in text.split("\n\n"))


def report_facts(text: str) -> set[tuple[str, str, frozenset[str], str]]:
    """(fact, name, actors, adopter) of an excerpt read whole, as ``pftz eval`` sees them."""
    from pftz.loaders.evaluate import facts_from_report
    from pftz.loaders.report import parse_report

    facts = facts_from_report(parse_report(text + "\n", "excerpt.txt"))
    return {(f.fact, f.name, f.actors, f.adopter) for f in facts}


def rewrap_paragraphs(text: str, width: int = 72) -> str:
    """Re-wrap every long body line (not table rows, not headings) to ``width`` columns."""
    out: list[str] = []
    for line in text.split("\n"):
        if "\t" in line or len(line) <= width * 2:
            out.append(line)
        else:
            out.extend(textwrap.wrap(line, width=width, break_long_words=False, break_on_hyphens=False))
    return "\n".join(out)


def move_body_page_breaks(text: str, every: int = 7) -> str:
    """Remove the page furniture and insert a page break inside every ``every``-th long paragraph.

    The break falls mid-sentence (after the 12th word), as a PDF page break does.
    """
    lines = split_lines(text)
    drop = furniture_lines(lines)
    out: list[str] = []
    n = 0
    for ln in lines:
        if ln.no in drop:
            continue
        words = ln.text.split(" ")
        if "\t" not in ln.text and len(words) > 40 and not ln.text.startswith(("Table ", "Source:")):
            n += 1
            if n % every == 0:
                out.append(" ".join(words[:12]))
                out.extend(PAGE_BREAK)
                out.append(" ".join(words[12:]))
                continue
        out.append(ln.text)
    return "\n".join(out)
