from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import ObjectList
from wagtail.admin.views.generic import CreateView, EditView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views import chooser as snippet_chooser
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet

from lms.choosers import SnippetChooserViewSet
from lms.forms import choices_by_own_id
from lms.params import parse_id

from .admin_views import LessonEditView, LessonReviewActionView
from .models import CourseAccess, LessonPage, QuestionBank
from .quiz_forms import QuestionBankForm
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


# Question banks ------------------------------------------------------------------------------------------------


class QuestionBankPolicy(ModelPermissionPolicy):
    """Model permissions (held by the course's trainers through their course's group, and administrators), for
    the banks of the courses the user may edit only: what Wagtail's own views that take an object ask."""

    def user_has_permission_for_instance(self, user, action, instance):
        return super().user_has_permission_for_instance(user, action, instance) and (
            QuestionBank.objects.editable_by(user).filter(pk=instance.pk).exists()
        )

    def instances_user_has_permission_for(self, user, action):
        return (
            super()
            .instances_user_has_permission_for(user, action)
            .filter(pk__in=QuestionBank.objects.editable_by(user).values("pk"))
        )


class BankScopeMixin:
    """The bank in the address of an edit or delete view, among those the user may edit; another is a 404."""

    def get_queryset(self):
        return QuestionBank.objects.editable_by(self.request.user)


class BankObjectScopeMixin:
    """The same for the usage and history views (listings about one object)."""

    def get_base_object_queryset(self):
        return QuestionBank.objects.editable_by(self.request.user)


class BankIndexView(snippet_views.IndexView):
    def get_base_queryset(self):
        return (
            super().get_base_queryset().filter(pk__in=QuestionBank.objects.editable_by(self.request.user).values("pk"))
        )


class BankEditView(BankScopeMixin, snippet_views.EditView):
    pass


class BankDeleteView(BankScopeMixin, snippet_views.DeleteView):
    pass


class BankUsageView(BankObjectScopeMixin, snippet_views.UsageView):
    pass


class BankHistoryView(BankObjectScopeMixin, snippet_views.HistoryView):
    pass


class BankChooseView(snippet_chooser.ChooseView):
    def get_object_list(self):
        return QuestionBank.objects.editable_by(self.request.user).select_related("course")


class BankChooseResultsView(snippet_chooser.ChooseResultsView):
    def get_object_list(self):
        return QuestionBank.objects.editable_by(self.request.user).select_related("course")


class BankChosenView(snippet_chooser.SnippetChosenView):
    def get_object(self, pk):
        return QuestionBank.objects.editable_by(self.request.user).get(pk=parse_id(pk) or 0)


class BankChosenMultipleView(snippet_chooser.SnippetChosenMultipleView):
    def get_objects(self, pks):
        ids = [pk for pk in map(parse_id, pks) if pk is not None]
        return QuestionBank.objects.editable_by(self.request.user).filter(pk__in=ids)


class BankChooserViewSet(SnippetChooserViewSet):
    choose_view_class = BankChooseView
    choose_results_view_class = BankChooseResultsView
    chosen_view_class = BankChosenView
    chosen_multiple_view_class = BankChosenMultipleView


class QuestionBankViewSet(SnippetViewSet):
    """Question banks in the admin (Snippets, and a menu item of their own): a course's trainers write its banks;
    the course's lessons draw from them."""

    model = QuestionBank
    icon = "help"
    menu_label = _("Question banks")
    menu_order = 240
    add_to_admin_menu = True
    copy_view_enabled = False
    list_display = ["title", "course"]
    index_view_class = BankIndexView
    edit_view_class = BankEditView
    delete_view_class = BankDeleteView
    usage_view_class = BankUsageView
    history_view_class = BankHistoryView
    chooser_viewset_class = BankChooserViewSet
    edit_handler = ObjectList(QuestionBank.panels, base_form_class=QuestionBankForm)
