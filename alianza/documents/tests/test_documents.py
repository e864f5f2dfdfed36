import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from alianza.audit.models import AuditEntry
from alianza.documents.actions import upload_document
from alianza.documents.selectors import visible_documents
from alianza.spaces.actions import share_record


def pdf(name="contrato.pdf", content=b"%PDF-1.4 contrato colectivo"):
    return SimpleUploadedFile(name, content, "application/pdf")


@pytest.fixture
def contract(world):
    return upload_document(
        world["mineros_officer"], world.mineros, title="Contrato colectivo, Sección 65",
        language="es", file=pdf(),
    )  # fmt: skip


def test_a_document_stays_with_its_union_until_shared(client, world, contract):
    assert contract in visible_documents(world["mineros_staff"])
    assert contract not in visible_documents(world["usw_staff"])
    assert contract not in visible_documents(world["member"])  # leaders only
    share_record(
        world["mineros_staff"], contract, world.alliance, note="Para el consejo"
    )
    assert contract in visible_documents(world["usw_staff"])
    client.force_login(world["usw_staff"])
    response = client.get(reverse("documents:download", args=[contract.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 contrato colectivo"
    assert 'filename="contrato.pdf"' in response["Content-Disposition"]


def test_only_leaders_of_the_union_upload(world):
    with pytest.raises(PermissionDenied):
        upload_document(
            world["member"], world.mineros, title="x", language="es", file=pdf()
        )
    with pytest.raises(PermissionDenied):
        upload_document(
            world["usw_staff"], world.mineros, title="x", language="es", file=pdf()
        )


def test_unsafe_or_huge_files_are_refused(world):
    with pytest.raises(ValidationError) as error:
        upload_document(world["mineros_staff"], world.mineros, title="x", language="es",
                        file=SimpleUploadedFile("run.exe", b"MZ"))  # fmt: skip
    assert "PDF" in str(error.value)


def test_upload_through_the_page_is_audited(client, world):
    world["mineros_staff"].language = "en"
    world["mineros_staff"].save()
    client.force_login(world["mineros_staff"])
    response = client.post(
        reverse("documents:document_new"),
        {
            "organisation": world.mineros.pk,
            "title": "Informe",
            "language": "es",
            "file": pdf(),
        },
    )
    assert response.status_code == 302
    assert (
        AuditEntry.objects.get(action="documents.uploaded").organisation
        == world.mineros
    )
    page = client.get(response["Location"]).content.decode()
    assert "Download contrato.pdf" in page and "Who can see this" in page


def test_shared_documents_appear_on_the_council_page(client, world, contract):
    from alianza.councils.actions import found_council

    council = found_council(world["mineros_staff"], world.grupo)
    share_record(world["mineros_staff"], contract, council.space)
    # USW's staff take part in the council: they read what is shared into it.
    client.force_login(world["usw_staff"])
    page = client.get(
        reverse("councils:council", args=[council.space.slug])
    ).content.decode()
    assert "Contrato colectivo, Sección 65" in page
    # An officer of a unit outside the council sees its directory, not its content.
    client.force_login(world["usw_officer"])
    page = client.get(
        reverse("councils:council", args=[council.space.slug])
    ).content.decode()
    assert "Contrato colectivo, Sección 65" not in page
