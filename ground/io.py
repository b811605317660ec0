"""Atomic output: a file through a temporary file and a rename, a folder through a staged copy and a swap.

A failed write (full disk, unwritable folder, an error while serialising)
leaves the earlier file (or the earlier folder, see :func:`staged_folder`)
untouched and raises :class:`~ground.errors.ExportError`.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import hashlib
import json
import os
import shutil
import signal
import stat
import sys
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from types import FrameType
from typing import IO, Any
from xml.parsers import expat

import ijson
import platformdirs

from pftz.ground.errors import ExportError, check_stop


def _mode_for(target: Path) -> int:
    """The mode of the file being replaced, or the usual mode for a new file."""
    if target.exists():
        return target.stat().st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


_DEVICE_FOLDERS = ("/dev", "/proc")


def _written_through(target: Path) -> bool:
    """Whether ``target`` is a device, a pipe or a stream (``/dev/null``, ``/dev/stdout``, a FIFO), not a file.

    Such a target is written into, never replaced: a temporary file renamed onto
    ``/dev/full`` would replace the device itself (as root), and ``/dev/stdout``
    is a stream, not a file of the folder it is named in.
    """
    try:
        if not stat.S_ISREG(os.stat(target).st_mode):
            return True
    except OSError:
        pass  # absent (or unreadable): a new regular file
    folder = os.path.realpath(target.parent)
    return any(folder == d or folder.startswith(d + os.sep) for d in _DEVICE_FOLDERS)


@contextlib.contextmanager
def _through(target: Path) -> Iterator[Path]:
    """Yield a temporary path in the system's temporary folder; copy its bytes into ``target`` on success."""
    with deferred_signals():
        fd, tmp = tempfile.mkstemp(prefix="pftz-", suffix=".tmp")
        os.close(fd)
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        check_stop()
        with tmp_path.open("rb") as src, target.open("wb") as dst:
            shutil.copyfileobj(src, dst, 1 << 20)
    except OSError as e:
        msg = f"cannot write {target}: {e.strerror or e}"
        raise ExportError(msg) from e
    finally:
        tmp_path.unlink(missing_ok=True)


@contextlib.contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """Yield a temporary path next to ``path``; rename it onto ``path`` on success.

    A device, pipe or stream (``/dev/null``, ``/dev/stdout``, ``/dev/full``, a
    FIFO) is written into instead, never replaced: the bytes are staged in the
    system's temporary folder and copied into it once whole.

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
    if _written_through(target):
        with _through(target) as staged:
            yield staged
        return
    tmp_path: Path | None = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with deferred_signals():  # a stop never falls between making the file and knowing its name
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
            os.close(fd)
            tmp_path = Path(tmp)
    except OSError as e:
        if tmp_path is not None:
            tmp_path.unlink(missing_ok=True)
        msg = f"cannot write {target}: {e.strerror or e}"
        raise ExportError(msg) from e
    except BaseException:
        if tmp_path is not None:
            tmp_path.unlink(missing_ok=True)
        raise
    try:
        yield tmp_path
        with tmp_path.open("rb+") as fh:
            os.fsync(fh.fileno())
        os.chmod(tmp_path, _mode_for(target))  # mkstemp makes 0600
        check_stop()
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
    if not sys.platform.startswith("linux"):
        return None  # renameat2 is Linux's; elsewhere the swap is two renames
    try:
        return ctypes.CDLL(None, use_errno=True)
    except (OSError, TypeError):  # pragma: no cover - no C library to load
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
    """The folder a build writes (absolute), with a symbolic link followed; a clear error for what cannot be one."""
    target = Path(os.path.abspath(target))
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


def _lock_path(target: Path) -> Path:
    """Where the lock of an output folder lives: a shared lock folder of the system, never beside the output.

    One file per folder (named by the SHA-256 of its absolute path), in
    ``<temp>/pftz-graph-locks`` (world-writable and sticky, as the temporary
    folder itself), else in the user's cache folder.
    """
    name = hashlib.sha256(os.path.normcase(str(target)).encode("utf-8", "surrogatepass")).hexdigest()[:40] + ".lock"
    shared = Path(tempfile.gettempdir()) / "pftz-graph-locks"
    try:
        if not shared.is_dir():
            shared.mkdir(exist_ok=True)
            with contextlib.suppress(OSError):
                os.chmod(shared, 0o1777)
        if os.access(shared, os.W_OK | os.X_OK):
            return shared / name
    except OSError:
        pass
    own = Path(platformdirs.user_cache_dir("pftz-graph", appauthor=False)) / "locks"
    own.mkdir(parents=True, exist_ok=True)
    return own / name


@contextlib.contextmanager
def _folder_lock(target: Path, wait: float, on_wait: Callable[[str], object] | None) -> Iterator[Path]:
    """Hold an exclusive lock on ``target`` while the block runs (:mod:`filelock`: any operating system).

    The operating system releases the lock when the process ends, even on
    SIGKILL; the lock file lives in a lock folder of the system
    (:func:`_lock_path`), so nothing is left beside the output.
    """
    import filelock  # only where a folder is written: a command that only reads starts without it

    try:
        path = _lock_path(target)
        lock = filelock.FileLock(str(path), mode=0o666, thread_local=False)
    except OSError as e:
        msg = f"cannot write {target}: cannot create its lock file: {e.strerror or e}"
        raise ExportError(msg) from e
    try:
        try:
            lock.acquire(timeout=0)
        except filelock.Timeout:
            if on_wait is not None:
                on_wait(f"waiting for another pftz build of {target} to finish")
            lock.acquire(timeout=wait)
    except filelock.Timeout:
        msg = (
            f"another pftz build is writing {target} and did not finish within {wait:g} s; wait for it to end, "
            "or write to another folder"
        )
        raise ExportError(msg) from None
    except OSError as e:
        msg = f"cannot write {target}: cannot lock it ({path}): {e.strerror or e}"
        raise ExportError(msg) from e
    try:
        yield path
    finally:
        lock.release()


@contextlib.contextmanager
def deferred_signals() -> Iterator[None]:
    """Hold SIGINT and SIGTERM back while the block runs (a swap of folders), then deliver them.

    A signal that arrives inside the block is recorded and raised again with
    :func:`signal.raise_signal` once the block ends, so a stop never cuts a
    swap in half. Outside the main thread (where handlers cannot be set) the
    block runs as is.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    kinds = [signal.SIGINT, signal.SIGTERM]
    held: list[int] = []

    def hold(signum: int, frame: FrameType | None) -> None:
        held.append(signum)

    previous: dict[int, Any] = {}
    for k in kinds:
        previous[k] = signal.signal(k, hold)
    try:
        yield
    finally:
        for k in kinds:
            signal.signal(k, previous[k])
        for signum in dict.fromkeys(held):
            signal.raise_signal(signum)


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


def _manifest_files(folder: Path) -> dict[str, str] | None:
    """The files the build that wrote ``folder`` listed in its manifest, with their sha256 (None: no manifest)."""
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        return {str(k): str(v) for k, v in data["files"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def _unchanged(path: Path, digest: str) -> bool:
    """Whether ``path`` still holds the bytes a build wrote (a file edited since is the researcher's)."""
    try:
        return path.is_file() and file_sha256(path) == digest
    except OSError:
        return False


def foreign_entries(target: Path, known: Iterable[str] = (), rewritten: Path | None = None) -> list[str]:
    """Files (and empty folders) of an output folder that no build wrote, at any depth, as POSIX paths.

    The manifest of the last build decides what it wrote, with the sha256 of
    each file: a listed file whose bytes changed since (a table the researcher
    edited) counts as theirs. A folder without a manifest (an older build's)
    counts as written by a build the top-level entries named in ``known`` and,
    inside those folders, only the files the new build writes again (present
    in ``rewritten``, the staged set, when given): a researcher's
    ``tables/mine.xlsx`` is kept.
    """
    if not target.is_dir():
        return []
    listed = _manifest_files(target)
    known = set(known)
    found: list[str] = []
    for root, dirs, files in os.walk(target):
        rel_root = Path(root).relative_to(target)
        entries = list(files) + [d for d in dirs if os.path.islink(os.path.join(root, d))]
        dirs[:] = [d for d in dirs if not os.path.islink(os.path.join(root, d))]
        if not entries and not dirs and rel_root != Path("."):
            entries_rel = [rel_root.as_posix() + "/"]
        else:
            entries_rel = [(rel_root / f).as_posix() for f in entries]
        for rel in entries_rel:
            if rel == MANIFEST:
                continue
            if listed is not None:
                ours = rel in listed and _unchanged(target / rel, listed[rel])
            else:
                top, _, inside = rel.partition("/")
                # a top-level export name is a build's; inside its folder, only what is written again
                ours = top in known and (not inside or rewritten is None or os.path.lexists(rewritten / rel))
            if not ours:
                found.append(rel)
    return sorted(found)


def _carry(target: Path, stage: Path, foreign: Sequence[str]) -> None:
    """Put the files no build wrote into the staged set (hard links, else copies), so the swap keeps them."""
    clashes = []
    for rel in foreign:
        dst = stage / rel.rstrip("/")
        parents = [p for p in dst.relative_to(stage).parents if p != Path(".")]
        if os.path.lexists(dst) or any((stage / p).exists() and not (stage / p).is_dir() for p in parents):
            clashes.append(rel)
    if clashes:
        shown = ", ".join(clashes[:5]) + (f" and {len(clashes) - 5} more" if len(clashes) > 5 else "")
        msg = (
            f"cannot write {target}: the build would replace files it did not write, or that changed since "
            f"it wrote them ({shown}); move them, or write to another folder"
        )
        raise ExportError(msg)
    for rel in foreign:
        src, dst = target / rel.rstrip("/"), stage / rel.rstrip("/")
        if rel.endswith("/"):
            dst.mkdir(parents=True, exist_ok=True)
            continue
        dst.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(src, dst, follow_symlinks=False)
        except OSError:
            if os.path.islink(src):
                os.symlink(os.readlink(src), dst)
            else:
                shutil.copy2(src, dst)


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
        # read as a stream (expat, ijson's C parser): a check never holds a whole document,
        # whose tree would cost several times the file
        try:
            if p.suffix in _XML_SUFFIXES:
                with p.open("rb") as fh:
                    expat.ParserCreate().ParseFile(fh)
            elif p.suffix == ".json":
                _check_json(p)
        except (expat.ExpatError, ValueError, OSError) as e:
            problems.append(f"{p.relative_to(root)}: {e}")
    return problems


def _check_json(path: Path) -> None:
    """Raise ``ValueError`` unless ``path`` holds one JSON value, as :func:`json.load` reads it."""
    with path.open("rb") as fh:
        try:
            for _ in ijson.parse(fh, use_float=True):
                pass
            return
        except ijson.JSONError:
            pass  # ijson is stricter than json (NaN, 1e400): json's verdict and message decide
    with path.open("rb") as fh:
        json.load(fh)


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
    on_kept: Callable[[str], object] | None = None,
) -> Iterator[Path]:
    """Write a whole folder as one transaction: stage it, check it, swap it into place.

    The block writes into a new sibling staging folder. When it ends without an
    error, the staged set is checked (every XML and JSON file read back, then
    ``check``), a :data:`MANIFEST` of the files written is added, the files of
    ``target`` that no build wrote (at any depth: the manifest of the last
    build decides) are carried over into it, and the folder is swapped into
    place in one ``renameat2(RENAME_EXCHANGE)`` (two renames where the system
    lacks it; a build killed between them is repaired by the next one),
    with SIGINT and SIGTERM held back during the swap. If anything fails, the
    staging folder is removed and ``target`` is left as it was, byte for
    byte. A lock (:mod:`filelock`, its file in a lock folder of the system)
    makes a second build of the same folder wait, then fail with a clear
    message. Nothing an earlier build wrote survives unless written again.
    When ``target`` holds the current working folder, the entries are swapped
    one by one instead (a shell sitting in the folder keeps seeing it).

    Parameters
    ----------
    target
        The output folder (created if missing; a symbolic link to a folder is followed).
    known
        For a folder without a manifest (an older build's): the top-level
        names a build wrote (replaced); inside those folders only the files
        the new build writes again are replaced; everything else is kept.
    check
        Called with the staging folder; returns problems (one line each).
    wait
        Seconds to wait for another build of the same folder.
    on_wait
        Called once with a message when the build has to wait.
    on_kept
        Called once with a line naming the files kept that no build wrote.

    Yields
    ------
    Path
        The staging folder to write into.

    Raises
    ------
    ExportError
        The folder cannot be used or written, another build holds it, the
        staged set fails its checks, or it would replace a file no build
        wrote; ``target`` is unchanged.
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
            with deferred_signals():  # a stop never falls between making the folder and knowing its name
                stage = Path(tempfile.mkdtemp(prefix=f".{final.name}.staging-", dir=final.parent))
            os.chmod(stage, 0o777 & ~_umask())
            yield stage
            problems = folder_problems(stage) + list(check(stage) if check else [])
            if problems:
                shown = "\n  ".join(problems[:20])
                msg = f"the new outputs for {final} fail their checks; {final} is unchanged:\n  {shown}"
                raise ExportError(msg)
            write_manifest(stage)
            foreign = foreign_entries(final, known, stage)  # listed last: a file saved while the build ran is kept too
            _carry(final, stage, foreign)
            check_stop()
            with deferred_signals():
                if not final.exists():
                    os.replace(stage, final)
                elif _holds_cwd(final):
                    _swap_entries(stage, final)
                elif _exchange(stage, final):
                    pass  # the staging path now holds the earlier set, removed below
                else:
                    old = Path(tempfile.mkdtemp(prefix=f".{final.name}.old-", dir=final.parent))
                    os.replace(final, old)
                    os.replace(stage, final)
                    stage = old
            if foreign and on_kept is not None:
                shown = ", ".join(foreign[:10]) + (f" and {len(foreign) - 10} more" if len(foreign) > 10 else "")
                on_kept(f"kept {len(foreign)} file(s) in {final} that no pftz build wrote: {shown}")
        except OSError as e:
            if isinstance(e, ExportError):
                raise
            msg = f"cannot write {final}: {e.strerror or e}; the earlier outputs are unchanged"
            raise ExportError(msg) from e
        finally:
            if stage is not None:
                shutil.rmtree(stage, ignore_errors=True)


def _holds_cwd(folder: Path) -> bool:
    try:
        cwd = Path(os.path.realpath(os.getcwd()))
    except OSError:
        return False
    real = Path(os.path.realpath(folder))
    return cwd == real or real in cwd.parents


def _swap_entries(stage: Path, final: Path) -> None:
    """Publish a staged set entry by entry into ``final`` (the manifest last); the stage gets what it replaced."""
    names = sorted(os.listdir(stage), key=lambda n: (n == MANIFEST, n))
    for name in names:
        src, dst = stage / name, final / name
        if not os.path.lexists(dst):
            os.replace(src, dst)
        elif not _exchange(src, dst):
            aside = stage / f".old-{name}"
            os.replace(dst, aside)
            os.replace(src, dst)
    for name in os.listdir(final):
        if name not in names:  # written by the earlier build only (foreign entries were carried into the stage)
            p = final / name
            if p.is_dir() and not p.is_symlink():
                shutil.rmtree(p, ignore_errors=True)
            else:
                p.unlink(missing_ok=True)


def _umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask


def _same(a: Path, b: Path) -> bool:
    if os.path.normcase(os.path.realpath(a)) == os.path.normcase(os.path.realpath(b)):
        return True
    try:
        return os.path.samefile(a, b)  # a hard link of the input
    except OSError:
        return False


def check_not_an_input(output: str | Path, inputs: Iterable[str | Path], *, folder: bool = False) -> None:
    """Refuse an output that resolves to one of the inputs (or, for a folder, holds one).

    Parameters
    ----------
    output
        The file or folder a command is about to write.
    inputs
        The files the command reads.
    folder
        ``output`` is a folder that is replaced as a whole: an input inside it is refused too.

    Raises
    ------
    ExportError
        One line naming the output and the input.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp()); (d / "r.txt").write_text("x")
    1
    >>> check_not_an_input(d / "r.txt", [d / "r.txt"])
    Traceback (most recent call last):
    ...
    pftz.ground.errors.ExportError: refusing to write ... it is the input ...r.txt; name another output
    """
    out = Path(output)
    real_out = Path(os.path.realpath(out))
    for p in inputs:
        src = Path(p)
        if _same(out, src):
            msg = f"refusing to write {out}: it is the input {src}; name another output"
            raise ExportError(msg)
        if folder and real_out in Path(os.path.realpath(src)).parents:
            msg = f"refusing to write {out}: it holds the input {src}, which the build would replace; "
            msg += "name another folder"
            raise ExportError(msg)
