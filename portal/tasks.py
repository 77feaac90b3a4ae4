"""The insured's task list on the home page: what needs doing and when, each item linking to its page.

One selector, `home_tasks`, reads every group set-based: the limits' counts in one aggregate (a tenant may
hold 100,000 limits; the page shows a few of each group and the count), a capped list per group, and the
overdue deadlines from the dates each overdue stores (claims.next_deadline), counted and capped in SQL by
index as well (a tenant may hold 50,000 open overdues). A group a user's role cannot open is left out.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db import connection
from django.db.models import Count, F, Q
from django.db.models.functions import Collate
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from claims.claims.models import Claim
from claims.overdues.models import Overdue
from core.formatting import format_date, format_money
from limits.models import CreditLimit
from policies.deadlines import non_renewal_notice_deadline
from policies.models import Policy
from policies.periods.models import InsurancePeriod, PolicyNotice, RenewalOffer
from policies.periods.selectors import ANSWER_OFFER, GIVE_NOTICE
from policies.premium.calculation import declaration_periods
from policies.premium.models import TurnoverDeclaration, declaration_frequency_of

ITEMS_PER_GROUP = 5
# How far ahead a deadline, an expiry or a filing window is worth a line on the home page.
HORIZON_DAYS = 30
# A decision stays "received" this long after it was taken.
RECENT_DECISION_DAYS = 14
DECIDED_STATES = (CreditLimit.State.IN_FORCE, CreditLimit.State.REFUSED, CreditLimit.State.WITHDRAWN)


@dataclass(frozen=True)
class TaskItem:
    label: str
    link: str
    when: date | None = None
    note: str = ""
    urgent: bool = False  # a deadline passed or within the reminder days


@dataclass
class TaskGroup:
    key: str
    title: str
    count: int
    link: str
    items: list[TaskItem] = field(default_factory=list)

    @property
    def more(self) -> int:
        return max(self.count - len(self.items), 0)


def _urgent(day: date, today: date) -> bool:
    return day <= today + timedelta(days=7)


def _limit_groups(*, tenant, today: date) -> list[TaskGroup]:
    limits = CreditLimit.objects.filter(tenant=tenant)
    since = timezone.make_aware(datetime.combine(today - timedelta(days=RECENT_DECISION_DAYS), time.min))
    horizon = today + timedelta(days=HORIZON_DAYS)
    pending_q = Q(state=CreditLimit.State.PENDING)
    decided_q = Q(state__in=DECIDED_STATES, decided_at__gte=since, is_discretionary=False)
    attention_q = Q(state=CreditLimit.State.IN_FORCE) & (Q(under_review=True) | Q(expiry_date__lte=horizon))
    counts = limits.aggregate(pending=Count("pk", filter=pending_q), decided=Count("pk", filter=decided_q),
                              attention=Count("pk", filter=attention_q))
    base = limits.select_related("buyer")
    list_url = reverse("limits:list")
    groups = []
    if counts["pending"]:
        groups.append(TaskGroup("limits_pending", _("Limit requests with an underwriter"), counts["pending"],
                                f"{list_url}?state={CreditLimit.State.PENDING}", [
            TaskItem(limit.buyer.legal_name, reverse("limits:detail", args=[limit.pk]),
                     timezone.localdate(limit.created_at),
                     _("%(amount)s requested") % {"amount": format_money(limit.requested)})
            for limit in base.filter(pending_q).order_by("created_at", "pk")[:ITEMS_PER_GROUP]]))
    if counts["decided"]:
        groups.append(TaskGroup("decisions_received", _("Decisions received"), counts["decided"], list_url, [
            TaskItem(limit.buyer.legal_name, reverse("limits:detail", args=[limit.pk]),
                     timezone.localdate(limit.decided_at), str(limit.get_state_display()))
            for limit in base.filter(decided_q).order_by("-decided_at", "-pk")[:ITEMS_PER_GROUP]]))
    if counts["attention"]:
        items = []
        for limit in base.filter(attention_q).order_by(F("expiry_date").asc(nulls_last=True), "pk")[:ITEMS_PER_GROUP]:
            note = (_("Expires on %(date)s") % {"date": format_date(limit.expiry_date)} if limit.expiry_date
                    and limit.expiry_date <= horizon else _("Under review by the insurer"))
            items.append(TaskItem(limit.buyer.legal_name, reverse("limits:detail", args=[limit.pk]),
                                  limit.expiry_date, note, bool(limit.expiry_date and _urgent(limit.expiry_date, today))))
        groups.append(TaskGroup("limits_attention", _("Limits expiring or under review"), counts["attention"],
                                f"{list_url}?state={CreditLimit.State.IN_FORCE}", items))
    return groups


def _by_label(field: str):
    """`field` in the order Python sorts strings (by code point): "C" on PostgreSQL, "BINARY" on SQLite, so the
    few items SQL keeps are the ones the home page's (date, label) order puts first, ties and accents included."""
    return Collate(field, "C" if connection.vendor == "postgresql" else "BINARY")


def _overdue_deadlines(*, tenant, today: date, drafts: bool, windows: bool) -> list[TaskGroup]:
    """Drafts' notification deadlines and open overdues' claim filing windows, soonest first.

    Read from each overdue's stored dates (claims.next_deadline: the deadlines of its oldest unpaid invoice, None
    when nothing is unpaid) by index: a count per group, then the first few of each in SQL, whatever the number
    of overdues. A window is listed from 30 days before it opens until it closes, dated by its opening
    while in the future, by its close once open: two index ranges, merged here."""
    horizon = today + timedelta(days=HORIZON_DAYS)
    notify_q = Q(state=Overdue.State.DRAFT, notification_deadline__lte=horizon)
    window_q = Q(state=Overdue.State.OPEN, claim_filing_deadline__gte=today, claim_window_opens__lte=horizon)
    wanted = [(key, q) for key, q, on in (("notify", notify_q, drafts), ("window", window_q, windows)) if on]
    # Claimed on: a claim beyond its draft, not closed. NOT IN one hashed list of ids lets each count read its
    # partial index alone (an index-only scan; NOT EXISTS made it hash every claim against every row).
    filed = Claim.objects.exclude(state__in=[Claim.State.DRAFT, *Claim.CLOSED_STATES]).values("overdue_id")
    overdues = Overdue.objects.filter(tenant=tenant).exclude(pk__in=filed)
    counts = {key: overdues.filter(q).count() for key, q in wanted}

    def first(q: Q, day: str) -> list[dict]:
        return list(overdues.filter(q).order_by(day, _by_label("buyer__legal_name"), "pk").values(
            "pk", "buyer__legal_name", "claim_window_opens", "claim_filing_deadline", "notification_deadline",
        )[:ITEMS_PER_GROUP])

    groups = []
    if counts.get("notify"):
        items = []
        for r in first(notify_q, "notification_deadline"):
            deadline = r["notification_deadline"]
            note = (_("Notify by %(date)s") if deadline >= today else _("Notification deadline passed on %(date)s"))
            items.append(TaskItem(r["buyer__legal_name"], reverse("claims:overdue-detail", args=[r["pk"]]), deadline,
                                  note % {"date": format_date(deadline)}, _urgent(deadline, today)))
        groups.append(TaskGroup("notification_deadlines", _("Overdue notification deadlines"), counts["notify"],
                                reverse("claims:overdue-list"), items))
    if counts.get("window"):
        items = []
        for r in first(window_q & Q(claim_window_opens__gt=today), "claim_window_opens"):
            opens = r["claim_window_opens"]
            items.append(TaskItem(r["buyer__legal_name"], reverse("claims:overdue-detail", args=[r["pk"]]), opens,
                                  _("A claim can be filed from %(date)s") % {"date": format_date(opens)}))
        for r in first(window_q & Q(claim_window_opens__lte=today), "claim_filing_deadline"):
            closes = r["claim_filing_deadline"]
            items.append(TaskItem(r["buyer__legal_name"], f"{reverse('claim_pages:file')}?overdue={r['pk']}", closes,
                                  _("File a claim by %(date)s") % {"date": format_date(closes)},
                                  _urgent(closes, today)))
        items.sort(key=lambda item: (item.when, item.label))
        groups.append(TaskGroup("filing_windows", _("Claim filing windows"), counts["window"],
                                reverse("claim_pages:list"), items[:ITEMS_PER_GROUP]))
    return groups


def _documents_missing(*, tenant) -> list[TaskGroup]:
    """Claims waiting for the insured's documents: drafts not submitted, files the handler found incomplete."""
    waiting = Claim.objects.filter(tenant=tenant, state__in=[Claim.State.DRAFT, Claim.State.INCOMPLETE])
    count = waiting.count()
    if not count:
        return []
    items = [
        TaskItem(claim.buyer.legal_name, reverse("claim_pages:detail", args=[claim.pk]), claim.date_of_loss,
                 _("Documents requested by the claims handler") if claim.state == Claim.State.INCOMPLETE
                 else _("Draft: upload the documents and submit"), claim.state == Claim.State.INCOMPLETE)
        for claim in waiting.select_related("buyer").order_by("created_at", "pk")[:ITEMS_PER_GROUP]
    ]
    return [TaskGroup("documents_missing", _("Claim documents missing"), count, reverse("claim_pages:list"), items)]


def _turnover_due(*, tenant, today: date) -> list[TaskGroup]:
    """Ended declaration periods of active policies with nothing declared, oldest first."""
    policies = list(Policy.objects.filter(tenant=tenant, status=Policy.Status.ACTIVE).select_related(
        "premium_schedule"))
    declared = set(TurnoverDeclaration.objects.filter(policy__in=policies).values_list(
        "policy_id", "period_start").order_by().distinct())
    items = []
    for policy in policies:
        for period in declaration_periods(policy_start=policy.start_date, policy_end=policy.end_date,
                                          frequency=declaration_frequency_of(policy)):
            if period.has_ended(today) and (policy.pk, period.start) not in declared:
                link = f"{reverse('policies:premium-declare', args=[policy.pk])}?period={period.start.isoformat()}"
                items.append(TaskItem(f"{policy.number} · {period.label}", link, period.end,
                                      _("Turnover not declared yet"), True))
    if not items:
        return []
    items.sort(key=lambda item: (item.when, item.label))
    return [TaskGroup("turnover_due", _("Turnover declarations due"), len(items), reverse("policies:list"),
                      items[:ITEMS_PER_GROUP])]


def _policy_periods(*, tenant, today: date, offers: bool, notices: bool) -> list[TaskGroup]:
    """Renewal offers awaiting the insured's answer (until the period's last day) and open periods whose notice of
    non-renewal is due within the horizon (policies.deadlines): three queries whatever the number of policies."""
    groups = []
    if offers:
        waiting = list(RenewalOffer.objects.filter(tenant=tenant, state=RenewalOffer.State.OFFERED,
                                                   period__end__gte=today)
                       .select_related("policy", "period").order_by("period__end", "pk"))
        items = [TaskItem(offer.policy.number, reverse("policies:detail", args=[offer.policy_id]) + "#renewal-offer",
                          offer.period.end, _("Renewal offered: accept or decline by %(date)s")
                          % {"date": format_date(offer.period.end)}, _urgent(offer.period.end, today))
                 for offer in waiting]
        if items:
            groups.append(TaskGroup("renewal_offers", _("Renewal offers to answer"), len(items),
                                    reverse("policies:list"), items[:ITEMS_PER_GROUP]))
    if notices:
        # An open period of an active policy that no notice ends and no offer has been made on yet.
        periods = (InsurancePeriod.objects.filter(tenant=tenant, state=InsurancePeriod.State.OPEN, end__gte=today,
                                                  policy__status=Policy.Status.ACTIVE)
                   .exclude(policy__in=PolicyNotice.objects.values("policy_id"))
                   .exclude(pk__in=RenewalOffer.objects.values("period_id"))
                   .select_related("policy").prefetch_related("policy__terms_versions").order_by("end", "pk"))
        items = []
        for period in periods:
            deadline = non_renewal_notice_deadline(terms=period.policy.terms_on(period.end), period_end=period.end)
            if today <= deadline <= today + timedelta(days=HORIZON_DAYS):
                items.append(TaskItem(period.policy.number, reverse("policies:detail", args=[period.policy_id]),
                                      deadline, _("Period ends on %(end)s: notice of non-renewal by %(date)s")
                                      % {"end": format_date(period.end), "date": format_date(deadline)},
                                      _urgent(deadline, today)))
        if items:
            groups.append(TaskGroup("period_ending", _("Insurance periods ending"), len(items),
                                    reverse("policies:list"), items[:ITEMS_PER_GROUP]))
    return groups


def home_tasks(*, tenant, user, today: date | None = None) -> list[TaskGroup]:
    """What the user's roles have to do, group by group (only groups with something in them)."""
    today = today or timezone.localdate()
    groups: list[TaskGroup] = []
    if user.has_perm("limits.view_creditlimit"):
        groups += _limit_groups(tenant=tenant, today=today)
    drafts, windows = user.has_perm("claims.view_overdue"), user.has_perm("claims.view_claim")
    if drafts or windows:
        groups += _overdue_deadlines(tenant=tenant, today=today, drafts=drafts, windows=windows)
    if user.has_perm("claims.view_claim"):
        groups += _documents_missing(tenant=tenant)
    if user.has_perm("policies.declare_turnover"):
        groups += _turnover_due(tenant=tenant, today=today)
    offers, notices = user.has_perm(ANSWER_OFFER), user.has_perm(GIVE_NOTICE)
    if offers or notices:
        groups += _policy_periods(tenant=tenant, today=today, offers=offers, notices=notices)
    return groups

