from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _


def navigation(request: HttpRequest) -> dict:
    """The main menu, by capability; only what the person may open."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_items": [], "nav_tools": []}
    leads = user.has_perm("orgs.list_people_somewhere")
    alliance = [
        (reverse("orgs:organisations"), _("Organisations")),
        *([(reverse("orgs:people"), _("People"))] if leads else []),
        (reverse("bodies:bodies"), _("Bodies")),
        (reverse("spaces:spaces"), _("Joint spaces")),
        (reverse("documents:documents"), _("Documents")),
    ]
    workplaces = [
        (reverse("employers:employers"), _("Employers")),
        (reverse("councils:councils"), _("Councils")),
        *([(reverse("contracts:library"), _("Contracts"))] if leads else []),
    ]
    # Grouped by capability, so that the bar stays one line on a laptop.
    items = [
        (reverse("dashboard"), _("Dashboard")),
        (_("Alliance"), alliance),
        (_("Employers and bargaining"), workplaces),
        (reverse("elections:elections"), _("Elections")),
        (reverse("solidarity:hub"), _("Solidarity")),
    ]
    # Tools of administrators and staff live in the account menu, to keep the bar short.
    tools = [
        (reverse("alerts:mine"), _("My alerts")),
        (reverse("alerts:reach"), _("How alerts reach me")),
    ]
    if user.has_perm("alerts.add_alert"):
        tools.append((reverse("alerts:replies"), _("Replies to alerts")))
    if user.has_perm("reports.view_reports"):
        tools.append((reverse("reports:pick"), _("Quarterly report")))
    if user.has_perm("orgs.invite_somewhere"):
        tools.append((reverse("invitations"), _("Invitations")))
    if user.has_perm("orgs.view_audit_somewhere"):
        tools.append((reverse("orgs:audit_log"), _("Audit log")))
    path = request.path

    def entry(url: str, label: str) -> dict:
        active = path == url if url == "/" else path.startswith(url)
        return {"url": url, "label": label, "active": active}

    def entries(pairs: list) -> list[dict]:
        found = []
        for first, second in pairs:
            if isinstance(second, list):  # a group: its label, then its links
                children = [entry(url, label) for url, label in second]
                found.append(
                    {
                        "label": first,
                        "children": children,
                        "active": any(c["active"] for c in children),
                    }
                )
            else:
                found.append(entry(first, second))
        return found

    return {"nav_items": entries(items), "nav_tools": entries(tools)}
