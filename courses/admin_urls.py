from django.urls import path

from . import admin_views

app_name = "courses"
urlpatterns = [
    path("bai-kiem-tra/<str:pk>/phan-tich/", admin_views.ItemAnalysisView.as_view(), name="item_analysis"),
    path(
        "bai-kiem-tra/<str:pk>/phan-tich.xlsx", admin_views.ItemAnalysisExportView.as_view(), name="item_analysis_xlsx"
    ),
]
