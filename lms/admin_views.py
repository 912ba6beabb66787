"""What our own pages in the Wagtail admin share."""

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .params import parse_int


class AdminPageView(WagtailAdminTemplateMixin, TemplateView):
    """A page in the Wagtail admin for those `allowed` lets in (by default, who has `permission`; a 403 for
    anyone else), its title the last breadcrumb."""

    permission = ""

    def allowed(self, user) -> bool:
        return not self.permission or user.has_perm(self.permission)

    def dispatch(self, request, *args, **kwargs):
        if not self.allowed(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": None, "label": self.get_page_title()}]


def requested_year(request) -> int:
    """The year a yearly page was asked for (`?year=`, 2000 to 2099), or this year."""
    return parse_int(request.GET.get("year", ""), minimum=2000, maximum=2099) or timezone.localdate().year
