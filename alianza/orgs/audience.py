"""Who may see a record a union writes for others: its audience.

One vocabulary for every kind of record (campaigns, strikes, solidarity requests,
events, letters, documents). The author chooses one of:

- ``leaders``: the administrators, staff and officers of the record's union;
- ``unit``: the members (any role) of one of its units, or of a unit below it;
- ``union``: the members (any role) of the record's union;
- ``alliance``: everyone who belongs to a union taking part in the alliance's joint
  spaces, and the people taking part in a joint space themselves;
- ``public``: everyone (anyone signed in; the public page, where the record has one).

A union's leaders always see their own union's records, whatever the audience.
Who may see is computed in ``alianza.spaces.audience`` (the alliance is its joint
spaces); the words a reader sees are here.
"""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class Audience(models.TextChoices):
    LEADERS = "leaders", _("Leaders of the union")
    UNIT = "unit", _("Members of a unit")
    UNION = "union", _("Members of the union")
    ALLIANCE = "alliance", _("The alliance")
    PUBLIC = "public", _("The public")


def leaders_of(organisation: Any) -> str:
    return str(_("The administrators, staff and officers of %(org)s.")) % {
        "org": organisation
    }


def audience_words(
    audience: str, organisation: Any, unit: Any = None, *, public_page: bool = False
) -> str:
    """The sentence that tells a reader who an audience is."""
    if audience == Audience.UNIT:
        return str(
            _("The members of %(unit)s (%(org)s) and of the units below it.")
        ) % {"unit": unit, "org": organisation}
    if audience == Audience.UNION:
        return str(_("Every member of %(org)s.")) % {"org": organisation}
    if audience == Audience.ALLIANCE:
        return str(
            _(
                "Everyone in the alliance: the members of the unions taking part in "
                "its joint spaces, and the people taking part in them."
            )
        )
    if audience == Audience.PUBLIC:
        if public_page:
            return str(_("Everyone: it is published on a public page."))
        return str(_("Everyone signed in to Alianza."))
    return leaders_of(organisation)


def audience_field(default: str) -> models.CharField:
    """The ``audience`` field, with the default that makes sense for the record."""
    return models.CharField(
        _("who may see it"), max_length=10, choices=Audience.choices, default=default
    )


class AudienceFields:
    """Form fields for choosing an audience: who may see it, and the unit whose
    members may when it is for a unit (one of the author's unions' units)."""

    def add_audience_fields(self, units: Any, default: str) -> None:
        from django import forms

        from .models import Unit

        fields = self.fields  # type: ignore[attr-defined]
        # Left out, the record gets the default that makes sense for it.
        self.default_audience = default
        fields["audience"] = forms.ChoiceField(
            label=_("Who may see it"),
            choices=Audience.choices,
            initial=default,
            required=False,
        )
        fields["audience_unit"] = forms.ModelChoiceField(
            label=_("Members of the unit"),
            queryset=units if units is not None else Unit.objects.none(),
            required=False,
            help_text=_("Only when it is for the members of a unit."),
        )
        for name in ("audience", "audience_unit"):
            css = "form-select"
            fields[name].widget.attrs.setdefault("class", css)

    def clean_audience(self) -> str:
        data = self.cleaned_data  # type: ignore[attr-defined]
        return data.get("audience") or self.default_audience

    def clean_audience_unit(self) -> Any:
        data = self.cleaned_data  # type: ignore[attr-defined]
        unit = data.get("audience_unit")
        if data.get("audience") == Audience.UNIT and unit is None:
            raise ValidationError(_("Choose the unit whose members may see it."))
        return unit


class HasAudience(models.Model):
    """A record written for an audience. Each model declares its ``audience`` with
    its default (``audience_field``) and names its union (``audience_organisation``)."""

    audience = audience_field(Audience.LEADERS)
    audience_unit = models.ForeignKey(
        "orgs.Unit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("members of the unit"),
    )

    class Meta:
        abstract = True

    @property
    def audience_organisation(self) -> Any:
        return self.organisation  # type: ignore[attr-defined]

    @property
    def is_for_a_unit(self) -> bool:
        return self.audience == Audience.UNIT

    @property
    def is_for_the_public(self) -> bool:
        return self.audience == Audience.PUBLIC

    def audience_line(self, *, public_page: bool = False) -> str:
        return audience_words(
            self.audience,
            self.audience_organisation,
            self.audience_unit,
            public_page=public_page,
        )

    def check_audience(self) -> None:
        """Refuse an audience that is not one of the list, a unit audience without
        its unit, and a unit of another organisation; forget a unit the audience
        does not need."""
        check_audience(self.audience, self.audience_unit, self.audience_organisation)
        if self.audience != Audience.UNIT:
            self.audience_unit = None


def check_audience(audience: str, unit: Any, organisation: Any) -> None:
    if audience not in Audience.values:
        raise ValidationError({"audience": _("Choose who may see it.")})
    if audience != Audience.UNIT:
        return
    if unit is None:
        raise ValidationError(
            {"audience_unit": _("Choose the unit whose members may see it.")}
        )
    if organisation is not None and unit.organisation_id != organisation.pk:
        raise ValidationError(
            {"audience_unit": _("Choose one of your own union's units.")}
        )
