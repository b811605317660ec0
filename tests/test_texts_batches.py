"""Batches stated in the prose of a text that is not an edition, and the innovations they hold."""

from __future__ import annotations

from ground.schema import Label, Rel
from loaders.records import ParsedReport
from loaders.report import parse_report


def _national(r: ParsedReport) -> dict[str, tuple[str, bool]]:
    """Measure name -> (national batch key, derived) of every IN_BATCH edge to a national batch."""
    names = {e.key: e.name for e in r.entities if e.label is Label.MEASURE}
    return {
        names[x.start.key]: (x.end.key, bool(x.properties.get("derived")))
        for x in r.relations
        if x.type is Rel.IN_BATCH and x.end.key.startswith("national:")
    }


RELEASE = """MOFCOM Releases a Batch

Beijing - The Ministry of Commerce on Tuesday released the sixth batch of 22 "best practice cases" of PFTZs.

In investment facilitation, the selected cases include Sichuan FTZ's "one-code management of
enterprise credit" and the "green certificate traceability for exports" pioneered by Jiangsu FTZ.

The ministry will also compile a fourth batch of successful reform experience in 2026.
Hubei FTZ's "pledge financing of data assets" is still under study.
"""


def test_the_cases_a_release_lists_after_the_batch_are_its_items_derived() -> None:
    found = _national(parse_report(RELEASE, "release.txt"))
    assert found == {
        "one-code management of enterprise credit": ("national:best-practices:6", True),
        "green certificate traceability for exports": ("national:best-practices:6", True),
    }  # the case after the next batch's sentence is not the sixth batch's


SELECTED = (
    'Since 2020, Guangxi has issued five earlier batches. Two of them, the "group settlement of border trade '
    'foreign exchange" and the "one-stop service for ASEAN fruit imports", were selected by the Ministry of '
    "Commerce for the fifth batch of best practice cases and promoted nationwide. Guangxi FTZ's "
    '"online mediation of disputes" is new.\n'
)


def test_innovations_selected_by_a_ministry_for_a_batch_are_stated_items() -> None:
    r = parse_report(SELECTED, "selected.txt")
    found = _national(r)
    assert found == {
        "group settlement of border trade foreign exchange": ("national:best-practices:5", False),
        "one-stop service for ASEAN fruit imports": ("national:best-practices:5", False),
    }
    assert ("mofcom", "national:best-practices:5") in {
        (x.start.key, x.end.key) for x in r.relations if x.type is Rel.RESPONSIBLE_FOR
    }
