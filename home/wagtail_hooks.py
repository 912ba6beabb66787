from wagtail import hooks

from .admin_views import site_history_allowed
from .viewsets import ReportsViewSetGroup


@hooks.register("register_admin_viewset")
def register_reports():
    return ReportsViewSetGroup()


@hooks.register("construct_reports_menu")
def hide_site_history(request, menu_items):
    if not site_history_allowed(request.user):
        menu_items[:] = [item for item in menu_items if item.name != "site-history"]
