from django import forms
from django.utils.translation import gettext_lazy as _

from alianza.lib.forms import StyledForm
from alianza.orgs.models import Organisation

from .models import Participant


class ParticipantForm(StyledForm):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.order_by("name")
    )
    role = forms.ChoiceField(label=_("Role"), choices=Participant.Role.choices)
    title = forms.CharField(label=_("Title"), max_length=200, required=False)
