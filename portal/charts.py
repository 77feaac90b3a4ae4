"""The home page's charts and their tables: where the insured would rather look than read.

Each reader aggregates in SQL (one query, or one per currency; never a row per limit or invoice) and returns
rows that a table shows as they are and core.charts draws; amounts are never added across currencies.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import Count, DecimalField, Q, Sum
from django.db.models.functions import Coalesce
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from moneyed import Money

from claims.claims.models import Claim
from claims.overdues.models import Invoice, Overdue
from core.charts import Bar, bar_chart
from core.formatting import format_money, format_number
from core.money import quantize_money
from limits.models import CreditLimit

UTILISATION_TOP = 10


def _safe(svg: str):
    # core.charts escapes every text it draws.
    return mark_safe(svg)  # noqa: S308


@dataclass
class UtilisationRow:
    label: str
    outstanding: Money  # unpaid on the buyer's notified overdue
    limit: Money  # the limit in force on the buyer under that policy (0: none)

    @property
    def percent(self) -> Decimal | None:
        if not self.limit.amount:
            return None
        return (self.outstanding.amount * 100 / self.limit.amount).quantize(Decimal("1"))


@dataclass
class UtilisationSection:
    currency: str
    rows: list[UtilisationRow] = field(default_factory=list)
    chart: str = ""


def limit_utilisation(*, tenant, top: int = UTILISATION_TOP) -> list[UtilisationSection]:
    """The buyers with the most outstanding on their open overdues, against their limit in force. Two queries.

    An open overdue is one per (policy, buyer) and its invoices are in its currency; what is unpaid on it is
    stored with its deadlines (claims.next_deadline), so the largest are read from an index, not summed over
    every invoice of the tenant."""
    unpaid = list(Overdue.objects.filter(tenant=tenant, state=Overdue.State.OPEN, unpaid_total__gt=0)
                  .order_by("-unpaid_total", "buyer__legal_name", "pk")
                  .values("policy_id", "buyer_id", "buyer__legal_name", "currency", "unpaid_total")[:top])
    limits = {
        (row["policy_id"], row["buyer_id"]): row["decided_amount"]
        for row in CreditLimit.objects.filter(
            tenant=tenant, state=CreditLimit.State.IN_FORCE,
            buyer_id__in={r["buyer_id"] for r in unpaid}).values("policy_id", "buyer_id", "decided_amount")
    }
    sections: dict[str, UtilisationSection] = {}
    for r in unpaid:
        section = sections.setdefault(r["currency"], UtilisationSection(r["currency"]))
        limit = limits.get((r["policy_id"], r["buyer_id"])) or Decimal(0)
        section.rows.append(UtilisationRow(r["buyer__legal_name"], quantize_money(Money(r["unpaid_total"], r["currency"])),
                                           quantize_money(Money(limit, r["currency"]))))
    for section in sections.values():
        section.chart = _safe(bar_chart([
            Bar(row.label, row.outstanding.amount,
                _("%(outstanding)s of %(limit)s") % {"outstanding": format_money(row.outstanding),
                                                      "limit": format_money(row.limit)}, whole=row.limit.amount)
            for row in section.rows], title=_("Outstanding against the limit in %(currency)s") % {
                "currency": section.currency}, css_class="utilisation-chart"))
    return sorted(sections.values(), key=lambda s: s.currency)


# Days past the original due date, as credit managers age receivables.
AGEING_BUCKETS = (
    ("not_due", gettext_lazy("Not due yet"), None, -1),
    ("d30", gettext_lazy("1–30 days"), 1, 30),
    ("d60", gettext_lazy("31–60 days"), 31, 60),
    ("d90", gettext_lazy("61–90 days"), 61, 90),
    ("d180", gettext_lazy("91–180 days"), 91, 180),
    ("over", gettext_lazy("Over 180 days"), 181, None),
)


@dataclass
class AgeingSection:
    currency: str
    buckets: list[tuple[str, Money]]
    chart: str = ""


def _bucket_filter(today: date, first: int | None, last: int | None) -> Q:
    q = Q()
    if first is not None:
        q &= Q(due_date__lte=today - timedelta(days=first))
    if last is not None:
        q &= Q(due_date__gte=today - timedelta(days=last))
    return q


def overdue_ageing(*, tenant, today: date) -> list[AgeingSection]:
    """What is unpaid on the insured's drafts and open overdues, by days past due, per currency. One query."""
    sums = {key: Coalesce(Sum("outstanding", filter=_bucket_filter(today, first, last)), Decimal(0),
                          output_field=DecimalField())
            for key, _label, first, last in AGEING_BUCKETS}
    sections = []
    for row in (Invoice.objects.filter(tenant=tenant, outstanding__gt=0,
                                       overdue__state__in=[Overdue.State.DRAFT, Overdue.State.OPEN])
                .values("currency").annotate(**sums).order_by("currency")):
        currency = row["currency"]
        buckets = [(str(label), quantize_money(Money(row[key], currency))) for key, label, _f, _l in AGEING_BUCKETS]
        section = AgeingSection(currency, buckets)
        section.chart = _safe(bar_chart([Bar(label, amount.amount, format_money(amount)) for label, amount in buckets],
                                        title=_("Overdue ageing in %(currency)s") % {"currency": currency},
                                        css_class="ageing-chart"))
        sections.append(section)
    return sections


PIPELINE_STATES = (Claim.State.DRAFT, Claim.State.SUBMITTED, Claim.State.INCOMPLETE, Claim.State.COMPLETE,
                   Claim.State.APPROVED, Claim.State.PAID)


@dataclass
class PipelineStage:
    state: str
    label: str
    count: int
    amounts: list[Money]  # per currency: paid, else approved, else calculated


@dataclass
class ClaimsPipeline:
    stages: list[PipelineStage]
    chart: str = ""


def claims_pipeline(*, tenant) -> ClaimsPipeline | None:
    """The insured's claims per stage, with their amounts per currency. One query."""
    amount = Coalesce("paid_amount", "approved_indemnity", "calculated_indemnity", Decimal(0),
                      output_field=DecimalField())
    per_state: dict[str, list] = {}
    for row in (Claim.objects.filter(tenant=tenant, state__in=PIPELINE_STATES).values("state", "currency")
                .annotate(n=Count("pk"), amount=Sum(amount)).order_by("state", "currency")):
        per_state.setdefault(row["state"], []).append(row)
    if not per_state:
        return None
    stages = [PipelineStage(state, str(Claim.State(state).label), sum(r["n"] for r in per_state.get(state, [])),
                            [quantize_money(Money(r["amount"], r["currency"])) for r in per_state.get(state, [])])
              for state in PIPELINE_STATES]
    chart = bar_chart([Bar(stage.label, Decimal(stage.count), format_number(stage.count)) for stage in stages],
                      title=_("Claims per stage"), css_class="pipeline-chart")
    return ClaimsPipeline(stages, _safe(chart))
