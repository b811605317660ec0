"""The CSV form of user data (:mod:`loaders.userdata`): one kind per file, detected from its header."""

from __future__ import annotations

import csv
import functools
import hashlib
from collections.abc import Iterator, Sequence

from pftz.ground.errors import UserDataError
from pftz.loaders.gazetteer import Gazetteer
from pftz.loaders.records import ParsedReport, ParseWarning
from pftz.loaders.userdata_builder import COLUMNS, KINDS, _Builder, _clean, _report, _Row, _start_known
from pftz.loaders.userdata_rows import _HANDLERS

__all__ = ["parse_user_csv"]


_KIND_ALIASES = {"zone": "zones", "document": "documents", "measure": "measures", "adoption": "adoptions"}


# --------------------------------------------------------------------------- CSV


def _kind_name(kind: str) -> str:
    k = kind.strip().lower()
    k = _KIND_ALIASES.get(k, k)
    if k not in COLUMNS:
        msg = f"unknown kind of user data {kind!r}: one of {', '.join(KINDS)}"
        raise UserDataError(msg)
    return k


def _expected() -> str:
    return "; ".join(f"{k}: {','.join(cols)}" for k, cols in COLUMNS.items())


def _header_kind(header: Sequence[str], source: str, kind: str | None) -> str:
    """Return the kind a header's columns make, or raise naming line 1 and the expected columns."""
    cols = [h.strip().lower() for h in header]
    found = set(cols)
    if kind is not None:
        want = COLUMNS[kind]
        if found == set(want) and len(cols) == len(want):
            return kind
        missing = [c for c in want if c not in found]
        unknown = [c for c in cols if c not in want]
        dup = sorted({c for c in cols if cols.count(c) > 1})
        parts = [f"missing {missing}" if missing else "", f"unknown {unknown}" if unknown else ""]
        parts.append(f"repeated {dup}" if dup else "")
        detail = "; ".join(p for p in parts if p)
        msg = f"the header is not that of {kind} data ({detail}); expected the columns {','.join(want)}"
        raise UserDataError(msg, source, 1)
    for k, want in COLUMNS.items():
        if found == set(want) and len(cols) == len(want):
            return k
    hint = ""
    if len(cols) == 1 and any(sep in cols[0] for sep in (";", "\t")):
        hint = " (the file seems to use ';' or tabs between columns: save it as comma-separated CSV)"
    shown = ",".join(h.strip() for h in header)[:200]
    msg = f"the header {shown!r} is not one of the user data kinds{hint}; expected the columns of one of: {_expected()}"
    raise UserDataError(msg, source, 1)


def parse_user_csv(
    text: str,
    source: str,
    kind: str | None = None,
    *,
    sha256: str | None = None,
    known: Sequence[ParsedReport] | None = None,
    gazetteer: Gazetteer | None = None,
) -> ParsedReport:
    """Parse a CSV file of user data into records with provenance.

    Parameters
    ----------
    text
        The CSV text (comma-separated, a header line first).
    source
        File name recorded in provenance and messages.
    kind
        ``"zones"``, ``"documents"``, ``"measures"`` or ``"adoptions"``; when
        omitted it is detected from the header's columns.
    sha256
        The sha256 of the file's bytes; computed from ``text`` when omitted.
    known
        Parsed reports whose measures, documents, batches and sub-areas the
        rows may refer to; by default the bundled report.
    gazetteer
        Name resolver; the curated default when omitted.

    Returns
    -------
    ParsedReport
        The records of the good rows; a ``ParseWarning`` (with the row's
        line) for every problem of a bad row, which is skipped. ``meta``
        holds the kind and the counts of rows read and skipped.

    Raises
    ------
    UserDataError
        The header is missing or is not that of a kind (line 1, with the
        expected columns), or the CSV cannot be read at all (its line).

    Examples
    --------
    >>> r = parse_user_csv("key,name,kind,province\\nhubei,Hubei PFTZ,PFTZ,Hubei\\n", "z.csv")
    >>> r.entities[0].key, dict(r.meta)["kind"]
    ('hubei', 'zones')
    """
    sha = sha256 or hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    want = _kind_name(kind) if kind is not None else None
    if not text.strip():
        msg = "the file is empty: a CSV of user data starts with a header line; expected the columns of one of: "
        raise UserDataError(msg + _expected(), source, 1)
    consumed: list[str] = []

    def lines() -> Iterator[str]:
        # slices of the text, one line at a time (io.StringIO would copy the whole text at 4 bytes a character)
        pos, end = 0, len(text)
        while pos < end:
            nl = text.find("\n", pos)
            nxt = end if nl < 0 else nl + 1
            ln = text[pos:nxt]
            pos = nxt
            consumed.append(ln)
            yield ln

    reader = csv.reader(lines(), strict=False)
    last, n_rows = 0, 0
    b: _Builder | None = None
    k, cols = "", []
    try:
        for cells in reader:  # streamed: a row is checked as it is read, nothing per row is kept
            start, last = last + 1, reader.line_num
            quote = "".join(consumed).strip()
            consumed.clear()
            if not (cells and any(c.strip() for c in cells)):
                continue
            if b is None:
                if start != 1:
                    msg = f"the header must be on line 1 (line 1 is blank, the first non-blank line is {start})"
                    raise UserDataError(msg, source, 1)
                k = _header_kind(cells, source, want)
                cols = [h.strip().lower() for h in cells]
                b = _Builder(source, sha, gazetteer or Gazetteer.default(), _start_known(known))
                continue
            n_rows += 1
            _csv_row(b, k, cols, cells, start, quote)
    except csv.Error as e:
        msg = f"cannot read the CSV: {e}"
        raise UserDataError(msg, source, last + 1) from e
    if b is None:
        msg = "no header line found; expected the columns of one of: " + _expected()
        raise UserDataError(msg, source, 1)
    return _report(b, source, sha, k, n_rows)


def _csv_row(b: _Builder, kind: str, cols: list[str], cells: list[str], line: int, quote: str) -> None:
    """Check one CSV row; an exact repeat of an earlier row is folded into that row's repeat count."""
    if b.repeated((kind, *cells), line):
        return
    if len(cells) != len(cols):
        b.warnings.append(
            ParseWarning(
                "bad-row",
                f"row at line {line}: has {len(cells)} cells but the header has {len(cols)} "
                f"({','.join(cols)}); a comma too many or too few (quote cells that hold commas)",
                b.source,
                line,
            )
        )
        return
    raw_values = dict(zip(cols, cells, strict=True))
    row = _Row({c: _clean(x) for c, x in raw_values.items()}, line, quote, f"row at line {line}")
    b.invisible(row, raw_values)
    b.run(kind, row, functools.partial(_HANDLERS[kind], b))
