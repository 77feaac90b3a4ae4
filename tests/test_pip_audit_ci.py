"""The CI's pip-audit step fails on a known vulnerability and never for lack of network (bin/pip_audit_ci.py)."""

import importlib.util
import json
import subprocess
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "bin" / "pip_audit_ci.py"


@pytest.fixture
def step(monkeypatch, tmp_path):
    spec = importlib.util.spec_from_file_location("pip_audit_ci", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setattr(module, "ensure_pip_audit", lambda: tmp_path / "pip-audit")
    monkeypatch.setattr(module, "installed_requirements", lambda folder: folder / "requirements.txt")

    def answering(stdout="", stderr=""):
        monkeypatch.setattr(module.subprocess, "run",
                            lambda *a, **k: subprocess.CompletedProcess(a, 1, stdout=stdout, stderr=stderr))
        return module

    return answering


def test_a_known_vulnerability_fails_the_step(step, capsys):
    report = {"dependencies": [
        {"name": "django", "version": "5.2.0", "vulns": [{"id": "PYSEC-2026-1", "fix_versions": ["5.2.1"]}]},
        {"name": "celery", "version": "5.4.0", "vulns": []},
    ]}
    assert step(stdout=json.dumps(report)).main() == 1
    out = capsys.readouterr().out
    assert "django 5.2.0: PYSEC-2026-1 (fixed in 5.2.1)" in out and "2 packages audited" in out


def test_no_vulnerability_passes(step, capsys):
    report = {"dependencies": [{"name": "celery", "version": "5.4.0", "vulns": []}]}
    assert step(stdout=json.dumps(report)).main() == 0
    assert "1 packages audited, 0 not known to the database, 0 with known vulnerabilities" in capsys.readouterr().out


def test_no_network_is_a_skip_not_a_failure(step, capsys):
    assert step(stderr="requests.exceptions.ConnectionError: Max retries exceeded").main() == 0
    assert "pip-audit skipped: no vulnerability database reachable" in capsys.readouterr().out


def test_a_database_that_knows_no_package_is_a_skip(step, capsys):
    report = {"dependencies": [{"name": "celery", "version": "5.4.0", "skip_reason": "Dependency not found"}]}
    assert step(stdout=json.dumps(report)).main() == 0
    assert "skipped" in capsys.readouterr().out


def test_pip_audit_not_installable_is_a_skip(step, monkeypatch, capsys):
    module = step()
    monkeypatch.setattr(module, "ensure_pip_audit", lambda: None)
    assert module.main() == 0
    assert "could not be installed" in capsys.readouterr().out
