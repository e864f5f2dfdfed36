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
        migrations.RemoveConstraint(
            model_name="councilmeeting", name="meeting_ends_after_it_starts"
        ),
        migrations.AlterModelOptions(
            name="councilmeeting",
            options={
                "ordering": ["meeting__starts_at"],
                "verbose_name": "council meeting",
                "verbose_name_plural": "council meetings",
            },
        ),
        migrations.RemoveField(model_name="councilmeeting", name="starts_at"),
        migrations.RemoveField(model_name="councilmeeting", name="ends_at"),
        migrations.RemoveField(model_name="councilmeeting", name="place"),
        migrations.RemoveField(model_name="councilmeeting", name="time_zone"),
        migrations.AlterField(
            model_name="councilmeeting",
            name="meeting",
            field=models.OneToOneField(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="council_meeting",
                to="governance.meeting",
                verbose_name="meeting",
            ),
        ),
        migrations.AddField(
            model_name="councilmeeting",
            name="interpretation",
            field=models.JSONField(
                blank=True, default=list, verbose_name="interpretation"
            ),
        ),
        migrations.AddField(
            model_name="councilmeeting",
            name="confidential",
            field=models.BooleanField(
                default=False,
                help_text="Only delegates and officers of the member units read it.",
                verbose_name="confidential to delegates",
            ),
        ),
        migrations.AddField(
            model_name="councilpost",
            name="confidential",
            field=models.BooleanField(
                default=False,
                help_text="Only delegates and officers of the member units read it.",
                verbose_name="confidential to delegates",
            ),
        ),
        migrations.CreateModel(
            name="DelegateRegistration",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("arrives_on", models.DateField(blank=True, null=True, verbose_name="arrival")),
                ("departs_on", models.DateField(blank=True, null=True, verbose_name="departure")),
                ("visa_letter", models.BooleanField(default=False, verbose_name="needs a visa invitation letter")),
                ("dietary", models.CharField(blank=True, max_length=300, verbose_name="dietary needs")),
                ("access", models.CharField(blank=True, max_length=300, verbose_name="access needs")),
                ("registered_at", models.DateTimeField(default=django.utils.timezone.now)),
                ("council_meeting", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="registrations", to="councils.councilmeeting")),
                ("person", models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="council_registrations", to="orgs.person")),
            ],
            options={
                "verbose_name": "delegate registration",
                "verbose_name_plural": "delegate registrations",
                "ordering": ["registered_at"],
                "constraints": [
                    models.UniqueConstraint(fields=("council_meeting", "person"), name="register_once"),
                    models.CheckConstraint(condition=models.Q(("arrives_on__isnull", True), ("departs_on__isnull", True), ("departs_on__gte", models.F("arrives_on")), _connector="OR"), name="departs_after_arriving"),
                ],
            },
        ),
        migrations.CreateModel(
            name="CouncilDocument",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("confidential", models.BooleanField(default=False, verbose_name="confidential to delegates")),
                ("attached_at", models.DateTimeField(default=django.utils.timezone.now)),
                ("attached_by", models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="+", to=settings.AUTH_USER_MODEL)),
                ("council", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="council_documents", to="councils.council")),
                ("council_meeting", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name="documents", to="councils.councilmeeting")),
                ("document", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="+", to="documents.document")),
            ],
            options={
                "verbose_name": "council document",
                "verbose_name_plural": "council documents",
                "constraints": [
                    models.UniqueConstraint(fields=("council", "document", "council_meeting"), name="document_once_per_meeting"),
                ],
            },
        ),
    ]  # fmt: skip
