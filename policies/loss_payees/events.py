"""What a financing bank is told, and the insured's notices of an assignment (codes, rendered when read)."""

from django.utils.translation import gettext_lazy as _

from core.messages import register_message

# The events on what the bank finances: limit decisions and reductions, overdues, claims (issue 10, item 7).
BANK_EVENT_PREFIXES = ("limit.", "overdue.", "claim.")


def told_to_bank(event: str) -> bool:
    return event.startswith(BANK_EVENT_PREFIXES)


register_message("loss_payee.assigned", _("From %(day)s the indemnity on %(scope)s (policy %(policy)s) is paid to "
                                          "%(bank)s"))
register_message("loss_payee.released", _("After %(day)s the indemnity on %(scope)s (policy %(policy)s) is no longer "
                                          "paid to %(bank)s"))
# The bank's e-mail: the event's name (its webhook label, translated) and what it is about.
register_message("loss_payee.bank_notice", _("%(event)s: %(buyer)s, policy %(policy)s of %(insured)s"))
register_message("loss_payee.bank_notice.body", _("You are loss payee of this cover. Event %(event_id)s of "
                                                  "%(day)s; its details reach your webhook receiver, if you "
                                                  "registered one, or the insured on request."))
