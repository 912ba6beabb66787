"""The four roles, as Django groups, and the permissions each one needs.

A role is a group whose name is the role's value. ``sync_roles`` creates the
groups and grants the permissions below. It only ever adds: permissions an
administrator grants by hand in the Wagtail admin are kept.

Later features extend ROLE_PERMISSIONS as their models arrive; post_migrate
(see AccountsConfig) re-runs the sync so new permissions reach the groups.
"""

from django.apps import apps as global_apps
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    ADMINISTRATOR = "Quản trị chương trình", _("Program administrator")
    TRAINER = "Giảng viên", _("Trainer")
    ORGANIZER = "Cán bộ tổ chức", _("Organizer")
    LEARNER = "Học viên", _("Learner")


ALL = "__all__"

# "app_label.codename" for model and admin permissions.
ROLE_PERMISSIONS = {
    Role.ADMINISTRATOR: ALL,
    Role.TRAINER: [
        "wagtailadmin.access_admin",
        # Only for the offerings they teach (attendance/views.py narrows).
        "attendance.view_session",
        "attendance.add_attendancerecord",
        "attendance.change_attendancerecord",
        "attendance.view_attendancerecord",
        # The survey results of the offerings they teach, once enough answers are in (feedback/selectors.py).
        "feedback.view_own_results",
    ],
    Role.ORGANIZER: [
        "wagtailadmin.access_admin",
        # Within their own unit (enrollment/scope.py narrows every list and form).
        "enrollment.view_administrativeunit",
        "enrollment.add_organization",
        "enrollment.change_organization",
        "enrollment.view_organization",
        "enrollment.add_ocopproduct",
        "enrollment.change_ocopproduct",
        "enrollment.view_ocopproduct",
        "enrollment.add_participant",
        "enrollment.change_participant",
        "enrollment.view_participant",
        "enrollment.add_offering",
        "enrollment.change_offering",
        "enrollment.view_offering",
        "enrollment.add_enrollment",
        "enrollment.change_enrollment",
        "enrollment.view_enrollment",
        "attendance.add_session",
        "attendance.change_session",
        "attendance.delete_session",
        "attendance.view_session",
        "attendance.add_attendancerecord",
        "attendance.change_attendancerecord",
        "attendance.view_attendancerecord",
        "certificates.add_certificate",
        "certificates.change_certificate",
        "certificates.view_certificate",
        # Surveys of their units' offerings: which one, results, paper forms typed in, reminders.
        "feedback.view_surveyresponse",
        "feedback.add_surveyresponse",
        "feedback.change_offeringsurvey",
        "feedback.add_surveyreminder",
        # The dashboard, narrowed to their unit (home/report/filters.py).
        "home.view_dashboard",
    ],
    Role.LEARNER: [],
}

# Wagtail grants page and collection rights per subtree. Administrators
# hold them on the root of each tree; trainers get their course subtrees
# when they are assigned to a course.
ADMIN_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page"]
COLLECTION_PERMISSIONS = {
    Role.ADMINISTRATOR: [
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.delete_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.delete_document",
        "wagtaildocs.choose_document",
    ],
    Role.TRAINER: [
        "wagtailimages.add_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.choose_document",
    ],
}


def _permissions(permission_model, names):
    query = models.Q(pk__in=[])
    for name in names:
        app_label, codename = name.split(".")
        query |= models.Q(content_type__app_label=app_label, codename=codename)
    return permission_model.objects.filter(query)


def sync_roles(apps=global_apps):
    """Create the role groups and grant their permissions. Idempotent.

    Takes an app registry so that data migrations can call it with theirs.
    """
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    groups = {}
    for role, names in ROLE_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=role.value)
        groups[role] = group
        permissions = Permission.objects.all() if names == ALL else _permissions(Permission, names)
        group.permissions.add(*permissions)

    root_page = Page.objects.filter(depth=1).first()
    if root_page is not None:
        page_permissions = Permission.objects.filter(
            content_type__app_label="wagtailcore", codename__in=ADMIN_PAGE_PERMISSIONS
        )
        for permission in page_permissions:
            GroupPagePermission.objects.get_or_create(
                group=groups[Role.ADMINISTRATOR], page=root_page, permission=permission
            )

    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection is not None:
        for role, names in COLLECTION_PERMISSIONS.items():
            for permission in _permissions(Permission, names):
                GroupCollectionPermission.objects.get_or_create(
                    group=groups[role], collection=root_collection, permission=permission
                )
    return groups


def create_all_permissions(apps=global_apps):
    """Create the model permissions of every app now.

    Django creates them in post_migrate, after all migrations have run, so a
    data migration (or a post_migrate handler that runs before auth's) has
    to ask for them itself.
    """
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        stub = getattr(app_config, "models_module", None) is None
        if stub:
            app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        if stub:
            app_config.models_module = None


def sync_roles_after_migrate(sender, apps=global_apps, **kwargs):
    create_all_permissions(apps)
    sync_roles(apps)
