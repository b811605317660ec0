"""Any English text about the zones: press releases, circulars and news are read, never refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from pftz.ground.schema import Label, Rel
from pftz.loaders.gazetteer import Gazetteer
from pftz.loaders.header import TextHeader, parse_header
from pftz.loaders.records import ParsedReport
from pftz.loaders.report import load_report, parse_report
from pftz.shell.cli import cli
from tests.perturb import rewrap_paragraphs

TEXTS = Path(__file__).resolve().parent / "fixtures" / "texts"
RELEASE = TEXTS / "mofcom-press-release.txt"
CIRCULAR = TEXTS / "state-council-circular.txt"
NEWS = TEXTS / "news-report.txt"


def _zones(r: ParsedReport) -> set[str]:
    return {e.key for e in r.entities if e.label is Label.ZONE}


def _edges(r: ParsedReport, rel: Rel) -> set[tuple[str, str]]:
    return {(x.start.key, x.end.key) for x in r.relations if x.type is rel}


def _props(r: ParsedReport, label: Label, key: str) -> dict[str, object]:
    out: dict[str, object] = {}
    for e in r.entities:
        if e.label is label and e.key == key:
            out.update(dict(e.properties))
    return out


def _text_doc(r: ParsedReport) -> str:
    keys = {e.key for e in r.entities if e.label is Label.DOCUMENT and e.key.startswith("text:")}
    assert len(keys) == 1, keys
    return keys.pop()


# --------------------------------------------------------------------------- not refused


@pytest.mark.parametrize("path", [RELEASE, CIRCULAR, NEWS], ids=lambda p: p.stem)
def test_a_text_that_is_not_an_edition_is_read_with_a_note(path: Path) -> None:
    r = load_report(path)
    notes = [w for w in r.warnings if w.code == "not-an-edition"]
    assert len(notes) == 1 and "no table of contents and no tables" in notes[0].message
    assert not r.tables and not r.checks
    assert _zones(r)


@pytest.mark.parametrize("path", [RELEASE, CIRCULAR, NEWS], ids=lambda p: p.stem)
def test_the_cli_reads_every_kind_of_text(path: Path) -> None:
    res = CliRunner().invoke(cli, ["parse", str(path)])
    assert res.exit_code == 0, res.output
    assert "[not-an-edition]" in res.output


def test_a_text_with_nothing_about_the_zones_is_one_clear_error(tmp_path: Path) -> None:
    p = tmp_path / "recipe.txt"
    p.write_text("Boil the water.\n\nAdd the rice and wait twenty minutes.\n", encoding="utf-8")
    res = CliRunner().invoke(cli, ["parse", str(p)])
    assert res.exit_code == 1 and "Traceback" not in res.output
    assert f"{p}:1: no zones, documents or measures found" in res.output


# --------------------------------------------------------------------------- what a press release states


def test_the_press_release_zones_however_printed() -> None:
    r = load_report(RELEASE)
    # "Jiangsu FTZ", "the Guangxi Pilot FTZ", "China (Chongqing) Pilot Free Trade Zone", "Hainan Free Trade
    # Port", and "the FTZs in Shandong, Henan, and Hubei"
    assert _zones(r) == {"jiangsu", "guangxi", "chongqing", "hainan-ftp", "shandong", "henan", "hubei"}


def test_the_press_release_batch_its_size_and_issuer() -> None:
    r = load_report(RELEASE)
    batch = "national:best-practices:8"
    assert _props(r, Label.BATCH, batch) == {"kind": "best-practices", "level": "national", "ordinal": 8, "count": 24}
    assert ("mofcom", batch) in _edges(r, Rel.RESPONSIBLE_FOR)
    lines = {x.provenance.line for x in r.relations if x.type is Rel.RESPONSIBLE_FOR}
    assert lines == {1, 3}  # the headline in the present ("MOFCOM Releases ...") states the issuer too


def test_the_press_release_innovations_and_their_zones() -> None:
    origins = {z for _m, z in _edges(load_report(RELEASE), Rel.ORIGINATED_IN)}
    assert {"jiangsu", "guangxi", "chongqing", "hainan-ftp"} <= origins


def test_a_circular_names_its_zones() -> None:
    r = load_report(CIRCULAR)
    assert {"shanghai", "beijing", "tianjin", "zhejiang", "fujian", "guangdong", "liaoning"} <= _zones(r)


def test_a_rewrapped_text_reads_the_same() -> None:
    text = RELEASE.read_text(encoding="utf-8")
    copy = rewrap_paragraphs(text, 50)
    assert copy != text
    a, b = parse_report(text, "a.txt"), parse_report(copy, "a.txt")
    assert {(e.label, e.key) for e in a.entities if not e.key.startswith("text:")} == {
        (e.label, e.key) for e in b.entities if not e.key.startswith("text:")
    }
    assert _edges(a, Rel.RESPONSIBLE_FOR) == _edges(b, Rel.RESPONSIBLE_FOR)


# --------------------------------------------------------------------------- the header: the Document node


def test_the_header_on_the_command_line_makes_the_document(tmp_path: Path) -> None:
    out = tmp_path / "records.json"
    args = ["parse", str(RELEASE), "--json", "-o", str(out), "--title", "MOFCOM releases the eighth batch"]
    args += ["--date", "2025-06-12", "--publisher", "Ministry of Commerce", "--url", "https://example.org/pr/1"]
    res = CliRunner().invoke(cli, args)
    assert res.exit_code == 0, res.output
    data = json.loads(out.read_text(encoding="utf-8"))
    docs = [e for e in data["entities"] if e["label"] == "Document" and e["key"].startswith("text:")]
    assert docs[0]["name"] == "MOFCOM releases the eighth batch"
    assert docs[0]["properties"] == {
        "title": "MOFCOM releases the eighth batch",
        "date": "2025-06-12",
        "publisher": "Ministry of Commerce",
        "url": "https://example.org/pr/1",
        "kind": "text",
    }
    edges = {(r["type"], r["end"]["key"]) for r in data["relations"] if r["start"]["key"] == docs[0]["key"]}
    assert ("ISSUED_BY", "mofcom") in edges
    assert ("NAMES_ZONE", "jiangsu") in edges and ("NAMES_ZONE", "hubei") in edges


def test_the_header_sidecar_and_the_options_field_by_field(tmp_path: Path) -> None:
    text = tmp_path / "release.txt"
    text.write_bytes(RELEASE.read_bytes())
    sidecar = tmp_path / "release.txt.header.json"
    sidecar.write_text(json.dumps({"title": "From the sidecar", "date": "2025-06", "publisher": "MOFCOM"}))
    r = load_report(text)
    doc = _text_doc(r)
    assert _props(r, Label.DOCUMENT, doc) == {
        "title": "From the sidecar",
        "date": "2025-06",
        "publisher": "MOFCOM",
        "kind": "text",
    }
    r = load_report(text, header=TextHeader(title="From the options"))
    assert _props(r, Label.DOCUMENT, _text_doc(r))["title"] == "From the options"
    assert _props(r, Label.DOCUMENT, _text_doc(r))["date"] == "2025-06"


def test_a_sidecar_named_after_the_stem_with_the_kind_of_text(tmp_path: Path) -> None:
    """``release.header.json`` serves ``release.txt`` too; its ``kind`` is the Document's kind."""
    text = tmp_path / "release.txt"
    text.write_bytes(RELEASE.read_bytes())
    (tmp_path / "release.header.json").write_text(json.dumps({"title": "Stem", "kind": "press release"}))
    r = load_report(text)
    props = _props(r, Label.DOCUMENT, _text_doc(r))
    assert (props["title"], props["kind"]) == ("Stem", "press release")
    (tmp_path / "release.txt.header.json").write_text(json.dumps({"title": "Whole name"}))
    assert _props(r2 := load_report(text), Label.DOCUMENT, _text_doc(r2))["title"] == "Whole name"


def test_the_build_cites_the_text_document(tmp_path: Path) -> None:
    out = tmp_path / "out"
    res = CliRunner().invoke(
        cli, ["build", str(RELEASE), "--out", str(out), "--no-html", "--title", "Eighth batch", "--date", "2025-06"]
    )
    assert res.exit_code == 0, res.output
    G = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    doc = next(n for n in G["nodes"] if n["label"] == "Document")
    assert (doc["name"], doc["title"], doc["date"], doc["kind"]) == ("Eighth batch", "Eighth batch", "2025-06", "text")
    cited = {e["target"] for e in G["edges"] if e["source"] == doc["id"] and e["type"] == "NAMES_ZONE"}
    assert "Zone:jiangsu" in cited


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--date", "June 2025"], "is not an ISO date"),
        (["--title", "x", str(NEWS)], "describe one text"),
    ],
)
def test_bad_header_options_are_one_clear_error(args: list[str], words: str) -> None:
    res = CliRunner().invoke(cli, ["build", str(RELEASE), "--out", "unused", "--no-html", *args])
    assert res.exit_code in (1, 2) and "Traceback" not in res.output
    assert words in res.output


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("{", "not valid JSON"),
        ("[]", "expected a JSON object"),
        ('{"titel": "x"}', "unknown fields ['titel']"),
        ('{"date": 2025}', "must be text"),
        ('{"date": "2025-13"}', "is not an ISO date"),
    ],
)
def test_a_bad_sidecar_is_one_clear_error(tmp_path: Path, text: str, words: str) -> None:
    target = tmp_path / "release.txt"
    target.write_bytes(RELEASE.read_bytes())
    (tmp_path / "release.txt.header.json").write_text(text, encoding="utf-8")
    res = CliRunner().invoke(cli, ["parse", str(target)])
    assert res.exit_code == 1 and "Traceback" not in res.output
    assert f"Error: {tmp_path / 'release.txt.header.json'}:1: header: " in res.output
    assert words in res.output


def test_parse_header_reads_the_fields() -> None:
    assert parse_header('{"title": " A  title ", "url": "u"}') == TextHeader(title="A title", url="u")


# --------------------------------------------------------------------------- zones however printed

PRINTED = [
    "{x} FTZ",
    "the {x} Pilot FTZ",
    "China ({x}) Pilot Free Trade Zone",
    "China ({x}) Free Trade Zone",
    "{x}'s free trade zone",
    "the {x} Pilot Free Trade Zone",
    "the {x} Free Trade Zone",
    "the Pilot Free Trade Zone in {x}",
    "{x} PFTZ",
]
GAZ = Gazetteer.default()
PFTZS = sorted(z.key for z in GAZ.zones.values() if z.kind == "PFTZ" and z.key != "hainan")


@pytest.mark.parametrize("form", PRINTED)
def test_every_zone_however_printed(form: str) -> None:
    for key in PFTZS:
        place = GAZ.provinces[GAZ.zones[key].province].name
        sentence = f"In 2024, {form.format(x=place)} implemented a new model."
        assert [m.key for m in GAZ.find_zones(sentence)] == [key], sentence


@pytest.mark.parametrize(
    "text",
    [
        "the FTZs in Shandong, Henan, and Hubei established",
        "the Shandong, Henan and Hubei Pilot FTZs established",
        "the pilot free trade zones of Shandong, Henan and Hubei established",
        "the free trade zones in Shandong, Henan and Hubei established",
    ],
)
def test_lists_of_zones(text: str) -> None:
    assert [[m.key for m in lst] for lst in GAZ.find_zone_lists(text)] == [["shandong", "henan", "hubei"]]


def test_hainan_free_trade_port() -> None:
    for form in ("Hainan Free Trade Port", "the Hainan FTP", "China (Hainan) Free Trade Port"):
        assert [m.key for m in GAZ.find_zones(f"{form} developed a list")] == ["hainan-ftp"], form


def test_eval_reads_a_gold_written_on_the_text_itself() -> None:
    """The gold of a text that is not a copy of the bundled report is on that text's own lines."""
    res = CliRunner().invoke(cli, ["eval", str(TEXTS / "mofcom-press-release.gold.csv"), str(RELEASE)])
    assert res.exit_code == 0, res.output
    row = next(line.split() for line in res.output.splitlines() if line.startswith("zone_case"))
    gold, found, precision, recall = int(row[1]), int(row[2]), float(row[3][:-1]), float(row[4][:-1])
    assert gold == 5 and found >= 4
    assert precision == 100.0 and recall >= 80.0


def test_a_press_release_with_a_table_of_its_batch() -> None:
    """A table found by its columns (practice, zone, scope) is a national batch; its zone column names origins."""
    r = load_report(TEXTS / "mofcom-list-release.txt")
    assert [(t.printed, len(t.rows)) for t in r.tables] == [("Table 1", 3)]
    batch = "national:best-practices:8"
    assert _props(r, Label.BATCH, batch)["count"] == 3
    assert ("mofcom", batch) in _edges(r, Rel.RESPONSIBLE_FOR)
    origins = _edges(r, Rel.ORIGINATED_IN)
    assert {(f"{batch}:1", "jiangsu"), (f"{batch}:2", "guangxi"), (f"{batch}:3", "henan")} <= origins
    assert {m for m, _z in _edges(r, Rel.REPLICATED_TO)} == {f"{batch}:1", f"{batch}:2", f"{batch}:3"}
    assert not [w for w in r.warnings if w.code != "not-an-edition"]


def test_a_broken_table_in_a_text_is_a_note() -> None:
    """A table without its source line is read up to its last row, with a note (it was left unread before)."""
    r = load_report(TEXTS / "broken-table-note.txt")
    notes = [w for w in r.warnings if w.code == "table-no-source"]
    assert len(notes) == 1 and notes[0].line == 7 and "has no 'Source:' line" in notes[0].message
    assert [(t.printed, len(t.rows)) for t in r.tables] == [("Table 1", 1)]
    assert "zhejiang" in _zones(r)


def test_a_contents_line_that_lists_no_part_is_not_an_edition() -> None:
    text = "Contents\n\nBackground\n\nThe Shanghai FTZ introduced a negative list for foreign investment in 2013.\n"
    r = parse_report(text, "paper.txt")
    assert [w.code for w in r.warnings] == ["not-an-edition"]
    assert "shanghai" in _zones(r)


@pytest.mark.parametrize(
    ("sentence", "issuer", "count"),
    [
        ("The Ministry of Commerce (MOFCOM) released the eighth batch of 24 best practices.", "mofcom", 24),
        ("MOFCOM's eighth batch of 24 best practices covers the Jiangsu FTZ.", "mofcom", 24),
        (
            "The eighth batch of 24 best practices released by the Ministry of Commerce names the Jiangsu FTZ.",
            "mofcom",
            24,
        ),
        (
            "The State Council on Monday issued the 8th batch of best practices of the Jiangsu FTZ.",
            "state-council",
            None,
        ),
        ("The Ministry of Commerce said the Jiangsu FTZ led the eighth batch of 24 best practices.", None, None),
        (
            "The Jiangsu Provincial People's Government released the eighth batch of 24 best practices "
            "of the Jiangsu FTZ.",
            None,
            None,
        ),
    ],
)
def test_a_national_batch_stated_in_prose(sentence: str, issuer: str | None, count: int | None) -> None:
    r = parse_report(sentence, "t.txt")
    responsible = _edges(r, Rel.RESPONSIBLE_FOR)
    if issuer is None:
        assert not responsible
        return
    assert responsible == {(issuer, "national:best-practices:8")}
    assert _props(r, Label.BATCH, "national:best-practices:8").get("count") == count
