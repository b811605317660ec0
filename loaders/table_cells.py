"""The innovations a table cell names as examples (quoted or a bare list), for the tables :mod:`loaders.tables` reads.

A cell sentence names its examples quoted after ``such as``, ``including`` or a count, each with the scope
stated for it (:func:`cell_examples`); a cell of a column of examples names them as a bare list, unquoted and
without a verb (:func:`cell_names`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pftz.loaders.lexicon import CELL_CLAUSE_WORDS
from pftz.loaders.profile import alternation
from pftz.loaders.quotes import quoted_spans

# --------------------------------------------------------------------------- named examples in cells
_AREAS_RE = re.compile(r"\b(?:areas|fields|sectors|domains)\s+(?:such as|like|including)\b", re.IGNORECASE)
_EXAMPLE_INTRO_RE = re.compile(r"\b(?:such as|including|like)\s+(?:the\s+)?$")
_COUNT_NOUN_RE = re.compile(
    r"\b(?:cases?|innovations?|practices?|experience|achievements?|outcomes?|measures?)\b", re.IGNORECASE
)
_DASH_LIST_RE = re.compile(r"[—–]\s*(?:including|such as|like)\s+(?:the\s+)?(?P<list>[^—–\"“”]+?)\s*[—–]")
_SUCH_AS_RE = re.compile(
    r"\b(?:such as|including|like)\s+(?:the\s+)?(?P<name>[a-z][^,;:\"“”—–]{10,200}?)"
    r"(?=,|;|[—–]|\s+(?:are|is|have|has|were|was)\b|\.\s|\.$)"
)
_COUNTED_RE = re.compile(
    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:(?:[\w-]+\s+){0,3}?"
    r"(?:cases?|innovations?|practices?|experience|achievements?|outcomes?|measures?)\b|"
    r"(?=(?:(?:are|were|is)\s+)?(?:replicated|applied|apply|promoted|disseminated|rolled out)\b))",
    re.IGNORECASE,
)
"""A count that opens a clause of its own scope: ``23 innovations replicated province-wide, such as A, and four
replicated in designated areas, such as B`` (a bare count before its verb too)."""
_DESIGNATED_RE = re.compile(
    r"\b(?:specific regions|designated areas|eligible areas|certain areas)(?: within the province)?\b"
)
_REFERENCE_RE = re.compile(r"\bfor (?:local )?reference\b")
_CLAUSE_BREAK_RE = re.compile(
    r";|,\s+and\s+(?=(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b)", re.IGNORECASE
)
"""Where the clause of one count ends and the next begins, though the next names no noun ("Twenty-two innovations,
such as A, are replicated across the province; four, such as B, apply in designated areas", "..., and three, such
as C, in designated areas")."""


@dataclass(frozen=True, slots=True)
class CellExample:
    """A named example in a table cell: the name, its offset in the cell and the scope stated for it.

    ``scope`` is ``"designated"`` (specific regions within the province),
    ``"reference"`` (for reference and adoption) or ``""`` (province-wide).
    ``whole`` is False when the name could not be delimited safely (an
    opening quote without a closing one): the rest of the sentence is kept.
    """

    name: str
    offset: int
    scope: str = ""
    whole: bool = True
    where: str = ""
    """The designated areas as printed (``specific regions within the province``)."""


def cell_examples(sentence: str) -> list[CellExample]:
    """The innovations a cell sentence names as examples, whole even with unbalanced or nested quotes.

    Accepts quoted names (``"new barter trade model"``, ``the "Suiyigou"
    Russian Commodity Display and Trading Platform"`` read as ONE name,
    ``"bonded warehouse 'internet of things + categorized supervision'"``) and,
    in a sentence without quotes, unquoted examples after ``—including ...—``
    (split at ``and``) or ``such as ...,``. Rejects quoted phrases that name the
    areas a batch covers (``Covering areas such as "dual-buy dual-sell"
    mechanisms``) and phrases of fewer than two words.

    Examples
    --------
    >>> s = 'Covering areas such as "dual-buy dual-sell" mechanisms, this batch involves 26 cases, including the '
    >>> s += '"Suiyigou" Russian Trading Platform" and the "digital ferry model".'
    >>> [e.name for e in cell_examples(s)]
    ['"Suiyigou" Russian Trading Platform', 'digital ferry model']
    >>> s = "Among them, 25 measures—including recognition of titles and one-stop online procedures—are replicated."
    >>> [e.name for e in cell_examples(s)]
    ['recognition of titles', 'one-stop online procedures']
    """
    spans = quoted_spans(sentence, min_chars=3)
    found: list[tuple[str, int, bool]] = []
    for q in spans:
        head = sentence[: q.start]
        areas = list(_AREAS_RE.finditer(head))
        nouns = list(_COUNT_NOUN_RE.finditer(head))
        # "in fields including A, B, such as "<name>"": an example introduced after the areas list
        intro = _EXAMPLE_INTRO_RE.search(head)
        example = intro is not None and bool(areas) and intro.start() > areas[-1].end()
        if areas and (not nouns or nouns[-1].start() < areas[-1].start()) and not example:
            continue
        if len(q.name.split()) < 2 and not q.name.startswith('"'):
            continue
        found.append((q.name, q.start, q.balanced or q.name.count('"') % 2 == 0))
    if not spans:
        for m in _DASH_LIST_RE.finditer(sentence):
            parts = re.split(r",\s*(?:and\s+)?|\s+and\s+(?=[a-z][\w-]*\s+[a-z])", m.group("list"))
            pos = m.start("list")
            for part in parts:
                if len(part.split()) >= 2:
                    found.append((part.strip(), sentence.find(part, pos), True))
        if not found:
            for m in _SUCH_AS_RE.finditer(sentence):
                if not _AREAS_RE.search(sentence[max(0, m.start() - 30) : m.end()]):
                    found.append((m.group("name").strip(), m.start("name"), True))
    elif found:
        # a clause of its own after the quoted examples, its example unquoted ("...; 4 apply in designated areas,
        # such as bonded repair of aero-engines in ...")
        last = max(q.end for q in spans)
        for m in _SUCH_AS_RE.finditer(sentence, last):
            if _CLAUSE_BREAK_RE.search(sentence, last, m.start()) and not _AREAS_RE.search(
                sentence[max(0, m.start() - 30) : m.end()]
            ):
                found.append((m.group("name").strip(), m.start("name"), True))
    # the scope belongs to the clause of the count that introduces the example ("4 outcomes ... in
    # designated areas ..., such as X"; "Three measures, such as X, are ... in specific regions"), which ends
    # at a semicolon or at ", and <number>"
    counts = [m.start() for m in _COUNTED_RE.finditer(sentence)]
    counts += [m.end() for m in _CLAUSE_BREAK_RE.finditer(sentence)]
    starts = [0, *sorted(counts), len(sentence)]
    out: list[CellExample] = []
    for name, at, whole in found:
        k = max(i for i, x in enumerate(starts[:-1]) if x <= at)
        around = sentence[starts[k] : starts[k + 1]]
        where = _DESIGNATED_RE.search(around)
        scope = "designated" if where else "reference" if _REFERENCE_RE.search(around) else ""
        out.append(CellExample(name, at, scope, whole, where.group(0) if where else ""))
    return out


_CELL_CLAUSE_RE = re.compile(rf"\b(?:{alternation(CELL_CLAUSE_WORDS)})\b|\d", re.IGNORECASE)


def cell_names(cell: str) -> list[CellExample]:
    """The innovations a cell of a column of examples names as a bare list, unquoted and without a verb.

    A cell that is no sentence but one name, or names cut by ``;``, names each (``Digital customs clearance
    for bulk chemicals; joint inspection of LNG bunkering``). A cell with a quote, a number or a word of a
    clause (:data:`~pftz.loaders.lexicon.CELL_CLAUSE_WORDS`: ``all 16 innovations are replicated ...``) is
    read by :func:`cell_examples` or not at all; a name of fewer than three words or more than sixteen
    is none (``—``, ``N/A``, ``See text``).

    Examples
    --------
    >>> [e.name for e in cell_names("Online filing of bonded leases; shared cold-chain inspection at river ports")]
    ['Online filing of bonded leases', 'shared cold-chain inspection at river ports']
    >>> cell_names("All 12 innovations are replicated across the province")
    []
    """
    if quoted_spans(cell, min_chars=3) or _CELL_CLAUSE_RE.search(cell):
        return []
    out: list[CellExample] = []
    at = 0
    for part in cell.split(";"):
        name = part.strip().rstrip(".").strip()
        if 3 <= len(name.split()) <= 16 and re.match(r"[A-Za-z]", name):
            out.append(CellExample(name, cell.find(name, at)))
        at += len(part) + 1
    return out
