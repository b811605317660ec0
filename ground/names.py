"""Names and titles: one way to compare them, for the loaders, the graph and the shell.

:func:`normalize_name` is the comparison form of any name (zones, bodies,
documents, search words); :func:`normalize_title` and :func:`title_score`
compare measure titles (entity resolution in :mod:`graph.resolve`, the
narrative's wordings of national measures in :mod:`loaders.report`).

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
from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz, process

__all__ = [
    "MAX_TITLE_CHARS",
    "MERGE_THRESHOLD",
    "REVIEW_THRESHOLD",
    "STOP_WORDS",
    "SYNONYMS",
    "normalize_name",
    "normalize_title",
    "title_score",
    "title_scores",
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
    kwargs: dict[str, Any] = {"dtype": np.float64, "workers": -1, "score_cutoff": max(0.0, 2 * cutoff - 100)}
    sets = process.cdist(rows, columns, scorer=fuzz.token_set_ratio, **kwargs)
    sorts = process.cdist(rows, columns, scorer=fuzz.token_sort_ratio, **kwargs)
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
