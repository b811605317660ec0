"""Document numbers, titles and merging (loaders.documents and the documents steps of loaders.report)."""

from __future__ import annotations

import pytest

from pftz.ground.schema import Label, Rel
from pftz.loaders.documents import core_title, find_numbers
from pftz.loaders.records import ParsedReport
from pftz.loaders.report import BUNDLED_REPORT, load_report, parse_report
from tests.perturb import move_body_page_breaks, rewrap_paragraphs

TEXT = BUNDLED_REPORT.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def report() -> ParsedReport:
    return load_report()


def _docs(r: ParsedReport) -> dict[str, dict[str, object]]:
    out: dict[str, dict[str, object]] = {}
    for e in r.entities:
        if e.label is Label.DOCUMENT:
            out.setdefault(e.key, {"name": e.name}).update(e.properties)
    return out


@pytest.mark.parametrize(
    ("text", "printed", "complete"),
    [
        ("(CAC Order No. 16)", "CAC Order No. 16", True),
        ("(MOC Order No. 1 in 2024)", "MOC Order No. 1 in 2024", True),
        ("the (GAC Announcement No. 32 of 2024), clarifying", "GAC Announcement No. 32 of 2024", True),
        ("(Maritime Safety Administration Announcement No. 4 in 2021)", None, True),
        ("issued the notice (Announcement No. 32 of 2024)", "Announcement No. 32 of 2024", False),
        ('"Notice on X" (Z. (H.) Z.M.B.G. [2024] No. 3), strengthening', "Z. (H.) Z.M.B.G. [2024] No. 3", True),
        ("(SH.M.Fa. [2024] No. 288)", "SH.M.Fa. [2024] No. 288", True),
        ('"Notice on X" (Shang Zi Mao Han [2025] No. 518), asking', "Shang Zi Mao Han [2025] No. 518", True),
        ("(Gui Zi Mao Ban Fa [2025] No. 7)", "Gui Zi Mao Ban Fa [2025] No. 7", True),
    ],
)
def test_numbers_with_and_without_brackets(text: str, printed: str | None, complete: bool) -> None:
    (m,) = find_numbers(text)
    assert m.number.text == (printed or text.strip("()"))
    assert m.number.complete is complete


def test_core_title_drops_the_issuer_named_in_the_title() -> None:
    assert (
        core_title(
            "Notice by the Ministry of Finance, the Ministry of Commerce and the State Taxation "
            "Administration on Tax Policies for X"
        )
        == "Notice on Tax Policies for X"
    )
    assert core_title("Regulations on Promoting and Regulating Cross-Border Data Flows").startswith("Regulations on")


def test_orders_and_announcements_keep_their_numbers(report: ParsedReport) -> None:
    docs = _docs(report)
    assert docs["CACOrder16"]["title"] == "Regulations on Promoting and Regulating Cross-Border Data Flows"
    assert docs["CACOrder16"]["date"] == "2024-03-22"
    gac = docs["GACAnnouncement32in2024"]
    assert gac["number"] == "GAC Announcement No. 32 of 2024"
    assert not [k for k in docs if "Announcement32" in k and k != "GACAnnouncement32in2024"]


def test_one_node_per_document(report: ParsedReport) -> None:
    docs = _docs(report)
    fujian = [k for k, d in docs.items() if "Support Fujian in Exploring" in str(d.get("title"))]
    assert len(fujian) == 1
    stable = [k for k, d in docs.items() if "Promote Stable Growth of Foreign Trade" in str(d.get("title"))]
    assert stable == ["SH.M.Fa.[2024]288"]
    assert all(d.get("title") for d in docs.values()), "no title-less document"
    assert docs["Z.(H.)Z.M.B.G.[2024]3"]["title"].startswith("Notice on Issuing the 'Work Plan")  # type: ignore[union-attr]
    merged = [w for w in report.warnings if w.code == "document-wordings-merged"]
    assert merged and all(w.line for w in merged), "every merge by similarity is listed for review, with its line"


def test_a_truncated_number_is_a_warning_not_a_node(report: ParsedReport) -> None:
    excerpt = (
        "The Ministry of Commerce released the third batch of 1 successful reform experience promoted by various "
        "departments.\n\nAppendix 1: Status of Innovations\n\nTable 2: Summary of Replicated Reforms Promoted by "
        "Department\n\nNo.\tDepartment in Charge\tReform Initiative\tYear\tScope\tDocument\n"
        "1\tMinistry of Science and Technology\tPromoting the mechanism\t2023\tNation wide\tLetter on Issuing the "
        "Typical Cases of Reform for 2022 (G.Z.C.B.H\n\nSource: Ministry of Commerce website\n"
    )
    r = parse_report(excerpt, "excerpt.txt", partial=True)
    cut = [w for w in r.warnings if w.code == "document-number-truncated"]
    assert [w.line for w in cut] == [8]
    assert list(_docs(r)) == ["t:letter-on-issuing-the-typical-cases-of-reform-for-2022"]
    assert not [w for w in report.warnings if w.code == "document-number-truncated"]


@pytest.mark.parametrize(
    "perturb",
    [pytest.param(lambda t: rewrap_paragraphs(t, 90), id="rewrapped"), pytest.param(move_body_page_breaks, id="pages")],
)
def test_documents_survive_perturbation(report: ParsedReport, perturb) -> None:  # type: ignore[no-untyped-def]
    other = parse_report(perturb(TEXT), "perturbed.txt")
    assert set(_docs(other)) == set(_docs(report))


def test_local_documents_carry_their_local_issuer(report: ParsedReport) -> None:
    issued = {(r.start.key, r.end.key) for r in report.relations if r.type is Rel.ISSUED_BY}
    local = {d for d, b in issued if b.startswith(("admin-", "gov-")) or b == "shanghai-finance-bureau"}
    assert {"t:action-plan-for-upgrading-tianjin-pftz", "H.Z.M.Z.[2024]2", "H.C.C.[2024]12"} <= local
    assert ("ZH.SH.W.L.F.[2021]7", "gov-zhejiang") in issued
    bodies = {e.key: e for e in report.entities if e.label is Label.ISSUING_BODY}
    assert bodies["admin-tianjin"].properties["canonical_name"] == "Administration of Tianjin PFTZ"
    assert {"msa", "cbirc", "sca", "provincial-governments", "mee-general-office"} <= set(bodies)
    parents = {(r.start.key, r.end.key) for r in report.relations if r.type is Rel.PART_OF}
    assert {("mee-general-office", "mee"), ("gac-general-office", "gac")} <= parents
    approved = {(r.start.key, r.end.key) for r in report.relations if r.type is Rel.APPROVED_BY}
    assert ("S.Z.M.Fa.[2024]291", "state-council") in approved
    assert ("S.Z.M.Fa.[2024]291", "state-council") not in issued, "approval is not issuance"
