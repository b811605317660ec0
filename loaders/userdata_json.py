"""The JSON form of user data (:mod:`loaders.userdata`): format ``pftz-user/1``, every kind in one file."""

from __future__ import annotations

import bisect
import functools
import hashlib
import json
import re
from collections.abc import Sequence
from typing import Any

from pftz.ground.errors import UserDataError
from pftz.loaders.gazetteer import Gazetteer
from pftz.loaders.records import ParsedReport
from pftz.loaders.userdata_builder import (
    COLUMNS,
    KINDS,
    LIST_FIELDS,
    _Builder,
    _clean,
    _collect,
    _report,
    _Row,
    _RowError,
    _start_known,
)
from pftz.loaders.userdata_rows import _HANDLERS

__all__ = ["FORMAT", "parse_user_json"]


FORMAT = "pftz-user/1"
"""The ``format`` value of the JSON form."""


# --------------------------------------------------------------------------- JSON


def _item_offsets(text: str) -> dict[str, list[int]]:
    """Return the character offset of every item of each top-level array.

    Walks the (already validated) JSON text with the standard scanner, which
    gives each value's end; the offsets become line numbers. Returns ``{}`` if
    the walk fails, so that messages fall back to item numbers.
    """
    scan = json.JSONDecoder().raw_decode
    ws = re.compile(r"[ \t\n\r]*")
    out: dict[str, list[int]] = {}
    try:
        i = ws.match(text, 0).end()  # type: ignore[union-attr]
        if text[i] != "{":
            return {}
        i = ws.match(text, i + 1).end()  # type: ignore[union-attr]
        while text[i] != "}":
            key, i = scan(text, i)
            i = ws.match(text, i).end()  # type: ignore[union-attr]
            i = ws.match(text, i + 1).end()  # type: ignore[union-attr]  # past ':'
            if text[i] == "[":
                starts: list[int] = []
                i = ws.match(text, i + 1).end()  # type: ignore[union-attr]
                while text[i] != "]":
                    starts.append(i)
                    _, i = scan(text, i)
                    i = ws.match(text, i).end()  # type: ignore[union-attr]
                    if text[i] == ",":
                        i = ws.match(text, i + 1).end()  # type: ignore[union-attr]
                i += 1
                out[str(key)] = starts  # json.loads keeps the last of repeated keys, so do we
            else:
                _, i = scan(text, i)
            i = ws.match(text, i).end()  # type: ignore[union-attr]
            if text[i] == ",":
                i = ws.match(text, i + 1).end()  # type: ignore[union-attr]
    except (StopIteration, IndexError, ValueError, RecursionError):
        return {}
    return out


_SURROGATE_RE = re.compile("[\ud800-\udfff]")


class _RepeatedKeyError(ValueError):
    """A JSON object repeats a key (raised by :func:`_no_repeated_keys`)."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _no_repeated_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):
        seen: set[str] = set()
        for k, _ in pairs:
            if k in seen:
                raise _RepeatedKeyError(k)
            seen.add(k)
    return out


def _repeated_key_line(text: str, key: str) -> int | None:
    """The line of the first key repeated within one object (walked with the standard scanner)."""
    scan = json.JSONDecoder().raw_decode
    ws = re.compile(r"[ \t\n\r]*")

    def skip(i: int) -> int:
        return ws.match(text, i).end()  # type: ignore[union-attr]

    def value(i: int) -> int:
        """Walk the value at ``i``; return its end, raising _RepeatedKeyError at the repeated key."""
        if text[i] == "{":
            keys: set[str] = set()
            i = skip(i + 1)
            while text[i] != "}":
                at = i
                k, i = json.decoder.scanstring(text, i + 1)  # type: ignore[attr-defined]
                if k in keys:
                    raise _Found(at)
                keys.add(k)
                i = skip(skip(i) + 1)  # past ':'
                i = skip(value(i))
                if text[i] == ",":
                    i = skip(i + 1)
            return i + 1
        if text[i] == "[":
            i = skip(i + 1)
            while text[i] != "]":
                i = skip(value(i))
                if text[i] == ",":
                    i = skip(i + 1)
            return i + 1
        return scan(text, i)[1]

    try:
        value(skip(0))
    except _Found as f:
        return text.count("\n", 0, f.at) + 1
    except (StopIteration, IndexError, ValueError, RecursionError):
        return None
    return None


class _Found(Exception):
    def __init__(self, at: int) -> None:
        super().__init__(at)
        self.at = at


def _json_value(name: str, value: Any) -> str:
    """A JSON field as text: strings, integers, lists of strings (for list fields); else a problem."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if name in LIST_FIELDS and isinstance(value, list) and all(isinstance(x, str) for x in value):
        return ";".join(value)
    what = "a string or a list of strings" if name in LIST_FIELDS else "a string"
    raise _RowError("bad-type", f"field {name!r} must be {what}, not {type(value).__name__}")


def parse_user_json(
    text: str,
    source: str,
    *,
    sha256: str | None = None,
    known: Sequence[ParsedReport] | None = None,
    gazetteer: Gazetteer | None = None,
) -> ParsedReport:
    """Parse the JSON form of user data into records with provenance.

    The file is an object ``{"format": "pftz-user/1", "zones": [...],
    "documents": [...], "measures": [...], "adoptions": [...]}`` (each list
    optional) whose items are objects with the fields of the CSV columns
    (fields left out are blank; list fields may be JSON lists). Kinds are read
    in that order, so an adoption may refer to a measure of the same file.

    Parameters
    ----------
    text
        The JSON text.
    source
        File name recorded in provenance and messages.
    sha256
        The sha256 of the file's bytes; computed from ``text`` when omitted.
    known
        Parsed reports the items may refer to; by default the bundled report.
    gazetteer
        Name resolver; the curated default when omitted.

    Returns
    -------
    ParsedReport
        The records of the good items; a ``ParseWarning`` for every problem of
        a bad item (``"adoptions item 3: ..."``, with the line where the item
        starts), which is skipped.

    Raises
    ------
    UserDataError
        Not JSON (with the line of the syntax error), not an object, a missing
        or other ``format``, an unknown top-level key, or a section that is
        not a list.
    """
    sha = sha256 or hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    text = text.removeprefix("\ufeff")
    if not text.strip():
        msg = f'the file is empty: expected a JSON object {{"format": "{FORMAT}", "adoptions": [...], ...}}'
        raise UserDataError(msg, source, 1)
    try:
        data = json.loads(text, object_pairs_hook=_no_repeated_keys)
    except _RepeatedKeyError as e:
        line = _repeated_key_line(text, e.key)
        msg = f"the key {e.key!r} is given twice in one object (JSON keeps only one of the values)"
        raise UserDataError(msg, source, line) from None
    except json.JSONDecodeError as e:
        msg = f"not valid JSON: {e.msg} (column {e.colno})"
        raise UserDataError(msg, source, e.lineno) from e
    except (ValueError, RecursionError) as e:
        msg = f"cannot read the JSON: {e}"
        raise UserDataError(msg, source, 1) from e
    if not isinstance(data, dict):
        msg = f'expected a JSON object {{"format": "{FORMAT}", ...}}, found a {type(data).__name__}'
        raise UserDataError(msg, source, 1)
    if data.get("format") != FORMAT:
        msg = f'"format" must be "{FORMAT}" (found {data.get("format")!r})'
        raise UserDataError(msg, source, 1)
    unknown = sorted(set(data) - {"format", *KINDS})
    if unknown:
        msg = f"unknown top-level keys {unknown}; expected format, {', '.join(KINDS)}"
        raise UserDataError(msg, source, 1)
    for k in KINDS:
        if not isinstance(data.get(k, []), list):
            msg = f"{k!r} must be a list of objects, not {type(data[k]).__name__}"
            raise UserDataError(msg, source, 1)
    offsets = _item_offsets(text)
    newlines = [m.start() for m in re.finditer("\n", text)]
    b = _Builder(source, sha, gazetteer or Gazetteer.default(), _start_known(known))
    n = 0
    for k in KINDS:
        starts = offsets.get(k, [])
        for i, item in enumerate(data.get(k, []), start=1):
            n += 1
            line = bisect.bisect_right(newlines, starts[i - 1]) + 1 if i <= len(starts) else None
            where = f"{k} item {i}" + (f" (line {line})" if line is not None else "")
            quote = json.dumps(item, ensure_ascii=False)
            if _SURROGATE_RE.search(quote):  # a lone surrogate cannot be written as UTF-8: keep its escape
                quote = json.dumps(item, ensure_ascii=True)
            row = _Row({}, line, quote, where)
            b.run(k, row, functools.partial(_json_item, b, k, item=item))
    kinds = "+".join(k for k in KINDS if data.get(k))
    return _report(b, source, sha, kinds or "empty", n)


def _json_item(b: _Builder, kind: str, row: _Row, *, item: Any) -> None:
    if not isinstance(item, dict):
        raise _RowError("bad-type", f"expected an object with the fields {', '.join(COLUMNS[kind])}")
    unknown = sorted(set(item) - set(COLUMNS[kind]))
    if unknown:
        raise _RowError("unknown-field", f"unknown fields {unknown}; {kind} have {', '.join(COLUMNS[kind])}")
    values = _collect(*(lambda c=c: _json_value(c, item.get(c)) for c in COLUMNS[kind]))
    raw = dict(zip(COLUMNS[kind], values, strict=True))
    b.invisible(row, raw)
    row.values.update({c: _clean(v) for c, v in raw.items()})
    _HANDLERS[kind](b, row)
