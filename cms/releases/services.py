"""Writes of the releases app: keys, publishing, credentials, agent data, bundles."""

from __future__ import annotations

import hashlib
import logging
import os
import secrets
import shutil
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from cms.clusters.models import Cluster
from kiosk_site.errors import KioskSiteError
from kiosk_site.release import publish as release_format
from kiosk_site.release.bundle import BundleInfo, bundle_write
from kiosk_site.release.keys import KeyPaths, keygen, signer_load
from kiosk_site.release.manifest import manifest_from_tree, manifest_loads
from kiosk_site.release.metadata import timestamp_refresh

from .errors import (
    AgentDataError,
    BundleError,
    CredentialError,
    PublishError,
    SigningKeyError,
    StoreError,
)
from .models import (
    REPORTS_KEPT_PER_CLUSTER,
    AgentReport,
    AgentUpload,
    ClusterCredential,
    Release,
)
from .selectors import TOKEN_PREFIX_LENGTH, token_sha256
from .store import cluster_dir, cluster_lock, store_root, store_upload

logger = logging.getLogger(__name__)
MAX_ERROR_LENGTH = 4000


# --- Keys ---------------------------------------------------------------------


def release_keygen(*, force: bool = False) -> KeyPaths:
    """Make the province's signing key and root metadata at the configured paths.

    Writes RELEASE_SIGNING_KEY (mode 0600) and RELEASE_ROOT_METADATA. Refuses
    to replace an existing key unless ``force``: every agent trusts the old
    one's root metadata and would refuse releases signed by a new key.
    """
    key_path = Path(settings.RELEASE_SIGNING_KEY)
    root_path = Path(settings.RELEASE_ROOT_METADATA)
    if key_path.exists() and not force:
        raise SigningKeyError(
            _(
                "The signing key %(key)s (RELEASE_SIGNING_KEY) already exists and "
                "agents trust its root metadata %(root)s. Pass --force only to "
                "replace it, then give every agent the new root metadata."
            )
            % {"key": key_path, "root": root_path}
        )
    key_path.parent.mkdir(parents=True, exist_ok=True)
    root_path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=key_path.parent, prefix=".keygen-") as tmp:
        made = keygen(out_dir=Path(tmp))
        os.replace(made.private_key, key_path)
        shutil.move(made.root, root_path)
    return KeyPaths(private_key=key_path, root=root_path)


def _signing_paths() -> tuple[Path, Path]:
    key_path = Path(settings.RELEASE_SIGNING_KEY)
    root_path = Path(settings.RELEASE_ROOT_METADATA)
    if not key_path.exists() and settings.RELEASE_KEYGEN_IF_MISSING:
        logger.warning("no signing key at %s: making one (dev/demo only)", key_path)
        release_keygen()
    if key_path.exists() and root_path.exists():
        return key_path, root_path
    missing = key_path if not key_path.exists() else root_path
    setting = "RELEASE_SIGNING_KEY" if missing == key_path else "RELEASE_ROOT_METADATA"
    raise SigningKeyError(
        _(
            "%(path)s (%(setting)s) does not exist. Run `manage.py release_keygen` "
            "once and give every agent the root metadata it prints, or point "
            "RELEASE_SIGNING_KEY and RELEASE_ROOT_METADATA at the existing files."
        )
        % {"path": missing, "setting": setting}
    )


# --- Publishing ----------------------------------------------------------------


def _store_publish(*, code: str, site_dir: Path) -> tuple[int, bytes]:
    """Publish ``site_dir`` into the store; return the build and its manifest."""
    key_path, root_path = _signing_paths()
    with cluster_lock(code=code):
        try:
            result = release_format.release_publish(
                site_dir=site_dir,
                store_dir=store_root(),
                cluster=code,
                key_path=key_path,
                root_path=root_path,
            )
        except KioskSiteError as err:
            raise PublishError(
                _("Publishing cluster %(code)s from %(folder)s failed: %(error)s")
                % {"code": code, "folder": site_dir, "error": err}
            ) from err
        _store_upload(code=code)
        builds = cluster_dir(code=code) / "builds"
        return result.build, (builds / f"{result.build}.json").read_bytes()


def _store_upload(*, code: str) -> None:
    """Copy the cluster's new files to the served store (S3), timestamp last."""
    try:
        store_upload(code=code)
    except StoreError as err:
        raise PublishError(
            _(
                "The new release files of %(code)s are in the local store "
                "(RELEASE_STORE_ROOT) but did not all reach the served store, "
                "which still serves the previous release: %(error)s. Publishing "
                "again (or `manage.py release_timestamp_refresh`) uploads the rest."
            )
            % {"code": code, "error": err}
        ) from err


def release_publish(
    *,
    cluster: Cluster,
    site_dir: Path | None = None,
    user: AbstractBaseUser | None = None,
    trigger: str | None = None,
) -> Release:
    """Publish the cluster's built kiosk as its next signed release and record it.

    ``site_dir`` defaults to KIOSK_BUILD_ROOT/<code> (where `kiosk_build`
    writes). ``trigger`` defaults to "admin" with a user, else "build". Raises
    `PublishError` or `SigningKeyError` naming the cause.
    """
    site_dir = Path(site_dir or Path(settings.KIOSK_BUILD_ROOT) / cluster.code)
    build, manifest_data = _store_publish(code=cluster.code, site_dir=site_dir)
    manifest = manifest_loads(data=manifest_data)
    trigger = trigger or (Release.Trigger.ADMIN if user else Release.Trigger.BUILD)
    release = Release.objects.create(
        cluster=cluster,
        build=build,
        manifest_sha256=hashlib.sha256(manifest_data).hexdigest(),
        file_count=len(manifest.files),
        total_bytes=sum(entry.size for entry in manifest.files),
        published_by=user,
        trigger=trigger,
    )
    log(
        instance=cluster,
        action="releases.publish",
        user=user,
        data={"build": release.build, "files": release.file_count, "by": trigger},
    )
    return release


def release_publish_if_changed(
    *, cluster: Cluster, site_dir: Path | None = None
) -> Release | None:
    """Publish the cluster's build as `release_publish` does, unless it holds
    exactly the files of the cluster's last release: then None.

    A kiosk rebuild often changes nothing (a publish that no page of the
    cluster shows, a burst of rebuilds queued while one page after another
    was published); agents would install the same files under a new build.
    """
    site_dir = Path(site_dir or Path(settings.KIOSK_BUILD_ROOT) / cluster.code)
    last = Release.objects.filter(cluster=cluster).order_by("-build").first()
    if last is not None and _same_files(
        code=cluster.code, build=last.build, site_dir=site_dir
    ):
        logger.info(
            "cluster %s: build unchanged since release %s", cluster.code, last.build
        )
        return None
    return release_publish(cluster=cluster, site_dir=site_dir)


def _same_files(*, code: str, build: int, site_dir: Path) -> bool:
    """Whether ``site_dir`` holds exactly the files of build ``build``."""
    record = cluster_dir(code=code) / "builds" / f"{build}.json"
    try:
        previous = manifest_loads(data=record.read_bytes())
        current = manifest_from_tree(site_dir=site_dir, cluster=code, build=build)
    except (OSError, KioskSiteError):
        return False  # no record or no folder: publishing says what is wrong
    return current.files == previous.files


def release_timestamps_refresh() -> list[str]:
    """Re-sign every published cluster's timestamp with a fresh expiry.

    Run daily (cron or a systemd timer): a timestamp expires after 7 days, and
    agents then refuse a cluster that has had no new build since. Returns the
    codes refreshed.
    """
    key_path, _root = _signing_paths()
    signer = signer_load(key_path=key_path)
    codes = sorted(set(Release.objects.values_list("cluster__code", flat=True)))
    for code in codes:
        with cluster_lock(code=code):
            try:
                timestamp_refresh(repo_dir=cluster_dir(code=code), signer=signer)
            except KioskSiteError as err:
                raise PublishError(
                    _("Refreshing the timestamp of %(code)s failed: %(error)s")
                    % {"code": code, "error": err}
                ) from err
            _store_upload(code=code)
    return codes


def kiosk_rebuild_record(*, cluster: Cluster, user: AbstractBaseUser) -> None:
    """Write the audit log entry of a kiosk rebuild queued from the fleet view."""
    log(instance=cluster, action="releases.rebuild", user=user, data={})


# --- Credentials ---------------------------------------------------------------


@dataclass(frozen=True)
class IssuedCredential:
    """A new credential and its token, which is never shown again."""

    credential: ClusterCredential
    token: str


def _active_for_update(*, cluster: Cluster) -> ClusterCredential | None:
    # Lock the cluster row so two administrators cannot both issue one.
    Cluster.objects.select_for_update().filter(pk=cluster.pk).first()
    return ClusterCredential.objects.active().filter(cluster=cluster).first()


def _credential_new(
    *, cluster: Cluster, user: AbstractBaseUser | None
) -> IssuedCredential:
    token = secrets.token_urlsafe(32)
    credential = ClusterCredential.objects.create(
        cluster=cluster,
        prefix=token[:TOKEN_PREFIX_LENGTH],
        token_sha256=token_sha256(token),
        created_by=user,
    )
    return IssuedCredential(credential=credential, token=token)


@transaction.atomic
def credential_issue(
    *, cluster: Cluster, user: AbstractBaseUser | None = None
) -> IssuedCredential:
    """Issue the cluster's first agent credential (refused if one is active)."""
    active = _active_for_update(cluster=cluster)
    if active is not None:
        raise CredentialError(
            _(
                "Cluster %(code)s already has the active credential %(prefix)s…; "
                "rotate it to get a new one."
            )
            % {"code": cluster.code, "prefix": active.prefix}
        )
    issued = _credential_new(cluster=cluster, user=user)
    log(
        instance=cluster,
        action="releases.credential_issue",
        user=user,
        data={"prefix": issued.credential.prefix},
    )
    return issued


def _retire(
    *, cluster: Cluster, user: AbstractBaseUser | None, how: str, message: str
) -> ClusterCredential:
    """Mark the cluster's active credential rotated or revoked (``how``) now;
    CredentialError with ``message`` when it has none. Its token stops working
    on the next request."""
    active = _active_for_update(cluster=cluster)
    if active is None:
        raise CredentialError(message % {"code": cluster.code})
    setattr(active, f"{how}_at", timezone.now())
    setattr(active, f"{how}_by", user)
    active.save(update_fields=[f"{how}_at", f"{how}_by"])
    return active


@transaction.atomic
def credential_rotate(
    *, cluster: Cluster, user: AbstractBaseUser | None = None
) -> IssuedCredential:
    """Replace the cluster's active credential; the old token stops working now."""
    message = _("Cluster %(code)s has no active credential to rotate; issue one.")
    old = _retire(cluster=cluster, user=user, how="rotated", message=message)
    issued = _credential_new(cluster=cluster, user=user)
    log(
        instance=cluster,
        action="releases.credential_rotate",
        user=user,
        data={"old": old.prefix, "prefix": issued.credential.prefix},
    )
    return issued


@transaction.atomic
def credential_revoke(
    *, cluster: Cluster, user: AbstractBaseUser | None = None
) -> ClusterCredential:
    """Revoke the cluster's active credential; its agent is refused at once."""
    message = _("Cluster %(code)s has no active credential to revoke.")
    active = _retire(cluster=cluster, user=user, how="revoked", message=message)
    log(
        instance=cluster,
        action="releases.credential_revoke",
        user=user,
        data={"prefix": active.prefix},
    )
    return active


# --- Agent reports and uploads -----------------------------------------------------


def _int_or_none(name: str, value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise AgentDataError(
            f"{name} must be a whole number of 0 or more (or null), got {value!r}"
        )
    return value


def _time_or_none(name: str, value: object) -> datetime | None:
    if value is None:
        return None
    parsed = parse_datetime(value) if isinstance(value, str) else None
    if parsed is None or parsed.tzinfo is None:
        raise AgentDataError(
            f"{name} must be an ISO 8601 time with a UTC offset, e.g. "
            f"2026-11-24T08:00:00+00:00, got {value!r}"
        )
    return parsed


def _text(name: str, value: object, limit: int) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise AgentDataError(f"{name} must be text (or null), got {value!r}")
    return value[:limit]


def _report_fields(*, status: dict, now: datetime) -> dict:
    sent_at = _time_or_none("sent_at", status.get("sent_at"))
    offset = None if sent_at is None else (sent_at - now).total_seconds()
    return {
        "running_build": _int_or_none("running_build", status.get("running_build")),
        "assigned_build": _int_or_none("assigned_build", status.get("assigned_build")),
        "last_check": _time_or_none("last_check", status.get("last_check")),
        "last_error": _text("last_error", status.get("last_error"), MAX_ERROR_LENGTH),
        "disk_free_bytes": _int_or_none(
            "disk_free_bytes", status.get("disk_free_bytes")
        ),
        "agent_version": _text("agent_version", status.get("agent_version"), 40),
        "clock_offset_s": None if offset is None else round(offset, 1),
    }


def agent_report_record(*, cluster: Cluster, status: dict) -> AgentReport:
    """Record an agent's status report and keep a bounded history.

    The clock offset is computed here: the agent's ``sent_at`` minus the
    CMS's clock on arrival (positive: the agent's clock is ahead). Raises
    `AgentDataError` naming a malformed field.
    """
    if not isinstance(status, dict):
        raise AgentDataError(f"a report must be a JSON object, got {status!r:.80}")
    if status.get("cluster", cluster.code) != cluster.code:
        raise AgentDataError(
            f"the report names cluster {status['cluster']!r} but was sent to "
            f"{cluster.code!r}; check the agent's cluster setting"
        )
    fields = _report_fields(status=status, now=timezone.now())
    report = AgentReport.objects.create(cluster=cluster, status=status, **fields)
    oldest_kept = (
        AgentReport.objects.filter(cluster=cluster)
        .order_by("-id")
        .values_list("id", flat=True)[REPORTS_KEPT_PER_CLUSTER - 1 :][:1]
    )
    if oldest_kept:
        AgentReport.objects.filter(cluster=cluster, id__lt=oldest_kept[0]).delete()
    return report


def _upload_check(*, kind: object, idempotency_key: object) -> None:
    if kind not in AgentUpload.Kind.values:
        raise AgentDataError(
            f"kind {kind!r} is not one of {', '.join(AgentUpload.Kind.values)}"
        )
    if (
        not isinstance(idempotency_key, str)
        or not 1 <= len(idempotency_key) <= 100
        or not idempotency_key.isascii()
        or not idempotency_key.isprintable()
    ):
        raise AgentDataError(
            f"idempotency_key {idempotency_key!r:.120} must be 1 to 100 printable "
            "ASCII characters, e.g. a UUID made when the item was spooled"
        )


def agent_upload_record(
    *,
    cluster: Cluster,
    kind: str,
    idempotency_key: str,
    payload: object,
    spooled_at: str | None = None,
) -> tuple[AgentUpload, bool]:
    """Keep one spooled item exactly once; return (row, created).

    ``spooled_at`` is the item's ``created_at`` (ISO 8601, the agent's
    clock). The same key again returns the same row with ``created`` False (a retry
    or a resend after a restart). Under a race the unique constraint on
    (cluster, key) decides and the loser reads the winner's row. The same key
    with another kind or payload raises `AgentDataError`.
    """
    _upload_check(kind=kind, idempotency_key=idempotency_key)
    spooled = _time_or_none("created_at", spooled_at)
    row, created = AgentUpload.objects.get_or_create(
        cluster=cluster,
        idempotency_key=idempotency_key,
        defaults={"kind": kind, "payload": payload, "spooled_at": spooled},
    )
    if not created and (row.kind != kind or row.payload != payload):
        raise AgentDataError(
            f"idempotency_key {idempotency_key!r} was already used on "
            f"{row.received_at:%Y-%m-%d %H:%M} for another item; give every item "
            "its own key"
        )
    return row, created


MAX_UPLOAD_ITEMS = 500
UPLOAD_STATUSES = ("accepted", "duplicate", "rejected")


def _upload_one(*, cluster: Cluster, item: object) -> dict:
    key = item.get("idempotency_key") if isinstance(item, dict) else None
    try:
        if not isinstance(item, dict):
            raise AgentDataError(f"an item must be a JSON object, got {item!r:.80}")
        _row, created = agent_upload_record(
            cluster=cluster,
            kind=item.get("kind"),
            idempotency_key=key,
            payload=item.get("payload"),
            spooled_at=item.get("created_at"),
        )
    except AgentDataError as err:
        return {"idempotency_key": key, "status": "rejected", "error": str(err)}
    status = "accepted" if created else "duplicate"
    return {"idempotency_key": key, "status": status}


def agent_uploads_record(*, cluster: Cluster, items: object) -> list[dict]:
    """Keep a batch of spooled items, each exactly once; one answer per item.

    Each answer is ``{"idempotency_key", "status"}`` with status "accepted"
    (kept now), "duplicate" (kept before: drop it from the spool) or
    "rejected" (with "error"; resending will not help). Raises
    `AgentDataError` if ``items`` is not a list of 1 to 500 entries.
    """
    if not isinstance(items, list) or not 1 <= len(items) <= MAX_UPLOAD_ITEMS:
        raise AgentDataError(
            'send {"items": [...]} with 1 to '
            f"{MAX_UPLOAD_ITEMS} items, got {items!r:.80}"
        )
    return [_upload_one(cluster=cluster, item=item) for item in items]


# --- USB bundles -----------------------------------------------------------------


def release_bundle_write(
    *, cluster: Cluster, out_path: Path, user: AbstractBaseUser | None = None
) -> BundleInfo:
    """Write the cluster's current release as one USB bundle file at ``out_path``.

    Wraps `kiosk_site.release.bundle.bundle_write` (layout in README.md): the
    store files the last build needs, under their store paths, so the agent's
    ``install-bundle`` verifies them exactly like a download.
    """
    with cluster_lock(code=cluster.code):
        try:
            info = bundle_write(
                store_dir=store_root(), cluster=cluster.code, out=Path(out_path)
            )
        except (OSError, KioskSiteError) as err:
            raise BundleError(
                _("Writing the USB bundle of %(code)s to %(path)s failed: %(error)s")
                % {"code": cluster.code, "path": out_path, "error": err}
            ) from err
    log(
        instance=cluster,
        action="releases.bundle",
        user=user,
        data={"build": info.build, "bytes": info.bytes},
    )
    return info
