"""A council's meeting becomes one record: the governance meeting of the council's
body. The date, end, venue and the host's zone move there (or into the body's
meeting already held at the same time, which then is the one record); the council's
side keeps the host, the interpretation needs and the online link."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

from alianza.lib.when import guess_zone


def _host_zone(cm) -> str:
    if cm.time_zone:
        return cm.time_zone
    unit = cm.host_unit
    if unit is not None:
        return (
            unit.time_zone
            or guess_zone(unit.country, unit.place)
            or unit.organisation.time_zone
        )
    return guess_zone(cm.country, cm.place)


def into_one_record(apps, schema_editor):
    CouncilMeeting = apps.get_model("councils", "CouncilMeeting")
    Meeting = apps.get_model("governance", "Meeting")
    for cm in CouncilMeeting.objects.select_related(
        "council__body", "council__space", "host_unit__organisation"
    ):
        body = cm.council.body
        meeting = (
            Meeting.objects.filter(body=body, starts_at=cm.starts_at)
            .exclude(council_meeting__isnull=False)
            .first()
        )
        zone = _host_zone(cm)
        if meeting is None:
            meeting = Meeting.objects.create(
                body=body,
                title=f"{cm.council.space.name}: {cm.place or cm.country}",
                starts_at=cm.starts_at,
                ends_at=cm.ends_at,
                place=cm.place,
                time_zone=zone,
                language=cm.council.space.language or "en",
                mode="hybrid" if cm.online_url else "in_person",
            )
        else:
            # The body's meeting at the same time was the same meeting: it keeps
            # its agenda and minutes and takes what only the council's copy held.
            meeting.ends_at = meeting.ends_at or cm.ends_at
            meeting.place = meeting.place or cm.place
            meeting.time_zone = meeting.time_zone or zone
            meeting.save(update_fields=["ends_at", "place", "time_zone"])
        cm.meeting = meeting
        cm.save(update_fields=["meeting"])


class Migration(migrations.Migration):
    dependencies = [
        ("councils", "0005_action_items_record_their_language"),
        ("documents", "0001_initial"),
        ("governance", "0006_meeting_ends"),
        ("orgs", "0004_time_zones"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="councilmeeting",
            name="meeting",
            field=models.OneToOneField(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="council_meeting",
                to="governance.meeting",
                verbose_name="meeting",
            ),
        ),
        migrations.RunPython(into_one_record, migrations.RunPython.noop),
    ]
