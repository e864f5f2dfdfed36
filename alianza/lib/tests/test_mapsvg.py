"""The server-drawn SVG map: projection, points, escaping, no inline styles, size."""

import re
import xml.etree.ElementTree as ET

from alianza.lib.mapsvg import (
    BOX,
    DATA,
    MapPoint,
    base_layer,
    frame,
    project,
    render_map,
)

SVG = "{http://www.w3.org/2000/svg}"
SIZE_LIMIT = 250_000  # bytes of SVG for the default 960 x 620 map

CANANEA = MapPoint(-110.3, 30.99, "Cananea, Sonora", "on_strike", "/employers/1/")
HAYDEN = MapPoint(-110.78, 33.0, "Hayden <&> Arizona", "represented")


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # our own output, and it must be well-formed


def circles(svg: str) -> list[ET.Element]:
    """The points drawn (not the invisible targets around linked ones)."""
    return [
        c
        for c in parse(svg).iter(f"{SVG}circle")
        if "map-point" in c.get("class", "").split()
    ]


def test_projection_puts_south_below_and_west_left() -> None:
    mexico_city, chicago = project(-99.13, 19.43), project(-87.63, 41.88)
    vancouver, montreal = project(-123.1, 49.28), project(-73.57, 45.5)
    assert mexico_city[1] > chicago[1]  # SVG y grows downward
    assert vancouver[0] < montreal[0]


def test_projection_fits_the_box_into_the_viewbox() -> None:
    west, south, east, north = BOX
    for lon in (west, -100.0, east):
        for lat in (south, 40.0, north):
            x, y = project(lon, lat)
            assert -0.01 <= x <= 960.01 and -0.01 <= y <= 620.01
    x0, y0, x1, y1 = frame()
    assert x0 < x1 and y0 < y1
    # the frame fills the width or the height exactly
    left, top = project(-170.0, 7.0)[0], project(-170.0, 75.0)[1]
    assert round(left, 6) == 0 or round(top, 6) == 0


def test_points_become_circles_with_status_classes_and_titles() -> None:
    svg = render_map([CANANEA, HAYDEN], title="Sites")
    found = circles(svg)
    assert len(found) == 2
    classes = {c.get("class") for c in found}
    assert classes == {
        "map-point map-status-on_strike",
        "map-point map-status-represented",
    }
    titles = {c.find(f"{SVG}title").text for c in found}
    assert titles == {"Cananea, Sonora", "Hayden <&> Arizona"}
    assert "Hayden &lt;&amp;&gt; Arizona" in svg
    assert "<&>" not in svg


def test_point_with_url_is_a_link_and_without_is_not() -> None:
    svg = render_map([CANANEA, HAYDEN], title="Sites")
    links = list(parse(svg).iter(f"{SVG}a"))
    assert len(links) == 1
    assert links[0].get("href") == "/employers/1/"
    drawn = links[0].find(f"{SVG}circle[@class='map-point map-status-on_strike']")
    assert drawn.find(f"{SVG}title").text == CANANEA.label


def test_a_linked_point_has_a_finger_sized_target_around_it() -> None:
    svg = render_map([CANANEA, HAYDEN], title="Sites")
    (link,) = parse(svg).iter(f"{SVG}a")
    hit, dot = link.findall(f"{SVG}circle")
    assert hit.get("class") == "map-hit" and hit.get("aria-hidden") == "true"
    assert (hit.get("cx"), hit.get("cy")) == (dot.get("cx"), dot.get("cy"))
    assert float(hit.get("r")) > float(dot.get("r"))
    # The point without a link has no target.
    assert len(list(parse(svg).iter(f"{SVG}circle"))) == 3


def test_unsafe_urls_are_not_linked() -> None:
    point = MapPoint(-110.3, 30.99, "x", "represented", "javascript:alert(1)")
    svg = render_map([point], title="Sites")
    assert "<a " not in svg and "javascript" not in svg


def test_quotes_in_url_and_status_cannot_break_out() -> None:
    point = MapPoint(-110.3, 30.99, "x", 'on" onclick="x', '/a?b="c"&d')
    svg = render_map([point], title="Sites")
    parse(svg)  # still well-formed
    assert "onclick=" not in svg
    assert 'href="/a?b=&quot;c&quot;&amp;d"' in svg


def test_status_names_join_the_tooltip() -> None:
    svg = render_map([CANANEA], title="Sites", statuses={"on_strike": "En huelga"})
    assert circles(svg)[0].find(f"{SVG}title").text == "Cananea, Sonora (En huelga)"


def test_points_outside_the_box_are_dropped() -> None:
    europe = MapPoint(10.0, 50.0, "Europe", "represented")
    svg = render_map([CANANEA, europe], title="Sites")
    assert len(circles(svg)) == 1
    assert "Europe" not in svg
    assert len(circles(render_map([europe], title="Sites"))) == 0


def test_svg_is_accessible_and_has_no_inline_style() -> None:
    svg = render_map([HAYDEN, CANANEA], title='Work <"sites">')
    root = parse(svg)
    assert root.tag == f"{SVG}svg"
    assert root.get("viewBox") == "0 0 960 620"
    assert root.find(f"{SVG}title").text == 'Work <"sites">'
    assert root.get("role") == "group"  # it holds a link
    assert render_map([HAYDEN], title="t").count('role="img"') == 1
    assert "style=" not in svg
    for attribute in ("fill=", "stroke=", "<style"):
        assert attribute not in svg


def test_the_three_countries_have_their_own_paths() -> None:
    svg = render_map([], title="Sites")
    for country in ("ca", "us", "mx"):
        assert svg.count(f'class="map-land map-land-{country}"') == 1
    assert 'class="map-land map-land-other"' in svg
    paths = list(parse(svg).iter(f"{SVG}path"))
    assert all(re.fullmatch(r"(M[-0-9. ]+Z)+", p.get("d", "")) for p in paths)


def test_size_and_caching() -> None:
    svg = render_map([CANANEA, HAYDEN], title="Sites")
    assert len(svg.encode()) < SIZE_LIMIT
    assert base_layer(960, 620) is base_layer(960, 620)
    assert DATA.stat().st_size < 1_500_000


def test_other_sizes_keep_the_geography() -> None:
    svg = render_map([CANANEA], title="Sites", width=480, height=480)
    root = parse(svg)
    assert root.get("viewBox") == "0 0 480 480"
    x, y = project(CANANEA.lon, CANANEA.lat, 480, 480)
    assert 0 < x < 480 and 0 < y < 480
