"""The documentation matches the code: CLI help, README commands, generated docs."""

from __future__ import annotations

import re
from pathlib import Path

import click
from click.testing import CliRunner

from pftz.ground.schema import NODE_TYPES, REL_TYPES
from pftz.shell.cli import cli
from pftz.shell.docs import grass_stylesheet, schema_markdown
from pftz.shell.guide import browser_guide_html

ROOT = Path(__file__).resolve().parents[1]


def _commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    out = []
    for name, cmd in group.commands.items():
        out.append((*prefix, name))
        if isinstance(cmd, click.Group):
            out.extend(_commands(cmd, (*prefix, name)))
    return out


def test_every_command_has_help_with_an_example() -> None:
    runner = CliRunner()
    commands = _commands(cli)
    assert {"parse", "build", "stats", "export", "review", "load"} <= {c[0] for c in commands}
    for path in [(), *commands]:
        res = runner.invoke(cli, [*path, "--help"])
        assert res.exit_code == 0, (path, res.output)
        assert "Example:" in res.output, f"pftz {' '.join(path)} --help has no example"
        assert "pftz " in res.output.split("Example:", 1)[1]


def test_readme_starts_with_the_two_make_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first_block = re.search(r"```bash\n(.*?)```", readme, re.S)
    assert first_block is not None
    commands = [ln.split("#")[0].strip() for ln in first_block.group(1).splitlines()]
    assert commands[:2] == ["make run", "make test"]
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in ("run", "test", "bench"):
        assert re.search(rf"^{target}:", makefile, re.M), f"make {target} is not a Makefile target"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci


def test_generated_docs_are_current() -> None:
    assert (ROOT / "docs" / "schema.md").read_text(encoding="utf-8") == schema_markdown()
    assert (ROOT / "docs" / "neo4j-browser.grass").read_text(encoding="utf-8") == grass_stylesheet()
    assert (ROOT / "docs" / "neo4j-guide.html").read_text(encoding="utf-8") == browser_guide_html()


def test_browser_style_matches_the_html_colours() -> None:
    grass = grass_stylesheet()
    for label, t in NODE_TYPES.items():
        block = re.search(rf"node\.{label} \{{(.*?)\n\}}", grass, re.S)
        assert block and f"color: {t.color};" in block.group(1)
        assert f"caption: '{{{t.caption}}}';" in block.group(1)
    for rel in REL_TYPES:
        assert f"relationship.{rel} {{" in grass


def test_query_catalogue_is_current_and_complete() -> None:
    from pftz.queries import catalogue_markdown, list_queries

    catalogue = (ROOT / "docs" / "queries.md").read_text(encoding="utf-8")
    assert catalogue == catalogue_markdown()
    for q in list_queries():
        assert q.name in catalogue
