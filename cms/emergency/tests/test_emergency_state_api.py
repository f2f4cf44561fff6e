"""The agent API serves each cluster's signed emergency state, to its credential."""

from pathlib import Path

import pytest

from cms.editorial.models import Role
from cms.emergency.services import emergency_issue, faces_switch
from cms.releases.services import credential_issue
from kiosk_site.agent.emergency_format import StateRefused, state_open

from .factories import ClusterFactory, user

pytestmark = pytest.mark.django_db


@pytest.fixture
def bo_y(db):
    return ClusterFactory(code="bo-y", languages=["vi"])


def _get(client, code: str, token: str | None):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
    return client.get(f"/api/agent/v1/clusters/{code}/emergency", **headers)


def test_the_state_is_signed_by_the_key_the_agents_root_metadata_names(
    client, settings, bo_y
):
    token = credential_issue(cluster=bo_y).token
    head = user("head", Role.HEAD)
    emergency_issue(user=head, clusters=[bo_y], messages={"vi": ("Lũ", "Lũ về.")})

    response = _get(client, "bo-y", token)

    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-cache"
    state = state_open(
        envelope=response.json(),
        root_path=Path(settings.RELEASE_ROOT_METADATA),
        cluster="bo-y",
    )
    assert state["emergency"]["messages"] == [
        {"lang": "vi", "title": "Lũ", "text": "Lũ về."}
    ]
    with pytest.raises(StateRefused, match="is for cluster 'bo-y'"):
        state_open(
            envelope=response.json(),
            root_path=Path(settings.RELEASE_ROOT_METADATA),
            cluster="le-thanh",
        )


def test_every_change_sends_a_higher_sequence(client, settings, bo_y):
    token = credential_issue(cluster=bo_y).token
    head = user("head", Role.HEAD)
    root = Path(settings.RELEASE_ROOT_METADATA)

    def sequence() -> int:
        envelope = _get(client, "bo-y", token).json()
        return state_open(envelope=envelope, root_path=root, cluster="bo-y")["sequence"]

    first = sequence()
    emergency_issue(user=head, clusters=[bo_y], messages={"vi": ("Lũ", "Lũ về.")})
    second = sequence()
    faces_switch(user=head, cluster=bo_y, face_code="", switched_on=False)
    third = sequence()

    assert first == 0 < second < third


def test_another_clusters_credential_or_none_is_refused(client, bo_y):
    other = ClusterFactory(code="le-thanh")
    token = credential_issue(cluster=other).token

    assert _get(client, "bo-y", token).status_code == 403
    assert _get(client, "bo-y", None).status_code == 401


def test_without_a_signing_key_the_agent_is_told_why(client, settings, tmp_path, bo_y):
    token = credential_issue(cluster=bo_y).token
    settings.RELEASE_SIGNING_KEY = str(tmp_path / "absent.pem")

    response = _get(client, "bo-y", token)

    assert response.status_code == 503
    assert "RELEASE_SIGNING_KEY" in response.json()["error"]
