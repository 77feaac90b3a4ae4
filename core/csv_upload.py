"""An uploaded CSV file as text: at most a size, UTF-8 (with or without the BOM spreadsheets write), or the
message that says why not. Every import reads its file through this, so each refuses the same files in the
same words."""

from django.utils.translation import gettext as _


def decode_upload(file, *, max_bytes: int) -> tuple[str | None, str | None]:
    """(text, None), or (None, the message) for a file too large or not UTF-8. `file` is text, bytes or an
    uploaded file; of a large upload no more than `max_bytes + 1` is read."""
    if isinstance(file, str):
        raw = file.encode("utf-8")
    elif isinstance(file, bytes | bytearray):
        raw = bytes(file)
    elif getattr(file, "size", None) and file.size > max_bytes:
        raw = None
    else:
        if hasattr(file, "seek"):
            file.seek(0)
        raw = file.read(max_bytes + 1)
        raw = raw.encode("utf-8") if isinstance(raw, str) else raw
    if raw is None or len(raw) > max_bytes:
        if max_bytes < 1024 * 1024:  # a small limit (an overdue's invoices) said in KB, not "0 MB"
            return None, _("The file is larger than %(size)s KB.") % {"size": max_bytes // 1024}
        return None, _("The file is larger than %(size)s MB: split it into smaller files.") % {
            "size": max_bytes // (1024 * 1024)}
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        return None, _("The file is not UTF-8 text: save it as “CSV UTF-8” and upload it again.")
