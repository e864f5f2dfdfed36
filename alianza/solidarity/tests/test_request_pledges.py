"""Requests and pledges as the alliance works: Los Mineros ask two USW locals by name;
who may pledge for which unit, who vets, who sees who pledged, the counts per unit,
members' own pledges, the outcome and the e-mails. Expectations are computed from
the rule (an oracle), not copied from the code:

- a pledge is for a unit the request asks (or below one), or for a union asked
  whole; it is made by an officer of that unit or of a unit above it, or by one
  who leads the union whole (administrator, staff, officer tied to no unit);
- a request is vetted by someone other than its author, from the requesting
  union's administrators and staff or a union's the draft is shared with;
- who pledged is read by the requesting union's leaders and by those who may pledge
  for the pledging unit; others read totals.
"""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from alianza.multilingual.actions import save_translation
from alianza.orgs.models import Unit
from alianza.orgs.roles import Role
from alianza.solidarity import actions
from alianza.solidarity.models import PersonalPledge, Pledge
from alianza.solidarity.pledge_selectors import pledge_table
from alianza.solidarity.selectors import visible_requests
from conftest import make_user

#: Who leads the USW whole (staff, administrator, union-wide officer).
USW_WHOLE = {"observer", "usw_staff", "usw_admin"}
PERSONAS = [
    "outsider", "member", "mineros_observer", "mineros_officer", "mineros_staff",
    "usw_member", "observer", "usw_officer", "usw_staff", "usw_admin",
    "officer_915", "officer_937",
]  # fmt: skip


@pytest.fixture
def ground(world):
    """Local 937 beside Local 915 (both in District 12), an officer of each."""
    local937 = Unit.objects.create(
        organisation=world.usw, parent=world.district12, kind="local",
        number="937", name="Local 937", country="US",
    )  # fmt: skip
    world.users["officer_915"] = make_user(
        "officer915@usw.test", "Fran Local", [(world.usw, Role.OFFICER, world.local)]
    )
    world.users["officer_937"] = make_user(
        "officer937@usw.test", "Nina Local", [(world.usw, Role.OFFICER, local937)]
    )
    world.local937 = local937
    return world


def _oracle_unit_of(w, persona: str):
    """The unit a persona's office is tied to, from the fixture's own table."""
    return {
        "usw_officer": w.district12,
        "officer_915": w.local,
        "officer_937": w.local937,
    }.get(persona)


def _speaks_for(w, persona: str, org, unit) -> bool:
    if org != w.usw:
        return persona == "mineros_staff" and org == w.mineros
    if persona in USW_WHOLE:
        return True
    office = _oracle_unit_of(w, persona)
    if office is None or unit is None:
        return False
    node = unit
    while node is not None:
        if node == office:
            return True
        node = node.parent
    return False


def _draft(w, author="mineros_officer", **extra):
    # For the members too once published: they pledge themselves.
    extra.setdefault("audience", "union")
    return actions.draft_request(
        w[author], w.mineros, title="Apoyo a la Sección 65",
        body="Pedimos cartas y una delegación.", language="es",
        units=[w.local, w.local937],
        deadline=timezone.localdate() + timedelta(days=20),
        asks=[{"kind": "delegation", "description": "Una delegación"},
              {"kind": "donation", "description": "Fondo de huelga",
               "target": Decimal(5000), "currency": "USD"}],
        **extra,
    )  # fmt: skip


def _publish(w, req):
    staff = w["mineros_staff"]
    save_translation(staff, req, "title", "en", "Support for Section 65")
    save_translation(staff, req, "body", "en", "We ask for letters and a delegation.")
    actions.vet_request(staff, req)
    return actions.publish_request(staff, req)


@pytest.fixture
def published(ground):
    return _publish(ground, _draft(ground))


# --- Who may pledge for which unit ------------------------------------------------


TARGETS = ["local", "local937", "district12", "usw", "section65"]


@pytest.mark.parametrize("target", TARGETS)
@pytest.mark.parametrize("persona", PERSONAS)
def test_who_may_pledge_for_which_unit(ground, published, persona, target):
    w = ground
    obj = getattr(w, target)
    unit = obj if isinstance(obj, Unit) else None
    org = unit.organisation if unit else obj
    # Asked by name: Locals 915 and 937 (and the units below them), not the whole USW,
    # not District 12 above them, not Los Mineros' own sections.
    addressed = unit is not None and unit in (w.local, w.local937)
    allowed = addressed and _speaks_for(w, persona, org, unit)
    call = lambda: actions.pledge(  # noqa: E731
        w[persona], published, organisation=org, unit=unit, kind="letter",
        description="A letter",
    )  # fmt: skip
    if allowed:
        made = call()
        assert (made.organisation, made.unit) == (org, unit)
    else:
        with pytest.raises(PermissionDenied):
            call()
        assert not Pledge.objects.exists()


def test_an_officer_pledges_for_her_own_local_through_the_page(
    client, ground, published
):
    w = ground
    client.force_login(w["officer_915"])
    page = client.get(published.get_absolute_url()).content.decode()
    assert f'value="unit-{w.local.pk}"' in page
    assert f'value="unit-{w.local937.pk}"' not in page  # not hers
    assert f'value="org-{w.usw.pk}"' not in page  # nor the whole union
    url = reverse("solidarity:request_pledge", args=[published.pk])
    client.post(url, {"pledge_for": f"unit-{w.local937.pk}", "kind": "letter",
                      "description": "Not mine"})  # fmt: skip
    assert not Pledge.objects.exists()
    ask = published.asks.get(kind="delegation")
    client.post(url, {"pledge_for": f"unit-{w.local.pk}", "kind": "letter",
                      "ask": ask.pk, "description": "Two of us"})  # fmt: skip
    made = Pledge.objects.get()
    # Answering the delegation ask makes it a delegation.
    assert (made.unit, made.kind, made.ask) == (w.local, "delegation", ask)


# --- Vetting ----------------------------------------------------------------------


def test_the_author_never_vets_her_own_request(ground, django_user_model):
    w = ground
    req = _draft(w, author="mineros_staff")
    with pytest.raises(PermissionDenied):
        actions.vet_request(w["mineros_staff"], req)
    root = django_user_model.objects.create_superuser("root@x.test", "pw-pw-pw-pw")
    by_root = actions.draft_request(
        root, w.mineros, title="Raíz", body="Texto.", language="es", units=[w.local]
    )
    with pytest.raises(PermissionDenied):
        actions.vet_request(root, by_root)  # not even an administrator of the site
    actions.vet_request(w["mineros_staff"], by_root)
    assert by_root.vetted_by == w["mineros_staff"]


def test_the_sister_unions_staff_vets_only_once_the_draft_is_shared(ground):
    w = ground
    req = _draft(w)
    for name in ("usw_staff", "usw_admin", "usw_officer"):
        assert req not in visible_requests(w[name])
        with pytest.raises(PermissionDenied):
            actions.vet_request(w[name], req)
    with pytest.raises(PermissionDenied):
        actions.share_draft(w["usw_staff"], req, w.usw)  # not hers to share
    actions.share_draft(w["mineros_officer"], req, w.usw)
    # Shared: the USW's administrators and staff read, translate and vet it; its
    # officers do not; nor do they publish it.
    assert req in visible_requests(w["usw_staff"])
    assert req not in visible_requests(w["usw_officer"])
    with pytest.raises(PermissionDenied):
        actions.vet_request(w["usw_officer"], req)
    save_translation(w["usw_staff"], req, "title", "en", "Support for Section 65")
    save_translation(w["usw_staff"], req, "body", "en", "Letters and a delegation.")
    actions.vet_request(w["usw_staff"], req)
    req.refresh_from_db()
    assert req.is_vetted and req.vetted_by == w["usw_staff"]
    with pytest.raises(PermissionDenied):
        actions.publish_request(w["usw_staff"], req)
    actions.publish_request(w["mineros_officer"], req)
    # Once published the USW's staff may no longer rewrite its translations.
    with pytest.raises(PermissionDenied):
        save_translation(w["usw_staff"], req, "title", "en", "Changed")


def test_vetting_is_audited_with_the_union_it_was_vetted_for(ground):
    from alianza.audit.models import AuditEntry

    w = ground
    req = _draft(w)
    actions.share_draft(w["mineros_staff"], req, w.usw)
    actions.vet_request(w["usw_staff"], req)
    entry = AuditEntry.objects.filter(action="solidarity.request_vetted").get()
    assert entry.data["for"] == "usw"
    assert AuditEntry.objects.filter(action="solidarity.request_shared").exists()


# --- Who sees who pledged, and the counts -----------------------------------------


@pytest.fixture
def two_pledges(ground, published):
    w = ground
    donation = published.asks.get(kind="donation")
    actions.pledge(
        w["officer_937"], published, organisation=w.usw, unit=w.local937,
        kind="delegation", description="Two members to Cananea",
    )  # fmt: skip
    actions.pledge(
        w["officer_937"], published, organisation=w.usw, unit=w.local937,
        kind="donation", ask=donation, description="Solidarity fund",
        amount=Decimal(2000), currency="USD",
    )  # fmt: skip
    actions.pledge(
        w["officer_915"], published, organisation=w.usw, unit=w.local,
        kind="letter", description="A letter to the company",
    )  # fmt: skip
    return published


@pytest.mark.parametrize("persona", PERSONAS)
def test_who_pledged_is_seen_by_the_requesters_and_the_pledgers(
    ground, two_pledges, persona
):
    w = ground
    user = w[persona]
    if two_pledges not in visible_requests(user):
        assert persona == "outsider"
        return
    requester = persona in {"mineros_officer", "mineros_staff"}
    expected = {
        p.pk
        for p in two_pledges.pledges.all()
        if requester or _speaks_for(w, persona, p.organisation, p.unit)
    }
    table = pledge_table(user, two_pledges)
    assert {p.pk for p in table["pledges"]} == expected
    assert table["pledge_count"] == 3  # everyone who reads it sees the totals
    hidden = 3 - len(expected)
    assert (table["others"].total if table["others"] else 0) == hidden


def test_the_page_counts_per_local_not_per_union(client, ground, two_pledges):
    w = ground
    staff = w["mineros_staff"]
    staff.language = "en"
    staff.save()
    client.force_login(staff)
    page = client.get(two_pledges.get_absolute_url()).content.decode()
    assert "<td>Local 937 (USW)</td>" in page and "<td>Local 915 (USW)</td>" in page
    assert "1 delegation, 1 donation, US$2,000.00" in page
    assert "1 letter" in page
    assert "2 of 2 unions, locals and sections asked have answered" in page
    assert "USW</td>" not in page  # never one line "USW 3"
    # A member of Local 915 reads the totals only.
    member = w["usw_member"]
    client.force_login(member)
    page = client.get(two_pledges.get_absolute_url()).content.decode()
    assert "<td>Local 937 (USW)</td>" not in page and "Others" in page


# --- Members' own pledges ---------------------------------------------------------


def test_a_member_pledges_herself_sees_it_on_her_home_and_withdraws_it(
    client, ground, published
):
    w = ground
    member = w["member"]
    member.language = "en"
    member.save()
    mine = actions.pledge_personally(member, published, kind="attend", note="Iré")
    client.force_login(member)
    home = client.get("/").content.decode()
    assert "My solidarity pledges" in home and published.get_absolute_url() in home
    with pytest.raises(PermissionDenied):
        actions.withdraw_personal_pledge(w["mineros_staff"], mine)
    with pytest.raises(PermissionDenied):
        actions.pledge_personally(w["outsider"], published, kind="attend")
    with pytest.raises(ValidationError):
        actions.pledge_personally(member, published, kind="sing")
    client.post(
        reverse("solidarity:personal_pledge_withdraw", args=[mine.pk]), {"next": "home"}
    )
    assert not PersonalPledge.objects.exists()


def test_personal_pledges_are_counted_apart_from_unions(client, ground, two_pledges):
    w = ground
    actions.pledge_personally(w["usw_member"], two_pledges, kind="call")
    actions.pledge_personally(w["member"], two_pledges, kind="call")
    table = pledge_table(w["mineros_staff"], two_pledges)
    assert table["pledge_count"] == 3
    assert two_pledges.personal_pledges.count() == 2


# --- Closing, the API and the e-mails ---------------------------------------------


def test_closing_records_the_outcome_shown_by_the_api(client, ground, two_pledges):
    from alianza.accounts.actions import create_token

    w = ground
    with pytest.raises(ValidationError):
        actions.close_request(w["mineros_staff"], two_pledges, result="maybe")
    with pytest.raises(PermissionDenied):
        actions.close_request(w["usw_staff"], two_pledges, result="met")
    actions.close_request(
        w["mineros_staff"], two_pledges, result="partly_met",
        outcome="Dos locales respondieron.",
    )  # fmt: skip
    two_pledges.refresh_from_db()
    assert two_pledges.is_closed and two_pledges.closed_at is not None
    for persona, seen in (("mineros_staff", 3), ("officer_915", 1), ("usw_member", 0)):
        _token, secret = create_token(w[persona], "t")
        data = client.get(
            f"/api/v1/solidarity/requests/{two_pledges.pk}",
            headers={"Authorization": f"Bearer {secret}"},
        ).json()
        assert data["result"] == "partly_met"
        assert data["outcome"] == "Dos locales respondieron."
        assert data["closed_at"] and data["pledge_count"] == 3
        assert len(data["pledges"]) == seen, persona
        assert sorted(data["units"]) == sorted([w.local.pk, w.local937.pk])
        assert {a["kind"] for a in data["asks"]} == {"delegation", "donation"}
    with pytest.raises(PermissionDenied):
        actions.pledge(
            w["officer_915"], two_pledges, organisation=w.usw, unit=w.local,
            kind="letter", description="Too late",
        )  # fmt: skip


def test_a_pledge_tells_the_locals_officers_and_the_requesters(
    ground, published, mailoutbox, settings, django_capture_on_commit_callbacks
):
    w = ground
    settings.SITE_URL = "https://alianza.example.org/"
    with django_capture_on_commit_callbacks(execute=True):
        made = actions.pledge(
            w["officer_915"], published, organisation=w.usw, unit=w.local,
            kind="rally", description="A rally at the gate",
        )  # fmt: skip
    told = {m.to[0]: m for m in mailoutbox}
    # The requesters' leaders; the pledging local's officer made it herself, and
    # no one is told of her own act.
    assert set(told) == {"staff@mineros.test", "officer@mineros.test"}
    link = "https://alianza.example.org" + made.get_absolute_url()
    assert all(link in m.body for m in mailoutbox)
    # Each reads the request's title in her language (the new sentences are put
    # into Spanish by the catalogue pass).
    assert "Apoyo a la Sección 65" in told["staff@mineros.test"].subject
    assert "Support for Section 65" not in told["staff@mineros.test"].subject


def test_a_request_links_its_unions_strike_not_anothers(ground):
    from datetime import date

    from alianza.solidarity.models import Campaign, Strike

    w = ground

    def strike_of(org, unit, worksite):
        campaign = Campaign.objects.create(
            organisation=org, kind=Campaign.Kind.values[0], title="Huelga"
        )
        return Strike.objects.create(
            campaign=campaign, worksite=worksite, unit=unit,
            started_on=date(2007, 7, 30), demands="Seguridad",
        )  # fmt: skip

    ours = strike_of(w.mineros, w.section65, w.cananea)
    theirs = strike_of(w.usw, w.local, w.hayden)
    req = _draft(w, strike=ours)
    assert req.strike == ours
    with pytest.raises(ValidationError):
        _draft(w, strike=theirs)
    with pytest.raises(ValidationError):  # a request asks other unions' units
        actions.draft_request(
            w["mineros_officer"], w.mineros, title="T", body="B", language="es",
            units=[w.section65],
        )  # fmt: skip


def test_the_asks_are_translated_by_whoever_translates_the_request(ground):
    w = ground
    req = _draft(w)
    ask = req.asks.get(kind="delegation")
    with pytest.raises(PermissionDenied):
        save_translation(w["usw_staff"], ask, "description", "en", "A delegation")
    actions.share_draft(w["mineros_staff"], req, w.usw)
    save_translation(w["usw_staff"], ask, "description", "en", "A delegation")
    assert ask.translations_for("description")["en"].text == "A delegation"
    with pytest.raises(PermissionDenied):
        save_translation(w["usw_officer"], ask, "description", "fr", "Une délégation")
