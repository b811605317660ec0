"""Tests of the evaluation harness: annotation files, matching, scores and ``pftz eval``."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from pftz.ground.errors import AnnotationError
from pftz.loaders.evaluate import (
    HEADER,
    Fact,
    align_lines,
    evaluate,
    facts_from_report,
    load_annotations,
    names_match,
    parse_annotations,
    same_words,
)
from pftz.loaders.report import BUNDLED_REPORT, load_report, parse_report
from pftz.shell.cli import cli
from tests.perturb import move_body_page_breaks, rewrap_paragraphs

ANNOTATIONS = Path(__file__).parent / "annotations"
SAMPLE = ANNOTATIONS / "sample.csv"
HEAD = ",".join(HEADER) + "\n"

THRESHOLDS: dict[str, dict[str, float]] = {
    # fact type -> minimum precision, recall and exact-actor share on tests/annotations/*.csv (the sample
    # fixture excluded; unsure rows count only when matched); measured 2026-11-29 about 3 points above
    # these: zone cases P 100 R 96.9 exact 100, adoptions P 100 R 100 exact 94.5, joint efforts P 100
    # R 100 exact 92.0 (issue 12 part A: quoted names, joint clause lists, printed groups; part B: unquoted
    # named practices).
    "zone_case": {"precision": 0.97, "recall": 0.94, "exact": 0.97},
    "adoption": {"precision": 0.97, "recall": 0.97, "exact": 0.91},
    "joint_effort": {"precision": 0.97, "recall": 0.97, "exact": 0.89},
    # tests/annotations/report-2025-entities.csv, measured 2026-12-05: areas P 80 R 100 (the one false area is
    # a name the annotator left out as not an area of a PFTZ), bodies P 98 R 100, documents P 100 R 78.9,
    # national innovations P 100 R 82.9 (the overview's sentences name table rows in other words), batches
    # P 95.7 R 100
    "area": {"precision": 0.75, "recall": 0.95},
    "body": {"precision": 0.95, "recall": 0.97},
    "document": {"precision": 0.97, "recall": 0.75},
    "national": {"precision": 0.97, "recall": 0.80, "exact": 0.95},
    "batch": {"precision": 0.92, "recall": 0.97},
}
"""The regression thresholds, in one place."""


def _gold(*rows: str) -> list[Fact]:
    return parse_annotations(HEAD + "".join(r + "\n" for r in rows), "t.csv")


def test_parse_reads_every_column() -> None:
    rows = _gold(
        'zone_case,882,integrated license,zone:shanghai,,,"a ""quoted"" quote"',
        "adoption,815,one-stop platform,,province:ningxia,,q",
        "joint_effort,635,Alliance,zone:beijing;zone:tianjin,,,q",
        "zone_case,1390,reform,zone:shandong;zone:henan,,yes,q",
    )
    assert [r.fact for r in rows] == ["zone_case", "adoption", "joint_effort", "zone_case"]
    assert rows[0].quote == 'a "quoted" quote' and rows[0].source_line == 2
    assert rows[1].adopter == "province:ningxia" and rows[1].actors == frozenset()
    assert rows[2].actors == {"zone:beijing", "zone:tianjin"}
    assert rows[3].joint and not rows[0].joint


@pytest.mark.parametrize(
    ("row", "line", "words"),
    [
        ("case,1,x,zone:a,,,q", 3, "fact 'case'"),
        ("zone_case,x1,x,zone:a,,,q", 3, "positive integer"),
        ("zone_case,1,x,shanghai,,,q", 3, "typed token"),
        ("zone_case,1,x,zone:a,province:b,,q", 3, "only for adoption"),
        ("adoption,1,x,,,,q", 3, "exactly one adopter"),
        ("zone_case,1,x,zone:a,,y,q", 3, "joint"),
        ("zone_case,1,x,zone:a,,", 3, "6 cells"),
    ],
)
def test_malformed_rows_name_their_line(row: str, line: int, words: str) -> None:
    with pytest.raises(AnnotationError) as e:
        _gold("zone_case,882,ok,zone:shanghai,,,q", row)
    assert e.value.line == line and words in str(e.value) and "t.csv:3" in str(e.value)


def test_wrong_header_is_line_one() -> None:
    with pytest.raises(AnnotationError) as e:
        parse_annotations("fact,line,name\n", "t.csv")
    assert e.value.line == 1


def test_names_match_keeps_fuller_phrases() -> None:
    assert names_match("smart form model for business registration", "smart form") == 100
    assert names_match("integrated license for convergent business", "one license per industry") < 70


def test_scores_count_misses_and_false_positives() -> None:
    gold = _gold(
        "zone_case,10,integrated license for convergent business,zone:shanghai,,,q",
        "zone_case,20,business scope registration reform,zone:shanghai,,,q",
        "adoption,30,platform for exit-entry personnel,,province:ningxia,,q",
    )
    pred = [
        Fact("zone_case", (11,), '"integrated license for convergent business"', frozenset({"zone:shanghai"})),
        Fact("zone_case", (40,), "unrelated thing", frozenset({"zone:fujian"})),
        Fact("adoption", (30,), "platform for exit-entry personnel", frozenset(), adopter="province:ningxia"),
        Fact("adoption", (30,), "platform for exit-entry personnel", frozenset(), adopter="province:shanxi"),
    ]
    r = evaluate(gold, pred)
    zc = r.score("zone_case")
    assert (zc.gold, zc.predicted, zc.gold_matched, zc.predicted_matched) == (2, 2, 1, 1)
    assert zc.precision == 0.5 and zc.recall == 0.5 and zc.f1 == 0.5
    assert [m.lines for m in zc.misses] == [(20,)] and [f.lines for f in zc.false_positives] == [(40,)]
    ad = r.score("adoption")
    assert ad.recall == 1.0 and ad.precision == 0.5
    assert r.score("joint_effort").recall == 1.0  # nothing annotated, nothing read


def test_an_anaphor_as_the_gold_name_matches_the_innovation_the_loader_resolved() -> None:
    gold = _gold(
        "adoption,30,The practice,,province:ningxia,,q",
        "adoption,40,these measures,,zone:fujian,,q",
        "adoption,50,bonded repair model,,province:hebei,,q",
    )
    pred = [
        Fact(
            "adoption",
            (30,),
            "platform for exit-entry personnel",
            frozenset({"zone:hubei"}),
            adopter="province:ningxia",
        ),
        Fact("adoption", (40,), "cross-border wealth custody", frozenset(), adopter="zone:fujian"),
        Fact("adoption", (50,), "credit loans for small firms", frozenset(), adopter="province:hebei"),
        Fact("adoption", (60,), "", frozenset(), adopter="province:gansu"),
    ]
    ad = evaluate(gold, pred).score("adoption")
    assert ad.gold_matched == 2 and [m.lines for m in ad.misses] == [(50,)]


def test_a_wrong_zone_is_no_match() -> None:
    gold = _gold("zone_case,10,integrated license,zone:shanghai,,,q")
    pred = [Fact("zone_case", (10,), "integrated license", frozenset({"zone:fujian"}))]
    assert evaluate(gold, pred).score("zone_case").recall == 0.0


def test_exact_actors_and_joint_flag() -> None:
    gold = _gold("zone_case,10,reform,zone:shandong;zone:henan,,yes,q")
    partial = [Fact("zone_case", (10,), "reform", frozenset({"zone:shandong"}))]
    full = [Fact("zone_case", (10,), "reform", frozenset({"zone:shandong", "zone:henan"}), joint=True)]
    assert evaluate(gold, partial).score("zone_case").exact_share == 0.0
    assert evaluate(gold, full).score("zone_case").exact_share == 1.0


def test_sample_on_the_bundled_report() -> None:
    gold = load_annotations([SAMPLE])
    result = evaluate(gold, facts_from_report(load_report()))
    assert result.score("joint_effort").recall == 1.0
    assert result.score("zone_case").gold == 6


def test_the_same_figures_on_perturbed_copies() -> None:
    gold = load_annotations([SAMPLE])
    text = BUNDLED_REPORT.read_text(encoding="utf-8")
    base = evaluate(gold, facts_from_report(parse_report(text)))
    for copy in (rewrap_paragraphs(text), move_body_page_breaks(text)):
        other = evaluate(gold, facts_from_report(parse_report(copy), align_lines(text, copy)))
        for a, b in zip(base.scores, other.scores, strict=True):
            assert b.recall >= a.recall - 0.02, (a.fact, a.recall, b.recall)


def test_cli_eval_on_a_rewrapped_copy(tmp_path: Path) -> None:
    copy = tmp_path / "rewrapped.txt"
    copy.write_text(rewrap_paragraphs(BUNDLED_REPORT.read_text(encoding="utf-8")), encoding="utf-8")
    a = CliRunner().invoke(cli, ["eval", str(SAMPLE)])
    b = CliRunner().invoke(cli, ["eval", str(SAMPLE), str(copy)])
    assert b.exit_code == 0, b.output
    assert a.output.splitlines()[1:5] == b.output.splitlines()[1:5]  # the same score table


def test_cli_eval_prints_scores_and_rejects_a_bad_file(tmp_path: Path) -> None:
    ok = CliRunner().invoke(cli, ["eval", str(SAMPLE)])
    assert ok.exit_code == 0, ok.output
    assert "zone_case" in ok.output and "F1" in ok.output
    bad = tmp_path / "bad.csv"
    bad.write_text(HEAD + "zone_case,882,x,zone:shanghai,,,q\nzone_case,nope,x,zone:a,,,q\n", encoding="utf-8")
    res = CliRunner().invoke(cli, ["eval", str(bad)])
    assert res.exit_code == 1 and f"{bad}:3" in res.output and "Traceback" not in res.output


HAND = sorted(p for p in ANNOTATIONS.glob("*.csv") if p.name != "sample.csv")


def test_regression_against_the_hand_annotations() -> None:
    result = evaluate(load_annotations(HAND), facts_from_report(load_report()))
    low = []
    for fact, limits in THRESHOLDS.items():
        s = result.score(fact)
        got = {"precision": s.precision, "recall": s.recall, "exact": s.exact_share}
        low += [f"{fact} {k} {got[k]:.1%} < {v:.0%}" for k, v in limits.items() if got[k] < v]
    assert not low, "; ".join(low)


def test_an_unsure_row_counts_when_matched_and_is_left_out_when_not() -> None:
    def case(line: int, name: str, quote: str = "") -> Fact:
        return Fact("zone_case", (line,), name, frozenset({"zone:shanghai"}), quote=quote)

    gold = [case(10, "smart form model"), case(20, "green channel", "UNSURE: a slogan?"), case(30, "x", "UNSURE: ?")]
    predicted = [case(10, "smart form model"), case(20, "green channel")]
    s = evaluate(gold, predicted).score("zone_case")
    assert (s.gold, s.gold_matched, s.unsure_left, s.precision, s.recall) == (2, 2, 1, 1.0, 1.0)
    assert not s.misses and not s.false_positives


# --------------------------------------------------------------------------- the entity types (areas, bodies, ...)
def test_entity_rows_match_by_name_or_alias_wherever_read() -> None:
    gold = _gold(
        "body,40,MOFCOM,,,,q",
        "document,50,G.H. [2024] No. 156,,,,q",
        "area,60,Lin-gang Special Area,zone:shanghai,,,q",
        "area,61,Qianhai Area,zone:guangdong,,,q",
    )
    pred = [
        Fact("body", (900,), "Ministry of Commerce", frozenset(), aliases=("Ministry of Commerce", "MOFCOM")),
        Fact("document", (3,), "Notice (G.H. [2024] No. 156)", frozenset(), aliases=("Notice", "G.H. [2024] No. 156")),
        Fact("area", (700,), "Lin-gang Special Area", frozenset({"zone:shanghai"})),
        Fact("area", (61,), "Qianhai Area", frozenset({"zone:shenzhen"})),  # the wrong PFTZ is no match
    ]
    ev = evaluate(gold, pred)
    assert (ev.score("body").recall, ev.score("document").recall) == (1.0, 1.0)
    area = ev.score("area")
    assert area.gold_matched == 1 and [m.name for m in area.misses] == ["Qianhai Area"]


def test_batches_match_by_ordinal_owner_and_kind() -> None:
    gold = _gold(
        "batch,10,fifth batch of best practice cases,,,,q",
        "batch,11,10th batch,zone:fujian,,,q",
        "batch,12,third batch of reform experience,,,,q",
    )
    pred = [
        Fact("batch", (1,), "5th batch of best practices", frozenset()),
        Fact("batch", (2,), "Fujian PFTZ: 10th batch of institutional innovations", frozenset({"zone:fujian"})),
        Fact("batch", (3,), "3rd batch of best practices", frozenset()),  # another series
    ]
    ev = evaluate(gold, pred).score("batch")
    assert ev.gold_matched == 2 and [m.source_line for m in ev.misses] == [4]


def test_national_innovations_match_near_their_line_with_origins() -> None:
    gold = _gold("national,100,one-stop ship registration,zone:hainan,,,q")
    near = Fact("national", (104,), "One-stop ship registration", frozenset({"zone:hainan"}))
    far = Fact("national", (300,), "One-stop ship registration", frozenset({"zone:hainan"}))
    assert evaluate(gold, [near]).score("national").exact_share == 1.0
    assert evaluate(gold, [far]).score("national").recall == 0.0


def test_entity_facts_of_the_bundled_report() -> None:
    facts = facts_from_report(load_report())
    by = {t: [f for f in facts if f.fact == t] for t in ("body", "document", "batch", "national", "area")}
    assert any("MOFCOM" in f.aliases for f in by["body"])
    assert any("G.H. [2024] No. 156" in f.aliases for f in by["document"])
    assert any(f.actors == {"zone:fujian"} for f in by["batch"])
    assert len(by["national"]) >= 77  # the three national batches (23 + 24 + 30)
    assert all(len(f.actors) == 1 for f in by["area"])


def test_eval_lists_nothing_for_a_type_the_annotation_does_not_cover() -> None:
    result = CliRunner().invoke(cli, ["eval", str(SAMPLE), "--show", "5"])
    assert result.exit_code == 0, result.output
    assert "(not annotated)" in result.output
    assert "body false positive" not in result.output


def test_eval_of_another_text_uses_its_own_lines(tmp_path: Path) -> None:
    """A gold written on another text (--annotated-on the text itself) is not re-aligned to the bundled report."""
    text = tmp_path / "edition.txt"
    bundled = BUNDLED_REPORT.read_text(encoding="utf-8")
    text.write_text("\n" * 40 + bundled, encoding="utf-8")  # the same words, 40 lines lower
    gold = tmp_path / "gold.csv"
    rows = SAMPLE.read_text(encoding="utf-8").splitlines()
    cells = [r.split(",", 2) for r in rows[1:]]
    shifted = [rows[0]] + [",".join([fact, str(int(line) + 40), rest]) for fact, line, rest in cells]
    gold.write_text("\n".join(shifted) + "\n", encoding="utf-8")
    own = CliRunner().invoke(cli, ["eval", str(gold), str(text), "--annotated-on", str(text), "--show", "0"])
    default = CliRunner().invoke(cli, ["eval", str(SAMPLE), "--show", "0"])
    assert own.exit_code == 0, own.output
    table = lambda out: [ln for ln in out.splitlines() if ln.startswith(("zone_case", "adoption", "joint_effort"))]  # noqa: E731
    assert table(own.output) == table(default.output)


def test_only_another_layout_of_the_same_text_is_aligned() -> None:
    from tests.perturb import rewrap_paragraphs

    text = BUNDLED_REPORT.read_text(encoding="utf-8")
    assert same_words(text, rewrap_paragraphs(text))
    assert not same_words(text, text.replace("Shanghai PFTZ", "Shanghai FTZ", 1))  # another text: its own lines


def test_a_national_scope_in_any_wording_is_one_adopter() -> None:
    from pftz.loaders.evaluate import evaluate, parse_annotations

    head = "fact,line,name,actors,adopter,joint,quote\n"
    gold = parse_annotations(head + "adoption,10,smart berth allocation model,,group:throughout the country,,x\n")
    pred = parse_annotations(head + "adoption,10,smart berth allocation model,,group:nationwide,,x\n")
    other = parse_annotations(head + "adoption,10,smart berth allocation model,,group:all PFTZs,,x\n")
    assert evaluate(gold, pred).score("adoption").recall == 1.0
    assert evaluate(gold, other).score("adoption").recall == 0.0
