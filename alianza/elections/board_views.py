"""Public pages of a vote: its notice, the agreement put to it, the board and the
result's certificate."""

from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from alianza.lib.permissions import get_visible

from . import actions, selectors
from .certificate import certificate_pdf
from .models import Election
from .outcome import outcome_of, result_bars, rule_in_words


def notice(request: HttpRequest, uid: str) -> HttpResponse:
    """The vote's public page, for every covered worker without an account: when
    and where, how to vote, and the agreement's text."""
    obj: Election = get_visible(
        request.user, selectors.elections_with_owners(), None, uid=uid
    )
    return render(
        request,
        "elections/notice.html",
        {
            "election": obj,
            "booth": request.build_absolute_uri(
                reverse("elections:booth", args=[obj.uid])
            ),
        },
    )


def agreement(request: HttpRequest, uid: str) -> FileResponse:
    """The text of the agreement put to the vote, open to everyone from the day
    voters are notified (the law asks that every covered worker can read it)."""
    obj: Election = get_visible(
        request.user,
        Election,
        None,
        uid=uid,
    )
    document = obj.contract_document
    if document is None or not obj.text_is_public:
        raise Http404
    return FileResponse(
        document.file.open("rb"), filename=document.original_name, as_attachment=False
    )


def board(request: HttpRequest, uid: str) -> HttpResponse:
    obj: Election = get_visible(
        request.user, selectors.elections_with_owners(), None, uid=uid
    )
    if obj.params is None:
        return render(
            request,
            "elections/board.html",
            {"election": obj, "events": None},
            status=404,
        )
    actions.sequence_now(obj, wait=False)  # ballots received since the last look
    tracker = " ".join(request.GET.get("tracker", "").split())
    found, standing = None, None
    if tracker:
        found = selectors.ballot_with_tracker(obj, tracker)
        standing = found and selectors.tracker_standing(obj, found)
    events = Paginator(selectors.board_events(obj), 200).get_page(
        request.GET.get("page")
    )
    head = selectors.board_head(obj)
    return render(
        request,
        "elections/board.html",
        {"election": obj, "events": events, "tracker": tracker, "found": found,
         "standing": standing, "head": head,
         "steps": selectors.timeline(obj),
         "outcome": outcome_of(obj) if obj.result_is_published else None,
         "bars": result_bars(obj) if obj.result_is_published else [],
         "rule": rule_in_words(obj)},
    )  # fmt: skip


def board_download(request: HttpRequest, uid: str) -> HttpResponse:
    obj: Election = get_visible(request.user, Election, None, uid=uid)
    response = HttpResponse(
        actions.board_bytes(obj), content_type="application/x-ndjson"
    )
    response["Content-Disposition"] = f'attachment; filename="board-{obj.uid}.jsonl"'
    return response


def certificate(request: HttpRequest, uid: str) -> HttpResponse:
    obj: Election = get_visible(
        request.user, selectors.published_elections(), None, uid=uid
    )
    response = HttpResponse(certificate_pdf(obj), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="certificate-{obj.uid}.pdf"'
    return response
