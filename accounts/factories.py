import factory
from allauth.account.models import EmailAddress
from factory.django import DjangoModelFactory

from .models import User
from .roles import Role
from .services import user_grant_role

GIVEN_NAMES = [
    "An",
    "Bình",
    "Chi",
    "Dũng",
    "Đức",
    "Giang",
    "Hà",
    "Hương",
    "Khoa",
    "Lan",
    "Minh",
    "Nga",
    "Phúc",
    "Quỳnh",
    "Sơn",
    "Thảo",
    "Uyên",
    "Việt",
    "Xuân",
    "Yến",
]
FAMILY_NAMES = [
    "Nguyễn Văn",
    "Trần Thị",
    "Lê Đức",
    "Phạm Thu",
    "Hoàng Minh",
    "Huỳnh Thị",
    "Vũ Quốc",
    "Võ Thị",
    "Đặng Hữu",
    "Bùi Thanh",
    "Đỗ Ngọc",
    "Hồ Thị",
    "Ngô Xuân",
    "Dương Văn",
    "Lý Thị",
]
DEFAULT_PASSWORD = "hocOCOP2025"


class UserFactory(DjangoModelFactory):
    """A user with a verified email, in the role given (Learner by default)."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"nguoidung{n}@ocop.example")
    username = factory.SelfAttribute("email")
    first_name = factory.Iterator(GIVEN_NAMES)
    last_name = factory.Iterator(FAMILY_NAMES)
    password = factory.django.Password(DEFAULT_PASSWORD)

    @factory.post_generation
    def role(user, create, extracted, **kwargs):
        if create:
            user_grant_role(user=user, role=extracted or Role.LEARNER)

    @factory.post_generation
    def verified_email(user, create, extracted, **kwargs):
        if create:
            EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=extracted is not False)
