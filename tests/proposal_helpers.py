"""Proposals and quotes for the tests: a submitted proposal, a quote offered on it (policies.proposals)."""

import io
from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone
from django_scopes import scopes_disabled

from core.tenancy import tenant_scope
from policies.proposals import services
from policies.proposals.services import BuyerLine, LossLine, TurnoverLine


def proposal_rows(buyer=None):
    year = timezone.localdate().year
    buyers = [BuyerLine(legal_name="Nuevo Cliente S.A.", country="PT", requested_amount=Decimal("30000"))]
    if buyer is not None:
        buyers.insert(0, BuyerLine(registry_buyer_id=buyer.pk, requested_amount=Decimal("80000")))
    return {
        "turnovers": [TurnoverLine(country="IT", expected_turnover=Decimal("1200000")),
                      TurnoverLine(country="FR", expected_turnover=Decimal("800000"))],
        "buyers": buyers,
        "losses": [LossLine(year=year - n, turnover=Decimal("1800000"), losses_count=n - 1,
                            losses_amount=Decimal("4000") * (n - 1)) for n in (1, 2, 3)],
    }


def submit(tenant, user, buyer=None, **overrides):
    args = {"currency": "EUR", "desired_start_date": timezone.localdate() + timedelta(days=10),
            "desired_cover_percent": Decimal("85"), "max_credit_period_days": 90, **proposal_rows(buyer), **overrides}
    with tenant_scope(tenant):
        return services.submit_proposal(tenant=tenant, submitted_by=user, **args)


def offered_quote(proposal, underwriter, *, valid_days=14, start=None, **terms):
    with scopes_disabled():
        quote = services.create_quote(proposal=proposal, made_by=underwriter,
                                      start_date=start or date.today() + timedelta(days=10),
                                      valid_until=date.today() + timedelta(days=valid_days), terms=terms)
        return services.offer_quote(quote=quote, offered_by=underwriter)


def pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
