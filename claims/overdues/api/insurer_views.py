"""Underwriters' word on overdues in the API: waive a late notification, consent to an extension, reinstate cover.

Served under /api/v1/insurer/ to insurer staff (session) and insurer tokens only
(accounts.permissions.IsInsurerStaff); the middleware lifts the tenant scope there, so any insured's
notified overdue is found by its id (a draft is the insured's own: 404). Every write goes through
claims.overdues.services as the overdue admin's actions do, so the webhooks follow. Underwriters only
(`claims.change_overdue` to read; a claims handler gets 403).
"""

import django_filters
from django.http import Http404
from django.utils.functional import cached_property
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import generics
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import IsInsurerStaff
from claims.overdues import services
from claims.overdues.api.insurer_serializers import (
    InsurerOverdueDetailOutputSerializer,
    InsurerOverdueOutputSerializer,
    ReinstateInputSerializer,
)
from claims.overdues.models import Invoice, Overdue
from claims.overdues.selectors import overdue_detail_for_insurer, overdue_list_for_insurer
from core.api.filters import IdFilter
from core.api.idempotency import IdempotentPostMixin
from core.exceptions import DomainError

TAGS = ["insurer: overdues"]
READ = "claims.change_overdue"
POST_NOTE = " Answers with the overdue. Send an `Idempotency-Key` to retry safely."
REFUSED = OpenApiResponse(description="Invalid fields or a rule refused it: problem details with pointers.")
NOT_FOUND = OpenApiResponse(description="No such overdue (or invoice on it).")


class InsurerOverdueFilter(django_filters.FilterSet):
    state = django_filters.ChoiceFilter(choices=[c for c in Overdue.State.choices if c[0] != Overdue.State.DRAFT])
    tenant = IdFilter(field_name="tenant_id", help_text="The insured's id.")
    buyer = IdFilter(field_name="buyer_id")
    policy = IdFilter(field_name="policy_id")
    reference = django_filters.CharFilter(field_name="reference", max_length=60)

    class Meta:
        model = Overdue
        fields: list[str] = []


@extend_schema_view(get=extend_schema(
    summary="Notified overdues, across insureds",
    description="Oldest notification first; walk it by keyset with `?cursor=` (empty to start).", tags=TAGS,
))
class InsurerOverdueListApi(generics.ListAPIView):
    permission_classes = [IsInsurerStaff]
    required_permission = READ
    serializer_class = InsurerOverdueOutputSerializer
    filterset_class = InsurerOverdueFilter

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Overdue._default_manager.none()
        return overdue_list_for_insurer().order_by("notified_on", "pk")


def _detail(overdue_id) -> Response:
    try:
        overdue = overdue_detail_for_insurer(pk=overdue_id)
    except Overdue.DoesNotExist as exc:
        raise Http404 from exc
    return Response(InsurerOverdueDetailOutputSerializer(overdue).data)


@extend_schema_view(get=extend_schema(
    summary="An overdue of any insured: invoices with their deadlines, lateness and extensions, payments",
    tags=TAGS, responses={200: InsurerOverdueDetailOutputSerializer, 404: NOT_FOUND},
))
class InsurerOverdueDetailApi(APIView):
    permission_classes = [IsInsurerStaff]
    required_permission = READ
    serializer_class = InsurerOverdueDetailOutputSerializer

    def get(self, request, overdue_id):
        return _detail(overdue_id)


class _OverduePostApi(IdempotentPostMixin, APIView):
    """A POST on one overdue, idempotent with a key filed under the overdue's insured."""

    permission_classes = [IsInsurerStaff]
    serializer_class = InsurerOverdueDetailOutputSerializer

    @cached_property
    def overdue(self) -> Overdue:
        overdue = overdue_list_for_insurer().filter(pk=self.kwargs["overdue_id"]).first()
        if overdue is None:
            raise Http404
        return overdue

    def idempotency_tenant(self, request, *args, **kwargs):
        return self.overdue.tenant

    def invoice(self) -> Invoice:
        invoice = Invoice.objects.filter(overdue=self.overdue, pk=self.kwargs["invoice_id"]).first()
        if invoice is None:
            raise Http404
        return invoice

    def handle_post(self, request, overdue_id, **kwargs):
        self.act(request)
        return _detail(overdue_id)


def _post(summary, description, request_serializer=None, examples=()):
    return extend_schema_view(post=extend_schema(
        summary=summary, description=description + POST_NOTE, tags=TAGS, request=request_serializer,
        responses={200: InsurerOverdueDetailOutputSerializer, 400: REFUSED, 404: NOT_FOUND}, examples=list(examples),
    ))


@_post("Waive an invoice's late notification",
       "An invoice notified after its notification deadline is not covered unless the insurer waives the lateness.")
class InsurerWaiveLatenessApi(_OverduePostApi):
    required_permission = "claims.waive_lateness"

    def act(self, request):
        services.waive_lateness(invoice=self.invoice(), waived_by=request.user)


@_post("Consent to an extension beyond the maximum",
       "From now on the extended due date moves every deadline of the invoice (and the cover stop follows).")
class InsurerConsentExtensionApi(_OverduePostApi):
    required_permission = "claims.change_overdue"

    def act(self, request):
        services.consent_extension(invoice=self.invoice(), consented_by=request.user)


@_post("Reinstate cover on a cleared overdue",
       "Lifts the overdue's cover stop: shipments to the buyer from `reinstated_on` are covered again.",
       ReinstateInputSerializer,
       [OpenApiExample("Today", request_only=True, value={}),
        OpenApiExample("From a date", request_only=True, value={"reinstated_on": "2026-12-01"})])
class InsurerReinstateCoverApi(_OverduePostApi):
    # Reinstating lifts the limits' cover stop, as in the admin.
    required_permission = "limits.change_coverstop"

    def act(self, request):
        parsed = ReinstateInputSerializer(data=request.data)
        parsed.is_valid(raise_exception=True)
        try:
            services.reinstate_cover(overdue=self.overdue, reinstated_by=request.user,
                                     on=parsed.validated_data["reinstated_on"])
        except DomainError as exc:
            if exc.field == "lifted_on":  # the cover stop's word for the day this request names
                raise DomainError(exc.message, field="reinstated_on", code=exc.code) from exc
            raise
