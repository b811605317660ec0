"""Atomic output: a file through a temporary file and a rename, a folder through a staged copy and a swap.

A failed write (full disk, unwritable folder, an error while serialising)
leaves the earlier file (or the earlier folder, see :func:`staged_folder`)
untouched and raises :class:`~ground.errors.ExportError`.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import hashlib
import json
import os
import shutil
import stat
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO
from xml.etree import ElementTree

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


# --------------------------------------------------------------------------- staged folders

MANIFEST = ".pftz-manifest.json"
"""The file a staged folder holds that lists its files and their sha256 (format ``pftz-build/1``)."""

LOCK_WAIT = 60.0
"""Seconds a build waits for another build of the same folder before it gives up."""

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
_XML_SUFFIXES = (".xml", ".graphml", ".gexf")


def _libc() -> ctypes.CDLL | None:
    try:
        return ctypes.CDLL(None, use_errno=True)
    except OSError:  # pragma: no cover - no C library to load
        return None


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step with Linux ``renameat2(RENAME_EXCHANGE)``; False where unsupported."""
    libc = _libc()
    fn = getattr(libc, "renameat2", None) if libc is not None else None
    if fn is None:
        return False
    rc = fn(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), ctypes.c_uint(_RENAME_EXCHANGE))
    if rc == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV):
        return False
    raise OSError(err, os.strerror(err), str(b))


def _real_target(target: Path) -> Path:
    """The folder a build writes, with a symbolic link followed; a clear error for what cannot be one."""
    try:
        st = os.lstat(target)
    except FileNotFoundError:
        return target
    except OSError as e:
        msg = f"cannot use {target} as the output folder: {e.strerror or e}"
        raise ExportError(msg) from e
    if stat.S_ISLNK(st.st_mode):
        try:
            os.stat(target)
        except OSError as e:
            if e.errno == errno.ELOOP:
                msg = f"cannot use {target} as the output folder: it is a symbolic link loop"
            else:
                msg = f"cannot use {target} as the output folder: it is a symbolic link to {os.readlink(target)}, "
                msg += "which does not exist"
            raise ExportError(msg) from e
        target = Path(os.path.realpath(target))
    if target.exists() and not target.is_dir():
        msg = f"cannot use {target} as the output folder: it exists and is not a folder"
        raise ExportError(msg)
    return target


@contextlib.contextmanager
def _folder_lock(target: Path, wait: float, on_wait: Callable[[str], object] | None) -> Iterator[Path]:
    """Hold an exclusive lock on ``target`` (a sibling ``.NAME.lock`` file) while the block runs.

    The lock is an ``flock``: the kernel releases it when the process ends, even on SIGKILL.
    """
    lock = target.parent / f".{target.name}.lock"
    try:
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as e:
        msg = f"cannot write {target}: cannot create the lock file {lock}: {e.strerror or e}"
        raise ExportError(msg) from e
    try:
        deadline = time.monotonic() + wait
        told = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "unknown"
                if time.monotonic() >= deadline:
                    msg = (
                        f"another pftz build is writing {target} (process {holder}, lock file {lock}) and did not "
                        f"finish within {wait:g} s; wait for it to end, or write to another folder"
                    )
                    raise ExportError(msg) from None
                if not told and on_wait is not None:
                    on_wait(f"waiting for another pftz build of {target} (process {holder}) to finish")
                    told = True
                time.sleep(0.1)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        yield lock
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def _leftovers(target: Path, kind: str) -> list[Path]:
    return sorted(target.parent.glob(f".{target.name}.{kind}-*"))


def _recover(target: Path) -> None:
    """Under the lock: undo what a killed build left (a swap cut in half, staging folders)."""
    old = [p for p in _leftovers(target, "old") if p.is_dir()]
    if not target.exists() and old:
        os.replace(old[-1], target)  # the earlier set was moved aside and the new one never arrived
        old = old[:-1]
    for p in [*old, *_leftovers(target, "staging")]:
        shutil.rmtree(p, ignore_errors=True)


def _manifest_files(folder: Path) -> set[str]:
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        return {str(k).split("/", 1)[0] for k in data["files"]}
    except (OSError, ValueError, KeyError, TypeError):
        return set()


def _foreign(target: Path, known: Iterable[str]) -> list[str]:
    """Entries of an existing output folder that no build wrote (a swap would delete them)."""
    if not target.is_dir():
        return []
    allowed = {MANIFEST, *known} | _manifest_files(target)
    return sorted(set(os.listdir(target)) - allowed)


def folder_problems(folder: str | Path) -> list[str]:
    """Check a written folder: every XML file parses, every JSON file parses.

    Parameters
    ----------
    folder
        The folder.

    Returns
    -------
    list[str]
        One line per bad file (empty if every file reads back).
    """
    root = Path(folder)
    problems = []
    for p in sorted(root.rglob("*")):
        if not p.is_file():
            continue
        try:
            if p.suffix in _XML_SUFFIXES:
                ElementTree.parse(p)
            elif p.suffix == ".json":
                with p.open("rb") as fh:
                    json.load(fh)
        except (ElementTree.ParseError, ValueError, OSError) as e:
            problems.append(f"{p.relative_to(root)}: {e}")
    return problems


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file's bytes, read in chunks (hex)."""
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def write_manifest(folder: str | Path) -> Path:
    """Write :data:`MANIFEST` listing every file of ``folder`` with its sha256 (sorted, no timestamps)."""
    root = Path(folder)
    files = {
        p.relative_to(root).as_posix(): file_sha256(p)
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.name != MANIFEST
    }
    text = json.dumps({"format": "pftz-build/1", "files": files}, indent=1, sort_keys=True) + "\n"
    return atomic_write_text(root / MANIFEST, text)


@contextlib.contextmanager
def staged_folder(
    target: str | Path,
    *,
    known: Iterable[str] = (),
    check: Callable[[Path], Iterable[str]] | None = None,
    wait: float = LOCK_WAIT,
    on_wait: Callable[[str], object] | None = None,
) -> Iterator[Path]:
    """Write a whole folder as one transaction: stage it, check it, swap it into place.

    The block writes into a new sibling staging folder. When it ends without an
    error, the staged set is checked (every XML and JSON file read back, then
    ``check``), a :data:`MANIFEST` is added and the folder is swapped into
    place in one ``renameat2(RENAME_EXCHANGE)`` (two renames where the file
    system lacks it; a build killed between them is repaired by the next one).
    If anything fails, the staging folder is removed and ``target`` is left as
    it was, byte for byte. A lock file (``.NAME.lock`` next to the folder)
    makes a second build of the same folder wait, then fail with a clear
    message. Nothing of an earlier set that the new set lacks survives.

    Parameters
    ----------
    target
        The output folder (created if missing; a symbolic link to a folder is followed).
    known
        Names an earlier build may have left at the top of ``target``; any
        other entry makes the build refuse, since the swap would delete it.
    check
        Called with the staging folder; returns problems (one line each).
    wait
        Seconds to wait for another build of the same folder.
    on_wait
        Called once with a message when the build has to wait.

    Yields
    ------
    Path
        The staging folder to write into.

    Raises
    ------
    ExportError
        The folder cannot be used or written, another build holds it, or the
        staged set fails its checks; ``target`` is unchanged.
    """
    final = _real_target(Path(target))
    try:
        final.parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        msg = f"cannot create the output folder {final}: {e.strerror or e}"
        raise ExportError(msg) from e
    with _folder_lock(final, wait, on_wait):
        stage: Path | None = None
        try:
            _recover(final)
            foreign = _foreign(final, known)
            if foreign:
                shown = ", ".join(foreign[:5]) + (f" and {len(foreign) - 5} more" if len(foreign) > 5 else "")
                msg = (
                    f"cannot write {final}: it holds files no pftz build wrote ({shown}); a build replaces the "
                    "whole folder, so name an empty or new folder"
                )
                raise ExportError(msg)
            stage = Path(tempfile.mkdtemp(prefix=f".{final.name}.staging-", dir=final.parent))
            os.chmod(stage, 0o777 & ~_umask())
            yield stage
            problems = folder_problems(stage) + list(check(stage) if check else [])
            if problems:
                shown = "\n  ".join(problems[:20])
                msg = f"the new outputs for {final} fail their checks; {final} is unchanged:\n  {shown}"
                raise ExportError(msg)
            write_manifest(stage)
            if not final.exists():
                os.replace(stage, final)
            elif _exchange(stage, final):
                pass  # the staging path now holds the earlier set, removed below
            else:
                old = Path(tempfile.mkdtemp(prefix=f".{final.name}.old-", dir=final.parent))
                os.replace(final, old)
                os.replace(stage, final)
                stage = old
        except OSError as e:
            if isinstance(e, ExportError):
                raise
            msg = f"cannot write {final}: {e.strerror or e}; the earlier outputs are unchanged"
            raise ExportError(msg) from e
        finally:
            if stage is not None:
                shutil.rmtree(stage, ignore_errors=True)


def _umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask
