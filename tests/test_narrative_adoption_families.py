"""Adoptions told in the constructions other authors use (issue 24, seventh round), one family each: a second
participle sharing a passive auxiliary, an anaphor of a later clause after a quoted name of an earlier one.

Each family has excerpts in other words than any development text (other zones, other innovations) and a
perturbed copy of each (re-wrapped, other quote marks).
"""

from __future__ import annotations

import pytest

from tests.perturb import report_facts, rewrapped


def _adopted(text: str) -> set[tuple[str, str, str]]:
    """(name, origins joined, adopter) of every adoption of a text."""
    return {(n, ";".join(sorted(a)), ad) for f, n, a, ad in report_facts(text) if f == "adoption"}


def _curly(text: str) -> str:
    """The same text with curly double quotes."""
    out, open_ = [], True
    for ch in text:
        if ch == '"':
            out.append("“" if open_ else "”")
            open_ = not open_
        else:
            out.append(ch)
    return "".join(out)


FAMILIES = [
    (  # a second participle sharing the auxiliary: "has been replicated in A and taken up by B"
        'Fujian PFTZ\'s "bonded yacht maintenance ledger" was developed in the Xiamen Area to track spare parts. '
        "The system has been replicated in the Nantong coordinated innovation zone of Jiangsu PFTZ and "
        "taken up by Hainan FTP for visiting yachts.",
        {("bonded yacht maintenance ledger", "zone:fujian", "zone:hainan-ftp")},
    ),
    (  # the same, "was extended to A and later adopted by B", with an adverb before the second participle
        'Sichuan PFTZ launched the "rail freight pre-clearance model for western corridors" in 2027. The model was '
        "extended to Guizhou Province and later adopted by Yunnan PFTZ.",
        {
            ("rail freight pre-clearance model for western corridors", "zone:sichuan", "province:guizhou"),
            ("rail freight pre-clearance model for western corridors", "zone:sichuan", "zone:yunnan"),
        },
    ),
    (  # an anaphor opening a later clause stands for the quoted name of the clause before, not an earlier one
        'Shanghai PFTZ and Jiangsu PFTZ jointly built a "green corridor" for biomedical samples. Hubei PFTZ has '
        'adopted a "point-based" credit scheme for customs brokers, and the scheme was introduced to Shaanxi in '
        "2029.",
        {("point-based credit scheme for customs brokers", "zone:hubei", "province:shaanxi")},
    ),
]


@pytest.mark.parametrize(("text", "want"), FAMILIES)
def test_adoption_families(text: str, want: set[tuple[str, str, str]]) -> None:
    for t in (text, rewrapped(text, 44), _curly(rewrapped(text, 61))):
        assert _adopted(t) >= want, t


def test_a_shared_participle_needs_a_subject_read_before() -> None:
    text = "Many firms have been registered in the Hengqin Area and taken up by local banks as clients."
    assert not _adopted(text)


def test_the_later_clause_anaphor_is_not_the_innovation_of_a_sentence_before() -> None:
    text = (
        'Chongqing PFTZ set up a "cold-chain pallet pool" for inland ports. Hunan PFTZ has adopted a "one-code" '
        "tracing model for imported durians, and the model was introduced to Guizhou in 2030."
    )
    got = _adopted(text)
    assert ("one-code tracing model for imported durians", "zone:hunan", "province:guizhou") in got
    assert not any(n.startswith("cold-chain") for n, _o, _a in got)
