"""The shape of the code (the "structure" issue): modules and functions stay small, apps depend one way.

Read with ast, nothing imported. Each allow-list names files that are being reshaped on another branch as
this test lands; remove an entry when its file meets the rule (the test says when one no longer needs it).
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 80

# App order (style.md, "Apps depend one way"): an app imports only itself and the apps before it.
APP_ORDER = ["core", "accounts", "integrations", "policies", "buyers", "limits", "claims", "recoveries", "portal"]
# Wiring and tooling, which may import any app.
EXEMPT_FROM_APP_ORDER = {"tests", "bench", "config"}

# Over MAX_MODULE_LINES, as "path": none.
LONG_MODULES_ALLOWED: set[str] = set()
# Over MAX_FUNCTION_LINES, as "path:function": none.
LONG_FUNCTIONS_ALLOWED: set[str] = set()
# Imports against the app order, as "path -> module":
APP_ORDER_ALLOWED: set[str] = set()


# Generated, not written: the client bin/generate_client makes from the OpenAPI document.
GENERATED = {"clients"}


def project_modules():
    for path in sorted(ROOT.rglob("*.py")):
        relative = path.relative_to(ROOT)
        if relative.parts[0].startswith(".") or relative.parts[0] in GENERATED or "migrations" in relative.parts \
                or "node_modules" in relative.parts:
            continue
        yield relative.as_posix(), ast.parse(path.read_text(encoding="utf-8"), filename=str(relative))


def _functions(tree):
    return (node for node in ast.walk(tree) if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef))


def _imported_modules(tree):
    """Every absolute import, at the top or inside a function; relative imports stay within their package."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.lineno, node.module


def app_order_violation(app: str, imported: str) -> str | None:
    """Why `app` may not import `imported`, or None."""
    target = imported.split(".")[0]
    if target not in APP_ORDER or target == app:
        return None
    if target == "portal":
        return "nothing imports the portal"
    if app == "core":
        return "core imports no domain app"
    if APP_ORDER.index(target) > APP_ORDER.index(app):
        return f"{target} comes after {app}"
    return None


def test_no_module_or_function_over_the_limits():
    long_modules, long_functions = [], []
    for path, tree in project_modules():
        lines = len((ROOT / path).read_text(encoding="utf-8").splitlines())
        if lines > MAX_MODULE_LINES and path not in LONG_MODULES_ALLOWED:
            long_modules.append(f"{path}: {lines} lines")
        for function in _functions(tree):
            length = function.end_lineno - function.lineno + 1
            if length > MAX_FUNCTION_LINES and f"{path}:{function.name}" not in LONG_FUNCTIONS_ALLOWED:
                long_functions.append(f"{path}:{function.lineno} {function.name}: {length} lines")
    assert not long_modules, f"modules over {MAX_MODULE_LINES} lines:\n" + "\n".join(long_modules)
    assert not long_functions, f"functions over {MAX_FUNCTION_LINES} lines:\n" + "\n".join(long_functions)


def test_the_size_allow_lists_name_only_files_still_over_the_limits():
    sizes = {path: len((ROOT / path).read_text(encoding="utf-8").splitlines()) for path, _tree in project_modules()}
    stale = [path for path in LONG_MODULES_ALLOWED if sizes.get(path, 0) <= MAX_MODULE_LINES]
    functions = {f"{path}:{f.name}": f.end_lineno - f.lineno + 1
                 for path, tree in project_modules() for f in _functions(tree)}
    stale += [name for name in LONG_FUNCTIONS_ALLOWED if functions.get(name, 0) <= MAX_FUNCTION_LINES]
    assert not stale, "no longer needed in the allow-list (remove them):\n" + "\n".join(sorted(stale))


def _app_order_imports():
    for path, tree in project_modules():
        app = path.split("/")[0]
        if app in EXEMPT_FROM_APP_ORDER or app not in APP_ORDER:
            continue
        for lineno, module in _imported_modules(tree):
            reason = app_order_violation(app, module)
            if reason:
                yield path, lineno, module, reason


def test_apps_import_only_apps_before_them():
    offenders = [f"{path}:{lineno} imports {module} ({reason})"
                 for path, lineno, module, reason in _app_order_imports()
                 if f"{path} -> {module}" not in APP_ORDER_ALLOWED]
    assert not offenders, "imports against the app order " + " < ".join(APP_ORDER) + ":\n" + "\n".join(offenders)


def test_the_app_order_allow_list_names_only_imports_still_there():
    found = {f"{path} -> {module}" for path, _lineno, module, _reason in _app_order_imports()}
    stale = sorted(APP_ORDER_ALLOWED - found)
    assert not stale, "no longer needed in the allow-list (remove them):\n" + "\n".join(stale)


def test_the_app_order_rule_itself():
    assert app_order_violation("limits", "buyers.models") is None
    assert app_order_violation("limits", "limits.models") is None
    assert app_order_violation("buyers", "limits.selectors") == "limits comes after buyers"
    assert app_order_violation("recoveries", "portal.dashboard") == "nothing imports the portal"
    assert app_order_violation("core", "accounts.models") == "core imports no domain app"
    assert app_order_violation("policies", "integrations.webhooks") is None
    assert app_order_violation("integrations", "policies.models") == "policies comes after integrations"
    assert app_order_violation("claims", "django.db") is None


def test_the_app_order_names_every_project_app_in_installed_order():
    # A new app must take its place in APP_ORDER (and so in the rule), in the order settings load it.
    from django.conf import settings

    project_apps = [app for app in settings.INSTALLED_APPS if (ROOT / app / "apps.py").exists()]
    assert project_apps == APP_ORDER
