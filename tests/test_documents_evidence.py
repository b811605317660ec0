"""Evidence names the fact: every stated edge's quote names both of its ends, or says how it resolved one."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from pftz.ground.names import normalize_name
from pftz.ground.schema import ALIAS_SEPARATOR, RESOLVED, Label
from pftz.loaders.documents import find_numbers, find_short_numbers
from pftz.loaders.gazetteer import Gazetteer
from pftz.loaders.records import NodeRef, ParsedReport
from pftz.loaders.report import load_report

ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")


@pytest.fixture(scope="module")
def report() -> ParsedReport:
    return load_report()


class Names:
    """How a quote can name a node: its names, titles, wordings, numbers; a zone, body or province by the gazetteer."""

    def __init__(self, report: ParsedReport) -> None:
        self.gaz = Gazetteer.default()
        self.forms: dict[tuple[Label, str], set[str]] = {}
        self.props: dict[tuple[Label, str], dict[str, object]] = {}
        for e in report.entities:
            forms = self.forms.setdefault((e.label, e.key), set())
            self.props.setdefault((e.label, e.key), {}).update(e.properties)
            forms.add(e.name)
            for k in ("title", "canonical_name", "printed_name", "abbreviation"):
                if e.properties.get(k):
                    forms.add(str(e.properties[k]))
            forms.update(str(e.properties.get("aliases") or "").split(ALIAS_SEPARATOR))

    def named(self, ref: NodeRef, quote: str) -> bool:
        q = normalize_name(quote)
        if any((f := normalize_name(x)) and f in q for x in self.forms.get((ref.label, ref.key), ())):
            return True
        props = self.props.get((ref.label, ref.key), {})
        if ref.label is Label.DOCUMENT:
            mentioned = find_numbers(quote) + find_short_numbers(quote)
            number = str(props.get("number", ""))
            return any(m.number.text == number or number.startswith(m.number.prefix) for m in mentioned if number)
        if ref.label is Label.ZONE:
            listed = {z.key for lst in self.gaz.find_zone_lists(quote) for z in lst}
            return ref.key in listed | {m.key for m in self.gaz.find_zones(quote)} | {
                m.key for w in re.findall(r"\b[A-Z][a-z]+ PFTZ", quote) if (m := self.gaz.zone_fuzzy(w))
            }
        if ref.label is Label.ISSUING_BODY:
            return ref.key in {m.key for m in self.gaz.find_bodies(quote)}
        if ref.label is Label.REGION:
            if ref.key in ("nationwide", "all-pftzs"):
                return bool(re.search(r"nation\s*wide|\bPFTZs?\b", quote, re.IGNORECASE))
            return ref.key in {m.key for m in self.gaz.find_provinces(quote)}
        if ref.label is Label.BATCH:
            n = props.get("ordinal")
            words = {f"{n}th", f"{n}st", f"{n}nd", f"{n}rd", ORDINALS[int(str(n)) - 1] if n else ""}
            return bool(n) and any(re.search(rf"\b{w} batch", quote, re.IGNORECASE) for w in words if w)
        return False


def test_every_stated_edge_names_its_ends_or_its_resolution(report: ParsedReport) -> None:
    names = Names(report)
    bad = Counter()
    example = {}
    for r in report.relations:
        if dict(r.props).get(RESOLVED):
            continue
        q = r.provenance.quote
        if not (names.named(r.start, q) and names.named(r.end, q)):
            k = (str(r.type), r.start.key, r.end.key)
            bad[k] += 1
            example.setdefault(k, (r.provenance.line, q[:160]))
    assert not bad, [(k, example[k]) for k in bad]


def test_resolutions_are_said(report: ParsedReport) -> None:
    said = Counter(str(dict(r.props)[RESOLVED]).split(" ")[0] for r in report.relations if RESOLVED in dict(r.props))
    assert {"group", "row", "number", "pilots", "the"} <= set(said), said


def test_the_six_pilot_zones_cite_the_sentence_that_lists_them(report: ParsedReport) -> None:
    six = {"shanghai", "guangdong", "tianjin", "fujian", "beijing", "hainan-ftp"}
    for r in report.relations:
        if r.start.key.startswith("national:pilot-measures:") and r.end.key in six and "date" in dict(r.props):
            assert "Shanghai, Guangdong, Tianjin, Fujian, and Beijing, as well as Hainan FTP" in r.provenance.quote
