from collections.abc import Callable
from typing import Any, overload

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Model
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
        apply_error(self, error)


Target = Any  # a URL, a record (its page), or a function of the record made


@overload
def run_action(
    request: HttpRequest,
    action: Callable[..., Any],
    success: str,
    *,
    form: forms.Form | None = None,
    then: None = None,
    invalid: str | None = None,
    answer: Callable[[Any], HttpResponse] | None = None,
) -> HttpResponse | None: ...


@overload
def run_action(
    request: HttpRequest,
    action: Callable[..., Any],
    success: str,
    *,
    form: forms.Form | None = None,
    then: Target,
    invalid: str | None = None,
    answer: Callable[[Any], HttpResponse] | None = None,
) -> HttpResponse: ...


def run_action(
    request: HttpRequest,
    action: Callable[..., Any],
    success: str,
    *,
    form: forms.Form | None = None,
    then: Target = None,
    invalid: str | None = None,
    answer: Callable[[Any], HttpResponse] | None = None,
) -> HttpResponse | None:
    """The one path from a posted form or button to an action.

    With a ``form``, the action is called with its cleaned data once the form is
    posted and valid; without one, it is called with nothing (a button).

    Where the person goes next:
    - on success she is told ``success`` (``%(name)s`` is the record the action
      returned; nothing when empty) and sent to ``then``, or to the record's page
      when ``then`` is None; or, for a page that shows once what the action made (a
      token's secret, an invitation's link, an import's report), the response is
      ``answer(result)``;
    - on a refusal (a ValidationError from the action: nothing was saved, actions
      are atomic) or an invalid form: with ``then`` None the errors go onto the form
      and None is returned, so that the view shows the form again; with ``then``
      they are told as a message (``invalid`` for an invalid form, if given) and
      she goes back to ``then``.

    A form page is shown again on GET: with a form and no ``then``, None is
    returned until the form is posted.
    """
    back_to_form = form is not None and then is None
    if form is not None:
        if request.method != "POST":
            return None
        if not form.is_valid():
            if back_to_form:
                return None
            messages.error(request, invalid or _errors_as_text(form))
            return redirect(_target(then, None))
    try:
        record = action(form.cleaned_data) if form is not None else action()
    except ValidationError as error:
        if back_to_form:
            assert form is not None
            apply_error(form, error)
            return None
        messages.error(request, " ".join(error.messages))
        return redirect(_target(then, None))
    if success:
        messages.success(
            request, success % {"name": record} if "%(name)s" in success else success
        )
    if answer is not None:
        return answer(record)
    return redirect(_target(then, record))


def apply_error(form: forms.Form, error: ValidationError) -> None:
    """Show a ValidationError raised by an action on the form."""
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


def _errors_as_text(form: forms.Form) -> str:
    return " ".join(str(e) for errors in form.errors.values() for e in errors)


def _target(then: Target, record: Any) -> Any:
    if then is None:
        return record.get_absolute_url()
    if callable(then) and not isinstance(then, Model):
        return then(record)
    return then
