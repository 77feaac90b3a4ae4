"""Notifications store message codes and parameters instead of English text (issue 9 item 3).

Known English subjects are mapped to their codes and parameters, so they read in each reader's language;
so are the known lines of their bodies; every text not recognised is kept as legacy text, shown as written.
"""

import re
from decimal import Decimal, InvalidOperation

from django.db import migrations, models

LEGACY = "legacy.text"
_DATE = r"\d{4}-\d{2}-\d{2}"
# (code, pattern of the English subject as written before, how each named group becomes a parameter)
_SUBJECTS = [
    ("overdue.notified", r"Overdue notified on (?P<buyer>.+)", {}),
    ("overdue.invoices_added", r"Invoices added to the overdue on (?P<buyer>.+)", {}),
    ("claim.window_open", r"A claim on (?P<buyer>.+) can be filed", {}),
    ("claim.filing_deadline", rf"File the claim on (?P<buyer>.+) by (?P<closes>{_DATE})", {"closes": "date"}),
    ("overdue.notification_deadline", rf"Notify the overdue on (?P<buyer>.+) by (?P<deadline>{_DATE})",
     {"deadline": "date"}),
    ("overdue.extension_ended", rf"Shipments to (?P<buyer>.+) after (?P<end>{_DATE}) are not covered",
     {"end": "date"}),
    ("premium.declaration_missing", r"Turnover declaration missing: policy (?P<number>\S+), (?P<period>\S+)", {}),
    ("claim.paid", r"Claim (?P<ref>.+) paid: (?P<amount>[\d,]+(?:\.\d+)?) (?P<cur>[A-Z]{3})", {"amount": "money"}),
    ("recovery.recorded", r"Recovery of (?P<amount>[\d,]+(?:\.\d+)?) (?P<cur>[A-Z]{3}) on claim (?P<ref>.+)",
     {"amount": "money"}),
    ("limit.expired", r"(?P<n>\d+) credit limit\(s\) expired", {"n": "int"}),
    ("limit.under_review", r"(?P<n>\d+) credit limit\(s\) under review", {"n": "int"}),
]
# The same for the lines of a body.
_LINES = [
    ("overdue.cover_stopped", rf"No new shipment to this buyer is covered from (?P<date>{_DATE})\.", {"date": "date"}),
    ("overdue.notified_late", r"Notified late, not covered unless the insurer waives it: (?P<invoices>.+)\.", {}),
    ("limit.effective_from", rf"Effective from (?P<date>{_DATE})\.", {"date": "date"}),
    ("claim.window_open.body", rf"The waiting period ended on (?P<opens>{_DATE})\. File the claim by "
                               rf"(?P<closes>{_DATE})\.", {"opens": "date", "closes": "date"}),
    ("claim.filing_deadline.body", rf"After (?P<closes>{_DATE}) a claim on this overdue is refused\.",
     {"closes": "date"}),
]


def _params(match, kinds: dict) -> dict | None:
    values = match.groupdict()
    currency = values.pop("cur", None)
    params = {}
    for name, value in values.items():
        kind = kinds.get(name)
        if kind == "date":
            params[name] = {"date": value}
        elif kind == "int":
            params[name] = int(value)
        elif kind == "money":
            try:
                amount = Decimal(value.replace(",", ""))
            except InvalidOperation:
                return None
            params[name] = {"money": {"amount": format(amount, "f"), "currency": currency}}
        else:
            params[name] = value
    return params


def subject_to_code(subject: str, patterns=_SUBJECTS) -> tuple[str, dict]:
    for code, pattern, kinds in patterns:
        match = re.fullmatch(pattern, subject)
        if match:
            params = _params(match, kinds)
            if params is not None:
                return code, params
    return LEGACY, {"text": subject}


def line_to_code(line: str) -> tuple[str, dict]:
    return subject_to_code(line, _LINES)


def forwards(apps, schema_editor):
    Notification = apps.get_model("core", "Notification")
    for row in Notification.objects.all().only("pk", "subject", "body").iterator(chunk_size=2000):
        code, params = subject_to_code(row.subject)
        # A body line that repeats the subject (limit decisions, imports) becomes the subject's code too.
        lines = [[code, params] if line == row.subject else list(line_to_code(line))
                 for line in row.body.splitlines() if line.strip()]
        Notification.objects.filter(pk=row.pk).update(code=code, params=params, lines=lines)


def backwards(apps, schema_editor):
    Notification = apps.get_model("core", "Notification")
    for row in Notification.objects.all().iterator(chunk_size=2000):
        # English text for a downgrade: legacy rows as written, coded rows by their code.
        subject = row.params.get("text", row.code) if row.code == LEGACY else row.code
        body = "\n".join(str(params.get("text", code)) for code, params in row.lines)
        Notification.objects.filter(pk=row.pk).update(subject=subject[:200], body=body)


class Migration(migrations.Migration):
    dependencies = [("core", "0004_idempotency_in_progress")]

    operations = [
        migrations.AddField("notification", "code", models.CharField(default=LEGACY, max_length=80),
                            preserve_default=False),
        migrations.AddField("notification", "params", models.JSONField(blank=True, default=dict)),
        migrations.AddField("notification", "lines", models.JSONField(blank=True, default=list)),
        migrations.RunPython(forwards, backwards),
        # Defaults first, so that undoing the removal can add the columns back to existing rows.
        migrations.AlterField("notification", "subject", models.CharField(default="", max_length=200)),
        migrations.AlterField("notification", "body", models.TextField(blank=True, default="")),
        migrations.RemoveField("notification", "subject"),
        migrations.RemoveField("notification", "body"),
    ]
