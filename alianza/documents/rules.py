import rules

from alianza.orgs.rules import is_org_leader, leads_some_organisation, manages_owner

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
    return document.uploaded_by_id == user.pk or manages_owner(user, document)


rules.add_perm("documents.view_document", can_view_document)
rules.add_perm("documents.change_document", can_manage_document)
rules.add_perm("documents.add_document", is_org_leader)
rules.add_perm("documents.add_document_somewhere", leads_some_organisation)
