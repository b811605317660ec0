"""Adopters the narrative reads in the forms of a later edition: cities and counties, plural anaphora,
listed objects, decided extensions, items put at a national scope, and the false positives they must not give.

Each form has an excerpt (reworded, never a line of a development text) and a perturbed copy: the same
statement in other words with other places, and both re-wrapped at other widths.
"""

from __future__ import annotations

import pytest

from pftz.ground.schema import Label, Rel
from pftz.loaders.gazetteer import Gazetteer
from pftz.loaders.reference import parse_cities
from pftz.loaders.report import parse_report
from tests.perturb import report_facts, rewrapped


def _adopted(text: str) -> set[tuple[str, str, str]]:
    """(name, first origin, adopter) of every adoption of a text."""
    return {(n, next(iter(sorted(a)), ""), ad) for f, n, a, ad in report_facts(text) if f == "adoption"}


FORMS = [
    # (excerpt, a perturbed rewording, what each states as (name, first origin, adopter))
    (  # "a version of the <noun>" as the object stands for the case named just before; a city in apposition
        'Shaanxi PFTZ piloted the "rail-air cargo transfer" system in 2024. Huangshi, a port city in Hubei, adopted '
        "a version of the system last year for its river port.",
        "Fujian PFTZ launched a \u201ccross-strait parcel lane\u201d mechanism in 2023. Ezhou, a city in eastern "
        "Hubei, has adopted a version of the mechanism for its cargo airport.",
        {("rail-air cargo transfer", "zone:shaanxi", "city:huangshi")},
        {("cross-strait parcel lane", "zone:fujian", "city:ezhou")},
    ),
    (  # a one-word quote after a capitalised article opening the sentence names its fuller phrase; provinces
        # named alone (hosting a PFTZ or not) adopt as provinces
        'The "one-window" service for crew changes, first piloted in the Zhoushan Area of Zhejiang FTZ, has already '
        "been adopted by Shandong, Fujian and Gansu.",
        "The \u201csingle-form\u201d filing system for bonded fuel, first piloted in the Nansha Area of Guangdong FTZ, "
        "was later adopted by Guangxi and Hebei.",
        {
            ("one-window service for crew changes", "zone:zhejiang", "province:shandong"),
            ("one-window service for crew changes", "zone:zhejiang", "province:fujian"),
            ("one-window service for crew changes", "zone:zhejiang", "province:gansu"),
        },
        {
            ("single-form filing system for bonded fuel", "zone:guangdong", "province:guangxi"),
            ("single-form filing system for bonded fuel", "zone:guangdong", "province:hebei"),
        },
    ),
    (  # a city named before its province is the adopter, not the province
        'Jiujiang City in Jiangxi Province drew on Fujian PFTZ\'s "one-stop service for inland ports", publishing '
        "its berths online.",
        'The city of Luoyang in Henan Province has learned from Shaanxi PFTZ\'s "rail-air transfer in one go" '
        "for its logistics hub.",
        {("one-stop service for inland ports", "zone:fujian", "city:jiujiang")},
        {("rail-air transfer in one go", "zone:shaanxi", "city:luoyang")},
    ),
    (  # a county-level city in apposition; a one-word quote before a head noun names the fuller phrase
        'Kunshan, a county-level city in Jiangsu, borrowed the "whitelist" system for imported research reagents '
        "from Shanghai PFTZ, cutting clearance time to a day.",
        'Yiwu, a county-level city in Zhejiang, emulated the "greenlane" service for small exporters from Fujian '
        "PFTZ last year.",
        {("whitelist system for imported research reagents", "zone:shanghai", "city:kunshan")},
        {("greenlane service for small exporters", "zone:fujian", "city:yiwu")},
    ),
    (  # a county and a city of one subject: both adopted
        'Ningming County and Dongxing City emulated the "border labour service station" model of the Chongzuo '
        "Area of Guangxi PFTZ, registering seasonal workers.",
        'Dongxing City and Ningming County have adopted Yunnan PFTZ\'s "mutual aid point for border traders" in '
        "their markets.",
        {
            ("border labour service station", "zone:guangxi", "city:ningming"),
            ("border labour service station", "zone:guangxi", "city:dongxing"),
        },
        {
            ("mutual aid point for border traders", "zone:yunnan", "city:dongxing"),
            ("mutual aid point for border traders", "zone:yunnan", "city:ningming"),
        },
    ),
    (  # two quoted names of one object, then a plural anaphor: both names, both adopters
        'Qinghai Province introduced two of Xinjiang PFTZ\'s measures, the "fast clearance for foreign drivers" '
        'and the "mutual recognition of foreign vehicles". These measures have since been extended to Gansu.',
        'Ningxia adopted two of Shaanxi PFTZ\'s practices, the "one-window filing of cargo agents" and the '
        '"shared inspection of rail containers". These practices were later extended to Tibet.',
        {
            (n, "zone:xinjiang", f"province:{p}")
            for n in ("fast clearance for foreign drivers", "mutual recognition of foreign vehicles")
            for p in ("qinghai", "gansu")
        },
        {
            (n, "zone:shaanxi", f"province:{p}")
            for n in ("one-window filing of cargo agents", "shared inspection of rail containers")
            for p in ("ningxia", "tibet")
        },
    ),
    (  # a decided extension to the cities a clause lists
        'The Wuhan Area\'s "bonded display plus live-streaming" model for imported goods will be extended to the '
        "province's other bonded zones, including those in Xiangyang, Yichang and Huangshi.",
        'The Zhengzhou Area\'s "air cargo pre-clearance service" is to be extended to the bonded zones in Luoyang '
        "and Kaifeng.",
        {
            ("bonded display plus live-streaming", "zone:hubei", f"city:{c}")
            for c in ("xiangyang", "yichang", "huangshi")
        },
        {("air cargo pre-clearance service", "zone:henan", f"city:{c}") for c in ("luoyang", "kaifeng")},
    ),
    (  # an unquoted practice described by a clause naming its zone, adopted by a coordinated innovation zone
        "For example, a one-window service for ship registration, under which the authorities in the Zhoushan "
        "Area of Zhejiang PFTZ accept all documents at one counter, has been replicated in the Jiaxing "
        "coordinated innovation zone of Zhejiang PFTZ.",
        "As an illustration, a single-counter service for crew certificates, through which the port offices of "
        "the Ningbo Area of Zhejiang PFTZ issue all papers, was replicated in the Wenzhou coordinated innovation "
        "zone of Zhejiang PFTZ.",
        {("one-window service for ship registration", "zone:zhejiang", "city:jiaxing")},
        {("single-counter service for crew certificates", "zone:zhejiang", "city:wenzhou")},
    ),
    (  # items a lead puts at a national scope, each with its zone
        'Among the items to be replicated throughout the country are the "export consolidation at inland hubs" '
        'model for parcels from Guangdong PFTZ and the "pre-screening and direct loading" model for air cargo '
        "from Henan PFTZ.",
        'Among the measures to be replicated nationwide are the "joint inspection at border ports" model of '
        'Yunnan PFTZ and the "digital bill of lading" service from Shandong PFTZ.',
        {
            ("export consolidation at inland hubs model for parcels", "zone:guangdong", "group:nationwide"),
            ("pre-screening and direct loading model for air cargo", "zone:henan", "group:nationwide"),
        },
        {
            ("joint inspection at border ports model", "zone:yunnan", "group:nationwide"),
            ("digital bill of lading service", "zone:shandong", "group:nationwide"),
        },
    ),
]


@pytest.mark.parametrize("k", range(len(FORMS)))
def test_adopters_of_the_2027c_forms_and_a_perturbed_copy(k: int) -> None:
    text, reworded, want, want_reworded = FORMS[k]
    assert _adopted(text) == want
    assert _adopted(rewrapped(text)) == want
    assert _adopted(reworded) == want_reworded
    assert _adopted(rewrapped(reworded, 38)) == want_reworded


def test_it_has_since_been_used_in_two_cities() -> None:
    text = (
        'Henan PFTZ launched the "one waybill to the end" model in 2022. The province listed the model for '
        "replication across the province, and it has since been used in Luoyang and Kaifeng."
    )
    for t in (text, rewrapped(text, 40)):
        got = _adopted(t)
        assert {a for _n, _o, a in got} >= {"city:luoyang", "city:kaifeng"}


@pytest.mark.parametrize(
    "text",
    [
        "Sichuan PFTZ released a batch of 30 innovations, 22 of which are replicated province-wide. Three stand "
        'out: the "pre-booking of rail slots" service, the "one code for exported liquor" system and the '
        '"mediation station in industrial parks". The first two are replicated across the whole province; the '
        "third applies in designated areas.",
        'Hunan PFTZ released a batch of innovations replicated across the province, among them the "river-sea '
        'direct shipping model", the "one-stop Africa settlement service" and the "pre-inspection of African '
        'coffee". The first two are replicated province-wide, while the third applies in designated areas.',
    ],
)
def test_an_example_a_later_clause_puts_in_designated_areas_is_not_province_wide(text: str) -> None:
    for t in (text, rewrapped(text, 52)):
        got = {(n, a) for n, _o, a in _adopted(t)}
        assert len(got) == 2
        assert not [n for n, _a in got if "mediation" in n or "coffee" in n]


@pytest.mark.parametrize(
    "text",
    [
        'Hebei PFTZ introduced "recognition of Beijing talent credentials in the Xiong\'an Area", so that '
        "certified talent enjoy the same benefits.",
        'In Hengqin, Guangdong PFTZ introduced "direct settlement of Macao medical insurance" at local hospitals.',
        'Fujian PFTZ introduced "one-stop services for Taiwan compatriots in the Pingtan Area" last year.',
    ],
)
def test_a_zone_and_its_own_area_are_no_adoption_and_no_joint_effort(text: str) -> None:
    for t in (text, rewrapped(text, 44)):
        got = report_facts(t)
        assert not [f for f in got if f[0] in ("adoption", "joint_effort")], got


def test_a_city_adopter_is_a_region_of_kind_city_in_its_province() -> None:
    r = parse_report(
        'Ganzhou City in Jiangxi Province drew on Hainan FTP\'s "land supermarket" model for industrial plots.\n',
        "excerpt.txt",
    )
    city = next(e for e in r.entities if e.label is Label.REGION and e.properties.get("kind") == "city")
    assert city.name == "Ganzhou"
    assert city.properties.get("name_zh") == "赣州市"
    located = [x for x in r.relations if x.type is Rel.LOCATED_IN and x.start.key == city.key]
    assert [x.end.key for x in located] == ["jiangxi"]
    adopted = [x for x in r.relations if x.type is Rel.ADOPTED and x.start.key == city.key]
    assert adopted


def test_cities_csv_is_checked_and_every_city_names_a_known_province() -> None:
    gaz = Gazetteer.default()
    assert gaz.cities
    assert all(c.province in gaz.provinces for c in gaz.cities.values())
    bad = "key,name,kind,province,name_zh,aliases,source\nfoo,Foo,village,nowhere,,,\n"
    with pytest.raises(Exception, match="kind"):
        parse_cities(bad, "cities.csv", gaz.provinces)
    # an area or a coordinated innovation zone named after a city is not the city
    assert not gaz.find_cities("the Jiaxing coordinated innovation zone and the Yueyang Area")


# --------------------------------------------------------------------------- bodies of several members
def _joint(text: str) -> dict[str, frozenset[str]]:
    return {n: a for f, n, a, _ad in report_facts(text) if f == "joint_effort"}


@pytest.mark.parametrize(
    ("text", "name", "members"),
    [
        (
            "The Yangtze River Delta Ecological Green Integrated Development Demonstration Zone, which spans Qingpu "
            "in Shanghai, Wujiang in Jiangsu and Jiashan in Zhejiang, released its sixth batch of 20 institutional "
            "innovations on cross-jurisdiction governance.",
            "Yangtze River Delta Ecological Green Integrated Development Demonstration Zone",
            {"province:shanghai", "province:jiangsu", "province:zhejiang"},
        ),
        (
            "The Pearl River West Bank Cooperation Platform, spanning Zhongshan in Guangdong and Wuzhou in "
            "Guangxi, published its first joint list of services last year.",
            "Pearl River West Bank Cooperation Platform",
            {"province:guangdong", "province:guangxi"},
        ),
    ],
)
def test_a_body_whose_members_are_the_provinces_it_spans(text: str, name: str, members: set[str]) -> None:
    for t in (text, rewrapped(text, 41)):
        assert _joint(t).get(name) == frozenset(members)


@pytest.mark.parametrize(
    ("text", "name", "members"),
    [
        (
            "Jointly launched by Hubei and Hunan PFTZs, the \"Yangtze midstream 'port-to-port' customs transfer "
            'model" links two river ports under a single electronic seal.',
            "Yangtze midstream 'port-to-port' customs transfer model",
            {"zone:hubei", "zone:hunan"},
        ),
        (
            'Jointly developed by Sichuan and Chongqing PFTZs, the "shared credit file for freight forwarders" '
            "lets each side read the other's ratings.",
            "shared credit file for freight forwarders",
            {"zone:sichuan", "zone:chongqing"},
        ),
    ],
)
def test_what_zones_jointly_launched_named_after_them(text: str, name: str, members: set[str]) -> None:
    for t in (text, rewrapped(text, 43)):
        assert _joint(t).get(name) == frozenset(members)


@pytest.mark.parametrize(
    ("text", "name", "developers", "members"),
    [
        (
            "The Western Land-Sea New Corridor PFTZ Alliance, founded by the PFTZs of Chongqing, Sichuan, Guangxi, "
            "Yunnan and Shaanxi, released its first batch of 10 joint institutional innovations in October. They "
            'include the "corridor cold-chain through train supervision model" developed by Guangxi PFTZ and '
            "Chongqing PFTZ, which cuts clearance time.",
            "corridor cold-chain through train supervision model",
            {"zone:guangxi", "zone:chongqing"},
            {"zone:chongqing", "zone:sichuan", "zone:guangxi", "zone:yunnan", "zone:shaanxi"},
        ),
        (
            "The Yellow River PFTZ Alliance, founded by the PFTZs of Shandong, Henan and Shaanxi, released its "
            'second batch of 8 joint innovations in May. They include the "shared inspection of river barges" '
            "created by Shandong PFTZ and Henan PFTZ, which saves a day per voyage.",
            "shared inspection of river barges",
            {"zone:shandong", "zone:henan"},
            {"zone:shandong", "zone:henan", "zone:shaanxi"},
        ),
    ],
)
def test_an_item_of_an_alliance_batch_credits_the_zones_that_developed_it(
    text: str, name: str, developers: set[str], members: set[str]
) -> None:
    for t in (text, rewrapped(text, 50)):
        got = _joint(t)
        assert got.get(name) == frozenset(developers)
        batches = {n: a for f, n, a, _ad in report_facts(t) if f == "batch"}
        # the alliance's batch has the alliance's members
        assert frozenset(members) in batches.values()


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Fifteen measures are to be replicated in all PFTZs, including allowing foreign banks to underwrite "
            "local bonds, giving electronic documents legal effect, and permitting overseas arbitration offices.",
            {
                (n, "group:all pftzs")
                for n in (
                    "allowing foreign banks to underwrite local bonds",
                    "giving electronic documents legal effect",
                    "permitting overseas arbitration offices",
                )
            },
        ),
        (
            "Eleven measures are to be replicated throughout the country, including accepting electronic "
            "certificates of origin and simplifying the filing of low-risk data transfers.",
            {
                (n, "group:nationwide")
                for n in (
                    "accepting electronic certificates of origin",
                    "simplifying the filing of low-risk data transfers",
                )
            },
        ),
        (
            # "such as" and a second clause after ", while" with its own count and scope; "and the <noun>" parts
            "Of these, 12 measures are to be applied in all PFTZs, such as permitting foreign insurers to open "
            "branches online and recognising digital seals in tax filings, while 9 are applied throughout the "
            "country, including easing visas for ship crews and the registration of cross-border data brokers.",
            {
                ("permitting foreign insurers to open branches online", "group:all pftzs"),
                ("recognising digital seals in tax filings", "group:all pftzs"),
                ("easing visas for ship crews", "group:nationwide"),
                ("registration of cross-border data brokers", "group:nationwide"),
            },
        ),
        (
            "Among them, twenty reforms will be rolled out in all PFTZs, notably simplifying the import of "
            "rehabilitation devices and the mutual recognition of port inspection results.",
            {
                ("simplifying the import of rehabilitation devices", "group:all pftzs"),
                ("mutual recognition of port inspection results", "group:all pftzs"),
            },
        ),
    ],
)
def test_a_spelled_out_count_of_measures_at_a_national_scope(text: str, want: set[tuple[str, str]]) -> None:
    for t in (text, rewrapped(text, 45)):
        assert {(n, a) for n, _o, a in _adopted(t)} == want


@pytest.mark.parametrize(
    "text",
    [
        'In government services, the Chongqing pilot FTZ introduced a "one code for the whole process" model for '
        "inspections, which has halved repeated visits, and the Xiamen Area of the Fujian pilot FTZ launched a "
        '"declare once, share across departments" model for vessels.',
        'In customs, Tianjin PFTZ introduced a "single seal for bonded barges" service, which saves a day, while '
        'the Nansha Area of Guangdong PFTZ developed an "online berth booking" platform for feeder ships.',
    ],
)
def test_another_zone_in_a_later_clause_is_no_origin_of_what_the_first_introduced(text: str) -> None:
    for t in (text, rewrapped(text, 39)):
        assert not _adopted(t)


@pytest.mark.parametrize(
    "text",
    [
        "Jiangsu PFTZ released its 7th batch of 24 institutional innovations for replication province-wide, "
        'including the "pre-arrival inspection of imported ores" and the "single-window berth booking", the '
        "latter of which has been replicated in the Lianyungang coordinated innovation zone of Jiangsu PFTZ.",
        "Sichuan PFTZ released its 4th batch of 19 institutional innovations for replication province-wide, "
        'including the "joint customs clearance for air cargo" and the "credit report for small traders", the '
        "former of which was adopted by the Deyang coordinated innovation zone.",
    ],
)
def test_a_clause_pointing_back_at_a_batchs_items_is_no_item(text: str) -> None:
    for t in (text, rewrapped(text, 41)):
        names = {n for f, n, _a, _ad in report_facts(t) if f in ("adoption", "zone_case")}
        assert not [n for n in names if "which" in n], names


@pytest.mark.parametrize(
    ("text", "adopter", "other"),
    [
        (
            'Shandong PFTZ\'s "green-channel approval for marine projects" has been taken up by Jiangxi Province, '
            'and Hainan borrowed Zhejiang PFTZ\'s "digital port dispatch" model.',
            "province:jiangxi",
            "province:hainan",
        ),
        (
            'Liaoning PFTZ\'s "one-seal approval for harbour works" was adopted by Jilin Province, and Qinghai '
            'introduced Sichuan PFTZ\'s "tea trade credit file" later.',
            "province:jilin",
            "province:qinghai",
        ),
    ],
)
def test_a_passive_adopter_list_ends_where_a_clause_of_its_own_begins(text: str, adopter: str, other: str) -> None:
    for t in (text, rewrapped(text, 43)):
        first = {ad for f, n, _a, ad in report_facts(t) if f == "adoption" and n == text.split('"')[1]}
        assert adopter in first, first
        assert other not in first, first


@pytest.mark.parametrize(
    "text",
    [
        'Among them, the "bonded repair of ship engines" of Shandong PFTZ and Guangxi PFTZ\'s "cross-border '
        'e-commerce return hub" are to be promoted in designated areas.',
        'Two cases stand out: the "green certificate for offshore wind" of Jiangsu PFTZ and Hainan FTP\'s '
        '"duty-free yacht charter service".',
    ],
)
def test_a_zone_owning_the_next_quote_is_no_co_actor_of_the_one_before(text: str) -> None:
    for t in (text, rewrapped(text, 39)):
        got = report_facts(t)
        assert not [f for f in got if f[0] == "joint_effort"], got
        cases = {n: a for f, n, a, _ad in got if f == "zone_case"}
        assert all(len(a) == 1 for a in cases.values()), cases


@pytest.mark.parametrize(
    ("text", "name", "origin"),
    [
        (
            'The Ministry of Transport, for example, promoted the "digital waybill for inland shipping" of Anhui PFTZ '
            "for replication across the country.",
            "digital waybill for inland shipping",
            "zone:anhui",
        ),
        (
            'The People\'s Bank of China, for instance, promoted the "green loan interest subsidy list" of Sichuan '
            "PFTZ throughout the country.",
            "green loan interest subsidy list",
            "zone:sichuan",
        ),
    ],
)
def test_a_body_promoting_a_zones_case_with_an_aside_is_a_national_adoption(text: str, name: str, origin: str) -> None:
    for t in (text, rewrapped(text, 45)):
        got = {(n, a, ad) for f, n, a, ad in report_facts(t) if f == "adoption"}
        assert (name, frozenset({origin}), "group:nationwide") in got, got


@pytest.mark.parametrize(
    "text",
    [
        'Among them, the "bonded repair of ship engines" of Shandong PFTZ and Guangxi PFTZ\'s "cross-border '
        'e-commerce return hub" are to be promoted in designated areas, while the others are to be scaled up '
        "nationwide.",
        'Of these, Guangxi PFTZ\'s "cross-border e-commerce return hub" and the "bonded repair of ship engines" of '
        "Shandong PFTZ are to be promoted in designated areas.",
    ],
)
def test_names_each_with_its_own_zone_are_each_promoted_in_designated_areas(text: str) -> None:
    for t in (text, rewrapped(text, 42)):
        got = {(n, a) for f, n, a, ad in report_facts(t) if f == "adoption" and ad == "group:designated areas"}
        assert ("bonded repair of ship engines", frozenset({"zone:shandong"})) in got, got
        assert ("cross-border e-commerce return hub", frozenset({"zone:guangxi"})) in got, got


@pytest.mark.parametrize(
    ("text", "name", "origin", "adopter"),
    [
        (
            'Hunan Province learned from Shaanxi PFTZ\'s "joint inspection of rail-shipped fruit", and the practice '
            "was later adopted by Qinghai as well.",
            "joint inspection of rail-shipped fruit",
            "zone:shaanxi",
            "province:qinghai",
        ),
        (
            'The Tangshan Area of Hebei PFTZ piloted a "single account for bulk cargo settlement", letting traders '
            "settle in several currencies. The arrangement was borrowed by the Lianyungang Area of Jiangsu PFTZ "
            "in 2030.",
            "single account for bulk cargo settlement",
            "zone:hebei",
            "zone:jiangsu",
        ),
    ],
)
def test_a_later_clause_or_sentence_adopting_the_practice_by_anaphor(
    text: str, name: str, origin: str, adopter: str
) -> None:
    for t in (text, rewrapped(text, 46)):
        got = {(n, a, ad) for f, n, a, ad in report_facts(t) if f == "adoption"}
        assert (name, frozenset({origin}), adopter) in got, got


@pytest.mark.parametrize(
    "text",
    [
        "PFTZs in several provinces promoted their new batches across their provinces. Shandong released its 6th "
        "batch of 22 cases. Henan PFTZ's 4th batch of 15 institutional innovations, led by the \"bonded futures "
        'delivery for cotton", was promoted across the whole province.',
        "Many PFTZs released batches for replication province-wide. Jiangsu PFTZ released its 8th batch of 20 "
        'innovations. Anhui PFTZ\'s 3rd batch, headed by the "bonded futures delivery for cotton", was replicated '
        "across the whole province.",
        "Zones kept promoting their own batches province-wide. Jiangsu PFTZ released its 8th batch of 20 "
        'innovations. The 3rd batch of Henan PFTZ included the "bonded futures delivery for cotton", piloted in '
        "its Zhengzhou Area.",
    ],
)
def test_a_zones_own_batch_named_later_turns_the_examples_to_that_zone(text: str) -> None:
    owner = "zone:henan" if "Henan" in text else "zone:anhui"
    for t in (text, rewrapped(text, 48)):
        got = {(n, a) for f, n, a, _ad in report_facts(t) if f == "adoption" and n.startswith("bonded futures")}
        assert got == {("bonded futures delivery for cotton", frozenset({owner}))}, got


def test_the_office_of_the_joint_conference_on_pftz_work_is_a_body() -> None:
    text = (
        "The Office of the Inter-ministerial Joint Conference on PFTZ Work released the fourth batch of 18 "
        "successful reform experiences promoted by various departments."
    )
    for t in (text, rewrapped(text, 40)):
        bodies = {n for f, n, _a, _ad in report_facts(t) if f == "body"}
        assert "Office of the Inter-ministerial Joint Conference on PFTZ Work" in bodies, bodies


def test_an_area_named_by_the_bonded_port_area_it_holds_is_that_area() -> None:
    text = (
        "Tianjin PFTZ's Dongjiang Bonded Port Area developed a leasing model for offshore drilling rigs, which "
        "was later adopted by the Qingdao Area of Shandong PFTZ."
    )
    for t in (text, rewrapped(text, 44)):
        areas = {(n, a) for f, n, a, _ad in report_facts(t) if f == "area"}
        assert ("Tianjin Port Area", frozenset({"zone:tianjin"})) in areas, areas  # the area, by its own name


@pytest.mark.parametrize(
    ("text", "members"),
    [
        (
            'Chongqing PFTZ worked with Sichuan PFTZ on a "Chengdu-Chongqing single customs declaration" scheme.',
            {"zone:chongqing", "zone:sichuan"},
        ),
        (
            'Guangxi PFTZ has cooperated with Yunnan PFTZ on the "border trade settlement in local currencies" '
            "program for two years.",
            {"zone:guangxi", "zone:yunnan"},
        ),
    ],
)
def test_two_zones_working_together_on_a_quoted_scheme_are_a_joint_case(text: str, members: set[str]) -> None:
    for t in (text, rewrapped(text, 38)):
        efforts = {a for f, _n, a, _ad in report_facts(t) if f == "joint_effort"}
        assert efforts == {frozenset(members)}, efforts


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Guizhou Province, which has no pilot free trade zone, has adopted Hubei's river-rail transfer model "
            "at the ports of Zunyi and Tongren, and traders say it works.",
            ("river-rail transfer model", "zone:hubei", "province:guizhou"),
        ),
        (
            "Qinghai Province has adopted Sichuan\u2019s bonded repair supervision model at its land ports.",
            ("bonded repair supervision model", "zone:sichuan", "province:qinghai"),
        ),
    ],
)
def test_a_province_adopting_another_provinces_practice_by_its_possessive(
    text: str, want: tuple[str, str, str]
) -> None:
    assert want in _adopted(text)
    assert want in _adopted(rewrapped(text, 44))


def test_the_adopters_own_province_in_the_possessive_is_no_origin() -> None:
    text = (
        "Hubei FTZ grew in 2030. Hubei Province has adopted Hubei's river-rail transfer model at the ports of "
        "Yichang and Jingzhou."
    )
    assert not any(o == "zone:hubei" for _n, o, _a in _adopted(text))


def _city_adoptions(text: str) -> set[tuple[str, str]]:
    """(adopting city, innovation) of every adoption by a city the text states."""
    r = parse_report(text, "excerpt.txt")
    names = {e.key: e.name for e in r.entities}
    cities = {e.key for e in r.entities if e.label is Label.REGION and e.properties.get("kind") == "city"}
    adopted = [x for x in r.relations if x.type is Rel.ADOPTED and x.start.key in cities]
    return {(names[x.start.key], names[x.end.key]) for x in adopted}


CITY_ANAPHOR_TEXTS = [
    (
        "Ganzhou has set up a bonded logistics centre near the Fujian FTZ border.\n\n"
        "The city also learned from the Xiamen Area of the Fujian FTZ, which in 2023 started a\n"
        '"ship supply one-stop" service for ocean vessels.\n',
        ("Ganzhou", "ship supply one-stop"),
    ),
    (
        "In April, Jiujiang, a port city on the Yangtze, sent officials to Hainan FTP.\n"
        "The Yangtze River port city in June adopted the Hainan FTP's 'zero-tariff raw materials' list.\n",
        ("Jiujiang", "zero-tariff raw materials"),
    ),
    (
        "Yichang learned from the Chongqing FTZ at once. Its high-tech zone introduced Chongqing's\n"
        "“rail-sea bill of lading pledge” scheme for inland exporters.\n",
        ("Yichang", "rail-sea bill of lading pledge"),
    ),
    (
        'Baotou has looked to zones far away. The municipality has copied Guangdong\'s "dual-track tax refund" '
        "approach of the Nansha Area.\n",
        ("Baotou", "dual-track tax refund"),
    ),
]


@pytest.mark.parametrize(("text", "want"), CITY_ANAPHOR_TEXTS)
def test_the_city_a_later_sentence_points_back_to_adopts(text: str, want: tuple[str, str]) -> None:
    """``The city also learned from <zone>, which launched "<name>"``, ``The <...> port city adopted ...``, ``Its
    high-tech zone introduced <province>'s "<name>"``: the adopter is the city the text last named as a subject,
    in the text as written and re-wrapped."""
    assert want in _city_adoptions(text)
    assert want in _city_adoptions(rewrapped(text, 39))


def test_the_city_with_no_city_named_as_a_subject_before_adopts_nothing() -> None:
    """A city named only in a clause of its own (``officials went to Ganzhou``) is no subject ``the city`` stands
    for: no adopter is invented."""
    text = (
        "Officials of the Fujian FTZ went to Ganzhou in May.\n"
        "The city also learned from the Xiamen Area of the Fujian FTZ, which started a\n"
        '"ship supply one-stop" service.\n'
    )
    assert _city_adoptions(text) == set()


def _adoptions(text: str) -> set[tuple[str, str, str]]:
    """(adopter key, innovation, origin zone) of every adoption with a stated origin."""
    r = parse_report(text, "excerpt.txt")
    names = {e.key: e.name for e in r.entities}
    origin = {x.start.key: x.end.key for x in r.relations if x.type is Rel.ORIGINATED_IN}
    return {(x.start.key, names[x.end.key], origin.get(x.end.key, "")) for x in r.relations if x.type is Rel.ADOPTED}


IT_OF_THE_CLAUSE_BEFORE = [
    'Zhejiang FTZ set up a "bonded fuel blending" model at Zhoushan.\n'
    'The Fujian Pilot FTZ developed a "cross-Strait arbitration link" mechanism for investors, and Hunan FTZ '
    "learned from it for its trade disputes.\n",
    "Zhejiang FTZ set up a “bonded fuel blending” model at Zhoushan.\n"
    "The China (Fujian) Pilot Free Trade Zone launched the “cross-Strait arbitration link” mechanism in Xiamen,\n"
    "while Hunan FTZ has adopted it at its Changsha Area.\n",
    "Zhejiang FTZ set up a 'bonded fuel blending' model at Zhoushan. Fujian FTZ piloted a 'cross-Strait "
    "arbitration link' mechanism, and the Hunan FTZ copied it in 2026.\n",
]


@pytest.mark.parametrize("text", IT_OF_THE_CLAUSE_BEFORE)
def test_it_stands_for_the_case_an_earlier_clause_of_the_sentence_credits(text: str) -> None:
    """``<zone> developed a "<name>" ..., and <adopter> learned from it``: ``it`` is that case, not the one of the
    sentence before; as printed and re-wrapped."""
    for t in (text, rewrapped(text, 43)):
        found = {(a, n) for a, n, _o in _adoptions(t)}
        assert ("hunan", "cross-Strait arbitration link") in found, found
        assert not any("fuel" in n for _a, n in found), found
