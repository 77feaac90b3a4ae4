"""Keep the translation catalogues complete.

    python bin/i18n.py          # makemessages, fill from locale/glossary.json, compilemessages
    python bin/i18n.py --check  # exit 1 if a catalogue has an untranslated or fuzzy entry

The glossaries (locale/glossary*.json) map each English string to its Spanish and Simplified Chinese
translation; new strings are added there, so translations survive a
regeneration of the .po files.
"""

import json
import subprocess
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
LOCALES = {"es": "es", "zh_Hans": "zh_Hans"}
# glossary.json plus one glossary_<area>.json per area, merged.
GLOSSARIES = sorted((ROOT / "locale").glob("glossary*.json"))


def catalogue(locale: str) -> Path:
    return ROOT / "locale" / locale / "LC_MESSAGES" / "django.po"


def missing(locale: str) -> list[str]:
    po = polib.pofile(str(catalogue(locale)))
    return [e.msgid for e in po if not e.obsolete and (not e.translated() or "fuzzy" in e.flags)]


def fill() -> int:
    manage = [sys.executable, str(ROOT / "manage.py")]
    args = ["makemessages", "--no-location", "--ignore=.venv", "--ignore=staticfiles", "-v0"]
    subprocess.run(manage + args + [f"-l{loc}" for loc in LOCALES], check=True, cwd=ROOT)
    glossary = {}
    for path in GLOSSARIES:
        glossary.update(json.loads(path.read_text(encoding="utf-8")))
    gaps = 0
    for locale, key in LOCALES.items():
        po = polib.pofile(str(catalogue(locale)))
        for entry in po:
            if entry.obsolete:  # no longer in the source: makemessages keeps it commented out
                continue
            translation = glossary.get(entry.msgid, {}).get(key)
            if translation:
                entry.msgstr = translation
                if "fuzzy" in entry.flags:
                    entry.flags.remove("fuzzy")
            elif not entry.translated():
                gaps += 1
                print(f"{locale}: missing {entry.msgid!r}")
        po.save()
    subprocess.run(manage + ["compilemessages", "--ignore=.venv", "-v0"], check=True, cwd=ROOT)
    return gaps


if __name__ == "__main__":
    if "--check" in sys.argv:
        gaps = {loc: missing(loc) for loc in LOCALES}
        for loc, ids in gaps.items():
            for msgid in ids:
                print(f"{loc}: untranslated {msgid!r}")
        sys.exit(1 if any(gaps.values()) else 0)
    sys.exit(1 if fill() else 0)
