"""Every deadline that hangs off an invoice's due date, from the policy's terms; and the notice a limit's
reduction or withdrawal waits before it takes effect.

This is the only place such dates are computed (domain.md, examples 6 and 7).
Each is the *last day* on which the act is still in time, counting calendar
days after the original due date; an extension granted without consent does
not move them.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from policies.terms import PolicyTerms


@dataclass(frozen=True)
class InvoiceDeadlines:
    due_date: date
    max_extension_end: date  # last day the buyer may pay late before shipments stop being covered
    notification_deadline: date  # last day to notify the overdue in time
    waiting_period_end: date  # first day a protracted-default claim may be filed
    claim_filing_deadline: date  # last day to file a claim

    def notified_late(self, notified_on: date) -> bool:
        return notified_on > self.notification_deadline

    def claim_filing_window(self) -> tuple[date, date]:
        return self.waiting_period_end, self.claim_filing_deadline

    def cover_stops_from(self, notified_on: date) -> date:
        """First shipment day not covered: the notification, or the day after the maximum extension period
        if that comes first (domain.md, Overdues: shipments after it are not covered, notified or not)."""
        return min(notified_on, self.max_extension_end + timedelta(days=1))


def invoice_deadlines(*, terms: PolicyTerms, due_date: date) -> InvoiceDeadlines:
    max_extension_end = due_date + timedelta(days=terms.max_extension_days)
    # The notification deadline counts from the due date, or (a policy term: Atradius, "within 30 days of its
    # expiry") from the end of the maximum extension period (domain.md, Policy terms).
    counted_from = max_extension_end if terms.notification_deadline_from == "max_extension_end" else due_date
    return InvoiceDeadlines(
        due_date=due_date,
        max_extension_end=max_extension_end,
        notification_deadline=counted_from + timedelta(days=terms.overdue_notification_days),
        waiting_period_end=due_date + timedelta(days=terms.waiting_period_days),
        claim_filing_deadline=due_date + timedelta(days=terms.claim_filing_days),
    )


def reduction_effective_from(*, terms: PolicyTerms, notified_on: date) -> date:
    """The first day a reduction or withdrawal of a limit applies to shipments: the policy's notice after the day
    the insured is notified (domain.md, Policy terms: 1 day by default, the day after notice; Atradius 30)."""
    return notified_on + timedelta(days=terms.reduction_notice_days)


def claim_payment_due(*, terms: PolicyTerms, file_complete_on: date) -> date:
    return file_complete_on + timedelta(days=terms.claim_payment_days)


def effective_due_date(*, terms: PolicyTerms, due_date: date, extended_due_date: date | None,
                       extension_consented: bool) -> date:
    """The due date every deadline counts from (domain.md, Overdues).

    An extension within the allowed days counts as granted; a longer one only
    with the insurer's consent, otherwise the original due date stays.
    """
    if extended_due_date is None or extended_due_date <= due_date:
        return due_date
    if extension_consented or (extended_due_date - due_date).days <= terms.max_extension_days:
        return extended_due_date
    return due_date


# (shipment date, due date, extended due date, extension consented) of one unpaid invoice, as jobs read it in bulk.
UnpaidDue = tuple[date, date, date | None, bool]


def overdue_deadlines(*, terms_on: Callable[[date], PolicyTerms],
                      unpaid: Iterable[UnpaidDue]) -> InvoiceDeadlines | None:
    """An overdue's deadlines are its oldest unpaid invoice's, from its effective due date, by the terms in force on
    that invoice's shipment date (`terms_on`: usually `policy.terms_on`); None if nothing is due."""
    oldest: tuple[date, PolicyTerms] | None = None
    for shipped, due, extended, ok in unpaid:
        terms = terms_on(shipped)
        effective = effective_due_date(terms=terms, due_date=due, extended_due_date=extended, extension_consented=ok)
        if oldest is None or effective < oldest[0]:
            oldest = (effective, terms)
    return invoice_deadlines(terms=oldest[1], due_date=oldest[0]) if oldest else None


def premium_due(*, terms: PolicyTerms, issued_on: date) -> date:
    """A premium invoice is payable in the terms' deposit days from its issue (domain.md, Policy terms: one
    deposit at the start of the period, due in 30 days; example 18: issued 1 January -> due 31 January)."""
    return issued_on + timedelta(days=terms.premium_deposit_due_days)


def cover_suspended_from(*, terms: PolicyTerms, reminded_on: date) -> date:
    """The first shipment day not covered for premium still unpaid: the suspension notice after the reminder
    (domain.md, example 18: reminded 1 February, 15 days -> from 16 February)."""
    return reminded_on + timedelta(days=terms.premium_suspension_notice_days)


# The policy's periods (policies.periods): when renewal is offered, and when a notice of non-renewal or
# cancellation takes effect (domain.md, Policy terms: notice 90 days before the end of the period).


def renewal_offer_from(*, terms: PolicyTerms, period_end: date) -> date:
    """The first day the renewal job offers the next period: `renewal_offer_days` before the period's last day
    (60 by default: a period ending 31 December is offered from 1 November)."""
    return period_end - timedelta(days=terms.renewal_offer_days)


def non_renewal_notice_deadline(*, terms: PolicyTerms, period_end: date) -> date:
    """The last day a notice of non-renewal is in time for this period: `cancellation_notice_days` before its last
    day (90 by default: a period ending 31 December, by 2 October). Later, the period renews unless cancelled."""
    return period_end - timedelta(days=terms.cancellation_notice_days)


def notice_effective_on(*, terms: PolicyTerms, kind: str, given_on: date, period_end: date) -> date:
    """The first shipment day a notice leaves uncovered. Non-renewal: the day after the period ends. Cancellation:
    `cancellation_notice_days` after the day it is given (90 by default: given 1 March -> from 30 May; shipments of
    29 May are covered), never later than the day after the period ends (a longer notice is a non-renewal)."""
    after_period = period_end + timedelta(days=1)
    if kind == "non_renewal":
        return after_period
    return min(given_on + timedelta(days=terms.cancellation_notice_days), after_period)


def reminder_days(*, deadlines: InvoiceDeadlines, notified: bool, ahead_days: int) -> tuple[date, date]:
    """The first days the claim deadlines job tells the insured of an overdue whose oldest unpaid invoice has
    `deadlines`: notified, the claim window opening (the waiting period's end) and `ahead_days` before the filing
    deadline; a draft, `ahead_days` before the notification deadline and the day after the maximum extension
    period (claims.reminders sends them; the overdue stores the next one, claims.next_deadline)."""
    ahead = timedelta(days=ahead_days)
    if notified:
        return deadlines.waiting_period_end, deadlines.claim_filing_deadline - ahead
    return deadlines.notification_deadline - ahead, deadlines.max_extension_end + timedelta(days=1)


def next_reminder_day(days: Iterable[date], *, after: date | None) -> date | None:
    """The first of `days` after `after` (the last day everything due was told; None: every day counts)."""
    return min((day for day in days if after is None or day > after), default=None)
