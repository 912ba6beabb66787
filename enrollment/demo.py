"""Demo offerings and people for the current year (the 2019 program comes with the dashboard)."""

import datetime

from django.utils import timezone

from courses.models import CoursePage
from lms.text import fold

from . import services
from .models import AdministrativeUnit, Offering, Organization

CURRENT = AdministrativeUnit.Scheme.CURRENT


def _unit(name):
    return AdministrativeUnit.objects.get(scheme=CURRENT, level="commune", name=name)


def enrollment_demo_build(*, organizer, learner) -> None:
    """Idempotent: offerings are keyed by code, people by phone."""
    hanoi = AdministrativeUnit.objects.filter(scheme=CURRENT, level="province", code="01").first()
    if hanoi is None:  # a flushed test database: no units, no demo offerings
        return
    if organizer.unit_id is None:
        organizer.unit = hanoi
        organizer.save(update_fields=["unit"])
    today = timezone.localdate()
    year = today.year
    course = CoursePage.objects.filter(code="OCOP-CT-01").first()
    plans = [
        dict(code=f"HN-{year}-SX-01", kind=Offering.Kind.CLASS, course=course, track="producers",
             title="Lớp tập huấn tiêu chuẩn, nhãn và truy xuất nguồn gốc cho HTX gốm Bát Tràng",
             unit=_unit("Bát Tràng"), venue="Hội trường UBND xã Bát Tràng", capacity=40, days=(21, 22)),
        dict(code=f"HN-{year}-HN-01", kind=Offering.Kind.CONFERENCE, course=None, track="",
             title="Hội nghị triển khai Chương trình OCOP năm " + str(year), unit=_unit("Hồng Hà"),
             venue="Trung tâm Hội nghị Thành phố", capacity=300, days=(14, 14)),
        dict(code=f"HN-{year}-TQ-01", kind=Offering.Kind.STUDY_TOUR, course=None, track="producers",
             title="Tham quan học tập mô hình OCOP tại Quảng Ninh", unit=_unit("Gia Lâm"),
             venue="Quảng Ninh", capacity=30, days=(35, 37)),
    ]  # fmt: skip
    for plan in plans:
        start, end = (today + datetime.timedelta(days=day) for day in plan.pop("days"))
        offering, created = Offering.objects.get_or_create(
            code=plan.pop("code"), defaults={**plan, "starts_on": start, "ends_on": end, "status": "open"}
        )
        if created:
            offering.organizers.add(organizer)
    cooperative, _created = Organization.objects.get_or_create(
        name="Hợp tác xã Gốm sứ Bát Tràng",
        defaults={"kind": Organization.Kind.COOPERATIVE, "unit": _unit("Bát Tràng"),
                  "name_key": fold("Hợp tác xã Gốm sứ Bát Tràng")},
    )  # fmt: skip
    participant = services.participant_link_user(user=learner)
    if participant.organization_id is None:
        participant.organization, participant.unit = cooperative, _unit("Bát Tràng")
        participant.category, participant.position = "cooperative", "Giám đốc"
        participant.save()
    services.enrollment_create(
        offering=Offering.objects.get(code=f"HN-{year}-SX-01"), participant=participant, source="roster"
    )
