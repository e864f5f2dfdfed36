"""What waits for the token's owner: her work queue, as on her home."""

from datetime import date, datetime

from ninja import Field, Router, Schema

from alianza.lib.http import ApiRequest
from alianza.orgs.selectors import standing

from .queue import LABELS, work_queue

router = Router(tags=["work queue"])


class QueueItemOut(Schema):
    kind: str = Field(..., json_schema_extra={"enum": list(LABELS)})
    label: str
    title: str
    source: str
    due: date | None
    at: datetime | None
    overdue: bool
    url: str


@router.get("/queue", response=list[QueueItemOut])
def my_queue(request: ApiRequest) -> list[dict]:
    """Everything that waits for the token's owner, the soonest due first; titles in
    her language; ``url`` is the page where she acts (a path on this site)."""
    return [
        {
            "kind": item.kind,
            "label": item.label,
            "title": item.title,
            "source": item.source,
            "due": item.due,
            "at": item.at,
            "overdue": item.is_overdue,
            "url": item.url,
        }  # fmt: skip
        for item in work_queue(standing(request.user)).items
    ]
