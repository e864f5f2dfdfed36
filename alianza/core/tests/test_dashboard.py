"""The dashboard's recent sensitive actions: what the audit log page shows the
person, shared ground included."""

from django.urls import reverse

from alianza.audit.log import record
from alianza.spaces.models import JointSpace, Participant
from conftest import make_user


def _recent(client, user) -> list:
    """The entries the dashboard shows, but the person's own sign-in."""
    client.force_login(user)
    shown = client.get(reverse("dashboard")).context["recent_audit"]
    return [entry for entry in shown if entry.action != "account.login"]


def test_a_unions_administrators_see_the_shared_grounds_entries(client, world):
    # Los Mineros' staff acted on the Joint Commission: the entry names the space,
    # no organisation; USW takes part, so its administrators read it.
    record(
        "spaces.record_shared", actor=world["mineros_staff"], space=world.commission,
        data={"union": world.mineros.pk},
    )  # fmt: skip
    entry = world.commission.audit_entries.get()
    assert entry.organisation is None
    assert _recent(client, world["usw_admin"]) == [entry]
    assert _recent(client, world["mineros_staff"]) == [entry]


def test_no_one_outside_the_space_sees_its_entries(client, world):
    elsewhere = JointSpace.objects.create(
        slug="elsewhere", name="Elsewhere", kind="commission"
    )
    Participant.objects.create(
        space=elsewhere, organisation=world.unite, role="coordinator"
    )
    record("spaces.record_shared", actor=world["mineros_staff"], space=elsewhere)
    assert _recent(client, world["usw_admin"]) == []
    unite_admin = make_user(
        "admin@unite.test", "Una Admin", [(world.unite, "admin", None)]
    )
    assert [e.space for e in _recent(client, unite_admin)] == [elsewhere]
    # An officer administers nothing: no entries at all.
    assert _recent(client, world["usw_officer"]) == []
