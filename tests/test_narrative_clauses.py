"""Zone cases told by English clause forms of news and press releases: an object relative clause whose subject is
the zone, zones paired with their practices by "respectively", and a zone's own batch with items after "including".

Excerpts are written for the tests (other zones, other innovations, other verbs than the development texts), each
with variants and a perturbed copy (re-wrapped, other quote marks), and the sentences each rule must not read.
"""

from __future__ import annotations

import pytest

from tests.perturb import report_facts, rewrapped


def _cases(text: str) -> set[tuple[str, frozenset[str]]]:
    return {(n, a) for f, n, a, _ad in report_facts(text) if f == "zone_case"}


# ------------------------------------------------------------------ relative clause: "<NP>, which <zone> <verb>"
@pytest.mark.parametrize(
    ("text", "name", "zone"),
    [
        (
            "Hunan news\n\nTraders at the river port now use a bonded barge repair scheme for inland shipping, "
            "which the Yueyang Area of the Hunan Pilot FTZ rolled out last spring, and waiting times have halved.",
            "bonded barge repair scheme for inland shipping",
            "zone:hunan",
        ),
        (
            'Yunnan news\n\nOfficials praised the "border e-wallet" service for small traders that Yunnan FTZ '
            "launched in 2029.",
            "border e-wallet service for small traders",
            "zone:yunnan",
        ),
        (
            "Sichuan news\n\nWe borrowed the 'one-form customs filing' model, which Chongqing Pilot FTZ first "
            "developed for its rail hub, and tailored it to air cargo.",
            "one-form customs filing model",
            "zone:chongqing",
        ),
        (
            "Fujian news\n\nVisitors to the Pingtan Area of China (Fujian) Pilot Free Trade Zone queue for a "
            "cross-strait credit file service for small traders that the area set up in 2030.",
            "cross-strait credit file service for small traders",
            "zone:fujian",
        ),
    ],
)
def test_a_practice_before_a_relative_clause_whose_subject_is_its_zone(text: str, name: str, zone: str) -> None:
    for t in (text, rewrapped(text, 49), text.replace("'", "\u2018", 1).replace("'", "\u2019", 1)):
        assert (name, frozenset({zone})) in _cases(t), _cases(t)


@pytest.mark.parametrize(
    "text",
    [
        # a zone that introduced or adopted what another made: no case of it
        "Hubei news\n\nThe bonded barge repair scheme for inland shipping, which Hubei FTZ introduced in 2030, "
        "came from Hunan.",
        "Hubei news\n\nThe bonded barge repair scheme for inland shipping, which Hubei FTZ adopted in 2030, works.",
        # the practice names another zone: "which X piloted" is then no origin of it
        "Hubei news\n\nShanghai PFTZ's bonded barge repair scheme for inland shipping, which Hubei FTZ piloted "
        "later, works.",
        # a complement clause, no practice before "that"
        "Hubei news\n\nThe official said that Hubei FTZ launched nothing new in 2030.",
    ],
)
def test_no_case_from_a_relative_clause_of_adopting_or_of_another_zones_practice(text: str) -> None:
    assert not {c for c in _cases(text) if c[1] == frozenset({"zone:hubei"})}, _cases(text)


# --------------------------------------------------------------------------- "respectively"
@pytest.mark.parametrize(
    "text",
    [
        "Batch news\n\nThe Hunan and Hubei FTZs developed, respectively, a river barge repair platform for inland "
        "ports and a cross-border payment settlement service for traders; both were praised.",
        "Batch news\n\nHunan PFTZ and Hubei PFTZ set up a river barge repair platform for inland ports and a "
        "cross-border payment settlement service for traders, respectively.",
        "Batch news\n\nThe Hunan and Hubei pilot free trade zones launched a river barge repair platform for inland "
        "ports and a cross-border payment settlement service for traders respectively.",
    ],
)
def test_respectively_pairs_each_zone_with_its_own_practice(text: str) -> None:
    want = {
        ("river barge repair platform for inland ports", frozenset({"zone:hunan"})),
        ("cross-border payment settlement service for traders", frozenset({"zone:hubei"})),
    }
    for t in (text, rewrapped(text, 45), text.replace("Hunan", "Anhui").replace("hunan", "anhui")):
        got = _cases(t)
        w = {(n, frozenset({z.replace("hunan", "anhui")})) for n, zs in want for z in zs} if "Anhui" in t else want
        assert w <= got, got
        assert not any(len(a) > 1 for _n, a in got), got  # no joint case of both


def test_respectively_with_as_many_zones_as_practices_only() -> None:
    text = (
        "Batch news\n\nThe Hunan, Hubei and Anhui FTZs developed, respectively, a river barge repair platform for "
        "inland ports and a cross-border payment settlement service for traders."
    )
    assert not {c for c in _cases(text) if c[1] in (frozenset({"zone:hunan"}), frozenset({"zone:hubei"}))}


# ------------------------------------------------------------ a zone's own batch: "its ... batch ..., including"
@pytest.mark.parametrize(
    ("text", "zone", "names"),
    [
        (
            "Hubei news\n\nIn its tenth batch of 24 innovations, published in May, the Hubei Pilot FTZ selected "
            'six from its Wuhan Area, including the "river-sea direct" scheme for grain barges, a credit repair '
            "service for small exporters, and an online filing platform for bonded repairs, which cuts paperwork.",
            "zone:hubei",
            {
                "river-sea direct scheme for grain barges",
                "credit repair service for small exporters",
                "online filing platform for bonded repairs",
            },
        ),
        (
            "Sichuan news\n\nThe China (Sichuan) Pilot Free Trade Zone released its 2030 batch of 18 cases, "
            "such as a rail freight insurance claims platform and the 'one-seal' approval for logistics parks.",
            "zone:sichuan",
            {"rail freight insurance claims platform", "one-seal approval for logistics parks"},
        ),
    ],
)
def test_the_items_after_including_of_a_zones_own_batch_are_its_cases(text: str, zone: str, names: set[str]) -> None:
    for t in (text, rewrapped(text, 53)):
        got = {n for n, a in _cases(t) if a == frozenset({zone})}
        assert names <= got, _cases(t)
        assert not any(n.startswith("which") for n in got)


def test_a_batch_of_another_owner_or_of_several_zones_gives_no_items() -> None:
    text = (
        "Batch news\n\nIn its ninth batch, the Ministry of Commerce listed cases of Hubei FTZ and Hunan FTZ, "
        "including a credit repair service for small exporters and an online filing platform for bonded repairs."
    )
    got = _cases(text)
    assert ("credit repair service for small exporters", frozenset({"zone:hubei"})) not in got, got


# --------------------------------------------------------------------- an apposition before "contributed"; trade nouns
@pytest.mark.parametrize(
    ("text", "name", "zone"),
    [
        (
            "Batch news\n\nShandong FTZ, home to the largest seafood port in the north, contributed a registry for "
            "the pledge of cold-chain warehouse receipts.",
            "registry for the pledge of cold-chain warehouse receipts",
            "zone:shandong",
        ),
        (
            "Batch news\n\nThe Guangxi Pilot FTZ contributed a sea-rail bill of lading pledge service for small "
            "exporters.",
            "sea-rail bill of lading pledge service for small exporters",
            "zone:guangxi",
        ),
    ],
)
def test_a_zone_that_contributed_a_practice(text: str, name: str, zone: str) -> None:
    for t in (text, rewrapped(text, 43)):
        assert (name, frozenset({zone})) in _cases(t), _cases(t)


@pytest.mark.parametrize(
    ("text", "city"),
    [
        (
            "Fujian news\n\nIn 2030, Jiangxi's Ganzhou city learned from the Xiamen Area's \"berth-side loading\" "
            "model for export containers.",
            "city:ganzhou",
        ),
        (
            "Fujian news\n\nLast year Jiangsu\u2019s Kunshan replicated and scaled up the Pingtan Area\u2019s "
            "\u201cone-vessel filing\u201d model for small cargo ships.",
            "city:kunshan",
        ),
    ],
)
def test_a_city_after_its_provinces_possessive_is_the_adopter(text: str, city: str) -> None:
    for t in (text, rewrapped(text, 47)):
        adopters = {ad for f, _n, _a, ad in report_facts(t) if f == "adoption"}
        assert city in adopters, report_facts(t)
        assert not {a for a in adopters if a.startswith("province:")}, adopters


# --------------------------------------------------------------------- an appositive naming where the practice began
@pytest.mark.parametrize(
    ("text", "name", "zone"),
    [
        (
            "Hubei news\n\nWuhan has copied a lot, and its river freight credit service, a pilot that began in "
            "Hunan FTZ, was extended to local shippers in May.",
            "river freight credit service",
            "zone:hunan",
        ),
        (
            'Jiangxi news\n\nOfficials said a "bonded seed pre-check" procedure, another Hainan FTP innovation, '
            "would be studied next.",
            "bonded seed pre-check procedure",
            "zone:hainan-ftp",
        ),
        (
            "Jiangxi news\n\nThe county now runs an e-seal filing service for small exporters, a practice first "
            "developed by the Xiamen Area of China (Fujian) Pilot Free Trade Zone, at its land port.",
            "e-seal filing service for small exporters",
            "zone:fujian",
        ),
    ],
)
def test_a_practice_with_an_appositive_naming_where_it_began(text: str, name: str, zone: str) -> None:
    for t in (text, rewrapped(text, 46), text.replace('"', "\u201c", 1).replace('"', "\u201d", 1)):
        assert (name, frozenset({zone})) in _cases(t), _cases(t)


def test_an_appositive_naming_a_person_of_a_zone_is_no_origin() -> None:
    text = (
        "Jiangxi news\n\nThe county now runs an e-seal filing service for small exporters, a Hainan FTP official "
        "said on Monday."
    )
    assert not {c for c in _cases(text) if c[1] == frozenset({"zone:hainan-ftp"})}, _cases(text)
