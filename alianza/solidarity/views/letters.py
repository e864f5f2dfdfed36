"""Letters: drafting, co-signers, publication, the PDF and the public page."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import formats, translation
from django.utils.translation import get_language, ngettext, pgettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from alianza.lib.forms import run_action
from alianza.lib.http import AuthedRequest
from alianza.lib.pdf import Letterhead, PdfDocument
from alianza.lib.permissions import get_changeable, get_visible
from alianza.multilingual.text import Rendition, render_for
from alianza.orgs.models import Organisation
from alianza.spaces.forms import share_panel

from .. import actions, selectors
from ..forms import (
    AllySignForm,
    InviteForm,
    LetterForm,
    RecordSignatureForm,
    SignatoryForm,
)
from ..models import Letter, Signature
from .audience import audience_form
from .common import new_for_union

VIEW, CHANGE = "solidarity.view_letter", "solidarity.change_letter"


@login_required
def letter_new(request: AuthedRequest) -> HttpResponse:
    return new_for_union(
        request, LetterForm, actions.draft_letter,
        _("%(name)s was drafted. Add its signatories."), _("New letter"),
    )  # fmt: skip


@login_required
def letter(request: AuthedRequest, pk: int) -> HttpResponse:
    obj: Letter = get_visible(request.user, selectors.letters_with_owner(), VIEW, pk=pk)
    may_manage = request.user.has_perm(CHANGE, obj)
    person = getattr(request.user, "person", None)
    signatures = list(
        selectors.all_signatures_of(obj) if may_manage else selectors.signatures_of(obj)
    )
    may_sign_for = may_manage and obj.is_draft
    context = {
        "letter": obj,
        "signatures": signatures,
        "my_signature": next(
            (
                s
                for s in signatures
                if person and s.person_id == person.pk and not s.is_withdrawn
            ),
            None,
        ),
        "may_manage": may_manage,
        "audience_form": audience_form(obj) if may_manage else None,
        "signatory_form": SignatoryForm(people=selectors.signatory_choices())
        if may_sign_for
        else None,
        "invite_form": InviteForm(initial={"language": "en"}) if may_sign_for else None,
        "record_form": RecordSignatureForm() if may_sign_for else None,
        "invitations": selectors.open_invitations_of(obj) if may_sign_for else [],
        "individuals": list(selectors.confirmed_individuals_of(obj)),
        "my_individual": selectors.my_individual_signature(request.user, obj),
        **share_panel(request.user, obj, may_manage),
    }
    return render(request, "solidarity/letter.html", context)


@login_required
@require_POST
def letter_signatory(request: AuthedRequest, pk: int) -> HttpResponse:
    user = request.user
    obj: Letter = get_changeable(
        user, selectors.letters_with_owner(), CHANGE, view=VIEW, pk=pk
    )
    return run_action(
        request,
        lambda data: actions.add_signatory(user, obj, **data),
        _("The signatory was added; they confirm their signature on this page."),
        form=SignatoryForm(request.POST, people=selectors.signatory_choices()),
        then=obj,
        invalid=_("Choose the signatory and their organisation."),
    )


@login_required
@require_POST
def letter_confirm(request: AuthedRequest, pk: int) -> HttpResponse:
    signature: Signature = get_visible(
        request.user, selectors.signatures_with_letter(), "solidarity.view_signature",
        pk=pk,
    )  # fmt: skip
    return run_action(
        request,
        lambda: actions.confirm_signature(request.user, signature),
        _("Your signature is confirmed."),
        then=signature.letter,
    )


@login_required
@require_POST
def letter_publish(request: AuthedRequest, pk: int) -> HttpResponse:
    user = request.user
    obj: Letter = get_changeable(
        user, selectors.letters_with_owner(), CHANGE, view=VIEW, pk=pk
    )
    return run_action(
        request,
        lambda: actions.publish_letter(user, obj),
        _("The letter is published on its public page."),
        then=obj,
    )


def letter_pdf_bytes(letter: Letter, language: str) -> bytes:
    """The letter on its union's letterhead, in ``language`` when translated (with
    the original beside it, paragraph by paragraph), else in its own language. Its
    frame (the date, the country names, the signatories' table, the footer) is in
    the language the letter is printed in, never the reader's: a Spanish letter
    printed by an English-speaking officer is dated "5 de diciembre de 2026"."""
    title = render_for(letter, "title", language)
    body = render_for(letter, "body", language)
    with translation.override(body.language):
        return _letter_pdf(letter, title.text, body)


def _logo(org: Organisation) -> bytes | None:
    if not org.logo:
        return None
    try:
        with org.logo.open("rb") as f:
            return f.read()
    except OSError:  # the file went missing: the name alone
        return None


def _letter_pdf(letter: Letter, title: str, body: Rendition) -> bytes:
    org = letter.organisation
    doc = PdfDocument(
        title,
        subtitle=formats.date_format(letter.dated, "DATE_FORMAT"),
        letterheads=[
            Letterhead(o.name, ", ".join(o.country_names()), _logo(o))
            for o in selectors.co_signing_organisations(letter)
        ],
        footer=_("Alianza: a letter of %(org)s") % {"org": org},
        page_size="letter" if "US" in org.countries else "a4",
        watermark=_("DRAFT") if letter.shows_draft_mark else "",
    )
    if letter.shows_draft_mark:
        doc.paragraph(
            _("DRAFT: not every co-signer has signed this letter yet."), "small"
        )
    if letter.addressee:
        doc.paragraph(letter.addressee)
        doc.spacer()
    if body.is_translation:
        doc.side_by_side(_paragraphs(body.text), _paragraphs(body.original_text))
    else:
        for paragraph in _paragraphs(body.text):
            doc.paragraph(paragraph)
    doc.spacer(8)
    doc.heading(_("Signatories"), level=2)
    doc.table(
        [
            [
                s.signatory_name,
                s.title,
                str(s.organisation.name),
                formats.date_format(s.confirmed_at, "SHORT_DATE_FORMAT")
                if s.confirmed_at
                else _("not yet confirmed"),
            ]
            for s in selectors.signatures_of(letter)
        ],  # fmt: skip
        header=[
            _("Name"),
            pgettext("position", "Title"),
            _("Organisation"),
            _("Confirmed"),
        ],
        widths=[0.28, 0.28, 0.28, 0.16],
    )
    individuals = list(selectors.confirmed_individuals_of(letter))
    if individuals:
        doc.heading(
            ngettext(
                "%(n)d person signed as an individual",
                "%(n)d people signed as individuals",
                len(individuals),
            )
            % {"n": len(individuals)},
            level=2,
        )
        doc.paragraph(
            "; ".join(
                f"{i.name} ({i.organisation or i.country})"
                if (i.organisation or i.country)
                else i.name
                for i in individuals
            )
        )
    return doc.render()


def _paragraphs(value: str) -> list[str]:
    """The paragraphs of a text: what blank lines separate, none of them empty."""
    return [p.strip() for p in value.replace("\r\n", "\n").split("\n\n") if p.strip()]


def _pdf_response(letter: Letter) -> HttpResponse:
    response = HttpResponse(
        letter_pdf_bytes(letter, get_language() or "en"),
        content_type="application/pdf",
    )
    response["Content-Disposition"] = f'inline; filename="{letter.slug}.pdf"'
    return response


@login_required
def letter_pdf(request: AuthedRequest, pk: int) -> HttpResponse:
    obj: Letter = get_visible(request.user, selectors.letters_with_owner(), VIEW, pk=pk)
    return _pdf_response(obj)


def letter_public(request: HttpRequest, slug: str) -> HttpResponse:
    """The public page: only once published with every signature confirmed."""
    obj: Letter = get_visible(
        request.user, selectors.public_letter_pages(), None, slug=slug
    )
    if request.GET.get("format") == "pdf":
        return _pdf_response(obj)
    return render(
        request,
        "solidarity/letter_public.html",
        {
            "letter": obj,
            "signatures": selectors.signatures_of(obj),
            "individuals": list(selectors.confirmed_individuals_of(obj)),
            "my_individual": selectors.my_individual_signature(request.user, obj),
            "ally_form": AllySignForm()
            if obj.takes_individual_signatures and not request.user.is_authenticated
            else None,
        },
    )
