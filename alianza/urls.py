from django.urls import include, path

from alianza.accounts.views import invitation_revoke, invitations, set_language

from .api import api

urlpatterns = [
    path("", include("alianza.core.urls")),
    path("", include("alianza.orgs.urls")),
    path("bodies/", include("alianza.bodies.urls")),
    path("spaces/", include("alianza.spaces.urls")),
    path("employers/", include("alianza.employers.urls")),
    path("", include("alianza.councils.urls")),
    path("documents/", include("alianza.documents.urls")),
    path("meetings/", include("alianza.governance.urls")),
    path("elections/", include("alianza.elections.urls")),
    path("", include("alianza.solidarity.urls")),
    path("", include("alianza.alerts.urls")),
    path("", include("alianza.reports.urls")),
    path("contracts/", include("alianza.contracts.urls")),
    path("", include("alianza.multilingual.urls")),
    path("accounts/", include("alianza.accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("i18n/setlang/", set_language, name="set_language"),
    # An organisation's invitations: accounts' pages, at the paths they always had.
    path("invitations/", invitations, name="invitations"),
    path("invitations/<int:pk>/revoke/", invitation_revoke, name="invitation_revoke"),
    path("api/v1/", api.urls),
]
