"""Add Taiwan, Hong Kong and Macao to ``data/reference/china-provinces.geojson`` from Natural Earth admin-0.

Usage::

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python tools/add_outline_regions.py package/countries-50m.json [-o data/reference/china-provinces.geojson]

Natural Earth's admin-1 layer (the one ``tools/make_china_outline.py`` reads) has no
Taiwan, Hong Kong or Macao among China's features: they are admin-0 units of their
own. This tool reads them from Natural Earth's 1:50m *Admin 0 – Countries* (public
domain), as redistributed in TopoJSON by the npm package ``world-atlas`` 2.0.2 (Natural
Earth 4.1.0; ids are ISO 3166-1 numeric: 158 Taiwan, 344 Hong Kong, 446 Macao), decodes
their arcs, simplifies them as ``make_china_outline.py`` does (Macao, a few kilometres
across, with a finer tolerance so that it does not vanish) and writes the outline back
with every feature sorted by ISO code, so a second run gives the same bytes.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
from pathlib import Path
from typing import Any

# The simplification of tools/make_china_outline.py, loaded from its file (tools/ is not a package).
_spec = importlib.util.spec_from_file_location("make_china_outline", Path(__file__).with_name("make_china_outline.py"))
assert _spec is not None and _spec.loader is not None
_outline = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_outline)
TOLERANCE: float = _outline.TOLERANCE
simplify = _outline.simplify

REGIONS = {
    "158": ("Taiwan", "台湾省", "CN-TW"),
    "344": ("Hong Kong", "香港特别行政区", "CN-HK"),
    "446": ("Macao", "澳门特别行政区", "CN-MO"),
}
"""ISO 3166-1 numeric id -> (name, Chinese name, ISO 3166-2 code), as the outline's other features carry them."""
FINE = {"446": 0.002}
"""Tolerances (degrees) for regions too small for :data:`TOLERANCE`."""


def decode_arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """The arcs of a quantized TopoJSON topology in longitude and latitude."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(ring: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    """A ring's points from its arc indexes (``~i`` is arc ``i`` reversed); shared end points once."""
    out: list[tuple[float, float]] = []
    for i in ring:
        points = arcs[i] if i >= 0 else arcs[~i][::-1]
        out += points[1:] if out else points
    return out


def _ring(points: list[tuple[float, float]], tolerance: float) -> list[list[float]] | None:
    out: list[list[float]] = []
    for x, y in simplify(points, tolerance):
        q = [round(x, 2 if tolerance >= TOLERANCE else 3), round(y, 2 if tolerance >= TOLERANCE else 3)]
        if not out or out[-1] != q:
            out.append(q)
    if out and out[0] != out[-1]:
        out.append(out[0])
    return out if len(out) >= 4 else None


def region_features(topology: dict[str, Any]) -> list[dict[str, Any]]:
    """The GeoJSON features of :data:`REGIONS` from world-atlas' ``countries`` object."""
    arcs = decode_arcs(topology)
    out = []
    for g in topology["objects"]["countries"]["geometries"]:
        if g.get("id") not in REGIONS:
            continue
        name, name_zh, iso = REGIONS[g["id"]]
        tolerance = FINE.get(g["id"], TOLERANCE)
        polygons = [g["arcs"]] if g["type"] == "Polygon" else g["arcs"]
        simplified = []
        for poly in polygons:
            rings = [r for r in (_ring(ring_points(ring, arcs), tolerance) for ring in poly) if r is not None]
            if rings:
                simplified.append(rings)
        out.append({
            "type": "Feature",
            "properties": {"name": name, "name_zh": name_zh, "iso_3166_2": iso, "ne_id": None},
            "geometry": {"type": "MultiPolygon", "coordinates": simplified},
        })  # fmt: skip
    return out


def main() -> None:
    """Run from the command line."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("topology", type=Path)
    ap.add_argument("-o", "--output", type=Path, default=Path("data/reference/china-provinces.geojson"))
    args = ap.parse_args()
    outline = json.loads(args.output.read_text(encoding="utf-8"))
    added = region_features(json.loads(args.topology.read_text(encoding="utf-8")))
    isos = {f["properties"]["iso_3166_2"] for f in added}
    features = [f for f in outline["features"] if f["properties"]["iso_3166_2"] not in isos] + added
    features.sort(key=lambda f: str(f["properties"]["iso_3166_2"]))
    outline["features"] = features
    outline["source"] = (
        "Natural Earth 1:50m Cultural Vectors, Admin 1 - States, Provinces (public domain); "
        f"simplified by tools/make_china_outline.py (Douglas-Peucker, {TOLERANCE} degrees; 2 decimals); "
        "Taiwan, Hong Kong and Macao from Natural Earth 1:50m Admin 0 - Countries (public domain, "
        "world-atlas 2.0.2), added by tools/add_outline_regions.py"
    )
    text = json.dumps(outline, ensure_ascii=False, separators=(",", ":"))
    args.output.write_text(text.replace('{"type":"Feature"', '\n{"type":"Feature"') + "\n", encoding="utf-8")
    print(f"wrote {args.output}: {len(features)} features ({', '.join(sorted(isos))} added)")


if __name__ == "__main__":
    main()
