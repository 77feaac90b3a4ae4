"""Journey (b), in a real browser, once in Spanish and once in Chinese: a credit manager declares an overdue with two
invoices; finance files a claim once the waiting period has ended and uploads the documents; a claims handler
confirms the file complete, approves and pays it in the admin; finance reads the payment and the calculation in
their language. 'Today' is pinned to each step's day (as in tests/test_claims_flow.py). An outsider of another
tenant is refused the claim."""

from datetime import date

import pytest

from accounts.roles import CREDIT_MANAGER, FINANCE
from tests.browser.kit import shown_money, translated, visible_text
from tests.claim_helpers import PDF, approve_limit, late_payer
from tests.factories import member

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BUYER = "Impagos Ibéricos SA"
INVOICES = [("FA-2026-001", "2026-01-15", "6000"), ("FA-2026-002", "2026-01-20", "4000")]
DUE = "2026-03-16"
NOTIFIED = date(2026, 4, 15)  # 30 days after the due date: in time
WAITING_ENDS = date(2026, 8, 13)  # due date + 150 days: protracted default can be claimed
PAID_ON = date(2026, 8, 20)


@pytest.fixture
def world(tenant, policy, other_tenant, underwriter, claims_handler):
    buyer = late_payer(BUYER, country="PT")
    approve_limit(tenant=tenant, policy=policy, buyer=buyer, amount=50_000, underwriter=underwriter)
    return {"buyer": buyer, "credit": member(tenant, [CREDIT_MANAGER]), "finance": member(tenant, [FINANCE]),
            "handler": claims_handler, "outsider": member(other_tenant, [FINANCE])}


def declare_overdue(page, language, buyer):
    page.get_by_role("link", name=translated(language, "Overdues"), exact=True).click()
    page.get_by_role("link", name=translated(language, "Notify an overdue"), exact=True).click()
    page.select_option("select[name=buyer]", str(buyer.pk))
    page.fill("input[name=reference]", "OD-77")
    for row, (number, shipped, amount) in enumerate(INVOICES):
        # The row's first input is found by its label, as a screen reader user finds it.
        invoice_n = translated(language, "invoice %(n)s") % {"n": row + 1}
        page.get_by_label(f"{translated(language, 'Invoice number')} ({invoice_n})").fill(number)
        for field in ("invoice_date", "shipment_date"):
            page.fill(f"#id_invoices-{row}-{field}", shipped)
        page.fill(f"#id_invoices-{row}-due_date", DUE)
        page.fill(f"#id_invoices-{row}-amount", amount)
        page.fill(f"#id_invoices-{row}-outstanding", amount)
    page.get_by_role("button", name=translated(language, "Save"), exact=True).click()
    page.wait_for_url("**/overdues/*/")


def file_claim_with_documents(page, language):
    page.get_by_role("link", name=translated(language, "Claims"), exact=True).click()
    page.get_by_role("link", name=translated(language, "File a claim"), exact=True).click()
    page.select_option("select[name=cause]", "protracted_default")
    page.fill("input[name=reference]", "CL-77")
    page.get_by_role("button", name=translated(language, "Open the claim (draft)")).click()
    page.wait_for_url("**/claims/*/")
    kinds = page.locator("select[name=kind] option").evaluate_all("options => options.map(o => o.value)")
    for kind in ("contract", "invoices", "proof_of_delivery", "dunning"):
        assert kind in kinds
        page.select_option("select[name=kind]", kind)
        page.set_input_files("input[name=file]", files=[{"name": f"{kind}.pdf", "mimeType": "application/pdf",
                                                         "buffer": PDF}])
        page.get_by_role("button", name=translated(language, "Upload"), exact=True).click()
        page.wait_for_load_state()
        assert f"{kind}.pdf" in visible_text(page)
    page.get_by_role("button", name=translated(language, "Submit to the insurer")).click()
    page.wait_for_load_state()
    return page.url


def handler_completes_approves_and_pays(site, page, claim_path):
    site.go(page, "/admin/claims/claim/")
    page.get_by_role("link", name="CL-77").first.click()
    review = claim_path.replace("/claims/", "/admin/claims/claim/") + "review/"
    site.go(page, review)
    for action, fields in (("confirm_complete", {}), ("approve", {}),
                           ("pay", {"amount": "9000.00", "paid_on": PAID_ON.isoformat(),
                                    "payment_reference": "SEPA-2026-77"})):
        page.check(f"input[name=action][value={action}]")
        for name, value in fields.items():
            page.fill(f"input[name={name}]", value)
        page.click("input[type=submit]")
        page.wait_for_load_state()
        assert not page.locator(".errornote, .errorlist").count(), visible_text(page)


@pytest.mark.parametrize("language", ["es", "zh-hans"])
def test_an_overdue_declared_claimed_paid_and_read_in_the_readers_language(site, world, today, language):
    today(NOTIFIED)
    credit = site.open_as(world["credit"], language=language)
    declare_overdue(credit, language, world["buyer"])
    shown = visible_text(credit)
    assert translated(language, "Open") in shown and "FA-2026-001" in shown and "FA-2026-002" in shown

    today(WAITING_ENDS)
    finance = site.open_as(world["finance"], language=language)
    claim_url = file_claim_with_documents(finance, language)
    assert translated(language, "Submitted") in visible_text(finance)

    today(PAID_ON)
    handler = site.open_as(world["handler"], language=language, admin=True)
    handler_completes_approves_and_pays(site, handler, claim_url.removeprefix(site.url))

    finance.reload()
    shown = visible_text(finance)
    assert translated(language, "Paid") in shown and "SEPA-2026-77" in shown
    assert shown_money(9000, "EUR", language) in shown  # 90% of the 10,000 unpaid, within the 50,000 limit
    for words in ("Calculation", "Covered", "Percentage of cover", "Indemnity"):
        assert translated(language, words) in shown, words
    assert shown_money(6000, "EUR", language) in shown and shown_money(4000, "EUR", language) in shown

    finance.get_by_role("link", name=translated(language, "Notifications")).click()
    assert "CL-77" in visible_text(finance)

    outsider = site.open_as(world["outsider"], language=language)
    assert outsider.goto(claim_url).status == 404
