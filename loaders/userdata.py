"""Read researchers' own coded data: zones, documents, measures and adoption events.

A researcher who codes events the report does not state (a province adopting a
best practice, the origin of a measure, a new document) writes them in a CSV
or JSON file with the columns documented in ``docs/user-data.md``. This module
turns such a file into the same records the report loader makes, with the same
keys, so that the data merges into the report's nodes: a document numbered
``G.H. [2024] No. 156`` becomes the report's ``G.H.[2024]156``, ``Hubei PFTZ``
becomes the zone ``hubei``, ``national:best-practices:5:7`` is the report's
seventh best practice of the fifth batch.

:func:`parse_user_csv` and :func:`parse_user_json` are pure (text in,
:class:`~loaders.records.ParsedReport` out); :func:`load_user_data` reads a
file and delegates. Every row is checked and every problem is collected: a bad
row becomes a :class:`~loaders.records.ParseWarning` naming its line and is
skipped, good rows load. ``strict=True`` raises one
:class:`~ground.errors.UserDataError` listing every bad row and loads nothing.

This module holds :func:`load_user_data`; the parsers live in :mod:`loaders.userdata_csv`
(:func:`parse_user_csv`) and :mod:`loaders.userdata_json` (:func:`parse_user_json`), the checks
in :mod:`loaders.userdata_builder` (the columns, the names a row may use, the row builder) and
:mod:`loaders.userdata_rows` (one handler per kind of row).

Examples
--------
>>> text = "adopter,measure,date,outcome,batch,source_note\\n"
>>> text += "Hubei PFTZ,national:best-practices:5:7,2024-06,,,my notes p. 3\\n"
>>> r = parse_user_csv(text, "events.csv")
>>> [(x.type.value, x.start.key, x.end.key) for x in r.relations]
[('ADOPTED', 'hubei', 'national:best-practices:5:7')]
>>> r.relations[0].provenance.line, r.warnings
(2, ())
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

from pftz.ground.errors import UserDataError
from pftz.ground.text import decode_text
from pftz.loaders.records import ParsedReport
from pftz.loaders.userdata_csv import parse_user_csv
from pftz.loaders.userdata_json import parse_user_json

__all__ = ["load_user_data"]

_MAX_SHOWN = 200


# --------------------------------------------------------------------------- files


def _decode(data: bytes, path: str) -> str:
    """Decode user data bytes as UTF-8 text (:func:`ground.text.decode_text`), rejecting what is not text."""
    return decode_text(
        data,
        path,
        error=UserDataError,
        expected="CSV or JSON text",
        advice="save it as UTF-8 (in Excel: 'CSV UTF-8')",
    )


def load_user_data(
    path: str | Path,
    *,
    strict: bool = False,
    kind: str | None = None,
    known: Sequence[ParsedReport] | None = None,
) -> ParsedReport:
    """Read a CSV or JSON file of user data and parse it.

    Parameters
    ----------
    path
        A ``.csv`` file (one kind, detected from its header) or a ``.json``
        file (format ``pftz-user/1``).
    strict
        Raise :class:`~ground.errors.UserDataError` listing every bad row
        instead of skipping them; nothing is loaded.
    kind
        The kind of a CSV file, when it should not be detected.
    known
        Parsed reports the rows may refer to; by default the bundled report.

    Returns
    -------
    ParsedReport
        See :func:`parse_user_csv`; ``source`` is the file name and
        ``sha256`` the hash of its bytes.

    Raises
    ------
    UserDataError
        The file cannot be read, is empty, binary, UTF-16 or not UTF-8 (with
        the line), has another extension, a bad header; with ``strict``, any
        bad row.
    """
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix not in (".csv", ".json"):
        msg = f"user data must be a .csv or .json file, not {suffix or 'a file without extension'!r}"
        raise UserDataError(msg, str(p))
    try:
        data = p.read_bytes()
    except OSError as e:
        msg = f"cannot read the file: {e.strerror or e}"
        raise UserDataError(msg, str(p)) from e
    text = _decode(data, str(p))
    sha = hashlib.sha256(data).hexdigest()
    del data  # the text is all that is read from now on; a large file is not held twice
    try:
        if suffix == ".json":
            report = parse_user_json(text, p.name, sha256=sha, known=known)
        else:
            report = parse_user_csv(text, p.name, kind, sha256=sha, known=known)
    except UserDataError as e:
        raise UserDataError(e.msg, str(p), e.line) from e
    if strict and report.warnings:
        lines = sorted({w.line for w in report.warnings}, key=lambda x: (x is None, x or 0))
        shown = "\n  ".join(f"{p}:{w.line}: [{w.code}] {w.message}" for w in report.warnings[:_MAX_SHOWN])
        more = len(report.warnings) - _MAX_SHOWN
        tail = f"\n  ... and {more} more" if more > 0 else ""
        rows = f"{len(lines)} bad row{'s' if len(lines) != 1 else ''}"
        problems = f"{len(report.warnings)} problem{'s' if len(report.warnings) != 1 else ''}"
        msg = f"{rows} ({problems}); nothing was loaded (strict):\n  {shown}{tail}"
        raise UserDataError(msg, str(p), lines[0])
    return report
