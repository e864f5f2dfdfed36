"""Permission predicates for accounts: API tokens and the second factor."""

import rules

from alianza.orgs.rules import manages_owner
from alianza.orgs.selectors import standing


@rules.predicate
def owns_token(user, token) -> bool:
    return token is not None and token.user_id == user.pk


@rules.predicate
def lacks_required_second_factor(user) -> bool:
    """A leader (or a superuser) who has not yet connected an authenticator app."""
    from allauth.mfa.models import Authenticator

    if not user.is_authenticated or not standing(user).needs_mfa:
        return False
    return not Authenticator.objects.filter(
        user=user, type=Authenticator.Type.TOTP
    ).exists()


rules.add_perm("accounts.revoke_token", owns_token)
# Those who may invite to the organisation see its invitations.
rules.add_perm("accounts.view_invitation", manages_owner)
# Asked with ``require(..., superusers_too=True)``: a superuser is no exception.
rules.add_perm("accounts.use_api", ~lacks_required_second_factor)
