from datetime import date
from decimal import Decimal

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django_scopes import scopes_disabled
from moneyed import Money
from rest_framework.test import APIClient

from accounts.models import Membership, Tenant
from accounts.roles import TENANT_ROLES
from policies.models import Policy

PASSWORD = "test-pass-123"


def logged_in(user, *, client_class=Client):
    """A test client with `user`'s session (an APIClient with `client_class=APIClient`)."""
    client = client_class()
    client.force_login(user)
    return client


def insurer_token_client(roles) -> APIClient:
    """An API client authenticated with a new insurer token acting with `roles`; the token is `client.token`."""
    from accounts import services as account_services

    token, raw_key = account_services.create_insurer_api_token(name="Back office", roles=roles, created_by=None)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {raw_key}")
    client.token = token
    return client


def eur(amount) -> Money:
    return Money(Decimal(str(amount)), "EUR")


def money_json(amount, currency="EUR") -> dict:
    """Money as the API reads and writes it: the amount a decimal string (a float is kept, to be refused)."""
    return {"amount": amount if isinstance(amount, float) else str(amount), "currency": currency}


def admin_policy_form(tenant, **changes) -> dict:
    """The policy admin's add form, filled with the domain's default terms (`changes` override fields)."""
    data = {
        "tenant": tenant.pk, "number": "P-ADMIN", "status": "draft", "start_date": "2026-01-01",
        "end_date": "2026-12-31", "currency": "EUR", "percentage_of_cover_commercial": "90",
        "percentage_of_cover_political": "90", "discretionary_limit_max_amount": "20000",
        "discretionary_percentage_of_cover": "70", "discretionary_max_buyer_grade": "6",
        "max_credit_period_days": "120", "max_extension_days": "60", "overdue_notification_days": "60",
        "notification_deadline_from": "due_date", "reduction_notice_days": "1",
        "waiting_period_days": "150", "claim_filing_days": "240", "claim_payment_days": "30",
        "non_qualifying_loss_amount": "0", "max_liability_multiple": "40", "premium_rate_percent": "0.25",
        "minimum_premium_amount": "5000", "recovery_sharing": "pro_rata",
        "aggregate_first_loss_amount": "0", "credit_limit_fee_per_request_amount": "0",
        "credit_limit_fee_per_buyer_year_amount": "0", "premium_deposit_due_days": "30",
        "premium_suspension_notice_days": "15", "profit_share_percent": "0", "profit_share_loss_ratio_percent": "40",
        "cancellation_notice_days": "90", "renewal_offer_days": "60",
    }
    return data | changes


def policy_terms(*, currency="EUR", **terms):
    """Terms as a rule reads them (policies.terms.PolicyTerms), the domain's defaults but `terms`, with no policy
    in the database: for tests of the pure rules (deadlines, indemnity)."""
    from policies.models import TermsVersion
    from policies.terms import PolicyTerms

    return PolicyTerms.from_version(TermsVersion(effective_from=date(2026, 1, 1), **terms), currency=currency)


def api_error(response) -> tuple[str, dict[str, list[str]]]:
    """An API error (RFC 9457 problem details) as (code, {JSON pointer: [messages]}): `"/invoices/0/due_date"`,
    `""` for the whole request (the problem's `detail` when no error names a field). Tests read errors through
    this one function."""
    assert response["Content-Type"] == "application/problem+json", response["Content-Type"]
    body = response.json()
    pointers: dict[str, list[str]] = {}
    for error in body["errors"]:
        pointers.setdefault(error["pointer"], []).append(error["detail"])
    if not pointers:
        pointers[""] = [body["detail"]]
    return body["code"], pointers


def api_problem(response) -> dict:
    """The whole problem document of an API error (type, title, status, detail, instance, code, errors), for
    tests of the format itself or of a refusal's summary (`detail`)."""
    assert response["Content-Type"] == "application/problem+json", response["Content-Type"]
    return response.json()


def api_messages(response) -> str:
    """Every message of an API error, the summary first, in one string: for "the answer says X somewhere"."""
    problem = api_problem(response)
    return " ".join([problem["detail"], *(error["detail"] for error in problem["errors"])])


class UnscopedFactory(factory.django.DjangoModelFactory):
    """Creates its rows with scopes disabled: set-up runs like a job, inside or outside a tenant's scope."""

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        with scopes_disabled():
            return super()._create(model_class, *args, **kwargs)


class TenantFactory(UnscopedFactory):
    class Meta:
        model = Tenant

    legal_name = factory.Sequence(lambda n: f"Exporter {n} S.A.")
    country = "ES"
    registration_number = factory.Sequence(lambda n: f"REG{n:06d}")
    contact_email = factory.LazyAttribute(lambda t: f"contact@{t.registration_number.lower()}.example")


class UserFactory(UnscopedFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.com")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if extracted:
            self.groups.set(Group.objects.filter(name__in=extracted))
        self.save()


def member(tenant, roles=None, **kwargs):
    """A user of `tenant` with the given role groups (all tenant roles by default)."""
    user = UserFactory(roles=roles if roles is not None else TENANT_ROLES, **kwargs)
    Membership.objects.create(user=user, tenant=tenant)
    return user


class PolicyFactory(UnscopedFactory):
    class Meta:
        model = Policy

    tenant = factory.SubFactory(TenantFactory)
    number = factory.Sequence(lambda n: f"POL-{n:05d}")
    status = Policy.Status.ACTIVE
    start_date = date(2026, 1, 1)
    end_date = date(2026, 12, 31)
    currency = "EUR"

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        """The policy and the terms it is issued with (its first terms version, from its start): term keywords
        (`percentage_of_cover_commercial=85`) set that version, as `policies.services.create_policy` does."""
        from policies.models import TERM_FIELDS, TermsVersion

        terms = {name: kwargs.pop(name) for name in list(kwargs) if name in TERM_FIELDS}
        with scopes_disabled():
            policy = super()._create(model_class, *args, **kwargs)
            TermsVersion.objects.create(policy=policy, effective_from=policy.start_date, **terms)
            from policies.periods.services import open_first_period

            open_first_period(policy=policy)
        return policy
