"""The canonical form of play records and daily heads, and their hashes.

Shared by the CMS (which writes the chain) and the verifier (which needs
only an export and the public key), so it imports no Django.
"""

from __future__ import annotations

import hashlib
import json

GENESIS = "0" * 64
FORMAT = "proof-of-play-1"  # the export's "format"
# The fields of a record its hash covers, in the export's column order.
RECORD_FIELDS = (
    "cluster",
    "seq",
    "face",
    "programme_id",
    "rendition_sha256",
    "started_at",
    "ended_at",
    "duration_ms",
    "kind",
    "advertising",
    "upload_key",
    "received_at",
)
HEAD_FIELDS = ("cluster", "date", "last_seq", "last_hash", "count")


def canonical(data: dict) -> bytes:
    """Sorted keys, no spaces, UTF-8: the same bytes for the same values."""
    return json.dumps(
        data, sort_keys=True, separators=(",", ":"), ensure_ascii=False
    ).encode("utf-8")


def record_hash(fields: dict, prev_hash: str) -> str:
    """sha256 (hex) of the record's fields plus the previous record's hash."""
    data = {name: fields[name] for name in RECORD_FIELDS}
    return hashlib.sha256(canonical(data | {"prev_hash": prev_hash})).hexdigest()


def head_bytes(head: dict) -> bytes:
    """What the daily head's signature covers."""
    return canonical({name: head[name] for name in HEAD_FIELDS})
