"""The reports' manifest: title, publisher and edition of each bundled report, keyed by its sha256.

``data/reports/manifest.json`` describes the reports shipped with the project
(``{"reports": [{"file", "title", "publisher", "edition_year", "sha256", ...}]}``).
Exports for people (the about sheet of the spreadsheets, the Datasette
metadata) name a source by its title and publisher when the manifest knows
its sha256, and by its file name otherwise. A report's licence is given only
where the manifest states one (``licence``); nothing is assumed.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pftz.ground.errors import InputError

__all__ = ["MANIFEST_FILE", "ReportInfo", "load_manifest", "parse_manifest"]

REPORTS_DIR = Path(__file__).resolve().parent.parent / "data" / "reports"
"""The bundled reports and their manifest."""
MANIFEST_FILE = REPORTS_DIR / "manifest.json"
BUNDLED_REPORT = REPORTS_DIR / "pftz-report-2025.en.txt"
"""The report read when none is named (a light module holds it, so that naming it costs no parsing code)."""
REFERENCE_DIR = REPORTS_DIR.parent / "reference"
"""The curated reference files (:mod:`loaders.reference` reads them; named here, where it costs nothing)."""
PROFILE_DIR = REPORTS_DIR.parent / "profiles"
"""Where the bundled edition profiles live (:mod:`loaders.profile`)."""
PROFILE_SIDECAR_SUFFIX = ".profile.toml"
"""The profile of one text may sit beside it: ``report-2030.txt.profile.toml``."""
"""The manifest of the bundled reports."""


@dataclass(frozen=True, slots=True)
class ReportInfo:
    """What the manifest says about one report.

    Parameters
    ----------
    file
        The report's file name.
    sha256
        The sha256 of its bytes (what the graph's sources name).
    title, publisher
        As printed on the report.
    edition_year
        The edition (None when not given).
    licence, licence_url
        The licence the publisher states, or None when the manifest states none.
    """

    file: str
    sha256: str
    title: str
    publisher: str
    edition_year: int | None = None
    licence: str | None = None
    licence_url: str | None = None

    def citation(self) -> str:
        """``Publisher. *Title*.`` as a line of text (no markup).

        Examples
        --------
        >>> ReportInfo("r.txt", "0" * 64, "A Report 2025", "CAITEC").citation()
        'CAITEC. A Report 2025.'
        """
        return f"{self.publisher}. {self.title}."


def _text(item: Mapping[str, Any], name: str, where: str) -> str:
    value = item.get(name)
    if not isinstance(value, str) or not value.strip():
        msg = f"{where}: {name!r} should be a non-empty string, not {value!r}"
        raise InputError(msg)
    return value.strip()


def _optional(item: Mapping[str, Any], name: str) -> str | None:
    value = item.get(name)
    return value.strip() if isinstance(value, str) and value.strip() else None


def parse_manifest(text: str, path: str = "manifest.json") -> dict[str, ReportInfo]:
    """Read a manifest's text into report descriptions keyed by sha256.

    Parameters
    ----------
    text
        The JSON text.
    path
        The file name, for messages.

    Returns
    -------
    dict of str to ReportInfo
        By sha256.

    Raises
    ------
    InputError
        Not JSON, or an entry without its file, sha256, title or publisher.

    Examples
    --------
    >>> m = parse_manifest('{"reports": [{"file": "r.txt", "sha256": "ab", "title": "T", "publisher": "P"}]}')
    >>> m["ab"].title, m["ab"].licence
    ('T', None)
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise InputError(f"not JSON: {e.msg}", path, e.lineno) from e
    reports = data.get("reports") if isinstance(data, dict) else None
    if not isinstance(reports, list):
        msg = "expected an object with a list under 'reports'"
        raise InputError(msg, path)
    out: dict[str, ReportInfo] = {}
    for i, item in enumerate(reports):
        where = f"{path}: reports[{i}]"
        if not isinstance(item, dict):
            msg = f"{where}: expected an object"
            raise InputError(msg)
        year = item.get("edition_year")
        info = ReportInfo(
            file=_text(item, "file", where),
            sha256=_text(item, "sha256", where).lower(),
            title=_text(item, "title", where),
            publisher=_text(item, "publisher", where),
            edition_year=year if isinstance(year, int) and not isinstance(year, bool) else None,
            licence=_optional(item, "licence"),
            licence_url=_optional(item, "licence_url"),
        )
        out[info.sha256] = info
    return out


def load_manifest(path: str | Path | None = None) -> dict[str, ReportInfo]:
    """Read the manifest (:data:`MANIFEST_FILE` by default); see :func:`parse_manifest`.

    Raises
    ------
    InputError
        The file cannot be read or is malformed.
    """
    target = Path(path) if path is not None else MANIFEST_FILE
    try:
        text = target.read_text(encoding="utf-8")
    except OSError as e:
        raise InputError(f"cannot read it: {e.strerror or e}", str(target)) from e
    return parse_manifest(text, str(target))
