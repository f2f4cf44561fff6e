"""The agent HTTP API: a cluster's release files, its reports and its uploads.

Every request carries ``Authorization: Bearer <token>``, the cluster's own
credential. No session, no CSRF: agents are not browsers. Every refusal is a
JSON object ``{"error": "..."}`` saying what to fix: 401 for a missing,
unknown, rotated or revoked token, 403 for another cluster's token. Formats:
README.md in this folder.
"""

from __future__ import annotations

import functools
import json
import mimetypes
import re
from collections.abc import Callable

from django.core.exceptions import RequestDataTooBig
from django.http import (
    HttpRequest,
    HttpResponse,
    JsonResponse,
    StreamingHttpResponse,
)
from django.views.decorators.csrf import csrf_exempt

from cms.clusters.models import Cluster
from kiosk_site.release.paths import UnsafePathError

from . import services
from .errors import AgentDataError, StoreError
from .selectors import credential_for_token, release_latest
from .store import StoredFile, served_file, served_range

_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


class AgentRefused(Exception):
    """A request the API answers with an error status and message."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def _error(status: int, message: str) -> JsonResponse:
    response = JsonResponse({"error": message}, status=status)
    if status == 401:
        response["WWW-Authenticate"] = 'Bearer realm="kiosk-agent"'
    return response


def _cluster_for(request: HttpRequest, code: str) -> Cluster:
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token:
        raise AgentRefused(
            401,
            "send the cluster's credential as 'Authorization: Bearer <token>'; an "
            "administrator issues it in the admin's fleet view",
        )
    credential = credential_for_token(token=token)
    if credential is None:
        raise AgentRefused(
            401,
            f"the credential {token[:8]}… is not known; install the credential "
            f"issued for cluster {code}",
        )
    if not credential.is_active:
        ended = credential.revoked_at or credential.rotated_at
        how = "revoked" if credential.revoked_at else "rotated"
        raise AgentRefused(
            401,
            f"the credential {credential.prefix}… was {how} on {ended:%Y-%m-%d %H:%M} "
            "UTC; install the cluster's new credential",
        )
    if credential.cluster.code != code:
        raise AgentRefused(
            403,
            f"the credential {credential.prefix}… belongs to cluster "
            f"{credential.cluster.code}, not {code}; check cluster and credential in "
            "the agent's config",
        )
    return credential.cluster


def agent_endpoint(method: str) -> Callable:
    """Wrap an API view: one method, bearer authentication, JSON errors."""

    def decorate(view: Callable) -> Callable:
        @csrf_exempt
        @functools.wraps(view)
        def wrapper(request: HttpRequest, code: str, **kwargs) -> HttpResponse:
            if request.method != method:
                response = _error(405, f"use {method} for {request.path}")
                response["Allow"] = method
                return response
            try:
                cluster = _cluster_for(request, code)
                return view(request, cluster=cluster, **kwargs)
            except AgentRefused as err:
                return _error(err.status, str(err))
            except AgentDataError as err:
                return _error(400, str(err))

        return wrapper

    return decorate


# --- Release files ---------------------------------------------------------------


def _byte_range(request: HttpRequest, *, size: int, etag: str):
    """(start, end) exclusive for a satisfiable Range, None for the whole file.

    Raises AgentRefused(416) for a range that starts past the end. A Range
    that is malformed, has several ranges, or whose If-Range is not the
    current ETag is ignored: the whole file is sent (RFC 9110).
    """
    match = _RANGE.match(request.headers.get("Range", ""))
    if_range = request.headers.get("If-Range")
    if match is None or (if_range is not None and if_range != etag):
        return None
    first, last = match.groups()
    if not first:
        if not last or int(last) == 0:
            raise AgentRefused(416, f"range {match.group(0)} is empty")
        return max(size - int(last), 0), size
    start = int(first)
    end = size if not last else min(int(last) + 1, size)
    if last and int(last) < start:
        return None
    if start >= size:
        raise AgentRefused(
            416, f"range {match.group(0)} starts past the end ({size} bytes)"
        )
    return start, end


def _body_response(
    request: HttpRequest, *, found: StoredFile, kind: str
) -> HttpResponse:
    try:
        byte_range = _byte_range(request, size=found.size, etag=found.etag)
    except AgentRefused as err:
        response = _error(416, str(err))
        response["Content-Range"] = f"bytes */{found.size}"
        return response
    start, end = byte_range or (0, found.size)
    chunks = served_range(found=found, start=start, end=end) if end > start else []
    response = StreamingHttpResponse(chunks, status=200 if byte_range is None else 206)
    response["Content-Type"] = mimetypes.guess_type(found.key)[0] or (
        "application/octet-stream"
    )
    if byte_range is not None:
        response["Content-Range"] = f"bytes {start}-{end - 1}/{found.size}"
    response["Content-Length"] = str(end - start)
    return response


def _file_response(
    request: HttpRequest, *, found: StoredFile, kind: str
) -> HttpResponse:
    if request.headers.get("If-None-Match") == found.etag:
        response = HttpResponse(status=304)
    else:
        response = _body_response(request, found=found, kind=kind)
        if response.status_code == 416:
            return response
    response["ETag"] = found.etag
    response["Accept-Ranges"] = "bytes"
    # Metadata changes at every publish; targets and objects never change.
    response["Cache-Control"] = (
        "private, no-cache"
        if kind == "metadata"
        else "private, max-age=31536000, immutable"
    )
    return response


@agent_endpoint("GET")
def release_file(
    request: HttpRequest, *, cluster: Cluster, kind: str, path: str
) -> HttpResponse:
    """A file of the cluster's release store, with ETag, Range and If-Range."""
    try:
        found = served_file(code=cluster.code, kind=kind, path=path)
    except UnsafePathError as err:
        return _error(400, f"refused: {err}")
    except StoreError as err:
        return _error(503, f"the release store cannot be read now: {err}")
    if found is None:
        return _error(
            404, f"{kind}/{path} is not in the release store of cluster {cluster.code}"
        )
    return _file_response(request, found=found, kind=kind)


# --- Reports and uploads -----------------------------------------------------------


def _json_body(request: HttpRequest) -> object:
    try:
        return json.loads(request.body)
    except RequestDataTooBig as err:
        raise AgentRefused(
            413,
            "the request is over DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MB by default); "
            "send fewer items per request",
        ) from err
    except (ValueError, UnicodeDecodeError) as err:
        raise AgentDataError(f"the request body is not JSON: {err}") from err


@agent_endpoint("POST")
def agent_report(request: HttpRequest, *, cluster: Cluster) -> HttpResponse:
    """Record the agent's status; answer with the clock offset and assigned build."""
    report = services.agent_report_record(cluster=cluster, status=_json_body(request))
    release = release_latest(cluster=cluster)
    return JsonResponse(
        {
            "received_at": report.received_at.isoformat(),
            "clock_offset_s": report.clock_offset_s,
            "assigned_build": release.build if release else None,
        }
    )


@agent_endpoint("POST")
def agent_uploads(request: HttpRequest, *, cluster: Cluster) -> HttpResponse:
    """Keep a batch of spooled items, each once; answer per item."""
    body = _json_body(request)
    items = body.get("items") if isinstance(body, dict) else None
    outcomes = services.agent_uploads_record(cluster=cluster, items=items)
    counts = {status: 0 for status in services.UPLOAD_STATUSES}
    for outcome in outcomes:
        counts[outcome["status"]] += 1
    return JsonResponse({"results": outcomes, **counts})
