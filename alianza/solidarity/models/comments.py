"""What people say under a campaign or a solidarity request, when its union opened
it to comments; the union's leaders moderate."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .campaigns import Campaign
from .requests import SolidarityRequest

#: The longest comment, in characters.
COMMENT_MAX_LENGTH = 2000


class Comment(models.Model):
    """A comment on one campaign or one solidarity request. Plain text: shown
    escaped, never as HTML. A moderator hides it (with a reason) or restores it;
    its author edits or deletes it within ``COMMENT_EDIT_MINUTES``."""

    class State(models.TextChoices):
        VISIBLE = "visible", _("Visible")
        HIDDEN = "hidden", _("Hidden by a moderator")

    campaign = models.ForeignKey(
        Campaign, on_delete=models.CASCADE, null=True, blank=True,
        related_name="comments",
    )  # fmt: skip
    request = models.ForeignKey(
        SolidarityRequest, on_delete=models.CASCADE, null=True, blank=True,
        related_name="comments",
    )  # fmt: skip
    author = models.ForeignKey(
        "orgs.Person", on_delete=models.CASCADE, related_name="solidarity_comments",
        verbose_name=_("author"),
    )  # fmt: skip
    body = models.TextField(_("comment"), max_length=COMMENT_MAX_LENGTH)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    created_at = models.DateTimeField(default=timezone.now)
    edited_at = models.DateTimeField(null=True, blank=True)
    state = models.CharField(
        _("state"), max_length=8, choices=State.choices, default=State.VISIBLE
    )
    hidden_reason = models.CharField(_("reason"), max_length=300, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )  # fmt: skip
    hidden_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(campaign__isnull=False, request__isnull=True)
                    | models.Q(campaign__isnull=True, request__isnull=False)
                ),
                name="comment_on_one_record",
            )
        ]

    def __str__(self) -> str:
        return self.body[:60]

    def get_absolute_url(self) -> str:
        return self.record.get_absolute_url() + f"#comment-{self.pk}"

    @property
    def record(self) -> Campaign | SolidarityRequest:
        """The campaign or the request the comment is about."""
        return self.campaign if self.campaign_id else self.request  # type: ignore[return-value]

    @property
    def organisation(self):
        """The union whose record it is: its leaders moderate."""
        return self.record.organisation

    @property
    def is_hidden(self) -> bool:
        return self.state == self.State.HIDDEN

    def editable_until(self):
        return self.created_at + timedelta(minutes=settings.COMMENT_EDIT_MINUTES)

    def is_editable(self, now=None) -> bool:
        """Its author may still edit or delete it (and it is not hidden)."""
        return not self.is_hidden and (now or timezone.now()) < self.editable_until()
