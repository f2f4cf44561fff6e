"""Queue (or run) the silent-cluster check.

Schedule it every few minutes, e.g. in the CMS server's crontab:

    */5 * * * * cd /srv/cms && .venv/bin/python manage.py incidents_watch

The task runs on the db_worker like every other task. It opens one incident
per silence however often it runs, resolves it when the agent is heard again,
and resends security-incident e-mails that failed.
"""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from ... import services, silence
from ...tasks import incidents_watch


class Command(BaseCommand):
    help = (
        "Open an incident for each cluster silent during airtime, resolve those "
        "heard again, resend failed security-incident e-mails."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--now",
            action="store_true",
            help="Run in this process instead of queueing the task.",
        )

    def handle(self, *args, now=False, **options):
        if not now:
            result = incidents_watch.enqueue()
            self.stdout.write(_("Incident check queued: %(id)s") % {"id": result.id})
            return
        check = silence.clusters_silent_check()
        sent = services.security_notifications_retry()
        for incident in check.opened:
            self.stdout.write(_("Opened: %(incident)s") % {"incident": incident})
        for incident in check.resolved:
            self.stdout.write(_("Resolved: %(incident)s") % {"incident": incident})
        self.stdout.write(
            _("%(opened)d opened, %(resolved)d resolved, %(sent)d e-mail(s) sent.")
            % {
                "opened": len(check.opened),
                "resolved": len(check.resolved),
                "sent": sent,
            }
        )
