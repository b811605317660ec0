"""Tests of the passes ``agent-bodies`` and ``documents`` on the forms news stories print (issue 24): a day or a
scope between a participle of acting and its ``by``, bodies listed after one ``by`` with ``or``, a quoted title
named by ``titled``. Excerpts written for the tests, with perturbed copies."""

from __future__ import annotations

import pytest

from tests.perturb import report_facts, rewrapped


def _named(text: str, fact: str) -> set[str]:
    return {name for f, name, _actors, _adopter in report_facts(text) if f == fact}


_BY_DAY = (
    "Shandong will copy 19 reforms of its free trade zone in every city, under a circular released Monday by the "
    "Shandong Provincial People's Government. Nine of the zone's practices have been replicated nationwide by the "
    "General Administration of Customs or the Ministry of Commerce."
)


@pytest.mark.parametrize(
    "text",
    [
        _BY_DAY,
        rewrapped(_BY_DAY, 39),
        _BY_DAY.replace("released Monday by", "published last week by"),
        _BY_DAY.replace(" or the Ministry of Commerce", ", or the Ministry of Commerce"),
    ],
)
def test_bodies_acting_after_a_day_or_a_scope_and_by(text: str) -> None:
    """``a circular released Monday by <body>``, ``replicated nationwide by <body> or <body>``: each body acts."""
    bodies = _named(text, "body")
    assert {"General Administration of Customs", "Ministry of Commerce"} <= bodies
    assert any("Shandong" in b and "Government" in b for b in bodies)


def test_a_body_merely_named_after_or_does_not_act() -> None:
    """A body after ``or`` acts only when the body before it was named after ``by``."""
    text = (
        "Officials of the General Administration of Customs or the Ministry of Commerce visited the port of the "
        "Shandong FTZ."
    )
    assert not _named(text, "body")


_TITLED = (
    "The circular, titled \u201cNotice on Replicating the Fourth Batch of Institutional Innovations of the China "
    "(Hunan) Pilot Free Trade Zone Across the Province,\u201d asks cities to report every quarter."
)


@pytest.mark.parametrize(
    "text",
    [
        _TITLED,
        rewrapped(_TITLED, 44),
        _TITLED.replace("\u201c", '"').replace("\u201d", '"').replace("titled", "entitled"),
    ],
)
def test_a_quoted_title_after_titled_is_a_document(text: str) -> None:
    """``The circular, titled "Notice on ..."``: the quoted title is a document's."""
    docs = _named(text, "document")
    assert any(d.startswith("Notice on Replicating the Fourth Batch") for d in docs)


def test_a_quoted_phrase_after_titled_that_is_no_title_is_no_document() -> None:
    """A quoted phrase with no title word after ``titled`` is no document (a talk, a report's chapter)."""
    text = (
        'Her talk, titled "Small steps, big gains for exporters," drew a crowd at the Changsha Area of the Hunan FTZ.'
    )
    assert not _named(text, "document")


_EXTENDED = (
    "In May the General Administration of Customs extended eight bonded logistics measures, first confined to the "
    "Qianhai Area of the Guangdong FTZ, to the FTZs in Hainan and Guangxi."
)


@pytest.mark.parametrize("text", [_EXTENDED, rewrapped(_EXTENDED, 36)])
def test_a_body_that_extended_measures_acts(text: str) -> None:
    """``<body> extended <measures> ... to ...``: the body acts (it spreads them)."""
    assert "General Administration of Customs" in _named(text, "body")


_INVERTED = (
    "The six zones met in Urumqi. Also released was the Urumqi Consensus on Deepening Cooperation of Border Ports "
    "in the Xinjiang and Inner Mongolia FTZs, which sets out 20 tasks."
)


@pytest.mark.parametrize(
    "text",
    [
        _INVERTED,
        rewrapped(_INVERTED, 40),
        _INVERTED.replace("Also released was the Urumqi Consensus", "Also signed was the Urumqi Joint Declaration"),
    ],
)
def test_a_title_after_an_inverted_passive_of_issuing(text: str) -> None:
    """``Also released was the <Title> on ...``: an unquoted title after an inverted passive of issuing."""
    docs = _named(text, "document")
    assert any(d.startswith("Urumqi") and "on Deepening Cooperation of Border Ports" in d for d in docs)
