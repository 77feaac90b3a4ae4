"""Recompute the exposure summary from the limits in force, from scratch, in one transaction.

    manage.py rebuild_exposure_summary           # rebuild; say how many rows differed from the limits
    manage.py rebuild_exposure_summary --check   # only compare; exit 1 if the summary has drifted

The services keep the summary current (limits.exposure_summary); this is for rows written past them
(a load generated in bulk, a repair by hand) and to check that nothing has.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from limits import exposure_summary


class Command(BaseCommand):
    help = "Recompute the exposure summary (limits.exposure_summary) from the limits in force."

    def add_arguments(self, parser):
        parser.add_argument("--check", action="store_true", help="compare only; fail if the summary has drifted")

    def handle(self, *args, check: bool, **options):
        with transaction.atomic():
            stored, expected = exposure_summary.stored(), exposure_summary.recomputed()
            drifted = sum(stored.get(key) != value for key, value in expected.items()) + len(stored.keys() - expected)
            if check:
                if drifted:
                    raise CommandError(f"The exposure summary differs from the limits on {drifted} rows.")
                self.stdout.write(f"The exposure summary matches the limits ({len(stored)} rows).")
                return
            rows = exposure_summary.rebuild()
        self.stdout.write(f"Rebuilt the exposure summary: {rows} rows ({drifted} differed from the limits).")
