from decimal import Decimal

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from alianza.employers.models import Employer, Worksite
from alianza.lib.forms import StyledForm
from alianza.lib.money import currency_choices
from alianza.orgs.models import Country, Organisation, Unit

from .models import Agreement, Clause, Currency, Proposal, Topic, WageRate

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class AgreementForm(StyledForm):
    organisation = forms.ModelChoiceField(
        label=_("Union"), queryset=Organisation.objects.none()
    )
    unit = forms.ModelChoiceField(
        label=_("Unit"), queryset=Unit.objects.none(), required=False
    )
    employer = forms.ModelChoiceField(label=_("Employer"), queryset=Employer.objects)
    worksites = forms.ModelMultipleChoiceField(
        label=_("Worksites"),
        queryset=Worksite.objects.select_related("employer"),
        required=False,
    )
    title = forms.CharField(label=_("Title"), max_length=200)
    country = forms.ChoiceField(label=_("Country"), choices=Country.choices)
    language = forms.ChoiceField(
        label=_("Language of the text"), choices=settings.LANGUAGES
    )
    effective_on = forms.DateField(label=_("Effective"), widget=DATE, required=False)
    expires_on = forms.DateField(label=_("Expires"), widget=DATE, required=False)
    parties = forms.CharField(label=_("Parties"), max_length=300, required=False)
    coverage = forms.CharField(label=_("Coverage"), max_length=300, required=False)
    covered_workers = forms.IntegerField(
        label=_("Workers covered"), min_value=0, required=False
    )
    annual_increases = forms.CharField(
        label=_("General wage increase per year (%)"),
        required=False,
        help_text=_("One figure per year of the agreement, e.g. 4, 3.5, 3."),
    )
    registry_number = forms.CharField(
        label=_("File number at the labour registry"),
        max_length=100,
        required=False,
        help_text=_("Mexico: the file at the Federal Centre for Conciliation and "
                    "Labour Registration."),
    )  # fmt: skip
    legitimation = forms.ChoiceField(
        label=_("Legitimation"), choices=Agreement.Legitimation.choices, required=False
    )
    legitimation_vote_url = forms.CharField(
        label=_("Link to the legitimation vote"), max_length=300, required=False
    )
    replaces = forms.ModelChoiceField(
        label=_("New version of"), queryset=Agreement.objects.none(), required=False
    )
    remind_days_before = forms.IntegerField(
        label=_("Remind this many days before expiry"),
        min_value=0,
        max_value=1000,
        initial=120,
    )
    file = forms.FileField(
        label=_("File"),
        required=False,
        help_text=_("PDF, Word (.docx), text, or scanned pages (PNG, JPEG, TIFF)."),
    )
    text = forms.CharField(
        label=_("Or paste the text"),
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
    )

    def __init__(self, *args, organisations=None, agreements=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]
        self.fields["unit"].queryset = Unit.objects.filter(  # type: ignore[attr-defined]
            organisation__in=organisations
        )
        self.fields["replaces"].queryset = agreements  # type: ignore[attr-defined]

    def clean_annual_increases(self) -> list[Decimal]:
        raw = self.cleaned_data.get("annual_increases", "")
        values = []
        for piece in raw.replace(";", " ").replace(",", " ").split():
            try:
                values.append(Decimal(piece))
            except ArithmeticError as error:
                raise forms.ValidationError(
                    _("Write the increases as numbers separated by commas.")
                ) from error
        return values

    def clean(self) -> dict:
        data = super().clean() or {}
        if not data.get("file") and not (data.get("text") or "").strip():
            raise forms.ValidationError(_("Upload a file or paste the text."))
        return data


class TopicForm(StyledForm):
    topic = forms.ChoiceField(label=_("Topic"), choices=Topic.choices)


def _currencies(but: str = "") -> list[tuple[str, str]]:
    """The currencies wages are compared in, named in the reader's language."""
    return [c for c in currency_choices() if c[0] in Currency.values and c[0] != but]


class WageForm(StyledForm):
    classification = forms.CharField(label=_("Classification"), max_length=200)
    amount = forms.DecimalField(label=_("Amount"), max_digits=12, decimal_places=2)
    currency = forms.ChoiceField(label=_("Currency"), choices=lambda: _currencies())
    per = forms.ChoiceField(label=_("Paid"), choices=WageRate.Per.choices)
    hours = forms.DecimalField(
        label=_("Hours in the period"), max_digits=6, decimal_places=2, initial=1
    )
    effective_on = forms.DateField(label=_("Effective"), widget=DATE)


class RateForm(StyledForm):
    currency = forms.ChoiceField(
        label=_("Currency"), choices=lambda: _currencies(but="USD")
    )
    valid_on = forms.DateField(label=_("From"), widget=DATE)
    usd_per_unit = forms.DecimalField(
        label=_("US dollars per unit"), max_digits=14, decimal_places=6
    )
    source = forms.CharField(label=_("Source"), max_length=200, required=False)


class RoundForm(StyledForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    opened_on = forms.DateField(label=_("Opened"), widget=DATE, required=False)


class ProposalForm(StyledForm):
    side = forms.ChoiceField(label=_("Tabled by"), choices=Proposal.Side.choices)
    article = forms.CharField(label=_("Article"), max_length=200)
    clause = forms.ModelChoiceField(
        label=_("Current language"),
        queryset=Clause.objects.none(),
        required=False,
    )
    summary = forms.CharField(label=_("Summary"), max_length=300)
    text = forms.CharField(
        label=_("Proposed language"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    effect = forms.ChoiceField(
        label=_("For the workers"), choices=Proposal.Effect.choices
    )
    tabled_on = forms.DateField(label=_("Tabled"), widget=DATE, required=False)

    def __init__(self, *args, clauses=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["clause"].queryset = clauses  # type: ignore[attr-defined]


class ProposalStatusForm(StyledForm):
    status = forms.ChoiceField(label=_("Status"), choices=Proposal.Status.choices)
    note = forms.CharField(label=_("Note"), max_length=300, required=False)


class SearchForm(StyledForm):
    q = forms.CharField(label=_("Words to find"), max_length=200, required=False)
    employer = forms.ModelChoiceField(
        label=_("Employer"), queryset=Employer.objects, required=False
    )
    country = forms.ChoiceField(
        label=_("Country"), choices=[("", "—"), *Country.choices], required=False
    )
    organisation = forms.ModelChoiceField(
        label=_("Union"), queryset=Organisation.objects, required=False
    )
    topic = forms.ChoiceField(
        label=_("Topic"), choices=[("", "—"), *Topic.choices], required=False
    )
    effective_from = forms.DateField(
        label=_("In force after"), widget=DATE, required=False
    )
    expires_until = forms.DateField(
        label=_("In force before"), widget=DATE, required=False
    )


class CompareForm(StyledForm):
    topic = forms.ChoiceField(label=_("Topic"), choices=Topic.choices)
    agreements = forms.ModelMultipleChoiceField(
        label=_("Agreements"),
        queryset=Agreement.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, agreements=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agreements"].queryset = agreements  # type: ignore[attr-defined]
