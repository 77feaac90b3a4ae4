"""Archives (OOXML documents are ZIP files too) checked against decompression bombs before they are kept.

A claims handler opens what the insured uploads: a 200 KB .docx that unpacks to gigabytes would
exhaust whatever opens it (a viewer, an indexer, a virus scanner). Only the central directory is
read, so the check costs the same for a bomb as for a letter. Python's zipfile never inflates an
entry beyond the size the directory declares, so the declared sizes are what any reader here gets.
"""

import zipfile

from django.conf import settings
from django.utils.translation import gettext as _

from core.exceptions import DomainError

DEFAULT_MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024
# Text-heavy Word and sparse Excel files compress 10-50 times; zeros compress a thousand times.
DEFAULT_MAX_RATIO = 100
DEFAULT_MAX_ENTRIES = 1000
# A small archive is harmless whatever its ratio (an empty .xlsx is mostly repeated XML).
RATIO_APPLIES_ABOVE_BYTES = 1024 * 1024


def _bounds() -> tuple[int, int, int]:
    return (
        getattr(settings, "UPLOAD_ARCHIVE_MAX_UNCOMPRESSED_BYTES", DEFAULT_MAX_UNCOMPRESSED_BYTES),
        getattr(settings, "UPLOAD_ARCHIVE_MAX_RATIO", DEFAULT_MAX_RATIO),
        getattr(settings, "UPLOAD_ARCHIVE_MAX_ENTRIES", DEFAULT_MAX_ENTRIES),
    )


def check_archive(uploaded, *, field: str = "file") -> None:
    """Raise DomainError on `field` if the ZIP `uploaded` is unreadable or would unpack beyond the bounds."""
    max_bytes, max_ratio, max_entries = _bounds()
    uploaded.seek(0)
    try:
        with zipfile.ZipFile(uploaded) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as exc:
        raise DomainError(_("The file is damaged or not a valid archive."), field=field) from exc
    finally:
        uploaded.seek(0)
    if len(entries) > max_entries:
        raise DomainError(
            _("The archive holds %(count)s files; at most %(limit)s are accepted.")
            % {"count": len(entries), "limit": max_entries},
            field=field,
        )
    unpacked = sum(entry.file_size for entry in entries)
    if unpacked > max_bytes:
        raise DomainError(
            _("The archive unpacks to %(size)s MB; at most %(limit)s MB are accepted.")
            % {"size": f"{unpacked / 1048576:.0f}", "limit": f"{max_bytes / 1048576:.0f}"},
            field=field,
        )
    packed = max(uploaded.size or 0, 1)
    if unpacked > RATIO_APPLIES_ABOVE_BYTES and unpacked / packed > max_ratio:
        raise DomainError(
            _("The archive is compressed %(ratio)s times; at most %(limit)s times is accepted.")
            % {"ratio": f"{unpacked / packed:.0f}", "limit": max_ratio},
            field=field,
        )
