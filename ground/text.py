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
* bytes that do not decode as UTF-8 (GBK, Latin-1, ...).
"""

from __future__ import annotations

from ground.errors import InputError

__all__ = ["decode_text", "looks_utf16"]

_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


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
        How to fix an encoding problem, for messages.

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
    ground.errors.InputError: x.txt:2: the file holds binary data (a NUL byte), not text
    """
    if not data.strip():
        msg = f"the file is empty (expected {expected})"
        raise error(msg, path, 1)
    if data[:2] in _UTF16_BOMS or looks_utf16(data):
        msg = f"the file is UTF-16 encoded; {advice}"
        raise error(msg, path, 1)
    nul = data.find(b"\x00")
    if nul >= 0:
        msg = f"the file holds binary data (a NUL byte), not {expected}"
        raise error(msg, path, data.count(b"\n", 0, nul) + 1)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        msg = f"the file is not UTF-8 text (byte 0x{data[e.start]:02x} at offset {e.start}); {advice}"
        raise error(msg, path, line) from e
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
