"""The notebooks: each runs top to bottom without an error, and the committed ones carry their outputs.

The notebooks are stories, saved with their outputs (tables and figures) so that a reader of
the hosting site sees them; they hold no ``assert`` lines. The facts they rely on are checks in
``tests/notebook_checks.py``, run in the notebook's kernel right after the cell they belong to.

A notebook runs in a fresh kernel of this interpreter (the project's virtualenv), with
``notebooks/`` as its working directory and ``TMPDIR`` pointing into the test's temporary
directory, so whatever a notebook writes through :mod:`tempfile` lands there and nothing lands in
the repository. A broken notebook, or a failed check, fails here with the cell and its traceback.

Every run compares what each code cell printed and displayed (text and tables; images left out) with
what the committed notebook saved, after :func:`normalized` has masked timings, paths, ports and
object addresses: a saved output that a fresh run no longer gives fails the test, so the stories stay
current (``tools/refresh_notebooks.py`` saves fresh outputs). No output may name a temporary folder.

``03-neo4j-and-cypher`` runs against the real Neo4j server of ``make test`` (emptied first, as
every Neo4j test does); with ``PFTZ_REQUIRE_NEO4J=1`` it must fail when Neo4j is unreachable, and
without it, it must stop cleanly after saying so.
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

import nbformat
import pytest
from jupyter_client.kernelspec import NATIVE_KERNEL_NAME, KernelSpecManager
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from traitlets import default

from tests.neo4j_fixtures import free_port
from tests.notebook_checks import CHECKS

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK_DIR = ROOT / "notebooks"
CELL_TIMEOUT = 120
"""Seconds one cell may run."""

OFFLINE = ["01-trace-an-innovation.ipynb", "02-zones-and-diffusion.ipynb", "04-who-learned-from-whom.ipynb"]
MAX_NOTEBOOK_BYTES = 300_000
"""A committed notebook with its outputs stays small enough to review."""
NEO4J_NOTEBOOK = "03-neo4j-and-cypher.ipynb"
NOTEBOOKS = [*OFFLINE, NEO4J_NOTEBOOK]


class ThisInterpreterKernelManager(KernelManager):
    """A kernel manager that only knows ipykernel's own ``python3`` spec: ``sys.executable -m ipykernel``.

    Kernel specs installed for the user or the system (which may point at another Python)
    are ignored, so the notebooks run in the virtualenv the tests run in, on any machine.
    """

    @default("kernel_spec_manager")
    def _kernel_spec_manager_default(self) -> KernelSpecManager:
        return KernelSpecManager(kernel_dirs=[], ensure_native_kernel=True, parent=self)


def with_checks(nb: nbformat.NotebookNode, name: str) -> nbformat.NotebookNode:
    """Insert the notebook's checks (:data:`CHECKS`) as code cells right after their anchor cells."""
    cells = list(nb.cells)
    for anchor, check in CHECKS.get(name, []):
        at = [i for i, c in enumerate(cells) if c.cell_type == "code" and anchor in c.source]
        assert at, f"{name}: no cell contains the anchor {anchor!r} of a check"
        cells.insert(at[0] + 1, nbformat.v4.new_code_cell(check, metadata={"pftz_check": True}))
    nb.cells = cells
    return nb


def execute(name: str, *, checks: bool = True) -> nbformat.NotebookNode:
    """Run a notebook top to bottom in a fresh kernel (with its checks) and return it with its outputs."""
    nb = nbformat.read(NOTEBOOK_DIR / name, as_version=4)
    if checks:
        nb = with_checks(nb, name)
    client = NotebookClient(
        nb,
        timeout=CELL_TIMEOUT,
        kernel_name=NATIVE_KERNEL_NAME,
        kernel_manager_class=ThisInterpreterKernelManager,
        resources={"metadata": {"path": str(NOTEBOOK_DIR)}},
    )
    client.execute()
    return nb


def run_or_fail(name: str) -> nbformat.NotebookNode:
    """Run a notebook; on a cell error fail with the cell and its traceback, not nbclient's internals."""
    try:
        return execute(name)
    except CellExecutionError as e:
        pytest.fail(f"{name} failed:\n{e}", pytrace=False)


def code_outputs(nb: nbformat.NotebookNode) -> list[str]:
    """The text each code cell printed or displayed, one string per code cell (the inserted checks left out)."""
    texts = []
    for cell in nb.cells:
        if cell.cell_type != "code" or cell.metadata.get("pftz_check"):
            continue
        parts = []
        for out in cell.get("outputs", []):
            if out.output_type == "stream":
                parts.append(out.text)
            elif "data" in out:
                parts.append(str(out.data.get("text/plain", "")))
        texts.append("".join(parts))
    return texts


_MASKS = [
    (re.compile(r"\b\d+(?:[.,]\d+)*\s*(?:ms|s|seconds?)\b"), "<time>"),
    (re.compile(r"\b0x[0-9a-f]+\b"), "<address>"),
    (re.compile(r"(?:bolt|neo4j)(?:\+s|\+ssc)?://[^\s,'\"]+"), "<server>"),
    (re.compile(r"(?<![\w.])/[\w.-]+(?:/[\w.+-]+)+"), "<path>"),
]
"""What may differ between two runs of a notebook: timings, object addresses, the server, absolute paths."""


def normalized(text: str) -> str:
    """An output with :data:`_MASKS` applied, so that two runs of an unchanged notebook compare equal."""
    for pattern, mask in _MASKS:
        text = pattern.sub(mask, text)
    return text


def assert_current(name: str, fresh: nbformat.NotebookNode) -> None:
    """Fail unless every code cell of a fresh run printed what the committed notebook saved."""
    saved = [normalized(t) for t in code_outputs(nbformat.read(NOTEBOOK_DIR / name, as_version=4))]
    now = [normalized(t) for t in code_outputs(fresh)]
    assert len(saved) == len(now)
    stale = [i for i, (a, b) in enumerate(zip(saved, now, strict=True)) if a != b]
    if stale:
        i = stale[0]
        pytest.fail(
            f"{name}: the saved outputs of code cells {stale} differ from a fresh run "
            f"(run tools/refresh_notebooks.py); cell {i} saved:\n{saved[i][:1500]}\nnow:\n{now[i][:1500]}",
            pytrace=False,
        )


def repo_snapshot() -> set[str]:
    """The names at the top of the repository and in ``notebooks/``, where a careless notebook would write."""
    return {p.name for p in ROOT.iterdir()} | {f"notebooks/{p.name}" for p in NOTEBOOK_DIR.iterdir()}


@pytest.fixture
def kernel_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """The environment the kernel inherits: temporary files under ``tmp_path``, a headless matplotlib."""
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    monkeypatch.setenv("TMPDIR", str(tmp))
    monkeypatch.setenv("MPLBACKEND", "Agg")
    return tmp


# --------------------------------------------------------------------------- the committed files


def test_the_notebooks_are_the_expected_ones() -> None:
    found = sorted(p.name for p in NOTEBOOK_DIR.glob("*.ipynb"))
    assert found == sorted(NOTEBOOKS)
    assert all(re.fullmatch(r"\d\d-[a-z0-9-]+\.ipynb", name) for name in found)


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_committed_notebook_is_a_story_saved_with_its_outputs(name: str) -> None:
    path = NOTEBOOK_DIR / name
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    assert nb.metadata.get("kernelspec", {}).get("name") == NATIVE_KERNEL_NAME
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code, f"{name} has no code"
    counts = [c.execution_count for c in code]
    assert counts == list(range(1, len(code) + 1)), f"{name}: not saved from one top-to-bottom run: {counts}"
    assert sum(bool(c.outputs) for c in code) >= len(code) / 2, f"{name}: saved without its outputs"
    errors = [i for i, c in enumerate(code) if any(o.output_type == "error" for o in c.outputs)]
    assert not errors, f"{name}: code cells {errors} were saved with an error"
    temporary = [i for i, t in enumerate(code_outputs(nb)) if re.search(r"/tmp/|pftz-notebook-|\\Temp\\", t)]
    assert not temporary, f"{name}: code cells {temporary} show a temporary path (a dead link on the hosting site)"
    asserts = [i for i, c in enumerate(code) if any(isinstance(n, ast.Assert) for n in ast.walk(ast.parse(c.source)))]
    assert not asserts, f"{name}: code cells {asserts} assert; checks belong in tests/notebook_checks.py"
    assert path.stat().st_size <= MAX_NOTEBOOK_BYTES, f"{name}: {path.stat().st_size:,} bytes with its outputs"


def test_the_kernel_is_this_interpreter() -> None:
    spec = ThisInterpreterKernelManager(kernel_name=NATIVE_KERNEL_NAME).kernel_spec
    assert spec is not None
    assert spec.argv[0] == sys.executable
    assert spec.argv[1:3] == ["-m", "ipykernel_launcher"]


# --------------------------------------------------------------------------- running them


@pytest.mark.parametrize("name", OFFLINE)
def test_notebook_runs(name: str, kernel_env: Path) -> None:
    before = repo_snapshot()
    nb = run_or_fail(name)
    assert all(c.execution_count for c in nb.cells if c.cell_type == "code")
    assert repo_snapshot() == before, "the notebook wrote a new file into the repository"
    assert_current(name, nb)
    if name.startswith("01-"):
        assert (NOTEBOOK_DIR / "views" / "01-remanufactured-products.html").is_file(), "the view is saved beside it"


@pytest.mark.neo4j
def test_neo4j_notebook_runs(neo4j_db: tuple[object, str], kernel_env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # neo4j_db emptied the test server; the notebook merges the bundled report's graph into it.
    monkeypatch.setenv("PFTZ_REQUIRE_NEO4J", "1")
    before = repo_snapshot()
    nb = run_or_fail(NEO4J_NOTEBOOK)
    assert "connected to" in code_outputs(nb)[0]
    assert repo_snapshot() == before, "the notebook wrote into the repository"
    assert_current(NEO4J_NOTEBOOK, nb)


def _unreachable_neo4j(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEO4J_URI", f"bolt://127.0.0.1:{free_port()}")
    monkeypatch.setenv("NEO4J_USER", "neo4j")
    monkeypatch.setenv("NEO4J_PASSWORD", "not-used")
    monkeypatch.setenv("NEO4J_DATABASE", "neo4j")
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("PFTZ_REQUIRE_NEO4J", raising=False)


def test_neo4j_notebook_without_neo4j_says_so_and_stops(kernel_env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _unreachable_neo4j(monkeypatch)
    texts = code_outputs(run_or_fail(NEO4J_NOTEBOOK))
    assert "Neo4j is not available" in texts[0]
    assert "cannot reach" in texts[0]
    assert not any(texts[1:]), "cells after the first did something without Neo4j"


@pytest.mark.parametrize("env", [{"PFTZ_REQUIRE_NEO4J": "1"}, {"CI": "true"}], ids=["required", "ci"])
def test_neo4j_notebook_fails_without_neo4j_when_required(
    env: dict[str, str], kernel_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _unreachable_neo4j(monkeypatch)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    with pytest.raises(CellExecutionError, match="Neo4jError"):
        execute(NEO4J_NOTEBOOK)


def test_a_stale_saved_output_is_caught_and_run_noise_is_not() -> None:
    name = OFFLINE[-1]
    nb = nbformat.read(NOTEBOOK_DIR / name, as_version=4)
    assert_current(name, nb)
    first = next(c for c in nb.cells if c.cell_type == "code" and c.outputs and c.outputs[0].output_type == "stream")
    first.outputs[0].text = re.sub(r"\d", "9", first.outputs[0].text)
    with pytest.raises(pytest.fail.Exception, match="differ from a fresh run"):
        assert_current(name, nb)
    noise = "read in 13.7 s (120 ms) from /tmp/pftz-x/y.html at 0x7f3a bolt://127.0.0.1:7687"
    assert normalized(noise) == "read in <time> (<time>) from <path> at <address> <server>"
    assert normalized("532 nodes, views/01-a.html, 2024-10-25") == "532 nodes, views/01-a.html, 2024-10-25"
