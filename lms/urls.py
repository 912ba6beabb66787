"""The site's addresses: each app's pages come from its own urls.py (its admin pages from its
admin_urls.py, through its wagtail_hooks.py), included here by name so that lms imports no app above it."""

from django.conf import settings
from django.urls import include, path
from django.views.generic import RedirectView
from django.views.i18n import set_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

urlpatterns = [
    path("", include("ops.urls")),
    # Staff sign in on allauth's form (rate limited, see WAGTAILADMIN_LOGIN_URL); Wagtail's own
    # login form would take passwords without those limits, so its address leads there too.
    # Django's admin (django.contrib.admin) is not installed.
    path("admin/login/", RedirectView.as_view(pattern_name="account_login", query_string=True)),
    # Wagtail's site history, narrowed to administrators (home/admin_views.py says why); before Wagtail's own.
    path("admin/", include("home.admin_urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("tai-khoan/", include("allauth.urls")),
    path("ngon-ngu/", set_language, name="set_language"),
    path("", include("home.urls")),
    path("", include("enrollment.urls")),
    path("", include("courses.urls")),
    path("", include("attendance.urls")),
    path("", include("feedback.urls")),
    path("", include("certificates.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail serves every other path from the page tree; keep it last.
urlpatterns += [path("", include(wagtail_urls))]
