from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from demo.build import DEMO_LOGINS, DEMO_PASSWORD, demo_site_build


class Command(BaseCommand):
    help = "Build the demo program (idempotent) and print the demo logins."

    def handle(self, *args, **options):
        demo_site_build()
        self.stdout.write(self.style.SUCCESS(_("Demo data is ready.")))
        self.stdout.write(_("Demo logins (password for all: %(password)s):") % {"password": DEMO_PASSWORD})
        width = max(len(str(login.role.label)) for login in DEMO_LOGINS)
        for login in DEMO_LOGINS:
            self.stdout.write(f"  {str(login.role.label):<{width}}  {login.email:<26}  {login.full_name}")
