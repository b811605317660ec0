"""Areas of the zones: the curated list (areas.csv) and every printed form the report loader reads."""

from __future__ import annotations

from pathlib import Path

import pytest

from pftz.ground.errors import ReferenceDataError
from pftz.ground.schema import Label, Rel, ZoneKind
from pftz.loaders.evaluate import facts_from_report
from pftz.loaders.gazetteer import Gazetteer
from pftz.loaders.records import ParsedReport
from pftz.loaders.reference import AREA_HEADER, load_areas, load_zones, parse_areas
from pftz.loaders.report import BUNDLED_REPORT, parse_report
from tests.perturb import move_body_page_breaks, rewrap_paragraphs

TEXT = BUNDLED_REPORT.read_text(encoding="utf-8")
LINES = TEXT.split("\n")
LINGANG = "shanghai/lin-gang-special-area"


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.default()


# --------------------------------------------------------------------------- the file


def test_every_pftz_but_hainan_has_areas_and_hainan_ftp_its_key_parks() -> None:
    zones = load_zones()
    areas = load_areas()
    per_zone: dict[str, list[str]] = {}
    for a in areas.values():
        per_zone.setdefault(a.zone, []).append(a.key)
        assert a.key.startswith(f"{a.zone}/")
        z = zones[a.zone]
        if a.established is not None and z.established is not None:
            assert a.established.iso >= z.established.iso, a.key  # no area before its zone
    pftzs = {k for k, z in zones.items() if z.kind == "PFTZ"}
    assert pftzs - set(per_zone) == {"hainan"}  # Hainan PFTZ covers the whole island: no areas
    assert len(per_zone["hainan-ftp"]) == 11
    assert len(per_zone["shanghai"]) == 8
    assert {"guangdong/nansha-area", "guangdong/qianhai-shekou-area", "guangdong/hengqin-area"} <= set(areas)
    assert {"zhejiang/zhoushan-area", "zhejiang/ningbo-area", "zhejiang/hangzhou-area", "zhejiang/jinyi-area"} <= set(
        areas
    )
    assert areas[LINGANG].name_zh.endswith("临港新片区")


def test_bad_area_rows_are_all_reported_with_file_and_line(tmp_path: Path) -> None:
    rows = [
        ",".join(AREA_HEADER),
        "foo-area,Foo Area,atlantis,,2015-04-20,yes,,plan",
        "bar-area,Bar Area,hubei,,2015-13-40,maybe,,plan",
        "Bad Key,Baz Area,hubei,,,yes,,plan",
        "bar-area,Bar Area,hubei,,,yes,,",
    ]
    p = tmp_path / "areas.csv"
    p.write_text("\n".join(rows) + "\n", encoding="utf-8")
    with pytest.raises(ReferenceDataError) as e:
        load_areas(p)
    msg = str(e.value)
    for needle in ("unknown zone key 'atlantis'", "bad standalone 'maybe'", "established", "bad key", "duplicate key"):
        assert needle in msg
    assert "areas.csv" in msg and "line 2" in msg


def test_parse_areas_rejects_a_wrong_header() -> None:
    with pytest.raises(ReferenceDataError, match="wrong header"):
        parse_areas("key,name\nx,y\n")


# --------------------------------------------------------------------------- the gazetteer


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Yunnan PFTZ and Lin-gang Special Area of Shanghai PFTZ have jointly",
            [(LINGANG, "Lin-gang Special Area of Shanghai PFTZ")],
        ),
        ("Shanghai PFTZ's Lingang Special Area has launched", [(LINGANG, "Shanghai PFTZ's Lingang Special Area")]),
        (
            "the Honghe Area of Yunnan PFTZ and the Management Committee",
            [("yunnan/honghe-area", "Honghe Area of Yunnan PFTZ")],
        ),
        ("in collaboration with the Chongzuo Area, jointly developed", [("guangxi/chongzuo-area", "Chongzuo Area")]),
        ("the Central Area (Shaanxi PFTZ) built", [("shaanxi/central-area", "Central Area (Shaanxi PFTZ)")]),
        (
            "enterprises in Qianhai and Hengqin",
            [("guangdong/qianhai-shekou-area", "Qianhai"), ("guangdong/hengqin-area", "Hengqin")],
        ),
        (
            "the Qianhai & Shekou Area of China (Guangdong) Pilot Free Trade Zone",
            [("guangdong/qianhai-shekou-area", "Qianhai & Shekou Area of China (Guangdong) Pilot Free Trade Zone")],
        ),
        (
            "Beijing PFTZ (High-end Industry Area) built",
            [("beijing/high-end-industry-area", "Beijing PFTZ (High-end Industry Area)")],
        ),
        ("the Hefei area of Anhui PFTZ", [("anhui/hefei-area", "Hefei area of Anhui PFTZ")]),
        ("Taiwan compatriots working in the Pingtan area", []),  # a lower-case area only with its zone
        ("the Central Area of the city", []),  # not standalone: only with its zone
        ("the Hengqin Area of Shanghai PFTZ", []),  # printed with another zone than its own
        ("the Shanghai–Yunnan Lin-gang Sci-Tech City platform", []),  # a bare "Lin-gang" is not the area
    ],
)
def test_find_areas(gaz: Gazetteer, text: str, want: list[tuple[str, str]]) -> None:
    assert [(m.key, m.text) for m in gaz.find_areas(text)] == want


# --------------------------------------------------------------------------- the report


def _zone_nodes(r: ParsedReport) -> dict[str, dict[str, object]]:
    return {e.key: dict(e.props) | {"name": e.name} for e in r.entities if e.label is Label.ZONE}


def _rels(r: ParsedReport, rel: Rel) -> set[tuple[str, str]]:
    return {(x.start.key, x.end.key) for x in r.relations if x.type is rel}


@pytest.fixture(scope="module")
def report() -> ParsedReport:
    return parse_report(TEXT, BUNDLED_REPORT.name)


def test_areas_of_the_report_are_zones_part_of_their_pftz(report: ParsedReport) -> None:
    zones = _zone_nodes(report)
    part_of = _rels(report, Rel.PART_OF)
    for key in (LINGANG, "yunnan/honghe-area", "guangxi/chongzuo-area", "beijing/international-business-service-area"):
        assert zones[key]["kind"] == str(ZoneKind.SUB_AREA)
        assert zones[key]["established"]  # curated, though the report never dates it
        assert (key, key.split("/")[0]) in part_of


def test_a_case_of_an_area_hangs_on_the_area(report: ParsedReport) -> None:
    origins = _rels(report, Rel.ORIGINATED_IN)
    assert ("case:shanghai:comprehensive-service-platform-for-going-global", LINGANG) in origins
    assert ("case:shanghai:comprehensive-service-platform-for-going-global", "shanghai") not in origins


def _excerpt(replace: str) -> str:
    """The outbound-investment passage of Part I with the area's printed form replaced."""
    start = next(i for i, x in enumerate(LINES) if x.startswith("3. Continuous enhancement of support services"))
    end = next(i for i, x in enumerate(LINES) if i > start and "876 registered" in x) + 1
    text = "\n".join(LINES[start - 1 : end])
    assert "Lin-gang Special Area of Shanghai PFTZ launched" in text
    return text.replace("Lin-gang Special Area of Shanghai PFTZ launched", replace)


@pytest.mark.parametrize(
    ("printed", "key"),
    [
        ("Lin-gang Special Area of Shanghai PFTZ launched", LINGANG),
        ("the Lin-gang Special Area (Shanghai PFTZ) launched", LINGANG),
        ("Shanghai PFTZ's Lingang New Area launched", LINGANG),
        ("Shanghai PFTZ, through its Lin-gang Special Area, launched", LINGANG),
        ("the Qianhai & Shekou Area of Guangdong PFTZ launched", "guangdong/qianhai-shekou-area"),
        ("Hengqin launched", "guangdong/hengqin-area"),
        ("Hubei PFTZ, through its Xiaogan Area, launched", "hubei/xiaogan-area"),  # not curated: named only here
        ("the Xiaogan Area of Hubei PFTZ launched", "hubei/xiaogan-area"),
    ],
)
def test_every_printed_form_of_an_area_credits_its_case(printed: str, key: str) -> None:
    """Each form on the passage, and on a re-wrapped copy of it."""
    for text in (_excerpt(printed), rewrap_paragraphs(_excerpt(printed), 60)):
        r = parse_report(text, "excerpt.txt", partial=True)
        origins = {e for m, e in _rels(r, Rel.ORIGINATED_IN) if "going-global" in m}
        assert origins == {key}, text
        assert (key, key.split("/")[0]) in _rels(r, Rel.PART_OF)
        assert _zone_nodes(r)[key]["kind"] == str(ZoneKind.SUB_AREA)


def test_areas_survive_moved_page_breaks(report: ParsedReport) -> None:
    r = parse_report(move_body_page_breaks(TEXT), BUNDLED_REPORT.name)
    want = {k for k in _zone_nodes(report) if "/" in k}
    assert {k for k in _zone_nodes(r) if "/" in k} == want
    assert _rels(r, Rel.PART_OF) == _rels(report, Rel.PART_OF)


def test_an_area_whose_model_is_replicated_across_its_province_is_the_origin() -> None:
    start = next(i for i, x in enumerate(LINES) if "Anhui PFTZ and Hefei - Wuhu - Bengbu" in x)
    para = LINES[start].replace(
        "Anhui PFTZ and Hefei - Wuhu - Bengbu", "the Hefei Area of Anhui PFTZ and Hefei - Wuhu - Bengbu"
    )
    text = "\n".join([*LINES[start - 2 : start], para])
    r = parse_report(text, "excerpt.txt", partial=True)
    adopted = [x for x in r.relations if x.type is Rel.ADOPTED and x.start.key == "anhui"]
    assert adopted, "the province adopts the area's model"
    assert {x.properties.get("origin") for x in adopted} == {"zone:anhui/hefei-area"}
    facts = [f for f in facts_from_report(r) if f.fact == "adoption"]
    assert facts and all(f.actors == frozenset({"zone:anhui"}) for f in facts)  # for the eval, its PFTZ


@pytest.mark.parametrize(
    "printed",
    ["Guangdong PFTZ, through its Greater Bay Area, launched", "the Nansha New Area of Guangdong PFTZ launched"],
)
def test_a_new_area_or_a_bay_area_is_not_an_area_of_the_zone(printed: str) -> None:
    r = parse_report(_excerpt(printed), "excerpt.txt", partial=True)
    assert not [k for k in _zone_nodes(r) if k.startswith("guangdong/")]
    origins = {e for m, e in _rels(r, Rel.ORIGINATED_IN) if "going-global" in m}
    assert origins == {"guangdong"}


def test_a_zone_profile_lists_the_innovations_of_its_areas(report: ParsedReport) -> None:
    from pftz.graph.build import graph_from_records
    from pftz.loaders.reference import load_reference
    from pftz.queries import run

    ref = load_reference()
    G = graph_from_records([*ref.entities, *report.entities], [*ref.relations, *report.relations])
    df = run("zone_profile", G, zone="shanghai")
    parts = df[df["section"] == "innovation of a part"]
    assert "case:shanghai:comprehensive-service-platform-for-going-global" in set(parts["item_key"])
    assert set(parts["detail"]) == {LINGANG}


@pytest.mark.parametrize("width", [0, 40])
@pytest.mark.parametrize(
    ("printed", "zone", "key"), [("Luoyang", "Henan PFTZ", "henan"), ("Khorgos", "Xinjiang FTZ", "xinjiang")]
)
def test_a_place_printed_as_part_of_its_zone_is_its_area(printed: str, zone: str, key: str, width: int) -> None:
    """ "<place>, part of <zone>, piloted ...": the curated area "<place> Area" of that zone; a place that is no area of
    the zone is none."""
    text = (
        f"For example, {printed}, part of {zone}, piloted the \u201cone yard, two drivers\u201d handover of "
        "cross-border trucks, which cut waiting times by half."
    )
    text = rewrap_paragraphs(text, width) if width else text
    areas = {
        (f.name, frozenset(f.actors)) for f in facts_from_report(parse_report(text + "\n", "x.txt")) if f.fact == "area"
    }
    assert len(areas) == 1 and all(n.startswith(printed) and a == frozenset({f"zone:{key}"}) for n, a in areas)
    other = text.replace(printed, "Altay")
    assert not [f for f in facts_from_report(parse_report(other + "\n", "x.txt")) if f.fact == "area"]
