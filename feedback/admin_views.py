"""Surveys in the admin: an offering's survey (which one, who has answered, reminders), its results and their
XLSX, the form to print, paper forms typed in; a trainer's results; the year's results by track, course and
trainer.

Organizers read the offerings of their units, administrators every one (feedback.view_surveyresponse);
trainers the offerings they teach (feedback.view_own_results), once TRAINER_THRESHOLD answers are in.
Anyone else gets a 404, as for an offering that does not exist.
"""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from enrollment.admin_views import OfferingAdminView
from enrollment.models import Offering
from lms.admin_views import AdminPageView, requested_year
from lms.dataimport.xlsx import xlsx_response

from . import services
from .exports import offering_results_xlsx, report_xlsx, satisfaction_headers
from .forms import OfferingSurveyForm, PaperForm
from .models import OfferingSurvey, SurveyAnswered, SurveyResponse
from .report import survey_report, trainer_report, year_offerings
from .selectors import (
    TRAINER_THRESHOLD,
    offering_results,
    offering_template,
    pending_enrollments,
    results_visible_to,
    survey_opens_on,
    template_questions,
)
from .tasks import survey_reminders_task

READ, OWN = "feedback.view_surveyresponse", "feedback.view_own_results"


class SurveyView(OfferingAdminView):
    """A survey page of an offering, for those who read results in its unit."""

    permission_required = READ
    header_icon = "form"

    def get_offering_queryset(self):
        return super().get_offering_queryset().select_related("course", "unit")

    def get_hub_title(self):
        return _("Survey: %(code)s") % {"code": self.offering.code}

    def get_parent_breadcrumbs_items(self):
        if not self.request.user.has_perm(READ):
            return []
        return [{"url": reverse("feedback:offering", args=[self.offering.pk]), "label": self.get_hub_title()}]


class OfferingSurveyView(SurveyView):
    """The hub: the survey in use (changeable until answers come in), who has answered, reminders, and the
    ways to the results, the printed form and the paper forms."""

    template_name = "feedback/offering_survey.html"

    def get_page_title(self):
        return self.get_hub_title()

    def get_parent_breadcrumbs_items(self):
        return []

    def get(self, request, *args, **kwargs):
        return self.render_hub(self.survey_form(None))

    def post(self, request, *args, **kwargs):
        offering = self.offering
        if "remind" in request.POST:
            if not request.user.has_perm("feedback.add_surveyreminder"):
                raise PermissionDenied
            try:
                services.survey_reminders_check(offering=offering)
                result = survey_reminders_task.enqueue(offering.pk)
            except services.SurveyError as error:
                messages.error(request, str(error))
            else:
                sent = result.return_value if result.is_finished else None
                if sent is None:
                    messages.success(request, _("The reminders are being sent."))
                else:
                    messages.success(request, _("Reminders sent: %(count)s.") % {"count": sent})
            return redirect("feedback:offering", pk=offering.pk)
        if not request.user.has_perm("feedback.change_offeringsurvey"):
            raise PermissionDenied
        form = self.survey_form(request.POST)
        if form.is_valid():
            choice = form.cleaned_data["survey"]
            try:
                services.offering_survey_set(
                    offering=offering, template=None if isinstance(choice, str) else choice,
                    use_default=choice == OfferingSurveyForm.DEFAULT,
                )  # fmt: skip
            except services.SurveyError as error:
                form.add_error("survey", str(error))
            else:
                messages.success(request, _("The survey of this offering was changed."))
                return redirect("feedback:offering", pk=offering.pk)
        return self.render_hub(form, status=400)

    def survey_form(self, data):
        offering = self.offering
        own = OfferingSurvey.objects.filter(offering=offering).first()
        initial = OfferingSurveyForm.DEFAULT if own is None else str(own.template_id or OfferingSurveyForm.NONE)
        return OfferingSurveyForm(data, offering=offering, initial={"survey": initial})

    def render_hub(self, form, status=200):
        offering = self.offering
        template = offering_template(offering)
        answered = dict(
            SurveyAnswered.objects.filter(enrollment__offering=offering).values("channel").annotate(n=Count("pk"))
            .order_by().values_list("channel", "n")
        )  # fmt: skip
        responses, answered_count = SurveyResponse.objects.filter(offering=offering).count(), sum(answered.values())
        opens_on = survey_opens_on(offering)
        context = self.get_context_data(
            form=form, template=template, opens_on=opens_on,
            enrolled=offering.enrollments.active().count(), responses=responses,
            answered_online=answered.get("online", 0), answered_paper=answered.get("paper", 0),
            pending=list(pending_enrollments(offering).select_related("participant__user")[:500]),
            can_change=self.request.user.has_perm("feedback.change_offeringsurvey"),
            can_type=self.request.user.has_perm("feedback.add_surveyresponse"),
            can_remind=self.request.user.has_perm("feedback.add_surveyreminder"),
            is_open=timezone.localdate() >= opens_on,
            locked=bool(responses or answered_count),
        )  # fmt: skip
        return self.render_to_response(context, status=status)


class ResultsView(SurveyView):
    """An offering's results: staff of its unit, and its trainers (the figures once enough answers are in)."""

    permission_required = None

    def has_permission(self):
        user = self.request.user
        return user.has_perm(READ) or user.has_perm(OWN)

    def get_offering_queryset(self):
        user = self.request.user
        readable = super().get_offering_queryset() if user.has_perm(READ) else Offering.objects.none()
        if user.has_perm(OWN):
            readable = Offering.objects.filter(Q(pk__in=readable.values("pk")) | Q(trainers=user)).distinct()
        return readable.select_related("course", "unit")

    def results(self):
        results = offering_results(self.offering)
        if results.template is None:
            raise Http404
        if not self.request.user.has_perm(READ):
            results.named = []  # a named survey names its people to the office, not to the trainers
        return results, results_visible_to(self.request.user, self.offering, results.responses)


class OfferingResultsView(ResultsView):
    template_name = "feedback/offering_results.html"

    def get_page_title(self):
        return _("Survey results: %(code)s") % {"code": self.offering.code}

    def get(self, request, *args, **kwargs):
        results, visible = self.results()
        context = self.get_context_data(results=results if visible else None, responses=results.responses,
                                        threshold=TRAINER_THRESHOLD)  # fmt: skip
        return self.render_to_response(context)


class OfferingResultsDownloadView(ResultsView):
    def get(self, request, *args, **kwargs):
        results, visible = self.results()
        if not visible:
            raise Http404
        return xlsx_response(offering_results_xlsx(results), f"khao-sat-{self.offering.code}.xlsx")


class SurveyPrintView(SurveyView):
    """The form on paper (A4 portrait): the same questions, boxes to tick, lines to write on."""

    template_name = "feedback/survey_print.html"

    def get(self, request, *args, **kwargs):
        template = offering_template(self.offering)
        if template is None:
            raise Http404
        return self.render_to_response(self.get_context_data(template=template, questions=template_questions(template)))


class SurveyPaperView(SurveyView):
    """Paper forms typed in, one after the other: save, and the next empty form comes up."""

    template_name = "feedback/survey_paper.html"
    permission_required = "feedback.add_surveyresponse"

    def get_page_title(self):
        return _("Type in paper forms: %(code)s") % {"code": self.offering.code}

    def form(self, data=None):
        self.template = offering_template(self.offering)
        if self.template is None:
            raise Http404
        pending = pending_enrollments(self.offering)
        return PaperForm(data, questions=template_questions(self.template), pending=pending)

    def get(self, request, *args, **kwargs):
        return self.render_form(self.form())

    def post(self, request, *args, **kwargs):
        form = self.form(request.POST)
        if form.is_valid():
            try:
                services.survey_paper_record(
                    offering=self.offering, answers=form.answers(), handed_in_by=form.cleaned_data["handed_in_by"]
                )
            except services.SurveyError as error:
                form.add_error(None, str(error))
            else:
                paper = SurveyResponse.objects.filter(offering=self.offering, channel="paper").count()
                messages.success(request, _("Paper form saved (%(count)s typed in so far).") % {"count": paper})
                return redirect("feedback:paper", pk=self.offering.pk)
        return self.render_form(form, status=400)

    def render_form(self, form, status=200):
        paper = SurveyResponse.objects.filter(offering=self.offering, channel="paper").count()
        return self.render_to_response(self.get_context_data(form=form, template=self.template, paper=paper),
                                       status=status)  # fmt: skip


class SurveyReportView(AdminPageView):
    """A year's results by track, course and trainer (Báo cáo > Kết quả khảo sát)."""

    template_name = "feedback/survey_report.html"
    page_title = gettext_lazy("Survey results")
    header_icon = "form"
    permission = READ

    def get_context_data(self, **kwargs):
        year = requested_year(self.request)
        report = survey_report(year_offerings(self.request.user, year))
        this_year = timezone.localdate().year
        years = sorted({*range(this_year - 5, this_year + 1), year}, reverse=True)
        return super().get_context_data(year=year, years=years, report=report, headers=satisfaction_headers(),
                                        **kwargs)  # fmt: skip


def report_export(request):
    if not request.user.has_perm(READ):
        raise PermissionDenied
    year = requested_year(request)
    report = survey_report(year_offerings(request.user, year))
    lines = [_("SURVEY RESULTS %(year)s") % {"year": year}]
    return xlsx_response(report_xlsx(report, lines), f"ket-qua-khao-sat-{year}.xlsx")


class TrainerResultsView(WagtailAdminTemplateMixin, TemplateView):
    """A trainer's offerings and their results: the trainer's own page, and for organizers and administrators
    the trainer's offerings in their units. A 404 for anyone else, and when none is in the viewer's units."""

    template_name = "feedback/trainer_results.html"
    header_icon = "form"

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if not (user.has_perm(READ) or user.has_perm(OWN)):
            raise PermissionDenied
        self.trainer = get_object_or_404(get_user_model(), pk=kwargs["pk"])
        if not user.has_perm(READ) and self.trainer.pk != user.pk:
            raise Http404
        self.report = trainer_report(user, self.trainer)
        if self.trainer.pk != user.pk and not self.report.offerings:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Survey results: %(name)s") % {"name": self.trainer.get_full_name() or self.trainer.email}

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": None, "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        return super().get_context_data(report=self.report, trainer=self.trainer, threshold=TRAINER_THRESHOLD,
                                        own=self.trainer.pk == self.request.user.pk, headers=satisfaction_headers(),
                                        **kwargs)  # fmt: skip
