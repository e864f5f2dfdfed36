"""The people export writes a name a member may edit as text, never as a formula."""

import csv
import io

from django.urls import reverse


def test_a_formula_in_a_name_is_exported_as_text(world, client):
    world.rank_and_file.name = '=HYPERLINK("http://x","y")'
    world.rank_and_file.save()
    client.force_login(world["mineros_staff"])
    response = client.get(reverse("orgs:people_export", args=[world.mineros.slug]))
    rows = list(csv.reader(io.StringIO(response.content.decode().lstrip("\ufeff"))))
    names = [row[0] for row in rows[1:]]
    assert '\'=HYPERLINK("http://x","y")' in names
    assert '=HYPERLINK("http://x","y")' not in names
    phones = [row[-1] for row in rows[1:] if row[-1]]
    assert "'+52 645 000 0000" in phones
