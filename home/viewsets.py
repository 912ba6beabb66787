"""The Program figures menu: the dashboard for staff, the yearly targets for administrators."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from . import admin_views
from .models import TrainingTarget


class DashboardMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("home.view_dashboard")


class DashboardViewSet(ViewSet):
    name = "dashboard"
    url_prefix = "dashboard"
    icon = "table"
    menu_label = _("Program dashboard")
    menu_item_class = DashboardMenuItem

    def get_urlpatterns(self):
        return [
            path("", admin_views.DashboardView.as_view(), name="index"),
            path("<slug:table>.xlsx", admin_views.dashboard_export, name="export"),
        ]


class TargetViewSet(ModelViewSet):
    model = TrainingTarget
    name = "targets"
    icon = "crosshairs"
    menu_label = _("Yearly targets")
    form_fields = ["year", "track", "classes", "people"]
    list_display = ["year", "track", "classes", "people"]
    list_filter = ["year", "track"]


class ReportsViewSetGroup(ViewSetGroup):
    menu_label = _("Program figures")
    menu_icon = "table"
    menu_order = 250
    items = (DashboardViewSet, TargetViewSet)
