"""Feedback as the kiosk agent uploads it, and the staff who handle it."""

from __future__ import annotations

import datetime as dt
import itertools

from cms.releases.services import agent_upload_record

_keys = itertools.count(1)


def kiosk_payload(message: str = "Bản đồ ở cổng 2 bị sai", **extra) -> dict:
    """A payload as the kiosk form posts it to the agent (kiosk_site/static/app.js)."""
    return {
        "id": f"lq{next(_keys)}x",
        "message": message,
        "language": "vi",
        "contact": "",
        "consent": False,
        "page": "/vi/feedback/",
        "kiosk": "bo-y-1",
        "created_at": "2026-11-24T07:59:00.000Z",
        **extra,
    }


def kiosk_upload(
    cluster,
    *,
    key: str | None = None,
    at: dt.datetime | None = None,
    payload: dict | None = None,
    **fields,
):
    """Keep one feedback upload through the agent API's service; (row, created)."""
    return agent_upload_record(
        cluster=cluster,
        kind="feedback",
        idempotency_key=key or f"key-{next(_keys)}",
        payload=payload if payload is not None else kiosk_payload(**fields),
        spooled_at=at.isoformat() if at else None,
    )
