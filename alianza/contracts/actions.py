"""Every change to agreements, clauses, wages, rates and bargaining rounds."""

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from alianza.accounts.tasks import send_email
from alianza.audit.log import record
from alianza.employers.models import Employer, Worksite
from alianza.lib.permissions import require
from alianza.orgs.models import Organisation, Unit

from . import search_index
from .classify import classify
from .extraction import SUFFIXES, ExtractionError, extract, split
from .models import (
    Agreement,
    BargainingRound,
    Clause,
    Currency,
    ExchangeRate,
    Proposal,
    ProposalEvent,
    Topic,
    WageRate,
)
from .selectors import agreements_to_remind, people_to_remind

MAX_BYTES = 40 * 1024 * 1024


def _check_dates(effective_on: date | None, expires_on: date | None) -> None:
    if effective_on and expires_on and expires_on < effective_on:
        raise ValidationError(
            {"expires_on": _("The agreement cannot expire before it takes effect.")}
        )


@transaction.atomic
def add_agreement(
    actor: Any,
    organisation: Organisation,
    *,
    employer: Employer,
    title: str,
    language: str,
    country: str,
    unit: Unit | None = None,
    worksites: list[Worksite] | None = None,
    effective_on: date | None = None,
    expires_on: date | None = None,
    parties: str = "",
    coverage: str = "",
    covered_workers: int | None = None,
    annual_increases: list[Decimal] | None = None,
    registry_number: str = "",
    legitimation: str = "",
    legitimation_vote_url: str = "",
    replaces: Agreement | None = None,
    remind_days_before: int = 120,
    file: UploadedFile | None = None,
    text: str = "",
    illustrative: bool = False,
) -> Agreement:
    """Record an agreement. A file is read in the background; a text is split now."""
    require(actor, "contracts.add_agreement", organisation)
    if unit is not None and unit.organisation_id != organisation.pk:
        raise ValidationError({"unit": _("Choose a unit of the same union.")})
    if language not in dict(settings.LANGUAGES):
        raise ValidationError({"language": _("Choose one of the languages offered.")})
    if not title.strip():
        raise ValidationError({"title": _("Give the agreement a title.")})
    _check_dates(effective_on, expires_on)
    if replaces is not None and replaces.organisation_id != organisation.pk:
        raise ValidationError({"replaces": _("Choose an agreement of the same union.")})
    name = Path(file.name or "").name if file is not None else ""
    if file is not None:
        if Path(name).suffix.lower() not in SUFFIXES:
            raise ValidationError(
                {
                    "file": _(
                        "Upload a PDF, a Word (.docx) file, a text file or scanned "
                        "pages (PNG, JPEG or TIFF)."
                    )
                }
            )
        if (file.size or 0) > MAX_BYTES:
            raise ValidationError({"file": _("The file is larger than 40 MB.")})
    agreement = Agreement(
        organisation=organisation,
        unit=unit,
        employer=employer,
        title=title.strip(),
        language=language,
        country=country,
        version=replaces.version + 1 if replaces else 1,
        replaces=replaces,
        effective_on=effective_on,
        expires_on=expires_on,
        parties=parties.strip(),
        coverage=coverage.strip(),
        covered_workers=covered_workers,
        annual_increases=[str(x) for x in annual_increases or []],
        registry_number=registry_number.strip(),
        legitimation=legitimation,
        legitimation_vote_url=legitimation_vote_url.strip(),
        remind_days_before=remind_days_before,
        original_name=name[:255],
        uploaded_by=actor,
        illustrative=illustrative,
    )
    if file is not None:
        agreement.file.save(name, file, save=False)
        agreement.extraction = Agreement.Extraction.QUEUED
    agreement.save()
    if worksites:
        agreement.worksites.set(worksites)
    if text:
        replace_clauses(agreement, text)
        agreement.extraction = Agreement.Extraction.DONE
        agreement.progress = 100
        agreement.save(update_fields=["text", "extraction", "progress"])
    record(
        "contracts.agreement_added",
        actor=actor,
        organisation=organisation,
        target=agreement,
        data={"file": name, "version": agreement.version},
    )
    if file is not None:
        from .tasks import read_agreement

        pk = agreement.pk
        transaction.on_commit(lambda: read_agreement.enqueue(pk))
    return agreement


def replace_clauses(agreement: Agreement, text: str) -> list[Clause]:
    """Split ``text`` into clauses, keeping officers' corrections of the same clause.

    A step of ``add_agreement`` and ``read_file`` (which record what was done), not an
    action of its own; the demo world writes its agreements' clauses with it."""
    kept = {
        (c.article, c.number, c.heading): (c.topic, c.topic_corrected_by_id)
        for c in agreement.clauses.exclude(topic_corrected_by=None)
    }
    agreement.clauses.all().delete()
    agreement.text = text
    clauses = []
    for position, part in enumerate(split(text)):
        topic, corrected_by = kept.get(
            (part.article, part.number, part.heading),
            (classify(part.heading, part.text), None),
        )
        clauses.append(
            Clause(
                agreement=agreement,
                position=position,
                article=part.article[:200],
                number=part.number,
                heading=part.heading,
                text=part.text,
                language=agreement.language,
                topic=topic,
                topic_corrected_by_id=corrected_by,
            )
        )
    created = Clause.objects.bulk_create(clauses)
    if created and created[0].pk is None:  # engines that do not return ids
        created = list(agreement.clauses.all())
    search_index.index(created)
    return created


def read_file(agreement_id: int) -> None:
    """The background step: read the file, split it, classify and index the clauses.

    Progress is saved as it goes, so the agreement's page can show it. A failure
    leaves the agreement without clauses and a message saying why.
    """
    agreement = Agreement.objects.get(pk=agreement_id)
    agreement.extraction = Agreement.Extraction.RUNNING
    agreement.progress = 0
    agreement.save(update_fields=["extraction", "progress"])

    def progress(percent: int) -> None:
        Agreement.objects.filter(pk=agreement_id).update(progress=percent)

    try:
        with agreement.file.open("rb") as handle:
            result = extract(agreement.original_name, handle.read(), progress)
    except ExtractionError as error:
        agreement.extraction = Agreement.Extraction.FAILED
        agreement.extraction_note = error.code
        agreement.save(update_fields=["extraction", "extraction_note"])
        return
    with transaction.atomic():
        replace_clauses(agreement, result.text)
        agreement.extraction = Agreement.Extraction.DONE
        agreement.progress = 100
        agreement.ocr_used = result.ocr_pages > 0
        agreement.extraction_note = ""
        agreement.save(
            update_fields=[
                "text",
                "extraction",
                "progress",
                "ocr_used",
                "extraction_note",
            ]
        )


@transaction.atomic
def correct_topic(actor: Any, clause: Clause, topic: str) -> Clause:
    """An officer's classification; kept when the agreement is read again."""
    require(actor, "contracts.change_agreement", clause.agreement)
    if topic not in Topic.values:
        raise ValidationError({"topic": _("Choose a topic from the list.")})
    before = clause.topic
    clause.topic = topic
    clause.topic_corrected_by = actor
    clause.save(update_fields=["topic", "topic_corrected_by"])
    record(
        "contracts.topic_corrected",
        actor=actor,
        organisation=clause.agreement.organisation,
        target=clause,
        data={"from": before, "to": topic},
    )
    return clause


@transaction.atomic
def add_wage(
    actor: Any,
    agreement: Agreement,
    *,
    classification: str,
    amount: Decimal,
    currency: str,
    per: str,
    hours: Decimal,
    effective_on: date,
) -> WageRate:
    require(actor, "contracts.change_agreement", agreement)
    if currency not in Currency.values:
        raise ValidationError({"currency": _("Choose a currency from the list.")})
    if per not in WageRate.Per.values:
        raise ValidationError({"per": _("Choose a period from the list.")})
    if amount < 0 or hours <= 0:
        raise ValidationError(
            _("The amount cannot be negative and the hours must be more than zero.")
        )
    wage = WageRate.objects.create(
        agreement=agreement, classification=classification.strip(), amount=amount,
        currency=currency, per=per, hours=hours, effective_on=effective_on,
    )  # fmt: skip
    record(
        "contracts.wage_added",
        actor=actor,
        organisation=agreement.organisation,
        target=agreement,
        data={"classification": wage.classification, "amount": str(amount)},
    )
    return wage


@transaction.atomic
def set_exchange_rate(
    actor: Any,
    *,
    currency: str,
    valid_on: date,
    usd_per_unit: Decimal,
    source: str = "",
) -> ExchangeRate:
    require(actor, "contracts.change_exchangerate")
    if currency not in Currency.values or currency == Currency.USD:
        raise ValidationError({"currency": _("Choose a currency other than USD.")})
    if usd_per_unit <= 0:
        raise ValidationError({"usd_per_unit": _("The rate must be more than zero.")})
    rate, _created = ExchangeRate.objects.update_or_create(
        currency=currency,
        valid_on=valid_on,
        defaults={"usd_per_unit": usd_per_unit, "source": source, "entered_by": actor},
    )
    record(
        "contracts.exchange_rate_set",
        actor=actor,
        target=rate,
        data={
            "currency": currency,
            "on": valid_on.isoformat(),
            "rate": str(usd_per_unit),
        },
    )
    return rate


@transaction.atomic
def open_round(
    actor: Any, agreement: Agreement, *, title: str, opened_on: date | None = None
) -> BargainingRound:
    require(actor, "contracts.change_agreement", agreement)
    if not title.strip():
        raise ValidationError({"title": _("Give the round a title.")})
    bargaining_round = BargainingRound.objects.create(
        agreement=agreement,
        title=title.strip(),
        opened_on=opened_on or timezone.localdate(),
        created_by=actor,
    )
    record(
        "contracts.round_opened",
        actor=actor,
        organisation=agreement.organisation,
        target=bargaining_round,
    )
    return bargaining_round


@transaction.atomic
def table_proposal(
    actor: Any,
    bargaining_round: BargainingRound,
    *,
    side: str,
    article: str,
    summary: str,
    text: str = "",
    clause: Clause | None = None,
    topic: str = "",
    effect: str = Proposal.Effect.NEUTRAL,
    tabled_on: date | None = None,
) -> Proposal:
    """A proposal of either side, against the current language of ``clause``."""
    require(actor, "contracts.change_bargaininground", bargaining_round)
    if side not in Proposal.Side.values:
        raise ValidationError({"side": _("Choose which side tabled it.")})
    if effect not in Proposal.Effect.values:
        raise ValidationError({"effect": _("Choose gain, concession or neither.")})
    if clause is not None and clause.agreement_id != bargaining_round.agreement_id:
        raise ValidationError(
            {"clause": _("Choose a clause of the agreement being renegotiated.")}
        )
    if not summary.strip() or not article.strip():
        raise ValidationError(_("Name the article and summarise the proposal."))
    when = tabled_on or timezone.localdate()
    proposal = Proposal.objects.create(
        round=bargaining_round, side=side, article=article.strip(), clause=clause,
        topic=topic or (clause.topic if clause else classify(summary, text)),
        summary=summary.strip(), text=text.strip(), effect=effect, tabled_on=when,
    )  # fmt: skip
    ProposalEvent.objects.create(
        proposal=proposal, happened_on=when, status=Proposal.Status.OPEN, by=actor
    )
    record(
        "contracts.proposal_tabled",
        actor=actor,
        organisation=bargaining_round.organisation,
        target=bargaining_round,
        data={"proposal": proposal.pk, "side": side, "effect": effect},
    )
    return proposal


@transaction.atomic
def update_proposal(
    actor: Any,
    proposal: Proposal,
    *,
    status: str,
    note: str = "",
    on: date | None = None,
) -> Proposal:
    require(actor, "contracts.change_bargaininground", proposal.round)
    if status not in Proposal.Status.values:
        raise ValidationError({"status": _("Choose a status from the list.")})
    proposal.status = status
    proposal.save(update_fields=["status"])
    ProposalEvent.objects.create(
        proposal=proposal,
        happened_on=on or timezone.localdate(),
        status=status,
        note=note.strip()[:300],
        by=actor,
    )
    record(
        "contracts.proposal_updated",
        actor=actor,
        organisation=proposal.round.organisation,
        target=proposal.round,
        data={"proposal": proposal.pk, "status": status},
    )
    return proposal


def send_expiry_reminders(today: date | None = None) -> int:
    """E-mail the staff and administrators of each union whose agreement expires
    within its reminder period, once per expiry date. Returns how many were sent."""
    today = today or timezone.localdate()
    sent = 0
    for agreement in agreements_to_remind(today):
        people = people_to_remind(agreement)
        assert agreement.expires_on is not None
        for person in people:
            with translation.override(person.preferred_language):
                subject = _("Agreement expiring: %(title)s") % {"title": agreement}
                body = _(
                    "%(title)s (%(employer)s) expires on %(date)s, in %(days)s days. "
                    "Prepare the bargaining round in Alianza."
                ) % {
                    "title": agreement,
                    "employer": agreement.employer,
                    "date": agreement.expires_on.isoformat(),
                    "days": (agreement.expires_on - today).days,
                }
            assert person.user is not None
            send_email.enqueue(person.user.email, str(subject), str(body))
            sent += 1
        Agreement.objects.filter(pk=agreement.pk).update(
            reminded_for=agreement.expires_on
        )
    return sent
