from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from alianza.lib.forms import StyledForm, ZonedForm
from alianza.lib.when import guess_zone
from alianza.orgs.models import Country, Person, Unit

from .models import CouncilPost


class MeetingForm(ZonedForm):
    """The times are typed on the host's clock unless another zone is chosen."""

    zoned_fields = ("starts_at", "ends_at")

    starts_at = forms.DateTimeField(
        label=_("Starts"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    ends_at = forms.DateTimeField(
        label=_("Ends"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    country = forms.ChoiceField(label=_("Host country"), choices=Country.choices)
    host_unit = forms.ModelChoiceField(
        label=_("Host unit"), queryset=Unit.objects.none(), required=False
    )
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    online_url = forms.URLField(
        label=_("Online link"), required=False, assume_scheme="https"
    )

    def __init__(self, *args, council=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["host_unit"].queryset = Unit.objects.filter(  # type: ignore[attr-defined]
            councils__council=council
        ).select_related("organisation")

    def usual_zone(self, data: dict) -> str:
        host = data.get("host_unit")
        if host is not None:
            return host.zone_key
        return guess_zone(data.get("country", ""), data.get("place", ""))


class PostForm(StyledForm):
    kind = forms.ChoiceField(label=_("Kind"), choices=CouncilPost.Kind.choices)
    title = forms.CharField(label=_("Headline"), max_length=200)
    body = forms.CharField(label=_("Text"), widget=forms.Textarea(attrs={"rows": 4}))
    language = forms.ChoiceField(label=_("Written in"), choices=settings.LANGUAGES)


class ActionItemForm(StyledForm):
    title = forms.CharField(label=_("What"), max_length=300)
    owner = forms.ModelChoiceField(label=_("Owner"), queryset=Person.objects.none())
    due_on = forms.DateField(
        label=_("Due"), widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, people=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = people  # type: ignore[attr-defined]


class UnitChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return (
            f"{obj.organisation.short_name} · {obj.name} ({obj.get_country_display()})"
        )


class MemberUnitForm(StyledForm):
    unit = UnitChoice(label=_("Unit"), queryset=Unit.objects.none())

    def __init__(self, *args, units=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]
