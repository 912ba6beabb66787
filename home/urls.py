"""Home's pages on the site: the learner's own page."""

from django.urls import path

from . import views

urlpatterns = [path("lop-cua-toi/", views.my_classes, name="my_classes")]
