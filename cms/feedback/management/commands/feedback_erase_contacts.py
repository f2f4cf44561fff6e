"""Queue (or run) the erasure of feedback contacts kept long enough.

A contact given with consent is kept FEEDBACK_CONTACT_KEEP_DAYS after its item
is closed, then erased. Schedule it once a day, e.g. in the CMS server's crontab:

    15 2 * * * cd /srv/cms && .venv/bin/python manage.py feedback_erase_contacts
"""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from ... import services
from ...tasks import feedback_contacts_erase


class Command(BaseCommand):
    help = "Erase the contacts of feedback closed longer ago than the keeping period."

    def add_arguments(self, parser):
        parser.add_argument(
            "--now",
            action="store_true",
            help="Erase in this process instead of queueing the task.",
        )

    def handle(self, *args, now=False, **options):
        if now:
            erased = services.feedback_contacts_erase()
            self.stdout.write(_("%(count)d contact(s) erased.") % {"count": erased})
            return
        result = feedback_contacts_erase.enqueue()
        self.stdout.write(_("Erasure task queued: %(id)s") % {"id": result.id})
