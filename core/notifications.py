"""In-app notifications to a tenant's users, also sent by e-mail through the outbox.

A notification stores message codes and their parameters, never their text: the subject and each line of the
body are rendered when read, in the reader's language (the page's language, or each e-mail recipient's
preference). Each app registers its messages in its `notices.py`, which core imports at start-up
(`register_message("limit.decided", gettext_lazy("Limit on %(buyer)s: %(kind)s, %(amount)s"))`).

Parameters are JSON: text and numbers as they are, and typed values rendered for the reader: money
(`money_param`, shown by core.formatting.format_money), dates (`date_param`), and labels of the code's own
choices (`label_param`, the English msgid translated when read).
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext

from core.formatting import format_date, format_money
from core.models import Notification
from core.money import money_json

# Rows written before messages had codes: their English text, kept as written (migration core 0006).
LEGACY = "legacy.text"
# What a person typed (a decision's note, a condition, an import's row error): shown as written.
TEXT = "text"

_MESSAGES: dict[str, object] = {}


def register_message(code: str, text) -> None:
    """`text` is a gettext_lazy string with %(name)s placeholders for the message's parameters."""
    _MESSAGES[code] = text


def registered_messages() -> dict[str, object]:
    return dict(_MESSAGES)


@dataclass(frozen=True)
class Message:
    code: str
    params: dict = field(default_factory=dict)

    def as_json(self) -> list:
        return [self.code, self.params]

    def render(self) -> str:
        return render_message(self.code, self.params)


def message(code: str, **params) -> Message:
    """A registered message with its parameters; an unknown code is a programming error, caught at once."""
    if code not in _MESSAGES and code not in (TEXT, LEGACY):
        raise KeyError(f"notification message {code!r} is not registered (see core.notifications)")
    return Message(code, params)


def text(value: str) -> Message:
    return Message(TEXT, {"text": str(value)})


def money_param(value, currency: str | None = None) -> dict:
    return {"money": money_json(value, currency)}


def date_param(value: date) -> dict:
    return {"date": value.isoformat()}


def label_param(label) -> dict:
    """A choice's label (gettext_lazy), stored as its English msgid and translated when read."""
    with translation.override(None):
        return {"label": str(label)}


def labels_param(labels) -> dict:
    with translation.override(None):
        return {"labels": [str(label) for label in labels]}


def _render_param(value):
    if isinstance(value, dict):
        if "money" in value:
            return format_money(value["money"])
        if "date" in value:
            return format_date(value["date"])
        if "label" in value:
            return gettext(value["label"])
        if "labels" in value:
            return "; ".join(gettext(label) for label in value["labels"])
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return value


def render_message(code: str, params: dict) -> str:
    """The message in the active language; a code no longer registered falls back to its stored text."""
    if code in (TEXT, LEGACY):
        return str(params.get("text", ""))
    template = _MESSAGES.get(code)
    if template is None:
        return str(params.get("text", code))
    return str(template) % {name: _render_param(value) for name, value in params.items()}


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


def mark_read(*, notification: Notification) -> None:
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
