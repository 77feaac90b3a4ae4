"""The exposure chart of the insured's limits: rows of limits.exposure drawn by core.charts (pure)."""

from collections.abc import Sequence

from core.charts import Bar, bar_chart
from core.formatting import format_money


def exposure_bar_chart(rows: Sequence, *, title: str = "") -> str:
    """A horizontal bar chart of rows with `.label` and `.amount` (Money), largest first as given.

    All rows must be in one currency: bars of different currencies on one scale
    would compare amounts that were never converted.
    """
    currencies = {str(row.amount.currency) for row in rows}
    if len(currencies) > 1:
        raise ValueError(f"One chart per currency, got {', '.join(sorted(currencies))}")
    return bar_chart([Bar(row.label, row.amount.amount, format_money(row.amount)) for row in rows], title=title,
                     css_class="exposure-chart")
