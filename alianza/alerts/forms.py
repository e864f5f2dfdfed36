from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from alianza.councils.models import Council
from alianza.lib.forms import StyledForm, ZonedForm
from alianza.notifications.models import Mode
from alianza.orgs.models import Country, Organisation, Unit

from .models import AlertTemplate


class AlertForm(StyledForm):
    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.none(), label=_("For the union")
    )
    title = forms.CharField(label=_("Subject"), max_length=150)
    body = forms.CharField(
        label=_("Message"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "Short is best: a text message longer than three parts is cut at a word,"
            " the rest behind its link."
        ),
    )
    language = forms.ChoiceField(label=_("Written in"), choices=settings.LANGUAGES)
    channels = forms.ChoiceField(
        label=_("Send by"),
        choices=AlertTemplate.Channels.choices,
        initial=AlertTemplate.Channels.BOTH,
    )
    template = forms.ModelChoiceField(
        queryset=AlertTemplate.objects.none(), required=False, widget=forms.HiddenInput
    )
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
    request: forms.ModelChoiceField = forms.ModelChoiceField(
        label=_("About the solidarity request"),
        queryset=None,
        required=False,
    )

    def __init__(
        self,
        *args,
        organisations=None,
        units=None,
        councils=None,
        requests=None,
        templates=None,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        if templates is not None:
            self.fields["template"].queryset = templates  # type: ignore[attr-defined]
        self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]
        if organisations is not None and len(organisations) == 1:
            self.fields["organisation"].initial = organisations[0]
        self.fields["units"].queryset = units  # type: ignore[attr-defined]
        self.fields["councils"].queryset = councils  # type: ignore[attr-defined]
        self.fields["request"].queryset = requests  # type: ignore[attr-defined]


class ReachForm(StyledForm):
    login_email = forms.BooleanField(
        label=_("Send alerts to the e-mail address I sign in with"), required=False
    )
    no_email = forms.BooleanField(label=_("No alerts by e-mail"), required=False)
    no_sms = forms.BooleanField(label=_("No alerts by text message"), required=False)
    quiet_from = forms.TimeField(
        label=_("Quiet hours from"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    quiet_until = forms.TimeField(
        label=_("until"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        help_text=_(
            "No text message is sent in these hours (your time zone); it goes when they end."
        ),
    )
    email_notices = forms.ChoiceField(
        label=_("What waits for me (letters to sign, requests, meetings…) by e-mail"),
        choices=Mode.choices,
        initial=Mode.IMMEDIATE,
        required=False,
    )
    sms_notices = forms.ChoiceField(
        label=_("What waits for me by text message"),
        choices=Mode.choices,
        initial=Mode.IMMEDIATE,
        required=False,
        help_text=_("A daily digest gathers them in one message a day."),
    )


class ScheduleForm(ZonedForm):
    """When a scheduled alert goes, typed on the clock of a named zone."""

    zoned_fields = ("send_at",)

    send_at = forms.DateTimeField(
        label=_("Send at"),
        widget=forms.DateTimeInput(
            attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
        ),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )


class TemplateNameForm(StyledForm):
    name = forms.CharField(label=_("Name of the template"), max_length=120)
