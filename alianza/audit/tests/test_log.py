import pytest
from django.db import connection

from alianza.audit.log import record, verify_chain
from alianza.audit.models import AppendOnlyError, AuditEntry


def test_entries_cannot_be_changed_or_removed(world):
    entry = record(
        "orgs.people_exported", actor=world["usw_admin"], organisation=world.usw
    )
    entry.action = "something else"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.filter(pk=entry.pk).update(action="x")
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.all().delete()


def test_the_chain_shows_an_edit_made_behind_the_app(world):
    first = record(
        "orgs.people_exported", actor=world["usw_admin"], organisation=world.usw
    )
    record("orgs.people_exported", actor=world["usw_admin"], organisation=world.usw)
    assert verify_chain() is None
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE audit_auditentry SET actor_label = %s WHERE id = %s",
            ["someone-else@example.test", first.pk],
        )
    assert verify_chain() == first.pk


def test_unknown_actions_are_refused(world):
    with pytest.raises(ValueError):
        record("made.up")


def test_only_administrators_read_their_organisation_log(client, world):
    record("orgs.people_exported", actor=world["usw_admin"], organisation=world.usw)
    record(
        "orgs.people_exported", actor=world["mineros_staff"], organisation=world.mineros
    )
    client.force_login(world["usw_admin"])
    page = client.get("/audit/").content.decode()
    assert "admin@usw.test" in page and "staff@mineros.test" not in page


@pytest.mark.parametrize(("trusted", "expected"), [(0, "10.0.0.2"), (1, "203.0.113.5")])
def test_entries_record_the_client_address_behind_a_proxy(
    db, settings, trusted, expected
):
    from django.http import HttpResponse
    from django.test import RequestFactory

    from alianza.audit.context import AuditContextMiddleware

    settings.TRUSTED_PROXIES = trusted
    request = RequestFactory().post(
        "/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="192.0.2.1, 203.0.113.5"
    )
    entries = []

    def view(request):
        entries.append(record("account.login_failed", data={"email": "x@y.test"}))
        return HttpResponse()

    AuditContextMiddleware(view)(request)
    entries[0].refresh_from_db()
    assert entries[0].ip_address == expected
