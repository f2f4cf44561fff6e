from django_tasks import task

from cms.clusters.models import Cluster

from . import services


@task()
def kiosk_rebuild(cluster_code: str) -> dict:
    """Rebuild one cluster's kiosk after a publish that affects it."""
    cluster = Cluster.objects.get(code=cluster_code)
    report = services.kiosk_build(cluster=cluster)
    return {"cluster": cluster_code, "summary": report.summary()}
