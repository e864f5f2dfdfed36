"""Comments under a campaign or a solidarity request: posting, the author's edit
and delete, the moderators' hide and restore, opening and closing a record."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from alianza.lib.forms import run_action
from alianza.lib.http import AuthedRequest
from alianza.lib.permissions import get_changeable, get_visible

from .. import actions, comment_selectors, selectors
from ..forms import CommentForm, HideCommentForm
from ..models import Campaign, Comment

PER_PAGE = 20
VIEW_CAMPAIGN = "solidarity.view_campaign"
VIEW_REQUEST = "solidarity.view_solidarityrequest"


def comments_panel(request: AuthedRequest, record: Any) -> dict[str, Any]:
    """What a record's page shows of its comments: one page of them (hidden ones
    marked, for its moderators only), the form, and the switch for its union."""
    user = request.user
    moderator = user.has_perm("solidarity.moderate_comment", record)
    page = Paginator(
        comment_selectors.comments_on(record, moderator=moderator), PER_PAGE
    )
    comments = page.get_page(request.GET.get("page"))
    person = getattr(user, "person", None)
    kind = "campaign" if isinstance(record, Campaign) else "request"
    return {
        "commented": record,
        "comment_post_url": reverse(f"solidarity:{kind}_comment", args=[record.pk]),
        "comments_open_url": reverse(
            f"solidarity:{kind}_comments_open", args=[record.pk]
        ),
        "comments": comments,
        "page": comments,
        "may_moderate": moderator,
        "may_open_comments": user.has_perm("solidarity.open_comments", record),
        "comment_form": CommentForm()
        if user.has_perm("solidarity.add_comment", record)
        else None,
        "own_comment_ids": {
            c.pk
            for c in comments
            if person is not None and c.author_id == person.pk and c.is_editable()
        },
        "hide_form": HideCommentForm() if moderator else None,
    }


def _post(request: AuthedRequest, record: Any) -> HttpResponse:
    user = request.user
    return run_action(
        request,
        lambda data: actions.post_comment(
            user, record, **data, language=request.LANGUAGE_CODE
        ),
        _("Your comment was posted."),
        form=CommentForm(request.POST),
        then=lambda made: (
            made.get_absolute_url() if made else record.get_absolute_url() + "#comments"
        ),
        invalid=_("Write your comment (at most 2,000 characters)."),
    )


def _open(request: AuthedRequest, record: Any) -> HttpResponse:
    is_open = request.POST.get("open") == "1"
    return run_action(
        request,
        lambda: actions.set_comments_open(request.user, record, is_open),
        _("Comments are open.") if is_open else _("Comments are closed."),
        then=record,
    )


@login_required
@require_POST
def campaign_comment(request: AuthedRequest, pk: int) -> HttpResponse:
    record: Any = get_visible(
        request.user, selectors.campaigns_with_owner(), VIEW_CAMPAIGN, pk=pk
    )
    return _post(request, record)


@login_required
@require_POST
def request_comment(request: AuthedRequest, pk: int) -> HttpResponse:
    record: Any = get_visible(
        request.user, selectors.requests_with_campaign(), VIEW_REQUEST, pk=pk
    )
    return _post(request, record)


@login_required
@require_POST
def campaign_comments_open(request: AuthedRequest, pk: int) -> HttpResponse:
    record: Any = get_changeable(
        request.user, selectors.campaigns_with_owner(), "solidarity.open_comments",
        view=VIEW_CAMPAIGN, pk=pk,
    )  # fmt: skip
    return _open(request, record)


@login_required
@require_POST
def request_comments_open(request: AuthedRequest, pk: int) -> HttpResponse:
    record: Any = get_changeable(
        request.user, selectors.requests_with_campaign(), "solidarity.open_comments",
        view=VIEW_REQUEST, pk=pk,
    )  # fmt: skip
    return _open(request, record)


def _comment(request: AuthedRequest, pk: int, perm: str) -> Comment:
    return get_changeable(
        request.user, comment_selectors.comments_with_record(), perm,
        view="solidarity.view_comment", pk=pk,
    )  # fmt: skip


@login_required
def comment_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    comment = _comment(request, pk, "solidarity.change_comment")
    form = CommentForm(request.POST or None, initial={"body": comment.body})
    done = run_action(
        request,
        lambda data: actions.edit_comment(request.user, comment, body=data["body"]),
        _("Your comment was changed."),
        form=form,
    )
    return done or render(
        request,
        "solidarity/comment_edit.html",
        {"form": form, "comment": comment, "title": _("Change your comment")},
    )


@login_required
@require_POST
def comment_delete(request: AuthedRequest, pk: int) -> HttpResponse:
    comment = _comment(request, pk, "solidarity.change_comment")
    return run_action(
        request,
        lambda: actions.delete_comment(request.user, comment),
        _("Your comment was deleted."),
        then=lambda target: (target or comment.record).get_absolute_url() + "#comments",
    )


@login_required
@require_POST
def comment_hide(request: AuthedRequest, pk: int) -> HttpResponse:
    comment = _comment(request, pk, "solidarity.moderate_comment")
    return run_action(
        request,
        lambda data: actions.hide_comment(request.user, comment, **data),
        _("The comment is hidden: only your union's leaders see it."),
        form=HideCommentForm(request.POST),
        then=lambda done: comment.get_absolute_url(),
        invalid=_("Say why the comment is hidden."),
    )


@login_required
@require_POST
def comment_restore(request: AuthedRequest, pk: int) -> HttpResponse:
    comment = _comment(request, pk, "solidarity.moderate_comment")
    return run_action(
        request,
        lambda: actions.restore_comment(request.user, comment),
        _("The comment is shown again."),
        then=lambda done: comment.get_absolute_url(),
    )
