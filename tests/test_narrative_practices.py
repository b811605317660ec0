"""Zone cases stated without quotes: one excerpt per rule, the rejections, and perturbed copies.

The rules are in :mod:`loaders.narrative` (:func:`~loaders.narrative.case_unquoted_object`,
:func:`~loaders.narrative.case_passive_subject`, :func:`~loaders.narrative.case_established_in_zone`,
:func:`~loaders.narrative.practice_name`). Excerpts are written for the tests (same phrasing as the
report, other facts), so that nothing is tuned to one sentence of the bundled file.
"""

from __future__ import annotations

import pytest

from pftz.loaders.gazetteer import Gazetteer
from pftz.loaders.narrative import Narrative, practice_name, read_narrative
from pftz.loaders.report import BUNDLED_REPORT
from pftz.loaders.structure import parse_structure
from pftz.loaders.text import paragraphs, split_lines
from tests.perturb import move_body_page_breaks, rewrap_paragraphs

GAZ = Gazetteer.default()
TEXT = BUNDLED_REPORT.read_text(encoding="utf-8")


def _read(text: str) -> Narrative:
    lines = split_lines(text)
    return read_narrative(paragraphs(lines), parse_structure(lines), GAZ)


def _cases(text: str) -> dict[str, tuple[str, ...]]:
    return {c.name: c.zones for c in _read(text).cases}


# --------------------------------------------------------------------------- the name rule
@pytest.mark.parametrize(
    ("phrase", "first", "name"),
    [
        ("a cleaner production audit model", False, "cleaner production audit model"),
        (
            "the establishment of a hospital accreditation standard system",
            False,
            "hospital accreditation standard system",
        ),
        (
            "innovative platforms such as the country's first biomedicine transfer subcenter",
            False,
            "biomedicine transfer subcenter",
        ),
        ("the nation's first duty exemption for re-imported goods", False, "duty exemption for re-imported goods"),
        (
            "the Yangtze River Delta's first bonded maintenance project for projectors",
            False,
            "bonded maintenance project for projectors",
        ),
        ("the use of facial recognition for online banking", True, "facial recognition for online banking"),
        (
            'an FTA benefit-oriented "One-Click Access" smart platform',
            False,
            "FTA benefit-oriented One-Click Access smart platform",
        ),
        (
            "24-hour integrated services for customs clearance",
            False,
            "24-hour integrated services for customs clearance",
        ),
        ("a 'four teams' working mechanism for mentors", False, "four teams working mechanism for mentors"),
    ],
)
def test_practice_names(phrase: str, first: bool, name: str) -> None:
    assert practice_name(phrase, first=first) == name


@pytest.mark.parametrize(
    "phrase",
    [
        "bonded maintenance",  # an activity: no head noun
        "pilot tests",  # too short, no head noun
        "a dedicated platform",  # a head with one adjective: generic
        "platforms in Uzbekistan for pharmaceutical research",  # the head has no modifier
        "a comprehensive textile and apparel industrial chain",  # chain is not a practice head
        "mutual recognition of import inspection and quarantine measures",  # an activity
        "Beijing's largest public computing power platform",  # a ranking
        "10 collaborative innovations",  # a count
        "enhancing mechanisms for risk analysis",  # a gerund's object
        "the first such transaction",  # refers back
        "the nation's first trial shipment of batteries by rail",  # a first thing, not a practice
        "explorations in areas such as the service model",
        "the Implementation Plan for the service model",  # a document
        "two service platforms for exporters",  # a count of things
    ],
)
def test_not_practice_names(phrase: str) -> None:
    assert practice_name(phrase) == ""


# --------------------------------------------------------------------------- the object rule
def test_nations_first_after_a_verb() -> None:
    text = (
        "Guangdong PFTZ has handled the nation's first pre-litigation provisional measures case concerning "
        "trade secrets of a board game. The measures were granted."
    )
    assert _cases(text) == {
        "pre-litigation provisional measures case concerning trade secrets of a board game": ("guangdong",)
    }


def test_pronoun_participle_and_as_well_as() -> None:
    text = (
        "Hubei PFTZ has carried out explorations in digital finance. For example, it has introduced cross-border "
        "applications for digital RMB, facilitating the nation's first digital RMB cross-border payment for "
        "shipping insurance, as well as the first cross-border copper transaction settled with digital RMB, "
        "exploring efficient, secure, and intelligent models for payment."
    )
    assert _cases(text) == {
        "cross-border applications for digital RMB": ("hubei",),
        "digital RMB cross-border payment for shipping insurance": ("hubei",),
        "cross-border copper transaction settled with digital RMB": ("hubei",),
    }


def test_two_firsts_joined_by_and() -> None:
    text = (
        "Meanwhile, Anhui PFTZ pioneered the nation's first bonded maintenance project for ship engines and the "
        "Yangtze River Delta's first bonded maintenance project for drones, expanding bonded maintenance."
    )
    assert _cases(text) == {
        "bonded maintenance project for ship engines": ("anhui",),
        "bonded maintenance project for drones": ("anhui",),
    }


def test_by_establishing_and_creating() -> None:
    text = (
        "Similarly, Tianjin PFTZ has addressed the challenges of importing medical devices by establishing a green "
        "channel for the approval of imported medical devices and creating a pioneering zone for orphan drug supply."
    )
    assert _cases(text) == {
        "green channel for the approval of imported medical devices": ("tianjin",),
        "pioneering zone for orphan drug supply": ("tianjin",),
    }


def test_a_parenthetical_subject_and_a_partly_quoted_object() -> None:
    text = (
        "For example, Jiangsu PFTZ, in response to challenges in clearing research samples, explored a pilot "
        '"whitelist" system for the import of research samples. Enterprises on the whitelist are exempt.'
    )
    # one case: the partly quoted rule reads the phrase from the quote on; the object rule does not read it again
    assert _cases(text) == {"whitelist system for the import of research samples": ("jiangsu",)}


def test_a_list_of_objects_and_a_ranking() -> None:
    text = (
        "For example, Shanghai PFTZ has established an AI data labelling base, a regulatory sandbox for the AI "
        "sector, and Shanghai's largest public computing power platform. These initiatives help."
    )
    assert _cases(text) == {
        "AI data labelling base": ("shanghai",),
        "regulatory sandbox for the AI sector": ("shanghai",),
    }


def test_an_apposition_is_the_same_case() -> None:
    text = (
        'Hubei PFTZ established the "Laser Chain" online trading platform, a public service platform for the '
        "laser supply chain. It has launched the nation's first robot data trading platform, the "
        '"Wuhan Robot Data Exchange Platform", to serve enterprises. It has established the nation\'s first robot '
        'governance research institution, the "Wuhan Robot Governance Laboratory", to conduct research.'
    )
    # a body (an institution, a laboratory) is not a practice
    assert _cases(text) == {
        "Laser Chain online trading platform": ("hubei",),
        "Wuhan Robot Data Exchange Platform": ("hubei",),
    }


def test_an_area_of_a_zone_and_a_coordinated_modifier() -> None:
    text = (
        'For example, Lin-gang Special Area of Shanghai PFTZ launched a comprehensive service platform for "going '
        "global\", which integrates services. Beijing PFTZ introduced China's first scenario-based, field-level "
        "negative list for cross-border data transfers."
    )
    assert _cases(text) == {
        "comprehensive service platform for going global": ("shanghai",),
        "scenario-based, field-level negative list for cross-border data transfers": ("beijing",),
    }


def test_a_long_chain_shares_its_subject_and_a_quoted_case_is_not_read_twice() -> None:
    text = (
        "In the development of the economic circle, Sichuan and Chongqing PFTZs have built a demonstration zone. "
        'They have released 8 collaborative innovations, launched the "one permit per chain" reform for '
        "cross-regional processing, explored integrated water supply service reforms in adjacent areas, pioneered "
        "joint development, protection, and enforcement of trademarks, piloted new models for green development "
        'of river ports, and established the "Yibin – Luzhou" mechanism for coordinated innovation.'
    )
    got = _read(text).cases
    names = {c.name: (c.zones, c.joint) for c in got}
    joint = (("chongqing", "sichuan"), True)
    assert names["integrated water supply service reforms in adjacent areas"] == joint
    assert names["new models for green development of river ports"] == joint
    assert names["Yibin – Luzhou mechanism for coordinated innovation"] == joint
    assert sum("one permit per chain" in c.name for c in got) == 1  # the quoted rule's, not twice


def test_these_include_and_the_paragraph_zone() -> None:
    text = (
        "For example, Zhejiang PFTZ has expanded the experience of its oil industry chain. Ningbo Port has become "
        "the world's first port capable of berthing two ore carriers. These include the launch of China's first "
        "import bonded rapeseed spot warehouse receipt pledge business and the first successful unloading of a "
        "full shipload of rapeseed through offshore spot trading."
    )
    assert _cases(text) == {
        "import bonded rapeseed spot warehouse receipt pledge business": ("zhejiang",),
        "successful unloading of a full shipload of rapeseed": ("zhejiang",),
    }


def test_joint_subject_possessive_area_and_purpose_infinitive() -> None:
    text = (
        "Fujian PFTZ and Anhui PFTZ have jointly launched a cross-regional bonded maintenance service platform. "
        "Shanghai PFTZ's Lin-gang Special Area has launched a cross-border data verification service. "
        "Hunan PFTZ partnered with the Standard Institute of Malaysia (SIRIM) to provide one-stop certification "
        "services for product exports to Malaysia, including testing."
    )
    got = {c.name: (c.zones, c.joint) for c in _read(text).cases}
    assert got == {
        "cross-regional bonded maintenance service platform": (("anhui", "fujian"), True),
        "cross-border data verification service": (("shanghai",), False),
        "one-stop certification services for product exports to Malaysia": (("hunan",), False),
    }


def test_what_zones_did_jointly_needs_no_head_noun() -> None:
    text = (
        "For example, Guangxi PFTZ and Qianhai Area of Guangdong PFTZ have jointly promoted the empowerment of the "
        "fruit industry's digital transformation through data factors. Guangxi PFTZ has promoted the empowerment "
        "of the sugar industry's digital transformation."
    )
    (case,) = _read(text).cases  # one case, whichever rule reads it first (the joint-clause rule)
    assert (case.name, case.zones, case.joint) == (
        "empowerment of the fruit industry's digital transformation through data factors",
        ("guangdong", "guangxi"),
        True,
    )
    assert _read(text).efforts == ()  # a joint innovation, not an alliance (issue 24)


def test_supported_enterprises_in_conducting() -> None:
    text = (
        "Zhejiang PFTZ has supported local refiners in conducting bonded blending services for low-sulfur "
        "marine fuel, reducing costs."
    )
    assert _cases(text) == {"bonded blending services for low-sulfur marine fuel": ("zhejiang",)}


def test_a_local_body_in_the_zones_paragraph() -> None:
    text = (
        "Fujian PFTZ has promoted the regional equity market. The Haixia Equity Exchange has continuously enhanced "
        'its service capabilities and launched the "Cross-Straits Listing Service", expanding its services. '
        "The Ministry of Commerce launched a national trade service platform for exporters."
    )
    assert _cases(text) == {"Cross-Straits Listing Service": ("fujian",)}


def test_an_unnamed_pftz_ends_the_paragraph_subject() -> None:
    text = (
        "Shanghai PFTZ has established a sub-center abroad. In digital economy, PFTZ launched China's first cloud "
        "node for weather data. It also established a cross-border credit information service platform for ASEAN."
    )
    assert _cases(text) == {}


def test_a_later_quote_restating_the_practice_is_no_second_case() -> None:
    text = (
        "**Shaanxi PFTZ establishes a 'three teams' working mechanism for mentorship of young researchers**, "
        'taking the lead nationwide to promote the systematic development of "three supporting teams", namely '
        "mentors and managers."
    )
    assert _cases(text) == {"three teams working mechanism for mentorship of young researchers": ("shaanxi",)}


def test_a_titled_case_paragraph_describes_its_case() -> None:
    text = (
        "**Tianjin PFTZ creates a 'fast lane' for outbound data of foreign-invested enterprises**, establishing a "
        "fast lane for outbound data. Given the volumes of data involved, Tianjin PFTZ has established a "
        '"fast lane" service mechanism for cross-border data transfers by foreign-invested enterprises.'
    )
    got = _read(text).cases
    assert [c.rule for c in got] == ["bold-title"]
    assert got[0].zones == ("tianjin",)


# --------------------------------------------------------------------------- passive subjects and nominal forms
def test_the_first_as_a_passive_subject() -> None:
    text = (
        "The first mandatory product certification adopting the self-declaration method for printers in China "
        "was issued for an enterprise in Tianjin PFTZ. The first Hong Kong SAR clinic has been certified under "
        "these standards."
    )
    assert _cases(text) == {
        "mandatory product certification adopting the self-declaration method for printers": ("tianjin",)
    }


def test_a_practice_set_up_in_the_paragraph_zone() -> None:
    text = (
        "Similarly, Guangxi PFTZ has attracted a range of businesses. A dedicated international silk trade "
        "service window has been set up to provide consultations. Seven workshops have been established."
    )
    assert _cases(text) == {"dedicated international silk trade service window": ("guangxi",)}


def test_the_establishment_of_a_base_in_a_zone() -> None:
    text = (
        "Another example is the establishment of the East China (SIP) One-Stop Overseas Service Base in Jiangsu "
        "PFTZ, which integrates resources. Sichuan and Chongqing PFTZs have taken the construction of "
        "Collaborative Demonstration Zone of Sichuan PFTZ and Chongqing PFTZ as a key initiative."
    )
    assert _cases(text) == {"East China (SIP) One-Stop Overseas Service Base": ("jiangsu",)}


@pytest.mark.parametrize(
    "text",
    [
        # a participle after a quoted case describes that case
        'Yunnan PFTZ has pioneered a "China - Laos cross-border road transport reform", introducing an innovative '
        '"loaded-in, loaded-out" model for freight vehicles from both sides.',
        # the new state of a case is no new case
        "Following the reform, Zhangjiang Science City established a joint safety supervision platform for "
        "imported special items.",
        # a description, not a practice
        "The annual revenue surpassed RMB 500 billion, establishing the zone as the largest R&D base in China.",
        "This provides comprehensive and efficient services for optoelectronic enterprises in the valley.",
        "Shanghai PFTZ has completed pilot tests with enterprises, achieving the first transaction in China of "
        "receiving electronic invoices.",
    ],
)
def test_not_unquoted_cases(text: str) -> None:
    assert [c for c in _read(text).cases if c.rule in ("object", "passive", "established-in")] == []


# --------------------------------------------------------------------------- layout
@pytest.mark.parametrize("perturb", [rewrap_paragraphs, move_body_page_breaks], ids=["rewrapped", "page-breaks"])
def test_perturbed_copies_give_the_same_unquoted_cases(perturb: object) -> None:
    def unquoted(n: Narrative) -> set[tuple[str, ...]]:
        return {(c.rule, c.name, *c.zones) for c in n.cases if c.rule in ("object", "passive", "established-in")}

    base = unquoted(_read(TEXT))
    assert len(base) >= 35
    assert unquoted(_read(perturb(TEXT))) == base  # type: ignore[operator]


# --------------------------------------------------------------------------- press releases: clauses of other zones
@pytest.mark.parametrize("quote", ['"', "\u201c"])
def test_a_later_clause_with_its_own_zone_is_not_an_object_of_the_first(quote: str) -> None:
    close = '"' if quote == '"' else "\u201d"
    text = (
        f"In logistics, Henan FTZ introduced a {quote}single ticket{close} transfer service for air cargo, and the "
        "Tianjin FTZ's Dongjiang Area set up a shared inspection platform for cold-chain containers, while Hunan "
        "FTZ created a bilingual standards database for power equipment exporters."
    )
    cases = _cases(text)
    assert cases.get("shared inspection platform for cold-chain containers") == ("tianjin",)
    assert cases.get("bilingual standards database for power equipment exporters") == ("hunan",)
    assert not any(k.startswith(("Tianjin", "Dongjiang")) or "Dongjiang Area" in k for k in cases)
    # re-wrapped, other zones: the same reading
    other = rewrap_paragraphs(text.replace("Hunan", "Anhui"))
    assert _cases(other).get("bilingual standards database for power equipment exporters") == ("anhui",)


def test_put_in_place_is_a_verb_of_piloting() -> None:
    text = (
        "Meanwhile, the Xiamen Area of the Fujian Pilot FTZ put in place a graded customs guarantee model for "
        "yacht imports, cutting the wait."
    )
    assert _cases(text) == {"graded customs guarantee model for yacht imports": ("fujian",)}
    assert _cases(rewrap_paragraphs(text.replace("put in place", "puts into place"))) == {
        "graded customs guarantee model for yacht imports": ("fujian",)
    }


@pytest.mark.parametrize(
    ("zone", "key"),
    [("Hubei FTZ\u2019s", "hubei"), ("the Guangxi Pilot FTZ's", "guangxi"), ("Sichuan FTZ's", "sichuan")],
)
def test_a_zones_unquoted_practice_included_in_a_batch(zone: str, key: str) -> None:
    text = (
        f"{zone[0].upper()}{zone[1:]} cold-chain bill of lading pledge service for fruit importers, which lets "
        "banks lend on goods in transit, was also included in the batch. Traders welcomed it."
    )
    assert _cases(text) == {"cold-chain bill of lading pledge service for fruit importers": (key,)}
    assert _cases(rewrap_paragraphs(text)) == {"cold-chain bill of lading pledge service for fruit importers": (key,)}


def test_a_zones_practice_not_included_in_a_batch_is_no_case_by_that_rule() -> None:
    text = "Hubei FTZ's cold-chain bill of lading pledge service for fruit importers was discussed at length in 2030."
    assert _cases(text) == {}


def test_a_zones_practice_included_at_the_end_of_its_sentence() -> None:
    text = (
        "The Hainan FTP's duty-free bunker blending supervision model, first tried at Yangpu port, was also "
        "included. Buyers welcomed it."
    )
    want = {"duty-free bunker blending supervision model": ("hainan-ftp",)}
    assert _cases(text) == want
    assert _cases(rewrap_paragraphs(text)) == want


@pytest.mark.parametrize("joiner", [", and an", " are an"])
def test_an_unquoted_practice_launched_by_a_zone_inside_a_sentence(joiner: str) -> None:
    lead = "The batch holds several cases. Among them" + (
        " are a tariff ruling service for new drugs" if "," in joiner else ""
    )
    text = (
        f"{lead}{joiner} online mediation platform for cross-border parcel disputes launched by the Zhejiang "
        "FTZ. Users like it."
    )
    got = _cases(text)
    assert got.get("online mediation platform for cross-border parcel disputes") == ("zhejiang",), got
    assert _cases(rewrap_paragraphs(text.replace("Zhejiang", "Fujian"))).get(
        "online mediation platform for cross-border parcel disputes"
    ) == ("fujian",)


@pytest.mark.parametrize("width", [0, 44])
def test_a_first_release_is_a_practice(width: int) -> None:
    """A zone that "completed the nation's first customs release of ..." piloted a practice: a release is an action."""
    text = (
        "Similarly, the Lianyungang Area of Jiangsu PFTZ completed the nation's first customs release of grain "
        "against a phytosanitary certificate shared with a partner port, saving two days."
    )
    if width:
        text = rewrap_paragraphs(text, width)
    assert _cases(text) == {
        "customs release of grain against a phytosanitary certificate shared with a partner port": ("jiangsu",)
    }
    assert practice_name("the nation's first port release", first=True) == ""


# --------------------------------------------------------------------------- a verb of novelty: an action noun head
@pytest.mark.parametrize(
    ("text", "name", "zones"),
    [
        # a parenthetical area between subject and verb, the object an activity named by an action noun
        (
            "Shandong PFTZ, in its Yantai Area, introduced online mediation of cross-border maritime claims, "
            "and the service was later extended across the province.",
            "online mediation of cross-border maritime claims",
            ("shandong",),
        ),
        # another verb of the list, the area as the subject
        (
            "The Hefei Area of Anhui PFTZ piloted graded inspection of imported lithium ore for battery makers, "
            "cutting clearance time by half.",
            "graded inspection of imported lithium ore for battery makers",
            ("anhui",),
        ),
        # the area where the zone acted after the object ends it; a head noun of things built ("permits")
        (
            "Guangxi PFTZ pioneered digital transit permits for cross-border lorries in its Chongzuo Area, "
            "and the queues at the border shortened.",
            "digital transit permits for cross-border lorries",
            ("guangxi",),
        ),
        # another order: a centre of services set up by an area of the zone
        (
            "The Harbin Area of Heilongjiang PFTZ set up a bonded display and trading centre for Russian timber.",
            "bonded display and trading centre for Russian timber",
            ("heilongjiang",),
        ),
    ],
)
def test_an_activity_a_zone_introduced_is_its_practice(text: str, name: str, zones: tuple[str, ...]) -> None:
    """After a verb of novelty (``NOVELTY_VERB_STEMS``: introduced, piloted, pioneered) an unquoted object whose
    head is an action noun (mediation, inspection, arbitration) names a practice; ``in its <X> Area`` after the
    object is where the zone acted, not part of the name. A perturbed copy (re-wrapped, other quote-free wording
    of the zones: "Pilot Free Trade Zone") reads the same."""
    assert _cases(text).get(name) == zones
    other = text.replace(" PFTZ", " Pilot Free Trade Zone")
    assert _cases(rewrap_paragraphs(other)).get(name) == zones


@pytest.mark.parametrize(
    "text",
    [
        "Shandong PFTZ, in its Yantai Area, introduced new rules for ship registration.",
        "Anhui PFTZ piloted three reforms in its Hefei Area.",
        "Guangxi PFTZ introduced reporting requirements for banks.",
        "Later, Hubei PFTZ introduced a similar arbitration centre for shipping disputes in Wuhan.",
    ],
)
def test_not_an_activity_a_zone_introduced(text: str) -> None:
    """A plain plural thing, a count or a copy ("a similar ...") after a verb of novelty names no practice."""
    assert [c for c in _read(text).cases if c.rule in ("object", "passive", "established-in")] == []


# --------------------------------------------------------------------------- a quoted case: the area between
@pytest.mark.parametrize(
    ("text", "name", "zone"),
    [
        (
            'Shaanxi PFTZ launched in the Xi\'an Area a "one-stop freight pass" for rail containers, its first.',
            "one-stop freight pass",
            "shaanxi",
        ),
        (  # another verb, "its" area, single quotes
            "Hubei PFTZ introduced in its Xiangyang Area a 'shared testing ground' for autonomous vehicles.",
            "shared testing ground",
            "hubei",
        ),
        (  # a verb of keeping a quoted list
            'The Nansha Area of Guangdong PFTZ maintains a "trusted traders roster" of firms cleared without '
            "prior checks.",
            "trusted traders roster",
            "guangdong",
        ),
    ],
)
def test_a_quoted_case_after_the_area_where_its_zone_acted(text: str, name: str, zone: str) -> None:
    """``<zone> launched in the <area> a "<name>"``: the area of the zone between verb and name is where it acted,
    the name the zone's case; ``maintains`` is a verb of a case (``CASE_VERB_STEMS``). Perturbed: re-wrapped."""
    for body in (text, rewrap_paragraphs(text)):
        got = {n: z for n, z in _cases(body).items() if n.startswith(name)}
        assert got and all(z and z[0].split("/", 1)[0] == zone for z in got.values()), _cases(body)


def test_an_area_of_another_zone_between_is_no_subject() -> None:
    """The area between is another zone's: the zone before is not credited through it."""
    text = 'Hubei PFTZ worked in the Changsha Area, where Hunan PFTZ trialled a "dry port shuttle" service.'
    assert _cases(text).get("dry port shuttle") != ("hubei",)
