"""The forms of news stories and provincial releases: a dateline before the lead, an innovation introduced by a
description with its origin, named later and referred to by anaphora, adopters of mixed kinds.

Each form has an excerpt (in our own words, other zones and innovations than the development texts) and a
perturbed copy: the same statement with other places and quote marks, both re-wrapped at another width.
"""

from __future__ import annotations

import pytest

from tests.perturb import report_facts, rewrapped


def _facts(text: str, kind: str) -> set[tuple[str, frozenset[str], str]]:
    return {(n, a, ad) for f, n, a, ad in report_facts(text) if f == kind}


@pytest.mark.parametrize(
    ("text", "name", "origins", "adopters"),
    [
        (
            "XIAMEN, May 3, 2030 (Xinhua) -- A cold-chain inspection mechanism for imported seafood, developed "
            "jointly by the China (Fujian) Pilot Free Trade Zone and the Zhejiang Pilot Free Trade Zone in 2028, "
            "has been taken up by the Hainan Free Trade Port, Hunan Province and the cities of Changsha and Wuxi, "
            "port officials said on Monday.",
            "cold-chain inspection mechanism for imported seafood",
            {"zone:fujian", "zone:zhejiang"},
            {"zone:hainan-ftp", "province:hunan", "city:changsha", "city:wuxi"},
        ),
        (
            "Nanning, June 9, 2031 -- A border e-payment platform for small traders, jointly developed by the "
            "Guangxi Pilot FTZ and the China (Yunnan) Pilot Free Trade Zone, has been adopted by Anhui Province, "
            "the Hubei FTZ and the city of Ganzhou, the regional government said.",
            "border e-payment platform for small traders",
            {"zone:guangxi", "zone:yunnan"},
            {"province:anhui", "zone:hubei", "city:ganzhou"},
        ),
    ],
)
def test_a_lead_after_a_dateline_a_joint_origin_and_adopters_of_mixed_kinds(
    text: str, name: str, origins: set[str], adopters: set[str]
) -> None:
    for t in (text, rewrapped(text, 52)):
        cases = _facts(t, "zone_case")
        assert (name, frozenset(origins), "") in cases, cases
        assert {ad for n, a, ad in _facts(t, "adoption") if n == name and a == frozenset(origins)} == adopters
        assert any(a == frozenset(origins) for _n, a, _ad in _facts(t, "joint_effort"))


def test_a_list_of_adopters_ends_where_a_clause_of_its_own_begins() -> None:
    text = (
        'The "bonded repair ledger" of Tianjin PFTZ was extended to the PFTZs of Beijing and Hebei in 2029, and '
        'the "single inspection for cruise ships" of Shanghai PFTZ has been taken as a reference in Macao.'
    )
    for t in (text, rewrapped(text, 44)):
        got = {ad for n, _a, ad in _facts(t, "adoption") if n == "bonded repair ledger"}
        assert got == {"zone:beijing", "zone:hebei"}, got
