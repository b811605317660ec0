"""The ``pftz`` console script: a clean stop on SIGINT and SIGTERM from its first instant.

The handlers are set before the heavy modules are imported, so Ctrl-C in the
first second prints one line, not a traceback. A stop raises :class:`Stopped`
(a ``BaseException``, so no ``except Exception`` swallows it) wherever the
program is; every writer cleans up on the way out (temporary files and
staging folders are removed; a folder swap holds the signal back until it is
done), then one line is printed and the exit code is 128 + the signal number
(130 for SIGINT, 143 for SIGTERM), as shells report it. Further signals are
ignored while the stop unwinds, so the clean-up itself is never cut short.
"""

from __future__ import annotations

import signal
import sys
from collections.abc import Callable
from types import FrameType
from typing import Any

__all__ = ["Stopped", "main", "run"]

_SIGNALS = (signal.SIGINT, signal.SIGTERM)


class Stopped(BaseException):
    """Raised by the signal handler: the run was stopped by ``signum``."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _stop(signum: int, frame: FrameType | None) -> None:
    for s in _SIGNALS:
        signal.signal(s, signal.SIG_IGN)  # the clean-up runs to its end
    raise Stopped(signum)


def run(command: Callable[[], Any]) -> None:
    """Run ``command`` with the stop handlers set; a stop ends in one line and exit 128 + signal."""
    for s in _SIGNALS:
        signal.signal(s, _stop)
    try:
        command()
    except Stopped as e:
        name = signal.Signals(e.signum).name
        sys.stderr.write(f"pftz: stopped by {name}; no partial output or temporary file was left\n")
        sys.stderr.flush()
        raise SystemExit(128 + e.signum) from None


def main() -> None:
    """Entry point of the ``pftz`` console script."""

    def command() -> None:
        from shell.cli import cli  # imported under the handlers: a stop while importing is clean too

        cli(prog_name="pftz")

    run(command)


if __name__ == "__main__":  # pragma: no cover
    main()
