"""Tests of the members of bodies of several members and of the items of what they release (issue 24): the
members printed after a passive of founding, a time phrase before its ``by``; a group as printed; places after
``the zones in``. Excerpts written for the tests, with perturbed copies."""

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


def _members(text: str) -> set[tuple[str, tuple[str, ...], tuple[str, ...], str]]:
    return {(e.name, e.members, e.provinces, e.members_text) for e in _read(text).efforts if e.rule == "alliance"}


_PASSIVE = (
    "The Pearl River Pilot FTZ Coordination Mechanism was established in March 2029 by the China (Guangdong) "
    "Pilot Free Trade Zone, the Guangxi FTZ, Hainan FTP and the pilot FTZs of Yunnan and Fujian, which meet "
    "twice a year."
)


@pytest.mark.parametrize(
    "text",
    [
        _PASSIVE,
        rewrapped(_PASSIVE, 37),
        _PASSIVE.replace("was established in March 2029 by", "has been jointly set up by"),
        _PASSIVE.replace(
            "The Pearl River Pilot FTZ Coordination Mechanism was", "Last autumn the Southern Ports Alliance was"
        ),
    ],
)
def test_the_members_after_a_passive_of_founding_with_a_time_phrase(text: str) -> None:
    """``<Body> was established in <time> by A, B, C and the pilot FTZs of D and E, which ...``: every zone of the
    list is a member, however printed; a relative clause after them names no member."""
    (got,) = _members(text)
    assert got[1] == ("fujian", "guangdong", "guangxi", "hainan-ftp", "yunnan")
    assert got[2] == () and got[3] == ""


_GROUP = (
    "The new body complements the older Huai River PFTZ Alliance, formed in 2027 by the four provinces along the "
    "river, by working at the level of cities."
)


@pytest.mark.parametrize(
    "text",
    [
        _GROUP,
        rewrapped(_GROUP, 29),
        _GROUP.replace("formed in 2027 by", "founded last year by"),
        _GROUP.replace(
            "the four provinces along the river", "the six provinces and autonomous regions along the coast"
        ),
    ],
)
def test_the_members_printed_as_a_group_after_founded_by(text: str) -> None:
    """``the X Alliance, formed in <year> by the four provinces along the river``: no member named, the group as
    printed."""
    (got,) = _members(text)
    group = (
        "six provinces and autonomous regions along the coast" if "six" in text else "four provinces along the river"
    )
    assert got == ("Huai River PFTZ Alliance", (), (), group)


_ZONES_IN = (
    "Fujian and Zhejiang agreed on a joint ship registry, and the East China Sea PFTZ Alliance, made up of the zones "
    "in Shandong, Jiangsu and Shanghai, released its second batch of 9 joint innovations in May."
)


@pytest.mark.parametrize(
    "text",
    [
        _ZONES_IN,
        rewrapped(_ZONES_IN, 44),
        _ZONES_IN.replace("made up of the zones in", "composed of all zones of"),
        _ZONES_IN.replace("Fujian and Zhejiang agreed", "The FTZs of Fujian and Zhejiang agreed"),
    ],
)
def test_the_zones_in_a_list_of_places_are_the_members(text: str) -> None:
    """``..., made up of the zones in A, B and C, released ...``: the places after ``the zones in`` are zones, the
    members; a list of zones of another clause of the sentence is none."""
    (got,) = _members(text)
    assert got == ("East China Sea PFTZ Alliance", ("jiangsu", "shandong", "shanghai"), (), "")


def test_bonded_zones_in_places_are_no_zones() -> None:
    """``comprehensive bonded zones in A and B``: not the pilot free trade zones of A and B."""
    text = "The Huai River PFTZ Alliance, made up of the comprehensive bonded zones in Anhui and Henan, met in May."
    assert not any(e.members for e in _read(text).efforts)


_RELEASE = (
    "Pilot free trade zones in four coastal provinces on Monday adopted 11 joint measures at a meeting in Xiamen.\n\n"
    "The Southeast Coast PFTZ Cooperation Platform was founded in 2030 by the Fujian FTZ, the Zhejiang FTZ and the "
    "pilot FTZs of Guangdong and Jiangsu.\n\n"
    "The measures include a \u201cone manifest, four ports\u201d filing for coastal feeder ships, mutual "
    "recognition of pilotage licences, and a tidal berth plan linking the Ningbo Area of the Zhejiang FTZ with the "
    "Xiamen Area of the Fujian FTZ."
)


@pytest.mark.parametrize(
    "text",
    [
        _RELEASE,
        rewrapped(_RELEASE, 43),
        _RELEASE.replace("\u201c", "'").replace("\u201d", "'"),
        _RELEASE.replace("The measures include", "Other items on the list include"),
        _RELEASE.replace("The measures include", "The list, adopted at the platform's first meeting, includes"),
    ],
)
def test_the_items_of_a_bodys_release_referred_to_by_a_noun(text: str) -> None:
    """``The measures include A, B and C`` (no ordinal) after a body of several members: each item a joint case of
    all its members, or of the members the item itself names (``a plan linking the X Area of A FTZ with the Y Area
    of B FTZ``: A and B, the name ending before the participle); no batch named, none read."""
    n = _read(text)
    got = {(c.name, c.zones) for c in n.cases}
    every = ("fujian", "guangdong", "jiangsu", "zhejiang")
    assert got == {
        ("one manifest, four ports filing for coastal feeder ships", every),
        ("mutual recognition of pilotage licences", every),
        ("tidal berth plan", ("fujian", "zhejiang")),
    }
    assert not any(e.batch for e in n.efforts)


def test_the_measures_of_no_body_are_no_joint_cases() -> None:
    """``The measures include ...`` with no body of several members named near before: nothing of this rule; an
    item naming a zone that is no member is not credited to the zones it names."""
    text = _RELEASE.split("\n\n")[0] + "\n\n" + _RELEASE.split("\n\n")[2]
    assert not [c for c in _read(text).cases if c.rule == "alliance-batch"]
    other = _RELEASE.replace("the Xiamen Area of the Fujian FTZ", "the Hainan FTP")
    tidal = [c.zones for c in _read(other).cases if c.name.startswith("tidal berth plan")]
    assert tidal == [("fujian", "guangdong", "jiangsu", "zhejiang")]


@pytest.mark.parametrize(
    "text",
    [
        "Month\tEvent\nMay\tThe Pearl River Delta PFTZ Alliance released its second batch of joint measures.\n",
        "Month\tEvent\nOctober\tthe Bohai Rim FTZ Alliance issued its third batch of shared innovations.\n",
    ],
)
def test_a_bodys_name_in_a_table_cell_stops_at_the_tab(text: str) -> None:
    names = {e.name for e in _read(text).efforts if e.rule == "alliance"}
    assert names and all("\t" not in n and n.endswith("Alliance") and n[0].isupper() for n in names)
    assert not any(n.startswith(("May", "October")) for n in names)
