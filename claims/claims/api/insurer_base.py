"""What every insurer-side endpoint on one claim shares (claims and recoveries alike)."""

from django.http import Http404
from django.utils.functional import cached_property
from rest_framework.views import APIView

from accounts.permissions import IsInsurerStaff
from claims.claims.models import Claim
from claims.claims.selectors import claims_for_insurer
from core.api.idempotency import IdempotentPostMixin


def insurer_claim_or_404(claim_id) -> Claim:
    # Any tenant's claim: the middleware disabled the tenant scope for insurer staff on this API only.
    # A draft is the insured's file in preparation: the insurer sees a claim once it is submitted.
    try:
        return claims_for_insurer().select_related("policy", "buyer", "overdue", "tenant", "paid_to").get(pk=claim_id)
    except Claim.DoesNotExist as exc:
        raise Http404 from exc


class InsurerClaimPostApi(IdempotentPostMixin, APIView):
    """A POST on one claim, idempotent with an `Idempotency-Key`.

    IdempotencyKey rows are tenant-owned (unique per tenant and key): the insurer's
    keys are stored under the claim's tenant. The fingerprint covers the path, so a
    key reused by the insured's own integration on the insured's endpoints never
    replays an insurer response (it is answered 422 instead); use random keys (UUIDs).
    """

    permission_classes = [IsInsurerStaff]

    @cached_property
    def claim(self) -> Claim:
        return insurer_claim_or_404(self.kwargs["claim_id"])

    def idempotency_tenant(self, request, *args, **kwargs):
        return self.claim.tenant
