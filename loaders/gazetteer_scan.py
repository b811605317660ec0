"""The gazetteer's scan of names in text: a compiled alternation of names tried only where a name can start.

:class:`Mention` is a span of text that names a zone, province or body. ``_Names`` holds a
compiled alternation of names (:func:`ground.names.name_alternation`) with its anchor words
and heads; ``_scan`` finds its non-overlapping matches in a text, the longest on overlap,
trying only the word starts where a name can begin. :class:`loaders.gazetteer.Gazetteer`
scans with them.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from pftz.ground.names import CASE_SPECIALS, NAME_LEFT, NAME_RIGHT, WORD_START, name_anchors, name_heads


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of text that names a zone, province or body.

    Parameters
    ----------
    key
        Key of the zone, province or body.
    start, end
        Character offsets in the scanned text (``text[start:end]``).
    text
        The matched text.
    """

    key: str
    start: int
    end: int
    text: str


_WORD_START_RE = re.compile(r"(?<![^\W_])[^\W_]")
"""A letter or digit right after something that is not one: where a word starts."""


_NAME_START_RE = re.compile(WORD_START)


_CASE_SPECIALS_RE = re.compile(f"[{CASE_SPECIALS}]")
"""A letter case-insensitive matching takes for an ASCII one: a text holding one is scanned without its heads."""


_Trie = dict[str, "_Trie"]
"""A trie of words: each character to the rest; the empty string marks a word's end."""


def _trie_regex(words: Iterable[str]) -> str:
    """A regex matching exactly the given words (letters and digits), their common beginnings factored."""
    trie: _Trie = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: _Trie) -> str:
        alts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else f"(?:{'|'.join(alts)})"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


@dataclass(frozen=True, eq=False)
class _Names:
    """A compiled alternation of names, with its anchor words (:func:`ground.names.name_anchors`) and heads, if any.

    Compared and hashed by identity (``eq=False``): the scan's memo hashes it on every call, and a
    compiled pattern's own hash reads its whole program.

    With ``heads`` (:func:`ground.names.name_heads`, the alternatives of ``regex`` in its order, and
    ``tail``, what ``regex`` requires after them before :data:`NAME_RIGHT`), a scan tries only the word
    starts whose word begins with a head, each with the alternation of the names of that head alone.
    """

    regex: re.Pattern[str]
    anchor: re.Pattern[str] | None = None
    before: int = 0
    heads: tuple[tuple[str, str], ...] = ()
    tail: str = ""
    _words: re.Pattern[str] | None = field(default=None, repr=False)
    _by_word: dict[str, re.Pattern[str] | None] = field(default_factory=dict, repr=False)
    _by_alts: dict[tuple[int, ...], re.Pattern[str]] = field(default_factory=dict, repr=False)

    @classmethod
    def of(
        cls,
        regex: re.Pattern[str],
        forms: Iterable[str],
        *,
        surface: Iterable[tuple[str, bool]] | None = None,
        tail: str = "",
    ) -> _Names:
        """Make the scan of ``regex``, anchored by the words of ``forms``, with the heads of ``surface``.

        ``regex`` must be ``NAME_LEFT(?:<name_alternation(surface)>)<tail>NAME_RIGHT``
        (:func:`ground.names.name_alternation`); without ``surface`` the scan has no heads.
        """
        heads = name_heads(surface) if surface is not None else None
        words = None
        if heads:
            words = re.compile(f"(?<![a-z0-9])(?:{_trie_regex({h for h, _ in heads})})[a-z0-9]*")
        anchors = name_anchors(forms)
        anchor, before = (None, 0) if anchors is None else (re.compile(anchors[0], re.IGNORECASE), anchors[1])
        return cls(regex, anchor, before, tuple(heads or ()), tail, words)

    def at_word(self, word: str) -> re.Pattern[str] | None:
        """The alternation of the names whose head begins ``word`` (lower-cased), in ``regex``'s order, or None."""
        try:
            return self._by_word[word]
        except KeyError:
            pass
        chosen = tuple(i for i, (h, _) in enumerate(self.heads) if word.startswith(h))
        pattern = self._by_alts.get(chosen) if chosen else None
        if chosen and pattern is None:
            alts = "|".join(self.heads[i][1] for i in chosen)
            pattern = re.compile(f"{NAME_LEFT}(?:{alts}){self.tail}{NAME_RIGHT}", self.regex.flags)
            self._by_alts[chosen] = pattern
        self._by_word[word] = pattern
        return pattern


def _scan(names: _Names, text: str) -> list[re.Match[str]]:
    """Find non-overlapping matches of ``names``, preferring the longest on overlap.

    ``finditer`` already prefers the longest alternative at a position; this
    also tries the word starts inside each match, so a longer mention that
    starts inside a shorter one is not lost. Memoised: the extractors look
    for zones, provinces and bodies in the same sentences again and again.
    """
    return list(_scan_cached(names, text))


def _anchored_finditer(names: _Names, text: str) -> list[re.Match[str]]:
    """What ``names.regex.finditer(text)`` returns, trying only the positions that can start a match.

    Every name holds an anchor word with at most ``names.before`` word starts
    before it, so a match starts at one of the ``before + 1`` word starts at or
    before an anchor found in the text; the positions are tried left to right,
    skipping those inside the last match, as ``finditer`` does.
    """
    assert names.anchor is not None
    hits = [m.start() for m in names.anchor.finditer(text)]
    if not hits:
        return []
    starts = [m.start() for m in _NAME_START_RE.finditer(text)]
    candidates: set[int] = set()
    for h in hits:
        i = bisect.bisect_right(starts, h)
        candidates.update(starts[max(0, i - 1 - names.before) : i])
    found: list[re.Match[str]] = []
    end = 0
    for pos in sorted(candidates):
        if pos >= end and (m := names.regex.match(text, pos)) is not None:
            found.append(m)
            end = m.end()
    return found


def _headed_finditer(names: _Names, text: str, lowered: str) -> list[re.Match[str]]:
    """What ``names.regex.finditer(text)`` returns, trying only the word starts whose word begins with a head.

    ``lowered`` is ``text.lower()``, of the same length (``text`` holds none of
    :data:`ground.names.CASE_SPECIALS`). Each word start is tried with the
    alternation of the names of the heads that begin its word (:meth:`_Names.at_word`),
    which matches there what the whole alternation matches; the positions are tried
    left to right, skipping those inside the last match, as ``finditer`` does.
    """
    assert names._words is not None
    found: list[re.Match[str]] = []
    end = 0
    for w in names._words.finditer(lowered):
        pos = w.start()
        pattern = names.at_word(w.group()) if pos >= end else None
        if pattern is not None and (m := pattern.match(text, pos)) is not None:
            found.append(m)
            end = m.end()
    return found


@functools.lru_cache(maxsize=8192)
def _scan_cached(names: _Names, text: str) -> tuple[re.Match[str], ...]:
    pattern = names.regex
    headed = names._words is not None and not _CASE_SPECIALS_RE.search(text)
    lowered = text.lower() if headed else ""
    if headed:
        found = _headed_finditer(names, text, lowered)
    elif names.anchor is not None:
        found = _anchored_finditer(names, text)
    else:
        found = list(pattern.finditer(text))
    extra: list[re.Match[str]] = []
    for m in found:
        for w in _WORD_START_RE.finditer(text, m.start() + 1, m.end()):
            if headed:
                assert names._words is not None
                word = names._words.match(lowered, w.start())
                at = names.at_word(word.group()) if word is not None else None
                m2 = at.match(text, w.start()) if at is not None else None
            else:
                m2 = pattern.match(text, w.start())
            if m2 is not None and m2.end() > m.end():
                extra.append(m2)
    chosen: list[re.Match[str]] = []
    starts: list[int] = []  # start offsets of ``chosen``, kept sorted: overlap checks look at neighbours only
    for m in sorted(found + extra, key=lambda m: (-(m.end() - m.start()), m.start())):
        i = bisect.bisect_left(starts, m.start())
        if i > 0 and chosen[i - 1].end() > m.start():
            continue
        if i < len(chosen) and chosen[i].start() < m.end():
            continue
        starts.insert(i, m.start())
        chosen.insert(i, m)
    return tuple(chosen)
