"""Underwriters' side in the insurer API (/api/v1/insurer/, insurer staff and insurer tokens only,
accounts.permissions.IsInsurerStaff): proposals across insureds, quotes made, offered and issued, and policies with
their terms versions, endorsed through policies.endorsements.endorse_policy. The same services as the admin."""

import django_filters
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.functional import cached_property
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import generics, serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import IsInsurerStaff
from core.api.fields import BoundedDateField
from core.api.filters import IdFilter
from core.api.idempotency import IdempotentPostMixin
from core.exceptions import DomainError
from policies import endorsements
from policies.api.serializers import PolicyOutputSerializer
from policies.models import TERM_FIELDS, Policy, TermsVersion
from policies.proposals import selectors, services
from policies.proposals.api.serializers import (
    InsurerProposalOutputSerializer,
    InsurerQuoteInputSerializer,
    InsurerQuoteOutputSerializer,
)
from policies.proposals.models import Proposal, Quote

TAGS = ["insurer: proposals and policies"]
REFUSED = OpenApiResponse(description="Invalid fields or a rule refused it: problem details with pointers.")
NOT_FOUND = OpenApiResponse(description="No such object.")
POST_NOTE = " Send an `Idempotency-Key` to retry safely."


def _one(qs, pk):
    try:
        return qs.get(pk=pk)
    except qs.model.DoesNotExist as exc:
        raise Http404 from exc


def _terms_values(terms: dict, *, pointer_prefix: str = "terms.") -> dict:
    """API values (strings, numbers, lists of country codes) as the terms' model values; a bad one is refused on
    its field. Names that are not terms are kept for the service to refuse by name."""
    values, errors = {}, {}
    for name, value in terms.items():
        if name in TERM_FIELDS and name != "excluded_countries":
            try:
                value = TermsVersion._meta.get_field(name).to_python(value)
            except ValidationError as exc:
                errors[pointer_prefix + name] = exc.messages
        values[name] = value
    if errors:
        raise DomainError(next(iter(errors.values()))[0], fields=errors)
    return values


def _prefixed(exc: DomainError, prefix: str) -> DomainError:
    # A term's refusal points into the request's `terms` (or `changes`) object.
    fields = {(prefix + path if path in TERM_FIELDS else path): msgs for path, msgs in (exc.fields or {}).items()}
    field = prefix + exc.field if exc.field in TERM_FIELDS else exc.field
    return DomainError(exc.message, field=field, code=exc.code, fields=fields)


class ProposalFilter(django_filters.FilterSet):
    tenant = IdFilter(field_name="tenant_id", help_text="The insured's id.")
    state = django_filters.ChoiceFilter(choices=Proposal.State.choices)

    class Meta:
        model = Proposal
        fields: list[str] = []


class _Insurer:
    permission_classes = [IsInsurerStaff]


@extend_schema_view(get=extend_schema(summary="Proposals across insureds, oldest first", tags=TAGS))
class InsurerProposalListApi(_Insurer, generics.ListAPIView):
    required_permission = "policies.view_proposal"
    serializer_class = InsurerProposalOutputSerializer
    filterset_class = ProposalFilter

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Proposal._default_manager.none()
        return selectors.proposals_for_insurer()


@extend_schema_view(get=extend_schema(summary="A proposal with its rows and quotes", tags=TAGS,
                                      responses={200: InsurerProposalOutputSerializer, 404: NOT_FOUND}))
class InsurerProposalDetailApi(_Insurer, APIView):
    required_permission = "policies.view_proposal"
    serializer_class = InsurerProposalOutputSerializer

    def get(self, request, proposal_id):
        return Response(InsurerProposalOutputSerializer(_one(selectors.proposals_for_insurer(), proposal_id)).data)


@extend_schema_view(post=extend_schema(
    summary="Make a draft quote on a submitted proposal",
    description=("The period, the validity and the terms (by the names of a policy's terms: rate, minimum premium "
                 "and fees are terms); terms not given start from the proposal's (its cover percentage and credit "
                 "period) and the domain's defaults." + POST_NOTE),
    tags=TAGS, request=InsurerQuoteInputSerializer, responses={201: InsurerQuoteOutputSerializer, 400: REFUSED,
                                                         404: NOT_FOUND}))
class InsurerQuoteCreateApi(_Insurer, IdempotentPostMixin, APIView):
    required_permission = "policies.add_quote"
    serializer_class = InsurerQuoteOutputSerializer

    @cached_property
    def proposal(self) -> Proposal:
        return _one(selectors.proposals_for_insurer(), self.kwargs["proposal_id"])

    def idempotency_tenant(self, request, *args, **kwargs):
        return self.proposal.tenant

    def handle_post(self, request, proposal_id):
        data = InsurerQuoteInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        v = data.validated_data
        try:
            quote = services.create_quote(proposal=self.proposal, made_by=request.user, start_date=v["start_date"],
                                          end_date=v["end_date"], valid_until=v["valid_until"],
                                          terms=_terms_values(v["terms"]))
        except DomainError as exc:
            raise _prefixed(exc, "terms.") from exc
        return Response(InsurerQuoteOutputSerializer(quote).data, status=status.HTTP_201_CREATED)


@extend_schema_view(get=extend_schema(summary="A quote of any insured", tags=TAGS,
                                      responses={200: InsurerQuoteOutputSerializer, 404: NOT_FOUND}))
class InsurerQuoteDetailApi(_Insurer, APIView):
    required_permission = "policies.view_quote"
    serializer_class = InsurerQuoteOutputSerializer

    def get(self, request, quote_id):
        return Response(InsurerQuoteOutputSerializer(_one(selectors.quotes_for_insurer(), quote_id)).data)


class _QuotePostApi(_Insurer, IdempotentPostMixin, APIView):
    required_permission = "policies.change_quote"
    serializer_class = InsurerQuoteOutputSerializer

    @cached_property
    def quote(self) -> Quote:
        return _one(selectors.quotes_for_insurer(), self.kwargs["quote_id"])

    def idempotency_tenant(self, request, *args, **kwargs):
        return self.quote.tenant

    def handle_post(self, request, quote_id):
        self.act(request.user)
        return Response(InsurerQuoteOutputSerializer(_one(selectors.quotes_for_insurer(), quote_id)).data)


@extend_schema_view(post=extend_schema(
    summary="Offer a draft quote to the insured",
    description="The insured is told and `quote.offered` is sent." + POST_NOTE,
    tags=TAGS, request=None, responses={200: InsurerQuoteOutputSerializer, 400: REFUSED, 404: NOT_FOUND}))
class InsurerQuoteOfferApi(_QuotePostApi):
    def act(self, user):
        services.offer_quote(quote=self.quote, offered_by=user)


@extend_schema_view(post=extend_schema(
    summary="Issue the policy of an accepted quote that has none",
    description=("Acceptance issues the policy at once; this issues it when that did not happen. `policy.issued` is "
                 "sent." + POST_NOTE),
    tags=TAGS, request=None, responses={200: InsurerQuoteOutputSerializer, 400: REFUSED, 404: NOT_FOUND}))
class InsurerQuoteIssueApi(_QuotePostApi):
    def act(self, user):
        services.issue_policy_from_quote(quote=self.quote, issued_by=user)


# --- Policies and endorsements --------------------------------------------------------------------------------

class InsurerPolicyOutputSerializer(PolicyOutputSerializer):
    tenant_id = serializers.IntegerField(read_only=True)
    tenant = serializers.CharField(source="tenant.legal_name", read_only=True)

    class Meta(PolicyOutputSerializer.Meta):
        fields = (*PolicyOutputSerializer.Meta.fields, "tenant_id", "tenant")
        read_only_fields = fields


class PolicyFilter(django_filters.FilterSet):
    tenant = IdFilter(field_name="tenant_id", help_text="The insured's id.")
    status = django_filters.ChoiceFilter(choices=Policy.Status.choices)

    class Meta:
        model = Policy
        fields: list[str] = []


def _policies():
    return Policy.objects.select_related("tenant").prefetch_related("terms_versions").order_by("-start_date", "pk")


@extend_schema_view(get=extend_schema(summary="Policies across insureds, with every terms version", tags=TAGS))
class InsurerPolicyListApi(_Insurer, generics.ListAPIView):
    required_permission = "policies.view_policy"
    serializer_class = InsurerPolicyOutputSerializer
    filterset_class = PolicyFilter

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Policy._default_manager.none()
        return _policies()


@extend_schema_view(get=extend_schema(summary="A policy of any insured, with every terms version", tags=TAGS,
                                      responses={200: InsurerPolicyOutputSerializer, 404: NOT_FOUND}))
class InsurerPolicyDetailApi(_Insurer, APIView):
    required_permission = "policies.view_policy"
    serializer_class = InsurerPolicyOutputSerializer

    def get(self, request, policy_id):
        return Response(InsurerPolicyOutputSerializer(_one(_policies(), policy_id)).data)


class InsurerEndorsementInputSerializer(serializers.Serializer):
    effective_from = BoundedDateField(help_text="The first shipment day the new terms apply to.")
    reason = serializers.CharField(max_length=2000)
    changes = serializers.DictField(help_text="The terms that change, by name, with their new values.")


@extend_schema_view(post=extend_schema(
    summary="Endorse a policy's terms from a date",
    description=("A new terms version from `effective_from` (inside the period, after the last version and the "
                 "last shipment notified or claimed on), with the reason. The insured is told and "
                 "`policy.endorsed` is sent. Answers 201 with the policy." + POST_NOTE),
    tags=TAGS, request=InsurerEndorsementInputSerializer,
    responses={201: InsurerPolicyOutputSerializer, 400: REFUSED, 404: NOT_FOUND}))
class InsurerEndorsementApi(_Insurer, IdempotentPostMixin, APIView):
    required_permission = "policies.add_termsversion"
    serializer_class = InsurerPolicyOutputSerializer

    @cached_property
    def policy(self) -> Policy:
        return _one(_policies(), self.kwargs["policy_id"])

    def idempotency_tenant(self, request, *args, **kwargs):
        return self.policy.tenant

    def handle_post(self, request, policy_id):
        data = InsurerEndorsementInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        v = data.validated_data
        try:
            endorsements.endorse_policy(policy=self.policy, effective_from=v["effective_from"], reason=v["reason"],
                                        made_by=request.user, **_terms_values(v["changes"], pointer_prefix="changes."))
        except DomainError as exc:
            raise _prefixed(exc, "changes.") from exc
        return Response(InsurerPolicyOutputSerializer(_one(_policies(), policy_id)).data,
                        status=status.HTTP_201_CREATED)
