"""Back-test the scorecard over a file of limit requests, without writing to the database.

    manage.py backtest_scorecard --generate 20000 --seed 2 --portfolio requests.csv --truth truth.csv
    manage.py backtest_scorecard --portfolio requests.csv --out decisions.csv [--evaluate truth.csv]

The scorecard is the active version (or --scorecard-version N; without any in the database, the first
version's defaults with --max-automatic and --cap). Its decisions come from the same pure function as live
requests (limits.scorecard.engine). The database is only read: the version, the country risk grades and the
exchange rates of the file's currencies. A bad row is reported on stderr with its line; the others are decided.
"""

import csv
import json
from decimal import Decimal

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django_scopes import scopes_disabled

from buyers.models import CountryRisk
from core.rates import MissingRate, rate
from limits.scorecard.defaults import DEFAULT_PARAMETERS
from limits.scorecard.engine import AutomaticLimits
from limits.scorecard.inputs import automatic_limits
from limits.scorecard.models import Scorecard
from limits.scorecard.portfolio import (
    COLUMNS,
    OUTPUT_COLUMNS,
    RowProblem,
    decision_row,
    evaluate_portfolio,
    generate,
    portfolio_reader,
    run_backtest,
)

TARGETS = {"automatic_share": 0.9, "auc_score": 0.85, "loss_vs_approve_all": 0.4, "granted_share": 0.7}


class Command(BaseCommand):
    help = "Run the scorecard over a CSV of limit requests (no database writes); generate or evaluate portfolios."

    def add_arguments(self, parser):
        parser.add_argument("--portfolio", required=True, help="CSV of requests (read; written with --generate)")
        parser.add_argument("--out", help="CSV of decisions to write")
        parser.add_argument("--generate", type=int, metavar="N", help="write a generated portfolio of N requests")
        parser.add_argument("--seed", type=int, default=1, help="seed of the generated portfolio")
        parser.add_argument("--truth", help="with --generate: where to write request_id,defaulted")
        parser.add_argument("--evaluate", metavar="TRUTH", help="print the figures against request_id,defaulted")
        parser.add_argument("--scorecard-version", type=int, help="a version other than the active one")
        parser.add_argument("--max-automatic", type=Decimal, default=Decimal(250_000),
                            help="without a version in the database: the largest amount decided automatically")
        parser.add_argument("--cap", type=Decimal, default=Decimal(5_000_000),
                            help="without a version in the database: the insurer-wide cap per buyer")

    def handle(self, *args, **options):
        if options["generate"]:
            self._generate(options)
            if not options["out"] and not options["evaluate"]:
                return
        with scopes_disabled(), transaction.atomic():
            params, limits, currency, label = self._scorecard(options)
            text = self._read(options["portfolio"])
            rates = self._rates(text, currency)
            country_risk = dict(CountryRisk.objects.values_list("country", "grade"))
            try:
                rows = list(run_backtest(text, params=params, limits=limits, currency=currency, rates=rates,
                                         country_risk=country_risk))
            except RowProblem as exc:
                raise CommandError(str(exc)) from exc
            transaction.set_rollback(True)  # reads only; nothing of a back-test is kept
        for row in rows:
            if row.result is None:
                self.stderr.write(f"line {row.line} ({row.request_id or 'no request_id'}): {row.error}")
        if options["out"]:
            with open(options["out"], "w", newline="", encoding="utf-8") as out:
                writer = csv.DictWriter(out, OUTPUT_COLUMNS)
                writer.writeheader()
                writer.writerows(decision_row(row) for row in rows if row.result is not None)
        decided = sum(1 for row in rows if row.result is not None)
        self.stdout.write(f"{label}: {decided} request(s) decided, {len(rows) - decided} row error(s)")
        if options["evaluate"]:
            self._evaluate(rows, options["evaluate"])

    def _generate(self, options):
        rows, truth = generate(options["generate"], options["seed"])
        with open(options["portfolio"], "w", newline="", encoding="utf-8") as out:
            writer = csv.DictWriter(out, COLUMNS)
            writer.writeheader()
            writer.writerows(rows)
        if options["truth"]:
            with open(options["truth"], "w", newline="", encoding="utf-8") as out:
                writer = csv.DictWriter(out, ("request_id", "defaulted"))
                writer.writeheader()
                writer.writerows(truth)
        self.stdout.write(f"{len(rows)} request(s) written to {options['portfolio']} (seed {options['seed']})")

    def _scorecard(self, options):
        number = options["scorecard_version"]
        version = (Scorecard.objects.filter(version=number).first() if number
                   else Scorecard.objects.filter(is_active=True).first())
        if number and version is None:
            raise CommandError(f"No scorecard version {number}.")
        if version is None:
            limits = AutomaticLimits(max_automatic_amount=options["max_automatic"], buyer_exposure_cap=options["cap"])
            return DEFAULT_PARAMETERS, limits, "EUR", "first version's defaults (EUR)"
        return version.parameters, automatic_limits(version), version.currency, f"scorecard v{version.version}"

    @staticmethod
    def _read(path: str) -> str:
        try:
            with open(path, encoding="utf-8-sig") as source:
                return source.read()
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(f"Cannot read {path}: {exc}") from exc

    @staticmethod
    def _rates(text: str, currency: str) -> dict[str, Decimal]:
        """The latest recorded rate into the scorecard's currency for each currency the file uses."""
        found = {(row.get("currency") or "").strip().upper() for row in portfolio_reader(text)}
        rates = {}
        for code in found - {currency, ""}:
            try:
                rates[code] = rate(base=code, quote=currency, on=timezone.localdate())
            except MissingRate:
                continue  # its rows become row errors
        return rates

    def _evaluate(self, rows, truth_path: str):
        try:
            truth = {r["request_id"]: int(r["defaulted"]) for r in csv.DictReader(self._read(truth_path).splitlines())}
        except (KeyError, ValueError) as exc:
            raise CommandError(f"{truth_path}: columns request_id,defaulted (0 or 1) expected") from exc
        figures = evaluate_portfolio(rows, truth)
        figures["auc_better_than_grade"] = figures["auc_score"] > figures["auc_grade"]
        for key, target in TARGETS.items():
            met = figures[key] <= target if key == "loss_vs_approve_all" else figures[key] >= target
            figures[f"{key}_target_met"] = met
        self.stdout.write(json.dumps(figures, indent=2, default=float))
