from django.core.management.base import BaseCommand, CommandError

from cms.editorial import services
from cms.editorial.errors import RoleSetupError


class Command(BaseCommand):
    help = (
        "Create or repair the editorial groups (roles), their permissions and the "
        "moderation workflow. Safe to run again."
    )

    def handle(self, *args, **options):
        try:
            groups = services.roles_sync()
        except RoleSetupError as err:
            raise CommandError(str(err)) from err
        for group in groups:
            self.stdout.write(f"  {group.name}")
        self.stdout.write(
            self.style.SUCCESS(f"{len(groups)} groups and the moderation workflow set.")
        )
