from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .models import AdministrativeUnit
from .viewsets import ReadOnlyPolicy, TrainingViewSetGroup

# Units come from the statistics office lists (migrations, load_units), never from a form.
register_permission_policy(AdministrativeUnit, ReadOnlyPolicy(AdministrativeUnit))


@hooks.register("register_admin_viewset")
def register_training_viewsets():
    return TrainingViewSetGroup()
