"""Tests of the narrative reader: one excerpt per rule, perturbed copies, coverage and the CLI."""

from __future__ import annotations

import textwrap

import pytest
from click.testing import CliRunner

from pftz.ground.schema import Label, Rel
from pftz.loaders.gazetteer import Gazetteer
from pftz.loaders.narrative import Narrative, find_actors, fuller_name, is_case_name, read_narrative, split_examples
from pftz.loaders.quotes import quoted_spans
from pftz.loaders.records import ParsedReport
from pftz.loaders.report import BUNDLED_REPORT, load_report, parse_report
from pftz.loaders.structure import parse_structure
from pftz.loaders.table_cells import cell_examples
from pftz.loaders.text import paragraphs, split_lines
from pftz.shell.cli import cli
from tests.perturb import move_body_page_breaks, rewrap_paragraphs

GAZ = Gazetteer.default()
TEXT = BUNDLED_REPORT.read_text(encoding="utf-8")


def _read(text: str) -> Narrative:
    lines = split_lines(text)
    return read_narrative(paragraphs(lines), parse_structure(lines), GAZ)


def _cases(text: str) -> dict[str, tuple[tuple[str, ...], str]]:
    return {c.name: (c.zones, c.rule) for c in _read(text).cases}


@pytest.fixture(scope="module")
def report() -> ParsedReport:
    return load_report()


# --------------------------------------------------------------------------- zone cases, one rule each
def test_possessive() -> None:
    text = 'Shanghai PFTZ\'s "integrated license for convergent business" allows enterprises to combine approvals.'
    assert _cases(text) == {"integrated license for convergent business": (("shanghai",), "possessive")}


def test_verb_object_and_nations_first() -> None:
    text = (
        'Hubei PFTZ has explored a "one-stop credit repair" model for market entities. '
        'Tianjin PFTZ launched the nation\'s first "green bonded maintenance" service for aircraft.'
    )
    got = _cases(text)
    assert got["one-stop credit repair"] == (("hubei",), "verb")
    assert got["green bonded maintenance"] == (("tianjin",), "verb")


def test_name_before_the_zones_is_one_joint_case() -> None:
    text = (
        'The "Shandong–Henan clearance reform across customs districts" in Shandong PFTZ and Henan PFTZ '
        "has achieved inland declaration."
    )
    (case,) = _read(text).cases
    assert case.zones == ("henan", "shandong") and case.joint and case.rule == "after"


@pytest.mark.parametrize(
    ("subject", "zones"),
    [
        ("Beijing, Tianjin, and Hebei PFTZ adopts", ("beijing", "hebei", "tianjin")),
        ("Shanghai PFTZ and Anhui PFTZs'", ("anhui", "shanghai")),
        (
            "PFTZs in Jiangsu, Zhejiang, Shanghai, and Anhui have built the",
            ("anhui", "jiangsu", "shanghai", "zhejiang"),
        ),
    ],
)
def test_several_actors(subject: str, zones: tuple[str, ...]) -> None:
    (case,) = _read(f'{subject} "judicial coordination mechanism for IPR protection", contributing to growth.').cases
    assert case.zones == zones and case.joint


def test_pronoun_continues_the_subject() -> None:
    text = (
        'Shanghai PFTZ has upgraded its port. It has introduced the "one-time entry, simultaneous declaration" model.'
    )
    assert _cases(text)["one-time entry, simultaneous declaration"][0] == ("shanghai",)


def test_took_the_lead_in_piloting_an_unquoted_practice() -> None:
    text = (
        "For example, Shanghai PFTZ took the lead in piloting the exemption of stamp duty on contracts for "
        "offshore resale business, reducing costs."
    )
    assert _cases(text) == {
        "exemption of stamp duty on contracts for offshore resale business": (("shanghai",), "took-the-lead")
    }


def test_area_of_a_zone_is_the_zone() -> None:
    text = 'The Lin-gang Special Area of Shanghai PFTZ\'s "cross-border data service window" opened in May.'
    assert _cases(text)["cross-border data service window"][0] == ("shanghai",)


@pytest.mark.parametrize(
    "text",
    [
        'Shanghai PFTZ issued the "Plan for Building a Hub for Bulk Commodities" (S.Z.M.Fa [2024] No. 291).',
        'Prior to the reform, Shanghai PFTZ required "one license per industry" for each business.',
        'Sichuan PFTZ introduced credit products like "Sci-Tech Easy Loan" for enterprises.',
        'The Central Committee called for "implementing the strategy for upgrading pilot free trade zones".',
        'Guangdong PFTZ shifted the supervision focus from the "declaration batch" to the "production batch".',
    ],
)
def test_not_cases(text: str) -> None:
    assert _read(text).cases == ()


def test_is_case_name_and_fuller_name() -> None:
    s = 'In terms of registration, cases include the new "smart form" model for business registration.'
    q = quoted_spans(s)[0]
    assert is_case_name(q.name, s, q)
    assert fuller_name(s, q) == "smart form model for business registration"


def test_unquoted_case_title_of_part_two() -> None:
    got = {c.name: c for c in _read(TEXT).cases if c.rule == "heading"}
    case = got["Integrated cross-regional supervision of airspace resources in Northeast China"]
    assert case.zones == ("liaoning",) and case.cross_regional
    assert all(c.line > TEXT.split("\n").index("Institutional Innovation in Investment") for c in got.values())


def test_find_actors_keeps_provinces_without_pftz_out() -> None:
    assert find_actors("Shanxi Province replicated the model", GAZ) == []


# --------------------------------------------------------------------------- adoptions
@pytest.mark.parametrize(
    ("text", "kind", "key", "batch"),
    [
        (
            'For example, Ningxia Hui Autonomous Region replicated and scaled up the "one-stop platform for '
            'comprehensive services for exit-entry personnel" from the 6th batch of pilot reform experience.',
            "province",
            "ningxia",
            (6, "pilot reform experience"),
        ),
        (
            "Another example is the Inner Mongolia Autonomous Region's replication and scaling of the "
            '"innovation in intellectual property pledge financing models" from the 7th batch of successful '
            "reform experience.",
            "province",
            "inner-mongolia",
            (7, "successful reform experience"),
        ),
        (
            "For example, Jiaxing coordinated innovation zone of Zhejiang PFTZ replicated and scaled up the 5th "
            'batch of best practices titled "new model for ship supervision and declaration".',
            "coordinated",
            "jiaxing",
            (5, "best practices"),
        ),
    ],
)
def test_adoption_phrasings(text: str, kind: str, key: str, batch: tuple[int, str]) -> None:
    (a,) = _read(text).adoptions
    assert (a.adopter_kind, a.adopter_key, a.batch) == (kind, key, batch)
    assert _read(text).cases == ()  # the adopted innovation is not the adopter's own case


def test_provincial_examples_of_two_zones_in_one_paragraph() -> None:
    text = (
        "For example, Shandong PFTZ released a new batch of 38 institutional innovations, replicated across the "
        'province. Among them, the "new regulatory model for the aircraft maintenance industry" saves costs. '
        "Another example is that Xinjiang PFTZ has produced two batches of 35 institutional innovations, which "
        'have been replicated and scaled up across the entire region. Specifically, "cross-port mutual '
        'recognition for foreign vehicles" has contributed to growth.'
    )
    got = {(a.name, a.adopter_key, a.origins) for a in _read(text).adoptions}
    assert got == {
        ("new regulatory model for the aircraft maintenance industry", "shandong", ("shandong",)),
        ("cross-port mutual recognition for foreign vehicles", "xinjiang", ("xinjiang",)),
    }


WHOSE_BATCH = [
    (  # a relative clause on the zone, its possessive pronoun before the batch
        "As an illustration, Hunan PFTZ released a fresh batch of 24 innovations, replicated across the province. "
        'Among them, the "bonded storage model for imported ores" cut costs. A further case is Guangxi PFTZ, '
        'whose fourth batch of 16 innovations contained a "border trade credit pool" in the Chongzuo Area and a '
        '"cross-border tourism self-drive permit" in the Qinzhou Port Area. That batch has been replicated across '
        "the whole autonomous region.",
        "guangxi",
    ),
    (  # the possessive of the zone itself, other zone, other quote marks
        "To illustrate, Hunan PFTZ produced a fresh batch of 24 innovations, replicated across the province. "
        "Among them, the \u201cbonded storage model for imported ores\u201d cut costs. Yunnan PFTZ\u2019s second batch "
        "of 12 innovations featured a \u201cborder trade credit pool\u201d and a \u201ccross-border tourism self-drive "
        "permit\u201d, both later replicated throughout the province.",
        "yunnan",
    ),
    (  # the relative clause with another verb of the list and the batch named provincial
        "For example, Hunan PFTZ issued a new batch of 24 innovations, promoted across the province. Among them, "
        "the 'bonded storage model for imported ores' cut costs. Another example is Sichuan PFTZ, whose sixth "
        "provincial batch listed the 'border trade credit pool' and the 'cross-border tourism self-drive permit'; "
        "the batch has been replicated across the province.",
        "sichuan",
    ),
]


@pytest.mark.parametrize("wrap", [0, 41])
@pytest.mark.parametrize(("text", "zone"), WHOSE_BATCH)
def test_a_batch_after_a_zones_possessive_turns_the_examples_to_that_zone(text: str, zone: str, wrap: int) -> None:
    if wrap:
        text = "\n".join(textwrap.wrap(text, wrap))
    got = {(a.name, a.adopter_key, a.origins) for a in _read(text).adoptions}
    assert got == {
        ("bonded storage model for imported ores", "hunan", ("hunan",)),
        ("border trade credit pool", zone, (zone,)),
        ("cross-border tourism self-drive permit", zone, (zone,)),
    }


def test_a_zone_named_before_whose_with_no_batch_does_not_take_the_examples() -> None:
    text = (
        "For example, Hunan PFTZ released a new batch of 24 innovations, replicated across the province. Among "
        'them, the "bonded storage model for imported ores" cut costs, as did Guangxi PFTZ, whose officials praised '
        'the "border trade credit pool".'
    )
    got = {(a.name, a.adopter_key) for a in _read(text).adoptions}
    assert ("border trade credit pool", "guangxi") not in got


def test_table_cells_give_whole_names_and_scopes() -> None:
    s = (
        'Covering areas such as "dual-buy dual-sell" mechanisms, this batch involves 26 cases, including the '
        '"Suiyigou" Russian Commodity Display and Trading Platform" and the "digital ferry model".'
    )
    assert [e.name for e in cell_examples(s)] == [
        '"Suiyigou" Russian Commodity Display and Trading Platform',
        "digital ferry model",
    ]
    s = (
        'It includes 19 innovations replicated province-wide, such as the "trinity integrated tax service '
        'system", and 4 outcomes replicated in designated areas within the province, such as the "single-vehicle '
        'certification supervision model".'
    )
    assert [e.scope for e in cell_examples(s)] == ["", "designated"]


def test_heilongjiang_batch_holds_no_fragments(report: ParsedReport) -> None:
    names = {
        e.name for e in report.entities if e.label is Label.MEASURE and e.key.startswith("provincial:heilongjiang:")
    }
    assert names == {
        '"Suiyigou" Russian Commodity Display and Trading Platform',
        "digital fixed schedule ferry model at the Sino-Russian Heihe water transport passenger inspection port",
    }


def test_adoption_edges_of_the_bundled_report(report: ParsedReport) -> None:
    adopted = {(r.start.key, r.provenance.line) for r in report.relations if r.type is Rel.ADOPTED}
    assert {
        ("inner-mongolia", 827),
        ("shanxi", 823),
        ("ningxia", 815),
        ("zhejiang/jiaxing-coordinated-innovation-zone", 813),
    } <= adopted


# --------------------------------------------------------------------------- efforts
def test_alliances_and_members() -> None:
    text = (
        "PFTZs in Shanghai, Jiangsu, Zhejiang, and Anhui, through the Yangtze River Delta PFTZ Alliance, jointly "
        'issued the "Initiative on Cooperative Development of PFTZs". The nine provinces and autonomous regions '
        "along the Yellow River have leveraged the Yellow River Basin PFTZ Alliance to share services."
    )
    efforts = {e.name: e for e in _read(text).efforts}
    assert efforts["Yangtze River Delta PFTZ Alliance"].members == ("anhui", "jiangsu", "shanghai", "zhejiang")
    assert efforts["Yellow River Basin PFTZ Alliance"].members_text == (
        "nine provinces and autonomous regions along the Yellow River"
    )
    assert efforts["Initiative on Cooperative Development of PFTZs"].rule == "joint-action"


def test_alliance_batch_names_its_unquoted_innovations() -> None:
    text = (
        "The Yangtze River Delta PFTZ Alliance has jointly promoted institutional innovations, and released a "
        'third batch of 12 institutional innovations, such as establishing a "list-based" cross-border data '
        "management model, facilitating open sharing of scientific instruments, and creating a new collaborative "
        "model for cloud-based legal services. These initiatives span areas."
    )
    (e,) = [e for e in _read(text).efforts if e.rule == "alliance"]
    assert e.batch == (3, 12)
    assert e.released == (
        "establishing a list-based cross-border data management model",
        "facilitating open sharing of scientific instruments",
        "creating a new collaborative model for cloud-based legal services",
    )


def test_split_examples() -> None:
    assert split_examples("doing a thing, and making another. Then") == ["doing a thing", "making another"]


def test_joint_innovations_are_measures_not_alliances(report: ParsedReport) -> None:
    """Issue 24 item 4: a joint innovation is a measure of several origins; an alliance is a body."""
    origins: dict[str, set[str]] = {}
    for r in report.relations:
        if r.type is Rel.ORIGINATED_IN:
            origins.setdefault(r.start.key, set()).add(r.end.key)
    measure = "case:beijing:judicial-coordination-mechanism-for-ipr-protection"
    assert origins[measure] == {"beijing", "tianjin", "hebei"}
    (m,) = {e.key: e for e in report.entities if e.key == measure}.values()
    assert m.properties["joint"] is True
    alliances = {e.name: e.properties.get("kind") for e in report.entities if e.label is Label.ALLIANCE}
    assert alliances == {
        "Yangtze River Delta PFTZ Alliance": "alliance",
        "Yellow River Basin PFTZ Alliance": "alliance",
        "Joint Conference Mechanism for the Beijing-Tianjin-Hebei PFTZs": "mechanism",
        "Third Joint Conference on the Coordinated Development of Beijing PFTZs, Tianjin PFTZ and Hebei PFTZ": (
            "joint conference"
        ),
        "Collaborative Opening-up Demonstration Zone of Sichuan PFTZ and Chongqing PFTZ": "demonstration zone",
    }
    members: dict[str, set[str]] = {}
    names = {e.key: e.name for e in report.entities if e.label is Label.ALLIANCE}
    for r in report.relations:
        if r.type is Rel.MEMBER_OF and r.end.label is Label.ALLIANCE:
            members.setdefault(names[r.end.key], set()).add(r.start.key)
    assert members["Collaborative Opening-up Demonstration Zone of Sichuan PFTZ and Chongqing PFTZ"] == {
        "sichuan",
        "chongqing",
    }


def test_alliance_batch_innovations_are_one_measure_each(report: ParsedReport) -> None:
    """An innovation an alliance's batch names is one measure: in the batch the alliance released, of its members."""
    batch = "alliance:yangtze-river-delta-pftz-alliance:institutional-innovations:3"
    in_batch = {r.start.key for r in report.relations if r.type is Rel.IN_BATCH and r.end.key == batch}
    assert len(in_batch) == 6
    origins = {r.end.key for r in report.relations if r.type is Rel.ORIGINATED_IN and r.start.key in in_batch}
    assert origins == {"shanghai", "jiangsu", "zhejiang", "anhui"}
    released = [r for r in report.relations if r.type is Rel.RELEASED_BY and r.start.key == batch]
    assert {r.end.key for r in released} == {"yangtze-river-delta-pftz-alliance"}
    names = {e.key: e.name for e in report.entities if e.key == batch}
    assert "Yangtze River Delta PFTZ Alliance" in names[batch]


def test_a_national_demonstration_zone_is_no_alliance() -> None:
    text = (
        "Anhui PFTZ and Hefei - Wuhu - Bengbu National Independent Innovation Demonstration Zone have explored the "
        "Linkage Mechanism, focusing on the application of scientific results."
    )
    assert _read(text).efforts == ()


# --------------------------------------------------------------------------- layout and coverage
@pytest.mark.parametrize("perturb", [rewrap_paragraphs, move_body_page_breaks], ids=["rewrapped", "page-breaks"])
def test_perturbed_copies_give_the_same_facts(perturb: object) -> None:
    def facts(n: Narrative) -> set[tuple[str, ...]]:
        return (
            {("case", c.name, *c.zones) for c in n.cases}
            | {("adoption", a.name, a.adopter_key) for a in n.adoptions}
            | {("effort", e.name, *e.members) for e in n.efforts}
        )

    base = _read(TEXT)
    copy = _read(perturb(TEXT))  # type: ignore[operator]
    assert facts(copy) == facts(base)


def test_coverage_lists_unread_quotes_and_zones() -> None:
    n = _read('Shanghai PFTZ\'s "integrated license for convergent business" works.\n\nThe "Resolution" of Hubei PFTZ.')
    assert n.paragraphs == 1  # a paragraph of 60 characters or less is a heading or fragment
    n = _read(
        'Shanghai PFTZ\'s "integrated license for convergent business" allows enterprises to combine approvals.\n\n'
        'Hubei PFTZ stands on a river and its people like the "Yellow Crane Tower Scenic Area" a great deal.'
    )
    assert (n.paragraphs_read, n.paragraphs) == (1, 2)
    assert {(u.what, u.text) for u in n.unread} == {("quote", "Yellow Crane Tower Scenic Area"), ("zone", "Hubei PFTZ")}


def test_cli_parse_prints_the_share_and_unread() -> None:
    res = CliRunner().invoke(cli, ["parse", "--unread"])
    assert res.exit_code == 0, res.output
    assert "paragraphs (" in res.output and "yielded at least one fact" in res.output
    assert "pftz-report-2025.en.txt:205: quote 'Resolution" in res.output


def test_parse_of_an_excerpt_is_the_same_as_of_the_whole(report: ParsedReport) -> None:
    lines = TEXT.split("\n")
    start = lines.index("Institutional Innovation in Cross-Regional Cooperation")
    excerpt = "\n".join(lines[start - 2 : start + 80])
    part = parse_report(excerpt, "excerpt.txt", partial=True)
    names = {e.name for e in part.entities if e.label is Label.MEASURE and e.properties.get("joint")}
    assert "judicial coordination mechanism for IPR protection" in names


def test_unquoted_object_of_an_innovation_verb() -> None:
    text = (
        "For example, Shanghai PFTZ has introduced cross-border applications for digital RMB, facilitating the "
        "nation's first payment. It is the Plan that matters."
    )
    assert _cases(text) == {"cross-border applications for digital RMB": (("shanghai",), "object")}
    # a quoted proper name before a descriptive head phrase: the platform is the case, read once by name
    quoted = _read('Hubei PFTZ established the "Chip–Optics Chain" online trading platform.').cases
    assert {(c.name, c.zones) for c in quoted} == {("Chip–Optics Chain online trading platform", ("hubei",))}


def test_a_list_of_clauses_and_a_pronoun_subject() -> None:
    text = (
        "Sichuan and Chongqing PFTZs have pioneered a joint road transport mechanism. They have launched the "
        "integrated power supply service reform, explored full-chain service system reforms for film production, "
        "and established a collaborative mechanism for cross-border road transport."
    )
    got = {c.name: c.zones for c in _read(text).cases}
    assert got == {
        "joint road transport mechanism": ("chongqing", "sichuan"),
        "integrated power supply service reform": ("chongqing", "sichuan"),
        "full-chain service system reforms for film production": ("chongqing", "sichuan"),
        "collaborative mechanism for cross-border road transport": ("chongqing", "sichuan"),
    }


def test_scope_lists_are_adoptions_by_the_scope() -> None:
    text = (
        "Among them, 17 measures are replicated and scaled up across all PFTZs, including conducting pilot imports "
        "of remanufactured products, and improving the content of public announcements."
    )
    got = {(a.name, a.adopter_key) for a in _read(text).adoptions}
    assert got == {
        ("conducting pilot imports of remanufactured products", "all PFTZs"),
        ("improving the content of public announcements", "all PFTZs"),
    }


@pytest.mark.parametrize("wrap", [0, 38])
@pytest.mark.parametrize(
    ("text", "name", "zone"),
    [
        (
            'In Shaanxi PFTZ, the Yangling Area teamed up with seed breeders to open a "cross-border seed quarantine '
            'pre-clearance channel".',
            "cross-border seed quarantine pre-clearance channel",
            "shaanxi",
        ),
        (
            "Chongqing PFTZ partnered with two local banks to set up the \u201cland-sea corridor freight credit "
            "pool\u201d.",
            "land-sea corridor freight credit pool",
            "chongqing",
        ),
        (
            "The Nanning Area of Guangxi PFTZ joined hands with customs to pilot an 'ASEAN fruit cold-chain green "
            "lane'.",
            "ASEAN fruit cold-chain green lane",
            "guangxi",
        ),
    ],
)
def test_a_zone_acting_with_others_to_pilot_an_innovation_owns_it(text: str, name: str, zone: str, wrap: int) -> None:
    if wrap:
        text = "\n".join(textwrap.wrap(text, wrap))
    assert {(f.name, f.zones[0].split("/", 1)[0]) for f in _read(text).cases} == {(name, zone)}


def test_an_infinitive_not_of_piloting_gives_the_zone_no_case() -> None:
    text = 'Shaanxi PFTZ worked with seed breeders to study the "cross-border seed quarantine pre-clearance channel".'
    assert _read(text).cases == ()
