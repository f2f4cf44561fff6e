from django.core.management.base import BaseCommand, CommandError

from cms.clusters.commands import cluster_for_command
from cms.releases.errors import ReleasesError
from cms.releases.services import credential_issue, credential_rotate


class Command(BaseCommand):
    help = (
        "Issue a cluster's agent credential (or replace the active one with "
        "--rotate) and print the token once, for the agent's credential file."
    )

    def add_arguments(self, parser):
        parser.add_argument("--cluster", required=True, help="cluster code, e.g. bo-y")
        parser.add_argument(
            "--rotate",
            action="store_true",
            help="replace the active credential; its token stops working at once",
        )

    def handle(self, *args, cluster, rotate, **options):
        found = cluster_for_command(cluster)
        service = credential_rotate if rotate else credential_issue
        try:
            issued = service(cluster=found)
        except ReleasesError as err:
            raise CommandError(str(err)) from err
        self.stdout.write(issued.token)
