"""A body says where it usually meets: its meetings are on that clock."""

from django.urls import reverse

from alianza.audit.models import AuditEntry

RULES = {
    "quorum_rule": "majority", "quorum_number": "", "proxy_limit": "1",
    "motion_supporters": "1", "motion_states": [],
}  # fmt: skip


def test_its_managers_set_where_it_meets(client, world):
    url = reverse("bodies:body_rules", args=[world.nec.pk])
    client.force_login(world["mineros_staff"])
    response = client.post(url, {**RULES, "time_zone": "America/Hermosillo"})
    assert response.status_code == 302
    world.nec.refresh_from_db()
    assert world.nec.zone.key == "America/Hermosillo"
    entry = AuditEntry.objects.filter(action="bodies.rules_changed").latest("pk")
    assert entry.data["time_zone"] == "America/Hermosillo"
    # Left empty, it meets on its union's clock (the server's when the union has none).
    client.post(url, {**RULES, "time_zone": ""})
    world.nec.refresh_from_db()
    world.mineros.time_zone = "America/Mexico_City"
    world.mineros.save()
    assert world.nec.zone.key == "America/Mexico_City"


def test_an_officer_the_other_union_and_the_outsider_cannot(client, world):
    url = reverse("bodies:body_rules", args=[world.nec.pk])
    for name, status in (
        ("mineros_officer", 403),
        ("usw_staff", 404),
        ("outsider", 404),
    ):
        client.force_login(world[name])
        response = client.post(url, {**RULES, "time_zone": "America/New_York"})
        assert response.status_code == status
    world.nec.refresh_from_db()
    assert world.nec.time_zone == ""


def test_a_zone_not_offered_is_refused(client, world):
    client.force_login(world["mineros_staff"])
    url = reverse("bodies:body_rules", args=[world.nec.pk])
    response = client.post(url, {**RULES, "time_zone": "Mars/Olympus"})
    assert response.status_code == 200
    world.nec.refresh_from_db()
    assert world.nec.time_zone == ""
