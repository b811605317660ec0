"""The reader on texts it was not written for: development texts written blind, with their gold.

``tests/editions/`` holds a later edition of the report and ``tests/texts/`` short texts of other
kinds (press releases, a circular, news, a paper's paragraph), each written by someone who never
read the loader, with a hand gold in the ``pftz eval`` format. The reader was tuned on the ones in
:data:`TUNED`; the thresholds below sit about five points under the figures measured when they
were set (issue 24). The held-back texts are measured in the issue notes, never tuned on: here
they are only read, which the loader once refused.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pftz.loaders.evaluate import evaluate, facts_from_report, load_annotations
from pftz.loaders.report import load_report

HERE = Path(__file__).parent
TUNED: dict[str, dict[str, tuple[float, float]]] = {
    # text -> fact type -> (minimum precision, minimum recall); measured 2026-12-05 (P / R):
    # 2026a zone cases 100/100 (97.9/97.9 before the 2027b forms), adoptions 92.7/95.0, joint efforts 100/100,
    # areas 100/87.0, bodies 100/95.0, documents 93.3/93.8, national innovations 100/94.7, batches 92.9/92.9
    "editions/report-2026a": {
        "zone_case": (0.95, 0.95),
        "adoption": (0.87, 0.90),
        "joint_effort": (0.95, 0.95),
        "area": (0.95, 0.82),
        "body": (0.95, 0.90),
        "document": (0.88, 0.88),
        "national": (0.95, 0.89),
        "batch": (0.87, 0.87),
    },
    # 01: everything 100/100 but batches 100/50 (a batch the ministry "will compile" is not read)
    "texts/01-mofcom-press-release": {
        "zone_case": (0.95, 0.95),
        "joint_effort": (0.95, 0.95),
        "area": (0.95, 0.95),
        "body": (0.95, 0.95),
        "document": (0.95, 0.95),
        "national": (0.95, 0.95),
        "batch": (0.95, 0.45),
    },
    # 03: adoptions 100/55.6 (cities as adopters are not read yet); the rest 100/100
    "texts/03-xinhua-news-henan": {
        "zone_case": (0.95, 0.95),
        "adoption": (0.95, 0.50),
        "area": (0.95, 0.95),
        "body": (0.95, 0.95),
        "batch": (0.95, 0.95),
    },
    # 04: adoptions 100/87.5; the rest 100/100
    "texts/04-guangxi-commerce-release": {
        "zone_case": (0.95, 0.95),
        "adoption": (0.95, 0.82),
        "area": (0.95, 0.95),
        "body": (0.95, 0.95),
        "document": (0.95, 0.95),
        "national": (0.95, 0.95),
        "batch": (0.95, 0.95),
    },
    # 2027b, held back until the narrative was tuned on it (issue 24): zone cases 88.1/66.1 before, 95.7/81.4
    # after (the rows of its provincial-batch table are the table reader's); adoptions 93.3/51.7 before,
    # 100/86.2 after; joint efforts 100/100; areas 100/87.9. Only the narrative's facts are pinned here.
    "editions/held-back/report-2027b": {
        "zone_case": (0.90, 0.76),
        "adoption": (0.95, 0.81),
        "joint_effort": (0.95, 0.95),
        "area": (0.95, 0.82),
    },
    # 05, held back likewise: zone cases 100/50 before, 100/100 after; adoptions 100/14.3 before, 100/100 after
    "texts/05-paper-diffusion": {
        "zone_case": (0.95, 0.95),
        "adoption": (0.95, 0.95),
    },
    # 06: documents 100/50 (an unquoted agreement is missed); the rest 100/100
    "texts/06-news-land-sea-alliance": {
        "zone_case": (0.95, 0.95),
        "joint_effort": (0.95, 0.95),
        "area": (0.95, 0.95),
        "document": (0.95, 0.45),
    },
}
HELD_BACK = ("texts/02-state-council-circular",)
"""Development texts the narrative was not tuned on (02: national items of a circular, read by the document reader)."""


@pytest.mark.parametrize("stem", sorted(TUNED))
def test_the_reader_on_a_development_text(stem: str) -> None:
    text, gold = HERE / f"{stem}.txt", HERE / f"{stem}.gold.csv"
    result = evaluate(load_annotations([gold]), facts_from_report(load_report(text)))
    low = []
    for fact, (p, r) in TUNED[stem].items():
        s = result.score(fact)
        assert s.gold, f"{stem}: the gold has no {fact} row to measure"
        low += [f"{fact} P {s.precision:.1%} < {p:.0%}"] if s.precision < p else []
        low += [f"{fact} R {s.recall:.1%} < {r:.0%}"] if s.recall < r else []
    assert not low, f"{stem}: " + "; ".join(low)


@pytest.mark.parametrize("stem", HELD_BACK)
def test_a_held_back_text_is_read_not_refused(stem: str) -> None:
    report = load_report(HERE / f"{stem}.txt")
    assert report.entities and report.relations


def test_every_text_has_its_gold() -> None:
    texts = {p.with_suffix("") for p in [*HERE.glob("editions/**/*.txt"), *HERE.glob("texts/*.txt")]}
    assert {str(t.relative_to(HERE)) for t in texts} == set(TUNED) | set(HELD_BACK)
    assert all(t.with_name(t.name + ".gold.csv").is_file() for t in texts)
