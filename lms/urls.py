from django.conf import settings
from django.urls import include, path
from django.views.generic import RedirectView
from django.views.i18n import set_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.documents import urls as wagtaildocs_urls

from attendance import checkin as attendance_checkin
from certificates import views as certificates_views
from courses import views as courses_views
from enrollment import views as enrollment_views
from home import views as home_views
from home.admin_views import SiteHistoryView

urlpatterns = [
    # Staff sign in on allauth's form (rate limited, see WAGTAILADMIN_LOGIN_URL); Wagtail's own
    # login form would take passwords without those limits, so its address leads there too.
    # Django's admin (django.contrib.admin) is not installed.
    path("admin/login/", RedirectView.as_view(pattern_name="account_login", query_string=True)),
    # Wagtail's site history, narrowed to administrators (home/admin_views.py says why); before Wagtail's own.
    path("admin/reports/site-history/", require_admin_access(SiteHistoryView.as_view()), name="site_history"),
    path(
        "admin/reports/site-history/results/",
        require_admin_access(SiteHistoryView.as_view(results_only=True)),
        name="site_history_results",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("tai-khoan/", include("allauth.urls")),
    path("ngon-ngu/", set_language, name="set_language"),
    path("lop-cua-toi/", home_views.my_classes, name="my_classes"),
    path("lop/<str:code>/", enrollment_views.offering_detail, name="offering_detail"),
    path("lop/<str:code>/dang-ky/", enrollment_views.offering_register, name="offering_register"),
    path("lop/<str:code>/huy/", enrollment_views.offering_cancel, name="offering_cancel"),
    path("hoc-tap/", courses_views.my_learning, name="my_learning"),
    path("diem-danh/", attendance_checkin.checkin_code_entry, name="checkin_code"),
    path("giay-chung-nhan/<int:pk>.<str:fmt>", certificates_views.certificate_download, name="certificate_download"),
    path("xac-minh/", certificates_views.verify_form, name="certificate_verify_form"),
    path("xac-minh/<str:code>/", certificates_views.certificate_verify, name="certificate_verify"),
    path(
        "xac-minh/<str:code>/open-badge.json", certificates_views.certificate_badge_download, name="certificate_badge"
    ),
    path("diem-danh/<int:pk>/<str:code>/", attendance_checkin.checkin, name="checkin"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail serves every other path from the page tree; keep it last.
urlpatterns += [path("", include(wagtail_urls))]
