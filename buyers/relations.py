"""Buyers related to an insured (its own group companies): a policy excludes selling to them unless its terms
cover related companies (`covers_related_companies`). A relation is the insurer's record, per tenant: one
insured's affiliate is another's ordinary buyer."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.tenancy import TenantOwned


class InsuredRelation(TenantOwned):
    buyer = models.ForeignKey("buyers.Buyer", on_delete=models.PROTECT, related_name="+", verbose_name=_("buyer"))
    note = models.CharField(_("how they are related"), max_length=200,
                            help_text=_("e.g. a subsidiary, the parent company, a common shareholder."))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="+", editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("buyer related to the insured")
        verbose_name_plural = _("buyers related to the insured")
        constraints = [models.UniqueConstraint(fields=["tenant", "buyer"], name="insured_relation_once")]

    def __str__(self):
        return f"{self.buyer_id} ~ {self.tenant_id}"


def related_buyer_ids(*, tenant_id: int, buyer_ids) -> set[int]:
    """Which of `buyer_ids` are related to the insured: one query, for a request or a batch of rows."""
    return set(InsuredRelation.objects.filter(tenant_id=tenant_id, buyer_id__in=list(buyer_ids))
               .values_list("buyer_id", flat=True))
