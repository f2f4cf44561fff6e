"""Fetch (or copy) snapshot media, check sha256 and store it under a hashed name."""

from __future__ import annotations

import hashlib
import shutil
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

from kiosk_site.errors import MediaError
from kiosk_site.snapshot import Snapshot

EXTENSIONS = {
    "image/png": ".png",
    "image/jpeg": ".jpg",
    "image/webp": ".webp",
    "image/gif": ".gif",
    "image/svg+xml": ".svg",
    "video/mp4": ".mp4",
    "video/webm": ".webm",
}


def media_name(entry: dict[str, Any]) -> str:
    """Output file name: content hash plus an extension from type or URL."""
    ext = EXTENSIONS.get(entry.get("content_type", ""))
    if not ext:
        suffix = Path(urllib.parse.urlparse(entry["url"]).path).suffix.lower()
        ext = suffix if 1 < len(suffix) <= 5 else ".bin"
    return entry["sha256"][:20] + ext


def resolve_url(snapshot: Snapshot, url: str) -> str:
    """Absolute URL or file path of a media entry (relative to the snapshot)."""
    if url.startswith(("http://", "https://")):
        return url
    if snapshot.is_url:
        return urllib.parse.urljoin(snapshot.source, url)
    if url.startswith("file://"):
        return urllib.parse.urlparse(url).path
    return str(Path(snapshot.source).parent / url)


def _fetch(source: str, dest: Path) -> None:
    if source.startswith(("http://", "https://")):
        try:
            with urllib.request.urlopen(source, timeout=120) as resp:  # noqa: S310
                with dest.open("wb") as fh:
                    shutil.copyfileobj(resp, fh)
        except (urllib.error.URLError, OSError) as err:
            raise MediaError(
                f"could not download media {source}: {err}; check that the CMS "
                "media URL is reachable from the build machine"
            ) from err
    else:
        try:
            shutil.copyfile(source, dest)
        except OSError as err:
            raise MediaError(
                f"could not copy media file {source}: {err.strerror}; keep media "
                "beside the snapshot file as its relative URLs say"
            ) from err


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def media_sync(
    snapshot: Snapshot, *, out_dir: Path, kind: str, key: str
) -> tuple[dict[str, str], int]:
    """Make sure every entry of `images` / programme videos is in `out_dir/media/`.

    Returns (id -> site URL, number of files fetched). A file already present
    under its hash name is trusted (its name is its sha256) and not fetched again.
    """
    media_dir = out_dir / "media"
    media_dir.mkdir(parents=True, exist_ok=True)
    urls: dict[str, str] = {}
    fetched = 0
    entries = snapshot.data[kind]
    for ident in sorted(entries, key=lambda k: (len(k), k)):
        entry = entries[ident] if key == "" else entries[ident].get(key)
        if entry is None:
            continue
        name = media_name(entry)
        dest = media_dir / name
        if not dest.exists():
            tmp = dest.with_suffix(dest.suffix + ".part")
            _fetch(resolve_url(snapshot, entry["url"]), tmp)
            digest = _sha256(tmp)
            if digest != entry["sha256"]:
                tmp.unlink()
                raise MediaError(
                    f"{kind} {ident} ({entry['url']}) has sha256 {digest}, but the "
                    f"snapshot says {entry['sha256']}; the file is corrupt or "
                    "changed after export: re-export the snapshot or re-upload it"
                )
            tmp.replace(dest)
            fetched += 1
        urls[ident] = f"/media/{name}"
    return urls, fetched
