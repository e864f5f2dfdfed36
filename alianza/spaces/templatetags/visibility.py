from django import template

from ..models import Share

register = template.Library()


@register.inclusion_tag("spaces/who_can_see.html")
def who_can_see(record):
    """The panel every record page shows: who can read this record, and why."""
    shares = list(
        Share.objects.active().of(record).select_related("space", "shared_by")
    )
    return {"lines": record.audience_lines(), "shares": shares}
