"""The underwriters' buyer admin: search, identity edits, identifiers, confirm, grade and merge actions, country risk."""


import pytest

from buyers import services
from buyers.models import Buyer, BuyerGrade, BuyerIdentifier, CountryRisk
from tests.buyer_factories import BuyerFactory, BuyerIdentifierFactory
from tests.factories import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_tenant_scope")]


# --- the underwriters' admin -----------------------------------------------------------------

CHANGELIST = "/admin/buyers/buyer/"


def test_admin_changelist_searches_ignoring_accents(client_of_underwriter, muller, iberia_proposal):
    response = client_of_underwriter.get(CHANGELIST, {"q": "muller"})
    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == [muller]
    filtered = client_of_underwriter.get(CHANGELIST, {"status__exact": "pending"})
    assert list(filtered.context["cl"].result_list) == [iberia_proposal]


def test_admin_change_form_and_history_open(client_of_underwriter, muller):
    services.grade_buyer(buyer=muller, grade=2, reason="good accounts")
    page = client_of_underwriter.get(f"{CHANGELIST}{muller.pk}/change/")
    assert page.status_code == 200
    assert "good accounts" in page.content.decode()  # the grade history inline
    assert client_of_underwriter.get(f"{CHANGELIST}{muller.pk}/history/").status_code == 200
    assert client_of_underwriter.get(f"{CHANGELIST}add/").status_code == 200


def _change_data(buyer, **changes):
    data = {
        "legal_name": buyer.legal_name, "trading_name": "", "kind": buyer.kind, "country": buyer.country.code,
        "registration_number": buyer.registration_number, "vat_number": buyer.vat_number, "lei": "",
        "sector_nace": "", "address": "", "city": "", "postal_code": "",
        "identifiers-TOTAL_FORMS": "0", "identifiers-INITIAL_FORMS": "0",
        "grades-TOTAL_FORMS": "0", "grades-INITIAL_FORMS": "0",
    }
    return {**data, **changes}


def test_admin_change_form_edits_identity_but_not_the_grade(client_of_underwriter, muller):
    response = client_of_underwriter.post(
        f"{CHANGELIST}{muller.pk}/change/", _change_data(muller, legal_name="Müller Maschinenbau GmbH", grade="9",
                                                         status="merged", lei="5493001kjtiigc8y1r12")
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    muller.refresh_from_db()
    assert muller.legal_name == "Müller Maschinenbau GmbH"
    assert (muller.grade, muller.status, muller.lei) == (None, Buyer.Status.CONFIRMED, "5493001KJTIIGC8Y1R12")
    assert muller.identifiers.filter(type="lei", value="5493001KJTIIGC8Y1R12").exists()
    assert "maschinenbau" in muller.search_text


def test_admin_change_form_shows_a_duplicate_number_as_a_form_error(client_of_underwriter, muller):
    other = BuyerFactory(registration_number="HRB 555", vat_number="DE555555555")  # no identifiers rows
    response = client_of_underwriter.post(f"{CHANGELIST}{muller.pk}/change/",
                                          _change_data(muller, registration_number="hrb-555"))
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["registration_number"]
    response = client_of_underwriter.post(f"{CHANGELIST}{muller.pk}/change/",
                                          _change_data(muller, vat_number="de555555555"))
    assert response.context["adminform"].form.errors["vat_number"]
    muller.refresh_from_db()
    assert muller.registration_number == "HRB123456"
    assert other.identifiers.count() == 0


def test_admin_identifier_inline_compacts_and_refuses_duplicates(client_of_underwriter, muller):
    BuyerIdentifierFactory(type=BuyerIdentifier.Type.DUNS, country="DE", value="111222333")
    data = _change_data(muller, **{
        "identifiers-TOTAL_FORMS": "1", "identifiers-0-type": "duns", "identifiers-0-issuer": "",
        "identifiers-0-country": "DE", "identifiers-0-value": "111-222-333", "identifiers-0-buyer": str(muller.pk),
    })
    response = client_of_underwriter.post(f"{CHANGELIST}{muller.pk}/change/", data)
    assert response.status_code == 200  # the form again, with the error, no 500
    assert not muller.identifiers.filter(type="duns").exists()
    data["identifiers-0-value"] = "444-555-666"
    assert client_of_underwriter.post(f"{CHANGELIST}{muller.pk}/change/", data).status_code == 302
    assert muller.identifiers.filter(type="duns", value="444555666").exists()


def test_admin_confirm_action(client_of_underwriter, iberia_proposal):
    response = client_of_underwriter.post(
        CHANGELIST, {"action": "confirm_identification", "_selected_action": [iberia_proposal.pk], "index": "0"}
    )
    assert response.status_code == 302
    iberia_proposal.refresh_from_db()
    assert iberia_proposal.status == Buyer.Status.CONFIRMED


def test_admin_grade_action_asks_then_grades_each_buyer(client_of_underwriter, underwriter, muller):
    other = BuyerFactory()
    selected = [muller.pk, other.pk]
    page = client_of_underwriter.post(CHANGELIST, {"action": "grade_action", "_selected_action": selected, "index": "0"})
    assert page.status_code == 200
    assert 'name="grade"' in page.content.decode()
    assert "current grade" in page.content.decode() and 'value="Grade"' in page.content.decode()

    bad = client_of_underwriter.post(CHANGELIST, {"action": "grade_action", "_selected_action": selected, "apply": "1",
                                                  "grade": "11", "reason": "x"})
    assert bad.status_code == 200
    assert "1 (best) to 10 (insolvent)" in str(bad.context["form"].errors["grade"])
    assert not BuyerGrade.objects.exists()

    done = client_of_underwriter.post(CHANGELIST, {"action": "grade_action", "_selected_action": selected, "apply": "1",
                                                   "grade": "7", "reason": "sector downturn"})
    assert done.status_code == 302
    for buyer in (muller, other):
        buyer.refresh_from_db()
        assert buyer.grade == 7
        assert buyer.grades.get().graded_by == underwriter


def test_admin_merge_action_asks_for_the_target_then_merges(client_of_underwriter, muller):
    duplicate = BuyerFactory(legal_name="Mueller GmbH", identifiers=True)
    page = client_of_underwriter.post(CHANGELIST, {"action": "merge_action", "_selected_action": [duplicate.pk],
                                                   "index": "0"})
    assert page.status_code == 200
    assert 'name="target"' in page.content.decode()
    assert "These buyers are duplicates" in page.content.decode() and 'value="Merge"' in page.content.decode()
    done = client_of_underwriter.post(CHANGELIST, {"action": "merge_action", "_selected_action": [duplicate.pk],
                                                   "apply": "1", "target": muller.pk})
    assert done.status_code == 302
    duplicate.refresh_from_db()
    assert (duplicate.status, duplicate.merged_into) == (Buyer.Status.MERGED, muller)
    assert muller.identifiers.count() == 4


def test_admin_merge_refusal_is_a_message(client_of_underwriter, muller):
    already = BuyerFactory()
    services.merge_buyers(source=already, target=muller)
    target = BuyerFactory()
    response = client_of_underwriter.post(
        CHANGELIST, {"action": "merge_action", "_selected_action": [already.pk], "apply": "1", "target": target.pk},
        follow=True,
    )
    assert response.status_code == 200
    assert "already merged" in " ".join(str(m) for m in response.context["messages"])


def test_admin_merge_target_cannot_be_a_selected_buyer(client_of_underwriter, muller):
    other = BuyerFactory()
    response = client_of_underwriter.post(CHANGELIST, {"action": "merge_action", "_selected_action": [muller.pk, other.pk],
                                                       "apply": "1", "target": muller.pk})
    assert response.status_code == 200
    assert response.context["form"].errors["target"]
    other.refresh_from_db()
    assert other.status == Buyer.Status.CONFIRMED


def test_admin_merge_target_autocomplete(client_of_underwriter, muller):
    response = client_of_underwriter.get("/admin/autocomplete/", {
        "app_label": "buyers", "model_name": "buyer", "field_name": "merged_into", "term": "muller",
    })
    assert response.status_code == 200
    assert [r["id"] for r in response.json()["results"]] == [str(muller.pk)]


def test_admin_actions_need_their_permissions(client, muller):
    clerk = UserFactory(is_staff=True)
    from django.contrib.auth.models import Permission

    clerk.user_permissions.add(Permission.objects.get(codename="view_buyer"))
    client.force_login(clerk)
    assert client.get(CHANGELIST).status_code == 200
    client.post(CHANGELIST, {"action": "grade_action", "_selected_action": [muller.pk], "apply": "1", "grade": "9",
                             "reason": "x"})
    muller.refresh_from_db()
    assert muller.grade is None


def test_admin_country_risk(client_of_underwriter):
    url = "/admin/buyers/countryrisk/"
    assert client_of_underwriter.get(url).status_code == 200
    assert client_of_underwriter.get(f"{url}add/").status_code == 200
    bad = client_of_underwriter.post(f"{url}add/", {"country": "AR", "grade": "9", "graded_on": "2026-01-01"})
    assert bad.status_code == 200
    assert "1 (lowest) to 7 (highest)" in str(bad.context["adminform"].form.errors["grade"])
    ok = client_of_underwriter.post(f"{url}add/", {"country": "AR", "grade": "6", "graded_on": "2026-01-01"})
    assert ok.status_code == 302
    risk = CountryRisk.objects.get()
    assert client_of_underwriter.get(f"{url}{risk.pk}/change/").status_code == 200


def test_an_insureds_user_never_reaches_the_registry_admin(client_of_outsider, muller, iberia_proposal):
    # Grading, merging and confirming are the insurer's: a tenant's user (every tenant role) is sent to log in.
    for url in (CHANGELIST, f"{CHANGELIST}{muller.pk}/change/", f"{CHANGELIST}{iberia_proposal.pk}/change/"):
        response = client_of_outsider.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"]

