import logging

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from cms.demo.errors import DemoSeedError
from cms.demo.services import demo_seed


class Command(BaseCommand):
    help = _(
        "Load the demo province: agencies, clusters, users (one per role), "
        "translated pages and programmes. Safe to run again; refuses production "
        "settings."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--password",
            help=_(
                "Password for every demo user (12+ characters with upper- and "
                "lower-case letters, a digit and a symbol). Generated if left out."
            ),
        )

    def handle(self, *args, password=None, verbosity=1, **options):
        # Wagtail logs every page it creates and publishes at INFO: hundreds
        # of lines that would bury the summary below.
        wagtail_logger = logging.getLogger("wagtail")
        level = wagtail_logger.level
        if verbosity < 2:
            wagtail_logger.setLevel(logging.WARNING)
        try:
            result = demo_seed(password=password)
        except DemoSeedError as err:
            raise CommandError(str(err)) from err
        finally:
            wagtail_logger.setLevel(level)
        write = self.stdout.write
        write(
            self.style.SUCCESS(
                _("Demo data ready: %(pages)s pages, %(programmes)s programmes.")
                % {"pages": result.pages, "programmes": result.programmes}
            )
        )
        write("")
        write(_("Admin: %(url)s") % {"url": result.admin_url})
        write("")
        write(_("Users:"))
        width = max(len(username) for username, _label in result.users)
        for username, label in result.users:
            write(f"  {username.ljust(width)}  {label}")
        write("")
        if result.password_generated:
            write(
                _(
                    "Log in with any username above and this generated password "
                    "(shared by all demo users): %(password)s"
                )
                % {"password": result.password}
            )
        else:
            write(
                _(
                    "Log in with any username above and the password you gave "
                    "with --password."
                )
            )
