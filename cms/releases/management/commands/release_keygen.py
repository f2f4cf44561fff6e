from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from cms.releases.errors import ReleasesError
from cms.releases.services import release_keygen


class Command(BaseCommand):
    help = (
        "Make the province's release signing key (RELEASE_SIGNING_KEY) and the root "
        "metadata every agent trusts (RELEASE_ROOT_METADATA). Once per province."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="replace an existing key (every agent then needs the new root)",
        )

    def handle(self, *args, force, **options):
        try:
            paths = release_keygen(force=force)
        except ReleasesError as err:
            raise CommandError(str(err)) from err
        self.stdout.write(
            f"Signing key (keep on this server only): {paths.private_key}"
        )
        self.stdout.write(
            f"Root metadata: {paths.root}\n"
            "Copy it into every agent's config folder and set `root = root.json` in "
            "its [agent] section (see cms/releases/README.md)."
        )
        if force:
            self.stdout.write(
                self.style.WARNING(
                    "The key was replaced: agents with the old root metadata refuse "
                    "new releases until they get this one."
                )
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"Releases will be published into {settings.RELEASE_STORE_ROOT}."
            )
        )
