"""Each cluster's credential: another cluster's is refused, an ended one at once."""

import pytest
from django.db import IntegrityError, transaction
from wagtail.models import ModelLogEntry

from cms.releases.errors import CredentialError
from cms.releases.models import ClusterCredential
from cms.releases.services import (
    credential_issue,
    credential_revoke,
    credential_rotate,
    release_publish,
)

pytestmark = pytest.mark.django_db
TIMESTAMP = "/api/agent/v1/clusters/{code}/metadata/timestamp.json"
REPORT = "/api/agent/v1/clusters/{code}/report"


@pytest.fixture
def both_published(settings, cluster, other_cluster, tmp_path):
    from .factories import site_make

    for each in (cluster, other_cluster):
        release_publish(cluster=each, site_dir=site_make(out_dir=tmp_path / each.code))


def _get(client, code, token):
    return client.get(TIMESTAMP.format(code=code), HTTP_AUTHORIZATION=f"Bearer {token}")


def _report(client, code, token):
    return client.post(
        REPORT.format(code=code),
        {"running_build": 1},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )


def test_a_cluster_cannot_read_another_clusters_release(
    client, cluster, other_cluster, both_published
):
    token_a = credential_issue(cluster=cluster).token
    assert _get(client, "bo-y", token_a).status_code == 200

    response = _get(client, "le-thanh", token_a)

    assert response.status_code == 403
    assert "belongs to cluster bo-y, not le-thanh" in response.json()["error"]


def test_a_cluster_cannot_report_as_another(client, cluster, other_cluster):
    token_a = credential_issue(cluster=cluster).token
    response = _report(client, "le-thanh", token_a)
    assert response.status_code == 403
    assert not other_cluster.agent_reports.exists()
    assert _report(client, "bo-y", token_a).status_code == 200


def test_no_or_unknown_credential_is_401(client, cluster, both_published):
    missing = client.get(TIMESTAMP.format(code="bo-y"))
    assert missing.status_code == 401
    assert "Authorization: Bearer" in missing.json()["error"]
    assert missing["WWW-Authenticate"].startswith("Bearer")
    unknown = _get(client, "bo-y", "not-a-token-of-anyone")
    assert unknown.status_code == 401
    assert "not known" in unknown.json()["error"]


def test_a_revoked_credential_is_refused_at_once(client, cluster, both_published):
    token = credential_issue(cluster=cluster).token
    assert _get(client, "bo-y", token).status_code == 200

    credential_revoke(cluster=cluster)

    response = _get(client, "bo-y", token)
    assert response.status_code == 401
    assert "revoked" in response.json()["error"]
    assert _report(client, "bo-y", token).status_code == 401


def test_a_rotated_away_credential_is_refused_and_the_new_one_works(
    client, cluster, both_published
):
    old = credential_issue(cluster=cluster).token
    new = credential_rotate(cluster=cluster).token

    refused = _get(client, "bo-y", old)
    assert refused.status_code == 401
    assert "rotated" in refused.json()["error"]
    assert _get(client, "bo-y", new).status_code == 200


def test_the_token_is_stored_only_as_a_hash_with_a_visible_prefix(cluster):
    issued = credential_issue(cluster=cluster)
    stored = ClusterCredential.objects.get()
    assert issued.token not in (stored.token_sha256, stored.prefix)
    assert issued.token.startswith(stored.prefix) and len(stored.prefix) == 8
    assert len(issued.token) >= 40


def test_only_one_credential_is_active_per_cluster(cluster, django_user_model):
    admin = django_user_model.objects.create(username="admin")
    first = credential_issue(cluster=cluster, user=admin).credential
    with pytest.raises(CredentialError) as refused:
        credential_issue(cluster=cluster)
    assert f"bo-y đang có khóa truy cập {first.prefix}…" in str(refused.value)
    with pytest.raises(IntegrityError), transaction.atomic():
        ClusterCredential.objects.create(
            cluster=cluster, prefix="x", token_sha256="0" * 64
        )
    credential_rotate(cluster=cluster, user=admin)
    credential_revoke(cluster=cluster, user=admin)
    with pytest.raises(CredentialError, match="bo-y không có khóa truy cập"):
        credential_revoke(cluster=cluster)
    actions = ModelLogEntry.objects.filter(object_id=str(cluster.pk), user=admin)
    assert sorted(actions.values_list("action", flat=True)) == [
        "releases.credential_issue",
        "releases.credential_revoke",
        "releases.credential_rotate",
    ]
