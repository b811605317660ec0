"""A text's numbered list of a batch's items after a sentence leading into it (rule ``notice-item``).

Excerpts written for these tests (other zones, other innovations than the development texts), each with a
perturbed copy: re-wrapped with indents, curly quotes, other list markers, other zone names.
"""

from __future__ import annotations

import textwrap

from pftz.loaders.evaluate import facts_from_report
from pftz.loaders.prose_notices import lead_scope, scope_places
from pftz.loaders.report import parse_report

CIRCULAR = """\
Summary: State Council Notice on the Tenth Batch of Reform Pilot Experience

The State Council has issued a notice on replicating the tenth batch of reform pilot experience of pilot \
free trade zones, covering 20 measures.

Of these, 14 are to be replicated across the country and six apply in designated areas. The measures, by \
field, include:

Customs supervision
1. Remote video inspection of transit cargo at inland dry ports (nationwide);
2. A "declare once, clear twice" procedure for bonded spare parts (in all PFTZs).

Cross-border finance
3. Unified registration of offshore factoring receivables (in the Pearl River Delta and the \
Chengdu-Chongqing economic circle);
4. Simplified filing of outbound venture investments (in inland PFTZs with rail ports).

The notice asks provincial governments to report on progress within a year.
"""

RELEASE = """\
Commerce ministry publishes seventh batch of best practice cases

The Ministry of Commerce today published the seventh batch of best practice cases of pilot free trade \
zones. The cases on customs clearance are as follows:
1) a "berth-side release" model for imported grain (Liaoning FTZ, Dalian Area);
2) bonded blending of marine fuel for ocean-going vessels (Zhejiang FTZ and Fujian FTZ);
3) a credit ledger for cross-border logistics firms (Henan FTZ).

The ministry said the full list would be posted online.
"""

PROVINCIAL = """\
Notice of the Department of Commerce of Hubei Province on Issuing the Sixth Batch of Institutional \
Innovation Achievements of the China (Hubei) Pilot Free Trade Zone

With the approval of the provincial leading group, our department has selected four innovations from the \
sixth batch submitted by the Hubei FTZ, which are issued for replication across the province. The innovations \
are listed below:

(1) A "scan once, pass everywhere" permit for river-sea intermodal containers (Wuhan Area);
(2) A shared testing laboratory for optical chips, under which small firms book instruments online (Xiangyang \
Area);
(3) Green certification of inland shipping fuel, jointly explored with the Hunan Pilot FTZ;
(4) A "four-in-one" credit archive for cross-border e-commerce sellers.

All cities shall draw up plans within three months.
"""


def _facts(text: str, kinds: tuple[str, ...]) -> set[tuple[str, str, frozenset[str], str]]:
    report = parse_report(text, "list.txt")
    return {(f.fact, f.name, f.actors, f.adopter) for f in facts_from_report(report) if f.fact in kinds}


def _perturbed(text: str, swaps: dict[str, str]) -> str:
    """Each numbered line wrapped to 44 columns with an indent, straight quotes made curly, names swapped."""
    out: list[str] = []
    for line in text.split("\n"):
        if line[:1].isdigit() or line.startswith("("):
            out.extend(textwrap.wrap(line, 44, subsequent_indent="    ", break_on_hyphens=False))
        else:
            out.append(line)
    joined = "\n".join(out)
    for a, b in swaps.items():
        joined = joined.replace(a, b)
    while '"' in joined:
        joined = joined.replace('"', "“", 1).replace('"', "”", 1)
    return joined


def test_items_each_with_its_own_scope_in_brackets() -> None:
    """Items under field headings after "The measures, by field, include:": the lead states two scopes, so each
    item's bracket is its scope; a scope of two proper names is two adopters."""
    got = _facts(CIRCULAR, ("national", "adoption"))
    national = {n for k, n, _a, _d in got if k == "national"}
    assert national == {
        "Remote video inspection of transit cargo at inland dry ports",
        "declare once, clear twice procedure for bonded spare parts",
        "Unified registration of offshore factoring receivables",
        "Simplified filing of outbound venture investments",
    }
    adoptions = {(n, d) for k, n, _a, d in got if k == "adoption"}
    assert adoptions == {
        ("Remote video inspection of transit cargo at inland dry ports", "group:nationwide"),
        ("declare once, clear twice procedure for bonded spare parts", "group:all pftzs"),
        ("Unified registration of offshore factoring receivables", "group:pearl river delta"),
        ("Unified registration of offshore factoring receivables", "group:chengdu-chongqing economic circle"),
        ("Simplified filing of outbound venture investments", "group:inland pftzs with rail ports"),
    }


def test_items_with_their_own_scope_perturbed() -> None:
    text = _perturbed(CIRCULAR, {"Customs supervision": "Port operations", "1. ": "1) ", "2. ": "2) "})
    assert text != CIRCULAR
    assert _facts(text, ("national", "adoption")) == _facts(CIRCULAR, ("national", "adoption"))


def test_items_with_their_origins_in_brackets_and_no_scope() -> None:
    """ "The cases ... are as follows:" after a batch: national items of the zones in brackets; no scope stated,
    no adoption."""
    got = _facts(RELEASE, ("national", "adoption"))
    assert got == {
        ("national", "berth-side release model for imported grain", frozenset({"zone:liaoning"}), ""),
        (
            "national",
            "bonded blending of marine fuel for ocean-going vessels",
            frozenset({"zone:zhejiang", "zone:fujian"}),
            "",
        ),
        ("national", "credit ledger for cross-border logistics firms", frozenset({"zone:henan"}), ""),
    }


def test_items_with_their_origins_perturbed() -> None:
    text = _perturbed(RELEASE, {"Henan FTZ": "Anhui Pilot FTZ", "Dalian Area": "Yingkou Area"})
    got = _facts(text, ("national",))
    assert ("national", "credit ledger for cross-border logistics firms", frozenset({"zone:anhui"}), "") in got
    assert len(got) == 3


def test_items_of_a_zone_s_own_batch_replicated_across_its_province() -> None:
    """A province's notice on its zone's own batch: each item the zone's case (its area's when bracketed), a
    co-author after "jointly explored with" makes it joint, a relative clause is no part of the name, and the
    lead's province-wide scope makes the zone's province adopt each."""
    cases = {(n, a) for k, n, a, _d in _facts(PROVINCIAL, ("zone_case",))}
    assert cases == {
        ("scan once, pass everywhere permit for river-sea intermodal containers", frozenset({"zone:hubei"})),
        ("shared testing laboratory for optical chips", frozenset({"zone:hubei"})),
        ("Green certification of inland shipping fuel", frozenset({"zone:hubei", "zone:hunan"})),
        ("four-in-one credit archive for cross-border e-commerce sellers", frozenset({"zone:hubei"})),
    }
    adopters = {d for k, _n, _a, d in _facts(PROVINCIAL, ("adoption",))}
    assert adopters == {"province:hubei"}
    assert len(_facts(PROVINCIAL, ("adoption",))) == 4


def test_items_of_a_zone_s_own_batch_perturbed() -> None:
    swaps = {"Hubei": "Henan", "Wuhan Area": "Zhengzhou Area", "Xiangyang Area": "Luoyang Area", "(1)": "1."}
    text = _perturbed(PROVINCIAL, swaps)
    cases = {(n, a) for k, n, a, _d in _facts(text, ("zone_case",))}
    assert ("Green certification of inland shipping fuel", frozenset({"zone:henan", "zone:hunan"})) in cases
    assert len(cases) == 4
    assert {d for k, _n, _a, d in _facts(text, ("adoption",))} == {"province:henan"}


def test_a_list_after_a_lead_of_no_batch_is_not_read() -> None:
    text = RELEASE.replace("published the seventh batch of best practice cases", "held a press conference on")
    text = text.replace("publishes seventh batch of best practice cases", "holds a press conference")
    assert not _facts(text, ("national", "zone_case", "adoption"))


def test_lead_scope_and_places() -> None:
    assert lead_scope("These will be replicated nationwide. The items include:")[0] is not None
    assert lead_scope("Some apply nationwide, others in designated areas. They are:") == (None, "")
    assert scope_places("Bohai Rim and the Beibu Gulf region") == ["Bohai Rim", "Beibu Gulf region"]
    assert scope_places("inland and border ports") == ["inland and border ports"]


MEETING = """\
Premier chairs executive meeting on free trade zones

BEIJING, May 14 -- Premier Wang Hua on Wednesday presided over a State Council executive meeting, which reviewed
the work of the pilot free trade zones and the stabilisation of employment.

The meeting decided to replicate and promote an eleventh batch of 20 reform pilot experiences of the PFTZs
nationwide.

The batch includes the "berth-side release" model for imported grain first tried in the Dalian Area of the
Liaoning FTZ and the "credit ledger" mechanism for logistics firms of the Henan FTZ.
"""


def _meeting_facts(text: str) -> tuple[set[str], set[tuple[str, bool]]]:
    report = parse_report(text, "meeting.txt")
    national = {f.name for f in facts_from_report(report) if f.fact == "national"}
    bodies = {
        (r.start.key, bool(r.properties.get("derived")))
        for r in report.relations
        if r.type.name == "RESPONSIBLE_FOR" and r.end.label.name == "BATCH"
    }
    return national, bodies


def test_a_meeting_of_a_body_decides_a_batch() -> None:
    """ "The meeting decided to replicate ... an eleventh batch" after "a State Council executive meeting": the
    batch is released by that body (derived), and the cases the text names after it are its items."""
    national, bodies = _meeting_facts(MEETING)
    assert bodies == {("state-council", True)}
    assert any(n.startswith("berth-side release") for n in national)
    assert any(n.startswith("credit ledger") for n in national)


def test_a_meeting_of_a_body_perturbed() -> None:
    """Re-wrapped, the meeting named after its body ("an executive meeting of the State Council"), another verb."""
    text = MEETING.replace("a State Council executive meeting", "an executive meeting of the State Council")
    text = text.replace("The meeting decided to replicate", "The meeting agreed to replicate")
    text = "\n\n".join(textwrap.fill(" ".join(p.split()), 50) for p in text.split("\n\n"))
    national, bodies = _meeting_facts(text)
    assert bodies == {("state-council", True)}
    assert len(national) == 2


def test_a_meeting_that_only_notes_a_batch_releases_none() -> None:
    text = MEETING.replace("The meeting decided to replicate and promote", "The meeting noted the progress of")
    national, bodies = _meeting_facts(text)
    assert not bodies
    assert not national


HIGHLIGHTS = """\
Commerce ministry publishes eighth batch of best practice cases

BEIJING -- The Ministry of Commerce on Tuesday published the eighth batch of best practice cases of pilot free
trade zones, 18 cases in all.

Among the customs clearance cases are a remote sampling model for imported ores (Guangxi FTZ); an electronic seal
relay for rail containers (Xinjiang FTZ), which spares carriers a second inspection; and, for the shipping sector,
a bonded bunkering ledger for river vessels (Hubei FTZ).

Two further cases, the "one register for all fleets" service for logistics firms (Anhui FTZ) and a "shared
inspector" mechanism for border ports (Yunnan, Guangxi and Heilongjiang FTZs), round out the highlights.
"""

HIGHLIGHTS_EXPECTED = {
    "remote sampling model for imported ores": {"zone:guangxi"},
    "electronic seal relay for rail containers": {"zone:xinjiang"},
    "bonded bunkering ledger for river vessels": {"zone:hubei"},
    "one register for all fleets service for logistics firms": {"zone:anhui"},
    "shared inspector mechanism for border ports": {"zone:yunnan", "zone:guangxi", "zone:heilongjiang"},
}


def _national(text: str) -> dict[str, set[str]]:
    report = parse_report(text, "highlights.txt")
    return {f.name: set(f.actors) for f in facts_from_report(report) if f.fact == "national"}


def test_cases_listed_among_a_batch_s_with_zones_in_brackets() -> None:
    """ "Among the <field> cases are A (X FTZ); B (Y FTZ); and, for <a sector>, C (Z FTZ)": each an item of the batch
    from the zones in its brackets, an aside and a relative clause no part of it; a quoted name followed by a list
    of zones under one plural head ("(Yunnan, Guangxi and Heilongjiang FTZs)") is theirs."""
    assert _national(HIGHLIGHTS) == HIGHLIGHTS_EXPECTED


def test_cases_listed_among_a_batch_s_perturbed() -> None:
    text = HIGHLIGHTS.replace("Among the customs clearance cases are", "Among the trade facilitation items were")
    text = text.replace("(Guangxi FTZ)", "(Zhejiang FTZ)").replace('"', "“", 1).replace('"', "”", 1)
    text = "\n\n".join(textwrap.fill(" ".join(p.split()), 45, break_on_hyphens=False) for p in text.split("\n\n"))
    expected = dict(HIGHLIGHTS_EXPECTED, **{"remote sampling model for imported ores": {"zone:zhejiang"}})
    assert _national(text) == expected


def _batch_ordinals(text: str) -> set[int]:
    report = parse_report(text, "batches.txt")
    return {int(str(e.properties.get("ordinal"))) for e in report.entities if e.label.name == "BATCH"}


def test_a_batch_whose_ordinal_is_in_brackets() -> None:
    """ "The previous (ninth) batch of reform pilot experience": the ordinal in brackets names the batch."""
    text = (
        "The State Council has issued a notice on the tenth batch of reform pilot experience of the pilot free "
        "trade zones.\n\nThe previous (ninth) batch of reform pilot experience was issued in 2029.\n"
    )
    assert _batch_ordinals(text) == {9, 10}
    other = text.replace("The previous (ninth) batch", "An earlier\n(seventh) batch").replace("2029", "2027")
    assert _batch_ordinals(other) == {7, 10}


EXTENSION = """\
Customs widens bonded repair pilot

The General Administration of Customs has extended the "remote ledger supervision" model for bonded ship repair,
first tried in the Zhoushan Area of the Zhejiang FTZ, to four other pilot free trade zones.

The zones now covered are those of Fujian and Liaoning, together with the Hainan Free Trade Port and the Guangxi
Pilot FTZ. Repair yards there may start on 1 July.
"""


def _adopters(text: str) -> set[tuple[str, str]]:
    report = parse_report(text, "extension.txt")
    return {(f.adopter, ";".join(sorted(f.actors))) for f in facts_from_report(report) if f.fact == "adoption"}


def test_a_pilot_extended_to_a_counted_group_the_next_sentence_names() -> None:
    """ "... extended the "<name>" ... to four other pilot free trade zones. The zones now covered are those of A and
    B, together with C and the D FTZ": each of the four adopted the zone's case (derived)."""
    assert _adopters(EXTENSION) == {
        ("zone:fujian", "zone:zhejiang"),
        ("zone:liaoning", "zone:zhejiang"),
        ("zone:hainan-ftp", "zone:zhejiang"),
        ("zone:guangxi", "zone:zhejiang"),
    }
    report = parse_report(EXTENSION, "extension.txt")
    edges = [r for r in report.relations if r.provenance.rule == "counted-extension"]
    assert len(edges) == 4
    assert all(r.properties.get("derived") for r in edges)


def test_a_pilot_extended_to_a_counted_group_perturbed() -> None:
    """Re-wrapped, the count in words changed with one zone fewer, curly quotes, another verb."""
    text = EXTENSION.replace("four other", "three more").replace(" and the Guangxi\nPilot FTZ", "")
    text = text.replace("has extended", "has expanded").replace('"', "“", 1).replace('"', "”", 1)
    text = "\n\n".join(textwrap.fill(" ".join(p.split()), 38) for p in text.split("\n\n"))
    assert _adopters(text) == {
        ("zone:fujian", "zone:zhejiang"),
        ("zone:liaoning", "zone:zhejiang"),
        ("zone:hainan-ftp", "zone:zhejiang"),
    }


def test_a_count_that_differs_from_the_zones_named_gives_nothing() -> None:
    assert not _adopters(EXTENSION.replace("four other", "five other"))


BULLETED = """\
Cabinet circular extends eleventh batch of FTZ reform experience

The State Council has issued a circular on replicating the eleventh batch of reform pilot experience of pilot \
free trade zones, covering nine measures.

Measures to be replicated nationwide include:

- electronic filing of crew change plans for international vessels;
- the "single certificate" for cross-border leasing of construction machinery, first tried in the Tianjin FTZ;

Measures to be promoted in all PFTZs are:

- a shared warehouse for bonded wine auctions;
- joint sampling of imported iron ore at berths.

The circular asks the ministries concerned to publish supporting rules within six months.
"""


def test_bulleted_items_under_headings_of_scope() -> None:
    """Items printed as bullets ("- ", "• ", "* ") under a heading of scope ending in "include:" or "are:" are read
    as numbered items are: each an innovation of the batch adopted in the heading's scope."""
    want = {
        ("electronic filing of crew change plans for international vessels", "group:nationwide"),
        ("single certificate for cross-border leasing of construction machinery", "group:nationwide"),
        ("shared warehouse for bonded wine auctions", "group:all pftzs"),
        ("joint sampling of imported iron ore at berths", "group:all pftzs"),
    }
    for marker in ("- ", "• ", "* "):
        text = BULLETED.replace("\n- ", f"\n{marker}")
        swapped = {(n.replace("iron ore", "copper concentrate"), d) for n, d in want}
        for t, expected in ((text, want), (_perturbed(text, {"iron ore": "copper concentrate"}), swapped)):
            got = _facts(t, ("national", "adoption"))
            assert {(n, d) for k, n, _a, d in got if k == "adoption"} == expected, (marker, t[-400:])
            assert {n for k, n, _a, _d in got if k == "national"} == {n for n, _d in expected}


def test_bullets_under_no_heading_of_scope_are_no_items() -> None:
    text = BULLETED.replace("Measures to be replicated nationwide include:", "Officials listed these gains:").replace(
        "Measures to be promoted in all PFTZs are:", "Reporters were told:"
    )
    assert not _facts(text, ("adoption",))
