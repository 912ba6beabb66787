from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.db import transaction

from lms.text import split_full_name

from .models import User
from .roles import Role


def user_grant_role(*, user: User, role: Role) -> None:
    group, _created = Group.objects.get_or_create(name=role.value)
    user.groups.add(group)


@transaction.atomic
def user_register_learner(*, user: User, full_name: str) -> User:
    """Save a user who signed up on the site: everyone who signs up is a learner."""
    user.last_name, user.first_name = split_full_name(full_name)
    user.save()
    user_grant_role(user=user, role=Role.LEARNER)
    return user


@transaction.atomic
def user_create(*, email: str, password: str, full_name: str, role: Role, verified: bool = True) -> User:
    """Create a user with a verified primary email and one role (staff, demo data, tests)."""
    last_name, first_name = split_full_name(full_name)
    user = User.objects.create_user(
        username=email.lower(), email=email.lower(), password=password, first_name=first_name, last_name=last_name
    )
    EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=verified)
    user_grant_role(user=user, role=role)
    return user
