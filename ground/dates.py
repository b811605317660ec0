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

What is a date
--------------
A date value is a string written exactly ``YYYY``, ``YYYY-MM`` or
``YYYY-MM-DD`` in ASCII digits, year 0001-9999, of a day that exists: no
surrounding spaces, no other separators, not an int. This is also what the
named Cypher queries accept (the ``CASE`` of ``queries/diffusion_paths.cypher``
returns null for anything else), so :func:`period_end` and the Cypher agree on
every value. An integer ``year`` property is read with :func:`parse_year`.
Loaders that read dates people write (``2024-10-25``, ``January 8, 2024``)
check them here too (:meth:`PartialDate.parse`, :meth:`PartialDate.from_parts`).
"""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass
from enum import IntEnum

__all__ = ["PartialDate", "Precision", "in_window", "parse_iso", "parse_year", "period_end"]


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
        datetime.date(self.year, 1 if self.month is None else self.month, 1 if self.day is None else self.day)

    @classmethod
    def parse(cls, value: object) -> PartialDate:
        """Parse a string written exactly ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (ASCII digits).

        Parameters
        ----------
        value
            The string (a :class:`PartialDate` is returned as it is).

        Returns
        -------
        PartialDate
            The date at the precision written.

        Raises
        ------
        ValueError
            If the value is not such a string (spaces and ints included), or
            the date does not exist.

        Examples
        --------
        >>> PartialDate.parse("2024-10-25").precision.name
        'DAY'
        """
        if isinstance(value, PartialDate):
            return value
        if not isinstance(value, str):
            msg = f"not a date: {value!r}"
            raise ValueError(msg)
        m = _ISO_RE.fullmatch(value)
        if not m:
            msg = f"not a date written YYYY, YYYY-MM or YYYY-MM-DD: {value!r}"
            raise ValueError(msg)
        y, mo, d = m.groups()
        try:
            return cls(int(y), int(mo) if mo else None, int(d) if d else None)
        except ValueError as e:
            msg = f"not a date that exists: {value!r} ({e})"
            raise ValueError(msg) from None

    @classmethod
    def from_parts(cls, year: int | str, month: int | str | None = None, day: int | str | None = None) -> PartialDate:
        """Build a date from its printed parts (``"2024"``, ``9``, ``"8"``), checking that it exists.

        Raises
        ------
        ValueError
            If a part is not a number or the date does not exist.

        Examples
        --------
        >>> PartialDate.from_parts("2024", 1, "8").iso
        '2024-01-08'
        """
        return cls(int(year), None if month is None else int(month), None if day is None else int(day))

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
    """Return the :class:`PartialDate` of ``value``, or None if it is not one (see the module docstring).

    Examples
    --------
    >>> parse_iso("2021").iso
    '2021'
    >>> [parse_iso(v) for v in ("2024-02-30", " 2021", 2021, "２０２１")]
    [None, None, None, None]
    """
    try:
        return PartialDate.parse(value)
    except ValueError:
        return None


def parse_year(value: object) -> PartialDate | None:
    """Return the year an integer ``year`` property denotes, or None (not an int, a bool, or out of range).

    Examples
    --------
    >>> parse_year(2021).iso, parse_year("2021"), parse_year(True), parse_year(0)
    ('2021', None, None, None)
    """
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 9999:
        return None
    return PartialDate(value)


def period_end(value: object) -> datetime.date | None:
    """The last day of the period ``value`` denotes, or None if it is not a date.

    The same value as the ``CASE`` of ``queries/diffusion_paths.cypher``: a
    date stands for the last day of its period.

    Examples
    --------
    >>> period_end("2024-02")
    datetime.date(2024, 2, 29)
    >>> period_end("2024-02-30") is None, period_end(2024) is None
    (True, True)
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
