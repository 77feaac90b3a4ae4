"""A claim document served as a download, to the claim's tenant only (the page and the API alike).

MEDIA_URL is not served: documents leave the storage through here, looked up in the tenant's claims.
"""

from django.http import FileResponse, Http404

from claims.claims.models import ClaimDocument
from claims.claims.selectors import claim_document


def document_download(*, tenant, claim_id: int, document_id: int) -> FileResponse:
    """The file as uploaded, with its type and original name; 404 outside the tenant or when the file is gone."""
    try:
        document = claim_document(tenant=tenant, claim_id=claim_id, pk=document_id)
        handle = document.file.open("rb")
    except (ClaimDocument.DoesNotExist, FileNotFoundError) as exc:
        raise Http404 from exc
    return FileResponse(handle, as_attachment=True, filename=document.original_name,
                        content_type=document.content_type)
