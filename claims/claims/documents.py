"""Checks on uploaded claim documents: size and real type, before anything is stored.

The extension alone proves nothing, so the first bytes must match it too
(a renamed executable is refused as well as a 40 MB scan), and archives must not be
decompression bombs (core.uploads).
"""

from pathlib import PurePath

from django.conf import settings
from django.utils.translation import gettext as _

from core.exceptions import DomainError
from core.uploads import check_archive

DEFAULT_MAX_BYTES = 10 * 1024 * 1024

_ZIP = (b"PK\x03\x04",)
_SIGNATURES: dict[str, tuple[str, tuple[bytes, ...] | None]] = {
    ".pdf": ("application/pdf", (b"%PDF-",)),
    ".png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
    ".jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".tif": ("image/tiff", (b"II*\x00", b"MM\x00*")),
    ".tiff": ("image/tiff", (b"II*\x00", b"MM\x00*")),
    ".docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", _ZIP),
    ".xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", _ZIP),
    ".zip": ("application/zip", _ZIP),
    ".eml": ("message/rfc822", None),
    ".csv": ("text/csv", None),
    ".txt": ("text/plain", None),
}


def max_upload_bytes() -> int:
    return getattr(settings, "CLAIM_DOCUMENT_MAX_BYTES", DEFAULT_MAX_BYTES)


def allowed_extensions() -> list[str]:
    return sorted(_SIGNATURES)


def _is_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A multi-byte character cut at the end of the sample is still text.
        return exc.start >= len(head) - 3
    return True


def check_upload(uploaded) -> str:
    """Return the content type of an acceptable upload, or raise DomainError on field "file"."""
    if uploaded is None:
        raise DomainError(_("Choose a file to upload."), field="file")
    name = PurePath(uploaded.name or "").name
    size = uploaded.size or 0
    if size <= 0:
        raise DomainError(_("The file is empty."), field="file")
    limit = max_upload_bytes()
    if size > limit:
        raise DomainError(
            _("The file is %(size)s MB; the largest accepted is %(limit)s MB.")
            % {"size": f"{size / 1048576:.1f}", "limit": f"{limit / 1048576:.0f}"},
            field="file",
        )
    extension = PurePath(name).suffix.lower()
    if extension not in _SIGNATURES:
        raise DomainError(
            _("Files of type %(ext)s are not accepted; use one of: %(allowed)s.")
            % {"ext": extension or _("(none)"), "allowed": ", ".join(allowed_extensions())},
            field="file",
        )
    content_type, signatures = _SIGNATURES[extension]
    uploaded.seek(0)
    head = uploaded.read(2048)
    uploaded.seek(0)
    ok = _is_text(head) if signatures is None else any(head.startswith(sig) for sig in signatures)
    if not ok:
        raise DomainError(_("The file's content is not a %(ext)s file.") % {"ext": extension}, field="file")
    if signatures is _ZIP:
        # Word, Excel and ZIP files are archives: refused if they would unpack into a bomb.
        check_archive(uploaded, field="file")
    return content_type
