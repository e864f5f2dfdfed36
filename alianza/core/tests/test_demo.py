import re
import time
from datetime import date
from io import StringIO

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import CommandError

from alianza.accounts.models import User
from alianza.audit.log import record, verify_chain
from alianza.bodies.models import Body, Seat
from alianza.core import demo
from alianza.multilingual.models import Translation
from alianza.orgs.models import ContactChannel, Membership, Organisation, Person, Unit
from alianza.orgs.roles import LEADING_ROLES
from alianza.spaces.models import JointSpace, Participant

MODELS = [
    Organisation,
    Unit,
    Person,
    Membership,
    ContactChannel,
    Body,
    Seat,
    JointSpace,
    Participant,
    Translation,
    User,
    Authenticator,
]
PUBLIC_FIGURES = [
    "Leo W. Gerard",
    "Napoleón Gómez Urrutia",
    "Sergio Beltrán Reyes",
    "Juan Linares Montufar",
    "Len McCluskey",
    "Terry Bonds",
    "LaVenture",
]


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def logins():
    return demo.load()


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


@pytest.mark.django_db
def test_loading_twice_duplicates_nothing(logins):
    first = counts()
    again = demo.load()
    assert counts() == first
    assert [x.email for x in again] == [x.email for x in logins]
    assert first["Person"] >= 40
    assert ContactChannel.objects.filter(kind="phone", person__user=None).count() >= 20


@pytest.mark.django_db
def test_reset_then_reload(logins):
    first = counts()
    out = StringIO()
    call_command("load_demo", "--reset", stdout=out)
    assert counts() == first
    assert "Demo world removed." in out.getvalue()
    assert demo.TOTP_HINT in out.getvalue()
    assert "j.walker@usw.example" in out.getvalue()


@pytest.mark.django_db
def test_reset_keeps_what_the_audit_log_refers_to(logins):
    usw = Organisation.objects.get(slug="usw")
    walker = User.objects.get(email="j.walker@usw.example")
    alliance = JointSpace.objects.get(slug="solidarity-alliance")
    record("account.login", actor=walker, organisation=usw, space=alliance)
    first = counts()
    call_command("load_demo", "--reset", stdout=StringIO())
    assert counts() == first
    assert Organisation.objects.get(slug="usw").pk == usw.pk
    assert User.objects.get(email="j.walker@usw.example").pk == walker.pk
    assert verify_chain() is None


@pytest.mark.django_db
def test_organisations(logins):
    usw = Organisation.objects.get(slug="usw")
    assert usw.name == "United Steelworkers"
    assert usw.countries == ["US", "CA"] and usw.default_language == "en"
    assert "Allied Industrial and Service Workers" in usw.description
    mineros = Organisation.objects.get(slug="los-mineros")
    assert mineros.short_name == "Los Mineros"
    assert mineros.name.startswith("Sindicato Nacional de Trabajadores Mineros")
    assert mineros.countries == ["MX"]
    assert mineros.default_language == mineros.language == "es"
    assert "es" in usw.translations_for("description")
    assert "en" in mineros.translations_for("description")
    unite = Organisation.objects.get(slug="unite")
    assert unite.short_name == "Unite" and unite.countries == ["GB", "IE"]
    wu = Organisation.objects.get(slug="workers-uniting")
    assert wu.kind == Organisation.Kind.GLOBAL_UNION
    assert wu.members_count == 2_000_000
    assert sorted(wu.countries) == ["CA", "GB", "IE", "MX", "US"]
    assert {o.slug for o in wu.affiliates.all()} == {"usw", "unite", "los-mineros"}


@pytest.mark.django_db
def test_units(logins):
    def unit(name):
        return Unit.objects.get(name=name)

    assert unit("District 3").country == "CA"
    assert "Vancouver" in unit("District 3").place
    assert unit("Women of Steel").kind == Unit.Kind.CAUCUS
    d12 = unit("District 12")
    locals_ = Unit.objects.filter(parent=d12, kind=Unit.Kind.LOCAL)
    assert locals_.count() == 5 and all(u.illustrative for u in locals_)
    assert {u.place.split(", ")[1] for u in locals_} == {"Arizona", "Texas"}
    assert unit("Sección 65").place == "Cananea, Sonora"
    assert unit("Sección 201").place == "Sombrerete, Zacatecas"
    assert unit("Sección 17").place == "Taxco, Guerrero"
    assert unit("Sección 271").illustrative
    assert unit("Mineras de Acero").organisation.slug == "los-mineros"


@pytest.mark.django_db
def test_the_usw_meets_on_us_and_canadian_clocks_los_mineros_on_mexicos(logins):
    from alianza.governance.models import Meeting

    us_and_canada = {
        "America/New_York", "America/Chicago", "America/Phoenix", "America/Vancouver",
        "America/Toronto",
    }  # fmt: skip
    usw = Organisation.objects.get(slug="usw")
    assert usw.time_zone == "America/New_York"  # Pittsburgh
    assert {u.zone_key for u in usw.units.all()} <= us_and_canada
    assert Unit.objects.get(name="District 3").zone_key == "America/Vancouver"
    assert Unit.objects.get(name="Local 5101 (Hayden)").zone_key == "America/Phoenix"
    for body in Body.objects.filter(organisation=usw):
        assert body.zone_key in us_and_canada
    mineros = Organisation.objects.get(slug="los-mineros")
    assert mineros.time_zone == "America/Mexico_City"
    assert Unit.objects.get(name="Sección 65").zone_key == "America/Hermosillo"
    board = Meeting.objects.get(body__name="International Executive Board")
    assert board.zone.key == "America/New_York"
    assert board.starts_at.astimezone(board.zone).hour == 9
    # Demo people read on their unit's or union's clock.
    assert User.objects.get(email="j.walker@usw.example").time_zone in us_and_canada
    for user in User.objects.filter(email__endswith="@usw.example"):
        assert user.time_zone in us_and_canada
    for user in User.objects.filter(email__endswith="@mineros.example"):
        assert user.time_zone.startswith("America/")
        assert user.time_zone not in us_and_canada


@pytest.mark.django_db
def test_worksites_keep_their_workplaces_clocks(logins):
    from alianza.employers.models import Worksite

    # Sonora and Arizona keep no summer time.
    for site in Worksite.objects.filter(region__in=["Sonora", "Arizona"]):
        assert site.time_zone in {"America/Hermosillo", "America/Phoenix"}, site
    assert Worksite.objects.filter(region="Sonora").exists()
    assert all(site.time_zone for site in Worksite.objects.all())


@pytest.mark.django_db
def test_the_observers_are_addressed_as_they_asked(logins):
    from django.utils import translation

    quinn = Person.objects.get(name="Patricia Quinn")
    castaneda = Person.objects.get(name="Alejandra Castañeda")
    assert quinn.address_as == castaneda.address_as == "feminine"
    seat = Seat.objects.get(holder=castaneda, kind="observer")
    with translation.override("en"):
        assert seat.addressed_kind == "Observer"
    assert Person.objects.get(name="Jordan Walker").address_as == "neutral"


@pytest.mark.django_db
def test_bodies_and_seats(logins):
    nec = Body.objects.get(name="Comité Ejecutivo Nacional")
    assert nec.organisation.slug == "los-mineros" and nec.language == "es"
    holders = {s.title: s.holder.name for s in nec.seats.all()}
    assert holders["Presidente y Secretario General"] == "Napoleón Gómez Urrutia"
    assert (
        holders["Secretario del Interior, Exterior y Actas"] == "Sergio Beltrán Reyes"
    )
    cgvj = Body.objects.get(name="Consejo General de Vigilancia y Justicia")
    assert cgvj.kind == Body.Kind.OVERSIGHT
    assert cgvj.seats.filter(holder__name="Juan Linares Montufar").exists()
    ieb = Body.objects.get(name="International Executive Board")
    assert (
        ieb.seats.get(holder__name="Leo W. Gerard").title == "International President"
    )
    for district in ("3", "7", "12"):
        assert ieb.seats.filter(title=f"Director, District {district}").exists()
    commission = Body.objects.get(name="Joint Commission")
    assert commission.space.slug == "joint-commission"
    titles = [s.title for s in commission.seats.all()]
    assert any("General Counsel" in t for t in titles)
    assert any("Director of International Affairs" in t for t in titles)
    added = commission.seats.filter(
        representing__slug="los-mineros", title__contains="added 2011"
    )
    assert added.count() == 2
    for email in ("j.walker@usw.example", "maria.hernandez@mineros.example"):
        assert commission.seats.filter(holder__user__email=email).exists()


@pytest.mark.django_db
def test_observers_speak_but_neither_vote_nor_belong(logins):
    nec = Body.objects.get(name="Comité Ejecutivo Nacional")
    ieb = Body.objects.get(name="International Executive Board")
    for body, representing in ((nec, "usw"), (ieb, "los-mineros")):
        observer = body.seats.get(kind=Seat.Kind.OBSERVER)
        assert observer.representing.slug == representing
        assert observer.can_speak and not observer.can_vote and not observer.is_member
        assert not observer.counts_for_quorum
        assert observer.holder.user is not None and observer.holder.illustrative
    assert nec.seats.get(kind="observer").holder.user.email == "p.quinn@usw.example"


@pytest.mark.django_db
def test_joint_spaces(logins):
    alliance = JointSpace.objects.get(slug="solidarity-alliance")
    assert alliance.kind == JointSpace.Kind.ALLIANCE
    assert alliance.established_on == date(2005, 5, 26)
    assert (
        "Las Vegas" in alliance.description and "16 August 2011" in alliance.description
    )
    parts = alliance.participants.all()
    assert {p.organisation.slug for p in parts} == {"usw", "los-mineros"}
    assert {p.role for p in parts} == {Participant.Role.COORDINATOR}
    commission = JointSpace.objects.get(slug="joint-commission")
    assert commission.kind == JointSpace.Kind.COMMISSION
    assert commission.established_on.year == 2010
    wu = JointSpace.objects.get(slug="workers-uniting-space")
    assert {p.organisation.slug for p in wu.participants.all()} == {
        "usw",
        "unite",
        "los-mineros",
    }
    ct = ContentType.objects.get_for_model(JointSpace)
    alliance_spaces = JointSpace.objects.exclude(kind=JointSpace.Kind.COUNCIL)
    ids = [str(pk) for pk in alliance_spaces.values_list("pk", flat=True)]
    assert alliance_spaces.count() == 3
    # Each description and each name in Spanish and French; Workers Uniting, a
    # proper name, is its own translation (so no reader is told one is missing).
    for language in ("es", "fr"):
        spanish = Translation.objects.filter(
            content_type=ct, language=language, object_id__in=ids
        )
        assert spanish.filter(field="description").count() == 3
        assert spanish.filter(field="name").count() == 3
        assert spanish.filter(field="name", text="Workers Uniting").count() == 1


@pytest.mark.django_db
def test_logins_are_fictional_and_public_figures_have_none(logins):
    assert len(logins) >= 10
    for login in logins:
        assert login.email.endswith(".example") and login.password == demo.PASSWORD
        person = Person.objects.get(user__email=login.email)
        assert person.illustrative and person.languages_spoken and person.country
    for name in PUBLIC_FIGURES:
        person = Person.objects.get(name=name)
        assert person.user is None and not person.illustrative
    outsider = Person.objects.get(user__email="alex.rivera@outside.example")
    assert not outsider.memberships.exists()
    assert User.objects.count() == len(logins)


@pytest.mark.django_db
def test_two_factor_for_managing_roles_only(logins):
    for login in logins:
        user = User.objects.get(email=login.email)
        roles = set(user.person.memberships.values_list("role", flat=True))
        needs = bool(roles & LEADING_ROLES)
        assert (login.totp_secret is not None) == needs
        types = set(
            Authenticator.objects.filter(user=user).values_list("type", flat=True)
        )
        assert types == ({"totp", "recovery_codes"} if needs else set())
        if needs:
            assert login.totp_secret == demo.totp_secret_for(login.email)


@pytest.mark.django_db
def test_demo_totp_refuses_a_real_address(logins):
    with pytest.raises(CommandError, match="not a demo account"):
        call_command(
            "demo_totp", "someone@usw.org", stdout=StringIO(), stderr=StringIO()
        )


@pytest.mark.django_db
def test_demo_totp_prints_the_current_code(logins):
    email = "maria.hernandez@mineros.example"
    out = StringIO()
    call_command("demo_totp", email, stdout=out, stderr=StringIO())
    code = out.getvalue().strip()
    assert re.fullmatch(r"\d{6}", code)
    secret = demo.totp_secret_for(email)
    counter = int(time.time()) // 30
    assert code in {
        format_hotp_value(hotp_value(secret, c)) for c in (counter - 1, counter)
    }
