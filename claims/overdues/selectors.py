"""Reads on overdues, scoped to the tenant, and the deadlines of each invoice."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, DecimalField, OuterRef, Prefetch, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from buyers.selectors import matching_buyer_or_reference
from claims.overdues.models import Invoice, Overdue, OverduePayment, PaymentAllocation
from core.formatting import format_date
from limits.selectors import CoverTimeline
from policies import deadlines as policy_deadlines
from policies.deadlines import InvoiceDeadlines, invoice_deadlines
from policies.terms import PolicyTerms

# --- Overdues ---------------------------------------------------------------


def search_overdues(*, tenant, q: str = "", state: str | None = None) -> QuerySet[Overdue]:
    """The tenant's overdues, drafts included, matching `q` (buyer name or identifier, or reference), as the
    limits list searches; newest notification first."""
    return matching_buyer_or_reference(overdues_for_tenant(tenant=tenant, state=state, include_drafts=True), q)


def overdues_for_tenant(*, tenant, state: str | None = None, include_drafts: bool = False) -> QuerySet[Overdue]:
    """The tenant's overdues with buyer, policy and invoices loaded, and their totals annotated.

    Drafts (not notified to the insurer) only with `include_drafts`: the overdue pages show them,
    whatever else reads overdues (claims, recoveries) must only see notified ones.
    """
    base = Overdue.objects.filter(tenant=tenant)
    if not include_drafts:
        base = base.exclude(state=Overdue.State.DRAFT)
    qs = _with_invoices_and_totals(base)
    return qs.filter(state=state) if state else qs


def _with_invoices_and_totals(base: QuerySet[Overdue]) -> QuerySet[Overdue]:
    return (
        base
        .select_related("buyer", "policy")
        .prefetch_related(Prefetch("invoices", queryset=Invoice.objects.order_by("due_date", "shipment_date", "pk")),
                          # each invoice's deadlines read the terms on its shipment date: one query for the page
                          "policy__terms_versions")
        # Subqueries, not a GROUP BY over the join: a page of 50 reads the sums of its 50 rows, in the order of
        # the tenant's index, instead of grouping every overdue and invoice before sorting and cutting.
        .annotate(
            total_outstanding=Coalesce(_per_overdue(Sum("outstanding")), Value(0), output_field=DecimalField()),
            late_invoices=Coalesce(_per_overdue(Count("pk"), notified_late=True, lateness_waived=False), Value(0)),
        )
    )


def _per_overdue(aggregate, **invoice_filter) -> Subquery:
    return Subquery(Invoice.objects.filter(overdue=OuterRef("pk"), **invoice_filter).order_by().values("overdue")
                    .annotate(value=aggregate).values("value"))


def overdue_detail(*, tenant, pk: int) -> Overdue:
    """One overdue of the tenant (drafts included) with its payments and allocations, and `invoice_rows`
    (each invoice beside its deadlines). Raises Overdue.DoesNotExist for another tenant's."""
    overdue = (
        overdues_for_tenant(tenant=tenant, include_drafts=True)
        .prefetch_related(_payments())
        .get(pk=pk)
    )
    overdue.invoice_rows = invoice_rows(overdue=overdue)
    return overdue


def _payments() -> Prefetch:
    return Prefetch(
        "payments",
        queryset=OverduePayment.objects.select_related("designated_invoice").prefetch_related(
            Prefetch("allocations", queryset=PaymentAllocation.objects.select_related("invoice").order_by("pk"))
        ),
    )


# --- Deadlines per invoice --------------------------------------------------


def _terms_of(invoice: Invoice, policy) -> PolicyTerms:
    # An invoice's deadlines are the terms' in force on its shipment date (domain.md, The policy's life); the
    # policy reads its versions once, so a page of invoices costs no query per invoice.
    return policy.terms_on(invoice.shipment_date)


def effective_due_date(invoice: Invoice, policy) -> date:
    """The due date every deadline hangs off: the original one unless an extension counts."""
    return policy_deadlines.effective_due_date(terms=_terms_of(invoice, policy), due_date=invoice.due_date,
                                               extended_due_date=invoice.extended_due_date,
                                               extension_consented=invoice.extension_consented)


def extension_counts(invoice: Invoice, policy) -> bool:
    """An extension within the maximum extension days counts on its own; beyond it only with
    the insurer's consent (domain.md, Overdues)."""
    return invoice.extended_due_date is not None and effective_due_date(invoice, policy) != invoice.due_date


def deadlines_of(invoice: Invoice, policy) -> InvoiceDeadlines:
    return invoice_deadlines(terms=_terms_of(invoice, policy), due_date=effective_due_date(invoice, policy))


@dataclass(frozen=True)
class InvoiceRow:
    invoice: Invoice
    deadlines: InvoiceDeadlines
    effective_due_date: date
    extension_pending_consent: bool  # an extension was recorded but does not count (yet)

    @property
    def excluded_for_lateness(self) -> bool:
        return self.invoice.notified_late and not self.invoice.lateness_waived


def invoice_rows(*, overdue: Overdue) -> list[InvoiceRow]:
    """Each invoice of the overdue (uses the prefetched invoices) with its four deadlines."""
    policy = overdue.policy
    rows = []
    for invoice in overdue.invoices.all():
        counts = extension_counts(invoice, policy)
        rows.append(InvoiceRow(
            invoice=invoice,
            deadlines=deadlines_of(invoice, policy),
            effective_due_date=effective_due_date(invoice, policy),
            extension_pending_consent=invoice.extended_due_date is not None and not counts,
        ))
    return rows


# --- Drafts: the deadlines the insured must watch before notifying -----------


@dataclass(frozen=True)
class DraftDeadlines:
    """Counted from the oldest unpaid invoice's effective due date (domain.md, Overdues)."""

    oldest_due_date: date
    max_extension_end: date  # shipments after it are not covered, notified or not
    notification_deadline: date  # last day to notify in time


def draft_deadlines_of(*, terms_on, unpaid: list[policy_deadlines.UnpaidDue]) -> DraftDeadlines | None:
    """From plain values, so the daily job can read them in bulk; None when nothing is unpaid. `terms_on`: the
    policy's terms for a day (`policy.terms_on`)."""
    deadlines = policy_deadlines.overdue_deadlines(terms_on=terms_on, unpaid=unpaid)
    if deadlines is None:
        return None
    return DraftDeadlines(oldest_due_date=deadlines.due_date, max_extension_end=deadlines.max_extension_end,
                          notification_deadline=deadlines.notification_deadline)


def draft_deadlines(overdue: Overdue) -> DraftDeadlines | None:
    """`draft_deadlines_of` for a loaded overdue (uses its prefetched invoices); None unless a draft."""
    if overdue.state != Overdue.State.DRAFT:
        return None
    return draft_deadlines_of(terms_on=overdue.policy.terms_on, unpaid=[
        (inv.shipment_date, inv.due_date, inv.extended_due_date, inv.extension_consented)
        for inv in overdue.invoices.all() if inv.outstanding > 0
    ])


def overdues_for_insurer() -> QuerySet[Overdue]:
    """Insurer staff, every tenant: notified overdues only. A draft is the insured's own watch list until
    notified (the one place this rule is written; the admin, the insurer API and jobs read it here)."""
    return Overdue.objects.exclude(state=Overdue.State.DRAFT)


def invoices_for_insurer() -> QuerySet[Invoice]:
    return Invoice.objects.exclude(overdue__state=Overdue.State.DRAFT)


def overdue_list_for_insurer() -> QuerySet[Overdue]:
    """The insurer API's list: every insured's notified overdues with their invoices and totals."""
    return _with_invoices_and_totals(overdues_for_insurer()).select_related("tenant")


def overdue_detail_for_insurer(*, pk: int) -> Overdue:
    """`overdue_detail` for insurer staff: any insured's notified overdue (raises Overdue.DoesNotExist)."""
    overdue = overdue_list_for_insurer().prefetch_related(_payments()).get(pk=pk)
    overdue.invoice_rows = invoice_rows(overdue=overdue)
    return overdue


@dataclass(frozen=True)
class OverdueActions:
    can_notify: bool  # notify or discard the draft
    can_manage: bool  # record payments and extensions: while a draft or open


def overdue_actions(*, overdue: Overdue, user) -> OverdueActions:
    """What `user` may do on the overdue's page now; the services refuse the rest all the same."""
    can_declare = user.has_perm("claims.declare_overdue")
    return OverdueActions(
        can_notify=can_declare and overdue.state == Overdue.State.DRAFT,
        can_manage=can_declare and overdue.state in (Overdue.State.DRAFT, Overdue.State.OPEN),
    )



@dataclass(frozen=True)
class UncoveredInvoice:
    number: str
    shipment_date: date
    reason: str  # why, in the reader's language


def uncovered_invoices(*, policy, buyer, lines) -> list[UncoveredInvoice]:
    """The invoices (InvoiceLine or Invoice: `number`, `shipment_date`) no cover applied to when shipped, each
    with the reason, for the warning before an overdue is declared or a claim filed: two queries in all."""
    timeline = CoverTimeline(policy=policy, buyer_id=buyer.pk)
    uncovered = []
    for line in lines:
        shipped = line.shipment_date
        cover = timeline.on(shipped)
        if cover.amount.amount > 0:
            continue
        names = {"date": format_date(shipped), "policy": policy.number, "end": format_date(policy.end_date)}
        if cover.outside_policy and shipped > policy.end_date:
            reason = _("policy %(policy)s had ended on %(end)s, before the shipment date, %(date)s") % names
        elif cover.outside_policy:
            reason = _("policy %(policy)s was not in force on the shipment date, %(date)s") % names
        elif cover.stopped:
            reason = _("cover on this buyer was stopped on the shipment date, %(date)s, by an earlier overdue") % names
        else:
            reason = _("no credit limit on this buyer was in force on the shipment date, %(date)s") % names
        uncovered.append(UncoveredInvoice(line.number, shipped, reason))
    return uncovered


def uncovered_confirmation(uncovered: list[UncoveredInvoice]) -> str:
    """What the form sends back to declare in spite of the warning: it names the invoices warned of, so a
    confirmation given for some invoices never passes others that were changed or added after it."""
    return "|".join(sorted(f"{i.number}@{i.shipment_date.isoformat()}" for i in uncovered))


def uncovered_message(uncovered: list[UncoveredInvoice]) -> str:
    """One sentence for a flash message: which invoices are not covered, and why."""
    return _("These invoices will not be covered: %(invoices)s.") % {"invoices": "; ".join(
        _("%(number)s, because %(reason)s") % {"number": i.number, "reason": i.reason} for i in uncovered)}
