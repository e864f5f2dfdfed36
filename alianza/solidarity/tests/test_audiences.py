"""Who sees a campaign, a strike, a solidarity request, an event, a letter and a
document, for each audience its author may choose, for both unions' members and
leaders, a member of another unit, the outsider and someone not signed in.

The oracle (``may_see``) is written from the audiences' definitions and the test
world's memberships, never from the selectors: leaders always see their own union's
records; ``union`` is every member of the record's union; ``unit`` the members of the
unit or of a unit below it; ``alliance`` the members of the unions taking part in a
joint space (the USW and Los Mineros; not Unite); ``public`` everyone signed in (and
anyone on a letter's public page).
"""

import json

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from alianza.accounts.actions import create_token
from alianza.documents.actions import upload_document
from alianza.orgs.models import Role
from alianza.solidarity import actions
from conftest import make_user

AUDIENCES = ("leaders", "unit", "union", "alliance", "public")
LEADING = {"admin", "staff", "officer"}
#: Every persona's current memberships: (union, role, unit).
MEMBERSHIPS = {
    "usw_member": [("usw", "member", "Local 915")],
    "usw_officer": [("usw", "officer", "District 12")],
    "usw_staff": [("usw", "staff", None)],
    "member": [("los-mineros", "member", "Sección 65")],
    "mineros_officer": [("los-mineros", "officer", "Sección 65")],
    "mineros_staff": [("los-mineros", "staff", None), ("los-mineros", "admin", None)],
    "section201_member": [("los-mineros", "member", "Sección 201")],
    "outsider": [],
    "anonymous": [],
}
PERSONAS = tuple(MEMBERSHIPS)
#: The units above each unit of the world.
PARENT = {"Local 915": "District 12"}
#: The unions taking part in the world's joint spaces.
ALLIANCE = {"usw", "los-mineros"}
#: The unit each union writes its unit-audience records for: Local 915 sits below
#: District 12, so its member is reached too.
UNIT_OF = {"usw": "District 12", "los-mineros": "Sección 65"}
MODELS = ("campaign", "strike", "request", "event", "letter", "document")


def _up(unit):
    while unit:
        yield unit
        unit = PARENT.get(unit)


def may_see(persona: str, union: str, audience: str, unit: str | None) -> bool:
    """The audience's definition, for a persona signed in (the anonymous: none)."""
    if persona == "anonymous":
        return False
    mine = MEMBERSHIPS[persona]
    if any(org == union and role in LEADING for org, role, _u in mine):
        return True
    if audience == "public":
        return True
    if audience == "alliance":
        return any(org in ALLIANCE for org, _r, _u in mine)
    if audience == "union":
        return any(org == union for org, _r, _u in mine)
    if audience == "unit":
        return any(unit in _up(u) for org, _r, u in mine if org == union)
    return False


@pytest.fixture
def people(world):
    users = dict(world.users)
    users["section201_member"] = make_user(
        "s201@mineros.test", "Sara Sombrerete",
        [(world.mineros, Role.MEMBER, world.section201)], language="es", country="MX",
    )  # fmt: skip
    return users


def _unit(world, union: str):
    return {"District 12": world.district12, "Sección 65": world.section65}[
        UNIT_OF[union]
    ]


def _make(world, people, model: str, union: str, audience: str):
    """One record of ``model`` of ``union`` for ``audience``, through its action."""
    org = world.usw if union == "usw" else world.mineros
    staff = people["usw_staff" if union == "usw" else "mineros_staff"]
    unit = _unit(world, union) if audience == "unit" else None
    seen = {"audience": audience, "audience_unit": unit}
    title = f"{model} {union} {audience}"
    if model == "campaign":
        return actions.create_campaign(
            staff, org, kind="policy", title=title, language="en", **seen
        )
    if model == "strike":
        campaign = actions.create_campaign(
            staff, org, kind="strike_support", title=f"for {title}", language="en"
        )
        return actions.register_strike(
            staff, campaign, worksite=world.hayden, unit=_unit(world, union),
            started_on=timezone.localdate(), demands=title, language="en", **seen,
        )  # fmt: skip
    if model == "request":
        officer = people["usw_officer" if union == "usw" else "mineros_officer"]
        req = actions.draft_request(  # an author never vets her own request
            officer, org, title=title, body="Support.", language="en",
            audiences=[world.unite], **seen,
        )  # fmt: skip
        actions.vet_request(staff, req)
        return actions.publish_request(staff, req)
    if model == "event":
        return actions.create_event(
            staff, org, kind="rally", title=title, country="MX", language="en",
            starts_on=timezone.localdate(), **seen,
        )  # fmt: skip
    if model == "letter":
        letter = actions.draft_letter(
            staff, org, title=title, body="Friends:", language="en", **seen
        )
        signature = actions.add_signatory(
            staff, letter, person=staff.person, organisation=org
        )
        actions.confirm_signature(staff, signature)
        return actions.publish_letter(staff, letter)
    return upload_document(
        staff, org, title=title, language="en",
        file=SimpleUploadedFile("a.pdf", b"%PDF-1.4", "application/pdf"), **seen,
    )  # fmt: skip


VIEW = {
    "campaign": "solidarity.view_campaign",
    "strike": "solidarity.view_strike",
    "request": "solidarity.view_solidarityrequest",
    "event": "solidarity.view_event",
    "letter": "solidarity.view_letter",
    "document": "documents.view_document",
}


@pytest.fixture
def records(world, people, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return {
        (model, union, audience): _make(world, people, model, union, audience)
        for model in MODELS
        for union in ("usw", "los-mineros")
        for audience in AUDIENCES
    }


def test_each_audience_of_each_record_reaches_whom_it_names(people, records):
    """The authorisation matrix of the audiences: every model × union × audience ×
    persona, asked through the rules the pages and the API use."""
    from django.contrib.auth.models import AnonymousUser

    wrong = []
    for persona in PERSONAS:
        user = AnonymousUser() if persona == "anonymous" else people[persona]
        for (model, union, audience), record in records.items():
            unit = UNIT_OF[union] if audience == "unit" else None
            expected = may_see(persona, union, audience, unit)
            if user.has_perm(VIEW[model], record) != expected:
                wrong.append((persona, model, union, audience, expected))
    assert wrong == []


def test_the_oracle_reaches_every_kind_of_persona():
    """No row of the matrix is trivially true: each audience admits someone who is
    not a leader and refuses someone, and the edges hold."""
    assert may_see("usw_member", "usw", "unit", "District 12")  # a unit below
    assert not may_see("usw_member", "los-mineros", "unit", "Sección 65")
    assert not may_see("section201_member", "los-mineros", "unit", "Sección 65")
    assert may_see("section201_member", "los-mineros", "union", None)
    assert not may_see("outsider", "usw", "alliance", None)
    assert may_see("outsider", "usw", "public", None)
    assert not may_see("anonymous", "usw", "public", None)
    assert not may_see("member", "los-mineros", "leaders", None)
    assert may_see("mineros_officer", "los-mineros", "leaders", None)
    assert not may_see("mineros_officer", "usw", "union", None)


def _listed(text: str, model: str, record) -> bool:
    if model == "event":
        return f'event-{record.pk}"' in text
    return f'href="{record.get_absolute_url()}"' in text


def test_no_page_or_api_list_shows_a_record_outside_its_audience(
    client, people, records
):
    """Walk the lists (home, Solidarity hub, calendar, documents, the API's
    campaigns and requests) and every record's page as each persona: what is shown is
    exactly what the audience admits, never more."""
    pages = [
        reverse("dashboard"),
        reverse("solidarity:hub"),
        reverse("solidarity:events"),
        reverse("documents:documents"),
    ]
    leaks, missing = [], []
    for persona in PERSONAS:
        client.logout()
        if persona != "anonymous":
            client.force_login(people[persona])
        text = "".join(
            client.get(page).content.decode()
            for page in pages
            if persona != "anonymous"
        )
        api_ids: dict[str, set[int]] = {"campaign": set(), "request": set()}
        if persona != "anonymous":
            _token, secret = create_token(people[persona], "audiences")
            auth = {"Authorization": f"Bearer {secret}"}
            for model, path in (("campaign", "campaigns"), ("request", "requests")):
                answer = client.get(
                    f"/api/v1/solidarity/{path}?page_size=500", headers=auth
                )
                api_ids[model] = {
                    row["id"] for row in json.loads(answer.content)["items"]
                }
        for (model, union, audience), record in records.items():
            unit = UNIT_OF[union] if audience == "unit" else None
            allowed = may_see(persona, union, audience, unit)
            where = (persona, model, union, audience)
            if not allowed and _listed(text, model, record):
                leaks.append(("list",) + where)
            if not allowed and record.pk in api_ids.get(model, set()):
                leaks.append(("api",) + where)
            if model in api_ids and allowed and record.pk not in api_ids[model]:
                missing.append(("api",) + where)
            if model == "event":
                continue  # the calendar is its page
            status = client.get(record.get_absolute_url()).status_code
            if persona == "anonymous":
                if status == 200:
                    leaks.append(("page",) + where)
            elif (status == 200) != allowed:
                (leaks if status == 200 else missing).append(("page",) + where)
    assert leaks == []
    assert missing == []


def test_a_letter_for_the_public_is_on_its_public_page_and_no_other_is(client, records):
    for (model, _union, audience), letter in records.items():
        if model != "letter":
            continue
        page = client.get(reverse("solidarity:letter_public", args=[letter.slug]))
        assert (page.status_code == 200) == (audience == "public"), audience


def test_a_unit_audience_needs_a_unit_of_the_authors_union(world, people):
    staff = people["mineros_staff"]
    with pytest.raises(ValidationError, match="unit whose members"):
        actions.create_campaign(
            staff, world.mineros, kind="policy", title="x", language="es",
            audience="unit",
        )  # fmt: skip
    with pytest.raises(ValidationError, match="your own union"):
        actions.create_campaign(
            staff, world.mineros, kind="policy", title="x", language="es",
            audience="unit", audience_unit=world.local,
        )  # fmt: skip
    with pytest.raises(ValidationError):
        actions.create_campaign(
            staff, world.mineros, kind="policy", title="x", language="es",
            audience="everyone",
        )  # fmt: skip


def test_the_defaults_make_sense(world, people):
    staff = people["mineros_staff"]
    campaign = actions.create_campaign(
        staff, world.mineros, kind="strike_support", title="c", language="es"
    )
    strike = actions.register_strike(
        staff, campaign, worksite=world.cananea, unit=world.section65,
        started_on=timezone.localdate(), demands="d",
    )  # fmt: skip
    event = actions.create_event(
        staff, world.mineros, kind="rally", title="e", country="MX",
        starts_on=timezone.localdate(), language="es",
    )  # fmt: skip
    req = actions.draft_request(
        staff, world.mineros, title="r", body="b", language="es"
    )
    assert (campaign.audience, strike.audience, event.audience, req.audience) == (
        "leaders", "union", "alliance", "leaders",
    )  # fmt: skip
    # The strike reaches the members; its campaign stays with the leaders.
    member = people["member"]
    assert member.has_perm("solidarity.view_strike", strike)
    assert not member.has_perm("solidarity.view_campaign", campaign)


def test_the_author_changes_who_sees_it_and_the_page_says_so(client, world, people):
    staff = people["mineros_staff"]
    campaign = actions.create_campaign(
        staff, world.mineros, kind="policy", title="Reforma", language="es"
    )
    member = people["member"]
    assert not member.has_perm("solidarity.view_campaign", campaign)
    with pytest.raises(ValidationError):
        actions.set_audience(staff, campaign, "unit", world.district12)
    actions.set_audience(staff, campaign, "unit", world.section65)
    assert member.has_perm("solidarity.view_campaign", campaign)
    assert not people["section201_member"].has_perm(
        "solidarity.view_campaign", campaign
    )
    type(member).objects.filter(pk=member.pk).update(language="en")
    member.refresh_from_db()
    client.force_login(member)
    page = client.get(campaign.get_absolute_url()).content.decode()
    assert "The members of Sección 65 (Los Mineros)" in page


def test_a_members_home_lists_her_unions_records_open_to_her(client, world, people):
    staff = people["mineros_staff"]
    open_one = actions.create_campaign(
        staff, world.mineros, kind="policy", title="Abierta", language="es",
        audience="union",
    )  # fmt: skip
    closed = actions.create_campaign(
        staff, world.mineros, kind="policy", title="Cerrada", language="es"
    )
    usw_open = actions.create_campaign(
        people["usw_staff"], world.usw, kind="policy", title="USW open",
        language="en", audience="alliance",
    )  # fmt: skip
    client.force_login(people["member"])
    page = client.get(reverse("dashboard")).content.decode()
    assert f'href="{open_one.get_absolute_url()}"' in page
    assert f'href="{closed.get_absolute_url()}"' not in page
    # Another union's record open to the alliance is in the hub, not on her home.
    assert f'href="{usw_open.get_absolute_url()}"' not in page
    hub = client.get(reverse("solidarity:hub")).content.decode()
    assert f'href="{usw_open.get_absolute_url()}"' in hub


def test_the_api_says_and_changes_who_sees_a_campaign(client, world, people):
    staff = people["mineros_staff"]
    campaign = actions.create_campaign(
        staff, world.mineros, kind="policy", title="Reforma", language="es"
    )
    _token, secret = create_token(staff, "audiences")
    auth = {"Authorization": f"Bearer {secret}"}
    url = f"/api/v1/solidarity/campaigns/{campaign.pk}/audience"
    refused = client.put(
        url, {"audience": "unit", "audience_unit_id": world.local.pk},
        content_type="application/json", headers=auth,
    )  # fmt: skip
    assert refused.status_code in (400, 422)
    campaign.refresh_from_db()
    assert campaign.audience == "leaders"
    answer = client.put(
        url, {"audience": "unit", "audience_unit_id": world.section65.pk},
        content_type="application/json", headers=auth,
    )  # fmt: skip
    assert answer.status_code == 200
    assert (answer.json()["audience"], answer.json()["audience_unit_id"]) == (
        "unit", world.section65.pk,
    )  # fmt: skip
    listed = client.get("/api/v1/solidarity/campaigns", headers=auth).json()["items"]
    assert {row["id"]: row["audience"] for row in listed}[campaign.pk] == "unit"


def test_the_forms_offer_the_audiences_and_only_her_unions_units(client, world, people):
    client.force_login(people["mineros_officer"])
    for name in ("campaign_new", "event_new", "request_new", "letter_new"):
        page = client.get(reverse(f"solidarity:{name}")).content.decode()
        assert 'name="audience"' in page, name
        picker = page.split('name="audience_unit"', 1)[1].split("</select>", 1)[0]
        assert f'value="{world.section65.pk}"' in picker, name
        assert f'value="{world.local.pk}"' not in picker, name
        assert f'value="{world.district12.pk}"' not in picker, name
    posted = client.post(
        reverse("solidarity:campaign_new"),
        {"organisation": world.mineros.pk, "kind": "policy", "title": "Para la 65",
         "language": "es", "audience": "unit", "audience_unit": world.local.pk},
    )  # fmt: skip
    assert posted.status_code == 200  # the form again: Local 915 is not hers
    posted = client.post(
        reverse("solidarity:campaign_new"),
        {"organisation": world.mineros.pk, "kind": "policy", "title": "Para la 65",
         "language": "es", "audience": "unit", "audience_unit": world.section65.pk},
    )  # fmt: skip
    assert posted.status_code == 302
    from alianza.solidarity.models import Campaign

    made = Campaign.objects.get(title="Para la 65")
    assert (made.audience, made.audience_unit) == ("unit", world.section65)
