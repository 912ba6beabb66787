"""Surveys' admin pages beyond the templates' snippets (included under admin/feedback/ by wagtail_hooks.py)."""

from django.urls import path

from . import admin_views as views

app_name = "feedback"
urlpatterns = [
    path("offerings/<int:pk>/", views.OfferingSurveyView.as_view(), name="offering"),
    path("offerings/<int:pk>/results/", views.OfferingResultsView.as_view(), name="results"),
    path("offerings/<int:pk>/results.xlsx", views.OfferingResultsDownloadView.as_view(), name="results_xlsx"),
    path("offerings/<int:pk>/print/", views.SurveyPrintView.as_view(), name="print"),
    path("offerings/<int:pk>/paper/", views.SurveyPaperView.as_view(), name="paper"),
    path("trainers/<int:pk>/", views.TrainerResultsView.as_view(), name="trainer"),
    path("results/", views.SurveyReportView.as_view(), name="report"),
    path("results.xlsx", views.report_export, name="report_xlsx"),
]
