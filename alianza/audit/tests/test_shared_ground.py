"""Audit entries on shared ground are read by the administrators of every union
taking part in the space, and name the union whose person acted; a union's private
entries stay its own."""

from django.urls import reverse

from alianza.audit.log import record
from alianza.audit.models import AuditEntry
from alianza.spaces.actions import add_participant
from alianza.spaces.models import JointSpace, Participant


def _page(client, user, query=""):
    client.force_login(user)
    response = client.get(reverse("orgs:audit_log") + query)
    assert response.status_code == 200
    return response


def test_both_unions_administrators_see_shared_ground_not_each_others_private(
    client, world
):
    # On the Joint Commission: USW's staff proposes (acting for USW).
    add_participant(world["usw_staff"], world.commission, organisation=world.unite)
    shared = AuditEntry.objects.get(action="spaces.proposal_made")
    usw_private = record(
        "orgs.people_exported", actor=world["usw_admin"], organisation=world.usw
    )
    mineros_private = record(
        "orgs.people_exported", actor=world["mineros_staff"], organisation=world.mineros
    )
    # A space Los Mineros does not take part in.
    usw_forum = JointSpace.objects.create(slug="forum", name="Forum", kind="commission")
    Participant.objects.create(
        space=usw_forum, organisation=world.usw, role="coordinator"
    )
    Participant.objects.create(space=usw_forum, organisation=world.unite)
    elsewhere = record("spaces.participant_added", actor=world["usw_staff"],
                       space=usw_forum, data={"union": world.usw.pk})  # fmt: skip

    mineros = _page(client, world["mineros_staff"])
    seen = {e for e, _union in mineros.context["rows"]}
    assert shared in seen and mineros_private in seen
    assert usw_private not in seen and elsewhere not in seen
    # The entry names the union whose person acted.
    assert (shared, "USW") in mineros.context["rows"]
    assert "Joint Commission" in mineros.content.decode()

    usw = _page(client, world["usw_admin"])
    seen = {e for e, _union in usw.context["rows"]}
    assert shared in seen and usw_private in seen and elsewhere in seen
    assert mineros_private not in seen

    # Filtered to one action, the shared entries are still there.
    only = _page(client, world["mineros_staff"], "?action=spaces.proposal_made")
    assert [e for e, _union in only.context["rows"]] == [shared]


def test_answers_record_the_union_that_answered(client, world):
    proposal = add_participant(
        world["mineros_staff"], world.commission, organisation=world.unite
    )
    client.force_login(world["usw_staff"])
    client.post(reverse("spaces:proposal_accept", args=[proposal.pk]))
    usw = _page(client, world["usw_admin"])
    unions = {e.action: union for e, union in usw.context["rows"] if e.space_id}
    assert unions["spaces.proposal_made"] == "Los Mineros"
    assert unions["spaces.proposal_accepted"] == "USW"
    assert unions["spaces.participant_added"] == "USW"


def test_the_page_reads_the_same_number_of_queries_however_many_entries(client, world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count() -> int:
        client.force_login(world["mineros_staff"])
        with CaptureQueriesContext(connection) as queries:
            client.get(reverse("orgs:audit_log"))
        return len(queries)

    for union in (world.usw, world.mineros):
        record("spaces.participant_added", actor=world["usw_staff"],
               space=world.commission, data={"union": union.pk})  # fmt: skip
    few = count()
    for union in (world.usw, world.mineros) * 5:
        record("spaces.participant_added", actor=world["usw_staff"],
               space=world.alliance, data={"union": union.pk})  # fmt: skip
    assert count() == few
