"""The premium notifications' messages, by code (core.notifications renders them in the reader's language)."""

from django.utils.translation import gettext_lazy as _

from core.messages import register_message

register_message("premium.declaration_missing",
                 _("Turnover declaration missing: policy %(number)s, %(period)s"))
register_message("premium.settled", _("Premium of policy %(number)s settled: %(due)s due, of which %(adjustment)s "
                                      "raise it to the minimum premium"))
# Premium invoices (policies.premium.events).
register_message("premium.invoiced", _("Premium invoice on policy %(number)s: %(kind)s, %(amount)s due on %(due)s"))
register_message("premium.credited", _("Credit on policy %(number)s: %(kind)s, %(amount)s"))
register_message("premium.overdue", _("Premium of %(amount)s on policy %(number)s was due on %(due)s: unless it is "
                                      "paid, cover is suspended for shipments from %(suspension)s"))
register_message("premium.suspended", _("Cover under policy %(number)s is suspended for shipments from %(date)s: "
                                        "premium of %(amount)s unpaid. Cover resumes from the day it is paid."))
# Endorsements (policies.events).
register_message("policy.endorsed", _("The terms of policy %(number)s change for shipments from %(date)s"))
register_message("policy.endorsed_reason", _("Reason: %(reason)s"))
# A financing bank as loss payee (policies.loss_payees).
from policies.loss_payees import events as _loss_payee_events  # noqa: E402,F401

# Proposals and quotes (policies.proposals.events).
register_message("quote.offered", _("Your quote %(quote)s is ready: accept it by %(date)s"))
register_message("policy.issued", _("Policy %(number)s is issued, in force from %(date)s"))
# The policy's periods (policies.periods.events).
register_message("policy.renewal_offered", _("Renewal of policy %(number)s is offered for the period after "
                                             "%(end)s: accept it on the policy's page before then"))
register_message("policy.renewed", _("Policy %(number)s is renewed: the next period runs from %(start)s to %(end)s"))
register_message("policy.notice_non_renewal", _("Policy %(number)s will not be renewed: shipments from %(date)s "
                                                "are not covered"))
register_message("policy.notice_cancellation", _("Policy %(number)s is cancelled: shipments from %(date)s are not "
                                                 "covered; earlier shipments stay covered"))
register_message("policy.notice_reason", _("Reason: %(reason)s"))
