from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.generic import CreateView
from wagtail.admin.viewsets.model import ModelViewSet

from .models import CourseAccess
from .services import course_access_grant


class CourseAccessCreateView(CreateView):
    def save_instance(self):
        data = self.form.cleaned_data
        return course_access_grant(course=data["course"], user=data["user"], granted_by=self.request.user)


class CourseAccessViewSet(ModelViewSet):
    """Administrators open a closed course's lessons to named learners."""

    model = CourseAccess
    add_view_class = CourseAccessCreateView
    icon = "lock-open"
    menu_label = _("Course access")
    menu_order = 250
    add_to_admin_menu = True
    form_fields = ["user", "course"]
    list_display = ["user", "course", "granted_by", "created_at"]
    list_filter = ["course"]
    search_fields = ["user__first_name", "user__last_name", "user__email"]


course_access_viewset = CourseAccessViewSet("course_access")
