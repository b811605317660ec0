"""A CLI that answers at once: ``pftz --version`` and ``pftz -h`` import no heavy library."""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ("pandas", "neo4j", "networkx", "matplotlib", "pyvis", "numpy", "rich", "openpyxl", "pyarrow", "jinja2")
"""Libraries only the commands that use them may import."""

PROBE = """
import sys
from pftz.shell.cli import cli
try:
    cli(sys.argv[1:], prog_name="pftz")
except SystemExit:
    pass
print("IMPORTED:" + ",".join(m for m in {heavy!r} if m in sys.modules))
"""


@pytest.mark.parametrize("args", [["--version"], ["-h"], ["trace", "-h"], ["search", "-h"], ["query", "-h"]])
def test_startup_imports_no_heavy_library(args: list[str]) -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(heavy=HEAVY), *args], capture_output=True, text=True, check=True
    )
    imported = done.stdout.rsplit("IMPORTED:", 1)[1].strip()
    assert imported == "", f"pftz {' '.join(args)} imported {imported}"
    assert done.stdout.strip()  # it answered


def test_lazy_choices_still_check_their_values() -> None:
    from click.testing import CliRunner

    from pftz.shell.cli import cli

    res = CliRunner().invoke(cli, ["table", "nonsense"])
    assert res.exit_code == 2
    assert "'measures'" in res.output and "'zones'" in res.output
    res = CliRunner().invoke(cli, ["export", "--format", "nope", "-o", "x"])
    assert res.exit_code == 2 and "'graphml'" in res.output


def test_the_version_fast_path_says_what_click_says() -> None:
    """``pftz --version`` is answered before click is imported, in click's words and with the installed version."""
    from importlib import metadata

    from click.testing import CliRunner

    from pftz.shell.cli import cli

    probe = "import sys\nsys.argv = ['pftz', '--version']\nfrom pftz.shell.entry import main\nmain()\n"
    probe += "print('IMPORTED:' + ','.join(m for m in ('click', 'networkx') if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    answer, imported = done.stdout.rsplit("IMPORTED:", 1)
    assert imported.strip() == ""
    assert answer == CliRunner().invoke(cli, ["--version"], prog_name="pftz").output
    assert answer == f"pftz, version {metadata.version('pftz-graph')}\n"
