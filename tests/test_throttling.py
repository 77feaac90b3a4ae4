"""API rate limits per token and per IP: 429 with Retry-After, counted in the shared cache."""

import pytest

from accounts.roles import FINANCE
from tests.conftest import _token_client
from tests.factories import api_error

pytestmark = pytest.mark.django_db

LIST = "/api/v1/policies/"


@pytest.fixture(autouse=True)
def _no_earlier_counts():
    """Token ids repeat between tests (each test's rows are rolled back): start from empty counts."""
    from django.core.cache import caches
    from django.core.cache.backends.locmem import LocMemCache

    cache = caches["default"]
    if isinstance(cache, LocMemCache):  # never flush a shared Redis
        cache.clear()


def get(client, ip):
    return client.get(LIST, REMOTE_ADDR=ip)


def test_a_token_over_its_budget_gets_429_with_retry_after(settings, api_client, policy):
    settings.API_THROTTLE_RATES = {"token": "3/min", "ip": "1000/min"}
    assert [get(api_client, "203.0.113.10").status_code for _ in range(3)] == [200, 200, 200]
    response = get(api_client, "203.0.113.10")
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 60
    code, _fields = api_error(response)
    assert code == "throttled"


def test_another_token_from_the_same_host_keeps_its_own_budget(settings, api_client, api_client_of_outsider):
    settings.API_THROTTLE_RATES = {"token": "2/min", "ip": "1000/min"}
    for _ in range(2):
        get(api_client, "203.0.113.11")
    assert get(api_client, "203.0.113.11").status_code == 429
    assert get(api_client_of_outsider, "203.0.113.11").status_code == 200


def test_one_address_is_limited_whatever_token_it_uses(settings, tenant, api_client, api_client_of_outsider):
    settings.API_THROTTLE_RATES = {"token": "1000/min", "ip": "3/min"}
    third = _token_client(tenant, [FINANCE])
    statuses = [get(client, "203.0.113.12").status_code
                for client in (api_client, api_client_of_outsider, third, api_client)]
    assert statuses == [200, 200, 200, 429]
    # Another address is not affected.
    assert get(api_client, "203.0.113.13").status_code == 200


def test_a_forged_forwarded_for_header_does_not_buy_a_new_budget(settings, api_client):
    settings.API_THROTTLE_RATES = {"token": "1000/min", "ip": "2/min"}
    for n in range(2):
        api_client.get(LIST, REMOTE_ADDR="203.0.113.14", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}")
    response = api_client.get(LIST, REMOTE_ADDR="203.0.113.14", HTTP_X_FORWARDED_FOR="198.51.100.99")
    assert response.status_code == 429


def test_health_probes_are_never_throttled(settings, client):
    settings.API_THROTTLE_RATES = {"token": "1/min", "ip": "1/min"}
    assert {client.get("/health/live", REMOTE_ADDR="203.0.113.15").status_code for _ in range(5)} == {200}


def test_production_rates_are_set_and_come_from_the_environment():
    from config import settings as production

    assert production.API_THROTTLE_RATES["token"] and production.API_THROTTLE_RATES["ip"]
    assert production.REST_FRAMEWORK["DEFAULT_THROTTLE_CLASSES"] == [
        "core.throttles.TokenRateThrottle", "core.throttles.IpRateThrottle",
    ]


def _redis_reachable(url="redis://127.0.0.1:6379/2") -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(url, socket_connect_timeout=0.5).ping())
    except redis.RedisError:
        return False


@pytest.mark.skipif(not _redis_reachable(), reason="needs Redis on 127.0.0.1:6379 (started by .ci/run)")
def test_the_budget_is_shared_through_redis_by_every_process(settings, api_client):
    from django.core.cache import caches
    from django.core.cache.backends.redis import RedisCache

    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                                   "LOCATION": "redis://127.0.0.1:6379/2", "KEY_PREFIX": "kredo-test-throttle"}}
    settings.API_THROTTLE_RATES = {"token": "2/min", "ip": "1000/min"}
    caches["default"].clear()
    assert [get(api_client, "203.0.113.16").status_code for _ in range(2)] == [200, 200]
    # Another process (a second gunicorn worker) has its own client to Redis and sees the same count.
    other_worker = RedisCache("redis://127.0.0.1:6379/2", {"KEY_PREFIX": "kredo-test-throttle"})
    key = f"throttle_token_ApiToken-{api_client.token.pk}"
    assert len(other_worker.get(key)) == 2
    assert get(api_client, "203.0.113.16").status_code == 429
    caches["default"].clear()


def test_caches_use_redis_when_a_url_is_set_and_local_memory_otherwise():
    import os
    import subprocess
    import sys

    code = ("import django; django.setup(); from django.conf import settings; "
            "print(settings.CACHES['default']['BACKEND'])")
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "CACHE_URL")}
    local = subprocess.run([sys.executable, "-c", code], env={**env, "DJANGO_SETTINGS_MODULE": "config.settings"},
                           capture_output=True, text=True, check=True).stdout.strip()
    shared = subprocess.run([sys.executable, "-c", code],
                            env={**env, "DJANGO_SETTINGS_MODULE": "config.settings",
                                 "CACHE_URL": "redis://127.0.0.1:6379/2"},
                            capture_output=True, text=True, check=True).stdout.strip()
    assert local.endswith("LocMemCache") and shared.endswith("RedisCache")


def test_an_unreachable_cache_lets_requests_through_rather_than_failing_them(settings, api_client):
    from unittest import mock

    settings.API_THROTTLE_RATES = {"token": "1/min", "ip": "1/min"}
    with mock.patch("rest_framework.throttling.SimpleRateThrottle.cache") as cache:
        cache.get.side_effect = ConnectionError("Error 111 connecting to redis:6379")
        assert [get(api_client, "203.0.113.17").status_code for _ in range(3)] == [200, 200, 200]
