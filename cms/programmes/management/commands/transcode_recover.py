from django.core.management.base import BaseCommand

from cms.programmes.services import renditions_recover


class Command(BaseCommand):
    help = (
        "Requeue renditions whose worker died and retry failed encodes whose "
        "back-off has passed. Run every minute beside db_worker."
    )

    def handle(self, *args, **options):
        count = renditions_recover()
        self.stdout.write(f"requeued {count} abandoned rendition(s)")
