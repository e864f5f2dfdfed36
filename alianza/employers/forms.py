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
    file = forms.FileField(
        label=_("CSV or Excel (XLSX) file"),
        help_text=_(
            "Separated by commas or semicolons; the first line names the columns."
        ),
    )

    def clean_file(self) -> tuple[str, bytes]:
        upload = self.cleaned_data["file"]
        problem = size_problem(upload.size, MAX_BYTES)
        if problem:
            raise forms.ValidationError(problem)
        return upload.name or "import.csv", upload.read()


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
