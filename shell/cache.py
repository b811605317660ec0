"""A cache of built graphs, so that commands after a build answer without re-parsing.

An entry is the graph with the load warnings of its build, stored under a key
made of the SHA-256 of every input (the report files, the researcher's data
files, the curated reference files), the package version, a fingerprint of
the package's own code files (size and modification time, so an edited
checkout never reads a stale graph) and the build options. Any change to one
of them gives another key; entries are never updated in place. The folder is
``$PFTZ_CACHE_DIR``, else ``$XDG_CACHE_HOME/pftz-graph``, else
``~/.cache/pftz-graph``; ``PFTZ_CACHE_DIR=off`` turns the cache off. At most
:data:`KEEP` entries are kept (the least recently used go first).

Entries are pickles written by this package into the user's own cache folder;
they are read only from there, never from a shared or downloaded place.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

import ground
import loaders
from ground.io import atomic_path, file_sha256
from loaders.header import header_path
from loaders.profile import PROFILE_DIR, PROFILE_SIDECAR_SUFFIX
from loaders.reference import REFERENCE_DIR
from loaders.report import BUNDLED_REPORT

__all__ = ["KEEP", "CachedBuild", "cache_dir", "cache_key", "cached_build"]

KEEP = 8
"""How many entries the cache keeps."""

FORMAT = 1
"""Bumped when the layout of an entry changes."""

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
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "pftz-graph"


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
    """The key of a build: SHA-256 of the inputs, package version, code fingerprint and options.

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
            h.update(f"{kind} {file_sha256(Path(p))}\n".encode())
            # a report's sidecars are part of its input
            for name, beside in (("header", header_path(p)), ("profile", Path(str(p) + PROFILE_SIDECAR_SUFFIX))):
                if kind == "report" and beside is not None and beside.is_file():
                    h.update(f"{name} {file_sha256(beside)}\n".encode())
    for p in _reference_files():
        h.update(f"reference {p.name} {file_sha256(p)}\n".encode())
    return h.hexdigest()


def _prune(folder: Path) -> None:
    entries = sorted(folder.glob("*.pickle"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
    for old in entries[KEEP:]:
        old.unlink(missing_ok=True)


def cached_build(
    reports: Sequence[Path],
    data_files: Sequence[Path],
    build: Callable[[], CachedBuild],
    options: str = "",
) -> CachedBuild:
    """Return the build of these inputs from the cache, or run ``build`` and store its result.

    Parameters
    ----------
    reports, data_files, options
        As for :func:`cache_key`.
    build
        Builds the graph when the cache has no entry (its errors propagate;
        nothing is stored then).

    Returns
    -------
    CachedBuild
        ``from_cache`` tells which way it came.
    """
    folder = cache_dir()
    if folder is None:
        return build()
    key = cache_key(reports, data_files, options)
    entry = folder / f"{key}.pickle"
    try:
        with entry.open("rb") as fh:
            found = pickle.load(fh)  # our own entry, in the user's own cache folder
        if isinstance(found, CachedBuild):
            os.utime(entry)
            return CachedBuild(found.graph, found.warnings, found.failed_checks, found.sources, from_cache=True)
    except FileNotFoundError:
        pass
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        entry.unlink(missing_ok=True)  # a broken or outdated entry is rebuilt
    result = build()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with atomic_path(entry) as tmp, tmp.open("wb") as fh:
            pickle.dump(result, fh, protocol=pickle.HIGHEST_PROTOCOL)
        _prune(folder)
    except (OSError, pickle.PicklingError):
        pass  # a cache that cannot be written only costs time
    return result
