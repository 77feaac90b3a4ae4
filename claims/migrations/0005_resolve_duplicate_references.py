"""Before the insured's references become unique per tenant on overdues and claims (0006), rename duplicates.

Within one tenant, the oldest row (lowest id) of a reference keeps it; the others, in id order, get the
first free `<reference>-2`, `-3`, ... (the reference shortened so the suffix fits 60 characters), so running
it anywhere gives the same result. Rows without a reference are left alone; the audit history keeps the old
references as they were.
"""

from django.db import migrations

MAX_LENGTH = 60


def _suffixed(reference: str, n: int) -> str:
    suffix = f"-{n}"
    return reference[: MAX_LENGTH - len(suffix)] + suffix


def resolve_duplicates(model) -> None:
    rows = model.objects.exclude(reference="").order_by("tenant_id", "pk").values_list("pk", "tenant_id", "reference")
    taken: dict[int, set[str]] = {}
    for _pk, tenant_id, reference in rows:
        taken.setdefault(tenant_id, set()).add(reference)
    kept: set[tuple[int, str]] = set()
    for pk, tenant_id, reference in rows:
        if (tenant_id, reference) not in kept:
            kept.add((tenant_id, reference))
            continue
        n = 2
        while _suffixed(reference, n) in taken[tenant_id]:
            n += 1
        renamed = _suffixed(reference, n)
        taken[tenant_id].add(renamed)
        kept.add((tenant_id, renamed))
        model.objects.filter(pk=pk).update(reference=renamed)


def forwards(apps, schema_editor):
    for name in ("Overdue", "Claim"):
        resolve_duplicates(apps.get_model("claims", name))


class Migration(migrations.Migration):

    dependencies = [
        ("claims", "0004_overdue_drafts"),
    ]

    operations = [
        # Backwards there is nothing to undo: the renamed references stay unique.
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
