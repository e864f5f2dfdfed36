from collections.abc import Iterable

from django.utils.safestring import SafeString, mark_safe

from alianza.lib.mapsvg import MapPoint, render_map

from .models import Representation, Worksite


def worksite_map(sites: Iterable[Worksite], title: str) -> SafeString:
    """The worksites on the offline map, coloured by representation status."""
    statuses = {value: str(label) for value, label in Representation.Status.choices}
    points = [
        MapPoint(
            lon=float(site.longitude),
            lat=float(site.latitude),
            label=f"{site.display_name} · {site.employer.name}",
            status=site.status(),
            url=site.get_absolute_url(),
        )
        for site in sites
        if site.latitude is not None and site.longitude is not None
    ]
    # render_map escapes every label and link it writes.
    return mark_safe(render_map(points, title=title, statuses=statuses))  # noqa: S308
