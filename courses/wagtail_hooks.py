from django.contrib.auth.views import redirect_to_login
from django.template.response import TemplateResponse
from wagtail import hooks

from .admin_home import replace_workflow_panels
from .models import LessonPage
from .selectors import document_readable_by
from .services import lesson_place
from .viewsets import course_access_viewset, lesson_page_viewset


@hooks.register("register_admin_viewset")
def register_course_access_viewset():
    return course_access_viewset


@hooks.register("register_admin_viewset")
def register_lesson_page_viewset():
    return lesson_page_viewset


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
