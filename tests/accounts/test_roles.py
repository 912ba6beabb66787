import pytest
from django.contrib.auth.models import Group, Permission
from django.db import IntegrityError
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from accounts.factories import UserFactory
from accounts.roles import Role, sync_roles


def _codenames(role):
    group = Group.objects.get(name=role.value)
    return {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.select_related("content_type")}


def test_migrations_create_the_four_roles_and_remove_wagtails_starter_groups(db):
    assert set(Group.objects.values_list("name", flat=True)) == {role.value for role in Role}


def test_administrators_hold_every_permission_and_the_whole_page_tree(db):
    group = Group.objects.get(name=Role.ADMINISTRATOR.value)
    assert group.permissions.count() == Permission.objects.count()
    root = Page.get_first_root_node()
    page_codenames = set(
        GroupPagePermission.objects.filter(group=group, page=root).values_list("permission__codename", flat=True)
    )
    assert {"add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page"} <= page_codenames
    collection_codenames = set(
        GroupCollectionPermission.objects.filter(group=group, collection=Collection.get_first_root_node()).values_list(
            "permission__codename", flat=True
        )
    )
    assert {"add_image", "choose_image", "add_document", "choose_document", "delete_image"} <= collection_codenames


def test_trainers_and_organizers_reach_the_admin_and_learners_do_not(db):
    assert "wagtailadmin.access_admin" in _codenames(Role.TRAINER)
    assert "wagtailadmin.access_admin" in _codenames(Role.ORGANIZER)
    assert _codenames(Role.LEARNER) == set()
    assert not GroupPagePermission.objects.filter(group__name=Role.TRAINER.value).exists()


def test_each_role_can_or_cannot_open_the_admin(db):
    for role, expected in [
        (Role.ADMINISTRATOR, True),
        (Role.TRAINER, True),
        (Role.ORGANIZER, True),
        (Role.LEARNER, False),
    ]:
        user = UserFactory(role=role)
        assert user.has_perm("wagtailadmin.access_admin") is expected, role
    administrator = UserFactory(role=Role.ADMINISTRATOR)
    assert administrator.has_perms(["accounts.add_user", "wagtailcore.add_workflow", "wagtailimages.add_image"])
    assert not UserFactory(role=Role.TRAINER).has_perm("accounts.add_user")


def test_sync_is_idempotent_and_keeps_permissions_granted_by_hand(db):
    organizers = Group.objects.get(name=Role.ORGANIZER.value)
    extra = Permission.objects.get(codename="add_image")
    organizers.permissions.add(extra)
    before = (GroupPagePermission.objects.count(), GroupCollectionPermission.objects.count())

    sync_roles()
    sync_roles()

    assert extra in organizers.permissions.all()
    assert (GroupPagePermission.objects.count(), GroupCollectionPermission.objects.count()) == before


def test_full_name_reads_in_vietnamese_order(db):
    user = UserFactory(last_name="Nguyễn Thị Hồng", first_name="Đào")
    assert user.get_full_name() == "Nguyễn Thị Hồng Đào"
    assert user.get_short_name() == "Đào"
    assert str(user) == "Nguyễn Thị Hồng Đào"


def test_two_accounts_cannot_share_an_email_whatever_its_case(db):
    UserFactory(email="truong.htx@ocop.example", username="a")
    with pytest.raises(IntegrityError):
        UserFactory(email="Truong.HTX@ocop.example", username="b")


def test_several_accounts_may_have_no_email(db):
    UserFactory(email="", username="khong-email-1", verified_email=False)
    UserFactory(email="", username="khong-email-2", verified_email=False)
