from django import forms
from django.utils.translation import gettext_lazy as _

from alianza.lib.forms import StyledForm
from alianza.orgs.models import Organisation

from .models import JointSpace, Participant


class ParticipantForm(StyledForm):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.order_by("name")
    )
    role = forms.ChoiceField(label=_("Role"), choices=Participant.Role.choices)
    title = forms.CharField(label=_("Title"), max_length=200, required=False)


class ShareForm(StyledForm):
    space: forms.ModelChoiceField = forms.ModelChoiceField(
        label=_("Joint space"), queryset=JointSpace.objects.none()
    )
    note = forms.CharField(
        label=_("Note for the participants"), max_length=300, required=False
    )

    def __init__(self, *args, spaces=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["space"].queryset = spaces  # type: ignore[attr-defined]
