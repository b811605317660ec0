"""The house's contract: import-linter keeps the floors one-way, and breaks on a back-edge.

The contracts are in ``pyproject.toml`` (``[tool.importlinter]``): the layers
shell > queries > graph > loaders > ground of the ``pftz`` package, the graph reading only
``loaders.records``, and independent rooms. Each test runs the real
``lint-imports`` on the real tree (as ``tools/pkg-tree.sh`` lays it out: the folders
as ``pftz.<folder>``, the way they are installed), or on a copy of it with one import added.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("ground", "loaders", "graph", "queries", "shell")
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _lint_imports(root: Path, config: Path) -> subprocess.CompletedProcess[str]:
    """Run lint-imports where ``root/pftz`` is the package it analyses."""
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--config", str(config)],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.fixture
def house(tmp_path: Path) -> Path:
    """A copy of the package: ``pftz/__init__.py`` and the five folders inside it, and pyproject.toml."""
    shutil.copytree(ROOT / "pftz", tmp_path / "pftz", ignore=shutil.ignore_patterns("__pycache__"))
    for p in PACKAGES:
        shutil.copytree(ROOT / p, tmp_path / "pftz" / p, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def test_the_real_tree_keeps_every_contract() -> None:
    subprocess.run([str(ROOT / "tools" / "pkg-tree.sh")], check=True)
    result = _lint_imports(ROOT / "build" / "pkg", ROOT / "pyproject.toml")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_the_copy_keeps_every_contract(house: Path) -> None:
    result = _lint_imports(house, house / "pyproject.toml")
    assert result.returncode == 0, result.stdout + result.stderr
    assert (
        str(house)
        in subprocess.run(
            [sys.executable, "-c", "import pftz.ground; print(pftz.ground.__file__)"],
            cwd=house,
            env={**os.environ, "PYTHONPATH": str(house)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    ), "the copy must be the tree that is analysed"


@pytest.mark.parametrize(
    ("module", "source", "contract", "edge"),
    [
        ("ground/backedge.py", "import pftz.graph.build\n", "The house", "pftz.ground.backedge -> pftz.graph.build"),
        ("loaders/backedge.py", "from pftz.queries import run\n", "The house", "pftz.loaders.backedge -> pftz.queries"),
        (
            "graph/backedge.py",
            "from pftz.loaders.reference import load_reference\n",
            "The graph reads loader records",
            "pftz.graph.backedge -> pftz.loaders.reference",
        ),
        ("ground/dates_uses_names.py", "import pftz.ground.names\nimport pftz.ground.dates\n", None, None),
    ],
)
def test_a_back_edge_breaks_the_contract(
    house: Path, module: str, source: str, contract: str | None, edge: str | None
) -> None:
    (house / "pftz" / module).write_text(f'"""A deliberate import."""\n\n{source}', encoding="utf-8")
    result = _lint_imports(house, house / "pyproject.toml")
    if contract is None:  # a new module that imports within the rules changes nothing
        assert result.returncode == 0, result.stdout + result.stderr
        return
    assert result.returncode != 0
    assert f"{contract}" in result.stdout and "BROKEN" in result.stdout
    assert edge in result.stdout, result.stdout


def test_ground_rooms_stay_independent(house: Path) -> None:
    path = house / "pftz" / "ground" / "dates.py"
    text = path.read_text(encoding="utf-8") + "\nfrom pftz.ground import names  # noqa: E402\n"
    path.write_text(text, encoding="utf-8")
    result = _lint_imports(house, house / "pyproject.toml")
    assert result.returncode != 0
    assert "Ground floor rooms stand alone" in result.stdout
    assert "pftz.ground.dates -> pftz.ground.names" in result.stdout
