from allauth.mfa.base.forms import AuthenticateForm as BaseAuthenticateForm
from allauth.mfa.base.forms import ReauthenticateForm as BaseReauthenticateForm
from allauth.mfa.totp.forms import ActivateTOTPForm as BaseActivateTOTPForm
from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from alianza.lib.forms import StyledForm
from alianza.lib.when import zone_choices
from alianza.orgs.address import Address
from alianza.orgs.forms import unit_label
from alianza.orgs.models import Organisation, Person, Unit
from alianza.orgs.roles import Role


class AcceptInvitationForm(StyledForm):
    name = forms.CharField(label=_("Your name"), max_length=200)
    language = forms.ChoiceField(label=_("Your language"), choices=settings.LANGUAGES)
    phone = forms.CharField(
        label=_("Phone (optional)"),
        max_length=32,
        required=False,
        help_text=_("With the country code, for example +52 55 1234 5678."),
    )
    password = forms.CharField(
        label=_("Choose a password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 10 characters, not a common password."),
    )
    password_again = forms.CharField(
        label=_("The password again"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self):
        data = super().clean() or {}
        if data.get("password") != data.get("password_again"):
            self.add_error("password_again", _("The two passwords differ."))
        return data


class AccountSettingsForm(StyledForm):
    language = forms.ChoiceField(
        label=_("Interface language"), choices=settings.LANGUAGES
    )
    time_zone = forms.ChoiceField(
        label=_("Your time zone"), choices=(), required=False,
        help_text=_("Every time is shown on this clock; a meeting elsewhere shows its own clock too."),
    )  # fmt: skip

    address_as = forms.ChoiceField(
        label=_("How you are addressed"),
        choices=[("", _("Not said (the usual form)")), *Address.choices],
        required=False,
        help_text=_(
            "Spanish and French role names agree with it: observadora or "
            "observador, déléguée or délégué."
        ),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["time_zone"].choices = zone_choices()  # type: ignore[attr-defined]


class TokenForm(StyledForm):
    name = forms.CharField(
        label=_("Token name"),
        max_length=100,
        help_text=_("What will use it, for example “district spreadsheet”."),
    )


class InvitationForm(StyledForm):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.none()
    )
    name = forms.CharField(label=_("Name"), max_length=200)
    email = forms.EmailField(label=_("E-mail"))
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, initial=Role.MEMBER)
    unit = forms.ModelChoiceField(
        label=_("Unit"), queryset=Unit.objects.none(), required=False
    )
    language = forms.ChoiceField(
        label=_("Language of the invitation"), choices=settings.LANGUAGES
    )
    person = forms.ModelChoiceField(
        queryset=Person.objects.filter(user__isnull=True),
        required=False,
        widget=forms.HiddenInput,
    )

    def __init__(self, *args, organisations=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]
        self.fields["unit"].queryset = Unit.objects.filter(  # type: ignore[attr-defined]
            organisation__in=organisations
        ).select_related("organisation")
        self.fields["unit"].label_from_instance = unit_label  # type: ignore[attr-defined]


# The two-factor code: a phone shows its number keypad (``inputmode``; ``pattern``
# for older iPhones) and offers the code a text message or an authenticator app
# just gave it (``autocomplete``). Recovery codes are digits too.
ONE_TIME_CODE = {
    "inputmode": "numeric",
    "autocomplete": "one-time-code",
    "pattern": "[0-9]*",
}


class AuthenticateForm(BaseAuthenticateForm):
    """The code asked after the password (MFA_FORMS["authenticate"])."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["code"].widget.attrs.update(ONE_TIME_CODE)


class ReauthenticateForm(BaseReauthenticateForm):
    """The code asked again before a sensitive change."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["code"].widget.attrs.update(ONE_TIME_CODE)


class ActivateTOTPForm(BaseActivateTOTPForm):
    """The first code of a new authenticator app."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["code"].widget.attrs.update(ONE_TIME_CODE)
