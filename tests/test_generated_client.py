"""The OpenAPI document as client generators read it, and bin/generate_client's check (clients/python)."""

import importlib.machinery
import importlib.util
from pathlib import Path

import pytest
from rest_framework.test import APIClient

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.django_db


def schema():
    return APIClient().get("/api/schema/", HTTP_ACCEPT="application/json").json()


def operations(document):
    for path, methods in document["paths"].items():
        for method, operation in methods.items():
            if method in ("get", "put", "patch", "post", "delete"):
                yield path, method, operation


def test_every_request_body_has_one_content_type_json_unless_it_is_an_upload():
    bodies = {(path, method): list(op["requestBody"]["content"]) for path, method, op in operations(schema())
              if "requestBody" in op}
    assert bodies and all(len(types) == 1 for types in bodies.values())
    assert bodies[("/api/v1/claims/{id}/documents/", "post")] == ["multipart/form-data"]
    assert bodies[("/api/v1/limits/", "post")] == ["application/json"]


def test_every_post_documents_the_idempotency_key_header_once():
    for path, method, operation in operations(schema()):
        keys = [p for p in operation.get("parameters", []) if p["in"] == "header" and p["name"] == "Idempotency-Key"]
        assert len(keys) == (1 if method == "post" else 0), (path, method)
        if keys:
            assert keys[0]["schema"] == {"type": "string", "maxLength": 255} and not keys[0]["required"]


def test_the_schema_an_outsider_reads_is_the_same_document(api_client, api_client_of_outsider):
    """The document describes the API, never a tenant's rows."""
    mine = api_client.get("/api/schema/", HTTP_ACCEPT="application/json").json()
    assert mine == api_client_of_outsider.get("/api/schema/", HTTP_ACCEPT="application/json").json() == schema()


def generator():
    loader = importlib.machinery.SourceFileLoader("generate_client", str(ROOT / "bin" / "generate_client"))
    module = importlib.util.module_from_spec(importlib.util.spec_from_loader(loader.name, loader))
    loader.exec_module(module)
    return module


def test_the_check_names_every_added_removed_and_changed_file(tmp_path):
    fresh, committed = tmp_path / "fresh", tmp_path / "committed"
    for tree in (fresh, committed):
        (tree / "api").mkdir(parents=True)
        (tree / "same.py").write_text("x = 1\n")
    (fresh / "api" / "changed.py").write_text("new\n")
    (committed / "api" / "changed.py").write_text("old\n")
    (fresh / "added.py").write_text("")
    (committed / "removed.py").write_text("")
    (committed / ".ruff_cache").mkdir()
    assert sorted(generator().differences(fresh, committed)) == [
        "added.py (new)", "api/changed.py", "removed.py (no longer generated)"]
    (committed / "api" / "changed.py").write_text("new\n")
    (committed / "removed.py").unlink()
    (fresh / "added.py").unlink()
    assert generator().differences(fresh, committed) == []


def test_every_amount_is_the_one_money_component():
    document = schema()
    money = document["components"]["schemas"]["Money"]
    assert set(money["properties"]) == {"amount", "currency"} and money["properties"]["amount"]["type"] == "string"
    text = str(document)
    # No inline copy is left: a client generator makes one Money type.
    assert "'format': 'decimal', 'example': '1234.50'" in str(money) and text.count("'example': '1234.50'") == 1
    limit_request = document["components"]["schemas"]["LimitRequestInputRequest"]["properties"]["amount"]
    assert limit_request["$ref"] == "#/components/schemas/Money"
    nullable = document["components"]["schemas"]["ClaimOutput"]["properties"]["calculated_indemnity"]
    assert nullable["oneOf"] == [{"$ref": "#/components/schemas/Money"}, {"type": "null"}]
