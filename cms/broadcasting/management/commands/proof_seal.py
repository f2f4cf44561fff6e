"""manage.py proof_seal [--date YYYY-MM-DD]: sign each cluster's daily chain head.

Run daily after midnight (cron or a systemd timer, README "Proof of play");
the default date is yesterday. A day sealed already is left as it is.
"""

import datetime as dt

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from cms.broadcasting.proof.services import SealError, proof_seal
from kiosk_site.errors import ReleaseError


class Command(BaseCommand):
    help = "Sign each cluster's proof-of-play chain head as at the end of a day."

    def add_arguments(self, parser):
        parser.add_argument(
            "--date",
            type=dt.date.fromisoformat,
            help="the local day to seal, YYYY-MM-DD (default: yesterday)",
        )

    def handle(self, *args, **options):
        day = options["date"] or timezone.localdate() - dt.timedelta(days=1)
        try:
            heads = proof_seal(day=day)
        except (SealError, ReleaseError) as err:
            raise CommandError(str(err)) from err
        for head in heads:
            self.stdout.write(
                f"{head.cluster.code} {head.date}: {head.count} records, "
                f"last seq {head.last_seq}, signed by {head.key_id[:12]}…"
            )
        self.stdout.write(f"{len(heads)} daily heads sealed for {day}.")
