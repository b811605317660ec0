"""Report-level facts of texts that are not editions, and of editions: national innovations with their origin zones,
batches with their releasing body or zone, documents and their issuers. Each excerpt is written for the test (no
development text's names or lines), and read as printed, re-wrapped and with a page break moved."""

from __future__ import annotations

import pytest

from pftz.ground.schema import Label, Rel
from pftz.loaders.records import ParsedReport
from pftz.loaders.report import parse_report
from tests.test_reader_layouts import _batches, _docs, _national, _perturbed


def _in_batch(report: ParsedReport, batch: str) -> dict[str, dict[str, object]]:
    """The innovations put in ``batch``, by name, with the properties of their ``IN_BATCH`` edge."""
    names = {e.key: e.name for e in report.entities if e.label is Label.MEASURE}
    return {
        names.get(r.start.key, r.start.key): dict(r.properties)
        for r in report.relations
        if r.type is Rel.IN_BATCH and r.end.key == batch
    }


RELEASE = """\
Ministry Publishes Fifth Batch of Best Practices

Shenyang, March 3, 2031 - The Ministry of Commerce on Monday released the fifth batch of 30 "best practices" of \
China's free trade zones, chosen from 120 submissions.

In customs, Liaoning PFTZ introduced a "berth-side release" model for imported frozen seafood, and the FTZs in \
Fujian and Zhejiang set up a "shared ship registry" service for fishing vessels.

Other cases in the batch include a credit-based "quick refund" of export duties for small traders and a \
single-window filing of cold-chain certificates.

The fourth batch of best practices, released in 2029, has since been studied by many provinces.
"""


@pytest.mark.parametrize("variant", range(3))
def test_a_release_names_its_batch_by_a_quoted_name_and_lists_more_cases_in_a_later_paragraph(variant: int) -> None:
    report = parse_report(_perturbed(RELEASE)[variant], "release.txt")
    batches = _batches(report)
    assert batches["national:best-practices:5"]["count"] == 30
    items = _in_batch(report, "national:best-practices:5")
    national = _national(report)
    assert national["berth-side release"] == {"liaoning"}
    assert national["shared ship registry"] == {"fujian", "zhejiang"}
    listed = {n: p for n, p in items.items() if "refund" in n or "cold-chain" in n}
    assert sorted(listed) == [
        "credit-based quick refund of export duties for small traders",
        "single-window filing of cold-chain certificates",
    ]
    assert all(p.get("derived") for p in listed.values())  # the text does not say of each that it is in the batch
    # the later batch's sentence ends the list: nothing after it is an item of the fifth batch
    assert not any("studied" in n for n in items)


def test_a_list_after_another_batch_is_named_is_not_the_released_batch() -> None:
    text = RELEASE.replace("Other cases in the batch include", "The fourth batch of best practices includes")
    report = parse_report(text, "release.txt")
    assert not any("refund" in n for n in _in_batch(report, "national:best-practices:5"))


CIRCULAR = """\
Notice of the State Council on Replicating and Promoting the Tenth Batch of Reform Pilot
Experience of Pilot Free Trade Zones

G.F. [2033] No. 5

To the people's governments of all provinces:

The State Council has decided to replicate and promote 5 items of reform pilot experience. The relevant matters \
are hereby notified as follows:

I. Content of the reform experience to be replicated

(I) Items to be replicated and promoted nationwide (3 items), including:
1. "Single-code" traceability of imported infant formula (responsible department: General Administration of
Customs);
2. Online renewal of foreign experts' work permits (responsible department: Ministry of Science and Technology);
3. Joint credit repair for market entities across provinces (responsible department: State Administration for
Market Regulation).

(II) Items to be replicated and promoted in special customs supervision areas (2 items),
including:
4. Bonded display and trading of imported artworks (responsible department: General Administration of Customs);
5. "Batch in, batch out" supervision of bonded spare parts (responsible department: General Administration of
Customs).

II. Organizing implementation

All localities shall complete replication within six months.

State Council
May 2, 2033
"""


@pytest.mark.parametrize("variant", range(3))
def test_a_notice_lists_items_under_headings_ending_with_including_and_bodies_in_lower_case(variant: int) -> None:
    report = parse_report(_perturbed(CIRCULAR)[variant], "circular.txt")
    items = _in_batch(report, "national:reform-experience:10")
    assert sorted(items) == [
        "Batch in, batch out supervision of bonded spare parts",
        "Bonded display and trading of imported artworks",
        "Joint credit repair for market entities across provinces",
        "Online renewal of foreign experts' work permits",
        "Single-code traceability of imported infant formula",
    ]
    # the notice's own title releases the batch: the items are put in it by their place (derived)
    assert all(p.get("derived") for p in items.values())
    scopes = {e.name: e.properties.get("scope") for e in report.entities if e.label is Label.MEASURE}
    assert scopes["Online renewal of foreign experts' work permits"] == "Nationwide"
    assert scopes["Bonded display and trading of imported artworks"] == "Designated areas"
    responsible = {
        (r.start.key, r.end.key.rsplit(":", 1)[1][:12]) for r in report.relations if r.type is Rel.RESPONSIBLE_FOR
    }
    assert ("most", "online-renew") in responsible


PROVINCIAL = """\
Anhui Releases Fourth Batch of Institutional Innovation Achievements of China (Anhui) Pilot Free Trade Zone

Hefei, June 9, 2031 - The provincial government announced that 18 institutional innovations of the zone are to \
be replicated across the province.
"""


@pytest.mark.parametrize("variant", range(3))
def test_a_title_in_title_case_names_a_zones_own_batch(variant: int) -> None:
    report = parse_report(_perturbed(PROVINCIAL)[variant], "release.txt")
    batches = _batches(report)
    assert "provincial:anhui:institutional-innovations:4" in batches
    assert not any(k.startswith("national:") for k in batches)


def test_a_title_case_batch_of_other_things_is_no_batch() -> None:
    text = PROVINCIAL.replace("Institutional Innovation Achievements", "Authorized Land Quotas")
    assert not _batches(parse_report(text, "release.txt"))


@pytest.mark.parametrize("variant", range(3))
def test_a_quoted_title_after_the_work_to_implement(variant: int) -> None:
    text = (
        'The batch was compiled as part of the work to implement the "Opinions on Deepening the Reform of '
        'Customs Clearance in Pilot Free Trade Zones", the ministry said, and Hubei PFTZ took part.\n'
    )
    report = parse_report(_perturbed(text)[variant], "t.txt")
    assert "Opinions on Deepening the Reform of Customs Clearance in Pilot Free Trade Zones" in _docs(report)


DOCUMENT_TABLE = """Table 1-4 National policy documents of 2032

No.\tTitle\tKey Content
1\t"Notice by the Ministry of Transport and the General Administration of Customs on Easing Transshipment in \
PFTZs" (J.S.F. [2032] No. 7)\tAllowing transshipped containers to be declared once.

Source: Compiled from publicly available information.
"""


@pytest.mark.parametrize("variant", range(3))
def test_a_table_row_whose_title_names_its_issuers(variant: int) -> None:
    report = parse_report(_perturbed(DOCUMENT_TABLE)[variant], "t.txt", partial=True)
    issued = {r.end.key for r in report.relations if r.type is Rel.ISSUED_BY}
    assert {"mot", "gac"} <= issued


@pytest.mark.parametrize("variant", range(3))
@pytest.mark.parametrize("verb", ["adopted the revised", "introduced the", "unveiled the"])
def test_every_verb_of_issuing_before_a_quoted_title(verb: str, variant: int) -> None:
    text = (
        f"In May 2032, the Standing Committee of the Hunan Provincial People's Congress {verb} "
        '"Regulations on the Hunan Pilot Free Trade Zone", and Hunan PFTZ set up a new service hall.\n'
    )
    report = parse_report(_perturbed(text)[variant], "t.txt")
    assert "Regulations on the Hunan Pilot Free Trade Zone" in _docs(report)


EDITION_PASSAGE = """\
In the first half of 2030, the State Council decided to replicate and scale up the third batch of 12 pilot \
measures aligned with high-standard economic and trade rules, among them allowing foreign law firms to open \
joint offices in all PFTZs.

The Office of the Leading Group for Shaanxi PFTZ Work released the ninth batch of 15 institutional innovations \
in November 2030, of which ten are replicated province-wide.

In October 2030, the Chengdu-Chongqing Economic Circle Cooperation Platform released the "Unified Catalog of \
Mutually Recognised Licences", and the Yunnan Provincial People's Government released the "Service Standards \
for Border Trade Markets".
"""


def _edition(passage: str) -> str:
    """A small edition (contents, two parts, an appendix) whose overview holds ``passage``."""
    from tests.test_reader_layouts import CONTENTS

    anchor = 'Shanghai PFTZ launched a new "one-stop data service" for enterprises.\n'
    return CONTENTS.replace(anchor, anchor + "\n" + passage)


@pytest.mark.parametrize("variant", range(3))
def test_an_edition_reads_a_batch_a_body_decided_to_replicate_and_the_items_after_among_them(variant: int) -> None:
    report = parse_report(_perturbed(_edition(EDITION_PASSAGE))[variant], "edition.txt")
    batches = _batches(report)
    third = [k for k in batches if k.startswith("national:") and k.endswith(":3")]
    assert len(third) == 1, sorted(batches)
    items = _in_batch(report, third[0])
    assert list(items) == ["allowing foreign law firms to open joint offices in all PFTZs"]
    assert items["allowing foreign law firms to open joint offices in all PFTZs"].get("derived")


@pytest.mark.parametrize("variant", range(3))
def test_an_edition_reads_a_batch_a_zones_leading_group_released(variant: int) -> None:
    report = parse_report(_perturbed(_edition(EDITION_PASSAGE))[variant], "edition.txt")
    batches = _batches(report)
    assert batches["provincial:shaanxi:institutional-innovations:9"]["count"] == 15


def test_a_leading_group_of_no_zone_releases_no_zones_batch() -> None:
    text = EDITION_PASSAGE.replace("Leading Group for Shaanxi PFTZ Work", "Leading Group for Opening-up Work")
    assert not any(k.startswith("provincial:") for k in _batches(parse_report(_edition(text), "edition.txt")))


@pytest.mark.parametrize("variant", range(3))
def test_catalogs_and_standards_a_body_released_are_documents(variant: int) -> None:
    docs = _docs(parse_report(_perturbed(_edition(EDITION_PASSAGE))[variant], "edition.txt"))
    assert {"Unified Catalog of Mutually Recognised Licences", "Service Standards for Border Trade Markets"} <= docs


def test_a_quoted_standard_no_verb_of_issuing_precedes_is_no_document() -> None:
    text = EDITION_PASSAGE.replace('released the "Service Standards', 'applied the "Service Standards')
    assert "Service Standards for Border Trade Markets" not in _docs(parse_report(_edition(text), "edition.txt"))


SCHEDULE = """\
Table 2-5 The tenth batch of reform pilot experience replicated by the State Council

No.\tItem\tPilot zone(s)\tCoverage
1\tCross-border leasing of agricultural machinery\tHeilongjiang PFTZ, Liaoning PFTZ\tNationwide
2\tOnline filing of bonded exhibitions\tHainan FTP\tNationwide

Source: website of the Chinese government.
"""


@pytest.mark.parametrize("variant", range(3))
def test_a_column_heading_with_a_bracketed_plural_is_its_synonym(variant: int) -> None:
    report = parse_report(_perturbed(SCHEDULE)[variant], "t.txt", partial=True)
    assert _national(report) == {
        "Cross-border leasing of agricultural machinery": {"heilongjiang", "liaoning"},
        "Online filing of bonded exhibitions": {"hainan-ftp"},
    }


LISTED_WITHOUT_ARTICLES = """\
In May 2030, MOFCOM compiled and released the fourth batch of 11 successful reform experiences promoted by \
departments. They include a shared registry of ship mortgages, joint inspection of bulk ore imports, online \
renewal of fishing licences, which took a week before, and the "green lane" for fresh produce at land ports.
"""


@pytest.mark.parametrize("variant", range(3))
def test_cases_listed_after_they_include_split_at_commas_before_lower_case(variant: int) -> None:
    report = parse_report(_perturbed(_edition(LISTED_WITHOUT_ARTICLES))[variant], "edition.txt")
    batch = next(k for k in _batches(report) if k.startswith("national:") and k.endswith(":4"))
    assert sorted(_in_batch(report, batch)) == [
        "green lane for fresh produce at land ports",
        "joint inspection of bulk ore imports",
        "online renewal of fishing licences",  # a relative clause after an item is no part of its name
        "shared registry of ship mortgages",
    ]


DEPARTMENT_EXPERIENCE = """\
In February 2030, the Ministry of Commerce released the fourth batch of 20 successful reform experience \
promoted by various departments. In terms of customs, experience include shortening the review of bonded \
warehouse licences, as well as steadily expanding the list of goods for advance rulings. In terms of finance, \
experience include easing cross-border pooling of foreign currency, and opening bond repurchase to foreign banks, \
as well as innovating experience such as green credit guarantee lists.
"""


@pytest.mark.parametrize("variant", range(3))
def test_experience_listed_with_as_well_as_and_such_as(variant: int) -> None:
    report = parse_report(_perturbed(_edition(DEPARTMENT_EXPERIENCE))[variant], "edition.txt")
    batch = next(k for k in _batches(report) if k.startswith("national:") and k.endswith(":4"))
    assert sorted(_in_batch(report, batch)) == [
        "easing cross-border pooling of foreign currency",
        "green credit guarantee lists",
        "opening bond repurchase to foreign banks",
        "shortening the review of bonded warehouse licences",
        "steadily expanding the list of goods for advance rulings",
    ]


TABLED_PASSAGE = """\
In March 2030, MOFCOM released the sixth batch of 3 "best practices" from PFTZs. In customs, cases include the \
shared registry of mortgages on fishing ships and the berth-side release of imported frozen seafood. In industry, \
cases include a smart berth dispatch model for river ports.
"""

TABLE_OF_THE_BATCH = """
Table 3-1 The sixth batch of best practices

No.\tOrigin\tBest Practice\tScope
1\tLiaoning PFTZ\t"Berth-side release" model for imported frozen seafood\tNationwide
2\tFujian PFTZ\tShared registry for mortgages on ships used in fishing\tNationwide
3\tZhejiang PFTZ\tSingle-window filing of cold-chain certificates\tNationwide

Source: Ministry of Commerce website.
"""


@pytest.mark.parametrize("variant", range(3))
def test_cases_a_passage_lists_of_a_batch_a_table_lists_are_its_rows(variant: int) -> None:
    report = parse_report(_perturbed(_edition(TABLED_PASSAGE + TABLE_OF_THE_BATCH))[variant], "edition.txt")
    rows = {e.key: e.name for e in report.entities if e.label is Label.MEASURE and e.key.startswith("national:")}
    said = {
        rows[e.key]
        for e in report.entities
        if e.key in rows and "cases include" in e.provenance.quote and "release" in e.provenance.quote
    }
    assert "Shared registry for mortgages on ships used in fishing" in said
    # a case the table does not list is no new row
    assert not any("dispatch" in name for name in rows.values())
    assert len(_in_batch(report, "national:best-practices:6")) == 3


LOCAL_BODIES = """\
In May 2031, the Standing Committee of the Fujian Provincial People's Congress adopted the revised regulations of \
the zone, and the CPC Hainan Provincial Committee and the People's Government of Hainan Province jointly issued a \
plan. The Shaanxi Provincial Department of Natural Resources and the Department of Commerce of Ningxia Hui \
Autonomous Region will follow the replication of the model, which Hubei PFTZ launched.
"""


@pytest.mark.parametrize("variant", range(3))
def test_local_bodies_named_by_their_province(variant: int) -> None:
    report = parse_report(_perturbed(LOCAL_BODIES)[variant], "news.txt")
    bodies = {e.name for e in report.entities if e.label is Label.ISSUING_BODY}
    assert {
        "Standing Committee of the Fujian Provincial People's Congress",
        "CPC Hainan Provincial Committee",
        "Shaanxi Provincial Department of Natural Resources",
        "Department of Commerce of Ningxia Hui Autonomous Region",
    } <= bodies


def test_a_department_of_a_place_that_is_no_province_is_no_body() -> None:
    text = LOCAL_BODIES.replace("Shaanxi Provincial Department", "Lakeside Provincial Department")
    bodies = {e.name for e in parse_report(text, "news.txt").entities if e.label is Label.ISSUING_BODY}
    assert not any("Lakeside" in b for b in bodies)


def test_a_publisher_that_is_a_provinces_department_issued_the_text() -> None:
    from pftz.loaders.header import TextHeader

    header = TextHeader(title="A release", publisher="Shaanxi Provincial Department of Commerce")
    report = parse_report(LOCAL_BODIES, "news.txt", header=header)
    issued = {r.end.key for r in report.relations if r.type is Rel.ISSUED_BY and r.start.key.startswith("text:")}
    assert issued == {"body:shaanxi-provincial-department-of-commerce"}
    assert not any(w.code == "publisher-unresolved" for w in report.warnings)


ALLIANCE = """\
The Northeast Border PFTZ Alliance brings together the China (Heilongjiang) Pilot Free Trade Zone, which hosts its \
office, the Liaoning FTZ and the Inner Mongolia pilot free trade zone, according to the organisers.
"""


@pytest.mark.parametrize("variant", range(3))
def test_an_alliance_that_brings_together_its_members(variant: int) -> None:
    report = parse_report(_perturbed(ALLIANCE)[variant], "news.txt")
    members = {
        r.start.key
        for r in report.relations
        if r.type is Rel.MEMBER_OF and r.end.key == "northeast-border-pftz-alliance"
    }
    assert {"heilongjiang", "liaoning"} <= members


PROVINCE_BATCHES = """\
Regions without a PFTZ keep pace. Guizhou Province released its second batch of 12 PFTZ innovations to be \
replicated across the province. Hunan Province released its fourth batch of 17 innovations in September.

The Greater Bay Cross-Border Demonstration Zone, which spans Nansha in Guangdong and Taipa in Macao, released its \
third batch of 9 institutional innovations on joint governance.
"""


@pytest.mark.parametrize("variant", range(3))
def test_a_province_releasing_its_own_batch(variant: int) -> None:
    report = parse_report(_perturbed(_edition(PROVINCE_BATCHES))[variant], "edition.txt")
    batches = _batches(report)
    assert batches["provincial:guizhou:institutional-innovations:2"]["count"] == 12  # a province without a zone
    owners = {r.start.label for r in report.relations if r.end.key == "provincial:guizhou:institutional-innovations:2"}
    assert owners == {Label.REGION}
    assert "provincial:hunan:institutional-innovations:4" in batches  # its zone's
    # a body spanning places that releases its batch is not the batch of the last place it names
    assert "provincial:guangdong:institutional-innovations:3" not in batches


@pytest.mark.parametrize(
    "cell",
    [
        'Eighteen innovations, such as the "paperless berth booking" service, are replicated across the province; '
        'five, such as "joint patrols of bonded barges", apply in designated areas.',
        'Eighteen innovations, such as the "paperless berth booking" service, are replicated province-wide, '
        'and five, such as "joint patrols of bonded barges", in designated areas.',
    ],
)
def test_the_scope_of_a_cell_example_is_its_own_clauses(cell: str) -> None:
    from pftz.loaders.table_cells import cell_examples

    scopes = {e.name: e.scope for e in cell_examples(cell)}
    assert scopes == {"paperless berth booking": "", "joint patrols of bonded barges": "designated"}


DOCUMENTS_WITHOUT_VERBS = """\
Following the reform, new policy documents—such as the "Implementation Plan for Green Shipping Finance in the \
Nansha Bonded Port Area"—were drawn up. Liaoning PFTZ also published its first data list, the "Liaoning PFTZ \
Catalogue of Important Data Exports (2031 Edition)", which sorts data into 12 groups. Among the rules, the \
Measures for the Administration of Sea Ranching in Liaoning Province (Interim) settles who licenses the ranches.
"""


@pytest.mark.parametrize("variant", range(3))
def test_titles_given_as_examples_or_ending_in_their_mark(variant: int) -> None:
    docs = _docs(parse_report(_perturbed(DOCUMENTS_WITHOUT_VERBS)[variant], "t.txt"))
    assert {
        "Implementation Plan for Green Shipping Finance in the Nansha Bonded Port Area",
        "Liaoning PFTZ Catalogue of Important Data Exports (2031 Edition)",
        "Measures for the Administration of Sea Ranching in Liaoning Province (Interim)",
    } <= docs


def test_a_quoted_case_name_after_such_as_is_no_title() -> None:
    text = 'Liaoning PFTZ piloted reforms such as the "berth-side release" model for frozen seafood imports.\n'
    assert not _docs(parse_report(text, "t.txt"))


OWN_BATCH_EXAMPLES = """\
Fujian Releases Ninth Batch of Institutional Innovation Achievements of China (Fujian) Pilot Free Trade Zone

Fuzhou, May 4, 2031 - 20 innovations of the zone are to be replicated across Fujian.

Among the innovations for province-wide replication, the Xiamen Area's "one-ticket cross-strait ferry booking" \
service lets travellers book ferry and rail seats in one step.
"""


@pytest.mark.parametrize("variant", range(3))
def test_examples_after_a_lead_of_scope_for_replication(variant: int) -> None:
    report = parse_report(_perturbed(OWN_BATCH_EXAMPLES)[variant], "release.txt")
    adopted = {(r.start.key, r.end.key.split(":")[-1]) for r in report.relations if r.type is Rel.ADOPTED}
    assert ("fujian", "one-ticket-cross-strait-ferry-booking") in adopted


def test_a_list_after_the_release_that_does_not_refer_to_the_batch_is_no_item() -> None:
    text = RELEASE.replace(
        "Other cases in the batch include", "Supporting measures include training for officials and"
    ).replace("The fourth batch of best practices, released in 2029, has since", "Officials have")
    items = _in_batch(parse_report(text, "release.txt"), "national:best-practices:5")
    assert not any("refund" in n or "cold-chain" in n or "training" in n for n in items)


@pytest.mark.parametrize("variant", range(3))
def test_a_quoted_title_ending_in_its_years_after_a_verb_of_issuing(variant: int) -> None:
    text = (
        'The three PFTZs jointly released the "Register of Shared Services for Firms in the Pearl River '
        'Valley (2030)", and Guangxi PFTZ hosted the first meeting.\n'
    )
    assert "Register of Shared Services for Firms in the Pearl River Valley (2030)" in _docs(
        parse_report(_perturbed(text)[variant], "t.txt")
    )


@pytest.mark.parametrize("variant", range(3))
def test_batches_listed_in_one_sentence_each_keep_their_own_kind(variant: int) -> None:
    text = (
        "In 2030, national bodies released four batches: the ninth batch of 20 items of reform pilot experience, "
        "the eighth batch of 12 best practice cases, and the third batch of 15 pilot measures aligned with "
        "high-standard rules; Hubei PFTZ took part.\n"
    )
    keys = set(_batches(parse_report(_perturbed(text)[variant], "t.txt")))
    assert "national:best-practices:8" in keys
    assert "national:best-practices:9" not in keys  # the next batch's words are not this one's


JOINERS = """\
The Northeast Border PFTZ Alliance brings together the Heilongjiang FTZ and the Liaoning FTZ. Jilin and Inner \
Mongolia, which have no pilot FTZ of their own, joined as partner members, the organisers said.
"""


@pytest.mark.parametrize("variant", range(3))
def test_places_that_joined_as_partner_members_of_the_body_named_before(variant: int) -> None:
    report = parse_report(_perturbed(JOINERS)[variant], "news.txt")
    joined = {
        r.start.key: r.properties.get("derived")
        for r in report.relations
        if r.type is Rel.MEMBER_OF and r.end.key == "northeast-border-pftz-alliance"
    }
    assert joined.get("jilin") is True and joined.get("inner-mongolia") is True  # derived: the body is not named


def test_places_that_joined_with_no_body_named_before_join_nothing() -> None:
    text = JOINERS.split(". ", 1)[1] + "Hubei PFTZ launched a new service.\n"
    report = parse_report(text, "news.txt")
    assert not [r for r in report.relations if r.type is Rel.MEMBER_OF]


LISTED_EXAMPLES = (
    "In May the State Council issued the Notice on Replicating and Promoting the Seventh Batch of Reform Pilot "
    "Experience of Pilot Free Trade Zones, asking for 21 measures to be applied nationwide. Among them were the "
    'remote verification of ship crew certificates, piloted by the Liaoning FTZ; a "single-window" berth booking '
    "service for river barges, which came out of the Hubei FTZ; and a joint credit archive for cross-border "
    "carriers, first tried in the Guangxi Pilot Free Trade Zone.",
    "The State Council issued the Notice on Replicating and Promoting the Seventh Batch of Reform Pilot Experience "
    "of Pilot Free Trade Zones, with 19 measures to be replicated nationwide. Among these were a shared register "
    "of bonded repair yards, which grew out of the Chongqing FTZ; the cross-border e-invoice for freight "
    "forwarders, developed by the Yunnan FTZ; and the remote verification of ship crew certificates, which "
    "originated in the Liaoning FTZ.",
)


def _adopted_nationwide(report: ParsedReport) -> set[str]:
    names = {e.key: e.name for e in report.entities if e.label is Label.MEASURE}
    return {names[r.end.key] for r in report.relations if r.type is Rel.ADOPTED and r.start.key == "nationwide"}


@pytest.mark.parametrize("variant", range(3))
def test_unquoted_examples_listed_after_among_them_with_the_zone_each_came_from(variant: int) -> None:
    report = parse_report(_perturbed(LISTED_EXAMPLES[0])[variant], "review.txt", partial=True)
    national = _national(report)
    assert national["remote verification of ship crew certificates"] == {"liaoning"}
    assert national["joint credit archive for cross-border carriers"] == {"guangxi"}
    assert "remote verification of ship crew certificates" in _adopted_nationwide(report)


@pytest.mark.parametrize("variant", range(3))
def test_listed_examples_with_other_verbs_of_origin_in_another_order(variant: int) -> None:
    report = parse_report(_perturbed(LISTED_EXAMPLES[1])[variant], "review.txt", partial=True)
    national = _national(report)
    assert national["shared register of bonded repair yards"] == {"chongqing"}
    assert national["cross-border e-invoice for freight forwarders"] == {"yunnan"}
    assert national["remote verification of ship crew certificates"] == {"liaoning"}
    assert _adopted_nationwide(report) >= set(national)


def test_a_listed_part_naming_no_zone_it_came_from_is_no_item() -> None:
    text = LISTED_EXAMPLES[0].replace("first tried in the Guangxi Pilot Free Trade Zone", "still under review")
    national = _national(parse_report(text, "review.txt", partial=True))
    assert "joint credit archive for cross-border carriers" not in national
    text = LISTED_EXAMPLES[0].replace("Among them were", "Elsewhere, officials praised")
    assert "remote verification of ship crew certificates" not in _national(parse_report(text, "r.txt", partial=True))


TITLE_WITH_AND = (
    'The circular, headed "Notice on Spreading the Third Batch of Reform and Innovation Results of the China '
    '(Hunan) Pilot Free Trade Zone Across the Province," asks every city to report on its progress.',
    "Officials said the Fifth Batch of Institutional and Regulatory Innovations of the Yunnan Pilot Free Trade "
    "Zone would be replicated in all border cities.",
)


@pytest.mark.parametrize("variant", range(3))
@pytest.mark.parametrize("text", TITLE_WITH_AND)
def test_a_batch_in_title_case_whose_name_joins_two_words_with_and_is_its_zones(text: str, variant: int) -> None:
    batches = _batches(parse_report(_perturbed(text)[variant], "notice.txt", partial=True))
    assert any(k.startswith(("provincial:hunan:", "provincial:yunnan:")) for k in batches), batches


def test_a_batch_in_title_case_and_a_clause_after_it_keep_apart() -> None:
    text = "The Third Batch of Reform Results and Hunan also drew praise from visiting officials."
    batches = _batches(parse_report(text, "notice.txt", partial=True))
    assert not any(k.startswith("provincial:") for k in batches)
