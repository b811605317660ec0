"""The reports' manifest: the bundled report is described, and a broken manifest gets one clear message."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from pftz.ground.errors import InputError
from pftz.loaders.manifest import load_manifest, parse_manifest
from pftz.loaders.report import BUNDLED_REPORT


def test_the_bundled_report_is_in_the_manifest() -> None:
    sha = hashlib.sha256(BUNDLED_REPORT.read_bytes()).hexdigest()
    info = load_manifest()[sha]
    assert info.file == BUNDLED_REPORT.name and info.edition_year == 2025
    assert info.title.startswith("Report on China's Pilot Free Trade Zones") and "CAITEC" in info.publisher
    assert info.licence is None  # the manifest states none, so none is given


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"reports": [\n{"file": "r.txt",\n', r"m\.json:3: not JSON"),
        ('{"reports": {}}', "a list under 'reports'"),
        ('{"reports": [{"file": "r.txt", "sha256": "ab", "title": ""}]}', r"reports\[0\]: 'title' should be"),
    ],
)
def test_a_broken_manifest_says_where(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        parse_manifest(text, "m.json")


def test_a_missing_manifest(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read it"):
        load_manifest(tmp_path / "none.json")
