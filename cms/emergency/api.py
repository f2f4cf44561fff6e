"""The agent API's emergency endpoint: the cluster's state, signed.

``GET api/agent/v1/clusters/<code>/emergency`` with the cluster's bearer
credential (as every agent endpoint, `cms.releases.api.agent_endpoint`)
answers the DSSE envelope of `selectors.cluster_state`, signed with the
release key; 503 ``{"error"}`` when the CMS has no signing key.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse

from cms.clusters.models import Cluster
from cms.releases.api import agent_endpoint

from .errors import EmergencyError
from .selectors import cluster_state_envelope


@agent_endpoint("GET")
def emergency_state(request: HttpRequest, *, cluster: Cluster) -> HttpResponse:
    """The cluster's signed emergency state (never cached: it changes any time)."""
    try:
        response = JsonResponse(cluster_state_envelope(cluster=cluster))
    except EmergencyError as err:
        response = JsonResponse({"error": str(err)}, status=503)
    response["Cache-Control"] = "private, no-cache"
    return response
