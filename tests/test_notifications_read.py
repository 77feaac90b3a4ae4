"""Read and unread notifications: per reader (a role's notification read by one credit manager is still new to
the other), marked read when opened, all at once on request, counted in the top bar; never another tenant's."""

import pytest

from accounts.roles import CREDIT_MANAGER, FINANCE
from core import notifications
from core.selectors import notifications_for_user, unread_notification_count
from tests.factories import logged_in, member

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_tenant_scope")]


def _notify(tenant, key, **kwargs):
    notification, _created = notifications.notify(tenant=tenant, event="limit.decided", dedup_key=key,
                                                  subject=f"Limit decided {key}", link="/limits/", **kwargs)
    return notification


@pytest.fixture
def credit_managers(tenant):
    return member(tenant, [CREDIT_MANAGER]), member(tenant, [CREDIT_MANAGER])


def test_a_role_notification_read_by_one_reader_is_unread_for_the_other(tenant, credit_managers):
    first, second = credit_managers
    notification = _notify(tenant, "a", role=CREDIT_MANAGER)
    notifications.mark_read(notification=notification, user=first)
    notifications.mark_read(notification=notification, user=first)  # twice: still one reading
    assert unread_notification_count(user=first, tenant=tenant) == 0
    assert unread_notification_count(user=second, tenant=tenant) == 1
    finance = member(tenant, [FINANCE])
    assert unread_notification_count(user=finance, tenant=tenant) == 0  # not addressed to finance


def test_opening_a_notification_marks_it_read_and_goes_to_its_page(tenant, credit_managers):
    first, _second = credit_managers
    notification = _notify(tenant, "b", role=CREDIT_MANAGER)
    client = logged_in(first)
    assert 'class="badge"' in client.get("/account/notifications/").content.decode()
    response = client.get(f"/account/notifications/{notification.pk}/")
    assert response.status_code == 302 and response["Location"] == "/limits/"
    assert unread_notification_count(user=first, tenant=tenant) == 0
    (row,) = notifications_for_user(user=first, tenant=tenant)
    assert row.is_read


def test_a_link_to_another_site_is_not_followed(tenant, user):
    notification = _notify(tenant, "c", recipient=user)
    notification.link = "https://evil.example/phish"
    notification.save(update_fields=["link"])
    response = logged_in(user).get(f"/account/notifications/{notification.pk}/")
    assert response["Location"] == "/account/notifications/"


def test_mark_all_read(tenant, user):
    for key in "defg":
        _notify(tenant, key)
    client = logged_in(user)
    html = client.get("/").content.decode()
    assert '4 unread' in html  # the top bar's count, with its spoken label
    response = client.post("/account/notifications/read/")
    assert response.status_code == 302
    assert unread_notification_count(user=user, tenant=tenant) == 0
    assert "4 unread" not in client.get("/").content.decode()
    assert client.get("/account/notifications/read/").status_code == 405  # a change only by POST


def test_outsider_cannot_open_or_read_the_tenants_notifications(tenant, user, outsider, client_of_outsider,
                                                               other_tenant):
    notification = _notify(tenant, "h")
    assert client_of_outsider.get(f"/account/notifications/{notification.pk}/").status_code == 404
    client_of_outsider.post("/account/notifications/read/")
    assert unread_notification_count(user=user, tenant=tenant) == 1
    from core.models import NotificationRead

    assert not NotificationRead.objects.filter(notification=notification).exists()


def test_the_unread_count_is_one_query(tenant, user, django_assert_num_queries):
    for key in "ijk":
        _notify(tenant, key)
    with django_assert_num_queries(1):
        assert unread_notification_count(user=user, tenant=tenant) == 3
