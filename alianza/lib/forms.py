from collections.abc import Callable
from typing import Any, overload

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Model
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from .when import on_clock, zone_choices, zone_name, zone_of


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


class ZonedForm(StyledForm):
    """A form whose times (``zoned_fields``) are typed on the clock of the zone the
    form names in ``time_zone``, not on the reader's or the server's: a Toronto
    secretary's 10:00 for a Toronto meeting is 10:00 in Toronto wherever she is.
    ``zone`` is the record's default (its body's, its host's); an empty choice
    means it."""

    zoned_fields: tuple[str, ...] = ()

    time_zone = forms.ChoiceField(
        label=_("Time zone"), choices=(), required=False,
        help_text=_("The times above are on this clock."),
    )  # fmt: skip

    def __init__(self, *args, zone: str = "", **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.default_zone = zone
        self.fields["time_zone"].choices = zone_choices(  # type: ignore[attr-defined]
            str(_("Usual zone: %(zone)s")) % {"zone": zone_name(zone_of(zone))}
        )
        for name in self.zoned_fields:
            self.fields[name].help_text = _(
                "On the clock of the time zone chosen below."
            )
        # The zone is asked right after the times it governs.
        order = [name for name in self.fields if name != "time_zone"]
        if self.zoned_fields:
            order.insert(order.index(self.zoned_fields[-1]) + 1, "time_zone")
        self.order_fields(order)

    def usual_zone(self, data: dict) -> str:
        """The zone meant by the empty choice; a form whose default depends on
        other answers (the host of a meeting) says so here."""
        return self.default_zone

    def clean(self) -> dict:
        data = super().clean() or {}
        # The record keeps the zone its times were typed on.
        data["time_zone"] = data.get("time_zone") or self.usual_zone(data)
        zone = zone_of(data["time_zone"])
        for name in self.zoned_fields:
            if data.get(name):
                try:
                    data[name] = on_clock(data[name], zone)
                except ValueError:
                    self.add_error(
                        name,
                        _(
                            "The clocks skip this time in %(zone)s (summer time "
                            "begins): choose another."
                        )
                        % {"zone": zone_name(zone)},
                    )
        return data


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
