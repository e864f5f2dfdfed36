"""Alianza on a phone's home screen: the manifest, its icons and the service worker."""

from django.contrib.staticfiles import finders
from django.urls import reverse
from PIL import Image


def test_the_manifest_names_the_app_and_icons_that_exist(client, db):
    answer = client.get(reverse("manifest"), HTTP_ACCEPT_LANGUAGE="es")
    assert answer["Content-Type"] == "application/manifest+json"
    manifest = answer.json()
    assert manifest["name"] == "Alianza" and manifest["start_url"] == "/"
    assert manifest["display"] == "standalone" and manifest["scope"] == "/"
    sizes = set()
    for icon in manifest["icons"]:
        path = finders.find(icon["src"].removeprefix("/static/"))
        assert path, icon["src"]
        with Image.open(path) as image:
            width, height = image.size
        assert icon["sizes"] == f"{width}x{height}"
        sizes.add((width, icon["purpose"]))
    # What the install prompt asks: 192 and 512 pixels, and one an OS may crop.
    assert {(192, "any"), (512, "any"), (512, "maskable")} <= sizes


def test_the_service_worker_is_served_from_the_root(client, db):
    answer = client.get(reverse("service_worker"))
    assert answer["Content-Type"].startswith("application/javascript")
    assert answer["Service-Worker-Allowed"] == "/"
    assert answer["Cache-Control"] == "no-cache"
    script = answer.content.decode()
    # It keeps only the home page and the alerts, and never a redirect to sign in.
    assert 'const KEPT = ["/", "/alerts/"];' in script
    assert "!response.redirected" in script


def test_pages_say_who_is_signed_in_for_the_page_script(client, world):
    anonymous = client.get(reverse("account_login")).content.decode()
    assert 'data-signed-in="no"' in anonymous and 'id="offline-note"' not in anonymous
    assert 'rel="manifest"' in anonymous
    client.force_login(world["member"])
    home = client.get(reverse("dashboard")).content.decode()
    assert 'data-signed-in="yes"' in home and 'id="offline-note"' in home
    assert "/static/alianza/app.js" in home
