"""Time what rendering at read time costs: notifications stored as codes and parameters, written in the reader's
language when read (a page of them) and when e-mailed (one message per recipients' language).

    .venv/bin/python bench/bench_notifications.py                  # 2,000 notifications, a throwaway database
    .venv/bin/python bench/bench_notifications.py --notifications 20000
    .venv/bin/python bench/bench_notifications.py --configured-db  # DATABASE_URL, migrated, rolled back

Prints seconds and queries for: rendering every subject and body in each language, one page of 50 as the
notifications page reads them, and e-mailing 200 to three users speaking English, Spanish and Chinese.
"""

import argparse
from datetime import date
from decimal import Decimal

from _common import RollBack, timed, with_database  # noqa: E402  (sets sys.path and settings)


def build(*, notifications: int):
    from django.contrib.auth import get_user_model

    from accounts.models import Membership, Tenant
    from core.models import Notification
    from core.notifications import date_param, label_param, labels_param, message, money_param, text
    from limits.models import LimitDecision, ReasonCode

    tenant = Tenant.objects.create(legal_name="Bench Exporter", country="ES", registration_number="BENCH-NOTIF")
    for n, language in enumerate(["en", "es", "zh-hans"]):
        user = get_user_model().objects.create(username=f"bench-notif-{n}", email=f"bench{n}@example.com")
        Membership.objects.create(user=user, tenant=tenant, language=language)
    rows = []
    for n in range(notifications):
        subject = message("limit.decided", buyer=f"Buyer {n}", kind=label_param(LimitDecision.Kind.PARTIALLY_APPROVED.label),
                          amount=money_param(Decimal(45_000 + n), "EUR"))
        lines = [subject, message("limit.effective_from", date=date_param(date(2026, 3, 1))),
                 message("limit.reasons", reasons=labels_param([ReasonCode.BUYER_GRADE.label])),
                 text("Weak 2025 accounts.")]
        rows.append(Notification(tenant=tenant, event="limit.partially_approved", dedup_key=f"bench:{n}",
                                 code=subject.code, params=subject.params, lines=[m.as_json() for m in lines]))
    Notification.objects.bulk_create(rows, batch_size=1000)
    return tenant


def run(args):
    from django.core import mail
    from django.db import transaction
    from django.utils import translation
    from django_scopes import scopes_disabled

    from core.models import Notification
    from core.notifications import send_email

    mail.outbox = []
    from django.conf import settings

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    try:
        with transaction.atomic(), scopes_disabled():
            tenant = build(notifications=args.notifications)
            for language in ("en", "es", "zh-hans"):
                with translation.override(language):
                    timed(f"render {args.notifications} subjects+bodies ({language})",
                          lambda: [(n.subject, n.body) for n in Notification.objects.filter(tenant=tenant)])
                    timed(f"one page of 50 ({language})",
                          lambda: [(n.subject, n.body) for n in Notification.objects.filter(tenant=tenant)[:50]])
            ids = list(Notification.objects.filter(tenant=tenant).values_list("pk", flat=True)[:200])
            timed("e-mail 200 to 3 users in 3 languages", lambda: [send_email(notification_id=pk) for pk in ids])
            print(f"e-mails sent: {len(mail.outbox)}")
            raise RollBack
    except RollBack:
        pass


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--notifications", type=int, default=2000)
    parser.add_argument("--configured-db", action="store_true")
    arguments = parser.parse_args()
    with_database(lambda: run(arguments), configured_db=arguments.configured_db)
