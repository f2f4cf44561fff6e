"""Packs: the objects an agent lacks, in one compressed file; and zstd deltas.

What a pack holds is not written in it: `pack_plan` derives it from the
manifests of the two builds, which the agent already holds (the one it runs
and the new one it has just checked against the signed metadata), and the
publisher and the agent both call it:

* **objects**: every packed (not raw) sha256 of manifest b that manifest a
  lacks (for the full pack: every packed sha256 of b), each once, in the order
  its first path comes in b (manifest order, by path), so similar pages sit
  side by side in the stream;
* **dictionary**: for each path of b (by path) whose content is among those
  objects and that a holds as a packed file, a's object at that path, each
  once, while their total stays within ``MAX_DICT_BYTES`` (one that would pass
  it is skipped); none for the full pack.

A pack is ``MAGIC`` (``KIOSKPACK2\\n``), a 4-byte big-endian header length,
a JSON header ``{"format": 2, "from": a|null, "to": b, "manifest": sha256 of
manifest b, "objects": count, "bytes": total uncompressed}`` and one zstd
frame of the objects' bytes one after the other, compressed with the
dictionary objects concatenated as a raw-content dictionary (a page changed
in a few bytes costs a few bytes; a change on every page is compressed
across all of them in one stream). The header only lets an agent refuse a
pack made for other builds before reading it; the agent decompresses at most
the planned total and checks every object's sha256. Compression is
single-threaded with fixed parameters: the same inputs give the same bytes,
a static file with a stable ETag, resumable with Range/If-Range.
"""

from __future__ import annotations

import json
import struct
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import zstandard as zstd

from kiosk_site.errors import ReleaseError
from kiosk_site.release.manifest import Manifest
from kiosk_site.release.objects import ObjectStore, sha256_check

FORMAT = 2
MAGIC = b"KIOSKPACK2\n"
OLD_MAGICS = {b"KIOSKPACK1\n": 1}
MAX_HEADER = 4096
WINDOW_LOG_MAX = 27  # zstd's default decoder limit (128 MiB): any agent decodes it
MAX_DICT_BYTES = 96 * 1024 * 1024


class PackMismatchError(ReleaseError):
    """A pack is not the one its two manifests describe (refused, nothing kept)."""


@dataclass(frozen=True)
class PackPlan:
    """What the pack from build ``from_build`` (None: full) to ``to_build`` holds."""

    from_build: int | None
    to_build: int
    objects: tuple[tuple[str, int], ...]  # (sha256, size), in pack order
    dict_shas: tuple[str, ...]

    @property
    def total(self) -> int:
        """The uncompressed bytes of the objects, one after the other."""
        return sum(size for _sha, size in self.objects)


@dataclass(frozen=True)
class PackHeader:
    """A pack's header: enough to refuse a pack made for other builds early."""

    from_build: int | None
    to_build: int
    manifest_sha256: str
    objects: int
    bytes: int

    @classmethod
    def of(cls, *, plan: PackPlan, manifest_sha256: str) -> PackHeader:
        """The header of the pack ``plan`` describes, for that manifest."""
        return cls(
            from_build=plan.from_build,
            to_build=plan.to_build,
            manifest_sha256=manifest_sha256,
            objects=len(plan.objects),
            bytes=plan.total,
        )


def pack_plan(*, manifest: Manifest, base: Manifest | None) -> PackPlan:
    """The objects and dictionary of the pack from ``base`` (None: full) to
    ``manifest``, in their canonical order (see the module docstring)."""
    have = set() if base is None else {e.sha256 for e in base.files}
    old = {} if base is None else base.by_path()
    objects: dict[str, int] = {}
    dict_shas: dict[str, None] = {}
    dict_bytes = 0
    for entry in sorted(manifest.files, key=lambda e: e.path):
        if entry.raw or entry.sha256 in have:
            continue
        objects.setdefault(entry.sha256, entry.size)
        before = old.get(entry.path)
        if before is None or before.raw or before.sha256 in dict_shas:
            continue
        if dict_bytes + before.size <= MAX_DICT_BYTES:
            dict_shas[before.sha256] = None
            dict_bytes += before.size
    return PackPlan(
        from_build=None if base is None else base.build,
        to_build=manifest.build,
        objects=tuple(objects.items()),
        dict_shas=tuple(dict_shas),
    )


def _params(*, total: int) -> zstd.ZstdCompressionParameters:
    level = 19 if total <= 16 * 1024 * 1024 else 12
    # A window over dictionary and data lets every byte refer to the old
    # versions (as `zstd --patch-from`); the size hint keeps small packs quick.
    window_log = min(max(total.bit_length(), 10), WINDOW_LOG_MAX)
    return zstd.ZstdCompressionParameters.from_level(
        level, source_size=max(total, 1), window_log=window_log, threads=0
    )


def _dictionary(data: bytes) -> zstd.ZstdCompressionDict | None:
    if not data:
        return None
    return zstd.ZstdCompressionDict(data, dict_type=zstd.DICT_TYPE_RAWCONTENT)


def _header_bytes(header: PackHeader) -> bytes:
    doc = {
        "format": FORMAT,
        "from": header.from_build,
        "to": header.to_build,
        "manifest": header.manifest_sha256,
        "objects": header.objects,
        "bytes": header.bytes,
    }
    data = json.dumps(doc, separators=(",", ":")).encode()
    return MAGIC + struct.pack(">I", len(data)) + data


def pack_write(
    *,
    out_path: Path,
    plan: PackPlan,
    manifest_sha256: str,
    read_object: Callable[[str], bytes],
) -> None:
    """Write the pack ``plan`` describes for the manifest ``manifest_sha256``.

    ``read_object(sha256)`` returns an object's bytes (the publisher's store).
    """
    dict_data = b"".join(read_object(sha) for sha in plan.dict_shas)
    header = PackHeader.of(plan=plan, manifest_sha256=manifest_sha256)
    cctx = zstd.ZstdCompressor(
        dict_data=_dictionary(dict_data),
        compression_params=_params(total=len(dict_data) + plan.total),
    )
    tmp = out_path.with_name(out_path.name + ".tmp")
    with open(tmp, "wb") as out:
        out.write(_header_bytes(header))
        with cctx.stream_writer(out, closefd=False) as writer:
            for sha, _size in plan.objects:
                writer.write(read_object(sha))
    tmp.replace(out_path)


def pack_header(*, pack_path: Path) -> PackHeader:
    """Read and check a pack's header (format, types)."""
    with open(pack_path, "rb") as handle:
        return _header_read(handle=handle, name=pack_path.name)


def _header_read(*, handle: BinaryIO, name: str) -> PackHeader:
    magic = handle.read(len(MAGIC))
    if magic in OLD_MAGICS:
        raise PackMismatchError(
            f"pack {name} is in pack format {OLD_MAGICS[magic]}, which this agent "
            f"no longer reads (it reads format {FORMAT}); re-publish the build "
            "with the current kiosk_site.release"
        )
    if magic != MAGIC:
        raise PackMismatchError(f"{name} is not a kiosk pack (bad magic bytes)")
    (length,) = struct.unpack(">I", handle.read(4).rjust(4, b"\0"))
    if length > MAX_HEADER:
        raise PackMismatchError(f"pack {name} declares a {length}-byte header")
    try:
        doc = json.loads(handle.read(length))
        header = PackHeader(
            from_build=doc["from"],
            to_build=doc["to"],
            manifest_sha256=sha256_check(value=doc["manifest"]),
            objects=doc["objects"],
            bytes=doc["bytes"],
        )
    except (ValueError, KeyError, TypeError) as err:
        raise PackMismatchError(f"pack {name} has a bad header: {err}") from err
    if doc.get("format") != FORMAT:
        raise PackMismatchError(
            f"pack {name} says format {doc.get('format')!r}, not {FORMAT}; refused"
        )
    return header


def _header_match(*, got: PackHeader, want: PackHeader, name: str) -> None:
    """Refuse a pack whose header is not the one the manifests imply."""
    fix = "refused (the release store disagrees with itself: re-publish the build)"
    if (got.from_build, got.to_build) != (want.from_build, want.to_build):
        raise PackMismatchError(
            f"pack {name} was made from build {got.from_build} to build "
            f"{got.to_build}, this sync needs one from build {want.from_build} "
            f"to build {want.to_build}; {fix}"
        )
    if got.manifest_sha256 != want.manifest_sha256:
        raise PackMismatchError(
            f"pack {name} was made for manifest {got.manifest_sha256[:12]}…, "
            f"the signed one is {want.manifest_sha256[:12]}…; {fix}"
        )
    if (got.objects, got.bytes) != (want.objects, want.bytes):
        raise PackMismatchError(
            f"pack {name} holds {got.objects} objects of {got.bytes} bytes, the "
            f"manifests imply {want.objects} of {want.bytes}; {fix}"
        )


def pack_unpack(
    *, pack_path: Path, store: ObjectStore, plan: PackPlan, manifest_sha256: str
) -> list[str]:
    """Add the objects of the pack ``plan`` describes to ``store``, each checked.

    The dictionary objects must be in ``store``. Refuses (``PackMismatchError``,
    ``ObjectHashError``; what was added stays, being verified) a pack whose
    header is not the planned one, that holds fewer or more bytes than planned
    or an object with another sha256. Returns the digests added.
    """
    missing = store.missing(sha256s=plan.dict_shas)
    if missing:
        raise ReleaseError(
            f"pack {pack_path.name} needs {len(missing)} earlier objects this "
            f"store lacks (first {missing[0]}); fetch the full pack instead"
        )
    want = PackHeader.of(plan=plan, manifest_sha256=manifest_sha256)
    with open(pack_path, "rb") as handle:
        got = _header_read(handle=handle, name=pack_path.name)
        _header_match(got=got, want=want, name=pack_path.name)
        dict_data = b"".join(store.read(sha256=sha) for sha in plan.dict_shas)
        try:
            with _decompressor(dict_data=dict_data).stream_reader(
                handle, closefd=False
            ) as reader:
                return _objects_read(
                    reader=reader, plan=plan, store=store, name=pack_path.name
                )
        except zstd.ZstdError as err:
            raise PackMismatchError(f"pack {pack_path.name} is corrupt: {err}") from err


def _objects_read(
    *, reader: BinaryIO, plan: PackPlan, store: ObjectStore, name: str
) -> list[str]:
    """Read exactly the planned objects, then refuse any byte past them."""
    added = []
    for sha, size in plan.objects:
        store.add_stream(sha256=sha, size=size, stream=reader)
        added.append(sha)
    if reader.read(1):
        raise PackMismatchError(
            f"pack {name} holds more than the {plan.total} bytes its "
            f"{len(plan.objects)} objects need; refused (re-publish the build)"
        )
    return added


def _decompressor(*, dict_data: bytes) -> zstd.ZstdDecompressor:
    return zstd.ZstdDecompressor(
        dict_data=_dictionary(dict_data), max_window_size=1 << WINDOW_LOG_MAX
    )


def delta_encode(*, base: bytes, data: bytes) -> bytes:
    """``data`` compressed with ``base`` as a raw-content dictionary."""
    cctx = zstd.ZstdCompressor(
        dict_data=_dictionary(base),
        compression_params=_params(total=len(base) + len(data)),
    )
    return cctx.compress(data)


def delta_decode(*, base: bytes, delta: bytes, max_size: int) -> bytes:
    """Undo ``delta_encode``; refuses output larger than ``max_size`` bytes."""
    chunks: list[bytes] = []
    got = 0
    try:
        with _decompressor(dict_data=base).stream_reader(delta) as reader:
            while got <= max_size and (chunk := reader.read(1 << 16)):
                chunks.append(chunk)
                got += len(chunk)
    except zstd.ZstdError as err:
        raise ReleaseError(f"delta does not decode against its base: {err}") from err
    if got > max_size:
        raise ReleaseError(f"delta decodes to more than {max_size} bytes")
    return b"".join(chunks)
