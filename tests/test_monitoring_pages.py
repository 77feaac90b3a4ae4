"""The monitoring list and the buyer-alerts API (issue 15, item 5): the insured's buyers with their alerts in its
language, an outsider sees none of them, query counts the same for few and many buyers; the underwriters'
buyers to review, largest exposure first, in the admin, the insurer API and the admin home's work queues."""

from datetime import date, timedelta

import pytest

from buyers.models import Buyer
from buyers.monitoring.models import AlertCode, BuyerAlert
from tests.factories import PolicyFactory, logged_in
from tests.limit_factories import make_limit

pytestmark = [pytest.mark.django_db, pytest.mark.unscoped]
FEW, MANY = 3, 10


def alert(tenant, buyer, code=AlertCode.GRADE_DOWNGRADE, key=None, **params):
    return BuyerAlert.objects.create(
        tenant=tenant, buyer=buyer, code=code, cause_key=key or f"{code}:{buyer.pk}", raised_on=date.today(),
        params={"buyer": buyer.legal_name, "grade": 6, "previous": 3, "date": {"date": "2026-03-01"}, **params})


def watched(tenant, policy, n, prefix="Watched"):
    buyers = []
    for i in range(n):
        buyer = Buyer.objects.create(legal_name=f"{prefix} {policy.pk}-{i} GmbH", country="DE", grade=4,
                                     status="confirmed")
        make_limit(policy, buyer, 10_000)
        alert(tenant, buyer)
        buyers.append(buyer)
    return buyers


def test_the_monitoring_list_shows_the_insureds_buyers_with_their_alerts_translated(client_of_user, tenant, policy):
    [buyer] = watched(tenant, policy, 1)
    page = client_of_user.get("/limits/monitoring/")
    assert page.status_code == 200
    assert f"{buyer.legal_name}: grade downgraded from 3 to 6" in page.content.decode()
    spanish = client_of_user.get("/limits/monitoring/", HTTP_ACCEPT_LANGUAGE="es")
    assert spanish.status_code == 200


def test_an_outsider_sees_none_of_the_insureds_buyers_or_alerts(client_of_outsider, api_client_of_outsider, tenant,
                                                                 policy):
    [buyer] = watched(tenant, policy, 1, prefix="Secret")
    page = client_of_outsider.get("/limits/monitoring/")
    assert page.status_code == 200 and "Secret" not in page.content.decode()
    api = api_client_of_outsider.get("/api/v1/buyer-alerts/")
    assert api.status_code == 200 and api.json()["results"] == []
    marked = api_client_of_outsider.post("/api/v1/buyer-alerts/read/", {"buyer": buyer.pk}, format="json")
    assert marked.json() == {"marked_read": 0}
    assert BuyerAlert.objects.get(buyer=buyer).read_at is None


def test_the_api_lists_alerts_by_keyset_and_marks_them_read(api_client, tenant, policy):
    buyers = watched(tenant, policy, 3)
    first = api_client.get("/api/v1/buyer-alerts/?cursor=&page_size=2")
    assert first.status_code == 200
    body = first.json()
    assert len(body["results"]) == 2 and body["next"] and "count" not in body
    assert body["results"][0]["message"].startswith(buyers[-1].legal_name)
    assert body["results"][0]["code"] == "grade_downgrade"
    spanish = api_client.get("/api/v1/buyer-alerts/", HTTP_ACCEPT_LANGUAGE="es").json()["results"][0]["message"]
    assert spanish != body["results"][0]["message"]
    assert api_client.post("/api/v1/buyer-alerts/read/", {"buyer": buyers[0].pk}, format="json").json() == {
        "marked_read": 1}
    assert api_client.get("/api/v1/buyer-alerts/?unread=true").json()["count"] == 2
    assert api_client.post("/api/v1/buyer-alerts/read/", {}, format="json").json() == {"marked_read": 2}
    assert api_client.post("/api/v1/buyer-alerts/read/", {"ids": ["x"]}, format="json").status_code == 400


def test_the_monitoring_list_sorts_and_filters_unread(client_of_user, tenant, policy):
    buyers = watched(tenant, policy, 2)
    BuyerAlert.objects.filter(buyer=buyers[0]).update(read_at="2026-03-02T10:00:00Z")
    only_unread = client_of_user.get("/limits/monitoring/?alerts=unread").content.decode()
    assert buyers[1].legal_name in only_unread and buyers[0].legal_name not in only_unread
    by_name = client_of_user.get("/limits/monitoring/?sort=-buyer").content.decode()
    assert by_name.index(buyers[1].legal_name) < by_name.index(buyers[0].legal_name)


@pytest.mark.parametrize("sort", ["", "-unread", "unread", "grade", "-latest", "buyer"])
def test_the_list_is_paged_by_key_every_buyer_once(client_of_user, tenant, policy, monkeypatch, sort):
    from limits.monitoring import views

    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    buyers = watched(tenant, policy, 5)
    Buyer.objects.filter(pk=buyers[2].pk).update(grade=None)
    BuyerAlert.objects.filter(buyer=buyers[1]).update(read_at="2026-03-02T10:00:00Z")
    seen, url, pages = [], f"/limits/monitoring/?sort={sort}", 0
    while url:
        response = client_of_user.get(url)
        assert response.status_code == 200
        seen += [buyer.pk for buyer, _alerts in response.context["rows"]]
        token, pages = response.context["page"].next_token, pages + 1
        url = f"/limits/monitoring/?sort={sort}&after={token}" if token else None
    assert sorted(seen) == sorted(b.pk for b in buyers) and len(seen) == 5 and pages == 3


def _walk(client, query, size, monkeypatch):
    from limits.monitoring import views

    monkeypatch.setattr(views, "PAGE_SIZE", size)
    seen, url = [], f"/limits/monitoring/?{query}"
    while url:
        response = client.get(url)
        assert response.status_code == 200
        seen += [(buyer.pk, buyer.unread_alerts) for buyer, _alerts in response.context["rows"]]
        token = response.context["page"].next_token
        url = f"/limits/monitoring/?{query}&after={token}" if token else None
    return seen


@pytest.mark.parametrize("size", [1, 2, 3, 50])
def test_sorted_by_unread_alerts_the_order_is_the_counts_then_ids_and_an_outsiders_alerts_count_for_nothing(
        client_of_user, tenant, policy, other_tenant, outsider_policy, monkeypatch, size):
    """The unread sort reads the unread alerts, then the watched buyers without any: the order is the same as
    sorting every watched buyer by (unread count, id), across the boundary between the two, both ways."""
    buyers = watched(tenant, policy, 6)  # one unread alert each
    for n, buyer in enumerate(buyers[:3]):
        for k in range(n + 1):
            alert(tenant, buyer, key=f"extra:{buyer.pk}:{k}")  # 2, 3, 4 unread
    BuyerAlert.objects.filter(tenant=tenant, buyer=buyers[4]).update(read_at="2026-03-02T10:00:00Z")  # 0: read
    quiet = Buyer.objects.create(legal_name="Quiet GmbH", country="DE", grade=4, status="confirmed")
    make_limit(policy, quiet, 10_000)  # watched, never alerted: 0
    for k in range(9):  # the outsider's unread alerts, on the insured's buyers, change nothing
        alert(other_tenant, buyers[5], key=f"outsider:{k}")
        alert(other_tenant, quiet, key=f"outsider-quiet:{k}")
    make_limit(outsider_policy, Buyer.objects.create(legal_name="Outsider's Own", country="DE", status="confirmed"),
               5_000)
    expected = sorted([(b.pk, BuyerAlert.objects.filter(tenant=tenant, buyer=b, read_at__isnull=True).count())
                       for b in [*buyers, quiet]], key=lambda row: (row[1], row[0]))
    assert [n for _pk, n in expected] == [0, 0, 1, 1, 2, 3, 4]
    assert _walk(client_of_user, "sort=unread", size, monkeypatch) == expected
    assert _walk(client_of_user, "sort=-unread", size, monkeypatch) == expected[::-1]
    only_unread = _walk(client_of_user, "sort=-unread&alerts=unread", size, monkeypatch)
    assert only_unread == [row for row in expected[::-1] if row[1]]
    searched = _walk(client_of_user, f"sort=-unread&q={buyers[2].legal_name}", size, monkeypatch)
    assert searched == [(buyers[2].pk, 4)]


def test_a_tampered_or_stale_position_starts_again_at_the_first_page(client_of_user, tenant, policy):
    watched(tenant, policy, 2)
    for after in ("garbage", "eyJzb3J0IjoiYnV5ZXIifQ:bad"):
        response = client_of_user.get(f"/limits/monitoring/?after={after}")
        assert response.status_code == 200 and len(response.context["rows"]) == 2


def test_query_counts_are_the_same_for_few_and_many_buyers(django_assert_num_queries, client_of_user, api_client,
                                                           tenant):
    for n in (FEW, MANY):
        policy = PolicyFactory(tenant=tenant)
        watched(tenant, policy, n)
        for client, url, queries in ((client_of_user, "/limits/monitoring/", 8),
                                     # by unread alerts: the buyers with unread alerts, then those without
                                     # (one query each; the first alone once it fills the page)
                                     (client_of_user, "/limits/monitoring/?sort=-unread", 9),
                                     (client_of_user, "/limits/monitoring/?sort=unread", 9),
                                     (api_client, "/api/v1/buyer-alerts/", 5)):
            client.get(url)
            with django_assert_num_queries(queries):
                assert client.get(url).status_code == 200


def test_underwriters_see_buyers_to_review_largest_exposure_first(underwriter_api, client_of_underwriter, tenant,
                                                                  other_tenant):
    small, big = (Buyer.objects.create(legal_name=name, country="DE", grade=5, status="confirmed")
                  for name in ("Small Risk GmbH", "Big Risk GmbH"))
    make_limit(PolicyFactory(tenant=tenant), small, 10_000)
    make_limit(PolicyFactory(tenant=tenant), big, 60_000)
    make_limit(PolicyFactory(tenant=other_tenant), big, 50_000)
    alert(tenant, small)
    alert(other_tenant, big, code=AlertCode.ADVERSE_INFORMATION, key="adverse:1")
    rows = underwriter_api.get("/api/v1/insurer/buyers-to-review/").json()["results"]
    assert [(r["legal_name"], r["exposure_at_risk"]["amount"]) for r in rows] == [
        ("Big Risk GmbH", "110000.00"), ("Small Risk GmbH", "10000.00")]
    page = client_of_underwriter.get("/admin/buyer-review/")
    assert page.status_code == 200
    assert page.content.decode().index("Big Risk GmbH") < page.content.decode().index("Small Risk GmbH")
    home = client_of_underwriter.get("/admin/").content.decode()
    assert "Buyers with alerts to review" in home


def test_tenant_users_and_claims_handlers_are_refused_the_queue(api_client, handler_api, claims_handler):
    assert api_client.get("/api/v1/insurer/buyers-to-review/").status_code in (401, 403)
    assert handler_api.get("/api/v1/insurer/buyers-to-review/").status_code == 403
    assert logged_in(claims_handler).get("/admin/buyer-review/").status_code == 403


def test_old_alerts_leave_the_queue(underwriter_api, tenant, buyer):
    make_limit(PolicyFactory(tenant=tenant), buyer, 10_000)
    old = alert(tenant, buyer)
    BuyerAlert.objects.filter(pk=old.pk).update(raised_on=date.today() - timedelta(days=31))
    assert underwriter_api.get("/api/v1/insurer/buyers-to-review/").json()["results"] == []


def test_an_outsider_holding_a_limit_reads_only_that_the_insurer_has_adverse_information(
        client_of_user, client_of_outsider, api_client_of_outsider, tenant, other_tenant, policy, buyer):
    from buyers.monitoring.job import run_early_warnings
    from tests.overdue_factories import declare, invoice_line

    make_limit(policy, buyer, 100_000)
    make_limit(PolicyFactory(tenant=other_tenant, number="KR-OUT-9"), buyer, 40_000)
    declare(tenant, policy, buyer, [invoice_line("F-HIDDEN-77", due=date(2026, 2, 1), amount="7777")],
            notified_on=date.today())
    run_early_warnings()
    own = client_of_user.get("/limits/monitoring/").content.decode()
    assert "your overdue" in own
    page = client_of_outsider.get("/limits/monitoring/").content.decode()
    api = api_client_of_outsider.get("/api/v1/buyer-alerts/").content.decode()
    for text in (page, api):
        assert "the insurer has new adverse information on this buyer" in text
        for secret in ("F-HIDDEN-77", "7777", tenant.legal_name, policy.number, "your overdue"):
            assert secret not in text


def test_the_insurer_queue_is_walked_by_keyset(underwriter_api, tenant):
    for n in range(5):
        buyer = Buyer.objects.create(legal_name=f"Queue {n} GmbH", country="DE", grade=5, status="confirmed")
        make_limit(PolicyFactory(tenant=tenant), buyer, 10_000 * (n + 1))
        alert(tenant, buyer)
    seen, url = [], "/api/v1/insurer/buyers-to-review/?cursor=&page_size=2"
    while url:
        body = underwriter_api.get(url).json()
        assert "count" not in body
        seen += [row["legal_name"] for row in body["results"]]
        url = body["next"]
    assert seen == [f"Queue {n} GmbH" for n in range(4, -1, -1)]
