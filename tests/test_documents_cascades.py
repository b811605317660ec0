"""The cascades export of the bundled report, read back in the long format of R's NetworkInference."""

from __future__ import annotations

import csv
import datetime
from pathlib import Path

import networkx as nx
import pytest

from pftz.graph.build import graph_from_reports
from pftz.graph.exports_cascades import CASCADE_COLUMNS, cascade_summary, save_cascades_csv
from pftz.ground.schema import Label, Rel
from pftz.loaders.reference import load_reference
from pftz.loaders.report import load_report

EPOCH = datetime.date(1970, 1, 1)


@pytest.fixture(scope="module")
def G() -> nx.MultiDiGraph:
    return graph_from_reports([load_report()], reference=load_reference())


def _read_long(path: Path) -> dict[str, dict[str, int]]:
    """Read a cascades CSV as ``as_cascade_long`` does: node_name, cascade_id, a numeric time per row."""
    out: dict[str, dict[str, int]] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        assert tuple(reader.fieldnames or ()) == CASCADE_COLUMNS
        for row in reader:
            node, cascade, time = row["node_name"], row["cascade_id"], int(row["time"])
            assert node not in out.setdefault(cascade, {}), "one infection time per node and cascade"
            out[cascade][node] = time
    return out


def test_every_kept_cascade_has_two_stated_times(G: nx.MultiDiGraph, tmp_path: Path) -> None:
    long = _read_long(save_cascades_csv(G, tmp_path / "cascades.csv"))
    assert long and all(len(set(times.values())) >= 2 for times in long.values())
    summary = cascade_summary(G)
    assert summary.kept == len(long)


def test_pilot_zones_come_before_the_zones_reached(G: nx.MultiDiGraph, tmp_path: Path) -> None:
    long = _read_long(save_cascades_csv(G, tmp_path / "cascades.csv"))
    pilots = {k: v for k, v in long.items() if k.startswith("national:pilot-measures:")}
    assert len(pilots) == 30
    for key, times in pilots.items():
        origins = {
            str(z) for _, z, t in G.out_edges(f"{Label.MEASURE}:{key}", data="type") if t == Rel.ORIGINATED_IN.value
        }
        assert len(origins) == 6 and origins <= set(times)
        reached = set(times) - origins
        assert reached and max(times[z] for z in origins) < min(times[z] for z in reached)


def test_times_are_the_stated_dates(G: nx.MultiDiGraph, tmp_path: Path) -> None:
    """Pilot zones at June 2023 (the pilot start printed), zones reached at 2024-10-25 (the release)."""
    long = _read_long(save_cascades_csv(G, tmp_path / "cascades.csv"))
    days = {(datetime.date(2023, 6, 30) - EPOCH).days, (datetime.date(2024, 10, 25) - EPOCH).days}
    assert {t for times in long.values() for t in times.values()} == days
