"""No list, search or export lets one union read the other's private records.

Each union gets a set of private records whose names carry its marker (a document, an
agreement with its clauses, a campaign, a body with a meeting, an election, an officer
of one of its units, a draft letter, alert, alert template and solidarity request, and an alert sent to
all its members: aimed at its own members, not the other union's). Every persona then
opens every list page, search (with the other union's marker as the query), calendar
feed, CSV and PDF export and API listing, and the other union's marker must never be in
what comes back. A search asks for the marker's last words (its echo in the search box
is not the whole marker).
"""

import io
from datetime import timedelta
from functools import cache

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from alianza.bodies.models import Body
from tests import matrix_records as rec
from tests.matrix import MINEROS, PERSONAS, USW, _routes

MARKER = {"usw": "ZQX-USW-PRIVATE", "mineros": "ZQX-MINEROS-PRIVATE"}
#: What a search asks for: a word of the markers, not the whole marker, since a search
#: page writes the query back into its search box (a false hit), and PostgreSQL's
#: full-text search finds words, not the middle of "ZQX-USW-PRIVATE".
QUERY = dict.fromkeys(MARKER, "PRIVATE")
#: The union each persona belongs to (the outsider and the anonymous visitor to none).
UNION_OF = {p: "mineros" for p in MINEROS} | {p: "usw" for p in USW}
#: Pages with nothing to list, or that belong to the sign-in machinery.
NOT_LISTS = {"healthz", "set_language", "account_logout"}


def plant(w, union: str) -> None:
    """``union``'s private records, each named with its marker."""
    from alianza.alerts.actions import draft_alert, save_as_template, send_alert
    from alianza.contracts.actions import add_agreement
    from alianza.documents.actions import upload_document
    from alianza.elections.actions import create_election
    from alianza.governance.actions import schedule_meeting
    from alianza.orgs.actions import create_person
    from alianza.solidarity.actions import create_campaign, draft_letter, draft_request

    marker = MARKER[union]
    org, staff = (
        (w.usw, w["usw_staff"]) if union == "usw" else (w.mineros, w["mineros_staff"])
    )
    employer, country = (w.asarco, "US") if union == "usw" else (w.grupo, "MX")
    upload_document(
        staff, org, title=f"{marker} document", language="en",
        file=SimpleUploadedFile("private.pdf", b"%PDF-1.4 private", "application/pdf"),
    )  # fmt: skip
    add_agreement(
        staff, org, employer=employer, title=f"{marker} agreement", language="en",
        country=country, text=f"ARTICLE 1 - WAGES\n1.1 {marker} wages.",
        expires_on=timezone.localdate() + timedelta(days=90),
    )  # fmt: skip
    create_campaign(
        staff, org, kind="strike_support", title=f"{marker} campaign",
        employer=employer, language="en",
    )  # fmt: skip
    body = Body.objects.create(
        name=f"{marker} body", kind="committee", organisation=org, language="en"
    )
    schedule_meeting(
        staff, body, title=f"{marker} meeting", starts_at=timezone.now(),
        mode="online", place="", language="en",
    )  # fmt: skip
    create_election(
        staff, org, kind="strike", title=f"{marker} election", question="Strike?",
        opens_at=timezone.now(), closes_at=timezone.now() + timedelta(days=1),
        language="en",
    )  # fmt: skip
    create_person(
        staff, org, name=f"{marker} person", country=country, preferred_language="en",
        unit=w.district12 if union == "usw" else w.section65, role="officer",
    )  # fmt: skip
    # (Of a unit outside the Grupo México council: the officers of a council's
    # member units are known to the council, whose action items they may own.)
    draft_letter(staff, org, title=f"{marker} letter", body="Draft.", language="en")
    draft_alert(staff, org, title=f"{marker} alert", body="Draft.", language="en")
    # An alert template, kept by the union's leaders for themselves.
    save_as_template(
        staff,
        draft_alert(staff, org, title="Rally", body="Rally.", language="en"),
        name=f"{marker} template",
    )
    # Aimed at the union's own members: an alert sent to every one of them.
    send_alert(
        staff,
        draft_alert(
            staff, org, title=f"{marker} sent alert", body="To all.", language="en"
        ),
    )
    draft_request(staff, org, title=f"{marker} request", body="Draft.", language="en")


def urls_to_read(w, persona: str, other: str) -> list[str]:
    """What ``persona`` opens: the list pages, the searches for the other union's
    marker, every export and feed, and the API's listings."""
    query = f"?q={QUERY[other]}"
    urls = [reverse(name) for name in _no_argument_routes()]
    urls += [reverse("orgs:people") + query, reverse("contracts:search") + query]
    # The searches by name, and the clause search through another language's terms
    # ("salarios" looks for the marked agreement's "wages" clause too).
    urls += [
        reverse("orgs:organisations") + query,
        reverse("employers:employers") + query,
        reverse("contracts:library") + query,
        reverse("contracts:search") + f"?q=salarios+{QUERY[other]}",
    ]
    for org in (w.usw, w.mineros):
        urls += [
            reverse("orgs:organisation", args=[org.slug]),
            reverse("orgs:people_export", args=[org.slug]),
            reverse("orgs:people_export_xlsx", args=[org.slug]),
        ]
    for unit in (w.district12, w.section65):
        urls.append(reverse("orgs:unit", args=[unit.pk]))
    for employer in (w.grupo, w.asarco):
        urls.append(reverse("employers:employer", args=[employer.slug]))
    for space in (w.alliance, w.commission):
        urls.append(reverse("spaces:space", args=[space.slug]))
    urls.append(reverse("councils:council", args=[rec.the_council(w).space.slug]))
    urls += record_exports(MARKER[other])
    if persona != "anonymous":
        secret = rec.the_calendar_secret_of(w, persona)
        council = rec.the_council(w).space.slug
        urls += [
            reverse("contracts:calendar", args=[secret]),
            reverse("councils:my_calendar", args=[secret]),
            reverse("councils:council_calendar", args=[secret, council]),
            reverse("solidarity:events_calendar", args=[secret]),
        ]
    return urls


def record_exports(marker: str) -> list[str]:
    """The files made of one record, for the marked election, letter and meeting."""
    from alianza.elections.models import Election
    from alianza.governance.models import Meeting
    from alianza.solidarity.models import Letter

    election = Election.objects.get(title=f"{marker} election")
    return [
        reverse(name, args=[election.uid])
        for name in (
            "elections:participation",
            "elections:participation_xlsx",
            "elections:board_download",
            "elections:certificate",
        )
    ] + [
        reverse(
            "solidarity:letter_pdf",
            args=[Letter.objects.get(title=f"{marker} letter").pk],
        ),
        reverse(
            "governance:minutes_pdf",
            args=[Meeting.objects.get(title=f"{marker} meeting").pk],
        ),
    ]


def api_urls(w, other: str) -> list[str]:
    query = QUERY[other]
    urls = [
        "/api/v1/me", "/api/v1/organisations", "/api/v1/people",
        f"/api/v1/people?q={query}", "/api/v1/bodies", "/api/v1/spaces",
        "/api/v1/employers", "/api/v1/employers/common", "/api/v1/worksites",
        "/api/v1/solidarity/campaigns", "/api/v1/solidarity/requests",
        "/api/v1/agreements", f"/api/v1/agreements/search?q={query}",
        f"/api/v1/agreements?q={query}", f"/api/v1/agreements/search?q=salarios+{query}",
        f"/api/v1/organisations?q={query}", f"/api/v1/employers?q={query}",
        f"/api/v1/worksites?q={query}",
    ]  # fmt: skip
    for org in (w.usw, w.mineros):
        urls += [
            f"/api/v1/organisations/{org.slug}",
            f"/api/v1/organisations/{org.slug}/units",
        ]
    for employer in (w.grupo, w.asarco):
        urls.append(f"/api/v1/employers/{employer.slug}")
    for unit in (w.district12, w.section65):
        urls.append(f"/api/v1/units/{unit.pk}")
    return urls


def readable(response) -> bytes:
    """What a person reads in a response: the text of a PDF's pages (its letters are
    glyphs of an embedded font, not bytes of the marker) and of a workbook's cells
    (a zip archive), else the body as it is."""
    content = response.content
    kind = response.get("Content-Type", "")
    if kind.startswith("application/pdf"):
        from pypdf import PdfReader

        pages = PdfReader(io.BytesIO(content)).pages
        return "\n".join(page.extract_text() for page in pages).encode()
    if "spreadsheetml" in kind:
        from openpyxl import load_workbook

        book = load_workbook(io.BytesIO(content), read_only=True)
        cells = [
            str(value)
            for sheet in book.worksheets
            for row in sheet.iter_rows(values_only=True)
            for value in row
            if value is not None
        ]
        return "\n".join(cells).encode()
    return content


@cache
def _no_argument_routes() -> list[str]:
    """Every page route that takes no argument: the lists, the dashboard, the forms."""
    names = []
    for name in _routes():
        try:
            reverse(name)
        except NoReverseMatch:  # it names a record
            continue
        if name not in NOT_LISTS:
            names.append(name)
    return sorted(names)


@pytest.fixture
def planted(matrix_world):
    rec.the_council(matrix_world)
    plant(matrix_world, "usw")
    plant(matrix_world, "mineros")
    return matrix_world


@pytest.mark.parametrize("persona", PERSONAS)
def test_no_page_search_or_export_shows_the_other_unions_private_records(
    client, planted, persona
):
    w = planted
    own = UNION_OF.get(persona)
    others = [u for u in MARKER if u != own]
    if persona != "anonymous":
        client.force_login(w[persona])
    for other in others:
        for url in urls_to_read(w, persona, other):
            content = readable(client.get(url))
            assert MARKER[other].encode() not in content, f"{persona} reads {url}"


@pytest.mark.parametrize("persona", PERSONAS)
def test_no_api_listing_shows_the_other_unions_private_records(
    client, planted, persona
):
    from alianza.accounts.actions import create_token

    w = planted
    own = UNION_OF.get(persona)
    headers = {}
    if persona != "anonymous":
        _token, secret = create_token(w[persona], "leaks")
        headers["Authorization"] = f"Bearer {secret}"
    for other in [u for u in MARKER if u != own]:
        for url in api_urls(w, other):
            content = client.get(url, headers=headers).content
            assert MARKER[other].encode() not in content, f"{persona} reads {url}"


@pytest.mark.parametrize("union", ["usw", "mineros"])
def test_a_unions_staff_find_their_own_private_records(client, planted, union):
    """The markers are where a reader would find them: the test above can fail."""
    w = planted
    staff = w["usw_staff" if union == "usw" else "mineros_staff"]
    org = w.usw if union == "usw" else w.mineros
    client.force_login(staff)
    marker = MARKER[union].encode()
    secret = rec.the_calendar_secret_of(
        w, "usw_staff" if union == "usw" else "mineros_staff"
    )
    for url in [
        reverse("documents:documents"),
        reverse("contracts:library"),
        reverse("contracts:search") + f"?q={QUERY[union]}",
        reverse("bodies:bodies"),
        reverse("elections:elections"),
        reverse("orgs:people") + f"?q={QUERY[union]}",
        reverse("orgs:people_export", args=[org.slug]),
        reverse("orgs:people_export_xlsx", args=[org.slug]),
        reverse(
            "orgs:unit", args=[(w.district12 if union == "usw" else w.section65).pk]
        ),
        reverse("solidarity:hub"),
        reverse("contracts:calendar", args=[secret]),
        reverse("solidarity:letter_pdf", args=[_letter_of(union).pk]),
    ]:
        assert marker in readable(client.get(url)), url


def _letter_of(union: str):
    from alianza.solidarity.models import Letter

    return Letter.objects.get(title=f"{MARKER[union]} letter")


@pytest.mark.parametrize("union", ["usw", "mineros"])
def test_an_alert_to_a_unions_members_reaches_them_alone(planted, mailoutbox, union):
    """The alert a union sends to all its members reaches its own member, and no one
    of the other union nor the outsider, by any channel."""
    from alianza.alerts.models import Delivery

    w = planted
    marker = MARKER[union]
    deliveries = Delivery.objects.filter(alert__title=f"{marker} sent alert")
    reached = set(deliveries.values_list("person_id", flat=True))
    mailed = {
        address
        for message in mailoutbox
        if marker in message.subject or marker in message.body
        for address in message.to
    }
    own = w["usw_member" if union == "usw" else "member"]
    assert own.person.pk in reached
    assert own.email in mailed
    for persona in PERSONAS:
        if persona == "anonymous" or UNION_OF.get(persona) == union:
            continue
        assert w[persona].person.pk not in reached, f"{persona} is sent the alert"
        assert w[persona].email not in mailed, f"{persona} is mailed the alert"
