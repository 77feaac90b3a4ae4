"""The recovery notifications' messages, by code (core.notifications renders them in the reader's language)."""

from django.utils.translation import gettext_lazy as _

from core.messages import register_message

register_message("recovery.recorded", _("Recovery of %(amount)s on claim %(ref)s"))
