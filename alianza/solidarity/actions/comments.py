"""Comments on campaigns and requests: their union opens or closes a record to
them, people who read it comment, the union's leaders hide and restore, an author
edits or deletes her own for a while. Nobody is notified."""

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alianza.audit.log import record
from alianza.lib.permissions import require
from alianza.lib.writing import language_of
from alianza.orgs.selectors import standing

from ..comment_selectors import comments_in_last_hour
from ..models import COMMENT_MAX_LENGTH, Campaign, Comment, SolidarityRequest
from ._fields import language_code

Commentable = Campaign | SolidarityRequest


def _kind(target: Commentable) -> str:
    return "campaign" if isinstance(target, Campaign) else "request"


def _checked_body(body: str) -> str:
    body = (body or "").strip()
    if not body:
        raise ValidationError({"body": _("Write your comment.")})
    if len(body) > COMMENT_MAX_LENGTH:
        raise ValidationError(
            {
                "body": _("A comment has at most %(n)s characters; this one has %(m)s.")
                % {"n": COMMENT_MAX_LENGTH, "m": len(body)}
            }
        )
    return body


@transaction.atomic
def set_comments_open(actor: Any, target: Commentable, is_open: bool) -> Commentable:
    """The record's union opens it to comments, or closes it (what was said stays)."""
    require(actor, "solidarity.open_comments", target)
    target.comments_open = bool(is_open)
    target.save(update_fields=["comments_open"])
    record(
        "solidarity.comments_opened" if is_open else "solidarity.comments_closed",
        actor=actor, organisation=target.organisation, target=target,
        data={"record": _kind(target)},
    )  # fmt: skip
    return target


@transaction.atomic
def post_comment(
    actor: Any, target: Commentable, *, body: str, language: str = ""
) -> Comment:
    """She comments, as herself, on a record open to comments that she may read."""
    require(actor, "solidarity.add_comment", target,
            message=_("Comments are closed here."))  # fmt: skip
    person = standing(actor).person
    if person is None:
        raise ValidationError(_("Only someone in Alianza's records may comment."))
    body = _checked_body(body)
    limit = settings.COMMENTS_PER_HOUR
    if comments_in_last_hour(person) >= limit:
        raise ValidationError(
            _("You may write %(limit)s comments an hour; wait a little.")
            % {"limit": limit}
        )
    comment = Comment.objects.create(
        author=person, body=body,
        language=language_code(language) if language else language_of(actor),
        **{_kind(target): target},
    )  # fmt: skip
    record("solidarity.comment_posted", actor=actor, organisation=target.organisation,
           target=comment, data={"record": _kind(target), "id": target.pk})  # fmt: skip
    return comment


@transaction.atomic
def edit_comment(actor: Any, comment: Comment, *, body: str) -> Comment:
    require(actor, "solidarity.change_comment", comment,
            message=_("A comment may be changed only by its author, for a short while."))  # fmt: skip
    comment.body = _checked_body(body)
    comment.edited_at = timezone.now()
    comment.save(update_fields=["body", "edited_at"])
    record("solidarity.comment_edited", actor=actor, organisation=comment.organisation,
           target=comment)  # fmt: skip
    return comment


@transaction.atomic
def delete_comment(actor: Any, comment: Comment) -> Commentable:
    """Her own comment, deleted within the time she may change it; the record's
    page is where she goes back to."""
    require(actor, "solidarity.change_comment", comment,
            message=_("A comment may be deleted only by its author, for a short while."))  # fmt: skip
    target = comment.record
    record("solidarity.comment_deleted", actor=actor, organisation=target.organisation,
           target=target, data={"comment": comment.pk})  # fmt: skip
    comment.delete()
    return target


@transaction.atomic
def hide_comment(actor: Any, comment: Comment, *, reason: str) -> Comment:
    """A leader of the record's union hides a comment, saying why: only the union's
    leaders see it then, marked."""
    require(actor, "solidarity.moderate_comment", comment)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the comment is hidden.")})
    comment.state = Comment.State.HIDDEN
    comment.hidden_reason = reason[:300]
    comment.hidden_by = actor
    comment.hidden_at = timezone.now()
    comment.save(update_fields=["state", "hidden_reason", "hidden_by", "hidden_at"])
    record("solidarity.comment_hidden", actor=actor, organisation=comment.organisation,
           target=comment, data={"reason": comment.hidden_reason})  # fmt: skip
    return comment


@transaction.atomic
def restore_comment(actor: Any, comment: Comment) -> Comment:
    require(actor, "solidarity.moderate_comment", comment)
    reason_was = comment.hidden_reason
    comment.state = Comment.State.VISIBLE
    comment.hidden_reason, comment.hidden_by, comment.hidden_at = "", None, None
    comment.save(update_fields=["state", "hidden_reason", "hidden_by", "hidden_at"])
    record("solidarity.comment_restored", actor=actor,
           organisation=comment.organisation, target=comment,
           data={"reason_was": reason_was})  # fmt: skip
    return comment
