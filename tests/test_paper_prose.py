"""Origins and adoptions as papers tell them (loaders/paper_prose.py), on an excerpt written for these tests in the
manner of a working paper, and on re-wrapped copies of it."""

from __future__ import annotations

import re
import textwrap

from pftz.loaders.evaluate import facts_from_report
from pftz.loaders.report import load_report, parse_report

PAPER = """\
3.1 Two routes of diffusion

The first, the "green corridor" supervision model for fresh produce, was piloted by the Pingtan Area of \
Fujian PFTZ in 2019 and spread along the coast: the Zhejiang PFTZ adopted it in 2020, and the Guangxi \
and Hainan zones studied it closely. The second, remote notarisation of overseas powers of attorney, \
originated in the Qianhai and Shekou Area of the China (Guangdong) Pilot Free Trade Zone in 2021. The \
cold-chain bonded transit model developed in the Dongjiang area of Tianjin FTZ was adapted by the Nansha \
Area of Guangdong FTZ in 2022 and later by the Lingang Special Area of the Shanghai Pilot FTZ (Wu, 2024). \
In 2023 the Yangpu Area of Hainan FTP adapted the Qianhai notarisation model to shipping contracts.
"""


def _facts(text: str) -> tuple[set[tuple[str, frozenset[str]]], set[tuple[str, str]]]:
    facts = facts_from_report(parse_report(text, "paper.txt"))
    cases = {(f.name, f.actors) for f in facts if f.fact == "zone_case"}
    adoptions = {(f.name, f.adopter) for f in facts if f.fact == "adoption"}
    return cases, adoptions


def test_cases_with_a_passive_verb_of_origin() -> None:
    cases, _ = _facts(PAPER)
    assert ("green corridor supervision model for fresh produce", frozenset({"zone:fujian"})) in cases
    assert (
        "remote notarisation of overseas powers of attorney",
        frozenset({"zone:guangdong"}),
    ) in cases  # enumerated ("The second, ..."), no head noun
    assert ("cold-chain bonded transit model", frozenset({"zone:tianjin"})) in cases


def test_adoptions_told_after_the_case() -> None:
    _, adoptions = _facts(PAPER)
    assert ("green corridor supervision model for fresh produce", "zone:zhejiang") in adoptions  # "adopted it"
    assert ("cold-chain bonded transit model", "zone:guangdong") in adoptions  # "was adapted by"
    assert ("cold-chain bonded transit model", "zone:shanghai") in adoptions  # "and later by"
    assert ("Qianhai notarisation model", "zone:hainan-ftp") in adoptions  # named by the origin's place
    assert not any(a in ("zone:guangxi", "zone:hainan") for _n, a in adoptions)  # "studied it" is no adoption


def test_a_rewrapped_paper_reads_the_same() -> None:
    head, body = PAPER.split("\n\n", 1)
    text = head + "\n\n" + textwrap.fill(" ".join(body.split()), 64, break_on_hyphens=False) + "\n"
    assert text != PAPER
    assert _facts(text) == _facts(PAPER)


def test_an_edition_is_not_read_as_a_paper() -> None:
    report = load_report()
    assert not [r for r in report.relations if r.provenance.rule in ("paper-origin", "paper-adopted")]


NEWS = """\
Title

In government services, the Hunan pilot FTZ introduced a "one form for all permits" model for \
construction projects. Since then, the Hunan permit form has been taken up by Jiangxi, Guizhou and \
Shanxi provinces in 2025.
"""


def test_an_innovation_named_by_its_zone_is_the_zone_s_one_case() -> None:
    facts = facts_from_report(parse_report(NEWS, "news.txt"))
    got = {(f.name, f.adopter, frozenset(f.actors)) for f in facts if f.fact == "adoption"}
    hunan = frozenset({"zone:hunan"})
    assert got == {("Hunan permit form", f"province:{p}", hunan) for p in ("jiangxi", "guizhou", "shanxi")}


def test_a_zone_with_two_cases_leaves_the_named_innovation_unresolved() -> None:
    text = NEWS.replace(
        " Since then,", ' The Hunan FTZ also launched a "smart audit" service for tax refunds. Since then,'
    )
    facts = facts_from_report(parse_report(text, "news.txt"))
    assert len([f for f in facts if f.fact == "zone_case"]) == 2
    assert not [f for f in facts if f.fact == "adoption" and f.rule == "named-adoption"]


RELEASE = """\
Title

Typical cases include "cross-border data whitelist" (Shanghai FTZ), "bonded LNG bunkering" (Zhejiang FTZ, \
Shandong FTZ) and "border trade settlement" (a Guangxi FTZ practice since 2019).
"""


def test_a_parenthesis_of_zones_credits_the_quoted_innovation() -> None:
    facts = facts_from_report(parse_report(RELEASE, "release.txt"))
    cases = {f.name: set(f.actors) for f in facts if f.fact == "zone_case"}
    assert cases["cross-border data whitelist"] == {"zone:shanghai"}
    assert cases["bonded LNG bunkering"] == {"zone:zhejiang", "zone:shandong"}


def test_a_parenthesis_of_zones_rewrapped() -> None:
    head, body = RELEASE.split("\n\n", 1)
    text = head + "\n\n" + textwrap.fill(" ".join(body.split()), 50, break_on_hyphens=False) + "\n"
    assert text != RELEASE

    def cases(t: str) -> set[tuple[str, frozenset[str]]]:
        return {(f.name, f.actors) for f in facts_from_report(parse_report(t, "r.txt")) if f.fact == "zone_case"}

    assert cases(text) == cases(RELEASE)


def test_a_parenthesis_holding_more_than_zones_credits_nothing() -> None:
    facts = facts_from_report(parse_report(RELEASE, "release.txt"))
    assert not [f for f in facts if f.fact == "zone_case" and f.rule == "paren-origin" and "border trade" in f.name]


def test_an_innovation_named_by_its_zone_rewrapped() -> None:
    head, body = NEWS.split("\n\n", 1)
    text = head + "\n\n" + textwrap.fill(" ".join(body.split()), 44, break_on_hyphens=False) + "\n"
    assert text != NEWS

    def adoptions(t: str) -> set[tuple[str, str]]:
        return {(f.name, f.adopter) for f in facts_from_report(parse_report(t, "n.txt")) if f.fact == "adoption"}

    assert adoptions(text) == adoptions(NEWS) and len(adoptions(NEWS)) == 3


BRIEFING = """\
Remarks at the briefing

First, in March the State Council issued the ninth batch of reform pilot experience, 24 items in all. Among \
them is the "single appointment" inspection for bulk mineral imports, which was pioneered by the China \
(Shandong) Pilot Free Trade Zone at Rizhao port. Another item, the shared credit file for bonded repair \
firms, originated in the Nansha Area of Guangdong FTZ.

Second, some innovations travelled between zones before they entered a national batch. The "berth \
pre-allocation" model for ro-ro vessels, first tried in the Yangpu Area of Hainan FTP, was learned by \
Fujian FTZ's Xiamen Area and by the Lianyungang Area of Jiangsu FTZ last year.
"""


def _briefing_facts(text: str) -> dict[str, set[tuple[str, frozenset[str], str]]]:
    out: dict[str, set[tuple[str, frozenset[str], str]]] = {}
    for f in facts_from_report(parse_report(text, "briefing.txt")):
        out.setdefault(f.fact, set()).add((f.name, f.actors, f.adopter))
    return out


def test_a_briefing_names_items_of_a_batch_and_cases_told_after_another_batch() -> None:
    got = _briefing_facts(BRIEFING)
    cases = {(n, a) for n, a, _ in got["zone_case"]}
    assert ("single appointment inspection for bulk mineral imports", frozenset({"zone:shandong"})) in cases
    assert ("shared credit file for bonded repair firms", frozenset({"zone:guangdong"})) in cases  # "Another item"
    assert ("berth pre-allocation model for ro-ro vessels", frozenset({"zone:hainan-ftp"})) in cases
    national = {n for n, _a, _ in got["national"]}
    assert any(n.startswith("single appointment") for n in national)
    assert "shared credit file for bonded repair firms" in national  # a sentence after the release, on its line
    assert not any(n.startswith("berth") for n in national)  # told after "a national batch": not the ninth's
    adopters = {ad for n, _a, ad in got["adoption"] if n.startswith("berth")}
    assert {"zone:fujian", "zone:jiangsu"} <= adopters  # "was learned by A and by B"


def test_a_rewrapped_briefing_with_curly_quotes_reads_the_same() -> None:
    text = "\n".join(
        textwrap.fill(p, 58, break_on_hyphens=False) for p in BRIEFING.replace('"', "\u201c", 1).split("\n")
    )
    text = re.sub(r"\u201c([^\"]*)\"", "\u201c\\1\u201d", text)
    assert text != BRIEFING
    assert _briefing_facts(text) == _briefing_facts(BRIEFING)


COMMENTARY = """\
Title

Two reforms began in 2029. The first, a "pre-arrival" check for imported vaccines, was created by the Hainan \
Free Trade Port; the second, the "one-form filing" procedure for tax, customs and market regulation, was piloted by \
Hubei Pilot FTZ.

Hubei's filing procedure, by contrast, travelled far. It was taken up by Hunan FTZ and Anhui FTZ in 2030.
"""


def test_an_enumerated_subject_after_a_semicolon_with_a_list_in_its_tail() -> None:
    for text in (COMMENTARY, COMMENTARY.replace("Hubei", "Jiangsu").replace("Hunan", "Henan")):
        cases, _ = _facts(text)
        zone = "zone:jiangsu" if "Jiangsu" in text else "zone:hubei"
        assert ("one-form filing procedure for tax, customs and market regulation", frozenset({zone})) in cases, cases


def test_it_after_a_sentence_whose_subject_is_an_innovation_named_by_its_zone() -> None:
    head, body = COMMENTARY.split("\n\n", 1)
    for text in (COMMENTARY, head + "\n\n" + textwrap.fill(" ".join(body.split()), 57) + "\n"):
        facts = facts_from_report(parse_report(text, "commentary.txt"))
        got = {(f.adopter, frozenset(f.actors)) for f in facts if f.fact == "adoption"}
        assert {("zone:hunan", frozenset({"zone:hubei"})), ("zone:anhui", frozenset({"zone:hubei"}))} <= got, got


def test_it_after_a_sentence_without_a_named_innovation_is_no_named_adoption() -> None:
    text = COMMENTARY.replace("Hubei's filing procedure, by contrast, travelled far.", "Officials were pleased.")
    facts = facts_from_report(parse_report(text, "commentary.txt"))
    assert not [f for f in facts if f.fact == "adoption" and f.rule == "named-adoption"]
