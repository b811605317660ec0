"""The one byte decoder: report text and researchers' files become text here, or a clear error.

Every input file of pftz-graph is UTF-8 text. :func:`decode_text` accepts a
UTF-8 byte-order mark and any line ends, and rejects, with the file and the
line in the message, what is not UTF-8 text:

* an empty or whitespace-only file;
* UTF-16, with a byte-order mark or without one (:func:`looks_utf16`: in the
  first 512 bytes, NUL bytes on at least 40 % of the odd or of the even
  positions and on no position of the other parity, which is what ASCII text
  in UTF-16 looks like);
* binary data (any other NUL byte);
* bytes that do not decode as UTF-8 (GBK, Latin-1, ...); the message names
  the encoding the bytes look like (:func:`guess_encoding`) or says it is
  unknown.

It is also the one home of invisible characters (:func:`invisible_chars`,
:func:`remove_invisible`): zero-width and bidirectional marks are removed from
the report and from user data alike, with a warning naming them.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from pftz.ground.errors import InputError

__all__ = [
    "codepoint_names",
    "decode_text",
    "guess_encoding",
    "invisible_chars",
    "is_invisible",
    "looks_utf16",
    "readable_name",
    "remove_invisible",
]

_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_ENCODING_NAMES = {"WINDOWS-1252": "Latin-1 (Windows-1252)", "GB18030": "GBK (GB18030)"}


def readable_name(name: str) -> str:
    r"""A file name as text every writer can hold: bytes the file system name has that are not UTF-8 become U+FFFD.

    A name read from a non-UTF-8 file system keeps its undecodable bytes as lone
    surrogates (:func:`os.fsdecode`), which no UTF-8 file, XML, Parquet or Neo4j
    can hold; the name in provenance and warnings is for people (the sha256
    identifies the file).

    Examples
    --------
    >>> readable_name("report.txt"), readable_name("r\udce9port.txt") == "r\ufffdport.txt"
    ('report.txt', True)
    """
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return name


def looks_utf16(data: bytes) -> bool:
    """Whether bytes look like UTF-16 text without a BOM: NULs on every other byte, and only there.

    Examples
    --------
    >>> looks_utf16("Report".encode("utf-16-be")), looks_utf16(b"Report")
    (True, False)
    """
    head = data[:512]
    even, odd = head[0::2].count(0), head[1::2].count(0)
    half = len(head) // 2
    return half >= 2 and ((odd >= half * 0.4 and even == 0) or (even >= half * 0.4 and odd == 0))


def guess_encoding(data: bytes) -> str | None:
    """The legacy encoding bytes that are not UTF-8 look like, as ``iconv`` names it, or None when unknown.

    Only two families are told apart, by how their bytes above 0x7F sit: in
    GBK/GB18030 text (Chinese) they come in pairs, two high bytes per
    character; in Latin-1/Windows-1252 text (accented letters of Western
    languages) they stand alone between ASCII letters. Anything else, or bytes
    that do not decode in the guessed encoding, is unknown.

    Examples
    --------
    >>> guess_encoding("Zone de libre-échange, café".encode("latin-1"))
    'WINDOWS-1252'
    >>> guess_encoding("an area of 120 km², at 25 °C".encode("latin-1"))
    'WINDOWS-1252'
    >>> guess_encoding("湖北自贸试验区".encode("gbk"))
    'GB18030'
    >>> guess_encoding(bytes(range(128, 256))) is None
    True
    """
    high = [i for i, b in enumerate(data) if b >= 0x80]
    if not high:
        return None
    paired = sum(1 for i in high if i + 1 < len(data) and data[i + 1] >= 0x80)
    alone = sum(
        1 for i in high if (i == 0 or data[i - 1] < 0x80) and (i + 1 >= len(data) or data[i + 1] < 0x80)
    )
    if alone >= len(high) * 0.8:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            return None
        # letters, and the signs Western text prints (² ³ ° § £ € « » – “ ...): every visible character
        # of the code page but its controls (U+0080..U+009F of Latin-1) and the soft hyphen
        signs = sum(1 for c in text if ord(c) >= 0x80 and unicodedata.category(c)[0] in "LNPS")
        return "WINDOWS-1252" if signs >= len(high) * 0.8 else None
    if paired >= len(high) * 0.8:
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError:
            return None
        cjk = sum(1 for c in text if "\u3000" <= c <= "\u9fff" or "\uff00" <= c <= "\uffef")
        return "GB18030" if cjk * 2 >= len(high) * 0.8 else None
    return None


def decode_text(
    data: bytes,
    path: str,
    *,
    error: type[InputError] = InputError,
    expected: str = "text",
    advice: str = "convert it to UTF-8",
) -> str:
    """Decode a file's bytes as UTF-8 text, rejecting what is not text.

    Parameters
    ----------
    data
        The file's bytes.
    path
        The file name, for messages.
    error
        The :class:`~ground.errors.InputError` subclass to raise (the
        report's, the user data's, ...).
    expected
        What the file should hold, for messages (``"report text"``).
    advice
        How to fix an encoding problem, for messages; ``{encoding}`` in it is
        replaced by the encoding detected (``UTF-16``, ``WINDOWS-1252``,
        ``GB18030``, or ``<its encoding>`` when it is unknown).

    Returns
    -------
    str
        The text without a UTF-8 byte-order mark, with ``\\r\\n`` and ``\\r``
        line ends made ``\\n``.

    Raises
    ------
    InputError
        Of class ``error``, naming the file and the line (see the module docstring).

    Examples
    --------
    >>> decode_text(b"\\xef\\xbb\\xbfa\\r\\nb", "x.txt")
    'a\\nb'
    >>> decode_text(b"line one\\nline two \\x00", "x.txt")
    Traceback (most recent call last):
    ...
    pftz.ground.errors.InputError: x.txt:2: the file holds binary data (a NUL byte), not text
    """
    if not data.strip():
        msg = f"the file is empty (expected {expected})"
        raise error(msg, path, 1)
    if data[:2] in _UTF16_BOMS or looks_utf16(data):
        msg = f"the file is UTF-16 encoded; {advice.replace('{encoding}', 'UTF-16')}"
        raise error(msg, path, 1)
    nul = data.find(b"\x00")
    if nul >= 0:
        msg = f"the file holds binary data (a NUL byte), not {expected}"
        raise error(msg, path, data.count(b"\n", 0, nul) + 1)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        enc = guess_encoding(data)
        what = f"it looks like {_ENCODING_NAMES[enc]} text" if enc else "its encoding is unknown"
        fix = advice.replace("{encoding}", enc or "<its encoding>")
        msg = f"the file is not UTF-8 text (byte 0x{data[e.start]:02x} at offset {e.start}); {what}: {fix}"
        raise error(msg, path, line) from e
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


# --------------------------------------------------------------------------- invisible characters


def is_invisible(c: str) -> bool:
    """Whether a character is invisible: a format or bidirectional control (``Cf``: ``U+200B``, ``U+200F``,
    ``U+202E``, a soft hyphen), a lone surrogate, or a control character other than whitespace."""
    cat = unicodedata.category(c)
    return cat in ("Cf", "Cs") or (cat == "Cc" and not c.isspace())


def invisible_chars(value: str) -> list[str]:
    """The invisible characters of a text (:func:`is_invisible`), in order, repeats included.

    Examples
    --------
    >>> invisible_chars("Shang\\u200bhai \\u202ePFTZ"), invisible_chars("Shanghai")
    (['\\u200b', '\\u202e'], [])
    """
    if value.isprintable():  # the common case, fast: none of these is printable
        return []
    return [c for c in value if is_invisible(c)]


def remove_invisible(value: str) -> str:
    """A text without its invisible characters (:func:`is_invisible`); line ends and tabs stay.

    Examples
    --------
    >>> remove_invisible("Hu\\u200dbei\\u200f PFTZ\\n")
    'Hubei PFTZ\\n'
    """
    if value.isprintable():
        return value
    return "".join(c for c in value if not is_invisible(c))


def codepoint_names(chars: Iterable[str]) -> str:
    """The distinct characters as ``U+200B ZERO WIDTH SPACE, ...``, sorted, for messages."""
    names = []
    for c in sorted(set(chars)):
        name = unicodedata.name(c, "")
        names.append(f"U+{ord(c):04X}" + (f" {name}" if name else ""))
    return ", ".join(names)
