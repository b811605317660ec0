"""Pass ``province-wide-cases``: the cases a text tells after a zone's own batch released for replication across its
province are the province's adoptions (derived); not a case told after a sentence of another scope, nor one in an
aside about its zone, nor one the next sentence gives a scope of its own.

An excerpt in our own words (no line of a development text) and a perturbed copy: other zones, other quote marks,
other wording, both re-wrapped at other widths.
"""

from __future__ import annotations

from pftz.ground.schema import DERIVED, Rel
from pftz.loaders.report import parse_report
from tests.perturb import report_facts, rewrapped

RELEASE = (
    "Hubei to spread 30 FTZ reforms across the province\n\n"
    "The General Office of the Hubei Provincial People's Government has issued a notice on replicating and promoting "
    "the eighth batch of reform achievements of the China (Hubei) Pilot Free Trade Zone. Of the 30 achievements, 24 "
    "will be applied province-wide.\n\n"
    'Among the highlights, the Wuhan Area created a "patent pledge express lane" for start-ups. The Yichang Area '
    'contributed a "bonded ship parts depot" for river vessels. The Xiangyang Area, long known for its "car parts '
    'one-stop" reform, contributed a joint review desk for industrial land.\n\n'
    'The Xiangyang Area also set up a "used car export pass". It will be promoted in eligible areas only.\n\n'
    'Hubei PFTZ has released eight batches so far. The Wuhan Area also built a "lab animal import window".\n'
)
REWORDED = (
    "Zhejiang spreads FTZ reforms\n\n"
    "The People's Government of Zhejiang Province issued a notice on replicating and promoting the fifth batch of "
    "innovation achievements of the China (Zhejiang) Pilot Free Trade Zone, making them available across the "
    "province.\n\n"
    "The Ningbo Area developed a \u2018container pledge card\u2019 for exporters. The Zhoushan Area also put forward "
    "a \u2018one-seal approval\u2019 system for ship suppliers.\n\n"
    "The ministry said the fourth batch had reached all prefectures. The Hangzhou Area also created a "
    "\u2018data escrow window\u2019 for sellers.\n"
)


def _province_adoptions(text: str) -> set[tuple[str, str]]:
    return {(n, ad) for f, n, _a, ad in report_facts(text) if f == "adoption" and ad.startswith("province:")}


def test_the_cases_told_after_a_province_wide_release_are_the_provinces() -> None:
    want = {
        ("patent pledge express lane", "province:hubei"),
        ("bonded ship parts depot", "province:hubei"),
        # the sentence's own case (its head "desk" read since this round), not the one of its aside ("car parts
        # one-stop")
        ("joint review desk for industrial land", "province:hubei"),
    }
    assert _province_adoptions(RELEASE) == want
    assert _province_adoptions(rewrapped(RELEASE)) == want
    got = _province_adoptions(REWORDED)
    assert got == _province_adoptions(rewrapped(REWORDED, 38))
    assert {n for n, _ad in got} == {"container pledge card", "one-seal approval"}
    assert {ad for _n, ad in got} == {"province:zhejiang"}


def test_the_adoptions_are_derived_with_their_rule() -> None:
    r = parse_report(RELEASE, "release.txt")
    edges = [e for e in r.relations if e.type is Rel.ADOPTED and e.provenance.rule == "province-wide-case"]
    assert edges
    assert all(e.properties.get(DERIVED) and e.properties.get("resolved") for e in edges)
