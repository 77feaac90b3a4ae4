"""One mapping from a service's refusal (DomainError) to what a user sees: form fields, rows, the API envelope."""

from django import forms

from core.api.errors import exception_handler
from core.exceptions import DomainError, row_field, split_field_path, split_row_field
from core.forms import show_domain_error


class PaymentForm(forms.Form):
    amount = forms.DecimalField()
    note = forms.CharField(required=False)


class RowForm(forms.Form):
    due_date = forms.DateField()


def bound(form_class=PaymentForm, **data):
    form = form_class(data)
    form.is_valid()
    return form


def test_a_message_on_a_field_the_form_has_is_shown_on_that_field():
    form = bound(amount="10")
    show_domain_error(form, DomainError("The payment is more than what is outstanding.", field="amount"))
    assert form.errors == {"amount": ["The payment is more than what is outstanding."]}


def test_a_message_on_no_field_or_an_unknown_field_is_shown_above_the_form():
    form = bound(amount="10")
    show_domain_error(form, DomainError("Unknown policy.", field="policy"))
    show_domain_error(form, DomainError("This overdue was already notified."))
    assert form.non_field_errors() == ["Unknown policy.", "This overdue was already notified."]


def test_field_keyed_messages_go_to_each_field_and_each_row():
    form, rows = bound(amount="10"), [bound(RowForm, due_date="2026-01-10"), bound(RowForm, due_date="2026-01-10")]
    error = DomainError("Invoice F-2: The due date is before the invoice date.", fields={
        "note": ["Too long."], row_field("invoices", 1, "due_date"): ["The due date is before the invoice date."],
    })
    show_domain_error(form, error, rows={"invoices": rows})
    assert form.errors == {"note": ["Too long."]}
    assert rows[0].errors == {} and rows[1].errors == {"due_date": ["The due date is before the invoice date."]}


def test_a_row_message_without_its_row_shows_the_summary_above_the_form():
    form = bound(amount="10")
    error = DomainError("Invoice F-2: The due date is before the invoice date.",
                        fields={"invoices[1].due_date": ["The due date is before the invoice date."]})
    show_domain_error(form, error)
    assert form.non_field_errors() == ["Invoice F-2: The due date is before the invoice date."]


def test_field_paths_name_a_list_a_position_and_a_field():
    assert split_field_path(row_field("invoices", 12, "due_date")) == ["invoices", 12, "due_date"]
    assert split_field_path("reference") == ["reference"]
    assert split_row_field("invoices[2].due_date") == ("invoices", 2, "due_date")
    assert split_row_field("reference") is None and split_row_field(None) is None


def test_a_domain_error_is_a_problem_with_its_field_as_a_pointer():
    body = exception_handler(DomainError("Unknown policy.", field="policy"), {}).data
    assert body == {"type": "/problems/invalid", "title": "Refused by a business rule", "status": 400,
                    "detail": "Unknown policy.", "instance": "", "code": "invalid",
                    "errors": [{"pointer": "/policy", "code": "invalid", "detail": "Unknown policy."}]}
    body = exception_handler(DomainError("Already notified.", code="invalid_state"), {}).data
    assert body["errors"] == [{"pointer": "", "code": "invalid_state", "detail": "Already notified."}]


def test_field_keyed_domain_errors_point_at_the_row_in_the_api_envelope():
    error = DomainError("Invoice F-2: The amount must be greater than zero.", code="validation_error", fields={
        "invoices[1].amount": ["The amount must be greater than zero."],
        "invoices[1].outstanding": ["The outstanding amount must be above zero and at most the invoice amount."],
        "reference": ["Too long."],
    })
    response = exception_handler(error, {})
    assert response.status_code == 400
    assert response.data["detail"] == "Invoice F-2: The amount must be greater than zero."
    assert [(e["pointer"], e["detail"]) for e in response.data["errors"]] == [
        ("/invoices/1/amount", "The amount must be greater than zero."),
        ("/invoices/1/outstanding", "The outstanding amount must be above zero and at most the invoice amount."),
        ("/reference", "Too long."),
    ]


def test_a_models_validation_error_becomes_a_domain_error_with_every_message_on_its_field():
    from django.core.exceptions import ValidationError

    error = DomainError.from_validation_error(ValidationError({
        "url": ["Use https.", "Use a public address."], "__all__": ["Something is off."],
    }))
    assert (error.message, error.field) == ("Use https.", "url")
    assert error.messages_by_field() == {"url": ["Use https.", "Use a public address."], None: ["Something is off."]}
    form = bound(amount="10")
    show_domain_error(form, error)
    assert form.non_field_errors() == ["Use https.", "Use a public address.", "Something is off."]
    body = exception_handler(error, {}).data
    assert [(e["pointer"], e["detail"]) for e in body["errors"]] == [
        ("/url", "Use https."), ("/url", "Use a public address."), ("", "Something is off.")]
    assert DomainError.from_validation_error(ValidationError("Plain.")).messages_by_field() == {None: ["Plain."]}


def test_a_list_filters_by_a_known_state_only():
    from django.test import RequestFactory

    from core.forms import state_filter

    states = ["pending", "in_force"]
    assert state_filter(RequestFactory().get("/", {"state": "pending"}), states) == "pending"
    assert state_filter(RequestFactory().get("/", {"state": "nonsense"}), states) is None
    assert state_filter(RequestFactory().get("/"), states) is None
