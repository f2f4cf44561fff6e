"""Build a cluster's static kiosk site from its content snapshot."""

import tempfile
import urllib.parse
from pathlib import Path

from django.conf import settings

from cms.clusters.models import Cluster
from cms.headless.snapshot import cluster_snapshot, snapshot_content_hash


def _local_media_url(url: str) -> str:
    """A file:// URL for CMS media, so a build needs no running web server."""
    path = urllib.parse.urlparse(url).path
    media_path = urllib.parse.urlparse(settings.MEDIA_URL).path
    if not path.startswith(media_path):
        return url
    relative = urllib.parse.unquote(path[len(media_path) :])
    return (Path(settings.MEDIA_ROOT) / relative).resolve().as_uri()


def cluster_snapshot_local(*, cluster: Cluster, draft=None) -> dict:
    """The cluster's snapshot with media pointing at this machine's files."""
    snapshot = cluster_snapshot(
        cluster=cluster, base_url=settings.WAGTAILADMIN_BASE_URL, draft=draft
    )
    for collection in ("images", "programmes"):
        for entry in snapshot[collection].values():
            media = entry.get("video", entry) if collection == "programmes" else entry
            if media and "url" in media:
                media["url"] = _local_media_url(media["url"])
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
    snapshot = cluster_snapshot_local(cluster=cluster, draft=draft)
    with tempfile.TemporaryDirectory(prefix="kiosk-snapshot-") as tmp:
        path = Path(tmp) / "snapshot.json"
        path.write_bytes(snapshot_dumps(snapshot))
        return site_build(snapshot=path, out_dir=out_dir, workers=workers)
