"""The council meeting's own columns go once its dates, venue and zone live on its
body's meeting (the data moved in 0006). A migration of its own, so that on
PostgreSQL the tables are altered after the moved rows are committed."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("councils", "0006_one_council_meeting"),
        ("documents", "0001_initial"),
        ("governance", "0006_meeting_ends"),
        ("orgs", "0004_time_zones"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
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
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True,
                        primary_key=True,
                        serialize=False,
                        verbose_name="ID",
                    ),
                ),
                (
                    "arrives_on",
                    models.DateField(blank=True, null=True, verbose_name="arrival"),
                ),
                (
                    "departs_on",
                    models.DateField(blank=True, null=True, verbose_name="departure"),
                ),
                (
                    "visa_letter",
                    models.BooleanField(
                        default=False, verbose_name="needs a visa invitation letter"
                    ),
                ),
                (
                    "dietary",
                    models.CharField(
                        blank=True, max_length=300, verbose_name="dietary needs"
                    ),
                ),
                (
                    "access",
                    models.CharField(
                        blank=True, max_length=300, verbose_name="access needs"
                    ),
                ),
                (
                    "registered_at",
                    models.DateTimeField(default=django.utils.timezone.now),
                ),
                (
                    "council_meeting",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="registrations",
                        to="councils.councilmeeting",
                    ),
                ),
                (
                    "person",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="council_registrations",
                        to="orgs.person",
                    ),
                ),
            ],
            options={
                "verbose_name": "delegate registration",
                "verbose_name_plural": "delegate registrations",
                "ordering": ["registered_at"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("council_meeting", "person"), name="register_once"
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("arrives_on__isnull", True),
                            ("departs_on__isnull", True),
                            ("departs_on__gte", models.F("arrives_on")),
                            _connector="OR",
                        ),
                        name="departs_after_arriving",
                    ),
                ],
            },
        ),
        migrations.CreateModel(
            name="CouncilDocument",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True,
                        primary_key=True,
                        serialize=False,
                        verbose_name="ID",
                    ),
                ),
                (
                    "confidential",
                    models.BooleanField(
                        default=False, verbose_name="confidential to delegates"
                    ),
                ),
                (
                    "attached_at",
                    models.DateTimeField(default=django.utils.timezone.now),
                ),
                (
                    "attached_by",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "council",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="council_documents",
                        to="councils.council",
                    ),
                ),
                (
                    "council_meeting",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="documents",
                        to="councils.councilmeeting",
                    ),
                ),
                (
                    "document",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="documents.document",
                    ),
                ),
            ],
            options={
                "verbose_name": "council document",
                "verbose_name_plural": "council documents",
                "constraints": [
                    models.UniqueConstraint(
                        fields=("council", "document", "council_meeting"),
                        name="document_once_per_meeting",
                    ),
                ],
            },
        ),
    ]
