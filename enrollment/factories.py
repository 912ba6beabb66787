import factory
from factory.django import DjangoModelFactory

from lms.text import fold, name_sort_key

from .models import AdministrativeUnit, Offering, Organization, Participant

FULL_NAMES = [
    "Nguyễn Thị Hồng Đào", "Trần Văn Đức", "Lê Thị Ánh Tuyết", "Phạm Quốc Bảo", "Hoàng Thị Lan Anh",
    "Vũ Đình Khôi", "Đặng Thu Hà", "Bùi Văn Ất", "Đỗ Thị Ngọc Ánh", "Ngô Quang Đạt",
]  # fmt: skip


class UnitFactory(DjangoModelFactory):
    class Meta:
        model = AdministrativeUnit
        django_get_or_create = ("scheme", "code")

    scheme = AdministrativeUnit.Scheme.CURRENT
    level = AdministrativeUnit.Level.COMMUNE
    code = factory.Sequence(lambda n: f"{90000 + n:05d}")
    name = factory.Sequence(lambda n: f"Đông Anh {n}")
    type = AdministrativeUnit.Type.COMMUNE
    parent = None
    path = factory.LazyAttribute(lambda o: f"{o.parent.path}/{o.code}" if o.parent else o.code)
    name_key = factory.LazyAttribute(lambda o: fold(o.name))


class OrganizationFactory(DjangoModelFactory):
    class Meta:
        model = Organization

    kind = Organization.Kind.COOPERATIVE
    name = factory.Sequence(lambda n: f"Hợp tác xã Nông nghiệp Đồng Tâm {n}")
    name_key = factory.LazyAttribute(lambda o: fold(o.name))


class ParticipantFactory(DjangoModelFactory):
    class Meta:
        model = Participant

    full_name = factory.Iterator(FULL_NAMES)
    name_key = factory.LazyAttribute(lambda o: fold(o.full_name))
    sort_key = factory.LazyAttribute(lambda o: name_sort_key(o.full_name))
    phone = factory.Sequence(lambda n: f"09{n:08d}")
    category = Participant.Category.COOPERATIVE


class OfferingFactory(DjangoModelFactory):
    class Meta:
        model = Offering

    code = factory.Sequence(lambda n: f"HN-2026-HN-{n:03d}")
    kind = Offering.Kind.CONFERENCE
    title = "Hội nghị triển khai Chương trình OCOP"
    unit = factory.SubFactory(UnitFactory)
    venue = "Hội trường UBND xã"
    starts_on = factory.Faker("date_between", start_date="+10d", end_date="+20d")
    ends_on = factory.SelfAttribute("starts_on")
    status = Offering.Status.OPEN
