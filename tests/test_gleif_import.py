"""The GLEIF golden-copy importer (issue 15, item 2): `manage.py import_gleif` fills the registry's legal
names, LEIs and LEI statuses from the LEI-CDF Level 1 CSV (or its .zip), creating no buyer.

Matched by LEI, else by country and national registration number (confirmed buyers only: an insured's
pending proposal, here the outsider's, is left as it is); wrong check digits skipped with their line; a second
run changes nothing; one match query per batch, the same count for 10 and 30 records.
"""

import io
import zipfile

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from buyers.gleif.apply import Summary, apply_batch
from buyers.gleif.records import Record
from buyers.identifiers import _mod97, lei_is_valid
from buyers.models import Buyer, BuyerIdentifier
from tests.buyer_factories import BuyerFactory, PendingBuyerFactory
from tests.factories import logged_in

pytestmark = [pytest.mark.django_db, pytest.mark.unscoped]

HEADER = ('"LEI","Entity.LegalName","Entity.LegalAddress.Country",'
          '"Entity.RegistrationAuthority.RegistrationAuthorityID",'
          '"Entity.RegistrationAuthority.RegistrationAuthorityEntityID","Entity.EntityStatus",'
          '"Registration.RegistrationStatus"')


def lei(n: int) -> str:
    """A well-formed LEI (ISO 17442 check digits) numbered n."""
    base = f"5299{n:014d}"
    check = 98 - _mod97(base + "00")
    return f"{base}{check:02d}"


def bad_lei(n: int) -> str:
    good = lei(n)
    return good[:-2] + f"{(int(good[-2:]) + 1) % 100:02d}"


def row(code, name, country, entity_id="", entity="ACTIVE", registration="ISSUED") -> str:
    return f'"{code}","{name}","{country}","RA000242","{entity_id}","{entity}","{registration}"'


def write_csv(tmp_path, *rows, header=HEADER, name="golden.csv"):
    path = tmp_path / name
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def run(path, *args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_gleif", str(path), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def registry(other_tenant):
    return {
        "held": BuyerFactory(legal_name="Muller GmbH", lei=lei(1)),
        "numbered": BuyerFactory(legal_name="Schmidt AG", registration_number="HRB123456"),
        "proposal": PendingBuyerFactory(legal_name="Outsider's Proposal", registration_number="HRB999999",
                                        proposed_by_tenant=other_tenant),
    }


def test_the_fixture_leis_are_valid_and_the_bad_ones_not():
    assert lei_is_valid(lei(7)) and not lei_is_valid(bad_lei(7))


def test_a_buyer_holding_the_lei_gets_gleifs_legal_name_and_statuses_with_history(registry, tmp_path):
    held = registry["held"]
    out, _err = run(write_csv(tmp_path, row(lei(1), "Müller & Söhne GmbH", "DE", "HRB000001")))
    held.refresh_from_db()
    assert (held.legal_name, held.lei_registration_status, held.lei_entity_status) == (
        "Müller & Söhne GmbH", "ISSUED", "ACTIVE")
    assert "muller sohne gmbh" in held.search_text
    assert list(held.history.order_by("history_id").values_list("legal_name", flat=True)) == [
        "Muller GmbH", "Müller & Söhne GmbH"]
    assert "Buyers updated: 1 (legal names 1, statuses 1)" in out


def test_a_buyer_without_an_lei_matched_by_its_registration_number_gets_it(registry, tmp_path):
    numbered = registry["numbered"]
    out, _err = run(write_csv(tmp_path, row(lei(2), "Schmidt AG", "DE", "HRB 123456", registration="LAPSED")))
    numbered.refresh_from_db()
    assert (numbered.lei, numbered.lei_registration_status) == (lei(2), "LAPSED")
    assert list(BuyerIdentifier.objects.filter(buyer=numbered, type="lei").values_list("value", flat=True)) == [lei(2)]
    assert "LEIs added: 1" in out
    assert "lapsed/retired/merged LEI or an inactive entity: 1" in out
    assert "By registration status: LAPSED 1" in out


def test_the_same_number_in_another_country_is_no_match(registry, tmp_path):
    out, _err = run(write_csv(tmp_path, row(lei(2), "Schmidt AG", "AT", "HRB123456")))
    registry["numbered"].refresh_from_db()
    assert registry["numbered"].lei == ""
    assert "Unmatched (not created as buyers): 1" in out


def test_records_of_no_buyer_are_counted_never_created(registry, tmp_path):
    before = Buyer.objects.count()
    out, _err = run(write_csv(tmp_path, *(row(lei(100 + n), f"Stranger {n}", "FR", f"55{n:07d}") for n in range(5))))
    assert Buyer.objects.count() == before
    assert "Unmatched (not created as buyers): 5" in out


def test_an_insureds_pending_proposal_is_left_alone(registry, tmp_path):
    proposal = registry["proposal"]
    out, _err = run(write_csv(tmp_path, row(lei(3), "Renamed By GLEIF", "DE", "HRB999999", entity="INACTIVE")))
    proposal.refresh_from_db()
    assert (proposal.legal_name, proposal.lei, proposal.lei_entity_status, proposal.status) == (
        "Outsider's Proposal", "", "", Buyer.Status.PENDING)
    assert proposal.history.count() == 1
    assert "Unmatched (not created as buyers): 1" in out


def test_an_invalid_lei_is_skipped_with_its_line(registry, tmp_path):
    out, err = run(write_csv(tmp_path, row(lei(1), "Good", "DE"), row(bad_lei(2), "Schmidt AG", "DE", "HRB123456")))
    registry["numbered"].refresh_from_db()
    assert registry["numbered"].lei == ""
    assert f"line 3: LEI '{bad_lei(2)}' is not a valid LEI" in err
    assert "Invalid LEIs skipped: 1" in out


def test_an_lei_another_buyer_holds_as_identifier_is_not_added_twice(registry, tmp_path):
    other = BuyerFactory(legal_name="Other")
    BuyerIdentifier.objects.create(buyer=other, type="lei", country="DE", value=lei(2))
    out, err = run(write_csv(tmp_path, row(lei(2), "Schmidt AG", "DE", "HRB123456")))
    registry["numbered"].refresh_from_db()
    assert registry["numbered"].lei == ""
    assert "line 2: LEI" in err and "Conflicts skipped: 1" in out


def test_a_second_run_changes_nothing(registry, tmp_path):
    path = write_csv(tmp_path, row(lei(1), "Müller KG", "DE"), row(lei(2), "Schmidt AG", "DE", "HRB123456"),
                     row(lei(4), "Nobody", "DE", "HRB000404"))
    first, _err = run(path)
    assert "Buyers updated: 2" in first and "LEIs added: 1" in first
    history = Buyer.history.count(), BuyerIdentifier.objects.count()
    again, _err = run(path)
    assert "Buyers updated: 0 (legal names 0, statuses 0)" in again and "LEIs added: 0" in again
    assert (Buyer.history.count(), BuyerIdentifier.objects.count()) == history


def test_a_dry_run_counts_and_writes_nothing(registry, tmp_path):
    out, _err = run(write_csv(tmp_path, row(lei(1), "Müller KG", "DE")), "--dry-run")
    registry["held"].refresh_from_db()
    assert registry["held"].legal_name == "Muller GmbH"
    assert "Dry run, nothing written." in out and "Buyers updated: 1" in out


def test_the_zip_form_is_read(registry, tmp_path):
    csv_path = write_csv(tmp_path, row(lei(2), "Schmidt AG", "DE", "HRB123456"))
    zipped = tmp_path / "golden.csv.zip"
    with zipfile.ZipFile(zipped, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.write(csv_path, "20261201-gleif-goldencopy-lei2-golden-copy.csv")
    out, _err = run(zipped, "--batch-size", "1")
    registry["numbered"].refresh_from_db()
    assert registry["numbered"].lei == lei(2)


def test_a_zip_without_one_csv_is_refused(tmp_path):
    zipped = tmp_path / "empty.zip"
    with zipfile.ZipFile(zipped, "w") as archive:
        archive.writestr("readme.txt", "no csv")
    with pytest.raises(CommandError, match="exactly one .csv"):
        run(zipped)


def test_a_file_of_another_format_is_refused_naming_the_missing_columns(registry, tmp_path):
    path = write_csv(tmp_path, "DE,Muller", header="country,legal_name,lei")
    with pytest.raises(CommandError, match="not a GLEIF golden copy CSV.*Entity.LegalName.*Registration.RegistrationSta"):
        run(path)
    registry["held"].refresh_from_db()
    assert registry["held"].legal_name == "Muller GmbH"


def _batch_queries(count: int) -> int:
    """Queries of one batch of `count` records: half rename buyers holding their LEI, half give an LEI."""
    records = []
    for n in range(count):
        holder = BuyerFactory(lei=lei(1000 + n)) if n % 2 else BuyerFactory(registration_number=f"HRB7{n:05d}")
        records.append(Record(line=n + 2, lei=lei(1000 + n), legal_name=f"Renamed {n}", country="DE",
                              authority_entity_id=holder.registration_number, registration_status="ISSUED",
                              entity_status="ACTIVE"))
    with CaptureQueriesContext(connection) as queries:
        apply_batch(records, summary=Summary())
    assert Buyer.objects.filter(legal_name__startswith="Renamed").count() == count
    return len(queries)


@pytest.mark.parametrize("count", [10, 30])
def test_a_batch_takes_the_same_queries_whatever_its_size(count, registry):
    # match, typed LEI holders, savepoint, UPDATE, identifiers (COPY takes two on PostgreSQL), two history
    # INSERT ... SELECT, release.
    expected = 9 if connection.vendor == "postgresql" else 8
    assert _batch_queries(count) == expected


def test_the_buyer_admin_shows_the_lei_statuses_read_only(registry, tmp_path, underwriter, outsider):
    run(write_csv(tmp_path, row(lei(2), "Schmidt AG", "DE", "HRB123456", registration="RETIRED")))
    url = f"/admin/buyers/buyer/{registry['numbered'].pk}/change/"
    page = logged_in(underwriter).get(url)
    assert page.status_code == 200
    assert b"RETIRED" in page.content and b'name="lei_registration_status"' not in page.content
    assert logged_in(outsider).get(url).status_code in (302, 403)  # an insured's user never reaches the admin
