"""Adoptions told in the clause forms of a later edition written by another hand: a batch's two counted groups
listed after it as "the former" and "the latter", and the false positives those forms must not give.

Each form has an excerpt (in words of our own, never a line of a development text), more variants (other zones,
other verbs of the same lexicon list, another word order) and a perturbed copy (re-wrapped, other quote marks).
"""

from __future__ import annotations

import pytest

from tests.perturb import report_facts, rewrapped


def _adopted(text: str) -> set[tuple[str, str, str]]:
    """(name, first origin, adopter) of every adoption of a text."""
    return {(n, next(iter(sorted(a)), ""), ad) for f, n, a, ad in report_facts(text) if f == "adoption"}


FORMS = [
    # (text, what it states as (name, first origin, adopter)); each is also read re-wrapped
    (  # "the former" / "the latter" after two counted groups, each with its national scope
        "The measures were first tried in Shanghai PFTZ and Hainan FTP. Of the 30 pilot measures of the third "
        "batch, 20 are to be extended to all PFTZs and ten nationwide. The former include allowing foreign banks to "
        'issue green bonds on a filing basis and piloting a "white list" for imported research samples. The latter '
        "include accepting electronic certificates of origin for all goods.",
        {
            ("allowing foreign banks to issue green bonds on a filing basis", "", "group:all pftzs"),
            ("piloting a white list for imported research samples", "", "group:all pftzs"),
            ("accepting electronic certificates of origin for all goods", "", "group:nationwide"),
        },
    ),
    (  # the other order of the scopes, other quote marks, a verb of the same list
        "Tianjin PFTZ and Fujian PFTZ piloted the measures first. Twelve measures will be promoted throughout the "
        "country and eight rolled out in all pilot free trade zones. The former include simplifying customs "
        "filing for bonded ship fuel and recognising \u201cdigital warehouse receipts\u201d as collateral. The "
        "latter include opening the domestic futures market to foreign brokers.",
        {
            ("simplifying customs filing for bonded ship fuel", "", "group:nationwide"),
            ("recognising digital warehouse receipts as collateral", "", "group:nationwide"),
            ("opening the domestic futures market to foreign brokers", "", "group:all pftzs"),
        },
    ),
    (  # the adopters named as such, a list cut by ";" (each part's first place; an area of it no other adopter)
        'Fujian PFTZ launched a "one-stop relief desk" for stranded seafarers in its Xiamen Area. Adopters so far: '
        "Guangxi PFTZ, for its Qinzhou Port Area; Shandong PFTZ, in Qingdao; and Hebei Province, for the ports of "
        "Tangshan.",
        {
            ("one-stop relief desk", "zone:fujian", "zone:guangxi"),
            ("one-stop relief desk", "zone:fujian", "zone:shandong"),
            ("one-stop relief desk", "zone:fujian", "province:hebei"),
        },
    ),
    (  # the adopters after "include", a list cut at commas, other quote marks
        "Heilongjiang PFTZ set up a \u201cborder labour roster\u201d for seasonal workers in the Heihe Area. Its "
        "adopters include Jilin Province and Yunnan PFTZ.",
        {
            ("border labour roster", "zone:heilongjiang", "province:jilin"),
            ("border labour roster", "zone:heilongjiang", "zone:yunnan"),
        },
    ),
    (  # one place counted among the adopters, another fronted by "as well as"
        'Chongqing PFTZ introduced the "rail manifest pledge" for exporters in 2023. As well as Guizhou Province, '
        "Sichuan PFTZ counts among the adopters, having opened a pledge desk in Chengdu.",
        {
            ("rail manifest pledge", "zone:chongqing", "province:guizhou"),
            ("rail manifest pledge", "zone:chongqing", "zone:sichuan"),
        },
    ),
    (  # another word order: "is among its first followers"
        'Hainan FTP piloted "duty-free pickup on departure" at Haikou airport. Guangdong PFTZ is now among its '
        "first followers.",
        {("duty-free pickup on departure", "zone:hainan-ftp", "zone:guangdong")},
    ),
    (  # where the measures were first piloted, printed after the lists: their origins
        "Of the 16 measures, nine are to be rolled out nationwide and seven in all PFTZs. The former include "
        "accepting electronic warehouse receipts as pledges for bank loans. The latter include allowing foreign "
        "insurers to run pension products. These measures were first piloted in Hubei PFTZ and Chongqing PFTZ.",
        {
            ("accepting electronic warehouse receipts as pledges for bank loans", "zone:chongqing", "group:nationwide"),
            ("allowing foreign insurers to run pension products", "zone:chongqing", "group:all pftzs"),
        },
    ),
    (  # a lead naming its origin by an area's possessive, a subject of two zones, a date after the practice
        'Guangxi PFTZ runs a "berth pre-booking" service for barges in its Qinzhou Port Area. Following Qinzhou\'s '
        "lead, Hainan FTP and Fujian PFTZ set up barge berth pre-booking in March and May 2026, respectively.",
        {
            ("barge berth pre-booking", "zone:guangxi", "zone:hainan-ftp"),
            ("barge berth pre-booking", "zone:guangxi", "zone:fujian"),
        },
    ),
    (  # a lead naming its origin by a province's possessive and a practice; "began <verb>ing"
        "Modelled on Shandong's bonded grain blending, Jiangsu PFTZ began offering bonded blending of imported "
        "soybeans in 2027.",
        {("bonded blending of imported soybeans", "zone:shandong", "zone:jiangsu")},
    ),
    (  # the same with "after" and "example", other quote marks, one adopter
        "After Hubei\u2019s example, Hunan PFTZ introduced a \u2018river-sea through bill\u2019 for exporters of "
        "machinery.",
        {("river-sea through bill", "zone:hubei", "zone:hunan")},
    ),
    (  # "is now in use in A as well as in B", the subject an anaphor after its origin's possessive; a later clause
        # with its own subject and verb ("..., and the X Area of Y PFTZ is trialling it") adopts nothing
        'Fujian PFTZ built a "berth-to-rail transfer code" for container trucks. Fujian\'s model is now in use in '
        "Guangxi PFTZ (Qinzhou Port Area) as well as in Hainan FTP, and the Nansha Area of Guangdong PFTZ is "
        "trialling it.",
        {
            ("berth-to-rail transfer code", "zone:fujian", "zone:guangxi"),
            ("berth-to-rail transfer code", "zone:fujian", "zone:hainan-ftp"),
        },
    ),
    (  # a quoted subject after "Its", the subject zone of the sentence before; a province and an area of a zone
        "Yunnan PFTZ released its third batch in 2026. Its \u201cborder pharmacy permit\u201d is in use in Guizhou "
        "Province as well as in the Qinzhou Port Area of Guangxi PFTZ.",
        {
            ("border pharmacy permit", "zone:yunnan", "province:guizhou"),
            ("border pharmacy permit", "zone:yunnan", "zone:guangxi"),
        },
    ),
    (  # another possessive anaphor ("Henan's practice") with a verb of the same list, an area's possessive origin
        'Henan PFTZ set up a "rail freight pledge" for exporters in its Zhengzhou Area. Henan\'s practice has '
        "since been extended to Shanxi Province.",
        {("rail freight pledge", "zone:henan", "province:shanxi")},
    ),
    (  # a further adopter after a time phrase set off by commas ("and, in 2026, to B")
        'Heilongjiang PFTZ set up a "cold-chain bonded pledge" for imported beef. The model has been extended to Hebei '
        "Province and, in 2026, to Shandong PFTZ.",
        {
            ("cold-chain bonded pledge", "zone:heilongjiang", "province:hebei"),
            ("cold-chain bonded pledge", "zone:heilongjiang", "zone:shandong"),
        },
    ),
    (  # the same join with a month, another verb of the list
        'Shaanxi PFTZ launched the "rail-air transfer pass" in 2024. The practice was taken up by Gansu Province '
        "and, in March 2026, by Xinjiang PFTZ.",
        {
            ("rail-air transfer pass", "zone:shaanxi", "province:gansu"),
            ("rail-air transfer pass", "zone:shaanxi", "zone:xinjiang"),
        },
    ),
    (  # "this joint innovation" stands for the joint case named before: both origins
        'Hubei PFTZ and Hunan PFTZ jointly developed the "two-province barge register" for river shipping. This '
        "joint innovation has been extended to Jiangxi Province.",
        {("two-province barge register for river shipping", "zone:hubei", "province:jiangxi")},
    ),
    (  # "these arrangements" for the one innovation named before, an adopter of its own province after it
        'Guangxi PFTZ piloted the "border fruit fast lane" in its Chongzuo Area. These arrangements were extended '
        "to Yunnan PFTZ in 2026.",
        {("border fruit fast lane", "zone:guangxi", "zone:yunnan")},
    ),
    (  # the province of the origin, then a clause of another subject: no list of zones across the two clauses
        'Anhui PFTZ built the "quantum-secure filing channel" for customs data. The model has been replicated '
        "across Anhui Province, and Jiangsu PFTZ learned from it for its Suzhou Area.",
        {
            ("quantum-secure filing channel", "zone:anhui", "province:anhui"),
            ("quantum-secure filing channel", "zone:anhui", "zone:jiangsu"),
        },
    ),
    (  # a relative clause after an appositive: "<name> first piloted in <zone>, a model that <adopter> copied"
        'Among its cases is the "bonded repair of river dredgers" first piloted in the Yueyang Area of Hunan PFTZ, a '
        "model that Hubei PFTZ later copied for its Yichang Area.",
        {("bonded repair of river dredgers", "zone:hunan", "zone:hubei")},
    ),
    (  # "an innovation of <area> which <adopter> has since taken up", other quote marks
        "Shandong PFTZ's batch includes the \u201cone-stop seed export check\u201d, an innovation of the Yantai Area "
        "which Henan PFTZ has since taken up.",
        {("one-stop seed export check", "zone:shandong", "zone:henan")},
    ),
    (  # another verb of the list, a province as the adopter
        'Fujian PFTZ introduced the "cross-strait notary lane" in its Pingtan Area, a practice which Jiangxi '
        "Province emulated in 2026.",
        {("cross-strait notary lane", "zone:fujian", "province:jiangxi")},
    ),
    (  # only the latter listed
        "Beijing PFTZ proposed the batch. Of its 19 measures, 14 are replicated nationwide and 5 in all PFTZs. The "
        "latter comprise allowing overseas arbitration bodies to open offices in the zones.",
        {("allowing overseas arbitration bodies to open offices in the zones", "", "group:all pftzs")},
    ),
]


@pytest.mark.parametrize("k", range(len(FORMS)))
def test_adoption_clause_forms_and_a_rewrapped_copy(k: int) -> None:
    text, want = FORMS[k]
    assert _adopted(text) == want
    assert _adopted(rewrapped(text, 41)) == want


@pytest.mark.parametrize(
    "text",
    [
        # adopters with nothing named before them
        "Adopters so far: Jiangsu PFTZ, for its Nanjing Area; Hubei PFTZ, in Xiangyang.",
        # the origin is no adopter of its own innovation
        'Tianjin PFTZ created the "one berth code" for river barges. Tianjin PFTZ counts among the early adopters.',
    ],
)
def test_adopters_without_an_innovation_before_or_the_origin_itself_adopt_nothing(text: str) -> None:
    assert not [f for f in _adopted(text) if f[1] != ""]


@pytest.mark.parametrize(
    "text",
    [
        # a possessive that names no place: no origin
        "Following the ministry's guidance, Hubei PFTZ launched a bonded repair service for river barges.",
        # the origin's own zone after its lead: no adoption
        "Following Nansha's lead, Guangdong PFTZ introduced a cross-border notary window in Hengqin.",
        # "Following the reform" is a time, not a lead: the ports after it adopted nothing
        'The "Hunan-Guangxi through clearance" in Hunan PFTZ and Guangxi PFTZ cut the checks at the border. '
        "Following the reform, Beihai Port and Changsha Inland Port have shared their cargo data.",
    ],
)
def test_a_lead_naming_no_other_place_adopts_nothing(text: str) -> None:
    assert not [f for f in _adopted(text) if f[1] != ""]


@pytest.mark.parametrize(
    "text",
    [
        # the verb of the relative clause is one of piloting, not adopting
        'Hubei PFTZ launched the "river barge pass" in its Wuhan Area, a model that Hunan PFTZ also launched.',
        # the relative clause's subject is the origin itself
        'Guangxi PFTZ set up the "border fruit lane" first piloted in the Chongzuo Area, a model that Guangxi PFTZ '
        "later copied for its Qinzhou Port Area.",
    ],
)
def test_a_relative_clause_without_another_adopter_adopts_nothing(text: str) -> None:
    assert not [f for f in _adopted(text) if f[1] != ""]


def test_a_possessive_anaphor_of_another_place_stands_for_nothing() -> None:
    text = 'Henan PFTZ set up a "rail freight pledge" for exporters. Shaanxi\'s model is now in use in Gansu Province.'
    assert not [f for f in _adopted(text) if f[2] == "province:gansu"]


@pytest.mark.parametrize(
    "text",
    [
        # "the former" without two counted scopes before it: no scope stated for the items
        "Guangxi PFTZ and Yunnan PFTZ both run border trade pilots. The former include opening border markets "
        "to traders from Vietnam and simplifying declarations for small goods.",
        # two counts of what is not replicated
        "Hubei PFTZ released 40 cases, 30 of them in Wuhan and ten in Yichang. The former include the online "
        "registration of river barges for inland shipping companies.",
    ],
)
def test_former_and_latter_without_two_scopes_adopt_nothing(text: str) -> None:
    assert not {a for _n, _o, a in _adopted(text) if a.startswith("group:")}
