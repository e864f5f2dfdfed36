"""Lost and stolen codes: the credential authority publishes its own key, then
replaces a voter's code during the vote with a new public credential it signs
(docs/voting-protocol.md §5.1). Alianza never sees a secret code."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from alianza.lib.permissions import require
from votecore import authority

from ..models import CredentialReplacement, Election, ProvisionalVoter, Voter
from ._shared import audit, locked, require_status
from .board import append_event


def publish_authority_key(actor: Any, election: Election, public_key: str) -> None:
    """The credential authority's public key goes on the board, once, after the
    election key and before the vote opens."""
    require(actor, "elections.issue_credentials", election)
    store_authority_key(election, public_key, actor)


@transaction.atomic
def store_authority_key(election: Election, public_key: str, actor: Any = None) -> None:
    election = locked(election)
    require_status(election, Election.Status.KEYS, Election.Status.CREDENTIALS)
    if election.key is None:
        raise ValidationError(_("The trustees have not made the election key yet."))
    if election.authority_key:
        raise ValidationError(_("The credential authority's key is already published."))
    payload = authority.authority_payload(public_key)
    try:
        authority.check_authority(payload)
    except authority.AuthorityError as exc:
        raise ValidationError(
            {"public_key": _("This is not a valid public key.")}
        ) from exc
    append_event(election, "authority", payload)
    Election.objects.filter(pk=election.pk).update(authority_key=public_key)
    audit("elections.authority_key_published", actor, election)


def credential_in_use(election: Election, public: str) -> bool:
    """The public credential is, or was, someone's in this election."""
    return (
        Voter.objects.filter(election=election, credential=public).exists()
        or ProvisionalVoter.objects.filter(credential=public).exists()
        or election.replacements.filter(old=public).exists()
    )


def replace_credential(
    actor: Any, election: Election, replacement: dict[str, Any]
) -> CredentialReplacement:
    """Revoke a voter's code and give her line the new public credential, same
    weight, as the authority's signed ``replacement`` says (its program makes it:
    ``python -m votecore.authority replace``). The old code's ballots no longer
    count; she votes again with the new one."""
    require(actor, "elections.issue_credentials", election)
    return store_replacement(election, replacement, actor)


@transaction.atomic
def store_replacement(
    election: Election, replacement: dict[str, Any], actor: Any = None
) -> CredentialReplacement:
    election = locked(election)
    require_status(election, Election.Status.CREDENTIALS, Election.Status.OPEN)
    if not election.authority_key:
        raise ValidationError(
            _("Publish the credential authority's key before replacing a code.")
        )
    assert election.key is not None  # made before the credentials
    try:
        authority.check_replacement(
            election.key["fingerprint"], election.authority_key, replacement
        )
    except authority.AuthorityError as exc:
        raise ValidationError(
            _("The replacement was refused: %(reason)s") % {"reason": str(exc)}
        ) from exc
    voter = (
        Voter.objects.select_for_update()
        .filter(election=election, credential=replacement["old"])
        .first()
    )
    if voter is None:
        raise ValidationError(_("No voter of this election holds that credential."))
    if credential_in_use(election, replacement["new"]):
        raise ValidationError(_("The new credential is already in use."))
    append_event(election, "credential_replaced", replacement)
    done = CredentialReplacement.objects.create(
        election=election,
        voter=voter,
        old=replacement["old"],
        new=replacement["new"],
        reason=replacement["reason"],
        by=actor,
    )
    # Her old code's ballots no longer count: she has not voted with the new one.
    Voter.objects.filter(pk=voter.pk).update(
        credential=replacement["new"], voted_at=None
    )
    audit(
        "elections.credential_replaced",
        actor,
        election,
        voter=voter.pk,
        reason=replacement["reason"],
    )
    return done
