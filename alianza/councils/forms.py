from django import forms
from django.utils.translation import gettext_lazy as _

from alianza.lib.forms import StyledForm
from alianza.orgs.models import Country, Unit


class MeetingForm(StyledForm):
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
    online_url = forms.URLField(label=_("Online link"), required=False)

    def __init__(self, *args, council=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["host_unit"].queryset = Unit.objects.filter(  # type: ignore[attr-defined]
            councils__council=council
        ).select_related("organisation")
