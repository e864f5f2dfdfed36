"""Bodies shown on pages of lower apps, which may not import bodies themselves."""

from django import template

from ..selectors import visible_bodies

register = template.Library()


@register.simple_tag(takes_context=True)
def bodies_of(context, organisation):
    """The organisation's bodies that the reader may see."""
    return visible_bodies(context["request"].user).filter(organisation=organisation)
