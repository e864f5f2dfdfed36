"""Permission predicates for organisations and people (see ``selectors`` for scoping)."""

import rules

from .roles import MANAGING_ROLES, Role
from .selectors import has_role, manageable_people, standing, visible_people


@rules.predicate
def is_org_member(user, organisation) -> bool:
    return organisation is not None and has_role(user, organisation, set(Role.values))


@rules.predicate
def is_org_manager(user, organisation) -> bool:
    return organisation is not None and has_role(user, organisation, MANAGING_ROLES)


@rules.predicate
def is_org_admin(user, organisation) -> bool:
    return organisation is not None and has_role(user, organisation, {Role.ADMIN})


@rules.predicate
def is_org_leader(user, organisation) -> bool:
    """Administrators, staff and officers: those who see the organisation's people."""
    return organisation is not None and has_role(
        user, organisation, {Role.ADMIN, Role.STAFF, Role.OFFICER}
    )


@rules.predicate
def can_view_person(user, person) -> bool:
    return person is not None and visible_people(user).filter(pk=person.pk).exists()


@rules.predicate
def can_manage_person(user, person) -> bool:
    return person is not None and manageable_people(user).filter(pk=person.pk).exists()


@rules.predicate
def is_self(user, person) -> bool:
    st = standing(user)
    return person is not None and st.person is not None and st.person.pk == person.pk


rules.add_perm("orgs.view_organisation", rules.is_authenticated)
rules.add_perm("orgs.change_organisation", is_org_admin)
rules.add_perm("orgs.list_people", is_org_leader)
rules.add_perm("orgs.add_person", is_org_manager)
rules.add_perm("orgs.add_unit", is_org_manager)
rules.add_perm("orgs.add_body", is_org_manager)
rules.add_perm("orgs.export_people", is_org_manager)
rules.add_perm("orgs.invite", is_org_manager)
rules.add_perm("orgs.view_audit", is_org_admin)
rules.add_perm("orgs.view_person", can_view_person)
rules.add_perm("orgs.change_person", can_manage_person | is_self)
rules.add_perm("orgs.manage_roles", can_manage_person)
