"""Run an election end to end in one process, each party doing what its own
program would do: trustees (``trustee.next_step``), the credential authority
(``votecore.api.make_credentials``) and voters (``votecore.api.cast``)."""

from datetime import timedelta

from django.utils import timezone

from alianza.elections import actions, selectors
from alianza.elections.models import Election, Voter
from alianza.elections.trustee import next_step
from alianza.orgs.models import Person
from votecore import api as vc
from votecore import authority


def people(world, count: int, prefix: str) -> list[Person]:
    from conftest import make_user

    out = []
    for n in range(count):
        user = make_user(
            f"{prefix}{n}@example.org",
            f"{prefix.title()} {n}",
            [(world.mineros, "member", None)],
        )
        out.append(user.person)
    return out


def new_election(world, kind="strike", voters=5, covered=None, **extra) -> Election:
    staff = world["mineros_staff"]
    now = timezone.now()
    election = actions.create_election(
        staff, world.mineros, kind=kind, title="Votación", question="¿Huelga?",
        opens_at=now - timedelta(minutes=1), closes_at=now + timedelta(days=1),
        language="es", covered_workers=covered, **extra,
    )  # fmt: skip
    for n in range(voters):
        Voter.objects.create(
            election=election, name=f"Trabajador {n}", worker_number=f"W{n}"
        )
    return election


def name_parties(world, election: Election) -> dict:
    trustees = people(world, election.trustee_count, "trustee")
    for person in trustees:
        actions.assign_role(world["mineros_staff"], election, person, "trustee")
    from conftest import make_user

    # A notary: outside the union, as a consultation under the labour law needs.
    authority = make_user("notaria@example.org", "Notaria Pública", []).person
    actions.assign_role(
        world["mineros_staff"], election, authority, "credential_authority"
    )
    return {"trustees": [p.user for p in trustees], "authority": authority.user}


def run_trustees(election: Election, users, privates: dict) -> None:
    """Let every trustee do whatever is next, until nobody has anything to do."""
    while True:
        moved = False
        for user in users:
            election.refresh_from_db()
            index = selectors.trustee_index(user, election)
            state = selectors.ceremony_state(election)
            step, message, private = next_step(index, privates.get(index), state)
            privates[index] = private
            if step:
                actions.trustee_message(user, election, step, message)
                moved = True
        if not moved:
            return


def ready_to_vote(world, election: Election, authority_code: str = "") -> dict:
    """Keys made, credentials published and the vote open; with ``authority_code``
    the credential authority publishes its key first (to replace codes later)."""
    parties = name_parties(world, election)
    actions.begin_ceremony(world["mineros_staff"], election)
    privates: dict = {}
    run_trustees(election, parties["trustees"], privates)
    election.refresh_from_db()
    pairs = vc.make_credentials(election.election_id, election.voters.count())
    voters = list(election.voters.order_by("pk"))
    actions.publish_credentials(
        parties["authority"],
        election,
        {v.pk: pub for v, (_s, pub) in zip(voters, pairs, strict=True)},
    )
    if authority_code:
        public = authority.authority_key(election.election_id, authority_code)
        actions.publish_authority_key(parties["authority"], election, public)
    actions.open_election(world["mineros_staff"], election)
    election.refresh_from_db()
    return {
        **parties,
        "privates": privates,
        "secrets": {v.pk: s for v, (s, _p) in zip(voters, pairs, strict=True)},
    }
