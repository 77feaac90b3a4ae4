"""Management and compensation: two concepts, one package each.

- `claims.overdues`: overdue notifications, their invoices, payments, extensions, cover stops.
- `claims.claims`: claims on an overdue, their documents, the indemnity, decisions and payment.

`claims.reminders` (the daily deadlines job) and `claims.tasks` serve both.
"""
