from django.core.management.base import BaseCommand, CommandError

from cms.releases.errors import ReleasesError
from cms.releases.services import release_timestamps_refresh


class Command(BaseCommand):
    help = (
        "Re-sign every cluster's release timestamp (it expires after 7 days). Run "
        "daily, e.g. from cron or a systemd timer."
    )

    def handle(self, *args, **options):
        try:
            codes = release_timestamps_refresh()
        except ReleasesError as err:
            raise CommandError(str(err)) from err
        self.stdout.write(
            f"Timestamps refreshed: {', '.join(codes) if codes else 'none published'}."
        )
