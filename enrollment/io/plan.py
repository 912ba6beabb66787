"""The year's training plan (Kế hoạch đào tạo năm): offerings read from the office's workbook.

One row is one offering: code, kind, course and/or topic, track, unit, venue, dates, capacity and
trainers (by email). Rows are matched on the code: a new code is a new offering, created as a draft;
a known one is updated when the row differs (only while it is a draft: once open, an offering is
changed on its own page) and left alone when it does not, so the same file imported twice changes
nothing. An organizer reaches only the offerings and units of their own units.
"""

import datetime
import re

from django.contrib.auth import get_user_model
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from import_export import widgets
from import_export.fields import Field

from accounts.roles import Role
from courses.models import CoursePage, TrackPage
from lms.dataimport.reading import Column
from lms.dataimport.resources import CheckedResource
from lms.dataimport.widgets import DayWidget, LabelChoiceWidget, TextWidget, WholeNumberWidget
from lms.text import clean_text, fold

from .. import scope
from ..models import AdministrativeUnit, Offering
from .units import UnitWidget

CODE, KIND, COURSE, TITLE, TRACK, UNIT = "Mã lớp", "Loại", "Khóa học", "Chuyên đề", "Nhóm đối tượng", "Đơn vị"
VENUE, STARTS, ENDS, CAPACITY, TRAINERS = "Địa điểm", "Từ ngày", "Đến ngày", "Số chỗ", "Giảng viên (email)"

KIND_LABELS = {
    Offering.Kind.CLASS: ("Lớp học", "Lớp", "Lớp tập huấn", "Lớp đào tạo", "Class"),
    Offering.Kind.CONFERENCE: ("Hội nghị", "Hội nghị tập huấn", "Hội nghị triển khai", "Conference"),
    Offering.Kind.STUDY_TOUR: ("Tham quan học tập", "Tham quan", "Khảo sát học tập", "Study tour"),
}
TRACK_LABELS = {
    TrackPage.Code.STEERING: ("Ban chỉ đạo và Hội đồng", "Ban chỉ đạo", "Hội đồng", "Steering boards and councils",
                              "Steering"),
    TrackPage.Code.OFFICERS: ("Cán bộ triển khai", "Cán bộ", "Cán bộ OCOP", "Program officers", "Officers"),
    TrackPage.Code.PRODUCERS: ("Chủ thể sản xuất", "Chủ thể", "Chủ thể OCOP", "Producers"),
}  # fmt: skip
_EMAIL_SEPARATORS = re.compile(r"[\s,;]+")


class CourseWidget(widgets.Widget):
    """A course by its code (as in the catalog) or its exact title; every course is read once."""

    def bind(self, resource):
        self.resource = resource

    def courses(self):
        resource = self.resource
        if getattr(resource, "courses", None) is None:
            resource.courses = list(CoursePage.objects.order_by("path"))
            tracks = dict(TrackPage.objects.values_list("path", "code"))
            resource.course_tracks = {c.pk: tracks.get(c.path[: -CoursePage.steplen], "") for c in resource.courses}
        return resource.courses

    def clean(self, value, row=None, **kwargs):
        text = clean_text(value)
        if not text:
            return None
        by_code = [course for course in self.courses() if course.code.casefold() == text.casefold()]
        found = by_code or [course for course in self.courses() if fold(course.title) == fold(text)]
        if len(found) > 1:
            raise ValueError(
                _("several courses are called “%(value)s”: write the course's code") % {"value": text[:80]}
            )
        if not found:
            raise ValueError(
                _("unknown course “%(value)s”: write its code as in the catalog, for example OCOP-SX-01")
                % {"value": text[:80]}
            )
        return found[0]

    def render(self, value, obj=None, **kwargs):
        return value.code if value else ""


class TrainerEmailsWidget(widgets.ManyToManyWidget):
    """Trainers by their emails, separated by commas, semicolons, spaces or lines: each must be the
    email of an account in the Trainers group."""

    def __init__(self, **kwargs):
        super().__init__(model=get_user_model(), field="email", **kwargs)

    def bind(self, resource):
        self.resource = resource

    def _trainers(self) -> dict:
        resource = self.resource
        if getattr(resource, "trainers", None) is None:
            users = get_user_model().objects.filter(groups__name=Role.TRAINER.value).distinct()
            resource.trainers = {user.email.casefold(): user for user in users if user.email}
        return resource.trainers

    def clean(self, value, row=None, **kwargs):
        emails = [email for email in _EMAIL_SEPARATORS.split(clean_text(value)) if email]
        unknown = [email for email in emails if email.casefold() not in self._trainers()]
        if unknown:
            raise ValueError(
                _("not the email of a trainer (an account in the Trainers group): %(emails)s")
                % {"emails": ", ".join(f"“{email[:80]}”" for email in unknown[:5])}
            )
        return list({email.casefold(): self._trainers()[email.casefold()] for email in emails}.values())

    def render(self, value, obj=None, **kwargs):
        return ", ".join(user.email for user in value.all()) if value is not None else ""


class PlanResource(CheckedResource):
    columns = (
        Column(CODE, ("Mã", "Mã lớp học", "Mã hoạt động", "Code", "Offering code"), required=True),
        Column(KIND, ("Loại hình", "Loại hoạt động", "Hình thức", "Kind", "Type"), required=True),
        Column(COURSE, ("Mã khóa học", "Course", "Course code")),
        Column(TITLE, ("Tên lớp", "Tên hoạt động", "Nội dung", "Topic", "Title")),
        Column(TRACK, ("Đối tượng", "Đối tượng học viên", "Track", "Audience")),
        Column(UNIT, ("Đơn vị tổ chức", "Đơn vị hành chính", "Unit", "Administrative unit"), required=True),
        Column(VENUE, ("Địa điểm tổ chức", "Venue", "Place")),
        Column(STARTS, ("Ngày bắt đầu", "Bắt đầu", "Start date", "Starts on", "From"), required=True),
        Column(ENDS, ("Ngày kết thúc", "Kết thúc", "End date", "Ends on", "To"), required=True),
        Column(CAPACITY, ("Số học viên", "Số lượng", "Capacity", "Seats")),
        Column(TRAINERS, ("Giảng viên", "Email giảng viên", "Trainers", "Trainers (email)", "Trainer emails")),
    )
    alternatives = ((COURSE, TITLE),)

    code = Field("code", CODE, widget=TextWidget())
    kind = Field("kind", KIND, widget=LabelChoiceWidget(KIND_LABELS))
    course = Field("course", COURSE, widget=CourseWidget())
    title = Field("title", TITLE, widget=TextWidget(max_length=255))
    track = Field("track", TRACK, widget=LabelChoiceWidget(TRACK_LABELS, blank=True))
    unit = Field("unit", UNIT, widget=UnitWidget(date_column=STARTS))
    venue = Field("venue", VENUE, widget=TextWidget(max_length=255))
    starts_on = Field("starts_on", STARTS, widget=DayWidget())
    ends_on = Field("ends_on", ENDS, widget=DayWidget())
    capacity = Field("capacity", CAPACITY, widget=WholeNumberWidget(1, 100_000, blank=True))
    trainers = Field("trainers", TRAINERS, widget=TrainerEmailsWidget())

    class Meta:
        model = Offering
        fields = ("code", "kind", "course", "title", "track", "unit", "venue", "starts_on", "ends_on", "capacity",
                  "trainers")  # fmt: skip
        import_id_fields = ("code",)

    def get_queryset(self):
        """The offerings a row may update: those of the user's units."""
        return scope.scope_offerings(self.user, Offering.objects.all())

    def before_import(self, dataset, **kwargs):
        """Which of the file's codes belong to offerings the user cannot reach, in one query."""
        codes = {clean_text(code) for code in dataset[CODE]} if CODE in (dataset.headers or []) else set()
        taken = set(Offering.objects.filter(code__in=codes).values_list("code", flat=True))
        self.taken_elsewhere = taken - set(self.get_queryset().filter(code__in=taken).values_list("code", flat=True))
        self.seen_codes = {}

    def check_row(self, instance, row, errors, number):
        found = {}
        if instance.pk is None:
            instance.status = Offering.Status.DRAFT
        if "kind" in errors:
            instance.kind = ""  # unknown: no rule of a kind applies (a class's course)
        if instance.course and not instance.title:  # a class is called by its course unless the row names it
            instance.title = instance.course.title
        if instance.course and not instance.track and "track" not in errors:
            self.fields["course"].widget.courses()
            instance.track = self.course_tracks.get(instance.course.pk, "")
        if not instance.title and not instance.course and "title" not in errors and "course" not in errors:
            found["title"] = _("empty: write the topic of the conference or study tour, or the course of the class")
        code = instance.code
        if code and "code" not in errors:
            if code in self.seen_codes:
                found["code"] = _("the code %(code)s is already on row %(row)s of this file") % {
                    "code": code, "row": self.seen_codes[code],
                }  # fmt: skip
            elif code in self.taken_elsewhere:
                found["code"] = _("the code %(code)s is already used by an offering outside your units") % {
                    "code": code
                }
            self.seen_codes.setdefault(code, number)
        return found

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        """A row that would change an offering no longer a draft is refused: the plan drafts, the
        offering's own page runs it."""
        errors = dict(import_validation_errors or {})
        if instance.pk is not None and instance.status != Offering.Status.DRAFT:
            message = _("%(code)s is no longer a draft (%(status)s): change it on its own page, not by the plan") % {
                "code": instance.code, "status": instance.get_status_display().lower(),
            }  # fmt: skip
            errors.setdefault(NON_FIELD_ERRORS, []).append(ValidationError(message))
        super().validate_instance(instance, errors, validate_unique)


def template_dataset(user):
    """The plan's columns and one example row, for the template to download."""
    import tablib

    from .units import UnitLookup

    year = timezone.localdate().year
    course = CoursePage.objects.order_by("path").first()
    unit = user.unit or AdministrativeUnit.objects.filter(scheme="current", level="province").first()
    label = UnitLookup(user).label(unit) if unit else "Xã Bát Tràng"
    dataset = tablib.Dataset(headers=[column.name for column in PlanResource.columns], title="Kế hoạch năm")
    dataset.append([
        f"HN-{year}-SX-01", KIND_LABELS[Offering.Kind.CLASS][0], course.code if course else "OCOP-SX-01",
        course.title if course else "Quản trị hợp tác xã và sản phẩm OCOP", TRACK_LABELS[TrackPage.Code.PRODUCERS][0],
        label, "Hội trường UBND xã", datetime.date(year, 9, 15), datetime.date(year, 9, 16), 40, "",
    ])  # fmt: skip
    return dataset


TEMPLATE_NOTES = [
    (CODE, "Bắt buộc. Chữ không dấu, chữ số và “-”, “_”, “.”, ví dụ HN-2026-SX-01. Nhập lại cùng mã thì cập nhật "
           "lớp đó (khi còn là bản nháp); mã chưa có thì tạo lớp mới ở trạng thái bản nháp."),
    (KIND, "Bắt buộc: Lớp học, Hội nghị hoặc Tham quan học tập."),
    (COURSE, "Lớp học phải có khóa học: ghi mã khóa học (như trong danh mục khóa học) hoặc đúng tên khóa học."),
    (TITLE, "Tên hội nghị, chuyến tham quan hoặc chuyên đề của lớp. Để trống với lớp học: lấy tên khóa học."),
    (TRACK, "Ban chỉ đạo và Hội đồng, Cán bộ triển khai hoặc Chủ thể sản xuất. Để trống: theo khóa học."),
    (UNIT, "Bắt buộc. Ví dụ “Xã Bát Tràng”; đơn vị trước 1/7/2025 ghi kèm huyện: “Xã Bát Tràng, Huyện Gia Lâm”, "
           "hoặc ghi mã đơn vị hành chính."),
    (VENUE, "Không bắt buộc."),
    (STARTS, "Bắt buộc, dạng ngày/tháng/năm (dd/mm/yyyy), từ 01/01/2000 đến 31/12/2099."),
    (ENDS, "Bắt buộc, dạng ngày/tháng/năm, không trước ngày bắt đầu."),
    (CAPACITY, "Số nguyên từ 1; để trống: không giới hạn."),
    (TRAINERS, "Email tài khoản giảng viên, nhiều người cách nhau bằng dấu phẩy."),
]  # fmt: skip
