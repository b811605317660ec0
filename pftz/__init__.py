"""pftz: a graph database of policy relationships for China's Pilot Free Trade Zones.

The public API for notebooks and scripts: read a report (or your own data), build the graph, and ask
it questions. Each name is imported on first use, so ``import pftz`` costs almost nothing and the
floors below (``pftz.ground``, ``pftz.loaders``, ``pftz.graph``, ``pftz.queries``, ``pftz.shell``)
can be imported on their own.

Examples
--------
>>> import pftz
>>> G = pftz.build()                                      # the bundled report, with the reference data
>>> pftz.trace(G, "ship supervision and declaration").shape[0] > 0
True
>>> sorted(pftz.TABLES)
['adoptions', 'documents', 'measures', 'zones']
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd

    from pftz.loaders.records import ParsedReport

__version__ = "0.1.0"
"""The package's version (the one source: pyproject.toml reads it from here)."""

__all__ = [
    "BUNDLED_REPORT",
    "TABLES",
    "build",
    "query",
    "read_data",
    "read_report",
    "table",
    "trace",
    "view",
]

_LAZY = {
    "BUNDLED_REPORT": ("pftz.loaders.report", "BUNDLED_REPORT"),
    "TABLES": ("pftz.queries.tables", "TABLES"),
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        module, attr = _LAZY[name]
        return getattr(importlib.import_module(module), attr)
    msg = f"module 'pftz' has no attribute {name!r}"
    raise AttributeError(msg)


def read_report(path: str | Path | None = None, *, strict: bool = False) -> ParsedReport:
    """Read a report (the bundled one by default) into typed records with provenance.

    See :func:`pftz.loaders.report.load_report`.
    """
    from pftz.loaders.report import load_report

    return load_report(path, strict=strict)


def read_data(path: str | Path, **kwargs: Any) -> ParsedReport:
    """Read a CSV or JSON file of your own coded zones, documents, measures or adoptions.

    See :func:`pftz.loaders.userdata.load_user_data` (keyword arguments are passed on).
    """
    from pftz.loaders.userdata import load_user_data

    return load_user_data(path, **kwargs)


def build(
    reports: Iterable[ParsedReport | str | Path] | None = None, *, reference: bool = True, **kwargs: Any
) -> nx.MultiDiGraph:
    """Build the policy graph (NetworkX) from reports: parsed ones, or paths to read.

    Parameters
    ----------
    reports
        Parsed reports or data (:func:`read_report`, :func:`read_data`), or paths of reports; the
        bundled report when omitted.
    reference
        Merge the curated zones, provinces and scopes (``data/reference/``): establishment dates,
        Chinese names, coordinates; without them diffusion reaches no province.
    **kwargs
        Passed on to :func:`pftz.graph.build.graph_from_reports` (``derive``, ``resolve``, ...).
    """
    from pftz.graph.build import graph_from_reports
    from pftz.loaders.reference import load_reference

    if reports is None:
        parsed = [read_report()]
    else:
        parsed = [read_report(r) if isinstance(r, str | Path) else r for r in reports]
    return graph_from_reports(parsed, reference=load_reference() if reference else None, **kwargs)


def trace(backend: Any, words: str, *, since: str | None = None, until: str | None = None) -> pd.DataFrame:
    """Where an innovation came from and where it went, with evidence (``trace_innovation``).

    ``backend`` is a graph from :func:`build` or a Neo4j driver. See :func:`pftz.queries.trace`.
    """
    from pftz import queries

    return queries.trace(backend, words, since=since, until=until)


def query(name: str, backend: Any, /, **params: Any) -> pd.DataFrame:
    """Run a named query (``pftz query --list``) on a graph or a Neo4j driver. See :func:`pftz.queries.run`."""
    from pftz import queries

    return queries.run(name, backend, **params)


def table(name: str, G: nx.MultiDiGraph, *, since: str | None = None, until: str | None = None) -> pd.DataFrame:
    """A flat table: ``measures``, ``adoptions``, ``documents`` or ``zones``. See :func:`pftz.queries.tables.table`."""
    from pftz.ground.dates import PartialDate
    from pftz.queries.tables import table as flat

    window = [PartialDate.parse(d) if d else None for d in (since, until)]
    return flat(name, G, window[0], window[1])


def view(G: nx.MultiDiGraph, path: str | Path, **kwargs: Any) -> Path:
    """Write one self-contained interactive HTML view of a graph. See :func:`pftz.shell.viz.render_html`."""
    from pftz.shell.viz import render_html

    return render_html(G, path, **kwargs)
