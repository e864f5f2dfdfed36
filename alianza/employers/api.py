from datetime import date

from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate

from alianza.lib.http import ApiRequest, Pages, one_of
from alianza.orgs.models import Unit

from . import actions, selectors
from .models import Representation, Worksite
from .selectors import common_employers, worksites_with_representation

router = Router(tags=["employers and worksites"])


class EmployerOut(Schema):
    slug: str
    name: str
    parent: str | None = Field(None, alias="parent.slug")
    country: str
    sector: str


class RepresentationOut(Schema):
    status: str = one_of(Representation, "status")
    organisation: str | None = Field(None, alias="unit.organisation.slug")
    unit_id: int | None
    started_on: str | None

    @staticmethod
    def resolve_started_on(obj) -> str | None:
        return obj.started_on.isoformat() if obj.started_on else None


class WorksiteOut(Schema):
    id: int
    employer: str = Field(..., alias="employer.slug")
    name: str
    country: str
    region: str
    municipality: str
    latitude: float | None
    longitude: float | None
    sector: str
    products: str
    headcount: int | None
    rrm_covered: bool
    status: str = one_of(Representation, "status")
    representation: list[RepresentationOut]

    @staticmethod
    def resolve_status(obj: Worksite) -> str:
        return obj.status()

    @staticmethod
    def resolve_representation(obj: Worksite) -> list:
        return obj.current_representations()


class CommonEmployerOut(Schema):
    employer: str
    unions: list[str]
    countries: list[str]
    worksites: int


class ImportIn(Schema):
    kind: str = Field(..., json_schema_extra={"enum": list(actions.COLUMNS)})
    csv: str


class ImportLineOut(Schema):
    number: int
    ok: bool
    errors: list[str]


class ImportOut(Schema):
    ok: bool
    saved: int
    problems: list[str]
    lines: list[ImportLineOut]


class RepresentationIn(Schema):
    status: str = one_of(Representation, "status")
    unit_id: int | None = None
    started_on: date | None = None
    note: str = ""


@router.get("/employers", response=list[EmployerOut])
@paginate(Pages)
def employers(request: ApiRequest, q: str = ""):
    """Every employer, or those whose name holds every word of ``q`` (accents and
    case do not matter)."""
    return selectors.employers_with_parent(q)


@router.get("/employers/common", response=list[CommonEmployerOut])
def common(request: ApiRequest):
    return [
        {
            "employer": c.root.slug,
            "unions": c.unions,
            "countries": c.countries,
            "worksites": c.worksites,
        }
        for c in common_employers()
    ]


@router.get("/employers/{slug}", response=EmployerOut)
def employer(request: ApiRequest, slug: str):
    return get_object_or_404(selectors.employers_with_parent(), slug=slug)


@router.get("/worksites", response=list[WorksiteOut])
@paginate(Pages)
def worksites(request: ApiRequest, employer: str = "", country: str = "", q: str = ""):
    """Worksites, of one employer or country if asked; ``q``: those whose name,
    municipality or region holds every word of it (accents and case do not matter)."""
    return selectors.listed_worksites(employer=employer, country=country, query=q)


@router.post("/worksites/{worksite_id}/representation", response={201: WorksiteOut})
def representation_create(
    request: ApiRequest, worksite_id: int, payload: RepresentationIn
):
    site = get_object_or_404(Worksite, pk=worksite_id)
    unit = get_object_or_404(Unit, pk=payload.unit_id) if payload.unit_id else None
    actions.record_representation(
        request.auth,
        site,
        status=payload.status,
        unit=unit,
        started_on=payload.started_on,
        note=payload.note,
    )
    return Status(201, worksites_with_representation().get(pk=site.pk))


@router.post("/imports", response={200: ImportOut, 422: ImportOut})
def import_csv(request: ApiRequest, payload: ImportIn):
    """The same all-or-nothing import as the Import page; the report says line by line."""
    report = actions.import_csv(request.auth, payload.kind, payload.csv)
    body = {
        "ok": report.ok,
        "saved": report.saved,
        "problems": report.problems,
        "lines": [
            {"number": line.number, "ok": line.ok, "errors": line.errors}
            for line in report.lines
        ],
    }
    return Status(200 if report.ok else 422, body)
