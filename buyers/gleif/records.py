"""The golden copy's columns and one record's fields, and the file opened as a CSV stream (.csv or .zip)."""

import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from django.utils.translation import gettext as _

from buyers.identifiers import lei_is_valid
from buyers.normalize import compact
from core.imports import stream

# LEI-CDF 3.1 golden copy column names (the reader lower-cases headers).
LEI = "lei"
LEGAL_NAME = "entity.legalname"
COUNTRY = "entity.legaladdress.country"
AUTHORITY_ENTITY_ID = "entity.registrationauthority.registrationauthorityentityid"
ENTITY_STATUS = "entity.entitystatus"
REGISTRATION_STATUS = "registration.registrationstatus"
REQUIRED = (LEI, LEGAL_NAME, COUNTRY, AUTHORITY_ENTITY_ID, ENTITY_STATUS, REGISTRATION_STATUS)
# The spelling the file uses, for the message naming the missing ones.
SPELLED = {"lei": "LEI", "entity.legalname": "Entity.LegalName", "entity.legaladdress.country":
            "Entity.LegalAddress.Country", AUTHORITY_ENTITY_ID:
            "Entity.RegistrationAuthority.RegistrationAuthorityEntityID", ENTITY_STATUS: "Entity.EntityStatus",
            REGISTRATION_STATUS: "Registration.RegistrationStatus"}

ISSUED, INACTIVE = "ISSUED", "INACTIVE"
LEGAL_NAME_MAX = 200  # Buyer.legal_name


def header_problem(columns: list[str]) -> str | None:
    missing = [SPELLED[name] for name in REQUIRED if name not in columns]
    if missing:
        return _("This is not a GLEIF golden copy CSV (LEI-CDF, Level 1): the columns %(columns)s are missing.") % {
            "columns": ", ".join(missing)}
    return None


@dataclass(frozen=True)
class Record:
    line: int
    lei: str
    legal_name: str
    country: str
    authority_entity_id: str
    registration_status: str
    entity_status: str

    @property
    def lapsed(self) -> bool:
        """The LEI is no longer a current registration, or the entity no longer operates."""
        return self.registration_status != ISSUED or self.entity_status == INACTIVE

    @property
    def valid(self) -> bool:
        return lei_is_valid(self.lei)


def record(line: int, values: dict[str, str]) -> Record:
    return Record(line=line, lei=compact(values[LEI]), legal_name=values[LEGAL_NAME].strip()[:LEGAL_NAME_MAX],
                  country=values[COUNTRY].strip().upper(), authority_entity_id=compact(values[AUTHORITY_ENTITY_ID]),
                  registration_status=values[REGISTRATION_STATUS].strip().upper()[:20],
                  entity_status=values[ENTITY_STATUS].strip().upper()[:10])


@contextmanager
def opened(path: str):
    """The CSV as a binary stream: the file itself, or the one .csv inside a .zip (read as it is inflated)."""
    with open(path, "rb") as binary, opened_stream(binary) as csv_binary:
        yield csv_binary


@contextmanager
def opened_stream(binary):
    """An open binary file (a path's, or a stored upload's) as the CSV: itself, or the one .csv of its .zip."""
    if not zipfile.is_zipfile(binary):
        binary.seek(0)
        yield binary
        return
    with zipfile.ZipFile(binary) as archive:
        members = [name for name in archive.namelist() if name.lower().endswith(".csv")]
        if len(members) != 1:
            raise stream.FileRefused(_("The .zip file must hold exactly one .csv file; it holds %(count)d.")
                                     % {"count": len(members)})
        with archive.open(members[0]) as member:
            yield member


def batches(binary, *, batch_size: int) -> Iterator[list[Record]]:
    for batch in stream.iter_batches(binary, batch_size=batch_size, header_problem=header_problem):
        yield [record(line, values) for line, values in batch.items()]
