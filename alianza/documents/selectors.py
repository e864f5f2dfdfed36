from django.db.models import Q, QuerySet

from alianza.orgs import roles
from alianza.orgs.models import Organisation
from alianza.orgs.selectors import organisations_of, standing
from alianza.spaces.audience import audience_q
from alianza.spaces.selectors import ids_shared_with

from .models import Document


def visible_documents(user) -> QuerySet[Document]:
    """The documents their audience reaches (their union's leaders always) and
    those shared into a joint space the user takes part in."""
    st = standing(user)
    if st.is_superuser:
        return Document.objects.all()
    if st.person is None:
        return Document.objects.filter(audience_q(user))
    return Document.objects.filter(
        audience_q(user) | Q(pk__in=ids_shared_with(user, Document))
    )


def documents_listing(user) -> QuerySet[Document]:
    """The documents the user may see, with their organisation and uploader."""
    return visible_documents(user).select_related("organisation", "uploaded_by")


def documents_with_uploader() -> QuerySet[Document]:
    return Document.objects.select_related("organisation", "uploaded_by")


def organisations_to_upload_for(user) -> QuerySet[Organisation]:
    """The organisations the user leads: she may upload their documents."""
    return organisations_of(user, roles.LEADING_ROLES)
