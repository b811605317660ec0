"""One excerpt per extraction rule of the documents and national-batch steps of ``loaders.report``."""

from __future__ import annotations

import pytest

from pftz.ground.schema import Label, Rel
from pftz.loaders.records import ParsedReport
from pftz.loaders.report import BUNDLED_REPORT, _issuer_text, parse_report
from tests.perturb import rewrapped

LINES = BUNDLED_REPORT.read_text(encoding="utf-8").split("\n")
MILESTONES = "Appendix 2: Milestones\n\n"


def _parse(text: str) -> ParsedReport:
    return parse_report(text, "excerpt.txt", partial=True)


def _docs(r: ParsedReport) -> dict[str, dict[str, object]]:
    out: dict[str, dict[str, object]] = {}
    for e in r.entities:
        if e.label is Label.DOCUMENT:
            out.setdefault(e.key, {}).update(e.properties)
    return out


def _edges(r: ParsedReport, rel: Rel) -> set[tuple[str, str]]:
    return {(x.start.key, x.end.key) for x in r.relations if x.type is rel}


def _excerpt(first: str, last: str) -> str:
    """The report's lines from the last one starting with ``first`` to the next one starting with ``last``."""
    a = max(i for i, ln in enumerate(LINES) if ln.startswith(first))
    b = next(i for i, ln in enumerate(LINES) if i > a and ln.startswith(last))
    return "\n".join(LINES[a : b + 1])


def test_full_number_with_title_before_it() -> None:
    r = _parse(
        'The State Council issued the "Overall Plan for Building a Pilot Zone in Hunan PFTZ" (G.H. [2024] No. 6).'
    )
    doc = _docs(r)["G.H.[2024]6"]
    assert doc["title"] == "Overall Plan for Building a Pilot Zone in Hunan PFTZ"
    assert (doc["prefix"], doc["year"], doc["serial"]) == ("G.H.", 2024, 6)
    assert ("G.H.[2024]6", "hunan") in _edges(r, Rel.NAMES_ZONE)


def test_short_number_resolves_to_the_full_one() -> None:
    r = _parse(
        'In June 2023, the State Council issued the "Measures for Pilot Alignment in Eligible PFTZs" (G.Fa. [2023] '
        "No. 9).\n\nShanghai PFTZ continued to implement the pilot measures outlined in G.Fa. No. 9."
    )
    assert set(_docs(r)) == {"G.Fa.[2023]9"}
    assert not r.warnings


def test_short_number_without_full_form_is_a_warning() -> None:
    r = _parse("Shanghai PFTZ continued to implement the pilot measures outlined in G.Fa. No. 9.")
    assert [w.code for w in r.warnings] == ["document-number-unresolved"]


def test_titled_milestone_without_number() -> None:
    r = _parse(
        MILESTONES + 'On August 2, 2024, the State Council issued the "Policy Measures to Further Support the '
        'High-Quality Development of Tianjin Binhai New Area", which include support for Tianjin PFTZ.'
    )
    (doc,) = _docs(r).values()
    assert doc["date"] == "2024-08-02"
    assert doc["title"].startswith("Policy Measures to Further Support")  # type: ignore[union-attr]


def test_date_is_read_only_when_printed_before_the_title() -> None:
    r = _parse('The "Overall Plan for Hunan PFTZ" (G.H. [2024] No. 6) was approved. In May 2024, it started.')
    assert "date" not in _docs(r)["G.H.[2024]6"]


def test_issuer_text_before_the_verb_after_issued_by_and_approvals() -> None:
    def words(s: str) -> tuple[str, str, str | None]:
        w = _issuer_text(s, s.index('"'), s.index(")") + 1)
        return w.issuers.strip(" ,"), w.approvers.strip(" ,"), w.verb

    assert words(
        'On March 19, 2024, the General Office of the State Council issued the "Plan" (G.B.Fa. [2024] No. 9).'
    ) == (
        "the General Office of the State Council",
        "",
        "issued",
    )
    assert words('The "Special Measures" (2024 Edition) issued by the Ministry of Commerce.')[:2] == (
        "the Ministry of Commerce",
        "",
    )
    # approval is not issuance
    assert words('On January 12, 2024, the State Council approved the "Overall Plan" (G.H. [2024] No. 6).') == (
        "",
        "the State Council",
        "approved",
    )
    s = (
        "With the approval of the State Council, the Ministry of Commerce and the People's Government of Zhejiang "
        'Province issued the "Plan" (S.Z.M.Fa [2024] No. 291).'
    )
    assert words(s)[:2] == (
        "the Ministry of Commerce and the People's Government of Zhejiang Province",
        "the State Council",
    )
    s = 'It facilitated the Shanghai Municipal Finance Bureau\'s issuance of the "Opinions" (H.C.C. [2024] No. 12).'
    assert words(s) == ("Shanghai Municipal Finance Bureau", "", "issued")


def test_bodies_general_offices_local_issuers_and_approval() -> None:
    r = _parse(
        MILESTONES
        + 'On September 14, 2024, the General Office of the General Administration of Customs issued the "Notice on '
        'Further Optimizing Customs Tax Services" (S.B.S.H. [2024] No. 12).\n\nOn February 19, 2024, the State '
        'Council approved the "Overall Plan of Shanghai Eastern Hub International Business Cooperation Zone" '
        '(G.H. [2024] No. 30).\n\nShanghai PFTZ issued the "Notice on the Issuance of Construction Plans for '
        'Shanghai PFTZ" (H.Z.M.Z. [2024] No. 2).\n\nZhejiang Province introduced the "Opinions on Advancing '
        'Institutional Opening-up in Zhejiang PFTZ" '
        "(ZH.SH.W.L.F.[2021] No. 7)."
    )
    assert _edges(r, Rel.ISSUED_BY) >= {
        ("S.B.S.H.[2024]12", "gac-general-office"),
        ("H.Z.M.Z.[2024]2", "admin-shanghai"),
        ("ZH.SH.W.L.F.[2021]7", "gov-zhejiang"),
    }
    assert ("gac-general-office", "gac") in _edges(r, Rel.PART_OF)
    assert _edges(r, Rel.APPROVED_BY) == {("G.H.[2024]30", "state-council")}
    names = {e.key: (e.name, e.properties.get("canonical_name")) for e in r.entities if e.label is Label.ISSUING_BODY}
    assert names["admin-shanghai"] == ("Administration of Shanghai PFTZ", "Administration of Shanghai PFTZ")
    printed = {e.properties.get("printed_name") for e in r.entities if e.key == "admin-shanghai"}
    assert printed == {"Shanghai PFTZ"}
    assert names["gov-zhejiang"][0] == "Zhejiang Province"


def test_policy_table_title_rows_are_documents_with_issuers() -> None:
    r = _parse(_excerpt("Table 1-1 ", "Source:"))
    issued = _edges(r, Rel.ISSUED_BY)
    assert any(body == "mofcom" for _doc, body in issued)
    assert len(_docs(r)) >= 4


def test_group_definition_names_the_pilot_zones_of_its_document() -> None:
    r = _parse(
        'In June 2023, the State Council issued the "Measures for Pilot Alignment in Eligible PFTZs" (G.Fa. [2023] '
        "No. 9).\n\nFive PFTZs in Shanghai, Guangdong, Tianjin, Fujian, and Beijing, as well as Hainan FTP "
        '(hereinafter referred to as the "Pilot Regions") implement the pilot measures outlined in G.Fa. No. 9.'
    )
    pilots = {
        z for x in r.relations if x.type is Rel.NAMES_ZONE and dict(x.props).get("role") == "pilot" for z in [x.end.key]
    }
    assert pilots == {"shanghai", "guangdong", "tianjin", "fujian", "beijing", "hainan-ftp"}


def test_appendix_table_is_a_batch_with_release_document_and_rows() -> None:
    r = _parse(
        _excerpt("Appendix 1: Status", "Source:") + "\n\n" + MILESTONES + "On January 18, 2024, the "
        'Ministry of Commerce released 47 institutional innovations from PFTZs, comprising 23 "Best Practices" '
        "from the fifth batch and 24 successful reform experience promoted by departments in the third batch."
    )
    batches: dict[str, dict[str, object]] = {}
    for e in r.entities:
        if e.label is Label.BATCH:
            batches.setdefault(e.key, {}).update(e.properties)
    assert batches["national:best-practices:5"]["count"] == 23
    assert batches["national:best-practices:5"]["date"] == "2024-01-18"
    assert ("national:best-practices:5", "S.Z.M.H.[2024]14") in _edges(r, Rel.RELEASED_BY)
    measures = {m for m, b in _edges(r, Rel.IN_BATCH) if b == "national:best-practices:5"}
    assert len(measures) == 23
    assert {m for m, _ in _edges(r, Rel.PROMOTED_BY)} == measures


def test_appendix_row_document_and_department_cells() -> None:
    r = _parse(
        "The Ministry of Commerce released the third batch of 24 successful reform experience promoted by various "
        "departments.\n\nAppendix 1: Status of Innovations\n\n" + _excerpt("Table 2: Summary", "Source:")
    )
    promoted = _edges(r, Rel.PROMOTED_BY)
    assert any(d == "H.Fa.[2019]28" for _m, d in promoted)
    responsible = {b for b, _m in _edges(r, Rel.RESPONSIBLE_FOR)}
    assert {"ndrc", "mofcom"} <= responsible


def test_it_issued_is_the_subject_of_the_sentence_before() -> None:
    r = _parse(
        "**For example**, Shanghai PFTZ has advanced the construction of a pioneering zone. It formulated and issued "
        "the \"Notice on Issuing the 'Work Plan for the Pioneering Zone'\" (Z. (H.) Z.M.B.G. [2024] No. 3), "
        "strengthening the synergy."
    )
    (issued,) = [x for x in r.relations if x.type is Rel.ISSUED_BY]
    assert (issued.start.key, issued.end.key) == ("Z.(H.)Z.M.B.G.[2024]3", "admin-shanghai")
    assert dict(issued.props)["resolved"] == 'anaphor "It": Shanghai PFTZ'


def _titles(text: str) -> set[str]:
    return {
        str(e.properties.get("title") or e.name)
        for e in parse_report(text, "t.txt").entities
        if e.label is Label.DOCUMENT
    }


LONG_PREFIX = (
    "In May 2027 the Office of the Leading Group for Henan Pilot Free Trade Zone issued the Notice on Replicating "
    "the Third Batch of Innovation Cases of China (Henan) Pilot Free Trade Zone (Yu Zi Mao Ban Fa Zi [2027] No. 5), "
    "asking cities to act.\n"
)


def test_an_unquoted_title_before_a_number_of_a_long_pinyin_prefix() -> None:
    want = "Notice on Replicating the Third Batch of Innovation Cases of China (Henan) Pilot Free Trade Zone"
    for text in (
        LONG_PREFIX,
        rewrapped(LONG_PREFIX),
        LONG_PREFIX.replace("Yu Zi Mao Ban Fa Zi", "Xiang Zi Mao Ban Fa"),
    ):
        assert any(t.startswith(want) for t in _titles(text))


LISTED = (
    "Guangxi PFTZ and Hainan FTP formed a cooperation platform which in May 2027 released a Joint Work List for "
    "Port Services (2027-2028).\n"
)


def test_a_dated_list_and_a_letter_are_documents() -> None:
    assert "Joint Work List for Port Services (2027-2028)" in _titles(LISTED)
    assert "Action List for Shared Ports (2027-2029)" in _titles(
        rewrapped(LISTED.replace("released a Joint Work List for Port", "published an Action List for Shared"))
        .replace("Services", "Ports")
        .replace("2028", "2029")
    )
    letter = (
        "The practices were drawn from the Letter of the General Office of the Ministry of Transport on Issuing the "
        "Second Batch of \u201cTypical Cases\u201d in Shipping (J.B.H. [2027] No. 12), which lists nine.\n"
    )
    assert any(
        t.startswith("Letter of the General Office of the Ministry of Transport on Issuing") for t in _titles(letter)
    )


@pytest.mark.parametrize(
    "text",
    [
        'PFTZs in Hubei, Hunan, and Anhui, through the Middle Yangtze PFTZ Alliance, jointly issued the "Initiative '
        'on Shared Inland Port Services of the Middle Yangtze".',
        # other zones, curly quotes, re-wrapped
        "The PFTZs in Sichuan and Chongqing jointly issued the \u201cInitiative on a Shared Corridor Customs\nDesk "
        "for Western China\u201d.",
    ],
)
def test_a_zone_that_issued_a_document_is_its_issuer_not_also_named(text: str) -> None:
    r = parse_report(text, "n.txt")
    initiative = [e for e in r.relations if e.type is Rel.NAMES_ZONE and "initiative" in e.start.key]
    roles = {(e.end.key, e.properties.get("role")) for e in initiative}
    zones = {z for z, _role in roles}
    assert len(zones) >= 2 and roles == {(z, "issuer") for z in zones}, roles
