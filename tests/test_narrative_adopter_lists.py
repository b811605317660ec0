"""Lists of several adopters after the first one, read by one helper (``narrative_adopter_lists.listed_adopters``).

Each form has an excerpt in words of our own (other zones, provinces and cities than the development texts), read
as printed and re-wrapped: lists after a passive verb (``taken up by A, B and C``) and in the subject of an active
one (``A, B and the city of C borrowed ...``), with the forms that each of the two helpers it replaced read alone
(items of mixed kinds over a long list; ``and by the city of``, ``as well as``, a city after its province's
possessive, a province that locates the place before), and the lists that must give no further adopter.
"""

from __future__ import annotations

import pytest

from pftz.loaders.gazetteer import Gazetteer
from pftz.loaders.narrative_adopter_lists import listed_adopters
from pftz.loaders.narrative_facts import State
from tests.perturb import report_facts, rewrapped


def _adopters(text: str) -> dict[str, set[str]]:
    """Innovation name -> adopters (``kind:key``) of every adoption the excerpt states."""
    out: dict[str, set[str]] = {}
    for fact, name, _actors, adopter in report_facts(text):
        if fact == "adoption":
            out.setdefault(name, set()).add(adopter)
    return out


LISTS = [
    pytest.param(
        'Tianjin PFTZ\'s "bonded aircraft lease transfer" model has been taken up by the Hubei Pilot Free Trade '
        "Zone, Yunnan Province and the cities of Wuhu and Yueyang, provincial officials said.",
        "bonded aircraft lease transfer",
        {"zone:hubei", "province:yunnan", "city:wuhu", "city:yueyang"},
        id="mixed-kinds-past-the-fourteenth-word",
    ),
    pytest.param(
        'The "night-time customs pre-clearance" service of Fujian PFTZ has been taken up by Hunan Province and by '
        "the city of Shangrao.",
        "night-time customs pre-clearance",
        {"province:hunan", "city:shangrao"},
        id="and-by-the-city-of",
    ),
    pytest.param(
        'The "one-file credit for small traders" scheme of Zhejiang PFTZ has been replicated in Ezhou and Shiyan as '
        "well as in nine other cities of the province.",
        "one-file credit for small traders",
        {"city:ezhou", "city:shiyan"},
        id="as-well-as-ends-at-an-item-naming-no-place",
    ),
    pytest.param(
        'The "ruble settlement window" of Liaoning PFTZ was learned from by the Heihe Area of Heilongjiang PFTZ and '
        "by Inner Mongolia's Erenhot.",
        "ruble settlement window",
        {"zone:heilongjiang", "city:erenhot"},
        id="a-city-after-its-provinces-possessive",
    ),
    pytest.param(
        'The "market procurement trade filing" of Zhejiang PFTZ was replicated in Jiujiang in Jiangxi and Changsha '
        "in Hunan, two inland trading hubs.",
        "market procurement trade filing",
        {"city:jiujiang", "city:changsha"},
        id="each-city-located-by-its-province",
    ),
    pytest.param(
        'The "cross-border data desk" of Beijing PFTZ has been taken up by the Boao Lecheng International Medical '
        "Tourism Pilot Zone in Hainan and by Chongqing.",
        "cross-border data desk",
        {"zone:hainan-ftp", "province:chongqing"},
        id="a-long-first-item-located-by-its-province",
    ),
    pytest.param(
        'The "cross-border data desk" of Beijing PFTZ has been taken up by the Hefei Area of Anhui PFTZ, the Boao '
        "Lecheng International Medical Tourism Pilot Zone in Hainan and Chongqing Municipality.",
        "cross-border data desk",
        {"zone:anhui", "zone:hainan-ftp", "province:chongqing"},
        id="a-long-item-located-by-its-province-mid-list",
    ),
    pytest.param(
        'The "bonded bunkering blend" model of Zhejiang PFTZ was learned by the Hengqin Area of Guangdong PFTZ and '
        "by the Yantai Area of Shandong PFTZ in the second half of last year.",
        "bonded bunkering blend",
        {"zone:guangdong", "zone:shandong"},
        id="a-long-last-item-its-place-opening-it",
    ),
    pytest.param(
        'The "green channel for cold-chain imports" of Shandong PFTZ has been replicated in Shaanxi province and '
        "taken up by Gansu, which has no pilot FTZ.",
        "green channel for cold-chain imports",
        {"province:shaanxi", "province:gansu"},
        id="a-short-item-after-and-repeating-the-verb",
    ),
    pytest.param(
        'Hunan, Guizhou and the city of Baoshan borrowed Hainan FTP\'s "one-stop yacht entry service" as a reference.',
        "one-stop yacht entry service",
        {"province:hunan", "province:guizhou", "city:baoshan"},
        id="active-subject-provinces-and-the-city-of",
    ),
    pytest.param(
        'Yangzhou and Huzhou have adopted the "patent pledge fast track" of Jiangsu PFTZ.',
        "patent pledge fast track",
        {"city:yangzhou", "city:huzhou"},
        id="active-subject-two-cities",
    ),
]


@pytest.mark.parametrize(("text", "name", "want"), LISTS)
def test_every_adopter_of_a_list_is_read(text: str, name: str, want: set[str]) -> None:
    """Every place of the list is an adopter, and nothing else: as printed and re-wrapped."""
    for t in (text, rewrapped(text, 41)):
        assert _adopters(t).get(name) == want, t


NO_MORE = [
    pytest.param(
        'Yiwu, a county-level city in Zhejiang, borrowed the "cross-border parcel consolidation" model of '
        "Shanghai PFTZ.",
        "cross-border parcel consolidation",
        {"city:yiwu"},
        id="an-apposition-is-no-item",
    ),
    pytest.param(
        'Lincang, on the border with Myanmar and Guangxi, has copied the "border trade settlement hub" of Yunnan PFTZ.',
        "border trade settlement hub",
        {"city:lincang"},
        id="a-place-in-an-aside",
    ),
    pytest.param(
        'The "green-lane export licence" of Sichuan PFTZ was taken up by Guizhou Province, and Hunan developed a '
        '"tea export credit" model of its own.',
        "green-lane export licence",
        {"province:guizhou"},
        id="a-clause-of-its-own",
    ),
    pytest.param(
        'The "harbour pilotage booking" service of Fujian PFTZ has been replicated in Jiaxing; Wenzhou and Huzhou '
        "are studying it.",
        "harbour pilotage booking",
        {"city:jiaxing"},
        id="a-semicolon",
    ),
]


@pytest.mark.parametrize(("text", "name", "want"), NO_MORE)
def test_no_further_adopter_where_no_list_goes_on(text: str, name: str, want: set[str]) -> None:
    """An apposition or an aside after the subject, a clause with its own subject and a semicolon end the list."""
    for t in (text, rewrapped(text, 37)):
        assert _adopters(t).get(name) == want, t


@pytest.mark.parametrize(
    ("text", "first", "want"),
    [
        ("Hunan Province and by the city of Huaihua", "Hunan Province", [("city", "huaihua")]),
        ("Guangxi in 2027 and now serves traders at Beihai", "Guangxi", [("city", "beihai")]),
        (
            "the Heihe Area of Heilongjiang PFTZ and by Inner Mongolia's Erenhot",
            "Heilongjiang PFTZ",
            [("city", "erenhot")],
        ),
        ("Changchun in Jilin province and by the Hunan FTZ", "Changchun", [("zone", "hunan")]),
        ("Henan PFTZ at Luoyang, and Shaanxi drew on it", "Henan PFTZ", []),
        ("Ezhou and Shiyan", "Wuhu", []),
        ('Ezhou, Shiyan and the "one-window" desk of Wuhu', "Ezhou", [("city", "shiyan")]),
    ],
)
def test_the_helper_reads_the_list_after_the_first_adopter(text: str, first: str, want: list[tuple[str, str]]) -> None:
    """The helper alone: the places after ``first`` (a short item after ``and`` may name its place anywhere; the
    first item naming another place, or ``first`` not printed, gives nothing; a quoted name ends the list)."""
    g = Gazetteer.default()
    assert [a[:2] for a in listed_adopters(State(g, g.find_zones), text, first)] == want
