"""Permission predicates for organisations and people (see ``selectors`` for scoping)."""

import rules

from .roles import ADMIN_ROLES, LEADING_ROLES, MANAGING_ROLES
from .selectors import (
    administered_organisations,
    has_role,
    manageable_people,
    managed_organisations,
    standing,
    visible_people,
)


@rules.predicate
def is_org_manager(user, organisation) -> bool:
    return organisation is not None and has_role(user, organisation, MANAGING_ROLES)


@rules.predicate
def is_org_admin(user, organisation) -> bool:
    return organisation is not None and has_role(user, organisation, ADMIN_ROLES)


@rules.predicate
def is_org_leader(user, organisation) -> bool:
    """Leads ``organisation`` (an administrator, staff member or officer of it).

    The one predicate for it: other apps' rules use it, or ``leads_owner`` for a
    record that belongs to an organisation."""
    return organisation is not None and has_role(user, organisation, LEADING_ROLES)


@rules.predicate
def leads_some_organisation(user) -> bool:
    st = standing(user)
    return st.is_superuser or bool(st.organisation_ids(LEADING_ROLES))


@rules.predicate
def manages_some_organisation(user) -> bool:
    return managed_organisations(user).exists()


@rules.predicate
def administers_some_organisation(user) -> bool:
    return administered_organisations(user).exists()


@rules.predicate
def leads_it_or_any(user, organisation) -> bool:
    """Leads ``organisation``; asked without one (a page that offers the unions she
    leads to choose from), leads at least one."""
    if organisation is None:
        return leads_some_organisation(user)
    return is_org_leader(user, organisation)


@rules.predicate
def leads_owner(user, record) -> bool:
    """Leads the organisation that owns ``record`` (its ``organisation``)."""
    return record is not None and is_org_leader(user, record.organisation)


@rules.predicate
def manages_owner(user, record) -> bool:
    """Manages the organisation that owns ``record`` (its ``organisation``)."""
    return record is not None and is_org_manager(user, record.organisation)


@rules.predicate
def administers_owner(user, record) -> bool:
    """Administers the organisation that owns ``record`` (its ``organisation``)."""
    return record is not None and is_org_admin(user, record.organisation)


@rules.predicate
def can_view_person(user, person) -> bool:
    return person is not None and visible_people(user).filter(pk=person.pk).exists()


@rules.predicate
def can_manage_person(user, person) -> bool:
    return person is not None and manageable_people(user).filter(pk=person.pk).exists()


@rules.predicate
def can_view_membership(user, membership) -> bool:
    return membership is not None and can_view_person(user, membership.person)


@rules.predicate
def is_self(user, person) -> bool:
    st = standing(user)
    return person is not None and st.person is not None and st.person.pk == person.pk


rules.add_perm("orgs.view_organisation", rules.is_authenticated)
rules.add_perm("orgs.change_organisation", is_org_admin)
# The clocks of a union and of its units: its administrators set them.
rules.add_perm("orgs.change_zone", is_org_admin)
rules.add_perm("orgs.change_unit_zone", administers_owner)
rules.add_perm("orgs.list_people", is_org_leader)
rules.add_perm("orgs.add_person", is_org_manager)
rules.add_perm("orgs.add_unit", is_org_manager)
rules.add_perm("orgs.add_body", is_org_manager)
rules.add_perm("orgs.export_people", is_org_manager)
rules.add_perm("orgs.invite", is_org_manager)
rules.add_perm("orgs.view_audit", is_org_admin)
rules.add_perm("orgs.grant_roles", is_org_manager)
rules.add_perm("orgs.grant_admin", is_org_admin)
rules.add_perm("orgs.change_admin", is_org_admin)
# The same, somewhere: the pages that list what the person leads or manages.
rules.add_perm("orgs.list_people_somewhere", leads_some_organisation)
rules.add_perm("orgs.add_person_somewhere", manages_some_organisation)
rules.add_perm("orgs.invite_somewhere", manages_some_organisation)
rules.add_perm("orgs.view_audit_somewhere", administers_some_organisation)
rules.add_perm("orgs.view_person", can_view_person)
rules.add_perm("orgs.view_membership", can_view_membership)
rules.add_perm("orgs.change_person", can_manage_person | is_self)
rules.add_perm("orgs.manage_roles", can_manage_person)
