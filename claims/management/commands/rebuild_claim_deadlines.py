"""`manage.py rebuild_claim_deadlines`: recompute every overdue's stored deadline dates (claims.next_deadline).

Run it after the migration that added them (until then the daily job finds every draft and open overdue due
and stores its dates on the first run), after changing CLAIM_REMINDER_DAYS, or to check the cache: the dates
are computed in policies.deadlines from the invoices and terms, in batches of a few queries each.
"""

import time

from django.core.management.base import BaseCommand
from django_scopes import scopes_disabled

from claims.next_deadline import rebuild


class Command(BaseCommand):
    help = "Recompute every overdue's stored claim window, filing deadline and next reminder day."

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=2000)

    def handle(self, *args, batch_size, **options):
        start = time.perf_counter()
        with scopes_disabled():
            done = rebuild(batch_size=batch_size)
        self.stdout.write(f"{done} overdues recomputed in {time.perf_counter() - start:.1f} s")
