"""Back-test the first scorecard version on generated portfolios: speed and the figures against the targets.

    .venv/bin/python bench/bench_scorecard_backtest.py                  # 20,000 requests, train seed 1, test seed 2
    .venv/bin/python bench/bench_scorecard_backtest.py --requests 100000 --seeds 2 3 4

Pure: no database (the same functions `manage.py backtest_scorecard` runs). Prints, per seed, the seconds
to decide the portfolio and the figures: share decided automatically, AUC of the score and of the grade
alone, loss against approving all in full and share of the amount granted (over the automatic decisions,
and counting referrals pessimistically), and the share of adverse decisions carrying reason codes.
"""

import argparse
import csv
import io
import time
from decimal import Decimal

import _common  # noqa: F401  (sets sys.path)

from limits.scorecard.defaults import DEFAULT_PARAMETERS
from limits.scorecard.engine import AutomaticLimits
from limits.scorecard.portfolio import COLUMNS, evaluate_portfolio, generate, run_backtest


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=20_000)
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2], help="1 is the seed the version was tuned on")
    args = parser.parse_args()
    limits = AutomaticLimits(max_automatic_amount=Decimal(250_000), buyer_exposure_cap=Decimal(5_000_000))
    for seed in args.seeds:
        rows, truth = generate(args.requests, seed)
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
        start = time.perf_counter()
        decided = list(run_backtest(buffer.getvalue(), params=DEFAULT_PARAMETERS, limits=limits, currency="EUR"))
        seconds = time.perf_counter() - start
        f = evaluate_portfolio(decided, {t["request_id"]: t["defaulted"] for t in truth})
        print(f"seed {seed}{' (training)' if seed == 1 else ''}: {args.requests} requests in {seconds:.2f} s, "
              f"{f['default_rate']:.1%} defaulting")
        print(f"  automatic {f['automatic_share']:.1%} (>= 90%)   AUC score {f['auc_score']:.3f} vs grade "
              f"{f['auc_grade']:.3f} (>= 0.85, better)")
        print(f"  automatic decisions: loss {f['loss_vs_approve_all']:.1%} of approve-all (<= 40%), granted "
              f"{f['granted_share']:.1%} (>= 70%)")
        print(f"  all, referrals pessimistic: loss {f['loss_vs_approve_all_all']:.1%}, granted "
              f"{f['granted_share_all']:.1%}   adverse with reasons {f['adverse_with_reasons']:.0%}   "
              f"{f['decisions']}")


if __name__ == "__main__":
    main()
