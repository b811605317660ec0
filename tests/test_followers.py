"""Adopters that follow the one named with the innovation (loaders/followers.py), on excerpts written for these
tests in the manner of papers and news, and on re-wrapped copies."""

from __future__ import annotations

import textwrap

from pftz.loaders.evaluate import facts_from_report
from pftz.loaders.followers import followers
from pftz.loaders.gazetteer import Gazetteer
from pftz.loaders.narrative import AdoptionFact
from pftz.loaders.report import parse_report

GAZ = Gazetteer.default()

PAPER = """\
The "one seal for all filings" model for customs brokers was introduced by Tianjin PFTZ in 2021. Hebei \
Province adopted it in 2022, Shanxi and Inner Mongolia followed in 2023, while the Liaoning and Heilongjiang \
PFTZs did the same a year later.
"""


def _adopters(text: str) -> set[tuple[str, str]]:
    facts = facts_from_report(parse_report(text, "paper.txt"))
    return {(f.adopter, f.rule) for f in facts if f.fact == "adoption"}


def test_followers_adopt_what_the_first_adopter_adopted() -> None:
    got = _adopters(PAPER)
    assert any(a == "province:hebei" for a, _r in got)
    assert {("province:shanxi", "followed"), ("province:inner-mongolia", "followed")} <= got
    assert {("zone:liaoning", "followed"), ("zone:heilongjiang", "followed")} <= got


def test_followers_rewrapped() -> None:
    text = textwrap.fill(" ".join(PAPER.split()), 38, break_on_hyphens=False) + "\n"
    assert text != PAPER
    assert _adopters(text) == _adopters(PAPER)


def test_the_first_adopter_is_not_its_own_follower() -> None:
    a = AdoptionFact("x model", "province", "sichuan", "Sichuan", 1, "Sichuan adopted it; Sichuan followed.", "r")
    assert followers(a, GAZ.find_zone_lists, GAZ.find_provinces) == []


def test_no_follow_clause_no_follower() -> None:
    a = AdoptionFact("x model", "province", "sichuan", "Sichuan", 1, "Sichuan adopted it, and Guizhou studied it.", "r")
    assert followers(a, GAZ.find_zone_lists, GAZ.find_provinces) == []
