"""The gazetteer's anchored scan finds exactly what a full scan of the name alternation finds."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from pftz.ground.names import WORD_START, name_anchors
from pftz.loaders.reference import Gazetteer, _anchored_finditer, _Names
from pftz.loaders.report import BUNDLED_REPORT
from tests.perturb import move_body_page_breaks, rewrap_paragraphs

GAZ = Gazetteer.default()
ZONE_FORMS = [f for f, _ in GAZ._zone_surface]
ZONES = _Names.of(GAZ.zone_pattern(), ZONE_FORMS)


def _spans(names: _Names, text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    return [m.span() for m in _anchored_finditer(names, text)], [m.span() for m in names.regex.finditer(text)]


def test_every_zone_name_holds_an_anchor_with_few_words_before_it() -> None:
    anchors = name_anchors(ZONE_FORMS)
    assert anchors is not None and ZONES.anchor is not None
    for form in ZONE_FORMS:
        hit = ZONES.anchor.search(form)
        assert hit is not None, form
        assert len(re.findall(WORD_START, form[: hit.start() + 1])) - 1 <= ZONES.before, form


def test_the_same_matches_as_a_full_scan_on_the_report_and_its_perturbed_copies() -> None:
    text = BUNDLED_REPORT.read_text(encoding="utf-8")
    for copy in (text, rewrap_paragraphs(text), move_body_page_breaks(text)):
        found = 0
        for chunk in copy.split("\n\n"):
            anchored, full = _spans(ZONES, chunk)
            assert anchored == full, chunk[:200]
            found += len(full)
        assert found > 300  # the report names its zones hundreds of times


_PIECES = st.sampled_from(
    [*ZONE_FORMS[:60], "PFTZs", "Free", "Trade", "(", ")", "Pilot", "China", "the", "in", "of", "s", "'s", "–", "-"]
)
_GLUE = st.sampled_from([" ", "  ", "\n", "", ", ", "（", "）", "x", "é"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_PIECES, _GLUE), max_size=14))
def test_the_same_matches_as_a_full_scan_on_generated_text(parts: list[tuple[str, str]]) -> None:
    text = "".join(p + g for p, g in parts)
    for variant in (text, text.lower(), text.upper()):
        anchored, full = _spans(ZONES, variant)
        assert anchored == full, variant


def test_names_without_a_word_to_anchor_are_scanned_in_full() -> None:
    assert name_anchors(["(Hubei) PFTZ"]) is None  # starts with no letter: a match may start anywhere
    assert _Names.of(re.compile("x"), ["-"]).anchor is None
