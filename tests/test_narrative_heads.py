"""Tests of the head nouns of unquoted practices (issue 24): a place where a practice serves the public (hall, desk,
counter), loans, and the participles after a head that end its pre-head part ("a settlement channel combining A with
B"); the outcome of a case told before is no case of its own. Excerpts written for the tests, with perturbed
copies."""

from __future__ import annotations

import pytest

from pftz.loaders.gazetteer import Gazetteer
from pftz.loaders.narrative import Narrative, practice_name, read_narrative
from pftz.loaders.structure import parse_structure
from pftz.loaders.text import paragraphs, split_lines
from tests.perturb import rewrapped

GAZ = Gazetteer.default()


def _read(text: str) -> Narrative:
    lines = split_lines(text)
    return read_narrative(paragraphs(lines), parse_structure(lines), GAZ)


def _cases(text: str) -> dict[str, tuple[str, ...]]:
    return {c.name: c.zones for c in _read(text).cases}


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        (
            "a joint customs and tax service hall for cross-border traders",
            "joint customs and tax service hall for cross-border traders",
        ),
        ("an overseas investment filing desk for private firms", "overseas investment filing desk for private firms"),
        (
            "a one-stop notarisation counter for foreign investors",
            "one-stop notarisation counter for foreign investors",
        ),
        (
            "green credit loans for the shipbuilding supply chain",
            "green credit loans for the shipbuilding supply chain",
        ),
        (
            "a payment channel combining e-CNY wallets with free trade accounts",
            "payment channel combining e-CNY wallets with free trade accounts",
        ),
        (
            "a data service platform allowing exporters to file once",
            "data service platform allowing exporters to file once",
        ),
    ],
)
def test_heads_of_places_loans_and_participles(phrase: str, name: str) -> None:
    assert practice_name(phrase) == name


@pytest.mark.parametrize(
    "phrase",
    [
        "a large hall",  # a generic thing: fewer than three words
        "farm products like Golden Loan for villages",  # "like" ends the pre-head part: its head is "products"
        "two service desks for visitors",  # a count of things
    ],
)
def test_not_practices(phrase: str) -> None:
    assert practice_name(phrase) == ""


_HALL = "Tianjin PFTZ set up a one-stop dispute resolution hall for maritime cases, staffed by judges and arbitrators."


@pytest.mark.parametrize(
    "text",
    [
        _HALL,
        rewrapped(_HALL, 29),
        _HALL.replace("Tianjin PFTZ set up", "The Hefei Area of Anhui PFTZ opened").replace("maritime", "technology"),
    ],
)
def test_a_zone_sets_up_a_hall(text: str) -> None:
    cases = _cases(text)
    assert len(cases) == 1
    ((name, zones),) = cases.items()
    assert name.startswith("one-stop dispute resolution hall for")
    assert zones in (("tianjin",), ("anhui",))


_OUTCOME = (
    "Hubei PFTZ launched a comprehensive service platform for outbound investors. This has resulted in the "
    'establishment of a "going abroad" public service hall with six counters.'
)


@pytest.mark.parametrize("text", [_OUTCOME, rewrapped(_OUTCOME, 41)])
def test_a_hall_that_is_the_outcome_of_the_case_told_before_is_no_case(text: str) -> None:
    """ "This has resulted in the establishment of a ... hall": where the case told before serves, not a case."""
    assert _cases(text) == {"comprehensive service platform for outbound investors": ("hubei",)}


_BORROWED = (
    "Ningxia's Yinchuan Area, together with the customs office, introduced a bonded repair model for medical "
    "devices, an approach borrowed from the Binhai Area of Tianjin PFTZ."
)


@pytest.mark.parametrize(
    "text",
    [
        _BORROWED.replace("Ningxia's Yinchuan Area, together with the customs office,", "Hubei PFTZ"),
        rewrapped(_BORROWED.replace("Ningxia's Yinchuan Area, together with the customs office,", "Hubei PFTZ"), 33),
        _BORROWED.replace("Ningxia's Yinchuan Area, together with the customs office,", "Hubei PFTZ").replace(
            "an approach borrowed from", "a practice copied from"
        ),
    ],
)
def test_an_object_borrowed_from_elsewhere_is_no_case_of_its_subject(text: str) -> None:
    """ "<zone> introduced A, an approach borrowed from <another zone>": the subject adopted A; A is not its case."""
    assert "hubei" not in {z for zones in _cases(text).values() for z in zones}


_TOOK_OVER = (
    'The Qingdao Area of Shandong PFTZ in turn took over from Lianyungang the "rail-sea one ticket" practice for '
    "container trains."
)


@pytest.mark.parametrize(
    "text",
    [
        _TOOK_OVER,
        rewrapped(_TOOK_OVER, 35),
        _TOOK_OVER.replace("took over from Lianyungang", "imported from Lianyungang").replace(
            '"rail-sea one ticket"', "\u201crail-sea one ticket\u201d"
        ),
    ],
)
def test_a_quoted_name_taken_over_from_elsewhere_is_no_case_of_its_subject(text: str) -> None:
    """ "<zone> took over from <place> the "A" practice": the subject's adoption, not its case."""
    assert "shandong" not in {z for zones in _cases(text).values() for z in zones}


_OPERATED = (
    'Since 2029, the Nansha Area of Guangdong PFTZ has operated a "joint arbitration seat for Belt and Road '
    'disputes", in which arbitrators from three jurisdictions sit together.'
)


@pytest.mark.parametrize(
    "text",
    [
        _OPERATED,
        rewrapped(_OPERATED, 38),
        _OPERATED.replace("has operated", "operates").replace(
            "Nansha Area of Guangdong PFTZ", "Pudong Area of Shanghai PFTZ"
        ),
    ],
)
def test_a_zone_that_operates_a_quoted_model(text: str) -> None:
    """ "<zone> has operated a "<name>"": the zone's case, as "launched" or "opened" make it."""
    cases = _cases(text)
    assert list(cases) == ["joint arbitration seat for Belt and Road disputes"]
    assert next(iter(cases.values())) in (("guangdong",), ("shanghai",))


_NEXT_PARAGRAPH = (
    "Since the Guangxi FTZ opened in 2019, it has released nine batches of innovations.\n\n"
    'The zone\'s practices have also travelled. Its "border e-commerce return lane" for small parcels has been '
    "adopted by the Yunnan and Hainan FTZs."
)


@pytest.mark.parametrize(
    "text",
    [
        _NEXT_PARAGRAPH,
        rewrapped(_NEXT_PARAGRAPH, 34),
        _NEXT_PARAGRAPH.replace("The zone's practices", "Its practices").replace("Guangxi FTZ", "Heilongjiang FTZ"),
    ],
)
def test_a_paragraph_opening_with_the_zones_anaphor_goes_on_with_its_zone(text: str) -> None:
    """ "<zone> ... \\n\\n The zone's practices have also travelled. Its "A" has been adopted by B and C": A is the
    zone's of the paragraph before, adopted by B and C."""
    origins = {(a.name, a.origins) for a in _read(text).adoptions}
    zone = "heilongjiang" if "Heilongjiang" in text else "guangxi"
    assert origins == {("border e-commerce return lane", (zone,))}


def test_a_paragraph_opening_otherwise_does_not_go_on_with_the_zone() -> None:
    text = _NEXT_PARAGRAPH.replace("The zone's practices have also travelled. Its", "A")
    assert {a.origins for a in _read(text).adoptions} == {()}


_PIONEERED = (
    'Among the examples was the "single-window" licensing service for foreign-owned clinics pioneered in Hainan FTP.'
)


@pytest.mark.parametrize(
    "text",
    [
        _PIONEERED,
        rewrapped(_PIONEERED, 30),
        _PIONEERED.replace("pioneered in Hainan FTP", "first piloted in Tianjin PFTZ"),
        _PIONEERED.replace("pioneered in Hainan FTP", "developed by Shaanxi PFTZ").replace(
            '"single-window"', "\u201csingle-window\u201d"
        ),
    ],
)
def test_a_partly_quoted_name_ends_before_the_participle_of_its_origin(text: str) -> None:
    """'the "A" service for ... pioneered in <zone>': the name ends before "pioneered" ("first piloted",
    "developed by")."""
    names = set(_cases(text))
    assert names == {"single-window licensing service for foreign-owned clinics"}


_LEAD = (
    "Following the lead of Tianjin PFTZ, Hubei PFTZ and Hunan PFTZ introduced joint inspection of aircraft "
    "parts in March and May 2031, respectively."
)


@pytest.mark.parametrize(
    "text",
    [
        _LEAD,
        rewrapped(_LEAD, 33),
        _LEAD.replace("Following the lead of Tianjin PFTZ", "Following the example of Tianjin PFTZ"),
    ],
)
def test_what_zones_did_following_a_lead_is_their_adoption_not_their_case(text: str) -> None:
    """ "Following the lead of X, A and B introduced Y": Y adopted by A and B from X, no case of A and B."""
    n = _read(text)
    assert not [c for c in n.cases if "hubei" in c.zones or "hunan" in c.zones]
    assert {(a.adopter_key, a.origins) for a in n.adoptions} == {("hubei", ("tianjin",)), ("hunan", ("tianjin",))}


_LAUNCHED_NO_COMMA = (
    "In the lower reaches of the Pearl River, the cross-border parcel consolidation centre jointly launched by "
    "Guangdong and Guangxi PFTZs in Wuzhou began operation in May 2031."
)


@pytest.mark.parametrize(
    "text",
    [
        _LAUNCHED_NO_COMMA,
        rewrapped(_LAUNCHED_NO_COMMA, 39),
        _LAUNCHED_NO_COMMA.replace("In the lower reaches of the Pearl River, the", "The").replace(
            "jointly launched", "jointly developed"
        ),
    ],
)
def test_a_practice_launched_by_zones_without_a_comma_before_the_participle(text: str) -> None:
    """ "..., the X centre jointly launched by A and B PFTZs in <city> began operation": a joint case of A and B."""
    assert _cases(text) == {"cross-border parcel consolidation centre": ("guangdong", "guangxi")}


HEADS_STORY = (
    "Zone notes\n\n"
    'Guangxi PFTZ devised a "two-hour customs clearance" procedure for durian imports, cutting waiting time. '
    'Fujian PFTZ, together with Zhejiang PFTZ, built a cross-strait "fishing-vessel" ledger for coastal ports. '
    'Jiangsu PFTZ has designed a "logistics cost" index for inland waterway shipping.\n'
)


def _case_keys(text: str) -> dict[str, tuple[str, ...]]:
    return {name: tuple(sorted(zones)) for name, zones in _cases(text).items()}


def test_procedures_ledgers_and_indexes_are_heads_of_cases() -> None:
    """A quoted name before ``procedure``, ``ledger`` or ``index`` names a case as one before ``model`` does."""
    want = {
        "two-hour customs clearance": ("guangxi",),
        "cross-strait fishing-vessel ledger for coastal ports": ("fujian", "zhejiang"),
        "logistics cost": ("jiangsu",),
    }
    got = _case_keys(HEADS_STORY)
    assert {n: got.get(n) for n in want} == want
    perturbed = rewrapped(
        HEADS_STORY.replace('"', "\u201c", 1)
        .replace('" procedure', "\u201d procedure")
        .replace("Guangxi PFTZ", "Yunnan PFTZ")
        .replace("Jiangsu PFTZ", "Hunan PFTZ")
    )
    got = _case_keys(perturbed)
    want_p = {n: z for n, z in want.items()}
    want_p["two-hour customs clearance"] = ("yunnan",)
    want_p["logistics cost"] = ("hunan",)
    assert {n: got.get(n) for n in want_p} == want_p


_LAUNCHED_PASSIVE = (
    "A unified list of bonded fuel suppliers for coastal ports was jointly launched by Fujian and Guangdong PFTZs, "
    "sparing ship owners a second vetting."
)


@pytest.mark.parametrize(
    ("text", "zones"),
    [
        (_LAUNCHED_PASSIVE, ("fujian", "guangdong")),
        (rewrapped(_LAUNCHED_PASSIVE, 41), ("fujian", "guangdong")),
        (
            _LAUNCHED_PASSIVE.replace(
                "was jointly launched by Fujian and Guangdong PFTZs",
                "has been developed jointly by the Liaoning PFTZ and the Hebei PFTZ",
            ),
            ("hebei", "liaoning"),
        ),
        (
            _LAUNCHED_PASSIVE.replace(
                "was jointly launched by Fujian and Guangdong PFTZs", "was piloted by Hainan FTP"
            ),
            ("hainan-ftp",),
        ),
    ],
)
def test_a_practice_as_the_subject_of_a_passive_of_launching(text: str, zones: tuple[str, ...]) -> None:
    """ "A X was (jointly) launched by A and B PFTZs": the case of the zones after "by", joint when several."""
    got = _cases(text)
    assert {n: tuple(sorted(z)) for n, z in got.items()} == {
        "unified list of bonded fuel suppliers for coastal ports": zones
    }


_EACH = (
    "Zone notes\n\n"
    'The PFTZs in Fujian, Hainan and Guangxi each introduced a "seafood cold-chain pass" model for fishing ports, '
    'and Hubei PFTZ and Hunan PFTZ jointly launched a "river crew mutual recognition" mechanism.\n'
)


@pytest.mark.parametrize(
    "text",
    [
        _EACH,
        rewrapped(_EACH, 44),
        _EACH.replace(" each introduced", " separately introduced")
        .replace('"', "\u201c", 1)
        .replace('" model', "\u201d model"),
    ],
)
def test_zones_that_each_set_up_a_case_share_no_joint_case(text: str) -> None:
    """ "A, B and C each introduced "X"": X is a case of each zone, not a joint one; "jointly" still is."""
    n = _read(text)
    joint = {c.name for c in n.cases if c.joint}
    assert not any("cold-chain pass" in c for c in joint)
    assert any("river crew mutual recognition" in c for c in joint)
    assert any("cold-chain pass" in c.name and set(c.zones) == {"fujian", "hainan", "guangxi"} for c in n.cases)
