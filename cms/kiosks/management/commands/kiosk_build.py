from django.core.management.base import BaseCommand, CommandError

from cms.clusters.commands import cluster_for_command
from cms.kiosks.services import kiosk_build


class Command(BaseCommand):
    help = "Build the static kiosk site of one cluster from its content snapshot."

    def add_arguments(self, parser):
        parser.add_argument("--cluster", required=True, help="cluster code, e.g. bo-y")
        parser.add_argument(
            "--out", help="output folder (default: KIOSK_BUILD_ROOT/<code>)"
        )

    def handle(self, *args, cluster, out, **options):
        found = cluster_for_command(cluster)
        from kiosk_site.errors import KioskSiteError

        try:
            report = kiosk_build(cluster=found, out_dir=out)
        except KioskSiteError as err:
            raise CommandError(f"Kiosk build of {cluster} failed: {err}") from err
        self.stdout.write(f"Built kiosk of {found.code}: {report.summary()}")
