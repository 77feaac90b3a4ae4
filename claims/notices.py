"""The overdue and claim notifications' messages, by code (core.notifications renders them in the reader's
language)."""

from django.utils.translation import gettext_lazy as _

from core.messages import register_message

for _code, _text in (
    ("overdue.notified", _("Overdue notified on %(buyer)s")),
    ("overdue.cover_stopped", _("No new shipment to this buyer is covered from %(date)s.")),
    ("overdue.notified_late", _("Notified late, not covered unless the insurer waives it: %(invoices)s.")),
    ("overdue.invoices_added", _("Invoices added to the overdue on %(buyer)s")),
    ("claim.state_changed", _("Claim %(ref)s on %(buyer)s: %(state)s")),
    ("claim.paid", _("Claim %(ref)s paid: %(amount)s")),
    ("claim.window_open", _("A claim on %(buyer)s can be filed")),
    ("claim.window_open.body", _("The waiting period ended on %(opens)s. File the claim by %(closes)s.")),
    ("claim.filing_deadline", _("File the claim on %(buyer)s by %(closes)s")),
    ("claim.filing_deadline.body", _("After %(closes)s a claim on this overdue is refused.")),
    ("overdue.notification_deadline", _("Notify the overdue on %(buyer)s by %(deadline)s")),
    ("overdue.notification_deadline.body", _("An invoice due on %(due)s is still unpaid. Notified after "
                                             "%(deadline)s, it is not covered unless the insurer waives the "
                                             "lateness.")),
    ("overdue.extension_ended", _("Shipments to %(buyer)s after %(end)s are not covered")),
    # The claim calculation's notes per invoice and its explanation (claims/claims/indemnity.py).
    ("indemnity.recovered", _("%(amount)s received before payment deducted")),
    ("indemnity.beyond_credit_period", _("payment terms beyond the maximum credit period of %(days)s days: "
                                         "not covered")),
    ("indemnity.notified_late", _("overdue notified late: not covered")),
    ("indemnity.no_cover", _("no cover in force on the shipment date")),
    # A buyer of a kind the terms on the shipment date exclude (policies.terms.PolicyTerms.buyer_exclusion).
    ("indemnity.excluded.related_company", _("a company related to the insured: not covered by the policy")),
    ("indemnity.excluded.private_individual", _("a private individual: not covered by the policy")),
    ("indemnity.excluded.public_buyer", _("a public buyer: not covered by the policy")),
    ("indemnity.capped_by_limit", _("capped at the %(amount)s of the limit still available")),
    ("indemnity.lateness_waived", _("late notification waived by the underwriter")),
    ("indemnity.covered_loss", _("Covered loss %(loss)s; indemnity before deductions %(gross)s.")),
    ("indemnity.non_qualifying_loss", _("Non-qualifying loss %(amount)s deducted.")),
    ("indemnity.first_loss", _("Aggregate first loss borne by the insured: %(amount)s (%(left)s left to bear in "
                               "this policy period).")),
    ("indemnity.liability_cap", _("Capped by the remaining maximum liability of %(amount)s.")),
    ("indemnity.total", _("Indemnity %(amount)s (rounded once, half up).")),
    ("overdue.extension_ended.body", _("Shipments to %(buyer)s after %(end)s are not covered; notify the overdue "
                                       "now.")),
):
    register_message(_code, _text)
