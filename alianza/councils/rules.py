"""Who reaches a council, and how far (``selectors.Access``):

- delegates (the holders of its body's seats), officers of its member units and the
  staff of the unions taking part read everything in it and write in it;
- members of its member units read what is not confidential to delegates;
- officers of the unions' other units see that it exists, its member units and whom
  to ask, not its content;
- everyone else: it does not exist.
"""

import rules

from alianza.orgs.rules import is_org_manager
from alianza.orgs.selectors import standing
from alianza.spaces.rules import is_coordinator

from .selectors import Access, access_to, representing_units


def _reaches(level: Access):
    def predicate(user, council) -> bool:
        return council is not None and access_to(user, council) >= level

    return predicate


knows_council = rules.predicate(_reaches(Access.DIRECTORY), name="knows_council")
reads_council = rules.predicate(_reaches(Access.READER), name="reads_council")
takes_part_in_council = rules.predicate(
    _reaches(Access.TAKES_PART), name="takes_part_in_council"
)


@rules.predicate
def reads_record(user, record) -> bool:
    """A post, meeting or document of the council: its readers read it unless it
    is confidential to delegates; then only those who take part."""
    if record is None:
        return False
    level = access_to(user, record.council)
    if record.confidential:
        return level >= Access.TAKES_PART
    return level >= Access.READER


@rules.predicate
def takes_part_in_council_of(user, record) -> bool:
    return record is not None and access_to(user, record.council) >= Access.TAKES_PART


@rules.predicate
def owns_or_coordinates_item(user, item) -> bool:
    if item is None:
        return False
    person = standing(user).person
    return (person is not None and item.owner_id == person.pk) or is_coordinator(
        user, item.council.space
    )


@rules.predicate
def owns_item(user, item) -> bool:
    person = standing(user).person
    return item is not None and person is not None and item.owner_id == person.pk


@rules.predicate
def coordinates_council(user, council) -> bool:
    """Coordinates the council's joint space: she proposes its member units."""
    return council is not None and is_coordinator(user, council.space)


@rules.predicate
def manages_a_union_present(user, employer) -> bool:
    """Administrator or staff of a union whose units represent workers of the
    employer's corporate family: she may found its council."""
    if employer is None:
        return False
    organisations = {u.organisation for u in representing_units(employer)}
    return any(is_org_manager(user, org) for org in organisations)


@rules.predicate
def registers_for(user, council_meeting) -> bool:
    """A delegate registers for a meeting of a council she takes part in that has
    not closed yet."""
    return (
        council_meeting is not None
        and not council_meeting.meeting.is_closed
        and access_to(user, council_meeting.council) >= Access.TAKES_PART
    )


rules.add_perm("councils.view_council", knows_council)
rules.add_perm("councils.read_council", reads_council)
rules.add_perm("councils.take_part", takes_part_in_council)
# Post news, plan a meeting, put a document before it, add an action item.
rules.add_perm("councils.write_council", takes_part_in_council)
rules.add_perm("councils.view_councilpost", reads_record)
rules.add_perm("councils.view_councilmeeting", reads_record)
rules.add_perm("councils.view_councildocument", reads_record)
rules.add_perm("councils.change_councilmeeting", takes_part_in_council_of)
rules.add_perm("councils.register", registers_for)
# Anyone taking part in the council may translate its exchange for the others.
rules.add_perm("councils.change_councilpost", takes_part_in_council_of)
rules.add_perm(
    "councils.view_actionitem",
    rules.predicate(
        lambda user, item: (
            item is not None and access_to(user, item.council) >= Access.READER
        )
    )
    | owns_item,
)
# Its owner and the council's coordinators change it, and translate its title.
rules.add_perm("councils.change_actionitem", owns_or_coordinates_item)
rules.add_perm("councils.change_council", coordinates_council)
rules.add_perm("councils.found_council", manages_a_union_present)
