"""The outbox survives a broker outage; notifications are sent once."""

from unittest import mock

import pytest
from django.core import mail
from django.db import transaction

from core import notifications, outbox
from core.models import Notification, OutboxMessage
from core.selectors import notifications_for_user
from core.tasks import dispatch_pending_outbox, process_outbox_message
from tests.factories import member

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("in_tenant_scope")]


def _notify(tenant, key="limit-decided:1", **kwargs):
    return notifications.notify(
        tenant=tenant, event="limit.decided", dedup_key=key, subject="Limit decided", body="Approved.", **kwargs
    )


def test_notification_is_emailed_to_the_tenants_users_after_commit(tenant, user, outsider):
    with transaction.atomic():
        notification, created = _notify(tenant)
        assert mail.outbox == []  # nothing leaves before the commit
    assert created
    assert [m.to for m in mail.outbox] == [[user.email]]
    notification.refresh_from_db()
    assert notification.emailed_at is not None
    assert OutboxMessage.objects.get().processed_at is not None


def test_same_event_notifies_once(tenant, user):
    _notify(tenant)
    _, created = _notify(tenant)
    assert not created
    assert Notification.objects.count() == 1
    assert len(mail.outbox) == 1


def test_rolled_back_change_sends_nothing(tenant, user):
    with pytest.raises(RuntimeError), transaction.atomic():
        _notify(tenant)
        raise RuntimeError("the decision failed")
    assert Notification.objects.count() == 0
    assert OutboxMessage.objects.count() == 0
    assert mail.outbox == []


def test_broker_outage_leaves_the_message_pending_and_the_beat_job_sends_it(tenant, user):
    with mock.patch.object(process_outbox_message, "apply_async", side_effect=ConnectionError("broker down")):
        _notify(tenant)
    message = OutboxMessage.objects.get()
    assert message.processed_at is None and message.dispatched_at is None
    assert message.attempts == 1 and "broker down" in message.last_error
    assert mail.outbox == []

    # The beat job only retries messages old enough; make this one so.
    OutboxMessage.objects.update(created_at=message.created_at.replace(year=2020))
    assert dispatch_pending_outbox.apply().get() == 1
    message.refresh_from_db()
    assert message.processed_at is not None
    assert len(mail.outbox) == 1


def test_processing_a_message_twice_acts_once(tenant, user):
    with mock.patch.object(process_outbox_message, "apply_async"):
        _notify(tenant)
    message = OutboxMessage.objects.get()
    assert outbox.process(message_id=message.pk) is True
    assert outbox.process(message_id=message.pk) is False
    assert len(mail.outbox) == 1


def test_role_notification_reaches_only_that_role(tenant):
    from accounts.roles import CREDIT_MANAGER, FINANCE

    credit = member(tenant, [CREDIT_MANAGER])
    finance = member(tenant, [FINANCE])
    _notify(tenant, role=FINANCE)
    assert [m.to for m in mail.outbox] == [[finance.email]]
    assert notifications_for_user(user=finance, tenant=tenant).count() == 1
    assert notifications_for_user(user=credit, tenant=tenant).count() == 0


def test_outsider_sees_no_notification_of_the_tenant(tenant, user, client_of_outsider, client_of_user):
    _notify(tenant)
    assert "Limit decided" in client_of_user.get("/account/notifications/").content.decode()
    assert "Limit decided" not in client_of_outsider.get("/account/notifications/").content.decode()


@pytest.mark.unscoped  # a job notifies across tenants
def test_notify_many_sends_each_key_once_with_one_outbox_message(tenant, other_tenant, user, outsider,
                                                                 django_capture_on_commit_callbacks):
    specs = [notifications.NotificationSpec(tenant_id=t.pk, event="job.reminder", dedup_key=f"k:{n}",
                                            subject=f"Reminder {n}") for n, t in enumerate([tenant, tenant, other_tenant])]
    with django_capture_on_commit_callbacks(execute=True):
        first = notifications.notify_many(specs)
        again = notifications.notify_many(specs)
    assert [s.dedup_key for s in first] == ["k:0", "k:1", "k:2"] and again == []
    assert OutboxMessage.objects.filter(task_name="core.email_notifications").count() == 1
    assert sorted(m.subject for m in mail.outbox if m.to == [user.email]) == ["Reminder 0", "Reminder 1"]
    assert [m.subject for m in mail.outbox if m.to == [outsider.email]] == ["Reminder 2"]
