"""Personal data erased on time (KVKK / GDPR): retention after each event, erasure on request.

Erasing keeps the registration row with what the reports count (event, status, country,
language, times of consent, confirmation, cancellation and check-in, who checked in) and removes
what identifies the delegate: name, email, phone, organization, needs and client network. The
secret is rotated, so every link to the registration stops working. Its delivery rows lose the
address (unsent ones are skipped) and its audit log entries are deleted.
"""

import calendar
from dataclasses import dataclass, field
from datetime import datetime

from auditlog.models import LogEntry
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from contacts.emails import normalize_email_leniently

from ..enums import DeliveryState, RegistrationStatus
from ..models import Event, Registration, ReminderDelivery
from ..models.registrations import _new_secret
from .registration import cancel_registration

ERASED_NAME = "—"
ERASED_DOMAIN = "erased.invalid"  # RFC 2606: never delivered anywhere


def add_months(moment: datetime, months: int) -> datetime:
    """The same wall-clock moment `months` later (31 January + 1 month is 28/29 February)."""
    month_index = moment.month - 1 + months
    year, month = moment.year + month_index // 12, month_index % 12 + 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def erase_after(event: Event) -> datetime:
    """When the personal data of the event's registrations is erased."""
    months = event.retention_months
    if months is None:
        months = settings.PERSONAL_DATA_RETENTION_MONTHS
    return add_months(event.end, months)


@dataclass
class ErasureReport:
    registrations: list[str] = field(default_factory=list)  # "#12 Event title (status)"
    deliveries: int = 0
    audit_entries: int = 0

    def lines(self) -> list[str]:
        return [
            *(gettext("Registration erased: %(what)s") % {"what": r} for r in self.registrations),
            gettext("Delivery rows without the address now: %(count)d")
            % {"count": self.deliveries},
            gettext("Audit log entries deleted: %(count)d") % {"count": self.audit_entries},
        ]


def _erase(registrations: list[Registration], *, now: datetime, report: ErasureReport) -> None:
    """Erase the personal data of these rows, their deliveries and their audit entries."""
    pks = [r.pk for r in registrations]
    emails = {r.email for r in registrations}
    for registration in registrations:
        Registration.objects.filter(pk=registration.pk).update(
            full_name=ERASED_NAME,
            email=f"erased-{registration.pk}@{ERASED_DOMAIN}",
            phone="",
            organization="",
            needs="",
            client_network="",
            secret=_new_secret(),
            erased_at=now,
        )
        report.registrations.append(
            f"#{registration.pk} {registration.event.title} ({registration.status})"
        )
    deliveries = ReminderDelivery.objects.filter(registration_id__in=pks)
    deliveries.filter(state__in=[DeliveryState.PENDING, DeliveryState.SENDING]).update(
        state=DeliveryState.SKIPPED, claim_token="", claimed_at=None
    )
    for pk in pks:
        report.deliveries += ReminderDelivery.objects.filter(registration_id=pk).update(
            email=f"erased-{pk}@{ERASED_DOMAIN}",
            last_error=str(_("Personal data erased.")),
        )
    content_type = ContentType.objects.get_for_model(Registration)
    entries = LogEntry.objects.filter(content_type=content_type, object_id__in=pks)
    for address in emails:
        # Entries written before the log left personal fields out may name the address.
        entries = entries | LogEntry.objects.filter(changes_text__icontains=address)
        entries = entries | LogEntry.objects.filter(object_repr__icontains=address)
    report.audit_entries += entries.distinct().delete()[0]


def erase_expired_personal_data(*, now: datetime | None = None, limit: int = 1000) -> int:
    """Erase the registrations whose event's retention period has passed (beat, cron).

    Side effects: see the module docstring, for at most `limit` registrations per run (the
    next run goes on). Returns how many were erased.
    """
    now = now or timezone.now()
    # Coarse filter in the database (the shortest period anyone could set is 0 months), exact
    # per event in Python: months are calendar months.
    candidates = (
        Registration.objects.filter(erased_at__isnull=True, event__end__lt=now, is_demo=False)
        .select_related("event")
        .order_by("event__end", "pk")
    )
    due = [r for r in candidates.iterator() if erase_after(r.event) <= now][:limit]
    with transaction.atomic():
        _erase(due, now=now, report=ErasureReport())
    return len(due)


def flush_audit_log(*, now: datetime | None = None) -> int:
    """Delete audit log entries older than AUDIT_LOG_RETENTION_DAYS. Returns how many."""
    now = now or timezone.now()
    cutoff = now - timezone.timedelta(days=settings.AUDIT_LOG_RETENTION_DAYS)
    return LogEntry.objects.filter(timestamp__lt=cutoff).delete()[0]


def erase_delegate(*, email: str, now: datetime | None = None) -> ErasureReport:
    """Erase everything about one delegate, found by address (a request under KVKK art. 11 /
    GDPR art. 17). Active registrations of events to come are cancelled first, so their seats
    pass to the waitlist; the delegate is sent nothing.

    Side effects: see the module docstring. Returns what was done, for staff to record.
    """
    now = now or timezone.now()
    address = normalize_email_leniently(email)
    report = ErasureReport()
    registrations = Registration.objects.filter(email=address, erased_at__isnull=True)
    for registration in registrations.filter(status__in=RegistrationStatus.active()):
        if not registration.event.is_past:
            cancel_registration(registration=registration, now=now)
    with transaction.atomic():
        rows = list(registrations.select_related("event"))
        _erase(rows, now=now, report=report)
        # Delivery rows that name the address without a registration (none today; cheap).
        report.deliveries += ReminderDelivery.objects.filter(
            Q(email=address), registration__isnull=True, person__isnull=True, user__isnull=True
        ).update(email=f"erased@{ERASED_DOMAIN}")
    return report


def erase_own_registration(*, registration: Registration, now: datetime | None = None) -> None:
    """The delegate erases their registration from the self-service page: only once it is
    cancelled or expired, or the event is over (else they cancel first).

    Raises ValueError when it is still live (the view does not offer it then)."""
    now = now or timezone.now()
    if registration.status in RegistrationStatus.active() and registration.event.end > now:
        raise ValueError("A live registration is cancelled before it is erased.")
    with transaction.atomic():
        _erase([registration], now=now, report=ErasureReport())
