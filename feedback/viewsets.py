"""The survey templates in the admin (Cài đặt > Mẫu phiếu khảo sát): a Wagtail snippet, for administrators."""

from django.contrib import messages
from django.db.models import Count
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import DeleteView, SnippetViewSet

from lms.choosers import SnippetChooserViewSet

from .forms import SurveyTemplateForm
from .models import SurveyTemplate


class SurveyTemplateDeleteView(DeleteView):
    """A template that offerings use or that has answers stays: the answers keep their questions."""

    def form_valid(self, form):
        template = self.object
        if template.responses.exists() or template.offering_surveys.filter(template__isnull=False).exists():
            messages.error(
                self.request,
                _("“%(name)s” is used by offerings or has answers: it cannot be deleted. Stop using it as a default "
                  "instead.") % {"name": template.name},
            )  # fmt: skip
            return redirect(self.get_success_url())
        return super().form_valid(form)


class SurveyTemplateViewSet(SnippetViewSet):
    model = SurveyTemplate
    icon = "form"
    menu_label = gettext_lazy("Survey templates")
    add_to_settings_menu = True
    list_display = ["name", "default_for", "anonymous", Column("questions_count", label=gettext_lazy("Questions"))]
    edit_handler = ObjectList(SurveyTemplate.panels, base_form_class=SurveyTemplateForm)
    delete_view_class = SurveyTemplateDeleteView
    chooser_viewset_class = SnippetChooserViewSet

    def get_queryset(self, request):
        return SurveyTemplate.objects.annotate(questions_count=Count("questions"))
