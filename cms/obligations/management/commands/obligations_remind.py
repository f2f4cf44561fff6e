"""Queue (or run) the obligation reminder e-mails.

Schedule it once a day, e.g. in the CMS server's crontab:

    30 7 * * * cd /srv/cms && .venv/bin/python manage.py obligations_remind

The task runs on the db_worker like every other task; a reminder goes out once
per obligation and due date however often this runs.
"""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from ... import services
from ...tasks import obligation_reminders_send


class Command(BaseCommand):
    help = "Queue the e-mail reminders for submission obligations due soon."

    def add_arguments(self, parser):
        parser.add_argument(
            "--now",
            action="store_true",
            help="Send in this process instead of queueing the task.",
        )

    def handle(self, *args, now=False, **options):
        if now:
            sent = services.obligation_reminders_send()
            self.stdout.write(_("%(count)d reminder(s) sent.") % {"count": sent})
            return
        result = obligation_reminders_send.enqueue()
        self.stdout.write(_("Reminder task queued: %(id)s") % {"id": result.id})
