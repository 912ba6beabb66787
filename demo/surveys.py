"""Survey answers for the demo program's finished offerings, so that the results, the trainer's page and the
dashboard show figures: about two people in three answer, most of them satisfied, a few with a comment.
The demo trainer teaches the producers' classes, of 2019 and of this year.

Through the services (feedback.services.survey_submit_many); seeded per offering, and an offering that has
answers is left alone, so a second build adds nothing. The demo learner's own finished class is left
unanswered: the learner answers it from *Lớp học của tôi*."""

import random

from django.utils import timezone

from enrollment.models import Enrollment, Offering
from feedback.models import SurveyAnswered, SurveyQuestion
from feedback.selectors import offering_template, template_questions
from feedback.services import survey_submit_many

ANSWERING = 0.68  # of those who came
COMMENTS = [
    "Nên tăng thời gian thực hành, đi thực tế tại cơ sở sản xuất.",
    "Tài liệu nên gửi trước để học viên đọc trước khi đến lớp.",
    "Giảng viên nhiệt tình, ví dụ sát với thực tế của hợp tác xã.",
    "Đề nghị tổ chức thêm lớp về tiếp thị trên sàn thương mại điện tử.",
    "Hội trường hơi nóng, âm thanh phía cuối phòng nghe chưa rõ.",
    "Mong có thêm buổi hướng dẫn hoàn thiện hồ sơ sản phẩm OCOP.",
    "Nên chia nhóm theo ngành hàng để trao đổi sâu hơn.",
    "Thời gian mỗi buổi hơi dài, nên có giải lao giữa buổi.",
]


def _rating(rng, mood: float) -> int:
    return max(1, min(5, round(rng.gauss(mood, 0.7))))


def _answers(rng, questions) -> dict:
    mood = rng.choice([4.6, 4.3, 4.1, 3.8, 3.2])  # how this person found the class overall
    answers = {}
    for question in questions:
        if question.kind == SurveyQuestion.Kind.SCALE:
            answers[question.pk] = _rating(rng, mood)
        elif question.kind == SurveyQuestion.Kind.SINGLE:
            count = len(question.option_list)
            answers[question.pk] = min(count - 1, 1) if rng.random() < 0.7 else rng.randrange(count)
        elif question.kind == SurveyQuestion.Kind.MULTIPLE:
            count = len(question.option_list)
            answers[question.pk] = sorted(rng.sample(range(count), rng.randint(1, min(3, count))))
        elif rng.random() < 0.3:
            answers[question.pk] = rng.choice(COMMENTS)
    return answers


def surveys_demo_build(*, trainer=None) -> int:
    """Answers for the finished offerings of the demo program that have none yet; how many forms."""
    today = timezone.localdate()
    year = today.year
    if trainer is not None:
        producers = Offering.objects.filter(kind=Offering.Kind.CLASS, track="producers", ends_on__lt=today).filter(
            code__regex=rf"^HN-(2019|{year})-SX-[0-9]+$"
        ).exclude(code=f"HN-{year}-SX-00")  # fmt: skip
        Offering.trainers.through.objects.bulk_create(
            [
                Offering.trainers.through(offering_id=pk, user_id=trainer.pk)
                for pk in producers.values_list("pk", flat=True)
            ],
            ignore_conflicts=True,
        )
    answered = SurveyAnswered.objects.values("enrollment__offering_id")
    finished = (
        Offering.objects.filter(status=Offering.Status.COMPLETED, ends_on__lt=today)
        .exclude(code=f"HN-{year}-SX-00")
        .exclude(pk__in=answered)
        .order_by("code")
    )
    written = 0
    for offering in finished:
        template = offering_template(offering)
        if template is None:
            continue
        questions = template_questions(template)
        rng = random.Random(f"survey-{offering.code}")
        came = offering.enrollments.filter(status=Enrollment.Status.COMPLETED).order_by("pk")
        submissions = [(enrollment, _answers(rng, questions)) for enrollment in came if rng.random() < ANSWERING]
        written += survey_submit_many(offering=offering, submissions=submissions, today=offering.ends_on)
    return written
