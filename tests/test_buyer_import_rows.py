"""The buyer import's fast paths write exactly what the instance path wrote (issue 11, item 4: faster imports).

New buyers, identifiers and grades go in as tuples (core.imports.bulk.insert_rows: COPY on PostgreSQL, no model
instance), the rows' checks are chosen once per country, names are normalised by an ASCII shortcut, and the
job runs with the heap frozen. Each is compared with the path it replaced, on tricky rows: unicode names, text
COPY must escape (backslash, tab, line break), missing optional fields, an identifier repeated in the file,
identifiers already held by another buyer (in its fields, as a typed identifier, without the VAT prefix).
Run on PostgreSQL as well (DATABASE_URL): there the tuples go through COPY.
"""

import csv
import gc
import io
import unicodedata
from datetime import timedelta

import pytest
from django.utils import timezone

from buyers.identifiers import identifier_errors
from buyers.imports import jobs, runner
from buyers.imports.rows import RowChecks, parse_row
from buyers.models import Buyer, BuyerGrade, BuyerIdentifier, BuyerImportError, BuyerImportJob, search_text
from buyers.normalize import _PUNCT, _SPACES, normalize
from core.imports import bulk

pytestmark = [pytest.mark.django_db, pytest.mark.unscoped]

HEADER = "legal_name,trading_name,country,registration_number,vat_number,lei,address,city,postal_code,sector_nace,grade"
# Columns compared between the two paths: every one but the id and the moments of writing.
COMPARED = [field.attname for field in Buyer._meta.concrete_fields
            if field.attname not in ("id", "created_at", "updated_at")]

TRICKY = [
    # (CSV line, what the row is)
    '"Müller & Söhne GmbH","Müller",DE,HRB 12345,,,"Straße 1",Köln,50667,46.90,3',  # accents, a German register
    '"Ōsaka 株式会社",,JP,JP-778,,,,大阪,,,',  # not Latin at all; no grade, no optional fields
    '"Back\\slash ""Quoted"" Ltd","Tab\there",GB,GB-1,GB 999 999 973,,"Line one\nline two",London,,,1',  # COPY escapes
    "Plain Ltd,,GB,GB-2,,5493001KJTIIGC8Y1R12,,,,,10",  # a valid LEI; the worst grade
    "Again Ltd,,GB,GB-2,,,,,,,",  # line 7 (the quoted line break made line 4 two): GB-2 is on line 6 already
    "No Identifier SARL,,FR,,,,,Paris,,,4",  # line 8: nothing to identify it by
]


def _start(user, *lines):
    content = ("\n".join([HEADER, *lines]) + "\n").encode("utf-8")
    started = jobs.start_buyer_import(requested_by=user, file=content, filename="tricky.csv")
    assert started.job is not None, started.refused
    return started.job


def _instance_path(raw_line: str) -> Buyer:
    """The buyer the replaced writer built for a new row: an instance, `fill_search_fields`, bulk_create."""
    values = dict(zip(HEADER.split(","), next(csv.reader(io.StringIO(raw_line))), strict=True))
    row = parse_row(2, values)
    buyer = Buyer(country=row.country, status=Buyer.Status.CONFIRMED, grade=row.grade,
                  grade_date=timezone.localdate() if row.grade is not None else None, **row.values)
    buyer.fill_search_fields()
    return buyer


def _columns(buyer: Buyer) -> dict:
    return {name: str(getattr(buyer, name)) if name == "country" else getattr(buyer, name) for name in COMPARED}


def test_new_buyers_from_tuples_equal_the_instance_path_on_tricky_rows(underwriter):
    job = _start(underwriter, *TRICKY)
    runner.run_import_job(job_id=job.pk)
    job = BuyerImportJob.objects.get(pk=job.pk)
    assert (job.created, job.updated, job.rows_with_errors) == (4, 0, 2)
    assert list(BuyerImportError.objects.filter(job=job).order_by("line").values_list("line", "column")) == [
        (7, "registration_number"), (8, "registration_number")]
    assert "line 6" in BuyerImportError.objects.get(job=job, line=7).message
    for line in TRICKY[:4]:
        expected = _instance_path(line)
        written = Buyer.objects.get(country=expected.country, legal_name=expected.legal_name)
        assert _columns(written) == _columns(expected), line
        assert abs(written.updated_at - written.created_at) < timedelta(seconds=1)  # the insert's moment
    quoted = Buyer.objects.get(registration_number="GB1")
    assert (quoted.legal_name, quoted.trading_name, quoted.address) == (
        'Back\\slash "Quoted" Ltd', "Tab\there", "Line one\nline two")
    osaka = Buyer.objects.get(country="JP")
    assert (osaka.grade, osaka.grade_date, osaka.kind, osaka.merged_into_id, osaka.lei_entity_status) == (
        None, None, "company", None, "")
    # One typed identifier per identifier given, a grade with its history row per graded buyer, history rows.
    assert sorted(BuyerIdentifier.objects.values_list("type", "country", "value")) == [
        ("lei", "GB", "5493001KJTIIGC8Y1R12"), ("national", "DE", "HRB12345"), ("national", "GB", "GB1"),
        ("national", "GB", "GB2"), ("national", "JP", "JP778"), ("vat", "GB", "GB999999973")]
    assert sorted(BuyerGrade.objects.values_list("buyer__legal_name", "grade", "previous_grade", "graded_by")) == [
        ('Back\\slash "Quoted" Ltd', 1, None, underwriter.pk), ("Müller & Söhne GmbH", 3, None, underwriter.pk),
        ("Plain Ltd", 10, None, underwriter.pk)]
    assert BuyerGrade.objects.filter(reason="Imported from tricky.csv").count() == 3
    assert Buyer.history.filter(history_type="+").count() == 4
    assert BuyerIdentifier.history.filter(history_type="+").count() == 6
    assert set(Buyer.history.values_list("history_user_id", flat=True)) == {underwriter.pk}


def test_identifiers_already_held_by_another_buyer_update_it_and_are_not_written_twice(underwriter):
    by_fields = Buyer.objects.create(legal_name="Fields Ltd", country="GB", vat_number="999999973",
                                     status="pending")  # held without its prefix
    by_typed = Buyer.objects.create(legal_name="Typed SARL", country="FR", registration_number="OTHER")
    BuyerIdentifier.objects.create(buyer=by_typed, type="lei", country="FR", value="5493001KJTIIGC8Y1R12")
    job = _start(underwriter, "Fields Renamed Ltd,,GB,,GB999999973,,,,,,2",
                 "Typed Renamed,,FR,,,5493001KJTIIGC8Y1R12,,Lyon,,,",
                 "Fresh Ltd,,GB,GB-NEW,,,,,,,")
    runner.run_import_job(job_id=job.pk)
    job = BuyerImportJob.objects.get(pk=job.pk)
    assert (job.created, job.updated, job.rows_with_errors) == (1, 2, 0)
    by_fields.refresh_from_db()
    by_typed.refresh_from_db()
    assert (by_fields.legal_name, by_fields.vat_number, by_fields.status, by_fields.grade) == (
        "Fields Renamed Ltd", "999999973", "confirmed", 2)
    assert by_fields.search_text == search_text(legal_name="Fields Renamed Ltd", trading_name="",
                                                registration_number="", vat_number="999999973", lei="")
    assert (by_typed.legal_name, by_typed.lei, by_typed.city) == ("Typed Renamed", "5493001KJTIIGC8Y1R12", "Lyon")
    # The typed LEI was held already: not written again. The VAT held in the buyer's field is now typed too.
    assert BuyerIdentifier.objects.filter(value="5493001KJTIIGC8Y1R12").count() == 1
    assert list(BuyerIdentifier.objects.filter(buyer=by_fields).values_list("type", "value")) == [
        ("vat", "GB999999973")]
    assert BuyerGrade.objects.get(buyer=by_fields).previous_grade is None
    assert Buyer.history.filter(history_type="~").count() == 2


def _compared_rows(model, ids):
    fields = [field.attname for field in model._meta.concrete_fields
              if field.attname not in ("id", "created_at", "updated_at")]
    return [tuple(row) for row in model.objects.filter(pk__in=ids).order_by("pk").values_list(*fields)]


def test_insert_rows_writes_the_rows_bulk_create_writes_and_gives_their_ids_in_order():
    columns = ("legal_name", "trading_name", "country", "registration_number", "grade", "grade_date", "status",
               "search_text")
    today = timezone.localdate()
    # No registration number: the same rows are written twice below (it is unique per country when given).
    rows = [("Ünïcode ☃ Ltd", "", "ES", "", None, None, "confirmed", "unicode ltd b1"),
            ("Tab\tNew\nline\\back\rslash", "\\N", "GB", "", 7, today, "pending", "\\."),
            ("Plain", "Trading", "DE", "", 1, today, "confirmed", "")]
    ids = bulk.insert_rows(Buyer, columns, rows)
    assert len(ids) == 3 and ids == sorted(ids)
    assert [Buyer.objects.get(pk=pk).legal_name for pk in ids] == [row[0] for row in rows]
    instances = [Buyer(**dict(zip(columns, row, strict=True))) for row in rows]
    Buyer.objects.bulk_create(instances)
    assert _compared_rows(Buyer, ids) == _compared_rows(Buyer, [buyer.pk for buyer in instances])
    moments = Buyer.objects.filter(pk__in=ids).values_list("created_at", "updated_at")
    assert all(abs(updated - created) < timedelta(seconds=1) for created, updated in moments)
    assert bulk.insert_rows(Buyer, columns, []) == []


def test_insert_of_instances_sets_their_pks_and_writes_what_bulk_create_writes():
    buyer = Buyer.objects.create(legal_name="Holder", country="GB")
    objs = [BuyerIdentifier(buyer=buyer, type="vat", country="GB", value="GB\t1"),
            BuyerIdentifier(buyer=buyer, type="duns", country="GB", value="Ω-2")]
    bulk.insert(BuyerIdentifier, objs)
    assert all(obj.pk and not obj._state.adding for obj in objs)
    same = [BuyerIdentifier(buyer=buyer, type="vat", country="ES", value="GB\t1"),
            BuyerIdentifier(buyer=buyer, type="duns", country="ES", value="Ω-2")]
    BuyerIdentifier.objects.bulk_create(same)
    # (buyer, type, issuer, country, value): all but the country, which the unique identity needs different.
    assert [row[:3] + row[4:] for row in _compared_rows(BuyerIdentifier, [obj.pk for obj in objs])] == [
        row[:3] + row[4:] for row in _compared_rows(BuyerIdentifier, [obj.pk for obj in same])]


@pytest.mark.parametrize(("country", "registration", "vat", "lei"), [
    ("ES", "B12345678", "ESB1", "ABC"),  # a wrong CIF control, a short VAT, a short LEI
    ("ES", "B12345674", "ESB12345674", ""),
    ("GB", "ANYTHING", "FR123", "5493001KJTIIGC8Y1R13"),  # no national rule; wrong prefix; wrong check digits
    ("FR", "732829320", "FRXX123456789", ""),
    ("GR", "", "EL123", ""),
    ("BR", "anything", "", "5493001KJTIIGC8Y1R12"),  # a country without rules: only the LEI is checked
    ("CN", "91350100M000100Y43", "", ""),
])
def test_checks_chosen_per_country_say_what_identifier_errors_says(country, registration, vat, lei):
    values = {"registration_number": registration, "vat_number": vat, "lei": lei}
    expected = list(identifier_errors(country=country, **values).items())
    checks = RowChecks()
    assert checks.identifier_errors(country, values) == expected
    assert checks.identifier_errors(country, values) == expected  # the second time from the chosen checks


def test_parse_row_with_a_jobs_checks_equals_a_fresh_parse():
    checks = RowChecks()
    raws = [{"legal_name": " A ", "country": "es", "registration_number": "B-1234567-4"},
            {"legal_name": "B", "country": "XX", "registration_number": "1"},
            {"legal_name": "", "country": "", "vat_number": ""},
            {"legal_name": "C", "country": "ES", "vat_number": "ESB1", "grade": "11"}]
    for line, raw in enumerate(raws * 2, start=2):
        assert parse_row(line, raw, checks) == parse_row(line, raw)


def _normalize_unicode_path(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text or "")
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", _PUNCT.sub(" ", stripped.casefold())).strip()


def test_the_ascii_shortcut_of_normalize_gives_what_the_unicode_path_gives():
    ascii_texts = ["".join(map(chr, range(128))), "  Bench   Buyer 1 Ltd. ", "A&B-C/D", "", "\t\n\x0b\x1c"]
    for text in ascii_texts:
        assert normalize(text) == _normalize_unicode_path(text)
    assert normalize("Müller & Söhne") == "muller sohne" == _normalize_unicode_path("Müller & Söhne")
    assert normalize("STRASSE ß") == _normalize_unicode_path("STRASSE ß") == "strasse ss"
    assert normalize(None) == ""


def test_the_heap_is_given_back_to_the_collector_after_a_job_even_one_that_dies(underwriter, monkeypatch):
    job = _start(underwriter, "One Ltd,,GB,GB-1,,,,,,,")
    runner.run_import_job(job_id=job.pk)
    assert gc.get_freeze_count() == 0 and gc.isenabled()

    def dies(**kwargs):
        assert gc.get_freeze_count() > 0  # frozen while the batch runs
        raise SystemExit("worker killed")

    monkeypatch.setattr(runner, "write_batch", dies)
    second = _start(underwriter, "Two Ltd,,GB,GB-2,,,,,,,")
    with pytest.raises(SystemExit):
        runner.run_import_job(job_id=second.pk)
    assert gc.get_freeze_count() == 0
