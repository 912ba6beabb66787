from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.generic import CreateView, EditView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.viewsets.pages import PageViewSet

from lms.forms import choices_by_own_id

from .admin_views import LessonEditView, LessonReviewActionView
from .models import CourseAccess, LessonPage
from .services import course_access_grant


class OwnIdChoicesMixin:
    def get_form(self, *args, **kwargs):
        form = super().get_form(*args, **kwargs)
        choices_by_own_id(form)  # a 20-digit course id is "not a choice", not a 500
        return form


class CourseAccessCreateView(OwnIdChoicesMixin, CreateView):
    def save_instance(self):
        data = self.form.cleaned_data
        return course_access_grant(course=data["course"], user=data["user"], granted_by=self.request.user)


class CourseAccessEditView(OwnIdChoicesMixin, EditView):
    pass


class CourseAccessFilterSet(WagtailFilterSet):
    class Meta:
        model = CourseAccess
        fields = ["course"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["course"].extra["to_field_name"] = "id"  # as choices_by_own_id: ?course=<20 digits>


class CourseAccessViewSet(ModelViewSet):
    """Administrators open a closed course's lessons to named learners."""

    model = CourseAccess
    add_view_class = CourseAccessCreateView
    edit_view_class = CourseAccessEditView
    icon = "lock-open"
    menu_label = _("Course access")
    menu_order = 250
    add_to_admin_menu = True
    form_fields = ["user", "course"]
    list_display = ["user", "course", "granted_by", "created_at"]
    filterset_class = CourseAccessFilterSet
    search_fields = ["user__first_name", "user__last_name", "user__email"]


course_access_viewset = CourseAccessViewSet("course_access")


class LessonPageViewSet(PageViewSet):
    """Lessons' admin views: Wagtail's, with the review's outcome told to the reviewer. No URL of its
    own (page viewsets route Wagtail's page URLs by the page's type), and no effect on the explorer's
    listing of a course's lessons (no parent models)."""

    model = LessonPage
    edit_view_class = LessonEditView
    workflow_action_view_class = LessonReviewActionView
    parent_models = []


lesson_page_viewset = LessonPageViewSet()
