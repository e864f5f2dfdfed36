from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from alianza.documents.models import Document
from alianza.lib.forms import StyledForm, ZonedForm
from alianza.lib.when import guess_zone
from alianza.multilingual.text import render_for
from alianza.orgs.models import Country, Person, Unit

from .actions.meetings import LANGUAGE_PAIRS
from .models import CouncilPost


def _pair_label(pair: str) -> str:
    names = dict(settings.LANGUAGES)
    a, _sep, b = pair.partition("-")
    return f"{names.get(a, a)} ↔ {names.get(b, b)}"


class MeetingForm(ZonedForm):
    """The times are typed on the host's clock unless another zone is chosen. The
    agenda is written one item a line in each working language, the lines of each
    language in the same order; a line may end with ``| minutes``."""

    zoned_fields = ("starts_at", "ends_at")

    starts_at = forms.DateTimeField(
        label=_("Starts"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    ends_at = forms.DateTimeField(
        label=_("Ends"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    country = forms.ChoiceField(label=_("Host country"), choices=Country.choices)
    host_unit = forms.ModelChoiceField(
        label=_("Host unit"), queryset=Unit.objects.none(), required=False
    )
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    online_url = forms.URLField(
        label=_("Online link"), required=False, assume_scheme="https"
    )
    language = forms.ChoiceField(
        label=_("Original language"),
        choices=settings.LANGUAGES,
        required=False,
        help_text=_("The language the title and agenda were first written in."),
    )
    title_en = forms.CharField(
        label=_("Title (English)"), max_length=200, required=False
    )
    title_es = forms.CharField(
        label=_("Title (Spanish)"), max_length=200, required=False
    )
    title_fr = forms.CharField(
        label=_("Title (French)"), max_length=200, required=False
    )
    agenda_en = forms.CharField(
        label=_("Agenda (English)"), required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One item a line; end a line with “| 30” for its minutes."),
    )  # fmt: skip
    agenda_es = forms.CharField(
        label=_("Agenda (Spanish)"), required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The same items, in the same order."),
    )  # fmt: skip
    agenda_fr = forms.CharField(
        label=_("Agenda (French)"), required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The same items, in the same order."),
    )  # fmt: skip
    interpretation = forms.MultipleChoiceField(
        label=_("Interpretation needed"),
        choices=[(p, _pair_label(p)) for p in LANGUAGE_PAIRS],
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    confidential = forms.BooleanField(
        label=_("Confidential to delegates"),
        required=False,
        help_text=_("Members of the member units will not see it."),
    )

    def __init__(self, *args, council=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["host_unit"].queryset = Unit.objects.filter(  # type: ignore[attr-defined]
            councils__council=council
        ).select_related("organisation")

    def clean(self) -> dict:
        data = super().clean()
        languages = [code for code, _name in settings.LANGUAGES]
        lines = {
            code: [
                line.strip()
                for line in (data.pop(f"agenda_{code}", "") or "").splitlines()
                if line.strip()
            ]
            for code in languages
        }
        data["titles"] = {code: data.pop(f"title_{code}", "") for code in languages}
        original = data.get("language") or ""
        if not original:
            # The first language the agenda is written in.
            original = next((c for c in languages if lines.get(c)), "en")
            data["language"] = original if lines.get(original) else ""
        count = len(lines.get(original, []))
        agenda = []
        for code, items in lines.items():
            if items and len(items) != count:
                self.add_error(
                    f"agenda_{code}",
                    _("Give the same number of items as in the original language."),
                )
        if self.errors:
            return data
        for n in range(count):
            titles = {}
            minutes = 10
            for code, items in lines.items():
                if not items:
                    continue
                text, _bar, number = items[n].rpartition("|")
                if not _bar:
                    text, number = items[n], ""
                if number.strip().isdigit():
                    minutes = int(number.strip())
                titles[code] = text.strip()
            agenda.append({"titles": titles, "minutes": minutes})
        data["agenda"] = agenda
        return data

    def usual_zone(self, data: dict) -> str:
        host = data.get("host_unit")
        if host is not None:
            return host.zone_key
        return guess_zone(data.get("country", ""), data.get("place", ""))


class PostForm(StyledForm):
    kind = forms.ChoiceField(label=_("Kind"), choices=CouncilPost.Kind.choices)
    title = forms.CharField(label=_("Headline"), max_length=200)
    body = forms.CharField(label=_("Text"), widget=forms.Textarea(attrs={"rows": 4}))
    language = forms.ChoiceField(label=_("Written in"), choices=settings.LANGUAGES)
    confidential = forms.BooleanField(
        label=_("Confidential to delegates"),
        required=False,
        help_text=_("Members of the member units will not see it."),
    )


class RegistrationForm(StyledForm):
    # A date field sends and shows ISO dates whatever the reader's locale.
    arrives_on = forms.DateField(
        label=_("Arrival"), required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )  # fmt: skip
    departs_on = forms.DateField(
        label=_("Departure"), required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )  # fmt: skip
    visa_letter = forms.BooleanField(
        label=_("I need a visa invitation letter"), required=False
    )
    dietary = forms.CharField(label=_("Dietary needs"), max_length=300, required=False)
    access = forms.CharField(label=_("Access needs"), max_length=300, required=False)


class TitledInItsLanguage(forms.Select):
    """Each document is offered by its title in the reader's language when it has
    one, else in its own, which the option names (``lang``) for screen readers."""

    def create_option(self, name, value, label, selected, index, *args, **kwargs):
        option = super().create_option(
            name, value, label, selected, index, *args, **kwargs
        )
        document = getattr(value, "instance", None)
        if document is not None:
            shown = render_for(document, "title", get_language() or "en")
            option["attrs"]["lang"] = shown.language
        return option


class DocumentChoice(forms.ModelChoiceField):
    widget = TitledInItsLanguage

    def label_from_instance(self, obj) -> str:
        title = render_for(obj, "title", get_language() or "en").text
        return f"{title} ({obj.organisation.short_name})"


class CouncilDocumentForm(StyledForm):
    document = DocumentChoice(label=_("Document"), queryset=Document.objects.none())
    confidential = forms.BooleanField(
        label=_("Confidential to delegates"),
        required=False,
        help_text=_("Members of the member units will not see it."),
    )

    def __init__(self, *args, documents=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["document"].queryset = documents  # type: ignore[attr-defined]


class ActionItemForm(StyledForm):
    title = forms.CharField(label=_("What"), max_length=300)
    owner = forms.ModelChoiceField(label=_("Owner"), queryset=Person.objects.none())
    due_on = forms.DateField(
        label=_("Due"), widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, people=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = people  # type: ignore[attr-defined]


class UnitChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return (
            f"{obj.organisation.short_name} · {obj.name} ({obj.get_country_display()})"
        )


class MemberUnitForm(StyledForm):
    unit = UnitChoice(label=_("Unit"), queryset=Unit.objects.none())

    def __init__(self, *args, units=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]
