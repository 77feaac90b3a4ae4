"""Underwriters' screens: the queue of pending requests, decisions, reductions, the matrix."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from moneyed import Money
from simple_history.admin import SimpleHistoryAdmin

from core import work_queues
from core.admin import money_column
from core.exceptions import DomainError
from core.forms import show_domain_error
from limits import services
from limits.admin_forms import ChangeForm, DecideForm
from limits.models import AutoDecisionRule, CoverStop, CreditLimit, LimitDecision, ReasonCode
from limits.scorecard.admin import ScorecardAdmin  # noqa: F401 - registers the scorecard's screens
from limits.scorecard.inputs import suggestion_for
from limits.selectors import underwriting_queues
from policies.models import Policy


class LimitDecisionInline(admin.TabularInline):
    model = LimitDecision
    extra = 0
    can_delete = False
    fields = ("created_at", "kind", "amount", "currency", "effective_date", "changes_cover", "reason_codes", "note",
              "automatic", "scorecard", "decided_by")
    readonly_fields = fields
    ordering = ("created_at", "pk")

    def has_add_permission(self, request, obj=None):
        return False  # decisions are append-only, made through the decision screens


class CurrencyFilter(admin.SimpleListFilter):
    """The currencies of the policies (a limit's is its policy's): a few rows read, not a DISTINCT over every
    limit, which the default filter of a plain field runs on each changelist page."""

    title = gettext_lazy("currency")
    parameter_name = "currency__exact"

    def lookups(self, request, model_admin):
        currencies = Policy.objects.order_by("currency").values_list("currency", flat=True).distinct()
        return [(currency, currency) for currency in currencies]

    def queryset(self, request, queryset):
        return queryset.filter(currency=self.value()) if self.value() else queryset


@admin.register(CreditLimit)
class CreditLimitAdmin(SimpleHistoryAdmin):
    list_display = ("__str__", "tenant", "buyer_link", "buyer_grade", "policy", "state",
                    money_column(CreditLimit, "requested_amount"), money_column(CreditLimit, "decided_amount"),
                    "under_review", "created_at", "action_link")
    list_filter = ("state", "under_review", "is_discretionary", CurrencyFilter, "buyer__country")
    list_select_related = ("tenant", "buyer", "policy")
    # At 100,000 limits a second COUNT of the whole table per page is not worth "N of M" in the header; the
    # page is read newest first from limit_newest_idx.
    show_full_result_count = False
    # Fifty rows a page, as the insured's lists: rendering a row's cells (links, money in the reader's locale)
    # is most of the page once the query reads the index.
    list_per_page = 50
    search_fields = ("reference", "buyer__legal_name", "buyer__registration_number", "tenant__legal_name", "policy__number")
    readonly_fields = [f.name for f in CreditLimit._meta.fields]
    inlines = [LimitDecisionInline]
    ordering = ("-created_at",)

    def has_add_permission(self, request):
        return False  # insureds request limits; underwriters decide them

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("Buyer"), ordering="buyer__legal_name")
    def buyer_link(self, obj):
        return format_html('<a href="{}">{}</a>', reverse("admin:buyers_buyer_change", args=[obj.buyer_id]), obj.buyer)

    @admin.display(description=_("Grade"), ordering="buyer__grade")
    def buyer_grade(self, obj):
        return obj.buyer.grade

    @admin.display(description="")
    def action_link(self, obj):
        if obj.state == CreditLimit.State.PENDING:
            return format_html('<a class="button" href="{}">{}</a>', reverse("admin:limits_decide", args=[obj.pk]), _("Decide"))
        if obj.state == CreditLimit.State.IN_FORCE:
            return format_html('<a class="button" href="{}">{}</a>', reverse("admin:limits_change_limit", args=[obj.pk]),
                               _("Reduce / withdraw / review"))
        return ""

    def get_urls(self):
        return [
            path("queue/", self.admin_site.admin_view(self.queue_view), name="limits_queue"),
            path("<int:pk>/decide/", self.admin_site.admin_view(self.decide_view), name="limits_decide"),
            path("<int:pk>/change-limit/", self.admin_site.admin_view(self.change_limit_view), name="limits_change_limit"),
            *super().get_urls(),
        ]

    def _require_decider(self, request):
        if not request.user.has_perm("limits.decide_limit"):
            raise PermissionDenied

    def _context(self, request, limit, form, title):
        from limits.exposure import buyer_exposure_total, country_exposure_total

        today = timezone.localdate()
        tenant_history = (
            CreditLimit.objects.filter(tenant_id=limit.tenant_id)
            .exclude(pk=limit.pk)
            .select_related("buyer", "policy")
            .order_by("-created_at")[:10]
        )
        return {
            **self.admin_site.each_context(request),
            "title": title,
            "limit": limit,
            "form": form,
            "opts": self.model._meta,
            "buyer_exposure": buyer_exposure_total(buyer_id=limit.buyer_id, on=today),
            "country_exposure": country_exposure_total(country=limit.buyer.country.code, on=today),
            "tenant_history": tenant_history,
            "decisions": limit.decisions.order_by("created_at", "pk"),
            "scoring": _suggestion(limit, today),
        }

    def queue_view(self, request):
        """Pending requests, oldest first, with the buyer's grade."""
        from limits.selectors import pending_requests

        context = {
            **self.admin_site.each_context(request),
            "title": _("Limit requests waiting for a decision"),
            "requests": pending_requests()[:200],
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/limits/queue.html", context)

    def decide_view(self, request, pk):
        self._require_decider(request)
        limit = get_object_or_404(CreditLimit.objects.select_related("buyer", "policy", "tenant"), pk=pk)
        form = DecideForm(request.POST or None, initial={"terms_days": limit.requested_terms_days})
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            amount = Money(data["amount"], limit.currency) if data["amount"] is not None else None
            try:
                services.decide_limit(
                    limit=limit, decided_by=request.user, kind=data["kind"], amount=amount,
                    terms_days=data["terms_days"], conditions=data["conditions"], reason_codes=data["reason_codes"],
                    note=data["note"], effective_date=data["effective_date"], expiry_date=data["expiry_date"],
                    review_date=data["review_date"],
                )
            except DomainError as exc:
                show_domain_error(form, exc)
            else:
                messages.success(request, _("Decision recorded; the insured is notified."))
                return redirect("admin:limits_queue")
        return TemplateResponse(request, "admin/limits/decide.html", self._context(request, limit, form, _("Decide a limit request")))

    def change_limit_view(self, request, pk):
        self._require_decider(request)
        limit = get_object_or_404(CreditLimit.objects.select_related("buyer", "policy", "tenant"), pk=pk)
        form = ChangeForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                if data["action"] == "reduce":
                    if data["amount"] is None:
                        raise DomainError(_("Give the new amount."), field="amount")
                    services.reduce_limit(
                        limit=limit, decided_by=request.user, amount=Money(data["amount"], limit.currency),
                        reason_codes=data["reason_codes"], note=data["note"], notified_on=data["notified_on"],
                        effective_date=data["effective_date"],
                    )
                elif data["action"] == "withdraw":
                    services.withdraw_limit(
                        limit=limit, decided_by=request.user, reason_codes=data["reason_codes"], note=data["note"],
                        notified_on=data["notified_on"], effective_date=data["effective_date"],
                    )
                else:
                    services.clear_review(limit=limit, reviewed_by=request.user, review_date=data["review_date"])
            except DomainError as exc:
                show_domain_error(form, exc)
            else:
                messages.success(request, _("Limit updated."))
                return redirect("admin:limits_creditlimit_change", limit.pk)
        return TemplateResponse(request, "admin/limits/decide.html", self._context(request, limit, form, _("Change a limit in force")))


def _suggestion(limit: CreditLimit, today) -> dict | None:
    """The scorecard's suggestion beside a pending request: score, decision, amount, each factor's points."""
    if limit.state != CreditLimit.State.PENDING:
        return None
    scoring = suggestion_for(limit=limit, on=today)
    if scoring is None:
        return None
    result = scoring.result
    return {
        "scorecard": scoring.scorecard, "result": result,
        "amount": Money(scoring.decided_amount, limit.currency),
        "factors": sorted(result.factors, key=lambda f: -f.points),
        "reasons": [ReasonCode(code).label for code in result.reason_codes if code in ReasonCode.values],
    }


@admin.register(AutoDecisionRule)
class AutoDecisionRuleAdmin(SimpleHistoryAdmin):
    list_display = ("min_grade", "max_grade", "max_amount", "currency", "is_active")
    list_editable = ("max_amount", "is_active")

    def save_model(self, request, obj, form, change):
        # The insurer API edits the matrix through the same service.
        saved = services.save_auto_decision_rule(
            rule=obj if change else None, min_grade=obj.min_grade, max_grade=obj.max_grade,
            max_amount=obj.max_amount, currency=obj.currency, is_active=obj.is_active)
        obj.pk = saved.pk


@admin.register(CoverStop)
class CoverStopAdmin(SimpleHistoryAdmin):
    list_display = ("policy", "buyer", "reason", "stopped_from", "lifted_on", "tenant")
    list_filter = ("reason",)
    list_select_related = ("policy", "buyer", "tenant")
    readonly_fields = ("tenant", "policy", "buyer", "reason", "source_reference", "stopped_from", "created_at")


work_queues.register_work_queues(permission="limits.decide_limit", reader=underwriting_queues)

# Buyers with recent alerts (limits.monitoring), largest exposure at risk first.
from limits.monitoring.admin_queue import buyer_review_queues  # noqa: E402

work_queues.register_work_queues(permission="limits.decide_limit", reader=buyer_review_queues)
