"""Writes of the proposal → quote → policy flow. Browser, admin and both APIs call these; none repeats a check.

Issue goes through policies.services.create_policy (the one issuing service): the quote's terms become the
policy's first terms version, effective from its start.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_fsm import can_proceed

from core.exceptions import DomainError, row_field
from core.formatting import format_date
from core.money import is_valid_currency
from core.tenancy import scopes_disabled
from policies import services as policy_services
from policies.models import TERM_FIELDS, Policy, TermsVersion
from policies.proposals import buyer_lookup, events
from policies.proposals.models import Proposal, ProposalBuyer, ProposalLossYear, ProposalTurnover, Quote
from policies.terms import default_end_date

LOSS_HISTORY_YEARS = 3


@dataclass(frozen=True)
class TurnoverLine:
    country: str
    expected_turnover: Decimal


@dataclass(frozen=True)
class BuyerLine:
    requested_amount: Decimal
    registry_buyer_id: int | None = None
    legal_name: str = ""
    country: str = ""


@dataclass(frozen=True)
class LossLine:
    year: int
    turnover: Decimal
    losses_count: int
    losses_amount: Decimal


def _check_lines(*, tenant, turnovers, buyers, losses) -> dict[str, list[str]]:
    """Every refusal of the rows at once, keyed by row path (core.exceptions.row_field)."""
    errors: dict[str, list[str]] = {}
    if not turnovers:
        errors["turnovers"] = [_("Give the expected turnover of at least one country.")]
    seen = set()
    for i, line in enumerate(turnovers):
        if line.country in seen:
            errors[row_field("turnovers", i, "country")] = [_("This country is listed twice.")]
        seen.add(line.country)
        if line.expected_turnover <= 0:
            errors[row_field("turnovers", i, "expected_turnover")] = [_("The expected turnover must be above zero.")]
    if not buyers:
        errors["buyers"] = [_("Name at least one buyer you want covered.")]
    known = buyer_lookup.visible_buyers(tenant=tenant, ids=[b.registry_buyer_id for b in buyers])
    for i, line in enumerate(buyers):
        if line.registry_buyer_id and line.registry_buyer_id not in known:
            errors[row_field("buyers", i, "registry_buyer_id")] = [_("No such buyer in the registry.")]
        elif not line.registry_buyer_id and not (line.legal_name.strip() and line.country):
            errors[row_field("buyers", i, "legal_name")] = [
                _("Choose a registry buyer, or give the new buyer's name and country.")]
        if line.requested_amount <= 0:
            errors[row_field("buyers", i, "requested_amount")] = [_("The amount must be above zero.")]
    years = sorted(line.year for line in losses)
    this_year = timezone.localdate().year
    if len(years) != LOSS_HISTORY_YEARS or len(set(years)) != LOSS_HISTORY_YEARS:
        errors["loss_years"] = [_("Give the loss history of three different years.")]
    for i, line in enumerate(losses):
        if line.year > this_year:
            errors[row_field("loss_years", i, "year")] = [_("A loss history year cannot be in the future.")]
        if (line.losses_count == 0) != (line.losses_amount == 0):
            errors[row_field("loss_years", i, "losses_amount")] = [
                _("Give both the number and the amount of losses, or neither.")]
    return errors


@transaction.atomic
def submit_proposal(*, tenant, submitted_by, currency: str, desired_start_date: date,
                    desired_cover_percent: Decimal, max_credit_period_days: int,
                    turnovers: list[TurnoverLine], buyers: list[BuyerLine], losses: list[LossLine]) -> Proposal:
    errors = _check_lines(tenant=tenant, turnovers=turnovers, buyers=buyers, losses=losses)
    if not is_valid_currency(currency):
        errors["currency"] = [_("Unknown currency code.")]
    if desired_start_date < timezone.localdate():
        errors["desired_start_date"] = [_("The desired start date cannot be in the past.")]
    if errors:
        first = next(iter(errors.values()))[0]
        raise DomainError(first, fields=errors)
    proposal = Proposal(tenant=tenant, submitted_by=submitted_by, currency=currency,
                        desired_start_date=desired_start_date, desired_cover_percent=desired_cover_percent,
                        max_credit_period_days=max_credit_period_days)
    try:
        proposal.full_clean(exclude=["tenant", "submitted_by"])
    except ValidationError as exc:
        raise DomainError.from_validation_error(exc) from exc
    proposal.save()
    known = buyer_lookup.visible_buyers(tenant=tenant, ids=[b.registry_buyer_id for b in buyers])
    ProposalTurnover.objects.bulk_create([
        ProposalTurnover(tenant=tenant, proposal=proposal, country=t.country, expected_turnover=t.expected_turnover)
        for t in turnovers])
    ProposalBuyer.objects.bulk_create([
        ProposalBuyer(tenant=tenant, proposal=proposal, registry_buyer_id=b.registry_buyer_id or None,
                      legal_name=known[b.registry_buyer_id][0] if b.registry_buyer_id else b.legal_name.strip(),
                      country=known[b.registry_buyer_id][1] if b.registry_buyer_id else b.country,
                      requested_amount=b.requested_amount)
        for b in buyers])
    ProposalLossYear.objects.bulk_create([
        ProposalLossYear(tenant=tenant, proposal=proposal, year=loss.year, turnover=loss.turnover,
                         losses_count=loss.losses_count, losses_amount=loss.losses_amount) for loss in losses])
    return proposal


# --- Quotes ---------------------------------------------------------------------------------------------------

def terms_as_json(terms: dict) -> dict:
    """Terms as a form or the API gives them, stored in the quote's JSON (decimals as strings, countries as codes)."""
    stored = {}
    for name, value in terms.items():
        if name == "excluded_countries":
            value = sorted(str(getattr(c, "code", c)) for c in value or [])
        elif isinstance(value, Decimal):
            value = str(value)
        stored[name] = value
    return stored


def terms_from_json(stored: dict) -> dict:
    """The stored terms as model values (what create_policy and TermsVersion take)."""
    return {name: TermsVersion._meta.get_field(name).to_python(value) if name != "excluded_countries" else value
            for name, value in stored.items() if name in TERM_FIELDS}


def suggested_terms(proposal: Proposal) -> dict:
    """A new quote starts from the domain's defaults with the proposal's cover percentage and credit period."""
    defaults = {name: TermsVersion._meta.get_field(name).get_default() for name in TERM_FIELDS}
    defaults["percentage_of_cover_commercial"] = proposal.desired_cover_percent
    defaults["max_credit_period_days"] = proposal.max_credit_period_days
    return defaults


def _checked_terms(terms: dict) -> dict:
    unknown = sorted(set(terms) - set(TERM_FIELDS))
    if unknown:
        raise DomainError(_("Not a term of the policy: %(names)s.") % {"names": ", ".join(unknown)}, field=unknown[0])
    values = {**{n: TermsVersion._meta.get_field(n).get_default() for n in TERM_FIELDS}, **terms}
    try:
        TermsVersion(effective_from=date.min, **values).full_clean(exclude=["policy", "effective_from"])
    except ValidationError as exc:
        raise DomainError.from_validation_error(exc) from exc
    return values


def check_quote(*, start_date: date, end_date: date | None, valid_until: date, terms: dict) -> tuple[date, dict]:
    """The quote's period, validity and terms checked (every term's range, the waiting period within the filing
    deadline); returns the end date (a year by default) and the terms. Forms call it to show refusals on fields."""
    end_date = end_date or default_end_date(start_date)
    errors: dict[str, list[str]] = {}
    if end_date <= start_date:
        errors["end_date"] = [_("The end date must be after the start date.")]
    if valid_until < timezone.localdate():
        errors["valid_until"] = [_("The quote must be valid until today or later.")]
    try:
        values = _checked_terms(terms)
    except DomainError as exc:
        errors.update({path or "": msgs for path, msgs in exc.messages_by_field().items()})
    if errors:
        raise DomainError(next(iter(errors.values()))[0], fields=errors)
    return end_date, values


@transaction.atomic
def create_quote(*, proposal: Proposal, made_by, start_date: date, valid_until: date, end_date: date | None = None,
                 terms: dict | None = None) -> Quote:
    """A draft quote on a submitted proposal; terms not given start from `suggested_terms`."""
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    if proposal.state != Proposal.State.SUBMITTED:
        raise DomainError(_("Only a submitted proposal without a live quote can be quoted."), code="invalid_state")
    end_date, values = check_quote(start_date=start_date, end_date=end_date, valid_until=valid_until,
                                   terms={**suggested_terms(proposal), **(terms or {})})
    return Quote.objects.create(tenant_id=proposal.tenant_id, proposal=proposal, currency=proposal.currency,
                                start_date=start_date, end_date=end_date, valid_until=valid_until,
                                terms=terms_as_json(values), made_by=made_by)


@transaction.atomic
def update_draft_quote(*, quote: Quote, start_date: date, end_date: date | None, valid_until: date,
                       terms: dict) -> Quote:
    quote = _locked(quote)
    if quote.state != Quote.State.DRAFT:
        raise DomainError(_("Only a draft quote can be changed."), code="invalid_state")
    end_date, values = check_quote(start_date=start_date, end_date=end_date, valid_until=valid_until,
                                   terms={**terms_from_json(quote.terms), **terms})
    quote.start_date, quote.end_date, quote.valid_until = start_date, end_date, valid_until
    quote.terms = terms_as_json(values)
    quote.save()
    return quote


def _locked(quote: Quote) -> Quote:
    return Quote.objects.select_for_update().select_related("proposal", "tenant").get(pk=quote.pk)


def _move(obj, transition: str) -> None:
    method = getattr(obj, transition)
    if not can_proceed(method):
        raise DomainError(_("A quote in state “%(state)s” cannot be moved this way.")
                          % {"state": obj.get_state_display()}, code="invalid_state")
    method()


@transaction.atomic
def offer_quote(*, quote: Quote, offered_by) -> Quote:
    """The underwriter offers the draft to the insured: it is told, and `quote.offered` is sent."""
    quote = _locked(quote)
    _move(quote, "offer")
    if quote.valid_until < timezone.localdate():
        raise DomainError(_("The quote must be valid until today or later."), field="valid_until")
    quote.offered_at = timezone.now()
    quote.save()
    proposal = Proposal.objects.select_for_update().get(pk=quote.proposal_id)
    _move(proposal, "mark_quoted")
    proposal.save()
    events.announce_offer(quote=quote)
    return quote


def _refuse_if_expired(quote: Quote, today: date) -> None:
    if quote.state == Quote.State.OFFERED and quote.valid_until < today:
        raise DomainError(_("This quote expired on %(day)s: ask the underwriter for a new one.")
                          % {"day": format_date(quote.valid_until)}, code="quote_expired")


@transaction.atomic
def accept_quote(*, quote: Quote, accepted_by, today: date | None = None) -> Policy:
    """The insured accepts an offered quote within its validity: the policy is issued at once."""
    quote = _locked(quote)
    _refuse_if_expired(quote, today or timezone.localdate())
    _move(quote, "accept")
    quote.decided_at, quote.decided_by = timezone.now(), accepted_by
    return _issue(quote=quote, issued_by=accepted_by)


@transaction.atomic
def decline_quote(*, quote: Quote, declined_by, reason: str, note: str = "") -> Quote:
    quote = _locked(quote)
    if reason not in Quote.DeclineReason.values:
        raise DomainError(_("Choose why you decline the quote."), field="reason")
    _move(quote, "decline")
    quote.decided_at, quote.decided_by = timezone.now(), declined_by
    quote.decline_reason, quote.decline_note = reason, (note or "").strip()
    quote.save()
    _reopen_proposal(quote)
    return quote


def _reopen_proposal(quote: Quote) -> None:
    # Declined or expired, the proposal goes back to the underwriter, who may quote it again.
    proposal = Proposal.objects.select_for_update().get(pk=quote.proposal_id)
    if can_proceed(proposal.reopen):
        proposal.reopen()
        proposal.save()


@transaction.atomic
def expire_quotes(*, today: date | None = None) -> int:
    """Offered quotes past their validity become expired (idempotent: a second run finds none)."""
    today = today or timezone.localdate()
    count = 0
    for quote in Quote.objects.select_for_update().filter(state=Quote.State.OFFERED, valid_until__lt=today):
        quote.expire()
        quote.save()
        _reopen_proposal(quote)
        count += 1
    return count


@transaction.atomic
def issue_policy_from_quote(*, quote: Quote, issued_by) -> Policy:
    """The underwriter issues the policy of a quote the insured accepted but that has none yet."""
    quote = _locked(quote)
    if quote.state != Quote.State.ACCEPTED or quote.policy_id:
        raise DomainError(_("Only an accepted quote without a policy can be issued."), code="invalid_state")
    return _issue(quote=quote, issued_by=issued_by)


def _issue(*, quote: Quote, issued_by) -> Policy:
    tenant = quote.tenant
    policy = policy_services.create_policy(
        tenant=tenant, number=next_policy_number(country=str(tenant.country), start=quote.start_date),
        start_date=quote.start_date, end_date=quote.end_date, status=Policy.Status.ACTIVE,
        currency=quote.currency, made_by=issued_by, **terms_from_json(quote.terms))
    quote.policy = policy
    quote.save()
    proposal = Proposal.objects.select_for_update().get(pk=quote.proposal_id)
    _move(proposal, "mark_issued")
    proposal.save()
    events.announce_issue(policy=policy, quote=quote)
    return policy


def next_policy_number(*, country: str, start: date) -> str:
    """KR-<country>-<start year>-<sequence>: the next free one (the numbers seed_demo uses)."""
    prefix = f"KR-{country or 'XX'}-{start.year}-"
    # Numbers are unique across insureds: look past the tenant's scope (only numbers are read).
    with scopes_disabled():
        taken = set(Policy.objects.filter(number__startswith=prefix).values_list("number", flat=True))
    sequence = 1
    while f"{prefix}{sequence:03d}" in taken:
        sequence += 1
    return f"{prefix}{sequence:03d}"
