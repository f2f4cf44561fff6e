"""The fleet view: who sees it, what it shows, and its audit-logged actions."""

import re
import tarfile
from datetime import timedelta
from io import BytesIO

import pytest
from django.urls import reverse
from django_tasks import default_task_backend
from wagtail.models import ModelLogEntry

from cms.editorial.models import Role
from cms.releases.models import ClusterCredential, Release
from cms.releases.selectors import credential_for_token
from cms.releases.services import agent_report_record, release_publish

from .factories import provider, user

pytestmark = pytest.mark.django_db
FLEET = reverse("releases_fleet")


@pytest.fixture
def technician(db):
    return user("technician", Role.TECHNICIAN)


def _logged(cluster, action, by):
    return ModelLogEntry.objects.filter(
        object_id=str(cluster.pk), action=action, user=by
    ).exists()


def test_a_technician_sees_every_cluster_with_its_drift(
    client, technician, cluster, other_cluster, built_site
):
    release_publish(cluster=cluster)
    release_publish(cluster=cluster)
    agent_report_record(
        cluster=cluster,
        status={"running_build": 1, "disk_free_bytes": 2 * 1024**3, "last_error": None},
    )
    client.force_login(technician)

    response = client.get(FLEET)

    assert response.status_code == 200
    rows = {row.cluster.code: row for row in response.context["rows"]}
    assert set(rows) == {"bo-y", "le-thanh"}
    assert (rows["bo-y"].assigned_build, rows["bo-y"].running_build) == (2, 1)
    assert rows["bo-y"].drift == 1 and not rows["bo-y"].is_silent
    assert rows["le-thanh"].drift is None and rows["le-thanh"].is_silent
    html = response.content.decode()
    assert re.search(r"2[.,]0\xa0GB", html) and "le-thanh" in html
    assert reverse("releases_fleet_publish", args=["bo-y"]) in html
    assert FLEET in client.get(reverse("wagtailadmin_home")).content.decode()


def test_an_agent_silent_past_the_threshold_is_marked(
    client, technician, cluster, settings
):
    report = agent_report_record(cluster=cluster, status={"running_build": 1})
    settings.RELEASE_AGENT_SILENT_MINUTES = 15
    type(report).objects.filter(pk=report.pk).update(
        received_at=report.received_at - timedelta(minutes=42)
    )
    client.force_login(technician)
    html = client.get(FLEET).content.decode()
    assert "42" in html and "fleet-silent" in html


def test_a_provider_is_refused_the_fleet(client, cluster):
    client.force_login(provider())
    response = client.get(FLEET)
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    assert FLEET not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_an_inspector_reads_the_fleet_but_cannot_act(client, cluster, built_site):
    inspector = user("inspector", Role.INSPECTOR)
    client.force_login(inspector)
    response = client.get(FLEET)
    assert response.status_code == 200
    assert reverse("releases_fleet_publish", args=["bo-y"]) not in (
        response.content.decode()
    )
    refused = client.post(reverse("releases_fleet_publish", args=["bo-y"]))
    assert refused.status_code == 302 and not Release.objects.exists()


def test_publish_now_and_rebuild_are_audit_logged(
    client, technician, cluster, built_site, settings
):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}
    }
    client.force_login(technician)

    client.post(reverse("releases_fleet_publish", args=["bo-y"]))
    client.post(reverse("releases_fleet_rebuild", args=["bo-y"]))

    assert Release.objects.get().published_by == technician
    assert _logged(cluster, "releases.publish", technician)
    assert _logged(cluster, "releases.rebuild", technician)
    queued = [r.kwargs for r in default_task_backend.results]
    assert queued == [{"cluster_code": "bo-y"}]


def test_the_bundle_download_is_a_tar_of_the_release_and_is_logged(
    client, technician, cluster, built_site
):
    release_publish(cluster=cluster)
    client.force_login(technician)
    response = client.get(reverse("releases_fleet_bundle", args=["bo-y"]))
    assert response.status_code == 200
    assert "kiosk-bo-y-build-1.tar" in response["Content-Disposition"]
    with tarfile.open(fileobj=BytesIO(b"".join(response.streaming_content))) as tar:
        names = tar.getnames()
    assert names[0] == "kiosk-bundle.json"
    assert "bo-y/metadata/timestamp.json" in names
    assert _logged(cluster, "releases.bundle", technician)


def test_credentials_are_issued_rotated_and_revoked_with_the_token_shown_once(
    client, technician, cluster
):
    client.force_login(technician)
    issue = reverse("releases_fleet_credential", args=["bo-y", "issue"])
    assert client.get(issue).status_code == 200
    assert not ClusterCredential.objects.exists()

    shown = client.post(issue)
    token = shown.context["token"]
    assert token in shown.content.decode()
    assert "no-store" in shown["Cache-Control"]
    assert credential_for_token(token=token).cluster == cluster
    assert token not in client.get(FLEET).content.decode()

    rotate = reverse("releases_fleet_credential", args=["bo-y", "rotate"])
    new = client.post(rotate).context["token"]
    assert new != token and not credential_for_token(token=token).is_active

    client.post(reverse("releases_fleet_credential", args=["bo-y", "revoke"]))
    assert not credential_for_token(token=new).is_active
    for action in ("issue", "rotate", "revoke"):
        assert _logged(cluster, f"releases.credential_{action}", technician)


def test_site_history_names_the_release_actions(client, cluster, built_site):
    admin = user("admin", Role.ADMINISTRATOR)
    release_publish(cluster=cluster, user=admin)
    client.force_login(admin)
    html = client.get(reverse("wagtailadmin_reports:site_history_results")).content
    assert "Đã phát hành bản dựng 1 (10 tệp)" in html.decode()
