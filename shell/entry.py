"""The ``pftz`` console script: a clean stop on SIGINT and SIGTERM from its first instant.

The handlers are set before the heavy modules are imported, so Ctrl-C in the
first second prints one line, not a traceback. A stop raises
:class:`ground.errors.Stopped` (a ``BaseException``, so no ``except Exception`` swallows it) wherever the
program is; every writer cleans up on the way out (temporary files and
staging folders are removed; a folder swap holds the signal back until it is
done), then one line is printed and the exit code is 128 + the signal number
(130 for SIGINT, 143 for SIGTERM), as shells report it. Further signals are
ignored while the stop unwinds, so the clean-up itself is never cut short.
Where Python swallows the exception (a signal landing in a callback during an
import), the stop is noted and the program stops at the next point where it
would publish a file or folder (:func:`ground.errors.check_stop`).
"""

from __future__ import annotations

import signal
import sys
from collections.abc import Callable
from types import FrameType
from typing import Any

from pftz.ground.errors import Stopped, request_stop, stop_requested

__all__ = ["main", "run"]

_SIGNALS = (signal.SIGINT, signal.SIGTERM)


def _stop(signum: int, frame: FrameType | None) -> None:
    for s in _SIGNALS:
        signal.signal(s, signal.SIG_IGN)  # the clean-up runs to its end
    request_stop(signum)  # should Python swallow the exception, the next publishing point stops
    raise Stopped(signum)


def _quiet_unraisable(hook: Callable[[Any], object]) -> Callable[[Any], object]:
    """An ``unraisablehook`` that says nothing of a swallowed stop (it is handled by :func:`request_stop`)."""

    def quiet(unraisable: Any) -> None:
        if not isinstance(unraisable.exc_value, Stopped):
            hook(unraisable)

    return quiet


def _stopped(signum: int) -> SystemExit:
    name = signal.Signals(signum).name
    sys.stderr.write(f"pftz: stopped by {name}; no partial output or temporary file was left\n")
    sys.stderr.flush()
    return SystemExit(128 + signum)


def run(command: Callable[[], Any]) -> None:
    """Run ``command`` with the stop handlers set; a stop ends in one line and exit 128 + signal."""
    sys.unraisablehook = _quiet_unraisable(sys.unraisablehook)
    for s in _SIGNALS:
        signal.signal(s, _stop)
    try:
        command()
    except Stopped as e:
        raise _stopped(e.signum) from None
    except SystemExit:
        if stop_requested() is not None:  # a swallowed stop: the command ended without publishing
            raise _stopped(stop_requested() or 0) from None
        raise
    signum = stop_requested()
    if signum is not None:
        raise _stopped(signum)


VERSION_LINE = "{prog}, version {version}"
"""What ``pftz --version`` prints (click's ``version_option`` says the same)."""


def main() -> None:
    """Entry point of the ``pftz`` console script.

    ``pftz --version`` is answered before the command line's modules are imported (the
    version is :data:`pftz.__version__`, the one pyproject.toml reads), with click's wording.
    """
    if sys.argv[1:] == ["--version"]:
        from pftz import __version__

        sys.stdout.write(VERSION_LINE.format(prog="pftz", version=__version__) + "\n")
        return

    def command() -> None:
        from pftz.shell.cli import cli  # imported under the handlers: a stop while importing is clean too

        cli(prog_name="pftz")

    run(command)


if __name__ == "__main__":  # pragma: no cover
    main()
