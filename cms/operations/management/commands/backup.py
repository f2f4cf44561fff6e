from django.core.management.base import BaseCommand, CommandError

from cms.operations.destinations import backup_names
from cms.operations.errors import OperationsError
from cms.operations.services import backup_create, backups_rotate


class Command(BaseCommand):
    help = (
        "Back up the database, media and release store with a checksum manifest "
        "to BACKUP_ROOT or the backup bucket, then rotate old backups away."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--list", action="store_true", help="List the backups kept and stop."
        )
        parser.add_argument(
            "--no-rotate", action="store_true", help="Keep every older backup."
        )

    def handle(self, *args, **options):
        try:
            if options["list"]:
                for name in backup_names():
                    self.stdout.write(name)
                return
            name = backup_create()
            self.stdout.write(self.style.SUCCESS(f"Backup {name} made"))
            if not options["no_rotate"]:
                for dropped in backups_rotate():
                    self.stdout.write(f"Rotated away {dropped}")
        except OperationsError as err:
            raise CommandError(str(err)) from err
