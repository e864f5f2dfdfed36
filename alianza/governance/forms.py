from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from alianza.lib.forms import StyledForm

from .models import Meeting, Vote


class MeetingForm(StyledForm):
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
        label=_("Text of the motion"), widget=forms.Textarea(attrs={"rows": 3})
    )
    language = forms.ChoiceField(label=_("Written in"), choices=settings.LANGUAGES)


class OpenVoteForm(StyledForm):
    method = forms.ChoiceField(label=_("Method"), choices=Vote.Method.choices)
    threshold = forms.ChoiceField(label=_("Rule"), choices=Vote.Threshold.choices)
