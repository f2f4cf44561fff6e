from django_tasks import task

from . import services, silence


@task()
def incidents_watch() -> dict[str, int]:
    """Open and resolve cluster-silent incidents; resend failed security e-mails."""
    result = silence.clusters_silent_check()
    return {
        "opened": len(result.opened),
        "resolved": len(result.resolved),
        "security_emails_sent": services.security_notifications_retry(),
    }
