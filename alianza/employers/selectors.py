"""Corporate families and the common employers where the alliance's unions meet."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet

from alianza.lib.folding import matching
from alianza.orgs.models import Organisation

from .models import Employer, Representation, Worksite


def family_of(
    root: Employer, employers: list[Employer] | None = None
) -> list[tuple[Employer, int]]:
    """The root and all its subsidiaries in tree order with their depth."""
    everyone = employers if employers is not None else list(Employer.objects.all())
    children: dict[int | None, list[Employer]] = defaultdict(list)
    for employer in everyone:
        children[employer.parent_id].append(employer)
    ordered: list[tuple[Employer, int]] = []

    def walk(node: Employer, depth: int) -> None:
        ordered.append((node, depth))
        for child in sorted(children[node.pk], key=lambda e: e.name):
            walk(child, depth + 1)

    walk(root, 0)
    return ordered


def root_of(employer: Employer, by_id: dict[int, Employer]) -> Employer:
    node = employer
    seen = set()
    while (
        node.parent_id is not None and node.parent_id in by_id and node.pk not in seen
    ):
        seen.add(node.pk)
        node = by_id[node.parent_id]
    return node


def worksites_with_representation():
    current = Representation.objects.filter(ended_on__isnull=True).select_related(
        "unit", "unit__organisation"
    )
    return Worksite.objects.select_related("employer").prefetch_related(
        Prefetch("representations", queryset=current)
    )


@dataclass
class CommonEmployer:
    """A corporate family whose workers two unions, or one union in two countries, represent."""

    root: Employer
    presence: dict[str, set[str]] = field(default_factory=dict)  # union → countries
    worksites: int = 0
    council: object | None = None

    @property
    def is_common(self) -> bool:
        countries = set().union(*self.presence.values()) if self.presence else set()
        return len(self.presence) >= 2 or (
            len(self.presence) == 1 and len(countries) >= 2
        )

    @property
    def unions(self) -> list[str]:
        return sorted(self.presence)

    @property
    def country_names(self) -> list[str]:
        from alianza.orgs.models import Country

        names = dict(Country.choices)
        return [str(names.get(code, code)) for code in self.countries]

    @property
    def countries(self) -> list[str]:
        return sorted(set().union(*self.presence.values())) if self.presence else []


def common_employers() -> list[CommonEmployer]:
    """Every corporate family where the representation is shared across unions or borders."""
    # Each employer with its council, if one was founded (the reverse relation, so
    # that this app need not import the councils that stand on it).
    employers = list(Employer.objects.select_related("council__space"))
    by_id = {e.pk: e for e in employers}
    families: dict[int, CommonEmployer] = {}
    for site in worksites_with_representation():
        root = root_of(by_id[site.employer_id], by_id)
        family = families.setdefault(root.pk, CommonEmployer(root=root))
        holding = [
            rep
            for rep in site.current_representations()
            if rep.status in Representation.HOLDS and rep.unit is not None
        ]
        for rep in holding:
            assert rep.unit is not None
            union = rep.unit.organisation.short_name
            family.presence.setdefault(union, set()).add(site.country)
        family.worksites += bool(holding)
    common = sorted(
        (f for f in families.values() if f.is_common), key=lambda f: f.root.name
    )
    for family in common:
        family.council = getattr(family.root, "council", None)
    return common


def all_employers() -> list[Employer]:
    return list(Employer.objects.all())


def employers_with_parent(query: str = "") -> QuerySet[Employer]:
    """Every employer (they are public facts), or those whose name holds every word
    of ``query`` whatever its accents and case."""
    return (
        Employer.objects.filter(matching(query, "search_name"))
        .select_related("parent")
        .order_by("name")
    )


def find_worksites(query: str) -> QuerySet[Worksite]:
    """The worksites whose name, municipality or region holds every word of
    ``query`` whatever its accents and case; none for an empty query."""
    if not query.split():
        return Worksite.objects.none()
    return (
        Worksite.objects.filter(matching(query, "search_name"))
        .select_related("employer")
        .order_by("employer__name", "name")
    )


def worksites_with_employer() -> QuerySet[Worksite]:
    return Worksite.objects.select_related("employer")


def listed_worksites(
    employer: str = "", country: str = "", query: str = ""
) -> QuerySet[Worksite]:
    """Worksites with their current representation by employer and name, of one
    employer (its slug) or one country if asked, whose name or place holds every
    word of ``query`` (accents and case do not matter)."""
    sites = (
        worksites_with_representation()
        .filter(matching(query, "search_name"))
        .order_by("employer__name", "name")
    )
    if employer:
        sites = sites.filter(employer__slug=employer)
    if country:
        sites = sites.filter(country=country.upper())
    return sites


def worksites_of(employer_ids: set[int]) -> list[Worksite]:
    """The worksites of these employers with their representation, by country."""
    return list(
        worksites_with_representation()
        .filter(employer_id__in=employer_ids)
        .order_by("country", "name")
    )


def representation_history(employer_ids: set[int]) -> QuerySet[Representation]:
    """Every representation, past and current, at these employers' worksites."""
    return (
        Representation.objects.filter(worksite__employer_id__in=employer_ids)
        .select_related("worksite", "unit", "unit__organisation")
        .order_by("worksite__name", "-started_on")
    )


def represented_organisations() -> QuerySet[Organisation]:
    """The unions that have (or had) representation at some worksite."""
    return Organisation.objects.filter(units__representations__isnull=False).distinct()
