"""The import page reads the files Spanish and French spreadsheet programs write
(semicolons, Windows encoding) and Excel workbooks, and names each wrong line."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from alianza.employers.models import Employer, Worksite


def post(client, user, kind: str, name: str, data: bytes):
    client.force_login(user)
    upload = SimpleUploadedFile(name, data, "application/octet-stream")
    return client.post(reverse("employers:import"), {"kind": kind, "file": upload})


def test_a_spanish_semicolon_file_is_imported(client, world):
    data = (
        "\ufeffname;country;parent;sector\r\n"
        "Peñoles;MX;;minería\r\n"
        "Fresnillo plc;MX;Peñoles;minería\r\n"
    ).encode()
    response = post(client, world["mineros_staff"], "employers", "empresas.csv", data)
    assert response.status_code == 200
    child = Employer.objects.get(name="Fresnillo plc")
    assert child.parent.name == "Peñoles"


def test_a_french_file_in_excels_windows_encoding_is_imported(client, world):
    data = "name;country;sector\r\nAciérie Métallos Québec;CA;acier\r\n"
    response = post(
        client, world["usw_staff"], "employers", "employeurs.csv", data.encode("cp1252")
    )
    assert response.status_code == 200
    assert Employer.objects.filter(name="Aciérie Métallos Québec").exists()


def test_a_workbook_is_imported_too(client, world):
    book = Workbook()
    book.active.append(["employer", "name", "country", "latitude", "longitude"])
    book.active.append(["ASARCO", "Mission mine", "US", 31.99, -111.08])
    out = io.BytesIO()
    book.save(out)
    response = post(
        client, world["usw_staff"], "worksites", "sites.xlsx", out.getvalue()
    )
    assert response.status_code == 200
    assert Worksite.objects.filter(name="Mission mine").exists()


def test_a_wrong_line_of_a_semicolon_file_is_named_in_the_readers_language(
    client, world
):
    world["usw_staff"].language = "es"
    world["usw_staff"].save()
    data = b"employer;name;country\r\nASARCO;Ray mine;XX\r\n"
    response = post(client, world["usw_staff"], "worksites", "sitios.csv", data)
    page = response.content.decode()
    assert response.status_code == 400
    assert "<td>2</td>" in page  # the line, as the spreadsheet numbers it
    assert "country" in page  # the column
    assert not Worksite.objects.filter(name="Ray mine").exists()


def test_the_other_union_and_the_outsider_import_nothing(client, world):
    data = "name;country\r\nPeñoles;MX\r\n".encode()
    for who in ("outsider", "member", "usw_officer"):
        response = post(client, world[who], "employers", "empresas.csv", data)
        assert response.status_code in (302, 403, 404), who
    assert not Employer.objects.filter(name="Peñoles").exists()


def test_the_api_reads_a_semicolon_file_too(client, world):
    from alianza.accounts.actions import create_token

    _token, secret = create_token(world["mineros_staff"], "imports")
    response = client.post(
        "/api/v1/imports",
        {"kind": "employers", "csv": "name;country\r\nPeñoles;MX\r\n"},
        content_type="application/json",
        headers={"Authorization": f"Bearer {secret}"},
    )
    assert response.status_code == 200 and response.json()["saved"] == 1
    assert Employer.objects.filter(name="Peñoles", country="MX").exists()
