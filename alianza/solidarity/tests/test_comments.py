"""Comments on campaigns and requests: opened by the record's union, written by
whoever may read the record, moderated by that union's leaders only; a hidden
comment reaches nobody else, by page or API."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from alianza.audit.models import AuditEntry
from alianza.orgs.roles import LEADING_ROLES
from alianza.solidarity import actions
from alianza.solidarity.comment_selectors import comments_on
from alianza.solidarity.models import Comment
from alianza.solidarity.selectors import visible_campaigns
from alianza.spaces.actions import share_record

EVERYONE = [
    "usw_admin", "usw_staff", "usw_officer", "observer", "mineros_staff",
    "mineros_officer", "member", "usw_member", "mineros_observer", "outsider",
]  # fmt: skip


@pytest.fixture
def campaign(world):
    """A Los Mineros campaign, its member Mario on the team, shared into the
    alliance (the USW's leaders read it too)."""
    made = actions.create_campaign(
        world["mineros_staff"], world.mineros, kind="strike_support",
        title="Huelga de Cananea", language="es", worksite=world.cananea,
    )  # fmt: skip
    actions.add_team_member(world["mineros_staff"], made, world["member"].person)
    share_record(world["mineros_staff"], made, world.alliance)
    return made


def _leads(world, name: str, organisation) -> bool:
    """The oracle for moderation: an administrator, staff member or officer of the
    record's union (``LEADING_ROLES``), from the person's memberships."""
    person = world[name].person
    return person.memberships.filter(
        organisation=organisation, role__in=LEADING_ROLES, ended_on__isnull=True
    ).exists()


def test_closed_by_default_and_only_its_union_opens_it(world, campaign):
    assert campaign.comments_open is False
    with pytest.raises(PermissionDenied):
        actions.post_comment(world["member"], campaign, body="¡Fuerza!")
    # The USW reads the shared campaign but does not open it for Los Mineros.
    with pytest.raises(PermissionDenied):
        actions.set_comments_open(world["usw_staff"], campaign, True)
    actions.set_comments_open(world["mineros_officer"], campaign, True)
    assert AuditEntry.objects.filter(action="solidarity.comments_opened").exists()


def test_whoever_reads_an_open_campaign_comments(world, campaign):
    actions.set_comments_open(world["mineros_staff"], campaign, True)
    for name in EVERYONE:
        user = world[name]
        reads = visible_campaigns(user).filter(pk=campaign.pk).exists()
        assert user.has_perm("solidarity.add_comment", campaign) == reads, name
        if reads:
            actions.post_comment(user, campaign, body=f"Saludos de {name}")
        else:
            with pytest.raises(PermissionDenied):
                actions.post_comment(user, campaign, body="x")
    # The team member (a rank-and-file member) and both unions' leaders wrote.
    authors = set(Comment.objects.values_list("author__name", flat=True))
    assert "Mario Miembro" in authors and "Sam Staff" in authors
    assert "Olivia Outsider" not in authors and "Uriel Member" not in authors


def test_only_the_record_union_leaders_moderate(world, campaign):
    actions.set_comments_open(world["mineros_staff"], campaign, True)
    comment = actions.post_comment(world["member"], campaign, body="Texto")
    for name in EVERYONE:
        expected = _leads(world, name, world.mineros)
        assert world[name].has_perm("solidarity.moderate_comment", comment) == (
            expected
        ), name
    # The USW's leader sees the shared campaign's comments but hides none.
    with pytest.raises(PermissionDenied):
        actions.hide_comment(world["usw_staff"], comment, reason="No")
    with pytest.raises(ValidationError):
        actions.hide_comment(world["mineros_officer"], comment, reason="  ")
    actions.hide_comment(world["mineros_officer"], comment, reason="Datos personales")
    comment.refresh_from_db()
    assert comment.is_hidden and comment.hidden_by == world["mineros_officer"]
    entry = AuditEntry.objects.get(action="solidarity.comment_hidden")
    assert entry.organisation == world.mineros
    assert entry.data["reason"] == "Datos personales"
    actions.restore_comment(world["mineros_staff"], comment)
    comment.refresh_from_db()
    assert not comment.is_hidden and comment.hidden_reason == ""
    assert AuditEntry.objects.filter(action="solidarity.comment_restored").exists()


def test_a_hidden_comment_does_not_leak_by_page_or_api(client, world, campaign):
    actions.set_comments_open(world["mineros_staff"], campaign, True)
    shown = actions.post_comment(world["member"], campaign, body="Visible-uno")
    hidden = actions.post_comment(world["member"], campaign, body="Secreto-dos")
    actions.hide_comment(world["mineros_staff"], hidden, reason="Motivo-tres")
    url = campaign.get_absolute_url()
    api = f"/api/v1/solidarity/campaigns/{campaign.pk}/comments"
    for name in ["member", "usw_officer", "usw_staff", "mineros_officer"]:
        client.force_login(world[name])
        page = client.get(url).content.decode()
        listed = client.get(api).json()["items"]
        moderator = _leads(world, name, world.mineros)
        assert "Visible-uno" in page
        assert ("Secreto-dos" in page) == moderator, name
        assert ("Motivo-tres" in page) == moderator, name
        assert {c["id"] for c in listed} == (
            {shown.pk, hidden.pk} if moderator else {shown.pk}
        ), name
        # Nor may she read it one by one: the hidden comment's edit page is 404.
        answer = client.get(reverse("solidarity:comment_edit", args=[hidden.pk]))
        assert answer.status_code == (403 if moderator else 404), name
    assert not world["member"].has_perm("solidarity.view_comment", hidden)
    assert world["mineros_officer"].has_perm("solidarity.view_comment", hidden)


def test_comments_are_plain_text_and_paginated(client, world, campaign, settings):
    settings.COMMENTS_PER_HOUR = 100
    actions.set_comments_open(world["mineros_staff"], campaign, True)
    actions.post_comment(
        world["member"], campaign,
        body='<script>alert(1)</script> <a href="https://x.test">x</a> https://y.test',
    )  # fmt: skip
    for n in range(25):
        actions.post_comment(world["member"], campaign, body=f"Comentario {n:02d}")
    client.force_login(world["member"])
    first = client.get(campaign.get_absolute_url()).content.decode()
    # Newest first, 20 a page: 24 down to 05 here, the rest on page 2.
    assert "Comentario 24" in first and "Comentario 05" in first
    assert "Comentario 04" not in first
    second = client.get(campaign.get_absolute_url() + "?page=2").content.decode()
    assert (
        "Comentario 04" in second and "&lt;script&gt;alert(1)&lt;/script&gt;" in second
    )
    assert "<script>alert(1)" not in second
    assert (
        'href="https://x.test"' not in second and 'href="https://y.test"' not in second
    )


def test_length_and_rate_limits(world, campaign, settings):
    actions.set_comments_open(world["mineros_staff"], campaign, True)
    with pytest.raises(ValidationError):
        actions.post_comment(world["member"], campaign, body="   ")
    with pytest.raises(ValidationError):
        actions.post_comment(world["member"], campaign, body="x" * 2001)
    actions.post_comment(world["member"], campaign, body="x" * 2000)
    settings.COMMENTS_PER_HOUR = 3
    actions.post_comment(world["member"], campaign, body="dos")
    actions.post_comment(world["member"], campaign, body="tres")
    with pytest.raises(ValidationError, match="3"):
        actions.post_comment(world["member"], campaign, body="cuatro")
    # An hour later she may write again.
    Comment.objects.update(created_at=timezone.now() - timedelta(hours=1, seconds=1))
    actions.post_comment(world["member"], campaign, body="cinco")


def test_the_author_edits_or_deletes_within_the_window(world, campaign, settings):
    settings.COMMENT_EDIT_MINUTES = 15
    actions.set_comments_open(world["mineros_staff"], campaign, True)
    comment = actions.post_comment(world["member"], campaign, body="Primero")
    # Not someone else's, not even a moderator's.
    with pytest.raises(PermissionDenied):
        actions.edit_comment(world["mineros_staff"], comment, body="Otro")
    actions.edit_comment(world["member"], comment, body="Corregido")
    comment.refresh_from_db()
    assert comment.body == "Corregido" and comment.edited_at is not None
    # Just inside the window, then just past it.
    Comment.objects.filter(pk=comment.pk).update(
        created_at=timezone.now() - timedelta(minutes=14, seconds=50)
    )
    comment.refresh_from_db()
    assert world["member"].has_perm("solidarity.change_comment", comment)
    Comment.objects.filter(pk=comment.pk).update(
        created_at=timezone.now() - timedelta(minutes=15, seconds=1)
    )
    comment.refresh_from_db()
    with pytest.raises(PermissionDenied):
        actions.delete_comment(world["member"], comment)
    fresh = actions.post_comment(world["member"], campaign, body="Borrar")
    actions.delete_comment(world["member"], fresh)
    assert not Comment.objects.filter(pk=fresh.pk).exists()
    assert AuditEntry.objects.filter(action="solidarity.comment_deleted").exists()


def _request(world):
    from alianza.multilingual.actions import save_translation

    staff = world["mineros_staff"]
    req = actions.draft_request(  # an author never vets her own request
        world["mineros_officer"], world.mineros, title="Solidaridad", body="Apoyen.",
        language="es",
        audiences=[world.usw],
    )  # fmt: skip
    save_translation(staff, req, "title", "en", "Solidarity")
    save_translation(staff, req, "body", "en", "Support them.")
    actions.vet_request(staff, req)
    return actions.publish_request(staff, req)


def test_a_request_asked_of_the_usw_takes_comments_from_both_unions(world, client):
    req = _request(world)
    actions.set_comments_open(world["mineros_staff"], req, True)
    made = actions.post_comment(world["usw_officer"], req, body="We will rally.")
    for name in ["member", "usw_member", "outsider"]:
        with pytest.raises(PermissionDenied):
            actions.post_comment(world[name], req, body="x")
    with pytest.raises(PermissionDenied):
        actions.hide_comment(world["usw_staff"], made, reason="no")
    actions.hide_comment(world["mineros_officer"], made, reason="fuera de tema")
    assert list(comments_on(req, moderator=False)) == []
    client.force_login(world["usw_officer"])
    api = client.get(f"/api/v1/solidarity/requests/{req.pk}/comments").json()
    assert api["items"] == []
    answer = client.post(
        f"/api/v1/solidarity/requests/{req.pk}/comments",
        {"body": "Again"}, content_type="application/json",
    )  # fmt: skip
    assert answer.status_code == 201 and answer.json()["body"] == "Again"
    client.force_login(world["usw_member"])
    answer = client.post(
        f"/api/v1/solidarity/requests/{req.pk}/comments",
        {"body": "x"}, content_type="application/json",
    )  # fmt: skip
    assert answer.status_code == 404


def test_pages_post_hide_and_close(client, world, campaign):
    client.force_login(world["mineros_officer"])
    answer = client.post(
        reverse("solidarity:campaign_comments_open", args=[campaign.pk]), {"open": "1"}
    )
    assert answer.status_code == 302
    campaign.refresh_from_db()
    assert campaign.comments_open
    client.force_login(world["member"])
    answer = client.post(
        reverse("solidarity:campaign_comment", args=[campaign.pk]), {"body": "Hola"}
    )
    made = Comment.objects.get(body="Hola")
    assert answer["Location"].endswith(f"#comment-{made.pk}")
    client.force_login(world["mineros_officer"])
    client.post(reverse("solidarity:comment_hide", args=[made.pk]), {"reason": "x"})
    made.refresh_from_db()
    assert made.is_hidden
    client.post(
        reverse("solidarity:campaign_comments_open", args=[campaign.pk]), {"open": "0"}
    )
    campaign.refresh_from_db()
    assert not campaign.comments_open
    assert not world["member"].has_perm("solidarity.add_comment", campaign)


def test_its_author_opens_it_to_comments_when_she_writes_it(client, world):
    client.force_login(world["mineros_staff"])
    answer = client.post(
        reverse("solidarity:campaign_new"),
        {"organisation": world.mineros.pk, "kind": "policy", "title": "Ley minera",
         "language": "es", "comments_open": "on"},
    )  # fmt: skip
    assert answer.status_code == 302
    from alianza.solidarity.models import Campaign

    made = Campaign.objects.get(title="Ley minera")
    assert made.comments_open
    assert AuditEntry.objects.get(action="solidarity.campaign_created").data[
        "comments_open"
    ]
    # Unless she says so, it is closed.
    closed = actions.create_campaign(
        world["mineros_staff"], world.mineros, kind="policy", title="Otra",
        language="es",
    )  # fmt: skip
    assert not closed.comments_open
