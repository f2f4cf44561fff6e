"""manage.py proof_verify FILE [--root root.json]: check a proof_export file.

The same check as ``python -m cms.broadcasting.proof.verify``; the root
metadata defaults to RELEASE_ROOT_METADATA.
"""

import sys

from django.conf import settings
from django.core.management.base import BaseCommand

from cms.broadcasting.proof.verify import main


class Command(BaseCommand):
    help = "Recompute a proof-of-play export's chain and check its signatures."

    def add_arguments(self, parser):
        parser.add_argument("export", help="the proof_export file (CSV or JSON)")
        parser.add_argument("--root", help="root.json (default RELEASE_ROOT_METADATA)")

    def handle(self, *args, **options):
        root = options["root"] or str(settings.RELEASE_ROOT_METADATA)
        code = main([options["export"], "--root", root])
        if code:
            sys.exit(code)
