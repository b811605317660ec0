"""What a text does not say about itself: its title, date, publisher and address.

A text that is not an edition of the report (a ministry's press release, a
circular, a news report) rarely prints its own title block. The user gives it
on the command line (``pftz parse TEXT --title ... --date ... --publisher ...
--url ...``) or in a sidecar file next to the text, ``TEXT.header.json``::

    {"title": "MOFCOM releases the eighth batch of best practices",
     "date": "2025-06-12", "publisher": "Ministry of Commerce",
     "url": "https://example.org/press/123"}

Options on the command line win over the sidecar, field by field. The header
becomes the Document node of the text itself, which the facts read from it cite.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path

from pftz.ground.dates import PartialDate
from pftz.ground.errors import ReportParseError

SIDECAR_SUFFIX = ".header.json"
"""The sidecar of ``TEXT`` is ``TEXT.header.json`` (``release.txt.header.json``) or, without the text's
extension, ``release.header.json``."""
FIELDS = ("title", "date", "publisher", "url", "kind")


@dataclass(frozen=True, slots=True)
class TextHeader:
    """The title, date (a partial ISO date), publisher, address and kind of a text; empty when not given.

    ``kind`` is what the text is, in the user's words ("press release", "circular", "news"): it becomes
    the Document node's ``kind`` (``text`` when not given).
    """

    title: str = ""
    date: str = ""
    publisher: str = ""
    url: str = ""
    kind: str = ""

    def __bool__(self) -> bool:
        return any(getattr(self, f) for f in FIELDS)

    def over(self, other: TextHeader) -> TextHeader:
        """This header, with the fields it lacks taken from ``other``."""
        return replace(self, **{f: getattr(self, f) or getattr(other, f) for f in FIELDS})


def check_date(value: str, path: str, line: int | None = None) -> str:
    """Return a header date as a partial ISO date (``2025``, ``2025-06``, ``2025-06-12``).

    Raises
    ------
    ReportParseError
        The value is not such a date.
    """
    try:
        return PartialDate.parse(value.strip()).iso
    except (ValueError, TypeError) as e:
        msg = f"header: date {value!r} is not an ISO date (2025, 2025-06 or 2025-06-12)"
        raise ReportParseError(msg, path, line) from e


def parse_header(text: str, path: str = "header.json") -> TextHeader:
    """Read a header from JSON text: an object with some of ``title``, ``date``, ``publisher``, ``url``, ``kind``.

    Raises
    ------
    ReportParseError
        Not JSON (with its line), not an object, an unknown field, a value that is not text, or a bad date.
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        msg = f"header: not valid JSON: {e.msg}"
        raise ReportParseError(msg, path, e.lineno) from e
    if not isinstance(data, dict):
        msg = f"header: expected a JSON object with the fields {', '.join(FIELDS)}"
        raise ReportParseError(msg, path, 1)
    unknown = sorted(set(data) - set(FIELDS))
    if unknown:
        msg = f"header: unknown fields {unknown}; the fields are {', '.join(FIELDS)}"
        raise ReportParseError(msg, path, 1)
    bad = sorted(k for k, v in data.items() if not isinstance(v, str))
    if bad:
        msg = f"header: the fields {bad} must be text"
        raise ReportParseError(msg, path, 1)
    values = {k: " ".join(v.split()) for k, v in data.items()}
    if values.get("date"):
        values["date"] = check_date(values["date"], path, 1)
    return TextHeader(**values)


def header_path(text_path: str | Path) -> Path | None:
    """The sidecar header file of a text: ``TEXT.header.json``, else ``STEM.header.json``; None when neither exists."""
    text_path = Path(text_path)
    for p in (Path(str(text_path) + SIDECAR_SUFFIX), text_path.with_suffix(SIDECAR_SUFFIX)):
        if p.is_file():
            return p
    return None


def load_header(text_path: str | Path) -> TextHeader:
    """Read the sidecar header of a text, or an empty header when there is none.

    The sidecar of ``release.txt`` is ``release.txt.header.json`` or, failing that, ``release.header.json``.

    Raises
    ------
    ReportParseError
        The sidecar exists but cannot be read or is not a valid header.
    """
    p = header_path(text_path)
    if p is None:
        return TextHeader()
    try:
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        msg = f"cannot read the header: {e}"
        raise ReportParseError(msg, str(p)) from e
    return parse_header(text, str(p))


__all__ = ["FIELDS", "SIDECAR_SUFFIX", "TextHeader", "check_date", "header_path", "load_header", "parse_header"]
