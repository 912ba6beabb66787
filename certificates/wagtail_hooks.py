from django.urls import path
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .viewsets import CertificateTemplateViewSet

register_snippet(CertificateTemplateViewSet)


@hooks.register("register_admin_urls")
def register_certificate_urls():
    from . import admin_views

    return [
        path("certificates/offerings/<int:pk>/", admin_views.offering_certificates, name="offering_certificates"),
        path(
            "certificates/offerings/<int:pk>/status/",
            admin_views.offering_certificates_status,
            name="offering_certificates_status",
        ),
    ]
