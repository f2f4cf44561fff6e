from django.urls import path

from .api import api_router
from .views import cluster_snapshot_view

urlpatterns = [
    path("api/v2/", api_router.urls),
    path(
        "api/kiosk/v1/clusters/<slug:code>/snapshot.json",
        cluster_snapshot_view,
        name="kiosk_cluster_snapshot",
    ),
]
