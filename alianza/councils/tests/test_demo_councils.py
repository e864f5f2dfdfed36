import pytest

from alianza.core import demo
from alianza.councils.models import Council
from alianza.councils.selectors import rotation


@pytest.mark.django_db
def test_demo_councils_join_both_unions_and_rotate():
    demo.load()
    demo.load()  # idempotent
    councils = {c.employer.slug: c for c in Council.objects.all()}
    assert set(councils) == {"grupo-mexico", "arcelormittal"}
    for council in councils.values():
        unions = {m.unit.organisation.slug for m in council.member_units.all()}
        assert unions == {"usw", "los-mineros"}
    # Each council has a proposed unit waiting for the other union's answer.
    for council in councils.values():
        assert council.space.proposals.filter(status="pending").count() == 1
    turn = rotation(councils["grupo-mexico"])
    assert [m.country for m in turn.history] == ["MX", "US", "MX", "US"]
    # The Kearny meeting (Local 5102, on Arizona's clock) was the US turn: Mexico
    # hosts next, the section that has waited longest (never hosted).
    assert turn.history[-1].host_unit.name == "Local 5102 (Kearny)"
    assert str(turn.history[-1].zone) == "America/Phoenix"
    assert turn.next_country == "MX" and turn.next_host.name not in (
        "Sección 65",
        "Sección 201",
    )
    demo.reset()
    assert not Council.objects.exists()
