"""Pages of solidarity requests with their pledges, and of letters with their
co-signers, PDF and public page."""

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q, Sum
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import formats
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from alianza.lib.http import AuthedRequest
from alianza.lib.pdf import PdfDocument
from alianza.lib.permissions import require
from alianza.multilingual.text import language_name, render_for
from alianza.orgs.models import Organisation

from . import actions, selectors
from .forms import LetterForm, PledgeForm, RequestForm, SignatoryForm
from .models import Letter, Pledge, Signature, SolidarityRequest
from .selectors import led_organisation_ids, public_letters, visible_campaigns
from .views import act, act_on_form, new_for_union, share_context

# --- Solidarity requests --------------------------------------------------------------


@login_required
def request_new(request: AuthedRequest) -> HttpResponse:
    campaign = None
    if request.GET.get("campaign"):
        campaign = (
            visible_campaigns(request.user)
            .filter(
                pk=request.GET["campaign"],
                organisation_id__in=led_organisation_ids(request.user),
            )
            .first()
        )
    return new_for_union(
        request, RequestForm,
        lambda user, org, **data: actions.draft_request(user, org, campaign=campaign, **data),
        _("%(name)s was drafted. Translate it, have it vetted, then publish it."),
        _("New solidarity request"), extra={"campaign": campaign},
    )  # fmt: skip


def _request(request: AuthedRequest, pk: int) -> SolidarityRequest:
    obj = get_object_or_404(
        SolidarityRequest.objects.select_related("organisation", "campaign"), pk=pk
    )
    require(request.user, "solidarity.view_solidarityrequest", obj)
    return obj


@login_required
def request_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    obj = _request(request, pk)
    user = request.user
    pledges = list(obj.pledges.select_related("organisation", "unit"))
    by_org = list(
        obj.pledges.values("organisation__short_name")
        .annotate(
            total=Count("pk"),
            done=Count("pk", filter=Q(status=Pledge.Status.DONE)),
        )
        .order_by("-total", "organisation__short_name")
    )
    top = max((row["total"] for row in by_org), default=1)
    for row in by_org:
        row["width"] = round(100 * row["total"] / top)
    by_kind = {
        row["kind"]: row["n"]
        for row in obj.pledges.values("kind").annotate(n=Count("pk"))
    }
    asked = list(obj.audiences.all())
    answered = {p.organisation_id for p in pledges}
    pledging_orgs = Organisation.objects.filter(
        pk__in=led_organisation_ids(user) & {o.pk for o in asked}
    )
    may_pledge = user.has_perm("solidarity.pledge", obj) and pledging_orgs.exists()
    context = {
        "req": obj,
        "pledges": pledges,
        "done_ids": {
            p.pk for p in pledges if p.organisation_id in led_organisation_ids(user)
        },
        "by_org": by_org,
        "by_org_rows": [
            (row["organisation__short_name"], row["total"], row["width"])
            for row in by_org
        ],
        "by_kind": [
            (label, by_kind.get(value, 0)) for value, label in Pledge.Kind.choices
        ],
        "donations": obj.pledges.filter(kind=Pledge.Kind.DONATION)
        .values("currency")
        .annotate(total=Sum("amount"))
        .order_by("currency"),
        "asked": [(o, o.pk in answered) for o in asked],
        "answered_count": len(answered & {o.pk for o in asked}),
        "may_manage": user.has_perm("solidarity.change_solidarityrequest", obj),
        "may_vet": user.has_perm("solidarity.vet_solidarityrequest", obj),
        "missing": [language_name(c) for c in selectors.missing_translations(obj)],
        "pledge_form": PledgeForm(organisations=pledging_orgs) if may_pledge else None,
        "alerts": obj.alerts.filter(organisation_id__in=led_organisation_ids(user)),
    }
    return render(request, "solidarity/request.html", context)


def _request_step(request: AuthedRequest, pk: int, operation, success: str):
    obj = _request(request, pk)
    return act(request, lambda: operation(request.user, obj), success, obj)


@login_required
@require_POST
def request_vet(request: AuthedRequest, pk: int) -> HttpResponse:
    return _request_step(request, pk, actions.vet_request, _("The request was vetted."))


@login_required
@require_POST
def request_publish(request: AuthedRequest, pk: int) -> HttpResponse:
    return _request_step(
        request, pk, actions.publish_request, _("The request was published.")
    )


@login_required
@require_POST
def request_close(request: AuthedRequest, pk: int) -> HttpResponse:
    return _request_step(
        request, pk, actions.close_request, _("The request was closed.")
    )


@login_required
@require_POST
def request_pledge(request: AuthedRequest, pk: int) -> HttpResponse:
    obj = _request(request, pk)
    require(request.user, "solidarity.pledge", obj)
    orgs = Organisation.objects.filter(pk__in=led_organisation_ids(request.user))
    return act_on_form(
        request,
        PledgeForm(request.POST, organisations=orgs),
        lambda data: actions.pledge(request.user, obj, **data),
        _("Thank you: your pledge was recorded."),
        _("Say what your union pledges, and for which union."),
        obj,
    )


@login_required
@require_POST
def pledge_done(request: AuthedRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(Pledge.objects.select_related("request"), pk=pk)
    require(request.user, "solidarity.view_solidarityrequest", item.request)
    return act(
        request,
        lambda: actions.pledge_done(request.user, item),
        _("The pledge is marked done."),
        item.request,
    )


# --- Letters --------------------------------------------------------------------------


@login_required
def letter_new(request: AuthedRequest) -> HttpResponse:
    return new_for_union(
        request, LetterForm, actions.draft_letter,
        _("%(name)s was drafted. Add its signatories."), _("New letter"),
    )  # fmt: skip


def _letter(request: AuthedRequest, pk: int) -> Letter:
    obj = get_object_or_404(Letter.objects.select_related("organisation"), pk=pk)
    require(request.user, "solidarity.view_letter", obj)
    return obj


@login_required
def letter(request: AuthedRequest, pk: int) -> HttpResponse:
    obj = _letter(request, pk)
    may_manage = request.user.has_perm("solidarity.change_letter", obj)
    person = getattr(request.user, "person", None)
    signatures = list(obj.signatures.select_related("person", "organisation"))
    context = {
        "letter": obj,
        "signatures": signatures,
        "my_signature": next(
            (s for s in signatures if person and s.person_id == person.pk), None
        ),
        "may_manage": may_manage,
        "signatory_form": SignatoryForm(people=selectors.signatory_choices())
        if may_manage and obj.status == Letter.Status.DRAFT
        else None,
        **share_context(request, obj, may_manage),
    }
    return render(request, "solidarity/letter.html", context)


@login_required
@require_POST
def letter_signatory(request: AuthedRequest, pk: int) -> HttpResponse:
    obj = _letter(request, pk)
    require(request.user, "solidarity.change_letter", obj)
    return act_on_form(
        request,
        SignatoryForm(request.POST, people=selectors.signatory_choices()),
        lambda data: actions.add_signatory(request.user, obj, **data),
        _("The signatory was added; they confirm their signature on this page."),
        _("Choose the signatory and their organisation."),
        obj,
    )


@login_required
@require_POST
def letter_confirm(request: AuthedRequest, pk: int) -> HttpResponse:
    signature = get_object_or_404(Signature.objects.select_related("letter"), pk=pk)
    require(request.user, "solidarity.view_letter", signature.letter)
    return act(
        request,
        lambda: actions.confirm_signature(request.user, signature),
        _("Your signature is confirmed."),
        signature.letter,
    )


@login_required
@require_POST
def letter_publish(request: AuthedRequest, pk: int) -> HttpResponse:
    obj = _letter(request, pk)
    return act(
        request,
        lambda: actions.publish_letter(request.user, obj),
        _("The letter is published on its public page."),
        obj,
    )


def letter_pdf_bytes(letter: Letter, language: str) -> bytes:
    """The letter on its union's letterhead, in ``language`` when translated, with
    the original beside it."""
    org = letter.organisation
    title = render_for(letter, "title", language)
    body = render_for(letter, "body", language)
    doc = PdfDocument(
        title.text,
        subtitle=formats.date_format(letter.dated, "DATE_FORMAT"),
        letterhead=[org.name, ", ".join(org.country_names())],
        footer=_("Alianza: a letter of %(org)s") % {"org": org},
        page_size="letter" if "US" in org.countries else "a4",
    )
    if letter.addressee:
        doc.paragraph(letter.addressee)
        doc.spacer()
    if body.is_translation:
        doc.side_by_side(body.text.split("\n\n"), body.original_text.split("\n\n"))
    else:
        for paragraph in body.text.split("\n\n"):
            doc.paragraph(paragraph)
    doc.spacer(8)
    doc.heading(_("Signatories"), level=2)
    doc.table(
        [
            [
                s.person.name,
                s.title,
                str(s.organisation.name),
                formats.date_format(s.confirmed_at, "SHORT_DATE_FORMAT")
                if s.confirmed_at
                else _("not yet confirmed"),
            ]
            for s in letter.signatures.select_related("person", "organisation")
        ],  # fmt: skip
        header=[_("Name"), _("Title"), _("Organisation"), _("Confirmed")],
        widths=[0.28, 0.28, 0.28, 0.16],
    )
    return doc.render()


def _pdf_response(letter: Letter) -> HttpResponse:
    response = HttpResponse(
        letter_pdf_bytes(letter, get_language() or "en"),
        content_type="application/pdf",
    )
    response["Content-Disposition"] = f'inline; filename="{letter.slug}.pdf"'
    return response


@login_required
def letter_pdf(request: AuthedRequest, pk: int) -> HttpResponse:
    return _pdf_response(_letter(request, pk))


def letter_public(request: HttpRequest, slug: str) -> HttpResponse:
    """The public page: only once published with every signature confirmed."""
    obj = public_letters().filter(slug=slug).select_related("organisation").first()
    if obj is None:
        raise Http404
    if request.GET.get("format") == "pdf":
        return _pdf_response(obj)
    signatures = obj.signatures.select_related("person", "organisation")
    return render(
        request,
        "solidarity/letter_public.html",
        {"letter": obj, "signatures": signatures},
    )
