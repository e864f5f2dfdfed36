from django.db import migrations, models


def members_present_so_far(apps, schema_editor):
    """Votes closed before the figure was kept: the members present in person are
    the best record there is of who voted."""
    Vote = apps.get_model("governance", "Vote")
    Vote.objects.update(members_voting=models.F("present"))


class Migration(migrations.Migration):
    dependencies = [
        ("governance", "0002_agenda_amendments_forwarding_minutes"),
    ]

    operations = [
        migrations.AddField(
            model_name="vote",
            name="members_voting",
            field=models.PositiveSmallIntegerField(default=0),
        ),
        migrations.RunPython(members_present_so_far, migrations.RunPython.noop),
    ]
