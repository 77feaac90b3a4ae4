import re
import unicodedata

_SPACES = re.compile(r"\s+")
_PUNCT = re.compile(r"[^\w\s]")


def normalize(text: str) -> str:
    """Case- and accent-insensitive form for search: 'Müller & Söhne' -> 'muller sohne'."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", _PUNCT.sub(" ", stripped.casefold())).strip()


def compact(identifier: str) -> str:
    """Identifiers compare without spaces, dots or dashes: 'B-12.345.678' -> 'B12345678'."""
    return re.sub(r"[\s.\-/]", "", identifier or "").upper()
