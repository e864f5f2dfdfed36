"""An import file is refused at its byte and row limits before it is read whole, on
the page and through the API; nothing is saved."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from alianza.employers import actions
from alianza.employers.models import Employer


def test_the_api_refuses_a_file_of_too_many_lines(world, client):
    before = Employer.objects.count()
    client.force_login(world["usw_staff"])
    text = "name,country\n" + "Teksid,MX\n" * 2 + "\n" * 1_000_000
    response = client.post(
        "/api/v1/imports",
        {"kind": "employers", "csv": text},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert response.json()["problems"] == [
        "A file may hold at most 5000 lines; split it into smaller files."
    ]
    assert Employer.objects.count() == before


def test_an_import_over_the_byte_limit_is_refused_unread(world):
    before = Employer.objects.count()
    text = "name,country\n" + "Teksid,MX," + "x" * (actions.MAX_BYTES) + "\n"
    report = actions.import_csv(world["mineros_staff"], "employers", text)
    assert not report.ok and report.lines == []
    assert report.problems == ["The file is larger than 5.0\xa0MB; split it into "
                               "smaller files."]  # fmt: skip
    assert Employer.objects.count() == before


def test_the_page_refuses_a_file_over_the_byte_limit(world, client, monkeypatch):
    monkeypatch.setattr("alianza.employers.forms.MAX_BYTES", 1000)
    before = Employer.objects.count()
    client.force_login(world["usw_staff"])
    upload = SimpleUploadedFile("e.csv", b"name,country\n" + b"Teksid,MX\n" * 200)
    response = client.post(
        reverse("employers:import"), {"kind": "employers", "file": upload}
    )
    assert "larger than 1000" in response.content.decode()
    assert Employer.objects.count() == before
