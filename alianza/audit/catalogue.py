"""Human descriptions of audit actions, in the reader's language."""

from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

if TYPE_CHECKING:
    from .models import AuditEntry


def action_labels() -> dict[str, str]:
    return {
        "account.login": _("Signed in"),
        "account.login_failed": _("Failed sign-in attempt"),
        "account.logout": _("Signed out"),
        "account.password_reset": _("Password reset"),
        "account.password_changed": _("Password changed"),
        "account.mfa_activated": _("Two-factor authentication turned on"),
        "account.mfa_deactivated": _("Two-factor authentication turned off"),
        "account.recovery_codes_generated": _("Recovery codes generated"),
        "account.invitation_sent": _("Invitation sent"),
        "account.invitation_revoked": _("Invitation revoked"),
        "account.invitation_accepted": _("Invitation accepted"),
        "account.token_created": _("API token created"),
        "account.token_revoked": _("API token revoked"),
        "orgs.person_created": _("Person added"),
        "orgs.person_updated": _("Person updated"),
        "orgs.people_exported": _("People exported"),
        "orgs.membership_added": _("Membership added"),
        "orgs.unit_created": _("Unit added"),
        "orgs.role_changed": _("Role changed"),
        "orgs.membership_ended": _("Membership ended"),
        "bodies.body_created": _("Body created"),
        "bodies.seat_assigned": _("Seat assigned"),
        "bodies.seat_changed": _("Seat rights changed"),
        "bodies.seat_vacated": _("Seat vacated"),
        "spaces.record_shared": _("Record shared into a joint space"),
        "spaces.share_withdrawn": _("Sharing withdrawn"),
        "spaces.participant_added": _("Participant added to a joint space"),
        "multilingual.translation_saved": _("Translation saved"),
        "councils.founded": _("Council founded"),
        "councils.meeting_scheduled": _("Council meeting scheduled"),
        "councils.unit_joined": _("Unit joined a council"),
        "councils.news_posted": _("News posted to a council"),
        "councils.action_added": _("Action item added"),
        "councils.action_updated": _("Action item updated"),
        "governance.meeting_scheduled": _("Meeting scheduled"),
        "governance.meeting_status": _("Meeting opened or closed"),
        "governance.motion_submitted": _("Motion submitted"),
        "governance.vote_opened": _("Vote opened"),
        "governance.vote_closed": _("Vote closed"),
        "documents.uploaded": _("Document uploaded"),
        "employers.imported": _("Employers, worksites or representation imported"),
        "employers.representation_recorded": _("Representation recorded"),
        "contracts.agreement_added": _("Collective agreement added"),
        "contracts.topic_corrected": _("Clause topic corrected"),
        "contracts.wage_added": _("Wage rate added"),
        "contracts.exchange_rate_set": _("Exchange rate set"),
        "contracts.round_opened": _("Bargaining round opened"),
        "contracts.proposal_tabled": _("Bargaining proposal tabled"),
        "contracts.proposal_updated": _("Bargaining proposal updated"),
    }


def describe(entry: "AuditEntry") -> str:
    return action_labels().get(entry.action, entry.action)
