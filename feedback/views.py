"""The survey on the site: a learner answers it on their phone, once, from the day of the last session.

Reached from *Lớp học của tôi* (the class's card) and from the check-in page of the last session; someone
who checked in there with their phone, without an account, answers from the same browser (checkin.py)."""

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from enrollment.models import Offering

from .checkin import granted_enrollment
from .forms import SurveyForm
from .selectors import enrollment_answered, learner_enrollment, offering_template, survey_opens_on, template_questions
from .services import SurveyError, survey_submit

CODE_LENGTH = Offering._meta.get_field("code").max_length


def survey(request, code):
    if not code.isprintable() or len(code) > CODE_LENGTH:
        raise Http404
    offering = get_object_or_404(
        Offering.objects.select_related("course").exclude(
            status__in=[Offering.Status.DRAFT, Offering.Status.CANCELLED]
        ),
        code=code,
    )
    enrollment = learner_enrollment(request.user, offering) or granted_enrollment(request, offering)
    if enrollment is None:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise Http404
    template = offering_template(offering)
    if template is None:
        raise Http404
    context = {"offering": offering, "template": template}
    opens_on = survey_opens_on(offering)
    if timezone.localdate() < opens_on:
        return render(request, "feedback/survey.html", {**context, "opens_on": opens_on})
    if enrollment_answered(enrollment):
        refused = request.method == "POST"  # a second submission (another tab, the back button)
        return render(request, "feedback/survey.html", {**context, "answered": True, "refused": refused},
                      status=409 if refused else 200)  # fmt: skip
    form = SurveyForm(request.POST or None, questions=template_questions(template))
    if request.method == "POST" and form.is_valid():
        try:
            survey_submit(enrollment=enrollment, answers=form.answers())
        except SurveyError as error:
            if enrollment_answered(enrollment):  # answered meanwhile, by a simultaneous submission
                return render(request, "feedback/survey.html", {**context, "answered": True, "refused": True},
                              status=409)  # fmt: skip
            form.add_error(None, str(error))
        else:
            return redirect("survey", code=offering.code)
    status = 400 if form.errors else 200
    return render(request, "feedback/survey.html", {**context, "form": form}, status=status)
