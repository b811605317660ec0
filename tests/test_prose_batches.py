"""Batches and their items as notices, press releases and papers state them (loaders/prose_batches.py).

Excerpts written for these tests in the manner of public texts (not copied from the development texts), and
perturbed copies of them: items re-wrapped over several lines, headings run into their list.
"""

from __future__ import annotations

import textwrap

import pytest

from pftz.ground.schema import Label, Rel, Scope
from pftz.loaders.evaluate import facts_from_report
from pftz.loaders.gazetteer import Gazetteer
from pftz.loaders.prose_batches import prose_batches
from pftz.loaders.prose_notices import item_name, notice_items, scope_of
from pftz.loaders.report import load_report, parse_report
from pftz.loaders.text import paragraphs, sentences, split_lines

GAZ = Gazetteer.default()

NOTICE = """\
Circular of the State Council on Replicating the Ninth Batch of Reform Pilot Experience

The State Council has decided that the ninth batch of 6 items of reform pilot experience shall be replicated \
within the scopes below.

(I) Items to be replicated and promoted nationwide (3 items)

1. In the field of trade facilitation: the "single declaration" model for bonded fuel bunkering; remote \
verification of vessel registration certificates. (Departments responsible: the General Administration of \
Customs and the Ministry of Transport)
2. In the field of finance: a "green channel" for cross-border settlement of service trade. (Department \
responsible: the State Administration of Foreign Exchange)

(II) Items to be replicated and promoted in specific regions (3 items)

1. In comprehensive bonded zones: "one ledger" supervision of bonded research and development goods \
(Sichuan FTZ, Chongqing FTZ). (Department responsible: the General Administration of Customs)
2. In the pilot free trade zones: list-based management of data exports for clinical trials (Hainan Free \
Trade Port); joint acceptance of construction projects (Hunan FTZ).

II. Implementation

Provinces shall draw up plans within three months.
"""


def _paras(text: str) -> list:
    return list(paragraphs(split_lines(text)))


def _items(text: str) -> list[tuple[str, str, str, tuple[str, ...], tuple[str, ...]]]:
    return [
        (i.name, str(i.scope), i.where, tuple(z.key for z in i.zones), tuple(b.key for b in i.bodies))
        for i in notice_items(_paras(text), GAZ.find_zones, GAZ.find_bodies)
    ]


EXPECTED = [
    ("single declaration model for bonded fuel bunkering", "Nationwide", "nationwide", (), ("gac", "mot")),
    ("remote verification of vessel registration certificates", "Nationwide", "nationwide", (), ("gac", "mot")),
    ("green channel for cross-border settlement of service trade", "Nationwide", "nationwide", (), ("safe",)),
    (
        "one ledger supervision of bonded research and development goods",
        "Designated areas",
        "comprehensive bonded zones",
        ("sichuan", "chongqing"),
        ("gac",),
    ),
    (
        "list-based management of data exports for clinical trials",
        "All PFTZs",
        "pilot free trade zones",
        ("hainan-ftp",),
        (),
    ),
    ("joint acceptance of construction projects", "All PFTZs", "pilot free trade zones", ("hunan",), ()),
]


def test_a_notice_lists_items_by_scope_with_bodies_and_origins() -> None:
    assert _items(NOTICE) == EXPECTED


def _rewrapped(text: str) -> str:
    """Each numbered item wrapped to 50 columns with an indent, and the blank line after each heading removed."""
    out: list[str] = []
    for line in text.split("\n"):
        if line[:2].rstrip(".").isdigit():
            out.extend(textwrap.wrap(line, 50, subsequent_indent="   ", break_on_hyphens=False))
        else:
            out.append(line)
    joined = "\n".join(out)
    return joined.replace("items)\n\n", "items)\n")


def test_a_rewrapped_notice_reads_the_same() -> None:
    perturbed = _rewrapped(NOTICE)
    assert perturbed != NOTICE
    assert _items(perturbed) == EXPECTED


def test_a_list_ends_at_the_next_part() -> None:
    text = NOTICE + "\n1. Every province shall report twice a year: a form for each item.\n"
    assert _items(text) == EXPECTED


@pytest.mark.parametrize(
    ("printed", "scope"),
    [
        ("nationwide", Scope.NATIONWIDE),
        ("in all pilot free trade zones", Scope.ALL_PFTZS),
        ("in the FTZs", Scope.ALL_PFTZS),
        ("in specific regions", Scope.DESIGNATED_AREAS),
        ("across the province", Scope.PROVINCE_WIDE),
        ("in border areas with land ports", Scope.DESIGNATED_AREAS),
    ],
)
def test_scope_words(printed: str, scope: Scope) -> None:
    assert scope_of(printed) is scope


def test_item_name_drops_quotes_and_article() -> None:
    assert item_name(' a "white list" for exporters.') == "white list for exporters"


def _batches(text: str) -> list[tuple[int, int | None, str | None, str | None]]:
    found = prose_batches(
        _paras(text),
        lambda p: list(sentences(p)),
        GAZ.find_zones,
        GAZ.find_bodies,
        GAZ.find_provinces,
        lambda k: k if k in GAZ.zones else None,
    )
    return [(b.ordinal, b.count, b.body.key if b.body else None, b.owner) for b in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The State Council's ninth batch of reform pilot experience, released in May, contained 20 items.",
            (9, 20, "state-council", None),
        ),
        (
            "Two years later the State Council included the model in the ninth batch of reform pilot experience.",
            (9, None, "state-council", None),
        ),
        (
            "Only then did MOFCOM select it for the fifth batch of best practice cases (MOFCOM, 2024).",
            (5, None, "mofcom", None),
        ),
        (
            "It was part of the seventh batch of reform pilot experience that the State Council promoted in 2023.",
            (7, None, "state-council", None),
        ),
        ("Yunnan releases 4th batch of FTZ institutional innovations", (4, None, None, "yunnan")),
        (
            'The province issued the "Notice on Replicating the 3rd Batch of Innovation Achievements of the China '
            '(Sichuan) Pilot Free Trade Zone".',
            (3, None, None, "sichuan"),
        ),
        (
            "Since the sixth batch of reform pilot experience was replicated, the zones have moved on.",
            (6, None, None, None),
        ),
    ],
)
def test_a_batch_named_in_prose(text: str, expected: tuple[int, int | None, str | None, str | None]) -> None:
    assert _batches(text) == [expected]


def test_a_batch_rewrapped_over_lines_reads_the_same() -> None:
    text = "The State Council's ninth batch of reform pilot experience, released in May, contained 20 items."
    assert _batches(textwrap.fill(text, 30)) == _batches(text) == [(9, 20, "state-council", None)]


def test_a_notice_becomes_measures_adoptions_and_bodies() -> None:
    report = parse_report(NOTICE, "notice.txt")
    facts = facts_from_report(report)
    adopters = {(f.name, f.adopter) for f in facts if f.fact == "adoption"}
    assert ("single declaration model for bonded fuel bunkering", "group:nationwide") in adopters
    assert (
        "one ledger supervision of bonded research and development goods",
        "group:comprehensive bonded zones",
    ) in adopters
    assert ("joint acceptance of construction projects", "group:pilot free trade zones") in adopters
    national = {f.name: f.actors for f in facts if f.fact == "national"}
    assert len(national) == 6
    assert national["one ledger supervision of bonded research and development goods"] == {
        "zone:sichuan",
        "zone:chongqing",
    }
    batches = [e for e in report.entities if e.label is Label.BATCH]
    assert {b.key for b in batches} == {"national:reform-experience:9"}
    responsible = {(r.start.key, r.end.label) for r in report.relations if r.type is Rel.RESPONSIBLE_FOR}
    assert {("gac", Label.MEASURE), ("mot", Label.MEASURE), ("safe", Label.MEASURE)} <= responsible
    rules = {r.provenance.rule for r in report.relations if r.type is Rel.ADOPTED}
    assert rules == {"notice-item"}


def test_an_edition_is_not_read_this_way() -> None:
    """An edition's batches come from its tables and their passages: the bundled report gets nothing from here."""
    report = load_report()
    assert not [r for r in report.relations if r.provenance.rule in ("notice-item", "prose-batch")]


PROSE = """\
Three of the zone's practices, including the "green lane" model for imported seedlings developed by the \
Kunming Area, were included in the ninth batch of reform pilot experience that the State Council promoted \
nationwide in May.

Later the State Council included the cold-chain bonded transit model in the tenth batch of reform pilot \
experience for replication nationwide. Yunnan, for instance, has applied the "single window" model for border \
trade at its land ports, and Shanxi Province has replicated the "one ledger" model for RMB settlement of border \
trade.

The Tianjin PFTZ launched the "lease first" model in 2019. Only afterwards did the State Council include the \
practice in the seventh batch of reform pilot experience for replication nationwide.
"""


def _measures(text: str) -> dict[str, tuple[set[str], set[str], bool]]:
    """Measure name -> (origin zones, adopters, whether its batch is only derived)."""
    report = parse_report(text, "prose.txt")
    names = {e.key: e.name for e in report.entities if e.label is Label.MEASURE}
    out: dict[str, tuple[set[str], set[str], bool]] = {}
    for r in report.relations:
        if r.start.label is Label.MEASURE and r.type in (Rel.IN_BATCH, Rel.ORIGINATED_IN):
            zones, adopters, _derived = out.setdefault(names[r.start.key], (set(), set(), False))
            if r.type is Rel.ORIGINATED_IN:
                zones.add(r.end.key)
            elif r.properties.get("derived"):
                out[names[r.start.key]] = (zones, adopters, True)
        if r.type is Rel.ADOPTED:
            out.setdefault(names[r.end.key], (set(), set(), False))[1].add(r.start.key)
    return out


def test_items_of_a_batch_named_in_prose() -> None:
    got = _measures(PROSE)
    assert got["green lane model for imported seedlings"] == ({"yunnan/kunming-area"}, {"nationwide"}, False)
    assert got["cold-chain bonded transit model"] == (set(), {"nationwide"}, False)
    # an example: its batch derived, no scope, adopted by the place its clause names
    assert got["single window model for border trade"] == (set(), {"yunnan"}, True)
    assert got["one ledger model for RMB settlement of border trade"] == (set(), {"shanxi"}, True)
    assert got["lease first"][0] == {"tianjin"}
    assert got["lease first"][1] == {"nationwide"}  # "the practice": the case named before it
    assert got["lease first"][2]


def test_items_of_a_batch_rewrapped() -> None:
    text = "\n\n".join(textwrap.fill(" ".join(p.split()), 40, break_on_hyphens=False) for p in PROSE.split("\n\n"))
    assert text != PROSE
    assert _measures(text) == _measures(PROSE)


RELEASE = """\
Yunnan releases 6th batch of FTZ institutional innovations for province-wide replication

Among the items to be replicated province-wide, the Kunming Area's "green lane" service for imported \
flower seedlings shortens clearance to a day. The Honghe Area's bonded repair model for border trade \
vehicles lets trucks be mended without duties, and the Dehong Area's cross-border labour \
service platform for seasonal workers saves a week of paperwork.

Among the items to be replicated in eligible areas, the Kunming Area's shared cold-chain inspection \
model for fruit will be extended to bonded zones.
"""


def _scoped(text: str) -> dict[str, tuple[set[str], set[str], set[str]]]:
    """Case name -> (origins, adopters, batches)."""
    report = parse_report(text, "release.txt")
    names = {e.key: e.name for e in report.entities if e.label is Label.MEASURE}
    out: dict[str, tuple[set[str], set[str], set[str]]] = {}
    for r in report.relations:
        if r.type is Rel.ORIGINATED_IN:
            out.setdefault(names[r.start.key], (set(), set(), set()))[0].add(r.end.key.split("/")[0])
        elif r.type is Rel.ADOPTED:
            out.setdefault(names[r.end.key], (set(), set(), set()))[1].add(r.start.key)
        elif r.type is Rel.IN_BATCH:
            out.setdefault(names[r.start.key], (set(), set(), set()))[2].add(r.end.key)
    return out


def test_examples_after_a_lead_of_scope() -> None:
    got = _scoped(RELEASE)
    batch = {"provincial:yunnan:institutional-innovations:6"}
    assert got["bonded repair model for border trade vehicles"] == ({"yunnan"}, {"yunnan"}, batch)
    assert got["cross-border labour service platform for seasonal workers"] == ({"yunnan"}, {"yunnan"}, batch)
    assert got["shared cold-chain inspection model for fruit"] == ({"yunnan"}, set(), batch)  # not province-wide
    green = [v for k, v in got.items() if k.startswith("green lane")]
    assert green and all(v[0] == {"yunnan"} for v in green) and any(v[1] == {"yunnan"} for v in green)


def test_examples_after_a_lead_of_scope_rewrapped() -> None:
    text = "\n\n".join(textwrap.fill(" ".join(p.split()), 45, break_on_hyphens=False) for p in RELEASE.split("\n\n"))
    assert text != RELEASE
    assert _scoped(text) == _scoped(RELEASE)


def test_no_lead_no_examples() -> None:
    """Without the lead of scope, a possessive is the narrative's to read, not an item replicated anywhere."""
    text = RELEASE.replace("Among the items to be replicated province-wide, the", "The")
    assert "yunnan" not in _scoped(text).get("bonded repair model for border trade vehicles", (set(), set(), set()))[1]


def test_an_item_read_twice_is_one_measure() -> None:
    """A batch released by a body is read by the report's own rule too: the item stays one node, with its origin."""
    text = (
        'Title\n\nThe fifth batch of best practice cases, released by MOFCOM in 2023, includes the "smart port" '
        "model for container terminals developed by the Tianjin FTZ.\n"
    )
    national = [f for f in facts_from_report(parse_report(text, "news.txt")) if f.fact == "national"]
    assert [(f.name, set(f.actors)) for f in national] == [("smart port", {"zone:tianjin"})]


@pytest.mark.parametrize(
    "zone",
    [
        "Yunnan PFTZ",
        "The Yunnan FTZ",
        "The Yunnan Pilot FTZ",
        "The China (Yunnan) Pilot Free Trade Zone",
        "The China (Yunnan) Pilot FTZ",
        "The Yunnan pilot free trade zone",
        "The pilot FTZ in Yunnan",
    ],
)
def test_a_zone_in_every_form_a_text_prints(zone: str) -> None:
    text = f'Title\n\n{zone} launched a "quick pass" model for cold-chain imports last year.\n'
    cases = [f for f in facts_from_report(parse_report(text, "news.txt")) if f.fact == "zone_case"]
    assert [(f.name, set(f.actors)) for f in cases] == [("quick pass", {"zone:yunnan"})]


def test_a_coordinated_zone_s_example_is_its_pftz_s_derived() -> None:
    text = RELEASE.replace("and the\nDehong Area's", "and the Ruili coordinated innovation zone's").replace(
        "and the Dehong Area's", "and the Ruili coordinated innovation zone's"
    )
    assert "Ruili coordinated" in text
    report = parse_report(text, "release.txt")
    names = {e.key: e.name for e in report.entities if e.label is Label.MEASURE}
    origin = [
        r
        for r in report.relations
        if r.type is Rel.ORIGINATED_IN and names[r.start.key].startswith("cross-border labour service platform")
    ]
    assert [(r.end.key, r.properties.get("derived")) for r in origin] == [("yunnan", True)]


def test_a_batch_whose_size_follows_it_and_items_of_the_zone_printed_after_them() -> None:
    text = (
        "Title\n\nThe ninth batch of reform pilot experience comprises 20 items, 12 of which will be replicated "
        'nationwide, including the "green lane" model of the Yunnan FTZ and "joint inspection" of outbound vehicles '
        "and the\n"
    )
    report = parse_report(text + "other items.\n", "news.txt")
    batches = [e for e in report.entities if e.label is Label.BATCH]
    assert {(b.key, b.properties.get("count")) for b in batches} == {("national:reform-experience:9", 20)}
    national = {f.name: set(f.actors) for f in facts_from_report(report) if f.fact == "national"}
    assert national == {"green lane model": {"zone:yunnan"}, "joint inspection of outbound vehicles": set()}


def _restyled(text: str) -> str:
    """The notice with other markers and wording: "(1)" headings, "1)" items, an Arabic-numbered next part."""
    return (
        text.replace("(I) Items to be replicated and promoted nationwide (3 items)", "(1) Reform measures replicated "
                     "and promoted across the country")
        .replace("(II) Items to be replicated and promoted in specific regions (3 items)",
                 "(2) Reform experience to be replicated in specific regions")
        .replace("\n1. ", "\n1) ")
        .replace("\n2. ", "\n2) ")
        .replace("II. Implementation", "3. Organizing implementation")
    )  # fmt: skip


def test_a_notice_in_another_style_reads_the_same() -> None:
    restyled = _restyled(NOTICE)
    assert "(1) Reform measures" in restyled and "\n1) In the field" in restyled
    assert [(n, s, w if s != "Nationwide" else "nationwide", z, b) for n, s, w, z, b in _items(restyled)] == EXPECTED


def test_a_body_a_notice_orders_to_act() -> None:
    text = NOTICE + "\nThe Ministry of Commerce shall, together with the relevant departments, track the work.\n"
    bodies = {f.name for f in facts_from_report(parse_report(text, "notice.txt")) if f.fact == "body"}
    assert "Ministry of Commerce" in bodies


@pytest.mark.parametrize(
    "sentence",
    [
        "The State Council's eighth batch of reform pilot experience, described as \"a new round of institutional "
        'opening-up", covers 24 items.',
        'MOFCOM released the fifth batch of best practice cases, which it called "fertile ground for reform".',
    ],
)
def test_a_quote_that_describes_a_batch_is_no_item(sentence: str) -> None:
    facts = facts_from_report(parse_report(f"Title\n\n{sentence} The Shanghai FTZ took part.\n", "news.txt"))
    assert [f.fact for f in facts if f.fact == "batch"] == ["batch"]
    assert not [f for f in facts if f.fact == "national"]


def test_a_body_a_notice_orders_to_act_rewrapped() -> None:
    text = _rewrapped(NOTICE) + (
        "\nThe Ministry of Commerce\nshall, together with the relevant departments,\ntrack the work.\n"
    )
    bodies = {f.name for f in facts_from_report(parse_report(text, "notice.txt")) if f.fact == "body"}
    assert "Ministry of Commerce" in bodies


NOTICE_OWN_SCOPES = """\
(II) Items to be replicated and promoted in specific areas (5 items)

4. Bonded repair of offshore drilling platforms, to be replicated and promoted in the comprehensive bonded \
zones of the PFTZs;

5. A "fast lane" for chilled seafood through border ports, to be replicated and promoted in the PFTZs in \
Heilongjiang, Hebei and Liaoning;

6. Shared pilotage of vessels across port groups, to be replicated and promoted in inland PFTZs and in the \
Hainan Free Trade Port; and (two other items, omitted).

II. Organizing implementation
"""


def _own_scopes(text: str) -> list[tuple[str, str, str, tuple[str, ...]]]:
    return [
        (i.name, str(i.scope), i.where, tuple(z.key for z in i.places))
        for i in notice_items(_paras(text), GAZ.find_zones, GAZ.find_bodies, GAZ.find_zone_lists)
    ]


OWN_SCOPES = [
    ("Bonded repair of offshore drilling platforms", "Designated areas", "comprehensive bonded zones of the PFTZs", ()),
    (
        "fast lane for chilled seafood through border ports",
        "Designated areas",
        "",
        ("heilongjiang", "hebei", "liaoning"),
    ),
    ("Shared pilotage of vessels across port groups", "Designated areas", "inland PFTZs", ("hainan-ftp",)),
]


@pytest.mark.parametrize("how", ["as printed", "rewrapped"])
def test_an_item_with_its_own_scope_after_it_and_a_bracket_that_is_no_item(how: str) -> None:
    text = NOTICE_OWN_SCOPES if how == "as printed" else _rewrapped(NOTICE_OWN_SCOPES.replace("\n\n4.", "\n4."))
    assert _own_scopes(text) == OWN_SCOPES
    # curly quotes and other zones read the same
    other = text.replace('"fast lane"', "\u201cfast lane\u201d").replace("Hebei and Liaoning", "Xinjiang and Hebei")
    assert _own_scopes(other)[1] == (OWN_SCOPES[1][0], "Designated areas", "", ("heilongjiang", "xinjiang", "hebei"))


def test_the_zones_of_an_items_own_scope_adopt_it() -> None:
    text = "Circular on the Ninth Batch of Reform Pilot Experience\n\n" + NOTICE_OWN_SCOPES
    facts = [f for f in facts_from_report(parse_report(text, "n.txt")) if f.fact == "adoption"]
    got = {(f.name.split()[0], f.adopter) for f in facts}
    assert {("fast", "zone:heilongjiang"), ("fast", "zone:hebei"), ("fast", "zone:liaoning")} <= got
    assert {("Shared", "group:inland pftzs"), ("Shared", "zone:hainan-ftp")} <= got
    assert not any("omitted" in f.name for f in facts)


NOTICE_SENTENCES = """\
Circular of the Ministry of Transport on Extending Port Innovations of the Pilot Free Trade Zones

I. Items to be replicated and promoted nationwide

1. The "paperless" handover of equipment interchange receipts at container terminals. First piloted in the \
Liaoning FTZ, this practice lets hauliers collect boxes with a phone. Scope: nationwide.

2. Joint pilotage of large vessels across neighbouring ports. Developed by Jiangsu FTZ and Anhui FTZ, it saves \
a day per call. Scope of application: nationwide.

3. Electronic filing of crew change applications. Scope: nationwide.

II. Items to be replicated and promoted in specific areas

4. Bonded storage of aviation fuel for international flights. Originating from the Shuangliu Area of Sichuan \
FTZ. Applicable scope: airports with international routes nationwide.

5. Tiered release of imported grain at river ports. Originating from Hubei FTZ. Scope: all pilot free trade zones.

III. Implementation requirements

(1) Strengthen organization. Port authorities shall report progress before the end of the year.
"""

SENTENCE_ITEMS = [
    ("paperless handover of equipment interchange receipts at container terminals", "Nationwide", ("liaoning",)),
    ("Joint pilotage of large vessels across neighbouring ports", "Nationwide", ("jiangsu", "anhui")),
    ("Electronic filing of crew change applications", "Nationwide", ()),
    ("Bonded storage of aviation fuel for international flights", "Nationwide", ("sichuan",)),
    ("Tiered release of imported grain at river ports", "All PFTZs", ("hubei",)),
]


@pytest.mark.parametrize("how", ["as printed", "rewrapped", "other names and quotes"])
def test_an_item_told_in_sentences_has_its_origin_and_scope_from_them(how: str) -> None:
    """'N. <item>. Originating from <zone>, .... Scope: <scope>.': the first sentence is the name."""
    text, expected = NOTICE_SENTENCES, SENTENCE_ITEMS
    if how == "rewrapped":
        text = _rewrapped(text.replace("\n\n2.", "\n2.").replace("\n\n5.", "\n5."))
    elif how == "other names and quotes":
        text = text.replace('"paperless"', "\u201cpaperless\u201d")
        text = text.replace("Liaoning FTZ", "China (Fujian) Pilot Free Trade Zone")
        expected = [(SENTENCE_ITEMS[0][0], "Nationwide", ("fujian",)), *SENTENCE_ITEMS[1:]]
    got = [
        (i.name, str(i.scope), tuple(z.key.split("/", 1)[0] for z in i.zones))
        for i in notice_items(_paras(text), GAZ.find_zones, GAZ.find_bodies, GAZ.find_zone_lists)
    ]
    assert got == expected
    facts = facts_from_report(parse_report(text, "n.txt"))
    adopters = {(f.name.split()[0], f.adopter) for f in facts if f.fact == "adoption"}
    assert ("Bonded", "group:airports with international routes nationwide") in adopters
    assert not any(f.name.startswith(("nationwide", "all pilot")) for f in facts)


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        ("Hubei FTZ's ninth batch of 32 achievements was rolled out across the province.", "hubei"),
        ("The Guangxi Pilot Free Trade Zone’s latest 5th batch of innovations covers border trade.", "guangxi"),
        ("Shaanxi FTZ's\nthird batch of\ninstitutional innovations was issued in June.", "shaanxi"),
    ],
)
def test_a_zone_s_possessive_owns_the_batch(text: str, owner: str) -> None:
    assert [b[3] for b in _batches(text)] == [owner]


@pytest.mark.parametrize(
    "text",
    [
        "It counted the sixth batch of reform pilot experience and the fourth batch of best practice cases.",
        "It counted the 6th batch of reform pilot experience, and the 4th batch of best practice cases, both of 2021.",
    ],
)
def test_two_batches_in_one_clause_keep_their_own_series(text: str) -> None:
    facts = [f for f in facts_from_report(parse_report(text, "n.txt")) if f.fact == "batch"]
    names = sorted(f.name.lower() for f in facts)
    assert len(names) == 2 and "practice" in names[0] and "experience" in names[1], names


@pytest.mark.parametrize(
    "text",
    [
        "In May the State Council approved the ninth batch of reform pilot experience for replication nationwide. "
        'It includes 19 items, among them the "cold-chain passport" for imported vaccines first tried in Hubei FTZ '
        "and a shared registry of aircraft leases developed by Tianjin FTZ.",
        # another subject, other zones, curly quotes, re-wrapped
        "Last week the State Council approved the tenth batch of reform pilot experience for replication\nacross "
        "the country. The batch contains 23 items, including the \u201csingle-window\u201d check of\nimported "
        "vaccines piloted by Hubei FTZ and an electronic registry of aircraft leases\ndeveloped by Tianjin FTZ.",
        # "jointly" before the participle
        "The State Council approved the ninth batch of reform pilot experience for replication nationwide. It "
        'covers 19 items, such as the "cold-chain passport" for imported vaccines jointly developed by Hubei FTZ '
        "and the shared registry of aircraft leases pioneered in Tianjin FTZ.",
    ],
)
def test_the_batch_as_next_subject_gives_its_scope_to_its_examples(text: str) -> None:
    """'It includes N items, among them the "A" ... first tried in X and a B developed by Y': both items of the
    batch, from their zones, in the scope the sentence on the batch stated."""
    facts = facts_from_report(parse_report(text, "n.txt"))
    national = {(f.name.split()[-1], tuple(sorted(f.actors))) for f in facts if f.fact == "national"}
    assert national == {("vaccines", ("zone:hubei",)), ("leases", ("zone:tianjin",))}
    adopted = {(f.name.split()[-1], f.adopter) for f in facts if f.fact == "adoption"}
    assert adopted == {("vaccines", "group:nationwide"), ("leases", "group:nationwide")}


def test_an_example_after_a_batch_of_another_subject_has_no_scope() -> None:
    text = (
        "The State Council approved the ninth batch of reform pilot experience for replication nationwide. "
        'Hunan, for example, has replicated the "cold-chain passport" for imported vaccines developed by Hubei FTZ.'
    )
    facts = facts_from_report(parse_report(text, "n.txt"))
    assert not any(f.adopter == "group:nationwide" for f in facts if f.fact == "adoption")


COUNTED_FIELD = """\
Circular of the State Council on Replicating the Tenth Batch of Reform Pilot Experience

The State Council has decided that the tenth batch of reform pilot experience shall be replicated as follows.

(I) Items to be replicated and disseminated nationwide (9 items)

1. In the field of trade facilitation: "paperless transit" for bonded barges (experience of Guangxi FTZ; \
responsible department: General Administration of Customs).
2. In the field of government services, 7 items including online "video notarization" for overseas parties \
(experience of Hubei FTZ; responsible department: Ministry of Justice) and the "one-form" filing of fishing \
vessel changes (responsible department: Ministry of Agriculture and Rural Affairs).

II. Implementation

Provinces shall draw up plans within three months.
"""


@pytest.mark.parametrize(
    "text",
    [
        COUNTED_FIELD,
        COUNTED_FIELD.replace("7 items including", "seven measures such as").replace(
            '"paperless transit"', "\u201cpaperless transit\u201d"
        ),
        COUNTED_FIELD.replace("replicated and disseminated", "replicated and spread"),
    ],
)
def test_a_counted_field_lead_names_its_items_and_disseminated_is_a_verb_of_scope(text: str) -> None:
    facts = facts_from_report(parse_report(text, "circular.txt"))
    adopters = {(f.name, f.adopter) for f in facts if f.fact == "adoption"}
    national = {f.name: f.actors for f in facts if f.fact == "national"}
    assert national.get("online video notarization for overseas parties") == {"zone:hubei"}, national
    assert "one-form filing of fishing vessel changes" in national
    assert ("paperless transit for bonded barges", "group:nationwide") in adopters, adopters
    assert ("one-form filing of fishing vessel changes", "group:nationwide") in adopters


COUNTED_NOTICE = """\
Circular on Spreading the Tenth Batch of Reform Experience

(I) Items to be {verb} nationwide (5 items)

1. In the field of port services, 3 items including the "single berth ledger" for coastal shipping (experience \
of Guangxi FTZ; responsible department: Ministry of Transport) and joint pilotage booking for inland vessels \
(experience of Hubei FTZ), and remote tallying of timber cargo (responsible department: General Administration \
of Customs).
2. In the field of finance: a "green list" for the settlement of service trade (responsible department: State \
Administration of Foreign Exchange); pledge loans on warehouse receipts for grain.

II. Implementation

Provinces shall draw up plans within three months.
"""
COUNTED_EXPECTED = [
    ("single berth ledger for coastal shipping", "Nationwide", ("guangxi",)),
    ("joint pilotage booking for inland vessels", "Nationwide", ("hubei",)),
    ("remote tallying of timber cargo", "Nationwide", ()),
    ("green list for the settlement of service trade", "Nationwide", ()),
    ("pledge loans on warehouse receipts for grain", "Nationwide", ()),
]


def _scoped_items(text: str) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(n, sc, zs) for n, sc, _w, zs, _b in _items(text)]


@pytest.mark.parametrize(
    "verb",
    ["replicated and disseminated", "disseminated", "promoted and popularized", "rolled out and extended"],
)
def test_every_verb_of_replicating_a_heading_prints(verb: str) -> None:
    """A heading's verb alone or two joined by "and" leaves the scope "nationwide", not "and ... nationwide"."""
    assert _scoped_items(COUNTED_NOTICE.format(verb=verb)) == COUNTED_EXPECTED


def test_a_counted_lead_and_items_split_after_a_bracket_rewrapped_with_other_quotes() -> None:
    text = COUNTED_NOTICE.format(verb="replicated and disseminated")
    perturbed = _rewrapped(
        text.replace('"single berth ledger"', "“single berth ledger”").replace("3 items", "three items")
    )
    assert perturbed != text
    assert _scoped_items(perturbed) == COUNTED_EXPECTED
