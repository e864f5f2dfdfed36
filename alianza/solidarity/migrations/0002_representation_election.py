import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("elections", "0001_initial"),
        ("solidarity", "0001_initial"),
    ]

    operations = [
        migrations.RemoveField(
            model_name="organizingtarget",
            name="representation_election_id",
        ),
        migrations.AddField(
            model_name="organizingtarget",
            name="representation_election",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="organizing_targets",
                to="elections.election",
                verbose_name="support vote",
            ),
        ),
    ]
