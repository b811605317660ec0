"""Stated or derived: zones reached through a defined term are derived links, with the rule that resolved them."""

from __future__ import annotations

import pytest

from pftz.graph.build import graph_from_records
from pftz.ground.schema import DERIVED, Rel
from pftz.loaders.records import ParsedReport, Relation
from pftz.loaders.reference import load_reference
from pftz.loaders.report import BUNDLED_REPORT, parse_report
from tests.perturb import rewrap_paragraphs

TEXT = BUNDLED_REPORT.read_text(encoding="utf-8")
PILOT_REGIONS = {"beijing", "fujian", "guangdong", "hainan-ftp", "shanghai", "tianjin"}


@pytest.fixture(scope="module")
def report() -> ParsedReport:
    return parse_report(TEXT, BUNDLED_REPORT.name)


def _rels(r: ParsedReport, rel: Rel, start: str) -> list[Relation]:
    return [x for x in r.relations if x.type is rel and x.start.key == start]


def test_a_row_naming_the_pilot_regions_is_a_derived_pilot_dated_by_the_launching_sentence(
    report: ParsedReport,
) -> None:
    rels = _rels(report, Rel.ORIGINATED_IN, "national:pilot-measures:1:1")
    assert {x.end.key for x in rels} == PILOT_REGIONS
    for x in rels:
        p = x.properties
        assert p[DERIVED] is True and p["resolved"] == 'group "Pilot Regions"'
    dated = [x for x in rels if "date" in x.properties]
    assert {x.end.key for x in dated} == PILOT_REGIONS
    assert {(x.properties["date"], x.properties["document"]) for x in dated} == {("2023-06", "G.Fa.[2023]9")}
    assert all("launching pilot programs first in PFTZs of" in x.provenance.quote for x in dated)


def test_a_group_name_inside_a_quoted_title_stands_for_no_member(report: ParsedReport) -> None:
    # the Shanghai finance bureau's "... Government Procurement Reforms in Pilot Regions" (H.C.C. [2024] No. 12):
    # its title's words are not the report's defined term, so it names only the zone its sentence names
    named = {x.end.key for x in _rels(report, Rel.NAMES_ZONE, "H.C.C.[2024]12")}
    assert named == {"shanghai"}
    assert all(DERIVED not in x.properties for x in _rels(report, Rel.NAMES_ZONE, "H.C.C.[2024]12"))


def test_zones_named_only_by_they_are_derived_and_named_zones_stated(report: ParsedReport) -> None:
    they = _rels(report, Rel.ORIGINATED_IN, "case:beijing:same-standards-for-same-matters")
    assert {x.end.key for x in they} == {"beijing", "tianjin", "hebei"}
    assert all(x.properties[DERIVED] is True and "narrative rule" in str(x.properties["resolved"]) for x in they)
    named = _rels(report, Rel.ORIGINATED_IN, "case:shanghai:comprehensive-service-platform-for-going-global")
    assert named and all(DERIVED not in x.properties for x in named)


def test_the_graph_marks_them_derived_and_keeps_stated_edges_stated(report: ParsedReport) -> None:
    ref = load_reference()
    G = graph_from_records([*ref.entities, *report.entities], [*ref.relations, *report.relations])
    e = G.edges["Measure:national:pilot-measures:1:1", "Zone:tianjin", "ORIGINATED_IN"]
    assert e[DERIVED] is True and e["date"] == "2023-06" and e["document"] == "G.Fa.[2023]9"
    assert len(e["provenance"]) == 2
    e = G.edges["Measure:case:shanghai:comprehensive-service-platform-for-going-global",
                "Zone:shanghai/lin-gang-special-area", "ORIGINATED_IN"]  # fmt: skip
    assert e[DERIVED] is False


def test_a_rewrapped_copy_gives_the_same_marks(report: ParsedReport) -> None:
    def marks(r: ParsedReport) -> set[tuple[str, str, str, object]]:
        return {(str(x.type), x.start.key, x.end.key, x.properties.get(DERIVED)) for x in r.relations}

    assert marks(parse_report(rewrap_paragraphs(TEXT, 64), BUNDLED_REPORT.name)) == marks(report)


@pytest.mark.parametrize(
    ("ending", "date"),
    [
        ("has been replicated and scaled up across the province in 2023,", "2023"),
        ("has been replicated and scaled up across the province,", None),
    ],
)
def test_a_year_printed_with_an_adoption_dates_it(ending: str, date: str | None) -> None:
    lines = TEXT.split("\n")
    start = next(i for i, x in enumerate(lines) if "Anhui PFTZ and Hefei - Wuhu - Bengbu" in x)
    para = lines[start].replace("has been replicated and scaled up across the province,", ending)
    r = parse_report("\n".join([*lines[start - 2 : start], para]), "excerpt.txt", partial=True)
    adopted = [x for x in r.relations if x.type is Rel.ADOPTED and x.start.key == "anhui"]
    assert adopted and {x.properties.get("date") for x in adopted} == {date}
