from django.urls import path
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .models import AdministrativeUnit, Enrollment, OcopProduct, Offering, Organization, Participant
from .viewsets import ReadOnlyPolicy, ScopedPolicy, TrainingViewSetGroup

# Units come from the statistics office lists (migrations, load_units), never from a form.
register_permission_policy(AdministrativeUnit, ReadOnlyPolicy(AdministrativeUnit))
for model in (Enrollment, OcopProduct, Offering, Organization, Participant):
    register_permission_policy(model, ScopedPolicy(model))


@hooks.register("register_admin_viewset")
def register_training_viewsets():
    return TrainingViewSetGroup()


@hooks.register("register_admin_urls")
def register_roster_urls():
    from .roster import views

    return [
        path("offerings/<int:pk>/roster/", views.roster_upload, name="roster_upload"),
        path("rosters/<int:pk>/", views.roster_preview, name="roster_preview"),
        path("rosters/<int:pk>/status/", views.roster_status, name="roster_status"),
        path("offerings/<int:pk>/export.<str:fmt>", views.offering_export, name="offering_export"),
        path("participants-export.<str:fmt>", views.participants_export, name="participants_export"),
    ]
