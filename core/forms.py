"""Forms' side of the domain: one way to show a service's refusal on a form (views and admin alike)."""

from collections.abc import Mapping, Sequence

from django import forms

from core.exceptions import DomainError, split_row_field


def show_domain_error(form: forms.Form, error: DomainError, *,
                      rows: Mapping[str, Sequence[forms.Form]] | None = None) -> None:
    """Put a service's refusal on the form: each message on the field it names when the form has that field,
    otherwise above the form.

    `rows` gives the forms of a list the service received row by row (e.g. `{"invoices": [form, ...]}`, in the
    order of the list), so `invoices[2].due_date` lands on the third row's due date. A row's message that finds
    no row is replaced by the error's summary above the form, which says which row it is about.
    """
    summary_needed = False
    for path, messages in error.messages_by_field().items():
        target, name = form, path
        if row := split_row_field(path):
            rows_name, index, name = row
            row_forms = (rows or {}).get(rows_name, ())
            if index >= len(row_forms):
                summary_needed = True
                continue
            target = row_forms[index]
        target.add_error(name if name in target.fields else None, messages)
    if summary_needed:
        form.add_error(None, error.message)


def state_filter(request, states) -> str | None:
    """The `?state=` of a list page when it names one of `states` (a TextChoices' values); an unknown or
    missing state filters nothing."""
    state = request.GET.get("state") or None
    return state if state in states else None



def preselect_only_choice(form: forms.Form, name: str) -> None:
    """An unbound form's choice field preselected when it offers exactly one row (a tenant with one policy
    should not have to choose it, and a request must not fail because nobody did). One query of two rows."""
    field = form.fields[name]
    if form.is_bound or form.initial.get(name) is not None:
        return
    only = list(field.queryset[:2])
    if len(only) == 1:
        form.initial[name] = only[0].pk
