"""The automatic-decision matrix: the largest amount approved without an underwriter, per range of buyer grades.

Edited by underwriters in the admin and through the insurer API; both call these. The read cache of the matrix
(limits.services.requests.MATRIX) is cleared on every save (limits.apps, core.readcache).
"""

from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _
from moneyed import CURRENCIES

from buyers.models import GRADE_BEST, GRADE_INSOLVENT
from core.exceptions import DomainError
from limits.models import AutoDecisionRule


def _check(*, min_grade: int, max_grade: int, max_amount: Decimal, currency: str) -> None:
    for field, grade in (("min_grade", min_grade), ("max_grade", max_grade)):
        if isinstance(grade, bool) or not isinstance(grade, int) or not GRADE_BEST <= grade <= GRADE_INSOLVENT:
            raise DomainError(_("A buyer grade is a whole number from 1 (best) to 10 (insolvent)."), field=field)
    if min_grade > max_grade:
        raise DomainError(_("The lowest grade must not be above the highest."), field="max_grade")
    if max_amount < 0:
        raise DomainError(_("The amount must not be negative."), field="max_amount")
    if currency not in CURRENCIES:
        raise DomainError(_("Unknown currency code."), field="currency")


@transaction.atomic
def save_auto_decision_rule(*, rule: AutoDecisionRule | None = None, min_grade: int, max_grade: int,
                            max_amount: Decimal, currency: str, is_active: bool = True) -> AutoDecisionRule:
    """Create a rule of the matrix (`rule=None`) or change one. An amount of 0 refers every request of the grades."""
    _check(min_grade=min_grade, max_grade=max_grade, max_amount=max_amount, currency=currency)
    if rule is None:
        rule = AutoDecisionRule()
    else:
        rule = AutoDecisionRule.objects.select_for_update().get(pk=rule.pk)
    rule.min_grade, rule.max_grade, rule.max_amount = min_grade, max_grade, max_amount
    rule.currency, rule.is_active = currency, is_active
    rule.save()
    return rule
