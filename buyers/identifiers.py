"""Offline checks of a buyer's identifiers: LEI, EU VAT numbers, national registration numbers.

Pure functions over compacted strings (buyers.normalize.compact): no registry is asked. A check answers
with the message a user reads, or None when the identifier is well formed. Formats not known here
(a country without a rule) are accepted: an unknown format is not a wrong one.

- LEI: ISO 17442, 18 alphanumerics and two check digits by ISO 7064 MOD 97-10 (as IBAN).
- VAT: the format per EU member state (the 27, Greece as EL, Northern Ireland as XI), as the
  European Commission's VIES publishes them; the prefix must match the buyer's country.
- National numbers: Spanish NIF (DNI, NIE, CIF) with its control character, French SIREN/SIRET
  (Luhn), Chinese unified social credit code (GB 32100-2015, check character mod 31), Portuguese NIPC
  (mod 11), Italian partita IVA (Luhn variant), German Handelsregister (HRA/HRB and a number).
"""

import re

from django.utils.translation import gettext as _

from buyers.normalize import compact

# LEI ----------------------------------------------------------------------------------------------

_LEI = re.compile(r"^[A-Z0-9]{18}[0-9]{2}$")


def _mod97(text: str) -> int:
    """ISO 7064 MOD 97-10 over digits and letters (A=10 ... Z=35)."""
    return int("".join(str(int(ch, 36)) for ch in text)) % 97


def lei_is_valid(value: str) -> bool:
    value = compact(value)
    return bool(_LEI.match(value)) and _mod97(value) == 1


def lei_error(value: str) -> str | None:
    value = compact(value)
    if not value:
        return None
    if not _LEI.match(value):
        return _("An LEI is 20 characters: 18 letters or digits and 2 check digits (ISO 17442).")
    if _mod97(value) != 1:
        return _("This LEI's check digits are wrong (ISO 17442): check for a mistyped character.")
    return None


# VAT ----------------------------------------------------------------------------------------------

# The number after the prefix, per VAT prefix (VIES formats).
VAT_FORMATS = {
    "AT": r"U\d{8}",
    "BE": r"[01]\d{9}",
    "BG": r"\d{9,10}",
    "CY": r"\d{8}[A-Z]",
    "CZ": r"\d{8,10}",
    "DE": r"\d{9}",
    "DK": r"\d{8}",
    "EE": r"\d{9}",
    "EL": r"\d{9}",
    "ES": r"[A-Z0-9]\d{7}[A-Z0-9]",
    "FI": r"\d{8}",
    "FR": r"[A-HJ-NP-Z0-9]{2}\d{9}",
    "HR": r"\d{11}",
    "HU": r"\d{8}",
    "IE": r"\d{7}[A-W][A-I]?|\d[A-Z+*]\d{5}[A-W]",
    "IT": r"\d{11}",
    "LT": r"\d{9}|\d{12}",
    "LU": r"\d{8}",
    "LV": r"\d{11}",
    "MT": r"\d{8}",
    "NL": r"\d{9}B\d{2}",
    "PL": r"\d{10}",
    "PT": r"\d{9}",
    "RO": r"[1-9]\d{1,9}",
    "SE": r"\d{10}01",
    "SI": r"\d{8}",
    "SK": r"\d{10}",
    "XI": r"\d{9}|\d{12}|GD\d{3}|HA\d{3}",
    # Not in the EU since 2021, but the same format as XI and common among buyers.
    "GB": r"\d{9}|\d{12}|GD\d{3}|HA\d{3}",
}

# The VAT prefixes a buyer of a country may carry: Greece uses EL; a Northern Irish trader (country GB)
# carries XI for goods under the Windsor Framework.
_VAT_PREFIXES = {country: (country,) for country in VAT_FORMATS}
_VAT_PREFIXES.pop("EL")
_VAT_PREFIXES.pop("XI")
_VAT_PREFIXES["GR"] = ("EL",)
_VAT_PREFIXES["GB"] = ("GB", "XI")


def vat_error(value: str, country: str) -> str | None:
    value, country = compact(value), (country or "").upper()
    prefixes = _VAT_PREFIXES.get(country)
    if not value or prefixes is None:
        return None
    prefix = next((p for p in prefixes if value.startswith(p)), None)
    if prefix is None:
        return _("A VAT number of this country starts with %(prefix)s.") % {"prefix": " / ".join(prefixes)}
    if not re.fullmatch(VAT_FORMATS[prefix], value[len(prefix):]):
        return _("This is not the format of a %(prefix)s VAT number.") % {"prefix": prefix}
    return None


# National registration numbers --------------------------------------------------------------------

_DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"
_CIF_LETTERS = "JABCDEFGHI"


def _luhn_ok(digits: str) -> bool:
    total = 0
    for index, ch in enumerate(reversed(digits)):
        n = int(ch) * (2 if index % 2 else 1)
        total += n - 9 if n > 9 else n
    return total % 10 == 0


def spanish_nif_is_valid(value: str) -> bool:
    """DNI (8 digits + letter), NIE (X/Y/Z + 7 digits + letter) or CIF (letter + 7 digits + control)."""
    value = compact(value)
    if re.fullmatch(r"\d{8}[A-Z]", value):
        return _DNI_LETTERS[int(value[:8]) % 23] == value[8]
    if re.fullmatch(r"[XYZ]\d{7}[A-Z]", value):
        return _DNI_LETTERS[int(str("XYZ".index(value[0])) + value[1:8]) % 23] == value[8]
    if not re.fullmatch(r"[ABCDEFGHJKLMNPQRSUVW]\d{7}[0-9A-J]", value):
        return False
    digits = value[1:8]
    even = sum(int(d) for d in digits[1::2])
    odd = sum(sum(divmod(int(d) * 2, 10)) for d in digits[::2])
    control = (10 - (even + odd) % 10) % 10
    # Which form the control takes depends on the entity type (the first letter).
    if value[0] in "KPQRSNW":
        return value[8] == _CIF_LETTERS[control]
    if value[0] in "ABEH":
        return value[8] == str(control)
    return value[8] in (str(control), _CIF_LETTERS[control])


def french_siren_is_valid(value: str) -> bool:
    """SIREN (9 digits) or SIRET (14 digits), both Luhn."""
    value = compact(value)
    return bool(re.fullmatch(r"\d{9}|\d{14}", value)) and _luhn_ok(value)


_USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # GB 32100-2015: no I, O, S, V, Z
_USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def chinese_uscc_is_valid(value: str) -> bool:
    """Unified social credit code: 18 characters, the last a check character mod 31."""
    value = compact(value)
    if len(value) != 18 or any(ch not in _USCC_CHARS for ch in value):
        return False
    total = sum(_USCC_CHARS.index(ch) * weight for ch, weight in zip(value[:17], _USCC_WEIGHTS, strict=True))
    return _USCC_CHARS[(31 - total % 31) % 31] == value[17]


def portuguese_nipc_is_valid(value: str) -> bool:
    value = compact(value)
    if not re.fullmatch(r"\d{9}", value):
        return False
    total = sum(int(d) * w for d, w in zip(value[:8], range(9, 1, -1), strict=True))
    control = 11 - total % 11
    return int(value[8]) == (0 if control >= 10 else control)


def italian_partita_iva_is_valid(value: str) -> bool:
    value = compact(value)
    return bool(re.fullmatch(r"\d{11}", value)) and _luhn_ok(value)


def german_register_is_valid(value: str) -> bool:
    """Handelsregister: HRA or HRB and the court's number (the court itself is not part of it here)."""
    return bool(re.fullmatch(r"HR[AB]\d{1,6}[A-Z]?", compact(value)))


_NATIONAL = {
    "ES": spanish_nif_is_valid,
    "FR": french_siren_is_valid,
    "CN": chinese_uscc_is_valid,
    "PT": portuguese_nipc_is_valid,
    "IT": italian_partita_iva_is_valid,
    "DE": german_register_is_valid,
}


def _national_message(country: str) -> str:
    # Built when asked, so the message is in the language of the user who reads it.
    return {
        "ES": _("This is not a valid Spanish NIF (DNI, NIE or CIF): check the control character."),
        "FR": _("This is not a valid French SIREN (9 digits) or SIRET (14 digits): the Luhn check fails."),
        "CN": _("This is not a valid Chinese unified social credit code: check the 18th character."),
        "PT": _("This is not a valid Portuguese NIPC: check the last digit."),
        "IT": _("This is not a valid Italian partita IVA: check the last digit."),
        "DE": _("A German commercial register number is HRA or HRB followed by its number."),
    }[country]


def national_error(value: str, country: str) -> str | None:
    value, country = compact(value), (country or "").upper()
    check = _NATIONAL.get(country)
    if not value or check is None or check(value):
        return None
    return _national_message(country)


def identifier_errors(*, country: str, registration_number: str = "", vat_number: str = "",
                      lei: str = "") -> dict[str, str]:
    """Each badly formed identifier of a buyer, keyed by the field the user fixes."""
    found = {
        "registration_number": national_error(registration_number, country),
        "vat_number": vat_error(vat_number, country),
        "lei": lei_error(lei),
    }
    return {field: message for field, message in found.items() if message}


def identifier_checks(country: str) -> dict:
    """The checks `identifier_errors` makes for a buyer of `country` (upper case), by field, without those that
    cannot fail there (no rule for the country): a bulk import chooses them once per country, then runs them on
    each non-blank value."""
    checks = {}
    if country in _NATIONAL:
        checks["registration_number"] = lambda value: national_error(value, country)
    if country in _VAT_PREFIXES:
        checks["vat_number"] = lambda value: vat_error(value, country)
    checks["lei"] = lei_error
    return checks


def typed_identifier_error(*, type: str, country: str, value: str) -> str | None:  # noqa: A002 - the model's name
    """The check for a BuyerIdentifier row of `type` (national, vat, lei; others are not checked)."""
    if type == "lei":
        return lei_error(value)
    if type == "vat":
        return vat_error(value, country)
    if type == "national":
        return national_error(value, country)
    return None
