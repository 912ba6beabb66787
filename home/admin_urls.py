"""Home's admin pages outside its viewsets: Wagtail's site history, narrowed to administrators
(admin_views.SiteHistoryView says why). They answer at Wagtail's own addresses, so lms/urls.py includes
them under admin/ before Wagtail's admin (a register_admin_urls hook would come after Wagtail's reports)."""

from django.urls import path
from wagtail.admin.auth import require_admin_access

from .admin_views import SiteHistoryView

app_name = "home"
urlpatterns = [
    path("reports/site-history/", require_admin_access(SiteHistoryView.as_view()), name="site_history"),
    path(
        "reports/site-history/results/",
        require_admin_access(SiteHistoryView.as_view(results_only=True)),
        name="site_history_results",
    ),
]
