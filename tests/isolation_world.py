"""The victim of the isolation matrix: one of each object a tenant owns, marked so a leak is seen anywhere.

Every text the victim owns that a page or an API answer could show (policy number, references, file name,
webhook URL, proposal name, tenant name, user e-mail, notification subject, token name) carries MARKER, so
one substring check on any response body (HTML, JSON, CSV) finds the victim's data wherever it leaks.
`snapshot()` reads every row the victim owns, to show that a request changed none.
"""

import uuid
from datetime import date, timedelta
from decimal import Decimal
from types import SimpleNamespace

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db.models import F
from django.utils import timezone
from django_scopes import scopes_disabled

from accounts import services as account_services
from accounts.roles import FINANCE
from buyers.services import propose_buyer
from core.tenancy import tenant_scope
from policies.premium.services import declare_turnover
from recoveries import services as recoveries
from tests.claim_helpers import eur, paid_claim
from tests.factories import member
from tests.proposal_helpers import offered_quote, submit

MARKER = "victim7431"


def _policy_life(tenant, policy):
    """The victim policy's life beyond its terms: a bank as loss payee, an open renewal offer, a notice."""
    Model = apps.get_model
    # A bank as loss payee of the victim's policy (policies.loss_payees): its name carries the marker.
    loss_payee = Model("policies", "LossPayee").objects.create(
        tenant=tenant, policy=policy, bank_name=f"Bank {MARKER}", iban="DE89370400440532013000",
        contact_email=f"{MARKER}@bank.example", effective_from=policy.start_date, reason="Financing")
    # An open renewal offer on the victim's period (policies.periods), with a note a page could show.
    period = Model("policies", "InsurancePeriod").objects.get(policy=policy, number=1)
    offer = Model("policies", "RenewalOffer").objects.create(
        tenant=tenant, policy=policy, period=period, offered_on=period.end - timedelta(days=60),
        premium_rate_percent=Decimal("0.25"), loss_ratio_percent=Decimal("0"), note=f"Offer {MARKER}")
    notice = Model("policies", "PolicyNotice").objects.create(
        tenant=tenant, policy=policy, period=period, kind="non_renewal", given_by_side="insured",
        given_on=period.end - timedelta(days=120), effective_on=period.end + timedelta(days=1),
        reason=f"Closing {MARKER}")
    return loss_payee, offer, period, notice


def _insurer_imports(underwriter):
    """The insurer's buyer and GLEIF imports (no tenant's): only insurer staff may reach them."""
    Model = apps.get_model
    buyer_import = Model("buyers", "BuyerImportJob")(requested_by=underwriter, mode="valid_rows",
                                                    filename=f"buyers-{MARKER}.csv", rows_with_errors=1)
    buyer_import.file.save("buyers.csv", ContentFile(b"legal_name\n"), save=True)
    Model("buyers", "BuyerImportError").objects.create(job=buyer_import, line=2, column="country",
                                                       message=f"Wrong {MARKER}")
    gleif_import = Model("buyers", "GleifImportJob")(requested_by=underwriter, mode="valid_rows",
                                                    filename=f"golden-{MARKER}.csv", rows_with_errors=1)
    gleif_import.file.save("golden.csv", ContentFile(b"LEI\n"), save=True)
    Model("buyers", "GleifImportIssue").objects.create(job=gleif_import, line=2, column="lei",
                                                       message=f"Wrong {MARKER}")
    return buyer_import, gleif_import


def victim_world(tenant, user, claims_handler, underwriter) -> SimpleNamespace:
    """The victim tenant's objects, by model label (`world.objects["claims.Claim"]`)."""
    claim = paid_claim(tenant, member(tenant, [FINANCE]), claims_handler, underwriter)
    with scopes_disabled():
        recovery = recoveries.record_recovery(claim=claim, amount=eur(500), received_on=date.today(),
                                              source="buyer")
        case = recoveries.open_collection_case(overdue=claim.overdue, claim=claim)
        declaration, _created = declare_turnover(tenant=tenant, declared_by=user, policy=claim.policy,
                                                 period_start=date(2026, 1, 1), country="IT",
                                                 turnover=Decimal("100000"), today=date(2026, 2, 10))
    with tenant_scope(tenant):
        proposal = propose_buyer(tenant=tenant, legal_name=f"Proposal {MARKER} GmbH", country="DE",
                                 registration_number=f"HRB-{MARKER}")
        token, _raw_key = account_services.create_api_token(tenant=tenant, created_by=user, name=f"ERP {MARKER}",
                                                            roles=[FINANCE])
    # An application and the quote offered on it (policies.proposals), its buyer's name marked below.
    cover_proposal = submit(tenant, user)
    quote = offered_quote(cover_proposal, underwriter)
    Model = apps.get_model
    with scopes_disabled():
        Model("policies", "ProposalBuyer").objects.filter(proposal=cover_proposal).update(
            legal_name=f"Buyer {MARKER} Lda")
        endpoint = Model("core", "WebhookEndpoint").objects.create(
            tenant=tenant, url=f"https://{MARKER}.example.com/kredo", events=["claim.paid"])
        delivery = Model("core", "WebhookDelivery").objects.create(
            tenant=tenant, endpoint=endpoint, event="claim.paid", event_id=uuid.uuid4(),
            payload={"note": MARKER}, next_attempt_at=timezone.now() + timedelta(minutes=5))
        notification = Model("core", "Notification").objects.create(
            tenant=tenant, event="test", dedup_key=MARKER, code="legacy.text", params={"text": f"Notice {MARKER}"},
            lines=[["legacy.text", {"text": MARKER}]])
        limit = Model("limits", "CreditLimit").objects.get(policy=claim.policy, buyer=claim.buyer)
        import_job = Model("limits", "LimitImportJob")(tenant=tenant, requested_by=user, mode="valid_rows",
                                                       filename=f"book-{MARKER}.csv", rows_with_errors=1)
        import_job.file.save("book.csv", ContentFile(b"policy_number\n"), save=True)
        Model("limits", "LimitImportError").objects.create(tenant=tenant, job=import_job, line=2, column="amount",
                                                           message=f"Wrong {MARKER}")
        buyer_import, gleif_import = _insurer_imports(underwriter)
        document = claim.documents.first()
        loss_payee, offer, period, notice = _policy_life(tenant, claim.policy)
        # The insurer's record that the proposed buyer belongs to the victim's group (buyers.relations).
        relation = Model("buyers", "InsuredRelation").objects.create(tenant=tenant, buyer=proposal,
                                                                     note=f"Subsidiary {MARKER}")
        # The texts a page shows carry the marker (set after the flow, which checks none of them).
        type(tenant).objects.filter(pk=tenant.pk).update(legal_name=f"Iberia Export {MARKER} S.L.")
        type(claim.policy).objects.filter(pk=claim.policy.pk).update(number=f"KR-{MARKER}")
        type(limit).objects.filter(pk=limit.pk).update(reference=f"LIM-{MARKER}")
        type(claim.overdue).objects.filter(pk=claim.overdue_id).update(reference=f"OD-{MARKER}")
        type(claim).objects.filter(pk=claim.pk).update(reference=f"CL-{MARKER}")
        type(document).objects.filter(pk=document.pk).update(original_name=f"proof-{MARKER}.pdf")
        type(recovery).objects.filter(pk=recovery.pk).update(note=f"Recovered {MARKER}")
        get_user_model().objects.filter(pk=user.pk).update(email=f"{MARKER}@iberia.example")
        invoice = claim.overdue.invoices.first()
        # The insured's notes in its credit files (buyers.credit_file), on its proposal and on the claimed buyer.
        for buyer in (proposal, claim.buyer):
            Model("buyers", "BuyerNote").objects.create(tenant=tenant, buyer=buyer, text=f"Note {MARKER}")
        # The insured's alert on the claimed buyer (buyers.monitoring): on its monitoring list and in the API.
        Model("buyers", "BuyerAlert").objects.create(
            tenant=tenant, buyer=claim.buyer, code="overdue_reported", cause_key=f"overdue:{MARKER}",
            raised_on=timezone.localdate(), params={"buyer": "Debtor", "reference": f"OD-{MARKER}",
                                                    "date": {"date": "2026-03-01"}})
    objects = {
        obj._meta.label: obj
        for obj in (claim, claim.policy, limit, claim.overdue, invoice, document, recovery, case, declaration,
                    proposal, token, endpoint, delivery, notification, import_job, buyer_import, gleif_import,
                    loss_payee, tenant, cover_proposal, quote, offer, period, notice, relation)
    }
    objects["auth.User"] = user
    with scopes_disabled():
        objects["limits.AutoDecisionRule"] = Model("limits", "AutoDecisionRule").objects.order_by("pk").first()
    return SimpleNamespace(tenant=tenant, user=user, objects=objects)


def tenant_models():
    return [m for m in apps.get_models() if any(f.name == "tenant" for f in m._meta.concrete_fields)
            and not m._meta.label.split(".")[1].startswith("Historical")]


# Columns that move when the victim's own credentials are used (by the matrix, to show the owner sees
# its objects), not when anyone else acts.
VOLATILE_COLUMNS = {"accounts.ApiToken": {"last_used_at"}}


def _compared_columns(model) -> list[str]:
    skip = VOLATILE_COLUMNS.get(model._meta.label, set())
    return [f.attname for f in model._meta.concrete_fields if f.name not in skip]


def differences(before: dict, after: dict) -> list[str]:
    return [label for label in sorted(set(before) | set(after)) if before.get(label) != after.get(label)]


def snapshot(world) -> dict:
    """Every row the victim owns, as values, so a request that changed one shows as a difference."""
    tenant = world.tenant
    with scopes_disabled():
        rows = {m._meta.label: list(m._base_manager.filter(tenant=tenant).order_by("pk")
                                    .values_list(*_compared_columns(m)))
                for m in tenant_models()}
        rows["accounts.Tenant"] = list(type(tenant).objects.filter(pk=tenant.pk).values_list())
        rows["buyers.Buyer"] = list(apps.get_model("buyers", "Buyer").objects
                                    .filter(proposed_by_tenant=tenant).order_by("pk").values_list())
        users = get_user_model().objects.filter(pk__in=apps.get_model("accounts", "Membership").objects
                                                .filter(tenant=tenant).values("user_id")).order_by("pk")
        # last_login moves when the victim's own users sign in for the owner checks; nothing else may.
        rows["auth.User"] = list(users.values_list("pk", "username", "email", "is_active", "is_staff", "password"))
        rows["auth.User.groups"] = sorted(users.values_list("pk", "groups__name"), key=str)
    return rows


def cross_tenant_rows() -> list[str]:
    """Rows that name another tenant's row (a claim of tenant A on tenant B's overdue): must be none."""
    found = []
    with scopes_disabled():
        for model in tenant_models():
            for fk in model._meta.concrete_fields:
                target = fk.related_model if fk.many_to_one else None
                if target is None or target is apps.get_model("accounts", "Tenant") or target not in tenant_models():
                    continue
                mixed = model._base_manager.filter(**{f"{fk.name}__isnull": False}).exclude(
                    tenant=F(f"{fk.name}__tenant"))
                found += [f"{model._meta.label} {pk} -> {fk.name}" for pk in mixed.values_list("pk", flat=True)]
    return found


def victim_ids(world, model_label: str) -> set:
    obj = world.objects.get(model_label)
    return {obj.pk} if obj is not None else set()


# --- What a hostile request sends: the victim's objects wherever a body names one -----------------------

def hostile_fields(world) -> dict:
    """Field name -> the victim's id, for every body field that names an object."""
    from tests.isolation_routes import PARAMETER_MODELS

    fields = {}
    for name, label in PARAMETER_MODELS.items():
        obj = world.objects.get(label)
        if obj is not None:
            fields[name] = fields[f"{name}_id"] = obj.pk
    return fields


def body_from_schema(schema: dict | None, components: dict, hostile: dict, name: str = "", depth: int = 0):
    """A request body shaped like the operation's schema, naming the victim's objects in its id fields."""
    if schema is None or depth > 6:
        return None
    if "$ref" in schema:
        schema = components[schema["$ref"].rsplit("/", 1)[-1]]
    for combined in ("allOf", "oneOf", "anyOf"):
        if combined in schema:
            return body_from_schema(schema[combined][0], components, hostile, name, depth + 1)
    if name in hostile:
        return hostile[name]
    kind, fmt = schema.get("type"), schema.get("format")
    if "enum" in schema:
        return next((v for v in schema["enum"] if v is not None), None)
    if kind == "object" or "properties" in schema:
        return {prop: body_from_schema(sub, components, hostile, prop, depth + 1)
                for prop, sub in schema.get("properties", {}).items() if not sub.get("readOnly")}
    if kind == "array":
        return [body_from_schema(schema.get("items", {}), components, hostile, name, depth + 1)]
    if kind == "integer":
        return 1
    if kind == "boolean":
        return False
    if kind == "number":
        return "1000.00"
    return {"date": date.today().isoformat(), "date-time": timezone.now().isoformat(), "uuid": str(uuid.uuid4()),
            "email": "someone@example.com", "uri": "https://example.com/", "decimal": "1000.00",
            "binary": None}.get(fmt, name == "currency" and "EUR" or "1000.00")


def hostile_form(world) -> dict:
    """A browser form naming the victim's objects, with plausible values for the usual fields."""
    today = date.today().isoformat()
    return {**hostile_fields(world), "amount": "1000.00", "amount_0": "1000.00", "amount_1": "EUR",
            "currency": "EUR", "action": "deactivate", "roles": FINANCE, "reason": "x", "note": "x",
            "date": today, "paid_on": today, "notified_on": today, "url": "https://example.com/hook",
            "events": "claim.paid", "is_active": "on", "confirm": "on"}
