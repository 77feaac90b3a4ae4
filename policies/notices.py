"""The premium notifications' messages, by code (core.notifications renders them in the reader's language)."""

from django.utils.translation import gettext_lazy as _

from core.messages import register_message

register_message("premium.declaration_missing",
                 _("Turnover declaration missing: policy %(number)s, %(period)s"))
register_message("premium.settled", _("Premium of policy %(number)s settled: %(due)s due, of which %(adjustment)s "
                                      "raise it to the minimum premium"))
