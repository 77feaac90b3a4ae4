"""Claim documents that are archives (.docx, .xlsx, .zip) are refused when they would unpack into a bomb.

The bombs are built here from highly compressible members: 200 MB of zeros packs into ~200 KB.
"""

import io
import zipfile
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from claims.claims.models import ClaimDocument, DocumentKind
from core.exceptions import DomainError
from core.uploads import check_archive
from tests.claim_helpers import approve_limit, file_protracted_default, late_payer
from tests.factories import PolicyFactory, api_error, logged_in
from tests.overdue_factories import declare, invoice

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_tenant_scope")]

TODAY = timezone.localdate()
MB = 1024 * 1024
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def archive(members: dict[str, int], *, chunk=b"\x00") -> bytes:
    """A ZIP whose members are `size` bytes of `chunk`, written in pieces (never 200 MB in memory)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for name, size in members.items():
            with zf.open(name, "w", force_zip64=size > 2**31) as member:
                piece = chunk * (MB // len(chunk))
                written = 0
                while written < size:
                    member.write(piece[: size - written])
                    written += min(len(piece), size - written)
    return buffer.getvalue()


def docx(body_bytes: int = 2000) -> bytes:
    return archive({"[Content_Types].xml": 400, "word/document.xml": body_bytes}, chunk=b"<w:p>text</w:p>")


@pytest.fixture(scope="module")
def docx_bomb() -> bytes:
    return archive({"[Content_Types].xml": 400, "word/document.xml": 200 * MB})


def uploaded(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


@pytest.fixture
def draft(tenant, finance, underwriter):
    policy = PolicyFactory(tenant=tenant, start_date=TODAY - timedelta(days=330), end_date=TODAY + timedelta(days=30))
    buyer = late_payer()
    approve_limit(tenant=tenant, policy=policy, buyer=buyer, amount=50_000, underwriter=underwriter,
                  effective=policy.start_date + timedelta(days=1))
    due = TODAY - timedelta(days=160)
    overdue = declare(tenant=tenant, policy=policy, buyer=buyer, notified_on=due + timedelta(days=30),
                      invoices=[invoice(shipped=due - timedelta(days=60), due=due, amount=10_000)])
    return file_protracted_default(tenant=tenant, overdue=overdue, by=finance)


def stored_files(root) -> list:
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


# --- the check itself -------------------------------------------------------


def test_the_bomb_is_small_to_upload_but_unpacks_to_200_mb(docx_bomb):
    assert len(docx_bomb) < 1 * MB
    with zipfile.ZipFile(io.BytesIO(docx_bomb)) as zf:
        assert sum(entry.file_size for entry in zf.infolist()) > 200 * MB
    with pytest.raises(DomainError, match="unpacks to 200 MB"):
        check_archive(uploaded("claim.docx", docx_bomb))


def test_an_ordinary_docx_passes():
    check_archive(uploaded("letter.docx", docx()))


def test_a_high_ratio_is_refused_below_the_total_bound(settings):
    settings.UPLOAD_ARCHIVE_MAX_UNCOMPRESSED_BYTES = 100 * MB
    with pytest.raises(DomainError, match="compressed .* times"):
        check_archive(uploaded("sheet.xlsx", archive({"xl/sheet1.xml": 20 * MB})))


def test_a_small_archive_is_accepted_whatever_its_ratio():
    check_archive(uploaded("tiny.zip", archive({"blank.xml": 500 * 1024})))


def test_an_absurd_number_of_entries_is_refused(settings):
    settings.UPLOAD_ARCHIVE_MAX_ENTRIES = 50
    with pytest.raises(DomainError, match="holds 51 files; at most 50"):
        check_archive(uploaded("many.zip", archive({f"f{i}.txt": 10 for i in range(51)})))


def test_a_damaged_archive_is_refused_with_a_message():
    with pytest.raises(DomainError, match="damaged"):
        check_archive(uploaded("broken.docx", b"PK\x03\x04" + b"\x00" * 100))


# --- through the API and the browser ------------------------------------------


def test_the_api_refuses_the_bomb_on_the_file_field_and_stores_nothing(api_client, draft, docx_bomb, media):
    response = api_client.post(f"/api/v1/claims/{draft.pk}/documents/",
                               {"kind": DocumentKind.INVOICES, "file": uploaded("invoices.docx", docx_bomb)},
                               format="multipart")
    assert response.status_code == 400
    code, fields = api_error(response)
    assert "unpacks to 200 MB" in fields["/file"][0]
    assert not ClaimDocument.objects.exists() and stored_files(media) == []


def test_the_api_accepts_an_ordinary_docx(api_client, draft, media):
    response = api_client.post(f"/api/v1/claims/{draft.pk}/documents/",
                               {"kind": DocumentKind.INVOICES, "file": uploaded("invoices.docx", docx())},
                               format="multipart")
    assert response.status_code == 201, response.json()
    assert ClaimDocument.objects.get().content_type == DOCX


def test_the_browser_form_shows_the_bomb_as_a_form_error(finance, draft, docx_bomb, media):
    response = logged_in(finance).post(f"/claims/{draft.pk}/documents/",
                                       {"kind": DocumentKind.INVOICES, "file": uploaded("invoices.docx", docx_bomb)})
    assert response.status_code == 400
    assert "unpacks to 200 MB" in response.content.decode()
    assert not ClaimDocument.objects.exists()


def test_the_outsider_cannot_upload_to_the_claim_at_all(api_client_of_outsider, draft, media):
    response = api_client_of_outsider.post(f"/api/v1/claims/{draft.pk}/documents/",
                                           {"kind": DocumentKind.INVOICES, "file": uploaded("x.docx", docx())},
                                           format="multipart")
    assert response.status_code == 404
    assert not ClaimDocument.objects.exists() and stored_files(media) == []
