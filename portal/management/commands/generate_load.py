"""`manage.py generate_load`: an insurer's book at scale for benchmarks (portal.loadgen does the work)."""

import time

from django.core.management.base import BaseCommand, CommandError

from portal.loadgen import LOAD_PASSWORD, LoadExists, LoadSizes, admin_username, generate
from portal.loadgen.batch import Progress


class Command(BaseCommand):
    help = "Fill the database with generated buyers, limits, overdues, invoices and claims (deterministic per seed)."

    def add_arguments(self, parser):
        parser.add_argument("--buyers", type=int, default=1_000)
        parser.add_argument("--limits", type=int, default=1_000, help="of the large insured; others hold 1/20 each")
        parser.add_argument("--overdues", type=int, default=200)
        parser.add_argument("--invoices", type=int, default=400)
        parser.add_argument("--claims", type=int, default=50)
        parser.add_argument("--tenants", type=int, default=3, help="insureds: one large, the others smaller")
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args, **options):
        for name in ("buyers", "limits", "overdues", "invoices", "claims", "tenants"):
            if options[name] < 0:
                raise CommandError(f"--{name} cannot be negative.")
        if options["buyers"] == 0 and options["limits"] > 0:
            raise CommandError("Limits need buyers: give --buyers.")
        sizes = LoadSizes(buyers=options["buyers"], limits=options["limits"], overdues=options["overdues"],
                          invoices=options["invoices"], claims=options["claims"], tenants=options["tenants"])
        started = time.perf_counter()
        try:
            summary = generate(sizes=sizes, seed=options["seed"], progress=Progress(self.stdout))
        except LoadExists as exc:
            raise CommandError(str(exc)) from exc
        counts = ", ".join(f"{n:,} {table}" for table, n in summary.counts.items())
        self.stdout.write(f"generated {counts} in {time.perf_counter() - started:.1f} s")
        self.stdout.write(f"large insured: tenant {summary.large_tenant_id}, user {admin_username(summary.seed, 0)} "
                          f"(password {LOAD_PASSWORD})")
