from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from alianza.employers.models import Employer, Worksite
from alianza.lib.forms import StyledForm
from alianza.lib.money import currency_choices
from alianza.orgs.audience import Audience, AudienceFields
from alianza.orgs.models import Country, Organisation, Person, Unit

from .models import (
    Ask,
    Campaign,
    Event,
    Letter,
    OrganizingTarget,
    PersonalPledge,
    Pledge,
    Signature,
    SolidarityRequest,
    Strike,
    TimelineEntry,
)

DATE = forms.DateInput(attrs={"type": "date"})


def _currencies() -> list[tuple[str, str]]:
    """The currencies of the list, named in the reader's language, after a blank."""
    return [("", "—"), *currency_choices()]


class OrganisationField(forms.ModelChoiceField):
    """The union the person acts for (only those they lead)."""

    def __init__(self, **kwargs) -> None:
        super().__init__(
            queryset=Organisation.objects.none(), label=_("For the union"), **kwargs
        )


class OwnedForm(StyledForm):
    organisation = OrganisationField()

    def __init__(self, *args, organisations=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]
        if organisations is not None and len(organisations) == 1:
            self.fields["organisation"].initial = organisations[0]


class ForAudienceForm(AudienceFields, OwnedForm):
    """A record for one of the person's unions, and who may see it (the default
    audience of ``MODEL``); the unit picker offers those unions' units."""

    MODEL: Any = Campaign

    def __init__(self, *args, organisations=None, **kwargs) -> None:
        super().__init__(*args, organisations=organisations, **kwargs)
        units = (
            Unit.objects.filter(organisation__in=organisations).select_related(
                "organisation"
            )
            if organisations is not None
            else None
        )
        self.add_audience_fields(units, self.MODEL._meta.get_field("audience").default)

    def clean(self):
        data = super().clean() or {}
        unit, organisation = data.get("audience_unit"), data.get("organisation")
        if (
            data.get("audience") == Audience.UNIT
            and unit is not None
            and organisation is not None
            and unit.organisation_id != organisation.pk
        ):
            self.add_error("audience_unit", _("Choose one of your own union's units."))
        return data


class CampaignForm(ForAudienceForm):
    MODEL = Campaign

    kind = forms.ChoiceField(label=_("Kind"), choices=Campaign.Kind.choices)
    title = forms.CharField(label=_("Title"), max_length=200)
    summary = forms.CharField(
        label=_("Summary"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    language = forms.ChoiceField(label=_("Written in"), choices=settings.LANGUAGES)
    started_on = forms.DateField(label=_("Started"), required=False, widget=DATE)
    employer = forms.ModelChoiceField(
        label=_("Target employer"), queryset=Employer.objects.all(), required=False
    )
    worksite = forms.ModelChoiceField(
        label=_("Target worksite"),
        queryset=Worksite.objects.select_related("employer"),
        required=False,
    )
    government = forms.CharField(
        label=_("Target government"), max_length=200, required=False
    )
    comments_open = forms.BooleanField(
        label=_("Open to comments"),
        required=False,
        help_text=_(
            "Whoever may read it may comment; your union's leaders moderate. You may"
            " change this later."
        ),
    )


class TimelineForm(StyledForm):
    kind = forms.ChoiceField(label=_("Kind"), choices=TimelineEntry.Kind.choices)
    happened_on = forms.DateField(label=_("Date"), widget=DATE)
    title = forms.CharField(label=_("What happened"), max_length=300)
    organisation = forms.ModelChoiceField(
        label=_("By"), queryset=Organisation.objects.none(), required=False
    )

    def __init__(self, *args, organisations=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]


class TeamMemberForm(StyledForm):
    person = forms.ModelChoiceField(label=_("Person"), queryset=Person.objects.none())

    def __init__(self, *args, people=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people  # type: ignore[attr-defined]


class StrikeForm(AudienceFields, StyledForm):
    """A strike, and who may see it (by default the union's members); the unit
    picker offers the campaign's union's units."""

    worksite = forms.ModelChoiceField(
        label=_("Worksite"), queryset=Worksite.objects.select_related("employer")
    )
    unit = forms.ModelChoiceField(
        label=_("Unit on strike"), queryset=Unit.objects.select_related("organisation")
    )
    started_on = forms.DateField(label=_("On strike since"), widget=DATE)
    demands = forms.CharField(
        label=_("Demands"), widget=forms.Textarea(attrs={"rows": 4})
    )
    language = forms.ChoiceField(label=_("Written in"), choices=settings.LANGUAGES)

    def __init__(self, *args, units=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.add_audience_fields(units, Strike._meta.get_field("audience").default)


class TargetForm(StyledForm):
    worksite = forms.ModelChoiceField(
        label=_("Worksite"), queryset=Worksite.objects.select_related("employer")
    )
    covered_workers = forms.IntegerField(
        label=_("Covered workers"), min_value=1, required=False
    )


class SupportForm(StyledForm):
    covered_workers = forms.IntegerField(label=_("Covered workers"), min_value=1)
    supporters = forms.IntegerField(label=_("Workers who signed support"), min_value=0)


class StageForm(StyledForm):
    stage = forms.ChoiceField(label=_("Stage"), choices=OrganizingTarget.Stage.choices)


class ContactForm(StyledForm):
    name = forms.CharField(label=_("Name"), max_length=200)
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    position = forms.CharField(label=_("Job or area"), max_length=200, required=False)
    on_committee = forms.BooleanField(
        label=_("On the organizing committee"), required=False
    )


class EventForm(ForAudienceForm):
    MODEL = Event

    kind = forms.ChoiceField(label=_("Kind"), choices=Event.Kind.choices)
    title = forms.CharField(label=_("Title"), max_length=200)
    starts_on = forms.DateField(label=_("Date"), widget=DATE)
    annual = forms.BooleanField(label=_("Every year on this date"), required=False)
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    country = forms.ChoiceField(label=_("Country"), choices=Country.choices)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    language = forms.ChoiceField(label=_("Written in"), choices=settings.LANGUAGES)


class DelegationForm(OwnedForm):
    people = forms.IntegerField(label=_("People"), min_value=1, initial=1)
    note = forms.CharField(label=_("Note"), max_length=300, required=False)


class RequestForm(ForAudienceForm):
    MODEL = SolidarityRequest

    title = forms.CharField(label=_("Title"), max_length=200)
    body = forms.CharField(
        label=_("What we ask"), widget=forms.Textarea(attrs={"rows": 6})
    )
    language = forms.ChoiceField(label=_("Written in"), choices=settings.LANGUAGES)
    audiences = forms.ModelMultipleChoiceField(
        label=_("Ask the unions"),
        queryset=Organisation.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    units = forms.ModelMultipleChoiceField(
        label=_("Or ask these locals and sections"),
        queryset=Unit.objects.filter(
            kind__in=[Unit.Kind.LOCAL, Unit.Kind.SECTION]
        ).select_related("organisation"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    strike = forms.ModelChoiceField(
        label=_("About the strike"), queryset=Strike.objects.none(), required=False
    )
    deadline = forms.DateField(label=_("Answer by"), required=False, widget=DATE)
    comments_open = forms.BooleanField(
        label=_("Open to comments"),
        required=False,
        help_text=_(
            "Whoever may read it may comment; your union's leaders moderate. You may"
            " change this later."
        ),
    )

    def __init__(self, *args, organisations=None, **kwargs) -> None:
        super().__init__(*args, organisations=organisations, **kwargs)
        if organisations is not None:
            self.fields["strike"].queryset = Strike.objects.filter(  # type: ignore[attr-defined]
                campaign__organisation__in=organisations
            ).select_related("worksite", "unit")
            self.fields["units"].queryset = self.fields["units"].queryset.exclude(  # type: ignore[attr-defined]
                organisation__in=organisations
            )
        self.fields["units"].label_from_instance = (  # type: ignore[attr-defined]
            lambda u: f"{u} ({u.organisation.short_name})"
        )


class AskForm(StyledForm):
    kind = forms.ChoiceField(label=_("We ask for"), choices=Ask.Kind.choices)
    description = forms.CharField(label=_("What"), max_length=300)
    target = forms.DecimalField(
        label=_("How much or how many (optional)"), required=False, min_value=0,
        decimal_places=2,
    )  # fmt: skip
    currency = forms.ChoiceField(
        label=_("Currency (donations)"), choices=_currencies, required=False
    )


class ShareForm(StyledForm):
    organisation = forms.ModelChoiceField(
        label=_("Invite the staff of"), queryset=Organisation.objects.none()
    )

    def __init__(self, *args, organisations=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]


class CloseForm(StyledForm):
    result = forms.ChoiceField(
        label=_("Was the request met?"),
        choices=SolidarityRequest.Result.choices,
        widget=forms.RadioSelect,
    )
    outcome = forms.CharField(
        label=_("What came of it"), required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )  # fmt: skip


class PledgeForm(StyledForm):
    pledge_for = forms.ChoiceField(label=_("For"), choices=())
    ask = forms.ModelChoiceField(
        label=_("Answering the ask"), queryset=Ask.objects.none(), required=False
    )
    kind = forms.ChoiceField(label=_("We pledge"), choices=Pledge.Kind.choices)
    description = forms.CharField(label=_("What"), max_length=300)
    amount = forms.DecimalField(
        label=_("Amount (donations)"), required=False, min_value=0, decimal_places=2
    )
    currency = forms.ChoiceField(
        label=_("Currency (donations)"), choices=_currencies, required=False
    )

    def __init__(self, *args, choices=(), asks=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.choices = {c.value: c for c in choices}
        self.fields["pledge_for"].choices = [  # type: ignore[attr-defined]
            (c.value, c.label) for c in choices
        ]
        if len(self.choices) == 1:
            self.fields["pledge_for"].initial = next(iter(self.choices))
        if asks is not None:
            self.fields["ask"].queryset = asks  # type: ignore[attr-defined]

    def clean(self) -> dict:
        data = super().clean() or {}
        chosen = self.choices.get(data.pop("pledge_for", ""))
        if chosen is not None:
            data["organisation"] = chosen.organisation
            data["unit"] = chosen.unit
        return data


class PersonalPledgeForm(StyledForm):
    kind = forms.ChoiceField(
        label=_("I will"), choices=PersonalPledge.Kind.choices, widget=forms.RadioSelect
    )
    note = forms.CharField(label=_("Note (optional)"), max_length=300, required=False)


class LetterForm(ForAudienceForm):
    MODEL = Letter

    title = forms.CharField(label=_("Title"), max_length=200)
    addressee = forms.CharField(label=_("To"), max_length=300, required=False)
    body = forms.CharField(label=_("Text"), widget=forms.Textarea(attrs={"rows": 10}))
    language = forms.ChoiceField(label=_("Written in"), choices=settings.LANGUAGES)
    dated = forms.DateField(label=_("Date"), required=False, widget=DATE)


class SignatoryForm(StyledForm):
    person = forms.ModelChoiceField(
        label=_("Signatory"), queryset=Person.objects.none()
    )
    organisation = forms.ModelChoiceField(
        label=_("For the organisation"), queryset=Organisation.objects.all()
    )
    title = forms.CharField(label=_("Title"), max_length=200, required=False)

    def __init__(self, *args, people=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people  # type: ignore[attr-defined]


# --- Signatures from outside Alianza, and individual names ------------------------


class InviteForm(StyledForm):
    prefix = "invite"  # beside the other forms of the letter's page
    organisation = forms.ModelChoiceField(
        label=_("Co-signing organisation"), queryset=Organisation.objects.all()
    )
    language = forms.ChoiceField(
        label=_("The signatory reads in"), choices=settings.LANGUAGES
    )
    days = forms.IntegerField(
        label=_("The link works for (days)"), min_value=1, max_value=60, initial=14
    )


class RecordSignatureForm(StyledForm):
    prefix = "record"
    organisation = forms.ModelChoiceField(
        label=_("Co-signing organisation"), queryset=Organisation.objects.all()
    )
    name = forms.CharField(label=_("Signatory's name"), max_length=200)
    title = forms.CharField(
        label=pgettext_lazy("position", "Title"), max_length=200, required=False
    )
    method = forms.ChoiceField(
        label=_("Confirmed"),
        choices=[(Signature.Method.EMAIL, _("By e-mail")),
                 (Signature.Method.PAPER, _("On paper"))],
    )  # fmt: skip
    confirmed_on = forms.DateField(label=_("On"), required=False, widget=DATE)
    evidence = forms.FileField(
        label=_("The confirmation"),
        help_text=_("A PDF, a photo or the e-mail (.eml), up to 10 MB."),
    )


class WithdrawForm(StyledForm):
    reason = forms.CharField(label=_("Why"), max_length=500)


class ReplaceForm(StyledForm):
    reason = forms.CharField(label=_("Why"), max_length=500)
    person = forms.ModelChoiceField(
        label=_("New signatory in Alianza"), queryset=Person.objects.none(),
        required=False,
    )  # fmt: skip
    name = forms.CharField(
        label=_("Or the new signatory's name"), max_length=200, required=False
    )
    title = forms.CharField(
        label=pgettext_lazy("position", "Title"), max_length=200, required=False
    )

    def __init__(self, *args, people=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people  # type: ignore[attr-defined]


class SignByInvitationForm(StyledForm):
    name = forms.CharField(label=_("Your name"), max_length=200)
    title = forms.CharField(
        label=pgettext_lazy("position", "Title"), max_length=200, required=False
    )
    agree = forms.BooleanField(
        label=_("I sign this letter for my organisation."), required=False
    )


class AllySignForm(StyledForm):
    name = forms.CharField(label=_("Your name"), max_length=200)
    email = forms.EmailField(label=_("Your e-mail address"))
    country = forms.CharField(label=_("Country"), max_length=100)


class AudienceForm(AudienceFields, StyledForm):
    """Who may see a record already written: its union's leaders change it."""

    def __init__(self, *args, record=None, units=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.add_audience_fields(units, getattr(record, "audience", Audience.LEADERS))
        if record is not None:
            self.fields["audience_unit"].initial = record.audience_unit_id


class CommentForm(StyledForm):
    body = forms.CharField(
        label=_("Your comment"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": 2000}),
        help_text=_(
            "Plain text, up to 2,000 characters. Everyone who reads this page reads it."
        ),
    )


class HideCommentForm(StyledForm):
    reason = forms.CharField(label=_("Why hide it"), max_length=300)
