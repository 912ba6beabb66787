"""Two administrative units, their classes and people, and one user in each of eight roles.

Unit A (Bát Tràng) holds class A of course A: trainer A teaches it, organizer A runs it, the
learner and the other learner are enrolled and hold certificates. Unit B (Hồng Hà) holds class B of
course B, taught by trainer B and run by organizer B, with a person of its own. Every name below is
unusual enough that finding it in a page means the page shows that person.
"""

import io
from dataclasses import dataclass, field
from datetime import timedelta

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.log_actions import log
from wagtail.models import Collection, Site, Task, Workflow

from accounts.factories import UserFactory
from accounts.roles import Role
from attendance import services as attendance
from attendance.factories import SessionFactory
from certificates import services as certificates
from courses.factories import CourseFactory, LessonFactory, QuestionBankFactory
from courses.models import CourseAccess, CoursePage
from courses.services import course_trainers_sync
from demo.site import site_ensure
from enrollment.factories import OfferingFactory, OrganizationFactory, ParticipantFactory
from enrollment.models import AdministrativeUnit, Enrollment, OcopProduct, Offering, RosterImport, RosterImportRow
from feedback import services as feedback
from feedback.models import SurveyTemplate
from feedback.selectors import template_questions
from home.models import TrainingTarget

ROLES = [
    "anonymous",
    "learner",
    "other_learner",
    "trainer",
    "other_trainer",
    "organizer_a",
    "organizer_b",
    "administrator",
]

LEARNER = "Lã Thị Bích Ngọc"
OTHER_LEARNER = "Tạ Quang Trưởng"
PERSON_B = "Khúc Thừa Dụ"


@dataclass
class World:
    users: dict = field(default_factory=dict)
    unit_a: AdministrativeUnit = None
    unit_b: AdministrativeUnit = None
    course_a: CoursePage = None
    course_b: CoursePage = None
    lesson_a: object = None
    offering_a: Offering = None
    offering_b: Offering = None
    session_a: object = None
    enrollment: Enrollment = None
    participant: object = None
    certificate: object = None
    other_certificate: object = None
    roster: RosterImport = None
    organization: object = None
    product: object = None
    target: TrainingTarget = None
    course_access: CourseAccess = None
    bank: object = None  # course A's question bank
    image: object = None
    document: object = None
    redirect: Redirect = None
    collection: Collection = None
    workflow: Workflow = None
    task: Task = None
    site: Site = None
    group: Group = None
    certificate_template: object = None
    survey_template: SurveyTemplate = None
    # The other side of each role (test_hostile_forms protects them): unit B's person and class records,
    # and the other learner's.
    person_b: object = None
    enrollment_b: Enrollment = None
    session_b: object = None
    other_participant: object = None
    other_enrollment: Enrollment = None
    waitlisted: Enrollment = None


def _png(name):
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "#2e7d32").save(buffer, "PNG")
    return ImageFile(buffer, name=name)


def _finish(offering, session, enrollments, organizer):
    marks = {enrollment.pk: attendance.Mark("present") for enrollment in enrollments}
    attendance.attendance_save(session=session, marks=marks, by=organizer)
    attendance.session_close(session=session, by=organizer)


def world_build() -> World:
    w = World()
    site_ensure()
    w.unit_a = AdministrativeUnit.objects.get(scheme="current", name="Bát Tràng")
    w.unit_b = AdministrativeUnit.objects.get(scheme="current", name="Hồng Hà")
    users = w.users
    users["anonymous"] = None
    users["learner"] = UserFactory(role=Role.LEARNER, first_name="Ngọc", last_name="Lã Thị Bích")
    users["other_learner"] = UserFactory(role=Role.LEARNER, first_name="Trưởng", last_name="Tạ Quang")
    users["trainer"] = UserFactory(role=Role.TRAINER)
    users["other_trainer"] = UserFactory(role=Role.TRAINER)
    users["organizer_a"] = UserFactory(role=Role.ORGANIZER, unit=w.unit_a)
    users["organizer_b"] = UserFactory(role=Role.ORGANIZER, unit=w.unit_b)
    users["administrator"] = UserFactory(role=Role.ADMINISTRATOR)

    w.course_a = CourseFactory(title="Quản trị hợp tác xã", access=CoursePage.Access.ENROLLED)
    w.course_b = CourseFactory(title="Tiếp thị sản phẩm OCOP", access=CoursePage.Access.ENROLLED)
    for course, trainer in ((w.course_a, users["trainer"]), (w.course_b, users["other_trainer"])):
        course.trainers.add(trainer)
        course_trainers_sync(course=course)
    w.lesson_a = LessonFactory(parent=w.course_a, title="Bài 1: Hồ sơ sản phẩm", with_quiz=True)
    w.lesson_a.save_revision()
    w.bank = QuestionBankFactory(course=w.course_a, title="Ngân hàng câu hỏi của khóa A")

    day = timezone.localdate() - timedelta(days=30)  # a class held last month
    w.offering_a = OfferingFactory(unit=w.unit_a, course=w.course_a, kind=Offering.Kind.CLASS, starts_on=day,
                                   ends_on=day)  # fmt: skip
    w.offering_b = OfferingFactory(unit=w.unit_b, course=w.course_b, kind=Offering.Kind.CLASS, starts_on=day,
                                   ends_on=day)  # fmt: skip
    w.offering_a.trainers.add(users["trainer"])
    w.offering_b.trainers.add(users["other_trainer"])

    w.organization = OrganizationFactory(unit=w.unit_a, name="Hợp tác xã Gốm Lã Bích")
    w.product = OcopProduct.objects.create(organization=w.organization, name="Gốm men lam", stars=4, year=2025)
    w.participant = ParticipantFactory(full_name=LEARNER, user=users["learner"], unit=w.unit_a,
                                       organization=w.organization)  # fmt: skip
    other = ParticipantFactory(full_name=OTHER_LEARNER, user=users["other_learner"], unit=w.unit_a)
    person_b = ParticipantFactory(full_name=PERSON_B, unit=w.unit_b, phone="0987654321", national_id="001079000111",
                                  email="khuc.thua.du@htx-songhong.example")  # fmt: skip

    w.enrollment = Enrollment.objects.create(offering=w.offering_a, participant=w.participant)
    other_enrollment = Enrollment.objects.create(offering=w.offering_a, participant=other)
    enrollment_b = Enrollment.objects.create(offering=w.offering_b, participant=person_b)
    w.session_a = SessionFactory(offering=w.offering_a, date=day)
    session_b = SessionFactory(offering=w.offering_b, date=day)
    _finish(w.offering_a, w.session_a, [w.enrollment, other_enrollment], users["organizer_a"])
    _finish(w.offering_b, session_b, [enrollment_b], users["organizer_b"])
    certificates.certificates_issue_offering(offering=w.offering_a, by=users["organizer_a"], notify=False)
    certificates.certificates_issue_offering(offering=w.offering_b, by=users["organizer_b"], notify=False)
    w.certificate = w.enrollment.certificates.get()
    w.other_certificate = other_enrollment.certificates.get()
    w.certificate_template = certificates.template_default()
    # The learner has answered class A's survey (anonymous: nothing names them in the answers).
    w.survey_template = SurveyTemplate.objects.get(code="standard-class")
    answers = {q.pk: 4 if q.kind == "scale" else [0] if q.kind == "multiple" else 0 if q.kind == "single" else "Tốt"
               for q in template_questions(w.survey_template)}  # fmt: skip
    feedback.survey_submit(enrollment=w.enrollment, answers=answers)
    w.person_b, w.enrollment_b, w.session_b = person_b, enrollment_b, session_b
    w.other_participant, w.other_enrollment = other, other_enrollment
    w.waitlisted = Enrollment.objects.create(offering=w.offering_a, participant=ParticipantFactory(unit=w.unit_a),
                                             status=Enrollment.Status.WAITLISTED)  # fmt: skip

    w.roster = RosterImport.objects.create(
        offering=w.offering_a, file=ContentFile(b"x", name="danh-sach.xlsx"), original_name="danh-sach.xlsx",
        uploaded_by=users["organizer_a"], status=RosterImport.Status.PREVIEWED,
    )  # fmt: skip
    # A row whose phone is the learner's and whose ID is the other learner's: the organizer decides.
    w.roster.rows.create(row=6, status=RosterImportRow.Status.AMBIGUOUS, full_name=LEARNER,
                         candidates=[w.participant.pk, other.pk])  # fmt: skip
    w.target = TrainingTarget.objects.create(year=day.year, track="producers", classes=3, people=90)
    w.course_access = CourseAccess.objects.create(user=users["other_learner"], course=w.course_b)

    w.collection = Collection.get_first_root_node()
    w.image = get_image_model().objects.create(title="Ảnh lớp học", file=_png("lop-hoc.png"))
    w.document = get_document_model().objects.create(
        title="Tài liệu bài giảng", file=ContentFile(b"%PDF-1.4 tai lieu", name="tai-lieu.pdf")
    )
    w.redirect = Redirect.objects.create(old_path="/lop-cu", redirect_link="/")
    w.workflow = Workflow.objects.first()
    w.task = Task.objects.first()
    w.site = Site.objects.get(is_default_site=True)
    w.group = Group.objects.get(name=Role.TRAINER.value)
    # What the admin records when staff edit people: the site history must not show it to other units.
    log(w.participant, "wagtail.edit", user=users["organizer_a"])
    log(person_b, "wagtail.edit", user=users["organizer_b"])
    ContentType.objects.clear_cache()
    return w
