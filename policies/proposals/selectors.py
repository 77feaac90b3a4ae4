"""Reads of proposals and quotes: the insured's (scoped to its tenant) and the insurer's (across insureds)."""

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from policies.proposals.models import Proposal, Quote

DECIDE_QUOTE = "policies.decide_quote"


def _with_rows(qs: QuerySet[Proposal]) -> QuerySet[Proposal]:
    return qs.select_related("tenant", "submitted_by").prefetch_related(
        "turnovers", "buyers", "loss_years", Prefetch("quotes", queryset=Quote.objects.order_by("-created_at", "-pk")))


def proposals_for_tenant(*, tenant) -> QuerySet[Proposal]:
    return _with_rows(Proposal.objects.filter(tenant=tenant)).order_by("-submitted_at", "-pk")


def quotes_for_tenant(*, tenant) -> QuerySet[Quote]:
    # A draft is the underwriter's working copy: the insured sees a quote once it is offered.
    return (Quote.objects.filter(tenant=tenant).exclude(state=Quote.State.DRAFT)
            .select_related("proposal", "policy", "tenant").order_by("-created_at", "-pk"))


def proposals_for_insurer(*, state: str | None = None) -> QuerySet[Proposal]:
    qs = _with_rows(Proposal.objects.all()).order_by("submitted_at", "pk")
    return qs.filter(state=state) if state else qs


def quotes_for_insurer() -> QuerySet[Quote]:
    return Quote.objects.select_related("proposal", "policy", "tenant").order_by("-created_at", "-pk")


@dataclass(frozen=True)
class QuoteActions:
    """What a quote page offers its reader (templates and the API read these, never re-decide them)."""

    can_decide: bool  # accept or decline: an offered, unexpired quote, a user who may decide quotes
    is_expired: bool  # offered but past its validity (the job marks it expired at night)


def quote_actions(*, quote: Quote, user, today=None) -> QuoteActions:
    today = today or timezone.localdate()
    expired = quote.state == Quote.State.EXPIRED or (quote.state == Quote.State.OFFERED and quote.valid_until < today)
    return QuoteActions(can_decide=quote.state == Quote.State.OFFERED and not expired and user.has_perm(DECIDE_QUOTE),
                        is_expired=expired)


def proposal_buyers_for_policy(policy) -> list:
    """The buyers the insured asked to have covered, for the policy's schedule (none if issued without a quote)."""
    quote = Quote.objects.filter(policy=policy).select_related("proposal").first()
    return list(quote.proposal.buyers.all()) if quote else []
