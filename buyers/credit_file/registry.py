"""The sections other apps add to the credit file (limits; overdues, claims and payment behaviour).

Each app after buyers in the app order registers its sections from its AppConfig.ready(): what the insured
sees of its own rows (`for_tenant`, run in the tenant's scope), what the insurer sees across insureds
(`for_insurer`, run unscoped), the serializer that writes and documents both in the API, and the templates
the page and the admin include. A section's readers are set-based and cap their lists (`capped`).
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

LIST_CAP = 20  # rows of each list in the credit file; the count says how many there are


@dataclass(frozen=True)
class CreditFileSection:
    key: str
    for_tenant: Callable  # (*, tenant, user, buyer, on) -> dict; `user`'s permissions narrow it
    for_insurer: Callable  # (*, buyer, on) -> dict
    tenant_serializer: type
    insurer_serializer: type
    tenant_template: str
    insurer_template: str


_SECTIONS: dict[str, CreditFileSection] = {}


def register_section(section: CreditFileSection) -> None:
    _SECTIONS[section.key] = section


def sections() -> list[CreditFileSection]:
    return list(_SECTIONS.values())


def capped(qs, cap: int = LIST_CAP) -> dict:
    """The first `cap` rows of a list and how many there are: two queries, whatever its length."""
    rows = list(qs[:cap])
    count = len(rows) if len(rows) < cap else qs.count()
    return {"count": count, "results": rows}


@cache
def capped_list_serializer(item_serializer):
    """The API's shape of a `capped` list of `item_serializer` rows (one class per row type: one schema component)."""
    from rest_framework import serializers

    name = f"CreditFile{item_serializer.__name__.removesuffix('Serializer')}ListSerializer"
    return type(name, (serializers.Serializer,), {
        "count": serializers.IntegerField(help_text="How many there are; `results` holds the first 20."),
        "results": item_serializer(many=True)})
