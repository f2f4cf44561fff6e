"""Fetch (or copy) snapshot media, check sha256 and store it under a hashed name."""

from __future__ import annotations

import hashlib
import shutil
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
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
    "text/vtt": ".vtt",
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


def programme_media(ident: str, programme: dict[str, Any]) -> Iterator[tuple]:
    """(key, entry) of a programme's files: its video under its id, its poster
    under "<id>:poster", each subtitle track under "<id>:subtitles:<lang>"."""
    if programme.get("video"):
        yield ident, programme["video"]
    if programme.get("poster"):
        yield f"{ident}:poster", programme["poster"]
    for track in programme.get("subtitles") or ():
        yield f"{ident}:subtitles:{track['language']}", track


def led_media(data: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every LED loop item's video entry (the face's rendition), in order and
    repeated as often as the loops list it."""
    for face in (data.get("led") or {}).get("faces", ()):
        for day in face["days"]:
            for item in day["loop"]:
                yield item["video"]


def media_entries(data: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every media entry of a snapshot: images, then each programme's video,
    poster and subtitle tracks, then the LED loops' videos (what a build
    copies; the CMS places them)."""
    yield from data["images"].values()
    for ident, programme in data["programmes"].items():
        for _key, entry in programme_media(ident, programme):
            yield entry
    yield from led_media(data)


def _place(
    snapshot: Snapshot, entry: dict[str, Any], media_dir: Path, what: str
) -> bool:
    """Fetch the entry into `media_dir` under its hash name unless it is there;
    True when it was fetched."""
    dest = media_dir / media_name(entry)
    if dest.exists():
        return False
    tmp = dest.with_suffix(dest.suffix + ".part")
    _fetch(resolve_url(snapshot, entry["url"]), tmp)
    digest = _sha256(tmp)
    if digest != entry["sha256"]:
        tmp.unlink()
        raise MediaError(
            f"{what} ({entry['url']}) has sha256 {digest}, but the "
            f"snapshot says {entry['sha256']}; the file is corrupt or "
            "changed after export: re-export the snapshot or re-upload it"
        )
    tmp.replace(dest)
    return True


def media_sync(
    snapshot: Snapshot, *, out_dir: Path, kind: str, key: str
) -> tuple[dict[str, str], int]:
    """Make sure every entry of `images` / programme media is in `out_dir/media/`.

    Returns (id -> site URL, number of files fetched). For programmes the ids
    are those of `programme_media` (video, poster, subtitle tracks). A file
    already present under its hash name is trusted (its name is its sha256)
    and not fetched again.
    """
    media_dir = out_dir / "media"
    media_dir.mkdir(parents=True, exist_ok=True)
    urls: dict[str, str] = {}
    fetched = 0
    entries = snapshot.data[kind]
    for ident in sorted(entries, key=lambda k: (len(k), k)):
        if kind == "programmes":
            items = list(programme_media(ident, entries[ident]))
        else:
            entry = entries[ident] if key == "" else entries[ident].get(key)
            items = [(ident, entry)] if entry is not None else []
        for name, entry in items:
            fetched += _place(snapshot, entry, media_dir, f"{kind} {name}")
            urls[name] = f"/media/{media_name(entry)}"
    return urls, fetched


def led_media_sync(snapshot: Snapshot, *, out_dir: Path) -> tuple[dict[str, str], int]:
    """Make sure every LED loop video is in `out_dir/media/`, as media_sync.

    Returns (sha256 -> site URL, number of files fetched).
    """
    media_dir = out_dir / "media"
    media_dir.mkdir(parents=True, exist_ok=True)
    urls: dict[str, str] = {}
    fetched = 0
    for entry in led_media(snapshot.data):
        if entry["sha256"] not in urls:
            fetched += _place(snapshot, entry, media_dir, "LED loop video")
            urls[entry["sha256"]] = f"/media/{media_name(entry)}"
    return urls, fetched
