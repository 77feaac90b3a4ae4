"""Template filters from core.formatting: every template shows money, numbers and dates through these."""

from django import template

from core import formatting

register = template.Library()


@register.filter
def money(value, currency=None):
    """{{ limit.amount|money }} for Money or {"amount", "currency"}; {{ claim.paid_amount|money:claim.currency }}."""
    return formatting.format_money(value, currency=currency or None)


@register.filter
def number(value):
    return formatting.format_number(value)
