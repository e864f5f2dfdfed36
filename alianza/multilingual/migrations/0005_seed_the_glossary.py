"""The alliance's glossary as the unions' translators reviewed it (the same terms and
notes as docs/translators-glossary.md). Terms already there are left as they are."""

from django.db import migrations

from alianza.multilingual.glossary_terms import REVIEWED_TERMS



def seed(apps, schema_editor):
    GlossaryTerm = apps.get_model("multilingual", "GlossaryTerm")
    for en, es, fr, note in REVIEWED_TERMS:
        GlossaryTerm.objects.get_or_create(
            en=en, defaults={"es": es, "fr": fr, "note": note}
        )


class Migration(migrations.Migration):
    dependencies = [("multilingual", "0004_machine_drafts_and_glossary")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
