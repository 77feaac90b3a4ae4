"""The insured's own reference on a limit, an overdue or a claim: unique per tenant on each (also a database
constraint on each table). One check, one message, for every kind of row that carries one."""

from django.utils.translation import gettext as _

from core.exceptions import DomainError


def reference_used(reference: str) -> DomainError:
    return DomainError(_("You already used the reference %(ref)s.") % {"ref": reference}, field="reference")


def check_reference(model, tenant_id: int, reference: str, *, exclude_pk: int | None = None) -> str:
    """The reference stripped; a DomainError on `reference` when another of the tenant's `model` rows has it."""
    reference = (reference or "").strip()
    if not reference:
        return reference
    taken = model.objects.filter(tenant_id=tenant_id, reference=reference)
    if exclude_pk is not None:
        taken = taken.exclude(pk=exclude_pk)
    if taken.exists():
        raise reference_used(reference)
    return reference
