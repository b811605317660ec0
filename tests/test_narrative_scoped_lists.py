"""A zone's cases put on a list of a scope in a provincial release (``among-scope``): one more item of an "Among ...
is" lead ("Another is ..."), a lead of a narrower scope printed as it is (or the item's own scope after it), and a
case "also on the province-wide list", a joint one too.

Each form has an excerpt (in our own words, not a line of a development text) and a perturbed copy: the same
statement with other zones, other quote marks and other wording, both re-wrapped at other widths.
"""

from __future__ import annotations

import pytest

from tests.perturb import report_facts, rewrapped


def _adopted(text: str) -> set[tuple[str, frozenset[str], str]]:
    """(name, origins, adopter) of every adoption of a text."""
    return {(n, a, ad) for f, n, a, ad in report_facts(text) if f == "adoption"}


HN = frozenset({"zone:hunan"})
SD = frozenset({"zone:shandong"})

FORMS = [
    (  # "Another is" continues an "Among ... is" lead of province-wide scope
        'Among the innovations to be replicated province-wide is the "river barge bonded repair" scheme developed by '
        'the Yueyang Area. Another is the "single ticket for rail-water freight" model created by the Changsha Area.',
        "Among the measures to be promoted across the province is the \u201cport-side cold chain pass\u201d set up by "
        "the Qingdao Area. A further one is the \u201cpatent pledge fast track\u201d developed by the Jinan Area.",
        {
            ("river barge bonded repair", HN, "province:hunan"),
            ("single ticket for rail-water freight", HN, "province:hunan"),
        },
        {
            ("port-side cold chain pass", SD, "province:shandong"),
            ("patent pledge fast track", SD, "province:shandong"),
        },
    ),
    (  # a lead of a narrower scope: the scope as printed, or the item's own after it
        "Among the three achievements to be promoted in areas with bonded logistics centres is the Chenzhou Area's "
        '"bonded gem processing ledger", which cuts filing time.',
        "Among the five measures to be replicated in eligible areas is the Yantai Area's 'bonded engine overhaul "
        "pass', which will be promoted in comprehensive bonded zones along the Bohai Rim.",
        {("bonded gem processing ledger", HN, "group:areas with bonded logistics centres")},
        {("bonded engine overhaul pass", SD, "group:comprehensive bonded zones along the bohai rim")},
    ),
    (  # a case "on the province-wide list", a joint one in the province of its first zone
        'The "cross-river customs relay", developed jointly by the Changsha Area and the Wuhan Area of the Hubei '
        "Pilot Free Trade Zone, is also on the province-wide list.",
        "The \u201cbonded oil blending ledger\u201d of the Qingdao Area of Shandong FTZ is on the province-wide list "
        "as well.",
        {("cross-river customs relay", frozenset({"zone:hunan", "zone:hubei"}), "province:hunan")},
        {("bonded oil blending ledger", SD, "province:shandong")},
    ),
]


@pytest.mark.parametrize("k", range(len(FORMS)))
def test_cases_put_on_a_list_of_a_scope_and_a_perturbed_copy(k: int) -> None:
    text, reworded, want, want_reworded = FORMS[k]
    assert _adopted(text) == want
    assert _adopted(rewrapped(text)) == want
    assert _adopted(reworded) == want_reworded
    assert _adopted(rewrapped(reworded, 38)) == want_reworded


def test_a_national_lead_and_a_later_sentence_without_enumeration_are_not_province_wide() -> None:
    text = (
        'Among the measures to be replicated nationwide is the "one-stop berth booking" of the Zhoushan Area of '
        'Zhejiang PFTZ. The Ningbo Area launched a "bonded fuel pass" in 2027.'
    )
    got = _adopted(text)
    assert not {a for a in got if a[2] == "province:zhejiang"}
