"""CI step: pip-audit over the project's installed packages, where a vulnerability database answers.

    .venv/bin/python bin/pip_audit_ci.py

pip-audit runs from a virtualenv of its own (made on first use), so it neither adds packages to the
project's environment nor audits its own. Exit 1 only for a known vulnerability; no network, a
failed install or a database that knows none of the packages is a printed "skipped", exit 0:
CI never fails for lack of network.
"""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

AUDIT_VENV = Path(os.environ.get("PIP_AUDIT_VENV", Path(tempfile.gettempdir()) / "kredo-pip-audit"))
SERVICES = ("pypi", "osv")  # tried in turn: whichever vulnerability database answers
NETWORK_ERRORS = ("ConnectionError", "NameResolutionError", "Max retries", "timed out", "Temporary failure")


def skip(reason: str) -> int:
    print(f"pip-audit skipped: {reason}")
    return 0


def ensure_pip_audit() -> Path | None:
    executable = AUDIT_VENV / "bin" / "pip-audit"
    if executable.exists():
        return executable
    made = subprocess.run([sys.executable, "-m", "venv", str(AUDIT_VENV)], capture_output=True, text=True)
    if made.returncode == 0:
        subprocess.run([str(AUDIT_VENV / "bin" / "pip"), "install", "-q", "pip-audit"], capture_output=True,
                       text=True, timeout=600)
    return executable if executable.exists() else None


def installed_requirements(folder: Path) -> Path:
    frozen = subprocess.run([sys.executable, "-m", "pip", "freeze", "--exclude-editable"], capture_output=True,
                            text=True, check=True).stdout
    requirements = folder / "requirements.txt"
    requirements.write_text(frozen)
    return requirements


def audit(executable: Path, requirements: Path, service: str) -> tuple[str, list]:
    """("ok", dependencies) or ("unreachable", []) for one vulnerability service."""
    result = subprocess.run([str(executable), "-s", service, "-r", str(requirements), "--no-deps", "--disable-pip",
                             "-f", "json", "--progress-spinner", "off"], capture_output=True, text=True, timeout=900)
    try:
        dependencies = json.loads(result.stdout)["dependencies"]
    except (json.JSONDecodeError, KeyError):
        if any(marker in result.stderr for marker in NETWORK_ERRORS):
            return "unreachable", []
        raise RuntimeError(f"pip-audit failed: {result.stderr.strip()[-2000:]}") from None
    if all("skip_reason" in dependency for dependency in dependencies):
        return "unreachable", []  # a mirror that answers but knows no package is no database
    return "ok", dependencies


def main() -> int:
    executable = ensure_pip_audit()
    if executable is None:
        return skip("pip-audit could not be installed (no package index reachable)")
    with tempfile.TemporaryDirectory() as folder:
        requirements = installed_requirements(Path(folder))
        for service in SERVICES:
            state, dependencies = audit(executable, requirements, service)
            if state == "ok":
                break
        else:
            return skip(f"no vulnerability database reachable (tried: {', '.join(SERVICES)})")
    audited = [d for d in dependencies if "skip_reason" not in d]
    vulnerable = [d for d in audited if d.get("vulns")]
    for dependency in vulnerable:
        for vuln in dependency["vulns"]:
            fixed = ", ".join(vuln.get("fix_versions") or []) or "no fix yet"
            print(f"{dependency['name']} {dependency['version']}: {vuln['id']} (fixed in {fixed})")
    print(f"pip-audit ({service}): {len(audited)} packages audited, {len(dependencies) - len(audited)} not known "
          f"to the database, {len(vulnerable)} with known vulnerabilities")
    return 1 if vulnerable else 0


if __name__ == "__main__":
    sys.exit(main())
