from django import forms
from django.utils.translation import gettext_lazy as _

from alianza.lib.forms import StyledForm


class GlossaryTermForm(StyledForm):
    en = forms.CharField(label=_("English"), max_length=120)
    es = forms.CharField(label=_("Spanish"), max_length=120)
    fr = forms.CharField(label=_("French"), max_length=120)
    note = forms.CharField(
        label=_("Note on usage"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("When to use it, and what not to confuse it with."),
    )
