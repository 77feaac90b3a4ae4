"""Fill the registry's legal names and LEIs from the GLEIF golden copy (LEI-CDF Level 1 CSV, or its .zip).

    manage.py import_gleif 20261201-0800-gleif-goldencopy-lei2-golden-copy.csv.zip [--dry-run] [--batch-size N]

Streams the file (millions of rows, never whole in memory), one match query per batch (buyers.gleif.apply);
each batch commits on its own, and a second run of the same file changes nothing, so an interrupted run is
simply run again. Records matching no confirmed buyer are counted, never created as buyers.
"""

from django.core.management.base import BaseCommand, CommandError
from django_scopes import scopes_disabled

from buyers.gleif.apply import Summary, apply_batch
from buyers.gleif.records import batches, opened
from core.imports.stream import FileRefused


class Command(BaseCommand):
    help = "Update buyers' legal names, LEIs and LEI statuses from a GLEIF golden copy CSV (or .zip)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="the golden copy: LEI-CDF Level 1 CSV, or a .zip holding it")
        parser.add_argument("--dry-run", action="store_true", help="count what would change, write nothing")
        parser.add_argument("--batch-size", type=int, default=2000, help="records matched per query")

    def handle(self, *args, **options):
        if options["batch_size"] < 1:
            raise CommandError("--batch-size must be at least 1")
        summary = Summary()
        try:
            with scopes_disabled(), opened(options["file"]) as binary:
                for batch in batches(binary, batch_size=options["batch_size"]):
                    apply_batch(batch, summary=summary, dry_run=options["dry_run"])
        except FileNotFoundError as exc:
            raise CommandError(f"No such file: {options['file']}") from exc
        except FileRefused as exc:
            raise CommandError(exc.message) from exc
        self._report(summary, dry_run=options["dry_run"])

    def _report(self, summary: Summary, *, dry_run: bool) -> None:
        for line, lei in summary.invalid:
            self.stderr.write(f"line {line}: LEI {lei!r} is not a valid LEI (ISO 17442 check digits), skipped")
        for line, lei in summary.conflicts:
            self.stderr.write(f"line {line}: LEI {lei} not added: another buyer holds it, or another record "
                              "gave this buyer an LEI (the underwriter decides)")
        out = self.stdout.write
        out(("Dry run, nothing written. " if dry_run else "") + f"Rows read: {summary.rows}")
        out(f"Buyers updated: {summary.buyers_updated} (legal names {summary.names_updated}, "
            f"statuses {summary.statuses_updated})")
        out(f"LEIs added: {summary.leis_added}")
        out(f"Invalid LEIs skipped: {len(summary.invalid)}")
        out(f"Conflicts skipped: {len(summary.conflicts)}")
        out(f"Unmatched (not created as buyers): {summary.unmatched}")
        out(f"Matched buyers with a lapsed/retired/merged LEI or an inactive entity: {summary.lapsed_on_buyers}")
        out("By registration status: " + ", ".join(f"{status} {count}"
                                                   for status, count in sorted(summary.by_status.items())))
