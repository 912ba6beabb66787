from wagtail import hooks

from .admin_home import DashboardPanel, remove_summary_items
from .admin_views import site_history_allowed
from .viewsets import ReportsViewSetGroup


@hooks.register("register_admin_viewset")
def register_reports():
    return ReportsViewSetGroup()


@hooks.register("construct_reports_menu")
def hide_site_history(request, menu_items):
    if not site_history_allowed(request.user):
        menu_items[:] = [item for item in menu_items if item.name != "site-history"]


@hooks.register("construct_homepage_panels")
def add_dashboard_panel(request, panels):
    DashboardPanel.add_to(request, panels)


# After Wagtail's own apps (later in INSTALLED_APPS) have added theirs.
@hooks.register("construct_homepage_summary_items", order=1000)
def remove_wagtail_counts(request, summary_items):
    remove_summary_items(request, summary_items)
