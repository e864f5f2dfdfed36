"""The rules a body meets and decides by."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from alianza.bodies.workflow import motion_state_choices, motion_states


def test_the_bodys_managers_set_its_rules(client, world):
    url = reverse("bodies:body_rules", args=[world.nec.pk])
    client.force_login(world["mineros_officer"])
    assert client.get(url).status_code == 403
    client.force_login(world["mineros_staff"])
    data = {
        "quorum_rule": "fixed", "quorum_number": "", "proxy_limit": "2",
        "motion_supporters": "0", "motion_states": ["on_agenda", "debated", "withdrawn"],
    }  # fmt: skip
    page = client.post(url, data)
    assert page.status_code == 200  # in the staffer's language, Spanish
    with translation.override("es"):
        expected = translation.gettext(
            "Give the number of voting members needed for quorum."
        )
    assert expected in page.content.decode()
    data["quorum_number"] = "3"
    assert client.post(url, data).status_code == 302
    world.nec.refresh_from_db()
    assert world.nec.quorum_required() == 3 and world.nec.proxy_limit == 2
    # Submitted, adopted and rejected always stay; "referred" is switched off.
    assert world.nec.motion_states == [
        "submitted", "on_agenda", "debated", "adopted", "rejected", "withdrawn",
    ]  # fmt: skip


def test_a_bodys_motion_states_are_those_governance_registers():
    """Bodies never import governance: its states arrive through bodies.workflow."""
    values = [value for value, _label in motion_state_choices()]
    assert values == [
        "submitted", "on_agenda", "debated", "adopted", "rejected", "referred",
        "withdrawn",
    ]  # fmt: skip
    assert motion_states([]) == []  # every state
    assert motion_states(["referred"]) == [
        "submitted", "adopted", "rejected", "referred",
    ]  # fmt: skip
    with pytest.raises(ValidationError):
        motion_states(["tabled"])
