from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from alianza.councils.models import Council
from alianza.orgs.models import Country, Unit
from alianza.solidarity.forms import OwnedForm
from alianza.solidarity.models import SolidarityRequest


class AlertForm(OwnedForm):
    title = forms.CharField(label=_("Subject"), max_length=150)
    body = forms.CharField(
        label=_("Message"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Short: text messages carry the first 300 characters."),
    )
    language = forms.ChoiceField(label=_("Written in"), choices=settings.LANGUAGES)
    units = forms.ModelMultipleChoiceField(
        label=_("Units (and the units below them)"),
        queryset=Unit.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    councils = forms.ModelMultipleChoiceField(
        label=_("Councils"),
        queryset=Council.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    countries = forms.MultipleChoiceField(
        label=_("Countries"),
        choices=Country.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    languages = forms.MultipleChoiceField(
        label=_("Preferred languages"),
        choices=settings.LANGUAGES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    request = forms.ModelChoiceField(
        label=_("About the solidarity request"),
        queryset=SolidarityRequest.objects.none(),
        required=False,
    )

    def __init__(self, *args, units=None, councils=None, requests=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["units"].queryset = units  # type: ignore[attr-defined]
        self.fields["councils"].queryset = councils  # type: ignore[attr-defined]
        self.fields["request"].queryset = requests  # type: ignore[attr-defined]
