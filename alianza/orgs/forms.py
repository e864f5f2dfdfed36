from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from alianza.lib.forms import StyledForm
from alianza.lib.when import zone_choices

from .address import Address
from .models import Country, Organisation, Unit
from .roles import Role


def unit_label(unit: Unit) -> str:
    return f"{unit.organisation} · {unit.name}"


class PersonForm(StyledForm):
    name = forms.CharField(label=_("Name"), max_length=200)
    country = forms.ChoiceField(label=_("Country"), choices=Country.choices)
    preferred_language = forms.ChoiceField(
        label=_("Preferred language"), choices=settings.LANGUAGES
    )
    languages_spoken = forms.MultipleChoiceField(
        label=_("Languages spoken"),
        choices=settings.LANGUAGES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    address_as = forms.ChoiceField(
        label=_("How to address this person"),
        choices=[("", _("Not said (the usual form)")), *Address.choices],
        required=False,
        help_text=_(
            "Spanish and French role names agree with it: observadora, déléguée."
        ),
    )
    email = forms.CharField(
        label=_("E-mail"),
        required=False,
        max_length=254,
        help_text=_("Optional: a phone number is enough."),
    )
    phone = forms.CharField(
        label=_("Phone"),
        required=False,
        max_length=32,
        help_text=_("With the country code, for example +52 55 1234 5678."),
    )

    def contacts(self) -> list[tuple[str, str]]:
        return [
            ("email", self.cleaned_data["email"]),
            ("phone", self.cleaned_data["phone"]),
        ]


class NewPersonForm(PersonForm):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.none()
    )
    unit = forms.ModelChoiceField(
        label=_("Unit"), queryset=Unit.objects.none(), required=False
    )
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, initial=Role.MEMBER)
    title = forms.CharField(
        label=pgettext_lazy("position", "Title"), max_length=200, required=False
    )

    def __init__(self, *args, organisations=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]
        self.fields["unit"].queryset = Unit.objects.filter(  # type: ignore[attr-defined]
            organisation__in=organisations
        ).select_related("organisation")
        self.fields["unit"].label_from_instance = unit_label  # type: ignore[attr-defined]
        self.order_fields(["organisation", "unit", "role", "title"])

    def clean(self):
        data = super().clean() or {}
        unit, org = data.get("unit"), data.get("organisation")
        if unit and org and unit.organisation_id != org.pk:
            self.add_error("unit", _("This unit belongs to another organisation."))
        return data


class RoleForm(StyledForm):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)


class UnitForm(StyledForm):
    kind = forms.ChoiceField(label=_("Kind"), choices=Unit.Kind.choices)
    name = forms.CharField(label=_("Name"), max_length=200)
    number = forms.CharField(label=_("Number"), max_length=20, required=False)
    parent = forms.ModelChoiceField(
        label=_("Part of"),
        queryset=Unit.objects.none(),
        required=False,
        help_text=_("For example the district a local belongs to."),
    )
    country = forms.ChoiceField(label=_("Country"), choices=Country.choices)
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    time_zone = forms.ChoiceField(
        label=_("Time zone"), choices=(), required=False,
        help_text=_("Its meetings and its people's times are on this clock."),
    )  # fmt: skip

    def __init__(self, *args, organisation: Organisation, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = organisation.units.all()  # type: ignore[attr-defined]
        self.fields["time_zone"].choices = zone_choices(  # type: ignore[attr-defined]
            str(_("The usual zone of its place"))
        )


class ZoneForm(StyledForm):
    """A union's or a unit's clock; ``blank`` names what the empty choice means."""

    time_zone = forms.ChoiceField(label=_("Time zone"), choices=(), required=False)

    def __init__(self, *args, blank: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["time_zone"].choices = zone_choices(blank)  # type: ignore[attr-defined]
