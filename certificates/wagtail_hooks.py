from django.urls import include, path
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .viewsets import CertificateTemplateViewSet

register_snippet(CertificateTemplateViewSet)


@hooks.register("register_admin_urls")
def register_certificate_urls():
    return [path("certificates/", include("certificates.admin_urls"))]
