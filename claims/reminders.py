"""The daily claim deadlines job (domain.md, Overdues and Claims).

- tells finance when a protracted default's waiting period has ended (a claim can be filed);
- reminds finance before the claim filing deadline (settings.CLAIM_REMINDER_DAYS);
- flags complete claims still unpaid past the payment term to the claims handlers.

Overdues are read in batches by ascending pk with their invoices prefetched, so
the number of queries grows with batches, not rows. Every reminder has a dedup
key (overdue, deadline date): the second run on a day sends nothing.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.roles import CLAIMS_HANDLER, FINANCE
from claims.models import Cause, Claim, Overdue
from claims.services_claims import filing_window
from core import notifications, webhooks
from core.models import Notification

BATCH_SIZE = 500


@dataclass
class ReminderResult:
    window_opened: list[int] = field(default_factory=list)  # overdue ids
    filing_deadline: list[int] = field(default_factory=list)  # overdue ids
    payment_late: list[int] = field(default_factory=list)  # claim ids


def _overdue_batches(batch_size: int):
    """Open overdues with no claim filed yet (none, or only a draft), with what filing_window() reads."""
    filed = Claim.objects.exclude(state__in=[Claim.State.DRAFT, Claim.State.REJECTED, Claim.State.WITHDRAWN])
    qs = (Overdue.objects.filter(state=Overdue.State.OPEN).exclude(pk__in=filed.values("overdue_id"))
          .select_related("policy", "buyer", "tenant").prefetch_related("invoices"))
    last_pk = 0
    while True:
        batch = list(qs.filter(pk__gt=last_pk).order_by("pk")[:batch_size])
        if not batch:
            return
        yield batch
        last_pk = batch[-1].pk


def _remind(due: list[tuple[Overdue, str, str, str]], *, event: str, webhook: bool = False) -> list[int]:
    """Notify finance once per key; `due` holds (overdue, dedup key, subject, body). Returns the overdue ids sent."""
    if not due:
        return []
    sent_keys = set(Notification.objects.filter(dedup_key__in=[key for _o, key, _s, _b in due])
                    .values_list("dedup_key", flat=True))
    sent = []
    for overdue, key, subject, body in due:
        if key in sent_keys:
            continue
        _n, created = notifications.notify(tenant=overdue.tenant, event=event, dedup_key=key, subject=subject,
                                           body=body, link="/claims/", role=FINANCE)
        if created:
            sent.append(overdue)
    by_tenant: dict[int, list[Overdue]] = {}
    for overdue in sent if webhook else []:
        by_tenant.setdefault(overdue.tenant_id, []).append(overdue)
    for items in by_tenant.values():
        webhooks.emit_many(tenant=items[0].tenant, event="claim.deadline_approaching", items=[
            (key, {"overdue_id": o.pk, "buyer": o.buyer.legal_name, "policy": o.policy.number, "kind": event})
            for o, key, _s, _b in due if o in items
        ])
    return [o.pk for o in sent]


def remind_overdue_deadlines(*, today: date, batch_size: int = BATCH_SIZE, result: ReminderResult) -> None:
    ahead = timedelta(days=settings.CLAIM_REMINDER_DAYS)
    for batch in _overdue_batches(batch_size):
        opened, closing = [], []
        for overdue in batch:
            window = filing_window(overdue=overdue, cause=Cause.PROTRACTED_DEFAULT)
            if window is None or today > window.closes:
                continue
            names = {"buyer": overdue.buyer.legal_name, "opens": window.opens.isoformat(),
                     "closes": window.closes.isoformat()}
            if window.opens <= today:
                opened.append((overdue, f"claim-window-open:{overdue.pk}:{window.opens.isoformat()}",
                               _("A claim on %(buyer)s can be filed") % names,
                               _("The waiting period ended on %(opens)s. File the claim by %(closes)s.") % names))
            if today >= window.closes - ahead:
                closing.append((overdue, f"claim-filing-deadline:{overdue.pk}:{window.closes.isoformat()}",
                                _("File the claim on %(buyer)s by %(closes)s") % names,
                                _("After %(closes)s a claim on this overdue is refused.") % names))
        with transaction.atomic():
            result.window_opened += _remind(opened, event="claim.window_open")
            result.filing_deadline += _remind(closing, event="claim.filing_deadline", webhook=True)


def flag_late_payments(*, today: date, result: ReminderResult) -> None:
    """Complete or approved claims past their payment date, flagged once; one e-mail to the claims handlers."""
    late = Claim.objects.filter(state__in=[Claim.State.COMPLETE, Claim.State.APPROVED], payment_due_on__lt=today,
                                payment_late_flagged_on__isnull=True)
    with transaction.atomic():
        rows = list(late.select_for_update().values_list("pk", "reference", "payment_due_on"))
        if not rows:
            return
        Claim.objects.filter(pk__in=[pk for pk, _r, _d in rows]).update(payment_late_flagged_on=today)
        result.payment_late += [pk for pk, _r, _d in rows]
        emails = sorted(set(get_user_model().objects.filter(groups__name=CLAIMS_HANDLER, is_active=True)
                            .exclude(email="").values_list("email", flat=True)))
        if emails:
            lines = [_("Claim %(ref)s: payment was due on %(date)s.") % {"ref": ref or pk, "date": due.isoformat()}
                     for pk, ref, due in rows]
            subject = _("%(count)d complete claims unpaid past the payment term") % {"count": len(rows)}
            transaction.on_commit(lambda: send_mail(subject, "\n".join(lines), None, emails))


def run_claim_deadlines(*, today: date | None = None, batch_size: int = BATCH_SIZE) -> ReminderResult:
    today = today or timezone.localdate()
    result = ReminderResult()
    remind_overdue_deadlines(today=today, batch_size=batch_size, result=result)
    flag_late_payments(today=today, result=result)
    return result
