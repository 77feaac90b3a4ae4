"""Login throttling and lockout (django-axes, core.lockout): browser login and admin login.

Failures count per username and address together (settings.AXES_LOCKOUT_PARAMETERS), five by default.
"""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import SESSION_KEY
from django.test import Client
from django.utils import timezone

from tests.factories import PASSWORD

pytestmark = [pytest.mark.django_db, pytest.mark.unscoped]

HOME_IP, OTHER_IP = "198.51.100.20", "198.51.100.21"


def attempt(username, password, *, ip=HOME_IP, url="/login/", client=None, **extra):
    client = client or Client(REMOTE_ADDR=ip)
    response = client.post(url, {"username": username, "password": password}, REMOTE_ADDR=ip, **extra)
    return response, client


def signed_in(client) -> bool:
    return SESSION_KEY in client.session


def lock(username, *, url="/login/", ip=HOME_IP):
    return [attempt(username, "wrong-guess", ip=ip, url=url)[0].status_code for _ in range(5)]


def test_five_wrong_passwords_lock_and_the_right_one_is_then_refused(user):
    assert lock(user.username) == [200, 200, 200, 200, 429]
    response, client = attempt(user.username, PASSWORD)
    assert response.status_code == 429 and not signed_in(client)
    page = response.content.decode()
    assert "Too many failed login attempts" in page and "locked for 15 minutes" in page
    assert response["Retry-After"] == str(15 * 60)


def test_wrong_passwords_below_the_limit_then_the_right_one_signs_in_and_resets(user):
    for _ in range(4):
        attempt(user.username, "wrong-guess")
    response, client = attempt(user.username, PASSWORD)
    assert response.status_code == 302 and signed_in(client)
    # The success reset the count: four more failures do not lock.
    assert lock(user.username)[:4] == [200, 200, 200, 200]


def test_the_cool_off_frees_the_account(user):
    lock(user.username)
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    response, client = attempt(user.username, PASSWORD)
    assert response.status_code == 302 and signed_in(client)


def test_another_user_from_the_same_address_and_the_same_user_elsewhere_are_unaffected(user, outsider):
    lock(user.username)
    response, client = attempt(outsider.username, PASSWORD)
    assert response.status_code == 302 and signed_in(client)
    response, client = attempt(user.username, PASSWORD, ip=OTHER_IP)
    assert response.status_code == 302 and signed_in(client)


def test_the_admin_login_locks_too_with_the_message_in_the_admins_look(underwriter):
    codes = lock(underwriter.username, url="/admin/login/")
    assert codes[-1] == 429
    response, client = attempt(underwriter.username, PASSWORD, url="/admin/login/")
    assert response.status_code == 429 and not signed_in(client)
    page = response.content.decode()
    assert "Too many failed login attempts" in page and "Kredo: insurer administration" in page


def test_the_lockout_message_is_translated(user):
    lock(user.username)
    response, _client = attempt(user.username, PASSWORD, HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 429
    assert "Demasiados intentos fallidos" in response.content.decode()


def test_code_that_authenticates_without_a_request_is_not_refused(user):
    # The test client's login() and management commands call authenticate() without a request.
    assert Client().login(username=user.username, password=PASSWORD)


def test_the_login_page_offers_a_new_password_in_the_readers_language(client):
    page = client.get("/login/", HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert 'href="/account/password/reset/"' in page
    assert "¿Ha olvidado su contraseña?" in page
