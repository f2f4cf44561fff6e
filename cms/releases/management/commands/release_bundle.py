from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cms.clusters.commands import cluster_for_command
from cms.releases.errors import ReleasesError
from cms.releases.services import release_bundle_write


class Command(BaseCommand):
    help = (
        "Write a cluster's current release as one USB bundle file (a tar; layout in "
        "cms/releases/README.md) for `python -m kiosk_site.agent install-bundle`."
    )

    def add_arguments(self, parser):
        parser.add_argument("--cluster", required=True, help="cluster code, e.g. bo-y")
        parser.add_argument("--out", required=True, help="bundle file to write")

    def handle(self, *args, cluster, out, **options):
        found = cluster_for_command(cluster)
        try:
            info = release_bundle_write(cluster=found, out_path=Path(out))
        except ReleasesError as err:
            raise CommandError(str(err)) from err
        self.stdout.write(
            f"Wrote {out}: cluster {info.cluster}, build {info.build}, "
            f"{info.members} files, {info.bytes} bytes."
        )
