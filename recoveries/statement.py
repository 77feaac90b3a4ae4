"""A claim's recovery ledger as CSV: the download on the recourse statement page.

Amounts are Decimal strings in the claim's currency (never floats). Stable column
names and codes (not translated) so a spreadsheet or a script can read them;
the totals follow the lines as rows of kind "total".
"""

import csv
import io

from core.csvcell import csv_cell
from recoveries.ledger import RecoveryLedger

COLUMNS = ("date", "kind", "label", "held_by", "reduced_loss", "amount", "currency",
           "insurer_share_to_date", "insured_share_to_date")
def ledger_totals(ledger: RecoveryLedger) -> list[tuple[str, object]]:
    """The statement's totals, in reading order: what the insurer paid, recovered and kept; who owes whom."""
    return [
        ("indemnity_paid", ledger.indemnity_paid),
        ("recovered_before_payment", ledger.recovered_before_payment),
        ("recovered_by_insurer", ledger.recovered_by_insurer),
        ("received_by_insured", ledger.received_by_insured),
        ("collection_costs", ledger.costs),
        ("net_recovery", ledger.split.net_recovery),
        ("insurer_share", ledger.split.insurer),
        ("insured_share", ledger.split.insured),
        ("insurer_net_cost", ledger.insurer_net_cost),
        ("settled_to_insurer", ledger.settled_to_insurer),
        ("settled_to_insured", ledger.settled_to_insured),
        ("insured_owes_insurer", ledger.insured_owes_insurer),
        ("insurer_owes_insured", ledger.insurer_owes_insured),
    ]


def ledger_csv(ledger: RecoveryLedger) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for line in ledger.lines:
        writer.writerow([csv_cell(v) for v in (
            line.on, line.kind, line.label, line.held_by,
            # A recovery before payment reduced the covered loss instead of being shared (example 9).
            line.kind == "recovery" and not line.shared,
            line.amount, ledger.currency, line.insurer_share, line.insured_share,
        )])
    for code, amount in ledger_totals(ledger):
        writer.writerow(["", "total", code, "", "", csv_cell(amount), ledger.currency, "", ""])
    return out.getvalue()
