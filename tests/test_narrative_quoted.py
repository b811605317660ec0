"""Tests of the narrative rules for quoted names, bold case titles, joint clause lists and printed groups.

One excerpt per rule (the report's wording and a reworded variant, so that no
rule is tuned to one sentence), what each rule rejects, and the same records on
perturbed copies of the bundled report (re-wrapped, page breaks moved).
"""

from __future__ import annotations

import pytest

from pftz.ground.schema import Label
from pftz.loaders.evaluate import facts_from_report
from pftz.loaders.gazetteer import Gazetteer
from pftz.loaders.narrative import (
    Narrative,
    partly_quoted_name,
    printed_group,
    read_narrative,
)
from pftz.loaders.quotes import quoted_spans
from pftz.loaders.report import BUNDLED_REPORT, load_report, parse_report
from pftz.loaders.structure import parse_structure
from pftz.loaders.table_cells import cell_examples
from pftz.loaders.text import paragraphs, split_lines
from tests.perturb import move_body_page_breaks, rewrap_paragraphs

GAZ = Gazetteer.default()
TEXT = BUNDLED_REPORT.read_text(encoding="utf-8")
NEW_RULES = ("partly-quoted", "organisation", "bold-title", "joint-clauses", "resulted-in")


def _read(text: str) -> Narrative:
    lines = split_lines(text)
    return read_narrative(paragraphs(lines), parse_structure(lines), GAZ)


Got = dict[str, tuple[set[tuple[str, ...]], set[str], bool]]


def _cases(text: str) -> Got:
    """Each case name read: the origins it was read with, the rules that read it, and whether it is joint.

    Several rules may read one name (they give one node); a test checks that its rule is among them.
    """
    got: Got = {}
    for c in _read(text).cases:
        zones, rules, joint = got.setdefault(c.name, (set(), set(), False))
        zones.add(c.zones)
        rules.add(c.rule)
        got[c.name] = (zones, rules, joint or c.joint)
    return got


def _both(text: str) -> list[Got]:
    """The cases of an excerpt as printed and re-wrapped to 40 columns (one paragraph, several lines)."""
    return [_cases(text), _cases(rewrap_paragraphs(text, width=40))]


def _check(got: Got, name: str, zones: tuple[str, ...], rule: str, joint: bool = False) -> None:
    assert name in got, f"{name!r} not read: {sorted(got)}"
    assert got[name][0] == {zones} and rule in got[name][1] and got[name][2] is joint, got[name]


def _rules(got: Got) -> set[str]:
    return {r for _, rules, _ in got.values() for r in rules}


# --------------------------------------------------------------------------- partly quoted names
PARTLY_QUOTED = [
    (
        'Hubei PFTZ established the "Chip–Optics Chain" online trading platform.',
        "Chip–Optics Chain online trading platform",
    ),
    (
        'It has also established an FTA benefit-oriented "One-Click Access" smart platform,',
        "FTA benefit-oriented One-Click Access smart platform",
    ),
    (
        'Lin-gang Special Area launched a comprehensive service platform for "going global", which',
        "comprehensive service platform for going global",
    ),
    (
        'it has piloted a "one-time entry, simultaneous declaration" customs clearance model, achieving',
        "one-time entry, simultaneous declaration customs clearance model",
    ),
    (
        'Jiangsu PFTZ explored a pilot "whitelist" system for the import of such items.',
        "whitelist system for the import of such items",
    ),
    (
        'Henan PFTZ built a "Silk Road e-Commerce" bonded service center for exporters.',
        "Silk Road e-Commerce bonded service center for exporters",
    ),
]


@pytest.mark.parametrize(("sentence", "name"), PARTLY_QUOTED)
def test_partly_quoted_name(sentence: str, name: str) -> None:
    assert partly_quoted_name(sentence, quoted_spans(sentence)[0]) == name


@pytest.mark.parametrize(
    "sentence",
    [
        'Shanghai PFTZ launched the "Single Window" platform for trade.',  # a brand right before its head noun
        'Hubei PFTZ has explored a "one-stop credit repair" for enterprises.',  # quoted whole: the quoted rules' own
        'The zone called for "high standards" in trade.',
    ],
)
def test_not_partly_quoted(sentence: str) -> None:
    assert partly_quoted_name(sentence, quoted_spans(sentence)[0]) == ""


def test_partly_quoted_cases_credit_the_subject_or_the_pronoun() -> None:
    text = (
        'For example, Hubei PFTZ established the "Chip–Optics Chain" online trading platform, a public service '
        "platform for the supply chain. In another example, Lin-gang Special Area of Shanghai PFTZ launched a "
        'comprehensive service platform for "going global", which integrates a service center. **For example**, '
        "Shanghai PFTZ has upgraded its data system. In collaboration with Singapore and Malaysia, it has piloted a "
        '"one-time entry, simultaneous declaration" customs clearance model, achieving data sharing.'
    )
    for got in _both(text):
        _check(got, "Chip–Optics Chain online trading platform", ("hubei",), "partly-quoted")
        _check(got, "comprehensive service platform for going global", ("shanghai",), "partly-quoted")
        _check(got, "one-time entry, simultaneous declaration customs clearance model", ("shanghai",), "partly-quoted")


def test_a_quoted_name_between_subject_and_phrase_is_its_subject() -> None:
    text = (
        'Beijing PFTZ\'s "Four Optimizations and One Revitalization" to ensure rare disease drug accessibility '
        'establishes a comprehensive "whitelist" system covering rare disease drugs for urgent clinical needs.'
    )
    assert "comprehensive whitelist system" not in _cases(text)


def test_a_document_title_is_never_partly_quoted_case() -> None:
    text = 'Shanghai PFTZ issued an "Action Plan for Trade" implementation platform for the whole city this year.'
    assert "partly-quoted" not in _rules(_cases(text))


# --------------------------------------------------------------------------- a body of the zone as the actor
def test_a_body_of_the_zone_launches_a_quoted_name() -> None:
    text = (
        "Fujian PFTZ is advancing the development of regional equity markets. The Haixia Equity Exchange has "
        'continuously enhanced the innovative service capabilities of the "Taiwan-invested Enterprises Board" and '
        'launched the "Cross-Straits Integration Service", expanding its services. The Integrated Service Center for '
        'Taiwan Compatriots\' Professional Qualifications has innovated the "doorstep certification delivery" '
        'service, upgrading the "one stop service" model to "services delivered directly to residents".'
    )
    for got in _both(text):
        _check(got, "Cross-Straits Integration Service", ("fujian",), "organisation")
        _check(got, "doorstep certification delivery service", ("fujian",), "organisation")
        assert "Taiwan-invested Enterprises Board" not in got  # no innovation verb before it
        assert not any("one stop service" in n or "residents" in n for n in got)  # old state -> new state


def test_a_body_rule_needs_one_subject_zone_and_no_document() -> None:
    # no zone in the paragraph: nobody to credit
    assert _cases('The Municipal Procurement Cloud Platform launched a "Special Window for Alignment Reforms".') == {}
    # a document title is not a case even when a body launches it
    text = (
        "Shanghai PFTZ is working on procurement in many ways this year. The Municipal Finance Bureau "
        'launched the "Guiding Opinions on Aligning with International Rules" in March.'
    )
    assert _cases(text) == {}
    text = (
        "Shanghai PFTZ has advanced procurement reforms across the city this year. The Shanghai Government "
        'Procurement Cloud Platform launched a "Special Window for Alignment Reforms".'
    )
    _check(_cases(text), "Special Window for Alignment Reforms", ("shanghai",), "organisation")
    # a national body acting in a zone's paragraph is not a body of the zone
    text = (
        "Shanghai PFTZ is working on payments in many ways this year. The People's Bank of China launched the "
        '"Cross-Border Payment Service Window" in March.'
    )
    assert _cases(text) == {}


# --------------------------------------------------------------------------- bold case titles
def test_bold_case_titles() -> None:
    text = (
        "Skilled personnel now only need to take one examination. **Chongqing PFTZ establishes a 'four teams' "
        "working mechanism for entrepreneurship mentorship of sci-tech talents**, taking the lead nationwide to "
        'promote the systematic development of "four supporting teams" for talents.\n\n'
        "Enterprises are exempt from declaring security assessments for data exports in this case. "
        "**Beijing PFTZ introduced China's first scenario-based, field-level negative list for cross-border data "
        "transfers.** The list covers 48 data items across five industries."
    )
    for got in _both(text):
        name = "four teams working mechanism for entrepreneurship mentorship of sci-tech talents"
        _check(got, name, ("chongqing",), "bold-title")
        _check(
            got, "scenario-based, field-level negative list for cross-border data transfers", ("beijing",), "bold-title"
        )
        assert "four supporting teams" not in got  # a later phrase describes the titled case


def test_bold_spans_that_are_not_case_titles() -> None:
    text = (
        "**First, PFTZs will introduce a series of pioneering and integrated reform measures.** They will act.\n\n"
        '**Hebei PFTZ\'s "differentiated inspection model for imported iron ore"** improves inspection of ore.\n\n'
        "**Liaoning PFTZ** has taken many steps to open up the economy of the northeast this year."
    )
    assert "bold-title" not in _rules(_cases(text))


# --------------------------------------------------------------------------- joint clause lists
def test_joint_clause_list_gives_one_joint_case_per_clause() -> None:
    text = (
        "**In the development of the economic circle**, Sichuan and Chongqing PFTZs have taken the construction of "
        "a demonstration zone as a key initiative. They have released 10 collaborative innovations, launched the "
        '"one license per industry" reform for cross-regional processing, explored integrated power supply service '
        'reforms in adjacent areas, established a "five-end" collaborative mechanism for the automotive industry, '
        "pioneered joint development, protection, and enforcement of intellectual property rights, and jointly "
        "developed a lemon specialty industrial cluster. These efforts fully demonstrate the achievements."
    )
    want = {
        "one license per industry reform for cross-regional processing",
        "integrated power supply service reforms in adjacent areas",
        "five-end collaborative mechanism for the automotive industry",
        "joint development, protection, and enforcement of intellectual property rights",
        "lemon specialty industrial cluster",
    }
    for got in _both(text):
        assert {n for n, (_, rules, _) in got.items() if "joint-clauses" in rules} == want
        for n in want:
            _check(got, n, ("chongqing", "sichuan"), "joint-clauses", joint=True)
        assert not any(n.startswith("10 ") for n in got)  # a count is not a case


def test_jointly_with_an_area_of_a_zone() -> None:
    text = (
        "**For example**, Yunnan PFTZ and Lin-gang Special Area of Shanghai PFTZ have jointly promoted the "
        "empowerment of the livestock industry's digital transformation through data factors. It worked."
    )
    n = _read(text)
    (case,) = [c for c in n.cases if c.rule == "joint-clauses"]
    assert case.name == "empowerment of the livestock industry's digital transformation through data factors"
    assert case.zones == ("shanghai", "yunnan") and case.joint
    assert n.efforts == ()  # a joint innovation is a case of several origins, never an alliance (issue 24)


def test_no_joint_case_from_a_single_clause_without_jointly() -> None:
    text = "PFTZs in Beijing, Tianjin, and Hebei have continuously broadened the range of interoperable services."
    assert "joint-clauses" not in _rules(_cases(text))
    text = "Shanghai PFTZ has launched a new model, explored a new service and built a new platform for trade."
    assert "joint-clauses" not in _rules(_cases(text))  # one zone: not joint


# --------------------------------------------------------------------------- results and their adoption
def test_result_named_and_replicated_across_the_province() -> None:
    text = (
        "**For example**, Anhui PFTZ and a national demonstration zone have explored a linkage mechanism. This has "
        "resulted in a reform model for the ownership of job-related technological achievements, based on a "
        'principle. Through the issuance of the "Implementation Plan for the Pilot Reform" by the provincial '
        "department, this model has been replicated and scaled up across the province, generating spillovers."
    )
    for copy in (text, rewrap_paragraphs(text, width=40)):
        n = _read(copy)
        name = "reform model for the ownership of job-related technological achievements"
        assert {(c.name, c.zones) for c in n.cases} == {(name, ("anhui",))}
        assert "resulted-in" in {c.rule for c in n.cases}
        (a,) = [a for a in n.adoptions if a.rule == "this-model"]
        assert (a.name, a.adopter_kind, a.adopter_key, a.origins, a.scope) == (
            name,
            "province",
            "anhui",
            ("anhui",),
            "province-wide",
        )


def test_this_model_without_a_case_or_a_scope_is_no_adoption() -> None:
    text = "Anhui PFTZ works hard on many things every year. This model has been replicated and scaled up widely."
    assert _read(text).adoptions == ()
    text = (
        "Anhui PFTZ has explored a linkage mechanism this year. This has resulted in a reform model for the "
        "ownership of achievements. This model has been replicated in two cities."
    )
    assert _read(text).adoptions == ()


# --------------------------------------------------------------------------- printed groups
@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("a platform for the three northeastern provinces, enables", "three northeastern provinces"),
        (
            "the nine provinces and autonomous regions along the Yellow River have leveraged",
            "nine provinces and autonomous regions along the Yellow River",
        ),
        ("the two municipalities of the Bohai Rim joined", "two municipalities of the Bohai Rim"),
        ("provinces such as Shanxi", ""),
    ],
)
def test_printed_group(text: str, group: str) -> None:
    assert printed_group(text) == group


def test_an_effort_of_a_group_printed_without_members() -> None:
    text = (
        "**In terms of ecological conservation**, the nine provinces and autonomous regions along the Yellow River "
        "have leveraged the Yellow River Basin PFTZ Alliance to use shared policies. They have steadily promoted "
        "the cross-regional sharing of high-quality services such as platforms, resources, and technologies within "
        "the alliance. A total of 44 initiatives have been launched."
    )
    n = _read(text)
    group = "nine provinces and autonomous regions along the Yellow River"
    # what the group did is its joint innovation (a case with the members as printed), the alliance a body
    shared = "cross-regional sharing of high-quality services such as platforms, resources, and technologies"
    assert {(c.name, c.zones, c.members_text) for c in n.cases} == {(shared, (), group)}
    assert {(e.name, e.members, e.members_text) for e in n.efforts} == {("Yellow River Basin PFTZ Alliance", (), group)}


def test_a_single_zone_cross_regional_case_has_the_printed_group_as_members() -> None:
    report = load_report()
    airspace = [
        e
        for e in report.entities
        if e.label is Label.MEASURE and e.name.lower().startswith("integrated cross-regional supervision of airspace")
    ]
    assert airspace and {e.properties.get("members") for e in airspace} == {"three northeastern provinces"}
    assert all(e.properties.get("cross_regional") for e in airspace)
    assert not [e for e in report.entities if e.label is Label.ALLIANCE and "airspace" in e.name]


# --------------------------------------------------------------------------- Table 1-7 cells
def test_an_example_after_a_list_of_fields_is_read() -> None:
    s = (
        "The 8th batch involves 28 institutional innovations in fields including government function "
        "transformation, trade facilitation, and participation in the formulation of international standards, such "
        'as "innovation in enterprise full-lifecycle services" and "customs tax intelligent analysis".'
    )
    assert [e.name for e in cell_examples(s)] == [
        "innovation in enterprise full-lifecycle services",
        "customs tax intelligent analysis",
    ]
    s = 'Covering areas such as "dual-buy dual-sell" mechanisms, this batch involves 26 cases.'
    assert cell_examples(s) == []  # the areas a batch covers are no examples


# --------------------------------------------------------------------------- the bundled report, perturbed
def _new_facts(n: Narrative) -> set[tuple[str, ...]]:
    return (
        {("case", c.rule, c.name, *c.zones) for c in n.cases if c.rule in NEW_RULES}
        | {("adoption", a.name, a.adopter_key) for a in n.adoptions if a.rule == "this-model"}
        | {("effort", e.name, e.members_text, *e.members) for e in n.efforts if e.members_text}
        | {("group-case", c.name, c.members_text, *c.zones) for c in n.cases if c.members_text}
    )


@pytest.fixture(scope="module")
def bundled() -> set[tuple[str, ...]]:
    return _new_facts(_read(TEXT))


def test_every_new_rule_reads_the_bundled_report(bundled: set[tuple[str, ...]]) -> None:
    rules = {f[1] for f in bundled if f[0] == "case"}
    assert rules == set(NEW_RULES)
    assert any(f[0] == "adoption" for f in bundled)
    assert sum(1 for f in bundled if f[0] == "effort") >= 1  # the alliance printed with a group of members
    assert sum(1 for f in bundled if f[0] == "group-case") >= 2  # joint work of a printed group: cases


@pytest.mark.parametrize("perturb", [rewrap_paragraphs, move_body_page_breaks], ids=["rewrapped", "page-breaks"])
def test_perturbed_copies_give_the_same_new_facts(perturb: object, bundled: set[tuple[str, ...]]) -> None:
    assert _new_facts(_read(perturb(TEXT))) == bundled  # type: ignore[operator]


# --------------------------------------------------------------------------- speech is no name
@pytest.mark.parametrize(
    "text",
    [
        '"A good model only matters once others can copy it," the official said, adding that the ministry will '
        "follow how the practices are applied across the country.",
        "\u201cEvery zone should learn from the best cases in its own way,\u201d Zhou noted, and the cases will "
        "be replicated nationwide.",
        'The deputy director added: "Other regions will adopt what works, step by step." The ministry agreed.',
    ],
)
def test_a_quoted_sentence_someone_says_is_no_innovation(text: str) -> None:
    for variant in (text, rewrap_paragraphs(text)):
        got = _read(variant)
        assert not any(len(a.name.split()) >= 4 and a.name[:1].isupper() for a in got.adoptions), got.adoptions
        assert not got.cases


def test_a_quoted_name_beside_a_verb_of_saying_is_still_a_name() -> None:
    text = 'Officials said the "green berth" scheme of Hainan FTP has been replicated by Guangxi.'
    got = _read(text)
    assert any("green berth" in a.name for a in got.adoptions)


# --------------------------------------------------------------------------- the zone in an appositive after the name
@pytest.mark.parametrize(
    ("text", "name", "zone"),
    [
        ('The "dock-side sealing" model for grain barges, first tried in the Zhejiang pilot FTZ, has cut '
         "waiting times.", "dock-side sealing model for grain barges", "zhejiang"),
        ('Among them is the "two-step filing" approval for charter flights, which was pioneered by the China '
         "(Hubei) Pilot Free Trade Zone at Ezhou airport.", "two-step filing", "hubei"),
        ("The \u201cpooled guarantee\u201d service for small exporters, initially trialled in Anhui FTZ, is "
         "now common.", "pooled guarantee service for small exporters", "anhui"),
    ],
)  # fmt: skip
def test_a_zone_in_an_appositive_after_the_rest_of_the_name_or_a_relative_clause(
    text: str, name: str, zone: str
) -> None:
    for variant in (text, rewrap_paragraphs(text)):
        got = _cases(variant)
        assert any(n.startswith(name) and (zone,) in z for n, (z, _r, _j) in got.items()), got


@pytest.mark.parametrize(("q", "sep"), [('"{}"', "; "), ("\u201c{}\u201d", ", and ")])
def test_an_unquoted_example_of_a_later_clause_of_a_cell(q: str, sep: str) -> None:
    """A cell naming a quoted example, then, in a clause of its own count, an unquoted one ("...; 3 apply in designated
    areas, such as ..."): both, the second with that clause's scope."""
    cell = (
        "Covering ports and finance. 19 items are replicated across the province, such as the "
        + q.format("one ship, one file")
        + f" model for river barges{sep}3 apply in designated areas, such as bonded storage of crude oil in free "
        "trade port zones."
    )
    got = [(e.name, e.scope) for e in cell_examples(cell)]
    assert got == [("one ship, one file", ""), ("bonded storage of crude oil in free trade port zones", "designated")]
    # a "such as" inside the quoted example's own clause is no example of another clause
    same = cell.replace(sep + "3 apply in designated areas,", ", for barges")
    assert [e.name for e in cell_examples(same)] == ["one ship, one file"]


@pytest.mark.parametrize(
    ("text", "name", "zone"),
    [
        ('Customs said it would extend the "one-stop tally" model for rail freight, first used at the Suifenhe '
         "Area of Heilongjiang FTZ, to all rail border ports.", "one-stop tally model for rail freight",
         "heilongjiang"),
        ("The ministry will roll out the \u2018bonded relay\u2019 service for auto parts, first applied in the "
         "Guangxi pilot FTZ, across the region.", "bonded relay service for auto parts", "guangxi"),
        ("Officials plan to widen the \u201cgreen lane\u201d check for live cattle, first used in Yunnan FTZ, to "
         "other border crossings.", "green lane check for live cattle", "yunnan"),
    ],
)  # fmt: skip
def test_first_used_in_an_appositive_names_the_origin(text: str, name: str, zone: str) -> None:
    """'the "A" model for X, first used at <zone>, ...': the zone's case, named by the printed phrase."""
    for variant in (text, rewrap_paragraphs(text)):
        cases = [(f.name, f.actors) for f in facts_from_report(parse_report(variant, "t.txt")) if f.fact == "zone_case"]
        assert (name, frozenset({f"zone:{zone}"})) in cases, cases


def test_used_by_alone_is_no_origin() -> None:
    """``used`` names the origin only after ``first``: '..., used by Hebei FTZ, ...' names a user."""
    text = 'The "one-stop tally" model for rail freight, used by Hebei FTZ, saves time.'
    assert not [f for f in facts_from_report(parse_report(text, "t.txt")) if f.fact == "zone_case"]
