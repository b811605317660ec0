"""Tests of the curated reference files and the gazetteer built on them."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest

from pftz.ground.dates import PartialDate
from pftz.ground.errors import ReferenceDataError
from pftz.ground.names import normalize_name
from pftz.loaders.gazetteer import Gazetteer
from pftz.loaders.gazetteer_forms import ZoneMatch
from pftz.loaders.gazetteer_scan import Mention
from pftz.loaders.reference import (
    BODY_HEADER,
    PREFIX_HEADER,
    PROVINCE_HEADER,
    REFERENCE_DIR,
    SCOPE_HEADER,
    ZONE_HEADER,
    load_bodies,
    load_prefixes,
    load_provinces,
    load_reference,
    load_zones,
    parse_provinces,
    parse_scopes,
)

REPORT = Path(__file__).resolve().parent.parent / "data" / "reports" / "pftz-report-2025.en.txt"


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.default()


# --------------------------------------------------------------------------- the files


def test_files_load() -> None:
    provinces = load_provinces()
    zones = load_zones()
    bodies = load_bodies()
    prefixes = load_prefixes()
    assert len(provinces) == 34
    assert bodies["mofcom"].abbreviation == "MOFCOM"
    assert prefixes["G.Fa."].name_zh == "国发"
    assert prefixes["G.Fa."].issuer == "state-council"
    assert zones["shanghai"].established == PartialDate(2013, 9, 27)
    assert (REFERENCE_DIR / "SOURCES.md").exists()


def test_22_pftzs_and_one_ftp() -> None:
    zones = load_zones()
    kinds = [z.kind for z in zones.values()]
    assert kinds.count("PFTZ") == 22
    assert kinds.count("FTP") == 1
    assert zones["hainan-ftp"].kind == "FTP"
    assert zones["hainan"].kind == "PFTZ"
    assert "shanxi" not in zones


def test_every_zone_has_a_known_province_dates_and_names() -> None:
    provinces = load_provinces()
    for z in load_zones().values():
        assert z.province in provinces
        assert z.established is not None
        assert datetime.date(2013, 1, 1) <= z.established.start() <= z.established.end() <= datetime.date(2023, 12, 31)
        assert z.name_zh
        assert z.lat is not None and z.lon is not None
        assert 18 < z.lat < 54 and 73 < z.lon < 135


def test_every_prefix_of_the_report_is_listed() -> None:
    text = REPORT.read_text(encoding="utf-8")
    seen = set(re.findall(r"([A-Z][A-Za-z]*(?:\.[A-Z][A-Za-z]*)*\.?) \[[0-9]{4}\] No\.", text))
    assert seen <= set(load_prefixes())


def test_uncertain_prefixes_have_no_chinese_form() -> None:
    for p in load_prefixes().values():
        assert bool(p.name_zh) == p.certain


# --------------------------------------------------------------------------- bad files


def _write(tmp_path: Path, name: str, header: tuple[str, ...], *rows: str) -> Path:
    path = tmp_path / name
    path.write_text(",".join(header) + "\n" + "".join(r + "\n" for r in rows), encoding="utf-8")
    return path


def _province_row(key: str = "shanghai") -> str:
    return f"{key},Shanghai,municipality,上海市,31.22,121.46,Shanghai Municipality,GeoNames"


def _zone_row(**kw: str) -> str:
    row = {
        "key": "shanghai",
        "name": "Shanghai PFTZ",
        "kind": "PFTZ",
        "province": "shanghai",
        "name_zh": "",
        "established": "2013-09-27",
        "lat": "31.22",
        "lon": "121.46",
        "aliases": "Shanghai FTZ",
        "source": "gov.cn",
    }
    row.update(kw)
    return ",".join(row[c] for c in ZONE_HEADER)


def test_wrong_header_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "provinces.csv"
    path.write_text("key,name,kind\n" + _province_row() + "\n", encoding="utf-8")
    with pytest.raises(ReferenceDataError) as info:
        load_provinces(path)
    assert info.value.path == str(path)
    assert info.value.line == 1
    assert "header" in str(info.value)


@pytest.mark.parametrize(
    ("row", "needle"),
    [
        (_zone_row(established="2013-02-30"), "bad established"),
        (_zone_row(established="27/09/2013"), "bad established"),
        (_zone_row(lat="north"), "bad lat"),
        (_zone_row(lon="500"), "bad lon"),
        (_zone_row(province="atlantis"), "unknown province key 'atlantis'"),
        (_zone_row(kind="SEZ"), "bad kind"),
        (_zone_row(key="Shang Hai"), "bad key"),
        (_zone_row(source=""), "empty source"),
    ],
)
def test_bad_zone_rows(tmp_path: Path, row: str, needle: str) -> None:
    _write(tmp_path, "provinces.csv", PROVINCE_HEADER, _province_row())
    path = _write(tmp_path, "zones.csv", ZONE_HEADER, _zone_row(key="ok"), row)
    with pytest.raises(ReferenceDataError) as info:
        load_zones(path)
    assert needle in str(info.value)
    assert info.value.path == str(path)
    assert info.value.line == 3
    assert str(info.value).startswith(f"{path}:3:")


def test_duplicate_key_and_every_problem_reported(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "provinces.csv",
        PROVINCE_HEADER,
        _province_row(),
        "",
        _province_row(),
        "tianjin,Tianjin,city-state,天津市,39.14,117.18,,GeoNames",
    )
    with pytest.raises(ReferenceDataError) as info:
        load_provinces(path)
    msg = str(info.value)
    assert info.value.line == 4
    assert "line 4: duplicate key 'shanghai'" in msg
    assert "line 5: bad kind 'city-state'" in msg


def test_wrong_field_count(tmp_path: Path) -> None:
    with pytest.raises(ReferenceDataError) as info:
        parse_provinces(",".join(PROVINCE_HEADER) + "\nshanghai,Shanghai\n", "p.csv")
    assert str(info.value).startswith("p.csv:2:")


def test_bad_bodies_and_prefixes(tmp_path: Path) -> None:
    bodies = _write(
        tmp_path,
        "bodies.csv",
        BODY_HEADER,
        "mofcom,Ministry of Commerce,MOFCOM,商务部,ministry,MOC,gov.cn",
        "gov-x,Someone,,,local,,gov.cn",
        "ndrc,National Development and Reform Commission,NDRC,,bureau,,gov.cn",
    )
    with pytest.raises(ReferenceDataError) as info:
        load_bodies(bodies)
    assert "line 3: key 'gov-x' uses the prefix" in str(info.value)
    assert "line 4: bad level 'bureau'" in str(info.value)

    _write(tmp_path, "bodies.csv", BODY_HEADER, "mofcom,Ministry of Commerce,MOFCOM,商务部,ministry,,gov.cn")
    prefixes = _write(
        tmp_path,
        "doc_prefixes.csv",
        PREFIX_HEADER,
        "S.Z.M.H.,商自贸函,mofcom,yes,gov.cn",
        "X.Y.,某,,no,guess",
        "G.Fa.,国发,state-council,yes,gov.cn",
        "S.Z.M.H.,商自贸函,mofcom,maybe,gov.cn",
    )
    with pytest.raises(ReferenceDataError) as info:
        load_prefixes(prefixes)
    msg = str(info.value)
    assert info.value.line == 3
    assert "line 3: name_zh is given but certain is 'no'" in msg
    assert "line 4: unknown issuer key 'state-council'" in msg
    assert "line 5: duplicate prefix 'S.Z.M.H.'" in msg
    assert "bad certain 'maybe'" in msg


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ReferenceDataError, match="cannot read"):
        load_bodies(tmp_path / "nope.csv")


# --------------------------------------------------------------------------- names


def test_normalize_name() -> None:
    assert normalize_name("  The China (Zhejiang)  Pilot Free–Trade Zone ") == "china zhejiang pilot free trade zone"
    assert normalize_name("People’s Bank of China") == normalize_name("People's Bank of China")
    assert normalize_name("中国（上海）自由贸易试验区") == "中国 上海 自由贸易试验区"


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("China (Shanghai) Pilot Free Trade Zone", "shanghai"),
        ("China (zhejiang) Pilot Free Trade Zone", "zhejiang"),
        ("the Shanghai Pilot Free Trade Zone", "shanghai"),
        ("Shanghai FTZ", "shanghai"),
        ("Shanghai Free Trade Zone", "shanghai"),
        ("Fujian PFTZ", "fujian"),
        ("Shandong PFTZ's", "shandong"),
        ("Beijing PFTZs", "beijing"),
        ("PFTZ in Xinjiang", "xinjiang"),
        ("Guangxi Zhuang Autonomous Region PFTZ", "guangxi"),
        ("Hainan PFTZ", "hainan"),
        ("Hainan FTP", "hainan-ftp"),
        ("Hainan Free Trade Port", "hainan-ftp"),
        ("Shaanxi PFTZ", "shaanxi"),
        ("Shanxi PFTZ", None),
        ("Yangtze River Delta PFTZ", None),
    ],
)
def test_zone_exact(gaz: Gazetteer, name: str, key: str | None) -> None:
    assert gaz.zone(name) == key


def test_zone_fuzzy_misspellings_are_flagged(gaz: Gazetteer) -> None:
    exact = gaz.zone_fuzzy("Zhejiang PFTZ")
    assert exact == ZoneMatch("zhejiang", 100.0)
    assert not exact.fuzzy
    for name, key in [
        ("Zhejaing PFTZ", "zhejiang"),
        ("Huber PFTZ's", "hubei"),
        ("Guangdon FTZ", "guangdong"),
    ]:
        match = gaz.zone_fuzzy(name)
        assert match is not None, name
        assert match.key == key
        assert match.fuzzy, "a misspelling must be reported as a guess"
        key_, score = match
        assert key_ == key and 90 <= score < 100


def test_zone_fuzzy_respects_cutoff(gaz: Gazetteer) -> None:
    assert gaz.zone_fuzzy("Zhejaing PFTZ", cutoff=99) is None
    assert gaz.zone_fuzzy("Delta PFTZ") is None
    assert gaz.zone_fuzzy("PFTZ") is None


def test_shanxi_and_shaanxi_are_kept_apart(gaz: Gazetteer) -> None:
    assert gaz.province("Shanxi") == "shanxi"
    assert gaz.province("Shaanxi") == "shaanxi"
    assert gaz.province("Shanxi Province") == "shanxi"
    assert gaz.zone_of_province("shanxi") is None
    assert gaz.zone("Shanxi PFTZ") is None
    for name in ("Shanxi PFTZ", "Shanxi Pilot Free Trade Zone", "Shanxi's PFTZ", "China (Shanxi) FTZ"):
        assert gaz.zone_fuzzy(name) is None, name
    assert gaz.zone_fuzzy("Shaanxi PFTZ") == ("shaanxi", 100.0)
    assert [m.key for m in gaz.find_provinces("Shanxi Province and Shaanxi")] == ["shanxi", "shaanxi"]


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Ningxia Hui Autonomous Region", "ningxia"),
        ("Ningxia", "ningxia"),
        ("Inner Mongolia Autonomous Region", "inner-mongolia"),
        ("Guangxi Zhuang Autonomous Region", "guangxi"),
        ("Beijing Municipality", "beijing"),
        ("Hong Kong SAR", "hong-kong"),
        ("Macau", "macao"),
        ("Xizang", "tibet"),
        ("Atlantis", None),
    ],
)
def test_province(gaz: Gazetteer, name: str, key: str | None) -> None:
    assert gaz.province(name) == key


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("the Ministry of Commerce", "mofcom"),
        ("MOFCOM", "mofcom"),
        ("MOC", "mofcom"),
        ("Ministry of Commerce of the People's Republic of China", "mofcom"),
        ("the General Administration of Customs", "gac"),
        ("GAC", "gac"),
        ("People's Bank of China", "pboc"),
        ("General Office of the State Council", "state-council-general-office"),
        ("the General Office of the CPC Central Committee", "cpc-general-office"),
        # a General Office that issues in its own name is listed as a body of its own (issue 13)
        ("General Office of the Ministry of Ecology and Environment", "mee-general-office"),
        ("General Office of the Ministry of Transport", "mot"),
        ("China Banking and Insurance Regulatory Commission", "cbirc"),
        ("MOST", "most"),
        ("most", None),
        ("Customs", None),
        ("Shanghai Customs", None),
        ("People's Government of Zhejiang Province", "gov-zhejiang"),
        ("Zhejiang Provincial People's Government", "gov-zhejiang"),
        ("Shanghai Municipal People's Government", "gov-shanghai"),
        ("People's Government of Beijing Municipality", "gov-beijing"),
        ("People's Government of Xinjiang Uygur Autonomous Region", "gov-xinjiang"),
        ("Shenzhen Municipal People's Government", None),
    ],
)
def test_body(gaz: Gazetteer, name: str, key: str | None) -> None:
    assert gaz.body(name) == key


def test_body_ref(gaz: Gazetteer) -> None:
    assert gaz.body_ref("mofcom") == gaz.bodies["mofcom"]
    gov = gaz.body_ref("gov-zhejiang")
    assert gov is not None
    assert gov.name == "People's Government of Zhejiang"
    assert gov.level == "local"
    assert gov.name_zh == "浙江省人民政府"
    assert gaz.body_ref("gov-hong-kong") is None
    assert gaz.body_ref("gov-atlantis") is None
    assert gaz.body_ref("nothing") is None


def test_conflicting_aliases_are_refused() -> None:
    provinces = load_provinces()
    zones = load_zones()
    bodies = dict(load_bodies())
    bodies["ndrc"] = bodies["ndrc"].__class__("ndrc", "NDRC", "NDRC", "", "ministry", ("Ministry of Commerce",))
    with pytest.raises(ReferenceDataError, match="claimed by both"):
        Gazetteer(zones, provinces, bodies)


# --------------------------------------------------------------------------- text scanning
# Sentences copied from data/reports/pftz-report-2025.en.txt (line numbers in comments).

# line 239
S_MEDICAL = (
    "Permitting foreign-invested enterprises in Beijing PFTZ, Shanghai PFTZ, and Guangdong PFTZ, "
    "as well as Hainan FTP, to conduct research, development, and application of human stem cells, "
    "gene diagnosis, and therapeutic technologies for purposes of product registration and production;"
)
# line 225
S_ZHEJIANG = (
    'issued the "Plan for Building a Hub for Bulk Commodity Resource Allocation in China (zhejiang) '
    'Pilot Free Trade Zone¹" (S.Z.M.Fa [2024] No. 291).'
)
# line 749
S_PILOT = (
    'In June 2023, the State Council issued the "Measures for Pilot Alignment with International '
    'High Standards to Advance Institutional Opening-up in Eligible PFTZs and FTP" '
    "(G.Fa. [2023] No. 9), launching pilot programs first in PFTZs of Shanghai, Guangdong, Tianjin, "
    "Fujian, and Beijing, as well as Hainan FTP."
)
# line 1656
S_BODIES = (
    "On June 27, 2024, the Ministry of Finance, the Ministry of Ecology and Environment, the "
    "Ministry of Commerce, the General Administration of Customs, and the State Taxation "
    'Administration jointly issued the "Notice on Tax Policies for Temporary Inbound Repair Pilot '
    'Program in Shanghai PFTZ" (C.G.S. [2024] No. 18).'
)
# line 1692
S_GOVERNMENT = (
    "On November 25, 2024, the Ministry of Commerce and the People's Government of Zhejiang "
    'Province issued the "Plan for Building a Hub for Bulk Commodity Resource Allocation in '
    'Zhejiang PFTZ" (S.Z.M.Fa. [2024] No. 291).'
)
# line 659
S_CHENGDU = (
    "In the development of the Chengdu–Chongqing economic circle**, Sichuan and Chongqing PFTZs "
    "have taken the construction of Collaborative Opening-up Demonstration Zone"
)
# line 635
S_JOINT = (
    "PFTZs have established the Joint Conference Mechanism for the Beijing-Tianjin-Hebei PFTZs, "
    "the Yangtze River Delta PFTZ Alliance, and the Yellow River Basin PFTZ Alliance."
)
# line 767
S_OTHERS = (
    "PFTZs in Fujian, Liaoning, Zhejiang, Sichuan, and other localities have actively promoted "
    "the replication and scaling of a new batch of provincial"
)


def test_find_zones_in_report_sentences(gaz: Gazetteer) -> None:
    found = gaz.find_zones(S_MEDICAL)
    assert [m.key for m in found] == ["beijing", "shanghai", "guangdong", "hainan-ftp"]
    assert all(S_MEDICAL[m.start : m.end] == m.text for m in found)
    assert found[0] == Mention(
        "beijing", S_MEDICAL.index("Beijing PFTZ"), S_MEDICAL.index(", Shanghai"), "Beijing PFTZ"
    )

    (zj,) = gaz.find_zones(S_ZHEJIANG)
    assert zj.key == "zhejiang"
    assert zj.text == "China (zhejiang) Pilot Free Trade Zone"

    assert [m.key for m in gaz.find_zones(S_BODIES)] == ["shanghai"]
    assert [m.text for m in gaz.find_zones(S_CHENGDU)] == ["Chongqing PFTZs"]
    assert gaz.find_zones("the 22 PFTZs and Some PFTZs in the Yangtze River Delta PFTZ Alliance") == []


def test_find_zones_survives_rewrapping(gaz: Gazetteer) -> None:
    wrapped = S_MEDICAL.replace("Shanghai PFTZ", "Shanghai\nPFTZ").replace("Hainan FTP", "Hainan  FTP")
    assert [m.key for m in gaz.find_zones(wrapped)] == ["beijing", "shanghai", "guangdong", "hainan-ftp"]


def test_find_bodies_in_report_sentences(gaz: Gazetteer) -> None:
    assert [m.key for m in gaz.find_bodies(S_BODIES)] == ["mof", "mee", "mofcom", "gac", "sta"]
    assert [m.key for m in gaz.find_bodies(S_GOVERNMENT)] == ["mofcom", "gov-zhejiang"]
    assert [m.key for m in gaz.find_bodies(S_PILOT)] == ["state-council"]
    text = "the General Office of the State Council and the Taiwan Work Office of the CPC Central Committee"
    assert [m.key for m in gaz.find_bodies(text)] == ["state-council-general-office", "taiwan-work-office"]
    assert gaz.find_bodies("Shanghai Customs and most ports") == []


def test_find_zone_lists(gaz: Gazetteer) -> None:
    text = (
        "launching pilot programs first in PFTZs of Shanghai, Guangdong, Tianjin, Fujian, and Beijing, "
        "as well as Hainan FTP"
    )
    (members,) = gaz.find_zone_lists(text)
    assert [m.key for m in members] == ["shanghai", "guangdong", "tianjin", "fujian", "beijing"]
    assert all(text[m.start : m.end] == m.text for m in members)
    assert [m.key for m in gaz.find_zones(text)] == ["hainan-ftp"]

    (members,) = gaz.find_zone_lists(S_PILOT)
    assert len(members) == 5
    assert [m.key for m in gaz.find_zone_lists(S_CHENGDU)[0]] == ["sichuan", "chongqing"]
    assert [m.key for m in gaz.find_zone_lists(S_JOINT)[0]] == ["beijing", "tianjin", "hebei"]
    assert [m.key for m in gaz.find_zone_lists(S_OTHERS)[0]] == ["fujian", "liaoning", "zhejiang", "sichuan"]
    assert gaz.find_zone_lists(S_MEDICAL) == []


def test_find_provinces(gaz: Gazetteer) -> None:
    text = "Ningxia Hui Autonomous Region and Shanghai PFTZ"
    assert [m.key for m in gaz.find_provinces(text)] == ["ningxia", "shanghai"]
    assert [m.text for m in gaz.find_provinces(text, exclude_zones=True)] == ["Ningxia Hui Autonomous Region"]


def test_whole_report_scan(gaz: Gazetteer) -> None:
    text = REPORT.read_text(encoding="utf-8")
    zones = {m.key for m in gaz.find_zones(text)}
    assert zones == set(gaz.zones), "every zone is mentioned in the report"
    assert {"mofcom", "gac", "pboc", "nfra", "gov-zhejiang"} <= {m.key for m in gaz.find_bodies(text)}


@pytest.mark.parametrize(
    "sentence", [S_MEDICAL, S_ZHEJIANG, S_PILOT, S_BODIES, S_GOVERNMENT, S_CHENGDU, S_JOINT, S_OTHERS]
)
def test_sentences_are_copied_from_the_report(sentence: str) -> None:
    report = " ".join(REPORT.read_text(encoding="utf-8").split())
    assert " ".join(sentence.split()) in report


# --------------------------------------------------------------------------- reference records


def test_reference_records_carry_file_and_line() -> None:
    ref = load_reference()
    for e in [*ref.entities, *ref.relations]:
        p = e.provenance
        lines = (REFERENCE_DIR / p.source).read_text(encoding="utf-8").splitlines()
        assert p.section == "reference data" and lines[p.line - 1] == p.quote, e
    scopes = {e.key: e for e in ref.entities if e.properties.get("kind") == "scope"}
    assert {k: e.name for k, e in scopes.items()} == {"nationwide": "Nationwide", "all-pftzs": "All PFTZs"}
    assert sum(e.label == "Zone" for e in ref.entities) == len(ref.relations) == 23


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        (["nationwide,Everywhere,x", "all-pftzs,All PFTZs,x"], "scopes.csv:2: bad name 'Everywhere'"),
        (["national,Nationwide,x", "all-pftzs,All PFTZs,x"], "key 'national' of 'Nationwide' should be 'nationwide'"),
        (["nationwide,Nationwide,x"], "scopes.csv:2: no row for the scope 'All PFTZs'"),
        (["nationwide,Nationwide,", "all-pftzs,All PFTZs,x"], "empty source"),
    ],
)
def test_bad_scopes(rows: list[str], message: str) -> None:
    with pytest.raises(ReferenceDataError, match=re.escape(message)):
        parse_scopes("\n".join([",".join(SCOPE_HEADER), *rows]), "scopes.csv")


def test_a_reference_file_in_utf16_is_an_error(tmp_path: Path) -> None:
    for name in ("provinces.csv", "zones.csv", "scopes.csv"):
        data = (REFERENCE_DIR / name).read_bytes()
        (tmp_path / name).write_bytes(data.decode("utf-8").encode("utf-16") if name == "zones.csv" else data)
    with pytest.raises(ReferenceDataError, match="UTF-16") as info:
        load_reference(tmp_path)
    assert info.value.path == str(tmp_path / "zones.csv") and info.value.line == 1
