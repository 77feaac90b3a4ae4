"""Underwriters' screens on financial statements: a list, a form per statement, a CSV upload, an inline on the buyer.

Every write goes through buyers.financials.services (the form shows its refusals on their fields).
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history.admin import SimpleHistoryAdmin

from buyers.financials.csv_import import KNOWN_COLUMNS, import_financial_statements_csv
from buyers.financials.models import AMOUNTS, FinancialStatement
from buyers.financials.services import record_financial_statement, statement_errors


class FinancialStatementForm(forms.ModelForm):
    class Meta:
        model = FinancialStatement
        fields = ("buyer", "year", "currency", *AMOUNTS)

    def clean(self):
        data = super().clean()
        amounts = {name: data.get(name) for name in AMOUNTS}
        for field, message in statement_errors(year=data.get("year"), currency=(data.get("currency") or "").upper(),
                                               amounts=amounts).items():
            if field not in self.errors:
                self.add_error(field, message)
        return data


class StatementUploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("CSV file"))


@admin.register(FinancialStatement)
class FinancialStatementAdmin(SimpleHistoryAdmin):
    form = FinancialStatementForm
    list_display = ("buyer", "year", "currency", "revenue", "equity", "total_assets", "net_income", "source")
    list_filter = ("year", "source", "currency")
    list_select_related = ("buyer",)
    search_fields = ("buyer__legal_name", "buyer__registration_number", "buyer__vat_number")
    autocomplete_fields = ("buyer",)
    change_list_template = "admin/buyers/financialstatement/change_list.html"

    def has_delete_permission(self, request, obj=None):
        return False  # a statement is corrected, not removed: the history keeps every figure

    def save_model(self, request, obj, form, change):
        saved = record_financial_statement(
            buyer=form.cleaned_data["buyer"], year=form.cleaned_data["year"],
            currency=form.cleaned_data["currency"], recorded_by=request.user,
            **{name: form.cleaned_data[name] for name in AMOUNTS},
        )
        obj.pk = saved.pk

    def get_urls(self):
        upload = path("import-csv/", self.admin_site.admin_view(self.import_csv_view),
                      name="buyers_financialstatement_import")
        return [upload, *super().get_urls()]

    def import_csv_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = StatementUploadForm(request.POST or None, request.FILES or None)
        result = None
        if request.method == "POST" and form.is_valid():
            result = import_financial_statements_csv(file=form.cleaned_data["file"], recorded_by=request.user)
            if not result.errors:
                self.message_user(request, _("%(n)d financial statement(s) recorded.") % {"n": result.recorded},
                                  messages.SUCCESS)
                return HttpResponseRedirect(reverse("admin:buyers_financialstatement_changelist"))
        context = {
            **self.admin_site.each_context(request), "opts": self.model._meta, "title": _("Import financial statements"),
            "form": form, "result": result, "columns": ", ".join(KNOWN_COLUMNS),
        }
        return TemplateResponse(request, "admin/buyers/financialstatement/import.html", context,
                                status=400 if result and result.errors else 200)


def statements_table(buyer) -> str:
    """The buyer's statements at a glance, for its change page (a table, not an inline: an inline's formset
    would have to be posted with every edit of the buyer's identity)."""
    from django.utils.html import format_html, format_html_join

    rows = FinancialStatement.objects.filter(buyer=buyer).order_by("-year") if buyer and buyer.pk else []
    if not rows:
        return _("No financial statement recorded.")
    head = format_html_join("", "<th>{}</th>", ((FinancialStatement._meta.get_field(f).verbose_name,)
                                                 for f in ("year", "currency", *AMOUNTS)))
    body = format_html_join("", "<tr>{}</tr>", (
        (format_html_join("", "<td>{}</td>", ((getattr(row, f),) for f in ("year", "currency", *AMOUNTS))),)
        for row in rows))
    return format_html("<table><thead><tr>{}</tr></thead><tbody>{}</tbody></table>", head, body)
