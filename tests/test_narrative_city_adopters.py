"""Cities and zones taking up an innovation in an active clause, in the forms short texts use: a city of any
province as the adopter, an anaphor object with an adverb after it, a place set off before the subject, a shorter
unquoted form of the name with a time after it, "has used", and a second clause with its own subject.

Each form has an excerpt (in our own words, not a line of a development text) and a perturbed copy: the same
statement with other places and other quote marks, both re-wrapped at other widths.
"""

from __future__ import annotations

import pytest

from tests.perturb import report_facts, rewrapped


def _adopted(text: str) -> set[tuple[str, str, str]]:
    """(name, first origin, adopter) of every adoption of a text."""
    return {(n, next(iter(sorted(a)), ""), ad) for f, n, a, ad in report_facts(text) if f == "adoption"}


FORMS = [
    (  # prefecture-level cities of any province are known adopters; an adverb after the anaphor object
        'Hubei PFTZ launched the "river-sea cargo pass" in 2027. Within Hunan, Zhuzhou and Hengyang, which have no '
        "pilot zone, adopted it almost at once.",
        "Sichuan PFTZ introduced the \u201cone-card rail freight\u201d scheme in 2026. Mianyang and Deyang adopted it "
        "quickly.",
        {
            ("river-sea cargo pass", "zone:hubei", "city:zhuzhou"),
            ("river-sea cargo pass", "zone:hubei", "city:hengyang"),
        },
        {
            ("one-card rail freight", "zone:sichuan", "city:mianyang"),
            ("one-card rail freight", "zone:sichuan", "city:deyang"),
        },
    ),
    (  # a shorter unquoted form of the name, a season after it; a second clause with its own subject and "has used"
        'The Yantai Area of Shandong PFTZ set up a "green customs fast lane for seafood exporters". Weihai copied the '
        'customs fast lane for seafood exporters in the autumn, and Rizhao has used the "green customs fast lane" '
        "since May.",
        "The Ningbo Area of Zhejiang PFTZ built a 'bonded fuel blending ledger for bunker suppliers'. Shaoxing "
        "borrowed the fuel blending ledger last year, and Quzhou has used the 'bonded fuel blending ledger' "
        "since April.",
        {
            ("green customs fast lane for seafood exporters", "zone:shandong", "city:weihai"),
            ("green customs fast lane", "zone:shandong", "city:rizhao"),
        },
        {
            ("bonded fuel blending ledger for bunker suppliers", "zone:zhejiang", "city:shaoxing"),
            ("bonded fuel blending ledger", "zone:zhejiang", "city:quzhou"),
        },
    ),
]


@pytest.mark.parametrize("k", range(len(FORMS)))
def test_city_adopters_of_short_texts_and_a_perturbed_copy(k: int) -> None:
    text, reworded, want, want_reworded = FORMS[k]
    assert _adopted(text) == want
    assert _adopted(rewrapped(text)) == want
    assert _adopted(reworded) == want_reworded
    assert _adopted(rewrapped(reworded, 38)) == want_reworded


def test_a_place_before_the_subject_is_no_adopter_and_an_own_clause_is_no_object() -> None:
    text = (
        'Henan PFTZ piloted the "air cargo one-stop check" in 2025. Within Henan, Anyang adopted it soon after, and '
        'Shaanxi FTZ has launched a "rail parcel pass" of its own.'
    )
    got = _adopted(text)
    assert ("air cargo one-stop check", "zone:henan", "city:anyang") in got
    assert not {a for a in got if a[2] in ("province:henan", "zone:henan")}
    assert not {a for a in got if a[0].startswith("rail parcel pass")}
