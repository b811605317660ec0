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
cannot run code when read: one header line (JSON: :data:`FORMAT`, the byte
count and SHA-256 of the body) and a JSON body (the graph as networkx
node-link data, the warnings, the counts). An entry that fails any check
(format, size, checksum, JSON, shape) is rebuilt, with one line saying so;
a cache folder that cannot be read or written (read-only, a file, owned by
another user) means no cache, never an error.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

import networkx as nx
import platformdirs

from pftz import ground, loaders
from pftz.ground.io import atomic_path, file_sha256
from pftz.loaders.header import header_path
from pftz.loaders.manifest import BUNDLED_REPORT
from pftz.loaders.profile import PROFILE_DIR, PROFILE_SIDECAR_SUFFIX
from pftz.loaders.reference import REFERENCE_DIR

__all__ = ["KEEP", "CachedBuild", "cache_dir", "cache_key", "cached_build"]

KEEP = 8
"""How many entries the cache keeps."""

FORMAT = "pftz-cache/2"
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
    try:
        return metadata.version(_PACKAGE)
    except metadata.PackageNotFoundError:
        return "unknown"


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


MAX_BODY = 128 * 2**20
"""The largest entry body written (bytes): a larger graph is rebuilt each time rather than read
back, since reading JSON holds several times its size."""

_HEADER_WIDTH = 128
"""Bytes reserved for the header line while the body is streamed (padded with spaces, which JSON allows)."""


class _TooLarge(ValueError):
    pass


def _body_chunks(result: CachedBuild) -> Iterator[str]:
    """The JSON body of an entry in pieces of one node or edge each (networkx node-link data)."""

    def dump(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

    G = result.graph
    yield '{"graph":{"directed":true,"multigraph":true,"graph":' + dump(G.graph) + ',"nodes":['
    for i, (n, d) in enumerate(G.nodes(data=True)):
        yield ("," if i else "") + dump({**d, "id": n})
    yield '],"edges":['
    for i, (u, v, k, d) in enumerate(G.edges(keys=True, data=True)):
        yield ("," if i else "") + dump({**d, "source": u, "target": v, "key": k})
    yield (
        "]},"
        + dump(
            {
                "warnings": list(result.warnings),
                "failed_checks": result.failed_checks,
                "sources": list(result.sources),
                "hint": result.hint,
            }
        )[1:]
    )


def _header(size: int, digest: str) -> bytes:
    return json.dumps({"format": FORMAT, "size": size, "sha256": digest}).encode("ascii")


def entry_bytes(result: CachedBuild) -> bytes:
    """An entry: a header line (format, size, SHA-256 of the body) and the JSON body."""
    body = "".join(_body_chunks(result)).encode("utf-8", "surrogatepass")
    return _header(len(body), hashlib.sha256(body).hexdigest()) + b"\n" + body


def _write_entry(result: CachedBuild, path: Path, limit: int | None = None) -> None:
    """Write an entry as a stream (the body is never whole in memory); ``_TooLarge`` past ``limit`` bytes
    (:data:`MAX_BODY` by default)."""
    limit = MAX_BODY if limit is None else limit
    h = hashlib.sha256()
    size = 0
    with path.open("wb") as fh:
        fh.write(b" " * _HEADER_WIDTH + b"\n")
        for chunk in _body_chunks(result):
            data = chunk.encode("utf-8", "surrogatepass")
            size += len(data)
            if size > limit:
                raise _TooLarge(f"an entry over {limit:,} bytes")
            h.update(data)
            fh.write(data)
        fh.seek(0)
        fh.write(_header(size, h.hexdigest()).ljust(_HEADER_WIDTH))


class _BadEntry(ValueError):
    pass


def _strings(value: Any, what: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
        raise _BadEntry(f"{what} is not a list of strings")
    return tuple(value)


def entry_from_bytes(data: bytes) -> CachedBuild:
    """Read an entry written by :func:`entry_bytes`, checking every part; ``_BadEntry`` names what failed."""
    head, sep, body = data.partition(b"\n")
    if not data:
        raise _BadEntry("empty, or larger than any entry written")
    if not sep:
        raise _BadEntry("no header line")
    try:
        header = json.loads(head)
    except ValueError as e:
        raise _BadEntry("unreadable header") from e
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise _BadEntry("another format")
    if header.get("size") != len(body) or header.get("sha256") != hashlib.sha256(body).hexdigest():
        raise _BadEntry("checksum mismatch")
    try:
        payload = json.loads(body.decode("utf-8", "surrogatepass"))
        G = nx.node_link_graph(payload["graph"], directed=True, multigraph=True, edges="edges")
    except (ValueError, KeyError, TypeError, AttributeError, nx.NetworkXError) as e:
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


def cached_build(
    reports: Sequence[Path],
    data_files: Sequence[Path],
    build: Callable[[], CachedBuild],
    options: str = "",
    on_problem: Callable[[str], object] | None = None,
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

    Returns
    -------
    CachedBuild
        ``from_cache`` tells which way it came.
    """
    folder = cache_dir()
    if folder is None:
        return build()
    key = cache_key(reports, data_files, options)
    entry = folder / f"{key}{SUFFIX}"
    try:
        # an entry larger than any this code writes is never read whole: it fails its check below
        data = b"" if entry.stat().st_size > _HEADER_WIDTH + 1 + MAX_BODY else entry.read_bytes()
    except OSError:
        data = None  # no entry, or a cache folder that cannot be read: no cache
    if data is not None:
        try:
            found = entry_from_bytes(data)
        except _BadEntry as e:
            if on_problem is not None:
                on_problem(f"cache entry {entry} failed its check ({e}); rebuilding it")
            with contextlib.suppress(OSError):
                entry.unlink()
        else:
            with contextlib.suppress(OSError):
                os.utime(entry)
            return found
    result = build()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with atomic_path(entry) as tmp:
            _write_entry(result, tmp)
        _prune(folder)
    except (OSError, ValueError):
        pass  # a cache that cannot be written only costs time
    return result
