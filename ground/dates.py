"""Partial dates: a date at the precision the text prints it.

The report dates facts to the day ("On January 8, 2024"), the month ("In
June 2023") or the year ("2021"). A :class:`PartialDate` keeps exactly that
precision; its ISO form is ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``. It is the
one date type of the project: the loaders, the graph, the queries' twins and
the views all parse and compare dates through this module.

Comparison is by the period a date denotes: ``2024`` covers 2024-01-01 to
2024-12-31, so it is not before ``2024-06``. :meth:`PartialDate.start` and
:meth:`PartialDate.end` give the period's first and last day; a time window
keeps a fact when its period overlaps the window (:func:`in_window`).
Sorting (``<``) orders by first day, then by precision (coarser first), which
is a total order and the one the exports use.
"""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass
from enum import IntEnum

__all__ = ["PartialDate", "Precision", "in_window", "parse_iso", "period_end"]


class Precision(IntEnum):
    """How much of a date the text prints."""

    YEAR = 1
    MONTH = 2
    DAY = 3


_ISO_RE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", re.ASCII)


@dataclass(frozen=True, slots=True, order=False)
class PartialDate:
    """A year, a year and month, or a full day.

    Parameters
    ----------
    year
        1-9999.
    month
        1-12, or None for a year.
    day
        A valid day of ``month``, or None.

    Examples
    --------
    >>> d = PartialDate.parse("2023-06")
    >>> d.iso, d.precision.name, d.start(), d.end()
    ('2023-06', 'MONTH', datetime.date(2023, 6, 1), datetime.date(2023, 6, 30))
    >>> PartialDate.parse("2024") < PartialDate.parse("2024-06")
    True
    >>> PartialDate.parse("2024").overlaps(PartialDate.parse("2024-06"))
    True
    """

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if self.day is not None and self.month is None:
            msg = "a day needs a month"
            raise ValueError(msg)
        # datetime.date checks the ranges (year 1-9999, month 1-12, the day within the month)
        datetime.date(self.year, self.month or 1, self.day or 1)

    @classmethod
    def parse(cls, value: object) -> PartialDate:
        """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (ASCII digits only; an int is a year).

        Raises
        ------
        ValueError
            If the value is not such a date, or the date does not exist.
        """
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, int) and not isinstance(value, bool):
            value = f"{value:04d}"
        if not isinstance(value, str):
            msg = f"not a date: {value!r}"
            raise ValueError(msg)
        m = _ISO_RE.fullmatch(value.strip())
        if not m:
            msg = f"not a date written YYYY, YYYY-MM or YYYY-MM-DD: {value!r}"
            raise ValueError(msg)
        y, mo, d = m.groups()
        return cls(int(y), int(mo) if mo else None, int(d) if d else None)

    @property
    def precision(self) -> Precision:
        """:attr:`Precision.YEAR`, ``MONTH`` or ``DAY``."""
        if self.day is not None:
            return Precision.DAY
        return Precision.MONTH if self.month is not None else Precision.YEAR

    @property
    def iso(self) -> str:
        """The ISO form at the date's own precision."""
        out = f"{self.year:04d}"
        if self.month is not None:
            out += f"-{self.month:02d}"
        if self.day is not None:
            out += f"-{self.day:02d}"
        return out

    def start(self) -> datetime.date:
        """The first day of the period."""
        return datetime.date(self.year, self.month or 1, self.day or 1)

    def end(self) -> datetime.date:
        """The last day of the period."""
        if self.day is not None and self.month is not None:
            return datetime.date(self.year, self.month, self.day)
        if self.month is not None:
            return datetime.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        return datetime.date(self.year, 12, 31)

    def overlaps(self, other: PartialDate) -> bool:
        """Whether the two periods share a day."""
        return self.start() <= other.end() and other.start() <= self.end()

    def _sort_key(self) -> tuple[datetime.date, int]:
        return self.start(), int(self.precision)

    def __lt__(self, other: PartialDate) -> bool:
        return self._sort_key() < other._sort_key()

    def __le__(self, other: PartialDate) -> bool:
        return self._sort_key() <= other._sort_key()

    def __gt__(self, other: PartialDate) -> bool:
        return self._sort_key() > other._sort_key()

    def __ge__(self, other: PartialDate) -> bool:
        return self._sort_key() >= other._sort_key()

    def __str__(self) -> str:
        return self.iso


def parse_iso(value: object) -> PartialDate | None:
    """Return the :class:`PartialDate` of ``value``, or None if it is not one.

    Examples
    --------
    >>> parse_iso("2024-02-30") is None, parse_iso(" 2021 ").iso
    (True, '2021')
    """
    try:
        return PartialDate.parse(value)
    except ValueError:
        return None


def period_end(value: object) -> datetime.date | None:
    """The last day of the period ``value`` denotes, or None if it is not a date.

    Examples
    --------
    >>> period_end("2024-02")
    datetime.date(2024, 2, 29)
    """
    d = parse_iso(value)
    return d.end() if d else None


def in_window(value: object, since: PartialDate | None = None, until: PartialDate | None = None) -> bool:
    """Whether the period of ``value`` overlaps the window ``[since, until]``.

    An open end is unbounded; an undated value (None or not a date) is outside
    any window that has a bound.

    Examples
    --------
    >>> in_window("2024", since=PartialDate.parse("2024-06"))
    True
    >>> in_window("2023-12", since=PartialDate.parse("2024"))
    False
    """
    if since is None and until is None:
        return True
    d = parse_iso(value)
    if d is None:
        return False
    if since is not None and d.end() < since.start():
        return False
    return not (until is not None and d.start() > until.end())
