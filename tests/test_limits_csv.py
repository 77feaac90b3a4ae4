"""Limit requests imported from CSV and limits exported to CSV: row errors, modes, tenancy, query counts."""

import io
from decimal import Decimal

import pytest
from django.test import Client
from django_scopes import scopes_disabled
from moneyed import Money

from accounts.roles import FINANCE
from buyers.models import Buyer
from core.exceptions import DomainError
from limits import services
from limits.bulk.csv_decode import parse_limit_requests
from limits.bulk.importer import import_limit_requests
from limits.bulk.resolve import resolve_rows
from limits.bulk.rows import MAX_ROWS
from limits.models import CreditLimit
from tests.factories import member
from tests.limit_factories import csv_buyer, in_force_policy

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_tenant_scope")]

HEADER = "policy_number,buyer_country,buyer_registration_number,amount,currency,terms_days,reference"


@pytest.fixture
def policy(tenant):
    # The conftest policy, but in force whatever day the suite runs.
    return in_force_policy(tenant, "KR-TEST-001")


@pytest.fixture
def outsider_policy(other_tenant):
    return in_force_policy(other_tenant, "KR-OUT-001")


@pytest.fixture
def buyers():
    return [csv_buyer(f"PT{n:09d}") for n in range(1, 4)]


def csv_bytes(*lines, header=HEADER, delimiter=",", bom=False):
    text = "\n".join([header, *lines]).replace(",", delimiter) + "\n"
    return ("\ufeff" if bom else "").encode() + text.encode("utf-8")


def preview_of(tenant, content):
    return parse_limit_requests(tenant=tenant, file=io.BytesIO(content))


def errors_by_line(errors):
    return {(e.line, e.column): e.message for e in errors}


# Import: the good file


def test_a_good_file_creates_the_requests_decided_at_once_or_referred(tenant, user, policy, buyers):
    content = csv_bytes(
        "KR-TEST-001,PT,PT000000001,40000.00,EUR,90,CSV-1",
        "KR-TEST-001,pt,PT-000.000.002,60000,EUR,60,CSV-2",   # compacted and upper-cased like the registry
        "KR-TEST-001,PT,PT000000003,50000,eur,120,",
    )
    preview = preview_of(tenant, content)
    assert preview.errors == [] and len(preview.valid_rows) == 3

    result = import_limit_requests(tenant=tenant, requested_by=user, preview=preview, mode="all_or_nothing")

    # Default matrix (limits/migrations/0002): grade 2 up to 50,000 EUR at once, above it referred.
    assert (result.created, result.decided, result.referred, result.errors) == (3, 2, 1, [])
    limits = {limit.reference: limit for limit in CreditLimit.objects.filter(tenant=tenant)}
    assert limits["CSV-1"].state == "in_force" and limits["CSV-1"].decided_amount == 40000
    assert limits["CSV-2"].state == "pending" and limits["CSV-2"].requested_terms_days == 60
    assert limits["CSV-2"].buyer == buyers[1] and limits["CSV-2"].requested_by == user
    assert limits[""].state == "in_force" and limits[""].buyer == buyers[2]


def test_buyer_found_by_vat_number_with_or_without_country_prefix(tenant, user, policy):
    by_vat = csv_buyer("", country="ES", vat_number="ESB12345678", legal_name="Aceros del Norte S.A.")
    content = csv_bytes("KR-TEST-001,ES,B-12345678,1000,EUR,30,V-1", "KR-TEST-001,ES,ESB12345678,1000,EUR,30,V-2",
                        header="policy_number,buyer_country,buyer_vat,amount,currency,terms_days,reference")
    preview = preview_of(tenant, content)
    assert [row.buyer for row in preview.rows] == [by_vat, by_vat]
    # The same buyer twice on one policy: the second line is refused, on the column the file used.
    assert [(e.line, e.column) for e in preview.errors] == [(3, "buyer_vat")]
    assert "line 2" in preview.errors[0].message


# Import: row errors


def test_row_errors_carry_line_and_column(tenant, user, policy, buyers):
    services.request_limit(tenant=tenant, requested_by=user, policy=policy, buyer=buyers[2],
                           amount=Money(1000, "EUR"), terms_days=30, reference="USED-1")
    for line in range(5, 11):  # the lines 5-10 name known buyers: only the named problem is reported
        csv_buyer(f"PTL{line:02d}")
    content = csv_bytes(
        "KR-TEST-001,PT,PT000000001,1000,EUR,30,OK-1",        # line 2: fine
        "KR-NOPE-999,PT,PT000000001,1000,EUR,30,E-3",         # 3: unknown policy
        "KR-TEST-001,PT,PT999999999,1000,EUR,30,E-4",         # 4: unknown buyer
        'KR-TEST-001,PT,PTL05,"50,000",EUR,30,E-5',           # 5: thousands separator
        "KR-TEST-001,PT,PTL06,50.000,EUR,30,E-6",             # 6: '.' as thousands separator
        "KR-TEST-001,PT,PTL07,1000,USD,30,E-7",               # 7: not the policy's currency
        "KR-TEST-001,PT,PTL08,1000,EUR,150,E-8",              # 8: beyond the maximum credit period (120)
        "KR-TEST-001,PT,PTL09,1000,EUR,30,OK-1",              # 9: reference already on line 2
        "KR-TEST-001,PT,PTL10,1000,EUR,30,USED-1",            # 10: reference already used
        "KR-TEST-001,PT,PT000000001,1000,EUR,30,E-11",        # 11: same buyer and policy as line 2
        # 12: the buyer has a limit in force (USED-1, decided at once): a new request is an increase, allowed.
        "KR-TEST-001,PT,PT000000003,60000,EUR,30,E-12",
    )
    preview = preview_of(tenant, content)
    errors = errors_by_line(preview.errors)

    assert "Unknown policy" in errors[(3, "policy_number")]
    assert "Unknown buyer" in errors[(4, "buyer_registration_number")]
    assert "thousands separators" in errors[(5, "amount")]
    assert "thousands separators" in errors[(6, "amount")]
    assert "EUR" in errors[(7, "currency")]
    assert "maximum credit period of 120 days" in errors[(8, "terms_days")]
    assert "line 2" in errors[(9, "reference")]
    assert "already used the reference USED-1" in errors[(10, "reference")]
    assert "line 2" in errors[(11, "buyer_registration_number")]
    # One problem per bad line, nothing on the good lines 2 and 12.
    assert sorted(line for line, _column in errors) == [3, 4, 5, 6, 7, 8, 9, 10, 11]


def test_a_pending_request_on_the_pair_is_reported_before_import(tenant, user, policy):
    buyer = csv_buyer("PT000000007", grade=7)  # grade 7: referred, so it stays pending
    services.request_limit(tenant=tenant, requested_by=user, policy=policy, buyer=buyer,
                           amount=Money(1000, "EUR"), terms_days=30)
    preview = preview_of(tenant, csv_bytes("KR-TEST-001,PT,PT000000007,2000,EUR,30,"))
    assert "already with an underwriter" in errors_by_line(preview.errors)[(2, "buyer_registration_number")]


def test_a_row_naming_the_outsiders_policy_gets_unknown_policy(tenant, user, policy, outsider_policy, buyers):
    preview = preview_of(tenant, csv_bytes("KR-OUT-001,PT,PT000000001,1000,EUR,30,X-1"))
    assert errors_by_line(preview.errors) == {(2, "policy_number"): "Unknown policy KR-OUT-001."}
    assert preview.rows[0].policy is None

    result = import_limit_requests(tenant=tenant, requested_by=user, preview=preview, mode="valid_rows")
    assert result.created == 0
    assert not CreditLimit.objects.filter(policy=outsider_policy).exists()


def test_another_tenants_pending_buyer_proposal_is_an_unknown_buyer(tenant, other_tenant, policy):
    csv_buyer("PT000000055", status="pending", grade=None, proposed_by_tenant=other_tenant)
    preview = preview_of(tenant, csv_bytes("KR-TEST-001,PT,PT000000055,1000,EUR,30,"))
    assert "Unknown buyer" in errors_by_line(preview.errors)[(2, "buyer_registration_number")]


# Resolution of plain rows: no CSV at all (a bulk API or an ERP file resolves its rows alike)


def request_row(registration, **values):
    return {"policy_number": "KR-TEST-001", "buyer_country": "PT", "buyer_registration_number": registration,
            "amount": "1000", "currency": "EUR", "terms_days": "30", **values}


@pytest.mark.parametrize("values, column", [
    ({"terms_days": "121"}, "terms_days"),
    ({"terms_days": "0"}, "terms_days"),
    ({"currency": "USD"}, "currency"),
    ({"buyer_registration_number": "CU000000001", "buyer_country": "CU"}, "buyer_country"),
])
def test_a_row_is_refused_with_the_words_request_limit_would_use(tenant, user, policy, values, column):
    # The preview runs the request service's own checks, so the file says what the form and the API say.
    with scopes_disabled():
        policy.terms_versions.update(excluded_countries="CU")  # as issued
    csv_buyer("CU000000001", country="CU")
    row = request_row("PT000000001", **values)
    csv_buyer("PT000000001")
    [resolved] = resolve_rows(tenant=tenant, rows={2: row}).rows
    buyer = Buyer.objects.get(registration_number=row["buyer_registration_number"])
    with pytest.raises(DomainError) as refusal:
        services.request_limit(tenant=tenant, requested_by=user, policy=policy, buyer=buyer,
                               amount=Money(row["amount"], row["currency"]), terms_days=int(row["terms_days"]))
    assert [(e.column, e.message) for e in resolved.errors] == [(column, refusal.value.message)]


def test_plain_rows_are_resolved_with_errors_keyed_by_row_and_field(tenant, policy, outsider_policy, buyers):
    preview = resolve_rows(tenant=tenant, rows={
        1: request_row("PT-000.000.001", buyer_country="pt", reference="API-1"),
        2: request_row("PT000000002", policy_number="KR-OUT-001", amount="50,000"),
        3: {"buyer_country": "PT", "buyer_registration_number": "PT000000003"},
    })
    assert [row.line for row in preview.rows] == [1, 2, 3]
    (good, _bad, _bare) = preview.rows
    assert (good.policy, good.buyer, good.amount, good.terms_days, good.reference) == (
        policy, buyers[0], Money(1000, "EUR"), 30, "API-1")
    assert {(e.line, e.column) for e in preview.errors} == {
        (2, "policy_number"), (2, "amount"),
        (3, "policy_number"), (3, "amount"), (3, "currency"), (3, "terms_days"),
    }
    errors = errors_by_line(preview.errors)
    assert errors[(2, "policy_number")] == "Unknown policy KR-OUT-001."  # the outsider's policy stays unknown
    assert "thousands separators" in errors[(2, "amount")]
    assert errors[(3, "policy_number")] == "Give the policy number."
    assert errors[(3, "terms_days")] == "Give the payment terms in days."


def test_plain_rows_keep_the_callers_numbers_and_are_checked_against_each_other(tenant, policy, buyers):
    raw = {10: request_row(" PT-000.000.001", buyer_country="pt", reference="SAME"),
           20: request_row("PT000000001", reference="SAME")}
    preview = resolve_rows(tenant=tenant, rows=raw)
    assert errors_by_line(preview.errors) == {
        (20, "reference"): "The reference SAME is already on line 10 of this file.",
        (20, "buyer_registration_number"): "This buyer is already requested on policy KR-TEST-001 on line 10 "
                                           "of this file: one request per buyer and policy.",
    }
    assert raw[10] == request_row(" PT-000.000.001", buyer_country="pt", reference="SAME")  # left as given


def test_resolved_plain_rows_import_like_a_file(tenant, user, policy, buyers):
    preview = resolve_rows(tenant=tenant, rows={
        1: request_row("PT000000001", reference="API-1"),
        2: request_row("PT000000002", terms_days="ninety"),
        3: request_row("PT000000003", amount="60000", reference="API-3"),
    })
    result = import_limit_requests(tenant=tenant, requested_by=user, preview=preview, mode="valid_rows")
    assert (result.created, result.decided, result.referred) == (2, 1, 1)
    assert [(e.line, e.column) for e in result.errors] == [(2, "terms_days")]
    assert sorted(CreditLimit.objects.filter(tenant=tenant).values_list("reference", flat=True)) == ["API-1", "API-3"]


# Import: the two modes


BAD_FILE = (
    "KR-TEST-001,PT,PT000000001,40000,EUR,90,A-1",
    "KR-TEST-001,PT,PT000000002,abc,EUR,90,A-2",
    "KR-TEST-001,PT,PT000000003,60000,EUR,90,A-3",
)


def test_all_or_nothing_creates_nothing_when_one_row_is_bad(tenant, user, policy, buyers):
    preview = preview_of(tenant, csv_bytes(*BAD_FILE))
    result = import_limit_requests(tenant=tenant, requested_by=user, preview=preview, mode="all_or_nothing")
    assert (result.created, result.rows_with_errors, result.rolled_back) == (0, 1, True)
    assert [(e.line, e.column) for e in result.errors] == [(3, "amount")]
    assert not CreditLimit.objects.filter(tenant=tenant).exists()


def test_valid_rows_creates_the_good_ones_and_reports_the_others(tenant, user, policy, buyers):
    preview = preview_of(tenant, csv_bytes(*BAD_FILE))
    result = import_limit_requests(tenant=tenant, requested_by=user, preview=preview, mode="valid_rows")
    assert (result.created, result.decided, result.referred, result.rows_with_errors) == (2, 1, 1, 1)
    assert sorted(CreditLimit.objects.filter(tenant=tenant).values_list("reference", flat=True)) == ["A-1", "A-3"]


def test_a_service_refusal_at_import_rolls_everything_back_in_all_or_nothing(tenant, user, policy, buyers):
    preview = preview_of(tenant, csv_bytes(
        "KR-TEST-001,PT,PT000000001,40000,EUR,90,R-1", "KR-TEST-001,PT,PT000000002,1000,EUR,90,R-2",
    ))
    assert not preview.has_errors
    # Between the check and the import someone used the reference R-2 (the service checks again).
    services.request_limit(tenant=tenant, requested_by=user, policy=policy, buyer=buyers[2],
                           amount=Money(1000, "EUR"), terms_days=30, reference="R-2")

    result = import_limit_requests(tenant=tenant, requested_by=user, preview=preview, mode="all_or_nothing")
    assert result.created == 0 and result.rolled_back
    assert [(e.line, e.column) for e in result.errors] == [(3, "reference")]
    assert list(CreditLimit.objects.filter(tenant=tenant).values_list("reference", flat=True)) == ["R-2"]

    result = import_limit_requests(tenant=tenant, requested_by=user, preview=preview, mode="valid_rows")
    assert result.created == 1 and [(e.line, e.column) for e in result.errors] == [(3, "reference")]
    assert CreditLimit.objects.get(reference="R-1").state == "in_force"


# Import: the file itself


def test_semicolon_file_with_bom_works(tenant, user, policy, buyers):
    content = csv_bytes("KR-TEST-001;PT;PT000000001;1234.5;EUR;30;SEMI-1", delimiter=";", bom=True)
    preview = preview_of(tenant, content)
    assert preview.delimiter == ";" and preview.errors == []
    result = import_limit_requests(tenant=tenant, requested_by=user, preview=preview, mode="valid_rows")
    assert result.created == 1
    assert CreditLimit.objects.get(reference="SEMI-1").requested_amount == Decimal("1234.5")


def test_blank_lines_are_skipped_and_line_numbers_stay_true(tenant, policy, buyers):
    preview = preview_of(tenant, csv_bytes("", "KR-TEST-001,PT,PT000000001,1000,EUR,30,B-1", "",
                                           "KR-TEST-001,PT,PT000000002,zero,EUR,30,B-2"))
    assert [row.line for row in preview.rows] == [3, 5]
    assert [(e.line, e.column) for e in preview.errors] == [(5, "amount")]


def test_blank_lines_above_the_header_keep_every_error_on_its_true_line(tenant, policy, buyers):
    content = b"\n\n" + csv_bytes("KR-TEST-001,PT,PT000000001,1000,EUR,30,B-1,surplus")
    preview = preview_of(tenant, content)
    assert [row.line for row in preview.rows] == [4]
    assert [(e.line, e.message) for e in preview.errors] == [
        (4, "This line has more values than the header has columns.")
    ]


@pytest.mark.parametrize("content, expected", [
    (b"", "The file is empty."),
    (b"\xef\xbb\xbf\n\n", "The file is empty."),
    (HEADER.encode() + b"\n", "no rows below the header"),
    (b"policy_number,amount,currency\nKR-TEST-001,1000,EUR\n", "Missing columns: buyer_country, terms_days"),
    ("policy_number,buyer_country,buyer_registration_number,amount,currency,terms_days\n"
     "KR,PT,1,Ümlaut,EUR,30\n".encode("latin-1"), "not UTF-8"),
])
def test_a_bad_file_gets_one_clear_file_error(tenant, policy, content, expected):
    preview = preview_of(tenant, content)
    assert len(preview.file_errors) == 1 and expected in preview.file_errors[0].message
    assert preview.rows == []


def test_too_many_rows_is_refused(tenant, policy):
    lines = [f"KR-TEST-001,PT,PT{n:09d},1000,EUR,30," for n in range(MAX_ROWS + 1)]
    preview = preview_of(tenant, csv_bytes(*lines))
    assert [e.message for e in preview.file_errors] == [
        "The file has more than 5,000 rows: split it into files of at most 5,000 rows."
    ]
    assert preview.rows == []


def test_a_file_over_2_mb_is_refused(tenant, policy):
    content = csv_bytes(*["x" * 1000] * 2100)
    preview = preview_of(tenant, content)
    assert [e.message for e in preview.file_errors] == ["The file is larger than 2 MB: split it into smaller files."]


# Import: the browser page


def test_the_import_page_creates_and_shows_counts(client_of_user, tenant, policy, buyers):
    assert client_of_user.get("/limits/import/").status_code == 200
    upload = io.BytesIO(csv_bytes(*BAD_FILE))
    upload.name = "limits.csv"
    response = client_of_user.post("/limits/import/", {"file": upload, "mode": "valid_rows"})
    page = response.content.decode()
    assert response.status_code == 200
    assert response.context["result"].created == 2
    assert "Requests created" in page and "abc" in page and "<td>3</td><td>amount</td>" in page
    assert sorted(CreditLimit.objects.filter(tenant=tenant).values_list("reference", flat=True)) == ["A-1", "A-3"]


@pytest.mark.parametrize("content, expected", [
    (b"", "file is empty"),  # Django's form refuses an empty upload itself
    (b"foo,bar\n1,2\n", "Missing columns"),
    (csv_bytes(*["x" * 1000] * 3300), "larger than 3 MB"),  # past IMPORT_FILE_MAX_BYTES, lowered here
])
def test_the_import_page_shows_file_errors_never_a_500(client_of_user, policy, content, expected, settings):
    settings.IMPORT_FILE_MAX_BYTES = 3 * 1024 * 1024
    upload = io.BytesIO(content)
    upload.name = "limits.csv"
    response = client_of_user.post("/limits/import/", {"file": upload, "mode": "all_or_nothing"})
    assert response.status_code in (200, 400)
    assert expected in response.content.decode()
    assert not CreditLimit.objects.exists()


def test_finance_can_export_but_not_import(tenant):
    client = Client()
    client.force_login(member(tenant, [FINANCE]))
    assert client.get("/limits/import/").status_code == 403
    assert client.get("/limits/export.csv").status_code == 200


def test_anonymous_is_sent_to_login(client):
    assert client.get("/limits/import/").status_code == 302
    assert client.get("/limits/export.csv").status_code == 302


# Query counts: constant in the number of rows


def _many_rows(n):
    for i in range(n):
        csv_buyer(f"Q{i:09d}")
    return csv_bytes(*[f"KR-TEST-001,PT,Q{i:09d},1000,EUR,30,Q-{i}" for i in range(n)])


@pytest.mark.parametrize("n", [5, 50])
def test_preview_query_count_is_constant(tenant, policy, django_assert_num_queries, n):
    content = _many_rows(n)
    # 5: the policies come with their terms versions (the request day's countries and credit period).
    with django_assert_num_queries(6):
        preview = preview_of(tenant, content)
    assert len(preview.valid_rows) == n
