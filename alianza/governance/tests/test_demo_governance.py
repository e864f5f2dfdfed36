import pytest

from alianza.core import demo
from alianza.governance.models import Forwarding, Meeting, Minutes
from alianza.governance.selectors import quorum


@pytest.mark.django_db
def test_demo_meetings_observers_and_the_forwarded_recommendation():
    demo.load()
    demo.load()  # idempotent
    nec = Meeting.objects.get(title="Sesión ordinaria del Comité Ejecutivo Nacional")
    observer = nec.speakers.get().seat
    assert observer.kind == "observer" and observer.representing.slug == "usw"
    assert quorum(nec).present == 5  # the observer, present, is not counted
    ieb = Meeting.objects.get(
        title="Regular meeting of the International Executive Board"
    )
    assert ieb.speakers.get().seat.representing.slug == "los-mineros"
    forwarded = {
        f.body.short_name: f for f in Forwarding.objects.select_related("body")
    }
    assert set(forwarded) == {"CEN", "IEB"}
    assert forwarded["IEB"].decision == "adopted"
    assert forwarded["CEN"].local_motion.meeting.status == "scheduled"
    assert Minutes.objects.count() == 3
    assert nec.motions.get().follow_ups.get().progress == 60
    demo.reset()
    assert not Meeting.objects.exists()
