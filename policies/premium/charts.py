"""The premium page's chart: premium declared per period (month or quarter), drawn by core.charts.

The page's table of declarations is the chart's text alternative; the chart reads the position already
computed for it (policies.premium.selectors.premium_position), so it costs no query.
"""

from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from core.charts import Bar, column_chart
from core.formatting import format_money


def premium_by_period_chart(position) -> str:
    bars = [Bar(line.period.label, line.premium, format_money(line.premium_money)) for line in position.periods]
    # core.charts escapes every text it draws.
    return mark_safe(column_chart(bars, title=_("Premium declared per period in %(currency)s")  # noqa: S308
                                  % {"currency": position.currency}, css_class="premium-chart"))
