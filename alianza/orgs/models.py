from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from alianza.lib.folding import FoldedField, KeepsFolded, fold
from alianza.lib.when import guess_zone, zone_of
from alianza.multilingual.models import Multilingual

from .address import Address, addressed, addressed_label
from .roles import Role


def folded(text: str) -> str:
    """Lower case without accents, so that Óscar sorts with the O's in any database
    (the search's :func:`alianza.lib.folding.fold`)."""
    return fold(text)


class Country(models.TextChoices):
    CANADA = "CA", _("Canada")
    MEXICO = "MX", _("Mexico")
    UNITED_STATES = "US", _("United States")
    UNITED_KINGDOM = "GB", _("United Kingdom")
    IRELAND = "IE", _("Ireland")
    PERU = "PE", _("Peru")


class Organisation(KeepsFolded, Multilingual):
    """A union, a federation of unions or a global union."""

    class Kind(models.TextChoices):
        UNION = "union", _("Union")
        GLOBAL_UNION = "global_union", _("Global union")

    TRANSLATABLE_FIELDS = ("description",)

    slug = models.SlugField(unique=True)
    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=40)
    kind = models.CharField(
        _("kind"), max_length=20, choices=Kind.choices, default=Kind.UNION
    )
    countries = models.JSONField(_("countries"), default=list)
    default_language = models.CharField(
        _("default language"), max_length=8, choices=settings.LANGUAGES, default="en"
    )
    description = models.TextField(_("description"), blank=True)
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        blank=True,
        help_text=_(
            "Where its headquarters are: its meetings and people default to it."
        ),
    )
    members_count = models.PositiveIntegerField(_("members"), null=True, blank=True)
    affiliates = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="affiliated_to",
        verbose_name=_("affiliated organisations"),
    )
    illustrative = models.BooleanField(
        _("illustrative"),
        default=False,
        help_text=_("Some details were invented for the demonstration."),
    )
    #: Printed on the letterheads of the letters it co-signs (optional).
    logo = models.ImageField(_("logo"), upload_to="logos/", blank=True)
    #: Its names folded (lower case, no accents), for search.
    search_name = FoldedField(sources=("name", "short_name"))

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.short_name or self.name

    def get_absolute_url(self) -> str:
        return reverse("orgs:organisation", args=[self.slug])

    def audience_lines(self) -> list[str]:
        return [
            str(
                _("Everyone signed in to Alianza: an organisation's profile is public.")
            )
        ]

    @property
    def zone(self) -> ZoneInfo:
        """The union's usual clock (its headquarters'); the server's if unknown."""
        return zone_of(self.time_zone)

    def country_names(self) -> list[str]:
        labels = dict(Country.choices)
        return [str(labels.get(code, code)) for code in self.countries]


class Unit(KeepsFolded, models.Model):
    """A part of an organisation: a district, a local, a section, a caucus."""

    class Kind(models.TextChoices):
        DISTRICT = "district", _("District")
        LOCAL = "local", _("Local")
        SECTION = "section", _("Section")
        CAUCUS = "caucus", _("Caucus or programme")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="units"
    )
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    number = models.CharField(_("number"), max_length=20, blank=True)
    name = models.CharField(_("name"), max_length=200)
    country = models.CharField(_("country"), max_length=2, choices=Country.choices)
    place = models.CharField(_("place"), max_length=200, blank=True)
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        blank=True,
        help_text=_("Empty for the usual zone of its place."),
    )
    illustrative = models.BooleanField(_("illustrative"), default=False)
    #: Its name, number and place folded (lower case, no accents), for search.
    search_name = FoldedField(sources=("name", "number", "place"))

    class Meta:
        ordering = ["organisation", "kind", "name"]
        verbose_name = _("unit")
        verbose_name_plural = _("units")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("orgs:unit", args=[self.pk])

    def audience_lines(self) -> list[str]:
        return [
            str(_("Everyone signed in to Alianza sees the unit and its place.")),
            str(
                _(
                    "Only the administrators, staff and officers of %(org)s see its people."
                )
            )
            % {"org": self.organisation},
        ]

    @property
    def zone_key(self) -> str:
        """Its own zone, else its place's usual one, else its union's."""
        return (
            self.time_zone
            or guess_zone(self.country, self.place)
            or self.organisation.time_zone
        )

    @property
    def zone(self) -> ZoneInfo:
        return zone_of(self.zone_key)

    def ancestors(self) -> list["Unit"]:
        chain: list[Unit] = []
        node = self.parent
        while node is not None and len(chain) < 20:
            chain.append(node)
            node = node.parent
        return chain

    def descendant_ids(self) -> set[int]:
        """Ids of this unit and every unit below it."""
        ids = {self.pk}
        frontier = [self.pk]
        while frontier:
            frontier = list(
                Unit.objects.filter(parent_id__in=frontier).values_list("id", flat=True)
            )
            ids.update(frontier)
        return ids


class Person(KeepsFolded, models.Model):
    """A human being the alliance knows. Many have no login and no e-mail."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="person",
    )
    name = models.CharField(_("name"), max_length=200)
    #: The name folded (lower case, no accents): the order of lists and the search.
    sort_name = FoldedField(sources=("name",), max_length=200, db_index=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=8, choices=settings.LANGUAGES, default="en"
    )
    languages_spoken = models.JSONField(_("languages spoken"), default=list, blank=True)
    country = models.CharField(_("country"), max_length=2, choices=Country.choices)
    address_as = models.CharField(
        _("how to address this person"),
        max_length=16,
        choices=Address.choices,
        blank=True,
        help_text=_(
            "Spanish and French role names agree with it (observadora, déléguée). "
            "Empty: the usual form."
        ),
    )
    illustrative = models.BooleanField(_("illustrative"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["sort_name", "id"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("orgs:person", args=[self.pk])

    def audience_lines(self) -> list[str]:
        """Who can read this record, in words (mirrors ``selectors.visible_people``)."""
        lines = [str(_("The person themselves, when they have an account."))]
        for m in self.memberships.current().select_related("organisation", "unit"):
            lines.append(
                str(
                    _(
                        "Administrators and staff of %(org)s, and its officers without a unit."
                    )
                )
                % {"org": m.organisation}
            )
            if m.unit is not None:
                lines.append(
                    str(_("Officers of %(unit)s and of the units above it."))
                    % {"unit": m.unit}
                )
        return list(dict.fromkeys(lines))

    def spoken_language_names(self) -> list[str]:
        names = dict(settings.LANGUAGES)
        return [str(names.get(code, code)) for code in self.languages_spoken]


class ContactChannel(models.Model):
    """A way to reach a person. A phone number alone is enough."""

    class Kind(models.TextChoices):
        EMAIL = "email", _("E-mail")
        PHONE = "phone", _("Phone (calls and SMS)")
        WHATSAPP = "whatsapp", _("WhatsApp")

    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="contacts"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    value = models.CharField(_("address or number"), max_length=254)
    preferred = models.BooleanField(_("preferred"), default=False)

    class Meta:
        ordering = ["-preferred", "kind"]
        verbose_name = _("contact channel")
        verbose_name_plural = _("contact channels")
        constraints = [
            models.UniqueConstraint(
                fields=["person", "kind", "value"], name="unique_contact_per_person"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.value}"


class MembershipQuerySet(models.QuerySet["Membership"]):
    def current(self) -> "MembershipQuerySet":
        return self.filter(ended_on__isnull=True)


class Membership(models.Model):
    """A person's place in an organisation (optionally in one of its units) with a role."""

    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices)
    title = models.CharField(_("title"), max_length=200, blank=True)
    started_on = models.DateField(_("since"), null=True, blank=True)
    ended_on = models.DateField(_("until"), null=True, blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["organisation", "role", "person__sort_name"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self) -> str:
        return f"{self.person} – {self.organisation} ({self.get_role_display()})"

    @property
    def addressed_role(self) -> str:
        """The role's name agreeing with the person ("Dirigenta", "Membre")."""
        return addressed_label(Role(self.role).label, self.person.address_as)

    @property
    def addressed_title(self) -> str:
        """The title as written, or agreeing with the person when it is one of the
        usual ones ("President" is "Presidenta" for a woman reading Spanish)."""
        return addressed(self.title, self.person.address_as)
