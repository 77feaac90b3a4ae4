"""In-app notifications to a tenant's users, also sent by e-mail through the outbox.

A notification stores message codes and their parameters (core.messages), never their text: the subject and
each line of the body are rendered when read, in the reader's language (the page's language, or each e-mail
recipient's preference).
"""

from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from core.messages import (  # noqa: F401  (re-exported: what a caller of notify() needs)
    LEGACY,
    TEXT,
    Message,
    date_param,
    label_param,
    labels_param,
    message,
    money_param,
    register_message,
    render_message,
    text,
)
from core.models import Notification, NotificationRead
from core.selectors import notifications_for_user


def _as_message(value) -> Message:
    # Plain strings (a caller not converted yet) are kept as written rather than refused.
    return value if isinstance(value, Message) else text(value)


def _body_json(body) -> list:
    if isinstance(body, str | Message):
        body = [body] if body else []
    return [_as_message(line).as_json() for line in body]


def notify(
    *,
    tenant,
    event: str,
    dedup_key: str,
    subject: Message,
    body: list[Message] | tuple = (),
    link: str = "",
    recipient=None,
    role: str = "",
) -> tuple[Notification, bool]:
    """Create the notification once per (tenant, dedup_key); e-mail it after commit.

    Jobs call this on every run: the dedup key makes a second run a no-op.
    """
    return _notify(tenant_id=tenant.pk, event=event, dedup_key=dedup_key, subject=subject, body=body, link=link,
                   recipient=recipient, role=role)


def _row_values(subject, body) -> dict:
    subject = _as_message(subject)
    return {"code": subject.code, "params": subject.params, "lines": _body_json(body)}


@transaction.atomic
def _notify(*, tenant_id: int, event: str, dedup_key: str, subject, body=(), link: str = "",
            recipient=None, role: str = "") -> tuple[Notification, bool]:
    from core import outbox

    notification, created = Notification.objects.get_or_create(
        tenant_id=tenant_id,
        dedup_key=dedup_key,
        defaults={"event": event, "link": link, "recipient": recipient, "role": role, **_row_values(subject, body)},
    )
    if created:
        outbox.enqueue(task_name="core.email_notification", payload={"notification_id": notification.pk})
    return notification, created


@dataclass(frozen=True)
class NotificationSpec:
    tenant_id: int
    event: str
    dedup_key: str
    subject: Message
    body: tuple = ()
    link: str = ""
    role: str = ""


def notify_many(specs: list[NotificationSpec]) -> list[NotificationSpec]:
    """`notify` for a job's batch: one query to skip what was sent, one insert, one outbox message.

    Returns the specs that were new. A second run with the same keys returns [].
    """
    from core import outbox

    if not specs:
        return []
    keys = {spec.dedup_key for spec in specs}
    sent = set(Notification.objects.filter(dedup_key__in=keys).values_list("tenant_id", "dedup_key"))
    new, seen = [], set()
    for spec in specs:
        key = (spec.tenant_id, spec.dedup_key)
        if key not in sent and key not in seen:
            seen.add(key)
            new.append(spec)
    if not new:
        return []
    try:
        with transaction.atomic():
            rows = Notification.objects.bulk_create([
                Notification(tenant_id=s.tenant_id, event=s.event, dedup_key=s.dedup_key, link=s.link, role=s.role,
                             **_row_values(s.subject, s.body)) for s in new])
    except IntegrityError:
        # Another run got there first for some keys: fall back to one by one, which skips those.
        return [s for s in new if _notify(tenant_id=s.tenant_id, event=s.event, dedup_key=s.dedup_key,
                                         subject=s.subject, body=s.body, link=s.link, role=s.role)[1]]
    ids = [row.pk for row in rows if row.pk is not None]
    if len(ids) != len(rows):  # a backend that returns no ids on bulk insert
        ids = list(Notification.objects.filter(dedup_key__in=[s.dedup_key for s in new], emailed_at__isnull=True)
                   .values_list("pk", flat=True))
    outbox.enqueue(task_name="core.email_notifications", payload={"notification_ids": ids})
    return new


def _recipients(notification: Notification):
    if notification.recipient_id:
        users = get_user_model().objects.filter(pk=notification.recipient_id)
    else:
        users = get_user_model().objects.filter(membership__tenant_id=notification.tenant_id)
        if notification.role:
            users = users.filter(groups__name=notification.role)
    return users.filter(is_active=True).exclude(email="")


def recipient_emails(notification: Notification) -> list[str]:
    return sorted(set(_recipients(notification).values_list("email", flat=True)))


def recipients_by_language(notification: Notification) -> dict[str, list[str]]:
    """Each recipient's e-mail under their language: their own choice, else their tenant's default language,
    else the site's (insurer staff have no membership)."""
    by_language: dict[str, set[str]] = defaultdict(set)
    rows = _recipients(notification).values_list("email", "membership__language", "membership__tenant__language")
    for email, own, tenants in rows:
        by_language[own or tenants or settings.LANGUAGE_CODE].add(email)
    return {language: sorted(emails) for language, emails in sorted(by_language.items())}


def send_email(*, notification_id: int) -> bool:
    """Send the e-mail once, one message per recipients' language; a second call finds `emailed_at` set."""
    with transaction.atomic():
        notification = Notification.objects.select_for_update().filter(pk=notification_id).first()
        if notification is None or notification.emailed_at is not None:
            return False
        for language, emails in recipients_by_language(notification).items():
            with translation.override(language):
                subject = notification.subject
                send_mail(subject, notification.body or subject, None, emails)
        notification.emailed_at = timezone.now()
        notification.save(update_fields=["emailed_at"])
    return True


def mark_read(*, notification: Notification, user) -> None:
    """`user` has read `notification` (once: reading it again changes nothing)."""
    NotificationRead.objects.bulk_create(
        [NotificationRead(tenant_id=notification.tenant_id, notification=notification, user=user)],
        ignore_conflicts=True)


@transaction.atomic
def mark_all_read(*, user, tenant) -> int:
    """Every notification `user` can see is read by them; returns how many were unread."""
    unread = list(notifications_for_user(user=user, tenant=tenant).filter(is_read=False).values_list("pk", flat=True))
    NotificationRead.objects.bulk_create(
        [NotificationRead(tenant_id=tenant.pk, notification_id=pk, user=user) for pk in unread],
        batch_size=500, ignore_conflicts=True)
    return len(unread)
