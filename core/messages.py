"""Messages stored as a code and parameters, rendered when read in the reader's language.

Notifications (core.notifications) and the claim calculation's notes store these instead of text. Each app
registers its messages in its `notices.py`, which core imports at start-up:
`register_message("limit.decided", gettext_lazy("Limit on %(buyer)s: %(kind)s, %(amount)s"))`.

Parameters are JSON: text and numbers as they are, and typed values rendered for the reader: money
(`money_param`, shown by core.formatting.format_money), dates (`date_param`, core.formatting.format_date),
and labels of the code's own choices (`label_param`, the English msgid translated when read).
"""

from dataclasses import dataclass, field
from datetime import date

from django.utils import translation
from django.utils.translation import gettext

from core.formatting import format_date, format_money
from core.money import money_json

# Rows written before messages had codes: their English text, kept as written (migration core 0006).
LEGACY = "legacy.text"
# What a person typed (a decision's note, a condition, an import's row error): shown as written.
TEXT = "text"

_MESSAGES: dict[str, object] = {}


def register_message(code: str, text) -> None:
    """`text` is a gettext_lazy string with %(name)s placeholders for the message's parameters."""
    _MESSAGES[code] = text


def registered_messages() -> dict[str, object]:
    return dict(_MESSAGES)


@dataclass(frozen=True)
class Message:
    code: str
    params: dict = field(default_factory=dict)

    def as_json(self) -> list:
        return [self.code, self.params]

    def render(self) -> str:
        return render_message(self.code, self.params)


def message(code: str, **params) -> Message:
    """A registered message with its parameters; an unknown code is a programming error, caught at once."""
    if code not in _MESSAGES and code not in (TEXT, LEGACY):
        raise KeyError(f"notification message {code!r} is not registered (see core.notifications)")
    return Message(code, params)


def text(value: str) -> Message:
    return Message(TEXT, {"text": str(value)})


def money_param(value, currency: str | None = None) -> dict:
    return {"money": money_json(value, currency)}


def date_param(value: date) -> dict:
    return {"date": value.isoformat()}


def label_param(label) -> dict:
    """A choice's label (gettext_lazy), stored as its English msgid and translated when read."""
    with translation.override(None):
        return {"label": str(label)}


def labels_param(labels) -> dict:
    with translation.override(None):
        return {"labels": [str(label) for label in labels]}


def _render_param(value):
    if isinstance(value, dict):
        if "money" in value:
            return format_money(value["money"])
        if "date" in value:
            return format_date(value["date"])
        if "label" in value:
            return gettext(value["label"])
        if "labels" in value:
            return "; ".join(gettext(label) for label in value["labels"])
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return value


def render_message(code: str, params: dict) -> str:
    """The message in the active language; a code no longer registered falls back to its stored text."""
    if code in (TEXT, LEGACY):
        return str(params.get("text", ""))
    template = _MESSAGES.get(code)
    if template is None:
        return str(params.get("text", code))
    return str(template) % {name: _render_param(value) for name, value in params.items()}
