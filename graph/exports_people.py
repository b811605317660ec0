"""The CSV for people (spreadsheets): cells that a spreadsheet would run as a formula are made inert."""

from __future__ import annotations

from typing import Any

import pandas as pd

__all__ = ["inert", "people_csv"]


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""What makes a spreadsheet read a cell as a formula (OWASP, CSV injection)."""


def inert(value: Any) -> Any:
    """Make a text cell safe to open in a spreadsheet: a leading ``= + - @``, tab or CR gets a ``'``.

    Examples
    --------
    >>> inert("=HYPERLINK(1)"), inert("-1"), inert("plain"), inert(3)
    ("'=HYPERLINK(1)", "'-1", 'plain', 3)
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def people_csv(df: pd.DataFrame) -> str:
    """Return a frame as CSV for people and spreadsheets, with formula injection made inert.

    A text cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a CR is
    prefixed with a single quote (the OWASP advice for CSV injection), so a
    spreadsheet shows it as text and runs nothing; numbers are left as they
    are. Lines end in CRLF (RFC 4180). Machine-read exports (neo4j-admin, cascades) do not use this and keep
    every value exact.

    Parameters
    ----------
    df
        The frame (list cells should already be text).

    Returns
    -------
    str
        The CSV text, a header line first.

    Examples
    --------
    >>> people_csv(pd.DataFrame({"a": ["=1+1", "ok"], "n": [-2, 3]})).splitlines()
    ['a,n', "'=1+1,-2", 'ok,3']
    """
    safe = df.copy()
    safe.columns = [inert(str(c)) for c in safe.columns]
    for c in safe.columns:
        if not pd.api.types.is_numeric_dtype(safe[c]):
            safe[c] = safe[c].map(inert)
    return safe.to_csv(index=False, lineterminator="\r\n")  # RFC 4180; a cell holding a CR is then quoted
