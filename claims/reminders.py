"""The daily claim deadlines job (domain.md, Overdues and Claims).

- tells finance when a protracted default's waiting period has ended (a claim can be filed);
- reminds finance before the claim filing deadline (settings.CLAIM_REMINDER_DAYS);
- reminds the credit manager before a draft overdue's notification deadline, and tells them once
  the maximum extension period of its oldest unpaid invoice has ended (Kredo only knows of
  unpaid invoices the insured listed, in a draft or a notified overdue);
- flags complete claims still unpaid past the payment term to the claims handlers.

Only the overdues whose stored next deadline (`Overdue.next_deadline_on`, claims.next_deadline) is today or
passed are read, from its partial index, in batches as plain values with their unpaid invoices: an idle day
reads one empty range, and the cost follows the overdues with something due, not all open ones. Every reminder
has a dedup key (overdue, deadline date), and each handled overdue's next deadline moves past today: the second
run on a day reads nothing and sends nothing.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Tenant
from accounts.roles import CLAIMS_HANDLER, CREDIT_MANAGER, FINANCE
from claims import next_deadline
from claims.claims.models import Cause, Claim
from claims.claims.services import FilingWindow, filing_window_of
from claims.next_deadline import BATCH_SIZE, OverdueFacts
from claims.overdues.models import Overdue
from claims.overdues.selectors import DraftDeadlines, draft_deadlines_of
from core import notifications, webhooks
from core.notifications import Message, NotificationSpec, date_param, message

NOTIFICATION_DEADLINE = "overdue.notification_deadline"
EXTENSION_ENDED = "overdue.extension_ended"


@dataclass
class ReminderResult:
    window_opened: list[int] = field(default_factory=list)  # overdue ids
    filing_deadline: list[int] = field(default_factory=list)  # overdue ids
    payment_late: list[int] = field(default_factory=list)  # claim ids
    notification_deadline: list[int] = field(default_factory=list)  # draft overdue ids
    extension_ended: list[int] = field(default_factory=list)  # draft overdue ids


@dataclass(frozen=True)
class _OverdueRow:
    """What a reminder names of an overdue. `deadlines` is a FilingWindow for an open overdue, DraftDeadlines for a
    draft."""

    pk: int
    tenant_id: int
    buyer: str
    policy: str
    deadlines: object

    @property
    def window(self) -> FilingWindow:
        return self.deadlines


def _row(facts: OverdueFacts) -> _OverdueRow | None:
    """The reminder's view of a due overdue, or None when it has nothing to tell (cleared, claimed, filed, paid)."""
    if facts.state == Overdue.State.DRAFT:
        deadlines = draft_deadlines_of(terms_on=facts.terms_on, unpaid=facts.unpaid)
    elif facts.state == Overdue.State.OPEN and not facts.filed:
        deadlines = filing_window_of(terms_on=facts.terms_on, cause=Cause.PROTRACTED_DEFAULT,
                                     notified_on=facts.notified_on, unpaid=facts.unpaid)
    else:
        deadlines = None
    return None if deadlines is None else _OverdueRow(facts.pk, facts.tenant_id, facts.buyer, facts.policy, deadlines)


def _window_payload(overdue: _OverdueRow) -> dict:
    return {"opens": overdue.window.opens.isoformat(), "closes": overdue.window.closes.isoformat()}


def _draft_payload(overdue: _OverdueRow) -> dict:
    deadlines: DraftDeadlines = overdue.deadlines
    return {"oldest_due_date": deadlines.oldest_due_date.isoformat(),
            "notification_deadline": deadlines.notification_deadline.isoformat(),
            "max_extension_end": deadlines.max_extension_end.isoformat()}


def _remind(due: list[tuple[_OverdueRow, str, Message, Message]], *, event: str, role: str = FINANCE, link: str = "/claims/",
            webhook: Callable[[_OverdueRow], dict] | None = None) -> list[int]:
    """Notify `role` once per key; `due` holds (overdue, dedup key, subject, body). Returns the overdue ids sent.

    With `webhook` (the payload's deadlines of an overdue) claim.deadline_approaching is emitted too, kind `event`.
    A few queries per batch whatever its size: the keys already sent are skipped in one read.
    """
    specs = {key: (overdue, NotificationSpec(tenant_id=overdue.tenant_id, event=event, dedup_key=key,
                                             subject=subject, body=(body,),
                                             link=link.format(pk=overdue.pk), role=role))
             for overdue, key, subject, body in due}
    new = notifications.notify_many([spec for _o, spec in specs.values()])
    sent = [(specs[spec.dedup_key][0], spec.dedup_key) for spec in new]
    if webhook is not None and sent:
        by_tenant: dict[int, list[tuple[_OverdueRow, str]]] = {}
        for overdue, key in sent:
            by_tenant.setdefault(overdue.tenant_id, []).append((overdue, key))
        for tenant in Tenant.objects.filter(pk__in=by_tenant):
            webhooks.emit_many(tenant=tenant, event="claim.deadline_approaching", items=[
                (key, {"overdue_id": o.pk, "buyer": o.buyer, "policy": o.policy, "kind": event, **webhook(o)})
                for o, key in by_tenant[tenant.pk]
            ])
    return [overdue.pk for overdue, _key in sent]


def _remind_open(batch: list[_OverdueRow], *, today: date, result: ReminderResult) -> None:
    """Open overdues with no claim filed yet (none, or only a draft): the window opened, the filing deadline near."""
    ahead = timedelta(days=settings.CLAIM_REMINDER_DAYS)
    opened, closing = [], []
    for overdue in batch:
        window = overdue.window
        if today > window.closes:
            continue
        names = {"buyer": overdue.buyer, "opens": date_param(window.opens), "closes": date_param(window.closes)}
        if window.opens <= today:
            opened.append((overdue, f"claim-window-open:{overdue.pk}:{window.opens.isoformat()}",
                           message("claim.window_open", buyer=overdue.buyer),
                           message("claim.window_open.body", **names)))
        if today >= window.closes - ahead:
            closing.append((overdue, f"claim-filing-deadline:{overdue.pk}:{window.closes.isoformat()}",
                            message("claim.filing_deadline", buyer=overdue.buyer, closes=names["closes"]),
                            message("claim.filing_deadline.body", closes=names["closes"])))
    if opened or closing:
        result.window_opened += _remind(opened, event="claim.window_open")
        result.filing_deadline += _remind(closing, event="claim.filing_deadline", webhook=_window_payload)


def _remind_drafts(batch: list[_OverdueRow], *, today: date, result: ReminderResult) -> None:
    """Drafts: the insurer does not know of them, so nothing stops the insured missing the notification
    deadline (domain.md, example 6) or shipping past the maximum extension period but this reminder."""
    ahead = timedelta(days=settings.CLAIM_REMINDER_DAYS)
    notify_by, ended = [], []
    for overdue in batch:
        deadlines: DraftDeadlines = overdue.deadlines
        deadline, end = deadlines.notification_deadline, deadlines.max_extension_end
        if deadline - ahead <= today <= deadline:
            notify_by.append((
                overdue, f"overdue-notification-deadline:{overdue.pk}:{deadline.isoformat()}",
                message(NOTIFICATION_DEADLINE, buyer=overdue.buyer, deadline=date_param(deadline)),
                message(f"{NOTIFICATION_DEADLINE}.body", due=date_param(deadlines.oldest_due_date),
                        deadline=date_param(deadline)),
            ))
        if today > end:
            ended.append((
                overdue, f"overdue-extension-ended:{overdue.pk}:{end.isoformat()}",
                message(EXTENSION_ENDED, buyer=overdue.buyer, end=date_param(end)),
                message(f"{EXTENSION_ENDED}.body", buyer=overdue.buyer, end=date_param(end)),
            ))
    if notify_by or ended:
        result.notification_deadline += _remind(notify_by, event=NOTIFICATION_DEADLINE, role=CREDIT_MANAGER,
                                                link="/overdues/{pk}/", webhook=_draft_payload)
        result.extension_ended += _remind(ended, event=EXTENSION_ENDED, role=CREDIT_MANAGER,
                                          link="/overdues/{pk}/")


def flag_late_payments(*, today: date, result: ReminderResult) -> None:
    """Complete or approved claims past their payment date, flagged once; one e-mail to the claims handlers."""
    late = Claim.objects.filter(Claim.payment_late_q(today), payment_late_flagged_on__isnull=True)
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


def remind_due_deadlines(*, today: date, batch_size: int = BATCH_SIZE, result: ReminderResult) -> None:
    """The overdues whose stored next deadline came (claims.next_deadline), a batch per transaction: their
    reminders, then their next deadline after today. An overdue whose day has not come is not read at all."""
    for batch in next_deadline.due_batches(today=today, batch_size=batch_size):
        rows = [(facts, _row(facts)) for facts in batch]
        with transaction.atomic():
            _remind_open([row for facts, row in rows if row is not None and facts.state == Overdue.State.OPEN],
                         today=today, result=result)
            _remind_drafts([row for facts, row in rows if row is not None and facts.state == Overdue.State.DRAFT],
                           today=today, result=result)
            # Everything due up to today is told: the next deadline is after it (or none).
            next_deadline.store({facts.pk: next_deadline.dates_of(facts, reminded_through=today) for facts in batch})


def run_claim_deadlines(*, today: date | None = None, batch_size: int = BATCH_SIZE) -> ReminderResult:
    today = today or timezone.localdate()
    result = ReminderResult()
    remind_due_deadlines(today=today, batch_size=batch_size, result=result)
    flag_late_payments(today=today, result=result)
    return result
