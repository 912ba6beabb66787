from django.urls import include, path
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .admin_home import RostersPanel
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
def register_enrollment_urls():
    return [path("", include("enrollment.admin_urls"))]


@hooks.register("construct_homepage_panels")
def add_rosters_panel(request, panels):
    RostersPanel.add_to(request, panels)
