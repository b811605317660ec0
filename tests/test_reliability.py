"""Reliability of ``pftz build`` and of the exports (issue 14).

An output folder holds one whole build: a build killed (SIGKILL) at several
points leaves the earlier set or the new one, never a mix; two builds of one
folder do not interleave; a failed build leaves the earlier set byte for byte.
Exports stay valid XML whatever the input; people-facing CSV is formula-safe.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pftz.graph.exports_common import xml_text
from pftz.graph.exports_json import save_node_link_json
from pftz.graph.exports_neo4j import save_neo4j_admin_csv
from pftz.graph.exports_people import people_csv
from pftz.graph.exports_xml import save_gexf, save_graphml
from pftz.ground.errors import ExportError
from pftz.ground.io import MANIFEST, staged_folder, write_manifest
from pftz.shell.cli import cli

ROOT = Path(__file__).resolve().parent.parent
OLD_SET = {
    "graph.json": b'{"old": true}\n',
    "graph.graphml": b"<old/>\n",
    "html/index.html": b"<p>old</p>\n",
    "html/zones/stale.html": b"<p>a page the new build does not make</p>\n",
}


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _write_set(folder: Path, files: dict[str, bytes]) -> None:
    for name, data in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)


def _consistent(folder: Path) -> bool:
    """Whether a folder is exactly the set its manifest lists (no file missing, extra or changed)."""
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))["files"]
    found = {k: hashlib.sha256(v).hexdigest() for k, v in _snapshot(folder).items() if k != MANIFEST}
    return found == manifest


def _pftz(*args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "pftz.shell.cli", *args],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _wait_for(cond: Callable[[], bool], proc: subprocess.Popen[bytes], timeout: float = 120) -> bool:
    """Poll ``cond`` every 5 ms until it holds (True) or the process ends (False)."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if cond():
            return True
        if proc.poll() is not None:
            return False
        time.sleep(0.005)
    return False


def _staging(parent: Path, name: str = "out") -> list[Path]:
    return list(parent.glob(f".{name}.staging-*"))


def _staged(parent: Path, file: str) -> Callable[[], bool]:
    return lambda: any((s / file).exists() for s in _staging(parent))


# --------------------------------------------------------------------------- transactions


@pytest.mark.slow
def test_a_build_killed_at_several_points_leaves_the_old_set_or_the_new_one(tmp_path: Path) -> None:
    out = tmp_path / "out"
    _write_set(out, OLD_SET)
    write_manifest(out)  # an earlier build's set (a folder without one keeps what it cannot tell is a build's)
    old = _snapshot(out)
    points: dict[str, Callable[[], bool]] = {
        "while parsing": lambda: time.sleep(0.5) is None,
        "staging folder made": lambda: bool(_staging(tmp_path)),
        "graph.json staged": _staged(tmp_path, "graph.json"),
        "cascades staged": _staged(tmp_path, "cascades.csv"),
        "manifest staged (about to swap)": _staged(tmp_path, MANIFEST),
    }
    proc = _pftz("build", "--out", str(out))  # with the site: killed while its pages are staged
    assert _wait_for(_staged(tmp_path, "html/spread"), proc), proc.stderr.read().decode() if proc.stderr else ""
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert _snapshot(out) == old, "killed while writing the site"
    after_kill: dict[str, dict[str, bytes]] = {}
    for name, cond in points.items():
        proc = _pftz("build", "--no-html", "--out", str(out))
        reached = _wait_for(cond, proc)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        after_kill[name] = _snapshot(out) if out.exists() else {}
        assert reached or proc.returncode == 0, f"{name}: {proc.stderr.read().decode() if proc.stderr else ''}"
    proc = _pftz("build", "--no-html", "--out", str(out))
    assert proc.wait() == 0, proc.stderr.read().decode() if proc.stderr else ""
    new = _snapshot(out)
    assert _consistent(out)
    assert not any(k.startswith("html/") for k in new), "nothing of the earlier build survives"
    assert not _staging(tmp_path) and not list(tmp_path.glob(".out.old-*")), "leftovers of killed builds are removed"
    for name, snap in after_kill.items():
        assert snap in (old, new), f"killed at {name}: a mix of {sorted(snap)}"
    assert old in after_kill.values(), "some kill came before the swap"


def test_a_swap_cut_in_half_is_repaired_by_the_next_build(tmp_path: Path) -> None:
    """Where the file system lacks RENAME_EXCHANGE, the swap is two renames; a kill between them is undone."""
    out = tmp_path / "out"
    moved = tmp_path / ".out.old-abc123"
    _write_set(moved, OLD_SET)
    with pytest.raises(RuntimeError), staged_folder(out, known={"graph.json", "graph.graphml", "html"}) as stage:
        assert _snapshot(out) == OLD_SET, "the earlier set is back before the new one is staged"
        (stage / "graph.json").write_text("{}", encoding="utf-8")
        raise RuntimeError("fail after staging")
    assert _snapshot(out) == OLD_SET and not moved.exists() and not _staging(tmp_path)


def test_a_failed_build_leaves_the_earlier_set_byte_for_byte(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    _write_set(out, OLD_SET)

    def broken_site(G: object, folder: Path) -> None:
        (Path(folder) / "index.html").parent.mkdir(parents=True, exist_ok=True)
        (Path(folder) / "index.html").write_text("half", encoding="utf-8")
        raise ExportError(f"cannot write {folder}/graph.html: No space left on device")

    monkeypatch.setattr("pftz.shell.viz.write_site", broken_site)  # pftz build imports shell.viz when it runs
    res = CliRunner().invoke(cli, ["build", "--out", str(out)])
    assert res.exit_code == 1 and "No space left on device" in res.output
    assert _snapshot(out) == OLD_SET
    assert not _staging(tmp_path)


def test_a_staged_set_that_fails_its_checks_is_not_swapped_in(tmp_path: Path) -> None:
    out = tmp_path / "out"
    _write_set(out, OLD_SET)
    known = {"graph.json", "graph.graphml", "html"}
    with pytest.raises(ExportError, match="fail their checks"), staged_folder(out, known=known) as stage:
        (stage / "graph.graphml").write_bytes(b"<graphml>\x0b</graphml>")
    assert _snapshot(out) == OLD_SET


@pytest.mark.slow
def test_two_builds_of_one_folder_one_second_apart_do_not_mix(tmp_path: Path) -> None:
    out = tmp_path / "out"
    data = tmp_path / "events.csv"
    data.write_text(
        "adopter,measure,date,outcome,batch,source_note\nShanxi,national:best-practices:5:7,2024-06,,,notes\n",
        encoding="utf-8",
    )
    first = _pftz("build", "--no-html", "--out", str(out))
    time.sleep(1)
    second = _pftz("build", "--no-html", "--data", str(data), "--out", str(out))
    assert first.wait() == 0 and second.wait() == 0
    assert _consistent(out)
    assert b"Region:shanxi" in (out / "graph.json").read_bytes(), "the later build is the one in place"


def test_a_build_waits_for_the_lock_then_fails_clearly(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with staged_folder(out):
        res = CliRunner().invoke(cli, ["build", "--no-html", "--wait", "0.3", "--out", str(out)])
    assert res.exit_code == 1
    assert "another pftz build is writing" in res.output and "did not finish within 0.3 s" in res.output
    assert "Traceback" not in res.output


def test_a_build_keeps_the_files_it_did_not_write(tmp_path: Path) -> None:
    """Issue 28 changed this: a folder holding a researcher's files is built into, and the files are kept."""
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    res = CliRunner().invoke(cli, ["build", "--no-html", "--out", str(tmp_path)])
    assert res.exit_code == 0 and "no pftz build wrote: notes.txt" in res.output
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"


@pytest.mark.parametrize("kind", ["loop", "dangling", "file"])
def test_an_output_folder_that_cannot_be_one_gets_a_clear_message(tmp_path: Path, kind: str) -> None:
    out = tmp_path / "out"
    if kind == "loop":
        os.symlink(out, out)
        expected = "is a symbolic link loop"
    elif kind == "dangling":
        os.symlink(tmp_path / "nowhere", out)
        expected = "which does not exist"
    else:
        out.write_text("a file", encoding="utf-8")
        expected = "is a file"  # click's own check of --out: a usage error, exit 2
    res = CliRunner().invoke(cli, ["build", "--no-html", "--out", str(out)])
    assert res.exit_code == (2 if kind == "file" else 1), res.output
    assert expected in res.output and "File exists" not in res.output and "Traceback" not in res.output


def test_html_being_a_file_in_the_earlier_set_is_replaced(tmp_path: Path) -> None:
    """``html`` as a file made the old build fail late with "File exists" after replacing exports."""
    out = tmp_path / "out"
    _write_set(out, {"graph.json": b"{}", "html": b"a file, not a folder"})
    with staged_folder(out, known={"graph.json", "html"}) as stage:
        (stage / "html").mkdir()
        (stage / "html" / "index.html").write_text("<p>new</p>", encoding="utf-8")
    assert _snapshot(out) == {"html/index.html": b"<p>new</p>", MANIFEST: (out / MANIFEST).read_bytes()}


# --------------------------------------------------------------------------- exports valid for any input

HOSTILE = st.lists(
    st.one_of(
        st.characters(min_codepoint=0, max_codepoint=0x40),
        st.sampled_from(["\ud800", "\udfff", "\ufffe", "\uffff", "\u200b", "\u202e", "&", "<", "]]>", "\r\n"]),
        st.characters(),
    ),
    max_size=30,
).map("".join)


def _graph(name: str, quote: str, value: str) -> nx.MultiDiGraph:
    prov = [{"source": "user.json", "sha256": "0" * 64, "line": 7, "section": "user data", "quote": quote}]
    G = nx.MultiDiGraph(name="t", sources=[])
    G.add_node("Zone:a", label="Zone", key="a", name=name, kind="PFTZ", provenance=prov)
    G.add_node("Measure:m", label="Measure", key="m", name="m", kind="best practice", provenance=prov)
    G.add_edge("Zone:a", "Measure:m", key="ADOPTED", type="ADOPTED", outcome=value, derived=False, provenance=prov)
    return G


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=HOSTILE, quote=HOSTILE, value=HOSTILE)
def test_graphml_and_gexf_round_trip_hostile_strings(tmp_path: Path, name: str, quote: str, value: str) -> None:
    G = _graph(name, quote, value)
    save_graphml(G, tmp_path / "g.graphml")
    H = nx.read_graphml(tmp_path / "g.graphml", force_multigraph=True, edge_key_type=str)
    assert H.nodes["Zone:a"]["name"] == xml_text(name)
    assert H.edges["Zone:a", "Measure:m", "ADOPTED"].get("outcome", "") == xml_text(value)
    assert json.loads(H.nodes["Zone:a"]["provenance"].replace("\\\\u", "\\u"))[0]["line"] == 7
    save_gexf(G, tmp_path / "g.gexf")
    X = nx.read_gexf(tmp_path / "g.gexf")
    assert X.nodes["Zone:a"]["label"] == (xml_text(name) or "Zone:a")
    save_node_link_json(G, tmp_path / "g.json")
    data = json.loads((tmp_path / "g.json").read_text(encoding="utf-8"))
    # JSON keeps the value exact; only two lone surrogates side by side (high, low) read back as the one
    # character they make, as every JSON reader does with "\\ud800\\udfff"
    joined = name.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")
    assert {n["id"]: n["name"] for n in data["nodes"]}["Zone:a"] == joined


def test_a_control_character_is_cleaned_with_a_warning_naming_the_input_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    G = _graph("Hubei\x0b PFTZ\x00", "q", "ok\x1b")
    with caplog.at_level("WARNING", logger="pftz.graph.exports"):
        save_graphml(G, tmp_path / "g.graphml")
    nx.read_graphml(tmp_path / "g.graphml")  # well-formed
    text = caplog.text
    assert "node Zone:a" in text and "U+000B" in text and "U+0000" in text and "from user.json:7" in text
    assert "edge Zone:a -> Measure:m [ADOPTED]" in text and "U+001B" in text


def test_a_build_with_control_characters_in_user_data_writes_valid_xml(tmp_path: Path) -> None:
    data = tmp_path / "zones.json"
    item = {"key": "test-zone", "name": "Test\u000b Zone\u001b \u0000PFTZ", "kind": "PFTZ", "province": "Hubei"}
    data.write_text(json.dumps({"format": "pftz-user/1", "zones": [item]}), encoding="utf-8")
    res = CliRunner().invoke(cli, ["build", "--no-html", "--data", str(data), "--out", str(tmp_path / "out")])
    assert res.exit_code == 0, res.output
    nx.read_graphml(tmp_path / "out" / "graph.graphml")
    nx.read_gexf(tmp_path / "out" / "graph.gexf")
    assert "invisible-character" in res.output and "zones.json:1" in res.output


def test_a_lone_surrogate_in_user_json_names_the_input_line_and_the_build_succeeds(tmp_path: Path) -> None:
    data = tmp_path / "events.json"
    data.write_text(
        '{"format": "pftz-user/1",\n "adoptions": [\n  {"adopter": "Shanxi", '
        '"measure": "national:best-practices:5:7", "outcome": "ok\\ud800"}\n ]\n}\n',
        encoding="utf-8",
    )
    res = CliRunner().invoke(cli, ["build", "--no-html", "--data", str(data), "--out", str(tmp_path / "out")])
    assert res.exit_code == 0, res.output
    assert "events.json:3: [invisible-character]" in res.output and "U+D800" in res.output
    json.loads((tmp_path / "out" / "graph.json").read_text(encoding="utf-8"))


# --------------------------------------------------------------------------- CSV injection

PAYLOADS = ["=cmd|' /C calc'!A0", "+1+1", "-2+3+cmd", "@SUM(A1:A2)", "\t=1", "\r=1", "plain", "-"]


def test_people_csv_makes_formulas_inert_and_reads_back(tmp_path: Path) -> None:
    df = pd.DataFrame({"text": PAYLOADS, "n": range(-4, 4)})
    path = tmp_path / "q.csv"
    path.write_text(people_csv(df), encoding="utf-8")
    back = pd.read_csv(path, keep_default_na=False)
    for raw, cell in zip(PAYLOADS, back["text"], strict=True):
        if raw.startswith(("=", "+", "-", "@", "\t", "\r")):
            assert cell == "'" + raw
        else:
            assert cell == raw
    assert list(back["n"]) == list(range(-4, 4)), "numbers stay numbers"


def test_query_csv_output_is_formula_safe(tmp_path: Path) -> None:
    data = tmp_path / "measures.csv"
    data.write_text(
        "key,title,kind,origin_zones,batch,scope,document\n"
        "user:evil,=cmd|' /C calc'!A0 smart customs,best practice,Hubei PFTZ,,,\n",
        encoding="utf-8",
    )
    res = CliRunner().invoke(
        cli, ["query", "search_measures", "-p", "words=smart customs calc", "--format", "csv", "--data", str(data)]
    )
    assert res.exit_code == 0, res.output
    rows = [ln for ln in res.stdout.splitlines() if "calc" in ln]
    assert rows and all("'=cmd" in ln for ln in rows), rows


def test_machine_exports_keep_formula_like_values_exact(tmp_path: Path) -> None:
    G = _graph("=cmd|' /C calc'!A0", "+1+1", "-2+3+cmd")
    save_neo4j_admin_csv(G, tmp_path / "neo")
    zones = pd.read_csv(tmp_path / "neo" / "nodes_Zone.csv", keep_default_na=False)
    assert zones["name"].tolist() == ["=cmd|' /C calc'!A0"]


# --------------------------------------------------------------------------- messages


def test_the_hint_for_more_user_data_warnings_names_a_command_that_reads_the_file(tmp_path: Path) -> None:
    data = tmp_path / "events.csv"
    rows = [f"Atlantis {i} PFTZ,national:best-practices:5:7,2024,,," for i in range(60)]
    data.write_text("adopter,measure,date,outcome,batch,source_note\n" + "\n".join(rows) + "\n", encoding="utf-8")
    res = CliRunner().invoke(cli, ["-v", "stats", "--data", str(data)])
    assert res.exit_code == 0, res.output
    assert "pftz parse --json" not in res.output
    assert f"pftz build --data {data.name} --strict lists those of {data.name}" in res.output


@pytest.mark.neo4j
def test_bolt_s_to_a_plain_neo4j_server_says_to_use_bolt(neo4j_connection: object) -> None:
    """The real test server speaks plain Bolt; ``bolt+s://`` to it used to read "is the server running?"."""
    uri = os.environ.get("NEO4J_URI", "bolt://127.0.0.1:7687").replace("bolt://", "bolt+s://", 1)
    res = CliRunner().invoke(cli, ["query", "innovators", "--neo4j", uri])
    assert res.exit_code == 1, res.output
    assert "use bolt:// instead" in res.output and "Traceback" not in res.output


def test_a_symlink_to_a_folder_stays_a_symlink_and_its_folder_gets_the_new_set(tmp_path: Path) -> None:
    real = tmp_path / "real"
    _write_set(real, OLD_SET)
    link = tmp_path / "out"
    os.symlink(real, link)
    with staged_folder(link, known={"graph.json", "graph.graphml", "html"}) as stage:
        (stage / "graph.json").write_text("{}", encoding="utf-8")
    assert link.is_symlink() and os.readlink(link) == str(real)
    # a folder without a manifest: its top-level exports are replaced; what its html/ holds that the
    # new build does not write again may be a researcher's, so it is kept (issue 28)
    assert sorted(_snapshot(real)) == [MANIFEST, "graph.json", "html/index.html", "html/zones/stale.html"]
