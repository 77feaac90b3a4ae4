"""Content-Security-Policy and Permissions-Policy on pages, the admin, the API docs and the API."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from tests.factories import logged_in

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", re.I)
INLINE_HANDLER = re.compile(r"\son[a-z]+\s*=", re.I)


def directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    parsed = {}
    for part in policy.split(";"):
        name, *values = part.split()
        parsed[name] = values
    return parsed


def assert_strict(response):
    policy = directives(response)
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"] and policy["frame-ancestors"] == ["'none'"]
    assert "camera=()" in response["Permissions-Policy"]
    assert "microphone=()" in response["Permissions-Policy"] and "geolocation=()" in response["Permissions-Policy"]


def assert_no_inline_script(response):
    html = response.content.decode()
    assert not INLINE_SCRIPT.search(html), INLINE_SCRIPT.search(html).group(0)
    assert not INLINE_HANDLER.search(html), INLINE_HANDLER.search(html)


def test_the_login_page_is_strict_and_runs_no_inline_script(client):
    response = client.get("/login/")
    assert response.status_code == 200
    assert_strict(response)
    assert_no_inline_script(response)
    assert 'src="/static/js/kredo.js"' in response.content.decode()


def test_a_signed_in_page_is_strict_too(user):
    response = logged_in(user).get("/")
    assert response.status_code == 200
    assert_strict(response)
    assert_no_inline_script(response)
    assert "data-autosubmit" in response.content.decode()  # the language switcher, without onchange=


def test_the_outsiders_pages_carry_the_same_headers(outsider):
    response = logged_in(outsider).get("/policies/")
    assert response.status_code == 200
    assert_strict(response)


@pytest.mark.unscoped
def test_the_admin_is_strict_and_its_pages_run_no_inline_script(client, underwriter):
    assert_strict(client.get("/admin/login/"))
    response = logged_in(underwriter).get("/admin/")
    assert response.status_code == 200
    assert_strict(response)
    assert_no_inline_script(response)


def test_the_api_docs_load_their_start_up_script_as_a_file(client):
    response = client.get("/api/docs/")
    assert response.status_code == 200
    assert_strict(response)
    assert_no_inline_script(response)
    html = response.content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in html
    script = client.get("/api/docs/?script=")
    assert script.status_code == 200 and "SwaggerUIBundle" in script.content.decode()


def test_the_api_answers_carry_the_headers(api_client):
    response = api_client.get("/api/v1/policies/")
    assert response.status_code == 200
    assert_strict(response)


def test_no_project_template_has_an_inline_script_or_event_handler():
    templates = [p for p in ROOT.rglob("templates/**/*.html") if ".venv" not in p.parts]
    assert templates
    offenders = [str(p.relative_to(ROOT)) for p in templates
                 if INLINE_SCRIPT.search(p.read_text()) or INLINE_HANDLER.search(p.read_text())]
    assert offenders == []


def test_the_policy_is_django_csp_4s_format():
    assert set(settings.CONTENT_SECURITY_POLICY) == {"DIRECTIVES"}
