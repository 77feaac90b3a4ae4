"""The API's cheaper representation (core.api.representation) and the limit list's narrow rows
(limits.selectors.LIST_COLUMNS) answer exactly what DRF's own path over whole rows answers, byte for byte, on a
generated book (every state, null dates and amounts, buyers without a grade, decisions with and without a
scorecard); and the edge cases DRF defines (a method as source, a missing related object, a default) hold."""

import json
from datetime import date

import pytest
from rest_framework import serializers
from rest_framework.test import APIClient

from accounts.models import Tenant
from accounts.roles import TENANT_ROLES
from accounts.services import create_api_token
from buyers.api.serializers import BuyerOutputSerializer
from buyers.models import Buyer
from core.api.representation import FastRepresentationMixin
from core.money import Money, money_json
from limits.api.serializers import LimitDetailOutputSerializer, LimitOutputSerializer
from limits.models import CreditLimit
from limits.selectors import limit_list_for_tenant, limits_for_tenant
from portal.loadgen import LoadSizes, generate
from portal.loadgen.batch import Progress

pytestmark = [pytest.mark.django_db, pytest.mark.unscoped]
SIZES = LoadSizes(buyers=150, limits=120, overdues=40, invoices=80, claims=6, tenants=2)


@pytest.fixture
def book():
    return generate(sizes=SIZES, seed=5, today=date(2026, 6, 15), progress=Progress(quiet=True))


@pytest.fixture
def drf_path(monkeypatch):
    """Switch the mixin off: every serializer answers through DRF's own Serializer.to_representation."""

    def enable():
        monkeypatch.setattr(FastRepresentationMixin, "to_representation",
                            lambda self, instance: super(FastRepresentationMixin, self).to_representation(instance))

    return enable


def _json(data) -> str:
    return json.dumps(data, sort_keys=False, default=str)


def test_limits_buyers_and_decisions_read_as_drf_reads_them(book, drf_path):
    tenant = Tenant.objects.get(pk=book.large_tenant_id)
    narrow = list(limit_list_for_tenant(tenant=tenant))
    whole = list(limits_for_tenant(tenant=tenant).order_by("-created_at", "-pk"))
    details = [limits_for_tenant(tenant=tenant).prefetch_related("decisions").get(pk=limit.pk) for limit in whole]
    buyers = list(Buyer.objects.prefetch_related("identifiers").order_by("pk"))
    assert len({limit.state for limit in whole}) >= 3
    assert any(limit.decided_at is None for limit in whole) and any(b.grade is None for b in buyers)
    fast = [_json(LimitOutputSerializer(narrow, many=True).data), _json(LimitDetailOutputSerializer(details, many=True).data),
            _json(BuyerOutputSerializer(buyers, many=True).data)]
    drf_path()
    assert fast == [_json(LimitOutputSerializer(whole, many=True).data),
                    _json(LimitDetailOutputSerializer(details, many=True).data),
                    _json(BuyerOutputSerializer(buyers, many=True).data)]


def test_the_api_list_answers_the_same_bytes_and_only_the_tenants_own_limits(book, drf_path, monkeypatch):
    large, outsider = book.tenant_ids
    _, key = create_api_token(tenant=Tenant.objects.get(pk=large), created_by=None, name="repr", roles=list(TENANT_ROLES))
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    urls = ["/api/v1/limits/?page_size=500", "/api/v1/limits/?page_size=20&state=in_force",
            "/api/v1/limits/?cursor=&page_size=30", f"/api/v1/limits/{CreditLimit.objects.filter(tenant_id=large).first().pk}/",
            "/api/v1/buyers/?page_size=100"]
    fast = [client.get(url).content for url in urls]
    ids = [row["id"] for row in json.loads(fast[0])["results"]]
    assert len(ids) == CreditLimit.objects.filter(tenant_id=large).count()
    assert not CreditLimit.objects.filter(pk__in=ids, tenant_id=outsider).exists()
    drf_path()
    import limits.api.views as views  # the whole rows, as before LIST_COLUMNS

    monkeypatch.setattr(views, "limit_list_for_tenant",
                        lambda tenant: limits_for_tenant(tenant=tenant).order_by("-created_at", "-pk"))
    assert [client.get(url).content for url in urls] == fast


class _Row:
    """A plain object: a method DRF calls, a property, a related object that is missing."""

    def __init__(self, **values):
        self.__dict__.update(values)

    def label(self):
        return f"label of {self.name}"

    @property
    def shouting(self):
        return self.name.upper()


class _RowSerializer(FastRepresentationMixin, serializers.Serializer):
    name = serializers.CharField()
    label = serializers.CharField()
    shouting = serializers.CharField()
    nested = serializers.CharField(source="parent.name", allow_null=True)
    absent = serializers.CharField(default="fallback")
    whole = serializers.SerializerMethodField()
    count = serializers.IntegerField(allow_null=True)

    def get_whole(self, obj) -> str:
        return type(obj).__name__


def test_the_mixin_keeps_drfs_rules_for_methods_missing_objects_and_defaults(drf_path):
    rows = [_Row(name="a", parent=_Row(name="p"), count=None), _Row(name="b", parent=None, count=3)]
    fast = _RowSerializer(rows, many=True).data
    assert fast[0]["label"] == "label of a" and fast[0]["shouting"] == "A" and fast[0]["absent"] == "fallback"
    assert fast[1]["nested"] is None and fast[0]["count"] is None and fast[1]["count"] == 3
    drf_path()
    assert _RowSerializer(rows, many=True).data == fast


@pytest.mark.parametrize(("value", "currency", "expected"), [
    (Money("45000", "EUR"), None, {"amount": "45000.00", "currency": "EUR"}),
    ("1234567.5", "jpy", {"amount": "1234568", "currency": "JPY"}),
    ({"amount": "1.5", "currency": "KWD"}, None, {"amount": "1.500", "currency": "KWD"}),
    (None, "EUR", None),
])
def test_money_json_at_the_currencys_minor_unit(value, currency, expected):
    from decimal import Decimal

    value = Decimal(value) if isinstance(value, str) else value
    assert money_json(value, currency) == expected
