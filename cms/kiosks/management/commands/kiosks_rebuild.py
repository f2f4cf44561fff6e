from django.core.management.base import BaseCommand

from cms.clusters.models import Cluster
from cms.kiosks.tasks import kiosk_rebuild


class Command(BaseCommand):
    help = (
        "Queue a kiosk rebuild of every active cluster; each is published as a "
        "release if its files changed. Run it daily after midnight: a release "
        "carries its LED faces' plan for the next 14 days, which moves on by a "
        "day every day."
    )

    def handle(self, *args, **options):
        codes = list(
            Cluster.objects.active().order_by("code").values_list("code", flat=True)
        )
        for code in codes:
            kiosk_rebuild.enqueue(cluster_code=code)
        self.stdout.write(
            f"Queued kiosk rebuilds of {len(codes)} cluster(s): {', '.join(codes)}"
            if codes
            else "No active cluster to rebuild."
        )
