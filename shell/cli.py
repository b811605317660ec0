"""The ``pftz`` command line: a thin layer over the Python API.

Every library error (:class:`~ground.errors.PftzGraphError`) becomes one clear
line and exit code 1; secrets come only from environment variables.

The group and what its commands share are in :mod:`shell.cli_base`; the commands, by job, in
:mod:`shell.cli_build` (parse, eval, build, stats, export, review), :mod:`shell.cli_load` (load),
:mod:`shell.cli_query` (query, search, trace, table) and :mod:`shell.cli_views` (viz, figure,
serve, docs). Importing them registers their commands on :data:`cli`.
"""

from __future__ import annotations

from pftz.shell import cli_build, cli_load, cli_query, cli_views
from pftz.shell.cli_base import cli
from pftz.shell.entry import run

__all__ = ["COMMAND_MODULES", "cli", "main"]

COMMAND_MODULES = (cli_build, cli_load, cli_query, cli_views)
"""The modules whose commands register on :data:`cli` when imported, in the order they register."""


def main() -> None:
    """Run the CLI with clean stops on SIGINT and SIGTERM (:mod:`shell.entry`, the console script's module)."""
    run(lambda: cli(prog_name="pftz"))


if __name__ == "__main__":  # pragma: no cover
    main()
