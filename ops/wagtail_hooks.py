from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import jobs_allowed


@hooks.register("register_admin_urls")
def register_ops_urls():
    return [path("ops/", include("ops.admin_urls"))]


class JobsMenuItem(MenuItem):
    def is_shown(self, request):
        return jobs_allowed(request.user)


@hooks.register("register_settings_menu_item")
def register_jobs_menu_item():
    return JobsMenuItem(_("Background tasks"), reverse("ops:jobs"), icon_name="cogs", order=900)
