"""Quoted names in PDF-extracted text, whole even when the quotes are unbalanced or nested.

The report quotes innovation names with straight (``"``) or curly (``“ ”``)
quotes, nests single quotes inside (``"new '5034' model"``), and sometimes
quotes only the first words of a name and closes again at its end
(``the "Suiyigou" Russian Commodity Display and Trading Platform"``). A naive
``"([^"]+)"`` then yields fragments (``Suiyigou``, `` and the ``).

:func:`quoted_spans` classifies every double quote as opening or closing by
its neighbours and reads a name from an opening quote to the LAST closing quote
before the next opening one, within the same sentence. Used by the table
reader (the cells of a table of provincial batches) and the narrative reader alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENERS = "“"
CLOSERS = "”"
_BEFORE_OPEN = " \t([{—–-/:;,"
_AFTER_CLOSE = " \t)]}.,;:!?—–-/'’"
MAX_SPAN = 240
"""A name longer than this (characters) is not read across a stray closing quote."""
_SENTENCE_BREAK_RE = re.compile(r"[.;!?]\s+[A-Z]")
_QUOTE_CHAR_RE = re.compile('["“”]')


@dataclass(frozen=True, slots=True)
class Quoted:
    """A quoted span of a text.

    Parameters
    ----------
    start, end
        Offsets of the opening quote and just after the closing quote.
    name
        The text between them, stripped; an inner quote left by a partly quoted
        name is balanced (``"Suiyigou" Russian ... Platform``).
    balanced
        False when the span was read across an unbalanced quote or has no
        closing quote (the caller may warn).
    """

    start: int
    end: int
    name: str
    balanced: bool = True


def _kind(text: str, i: int) -> str:
    """``open``, ``close`` or ``both`` for the double quote at ``text[i]``."""
    ch = text[i]
    if ch in OPENERS:
        return "open"
    if ch in CLOSERS:
        return "close"
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    can_open = before in _BEFORE_OPEN and not after.isspace()
    can_close = (after in _AFTER_CLOSE or after.isspace()) and not before.isspace()
    if can_open and not can_close:
        return "open"
    if can_close and not can_open:
        return "close"
    return "both"


def _balance(name: str) -> str:
    """Add the missing opening quote of a name whose first words only were quoted."""
    if name.count('"') % 2 == 1:
        return '"' + name
    if name.count("”") > name.count("“"):
        return "“" + name
    return name


_SPOKEN_END_RE = re.compile(r"[,.?!…]\s*$")
SPEECH_WORDS = 4
"""Words at least of a quoted span that is a sentence someone says (a name is shorter or ends without a stop)."""


def is_speech(text: str, q: Quoted, speech_verbs: tuple[str, ...]) -> bool:
    """Whether a quoted span of ``text`` is a sentence someone says, not a name.

    It has :data:`SPEECH_WORDS` words or more, ends in a stop or a comma inside its quotation marks, and a verb of
    saying follows it within a few words (``"...," the spokesperson said``) or precedes it with a comma or colon
    (``Lin added: "..."``).

    Examples
    --------
    >>> s = '"Every good practice deserves a wider stage," the official said.'
    >>> is_speech(s, quoted_spans(s)[0], ("said",))
    True
    >>> s = 'Lin said: the "one-stop service for ship registration" was copied.'
    >>> is_speech(s, quoted_spans(s)[0], ("said",))
    False
    """
    if len(q.name.split()) < SPEECH_WORDS or not _SPOKEN_END_RE.search(q.name):
        return False
    verbs = "|".join(re.escape(v) for v in sorted(speech_verbs, key=len, reverse=True))
    after = text[q.end : q.end + 80]
    before = text[max(0, q.start - 60) : q.start]
    return (
        re.match(rf"\s*(?:[\w.'’-]+\s+){{0,5}}?(?:{verbs})\b", after) is not None
        or re.search(rf"\b(?:{verbs})\s*[:,]\s*$", before) is not None
    )


def quoted_spans(text: str, *, min_chars: int = 2) -> list[Quoted]:
    """Return the quoted spans of a text, whole names even with unbalanced quotes.

    Accepts straight and curly double quotes, single quotes nested inside (or alone, in a text without a double
    quote: ``the ‘single window’ for yachts``), a
    name of which only the first words are quoted and that closes again at its
    end. A span never crosses a sentence break (``". A"``) nor runs longer than
    :data:`MAX_SPAN` across a stray quote; an opening quote without any closing
    one yields the rest of the sentence, marked unbalanced.

    Parameters
    ----------
    text
        A sentence, paragraph or table cell.
    min_chars
        Spans shorter than this are dropped.

    Returns
    -------
    list of Quoted
        In text order.

    Examples
    --------
    >>> [q.name for q in quoted_spans('the "A b" and the "C d" model')]
    ['A b', 'C d']
    >>> [q.name for q in quoted_spans('the "Suiyigou" Russian Trading Platform" and the "digital ferry model".')]
    ['"Suiyigou" Russian Trading Platform', 'digital ferry model']
    >>> [q.name for q in quoted_spans('the "new \\'5034\\' model" for cars')]
    ["new '5034' model"]
    """
    if '"' not in text and "“" not in text and "”" not in text:
        return _single_quoted(text, min_chars)
    marks = [(m.start(), _kind(text, m.start())) for m in _QUOTE_CHAR_RE.finditer(text)]
    out: list[Quoted] = []
    k = 0
    while k < len(marks):
        i, kind = marks[k]
        if kind == "close":
            k += 1
            continue
        closes: list[int] = []
        j = k + 1
        while j < len(marks) and marks[j][1] != "open":
            pos, kd = marks[j]
            if kd == "both" and closes and _opens_next(text, pos):
                break
            closes.append(j)
            j += 1
        if not closes:
            end = _sentence_end(text, i)
            name = text[i + 1 : end].strip()
            if len(name) >= min_chars:
                out.append(Quoted(i, end, name, balanced=False))
            k = j
            continue
        first = marks[closes[0]][0]
        last = first
        for c in closes[1:]:
            pos = marks[c][0]
            if pos - i > MAX_SPAN or _SENTENCE_BREAK_RE.search(text, first, pos):
                break
            last = pos
        name = _balance(text[i + 1 : last].strip())
        if len(name) >= min_chars:
            out.append(Quoted(i, last + 1, name, balanced=last == first))
        k = next((c for c in closes if marks[c][0] > last), j)
    return out


_SINGLE_RE = re.compile(
    r"(?:^|(?<=[\s(\[—–/]))(?P<open>['‘])(?=[A-Za-z0-9])(?P<name>[^'‘’\"“”\n]{2,100}?[\w)])['’]"
    r"(?=[\s.,;:!?)\]—–-]|$)"
)
"""A name in single quotes (``the ‘one code’ system``, ``Its 'one code' system``), in a text that quotes with
no double quote: the opening quote after a space or a bracket, the closing one before a space or punctuation (an
apostrophe inside a word, ``Hubei's``, is neither)."""


def _single_quoted(text: str, min_chars: int) -> list[Quoted]:
    """The names of a text quoted with single quotes only (:data:`_SINGLE_RE`), of two words or more."""
    if "'" not in text and "‘" not in text:
        return []
    return [
        Quoted(m.start(), m.end(), m.group("name").strip())
        for m in _SINGLE_RE.finditer(text)
        if " " in m.group("name").strip() and len(m.group("name").strip()) >= min_chars
    ]


def _opens_next(text: str, pos: int) -> bool:
    """Whether an ambiguous quote at ``pos`` rather opens a new name (``, "`` or `` and "``)."""
    return bool(re.search(r"(?:,|\band|\bor|\bthe)\s*$", text[max(0, pos - 6) : pos]))


def _sentence_end(text: str, start: int) -> int:
    m = _SENTENCE_BREAK_RE.search(text, start)
    return m.start() if m else len(text.rstrip())


__all__ = ["Quoted", "quoted_spans"]
