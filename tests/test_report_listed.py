"""Pass ``listed-not-cases`` and the lists of ``listed-batch-cases`` it reads: in an edition, the items of a national
batch a paragraph lists are the batch's, not the zones' own cases there. Excerpts written for these tests."""

from __future__ import annotations

import pytest

from pftz.loaders.evaluate import facts_from_report
from pftz.loaders.report import parse_report
from tests.test_reader_layouts import CONTENTS, _national, _perturbed

RELEASE = (
    "In June 2030, MOFCOM released the eighth batch of best practice cases of PFTZs, with twelve cases in all. Among "
    'them, the "port congestion early warning" service developed by Liaoning PFTZ was welcomed by carriers, and the '
    "bonded storage of artworks, piloted by the Qianhai Area of Guangdong PFTZ, was promoted as a model for galleries. "
    'The same batch included a "green methanol bunkering" certification model from Hainan FTP.'
)
LATER = (
    'The eighth batch of best practice cases is arranged in three fields. It includes the "night-time clearance" '
    "model for fresh seafood from Shandong PFTZ, and the aircraft parts pooling service of Tianjin PFTZ. The batch "
    "also contains a shared registry of river pilots, jointly developed by Hubei PFTZ and Hunan PFTZ, and a credit "
    "pledge for farm machinery and a cold-chain bill of lading, the latter first launched in the Qinzhou Area of "
    "Guangxi PFTZ."
)
OWN_CASE = 'Liaoning PFTZ\'s "port congestion early warning" service now covers nine terminals in Dalian.'


def _edition(*paras: str) -> str:
    return CONTENTS.replace('Shanghai PFTZ launched a new "one-stop data service" for enterprises.', "\n\n".join(paras))


def _cases(text: str) -> dict[str, set[str]]:
    facts = facts_from_report(parse_report(text, "later.txt"))
    return {f.name: {a.split(":", 1)[1] for a in f.actors} for f in facts if f.fact == "zone_case"}


@pytest.mark.parametrize("variant", range(4))
def test_the_items_a_release_paragraph_lists_are_no_zone_cases(variant: int) -> None:
    """Items after "Among them, the "A" developed by X ...; The same batch included a "B" from Y": A and B are the
    batch's items (its national measures with their zones), not X's and Y's cases there."""
    text = _perturbed(_edition(RELEASE, "Tianjin PFTZ opened a bonded repair centre for drones."))[variant % 3]
    if variant == 3:  # curly quotes, other zones
        text = (
            text.replace('"port congestion early warning"', "\u201cport congestion early warning\u201d")
            .replace("Liaoning PFTZ", "Jiangsu PFTZ")
            .replace("Hainan FTP", "Fujian PFTZ")
        )
    cases = _cases(text)
    assert not [n for n in cases if "port congestion" in n or "methanol" in n or "artworks" in n]
    national = _national(parse_report(text, "later.txt"))
    first, third = ("jiangsu", "fujian") if variant == 3 else ("liaoning", "hainan-ftp")
    assert national["port congestion early warning service"] == {first}
    assert national["green methanol bunkering certification model"] == {third}


@pytest.mark.parametrize("variant", range(3))
def test_a_later_paragraph_whose_subject_is_the_batch_lists_its_items(variant: int) -> None:
    """A paragraph "The eighth batch of best practice cases is arranged ... It includes A from X, ... The batch also
    contains B, jointly developed by Y and Z, ... and D, the latter first launched in W": the batch's items, B one
    joint innovation of Y and Z, W the origin of D; no zone case."""
    text = _perturbed(_edition(RELEASE, LATER))[variant]
    assert not [n for n in _cases(text) if "seafood" in n or "pilots" in n or "pooling" in n]
    national = _national(parse_report(text, "later.txt"))
    assert national["night-time clearance model for fresh seafood"] == {"shandong"}
    assert national["aircraft parts pooling service"] == {"tianjin"}
    assert national["shared registry of river pilots"] == {"hubei", "hunan"}
    assert national["cold-chain bill of lading"] == {"guangxi/qinzhou-port-area"}
    assert not [n for n in national if "latter" in n]
    joint = {f.name for f in facts_from_report(parse_report(text, "later.txt")) if f.fact == "joint_effort"}
    assert "shared registry of river pilots" in joint


def test_an_aside_among_others_is_no_item() -> None:
    later = LATER.replace("It includes the", "It included, among others, the")
    national = _national(parse_report(_edition(RELEASE, later), "later.txt"))
    assert "night-time clearance model for fresh seafood" in national
    assert not [n for n in national if "among" in n]


def test_the_same_innovation_told_as_the_zones_case_elsewhere_stays_its_case() -> None:
    cases = _cases(_edition(RELEASE, OWN_CASE))
    assert cases == {"port congestion early warning service": {"liaoning"}} or cases.get(
        "port congestion early warning"
    ) == {"liaoning"}


def test_a_text_that_is_not_an_edition_keeps_its_cases() -> None:
    """Outside an edition the pass does nothing: a press release's cases stay the zones' cases."""
    text = RELEASE + "\n"
    assert "port congestion early warning" in " ".join(_cases(text))
