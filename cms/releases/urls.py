"""The agent API, included under ``api/agent/v1/`` (formats in README.md)."""

from django.urls import path, re_path

from . import api

urlpatterns = [
    re_path(
        r"^clusters/(?P<code>[a-z0-9][a-z0-9-]*)/(?P<kind>metadata|targets|objects)/"
        r"(?P<path>.+)$",
        api.release_file,
        name="agent_release_file",
    ),
    path("clusters/<slug:code>/report", api.agent_report, name="agent_report"),
    path("clusters/<slug:code>/uploads", api.agent_uploads, name="agent_uploads"),
]
