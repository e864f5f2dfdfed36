from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect


class StyledForm(forms.Form):
    """Adds Bootstrap classes to every widget, so templates stay plain."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.CheckboxSelectMultiple | forms.RadioSelect):
                css = ""
            elif isinstance(widget, forms.CheckboxInput):
                css = "form-check-input"
            elif isinstance(widget, forms.Select):
                css = "form-select"
            else:
                css = "form-control"
            if css:
                widget.attrs["class"] = (
                    widget.attrs.get("class", "") + " " + css
                ).strip()

    def apply_error(self, error: ValidationError) -> None:
        """Show a ValidationError raised by an action on the form."""
        if hasattr(error, "error_dict"):
            for field, messages in error.message_dict.items():
                self.add_error(field if field in self.fields else None, messages)
        else:
            self.add_error(None, error.messages)


def submit(
    request: HttpRequest,
    form: StyledForm,
    action: Callable[[dict[str, Any]], models.Model],
    success: str,
) -> HttpResponse | None:
    """The one path from a posted form to an action.

    Runs ``action`` with the valid form's data. A ValidationError from the action
    goes onto the form (nothing was saved: actions are atomic) and None is returned
    so the view shows the form again; on success the person is told ``success``
    (``%(name)s`` is the record) and sent to the record's page.
    """
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        record = action(form.cleaned_data)
    except ValidationError as error:
        form.apply_error(error)
        return None
    messages.success(request, success % {"name": record})
    return redirect(record.get_absolute_url())  # type: ignore[attr-defined]


def act(
    request: HttpRequest, target: Any, do: Callable[[], object], done: str
) -> HttpResponse:
    """Run an action from a posted button; say how it went and go back to
    ``target`` (a record or a URL). A ValidationError is told, not raised: nothing
    was saved, as actions are atomic."""
    try:
        do()
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, done)
    return redirect(target)
