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


@pytest.mark.parametrize(
    ("text", "cases", "adoptions"),
    [
        (
            "Guangxi releases a batch of cases\n\n"
            "The commerce department released the sixth batch of innovations of the China (Guangxi) Pilot Free "
            "Trade Zone. The main items of the batch and where they apply are listed below:\n\n"
            '1. "One form, two ports" declaration for transit cargo to Vietnam (Chongzuo Area) -- replicated '
            "throughout the region;\n\n"
            "2. A bonded warehouse ledger for imported durian (Qinzhou Port Area, jointly with Nanning Area) -- "
            "replicated in Beihai and Fangchenggang;",
            {
                ("One form, two ports declaration for transit cargo to Vietnam", "zone:guangxi"),
                ("bonded warehouse ledger for imported durian", "zone:guangxi"),
            },
            {
                ("One form, two ports declaration for transit cargo to Vietnam", "province:guangxi"),
                ("bonded warehouse ledger for imported durian", "city:beihai"),
                ("bonded warehouse ledger for imported durian", "city:fangchenggang"),
            },
        ),
        (
            "Anhui FTZ cases go province-wide\n\n"
            "Anhui released its third batch of Anhui FTZ cases. Its cases and their scope are as follows:\n\n"
            "1) Shared credit files for cross-border truck drivers (Hefei Area) -- to be replicated across the "
            "province;\n\n"
            "2) The “green lane” inspection of research samples (Wuhu Area) -- replicated in Wuxi and Changzhou.",
            {
                ("Shared credit files for cross-border truck drivers", "zone:anhui"),
                ("green lane inspection of research samples", "zone:anhui"),
            },
            {
                ("Shared credit files for cross-border truck drivers", "province:anhui"),
                ("green lane inspection of research samples", "city:wuxi"),
                ("green lane inspection of research samples", "city:changzhou"),
            },
        ),
    ],
)
def test_a_releases_listed_items_with_their_area_and_where_each_is_replicated(
    text: str, cases: set[tuple[str, str]], adoptions: set[tuple[str, str]]
) -> None:
    for t in (text, rewrapped(text, 50)):
        got_cases = {(n, next(iter(a))) for n, a, _ad in _facts(t, "zone_case") if len(a) == 1}
        assert cases <= got_cases, got_cases
        got = {(n, ad) for n, a, ad in _facts(t, "adoption")}
        assert adoptions <= got, got


def test_a_quoted_model_learned_by_zones_is_theirs_to_adopt_not_their_case() -> None:
    for text in (
        'Two cases of the Fujian FTZ were included in the national batch this year, and the "ship data '
        'sharing" model has been learned by the FTZs in Hainan and Guangdong.',
        'Jiangsu PFTZ introduced a "tax refund on departure" service in 2029, and the service '
        "was learnt by the FTZs in Hunan and Hubei a year later.",
    ):
        origin = "zone:fujian" if "Fujian" in text else "zone:jiangsu"
        adopters = {"zone:hainan", "zone:guangdong"} if "Hainan" in text else {"zone:hunan", "zone:hubei"}
        for t in (text, rewrapped(text, 45)):
            assert all(origin in a for _n, a, _ad in _facts(t, "zone_case")), _facts(t, "zone_case")
            got = {ad for _n, a, ad in _facts(t, "adoption") if origin in a}
            assert got == adopters, _facts(t, "adoption")


@pytest.mark.parametrize(
    ("text", "name", "origin", "adopters"),
    [
        (
            "QINGDAO, Oct. 4 (Xinhua) -- A port clearance model pioneered in east China's Shandong Pilot Free "
            "Trade Zone has been adopted by pilot free trade zones in several coastal provinces, officials said.\n\n"
            'Under the model, dubbed "berth-side release" for bulk ore, ships unload while customs checks '
            "the papers online.\n\n"
            "Since 2030, the Jiangsu Pilot FTZ, the Qianhai Area of China (Guangdong) Pilot Free Trade Zone and "
            "the Liaoning FTZ have replicated the practice, and Shanxi Province, which has no pilot free trade "
            "zone, introduced it in its Taiyuan park in March.",
            "berth-side release for bulk ore",
            "zone:shandong",
            {"zone:jiangsu", "zone:guangdong", "zone:liaoning", "province:shanxi"},
        ),
        (
            "A credit repair service developed in the Hubei FTZ has been taken up by zones in three provinces.\n\n"
            "Under the service, known as “one-form credit repair” for small firms, a firm files once.\n\n"
            "The Henan FTZ, the Sichuan Pilot FTZ and the Nansha Area of the Guangdong FTZ have copied the "
            "service since last year.",
            "one-form credit repair for small firms",
            "zone:hubei",
            {"zone:henan", "zone:sichuan", "zone:guangdong"},
        ),
    ],
)
def test_an_innovation_described_with_its_origin_named_later_and_adopted_by_anaphor(
    text: str, name: str, origin: str, adopters: set[str]
) -> None:
    for t in (text, rewrapped(text, 56)):
        assert (name, frozenset({origin}), "") in _facts(t, "zone_case"), _facts(t, "zone_case")
        got = {ad for n, a, ad in _facts(t, "adoption") if a == frozenset({origin})}
        assert adopters <= got, _facts(t, "adoption")


@pytest.mark.parametrize(
    ("text", "name", "origin", "adopters"),
    [
        (
            "Jiangsu FTZ news\n\nThe Suzhou Area of the Jiangsu FTZ has its own success. Its 'one label for every "
            "pallet' tracking system for chip exports, which ties makers and forwarders to one database, has been "
            "introduced by Wuxi in Jiangsu province and by the Anhui FTZ.",
            "one label for every pallet",
            "zone:jiangsu",
            {"city:wuxi", "zone:anhui"},
        ),
        (
            "Zhejiang FTZ news\n\nThe Ningbo Area of the Zhejiang FTZ exports ideas too. Its ‘shared berth "
            "calendar’ model for feeder ships, which lets ports swap slots, has since been introduced by the "
            "Fujian FTZ and by Changsha.",
            "shared berth calendar",
            "zone:zhejiang",
            {"zone:fujian", "city:changsha"},
        ),
    ],
)
def test_its_single_quoted_name_after_an_area_introduced_by_other_places(
    text: str, name: str, origin: str, adopters: set[str]
) -> None:
    for t in (text, rewrapped(text, 48)):
        cases = {(n, a) for n, a, _ad in _facts(t, "zone_case")}
        assert any(n.startswith(name) and a == frozenset({origin}) for n, a in cases), cases
        got = {ad for n, a, ad in _facts(t, "adoption") if n.startswith(name) and a == frozenset({origin})}
        assert got == adopters, _facts(t, "adoption")


def test_a_quoted_name_introduced_by_a_zone_with_no_origin_before_is_its_origin_not_an_adoption() -> None:
    text = 'The "port data ledger" was introduced by Tianjin PFTZ in 2028 to cut waiting times at berths.'
    for t in (text, rewrapped(text, 40)):
        assert not _facts(t, "adoption"), _facts(t, "adoption")


def test_single_quotes_in_a_text_without_double_quotes() -> None:
    from pftz.loaders.quotes import quoted_spans

    assert [q.name for q in quoted_spans("Its 'green lane for fruit' scheme and Hubei's zones' work")] == [
        "green lane for fruit"
    ]
    assert [q.name for q in quoted_spans("a ‘single window’ for ships, said ‘yes’")] == ["single window"]


@pytest.mark.parametrize(
    ("text", "members"),
    [
        (
            "Guangxi FTZ feature\n\nIn the Qinzhou Port Area of the Guangxi FTZ, officials are now trialling a "
            '"blue lane" for refrigerated containers bound for Vietnam, jointly with the Yunnan FTZ and the '
            "Hainan FTP.",
            {"zone:guangxi", "zone:yunnan", "zone:hainan-ftp"},
        ),
        (
            "Shaanxi FTZ feature\n\nIn the Xi'an Area of the Shaanxi FTZ, engineers are testing a “rail data "
            "bridge” for freight to Central Asia together with the Henan FTZ.",
            {"zone:shaanxi", "zone:henan"},
        ),
    ],
)
def test_a_place_opening_the_sentence_testing_a_quoted_name_jointly_with_zones(text: str, members: set[str]) -> None:
    for t in (text, rewrapped(text, 47)):
        efforts = {a for _n, a, _ad in _facts(t, "joint_effort")}
        assert frozenset(members) in efforts, efforts


def test_the_quoted_items_set_off_by_dashes_after_cases_of_a_zone_are_its_cases() -> None:
    for text in (
        'Two older cases of the Hubei FTZ -- the "bonded repair ledger" for river ships and the "quick berth '
        'booking" service -- were praised at a port forum this year.',
        "Three innovations of the Fujian Pilot FTZ — the “cross-strait parcel lane” and the “shared pilot "
        "roster” — were praised by the ministry.",
    ):
        zone = "zone:hubei" if "Hubei" in text else "zone:fujian"
        for t in (text, rewrapped(text, 43)):
            cases = _facts(t, "zone_case")
            assert len(cases) == 2 and all(a == frozenset({zone}) for _n, a, _ad in cases), cases


@pytest.mark.parametrize(
    ("text", "zone", "names"),
    [
        (
            "Fujian news\n\nFujian has published nine batches of its own innovation cases since 2019. The newest "
            "batch, released in May, includes a 'one-stop berth' service for cruise ships and a shared credit "
            "file for cross-strait traders.",
            "zone:fujian",
            {"one-stop berth service for cruise ships", "shared credit file for cross-strait traders"},
        ),
        (
            "Hainan news\n\nA bonded fuel model pioneered in the Hainan Free Trade Port has been adopted by Guangxi "
            "Province. Hainan has released 12 batches of its own institutional innovation cases. The latest batch "
            "includes a “green channel” for seed imports, and a duty-free list for medical devices.",
            "zone:hainan-ftp",
            {"green channel for seed imports", "duty-free list for medical devices"},
        ),
    ],
)
def test_the_items_a_zones_own_latest_batch_includes_are_its_cases(text: str, zone: str, names: set[str]) -> None:
    for t in (text, rewrapped(text, 51)):
        got = {n for n, a, _ad in _facts(t, "zone_case") if a == frozenset({zone})}
        assert names <= got, _facts(t, "zone_case")


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        (
            'Hubei FTZ feature\n\nFrom the Yichang Area, which sits on the Three Gorges, come a "river-sea '
            'relay" berth plan for bulk barges and a new training scheme for pilots.',
            "zone:hubei",
        ),
        (
            "Fujian feature\n\nFrom the Xiamen Area of the Fujian FTZ came the “shared ship supply yard” for "
            "ocean liners calling at the port.",
            "zone:fujian",
        ),
        (
            "Guangxi report\n\nFrom the Guangxi FTZ, home to the Qinzhou port, has come a 'border fruit lane' "
            "for lorries bound for Vietnam.",
            "zone:guangxi",
        ),
    ],
)
def test_the_place_an_inverted_sentence_opens_on_is_where_the_quoted_name_came_from(text: str, zone: str) -> None:
    for t in (text, rewrapped(text, 41)):
        cases = _facts(t, "zone_case")
        assert any(a == frozenset({zone}) for _n, a, _ad in cases), cases


def test_from_a_place_with_no_verb_of_coming_credits_no_quoted_name() -> None:
    text = 'Hubei FTZ feature\n\nFrom the Yichang Area, officials travelled to see a "river-sea relay" berth plan.'
    assert not _facts(text, "zone_case")
