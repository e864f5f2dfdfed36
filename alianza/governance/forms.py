from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from alianza.lib.forms import StyledForm, ZonedForm
from alianza.lib.written import in_reader_language
from alianza.orgs.models import Person

from . import secret
from .models import AgendaItem, FollowUp, Forwarding, Meeting, Vote


class MeetingForm(ZonedForm):
    """The start is typed on the clock of the place the meeting is held."""

    zoned_fields = ("starts_at",)

    title = forms.CharField(label=_("Title of the meeting"), max_length=200)
    starts_at = forms.DateTimeField(
        label=_("Starts"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    mode = forms.ChoiceField(label=_("Mode"), choices=Meeting.Mode.choices)
    place = forms.CharField(label=_("Place or link"), max_length=200, required=False)
    language = forms.ChoiceField(
        label=_("Language of the meeting"), choices=settings.LANGUAGES
    )


class MotionForm(StyledForm):
    text = forms.CharField(
        label=_("Text of the motion"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Each line is numbered, for amendments."),
    )
    language = forms.ChoiceField(label=_("Written in"), choices=settings.LANGUAGES)
    agenda_item = forms.ModelChoiceField(
        label=_("Agenda item"), queryset=AgendaItem.objects.none(), required=False
    )

    def __init__(self, *args, meeting: Meeting | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if meeting is not None:
            self.fields["agenda_item"].queryset = meeting.agenda.all()  # type: ignore[attr-defined]
        self.fields["agenda_item"].label_from_instance = in_reader_language("title")  # type: ignore[attr-defined]


class OpenVoteForm(StyledForm):
    method = forms.ChoiceField(label=_("Method"), choices=Vote.Method.choices)
    threshold = forms.ChoiceField(label=_("Rule"), choices=Vote.Threshold.choices)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if secret.provider() is None:  # offered only when elections can hold it
            self.fields["method"].choices = [  # type: ignore[attr-defined]
                c for c in Vote.Method.choices if c[0] != Vote.Method.SECRET
            ]


class AgendaItemForm(StyledForm):
    title = forms.CharField(label=_("Item"), max_length=300)
    minutes = forms.IntegerField(
        label=_("Duration (minutes)"), min_value=1, max_value=600, initial=10
    )
    parent = forms.ModelChoiceField(
        label=_("Under"), queryset=AgendaItem.objects.none(), required=False
    )

    def __init__(self, *args, meeting: Meeting, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = meeting.agenda.all()  # type: ignore[attr-defined]
        self.fields["parent"].label_from_instance = in_reader_language("title")  # type: ignore[attr-defined]


class AmendmentForm(StyledForm):
    line_from = forms.IntegerField(label=_("From line"), min_value=1)
    line_to = forms.IntegerField(label=_("To line"), min_value=1)
    text = forms.CharField(
        label=_("New text for those lines (empty to strike them)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )
    language = forms.ChoiceField(label=_("Written in"), choices=settings.LANGUAGES)


class FollowUpForm(StyledForm):
    task = forms.CharField(label=_("What is to be done"), max_length=300)
    owner = forms.ModelChoiceField(label=_("Owner"), queryset=Person.objects.none())
    due_on = forms.DateField(
        label=_("Due"), widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, people=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = (  # type: ignore[attr-defined]
            people if people is not None else Person.objects.none()
        )


class FollowUpUpdateForm(StyledForm):
    status = forms.ChoiceField(label=_("Status"), choices=FollowUp.Status.choices)
    progress = forms.IntegerField(label=_("Progress (%)"), min_value=0, max_value=100)
    note = forms.CharField(label=_("Note"), max_length=300, required=False)


class DecisionForm(StyledForm):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[c for c in Forwarding.Decision.choices if c[0] != "pending"],
    )
    decided_on = forms.DateField(
        label=_("Decided on"), widget=forms.DateInput(attrs={"type": "date"})
    )
    note = forms.CharField(
        label=_("Note"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )


class MinutesForm(StyledForm):
    text = forms.CharField(
        label=_("Minutes"), widget=forms.Textarea(attrs={"rows": 24})
    )
