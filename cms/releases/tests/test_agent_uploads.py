"""Spooled feedback and play logs arrive exactly once (idempotency keys)."""

import threading
import uuid

import pytest
from django.db import connection

from cms.releases.models import AgentUpload
from cms.releases.services import agent_upload_record, credential_issue

pytestmark = pytest.mark.django_db
UPLOADS = "/api/agent/v1/clusters/{code}/uploads"


@pytest.fixture
def token(cluster):
    return credential_issue(cluster=cluster).token


def _post(client, token, items, code="bo-y"):
    return client.post(
        UPLOADS.format(code=code),
        {"items": items},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )


FEEDBACK = {
    "idempotency_key": "7d4f2a52-0c1e-4a7e-9b1e-2f7d0d1c9a01",
    "kind": "feedback",
    "created_at": "2026-11-24T07:59:30+00:00",
    "payload": {"kiosk": "k1", "locale": "lo", "text": "ຂອບໃຈ", "at": "2026-11-24"},
}
PLAY = {
    "idempotency_key": "play-k1-2026-11-24T08:00:00Z-42",
    "kind": "play_log",
    # A valid play log (format: cms/broadcasting/proof/payload.py).
    "payload": {
        "face": "kiosk",
        "programme_id": 42,
        "rendition_sha256": "ab" * 32,
        "started_at": "2026-11-24T08:00:00+00:00",
        "ended_at": "2026-11-24T08:00:30+00:00",
        "kind": "scheduled",
        "advertising": False,
    },
}


def test_an_item_sent_twice_is_kept_once_and_answered_duplicate(client, token):
    first = _post(client, token, [FEEDBACK, PLAY])
    assert first.status_code == 200
    assert first.json() == {
        "results": [
            {"idempotency_key": FEEDBACK["idempotency_key"], "status": "accepted"},
            {"idempotency_key": PLAY["idempotency_key"], "status": "accepted"},
        ],
        "accepted": 2,
        "duplicate": 0,
        "rejected": 0,
    }

    retry = _post(client, token, [PLAY, FEEDBACK])

    assert [r["status"] for r in retry.json()["results"]] == ["duplicate"] * 2
    assert AgentUpload.objects.count() == 2
    kept = AgentUpload.objects.get(kind="feedback")
    assert kept.payload == FEEDBACK["payload"]
    assert kept.spooled_at.isoformat() == FEEDBACK["created_at"]
    assert AgentUpload.objects.get(kind="play_log").spooled_at is None


def test_the_same_key_from_two_clusters_is_two_items(client, token, other_cluster):
    other = credential_issue(cluster=other_cluster).token
    _post(client, token, [FEEDBACK])
    response = _post(client, other, [FEEDBACK], code="le-thanh")
    assert response.json()["accepted"] == 1
    assert AgentUpload.objects.count() == 2


def test_bad_items_are_rejected_with_the_reason_and_the_rest_kept(client, token):
    items = [
        {"idempotency_key": "a1", "kind": "selfie", "payload": {}},
        {"kind": "feedback", "payload": {}},
        "not an object",
        FEEDBACK,
        {**FEEDBACK, "payload": {"text": "other"}},
    ]
    results = _post(client, token, items).json()["results"]
    assert [r["status"] for r in results] == [
        "rejected",
        "rejected",
        "rejected",
        "accepted",
        "rejected",
    ]
    assert "'selfie' is not one of feedback, play_log" in results[0]["error"]
    assert "idempotency_key None" in results[1]["error"]
    assert "already used" in results[4]["error"]
    assert AgentUpload.objects.count() == 1


@pytest.mark.parametrize(
    "body",
    [{"items": []}, {"items": "x"}, {"nothing": 1}, [1, 2]],
)
def test_a_batch_without_items_is_400(client, token, body):
    response = client.post(
        UPLOADS.format(code="bo-y"),
        body,
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert response.status_code == 400
    assert '{"items": [...]}' in response.json()["error"]


def test_a_body_that_is_not_json_is_400(client, token):
    response = client.post(
        UPLOADS.format(code="bo-y"),
        b"{not json",
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert response.status_code == 400
    assert "not JSON" in response.json()["error"]


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_posts_of_one_key_keep_one_item(cluster):
    key = str(uuid.uuid4())
    barrier = threading.Barrier(2)
    created: list[bool] = []
    errors: list[BaseException] = []

    def send():
        try:
            barrier.wait()
            _row, was_created = agent_upload_record(
                cluster=cluster,
                kind="play_log",
                idempotency_key=key,
                payload=PLAY["payload"],
            )
            created.append(was_created)
        except BaseException as err:  # reported below
            errors.append(err)
        finally:
            connection.close()

    threads = [threading.Thread(target=send) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert sorted(created) == [False, True]
    assert AgentUpload.objects.filter(idempotency_key=key).count() == 1
