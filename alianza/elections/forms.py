from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from alianza.documents.models import Document
from alianza.lib.forms import StyledForm, ZonedForm
from alianza.lib.tabular import size_problem
from alianza.lib.written import in_reader_language
from alianza.orgs.models import Person

from .models import Election, ParticipationAudience, Role
from .outcome import kinds_for
from .roll_lines import MAX_BYTES


class ElectionForm(ZonedForm):
    """The opening and closing times are typed on the vote's clock."""

    zoned_fields = ("opens_at", "closes_at")

    kind = forms.ChoiceField(label=_("Kind of vote"), choices=Election.Kind.choices)
    title = forms.CharField(label=_("Title"), max_length=200)
    question = forms.CharField(label=_("Question on the ballot"), max_length=400)
    answers = forms.CharField(
        label=_("Candidates (one per line)"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text=_("Only for an election of officers; other votes are yes or no."),
    )
    choose_max = forms.IntegerField(
        label=_("Seats to fill"), min_value=1, initial=1,
        help_text=_("Only for an election of officers."),
    )  # fmt: skip
    language = forms.ChoiceField(
        label=_("Language of the ballot"), choices=settings.LANGUAGES
    )
    covered_workers = forms.IntegerField(
        label=_("Covered workers"), min_value=1, required=False,
        help_text=_("For agreements, legitimation and representation certificates: the rule counts them."),
    )  # fmt: skip
    contract_document = forms.ModelChoiceField(
        label=_("Text of the agreement"),
        queryset=Document.objects.none(),
        required=False,
    )
    notice_on = forms.DateField(
        label=_("Voters notified, with the text, on"), required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )  # fmt: skip
    roll_published_on = forms.DateField(
        label=_("Roll published to the members on"), required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("For an election of officers in Mexico: at least three days before the vote."),
    )  # fmt: skip
    time_zone = forms.ChoiceField(
        label=_("Time zone of the vote"), choices=(), required=False,
        help_text=_("The opening and closing times are on this clock."),
    )  # fmt: skip
    place = forms.CharField(
        label=_("Place of the vote"), max_length=200, required=False,
        help_text=_("Where voters may vote in person, besides the booth's link."),
    )  # fmt: skip
    registry_number = forms.CharField(
        label=_("Registry number"), max_length=80, required=False,
        help_text=_("The labour registry's number of the collective agreement or of the union's registration, when known; it is written on the acta."),
    )  # fmt: skip
    participation_visible_to = forms.ChoiceField(
        label=_("Who may see the list of who voted"),
        choices=ParticipationAudience.choices,
        initial=ParticipationAudience.OFFICIALS,
        required=False,
        help_text=_("The participation export and the statuses on the polling-table console; never how anyone voted."),
    )  # fmt: skip
    opens_at = forms.DateTimeField(
        label=_("Opens"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    closes_at = forms.DateTimeField(
        label=_("Closes"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    revote = forms.BooleanField(
        label=_("Voters may vote again until the close (the last ballot counts)"),
        required=False, initial=True,
    )  # fmt: skip
    trustee_count = forms.IntegerField(
        label=_("Trustees"), min_value=1, max_value=9, initial=3
    )
    threshold = forms.IntegerField(
        label=_("Trustees needed to decrypt"), min_value=1, max_value=9, initial=2
    )

    def __init__(self, *args, organisation=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if organisation is not None:
            self.fields["kind"].choices = kinds_for(organisation.countries)  # type: ignore[attr-defined]
            self.fields["contract_document"].queryset = Document.objects.filter(  # type: ignore[attr-defined]
                organisation=organisation
            )
        # The agreement's title in the language of the person choosing it.
        document = self.fields["contract_document"]
        document.label_from_instance = in_reader_language("title")  # type: ignore[attr-defined]

    def clean_participation_visible_to(self) -> str:
        # Not chosen: the default, the election's administrators and observers.
        return self.cleaned_data["participation_visible_to"] or str(
            ParticipationAudience.OFFICIALS
        )

    def clean_answers(self) -> list[str]:
        return [
            a.strip() for a in self.cleaned_data["answers"].splitlines() if a.strip()
        ]


class JointBallotForm(StyledForm):
    """A joint body's secret ballot outside a meeting: a yes-or-no question to its
    voting seats."""

    title = ElectionForm.base_fields["title"]
    question = ElectionForm.base_fields["question"]
    language = ElectionForm.base_fields["language"]
    opens_at = ElectionForm.base_fields["opens_at"]
    closes_at = ElectionForm.base_fields["closes_at"]
    trustee_count = ElectionForm.base_fields["trustee_count"]
    threshold = ElectionForm.base_fields["threshold"]


class RoleForm(StyledForm):
    person = forms.ModelChoiceField(label=_("Person"), queryset=Person.objects.none())
    kind = forms.ChoiceField(label=_("Part"), choices=Role.Kind.choices)

    def __init__(self, *args, people=None, joint=False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = (  # type: ignore[attr-defined]
            people if people is not None else Person.objects.none()
        )
        if joint:  # run by its coordinating unions: no administrator of its own
            self.fields["kind"].choices = [  # type: ignore[attr-defined]
                (value, label)
                for value, label in Role.Kind.choices
                if value != Role.Kind.ADMINISTRATOR
            ]


class RollForm(StyledForm):
    file = forms.FileField(
        label=_("Voter roll (CSV or XLSX)"),
        help_text=_(
            "Columns: name, worker_number, curp, email, phone, language, weight."
        ),
    )

    def clean_file(self):
        """The size is checked before the file is read."""
        upload = self.cleaned_data["file"]
        problem = size_problem(upload.size, MAX_BYTES)
        if problem:
            raise forms.ValidationError(problem)
        return upload


class AuthorityKeyForm(StyledForm):
    public_key = forms.CharField(
        label=_("The authority's public key"),
        max_length=64,
        help_text=_("Printed by “python -m votecore.authority key”."),
    )


class ReplacementForm(StyledForm):
    """The signed event the authority's program prints; it holds the new public
    credential, never a secret code."""

    replacement = forms.CharField(
        label=_("The replacement from the authority's program"),
        widget=forms.Textarea(attrs={"rows": 4, "spellcheck": "false"}),
        help_text=_(
            "Printed by “python -m votecore.authority replace”: the old and new "
            "public credentials, the reason and the authority's signature."
        ),
    )

    def clean_replacement(self) -> dict:
        import json

        try:
            value = json.loads(self.cleaned_data["replacement"])
        except ValueError as exc:
            raise forms.ValidationError(
                _("Paste the line the program printed.")
            ) from exc
        if not isinstance(value, dict):
            raise forms.ValidationError(_("Paste the line the program printed."))
        return value


class ProvisionalForm(StyledForm):
    name = forms.CharField(label=_("Her name"), max_length=200)
    curp = forms.CharField(label="CURP", max_length=18, required=False)
    reason = forms.CharField(
        label=_("Why she is not on the roll"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    credential = forms.CharField(
        label=_("Her public credential"),
        max_length=64,
        help_text=_(
            "Drawn on this device with her secret code (the button below); give her "
            "the code, Alianza receives only this."
        ),
    )


class DecisionForm(StyledForm):
    accepted = forms.TypedChoiceField(
        choices=[("yes", _("Accept")), ("no", _("Reject"))],
        coerce=lambda value: value == "yes",
    )


class CheckInForm(StyledForm):
    """A worker checked in; an assistant only when she votes assisted."""

    voter = forms.IntegerField(widget=forms.HiddenInput)
    assistant_name = forms.CharField(
        label=_("Assistant chosen by the worker (if she votes assisted)"),
        max_length=200,
        required=False,
        help_text=_("Never an administrator or observer of this election."),
    )
    assistant_statement = forms.CharField(
        label=_("The worker's statement"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("In her words: that she asked this person to help her vote."),
    )


class IncidentForm(StyledForm):
    text = forms.CharField(
        label=_("What happened"), widget=forms.Textarea(attrs={"rows": 2})
    )
