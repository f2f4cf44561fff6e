from django.core.management.base import BaseCommand, CommandError

from cms.operations.destinations import backup_fetch
from cms.operations.errors import OperationsError
from cms.operations.services import backup_restore, backup_verify


class Command(BaseCommand):
    help = (
        "Restore the database, media and release store from a backup after "
        "checking every file against its manifest; a damaged backup is refused."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "backup", help="A backup's name (manage.py backup --list) or folder."
        )
        parser.add_argument(
            "--yes",
            action="store_true",
            help="Overwrite a database that is not empty.",
        )
        parser.add_argument(
            "--check", action="store_true", help="Only check the backup."
        )

    def handle(self, *args, **options):
        try:
            folder = backup_fetch(name=options["backup"])
            if options["check"]:
                backup_verify(folder=folder)
                self.stdout.write(self.style.SUCCESS(f"Backup {folder.name} is intact"))
                return
            manifest = backup_restore(folder=folder, overwrite=options["yes"])
        except OperationsError as err:
            raise CommandError(f"Restore refused: {err}") from err
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored backup {folder.name} made {manifest['created_at']}; run "
                "manage.py migrate if this CMS is newer than the backup"
            )
        )
