"""Who may use the pages and endpoints of solidarity: its rows of the authorisation matrix."""

from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests import matrix_records as rec
from tests.matrix import (
    LEADERS,
    MINEROS,
    MINEROS_LEADERS,
    PERSONAS,
    REDIRECT,
    REFUSED,
    USW,
    USW_LEADERS,
    Row,
    allow,
    expect,
    matrix_tests,
    run_page,
)

#: The organizing team (the staffer who created the campaign) works a target; the
#: other Mineros leader sees it but may not change it; no one else sees it.
ON_TEAM = {**allow({"mineros_staff"}, REDIRECT, no=404), "mineros_officer": 403}
#: An outsider does not see a published request; the members of the requesting
#: union and of the union it asks do (they pledge personally).
UNSEEN = {"outsider": 404}
#: Those who lead the USW as a whole (its staff, administrator and its union-wide
#: officer): they pledge for the USW itself; the District 12 officer pledges only
#: for her district and the units below it.
USW_WHOLE = {"observer", "usw_staff", "usw_admin"}


def _check(records) -> None:
    assert records.exists()


def _check_equal(value: Any, expected: Any) -> None:
    assert value == expected, value


def _draft_request(w):
    """A request its union has drafted: vetting it goes through."""
    from alianza.solidarity import actions
    from alianza.solidarity.models import SolidarityRequest

    return SolidarityRequest.objects.filter(title="Borrador").first() or (
        actions.draft_request(
            w["mineros_officer"],
            w.mineros,
            title="Borrador",
            body="Apoyen.",
            language="es",
            audiences=[w.usw],
        )  # fmt: skip
    )


def _vetted_request(w):
    """A request vetted and translated for the union it asks: publishing it goes
    through."""
    from alianza.multilingual.actions import save_translation
    from alianza.solidarity import actions
    from alianza.solidarity.models import SolidarityRequest

    found = SolidarityRequest.objects.filter(title="Revisada").first()
    if found:
        return found
    staff = w["mineros_staff"]
    req = actions.draft_request(
        w["mineros_officer"], w.mineros, title="Revisada", body="Apoyen.",
        language="es", audiences=[w.usw],
    )  # fmt: skip
    save_translation(staff, req, "title", "en", "Vetted")
    save_translation(staff, req, "body", "en", "Support them.")
    return actions.vet_request(staff, req)


def _members_pledge(w):
    """The Los Mineros member's own pledge on the published request."""
    from alianza.solidarity import actions

    req = rec.the_request(w)
    found = req.personal_pledges.filter(note="Voy").first()
    return found or actions.pledge_personally(
        w["member"], req, kind="attend", note="Voy"
    )


def _letter_to_publish(w):
    """A draft letter whose one signatory (a Mineros officer) has confirmed."""
    from alianza.solidarity import actions
    from alianza.solidarity.models import Letter

    found = Letter.objects.filter(title="Carta lista").first()
    if found:
        return found
    letter = actions.draft_letter(
        w["mineros_staff"], w.mineros, title="Carta lista", body="Hermanos:",
        language="es",
    )  # fmt: skip
    signer = w["mineros_officer"]
    signature = actions.add_signatory(
        w["mineros_staff"], letter, person=signer.person, organisation=w.mineros
    )
    actions.confirm_signature(signer, signature)
    return letter


def _check_status(record: Callable[[Any], Any], status: str) -> Callable[[Any], None]:
    def check(w) -> None:
        obj = record(w)
        obj.refresh_from_db()
        assert obj.status == status

    return check


def _recorded(w):
    """Unite's signature on Los Mineros' draft, recorded from an e-mail."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from alianza.solidarity import actions

    letter = rec.the_letter(w)
    found = letter.signatures.filter(organisation=w.unite).first()
    return found or actions.record_signature(
        w["mineros_staff"], letter, organisation=w.unite, name="Sharon Graham",
        method="email", evidence=SimpleUploadedFile("unite.eml", b"Unite signs."),
    )  # fmt: skip


def _invitation_token(w) -> str:
    from alianza.solidarity import actions

    _invitation, token = actions.invite_signatory(
        w["mineros_staff"], rec.the_letter(w), organisation=w.unite
    )
    return token


def _open_letter(w):
    from alianza.solidarity import actions
    from alianza.solidarity.models import Letter

    letter = Letter.objects.filter(title="Carta publica").first()
    letter = letter or rec.the_public_letter(w)
    return actions.set_open_to_individuals(w["mineros_staff"], letter, is_open=True)


def _ally_token(w) -> str:
    from alianza.solidarity.models import IndividualSignature, token_hash

    IndividualSignature.objects.create(
        letter=_open_letter(w), name="Ann Ally", email="ann@example.org",
        country="Ireland", token_hash=token_hash("ally-token"),
    )  # fmt: skip
    return "ally-token"


def _usw_officers_signature(w):
    return rec.the_letter(w).signatures.get(person=w["usw_officer"].person)


#: On Los Mineros' draft: its leaders act; its co-signer (the USW officer) sees it
#: and may not; for everyone else it does not exist.
ITS_UNION = {**allow(MINEROS_LEADERS, REDIRECT, no=404), "usw_officer": 403}


# --- Comments ------------------------------------------------------------------------


def _opened(record):
    """The record, opened to comments by its union."""

    def make(w):
        obj = record(w)
        if not obj.comments_open:
            obj.comments_open = True
            obj.save(update_fields=["comments_open"])
        return obj

    return make


def _comment_on(record, author: str, hidden: bool = False):
    """A comment by ``author`` on the (opened) record; hidden by its union when
    ``hidden``."""

    def make(w):
        from alianza.solidarity import actions
        from alianza.solidarity.models import Comment

        obj = _opened(record)(w)
        body = f"Comentario de {author}" + (" (oculto)" if hidden else "")
        found = Comment.objects.filter(body=body).first()
        if found:
            return found
        made = actions.post_comment(w[author], obj, body=body)
        if hidden:
            owner = "usw_staff" if obj.organisation == w.usw else "mineros_staff"
            actions.hide_comment(w[owner], made, reason="Fuera de tema")
        return made

    return make


def _check_comment(body: str, exists: bool = True):
    def check(w) -> None:
        from alianza.solidarity.models import Comment

        assert Comment.objects.filter(body=body).exists() == exists

    return check


def _check_open(record):
    def check(w) -> None:
        obj = record(w)
        obj.refresh_from_db()
        assert obj.comments_open

    return check


def _check_hidden(comment, hidden: bool):
    def check(w) -> None:
        obj = comment(w)
        obj.refresh_from_db()
        assert obj.is_hidden == hidden

    return check


OPEN_CAMPAIGN = _opened(rec.the_campaign)
OPEN_REQUEST = _opened(rec.the_request)
OFFICERS_COMMENT = _comment_on(rec.the_request, "usw_officer")
HIDDEN_COMMENT = _comment_on(rec.the_request, "usw_officer", hidden=True)


# A record a person may not see answers 404 (it is not admitted to exist); one she
# sees but may not change, 403.
PAGES: dict[str, Row] = {
    "solidarity:hub": Row(lambda w: reverse("solidarity:hub"), expect(200)),
    "solidarity:campaign_new": Row(
        lambda w: reverse("solidarity:campaign_new"), allow(LEADERS, 200)
    ),
    "solidarity:campaign": Row(
        lambda w: reverse("solidarity:campaign", args=[rec.the_campaign(w).pk]),
        allow(MINEROS_LEADERS, 200, no=404),
    ),
    "solidarity:campaign_timeline": Row(
        lambda w: reverse(
            "solidarity:campaign_timeline", args=[rec.the_campaign(w).pk]
        ),
        allow(MINEROS_LEADERS, REDIRECT, no=404),
        method="post",
        data=lambda w: {"kind": "rally", "happened_on": "2026-01-05", "title": "Mitin"},
        check=lambda w: _check(rec.the_campaign(w).timeline.filter(title="Mitin")),
    ),
    "solidarity:campaign_status": Row(
        lambda w: reverse("solidarity:campaign_status", args=[rec.the_campaign(w).pk]),
        allow(MINEROS_LEADERS, REDIRECT, no=404),
        method="post",
        data=lambda w: {"status": "won"},
        check=_check_status(rec.the_campaign, "won"),
    ),
    "solidarity:campaign_team": Row(
        lambda w: reverse("solidarity:campaign_team", args=[rec.the_campaign(w).pk]),
        allow(MINEROS_LEADERS, REDIRECT, no=404),
        method="post",
        data=lambda w: {"person": w["member"].person.pk},
        check=lambda w: _check(
            rec.the_campaign(w).team.filter(pk=w["member"].person.pk)
        ),
    ),
    "solidarity:strike_new": Row(
        lambda w: reverse("solidarity:strike_new", args=[rec.the_campaign(w).pk]),
        allow(MINEROS_LEADERS, 200, no=404),
    ),
    # A strike is for the union's members by default: every Mineros member reads
    # it, though its campaign stays with the leaders.
    "solidarity:strike": Row(
        lambda w: reverse("solidarity:strike", args=[rec.the_strike(w).pk]),
        allow(MINEROS, 200, no=404),
    ),
    "solidarity:target_new": Row(
        lambda w: reverse("solidarity:target_new", args=[rec.the_campaign(w).pk]),
        allow(MINEROS_LEADERS, 200, no=404),
    ),
    # Everyone who sees the campaign sees the pipeline; only its team (here the
    # staffer who created it) sees the contacts and changes the figures.
    "solidarity:target": Row(
        lambda w: reverse("solidarity:target", args=[rec.the_target(w).pk]),
        allow(MINEROS_LEADERS, 200, no=404),
    ),
    "solidarity:target_support": Row(
        lambda w: reverse("solidarity:target_support", args=[rec.the_target(w).pk]),
        ON_TEAM,
        method="post",
        data=lambda w: {"covered_workers": 100, "supporters": 31},
        check=lambda w: _check_equal(rec.the_target(w).supporters, 31),
    ),
    "solidarity:target_election": Row(
        lambda w: reverse("solidarity:target_election", args=[rec.the_target(w).pk]),
        ON_TEAM,
        method="post",
        data=lambda w: {"election": str(rec.the_representation_vote(w).pk)},
        check=lambda w: _check_equal(
            rec.the_target(w).representation_election_id,
            rec.the_representation_vote(w).pk,
        ),
    ),
    "solidarity:target_stage": Row(
        lambda w: reverse("solidarity:target_stage", args=[rec.the_target(w).pk]),
        ON_TEAM,
        method="post",
        data=lambda w: {"stage": "contacts"},
        check=lambda w: _check_equal(rec.the_target(w).stage, "contacts"),
    ),
    "solidarity:target_contact": Row(
        lambda w: reverse("solidarity:target_contact", args=[rec.the_target(w).pk]),
        ON_TEAM,
        method="post",
        data=lambda w: {"name": "Trabajadora", "phone": "+52 1"},
        check=lambda w: _check(rec.the_target(w).contacts.filter(name="Trabajadora")),
    ),
    "solidarity:events": Row(lambda w: reverse("solidarity:events"), expect(200)),
    "solidarity:event_new": Row(
        lambda w: reverse("solidarity:event_new"), allow(LEADERS, 200)
    ),
    "solidarity:event_delegation": Row(
        lambda w: reverse("solidarity:event_delegation", args=[rec.the_event(w).pk]),
        # The USW's leaders send its delegation; Los Mineros' leaders are sent back
        # with the reason (they do not lead the USW), nothing recorded.
        allow(USW_LEADERS, REDIRECT, no=403)
        | dict.fromkeys(MINEROS_LEADERS, REFUSED)
        | {"outsider": 404},
        method="post",
        data=lambda w: {"organisation": w.usw.pk, "people": 4},
        check=lambda w: _check(
            rec.the_event(w).delegations.filter(organisation=w.usw, people=4)
        ),
    ),
    # Anyone in the alliance (the event's audience) answers for herself whether she
    # will go; for the outsider the event does not exist.
    "solidarity:event_answer": Row(
        lambda w: reverse("solidarity:event_answer", args=[rec.the_event(w).pk]),
        expect(REDIRECT, outsider=404),
        method="post",
        data=lambda w: {"answer": "yes"},
        check=lambda w: _check(rec.the_event(w).rsvps.filter(answer="yes")),
    ),
    # Who answered: the organising union's (Los Mineros') leaders; for anyone else
    # the list does not exist.
    "solidarity:event_answers": Row(
        lambda w: reverse("solidarity:event_answers", args=[rec.the_event(w).pk]),
        allow(MINEROS_LEADERS, 200, no=404),
    ),
    "solidarity:events_calendar": Row(
        lambda w: reverse(
            "solidarity:events_calendar", args=[rec.the_calendar_secret(w)]
        ),
        expect(200, anonymous=200),
    ),
    "solidarity:request_new": Row(
        lambda w: reverse("solidarity:request_new"), allow(LEADERS, 200)
    ),
    # Published, asking the USW: both unions' leaders and members read it.
    "solidarity:request": Row(
        lambda w: reverse("solidarity:request", args=[rec.the_request(w).pk]),
        expect(200, outsider=404),
    ),
    "solidarity:request_vet": Row(
        lambda w: reverse("solidarity:request_vet", args=[_draft_request(w).pk]),
        {**allow({"mineros_staff"}, REDIRECT, no=404), "mineros_officer": 403},
        method="post",
        check=_check_status(_draft_request, "vetted"),
    ),
    "solidarity:request_publish": Row(
        lambda w: reverse("solidarity:request_publish", args=[_vetted_request(w).pk]),
        allow(MINEROS_LEADERS, REDIRECT, no=404),
        method="post",
        check=_check_status(_vetted_request, "published"),
    ),
    "solidarity:request_close": Row(
        lambda w: reverse("solidarity:request_close", args=[rec.the_request(w).pk]),
        {**allow(MINEROS_LEADERS, REDIRECT, no=403), **UNSEEN},
        method="post",
        data=lambda w: {"result": "partly_met", "outcome": "Dos cartas."},
        check=_check_status(rec.the_request, "closed"),
    ),
    # For the USW as a whole: those who lead it whole; the District 12 officer is
    # sent back (she pledges for her district), Los Mineros and members may not.
    "solidarity:request_pledge": Row(
        lambda w: reverse("solidarity:request_pledge", args=[rec.the_request(w).pk]),
        {**allow(USW_WHOLE, REDIRECT), "usw_officer": REFUSED, **UNSEEN},
        method="post",
        data=lambda w: {
            "pledge_for": f"org-{w.usw.pk}",
            "kind": "rally",
            "description": "Rally",
        },
        check=lambda w: _check(
            rec.the_request(w).pledges.filter(
                description="Rally", organisation=w.usw, unit=None
            )
        ),
    ),
    "solidarity:pledge_done": Row(
        lambda w: reverse("solidarity:pledge_done", args=[rec.the_pledge(w).pk]),
        {**allow(USW_WHOLE, REDIRECT), **UNSEEN},
        method="post",
        check=_check_status(rec.the_pledge, "done"),
    ),
    # The draft is shared with the USW by Los Mineros' leaders only.
    "solidarity:request_share": Row(
        lambda w: reverse("solidarity:request_share", args=[_draft_request(w).pk]),
        {**allow(MINEROS_LEADERS, REDIRECT, no=404)},
        method="post",
        data=lambda w: {"organisation": w.usw.pk},
        check=lambda w: _check(_draft_request(w).shared_with.filter(pk=w.usw.pk)),
    ),
    "solidarity:request_ask": Row(
        lambda w: reverse("solidarity:request_ask", args=[_draft_request(w).pk]),
        {**allow(MINEROS_LEADERS, REDIRECT, no=404)},
        method="post",
        data=lambda w: {"kind": "letter", "description": "Cartas"},
        check=lambda w: _check(_draft_request(w).asks.filter(description="Cartas")),
    ),
    # Everyone who reads the published request pledges personally.
    "solidarity:personal_pledge": Row(
        lambda w: reverse("solidarity:personal_pledge", args=[rec.the_request(w).pk]),
        expect(REDIRECT, outsider=404),
        method="post",
        data=lambda w: {"kind": "attend"},
        check=lambda w: _check(
            rec.the_request(w).personal_pledges.filter(kind="attend")
        ),
    ),
    # Only she withdraws her own pledge (the member's); for anyone else it does not
    # exist.
    "solidarity:personal_pledge_withdraw": Row(
        lambda w: reverse(
            "solidarity:personal_pledge_withdraw", args=[_members_pledge(w).pk]
        ),
        allow({"member"}, REDIRECT, no=404),
        method="post",
        check=lambda w: _check_equal(
            rec.the_request(w).personal_pledges.filter(note="Voy").exists(), False
        ),
    ),
    "solidarity:letter_new": Row(
        lambda w: reverse("solidarity:letter_new"), allow(LEADERS, 200)
    ),
    # A draft: its union's leaders and its co-signer (the USW officer) read it.
    "solidarity:letter": Row(
        lambda w: reverse("solidarity:letter", args=[rec.the_letter(w).pk]),
        allow(MINEROS_LEADERS | {"usw_officer"}, 200, no=404),
    ),
    "solidarity:letter_pdf": Row(
        lambda w: reverse("solidarity:letter_pdf", args=[rec.the_letter(w).pk]),
        allow(MINEROS_LEADERS | {"usw_officer"}, 200, no=404),
    ),
    "solidarity:letter_signatory": Row(
        lambda w: reverse("solidarity:letter_signatory", args=[rec.the_letter(w).pk]),
        {**allow(MINEROS_LEADERS, REDIRECT, no=404), "usw_officer": 403},
        method="post",
        data=lambda w: {"person": w["observer"].person.pk, "organisation": w.usw.pk},
        check=lambda w: _check(
            rec.the_letter(w).signatures.filter(person=w["observer"].person)
        ),
    ),
    "solidarity:letter_confirm": Row(
        lambda w: reverse(
            "solidarity:letter_confirm", args=[rec.the_letter(w).signatures.first().pk]
        ),
        {**allow(MINEROS_LEADERS, 403, no=404), "usw_officer": REDIRECT},
        method="post",
        check=lambda w: _check(
            rec.the_letter(w).signatures.filter(confirmed_at__isnull=False)
        ),
    ),
    "solidarity:letter_publish": Row(
        lambda w: reverse("solidarity:letter_publish", args=[_letter_to_publish(w).pk]),
        allow(MINEROS_LEADERS, REDIRECT, no=404),
        method="post",
        check=_check_status(_letter_to_publish, "published"),
    ),
    # Who may see the campaign: its union's leaders choose (the others do not
    # know it exists).
    "solidarity:audience": Row(
        lambda w: reverse(
            "solidarity:audience", args=["campaigns", rec.the_campaign(w).pk]
        ),
        allow(MINEROS_LEADERS, REDIRECT, no=404),
        method="post",
        data=lambda w: {"audience": "unit", "audience_unit": w.section65.pk},
        check=lambda w: _check_equal(
            (rec.the_campaign(w).audience, rec.the_campaign(w).audience_unit_id),
            ("unit", w.section65.pk),
        ),
    ),
    "solidarity:letter_public": Row(
        lambda w: reverse(
            "solidarity:letter_public", args=[rec.the_public_letter(w).slug]
        ),
        expect(200, anonymous=200),
    ),
    "solidarity:letter_invite": Row(
        lambda w: reverse("solidarity:letter_invite", args=[rec.the_letter(w).pk]),
        ITS_UNION,
        method="post",
        data=lambda w: {
            "invite-organisation": w.unite.pk,
            "invite-language": "en",
            "invite-days": 14,
        },  # fmt: skip
        check=lambda w: _check(rec.the_letter(w).invitations.all()),
    ),
    "solidarity:invitation_revoke": Row(
        lambda w: reverse(
            "solidarity:invitation_revoke",
            args=[_invitation_token(w) and rec.the_letter(w).invitations.first().pk],
        ),
        allow(MINEROS_LEADERS, REDIRECT, no=404),
        method="post",
        check=lambda w: _check(
            rec.the_letter(w).invitations.filter(revoked_at__isnull=False)
        ),
    ),
    "solidarity:letter_record_signature": Row(
        lambda w: reverse(
            "solidarity:letter_record_signature", args=[rec.the_letter(w).pk]
        ),
        ITS_UNION,
        method="post",
        data=lambda w: {
            "record-organisation": w.unite.pk,
            "record-name": "Sharon Graham",
            "record-method": "email",
            "record-evidence": SimpleUploadedFile("unite.eml", b"Unite signs."),
        },  # fmt: skip
        check=lambda w: _check(
            rec.the_letter(w).signatures.filter(
                organisation=w.unite, confirmed_at__isnull=False
            )
        ),
    ),
    "solidarity:letter_open": Row(
        lambda w: reverse("solidarity:letter_open", args=[rec.the_letter(w).pk]),
        ITS_UNION,
        method="post",
        data=lambda w: {"open": "1"},
        check=lambda w: _check_equal(rec.the_letter(w).open_to_individuals, True),
    ),
    # The confirmation is for the letter's union's leaders, not for its co-signers.
    "solidarity:signature_evidence": Row(
        lambda w: reverse("solidarity:signature_evidence", args=[_recorded(w).pk]),
        allow(MINEROS_LEADERS, 200, no=404),
    ),
    "solidarity:signature_withdraw": Row(
        lambda w: reverse(
            "solidarity:signature_withdraw", args=[_usw_officers_signature(w).pk]
        ),
        ITS_UNION,
        method="post",
        data=lambda w: {"reason": "Left office"},
        check=lambda w: _check_equal(_usw_officers_signature(w).is_withdrawn, True),
    ),
    "solidarity:signature_replace": Row(
        lambda w: reverse(
            "solidarity:signature_replace", args=[_usw_officers_signature(w).pk]
        ),
        ITS_UNION,
        method="post",
        data=lambda w: {"reason": "Left office", "name": "New Officer"},
        check=lambda w: _check(
            rec.the_letter(w).signatures.filter(replaced_by__isnull=False)
        ),
    ),
    # Opened without an account: the token is the key, whoever holds it.
    "solidarity:letter_sign_token": Row(
        lambda w: reverse("solidarity:letter_sign_token", args=[_invitation_token(w)]),
        expect(200, anonymous=200),
    ),
    "solidarity:letter_sign_confirm": Row(
        lambda w: reverse("solidarity:letter_sign_confirm", args=[_ally_token(w)]),
        expect(200, anonymous=200),
    ),
    # An open letter: everyone signed in signs with a click, an ally by e-mail.
    "solidarity:letter_sign": Row(
        lambda w: reverse("solidarity:letter_sign", args=[_open_letter(w).slug]),
        expect(REDIRECT, anonymous=REDIRECT),
        method="post",
        data=lambda w: {
            "name": "Ann Ally",
            "email": "ann@example.org",
            "country": "Ireland",
        },  # fmt: skip
        check=lambda w: _check(_open_letter(w).individual_signatures.all()),
    ),
}

API: dict[str, Row] = {
    "GET /api/v1/solidarity/campaigns": Row(
        lambda w: "/api/v1/solidarity/campaigns", expect(200, anonymous=401)
    ),
    "PUT /api/v1/solidarity/campaigns/{campaign_id}/audience": Row(
        lambda w: f"/api/v1/solidarity/campaigns/{rec.the_campaign(w).pk}/audience",
        allow(MINEROS_LEADERS, 200, no=404, anonymous=401),
        method="put",
        data=lambda w: {"audience": "union"},
        check=lambda w: _check_equal(rec.the_campaign(w).audience, "union"),
    ),
    "GET /api/v1/solidarity/requests": Row(
        lambda w: "/api/v1/solidarity/requests", expect(200, anonymous=401)
    ),
    "GET /api/v1/solidarity/requests/{request_id}": Row(
        lambda w: f"/api/v1/solidarity/requests/{rec.the_request(w).pk}",
        expect(200, anonymous=401, outsider=404),
    ),
    "POST /api/v1/solidarity/requests/{request_id}/personal-pledges": Row(
        lambda w: (
            f"/api/v1/solidarity/requests/{rec.the_request(w).pk}/personal-pledges"
        ),
        expect(201, anonymous=401, outsider=404),
        method="post",
        data=lambda w: {"kind": "share", "note": "API"},
        check=lambda w: _check(rec.the_request(w).personal_pledges.filter(note="API")),
    ),
    "POST /api/v1/solidarity/requests/{request_id}/pledges": Row(
        lambda w: f"/api/v1/solidarity/requests/{rec.the_request(w).pk}/pledges",
        {**allow(USW_WHOLE, 201, no=403, anonymous=401), "outsider": 404},
        method="post",
        data=lambda w: {
            "organisation": "usw",
            "kind": "statement",
            "description": "We stand",
        },
        check=lambda w: _check(
            rec.the_request(w).pledges.filter(
                organisation=w.usw, description="We stand"
            )
        ),
    ),
    "GET /api/v1/solidarity/alerts/{alert_id}/progress": Row(
        lambda w: f"/api/v1/solidarity/alerts/{rec.the_alert(w).pk}/progress",
        allow(MINEROS_LEADERS, 200, no=404, anonymous=401),
    ),
}

PAGES.update(
    {
        # Whoever reads an open record comments: Los Mineros' campaign, its leaders;
        # its request that asks the USW, for both unions' members, all of them.
        "solidarity:campaign_comment": Row(
            lambda w: reverse(
                "solidarity:campaign_comment", args=[OPEN_CAMPAIGN(w).pk]
            ),
            allow(MINEROS_LEADERS, REDIRECT, no=404),
            method="post",
            data=lambda w: {"body": "Fuerza"},
            check=_check_comment("Fuerza"),
        ),
        "solidarity:request_comment": Row(
            lambda w: reverse("solidarity:request_comment", args=[OPEN_REQUEST(w).pk]),
            expect(REDIRECT, outsider=404),
            method="post",
            data=lambda w: {"body": "Fuerza"},
            check=_check_comment("Fuerza"),
        ),
        # Opening a record to comments: its union's leaders only.
        "solidarity:campaign_comments_open": Row(
            lambda w: reverse(
                "solidarity:campaign_comments_open", args=[rec.the_campaign(w).pk]
            ),
            allow(MINEROS_LEADERS, REDIRECT, no=404),
            method="post",
            data=lambda w: {"open": "1"},
            check=_check_open(rec.the_campaign),
        ),
        "solidarity:request_comments_open": Row(
            lambda w: reverse(
                "solidarity:request_comments_open", args=[rec.the_request(w).pk]
            ),
            {**allow(MINEROS_LEADERS, REDIRECT, no=403), **UNSEEN},
            method="post",
            data=lambda w: {"open": "1"},
            check=_check_open(rec.the_request),
        ),
        # Her own comment: the USW officer edits or deletes it; the other leaders
        # who read it may not; for the rest it does not exist.
        "solidarity:comment_edit": Row(
            lambda w: reverse("solidarity:comment_edit", args=[OFFICERS_COMMENT(w).pk]),
            expect(403, outsider=404, usw_officer=200),
        ),
        "solidarity:comment_delete": Row(
            lambda w: reverse(
                "solidarity:comment_delete", args=[OFFICERS_COMMENT(w).pk]
            ),
            expect(403, outsider=404, usw_officer=REDIRECT),
            method="post",
            check=_check_comment("Comentario de usw_officer", exists=False),
        ),
        # Moderation: the request's union (Los Mineros); the USW's leaders read
        # the comment but do not hide it, and a hidden one does not exist for them.
        "solidarity:comment_hide": Row(
            lambda w: reverse("solidarity:comment_hide", args=[OFFICERS_COMMENT(w).pk]),
            {**allow(MINEROS_LEADERS, REDIRECT, no=403), **UNSEEN},
            method="post",
            data=lambda w: {"reason": "Fuera de tema"},
            check=_check_hidden(OFFICERS_COMMENT, True),
        ),
        "solidarity:comment_restore": Row(
            lambda w: reverse(
                "solidarity:comment_restore", args=[HIDDEN_COMMENT(w).pk]
            ),
            allow(MINEROS_LEADERS, REDIRECT, no=404),
            method="post",
            check=_check_hidden(HIDDEN_COMMENT, False),
        ),
    }
)

API.update(
    {
        "GET /api/v1/solidarity/campaigns/{campaign_id}/comments": Row(
            lambda w: f"/api/v1/solidarity/campaigns/{OPEN_CAMPAIGN(w).pk}/comments",
            allow(MINEROS_LEADERS, 200, no=404, anonymous=401),
        ),
        "POST /api/v1/solidarity/campaigns/{campaign_id}/comments": Row(
            lambda w: f"/api/v1/solidarity/campaigns/{OPEN_CAMPAIGN(w).pk}/comments",
            allow(MINEROS_LEADERS, 201, no=404, anonymous=401),
            method="post",
            data=lambda w: {"body": "Fuerza"},
            check=_check_comment("Fuerza"),
        ),
        "GET /api/v1/solidarity/requests/{request_id}/comments": Row(
            lambda w: f"/api/v1/solidarity/requests/{OPEN_REQUEST(w).pk}/comments",
            expect(200, anonymous=401, outsider=404),
        ),
        "POST /api/v1/solidarity/requests/{request_id}/comments": Row(
            lambda w: f"/api/v1/solidarity/requests/{OPEN_REQUEST(w).pk}/comments",
            expect(201, anonymous=401, outsider=404),
            method="post",
            data=lambda w: {"body": "Fuerza"},
            check=_check_comment("Fuerza"),
        ),
    }
)

test_page, test_api, test_every_route_has_a_row = matrix_tests("solidarity", PAGES, API)


# The other direction: a USW campaign, strike, organizing target, request and letter,
# run by the USW's leaders; for Los Mineros' leaders, as for anyone else, they do not
# exist (a request that asks Los Mineros and a letter they co-sign apart), and nothing
# of them changes.

#: The USW's organizing team (the staffer who created the campaign) works its target;
#: the USW's other leaders see it and may not change it; no one else sees it.
USW_ON_TEAM = {
    **allow({"usw_staff"}, REDIRECT, no=404),
    **dict.fromkeys(USW_LEADERS - {"usw_staff"}, 403),
}
USW_MANAGERS = {"usw_staff", "usw_admin"}


def _usw_draft_request(w):
    """A request the USW has drafted, asking Los Mineros."""
    from alianza.solidarity import actions
    from alianza.solidarity.models import SolidarityRequest

    return SolidarityRequest.objects.filter(title="Draft").first() or (
        actions.draft_request(
            w["usw_officer"],
            w.usw,
            title="Draft",
            body="Support us.",
            language="en",
            audiences=[w.mineros],
        )  # fmt: skip
    )


def _usw_vetted_request(w):
    """A USW request vetted and translated for Los Mineros."""
    from alianza.multilingual.actions import save_translation
    from alianza.solidarity import actions
    from alianza.solidarity.models import SolidarityRequest

    found = SolidarityRequest.objects.filter(title="Vetted").first()
    if found:
        return found
    staff = w["usw_staff"]
    req = actions.draft_request(
        w["usw_officer"], w.usw, title="Vetted", body="Support us.", language="en",
        audiences=[w.mineros],
    )  # fmt: skip
    save_translation(staff, req, "title", "es", "Revisada")
    save_translation(staff, req, "body", "es", "Apóyennos.")
    return actions.vet_request(staff, req)


def _usw_letter_to_publish(w):
    """A USW draft letter whose one signatory (a USW officer) has confirmed."""
    from alianza.solidarity import actions
    from alianza.solidarity.models import Letter

    found = Letter.objects.filter(title="Letter ready").first()
    if found:
        return found
    letter = actions.draft_letter(
        w["usw_staff"], w.usw, title="Letter ready", body="Brothers and sisters:",
        language="en",
    )  # fmt: skip
    signer = w["usw_officer"]
    signature = actions.add_signatory(
        w["usw_staff"], letter, person=signer.person, organisation=w.usw
    )
    actions.confirm_signature(signer, signature)
    return letter


USW_OFFICERS_COMMENT = _comment_on(rec.the_usw_request, "mineros_officer")
USW_HIDDEN_COMMENT = _comment_on(rec.the_usw_request, "mineros_officer", hidden=True)

MIRROR_PAGES: dict[str, Row] = {
    "solidarity:campaign_comment (the USW's)": Row(
        lambda w: reverse(
            "solidarity:campaign_comment", args=[_opened(rec.the_usw_campaign)(w).pk]
        ),
        allow(USW_LEADERS, REDIRECT, no=404),
        method="post",
        data=lambda w: {"body": "Strength"},
        check=_check_comment("Strength"),
    ),
    "solidarity:campaign_comments_open (the USW's)": Row(
        lambda w: reverse(
            "solidarity:campaign_comments_open", args=[rec.the_usw_campaign(w).pk]
        ),
        allow(USW_LEADERS, REDIRECT, no=404),
        method="post",
        data=lambda w: {"open": "1"},
        check=_check_open(rec.the_usw_campaign),
    ),
    "solidarity:request_comments_open (the USW's)": Row(
        lambda w: reverse(
            "solidarity:request_comments_open", args=[rec.the_usw_request(w).pk]
        ),
        {**allow(USW_LEADERS, REDIRECT, no=403), **UNSEEN},
        method="post",
        data=lambda w: {"open": "1"},
        check=_check_open(rec.the_usw_request),
    ),
    "solidarity:comment_hide (on the USW's request)": Row(
        lambda w: reverse("solidarity:comment_hide", args=[USW_OFFICERS_COMMENT(w).pk]),
        {**allow(USW_LEADERS, REDIRECT, no=403), **UNSEEN},
        method="post",
        data=lambda w: {"reason": "Off topic"},
        check=_check_hidden(USW_OFFICERS_COMMENT, True),
    ),
    "solidarity:comment_restore (on the USW's request)": Row(
        lambda w: reverse(
            "solidarity:comment_restore", args=[USW_HIDDEN_COMMENT(w).pk]
        ),
        allow(USW_LEADERS, REDIRECT, no=404),
        method="post",
        check=_check_hidden(USW_HIDDEN_COMMENT, False),
    ),
    "solidarity:campaign (the USW's)": Row(
        lambda w: reverse("solidarity:campaign", args=[rec.the_usw_campaign(w).pk]),
        allow(USW_LEADERS, 200, no=404),
    ),
    "solidarity:campaign_timeline (the USW's)": Row(
        lambda w: reverse(
            "solidarity:campaign_timeline", args=[rec.the_usw_campaign(w).pk]
        ),
        allow(USW_LEADERS, REDIRECT, no=404),
        method="post",
        data=lambda w: {"kind": "rally", "happened_on": "2026-01-05", "title": "Rally"},
        check=lambda w: _check(rec.the_usw_campaign(w).timeline.filter(title="Rally")),
    ),
    "solidarity:campaign_status (the USW's)": Row(
        lambda w: reverse(
            "solidarity:campaign_status", args=[rec.the_usw_campaign(w).pk]
        ),
        allow(USW_LEADERS, REDIRECT, no=404),
        method="post",
        data=lambda w: {"status": "won"},
        check=_check_status(rec.the_usw_campaign, "won"),
    ),
    "solidarity:campaign_team (the USW's)": Row(
        lambda w: reverse(
            "solidarity:campaign_team", args=[rec.the_usw_campaign(w).pk]
        ),
        allow(USW_LEADERS, REDIRECT, no=404),
        method="post",
        data=lambda w: {"person": w["usw_member"].person.pk},
        check=lambda w: _check(
            rec.the_usw_campaign(w).team.filter(pk=w["usw_member"].person.pk)
        ),
    ),
    "solidarity:strike (the USW's)": Row(
        lambda w: reverse("solidarity:strike", args=[rec.the_usw_strike(w).pk]),
        allow(USW, 200, no=404),
    ),
    "solidarity:target (the USW's)": Row(
        lambda w: reverse("solidarity:target", args=[rec.the_usw_target(w).pk]),
        allow(USW_LEADERS, 200, no=404),
    ),
    "solidarity:target_support (the USW's)": Row(
        lambda w: reverse("solidarity:target_support", args=[rec.the_usw_target(w).pk]),
        USW_ON_TEAM,
        method="post",
        data=lambda w: {"covered_workers": 300, "supporters": 95},
        check=lambda w: _check_equal(rec.the_usw_target(w).supporters, 95),
    ),
    "solidarity:target_stage (the USW's)": Row(
        lambda w: reverse("solidarity:target_stage", args=[rec.the_usw_target(w).pk]),
        USW_ON_TEAM,
        method="post",
        data=lambda w: {"stage": "contacts"},
        check=lambda w: _check_equal(rec.the_usw_target(w).stage, "contacts"),
    ),
    "solidarity:target_contact (the USW's)": Row(
        lambda w: reverse("solidarity:target_contact", args=[rec.the_usw_target(w).pk]),
        USW_ON_TEAM,
        method="post",
        data=lambda w: {"name": "Smelter worker", "phone": "+1 520"},
        check=lambda w: _check(
            rec.the_usw_target(w).contacts.filter(name="Smelter worker")
        ),
    ),
    # Published, asking Los Mineros: both unions' leaders read it; only the USW's
    # close it, only Los Mineros' pledge.
    "solidarity:request (the USW's)": Row(
        lambda w: reverse("solidarity:request", args=[rec.the_usw_request(w).pk]),
        expect(200, outsider=404),
    ),
    "solidarity:request_vet (the USW's)": Row(
        lambda w: reverse("solidarity:request_vet", args=[_usw_draft_request(w).pk]),
        {**allow(USW_MANAGERS, REDIRECT, no=404), "observer": 403, "usw_officer": 403},
        method="post",
        check=_check_status(_usw_draft_request, "vetted"),
    ),
    "solidarity:request_publish (the USW's)": Row(
        lambda w: reverse(
            "solidarity:request_publish", args=[_usw_vetted_request(w).pk]
        ),
        allow(USW_LEADERS, REDIRECT, no=404),
        method="post",
        check=_check_status(_usw_vetted_request, "published"),
    ),
    "solidarity:request_close (the USW's)": Row(
        lambda w: reverse("solidarity:request_close", args=[rec.the_usw_request(w).pk]),
        {**allow(USW_LEADERS, REDIRECT, no=403), **UNSEEN},
        method="post",
        data=lambda w: {"result": "met"},
        check=_check_status(rec.the_usw_request, "closed"),
    ),
    "solidarity:request_pledge (the USW's)": Row(
        lambda w: reverse(
            "solidarity:request_pledge", args=[rec.the_usw_request(w).pk]
        ),
        {**allow({"mineros_staff"}, REDIRECT), "mineros_officer": REFUSED, **UNSEEN},
        method="post",
        data=lambda w: {
            "pledge_for": f"org-{w.mineros.pk}",
            "kind": "rally",
            "description": "Mitin",
        },
        check=lambda w: _check(
            rec.the_usw_request(w).pledges.filter(
                description="Mitin", organisation=w.mineros
            )
        ),
    ),
    # For District 12 of the USW: its officer, and those who lead the USW whole.
    "solidarity:request_pledge (for District 12)": Row(
        lambda w: reverse("solidarity:request_pledge", args=[rec.the_request(w).pk]),
        {**allow(USW_WHOLE | {"usw_officer"}, REDIRECT), **UNSEEN},
        method="post",
        data=lambda w: {
            "pledge_for": f"unit-{w.district12.pk}",
            "kind": "delegation",
            "description": "Delegation",
        },
        check=lambda w: _check(
            rec.the_request(w).pledges.filter(unit=w.district12, kind="delegation")
        ),
    ),
    "solidarity:pledge_done (Los Mineros', on the USW's request)": Row(
        lambda w: reverse("solidarity:pledge_done", args=[rec.the_usw_pledge(w).pk]),
        {**allow({"mineros_staff"}, REDIRECT), **UNSEEN},
        method="post",
        check=_check_status(rec.the_usw_pledge, "done"),
    ),
    # A USW draft: its leaders and its co-signer (Los Mineros' officer) read it.
    "solidarity:letter (the USW's)": Row(
        lambda w: reverse("solidarity:letter", args=[rec.the_usw_letter(w).pk]),
        allow(USW_LEADERS | {"mineros_officer"}, 200, no=404),
    ),
    "solidarity:letter_pdf (the USW's)": Row(
        lambda w: reverse("solidarity:letter_pdf", args=[rec.the_usw_letter(w).pk]),
        allow(USW_LEADERS | {"mineros_officer"}, 200, no=404),
    ),
    "solidarity:letter_signatory (the USW's)": Row(
        lambda w: reverse(
            "solidarity:letter_signatory", args=[rec.the_usw_letter(w).pk]
        ),
        {**allow(USW_LEADERS, REDIRECT, no=404), "mineros_officer": 403},
        method="post",
        data=lambda w: {
            "person": w["mineros_staff"].person.pk,
            "organisation": w.mineros.pk,
        },
        check=lambda w: _check(
            rec.the_usw_letter(w).signatures.filter(person=w["mineros_staff"].person)
        ),
    ),
    "solidarity:letter_confirm (the USW's)": Row(
        lambda w: reverse(
            "solidarity:letter_confirm",
            args=[rec.the_usw_letter(w).signatures.first().pk],
        ),
        {**allow(USW_LEADERS, 403, no=404), "mineros_officer": REDIRECT},
        method="post",
        check=lambda w: _check(
            rec.the_usw_letter(w).signatures.filter(confirmed_at__isnull=False)
        ),
    ),
    "solidarity:letter_publish (the USW's)": Row(
        lambda w: reverse(
            "solidarity:letter_publish", args=[_usw_letter_to_publish(w).pk]
        ),
        allow(USW_LEADERS, REDIRECT, no=404),
        method="post",
        check=_check_status(_usw_letter_to_publish, "published"),
    ),
}


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("name", sorted(MIRROR_PAGES))
def test_mirror_page(client, matrix_world, name, persona):
    run_page(client, matrix_world, MIRROR_PAGES[name], persona)
