"""Names and titles: one way to compare them, for the loaders, the graph and the shell.

:func:`normalize_name` is the comparison form of any name (zones, bodies,
documents; the gazetteer of :mod:`loaders.gazetteer` resolves names through
it); :func:`normalize_title` and :func:`title_score` compare measure titles
(entity resolution in :mod:`graph.resolve`, the narrative's wordings of
national measures in :mod:`loaders.report`); :func:`search_words`,
:func:`word_score` and :func:`rank_by_words` find things by a few words typed
by a person (``pftz trace``, ``pftz viz --focus``, the ``search_measures``
and ``trace_innovation`` twins, whose Cypher splits and scores the same way).

How titles are compared
-----------------------
Each title is normalised (:func:`normalize_title`): Unicode, quotes and dashes
unified, case folded, punctuation and hyphens made spaces, words of more than
four letters ending in a single ``s`` made singular, each word replaced
through :data:`SYNONYMS` and the :data:`STOP_WORDS` dropped. Two normalised
titles score the mean of rapidfuzz's ``token_set_ratio`` (high when one
title's words are a subset of the other's) and ``token_sort_ratio`` (which
penalises the words left over, so that a short title such as "green channel"
does not match every longer title containing it).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Hashable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from rapidfuzz import fuzz, process

if TYPE_CHECKING:  # numpy only where scores are computed in bulk (entity resolution), not for a search
    import numpy as np
    import numpy.typing as npt

K = TypeVar("K", bound=Hashable)

__all__ = [
    "CASE_SPECIALS",
    "MAX_SEARCH_CHARS",
    "MAX_SEARCH_WORDS",
    "MAX_TITLE_CHARS",
    "MERGE_THRESHOLD",
    "NAME_LEFT",
    "NAME_RIGHT",
    "REVIEW_THRESHOLD",
    "SEARCH_DELIMITERS",
    "STOP_WORDS",
    "SYNONYMS",
    "WORD_START",
    "name_alternation",
    "name_anchors",
    "name_heads",
    "name_regex",
    "normalize_name",
    "normalize_title",
    "pair_scores",
    "rank_by_words",
    "search_problem",
    "search_words",
    "title_score",
    "title_scores",
    "word_score",
]

_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "`": "'",
        "\u00b4": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2033": '"',
    }
)
_DASHES_RE = re.compile("[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d]")
_NON_WORD_RE = re.compile(r"[^\w\s]|_")


def normalize_name(s: str) -> str:
    """Return the comparison form of a name.

    Unicode is NFKC-normalised, quotes and dashes are unified, case is folded,
    apostrophes are dropped (``People's`` → ``peoples``), every other
    punctuation mark becomes a space (so the content of parentheses is kept as
    words), whitespace is collapsed and a leading ``"the "`` is removed.

    Parameters
    ----------
    s
        Any name or phrase.

    Returns
    -------
    str
        The normalised form.

    Examples
    --------
    >>> normalize_name("  the China (Zhejiang)  Pilot Free–Trade Zone ")
    'china zhejiang pilot free trade zone'
    >>> normalize_name("The People’s Bank of China")
    'peoples bank of china'
    """
    s = unicodedata.normalize("NFKC", s).translate(_QUOTES)
    s = _DASHES_RE.sub("-", s).casefold().replace("'", "")
    s = " ".join(_NON_WORD_RE.sub(" ", s).split())
    if s.startswith("the "):
        s = s[4:]
    return s


MERGE_THRESHOLD = 90.0
"""Score (0–100) from which two measures are merged. On the 2025 report the
true variants score 91.8–100 and the best unrelated pair 79."""

REVIEW_THRESHOLD = 75.0
"""Score from which two measures get an uncertain ``SAME_AS`` edge."""

MAX_TITLE_CHARS = 300
"""Only the start of very long titles (the pilot measures are paragraphs) is compared."""


SYNONYMS: dict[str, str] = {
    # the translations of one Chinese word (智能, 企业, 许可/证照) vary between parts of the report
    "intelligent": "smart",
    "enterprise": "business",
    "company": "business",
    "firm": "business",
    "license": "permit",
    "licence": "permit",
    "licensing": "permit",
    "permitting": "permit",
    "certificate": "permit",
    # spelling and compounding variants
    "lifecycle": "life cycle",
    "fullchain": "full chain",
    "programme": "program",
    "plan": "program",
    "centre": "center",
    "policie": "policy",
}
"""Words replaced before comparison, after singularisation (``enterprises`` ->
``enterprise`` -> ``business``). A value may be two words. Keep it small: every
entry makes more titles alike."""

STOP_WORDS = frozenset(
    {"a", "an", "the", "of", "for", "and", "or", "in", "on", "to", "by", "with", "from", "at", "as", "its"}
    | {"their", "new", "china", "chinas"}
)
"""Words dropped before comparison: function words and "new", which the
narrative adds or omits freely ("the new 'five forces' model")."""


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def normalize_title(title: str) -> str:
    """Return the comparison form of a measure title.

    Parameters
    ----------
    title
        A title as written.

    Returns
    -------
    str
        Space-separated words (see the module docstring).

    Examples
    --------
    >>> normalize_title('The "Intelligent Form" model for enterprise registration services')
    'smart form model business registration service'
    >>> normalize_title("Seamless license renewal for enterprises")
    'seamless permit renewal business'
    """
    words: list[str] = []
    for w in normalize_name(title[:MAX_TITLE_CHARS]).split():
        w = _singular(w)
        words.extend(SYNONYMS.get(w, w).split())
    return " ".join(w for w in words if w not in STOP_WORDS)


def title_scores(rows: Sequence[str], columns: Sequence[str], *, cutoff: float = 0.0) -> npt.NDArray[np.float64]:
    """Return :func:`title_score` of every row title with every column title, as a matrix.

    The same scorers in rapidfuzz's ``cdist`` (C++, every core): equal, value
    for value, to calling :func:`title_score` on each pair of non-empty titles.

    Parameters
    ----------
    rows, columns
        Titles already passed through :func:`normalize_title`.
    cutoff
        Only scores at or above it need be exact; a pair below it may read
        lower (each scorer skips what cannot reach ``2 * cutoff - 100``, since
        a mean of two scores of at most 100 each reaches ``cutoff`` only if
        both do).

    Examples
    --------
    >>> a, b = normalize_title("Seamless license renewal for enterprises"), normalize_title("seamless permit renewal")
    >>> float(title_scores([a], [b, ""])[0, 0]) == title_score(a, b), float(title_scores([a], [""])[0, 0])
    (True, 0.0)
    """
    import numpy as np

    kwargs: dict[str, Any] = {"dtype": np.float64, "workers": -1, "score_cutoff": max(0.0, 2 * cutoff - 100)}
    sets = process.cdist(rows, columns, scorer=fuzz.token_set_ratio, **kwargs)
    sorts = process.cdist(rows, columns, scorer=fuzz.token_sort_ratio, **kwargs)
    out: npt.NDArray[np.float64] = (sets + sorts) / 2
    return out


def pair_scores(left: Sequence[str], right: Sequence[str], *, cutoff: float = 0.0) -> npt.NDArray[np.float64]:
    """Return :func:`title_score` of each ``left[i]`` with ``right[i]`` (rapidfuzz ``cpdist``, in C++).

    Parameters
    ----------
    left, right
        Titles already passed through :func:`normalize_title`, of equal length.
    cutoff
        As for :func:`title_scores`.

    Examples
    --------
    >>> a, b = normalize_title("Seamless license renewal for enterprises"), normalize_title("seamless permit renewal")
    >>> float(pair_scores([a, a], [b, ""])[0]) == title_score(a, b), float(pair_scores([a], [""])[0])
    (True, 0.0)
    """
    import numpy as np

    kwargs: dict[str, Any] = {"dtype": np.float64, "workers": -1, "score_cutoff": max(0.0, 2 * cutoff - 100)}
    sets = process.cpdist(left, right, scorer=fuzz.token_set_ratio, **kwargs)
    sorts = process.cpdist(left, right, scorer=fuzz.token_sort_ratio, **kwargs)
    out: npt.NDArray[np.float64] = (sets + sorts) / 2
    return out


def title_score(a: str, b: str) -> float:
    """Return the similarity (0–100) of two normalised titles.

    Parameters
    ----------
    a, b
        Titles already passed through :func:`normalize_title`.

    Returns
    -------
    float
        The mean of ``token_set_ratio`` and ``token_sort_ratio``; 0 if either
        is empty.

    Examples
    --------
    >>> a = normalize_title('new "smart form" model for business registration')
    >>> b = normalize_title('"Intelligent Form" model for enterprise registration services')
    >>> title_score(a, b) >= MERGE_THRESHOLD
    True
    """
    if not a or not b:
        return 0.0
    return (float(fuzz.token_set_ratio(a, b)) + float(fuzz.token_sort_ratio(a, b))) / 2


# --------------------------------------------------------------------------- finding names in text

# Letters and digits that may not touch a name. Deliberately narrower than
# ``\w``: footnote marks such as "¹" count as digits for ``\w`` and would hide
# "China (Zhejiang) Pilot Free Trade Zone¹".
_NAME_CHARS = r"A-Za-z0-9_\u00C0-\u024F"
NAME_LEFT = rf"(?<![{_NAME_CHARS}])"
"""Regex: no letter or digit right before (where a name may start)."""
NAME_RIGHT = rf"(?![{_NAME_CHARS}])"
"""Regex: no letter or digit right after (where a name may end)."""


def name_regex(form: str) -> str:
    """Return a regex for a written name that tolerates spacing, quote, dash and parenthesis variants.

    Examples
    --------
    >>> bool(re.fullmatch(name_regex("China (Hubei) Free-Trade Zone"), "China（Hubei） Free – Trade  Zone"))
    True
    """
    out: list[str] = []
    words = form.split()
    for i, word in enumerate(words):
        if i:
            near_paren = words[i - 1].endswith("(") or word.startswith(")")
            out.append(r"\s*" if near_paren or word.startswith("(") else r"\s+")
        for ch in word:
            if ch in "'\u2019\u2018":
                out.append("['\u2019\u2018]?")
            elif ch in "-\u2010\u2011\u2013\u2014":
                out.append("\\s*[-\u2010\u2011\u2013\u2014\\s]\\s*")
            elif ch == "(":
                out.append("[(\uff08]\\s*")
            elif ch == ")":
                out.append("\\s*[)\uff09]")
            else:
                out.append(re.escape(ch))
    return "".join(out)


def name_alternation(forms: Iterable[tuple[str, bool]]) -> str:
    """Join ``(name, case_sensitive)`` pairs into one regex alternation of :func:`name_regex`, longest first.

    Bound it with :data:`NAME_LEFT` and :data:`NAME_RIGHT` to find whole names
    (the gazetteer of :mod:`loaders.gazetteer` does).
    """
    unique = _unique_forms(forms)
    alts = [alt for _, alt in _alternatives(unique)]
    if not alts:
        return "(?!x)x"
    firsts = _first_characters(unique)
    # a one-character look-ahead lets the engine skip most positions without trying every name
    head = f"(?=[{re.escape(''.join(sorted(firsts)))}])" if firsts else ""
    return f"{head}(?:{'|'.join(alts)})"


def _unique_forms(forms: Iterable[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """The ``(name, case_sensitive)`` pairs of :func:`name_alternation`, once each, in its order: longest first."""
    return sorted(set(forms), key=lambda f: (-len(f[0]), f[0], f[1]))


def _alternatives(unique: Iterable[tuple[str, bool]]) -> list[tuple[str, str]]:
    """Each name with its alternative of :func:`name_alternation`."""
    return [(f, name_regex(f) if cs else f"(?i:{name_regex(f)})") for f, cs in unique]


def name_heads(forms: Iterable[tuple[str, bool]]) -> list[tuple[str, str]] | None:
    """Return the alternatives of :func:`name_alternation`, in its order, each with the word it starts with.

    The head of a name is the run of ASCII letters and digits it starts with,
    lower-cased: a match of the name's alternative starts with these
    characters (in any case), so at a place in a text only the names whose head
    begins the word there can match, and an alternation of those alone, in the
    same order, matches there exactly what the whole alternation matches. (Only
    where the text holds none of the few non-ASCII letters Python's
    case-insensitive matching takes for ASCII ones; see :data:`CASE_SPECIALS`.)

    Parameters
    ----------
    forms
        ``(name, case_sensitive)`` pairs, as for :func:`name_alternation`.

    Returns
    -------
    list of (str, str) or None
        ``(head, alternative)`` pairs; None when a name starts with no ASCII
        letter or digit.

    Examples
    --------
    >>> [h for h, _ in name_heads([("People's Bank of China", False), ("MOFCOM", True)])]
    ['people', 'mofcom']
    >>> name_heads([("(Hubei) PFTZ", True)]) is None
    True
    """
    out: list[tuple[str, str]] = []
    for form, alt in _alternatives(_unique_forms(forms)):
        head = re.match(r"[A-Za-z0-9]*", form)
        if head is None or not head.group(0):
            return None
        out.append((head.group(0).lower(), alt))
    return out


WORD_START = rf"{NAME_LEFT}[^\W_]"
"""Where a name can start: a letter or digit not preceded by a name character (see :data:`NAME_LEFT`)."""


def name_anchors(forms: Iterable[str]) -> tuple[str, int] | None:
    """Return anchor words that every name contains, and how many words at most precede the first.

    A long alternation of names (:func:`name_alternation`) is tried at every
    position of a text; when every name contains one of a few words, only the
    positions a few word starts before such a word can start a match. The
    words are chosen greedily (the one in most names first), lower-cased,
    letters and digits only, and found case-insensitively anywhere, so
    ``ftz`` also anchors ``PFTZ``.

    Parameters
    ----------
    forms
        The names as written (before :func:`name_regex`).

    Returns
    -------
    tuple of (str, int) or None
        A regex alternation of the anchor words (compile it with
        ``re.IGNORECASE``) and the largest number of :data:`WORD_START`
        positions before the first anchor in a name; None when some name has
        no word of letters and digits to anchor it.

    Examples
    --------
    >>> name_anchors(["Shanghai PFTZ", "Hubei PFTZ", "China (Anhui) Pilot Free Trade Zone"])
    ('pftz|anhui', 1)
    >>> name_anchors(["PFTZ", "-"]) is None
    True
    """
    words_of = {f: {w.lower() for w in re.findall(r"[A-Za-z0-9]+", f)} for f in set(forms)}
    if not words_of or not all(words_of.values()) or not all(re.match(WORD_START, f) for f in words_of):
        return None  # a name without a word, or starting with no letter or digit, is not anchored
    overall: dict[str, int] = {}
    for ws in words_of.values():
        for w in ws:
            overall[w] = overall.get(w, 0) + 1
    left = set(words_of)
    chosen: list[str] = []
    while left:
        counts: dict[str, int] = {}
        for f in left:
            for w in words_of[f]:
                counts[w] = counts.get(w, 0) + 1
        best = max(sorted(counts), key=lambda w: (counts[w], overall[w], len(w)))
        chosen.append(best)
        left = {f for f in left if best not in words_of[f]}
    anchor = re.compile("|".join(map(re.escape, chosen)), re.IGNORECASE)
    before = 0
    for f in words_of:
        hit = anchor.search(f)
        if hit is None:  # pragma: no cover - every form holds a chosen word
            return None
        before = max(before, len(re.findall(WORD_START, f[: hit.start() + 1])) - 1)
    return "|".join(map(re.escape, chosen)), before


CASE_SPECIALS = "\u0130\u0131\u017f\u212a"
"""Characters Python's case-insensitive matching takes for ASCII letters (dotted I, dotless i, long s, Kelvin)."""


def _first_characters(forms: Iterable[tuple[str, bool]]) -> set[str] | None:
    """Every character a match of the names can start with; None when a name starts with no letter or digit."""
    out: set[str] = set()
    for form, case_sensitive in forms:
        if not form or not form[0].isalnum():
            return None
        c = form[0]
        if case_sensitive:
            out.add(c)
        else:
            out |= {x for x in {c, c.lower(), c.upper(), *CASE_SPECIALS} if re.fullmatch(f"(?i:{re.escape(c)})", x)}
    return out


# --------------------------------------------------------------------------- searching by words

SEARCH_DELIMITERS: tuple[str, ...] = (
    "\t", "\n", "\r", " ", "\u00a0", "\u3000",
    *"!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~",
    "–", "—", "‘", "’", "“", "”", "…", "·", "，", "。", "、", "：", "；", "（", "）",
    "《", "》", "〔", "〕", "【", "】", "！", "？",
)  # fmt: skip
"""Characters that separate search words (the Cypher queries hold the same list, in this order)."""

_DELIM_RE = re.compile("[" + re.escape("".join(SEARCH_DELIMITERS)) + "]")
_SEARCH_WORD_RE = re.compile(r"[a-z0-9]+")


def search_words(text: str) -> list[str]:
    """Split a search into its words.

    The text is lower-cased and split at whitespace, ASCII punctuation and
    common CJK and typographic punctuation (:data:`SEARCH_DELIMITERS`); only
    words made entirely of ``a-z`` and ``0-9`` are kept (others, CJK
    included, are ignored), in order, repeats included.

    Parameters
    ----------
    text
        What a person typed.

    Returns
    -------
    list[str]
        The words.

    Examples
    --------
    >>> search_words("One-stop  'e-Commerce' 上海 (2024)")
    ['one', 'stop', 'e', 'commerce', '2024']
    """
    return [w for w in _DELIM_RE.split(text.lower()) if _SEARCH_WORD_RE.fullmatch(w)]


MAX_SEARCH_WORDS = 200
"""The most words a search may hold: a whole title pasted fits (the bundled report's longest has 144), and
Neo4j's full-text index (Lucene) refuses a query of over 1,024 clauses, one per word."""

MAX_SEARCH_CHARS = 2000
"""The longest search, in characters (the bundled report's longest title has about 1,100)."""


def search_problem(text: str) -> str | None:
    """What is wrong with a search too long to be one (over :data:`MAX_SEARCH_WORDS` or
    :data:`MAX_SEARCH_CHARS`), or None. Both backends refuse it alike, before running anything.

    Examples
    --------
    >>> search_problem("ship supervision") is None
    True
    >>> search_problem("word " * 3000)[:80]
    'a search takes at most 200 words and 2,000 characters (this one has 3,000 words,'
    """
    n = len(search_words(text))
    if n <= MAX_SEARCH_WORDS and len(text) <= MAX_SEARCH_CHARS:
        return None
    return (
        f"a search takes at most {MAX_SEARCH_WORDS} words and {MAX_SEARCH_CHARS:,} characters (this one has "
        f"{n:,} words, {len(text):,} characters): give a few words of the name"
    )


def _lower(value: object) -> str:
    return value.lower() if isinstance(value, str) else ""


def word_score(words: Sequence[str], name: object, *others: object) -> int | None:
    """Score a thing for search words, or None if it does not match.

    A thing matches when every word is a substring of its lower-cased
    ``name`` or of one of ``others`` (a title, a text; non-strings count as
    empty). Its score is 4 for each word found as a whole word (no ASCII
    letter or digit right before or after it) in one of them, plus 2 if the
    words occur there in order as whole words with only other characters
    between them (a phrase), plus 1 if every word occurs in the name. So
    whole-word matches rank first (``m-7526`` before ``m-17526`` for the
    words ``m 7526``).

    Parameters
    ----------
    words
        Words from :func:`search_words`.
    name
        The thing's name.
    *others
        Its other searchable texts.

    Returns
    -------
    int or None
        The score, or None.

    Examples
    --------
    >>> word_score(["reform", "m", "7526"], "Measure m-7526", "Reform m-7526")
    14
    >>> word_score(["reform", "m", "7526"], "Measure m-17526", "Reform m-17526")
    8
    """
    if not words:
        return None
    fields = (_lower(name), *(_lower(o) for o in others))
    if not all(any(w in f for f in fields) for w in words):
        return None
    whole = sum(1 for w in words if any(re.search(rf"(?<![a-z0-9]){w}(?![a-z0-9])", f) for f in fields))
    phrase = re.compile(r"(?<![a-z0-9])" + "[^a-z0-9]+".join(words) + r"(?![a-z0-9])")
    score = 4 * whole + (2 if any(phrase.search(f) for f in fields) else 0)
    return score + (1 if all(w in fields[0] for w in words) else 0)


def rank_by_words(text: str, candidates: Iterable[tuple[K, object, Sequence[object]]]) -> list[K]:
    """Return the candidates that match a search, best first.

    Parameters
    ----------
    text
        What a person typed (split by :func:`search_words`).
    candidates
        ``(key, name, other texts)`` triples.

    Returns
    -------
    list
        The keys of the matching candidates by :func:`word_score`, highest
        first; ties go to the shorter name, then to the key's string order.

    Examples
    --------
    >>> rank_by_words("shanghai pftz", [("lg", "Lingang area of Shanghai PFTZ", ()), ("sh", "Shanghai PFTZ", ())])
    ['sh', 'lg']
    """
    terms = search_words(text)
    scored = []
    for key, name, others in candidates:
        score = word_score(terms, name, *others)
        if score is not None:
            scored.append((-score, len(_lower(name)), str(key), key))
    scored.sort(key=lambda t: t[:3])
    return [t[3] for t in scored]
