from django_tasks import task

from . import services


@task()
def feedback_contacts_erase() -> int:
    """Erase the contacts whose keeping period after closing is over."""
    return services.feedback_contacts_erase()
