from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts and roles")

    def ready(self):
        from . import roles

        # Like Django's own create_permissions: after every migrate, give the
        # role groups the permissions of models added since (additive only).
        post_migrate.connect(roles.sync_roles_after_migrate, sender=self)
