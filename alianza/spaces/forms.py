from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from alianza.lib.forms import StyledForm
from alianza.lib.written import in_reader_language
from alianza.orgs.models import Organisation

from .models import JointSpace, Participant
from .selectors import content_type_id, visible_spaces


class ParticipantForm(StyledForm):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.order_by("name")
    )
    role = forms.ChoiceField(label=_("Role"), choices=Participant.Role.choices)
    title = forms.CharField(
        label=pgettext_lazy("position", "Title"), max_length=200, required=False
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
        self.fields["space"].label_from_instance = in_reader_language("name")  # type: ignore[attr-defined]


def share_panel(user, record, may_share: bool, spaces=None) -> dict:
    """What the share card (``spaces/_share_card.html``) needs beside the record: a
    form to share it into a joint space the person takes part in (only if she may
    share it and has one), and the id that names the record's kind."""
    if spaces is None:
        spaces = visible_spaces(user)
    return {
        "share_form": ShareForm(spaces=spaces)
        if may_share and spaces.exists()
        else None,
        "content_type": content_type_id(type(record)),
    }
