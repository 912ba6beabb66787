import json

from django.core.management.base import BaseCommand, CommandError

from ops.backups import COUNT_NAMES, VENDOR_NAMES, BackupError, backup_create, default_backup_dir


class Command(BaseCommand):
    help = (
        "Back up the database (SQLite: online backup API; PostgreSQL: pg_dump --format=custom) and MEDIA_ROOT "
        "into one archive, ocop-YYYYmmdd-HHMMSS.tar.gz, with a manifest. The last line printed is its path."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output-dir", help=f"Where to write the archive (default: {default_backup_dir()})")
        parser.add_argument("--database", default="default", help="Database alias (default: default)")
        parser.add_argument("--media-root", help="Media directory (default: MEDIA_ROOT)")
        parser.add_argument("--json", action="store_true", help="Print the manifest and path as one JSON object")

    def handle(self, *args, **options):
        try:
            path, manifest = backup_create(
                output_dir=options["output_dir"], using=options["database"], media_root=options["media_root"]
            )
        except BackupError as error:
            raise CommandError(str(error)) from error
        if options["json"]:
            self.stdout.write(json.dumps({"archive": str(path), **manifest}, ensure_ascii=False))
            return
        counts = ", ".join(f"{manifest['counts'][label]} {name}" for label, name in COUNT_NAMES.items())
        media = manifest["media"]
        self.stdout.write(f"Đã sao lưu {VENDOR_NAMES[manifest['database']['vendor']]}: {counts}.")
        self.stdout.write(f"Media: {media['files']} tệp, {media['bytes'] / 1_048_576:.1f} MB.")
        self.stdout.write(str(path))
