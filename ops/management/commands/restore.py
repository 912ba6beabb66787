from django.core.management.base import BaseCommand, CommandError

from ops.backups import COUNT_NAMES, BackupError
from ops.restore import backup_restore


class Command(BaseCommand):
    help = (
        "Restore an archive made by `backup` into an empty database (or any, with --force) and MEDIA_ROOT, "
        "then check the restored row counts against the archive's manifest."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="The .tar.gz written by `manage.py backup`")
        parser.add_argument(
            "--database-url",
            help="Restore into this database instead of the project's (sqlite:////path/db.sqlite3, "
            "postgres://user@host:5432/name)",
        )
        parser.add_argument("--media-root", help="Restore the media files here (default: MEDIA_ROOT)")
        parser.add_argument(
            "--force", action="store_true", help="Overwrite a database that already has tables (the data in it is lost)"
        )

    def handle(self, *args, **options):
        try:
            report = backup_restore(
                archive=options["archive"],
                database_url=options["database_url"],
                media_root=options["media_root"],
                force=options["force"],
            )
        except BackupError as error:
            raise CommandError(str(error)) from error
        counts = ", ".join(f"{report.counts.get(label, 0)} {name}" for label, name in COUNT_NAMES.items())
        self.stdout.write(f"Đã khôi phục {report.archive.name} vào {report.target}.")
        self.stdout.write(f"Đã kiểm tra khớp với bản sao lưu: {counts}.")
        self.stdout.write(f"Media: {report.media_files} tệp vào {report.media_root}.")
        for note in report.notes:
            self.stdout.write(note)
