from django.core.management.base import BaseCommand

from cms.broadcasting.services import airtime_presets_ensure


class Command(BaseCommand):
    help = (
        "Create the ready-made airtime policies for the Kon Tum (Decision "
        "03/2024/QĐ-UBND, Art. 6), Cao Bằng (31/2020/QĐ-UBND, Art. 8) and An Giang "
        "(22/2024/QĐ-UBND, Art. 4) regulations where missing. --reset puts back "
        "their windows and notes where editors changed them."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Restore the presets' windows and notes.",
        )

    def handle(self, *args, reset=False, **options):
        for policy in airtime_presets_ensure(reset=reset):
            self.stdout.write(f"{policy.pk}\t{policy.name}")
