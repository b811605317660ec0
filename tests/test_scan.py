"""The gazetteer's anchored scan and its scan by heads find exactly what a full scan of the name alternation finds."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from pftz.ground.names import WORD_START, name_anchors, name_heads
from pftz.loaders.gazetteer import Gazetteer
from pftz.loaders.gazetteer_scan import _anchored_finditer, _headed_finditer, _Names
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


# -- the scan by heads: each word start tried with the names of the word's head alone

BODY_FORMS = list(GAZ._body_surface)
HEADED = {kind: GAZ._scanner(kind) for kind in ("zone", "body")}


def _headed_spans(names: _Names, text: str) -> tuple[list[tuple[int, int, str]], list[tuple[int, int, str]]]:
    headed = [(*m.span(), m.group(0)) for m in _headed_finditer(names, text, text.lower())]
    return headed, [(*m.span(), m.group(0)) for m in names.regex.finditer(text)]


def test_every_name_of_zones_and_bodies_has_a_head() -> None:
    for kind, names in HEADED.items():
        assert names.heads, kind
        assert len({alt for _, alt in names.heads}) == len(names.heads), kind
    assert name_heads([("Ürümqi Area", True)]) is None  # a name not starting with an ASCII letter: no heads
    assert _Names.of(re.compile("x"), ["x"], surface=[("Ürümqi Area", True)])._words is None


def test_the_scan_by_heads_finds_what_a_full_scan_finds_on_the_report_and_its_perturbed_copies() -> None:
    text = BUNDLED_REPORT.read_text(encoding="utf-8")
    for copy in (text, rewrap_paragraphs(text), move_body_page_breaks(text)):
        found = dict.fromkeys(HEADED, 0)
        for chunk in copy.split("\n\n"):
            for kind, names in HEADED.items():
                headed, full = _headed_spans(names, chunk)
                assert headed == full, (kind, chunk[:200])
                found[kind] += len(full)
        assert min(found.values()) > 100, found  # the report names zones and bodies hundreds of times


_BODY_PIECES = st.sampled_from(
    [f for f, _ in BODY_FORMS[::3]]
    + ["People's", "Peoples", "Ministry", "of", "the", "State", "Council", "General", "Office", "MOFCOM", "Mofcom"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.one_of(_PIECES, _BODY_PIECES), _GLUE), max_size=14))
def test_the_scan_by_heads_finds_what_a_full_scan_finds_on_generated_text(parts: list[tuple[str, str]]) -> None:
    text = "".join(p + g for p, g in parts)
    for variant in (text, text.lower(), text.upper(), text.title()):
        for kind, names in HEADED.items():
            headed, full = _headed_spans(names, variant)
            assert headed == full, (kind, variant)


def test_a_text_holding_a_letter_matched_as_an_ascii_one_is_scanned_in_full() -> None:
    # case-insensitive matching takes the long s for an "s" and the Kelvin sign for a "K": the whole
    # alternation finds these names; a word's lower case would not begin with their heads
    assert [m.key for m in GAZ.find_zones("the \u017fhanghai PFTZ and Zhejiang PFTZ")] == ["shanghai", "zhejiang"]
    assert [m.key for m in GAZ.find_bodies("MINI\u017fTRY OF COMMERCE")] == ["mofcom"]


# -- the quick tests before the scans: faster forms of the same tests

_OLD_ZONE_HINT = re.compile(r"PFTZ|FTP|FTZ|Free\s+Trade", re.IGNORECASE)
_HINT_PIECES = st.sampled_from(
    [
        "PFTZ",
        "pftz",
        "FtP",
        "FTZs",
        "Free  Trade",
        "free\ntrade",
        "Free",
        "Trade",
        "Area",
        "AREA",
        "area",
        "zone",
        "Zone",
        "park",
        "Hengqin",
        "HENGQIN",
        "CBD",
        "city",
        "the",
        "Lujiazui",
        "LINGANG SPECIAL",
        "\u017f",
        "\u212a",
        "\u0130",
        "\u0131",
        "é",
        "_",
        "-",
        "x",
        "Ürümqi",
    ]
)


def _hints_agree(text: str) -> None:
    from pftz.loaders.narrative_facts import ZONE_HINT_RE as NARRATIVE_ZONE_HINT_RE
    from pftz.loaders.report_context import AREA_ANY_CASE_HINT_RE, ZONE_HINT_RE, _any_case_hint

    assert bool(ZONE_HINT_RE.search(text)) == bool(_OLD_ZONE_HINT.search(text)), text
    assert bool(NARRATIVE_ZONE_HINT_RE.search(text)) == bool(_OLD_ZONE_HINT.search(text)), text
    assert _any_case_hint(text) == bool(AREA_ANY_CASE_HINT_RE.search(text)), text
    assert GAZ._area_hint is not None
    assert GAZ._area_word_in(text) == bool(GAZ._area_hint.search(text)), text


def test_the_quick_tests_agree_with_their_plain_forms_on_the_report() -> None:
    for chunk in BUNDLED_REPORT.read_text(encoding="utf-8").split("\n"):
        _hints_agree(chunk)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_HINT_PIECES, st.sampled_from([" ", "", "  ", ","])), max_size=10))
def test_the_quick_tests_agree_with_their_plain_forms_on_generated_text(parts: list[tuple[str, str]]) -> None:
    text = "".join(p + g for p, g in parts)
    for variant in (text, text.lower(), text.upper()):
        _hints_agree(variant)
