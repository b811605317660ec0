"""Run every notebook top to bottom and save it with fresh outputs (what ``tests/test_notebooks.py`` compares).

Usage, from the repository's root with the project's virtualenv and the test Neo4j running
(``tools/neo4j/neo4j.sh start && source tools/neo4j/env.sh``; notebook 03 loads the graph into it)::

    .venv/bin/python tools/refresh_notebooks.py [NAME.ipynb ...]

Each notebook runs in a fresh kernel of this interpreter, as the tests run it (without the checks
of ``tests/notebook_checks.py``), with ``PFTZ_REQUIRE_NEO4J=1`` so that notebook 03 fails rather
than save the story of a missing server, and a headless matplotlib.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.test_notebooks import NOTEBOOK_DIR, NOTEBOOKS, execute  # noqa: E402 (after the path is set)


def main() -> None:
    """Run from the command line."""
    os.environ["PFTZ_REQUIRE_NEO4J"] = "1"
    os.environ["MPLBACKEND"] = "Agg"
    for name in sys.argv[1:] or NOTEBOOKS:
        nb = execute(name, checks=False)
        for cell in nb.cells:  # run timestamps and the chunking of printed text change with every run
            cell.metadata.pop("execution", None)
            merged: list[nbformat.NotebookNode] = []
            for out in cell.get("outputs", []):
                last = merged[-1] if merged else None
                if last is not None and out.output_type == last.output_type == "stream" and out.name == last.name:
                    last.text += out.text
                else:
                    merged.append(out)
            if cell.cell_type == "code":
                cell.outputs = merged
        nbformat.write(nb, NOTEBOOK_DIR / name)
        print(f"saved {NOTEBOOK_DIR / name} with fresh outputs")


if __name__ == "__main__":
    main()
