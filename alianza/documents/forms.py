from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from alianza.lib.forms import StyledForm
from alianza.orgs.audience import Audience, AudienceFields
from alianza.orgs.models import Organisation, Unit


class UploadForm(AudienceFields, StyledForm):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.none()
    )
    title = forms.CharField(label=_("Title of the document"), max_length=200)
    language = forms.ChoiceField(
        label=_("Language of the document"), choices=settings.LANGUAGES
    )
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    file = forms.FileField(label=_("File"))

    def __init__(self, *args, organisations=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]
        units = (
            Unit.objects.filter(organisation__in=organisations)
            if organisations is not None
            else None
        )
        self.add_audience_fields(units, Audience.LEADERS)


class AudienceForm(AudienceFields, StyledForm):
    """Who may see a document already uploaded."""

    def __init__(self, *args, document=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        units = Unit.objects.filter(organisation_id=document.organisation_id)
        self.add_audience_fields(units, document.audience)
        self.fields["audience_unit"].initial = document.audience_unit_id
