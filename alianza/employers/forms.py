from django import forms
from django.utils.translation import gettext_lazy as _

from alianza.lib.forms import StyledForm
from alianza.lib.tabular import size_problem
from alianza.orgs.models import Unit

from .actions import MAX_BYTES
from .models import Representation


class ImportForm(StyledForm):
    kind = forms.ChoiceField(
        label=_("The file holds"),
        choices=[
            ("employers", _("Employers")),
            ("worksites", _("Worksites")),
            ("representation", _("Representation")),
        ],
    )
    file = forms.FileField(label=_("CSV file (UTF-8)"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        problem = size_problem(upload.size, MAX_BYTES)
        if problem:
            raise forms.ValidationError(problem)
        try:
            return upload.read().decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise forms.ValidationError(
                _("Save the file as CSV in UTF-8 encoding and try again.")
            ) from exc


class RepresentationForm(StyledForm):
    status = forms.ChoiceField(label=_("Status"), choices=Representation.Status.choices)
    unit = forms.ModelChoiceField(
        label=_("Unit"),
        queryset=Unit.objects.select_related("organisation").order_by(
            "organisation__short_name", "name"
        ),
        required=False,
    )
    started_on = forms.DateField(
        label=_("Since"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    note = forms.CharField(label=_("Note"), max_length=300, required=False)
