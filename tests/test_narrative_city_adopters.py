"""Cities and zones taking up an innovation, in the forms short texts use: a city of any province as the adopter, an
anaphor object with an adverb after it ("adopted it almost at once") or a word before its head ("the same mediation
model"), a place set off before the subject, a shorter unquoted form of the name with a time after it, "has used", a
second clause with its own subject, and an innovation named by its place taken up by a list of zones.

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
    (  # "the same <word> <head noun>" as the object stands for the innovation named before
        'Guangdong PFTZ piloted the "bilingual commercial mediation" model in its Nansha Area. The Fuzhou Area of '
        "Fujian PFTZ adopted the same mediation model in 2027.",
        "Tianjin PFTZ set up a \u2018bonded aircraft lease\u2019 platform in 2022. The Dalian Area of Liaoning PFTZ "
        "has adopted the same leasing platform for its port.",
        {("bilingual commercial mediation", "zone:guangdong", "zone:fujian")},
        {("bonded aircraft lease", "zone:tianjin", "zone:liaoning")},
    ),
    (  # an innovation named by its zone's place, taken up by each zone of a list under one plural head
        'Sichuan PFTZ launched a "shared pilot plant" mechanism in 2025. The Sichuan mechanism has been replicated by '
        "the Shaanxi and Chongqing pilot FTZs.",
        "Hubei PFTZ opened a \u201cjoint patent pool\u201d service in 2026. The Hubei service has since been taken "
        "up by the Hunan and Anhui FTZs.",
        {
            ("Sichuan mechanism", "zone:sichuan", "zone:shaanxi"),
            ("Sichuan mechanism", "zone:sichuan", "zone:chongqing"),
        },
        {
            ("Hubei service", "zone:hubei", "zone:hunan"),
            ("Hubei service", "zone:hubei", "zone:anhui"),
        },
    ),
    (  # a second verb whose subject ", and" elides: the subject of the clause before
        'Jiujiang borrowed Hubei\'s "river-sea transfer pass" for its port, and modelled its customs desk on the '
        'Xiamen Area\'s "bonded tally window".',
        "Quzhou emulated Shanghai's \u201cwhitelist import lane\u201d for its hospitals, adapting it to vaccines, and "
        "modelled its data centre on the Nansha Area's \u201ccloud escrow\u201d service.",
        {
            ("river-sea transfer pass", "zone:hubei", "city:jiujiang"),
            ("bonded tally window", "zone:fujian", "city:jiujiang"),
        },
        {
            ("whitelist import lane", "zone:shanghai", "city:quzhou"),
            ("cloud escrow", "zone:guangdong", "city:quzhou"),
        },
    ),
    (  # an area named by its bare place ("Pingtan's"), the practice after its possessive unquoted
        "Tianjin PFTZ has replicated Pingtan's Taiwan ferry manifest system for its passenger terminals.",
        "The Hengqin Area of Guangdong PFTZ borrowed Pingtan's vocational licence recognition mechanism last year.",
        {("Taiwan ferry manifest system for its passenger terminals", "zone:fujian", "zone:tianjin")},
        {("vocational licence recognition mechanism", "zone:fujian", "zone:guangdong")},
    ),
    (  # a further adopter after an aside set off by commas ("and, in a modified form ..., by")
        'Shanghai PFTZ launched the "nurse licence pass" in 2026. The system has since been adopted by Jiangsu FTZ '
        "and, in a modified form covering midwives as well, by the Hainan Free Trade Port.",
        "Tianjin PFTZ set up the \u2018bonded lease ledger\u2019 in 2025. The model was later taken up by Hebei FTZ "
        "and, with changes for shipping firms, by Liaoning FTZ.",
        {
            ("nurse licence pass", "zone:shanghai", "zone:jiangsu"),
            ("nurse licence pass", "zone:shanghai", "zone:hainan-ftp"),
        },
        {
            ("bonded lease ledger", "zone:tianjin", "zone:hebei"),
            ("bonded lease ledger", "zone:tianjin", "zone:liaoning"),
        },
    ),
    (  # "the port of <city> in <province>" as one item of a list of adopters of mixed kinds
        'Fujian PFTZ created the "two-way ro-ro clearance" model in 2024. The model has since been taken up by Hainan '
        "FTP, the port of Zhanjiang in Guangdong Province and Guangxi.",
        "Liaoning PFTZ set up the \u201cice-season berth booking\u201d system. The system was later adopted by the "
        "port of Yantai in Shandong and by Hebei PFTZ.",
        {
            ("two-way ro-ro clearance", "zone:fujian", "zone:hainan-ftp"),
            ("two-way ro-ro clearance", "zone:fujian", "city:zhanjiang"),
            ("two-way ro-ro clearance", "zone:fujian", "province:guangxi"),
        },
        {
            ("ice-season berth booking", "zone:liaoning", "city:yantai"),
            ("ice-season berth booking", "zone:liaoning", "zone:hebei"),
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
