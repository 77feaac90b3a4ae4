"""The limit notifications' messages, by code (core.notifications renders them in the reader's language)."""

from django.utils.translation import gettext_lazy as _

from core.messages import register_message

for _code, _text in (
    ("limit.decided", _("Limit on %(buyer)s: %(kind)s, %(amount)s")),
    ("limit.effective_from", _("Effective from %(date)s.")),
    ("limit.reasons", _("Reasons: %(reasons)s.")),
    ("limit.conditions", _("Conditions: %(conditions)s")),
    ("limit.expired", _("%(n)d credit limit(s) expired")),
    ("limit.under_review", _("%(n)d credit limit(s) under review")),
    ("limit.review_line", _("- %(buyer)s (%(policy)s): %(amount)s")),
    ("limits.csv_import.nothing_created", _("Import of %(file)s: nothing was created; rows with errors: %(errors)d")),
    ("limits.csv_import.created", _("Import of %(file)s: requests created: %(created)d; rows with errors: %(errors)d")),
    ("limits.csv_import.counts", _("Rows in the file: %(rows)d. Decided at once: %(decided)d. Waiting for an "
                                   "underwriter: %(referred)d.")),
    ("limits.csv_import.row_error", _("Line %(line)s, %(column)s: %(message)s")),
    ("limits.csv_import.more_errors", _("And %(count)d more problems: correct the file and upload it again.")),
):
    register_message(_code, _text)
