"""Build a cluster's static kiosk site from its content snapshot."""

import tempfile
from pathlib import Path

from django.conf import settings
from django.core.files.storage import default_storage

from cms.clusters.models import Cluster
from cms.core.errors import MediaStorageError
from cms.core.storage import storage_download
from cms.headless.models import FileDigest
from cms.headless.snapshot import cluster_snapshot, snapshot_content_hash


def _stored_names(entry: dict) -> list[str]:
    """Media storage names of the file the entry describes, newest first.

    The snapshot names a file by sha256 and size; cms.headless recorded both
    for every stored file it put in a snapshot, whatever field holds it.
    """
    return list(
        FileDigest.objects.filter(sha256=entry["sha256"], size=entry["size"])
        .order_by("-computed_at")
        .values_list("name", flat=True)
    )


def _media_copy(entry: dict, dest: Path) -> None:
    """Copy the entry's file from the media storage to ``dest``, sha256 checked.

    Any stored file with the entry's hash will do: the first that can be read.
    """
    failed = None
    for name in _stored_names(entry):
        try:
            storage_download(
                storage=default_storage, name=name, dest=dest, sha256=entry["sha256"]
            )
            return
        except MediaStorageError as err:
            failed = err
    raise failed or MediaStorageError(
        f"No stored media file has sha256 {entry['sha256']} ({entry['url']}); it "
        "was removed after the snapshot was made: build again, or upload it again"
    )


def media_place(*, snapshot: dict, out_dir: Path) -> int:
    """Copy every media file of ``snapshot`` into ``out_dir/media`` for the build.

    Each file is read through the media storage (MEDIA_ROOT or the bucket,
    streamed), checked against the snapshot's sha256, and stored under the
    name the builder gives it, which the builder then trusts and does not
    fetch; a file already there is not copied again. The entry's URL is
    pointed at that file, so the build needs no web server and no access to
    the bucket. Returns how many files were copied.
    """
    from kiosk_site.build.media import media_entries, media_name

    media_dir = out_dir / "media"
    media_dir.mkdir(parents=True, exist_ok=True)
    copied = 0
    for entry in media_entries(snapshot):
        dest = media_dir / media_name(entry)
        if not dest.exists():
            _media_copy(entry, dest)
            copied += 1
        entry["url"] = dest.resolve().as_uri()
    return copied


def cluster_snapshot_local(*, cluster: Cluster, out_dir: Path, draft=None) -> dict:
    """The cluster's snapshot with its media copied into ``out_dir`` (`media_place`)."""
    snapshot = cluster_snapshot(
        cluster=cluster, base_url=settings.WAGTAILADMIN_BASE_URL, draft=draft
    )
    media_place(snapshot=snapshot, out_dir=out_dir)
    snapshot["content_hash"] = snapshot_content_hash(snapshot)
    return snapshot


def kiosk_build(
    *, cluster: Cluster, out_dir: Path | None = None, draft=None, workers=None
):
    """Render the cluster's kiosk into ``out_dir`` (default KIOSK_BUILD_ROOT/<code>).

    Only pages whose content changed are re-rendered; the report says how many.
    ``workers=1`` keeps the build in this process (see kiosk_site.build).
    """
    from kiosk_site.build import site_build
    from kiosk_site.snapshot import snapshot_dumps

    out_dir = Path(out_dir or Path(settings.KIOSK_BUILD_ROOT) / cluster.code)
    snapshot = cluster_snapshot_local(cluster=cluster, out_dir=out_dir, draft=draft)
    with tempfile.TemporaryDirectory(prefix="kiosk-snapshot-") as tmp:
        path = Path(tmp) / "snapshot.json"
        path.write_bytes(snapshot_dumps(snapshot))
        return site_build(snapshot=path, out_dir=out_dir, workers=workers)
