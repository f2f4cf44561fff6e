from django_tasks import task

from . import services


@task()
def obligation_reminders_send() -> int:
    """E-mail reminders for the due dates that are near (see services)."""
    return services.obligation_reminders_send()
