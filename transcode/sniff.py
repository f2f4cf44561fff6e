"""Recognise a file by its first bytes, whatever its name says."""

from __future__ import annotations

import os
import struct
from dataclasses import dataclass

# Demuxers ffprobe may use for each container (passed as -format_whitelist, so
# a playlist or concat script can never make ffmpeg open other files).
VIDEO_CONTAINERS = {
    "mp4": "mov",
    "matroska": "matroska",
    "avi": "avi",
    "mpegts": "mpegts",
    "mpegps": "mpeg",
    "flv": "flv",
    "ogg": "ogg",
    "asf": "asf",
}
AUDIO_CONTAINERS = {"wav": "wav", "mp3": "mp3", "flac": "flac", "aac": "aac"}
IMAGE_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"mif1", b"msf1", b"avif", b"avis"}
ISO_BOXES = {b"ftyp", b"moov", b"mdat", b"free", b"skip", b"wide", b"pnot", b"uuid"}


@dataclass(frozen=True)
class Sniffed:
    kind: str  # "video", "audio", "image" or "unknown"
    container: str  # e.g. "mp4", "png", "text"

    @property
    def demuxer(self) -> str | None:
        return VIDEO_CONTAINERS.get(self.container) or AUDIO_CONTAINERS.get(
            self.container
        )


def sniff(head: bytes) -> Sniffed:
    """Classify a file from its first 64 or so bytes."""
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return Sniffed("image", "png")
    if head.startswith(b"\xff\xd8\xff"):
        return Sniffed("image", "jpeg")
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return Sniffed("image", "gif")
    if head.startswith(b"BM") and len(head) > 14 and head[6:10] == b"\0\0\0\0":
        return Sniffed("image", "bmp")
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return Sniffed("image", "tiff")
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return Sniffed("image", "webp")
    if head.startswith(b"RIFF") and head[8:12] in (b"AVI ", b"AVIX"):
        return Sniffed("video", "avi")
    if head.startswith(b"RIFF") and head[8:12] == b"WAVE":
        return Sniffed("audio", "wav")
    if len(head) >= 12 and head[4:8] in ISO_BOXES:
        if head[4:8] == b"ftyp" and head[8:12] in IMAGE_BRANDS:
            return Sniffed("image", "heif")
        return Sniffed("video", "mp4")
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return Sniffed("video", "matroska")
    if head.startswith(b"\x00\x00\x01\xba"):
        return Sniffed("video", "mpegps")
    if head.startswith(b"FLV\x01"):
        return Sniffed("video", "flv")
    if head.startswith(b"OggS"):
        return Sniffed("video", "ogg")
    if head.startswith(b"\x30\x26\xb2\x75\x8e\x66\xcf\x11"):
        return Sniffed("video", "asf")
    if head.startswith(b"fLaC"):
        return Sniffed("audio", "flac")
    if head.startswith(b"ID3") or (
        len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0
    ):
        # 0xFFF1/0xFFF9 is ADTS AAC, other 0xFFEx/0xFFFx sync words are MPEG audio.
        return Sniffed("audio", "aac" if head[1] & 0xF6 == 0xF0 else "mp3")
    if len(head) >= 1 and head[0] == 0x47 and _looks_like_ts(head):
        return Sniffed("video", "mpegts")
    if len(head) > 4 and head[4] == 0x47 and _looks_like_ts(head[4:], 192):
        # AVCHD/Blu-ray .m2ts: each 188-byte packet behind a 4-byte timestamp.
        return Sniffed("video", "mpegts")
    if _looks_like_text(head):
        return Sniffed("unknown", "text")
    return Sniffed("unknown", "unknown")


def _looks_like_ts(head: bytes, packet: int = 188) -> bool:
    # One sync byte is weak evidence: ask for it at the start of every packet.
    syncs = [head[i] == 0x47 for i in range(0, len(head), packet)]
    return len(syncs) >= 2 and all(syncs)


def _looks_like_text(head: bytes) -> bool:
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def read_head(path: str, size: int = 188 * 4) -> bytes:
    with open(path, "rb") as handle:
        return handle.read(size)


@dataclass(frozen=True)
class Box:
    kind: bytes
    offset: int
    size: int
    open_ended: bool = False  # size 0: "up to the end of the file", unprovable


def iso_boxes(path: str) -> tuple[list[Box], str | None]:
    """Top-level ISO BMFF boxes and, if the file is cut short, why.

    Reads only the 16-byte box headers, so it costs nothing on a 4 GB file.
    """
    boxes: list[Box] = []
    total = os.path.getsize(path)
    with open(path, "rb") as handle:
        offset = 0
        while offset < total:
            handle.seek(offset)
            header = handle.read(16)
            if len(header) < 8:
                return boxes, f"box header cut at byte {offset}"
            size, kind = struct.unpack(">I4s", header[:8])
            if size == 1:
                if len(header) < 16:
                    return boxes, f"box header cut at byte {offset}"
                size = struct.unpack(">Q", header[8:16])[0]
            elif size == 0:
                size = total - offset
                boxes.append(Box(kind, offset, size, open_ended=True))
                break
            if size < 8:
                return boxes, f"invalid box size {size} at byte {offset}"
            if offset + size > total:
                return boxes, (
                    f"box '{kind.decode('latin-1')}' needs {offset + size} bytes, "
                    f"the file has {total}"
                )
            boxes.append(Box(kind, offset, size))
            offset += size
    return boxes, None
