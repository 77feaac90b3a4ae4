"""Apps depend one way (README, Layout): core is plumbing and imports no domain app."""

import ast
from pathlib import Path

from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)
# The project's own apps (a folder here) other than core; portal is listed before it exists.
DOMAIN_APPS = {app for app in settings.INSTALLED_APPS if (BASE_DIR / app).is_dir()} - {"core"} | {"portal"}


def _imported_apps(package: str) -> dict[str, set[str]]:
    """Top-level package of every absolute import in each .py file of `package`."""
    found = {}
    for path in sorted((BASE_DIR / package).rglob("*.py")):
        names = set()
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
        found[str(path.relative_to(BASE_DIR))] = names
    return found


def test_core_imports_no_domain_app():
    assert {"accounts", "policies", "buyers", "limits", "claims", "recoveries", "integrations"} <= DOMAIN_APPS
    offending = {path: names & DOMAIN_APPS for path, names in _imported_apps("core").items() if names & DOMAIN_APPS}
    assert offending == {}


def test_integrations_import_only_core_and_accounts():
    allowed = {"core", "accounts", "integrations"}
    offending = {
        path: names & (DOMAIN_APPS - allowed)
        for path, names in _imported_apps("integrations").items()
        if names & (DOMAIN_APPS - allowed)
    }
    assert offending == {}
