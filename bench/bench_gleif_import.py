"""Rows per second of `manage.py import_gleif` (issue 15, item 2) on a golden copy far larger than the registry.

    DATABASE_URL=postgres://... .venv/bin/python bench/bench_gleif_import.py          # 200,000 rows, 100,000 buyers
    .venv/bin/python bench/bench_gleif_import.py --rows 20000 --buyers 10000 --batch-size 1000

On a throwaway test database: --buyers confirmed buyers, half holding an LEI, half only a registration number;
a generated --rows-row golden copy whose first quarter renames the LEI holders (every other one), the second
quarter gives the numbered buyers their LEI (every tenth lapsed), and the rest matches nobody (the world's
other legal entities). Runs the command twice (the second run changes nothing): seconds, rows/s, queries.
"""

import argparse
import io
import os
import tempfile
import time

from _common import QueryCounter, with_database  # noqa: E402  (sets sys.path and settings)

HEADER = ('"LEI","Entity.LegalName","Entity.LegalAddress.Country","Entity.RegistrationAuthority.RegistrationAuthorityID",'
          '"Entity.RegistrationAuthority.RegistrationAuthorityEntityID","Entity.EntityStatus",'
          '"Registration.RegistrationStatus"')


def lei(n: int) -> str:
    from buyers.identifiers import _mod97

    base = f"9845{n:014d}"
    return f"{base}{98 - _mod97(base + '00'):02d}"


def build_registry(buyers: int) -> None:
    from buyers.models import Buyer
    from core.imports import bulk

    objs = []
    for i in range(buyers):
        buyer = Buyer(legal_name=f"Bench Entity {i}", country="DE", status=Buyer.Status.CONFIRMED,
                      registration_number=f"HRB{i:07d}", lei=lei(i) if i % 2 == 0 else "")
        buyer.fill_search_fields()
        objs.append(buyer)
    for start in range(0, buyers, 10_000):
        bulk.insert(Buyer, objs[start:start + 10_000])


def build_file(path: str, *, rows: int, buyers: int) -> None:
    with open(path, "w", encoding="utf-8") as out:
        out.write(HEADER + "\n")
        for i in range(rows):
            status, name = "ISSUED", f"Bench Entity {i}"
            if i < buyers and i % 2 == 0:
                name = f"Bench Entity {i} GmbH" if i % 4 == 0 else name  # half the LEI holders renamed
            elif i < buyers:
                status = "LAPSED" if i % 10 == 1 else "ISSUED"  # a numbered buyer: given its LEI
            code = lei(i) if i < buyers else lei(10_000_000 + i)
            out.write(f'"{code}","{name}","DE","RA000242","HRB{i:07d}","ACTIVE","{status}"\n')


def run(*, rows: int, buyers: int, batch_size: int) -> None:
    from django.core.management import call_command
    from django.db import connection
    from django_scopes import scopes_disabled

    with scopes_disabled():
        start = time.perf_counter()
        build_registry(buyers)
        print(f"registry: {buyers} confirmed buyers in {time.perf_counter() - start:.1f} s")
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "golden.csv")
        build_file(path, rows=rows, buyers=buyers)
        print(f"file: {rows} rows, {os.path.getsize(path) / 1024 / 1024:.1f} MiB")
        for label in ("first run", "second run (nothing to change)"):
            counter, out = QueryCounter(), io.StringIO()
            with connection.execute_wrapper(counter):
                start = time.perf_counter()
                call_command("import_gleif", path, "--batch-size", str(batch_size), stdout=out, stderr=io.StringIO())
                seconds = time.perf_counter() - start
            batches = -(-rows // batch_size)
            print(f"{label}: {seconds:.2f} s, {rows / seconds:,.0f} rows/s, {counter.count} queries "
                  f"({counter.count / batches:.1f} per batch of {batch_size})")
            print("  " + out.getvalue().strip().replace("\n", "\n  "))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--buyers", type=int, default=100_000)
    parser.add_argument("--batch-size", type=int, default=2000)
    args = parser.parse_args()
    with_database(lambda: run(rows=args.rows, buyers=args.buyers, batch_size=args.batch_size), configured_db=False)


if __name__ == "__main__":
    main()
