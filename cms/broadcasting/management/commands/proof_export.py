"""manage.py proof_export --cluster CODE --from D --to D --format csv|json --out FILE"""

import datetime as dt
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cms.broadcasting.proof.export import export_csv, export_data, export_json
from cms.clusters.models import Cluster


class Command(BaseCommand):
    help = "Write a cluster's play records and signed daily heads for inspection."

    def add_arguments(self, parser):
        parser.add_argument("--cluster", required=True, help="the cluster's code")
        parser.add_argument(
            "--from",
            dest="start",
            type=dt.date.fromisoformat,
            required=True,
            help="first local day, YYYY-MM-DD",
        )
        parser.add_argument(
            "--to",
            dest="end",
            type=dt.date.fromisoformat,
            required=True,
            help="last local day, YYYY-MM-DD",
        )
        parser.add_argument("--format", choices=("csv", "json"), default="csv")
        parser.add_argument("--out", type=Path, required=True, help="file to write")

    def handle(self, *args, **options):
        cluster = Cluster.objects.filter(code=options["cluster"]).first()
        if cluster is None:
            codes = ", ".join(Cluster.objects.values_list("code", flat=True))
            raise CommandError(
                f"no cluster {options['cluster']!r}; the clusters are: {codes}"
            )
        start, end = options["start"], options["end"]
        if end < start:
            raise CommandError(f"--to {end} is before --from {start}")
        data = export_data(cluster=cluster, start=start, end=end)
        write = export_csv if options["format"] == "csv" else export_json
        options["out"].write_text(write(data), encoding="utf-8")
        self.stdout.write(
            f"{len(data['records'])} records and {len(data['heads'])} daily heads "
            f"of {cluster.code} written to {options['out']}"
        )
