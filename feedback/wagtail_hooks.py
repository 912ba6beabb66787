from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from .viewsets import SurveyTemplateViewSet

register_snippet(SurveyTemplateViewSet)


@hooks.register("register_admin_urls")
def register_feedback_urls():
    return [path("feedback/", include("feedback.admin_urls"))]


class SurveyResultsMenuItem(MenuItem):
    """The year's results for those who read them (organizers, administrators); a trainer's own results."""

    def is_shown(self, request):
        return request.user.has_perm("feedback.view_surveyresponse")


class MySurveyResultsMenuItem(MenuItem):
    """A trainer's own results (their page's address is theirs)."""

    def is_shown(self, request):
        user = request.user
        return user.has_perm("feedback.view_own_results") and not user.has_perm("feedback.view_surveyresponse")

    def render_component(self, request):
        self.url = reverse("feedback:trainer", args=[request.user.pk])
        return super().render_component(request)


@hooks.register("register_reports_menu_item")
def register_survey_results_menu_item():
    return SurveyResultsMenuItem(_("Survey results"), reverse("feedback:report"), icon_name="form", order=60)


@hooks.register("register_reports_menu_item")
def register_my_survey_results_menu_item():
    return MySurveyResultsMenuItem(_("My survey results"), "#", icon_name="form", order=61)
