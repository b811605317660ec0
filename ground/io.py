"""Atomic file output: write to a temporary file, then rename.

A failed write (full disk, unwritable folder, an error while serialising)
leaves the earlier file untouched and raises :class:`~ground.errors.ExportError`.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

from ground.errors import ExportError


def _mode_for(target: Path) -> int:
    """The mode of the file being replaced, or the usual mode for a new file."""
    if target.exists():
        return target.stat().st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


@contextlib.contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """Yield a temporary path next to ``path``; rename it onto ``path`` on success.

    Parameters
    ----------
    path
        The final file.

    Yields
    ------
    Path
        Where to write. It is removed if the block raises.

    Raises
    ------
    ExportError
        The folder cannot be created or written, or the rename fails.
    """
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        os.close(fd)
    except OSError as e:
        msg = f"cannot write {target}: {e.strerror or e}"
        raise ExportError(msg) from e
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        with tmp_path.open("rb+") as fh:
            os.fsync(fh.fileno())
        os.chmod(tmp_path, _mode_for(target))  # mkstemp makes 0600
        os.replace(tmp_path, target)
    except OSError as e:
        tmp_path.unlink(missing_ok=True)
        msg = f"cannot write {target}: {e.strerror or e}; the earlier file is unchanged"
        raise ExportError(msg) from e
    except BaseException:
        tmp_path.unlink(missing_ok=True)
        raise


def atomic_write(path: str | Path, write: Callable[[IO[str]], object], *, encoding: str = "utf-8") -> Path:
    """Write a text file atomically by calling ``write(handle)``.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> atomic_write(d / "a.txt", lambda f: f.write("hi")).read_text()
    'hi'
    """
    target = Path(path)
    with atomic_path(target) as tmp, tmp.open("w", encoding=encoding, newline="\n") as f:
        write(f)
    return target


def atomic_write_text(path: str | Path, text: str) -> Path:
    """Write ``text`` to ``path`` atomically."""
    return atomic_write(path, lambda f: f.write(text))
