"""The buyer alerts' messages, by code (core.messages renders them in the reader's language).

An alert's message is `buyer_alert.<AlertCode>`; its parameters are stored on the alert (buyers.monitoring).
"""

from django.utils.translation import gettext_lazy as _

from core.messages import register_message

for _code, _text in (
    ("buyer_alert.subject", _("%(n)d new alert(s) on your buyers")),
    ("buyer_alert.more", _("And %(n)d more: see the monitoring list.")),
    ("buyer_alert.grade_downgrade", _("%(buyer)s: grade downgraded from %(previous)s to %(grade)s on %(date)s.")),
    ("buyer_alert.overdue_reported", _("%(buyer)s: your overdue %(reference)s was notified on %(date)s.")),
    # Another insured's overdue: never whose, never how much.
    ("buyer_alert.adverse_information", _("%(buyer)s: the insurer has new adverse information on this buyer.")),
    ("buyer_alert.high_utilisation", _("%(buyer)s: %(share)s%% of the limit on policy %(policy)s is used "
                                       "(%(outstanding)s unpaid of %(limit)s).")),
    ("buyer_alert.payment_worsening", _("%(buyer)s: paying later, %(recent)s days beyond terms on average in the "
                                        "last 6 months against %(previous)s in the 6 months before.")),
    ("buyer_alert.limit_expiring", _("%(buyer)s: the limit on policy %(policy)s expires on %(date)s.")),
    ("buyer_alert.limit_under_review", _("%(buyer)s: the limit on policy %(policy)s is under review since %(date)s.")),
):
    register_message(_code, _text)
