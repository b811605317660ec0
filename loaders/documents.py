"""Policy document numbers, titles and dates as the report writes them.

Chinese policy documents carry numbers such as ``G.H. [2024] No. 156``
(国函〔2024〕156号): an issuer prefix in the report's romanisation, a year and a
serial. Ministries' orders are written ``CAC Order No. 16`` or ``MOC Order No. 1
in 2024``. Short forms such as ``G.Fa. No. 9`` leave out the year and are
resolved against the full numbers seen elsewhere in the same report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pftz.ground.dates import PartialDate

_PREFIX = (
    r"(?P<prefix>(?<![\w.])[A-Z][a-z]{1,5}(?:\s[A-Z][a-z]{0,5}){1,5}(?=\s*[\[〔])"
    r"|[A-Z][A-Za-z]{0,3}(?:\.(?:\s\([A-Z][A-Za-z]?\.\)\s)?[A-Z][A-Za-z]{0,3})*\.?)"
)
"""A romanised prefix (``G.H.``, ``SH.M.Fa.``), possibly with a bracketed part (``Z. (H.) Z.M.B.G.``), or
spelt out in syllables (``Shang Zi Mao Han``, ``Gui Zi Mao Ban Fa``)."""
NUMBER_RE = re.compile(_PREFIX + r"\s*[\[〔](?P<year>(?:19|20)\d\d)[\]〕]\s*No\.\s*(?P<serial>\d{1,5})")
SHORT_NUMBER_RE = re.compile(
    r"\b(?P<prefix>[A-Z][A-Za-z]{0,3}(?:\.[A-Z][A-Za-z]{0,3})+\.?)\s+No\.\s*(?P<serial>\d{1,5})\b"
)
ORDER_RE = re.compile(r"\b(?P<issuer>[A-Z]{2,6}) Order No\.\s*(?P<serial>\d{1,5})(?: in (?P<year>(?:19|20)\d\d))?")
ANNOUNCEMENT_RE = re.compile(
    r"(?:\b(?P<issuer>[A-Z][A-Za-z ]{1,60}?) )?(?<![A-Za-z])Announcement No\.\s*(?P<serial>\d{1,5}) (?:in|of) "
    r"(?P<year>(?:19|20)\d\d)"
)
"""``GAC Announcement No. 32 of 2024``, ``Maritime Safety Administration Announcement No. 4 in 2021``, or
``Announcement No. 32 of 2024`` without its issuer (then resolved like a short number)."""
ANNOUNCEMENT = "Announcement"
"""The prefix of an announcement whose issuer the number leaves out."""
QUOTED_RE = re.compile(r"[\"“]([^\"“”]{8,400}?)[\"”]")
MONTHS = {
    m: i
    for i, m in enumerate(
        (
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ),
        start=1,
    )
}
DATE_RE = re.compile(
    r"\b(?:On|In|on|in|Since|By)\s+(?P<month>January|February|March|April|May|June|July|August|September|"
    r"October|November|December)(?:\s+(?P<day>\d{1,2}))?,?\s+(?P<year>(?:19|20)\d\d)\b"
)


@dataclass(frozen=True, slots=True)
class DocNumber:
    """A parsed document number.

    Parameters
    ----------
    prefix
        The issuer prefix as romanised in the report, normalised to end with a
        dot (``"G.H."``), or the issuer of an order (``"CAC Order"``).
    year
        The year in the number, or ``None`` when the text leaves it out.
    serial
        The serial number.
    """

    prefix: str
    year: int | None
    serial: int
    year_word: str = field(default="in", compare=False)
    """How an order or announcement joins its year, as printed (``in 2021``, ``of 2024``)."""

    @property
    def complete(self) -> bool:
        """Whether the number identifies a document on its own.

        A bracketed number with its year, or an order (``CAC Order No. 16``,
        whose issuer's orders are numbered in one series) is complete; a short
        number (``G.Fa. No. 9``) or an announcement without its issuer is not.
        """
        if self.prefix.endswith(" Order"):
            return True
        return self.year is not None and self.prefix != ANNOUNCEMENT

    @property
    def text(self) -> str:
        """The canonical written form, e.g. ``"G.H. [2024] No. 156"``."""
        if self.prefix.endswith(" Order") or self.prefix.endswith(ANNOUNCEMENT):
            return f"{self.prefix} No. {self.serial}" + (f" {self.year_word} {self.year}" if self.year else "")
        if self.year is None:
            return f"{self.prefix} No. {self.serial}"
        return f"{self.prefix} [{self.year}] No. {self.serial}"

    @property
    def key(self) -> str:
        """A compact key, e.g. ``"G.H.[2024]156"`` (the same whether a year is printed "in" or "of")."""
        return self.text.replace(f" {self.year_word} ", " in ").replace(" ", "").replace("No.", "")

    def chinese(self, prefix_zh: str | None) -> str | None:
        """Return the Chinese number (``国函〔2024〕156号``) given the prefix's Chinese form."""
        if not prefix_zh or self.year is None or " " in self.prefix:
            return None
        return f"{prefix_zh}〔{self.year}〕{self.serial}号"


def normalize_prefix(prefix: str) -> str:
    """Return a prefix ending in exactly one dot (``"S.Z.M.Fa"`` -> ``"S.Z.M.Fa."``); one spelt out in
    syllables (``"Shang Zi Mao Han"``) is kept as printed."""
    if re.fullmatch(r"[A-Z][a-z]+(?: [A-Z][a-z]*)+", prefix):
        return prefix
    return prefix.rstrip(".") + "."


@dataclass(frozen=True, slots=True)
class NumberMention:
    """A document number found in text, with its span."""

    number: DocNumber
    start: int
    end: int


def find_numbers(text: str) -> list[NumberMention]:
    """Find every full document number (and ministerial order) in ``text``.

    Examples
    --------
    >>> [m.number.text for m in find_numbers('the "Plan" (S.Z.M.Fa [2024] No. 291) and CAC Order No. 16')]
    ['S.Z.M.Fa. [2024] No. 291', 'CAC Order No. 16']
    """
    out: list[NumberMention] = []
    if "No." not in text:  # every form has one: a cheap test before the full patterns
        return out
    for m in NUMBER_RE.finditer(text):
        num = DocNumber(normalize_prefix(m.group("prefix")), int(m.group("year")), int(m.group("serial")))
        out.append(NumberMention(num, m.start(), m.end()))
    for m in ORDER_RE.finditer(text):
        year = int(m.group("year")) if m.group("year") else None
        out.append(
            NumberMention(DocNumber(f"{m.group('issuer')} Order", year, int(m.group("serial"))), m.start(), m.end())
        )
    for m in ANNOUNCEMENT_RE.finditer(text) if "Announcement No." in text else ():
        issuer = re.sub(r"^(?:(?:the|of|The)\s+)+", "", (m.group("issuer") or "").strip())
        prefix = f"{issuer} {ANNOUNCEMENT}" if issuer and issuer[0].isupper() else ANNOUNCEMENT
        start = m.start() if prefix != ANNOUNCEMENT else m.start("serial") - len("Announcement No. ")
        word = m.group(0)[m.end("serial") - m.start() :].split()[0]
        num = DocNumber(prefix, int(m.group("year")), int(m.group("serial")), word)
        out.append(NumberMention(num, max(start, m.start()), m.end()))
    out.sort(key=lambda n: n.start)
    return out


def find_short_numbers(text: str) -> list[NumberMention]:
    """Find short numbers without a year (``G.Fa. No. 9``)."""
    taken = [(m.start, m.end) for m in find_numbers(text)]
    out = []
    for m in SHORT_NUMBER_RE.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        num = DocNumber(normalize_prefix(m.group("prefix")), None, int(m.group("serial")))
        out.append(NumberMention(num, m.start(), m.end()))
    return out


def find_date(text: str) -> tuple[PartialDate, int, int] | None:
    """Return the first date printed in ``text`` ("On January 8, 2024", "In June 2023"), with its span.

    The date keeps the printed precision: a day, or a month when no day is printed.

    Examples
    --------
    >>> find_date("On January 8, 2024, the Ministry of Commerce ...")[0].iso
    '2024-01-08'
    >>> find_date("In September 2024, the Ministry ...")[0].iso
    '2024-09'
    >>> find_date("On February 30, 2024, ...") is None
    True
    """
    for m in DATE_RE.finditer(text):
        month = MONTHS[m.group("month").lower()]
        day = int(m.group("day")) if m.group("day") else None
        try:
            return PartialDate(int(m.group("year")), month, day), m.start(), m.end()
        except ValueError:
            continue
    return None


def parse_date(text: str) -> tuple[str, int, int] | None:
    """Return the first date in ``text`` as ``(iso, start, end)`` (see :func:`find_date`).

    Examples
    --------
    >>> parse_date("In September 2024, the Ministry ...")[0]
    '2024-09'
    >>> parse_date("On February 30, 2024 ... in March 2024")[0]
    '2024-03'
    """
    found = find_date(text)
    return (found[0].iso, found[1], found[2]) if found else None


def title_before(text: str, pos: int) -> tuple[str, int] | None:
    """Return the quoted title that ends just before ``pos`` (a number's start), and its start.

    Accepts ``"Title" (NUM)``, ``"Title" (2024 Edition) (NUM)`` and a title
    followed directly by the number, as in a table cell. A number inside quotation marks is a
    name the text gives the document (``hereinafter referred to as "G.Fa. No. 9"``): what stands
    before its opening mark is no title.

    Examples
    --------
    >>> title_before('the "Measures for Pilot Alignment" (G.Fa. [2023] No. 9)', 36)
    ('Measures for Pilot Alignment', 4)
    >>> title_before('(G.Fa. [2023] No. 9, hereinafter referred to as "G.Fa. No. 9")', 49) is None
    True
    """
    if pos > 0 and text[pos - 1] in ('"', "“"):
        return None
    head = text[:pos].rstrip(" (")
    head = re.sub(r"\s*\((?:19|20)\d\d Edition\)\s*$", "", head)
    head = head.rstrip(" (")
    if head.endswith(('"', "”")):
        start = max(head.rfind('"'), head.rfind("“"), 0)
        start = max(head[:-1].rfind('"'), head[:-1].rfind("“"))
        if start >= 0 and pos - start < 420:
            title = head[start + 1 : -1].strip()
            if len(title) >= 8:
                return title, start
    return None


_P_TAG_RE = re.compile(r"</?p>")
_URL_RE = re.compile(r"https?://\S+")
_SPACES_RE = re.compile(r"\s+")
_NOT_KEY_RE = re.compile(r"[^a-z0-9' ]+")
_THE_RE = re.compile(r"^the ")


def clean_title(title: str) -> str:
    """Normalise a document title: strip quotes, ``<p>`` markup, URLs and whitespace."""
    title = _P_TAG_RE.sub(" ", title) if "<" in title else title
    title = _URL_RE.sub(" ", title) if "http" in title else title
    title = title.strip().rstrip("( ").strip().strip('"“”').strip()
    return _SPACES_RE.sub(" ", title)


def title_key(title: str) -> str:
    """A matching key for a title: lowercase words, no punctuation, no leading article."""
    t = clean_title(title).casefold().replace("’", "'")
    t = _NOT_KEY_RE.sub(" ", t)
    t = _SPACES_RE.sub(" ", t).strip()
    return _THE_RE.sub("", t)


ISSUER_IN_TITLE_RE = re.compile(
    r"^(?P<kind>(?:Guiding )?(?:Notice|Opinions|Announcement|Letter|Decision|Reply|Circular|Approval))"
    r"\s+(?:by|of|from)\s+(?:the\s+)?[A-Z].{2,300}?\s+on\s+"
)


def core_title(title: str) -> str:
    """A title without the issuer it names: ``"Notice by the Ministry of Commerce on X"`` -> ``"Notice on X"``.

    The report names one document with and without its issuer in the title
    (a table row and a milestone); the core title is what both share.

    Examples
    --------
    >>> core_title("Notice of the State Council on Task Assignment for Replicating Pilot Measures")
    'Notice on Task Assignment for Replicating Pilot Measures'
    >>> core_title("Measures to Support Xinjiang PFTZ")
    'Measures to Support Xinjiang PFTZ'
    """
    t = clean_title(title)
    m = ISSUER_IN_TITLE_RE.match(t)
    return f"{m.group('kind')} on {t[m.end() :]}" if m else t


def title_issuer(title: str) -> str | None:
    """The words of a title that name its issuers, if it names them.

    Examples
    --------
    >>> title_issuer("Notice of the General Office of the Ministry of Ecology and Environment on Issuing the Cases")
    'the General Office of the Ministry of Ecology and Environment'
    >>> title_issuer("Regulations on Cross-Border Data Flows") is None
    True
    """
    m = ISSUER_IN_TITLE_RE.match(clean_title(title))
    if not m:
        return None
    return m.group(0)[len(m.group("kind")) :].strip().split(" ", 1)[1].rsplit(" on", 1)[0].strip()


_NOT_SLUG_RE = re.compile(r"[^a-z0-9]+")


def slug(text: str, limit: int = 60) -> str:
    """A key-safe slug of a title (lowercase words joined by ``-``); the loaders' keys use it.

    Examples
    --------
    >>> slug('The "Smart Form" model, 2024')
    'smart-form-model-2024'
    """
    s = _NOT_SLUG_RE.sub("-", title_key(text)).strip("-")
    return s[:limit].rstrip("-") or "x"
