"""The installed package: one top-level name, ``pftz``, whose floors are the repository's folders."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (path,) = out.glob("pftz_graph-*.whl")
    return path


def test_the_wheel_holds_one_top_level_package(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    top = {n.split("/", 1)[0] for n in names if not n.split("/", 1)[0].endswith(".dist-info")}
    assert top == {"pftz"}
    for floor in ("ground", "loaders", "graph", "queries", "shell"):
        assert f"pftz/{floor}/__init__.py" in names
    assert "pftz/queries/trace_innovation.cypher" in names  # package data comes along
    assert any(n.startswith("pftz/shell/templates/") for n in names)


def test_a_fresh_environment_gets_only_pftz(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv with spaces"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    python = venv / ("Scripts" if sys.platform == "win32" else "bin") / "python"
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    before = set(Path(site).iterdir())
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "-q", str(wheel)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    added = {p.name for p in set(Path(site).iterdir()) - before if not p.name.endswith(".dist-info")}
    assert added == {"pftz"}
    # the ground floor needs nothing but the standard library
    done = subprocess.run(
        [str(python), "-c", "import pftz, pftz.ground.schema as s; print(s.Label.ZONE)"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "Zone"


def test_import_pftz_is_cheap() -> None:
    """``import pftz`` loads no floor and no heavy library: each public name imports on first use."""
    code = "import sys, pftz; print(sorted(m for m in sys.modules if m.startswith(('pftz.', 'pandas', 'networkx'))))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT).stdout
    assert out.strip() == "[]"
