"""Report the agent's status to the CMS and upload its spool, exactly once.

Both go to the CMS's agent API with the cluster's bearer credential
(``cms/releases/api.py``; formats in ``kiosk_site/release/README.md``):

* ``POST <cms>/<cluster>/report`` with the status (running and assigned
  build, last check and error, free disk, agent version, ``sent_at``: the
  agent's clock, from which the CMS computes the offset);
* ``POST <cms>/<cluster>/uploads`` with ``{"items": [...]}`` in batches;
  the answer gives each key's status. A spool file is deleted only once its
  key is "accepted" or "duplicate"; "rejected" items are set aside; anything
  else (no answer, a cut connection, a 5xx) leaves the file to be resent
  with the same key, which the CMS then answers "duplicate".
"""

from __future__ import annotations

import json
import logging
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import UTC, datetime
from http.client import HTTPException

from kiosk_site.agent import AGENT_VERSION
from kiosk_site.agent.config import AgentConfig
from kiosk_site.agent.control import agent_status
from kiosk_site.agent.layout import Layout
from kiosk_site.agent.spool import Spool, SpoolItem
from kiosk_site.errors import AgentError

log = logging.getLogger("kiosk_site.agent")
REPORT_FIELDS = (
    "running_build",
    "assigned_build",
    "last_check",
    "last_error",
    "disk_free_bytes",
    "clock_offset_s",
    "agent_version",
)


class ReportError(AgentError):
    """The CMS could not be reached or did not take a report or upload."""


@dataclass
class UploadOutcome:
    """What one `spool_upload` did."""

    accepted: int = 0
    duplicate: int = 0
    rejected: int = 0
    left: int = 0


def _post(*, config: AgentConfig, path: str, body: dict) -> dict:
    url = config.cms_cluster_url + path
    headers = {
        "Content-Type": "application/json",
        "User-Agent": f"kiosk-agent/{AGENT_VERSION}",
    }
    if config.credential:
        headers["Authorization"] = f"Bearer {config.credential}"
    data = json.dumps(body, ensure_ascii=False).encode()
    request = urllib.request.Request(url, data=data, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=config.timeout_s) as response:
            return json.loads(response.read())
    except urllib.error.HTTPError as err:
        detail = err.read()[:300].decode("utf-8", "replace")
        raise ReportError(f"{url} answered HTTP {err.code}: {detail}") from err
    except (urllib.error.URLError, OSError, HTTPException, ValueError) as err:
        raise ReportError(f"{url} did not answer: {err}") from err


def agent_report(*, config: AgentConfig) -> dict:
    """Send the status report; return the CMS's answer."""
    status = agent_status(config=config)
    body = {key: status[key] for key in REPORT_FIELDS}
    body["cluster"] = config.cluster
    body["sent_at"] = datetime.now(UTC).isoformat(timespec="seconds")
    answer = _post(config=config, path="report", body=body)
    log.info("status reported (running build %s)", body["running_build"])
    return answer


def spool_upload(*, config: AgentConfig) -> UploadOutcome:
    """Upload the spool in batches until it is empty or the CMS stops answering.

    Raises `ReportError` (after keeping every acknowledged deletion) when a
    batch gets no usable answer; the items stay for the next run.
    """
    spool = Spool(root=Layout(root=config.data_dir).spool)
    outcome = UploadOutcome()
    while batch := _batch(spool=spool, config=config):
        answer = _post(
            config=config,
            path="uploads",
            body={"items": [item.as_upload() for item in batch]},
        )
        _acknowledge(spool=spool, batch=batch, answer=answer, outcome=outcome)
    outcome.left = spool.count()
    log.info(
        "uploads: %d accepted, %d duplicate, %d rejected, %d left",
        outcome.accepted,
        outcome.duplicate,
        outcome.rejected,
        outcome.left,
    )
    return outcome


def _batch(*, spool: Spool, config: AgentConfig) -> list[SpoolItem]:
    batch: list[SpoolItem] = []
    size = 0
    for item in spool.oldest(limit=config.upload_batch_items):
        size += len(json.dumps(item.as_upload(), ensure_ascii=False).encode())
        if batch and size > config.upload_batch_bytes:
            break
        batch.append(item)
    return batch


def _acknowledge(
    *, spool: Spool, batch: list[SpoolItem], answer: dict, outcome: UploadOutcome
) -> None:
    results = answer.get("results") if isinstance(answer, dict) else None
    if not isinstance(results, list):
        raise ReportError(f"the CMS answered uploads without results: {answer!r:.200}")
    by_key = {item.idempotency_key: item for item in batch}
    for result in results:
        if not isinstance(result, dict):
            continue
        item = by_key.pop(str(result.get("idempotency_key")), None)
        status = result.get("status")
        if item is None:
            continue
        if status in ("accepted", "duplicate"):
            spool.remove(item=item)
            setattr(outcome, status, getattr(outcome, status) + 1)
        elif status == "rejected":
            spool.reject(path=item.path, reason=str(result.get("error")))
            outcome.rejected += 1
            log.warning("the CMS rejected %s: %s", item.path.name, result.get("error"))
    if by_key:  # unanswered keys: stop rather than loop over the same batch
        raise ReportError(
            f"the CMS did not answer for {len(by_key)} of {len(batch)} items "
            f"(first {next(iter(by_key))}); they stay spooled"
        )
