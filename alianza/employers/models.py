from zoneinfo import ZoneInfo

from django.db import models
from django.urls import reverse
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from alianza.lib.folding import FoldedField, KeepsFolded
from alianza.lib.when import guess_zone, zone_of
from alianza.multilingual.models import Multilingual
from alianza.multilingual.text import render_for
from alianza.orgs.models import Country


class Sector(models.TextChoices):
    """An industry, from a list, so that every reader sees it in their language.

    The stored value is the English phrase (the value an import file may also give,
    as may the name in Spanish or French); an old free-text value outside the list
    is shown as it was written."""

    MINING = "mining", _("Mining")
    COPPER_MINING = "copper mining", _("Copper mining")
    GOLD_MINING = "gold mining", _("Gold mining")
    SILVER_MINING = "silver mining", _("Silver mining")
    GOLD_SILVER_MINING = "gold and silver mining", _("Gold and silver mining")
    COPPER_COBALT_MINING = "copper and cobalt mining", _("Copper and cobalt mining")
    COAL_MINING = "coal mining", _("Coal mining")
    COPPER_SMELTING = "copper smelting", _("Copper smelting")
    COPPER_REFINING = "copper refining", _("Copper refining")
    STEEL = "steel", pgettext_lazy("industry", "Steel")
    ALUMINIUM = "aluminium", _("Aluminium")
    IRON_FOUNDRY = "iron foundry", _("Iron foundry")
    RAILWAY_CASTINGS = "railway castings", _("Railway castings")
    AUTO_PARTS = "auto parts", _("Auto parts")
    PAPER_FORESTRY = "paper and forestry", _("Paper and forestry")
    RUBBER_TYRES = "rubber and tyres", _("Rubber and tyres")
    CHEMICALS = "chemicals", _("Chemicals")
    ENERGY = "energy", _("Energy")
    MANUFACTURING = "manufacturing", _("Manufacturing")
    SERVICES = "services", _("Services")

    @classmethod
    def from_text(cls, text: str) -> str | None:
        """The value for ``text``: a value, or a sector's name in any of the site's
        languages, whatever its case; None when no sector matches."""
        from django.conf import settings
        from django.utils import translation

        wanted = text.strip().casefold()
        if not wanted:
            return ""
        for value, label in cls.choices:
            if wanted == value.casefold():
                return value
            for code, _name in settings.LANGUAGES:
                with translation.override(code):
                    if wanted == str(label).casefold():
                        return value
        return None


class Employer(KeepsFolded, Multilingual):
    """A company. Parents and subsidiaries form a corporate family across countries."""

    TRANSLATABLE_FIELDS = ("description",)

    slug = models.SlugField(unique=True)
    name = models.CharField(_("name"), max_length=200)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="subsidiaries",
        verbose_name=_("parent company"),
    )
    country = models.CharField(_("country"), max_length=2, choices=Country.choices)
    sector = models.CharField(
        _("sector"), max_length=100, blank=True, choices=Sector.choices
    )
    description = models.TextField(_("description"), blank=True)
    illustrative = models.BooleanField(_("illustrative"), default=False)
    #: Its name folded (lower case, no accents), for search.
    search_name = FoldedField(sources=("name",))

    class Meta:
        ordering = ["name"]
        verbose_name = _("employer")
        verbose_name_plural = _("employers")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("employers:employer", args=[self.slug])

    def audience_lines(self) -> list[str]:
        return [str(_("Everyone signed in to Alianza: employers are public facts."))]


class Worksite(KeepsFolded, Multilingual):
    """A mine, mill, plant or office of an employer.

    Its name is often a description ("Hayden smelter") rather than a proper name, so
    it may be translated like its products; ``str()`` gives it in the reader's
    language."""

    TRANSLATABLE_FIELDS = ("name", "products")

    employer = models.ForeignKey(
        Employer,
        on_delete=models.PROTECT,
        related_name="worksites",
        verbose_name=_("employer"),
    )
    name = models.CharField(_("name"), max_length=200)
    country = models.CharField(_("country"), max_length=2, choices=Country.choices)
    region = models.CharField(_("state or province"), max_length=100, blank=True)
    municipality = models.CharField(_("municipality"), max_length=100, blank=True)
    latitude = models.DecimalField(
        _("latitude"), max_digits=8, decimal_places=5, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=8, decimal_places=5, null=True, blank=True
    )
    sector = models.CharField(
        _("sector"), max_length=100, blank=True, choices=Sector.choices
    )
    products = models.CharField(_("products"), max_length=200, blank=True)
    headcount = models.PositiveIntegerField(_("workers"), null=True, blank=True)
    rrm_covered = models.BooleanField(
        _("covered facility (USMCA Rapid Response Mechanism)"), default=False
    )
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        blank=True,
        help_text=_(
            "The workplace's clock (Sonora and Arizona keep no summer time). Empty "
            "for the usual zone of its state and country."
        ),
    )
    illustrative = models.BooleanField(_("illustrative"), default=False)
    #: Its name and place folded (lower case, no accents), for search.
    search_name = FoldedField(sources=("name", "municipality", "region"))

    class Meta:
        ordering = ["employer__name", "name"]
        verbose_name = _("worksite")
        verbose_name_plural = _("worksites")
        constraints = [
            models.UniqueConstraint(
                fields=["employer", "name"], name="worksite_name_per_employer"
            ),
            models.CheckConstraint(
                condition=models.Q(latitude__isnull=True)
                | models.Q(latitude__gte=-90, latitude__lte=90),
                name="worksite_latitude_range",
            ),
            models.CheckConstraint(
                condition=models.Q(longitude__isnull=True)
                | models.Q(longitude__gte=-180, longitude__lte=180),
                name="worksite_longitude_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.display_name} ({self.employer})"

    @property
    def display_name(self) -> str:
        """The name in the reader's language (the original when none exists)."""
        return render_for(self, "name", get_language() or "en").text

    def get_absolute_url(self) -> str:
        return (
            reverse("employers:employer", args=[self.employer.slug])
            + f"#worksite-{self.pk}"
        )

    @property
    def zone_key(self) -> str:
        """Its own zone, else the usual one of its state and country ("" unknown)."""
        return self.time_zone or guess_zone(
            self.country, f"{self.region} {self.municipality}"
        )

    @property
    def zone(self) -> ZoneInfo:
        """The workplace's clock: notice periods count its local days."""
        return zone_of(self.zone_key)

    def current_representations(self) -> list["Representation"]:
        return [r for r in self.representations.all() if r.ended_on is None]

    def status(self) -> str:
        """The worksite's status for the map: the most pressing current one."""
        current = {r.status for r in self.current_representations()}
        for status in Representation.PRIORITY:
            if status in current:
                return status
        return Representation.Status.NON_UNION


class Representation(Multilingual):
    """Who represents a worksite's workers, since when, and how."""

    TRANSLATABLE_FIELDS = ("note",)

    class Status(models.TextChoices):
        REPRESENTED = "represented", _("Represented")
        ON_STRIKE = "on_strike", _("On strike")
        ORGANIZING = "organizing", _("Organizing")
        PROTECTION_CONTRACT = "protection_contract", _("Protection contract")
        NON_UNION = "non_union", _("Non-union")

    #: Statuses in which the union holds the workers' representation.
    HOLDS = (Status.REPRESENTED, Status.ON_STRIKE)
    #: Which status a worksite shows when it has several at once.
    PRIORITY = (
        Status.ON_STRIKE,
        Status.REPRESENTED,
        Status.ORGANIZING,
        Status.PROTECTION_CONTRACT,
        Status.NON_UNION,
    )

    worksite = models.ForeignKey(
        Worksite, on_delete=models.CASCADE, related_name="representations"
    )
    unit = models.ForeignKey(
        "orgs.Unit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="representations",
        verbose_name=_("unit"),
    )
    status = models.CharField(_("status"), max_length=24, choices=Status.choices)
    started_on = models.DateField(_("since"), null=True, blank=True)
    ended_on = models.DateField(_("until"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["worksite", "-started_on"]
        verbose_name = _("representation")
        verbose_name_plural = _("representations")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(
                    status__in=["represented", "on_strike", "organizing"]
                )
                | models.Q(unit__isnull=False),
                name="union_statuses_name_a_unit",
            )
        ]

    def __str__(self) -> str:
        return f"{self.worksite}: {self.get_status_display()}"

    def get_absolute_url(self) -> str:
        return self.worksite.get_absolute_url()
