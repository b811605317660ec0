"""Time stated or absent: every date of the bundled report's records is printed in its evidence."""

from __future__ import annotations

import re

import pytest

from pftz.ground.dates import PartialDate
from pftz.ground.schema import Label, Rel
from pftz.loaders.documents import MONTHS
from pftz.loaders.records import ParsedReport
from pftz.loaders.report import BUNDLED_REPORT, load_report, parse_report
from tests.perturb import rewrap_paragraphs

MONTH_NAMES = {i: m for m, i in MONTHS.items()}


@pytest.fixture(scope="module")
def report() -> ParsedReport:
    return load_report()


def printed(date: str, quote: str) -> bool:
    """Whether ``quote`` prints ``date`` at its precision (a year; a month and year; a day, month and year)."""
    d = PartialDate.parse(date)
    q = quote.lower()
    if str(d.year) not in q:
        return False
    if d.month is not None and MONTH_NAMES[d.month] not in q:
        return False
    return d.day is None or bool(re.search(rf"\b{MONTH_NAMES[d.month or 0]} {d.day}\b", q))


def test_every_date_is_printed_in_its_evidence(report: ParsedReport) -> None:
    bad = [
        (str(r.type), r.start.key, r.end.key, dict(r.props)["date"], r.provenance.line)
        for r in report.relations
        if "date" in dict(r.props) and not printed(str(dict(r.props)["date"]), r.provenance.quote)
    ]
    bad += [
        (str(e.label), e.key, "", e.properties["date"], e.provenance.line)
        for e in report.entities
        if "date" in e.properties and not printed(str(e.properties["date"]), e.provenance.quote)
    ]
    assert not bad


def test_department_measures_carry_their_own_year(report: ParsedReport) -> None:
    dates = {
        r.start.key: dict(r.props).get("date")
        for r in report.relations
        if r.type is Rel.REPLICATED_TO and r.start.key.startswith("national:department-experience:")
    }
    assert len(dates) == 24
    assert {str(d) for d in dates.values()} == {"2019", "2020", "2021", "2022", "2023"}
    titles = {e.key: e.name for e in report.entities if e.label is Label.MEASURE}
    (proximity,) = [k for k in dates if "Proximity auditing" in titles[k]]
    assert dates[proximity] == "2021"


def test_batch_release_dates_stay_on_the_batch(report: ParsedReport) -> None:
    replicated = [r for r in report.relations if r.type is Rel.REPLICATED_TO and r.start.key.startswith("national:")]
    assert not [r for r in replicated if "department" not in r.start.key and "date" in dict(r.props)]
    dated = {e.key: e.properties["date"] for e in report.entities if e.label is Label.BATCH and "date" in e.properties}
    assert dated["national:best-practices:5"] == "2024-01-18"
    assert dated["national:pilot-measures:1"] == "2024-10-25"
    docs = {
        e.key: e.properties["date"] for e in report.entities if e.label is Label.DOCUMENT and "date" in e.properties
    }
    assert docs["S.Z.M.H.[2024]14"] == "2024-01-18", "the letter that released the fifth batch is dated by the release"


def test_pilot_edges_carry_the_pilot_start(report: ParsedReport) -> None:
    pilots: dict[str, set[str]] = {}
    for r in report.relations:
        if r.type is Rel.ORIGINATED_IN and r.start.key.startswith("national:pilot-measures:"):
            pilots.setdefault(r.start.key, set()).add(r.end.key)
            assert dict(r.props)["resolved"].startswith(("group", "pilots of group"))
            if "date" in dict(r.props):
                assert dict(r.props)["date"] == "2023-06"
                assert r.provenance.quote.startswith("In June 2023")
    six = {"shanghai", "guangdong", "tianjin", "fujian", "beijing", "hainan-ftp"}
    assert len(pilots) == 30 and all(z == six for z in pilots.values())


def test_an_undated_adoption_has_no_date(report: ParsedReport) -> None:
    adopted = [r for r in report.relations if r.type is Rel.ADOPTED]
    jiaxing = [r for r in adopted if "jiaxing" in r.start.key]
    assert jiaxing and all("date" not in dict(r.props) for r in jiaxing)


def test_adoption_dated_by_its_own_sentence() -> None:
    r = parse_report(
        'Five PFTZs are here. In May 2024, Hubei PFTZ replicated and scaled up the "new model for ship '
        'supervision and declaration" from the 5th batch of best practices.',
        "x.txt",
        partial=True,
    )
    (adoption,) = [x for x in r.relations if x.type is Rel.ADOPTED]
    assert dict(adoption.props)["date"] == "2024-05"


def test_dates_survive_rewrapping(report: ParsedReport) -> None:
    other = parse_report(rewrap_paragraphs(BUNDLED_REPORT.read_text(encoding="utf-8"), 80), "x.txt")

    def dated(r: ParsedReport) -> set[tuple[str, str, str, object]]:
        return {(str(x.type), x.start.key, x.end.key, dict(x.props).get("date")) for x in r.relations}

    assert dated(other) == dated(report)


def test_a_row_that_names_its_zone_bounds_the_pilot_by_the_release() -> None:
    excerpt = (
        'Appendix 1: Status of Innovations\n\nTable 1: Fifth Batch of "Best Practices" in PFTZs\n\n'
        "No.\tReform Initiative\tScope\n"
        '\tLetter of the Ministry of Commerce on Issuing the Fifth Batch of "Best Practices" in PFTZs '
        "S.Z.M.H. [2024] No. 14\t\n"
        "1\tNew model for ship supervision in Zhejiang PFTZ\tNationwide\n\nSource: Ministry of Commerce website\n\n"
        'Appendix 2: Milestones\n\nOn January 18, 2024, the Ministry of Commerce released 1 "Best Practices" '
        "from the fifth batch.\n"
    )
    r = parse_report(excerpt, "x.txt", partial=True)
    (origin,) = [x for x in r.relations if x.type is Rel.ORIGINATED_IN]
    assert origin.end.key == "zhejiang"
    assert dict(origin.props) == {"not_after": "2024-01-18"}, "a bound, never a date"
