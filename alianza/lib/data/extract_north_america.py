"""Cut the North American countries out of world-atlas' countries-50m.json.

The vendored file ``world-atlas-2.0.2-countries-50m-north-america.json`` next to this
script was made with it, from the npm package ``world-atlas`` 2.0.2 (ISC licence, see
``world-atlas-LICENSE``; data from Natural Earth, public domain)::

    cd /tmp && npm pack world-atlas@2.0.2 && mkdir wa && tar xzf world-atlas-2.0.2.tgz -C wa
    python alianza/lib/data/extract_north_america.py wa/package/countries-50m.json \\
        alianza/lib/data/world-atlas-2.0.2-countries-50m-north-america.json

The output is still TopoJSON with the same quantization transform; nothing is
re-simplified. Only the ``countries`` object is kept, and of each country only the
polygons with at least one vertex inside the frame ``alianza.lib.mapsvg`` draws (its
projection, with a margin of 2% each side; the map clips the rest). The arcs those
polygons use are kept, in their original order, and renumbered. Standard library only;
rerun it whenever the projection or the box in ``mapsvg.py`` changes.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))
from alianza.lib.mapsvg import albers, decode_topology, frame

SOURCE_SHA256 = "04342cdc1e3016bcd7db1630de95684d67b79fe3c8c460321e87aef469502394"


def in_frame(polygon: list[list[tuple[float, float]]]) -> bool:
    x0, y0, x1, y1 = frame()
    margin_x, margin_y = (x1 - x0) / 50, (y1 - y0) / 50
    for ring in polygon:
        for lon, lat in ring:
            x, y = albers(lon, lat)
            if (
                x0 - margin_x <= x <= x1 + margin_x
                and y0 - margin_y <= y <= y1 + margin_y
            ):
                return True
    return False


def extract(topo: dict[str, Any]) -> dict[str, Any]:
    kept: list[dict[str, Any]] = []
    geometries = [
        g
        for g in topo["objects"]["countries"]["geometries"]
        if g.get("type") in ("Polygon", "MultiPolygon")
    ]
    for geometry, (_, decoded) in zip(geometries, decode_topology(topo), strict=True):
        polygons = geometry["arcs"]
        if geometry["type"] == "Polygon":
            polygons = [polygons]
        polygons = [p for p, d in zip(polygons, decoded, strict=True) if in_frame(d)]
        if polygons:
            kept.append({**geometry, "type": "MultiPolygon", "arcs": polygons})
    used = sorted(
        {i if i >= 0 else ~i for g in kept for p in g["arcs"] for r in p for i in r}
    )
    renumber = {old: new for new, old in enumerate(used)}

    def remap(index: int) -> int:
        return renumber[index] if index >= 0 else ~renumber[~index]

    for g in kept:
        g["arcs"] = [[[remap(i) for i in ring] for ring in p] for p in g["arcs"]]
    return {
        "type": "Topology",
        "transform": topo["transform"],
        "objects": {"countries": {"type": "GeometryCollection", "geometries": kept}},
        "arcs": [topo["arcs"][i] for i in used],
    }


def main(source: str, target: str) -> None:
    raw = Path(source).read_bytes()
    digest = hashlib.sha256(raw).hexdigest()
    if digest != SOURCE_SHA256:
        sys.exit(f"{source}: sha256 {digest} is not world-atlas 2.0.2's")
    result = extract(json.loads(raw))
    Path(target).write_text(
        json.dumps(result, separators=(",", ":")) + "\n", encoding="utf-8"
    )
    names = sorted(
        g["properties"]["name"] for g in result["objects"]["countries"]["geometries"]
    )
    print(f"{len(names)} countries, {len(result['arcs'])} arcs: {', '.join(names)}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: extract_north_america.py countries-50m.json output.json")
    main(sys.argv[1], sys.argv[2])
