from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from alianza.lib.forms import StyledForm
from alianza.lib.when import zone_choices
from alianza.lib.written import seat_label
from alianza.orgs.models import Organisation, Person

from .models import Body, Seat
from .workflow import motion_state_choices


class SeatForm(StyledForm):
    kind = forms.ChoiceField(label=_("Kind of seat"), choices=Seat.Kind.choices)
    title = forms.CharField(
        label=pgettext_lazy("position", "Title"), max_length=200, required=False
    )
    holder = forms.ModelChoiceField(
        label=_("Holder"),
        queryset=Person.objects.none(),
        required=False,
        help_text=_("Leave empty for a vacant seat."),
    )
    representing = forms.ModelChoiceField(
        label=_("On behalf of"), queryset=Organisation.objects.all()
    )
    alternate_for = forms.ModelChoiceField(
        label=_("Alternate for"),
        queryset=Seat.objects.none(),
        required=False,
        help_text=_("Only for an alternate: the voting member they stand in for."),
    )

    def __init__(self, *args, people=None, body=None, unions=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if unions is not None:
            self.fields["representing"].queryset = unions  # type: ignore[attr-defined]
        self.fields["holder"].queryset = (  # type: ignore[attr-defined]
            people if people is not None else Person.objects.none()
        )
        if body is not None:
            self.fields["alternate_for"].queryset = body.seats.filter(  # type: ignore[attr-defined]
                kind=Seat.Kind.MEMBER
            ).select_related("holder")
        self.fields["alternate_for"].label_from_instance = seat_label  # type: ignore[attr-defined]


class BodyRulesForm(StyledForm):
    """How the body meets and decides; changed by its managers."""

    quorum_rule = forms.ChoiceField(label=_("Quorum"), choices=Body.QuorumRule.choices)
    quorum_number = forms.IntegerField(
        label=_("Fixed quorum"),
        min_value=1,
        required=False,
        help_text=_("Only for a fixed number of voting members."),
    )
    proxy_limit = forms.IntegerField(
        label=_("Proxies one member may carry"),
        min_value=0,
        max_value=20,
        initial=1,
        help_text=_("0 if the body does not allow proxies."),
    )
    motion_supporters = forms.IntegerField(
        label=_("Supporters a motion needs"),
        min_value=0,
        max_value=20,
        initial=1,
        help_text=_("Voting members besides the mover, before it goes on the agenda."),
    )
    motion_states = forms.MultipleChoiceField(
        label=_("States a motion may take"),
        choices=motion_state_choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Submitted, adopted and rejected are always used."),
    )
    time_zone = forms.ChoiceField(
        label=_("Where it usually meets (time zone)"), choices=(), required=False,
        help_text=_("Its meetings' times are typed and shown on this clock."),
    )  # fmt: skip

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["time_zone"].choices = zone_choices(  # type: ignore[attr-defined]
            str(_("Its union's zone (the server's for a joint body)"))
        )


class BodyForm(BodyRulesForm):
    field_order = ["name", "short_name", "kind", "language", "description"]

    name = forms.CharField(label=_("Name"), max_length=200)
    short_name = forms.CharField(label=_("Short name"), max_length=40, required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=Body.Kind.choices)
    language = forms.ChoiceField(
        label=_("Language of the description"), choices=settings.LANGUAGES
    )
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
