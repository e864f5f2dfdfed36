from django import forms
from django.utils.translation import gettext_lazy as _

from alianza.lib.forms import StyledForm
from alianza.orgs.models import Organisation, Person
from alianza.spaces.models import JointSpace

from .models import Seat


class SeatForm(StyledForm):
    kind = forms.ChoiceField(label=_("Kind of seat"), choices=Seat.Kind.choices)
    title = forms.CharField(label=_("Title"), max_length=200, required=False)
    holder = forms.ModelChoiceField(
        label=_("Holder"),
        queryset=Person.objects.none(),
        required=False,
        help_text=_("Leave empty for a vacant seat."),
    )
    representing = forms.ModelChoiceField(
        label=_("On behalf of"), queryset=Organisation.objects.all()
    )

    def __init__(self, *args, people=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["holder"].queryset = (  # type: ignore[attr-defined]
            people if people is not None else Person.objects.none()
        )


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
