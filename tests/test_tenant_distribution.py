"""Keeping Kredo distributable by tenant (docs/scale_out.md, "Past one primary: Citus").

On a distributed PostgreSQL (Citus) the tenant-owned tables would be distributed by `tenant_id`, colocated. That
stays possible while every tenant-owned row carries its tenant (a NOT NULL `tenant_id`) and every tenant query
filters on it (django-scopes makes a query without its scope raise). What Citus would further require, and Kredo
does not do yet, is pinned here so that it is seen: each UNIQUE constraint of a distributed table must include the
distribution column, and a table without `tenant_id` cannot refer to a distributed one. A new constraint or table
that adds to these lists fails below until it includes the tenant or is listed (with its way out) in the document.
"""

from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import models

from accounts.models import Tenant
from core.tenancy import TenantOwned

DOCUMENT = Path(settings.BASE_DIR) / "docs" / "scale_out.md"

# Tenant-owned tables whose tenant may be empty, by design: an insurer's API write keeps its idempotency key
# under no tenant (README, API).
NULLABLE_TENANT = {"core_idempotencykey"}
# A tenant FK without the scoped manager: the membership is how a request finds its tenant, read before any scope.
UNSCOPED_WITH_TENANT = {"accounts_membership"}

# UNIQUE constraints (and unique fields) of tenant-owned tables without tenant_id: Citus refuses them on a table
# distributed by tenant_id. Each is listed in docs/scale_out.md with what it would become.
UNIQUE_WITHOUT_TENANT = {
    "accounts_apitoken": {"key_hash", "service_user_id"},
    "accounts_membership": {"user_id"},
    "claims_claim": {"one_live_claim_per_overdue"},
    "claims_invoice": {"invoice_number_unique_per_overdue"},
    "claims_overdue": {"one_open_overdue_per_policy_buyer"},
    "core_idempotencykey": {"idempotency_key_unique_insurer_wide"},
    "core_notificationread": {"notification_read_once_per_user"},
    "core_webhookdelivery": {"uuid", "webhook_delivery_once_per_event"},
    "limits_creditlimit": {"one_current_limit_per_policy_buyer", "one_pending_request_per_policy_buyer"},
    "policies_insuranceperiod": {"insurance_period_number_once", "insurance_period_start_once"},
    "policies_losspayee": {"webhook_endpoint_id", "loss_payee_one_running_per_buyer",
                           "loss_payee_one_running_per_policy"},
    "policies_losspayeenotice": {"loss_payee_notice_once"},
    "policies_periodpremium": {"period_premium_once_per_policy_period"},
    "policies_policy": {"number"},
    "policies_policynotice": {"policy_id"},
    "policies_premiuminvoice": {"premium_invoice_once_per_period"},
    "policies_premiumschedule": {"policy_id"},
    "policies_premiumsuspension": {"invoice_id"},
    "policies_proposallossyear": {"proposal_loss_one_per_year"},
    "policies_proposalturnover": {"proposal_turnover_one_per_country"},
    "policies_quote": {"policy_id"},
    "policies_renewaloffer": {"period_id", "next_period_id"},
    "policies_turnoverdeclaration": {"turnover_declaration_once_per_period_country"},
    "recoveries_collectioncase": {"one_open_collection_case_per_overdue"},
}
# Tables without tenant_id that refer to a tenant-owned table: Citus would need tenant_id on them too.
WITHOUT_TENANT_REFERRING_TO_TENANT_OWNED = {"policies_termsversion": {"policy_id"}}


def _concrete_models():
    return [m for m in apps.get_models() if m._meta.managed and not m._meta.proxy]


def _is_history(model) -> bool:
    return getattr(model, "instance_type", None) is not None  # django-simple-history's historical rows


def _tenant_field(model):
    field = next((f for f in model._meta.concrete_fields if f.name == "tenant"), None)
    return field if field is not None and field.related_model is Tenant else None


def tenant_owned_models():
    return [m for m in _concrete_models() if _tenant_field(m) is not None and not _is_history(m)]


def unique_sets(model):
    """(name, columns) of each unique field and UNIQUE constraint (partial ones too) except the primary key."""
    columns = lambda names: tuple(model._meta.get_field(name).column for name in names)  # noqa: E731
    sets = [(f.column, (f.column,)) for f in model._meta.concrete_fields if f.unique and not f.primary_key]
    sets += [("unique_together " + ",".join(group), columns(group)) for group in model._meta.unique_together]
    sets += [(c.name, columns(c.fields) if c.fields else tuple(str(e) for e in c.expressions))
             for c in model._meta.constraints if isinstance(c, models.UniqueConstraint)]
    return sets


def test_every_tenant_owned_table_has_a_not_null_tenant_foreign_key():
    nullable = {m._meta.db_table for m in tenant_owned_models() if _tenant_field(m).null}
    assert nullable == NULLABLE_TENANT
    for model in tenant_owned_models():
        field = _tenant_field(model)
        assert field.db_constraint and field.column == "tenant_id", model


def test_every_tenant_owned_model_is_scoped_so_its_queries_filter_on_the_tenant():
    unscoped = {m._meta.db_table for m in tenant_owned_models() if not issubclass(m, TenantOwned)}
    assert unscoped == UNSCOPED_WITH_TENANT
    assert all(issubclass(m, TenantOwned) for m in _concrete_models() if m._meta.db_table in NULLABLE_TENANT)


def test_the_history_of_a_tenant_owned_row_carries_its_tenant():
    # Its history table would be distributed with it (django-simple-history makes every copied FK nullable).
    for model in tenant_owned_models():
        history = getattr(model, "history", None)
        if history is not None:
            assert "tenant_id" in {f.column for f in history.model._meta.concrete_fields}, model


def test_unique_constraints_without_tenant_id_are_the_known_ones():
    found = {}
    for model in tenant_owned_models():
        names = {name for name, cols in unique_sets(model) if "tenant_id" not in cols}
        if names:
            found[model._meta.db_table] = names
    assert found == UNIQUE_WITHOUT_TENANT, "a UNIQUE constraint without tenant_id: add the tenant or list it"


def test_tables_without_tenant_referring_to_tenant_owned_ones_are_the_known_ones():
    owned = set(tenant_owned_models())
    found = {}
    for model in _concrete_models():
        if model in owned or _is_history(model):
            continue
        columns = {f.column for f in model._meta.concrete_fields if f.is_relation and f.related_model in owned}
        if columns:
            found[model._meta.db_table] = columns
    assert found == WITHOUT_TENANT_REFERRING_TO_TENANT_OWNED


def test_the_document_names_each_of_them():
    text = DOCUMENT.read_text(encoding="utf-8")
    listed = {**UNIQUE_WITHOUT_TENANT, **WITHOUT_TENANT_REFERRING_TO_TENANT_OWNED}
    missing = [(table, name) for table, names in listed.items() for name in names
               if f"`{table}`" not in text or f"`{name}`" not in text]
    assert not missing
    assert all(f"`{table}`" in text for table in NULLABLE_TENANT | UNSCOPED_WITH_TENANT)
