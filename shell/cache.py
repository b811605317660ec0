"""A cache of built graphs, so that commands after a build answer without re-parsing.

An entry is the graph with the load warnings of its build, stored under a key
made of the SHA-256 and the file name of every input (the report files, the
researcher's data files, the curated reference files; the name because
provenance, warnings and hints name the file), the package version, a
fingerprint of the package's own code files (size and modification time, so
an edited checkout never reads a stale graph) and the build options. Any
change to one of them gives another key; entries are never updated in place.
The folder is ``$PFTZ_CACHE_DIR``, else the platform's cache folder
(:func:`platformdirs.user_cache_dir`: ``~/.cache/pftz-graph`` or
``$XDG_CACHE_HOME/pftz-graph`` on Linux, ``~/Library/Caches/pftz-graph`` on
macOS, ``%LOCALAPPDATA%\\pftz-graph\\Cache`` on Windows);
``PFTZ_CACHE_DIR=off`` turns the cache off. At most :data:`KEEP` entries are
kept (the least recently used go first).

The cache is an accelerator, never a source of truth. An entry is data that
cannot run code when read: one header line (JSON: :data:`FORMAT`, the key
it was written under, the byte count and SHA-256 of each part of the body) and a body that is a SQLite database image
(:mod:`graph.sqlite_graph`: a row per node and per edge with its data as
JSON; the search index of :mod:`queries.search`, FTS5 tables as built; the
warnings and counts as JSON), opened in memory. A command that reads a few
neighbourhoods (``trace``, ``search``) reads only the rows it needs
(:class:`graph.sqlite_graph.SqliteGraph`, ``lite=True``), without importing
NetworkX; the others read the whole graph. An entry that fails any check
(format, key, size, checksum, SQLite, JSON, shape) is rebuilt, with one line saying so;
a cache folder that cannot be read or written (read-only, a file, owned by
another user) means no cache, never an error.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import sqlite3
import stat
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

import platformdirs

from pftz import ground, loaders
from pftz.graph.sqlite_graph import SqliteGraph, attach_apart, graph_from_sqlite, graph_to_sqlite, has_graph
from pftz.ground.errors import InputError
from pftz.ground.io import atomic_path, file_sha256
from pftz.ground.schema import PROVENANCE, Rel
from pftz.loaders.header import header_path
from pftz.loaders.manifest import BUNDLED_REPORT, PROFILE_DIR, PROFILE_SIDECAR_SUFFIX, REFERENCE_DIR

__all__ = ["KEEP", "CachedBuild", "cache_dir", "cache_key", "cached_build"]

KEEP = 8
"""How many entries the cache keeps."""

FORMAT = "pftz-cache/4"
"""The format of an entry (its header says it); bumped when the layout changes."""

SUFFIX = ".pftz-cache"

_PACKAGE = "pftz-graph"


@dataclass(frozen=True)
class CachedBuild:
    """A built graph and what its build reported.

    Parameters
    ----------
    graph
        The validated graph.
    warnings
        The load warnings, one line each (with file and line).
    failed_checks
        How many stated totals did not match.
    sources
        One summary line per input read.
    hint
        The command(s) that list every warning of these inputs.
    from_cache
        Whether this came from the cache (set on reading).
    """

    graph: Any
    warnings: tuple[str, ...] = ()
    failed_checks: int = 0
    sources: tuple[str, ...] = ()
    hint: str = ""
    from_cache: bool = field(default=False, compare=False)


def cache_dir() -> Path | None:
    """The cache folder, or None when ``PFTZ_CACHE_DIR=off``."""
    configured = os.environ.get("PFTZ_CACHE_DIR")
    if configured:
        return None if configured.lower() in ("off", "0", "none") else Path(configured)
    return Path(platformdirs.user_cache_dir(_PACKAGE, appauthor=False))


def _version() -> str:
    from pftz import __version__  # the package's own (pyproject reads it there): no metadata to scan

    return __version__


def _code_fingerprint() -> str:
    """Size and mtime of the code and reference files the build runs (cheap: no file is read)."""
    h = hashlib.sha256()
    roots = [Path(ground.__file__).parent, Path(loaders.__file__).parent]
    roots.append(Path(loaders.__file__).parent.parent / "graph")
    roots.append(REFERENCE_DIR)
    roots.append(PROFILE_DIR)
    for root in roots:
        for p in sorted(root.rglob("*")):
            if p.suffix in (".py", ".csv", ".json", ".md", ".toml") and p.is_file():
                st = p.stat()
                h.update(f"{p.relative_to(root.parent)}:{st.st_size}:{st.st_mtime_ns}\n".encode())
    return h.hexdigest()


def _reference_files() -> list[Path]:
    return sorted(p for p in REFERENCE_DIR.glob("*") if p.is_file())


def cache_key(reports: Sequence[Path], data_files: Sequence[Path], options: str = "") -> str:
    """The key of a build: SHA-256 and name of the inputs, package version, code fingerprint and options.

    Parameters
    ----------
    reports
        The report files (empty: the bundled report).
    data_files
        The researcher's CSV or JSON files, in order.
    options
        Build options that change the result (e.g. ``"strict"``).

    Returns
    -------
    str
        A hex digest.
    """
    h = hashlib.sha256()
    h.update(f"format {FORMAT}\nversion {_version()}\ncode {_code_fingerprint()}\noptions {options}\n".encode())
    for kind, paths in (("report", list(reports) or [BUNDLED_REPORT]), ("data", data_files)):
        for p in paths:
            h.update(f"{kind} {file_sha256(Path(p))} {Path(p).name}\n".encode("utf-8", "surrogateescape"))
            # a report's sidecars are part of its input
            for name, beside in (("header", header_path(p)), ("profile", Path(str(p) + PROFILE_SIDECAR_SUFFIX))):
                if kind == "report" and beside is not None and beside.is_file():
                    h.update(f"{name} {file_sha256(beside)}\n".encode())
    for p in _reference_files():
        h.update(f"reference {p.name} {file_sha256(p)}\n".encode())
    return h.hexdigest()


def _prune(folder: Path) -> None:
    entries = sorted(folder.glob(f"*{SUFFIX}"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
    for old in entries[KEEP:]:
        old.unlink(missing_ok=True)


APART_TYPES = frozenset({Rel.DIFFUSED_TO.value})
"""Edge types an entry keeps in its second part: the derived diffusion, most of a graph's bytes, read
by no trace or search (a lite read loads that part only when asked for those edges)."""


def entry_bytes(result: CachedBuild, key: str = "") -> bytes:
    """An entry: a header line (format, key, size and SHA-256 of each part) and two SQLite database images.

    ``key`` is the :func:`cache_key` the entry is stored under: the reader checks it, so an entry
    copied or renamed to another key (good checksums, other inputs) is never served.

    The first part holds the nodes, the edges but those of :data:`APART_TYPES`, the graph's search
    index and the build's warnings and counts; the second the edges of :data:`APART_TYPES`. The
    search index is also kept for ``result.graph``, so the command that built the graph searches it
    without building the index again.
    """
    from pftz.queries.search import search_index_to_sqlite

    db = sqlite3.connect(":memory:", check_same_thread=False)
    apart = sqlite3.connect(":memory:")
    graph_to_sqlite(result.graph, db, apart, APART_TYPES)
    search_index_to_sqlite(result.graph, db)
    build = {
        "warnings": list(result.warnings),
        "failed_checks": result.failed_checks,
        "sources": list(result.sources),
        "hint": result.hint,
    }
    db.execute("CREATE TABLE build (data TEXT NOT NULL)")
    db.execute("INSERT INTO build (data) VALUES (?)", (json.dumps(build, ensure_ascii=False),))
    db.commit()
    parts = [db.serialize(), apart.serialize()]
    apart.close()
    sums = [{"size": len(p), "sha256": hashlib.sha256(p).hexdigest()} for p in parts]
    header = json.dumps({"format": FORMAT, "key": key, "parts": sums})
    return header.encode("ascii") + b"\n" + b"".join(parts)


class _BadEntry(ValueError):
    pass


def _strings(value: Any, what: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
        raise _BadEntry(f"{what} is not a list of strings")
    return tuple(value)


_MAX_HEADER = 4096


def _parts(header: Any, key: str | None = None) -> list[tuple[int, str]]:
    """The ``(size, sha256)`` of each part a header names, checked for shape (and ``key``, if given)."""
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise _BadEntry("another format")
    if key is not None and header.get("key") != key:
        raise _BadEntry("written for other inputs")
    parts = header.get("parts")
    if not isinstance(parts, list) or len(parts) != 2:
        raise _BadEntry("bad header")
    out = []
    for p in parts:
        size, digest = (p.get("size"), p.get("sha256")) if isinstance(p, dict) else (None, None)
        if not isinstance(size, int) or isinstance(size, bool) or size < 0 or not isinstance(digest, str):
            raise _BadEntry("bad header")
        out.append((size, digest))
    return out


def _part(f: BinaryIO, size: int, digest: str) -> bytes:
    data = f.read(size)
    if len(data) != size or hashlib.sha256(data).hexdigest() != digest:
        raise _BadEntry("checksum mismatch")
    return data


MAX_BODY = 128 * 2**20
"""The largest entry written or read (bytes): a larger graph (10^6 rows of user data) is rebuilt each
time rather than held whole in memory to write or read it back."""
MAX_ELEMENTS = 400_000
"""Nodes and edges past which no entry is made at all (its images would be built in memory first)."""


def _evidence_past(G: Any, limit: int) -> bool:
    """Whether the JSON of the graph's evidence alone is longer than ``limit``, so its entry would be larger.

    An entry stores each node's and edge's provenance whole; a few edges may carry a million
    evidence entries (one per row of a user's file), which :data:`MAX_ELEMENTS` does not see.
    Read before any image is built: each entry's keys and values as text, a lower bound of its JSON.
    """
    total = 0
    for items in (G.nodes(data=PROVENANCE), G.edges(data=PROVENANCE)):
        for *_, prov in items:
            for p in prov or ():
                if isinstance(p, Mapping):
                    total += sum(len(k) + len(str(v)) + 4 for k, v in p.items())  # "k":v,
            if total > limit:
                return True
    return False


def _read_entry(f: BinaryIO, lite: bool, where: str, key: str | None = None) -> CachedBuild:
    """Read an entry from an open file, checking every part it reads; ``_BadEntry`` names what failed.

    ``key``: the key the entry must have been written under (None: not checked).

    ``lite``: the second part is read (and checked) only when the graph is asked for its edges.
    """
    start = f.tell()
    size = f.seek(0, os.SEEK_END) - start
    f.seek(start)
    if not 0 < size <= MAX_BODY:
        raise _BadEntry("empty, or larger than any entry written")
    head = f.readline(_MAX_HEADER)
    if not head.endswith(b"\n"):
        raise _BadEntry("no header line")
    try:
        header = json.loads(head)
    except ValueError as e:
        raise _BadEntry("unreadable header") from e
    (core_size, core_sha), (apart_size, apart_sha) = _parts(header, key)
    core = _part(f, core_size, core_sha)
    offset = f.tell()
    if not lite:
        apart = _part(f, apart_size, apart_sha)
        if f.read(1):
            raise _BadEntry("checksum mismatch")  # bytes after the last part
    else:
        f.seek(0, os.SEEK_END)
        if f.tell() != offset + apart_size:
            raise _BadEntry("checksum mismatch")
    try:
        db = sqlite3.connect(":memory:", check_same_thread=False)
        db.deserialize(core)
        if not has_graph(db):
            raise _BadEntry("no graph in the body")
        row = db.execute("SELECT data FROM build").fetchone()
        payload = json.loads(row[0])
        if not isinstance(payload, dict):
            raise _BadEntry("bad counts")
        G: Any
        if lite:

            def load_apart() -> None:
                f.seek(offset)
                try:
                    attach_apart(db, _part(f, apart_size, apart_sha))
                except _BadEntry as e:
                    msg = f"cache entry {where} failed its check ({e}); run the command again to rebuild it"
                    with contextlib.suppress(OSError):
                        Path(where).unlink()
                    raise InputError(msg) from e
                finally:
                    f.close()

            G = SqliteGraph(db, load_apart)
        else:
            attach_apart(db, apart)
            G = graph_from_sqlite(db)
    except (sqlite3.Error, ValueError, KeyError, TypeError, AttributeError) as e:
        if isinstance(e, _BadEntry):
            raise
        raise _BadEntry("unreadable body") from e
    if not isinstance(payload.get("failed_checks"), int) or not isinstance(payload.get("hint"), str):
        raise _BadEntry("bad counts")
    return CachedBuild(
        G,
        warnings=_strings(payload.get("warnings"), "warnings"),
        failed_checks=payload["failed_checks"],
        sources=_strings(payload.get("sources"), "sources"),
        hint=payload["hint"],
        from_cache=True,
    )


def entry_from_bytes(data: bytes, lite: bool = False, key: str | None = None) -> CachedBuild:
    """Read an entry written by :func:`entry_bytes`, checking every part; ``_BadEntry`` names what failed.

    ``lite``: the graph is a :class:`graph.sqlite_graph.SqliteGraph` over the entry, read as asked;
    else the whole ``networkx.MultiDiGraph``. ``key``: the key it must have been written under.
    """
    return _read_entry(io.BytesIO(data), lite, "(in memory)", key)


def _regular(path: Path) -> bool:
    """Whether ``path`` is a regular file (absent counts: the loader says so), not a pipe or a device."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return True


def cached_build(
    reports: Sequence[Path],
    data_files: Sequence[Path],
    build: Callable[[], CachedBuild],
    options: str = "",
    on_problem: Callable[[str], object] | None = None,
    lite: bool = False,
) -> CachedBuild:
    """Return the build of these inputs from the cache, or run ``build`` and store its result.

    Parameters
    ----------
    reports, data_files, options
        As for :func:`cache_key`.
    build
        Builds the graph when the cache has no usable entry (its errors
        propagate; nothing is stored then).
    on_problem
        Called with one line when an entry fails a check and is rebuilt.
    lite
        From the cache, a :class:`graph.sqlite_graph.SqliteGraph` read as asked (for a command that
        reads a few neighbourhoods); a fresh build is always the whole graph.

    Returns
    -------
    CachedBuild
        ``from_cache`` tells which way it came.
    """
    folder = cache_dir()
    if folder is None or not all(_regular(p) for p in [*reports, *data_files]):
        return build()  # a pipe (`--data <(cmd)`, a FIFO) is read once: hashing it for a key would drain it
    key = cache_key(reports, data_files, options)
    entry = folder / f"{key}{SUFFIX}"
    f: BinaryIO | None = None
    try:
        fd = os.open(entry, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))  # a FIFO planted as the entry: no wait
    except OSError:
        pass  # no entry, or a cache folder that cannot be read: no cache
    else:
        if not stat.S_ISREG(os.fstat(fd).st_mode):  # a folder, FIFO or device, never an entry written here
            os.close(fd)
            if on_problem is not None:
                on_problem(f"cache entry {entry} is not a file; building without the cache")
            return build()
        f = os.fdopen(fd, "rb")
    if f is not None:
        try:
            found = _read_entry(f, lite, str(entry), key)
        except (_BadEntry, OSError) as e:
            f.close()
            if isinstance(e, _BadEntry):
                if on_problem is not None:
                    on_problem(f"cache entry {entry} failed its check ({e}); rebuilding it")
                with contextlib.suppress(OSError):
                    entry.unlink()
        else:
            if not lite:
                f.close()
            with contextlib.suppress(OSError):
                os.utime(entry)
            return found
    result = build()
    G = result.graph
    # an entry measures 1.7-1.9 times the text of its evidence (the bundled report, 10^4 rows of user data):
    # past two thirds of MAX_BODY, its images would be built in memory only to be dropped as too large
    if G.number_of_nodes() + G.number_of_edges() > MAX_ELEMENTS or _evidence_past(G, MAX_BODY * 2 // 3):
        return result  # too large to keep: rebuilding costs less than holding its images to write them
    try:
        data = entry_bytes(result, key)
        if len(data) > MAX_BODY:
            return result
        folder.mkdir(parents=True, exist_ok=True)
        with atomic_path(entry) as tmp:
            tmp.write_bytes(data)
        _prune(folder)
    except (OSError, ValueError):
        pass  # a cache that cannot be written only costs time
    return result
