"""Play log uploads as the agent sends them, for the proof-of-play tests."""

import datetime as dt
import uuid

from cms.clusters.models import LedFace

UPLOADS = "/api/agent/v1/clusters/{code}/uploads"
SHA = "ab" * 32


def face_make(cluster, code="lao"):
    return LedFace.objects.create(
        cluster=cluster, code=code, name=code, width_px=960, height_px=480
    )


def play(start="2026-11-24T08:00:00+07:00", seconds=30, **changes) -> dict:
    started = dt.datetime.fromisoformat(start)
    payload = {
        "face": "lao",
        "programme_id": 42,
        "rendition_sha256": SHA,
        "started_at": started.isoformat(),
        "ended_at": (started + dt.timedelta(seconds=seconds)).isoformat(),
        "kind": "scheduled",
        "advertising": False,
    }
    return payload | changes


def item(payload: dict, key: str | None = None) -> dict:
    return {
        "idempotency_key": key or str(uuid.uuid4()),
        "kind": "play_log",
        "created_at": "2026-11-24T08:00:31+07:00",
        "payload": payload,
    }


def post(client, token, items, code="bo-y"):
    return client.post(
        UPLOADS.format(code=code),
        {"items": items},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
