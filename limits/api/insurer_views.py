"""Underwriters' limit decisions in the API: the queue across insureds, a request's file, the decisions.

Served under /api/v1/insurer/ to insurer staff (session) and insurer tokens only
(accounts.permissions.IsInsurerStaff); the middleware lifts the tenant scope there, so any
insured's limit is found by its id. Every decision goes through limits.services with the caller as
the actor, as the admin's decision screens do, so the insured's notice and the webhook follow.
Underwriters only: the permission is `limits.decide_limit` (a claims handler gets 403).
"""

from datetime import datetime, time, timedelta

import django_filters
from django.http import Http404
from django.utils import timezone
from django.utils.functional import cached_property
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema, extend_schema_view
from moneyed import Money
from rest_framework import generics
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import IsInsurerStaff
from core.amounts import DECIMAL_PLACES, MAX_DIGITS
from core.api.filters import IdFilter
from core.api.idempotency import IdempotentPostMixin
from limits import services
from limits.api.insurer_serializers import (
    InsurerClearReviewInputSerializer,
    InsurerDecideInputSerializer,
    InsurerLimitDetailOutputSerializer,
    InsurerReduceInputSerializer,
    InsurerWithdrawInputSerializer,
    QueueRowOutputSerializer,
    suggestion_payload,
)
from limits.exposure import buyer_exposure_total, country_exposure_total
from limits.models import CreditLimit
from limits.scorecard.inputs import suggestion_for
from limits.selectors import limits_for_insurer, underwriting_queue

TAGS = ["insurer: limits"]
DECIDE = "limits.decide_limit"
POST_NOTE = " Answers with the limit. Send an `Idempotency-Key` to retry safely."
REFUSED = OpenApiResponse(description="Invalid fields or a rule refused it: problem details with pointers.")
NOT_FOUND = OpenApiResponse(description="No such limit.")

_BUYER = {"id": 12, "legal_name": "Late Payer S.p.A.", "country": "IT", "registration_number": "IT-12345678901",
          "grade": 4}
_ROW = {"id": 31, "reference": "PO-2026-118", "state": "pending", "policy": "KR-ES-2026-001", "policy_id": 3,
        "buyer": _BUYER, "requested": {"amount": "80000.00", "currency": "EUR"}, "requested_terms_days": 90,
        "in_force": {"amount": "0.00", "currency": "EUR"}, "decided_terms_days": None, "conditions": "",
        "is_discretionary": False, "under_review": False, "review_date": None, "expiry_date": None,
        "decided_at": None, "created_at": "2026-11-27T09:12:00Z", "tenant_id": 4, "tenant": "Iberia Export S.L.",
        "age_days": 4}
QUEUE_EXAMPLE = OpenApiExample("A referred request", response_only=True, value={**_ROW, "suggestion": {
    "scorecard_version": 2, "decision": "partial", "response_category": "partly_approved", "score": 41,
    "amount": {"amount": "45000.00", "currency": "EUR"}, "terms_days": 90,
    "reason_codes": ["amount_above_capacity", "weak_liquidity"], "scored_at": "2026-11-27T09:12:00Z"}})
DETAIL_EXAMPLE = OpenApiExample("A pending request", response_only=True, value={
    **_ROW, "decisions": [], "buyer_exposure": {"amount": "120000.00", "currency": "EUR"},
    "country_exposure": {"amount": "2400000.00", "currency": "EUR"}, "suggestion": None})


def _start_of(day):
    return timezone.make_aware(datetime.combine(day, time.min))


class QueueFilter(django_filters.FilterSet):
    # Declared, not generated: generation would query the scoped manager at import.
    tenant = IdFilter(field_name="tenant_id", help_text="The insured's id.")
    policy = IdFilter(field_name="policy_id", help_text="The policy's id.")
    buyer = IdFilter(field_name="buyer_id", help_text="The buyer's id.")
    country = django_filters.CharFilter(field_name="buyer__country", lookup_expr="iexact", max_length=2,
                                        help_text="ISO 3166-1 alpha-2 code of the buyer's country.")
    grade = IdFilter(field_name="buyer__grade", min_value=1,
                                        max_value=10, help_text="The buyer's grade.")
    grade_min = IdFilter(field_name="buyer__grade", lookup_expr="gte", min_value=1, max_value=10)
    grade_max = IdFilter(field_name="buyer__grade", lookup_expr="lte", min_value=1, max_value=10)
    currency = django_filters.CharFilter(field_name="currency", max_length=3,
                                         help_text="The policy's currency; with it, the amount range reads clearly.")
    amount_min = django_filters.NumberFilter(field_name="requested_amount", lookup_expr="gte", min_value=0,
                                             max_digits=MAX_DIGITS, decimal_places=DECIMAL_PLACES,
                                             help_text="Requested at least this, in the request's own currency.")
    amount_max = django_filters.NumberFilter(field_name="requested_amount", lookup_expr="lte", min_value=0,
                                             max_digits=MAX_DIGITS, decimal_places=DECIMAL_PLACES,
                                             help_text="Requested at most this, in the request's own currency.")
    min_age_days = IdFilter(method="filter_min_age", min_value=0, max_value=36500,
                                               help_text="Waiting at least this many whole days.")
    max_age_days = IdFilter(method="filter_max_age", min_value=0, max_value=36500,
                                               help_text="Waiting at most this many whole days.")

    class Meta:
        model = CreditLimit
        fields: list[str] = []

    def filter_min_age(self, queryset, name, value):
        # Age in whole days of the project's time zone: N days old means made before the start of today - N + 1.
        return queryset.filter(created_at__lt=_start_of(timezone.localdate() - timedelta(days=value - 1)))

    def filter_max_age(self, queryset, name, value):
        return queryset.filter(created_at__gte=_start_of(timezone.localdate() - timedelta(days=value)))


@extend_schema_view(get=extend_schema(
    summary="The underwriting queue, across insureds",
    description=("Pending limit requests, oldest first, each with its age and the scorecard's suggestion recorded "
                 "when it was referred. Large queues are walked by keyset: `?cursor=` (empty to start)."),
    tags=TAGS, examples=[QUEUE_EXAMPLE],
))
class InsurerLimitQueueApi(generics.ListAPIView):
    permission_classes = [IsInsurerStaff]
    required_permission = DECIDE
    serializer_class = QueueRowOutputSerializer
    filterset_class = QueueFilter

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return CreditLimit._default_manager.none()
        return underwriting_queue()


def insurer_limit_or_404(limit_id) -> CreditLimit:
    try:
        return limits_for_insurer().get(pk=limit_id)
    except CreditLimit.DoesNotExist as exc:
        raise Http404 from exc


def _detail(limit_id) -> Response:
    """The limit as the admin's decision screen shows it."""
    limit = insurer_limit_or_404(limit_id)
    today = timezone.localdate()
    limit.buyer_exposure = buyer_exposure_total(buyer_id=limit.buyer_id, on=today)
    limit.country_exposure = country_exposure_total(country=limit.buyer.country.code, on=today)
    limit.suggestion = None
    if limit.state == CreditLimit.State.PENDING and (scoring := suggestion_for(limit=limit, on=today)):
        payload = suggestion_payload(scoring.recorded)
        payload["amount_in_policy_currency"] = Money(scoring.decided_amount, limit.currency)
        payload["factors"] = sorted(scoring.result.factors, key=lambda f: -f.points)
        limit.suggestion = payload
    return Response(InsurerLimitDetailOutputSerializer(limit).data)


@extend_schema_view(get=extend_schema(
    summary="A limit of any insured: decisions, exposure, the scorecard's live suggestion",
    tags=TAGS, responses={200: InsurerLimitDetailOutputSerializer, 404: NOT_FOUND}, examples=[DETAIL_EXAMPLE],
))
class InsurerLimitDetailApi(APIView):
    permission_classes = [IsInsurerStaff]
    required_permission = DECIDE
    serializer_class = InsurerLimitDetailOutputSerializer

    def get(self, request, limit_id):
        return _detail(limit_id)


class _LimitPostApi(IdempotentPostMixin, APIView):
    """A POST on one limit, idempotent with an `Idempotency-Key` filed under the limit's insured (as claims)."""

    permission_classes = [IsInsurerStaff]
    required_permission = DECIDE
    serializer_class = InsurerLimitDetailOutputSerializer
    input_serializer = None

    @cached_property
    def limit(self) -> CreditLimit:
        return insurer_limit_or_404(self.kwargs["limit_id"])

    def idempotency_tenant(self, request, *args, **kwargs):
        return self.limit.tenant

    def handle_post(self, request, limit_id):
        parsed = self.input_serializer(data=request.data)
        parsed.is_valid(raise_exception=True)
        self.act(request.user, parsed.validated_data)
        return _detail(limit_id)


def _post(summary, description, request_serializer, examples=()):
    return extend_schema_view(post=extend_schema(
        summary=summary, description=description + POST_NOTE, tags=TAGS, request=request_serializer,
        responses={200: InsurerLimitDetailOutputSerializer, 400: REFUSED, 404: NOT_FOUND},
        examples=[*examples, DETAIL_EXAMPLE],
    ))


@_post("Decide a pending request",
       ("Approve (the amount requested), approve partly or with conditions (an amount at most the request, "
        "conditions stated), or refuse. Partial approvals and refusals carry reason codes; `note` is the "
        "explanation the insured reads. The insured is notified and `limit.decided` is sent."),
       InsurerDecideInputSerializer,
       [OpenApiExample("Approve part", request_only=True,
                       value={"kind": "partially_approved", "amount": {"amount": "45000.00", "currency": "EUR"},
                              "reason_codes": ["amount_above_capacity"],
                              "note": "The buyer's figures carry 45,000 EUR."}),
        OpenApiExample("Refuse", request_only=True,
                       value={"kind": "refused", "reason_codes": ["payment_behaviour"],
                              "note": "Repeated overdues reported on this buyer."})])
class InsurerLimitDecideApi(_LimitPostApi):
    input_serializer = InsurerDecideInputSerializer

    def act(self, user, data):
        services.decide_limit(
            limit=self.limit, decided_by=user, kind=data["kind"], amount=data["amount"],
            terms_days=data["terms_days"], conditions=data["conditions"], reason_codes=data["reason_codes"],
            note=data["note"], effective_date=data["effective_date"], expiry_date=data["expiry_date"],
            review_date=data["review_date"])


@_post("Reduce a limit in force",
       ("To an amount above zero and below the one in force, with reason codes. It applies to shipments from "
        "`effective_date`, never before the policy's notice after `notified_on` has run; earlier shipments keep "
        "their cover. `limit.reduced` is sent."),
       InsurerReduceInputSerializer,
       [OpenApiExample("Reduce", request_only=True,
                       value={"amount": {"amount": "20000.00", "currency": "EUR"}, "reason_codes": ["buyer_grade"],
                              "note": "The buyer was downgraded.", "notified_on": "2026-12-01"})])
class InsurerLimitReduceApi(_LimitPostApi):
    input_serializer = InsurerReduceInputSerializer

    def act(self, user, data):
        services.reduce_limit(limit=self.limit, decided_by=user, amount=data["amount"],
                              reason_codes=data["reason_codes"], note=data["note"], notified_on=data["notified_on"],
                              effective_date=data["effective_date"])


@_post("Withdraw a limit in force",
       ("With reason codes; from `effective_date`, never before the policy's notice after `notified_on` has run. "
        "`limit.withdrawn` is sent."),
       InsurerWithdrawInputSerializer,
       [OpenApiExample("Withdraw", request_only=True,
                       value={"reason_codes": ["payment_behaviour"], "note": "Insolvency proceedings opened."})])
class InsurerLimitWithdrawApi(_LimitPostApi):
    input_serializer = InsurerWithdrawInputSerializer

    def act(self, user, data):
        services.withdraw_limit(limit=self.limit, decided_by=user, reason_codes=data["reason_codes"],
                                note=data["note"], notified_on=data["notified_on"],
                                effective_date=data["effective_date"])


@_post("Keep a limit after review",
       "The review is done and the limit stays as it is: `under_review` is cleared, the next review date set.",
       InsurerClearReviewInputSerializer,
       [OpenApiExample("Keep", request_only=True, value={"review_date": "2027-06-01"})])
class InsurerLimitClearReviewApi(_LimitPostApi):
    input_serializer = InsurerClearReviewInputSerializer

    def act(self, user, data):
        services.clear_review(limit=self.limit, reviewed_by=user, review_date=data["review_date"])
