"""Tests of bodies of several members named with their members in the name (issue 24): a list of places under one
plural head of zones ("of the Guangxi, Yunnan and Hainan Pilot Zones"), a body in lower case "of the A, B and C
FTZs", members that convened the body's meeting, a name whose first part is joined by "and"; and the case rules
that leave such a body to the effort rules. Excerpts written for the tests, with perturbed copies."""

from __future__ import annotations

import pytest

from pftz.loaders.gazetteer import Gazetteer
from pftz.loaders.narrative import Narrative, read_narrative
from pftz.loaders.structure import parse_structure
from pftz.loaders.text import paragraphs, split_lines
from tests.perturb import rewrapped

GAZ = Gazetteer.default()


def _read(text: str) -> Narrative:
    lines = split_lines(text)
    return read_narrative(paragraphs(lines), parse_structure(lines), GAZ)


def _bodies(text: str) -> dict[str, tuple[str, ...]]:
    return {e.name: e.members for e in _read(text).efforts if e.rule == "alliance"}


_LIST_IN_NAME = (
    "In May 2031 a Joint Conference Mechanism of the Guangxi, Yunnan and Hainan Pilot Zones was launched to "
    "coordinate border trade with ASEAN."
)


@pytest.mark.parametrize(
    ("text", "name", "members"),
    [
        (
            _LIST_IN_NAME,
            "Joint Conference Mechanism of the Guangxi, Yunnan and Hainan Pilot Zones",
            ("guangxi", "hainan", "yunnan"),
        ),
        (
            rewrapped(_LIST_IN_NAME, 31),
            "Joint Conference Mechanism of the Guangxi, Yunnan and Hainan Pilot Zones",
            ("guangxi", "hainan", "yunnan"),
        ),
        (
            _LIST_IN_NAME.replace("Guangxi, Yunnan and Hainan Pilot Zones", "Shaanxi, Gansu, and Henan PFTZs"),
            "Joint Conference Mechanism of the Shaanxi, Gansu, and Henan PFTZs",
            ("henan", "shaanxi"),
        ),
        (
            _LIST_IN_NAME.replace("Joint Conference Mechanism", "Cooperation Platform").replace(
                "Guangxi, Yunnan and Hainan Pilot Zones", "Liaoning and Heilongjiang FTZs"
            ),
            "Cooperation Platform of the Liaoning and Heilongjiang FTZs",
            ("heilongjiang", "liaoning"),
        ),
    ],
)
def test_a_body_named_with_its_list_of_zones(text: str, name: str, members: tuple[str, ...]) -> None:
    """ "A Joint Conference Mechanism of the A, B and C Pilot Zones": the list is the name's and the members (a
    place without a PFTZ, Gansu, is no zone member)."""
    assert _bodies(text) == {name: members}


_CONVENED = (
    "On 3 March 2031, Hunan PFTZ, Anhui PFTZ and Hubei PFTZ held the second meeting of the Joint Conference "
    "Mechanism of the Yangtze Middle Reaches PFTZs in Nanchang."
)


@pytest.mark.parametrize(
    "text",
    [
        _CONVENED,
        rewrapped(_CONVENED, 40),
        _CONVENED.replace("held the second meeting of", "convened the first plenary session of"),
    ],
)
def test_the_members_convened_the_bodys_meeting(text: str) -> None:
    """ "A PFTZ, B PFTZ and C PFTZ held the second meeting of the X Mechanism of the ... PFTZs in <city>": the three
    zones are its members; the city of the meeting is no part of its name."""
    assert _bodies(text) == {
        "Joint Conference Mechanism of the Yangtze Middle Reaches PFTZs": ("anhui", "hubei", "hunan")
    }


_LOWER = (
    "The new alliance joins older forms of cooperation, such as the Western Corridor PFTZ Alliance of Chongqing, "
    "Sichuan and Guangxi, and the joint conference mechanism of the Liaoning, Jilin and Heilongjiang FTZs."
)


@pytest.mark.parametrize(
    "text",
    [
        _LOWER,
        rewrapped(_LOWER, 33),
        _LOWER.replace(
            "joint conference mechanism of the Liaoning, Jilin and Heilongjiang FTZs",
            "cooperation platform of the Liaoning and Heilongjiang pilot free trade zones",
        ),
    ],
)
def test_a_body_in_lower_case_of_a_list_of_zones_beside_a_named_body(text: str) -> None:
    """ "..., and the joint conference mechanism of the A, B and C FTZs": a body of those zones, beside the alliance
    the sentence names first."""
    bodies = _bodies(text)
    assert bodies["Western Corridor PFTZ Alliance"] == ("chongqing", "guangxi", "sichuan")
    lower = next(n for n in bodies if n.islower() or n[0].islower())
    assert bodies[lower] == ("heilongjiang", "liaoning")


_AND_NAME = (
    "Meanwhile, Jiangsu PFTZ and Shandong PFTZ launched the Huaihe and Yellow Sea Coastal Linkage Demonstration Zone, "
    "with the Lianyungang Area and the Rizhao port as its first sites."
)


@pytest.mark.parametrize("text", [_AND_NAME, rewrapped(_AND_NAME, 45)])
def test_a_bodys_name_joined_by_and_is_one_name_and_no_case(text: str) -> None:
    """ "A PFTZ and B PFTZ launched the X and Y Linkage Demonstration Zone": one body named "X and Y ...", founded by
    A and B; no zone case of the same words."""
    n = _read(text)
    assert {e.name: e.members for e in n.efforts} == {
        "Huaihe and Yellow Sea Coastal Linkage Demonstration Zone": ("jiangsu", "shandong")
    }
    assert not [c for c in n.cases if "Demonstration Zone" in c.name]


_APPOSITIVE = (
    "Zhejiang PFTZ, together with Fujian PFTZ and Anhui PFTZ, set up the Ou River Port Alliance, a joint conference "
    "mechanism of the three zones, which released a shared berth plan in 2031."
)


@pytest.mark.parametrize("text", [_APPOSITIVE, rewrapped(_APPOSITIVE, 36)])
def test_a_body_restated_in_lower_case_is_no_case(text: str) -> None:
    """ ", a joint conference mechanism of the three zones,": the body restated after its name, not a practice of the
    subject zone."""
    n = _read(text)
    assert not [c for c in n.cases if "conference mechanism" in c.name]
    assert "Ou River Port Alliance" in {e.name for e in n.efforts}


_OF_THE_NAME = (
    "Anhui PFTZ, Zhejiang PFTZ and Jiangxi Province set up the Upper Reaches of the Minjiang River PFTZ Cooperation "
    "Platform in May 2031, which issued a joint list of eco-compensation rules."
)


@pytest.mark.parametrize("text", [_OF_THE_NAME, rewrapped(_OF_THE_NAME, 37)])
def test_a_bodys_name_with_of_the_in_its_first_part(text: str) -> None:
    """ "A PFTZ, B PFTZ and C Province set up the Upper Reaches of the X River PFTZ Cooperation Platform": the name
    whole, its members the founders (the province a member too)."""
    n = _read(text)
    (body,) = [e for e in n.efforts if e.rule == "alliance"]
    assert body.name == "Upper Reaches of the Minjiang River PFTZ Cooperation Platform"
    assert (body.members, body.provinces) == (("anhui", "zhejiang"), ("jiangxi",))


_APPOSITIVE_BODY = (
    "The Hainan-Hong Kong-Macao Services Connectivity Platform, a cooperation platform of Hainan FTP, Hong Kong and "
    "Macao, published a list of 25 services to be aligned in 2031."
)


@pytest.mark.parametrize(
    "text",
    [
        _APPOSITIVE_BODY,
        rewrapped(_APPOSITIVE_BODY, 41),
        _APPOSITIVE_BODY.replace("a cooperation platform of", "a joint conference mechanism of"),
    ],
)
def test_a_name_an_appositive_calls_a_body_of_several_members(text: str) -> None:
    """ "The X Platform, a cooperation platform of A FTP, Hong Kong and Macao, published ...": a body of those
    members (the SARs as provinces)."""
    (body,) = [e for e in _read(text).efforts if e.rule == "alliance"]
    assert body.name == "Hainan-Hong Kong-Macao Services Connectivity Platform"
    assert len(body.members) == 1 and set(body.provinces) == {"hong-kong", "macao"}
