from django.core.management.base import BaseCommand, CommandError

from cms.clusters.commands import cluster_for_command
from cms.releases.errors import ReleasesError
from cms.releases.models import Release
from cms.releases.services import release_publish


class Command(BaseCommand):
    help = (
        "Publish a cluster's built kiosk (KIOSK_BUILD_ROOT/<code>, or --site) as its "
        "next signed release."
    )

    def add_arguments(self, parser):
        parser.add_argument("--cluster", required=True, help="cluster code, e.g. bo-y")
        parser.add_argument("--site", help="built site folder (default: the build)")

    def handle(self, *args, cluster, site, **options):
        found = cluster_for_command(cluster)
        try:
            release = release_publish(
                cluster=found, site_dir=site, trigger=Release.Trigger.COMMAND
            )
        except ReleasesError as err:
            raise CommandError(str(err)) from err
        self.stdout.write(
            f"Published build {release.build} of {found.code}: "
            f"{release.file_count} files, {release.total_bytes} bytes."
        )
