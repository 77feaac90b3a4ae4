"""Buyers related to an insured (its own group companies): a policy excludes selling to them unless its terms
cover related companies (`covers_related_companies`). A relation is the insurer's record, per tenant: one
insured's affiliate is another's ordinary buyer.

Recorded and ended through `record_relation` / `end_relation` (the insurer API; the admin records and deletes);
the history keeps who ended one and why."""

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.exceptions import DomainError
from core.tenancy import TenantOwned


class InsuredRelation(TenantOwned):
    buyer = models.ForeignKey("buyers.Buyer", on_delete=models.PROTECT, related_name="+", verbose_name=_("buyer"))
    note = models.CharField(_("how they are related"), max_length=200,
                            help_text=_("e.g. a subsidiary, the parent company, a common shareholder."))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="+", editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

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


@transaction.atomic
def record_relation(*, tenant, buyer, note: str, recorded_by=None) -> InsuredRelation:
    """`buyer` belongs to the insured's own group: its policies exclude it unless they cover related companies."""
    if not (note or "").strip():
        raise DomainError(gettext("Say how the buyer is related to the insured."), field="note")
    if len(note.strip()) > 200:
        raise DomainError(gettext("At most %(n)d characters.") % {"n": 200}, field="note")
    if buyer.status == "merged":
        raise DomainError(gettext("A merged buyer cannot be related: relate the buyer it was merged into."),
                          field="buyer")
    if InsuredRelation.objects.filter(tenant=tenant, buyer=buyer).exists():
        raise DomainError(gettext("This buyer is already related to the insured."), field="buyer",
                          code="relation_exists")
    relation = InsuredRelation(tenant=tenant, buyer=buyer, note=note.strip(), recorded_by=recorded_by)
    relation._history_user = recorded_by
    try:
        with transaction.atomic():
            relation.save()
    except IntegrityError as exc:  # recorded at the same moment by someone else: the UNIQUE says so
        raise DomainError(gettext("This buyer is already related to the insured."), field="buyer",
                          code="relation_exists") from exc
    return relation


@transaction.atomic
def end_relation(*, relation: InsuredRelation, reason: str, ended_by=None) -> None:
    """The buyer no longer belongs to the insured's group (sold, dissolved, recorded in error): from now on it is
    an ordinary buyer of the insured. The history keeps the relation, who ended it and why."""
    if not (reason or "").strip():
        raise DomainError(gettext("Give the reason for ending the relation."), field="reason")
    relation = InsuredRelation.objects.select_for_update().get(pk=relation.pk)
    relation._history_user, relation._change_reason = ended_by, reason.strip()
    relation.delete()
