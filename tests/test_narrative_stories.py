"""Tests of forms news stories use to credit a zone's areas and to tell an adoption to come (issue 24): an area that
"contributed" a practice or "is the source of" it (a quoted name allowed in the parenthetical after the subject),
``Taking a page from <zone>, <adopter> will roll out ...``. Excerpts written for the tests, with perturbed copies."""

from __future__ import annotations

import pytest

from tests.perturb import report_facts, rewrapped

_AREAS = (
    "Hunan will extend 20 reforms of its pilot free trade zone to every city. The Changsha Area, long known for "
    "its \u201cone seal for all\u201d reform, contributed a single-window filing system for construction permits, "
    "while the Yueyang Area, home to the river port, is the source of a \u201cberth first, declare later\u201d "
    "model for barges."
)


@pytest.mark.parametrize(
    "text",
    [
        _AREAS,
        rewrapped(_AREAS, 41),
        _AREAS.replace("\u201c", '"').replace("\u201d", '"'),
        _AREAS.replace("is the source of", "was the birthplace of"),
    ],
)
def test_an_area_contributed_a_practice_or_is_its_source(text: str) -> None:
    """``<area>, <parenthetical with a quoted name>, contributed a <practice>``, ``<area>, ..., is the source of a
    "<name>" model``: cases of the area's zone."""
    cases = {(name, actors) for f, name, actors, _ in report_facts(text) if f == "zone_case"}
    hunan = frozenset({"zone:hunan"})
    assert ("single-window filing system for construction permits", hunan) in cases
    assert any(name.startswith("berth first, declare later") and a == hunan for name, a in cases)


def test_contributed_to_names_no_practice() -> None:
    """``The X Area contributed to ...``: no practice named."""
    text = "The Changsha Area of the Hunan FTZ contributed to a rise in exports of construction machinery."
    assert not [x for x in report_facts(text) if x[0] == "zone_case"]


_LEAD = (
    "Taking a page from the Fujian FTZ, Jiangxi will also roll out the \u201cone ship, one code\u201d registry "
    "for river vessels at its inland ports."
)


@pytest.mark.parametrize(
    "text",
    [
        _LEAD,
        rewrapped(_LEAD, 33),
        _LEAD.replace("Taking a page from", "Learning from").replace("will also roll out", "will introduce"),
        _LEAD.replace("Fujian FTZ", "Shandong Pilot Free Trade Zone"),
    ],
)
def test_a_lead_with_an_adoption_to_come(text: str) -> None:
    """``Taking a page from <zone>, <province> will also roll out the "<name>" ...``: the province adopts the zone's
    innovation."""
    origin = "zone:shandong" if "Shandong" in text else "zone:fujian"
    adoptions = {(actors, adopter) for f, _name, actors, adopter in report_facts(text) if f == "adoption"}
    assert adoptions == {(frozenset({origin}), "province:jiangxi")}


@pytest.mark.parametrize("width", [0, 30])
def test_an_area_printed_without_its_last_word_area(width: int) -> None:
    """``the Chengdu Tianfu New Area of the Sichuan Pilot FTZ``: the curated area (its name ends "New Area Area")."""
    text = "A credit-based exemption was first piloted in the Chengdu Tianfu New Area of the Sichuan Pilot FTZ."
    areas = {(n, a) for f, n, a, _ in report_facts(rewrapped(text, width) if width else text) if f == "area"}
    assert [(n.startswith("Chengdu Tianfu New Area"), a) for n, a in areas] == [(True, frozenset({"zone:sichuan"}))]
