"""Translations saved before they recorded their provenance: the name of who saved
them, and the union she belonged to (her first current membership)."""

from django.db import migrations
from django.db.models import Q
from django.utils import timezone


def backfill(apps, schema_editor):
    Translation = apps.get_model("multilingual", "Translation")
    Person = apps.get_model("orgs", "Person")
    Membership = apps.get_model("orgs", "Membership")
    today = timezone.localdate()
    for translation in Translation.objects.filter(
        translated_by__isnull=False, translator_name=""
    ):
        person = Person.objects.filter(user_id=translation.translated_by_id).first()
        if person is None:
            continue
        translation.translator_name = person.name[:200]
        membership = (
            Membership.objects.filter(person=person)
            .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=today))
            .order_by("organisation_id")
            .first()
        )
        if membership is not None:
            translation.union_id = membership.organisation_id
        translation.save(update_fields=["translator_name", "union"])


class Migration(migrations.Migration):
    dependencies = [
        ("multilingual", "0002_translation_provenance_and_history"),
        ("orgs", "0003_membership_order"),
    ]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
