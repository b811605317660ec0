"""The numbered documents of the bundled report against a hand check list (tests/fixtures/documents_handcheck.csv).

The list was written by reading Appendix 2 and the narrative: each number as printed, the date
printed with it (empty when none is), and the issuers the sentence names (body keys). Run with
``-s`` to see the figures.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from pftz.ground.schema import Label, Rel
from pftz.loaders.documents import find_numbers
from pftz.loaders.records import ParsedReport
from pftz.loaders.report import load_report

FIXTURE = Path(__file__).parent / "fixtures" / "documents_handcheck.csv"


def _expected() -> list[dict[str, str]]:
    with FIXTURE.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def measure(report: ParsedReport) -> dict[str, float]:
    """Found, date-right and issuer-exact shares (0-1) of the hand check list."""
    dates: dict[str, str] = {}
    keys: set[str] = set()
    for e in report.entities:
        if e.label is Label.DOCUMENT:
            keys.add(e.key)
            if "date" in e.properties:
                dates.setdefault(e.key, str(e.properties["date"]))
    issuers: dict[str, set[str]] = {}
    for r in report.relations:
        if r.type is Rel.ISSUED_BY:
            issuers.setdefault(r.start.key, set()).add(r.end.key)
    rows = _expected()
    found = date_right = issuer_exact = judged = 0
    for row in rows:
        (m,) = find_numbers(row["number"])
        key = m.number.key
        if key not in keys:
            continue
        found += 1
        date_right += dates.get(key, "") == row["date"]
        if row["issuers"]:
            judged += 1
            issuer_exact += issuers.get(key, set()) == set(row["issuers"].split(";"))
    return {"found": found / len(rows), "date_right": date_right / len(rows), "issuer_exact": issuer_exact / judged}


@pytest.fixture(scope="module")
def report() -> ParsedReport:
    return load_report()


def test_every_listed_number_parses() -> None:
    rows = _expected()
    assert len(rows) >= 40
    assert all(len(find_numbers(r["number"])) == 1 for r in rows)


def test_against_the_hand_check_list(report: ParsedReport) -> None:
    got = measure(report)
    print(" ".join(f"{k}={v:.1%}" for k, v in got.items()))
    assert got["found"] == 1.0
    assert got["date_right"] >= 0.95
    assert got["issuer_exact"] >= 0.6
