from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from .admin_home import CertificatesPanel
from .viewsets import CertificateTemplateViewSet

register_snippet(CertificateTemplateViewSet)


@hooks.register("register_admin_urls")
def register_certificate_urls():
    return [path("certificates/", include("certificates.admin_urls"))]


@hooks.register("construct_homepage_panels")
def add_certificates_panel(request, panels):
    CertificatesPanel.add_to(request, panels)


class RegisterMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("certificates.view_certificate")


@hooks.register("register_reports_menu_item")
def register_certificate_register_menu_item():
    return RegisterMenuItem(_("Certificate register"), reverse("certificates:register"), icon_name="doc-full", order=50)
