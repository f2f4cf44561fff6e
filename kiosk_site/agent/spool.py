"""The on-disk spool of feedback and play logs waiting for the CMS.

One JSON file per item, ``spool/<idempotency key>.json``, holding
``{"idempotency_key", "kind", "created_at", "payload"}``. An item is written
to a temporary file, flushed, then linked to its final name (which fails if
the name exists, so the same item is never spooled twice) and the folder is
flushed, all before the kiosk gets its 2xx. The uploader deletes a file only
after the CMS acknowledged its key ("accepted" or "duplicate"), and resends
it with the same key otherwise, so each item is counted exactly once across
restarts, retries and lost answers. Items the CMS rejects move to
``spool/rejected/`` with the reason beside them.
"""

from __future__ import annotations

import json
import os
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from kiosk_site.agent.layout import write_atomic
from kiosk_site.errors import AgentError
from kiosk_site.release.objects import fsync_dir

KINDS = ("feedback", "play_log")
# A client id (the kiosk form's own "id") always maps to the same key, so a
# resend after a lost answer is recognised as the same item.
_CLIENT_IDS = uuid.UUID("6f1c5f7e-2a51-4c1e-9a57-4b8c0d8e2f10")


class SpoolFull(AgentError):
    """The spool holds its maximum number of items; the CMS is not reachable."""


@dataclass(frozen=True)
class SpoolItem:
    """One spooled item, as sent to the CMS."""

    idempotency_key: str
    kind: str
    created_at: str
    payload: dict
    path: Path

    def as_upload(self) -> dict:
        """The item in the CMS's upload format."""
        return {
            "idempotency_key": self.idempotency_key,
            "kind": self.kind,
            "created_at": self.created_at,
            "payload": self.payload,
        }


def item_key(*, kind: str, payload: dict) -> str:
    """The item's idempotency key: from the client's id if it sent one, else new."""
    client_id = payload.get("id")
    if isinstance(client_id, str | int) and str(client_id).strip():
        name = f"{kind}:{payload.get('kiosk', '')}:{client_id}"
        return str(uuid.uuid5(_CLIENT_IDS, name))
    return str(uuid.uuid4())


def _age(path: Path) -> tuple[int, str]:
    try:
        return path.stat().st_mtime_ns, path.name
    except FileNotFoundError:  # taken by another uploader meanwhile
        return 0, path.name


class Spool:
    """The spool folder of one agent (``<data_dir>/spool``)."""

    def __init__(self, *, root: Path, max_items: int = 100_000) -> None:
        self.root = root
        self.rejected = root / "rejected"
        self.max_items = max_items

    def _files(self) -> list[Path]:
        if not self.root.is_dir():
            return []
        return [
            Path(entry.path)
            for entry in os.scandir(self.root)
            if entry.name.endswith(".json") and not entry.name.startswith(".")
        ]

    def count(self) -> int:
        """How many items wait for upload."""
        return len(self._files())

    def add(self, *, kind: str, payload: dict) -> tuple[str, bool]:
        """Spool ``payload`` durably; return (idempotency key, newly added).

        Raises `SpoolFull` when ``max_items`` wait already.
        """
        if kind not in KINDS:
            raise AgentError(f"spool kind {kind!r} is not one of {', '.join(KINDS)}")
        key = item_key(kind=kind, payload=payload)
        final = self.root / f"{key}.json"
        if final.exists():
            return key, False
        if self.count() >= self.max_items:
            raise SpoolFull(
                f"the spool {self.root} holds {self.max_items} items already; the "
                "CMS has not taken any for long. Check the agent's server_url and "
                "credential (or raise spool_max_items)"
            )
        now = datetime.now(UTC).isoformat(timespec="milliseconds")
        item = {"idempotency_key": key, "kind": kind, "created_at": now}
        data = json.dumps(item | {"payload": payload}, ensure_ascii=False)
        return key, self._write_once(final=final, data=data.encode())

    def _write_once(self, *, final: Path, data: bytes) -> bool:
        self.root.mkdir(parents=True, exist_ok=True)
        tmp = self.root / f".{final.stem}.{uuid.uuid4().hex}.tmp"
        try:
            with open(tmp, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            os.link(tmp, final)
        except FileExistsError:
            return False
        finally:
            tmp.unlink(missing_ok=True)
        fsync_dir(path=self.root)
        return True

    def oldest(self, *, limit: int) -> list[SpoolItem]:
        """Up to ``limit`` items, oldest first (unreadable files are set aside)."""
        files = sorted(self._files(), key=_age)
        items = []
        for path in files[:limit]:
            try:
                doc = json.loads(path.read_bytes())
                items.append(SpoolItem(**doc, path=path))
            except (ValueError, TypeError) as err:
                self.reject(path=path, reason=f"unreadable spool file: {err}")
            except FileNotFoundError:
                continue  # another uploader took it
        return items

    def remove(self, *, item: SpoolItem) -> None:
        """Forget an item the CMS acknowledged."""
        item.path.unlink(missing_ok=True)

    def reject(self, *, path: Path, reason: str) -> None:
        """Set aside an item the CMS refused, with the reason beside it."""
        self.rejected.mkdir(parents=True, exist_ok=True)
        write_atomic(path=self.rejected / f"{path.stem}.reason.txt", data=reason)
        os.replace(path, self.rejected / path.name)
