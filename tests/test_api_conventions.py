"""API conventions: schema and docs, error shape."""

import pytest
from rest_framework.test import APIClient

from tests.factories import api_error

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_tenant_scope")]


def test_openapi_schema_is_served_and_documents_policies():
    response = APIClient().get("/api/schema/", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    schema = response.json()
    assert "/api/v1/policies/" in schema["paths"]
    assert "tokenAuth" in schema["components"]["securitySchemes"]


def test_swagger_ui_is_served_without_a_cdn():
    response = APIClient().get("/api/docs/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "swagger-ui" in body
    assert "cdn" not in body.lower()


def test_not_found_uses_the_error_shape(api_client):
    response = api_client.get("/api/v1/policies/999999/")
    assert response.status_code == 404
    assert api_error(response)[0] == "not_found"
