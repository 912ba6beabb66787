"""Redis down: pages are still served, and logins refuse with a clear message instead of
running without their rate limit."""

import pytest
from django.core.cache import cache
from django.test import override_settings

from accounts.factories import DEFAULT_PASSWORD, UserFactory
from lms.cache import cache_available

UNREACHABLE = {
    "default": {
        "BACKEND": "lms.cache.ResilientRedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens on port 1
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
    }
}
REACHABLE = {"default": {**UNREACHABLE["default"], "LOCATION": "redis://127.0.0.1:6379/15"}}


@pytest.fixture
def redis_down():
    with override_settings(CACHES=UNREACHABLE):
        yield


def test_the_cache_misses_instead_of_failing(redis_down):
    cache.set("key", "value")
    assert cache.get("key", "missing") == "missing" and cache.get_many(["key"]) == {}
    assert cache.add("key", 1) is True and cache.delete("key") is False  # nothing to wait for
    assert cache.incr("counter") == 1  # lms.throttle counts with incr: the page stays up
    assert not cache_available()


def test_pages_are_served_and_logins_refused_with_a_message(redis_down, client, demo):
    assert client.get("/").status_code == 200
    user = UserFactory(email="dao.nguyen@htx.example")
    response = client.post("/tai-khoan/login/", {"login": user.email, "password": DEFAULT_PASSWORD})
    assert response.status_code == 200
    assert "Tạm dừng đăng nhập" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_working_redis_is_used_and_reported_available(db):
    with override_settings(CACHES=REACHABLE):
        cache.set("lms-test", "có dấu: Đào")
        value = cache.get("lms-test")
        cache.delete("lms-test")
        assert value == "có dấu: Đào" and cache_available()


def test_certificate_verification_stays_up(redis_down, client, demo):
    response = client.get("/xac-minh/7KQ2-M9XD-4TRP-WB3H-C8NF/", {"format": "json"})
    assert response.status_code == 404 and response.json() == {"state": "not_found"}  # throttled by incr: no 500
