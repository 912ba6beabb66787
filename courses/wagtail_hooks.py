from django.contrib.auth.views import redirect_to_login
from django.template.response import TemplateResponse
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from .admin_home import replace_workflow_panels
from .models import LessonPage, QuestionBank
from .selectors import document_readable_by
from .services import lesson_place
from .viewsets import QuestionBankPolicy, QuestionBankViewSet, course_access_viewset, lesson_page_viewset

register_permission_policy(QuestionBank, QuestionBankPolicy(QuestionBank))
register_snippet(QuestionBankViewSet)


@hooks.register("register_admin_viewset")
def register_course_access_viewset():
    return course_access_viewset


@hooks.register("register_admin_viewset")
def register_lesson_page_viewset():
    return lesson_page_viewset


@hooks.register("register_admin_urls")
def register_courses_urls():
    return [path("", include("courses.admin_urls"))]


class ItemAnalysisMenuItem(PageMenuItem):
    label = _("Item analysis")
    icon_name = "table"
    url_name = "courses:item_analysis"

    def is_shown(self, user):
        return self.page.permissions_for_user(user).can_edit()


@hooks.register("register_page_header_buttons")
def item_analysis_of_a_quiz(page, user, view_name, next_url=None):
    if isinstance(page, LessonPage) and page.has_quiz:
        yield ItemAnalysisMenuItem(page=page, priority=66)


@hooks.register("before_serve_document")
def serve_documents_of_closed_lessons_to_their_readers(document, request):
    if document_readable_by(document, request.user):
        return None
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return TemplateResponse(request, "courses/document_locked.html", {"document": document}, status=403)


@hooks.register("after_create_page")
def place_a_new_lesson_before_the_final_test(request, page):
    if isinstance(page, LessonPage):
        lesson_place(lesson=page)


@hooks.register("construct_homepage_panels")
def add_review_panel(request, panels):
    replace_workflow_panels(request, panels)
