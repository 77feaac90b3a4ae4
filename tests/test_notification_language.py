"""Every word in the reader's language (issue 9 item 3): a notification stores codes and parameters and is
rendered when read, on the page in the page's language and in each e-mail in the recipient's language.

A Spanish and a Chinese credit manager of one insured read the same limit decision; the other insured's
user reads none of it.
"""

import importlib

import pytest
from django.core import mail
from django.utils import translation
from django_scopes import scopes_disabled
from moneyed import Money

from accounts.models import Membership
from accounts.roles import CREDIT_MANAGER
from core.models import Notification
from limits import services as limit_services
from limits.models import LimitDecision, ReasonCode
from tests.factories import logged_in, member

pytestmark = pytest.mark.django_db(transaction=True)


def speaking(tenant, language, **kwargs):
    user = member(tenant, [CREDIT_MANAGER], **kwargs)
    Membership.objects.filter(user=user).update(language=language)
    return user


@pytest.fixture
def spanish(tenant):
    return speaking(tenant, "es")


@pytest.fixture
def chinese(tenant):
    return speaking(tenant, "zh-hans")


@pytest.fixture
def partly_approved(tenant, policy, buyer, underwriter, spanish, chinese, outsider):
    """A 60,000 EUR request approved for 45,000, with a reason and the underwriter's note."""
    from core.tenancy import tenant_scope

    with tenant_scope(tenant):
        outcome = limit_services.request_limit(tenant=tenant, requested_by=None, policy=policy, buyer=buyer,
                                               amount=Money(60_000, "EUR"), terms_days=60)
    assert not outcome.decided
    mail.outbox.clear()
    with scopes_disabled():
        limit_services.decide_limit(limit=outcome.limit, decided_by=underwriter,
                                    kind=LimitDecision.Kind.PARTIALLY_APPROVED, amount=Money(45_000, "EUR"),
                                    reason_codes=[ReasonCode.BUYER_GRADE], note="Weak 2025 accounts.")
        return Notification.objects.get(event="limit.partially_approved")


def test_the_notification_stores_codes_and_parameters_not_text(partly_approved):
    assert partly_approved.code == "limit.decided"
    assert partly_approved.params["amount"] == {"money": {"amount": "45000.00", "currency": "EUR"}}
    assert partly_approved.params["kind"] == {"label": "Partially approved"}
    assert ["text", {"text": "Weak 2025 accounts."}] in partly_approved.lines


def test_each_recipient_gets_the_email_in_their_language(partly_approved, spanish, chinese, outsider):
    by_recipient = {tuple(m.to): m for m in mail.outbox}
    assert set(by_recipient) == {(spanish.email,), (chinese.email,)}  # never the outsider
    es, zh = by_recipient[(spanish.email,)], by_recipient[(chinese.email,)]
    buyer = partly_approved.params["buyer"]
    assert es.subject == f"Límite sobre {buyer}: Concedido parcialmente, 45.000,00\xa0€"
    assert zh.subject == f"{buyer} 的限额：部分批准，€45,000.00"
    assert "Motivos: " in es.body and "Weak 2025 accounts." in es.body
    assert "原因：" in zh.body and "Weak 2025 accounts." in zh.body


def test_each_reader_sees_the_page_in_their_language(partly_approved, spanish, chinese, outsider):
    es_page = logged_in(spanish).get("/account/notifications/").content.decode()
    zh_page = logged_in(chinese).get("/account/notifications/").content.decode()
    assert "Concedido parcialmente, 45.000,00\xa0€" in es_page and "Vigente desde el" in es_page
    assert "部分批准，€45,000.00" in zh_page and "起生效" in zh_page
    assert "45.000,00" not in logged_in(outsider).get("/account/notifications/").content.decode()


def test_the_preference_wins_over_the_browser_and_the_switcher_changes_it(spanish):
    client = logged_in(spanish)
    page = client.get("/account/language/", HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert page["Content-Language"] == "es"
    client.post("/i18n/setlang/", {"language": "zh-hans", "next": "/"})
    assert Membership.objects.get(user=spanish).language == "zh-hans"
    assert client.get("/account/language/")["Content-Language"] == "zh-hans"
    client.post("/account/language/", {"language": "en"})
    assert Membership.objects.get(user=spanish).language == "en"


def test_the_browser_language_at_first_sign_in_becomes_the_preference(tenant, client):
    newcomer = member(tenant, [CREDIT_MANAGER], username="newcomer")
    newcomer.set_password("a-long-password-2026")
    newcomer.save()
    client.post("/login/", {"username": "newcomer", "password": "a-long-password-2026"},
                HTTP_ACCEPT_LANGUAGE="es")
    assert Membership.objects.get(user=newcomer).language == "es"


def test_without_a_preference_the_email_is_in_the_tenants_language(tenant, partly_approved):
    from core.notifications import recipients_by_language

    tenant.language = "zh-hans"
    tenant.save()
    silent = member(tenant, [CREDIT_MANAGER])
    with scopes_disabled():
        assert silent.email in recipients_by_language(partly_approved)["zh-hans"]


def test_old_english_rows_are_mapped_to_codes_or_kept_as_written():
    migration = importlib.import_module("core.migrations.0005_notification_codes")
    assert migration.subject_to_code("Overdue notified on Late Payer S.p.A.") == (
        "overdue.notified", {"buyer": "Late Payer S.p.A."})
    assert migration.subject_to_code("Claim CL-9 paid: 9,000.00 EUR") == (
        "claim.paid", {"ref": "CL-9", "amount": {"money": {"amount": "9000.00", "currency": "EUR"}}})
    assert migration.subject_to_code("File the claim on Acme by 2026-05-01") == (
        "claim.filing_deadline", {"buyer": "Acme", "closes": {"date": "2026-05-01"}})
    assert migration.line_to_code("No new shipment to this buyer is covered from 2026-03-01.") == (
        "overdue.cover_stopped", {"date": {"date": "2026-03-01"}})
    assert migration.subject_to_code("Something else entirely") == ("legacy.text", {"text": "Something else entirely"})
    from core.notifications import render_message

    with translation.override("es"):
        assert render_message("claim.paid", {"ref": "CL-9", "amount": {"money": {"amount": "9000.00",
                                                                                  "currency": "EUR"}}}) == (
            "Siniestro CL-9 pagado: 9.000,00\xa0€")
        assert render_message("legacy.text", {"text": "Something else entirely"}) == "Something else entirely"
