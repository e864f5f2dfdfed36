"""The named test personas, from both unions, reused by every test.

usw_admin        USW organisation administrator
usw_staff        USW international affairs staff
usw_officer      USW District 12 officer
observer         USW officer holding the observer seat on Los Mineros' executive committee
usw_member       USW rank-and-file member of Local 915
mineros_observer Los Mineros member holding the observer seat on the USW's International
                 Executive Board (speaks, does not vote; leads nothing)
mineros_staff    Los Mineros international affairs staff
mineros_officer  Los Mineros Section 65 officer (Spanish)
member           Los Mineros rank-and-file member of Section 65 (Spanish)
outsider         an account with no role anywhere
"""

from dataclasses import dataclass
from datetime import date

import pytest
from allauth.mfa.models import Authenticator

from alianza.accounts.models import User
from alianza.bodies.models import Body, Seat
from alianza.employers.models import Employer, Representation, Worksite
from alianza.orgs.models import ContactChannel, Membership, Organisation, Person, Unit
from alianza.orgs.roles import LEADING_ROLES, Role
from alianza.spaces.models import JointSpace, Participant

PASSWORD = "correct-horse-battery-staple"  # noqa: S105


def pytest_configure(config) -> None:
    from django.conf import settings

    # A slow password hash protects real accounts; tests create hundreds of them.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}
    }
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.SMS_BACKEND = "alianza.lib.sms.LocmemBackend"
    # A test folder's conftest imported before this hook (pytest loads those of the
    # paths it is given first) may have defined tasks, and so read TASKS already.
    from django.core.signals import setting_changed

    setting_changed.send(
        sender=type(settings), setting="TASKS", value=settings.TASKS, enter=True
    )


@pytest.fixture(autouse=True)
def _media_in_a_temporary_folder(settings, tmp_path):
    """Uploaded files of a test go to a folder of its own."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate limits and used TOTP codes live in the cache: no test inherits them."""
    from django.core.cache import cache
    from django.utils import translation

    from alianza.lib import sms

    cache.clear()
    sms.outbox.clear()
    translation.activate(
        "en"
    )  # a request served earlier in this thread may have left Spanish
    yield
    cache.clear()


@dataclass
class World:
    usw: Organisation
    mineros: Organisation
    unite: Organisation
    district12: Unit
    local: Unit
    section65: Unit
    section201: Unit
    nec: Body
    ieb: Body
    alliance: JointSpace
    commission: JointSpace
    commission_body: Body
    users: dict[str, User]
    rank_and_file: Person
    grupo: Employer
    asarco: Employer
    hayden: Worksite
    cananea: Worksite

    def __getitem__(self, name: str) -> User:
        return self.users[name]


def make_user(
    email: str,
    name: str,
    memberships: list[tuple[Organisation, str, Unit | None]],
    language: str = "en",
    country: str = "US",
) -> User:
    user = User.objects.create_user(email, PASSWORD, language=language)
    person = Person.objects.create(
        user=user,
        name=name,
        country=country,
        preferred_language=language,
        languages_spoken=[language],
    )
    ContactChannel.objects.create(
        person=person, kind="email", value=email, preferred=True
    )
    for org, role, unit in memberships:
        Membership.objects.create(person=person, organisation=org, role=role, unit=unit)
    if any(role in LEADING_ROLES for _org, role, _unit in memberships):
        Authenticator.objects.create(
            user=user, type=Authenticator.Type.TOTP, data={"secret": "JBSWY3DPEHPK3PXP"}
        )
    return user


@pytest.fixture
def world(db) -> World:
    usw = Organisation.objects.create(
        slug="usw", name="United Steelworkers", short_name="USW", countries=["US", "CA"]
    )
    mineros = Organisation.objects.create(
        slug="los-mineros",
        name="Sindicato Nacional de Trabajadores Mineros",
        short_name="Los Mineros",
        countries=["MX"],
        default_language="es",
        language="es",
        description="Sindicato democrático e independiente.",
    )
    unite = Organisation.objects.create(
        slug="unite", name="Unite the Union", short_name="Unite", countries=["GB", "IE"]
    )
    district12 = Unit.objects.create(
        organisation=usw, kind="district", number="12", name="District 12", country="US"
    )
    local = Unit.objects.create(
        organisation=usw,
        parent=district12,
        kind="local",
        number="915",
        name="Local 915",
        country="US",
    )
    section65 = Unit.objects.create(
        organisation=mineros,
        kind="section",
        number="65",
        name="Sección 65",
        country="MX",
    )
    section201 = Unit.objects.create(
        organisation=mineros,
        kind="section",
        number="201",
        name="Sección 201",
        country="MX",
    )
    users = {
        "usw_admin": make_user(
            "admin@usw.test", "Alex Admin", [(usw, Role.ADMIN, None)]
        ),
        "usw_staff": make_user(
            "staff@usw.test", "Sam Staff", [(usw, Role.STAFF, None)]
        ),
        "usw_officer": make_user(
            "officer@usw.test", "Olga Officer", [(usw, Role.OFFICER, district12)]
        ),
        "observer": make_user(
            "observer@usw.test", "Otto Observer", [(usw, Role.OFFICER, None)]
        ),
        "mineros_staff": make_user(
            "staff@mineros.test",
            "Sofía Staff",
            [(mineros, Role.STAFF, None), (mineros, Role.ADMIN, None)],
            language="es",
            country="MX",
        ),
        "mineros_officer": make_user(
            "officer@mineros.test",
            "Óscar Oficial",
            [(mineros, Role.OFFICER, section65)],
            language="es",
            country="MX",
        ),
        "member": make_user(
            "member@mineros.test",
            "Mario Miembro",
            [(mineros, Role.MEMBER, section65)],
            language="es",
            country="MX",
        ),
        "usw_member": make_user(
            "member@usw.test", "Uriel Member", [(usw, Role.MEMBER, local)]
        ),
        "mineros_observer": make_user(
            "observer@mineros.test",
            "Olga Observadora",
            [(mineros, Role.MEMBER, None)],
            language="es",
            country="MX",
        ),
        "outsider": make_user("outsider@example.test", "Olivia Outsider", []),
    }
    rank_and_file = Person.objects.create(
        name="Rosa Base", country="MX", preferred_language="es", languages_spoken=["es"]
    )
    ContactChannel.objects.create(
        person=rank_and_file, kind="phone", value="+52 645 000 0000"
    )
    Membership.objects.create(
        person=rank_and_file, organisation=mineros, role=Role.MEMBER, unit=section201
    )
    nec = Body.objects.create(
        name="Comité Ejecutivo Nacional",
        kind="executive_board",
        organisation=mineros,
        language="es",
        description="Órgano de dirección del sindicato.",
    )
    for name in ["A", "B", "C"]:
        holder = Person.objects.create(name=f"Miembro {name}", country="MX")
        Seat.objects.create(
            body=nec, kind="member", holder=holder, representing=mineros
        )
    observer_person = users["observer"].person
    Seat.objects.create(
        body=nec,
        kind="observer",
        holder=observer_person,
        representing=usw,
        **Seat.rights_for("observer"),
    )
    ieb = Body.objects.create(
        name="International Executive Board", kind="executive_board", organisation=usw
    )
    Seat.objects.create(
        body=ieb, kind="member", holder=users["usw_admin"].person, representing=usw
    )
    Seat.objects.create(
        body=ieb,
        kind="observer",
        holder=users["mineros_observer"].person,
        representing=mineros,
        **Seat.rights_for("observer"),
    )
    alliance = JointSpace.objects.create(
        slug="solidarity-alliance", name="Solidarity Alliance", kind="alliance"
    )
    commission = JointSpace.objects.create(
        slug="joint-commission", name="Joint Commission", kind="commission"
    )
    for space in (alliance, commission):
        Participant.objects.create(space=space, organisation=usw, role="coordinator")
        Participant.objects.create(
            space=space, organisation=mineros, role="coordinator"
        )
    commission_body = Body.objects.create(
        name="Joint Commission", kind="commission", space=commission
    )
    grupo = Employer.objects.create(
        slug="grupo-mexico", name="Grupo México", country="MX"
    )
    asarco = Employer.objects.create(
        slug="asarco", name="ASARCO", country="US", parent=grupo
    )
    hayden = Worksite.objects.create(
        employer=asarco, name="Hayden smelter", country="US", region="Arizona",
        latitude="33.00510", longitude="-110.78540", headcount=300,
    )  # fmt: skip
    cananea = Worksite.objects.create(
        employer=grupo, name="Buenavista del Cobre", country="MX", region="Sonora",
        municipality="Cananea", latitude="30.98660", longitude="-110.29600", rrm_covered=True,
    )  # fmt: skip
    Representation.objects.create(worksite=hayden, unit=local, status="represented")
    Representation.objects.create(
        worksite=cananea,
        unit=section65,
        status="on_strike",
        started_on=date(2007, 7, 30),
    )
    return World(
        usw=usw,
        mineros=mineros,
        unite=unite,
        district12=district12,
        local=local,
        section65=section65,
        section201=section201,
        nec=nec,
        ieb=ieb,
        alliance=alliance,
        commission=commission,
        commission_body=commission_body,
        users=users,
        rank_and_file=rank_and_file,
        grupo=grupo,
        asarco=asarco,
        hayden=hayden,
        cananea=cananea,
    )


def client_for(client, user: User | None):
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def matrix_world(world):
    """The world of the authorisation matrix: ``world`` with a pending invitation."""
    from alianza.accounts.actions import invite

    _invitation, link = invite(
        world["mineros_staff"],
        world.mineros,
        email="invitada@mineros.test",
        name="Invitada",
        role="member",
        language="es",
    )
    world.invitation_token = link.rstrip("/").rsplit("/", 1)[-1]
    return world
