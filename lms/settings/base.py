"""Settings shared by every environment.

Environment-specific modules (dev, test, production) import this one and
override what differs. Nothing secret lives here.
"""

from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.utils.translation import gettext_lazy as _

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

INSTALLED_APPS = [
    "lms",
    "accounts",
    "home",
    "courses",
    "enrollment",
    "attendance",
    "feedback",
    "certificates",
    "ops",
    "demo",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_rq",
    "django_tasks_rq",
    "allauth",
    "allauth.account",
    "csp",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "lms.middleware.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "lms.middleware.SiteLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "lms.middleware.TaskStarterMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

# Content-Security-Policy (django-csp), in every environment so that tests and
# development run under the policy production sends. The site allows nothing
# inline: scripts and styles come from our own static files only (buttons get
# their behaviour from static/js, never from onclick= attributes).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        # Lesson videos are YouTube or Vimeo players (courses.blocks.VideoBlock).
        "frame-src": [
            SELF,
            "https://www.youtube.com",
            "https://www.youtube-nocookie.com",
            "https://player.vimeo.com",
        ],
        "frame-ancestors": [NONE],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
    },
}
# The Wagtail admin is the one exception, under these URL prefixes only. Wagtail 8
# still writes inline <script> elements with no nonce (initDateChooser(...) in listing
# filters and date fields, new ImageChooser(...) for image fields, scripts its
# StreamField code inserts through jQuery) and injects <style> elements, so its pages
# need 'unsafe-inline' for scripts and styles (a hash or nonce beside it would switch
# it off); image previews use data: and blob: URLs; its live preview is a frame of the
# admin. No 'unsafe-eval', no other hosts. Staff log in on the site's login page,
# which keeps the strict policy. (lms.middleware.ContentSecurityPolicyMiddleware
# replaces these directives.)
CONTENT_SECURITY_POLICY_ADMIN = {
    "URL_PREFIXES": ["/admin/"],
    "REPLACE": {
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
        "frame-ancestors": [SELF],
    },
}

# Headers every response carries (SecurityMiddleware, XFrameOptionsMiddleware).
# strict-origin-when-cross-origin: other sites see our origin, never a path (paths
# hold certificate codes and check-in codes); YouTube's player refuses to play
# without a referrer, which same-origin would withhold.
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
# No framing by other pages; Wagtail's preview views relax this to SAMEORIGIN themselves.
X_FRAME_OPTIONS = "DENY"
# No script reads either cookie: Wagtail's admin takes the CSRF token from the page.
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True

ROOT_URLCONF = "lms.urls"
WSGI_APPLICATION = "lms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# SQLite in the project folder unless DATABASE_URL says otherwise
# (postgres://user@host:port/name selects PostgreSQL through psycopg).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=0,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["ENGINE"] = "lms.db.sqlite3"  # the real parameter limit (lms/db/sqlite3/base.py)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Accounts (django-allauth): learners sign up and log in with their email,
# which must be verified. Rate limits are allauth's defaults (on), kept in
# the default cache, which is Redis in production.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_USER_DISPLAY = "accounts.models.user_display"
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_FORMS = {"signup": "accounts.forms.SignupForm"}
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[OCOP] "
# Everyone, staff included, changes their sign-in email on allauth's page (/tai-khoan/email/): the new
# address replaces the old one only once confirmed from its inbox. Wagtail's account page would change it
# unconfirmed, so its email field is off (accounts/wagtail_hooks.py links to allauth's page instead).
ACCOUNT_CHANGE_EMAIL = True
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "my_classes"
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
# A signed-in learner who opens /admin/ is sent to the login page by Wagtail
# with "no permission"; showing the form (to switch account) avoids a loop.
ACCOUNT_AUTHENTICATED_LOGIN_REDIRECTS = False

# Vietnamese first, English second. The interface language is Vietnamese
# unless the visitor picks English with the switcher (see lms.middleware).
LANGUAGE_CODE = "vi"
LANGUAGES = [
    ("vi", "Tiếng Việt"),
    ("en", "English"),
]
# Our own catalogue (`make messages`), then a hand-kept one translating
# third-party strings their packages ship no Vietnamese for (django-allauth).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_vendor"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
# Dates read dd/mm/yyyy in both languages (lms/formats/<lang>/formats.py).
FORMAT_MODULE_PATH = ["lms.formats"]

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = BASE_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Background work goes through the Django tasks API (django-tasks, which Wagtail already uses).
# Immediate by default: the work runs inside the request, so `make run` and the tests need no
# Redis. Production with REDIS_URL runs every task on RQ workers (django-tasks-rq; README,
# "Background work"); progress bars then read the shared cache.
# RQ's queues and what it does for a job of each (lms/queue.py): the timeout in seconds, and the
# waits before each new try after a failure or after the job's worker died (every task is safe to
# run twice). A task picks its queue with @task(queue_name=...).
TASK_QUEUES = {
    "default": {"timeout": 10 * 60, "retry": [30, 120]},
    "imports": {"timeout": 30 * 60, "retry": [30, 120]},
    "messages": {"timeout": 60, "retry": [60, 5 * 60, 15 * 60, 60 * 60, 6 * 60 * 60]},
}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend", "QUEUES": list(TASK_QUEUES)}}
RQ_REDIS_URL = "redis://127.0.0.1:6379/0"
RQ_QUEUES = {name: {"URL": RQ_REDIS_URL, "DEFAULT_TIMEOUT": queue["timeout"]} for name, queue in TASK_QUEUES.items()}
RQ = {"JOB_CLASS": "lms.queue.Job", "QUEUE_CLASS": "lms.queue.TaskQueue"}
# How often the scheduler (`manage.py rqcron ops.schedule`) publishes scheduled pages and cleans the
# queues' registries (which is when a job whose worker died is found and run again).
SCHEDULE_SECONDS = 60

# Wagtail's page editor posts many fields for long StreamFields.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# Request bodies. Form fields: up to 2.5 MB (Django's default; a long lesson posts a few hundred kB).
# Files: held in memory up to 2.5 MB, spooled to a temporary file above that, refused by their form
# over their own limit (rosters and sign-in sheets ROSTER_MAX_UPLOAD_MB, images and documents below).
# Django has no limit on a whole request: the proxy in front refuses bodies over 25 MB
# (nginx: client_max_body_size 25m), so that nothing larger is ever spooled.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

WAGTAIL_SITE_NAME = _("OCOP training")
WAGTAIL_CONTENT_LANGUAGES = [("vi", "Tiếng Việt")]
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
# Staff sign in through the same allauth form as learners, so one set of
# rate limits and one password-reset flow covers everybody.
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_PASSWORD_RESET_ENABLED = False
# No avatars from gravatar.com: nothing is loaded from third-party hosts.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Lesson documents: what trainers hand out (PDF, Word, Excel, PowerPoint, OpenDocument text, plain
# text and CSV), nothing a browser would run or render (HTML, SVG, XML) and no archives (.zip) whose
# contents nobody checks. courses.forms.DocumentForm also checks that the content is what the
# extension says, refuses password-protected Office files and archives that unpack to hundreds of MB.
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILDOCS_DOCUMENT_FORM_BASE = "courses.forms.DocumentForm"
# Documents are always served by Wagtail's view (never by a direct link into MEDIA_ROOT),
# as downloads (no type is shown inline, PDFs included), with nosniff and a
# "default-src 'none'" policy of their own: an uploaded file never renders as a page
# of the site's origin.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT = True
# Only the extensions above can be uploaded; a markup file that got into the library
# some other way is still sent as bytes, not as a page.
WAGTAILDOCS_CONTENT_TYPES = {
    ext: "application/octet-stream" for ext in ("htm", "html", "shtml", "svg", "svgz", "xht", "xhtml", "xml")
}
# Images (lessons, certificate backgrounds, signatures, seals): photographs and drawings in the
# formats Pillow decodes. No SVG: it can carry script and links to other hosts, and certificates are
# drawn with Pillow, which cannot read it. 10 MB and 40 million pixels (an 8000 × 5000 photograph)
# are well above what a lesson or an A4 certificate at 150 dpi needs, and bound what decoding an
# upload costs: courses.forms.ImageForm counts the pixels from the header before anything is
# decoded, and refuses an image whose data breaks off.
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_IMAGE_FORM_BASE = "courses.forms.ImageForm"

DEFAULT_FROM_EMAIL = "Chương trình OCOP <no-reply@ocop.local>"

# Roster uploads: the largest file accepted, in megabytes.
ROSTER_MAX_UPLOAD_MB = 20
# Closing a session marks everyone not yet marked as absent; False leaves them unmarked (they
# still count as missed in the rates, but the sheet shows who was never marked).
ATTENDANCE_CLOSE_MARKS_ABSENT = True

# Certificate serial numbers run per issuing unit (the province of the offering's unit) and year.
CERTIFICATE_SERIAL_FORMAT = "{prefix}-{year}-{number:06d}"
CERTIFICATE_UNIT_PREFIXES = {"01": "HN", "79": "HCM", "31": "HP", "48": "DN"}
