from django.urls import path

from . import admin_views

app_name = "ops"
urlpatterns = [path("jobs/", admin_views.JobsView.as_view(), name="jobs")]
