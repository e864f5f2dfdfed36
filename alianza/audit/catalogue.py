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
        "solidarity.campaign_created": _("Campaign created"),
        "solidarity.campaign_status": _("Campaign status changed"),
        "solidarity.team_member_added": _("Person added to a campaign team"),
        "solidarity.timeline_added": _("Campaign event or action recorded"),
        "solidarity.strike_registered": _("Strike registered"),
        "solidarity.target_added": _("Organizing target added"),
        "solidarity.support_recorded": _("Organizing support figures recorded"),
        "solidarity.stage_moved": _("Organizing stage changed"),
        "solidarity.contact_added": _("Organizing contact added"),
        "solidarity.event_created": _("Event added to the calendar"),
        "solidarity.delegation_added": _("Delegation announced"),
        "solidarity.request_drafted": _("Solidarity request drafted"),
        "solidarity.request_vetted": _("Solidarity request vetted"),
        "solidarity.request_published": _("Solidarity request published"),
        "solidarity.request_closed": _("Solidarity request closed"),
        "solidarity.pledged": _("Pledge made"),
        "solidarity.pledge_done": _("Pledge fulfilled"),
        "solidarity.letter_drafted": _("Letter drafted"),
        "solidarity.signatory_added": _("Signatory added to a letter"),
        "solidarity.signature_confirmed": _("Signature confirmed"),
        "solidarity.letter_published": _("Letter published"),
        "alerts.drafted": _("Alert drafted"),
        "alerts.sent": _("Alert sent"),
    }


def describe(entry: "AuditEntry") -> str:
    return action_labels().get(entry.action, entry.action)
