from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from . import selectors, services
from .models import QuizAttempt
from .quiz import score


def lesson_serve(request, lesson, default_serve):
    """Serve a lesson: access rules, the quiz and "mark as done" (POST), then the page."""
    course = lesson.course_page()
    if not selectors.lessons_readable_by(course, request.user):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        context = {"page": lesson, "course": course}
        return TemplateResponse(request, "courses/lesson_locked.html", context, status=403)
    if request.method == "POST":
        return _lesson_post(request, lesson, course)
    return TemplateResponse(request, lesson.get_template(request), lesson_context(request, lesson, course))


def _lesson_post(request, lesson, course):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    action = request.POST.get("action")
    try:
        if action == "quiz":
            attempt = services.quiz_submit(user=request.user, lesson=lesson, course=course, data=request.POST)
            values = {"score": attempt.score, "max": attempt.max_score, "percent": number_format(attempt.percent, 1)}
            if attempt.passed:
                messages.success(request, _("Passed: %(score)s of %(max)s points (%(percent)s%%).") % values)
            else:
                values["pass_mark"] = course.pass_mark
                messages.warning(
                    request,
                    _("Not passed yet: %(score)s of %(max)s points (%(percent)s%%); %(pass_mark)s%% is needed.")
                    % values,
                )
            return redirect(lesson.get_url(request) + "#quiz")
        if action == "complete":
            services.lesson_complete(user=request.user, lesson=lesson, course=course)
            messages.success(request, _("Lesson marked as done."))
    except services.CourseError as error:
        messages.error(request, str(error))
    return redirect(lesson.get_url(request))


def lesson_context(request, lesson, course):
    context = lesson.get_context(request)
    lessons = selectors.course_lessons(course)
    outline = selectors.course_outline(course, request.user, lessons)
    position = next((index for index, (item, _done) in enumerate(outline.lessons) if item.pk == lesson.pk), None)
    results = {}
    attempt = None
    attempts_left = None
    if request.user.is_authenticated and lesson.has_quiz:
        attempt = QuizAttempt.objects.filter(user=request.user, lesson=lesson).first()
        attempts_left = services.quiz_attempts_left(user=request.user, lesson=lesson, course=course)
        if attempt is not None:
            answers = {block_id: frozenset(chosen) for block_id, chosen in attempt.answers.items()}
            results = {result.block_id: result for result in score(lesson.questions, answers).results}
    context.update(
        course=course,
        outline=outline,
        done=position is not None and outline.lessons[position][1],
        previous_lesson=outline.lessons[position - 1][0] if position else None,
        next_lesson=outline.lessons[position + 1][0] if position is not None and position + 1 < len(lessons) else None,
        body_items=_numbered(lesson.body, results),
        attempt=attempt,
        attempts_left=attempts_left,
        role=_lesson_role(lesson, course),
    )
    return context


def _numbered(body, results):
    """(block, quiz result, question number) for each block of the body."""
    items, number = [], 0
    for block in body:
        if block.block_type == "question":
            number += 1
        items.append((block, results.get(block.id), number))
    return items


def _lesson_role(lesson, course):
    if lesson.pk == course.pre_test_id:
        return "pre_test"
    if lesson.pk == course.final_test_id:
        return "final_test"
    return None


@login_required
def my_learning(request):
    return render(request, "courses/my_learning.html", {"progress": selectors.learner_courses(request.user)})
