"""Deployment hardening: headers, the Content-Security-Policy, cookies, login rate limits, uploads.

The header tests run the production settings' security values (read from lms/settings/production.py
with a deployment's environment) over the test database, behind a pretend TLS proxy.
"""

import importlib.util
import os
import secrets
import uuid

import pytest
from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from django.utils.module_loading import import_string
from wagtail.documents import get_document_model

from accounts.factories import DEFAULT_PASSWORD, UserFactory
from accounts.roles import Role
from demo.build import DEMO_PASSWORD
from tests.lms.test_settings import PRODUCTION, _manage

HTTPS = {"HTTP_X_FORWARDED_PROTO": "https", "HTTP_HOST": "daotao.ocop.example"}

# What a deployment's settings module decides about security; the rest (database, cache,
# storage) stays the test settings'.
SECURITY_SETTINGS = [
    "MIDDLEWARE",
    "SECURE_PROXY_SSL_HEADER",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_REFERRER_POLICY",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "SESSION_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "CSRF_COOKIE_SECURE",
    "CSRF_COOKIE_HTTPONLY",
    "LANGUAGE_COOKIE_SECURE",
    "X_FRAME_OPTIONS",
    "CONTENT_SECURITY_POLICY",
    "CONTENT_SECURITY_POLICY_ADMIN",
    "WAGTAILDOCS_SERVE_METHOD",
    "WAGTAILDOCS_INLINE_CONTENT_TYPES",
    "WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT",
    "WAGTAILDOCS_CONTENT_TYPES",
]


def production_module(**env):
    """lms/settings/production.py executed afresh with a deployment's environment (plus `env`)."""
    saved = dict(os.environ)
    os.environ.update({**PRODUCTION, **env})
    try:
        spec = importlib.util.find_spec("lms.settings.production")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        os.environ.clear()
        os.environ.update(saved)


@pytest.fixture
def production_security():
    module = production_module()
    with override_settings(**{name: getattr(module, name) for name in SECURITY_SETTINGS}):
        yield module


def directives(header: str) -> dict[str, list[str]]:
    policy = {}
    for part in header.split(";"):
        name, *values = part.split()
        policy[name] = values
    return policy


def assert_strict_site_policy(header):
    policy = directives(header)
    assert policy["default-src"] == ["'self'"]
    for directive in ("script-src", "style-src"):
        assert policy[directive] == ["'self'"], directive
    assert "script-src-attr" not in policy and "script-src-elem" not in policy
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert "'unsafe-inline'" not in header and "'unsafe-eval'" not in header


# --- the deployment checklist ---------------------------------------------------------------------


def test_production_security_values():
    module = production_module()
    assert module.SECURE_SSL_REDIRECT is True
    assert module.SECURE_PROXY_SSL_HEADER == ("HTTP_X_FORWARDED_PROTO", "https")
    assert module.SECURE_HSTS_SECONDS >= 60 * 60 * 24 * 180
    assert module.SECURE_HSTS_INCLUDE_SUBDOMAINS is True
    assert module.SECURE_HSTS_PRELOAD is False
    assert module.SESSION_COOKIE_SECURE and module.CSRF_COOKIE_SECURE and module.LANGUAGE_COOKIE_SECURE
    assert module.SESSION_COOKIE_HTTPONLY and module.CSRF_COOKIE_HTTPONLY
    assert issubclass(import_string(module.CACHES["default"]["BACKEND"]), RedisCache)
    assert module.ALLAUTH_TRUSTED_PROXY_COUNT == 1
    assert "django.contrib.admin" not in module.INSTALLED_APPS


def test_preload_is_opt_in_and_then_the_check_is_not_silenced():
    module = production_module(SECURE_HSTS_PRELOAD="true")
    assert module.SECURE_HSTS_PRELOAD is True
    assert "security.W021" not in module.SILENCED_SYSTEM_CHECKS


def test_deploy_check_warns_when_rate_limits_would_not_be_shared():
    environment = {k: v for k, v in PRODUCTION.items() if k != "REDIS_URL"}
    result = _manage("check", "--deploy", "--fail-level", "WARNING", **environment)
    assert result.returncode != 0
    assert "lms.W001" in result.stdout + result.stderr


def test_deploy_checks_flag_a_missing_or_loosened_policy():
    from lms.checks import check_content_security_policy

    assert check_content_security_policy() == []
    loose = {"DIRECTIVES": {"default-src": ["'self'"], "script-src": ["'self'", "'unsafe-inline'"]}}
    with override_settings(CONTENT_SECURITY_POLICY=loose):
        assert [w.id for w in check_content_security_policy()] == ["lms.W003"]
    without = [name for name in settings.MIDDLEWARE if not name.endswith("ContentSecurityPolicyMiddleware")]
    with override_settings(MIDDLEWARE=without):
        assert [w.id for w in check_content_security_policy()] == ["lms.W002"]


def test_no_setting_carries_a_default_secret():
    module = production_module(EMAIL_HOST_PASSWORD="")
    assert module.SECRET_KEY == PRODUCTION["DJANGO_SECRET_KEY"]
    assert module.SECRET_KEY_FALLBACKS == []
    assert module.EMAIL_HOST_PASSWORD == ""
    rotated = production_module(DJANGO_SECRET_KEY_FALLBACKS="old-key-1,old-key-2")
    assert rotated.SECRET_KEY_FALLBACKS == ["old-key-1", "old-key-2"]


# --- response headers ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_plain_http_is_redirected_to_https(client, demo, production_security):
    response = client.get("/", HTTP_HOST="daotao.ocop.example")
    assert response.status_code == 301
    assert response["Location"] == "https://daotao.ocop.example/"


def test_home_page_headers(client, demo, production_security):
    response = client.get("/", **HTTPS)
    assert response.status_code == 200
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert_strict_site_policy(response["Content-Security-Policy"])
    frames = directives(response["Content-Security-Policy"])["frame-src"]
    assert frames == [
        "'self'",
        "https://www.youtube.com",
        "https://www.youtube-nocookie.com",
        "https://player.vimeo.com",
    ]


def test_login_page_keeps_the_strict_policy_and_sets_secure_httponly_cookies(client, demo, production_security):
    response = client.get(reverse("account_login"), **HTTPS)
    assert response.status_code == 200
    assert_strict_site_policy(response["Content-Security-Policy"])
    csrf = response.cookies[settings.CSRF_COOKIE_NAME]
    assert csrf["secure"] and csrf["httponly"]

    response = client.post(
        reverse("account_login"),
        {"login": demo[Role.ADMINISTRATOR.value].email, "password": DEMO_PASSWORD},
        **HTTPS,
    )
    assert response.status_code == 302
    session = response.cookies[settings.SESSION_COOKIE_NAME]
    assert session["secure"] and session["httponly"]
    assert session["samesite"] == "Lax"


def test_admin_pages_get_the_narrow_admin_policy(client, demo, production_security):
    client.force_login(demo[Role.ADMINISTRATOR.value])
    response = client.get("/admin/", **HTTPS)
    assert response.status_code == 200
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    policy = directives(response["Content-Security-Policy"])
    # What Wagtail 8's admin needs, and nothing more: inline <script>/<style>, data:/blob: images.
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["img-src"] == ["'self'", "data:", "blob:"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    for directive in ("default-src", "connect-src", "font-src", "base-uri", "form-action"):
        assert policy[directive] == ["'self'"], directive
    assert policy["object-src"] == ["'none'"]


def test_wagtail_preview_may_be_framed_by_the_admin_only(client, demo, production_security):
    from wagtail.models import Site

    client.force_login(demo[Role.ADMINISTRATOR.value])
    page = Site.objects.get(is_default_site=True).root_page
    # The live preview panel's frame (without a posted form it shows Wagtail's "preview error" page).
    response = client.get(f"/admin/pages/{page.pk}/edit/preview/?in_preview_panel=true", **HTTPS)
    assert response.status_code == 200
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert directives(response["Content-Security-Policy"])["frame-ancestors"] == ["'self'"]


@pytest.mark.django_db
def test_every_setting_module_runs_the_policy():
    # Tests and development run under the same policy as production (base settings).
    assert "lms.middleware.ContentSecurityPolicyMiddleware" in settings.MIDDLEWARE
    assert_strict_site_policy(
        "; ".join(f"{k} {' '.join(v)}" for k, v in settings.CONTENT_SECURITY_POLICY["DIRECTIVES"].items())
    )


def test_our_templates_have_no_inline_script():
    import re
    from pathlib import Path

    inline = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>|\son[a-z]+\s*=|javascript:", re.IGNORECASE)
    found = []
    for path in (Path(settings.BASE_DIR) / "templates").rglob("*.html"):
        for number, line in enumerate(path.read_text().splitlines(), 1):
            if inline.search(line) and 'type="application/json"' not in line:
                found.append(f"{path.relative_to(settings.BASE_DIR)}:{number}: {line.strip()}")
    assert not found, "\n".join(found)


def test_print_buttons_use_the_static_script(client, demo):
    client.force_login(demo[Role.ADMINISTRATOR.value])
    response = client.get(reverse("dashboard:index"))
    html = response.content.decode()
    assert "data-print" in html and "js/print.js" in html
    assert "onclick" not in html


# --- logins are rate limited, in Redis -------------------------------------------------------------


def test_failed_logins_are_rate_limited_in_the_shared_redis_cache(client, db):
    redis_url = "redis://127.0.0.1:6379/0"
    prefix = f"test-security-{uuid.uuid4().hex}"
    redis_cache = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": redis_url}
    with override_settings(CACHES={"default": {**redis_cache, "KEY_PREFIX": prefix}}):
        cache = caches["default"]
        try:
            cache.set("ping", 1, 5)
        except Exception as error:  # noqa: BLE001 - any connection failure
            if os.environ.get("CI"):
                raise
            pytest.skip(f"Redis is not running at {redis_url}: {error}")
        try:
            user = UserFactory(email="sai.mat.khau@ocop.example")
            wrong = {"login": user.email, "password": "khong-dung"}
            pages = [client.post(reverse("account_login"), wrong).content.decode() for _attempt in range(6)]
            assert "Bạn đã đăng nhập sai quá nhiều lần" not in pages[0]
            assert "Bạn đã đăng nhập sai quá nhiều lần" in pages[-1]
            keys = cache._cache.get_client(write=False).keys(f"{prefix}:*")
            assert any(b"allauth" in key or b"rl:" in key for key in keys), keys
            # The right password is refused too while the limit lasts.
            client.post(reverse("account_login"), {**wrong, "password": DEFAULT_PASSWORD})
            assert "_auth_user_id" not in client.session
        finally:
            client_ = cache._cache.get_client(write=True)
            for key in client_.keys(f"{prefix}:*"):
                client_.delete(key)


def test_wagtail_login_form_is_not_a_way_around_the_limits(client, demo):
    admin = demo[Role.ADMINISTRATOR.value]
    response = client.get("/admin/login/?next=/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == reverse("account_login") + "?next=/admin/pages/"
    # A password posted to Wagtail's address is never checked: it only leads to the rate-limited form.
    response = client.post("/admin/login/", {"username": admin.email, "password": DEMO_PASSWORD})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert "_auth_user_id" not in client.session


def test_anonymous_admin_visit_goes_to_the_rate_limited_login(client, db):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_django_admin_is_not_exposed(client, demo):
    assert "django.contrib.admin" not in settings.INSTALLED_APPS
    assert client.get("/django-admin/").status_code == 404
    assert client.post("/django-admin/login/", {"username": "x", "password": "y"}).status_code == 404


# --- uploaded files never render as pages of the site --------------------------------------------


@pytest.fixture
def html_document(db):
    document = get_document_model()(title="Bài giảng")
    document.file.save(
        f"bai-giang-{secrets.token_hex(4)}.html",
        ContentFile(b"<!doctype html><script>document.title='pwned'</script><h1>hi</h1>"),
    )
    document.save()
    yield document
    document.file.delete(save=False)


def test_an_html_document_is_downloaded_not_rendered(client, html_document, production_security):
    response = client.get(html_document.url, **HTTPS)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Type"] == "application/octet-stream"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert html_document.url.startswith("/documents/")  # Wagtail's view, never a direct media link


def test_pdf_documents_are_downloads_too(client, db, production_security):
    document = get_document_model()(title="Tài liệu")
    document.file.save(f"tai-lieu-{secrets.token_hex(4)}.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"))
    document.save()
    try:
        response = client.get(document.url, **HTTPS)
        assert response["Content-Disposition"].startswith("attachment;")
        assert response["Content-Type"] == "application/pdf"
        assert response["X-Content-Type-Options"] == "nosniff"
    finally:
        document.file.delete(save=False)


def test_the_document_library_refuses_html_uploads(client, demo):
    client.force_login(demo[Role.ADMINISTRATOR.value])
    before = get_document_model().objects.count()
    upload = SimpleUploadedFile("trang.html", b"<script>alert(1)</script>", content_type="text/html")
    response = client.post(reverse("wagtaildocs:add"), {"title": "Trang", "file": upload, "collection": 1})
    assert response.status_code == 200
    assert get_document_model().objects.count() == before
