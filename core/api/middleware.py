"""Bodies sent to the API are bounded in size before anything reads them.

Django limits only what it parses itself (`request.body`, form fields) to DATA_UPLOAD_MAX_MEMORY_SIZE; DRF's
JSON parser reads the stream directly, so a 1 GB JSON body would be read whole. Here an API request that
declares a larger body gets 413 in the API's error format at once. Uploads (multipart) may carry a claim
document of up to CLAIM_DOCUMENT_MAX_BYTES on top: the document's own size check answers with a field message
for a file a little too large, this one for a body far beyond any accepted file.
"""

from django.conf import settings

from core.api.errors import too_large_problem

API_PREFIX = "/api/"


def largest_body(content_type: str) -> int:
    allowed = settings.DATA_UPLOAD_MAX_MEMORY_SIZE or 2_621_440
    if content_type.startswith("multipart/"):
        # A claim document, or a CSV file a background import stores (IMPORT_FILE_MAX_BYTES), whichever is larger.
        allowed += max(getattr(settings, "CLAIM_DOCUMENT_MAX_BYTES", 10 * 1024 * 1024) * 2,
                       getattr(settings, "IMPORT_FILE_MAX_BYTES", 0))
    return allowed


class ApiBodySizeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(API_PREFIX):
            try:
                length = int(request.META.get("CONTENT_LENGTH") or 0)
            except ValueError:
                length = 0
            if length > largest_body(request.META.get("CONTENT_TYPE", "")):
                return too_large_problem(instance=request.path)
        return self.get_response(request)
