"""Make ``data/reference/china-provinces.geojson``: a simplified outline of China's provinces.

Usage::

    python tools/make_china_outline.py NE_50M_ADMIN_1.geojson [-o data/reference/china-provinces.geojson]

The input is Natural Earth's 1:50m *Admin 1 – States, Provinces* layer as
GeoJSON (``ne_50m_admin_1_states_provinces``; public domain). The features of
China (``adm0_a3`` = ``CHN``: the 31 mainland provinces, autonomous regions and
municipalities) are kept with their ``name``, ``name_zh``, ``iso_3166_2`` and
``ne_id``; each ring is simplified with the Douglas-Peucker algorithm
(tolerance :data:`TOLERANCE` degrees) and its coordinates are rounded to two
decimals (about 1 km), and rings that shrink below four points are dropped. The
output is written sorted by ISO code, so that running the tool twice on the
same input gives the same bytes. The HTML map view and ``pftz figure --map``
draw it as their base layer; it is for orientation, not for geography.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path
from typing import Any

TOLERANCE = 0.04
"""Douglas-Peucker tolerance, in degrees."""

Point = tuple[float, float]


def _distance(p: Point, a: Point, b: Point) -> float:
    """Distance from ``p`` to the segment ``a``-``b`` (in degrees, planar)."""
    (x, y), (x1, y1), (x2, y2) = p, a, b
    dx, dy = x2 - x1, y2 - y1
    if dx == dy == 0:
        return math.hypot(x - x1, y - y1)
    t = max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)))
    return math.hypot(x - (x1 + t * dx), y - (y1 + t * dy))


def simplify(points: list[Point], tolerance: float = TOLERANCE) -> list[Point]:
    """Douglas-Peucker simplification of a polyline (iterative, so long rings do not recurse deeply).

    >>> simplify([(0, 0), (1, 0.01), (2, 0)], 0.1)
    [(0, 0), (2, 0)]
    """
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        i, j = stack.pop()
        best, index = 0.0, -1
        for k in range(i + 1, j):
            d = _distance(points[k], points[i], points[j])
            if d > best:
                best, index = d, k
        if index >= 0 and best > tolerance:
            keep[index] = True
            stack += [(i, index), (index, j)]
    return [p for p, k in zip(points, keep, strict=True) if k]


def _ring(ring: list[list[float]]) -> list[list[float]] | None:
    pts = simplify([(float(x), float(y)) for x, y, *_ in ring])
    out: list[list[float]] = []
    for x, y in pts:
        q = [round(x, 2), round(y, 2)]
        if not out or out[-1] != q:
            out.append(q)
    if out and out[0] != out[-1]:
        out.append(out[0])
    return out if len(out) >= 4 else None


def china_outline(collection: dict[str, Any]) -> dict[str, Any]:
    """Return the simplified FeatureCollection of China's provinces from a Natural Earth admin-1 collection."""
    features = []
    for f in collection["features"]:
        p = f["properties"]
        if p.get("adm0_a3") != "CHN":
            continue
        g = f["geometry"]
        polygons = [g["coordinates"]] if g["type"] == "Polygon" else g["coordinates"]
        simplified = []
        for poly in polygons:
            rings = [r for r in (_ring(ring) for ring in poly) if r is not None]
            if rings:
                simplified.append(rings)
        features.append({
            "type": "Feature",
            "properties": {k: p.get(k) for k in ("name", "name_zh", "iso_3166_2", "ne_id")},
            "geometry": {"type": "MultiPolygon", "coordinates": simplified},
        })  # fmt: skip
    features.sort(key=lambda f: str(f["properties"]["iso_3166_2"]))
    return {
        "type": "FeatureCollection",
        "name": "china-provinces",
        "source": "Natural Earth 1:50m Cultural Vectors, Admin 1 - States, Provinces (public domain); "
        f"simplified by tools/make_china_outline.py (Douglas-Peucker, {TOLERANCE} degrees; 2 decimals)",
        "features": features,
    }


def main() -> None:
    """Run from the command line."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("source", type=Path)
    ap.add_argument("-o", "--output", type=Path, default=Path("data/reference/china-provinces.geojson"))
    args = ap.parse_args()
    out = china_outline(json.loads(args.source.read_text(encoding="utf-8")))
    if len(out["features"]) != 31:
        print(f"expected the 31 mainland provinces, found {len(out['features'])}", file=sys.stderr)
        sys.exit(1)
    text = json.dumps(out, ensure_ascii=False, separators=(",", ":"))
    args.output.write_text(text.replace('{"type":"Feature"', '\n{"type":"Feature"') + "\n", encoding="utf-8")
    n = sum(len(r) for f in out["features"] for poly in f["geometry"]["coordinates"] for r in poly)
    print(f"wrote {args.output}: {len(out['features'])} provinces, {n:,} points, {args.output.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
