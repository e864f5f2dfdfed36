from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from alianza.orgs.roles import MANAGING_ROLES
from alianza.orgs.selectors import standing


def navigation(request: HttpRequest) -> dict:
    """The main menu, by capability; only what the person may open."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_items": [], "nav_tools": []}
    st = standing(user)
    items = [
        (reverse("dashboard"), _("Dashboard")),
        (reverse("orgs:organisations"), _("Organisations")),
        (reverse("bodies:bodies"), _("Bodies")),
        (reverse("spaces:spaces"), _("Joint spaces")),
        (reverse("employers:employers"), _("Employers")),
        (reverse("councils:councils"), _("Councils")),
        (reverse("documents:documents"), _("Documents")),
        (reverse("elections:elections"), _("Elections")),
        (reverse("solidarity:hub"), _("Solidarity")),
    ]
    if st.is_superuser or any(m.role != "member" for m in st.memberships):
        items.append((reverse("contracts:library"), _("Contracts")))
    if st.is_superuser or any(m.role != "member" for m in st.memberships):
        items.append((reverse("orgs:people"), _("People")))
    # Tools of administrators and staff live in the account menu, to keep the bar short.
    tools = []
    if st.is_superuser or st.organisation_ids(MANAGING_ROLES):
        tools.append((reverse("orgs:invitations"), _("Invitations")))
    if st.is_superuser or st.organisation_ids({"admin"}):
        tools.append((reverse("audit:log"), _("Audit log")))
    path = request.path

    def entries(pairs: list) -> list[dict]:
        return [
            {
                "url": url,
                "label": label,
                "active": path == url if url == "/" else path.startswith(url),
            }
            for url, label in pairs
        ]

    return {"nav_items": entries(items), "nav_tools": entries(tools)}
