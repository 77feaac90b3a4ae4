"""Server-side SVG charts: plain strings, no JavaScript, nothing fetched from elsewhere.

Pure functions (rows in, SVG text out) so pages, e-mails and tests get the same
picture. Every text is XML-escaped: buyer names come from insureds.
"""

import html
import re
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

from core.formatting import format_money

WIDTH = 640
LABEL_WIDTH = 210
VALUE_WIDTH = 150
ROW_HEIGHT = 24
BAR_HEIGHT = 16
TOP = 8
BAR_COLOUR = "#0f5c8c"
TEXT_COLOUR = "#1d2733"
MAX_LABEL_CHARS = 30
# Characters XML 1.0 does not allow at all: stripped so the document always parses.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _text(value) -> str:
    return html.escape(_NOT_XML.sub("", str(value)), quote=True)


def _short(label: str) -> str:
    label = " ".join(str(label).split())
    return label if len(label) <= MAX_LABEL_CHARS else label[: MAX_LABEL_CHARS - 1] + "…"


def _coordinate(value: Decimal) -> str:
    return str(value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def exposure_bar_chart(rows: Sequence, *, title: str = "") -> str:
    """A horizontal bar chart of rows with `.label` and `.amount` (Money), largest first as given.

    All rows must be in one currency: bars of different currencies on one scale
    would compare amounts that were never converted.
    """
    currencies = {str(row.amount.currency) for row in rows}
    if len(currencies) > 1:
        raise ValueError(f"One chart per currency, got {', '.join(sorted(currencies))}")
    bar_area = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    height = TOP * 2 + ROW_HEIGHT * max(len(rows), 1)
    largest = max((row.amount.amount for row in rows), default=Decimal(0))
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="exposure-chart" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" style="max-width:100%;height:auto" role="img" aria-label="{_text(title)}" '
        f'font-family="system-ui, sans-serif" font-size="12">',
        f"<title>{_text(title)}</title>",
    ]
    for index, row in enumerate(rows):
        y = TOP + index * ROW_HEIGHT
        length = Decimal(bar_area) * row.amount.amount / largest if largest > 0 else Decimal(0)
        text_y = y + BAR_HEIGHT - 4
        value_x = Decimal(LABEL_WIDTH) + length + 4
        parts.append(
            f"<g><title>{_text(row.label)}: {_text(format_money(row.amount))}</title>"
            f'<text x="{LABEL_WIDTH - 6}" y="{text_y}" text-anchor="end" fill="{TEXT_COLOUR}">{_text(_short(row.label))}</text>'
            f'<rect x="{LABEL_WIDTH}" y="{y}" width="{_coordinate(length)}" height="{BAR_HEIGHT}" fill="{BAR_COLOUR}"/>'
            f'<text x="{_coordinate(value_x)}" y="{text_y}" fill="{TEXT_COLOUR}">{_text(format_money(row.amount))}</text></g>'
        )
    parts.append("</svg>")
    return "".join(parts)
