import re

_PATH_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


class DomainError(Exception):
    """A business rule refused the operation; the message is for the user.

    `field` names the input the message is about, so forms and the API can
    attach it to the right field. `fields` does the same for several messages
    at once (all of an input's problems, not only the first), keyed by a path:
    `"reference"`, or `"invoices[2].due_date"` for a field of the third row of
    a list (see `row_field`); `message` then sums them up.
    """

    def __init__(self, message, *, field: str | None = None, code: str = "invalid",
                 fields: dict[str, list[str]] | None = None):
        super().__init__(message)
        self.message = message
        self.field = field
        self.code = code
        self.fields = fields or {}

    @classmethod
    def from_validation_error(cls, exc) -> "DomainError":
        """A model's `full_clean()` refusal as a domain error: every message on its field (`__all__`: none)."""
        if not hasattr(exc, "error_dict"):
            return cls(exc.messages[0])
        fields = {("" if name == "__all__" else name): list(messages) for name, messages in exc.message_dict.items()}
        first_field, first_messages = next(iter(fields.items()))
        return cls(first_messages[0], field=first_field or None, fields=fields)

    def messages_by_field(self) -> dict[str | None, list[str]]:
        """Each path with its messages; None for the operation as a whole."""
        if self.fields:
            return {path or None: list(messages) for path, messages in self.fields.items()}
        return {self.field: [self.message]}


def row_field(rows: str, index: int, field: str) -> str:
    """The path of `field` on row `index` (from 0) of the list `rows`: `invoices[2].due_date`."""
    return f"{rows}[{index}].{field}"


def split_row_field(path: str | None) -> tuple[str, int, str] | None:
    """`"invoices[2].due_date"` -> `("invoices", 2, "due_date")`; None for a path that names no row's field."""
    parts = split_field_path(path) if path else []
    if len(parts) == 3 and isinstance(parts[0], str) and isinstance(parts[1], int) and isinstance(parts[2], str):
        return parts[0], parts[1], parts[2]
    return None


def split_field_path(path: str) -> list[str | int]:
    """`"invoices[2].due_date"` -> `["invoices", 2, "due_date"]`; `"reference"` -> `["reference"]`."""
    return [int(index) if index else name for name, index in _PATH_PART.findall(path)]
