"""The policy schedule (保险单明细表): a PDF of the policy's number, period, insured, currency, every term, the sums and
the exclusions, and the buyers the insured asked to have covered, in the reader's language.

Made on request, not stored at issue: the terms rows never change (an endorsement adds a version), so the same
schedule can be drawn again at any time, in whichever of es/zh/en the reader wants, and it shows the terms in
force on the day it is asked for (after an endorsement, the endorsed terms and from when). Nothing to keep in
step with the database, nothing to back up apart from it.
"""

import logging
from decimal import Decimal

from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_countries import countries
from moneyed import Money

from core.formatting import format_date, format_money, format_number
from policies.models import AMOUNT_TERMS, PERCENT_TERMS, TERM_FIELDS, TermsVersion

# WeasyPrint logs each of its steps at INFO: one schedule would write a dozen lines into the request's log.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

# The buyer kinds a policy excludes unless its terms cover them (domain.md, Exclusions).
BUYER_KIND_TERMS = {
    "covers_related_companies": gettext_lazy("Companies related to the insured"),
    "covers_private_individuals": gettext_lazy("Private individuals"),
    "covers_public_buyers": gettext_lazy("Public buyers"),
}


def _shown(name: str, value, currency: str) -> str:
    field = TermsVersion._meta.get_field(name)
    if name == "excluded_countries":
        return ", ".join(str(countries.name(str(getattr(c, "code", c)))) for c in value or []) or "—"
    if name in AMOUNT_TERMS:
        return format_money(Money(Decimal(value), currency))
    if name in PERCENT_TERMS:
        return f"{format_number(Decimal(value))} %"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    return format_number(value)


def term_rows(terms: dict, currency: str) -> list[tuple[str, str]]:
    """(label, value) for every term, in the active language, in TERM_FIELDS order."""
    return [(str(TermsVersion._meta.get_field(name).verbose_name).capitalize(), _shown(name, terms[name], currency))
            for name in TERM_FIELDS if name in terms]


def schedule_context(policy, *, today=None) -> dict:
    from policies.proposals.selectors import proposal_buyers_for_policy

    today = today or timezone.localdate()
    shown = policy.terms_shown(today)
    version = next(v for v in policy.terms_versions_in_order if v.pk == shown.version_id)
    terms = {name: getattr(version, name) for name in TERM_FIELDS}
    currency = policy.currency
    return {
        "policy": policy, "tenant": policy.tenant, "version": version, "currency": currency,
        "rows": term_rows(terms, currency),
        "sums": [
            (_("Maximum liability"), _("%(multiple)s × the premium due, at least %(amount)s")
             % {"multiple": format_number(version.max_liability_multiple),
                "amount": format_money(Money(version.minimum_premium_amount * version.max_liability_multiple,
                                             currency))}),
            (_("Minimum premium"), format_money(Money(version.minimum_premium_amount, currency))),
            (_("Premium rate"), f"{format_number(version.premium_rate_percent)} %"),
            (_("Credit-limit fee per request"), format_money(Money(version.credit_limit_fee_per_request_amount,
                                                                   currency))),
            (_("Credit-limit fee per buyer monitored per year"),
             format_money(Money(version.credit_limit_fee_per_buyer_year_amount, currency))),
        ],
        "excluded_countries": _shown("excluded_countries", version.excluded_countries, currency),
        "excluded_kinds": [str(label) for name, label in BUYER_KIND_TERMS.items() if not getattr(version, name)],
        "buyers": [(b.legal_name, countries.name(str(b.country)), format_money(Money(b.requested_amount, currency)))
                   for b in proposal_buyers_for_policy(policy)],
        "period": f"{format_date(policy.start_date)} – {format_date(policy.end_date)}",
        "terms_from": format_date(version.effective_from),
        "made_on": format_date(today),
    }


def render_html(policy, *, language: str) -> str:
    with translation.override(language):
        return render_to_string("policies/proposals/schedule.html",
                                {**schedule_context(policy), "language": translation.get_language()})


def render_pdf(policy, *, language: str) -> bytes:
    from weasyprint import HTML  # imported when a schedule is asked for: it loads Pango at import

    return HTML(string=render_html(policy, language=language)).write_pdf()
