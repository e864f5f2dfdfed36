import rules

from alianza.orgs.roles import LEADING_ROLES, MANAGING_ROLES
from alianza.orgs.selectors import has_role, standing

from .selectors import visible_documents


@rules.predicate
def can_view_document(user, document) -> bool:
    return (
        document is not None and visible_documents(user).filter(pk=document.pk).exists()
    )


@rules.predicate
def can_manage_document(user, document) -> bool:
    """Its uploader, and the organisation's administrators and staff."""
    if document is None:
        return False
    return document.uploaded_by_id == user.pk or has_role(
        user, document.organisation, MANAGING_ROLES
    )


@rules.predicate
def may_upload_for(user, organisation) -> bool:
    return organisation is not None and has_role(user, organisation, LEADING_ROLES)


rules.add_perm("documents.view_document", can_view_document)
rules.add_perm("documents.change_document", can_manage_document)


@rules.predicate
def may_upload_somewhere(user) -> bool:
    return bool(standing(user).organisation_ids(LEADING_ROLES))


rules.add_perm("documents.add_document", may_upload_for)
rules.add_perm("documents.add_document_somewhere", may_upload_somewhere)
