"""Server-side SVG charts: plain strings, no JavaScript (the CSP allows none inline), nothing fetched.

Pure functions (bars in, SVG text out). Each chart is an image with its title as its accessible name and a
`<desc>` that reads every bar ("label: value"), and every page shows the same figures in a table beside it.
Values arrive formatted (core.formatting): a chart never formats money itself. Every text is XML-escaped:
buyer names come from insureds.
"""

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

WIDTH = 640
LABEL_WIDTH = 210
VALUE_WIDTH = 150
ROW_HEIGHT = 24
BAR_HEIGHT = 16
TOP = 8
BAR_COLOUR = "#0f5c8c"
TRACK_COLOUR = "#d5e3ee"  # the whole of a utilisation bar (the limit) behind the part used
TEXT_COLOUR = "#1d2733"
MAX_LABEL_CHARS = 30
COLUMN_AREA_HEIGHT = 160
COLUMN_LABEL_HEIGHT = 36
# Characters XML 1.0 does not allow at all: stripped so the document always parses.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True)
class Bar:
    label: str
    value: Decimal  # the bar's length, on one scale with the chart's other bars
    text: str  # the value as a person reads it (format_money, format_number)
    whole: Decimal | None = None  # utilisation: the limit the value is a part of


def _text(value) -> str:
    return html.escape(_NOT_XML.sub("", str(value)), quote=True)


def _short(label: str) -> str:
    label = " ".join(str(label).split())
    return label if len(label) <= MAX_LABEL_CHARS else label[: MAX_LABEL_CHARS - 1] + "…"


def _coordinate(value: Decimal) -> str:
    return str(Decimal(value).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def _open(css_class: str, width: int, height: int, title: str, bars: Sequence[Bar]) -> list[str]:
    description = "; ".join(f"{bar.label}: {bar.text}" for bar in bars)
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="{css_class}" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" style="max-width:100%;height:auto" role="img" aria-label="{_text(title)}" '
        f'font-family="system-ui, sans-serif" font-size="12">',
        f"<title>{_text(title)}</title><desc>{_text(description)}</desc>",
    ]


def bar_chart(bars: Sequence[Bar], *, title: str = "", css_class: str = "bar-chart") -> str:
    """Horizontal bars in the order given (largest first, as a rule), on one scale.

    With `whole` set (utilisation) the scale is the largest whole and each bar's track shows its whole.
    """
    bar_area = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    height = TOP * 2 + ROW_HEIGHT * max(len(bars), 1)
    largest = max((max(bar.value, bar.whole or 0) for bar in bars), default=Decimal(0))
    parts = _open(css_class, WIDTH, height, title, bars)
    for index, bar in enumerate(bars):
        y = TOP + index * ROW_HEIGHT
        scale = Decimal(bar_area) / largest if largest > 0 else Decimal(0)
        length = scale * max(bar.value, Decimal(0))
        text_y = y + BAR_HEIGHT - 4
        end = max(length, scale * bar.whole) if bar.whole is not None else length
        track = (f'<rect x="{LABEL_WIDTH}" y="{y}" width="{_coordinate(scale * bar.whole)}" height="{BAR_HEIGHT}" '
                 f'fill="{TRACK_COLOUR}"/>' if bar.whole is not None else "")
        parts.append(
            f"<g><title>{_text(bar.label)}: {_text(bar.text)}</title>"
            f'<text x="{LABEL_WIDTH - 6}" y="{text_y}" text-anchor="end" fill="{TEXT_COLOUR}">{_text(_short(bar.label))}</text>'
            f'{track}<rect x="{LABEL_WIDTH}" y="{y}" width="{_coordinate(length)}" height="{BAR_HEIGHT}" fill="{BAR_COLOUR}"/>'
            f'<text x="{_coordinate(Decimal(LABEL_WIDTH) + end + 4)}" y="{text_y}" fill="{TEXT_COLOUR}">{_text(bar.text)}</text></g>'
        )
    parts.append("</svg>")
    return "".join(parts)


def column_chart(bars: Sequence[Bar], *, title: str = "", css_class: str = "column-chart") -> str:
    """Vertical columns left to right in the order given (months, periods), labels under them."""
    count = max(len(bars), 1)
    slot = Decimal(WIDTH) / count
    column = slot * Decimal("0.7")
    height = TOP * 2 + COLUMN_AREA_HEIGHT + COLUMN_LABEL_HEIGHT
    largest = max((bar.value for bar in bars), default=Decimal(0))
    base = TOP + COLUMN_AREA_HEIGHT
    parts = _open(css_class, WIDTH, height, title, bars)
    for index, bar in enumerate(bars):
        size = Decimal(COLUMN_AREA_HEIGHT - 14) * max(bar.value, Decimal(0)) / largest if largest > 0 else Decimal(0)
        x = slot * index + (slot - column) / 2
        centre = slot * index + slot / 2
        parts.append(
            f"<g><title>{_text(bar.label)}: {_text(bar.text)}</title>"
            f'<rect x="{_coordinate(x)}" y="{_coordinate(base - size)}" width="{_coordinate(column)}" '
            f'height="{_coordinate(size)}" fill="{BAR_COLOUR}"/>'
            f'<text x="{_coordinate(centre)}" y="{base + 14}" text-anchor="middle" fill="{TEXT_COLOUR}">'
            f"{_text(_short(bar.label))}</text></g>"
        )
    parts.append("</svg>")
    return "".join(parts)
