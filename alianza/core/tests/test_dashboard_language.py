"""The dashboard names a person's bodies, seats and joint spaces in her language."""

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from alianza.multilingual.models import Translation


def translate(record, field, **texts):
    ct = ContentType.objects.get_for_model(type(record))
    for language, text in texts.items():
        Translation.objects.create(
            content_type=ct, object_id=str(record.pk), field=field,
            language=language, text=text,
        )  # fmt: skip


def test_the_dashboard_reads_in_the_readers_language(client, world):
    translate(world.nec, "name", en="National Executive Committee",
              fr="Comité exécutif national")  # fmt: skip
    translate(world.ieb, "name", es="Junta Ejecutiva Internacional")
    translate(world.alliance, "name", es="Alianza de Solidaridad",
              fr="Alliance de solidarité")  # fmt: skip
    seat = world.nec.seats.get(kind="observer")
    seat.title, seat.language = "Observador de los Steelworkers", "es"
    seat.save()
    translate(seat, "title", en="Steelworkers' observer", fr="Observateur des Métallos")
    observer = world["observer"]
    client.force_login(observer)
    page = client.get(reverse("dashboard")).content.decode()
    assert ">National Executive Committee</a> — Steelworkers&#x27; observer" in page
    observer.language = "fr"
    observer.save(update_fields=["language"])
    page = client.get(reverse("dashboard")).content.decode()
    assert ">Comité exécutif national</a> — Observateur des Métallos" in page
    assert ">Alliance de solidarité</a>" in page
    client.force_login(world["mineros_observer"])
    page = client.get(reverse("dashboard")).content.decode()
    assert ">Junta Ejecutiva Internacional</a>" in page
