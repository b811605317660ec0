"""Adoptions told in the constructions other authors use (issue 24, seventh round), one family each: a second
participle sharing a passive auxiliary, an anaphor of a later clause after a quoted name of an earlier one, a
definite description of the innovation named before (``the through bill``, ``the Qingdao platform``), an anaphor
object of a verb that adopts only another's innovation (``applied the model in ...``, ``rolled it out``), a province
acting for its PFTZ in an area of it, the unquoted items of a national batch with their origins in a clause
after them (``X, first tried in Y PFTZ, is to be rolled out in all PFTZs, while Z, which originated in W PFTZ,
applies in designated areas only``), an appositive or a relative clause of adopting (``, a mechanism already
emulated by X,``; ``under the model, which was later replicated across X``), a national measure extending a zone's
pilot (``extending to all PFTZs the <practice> first trialled in X``).

Each family has excerpts in other words than any development text (other zones, other innovations) and a
perturbed copy of each (re-wrapped, other quote marks).
"""

from __future__ import annotations

import pytest

from tests.perturb import report_facts, rewrapped


def _adopted(text: str) -> set[tuple[str, str, str]]:
    """(name, origins joined, adopter) of every adoption of a text."""
    return {(n, ";".join(sorted(a)), ad) for f, n, a, ad in report_facts(text) if f == "adoption"}


def _curly(text: str) -> str:
    """The same text with curly double quotes."""
    out, open_ = [], True
    for ch in text:
        if ch == '"':
            out.append("“" if open_ else "”")
            open_ = not open_
        else:
            out.append(ch)
    return "".join(out)


FAMILIES = [
    (  # a second participle sharing the auxiliary: "has been replicated in A and taken up by B"
        'Fujian PFTZ\'s "bonded yacht maintenance ledger" was developed in the Xiamen Area to track spare parts. '
        "The system has been replicated in the Nantong coordinated innovation zone of Jiangsu PFTZ and "
        "taken up by Hainan FTP for visiting yachts.",
        {("bonded yacht maintenance ledger", "zone:fujian", "zone:hainan-ftp")},
    ),
    (  # the same, "was extended to A and later adopted by B", with an adverb before the second participle
        'Sichuan PFTZ launched the "rail freight pre-clearance model for western corridors" in 2027. The model was '
        "extended to Guizhou Province and later adopted by Yunnan PFTZ.",
        {
            ("rail freight pre-clearance model for western corridors", "zone:sichuan", "province:guizhou"),
            ("rail freight pre-clearance model for western corridors", "zone:sichuan", "zone:yunnan"),
        },
    ),
    (  # an anaphor opening a later clause stands for the quoted name of the clause before, not an earlier one
        'Shanghai PFTZ and Jiangsu PFTZ jointly built a "green corridor" for biomedical samples. Hubei PFTZ has '
        'adopted a "point-based" credit scheme for customs brokers, and the scheme was introduced to Shaanxi in '
        "2029.",
        {("point-based credit scheme for customs brokers", "zone:hubei", "province:shaanxi")},
    ),
    (  # a definite description of the innovation named before, as a passive subject after an opening phrase
        'Guangxi PFTZ and Yunnan PFTZ jointly launched an "integrated road-rail waybill with pledge function" for '
        "ASEAN cargo. Since its first year, the road-rail waybill has been adopted by Guizhou Province.",
        {
            (
                "integrated road-rail waybill with pledge function for ASEAN cargo",
                "zone:guangxi;zone:yunnan",
                "province:guizhou",
            )
        },
    ),
    (  # the same as an object, a place's name before it (an area of the innovation's zone), a verb after
        "Shandong PFTZ set up a bonded ship-spares repair centre in its Yantai Area, serving 30 "
        "shipowners. Hainan FTP has borrowed the Yantai repair centre to serve foreign yachts at Sanya.",
        {("bonded ship-spares repair centre", "zone:shandong", "zone:hainan-ftp")},
    ),
    (  # a shorter form of the name as the object, an area of the adopter's own after it
        'Chongqing PFTZ launched the "one-visit filing for cross-border lease contracts", which halves paperwork. '
        "In 2030, Hubei PFTZ adopted the one-visit filing in its Xiangyang Area.",
        {("one-visit filing for cross-border lease contracts", "zone:chongqing", "zone:hubei")},
    ),
    (  # an anaphor object before "throughout": a province replicating its own zone's practice
        "Fujian PFTZ's Pingtan Area opened a joint service centre for Taiwan investors, where permits are "
        "handled at one counter. Fujian Province replicated the centre throughout the province in 2029.",
        {("joint service centre for Taiwan investors", "zone:fujian", "province:fujian")},
    ),
    (  # "applied"/"rolled out" of an anaphor for another zone's innovation; a verb's particle after the pronoun
        "Hunan PFTZ's Changsha Area pioneered a used machinery export certification model for African buyers. "
        "Guangxi PFTZ applied the model in its Qinzhou Port Area, and Guizhou Province rolled it out in Zunyi.",
        {
            ("used machinery export certification model for African buyers", "zone:hunan", "zone:guangxi"),
            ("used machinery export certification model for African buyers", "zone:hunan", "province:guizhou"),
        },
    ),
    (  # items of a national batch told with their origins in a participle or relative clause, each with its scope
        "Of the ninth batch, a bonded “cold-chain” inspection scheme for imported beef, which originated in Shandong "
        "PFTZ, is to be replicated throughout the country, while a cross-border legal service platform for border "
        "traders, first piloted in Guangxi PFTZ, is to be applied only in designated areas.",
        {
            ("bonded cold-chain inspection scheme for imported beef", "zone:shandong", "group:nationwide"),
            ("cross-border legal service platform for border traders", "zone:guangxi", "group:designated areas"),
        },
    ),
    (  # the same, a quoted word inside the unquoted name, "which was developed in"
        'The State Council named nine measures. A remote "paperless" audit mechanism for bonded stocks, which was '
        "developed in Hubei PFTZ, will be extended to all PFTZs.",
        {("remote paperless audit mechanism for bonded stocks", "zone:hubei", "group:all pftzs")},
    ),
    (  # a national measure extending a zone's pilot: "extending to <group> the <practice> first tried in <zone>"
        "The General Administration of Customs released a notice in 2031, extending to all PFTZs the bonded "
        "catering supply service for cruise ships first tried in the Lingang Special Area (Shanghai) and the "
        "Nansha Area of Guangdong PFTZ.",
        {
            (
                "bonded catering supply service for cruise ships",
                "zone:guangdong;zone:shanghai",
                "group:all pftzs",
            )
        },
    ),
    (  # "extended the <practice> piloted in <area> to <a group of some zones>": the group as printed
        'In 2030, the ministry issued the "Notice on Cruise Ports", which extended the bonded catering supply '
        "service piloted in Qianhai to all coastal PFTZs.",
        {("bonded catering supply service", "zone:guangdong", "group:all coastal pftzs")},
    ),
    (  # "previously confined to <place> to <zones>": each zone named, the areas of one zone once
        "The new measures extended the tax-free transfer treatment previously confined to Shanghai to the Qianhai "
        "Area of Guangdong PFTZ, the Nansha Area and the Pingtan Area of Fujian PFTZ, and they set a quarterly "
        "reporting duty.",
        {
            ("tax-free transfer treatment", "zone:shanghai", "zone:guangdong"),
            ("tax-free transfer treatment", "zone:shanghai", "zone:fujian"),
        },
    ),
    (  # an appositive after the innovation naming its adopter: ", a mechanism already emulated by <adopter>,"
        'Hubei PFTZ\'s "carbon-account loan" for small exporters, a scheme since copied by Hunan Province, ties '
        "interest rates to audited emissions.",
        {("carbon-account loan", "zone:hubei", "province:hunan")},
    ),
    (  # a relative clause of adopting after an anaphor that is no subject: "under the model, which was ..."
        'Hubei PFTZ launched a "green credit passport" for exporters. In 2029, loans of RMB 2 billion were granted '
        "under the model, which was later replicated across Hunan Province and in the Yueyang Area.",
        {
            ("green credit passport", "zone:hubei", "province:hunan"),
            ("green credit passport", "zone:hubei", "zone:hunan"),
        },
    ),
    (  # a participle of adopting opening the sentence, the main clause's subject the adopter; an anaphor object
        'Tianjin PFTZ launched a "bonded aircraft lease ledger" for lessors. In 2030, borrowing this approach, '
        "Hainan FTP issued its own lease rules for Yangpu.",
        {("bonded aircraft lease ledger", "zone:tianjin", "zone:hainan-ftp")},
    ),
    (  # the same with a quoted name and its zone as the object, a province as the adopter
        'Drawing on the "single window for crew changes" of Zhejiang PFTZ, Guangxi set up a crew service centre '
        "at Beihai port in 2031.",
        {("single window for crew changes", "zone:zhejiang", "province:guangxi")},
    ),
    (  # a coordinated innovation zone printed without its PFTZ, an item of a list of adopters: its city
        'Jiangsu PFTZ launched a "one-visit" filing service for technology transfer contracts. It was extended to '
        "Wuxi, Changzhou and the Yangzhou coordinated innovation zone in 2029.",
        {
            ("one-visit filing service for technology transfer contracts", "zone:jiangsu", "city:yangzhou"),
            ("one-visit filing service for technology transfer contracts", "zone:jiangsu", "city:changzhou"),
        },
    ),
    (  # a sentence that reads no fact but quotes an innovation of its paragraph again: what a later "It" is
        'Hubei PFTZ launched the "river cargo pass" for barges, and Hunan PFTZ launched the "rail-sea credit card" '
        'for shippers. The "river cargo pass" cut waiting times by half. It was extended to Jiangxi in 2030.',
        {("river cargo pass", "zone:hubei", "province:jiangxi")},
    ),
    (  # one zone printed alone as the subject of "followed" after an adoption: it adopted the same innovation
        'Shaanxi PFTZ launched the "one-form filing for seed exporters", which merges six forms into one. In 2030, '
        "Gansu adopted the one-form filing at Zhangye, and Ningxia followed, while Sichuan PFTZ followed in its "
        "Tianfu New Area.",
        {
            ("one-form filing for seed exporters", "zone:shaanxi", "province:gansu"),
            ("one-form filing for seed exporters", "zone:shaanxi", "zone:sichuan"),
        },
    ),
    (  # a province that takes an innovation up in an area of its own PFTZ acts as that PFTZ
        "Jiangxi took other zones' work as a reference too: Hubei adopted Hunan PFTZ's \"cross-border parcel "
        'consolidation" model in its Yichang Area in 2030.',
        {("cross-border parcel consolidation", "zone:hunan", "zone:hubei")},
    ),
]


@pytest.mark.parametrize(("text", "want"), FAMILIES)
def test_adoption_families(text: str, want: set[tuple[str, str, str]]) -> None:
    for t in (text, rewrapped(text, 44), _curly(rewrapped(text, 61))):
        assert _adopted(t) >= want, t


def test_a_shared_participle_needs_a_subject_read_before() -> None:
    text = "Many firms have been registered in the Hengqin Area and taken up by local banks as clients."
    assert not _adopted(text)


def test_the_later_clause_anaphor_is_not_the_innovation_of_a_sentence_before() -> None:
    text = (
        'Chongqing PFTZ set up a "cold-chain pallet pool" for inland ports. Hunan PFTZ has adopted a "one-code" '
        "tracing model for imported durians, and the model was introduced to Guizhou in 2030."
    )
    got = _adopted(text)
    assert ("one-code tracing model for imported durians", "zone:hunan", "province:guizhou") in got
    assert not any(n.startswith("cold-chain") for n, _o, _a in got)


def test_a_description_of_a_place_or_a_body_is_no_anaphor() -> None:
    text = (
        'Shandong PFTZ set up a "bonded zone credit window" for traders. The zone has been taken up by investors '
        "from Korea, and the authorities were replicated in Hebei."
    )
    assert not _adopted(text)


def test_a_place_before_a_description_must_be_the_innovations() -> None:
    text = (
        "Shandong PFTZ set up a bonded ship-spares repair centre in its Yantai Area. Hainan FTP has "
        "borrowed the Xiamen repair centre for its yachts."
    )
    assert not _adopted(text)


def test_a_verb_applying_what_the_clause_drew_on_adds_no_adoption() -> None:
    text = (
        'Zhejiang PFTZ launched a "river-sea bunkering pass" for barges. Liaoning PFTZ drew on Jiangsu PFTZ\'s '
        "credit review of bonded warehouses and applied it in its Dalian Area."
    )
    got = _adopted(text)
    assert not any(n.startswith("river-sea") for n, _o, _a in got), got


def test_an_unquoted_item_whose_clause_names_no_zone_is_not_read() -> None:
    text = (
        "Heilongjiang PFTZ set up a border trade hall in Heihe. A graded inspection model for imported timber, which "
        "originated in the customs reforms of the 1990s, applies in designated areas only."
    )
    assert not _adopted(text)


def test_an_extension_without_a_zone_of_origin_is_not_read() -> None:
    text = (
        "Hubei PFTZ set up a bonded repair hub. The notice extended the tax-free transfer treatment first tried in "
        "several coastal cities to all PFTZs."
    )
    assert not {a for n, _o, a in _adopted(text) if n.startswith("tax-free")}


def test_an_appositive_naming_a_body_is_no_adoption() -> None:
    text = (
        'Hubei PFTZ\'s "carbon-account loan" for small exporters, a scheme launched by the Wuhan branch of the '
        "central bank, ties interest rates to audited emissions."
    )
    assert not _adopted(text)


def test_a_fronted_participle_of_the_adopters_own_experience_is_no_adoption() -> None:
    text = (
        'Fujian PFTZ launched a "crew change window" in Xiamen. Drawing on its own experience, Fujian PFTZ set up '
        "a crew service centre at Fuzhou port in 2030."
    )
    assert not _adopted(text)


def test_the_origin_that_followed_adopts_nothing() -> None:
    text = (
        'Shaanxi PFTZ launched the "one-form filing for seed exporters". In 2030, Gansu adopted the one-form filing '
        "at Zhangye, and Shaanxi PFTZ followed in its Xi'an Area."
    )
    assert not {a for _n, _o, a in _adopted(text) if a == "zone:shaanxi"}


_JOINED_SUBJECT = (
    "Liaoning notes\n\n"
    'Three of its reforms, the "bonded grain transit" service and the "cold-chain single ledger" model, have since '
    "been taken up by the Jilin Province.\n"
)


@pytest.mark.parametrize(
    "text",
    [
        _JOINED_SUBJECT,
        rewrapped(_JOINED_SUBJECT, 37),
        _curly(_JOINED_SUBJECT),
        _JOINED_SUBJECT.replace("service and the", 'service, the "port fee waiver" list and the').replace(
            "have since been taken up by the Jilin Province", "were later adopted by Jilin Province"
        ),
    ],
)
def test_quoted_names_joined_in_one_passive_subject_are_each_adopted(text: str) -> None:
    """'the "A" service and the "B" model have been taken up by X': A and B each adopted by X."""
    got = {(n, ad) for n, _o, ad in _adopted(text)}
    want = {("bonded grain transit", "province:jilin"), ("cold-chain single ledger", "province:jilin")}
    if "port fee waiver" in text:
        want.add(("port fee waiver", "province:jilin"))
    assert got == want


@pytest.mark.parametrize(
    "text",
    [
        "Hunan notes\n\nThe Yueyang coordinated innovation zone of Hunan PFTZ copied the zone's \"river freight "
        'single bill", and the "durian fast lane" of Yunnan PFTZ was extended to Guangxi Province.\n',
        'Hunan notes\n\nHunan PFTZ released its 6th batch, including the "river freight single bill" and the '
        '"durian fast lane", the latter of which has been replicated in Guangxi Province.\n',
    ],
)
def test_a_quoted_name_of_a_clause_before_is_not_joined_to_the_passive_subject(text: str) -> None:
    """The object of an earlier clause (``X copied the "A", and the "B" ... was extended``, ``including the "A" and
    the "B", the latter of which ...``) is not adopted with the subject of the passive."""
    for t in (text, rewrapped(text, 41)):
        got = {(n, ad) for n, _o, ad in _adopted(t)}
        assert ("durian fast lane", "province:guangxi") in got
        assert ("river freight single bill", "province:guangxi") not in got
