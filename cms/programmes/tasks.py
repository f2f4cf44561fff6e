from django_tasks import task

from . import services


@task()
def transcode_programme(programme_id: int) -> int:
    """Encode the renditions a programme still needs (see services)."""
    return services.renditions_transcode(programme_id=programme_id)
