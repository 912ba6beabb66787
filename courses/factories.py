"""Factories for the course tree. A page is added under its parent, live."""

import factory
from django.http import QueryDict
from factory.django import DjangoModelFactory
from wagtail.models import Locale, Page, Site

from .content import bank_questions, body
from .models import CourseIndexPage, CoursePage, LessonPage, QuestionBank, TrackPage
from .quiz import answer_form, right_options


class PageFactory(DjangoModelFactory):
    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, parent, **kwargs):
        page = model_class(*args, **kwargs)
        parent.add_child(instance=page)
        return page


def _site_root() -> Page:
    """The page the default site serves (the home page home's migration makes): the catalogue goes
    under it. A database a transactional test has flushed has no site: the catalogue then goes under
    the tree's root, made if missing (the whole site is demo.site.site_ensure's, above the courses)."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is not None:
        return site.root_page
    root = Page.get_first_root_node()
    if root is None:
        locale, _created = Locale.objects.get_or_create(language_code="vi")
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    return root


def _catalog():
    return CourseIndexPage.objects.first() or CourseIndexFactory()


class CourseIndexFactory(PageFactory):
    class Meta:
        model = CourseIndexPage

    title = "Khóa học"
    slug = "khoa-hoc"
    parent = factory.LazyFunction(_site_root)


class TrackFactory(PageFactory):
    class Meta:
        model = TrackPage

    code = "producers"
    title = "Chủ thể sản xuất, kinh doanh"
    slug = factory.SelfAttribute("code")
    parent = factory.LazyFunction(_catalog)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        # One page per track code: reuse it.
        existing = model_class.objects.filter(code=kwargs["code"]).first()
        return existing or super()._create(model_class, *args, **kwargs)


class CourseFactory(PageFactory):
    class Meta:
        model = CoursePage

    class Params:
        sequence = factory.Sequence(int)

    code = factory.LazyAttribute(lambda o: f"OCOP-SX-{o.sequence:03d}")
    title = factory.LazyAttribute(lambda o: f"Quản trị hợp tác xã và sản phẩm OCOP {o.sequence}")
    slug = factory.LazyAttribute(lambda o: f"khoa-{o.sequence}")
    summary = "Kỹ năng quản lý hợp tác xã, chuẩn bị hồ sơ đăng ký đánh giá sản phẩm OCOP."
    parent = factory.SubFactory(TrackFactory)


QUIZ = {
    "questions": [
        {
            "prompt": "Sản phẩm OCOP đạt bao nhiêu điểm thì được xếp hạng 3 sao?",
            "options": [
                ("Từ 50 đến dưới 70 điểm", False),
                ("Từ 70 đến dưới 90 điểm", True),
                ("Từ 90 điểm trở lên", False),
            ],
            "explanation": "Hạng 3 sao: từ 70 đến dưới 90 điểm.",
        },
        {
            "prompt": "Bộ tiêu chí OCOP gồm những phần nào?",
            "options": [("Sản phẩm và sức mạnh cộng đồng", True), ("Khả năng tiếp thị", True), ("Giá bán lẻ", False)],
            "explanation": "Phần A, B và C: sức mạnh cộng đồng, khả năng tiếp thị, chất lượng sản phẩm.",
        },
    ]
}
QUIZ_BODY = body([("paragraph", "<p>Ôn tập bộ tiêu chí đánh giá, phân hạng sản phẩm OCOP.</p>")], QUIZ)


class LessonFactory(PageFactory):
    class Meta:
        model = LessonPage

    title = factory.LazyAttribute(lambda o: f"Bài {o.sequence}: Đăng ký hợp tác xã")
    slug = factory.LazyAttribute(lambda o: f"bai-{o.sequence}")
    estimated_minutes = 20
    parent = factory.SubFactory(CourseFactory)
    body = body([("paragraph", "<p>Hợp tác xã đăng ký kinh doanh tại cơ quan đăng ký cấp tỉnh.</p>")])

    class Params:
        sequence = factory.Sequence(int)
        with_quiz = factory.Trait(body=QUIZ_BODY)


BANK_QUESTIONS = [
    {
        "topic": "Phân hạng",
        "prompt": "Sản phẩm đạt từ 90 đến 100 điểm ở cấp tỉnh được xếp hạng mấy sao?",
        "options": [("3 sao", False), ("5 sao", False), ("4 sao", True), ("Không xếp hạng", False)],
        "explanation": "Từ 90 đến 100 điểm: hạng 4 sao; 5 sao do Hội đồng cấp trung ương đánh giá.",
    },
    {
        "topic": "Phân hạng",
        "prompt": "Sản phẩm đạt dưới 30 điểm thì sao?",
        "options": [
            ("Hạng 1 sao", False),
            ("Không được xếp hạng", True),
            ("Hạng 2 sao", False),
            ("Được chấm lại", False),
        ],
        "explanation": "Dưới 30 điểm: không xếp hạng.",
    },
    {
        "topic": "Phân hạng",
        "prompt": "Kết quả công nhận sản phẩm OCOP có hiệu lực trong bao lâu?",
        "options": [("12 tháng", False), ("24 tháng", False), ("60 tháng", False), ("36 tháng", True)],
        "explanation": "Kết quả công nhận có hiệu lực 36 tháng.",
    },
    {
        "topic": "Hồ sơ",
        "prompt": "Phiếu đăng ký sản phẩm OCOP do ai nộp?",
        "options": [
            ("Chủ thể sản xuất", True),
            ("Hội đồng đánh giá", False),
            ("Tổ tư vấn", False),
            ("Người tiêu dùng", False),
        ],
        "explanation": "Chủ thể sản xuất nộp phiếu đăng ký.",
    },
    {
        "topic": "Hồ sơ",
        "prompt": "Hồ sơ sản phẩm cần có những gì?",
        "kind": "multiple",
        "options": [("Phiếu đăng ký", True), ("Phương án kinh doanh", True), ("Ảnh đại diện của giám đốc", False)],
        "explanation": "Phiếu đăng ký và phương án kinh doanh.",
    },
    {
        "topic": "Hồ sơ",
        "prompt": "Tài liệu chứng minh tiêu chuẩn sản phẩm là gì?",
        "options": [("Thư giới thiệu", False), ("Bản công bố và phiếu kiểm nghiệm", True), ("Tờ rơi quảng cáo", False)],
        "explanation": "Bản tự công bố và phiếu kết quả kiểm nghiệm.",
    },
]


class QuestionBankFactory(DjangoModelFactory):
    """A bank of six questions in two topics ("Phân hạng", "Hồ sơ"), the correct options in varied places."""

    class Meta:
        model = QuestionBank

    title = factory.Sequence(lambda n: f"Ngân hàng câu hỏi {n}: tiêu chí OCOP")
    course = factory.SubFactory(CourseFactory)
    questions = bank_questions(BANK_QUESTIONS)


def quiz_form(sitting, pick=right_options) -> QueryDict:
    """The form a learner sends for the attempt under way (a QuizSitting): courses.quiz.answer_form."""
    return answer_form(sitting.questions, pick)
