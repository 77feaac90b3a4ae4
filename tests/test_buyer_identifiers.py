"""Identifier checks done offline (buyers.identifiers): LEI check digits, EU VAT formats, national numbers,
and the message a user gets when recording a mistyped one (proposal page, API, underwriters' admin).
"""

import pytest

from buyers.identifiers import (
    chinese_uscc_is_valid,
    french_siren_is_valid,
    german_register_is_valid,
    identifier_errors,
    italian_partita_iva_is_valid,
    lei_error,
    lei_is_valid,
    portuguese_nipc_is_valid,
    spanish_nif_is_valid,
    vat_error,
)
from buyers.models import Buyer
from tests.factories import api_error

# --- LEI (ISO 17442, ISO 7064 MOD 97-10) --------------------------------------------------------


@pytest.mark.parametrize("lei", ["5493001KJTIIGC8Y1R12", "7LTWFZYICNSX8D621K86", "529900T8BM49AURSDO55",
                                 "5493 001K JTII GC8Y 1R12", "5493001kjtiigc8y1r12"])
def test_real_leis_pass_the_check_digits(lei):
    assert lei_is_valid(lei) and lei_error(lei) is None


@pytest.mark.parametrize("lei", ["5493001KJTIIGC8Y1R13", "5493001KJTIIGC8Y1R21", "5493001KJTIIGC8YIR12"])
def test_a_mistyped_lei_fails_the_check_digits(lei):
    assert not lei_is_valid(lei)
    assert "check digits" in lei_error(lei)


@pytest.mark.parametrize("lei", ["5493001KJTIIGC8Y1R1", "5493001KJTIIGC8Y1R1X", "5493001KJTIIGC8Y1R123"])
def test_an_lei_is_20_characters_ending_in_two_digits(lei):
    assert "20 characters" in lei_error(lei)


# --- VAT formats per EU member state ----------------------------------------------------------------

VALID_VAT = {
    "AT": "ATU12345678", "BE": "BE0123456789", "BG": "BG1234567890", "CY": "CY12345678X", "CZ": "CZ12345678",
    "DE": "DE811111111", "DK": "DK12345678", "EE": "EE123456789", "GR": "EL094014201", "ES": "ESB12345674",
    "FI": "FI12345678", "FR": "FRXX123456789", "HR": "HR12345678901", "HU": "HU12345678", "IE": "IE1234567WA",
    "IT": "IT00743110157", "LT": "LT123456789012", "LU": "LU12345678", "LV": "LV12345678901", "MT": "MT12345678",
    "NL": "NL123456789B01", "PL": "PL1234567890", "PT": "PT509999999", "RO": "RO1234567890", "SE": "SE123456789001",
    "SI": "SI12345678", "SK": "SK1234567890", "GB": "XI123456789",
}
INVALID_VAT = {
    "AT": "AT12345678", "BE": "BE2123456789", "BG": "BG12345678", "CY": "CY123456789", "CZ": "CZ1234567",
    "DE": "DE81111111", "DK": "DK1234567", "EE": "EE12345678", "GR": "EL12345678", "ES": "ES123456",
    "FI": "FI1234567", "FR": "FRIO123456789", "HR": "HR1234567890", "HU": "HU123456789", "IE": "IE1234567",
    "IT": "IT1234567890", "LT": "LT1234567890", "LU": "LU1234567", "LV": "LV1234567890", "MT": "MT1234567",
    "NL": "NL123456789A01", "PL": "PL123456789", "PT": "PT12345678", "RO": "RO0123", "SE": "SE123456789002",
    "SI": "SI1234567", "SK": "SK123456789", "GB": "XI12345678",
}


def test_every_member_state_and_northern_ireland_has_a_format():
    assert len(VALID_VAT) == len(INVALID_VAT) == 28


@pytest.mark.parametrize("country,vat", VALID_VAT.items())
def test_vat_number_in_its_countrys_format_passes(country, vat):
    assert vat_error(vat, country) is None


@pytest.mark.parametrize("country,vat", INVALID_VAT.items())
def test_vat_number_out_of_its_countrys_format_fails(country, vat):
    assert vat_error(vat, country)


def test_vat_prefix_must_match_the_buyers_country():
    assert "starts with DE" in vat_error("FR12345678901", "DE")
    assert "starts with EL" in vat_error("GR094014201", "GR")  # Greece uses EL, not its ISO code
    assert vat_error("US123", "US") is None  # no EU format to check: accepted as given


# --- national registration numbers ---------------------------------------------------------------


@pytest.mark.parametrize("number", ["A28015865", "A39000013", "B12345674", "12345678Z", "X1234567L", "Q2826000H"])
def test_spanish_nif_with_its_control_character(number):
    assert spanish_nif_is_valid(number)


@pytest.mark.parametrize("number", ["A28015866", "B12345678", "12345678A", "X1234567A", "Q2826000A", "I1234567J"])
def test_spanish_nif_with_a_wrong_control_character(number):
    assert not spanish_nif_is_valid(number)


def test_french_siren_and_siret_by_luhn():
    assert french_siren_is_valid("552081317") and french_siren_is_valid("73282932000074")
    assert not french_siren_is_valid("552081318") and not french_siren_is_valid("5520813")


def test_chinese_unified_social_credit_code_check_character():
    assert chinese_uscc_is_valid("91350100M000100Y43")
    assert not chinese_uscc_is_valid("91350100M000100Y44")
    assert not chinese_uscc_is_valid("91350100M00010OY43")  # O is not in the code's alphabet


def test_portuguese_nipc_italian_partita_iva_german_register():
    assert portuguese_nipc_is_valid("500697256") and not portuguese_nipc_is_valid("500697257")
    assert italian_partita_iva_is_valid("00743110157") and not italian_partita_iva_is_valid("00743110158")
    assert german_register_is_valid("HRB 123.456") and not german_register_is_valid("123456")


def test_identifier_errors_name_each_wrong_field_and_skip_unknown_formats():
    errors = identifier_errors(country="ES", registration_number="B-12.345.678", vat_number="ESB1",
                               lei="5493001KJTIIGC8Y1R13")
    assert set(errors) == {"registration_number", "vat_number", "lei"}
    assert identifier_errors(country="BR", registration_number="anything 123") == {}


# --- where identifiers are recorded: a field message --------------------------------------------

PROPOSAL = {
    "legal_name": "Nuevo Cliente S.A.", "country": "ES", "registration_number": "A-98.765.431",
    "vat_number": "ESA98765431", "lei": "", "sector_nace": "46.90", "address": "", "city": "", "postal_code": "",
}


@pytest.mark.django_db
@pytest.mark.usefixtures("in_tenant_scope")
def test_propose_page_shows_a_wrong_control_character_on_its_field(client_of_user, client_of_outsider):
    response = client_of_user.post("/buyers/propose/", {**PROPOSAL, "registration_number": "A-98.765.432",
                                                        "lei": "5493001KJTIIGC8Y1R13"})
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert "control character" in errors["registration_number"][0]
    assert "check digits" in errors["lei"][0]
    assert not Buyer.objects.exists()
    # The outsider's valid proposal goes through: the check refuses numbers, not tenants.
    assert client_of_outsider.post("/buyers/propose/", PROPOSAL).status_code == 302


@pytest.mark.django_db
@pytest.mark.usefixtures("in_tenant_scope")
def test_api_proposal_with_a_bad_vat_format_is_a_field_error(api_client, api_client_of_outsider):
    response = api_client.post("/api/v1/buyers/", {**PROPOSAL, "vat_number": "ES123"}, format="json")
    assert response.status_code == 400
    code, fields = api_error(response)
    assert "/vat_number" in fields and "format" in fields["/vat_number"][0]
    assert not Buyer.objects.exists()
    assert api_client_of_outsider.post("/api/v1/buyers/", PROPOSAL, format="json").status_code == 201


@pytest.mark.django_db
@pytest.mark.unscoped
def test_admin_identifier_row_with_a_bad_lei_is_refused(client_of_underwriter, muller):
    data = {
        "legal_name": muller.legal_name, "trading_name": "", "country": "DE",
        "registration_number": muller.registration_number, "vat_number": muller.vat_number, "lei": "",
        "sector_nace": "", "address": "", "city": "", "postal_code": "",
        "identifiers-TOTAL_FORMS": "1", "identifiers-INITIAL_FORMS": "0",
        "identifiers-0-type": "lei", "identifiers-0-issuer": "", "identifiers-0-country": "DE",
        "identifiers-0-value": "5493001KJTIIGC8Y1R13",
        "grades-TOTAL_FORMS": "0", "grades-INITIAL_FORMS": "0",
    }
    response = client_of_underwriter.post(f"/admin/buyers/buyer/{muller.pk}/change/", data)
    assert response.status_code == 200
    assert "check digits" in response.content.decode()
    assert not muller.identifiers.filter(type="lei").exists()
    response = client_of_underwriter.post(f"/admin/buyers/buyer/{muller.pk}/change/", {**data, "lei": "7LTWFZYICNSX8D621K87"})
    assert "check digits" in response.content.decode()
