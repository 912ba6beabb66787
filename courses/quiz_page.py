"""The quiz on a lesson page: what the learner is shown, and what the page's quiz buttons do.

What is shown (`quiz_view`), by the learner's state at the lesson:
- an attempt under way ("open"): its questions, in its order, options in its order, the answers saved so far
  ticked, the time left when the lesson has a time limit; made when the quiz is first shown (a timed test waits
  for "Start"), so a reload shows the same attempt;
- no attempt under way, a timed test not yet taken ("start"): what the test is and a button that starts the clock;
- no attempt under way after an attempt ("review"): the score, which questions were wrong, and, when the course's
  reveal policy allows, the correct answers and explanations; "Try again" while attempts are left;
- visitors who are not signed in ("visitor") and editors previewing ("preview") see the lesson's own questions
  as written, unanswerable, and how many each draw asks.

The rules (drawing, saving, submitting, time limits) are courses.services'; this module only calls them. It is
called by LessonPage (courses/models/pages.py) and imports no page, as courses.learning.
"""

from dataclasses import dataclass, field

from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext

from . import services
from .draw import lesson_questions, question_data, quiz_items
from .learning import last_quiz_attempt
from .models.progress import QuizAttempt, QuizSitting
from .quiz import score, shown_order, stored_answers


@dataclass
class ShownQuestion:
    """A question as the form shows it: options as (position shown, text, ticked)."""

    number: int
    key: str
    prompt: str
    kind: str
    points: int
    options: list
    unanswered: bool = False
    disabled: bool = False


@dataclass
class QuizView:
    """What the quiz part of the lesson page shows. `body_items`: the lesson body, each item ("block", a bound
    block), ("question", ShownQuestion) or ("draw", a draw block's value, where no attempt has drawn it)."""

    state: str  # "open", "start", "review", "visitor", "preview"
    body_items: list = field(default_factory=list)
    sitting: QuizSitting | None = None
    attempt: QuizAttempt | None = None
    attempts_left: int | None = None
    results: list = field(default_factory=list)  # (number, QuestionResult) of the attempt reviewed
    reveal: bool = False
    held_for_final: bool = False  # the answers wait for the final test to be passed
    unanswered: list = field(default_factory=list)  # (number, key) of the questions without an answer
    remaining_seconds: int | None = None
    deadline: object = None

    @property
    def wrong_numbers(self) -> list[int]:
        return [number for number, result in self.results if not result.is_right]

    @property
    def can_try_again(self) -> bool:
        return self.attempts_left != 0


def _shown(number, question, chosen, *, unanswered=False, disabled=False) -> ShownQuestion:
    order = shown_order(question)
    options = [(position, question["options"][index]["text"], index in chosen) for position, index in enumerate(order)]
    return ShownQuestion(
        number, question["key"], question["prompt"], question["kind"], question["points"], options, unanswered, disabled
    )


def _body_items(lesson, questions=None, answers=None, unanswered=()) -> list:
    """The lesson body for the page: its other blocks in place, and at each of its question and draw blocks
    the questions of `questions` that block put in the attempt (in the attempt's order: shuffled, the questions
    fill the blocks' places in turn). Without `questions`, each block as written (a draw says what it asks).
    Questions whose block has gone since the attempt started come last."""
    body = lesson.body
    quiz_at = dict(quiz_items(body))
    items, number = [], 0
    if questions is None:  # as written
        for index in range(len(body.raw_data)):
            raw = quiz_at.get(index)
            if raw is None:
                items.append(("block", body[index]))
            elif raw["type"] == "question":
                number += 1
                question = question_data(body[index].id, body[index].value)
                items.append(("question", _shown(number, question, frozenset(), disabled=True)))
            else:
                items.append(("draw", raw["value"]))
        return items
    answers = answers or {}
    slots = {}
    for question in questions:
        slots[question["source"]] = slots.get(question["source"], 0) + 1
    queue = list(questions)

    def take(count):
        nonlocal number
        for question in queue[:count]:
            number += 1
            chosen = answers.get(question["key"], frozenset())
            shown = _shown(number, question, chosen, unanswered=question["key"] in unanswered)
            items.append(("question", shown))
        del queue[:count]

    for index in range(len(body.raw_data)):
        raw = quiz_at.get(index)
        if raw is None:
            items.append(("block", body[index]))
        else:
            take(slots.pop(str(raw.get("id")), 0))
    take(len(queue))
    return items


def _attempt_questions(lesson, attempt) -> list[dict]:
    return attempt.questions or lesson_questions(lesson.body)  # attempts stored before banks: the lesson's own


def answers_revealed(*, course, lesson, attempt, attempts_left, user) -> tuple[bool, bool]:
    """Whether the learner may now see the correct answers and explanations of `attempt`, by the course's policy,
    and whether they are held back only for the final test: questions the final test may ask again (the
    pre-test's, and any drawn from a bank) keep their answers until the final test is passed."""
    policy = course.reveal_answers
    if policy == course.Reveal.NEVER:
        return False, False
    shown = policy == course.Reveal.AFTER_EACH or attempt.passed or attempts_left == 0
    asked_again = lesson.pk == course.pre_test_id or any(q.get("bank") for q in attempt.questions or [])
    if shown and asked_again and course.final_test_id and lesson.pk != course.final_test_id:
        if not QuizAttempt.objects.filter(user=user, lesson_id=course.final_test_id, passed=True).exists():
            return False, True
    return shown, False


def quiz_view(request, lesson, course, *, unanswered=()) -> QuizView:
    """What the quiz part of the lesson page shows `request.user` now (see the module's docstring). Showing an
    untimed quiz to a learner who has no attempt under way and may take one starts one; an attempt whose time
    ran out is closed first."""
    user = request.user
    if getattr(request, "is_preview", False) or lesson.pk is None:
        return QuizView("preview", _body_items(lesson))
    if not user.is_authenticated:
        return QuizView("visitor", _body_items(lesson))
    now = timezone.now()
    sitting = QuizSitting.objects.filter(user=user, lesson=lesson).first()
    if sitting is not None and sitting.is_late(now):
        services.quiz_expire(user=user, lesson=lesson, course=course, now=now)
        sitting = None
    attempts_left = services.quiz_attempts_left(user=user, lesson=lesson, course=course)
    attempt = None
    if sitting is None:
        attempt = last_quiz_attempt(user, lesson)
        if attempt is None and attempts_left != 0 and not lesson.time_limit_minutes:
            try:
                sitting = services.quiz_start(user=user, lesson=lesson, course=course, now=now)
            except services.CourseError:
                sitting = None
    if sitting is not None:
        answers = stored_answers(sitting.questions, sitting.answers)
        view = QuizView("open", _body_items(lesson, sitting.questions, answers, set(unanswered)), sitting)
        view.attempts_left = attempts_left
        numbers = {item.key: item.number for kind, item in view.body_items if kind == "question"}
        view.unanswered = sorted((numbers[key], key) for key in unanswered if key in numbers)
        if sitting.deadline is not None:
            view.deadline = sitting.deadline
            view.remaining_seconds = max(0, int((sitting.deadline - now).total_seconds()))
        return view
    view = QuizView("start" if attempt is None else "review", _body_items(lesson, []), attempt=attempt)
    view.attempts_left = attempts_left
    if attempt is not None:
        questions = _attempt_questions(lesson, attempt)
        view.results = list(enumerate(score(questions, stored_answers(questions, attempt.answers)).results, start=1))
        view.reveal, view.held_for_final = answers_revealed(
            course=course, lesson=lesson, attempt=attempt, attempts_left=attempts_left, user=user
        )
    return view


def _report_attempt(request, attempt, course):
    values = {"score": attempt.score, "max": attempt.max_score, "percent": number_format(attempt.percent, 1)}
    if attempt.refused:
        messages.error(request, gettext("Submitted after the time limit: this attempt is not scored."))
        return
    if attempt.late:
        messages.warning(request, gettext("Time was up: the attempt was scored with the answers saved in time."))
    if attempt.passed:
        messages.success(request, gettext("Passed: %(score)s of %(max)s points (%(percent)s%%).") % values)
    else:
        values["pass_mark"] = course.pass_mark
        messages.warning(
            request,
            gettext("Not passed yet: %(score)s of %(max)s points (%(percent)s%%); %(pass_mark)s%% is needed.") % values,
        )


def _wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def quiz_post(request, lesson, course, render_unanswered):
    """The quiz buttons: start an attempt ("start"), save the answers ticked ("save": JSON for the page's
    script, a redirect without it), submit ("quiz"; "quiz_confirm" submits with questions left unanswered). An
    incomplete submission is answered by `render_unanswered(keys)`: the page again, those questions marked."""
    action = request.POST.get("action")
    user = request.user
    url = lesson.get_url(request) + "#quiz"  # an attempt's start, its questions
    try:
        if action == "start":
            services.quiz_start(user=user, lesson=lesson, course=course)
        elif action == "save":
            services.quiz_save(user=user, lesson=lesson, data=request.POST)
            if _wants_json(request):
                return JsonResponse({"saved": True, "message": gettext("Answers saved.")})
            messages.success(request, gettext("Answers saved."))
        elif action in ("quiz", "quiz_confirm"):
            confirm = action == "quiz_confirm"
            attempt = services.quiz_submit(user=user, lesson=lesson, course=course, data=request.POST, confirm=confirm)
            _report_attempt(request, attempt, course)
            url = lesson.get_url(request) + "#quiz-review"  # straight to the score and the questions to review
    except services.QuizUnansweredError as incomplete:
        return render_unanswered(incomplete.keys)
    except services.CourseError as error:
        if _wants_json(request):
            return JsonResponse({"saved": False, "message": str(error)}, status=409)
        messages.error(request, str(error))
    return redirect(url)
