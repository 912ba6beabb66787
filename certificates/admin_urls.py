"""Certificates' admin pages beyond the templates' snippets (included under admin/certificates/ by wagtail_hooks.py)."""

from django.urls import path

from . import admin_views as views
from . import register_views as register

app_name = "certificates"
urlpatterns = [
    path("offerings/<int:pk>/", views.OfferingCertificatesView.as_view(), name="offering"),
    path("offerings/<int:pk>/status/", views.OfferingCertificatesStatusView.as_view(), name="offering_status"),
    path("offerings/<int:pk>/print.pdf", views.OfferingCertificatesPrintView.as_view(), name="offering_print"),
    path("offerings/<int:pk>/register.xlsx", register.OfferingRegisterView.as_view(), name="offering_register"),
    path("register/", register.CertificateRegisterView.as_view(), name="register"),
    path("register.xlsx", register.register_export, name="register_export"),
]
