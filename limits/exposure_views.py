"""The underwriters' exposure page (/admin/exposure/): top groups by buyer, country or sector."""

from django import forms
from django.contrib import admin
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache

from core.dates import BoundedDateFormField
from core.formatting import format_date
from core.replica import reading_replica
from limits.charts import exposure_bar_chart
from limits.exposure import BUYER, COUNTRY, SECTOR, insurer_exposure

TOP = 20
TABS = [(BUYER, gettext_lazy("By buyer")), (COUNTRY, gettext_lazy("By country")), (SECTOR, gettext_lazy("By sector"))]


class ExposureFilterForm(forms.Form):
    by = forms.ChoiceField(choices=TABS, required=False, widget=forms.HiddenInput)
    on = BoundedDateFormField(
        label=gettext_lazy("Exchange rates of"), required=False, widget=forms.DateInput(attrs={"type": "date"}),
        help_text=gettext_lazy("Amounts are converted with the latest rate recorded on or before this date."),
    )


@never_cache
@staff_member_required
def insurer_exposure_view(request):
    """Insurer staff only; the admin middleware runs it unscoped, across every insured."""
    if not request.user.has_perm("limits.view_creditlimit"):
        raise PermissionDenied
    form = ExposureFilterForm(request.GET or None)
    by, on = BUYER, timezone.localdate()
    if form.is_bound:
        form.is_valid()  # a wrong date is shown on the form; the valid fields still apply
        by = form.cleaned_data.get("by") or BUYER
        on = form.cleaned_data.get("on") or on
    with reading_replica():  # a report: nothing on this page was just written (core.replica)
        exposure = insurer_exposure(by=by, on=on, limit=TOP)
    chart_titles = {
        BUYER: _("Exposure by buyer on %(date)s, in %(currency)s"),
        COUNTRY: _("Exposure by country on %(date)s, in %(currency)s"),
        SECTOR: _("Exposure by sector on %(date)s, in %(currency)s"),
    }
    chart_title = chart_titles[by] % {"date": format_date(on), "currency": exposure.currency}
    context = {
        **admin.site.each_context(request),
        "title": _("Insurer exposure"),
        "form": form,
        "by": by,
        "on": on,
        "tabs": TABS,
        "exposure": exposure,
        "top": TOP,
        # The chart escapes every text it draws (limits.charts).
        "chart": mark_safe(exposure_bar_chart(exposure.rows, title=chart_title)) if exposure.rows else "",
    }
    return TemplateResponse(request, "limits/exposure_admin.html", context)
