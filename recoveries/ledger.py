"""The recovery ledger of a claim: what the insurer paid, recovered and kept, what the insured got back,
and who owes whom until settled. Read-only; three queries whatever the number of rows.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from moneyed import Money

from recoveries.models import CollectionCost, Recovery, Settlement
from recoveries.sharing import Split, split_net_recovery


@dataclass(frozen=True)
class LedgerLine:
    on: date
    kind: str  # "recovery", "cost", "settlement"
    label: str
    amount: Money
    held_by: str  # "insurer" or "insured": who has the money in hand
    shared: bool  # False for recoveries before payment (they reduced the loss instead)
    insurer_share: Money | None = None  # cumulative split after this line (shared lines only)
    insured_share: Money | None = None


@dataclass
class RecoveryLedger:
    currency: str
    indemnity_paid: Money
    percentage_of_cover: Decimal
    rule: str
    recovered_before_payment: Money
    recovered_by_insurer: Money
    received_by_insured: Money
    costs: Money
    split: Split
    settled_to_insurer: Money
    settled_to_insured: Money
    insured_owes_insurer: Money
    insurer_owes_insured: Money
    lines: list[LedgerLine] = field(default_factory=list)

    @property
    def insurer_net_cost(self) -> Money:
        """What the claim cost the insurer once its share of recoveries is counted."""
        return self.indemnity_paid - self.split.insurer


def who_owes_whom(*, split: Split, by_insurer: Money, by_insured: Money, costs: Money, to_insurer: Money,
                  to_insured: Money) -> tuple[Money, Money]:
    """(insured owes insurer, insurer owes insured): who has the money in hand against each one's share."""
    zero = Money(0, split.net_recovery.currency)
    insured_holds = by_insured - to_insurer + to_insured
    insurer_holds = by_insurer - costs + to_insurer - to_insured
    if split.net_recovery.amount > 0:
        return max(insured_holds - split.insured, zero), max(insurer_holds - split.insurer, zero)
    # Costs swallowed the recoveries: what the insured received goes towards them.
    return max(insured_holds, zero), zero


def claim_percentage_of_cover(claim) -> Decimal:
    """The claim's own percentage: its indemnity before deductions over its covered loss.

    Equal to the policy's percentage when every invoice had the same cover;
    a blend when some were discretionary (domain.md, example 4).
    """
    calc = claim.calculation or {}
    try:
        covered = Decimal(calc["covered_loss"]["amount"])
        gross = Decimal(calc["gross_indemnity"]["amount"])
    except (KeyError, TypeError):
        return claim.terms_at_loss.percentage_of_cover_commercial
    if covered <= 0:
        return claim.terms_at_loss.percentage_of_cover_commercial
    return (gross / covered * 100).quantize(Decimal("0.0001"))


def _events(claim) -> list[tuple]:
    """The claim's recoveries, costs and settlements in date order (three queries); on one day, in that order."""
    recoveries = Recovery.objects.filter(claim=claim).order_by("received_on", "pk")
    costs = CollectionCost.objects.filter(claim=claim).order_by("incurred_on", "pk")
    settlements = Settlement.objects.filter(claim=claim).order_by("settled_on", "pk")
    return sorted(
        [(r.received_on, 0, r.pk, "recovery", r) for r in recoveries]
        + [(c.incurred_on, 1, c.pk, "cost", c) for c in costs]
        + [(s.settled_on, 2, s.pk, "settlement", s) for s in settlements],
        key=lambda e: e[:3],
    )


def build_ledger(*, claim) -> RecoveryLedger:
    currency = claim.currency
    zero = Money(0, currency)
    paid = Money(claim.paid_amount or 0, currency)
    pct = claim_percentage_of_cover(claim)
    # Sharing follows the terms on the date of loss, which fixes which recoveries are shared (domain.md, Claims).
    rule = claim.terms_at_loss.recovery_sharing
    before = by_insurer = by_insured = cost_total = to_insurer = to_insured = zero
    lines: list[LedgerLine] = []
    split = split_net_recovery(recovered=zero, costs=zero, indemnity_paid=paid, percentage_of_cover=pct, rule=rule)
    for on, _order, _pk, kind, row in _events(claim):
        amount = Money(row.amount, currency)
        if kind == "recovery":
            direct = row.source == Recovery.Source.INSURED_DIRECT
            if row.phase == Recovery.Phase.BEFORE_PAYMENT:
                before += amount
                lines.append(LedgerLine(on, kind, row.get_source_display(), amount,
                                        "insured" if direct else "insurer", shared=False))
                continue
            if direct:
                by_insured += amount
            else:
                by_insurer += amount
            held_by, label = ("insured" if direct else "insurer"), row.get_source_display()
        elif kind == "cost":
            cost_total += amount
            held_by, label = "insurer", row.get_kind_display()
        else:
            if row.to_insurer:
                to_insurer += amount
            else:
                to_insured += amount
            held_by = "insurer" if row.to_insurer else "insured"
            label = "settlement"
        split = split_net_recovery(recovered=by_insurer + by_insured, costs=cost_total, indemnity_paid=paid,
                                   percentage_of_cover=pct, rule=rule)
        lines.append(LedgerLine(on, kind, str(label), amount, held_by, shared=kind != "settlement",
                                insurer_share=split.insurer, insured_share=split.insured))

    insured_owes, insurer_owes = who_owes_whom(split=split, by_insurer=by_insurer, by_insured=by_insured,
                                               costs=cost_total, to_insurer=to_insurer, to_insured=to_insured)
    return RecoveryLedger(
        currency=currency, indemnity_paid=paid, percentage_of_cover=pct, rule=rule, recovered_before_payment=before,
        recovered_by_insurer=by_insurer, received_by_insured=by_insured, costs=cost_total, split=split,
        settled_to_insurer=to_insurer, settled_to_insured=to_insured, insured_owes_insurer=insured_owes,
        insurer_owes_insured=insurer_owes, lines=lines,
    )
