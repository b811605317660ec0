"""The one error hierarchy of pftz-graph.

Every error the package raises on purpose derives from :class:`PftzGraphError`,
so callers (the CLI above all) can catch one class and show one clear line.
Third-party errors are wrapped where they happen (``raise X(msg) from e``).
"""

from __future__ import annotations


class PftzGraphError(Exception):
    """Root of every error raised by pftz-graph."""


class InputError(PftzGraphError, ValueError):
    """An input file cannot be read or does not hold what it should.

    Parameters
    ----------
    msg
        What is wrong, in one sentence.
    path
        The file the problem is in, if there is one.
    line
        The 1-based line number, if known.
    """

    def __init__(self, msg: str, path: str | None = None, line: int | None = None) -> None:
        self.msg = msg
        self.path = path
        self.line = line
        where = path or ""
        if path and line is not None:
            where = f"{path}:{line}"
        super().__init__(f"{where}: {msg}" if where else msg)


class ReportParseError(InputError):
    """The report text is malformed, truncated or not a report at all."""


class UserDataError(InputError):
    """A researcher's CSV or JSON file has bad rows."""


class ReferenceDataError(InputError):
    """A curated file under ``data/reference/`` is broken."""


class GraphValidationError(PftzGraphError, ValueError):
    """The graph breaks the schema; the message lists every problem found."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        shown = "\n  ".join(problems[:50])
        more = f"\n  ... and {len(problems) - 50} more" if len(problems) > 50 else ""
        super().__init__(f"graph does not match the schema ({len(problems)} problems):\n  {shown}{more}")


class StrictModeError(PftzGraphError):
    """Warnings were raised while ``strict`` was requested."""


class Neo4jError(PftzGraphError):
    """Talking to Neo4j failed (unreachable, bad credentials, failed load)."""


class QueryError(PftzGraphError, ValueError):
    """A named query is unknown or got bad parameters."""


class ExportError(PftzGraphError, OSError):
    """An output file could not be written; earlier outputs are left intact."""


class AnnotationError(InputError):
    """A hand-annotation file (``tests/annotations/*.csv``) has a bad row."""


class Stopped(BaseException):
    """A stop by SIGINT or SIGTERM (see ``shell/entry.py``): not an error, so no ``except Exception`` catches it.

    Parameters
    ----------
    signum
        The signal's number.
    """

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


_STOP: list[int] = []
"""Signals a stop handler saw (:func:`request_stop`); checked before anything is published."""


def request_stop(signum: int) -> None:
    """Note that a signal asked the program to stop.

    The handler also raises :class:`~ground.errors.Stopped`; where Python
    swallows that exception (a signal that lands in a weak-reference callback
    during an import prints "Exception ignored" and goes on), this note stops
    the program at the next point where it would publish a file or folder.
    """
    _STOP.append(signum)


def check_stop() -> None:
    """Raise :class:`~ground.errors.Stopped` if a stop was requested (called before publishing)."""
    if _STOP:
        raise Stopped(_STOP[0])


def stop_requested() -> int | None:
    """The signal of a requested stop, or None."""
    return _STOP[0] if _STOP else None
