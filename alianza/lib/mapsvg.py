"""A map of North America drawn on the server as inline SVG: no tiles, CDN or script.

The land comes from the npm package ``world-atlas`` 2.0.2 (Natural Earth 1:50m,
ISC licence), cut down by ``data/extract_north_america.py``. The projection is an
Albers equal-area conic (standard parallels 20°N and 60°N, central meridian 100°W,
the usual choice for the whole continent) on a sphere, fitted to the frame that
encloses the box lon -170..-50, lat 7..75 (all of Canada's arctic fits inside it).

The output carries class names only, never ``style`` or presentation attributes such
as ``fill``, so that the site's Content-Security-Policy holds; the colours are in
``static/alianza/map.css``. Standard library only.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from html import escape
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

DATA = (
    Path(__file__).resolve().parent
    / "data"
    / "world-atlas-2.0.2-countries-50m-north-america.json"
)
BOX = (-170.0, 7.0, -50.0, 75.0)  # west, south, east, north, degrees
COUNTRY_CLASSES = {"124": "map-land-ca", "840": "map-land-us", "484": "map-land-mx"}
POINT_RADIUS = 5
# A linked point is a finger-sized target: a transparent disc around the dot. Its
# radius is set by map.css for the width the map is drawn at (24 px across at least).
HIT_RADIUS = 12
TOLERANCE = 0.5  # SVG units: about half a pixel at the default size
CLIP_MARGIN = 4.0  # land is cut this far outside the viewBox, so no cut edge shows

Point = tuple[float, float]
Ring = list[Point]

_PARALLEL_1, _PARALLEL_2, _ORIGIN_LAT, _CENTRAL_LON = 20.0, 60.0, 40.0, -100.0
_N = (math.sin(math.radians(_PARALLEL_1)) + math.sin(math.radians(_PARALLEL_2))) / 2
_C = math.cos(math.radians(_PARALLEL_1)) ** 2 + 2 * _N * math.sin(
    math.radians(_PARALLEL_1)
)
_RHO_0 = math.sqrt(_C - 2 * _N * math.sin(math.radians(_ORIGIN_LAT))) / _N
_UNSAFE_CLASS = re.compile(r"[^a-z0-9_-]+")


@dataclass(frozen=True)
class MapPoint:
    lon: float
    lat: float
    label: str
    status: str
    url: str = ""


def albers(lon: float, lat: float) -> Point:
    """Albers equal-area conic on the unit sphere; x east, y south (as in SVG)."""
    theta = _N * math.radians(lon - _CENTRAL_LON)
    rho = math.sqrt(_C - 2 * _N * math.sin(math.radians(lat))) / _N
    return rho * math.sin(theta), rho * math.cos(theta) - _RHO_0


@lru_cache(maxsize=1)
def frame() -> tuple[float, float, float, float]:
    """The projected bounding rectangle of BOX: min x, min y, max x, max y."""
    west, south, east, north = BOX
    edge: list[Point] = []
    for step in range(101):
        lon = west + (east - west) * step / 100
        lat = south + (north - south) * step / 100
        edge += [(lon, south), (lon, north), (west, lat), (east, lat)]
    xs, ys = zip(*(albers(lon, lat) for lon, lat in edge), strict=True)
    return min(xs), min(ys), max(xs), max(ys)


@lru_cache(maxsize=16)
def _fit(width: int, height: int) -> tuple[float, float, float]:
    """Scale and offsets that centre the frame in a width x height viewBox."""
    x0, y0, x1, y1 = frame()
    scale = min(width / (x1 - x0), height / (y1 - y0))
    dx = (width - scale * (x1 - x0)) / 2 - scale * x0
    dy = (height - scale * (y1 - y0)) / 2 - scale * y0
    return scale, dx, dy


def project(lon: float, lat: float, width: int = 960, height: int = 620) -> Point:
    """Degrees to SVG user units of a ``0 0 width height`` viewBox (y grows down)."""
    scale, dx, dy = _fit(width, height)
    x, y = albers(lon, lat)
    return x * scale + dx, y * scale + dy


def decode_topology(topo: dict[str, Any]) -> list[tuple[str, list[list[Ring]]]]:
    """TopoJSON countries to (ISO numeric id, polygons of rings in degrees).

    A polygon reaching past 150°E is moved 360° west (its points at -180° stay), so
    that the far east of Russia and the Aleutians beyond the antimeridian lie next to
    Alaska, as on a globe.
    """
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs: list[Ring] = []
    for arc in topo["arcs"]:  # quantized and delta-encoded
        x = y = 0
        points: Ring = []
        for step_x, step_y in arc:
            x, y = x + step_x, y + step_y
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)

    def ring(indexes: Iterable[int]) -> Ring:
        out: Ring = []
        for index in indexes:  # ~index means arc number ~index, reversed
            points = arcs[index] if index >= 0 else arcs[~index][::-1]
            out.extend(points[1:] if out else points)  # arcs share end points
        return out

    countries = []
    for geometry in topo["objects"]["countries"]["geometries"]:
        if geometry.get("type") not in ("Polygon", "MultiPolygon"):
            continue
        polygons = geometry["arcs"]
        if geometry["type"] == "Polygon":
            polygons = [polygons]
        decoded = []
        for polygon in polygons:
            rings = [ring(r) for r in polygon]
            if max(lon for lon, _ in rings[0]) > 150:
                rings = [
                    [(lon - 360 * (lon > 0), lat) for lon, lat in r] for r in rings
                ]
            decoded.append(rings)
        countries.append((str(geometry.get("id", "")), decoded))
    return countries


@lru_cache(maxsize=1)
def _countries() -> tuple[tuple[str, tuple[Ring, ...]], ...]:
    """The vendored countries, decoded once: (ISO numeric id, all rings)."""
    topo = json.loads(DATA.read_text(encoding="utf-8"))
    return tuple(
        (country_id, tuple(r for polygon in polygons for r in polygon))
        for country_id, polygons in decode_topology(topo)
    )


def _clip(ring: Ring, low: float, high_x: float, high_y: float) -> Ring:
    """Sutherland-Hodgman: cut a ring to the rectangle low..high_x, low..high_y."""
    edges = (
        (lambda p: p[0] >= low, 0, low),
        (lambda p: p[0] <= high_x, 0, high_x),
        (lambda p: p[1] >= low, 1, low),
        (lambda p: p[1] <= high_y, 1, high_y),
    )
    for inside, axis, bound in edges:
        if not ring:
            break
        source, ring = ring, []
        previous = source[-1]
        for current in source:
            if inside(current) != inside(previous):
                t = (bound - previous[axis]) / (current[axis] - previous[axis])
                cut = (
                    previous[0] + t * (current[0] - previous[0]),
                    previous[1] + t * (current[1] - previous[1]),
                )
                ring.append((bound, cut[1]) if axis == 0 else (cut[0], bound))
            if inside(current):
                ring.append(current)
            previous = current
    return ring


def _path_data(rings: Sequence[Ring], width: int, height: int) -> str:
    """SVG path data: rings projected, clipped, thinned and rounded to 0.1."""
    low, high_x, high_y = -CLIP_MARGIN, width + CLIP_MARGIN, height + CLIP_MARGIN
    parts: list[str] = []
    for ring in rings:
        projected = [project(lon, lat, width, height) for lon, lat in ring]
        kept: Ring = []
        for x, y in _clip(projected, low, high_x, high_y):
            # drop points closer than TOLERANCE to the last one kept (radial distance)
            if kept and max(abs(x - kept[-1][0]), abs(y - kept[-1][1])) < TOLERANCE:
                continue
            kept.append((x, y))
        if len(kept) >= 3:
            coords = " ".join(f"{x:.1f} {y:.1f}" for x, y in kept)
            parts.append("M" + coords.replace(".0 ", " ").removesuffix(".0") + "Z")
    return "".join(parts)


@lru_cache(maxsize=8)
def base_layer(width: int = 960, height: int = 620) -> str:
    """The sea and the land, the same for every map of that size: made once."""
    paths = [f'<rect class="map-sea" width="{width}" height="{height}"/>']
    for country_id, rings in _countries():
        data = _path_data(rings, width, height)
        if data:
            css = COUNTRY_CLASSES.get(country_id, "map-land-other")
            paths.append(f'<path class="map-land {css}" d="{data}"/>')
    return '<g class="map-base" aria-hidden="true">' + "".join(paths) + "</g>"


def _safe_url(url: str) -> str:
    """The URL if it is relative or http(s); otherwise "" (no javascript: links)."""
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return ""
    return url.strip() if scheme in ("", "http", "https") else ""


def render_map(
    points: list[MapPoint],
    *,
    title: str,
    width: int = 960,
    height: int = 620,
    statuses: dict[str, str] | None = None,
) -> str:
    """An ``<svg>`` element of North America with one circle per point in BOX.

    ``statuses`` maps a status to its (translated) name, added to each point's
    tooltip. Points outside BOX are left out silently.
    """
    west, south, east, north = BOX
    marks: list[str] = []
    has_links = False
    for point in points:
        if not (west <= point.lon <= east and south <= point.lat <= north):
            continue
        x, y = project(point.lon, point.lat, width, height)
        if not (0 <= x <= width and 0 <= y <= height):
            continue
        status = _UNSAFE_CLASS.sub("-", point.status.lower()) or "unknown"
        name = point.label
        if statuses and point.status in statuses:
            name = f"{point.label} ({statuses[point.status]})"
        circle = (
            f'<circle class="map-point map-status-{escape(status)}" '
            f'cx="{x:.1f}" cy="{y:.1f}" r="{POINT_RADIUS}">'
            f"<title>{escape(name)}</title></circle>"
        )
        url = _safe_url(point.url)
        if url:
            has_links = True
            hit = (
                f'<circle class="map-hit" cx="{x:.1f}" cy="{y:.1f}" '
                f'r="{HIT_RADIUS}" aria-hidden="true"/>'
            )
            circle = f'<a href="{escape(url)}">{hit}{circle}</a>'
        marks.append(circle)
    # role="img" would hide the links from assistive technology (its children are
    # presentational), so a map with links is a group named by its <title>.
    role = "group" if has_links else "img"
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="alianza-map" '
        f'viewBox="0 0 {width} {height}" role="{role}">'
        f"<title>{escape(title)}</title>"
        f"{base_layer(width, height)}"
        f'<g class="map-points">{"".join(marks)}</g></svg>'
    )
