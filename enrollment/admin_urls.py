"""Enrollment's admin pages beyond its viewsets (included under the admin by wagtail_hooks.py)."""

from django.urls import path

from .io import admin_views as io
from .roster import admin_views as roster

app_name = "enrollment"
urlpatterns = [
    path("offerings/<int:pk>/roster/", roster.RosterUploadView.as_view(), name="roster_upload"),
    path("rosters/<int:pk>/", roster.RosterPreviewView.as_view(), name="roster_preview"),
    path("rosters/<int:pk>/status/", roster.RosterStatusView.as_view(), name="roster_status"),
    path("rosters/<int:pk>/errors.xlsx", roster.RosterErrorsView.as_view(), name="roster_errors"),
    path("offerings/<int:pk>/export.<str:fmt>", roster.OfferingExportView.as_view(), name="offering_export"),
    path("participants-export.<str:fmt>", roster.participants_export, name="participants_export"),
    path("offerings/import-plan/", io.PlanImportView.as_view(), name="plan_import"),
    path("offerings/plan-template.xlsx", io.plan_template, name="plan_template"),
    path("organizations/import/", io.OrganizationsImportView.as_view(), name="organizations_import"),
    path("organizations/export.xlsx", io.organizations_export, name="organizations_export"),
    path("ocop_products/import/", io.ProductsImportView.as_view(), name="products_import"),
    path("ocop_products/export.xlsx", io.products_export, name="products_export"),
]
