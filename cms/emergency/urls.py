"""The emergency endpoint of the agent API, included under ``api/agent/v1/``."""

from django.urls import path

from . import api

urlpatterns = [
    path(
        "clusters/<slug:code>/emergency",
        api.emergency_state,
        name="agent_emergency_state",
    ),
]
