"""Invitations, account creation, the interface language and personal API tokens."""

from typing import Any

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from alianza.audit.log import record
from alianza.lib.permissions import require
from alianza.lib.when import is_zone
from alianza.orgs.actions import check_may_grant, check_unit, clean_contacts
from alianza.orgs.models import ContactChannel, Membership, Organisation, Person, Unit

from .models import ApiToken, Invitation, User, hash_secret
from .selectors import find_invitation
from .tasks import send_email


@transaction.atomic
def invite(
    actor: Any,
    organisation: Organisation,
    *,
    email: str,
    name: str,
    role: str,
    language: str,
    unit: Unit | None = None,
    person: Person | None = None,
) -> tuple[Invitation, str]:
    """Invite someone to open an account. Returns the invitation and its secret link."""
    require(actor, "orgs.invite", organisation)
    check_unit(organisation, unit)
    check_may_grant(actor, organisation, role)
    email = email.strip().lower()
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError(
            {"email": _("Someone already has an account with this address.")}
        )
    if person is not None:
        require(actor, "orgs.change_person", person)
        if person.user_id:
            raise ValidationError(_("This person already has an account."))
    invitation = Invitation(
        organisation=organisation,
        unit=unit,
        person=person,
        email=email,
        name=name.strip(),
        role=role,
        language=language,
        invited_by=actor,
    )
    token = Invitation.new_token()
    invitation.set_token(token)
    invitation.full_clean(exclude=["token_hash", "invited_by"])
    invitation.save()
    link = settings.SITE_URL.rstrip("/") + reverse("accept_invitation", args=[token])
    with translation.override(language):
        subject = _("You are invited to Alianza")
        body = render_to_string(
            "accounts/email/invitation.txt",
            {"invitation": invitation, "link": link, "inviter": actor},
        )
    transaction.on_commit(lambda: send_email.enqueue(email, str(subject), body))
    record(
        "account.invitation_sent",
        actor=actor,
        organisation=organisation,
        target=invitation,
        data={"email": email, "role": role},
    )
    return invitation, link


@transaction.atomic
def revoke_invitation(actor: Any, invitation: Invitation) -> Invitation:
    require(actor, "orgs.invite", invitation.organisation)
    if not invitation.is_usable:
        raise ValidationError(_("This invitation can no longer be used."))
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])
    record(
        "account.invitation_revoked",
        actor=actor,
        organisation=invitation.organisation,
        target=invitation,
    )
    return invitation


@transaction.atomic
def accept_invitation(
    token: str, *, name: str, password: str, language: str, phone: str = ""
) -> User:
    """Create the account, its person and membership, all or nothing."""
    invitation = find_invitation(token)
    if invitation is None or not invitation.is_usable:
        raise ValidationError(
            _("This invitation is not valid any more. Ask for a new one.")
        )
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_usable:
        raise ValidationError(
            _("This invitation is not valid any more. Ask for a new one.")
        )
    # Her clock until she chooses another: her unit's, else her union's.
    user = User(
        email=invitation.email,
        language=language,
        time_zone=(invitation.unit.zone_key if invitation.unit else "")
        or invitation.organisation.time_zone,
    )
    validate_password(password, user)
    user.set_password(password)
    user.save()
    person = invitation.person
    if person is None:
        person = Person.objects.create(
            name=name.strip() or invitation.name,
            country=(invitation.unit.country if invitation.unit else None)
            or (invitation.organisation.countries or ["US"])[0],
            preferred_language=language,
            languages_spoken=[language],
        )
    person.user = user
    person.preferred_language = language
    person.save()
    ContactChannel.objects.get_or_create(
        person=person, kind=ContactChannel.Kind.EMAIL, value=invitation.email
    )
    if phone.strip():
        for kind, value in clean_contacts([(ContactChannel.Kind.PHONE, phone)]):
            ContactChannel.objects.get_or_create(person=person, kind=kind, value=value)
    already = Membership.objects.current().filter(
        person=person, organisation=invitation.organisation, role=invitation.role
    )
    if not already.exists():
        Membership.objects.create(
            person=person,
            organisation=invitation.organisation,
            unit=invitation.unit,
            role=invitation.role,
            started_on=timezone.localdate(),
        )
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    record(
        "account.invitation_accepted",
        actor=user,
        organisation=invitation.organisation,
        target=invitation,
        data={"role": invitation.role},
    )
    return user


@transaction.atomic
def set_language(user: Any, language: str) -> User:
    """Remember the interface language on the account and on its person."""
    if language not in dict(settings.LANGUAGES):
        raise ValidationError({"language": _("Choose one of the languages offered.")})
    before = user.language
    user.language = language
    user.save(update_fields=["language"])
    Person.objects.filter(user=user).update(preferred_language=language)
    if before != language:
        record(
            "account.language_changed",
            actor=user,
            target=user,
            data={"from": before, "to": language},
        )
    return user


def set_time_zone(user: Any, time_zone: str) -> User:
    """Remember the clock the person reads times on."""
    if not is_zone(time_zone):
        raise ValidationError({"time_zone": _("Choose a time zone.")})
    before = user.time_zone
    if before != time_zone:
        user.time_zone = time_zone
        user.save(update_fields=["time_zone"])
        record(
            "account.time_zone_changed",
            actor=user,
            target=user,
            data={"from": before, "to": time_zone},
        )
    return user


@transaction.atomic
def create_token(user: Any, name: str) -> tuple[ApiToken, str]:
    name = name.strip()
    if not name:
        raise ValidationError(
            {"name": _("Give the token a name, so you can recognise it.")}
        )
    secret = ApiToken.new_secret()
    token = ApiToken(user=user, name=name)
    token.set_secret(secret)
    token.save()
    record("account.token_created", actor=user, target=token)
    return token, secret


@transaction.atomic
def revoke_token(user: Any, token: ApiToken) -> ApiToken:
    require(user, "accounts.revoke_token", token)
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        record("account.token_revoked", actor=user, target=token)
    return token


def authenticate_token(secret: str) -> User | None:
    token = (
        ApiToken.objects.select_related("user")
        .filter(token_hash=hash_secret(secret), revoked_at__isnull=True)
        .first()
    )
    if token is None or not token.user.is_active:
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token.user
