"""The play_log payload the LED player writes, checked field by field.

One completed play per spooled item::

    {"face": "lao", "programme_id": 42, "rendition_sha256": "<64 hex>",
     "started_at": "2026-11-24T08:00:00.250+07:00",
     "ended_at": "2026-11-24T08:00:30.250+07:00",
     "kind": "scheduled", "advertising": false}

``face`` is one of the cluster's LED face codes or ``kiosk``;
``programme_id`` and ``rendition_sha256`` may be null for an emergency
message (no programme); times carry a UTC offset; a play lasts 0 to 24 h;
``kind`` is ``scheduled`` or ``emergency``; ``advertising`` true or false.
Other keys are ignored.
"""

from __future__ import annotations

import datetime as dt
import re

from cms.releases.errors import AgentDataError

KINDS = ("scheduled", "emergency")
KIOSK_FACE = "kiosk"
MAX_PLAY = dt.timedelta(hours=24)
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


class PlayLogError(AgentDataError):
    """A play_log payload the CMS cannot record; the message says what to fix."""


def _time(payload: dict, name: str) -> dt.datetime:
    value = payload.get(name)
    try:
        parsed = dt.datetime.fromisoformat(value)
    except (TypeError, ValueError) as err:
        raise PlayLogError(
            f"play_log {name} {value!r:.60} is not an ISO 8601 time, e.g. "
            "2026-11-24T08:00:00+07:00"
        ) from err
    if parsed.tzinfo is None:
        raise PlayLogError(
            f"play_log {name} {value!r} has no UTC offset; add one, e.g. +07:00"
        )
    return parsed


def _programme(payload: dict) -> int | None:
    value = payload.get("programme_id")
    if value is None or (isinstance(value, int) and not isinstance(value, bool)):
        if value is None or value > 0:
            return value
    raise PlayLogError(
        f"play_log programme_id {value!r:.40} must be a programme's id (a whole "
        "number above 0) or null"
    )


def _rendition(payload: dict, programme_id: int | None) -> str:
    value = payload.get("rendition_sha256")
    if value is None and programme_id is None:
        return ""
    if isinstance(value, str) and _SHA256.match(value):
        return value
    raise PlayLogError(
        f"play_log rendition_sha256 {value!r:.80} must be the 64 lower-case hex "
        "digits of the played file's sha256 (null only without a programme)"
    )


def _choice(payload: dict, name: str, allowed: tuple) -> object:
    value = payload.get(name)
    if value not in allowed or type(value) is not type(allowed[0]):
        shown = ", ".join(repr(a) for a in allowed)
        raise PlayLogError(f"play_log {name} {value!r:.40} must be one of {shown}")
    return value


def play_fields(payload: object, *, faces: set[str]) -> dict:
    """The PlayRecord fields of ``payload``; raises `PlayLogError` naming the fault."""
    if not isinstance(payload, dict):
        raise PlayLogError(f"a play_log payload is a JSON object, got {payload!r:.60}")
    face = _choice(payload, "face", tuple(sorted(faces | {KIOSK_FACE})))
    started, ended = _time(payload, "started_at"), _time(payload, "ended_at")
    if not dt.timedelta(0) <= ended - started <= MAX_PLAY:
        raise PlayLogError(
            f"play_log ended_at {payload['ended_at']} must be 0 to 24 h after "
            f"started_at {payload['started_at']}"
        )
    programme_id = _programme(payload)
    return {
        "face": face,
        "programme_id": programme_id,
        "rendition_sha256": _rendition(payload, programme_id),
        "started_at": started,
        "ended_at": ended,
        "duration_ms": (ended - started) // dt.timedelta(milliseconds=1),
        "kind": _choice(payload, "kind", KINDS),
        "advertising": _choice(payload, "advertising", (False, True)),
    }
